"""The review queue's side index (issue 16 §1–2, §5): it follows every write, answers filters and
searches, survives a process killed between the store's commit and its own, and re-ingesting a
changed text replaces evidence instead of adding to it."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from graph.build import ingest_text
from graph.queue_index import STALE
from graph.review import Review
from graph.store import Store
from graph.vocab import OA, ORG, PROV, RDF, RDFS, SCHEMA, XSD, Base

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("W 2004 roku do Opola przyjechał burmistrz Jerzy Śmiałek. "
        "Spotkał się z nim prezydent miasta Anna Kowalska. Delegacja odwiedziła Muzeum Śląska Opolskiego.")


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "store", Base())
    ingest_text(s, "opole.txt", TEXT)
    return s


def keys(views) -> list[str]:
    return [v.key for v in views]


def test_the_queue_lists_every_pending_fact_once_and_counts_follow_decisions(store):
    review = Review(store)
    views, total = review.facts(limit=500)
    assert total == len(views) == len(set(keys(views))) > 3
    assert all(TEXT[v.start:v.end] and v.sentence for v in views)
    review.decide(views[0].key, "rejected", "anna", expected="pending")
    assert review.counts(status=None) == {"pending": total - 1, "rejected": 1}
    assert keys(review.facts(status="rejected")[0]) == [views[0].key]
    assert views[0].key not in keys(review.facts(limit=500)[0])


def test_search_ignores_diacritics_and_completes_the_last_word(store):
    review = Review(store)
    for words in ("Smialek", "śmiałek", "Jerzy Smia"):
        found, total = review.facts(search=words, limit=500)
        assert total == len(found) > 0 and all("Śmiałek" in v.summary or "Śmiałek" in v.sentence for v in found), words
    assert review.facts(search='Śmiałek" OR "x*')[1] == 0, "quotes and operators are words, not query syntax"
    assert review.facts(search="Śmiałek\x00")[1] > 0, "control characters are no part of a word"
    assert review.facts(search="Kowalska")[1] > 0 and review.facts(search="Zzyzx")[1] == 0
    # a word only the evidence sentence holds, no fact's title: the facts told in that sentence
    found, total = review.facts(search="odwiedzila", limit=500)
    assert total == len(found) > 0 and all("odwiedziła" in v.sentence and "odwiedziła" not in v.summary for v in found)


def _entity_fact(store: Store, key: str, types: list, name: str) -> str:
    """A hand-made entity fact with its evidence, as the extractor would write it."""
    base, kr = store.base, store.kr
    fact, entity = base.fact(key), URIRef(base.id("organisation", key))
    doc = URIRef(base.id("document", "opole-txt"))
    g, ev, pos = URIRef(fact), URIRef(fact + "#evidence"), URIRef(fact + "#position")
    provenance = [(g, RDF.type, kr.Fact), (g, RDF.type, kr.EntityFact), (g, RDFS.label, Literal(name, lang="pl")),
                  (g, PROV.wasDerivedFrom, doc), (g, kr.rule, Literal("test")),
                  (g, kr.confidence, Literal("0.50", datatype=XSD.decimal)), (g, kr.evidence, ev),
                  (ev, OA.hasSelector, pos), (pos, RDF.type, OA.TextPositionSelector),
                  (pos, OA.start, Literal(0, datatype=XSD.integer)), (pos, OA.end, Literal(2, datatype=XSD.integer))]
    with store.writing():
        store.add_fact(fact, [(entity, RDF.type, t) for t in types] + [(entity, SCHEMA.name, Literal(name))], provenance)
    return key


def test_an_organisation_that_is_also_a_place_is_filtered_as_an_organisation(store):
    both = _entity_fact(store, "aa" * 8, [ORG.Organization, SCHEMA.Place], "Urząd")
    place = _entity_fact(store, "bb" * 8, [SCHEMA.Place], "Rynek")
    review = Review(store)
    places = keys(review.facts(entity_type="place", limit=500)[0])
    organisations = keys(review.facts(entity_type="organisation", limit=500)[0])
    assert place in places and both not in places
    assert both in organisations and place not in organisations
    halves = review.facts(min_confidence=0.5, max_confidence=0.5, limit=500)[0]
    assert {both, place} <= set(keys(halves)) and all(v.confidence == 0.5 for v in halves)


def test_paging_walks_the_whole_queue_without_repeats(store):
    review = Review(store)
    total = review.facts(limit=1)[1]
    seen = [k for offset in range(0, total, 2) for k in keys(review.facts(limit=2, offset=offset)[0])]
    assert len(seen) == len(set(seen)) == total


def test_reingesting_a_changed_text_replaces_evidence_and_keeps_decisions(store):
    review = Review(store)
    before, total = review.facts(limit=500)
    decided = next(v for v in before if "Kowalska" in v.summary)
    review.decide(decided.key, "accepted", "anna", expected="pending")
    changed = TEXT + " Wizyta trwała trzy dni."
    report, _ = ingest_text(store, "opole.txt", changed, replace=True)
    assert report.added == 0 and report.unchanged == total
    after, after_total = review.facts(status=None, limit=500)
    assert after_total == len(after) == total, "each fact once, in the count and in the rows"
    assert review.fact(decided.key).status == "accepted"
    prov = ox.NamedNode(store.base.provenance)
    for v in after:
        starts = list(store.ox.quads_for_pattern(ox.NamedNode(v.iri + "#position"), ox.NamedNode(str(OA.start)), None, prov))
        ends = list(store.ox.quads_for_pattern(ox.NamedNode(v.iri + "#position"), ox.NamedNode(str(OA.end)), None, prov))
        assert len(starts) == 1, f"{v.summary}: one oa:start, not {len(starts)}"
        assert len(ends) == 1, f"{v.summary}: one oa:end, not {len(ends)}"
        assert v.start == int(starts[0].object.value) and v.end == int(ends[0].object.value)
        assert changed[v.start:v.end] == TEXT[v.start:v.end]


def test_a_rebuilt_index_equals_the_one_kept_by_writes(store):
    review = Review(store)
    review.decide(review.facts()[0][0].key, "accepted", "anna")
    kept = [vars(v) | {"triples": None} for v in review.facts(status=None, limit=500)[0]]
    store.queue_index.invalidate()
    assert store.queue_index.version() == STALE
    rebuilt = [vars(v) | {"triples": None} for v in review.facts(status=None, limit=500)[0]]
    assert rebuilt == kept



def test_the_rows_a_build_loads_in_batches_equal_a_rebuilds(tmp_path):
    """A build makes the queue rows of what it bulk-loads from the triples just loaded, several documents at once;
    rebuilt from the store, the index holds the same rows."""
    from graph.build import build_corpus
    from .conftest import TEXTS
    store = Store(tmp_path / "store", Base())
    build_corpus(store, sorted(TEXTS.glob("*.txt"))[:6], echo=lambda _m: None, load_batch=600)
    def rows():
        return store.queue()._db().execute("SELECT * FROM facts ORDER BY iri").fetchall()
    kept = rows()
    assert len(kept) > 100
    store.queue_index.invalidate()
    assert rows() == kept

KILL = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r})
    from graph.review import Review
    from graph.store import Store
    from graph.queue_index import QueueIndex
    from graph.vocab import Base
    where = sys.argv[2]
    if where == "before-commit":        # both steps of the decision staged, nothing committed
        original = Review._audit
        def _audit(self, *a, **k):
            original(self, *a, **k)
            os._exit(9)
        Review._audit = _audit
    else:                               # the store committed, the index not yet
        def update(self, rows, version, **k):
            os._exit(9)
        QueueIndex.update = update
    store = Store(sys.argv[1], Base(), shared=True)
    Review(store).decide(sys.argv[3], "rejected", "anna", expected="pending")
""")


