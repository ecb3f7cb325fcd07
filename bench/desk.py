"""The review desk at scale (issue 16 §1): the queue page, the facts API under each filter and
at deep pages, a decision and its undo, timed through the Flask app on a big store.

    python bench/generate.py --triples 3300000 --store /tmp/kronika-queue   # ~100,000 pending facts
    python bench/desk.py --store /tmp/kronika-queue [--rounds 30]

The store is changed: each round decides one pending fact and undoes it again.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.queue_index import Filters  # noqa: E402
from server.app import create_app  # noqa: E402

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    app = create_app({"STORE": str(args.store), "CURATORS": str(args.store) + "-bench-curators.sqlite"})
    kronika = app.extensions["kronika"]
    t0 = time.perf_counter()
    pending = kronika.store.queue().counts(Filters(status=None))
    print(f"store {args.store}: {pending} (index ready in {time.perf_counter() - t0:.1f} s)")
    curators = kronika.curators
    if "bench" not in {c.name for c in curators.list()}:
        curators.add("bench", "bench-password-123", role="admin")
    headers = {"Authorization": f"Bearer {curators.new_token('bench')}"}
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
        print(f"{label:45} p50 {statistics.median(times) * 1000:7.1f} ms   p99 {p99(times) * 1000:7.1f} ms")
    decide, undo = [], []
    facts = client.get(f"/review/api/facts?limit={args.rounds}", headers=headers).get_json()["facts"]
    for fact in facts:
        t = time.perf_counter()
        r = client.post(f"/review/api/facts/{fact['fact']}/decision", json={"status": "accepted", "expected": "pending"},
                        headers=headers)
        decide.append(time.perf_counter() - t)
        assert r.status_code == 200, r.get_data(as_text=True)
        t = time.perf_counter()
        r = client.post("/review/api/undo", headers=headers)
        undo.append(time.perf_counter() - t)
        assert r.status_code == 200 and r.get_json()["undone"], r.get_data(as_text=True)
    for label, times in (("decision (accept)", decide), ("undo", undo)):
        print(f"{label:45} p50 {statistics.median(times) * 1000:7.1f} ms   p99 {p99(times) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
