"""`kronika extract` streams: each part of a text is written before the next is read, the output holds
every fact the whole-document path finds, and an entity named in the first part and the last is one IRI."""
from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import extract
from extract.linker import Entity
from graph import ntriples as nt
from graph.build import Extraction, write_extraction
from graph.facts import XSD_INTEGER, EventSlugs, FactBuilder
from graph.store import quads
from graph.vocab import ROLES_FILE, Base
from server.cli import cli

from .conftest import SAMPLE, TEXTS

BASE = Base()
PRESIDENT = "W 2002 r. prezydent Opola Ryszard Zembaczyński przyjął w ratuszu delegację z Grazu."


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of about 3,000 characters instead of 20,000, so a text of a few pages has many."""
    whole = extract.chunks
    monkeypatch.setattr(extract, "chunks", lambda text: whole(text, 3_000))


@pytest.fixture(scope="module")
def long_text() -> str:
    """The same mayor in the first paragraph and the last, the in-house texts between."""
    texts = [SAMPLE.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt")))]
    return "\n\n".join([PRESIDENT, *texts, PRESIDENT])


def dataset(path) -> set[str]:
    return {str(q) for q in ox.parse(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:]))}


def whole_document_quads(files: list[tuple[str, str]]) -> set[str]:
    """What the extraction must contain, built the way `kronika build` does: all facts of a document at once."""
    builder = FactBuilder(BASE)
    out = {str(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(BASE.vocabulary)))
           for t in ox.parse(path=str(ROLES_FILE), format=ox.RdfFormat.TURTLE, base_iri=BASE.iri)}
    for name, text in files:
        facts = builder.build(list(extract.read_chunks(text)), name, text)
        out |= {str(ox.Quad(*map(nt.to_ox, t), ox.NamedNode(BASE.provenance)))
                for t in builder.provenance_terms(facts)}
        for f in facts.facts:
            out |= {str(q) for q in quads(f.triples, BASE.fact(f.key))}
            out.add(str(ox.Quad(ox.NamedNode(BASE.fact(f.key)), ox.NamedNode(BASE.kr.reviewStatus),
                                ox.NamedNode(BASE.kr.pending), ox.NamedNode(BASE.review))))
    return out


def test_extract_of_a_text_in_many_parts_holds_every_fact_of_the_whole_document_path(small_parts, long_text, tmp_path):
    assert len(list(extract.chunks(long_text))) > 5
    second = tmp_path / "opole-praga.txt"
    second.write_text((TEXTS / "opole-praga.txt").read_text(encoding="utf-8"), encoding="utf-8")
    first = tmp_path / "long.txt"
    first.write_text(long_text, encoding="utf-8")
    expected = whole_document_quads([(first.name, long_text), (second.name, second.read_text(encoding="utf-8"))])
    for suffix in (".nq", ".trig", ".jsonld"):
        out = tmp_path / f"out{suffix}"
        result = CliRunner().invoke(cli, ["extract", str(first), str(second), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert dataset(out) == expected, suffix
    out = tmp_path / "out.nt"
    assert CliRunner().invoke(cli, ["extract", str(first), str(second), "-o", str(out)]).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    union = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in ox.parse(path=str(tmp_path / "out.nq"))}
    assert len(lines) == len(set(lines)) == len(union), "each triple once, though many facts state it"
    assert dataset(out) == union
    out = tmp_path / "out.ttl"
    assert CliRunner().invoke(cli, ["extract", str(first), str(second), "-o", str(out)]).exit_code == 0
    assert dataset(out) == union, "Turtle holds the same union as N-Triples"


def test_a_person_named_in_the_first_part_and_the_last_is_one_entity(small_parts, long_text, tmp_path):
    source = tmp_path / "long.txt"
    source.write_text(long_text, encoding="utf-8")
    out = tmp_path / "out.nq"
    assert CliRunner().invoke(cli, ["extract", str(source), "-o", str(out)]).exit_code == 0
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.N_QUADS)
    rows = list(store.query("""
        PREFIX schema: <http://schema.org/> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT DISTINCT ?person ?start WHERE {
          GRAPH ?fact { ?person a schema:Person ; schema:name "Ryszard Zembaczyński" }
          ?fact schema:about ?person ; <http://127.0.0.1:5000/ontology#evidence>/oa:hasSelector/oa:start ?start }""",
        use_default_graph_as_union=True))
    persons = {r["person"].value for r in rows}
    starts = sorted(int(r["start"].value) for r in rows)
    assert len(persons) == 1, persons
    assert starts[0] < len(PRESIDENT) and starts[-1] > len(long_text) - len(PRESIDENT), starts


