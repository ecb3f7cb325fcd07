"""The review desk: accounts, decisions, conflicts, undo, corrections, merges, uploads, audit."""
from __future__ import annotations

import io
import re

import pytest

from graph.review import Review

PASSWORD = "tajne-haslo-1"


@pytest.fixture
def curators(app):
    c = app.extensions["kronika"].curators
    c.add("anna", PASSWORD)
    c.add("piotr", PASSWORD, role="admin")
    return c


def login(client, name="anna"):
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    r = client.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 302
    return csrf_of(client)


def csrf_of(client) -> str:
    page = client.get("/review").get_data(as_text=True)
    return re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)


def first_pending(app, text: str) -> str:
    facts, _ = Review(app.extensions["kronika"].store).facts(status="pending", limit=500)
    return next(f.key for f in facts if text in f.summary)


def test_review_needs_a_curator(client, curators):
    r = client.get("/review")
    assert r.status_code == 302 and "/login" in r.headers["Location"]
    assert client.get("/review/api/facts").status_code == 401
    assert client.post("/review/api/undo").status_code == 401
    bad = client.post("/login", data={"name": "anna", "password": "wrong"})
    assert bad.status_code == 400, "a login form without its CSRF token is refused"


def test_wrong_password_and_disabled_curator(client, curators):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/login", data={"name": "anna", "password": "nope", "csrf_token": token}).status_code == 401
    curators.disable("anna")
    assert client.post("/login", data={"name": "anna", "password": PASSWORD, "csrf_token": token}).status_code == 401


def test_session_cookie_flags(client, curators):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    r = client.post("/login", data={"name": "anna", "password": PASSWORD, "csrf_token": token})
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_api_state_changes_need_the_csrf_header(app, client, curators):
    login(client)
    key = first_pending(app, "prezydent")
    r = client.post(f"/review/api/facts/{key}/decision", json={"status": "accepted"})
    assert r.status_code == 400 and r.get_json()["error"] == "csrf"


def test_queue_shows_evidence_and_filters(app, client, curators):
    login(client)
    html = client.get("/review?kind=membership").get_data(as_text=True)
    assert "Jerzy Śmiałek — prezydent — Katowice, 1991-08" in html
    assert "<mark>Prezydent Katowic J.ŚMIAŁEK</mark>" in html
    assert "Wizyta" not in html
    data = client.get("/review/api/facts?kind=event&order=confidence").get_json()
    assert data["total"] >= 8 and all(f["kind"] == "event" for f in data["facts"])
    low = client.get("/review/api/facts?max_confidence=0.6").get_json()
    assert all(f["confidence"] <= 0.6 for f in low["facts"])
    people = client.get("/review/api/facts?kind=entity&type=person").get_json()
    assert people["total"] == 6
    assert client.get("/review/api/facts?min_confidence=high").status_code == 400


def test_decide_conflict_and_public_view(app, client, curators):
    csrf = login(client)
    key = first_pending(app, "następca")
    headers = {"X-CSRFToken": csrf}
    r = client.post(f"/review/api/facts/{key}/decision", json={"status": "rejected", "expected": "pending"}, headers=headers)
    assert r.status_code == 200 and r.get_json()["before"] == "pending"
    second = client.post(f"/review/api/facts/{key}/decision", json={"status": "accepted", "expected": "pending"},
                         headers=headers)
    assert second.status_code == 409 and second.get_json()["current"] == "rejected"
    ask = "ASK { ?a <http://127.0.0.1:5000/ontology#successorOf> ?b }"
    assert client.get("/sparql", query_string={"query": ask}).get_json()["boolean"] is False
    assert client.post("/review/api/facts/0123456789abcdef/decision", json={"status": "accepted"},
                       headers=headers).status_code == 404
    assert client.post(f"/review/api/facts/{key}/decision", json={"status": "maybe"}, headers=headers).status_code == 400


