"""Every backend: the embedded store and two remote SPARQL 1.1 stores, a real `oxigraph serve` and a
real OpenLink Virtuoso (Debian's), spoken to only through SPARQL Query, Update and the Graph Store
protocol. The same build, decision and publishing tests run on each."""
from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from graph.build import build_corpus
from graph.remote import Endpoints
from graph.store import Store
from graph.vocab import Base
from server import create_app
from server.curators import Curators

from .conftest import SAMPLE, STARTUP_WAIT, free_port

OXIGRAPH = str(Path(sys.executable).parent / "oxigraph")
VIRTUOSO, VIRTUOSO_SQL = shutil.which("virtuoso-t"), shutil.which("isql-vt")
PERSONS = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"
REMOTES = ["oxigraph", "virtuoso"]


class Server:
    """A store server process on a free loopback port, waited for by polling its query endpoint."""
    settings: dict  # Kronika's settings that reach it (STORE, STORE_QUERY, …)

    def __init__(self):
        self.port, self.proc = free_port(), None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def environment(self) -> dict[str, str]:
        """The settings but STORE, as `kronika` reads them from the environment."""
        return {f"KRONIKA_{key}": value for key, value in self.settings.items() if key != "STORE"}

    def store(self) -> Store:
        return Store(self.url, Base(), endpoints=Endpoints.from_config(self.settings))

    def _wait_ready(self, query_url: str, name: str, log: Path | None = None) -> None:
        deadline = time.monotonic() + STARTUP_WAIT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                said = f":\n{log.read_text()[-3000:]}" if log and log.exists() else ""
                raise RuntimeError(f"{name} exited with {self.proc.returncode}{said}")
            try:
                requests.get(query_url, params={"query": "ASK {}"}, timeout=5)
                return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError(f"{name} did not answer within {STARTUP_WAIT} s")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(60)


class OxigraphServer(Server):
    """`oxigraph serve` on a store directory, at Kronika's default endpoints."""

    def __init__(self, location: Path):
        super().__init__()
        self.location = location

    @property
    def settings(self) -> dict:
        return {"STORE": self.url}

    def start(self) -> None:
        self.proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(self.location), "--bind",
                                      f"127.0.0.1:{self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_ready(self.url + "/query", "oxigraph serve")


class VirtuosoServer(Server):
    """Virtuoso with a database in a folder of its own, as the README sets one up: endpoints /sparql
    and /sparql-graph-crud, updates allowed to the SPARQL user, no cap on result rows, and Kronika's
    default graph kept in a named graph (Virtuoso's is the union of every graph)."""
    STAND_IN = "urn:kronika:default-graph"

    def __init__(self, folder: Path):
        super().__init__()
        self.folder, self.sql_port = folder, free_port()

    @property
    def settings(self) -> dict:
        return {"STORE": self.url, "STORE_QUERY": f"{self.url}/sparql", "STORE_UPDATE": f"{self.url}/sparql",
                "STORE_GSP": f"{self.url}/sparql-graph-crud", "STORE_DEFAULT_GRAPH": self.STAND_IN}

    def start(self) -> None:
        new = not (self.folder / "virtuoso.db").exists()
        config = self.folder / "virtuoso.ini"
        config.write_text(VIRTUOSO_INI.format(sql_port=self.sql_port, port=self.port))
        self.proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(config)], cwd=self.folder,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_ready(self.url + "/sparql", "virtuoso-t", self.folder / "virtuoso.log")
        if new:
            subprocess.run([VIRTUOSO_SQL, f"127.0.0.1:{self.sql_port}", "dba", "dba",
                            'exec=GRANT SPARQL_UPDATE TO "SPARQL";'], check=True, capture_output=True, timeout=120)

    def save(self) -> None:
        """Remember Kronika's graphs (the sample build): those under its base and the default graph's
        stand-in, not Virtuoso's own."""
        rows = self.store().query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        self.saved = [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows
                      if r["g"].value.startswith(Base().iri) or r["g"].value == self.STAND_IN]

    def restore(self) -> None:
        """Kronika's graphs as saved, in the one server the tests share (starting one takes seconds): the
        saved graphs and any fact graph a test added (it has a review status) are replaced, and the decisions and
        validation messages a test recorded go."""
        if self.proc.poll() is not None:
            self.start()
        store = self.store()
        added = {r["g"].value for r in store.query(f"SELECT ?g WHERE {{ GRAPH <{store.base.review}> {{ ?g ?p ?o }} }}")}
        graphs = {q.graph_name.value for q in self.saved} | added | {store.base.audit, store.base.graph("validation")}
        store.ox.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in sorted(graphs)))
        store.ox.extend(self.saved)


