"""Named entities on NKJP's held-out documents, scored PolEval-style: the product and the model alone.

    python bench/ner.py [--limit N] [--errors FILE] [--skipped]      (make eval-ner)
    python bench/ner.py --calibrate [--cross]      (extract/data/ner_merge.toml: the merge's figures)

Held out: every 10th document of NKJP 1M in file order (document n with n % 10 == 9: 388 of 3,889),
as extract/train_ner.py splits them; the committed model was not trained on them (they were only
its development set). Gold: the outermost entity layer (placeName-* → placeName), as the model was
trained. A document's text is its tokens spaced as train_ner spaces them.

Two systems read each document's text: `kronika ner` (extract.text_mentions, the function the CLI
prints) and the statistical model alone, every sentence read. Scored as PolEval 2018 does, per
document, over persName, orgName, placeName, geogName, date, time: a gold entity is found (exact:
a prediction with its label and offsets; overlap: with its label and any common character) or not;
TP = gold found, FP = predictions − TP, FN = gold − TP; final = 0.8 × overlap F1 + 0.2 × exact F1.

`--calibrate` measures, on the same documents, how precise each rule is where it differs from the
model (extract/merge.py reads the figures); `--cross` scores each half of them with the figures
measured on the other half, which tells how much of the product's lead is owed to measuring on the
documents it is scored on.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.train_ner import DEFAULT_IOB, HELD_OUT_EVERY, NO_SPACE_AFTER, NO_SPACE_BEFORE, documents, label_of  # noqa: E402

LABELS = ("persName", "orgName", "placeName", "geogName", "date", "time")


@dataclass
class Document:
    id: str
    text: str
    gold: set[tuple[int, int, str]]


def as_document(doc_id: str, sentences) -> Document:
    """The text of NKJP tokens and their outermost entities as character spans."""
    words = [(w, label_of(tag)) for sentence in sentences for w, tag in sentence]
    text, offsets = "", []
    for i, (w, _) in enumerate(words):
        offsets.append((len(text), len(text) + len(w)))
        text += w
        nxt = words[i + 1][0] if i + 1 < len(words) else ""
        if nxt and nxt[:1] not in NO_SPACE_BEFORE and w[-1:] not in NO_SPACE_AFTER:
            text += " "
    gold, start, name = set(), None, None
    for i, lab in enumerate([lab for _, lab in words] + [None]):
        if start is not None and (lab is None or lab[0] == "B" or lab[1] != name):
            gold.add((offsets[start][0], offsets[i - 1][1], name))
            start = None
        if lab is not None and (lab[0] == "B" or start is None):
            start, name = i, lab[1]
    return Document(doc_id, text, gold)


def held_out(path: Path, limit: int | None = None) -> list[Document]:
    """The documents train_ner holds out, in corpus order."""
    out = []
    for n, (doc_id, sentences) in enumerate(documents(path)):
        if n % HELD_OUT_EVERY == HELD_OUT_EVERY - 1:
            out.append(as_document(doc_id, sentences))
            if limit and len(out) >= limit:
                break
    return out


def product(text: str) -> list[dict]:
    """What `kronika ner` prints for the text."""
    import extract
    return [m for m in extract.text_mentions(text) if m["label"] in LABELS]


def model_alone(text: str, every_sentence: bool = True) -> list[dict]:
    """The statistical model's entities on the pipeline's tokens and tags, every sentence read (or
    only those the pipeline has it read)."""
    import extract
    nlp = extract.pipeline()
    before = [proc for _name, proc in nlp.pipeline[:nlp.pipe_names.index("kronika_ner")]]
    found = []
    for offset, part in extract.chunks(text):
        doc = nlp.make_doc(part)
        for proc in before:
            doc = proc(doc)
        found += [{"start": offset + e.start_char, "end": offset + e.end_char, "label": e.label_, "text": e.text}
                  for e in nlp.get_pipe("kronika_ner").read(doc, every_sentence=every_sentence)]
    return found


def model_in_pipeline(text: str) -> list[dict]:
    return model_alone(text, every_sentence=False)


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0    # gold entities a prediction gives exactly
    overlap: int = 0  # gold entities a prediction of their label overlaps

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.exact += other.exact
        self.overlap += other.overlap

    def prf(self, found: int) -> tuple[float, float, float]:
        p = found / self.pred if self.pred else 0.0
        r = found / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def final(self) -> float:
        return 0.8 * self.prf(self.overlap)[2] + 0.2 * self.prf(self.exact)[2]


@dataclass
class Score:
    labels: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})

    @property
    def total(self) -> Counts:
        out = Counts()
        for c in self.labels.values():
            out.add(c)
        return out

    def add(self, gold: set[tuple[int, int, str]], predicted) -> None:
        pred = {(m["start"], m["end"], m["label"]) for m in predicted if m["label"] in LABELS}
        for label, c in self.labels.items():
            g = [x for x in gold if x[2] == label]
            p = [x for x in pred if x[2] == label]
            c.gold += len(g)
            c.pred += len(p)
            c.exact += sum(1 for x in g if x in pred)
            c.overlap += sum(1 for s, e, _ in g if any(ps < e and s < pe for ps, pe, _ in p))

    def summary(self) -> dict:
        t = self.total
        out = {"final": round(t.final(), 4), "exact": [round(x, 4) for x in t.prf(t.exact)],
               "overlap": [round(x, 4) for x in t.prf(t.overlap)]}
        for label, c in self.labels.items():
            out[label] = {"exact": [round(x, 4) for x in c.prf(c.exact)], "overlap": [round(x, 4) for x in c.prf(c.overlap)],
                          "final": round(c.final(), 4), "gold": c.gold, "pred": c.pred}
        return out


def evaluate(docs: list[Document], systems: dict) -> tuple[dict[str, Score], dict[str, list], dict[str, float]]:
    """Each system's score, its predictions per document, and its seconds."""
    scores, predictions, seconds = {}, {}, {}
    for name, system in systems.items():
        scores[name], predictions[name] = Score(), []
        t0 = time.perf_counter()
        for d in docs:
            found = system(d.text)
            predictions[name].append(found)
            scores[name].add(d.gold, found)
        seconds[name] = time.perf_counter() - t0
    return scores, predictions, seconds


