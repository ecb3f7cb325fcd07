"""Facts the extractor missed, added by a curator from words selected in a document (issue 16 §6).

An added fact has the shape of an extracted one (it is built by the same `FactBuilder` methods, so the
shapes, the queue and the public pages treat it alike) and the same provenance: the document, the
selected words as its evidence, their sentence. It differs in who made it: the rule `curator`, the
curator as `prov:wasAttributedTo`. It enters the queue as pending, like any fact, until accepted.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

import pyoxigraph as ox
from rdflib import URIRef

from extract.facts import Evidence
from extract.lexicon import lexicon
from extract.names import fold, generic_organisation

from . import ntriples as nt
from .facts import EVENT_LABELS_PL, RELATION_LABELS_PL, EntityRegistry, EventSlugs, FactBuilder, in_document
from .review import DATE, InvalidChange, Review, now
from .store import to_rdflib, writes
from .vocab import PROV, SCHEMA, digest, slugify

KINDS = ("person", "organisation", "place", "membership", "event", "relation")
MAX_WORDS = 300  # characters of selected text a fact may rest on
SENTENCE_END = re.compile(r"[.!?…]\s|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence the words [start, end) stand in: from after the last sentence end before them to the
    next one after them."""
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() + 1 if after else len(text))


def evidence_provenance(review: Review, view, fact: str, start, end) -> list[tuple]:
    """The evidence and sentence selectors of `fact` resting on [start, end) of `view`'s document (rdflib
    terms): a curator's fix of a fact's span."""
    text = Additions(review).text_of(view.document)
    start, end = Additions._span(text, start, end)
    builder = FactBuilder(review.base, EntityRegistry(review.base))
    moved = SimpleNamespace(key=review.key_of(fact), kind=view.kind, summary=view.summary, about=[],
                            evidence=Evidence(start, end, *sentence_around(text, start, end), "curator", 1.0))
    kr = str(review.kr)
    kept = {nt.iri(kr + "evidence"), nt.iri(kr + "sentence")}
    triples = [t for t in builder.fact_provenance(moved, URIRef(view.document), text)
               if t[0] != nt.iri(fact) or t[1] in kept]
    return [tuple(to_rdflib(nt.to_ox(term)) for term in t) for t in triples]


