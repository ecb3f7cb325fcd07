"""Score the extractor on the real-text development set (bench/realtexts).

    python bench/realscore.py [--only ID-PREFIX ...] [--skip ID-PREFIX ...] [--verbose] [--json]

Each passage whose text is in bench/realtexts/texts/ is extracted as `kronika extract` does and
scored against bench/realtexts/gold/<id>.json with the project's scorer (tests/eval/score.py).
Prints P/R/F1 per category over all passages, F1 of entities and facts per passage, and the
passages whose text is missing (see bench/realtexts/README.md to fetch them).

The gold lists a town once, under places. The vocabulary contract (and the sample's gold) says a
place whose office-holders are named is also an organisation, so each place that a role of the gold
is "of" is scored as an organisation as well; `--as-annotated` scores the gold as it is written.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REAL = ROOT / "bench" / "realtexts"


def scorer():
    spec = importlib.util.spec_from_file_location("kronika_score", ROOT / "tests" / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_to(text_path: Path, out: Path) -> None:
    from graph.build import extract_file
    from graph.facts import FactBuilder
    from graph.vocab import Base

    extract_file(text_path, FactBuilder(Base()), out)


def with_office_places(gold: dict) -> dict:
    """The gold with every place holding a role also listed as an organisation (CONTRACT.md: a city
    whose office-holders are named is also an org:Organization)."""
    organisations = {o["name"] for o in gold.get("organisations", [])}
    places = {p["name"]: p for p in gold.get("places", [])}
    required = {r["of"] for r in gold.get("roles", []) if not r.get("optional")}
    added = []
    for role in gold.get("roles", []):
        place = places.get(role["of"])
        if place is None or place["name"] in organisations:
            continue
        organisations.add(place["name"])
        added.append({**place, "optional": bool(place.get("optional")) or place["name"] not in required})
    return {**gold, "organisations": gold.get("organisations", []) + added}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", default=[], help="passage ids starting with these")
    ap.add_argument("--skip", nargs="*", default=[],
                    help="not the passage ids starting with these (a batch still to be scored blind)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false positive and miss")
    ap.add_argument("--json", action="store_true", help="a JSON summary as the last line")
    ap.add_argument("--as-annotated", action="store_true",
                    help="score the gold as written (a town holding offices only as a place)")
    args = ap.parse_args(argv)
    score = scorer()
    golds = sorted((REAL / "gold").glob("*.json"))
    if args.only:
        golds = [g for g in golds if g.stem.startswith(tuple(args.only))]
    if args.skip:
        golds = [g for g in golds if not g.stem.startswith(tuple(args.skip))]
    missing, per_passage, cases = [], {}, []
    publishers = set()
    with tempfile.TemporaryDirectory() as tmp:
        for gold in golds:
            text = REAL / "texts" / f"{gold.stem}.txt"
            if not text.exists():
                missing.append(gold.stem)
                continue
            data = json.loads(gold.read_text(encoding="utf-8"))
            publishers.add(data["source"]["publisher"])
            pred = Path(tmp) / f"{gold.stem}.nq"
            extract_to(text, pred)
            if not args.as_annotated:
                gold = Path(tmp) / "gold" / gold.name
                gold.parent.mkdir(exist_ok=True)
                gold.write_text(json.dumps(with_office_places(data), ensure_ascii=False), encoding="utf-8")
            res = score.score_case(pred, gold)
            per_passage[gold.stem] = {k: round(res[k].prf()[2], 3) for k in ("entities", "facts")}
            cases += ["--case", str(pred), str(gold)]
        print(f"{'passage':44} {'entities':>8} {'facts':>6}")
        for stem, f in per_passage.items():
            print(f"{stem:44} {f['entities']:8.3f} {f['facts']:6.3f}")
        print(f"\n{len(per_passage)} passages from {len(publishers)} publishers\n")
        if cases:  # the totals, as the scorer prints them (its last line with --json)
            score.main(cases + (["--verbose"] if args.verbose else []) + (["--json"] if args.json else []))
    if missing:
        print(f"\nmissing texts ({len(missing)}; fetch them as bench/realtexts/README.md says): {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
