"""The `kronika` command: extraction output, bad input, build, validate."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef

from server.cli import cli

from .conftest import SAMPLE


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


@pytest.mark.parametrize("suffix,fmt", [(".trig", "trig"), (".nq", "nquads"), (".ttl", "turtle")])
def test_extract_writes_facts_in_the_format_of_the_extension(tmp_path, suffix, fmt):
    out = tmp_path / f"out{suffix}"
    result = run("extract", SAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    if fmt == "turtle":
        g = Graph().parse(out, format=fmt)
        assert len(g) > 100
    else:
        ds = Dataset()
        ds.parse(out, format=fmt)
        graphs = {str(c.identifier) for c in ds.graphs()}
        assert any("/graph/fact/" in g for g in graphs)
        assert "http://127.0.0.1:5000/graph/provenance" in graphs
    names = {str(o) for o in Graph().parse(out, format=fmt).objects(None, URIRef("http://schema.org/name"))} \
        if fmt == "turtle" else {str(o) for _s, _p, o, _g in ds.quads((None, URIRef("http://schema.org/name"), None, None))}
    assert "Jerzy Śmiałek" in names


def test_extract_of_empty_text_is_an_empty_graph(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out.trig"
    result = run("extract", empty, "-o", out)
    assert result.exit_code == 0
    ds = Dataset()
    ds.parse(out, format="trig")
    assert not [q for q in ds.quads((None, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                     URIRef("http://schema.org/Person"), None))]


@pytest.mark.parametrize("make,problem", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "is a directory"),
    (lambda p: (p / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00") and p / "bin.txt", "binary"),
    (lambda p: (p / "latin2.txt").write_bytes("Łódź".encode("iso-8859-2")) and p / "latin2.txt", "not UTF-8"),
])
def test_extract_refuses_bad_input_with_one_clear_line(tmp_path, make, problem):
    path = make(tmp_path)
    proc = subprocess.run([sys.executable, "-c", "from server.cli import main; main()", "extract", str(path),
                           "-o", str(tmp_path / "out.trig")], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0] and str(path) in lines[0]


def test_a_polish_text_misread_in_a_western_encoding_is_repaired_character_for_character():
    from extract.source import check_text
    sentence = "Burmistrz Łodzi Jan Żółtek spotkał się z prezesem Międzyszkolnego Ośrodka Sportowego w Gdańsku."
    for wrong, right in (("latin-1", "iso-8859-2"), ("cp1252", "cp1250")):
        garbled = sentence.encode(right).decode(wrong)  # "Miêdzyszkolnego O¶rodka", "Miêdzyszkolnego Oœrodka"
        assert garbled != sentence
        assert check_text(garbled.encode("utf-8"), "x.txt") == sentence
    for text in ("La fête de Sainte-Hélène à Montréal.", sentence):  # not Polish mojibake: kept as it is
        assert check_text(text.encode("utf-8"), "x.txt") == text


def test_extract_refuses_an_unwritable_output(tmp_path):
    result = run("extract", SAMPLE, "-o", tmp_path / "no" / "such" / "dir" / "out.trig")
    assert result.exit_code == 1 and "does not exist" in result.output
    result = run("extract", SAMPLE, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1 and "unknown output format" in result.output


def test_build_refuses_facts_that_violate_shapes(tmp_path, monkeypatch):
    """A person with two names violates a sh:Violation shape: build prints the fact and why, and leaves it out."""
    from rdflib import Literal
    import graph.facts as facts_module

    original = facts_module.FactBuilder.build

    def broken(self, docs, name, text):
        result = original(self, docs, name, text)
        person = next(f for f in result.facts if f.kind == "entity" and "Śmiałek" in f.summary)
        subject = person.triples[0][0]
        person.triples.append((subject, URIRef("http://schema.org/name"), Literal("Drugie Imię")))
        return result

    monkeypatch.setattr(facts_module.FactBuilder, "build", broken)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SAMPLE.name).write_text(SAMPLE.read_text())
    store = tmp_path / "store"
    result = run("build", "--corpus", corpus, "--store", store)
    assert result.exit_code == 0, result.output
    assert "refused:" in result.output and "Jerzy Śmiałek" in result.output
    assert "exactly one name" in result.output
    import gc
    import pyoxigraph as ox
    gc.collect()
    s = ox.Store.read_only(str(store))
    names = {r["n"].value for r in s.query("SELECT ?n WHERE { ?p <http://schema.org/name> ?n }")}
    assert "Drugie Imię" not in names and "Jerzy Śmiałek" not in names
    assert "François Dubanchet" in names


def test_validate_reports_per_fact_and_fails_on_violations(store_copy):
    result = run("validate", "--store", store_copy)
    assert result.exit_code == 0, result.output
    assert "0 violation(s)" in result.output
    import pyoxigraph as ox
    s = ox.Store(str(store_copy))
    g = next(r["g"] for r in s.query(
        "SELECT ?g WHERE { GRAPH ?g { ?e a <http://schema.org/Event> } } LIMIT 1"))
    e = next(r["e"] for r in s.query(f"SELECT ?e WHERE {{ GRAPH {g} {{ ?e a <http://schema.org/Event> }} }}"))
    s.add(ox.Quad(e, ox.NamedNode("http://schema.org/startDate"),
                  ox.Literal("1994-13", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")), g))
    del s
    import gc
    gc.collect()
    result = run("validate", "--store", store_copy)
    assert result.exit_code == 1
    assert g.value in result.output and "must have a date" in result.output


def test_build_skips_unchanged_documents(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SAMPLE.name).write_text(SAMPLE.read_text())
    store = tmp_path / "store"
    assert run("build", "--corpus", corpus, "--store", store).exit_code == 0
    import gc
    gc.collect()
    second = run("build", "--corpus", corpus, "--store", store)
    assert "unchanged, skipped" in second.output


def test_build_with_two_jobs_gives_the_same_graphs_as_one(tmp_path):
    from .conftest import TEXTS
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for text in sorted(TEXTS.glob("*.txt")):
        (corpus / text.name).write_text(text.read_text())
    import gc
    import pyoxigraph as ox

    graphs = []
    for jobs in (1, 2):
        store = tmp_path / f"store{jobs}"
        result = run("build", "--corpus", corpus, "--store", store, "--jobs", jobs)
        assert result.exit_code == 0, result.output
        gc.collect()
        s = ox.Store.read_only(str(store))
        graphs.append({r["g"].value for r in s.query(
            "SELECT ?g WHERE { GRAPH <http://127.0.0.1:5000/graph/review> { ?g ?p ?o } }")})
        del s
    assert graphs[0] == graphs[1] and len(graphs[0]) > 50


def _store_quads(path) -> set:
    """Every quad of a store but those of its id and version (which each build makes anew)."""
    import gc
    import pyoxigraph as ox
    gc.collect()  # the build's store object, so the store can be opened
    meta = ox.NamedNode("http://127.0.0.1:5000/graph/meta")
    return {q for q in ox.Store.read_only(str(path)) if q.graph_name != meta}


def test_a_build_resumes_documents_whose_bulk_load_was_cut_short(tmp_path):
    """A build loads a new document with the bulk loader, which is not atomic: first (in a transaction) the
    source of each of its fact graphs, then everything else in one load, then (in a transaction) its text and
    content hash. Every state a kill can leave is made here by hand: one document with only its facts'
    sources, one with half of the rest, one with everything but the text and hash. Run again, the build ends
    with the store of a build never interrupted."""
    import pyoxigraph as ox
    from .conftest import TEXTS
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for text in sorted(TEXTS.glob("*.txt"))[:4]:
        (corpus / text.name).write_text(text.read_text())
    clean, cut = tmp_path / "clean", tmp_path / "cut"
    for store in (clean, cut):
        assert run("build", "--corpus", corpus, "--store", store).exit_code == 0
    expected = _store_quads(clean)

    base = "http://127.0.0.1:5000/"
    provenance, review = ox.NamedNode(base + "graph/provenance"), ox.NamedNode(base + "graph/review")
    source = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
    last = {base + "ontology#contentHash", "http://schema.org/text"}
    store = ox.Store(str(cut))
    documents = sorted({q.subject.value for q in store.quads_for_pattern(
        None, ox.NamedNode(base + "ontology#contentHash"), None, provenance)})
    assert len(documents) == 4
    removed = []
    for cut_at, document in zip(("named", "loading", "hash"), documents):
        graphs = sorted(q.subject.value for q in store.quads_for_pattern(None, source, ox.NamedNode(document), provenance))
        assert len(graphs) > 4
        loaded = [q for q in store.quads_for_pattern(ox.NamedNode(document), None, None, provenance)
                  if q.predicate.value not in last]
        loaded += [q for q in store.quads_for_pattern(None, None, None, provenance)
                   if q.subject.value.split("#")[0] in graphs and q.predicate != source]
        loaded += [q for g in graphs for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))]
        loaded += [q for g in graphs for q in store.quads_for_pattern(ox.NamedNode(g), None, None, review)]
        removed += [q for q in store.quads_for_pattern(ox.NamedNode(document), None, None, provenance)
                    if q.predicate.value in last]
        if cut_at == "named":  # killed before the load: only the sources
            removed += loaded
        elif cut_at == "loading":  # killed while loading: every other quad of it is missing
            removed += loaded[::2]
    for q in removed:
        store.remove(q)
    store.flush()
    del store
    assert _store_quads(cut) != expected

    again = run("build", "--corpus", corpus, "--store", cut)
    assert again.exit_code == 0, again.output
    assert again.output.count("cleared what an interrupted build had loaded") == 3, again.output
    assert again.output.count("new facts") == 3, again.output  # the three cut short, loaded again
    assert _store_quads(cut) == expected


def test_a_build_loads_new_documents_in_batches_and_a_kill_loses_only_the_batch_being_loaded(tmp_path):
    """Documents new to the store are bulk-loaded several at a time (KRONIKA_LOAD_BATCH fact triples): the store
    is the one of loading each alone, and a build killed after a batch was stored resumes with the rest."""
    import os
    import signal
    from .conftest import TEXTS
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = sorted(TEXTS.glob("*.txt"))[:8]
    for text in texts:
        (corpus / text.name).write_text(text.read_text())
    alone, batched, killed = tmp_path / "alone", tmp_path / "batched", tmp_path / "killed"
    each = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "--store", str(alone)], env={"KRONIKA_LOAD_BATCH": "1"})
    assert each.exit_code == 0, each.output
    together = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "--store", str(batched)],
                                  env={"KRONIKA_LOAD_BATCH": "600"})
    assert together.exit_code == 0, together.output
    assert _store_quads(batched) == _store_quads(alone)

    stored = []
    env = {**os.environ, "KRONIKA_LOAD_BATCH": "600"}
    with subprocess.Popen([sys.executable, "-c", "from server.cli import main; main()", "build", "--corpus", str(corpus),
                           "--store", str(killed)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True) as build:
        for line in build.stderr:  # a batch's documents are announced once all of them are in the store
            if " new facts, " in line:
                build.send_signal(signal.SIGKILL)
                stored.append(line.split(":", 1)[0])
                break
        build.kill()
    assert stored, "the build ended before it stored a batch"
    again = run("build", "--corpus", corpus, "--store", killed)
    assert again.exit_code == 0, again.output
    skipped = again.output.split("unchanged, skipped: ", 1)[1].splitlines()[0].split(", ")
    assert set(stored) <= set(skipped) and len(skipped) < len(texts), again.output
    assert _store_quads(killed) == _store_quads(alone)


def test_ner_lists_mentions_with_offsets_as_jsonl_and_html(tmp_path):
    import json
    result = run("ner", SAMPLE)
    assert result.exit_code == 0
    mentions = [json.loads(line) for line in result.output.splitlines()]
    text = SAMPLE.read_text(encoding="utf-8")
    assert all(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    labels = {m["label"] for m in mentions}
    assert {"persName", "orgName", "placeName", "date"} <= labels
    out = tmp_path / "ner.html"
    assert run("ner", SAMPLE, "--format", "html", "-o", out).exit_code == 0
    assert "persName" in out.read_text() and "<mark" in out.read_text()


def test_curator_accounts_from_the_command_line(tmp_path):
    store = tmp_path / "store"
    runner = CliRunner()
    added = runner.invoke(cli, ["curator", "add", "anna", "--store", str(store)], input="dobre-haslo-1\n")
    assert added.exit_code == 0, added.output
    assert runner.invoke(cli, ["curator", "add", "anna", "--store", str(store)], input="dobre-haslo-1\n").exit_code == 1
    short = runner.invoke(cli, ["curator", "add", "jan", "--store", str(store)], input="krotkie\n")
    assert short.exit_code == 1 and "at least 8" in short.output
    listing = runner.invoke(cli, ["curator", "list", "--store", str(store)])
    assert "anna\tcurator\tactive" in listing.output
    token = runner.invoke(cli, ["curator", "token", "anna", "--store", str(store)]).output.strip()
    from server.curators import Curators
    accounts = Curators(str(store) + "-curators.sqlite")
    assert accounts.by_token(token).name == "anna"
    assert accounts.check("anna", "dobre-haslo-1") is not None
    assert runner.invoke(cli, ["curator", "disable", "anna", "--store", str(store)]).exit_code == 0
    assert accounts.by_token(token) is None and accounts.check("anna", "dobre-haslo-1") is None


def test_ingest_queues_a_new_text_and_refuses_bad_ones(store_copy, tmp_path):
    text = tmp_path / "krakow.txt"
    text.write_text("W maju 2001 r. Prezydent Krakowa Jan Nowak odwiedził Norymbergę.", encoding="utf-8")
    result = run("ingest", text, "--store", store_copy)
    assert result.exit_code == 0 and "new facts queued" in result.output
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01")
    bad = run("ingest", binary, "--store", store_copy)
    assert bad.exit_code == 1 and "binary" in bad.output
    import gc
    import pyoxigraph as ox
    gc.collect()
    s = ox.Store.read_only(str(store_copy))
    assert bool(s.query('ASK { ?p <http://schema.org/name> "Jan Nowak" }'))


@pytest.mark.parametrize("command", [["ingest", SAMPLE], ["validate"], ["export", "-o", "out.nq"], ["serve"]])
def test_commands_refuse_a_store_path_that_does_not_exist_and_create_nothing(tmp_path, command):
    typo = tmp_path / "no" / "such-store"
    args = [a if a != "out.nq" else tmp_path / "out.nq" for a in command]
    result = run(*args, "--store", typo)
    assert result.exit_code != 0
    assert "no store here" in result.output and str(typo) in result.output, result.output
    assert not typo.exists() and not typo.parent.exists()