class Additions:
    def __init__(self, review: Review):
        self.review = review
        self.store = review.store
        self.base = review.base

    def text_of(self, document: str) -> str:
        found = self.store.ox.quads_for_pattern(ox.NamedNode(document), ox.NamedNode(str(SCHEMA.text)), None,
                                                ox.NamedNode(self.base.provenance))
        for q in found:
            return q.object.value
        raise InvalidChange("document", f"no document {document}")

    @writes
    def add(self, document: str, start: int, end: int, kind: str, fields: dict, curator: str) -> dict:
        """A pending fact resting on `text[start:end]` of `document`. `fields` by kind: an entity's `name`
        (the selected words by default); a role's `person`, `role`, `organisation` and optional `date`; an
        event's `type`, `date`, optional `place` and `participants`; a relation's `subject`, `predicate`,
        `object`. Entities are named by IRI or by name."""
        text = self.text_of(document)
        start, end = self._span(text, start, end)
        if kind not in KINDS:
            raise InvalidChange("kind", f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        fields = {k: v.strip() for k, v in fields.items() if isinstance(v, str) and v.strip()}
        sentence_start, sentence_end = sentence_around(text, start, end)
        evidence = Evidence(start, end, sentence_start, sentence_end, "curator", 1.0)
        builder = FactBuilder(self.base, EntityRegistry(self.base))
        doc = URIRef(document)
        if kind in ("person", "organisation", "place"):
            fact = self._entity(builder, doc, kind, fields.get("name") or text[start:end], evidence)
        else:
            fact = getattr(self, f"_{kind}")(builder, doc, fields, evidence)
        graph = self.base.fact(fact.key)
        if self.store.status(graph) is not None:
            raise InvalidChange("fact", "this fact is already in the store, resting on these words")
        self.review._check(graph, fact.triples)
        provenance = builder.fact_provenance(fact, doc, text) + [
            (nt.iri(graph), nt.iri(str(PROV.wasAttributedTo)), nt.iri(self.base.id("curator", curator)))]
        when = now()
        with self.store.transaction():
            self.store.add_fact(graph, fact.triples, [tuple(to_rdflib(nt.to_ox(t)) for t in triple) for triple in provenance])
            decision = self.review._audit(curator, graph, "rejected", "pending", "added from the text", when)
        return {"fact": fact.key, "summary": fact.summary, "status": "pending", "kind": fact.kind,
                "evidence": {"start": start, "end": end, "words": text[start:end]}, "decision": decision}

    @staticmethod
    def _span(text: str, start, end) -> tuple[int, int]:
        try:
            start, end = int(start), int(end)
        except (TypeError, ValueError):
            raise InvalidChange("start", "start and end must be character offsets (whole numbers)") from None
        if not 0 <= start < end <= len(text):
            raise InvalidChange("end", f"the words must lie within the text: 0 ≤ start < end ≤ {len(text)}")
        if end - start > MAX_WORDS or not text[start:end].strip():
            raise InvalidChange("end", f"select 1–{MAX_WORDS} characters of words")
        return start, end

    def _entity_iri(self, kind: str, name: str, document: str) -> URIRef:
        """The IRI an entity of this name has (or would get, the extractor's way): an existing one of that
        name and kind, else a new one."""
        if len(name) > MAX_WORDS:
            raise InvalidChange("name", f"a name has at most {MAX_WORDS} characters")
        slug = slugify(name)
        if not slug:
            raise InvalidChange("name", "the name needs letters or digits")
        if kind == "organisation" and generic_organisation(name):
            slug = in_document(slug, document)
        iri = self.base.id(kind, slug)
        names = [q.object.value for q in self.store.ox.quads_for_pattern(
            ox.NamedNode(iri), ox.NamedNode(str(SCHEMA.name)), None, ox.DefaultGraph())]
        if names and fold(name) not in map(fold, names):
            iri = self.base.id(kind, f"{slug}-{digest(fold(name), size=6)}")
        return URIRef(iri)

    def _entity(self, builder: FactBuilder, doc: URIRef, kind: str, name: str, evidence: Evidence):
        iri = self._entity_iri(kind, name, str(doc))
        entity = SimpleNamespace(kind=kind, also_place=False,
                                 mentions=[(evidence.start, evidence.end, "curator", evidence.sentence_start, evidence.sentence_end)])
        fact = builder._entity_fact(doc, entity, [], iri, name)
        fact.evidence = evidence  # the curator's confidence, not the lexicon's for an unknown rule
        return fact

    def _named(self, fields: dict, field: str, kinds: tuple[str, ...]) -> tuple[URIRef, str]:
        value = fields.get(field)
        if not value:
            raise InvalidChange(field, f"{field}: give an entity's IRI or name")
        iri = self.review.entity_iri(value, field)
        if self.review.kind_of(iri) not in kinds:
            raise InvalidChange(field, f"{field} must be a {' or '.join(kinds)}, not {iri}")
        return iri, self.review.name_of(str(iri)) or value

    def _date(self, fields: dict, required: bool) -> str | None:
        value = fields.get("date")
        if value is None and not required:
            return None
        if value is None or not DATE.match(value):
            raise InvalidChange("date", f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        return value

    def _membership(self, builder: FactBuilder, doc: URIRef, fields: dict, evidence: Evidence):
        person, person_name = self._named(fields, "person", ("person",))
        org, org_name = self._named(fields, "organisation", ("organisation", "place"))
        role = lexicon().roles.get((fields.get("role") or "").lower())
        if role is None:
            raise InvalidChange("role", f"unknown role {fields.get('role')!r}: use a role of the scheme "
                                        f"({self.base.id('role', '')})")
        m = SimpleNamespace(person="p", organisation="o", role=role, date=self._date(fields, False), evidence=evidence)
        return builder._membership_fact(doc, m, {"p": person, "o": org}, {"p": person_name, "o": org_name})

    def _event(self, builder: FactBuilder, doc: URIRef, fields: dict, evidence: Evidence):
        if fields.get("type") not in EVENT_LABELS_PL:
            raise InvalidChange("type", f"type must be one of {', '.join(EVENT_LABELS_PL)}")
        iris, names, places, people = {}, {}, [], []
        for field, kinds, into in (("place", ("place", "organisation"), places), ("participants", ("person", "organisation", "place"), people)):
            for i, value in enumerate(v.strip() for v in fields.get(field, "").split(";") if v.strip()):
                key = f"{field}{i}"
                iris[key], names[key] = self._named({field: value}, field, kinds)
                into.append(key)
        if not places and not people:
            raise InvalidChange("place", "an event needs a place or a participant")
        e = SimpleNamespace(type=fields["type"], date=self._date(fields, True), subject=None, locations=places,
                            participants=people, evidence=evidence)
        return builder._event_fact(doc, e, iris, names, EventSlugs())

    def _relation(self, builder: FactBuilder, doc: URIRef, fields: dict, evidence: Evidence):
        if fields.get("predicate") not in RELATION_LABELS_PL:
            raise InvalidChange("predicate", f"predicate must be one of {', '.join(RELATION_LABELS_PL)}")
        s, s_name = self._named(fields, "subject", ("person", "organisation", "place"))
        o, o_name = self._named(fields, "object", ("person", "organisation", "place"))
        r = SimpleNamespace(subject="s", object="o", predicate=fields["predicate"], evidence=evidence)
        return builder._relation_fact(doc, r, {"s": s, "o": o}, {"s": s_name, "o": o_name})
