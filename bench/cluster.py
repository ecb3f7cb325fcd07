"""`kronika build --cluster` with one Dask worker against two (or more), on the same corpus.

    python bench/cluster.py --megabytes 5             # genre text (bench/scale.py) cut into ~10 KB documents
    python bench/cluster.py --corpus corpus/ --workers 1 2 --rounds 2

For each number of workers a LocalCluster of that many single-threaded worker processes is started and
each worker loads the pipeline before the clock starts (as a long-running cluster has), and one document
is built to load this process's validator; then the corpus is built into a new embedded store, this process keeping the registry, validating and writing as `kronika
build` does. Prints wall time, words/s and the speed-up over the first count of workers. The main process's
share (validation, writing) runs on the same cores as the workers, as it does on a one-machine cluster.
"""
from __future__ import annotations

import argparse
import gc
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_pipeline() -> None:
    """Run on each worker before timing: the per-process pipeline the documents will use."""
    import extract
    extract.pipeline()


def write_corpus(megabytes: float, folder: Path) -> list[Path]:
    from bench.scale import documents, genre_text

    for i, text in enumerate(documents(genre_text(int(megabytes * 1_000_000)))):
        (folder / f"doc-{i:05d}.txt").write_text(text, encoding="utf-8")
    return sorted(folder.glob("*.txt"))


def timed_build(files: list[Path], workers: int, work: Path) -> float:
    """Seconds to build `files` into a new store with `workers` warm worker processes."""
    from distributed import Client, LocalCluster

    from graph.build import build_corpus
    from graph.store import Store
    from graph.vocab import Base

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(load_pipeline)
        build_corpus(Store(work / f"warm-up-{workers}", Base()), files[:1], echo=lambda _m: None, cluster=client)
        gc.collect()  # the warm-up's store
        store = Store(work / f"store-{workers}-{time.monotonic_ns()}", Base())
        start = time.perf_counter()
        result = build_corpus(store, files, echo=lambda _m: None, cluster=client)
        seconds = time.perf_counter() - start
        assert not result.errors, result.errors
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = ap.add_mutually_exclusive_group()
    source.add_argument("--megabytes", type=float, default=1.0, help="size of the generated corpus")
    source.add_argument("--corpus", type=Path, help="a folder of .txt files instead")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker processes to compare")
    ap.add_argument("--rounds", type=int, default=1, help="builds per count of workers, the fastest kept")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kronika-cluster-") as work:
        work = Path(work)
        if args.corpus:
            files = sorted(args.corpus.glob("*.txt"))
        else:
            (work / "corpus").mkdir()
            files = write_corpus(args.megabytes, work / "corpus")
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
        print(f"{len(files):,} documents, {words:,} words")
        print("| workers | wall time | words/s | speed-up |")
        print("| --- | --- | --- | --- |", flush=True)
        first = None
        for workers in args.workers:
            seconds = min(timed_build(files, workers, work) for _ in range(args.rounds))
            first = first or seconds
            print(f"| {workers} | {seconds:.1f} s | {words / seconds:,.0f} | {first / seconds:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
