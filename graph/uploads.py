"""Texts curators upload: which document a text becomes, the record of each upload, and what a
replacement keeps of the text it replaces.

A text named like a document already in the store but different from it is a new document
(`historia.txt` → `historia-2.txt`) unless the curator explicitly replaces the old one: sixty
decided facts must not vanish because two files in different folders share a name. A
replacement keeps the old text as an earlier version and flags every decided fact whose evidence
no longer reads the same in the new text.
"""
from __future__ import annotations

import hashlib
import itertools
import uuid
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from .facts import FactBuilder
from .store import Store, data_update, quads
from .validate import Message
from .vocab import DCTERMS, OA, PROV, RDF, SCHEMA, XSD


def document_name(store: Store, builder: FactBuilder, name: str, text: str, replace: bool) -> str:
    """The name the text is stored under: its own, unless that belongs to a different text and the
    curator did not ask to replace it; then the first free `name-N`."""
    name = Path(name).name
    if replace:
        return name
    digest = hashlib.sha256(text.encode()).hexdigest()
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in itertools.count(1):
        candidate = name if n == 1 else f"{stem}-{n}{suffix}"
        held = store.document_hash(str(builder.document_iri(candidate)))
        if held is None or held == digest:
            return candidate
    raise AssertionError("unreachable")


def keep_earlier_version(store: Store, document: str, when: str) -> str | None:
    """Before a replacement: the document's current text as a `kr:DocumentVersion`; None if there is none."""
    prov = ox.NamedNode(store.base.provenance)
    current = {q.predicate.value: q.object for q in store.ox.quads_for_pattern(ox.NamedNode(document), None, None, prov)}
    text, digest = current.get(str(SCHEMA.text)), current.get(str(store.kr.contentHash))
    if text is None or digest is None:
        return None
    version = URIRef(store.base.id("document-version", f"{document.rsplit('/', 1)[-1]}-{digest.value[:12]}"))
    triples = [(version, RDF.type, store.kr.DocumentVersion), (version, DCTERMS.isVersionOf, URIRef(document)),
               (version, SCHEMA.text, Literal(text.value)), (version, store.kr.contentHash, Literal(digest.value)),
               (version, DCTERMS.valid, Literal(when, datatype=XSD.dateTime))]
    store.apply(data_update("INSERT", quads(triples, store.base.provenance)), new_version=False)
    return str(version)


def moved_evidence(store: Store, facts: list[str], text: str) -> dict[str, list[Message]]:
    """Decided facts kept from an earlier text whose quoted words are not at their offsets in `text`."""
    prov = ox.NamedNode(store.base.provenance)

    def value(subject: str, predicate) -> str | None:
        found = store.ox.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(str(predicate)), None, prov)
        return next((q.object.value for q in found), None)

    out = {}
    for fact in facts:
        start, end, quote = value(f"{fact}#position", OA.start), value(f"{fact}#position", OA.end), value(f"{fact}#quote", OA.exact)
        if start is None or quote is None or text[int(start):int(end)] != quote:
            out[fact] = [Message("Warning", fact, None,
                                 f"świadectwo przesunięte: w nowej wersji tekstu pod tymi pozycjami nie ma już słów „{quote}”",
                                 f"evidence moved: the new version of the text no longer has the words '{quote}' at these offsets")]
    return out


def record_upload(store: Store, document: str, file_name: str, text: str, uploader: str | None, when: str,
                  earlier: str | None) -> str:
    """Who uploaded which file when, and which document it made (and which earlier version it replaced)."""
    upload = URIRef(store.base.id("upload", uuid.uuid4().hex))
    kr = store.kr
    triples = [(upload, RDF.type, kr.Upload), (upload, RDF.type, PROV.Activity),
               (upload, kr.fileName, Literal(file_name)), (upload, kr.contentHash, Literal(hashlib.sha256(text.encode()).hexdigest())),
               (upload, PROV.endedAtTime, Literal(when, datatype=XSD.dateTime)), (upload, PROV.generated, URIRef(document))]
    if uploader:
        triples.append((upload, PROV.wasAssociatedWith, URIRef(store.base.id("curator", uploader))))
    if earlier:
        triples.append((upload, PROV.invalidated, URIRef(earlier)))
    store.apply(data_update("INSERT", quads(triples, store.base.provenance)), new_version=False)
    return str(upload)
