"""SHACL validation of facts, reported per fact.

A fact is validated together with the descriptions of the entities it
touches, so one change is checked without revalidating the whole store.
Each result is attributed to the fact graphs that state something about its
focus node.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor
import zlib
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
import pyshacl_turbo
from pyshacl_turbo.rdf import Input  # the engine's own record for N-Triples text (version pinned in pyproject)
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
def compiled_shapes(base: Base) -> pyshacl_turbo.CompiledShapes:
    """The shapes compiled once per process: a fact validated on its own (a curator's correction) pays for its
    validation only, not for compiling the shapes again (9 ms)."""
    return pyshacl_turbo.compile_shapes(shapes(base), advanced=True)


@lru_cache(maxsize=4)
def roles(base: Base) -> bytes:
    """The role scheme as N-Triples, added to a fact validated on its own (its role must be in it)."""
    return Graph().parse(ROLES_FILE, format="turtle", publicID=base.iri).serialize(format="nt", encoding="utf-8")


def run_shacl(data: Graph | bytes, base: Base) -> list[Message]:
    """pySHACL-compatible validation by pyshacl-turbo (same results, several times faster) of a
    graph, to which the role scheme is added, or of N-Triples that hold it already. Either reaches
    the engine as N-Triples text, without a copy into another graph or store."""
    if isinstance(data, Graph):
        data = data.serialize(format="nt", encoding="utf-8") + b"\n" + roles(base)
    data = Input(data.decode(), "nt", None, {})
    _conforms, report, _text = compiled_shapes(base).validate(data, inference="none", allow_warnings=True,
                                                              _normalize_report_literals=True)  # as `validate` does
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


def validate_store(store, jobs: int | None = None) -> dict[str, list[Message]]:
    """Validate every published fact with the provenance and review state; messages per fact graph.

    The fact graphs themselves (not the public view derived from them), the vocabulary, the
    provenance and the review state are read as N-Triples, Rust to Rust: no Python object per
    triple. The triples no shape can see are left out, the rest split by subject into `jobs` parts
    (one per core) validated side by side; only the focus nodes of messages are then traced to
    their facts."""
    base = store.base
    seen = observed(shapes(base))
    sources, vocabulary = _read(store, seen)
    parts = partition(sources, vocabulary, shapes(base), jobs or os.cpu_count() or 1)
    if len(parts) == 1:
        messages = run_shacl(parts[0], base)
    else:
        _PARTS[:] = parts  # the forked workers find them here: no copy of 100 MB through a pipe
        try:
            with multiprocessing.get_context("fork").Pool(len(parts)) as pool:
                messages = [m for ms in pool.starmap(_validate_part, [(k, base) for k in range(len(parts))]) for m in ms]
        finally:
            _PARTS.clear()
    messages = sorted(set(messages), key=lambda m: (m.severity, m.focus, m.message_en))
    per_fact = attribute(messages, _stating(store, {m.focus for m in messages}))
    labels = _labels(store, list(per_fact))
    report = {f"{g} ({labels.get(g, '')})": m for g, m in per_fact.items()}
    traced = {m for ms in per_fact.values() for m in ms}
    # a literal checked by a nested shape (a date) is reported through the node that holds it
    if untraced := [m for m in messages if m not in traced and _is_iri(m.focus)]:
        report[UNTRACED] = untraced
    return report


UNTRACED = "(no published fact states or names these nodes)"


def observed(shapes_graph: Graph) -> set[str] | None:
    """The predicates validation can see: those the shapes name (in paths and targets), rdf:type
    and rdfs:subClassOf; None when a shape sees every predicate (sh:closed) or runs SPARQL."""
    if (None, SH.closed, None) in shapes_graph or (None, SH.sparql, None) in shapes_graph:
        return None
    named = {str(term) for triple in shapes_graph for term in triple if isinstance(term, URIRef)}
    return named | {str(RDF.type), "http://www.w3.org/2000/01/rdf-schema#subClassOf"}


def _read(store, seen: set[str] | None) -> tuple[list[bytes], bytes]:
    """The published fact graphs, the provenance and the review state as N-Triples, only the
    predicates a shape can see (`seen`; all when None), and the vocabulary. Oxigraph reads without
    the GIL, so two threads read side by side; a graph is read predicate by predicate (an index
    range each)."""
    base, kr, nt = store.base, store.base.kr, ox.RdfFormat.N_TRIPLES

    def graph(name: str) -> list:
        if seen is None:
            return [reading.submit(store.ox.dump, format=nt, from_graph=ox.NamedNode(name))]
        return [reading.submit(lambda p: store.query(f"CONSTRUCT {{ ?s <{p}> ?o }} WHERE {{ GRAPH <{name}> {{ ?s <{p}> ?o }} }}")
                               .serialize(format=nt), p) for p in sorted(seen)]

    visible = f"FILTER(?p IN ({', '.join(f'<{p}>' for p in sorted(seen))}))" if seen is not None else ""
    with ThreadPoolExecutor(2) as reading:
        facts = reading.submit(lambda: store.query(f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
            GRAPH <{base.review}> {{ ?g <{kr.reviewStatus}> ?status FILTER(?status NOT IN (<{kr.rejected}>, <{kr.edited}>)) }}
            GRAPH ?g {{ ?s ?p ?o {visible} }} }}""").serialize(format=nt))
        parts = [facts, *graph(base.provenance), *graph(base.review)]
        vocabulary = store.ox.dump(format=nt, from_graph=ox.NamedNode(base.vocabulary))
        return [f.result() for f in parts], vocabulary


