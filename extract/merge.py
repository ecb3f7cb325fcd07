"""What `kronika ner` prints: the statistical model's names, and a rule's where the rule is measured
to be the more precise.

The model (trained on NKJP, every sentence read) is the base. Its names pass the tests any name must
pass: an honorific or an abbreviation ("prof.", "np.") is no part of one, nor is a sentence's opening
verb, pronoun or conjunction ("Byłem", "Gdybyśmy"). A rule's mention (and a date range joined
across its dash, an organisation's name with its seat) then
- where the model found nothing overlapping it, is added when the rule's precision in that case is
  above `add_threshold` (half the model's final score: an added mention raises F1 only above half
  of it), or when NKJP has too few such cases to tell (the rules were written for another genre);
- where it differs from the model's mentions it overlaps, in span or in label, replaces them when the
  rule's precision in such cases was above the model's on the same spans.
The figures are in `data/ner_merge.toml`, measured by `bench/ner.py --calibrate` on NKJP's held-out
documents (`--cross` checks them: each half scored with the other half's figures); precision as
PolEval counts it (gold entities found per mention, 0.8 by overlap + 0.2 exactly).
"""
from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

from .name_words import INITIAL, opening_non_name
from .lexicon import lexicon
from .ner import NAMES

MERGE_FILE = Path(__file__).parent / "data" / "ner_merge.toml"
DASHES = {"-", "–", "—"}
EDGE_PUNCTUATION = DASHES | {",", "/", ";", ":"}  # never a name's first or last word (quotes may be: „Solidarność”)


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    label: str
    source: str  # "rules" or "ner"
    rule: str | None
    span: Span
    extra: dict = field(default_factory=dict)

    def overlaps(self, other: "Mention") -> bool:
        return self.start < other.end and other.start < self.end

    def record(self) -> dict:
        s = self.span
        out = {"start": s.start_char, "end": s.end_char, "label": self.label, "text": s.text, "source": self.source}
        if self.rule:
            out["rule"] = self.rule
        return {**out, **self.extra}


@dataclass
class Table:
    add_threshold: float
    min_count: int
    rules: dict  # rule → label → {CASE_n, CASE_precision, CASE_model_precision} for each case of `case_of`

    def takes(self, rule: str, label: str, case: str) -> bool:
        """Whether the rule's mention is taken in this case (`case_of`)."""
        m = self.rules.get(rule, {}).get(label, {})
        if case == "alone":
            return m.get("alone_n", 0) < self.min_count or m["alone_precision"] > self.add_threshold
        return m.get(f"{case}_n", 0) >= self.min_count and m[f"{case}_precision"] > m[f"{case}_model_precision"]


@cache
def table() -> Table:
    raw = tomllib.loads(MERGE_FILE.read_text(encoding="utf-8"))
    return Table(raw["add_threshold"], raw["min_count"], raw.get("rules", {}))


def rule_mentions(doc: Doc) -> list[Mention]:
    """The rules' entities and dates, date ranges joined across their dash ("w latach 1944–1990") and
    organisations' names with their seat; the model's names the entity rules took over (rule "ner")
    are the model's, not a rule's."""
    out = [Mention(e.start, e.end, e.label_, "rules", e._.rule, e, {"base": e._.base_form}) for e in doc.ents
           if e._.rule != "ner"]
    out += [Mention(d.start, d.end, "date", "rules", "date", d, {"value": d._.date}) for d in doc.spans.get("dates", [])]
    return out + date_ranges(doc, out) + seated(doc, out)


def seated(doc: Doc, rules: list[Mention]) -> list[Mention]:
    """An organisation's name, the rules' or the model's, followed by "w"/"we" and a place: the name with
    its seat ("Sąd Okręgowy w Piotrkowie"; the rules keep an organisation's seat apart, as the
    chronicles' entities want it)."""
    spans = [(m.start, m.end, m.label) for m in rules] + [(e.start, e.end, e.label_) for e in doc.spans.get("ner", [])]
    places = {s: e for s, e, label in spans if label == "placeName"}
    return [Mention(s, places[e + 1], "orgName", "rules", "org-seat", doc[s:places[e + 1]])
            for s, e in sorted({(s, e) for s, e, label in spans if label == "orgName"})
            if e + 1 < len(doc) and doc[e].lower_ in ("w", "we") and e + 1 in places]


def date_ranges(doc: Doc, rules: list[Mention]) -> list[Mention]:
    """Two dates, the rules' or the model's, with only a dash between them: one range."""
    dates = sorted({(m.start, m.end) for m in rules if m.label == "date"}
                   | {(e.start, e.end) for e in doc.spans.get("ner", []) if e.label_ == "date"})
    starts = {s: e for s, e in dates}
    return [Mention(s, starts[e + 1], "date", "rules", "date-range", doc[s:starts[e + 1]])
            for s, e in dates if e < len(doc) and doc[e].text in DASHES and e + 1 in starts]


@cache
def _titles_and_abbreviations() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex.honorifics) | frozenset(lex.abbreviations) | frozenset(lex.language_abbreviations)


def _title(t) -> bool:
    """An honorific or an abbreviation ("prof.", "np.", "pan"), not an initial ("S.")."""
    return t.lower_ in _titles_and_abbreviations() and not INITIAL.match(t.text)


def model_mentions(doc: Doc) -> list[Mention]:
    """The model's entities; names without a title or abbreviation before them, an abbreviation
    after them ("np."), a dash or comma at either end, or an opening verb, pronoun or function word."""
    out = []
    for e in doc.spans.get("ner", []):
        s, end = e.start, e.end
        if e.label_ in NAMES:
            while s < end and (_title(doc[s]) or doc[s].text in EDGE_PUNCTUATION or opening_non_name(doc[s])):
                s += 1
            while end > s and (_title(doc[end - 1]) and doc[end - 1].text.endswith(".")
                               or doc[end - 1].text in EDGE_PUNCTUATION):
                end -= 1
            if s == end:
                continue
        out.append(Mention(s, end, e.label_, "ner", None, doc[s:end]))
    return out


def case_of(rule: Mention, over: list[Mention]) -> str:
    """ "alone": the model found nothing overlapping the rule's mention; "conflict": its overlapping
    mentions have the rule's label; "relabel_X": one has label X."""
    other = next((m.label for m in over if m.label != rule.label), None)
    return f"relabel_{other}" if other else "conflict" if over else "alone"


def merge(rules: list[Mention], model: list[Mention], figures: Table) -> list[Mention]:
    """The model's mentions, with each rule's mention the figures let replace or join them."""
    taken = []
    for r in rules:
        over = [m for m in model if m.overlaps(r)]
        if any((m.start, m.end, m.label) == (r.start, r.end, r.label) for m in over) \
                or figures.takes(r.rule, r.label, case_of(r, over)):
            taken.append(r)
    kept: list[Mention] = []
    for r in sorted(taken, key=lambda m: m.start - m.end):  # of overlapping rule mentions, the longest
        if not any(r.overlaps(k) for k in kept):
            kept.append(r)
    kept += [m for m in model if not any(m.overlaps(r) for r in kept)]
    return sorted(kept, key=lambda m: (m.start, -m.end))


UNMEASURED = Table(add_threshold=0.0, min_count=sys.maxsize, rules={})  # no figure: every rule's mention is taken


def mentions(doc: Doc) -> list[dict]:
    """The merge; without the statistical NER (not installed, or left out of the pipeline), the rules'."""
    if "ner" not in doc.spans:
        return [m.record() for m in merge(rule_mentions(doc), [], UNMEASURED)]
    return [m.record() for m in merge(rule_mentions(doc), model_mentions(doc), table())]
