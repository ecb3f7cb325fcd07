"""HTTP that every client and cache gets right (issue 15 §6–11): format tokens and media types,
HTML where a browser asks, Vary and cookies, fact graphs that dereference, readable SPARQL
errors, one literal form, and base IRIs that follow the site."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from graph.review import Review

from .test_review import curators, login  # noqa: F401  (fixture)

BASE = "http://127.0.0.1:5000/"
PERSONS = "PREFIX schema: <http://schema.org/> SELECT ?p WHERE { ?p a schema:Person } LIMIT 3"
CONSTRUCT = "CONSTRUCT { ?p ?q ?o } WHERE { ?p a <http://schema.org/Person> ; ?q ?o } LIMIT 20"


# --- §7 content negotiation ------------------------------------------------------------------

@pytest.mark.parametrize("token,mime", [("xml", "application/sparql-results+xml"), ("json", "application/sparql-results+json"),
                                        ("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                                        ("application/sparql-results+json", "application/sparql-results+json")])
def test_select_answers_the_format_tokens_clients_send(client, token, mime):
    r = client.get("/sparql", query_string={"query": PERSONS, "format": token})
    assert r.status_code == 200 and r.mimetype == mime


@pytest.mark.parametrize("token,mime,parser", [
    ("xml", "application/rdf+xml", "xml"), ("rdf", "application/rdf+xml", "xml"),
    ("rdf+xml", "application/rdf+xml", "xml"), ("json", "application/ld+json", "json-ld"),
    ("json-ld", "application/ld+json", "json-ld"), ("jsonld", "application/ld+json", "json-ld"),
    ("turtle", "text/turtle", "turtle"), ("ttl", "text/turtle", "turtle"), ("n3", "text/turtle", "turtle"),
    ("nt", "application/n-triples", "nt"), ("ntriples", "application/n-triples", "nt"),
    ("nq", "application/n-quads", "nquads"), ("nquads", "application/n-quads", "nquads"),
    ("trig", "application/trig", "trig")])
def test_construct_answers_the_format_tokens_clients_send(client, token, mime, parser):
    r = client.get("/sparql", query_string={"query": CONSTRUCT, "format": token})
    assert r.status_code == 200 and r.mimetype == mime, r.get_data(as_text=True)
    g = Dataset() if parser in ("nquads", "trig") else Graph()
    g.parse(data=r.get_data(as_text=True), format=parser)
    assert len(g) > 0


def test_format_given_twice_or_empty_as_sparqlwrapper_sends_it(client):
    r = client.get("/sparql?" + "&".join([f"query={PERSONS.replace(' ', '+')}", "format=tsv",
                                          "format=text/tab-separated-values", "output=tsv", "results="]))
    assert r.status_code == 200 and r.mimetype == "text/tab-separated-values"
    r = client.get("/sparql", query_string=[("query", CONSTRUCT), ("format", "rdf+xml"), ("format", "")])
    assert r.status_code == 200 and r.mimetype == "application/rdf+xml"
    r = client.get("/sparql", query_string={"query": PERSONS, "format": "pdf"})
    assert r.status_code == 406 and "unknown format" in r.get_data(as_text=True)


@pytest.mark.parametrize("accept", ["text/n3", "application/turtle", "application/x-turtle"])
def test_turtle_under_its_other_names(client, accept):
    r = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200 and len(Graph().parse(data=r.get_data(as_text=True), format="turtle")) > 0
    r = client.get("/id/person/jerzy-smialek", headers={"Accept": accept})
    assert r.status_code == 303 and "/data/person/jerzy-smialek" in r.headers["Location"]
    r = client.get("/data/person/jerzy-smialek", headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == accept
    assert len(Graph().parse(data=r.get_data(as_text=True), format="turtle")) > 0
    assert client.get("/.well-known/void", headers={"Accept": accept}).status_code == 200


def test_a_browser_gets_html_from_void_and_data(client):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    r = client.get("/.well-known/void", headers={"Accept": browser})
    assert r.status_code == 200 and r.mimetype == "text/html" and "void:sparqlEndpoint" in r.get_data(as_text=True)
    r = client.get("/data/person/jerzy-smialek", headers={"Accept": browser})
    assert r.status_code == 303 and r.headers["Location"].endswith("/page/person/jerzy-smialek")
    assert client.get("/data/person/jerzy-smialek", headers={"Accept": "*/*"}).mimetype == "text/turtle"
    assert client.get("/.well-known/void", headers={"Accept": "*/*"}).mimetype == "text/turtle"


# --- §8 caches -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path,accept", [("/ontology", "text/html"), ("/ontology", "text/turtle"),
                                         ("/sparql", "text/html"), ("/sparql", "text/turtle"), ("/", "text/html"),
                                         ("/page/person/jerzy-smialek", "text/html"), ("/.well-known/void", "text/turtle")])
def test_negotiated_answers_vary_on_accept_and_language(client, path, accept):
    r = client.get(path, headers={"Accept": accept})
    assert r.status_code == 200
    assert {"accept", "accept-language"} <= {v.strip().lower() for v in r.headers["Vary"].split(",")}


@pytest.mark.parametrize("path", ["/", "/page/person/jerzy-smialek", "/sparql", "/ontology", "/index.json"])
def test_anonymous_reads_set_no_cookie_and_carry_no_token(client, path):
    r = client.get(path, headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert "Set-Cookie" not in r.headers, path
    assert 'name="csrf-token"' not in r.get_data(as_text=True)


def test_a_curators_pages_are_never_public_in_a_cache(app, client, curators):  # noqa: F811
    login(client)
    r = client.get("/page/person/jerzy-smialek")
    assert r.status_code == 200 and "anna" in r.get_data(as_text=True)
    assert "public" not in r.headers["Cache-Control"] and "private" in r.headers["Cache-Control"]
    assert "private" in client.get("/login").headers["Cache-Control"]  # sets the session cookie


# --- §9 fact graphs dereference -------------------------------------------------------------

def _a_fact(app) -> str:
    facts, _ = Review(app.extensions["kronika"].store).facts(status="pending", limit=50)
    return next(f.key for f in facts if "Śmiałek" in f.summary)


def test_a_fact_graph_iri_dereferences_with_its_triples_provenance_and_review(app, client):
    key = _a_fact(app)
    fact = URIRef(f"{BASE}graph/fact/{key}")
    for accept, fmt in [("application/trig", "trig"), ("application/n-quads", "nquads"), ("application/ld+json", "json-ld")]:
        r = client.get(f"/graph/fact/{key}", headers={"Accept": accept})
        assert r.status_code == 200 and r.mimetype == accept
        ds = Dataset().parse(data=r.get_data(as_text=True), format=fmt)
        assert len(ds.graph(fact)) > 0, "the fact's own triples, in its graph"
        provenance = ds.graph(URIRef(f"{BASE}graph/provenance"))
        assert (fact, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None) in provenance
        assert (URIRef(f"{fact}#evidence"), None, None) in provenance, "its evidence selectors"
        review = ds.graph(URIRef(f"{BASE}graph/review"))
        assert (fact, URIRef(BASE + "ontology#reviewStatus"), URIRef(BASE + "ontology#pending")) in review
    turtle = client.get(f"/graph/fact/{key}", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and len(Graph().parse(data=turtle.get_data(as_text=True), format="turtle")) > 5
    page = client.get(f"/graph/fact/{key}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "Śmiałek" in page.get_data(as_text=True)
    assert client.get("/graph/fact/0000000000000000").status_code == 404
    assert client.get(f"/graph/fact/{key}", headers={"Accept": "image/png"}).status_code == 406


def test_shared_graphs_lead_to_their_sparql_and_the_documents_dereference(app, client):
    r = client.get("/graph/provenance", headers={"Accept": "application/n-quads"})
    assert r.status_code == 303 and r.headers["Location"].startswith("/sparql?query=")
    followed = client.get(r.headers["Location"], headers={"Accept": "text/turtle"})
    assert followed.status_code == 200 and "wasDerivedFrom" in followed.get_data(as_text=True)
    page = client.get("/graph/review", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "/sparql?query=" in page.get_data(as_text=True)
    assert client.get("/graph/secrets").status_code == 404
    document = next(iter(app.extensions["kronika"].store.query(
        f"SELECT ?d WHERE {{ GRAPH <{BASE}graph/provenance> {{ ?f <http://www.w3.org/ns/prov#wasDerivedFrom> ?d }} }} LIMIT 1")))
    path = document["d"].value[len(BASE) - 1:]
    assert client.get(path, headers={"Accept": "text/turtle"}).status_code == 303


# --- §10 readable errors -------------------------------------------------------------------------

@pytest.mark.parametrize("query,says", [
    ("SELECT ?x WHERE {?x ?y ?z} GROUP BY ?y", "grouped or aggregated"),
    ("SELEC ?x WHERE { ?x ?y ?z }", "a query starts with SELECT"),
    ("PREFIX a: <http://a/>\nSELECT * WHERE { ?s b:p ?o }", "line 2, column 21: the prefix b: is not declared"),
    ("SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = \"Łódź\" }", "line 3, column 22: '}' where '('"),
    ("SELECT * WHERE { ?s ?p ?o", "'{' is never closed"),
    ("SELECT ?x WHERE { ?x ?y ?z } LIMIT x", "unexpected 'x'"),
])
def test_syntax_errors_say_what_and_where_in_a_line(client, query, says):
    r = client.post("/sparql", data={"query": query})
    body = r.get_data(as_text=True)
    assert r.status_code == 400 and says in body, body
    assert body.count("\n") <= 2 and len(body) < 400 and "\\u{" not in body


def test_example_queries_declare_the_prefixes_of_the_datatypes_they_show(app, client):
    from server.views.sparql import examples
    for example in examples(BASE):
        r = client.post("/sparql", data={"query": example["query"]}, headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200, example["title"]
        datatypes = {b["datatype"] for row in r.get_json()["results"]["bindings"] for b in row.values() if "datatype" in b}
        if any(d.startswith("http://www.w3.org/2001/XMLSchema#") for d in datatypes):
            assert "PREFIX xsd:" in example["query"], example["title"]


# --- §11 one literal form ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["person/jerzy-smialek", "person/francois-dubanchet", "place/katowice",
                                  "place/saint-etienne", "organisation/stowarzyszenie-saint-etienne-katowice",
                                  "organisation/katowicka-izba-rzemieslnicza"])
def test_every_format_gives_the_same_graph(client, path):
    graphs = []
    for accept, fmt in [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                        ("application/n-triples", "nt"), ("application/rdf+xml", "xml")]:
        r = client.get(f"/data/{path}", headers={"Accept": accept})
        assert r.status_code == 200, path
        body = r.get_data(as_text=True)
        assert "XMLSchema#string" not in body and "xsd:string" not in body
        graphs.append(Graph().parse(data=body, format=fmt))
    assert all(isomorphic(graphs[0], g) for g in graphs[1:])


# --- §6 base IRIs that follow the site -------------------------------------------------------------

def test_the_base_follows_host_and_port_unless_set():
    from server import config
    assert config.load({"PORT": 5101})["BASE"] == "http://127.0.0.1:5101/"
    assert config.load({"HOST": "kronika.example", "PORT": 80})["BASE"] == "http://kronika.example:80/"
    assert config.load({"HOST": "0.0.0.0", "PORT": 8080})["BASE"] == "http://127.0.0.1:8080/"
    assert config.load({"PORT": 5101, "BASE": "https://data.example.org/"})["BASE"] == "https://data.example.org/"


def test_a_store_moves_to_a_new_base_keeping_decisions(store_copy):
    from graph.rebase import rebase
    from graph.store import Store
    from graph.vocab import Base

    store = Store(store_copy, Base(BASE))
    facts, _ = Review(store).facts(status="pending", limit=50)
    key = next(f.key for f in facts if "Śmiałek" in f.summary)
    Review(store).decide(key, "accepted", curator="anna")
    store.close()
    del store
    new = "http://127.0.0.1:5101/"
    moved = rebase(store_copy, BASE, new)
    store = Store(store_copy, Base(new), read_only=True)
    assert moved > 1000 and store.built_for() == new
    assert not any(BASE in str(q) for q in store.ox), "no IRI under the old base is left"
    status = next(iter(store.query(f"SELECT ?s WHERE {{ GRAPH <{new}graph/review> {{ <{new}graph/fact/{key}> "
                                   f"<{new}ontology#reviewStatus> ?s }} }}")))
    assert status["s"].value == new + "ontology#accepted"


def test_serve_refuses_a_store_built_for_another_base_and_says_how_to_rebuild(store_copy, monkeypatch):
    from server import wsgi
    from server.cli import cli

    monkeypatch.setattr(wsgi, "serve", lambda cfg: pytest.fail("a server was started"))
    monkeypatch.delenv("KRONIKA_BASE", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--store", str(store_copy), "--port", "5101"])
    assert result.exit_code == 1
    assert "was built for http://127.0.0.1:5000/" in result.output and "kronika build" in result.output


def test_build_moves_a_store_to_the_sites_base(store_copy, tmp_path, monkeypatch):
    from server.cli import cli
    from tests.conftest import SAMPLE

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SAMPLE.name).write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.delenv("KRONIKA_BASE", raising=False)
    monkeypatch.setenv("KRONIKA_PORT", "5101")
    result = CliRunner().invoke(cli, ["build", "--store", str(store_copy), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "moving its IRIs to http://127.0.0.1:5101/" in result.output
    assert "unchanged, skipped" in result.output, "the moved store is the same store: nothing re-extracted"
    from graph.store import Store
    from graph.vocab import Base
    assert Store(store_copy, Base("http://127.0.0.1:5101/"), read_only=True).built_for() == "http://127.0.0.1:5101/"


def test_head_on_sparql_and_405s_that_say_what_is_allowed(client):
    r = client.head("/sparql", query_string={"query": "ASK {}"})
    assert r.status_code == 200 and r.data == b""
    for method, path in [("delete", "/page/person/jerzy-smialek"), ("post", "/ontology"), ("put", "/sparql")]:
        r = getattr(client, method)(path)
        assert r.status_code == 405 and "GET" in r.headers["Allow"], (method, path)
