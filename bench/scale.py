"""The product end to end, not only the pipeline: `kronika extract` and `kronika build` on genre text of
growing size, against the pipeline alone on the same text.

    python bench/scale.py --sizes 0.1 1 5 20
    python bench/scale.py --sizes 0.1 1 --rounds 2 --formats nq trig jsonld --no-build
    python bench/scale.py --sizes 20 --formats          # `kronika build` alone
    python bench/scale.py --sizes 20 --formats --build-jobs 1 2   # one build process against two

For each size (MB) the bench writes a text made of the in-house texts (corpus/, tests/texts/) between
NKJP documents, one after each: the in-house texts recur all through it, so the same mayors, towns and
bodies are named again and again from the first part to the last, as in a newspaper's yearbook. Then,
one at a time, each in a fresh process: the pipeline alone (bench/extract.py's measure, model loaded
outside the timing), one word through `kronika extract` (the start-up every run pays: imports, the
pipeline and its models), `kronika extract -o` each format, and `kronika build` into a new store of the
same text cut into documents of about 10 KB (a corpus of 2,000 files at 20 MB). Prints wall time, words/s and peak RSS of each,
extract's speed as a share of the pipeline's, and at the end its time per word from size to size.
On a shared machine `--rounds N` keeps the fastest of N runs of each extraction.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KRONIKA = [sys.executable, "-c", "from server.cli import main; main()"]


def in_house_texts() -> list[str]:
    return [p.read_text(encoding="utf-8").strip()
            for p in sorted([*(ROOT / "corpus").glob("*.txt"), *(ROOT / "tests" / "texts").glob("*.txt")])]


def genre_text(size: int) -> str:
    """At least `size` bytes of text: NKJP documents, each followed by the next in-house text, both cycled."""
    from bench.nkjp import nkjp_texts

    own, nkjp = in_house_texts(), nkjp_texts(size)
    out, written, i = [], 0, 0
    while written < size:
        for text in (nkjp[i % len(nkjp)], own[i % len(own)]):
            out.append(text)
            written += len(text.encode()) + 2
        i += 1
    return "\n\n".join(out)


def documents(text: str, size: int = 10_000) -> list[str]:
    """The text cut at paragraph ends into documents of about `size` characters."""
    out, current = [], []
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        if sum(map(len, current)) >= size:
            out.append("\n\n".join(current))
            current = []
    return out + (["\n\n".join(current)] if current else [])


def measured(command: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, standard output) of a command in its own process, which must succeed.
    The peak is wait4's, of that process alone: RUSAGE_CHILDREN gives the maximum over all children so far."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT)
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - t0
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            err.seek(0)
            raise SystemExit(f"{' '.join(map(str, command))} failed:\n{err.read()[-2000:]}")
        out.seek(0)
        return elapsed, usage.ru_maxrss / 1024, out.read()


def fastest(command: list[str], rounds: int) -> tuple[float, float, str]:
    """The fastest of `rounds` runs (on a shared machine the others are slowed by someone else's work),
    with the highest peak RSS of them."""
    runs = [measured(command) for _ in range(rounds)]
    seconds, _rss, out = min(runs)
    return seconds, max(rss for _s, rss, _o in runs), out


def pipeline_alone(path: Path) -> None:
    """bench/extract.py's measure of the pipeline on the text in `path`, one job; printed as JSON."""
    from bench.extract import run

    print(json.dumps(run([path.read_text(encoding="utf-8")], 1)))


def row(what: str, words: int, seconds: float, rss: float, note: str = "") -> None:
    print(f"| {what} | {words:,} | {seconds:.1f} s | {words / seconds:,.0f} | {rss / 1024:.2f} GB | {note} |", flush=True)


def bench_size(megabytes: float, formats: list[str], build: list[int], rounds: int, work: Path) -> dict[str, float]:
    """Prints the rows of one size; returns the microseconds per word of `kronika extract` per format, end to
    end and net of the start-up (none without formats)."""
    text = genre_text(int(megabytes * 1_000_000))
    words = len(text.split())
    source = work / f"genre-{megabytes:g}mb.txt"
    source.write_text(text, encoding="utf-8")
    label = f"{megabytes:g} MB"
    per_word = {}
    if formats:
        per_word = bench_extract(label, source, words, formats, rounds, work)
    if build:
        corpus = work / "corpus"
        corpus.mkdir()
        parts = documents(text)
        for i, part in enumerate(parts):
            (corpus / f"doc-{i:05d}.txt").write_text(part, encoding="utf-8")
        one_job = None
        for jobs in build:  # each into a new store
            seconds, rss, _out = measured([*KRONIKA, "build", "--corpus", str(corpus), "--store", str(work / f"store-{jobs}"),
                                           "--jobs", str(jobs)])
            one_job = seconds if jobs == 1 else one_job
            speed_up = f", **{one_job / seconds:.2f}×** one job" if one_job and jobs > 1 else ""
            row(f"{label}: `kronika build --jobs {jobs}` ({len(parts):,} documents)", words, seconds, rss,
                f"new store{speed_up}")
    return per_word


def bench_extract(label: str, source: Path, words: int, formats: list[str], rounds: int, work: Path) -> dict[str, float]:
    """The pipeline alone, the start-up, then `kronika extract` to each format, each in a fresh process."""
    runs = [measured([sys.executable, __file__, "--pipeline-alone", str(source)]) for _ in range(rounds)]
    pipeline = min((json.loads(out.strip().splitlines()[-1]) for _s, _rss, out in runs), key=lambda r: r["seconds"])
    pipeline_seconds = pipeline["seconds"]
    row(f"{label}: pipeline alone (bench/extract.py)", words, pipeline_seconds, max(rss for _s, rss, _o in runs),
        f"{pipeline['facts']:,} facts (roles, events, relations); model loaded outside the timing")

    sentence = work / "sentence.txt"
    sentence.write_text("Rozgrzewka.", encoding="utf-8")
    start_up, _rss, _out = fastest([*KRONIKA, "extract", str(sentence), "-o", str(work / "sentence.nq")], rounds)

    per_word = {}
    for fmt in formats:
        output = work / f"out.{fmt}"
        seconds, rss, _out = fastest([*KRONIKA, "extract", str(source), "-o", str(output)], rounds)
        net = seconds - start_up
        row(f"{label}: `kronika extract -o .{fmt}`", words, seconds, rss,
            f"**{pipeline_seconds / seconds:.2f}×** the pipeline ({pipeline_seconds / net:.2f}× net of the "
            f"start-up, {start_up:.1f} s); output {output.stat().st_size / 1e6:,.0f} MB")
        per_word[fmt], per_word[f"{fmt} net"] = seconds / words * 1e6, net / words * 1e6
        output.unlink()
    return per_word


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 5, 20], help="text sizes in MB")
    ap.add_argument("--formats", nargs="*", default=["nq", "trig"], choices=["nq", "trig", "ttl", "nt", "jsonld"],
                    help="outputs of `kronika extract` to measure (none: neither it nor the pipeline)")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each extraction, the fastest kept")
    ap.add_argument("--no-build", action="store_true", help="measure extraction only")
    ap.add_argument("--build-jobs", type=int, nargs="+", default=[1], help="`kronika build --jobs N` for each N")
    ap.add_argument("--pipeline-alone", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.pipeline_alone:
        pipeline_alone(args.pipeline_alone)
        return
    print("| text: what | words | wall time | words/s | peak RSS | |")
    print("| --- | --- | --- | --- | --- | --- |", flush=True)
    per_word = {}
    for megabytes in args.sizes:
        with tempfile.TemporaryDirectory(prefix="kronika-scale-") as work:
            per_word[megabytes] = bench_size(megabytes, args.formats, [] if args.no_build else args.build_jobs,
                                             args.rounds, Path(work))
    print()
    for measure in per_word[args.sizes[0]] if len(args.sizes) > 1 else []:
        figures = [per_word[size][measure] for size in args.sizes]
        print(f"µs per word, `kronika extract -o .{measure}`: "
              + ", ".join(f"{size:g} MB {value:.0f}" for size, value in zip(args.sizes, figures))
              + f"; slowest / fastest {max(figures) / min(figures):.2f}")


if __name__ == "__main__":
    main()