# as the README's: a database in the working directory, both ports on the loopback, no cap on result rows
# (Debian's packaged virtuoso.ini caps them at 10000, past which Virtuoso cuts CONSTRUCT and Graph Store reads)
VIRTUOSO_INI = """\
[Parameters]
ServerPort = 127.0.0.1:{sql_port}

[HTTPServer]
ServerPort = 127.0.0.1:{port}
"""


@pytest.fixture(scope="module")
def oxigraph_built(tmp_path_factory):
    """A sample build inside a real `oxigraph serve`, stopped again; copied per test."""
    location = tmp_path_factory.mktemp("oxigraph") / "data"
    server = OxigraphServer(location)
    server.start()
    build_corpus(server.store(), [SAMPLE], echo=lambda m: None)
    server.stop()
    return location


@pytest.fixture
def oxigraph(oxigraph_built, tmp_path):
    location = tmp_path / "oxigraph"
    shutil.copytree(oxigraph_built, location, ignore=shutil.ignore_patterns("LOCK"))
    server = OxigraphServer(location)
    server.start()
    yield server
    if server.proc.poll() is None:
        server.stop()


@pytest.fixture(scope="module")
def virtuoso_built(tmp_path_factory):
    """One Virtuoso for the module (a start takes seconds), with the sample built into it."""
    if not (VIRTUOSO and VIRTUOSO_SQL):
        pytest.skip("Virtuoso is not installed: `make test` installs Debian's virtuoso-opensource-7-bin as root")
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    try:
        build_corpus(server.store(), [SAMPLE], echo=lambda m: None)
        server.save()
        yield server
    finally:
        if server.proc.poll() is None:
            server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)  # a new database is 50 MB


@pytest.fixture
def virtuoso(virtuoso_built):
    """The shared Virtuoso, holding the sample build again whatever the test before changed."""
    virtuoso_built.restore()
    return virtuoso_built


@pytest.fixture(params=REMOTES)
def remote(request):
    """A remote store server holding the sample build, each kind in turn."""
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["embedded", *REMOTES])
def backend_app(request, tmp_path, monkeypatch):
    if request.param == "embedded":
        store_copy = request.getfixturevalue("store_copy")
        app = create_app({"STORE": str(store_copy), "QUERY_WORKERS": 1, "CURATORS": str(tmp_path / "c.sqlite")})
    else:
        server = request.getfixturevalue(request.param)
        monkeypatch.setenv("KRONIKA_STATE", str(tmp_path))
        app = create_app({**server.settings, "CURATORS": str(tmp_path / "c.sqlite")})
    Curators(tmp_path / "c.sqlite").add("anna", "tajne-haslo-1")
    app.config["test_token"] = Curators(tmp_path / "c.sqlite").new_token("anna")
    yield app
    app.extensions["kronika"].queries.close()
    app.extensions.pop("kronika")
    gc.collect()


def test_whole_store_validation_on_every_backend_finds_a_broken_fact(backend_app):
    """The validation copies graphs by dump (embedded) or Graph Store GET (remote) and names the fact."""
    from graph.validate import validate_store
    store = backend_app.extensions["kronika"].store
    assert not [m for ms in validate_store(store).values() for m in ms if m.severity == "Violation"]
    g = next(r["g"] for r in store.query("SELECT ?g WHERE { GRAPH ?g { ?e a <http://schema.org/Event> } "
                                         f"FILTER(STRSTARTS(STR(?g), '{store.base.fact('')}')) }} LIMIT 1"))
    e = next(r["e"] for r in store.query(f"SELECT ?e WHERE {{ GRAPH {g} {{ ?e a <http://schema.org/Event> }} }}"))
    with store.writing():
        store.ox.update(f'INSERT DATA {{ GRAPH {g} {{ {e} <http://schema.org/startDate> '
                        f'"1994-13"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> }} }}')
    broken = [key for key, ms in validate_store(store).items() if any(m.severity == "Violation" for m in ms)]
    assert len(broken) == 1 and broken[0].startswith(g.value + " (")


