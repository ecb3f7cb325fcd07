"""From an extracted document to facts: one named graph per fact, with provenance.

A fact's graph IRI is derived from its content (document, evidence span and
what it states), so extracting the same text again gives the same graphs and
curators' decisions stay attached to them.
"""
from __future__ import annotations

import calendar
import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

import extract
from extract.facts import Evidence
from extract.lexicon import lexicon
from extract.names import fold, generic_organisation

from . import geonames
from . import ntriples as nt
from .vocab import ORG, OA, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, Base, digest, slugify

EVENT_LABELS_PL = {"Visit": "wizyta", "Founding": "założenie", "Signing": "podpisanie", "Confirmation": "potwierdzenie",
                   "Inauguration": "inauguracja", "Festival": "dni, festiwal", "Fair": "targi", "Exhibition": "wystawa",
                   "Appointment": "nominacja", "Meeting": "spotkanie", "Resolution": "uchwała",
                   "Partnership": "nawiązanie współpracy", "Death": "śmierć", "Happening": "wydarzenie"}
RELATION_LABELS_PL = {"twinnedWith": "miasto bliźniacze", "successorOf": "następca", "founder": "założyciel",
                      "managedBy": "zarządzany przez", "containedInPlace": "część", "location": "siedziba w",
                      "subOrganizationOf": "jednostka organizacji"}
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


oa, prov, rdf, rdfs, schema = map(nt.Namespace, (OA, PROV, RDF, RDFS, SCHEMA))
XSD_INTEGER, XSD_DECIMAL = str(XSD.integer), str(XSD.decimal)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Fact:
    key: str
    kind: str                      # entity | membership | event | relation | geonames
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


def in_document(slug: str, document: str) -> str:
    """A slug qualified by the document alone ("rada-miejska--historia"): an entity the text does not tell
    apart otherwise, for curators to merge."""
    return f"{slug}--{document.rstrip('/').rsplit('/', 1)[-1]}"


