"""The store's writer process (graph/writer.py): a shared store's writes go through it, as the server's
workers' do, and other processes see them; two processes write through it at once; a writer killed in
the middle of a write loses nothing it answered and leaves no half decision; a command takes the store
from it for as long as it runs; `kronika serve` starts it and it ends with the server."""
from __future__ import annotations

import gc
import os
import select
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from graph import writer
from graph.build import ingest_text
from graph.review import Review
from graph.store import Store, StoreBusy
from graph.vocab import PROV, Base
from server.curators import Curators

from .conftest import free_port, start_server, stop_server

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("W 2004 roku do Opola przyjechał burmistrz Jerzy Śmiałek. "
        "Spotkał się z nim prezydent miasta Anna Kowalska. Delegacja odwiedziła Muzeum Śląska Opolskiego.")
DEADLINE = 120  # seconds a process may take to start or to answer on a busy machine


@pytest.fixture
def path(tmp_path) -> Path:
    """A small store, built by a command and closed again."""
    store = Store(tmp_path / "store", Base())
    ingest_text(store, "opole.txt", TEXT)
    store.close()
    del store
    gc.collect()
    return tmp_path / "store"


@pytest.fixture
def running(path):
    """The store's writer, started as `kronika serve` starts it; stopped as the server's end stops it."""
    supervisor = writer.start(path, wait=DEADLINE)
    yield supervisor
    pid = writer_pid(path)
    try:
        writer.stop(supervisor, timeout=DEADLINE)
    except subprocess.TimeoutExpired:  # still running, so these pids are still theirs
        for process in filter(None, (pid, supervisor.pid)):
            try:
                os.kill(process, signal.SIGKILL)
            except ProcessLookupError:
                pass
        raise


def writer_pid(path: Path) -> int | None:
    """The pid of the writer taking the store's writes now (None: none)."""
    session = writer.session(path)
    if session is None:
        return None
    session.close()
    return session.pid


def wait_for(condition, what: str):
    deadline = time.monotonic() + DEADLINE
    while not (found := condition()):
        assert time.monotonic() < deadline, f"no {what} within {DEADLINE} s"
        time.sleep(0.05)
    return found


@pytest.fixture
def no_own_open(monkeypatch):
    """Writes in this process must go through the writer: opening the store for writing here fails."""
    def refuse(location):
        raise AssertionError(f"{location} was opened for writing here, not written through the writer")
    monkeypatch.setattr(writer, "open_for_writing", refuse)


def audited(store: Store, fact: str) -> bool:
    return any(store.ox.quads_for_pattern(None, ox.NamedNode(str(PROV.used)), ox.NamedNode(fact),
                                          ox.NamedNode(store.base.audit)))


# a process deciding facts through the writer: it says "ready", waits for a line on stdin, decides the facts
# named on its command line and prints each one's status after; with "pause" it stops after staging the first
# decision (before the one update that applies it) until a second line comes
DECIDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from graph import writer
    from graph.review import Review
    from graph.store import Store, StoreBusy
    from graph.vocab import Base

    def refuse(location):
        raise AssertionError("opened for writing, not written through the writer")
    writer.open_for_writing = refuse
    path, mode, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
    if mode == "pause":
        staged = Review._audit
        def _audit(self, *a, **k):
            decision = staged(self, *a, **k)
            print("staged", flush=True)
            sys.stdin.readline()
            return decision
        Review._audit = _audit
    review = Review(Store(path, Base(), shared=True))
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        for key in keys:
            review.decide(key, "accepted", "anna-" + mode, expected="pending")
            print("decided", key, flush=True)
    except StoreBusy as e:
        print("busy", type(e).__name__, e, flush=True)
        sys.exit(3)