def test_sparql_on_every_backend(backend_app):
    c = backend_app.test_client()
    r = c.get("/sparql", query_string={"query": PERSONS})
    assert r.status_code == 200 and "Jerzy Śmiałek" in r.get_data(as_text=True)
    again = c.get("/sparql", query_string={"query": PERSONS}, headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304 and again.headers["ETag"] == r.headers["ETag"]
    q = "SELECT (COUNT(*) AS ?n) FROM <http://127.0.0.1:5000/graph/vocabulary> WHERE { ?s ?p ?o }"
    empty = c.get("/sparql", query_string={"query": q, "default-graph-uri": "http://example.org/nothing"}).get_json()
    assert empty["results"]["bindings"][0]["n"]["value"] == "0", "dataset parameters are forwarded"
    assert c.get("/sparql", query_string={"query": "SELEC"}).status_code == 400
    ttl = c.get("/sparql", query_string={"query": PERSONS.replace("SELECT ?n WHERE", "CONSTRUCT WHERE")},
                headers={"Accept": "text/turtle"})
    assert ttl.status_code == 200 and ttl.mimetype == "text/turtle"


def test_pages_and_dereferencing_on_every_backend(backend_app):
    c = backend_app.test_client()
    assert c.get("/id/person/jerzy-smialek", headers={"Accept": "text/turtle"}).status_code == 303
    page = c.get("/page/person/jerzy-smialek.json").get_json()
    assert page["roles"][0]["dates"] == ["1991-08", "1994-06"]
    assert any("<mark>" in h for h in [c.get("/page/person/jerzy-smialek").get_data(as_text=True)])


def test_review_decisions_on_every_backend(backend_app):
    c = backend_app.test_client()
    auth = {"Authorization": f"Bearer {backend_app.config['test_token']}"}
    fact = next(f for f in c.get("/review/api/facts?kind=relation", headers=auth).get_json()["facts"]
                if "następca" in f["summary"])
    r = c.post(f"/review/api/facts/{fact['fact']}/decision", json={"status": "rejected", "expected": "pending"}, headers=auth)
    assert r.status_code == 200
    again = c.post(f"/review/api/facts/{fact['fact']}/decision", json={"status": "accepted", "expected": "pending"},
                   headers=auth)
    assert again.status_code == 409
    ask = "ASK { ?a <http://127.0.0.1:5000/ontology#successorOf> ?b }"
    assert c.get("/sparql", query_string={"query": ask}).get_json()["boolean"] is False


def test_a_replaced_text_drops_its_facts_and_the_public_view_follows_on_every_backend(backend_app):
    """Publishing in place (an upload that replaces a text): the facts the new text no longer yields go
    with their graphs (among them the places with a WKT point, which Virtuoso gives back in another form),
    and the default graph stays the vocabulary and the facts not rejected, nothing more."""
    from graph.build import ingest_text

    store = backend_app.extensions["kronika"].store
    text = SAMPLE.read_text(encoding="utf-8")
    document = store.base.id("document", SAMPLE.stem)
    before = store.facts_of(document)
    report, _ = ingest_text(store, SAMPLE.name, text[:text.index(" W sierpniu")], replace=True)
    after = store.facts_of(document)
    dropped = before.keys() - after.keys()
    assert report.dropped == len(dropped) > 0
    assert not [g for g in dropped if store.ox.contains_named_graph(ox.NamedNode(g))]
    assert not store.query("ASK { GRAPH ?g { ?place <http://www.opengis.net/ont/geosparql#asWKT> ?point } }")

    def triples(graph) -> set:
        return {(q.subject, q.predicate, q.object) for q in store.ox.quads_for_pattern(None, None, None, graph)}
    published = [ox.NamedNode(g) for g, status in after.items() if status not in ("rejected", "edited")]
    assert triples(ox.DefaultGraph()) == triples(ox.NamedNode(store.base.vocabulary)).union(*map(triples, published))
    store_ids = store.ox.quads_for_pattern(None, ox.NamedNode(store.kr.storeId), None, ox.NamedNode(store.base.graph("meta")))
    assert len(list(store_ids)) == 1, "a store keeps the id its first write gave it"


def test_what_virtuoso_is_sent_and_what_comes_back_is_rewritten_only_where_needed():
    """The rewriting for Virtuoso reads keywords, not the words of strings, IRIs, comments or names."""
    from graph.remote import ask_answer, graphs_by_values, outline, wkt_literals, without_dataset_clauses

    query = """PREFIX from: <http://e/> # FROM <http://e/comment>
        SELECT * FROM <http://e/a> FROM NAMED from:b WHERE { ?s from:p "GRAPH <http://e/s> FROM x" .
        GRAPH<http://e/g> { ?s ?p ?graph } OPTIONAL { GRAPH from:h { ?s ?p ?o } } GRAPH ?g { } }"""
    assert outline(query) == ("SELECT", True)
    assert outline("PREFIX ex: <http://e/select> CONSTRUCT WHERE { ex:FROM ?p ?o }") == ("CONSTRUCT", False)
    assert without_dataset_clauses(query).count("FROM") == 2, "the comment's and the string's stay"
    rewritten = graphs_by_values(query)
    assert "VALUES ?kronika_graph_1 { <http://e/g> } GRAPH ?kronika_graph_1 {" in rewritten
    assert "VALUES ?kronika_graph_2 { from:h } GRAPH ?kronika_graph_2 {" in rewritten
    assert '"GRAPH <http://e/s> FROM x"' in rewritten and "GRAPH ?g { }" in rewritten
    geometry = b'"POINT(1 2)"^^<http://www.openlinksw.com/schemas/virtrdf#Geometry> .'
    assert wkt_literals(geometry) == b'"POINT(1 2)"^^<http://www.opengis.net/ont/geosparql#wktLiteral> .'
    as_select = b'{"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": []}}'
    assert bool(ask_answer(ox.parse_query_results(as_select, format=ox.QueryResultsFormat.JSON))) is False


def test_a_remote_store_that_goes_down_gives_503_loses_nothing_and_recovers(remote, tmp_path, monkeypatch):
    monkeypatch.setenv("KRONIKA_STATE", str(tmp_path))  # the queue index and secret of a remote store
    app = create_app({**remote.settings, "CURATORS": str(tmp_path / "c.sqlite"), "QUERY_TIMEOUT": 3})
    Curators(tmp_path / "c.sqlite").add("anna", "tajne-haslo-1")
    auth = {"Authorization": f"Bearer {Curators(tmp_path / 'c.sqlite').new_token('anna')}"}
    c = app.test_client()
    fact = c.get("/review/api/facts?kind=relation", headers=auth).get_json()["facts"][0]["fact"]
    remote.stop()
    assert c.get("/sparql", query_string={"query": PERSONS}).status_code == 503
    assert c.get("/page/person/jerzy-smialek").status_code == 503
    refused = c.post(f"/review/api/facts/{fact}/decision", json={"status": "accepted"}, headers=auth)
    assert refused.status_code == 503 and "Nothing was changed" in refused.get_json()["message"]
    remote.start()
    assert c.get("/sparql", query_string={"query": PERSONS}).status_code == 200
    assert c.get(f"/review/api/facts/{fact}", headers=auth).get_json()["status"] == "pending", "nothing half-written"
    assert c.post(f"/review/api/facts/{fact}/decision", json={"status": "accepted"}, headers=auth).status_code == 200


@pytest.fixture(params=["embedded", *REMOTES])
def served_store(request, tmp_path):
    """(store, extra environment, curators file) for `kronika serve`, on every backend."""
    state = tmp_path / "state"
    state.mkdir()
    if request.param in REMOTES:
        server = request.getfixturevalue(request.param)
        return server.url, {"KRONIKA_STATE": str(state), **server.environment}, state / "remote-curators.sqlite"
    store = request.getfixturevalue("store_copy")
    return str(store), {}, Path(str(store) + "-curators.sqlite")


@pytest.mark.e2e
def test_several_web_processes_see_a_decision_at_once_and_lose_none(served_store):
    from .conftest import start_server, stop_server
    store, env, curators = served_store
    Curators(curators).add("anna", "tajne-haslo-1")
    token = Curators(curators).new_token("anna")
    proc, url = start_server(store, free_port(), {"KRONIKA_WORKERS": "3", **env})
    try:
        auth = {"Authorization": f"Bearer {token}"}
        relations = requests.get(url + "/review/api/facts?kind=relation", headers=auth).json()["facts"]
        fact = next(f for f in relations if "następca" in f["summary"])["fact"]
        ask = {"query": "ASK { ?a <http://127.0.0.1:5000/ontology#successorOf> ?b }"}
        etags = {requests.get(url + "/sparql", params=ask).headers["ETag"] for _ in range(9)}
        assert len(etags) == 1, "every process answers from the same store version"
        assert requests.post(f"{url}/review/api/facts/{fact}/decision", json={"status": "rejected"},
                             headers=auth).status_code == 200
        before = etags.pop()
        answers = [requests.get(url + "/sparql", params=ask, headers={"If-None-Match": before}) for _ in range(9)]
        assert all(a.status_code == 200 and a.json()["boolean"] is False for a in answers)
        # decisions sent at once to every process: each is recorded, none overwrites another
        others = [f["fact"] for f in requests.get(url + "/review/api/facts?kind=membership", headers=auth).json()["facts"]][:12]
        with ThreadPoolExecutor(6) as pool:
            codes = list(pool.map(lambda f: requests.post(f"{url}/review/api/facts/{f}/decision",
                                                          json={"status": "accepted"}, headers=auth).status_code, others))
        assert codes == [200] * len(others)
        assert {requests.get(f"{url}/review/api/facts/{f}", headers=auth).json()["status"] for f in others} == {"accepted"}
    finally:
        stop_server(proc)


@pytest.mark.e2e
def test_a_decision_answered_200_survives_sigkill_with_its_audit_record_on_every_backend(served_store):
    """The server killed right after it answered: restarted, the fact is still rejected and the decision is
    in the history (status and audit record are one update, on a remote store as on an embedded one)."""
    from .conftest import start_server, stop_server
    store, env, curators = served_store
    Curators(curators).add("anna", "tajne-haslo-1")
    auth = {"Authorization": f"Bearer {Curators(curators).new_token('anna')}"}
    port = free_port()
    proc, url = start_server(store, port, env)
    try:
        fact = requests.get(url + "/review/api/facts?kind=relation", headers=auth).json()["facts"][0]["fact"]
        r = requests.post(f"{url}/review/api/facts/{fact}/decision", json={"status": "rejected", "expected": "pending"},
                          headers=auth)
        assert r.status_code == 200, r.text
    finally:
        stop_server(proc, signal.SIGKILL)
    proc, url = start_server(store, port, env)
    try:
        assert requests.get(f"{url}/review/api/facts/{fact}", headers=auth).json()["status"] == "rejected"
        history = requests.get(f"{url}/review/api/history?fact={fact}", headers=auth).json()["history"]
        assert [(d["before"], d["after"], d["curator"]) for d in history] == [("pending", "rejected", "anna")], history
    finally:
        stop_server(proc)


@pytest.mark.e2e
def test_a_decision_while_a_command_writes_the_store_is_refused_and_then_accepted(store_copy):
    """`kronika build` holds an embedded store: the site keeps reading, a decision gets a 503, nothing is lost."""
    from graph.store import Store
    from graph.vocab import Base

    from .conftest import start_server, stop_server
    curators = Path(str(store_copy) + "-curators.sqlite")
    Curators(curators).add("anna", "tajne-haslo-1")
    auth = {"Authorization": f"Bearer {Curators(curators).new_token('anna')}"}
    proc, url = start_server(store_copy, free_port(), {"KRONIKA_WRITE_WAIT": "1"})
    try:
        fact = requests.get(url + "/review/api/facts?kind=relation", headers=auth).json()["facts"][0]["fact"]
        command = Store(store_copy, Base())  # what `kronika build` holds while it runs
        assert requests.get(url + "/page/person/jerzy-smialek").status_code == 200
        refused = requests.post(f"{url}/review/api/facts/{fact}/decision", json={"status": "accepted"}, headers=auth)
        assert refused.status_code == 503 and "Nothing was changed" in refused.json()["message"]
        command.close()
        assert requests.get(f"{url}/review/api/facts/{fact}", headers=auth).json()["status"] == "pending"
        assert requests.post(f"{url}/review/api/facts/{fact}/decision", json={"status": "accepted"},
                             headers=auth).status_code == 200
    finally:
        stop_server(proc)


def test_a_server_process_started_while_a_command_writes_the_store_serves(store_copy):
    """gunicorn replaces a worker that ended (a query past its limit ends its process) while `kronika build`
    holds the store: the new worker opens its read-only view without waiting for the build, and serves."""
    import os

    from .conftest import start_server, stop_server
    proc, url = start_server(store_copy, free_port(), {"KRONIKA_WRITE_WAIT": "1", "KRONIKA_WORKERS": "1"})
    try:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        workers = [pid for pid in children if "supervise" not in Path(f"/proc/{pid}/cmdline").read_text()]
        assert len(workers) == 1
        command = Store(store_copy, Base())  # what `kronika build` holds while it runs
        os.kill(int(workers[0]), signal.SIGKILL)
        page = requests.get(url + "/page/person/jerzy-smialek", timeout=STARTUP_WAIT)  # waits for the new worker
        assert page.status_code == 200
        command.close()
    finally:
        stop_server(proc)


def test_serve_refuses_a_remote_store_built_for_another_base(remote, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from server import wsgi
    from server.cli import cli

    started = []
    monkeypatch.setattr(wsgi, "serve", started.append)
    monkeypatch.delenv("KRONIKA_BASE", raising=False)
    monkeypatch.setenv("KRONIKA_STATE", str(tmp_path))
    for name, value in remote.environment.items():
        monkeypatch.setenv(name, value)
    refused = CliRunner().invoke(cli, ["serve", "--store", remote.url, "--port", "5101"])
    assert refused.exit_code == 1 and "was built for http://127.0.0.1:5000/" in refused.output, refused.output
    assert not started
    served = CliRunner().invoke(cli, ["serve", "--store", remote.url, "--port", "5000"])
    assert served.exit_code == 0 and len(started) == 1, served.output


KILLED_REMOTE_DECISION = """
import json, os, sys
sys.path.insert(0, {root!r})
from graph.queue_index import QueueIndex
from graph.remote import Endpoints
from graph.review import Review
from graph.store import Store
from graph.vocab import Base
settings, where, key, index = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
if where == "before-update":        # the status and its audit record staged, nothing sent
    original = Review._audit
    def _audit(self, *a, **k):
        original(self, *a, **k)
        os._exit(9)
    Review._audit = _audit
else:                               # the store's one update sent, this host's queue index not yet written
    def update(self, rows, version, **k):
        os._exit(9)
    QueueIndex.update = update
store = Store(settings["STORE"], Base(), endpoints=Endpoints.from_config(settings), queue_index=index)
Review(store).decide(key, "rejected", "anna", expected="pending")
"""


@pytest.mark.parametrize("where", ["before-update", "after-update"])
def test_a_decision_killed_midway_on_a_remote_store_is_all_or_nothing(remote, tmp_path, where):
    """A process killed inside a decision leaves the remote store with the status, its audit record and the
    public view all changed or none: they are one SPARQL update."""
    import json
    from graph.review import Review
    from graph.vocab import PROV
    store = remote.store()
    review = Review(store)
    fact = next(v for v in review.facts(limit=50)[0] if v.kind == "relation")
    public = lambda: bool(store.query(  # noqa: E731
        "ASK { " + " ".join(f"{s} {p} {o} ." for s, p, o in fact.triples) + " }"))
    assert public(), "a pending fact's triples are in the public view until it is rejected"
    root = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run([sys.executable, "-c", KILLED_REMOTE_DECISION.format(root=root), json.dumps(remote.settings),
                           where, fact.key, str(tmp_path / "queue.sqlite")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr
    status = Review(remote.store()).fact(fact.key).status
    audited = bool(store.query(f"ASK {{ GRAPH <{store.base.audit}> {{ ?d <{PROV.used}> <{fact.iri}> }} }}"))
    if where == "before-update":
        assert (status, audited) == ("pending", False), "neither the status nor its audit record"
        assert public()
    else:
        assert (status, audited) == ("rejected", True), "the status and its audit record, together"
        assert not public(), "a rejected fact leaves the public view in the same update"