def table(scores: dict[str, Score]) -> str:
    names = list(scores)
    head = f"{'':10}" + "".join(f" | {n:^38}" for n in names)
    sub = f"{'label':10}" + " | exact P   R     F   overlap P   R     F   final" * len(names)
    lines = [head, sub]

    def row(name: str, get) -> str:
        cells = []
        for n in names:
            c = get(scores[n])
            ep, er, ef = c.prf(c.exact)
            op, or_, of = c.prf(c.overlap)
            cells.append(f" | {ep:.3f} {er:.3f} {ef:.3f}   {op:.3f} {or_:.3f} {of:.3f}  {c.final():.3f}")
        return f"{name:10}" + "".join(cells)

    for label in LABELS:
        lines.append(row(label, lambda s, label=label: s.labels[label]))
    lines.append(row("all", lambda s: s.total))
    return "\n".join(lines)


def errors(docs: list[Document], found: list[list[dict]]) -> list[dict]:
    """Each document's false positives (with the source and rule that gave them) and misses."""
    out = []
    for d, pred in zip(docs, found):
        spans = {(m["start"], m["end"], m["label"]) for m in pred}
        for m in pred:
            if (m["start"], m["end"], m["label"]) not in d.gold:
                near = [d.text[s:e] + "/" + lab for s, e, lab in sorted(d.gold) if s < m["end"] and m["start"] < e]
                out.append({"doc": d.id, "kind": "fp", "label": m["label"], "text": m["text"], "source": m.get("source"),
                            "rule": m.get("rule"), "gold": near, "context": d.text[max(0, m["start"] - 60):m["end"] + 60]})
        for s, e, lab in sorted(d.gold - spans):
            near = [m["text"] + "/" + m["label"] for m in pred if m["start"] < e and s < m["end"]]
            out.append({"doc": d.id, "kind": "miss", "label": lab, "text": d.text[s:e], "found": near,
                        "context": d.text[max(0, s - 60):e + 60]})
    return out


