"""No query makes the server fetch a URL or crash: SERVICE refused unless allow-listed, nesting and
size bounded before parsing, deep expression chains evaluated on a stack they cannot exhaust."""
from __future__ import annotations

import gc
import http.server
import json
import threading

import pytest

from server import create_app
from server.query_guard import QueryRefused, check

from .conftest import free_port


class Listener:
    """A loopback HTTP server that counts connections and answers as a SPARQL endpoint would."""

    def __init__(self, status: int = 200):
        self.hits = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                outer.hits += 1
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                body = json.dumps({"head": {"vars": ["x"]},
                                   "results": {"bindings": [{"x": {"type": "literal", "value": "remote"}}]}}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def app_with(store, **config):
    return create_app({"STORE": str(store), "QUERY_WORKERS": 1, "TESTING": True, **config})


def close(app):
    app.extensions["kronika"].queries.close()
    app.extensions.pop("kronika")
    gc.collect()


# --- the lexical check ----------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }",
    "select * where { service silent <http://169.254.169.254/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    "PREFIX e: <http://127.0.0.1/> SELECT * WHERE { SERVICE e:x { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o } # a comment\n SERVICE",
])
def test_service_is_refused(query):
    with pytest.raises(QueryRefused) as e:
        check(query)
    assert e.value.status == 400 and "SERVICE" in e.value.message


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }',
    "SELECT * WHERE { ?s ?p '''a\nSERVICE <http://x/> { }''' }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://x/>",
    "PREFIX SERVICE: <http://example.org/> SELECT ?SERVICE WHERE { ?SERVICE SERVICE:p ?o }",
    "PREFIX e: <http://example.org/> SELECT * WHERE { ?s e:SERVICE ?o FILTER(?o < 3) }",
])
def test_the_word_service_elsewhere_is_no_service(query):
    check(query)


def test_an_allowed_endpoint_passes_only_as_written():
    allowed = frozenset({"http://127.0.0.1:9/sparql"})
    check("SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", allowed)
    with pytest.raises(QueryRefused):
        check("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql/> { ?s ?p ?o } }", allowed)


def test_nesting_and_size_are_bounded():
    with pytest.raises(QueryRefused) as e:
        check("SELECT * WHERE " + "{" * 5000 + "}" * 5000)
    assert e.value.status == 400 and "nested" in e.value.message and "line 1" in e.value.message
    with pytest.raises(QueryRefused) as e:
        check("SELECT * WHERE { FILTER(" + "(" * 100_000 + "1" + ")" * 100_000 + ") }")
    assert e.value.status == 413
    check("SELECT * WHERE " + "{" * 200 + "}" * 200)


# --- over HTTP --------------------------------------------------------------------------------

def test_service_to_a_loopback_listener_is_refused_before_any_connection(client, listener):
    for q in (f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
              f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"):
        r = client.get("/sparql", query_string={"query": q})
        assert r.status_code == 400 and "SERVICE" in r.get_data(as_text=True)
        r = client.post("/sparql", data=q, content_type="application/sparql-query")
        assert r.status_code == 400
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }"})
    assert r.status_code == 400
    assert listener.hits == 0


def test_dataset_iris_are_graph_names_never_fetched(client, listener):
    r = client.get("/sparql", query_string={"query": f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}"})
    assert r.status_code == 200 and r.get_json()["results"]["bindings"] == []
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": listener.url})
    assert r.status_code == 200
    assert listener.hits == 0
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": "a b"})
    assert r.status_code == 400 and "default-graph-uri" in r.get_data(as_text=True)


def test_an_allow_listed_endpoint_is_queried_and_its_failure_is_a_502(store_copy, listener):
    app = app_with(store_copy, SERVICE_ALLOW=listener.url)
    try:
        client = app.test_client()
        r = client.get("/sparql", query_string={"query": f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?x }} }}"})
        assert r.status_code == 200, r.get_data(as_text=True)
        assert [b["x"]["value"] for b in r.get_json()["results"]["bindings"]] == ["remote"]
        assert listener.hits == 1
        listener.close()
        r = client.get("/sparql", query_string={"query": f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?x }} }}"})
        assert r.status_code == 502, r.get_data(as_text=True)
        assert "Traceback" not in r.get_data(as_text=True) and len(r.get_data(as_text=True).splitlines()) == 1
    finally:
        close(app)


def test_deeply_nested_queries_get_a_400_and_the_worker_lives(client):
    r = client.post("/sparql", data="SELECT * WHERE " + "{" * 5000 + "}" * 5000, content_type="application/sparql-query")
    assert r.status_code == 400 and "nested" in r.get_data(as_text=True)
    r = client.post("/sparql", data={"query": "SELECT * WHERE { FILTER(" + "(" * 100_000 + "1" + ")" * 100_000 + ") }"})
    assert r.status_code == 413
    r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 200 and r.get_json()["boolean"] is True


def test_long_operator_chains_do_not_exhaust_the_stack(store_copy):
    """20,000 terms of '||' recurse 20,000 levels in the store's parser: a crash on a thread's
    usual 8 MB stack (the query worker would die: 503), an answer on the query thread's."""
    app = app_with(store_copy, QUERY_MAX_BYTES=1_000_000)
    try:
        q = "ASK { FILTER(" + " || ".join(["false"] * 20_000) + " || true) }"
        r = app.test_client().post("/sparql", data={"query": q})
        assert r.status_code == 200, r.get_data(as_text=True)
        assert r.get_json()["boolean"] is True
    finally:
        close(app)
