"""SPARQL endpoint behaviour beyond the W3C tests: formats, limits, caching, CORS."""
from __future__ import annotations

import csv
import io
import threading
import time

import pytest
from rdflib import Graph

from server import create_app

PERSONS = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n"
CONSTRUCT = "PREFIX schema: <http://schema.org/> CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"
EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q . ?r ?s ?t }"


@pytest.mark.parametrize("accept,mime", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
])
def test_select_formats_by_accept(client, accept, mime):
    r = client.get("/sparql", query_string={"query": PERSONS}, headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == mime
    body = r.get_data(as_text=True)
    assert "Jerzy Śmiałek" in body
    if mime == "text/csv":
        rows = list(csv.reader(io.StringIO(body)))
        assert rows[0] == ["n"] and len(rows) == 7


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("jsonld", "json-ld"), ("ntriples", "nt"),
                                        ("rdfxml", "xml"), ("trig", "trig"), ("nquads", "nquads")])
def test_construct_formats_by_format_parameter_parse(client, fmt, parser):
    r = client.get("/sparql", query_string={"query": CONSTRUCT, "format": fmt})
    assert r.status_code == 200
    g = Graph() if parser not in ("trig", "nquads") else __import__("rdflib").Dataset()
    g.parse(data=r.get_data(as_text=True), format=parser)
    assert len(g) == 6


