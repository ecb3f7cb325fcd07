"""The cheaper paths of the SPARQL front end and the resource pages answer exactly as the ones they
replace (issue 18 §5): the WSGI fast path of `GET /sparql?query=…` against Flask's view, the index
lookups of a resource's description against its SPARQL queries, the JSON of a result written
directly against json.dumps, the query threads kept between queries, the slot folders in memory."""
from __future__ import annotations

import json
import os
import threading

import pyoxigraph as ox
import pytest

from server import create_app, limits
from server.queries import _select_json, _term_json
from server.query_guard import run_deep
from server.resources import Describer
from server.views import sparql as sparql_view

from .test_sparql_endpoint import CONSTRUCT, PERSONS

PERSON = "http://127.0.0.1:5000/id/person/jerzy-smialek"
IGNORED = {"Date"}


class FlaskOnly:
    """A test client of the same app without the fast path: every request through Flask and the view."""

    def __init__(self, app):
        self.app, self.client = app, app.test_client()

    def __getattr__(self, name):
        method = getattr(self.client, name)

        def call(*args, **kwargs):
            fast = self.app.wsgi_app
            self.app.wsgi_app = fast.next
            try:
                return method(*args, **kwargs)
            finally:
                self.app.wsgi_app = fast
        return call


def flask_only(app) -> FlaskOnly:
    return FlaskOnly(app)


def answer(response) -> tuple:
    return (response.status_code, sorted((k, v) for k, v in response.headers.items() if k not in IGNORED),
            response.get_data())


@pytest.fixture
def counted(monkeypatch):
    """How many requests the fast path answered itself."""
    seen = {"answered": 0}
    original = sparql_view.FastPath.answer

    def answer_(self, environ):
        out = original(self, environ)
        seen["answered"] += out is not None
        return out
    monkeypatch.setattr(sparql_view.FastPath, "answer", answer_)
    return seen


REQUESTS = [
    ({"query": PERSONS}, {}),
    ({"query": PERSONS}, {"Accept": "text/csv"}),
    ({"query": PERSONS}, {"Accept": "application/sparql-results+xml, */*;q=0.1"}),
    ({"query": PERSONS}, {"Accept": "image/png"}),                      # 406
    ({"query": CONSTRUCT}, {"Accept": "text/turtle"}),
    ({"query": "ASK { ?s ?p ?o }"}, {}),
    ({"query": "SELECT * WHERE { ?s ?p }"}, {}),                         # a syntax error
    ({"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, {}),  # refused
    ({"query": "SELECT (<relative> AS ?x) WHERE {}"}, {}),               # resolved against the endpoint
    ({"query": "SELECT ?s WHERE { ?s ?p \"zażółć\" }"}, {}),
    ({"query": "   "}, {}),
    ({"query": PERSONS, "format": "csv"}, {}),                            # not the fast path's: Flask's
    ({"query": PERSONS, "timeout": "5"}, {}),
]


def test_the_fast_path_answers_byte_for_byte_as_the_view(app, counted):
    fast, plain = app.test_client(), flask_only(app)
    for params, headers in REQUESTS:
        assert answer(fast.get("/sparql", query_string=params, headers=headers)) == \
            answer(plain.get("/sparql", query_string=params, headers=headers)), (params, headers)
    assert counted["answered"] >= 5, "the plain queries were answered by the fast path"


def test_revalidation_and_row_cap_on_the_fast_path(store_copy, counted):
    app = create_app({"STORE": str(store_copy), "QUERY_WORKERS": 1, "ROW_LIMIT": 3, "TESTING": True})
    try:
        fast, plain = app.test_client(), flask_only(app)
        first = fast.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert first.status_code == 200 and first.headers["Kronika-Truncated"] == "true; limit=3"
        assert len(first.get_json()["results"]["bindings"]) == 3 and first.headers["Kronika-Rows"] == "3"
        etag = first.headers["ETag"]
        for inm in (etag, f"W/{etag}", "*", '"other"', f'"other", {etag}'):
            a = fast.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"If-None-Match": inm})
            b = plain.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"If-None-Match": inm})
            assert answer(a) == answer(b), inm
        assert fast.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"},
                        headers={"If-None-Match": etag}).status_code == 304
        app.extensions["kronika"].store.bump_version()  # a write: a new version, a new ETag, a new answer
        after = fast.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"If-None-Match": etag})
        assert after.status_code == 200 and after.headers["ETag"] != etag
        assert counted["answered"] >= 4
    finally:
        app.extensions["kronika"].queries.close()


def test_the_fast_path_leaves_other_requests_to_flask(app, counted):
    client = app.test_client()
    client.set_cookie("session", "x")  # a curator's request: sessions are Flask's
    assert client.get("/sparql", query_string={"query": PERSONS}).status_code == 200
    plain = app.test_client()
    assert plain.head("/sparql", query_string={"query": PERSONS}).status_code == 200
    assert plain.post("/sparql", data={"query": PERSONS}).status_code == 200
    assert plain.get("/sparql", query_string={"query": PERSONS, "default-graph-uri": "http://example.org/g"}).status_code == 200
    assert plain.get("/sparql", headers={"Accept": "text/turtle"}).status_code == 200  # the service description
    assert plain.get("/sparql", query_string={"query": PERSONS}, headers={"Authorization": "Basic eDp5"}).status_code == 200
    assert counted["answered"] == 0


