"""Kronika's extractor: a spaCy pipeline for Polish historical prose.

`pipeline()` builds it from `config.cfg`; `read(text)` runs it on a short text;
`read_chunks(text)` runs it paragraph block by paragraph block, so a long text
is processed in bounded memory, with character offsets into the whole text.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.tokens import Doc

from . import composition, compounds, containment, dates, entities, events, linker, merge, morphology, ner, presiding, relations, roles, segmenter, succession, tokenizer  # noqa: F401  (register factories)

CONFIG = Path(__file__).parent / "config.cfg"
NER_MODEL = Path(__file__).parent / "ner-model"
VERSION = "0.2.0"
EVERY_SENTENCE = {"kronika_ner": {"every_sentence": True}}  # as `kronika ner` reads a text


@lru_cache(maxsize=2)
def pipeline(statistical_ner: bool = True) -> spacy.Language:
    """The pipeline of `config.cfg`; with the NER trained on NKJP (`make train-ner`) before the rules
    when it is present, so the rules see the names it finds in `doc.spans["ner"]`."""
    config = spacy.util.load_config(CONFIG)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    if statistical_ner and NER_MODEL.exists():
        nlp.add_pipe("kronika_ner", config={"model": str(NER_MODEL)}, before="kronika_entities")
    return nlp


def mentions(doc: Doc) -> list[dict]:
    """Every entity mention with its character offsets and NKJP label (persName, orgName, placeName,
    geogName, date, time): the statistical NER's, and the rules' where they are measured to be the
    more precise (`merge`)."""
    return merge.mentions(doc)


def text_mentions(text: str) -> list[dict]:
    """`mentions()` of a whole text, read part by part, offsets into the whole: what `kronika ner` prints."""
    found = []
    for offset, part in chunks(text):
        spaced = Reading(part)
        doc = pipeline()(spaced.text, component_cfg=EVERY_SENTENCE)
        found += [{**m, "start": spaced.start(m["start"]) + offset, "end": spaced.end(m["end"]) + offset}
                  for m in mentions(doc)]
    return found


def _mojibake_pairs() -> dict[str, str]:
    """The two characters a Western reading makes of a letter's two UTF-8 bytes ("Å›" of "ś", "Ä™" of "ę", "Ã³" of
    "ó"), for the lead bytes of Latin letters with diacritics, mapped to the letter."""
    pairs = {}
    for lead in (0xC3, 0xC4, 0xC5):
        for second in range(0x80, 0xC0):
            letter = bytes([lead, second]).decode("utf-8")
            if not letter.isalpha():
                continue
            seconds = {chr(second)}  # as Latin-1 reads it, and as Windows-1252 does where it defines the byte
            try:
                seconds.add(bytes([second]).decode("cp1252"))
            except UnicodeDecodeError:
                pass
            pairs.update({chr(lead) + c: letter for c in seconds})
    return pairs


class Reading:
    """A part as the pipeline reads it, and the way back to the part's offsets.
    - Each run of spaces inside a line is one space. Web pages double spaces anywhere ("starosta  Tomas Spurny");
      spaCy makes each extra space a token of its own, which parts a role from its holder and a noun from its name
      for every rule.
    - A letter a page shows as its two UTF-8 bytes read the Western way ("wrzeÅ›nia", "siÄ™", often in only some of
      its paragraphs) is that letter again ("września", "się"), when the part has two such pairs at least (one
      alone may be meant).
    - Square brackets are round ones: pages put an office in either ("Anna X [przew. Rady Powiatu]")."""
    SPACES = re.compile(r"[ \t\u00a0]{2,}")
    BRACKETS = str.maketrans("[]", "()")
    MOJIBAKE = _mojibake_pairs()
    PAIRS = re.compile("|".join(map(re.escape, sorted(MOJIBAKE))))

    def __init__(self, part: str):
        self.starts: list[int] | None = None
        self.ends: list[int] = []
        self.text = part = part.translate(self.BRACKETS)  # one character for one: the offsets stay
        rewrites = [(m, " ") for m in self.SPACES.finditer(part)]
        pairs = list(self.PAIRS.finditer(part))
        if len(pairs) >= 2:
            rewrites = sorted(rewrites + [(m, self.MOJIBAKE[m.group()]) for m in pairs], key=lambda r: r[0].start())
        if not rewrites:
            return
        kept, starts, ends, last = [], [], [], 0
        for m, replacement in rewrites:
            if m.start() < last:
                continue  # "Å" and a no-break space are "Š" and the start of a run of spaces: the letter read first
            kept += [part[last:m.start()], replacement]
            starts += [*range(last, m.start()), m.start()]
            ends += [*range(last + 1, m.start() + 1), m.start() + 1 if replacement == " " else m.end()]
            last = m.end()
        kept.append(part[last:])
        starts += [*range(last, len(part)), len(part)]
        ends += range(last + 1, len(part) + 1)
        self.text, self.starts, self.ends = "".join(kept), starts, ends

    def start(self, x: int) -> int:
        return x if self.starts is None else self.starts[x]

    def end(self, x: int) -> int:
        """An end offset (exclusive): just after the character before it (both bytes of a letter read as two), not
        after the spaces that follow."""
        return x if self.starts is None or x == 0 else self.ends[x - 1]


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


def shift(doc: Doc, offset: int, reading: Reading | None = None) -> Doc:
    """Move a part's entity mentions and fact evidence to offsets in the whole text (through the part's
    `reading` when it was read otherwise than written)."""
    if offset or reading is not None and reading.starts is not None:
        def start(x: int) -> int:
            return (reading.start(x) if reading else x) + offset

        def end(x: int) -> int:
            return (reading.end(x) if reading else x) + offset

        for entity in (doc._.entities or {}).values():
            entity.mentions = [(start(a), end(b), rule, start(c), end(d)) for a, b, rule, c, d in entity.mentions]
        for fact in [*(doc._.memberships or []), *(doc._.events or []), *(doc._.relations or [])]:
            ev = fact.evidence
            fact.evidence = dataclasses.replace(ev, start=start(ev.start), end=end(ev.end),
                                                sentence_start=start(ev.sentence_start),
                                                sentence_end=end(ev.sentence_end))
    return doc


@dataclass
class Extracted:
    """What the pipeline read from one part of a text: plain, picklable records."""
    entities: dict
    memberships: list
    events: list
    relations: list


def extracted(doc: Doc) -> Extracted:
    return Extracted(doc._.entities or {}, doc._.memberships or [], doc._.events or [], doc._.relations or [])


def _read_part(item: tuple[int, str]) -> tuple[int, Extracted]:
    offset, part = item
    try:
        reading = Reading(part)
        return len(part), extracted(shift(pipeline()(reading.text), offset, reading))
    except StopIteration as e:  # would end the caller's loop over the parts silently, losing the rest
        raise RuntimeError(f"extraction failed at character {offset}") from e


def read_chunks(text: str, progress: Callable[[int], None] | None = None, jobs: int = 1) -> Iterator[Extracted]:
    """The text's parts run through the pipeline (in `jobs` processes), offsets into the whole text."""
    parts = chunks(text)
    if jobs > 1:
        import multiprocessing as mp
        with mp.get_context("fork").Pool(jobs) as pool:
            for size, result in pool.imap(_read_part, parts):
                if progress is not None:
                    progress(size)
                yield result
        return
    for size, result in map(_read_part, parts):
        if progress is not None:
            progress(size)
        yield result


