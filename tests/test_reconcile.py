"""/reconcile, the W3C Entity Reconciliation API v0.2 as OpenRefine speaks it: every answer validated
against the specification's JSON Schemas (tests/data/reconciliation-schemas), the sample's names matched
to their entities, types and properties applied, faults named by their field, CORS, and a CSV
reconciled as OpenRefine does (bench/reconcile_csv.py)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from bench.reconcile_csv import ADDED, reconcile_rows
from server.reconcile import Entity, Reconciler

SCHEMAS = Path(__file__).parent / "data" / "reconciliation-schemas"
BASE = "http://127.0.0.1:5000/id/"


def schema(name: str) -> Draft7Validator:
    """A validator for one of the specification's schemas, `$ref`s to its siblings resolved locally."""
    documents = [json.loads(p.read_text()) for p in sorted(SCHEMAS.glob("*.json"))]
    registry = Registry().with_resources(
        (d["$id"], Resource.from_contents(d, default_specification=DRAFT7)) for d in documents)
    return Draft7Validator(json.loads((SCHEMAS / name).read_text()), registry=registry)


def valid(name: str, document) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in schema(name).iter_errors(document)]
    assert not errors, errors


def entity_named(app, name: str, cls: str) -> str:
    """The id the sample's entity of this name and class has (whatever slug the extractor gave it)."""
    rows = list(app.extensions["kronika"].store.query(
        f'SELECT ?e WHERE {{ ?e <http://schema.org/name> "{name}" ; a <{cls}> }}'))
    assert len(rows) == 1, (name, rows)
    return rows[0]["e"].value[len(BASE):]


PERSON, PLACE, ORGANISATION = "http://schema.org/Person", "http://schema.org/Place", "http://www.w3.org/ns/org#Organization"
# query -> (name and class of the entity it must match, type asked)
SAMPLE = {
    "Jerzy Śmiałek": (("Jerzy Śmiałek", PERSON), None),
    "Jerzego Śmiałka": (("Jerzy Śmiałek", PERSON), "person"),        # an inflected form the text used
    "Jerzy Smialek": (("Jerzy Śmiałek", PERSON), None),               # without diacritics
    "Michel Thiolliere": (("Michel Thiolliere", PERSON), "person"),
    "Katowice": (("Katowice", PLACE), "place"),
    "Saint-Étienne": (("Saint-Étienne", PLACE), "place"),
    "Muzeum Górnicze": (("Muzeum Górnicze w Saint-Etienne", ORGANISATION), "organisation"),  # its seat in its name
    "ASEKA": (("Stowarzyszenie Saint-Étienne-Katowice", ORGANISATION), None),  # an acronym the text gave
}


def batch(client, queries: dict, method: str = "POST"):
    if method == "POST":
        return client.post("/reconcile", data={"queries": json.dumps(queries)})
    return client.get("/reconcile", query_string={"queries": json.dumps(queries)})


def test_manifest_follows_the_schema_and_its_urls_answer(client):
    r = client.get("/reconcile")
    manifest = r.get_json()
    assert r.status_code == 200
    valid("manifest.json", manifest)
    assert manifest["versions"] == ["0.2"] and manifest["identifierSpace"] == BASE
    assert [t["id"] for t in manifest["defaultTypes"]] == ["person", "organisation", "place", "event"]
    view = manifest["view"]["url"].replace("{{id}}", "person%2Fjerzy-smialek")  # as a client encodes the id
    assert client.get(view.replace("http://127.0.0.1:5000", "")).status_code == 303
    preview = manifest["preview"]["url"].replace("{{id}}", "person%2Fjerzy-smialek")
    assert client.get(preview.replace("http://localhost", "")).status_code == 200
    for kind, schema_name in (("entity", "suggest-entities-response.json"), ("type", "suggest-types-response.json"),
                              ("property", "suggest-properties-response.json")):
        service = manifest["suggest"][kind]
        url = (service["service_url"] + service["service_path"]).replace("http://localhost", "")
        answer = client.get(url, query_string={"prefix": "ka"})
        assert answer.status_code == 200
        valid(schema_name, answer.get_json())


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_a_batch_of_the_samples_names_matches_their_entities(app, client, method):
    queries = {f"q{n}": {"query": q, **({"type": t} if t else {})} for n, (q, (_e, t)) in enumerate(SAMPLE.items())}
    valid("reconciliation-query-batch.json", queries)
    r = batch(client, queries, method)
    assert r.status_code == 200
    results = r.get_json()
    valid("reconciliation-result-batch.json", results)
    for n, (query, ((name, cls), _type)) in enumerate(SAMPLE.items()):
        best = results[f"q{n}"]["result"][0]
        assert best["id"] == entity_named(app, name, cls), query
        assert best["match"] is True and best["score"] >= 95, (query, best)
        assert [c["match"] for c in results[f"q{n}"]["result"]].count(True) == 1


