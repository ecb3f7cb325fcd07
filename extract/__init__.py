"""Kronika's extractor: a spaCy pipeline for Polish historical prose.

`pipeline()` builds it from `config.cfg`; `read(text)` runs it on a short text;
`read_chunks(text)` runs it paragraph block by paragraph block, so a long text
is processed in bounded memory, with character offsets into the whole text.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.tokens import Doc

from . import dates, entities, facts, linker, morphology, segmenter, tokenizer  # noqa: F401  (register factories)

CONFIG = Path(__file__).parent / "config.cfg"
VERSION = "0.1.0"


@lru_cache(maxsize=1)
def pipeline() -> spacy.Language:
    config = spacy.util.load_config(CONFIG)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def read(text: str) -> Doc:
    return pipeline()(text)


CHUNK_CHARS = 20_000


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, part) of a text cut at blank lines into parts of at most about `size` characters;
    a longer paragraph is cut after a sentence end, else at a space."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            window = text[start:end]
            cut = window.rfind("\n\n")
            if cut < size // 4:
                ends = [m.end() for m in re.finditer(r"[.!?…]\s", window)]
                cut = ends[-1] if ends and ends[-1] > size // 4 else window.rfind(" ")
            if cut > 0:
                end = start + cut
        yield start, text[start:end]
        start = end


def shift(doc: Doc, offset: int) -> Doc:
    """Move a part's entity mentions and fact evidence to offsets in the whole text."""
    if offset:
        for entity in (doc._.entities or {}).values():
            entity.mentions = [(a + offset, b + offset, rule, c + offset, d + offset) for a, b, rule, c, d in entity.mentions]
        for fact in [*(doc._.memberships or []), *(doc._.events or []), *(doc._.relations or [])]:
            ev = fact.evidence
            fact.evidence = dataclasses.replace(ev, start=ev.start + offset, end=ev.end + offset,
                                                sentence_start=ev.sentence_start + offset,
                                                sentence_end=ev.sentence_end + offset)
    return doc


def read_chunks(text: str, progress: Callable[[int], None] | None = None) -> Iterator[Doc]:
    """The text's parts, each run through the pipeline, with offsets into the whole text."""
    parts = list(chunks(text))
    for doc, (offset, part) in pipeline().pipe(((part, (offset, part)) for offset, part in parts), as_tuples=True):
        if progress is not None:
            progress(len(part))
        yield shift(doc, offset)
