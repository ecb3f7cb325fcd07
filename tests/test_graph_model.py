"""The knowledge-graph model: stable IRIs, one graph per fact, provenance, review state across rebuilds."""
from __future__ import annotations

import gc

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from graph.build import build_corpus
from graph.store import Conflict, Store
from graph.vocab import Base

from .conftest import CORPUS, SAMPLE

KR = "http://127.0.0.1:5000/ontology#"


def built(path) -> Store:
    store = Store(path, Base())
    build_corpus(store, [SAMPLE], echo=lambda m: None)
    return store


def fact_graphs(store: Store) -> set[str]:
    return {r["g"].value for r in store.query(f"SELECT ?g WHERE {{ GRAPH <{store.base.review}> {{ ?g ?p ?o }} }}")}


def entities(store: Store) -> set[str]:
    return {r["e"].value for r in store.query("SELECT DISTINCT ?e WHERE { ?e <http://schema.org/name> ?n }")}


def fact_about(store: Store, text: str) -> str:
    """The fact graph whose plain-Polish summary contains `text`."""
    rows = store.query(f"""SELECT ?g ?l WHERE {{ GRAPH <{store.base.provenance}> {{
        ?g a <{KR}Fact> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}""")
    hits = sorted(r["g"].value for r in rows if text in r["l"].value)
    assert hits, text
    return hits[0]


def in_default_graph(store: Store, fact: str) -> bool:
    triples = list(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(fact)))
    return all(any(store.ox.quads_for_pattern(q.subject, q.predicate, q.object, ox.DefaultGraph())) for q in triples)


def test_the_same_corpus_built_twice_gives_the_same_iris_and_graph_names(tmp_path):
    a, b = built(tmp_path / "a"), built(tmp_path / "b")
    assert fact_graphs(a) == fact_graphs(b) and len(fact_graphs(a)) > 30
    assert entities(a) == entities(b)
    assert "http://127.0.0.1:5000/id/person/jerzy-smialek" in entities(a)
    assert "http://127.0.0.1:5000/id/place/katowice" in entities(a)


def test_iris_follow_the_configured_base(tmp_path):
    store = Store(tmp_path / "s", Base("https://data.example.org/"))
    build_corpus(store, [SAMPLE], echo=lambda m: None)
    assert "https://data.example.org/id/person/jerzy-smialek" in entities(store)
    assert all(g.startswith("https://data.example.org/graph/fact/") for g in fact_graphs(store))


def test_every_fact_quotes_exactly_the_characters_at_its_offsets(tmp_path):
    store = built(tmp_path / "s")
    text = SAMPLE.read_text(encoding="utf-8")
    rows = list(store.query("""
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?g ?start ?end ?exact WHERE { GRAPH ?p {
          ?g <%sevidence> ?ev . ?ev oa:hasSelector ?pos, ?quote .
          ?pos oa:start ?start ; oa:end ?end . ?quote oa:exact ?exact } }""" % KR))
    assert len(rows) == len(fact_graphs(store))
    for r in rows:
        assert text[int(r["start"].value):int(r["end"].value)] == r["exact"].value


def test_a_rejected_fact_leaves_the_default_graph_and_comes_back_when_accepted(tmp_path):
    store = built(tmp_path / "s")
    fact = fact_about(store, "Michel Thiolliere — następca — François Dubanchet")
    assert in_default_graph(store, fact)
    store.set_status(fact, "rejected", "anna", "2026-01-01T00:00:00Z", expected="pending")
    assert not in_default_graph(store, fact)
    assert store.status(fact) == "rejected"
    assert list(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(fact))), "rejected facts are kept"
    store.set_status(fact, "accepted", "anna", "2026-01-01T00:00:01Z", expected="rejected")
    assert in_default_graph(store, fact)