class EntityRegistry:
    """Entity IRIs by type and name: the same entity gets one IRI across a corpus. An organisation whose
    name many towns use ("Rada Miejska", "I Liceum Ogólnokształcące") is one entity per seat, its IRI
    qualified by the seat ("…/i-liceum-ogolnoksztalcace-sanok"); where the text names no seat, one per
    document, for a curator to merge."""

    def __init__(self, base: Base):
        self.base = base
        self.by_name: dict[tuple[str, str], tuple[str, str]] = {}   # (kind, folded name) -> (iri, name)
        self.taken: dict[str, str] = {}                              # iri -> folded canonical name
        self.local: dict[tuple[str, str, str], tuple[str, str]] = {}  # (document, folded name, seat) -> (iri, name)
        self.seats: dict[str, str] = {}                              # generic body's iri -> its seat's iri
        self.people: dict[str, list[tuple[str, str]]] = defaultdict(list)  # folded name -> persons (iri, name)
        self.documents: dict[str, set[str]] = defaultdict(set)   # person iri -> documents naming them
        self.named: dict[str, set[str]] = defaultdict(set)       # document -> places, organisations it names
        self.traits: dict[str, set[str]] = defaultdict(set)      # person iri -> what the texts say of them (`traits`)

    def add(self, kind: str, iri: str, name: str, aliases=()) -> None:
        self.taken.setdefault(iri, fold(name))
        if kind == "organisation" and generic_organisation(name):
            return  # never found by name alone: see `resolve_local`
        if kind == "person":
            for n in (name, *aliases):
                if (iri, name) not in self.people[fold(n)]:
                    self.people[fold(n)].append((iri, name))
            return
        for n in (name, *aliases):
            if not (kind == "organisation" and generic_organisation(n)):
                self.by_name.setdefault((kind, fold(n)), (iri, name))

    def resolve(self, kind: str, name: str, aliases) -> tuple[str, str]:
        for n in (name, *sorted(aliases)):
            hit = self.by_name.get((kind, fold(n)))
            if hit:
                self.add(kind, hit[0], hit[1], aliases)
                return hit
        iri = self._new_iri(kind, slugify(name), name)
        self.add(kind, iri, name, aliases)
        return iri, name

    def resolve_local(self, document: str, kind: str, name: str, seat: tuple[str, str] | None,
                      seat_name: str | None = None, taken=frozenset()) -> tuple[str, str]:
        """The IRI of an organisation of a generic name in `document`, at `seat` (IRI, name) if the text
        gives one, and its name with the seat as the text writes it (`seat_name`: "Rada Miejska w Sanoku").
        Within a document the name keeps the first IRI it got unless another seat tells another body ("OSP w
        Zagórzu", "OSP w Brzezinach") or the IRI is one of `taken`, those other bodies of the part got (the linker
        told them apart); across documents the same seat gives the same IRI, and no seat never joins another
        document's."""
        folded = fold(name)
        hit = self.local.get((document, folded, seat[0] if seat else ""))
        first = self.local.get((document, folded, ""))
        if hit is None and first is not None and first[0] not in taken \
                and not (seat and self.seats.get(first[0], seat[0]) != seat[0]):
            hit = first
        if hit is not None and hit[0] in taken:
            hit = None  # another body of this name, told apart in this part of the text
        if hit is None:
            slug = f"{slugify(name)}-{slugify(seat[1])}" if seat else in_document(slugify(name), document)
            hit = (self._new_iri(kind, slug, name), seat_name or name)
            self.taken.setdefault(hit[0], folded)
            self.local.setdefault((document, folded, ""), hit)
        if seat:
            self.local.setdefault((document, folded, seat[0]), hit)
            self.seats.setdefault(hit[0], seat[0])
        return hit

    def name_in(self, document: str, iri: str) -> None:
        """`document` names the place or organisation `iri`: what its persons are recognised by."""
        self.named[document].add(iri)

    def resolve_person(self, document: str, name: str, aliases, traits=frozenset()) -> tuple[str, str]:
        """A person is one across documents only where something else agrees: a place or organisation
        the document has named so far that a namesake's documents named too, or one of `traits` (an office
        of a body of the same name, a day or month of an office or an event the person is in: `traits`).
        Otherwise a new entity, its IRI qualified by the document, for curators to merge
        (`graph.candidates`). What is kept is each document's places and organisations and each person's
        documents and traits, never a copy per person: a long text names thousands of persons beside
        thousands of places."""
        candidates = dict.fromkeys(hit for n in (name, *sorted(aliases)) for hit in self.people.get(fold(n), ()))
        here = self.named[document]
        found = next((hit for hit in candidates if any(
            d == document or not self.named[d].isdisjoint(here) for d in self.documents[hit[0]])
            or not self.traits.get(hit[0], frozenset()).isdisjoint(traits)), None)
        if found is None:
            slug = slugify(name)
            iri = self.base.id("person", slug)
            if iri in self.taken:
                iri = self._new_iri("person", in_document(slug, document), name)
            found = (iri, name)
        self.add("person", *found, aliases)
        self.documents[found[0]].add(document)
        self.traits[found[0]].update(traits)
        return found

    def _new_iri(self, kind: str, slug: str, identity: str) -> str:
        """`slug`'s IRI, or with a digest of `identity` where another entity already has it."""
        iri = self.base.id(kind, slug)
        if iri in self.taken and self.taken[iri] != fold(identity):
            iri = self.base.id(kind, f"{slug}-{digest(fold(identity), size=6)}")
        return iri


def role_trait(role_slug: str, organisation_name: str) -> str:
    """An office of a body by the body's name: "przewodniczący Rady Miejskiej" of two texts that name no seat
    is one office, though each text's council has an IRI of its own."""
    return f"role:{role_slug}:{fold(organisation_name).lower()}"


def date_trait(date: str) -> str | None:
    """A day or a month (a year alone is too common to tell two people apart)."""
    return f"date:{date}" if len(date) >= 7 else None