def _killed_decision(path: Path, where: str, key: str) -> None:
    done = subprocess.run([sys.executable, "-c", KILL.format(root=str(ROOT)), str(path), where, key],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr


def _audited(store: Store, fact: str) -> bool:
    return any(store.ox.quads_for_pattern(None, ox.NamedNode(str(PROV.used)), ox.NamedNode(fact),
                                          ox.NamedNode(store.base.audit)))


@pytest.mark.parametrize("where", ["before-commit", "after-commit"])
def test_a_decision_killed_midway_is_all_or_nothing(tmp_path, where):
    store = Store(tmp_path / "store", Base())
    ingest_text(store, "opole.txt", TEXT)
    key = Review(store).facts()[0][0].key
    store.close()
    del store
    _killed_decision(tmp_path / "store", where, key)
    store = Store(tmp_path / "store", Base(), shared=True)
    review = Review(store)
    fact = review.fact(key)
    if where == "before-commit":
        assert fact.status == "pending" and not _audited(store, fact.iri), "neither the status nor its audit record"
    else:
        assert fact.status == "rejected" and _audited(store, fact.iri), "the status and its audit record, together"
        assert key in keys(review.facts(status="rejected")[0]), "the queue caught up from the killed write's note"
    assert store.queue_index.dirty() == [fact.iri], "the killed write's note is kept until a write settles it"
    review.decide(key, "accepted", "anna")
    assert store.queue_index.dirty() == []
    assert os.path.exists(tmp_path / "store-queue.sqlite")


def _documents(store: Store) -> dict[str, str]:
    return {r["d"].value: r["n"].value for r in store.query(f"""SELECT ?d ?n WHERE {{ GRAPH <{store.base.provenance}> {{
        ?d a <{store.kr.Document}> ; <{SCHEMA.name}> ?n }} }}""")}


def test_a_different_text_of_the_same_name_is_a_new_document_unless_replacing(store):
    review = Review(store)
    total = review.facts(limit=500)[1]
    other = "Burmistrz Jan Nowak odwiedził Sanok w 2010 roku."
    report, _ = ingest_text(store, "sub/dir/opole.txt", other, uploader="anna")
    assert report.document.endswith("/document/opole-2") and report.dropped == 0
    assert sorted(_documents(store).values()) == ["opole-2.txt", "opole.txt"]
    assert review.facts(limit=500)[1] == total + report.added, "the first document's facts are all still there"
    uploads = list(store.query(f"""SELECT ?f ?h ?who ?doc WHERE {{ GRAPH <{store.base.provenance}> {{
        ?u a <{store.kr.Upload}> ; <{store.kr.fileName}> ?f ; <{store.kr.contentHash}> ?h ; <{PROV.generated}> ?doc ;
           <{PROV.endedAtTime}> ?t . OPTIONAL {{ ?u <{PROV.wasAssociatedWith}> ?who }} }} }}"""))
    assert {(r["f"].value, r["doc"].value.rsplit("/", 1)[-1], r["who"].value.rsplit("/", 1)[-1] if r["who"] else None)
            for r in uploads} == {("opole.txt", "opole", None), ("opole-2.txt", "opole-2", "anna")}
    again, _ = ingest_text(store, "opole.txt", TEXT)
    assert again.document.endswith("/document/opole") and again.added == 0, "the same text again is the same document"


def test_a_replacement_keeps_the_old_text_and_flags_decided_facts_whose_evidence_moved(store):
    review = Review(store)
    decided = next(v for v in review.facts(limit=500)[0] if "Kowalska" in v.summary and v.kind == "entity")
    review.decide(decided.key, "accepted", "anna")
    report, _ = ingest_text(store, "opole.txt", "Zupełnie inny tekst o mieście bez nazwisk.", replace=True)
    assert decided.iri in report.kept and report.dropped > 0
    assert review.fact(decided.key).status == "accepted", "a decision survives the replacement"
    assert any("evidence moved" in m for m in review.fact(decided.key).messages)
    versions = list(store.query(f"""SELECT ?text WHERE {{ GRAPH <{store.base.provenance}> {{
        ?v a <{store.kr.DocumentVersion}> ; <http://purl.org/dc/terms/isVersionOf> <{report.document}> ;
           <{SCHEMA.text}> ?text }} }}"""))
    assert [r["text"].value for r in versions] == [TEXT]
    public = {q.object.value for q in store.ox.quads_for_pattern(None, ox.NamedNode(str(SCHEMA.name)), None,
                                                                  ox.DefaultGraph())}
    assert "Anna Kowalska" in public, "a decided fact stays public"
    assert "Jerzy Śmiałek" not in public, "the dropped facts left the public view in the same upload"


def test_an_index_left_by_a_deleted_store_is_not_taken_for_a_new_ones(tmp_path):
    import shutil
    first = Store(tmp_path / "store", Base())
    ingest_text(first, "opole.txt", TEXT)
    first.close()
    del first
    shutil.rmtree(tmp_path / "store")  # `make clean`: the store goes, its index beside it stays
    second = Store(tmp_path / "store", Base())
    ingest_text(second, "sanok.txt", "Burmistrz Jan Nowak odwiedził Sanok w 2010 roku.")
    views, total = Review(second).facts(status=None, limit=500)
    assert total == len(views) > 0 and {v.document.rsplit("/", 1)[-1] for v in views} == {"sanok"}
