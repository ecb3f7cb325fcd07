"""The review desk at scale (issue 16 §1): the queue page, the facts API under each filter and
at deep pages, a decision and its undo, timed through the Flask app on a big store.

    python bench/generate.py --triples 3300000 --store /tmp/kronika-queue   # ~100,000 pending facts
    python bench/desk.py --store /tmp/kronika-queue [--rounds 30]

With --serve WORKERS, the decision and its undo are timed over HTTP through `kronika serve`
(gunicorn, WORKERS processes, the store's writer on unless --no-writer), with the queue's first
page read after each decision (the reading process reopens its view of the changed store), then
the same pages and filters as in one process:

    python bench/desk.py --store /tmp/kronika-queue --serve 5 [--no-writer] [--rounds 50]

With --bulk N, a whole-filter decision (the API's bulk on the pending filter: BULK_LIMIT facts in one
transaction) and its undo are timed N times after the rest:

    python bench/desk.py --store /tmp/kronika-queue --rounds 30 --bulk 2

The store is changed: each round decides one pending fact and undoes it again.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.queue_index import Filters  # noqa: E402
from graph.vocab import Base  # noqa: E402
from server.app import create_app  # noqa: E402
from server.curators import Curators  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STARTUP_WAIT = 300  # seconds `kronika serve` may take to answer (it brings the queue index up to date first)

REQUESTS = {
    "/review (HTML, first page)": "/review",
    "/review?offset=90000 (HTML, deep page)": "/review?offset=90000",
    "api: pending, first page": "/review/api/facts",
    "api: offset 90,000": "/review/api/facts?offset=90000",
    "api: kind=event, by confidence": "/review/api/facts?kind=event&order=confidence",
    "api: type=place": "/review/api/facts?type=place",
    "api: min_confidence=0.9, warnings=no": "/review/api/facts?min_confidence=0.9&warnings=no",
    "api: status=accepted, offset 30,000": "/review/api/facts?status=accepted&offset=30000",
    "api: search 'Wizyta 12'": "/review/api/facts?q=Wizyta%2012",
    "api: all statuses, last page": "/review/api/facts?status=&offset=200000",
    "public /search?q=EntityFact 12 (prefix, lemmas)": "/search?q=EntityFact%2012&format=json",
}


def p99(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(round(0.99 * len(samples))) - 1)]


def report(label: str, times: list[float]) -> None:
    print(f"{label:45} p50 {statistics.median(times) * 1000:7.1f} ms   p99 {p99(times) * 1000:7.1f} ms")


def bench_token(curators_file: str) -> dict:
    curators = Curators(curators_file)
    if "bench" not in {c.name for c in curators.list()}:
        curators.add("bench", "bench-password-123", role="admin")
    return {"Authorization": f"Bearer {curators.new_token('bench')}"}


def decisions(call, rounds: int, read_after: str | None = None) -> dict[str, list[float]]:
    """Each round accepts one pending fact and undoes it (`read_after`, a path, is read after each decision);
    then rejects it and undoes that; then corrects the name of a pending entity fact and undoes that.
    `call(method, path, body)` answers (status, JSON body)."""
    times: dict[str, list[float]] = {"decision (accept)": [], "undo": [], "decision (reject)": [],
                                     "undo of a rejection": [], "correction (per-fact SHACL)": [],
                                     "undo of a correction": []}
    if read_after:
        times["queue page after a decision"] = []

    def timed(label, method, path, body=None):
        t = time.perf_counter()
        status, answer = call(method, path, body)
        times[label].append(time.perf_counter() - t)
        assert status == 200, (path, status, answer)
        return answer

    facts = call("GET", f"/review/api/facts?limit={rounds}", None)[1]["facts"]
    for fact in facts:
        timed("decision (accept)", "POST", f"/review/api/facts/{fact['fact']}/decision",
              {"status": "accepted", "expected": "pending"})
        if read_after:
            timed("queue page after a decision", "GET", read_after)
        assert timed("undo", "POST", "/review/api/undo")["undone"]
    for fact in facts:  # a rejection takes the fact's triples out of the public view, the undo brings them back
        timed("decision (reject)", "POST", f"/review/api/facts/{fact['fact']}/decision",
              {"status": "rejected", "expected": "pending"})
        assert timed("undo of a rejection", "POST", "/review/api/undo")["undone"]
    # a correction validates its replacement fact with SHACL before it is stored
    for fact in call("GET", f"/review/api/facts?kind=entity&limit={rounds}", None)[1]["facts"]:
        timed("correction (per-fact SHACL)", "POST", f"/review/api/facts/{fact['fact']}/correction",
              {"name": "Poprawiona Nazwa", "expected": "pending"})
        assert timed("undo of a correction", "POST", "/review/api/undo")["undone"]
    return times


def dumps_made(store: Path, deadline: float) -> bool:
    """Wait until the dumps a starting server makes of its store are made (both stamped, no process at work on
    them): the decisions are timed with the site settled, the dumps then following changes once they pause."""
    from graph.dumps import NAMES, Dumps
    from graph.store import Store
    version = Store(store, Base(), read_only=True).version()
    dumps = Dumps(Path(str(store) + "-dumps"))
    while time.monotonic() < deadline:
        if all(dumps.version(name) == version for name in NAMES):
            return True
        time.sleep(0.2)
    return False


def through_server(store: Path, rounds: int, workers: int, writer: bool) -> None:
    """Decisions over HTTP through a real `kronika serve` on a free port, stopped afterwards."""
    import requests

    curators_file = str(store) + "-bench-curators.sqlite"
    headers = bench_token(curators_file)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "KRONIKA_BASE": Base().iri, "KRONIKA_CURATORS": curators_file}
    log = tempfile.NamedTemporaryFile(prefix="kronika-desk-serve-", suffix=".log", delete=False)
    command = [sys.executable, "-c", "from server.cli import main; main()", "serve", "--store", str(store),
               "--port", str(port), "--workers", str(workers), "--writer" if writer else "--no-writer"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_WAIT
        while True:  # readiness, not a fixed wait
            try:
                requests.get(url + "/", timeout=5)
                break
            except requests.RequestException:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start:\n" + Path(log.name).read_text()[-3000:])
                time.sleep(0.1)
        http = requests.Session()
        http.headers.update(headers)

        def call(method, path, body):
            r = http.request(method, url + path, json=body)
            return r.status_code, r.json() if r.headers.get("Content-Type") == "application/json" else r.text

        for _ in range(2 * workers):  # warm-up: the workers that answer have loaded the app and opened their views
            assert call("GET", "/review/api/facts?limit=1", None)[0] == 200
        settled = dumps_made(store, deadline)
        print(f"the server's first dumps {'made' if settled else 'not made in time: timed beside them'}")
        print(f"kronika serve, {workers} workers, writer {'on' if writer else 'off'}: {rounds} rounds")
        for label, times in decisions(call, rounds, read_after="/review/api/facts?limit=20").items():
            report(label, times)
        for label, path in REQUESTS.items():  # the pages and filters of the in-process run, over HTTP
            times = []
            for _ in range(rounds):
                t = time.perf_counter()
                status, _answer = call("GET", path, None)
                times.append(time.perf_counter() - t)
                assert status == 200, (path, status)
            report(label, times)
    except BaseException:
        print("the server's log ends:\n" + Path(log.name).read_text()[-3000:], file=sys.stderr)
        raise
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(60)
        Path(log.name).unlink()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--serve", type=int, metavar="WORKERS", help="time decisions through `kronika serve` instead")
    ap.add_argument("--no-writer", action="store_true", help="with --serve: each write opens the store itself")
    ap.add_argument("--bulk", type=int, default=0, metavar="N", help="time N whole-filter bulk decisions and their undo")
    args = ap.parse_args()
    if args.serve:
        through_server(args.store.resolve(), args.rounds, args.serve, writer=not args.no_writer)
        return
    app = create_app({"STORE": str(args.store), "CURATORS": str(args.store) + "-bench-curators.sqlite"})
    kronika = app.extensions["kronika"]
    t0 = time.perf_counter()
    pending = kronika.store.queue().counts(Filters(status=None))
    print(f"store {args.store}: {pending} (index ready in {time.perf_counter() - t0:.1f} s)")
    headers = bench_token(kronika.curators.path)
    client = app.test_client()
    page = client.get("/review/api/facts?limit=1", headers=headers)
    if page.status_code != 200:
        raise SystemExit(f"the API answered {page.status_code}: {page.get_data(as_text=True)[:300]}")
    for label, url in REQUESTS.items():
        times = []
        for _ in range(args.rounds):
            t = time.perf_counter()
            r = client.get(url, headers=headers)
            times.append(time.perf_counter() - t)
            assert r.status_code == 200, (url, r.status_code)
        report(label, times)
    def call(method, path, body):
        r = client.open(path, method=method, json=body, headers=headers)
        return r.status_code, r.get_json()

    for label, times in decisions(call, args.rounds).items():
        report(label, times)
    bulk, undo = [], []
    for _ in range(args.bulk):  # the first BULK_LIMIT pending facts accepted in one batch, then undone together
        t = time.perf_counter()
        status, answer = call("POST", "/review/api/bulk", {"filter": {"status": "pending"}, "status": "accepted"})
        bulk.append(time.perf_counter() - t)
        assert status == 200 and answer["decided"], (status, answer)
        t = time.perf_counter()
        status, answer = call("POST", "/review/api/undo", None)
        undo.append(time.perf_counter() - t)
        assert status == 200 and answer["undone"], status
    if bulk:
        report(f"whole-filter bulk ({len(answer['undone'])} facts)", bulk)
        report("undo of that bulk", undo)


if __name__ == "__main__":
    main()