def traits_of(part) -> dict[str, set[str]]:
    """Person key -> what the part says of them that a namesake of another document may share: offices by
    the body's name, and the days or months of those offices and of the events they are in."""
    found: dict[str, set[str]] = defaultdict(set)
    for m in part.memberships:
        found[m.person].add(role_trait(m.role.slug, part.entities[m.organisation].name))
        if m.date and (trait := date_trait(m.date)):
            found[m.person].add(trait)
    for e in part.events:
        if trait := date_trait(e.date):
            for key in e.participants:
                found[key].add(trait)
    return found


class EventSlugs:
    """Event slugs unique within a document: one already used gets "-2" again until it is new. Each slug
    remembers the longest form handed out, so the hundredth mention of the same visit does not walk
    through the ninety-nine before it."""

    def __init__(self):
        self.used: set[str] = set()
        self.last: dict[str, str] = {}

    def unique(self, slug: str) -> str:
        found = self.last.get(slug, slug)
        while found in self.used:
            found += "-2"
        self.used.add(found)
        self.last[slug] = found
        return found


class FactBuilder:
    def __init__(self, base: Base, registry: EntityRegistry | None = None):
        self.base = base
        self.kr = base.kr
        self.registry = registry or EntityRegistry(base)
        self.version = extractor_version()
        self.run = URIRef(base.id("run", slugify(self.version)))
        self.nt_kr = nt.Namespace(self.kr)

    def document_iri(self, name: str) -> URIRef:
        return URIRef(self.base.id("document", slugify(Path(name).stem)))

    def build(self, parts, name: str, text: str) -> DocumentFacts:
        """Facts of one document from what was read in its parts (`extract.read_chunks`), all at once."""
        document = self.document_iri(name)
        facts = [f for part_facts in self.facts_by_part(parts, document) for f in part_facts]
        return DocumentFacts(document, name, text, content_hash(text), facts)

    def facts_by_part(self, parts, document: URIRef) -> Iterator[list[Fact]]:
        """The facts of each part as soon as it is read; what is kept between parts is the registry of
        entity names, the document's event slugs and its places (linked to GeoNames after the last part).
        A fact's key holds its evidence offsets and parts never overlap, so a key repeats only within one
        part: deduplicating there deduplicates the document."""
        event_slugs = EventSlugs()
        countries = lexicon().country_names
        places = geonames.DocumentPlaces()
        for part in parts:
            iris: dict[str, URIRef] = {}
            names: dict[str, str] = {}
            facts: list[Fact] = []
            aliases = {key: e.alt_labels for key, e in part.entities.items()}  # a property: computed once
            local = [key for key, e in part.entities.items()
                     if e.kind == "organisation" and generic_organisation(e.name)]
            for key, entity in part.entities.items():
                if key not in local and entity.kind != "person":
                    iri, names[key] = self.registry.resolve(entity.kind, entity.name, aliases[key])
                    iris[key] = URIRef(iri)
                    if entity.name not in countries:
                        self.registry.name_in(str(document), iri)
            traits = traits_of(part)
            for key, entity in part.entities.items():
                if entity.kind == "person":
                    iri, names[key] = self.registry.resolve_person(str(document), entity.name, aliases[key],
                                                                   frozenset(traits.get(key, ())))
                    iris[key] = URIRef(iri)
            seats = {r.subject: r.object for r in reversed(part.relations)
                     if r.predicate == "location" and r.subject in local and r.object in iris}
            given: set[str] = set()  # the linker told apart two bodies of one name here: two IRIs
            for key in local:
                seat = (str(iris[seats[key]]), names[seats[key]]) if key in seats else None
                iri, names[key] = self.registry.resolve_local(str(document), "organisation", part.entities[key].name, seat,
                                                              part.entities[key].seat_name if seat else None, given)
                given.add(iri)
                iris[key] = URIRef(iri)
                if names[key] != part.entities[key].name:  # "Rada Miejska w Sanoku", also "Rada Miejska"
                    aliases[key] = sorted({*aliases[key], part.entities[key].name})
            for key, entity in part.entities.items():
                facts.append(self._entity_fact(document, entity, aliases[key], iris[key], names[key]))
            for m in part.memberships:
                facts.append(self._membership_fact(document, m, iris, names))
            for e in part.events:
                facts.append(self._event_fact(document, e, iris, names, event_slugs))
            for r in part.relations:
                facts.append(self._relation_fact(document, r, iris, names))
            places.read(part, iris)
            yield list({f.key: f for f in facts}.values())
        links = [self._geonames_fact(document, *link) for link in places.links()]  # once the whole text is read
        if links:
            yield links

    def _key(self, document, kind, evidence: Evidence, content: str) -> str:
        return digest(document, kind, evidence.start, evidence.end, content)

    def _entity_fact(self, document, entity, aliases: list[str], iri: URIRef, name: str) -> Fact:
        start, end, rule, sentence_start, sentence_end = entity.mentions[0]
        evidence = Evidence(start, end, sentence_start, sentence_end, rule, float(lexicon().confidence.get(rule, 0.5)))
        t = [(iri, RDFS.label, Literal(name, lang="pl"))]
        if entity.kind == "person":
            t += [(iri, RDF.type, SCHEMA.Person), (iri, SCHEMA.name, Literal(name))]
        elif entity.kind == "organisation" and entity.also_place and (entity.head in lexicon().city_nouns or (
                entity.head in lexicon().territorial_heads and entity.written_as_common_noun)):
            # a town acting as a body ("Gmina X", "Miasto X") or a unit named as a territory ("w rejonie kowelskim"):
            # a place, and an organisation where the text names its office-holders (their memberships say so), as
            # the vocabulary contract has it for a city
            t += [(iri, RDF.type, SCHEMA.Place), (iri, SKOS.prefLabel, Literal(name, lang="pl")), (iri, SCHEMA.name, Literal(name))]
        elif entity.kind == "organisation":
            t += [(iri, RDF.type, ORG.Organization), (iri, SKOS.prefLabel, Literal(name, lang="pl")), (iri, SCHEMA.name, Literal(name))]
            if entity.also_place:
                t.append((iri, RDF.type, SCHEMA.Place))
        else:
            t += [(iri, RDF.type, SCHEMA.Place), (iri, SCHEMA.name, Literal(name))]
        t += [(iri, SKOS.altLabel, Literal(alias, lang="pl")) for alias in aliases if alias != name]
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

    def _event_fact(self, document, e, iris, names, event_slugs: EventSlugs) -> Fact:
        anchor = e.subject or (e.locations[:1] or e.participants[:1])[0]
        slug = event_slugs.unique(f"{slugify(e.type)}-{e.date}-{iris[anchor].rsplit('/', 1)[-1]}")
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
                     "location": SCHEMA.location, "subOrganizationOf": ORG.subOrganizationOf}[r.predicate]
        s, o = iris[r.subject], iris[r.object]
        t = [(s, predicate, o)]
        if r.predicate == "twinnedWith":
            t.append((o, predicate, s))
        summary = f"{names[r.subject]} — {RELATION_LABELS_PL[r.predicate]} — {names[r.object]}"
        key = self._key(document, "relation", r.evidence, f"{s}|{predicate}|{o}")
        return Fact(key, "relation", t, r.evidence, summary, [s, o])

    def _geonames_fact(self, document, place: str, name: str, mention: tuple, link: geonames.Link) -> Fact:
        """The place is a GeoNames entry: evidence its first mention, confidence how the entry was chosen."""
        start, end, _rule, sentence_start, sentence_end = mention
        evidence = Evidence(start, end, sentence_start, sentence_end, link.rule, link.confidence)
        key = self._key(document, "geonames", evidence, f"{place}|{link.entry.iri}")
        return Fact(key, "geonames", geonames.triples(URIRef(place), link), evidence, geonames.summary(name, link),
                    [URIRef(place)])

    # --- provenance -------------------------------------------------------------
    def provenance_terms(self, facts: DocumentFacts) -> list[tuple[str, str, str]]:
        """Triples about each fact graph: source, evidence selectors, run, rule, confidence (N-Triples terms)."""
        triples = self.document_provenance(facts.document, facts.name, facts.text, facts.content_hash) + self.run_provenance()
        for f in facts.facts:
            triples += self.fact_provenance(f, facts.document, facts.text)
        return triples

    def run_provenance(self) -> list[tuple[str, str, str]]:
        """The extraction run's description, as N-Triples terms."""
        kr, run = self.nt_kr, nt.iri(self.run)
        return [(run, rdf.type, kr.ExtractionRun), (run, rdf.type, prov.Activity),
                (run, kr.extractorVersion, nt.literal(self.version))]

    def document_provenance(self, document: URIRef, name: str, text: str, text_hash: str) -> list[tuple[str, str, str]]:
        """The source document's description (its text included), as N-Triples terms."""
        kr, doc = self.nt_kr, nt.iri(document)
        return [(doc, rdf.type, kr.Document), (doc, rdf.type, schema.CreativeWork), (doc, schema.name, nt.literal(name)),
                (doc, kr.contentHash, nt.literal(text_hash)), (doc, schema.inLanguage, nt.literal("pl")),
                (doc, schema.text, nt.literal(text)), (doc, rdfs.label, nt.literal(name))]

    def fact_provenance(self, f: Fact, document: URIRef, text: str) -> list[tuple[str, str, str]]:
        """One fact graph's source, evidence selectors, run, rule and confidence, as N-Triples terms: made as
        rdflib terms and converted, they were most of the time `kronika extract` spent beside the pipeline."""
        kr, doc, ev, g = self.nt_kr, nt.iri(document), f.evidence, self.base.fact(f.key)
        fact, evidence, position, quote, sentence, sentence_position = (nt.iri(g + fragment) for fragment in (
            "", "#evidence", "#position", "#quote", "#sentence", "#sentence-position"))
        kind_class = {"entity": kr.EntityFact, "membership": kr.MembershipFact, "event": kr.EventFact,
                      "relation": kr.RelationFact, "geonames": kr.GeoNamesFact}[f.kind]
        return [(fact, rdf.type, kr.Fact), (fact, rdf.type, kind_class),
                (fact, rdfs.label, nt.literal(f.summary, language="pl")),
                (fact, prov.wasDerivedFrom, doc), (fact, prov.wasGeneratedBy, nt.iri(self.run)),
                (fact, kr.rule, nt.literal(ev.rule)),
                (fact, kr.confidence, nt.literal(f"{ev.confidence:.2f}", XSD_DECIMAL)),
                (fact, kr.evidence, evidence), (fact, kr.sentence, sentence),
                (evidence, rdf.type, oa.SpecificResource), (evidence, oa.hasSource, doc),
                (evidence, oa.hasSelector, position), (evidence, oa.hasSelector, quote),
                (position, rdf.type, oa.TextPositionSelector),
                (position, oa.start, nt.literal(str(ev.start), XSD_INTEGER)),
                (position, oa.end, nt.literal(str(ev.end), XSD_INTEGER)),
                (quote, rdf.type, oa.TextQuoteSelector), (quote, oa.exact, nt.literal(text[ev.start:ev.end])),
                (quote, oa.prefix, nt.literal(text[max(0, ev.start - QUOTE_CONTEXT):ev.start])),
                (quote, oa.suffix, nt.literal(text[ev.end:ev.end + QUOTE_CONTEXT])),
                (sentence, rdf.type, oa.SpecificResource), (sentence, oa.hasSource, doc),
                (sentence, oa.hasSelector, sentence_position),
                (sentence_position, rdf.type, oa.TextPositionSelector),
                (sentence_position, oa.start, nt.literal(str(ev.sentence_start), XSD_INTEGER)),
                (sentence_position, oa.end, nt.literal(str(ev.sentence_end), XSD_INTEGER)),
                *((fact, schema.about, nt.iri(a)) for a in dict.fromkeys(f.about))]
