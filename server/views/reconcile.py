"""/reconcile: the W3C Entity Reconciliation API v0.2, so that OpenRefine (or any client of the protocol)
matches its users' lists of names against the dataset. GET without parameters gives the manifest;
`queries=` (GET, or a POSTed form as OpenRefine sends it) a batch of queries; /reconcile/preview a small
card for OpenRefine's iframe; /reconcile/suggest/{entity,type,property} prefix completion. Every answer
allows any origin (CORS, preflight included): the protocol requires it, and nothing here is private."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request, url_for

from .. import timeline as axis
from ..app import kronika
from ..reconcile import PROPERTIES, SERVICE, TYPE_BY_CLASS, TYPES, BadQuery, Reconciler, parse_batch, suggest_terms

bp = Blueprint("reconcile", __name__, url_prefix="/reconcile")
MAX_CURSOR = 1000
PREVIEW_ITEMS = 5  # events and roles a preview card lists
# a preview is made to be shown inside OpenRefine, on another origin; it needs nothing but its own styles
PREVIEW_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *"}


@bp.after_request
def cross_origin(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    if request.method == "OPTIONS":  # a browser's preflight before a cross-origin POST
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


@bp.errorhandler(BadQuery)
def bad_query(error: BadQuery):
    return jsonify(error="bad request", field=error.field, message=str(error)), 400


def reconciler() -> Reconciler:
    return Reconciler(kronika().store)


@bp.route("", methods=["GET", "POST"], endpoint="service")
def service():
    raw = request.values.get("queries")
    if raw is None:
        if request.method == "POST":
            raise BadQuery("queries", "a form field holding the JSON query batch is needed")
        return jsonify(manifest())
    matcher = reconciler()
    return jsonify({key: {"result": matcher.reconcile(query)} for key, query in parse_batch(raw).items()})


def manifest() -> dict:
    base = kronika().base.iri
    service_url = url_for("reconcile.service", _external=True)
    return {
        "versions": ["0.2"],
        "name": f"{SERVICE['name']} ({base})",
        "identifierSpace": base + "id/",
        "schemaSpace": base + "ontology#",
        "defaultTypes": [{"id": t["id"], "name": t["name"]} for t in TYPES.values()],
        "view": {"url": base + "id/{{id}}"},
        "preview": {"url": url_for("reconcile.preview", _external=True) + "?id={{id}}",
                    "width": SERVICE["preview_width"], "height": SERVICE["preview_height"]},
        "suggest": {kind: {"service_url": service_url, "service_path": f"/suggest/{kind}"}
                    for kind in ("entity", "type", "property")},
        "batchSize": SERVICE["batch_size"],
    }


def prefix_parameter() -> str:
    prefix = request.args.get("prefix", "")
    if len(prefix) > SERVICE["query_length"]:
        raise BadQuery("prefix", f"{len(prefix)} characters; at most {SERVICE['query_length']}")
    return prefix.strip()


@bp.route("/suggest/entity")
def suggest_entity():
    prefix = prefix_parameter()
    cursor = request.args.get("cursor", "0").strip()
    if not (cursor.isascii() and cursor.isdigit()) or int(cursor) > MAX_CURSOR:
        raise BadQuery("cursor", f"a whole number from 0 to {MAX_CURSOR}")
    types = [t for t in request.args.getlist("type") if t]
    for t in types:
        if t not in TYPES and t not in TYPE_BY_CLASS:
            raise BadQuery("type", f"unknown type {t[:80]!r}; one of {', '.join(TYPES)}")
    types = [TYPE_BY_CLASS.get(t, t) for t in types]
    return jsonify(result=reconciler().suggest(prefix, types, int(cursor)) if prefix else [])


@bp.route("/suggest/type")
def suggest_type():
    return jsonify(result=suggest_terms(TYPES, prefix_parameter()))


@bp.route("/suggest/property")
def suggest_property():
    return jsonify(result=suggest_terms(PROPERTIES, prefix_parameter()))


@bp.route("/preview")
def preview():
    """A card for OpenRefine's iframe: the entity's name, kinds, other names, first events and roles."""
    matcher = reconciler()
    identifier = request.args.get("id", "")
    iri = matcher.iri_of(identifier)
    found = matcher.entities([iri]) if iri else []
    if not found:
        message = f"Nieznany identyfikator / unknown id: {identifier[:200]}"
        return render_template("reconcile_preview.html", entity=None, message=message), 404, PREVIEW_HEADERS
    store = kronika().store
    items = axis.page_of(store, axis.of_entity(store, iri), 0, size=PREVIEW_ITEMS)
    page = url_for("linked_data.page", path=matcher.local_id(iri), _external=True)
    return render_template("reconcile_preview.html", entity=found[0], types=TYPES, timeline=items, page=page), \
        200, PREVIEW_HEADERS
