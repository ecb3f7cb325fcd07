"""Dereferenceable IRIs (Cool URIs): /id/… answers 303 to /page/… (HTML) or /data/… (RDF),
with content negotiation; VoID, the ontology, dumps, robots.txt and a sitemap."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, jsonify, redirect, render_template, request, send_file, url_for
from rdflib import BNode, Graph, Literal, URIRef

from graph.dumps import NAMES as DUMP_NAMES
from graph.facts import EVENT_LABELS_PL, RELATION_LABELS_PL
from graph.links import TARGETS, CuratorLinks, linkset_triples
from graph.review import Review
from graph.sources import Sources
from graph.queue_index import Filters
from graph.store import to_rdflib
from graph.vocab import DCTERMS, OWL, PREFIXES, PROV, RDF, RDFS, SCHEMA, VOID, XSD, ONTOLOGY_FILE, is_absolute_iri

from ..app import kronika
from ..annotated import annotate
from ..queries import ALIASES, AS_GRAPH, GRAPH_FORMATS
from ..resources import Describer, term_json
from ..timeline import entity_timeline
from .maps import points
from .review import entity_desk

bp = Blueprint("linked_data", __name__)

RDF_FORMATS = {  # media type -> (rdflib format, extension)
    "text/turtle": ("turtle", "ttl"),
    "application/ld+json": ("json-ld", "jsonld"),
    "application/n-triples": ("nt", "nt"),
    "application/rdf+xml": ("xml", "rdf"),
}
# Other names clients give Turtle (it is valid N3): answered with Turtle under the type they asked for.
TURTLE_TYPES = ["text/n3", "application/turtle", "application/x-turtle", "text/rdf+n3"]
RDF_TYPES = [*RDF_FORMATS, *TURTLE_TYPES]
BY_EXTENSION = {ext: mime for mime, (_f, ext) in RDF_FORMATS.items()}
HTML_TYPES = ["text/html", "application/xhtml+xml"]
LICENSE = "https://www.gnu.org/licenses/gpl-3.0.html"


@bp.after_request
def revalidate(response: Response) -> Response:
    """Pages and data carry an ETag of the store version: every decision changes them, a 304 costs nothing."""
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.direct_passthrough:
        key = "\x1f".join([kronika().store.version(), request.full_path, request.headers.get("Accept", ""),
                            request.headers.get("Accept-Language", "")])
        response.set_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
        response.headers.setdefault("Cache-Control", "public, max-age=0, must-revalidate")
        response.make_conditional(request)
    return response


def describer() -> Describer:
    return Describer(kronika().store)


def outbound_links(iri: str) -> list[dict]:
    """The published owl:sameAs links of a resource to known datasets, named ("Wikidata Q42"), with who made them."""
    return CuratorLinks(Review(kronika().store)).published(iri)


MAX_PAGE = 1_000_000


def iri_of(path: str) -> str:
    """The IRI a path names; a 404 when no IRI can have it (spaces, quotes, brackets, bad UTF-8, NUL)."""
    iri = kronika().base.iri + "id/" + path
    if not is_absolute_iri(iri):
        abort(404, description=f"no resource can have the name {path!r}")
    return iri


def path_of(iri: str) -> str | None:
    prefix = kronika().base.iri + "id/"
    return iri[len(prefix):] if iri.startswith(prefix) else None


def not_acceptable(offered: list[str]) -> Response:
    body = "Nie mogę podać tego formatu / none of the accepted types is offered. Offered: " + ", ".join(offered) + "\n"
    return Response(body, status=406, mimetype="text/plain", headers={"Vary": "Accept"})


PAGE_TOKENS = {"html": "text/html", "json": "application/json"}  # /id?format=json: the page as JSON


def format_type(token: str) -> str:
    """The media type a `format=` token names, read as the SPARQL endpoint reads it for a graph
    ("ttl", "n3", "xml" = RDF/XML, "jsonld", …); a media type stays itself."""
    token = token.strip().lower()
    if token in PAGE_TOKENS:
        return PAGE_TOKENS[token]
    name = ALIASES.get(token, token)
    name = AS_GRAPH.get(name, name)
    return GRAPH_FORMATS[name][0] if name in GRAPH_FORMATS and "/" not in token else token


def negotiate(offered: list[str]) -> str | None:
    """The offered type `format=` names (a token or a media type), else the best for the Accept header;
    None when nothing offered is acceptable."""
    if "format" in request.args:
        wanted = format_type(request.args["format"])
        return wanted if wanted in offered else None
    if not request.headers.get("Accept"):
        return offered[0]
    return request.accept_mimetypes.best_match(offered)


def not_found(iri: str):
    message = f"Nieznany zasób / unknown resource: {iri}"
    if request.accept_mimetypes.best_match(["text/html", "application/json", "text/plain"]) == "application/json":
        return jsonify(error="not found", iri=iri), 404
    return render_template("error.html", status=404, message=message), 404


def label_for(labels: dict, iri: str) -> str:
    options = labels.get(iri, {})
    lang = request.accept_languages.best_match(["pl", "en"]) or "pl"
    for key in (lang, "pl", "en", ""):
        if key in options:
            return options[key]
    if options:
        return next(iter(options.values()))
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# --- /id → /page | /data -------------------------------------------------------------

@bp.route("/id/<path:path>", methods=["GET", "HEAD"])
def thing(path):
    iri = iri_of(path)
    d = describer()
    if not d.exists(iri):
        return not_found(iri)
    replacement = d.replacement(iri)
    if replacement and path_of(replacement):
        return redirect(url_for("linked_data.thing", path=path_of(replacement)), 302)  # temporary: a split undoes it
    best = negotiate(HTML_TYPES + ["application/json"] + RDF_TYPES)
    if best is None:
        return not_acceptable(HTML_TYPES + ["application/json"] + RDF_TYPES)
    if best in RDF_TYPES:
        target = url_for("linked_data.data", path=path)
    elif best == "application/json":
        target = url_for("linked_data.page", path=path, format="json")
    else:
        target = url_for("linked_data.page", path=path)
    response = redirect(target, 303)
    response.headers["Vary"] = "Accept"
    return response


def split_extension(path: str) -> tuple[str, str | None]:
    stem, _, ext = path.rpartition(".")
    if stem and ext in BY_EXTENSION:
        return stem, BY_EXTENSION[ext]
    return path, None


def page_number(name: str = "page") -> int:
    try:
        page = int(request.args.get(name, "0"))
    except ValueError:
        abort(400, description=f"{name} must be a number")
    if not 0 <= page <= MAX_PAGE:
        abort(400, description=f"{name} must be between 0 and {MAX_PAGE:,}")
    return page


def rdf_of(iri: str, page: int, size: int) -> Graph:
    """Outgoing triples, a page of incoming ones, labels of what they link, and fact provenance."""
    k = kronika()
    d = describer()
    r = d.describe(iri, page, size)
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    g.bind("kr", k.base.kr)
    g.bind("void", VOID)
    subject = URIRef(iri)

    for p, o in r.outgoing:
        g.add((subject, to_rdflib(p), to_rdflib(o)))
    for part in {o.value for _p, o in r.outgoing if isinstance(o, ox.NamedNode) and o.value.startswith(iri + "#")}:
        for q in k.store.ox.quads_for_pattern(ox.NamedNode(part), None, None, ox.DefaultGraph()):
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))  # its point: a part of it
    for s, p in r.incoming:
        g.add((to_rdflib(s), to_rdflib(p), subject))
    for linked, by_lang in r.labels.items():
        if linked == iri:
            continue
        for lang, label in by_lang.items():
            g.add((URIRef(linked), RDFS.label, Literal(label, lang=lang or None)))
    for f in r.facts:
        fact = URIRef(f["fact"])
        g.add((fact, k.base.kr.reviewStatus, k.base.kr[f["status"]]))
        g.add((fact, RDFS.label, Literal(f["summary"], lang="pl")))
        g.add((fact, k.base.kr.rule, Literal(f["rule"])))
        g.add((fact, k.base.kr.confidence, Literal(f"{f['confidence']:.2f}", datatype=XSD.decimal)))
        g.add((fact, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), URIRef(f["document"])))
        g.add((fact, URIRef("http://schema.org/about"), subject))
    for link in outbound_links(iri):  # a curator's link has no evidence in a text: its curator and time instead
        fact = URIRef(link["graph"])
        g.add((fact, k.base.kr.reviewStatus, k.base.kr[link["status"]]))
        g.add((fact, URIRef("http://schema.org/about"), subject))
        if link["by"]:
            g.add((fact, PROV.wasAttributedTo, URIRef(link["by"])))
            g.add((fact, PROV.generatedAtTime, Literal(link["at"], datatype=XSD.dateTime)))
    document = URIRef(request.base_url)
    g.add((document, URIRef("http://xmlns.com/foaf/0.1/primaryTopic"), subject))
    g.add((document, DCTERMS.license, URIRef(LICENSE)))
    g.add((document, VOID.inDataset, URIRef(request.host_url + ".well-known/void")))
    if r.incoming_total > (page + 1) * size:
        g.add((document, URIRef("http://www.w3.org/ns/hydra/core#next"),
               URIRef(url_for("linked_data.data", path=path_of(iri), page=page + 1, _external=True))))
    return g


def graph_groups(g: Graph) -> list[dict]:
    """Triples grouped by subject, for a plain HTML view of a small graph (local IRIs link to their pages)."""
    def cell(term) -> dict:
        if isinstance(term, URIRef):
            local = path_of(str(term))
            return {"iri": str(term), "label": g.namespace_manager.normalizeUri(term),
                    "href": url_for("linked_data.page", path=local) if local else str(term)}
        if isinstance(term, BNode):
            return {"value": "_:" + str(term)}
        return {"value": str(term), "lang": term.language}

    groups: dict = {}
    for s_, p, o in sorted(g, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        groups.setdefault(s_, {"subject": cell(s_), "rows": []})["rows"].append((cell(p), cell(o)))
    return list(groups.values())


def serialize(g: Graph, mime: str) -> bytes:
    fmt = RDF_FORMATS["text/turtle" if mime in TURTLE_TYPES else mime][0]
    if fmt == "json-ld":
        return g.serialize(format="json-ld", context=json_ld_context(), auto_compact=True).encode()
    return g.serialize(format=fmt).encode()


def json_ld_context() -> dict:
    return {**PREFIXES, "kr": str(kronika().base.kr), "void": str(VOID), "owl": str(OWL)}


@bp.route("/context.jsonld")
def context():
    return Response(json.dumps({"@context": json_ld_context()}, indent=1), mimetype="application/ld+json",
                    headers={"Access-Control-Allow-Origin": "*"})


@bp.route("/data/<path:path>", methods=["GET", "HEAD"])
def data(path):
    path, forced = split_extension(path)
    iri = iri_of(path)
    if not describer().exists(iri):
        return not_found(iri)
    mime = forced or negotiate(RDF_TYPES + HTML_TYPES)
    if mime is None:
        return not_acceptable(RDF_TYPES + HTML_TYPES)
    if mime in HTML_TYPES:  # a browser: the page about the same resource
        return redirect(url_for("linked_data.page", path=path, page=request.args.get("page")), 303)
    size = current_app.config["PAGE_SIZE"]
    body = serialize(rdf_of(iri, page_number(), size), mime)
    links = [f'<{url_for("linked_data.data", path=path + "." + ext)}>; rel="alternate"; type="{m}"'
             for m, (_f, ext) in RDF_FORMATS.items()]
    links.append(f'<{url_for("linked_data.page", path=path)}>; rel="alternate"; type="text/html"')
    return Response(body, mimetype=mime, headers={"Vary": "Accept", "Link": ", ".join(links),
                                                  "Access-Control-Allow-Origin": "*"})


# --- /page -------------------------------------------------------------------------------

def page_data(iri: str, page: int, size: int) -> dict:
    r = describer().describe(iri, page, size)
    labels = r.labels

    def ref(node) -> dict:
        out = term_json(node)
        if "iri" in out:
            out["label"] = label_for(labels, out["iri"])
            p = path_of(out["iri"])
            if p is not None:
                out["page"] = url_for("linked_data.page", path=p)
        return out

    properties: dict[str, dict] = {}
    types = []
    for p, o in r.outgoing:
        if p.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
            types.append(ref(o))
            continue
        entry = properties.setdefault(p.value, {"predicate": ref(p), "values": []})
        entry["values"].append(ref(o))
    for entry in properties.values():  # labels in the reader's language first
        lang = request.accept_languages.best_match(["pl", "en"]) or "pl"
        entry["values"].sort(key=lambda v: (v.get("lang", lang) != lang, v.get("label", v.get("value", ""))))
    incoming = {"total": r.incoming_total, "page": page, "size": size,
                "by_predicate": [{"predicate": {"iri": p, "label": label_for(labels, p)}, "count": n}
                                 for p, n in sorted(r.incoming_by_predicate.items())],
                "items": [{"subject": ref(s), "predicate": ref(p)} for s, p in r.incoming]}
    p = path_of(iri)
    if r.incoming_total > (page + 1) * size:
        incoming["next"] = url_for("linked_data.page", path=p, page=page + 1)
    if page > 0:
        incoming["previous"] = url_for("linked_data.page", path=p, page=page - 1)
    roles = [{"role": {"iri": m["role"], "label": label_for(labels, m["role"])},
              "organisation": {"iri": m["organisation"], "label": label_for(labels, m["organisation"]),
                               "page": url_for("linked_data.page", path=path_of(m["organisation"]))
                               if path_of(m["organisation"]) else None},
              "dates": m["dates"]} for m in r.memberships]
    links = outbound_links(iri)
    linked = {link["iri"] for link in links}
    for entry in properties.values():  # a link to another dataset is listed with its provenance instead
        if entry["predicate"]["iri"] == str(OWL.sameAs):
            entry["values"] = [v for v in entry["values"] if v.get("iri") not in linked]
    properties = {key: entry for key, entry in properties.items() if entry["values"]}
    out = {"iri": iri, "label": label_for(labels, iri), "types": types, "properties": list(properties.values()),
           "incoming": incoming, "roles": roles, "facts": r.facts, "links": links, "desk": entity_desk(iri),
           "alternates": {m: url_for("linked_data.data", path=p + "." + ext) for m, (_f, ext) in RDF_FORMATS.items()}}
    if {t.get("iri") for t in types} & {str(SCHEMA.Person), "http://www.w3.org/ns/org#Organization"}:
        out["timeline"] = entity_timeline(kronika().store, iri)  # its events and roles on a time axis
    if {t.get("iri") for t in types} & {str(SCHEMA.Place), str(SCHEMA.Event)}:
        out["map"] = points(iri)  # the place, or the event's places, where their coordinates are known
    if any(t.get("iri") == str(kronika().base.kr.Document) for t in types):  # the text itself, annotated
        text = properties.get(str(SCHEMA.text))
        out["properties"] = [entry for key, entry in properties.items() if key != str(SCHEMA.text)]
        out["text"] = annotate(kronika().store, iri, text["values"][0]["value"] if text else "", page_number("part"))
        out["progress"] = kronika().store.queue().counts(Filters(status=None, document=iri))
        out["source"] = Sources(kronika().store).of(iri)
    return out


@bp.route("/page/<path:path>", methods=["GET", "HEAD"])
def page(path):
    as_json = request.args.get("format") == "json" or path.endswith(".json")
    if path.endswith(".json"):
        path = path[:-5]
    iri = iri_of(path)
    if not describer().exists(iri):
        return not_found(iri)
    data_ = page_data(iri, page_number(), current_app.config["PAGE_SIZE"])
    if as_json:
        response = jsonify(data_)
    else:
        response = Response(render_template("page.html", r=data_, event_types=EVENT_LABELS_PL,
                                            relation_predicates=RELATION_LABELS_PL))
    response.headers["Link"] = ", ".join(f'<{url}>; rel="alternate"; type="{m}"' for m, url in data_["alternates"].items())
    response.headers["Vary"] = "Accept, Accept-Language"
    return response


# --- discovery ---------------------------------------------------------------------------

def void_graph() -> Graph:
    k = kronika()
    g = Graph()
    g.bind("void", VOID)
    g.bind("dcterms", DCTERMS)
    ds = URIRef(request.host_url + ".well-known/void#dataset")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCTERMS.title, Literal("Kronika", lang="pl")))
    g.add((ds, DCTERMS.license, URIRef(LICENSE)))
    g.add((ds, VOID.sparqlEndpoint, URIRef(url_for("sparql.sparql", _external=True))))
    for name in DUMP_NAMES:
        g.add((ds, VOID.dataDump, URIRef(url_for("linked_data.dump", name=name, _external=True))))
    g.add((ds, VOID.uriSpace, Literal(k.base.iri + "id/")))
    g.add((ds, VOID.vocabulary, URIRef(k.base.ontology)))
    row = next(iter(k.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    g.add((ds, VOID.triples, Literal(int(row["n"].value), datatype=XSD.integer)))
    row = next(iter(k.store.query(f'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{k.base.iri}id/")) }}')))
    g.add((ds, VOID.entities, Literal(int(row["n"].value), datatype=XSD.integer)))
    for r in k.store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"):
        part = BNode()
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(r["c"].value)))
        g.add((part, VOID.entities, Literal(int(r["n"].value), datatype=XSD.integer)))
    g.bind("owl", OWL)
    for key, triples in linkset_triples(k.store).items():
        target, linkset = TARGETS[key], URIRef(request.host_url + f".well-known/void#links-{key}")
        g.add((ds, VOID.subset, linkset))
        g.add((linkset, RDF.type, VOID.Linkset))
        g.add((linkset, VOID.subjectsTarget, ds))
        g.add((linkset, VOID.objectsTarget, URIRef(target.dataset)))
        g.add((linkset, VOID.linkPredicate, OWL.sameAs))
        g.add((linkset, VOID.triples, Literal(triples, datatype=XSD.integer)))
        g.add((URIRef(target.dataset), RDF.type, VOID.Dataset))
        g.add((URIRef(target.dataset), DCTERMS.title, Literal(target.name)))
        g.add((URIRef(target.dataset), VOID.uriSpace, Literal(target.namespace)))
    version = k.store.version()
    if version.isdigit() and int(version) > 0:
        modified = dt.datetime.fromtimestamp(int(version) / 1e9, dt.timezone.utc).replace(microsecond=0)
        g.add((ds, DCTERMS.modified, Literal(modified.isoformat(), datatype=XSD.dateTime)))
    return g


@bp.route("/.well-known/void")
def void():
    mime = negotiate(RDF_TYPES + HTML_TYPES)
    if mime is None:
        return not_acceptable(RDF_TYPES + HTML_TYPES)
    if mime in HTML_TYPES:
        return render_template("graph.html", title="VoID — opis zbioru / dataset description",
                               groups=graph_groups(void_graph()), alternates=RDF_FORMATS)
    return Response(serialize(void_graph(), mime), mimetype=mime, headers={"Vary": "Accept", "Access-Control-Allow-Origin": "*"})


@bp.route("/dumps/<name>")
def dump(name):
    """The latest complete dump. Visitors never make one (it takes long on a big store): the server makes
    them when it starts and after curators' changes; a dump behind the store says which version it holds."""
    dumps = kronika().dumps
    if name not in DUMP_NAMES:
        return not_found(request.url)
    version = dumps.version(name)
    if version is None:
        body = "Zrzut jest w przygotowaniu / the dump is being made; try again in a minute\n"
        return Response(body, status=503, mimetype="text/plain", headers={"Retry-After": "60"})
    response = send_file(dumps.path(name), mimetype="application/gzip", as_attachment=True, download_name=name,
                         etag=version)
    response.headers["Kronika-Store-Version"] = version
    return response


