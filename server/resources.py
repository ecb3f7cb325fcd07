"""What Kronika knows about one resource: its triples, incoming links (paged), labels,
the memberships of a person, and the provenance of the facts about it.

Shared by the RDF documents (`/data/…`), the HTML pages (`/page/…`) and their JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.store import HIDDEN, Store

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
LABELS = (RDFS_LABEL, "http://schema.org/name",
          "http://www.w3.org/2004/02/skos/core#prefLabel")
REPLACED = ("http://purl.org/dc/terms/isReplacedBy", "http://www.w3.org/2002/07/owl#sameAs")
OA = "http://www.w3.org/ns/oa#"
PROVENANCE_KINDS = ("document", "document-version", "upload", "run", "curator", "decision")


def term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"iri": term.value}
    if isinstance(term, ox.BlankNode):
        return {"bnode": term.value}
    out = {"value": term.value}
    if term.language:
        out["lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


@dataclass
class Resource:
    iri: str
    outgoing: list = field(default_factory=list)       # (predicate, object) pyoxigraph terms
    incoming: list = field(default_factory=list)       # (subject, predicate) of this page
    incoming_total: int = 0
    incoming_by_predicate: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)         # iri -> {lang: label}
    memberships: list = field(default_factory=list)
    facts: list = field(default_factory=list)
    replaced_by: str | None = None


INCOMING_IN_PYTHON = 500  # incoming links counted and paged from the index below this many; SPARQL above


class Describer:
    """Made per request. On an embedded store the page's patterns are read from the store's indexes
    (a few microseconds each) rather than as SPARQL queries (~0.2–2 ms each to parse, plan and run);
    a remote store is asked in SPARQL, one round trip per question."""

    def __init__(self, store: Store):
        self.store = store
        self.base = store.base
        self.kr = store.base.kr
        self.lookups = not store.remote  # patterns read from the indexes (see the class's docstring)
        self._ox = None

    @property
    def ox(self):
        """The store's handle, looked up once per Describer (each look costs a stat of the change file)."""
        if self._ox is None:
            self._ox = self.store.ox
        return self._ox

    def _objects(self, subject, predicate, graph):
        return [q.object for q in self.ox.quads_for_pattern(subject, predicate, None, graph)]

    def graph_of(self, iri: str) -> ox.NamedNode | ox.DefaultGraph:
        kind = iri[len(self.base.iri):].split("/")[1] if iri.startswith(self.base.iri + "id/") else ""
        return ox.NamedNode(self.base.provenance) if kind in PROVENANCE_KINDS else ox.DefaultGraph()

    def exists(self, iri: str) -> bool:
        node = ox.NamedNode(iri)
        graph = self.graph_of(iri)
        return any(True for _ in self.ox.quads_for_pattern(node, None, None, graph)) or \
            self.replacement(iri) is not None

    def replacement(self, iri: str) -> str | None:
        for pred in REPLACED[:1]:
            for q in self.ox.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(pred), None, ox.DefaultGraph()):
                return q.object.value
        return None

    def describe(self, iri: str, page: int = 0, size: int = 20, with_facts: bool = True) -> Resource:
        node, graph = ox.NamedNode(iri), self.graph_of(iri)
        r = Resource(iri, replaced_by=self.replacement(iri))
        r.outgoing = sorted(((q.predicate, q.object) for q in self.ox.quads_for_pattern(node, None, None, graph)),
                            key=lambda po: (po[0].value, str(po[1])))
        if not self._incoming_from_index(r, node, page, size):
            counts = self.store.query(f"SELECT ?p (COUNT(?s) AS ?n) WHERE {{ ?s ?p <{iri}> }} GROUP BY ?p")
            r.incoming_by_predicate = {row["p"].value: int(row["n"].value) for row in counts}
            r.incoming_total = sum(r.incoming_by_predicate.values())
            rows = self.store.query(f"SELECT ?s ?p WHERE {{ ?s ?p <{iri}> }} ORDER BY ?p ?s LIMIT {size} OFFSET {page * size}")
            r.incoming = [(row["s"], row["p"]) for row in rows]
        linked = {iri} | {o.value for p, o in r.outgoing if isinstance(o, ox.NamedNode)} | \
            {p.value for p, _o in r.outgoing} | {s.value for s, _p in r.incoming if isinstance(s, ox.NamedNode)} | \
            {p.value for _s, p in r.incoming}
        if self._is_person(r):
            r.memberships = self._memberships(iri)
            linked |= {m["role"] for m in r.memberships} | {m["organisation"] for m in r.memberships}
        r.labels = self.labels(linked)
        if with_facts:
            r.facts = self.facts_about(iri)
        return r

    def _incoming_from_index(self, r: Resource, node, page: int, size: int) -> bool:
        """The incoming links' counts by predicate and their page, as the two SPARQL queries give them
        (`GROUP BY ?p`; `ORDER BY ?p ?s LIMIT … OFFSET …`), read from the index; False (nothing set)
        on a remote store, for a hub with more than INCOMING_IN_PYTHON links, or when a subject is a
        blank node (whose order SPARQL leaves to the store)."""
        if not self.lookups:
            return False
        links = []
        for q in self.ox.quads_for_pattern(None, None, node, ox.DefaultGraph()):
            if len(links) == INCOMING_IN_PYTHON or not isinstance(q.subject, ox.NamedNode):
                return False
            links.append((q.subject, q.predicate))
        counts: dict[str, int] = {}
        for _s, p in links:
            counts[p.value] = counts.get(p.value, 0) + 1
        r.incoming_by_predicate = counts
        r.incoming_total = len(links)
        links.sort(key=lambda sp: (sp[1].value, sp[0].value))
        r.incoming = links[page * size:(page + 1) * size]
        return True

    def _is_person(self, r: Resource) -> bool:
        return any(p.value == RDF_TYPE and o.value == "http://schema.org/Person" for p, o in r.outgoing)

    def labels(self, iris) -> dict:
        """Labels by language, looked up directly (index lookups beat a VALUES join on a large store)."""
        out: dict[str, dict] = {}
        default, provenance = ox.DefaultGraph(), ox.NamedNode(self.base.provenance)
        predicates = [ox.NamedNode(p) for p in LABELS]
        for iri in {i for i in iris if i}:
            node = ox.NamedNode(iri)
            found = out.setdefault(iri, {})
            for p in predicates:
                for q in self.ox.quads_for_pattern(node, p, None, default):
                    found.setdefault(q.object.language or "", q.object.value)
            if not found:
                for q in self.ox.quads_for_pattern(node, predicates[1], None, provenance):
                    found.setdefault("", q.object.value)
        return {k: v for k, v in out.items() if v}

    def _membership_rows(self, iri: str):
        """(?m, ?role, ?org, ?date or None) as the memberships query gives them, read from the index."""
        default = ox.DefaultGraph()
        member, role_p, org_p = (ox.NamedNode(f"http://www.w3.org/ns/org#{n}") for n in ("member", "role", "organization"))
        attested = ox.NamedNode(str(self.kr.attestedOn))
        for q in self.ox.quads_for_pattern(None, member, ox.NamedNode(iri), default):
            m = q.subject
            for role in self._objects(m, role_p, default):
                for org in self._objects(m, org_p, default):
                    for date in self._objects(m, attested, default) or [None]:  # OPTIONAL
                        yield {"m": m, "role": role, "org": org, "date": date}

    def _memberships(self, iri: str) -> list[dict]:
        if self.lookups:
            return self._grouped_memberships(self._membership_rows(iri))
        rows = self.store.query(f"""
            PREFIX org: <http://www.w3.org/ns/org#>
            SELECT ?m ?role ?org ?date WHERE {{
              ?m org:member <{iri}> ; org:role ?role ; org:organization ?org .
              OPTIONAL {{ ?m <{self.kr.attestedOn}> ?date }} }}""")
        return self._grouped_memberships(rows)

    @staticmethod
    def _grouped_memberships(rows) -> list[dict]:
        grouped: dict[str, dict] = {}
        for row in rows:
            m = grouped.setdefault(row["m"].value, {"membership": row["m"].value, "role": row["role"].value,
                                                    "organisation": row["org"].value, "dates": []})
            if row["date"] is not None:
                m["dates"].append(row["date"].value)
        for m in grouped.values():
            m["dates"] = sorted(set(m["dates"]))
        return sorted(grouped.values(), key=lambda m: (m["dates"][:1] or ["9999"], m["role"]))

    def merged_into(self, iri: str) -> list[str]:
        """Entities a curator merged into this one."""
        return [q.subject.value for q in self.ox.quads_for_pattern(
            None, ox.NamedNode(REPLACED[0]), ox.NamedNode(iri), ox.DefaultGraph())]

    def facts_about(self, iri: str) -> list[dict]:
        """Published facts that state something about the resource (or an entity merged into it), with their
        evidence."""
        facts = [f for about in [iri, *self.merged_into(iri)] for f in self._facts_about(about)]
        return sorted(facts, key=lambda f: (f["document"], f["start"]))

    def _fact_rows(self, iri: str):
        """The rows of the facts query below, read from the index: the same joins, pattern by pattern."""
        kr, prov, review = self.kr, ox.NamedNode(self.base.provenance), ox.NamedNode(self.base.review)
        n = ox.NamedNode
        about, label, derived = n("http://schema.org/about"), n(RDFS_LABEL), n("http://www.w3.org/ns/prov#wasDerivedFrom")
        rule_p, confidence_p, evidence_p, sentence_p = n(str(kr.rule)), n(str(kr.confidence)), n(str(kr.evidence)), \
            n(str(kr.sentence))
        selector, start_p, end_p, status_p = n(OA + "hasSelector"), n(OA + "start"), n(OA + "end"), n(str(kr.reviewStatus))
        rdf_type, position = n(RDF_TYPE), n(OA + "TextPositionSelector")
        objects = self._objects
        for q in self.ox.quads_for_pattern(None, about, n(iri), prov):
            g = q.subject
            statuses = objects(g, status_p, review)
            if not statuses:
                continue
            positions = [(start, end) for ev in objects(g, evidence_p, prov) for pos in objects(ev, selector, prov)
                         if any(True for _ in self.ox.quads_for_pattern(pos, rdf_type, position, prov))
                         for start in objects(pos, start_p, prov) for end in objects(pos, end_p, prov)]
            sentences = [(sstart, send) for sent in objects(g, sentence_p, prov) for spos in objects(sent, selector, prov)
                         for sstart in objects(spos, start_p, prov) for send in objects(spos, end_p, prov)]
            if not positions or not sentences:
                continue
            for summary in objects(g, label, prov):
                for rule in objects(g, rule_p, prov):
                    for confidence in objects(g, confidence_p, prov):
                        for doc in objects(g, derived, prov):
                            for start, end in positions:
                                for sstart, send in sentences:
                                    for status in statuses:
                                        yield {"g": g, "summary": summary, "status": status, "rule": rule,
                                               "confidence": confidence, "doc": doc, "start": start, "end": end,
                                               "sstart": sstart, "send": send}

    def _facts_about(self, iri: str) -> list[dict]:
        if not self.lookups:
            return self._facts(self._fact_query(iri))
        facts = self._facts(self._fact_rows(iri))
        facts.sort(key=lambda f: (f["document"], f["start"]))  # the query's ORDER BY ?doc ?start
        return facts

    def _fact_query(self, iri: str):
        kr = self.kr
        return self.store.query(f"""
            SELECT ?g ?summary ?status ?rule ?confidence ?doc ?start ?end ?sstart ?send WHERE {{
              GRAPH <{self.base.provenance}> {{
                ?g <http://schema.org/about> <{iri}> ; <http://www.w3.org/2000/01/rdf-schema#label> ?summary ;
                   <{kr.rule}> ?rule ; <{kr.confidence}> ?confidence ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc ;
                   <{kr.evidence}> ?ev ; <{kr.sentence}> ?sent .
                ?ev <{OA}hasSelector> ?pos . ?pos a <{OA}TextPositionSelector> ; <{OA}start> ?start ; <{OA}end> ?end .
                ?sent <{OA}hasSelector> ?spos . ?spos <{OA}start> ?sstart ; <{OA}end> ?send .
              }}
              GRAPH <{self.base.review}> {{ ?g <{kr.reviewStatus}> ?status }}
            }} ORDER BY ?doc ?start""")

    def _facts(self, rows) -> list[dict]:
        """The facts of the rows, with their sentences, in the order of their documents and positions."""
        texts: dict[str, str] = {}
        facts = []
        for row in rows:
            status = row["status"].value.rsplit("#", 1)[-1]
            if status in HIDDEN:
                continue
            doc = row["doc"].value
            if doc not in texts:
                texts[doc] = next((q.object.value for q in self.ox.quads_for_pattern(
                    ox.NamedNode(doc), ox.NamedNode("http://schema.org/text"), None,
                    ox.NamedNode(self.base.provenance))), "")
            start, end = int(row["start"].value), int(row["end"].value)
            sstart, send = int(row["sstart"].value), int(row["send"].value)
            sentence = texts[doc][sstart:send]
            facts.append({"fact": row["g"].value, "summary": row["summary"].value, "status": status,
                          "rule": row["rule"].value, "confidence": float(row["confidence"].value), "document": doc,
                          "sentence": sentence, "before": texts[doc][sstart:start], "words": texts[doc][start:end],
                          "after": texts[doc][end:send], "start": start, "end": end})
        return facts
