"""/timeline: the sample's events and roles in time order, each spanning its date's precision; the same
as JSON; paging, windows and bad parameters; review states as the public pages show them; a person's
page with its own timeline; and vis-timeline drawing them in order in headless Chromium."""
from __future__ import annotations

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.review import Review
from server import timeline as axis

EVENT = "http://127.0.0.1:5000/id/event/"
PERSON = "http://127.0.0.1:5000/id/person/jerzy-smialek"


def items_of(client, url="/timeline.json") -> list[dict]:
    r = client.get(url)
    assert r.status_code == 200, r.get_data(as_text=True)
    return r.get_json()["items"]


def by_iri(items) -> dict[str, dict]:
    return {i["iri"]: i for i in items}


def test_items_come_in_time_order_each_spanning_its_precision(client):
    items = items_of(client)
    assert [(i["start"], i["end"]) for i in items] == sorted((i["start"], i["end"]) for i in items)
    found = by_iri(items)
    year = found[EVENT + "festival-1996-saint-etienne"]  # xsd:gYear 1996
    assert (year["start"], year["end"], year["dates"]) == ("1996-01-01", "1996-12-31", [{"value": "1996", "precision": "year"}])
    month = found[EVENT + "signing-1994-06-katowice"]     # xsd:gYearMonth 1994-06
    assert (month["start"], month["end"], month["dates"][0]["precision"]) == ("1994-06-01", "1994-06-30", "month")
    leap = found[EVENT + "founding-1992-02-stowarzyszenie-saint-etienne-katowice"]
    assert (leap["start"], leap["end"]) == ("1992-02-01", "1992-02-29")
    day = found[EVENT + "inauguration-1998-09-09-dom-miasta-saint-etienne"]
    assert (day["start"], day["end"], day["dates"][0]["precision"]) == ("1998-09-09", "1998-09-09", "day")
    role = found["http://127.0.0.1:5000/id/membership/jerzy-smialek--prezydent--katowice"]  # attested twice
    assert (role["kind"], role["start"], role["end"]) == ("membership", "1991-08-01", "1994-06-30")
    assert [d["value"] for d in role["dates"]] == ["1991-08", "1994-06"]
    assert {i["kind"] for i in items} == {"event", "membership"} and len([i for i in items if i["kind"] == "event"]) == 10
    for item in items:
        assert item["label"] and client.get(item["page"]).status_code == 200


def test_every_spelling_of_json_gives_the_same_data(client):
    expected = client.get("/timeline.json").get_json()
    assert client.get("/timeline?format=json").get_json() == expected
    assert client.get("/timeline", headers={"Accept": "application/json"}).get_json() == expected
    assert expected["about"] is None and expected["total"] == len(expected["items"]) and expected["next"] is None


def test_the_page_lists_the_items_and_loads_the_bundled_vis_timeline(client):
    r = client.get("/timeline")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and 'class="timeline-chart"' in html
    assert "vendor/vis_timeline/vis-timeline-graph2d.min.js" in html and "static/timeline.js" in html
    listed = html[html.index('<ol class="timeline-list">'):]  # the list a reader without scripts gets
    assert listed.index("Wizyta, Region Rhône-Alpes, 1991-03") < listed.index("Podpisanie, Katowice, 1994-06") \
        < listed.index("Targi, Saint-Étienne, Katowice, 2002")
    assert client.get("/static/vendor/vis_timeline/vis-timeline-graph2d.min.js").status_code == 200
    assert client.get("/static/vendor/vis_timeline/vis-timeline-graph2d.min.css").status_code == 200


def test_years_narrow_it_and_pages_page_it(client, monkeypatch):
    window = items_of(client, "/timeline.json?from=1994&to=1996")
    assert window and all(i["end"] >= "1994-01-01" and i["start"] <= "1996-12-31" for i in window)
    assert EVENT + "signing-1994-06-katowice" in by_iri(window) and EVENT + "fair-2002-saint-etienne" not in by_iri(window)
    everything = items_of(client)
    monkeypatch.setattr(axis, "PAGE_SIZE", 5)
    first = client.get("/timeline.json").get_json()
    assert first["items"] == everything[:5] and first["next"] == "/timeline?page=1" and first["previous"] is None
    second = client.get("/timeline.json?page=1").get_json()
    assert second["items"] == everything[5:10] and second["previous"] == "/timeline?page=0"
    narrowed = client.get("/timeline.json?from=1991&to=1999").get_json()
    assert narrowed["next"] == "/timeline?from=1991&to=1999&page=1"


