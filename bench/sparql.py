"""The same lookup query mix against `oxigraph serve` and Kronika's /sparql on one store, in one run;
plus resource-page latency. Prints requests/s, p50 and p99 for each and their ratio.

    python bench/generate.py --triples 1000000 --store /tmp/kronika-1m
    python bench/sparql.py --store /tmp/kronika-1m --seconds 20 --clients 4

The load client here is Python on the same cores as the servers: it saturates before `oxigraph serve`
does, so its ratios flatter every Python front end. For the servers' own figures use bench/wrk.py
(wrk, a C load generator; issue 18 §5). This one remains for the remote-store comparison.
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://127.0.0.1:5000/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(port: int, path: str) -> None:
    for _ in range(300):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", path)
            c.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {port} did not start")


def query_mix(n_entities: int, rnd: random.Random) -> str:
    i = rnd.randint(1, n_entities)
    kind = rnd.random()
    if kind < 0.5:
        return f"SELECT ?p ?o WHERE {{ <{BASE}id/person/osoba-{i}> ?p ?o }}"
    if kind < 0.8:
        return f'SELECT ?s WHERE {{ ?s <http://schema.org/name> "Stowarzyszenie {i}" }}'
    return (f"SELECT ?role ?org WHERE {{ ?m <http://www.w3.org/ns/org#member> <{BASE}id/person/osoba-{i}> ; "
            f"<http://www.w3.org/ns/org#role> ?role ; <http://www.w3.org/ns/org#organization> ?org }}")


def load(port: int, path: str, seconds: float, clients: int, n_entities: int) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(seed: int) -> None:
        rnd = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.monotonic() < stop:
            q = urlencode({"query": query_mix(n_entities, rnd)})
            t0 = time.perf_counter()
            conn.request("GET", f"{path}?{q}", headers={"Accept": "application/sparql-results+json"})
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                raise SystemExit(f"status {r.status} from port {port}")
            mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def summary(name: str, latencies: list[float], seconds: float) -> dict:
    latencies = sorted(latencies)
    out = {"name": name, "requests": len(latencies), "req_per_s": round(len(latencies) / seconds, 1),
           "p50_ms": round(statistics.median(latencies) * 1000, 2),
           "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2)}
    print(out)
    return out


def pages(port: int, n_entities: int, count: int) -> dict:
    rnd = random.Random(3)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies = []
    for _ in range(count):
        t0 = time.perf_counter()
        conn.request("GET", f"/page/person/osoba-{rnd.randint(1, n_entities)}", headers={"Accept": "text/html"})
        r = conn.getresponse()
        r.read()
        latencies.append(time.perf_counter() - t0)
    return summary("resource pages (1 client)", latencies, sum(latencies))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    import pyoxigraph as ox
    ro = ox.Store.read_only(str(args.store))
    n_entities = int(next(iter(ro.query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?p a <http://schema.org/Person> }")))["n"].value)
    triples = len(ro)
    del ro
    print(f"store {args.store}: {triples} quads, {n_entities} persons; {args.clients} clients, {args.seconds} s each")
    copy = args.store.with_name(args.store.name + "-oxigraph")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(args.store, copy, ignore=shutil.ignore_patterns("LOCK"))
    oxi_port, kronika_port, remote_port = free_port(), free_port(), free_port()
    oxigraph = subprocess.Popen([str(Path(sys.executable).parent / "oxigraph"), "serve-read-only", "--location", str(copy),
                                 "--bind", f"127.0.0.1:{oxi_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "KRONIKA_STORE": str(args.store), "KRONIKA_PORT": str(kronika_port)}
    kronika = subprocess.Popen([sys.executable, "-c", "from server.cli import main; main()", "serve"], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    remote_env = {**env, "KRONIKA_STORE": f"http://127.0.0.1:{oxi_port}", "KRONIKA_PORT": str(remote_port),
                  "KRONIKA_STATE": str(copy.parent / "kronika-remote-state")}
    remote = subprocess.Popen([sys.executable, "-c", "from server.cli import main; main()", "serve"], env=remote_env,
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait(oxi_port, "/query?query=ASK%7B%7D")
        wait(kronika_port, "/sparql?query=ASK%7B%7D")
        wait(remote_port, "/sparql?query=ASK%7B%7D")
        load(kronika_port, "/sparql", 2, args.clients, n_entities)  # warm up
        load(remote_port, "/sparql", 2, args.clients, n_entities)
        load(oxi_port, "/query", 2, args.clients, n_entities)
        rounds = []
        for r in range(args.rounds):  # interleaved rounds: the three share the machine alike
            print(f"round {r + 1}")
            a = summary("oxigraph serve", load(oxi_port, "/query", args.seconds, args.clients, n_entities), args.seconds)
            b = summary("kronika /sparql (embedded store)",
                        load(kronika_port, "/sparql", args.seconds, args.clients, n_entities), args.seconds)
            c = summary("kronika /sparql (remote store = that oxigraph serve)",
                        load(remote_port, "/sparql", args.seconds, args.clients, n_entities), args.seconds)
            rounds.append({"embedded_throughput_ratio": round(b["req_per_s"] / a["req_per_s"], 3),
                           "remote_throughput_ratio": round(c["req_per_s"] / a["req_per_s"], 3),
                           "remote_over_embedded_p50": round(c["p50_ms"] / b["p50_ms"], 2)})
            print(rounds[-1])
        print("median of", args.rounds, "rounds:", {k: statistics.median(r[k] for r in rounds) for k in rounds[0]})
        pages(kronika_port, n_entities, args.pages)
    finally:
        os.killpg(kronika.pid, 15)
        os.killpg(remote.pid, 15)
        kronika.wait(10)
        remote.wait(10)
        oxigraph.terminate()
        oxigraph.wait(10)
        shutil.rmtree(copy, ignore_errors=True)
        shutil.rmtree(copy.parent / "kronika-remote-state", ignore_errors=True)


if __name__ == "__main__":
    main()
