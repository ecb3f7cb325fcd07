"""The front page: what the dataset holds, and where to go from here."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template

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


@bp.route("/")
@bp.route("/index.json", endpoint="index_json")
def index():
    counts = dataset_counts()
    from flask import request
    if request.path.endswith(".json") or wants_json():
        return jsonify(counts=counts, sparql="/sparql", base=kronika().base.iri)
    return render_template("index.html", counts=counts)
