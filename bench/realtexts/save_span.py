"""Save one passage's text from a page re-fetched with the `search` tool (corpus `pages`).

    python bench/realtexts/save_span.py ID < page.txt

Reads the page's text (as the search result gives it; more than the span is fine) on standard
input, cuts it from the gold's `first_words` to its `last_words` inclusive, writes
`texts/ID.txt` and says whether its word count is the gold's. Exit status 1 when a marker is
not found (nothing is written) or the count differs (the text is written, to be checked).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def loose(words: str) -> str:
    """A pattern for the marker that lets any run of whitespace stand between its words."""
    return r"\s+".join(re.escape(word) for word in words.split())


def cut(page: str, first_words: str, last_words: str, words: int) -> str | None:
    """The span from an occurrence of `first_words` to an occurrence of `last_words` after it: the one
    with the gold's word count when there is one (a title or a breadcrumb repeats the first words, a
    closing formula the last ones), else the shortest."""
    ends = [end.end() for end in re.finditer(loose(last_words), page)]
    spans = [page[start.start(): end] for start in re.finditer(loose(first_words), page)
             for end in ends if end > start.start()]
    if not spans:
        return None
    exact = [span for span in spans if len(span.split()) == words]
    return (exact or sorted(spans, key=len))[0]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    passage = argv[0]
    gold_path = HERE / "gold" / f"{passage}.json"
    if not gold_path.exists():
        print(f"{passage}: no gold file {gold_path}", file=sys.stderr)
        return 2
    source = json.loads(gold_path.read_text(encoding="utf-8"))["source"]
    span = cut(sys.stdin.read(), source["first_words"], source["last_words"], source["words"])
    if span is None:
        print(f"{passage}: first_words {source['first_words']!r} or last_words "
              f"{source['last_words']!r} not found in the page given", file=sys.stderr)
        return 1
    out = HERE / "texts" / f"{passage}.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(span.strip() + "\n", encoding="utf-8")
    words = len(span.split())
    status = "ok" if words == source["words"] else f"DIFFERS from the gold's {source['words']}"
    print(f"{passage}: {words} words, {status}")
    return 0 if words == source["words"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