def test_a_surname_alone_or_a_prefix_is_a_candidate_but_no_match(client):
    results = batch(client, {"q0": {"query": "Śmiałka"}, "q1": {"query": "Thiolliere", "type": "person"}}).get_json()
    assert results["q0"]["result"][0]["id"] == "person/jerzy-smialek"
    assert results["q1"]["result"][0]["id"] == "person/michel-thiolliere"
    assert not any(c["match"] for r in results.values() for c in r["result"])


def test_the_type_constrains_candidates(client):
    results = batch(client, {"q0": {"query": "Katowice", "type": "person"},
                             "q1": {"query": "Saint-Étienne", "type": "event"},
                             "q2": {"query": "Jerzy Śmiałek", "type": ["http://schema.org/Person"]}}).get_json()
    assert results["q0"]["result"] == []
    assert results["q1"]["result"] and all(t["id"] == "event" for c in results["q1"]["result"] for t in c["type"])
    assert not any(c["match"] for c in results["q1"]["result"])
    assert results["q2"]["result"][0]["id"] == "person/jerzy-smialek" and results["q2"]["result"][0]["match"]


def test_properties_refine_the_score_and_the_match(client):
    met = {"query": "Jerzy Śmiałek", "type": "person",
           "properties": [{"pid": "role", "v": "prezydent"}, {"pid": "date", "v": 1994},
                          {"pid": "place", "v": "Katowic"}, {"pid": "organisation", "v": {"id": "place/katowice"}}]}
    missed = {"query": "Jerzy Śmiałek", "type": "person", "properties": [{"pid": "role", "v": ["mer", "mayor"]}]}
    results = batch(client, {"met": met, "missed": missed}).get_json()
    valid("reconciliation-result-batch.json", results)
    best = results["met"]["result"][0]
    assert best["match"] is True and best["score"] == 100
    assert {f["id"]: f["value"] for f in best["features"]} == {"name": 100, "role": True, "date": True, "place": True,
                                                               "organisation": True}
    worse = results["missed"]["result"][0]
    assert worse["id"] == "person/jerzy-smialek" and worse["match"] is False and worse["score"] == 80


def test_namesakes_are_candidates_but_neither_is_a_match(app, monkeypatch):
    """An exact name is a match only when it is the only one: two persons of one name are left to the user."""
    namesakes = [Entity(BASE + "person/jan-kowalski", "Jan Kowalski", [], ["person"]),
                 Entity(BASE + "person/jan-kowalski-2", "Jan Kowalski", [], ["person"])]
    monkeypatch.setattr(Reconciler, "find", lambda self, text, types, pool=50: namesakes)
    results = batch(app.test_client(), {"q0": {"query": "Jan Kowalski"}}).get_json()["q0"]["result"]
    assert [(c["score"], c["match"]) for c in results] == [(100, False), (100, False)]


