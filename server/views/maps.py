"""Maps. /map shows every place with coordinates (from its GeoNames link) as a marker leading to its page, with
the events at it; `from` and `to` (a year, a month or a day) keep the places and events of that time span only.
/map.json (or ?format=json) is the same as data. Place and event pages draw their points (`points`).

The basemap is Natural Earth's country outlines, bundled with Leaflet: a map makes no request outside the site
unless a tile server is set (KRONIKA_TILES). Queries take their values in VALUES blocks of terms the store's own
serializer wrote, and stop at a LIMIT.
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pyoxigraph as ox
from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for

from graph.facts import date_bounds
from graph.vocab import SCHEMA, XSD

from ..app import kronika, wants_json

bp = Blueprint("maps", __name__)
PLACE_LIMIT = 5_000   # markers of one map: more are unreadable, and the query stays bounded at any size
EVENT_LIMIT = 5_000
POINT_LIMIT = 50      # points of one page (a place, an event's places)
DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
XSD_DATE = ox.NamedNode(str(XSD.date))

PLACES = f"""PREFIX schema: <{SCHEMA}>
SELECT ?place ?latitude ?longitude (SAMPLE(?label) AS ?name) WHERE {{
  ?place schema:geo ?point . ?point schema:latitude ?latitude ; schema:longitude ?longitude .
  OPTIONAL {{ ?place schema:name ?label }}
}} GROUP BY ?place ?latitude ?longitude ORDER BY ?place LIMIT {PLACE_LIMIT}"""

POINTS = f"""PREFIX schema: <{SCHEMA}>
SELECT ?place ?latitude ?longitude (SAMPLE(?label) AS ?name) WHERE {{
  VALUES ?subject {{ %s }}
  ?subject schema:location? ?place .
  ?place schema:geo ?point . ?point schema:latitude ?latitude ; schema:longitude ?longitude .
  OPTIONAL {{ ?place schema:name ?label }}
}} GROUP BY ?place ?latitude ?longitude ORDER BY ?place LIMIT {POINT_LIMIT}"""


def events_query(kr, start: str, end: str) -> str:
    """Events at places with coordinates whose dates (at their precision) meet the span [start, end]."""
    return f"""PREFIX schema: <{SCHEMA}>
SELECT ?event ?place ?date ?earliest (SAMPLE(?label) AS ?name) WHERE {{
  VALUES (?from ?to) {{ ({ox.Literal(start, datatype=XSD_DATE)} {ox.Literal(end, datatype=XSD_DATE)}) }}
  ?event a schema:Event ; schema:location ?place ; schema:startDate ?date ;
         <{kr.earliestDate}> ?earliest ; <{kr.latestDate}> ?latest .
  FILTER(?latest >= ?from && ?earliest <= ?to)
  FILTER EXISTS {{ ?place schema:geo ?point }}
  OPTIONAL {{ ?event schema:name ?label }}
}} GROUP BY ?event ?place ?date ?earliest ORDER BY ?earliest ?event LIMIT {EVENT_LIMIT}"""


def page_of(iri: str) -> str | None:
    prefix = kronika().base.iri + "id/"
    return url_for("linked_data.page", path=iri[len(prefix):]) if iri.startswith(prefix) else None


def marker(row) -> dict:
    iri = row["place"].value
    return {"iri": iri, "page": page_of(iri), "name": row["name"].value if row["name"] else iri.rsplit("/", 1)[-1],
            "latitude": float(row["latitude"].value), "longitude": float(row["longitude"].value)}


def points(iri: str) -> list[dict]:
    """The places of a page with their coordinates: a place itself, an event's places."""
    return [marker(row) for row in kronika().store.query(POINTS % ox.NamedNode(iri))]


def span_bound(name: str, last: bool) -> str | None:
    """The first (or last) day of the `from` (or `to`) parameter, at its precision: "1994" → 1994-01-01 (1994-12-31)."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    if not DATE.match(value):
        abort(400, description=f"{name} must be a year, a month or a day: 1994, 1994-06, 1994-06-12")
    try:
        first, final = date_bounds(value)
        for day in (first, final):
            dt.date.fromisoformat(day)
    except ValueError:
        abort(400, description=f"{name}: no such date: {value}")
    return final if last else first


def map_data() -> dict:
    """The places with coordinates, each with its events; with a span, only the places with events in it."""
    k = kronika()
    start, end = span_bound("from", last=False), span_bound("to", last=True)
    places = [marker(row) for row in k.store.query(PLACES)]
    events: dict[str, list] = {}
    rows = list(k.store.query(events_query(k.base.kr, start or "0001-01-01", end or "9999-12-31")))
    for row in rows:
        iri = row["event"].value
        events.setdefault(row["place"].value, []).append(
            {"iri": iri, "page": page_of(iri), "name": row["name"].value if row["name"] else iri.rsplit("/", 1)[-1],
             "date": row["date"].value})
    for place in places:
        place["events"] = events.get(place["iri"], [])
    if start or end:
        places = [place for place in places if place["events"]]
    return {"from": request.args.get("from") or None, "to": request.args.get("to") or None, "places": places,
            "truncated": len(places) >= PLACE_LIMIT or len(rows) >= EVENT_LIMIT}


@bp.route("/map")
@bp.route("/map.json", endpoint="map_json")
def map_page():
    data = map_data()
    if request.endpoint == "maps.map_json" or wants_json():
        return jsonify(data)
    return render_template("map.html", data=data)


@bp.app_context_processor
def map_settings():
    """What every map is drawn with: its markers, and a tile server where the site sets one, else the outlines."""
    def map_json(markers: list[dict]) -> dict:
        config = current_app.config
        return {"places": markers, "tiles": config.get("TILES"), "attribution": config.get("TILES_ATTRIBUTION") or "",
                "basemap": url_for("static", filename="vendor/world_atlas/countries-110m.json")}
    return {"map_json": map_json}


def tile_source(tiles: str | None) -> str | None:
    """The Content-Security-Policy source a tile server's images come from ("{s}" subdomains as a wildcard)."""
    if not tiles:
        return None
    parts = urlsplit(tiles.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}"
