"""Each rule's confidence, measured: its precision on the real-text development set (issue 13 §4).

    python bench/calibrate.py            # print the figures
    python bench/calibrate.py --write    # and write them into extract/data/lexicon.toml [confidence]
    python bench/calibrate.py --only cb  # one batch (an out-of-sample check); --skip cg leaves a blind batch out

Every passage of bench/realtexts whose text is present is extracted as `kronika extract` does, and each fact
graph (an entity, a role, an event, a relation) is judged right or wrong by the project's scorer against the
passage's gold (tests/eval/score.py: a false positive there is wrong here; a fact the gold lists, also as
optional, is right). A rule's confidence is then (right + 1) / (facts + 2): its precision, pulled towards 0.5
where it made few facts. A rule that made fewer than MIN_FACTS facts keeps the confidence the lexicon gives it.
So a curator who accepts every fact above a confidence accepts facts that were right about that often here.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.realscore import REAL, extract_to, scorer  # noqa: E402

LEXICON = Path(__file__).resolve().parent.parent / "extract" / "data" / "lexicon.toml"
KR_RULE = "ontology#rule"
MIN_FACTS = 5
NODE = re.compile(r"\((http[^)\s]+)\)$")


def judged(score, pred_path: Path, gold_path: Path) -> list[tuple[str, bool]]:
    """(rule, right) for each fact graph of one passage."""
    import json

    ds = score.load(pred_path)
    pred = score.Pred(ds)
    gold = score.Gold(json.loads(gold_path.read_text(encoding="utf-8")))
    wrong = set()
    entities = score.score_entities(pred, gold, score.PERSON_TYPES | score.ORG_TYPES | score.PLACE_TYPES,
                                    ("persons", "organisations", "places"))
    roles, _dates = score.score_roles(pred, gold)
    for note in entities.notes + roles.notes:
        if note.startswith("FP") and (m := NODE.search(note)):
            wrong.add(m.group(1))
    right_events = set()  # the scorer's matching: each gold event takes the first event of its date and entities
    found = [(e, pred.dates(e), {gold.entity_of(pred, x) for x in pred.linked(e)} - {None})
             for e in pred.typed(score.EVENT_TYPES)]
    for g in gold.data.get("events", []):
        want = set(g.get("places", [])) | set(g.get("participants", []))
        hit = next((e for e, dates, linked in found if e not in right_events and g["date"] in dates
                    and (not want or want & linked)), None)
        if hit is not None:
            right_events.add(hit)
    golds = {(g["s"], g["kind"], g["o"]) for g in gold.data.get("relations", [])}
    golds |= {(g["o"], g["kind"], g["s"]) for g in gold.data.get("relations", []) if g["kind"] in score.SYMMETRIC}
    rules = {str(s): str(o) for s, p, o, _g in ds.quads((None, None, None, None)) if str(p).endswith(KR_RULE)}
    events, memberships = set(pred.typed(score.EVENT_TYPES)), set(pred.typed(score.MEMBERSHIP_TYPES))
    entity_nodes = set(pred.typed(score.PERSON_TYPES | score.ORG_TYPES | score.PLACE_TYPES))
    out = []
    for graph, rule in rules.items():
        if rule.startswith("geonames"):
            continue  # a link to GeoNames: judged and calibrated by tests/test_geonames.py, not by this gold
        triples = list(ds.graph(graph).triples((None, None, None))) if graph.startswith("http") else []
        subjects = {s for s, _p, _o in triples}
        relation = next(((s, p, o) for s, p, o in triples if s in entity_nodes and o in entity_nodes
                         and score.predicate_kind(str(p))[0] not in (None, "honour")), None)
        if subjects & memberships:
            out.append((rule, not any(str(s) in wrong for s in subjects & memberships)))
        elif subjects & events:
            out.append((rule, bool(subjects & right_events)))
        elif relation is not None:
            s, p, o = relation
            kind, inverse = score.predicate_kind(str(p))
            a, b = gold.entity_of(pred, s), gold.entity_of(pred, o)
            out.append((rule, ((b, kind, a) if inverse else (a, kind, b)) in golds))
        elif subjects & entity_nodes:
            out.append((rule, not any(str(s) in wrong for s in subjects & entity_nodes)))
    return out


def measure(only: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """rule -> (right, facts) over every passage present (whose id starts with one of `only`, if given, and with
    none of `skip`)."""
    score = scorer()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with tempfile.TemporaryDirectory() as tmp:
        for gold in sorted((REAL / "gold").glob("*.json")):
            if only and not gold.stem.startswith(only) or skip and gold.stem.startswith(skip):
                continue
            text = REAL / "texts" / f"{gold.stem}.txt"
            if not text.exists():
                continue
            pred = Path(tmp) / f"{gold.stem}.nq"
            extract_to(text, pred)
            for rule, right in judged(score, pred, gold):
                counts[rule][0] += right
                counts[rule][1] += 1
    return {rule: (right, n) for rule, (right, n) in counts.items()}


def accepted(measured: dict[str, tuple[int, int]], confidences: dict, threshold: float) -> tuple[int, int]:
    """(right, facts) of the facts a curator accepts by accepting every fact at `threshold` or above, each fact
    with the confidence the lexicon gives its rule now."""
    chosen = [(r, n) for rule, (r, n) in measured.items() if float(confidences.get(rule, 0.5)) >= threshold]
    return sum(r for r, _ in chosen), sum(n for _, n in chosen)


def confidence(right: int, facts: int) -> float:
    return round((right + 1) / (facts + 2), 2)


def rewrite(lexicon: str, measured: dict[str, tuple[int, int]]) -> str:
    """The lexicon's [confidence] table with each rule measured on MIN_FACTS facts or more set to its figure
    (added at the table's end when it has no line yet); every other line as it was."""
    enough = {rule for rule, (_right, n) in measured.items() if n >= MIN_FACTS}
    lines, section, written = [], None, set()

    def added() -> list[str]:
        return [f"{rule} = {confidence(*measured[rule])}\n" for rule in sorted(enough - written)]

    for line in lexicon.splitlines(keepends=True):
        if line.startswith("[") and section == "[confidence]":
            tail = []  # the next table's comment and the blank lines before it stay before that table
            while lines and (not lines[-1].strip() or lines[-1].startswith("#")):
                tail.insert(0, lines.pop())
            lines += added() + ["\n"] + [t for t in tail if t.strip()]
            written = enough
        if line.startswith("["):
            section = line.strip()
        m = re.match(r"^([\w-]+) = [\d.]+(\s*)$", line)
        if section == "[confidence]" and m and m.group(1) in enough:
            line = f"{m.group(1)} = {confidence(*measured[m.group(1)])}{m.group(2)}"
            written.add(m.group(1))
        lines.append(line)
    if section == "[confidence]":
        lines += added()
    return "".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write the figures into extract/data/lexicon.toml")
    ap.add_argument("--only", nargs="*", default=[], help="passage ids starting with these (an out-of-sample check)")
    ap.add_argument("--skip", nargs="*", default=[], help="leave out passage ids starting with these (a batch kept blind)")
    args = ap.parse_args(argv)
    measured = measure(tuple(args.only), tuple(args.skip))
    print("| rule | facts | right | precision | confidence |\n| --- | --- | --- | --- | --- |")
    for rule, (right, n) in sorted(measured.items(), key=lambda x: -x[1][1]):
        kept = "" if n >= MIN_FACTS else " (kept: too few)"
        print(f"| {rule} | {n} | {right} | {right / n:.3f} | {confidence(right, n)}{kept} |")
    from extract.lexicon import lexicon
    for threshold in (0.95, 0.9, 0.8):  # what accepting by the confidences the lexicon gives now would accept
        right, n = accepted(measured, lexicon().confidence, threshold)
        print(f"accepted at >= {threshold}: {right} right of {n}" + (f" ({right / n:.1%})" if n else ""))
    if args.write:
        LEXICON.write_text(rewrite(LEXICON.read_text(encoding="utf-8"), measured), encoding="utf-8")
        print(f"written to {LEXICON}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
