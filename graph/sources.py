"""A document's source, as curators describe it: title, address, publisher, date, citation (dcterms),
published with the document and audited (issue 16 §6). The server never fetches the address."""
from __future__ import annotations

import re
import uuid

import pyoxigraph as ox
from rdflib import Literal, URIRef

from .review import DATE, InvalidChange, now
from .store import Store, data_update, quads, writes
from .vocab import DCTERMS, PROV, RDF, XSD

FIELDS = {"title": DCTERMS.title, "url": DCTERMS.source, "publisher": DCTERMS.publisher, "date": DCTERMS.issued,
          "citation": DCTERMS.bibliographicCitation}
MAX_CHARS = 1000
URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+", re.IGNORECASE)


class Sources:
    def __init__(self, store: Store):
        self.store = store
        self.base = store.base

    def exists(self, document: str) -> bool:
        return any(self.store.ox.quads_for_pattern(ox.NamedNode(document), ox.NamedNode(str(RDF.type)), None,
                                                   ox.NamedNode(self.base.provenance)))

    def of(self, document: str) -> dict[str, str]:
        """The document's source description as it stands, field by field."""
        graph, out = ox.NamedNode(self.base.provenance), {}
        for field, predicate in FIELDS.items():
            for q in self.store.ox.quads_for_pattern(ox.NamedNode(document), ox.NamedNode(str(predicate)), None, graph):
                out[field] = q.object.value
        return out

    def _value(self, field: str, value: str):
        if len(value) > MAX_CHARS:
            raise InvalidChange(field, f"{field}: at most {MAX_CHARS} characters")
        if field == "url":
            if not URL.fullmatch(value):
                raise InvalidChange("url", f"url: an http(s) address, not {value!r}")
            return URIRef(value)
        if field == "date":
            if not DATE.match(value):
                raise InvalidChange("date", f"date: YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
            return Literal(value, datatype={4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)])
        return Literal(value, lang="pl") if field == "title" else Literal(value)

    @writes
    def update(self, document: str, fields: dict, curator: str) -> dict:
        """Set the fields given (an empty one removes its value); the others stay. One transaction with
        its audit record: who, when, which document."""
        if not self.exists(document):
            raise InvalidChange("document", f"no document {document}")
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise InvalidChange(sorted(unknown)[0], f"unknown field; use {', '.join(FIELDS)}")
        given = {f: v.strip() for f, v in fields.items() if isinstance(v, str)}
        values = {f: self._value(f, v) for f, v in given.items() if v}
        doc, graph = URIRef(document), ox.NamedNode(self.base.provenance)
        old = [q for f in given for q in self.store.ox.quads_for_pattern(
            ox.NamedNode(document), ox.NamedNode(str(FIELDS[f])), None, graph)]
        new = quads([(doc, FIELDS[f], v) for f, v in values.items()], self.base.provenance)
        edit, when = URIRef(self.base.id("decision", uuid.uuid4().hex)), now()
        audit = [(edit, RDF.type, PROV.Activity), (edit, RDF.type, self.base.kr.SourceEdit), (edit, PROV.used, doc),
                 (edit, PROV.wasAssociatedWith, URIRef(self.base.id("curator", curator))),
                 (edit, PROV.endedAtTime, Literal(when, datatype=XSD.dateTime))]
        with self.store.transaction():
            self.store.apply(data_update("DELETE", old) + data_update("INSERT", new))
            self.store.add_audit(audit)
        return {"document": document, "source": self.of(document), "curator": curator, "at": when}
