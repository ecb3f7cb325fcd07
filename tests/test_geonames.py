"""Places linked to GeoNames offline (graph/geonames.py), and the maps that draw them (server/views/maps.py)."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from extract.gazetteer import gazetteer, name_key, spelling_key
from graph.geonames import CONFIDENCE, Linker

from .conftest import SAMPLE, free_port, start_server, stop_server

GOLD = json.loads((Path(__file__).parent / "data" / "geonames-gold.json").read_text())["places"]
TEXTS = Path(__file__).parent / "texts"
KATOWICE, SAINT_ETIENNE = 3096472, 2980291
BASE = "http://127.0.0.1:5000/"
SCHEMA, OWL_SAME_AS = "http://schema.org/", URIRef("http://www.w3.org/2002/07/owl#sameAs")
GEO = "http://www.opengis.net/ont/geosparql#"


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(gazetteer())


def linked(linker: Linker, *names: str, **kwargs) -> dict[str, int]:
    return {key: link.entry.id for key, link in linker.link({n: n for n in names}, **kwargs).items()}


# --- names ----------------------------------------------------------------------------------------

def test_names_compare_without_case_accents_or_saint_spelling_but_alternates_as_spelt():
    assert name_key("St-Étienne") == name_key("Saint Etienne") == name_key("saint-étienne")
    assert name_key("Großhabersdorf") == name_key("Grosshabersdorf") and name_key("Łódź") == "lodz"
    assert spelling_key("Czechów") != spelling_key("Czechow") and spelling_key("Lwów") == spelling_key("LWÓW")


def test_a_name_is_its_place_and_exonyms_are_read(linker):
    assert linked(linker, "Katowice") == {"Katowice": KATOWICE}
    assert linked(linker, "Saint-Étienne") == {"Saint-Étienne": SAINT_ETIENNE}
    assert linked(linker, "St-Étienne")["St-Étienne"] == SAINT_ETIENNE
    exonyms = {"Monachium": 2867714, "Kolonia": 2886242, "Praga": 3067696, "Lwów": 702550, "Getynga": 2918632,
               "Warszawa": 756135}  # GeoNames names Warsaw in English: a home city by its Polish name too
    assert linked(linker, *exonyms) == exonyms


def test_countries_by_their_polish_names_and_codes_before_any_town_of_that_name(linker):
    found = linker.link({n: n for n in ("Niemcy", "Włochy", "Węgry", "Czechy", "USA")})
    assert {n: link.entry.id for n, link in found.items()} == {
        "Niemcy": 2921044, "Włochy": 3175395, "Węgry": 719819, "Czechy": 3077311, "USA": 6252001}
    assert {link.rule for link in found.values()} == {"geonames-country"}
    assert all(link.entry.is_country for link in found.values()), "Włochy is Italy here, not Warsaw's district"


def test_the_text_decides_between_namesakes(linker):
    # the country it names
    assert linked(linker, "Włodzimierz") == {}, "Vladimir or Volodymyr: nothing says which"
    assert linked(linker, "Włodzimierz", "Ukraina")["Włodzimierz"] == 689378
    assert linked(linker, "Winnica", "Ukraina")["Winnica"] == 689558
    # the region of the other places it names: the Leszno by Błonie, not the city of Leszno
    assert linked(linker, "Leszno")["Leszno"] == 3093524
    assert linked(linker, "Leszno", "Błonie", "Ożarów Mazowiecki", "Stare Babice", "Teresin")["Leszno"] == 766373
    # the partner city's country: a twin town is abroad
    twins = {"Winnica": {("twinnedWith", "Kielce")}, "Kielce": {("twinnedWith", "Winnica")}}
    assert linked(linker, "Winnica", "Kielce", related=twins) == {"Winnica": 689558, "Kielce": 769250}
    # else the most populous, when it dwarfs the others, with a lower confidence
    berlin = linker.link({"Berlin": "Berlin"})["Berlin"]
    assert berlin.entry.country == "DE" and berlin.confidence < CONFIDENCE["geonames-only"]


def test_conservative_no_abbreviation_river_or_word_is_linked(linker):
    assert linked(linker, "UE", "Europa", "Ren", "Śląsk", "Górny Śląsk", "Muzeum Górnicze") == {}
    # a small namesake named once with nothing near it: a river, a person, a word the extractor took for a place
    assert linked(linker, "Odra", "Berlin", mentions={"Odra": 2, "Berlin": 2}) == {"Berlin": 2950159}
    assert linked(linker, "Kowal", "Opole", mentions={"Kowal": 1, "Opole": 3}) == {"Opole": 3090048}
    assert linked(linker, "Czechów") == {}, "Chekhov's Polish name is Czechow: alternate names match as spelt"
    assert linked(linker, "Sokołów") == {}, "Sokołów Podlaski or Sokołów Małopolski?"


def gold_scores(linker) -> tuple[Counter, Counter, int]:
    made, right, expected = Counter(), Counter(), 0
    for names in GOLD.values():
        expected += sum(1 for v in names.values() if v)
        for name, link in linker.link({n: n for n in names}).items():
            made[link.rule] += 1
            right[link.rule] += link.entry.id == names[name]
    return made, right, expected


def test_precision_on_the_gold_place_names_of_the_development_texts_and_the_sample(linker):
    made, right, expected = gold_scores(linker)
    precision = sum(right.values()) / sum(made.values())
    assert precision >= 0.95, f"precision {precision:.3f} ({sum(right.values())}/{sum(made.values())})"
    assert sum(right.values()) / expected >= 0.9, "recall of the places GeoNames has"
    for rule, n in made.items():  # a rule's confidence is no more than the precision measured for it
        assert right[rule] / n >= CONFIDENCE[rule] or n < 10, (rule, right[rule], n)


def test_the_gold_names_every_link_it_is_scored_on():
    names = sum(len(v) for v in GOLD.values())
    assert names > 500 and GOLD["historia-kontaktow-blizniaczych"]["Katowice"] == KATOWICE


# --- facts ----------------------------------------------------------------------------------------

def link_facts(path: Path):
    import extract
    from extract.source import read_source
    from graph.facts import FactBuilder
    from graph.vocab import Base

    text = read_source(path)
    facts = FactBuilder(Base()).build(extract.read_chunks(text), path.name, text)
    return [f for f in facts.facts if f.kind == "geonames"]


def test_the_sample_links_katowice_and_saint_etienne_only_as_facts_with_evidence():
    facts = {str(f.about[0]): f for f in link_facts(SAMPLE)}
    assert set(facts) == {BASE + "id/place/katowice", BASE + "id/place/saint-etienne"}
    katowice = facts[BASE + "id/place/katowice"]
    triples = {(str(s), str(p), o) for s, p, o in katowice.triples}
    point = BASE + "id/place/katowice#geo-3096472"
    assert (BASE + "id/place/katowice", str(OWL_SAME_AS), URIRef("https://sws.geonames.org/3096472/")) in triples
    assert (point, SCHEMA + "latitude", Literal("50.25970", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))) in triples
    assert (point, GEO + "asWKT", Literal("POINT(19.02173 50.25970)", datatype=URIRef(GEO + "wktLiteral"))) in triples
    assert (BASE + "id/place/katowice", SCHEMA + "containedInPlace", URIRef("https://sws.geonames.org/798544/")) in triples
    assert SAMPLE.read_text()[katowice.evidence.start:katowice.evidence.end].startswith("Katowic")
    assert katowice.evidence.rule == "geonames-only" and katowice.summary.startswith("Katowice = GeoNames 3096472")


@pytest.mark.slow
def test_precision_of_the_links_extracted_from_the_project_texts():
    """Every link made from an extracted place of tests/texts, judged by the gold of its text."""
    made = right = 0
    for path in sorted(TEXTS.glob("*.txt")):
        gold = {name_key(n): v for n, v in GOLD[path.stem].items()}
        for fact in link_facts(path):
            made += 1
            name, found = re.match(r"(.+) = GeoNames (\d+):", fact.summary).groups()
            right += gold.get(name_key(name)) == int(found)
    assert made > 60 and right / made >= 0.95, (right, made)


# --- published: pages, data, the desk, the map ----------------------------------------------------------

def test_links_are_public_data_and_shown_on_place_pages(client):
    g = Graph().parse(data=client.get("/data/place/katowice.ttl").get_data(as_text=True), format="turtle")
    me = URIRef(BASE + "id/place/katowice")
    assert (me, OWL_SAME_AS, URIRef("https://sws.geonames.org/3096472/")) in g
    point = g.value(me, URIRef(SCHEMA + "geo"))
    assert float(g.value(point, URIRef(SCHEMA + "latitude"))) == pytest.approx(50.2597)
    assert str(g.value(point, URIRef(GEO + "asWKT"))) == "POINT(19.02173 50.25970)"
    page = client.get("/page/place/saint-etienne.json").get_json()
    assert page["map"] == [{"iri": BASE + "id/place/saint-etienne", "page": "/page/place/saint-etienne",
                            "name": "Saint-Étienne", "latitude": 45.43389, "longitude": 4.39}]
    assert any(link["iri"] == "https://sws.geonames.org/2980291/" for link in page["links"])
    html = client.get("/page/place/saint-etienne").get_data(as_text=True)
    assert 'id="map"' in html and "vendor/leaflet/leaflet.js" in html and "GeoNames 2980291" in html
    assert "Polska" in client.get("/page/place/katowice", headers={"Accept-Language": "pl"}).get_data(as_text=True)


def test_event_pages_map_their_places(client):
    events = client.get("/map.json").get_json()["places"]
    katowice = next(p for p in events if p["name"] == "Katowice")
    event = katowice["events"][0]
    page = client.get(event["page"] + ".json").get_json()
    assert any(point["name"] == "Katowice" for point in page["map"])
    assert client.get("/page/person/jerzy-smialek.json").get_json().get("map") is None


def test_map_lists_places_with_coordinates_and_their_events_and_filters_by_time(client):
    data = client.get("/map?format=json").get_json()
    places = {p["name"]: p for p in data["places"]}
    assert set(places) == {"Katowice", "Saint-Étienne"} and not data["truncated"]
    assert (places["Katowice"]["latitude"], places["Katowice"]["longitude"]) == (50.2597, 19.02173)
    assert places["Saint-Étienne"]["page"] == "/page/place/saint-etienne"
    assert all(e["page"].startswith("/page/event/") for p in data["places"] for e in p["events"])
    assert data == client.get("/map.json").get_json() == client.get("/map", headers={"Accept": "application/json"}).get_json()
    nineties = client.get("/map.json?from=1996&to=1996").get_json()
    assert [e["date"] for p in nineties["places"] for e in p["events"]] == ["1996"]
    assert client.get("/map.json?from=2050").get_json()["places"] == []
    assert client.get("/map.json?from=1994-13").status_code == 400
    assert client.get("/map.json?to=1994-02-30").status_code == 400
    assert client.get("/map.json?from=%22%7D%20DROP").status_code == 400
    html = client.get("/map?from=1990&to=1999").get_data(as_text=True)
    assert 'id="map"' in html and "Katowice" in html and 'value="1990"' in html


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.text(max_size=12), end=st.text(max_size=12))
def test_no_time_span_gives_a_5xx(client, start, end):
    assert client.get("/map.json", query_string={"from": start, "to": end}).status_code in (200, 400)


def test_curators_reject_a_link_like_any_fact_and_the_map_follows(app, client):
    from graph.review import Review

    review = Review(app.extensions["kronika"].store)
    views, total = review.facts(kind="geonames")
    assert total == 2 and {v.rule for v in views} == {"geonames-only"}
    assert review.facts(kind="geonames", entity_type="place")[1] == 2
    katowice = next(v for v in views if "Katowice" in v.summary)
    review.decide(katowice.key, "rejected", "anna", expected="pending")
    assert [p["name"] for p in client.get("/map.json").get_json()["places"]] == ["Saint-Étienne"]
    r = client.get("/data/place/katowice.ttl").get_data(as_text=True)
    assert "sws.geonames.org" not in r


def test_shacl_finds_nothing_to_say_of_the_samples_links():
    import extract
    from graph.build import validate
    from graph.facts import FactBuilder
    from graph.vocab import Base

    builder = FactBuilder(Base())
    text = SAMPLE.read_text()
    checked = validate(builder.build(extract.read_chunks(text), SAMPLE.name, text), builder)
    links = {f.key for f in checked.facts.facts if f.kind == "geonames"}
    assert len(links) == 2 and not checked.refused and not links & set(checked.warnings)


def test_the_map_is_offline_unless_a_tile_server_is_set(client, store_copy):
    from server import create_app

    r = client.get("/map")
    policy = r.headers["Content-Security-Policy"]
    assert "img-src 'self' data:;" in policy and "connect-src 'self'" in policy
    assert '"tiles": null' in r.get_data(as_text=True) and "world_atlas/countries-110m.json" in r.get_data(as_text=True)
    online = create_app({"STORE": str(store_copy), "QUERY_WORKERS": 1, "TESTING": True,
                         "TILES": "https://{s}.tile.example.org/{z}/{x}/{y}.png", "TILES_ATTRIBUTION": "© Example"})
    try:
        r = online.test_client().get("/map")
        assert "img-src 'self' https://*.tile.example.org data:" in r.headers["Content-Security-Policy"]
        assert "tile.example.org/{z}" in r.get_data(as_text=True)
    finally:
        online.extensions["kronika"].queries.close()
        online.extensions.pop("kronika")


# --- the map in a browser -------------------------------------------------------------------------

@pytest.mark.e2e
def test_the_map_shows_markers_on_their_countries_without_network(store_copy, browser_page):
    proc, url = start_server(store_copy, free_port())
    page = browser_page
    outside = []

    def local_only(route):
        if route.request.url.startswith(url + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto(url + "/map")
        page.wait_for_selector("#map[data-ready=true]")
        page.wait_for_selector("path.country-616")  # Poland's outline, from the bundled Natural Earth file
        # the tip of each marker lies on its country's outline: Katowice on Poland (616), Saint-Étienne on France (250)
        where = page.evaluate("""() => [...document.querySelectorAll('img.leaflet-marker-icon')].map(icon => {
            const box = icon.getBoundingClientRect();
            const under = document.elementsFromPoint(box.left + box.width / 2, box.bottom - 2)
                .map(e => e.getAttribute('class') || '').find(c => c.includes('country-')) || '';
            return [icon.title, under.match(/country-(\\d+)/)?.[1], box.left, box.top]; })""")
        found = {title: country for title, country, _x, _y in where}
        assert found == {"Katowice": "616", "Saint-Étienne": "250"}, where
        position = {title: (x, y) for title, _c, x, y in where}
        assert position["Katowice"][0] > position["Saint-Étienne"][0] and position["Katowice"][1] < position["Saint-Étienne"][1]
        page.click("img.leaflet-marker-icon[title=Katowice]")
        with page.expect_navigation(url="**/page/place/katowice"):  # the link's own navigation, however quick
            # the event on the link itself: a click by coordinates can land beside it while the map still pans the
            # popup into view, as it may on a loaded machine
            page.locator(".leaflet-popup-content a[href='/page/place/katowice']").dispatch_event("click")
        page.wait_for_selector("#map[data-ready=true] img.leaflet-marker-icon[title=Katowice]")  # the page's own map
        assert outside == [], "the map asked for something outside the site"
        assert violations == []
    finally:
        stop_server(proc)
