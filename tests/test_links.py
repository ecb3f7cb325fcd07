"""Curators' links to Wikidata, VIAF, GND, ISNI and GeoNames: identifiers checked by form, stored as audited
owl:sameAs facts, published with their provenance, taken back by undo or rejection, counted in VoID."""
from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, VOID, XSD

from graph.links import TARGETS, gnd_check_character, isni_check_character, parse
from graph.review import InvalidChange

from .test_review import curators, login  # noqa: F401  (a fixture and a helper)

BASE = "http://127.0.0.1:5000/"
SMIALEK = BASE + "id/person/jerzy-smialek"
Q42 = "http://www.wikidata.org/entity/Q42"


@pytest.mark.parametrize("pasted, target, iri", [
    ("Q42", None, Q42),
    ("q42", None, Q42),
    ("https://www.wikidata.org/wiki/Q42", None, Q42),
    ("http://www.wikidata.org/entity/Q42", None, Q42),
    ("www.wikidata.org/wiki/Special:EntityPage/Q42#P31", None, Q42),
    ("75121530", "viaf", "http://viaf.org/viaf/75121530"),
    ("https://viaf.org/viaf/75121530/", None, "http://viaf.org/viaf/75121530"),
    ("118540238", "gnd", "https://d-nb.info/gnd/118540238"),               # a person (PND): 11 minus the remainder
    ("4005728-8", None, "https://d-nb.info/gnd/4005728-8"),                # a subject heading (SWD): the remainder
    ("4079048-4", "gnd", "https://d-nb.info/gnd/4079048-4"),
    ("https://d-nb.info/gnd/118540238/about/html", None, "https://d-nb.info/gnd/118540238"),
    ("0000 0001 2103 2683", None, "https://isni.org/isni/0000000121032683"),
    ("000000012281955x", "isni", "https://isni.org/isni/000000012281955X"),  # check character X
    ("https://isni.org/isni/000000012281955X", None, "https://isni.org/isni/000000012281955X"),
    ("3096472", "geonames", "https://sws.geonames.org/3096472/"),
    ("https://www.geonames.org/3096472/katowice.html", None, "https://sws.geonames.org/3096472/"),
    ("http://sws.geonames.org/3096472/about.rdf", None, "https://sws.geonames.org/3096472/"),
])
def test_identifiers_and_their_urls_become_canonical_iris(pasted, target, iri):
    assert parse(pasted, target).iri == iri


@pytest.mark.parametrize("pasted, target, field, says", [
    ("", None, "identifier", "paste an identifier"),
    ("Q0", None, "identifier", "is not an identifier of Wikidata (Q42)"),
    ("Q42", "viaf", "identifier", "not an identifier of VIAF"),
    ("https://www.wikidata.org/wiki/Q42", "gnd", "identifier", "is a Wikidata address, not a GND one"),
    ("https://viaf.org/viaf/123abc", None, "identifier", "'123abc' is not an identifier of VIAF"),
    ("https://example.org/Q42", None, "identifier", "not an address this desk knows"),
    ("118540239", "gnd", "identifier", "check character"),
    ("4005728-9", None, "identifier", "check character"),
    ("0000 0001 2103 2684", None, "identifier", "check character"),
    ("118540238", None, "target", "VIAF, GND or GeoNames"),               # several datasets use this form
    ("3096472", "dbpedia", "target", "choose one of wikidata, viaf, gnd, isni, geonames"),
])
def test_a_bad_identifier_is_refused_naming_the_field(pasted, target, field, says):
    with pytest.raises(InvalidChange) as refused:
        parse(pasted, target)
    assert refused.value.field == field and says in refused.value.message


def test_check_characters():
    assert gnd_check_character("11854023", hyphenated=False) == "8"
    assert gnd_check_character("4005728", hyphenated=True) == "8"
    # the Deutsche Nationalbibliothek's worked example: one sum, two rules
    assert gnd_check_character("0095980479", hyphenated=False) == "X"
    assert gnd_check_character("95980479", hyphenated=True) == "1"
    assert isni_check_character("000000012103268") == "3"
    assert isni_check_character("000000021825009") == "7"   # an ORCID iD: the same ISO 7064 MOD 11-2
    assert isni_check_character("000000012281955") == "X"


def test_the_table_of_datasets_is_consistent():
    for target in TARGETS.values():
        example = parse(target.example, target.key)
        assert example.iri.startswith(target.namespace) and target.identifier_in(example.iri) == example.identifier