def test_a_query_that_fails_is_run_once_and_answered_by_the_view(app, monkeypatch):
    runner = app.extensions["kronika"].queries
    calls = []
    original = runner.run

    def run(req, **kwargs):
        calls.append(req.query)
        return original(req, **kwargs)
    monkeypatch.setattr(runner, "run", run)
    r = app.test_client().get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert r.status_code == 400 and "syntax error" in r.get_data(as_text=True).lower()
    assert len(calls) == 1


def test_a_refused_query_keeps_its_429_on_the_fast_path(store_copy, counted):
    app = create_app({"STORE": str(store_copy), "QUERY_WORKERS": 1, "QUERY_PER_CLIENT": 1, "TESTING": True})
    try:
        with limits.of(app).slot("127.0.0.1"):
            r = app.test_client().get("/sparql", query_string={"query": PERSONS})
        assert r.status_code == 429 and r.headers["Retry-After"] == "1"
        assert r.headers["Access-Control-Allow-Origin"] == "*" and counted["answered"] == 0
    finally:
        app.extensions["kronika"].queries.close()


# --- a resource's description ------------------------------------------------------------------

def test_index_lookups_describe_every_resource_as_the_sparql_queries_do(app):
    store = app.extensions["kronika"].store
    subjects = {q.subject.value for q in store.ox.quads_for_pattern(
        None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None, ox.DefaultGraph())
        if isinstance(q.subject, ox.NamedNode)}
    assert len(subjects) > 20
    lookups, queries = Describer(store), Describer(store)
    queries.lookups = False
    described_facts = 0
    for iri in sorted(subjects):
        for page in (0, 1):
            a, b = lookups.describe(iri, page, 3), queries.describe(iri, page, 3)
            assert a == b, iri
            described_facts += len(a.facts)
    assert described_facts > 10, "facts with their evidence were compared, not only empty lists"


def test_hubs_are_still_counted_by_the_store(app, monkeypatch):
    from server import resources
    monkeypatch.setattr(resources, "INCOMING_IN_PYTHON", 1)
    store = app.extensions["kronika"].store
    d = Describer(store)
    plain = Describer(store)
    plain.lookups = False
    r = d.describe(PERSON, 0, 2)
    assert r == plain.describe(PERSON, 0, 2)
    assert r.incoming_total == sum(r.incoming_by_predicate.values())


def test_pages_and_data_answer_as_before(client):
    page = client.get("/page/person/jerzy-smialek")
    assert page.status_code == 200 and "Jerzy Śmiałek" in page.get_data(as_text=True)
    assert client.get("/page/person/jerzy-smialek", headers={"If-None-Match": page.headers["ETag"]}).status_code == 304
    data = client.get("/data/person/jerzy-smialek.ttl")
    assert data.status_code == 200 and "Śmiałek" in data.get_data(as_text=True)


# --- the JSON of a result ----------------------------------------------------------------------

def test_results_json_is_the_text_json_dumps_wrote():
    store = ox.Store()
    s, p = ox.NamedNode("http://example.org/ś"), ox.NamedNode("http://example.org/p")
    values = [ox.Literal("plain"), ox.Literal('quo"te\\ \n\t\u2028 zażółć 😀'), ox.Literal("tekst", language="pl-PL"),
              ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
              ox.NamedNode("http://example.org/o?x=1&y=ż"), ox.BlankNode("b1"), ox.Literal("")]
    for o in values:
        store.add(ox.Quad(s, p, o))
    for query in ["SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "SELECT ?o ?missing WHERE { ?s ?p ?o OPTIONAL { ?o ?x ?missing } }",
                  "SELECT * WHERE { }", "SELECT ?x WHERE { FILTER(false) }"]:
        solutions = store.query(query)
        variables = [v.value for v in solutions.variables]
        rows = [list(r) for r in solutions]
        expected = json.dumps({"head": {"vars": variables}, "results": {"bindings": [
            {v: _term_json(t) for v, t in zip(variables, r) if t is not None} for r in rows]}}, ensure_ascii=False)
        assert _select_json(variables, rows) == expected


# --- the query threads ---------------------------------------------------------------------------

def test_query_threads_are_kept_and_errors_come_back_as_they_were():
    run_deep(lambda: None)
    before = threading.active_count()
    for k in range(200):
        assert run_deep(lambda x, y=0: x + y, k, y=1) == k + 1
    assert threading.active_count() == before, "no thread started per call"

    class Mine(Exception):
        pass

    def fail():
        raise Mine("boom")
    with pytest.raises(Mine, match="boom"):
        run_deep(fail)
    assert run_deep(lambda: "again") == "again"

    results, barrier = [], threading.Barrier(4)

    def at_once(k):
        barrier.wait()
        results.append(run_deep(lambda: k * 2))
    threads = [threading.Thread(target=at_once, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [0, 2, 4, 6], "calls running at once each get a thread of their own"


# --- slot folders --------------------------------------------------------------------------------

@pytest.mark.skipif(not limits.in_memory_usable(), reason="no /dev/shm here")
def test_a_memory_folder_is_ours_alone(tmp_path):
    name = f"kronika-test-slots-{os.getpid()}"
    folder = limits.memory_folder(name)
    try:
        assert folder is not None and (os.stat(folder).st_mode & 0o777) == 0o700
        slots = limits.QueryLimits(folder, 1, 2)
        with slots.slot("10.0.0.1"):
            with pytest.raises(limits.LimitReached):
                with slots.slot("10.0.0.1"):
                    pass
        assert not any(folder.iterdir())
        os.chmod(folder, 0o755)  # open to others: not used
        assert limits.memory_folder(name) is None
    finally:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()
