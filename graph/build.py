"""Text → facts → SHACL → store: the steps `kronika extract` and `kronika build` share."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

import extract
from extract.source import read_source

from .facts import DocumentFacts, FactBuilder
from .store import PublishReport, Store
from .validate import Message, attribute, run_shacl
from .vocab import KR_PREFIXES, ROLES_FILE

FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


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


def to_dataset(all_facts: list[DocumentFacts], builder: FactBuilder) -> Dataset:
    """Every fact graph, the provenance, pending review states and the vocabulary, as one dataset."""
    base = builder.base
    ds = Dataset()
    for prefix, ns in KR_PREFIXES.items():
        ds.bind(prefix, ns)
    ds.bind("kr", base.kr)
    provenance = ds.graph(URIRef(base.provenance))
    review = ds.graph(URIRef(base.review))
    for facts in all_facts:
        for f in facts.facts:
            g = ds.graph(URIRef(base.fact(f.key)))
            for t in f.triples:
                g.add(t)
            review.add((URIRef(base.fact(f.key)), base.kr.reviewStatus, base.kr.pending))
        for t in builder.provenance(facts):
            provenance.add(t)
    vocabulary = ds.graph(URIRef(base.vocabulary))
    vocabulary.parse(ROLES_FILE, format="turtle", publicID=base.iri)
    return ds


def write_dataset(ds: Dataset, out: Path) -> None:
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise ValueError(f"{out}: unknown output format; use one of {', '.join(FORMATS)}")
    if fmt in ("turtle", "nt"):
        union = Graph()
        for prefix, ns in ds.namespaces():
            union.bind(prefix, ns)
        for s, p, o, _g in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        union.serialize(out, format=fmt)
    else:
        ds.serialize(out, format=fmt)


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


def ingest_text(store: Store, name: str, text: str) -> tuple[PublishReport, Checked]:
    """One new document: extract, validate, publish its facts (pending review) and their warnings."""
    from .review import Review  # review builds on this module

    builder = FactBuilder(store.base, store.registry())
    facts = builder.build(extract.read_chunks(text), name, text)
    checked = validate(facts, builder)
    with store.writing():
        store.load_vocabulary()
        report = store.publish(publishable(checked), builder)
        Review(store).store_messages({builder.base.fact(k): v for k, v in checked.warnings.items()})
        store.refresh_public()
    store.flush()
    return report, checked
