"""Kronika's /sparql and resource pages against `oxigraph serve-read-only` on one store, measured with
wrk (a C load generator: the client no longer caps the figures), in one run.

    python bench/wrk.py                       # generates /tmp/kronika-wrk-1m (1M triples) if absent
    python bench/wrk.py --store /tmp/kronika-1m --seconds 10 --rounds 3 --workers 3

Installs wrk from Debian if it is missing (apt-get, as root). Before any load, both servers must give
the same answers to a sample of the lookups (compared as sets of solutions). Then, in interleaved
rounds (`-t1 -c8`): point lookups rotating over person IRIs `osoba-1 … osoba-N` (N=20,000 by default;
the IRIs a store lacks answer an empty result on both sides), and a 1,000-row query mix; then
`/page/person/…` (HTML) and `/data/person/….ttl` at one connection. Prints req/s, p50/p99 per round,
the ratio to Oxigraph, the server CPU per request (from /proc, every process of each server), and
the servers' memory (RSS and PSS summed over the processes) after each phase.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://127.0.0.1:5000/"   # generate.py mints its IRIs under the default base
PERSON = BASE + "id/person/osoba-"
JSON = "application/sparql-results+json"
TICKS = os.sysconf("SC_CLK_TCK")


# --- the tools -------------------------------------------------------------------------------

def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("wrk not found: installing it from Debian (apt-get install -y wrk)", flush=True)
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=False, stdout=subprocess.DEVNULL)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("wrk")


def ensure_store(store: Path, triples: int) -> None:
    if store.exists():
        return
    print(f"generating {store} ({triples:,} triples)", flush=True)
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--triples", str(triples), "--store", str(store)],
                   check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, accept: str = JSON, timeout: float = 30) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Accept": accept})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def wait_first_answer(port: int, path: str, proc: subprocess.Popen, started: float) -> float:
    """Seconds from the start of the process to its first 200 answer."""
    while time.monotonic() - started < 180:
        try:
            if get(port, path, timeout=5)[0] == 200:
                return time.monotonic() - started
        except OSError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"server on port {port} exited ({proc.returncode})")
        time.sleep(0.01)
    raise SystemExit(f"server on port {port} did not answer within 180 s")


# --- the servers' processes ------------------------------------------------------------------

def group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:   # fields after the name: state ppid pgrp …
                pids.append(int(entry))
    return pids


def cpu_seconds(pgid: int) -> float:
    """User + system CPU of every process in the group, with the children they have reaped (a worker
    gunicorn replaced counts through its master)."""
    total = 0
    for pid in group_pids(pgid):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])   # utime stime cutime cstime
    return total / TICKS


def memory_mb(pgid: int) -> dict:
    rss = pss = 0
    count = 0
    for pid in group_pids(pgid):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
            count += 1
        except OSError:
            continue
    return {"processes": count, "rss_mb": round(rss / 1024), "pss_mb": round(pss / 1024)}


# --- wrk -------------------------------------------------------------------------------------

LUA = r"""
local prefix, suffix = "%(prefix)s", "%(suffix)s"
local n, step, i = %(n)d, %(step)d, %(start)d
wrk.headers["Accept"] = "%(accept)s"
request = function()
  i = i %% n + 1
  return wrk.format("GET", prefix .. tostring((i - 1) * step + %(first)d) .. suffix)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p90_us": %%d, ' ..
    '"p99_us": %%d, "max_us": %%d, "connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def lua_script(folder: Path, name: str, prefix: str, suffix: str, n: int, start: int = 0, step: int = 1,
               first: int = 1, accept: str = JSON) -> Path:
    """A wrk script asking prefix + k + suffix for k = first, first+step, … (n values), rotating."""
    path = folder / f"{name}.lua"
    path.write_text(LUA % {"prefix": prefix, "suffix": suffix, "n": n, "start": start % n, "step": step,
                           "first": first, "accept": accept})
    return path