def partition(sources: list[bytes], vocabulary: bytes, shapes_graph: Graph, parts: int) -> list[bytes]:
    """N-Triples split by subject into parts that validate alone. A node and its fragments (<fact>,
    <fact#evidence>, <fact#position>) go to one part, which is all a shape's paths reach here; the
    vocabulary and the whole description of every instance of a class sh:class checks (a
    membership's person) go to every part, where they validate alike."""
    shared = _instances(sources, {f"<{c}>".encode() for c in shapes_graph.objects(None, SH["class"])})
    lines = [line for source in sources for line in source.split(b"\n") if line]
    subjects = [line[:line.find(b" ")] for line in lines]
    crc = zlib.crc32  # "<…#evidence>" → "…"; comprehensions, as a loop costs twice as much here
    keys = [-1 if s in shared else crc(s[1:-1].split(b"#", 1)[0]) % parts for s in subjects]
    shared_lines = b"\n".join([*(line for line, key in zip(lines, keys) if key < 0), vocabulary])
    return [b"\n".join([line for line, key in zip(lines, keys) if key == part]) + b"\n" + shared_lines
            for part in range(parts)]


_PARTS: list[bytes] = []


def _validate_part(part: int, base: Base) -> list[Message]:
    return run_shacl(_PARTS[part], base)


def _instances(sources: list[bytes], classes: set[bytes]) -> set[bytes]:
    """Subjects typed with one of `classes` (as N-Triples terms), found without splitting lines."""
    typed, found = f" <{RDF.type}> ".encode(), set()
    for source in sources:
        i = source.find(typed)
        while i >= 0:
            end = source.find(b"\n", i)
            end = len(source) if end < 0 else end
            if source[i + len(typed):end].rstrip(b" .") in classes:
                found.add(source[source.rfind(b"\n", 0, i) + 1:i])
            i = source.find(typed, end)
    return found


def _batches(items: list[str], size: int = 500):
    for i in range(0, len(items), size):
        yield " ".join(f"<{x}>" for x in items[i:i + size])


def _stating(store, focus_nodes: set[str]) -> dict[str, set[str]]:
    """Published fact graph → the focus nodes it answers for: itself and its evidence (described in
    the provenance graph), the nodes it states triples about, and a node no fact describes that it
    points to (a role outside the scheme is every membership's that names it)."""
    base, kr = store.base, store.base.kr
    out: dict[str, set[str]] = {}
    fact_prefix = base.fact("")
    for node in focus_nodes:
        graph = node.removesuffix("#evidence")
        if graph.startswith(fact_prefix):
            out.setdefault(graph, set()).add(node)
    published = f"""GRAPH <{base.review}> {{ ?g <{kr.reviewStatus}> ?status
                  FILTER(?status NOT IN (<{kr.rejected}>, <{kr.edited}>)) }}"""
    iris = sorted(n for n in focus_nodes if _is_iri(n))  # not the literals and blank nodes nested shapes report
    described = set()
    for values in _batches(iris):
        for r in store.query(f"SELECT DISTINCT ?g ?s WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} {published} }}"):
            out.setdefault(r["g"].value, set()).add(r["s"].value)
            described.add(r["s"].value)
    for values in _batches([n for n in iris if n not in described]):
        for r in store.query(f"SELECT DISTINCT ?g ?s WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?x ?p ?s }} {published} }}"):
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
