"""Extraction speed and memory of the whole pipeline on real Polish text (NKJP 1M documents).

    python bench/extract.py --megabytes 1 --jobs 1 2
Prints words/s and peak resident memory for each number of jobs, each measured in a fresh
process (a later run would otherwise start with the Morfeusz cache the earlier one warmed).
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import extract  # noqa: E402
from bench.nkjp import nkjp_texts  # noqa: E402


def run(texts: list[str], jobs: int) -> dict:
    words = sum(len(t.split()) for t in texts)
    text = "\n\n".join(texts)
    extract.pipeline()("rozgrzewka")  # load the pipeline outside the timing
    t0 = time.perf_counter()
    facts = sum(len(p.memberships) + len(p.events) + len(p.relations) for p in extract.read_chunks(text, jobs=jobs))
    elapsed = time.perf_counter() - t0
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"jobs": jobs, "bytes": len(text.encode()), "words": words, "seconds": round(elapsed, 1),
            "words_per_s": int(words / elapsed), "facts": facts, "peak_rss_mb": round(max(peak_self, peak_children))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--megabytes", type=float, default=1.0)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rules-only", action="store_true", help="without the statistical NER")
    args = ap.parse_args()
    if len(args.jobs) > 1:
        for jobs in args.jobs:
            subprocess.run([sys.executable, __file__, "--megabytes", str(args.megabytes), "--jobs", str(jobs),
                            *(["--rules-only"] if args.rules_only else [])], check=True)
        return
    if args.rules_only:
        extract.NER_MODEL = Path("/nonexistent")
    texts = nkjp_texts(int(args.megabytes * 1_000_000))
    print(run(texts, args.jobs[0]))


if __name__ == "__main__":
    main()
