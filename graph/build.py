"""Text → facts → SHACL → store: the steps `kronika extract` and `kronika build` share."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

import extract
from extract.source import read_source

from . import ntriples as nt
from .facts import DocumentFacts, FactBuilder, content_hash
from .store import PublishReport, Store
from .validate import Message, attribute, run_shacl
from .vocab import KR_PREFIXES, ROLES_FILE

FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}


@dataclass
class Checked:
    """A document's facts after validation: what may be published and what was refused, with why."""
    facts: DocumentFacts
    refused: dict[str, list[Message]] = field(default_factory=dict)
    warnings: dict[str, list[Message]] = field(default_factory=dict)


def validate(facts: DocumentFacts, builder: FactBuilder, context: Graph | None = None) -> Checked:
    """Validate every fact of a document at once, and attribute each message to its facts."""
    data = Graph()
    for f in facts.facts:
        for t in f.triples:
            data.add(t)
    for t in builder.provenance(facts):
        data.add(t)
    if context is not None:
        data += context
    subjects: dict[str, set[str]] = {}
    for f in facts.facts:
        graph = builder.base.fact(f.key)
        subjects[f.key] = {str(t[0]) for t in f.triples} | {graph, f"{graph}#evidence"}
    per_fact = attribute(run_shacl(data, builder.base), subjects)
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


class Extraction:
    """An extraction in N-Triples terms, produced part by part as the documents are read: nothing is kept
    but the registry of entity names (so an entity named in the first part and the last is one IRI) and
    each document's event slugs. `facts` counts the facts produced so far."""

    def __init__(self, builder: FactBuilder):
        self.builder = builder
        self.facts = 0

    def parts(self, documents: Iterable[tuple[str, str, Iterable]]) -> Iterator[list[tuple[str, list[tuple]]]]:
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


def nquads(parts: Iterable[list[tuple[str, list[tuple]]]]) -> Iterator[str]:
    for graphs in parts:
        yield "".join(f"{s} {p} {o} {graph} .\n" for graph, triples in graphs for s, p, o in triples)


def ntriples(parts: Iterable[list[tuple[str, list[tuple]]]], once_graphs: set[str]) -> Iterator[str]:
    """The union of the graphs: a triple is written once, though many fact graphs state it (an entity is
    described again at each mention). Triples of `once_graphs` (provenance, review), each about one fact's
    own graph, are not remembered: the 16-byte digests kept of the others cost a fraction of the triples."""
    stated: set[bytes] = set()
    for graphs in parts:
        out = []
        for graph, triples in graphs:
            lines = [f"{s} {p} {o} .\n" for s, p, o in triples]
            if graph in once_graphs:
                out += lines
                continue
            for line in lines:
                key = hashlib.blake2b(line.encode(), digest_size=16).digest()
                if key not in stated:
                    stated.add(key)
                    out.append(line)
        yield "".join(out)


def write_extraction(documents: Iterable[tuple[str, str, Iterable]], builder: FactBuilder, out: Path) -> int:
    """Stream an extraction into `out` in the format of its extension (a triple format gets the union of the
    graphs) and return the number of facts. N-Quads and N-Triples are written as they are made; the other
    formats are those read back part by part into Oxigraph's serializer. Written beside `out` and moved into
    place when complete, so a failure leaves no half-written file."""
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise ValueError(f"{out}: unknown output format; use one of {', '.join(FORMATS)}")
    extraction = Extraction(builder)
    base = builder.base
    if fmt.supports_datasets:
        blocks, blocks_format = nquads(extraction.parts(documents)), ox.RdfFormat.N_QUADS
    else:
        blocks = ntriples(extraction.parts(documents), {nt.iri(base.provenance), nt.iri(base.review)})
        blocks_format = ox.RdfFormat.N_TRIPLES
    partial = out.with_name(out.name + ".part")
    try:
        if fmt == blocks_format:
            with partial.open("w", encoding="utf-8") as fh:
                fh.writelines(blocks)
        else:
            ox.serialize((item for block in blocks for item in ox.parse(block.encode(), format=blocks_format)),
                         str(partial), format=fmt, prefixes={**KR_PREFIXES, "kr": str(builder.kr)})
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return extraction.facts


@dataclass
class BuildResult:
    reports: list[PublishReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: dict[str, list[Message]] = field(default_factory=dict)      # fact summary -> violations
    errors: list[str] = field(default_factory=list)


def _read_file(path: Path) -> tuple[Path, str | None, list | str]:
    """(path, text, parts) of one document, or (path, None, error message)."""
    try:
        text = read_source(path)
    except ValueError as e:
        return path, None, str(e)
    return path, text, list(extract.read_chunks(text))


def build_corpus(store: Store, files: list[Path], echo=print, force: bool = False, jobs: int = 1,
                 progress=None) -> BuildResult:
    """Extract (in `jobs` processes), validate and load each document; unchanged documents are skipped.
    Documents stream through one at a time, so memory stays bounded whatever the corpus size."""
    from .review import Review

    builder = FactBuilder(store.base, store.registry())
    result = BuildResult()
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
    if jobs > 1 and len(todo) > 1:
        import multiprocessing as mp
        pool = mp.get_context("fork").Pool(jobs)
        extracted = pool.imap(_read_file, todo)
    else:
        pool, extracted = None, map(_read_file, todo)
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
            report = store.publish(publishable(checked), builder)
            Review(store).store_messages({builder.base.fact(k): v for k, v in checked.warnings.items()})
            result.reports.append(report)
            echo(f"{path.name}: {report.added} new facts, {report.unchanged} unchanged, {report.dropped} dropped"
                 + (f", {len(checked.refused)} refused" if checked.refused else ""))
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