MIN_COUNT = 5  # fewer cases of a rule and label than this tell nothing: the rule's mention is not measured


@dataclass
class Candidates:
    """A document's parts as `kronika ner` reads them: (offset, length, the rules' mentions, the model's filtered)."""
    document: Document
    parts: list


def candidates(docs: list[Document]) -> list[Candidates]:
    import extract
    from extract.merge import model_mentions, rule_mentions

    out = []
    for d in docs:
        parts = []
        for offset, part in extract.chunks(d.text):
            doc = extract.pipeline()(part, component_cfg=extract.EVERY_SENTENCE)
            parts.append((offset, len(part), rule_mentions(doc), model_mentions(doc)))
        out.append(Candidates(d, parts))
    return out


def measure(cands: list[Candidates]):
    """Per rule and label and case (`extract.merge.case_of`): the cases, the gold they find, and the
    model's mentions and gold they find on the same spans; and the filtered model's score."""
    from extract.merge import case_of

    counts: dict[tuple[str, str], Counter] = {}
    model_score = Score()
    for c in cands:
        for offset, length, rules, model in c.parts:
            gold = {(s - offset, e - offset, lab) for s, e, lab in c.document.gold if offset <= s and e <= offset + length}
            model_score.add(gold, [m.record() for m in model])
            for r in rules:
                over = [m for m in model if m.overlaps(r)]
                if any((m.start, m.end, m.label) == (r.start, r.end, r.label) for m in over):
                    continue
                k = counts.setdefault((r.rule, r.label), Counter())
                case = case_of(r, over)
                k[case + "_n"] += 1
                k[case + "_found"] += _found(gold, [r])
                k[case + "_model_n"] += len(over)
                k[case + "_model_found"] += _found(gold, over)
    return counts, model_score


def figures(counts: dict, model_score: Score) -> dict:
    """The figures extract/merge.Table reads, per rule and label."""
    rules: dict = {}
    for (rule, label), k in counts.items():
        f = rules.setdefault(rule, {}).setdefault(label, {})
        for case in sorted(key[:-2] for key in k if key.endswith("_n") and not key.endswith("_model_n")):
            f[f"{case}_n"] = k[case + "_n"]
            f[f"{case}_precision"] = round(k[case + "_found"] / k[case + "_n"], 4)
            if k[case + "_model_n"]:
                f[f"{case}_model_precision"] = round(k[case + "_model_found"] / k[case + "_model_n"], 4)
    return {"add_threshold": round(model_score.total.final() / 2, 4), "min_count": MIN_COUNT, "rules": rules}


def toml_text(f: dict, documents: int) -> str:
    lines = ["# Measured by `python bench/ner.py --calibrate` on NKJP's held-out documents "
             f"({documents}); read by extract/merge.py.",
             "# Per rule and label and case (alone: the model found nothing overlapping; conflict: its mentions",
             "# there have the rule's label; relabel_X: one has label X): the cases, the rule's precision and the",
             "# model's on the same spans, as PolEval counts it (gold entities found per mention, 0.8 by overlap",
             "# + 0.2 exactly). add_threshold: half the model's final score.",
             f"add_threshold = {f['add_threshold']}", f"min_count = {f['min_count']}", ""]
    for rule in sorted(f["rules"]):
        for label in sorted(f["rules"][rule]):
            lines.append(f'[rules."{rule}".{label}]')
            lines += [f"{k} = {v}" for k, v in f["rules"][rule][label].items()] + [""]
    return "\n".join(lines)


