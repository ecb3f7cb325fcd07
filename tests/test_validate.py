"""Whole-store validation: the same messages whether the store is validated in one part or split
by subject into several validated side by side, and every message traced to the facts behind it."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.store import Store
from graph.validate import validate_store
from graph.vocab import Base

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.generate import generate  # noqa: E402

XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "http://schema.org/"


def as_text(report) -> dict:
    return {key: sorted(map(str, messages)) for key, messages in report.items()}


def break_facts(path: Path) -> tuple[str, str, str]:
    """An event dated "1994-13", a second name for a person and a membership whose role is outside the
    scheme, each in a fact graph of its own; their graph names."""
    s = ox.Store(str(path))
    event_graph, event = next((r["g"], r["e"]) for r in s.query(
        "SELECT ?g ?e WHERE { GRAPH ?g { ?e a <http://schema.org/Event> } } LIMIT 1"))
    s.add(ox.Quad(event, ox.NamedNode(SCHEMA + "startDate"), ox.Literal("1994-13", datatype=ox.NamedNode(XSD + "gYearMonth")),
                  event_graph))
    person_graph, person = next((r["g"], r["p"]) for r in s.query(
        f"SELECT ?g ?p WHERE {{ GRAPH ?g {{ ?p a <{SCHEMA}Person> ; <{SCHEMA}name> ?n }} }} LIMIT 1"))
    s.add(ox.Quad(person, ox.NamedNode(SCHEMA + "name"), ox.Literal("Drugie Imię"), person_graph))
    role_graph, membership = next((r["g"], r["m"]) for r in s.query(
        "SELECT ?g ?m WHERE { GRAPH ?g { ?m a <http://www.w3.org/ns/org#Membership> } } LIMIT 1"))
    s.remove(next(iter(s.quads_for_pattern(membership, ox.NamedNode("http://www.w3.org/ns/org#role"), None, role_graph))))
    s.add(ox.Quad(membership, ox.NamedNode("http://www.w3.org/ns/org#role"), ox.NamedNode("http://example.org/role/cesarz"),
                  role_graph))
    del s
    gc.collect()
    return event_graph.value, person_graph.value, role_graph.value


def test_parts_validated_side_by_side_report_what_one_part_does(store_copy):
    broken = break_facts(store_copy)
    store = Store(store_copy, Base(), read_only=True)
    whole = as_text(validate_store(store, jobs=1))
    assert as_text(validate_store(store, jobs=3)) == whole
    keys = " ".join(key for key, messages in whole.items() if any(m.startswith("Violation") for m in messages))
    assert all(g in keys for g in broken), (broken, keys)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_synthetic_store_of_the_benchmark_is_valid(tmp_path, jobs):
    generate(tmp_path / "synthetic", 20_000, Base())
    store = Store(tmp_path / "synthetic", Base(), read_only=True)
    violations = [m for ms in validate_store(store, jobs=jobs).values() for m in ms if m.severity == "Violation"]
    assert not violations, violations[:3]


def test_a_message_on_a_node_no_fact_states_is_reported_not_dropped(store_copy):
    s = ox.Store(str(store_copy))
    s.add(ox.Quad(ox.NamedNode("http://example.org/stray"), ox.NamedNode("http://127.0.0.1:5000/ontology#reviewStatus"),
                  ox.NamedNode("http://example.org/maybe"), ox.NamedNode(Base().review)))
    del s
    gc.collect()
    report = validate_store(Store(store_copy, Base(), read_only=True), jobs=2)
    from graph.validate import UNTRACED
    assert [m.focus for m in report[UNTRACED]] == ["http://example.org/stray"]


def test_only_the_triples_a_shape_can_see_are_validated():
    from rdflib import BNode, Graph, URIRef
    from rdflib.namespace import RDF, SH

    from graph.validate import observed, shapes
    seen = observed(shapes(Base()))
    assert {"http://schema.org/name", "http://www.w3.org/ns/oa#start"} <= seen
    assert "http://www.w3.org/ns/oa#end" not in seen  # no shape reads the end of a quote
    closed = Graph()
    closed.add((BNode(), RDF.type, SH.NodeShape))
    closed.add((URIRef("http://example.org/S"), SH.closed, URIRef("http://www.w3.org/2001/XMLSchema#true")))
    assert observed(closed) is None  # a closed shape sees every predicate


@pytest.mark.parametrize("confidence,offset,expected", [
    ("0.85", "17", set()), ("1", "0", set()), ("1.0", "0", set()), ("0", "-0", set()), ("+.5", "+3", set()),
    ("1.5", "17", {"confidence"}), ("-0.1", "17", {"confidence"}), ("10", "17", {"confidence"}),
    ("1.01", "17", {"confidence"}), ("0.5", "-1", {"offset"}), ("2", "-12", {"confidence", "offset"}),
])
def test_confidence_and_offsets_are_checked_by_value(confidence, offset, expected):
    """A fact's confidence in [0, 1] and its evidence offset ≥ 0, whatever the lexical form."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, XSD as X

    from graph.validate import run_shacl
    base = Base()
    kr, oa, prov = base.kr, "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/prov#"
    fact, doc = URIRef("http://example.org/fact"), URIRef("http://example.org/doc")
    evidence, position, quote = (URIRef(f"{fact}#{part}") for part in ("evidence", "position", "quote"))
    g = Graph()
    for triple in [(fact, RDF.type, kr.Fact), (fact, URIRef(prov + "wasDerivedFrom"), doc), (doc, RDF.type, kr.Document),
                   (fact, kr.rule, Literal("test")), (fact, kr.confidence, Literal(confidence, datatype=X.decimal)),
                   (fact, kr.evidence, evidence), (evidence, URIRef(oa + "hasSource"), doc),
                   (evidence, URIRef(oa + "hasSelector"), position), (evidence, URIRef(oa + "hasSelector"), quote),
                   (position, URIRef(oa + "start"), Literal(offset, datatype=X.integer)),
                   (quote, URIRef(oa + "exact"), Literal("tekst"))]:
        g.add(triple)
    messages = [m.message_en for m in run_shacl(g, base) if m.severity == "Violation"]
    found = {"confidence" for m in messages if "confidence" in m} | {"offset" for m in messages if "evidence" in m}
    assert found == expected, messages
