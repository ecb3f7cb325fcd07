"""From an extracted document to facts: one named graph per fact, with provenance.

A fact's graph IRI is derived from its content (document, evidence span and
what it states), so extracting the same text again gives the same graphs and
curators' decisions stay attached to them.
"""
from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

import extract
from extract.facts import Evidence
from extract.lexicon import lexicon
from extract.names import fold

from .vocab import ORG, OA, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, Base, digest, slugify

EVENT_LABELS_PL = {"Visit": "wizyta", "Founding": "założenie", "Signing": "podpisanie", "Confirmation": "potwierdzenie",
                   "Inauguration": "inauguracja", "Festival": "dni, festiwal", "Fair": "targi", "Exhibition": "wystawa",
                   "Appointment": "nominacja", "Meeting": "spotkanie"}
RELATION_LABELS_PL = {"twinnedWith": "miasto bliźniacze", "successorOf": "następca", "founder": "założyciel",
                      "managedBy": "zarządzany przez", "containedInPlace": "część", "location": "siedziba w"}
QUOTE_CONTEXT = 32


def date_literal(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    return Literal(value, datatype=datatype)


def date_bounds(value: str) -> tuple[str, str]:
    """The first and last day a date at the text's precision denotes: "1994-06" → 1994-06-01 … 1994-06-30."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return value, value
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return f"{value}-01", f"{value}-{last:02d}"
    return f"{value}-01-01", f"{value}-12-31"


def extractor_version() -> str:
    """Version plus a hash of the rule data: a changed rule file is a new extraction run."""
    h = hashlib.sha256()
    for path in sorted((Path(extract.__file__).parent).rglob("*")):
        if path.suffix in (".py", ".toml", ".cfg"):
            h.update(path.read_bytes())
    return f"{extract.VERSION}+{h.hexdigest()[:8]}"


@dataclass
class Fact:
    key: str
    kind: str                      # entity | membership | event | relation
    triples: list[tuple]
    evidence: Evidence
    summary: str                   # the fact in plain Polish
    about: list[URIRef] = field(default_factory=list)   # entities it touches


@dataclass
class DocumentFacts:
    document: URIRef
    name: str
    text: str
    content_hash: str
    facts: list[Fact]


class EntityRegistry:
    """Entity IRIs by type and name: the same entity gets one IRI across a corpus."""

    def __init__(self, base: Base):
        self.base = base
        self.by_name: dict[tuple[str, str], tuple[str, str]] = {}   # (kind, folded name) -> (iri, name)
        self.taken: dict[str, str] = {}                              # iri -> folded canonical name

    def add(self, kind: str, iri: str, name: str, aliases=()) -> None:
        self.taken.setdefault(iri, fold(name))
        for n in (name, *aliases):
            self.by_name.setdefault((kind, fold(n)), (iri, name))

    def resolve(self, kind: str, name: str, aliases) -> tuple[str, str]:
        for n in (name, *sorted(aliases)):
            hit = self.by_name.get((kind, fold(n)))
            if hit:
                self.add(kind, hit[0], hit[1], aliases)
                return hit
        slug = slugify(name)
        iri = self.base.id(kind, slug)
        if iri in self.taken and self.taken[iri] != fold(name):
            iri = self.base.id(kind, f"{slug}-{digest(fold(name), size=6)}")
        self.add(kind, iri, name, aliases)
        return iri, name


class FactBuilder:
    def __init__(self, base: Base, registry: EntityRegistry | None = None):
        self.base = base
        self.kr = base.kr
        self.registry = registry or EntityRegistry(base)
        self.version = extractor_version()

    def document_iri(self, name: str) -> URIRef:
        return URIRef(self.base.id("document", slugify(Path(name).stem)))

    def build(self, parts, name: str, text: str) -> DocumentFacts:
        """Facts of one document from what was read in its parts (`extract.read_chunks`)."""
        document = self.document_iri(name)
        facts: list[Fact] = []
        used: set[str] = set()
        for part in parts:
            iris: dict[str, URIRef] = {}
            names: dict[str, str] = {}
            for key, entity in part.entities.items():
                iri, canonical = self.registry.resolve(entity.kind, entity.name, entity.alt_labels)
                iris[key], names[key] = URIRef(iri), canonical
                facts.append(self._entity_fact(document, entity, URIRef(iri), canonical))
            for m in part.memberships:
                facts.append(self._membership_fact(document, m, iris, names))
            for e in part.events:
                facts.append(self._event_fact(document, e, iris, names, used))
            for r in part.relations:
                facts.append(self._relation_fact(document, r, iris, names))
        content_hash = hashlib.sha256(text.encode()).hexdigest()
        return DocumentFacts(document, name, text, content_hash, list({f.key: f for f in facts}.values()))

    def _key(self, document, kind, evidence: Evidence, content: str) -> str:
        return digest(document, kind, evidence.start, evidence.end, content)

    def _entity_fact(self, document, entity, iri: URIRef, name: str) -> Fact:
        start, end, rule, sentence_start, sentence_end = entity.mentions[0]
        evidence = Evidence(start, end, sentence_start, sentence_end, rule, float(lexicon().confidence.get(rule, 0.5)))
        t = [(iri, RDFS.label, Literal(name, lang="pl"))]
        if entity.kind == "person":
            t += [(iri, RDF.type, SCHEMA.Person), (iri, SCHEMA.name, Literal(name))]
        elif entity.kind == "organisation":
            t += [(iri, RDF.type, ORG.Organization), (iri, SKOS.prefLabel, Literal(name, lang="pl")), (iri, SCHEMA.name, Literal(name))]
            if entity.also_place:
                t.append((iri, RDF.type, SCHEMA.Place))
        else:
            t += [(iri, RDF.type, SCHEMA.Place), (iri, SCHEMA.name, Literal(name))]
        for alias in entity.alt_labels:
            if fold(alias) != fold(name) or alias != name:
                t.append((iri, SKOS.altLabel, Literal(alias, lang="pl")))
        kind_pl = {"person": "osoba", "organisation": "organizacja", "place": "miejsce"}[entity.kind]
        key = self._key(document, "entity", evidence, str(iri))
        return Fact(key, "entity", t, evidence, f"{name} — {kind_pl}", [iri])

    def _membership_fact(self, document, m, iris, names) -> Fact:
        person, org = iris[m.person], iris[m.organisation]
        role = URIRef(self.base.id("role", m.role.slug))
        membership = URIRef(self.base.id("membership", f"{person.rsplit('/', 1)[-1]}--{m.role.slug}--{org.rsplit('/', 1)[-1]}"))
        t = [(membership, RDF.type, ORG.Membership), (membership, ORG.member, person), (membership, ORG.organization, org),
             (membership, ORG.role, role), (org, RDF.type, ORG.Organization),
             (membership, RDFS.label, Literal(f"{names[m.person]} — {m.role.label} — {names[m.organisation]}", lang="pl"))]
        if m.date:
            t.append((membership, self.kr.attestedOn, date_literal(m.date)))
        summary = f"{names[m.person]} — {m.role.label} — {names[m.organisation]}" + (f", {m.date}" if m.date else "")
        key = self._key(document, "membership", m.evidence, f"{membership}|{m.date}")
        return Fact(key, "membership", t, m.evidence, summary, [membership, person, org])

    def _event_fact(self, document, e, iris, names, used: set) -> Fact:
        anchor = e.subject or (e.locations[:1] or e.participants[:1])[0]
        slug = f"{slugify(e.type)}-{e.date}-{iris[anchor].rsplit('/', 1)[-1]}"
        while slug in used:
            slug += "-2"
        used.add(slug)
        event = URIRef(self.base.id("event", slug))
        where = ", ".join(names[k] for k in e.locations)
        label = f"{EVENT_LABELS_PL[e.type].capitalize()}{' — ' + names[e.subject] if e.subject else ''}" \
                f"{', ' + where if where else ''}, {e.date}"
        earliest, latest = date_bounds(e.date)
        t = [(event, RDF.type, SCHEMA.Event), (event, RDF.type, self.kr[e.type]), (event, RDFS.label, Literal(label, lang="pl")),
             (event, SCHEMA.name, Literal(label)), (event, SCHEMA.startDate, date_literal(e.date)),
             (event, self.kr.earliestDate, Literal(earliest, datatype=XSD.date)),
             (event, self.kr.latestDate, Literal(latest, datatype=XSD.date))]
        t += [(event, SCHEMA.location, iris[k]) for k in e.locations]
        t += [(event, SCHEMA.attendee, iris[k]) for k in e.participants if k != e.subject]
        if e.subject:
            t.append((event, self.kr.foundedOrganisation, iris[e.subject]))
        who = ", ".join(names[k] for k in e.participants)
        summary = label + (f" (uczestnicy: {who})" if who else "")
        key = self._key(document, "event", e.evidence, f"{event}|{sorted(e.locations)}|{sorted(e.participants)}")
        return Fact(key, "event", t, e.evidence, summary, [event, *[iris[k] for k in e.locations + e.participants]])

    def _relation_fact(self, document, r, iris, names) -> Fact:
        predicate = {"twinnedWith": self.kr.twinnedWith, "successorOf": self.kr.successorOf, "founder": SCHEMA.founder,
                     "managedBy": self.kr.managedBy, "containedInPlace": SCHEMA.containedInPlace,
                     "location": SCHEMA.location}[r.predicate]
        s, o = iris[r.subject], iris[r.object]
        t = [(s, predicate, o)]
        if r.predicate == "twinnedWith":
            t.append((o, predicate, s))
        summary = f"{names[r.subject]} — {RELATION_LABELS_PL[r.predicate]} — {names[r.object]}"
        key = self._key(document, "relation", r.evidence, f"{s}|{predicate}|{o}")
        return Fact(key, "relation", t, r.evidence, summary, [s, o])

    # --- provenance -------------------------------------------------------------
    def provenance(self, facts: DocumentFacts) -> list[tuple]:
        """Triples about each fact graph: source, evidence selectors, run, rule, confidence."""
        kr, text, doc = self.kr, facts.text, facts.document
        run = URIRef(self.base.id("run", slugify(self.version)))
        out = [(doc, RDF.type, kr.Document), (doc, RDF.type, SCHEMA.CreativeWork), (doc, SCHEMA.name, Literal(facts.name)),
               (doc, kr.contentHash, Literal(facts.content_hash)), (doc, SCHEMA.inLanguage, Literal("pl")),
               (doc, SCHEMA.text, Literal(text)), (doc, RDFS.label, Literal(facts.name)),
               (run, RDF.type, kr.ExtractionRun), (run, RDF.type, PROV.Activity), (run, kr.extractorVersion, Literal(self.version))]
        for f in facts.facts:
            g = URIRef(self.base.fact(f.key))
            ev = f.evidence
            kind_class = {"entity": kr.EntityFact, "membership": kr.MembershipFact, "event": kr.EventFact,
                          "relation": kr.RelationFact}[f.kind]
            evidence, position, quote = URIRef(f"{g}#evidence"), URIRef(f"{g}#position"), URIRef(f"{g}#quote")
            sentence, sentence_position = URIRef(f"{g}#sentence"), URIRef(f"{g}#sentence-position")
            out += [(g, RDF.type, kr.Fact), (g, RDF.type, kind_class), (g, RDFS.label, Literal(f.summary, lang="pl")),
                    (g, PROV.wasDerivedFrom, doc), (g, PROV.wasGeneratedBy, run), (g, kr.rule, Literal(ev.rule)),
                    (g, kr.confidence, Literal(f"{ev.confidence:.2f}", datatype=XSD.decimal)),
                    (g, kr.evidence, evidence), (g, kr.sentence, sentence),
                    (evidence, RDF.type, OA.SpecificResource), (evidence, OA.hasSource, doc),
                    (evidence, OA.hasSelector, position), (evidence, OA.hasSelector, quote),
                    (position, RDF.type, OA.TextPositionSelector),
                    (position, OA.start, Literal(ev.start, datatype=XSD.integer)),
                    (position, OA.end, Literal(ev.end, datatype=XSD.integer)),
                    (quote, RDF.type, OA.TextQuoteSelector), (quote, OA.exact, Literal(text[ev.start:ev.end])),
                    (quote, OA.prefix, Literal(text[max(0, ev.start - QUOTE_CONTEXT):ev.start])),
                    (quote, OA.suffix, Literal(text[ev.end:ev.end + QUOTE_CONTEXT])),
                    (sentence, RDF.type, OA.SpecificResource), (sentence, OA.hasSource, doc),
                    (sentence, OA.hasSelector, sentence_position),
                    (sentence_position, RDF.type, OA.TextPositionSelector),
                    (sentence_position, OA.start, Literal(ev.sentence_start, datatype=XSD.integer)),
                    (sentence_position, OA.end, Literal(ev.sentence_end, datatype=XSD.integer))]
            out += [(g, SCHEMA.about, a) for a in f.about]
        return out
