"""A flood of slow SPARQL queries against a real `kronika serve`, and a probe that must keep answering.

`--flood` clients (200) send at once a query that runs to the time limit (10 s), from `--sources`
loopback addresses beginning at 127.0.0.2 (the whole of 127/8 is the loopback on Linux), while a
probe from 127.0.0.1 asks a simple ASK every `--interval` seconds. Prints the probe's latency
during the flood (p50, p99, max), what the flood got (429, 503, 200, timeouts), and how long after
the flood's last answer the probe answers normally again (200 within `--normal` seconds, and so
to the end). With `--keep-up S` each flood client sends its query again as soon as it is answered,
for S seconds, ignoring Retry-After. Everything is bounded: client timeouts, `--max-seconds`.

    python bench/flood.py                      # the sample corpus built into a temporary store
    python bench/flood.py --sources 50         # the flood from 50 addresses: the global limit (503)
"""
from __future__ import annotations

import argparse
import gc
import http.client
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The cross product of every triple with itself six times over, under a filter that never holds and
# needs all six patterns (a filter on one would be pushed into its pattern and end the query at once):
# it runs until the time limit stops it.
SLOW = ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . ?p ?q ?r "
        "FILTER(STRLEN(CONCAT(STR(?c), STR(?f), STR(?i), STR(?l), STR(?o), STR(?r))) < 0) }")
PROBE = "ASK { ?s ?p ?o }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_sample_store(folder: Path) -> Path:
    """The sample corpus built into a store, as the tests' `built_store` fixture does."""
    from graph.build import build_corpus
    from graph.store import Store
    from graph.vocab import Base

    path = folder / "store"
    store = Store(path, Base())
    build_corpus(store, sorted((ROOT / "corpus").glob("*.txt")), echo=lambda m: None)
    del store
    gc.collect()
    return path


def start_server(store: Path, port: int, env: dict, log: Path) -> subprocess.Popen:
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", "from server.cli import main; main()", "serve"], cwd=ROOT,
                                env={**os.environ, "KRONIKA_STORE": str(store), "KRONIKA_PORT": str(port), **env},
                                stdout=subprocess.DEVNULL, stderr=out, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _ = get(port, "127.0.0.1", "/", 2)
            if status == 200:
                return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    stop_server(proc)
    raise SystemExit("the server did not start:\n" + log.read_text()[-3000:])


