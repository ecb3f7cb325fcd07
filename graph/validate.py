"""SHACL validation of facts, reported per fact.

A fact is validated together with the descriptions of the entities it
touches, so one change is checked without revalidating the whole store.
Each result is attributed to the fact graphs that state something about its
focus node.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
import pyshacl_turbo
from rdflib import Graph, URIRef

from .vocab import RDF, SH, SHAPES_DIR, Base, ROLES_FILE


@dataclass(frozen=True)
class Message:
    severity: str          # Violation | Warning | Info
    focus: str
    path: str | None
    message_pl: str
    message_en: str

    def __str__(self) -> str:
        where = f" ({self.path.rsplit('/', 1)[-1].rsplit('#', 1)[-1]})" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message_pl} / {self.message_en}"


@lru_cache(maxsize=4)
def shapes(base: Base) -> Graph:
    g = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        g.parse(path, format="turtle", publicID=base.iri)
    return g


@lru_cache(maxsize=4)
def roles(base: Base) -> Graph:
    return Graph().parse(ROLES_FILE, format="turtle", publicID=base.iri)


def run_shacl(data: Graph | ox.Store, base: Base) -> list[Message]:
    """pySHACL-compatible validation by pyshacl-turbo (same results, several times faster).
    An rdflib graph gets the role scheme added; a pyoxigraph store must hold it already."""
    if isinstance(data, Graph):
        data = data + roles(base)
    _conforms, report, _text = pyshacl_turbo.validate(data, shacl_graph=shapes(base), inference="none", advanced=True,
                                                      allow_warnings=True)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        focus = str(report.value(result, SH.focusNode))
        path = report.value(result, SH.resultPath)
        messages = {m.language: str(m) for m in report.objects(result, SH.resultMessage)}
        fallback = next(iter(messages.values()), "")
        out.append(Message(severity, focus, str(path) if isinstance(path, URIRef) else None,
                           messages.get("pl", fallback), messages.get("en", fallback)))
    return sorted(set(out), key=lambda m: (m.severity, m.focus, m.message_en))


def attribute(messages: list[Message], fact_subjects: dict[str, set[str]]) -> dict[str, list[Message]]:
    """Messages per fact key: a fact answers for the focus nodes it states triples about."""
    owners: dict[str, list[str]] = {}
    for key, subjects in fact_subjects.items():
        for subject in subjects:
            owners.setdefault(subject, []).append(key)
    per_fact: dict[str, list[Message]] = {}
    for m in messages:
        for key in owners.get(m.focus, ()):
            per_fact.setdefault(key, []).append(m)
    return per_fact


def validate_store(store) -> dict[str, list[Message]]:
    """Validate every published fact with the provenance and review state; messages per fact graph.
    The data is gathered into an in-memory Oxigraph store (no rdflib graph of the whole store)."""
    base = store.base
    kr = base.kr
    data = ox.Store()
    default = ox.DefaultGraph()
    published = f"""GRAPH <{base.review}> {{ ?g <{kr.reviewStatus}> ?status
                      FILTER(?status NOT IN (<{kr.rejected}>, <{kr.edited}>)) }}"""
    facts = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {published} GRAPH ?g {{ ?s ?p ?o }} }}")
    data.extend(ox.Quad(t.subject, t.predicate, t.object, default) for t in facts)
    for graph in (base.vocabulary, base.provenance, base.review):
        data.extend(ox.Quad(q.subject, q.predicate, q.object, default)
                    for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    fact_subjects: dict[str, set[str]] = {}
    for r in store.query(f"SELECT DISTINCT ?g ?s WHERE {{ {published} GRAPH ?g {{ ?s ?p ?o }} }}"):
        g = r["g"].value
        fact_subjects.setdefault(g, {g, g + "#evidence"}).add(r["s"].value)
    labels = {r["g"].value: r["l"].value for r in store.query(
        f"SELECT ?g ?l WHERE {{ GRAPH <{base.provenance}> {{ ?g <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}")}
    per_fact = attribute(run_shacl(data, base), fact_subjects)
    return {f"{g} ({labels.get(g, '')})": m for g, m in per_fact.items()}
