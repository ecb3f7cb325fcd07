"""What Kronika knows about one resource: its triples, incoming links (paged), labels,
the memberships of a person, and the provenance of the facts about it.

Shared by the RDF documents (`/data/…`), the HTML pages (`/page/…`) and their JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.store import HIDDEN, Store

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://schema.org/name",
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


class Describer:
    def __init__(self, store: Store):
        self.store = store
        self.base = store.base
        self.kr = store.base.kr

    def graph_of(self, iri: str) -> ox.NamedNode | ox.DefaultGraph:
        kind = iri[len(self.base.iri):].split("/")[1] if iri.startswith(self.base.iri + "id/") else ""
        return ox.NamedNode(self.base.provenance) if kind in PROVENANCE_KINDS else ox.DefaultGraph()

    def exists(self, iri: str) -> bool:
        node = ox.NamedNode(iri)
        graph = self.graph_of(iri)
        return any(True for _ in self.store.ox.quads_for_pattern(node, None, None, graph)) or \
            self.replacement(iri) is not None

    def replacement(self, iri: str) -> str | None:
        for pred in REPLACED[:1]:
            for q in self.store.ox.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(pred), None, ox.DefaultGraph()):
                return q.object.value
        return None

    def describe(self, iri: str, page: int = 0, size: int = 20, with_facts: bool = True) -> Resource:
        node, graph = ox.NamedNode(iri), self.graph_of(iri)
        r = Resource(iri, replaced_by=self.replacement(iri))
        r.outgoing = sorted(((q.predicate, q.object) for q in self.store.ox.quads_for_pattern(node, None, None, graph)),
                            key=lambda po: (po[0].value, str(po[1])))
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
                for q in self.store.ox.quads_for_pattern(node, p, None, default):
                    found.setdefault(q.object.language or "", q.object.value)
            if not found:
                for q in self.store.ox.quads_for_pattern(node, predicates[1], None, provenance):
                    found.setdefault("", q.object.value)
        return {k: v for k, v in out.items() if v}

    def _memberships(self, iri: str) -> list[dict]:
        rows = self.store.query(f"""
            PREFIX org: <http://www.w3.org/ns/org#>
            SELECT ?m ?role ?org ?date WHERE {{
              ?m org:member <{iri}> ; org:role ?role ; org:organization ?org .
              OPTIONAL {{ ?m <{self.kr.attestedOn}> ?date }} }}""")
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
        return [q.subject.value for q in self.store.ox.quads_for_pattern(
            None, ox.NamedNode(REPLACED[0]), ox.NamedNode(iri), ox.DefaultGraph())]

    def facts_about(self, iri: str) -> list[dict]:
        """Published facts that state something about the resource (or an entity merged into it), with their
        evidence."""
        facts = [f for about in [iri, *self.merged_into(iri)] for f in self._facts_about(about)]
        return sorted(facts, key=lambda f: (f["document"], f["start"]))

    def _facts_about(self, iri: str) -> list[dict]:
        kr = self.kr
        rows = self.store.query(f"""
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
        texts: dict[str, str] = {}
        facts = []
        for row in rows:
            status = row["status"].value.rsplit("#", 1)[-1]
            if status in HIDDEN:
                continue
            doc = row["doc"].value
            if doc not in texts:
                texts[doc] = next((q.object.value for q in self.store.ox.quads_for_pattern(
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