def person_part(name: str, start: int) -> extract.Extracted:
    entity = Entity(f"person:{name}", "person", names=Counter({name: 1}),
                    mentions=[(start, start + len(name), "known-name", start, start + 40)])
    return extract.Extracted({entity.key: entity}, [], [], [])


def test_each_part_is_written_before_the_next_is_read():
    read = []

    def parts():
        for i, name in enumerate(["Jan Kowalski", "Anna Nowak", "Jan Kowalski"]):
            read.append(i)
            yield person_part(name, 100 * i)

    parts_read_when_written = {}
    for graphs in Extraction(FactBuilder(BASE)).parts([("kronika.txt", "x" * 400, parts())]):
        for graph, _triples in graphs:
            if "/graph/fact/" in graph:
                parts_read_when_written[graph] = len(read)
    assert sorted(parts_read_when_written.values()) == [1, 2, 3]


def test_the_same_name_in_distant_parts_is_one_iri_and_each_mention_its_own_fact():
    extraction = Extraction(FactBuilder(BASE))
    parts = [person_part("Jan Kowalski", 0), *(person_part(f"Osoba {i}", 100 * i) for i in range(1, 50)),
             person_part("Jan Kowalski", 5_000)]
    persons = {s for graphs in extraction.parts([("kronika.txt", "x" * 6_000, iter(parts))])
               for _graph, triples in graphs for s, p, o in triples
               if p == "<http://schema.org/name>" and o == '"Jan Kowalski"'}
    assert persons == {f"<{BASE.id('person', 'jan-kowalski')}>"}
    assert extraction.facts == 51


def test_a_failed_extraction_leaves_no_output(tmp_path):
    def parts():
        yield person_part("Jan Kowalski", 0)
        raise RuntimeError("extraction failed at character 20000")

    out = tmp_path / "out.nq"
    with pytest.raises(RuntimeError):
        write_extraction([("kronika.txt", "x" * 100, parts())], FactBuilder(BASE), out)
    assert list(tmp_path.iterdir()) == []


def test_event_slugs_are_those_of_walking_the_used_ones_each_time():
    wanted = ["wizyta-2002-opole", "wizyta-2002-opole", "wizyta-2002-opole-2", "wizyta-2002-opole",
              "podpisanie-2002-opole", "wizyta-2002-opole-2-2", "wizyta-2002-opole"]
    used, walked = set(), []
    for slug in wanted:
        while slug in used:
            slug += "-2"
        used.add(slug)
        walked.append(slug)
    slugs = EventSlugs()
    assert [slugs.unique(s) for s in wanted] == walked


def test_literals_written_as_n_triples_read_back_as_they_were():
    value = 'Rzekł: „Tak” — "cytat" \\ ukośnik\nnowa linia\r\tkoniec\x01'
    literals = [ox.Literal(value), ox.Literal(value, language="pl"), ox.Literal("12", datatype=ox.NamedNode(XSD_INTEGER))]
    written = [nt.literal(value), nt.literal(value, language="pl"), nt.literal("12", XSD_INTEGER)]
    text = "".join(nt.line("<http://example.org/s>", "<http://example.org/p>", o) for o in written)
    assert [t.object for t in ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES)] == literals
    assert [nt.to_ox(o) for o in written] == literals
    assert [nt.to_ox(str(o)) for o in literals] == literals, "as Oxigraph writes them (the vocabulary's)"
    assert nt.to_ox("<http://example.org/s>") == ox.NamedNode("http://example.org/s")


@pytest.mark.parametrize("suffix", [".trig", ".jsonld"])
def test_a_text_longer_than_oxigraphs_parser_buffer_is_written_in_every_format(tmp_path, suffix):
    """The document's text is one literal: over 16 MiB, Oxigraph's parser refuses it, so the output is never
    read back through it on the way out."""
    text = "Jan Kowalski był tu.\n" * 900_000
    out = tmp_path / f"out{suffix}"
    assert write_extraction([("kronika.txt", text, iter([person_part("Jan Kowalski", 0)]))], FactBuilder(BASE), out) == 1
    assert out.stat().st_size > len(text)
