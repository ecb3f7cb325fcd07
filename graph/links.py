"""Curators' links from an entity to the same thing in another dataset (Wikidata, VIAF, GND, ISNI, GeoNames).

A pasted identifier or URL is checked by its form alone (the server never fetches the target), turned into
the target's canonical entity IRI and stored as an `owl:sameAs` fact: its own graph, accepted (a curator
stated it), with the curator and the time in its provenance and a decision in the audit graph, so that
undo and reject take it back like any other decision. The datasets are described in `link_targets.toml`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from .review import InvalidChange, Review, now
from .store import HIDDEN, writes
from .vocab import DCTERMS, OWL, PROV, RDF, RDFS, SCHEMA, XSD, digest, is_absolute_iri

TARGETS_FILE = Path(__file__).with_name("link_targets.toml")
LINKABLE = ("person", "organisation", "place", "event")  # kinds of entity a curator may link
MAX_PASTED = 500  # characters of a pasted identifier or URL
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """A dataset links may point to."""
    key: str
    name: str
    dataset: str
    iri: str                      # the canonical IRI of one entity, with {id}
    identifier: re.Pattern
    urls: tuple[re.Pattern, ...]
    check: str | None
    ignore: str
    example: str

    @property
    def namespace(self) -> str:
        return self.iri.split("{id}")[0]

    def identifier_in(self, iri: str) -> str | None:
        """The identifier a canonical IRI of this dataset holds, else None."""
        head, _, tail = self.iri.partition("{id}")
        if iri.startswith(head) and iri.endswith(tail) and len(iri) > len(head) + len(tail):
            found = iri[len(head):len(iri) - len(tail)]
            return found if self.identifier.fullmatch(found) else None
        return None

    def clean(self, identifier: str) -> str:
        """As the identifier is written in the IRI: without the spaces (or hyphens) it was grouped by, upper case."""
        return "".join(c for c in identifier if c not in self.ignore).upper()


def load_targets(path: Path = TARGETS_FILE) -> dict[str, Target]:
    return {key: Target(key, t["name"], t["dataset"], t["iri"], re.compile(t["identifier"]),
                        tuple(re.compile(u, re.IGNORECASE) for u in t["urls"]), t.get("check"),
                        " \t" + t.get("ignore", ""), t["example"])
            for key, t in tomllib.loads(path.read_text()).items()}


TARGETS = load_targets()


@dataclass(frozen=True)
class Link:
    target: Target
    identifier: str

    @property
    def iri(self) -> str:
        return self.target.iri.format(id=self.identifier)

    @property
    def name(self) -> str:
        """How pages name the link: "Wikidata Q42"."""
        return f"{self.target.name} {self.identifier}"


class UnknownEntity(LookupError):
    """No published entity of a kind that can be linked has this IRI."""


# --- check characters ------------------------------------------------------------------------------

def gnd_check_character(digits: str, hyphenated: bool) -> str:
    """The Deutsche Nationalbibliothek's rule: the digits (at most 10) weighted 2, 3, 4 … from the right and
    summed modulo 11. Person records (PND) and every record numbered since the GND (2012) take 11 minus
    that remainder; the older subject-heading and corporate-body numbers (SWD, GKD), written with a hyphen
    before the check character, take the remainder itself. A 10 is written X."""
    remainder = sum(int(d) * weight for d, weight in zip(reversed(digits), range(2, 12))) % 11
    value = remainder if hyphenated else (11 - remainder) % 11
    return "X" if value == 10 else str(value)


def isni_check_character(digits: str) -> str:
    """ISO 7064 MOD 11-2 over the first 15 digits of an ISNI; a 10 is written X."""
    total = 0
    for d in digits:
        total = (total + int(d)) * 2
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


CHECKS = {
    "gnd": lambda identifier: gnd_check_character(identifier[:-1].rstrip("-"), "-" in identifier) == identifier[-1],
    "isni": lambda identifier: isni_check_character(identifier[:-1]) == identifier[-1],
}


# --- reading what a curator pasted ----------------------------------------------------------------------

def parse(pasted, target: str | None = None) -> Link:
    """The link a pasted identifier or URL names. A URL names its dataset; a bare identifier is told by its
    form (Q42 is Wikidata's, 4005728-8 the GND's), or by `target` where several datasets use its form."""
    if target is not None and not isinstance(target, str) or target and target not in TARGETS:
        raise InvalidChange("target", f"choose one of {', '.join(TARGETS)}, not {target!r}")
    value = pasted.strip() if isinstance(pasted, str) else ""
    if not value:
        raise InvalidChange("identifier", "paste an identifier or its URL, such as "
                            + ", ".join(t.example for t in TARGETS.values()))
    if len(value) > MAX_PASTED:
        raise InvalidChange("identifier", f"at most {MAX_PASTED} characters: an identifier or its URL")
    address = value if SCHEME.match(value) or "/" not in value else "https://" + value  # "viaf.org/viaf/…" too
    for candidate in TARGETS.values():
        for url in candidate.urls:
            found = url.match(address)
            if found:
                if target and candidate.key != target:
                    raise InvalidChange("identifier", f"{value} is a {candidate.name} address, not a "
                                                      f"{TARGETS[target].name} one")
                return checked(candidate, found.group(1))
    if "/" in value or ":" in value:
        raise InvalidChange("identifier", f"{value} is not an address this desk knows: "
                            + "; ".join(f"{t.name} ({t.iri.format(id=t.example.replace(' ', ''))})"
                                        for t in TARGETS.values()))
    options = [TARGETS[target]] if target else list(TARGETS.values())
    fitting = [t for t in options if t.identifier.fullmatch(t.clean(value))]
    if not fitting:
        raise InvalidChange("identifier", f"{value!r} is not an identifier of {named(options)}")
    passing = [t for t in fitting if t.check is None or CHECKS[t.check](t.clean(value))]
    if len(passing) > 1:
        raise InvalidChange("target", f"{value} may be an identifier of {named(passing, examples=False)}: "
                                      "choose the dataset")
    return checked(passing[0] if passing else fitting[0], value)


def named(targets: list[Target], examples: bool = True) -> str:
    """"Wikidata (Q42), VIAF (75121530) or GND (118540238)"."""
    names = [f"{t.name} ({t.example})" if examples else t.name for t in targets]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def checked(target: Target, raw: str) -> Link:
    """The link to `raw` in `target`, once its form and check character are right."""
    identifier = target.clean(raw)
    if not target.identifier.fullmatch(identifier):
        raise InvalidChange("identifier", f"{raw!r} is not an identifier of {named([target])}")
    if target.check and not CHECKS[target.check](identifier):
        raise InvalidChange("identifier", f"{target.name} {identifier}: the check character (the last one) does not "
                                          "fit the others; a character may be mistyped")
    return Link(target, identifier)


def link_to(iri: str) -> Link | None:
    """The link a canonical IRI of a known dataset makes, else None."""
    for target in TARGETS.values():
        identifier = target.identifier_in(iri)
        if identifier is not None:
            return Link(target, identifier)
    return None


def linkset_triples(store) -> dict[str, int]:
    """Published owl:sameAs links per target dataset (curators' and extracted ones): one aggregate over the
    owl:sameAs triples alone (the predicate's index), the object's namespace telling the dataset."""
    values = " ".join(f'("{t.key}" "{t.namespace}")' for t in TARGETS.values())
    rows = store.query(f"""SELECT ?target (COUNT(*) AS ?n) WHERE {{
        VALUES (?target ?namespace) {{ {values} }}
        ?s <{OWL.sameAs}> ?o FILTER(ISIRI(?o) && STRSTARTS(STR(?o), ?namespace)) }} GROUP BY ?target""")
    counts = dict.fromkeys(TARGETS, 0)
    counts.update({r["target"].value: int(r["n"].value) for r in rows})
    return counts


# --- the links of an entity -------------------------------------------------------------------------------

class CuratorLinks:
    """Adding, listing and removing an entity's links; every change is a decision of the review desk."""

    def __init__(self, review: Review):
        self.review, self.store, self.base, self.kr = review, review.store, review.base, review.kr

    def entity(self, kind: str, name: str) -> str:
        """The IRI of a published entity of a kind that can be linked (UnknownEntity otherwise)."""
        iri = self.base.id(kind, name)
        if kind not in LINKABLE or not is_absolute_iri(iri) or not any(self.store.ox.quads_for_pattern(
                ox.NamedNode(iri), ox.NamedNode(str(RDF.type)), None, ox.DefaultGraph())):
            raise UnknownEntity(iri)
        return iri

    def name_of(self, entity: str) -> str:
        return self.review.name_of(entity) or entity.rsplit("/", 1)[-1]

    def links(self, entity: str) -> list[dict]:
        """Every owl:sameAs fact from the entity to a known dataset, a curator's or extracted, in any state:
        the published ones first."""
        provenance, out = ox.NamedNode(self.base.provenance), []
        for q in self.store.ox.quads_for_pattern(ox.NamedNode(entity), ox.NamedNode(str(OWL.sameAs)), None, None):
            link = link_to(q.object.value) if isinstance(q.object, ox.NamedNode) else None
            if link is None or not isinstance(q.graph_name, ox.NamedNode) \
                    or not q.graph_name.value.startswith(self.base.fact("")):
                continue
            said = {p.predicate.value: p.object.value for p in self.store.ox.quads_for_pattern(q.graph_name, None, None,
                                                                                               provenance)}
            by = said.get(str(PROV.wasAttributedTo))
            out.append({"fact": q.graph_name.value.rsplit("/", 1)[-1], "graph": q.graph_name.value, "iri": link.iri,
                        "name": link.name, "dataset": link.target.key, "status": self.store.status(q.graph_name.value),
                        "rule": said.get(str(self.kr.rule)), "curator": by.rsplit("/", 1)[-1] if by else None, "by": by,
                        "at": said.get(str(PROV.generatedAtTime))})
        return sorted(out, key=lambda link: (link["status"] in HIDDEN, link["name"], link["at"] or ""))

    def published(self, entity: str) -> list[dict]:
        """The links the public view holds, one per target IRI."""
        seen: dict[str, dict] = {}
        for link in self.links(entity):
            if link["status"] not in HIDDEN:
                seen.setdefault(link["iri"], link)
        return list(seen.values())

    @writes
    def add(self, entity: str, pasted, curator: str, target: str | None = None, reason: str | None = None) -> dict:
        """Link the entity to what `pasted` names: a new accepted fact and its decision, in one transaction.
        Before it, the link was not public, as a rejected fact is not: undoing the decision rejects it."""
        link = parse(pasted, target)
        node = ox.NamedNode(entity)
        for q in self.store.ox.quads_for_pattern(node, ox.NamedNode(str(DCTERMS.isReplacedBy)), None, ox.DefaultGraph()):
            raise InvalidChange("entity", f"{entity} was merged into {q.object.value}: link that one")
        if any(self.store.ox.quads_for_pattern(node, ox.NamedNode(str(OWL.sameAs)), ox.NamedNode(link.iri),
                                               ox.DefaultGraph())):
            raise InvalidChange("identifier", f"{self.name_of(entity)} is already linked to {link.name}")
        when = now()
        key = digest(entity, "link", link.iri, when)
        fact, subject = URIRef(self.base.fact(key)), URIRef(entity)
        provenance = [(fact, RDF.type, self.kr.CuratorFact), (fact, RDF.type, self.kr.LinkFact),
                      (fact, RDFS.label, Literal(f"{self.name_of(entity)} = {link.name} (powiązanie / link)", lang="pl")),
                      (fact, self.kr.rule, Literal("curator-link")),
                      (fact, self.kr.confidence, Literal("1.00", datatype=XSD.decimal)),
                      (fact, PROV.wasAttributedTo, URIRef(self.base.id("curator", curator))),
                      (fact, PROV.generatedAtTime, Literal(when, datatype=XSD.dateTime)),
                      (fact, SCHEMA.about, subject)]
        reason = reason.strip()[:2000] if isinstance(reason, str) and reason.strip() else "link"
        with self.store.transaction():
            self.store.add_fact(str(fact), [(subject, OWL.sameAs, URIRef(link.iri))], provenance, status="accepted")
            decision = self.review._audit(curator, str(fact), "rejected", "accepted", reason, when)
        return {"fact": key, "entity": entity, "iri": link.iri, "name": link.name, "dataset": link.target.key,
                "status": "accepted", "curator": curator, "at": when, "decision": decision}

    def remove(self, entity: str, key: str, curator: str, reason: str | None = None) -> dict:
        """Take a published link of the entity back: its fact is rejected (and an undo restores it)."""
        link = next((link for link in self.links(entity) if link["fact"] == key and link["status"] not in HIDDEN), None)
        if link is None:
            raise InvalidChange("fact", f"{self.name_of(entity)} has no published link {key!r}")
        reason = reason.strip()[:2000] if isinstance(reason, str) and reason.strip() else "link removed"
        return self.review.decide(key, "rejected", curator, expected=link["status"], reason=reason)
