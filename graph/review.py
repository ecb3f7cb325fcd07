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
from .queue_index import Filters, instant
from .store import Conflict, Store, UnknownFact, data_update, to_rdflib, writes
from .validate import Message, run_shacl
from .vocab import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, digest, is_absolute_iri

ENTITY_TYPES = {"person": SCHEMA.Person, "organisation": ORG.Organization, "place": SCHEMA.Place}
DATE = re.compile(r"^(1[0-9]{3}|20[0-9]{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
PRECISION = {"year": 4, "month": 7, "day": 10}
BULK_LIMIT = 10_000  # facts one bulk decision on a whole filter may change


class InvalidChange(ValueError):
    """A correction that names a bad field value or breaks a shape; `field` says which."""

    def __init__(self, field: str, message: str, messages: list[Message] | None = None):
        super().__init__(message)
        self.field, self.message, self.messages = field, message, messages or []


def now() -> str:
    """UTC to the millisecond: two decisions in one second keep their order in history and undo."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


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
    sentence: str = ""
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
              order: str = "document", limit: int = 50, offset: int = 0, entity_type: str | None = None,
              search: str | None = None) -> tuple[list[FactView], int]:
        """A page of the queue and the number of facts under the filters, read from the queue index."""
        if document and not is_absolute_iri(document):
            raise InvalidChange("document", f"document must be a document's IRI, not {document!r}")
        filters = Filters(status or None, kind or None, document or None, min_confidence, max_confidence, warnings,
                          entity_type if entity_type in ENTITY_TYPES else None, search or None)
        rows, total = self.store.queue().page(filters, order, limit, offset)
        views = [self._view(r) for r in rows]
        messages = self.messages([v.iri for v in views])
        for v in views:
            v.messages = messages.get(v.iri, [])
            v.triples = self.triples(v.iri)
        return views, total

    def counts(self, **filters) -> dict[str, int]:
        """Facts per review status under the queue's other filters."""
        return self.store.queue().counts(Filters(**filters))

    def triples(self, fact: str) -> list:
        return [(q.subject, q.predicate, q.object) for q in self.store.ox.quads_for_pattern(None, None, None, ox.NamedNode(fact))]

    @staticmethod
    def _view(row: dict) -> FactView:
        return FactView(row["iri"], row["key"], row["kind"], row["summary"], row["status"], row["rule"], row["confidence"],
                        row["document"], row["start"], row["stop"], row["sentence_start"], row["sentence_end"],
                        sentence=row["sentence"], reviewed_by=row["reviewed_by"])

    def fact(self, key: str) -> FactView:
        iri = self.iri_of(key)
        row = self.store.queue().row(iri)
        if row is None:
            raise UnknownFact(key)
        view = self._view(row)
        view.triples = self.triples(iri)
        view.messages = self.messages([iri]).get(iri, [])
        return view

    def documents(self) -> list[tuple[str, str]]:
        """(IRI, name) of every document, by name: read from the store's indexes, not through a SPARQL query
        (the queue page asks on every view)."""
        provenance, name = ox.NamedNode(self.base.provenance), ox.NamedNode(str(SCHEMA.name))
        found = []
        for q in self.store.ox.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(self.kr.Document), provenance):
            found += [(q.subject.value, n.object.value) for n in self.store.ox.quads_for_pattern(q.subject, name, None, provenance)]
        return sorted(found, key=lambda d: d[1])

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
        """Keep SHACL warnings per fact so the queue and pages can show them (one update, a new version)."""
        g = ox.NamedNode(self.base.graph("validation"))
        self.store.touch(per_fact)
        old = [q for fact in per_fact for q in self.store.ox.quads_for_pattern(ox.NamedNode(fact), None, None, g)]
        new = [ox.Quad(ox.NamedNode(fact), ox.NamedNode(str(self.kr.message)),
                       ox.Literal(f"{m.severity}: {m.message_pl} / {m.message_en}"), g)
               for fact, messages in per_fact.items() for m in messages]
        self.store.apply(data_update("DELETE", old) + data_update("INSERT", new))

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
        self.store.touch_decisions([str(decision)])
        self.store.add_audit(triples)
        return str(decision)

    @writes
    def decide(self, key: str, status: str, curator: str, expected: str | None = None, reason: str | None = None,
               batch: str | None = None) -> dict:
        if status not in ("accepted", "rejected", "pending"):
            raise InvalidChange("status", f"status must be accepted, rejected or pending, not {status!r}")
        fact = self.iri_of(key)
        when = now()
        with self.store.transaction():
            before = self.store.set_status(fact, status, curator, when, expected)
            decision = self._audit(curator, fact, before, status, reason, when, batch)
        return {"fact": key, "before": before, "status": status, "decision": decision, "at": when}

    @writes
    def bulk(self, keys: list[str], status: str, curator: str, reason: str | None = None) -> dict:
        """Decide several facts as one batch, in one transaction (undone together); stale facts are reported,
        not overwritten."""
        batch = uuid.uuid4().hex
        done, conflicts, unknown = [], [], []
        with self.store.transaction():
            for key in dict.fromkeys(keys):
                try:
                    current = self.store.status(self.iri_of(key))
                    if current is None:
                        raise UnknownFact(key)
                    done.append(self.decide(key, status, curator, expected=current, reason=reason, batch=batch))
                except Conflict as c:
                    conflicts.append({"fact": key, "current": c.current})
                except UnknownFact:
                    unknown.append(key)
        return {"batch": batch, "decided": done, "conflicts": conflicts, "unknown": unknown}

    def matching(self, **filters) -> tuple[list[str], int]:
        """The keys of the facts under the queue's filters (at most BULK_LIMIT, in queue order) and how many there
        are: to act on a whole filter, BULK_LIMIT facts at a time (one transaction, one batch to undo)."""
        views, total = self.store.queue().page(Filters(**filters), limit=BULK_LIMIT)
        return [row["key"] for row in views], total

    @writes
    def undo(self, curator: str) -> list[dict]:
        """Reverse the curator's last decision (or last batch) that is not yet undone."""
        group = self.store.queue().last_undoable(curator)
        undone = []
        when = now()
        with self.store.transaction():
            for d in group:
                self.store.set_status(d["fact"], d["before"], curator, when, expected=d["after"])
                if d["generated"] is not None:  # a correction: its new fact is withdrawn too
                    self.store.set_status(d["generated"], "rejected", curator, when)
                self._audit(curator, d["fact"], d["after"], d["before"], "undo", when, undoes=d["iri"])
                undone.append({"fact": self.key_of(d["fact"]), "status": d["before"]})
        return undone

    def history(self, curator: str | None = None, fact: str | None = None, limit: int = 200) -> list[dict]:
        """Decisions, newest first; a corrected fact's history goes on in its replacement."""
        if curator is not None and not is_absolute_iri(self.base.id("curator", curator)):
            raise InvalidChange("curator", f"no curator can be named {curator!r}")
        facts = self.revisions(self.iri_of(fact)) if fact else None
        rows = self.store.queue().history(curator, facts, limit)
        return [{"decision": r["iri"], "curator": r["curator"], "fact": self.key_of(r["fact"]), "summary": r["summary"],
                 "before": r["before"], "after": r["after"], "at": r["at"], "reason": r["reason"],
                 "generated": self.key_of(r["generated"]) if r["generated"] else None} for r in rows]

    # --- discussing ------------------------------------------------------------------
    @writes
    def comment(self, key: str, curator: str, text: str) -> dict:
        """A curator's remark on a fact, kept with the audit trail (who, when, what) and shown with the fact."""
        fact = self.iri_of(key)
        if self.store.status(fact) is None:
            raise UnknownFact(key)
        return {**self.comment_on(fact, curator, text), "fact": key}

    def comment_on(self, subject: str, curator: str, text: str) -> dict:
        """A remark on a fact or an entity: a short discussion curators keep beside it."""
        text = text.strip() if isinstance(text, str) else ""
        if not 1 <= len(text) <= 2000:
            raise InvalidChange("text", "text: a comment of 1–2000 characters")
        node, when = URIRef(self.base.id("comment", uuid.uuid4().hex)), now()
        triples = [(node, RDF.type, self.kr.Comment), (node, SCHEMA.about, URIRef(subject)), (node, SCHEMA.text, Literal(text)),
                   (node, SCHEMA.author, URIRef(self.base.id("curator", curator))),
                   (node, SCHEMA.dateCreated, Literal(when, datatype=XSD.dateTime))]
        self.store.add_audit(triples)
        return {"comment": str(node), "about": subject, "curator": curator, "at": when, "text": text}

    def comments(self, key: str) -> list[dict]:
        """A fact's comments, oldest first."""
        return self.comments_on(self.iri_of(key))

    def comments_on(self, subject: str) -> list[dict]:
        """The comments on a fact or an entity, oldest first."""
        audit = ox.NamedNode(self.base.audit)
        out = []
        for q in self.store.ox.quads_for_pattern(None, ox.NamedNode(str(SCHEMA.about)), ox.NamedNode(subject), audit):
            said = {p.predicate.value: p.object.value for p in self.store.ox.quads_for_pattern(q.subject, None, None, audit)}
            out.append({"comment": q.subject.value, "curator": said.get(str(SCHEMA.author), "").rsplit("/", 1)[-1],
                        "at": instant(said.get(str(SCHEMA.dateCreated), "")), "text": said.get(str(SCHEMA.text), "")})
        return sorted(out, key=lambda c: c["at"])

    # --- correcting ------------------------------------------------------------------
    def current_values(self, view: FactView) -> dict[str, str]:
        """The values a correction form starts from: the fact's name, type, role, organisation and date."""
        kr, out = self.kr, {}
        types = {str(v): k for k, v in ENTITY_TYPES.items()}
        main = next((t[0] for t in view.triples if t[1].value == str(RDF.type)), None)
        for subject, predicate, obj in view.triples:
            p = predicate.value
            if p == str(SCHEMA.name) and subject == main:
                out["name"] = obj.value
            elif p == str(RDF.type) and subject == main and obj.value in types:
                out["type"] = "organisation" if out.get("type") == "organisation" else types[obj.value]
            elif p == str(ORG.role):
                out["role"] = self.labels_of(obj.value) or obj.value.rsplit("/", 1)[-1]
            elif p == str(ORG.organization):
                out["organisation"] = obj.value
            elif p in (str(kr.attestedOn), str(SCHEMA.startDate)):
                out["date"] = obj.value
        if view.start is not None and view.end is not None:
            out["start"], out["end"] = str(view.start), str(view.end)
        return out

    def name_of(self, entity: str) -> str | None:
        """An entity's published name (schema:name)."""
        return next((q.object.value for q in self.store.ox.quads_for_pattern(
            ox.NamedNode(entity), ox.NamedNode(str(SCHEMA.name)), None, ox.DefaultGraph())), None)

    def labels_of(self, iri: str) -> str | None:
        found = self.store.ox.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(str(SKOS.prefLabel)), None,
                                                ox.NamedNode(self.base.vocabulary))
        labels = {q.object.language: q.object.value for q in found}
        return labels.get("pl") or next(iter(labels.values()), None)

    def revisions(self, fact: str) -> list[str]:
        """The fact and the facts it corrects, newest first."""
        chain = [fact]
        while True:
            found = [q.object.value for q in self.store.ox.quads_for_pattern(
                ox.NamedNode(chain[-1]), ox.NamedNode(str(PROV.wasRevisionOf)), None, ox.NamedNode(self.base.provenance))]
            if not found or found[0] in chain:
                return chain
            chain.append(found[0])

    @writes
    def correct(self, key: str, changes: dict, curator: str, expected: str | None = None, reason: str | None = None) -> dict:
        """Replace a fact by a corrected one. `changes`: name, type, role, organisation, date (+ precision)."""
        view = self.fact(key)
        if expected is not None and view.status != expected:
            raise Conflict(view.iri, view.status)
        triples = [(to_rdflib(s), to_rdflib(p), to_rdflib(o)) for s, p, o in view.triples]
        current = self.current_values(view)  # a pre-filled form sends the unchanged values too
        changes = {k: v.strip() if isinstance(v, str) else str(v) if k in ("start", "end") and type(v) is int else v
                   for k, v in changes.items() if v not in (None, "")}
        changed = {k: v for k, v in changes.items() if v != current.get(k)}
        span = {k: changed.pop(k) for k in ("start", "end") if k in changed}
        triples = self._apply(view, triples, changed) if changed or not span else triples
        new_key = digest(view.iri, "correction", sorted(map(str, triples)), sorted(span.items()), now())
        new = self.base.fact(new_key)
        self._check(new, triples)
        when = now()
        provenance = self._provenance_copy(view, new, curator, current.get("name"), changes.get("name"))
        if span:  # the words the fact rests on, moved: new selectors in place of the old ones
            from .additions import evidence_provenance  # builds on this module
            provenance = [t for t in provenance if t[1] not in (self.kr.evidence, self.kr.sentence)]
            provenance += evidence_provenance(self, view, new, changes.get("start", view.start), changes.get("end", view.end))
        with self.store.transaction():
            self.store.add_fact(new, triples, provenance, status="accepted")
            before = self.store.set_status(view.iri, "edited", curator, when, expected=view.status)
            decision = self._audit(curator, view.iri, before, "edited", reason, when, generated=new)
        return {"fact": key, "before": before, "status": "edited", "replacement": new_key, "decision": decision}

    def _apply(self, view: FactView, triples: list, changes: dict) -> list:
        kr = self.kr
        if not changes:
            raise InvalidChange("changes", "nothing to change")
        unknown = set(changes) - {"name", "type", "role", "organisation", "date", "precision", "start", "end"}
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
            out += [(main, SKOS.altLabel, Literal(str(o), lang="pl")) for s, p, o in present if p == SCHEMA.name]
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

    def entity_iri(self, value: str, field: str = "organisation") -> URIRef:
        """An entity by its IRI or its name; `field` names the form field in the error."""
        value = value.strip()
        if not value:
            raise InvalidChange(field, f"{field}: give an entity's IRI or name")
        if value.startswith(self.base.iri + "id/"):
            if any(self.store.ox.quads_for_pattern(ox.NamedNode(value), None, None, ox.DefaultGraph())):
                return URIRef(value)
            raise InvalidChange(field, f"{field}: unknown entity {value}")
        row = next(iter(self.store.query(f"""SELECT ?e WHERE {{ ?e <{SCHEMA.name}> ?n
            FILTER(LCASE(STR(?n)) = LCASE({Literal(value).n3()})) }} LIMIT 1""")), None)
        if row is None:
            raise InvalidChange(field, f"{field}: no entity named {value!r}")
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

    def _provenance_copy(self, view: FactView, new: str, curator: str, old_name: str | None = None,
                         new_name: str | None = None) -> list:
        """The corrected fact's provenance: the old evidence, a revision of the old fact, by the curator;
        its title says the new name."""
        kr, g = self.kr, URIRef(new)
        old = URIRef(view.iri)
        out = []
        for q in self.store.ox.quads_for_pattern(ox.NamedNode(view.iri), None, None, ox.NamedNode(self.base.provenance)):
            p = URIRef(q.predicate.value)
            if p in (kr.rule, kr.confidence, RDFS.label):
                continue
            out.append((g, p, to_rdflib(q.object)))
        summary = view.summary.replace(old_name, new_name) if old_name and new_name else view.summary
        summary += " (poprawione)"
        out += [(g, kr.rule, Literal("curator")), (g, kr.confidence, Literal("1.00", datatype=XSD.decimal)),
                (g, RDFS.label, Literal(summary, lang="pl")), (g, PROV.wasRevisionOf, old),
                (g, PROV.wasAttributedTo, URIRef(self.base.id("curator", curator)))]
        return out

    # --- merging -----------------------------------------------------------------------
    def kind_of(self, iri: URIRef) -> str:
        return str(iri)[len(self.base.iri) + 3:].split("/", 1)[0]

    def merge_preview(self, keep: str, gone: str) -> dict:
        """What a merge would do, refused when the two cannot be one thing (a person is never a place;
        an organisation and a place may be: a town acts as a body)."""
        keep_, gone_ = self.entity_iri(keep, "keep"), self.entity_iri(gone, "gone")
        if keep_ == gone_:
            raise InvalidChange("gone", "an entity cannot be merged into itself")
        kinds = {self.kind_of(keep_), self.kind_of(gone_)}
        if len(kinds) > 1 and kinds != {"organisation", "place"}:
            raise InvalidChange("gone", f"a {self.kind_of(gone_)} cannot be merged into a {self.kind_of(keep_)}: "
                                        f"{gone_} → {keep_}")
        names = sorted({q.object.value for q in self.store.ox.quads_for_pattern(ox.NamedNode(str(gone_)), None, None,
                        ox.DefaultGraph()) if q.predicate.value in (str(SCHEMA.name), str(SKOS.altLabel))})
        facts = [q.subject.value for q in self.store.ox.quads_for_pattern(
            None, ox.NamedNode(str(SCHEMA.about)), ox.NamedNode(str(gone_)), ox.NamedNode(self.base.provenance))]
        links = sum(1 for _ in self.store.ox.quads_for_pattern(None, None, ox.NamedNode(str(gone_)), ox.DefaultGraph()))
        return {"keep": str(keep_), "gone": str(gone_), "keep_kind": self.kind_of(keep_), "gone_kind": self.kind_of(gone_),
                "names": names, "facts": len(facts), "links": links}

    @writes
    def merge(self, keep: str, gone: str, curator: str, reason: str | None = None) -> dict:
        """One entity IRI survives; the other answers with a redirect (dcterms:isReplacedBy, owl:sameAs)
        and its names become the kept one's alternative labels. A split undoes it."""
        preview = self.merge_preview(keep, gone)
        keep_, gone_ = URIRef(preview["keep"]), URIRef(preview["gone"])
        triples = [(gone_, DCTERMS.isReplacedBy, keep_), (gone_, OWL.sameAs, keep_)]
        triples += [(keep_, SKOS.altLabel, Literal(n, lang="pl")) for n in preview["names"]]
        key = digest(keep_, "merge", gone_)
        fact = self.base.fact(key)
        when = now()
        provenance = [(URIRef(fact), RDF.type, self.kr.CuratorFact),
                      (URIRef(fact), RDFS.label, Literal(f"{gone_} → {keep_} (scalenie / merge)", lang="pl")),
                      (URIRef(fact), self.kr.rule, Literal("curator-merge")),
                      (URIRef(fact), self.kr.confidence, Literal("1.00", datatype=XSD.decimal)),
                      (URIRef(fact), PROV.wasAttributedTo, URIRef(self.base.id("curator", curator))),
                      (URIRef(fact), SCHEMA.about, keep_), (URIRef(fact), SCHEMA.about, gone_)]
        with self.store.transaction():
            if self.store.status(fact) is None:
                self.store.add_fact(fact, triples, provenance, status="accepted")
                before = "rejected"  # what an undo returns it to: out of the public view, the merge undone
            else:
                before = self.store.set_status(fact, "accepted", curator, when)
            self._audit(curator, fact, before, "accepted", reason or "merge", when)
        return {**preview, "merge": key, "kept": str(keep_), "replaced": str(gone_)}

    def facts_about(self, entity: str, limit: int = 500) -> list[FactView]:
        """The facts in force that name an entity (its mentions and what is said of it), to move some."""
        keys = [self.key_of(q.subject.value) for q in self.store.ox.quads_for_pattern(
            None, ox.NamedNode(str(SCHEMA.about)), ox.NamedNode(entity), ox.NamedNode(self.base.provenance))]
        views = []
        for key in sorted(set(keys))[:limit]:
            try:
                view = self.fact(key)
            except UnknownFact:
                continue  # about it in provenance but not in the queue: a merge, a link
            if view.status in ("pending", "accepted"):  # edited ones have moved on to their replacement
                views.append(view)
        return sorted(views, key=lambda v: (v.document or "", v.start or 0))

    @writes
    def move(self, entity: str, keys: list[str], curator: str, to: str | None = None, name: str | None = None,
             reason: str | None = None) -> dict:
        """Split an entity by moving mentions: each fact in `keys` is replaced by one about `to` (another
        entity, by IRI or name) or, without `to`, about a new entity named `name` (the entity's name by
        default). The old facts become `edited`, the new ones keep their status, all in one batch that an
        undo takes back."""
        source = self.entity_iri(entity, "entity")
        kind = self.kind_of(source)
        if not keys:
            raise InvalidChange("facts", "choose the facts (mentions) to move")
        if to:
            target = self.entity_iri(to, "to")
            if target == source:
                raise InvalidChange("to", "the facts are already about this entity")
            if {kind, self.kind_of(target)} not in ({kind}, {"organisation", "place"}):
                raise InvalidChange("to", f"a {kind}'s facts cannot move to a {self.kind_of(target)}: {target}")
        else:
            label = (name or self.name_of(str(source)) or "").strip()
            if not label or len(label) > 300:
                raise InvalidChange("name", "name the new entity (1–300 characters)")
            target = URIRef(self.base.id(kind, f"{str(source).rsplit('/', 1)[-1]}--{digest(source, label, now(), size=4)}"))
        views = []
        for key in dict.fromkeys(keys):
            view = self.fact(key)
            if not any(URIRef(t.value) == source for triple in view.triples for t in triple if isinstance(t, ox.NamedNode)):
                raise InvalidChange("facts", f"fact {key} does not name {source}")
            views.append(view)
        batch, when, moved = uuid.uuid4().hex, now(), []
        with self.store.transaction():
            for view in views:
                triples = [tuple(target if to_rdflib(t) == source else to_rdflib(t) for t in triple) for triple in view.triples]
                if not to:  # the new entity is named in every fact that moves to it
                    names = {SCHEMA.name, SKOS.prefLabel, RDFS.label}
                    triples = [t for t in triples if not (t[0] == target and t[1] in names)]
                    triples += [(target, SCHEMA.name, Literal(label)), (target, RDFS.label, Literal(label, lang="pl"))]
                    if kind == "organisation":
                        triples.append((target, SKOS.prefLabel, Literal(label, lang="pl")))
                new = self.base.fact(digest(view.iri, "move", target, when))
                self._check(new, triples)
                provenance = [(s, p, target if o == source else o)
                              for s, p, o in self._provenance_copy(view, new, curator)]
                status = view.status if view.status in ("pending", "accepted") else "pending"
                self.store.add_fact(new, triples, provenance, status=status)
                before = self.store.set_status(view.iri, "edited", curator, when, expected=view.status)
                self._audit(curator, view.iri, before, "edited", reason or f"moved to {target}", when, batch=batch, generated=new)
                moved.append({"fact": view.key, "replacement": self.key_of(new)})
        return {"entity": str(source), "to": str(target), "new": not to, "moved": moved, "batch": batch}

    def split(self, merge_key: str, curator: str, reason: str | None = None) -> dict:
        """Undo a wrong merge: the merge fact is rejected, both IRIs answer for themselves again."""
        return self.decide(merge_key, "rejected", curator, reason=reason or "split")


def _valid_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False
