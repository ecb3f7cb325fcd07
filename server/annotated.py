"""A document's text as readers and curators want it: paragraphs kept, every extracted fact's evidence
marked by kind and review status, in parts of bounded size (a yearbook of 20 MB is read part by part)."""
from __future__ import annotations

from graph.queue_index import TYPE_BITS
from graph.store import HIDDEN, Store

PART_CHARS = 20_000  # characters of text per page part; a part ends at a line end where there is one


def part_bounds(text: str, part: int) -> tuple[int, int]:
    """The [start, end) of part `part`, cut at line ends so no paragraph is split across parts."""
    start = 0
    for _ in range(part):
        start = _part_end(text, start)
        if start >= len(text):
            return len(text), len(text)
    return start, _part_end(text, start)


def _part_end(text: str, start: int) -> int:
    end = start + PART_CHARS
    if end >= len(text):
        return len(text)
    line_end = text.rfind("\n", start, end)
    return line_end + 1 if line_end > start else end


def annotate(store: Store, document: str, text: str, part: int = 0, with_hidden: bool = False) -> dict:
    """Paragraphs of one part as runs of text, each run with the facts whose evidence covers it (innermost first)
    and the kinds of entity each names: an entity fact's mention is marked as a person, organisation or place;
    `facts`: each fact of the part by its key, with its summary."""
    start, end = part_bounds(text, part)
    facts = [f for f in store.queue().in_text(document, max(0, start - 2_000), end)
             if with_hidden or f["status"] not in HIDDEN]
    facts = [f for f in facts if f["stop"] > start and f["start"] < end]
    cuts = sorted({start, end} | {max(start, min(end, f[k])) for f in facts for k in ("start", "stop")}
                  | {i + 1 for i in range(start, end) if text[i] == "\n"})
    paragraphs, runs = [], []
    for a, b in zip(cuts, cuts[1:]):
        covering = [{"fact": f["key"], "kind": f["kind"], "status": f["status"], "summary": f["summary"],
                     "types": [t for t, bit in TYPE_BITS.items() if f["types"] & bit]}
                    for f in sorted(facts, key=lambda f: f["stop"] - f["start"])  # the innermost first
                    if f["start"] <= a and b <= f["stop"]]
        runs.append({"start": a, "text": text[a:b], "facts": covering})
        if text[b - 1] == "\n":  # a line ends: a new paragraph
            paragraphs.append(runs)
            runs = []
    if runs:
        paragraphs.append(runs)
    return {"part": part, "start": start, "end": end, "paragraphs": paragraphs,
            "facts": {f["key"]: f["summary"] for f in facts},
            "next": part + 1 if end < len(text) else None, "previous": part - 1 if part > 0 else None}