def turtle(client, path: str) -> Graph:
    r = client.get(path, headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    return Graph().parse(data=r.get_data(as_text=True), format="turtle")


def linkset_triples(client, key: str) -> int:
    void = turtle(client, "/.well-known/void")
    linkset = URIRef(f"http://localhost/.well-known/void#links-{key}")
    assert (linkset, VOID.linkPredicate, OWL.sameAs) in void
    assert (linkset, VOID.objectsTarget, URIRef(TARGETS[key].dataset)) in void
    assert (linkset, VOID.subjectsTarget, URIRef("http://localhost/.well-known/void#dataset")) in void
    return int(void.value(linkset, VOID.triples))


def test_a_curator_links_a_person_to_wikidata_and_it_is_public_with_provenance(app, client, curators):
    csrf = login(client)
    assert linkset_triples(client, "wikidata") == 0
    r = client.post("/review/api/entities/person/jerzy-smialek/links",
                    json={"identifier": "https://www.wikidata.org/wiki/Q42"}, headers={"X-CSRFToken": csrf})
    assert r.status_code == 201
    made = r.get_json()
    assert made["iri"] == Q42 and made["name"] == "Wikidata Q42" and made["status"] == "accepted"

    data = turtle(client, "/data/person/jerzy-smialek.ttl")
    assert (URIRef(SMIALEK), OWL.sameAs, URIRef(Q42)) in data
    fact = URIRef(BASE + "graph/fact/" + made["fact"])
    assert (fact, PROV.wasAttributedTo, URIRef(BASE + "id/curator/anna")) in data
    assert (fact, PROV.generatedAtTime, Literal(made["at"], datatype=XSD.dateTime)) in data
    assert (fact, URIRef(BASE + "ontology#reviewStatus"), URIRef(BASE + "ontology#accepted")) in data

    graph = client.get(f"/graph/fact/{made['fact']}", headers={"Accept": "application/n-quads"}).get_data(as_text=True)
    assert f"<{SMIALEK}> <{OWL.sameAs}> <{Q42}> <{fact}>" in graph, "the link is its own named graph"
    assert f"<{fact}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{BASE}ontology#LinkFact>" in graph

    page = client.get("/page/person/jerzy-smialek").get_data(as_text=True)
    assert re.search(rf'<a rel="external" href="{re.escape(Q42)}"[^>]*>Wikidata Q42</a>', page)
    assert "— anna, " in page and 'id="edit-links"' in page
    shown = client.get("/page/person/jerzy-smialek.json").get_json()
    assert [(link["name"], link["curator"]) for link in shown["links"]] == [("Wikidata Q42", "anna")]
    sparql = client.get("/sparql", query_string={"query": f"ASK {{ <{SMIALEK}> <{OWL.sameAs}> <{Q42}> }}"},
                        headers={"Accept": "application/sparql-results+json"})
    assert sparql.get_json()["boolean"] is True
    assert linkset_triples(client, "wikidata") == 1

    history = client.get("/review/api/history?curator=anna").get_json()["history"]
    assert history[0]["fact"] == made["fact"] and history[0]["after"] == "accepted"
    again = client.post("/review/api/entities/person/jerzy-smialek/links", json={"identifier": "Q42"},
                        headers={"X-CSRFToken": csrf})
    assert again.status_code == 400 and "already linked to Wikidata Q42" in again.get_json()["message"]

    assert client.post("/review/api/undo", headers={"X-CSRFToken": csrf}).get_json()["undone"][0]["status"] == "rejected"
    assert (URIRef(SMIALEK), OWL.sameAs, URIRef(Q42)) not in turtle(client, "/data/person/jerzy-smialek.ttl")
    assert "Wikidata Q42" not in client.get("/page/person/jerzy-smialek").get_data(as_text=True)
    assert linkset_triples(client, "wikidata") == 0


def test_an_invalid_identifier_is_refused_with_a_clear_message(app, client, curators):
    csrf = login(client)
    r = client.post("/review/api/entities/person/jerzy-smialek/links", json={"identifier": "Q42x"},
                    headers={"X-CSRFToken": csrf})
    assert r.status_code == 400
    assert r.get_json() == {"error": "invalid", "field": "identifier",
                            "message": "'Q42x' is not an identifier of Wikidata (Q42), VIAF (75121530), GND (118540238), "
                                       "ISNI (0000 0001 2103 2683) or GeoNames (3096472)"}
    form = client.post("/review/entities/person/jerzy-smialek",
                       data={"identifier": "118540239", "target": "gnd", "csrf_token": csrf})
    html = form.get_data(as_text=True)
    assert form.status_code == 400 and 'id="error">identifier: GND 118540239: the check character' in html
    assert 'value="118540239"' in html, "the form keeps what was pasted"
    assert client.get("/review/api/entities/person/jerzy-smialek/links").get_json()["links"] == []
    assert client.post("/review/api/entities/person/nikt-taki/links", json={"identifier": "Q42"},
                       headers={"X-CSRFToken": csrf}).status_code == 404


def test_an_anonymous_client_cannot_add_a_link(app, client, curators):
    r = client.post("/review/api/entities/person/jerzy-smialek/links", json={"identifier": "Q42"})
    assert r.status_code == 401
    form = client.post("/review/entities/person/jerzy-smialek", data={"identifier": "Q42"})
    assert form.status_code in (302, 400, 401, 403) and "/login" in form.headers.get("Location", "/login")
    page = client.get("/page/person/jerzy-smialek").get_data(as_text=True)
    assert "Wikidata Q42" not in page and 'id="edit-links"' not in page


def test_the_desk_form_adds_and_removes_a_link(app, client, curators):
    csrf = login(client)
    facts = client.get("/review/api/facts?kind=entity&limit=500").get_json()["facts"]
    key = next(f["fact"] for f in facts if f["summary"].startswith("Jerzy Śmiałek"))
    assert "/review/entities/person/jerzy-smialek" in client.get(f"/review/fact/{key}").get_data(as_text=True)
    added = client.post("/review/entities/person/jerzy-smialek",
                        data={"identifier": "https://viaf.org/viaf/75121530", "csrf_token": csrf})
    assert added.status_code == 302
    desk = client.get("/review/entities/person/jerzy-smialek").get_data(as_text=True)
    assert "VIAF 75121530" in desk and "linked to VIAF 75121530" in desk
    link = client.get("/review/api/entities/person/jerzy-smialek/links").get_json()["links"][0]
    removed = client.post("/review/entities/person/jerzy-smialek",
                          data={"action": "remove", "fact": link["fact"], "csrf_token": csrf})
    assert removed.status_code == 302
    assert client.get("/review/api/entities/person/jerzy-smialek/links").get_json()["links"][0]["status"] == "rejected"
    assert (URIRef(SMIALEK), OWL.sameAs, URIRef("http://viaf.org/viaf/75121530")) not in \
        turtle(client, "/data/person/jerzy-smialek.ttl")
    client.post("/review/undo", data={"csrf_token": csrf})
    assert (URIRef(SMIALEK), OWL.sameAs, URIRef("http://viaf.org/viaf/75121530")) in \
        turtle(client, "/data/person/jerzy-smialek.ttl"), "undoing the removal restores the link"


def test_void_counts_every_published_link_to_a_dataset(app, client, curators):
    """Curators' links and extracted ones (GeoNames places) alike; a rejected one is not published."""
    from graph.store import data_update, quads
    from graph.validate import validate_store

    csrf = login(client)
    extracted = linkset_triples(client, "geonames")  # the sample's places, linked by the extraction
    client.post("/review/api/entities/place/katowice/links", json={"identifier": "https://www.geonames.org/7530800/"},
                headers={"X-CSRFToken": csrf})
    store = app.extensions["kronika"].store
    with store.writing():  # two links as an extraction would publish them: pending, and rejected
        for key, place, status in (("a1", "szopienice", "pending"), ("a2", "zagan", "rejected")):
            fact = store.base.fact(key * 8)
            store.touch([fact])
            triples = [(URIRef(store.base.id("place", place)), OWL.sameAs, URIRef(f"https://sws.geonames.org/{len(place)}/"))]
            store.apply(data_update("INSERT", quads(triples, fact)))
            store.add_fact(fact, [], [], status=status)
    assert linkset_triples(client, "geonames") == extracted + 2
    assert {key: linkset_triples(client, key) for key in ("wikidata", "viaf", "gnd", "isni")} == dict.fromkeys(
        ("wikidata", "viaf", "gnd", "isni"), 0)
    report = validate_store(store, jobs=1)
    assert not [m for ms in report.values() for m in ms if m.severity == "Violation"]