def test_a_triple_two_facts_state_stays_public_while_one_of_them_is(tmp_path):
    """Rejecting one of two facts that state a triple keeps it public; rejecting the other (alone, or both in one
    transaction) takes it out; a correction's new fact keeps the triples it restates public."""
    store = Store(tmp_path / "s", Base())
    who, name = "http://127.0.0.1:5000/id/person/jan-lis", "http://schema.org/name"
    shared = [(URIRef(who), URIRef(name), Literal("Jan Lis"))]
    facts = [f"http://127.0.0.1:5000/graph/fact/{k}" for k in ("a", "b", "c", "d")]
    for fact in facts:
        store.add_fact(fact, shared, [])
    public = lambda: any(store.ox.quads_for_pattern(ox.NamedNode(who), ox.NamedNode(name), ox.Literal("Jan Lis"),  # noqa: E731
                                                    ox.DefaultGraph()))
    at = "2026-01-01T00:00:00Z"
    store.set_status(facts[0], "rejected", "anna", at)
    assert public()
    with store.transaction():
        store.set_status(facts[1], "rejected", "anna", at)
        store.set_status(facts[2], "rejected", "anna", at)
    assert public(), "the fourth fact still states it"
    with store.transaction():  # a correction: the new fact first, then the old one edited
        store.add_fact(facts[3] + "-corrected", shared, [], status="accepted")
        store.set_status(facts[3], "edited", "anna", at)
    assert public()
    store.set_status(facts[3] + "-corrected", "rejected", "anna", at)
    assert not public()


def test_a_stale_decision_is_a_conflict(tmp_path):
    store = built(tmp_path / "s")
    fact = fact_about(store, "Jerzy Śmiałek — prezydent — Katowice, 1991-08")
    store.set_status(fact, "accepted", "anna", "2026-01-01T00:00:00Z", expected="pending")
    with pytest.raises(Conflict) as e:
        store.set_status(fact, "rejected", "piotr", "2026-01-01T00:00:01Z", expected="pending")
    assert e.value.current == "accepted"


def test_decisions_survive_a_rebuild_with_a_changed_extractor(tmp_path, monkeypatch):
    """Accept a role and an event, reject a relation; change the rules so the event is no longer
    produced; rebuild: the decisions are still attached and the accepted event is still published."""
    store = built(tmp_path / "s")
    role = fact_about(store, "Jerzy Śmiałek — prezydent — Katowice, 1991-08")
    event = fact_about(store, "Inauguracja")
    relation = fact_about(store, "Michel Thiolliere — następca — François Dubanchet")
    store.set_status(role, "accepted", "anna", "2026-01-01T00:00:00Z")
    store.set_status(event, "accepted", "anna", "2026-01-01T00:00:00Z")
    store.set_status(relation, "rejected", "anna", "2026-01-01T00:00:00Z")
    pending_event = fact_about(store, "Wizyta")

    from extract.lexicon import lexicon
    monkeypatch.setitem(lexicon().raw, "event_triggers", {})
    from extract import pipeline
    pipeline.cache_clear()
    try:
        build_corpus(store, [SAMPLE], echo=lambda m: None, force=True)
    finally:
        pipeline.cache_clear()
    assert store.status(role) == "accepted"
    assert store.status(event) == "accepted" and in_default_graph(store, event)
    assert store.status(relation) == "rejected" and not in_default_graph(store, relation)
    assert store.status(pending_event) is None, "a pending fact the extractor no longer yields is dropped"


def test_rebuilding_an_unchanged_corpus_changes_nothing(tmp_path):
    store = built(tmp_path / "s")
    before = fact_graphs(store)
    result = build_corpus(store, sorted(CORPUS.glob("*.txt")), echo=lambda m: None)
    assert result.skipped == [SAMPLE.name]
    assert fact_graphs(store) == before
    del store
    gc.collect()


def test_a_town_acting_as_a_body_is_an_organisation_only_where_its_officers_are_named(tmp_path):
    text = tmp_path / "gminy.txt"
    text.write_text("Gmina Lipnik podpisała umowę z Gminą Hradovce w 2004 r. Wójt Gminy Lipnik Jan Mak podziękował.\n",
                    encoding="utf-8")
    store = Store(tmp_path / "store", Base())
    build_corpus(store, [text], echo=lambda m: None)
    types = {}
    for r in store.query("SELECT ?e ?t WHERE { ?e a ?t ; <http://schema.org/name> ?n }"):
        types.setdefault(r["e"].value.rsplit("/", 1)[-1], set()).add(r["t"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
    assert types["gmina-lipnik"] == {"Place", "Organization"}, types
    assert types["gmina-hradovce"] == {"Place"}, types