def test_unacceptable_format_is_406(client):
    r = client.get("/sparql", query_string={"query": PERSONS}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "offered" in r.get_data(as_text=True)


@pytest.mark.parametrize("kwargs,status", [
    ({"method": "GET", "query_string": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
    ({"method": "POST", "data": "ASK {}", "content_type": "text/plain"}, 415),
    ({"method": "POST", "data": "ASK {}"}, 415),
    ({"method": "POST", "data": "ASK {}".encode("utf-16"), "content_type": "application/sparql-query"}, 400),
    ({"method": "GET", "query_string": {"update": "CLEAR ALL"}}, 403),
    ({"method": "POST", "data": {"update": "CLEAR ALL"}}, 403),
    ({"method": "POST", "data": "CLEAR ALL", "content_type": "application/sparql-update"}, 403),
    ({"method": "PUT", "data": "x"}, 405),
    ({"method": "DELETE"}, 405),
    ({"method": "GET", "query_string": {"query": "SELECT * WHERE { ?s ?p }"}}, 400),
    ({"method": "GET", "query_string": {"query": "ASK {}", "timeout": "soon"}}, 400),
])
def test_bad_requests_get_4xx_with_a_message(client, kwargs, status):
    r = client.open("/sparql", **kwargs)
    assert r.status_code == status
    assert r.get_data(as_text=True).strip()


def test_dataset_parameters_override_from(client):
    q = "SELECT (COUNT(*) AS ?n) FROM <http://127.0.0.1:5000/graph/vocabulary> WHERE { ?s ?p ?o }"
    full = client.get("/sparql", query_string={"query": q}).get_json()
    empty = client.get("/sparql", query_string={"query": q, "default-graph-uri": "http://example.org/unknown"}).get_json()
    assert int(full["results"]["bindings"][0]["n"]["value"]) > 100
    assert empty["results"]["bindings"][0]["n"]["value"] == "0"


def test_cors_preflight_and_headers(client):
    r = client.options("/sparql", headers={"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
                                           "Access-Control-Request-Headers": "Content-Type"})
    assert r.status_code == 204
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in r.headers["Access-Control-Allow-Headers"]
    r = client.post("/sparql", data={"query": PERSONS}, headers={"Origin": "https://yasgui.example"})
    assert r.headers["Access-Control-Allow-Origin"] == "*" and "Accept" in r.headers["Vary"]


def test_etag_revalidates_and_changes_with_the_store(app, client):
    r = client.get("/sparql", query_string={"query": PERSONS})
    etag = r.headers["ETag"]
    again = client.get("/sparql", query_string={"query": PERSONS}, headers={"If-None-Match": etag})
    assert again.status_code == 304
    app.extensions["kronika"].store.bump_version()
    changed = client.get("/sparql", query_string={"query": PERSONS}, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_row_limit_truncates_and_says_so(store_copy):
    app = create_app({"STORE": str(store_copy), "ROW_LIMIT": 5, "QUERY_WORKERS": 1})
    try:
        r = app.test_client().get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert r.status_code == 200
        assert r.headers["Kronika-Truncated"].startswith("true")
        assert len(r.get_json()["results"]["bindings"]) == 5
        small = app.test_client().get("/sparql", query_string={"query": PERSONS + " LIMIT 2"})
        assert "Kronika-Truncated" not in small.headers
    finally:
        app.extensions["kronika"].queries.close()


@pytest.mark.slow
def test_a_query_past_the_time_limit_is_stopped_while_others_are_answered(store_copy):
    app = create_app({"STORE": str(store_copy), "QUERY_TIMEOUT": 2, "QUERY_WORKERS": 2})
    try:
        client = app.test_client()
        client.get("/sparql", query_string={"query": "ASK {}"})  # start the workers
        result = {}

        def explosive():
            t0 = time.monotonic()
            result["response"] = app.test_client().get("/sparql", query_string={"query": EXPLOSIVE})
            result["elapsed"] = time.monotonic() - t0

        thread = threading.Thread(target=explosive)
        thread.start()
        time.sleep(0.3)
        t0 = time.monotonic()
        quick = client.get("/sparql", query_string={"query": PERSONS})
        quick_elapsed = time.monotonic() - t0
        thread.join(30)
        assert quick.status_code == 200 and quick_elapsed < result["elapsed"]
        response = result["response"]
        assert response.status_code == 503
        assert "time limit" in response.get_data(as_text=True)
        assert 1.5 < result["elapsed"] < 10
        smaller = client.get("/sparql", query_string={"query": EXPLOSIVE, "timeout": "0.5"})
        assert smaller.status_code == 503
        after = client.get("/sparql", query_string={"query": PERSONS})
        assert after.status_code == 200, "workers are replaced after a kill"
    finally:
        app.extensions["kronika"].queries.close()


def test_service_description_by_accept(client):
    for accept, parser in [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")]:
        r = client.get("/sparql", headers={"Accept": accept})
        assert r.status_code == 200 and r.mimetype == accept
        g = Graph().parse(data=r.get_data(as_text=True), format=parser)
        assert any("sparql-service-description#Service" in str(o) for o in g.objects())
    html = client.get("/sparql", headers={"Accept": "text/html"})
    assert html.status_code == 200 and b"yasgui" in html.data.lower()


def test_every_example_query_runs_and_finds_something(client):
    from server.views.sparql import examples
    for example in examples("http://127.0.0.1:5000/"):
        r = client.post("/sparql", data={"query": example["query"]})
        assert r.status_code == 200, (example["title"], r.get_data(as_text=True))
        if "przyjęte" not in example["title"]:
            assert r.get_json()["results"]["bindings"], example["title"]


# --- the answer cache (server/answers.py) ------------------------------------------------------

@pytest.fixture
def cached_app(store_copy, tmp_path):
    app = create_app({"STORE": str(store_copy), "QUERY_WORKERS": 1, "TESTING": True,
                      "ANSWER_CACHE": str(tmp_path / "answers.sqlite")})
    yield app
    app.extensions["kronika"].queries.close()


def _runs(monkeypatch, app) -> list[str]:
    """The queries the app runs on its store from now on (a cached answer runs none)."""
    runs, queries = [], app.extensions["kronika"].queries
    real = queries.run
    monkeypatch.setattr(queries, "run", lambda req, **kwargs: runs.append(req.query) or real(req, **kwargs))
    return runs


def test_a_repeated_query_is_answered_from_the_cache_until_the_store_changes(cached_app, monkeypatch):
    client, runs = cached_app.test_client(), _runs(monkeypatch, cached_app)
    first = client.get("/sparql", query_string={"query": PERSONS})
    again = client.get("/sparql", query_string={"query": PERSONS})
    posted = client.post("/sparql", data={"query": PERSONS})  # the view, not the fast path: the same cache
    assert runs == [PERSONS]
    assert first.status_code == again.status_code == posted.status_code == 200
    assert again.data == posted.data == first.data and "Jerzy Śmiałek" in first.get_data(as_text=True)
    for header in ("Content-Type", "ETag", "Kronika-Rows"):
        assert again.headers[header] == first.headers[header]
    as_csv = client.get("/sparql", query_string={"query": PERSONS}, headers={"Accept": "text/csv"})
    assert as_csv.mimetype == "text/csv" and len(runs) == 2  # another format is another answer
    cached_app.extensions["kronika"].store.bump_version()
    changed = client.get("/sparql", query_string={"query": PERSONS})
    assert len(runs) == 3 and changed.data == first.data and changed.headers["ETag"] != first.headers["ETag"]


def test_answers_that_change_from_run_to_run_and_failures_are_not_cached(cached_app, monkeypatch):
    client, runs = cached_app.test_client(), _runs(monkeypatch, cached_app)
    volatile = "SELECT ?t ?r WHERE { BIND(NOW() AS ?t) BIND(rand() AS ?r) }"
    assert client.get("/sparql", query_string={"query": volatile}).status_code == 200
    assert client.get("/sparql", query_string={"query": volatile}).status_code == 200
    broken = "SELECT ?x WHERE { ?x <http://schema.org/name> ?n } ORDER BY xsd:nothing(?n)"
    assert client.get("/sparql", query_string={"query": broken}).status_code == 400
    assert client.get("/sparql", query_string={"query": broken}).status_code == 400
    assert runs.count(volatile) == 2 and runs.count(broken) == 2


def test_a_cache_that_cannot_be_used_costs_no_answer(store_copy, tmp_path, monkeypatch):
    (tmp_path / "not-a-database").write_bytes(b"\x00garbage" * 1000)
    app = create_app({"STORE": str(store_copy), "QUERY_WORKERS": 1, "ANSWER_CACHE": str(tmp_path / "not-a-database")})
    try:
        runs = _runs(monkeypatch, app)
        for _ in range(2):
            r = app.test_client().get("/sparql", query_string={"query": PERSONS})
            assert r.status_code == 200 and "Jerzy Śmiałek" in r.get_data(as_text=True)
        assert runs == [PERSONS, PERSONS]
    finally:
        app.extensions["kronika"].queries.close()


def test_the_answer_cache_keeps_to_its_size_and_to_the_current_version(tmp_path):
    from server.answers import CHECK_EVERY, AnswerCache
    from server.queries import QueryRequest, QueryResult

    cache = AnswerCache(tmp_path / "answers.sqlite", max_bytes=50_000)
    body = b"x" * 1000
    for i in range(20 * CHECK_EVERY):
        req = QueryRequest(f"ASK {{ <urn:x:{i}> ?p ?o }}", version="7")
        cache.put(cache.key(req), "7", QueryResult(body, "application/sparql-results+json", False, 1))
    size = sum(len(r[0]) for r in cache._open().execute("SELECT body FROM answers"))
    assert size <= 50_000 + CHECK_EVERY * len(body)
    newest = QueryRequest(f"ASK {{ <urn:x:{20 * CHECK_EVERY - 1}> ?p ?o }}", version="7")
    assert cache.get(cache.key(newest)).body == body  # the oldest go first
    assert cache.get(cache.key(QueryRequest("ASK { <urn:x:0> ?p ?o }", version="7"))) is None
    later = QueryRequest("ASK {}", version="8")
    cache.put(cache.key(later), "8", QueryResult(b"true", "application/sparql-results+json"))
    assert cache._open().execute("SELECT DISTINCT version FROM answers").fetchall() == [("8",)]
    assert cache.key(QueryRequest("SELECT (STRUUID() AS ?u) {}")) is None