def stop_server(proc: subprocess.Popen) -> None:
    """SIGTERM to the server's process group (gunicorn and its workers); SIGKILL if it outlives its grace."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


def get(port: int, source: str, path: str, timeout: float) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def sparql(query: str) -> str:
    return "/sparql?" + urlencode({"query": query})


def percentile(values: list[float], q: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


class Probe(threading.Thread):
    """Asks PROBE from 127.0.0.1 every `interval` s; keeps (sent, answered, status or 'timeout'/'error')."""

    def __init__(self, port: int, interval: float, timeout: float):
        super().__init__(daemon=True)
        self.port, self.interval, self.timeout = port, interval, timeout
        self.samples: list[tuple[float, float, int | str]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            sent = time.monotonic()
            try:
                status = get(self.port, "127.0.0.1", sparql(PROBE), self.timeout)[0]
            except TimeoutError:
                status = "timeout"
            except OSError:
                status = "error"
            self.samples.append((sent, time.monotonic(), status))
            self.stop.wait(max(0.0, sent + self.interval - time.monotonic()))


def flood(port: int, clients: int, sources: int, keep_up: float, timeout: float) -> tuple[Counter, float, float]:
    """All clients start together; returns what they got, and when the first was sent and the last answered."""
    outcomes: Counter = Counter()
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    ends: list[float] = []

    def client(k: int) -> None:
        source = f"127.0.0.{2 + k % sources}"
        start.wait()
        until = time.monotonic() + keep_up
        while True:
            try:
                status, body = get(port, source, sparql(SLOW), timeout)
                outcome = f"503 {'time limit' if b'time limit' in body else 'busy'}" if status == 503 else status
            except TimeoutError:
                outcome = "timeout"
            except OSError as e:
                outcome = type(e).__name__
            with lock:
                outcomes[outcome] += 1
            if time.monotonic() >= until:
                break
        with lock:
            ends.append(time.monotonic())

    threading.stack_size(512 * 1024)
    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    began = time.monotonic()
    for t in threads:
        t.join(keep_up + timeout + 30)
    return outcomes, began, max(ends, default=time.monotonic())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", help="a built store (default: the sample corpus built into a temporary one)")
    ap.add_argument("--flood", type=int, default=200, help="concurrent slow queries")
    ap.add_argument("--sources", type=int, default=1, help="loopback addresses the flood comes from (≤ 250)")
    ap.add_argument("--keep-up", type=float, default=0.0, help="seconds each flood client keeps re-sending")
    ap.add_argument("--time-limit", type=float, default=10.0, help="the server's KRONIKA_QUERY_TIMEOUT")
    ap.add_argument("--workers", type=int, help="gunicorn workers (default: the server's, 2 × cores + 1)")
    ap.add_argument("--interval", type=float, default=0.1, help="seconds between probes")
    ap.add_argument("--normal", type=float, default=1.0, help="a probe answered 200 within this is normal")
    ap.add_argument("--after", type=float, default=20.0, help="seconds of probing after the flood's end")
    ap.add_argument("--client-timeout", type=float, default=60.0, help="seconds a flood client or probe waits")
    ap.add_argument("--max-seconds", type=float, default=180.0, help="the flood and probing end by then")
    args = ap.parse_args()
    if not 1 <= args.sources <= 250:
        raise SystemExit("--sources must be within 1–250")

    scratch = Path(tempfile.mkdtemp(prefix="kronika-flood-"))
    try:
        env = {"KRONIKA_QUERY_TIMEOUT": str(args.time_limit)}
        if args.store:  # served under the base of the environment, as `kronika serve` would
            store = Path(args.store)
        else:
            t0 = time.monotonic()
            store = build_sample_store(scratch)
            from graph.vocab import DEFAULT_BASE
            env["KRONIKA_BASE"] = DEFAULT_BASE  # the base it was built under, whatever the port
            print(f"sample store built in {time.monotonic() - t0:.1f} s", flush=True)
        if args.workers:
            env["KRONIKA_WORKERS"] = str(args.workers)
        port, log = free_port(), scratch / "serve.log"
        proc = start_server(store, port, env, log)
        try:
            run(port, args, log)
        finally:
            stop_server(proc)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(port: int, args, log: Path) -> None:
    probe = Probe(port, args.interval, args.client_timeout)
    probe.start()
    time.sleep(2)  # a baseline before the flood
    deadline = time.monotonic() + args.max_seconds
    timeout = min(args.client_timeout, args.max_seconds)
    keep_up = max(0.0, min(args.keep_up, args.max_seconds - timeout))  # its last requests end by the deadline
    outcomes, began, ended = flood(port, args.flood, args.sources, keep_up, timeout)
    probe.stop.wait(max(0.0, min(args.after, deadline - time.monotonic())))
    probe.stop.set()
    probe.join(args.client_timeout + 5)

    samples = list(probe.samples)
    before = [a - s for s, a, status in samples if a < began and status == 200]
    during = [(a - s, status) for s, a, status in samples if s < ended and a > began]
    latencies = [lat for lat, _ in during]
    print(f"server: {args.workers or 'default'} workers, time limit {args.time_limit:g} s; flood of {args.flood} "
          f"from {args.sources} address(es){f', kept up {keep_up:g} s' if keep_up else ''}; "
          f"probe every {args.interval:g} s")
    if before:
        print(f"probe before the flood: p50 {percentile(before, 0.5) * 1000:.0f} ms ({len(before)} probes)")
    print(f"flood: {ended - began:.1f} s from its first request to its last answer; outcomes "
          + ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items(), key=lambda kv: str(kv[0]))))
    if latencies:
        failed = Counter(str(status) for _, status in during if status != 200)
        print(f"probe during the flood: {len(latencies)} probes, p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
              f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
              f"not 200: {dict(failed) or 'none'}")
    after = [(s, a, status) for s, a, status in samples if s >= ended]
    normal = [status == 200 and a - s <= args.normal for s, a, status in after]
    first = len(normal)  # the first probe of the normal ones that end the run
    while first > 0 and normal[first - 1]:
        first -= 1
    if first < len(normal):
        back = max(0.0, after[first][1] - ended)
        print(f"back: the probe answers normally (200 within {args.normal:g} s) from {back:.2f} s after the "
              f"flood's last answer, through the {after[-1][0] - ended:.0f} s probed after it")
    else:
        print(f"not back: the probe was still not answered normally {args.after:g} s after the flood")
    text = log.read_text(errors="replace")
    print(f"server log: {text.count('ends to stop it')} queries stopped at the time limit, "
          f"{text.count('the client closed the connection before it started')} not run (client gone)")


if __name__ == "__main__":
    main()