def merged(c: Candidates, figures_table) -> list[dict]:
    from extract.merge import merge
    return [{**r, "start": r["start"] + offset, "end": r["end"] + offset}
            for offset, _length, rules, model in c.parts for r in (m.record() for m in merge(rules, model, figures_table))]


def cross_check(cands: list[Candidates]) -> list[tuple[str, float, float]]:
    """Each half of the documents scored with the figures measured on the other half: (half, the
    product's final, the model alone's final)."""
    from extract.merge import Table

    out = []
    for name, this, other in (("even", cands[::2], cands[1::2]), ("odd", cands[1::2], cands[::2])):
        f = figures(*measure(other))
        t = Table(f["add_threshold"], f["min_count"], f["rules"])
        product_score, model_score = Score(), Score()
        for c in this:
            product_score.add(c.document.gold, merged(c, t))
            model_score.add(c.document.gold, model_alone(c.document.text))
        out.append((name, product_score.total.final(), model_score.total.final()))
    return out


def _found(gold: set[tuple[int, int, str]], mentions) -> float:
    """Gold entities the mentions find, as PolEval counts them: 0.8 by overlap, 0.2 exactly."""
    spans = [(m.span.start_char, m.span.end_char, m.label) for m in mentions]
    overlap = sum(1 for s, e, lab in gold if any(lab == ml and ms < e and s < me for ms, me, ml in spans))
    exact = sum(1 for g in gold if g in spans)
    return 0.8 * overlap + 0.2 * exact


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iob", type=Path, default=Path(os.environ.get("NKJP_IOB", DEFAULT_IOB)))
    ap.add_argument("--limit", type=int, default=None, help="the first N held-out documents only")
    ap.add_argument("--errors", type=Path, default=None, help="write the product's errors here (JSON lines)")
    ap.add_argument("--skipped", action="store_true", help="also the model on the sentences the pipeline has it read")
    ap.add_argument("--calibrate", action="store_true", help="measure the merge's figures and write them")
    ap.add_argument("--cross", action="store_true",
                    help="each half of the documents with the figures of the other half (a check of --calibrate)")
    ap.add_argument("--json", action="store_true", help="a JSON summary as the last line")
    args = ap.parse_args(argv)
    if not args.iob.exists():
        print(f"{args.iob}: NKJP IOB file not found (set NKJP_IOB)", file=sys.stderr)
        return 1
    docs = held_out(args.iob, args.limit)
    import extract
    extract.pipeline()("rozgrzewka")
    if args.calibrate or args.cross:
        cands = candidates(docs)
        if args.cross:
            for half, product_final, model_final in cross_check(cands):
                print(f"{half} documents, figures of the others: kronika ner {product_final:.4f}, model alone {model_final:.4f}")
        if args.calibrate:
            from extract.merge import MERGE_FILE
            MERGE_FILE.write_text(toml_text(figures(*measure(cands)), len(docs)) + "\n", encoding="utf-8")
            print(f"{MERGE_FILE}: measured on {len(docs)} documents")
        return 0
    systems = {"kronika ner": product, "model alone": model_alone}
    if args.skipped:
        systems["model, pipeline's sentences"] = model_in_pipeline
    scores, found, seconds = evaluate(docs, systems)
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} held-out documents, {words:,} words, {sum(len(d.gold) for d in docs):,} gold entities; "
          + ", ".join(f"{n} {words / s:,.0f} words/s" for n, s in seconds.items()) + "\n")
    print(table(scores))
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for e in errors(docs, found["kronika ner"]):
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        kinds = Counter((e["kind"], e["label"], e.get("rule") or e.get("source")) for e in errors(docs, found["kronika ner"]))
        print("\nthe product's errors by kind, label, rule:")
        for (kind, label, rule), n in kinds.most_common(30):
            print(f"  {n:5}  {kind:4} {label:10} {rule}")
    if args.json:
        print(json.dumps({name: s.summary() for name, s in scores.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
