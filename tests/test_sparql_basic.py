"""The SPARQL endpoint through Flask's test client, over the built sample corpus."""
from __future__ import annotations

PERSONS = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"


def test_get_query_returns_sparql_json(client):
    r = client.get("/sparql", query_string={"query": PERSONS})
    assert r.status_code == 200
    assert r.mimetype == "application/sparql-results+json"
    names = {b["n"]["value"] for b in r.get_json()["results"]["bindings"]}
    assert {"Jerzy Śmiałek", "François Dubanchet", "Michel Thiolliere"} <= names


def test_post_form_and_direct_query(client):
    r = client.post("/sparql", data={"query": PERSONS})
    assert r.status_code == 200 and r.get_json()["results"]["bindings"]
    r = client.post("/sparql", data=PERSONS.encode(), content_type="application/sparql-query")
    assert r.status_code == 200 and r.get_json()["results"]["bindings"]


def test_syntax_error_is_400_with_the_parser_message(client):
    r = client.get("/sparql", query_string={"query": "SELEC ?x WHERE {}"})
    assert r.status_code == 400
    assert "syntax error" in r.get_data(as_text=True) and "1:" in r.get_data(as_text=True)


def test_front_page_counts_what_the_dataset_holds(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'id="count-persons">6<' in html and "/sparql" in html
    data = client.get("/index.json").get_json()
    assert data["counts"]["persons"] == 6 and data["counts"]["events"] >= 8


def test_front_page_links_to_the_entities(client):
    html = client.get("/").get_data(as_text=True)
    assert '<a href="/page/person/jerzy-smialek">Jerzy Śmiałek</a>' in html
    data = client.get("/index.json").get_json()
    assert any(e["name"] == "Katowice" for e in data["entities"]["places"])
