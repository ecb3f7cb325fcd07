"""Both backends: the embedded store and a remote SPARQL 1.1 store (a real `oxigraph serve`),
spoken to only through SPARQL Query, Update and the Graph Store protocol."""
from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from graph.build import build_corpus
from graph.store import Store
from graph.vocab import Base
from server import create_app
from server.curators import Curators

from .conftest import SAMPLE, free_port

OXIGRAPH = str(Path(sys.executable).parent / "oxigraph")
PERSONS = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"


class OxigraphServer:
    def __init__(self, location: Path):
        self.location, self.port, self.proc = location, free_port(), None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(self.location), "--bind",
                                      f"127.0.0.1:{self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                requests.get(self.url + "/query", params={"query": "ASK {}"}, timeout=1)
                return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("oxigraph serve did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


@pytest.fixture(scope="module")
def remote_built(tmp_path_factory):
    """A sample build inside a real `oxigraph serve`, stopped again; copied per test."""
    location = tmp_path_factory.mktemp("oxigraph") / "data"
    server = OxigraphServer(location)
    server.start()
    build_corpus(Store(server.url, Base()), [SAMPLE], echo=lambda m: None)
    server.stop()
    return location


@pytest.fixture
def oxigraph(remote_built, tmp_path):
    location = tmp_path / "oxigraph"
    shutil.copytree(remote_built, location, ignore=shutil.ignore_patterns("LOCK"))
    server = OxigraphServer(location)
    server.start()
    yield server
    if server.proc.poll() is None:
        server.stop()


@pytest.fixture(params=["embedded", "remote"])
def backend_app(request, store_copy, tmp_path, monkeypatch):
    if request.param == "embedded":
        app = create_app({"STORE": str(store_copy), "QUERY_WORKERS": 1, "CURATORS": str(tmp_path / "c.sqlite")})
    else:
        server = request.getfixturevalue("oxigraph")
        monkeypatch.setenv("KRONIKA_STATE", str(tmp_path))
        app = create_app({"STORE": server.url, "CURATORS": str(tmp_path / "c.sqlite")})
    Curators(tmp_path / "c.sqlite").add("anna", "tajne-haslo-1")
    app.config["test_token"] = Curators(tmp_path / "c.sqlite").new_token("anna")
    yield app
    app.extensions["kronika"].queries.close()
    app.extensions.pop("kronika")
    gc.collect()


def test_whole_store_validation_on_both_backends_finds_a_broken_fact(backend_app):
    """The validation copies graphs by dump (embedded) or Graph Store GET (remote) and names the fact."""
    from graph.validate import validate_store
    store = backend_app.extensions["kronika"].store
    assert not [m for ms in validate_store(store).values() for m in ms if m.severity == "Violation"]
    g = next(r["g"] for r in store.query("SELECT ?g WHERE { GRAPH ?g { ?e a <http://schema.org/Event> } } LIMIT 1"))
    e = next(r["e"] for r in store.query(f"SELECT ?e WHERE {{ GRAPH {g} {{ ?e a <http://schema.org/Event> }} }}"))
    with store.writing():
        store.ox.update(f'INSERT DATA {{ GRAPH {g} {{ {e} <http://schema.org/startDate> '
                        f'"1994-13"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> }} }}')
    broken = [key for key, ms in validate_store(store).items() if any(m.severity == "Violation" for m in ms)]
    assert len(broken) == 1 and broken[0].startswith(g.value + " (")


def test_sparql_on_both_backends(backend_app):
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


def test_pages_and_dereferencing_on_both_backends(backend_app):
    c = backend_app.test_client()
    assert c.get("/id/person/jerzy-smialek", headers={"Accept": "text/turtle"}).status_code == 303
    page = c.get("/page/person/jerzy-smialek.json").get_json()
    assert page["roles"][0]["dates"] == ["1991-08", "1994-06"]
    assert any("<mark>" in h for h in [c.get("/page/person/jerzy-smialek").get_data(as_text=True)])


def test_review_decisions_on_both_backends(backend_app):
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


def test_a_remote_store_that_goes_down_gives_503_loses_nothing_and_recovers(oxigraph, tmp_path, monkeypatch):
    monkeypatch.setenv("KRONIKA_STATE", str(tmp_path))  # the queue index and secret of a remote store
    app = create_app({"STORE": oxigraph.url, "CURATORS": str(tmp_path / "c.sqlite"), "QUERY_TIMEOUT": 3})
    Curators(tmp_path / "c.sqlite").add("anna", "tajne-haslo-1")
    auth = {"Authorization": f"Bearer {Curators(tmp_path / 'c.sqlite').new_token('anna')}"}
    c = app.test_client()
    fact = c.get("/review/api/facts?kind=relation", headers=auth).get_json()["facts"][0]["fact"]
    oxigraph.stop()
    assert c.get("/sparql", query_string={"query": PERSONS}).status_code == 503
    assert c.get("/page/person/jerzy-smialek").status_code == 503
    refused = c.post(f"/review/api/facts/{fact}/decision", json={"status": "accepted"}, headers=auth)
    assert refused.status_code == 503 and "Nothing was changed" in refused.get_json()["message"]
    oxigraph.start()
    assert c.get("/sparql", query_string={"query": PERSONS}).status_code == 200
    assert c.get(f"/review/api/facts/{fact}", headers=auth).get_json()["status"] == "pending", "nothing half-written"
    assert c.post(f"/review/api/facts/{fact}/decision", json={"status": "accepted"}, headers=auth).status_code == 200


@pytest.fixture(params=["embedded", "remote"])
def served_store(request, tmp_path):
    """(store, extra environment, curators file) for `kronika serve`, on either backend."""
    state = tmp_path / "state"
    state.mkdir()
    if request.param == "remote":
        server = request.getfixturevalue("oxigraph")
        return server.url, {"KRONIKA_STATE": str(state)}, state / "remote-curators.sqlite"
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


def test_serve_refuses_a_remote_store_built_for_another_base(oxigraph, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from server import wsgi
    from server.cli import cli

    started = []
    monkeypatch.setattr(wsgi, "serve", started.append)
    monkeypatch.delenv("KRONIKA_BASE", raising=False)
    monkeypatch.setenv("KRONIKA_STATE", str(tmp_path))
    refused = CliRunner().invoke(cli, ["serve", "--store", oxigraph.url, "--port", "5101"])
    assert refused.exit_code == 1 and "was built for http://127.0.0.1:5000/" in refused.output, refused.output
    assert not started
    served = CliRunner().invoke(cli, ["serve", "--store", oxigraph.url, "--port", "5000"])
    assert served.exit_code == 0 and len(started) == 1, served.output
