"""Concurrent queries limited per client (429) and in all (503), answered at once; a query whose
client has gone is not run. Flask client over the slot files, then a real gunicorn."""
from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from server import create_app, limits

from .conftest import ROOT, free_port, start_server, stop_server
from .test_sparql_endpoint import EXPLOSIVE, PERSONS

WAIT = 120  # seconds: a bound on waiting for the server on a busy machine, never a figure asserted


@pytest.fixture
def limited_app(store_copy):
    app = create_app({"STORE": str(store_copy), "QUERY_WORKERS": 1, "QUERY_PER_CLIENT": 2, "QUERY_CONCURRENT": 3})
    yield app
    app.extensions["kronika"].queries.close()


def ask(client, address: str = "127.0.0.1"):
    return client.get("/sparql", query_string={"query": PERSONS}, environ_base={"REMOTE_ADDR": address})


def test_a_client_over_its_limit_gets_429_at_once_while_another_address_is_answered(limited_app):
    client = limited_app.test_client()
    slots = limits.of(limited_app)
    with slots.slot("127.0.0.1"), slots.slot("127.0.0.1"):
        refused = ask(client)
        assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
        assert refused.mimetype == "text/plain" and refused.get_data(as_text=True).count("\n") == 1
        assert "at most 2" in refused.get_data(as_text=True)
        assert refused.headers["Access-Control-Allow-Origin"] == "*"
        assert ask(client, "10.0.0.2").status_code == 200
    assert ask(client).status_code == 200, "slots are given back"


def test_the_global_limit_gives_503_at_once(limited_app):
    client = limited_app.test_client()
    slots = limits.of(limited_app)
    with slots.slot("10.0.0.7"), slots.slot("10.0.0.8"), slots.slot("10.0.0.9"):
        refused = ask(client, "10.0.0.2")
        assert refused.status_code == 503 and refused.headers["Retry-After"] == "1"
        assert "as many queries as it takes (3)" in refused.get_data(as_text=True)
    assert ask(client, "10.0.0.2").status_code == 200


def test_the_global_limit_leaves_a_worker_for_pages_by_default():
    def total(workers):
        return limits.QueryLimits.from_config({"QUERY_CONCURRENT": 0, "QUERY_PER_CLIENT": 2, "WORKERS": workers}).total
    assert total(5) == 4 and total(9) == 8
    assert total(2) == 2, "not a single query at a time on a two-worker server"


def test_slots_of_a_killed_process_are_free_again(limited_app):
    """A gunicorn worker ends itself with os._exit at a query's time limit: its slots must not leak."""
    folder = limits.of(limited_app).folder
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom server.limits import QueryLimits\n"
         "slots = QueryLimits(sys.argv[1], 2, 3)\n"
         "with slots.slot('127.0.0.1'), slots.slot('127.0.0.1'):\n    print('held', flush=True)\n    time.sleep(600)",
         str(folder)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert ask(limited_app.test_client()).status_code == 429
    finally:
        holder.kill()
        holder.wait(WAIT)
    assert ask(limited_app.test_client()).status_code == 200
    assert any(folder.iterdir()), "the killed holder could not remove its files"
    limits.remove_free_slots(folder)  # as `kronika serve` does when it starts
    assert not any(folder.iterdir())


def test_clearing_stale_slots_keeps_the_held_ones(tmp_path):
    slots = limits.QueryLimits(tmp_path, 2, 3)
    (tmp_path / "client-stale-0").touch()
    with slots.slot("10.0.0.1"):
        limits.remove_free_slots(tmp_path)
        held = sorted(p.name for p in tmp_path.iterdir())
        assert len(held) == 2 and "client-stale-0" not in held
        with slots.slot("10.0.0.1"), pytest.raises(limits.LimitReached) as third:
            with slots.slot("10.0.0.1"):
                pass
        assert third.value.status == 429
    assert not any(tmp_path.iterdir()), "a released slot removes its file"


def test_a_closed_connection_counts_as_gone_a_waiting_one_does_not():
    server_side, client_side = socket.socketpair()
    with server_side:
        assert not limits.client_gone(server_side)
        client_side.close()
        assert limits.client_gone(server_side)
    assert not limits.client_gone(None)


# --- a real gunicorn ---------------------------------------------------------------------

def get(port: int, query: str, source: str = "127.0.0.1", timeout: float = WAIT) -> tuple[int, str]:
    """GET /sparql from a chosen source address (the whole of 127/8 is the loopback)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request("GET", "/sparql?" + urlencode({"query": query}))
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


@pytest.mark.e2e
def test_gunicorn_refuses_a_third_query_of_a_busy_client_and_answers_another_address(store_copy):
    port = free_port()
    proc, _url = start_server(store_copy, port, {"KRONIKA_WORKERS": "4", "KRONIKA_QUERY_TIMEOUT": str(2 * WAIT),
                                                 "KRONIKA_QUERY_PER_CLIENT": "2"})
    try:
        slow = [threading.Thread(target=run_a_slow_query, args=(port,), daemon=True) for _ in range(2)]
        for thread in slow:
            thread.start()
        deadline = time.monotonic() + WAIT
        while True:  # until both slow queries hold the client's slots: only they can make this one a 429
            status, body = get(port, f"{PERSONS} # {time.monotonic_ns()}")  # a new query: no cached answer
            if status == 429:
                break
            assert status == 200 and time.monotonic() < deadline, (status, body)
            time.sleep(0.05)
        assert all(thread.is_alive() for thread in slow), "refused while the client's slow queries still run"
        assert "at most 2" in body
        assert get(port, PERSONS, source="127.0.0.2")[0] == 200
    finally:
        stop_server(proc)


def run_a_slow_query(port: int) -> None:
    """Until it runs: it may come while the test's own query holds the client's other slot."""
    try:
        while get(port, EXPLOSIVE)[0] == 429:
            pass
    except OSError:  # cut when the server stops: the test's end, not a failure
        pass


@pytest.mark.e2e
def test_gunicorn_does_not_run_a_query_whose_client_has_gone(store_copy):
    """One worker: a slow query keeps it busy while a second client sends a query and leaves; when the
    worker is free again (the first query stopped at its limit) it skips the second one."""
    port = free_port()
    proc, _url = start_server(store_copy, port, {"KRONIKA_WORKERS": "1", "KRONIKA_QUERY_TIMEOUT": "5"})
    try:
        busy = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
        busy.request("GET", "/sparql?" + urlencode({"query": EXPLOSIVE}))  # queued first: the worker takes it first
        with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as gone:
            gone.sendall(f"GET /sparql?{urlencode({'query': EXPLOSIVE})} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        assert busy.getresponse().status == 503
        busy.close()
        log = Path(proc.log_path)
        deadline = time.monotonic() + WAIT
        while not (skipped := "the client closed the connection before it started" in log.read_text()):
            if log.read_text().count("ends to stop it") > 1:  # the second query ran to its limit too
                break
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.1)
        assert skipped and log.read_text().count("ends to stop it") == 1, log.read_text()[-3000:]
        assert get(port, PERSONS)[0] == 200
    finally:
        stop_server(proc)