""")


def decider(path: Path, mode: str, keys: list[str]) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", DECIDER.format(root=str(ROOT)), str(path), mode, *keys],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert said(process) == "ready"
    return process


def said(process: subprocess.Popen) -> str:
    """The next line a decider prints, waited for at most DEADLINE seconds."""
    assert select.select([process.stdout], [], [], DEADLINE)[0], f"process {process.pid} said nothing"
    return process.stdout.readline().strip()


def pending_keys(path: Path) -> list[str]:
    return [v.key for v in Review(Store(path, Base(), shared=True)).facts(limit=500)[0]]


def test_writes_go_through_the_writer_and_other_processes_see_them(path, running, no_own_open):
    store = Store(path, Base(), shared=True)
    review = Review(store)
    key, other = pending_keys(path)[:2]
    review.decide(key, "rejected", "anna", expected="pending")
    review.decide(other, "accepted", "anna")
    assert review.undo("anna") == [{"fact": other, "status": "pending"}], "a read inside a write sees the writes before"
    seen = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from graph.review import Review
        from graph.store import Store
        from graph.vocab import Base
        review = Review(Store({str(path)!r}, Base(), shared=True))
        print(review.fact({key!r}).status, review.fact({other!r}).status, review.counts(status=None))
    """)], capture_output=True, text=True, timeout=DEADLINE)
    assert seen.returncode == 0, seen.stderr
    pending = len(pending_keys(path))
    assert seen.stdout.split(" ", 2) == ["rejected", "pending", f"{{'pending': {pending}, 'rejected': 1}}\n"]
    with pytest.raises(OSError):
        ox.Store(str(path))  # the writer holds the store open: this process never opened it for writing