@bp.route("/ontology", methods=["GET", "HEAD"])
@bp.route("/ontology.ttl", endpoint="ontology_ttl")
def ontology():
    k = kronika()
    g = Graph().parse(ONTOLOGY_FILE, format="turtle", publicID=k.base.iri)
    mime = "text/turtle" if request.path.endswith(".ttl") else negotiate(HTML_TYPES + RDF_TYPES)
    if mime is None:
        return not_acceptable(HTML_TYPES + RDF_TYPES)
    if mime in RDF_TYPES:
        return Response(serialize(g, mime), mimetype=mime, headers={"Vary": "Accept"})
    lang = request.accept_languages.best_match(["pl", "en"]) or "pl"

    def text(s, p):
        values = {o.language: str(o) for o in g.objects(s, p)}
        return values.get(lang) or values.get("pl") or next(iter(values.values()), "")

    terms = []
    for s in sorted(set(g.subjects(RDFS.label, None)), key=str):
        if str(s).startswith(k.base.ontology + "#"):
            kinds = [str(o).rsplit("#", 1)[-1] for o in g.objects(s, RDF.type)]
            terms.append({"iri": str(s), "name": str(s).rsplit("#", 1)[-1], "label": text(s, RDFS.label),
                          "comment": text(s, RDFS.comment), "kind": ", ".join(kinds)})
    return render_template("ontology.html", terms=terms, title=text(URIRef(k.base.ontology), RDFS.label),
                           comment=text(URIRef(k.base.ontology), RDFS.comment))


@bp.route("/robots.txt")
def robots():
    return Response(f"User-agent: *\nAllow: /\nDisallow: /sparql\nSitemap: {url_for('linked_data.sitemap', _external=True)}\n",
                    mimetype="text/plain")


@bp.route("/sitemap.xml")
def sitemap():
    k = kronika()
    rows = k.store.query(f"""SELECT DISTINCT ?s WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?s), "{k.base.iri}id/")
                                                            && !CONTAINS(STR(?s), "#")) }}
                             ORDER BY ?s LIMIT 50000""")
    urls = [url_for("linked_data.page", path=path_of(r["s"].value), _external=True) for r in rows]
    body = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    body += [f"<url><loc>{u}</loc></url>" for u in urls]
    body.append("</urlset>")
    return Response("\n".join(body), mimetype="application/xml")