@pytest.mark.parametrize("query,field", [("from=nineteen", "from"), ("to=0", "to"), ("from=2000&to=1990", "from"),
                                         ("page=-1", "page"), ("about=jerzy", "about"),
                                         ("about=http://example.org/id/person/x", "about")])
def test_bad_parameters_are_400s_naming_them(client, query, field):
    r = client.get("/timeline.json?" + query)
    assert r.status_code == 400 and r.get_json()["field"] == field
    assert client.get("/timeline?" + query).status_code == 400


def test_one_entitys_timeline_and_its_page(client):
    mine = items_of(client, f"/timeline.json?about={PERSON}")
    assert [i["label"] for i in mine] == ["Wizyta, Saint-Étienne, 1991-08", "Jerzy Śmiałek — prezydent — Katowice",
                                          "Podpisanie, Katowice, 1994-06"]
    assert client.get("/timeline.json?about=http://127.0.0.1:5000/id/person/nobody").status_code == 404
    page = client.get("/page/person/jerzy-smialek.json").get_json()
    assert page["timeline"]["items"] == mine and page["timeline"]["total"] == 3
    html = client.get("/page/person/jerzy-smialek").get_data(as_text=True)
    assert 'class="timeline-chart"' in html and "Oś czasu" in html
    organisation = client.get("/page/organisation/stowarzyszenie-saint-etienne-katowice.json").get_json()
    assert [i["kind"] for i in organisation["timeline"]["items"]] == ["event", "membership"]
    assert "timeline" not in client.get("/page/event/signing-1994-06-katowice.json").get_json()


def test_review_states_show_as_on_the_public_pages(app, client):
    """Accepted and pending facts are public (pending ones marked), rejected ones are not."""
    store = app.extensions["kronika"].store
    review = Review(store)

    def fact_of(event: str) -> str:
        rows = store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{event}> a <http://schema.org/Event> }} }}")
        return next(iter(rows))["g"].value.rsplit("/", 1)[-1]

    assert {i["status"] for i in items_of(client)} == {"pending"}
    review.decide(fact_of(EVENT + "signing-1994-06-katowice"), "accepted", "anna")
    review.decide(fact_of(EVENT + "festival-1999-katowice"), "rejected", "anna")
    found = by_iri(items_of(client))
    assert found[EVENT + "signing-1994-06-katowice"]["status"] == "accepted"
    assert EVENT + "festival-1999-katowice" not in found
    assert found[EVENT + "festival-1996-saint-etienne"]["status"] == "pending"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.text(max_size=6), last=st.text(max_size=6), page=st.text(max_size=8), about=st.text(max_size=40))
def test_no_parameter_gives_a_5xx(client, first, last, page, about):
    for about_ in (about, "http://127.0.0.1:5000/id/" + about):
        r = client.get("/timeline.json", query_string={"from": first, "to": last, "page": page, "about": about_})
        assert r.status_code in (200, 400, 404), (first, last, page, about_, r.get_data(as_text=True)[:300])


@pytest.mark.e2e
def test_chromium_draws_the_samples_events_in_time_order(server, browser_page):
    expected = [i for i in requests.get(server + "/timeline.json", timeout=60).json()["items"] if i["kind"] == "event"]
    page = browser_page
    page.goto(server + "/timeline")
    page.wait_for_selector(".timeline-chart[data-ready=true] .vis-item")
    drawn = page.eval_on_selector_all(".timeline-chart .vis-item.kind-event", """items => items.map(item => (
        {label: item.textContent.trim(), left: item.getBoundingClientRect().left}))""")
    assert sorted(d["label"] for d in drawn) == sorted(i["label"] for i in expected)
    start = {i["label"]: i["start"] for i in expected}
    in_order = [start[d["label"]] for d in sorted(drawn, key=lambda d: d["left"])]
    assert in_order == sorted(in_order), in_order
    assert page.locator(".timeline-list").is_hidden()  # the list is the chart's fallback without scripts
    page.locator(".vis-item.kind-event a", has_text="Podpisanie, Katowice, 1994-06").click()
    page.wait_for_url("**/page/event/signing-1994-06-katowice")