def test_token_auth_for_scripts(app, client, curators):
    token = curators.new_token("piotr")
    key = first_pending(app, "Gildia")
    r = client.post(f"/review/api/facts/{key}/decision", json={"status": "accepted"},
                    headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200
    assert client.get("/review/api/facts", headers={"Authorization": "Bearer nonsense"}).status_code == 401


def test_bulk_and_undo_of_the_whole_batch(app, client, curators):
    csrf = login(client)
    facts = client.get("/review/api/facts?kind=entity&type=place").get_json()["facts"]
    keys = [f["fact"] for f in facts[:3]]
    r = client.post("/review/api/bulk", json={"facts": keys, "status": "accepted"}, headers={"X-CSRFToken": csrf})
    assert len(r.get_json()["decided"]) == 3
    undone = client.post("/review/api/undo", headers={"X-CSRFToken": csrf}).get_json()["undone"]
    assert sorted(u["fact"] for u in undone) == sorted(keys) and all(u["status"] == "pending" for u in undone)
    review = Review(app.extensions["kronika"].store)
    assert all(review.fact(k).status == "pending" for k in keys)


def test_correct_a_date_validates_and_keeps_history(app, client, curators):
    csrf = login(client)
    key = first_pending(app, "Jerzy Śmiałek — prezydent — Katowice, 1991-08")
    headers = {"X-CSRFToken": csrf}
    bad = client.post(f"/review/api/facts/{key}/correction", json={"date": "1991-13"}, headers=headers)
    assert bad.status_code == 400 and bad.get_json()["field"] == "date"
    bad = client.post(f"/review/api/facts/{key}/correction", json={"role": "cesarz"}, headers=headers)
    assert bad.status_code == 400 and bad.get_json()["field"] == "role"
    r = client.post(f"/review/api/facts/{key}/correction", json={"date": "1991-08-15", "precision": "day",
                                                                   "reason": "data z protokołu"}, headers=headers)
    assert r.status_code == 200
    new = r.get_json()["replacement"]
    review = Review(app.extensions["kronika"].store)
    assert review.fact(key).status == "edited" and review.fact(new).status == "accepted"
    assert any("1991-08-15" in str(o) for _s, _p, o in review.fact(new).triples)
    q = ("PREFIX kr: <http://127.0.0.1:5000/ontology#> SELECT ?d WHERE { ?m kr:attestedOn ?d ; "
         "<http://www.w3.org/ns/org#member> <http://127.0.0.1:5000/id/person/jerzy-smialek> }")
    dates = {b["d"]["value"] for b in client.get("/sparql", query_string={"query": q}).get_json()["results"]["bindings"]}
    assert "1991-08-15" in dates and "1991-08" not in dates
    history = client.get(f"/review/api/history?fact={key}").get_json()["history"]
    assert history[0]["after"] == "edited" and history[0]["generated"] == new and history[0]["reason"] == "data z protokołu"


def test_a_correction_that_breaks_a_shape_is_refused(app, client, curators):
    csrf = login(client)
    key = first_pending(app, "Jerzy Śmiałek — osoba")
    r = client.post(f"/review/api/facts/{key}/correction", json={"name": "Jerzy 2 Śmiałek"}, headers={"X-CSRFToken": csrf})
    assert r.status_code == 400 and "digits" in r.get_json()["message"]


def test_merge_redirects_and_split_restores(app, client, curators):
    csrf = login(client)
    refused = client.post("/review/api/merge", json={"keep": "http://127.0.0.1:5000/id/place/katowice",
                                                     "gone": "http://127.0.0.1:5000/id/place/szopienice"},
                          headers={"X-CSRFToken": csrf})
    assert refused.status_code == 403, "merging is an admin's decision"
    client.post("/logout", data={"csrf_token": csrf})
    csrf = login(client, "piotr")
    headers = {"X-CSRFToken": csrf}
    r = client.post("/review/api/merge", json={"keep": "http://127.0.0.1:5000/id/place/katowice",
                                               "gone": "http://127.0.0.1:5000/id/place/szopienice"}, headers=headers)
    assert r.status_code == 200
    moved = client.get("/id/place/szopienice", headers={"Accept": "text/turtle"})
    assert moved.status_code == 302 and moved.headers["Location"].endswith("/id/place/katowice"), "temporary: undoable"
    kept = client.get("/page/place/katowice.json").get_json()
    assert any("Szopienic" in f["words"] for f in kept["facts"]), "the merged entity's facts show on the kept page"
    client.post("/review/api/split", json={"merge": r.get_json()["merge"]}, headers=headers)
    assert client.get("/id/place/szopienice", headers={"Accept": "text/turtle"}).status_code == 303


def test_audit_trail_records_who_when_what(app, client, curators):
    csrf = login(client)
    key = first_pending(app, "Gildia")
    client.post(f"/review/api/facts/{key}/decision", json={"status": "accepted", "reason": "sprawdzone"},
                headers={"X-CSRFToken": csrf})
    store = app.extensions["kronika"].store
    rows = list(store.query(f"""PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX kr: <http://127.0.0.1:5000/ontology#>
        SELECT ?who ?when ?before ?after ?reason WHERE {{ GRAPH <http://127.0.0.1:5000/graph/audit> {{
          ?d a prov:Activity ; prov:used <http://127.0.0.1:5000/graph/fact/{key}> ; prov:wasAssociatedWith ?who ;
             prov:endedAtTime ?when ; kr:statusBefore ?before ; kr:statusAfter ?after ; kr:reason ?reason }} }}"""))
    assert len(rows) == 1
    assert rows[0]["who"].value.endswith("/curator/anna") and rows[0]["after"].value.endswith("#accepted")
    html = client.get("/review/history?curator=anna").get_data(as_text=True)
    assert "sprawdzone" in html


def test_upload_limits_and_encoding(app, client, curators):
    login(client)
    csrf = csrf_of(client)
    app.extensions["kronika"].config["UPLOAD_LIMIT"] = 2000
    big = client.post("/review/upload", data={"csrf_token": csrf, "file": (io.BytesIO(b"a" * 3000), "big.txt")},
                      content_type="multipart/form-data")
    assert big.status_code == 413
    binary = client.post("/review/upload", data={"csrf_token": csrf, "file": (io.BytesIO(b"\x00\x01\x02"), "b.txt")},
                         content_type="multipart/form-data")
    assert binary.status_code == 400 and "binary" in binary.get_data(as_text=True)
    latin = client.post("/review/upload", data={"csrf_token": csrf, "file": (io.BytesIO("Łódź".encode("iso-8859-2")), "l.txt")},
                        content_type="multipart/form-data")
    assert latin.status_code == 400 and "UTF-8" in latin.get_data(as_text=True)
    text = "W maju 2001 r. Prezydent Krakowa Jan Nowak odwiedził Norymbergę na zaproszenie władz miasta."
    ok = client.post("/review/upload", data={"csrf_token": csrf, "file": (io.BytesIO(text.encode()), "krakow.txt")},
                     content_type="multipart/form-data")
    assert ok.status_code == 200
    queued = client.get("/review/api/facts?kind=membership").get_json()["facts"]
    assert any("Jan Nowak — prezydent — Kraków" in f["summary"] for f in queued)


def test_openapi_document(client):
    spec = client.get("/review/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.") and "/facts/{key}/decision" in spec["paths"]


def test_api_upload_queues_facts(app, client, curators):
    token = curators.new_token("anna")
    text = "W czerwcu 1995 r. Burmistrz Żagania Piotr Mazur przebywał w Cottbus."
    r = client.post("/review/api/documents", data={"file": (io.BytesIO(text.encode()), "zagan.txt")},
                    headers={"Authorization": f"Bearer {token}"}, content_type="multipart/form-data")
    assert r.status_code == 201 and r.get_json()["added"] > 0
    bad = client.post("/review/api/documents", data={"file": (io.BytesIO(b"\xff\xfe\x00"), "x.txt")},
                      headers={"Authorization": f"Bearer {token}"}, content_type="multipart/form-data")
    assert bad.status_code == 400
    sample = client.get("/page/document/historia-kontaktow-blizniaczych.json").get_json()["progress"]["pending"]
    other = client.post("/review/api/documents", headers={"Authorization": f"Bearer {token}"}, content_type="multipart/form-data",
                        data={"file": (io.BytesIO(text.encode()), "sub/dir/historia-kontaktow-blizniaczych.txt")})
    assert other.get_json()["document"].endswith("/document/historia-kontaktow-blizniaczych-2"), "a new document"
    assert client.get("/page/document/historia-kontaktow-blizniaczych.json").get_json()["progress"]["pending"] == sample
    replaced = client.post("/review/api/documents", headers={"Authorization": f"Bearer {token}"},
                           content_type="multipart/form-data",
                           data={"file": (io.BytesIO((text + " Wizyta trwała dwa dni.").encode()), "zagan.txt"),
                                 "replace": "yes"})
    assert replaced.status_code == 201 and replaced.get_json()["added"] == 0
    described = client.get("/page/document/zagan.json").get_json()
    assert "Wizyta trwała dwa dni" in "".join(r["text"] for p in described["text"]["paragraphs"] for r in p)
    store = app.extensions["kronika"].store
    linked = {r["s"].value for r in store.query(f"""SELECT ?s WHERE {{ GRAPH <{store.base.provenance}> {{
        ?s ?p <{described["iri"]}> }} }}""")}
    version = next(i for i in linked if "/id/document-version/zagan-" in i)
    shown = client.get("/page/" + version.split("/id/", 1)[1] + ".json").get_json()
    assert text in [v.get("value") for e in shown["properties"] for v in e["values"]], "the old text can be read"
    uploads = [i for i in linked if "/id/upload/" in i]
    assert len(uploads) == 2 and "zagan.txt" in client.get("/page/" + uploads[0].split("/id/", 1)[1]).get_data(as_text=True)


def test_a_merge_keeps_the_store_valid(app, client, curators):
    from graph.validate import validate_store
    csrf = login(client, "piotr")
    client.post("/review/api/merge", json={"keep": "http://127.0.0.1:5000/id/place/katowice",
                                           "gone": "http://127.0.0.1:5000/id/place/szopienice"},
                headers={"X-CSRFToken": csrf})
    report = validate_store(app.extensions["kronika"].store)
    assert not [m for ms in report.values() for m in ms if m.severity == "Violation"]


def test_the_openapi_description_is_valid_and_every_route_it_documents_exists(app, client):
    import json
    import re

    from openapi_spec_validator import validate

    spec = client.get("/review/api/openapi.json").get_json()
    validate(json.loads(json.dumps(spec)))
    prefix = spec["servers"][0]["url"]
    served = {(re.sub(r"<(?:\w+:)?\w+>", "{}", rule.rule), method)
              for rule in app.url_map.iter_rules() for method in rule.methods}
    for path, operations in spec["paths"].items():
        for method in operations:
            assert (prefix + re.sub(r"\{\w+\}", "{}", path), method.upper()) in served, (method, path)


def test_a_merge_is_previewed_type_checked_and_names_its_fields(app, client, curators):
    csrf = login(client, "piotr")
    headers = {"X-CSRFToken": csrf}
    person, place = "http://127.0.0.1:5000/id/person/jerzy-smialek", "http://127.0.0.1:5000/id/place/katowice"
    refused = client.post("/review/api/merge", json={"keep": place, "gone": person}, headers=headers)
    assert refused.status_code == 400 and refused.get_json()["field"] == "gone"
    assert "person cannot be merged into a place" in refused.get_json()["message"]
    assert client.get("/id/person/jerzy-smialek", headers={"Accept": "text/turtle"}).status_code == 303, "nothing moved"
    unknown = client.post("/review/api/merge", json={"keep": "Nikt Taki", "gone": place}, headers=headers).get_json()
    assert unknown["field"] == "keep" and "Nikt Taki" in unknown["message"]
    preview = client.post("/review/api/merge", json={"keep": place, "gone": "http://127.0.0.1:5000/id/place/szopienice",
                                                    "preview": True}, headers=headers).get_json()
    assert preview["facts"] >= 1 and preview["names"] == ["Szopienice"] and "merge" not in preview
    assert client.get("/id/place/szopienice", headers={"Accept": "text/turtle"}).status_code == 303, "a preview changes nothing"
    page = client.post("/review/merge", data={"keep": place, "gone": "http://127.0.0.1:5000/id/place/szopienice",
                                              "csrf_token": csrf}).get_data(as_text=True)
    assert "Podgląd / preview" in page and 'name="confirm" value="yes"' in page
    done = client.post("/review/merge", data={"keep": place, "gone": "http://127.0.0.1:5000/id/place/szopienice",
                                              "confirm": "yes", "csrf_token": csrf}).get_data(as_text=True)
    assert "Scalono / merged" in done and "{&#39;" not in done and "{'" not in done, "a readable result, not a dict"
    assert f'<a href="{place}">' in done and 'href="http://127.0.0.1:5000/id/place/szopienice"' in done, "with links"
    assert '<label>zostaje / keep' in done and '<label>znika, przekierowuje / replaced' in done, "fields named for what they do"
    kept = client.get("/page/place/katowice.json").get_json()
    assert "Szopienice" in str(kept["properties"]), "the merged name is an alternative label of the kept entity"
    assert any("Szopienice" in (f.get("summary") or "") for f in kept["facts"]), "the merged entity's facts shown on it"
    incoming = [(i["subject"]["iri"], i["predicate"]["iri"]) for i in kept["incoming"]["items"]]
    assert len(incoming) == len(set(incoming)), "each incoming link once"


def test_a_renaming_correction_updates_the_title_keeps_the_old_spelling_and_the_history(app, client, curators):
    csrf = login(client)
    headers = {"X-CSRFToken": csrf}
    facts, _ = Review(app.extensions["kronika"].store).facts(status="pending", kind="entity", limit=500)
    key = next(f.key for f in facts if f.summary.startswith("Jerzy Śmiałek"))
    form = client.get(f"/review/fact/{key}").get_data(as_text=True)
    assert 'name="name" size="40" value="Jerzy Śmiałek"' in form and "<option selected>person</option>" in form
    assert client.get(f"/review/api/facts/{key}", headers=headers).get_json()["current"]["name"] == "Jerzy Śmiałek"
    client.post(f"/review/api/facts/{key}/decision", json={"status": "accepted", "reason": "sprawdzone"}, headers=headers)
    r = client.post(f"/review/api/facts/{key}/correction", json={"name": "Jerzy Śmiałek-Nowak", "type": "person"},
                    headers=headers)
    assert r.status_code == 200, r.get_json()
    new = client.get(f"/review/api/facts/{r.get_json()['replacement']}", headers=headers).get_json()
    assert new["summary"].startswith("Jerzy Śmiałek-Nowak") and "(poprawione)" in new["summary"]
    assert any("altLabel" in t[1] and t[2] == "\"Jerzy Śmiałek\"@pl" for t in new["triples"]), "the old spelling is kept"
    assert not any(t[1].endswith("#type") and "Place" in t[2] for t in new["triples"]), "an unchanged type stays as it was"
    history = client.get(f"/review/api/history?fact={new['fact']}", headers=headers).get_json()["history"]
    assert [h["after"] for h in history] == ["edited", "accepted"], "the replacement carries the old fact's history"
    client.post(f"/review/api/facts/{new['fact'].rsplit('/', 1)[-1]}/decision", json={"status": "accepted"}, headers=headers)
    answer = client.get("/page/person/jerzy-smialek.json")  # the entity's page and search: the new name
    page = answer.get_json()
    assert answer.status_code == 200 and page["label"] == "Jerzy Śmiałek-Nowak", (answer.status_code, page)
    found = client.get("/search", query_string={"q": "Śmiałek-Nowak", "format": "json"}).get_json()["results"]
    assert found and found[0]["iri"].endswith("/id/person/jerzy-smialek") and found[0]["name"] == "Jerzy Śmiałek-Nowak"


def test_the_queue_pages_searches_keeps_its_filters_and_acts_on_a_whole_filter(app, client, curators):
    csrf = login(client)
    first = client.get("/review?limit=5").get_data(as_text=True)
    total = Review(app.extensions["kronika"].store).facts(limit=1)[1]
    assert f"1–5 z / of {total}" in first and 'rel="next"' in first and 'rel="prev"' not in first
    second = client.get("/review?limit=5&offset=5").get_data(as_text=True)
    keys = lambda page: set(re.findall(r'data-key="([0-9a-f]+)"', page))  # noqa: E731
    assert len(keys(first)) == len(keys(second)) == 5 and not keys(first) & keys(second)
    found = client.get("/review?q=Smialek").get_data(as_text=True)
    assert "Śmiałek" in found and len(keys(found)) < total
    kept = client.get("/review?warnings=no&q=Smialek").get_data(as_text=True)
    assert '<option value="no" selected>' in kept and 'value="Smialek"' in kept, "filters keep their values"
    events = Review(app.extensions["kronika"].store).facts(kind="event", limit=500)[1]
    r = client.post("/review/bulk", data={"all": "yes", "status": "accepted", "filter-kind": "event",
                                              "csrf_token": csrf})
    assert r.status_code == 302
    review = Review(app.extensions["kronika"].store)
    assert review.facts(kind="event")[1] == 0 and review.facts(status="accepted", kind="event")[1] == events
    assert review.counts(status=None)["accepted"] == events
    client.post("/review/undo", data={"csrf_token": csrf})
    assert review.facts(kind="event")[1] == events, "a whole-filter decision is one batch, undone together"
    # a curator accepts everything the extractor is sure of: the whole filter by confidence
    pending = review.facts(status="pending", limit=1000)[0]
    sure = {f.key for f in pending if f.confidence >= 0.9}
    assert sure and len(sure) < len(pending)
    r = client.post("/review/bulk", data={"all": "yes", "status": "accepted", "filter-min_confidence": "0.9",
                                          "csrf_token": csrf})
    assert r.status_code == 302
    assert {f.key for f in review.facts(status="accepted", limit=1000)[0]} == sure


def test_a_whole_filter_larger_than_one_bulk_is_decided_a_bulk_at_a_time(app, client, curators, monkeypatch):
    monkeypatch.setattr("graph.review.BULK_LIMIT", 3)
    monkeypatch.setattr("server.views.review.BULK_LIMIT", 3)
    csrf = login(client)
    review = Review(app.extensions["kronika"].store)
    events = review.facts(kind="event", limit=500)[1]
    assert events > 6
    page = client.get("/review?kind=event").get_data(as_text=True)
    assert f"the first 3 of {events}, then repeat" in page, "the page says the whole filter is done in parts"
    headers = {"X-CSRFToken": csrf}
    first = client.post("/review/api/bulk", json={"filter": {"kind": "event"}, "status": "accepted"}, headers=headers)
    answer = first.get_json()
    assert first.status_code == 200 and len(answer["decided"]) == 3
    assert (answer["matched"], answer["limit"], answer["left"]) == (events, 3, events - 3)
    left = answer["left"]
    while left:
        left = client.post("/review/api/bulk", json={"filter": {"kind": "event"}, "status": "accepted"},
                           headers=headers).get_json()["left"]
    assert review.facts(kind="event")[1] == 0 and review.facts(status="accepted", kind="event")[1] == events
    r = client.post("/review/bulk", data={"all": "yes", "status": "rejected", "filter-kind": "event",
                                          "filter-status": "accepted", "csrf_token": csrf}, follow_redirects=True)
    assert f"{events - 3} left in the filter, repeat" in r.get_data(as_text=True)


def _entity(store, kind: str, slug: str, name: str, alt: str | None = None) -> None:
    """An entity in the public view, as a published fact would put it there."""
    import pyoxigraph as ox
    types = {"person": "http://schema.org/Person", "organisation": "http://www.w3.org/ns/org#Organization",
             "place": "http://schema.org/Place"}
    iri = ox.NamedNode(store.base.id(kind, slug))
    quads = [ox.Quad(iri, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(types[kind])),
             ox.Quad(iri, ox.NamedNode("http://schema.org/name"), ox.Literal(name))]
    if alt:
        quads.append(ox.Quad(iri, ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"), ox.Literal(alt, language="pl")))
    with store.writing():
        store.ox.extend(quads)


def test_possible_duplicates_pair_initials_acronyms_aliases_and_never_two_full_names(app, client, curators):
    from graph.candidates import candidates
    store = app.extensions["kronika"].store
    _entity(store, "person", "j-kowalczyk", "J. Kowalczyk")
    _entity(store, "person", "jan-kowalczyk", "Jan Kowalczyk")
    _entity(store, "person", "jozef-kowalczyk", "Józef Kowalczyk")
    _entity(store, "organisation", "mosir", "MOSiR")
    _entity(store, "organisation", "miejski-osrodek-sportu-i-rekreacji", "Miejski Ośrodek Sportu i Rekreacji")
    _entity(store, "organisation", "muzeum-gornicze", "Muzeum Górnicze")
    _entity(store, "organisation", "muzeum-gornoslaskie", "Muzeum Górnośląskie")
    _entity(store, "place", "mosir-hala", "MOSiR")
    _entity(store, "place", "templin", "Templin")
    _entity(store, "place", "templina", "Templina", alt="Templinie")
    _entity(store, "place", "tempelhof", "Tempelhof")
    found = {(c.keep.rsplit("/", 1)[1], c.gone.rsplit("/", 1)[1]): c.reason for c in candidates(store)}
    assert found[("jan-kowalczyk", "j-kowalczyk")] == "an initial and a surname"
    assert found[("jozef-kowalczyk", "j-kowalczyk")] == "an initial and a surname"
    assert ("jozef-kowalczyk", "jan-kowalczyk") not in found and ("jan-kowalczyk", "jozef-kowalczyk") not in found
    assert found[("miejski-osrodek-sportu-i-rekreacji", "mosir")] == "an acronym"
    assert not {k for k in found if "muzeum-gornicze" in k and "muzeum-gornoslaskie" in k}, "two full names"
    assert any({"mosir", "mosir-hala"} == set(k) for k in found), "an organisation and a place of one name"
    assert found[("templina", "templin")] == "the same base form", "a name the extractor did not decline"
    assert not any("tempelhof" in k for k in found)
    assert not any("jan-kowalczyk" in k and "mosir" in k for k in found), "a person never pairs with an organisation"
    login(client, "piotr")
    page = client.get("/review/duplicates").get_data(as_text=True)
    assert "Miejski Ośrodek Sportu i Rekreacji" in page and "podgląd scalenia / preview merge" in page
    listed = client.get("/review/duplicates?format=json").get_json()["candidates"]
    assert len(listed) == len(found) and all(set(c) == {"keep", "gone", "names", "reason"} for c in listed)


def test_comments_on_a_fact_are_audited_and_shown_with_it(app, client, curators):
    csrf = login(client)
    headers = {"X-CSRFToken": csrf}
    key = first_pending(app, "Śmiałek")
    r = client.post(f"/review/api/facts/{key}/comments", json={"text": "Sprawdzić w kronice z 1994 r."}, headers=headers)
    assert r.status_code == 201 and r.get_json()["curator"] == "anna"
    assert client.post(f"/review/api/facts/{key}/comments", json={"text": "  "}, headers=headers).get_json()["field"] == "text"
    assert client.post("/review/api/facts/0123456789abcdef/comments", json={"text": "x"}, headers=headers).status_code == 404
    client.post(f"/review/fact/{key}", data={"action": "comment", "text": "Zgadza się.", "csrf_token": csrf})
    shown = client.get(f"/review/api/facts/{key}", headers=headers).get_json()["comments"]
    assert [c["text"] for c in shown] == ["Sprawdzić w kronice z 1994 r.", "Zgadza się."]
    assert "Zgadza się." in client.get(f"/review/fact/{key}").get_data(as_text=True)
    store = app.extensions["kronika"].store
    assert len(list(store.query(f"""SELECT ?c WHERE {{ GRAPH <{store.base.audit}> {{ ?c a <{store.kr.Comment}> ;
        <http://schema.org/author> <{store.base.id('curator', 'anna')}> }} }}"""))) == 2


def test_undo_and_history_follow_time_whatever_the_milliseconds(app, monkeypatch):
    """The store gives a dateTime back in canonical form ("…:00Z", "…:00.1Z"), whose text does not sort
    in time order: a decision on a whole second must still come before one a tenth of a second later."""
    review = Review(app.extensions["kronika"].store)
    first, second = [f.key for f in review.facts(status="pending", limit=2)[0]]
    stamps = iter(["2026-01-05T10:00:00.000Z", "2026-01-05T10:00:00.100Z", "2026-01-05T10:00:01.000Z",
                   "2026-01-05T10:00:01.250Z", "2026-01-05T10:00:01.300Z"])
    monkeypatch.setattr("graph.review.now", lambda: next(stamps))
    review.decide(first, "rejected", "anna")
    review.decide(second, "accepted", "anna")
    assert [(h["fact"], h["at"]) for h in review.history("anna")] == [
        (second, "2026-01-05T10:00:00.100Z"), (first, "2026-01-05T10:00:00.000Z")]
    assert review.undo("anna") == [{"fact": second, "status": "pending"}]
    review.comment(first, "anna", "najpierw")
    review.comment(first, "anna", "potem")
    assert [c["text"] for c in review.comments(first)] == ["najpierw", "potem"]


def test_a_documents_page_counts_its_facts_by_status_and_marks_each_with_its_status(app, client, curators):
    document = "/page/document/historia-kontaktow-blizniaczych"
    before = client.get(f"{document}.json").get_json()["progress"]
    csrf = login(client)
    headers = {"X-CSRFToken": csrf}
    accepted, rejected = first_pending(app, "Śmiałek"), first_pending(app, "następca")
    for key, status in ((accepted, "accepted"), (rejected, "rejected")):
        r = client.post(f"/review/api/facts/{key}/decision", json={"status": status, "expected": "pending"}, headers=headers)
        assert r.status_code == 200
    after = client.get(f"{document}.json").get_json()["progress"]
    assert after["pending"] == before["pending"] - 2
    assert after.get("accepted", 0) == before.get("accepted", 0) + 1
    assert after.get("rejected", 0) == before.get("rejected", 0) + 1
    html = client.get(document).get_data(as_text=True)
    assert f'<span class="status-accepted">accepted {after["accepted"]}</span>' in html
    marks = re.findall(r'href="/graph/fact/([0-9a-f]+)"><mark class="kind-\w+ status-(\w+)"', html)
    assert marks and all(status in ("pending", "accepted", "rejected") for _, status in marks)
    assert (accepted, "accepted") in marks or (rejected, "rejected") in marks, "a decided fact is marked with its status"


def test_an_upload_lists_the_facts_it_added_dropped_and_kept(app, client, curators):
    token = curators.new_token("anna")
    auth = {"Authorization": f"Bearer {token}"}

    def send(text: str, replace: str = "yes") -> dict:
        return client.post("/review/api/documents", data={"file": (io.BytesIO(text.encode()), "zagan.txt"), "replace": replace},
                           headers=auth, content_type="multipart/form-data").get_json()

    visit = "W czerwcu 1995 r. Burmistrz Żagania Piotr Mazur przebywał w Cottbus."
    first = send(visit, replace="no")
    added = {f["fact"]: f["summary"] for f in first["facts"]["added"]}
    assert len(added) == first["added"] > 0 and all(added.values()) and not first["facts"]["dropped"]
    decided = next(key for key, summary in added.items() if "burmistrz" in summary)
    assert client.post(f"/review/api/facts/{decided}/decision", json={"status": "accepted"}, headers=auth).status_code == 200
    # a sentence put before it: its words move, so every fact is told anew; the pending ones are dropped and the
    # accepted one is kept, each listed by name
    second = send(f"Kronika miasta wspomina też inne sprawy. {visit}")
    facts = second["facts"]
    assert [f["fact"] for f in facts["kept"]] == [decided] and facts["kept"][0]["summary"] == added[decided]
    assert {f["fact"] for f in facts["dropped"]} == set(added) - {decided} and len(facts["dropped"]) == second["dropped"]
    assert len(facts["added"]) == second["added"] > 0 and not {f["fact"] for f in facts["added"]} & set(added)
    login(client)
    page = client.post("/review/upload", data={"file": (io.BytesIO(visit.encode()), "zagan.txt"), "replace": "yes",
                                               "csrf_token": csrf_of(client)}, content_type="multipart/form-data")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and '<details class="changes added">' in html and "/review/fact/" in html
    assert '<details class="changes dropped">' in html