def run_wrk(wrk: str, port: int, script: Path, connections: int, seconds: float, pgid: int) -> dict:
    cpu0 = cpu_seconds(pgid)
    done = subprocess.run([wrk, "-t1", f"-c{connections}", f"-d{seconds:g}s", "--latency", "--timeout", "30s",
                           "-s", str(script), f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True)
    cpu = cpu_seconds(pgid) - cpu0
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("WRKJSON ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no summary:\n{done.stdout}\n{done.stderr}")
    raw = json.loads(line[len("WRKJSON "):])
    requests = raw["requests"]
    errors = {k: raw[k] for k in ("connect", "read", "write", "status", "timeout") if raw[k]}
    out = {"req_s": round(requests / (raw["duration_us"] / 1e6), 1), "requests": requests,
           "p50_ms": round(raw["p50_us"] / 1000, 2), "p99_ms": round(raw["p99_us"] / 1000, 2),
           "max_ms": round(raw["max_us"] / 1000, 1), "cpu_ms_per_req": round(cpu * 1000 / max(requests, 1), 3)}
    if errors:
        out["errors"] = errors   # status: non-2xx/3xx answers; read: often a server closing after each answer
    return out


# --- answers ---------------------------------------------------------------------------------

def solutions(body: bytes) -> list:
    """The solutions of a SPARQL JSON result as a sorted list: order and serialisation details set aside."""
    data = json.loads(body)
    rows = []
    for b in data["results"]["bindings"]:
        rows.append(sorted((var, t["type"].replace("typed-literal", "literal"), t["value"], t.get("xml:lang", ""),
                            "" if t.get("datatype") == "http://www.w3.org/2001/XMLSchema#string" else t.get("datatype", ""))
                           for var, t in b.items()))
    return sorted(rows)


def check_answers(oxi: int, kronika: int, queries: list[str]) -> None:
    for q in queries:
        path_o, path_k = "/query?" + urlencode({"query": q}), "/sparql?" + urlencode({"query": q})
        (so, bo), (sk, bk) = get(oxi, path_o), get(kronika, path_k)
        if so != 200 or sk != 200:
            raise SystemExit(f"status {so} (oxigraph) / {sk} (kronika) for {q}")
        if solutions(bo) != solutions(bk):
            raise SystemExit(f"different answers to {q}:\n{bo[:500]!r}\n{bk[:500]!r}")
    print(f"answers identical for {len(queries)} sample queries")


# --- the run ---------------------------------------------------------------------------------

def lookup(i: int) -> str:
    return f"SELECT ?p ?o WHERE {{ <{PERSON}{i}> ?p ?o }}"


def rows_query(k: int) -> str:
    return f"SELECT ?s ?name WHERE {{ ?s <http://schema.org/name> ?name }} OFFSET {k} LIMIT 1000"


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, default=Path("/tmp/kronika-wrk-1m"))
    ap.add_argument("--triples", type=int, default=1_000_000, help="for a store generated here")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--workers", type=int, default=3, help="gunicorn workers (KRONIKA_WORKERS)")
    ap.add_argument("--persons", type=int, default=20_000, help="IRIs the lookups rotate over")
    ap.add_argument("--sample", type=int, default=300, help="lookups whose answers are compared before the load")
    ap.add_argument("--skip", default="", help="comma-separated phases to leave out: lookups,rows,pages,data")
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE for Kronika's server (repeatable)")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    wrk = ensure_wrk()
    ensure_store(args.store, args.triples)
    import pyoxigraph as ox
    ro = ox.Store.read_only(str(args.store))
    persons = int(next(iter(ro.query("SELECT (COUNT(*) AS ?n) WHERE { ?p a <http://schema.org/Person> }")))["n"].value)
    quads = len(ro)
    del ro
    print(f"{uptime()}\n{subprocess.run([wrk, '--version'], capture_output=True, text=True).stdout.splitlines()[0]}")
    print(f"store {args.store}: {quads:,} quads, {persons:,} persons; lookups rotate over osoba-1…{args.persons:,} "
          f"({min(persons, args.persons):,} of them exist); {args.workers} gunicorn workers; "
          f"wrk -t1 -c{args.connections} -d{args.seconds:g}s × {args.rounds} rounds")

    work = Path(tempfile.mkdtemp(prefix="kronika-wrk-"))
    copy = work / "oxigraph-store"
    shutil.copytree(args.store, copy, ignore=shutil.ignore_patterns("LOCK"))
    oxi_port, kronika_port = free_port(), free_port()
    env = {**os.environ, "KRONIKA_STORE": str(args.store), "KRONIKA_PORT": str(kronika_port), "KRONIKA_BASE": BASE,
           "KRONIKA_WORKERS": str(args.workers),
           # every wrk connection comes from one address, and every worker may run a query: no 429/503 refusals
           "KRONIKA_QUERY_PER_CLIENT": str(args.connections), "KRONIKA_QUERY_CONCURRENT": str(args.workers), **dict(kv.split("=", 1) for kv in args.env)}
    started = time.monotonic()
    oxigraph = subprocess.Popen([str(Path(sys.executable).parent / "oxigraph"), "serve-read-only", "--location", str(copy),
                                 "--bind", f"127.0.0.1:{oxi_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
    oxi_start = wait_first_answer(oxi_port, "/query?query=ASK%7B%7D", oxigraph, started)
    log = open(work / "kronika.log", "w")
    started = time.monotonic()
    kronika = subprocess.Popen([sys.executable, "-c", "from server.cli import main; main()", "serve"], env=env, cwd=ROOT,
                               stdout=log, stderr=log, start_new_session=True)
    try:
        kronika_start = wait_first_answer(kronika_port, "/sparql?query=ASK%7B%7D", kronika, started)
        print(f"cold start to the first answer: kronika serve {kronika_start:.2f} s, oxigraph serve-read-only {oxi_start:.2f} s")
        step = max(1, args.persons // args.sample)
        check_answers(oxi_port, kronika_port, [lookup(i) for i in range(1, args.persons + 1, step)]
                      + [rows_query(k * 1000) for k in range(3)])
        memory = [("after start", memory_mb(kronika.pid), memory_mb(oxigraph.pid))]

        results: dict[str, list] = {}
        phases = []
        if "lookups" not in skip:
            phases.append(("lookups", args.persons, lookup, 1))
        if "rows" not in skip:
            phases.append(("1,000-row mix", 20, rows_query, 1000))
        for label, n, query_of, step_ in phases:
            for who in ("oxigraph", "kronika"):  # warm up both
                sc = script_for(work, who, query_of, step_, n, 0)
                run_wrk(wrk, oxi_port if who == "oxigraph" else kronika_port, sc, args.connections, 2,
                        oxigraph.pid if who == "oxigraph" else kronika.pid)
            for r in range(args.rounds):
                start = r * 7919  # each round starts elsewhere in the rotation, the same for both servers
                a = run_wrk(wrk, oxi_port, script_for(work, "oxigraph", query_of, step_, n, start), args.connections,
                            args.seconds, oxigraph.pid)
                b = run_wrk(wrk, kronika_port, script_for(work, "kronika", query_of, step_, n, start), args.connections,
                            args.seconds, kronika.pid)
                ratio = round(b["req_s"] / a["req_s"], 3)
                results.setdefault(label, []).append((a, b, ratio))
                memory.append((f"after {label} round {r + 1}", memory_mb(kronika.pid), memory_mb(oxigraph.pid)))
                print(f"{label} round {r + 1}: oxigraph {a}\n{' ' * len(label)}          kronika  {b}\n"
                      f"{' ' * len(label)}          ratio {ratio}×   ({uptime()})", flush=True)
        pages = []
        if "pages" not in skip:
            pages.append(("/page/person/… (HTML)", "/page/person/osoba-", "", "text/html"))
        if "data" not in skip:
            pages.append(("/data/person/….ttl", "/data/person/osoba-", ".ttl", "text/turtle"))
        for label, prefix, suffix, accept in pages:
            n = min(persons, args.persons)
            sc = lua_script(work, "page", prefix, suffix, n, accept=accept)
            run_wrk(wrk, kronika_port, sc, 1, 2, kronika.pid)
            for r in range(args.rounds):
                sc = lua_script(work, "page", prefix, suffix, n, start=r * 7919 + 1000, accept=accept)
                out = run_wrk(wrk, kronika_port, sc, 1, args.seconds, kronika.pid)
                results.setdefault(label, []).append(out)
                print(f"{label} c=1 round {r + 1}: {out}", flush=True)
                memory.append((f"after {label} round {r + 1}", memory_mb(kronika.pid), memory_mb(oxigraph.pid)))
        print("\nsummary")

        def series(items, key, fmt="{}"):
            return ", ".join(fmt.format(o[key]) for o in items)

        for label, rounds in results.items():
            if isinstance(rounds[0], tuple):
                oxi, kr, ratios = [r[0] for r in rounds], [r[1] for r in rounds], [r[2] for r in rounds]
                print(f"  {label}: oxigraph {series(oxi, 'req_s', '{:,.0f}')} req/s (p50 {series(oxi, 'p50_ms')} ms, "
                      f"p99 {series(oxi, 'p99_ms')} ms, {series(oxi, 'cpu_ms_per_req')} ms CPU/req); "
                      f"kronika {series(kr, 'req_s', '{:,.0f}')} req/s (p50 {series(kr, 'p50_ms')} ms, "
                      f"p99 {series(kr, 'p99_ms')} ms, {series(kr, 'cpu_ms_per_req')} ms CPU/req); "
                      f"ratio {', '.join(map(str, ratios))} (median {statistics.median(ratios)})")
            else:
                print(f"  {label} c=1: {series(rounds, 'req_s', '{:,.0f}')} req/s, p50 {series(rounds, 'p50_ms')} ms, "
                      f"p99 {series(rounds, 'p99_ms')} ms, {series(rounds, 'cpu_ms_per_req')} ms CPU/req")
        print("  memory (kronika: every gunicorn process; oxigraph):")
        for when, k, o in memory:
            print(f"    {when}: kronika {k}, oxigraph {o}")
        print(uptime())
    finally:
        for proc in (kronika, oxigraph):
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for proc in (kronika, oxigraph):
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        log.close()
        if os.environ.get("KRONIKA_WRK_KEEP"):
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def script_for(work: Path, who: str, query_of, step: int, n: int, start: int) -> Path:
    """The rotating query script for one server: Oxigraph's endpoint is /query, Kronika's /sparql."""
    marker = 987654321
    q = quote(query_of(marker), safe="")
    pre, post = q.split(str(marker))
    path = "/query" if who == "oxigraph" else "/sparql"
    return lua_script(work, f"{who}-{step}", f"{path}?query={pre}", post, n, start=start, step=step,
                      first=1 if step == 1 else 0)


if __name__ == "__main__":
    main()