def test_suggest_completes_names_types_and_properties(client):
    entities = client.get("/reconcile/suggest/entity", query_string={"prefix": "Smia"}).get_json()
    valid("suggest-entities-response.json", entities)
    assert entities["result"][0]["id"] == "person/jerzy-smialek"
    inflected = client.get("/reconcile/suggest/entity", query_string={"prefix": "Jerzego Śmiałka"}).get_json()
    assert [e["id"] for e in inflected["result"]] == ["person/jerzy-smialek"]
    places = client.get("/reconcile/suggest/entity", query_string={"prefix": "Kato", "type": "place"}).get_json()
    assert places["result"] and all(n["id"] == "place" for e in places["result"] for n in e["notable"] if n["id"] == "place")
    assert client.get("/reconcile/suggest/entity", query_string={"prefix": "Kato", "cursor": 1000}).get_json() == {"result": []}
    types = client.get("/reconcile/suggest/type", query_string={"prefix": "pl"}).get_json()
    valid("suggest-types-response.json", types)
    assert [t["id"] for t in types["result"]] == ["place"]
    properties = client.get("/reconcile/suggest/property", query_string={"prefix": "ro"}).get_json()
    valid("suggest-properties-response.json", properties)
    assert [p["id"] for p in properties["result"]] == ["role"]
    everything = client.get("/reconcile/suggest/property").get_json()
    assert {p["id"] for p in everything["result"]} == {"role", "organisation", "place", "date"}


def test_preview_is_a_small_card_made_to_be_framed(client):
    r = client.get("/reconcile/preview", query_string={"id": "person/jerzy-smialek"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert "Jerzy Śmiałek" in html and "prezydent" in html and "/page/person/jerzy-smialek" in html
    assert "frame-ancestors *" in r.headers["Content-Security-Policy"] and "X-Frame-Options" not in r.headers
    assert client.get("/reconcile/preview", query_string={"id": "person/nobody"}).status_code == 404
    assert client.get("/page/person/jerzy-smialek").headers["X-Frame-Options"] == "DENY"  # other pages are not


@pytest.mark.parametrize("queries,field", [
    ("not json", "queries"),
    ("[]", "queries"),
    (json.dumps({f"q{n}": {"query": "Katowice"} for n in range(51)}), "queries"),
    (json.dumps({"q0": {"query": "K" * 201}}), "queries.q0.query"),
    (json.dumps({"q0": {"query": "   "}}), "queries.q0.query"),
    (json.dumps({"q0": {"properties": [{"pid": "role", "v": "mer"}]}}), "queries.q0.query"),
    (json.dumps({"q0": "Katowice"}), "queries.q0"),
    (json.dumps({"q0": {"query": "Katowice", "limit": 0}}), "queries.q0.limit"),
    (json.dumps({"q0": {"query": "Katowice", "limit": "3"}}), "queries.q0.limit"),
    (json.dumps({"q0": {"query": "Katowice", "type": "city"}}), "queries.q0.type"),
    (json.dumps({"q0": {"query": "Katowice", "type_strict": "maybe"}}), "queries.q0.type_strict"),
    (json.dumps({"q0": {"query": "Katowice", "colour": "red"}}), "queries.q0.colour"),
    (json.dumps({"q0": {"query": "Katowice", "properties": [{"pid": "mayor", "v": "x"}]}}), "queries.q0.properties[0].pid"),
    (json.dumps({"q0": {"query": "Katowice", "properties": [{"pid": "date", "v": "1994-13"}]}}), "queries.q0.properties[0].v"),
    (json.dumps({"q0": {"query": "Katowice", "properties": [{"pid": "date"}]}}), "queries.q0.properties[0]"),
])
def test_a_bad_batch_is_a_400_naming_the_field(client, queries, field):
    r = client.post("/reconcile", data={"queries": queries})
    assert r.status_code == 400 and r.get_json()["field"] == field, r.get_json()
    assert r.get_json()["message"].startswith(field + ":")
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_bad_suggest_parameters_are_400s_naming_them(client):
    for url, field in (("/reconcile/suggest/entity?prefix=ka&cursor=-1", "cursor"),
                       ("/reconcile/suggest/entity?prefix=ka&type=city", "type"),
                       ("/reconcile/suggest/type?prefix=" + "x" * 201, "prefix")):
        r = client.get(url)
        assert r.status_code == 400 and r.get_json()["field"] == field
    assert client.post("/reconcile", data={}).get_json()["field"] == "queries"


def test_every_endpoint_allows_other_origins_and_answers_the_preflight(client):
    for url in ("/reconcile", "/reconcile/suggest/entity?prefix=Ka", "/reconcile/suggest/type",
                "/reconcile/suggest/property", "/reconcile/preview?id=place/katowice"):
        assert client.get(url, headers={"Origin": "https://openrefine.example"}).headers["Access-Control-Allow-Origin"] == "*"
    r = client.options("/reconcile", headers={"Origin": "https://openrefine.example", "Access-Control-Request-Method": "POST",
                                              "Access-Control-Request-Headers": "content-type"})
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in r.headers["Access-Control-Allow-Methods"] and "Content-Type" in r.headers["Access-Control-Allow-Headers"]
    r = client.post("/reconcile", data={"queries": json.dumps({"q0": {"query": "Katowice"}})},
                    headers={"Origin": "https://openrefine.example"})  # no CSRF token: a public protocol
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"


def test_a_csv_is_reconciled_as_openrefine_does(app, client):
    names = list(SAMPLE) * 2 + [""]  # 17 rows, one empty
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=["name", "note"])
    writer.writeheader()
    writer.writerows({"name": n, "note": f"row {i}"} for i, n in enumerate(names))
    sent = []

    def http(method, url, form):
        path = url.replace("http://localhost", "")
        if method == "GET":
            return client.get(path).get_json()
        valid("reconciliation-query-batch.json", json.loads(form["queries"]))
        r = client.post(path, data=form)  # a form, form-encoded, as OpenRefine posts it
        assert r.status_code == 200 and r.request.content_type == "application/x-www-form-urlencoded"
        sent.append(len(json.loads(form["queries"])))
        valid("reconciliation-result-batch.json", r.get_json())
        return r.get_json()

    table.seek(0)
    rows = list(reconcile_rows(csv.DictReader(table), "http://localhost/reconcile", "name", http=http))
    assert sent == [10, 6]  # OpenRefine's batches of ten; the empty name is not sent
    assert [r["note"] for r in rows] == [f"row {i}" for i in range(len(names))]
    for row in rows[:-1]:
        (name, cls), _type = SAMPLE[row["name"]]
        assert row["kronika_id"] == entity_named(app, name, cls) and row["kronika_match"] == "true", row
        assert row["kronika_iri"] == BASE + row["kronika_id"]
    assert all(rows[-1][column] == "" for column in ADDED)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                    max_leaves=8)
