"""Curators' decisions on facts: accept, reject, correct, merge, undo — each a PROV activity.

Nothing is deleted: a rejected fact keeps its graph and leaves the public view; a corrected
fact is marked `edited` and replaced by a new fact graph (`prov:wasRevisionOf` the old one);
a merge is itself a fact (`dcterms:isReplacedBy`, `owl:sameAs`) that a split rejects again.
Every decision is stored in the audit graph with who, when, which fact, before and after.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from .facts import date_bounds, date_literal
from .store import Conflict, Store, UnknownFact, to_rdflib, writes
from .validate import Message, run_shacl
from .vocab import DCTERMS, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, digest, is_absolute_iri

KINDS = {"EntityFact": "entity", "MembershipFact": "membership", "EventFact": "event", "RelationFact": "relation"}
ENTITY_TYPES = {"person": SCHEMA.Person, "organisation": ORG.Organization, "place": SCHEMA.Place}
DATE = re.compile(r"^(1[0-9]{3}|20[0-9]{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
PRECISION = {"year": 4, "month": 7, "day": 10}


class InvalidChange(ValueError):
    """A correction that names a bad field value or breaks a shape; `field` says which."""

    def __init__(self, field: str, message: str, messages: list[Message] | None = None):
        super().__init__(message)
        self.field, self.message, self.messages = field, message, messages or []


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class FactView:
    iri: str
    key: str
    kind: str
    summary: str
    status: str
    rule: str
    confidence: float
    document: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    triples: list = field(default_factory=list)
    messages: list = field(default_factory=list)
    reviewed_by: str | None = None


class Review:
    def __init__(self, store: Store):
        self.store = store
        self.base = store.base
        self.kr = store.base.kr

    # --- reading -------------------------------------------------------------------
    def key_of(self, fact: str) -> str:
        return fact.rsplit("/", 1)[-1]

    def iri_of(self, key: str) -> str:
        if not re.fullmatch(r"[0-9a-f]{8,64}", key):
            raise UnknownFact(key)
        return self.base.fact(key)

    def facts(self, status: str | None = "pending", kind: str | None = None, document: str | None = None,
              min_confidence: float | None = None, max_confidence: float | None = None, warnings: bool | None = None,
              order: str = "document", limit: int = 50, offset: int = 0, entity_type: str | None = None) -> tuple[list[FactView], int]:
        kr, prov = self.kr, self.base.provenance
        filters = []
        if status:
            filters.append(f"?status = <{kr[status]}>")
        if kind:
            filters.append(f"?class = <{kr[kind.capitalize() + 'Fact']}>")
        if document:
            if not is_absolute_iri(document):
                raise InvalidChange("document", f"document must be a document's IRI, not {document!r}")
            filters.append(f"?doc = <{document}>")
        if min_confidence is not None:
            filters.append(f"?confidence >= {float(min_confidence)}")
        if max_confidence is not None:
            filters.append(f"?confidence <= {float(max_confidence)}")
        warn = f"EXISTS {{ GRAPH <{self.base.graph('validation')}> {{ ?g <{kr.message}> ?m }} }}"
        if warnings is True:
            filters.append(warn)
        elif warnings is False:
            filters.append("!" + warn)
        type_filter = ""
        if entity_type in ENTITY_TYPES:
            type_filter = f"GRAPH ?g {{ ?e a <{ENTITY_TYPES[entity_type]}> }}"
        where = f"""
            GRAPH <{prov}> {{ ?g a ?class ; <{RDFS.label}> ?summary ; <{kr.rule}> ?rule ; <{kr.confidence}> ?confidence ;
                                <{PROV.wasDerivedFrom}> ?doc ; <{kr.evidence}> ?ev ; <{kr.sentence}> ?sent .
                             ?ev <{OA.hasSelector}> ?pos . ?pos a <{OA.TextPositionSelector}> ; <{OA.start}> ?start ; <{OA.end}> ?end .
                             ?sent <{OA.hasSelector}> ?spos . ?spos <{OA.start}> ?sstart ; <{OA.end}> ?send .
                             FILTER(?class != <{kr.Fact}>) }}
            GRAPH <{self.base.review}> {{ ?g <{kr.reviewStatus}> ?status OPTIONAL {{ ?g <{kr.reviewedBy}> ?by }} }}
            {type_filter}
            {"FILTER(" + " && ".join(filters) + ")" if filters else ""}"""
        order_by = "DESC(?confidence) ?doc ?start" if order == "confidence" else \
            "?confidence ?doc ?start" if order == "confidence-asc" else "?doc ?start ?g"
        total = int(next(iter(self.store.query(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ {where} }}")))["n"].value)
        rows = self.store.query(f"""SELECT DISTINCT ?g ?class ?summary ?rule ?confidence ?doc ?start ?end ?sstart ?send ?status ?by
                                    WHERE {{ {where} }} ORDER BY {order_by} LIMIT {int(limit)} OFFSET {int(offset)}""")
        views = [self._view(r) for r in rows]
        messages = self.messages([v.iri for v in views])
        for v in views:
            v.messages = messages.get(v.iri, [])
            v.triples = self.triples(v.iri)
        return views, total

    def triples(self, fact: str) -> list:
        return [(q.subject, q.predicate, q.object) for q in self.store.ox.quads_for_pattern(None, None, None, ox.NamedNode(fact))]

    def _view(self, r) -> FactView:
        return FactView(r["g"].value, self.key_of(r["g"].value), KINDS.get(r["class"].value.rsplit("#", 1)[-1], "fact"),
                        r["summary"].value, r["status"].value.rsplit("#", 1)[-1], r["rule"].value,
                        float(r["confidence"].value), r["doc"].value, int(r["start"].value), int(r["end"].value),
                        int(r["sstart"].value), int(r["send"].value),
                        reviewed_by=r["by"].value.rsplit("/", 1)[-1] if r["by"] is not None else None)

    def fact(self, key: str) -> FactView:
        iri = self.iri_of(key)
        rows = list(self.store.query(f"""
            SELECT ?g ?class ?summary ?rule ?confidence ?doc ?start ?end ?sstart ?send ?status ?by WHERE {{
              VALUES ?g {{ <{iri}> }}
              GRAPH <{self.base.provenance}> {{ ?g a ?class ; <{RDFS.label}> ?summary ; <{self.kr.rule}> ?rule ;
                  <{self.kr.confidence}> ?confidence ; <{PROV.wasDerivedFrom}> ?doc ; <{self.kr.evidence}> ?ev ;
                  <{self.kr.sentence}> ?sent .
                ?ev <{OA.hasSelector}> ?pos . ?pos a <{OA.TextPositionSelector}> ; <{OA.start}> ?start ; <{OA.end}> ?end .
                ?sent <{OA.hasSelector}> ?spos . ?spos <{OA.start}> ?sstart ; <{OA.end}> ?send .
                FILTER(?class != <{self.kr.Fact}>) }}
              GRAPH <{self.base.review}> {{ ?g <{self.kr.reviewStatus}> ?status OPTIONAL {{ ?g <{self.kr.reviewedBy}> ?by }} }}
            }}"""))
        if not rows:
            raise UnknownFact(key)
        view = self._view(rows[0])
        view.triples = self.triples(iri)
        view.messages = self.messages([iri]).get(iri, [])
        return view

    def text_of(self, document: str) -> str:
        for q in self.store.ox.quads_for_pattern(ox.NamedNode(document), ox.NamedNode(str(SCHEMA.text)), None,
                                                 ox.NamedNode(self.base.provenance)):
            return q.object.value
        return ""

    def documents(self) -> list[tuple[str, str]]:
        rows = self.store.query(f"""SELECT ?d ?n WHERE {{ GRAPH <{self.base.provenance}> {{ ?d a <{self.kr.Document}> ;
                                     <{SCHEMA.name}> ?n }} }} ORDER BY ?n""")
        return [(r["d"].value, r["n"].value) for r in rows]

    def messages(self, facts: list[str]) -> dict[str, list[str]]:
        if not facts:
            return {}
        values = " ".join(f"<{f}>" for f in facts)
        rows = self.store.query(f"""SELECT ?g ?m WHERE {{ VALUES ?g {{ {values} }}
                                    GRAPH <{self.base.graph('validation')}> {{ ?g <{self.kr.message}> ?m }} }}""")
        out: dict[str, list[str]] = {}
        for r in rows:
            out.setdefault(r["g"].value, []).append(r["m"].value)
        return out

    @writes
    def store_messages(self, per_fact: dict[str, list[Message]]) -> None:
        """Keep SHACL warnings per fact so the queue and pages can show them."""
        g = ox.NamedNode(self.base.graph("validation"))
        batch = []
        for fact, messages in per_fact.items():
            for q in list(self.store.ox.quads_for_pattern(ox.NamedNode(fact), None, None, g)):
                self.store.ox.remove(q)
            for m in messages:
                batch.append(ox.Quad(ox.NamedNode(fact), ox.NamedNode(str(self.kr.message)),
                                     ox.Literal(f"{m.severity}: {m.message_pl} / {m.message_en}"), g))
        self.store.ox.extend(batch)

    # --- deciding ----------------------------------------------------------------------
    def _audit(self, curator: str, fact: str, before: str, after: str, reason: str | None, when: str,
               batch: str | None = None, generated: str | None = None, undoes: str | None = None) -> str:
        kr = self.kr
        decision = URIRef(self.base.id("decision", uuid.uuid4().hex))
        triples = [(decision, RDF.type, PROV.Activity), (decision, RDF.type, kr.Decision),
                   (decision, PROV.wasAssociatedWith, URIRef(self.base.id("curator", curator))),
                   (decision, PROV.used, URIRef(fact)), (decision, kr.statusBefore, kr[before]),
                   (decision, kr.statusAfter, kr[after]),
                   (decision, PROV.endedAtTime, Literal(when, datatype=XSD.dateTime))]
        if reason:
            triples.append((decision, kr.reason, Literal(reason)))
        if batch:
            triples.append((decision, kr.batch, Literal(batch)))
        if generated:
            triples.append((decision, PROV.generated, URIRef(generated)))
        if undoes:
            triples.append((decision, kr.undoes, URIRef(undoes)))
        self.store.add_audit(triples)
        return str(decision)

    @writes
    def decide(self, key: str, status: str, curator: str, expected: str | None = None, reason: str | None = None,
               batch: str | None = None) -> dict:
        if status not in ("accepted", "rejected", "pending"):
            raise InvalidChange("status", f"status must be accepted, rejected or pending, not {status!r}")
        fact = self.iri_of(key)
        when = now()
        before = self.store.set_status(fact, status, curator, when, expected)
        decision = self._audit(curator, fact, before, status, reason, when, batch)
        return {"fact": key, "before": before, "status": status, "decision": decision, "at": when}

    @writes
    def bulk(self, keys: list[str], status: str, curator: str, reason: str | None = None) -> dict:
        """Decide several facts as one batch (undone together); stale facts are reported, not overwritten."""
        batch = uuid.uuid4().hex
        done, conflicts, unknown = [], [], []
        for key in keys:
            try:
                view = self.fact(key)
                done.append(self.decide(key, status, curator, expected=view.status, reason=reason, batch=batch))
            except Conflict as c:
                conflicts.append({"fact": key, "current": c.current})
            except UnknownFact:
                unknown.append(key)
        return {"batch": batch, "decided": done, "conflicts": conflicts, "unknown": unknown}

    @writes
    def undo(self, curator: str) -> list[dict]:
        """Reverse the curator's last decision (or last batch) that is not yet undone."""
        kr = self.kr
        rows = list(self.store.query(f"""
            SELECT ?d ?fact ?before ?after ?batch ?generated ?time WHERE {{ GRAPH <{self.base.audit}> {{
              ?d a <{kr.Decision}> ; <{PROV.wasAssociatedWith}> <{self.base.id('curator', curator)}> ;
                 <{PROV.used}> ?fact ; <{kr.statusBefore}> ?before ; <{kr.statusAfter}> ?after ; <{PROV.endedAtTime}> ?time .
              OPTIONAL {{ ?d <{kr.batch}> ?batch }} OPTIONAL {{ ?d <{PROV.generated}> ?generated }}
              FILTER NOT EXISTS {{ ?d <{kr.undoes}> ?x }}
              FILTER NOT EXISTS {{ ?u <{kr.undoes}> ?d }} }} }} ORDER BY DESC(?time) DESC(?d)"""))
        if not rows:
            return []
        last = rows[0]
        group = [r for r in rows if last["batch"] is not None and r["batch"] is not None
                 and r["batch"].value == last["batch"].value] or [last]
        undone = []
        when = now()
        for r in group:
            fact, before, after = r["fact"].value, r["before"].value.rsplit("#", 1)[-1], r["after"].value.rsplit("#", 1)[-1]
            self.store.set_status(fact, before, curator, when, expected=after)
            if r["generated"] is not None:  # a correction: its new fact is withdrawn too
                self.store.set_status(r["generated"].value, "rejected", curator, when)
            self._audit(curator, fact, after, before, "undo", when, undoes=r["d"].value)
            undone.append({"fact": self.key_of(fact), "status": before})
        return undone

    def history(self, curator: str | None = None, fact: str | None = None, limit: int = 200) -> list[dict]:
        kr = self.kr
        filters = []
        if curator:
            who = self.base.id("curator", curator)
            if not is_absolute_iri(who):
                raise InvalidChange("curator", f"no curator can be named {curator!r}")
            filters.append(f"?who = <{who}>")
        if fact:
            filters.append(f"?fact = <{self.iri_of(fact)}>")
        rows = self.store.query(f"""
            SELECT ?d ?who ?fact ?before ?after ?time ?reason ?generated ?summary WHERE {{
              GRAPH <{self.base.audit}> {{ ?d a <{kr.Decision}> ; <{PROV.wasAssociatedWith}> ?who ; <{PROV.used}> ?fact ;
                <{kr.statusBefore}> ?before ; <{kr.statusAfter}> ?after ; <{PROV.endedAtTime}> ?time .
                OPTIONAL {{ ?d <{kr.reason}> ?reason }} OPTIONAL {{ ?d <{PROV.generated}> ?generated }} }}
              OPTIONAL {{ GRAPH <{self.base.provenance}> {{ ?fact <{RDFS.label}> ?summary }} }}
              {"FILTER(" + " && ".join(filters) + ")" if filters else ""}
            }} ORDER BY DESC(?time) LIMIT {int(limit)}""")
        return [{"decision": r["d"].value, "curator": r["who"].value.rsplit("/", 1)[-1], "fact": self.key_of(r["fact"].value),
                 "summary": r["summary"].value if r["summary"] is not None else "", "before": r["before"].value.rsplit("#", 1)[-1],
                 "after": r["after"].value.rsplit("#", 1)[-1], "at": r["time"].value,
                 "reason": r["reason"].value if r["reason"] is not None else None,
                 "generated": self.key_of(r["generated"].value) if r["generated"] is not None else None} for r in rows]

    # --- correcting ------------------------------------------------------------------
    @writes
    def correct(self, key: str, changes: dict, curator: str, expected: str | None = None, reason: str | None = None) -> dict:
        """Replace a fact by a corrected one. `changes`: name, type, role, organisation, date (+ precision)."""
        view = self.fact(key)
        if expected is not None and view.status != expected:
            raise Conflict(view.iri, view.status)
        triples = [(to_rdflib(s), to_rdflib(p), to_rdflib(o)) for s, p, o in view.triples]
        triples = self._apply(view, triples, {k: v for k, v in changes.items() if v not in (None, "")})
        new_key = digest(view.iri, "correction", sorted(map(str, triples)), now())
        new = self.base.fact(new_key)
        self._check(new, triples)
        when = now()
        provenance = self._provenance_copy(view, new, curator)
        self.store.add_fact(new, triples, provenance, status="accepted")
        before = self.store.set_status(view.iri, "edited", curator, when, expected=view.status)
        decision = self._audit(curator, view.iri, before, "edited", reason, when, generated=new)
        return {"fact": key, "before": before, "status": "edited", "replacement": new_key, "decision": decision}

    def _apply(self, view: FactView, triples: list, changes: dict) -> list:
        kr = self.kr
        if not changes:
            raise InvalidChange("changes", "nothing to change")
        unknown = set(changes) - {"name", "type", "role", "organisation", "date", "precision"}
        if unknown:
            raise InvalidChange(sorted(unknown)[0], f"unknown field {sorted(unknown)[0]!r}")
        for name, value in changes.items():
            if not isinstance(value, str):
                raise InvalidChange(name, f"{name} must be a string, not {type(value).__name__}")
        subjects = [s for s, p, o in triples if p == RDF.type]
        main = subjects[0] if subjects else triples[0][0]
        out = list(triples)
        if "name" in changes:
            name = changes["name"].strip()
            if not name or len(name) > 300:
                raise InvalidChange("name", "name must be 1–300 characters")
            names = {SCHEMA.name, SKOS.prefLabel, RDFS.label}
            present = [(s, p, o) for s, p, o in out if s == main and p in names]
            if not present:
                raise InvalidChange("name", "this fact has no name to change")
            out = [t for t in out if t not in present] + [(s, p, Literal(name, lang=o.language) if o.language else Literal(name))
                                                           for s, p, o in present]
        if "type" in changes:
            if changes["type"] not in ENTITY_TYPES or view.kind != "entity":
                raise InvalidChange("type", f"type must be one of {', '.join(ENTITY_TYPES)} on an entity fact")
            out = [t for t in out if not (t[0] == main and t[1] == RDF.type and t[2] in ENTITY_TYPES.values())]
            out.append((main, RDF.type, ENTITY_TYPES[changes["type"]]))
            if changes["type"] == "organisation":
                out.append((main, SKOS.prefLabel, next(o for s, p, o in out if s == main and p == SCHEMA.name)))
        if "role" in changes:
            role = self.role_iri(changes["role"])
            if not any(p == ORG.role for _s, p, _o in out):
                raise InvalidChange("role", "only a role fact has a role")
            out = [(s, p, role if p == ORG.role else o) for s, p, o in out]
        if "organisation" in changes:
            org = self.entity_iri(changes["organisation"])
            if not any(p == ORG.organization for _s, p, _o in out):
                raise InvalidChange("organisation", "only a role fact has an organisation")
            old = next(o for _s, p, o in out if p == ORG.organization)
            out = [(s, p, org if p == ORG.organization else o) for s, p, o in out if not (s == old and p == RDF.type)]
            out.append((org, RDF.type, ORG.Organization))
        if "date" in changes:
            value = changes["date"].strip()
            precision = changes.get("precision")
            if precision:
                if precision not in PRECISION:
                    raise InvalidChange("precision", "precision must be year, month or day")
                value = value[:PRECISION[precision]]
            if not DATE.match(value) or (len(value) == 10 and not _valid_day(value)):
                raise InvalidChange("date", f"date must be YYYY, YYYY-MM or YYYY-MM-DD in 1000–2099, not {changes['date']!r}")
            date_props = {kr.attestedOn, SCHEMA.startDate}
            if not any(p in date_props for _s, p, _o in out) and view.kind not in ("membership", "event"):
                raise InvalidChange("date", "this fact has no date")
            prop = SCHEMA.startDate if view.kind == "event" else kr.attestedOn
            out = [t for t in out if t[1] not in date_props | {kr.earliestDate, kr.latestDate}]
            out.append((main, prop, date_literal(value)))
            if view.kind == "event":
                earliest, latest = date_bounds(value)
                out += [(main, kr.earliestDate, Literal(earliest, datatype=XSD.date)),
                        (main, kr.latestDate, Literal(latest, datatype=XSD.date))]
        return out

    def role_iri(self, label: str) -> URIRef:
        row = next(iter(self.store.query(f"""SELECT ?r WHERE {{ GRAPH <{self.base.vocabulary}> {{
            ?r <{SKOS.inScheme}> <{self.base.id('role', '')}> ; <{SKOS.prefLabel}>|<{SKOS.altLabel}> ?l
            FILTER(LCASE(STR(?l)) = LCASE({Literal(label.strip()).n3()})) }} }} LIMIT 1""")), None)
        if row is None:
            raise InvalidChange("role", f"unknown role {label!r}: use a role of the scheme ({self.base.id('role', '')})")
        return URIRef(row["r"].value)

    def entity_iri(self, value: str) -> URIRef:
        value = value.strip()
        if value.startswith(self.base.iri + "id/"):
            if any(self.store.ox.quads_for_pattern(ox.NamedNode(value), None, None, ox.DefaultGraph())):
                return URIRef(value)
            raise InvalidChange("organisation", f"unknown entity {value}")
        row = next(iter(self.store.query(f"""SELECT ?e WHERE {{ ?e <{SCHEMA.name}> ?n
            FILTER(LCASE(STR(?n)) = LCASE({Literal(value).n3()})) }} LIMIT 1""")), None)
        if row is None:
            raise InvalidChange("organisation", f"no organisation or place named {value!r}")
        return URIRef(row["e"].value)

    def _check(self, fact: str, triples: list) -> None:
        """Validate the corrected fact with the descriptions of what it touches; refuse violations."""
        data = Graph()
        for t in triples:
            data.add(t)
        touched = {o for _s, _p, o in triples if isinstance(o, URIRef)} | {s for s, _p, _o in triples}
        for node in touched:
            for q in self.store.ox.quads_for_pattern(ox.NamedNode(str(node)), ox.NamedNode(str(RDF.type)), None, ox.DefaultGraph()):
                data.add((node, RDF.type, URIRef(q.object.value)))
            if (node, RDF.type, None) in data:
                for q in self.store.ox.quads_for_pattern(ox.NamedNode(str(node)), ox.NamedNode(str(SCHEMA.name)), None, ox.DefaultGraph()):
                    if not any(s == node and p == SCHEMA.name for s, p, _o in triples):
                        data.add((node, SCHEMA.name, to_rdflib(q.object)))
        violations = [m for m in run_shacl(data, self.base) if m.severity == "Violation"]
        if violations:
            raise InvalidChange("fact", "; ".join(m.message_en for m in violations), violations)

    def _provenance_copy(self, view: FactView, new: str, curator: str) -> list:
        """The corrected fact's provenance: the old evidence, a revision of the old fact, by the curator."""
        kr, g = self.kr, URIRef(new)
        old = URIRef(view.iri)
        out = []
        for q in self.store.ox.quads_for_pattern(ox.NamedNode(view.iri), None, None, ox.NamedNode(self.base.provenance)):
            p = URIRef(q.predicate.value)
            if p in (kr.rule, kr.confidence, RDFS.label):
                continue
            out.append((g, p, to_rdflib(q.object)))
        summary = view.summary + " (poprawione)"
        out += [(g, kr.rule, Literal("curator")), (g, kr.confidence, Literal("1.00", datatype=XSD.decimal)),
                (g, RDFS.label, Literal(summary, lang="pl")), (g, PROV.wasRevisionOf, old),
                (g, PROV.wasAttributedTo, URIRef(self.base.id("curator", curator)))]
        return out

    # --- merging -----------------------------------------------------------------------
    @writes
    def merge(self, keep: str, gone: str, curator: str, reason: str | None = None) -> dict:
        """One entity IRI survives; the other answers with a redirect (dcterms:isReplacedBy, owl:sameAs)."""
        keep_, gone_ = URIRef(self.entity_iri(keep)), URIRef(self.entity_iri(gone))
        if keep_ == gone_:
            raise InvalidChange("gone", "an entity cannot be merged into itself")
        names = [to_rdflib(q.object) for q in self.store.ox.quads_for_pattern(
            ox.NamedNode(str(gone_)), None, None, ox.DefaultGraph()) if q.predicate.value in (str(SCHEMA.name), str(SKOS.altLabel))]
        triples = [(gone_, DCTERMS.isReplacedBy, keep_), (gone_, OWL.sameAs, keep_)]
        triples += [(keep_, SKOS.altLabel, Literal(str(n), lang="pl")) for n in names]
        key = digest(keep_, "merge", gone_)
        fact = self.base.fact(key)
        when = now()
        provenance = [(URIRef(fact), RDF.type, self.kr.CuratorFact),
                      (URIRef(fact), RDFS.label, Literal(f"{gone_} → {keep_} (scalenie / merge)", lang="pl")),
                      (URIRef(fact), self.kr.rule, Literal("curator-merge")),
                      (URIRef(fact), self.kr.confidence, Literal("1.00", datatype=XSD.decimal)),
                      (URIRef(fact), PROV.wasAttributedTo, URIRef(self.base.id("curator", curator))),
                      (URIRef(fact), SCHEMA.about, keep_), (URIRef(fact), SCHEMA.about, gone_)]
        if self.store.status(fact) is None:
            self.store.add_fact(fact, triples, provenance, status="accepted")
            before = "pending"
        else:
            before = self.store.set_status(fact, "accepted", curator, when)
        self._audit(curator, fact, before, "accepted", reason or "merge", when)
        return {"merge": key, "kept": str(keep_), "replaced": str(gone_)}

    def split(self, merge_key: str, curator: str, reason: str | None = None) -> dict:
        """Undo a wrong merge: the merge fact is rejected, both IRIs answer for themselves again."""
        return self.decide(merge_key, "rejected", curator, reason=reason or "split")


def _valid_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False
