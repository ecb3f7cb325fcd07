"""SHACL validation time on a store of Kronika's shape: per fact (the fact graph plus the
descriptions it touches, as a correction is checked) and the whole store.

    python bench/generate.py --triples 1000000 --store /tmp/kronika-1m
    python bench/validate.py --store /tmp/kronika-1m --facts 200
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox  # noqa: E402

from graph.review import Review  # noqa: E402
from graph.store import to_rdflib  # noqa: E402
from graph.store import Store  # noqa: E402
from graph.validate import validate_store  # noqa: E402
from graph.vocab import Base  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--facts", type=int, default=200)
    ap.add_argument("--full", action="store_true", help="also validate the whole store")
    args = ap.parse_args()
    store = Store(args.store, Base(), read_only=True)
    review = Review(store)
    graphs = [r["g"].value for r in store.query(
        f"SELECT ?g WHERE {{ GRAPH <{store.base.review}> {{ ?g ?p ?o }} }} LIMIT 20000")]
    rnd = random.Random(1)
    sample = rnd.sample(graphs, min(args.facts, len(graphs)))
    times = []
    for g in sample:
        t0 = time.perf_counter()
        triples = [(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
                   for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))]
        try:
            review._check(g, triples)
        except ValueError:
            pass
        times.append(time.perf_counter() - t0)
    times.sort()
    print({"store_quads": len(store.ox), "facts_validated": len(times),
           "per_fact_p50_ms": round(statistics.median(times) * 1000, 1),
           "per_fact_p99_ms": round(times[int(len(times) * 0.99) - 1] * 1000, 1)})
    if args.full:
        t0 = time.perf_counter()
        report = validate_store(store)
        print({"full_validation_s": round(time.perf_counter() - t0, 1), "facts_with_messages": len(report)})


if __name__ == "__main__":
    main()