def test_the_writer_answers_as_pyoxigraph_does_and_only_its_user(path, running):
    assert stat.S_IMODE(writer.socket_path(path).stat().st_mode) == 0o600
    session, view = writer.session(path), ox.Store.read_only(str(path))
    try:
        for query in ("ASK { GRAPH ?g { ?s ?p ?o } }",
                      "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                      "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o LIMIT 5"):
            through, here = session.query(query), view.query(query)
            if isinstance(here, ox.QueryBoolean):
                assert isinstance(through, ox.QueryBoolean) and bool(through) == bool(here)
            else:  # solutions as QuerySolutions, a CONSTRUCT's triples as a list
                assert list(through) == list(here) != []
        assert session.quads_for_pattern(None, None, None, None) == list(view.quads_for_pattern(None, None, None, None))
        with pytest.raises(SyntaxError):
            session.update("INSERT nonsense")
        with pytest.raises(AttributeError):
            session.backup  # not a call writes make
    finally:
        session.close()


def test_two_processes_decide_at_once_through_the_writer(path, running):
    keys = pending_keys(path)
    assert len(keys) >= 6
    first, second = decider(path, "first", keys[0:6:2]), decider(path, "second", keys[1:6:2])
    for process in (first, second):  # both ready before either starts: their writes interleave
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in (first, second):
        out, _ = process.communicate(timeout=DEADLINE)
        assert process.returncode == 0, out
        assert out.count("decided") == 3
    review = Review(Store(path, Base(), shared=True))
    assert {review.fact(k).status for k in keys[:6]} == {"accepted"}
    assert review.counts(status=None)["accepted"] == 6
    assert {h["curator"] for h in review.history()} == {"anna-first", "anna-second"} and len(review.history()) == 6


def test_a_writer_killed_in_a_write_leaves_no_half_decision_and_comes_back(path, running):
    key, later = pending_keys(path)[:2]
    killed = writer_pid(path)
    process = decider(path, "pause", [key])
    process.stdin.write("go\n")
    process.stdin.flush()
    assert said(process) == "staged"  # in its write: the writer has answered its reads
    os.kill(killed, signal.SIGKILL)
    process.stdin.write("go on\n")
    process.stdin.flush()
    out, _ = process.communicate(timeout=DEADLINE)
    assert process.returncode == 3 and out.startswith("busy WriterLost"), out
    assert f"process {killed}" in out and "stopped during this write" in out

    store = Store(path, Base(), shared=True)
    review = Review(store)
    fact = review.fact(key)
    assert fact.status == "pending" and not audited(store, fact.iri), "neither the status nor its audit record"
    restarted = wait_for(lambda: (pid := writer_pid(path)) not in (None, killed) and pid, "restarted writer")
    review.decide(key, "accepted", "anna", expected="pending")
    assert store.queue_index.dirty() == [], "the killed write's note is settled by the next write"
    assert review.fact(key).status == "accepted" and audited(store, fact.iri)
    assert writer_pid(path) == restarted

    writer.stop(running, timeout=DEADLINE)  # no writer at all: writes open the store themselves, as before
    assert writer_pid(path) is None
    review.decide(later, "rejected", "anna", expected="pending")
    assert Review(Store(path, Base(), shared=True)).counts(status=None)["rejected"] == 1


def test_a_command_takes_the_store_from_the_writer_while_it_runs(path, running, tmp_path):
    key = pending_keys(path)[0]
    server_side = Review(Store(path, Base(), shared=True, write_wait=0.5))
    server_side.decide(key, "accepted", "anna")
    writing = writer_pid(path)

    command = Store(path, Base())  # as `kronika build` or `ingest` opens it: the writer lets go of it
    ingest_text(command, "sanok.txt", "Burmistrz Jan Nowak odwiedził Sanok w 2010 roku.")
    with pytest.raises(StoreBusy, match="being written by another process"):
        server_side.undo("anna")  # the command holds the turn: a server's write waits, then says so
    command.close()
    del command
    gc.collect()

    assert server_side.undo("anna") == [{"fact": key, "status": "pending"}]
    assert writer_pid(path) == writing, "the same writer took the store back"
    text = tmp_path / "krakow.txt"
    text.write_text("W maju 2001 r. Prezydent Krakowa Jan Nowak odwiedził Norymbergę.", encoding="utf-8")
    ingest = subprocess.run([sys.executable, "-c", "from server.cli import main; main()", "ingest", str(text),
                             "--store", str(path)], capture_output=True, text=True, timeout=DEADLINE * 2)
    assert ingest.returncode == 0 and "new facts queued" in ingest.stderr, ingest.stderr
    documents = {v.document.rsplit("/", 1)[-1] for v in server_side.facts(status=None, limit=500)[0]}
    assert documents == {"opole", "sanok", "krakow"}
    newest = next(v.key for v in server_side.facts(limit=500)[0] if v.document.endswith("/krakow"))
    server_side.decide(newest, "rejected", "anna", expected="pending")  # through the writer again
    assert server_side.fact(newest).status == "rejected"


@pytest.mark.e2e
def test_kronika_serve_runs_the_writer_and_it_ends_with_the_server(path):
    Curators(str(path) + "-curators.sqlite").add("anna", "tajne-haslo-1")
    token = Curators(str(path) + "-curators.sqlite").new_token("anna")
    proc, url = start_server(path, free_port())
    try:
        pid = wait_for(lambda: writer_pid(path), "writer")
        headers = {"Authorization": f"Bearer {token}"}
        fact = requests.get(url + "/review/api/facts", headers=headers).json()["facts"][0]["fact"]
        r = requests.post(f"{url}/review/api/facts/{fact}/decision", json={"status": "accepted", "expected": "pending"},
                          headers=headers)
        assert r.status_code == 200, r.text
        assert requests.get(f"{url}/review/api/facts/{fact}", headers=headers).json()["status"] == "accepted"
        assert writer_pid(path) == pid
    finally:
        stop_server(proc)
    wait_for(lambda: not writer.socket_path(path).exists(), "end of the writer")
    assert writer_pid(path) is None
    assert Review(Store(path, Base(), shared=True)).counts(status=None)["accepted"] == 1


def test_a_flush_rocksdb_never_ends_is_waited_for_a_bounded_time(capsys):
    """RocksDB's manual flush can wait forever (facebook/rocksdb#13280): the caller goes on after the wait,
    says so, and a flush that fails still raises."""
    import threading

    from graph.writer import flush_within

    release = threading.Event()

    class Stalled:
        def flush(self):
            release.wait(30)

    class Failing:
        def flush(self):
            raise OSError("IO error: disk full")

    class Quick:
        flushed = False

        def flush(self):
            Quick.flushed = True

    try:
        assert flush_within(Stalled(), "/stores/big", seconds=0.2) is False
        assert "/stores/big: the store's flush did not end in 0.2 s" in capsys.readouterr().err
    finally:
        release.set()
    assert flush_within(Quick(), "/stores/small", seconds=5) is True and Quick.flushed
    with pytest.raises(OSError, match="disk full"):
        flush_within(Failing(), "/stores/full", seconds=5)
