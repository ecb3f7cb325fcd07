"""Text → facts → SHACL → store: the steps `kronika extract` and `kronika build` share."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

import extract
from extract.source import read_source

from . import ntriples as nt
from .facts import DocumentFacts, FactBuilder, content_hash
from .store import PublishReport, Store
from .validate import Message, attribute, roles, run_shacl
from .vocab import KR_PREFIXES, ROLES_FILE

FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}


@dataclass
class Checked:
    """A document's facts after validation: what may be published and what was refused, with why."""
    facts: DocumentFacts
    refused: dict[str, list[Message]] = field(default_factory=dict)
    warnings: dict[str, list[Message]] = field(default_factory=dict)


def validate(facts: DocumentFacts, builder: FactBuilder) -> Checked:
    """Validate every fact of a document at once, and attribute each message to its facts. The data reaches
    the engine as N-Triples text made term by term: through an rdflib graph it cost as much as the engine."""
    data = "".join([*(f"{nt.term(s)} {nt.term(p)} {nt.term(o)} .\n" for f in facts.facts for s, p, o in f.triples),
                    *(f"{s} {p} {o} .\n" for s, p, o in builder.provenance_terms(facts))])
    subjects: dict[str, set[str]] = {}
    for f in facts.facts:
        graph = builder.base.fact(f.key)
        subjects[f.key] = {str(t[0]) for t in f.triples} | {graph, f"{graph}#evidence"}
    per_fact = attribute(run_shacl(data.encode() + roles(builder.base), builder.base), subjects)
    checked = Checked(facts)
    for key, messages in per_fact.items():
        violations = [m for m in messages if m.severity == "Violation"]
        if violations:
            checked.refused[key] = violations
        warnings = [m for m in messages if m.severity != "Violation"]
        if warnings:
            checked.warnings[key] = warnings
    return checked


def publishable(checked: Checked) -> DocumentFacts:
    f = checked.facts
    return DocumentFacts(f.document, f.name, f.text, f.content_hash, [x for x in f.facts if x.key not in checked.refused])


Graphs = list[tuple[str, list[tuple[str, str, str]]]]  # (graph, triples) of one part, in N-Triples terms
RDF_TYPE = nt.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