QUERIES = st.dictionaries(st.text(max_size=4), st.fixed_dictionaries(
    {"query": st.text(max_size=30)},
    optional={"type": JSON | st.sampled_from(["person", "place", "event"]), "limit": JSON, "type_strict": JSON,
              "properties": st.lists(st.fixed_dictionaries({"pid": st.sampled_from(["role", "place", "date", "organisation"]),
                                                            "v": JSON}), max_size=2) | JSON}) | JSON, max_size=3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(queries=QUERIES, raw=st.text(max_size=40), prefix=st.text(max_size=20), cursor=st.text(max_size=6),
       identifier=st.text(max_size=20))
def test_no_input_gives_a_5xx(client, queries, raw, prefix, cursor, identifier):
    for form in ({"queries": json.dumps(queries, allow_nan=True)}, {"queries": raw}):
        r = client.post("/reconcile", data=form)
        assert r.status_code in (200, 400), (form, r.get_data(as_text=True)[:300])
        if r.status_code == 200:
            valid("reconciliation-result-batch.json", r.get_json())
    for url, query in (("/reconcile/suggest/entity", {"prefix": prefix, "cursor": cursor}),
                       ("/reconcile/suggest/type", {"prefix": prefix}), ("/reconcile/preview", {"id": identifier})):
        assert client.get(url, query_string=query).status_code in (200, 400, 404), (url, query)
