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

    The fact graphs themselves (not the public view derived from them), the vocabulary, the
    provenance and the review state are copied into an in-memory Oxigraph store as N-Triples,
    Rust to Rust: no Python object per triple. Only the focus nodes of messages are then traced
    to their facts."""
    base, kr, nt = store.base, store.base.kr, ox.RdfFormat.N_TRIPLES
    data = ox.Store()
    facts = store.query(f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
        GRAPH <{base.review}> {{ ?g <{kr.reviewStatus}> ?status FILTER(?status NOT IN (<{kr.rejected}>, <{kr.edited}>)) }}
        GRAPH ?g {{ ?s ?p ?o }} }}""")
    data.load(facts.serialize(format=nt), format=nt)
    for graph in (base.vocabulary, base.provenance, base.review):
        data.load(store.ox.dump(format=nt, from_graph=ox.NamedNode(graph)), format=nt)
    messages = run_shacl(data, base)
    del data
    per_fact = attribute(messages, _stating(store, {m.focus for m in messages}))
    labels = _labels(store, list(per_fact))
    return {f"{g} ({labels.get(g, '')})": m for g, m in per_fact.items()}


def _batches(items: list[str], size: int = 500):
    for i in range(0, len(items), size):
        yield " ".join(f"<{x}>" for x in items[i:i + size])


def _stating(store, focus_nodes: set[str]) -> dict[str, set[str]]:
    """Published fact graph → the focus nodes it answers for: those it states triples about, itself
    and its evidence (described in the provenance graph)."""
    base, kr = store.base, store.base.kr
    out: dict[str, set[str]] = {}
    fact_prefix = base.fact("")
    for node in focus_nodes:
        graph = node.removesuffix("#evidence")
        if graph.startswith(fact_prefix):
            out.setdefault(graph, set()).add(node)
    iris = sorted(n for n in focus_nodes if _is_iri(n))  # not the literals and blank nodes nested shapes report
    for values in _batches(iris):
        for r in store.query(f"""SELECT DISTINCT ?g ?s WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s ?p ?o }}
                GRAPH <{base.review}> {{ ?g <{kr.reviewStatus}> ?status
                  FILTER(?status NOT IN (<{kr.rejected}>, <{kr.edited}>)) }} }}"""):
            out.setdefault(r["g"].value, set()).add(r["s"].value)
    return out


def _is_iri(value: str) -> bool:
    try:
        ox.NamedNode(value)
        return True
    except ValueError:
        return False


def _labels(store, graphs: list[str]) -> dict[str, str]:
    out = {}
    for values in _batches(graphs):
        for r in store.query(f"""SELECT ?g ?l WHERE {{ VALUES ?g {{ {values} }}
                GRAPH <{store.base.provenance}> {{ ?g <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}"""):
            out[r["g"].value] = r["l"].value
    return out