class Extraction:
    """An extraction in N-Triples terms, produced part by part as the documents are read: nothing is kept
    but the registry of entity names (so an entity named in the first part and the last is one IRI) and
    each document's event slugs. `facts` counts the facts produced so far."""

    def __init__(self, builder: FactBuilder):
        self.builder = builder
        self.facts = 0

    def parts(self, documents: Iterable[tuple[str, str, Iterable]]) -> Iterator[Graphs]:
        """(graph, triples) of every fact graph, the provenance, the pending review states and the vocabulary
        of (name, text, parts) documents, in N-Triples terms: the vocabulary and the run first, then each
        document's description, then, part by part, its facts."""
        builder = self.builder
        base = builder.base
        provenance, review = nt.iri(base.provenance), nt.iri(base.review)
        review_status, pending = nt.iri(base.kr.reviewStatus), nt.iri(base.kr.pending)
        yield [(nt.iri(base.vocabulary), [(str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(
            path=str(ROLES_FILE), format=ox.RdfFormat.TURTLE, base_iri=base.iri)])]
        yield [(provenance, builder.run_provenance())]
        for name, text, parts in documents:
            document = builder.document_iri(name)
            yield [(provenance, builder.document_provenance(document, name, text, content_hash(text)))]
            for facts in builder.facts_by_part(parts, document):
                graphs = [(nt.iri(base.fact(f.key)),
                           [(nt.term(s), nt.term(p), nt.term(o)) for s, p, o in dict.fromkeys(f.triples)]) for f in facts]
                yield [*graphs,
                       (provenance, [t for f in facts for t in builder.fact_provenance(f, document, text)]),
                       (review, [(graph, review_status, pending) for graph, _triples in graphs])]
                self.facts += len(facts)


def union(parts: Iterable[Graphs], once_graphs: set[str]) -> Iterator[list[tuple[str, str, str]]]:
    """The triples of all graphs, each once, though many fact graphs state it (an entity is described again
    at each mention). Triples of `once_graphs` (provenance, review), each about one fact's own graph, are not
    remembered: the 16-byte digests kept of the others cost a fraction of the triples."""
    stated: set[bytes] = set()
    for graphs in parts:
        out = []
        for graph, triples in graphs:
            if graph in once_graphs:
                out += triples
                continue
            for t in triples:
                key = hashlib.blake2b(" ".join(t).encode(), digest_size=16).digest()
                if key not in stated:
                    stated.add(key)
                    out.append(t)
        yield out


def nquads(parts: Iterable[Graphs]) -> Iterator[str]:
    for graphs in parts:
        yield "".join(f"{s} {p} {o} {graph} .\n" for graph, triples in graphs for s, p, o in triples)


def trig(parts: Iterable[Graphs], prefixed: nt.Prefixed) -> Iterator[str]:
    """A prefix header, then each graph's block as it comes: N-Triples statements are TriG's too, with
    predicates and classes by their prefixed names."""
    yield prefixed.header()
    for graphs in parts:
        yield "".join(f"{graph} {{\n" + turtle_statements(triples, prefixed, "\t") + "}\n" for graph, triples in graphs if triples)


def ntriples(triples_by_part: Iterable[list[tuple[str, str, str]]]) -> Iterator[str]:
    for triples in triples_by_part:
        yield "".join(nt.line(*t) for t in triples)


def turtle(triples_by_part: Iterable[list[tuple[str, str, str]]], prefixed: nt.Prefixed) -> Iterator[str]:
    yield prefixed.header()
    for triples in triples_by_part:
        yield turtle_statements(triples, prefixed)


def turtle_statements(triples: list[tuple[str, str, str]], prefixed: nt.Prefixed, indent: str = "") -> str:
    """Turtle statements, a subject said once for a run of its triples ("s p o ; p2 o2 ."), predicates and
    classes by their prefixed names."""
    statements, subject = [], None
    for s, p, o in triples:
        predicate_object = f"{prefixed(p)} {prefixed(o) if p == RDF_TYPE else o}"
        if s == subject:
            statements[-1] += f" ;\n{indent}\t{predicate_object}"
        else:
            statements.append(f"{indent}{s} {predicate_object}")
            subject = s
    return "".join(f"{statement} .\n" for statement in statements)


def extract_file(path: Path, builder: FactBuilder, out: Path) -> int:
    """What `kronika extract PATH -o OUT` writes for one file: its facts, streamed part by part."""
    text = read_source(path)
    return write_extraction([(path.name, text, extract.read_chunks(text))], builder, out)


def write_extraction(documents: Iterable[tuple[str, str, Iterable]], builder: FactBuilder, out: Path) -> int:
    """Stream an extraction into `out` in the format of its extension (a triple format gets the union of the
    graphs) and return the number of facts. N-Quads, N-Triples, TriG and Turtle are written as they are
    made, JSON-LD by Oxigraph's serializer, one quad at a time. Written beside `out` and moved into place
    when complete, so a failure leaves no half-written file."""
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise ValueError(f"{out}: unknown output format; use one of {', '.join(FORMATS)}")
    extraction = Extraction(builder)
    parts = extraction.parts(documents)
    prefixed = nt.Prefixed({**KR_PREFIXES, "kr": str(builder.kr)})
    once_graphs = {nt.iri(builder.base.provenance), nt.iri(builder.base.review)}
    if fmt == ox.RdfFormat.N_QUADS:
        text = nquads(parts)
    elif fmt == ox.RdfFormat.TRIG:
        text = trig(parts, prefixed)
    elif fmt == ox.RdfFormat.N_TRIPLES:
        text = ntriples(union(parts, once_graphs))
    elif fmt == ox.RdfFormat.TURTLE:
        text = turtle(union(parts, once_graphs), prefixed)
    else:
        text = None
    partial = out.with_name(out.name + ".part")
    try:
        if text is not None:
            with partial.open("w", encoding="utf-8") as fh:
                fh.writelines(text)
        else:
            quads = (ox.Quad(nt.to_ox(s), nt.to_ox(p), nt.to_ox(o), nt.to_ox(graph))
                     for graphs in parts for graph, triples in graphs for s, p, o in triples)
            ox.serialize(quads, str(partial), format=fmt, prefixes=dict(prefixed.prefixes))
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return extraction.facts


# Extraction workers run below the build's own process, which validates and loads what they read: on N cores
# with N workers, equal shares left it a fraction of a core, and the whole build waited on it (1.39× at 2 jobs).
WORKER_NICENESS = 10


@dataclass
class BuildResult:
    reports: list[PublishReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: dict[str, list[Message]] = field(default_factory=dict)      # fact summary -> violations
    errors: list[str] = field(default_factory=list)


def _read_file(path: Path, text: str | None = None) -> tuple[Path, str | None, list | str]:
    """(path, text, parts) of one document, or (path, None, error message). The text is read from `path`
    unless given: a cluster's workers get it with the task (graph/cluster.py)."""
    if text is None:
        try:
            text = read_source(path)
        except ValueError as e:
            return path, None, str(e)
    return path, text, list(extract.read_chunks(text))


def build_corpus(store: Store, files: list[Path], echo=print, force: bool = False, jobs: int = 1,
                 progress=None, cluster=None, load_batch: int = 50_000) -> BuildResult:
    """Extract (in `jobs` processes, or on the workers of `cluster`, a Dask client), validate and load each
    document; unchanged documents are skipped. Documents new to the store are loaded together, about
    `load_batch` fact triples at a time: each load's files cost RocksDB a merge; a build killed meanwhile
    extracts the documents of one batch again. Documents stream through one at a time, in corpus order
    (the entity registry gives IRIs first come, first served), so memory stays bounded whatever the corpus size."""
    from .review import Review

    result = BuildResult()
    if store.bulk_loads:
        for document in store.clear_unfinished():
            echo(f"{document}: cleared what an interrupted build had loaded of it")
    builder = FactBuilder(store.base, store.registry())
    store.load_vocabulary()
    todo = []
    for path in files:
        document = str(builder.document_iri(path.name))
        try:
            digest_ = hashlib.sha256(read_source(path).encode()).hexdigest()
        except ValueError as e:
            result.errors.append(str(e))
            continue
        if not force and store.document_hash(document) == digest_:
            result.skipped.append(path.name)
        else:
            todo.append(path)
    if cluster is not None:
        from .cluster import extract_in_order
        pool, extracted = None, extract_in_order(cluster, todo)
    elif jobs > 1 and len(todo) > 1:
        import multiprocessing as mp
        pool = mp.get_context("fork").Pool(jobs, initializer=os.nice, initargs=(WORKER_NICENESS,))
        extracted = pool.imap(_read_file, todo)
    else:
        pool, extracted = None, map(_read_file, todo)
    def done(path: Path, checked: Checked, report: PublishReport) -> None:
        Review(store).store_messages({builder.base.fact(k): v for k, v in checked.warnings.items()})
        result.reports.append(report)
        echo(f"{path.name}: {report.added} new facts, {report.unchanged} unchanged, {report.dropped} dropped"
             + (f", {len(checked.refused)} refused" if checked.refused else ""))

    new: list[tuple[Path, Checked]] = []  # documents new to the store, loaded together (see Store.load_new)
    new_triples = 0

    def load_new() -> None:
        nonlocal new_triples
        for (path, checked), report in zip(new, store.load_new([publishable(c) for _p, c in new], builder)):
            done(path, checked, report)
        new.clear()
        new_triples = 0

    try:
        for path, text, parts in extracted:
            if progress is not None:
                progress(1)
            if text is None:
                result.errors.append(parts)
                continue
            facts = builder.build(parts, path.name, text)
            checked = validate(facts, builder)
            for key, messages in checked.refused.items():
                summary = next(f.summary for f in facts.facts if f.key == key)
                result.refused[f"{path.name}: {summary}"] = messages
            if store.bulk_loads and store.document_hash(str(facts.document)) is None:
                new.append((path, checked))
                new_triples += sum(len(f.triples) for f in facts.facts)
                if new_triples >= load_batch:
                    load_new()
            else:
                if new:
                    load_new()  # in corpus order
                done(path, checked, store.publish(publishable(checked), builder))
        if new:
            load_new()
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    store.refresh_public()
    store.flush()
    return result


def ingest_text(store: Store, name: str, text: str, replace: bool = False,
                uploader: str | None = None) -> tuple[PublishReport, Checked]:
    """One uploaded text: extract, validate, publish its facts (pending review) and their warnings, and
    record the upload; see `uploads` for which document it becomes. Only what changed enters the public
    view, so an upload costs the same on a small store and a big one."""
    from .review import Review, now  # review builds on this module
    from . import uploads

    builder = FactBuilder(store.base, store.registry())
    name = uploads.document_name(store, builder, name, text, replace)
    facts = builder.build(extract.read_chunks(text), name, text)
    checked = validate(facts, builder)
    document, when = str(facts.document), now()
    with store.writing():
        store.load_vocabulary()
        earlier = uploads.keep_earlier_version(store, document, when) if replace else None
        report = store.publish(publishable(checked), builder, public=True)
        messages = {builder.base.fact(k): v for k, v in checked.warnings.items()}
        messages.update(uploads.moved_evidence(store, report.kept, text))
        Review(store).store_messages(messages)
        uploads.record_upload(store, document, name, text, uploader, when, earlier)
    store.flush()
    return report, checked
