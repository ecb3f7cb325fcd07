"""Entities that may be one: what a curator is shown to merge (issue 16 §3).

The extractor gives one IRI per name and kind, so the same thing reaches the store under several
IRIs when the texts name it differently: with an initial ("J. Nowak" / "Jan Nowak"), by an acronym
("MOSiR" / "Miejski Ośrodek Sportu i Rekreacji"), under a name another entity has as an alias, in another
case of the same base form (a foreign name the extractor could not decline: "Templina" / "Templin"), or as
an organisation and a place of the same name (a town acting as a body). Candidates are found by
indexed keys, one pass over the entities, so the list costs the same per entity at any size.
"""
from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from .queue_index import fold
from .vocab import SCHEMA, SKOS

COMPATIBLE = {("person", "person"), ("organisation", "organisation"), ("place", "place"),
              ("organisation", "place"), ("place", "organisation")}
SMALL_WORDS = {"i", "w", "we", "z", "ze", "na", "do", "im", "oraz", "dla", "pod", "przy", "nad", "od", "o"}
INITIAL = re.compile(r"^(\w)\.$")
# Case endings of Polish nouns and adjectives, folded (no diacritics), longest first: what two forms of one
# name differ by ("Templinie", "Templina", "Templin"; "Nowego Sącza", "Nowy Sącz").
CASE_ENDINGS = ("ami", "ach", "owi", "ego", "emu", "iej", "ym", "im", "ej", "em", "om", "ow", "ie", "a", "u", "y", "i", "e")


@dataclass
class Candidate:
    keep: str
    gone: str
    names: tuple[str, str]
    reason: str


def _kind(base_iri: str, iri: str) -> str:
    return iri[len(base_iri) + 3:].split("/", 1)[0]


def acronym(name: str) -> str | None:
    """The initials of a name's words, small words left out: 'Miejski Ośrodek Sportu i Rekreacji' → MOSR."""
    words = [w for w in re.findall(r"\w+", name) if w.lower() not in SMALL_WORDS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else None


def stem(word: str) -> str:
    """A folded word without its case ending, at least three letters kept."""
    return next((word[:-len(e)] for e in CASE_ENDINGS if word.endswith(e) and len(word) - len(e) >= 3), word)


def keys(kind: str, name: str) -> list[tuple[str, str, bool]]:
    """(key, reason, short) under which two entities that may be one meet. Under an initial's or an
    acronym's key, a short form meets a full one; two full names that share initials never pair."""
    words = name.split()
    stems = " ".join(stem(w) for w in re.findall(r"\w+", fold(name).lower()))
    out = [(f"name:{fold(name).lower()}", "the same name", True), (f"stem:{stems}", "the same base form", True)]
    if kind == "person" and len(words) >= 2:  # "J. Nowak" meets "Jan Nowak"
        first = INITIAL.match(words[0])
        initial = first.group(1) if first else words[0][0]
        out.append((f"person:{fold(initial).lower()}:{fold(' '.join(words[1:])).lower()}", "an initial and a surname",
                    bool(first)))
    if kind != "person":
        letters = re.sub(r"\W", "", name)
        capitals = "".join(c for c in letters if c.isupper())
        if " " not in name.strip() and len(capitals) >= 2 and len(letters) <= 8:  # MOSiR, PTTK: the capitals
            out.append((f"acronym:{fold(capitals)}", "an acronym", True))
        elif (short := acronym(name)) is not None:
            out.append((f"acronym:{fold(short)}", "an acronym", False))
    return out


def candidates(store, limit: int = 500) -> list[Candidate]:
    """Pairs of published entities that may be one, the longer-named one kept."""
    base = store.base.iri
    names: dict[str, set[str]] = defaultdict(set)
    for predicate in (SCHEMA.name, SKOS.altLabel):
        for q in store.ox.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, ox.DefaultGraph()):
            if q.subject.value.startswith(base + "id/") and _kind(base, q.subject.value) in ("person", "organisation", "place"):
                names[q.subject.value].add(q.object.value)
    replaced = {q.subject.value for q in store.ox.quads_for_pattern(
        None, ox.NamedNode("http://purl.org/dc/terms/isReplacedBy"), None, ox.DefaultGraph())}
    meeting: dict[str, dict[str, tuple[str, str, bool]]] = defaultdict(dict)
    for iri, labels in names.items():
        if iri in replaced:
            continue
        for label in sorted(labels):
            for key, reason, short in keys(_kind(base, iri), label):
                meeting[key].setdefault(iri, (label, reason, short))
    found: dict[tuple[str, str], Candidate] = {}
    for group in meeting.values():
        if len(group) > 20:  # a key shared that widely (a common acronym) tells nothing
            continue
        for a, b in itertools.combinations(sorted(group), 2):
            if (_kind(base, a), _kind(base, b)) not in COMPATIBLE:
                continue
            (name_a, reason, short_a), (name_b, _reason, short_b) = group[a], group[b]
            if not (short_a or short_b):
                continue
            keep, gone = (a, b) if (len(name_a), a) >= (len(name_b), b) else (b, a)
            pair = tuple(sorted((a, b)))
            found.setdefault(pair, Candidate(keep, gone, (group[keep][0], group[gone][0]), reason))
    return sorted(found.values(), key=lambda c: (c.reason, c.names))[:limit]
