"""The front page: what the dataset holds, and where to go from here."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from ..app import kronika, wants_json

bp = Blueprint("home", __name__)

COUNTS = """
PREFIX schema: <http://schema.org/> PREFIX org: <http://www.w3.org/ns/org#>
SELECT
  (COUNT(DISTINCT ?person) AS ?persons) (COUNT(DISTINCT ?organisation) AS ?organisations)
  (COUNT(DISTINCT ?place) AS ?places) (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?membership) AS ?memberships)
WHERE {
  { ?person a schema:Person } UNION { ?organisation a org:Organization } UNION { ?place a schema:Place }
  UNION { ?event a schema:Event } UNION { ?membership a org:Membership }
}"""


def dataset_counts() -> dict:
    k = kronika()
    row = next(iter(k.store.query(COUNTS)))
    counts = {name: int(row[name].value) for name in ("persons", "organisations", "places", "events", "memberships")}
    statuses = k.store.query(f"""
        SELECT ?status (COUNT(?g) AS ?n) WHERE {{ GRAPH <{k.base.review}> {{ ?g <{k.base.kr.reviewStatus}> ?status }} }}
        GROUP BY ?status""")
    counts["facts"] = {r["status"].value.rsplit("#", 1)[-1]: int(r["n"].value) for r in statuses}
    return counts


CLASSES = {"persons": "http://schema.org/Person", "organisations": "http://www.w3.org/ns/org#Organization",
           "places": "http://schema.org/Place", "events": "http://schema.org/Event"}
LISTED = 100


def listing() -> dict:
    """The first entities of each kind by name, linked to their pages."""
    k = kronika()
    prefix = k.base.iri + "id/"
    out = {}
    for kind, cls in CLASSES.items():
        rows = k.store.query(f"""SELECT DISTINCT ?e ?name WHERE {{ ?e a <{cls}> ; <http://schema.org/name> ?name }}
                                 ORDER BY LCASE(STR(?name)) LIMIT {LISTED}""")
        out[kind] = [{"iri": r["e"].value, "name": r["name"].value,
                      "page": "/page/" + r["e"].value[len(prefix):] if r["e"].value.startswith(prefix) else None}
                     for r in rows]
    return out


@bp.route("/")
@bp.route("/index.json", endpoint="index_json")
def index():
    counts = dataset_counts()
    entities = listing()
    if request.path.endswith(".json") or wants_json():
        return jsonify(counts=counts, entities=entities, sparql="/sparql", base=kronika().base.iri)
    return render_template("index.html", counts=counts, entities=entities)
