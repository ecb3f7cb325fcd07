"""Named graphs as web resources: every fact graph IRI the data mints dereferences to its triples,
their provenance and review state; the shared graphs (provenance, review, …) to a description
and the SPARQL query that reads them."""
from __future__ import annotations

from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from rdflib import Graph

from graph.store import to_rdflib
from graph.vocab import PREFIXES, is_absolute_iri

from ..app import kronika
from .linked_data import HTML_TYPES, TURTLE_TYPES, graph_groups, negotiate, not_acceptable, not_found

bp = Blueprint("graphs", __name__)

QUAD_FORMATS = {"application/trig": ox.RdfFormat.TRIG, "application/n-quads": ox.RdfFormat.N_QUADS,
                "application/ld+json": ox.RdfFormat.JSON_LD}
TRIPLE_FORMATS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
                  **{mime: ox.RdfFormat.TURTLE for mime in TURTLE_TYPES}}
# Turtle first: a client that takes anything (rdflib's Graph().parse sends every type it reads, all
# q=1) gets every triple in a form any RDF reader keeps; TriG and N-Quads keep the graphs, on request.
OFFERED = [*TRIPLE_FORMATS, *QUAD_FORMATS, *HTML_TYPES]
SHARED_OFFERED = [*HTML_TYPES, *QUAD_FORMATS, *TRIPLE_FORMATS]  # a browser first: the page says how to read it
SHARED = {  # graph name -> what it holds
    "provenance": "Pochodzenie faktów: dokumenty, przebiegi ekstrakcji, dowody w tekście / "
                  "provenance of every fact: documents, extraction runs, evidence in the text",
    "review": "Stan przeglądu każdego faktu / the review status of every fact",
    "audit": "Decyzje kuratorów / curators' decisions",
    "documents": "Dokumenty źródłowe / source documents",
    "vocabulary": "Słownik ról i ontologia / role vocabulary and ontology",
}


def fact_quads(iri: str) -> tuple[list, list, list]:
    """The fact graph's own quads; its provenance (the fact and the evidence nodes it names,
    `<fact>#…`); its review status."""
    k = kronika()
    store, fact = k.store.ox, ox.NamedNode(iri)
    content = list(store.quads_for_pattern(None, None, None, fact))
    provenance, seen, todo = [], set(), [fact]
    while todo:
        node = todo.pop()
        seen.add(node.value)
        for q in store.quads_for_pattern(node, None, None, ox.NamedNode(k.base.provenance)):
            provenance.append(q)
            if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(iri + "#") \
                    and q.object.value not in seen:
                todo.append(q.object)
    review = list(store.quads_for_pattern(fact, None, None, ox.NamedNode(k.base.review)))
    return content, provenance, review


def _prefixes() -> dict[str, str]:
    return {**PREFIXES, "kr": str(kronika().base.kr)}


def _rdflib_graph(quads) -> Graph:
    g = Graph()
    for prefix, ns in _prefixes().items():
        g.bind(prefix, ns, override=True, replace=True)
    for q in quads:
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


@bp.route("/graph/fact/<key>", methods=["GET", "HEAD"])
def fact(key):
    iri = kronika().base.fact(key)
    if not is_absolute_iri(iri):
        abort(404, description=f"no fact graph can have the name {key!r}")
    content, provenance, review = fact_quads(iri)
    if not (content or provenance or review):
        return not_found(iri)
    mime = negotiate(OFFERED)
    if mime is None:
        return not_acceptable(OFFERED)
    headers = {"Access-Control-Allow-Origin": "*"}  # Vary: the app sets it on every answer
    if mime in HTML_TYPES:
        sections = [{"name": name, "groups": graph_groups(_rdflib_graph(quads))} for name, quads in
                    (("Treść faktu / the fact's triples", content), ("Pochodzenie / provenance", provenance),
                     ("Stan przeglądu / review", review)) if quads]
        return Response(render_template("graph.html", title=f"Fakt / fact {key}", intro=iri, sections=sections,
                                        alternates=[*QUAD_FORMATS, *TRIPLE_FORMATS][:5]), headers=headers)
    prefixes = _prefixes()
    if mime in QUAD_FORMATS:
        fmt = QUAD_FORMATS[mime]
        body = ox.serialize(content + provenance + review, format=fmt,
                            **({"prefixes": prefixes} if fmt == ox.RdfFormat.TRIG else {}))
    else:  # a client that reads only triples gets them all, merged
        fmt = TRIPLE_FORMATS[mime]
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in content + provenance + review]
        body = ox.serialize(triples, format=fmt, **({"prefixes": prefixes} if fmt == ox.RdfFormat.TURTLE else {}))
    return Response(body, mimetype=mime, headers=headers)


@bp.route("/graph/<name>", methods=["GET", "HEAD"])
def shared(name):
    if name not in SHARED:
        return not_found(request.url)
    iri = kronika().base.graph(name)
    mime = negotiate(SHARED_OFFERED)
    if mime is None:
        return not_acceptable(SHARED_OFFERED)
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    if mime in HTML_TYPES:
        count = f"SELECT (COUNT(*) AS ?triples) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
        return render_template("named_graph.html", name=name, iri=iri, about=SHARED[name],
                               query=url_for("sparql.sparql") + "?" + urlencode({"query": query}),
                               count=url_for("sparql.sparql") + "?" + urlencode({"query": count}))
    # A large graph is read through the SPARQL endpoint, under its time limit and row cap.
    return redirect(url_for("sparql.sparql") + "?" + urlencode({"query": query}), 303)
