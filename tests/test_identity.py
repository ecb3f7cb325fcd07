"""Entity identity across a corpus (issue 16 §3): same-named organisations of different towns and
namesakes of different documents stay apart; what the text says about them joins them."""
from __future__ import annotations

import gc
import io
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

import extract
from extract.names import generic_organisation
from graph.build import build_corpus
from graph.facts import FactBuilder
from graph.store import Store
from graph.vocab import Base

BASE = Base("http://example.org/")
SANOK = ("W 2004 roku dyrektor I Liceum Ogólnokształcącego w Sanoku Adam Wierzbicki podpisał porozumienie "
         "ze szkołą partnerską. Rada Miejska w Sanoku przyjęła uchwałę o współpracy.")
TARNOW = ("W 2007 roku dyrektor I Liceum Ogólnokształcącego w Tarnowie Barbara Lis przyjęła gości z Koszyc. "
          "Rada Miejska przyjęła uchwałę o współpracy.")
SANOK_AGAIN = "Uczniowie I Liceum Ogólnokształcącego w Sanoku odwiedzili w 2009 roku Użhorod."


def persons_named(store: Store, name: str) -> set[str]:
    """The IRIs of every person of this name in the store."""
    return {r["p"].value for r in store.query(
        f"SELECT DISTINCT ?p WHERE {{ GRAPH ?g {{ ?p a <http://schema.org/Person> ; <http://schema.org/name> '{name}' }} }}")}


def entity_iris(builder: FactBuilder, name: str, text: str) -> dict[str, str]:
    """Name → IRI of every entity the builder gives the document."""
    facts = builder.build(list(extract.read_chunks(text)), name, text)
    return {str(f.summary.split(" — ")[0]): str(f.about[0]) for f in facts.facts if f.kind == "entity"}


@pytest.mark.parametrize("name, generic", [
    ("Szkoła Podstawowa nr 3", True), ("II Liceum Ogólnokształcące im. Marii Konopnickiej", True),
    ("Rada Gminy", True), ("Miejski Ośrodek Sportu i Rekreacji", True), ("Towarzystwo Polsko-Czeskie", True),
    ("Uniwersytet Jagielloński", False), ("Urząd Miasta Tarnowa", False), ("Przemyska Rada Miejska", False),
    ("Fundacja „Nasz Dom”", False),
])
def test_a_name_many_towns_give_their_own_institution_is_generic(name, generic):
    assert generic_organisation(name) is generic


def test_same_named_schools_of_two_towns_are_two_entities_and_one_seat_is_one():
    builder = FactBuilder(BASE)
    sanok, tarnow = entity_iris(builder, "sanok.txt", SANOK), entity_iris(builder, "tarnow.txt", TARNOW)
    school = "I Liceum Ogólnokształcące"
    assert sanok[f"{school} w Sanoku"] != tarnow[f"{school} w Tarnowie"], "named with the seat the text gives it"
    assert sanok[f"{school} w Sanoku"].endswith("/organisation/i-liceum-ogolnoksztalcace-sanok"), \
        "readable, qualified by its seat"
    again = entity_iris(builder, "wycieczka.txt", SANOK_AGAIN)
    assert again[f"{school} w Sanoku"] == sanok[f"{school} w Sanoku"], "the same seat, the same school"
    assert sanok["Rada Miejska w Sanoku"].endswith("-sanok")
    assert tarnow["Rada Miejska"] not in (sanok["Rada Miejska w Sanoku"], BASE.id("organisation", "rada-miejska")), \
        "no seat named: the council of this document alone"


def test_namesakes_of_two_documents_are_one_person_only_where_a_place_or_body_agrees():
    builder = FactBuilder(BASE)
    first = entity_iris(builder, "a.txt", "W 2001 roku prezydent Opola Jan Mazur odwiedził Grodno.")
    unrelated = entity_iris(builder, "b.txt", "W 2003 roku Jan Mazur, trener klubu, poprowadził obóz w Zakopanem.")
    related = entity_iris(builder, "c.txt", "Jan Mazur przyjechał w 2002 roku do Grodna z delegacją.")
    assert first["Jan Mazur"] == BASE.id("person", "jan-mazur")
    assert unrelated["Jan Mazur"] != first["Jan Mazur"], "nothing else agrees: two people"
    assert related["Jan Mazur"] == first["Jan Mazur"], "Grodno is named beside both"
    member = entity_iris(builder, "d.txt", "Prezesem Towarzystwa Miłośników Zbylutowa został Adam Lis.")
    same_body = entity_iris(builder, "e.txt", "Adam Lis od lat działa w Towarzystwie Miłośników Zbylutowa.")
    other_body = entity_iris(builder, "f.txt", "Adam Lis został skarbnikiem Klubu Sportowego Orzeł.")
    assert same_body["Adam Lis"] == member["Adam Lis"], "the same society is named beside both"
    assert other_body["Adam Lis"] != member["Adam Lis"], "another body: two people"


def test_the_registry_keeps_a_documents_places_once_not_once_per_person():
    """A yearbook names thousands of persons beside thousands of places: what the registry keeps to tell
    namesakes apart grows with persons plus places, not with their product (a copy of the document's
    places per person took 16 MB here, and 3.75 GB at 20 MB of text)."""
    import tracemalloc

    registry = FactBuilder(BASE).registry
    places = [BASE.id("place", f"miejsce-{i}") for i in range(800)]
    tracemalloc.start()
    for i, place in enumerate(places):
        registry.name_in("rocznik.txt", place)
        registry.resolve_person("rocznik.txt", f"Osoba Nazwisko{i}", ())
    grown, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert grown < 2_000_000, f"{grown:,} bytes for 800 persons beside 800 places"
    elsewhere = registry.resolve_person("inny.txt", "Osoba Nazwisko5", ())
    assert elsewhere[0] != BASE.id("person", "osoba-nazwisko5"), "no place agrees: another person"
    registry.name_in("trzeci.txt", places[700])
    assert registry.resolve_person("trzeci.txt", "Osoba Nazwisko5", ())[0] == BASE.id("person", "osoba-nazwisko5"), \
        "a place the namesake's document names, though after the person"

def test_identities_survive_a_rebuild_and_new_documents_join_by_what_the_store_knows(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sanok.txt").write_text(SANOK + " Adam Wierzbicki odwiedził Użhorod.", encoding="utf-8")
    (corpus / "tarnow.txt").write_text(TARNOW + " Gości powitał Adam Wierzbicki, trener z Krynicy.", encoding="utf-8")
    store = Store(tmp_path / "store", BASE)
    build_corpus(store, sorted(corpus.glob("*.txt")), echo=lambda m: None)
    before = persons_named(store, "Adam Wierzbicki")
    assert len(before) == 2
    (corpus / "sanok.txt").write_text(SANOK + " Adam Wierzbicki odwiedził Użhorod w 2005 roku.", encoding="utf-8")
    build_corpus(store, sorted(corpus.glob("*.txt")), echo=lambda m: None)  # a fresh registry, read from the store
    assert persons_named(store, "Adam Wierzbicki") == before, "a changed document keeps its people's IRIs"
    (corpus / "kolejny.txt").write_text("W 2006 roku Adam Wierzbicki znów odwiedził Użhorod.", encoding="utf-8")
    build_corpus(store, sorted(corpus.glob("*.txt")), echo=lambda m: None)
    assert persons_named(store, "Adam Wierzbicki") == before, "the third document joins the namesake it shares a place with"
    del store
    gc.collect()


def test_namesakes_are_offered_to_curators_as_possible_duplicates(app, client):
    from tests.test_review import PASSWORD, login

    app.extensions["kronika"].curators.add("anna", PASSWORD)
    login(client)
    token = app.extensions["kronika"].curators.new_token("anna")
    for name, text in (("a.txt", "W 2001 roku prezydent Opola Jan Mazur odwiedził Grodno."),
                       ("b.txt", "W 2003 roku Jan Mazur, trener klubu, poprowadził obóz w Zakopanem.")):
        r = client.post("/review/api/documents", data={"file": (io.BytesIO(text.encode()), name)},
                        headers={"Authorization": f"Bearer {token}"}, content_type="multipart/form-data")
        assert r.status_code == 201, r.get_data(as_text=True)
    page = client.get("/review/duplicates").get_data(as_text=True)
    assert "Jan Mazur" in page and "jan-mazur--b" in page


def upload(client, token: str, name: str, text: str) -> dict:
    r = client.post("/review/api/documents", data={"file": (io.BytesIO(text.encode()), name)},
                    headers={"Authorization": f"Bearer {token}"}, content_type="multipart/form-data")
    assert r.status_code == 201, r.get_data(as_text=True)
    return r.get_json()


def test_a_curator_splits_an_entity_by_moving_mentions_and_undo_takes_the_move_back(app, client):
    from tests.test_review import PASSWORD, login

    curators = app.extensions["kronika"].curators
    curators.add("piotr", PASSWORD, role="admin")
    token = curators.new_token("piotr")
    upload(client, token, "a.txt", "W 2001 roku prezydent Opola Jan Mazur odwiedził Grodno.")
    upload(client, token, "c.txt", "W 2002 roku Jan Mazur, malarz z Grodna, wystawiał obrazy w Lidzie.")
    auth = {"Authorization": f"Bearer {token}"}
    person = "/review/api/entities/person/jan-mazur"
    login(client, "piotr")
    page = client.get("/review/entities/person/jan-mazur").get_data(as_text=True)
    assert 'id="mentions"' in page and "c.txt" not in page.split('id="mentions"')[0]
    facts = client.get("/review/api/facts?search=Mazur&status=pending", headers=auth).get_json()["facts"]
    painter = [f["fact"] for f in facts if f["document"].endswith("/c") and "Mazur" in f["summary"]]
    assert painter, facts

    refused = client.post(person + "/move", json={"facts": painter, "to": "Grodno"}, headers=auth)
    assert refused.status_code == 400 and refused.get_json()["field"] == "to", "a person's facts never move to a place"
    assert client.post(person + "/move", json={"facts": ["0" * 32]}, headers=auth).get_json()["field"] == "facts"

    moved = client.post(person + "/move", json={"facts": painter, "reason": "a namesake"}, headers=auth).get_json()
    new = moved["to"]
    assert moved["new"] and new != app.extensions["kronika"].store.base.id("person", "jan-mazur")
    shown = client.get("/page/" + new.split("/id/", 1)[1] + ".json").get_json()
    assert shown["label"] == "Jan Mazur" or "Jan Mazur" in str(shown), shown
    mine = client.get("/review/entities/person/jan-mazur").get_data(as_text=True)
    assert not any(key in mine for key in painter), "the moved mentions left the entity"
    assert len(client.post("/review/api/undo", headers=auth).get_json()["undone"]) == len(painter)
    again = client.get("/review/entities/person/jan-mazur").get_data(as_text=True)
    assert all(key in again for key in painter), "undo brings the mentions back"

    upload(client, token, "d.txt", "W 2003 roku malarz Janusz Mazurek otworzył galerię w Lidzie.")
    existing = app.extensions["kronika"].store.base.id("person", "janusz-mazurek")
    onto = client.post(person + "/move", json={"facts": painter, "to": "Janusz Mazurek"}, headers=auth).get_json()
    assert onto["to"] == existing and not onto["new"], onto
    theirs = client.get("/review/entities/person/janusz-mazurek").get_data(as_text=True)
    replacements = [m["replacement"] for m in onto["moved"]]
    assert len(replacements) == len(painter) and all(key in theirs for key in replacements), "they joined the other entity"
    assert client.get("/page/person/jan-mazur").status_code == 200, "the entity split keeps its IRI"
    assert client.get("/id/person/jan-mazur", headers={"Accept": "text/turtle"}).status_code in (200, 303)


def uploaded_by_a_curator(app, client, name: str, text: str) -> dict:
    """A curator's token headers, after the curator uploaded `text` as `name`."""
    curators = app.extensions["kronika"].curators
    curators.add("anna", "tajne-haslo-1")
    token = curators.new_token("anna")
    upload(client, token, name, text)
    return {"Authorization": f"Bearer {token}"}


def test_a_curator_adds_a_missed_entity_and_role_from_the_text_and_they_are_public_once_accepted(app, client):
    text = "W 2010 roku rada wybrała przewodniczącego. Został nim Wiśniewicz, przybysz z Lidy."
    auth = uploaded_by_a_curator(app, client, "rada.txt", text)
    start = text.index("Wiśniewicz")
    api = "/review/api/documents/rada/facts"
    bad = client.post(api, json={"start": start, "end": 10_000, "kind": "person"}, headers=auth)
    assert bad.status_code == 400 and bad.get_json()["field"] == "end"
    assert client.post(api, json={"start": start, "end": start + 5, "kind": "dog"}, headers=auth).get_json()["field"] == "kind"
    person = client.post(api, json={"start": start, "end": start + len("Wiśniewicz"), "kind": "person",
                                    "name": "Karol Wiśniewicz"}, headers=auth)
    assert person.status_code == 201, person.get_data(as_text=True)
    added = person.get_json()
    assert added["evidence"]["words"] == "Wiśniewicz" and added["status"] == "pending"
    fact = client.get(f"/review/api/facts/{added['fact']}", headers=auth).get_json()
    assert fact["rule"] == "curator" and fact["document"].endswith("/document/rada")
    again = client.post(api, json={"start": start, "end": start + len("Wiśniewicz"), "kind": "person",
                                   "name": "Karol Wiśniewicz"}, headers=auth)
    assert again.status_code == 400 and again.get_json()["field"] == "fact", "the same fact twice"
    unknown_role = client.post(api, json={"start": 0, "end": 20, "kind": "membership", "person": "Karol Wiśniewicz",
                                          "role": "czarodziej", "organisation": "Lida"}, headers=auth)
    assert unknown_role.get_json()["field"] == "role"
    role = client.post(api, json={"start": 0, "end": text.index(","), "kind": "membership", "person": "Karol Wiśniewicz",
                                  "role": "przewodniczący", "organisation": "Lida", "date": "2010"}, headers=auth)
    assert role.status_code == 201, role.get_data(as_text=True)
    for key in (added["fact"], role.get_json()["fact"]):
        r = client.post(f"/review/api/facts/{key}/decision", json={"status": "accepted"}, headers=auth)
        assert r.status_code == 200, r.get_data(as_text=True)
    page = client.get("/page/person/karol-wisniewicz.json").get_json()
    assert "przewodnicz" in str(page.get("roles")) and "Lida" in str(page.get("roles")), page
    marked = client.get("/page/document/rada.json").get_json()["text"]["paragraphs"]
    assert any(run["text"] == "Wiśniewicz" and run["facts"] for p in marked for run in p), "marked in the document"


def test_curators_describe_a_documents_source_and_comment_on_an_entity(app, client):
    from tests.test_review import PASSWORD, login

    curators = app.extensions["kronika"].curators
    curators.add("anna", PASSWORD)
    auth = {"Authorization": f"Bearer {curators.new_token('anna')}"}
    api = "/review/api/documents/historia-kontaktow-blizniaczych/source"
    assert client.put(api, json={"title": "x"}).status_code in (401, 403), "curators only"
    bad = client.put(api, json={"url": "javascript:alert(1)"}, headers=auth)
    assert bad.status_code == 400 and bad.get_json()["field"] == "url"
    assert client.put(api, json={"date": "1999-13"}, headers=auth).get_json()["field"] == "date"
    assert client.put(api, json={"colour": "red"}, headers=auth).get_json()["field"] == "colour"
    assert client.put("/review/api/documents/no-such-text/source", json={"title": "x"}, headers=auth).status_code == 404
    saved = client.put(api, json={"title": "Historia kontaktów", "url": "https://example.org/historia",
                                  "publisher": "Urząd", "date": "2004-05",
                                  "citation": "Historia kontaktów, Urząd, 2004"}, headers=auth)
    assert saved.status_code == 200 and saved.get_json()["source"]["url"] == "https://example.org/historia"
    client.put(api, json={"publisher": ""}, headers=auth)
    assert "publisher" not in client.get(api, headers=auth).get_json()["source"], "an empty field removes its value"
    turtle = client.get("/data/document/historia-kontaktow-blizniaczych.ttl").get_data(as_text=True)
    assert "<https://example.org/historia>" in turtle and "Historia kontaktów" in turtle and "2004-05" in turtle
    published = Graph().parse(data=turtle, format="turtle")
    document = URIRef("http://127.0.0.1:5000/id/document/historia-kontaktow-blizniaczych")
    dcterms = "http://purl.org/dc/terms/"
    assert {(str(p), str(o)) for p, o in published.predicate_objects(document) if str(p).startswith(dcterms)} >= {
        (dcterms + "title", "Historia kontaktów"), (dcterms + "source", "https://example.org/historia"),
        (dcterms + "issued", "2004-05"), (dcterms + "bibliographicCitation", "Historia kontaktów, Urząd, 2004")}

    login(client)
    comments = "/review/api/entities/person/jerzy-smialek/comments"
    assert client.post(comments, json={"text": ""}, headers=auth).get_json()["field"] == "text"
    assert client.post(comments, json={"text": "Ten sam co w kronice z 1996?"}, headers=auth).status_code == 201
    assert [c["text"] for c in client.get(comments, headers=auth).get_json()["comments"]] == ["Ten sam co w kronice z 1996?"]
    assert "Ten sam co w kronice z 1996?" in client.get("/review/entities/person/jerzy-smialek").get_data(as_text=True)
    rows = list(app.extensions["kronika"].store.query("""PREFIX schema: <http://schema.org/>
        SELECT ?who ?when WHERE { GRAPH <http://127.0.0.1:5000/graph/audit> {
          ?c schema:about <http://127.0.0.1:5000/id/person/jerzy-smialek> ; schema:author ?who ; schema:dateCreated ?when ;
             schema:text "Ten sam co w kronice z 1996?" } }"""))
    assert len(rows) == 1 and rows[0]["who"].value.endswith("/curator/anna"), "a comment is kept in the audit trail"


def test_a_curator_fixes_the_span_a_fact_rests_on(app, client):
    from tests.test_review import PASSWORD

    curators = app.extensions["kronika"].curators
    curators.add("anna", PASSWORD)
    auth = {"Authorization": f"Bearer {curators.new_token('anna')}"}
    text = "W 2003 roku do Lidy przyjechał Marek Zawadzki z delegacją."
    upload(client, auth["Authorization"].split()[1], "lida.txt", text)
    facts = client.get("/review/api/facts?search=Zawadzki", headers=auth).get_json()["facts"]
    person = next(f for f in facts if f["kind"] == "entity" and "Zawadzki" in f["summary"])
    start = text.index("Zawadzki")
    bad = client.post(f"/review/api/facts/{person['fact']}/correction", json={"start": start, "end": 999}, headers=auth)
    assert bad.status_code == 400 and bad.get_json()["field"] == "end"
    fixed = client.post(f"/review/api/facts/{person['fact']}/correction",
                        json={"start": start, "end": start + len("Zawadzki")}, headers=auth)
    assert fixed.status_code == 200, fixed.get_data(as_text=True)
    new = client.get(f"/review/api/facts/{fixed.get_json()['replacement']}", headers=auth).get_json()
    assert new["evidence"] == {"start": start, "end": start + len("Zawadzki")}
    assert new["sentence"]["words"] == "Zawadzki" and "Marek Zawadzki" in str(new["triples"]), "the fact itself unchanged"
    assert client.get(f"/review/api/facts/{person['fact']}", headers=auth).get_json()["status"] == "edited"


def test_a_curator_adds_a_missed_event_and_relation_from_the_text_and_they_are_published(app, client):
    text = "Gród Zbylutów leży nad rzeką w Krainie Wzgórz. W maju 2011 roku odbył się tam wielki zjazd."
    auth = uploaded_by_a_curator(app, client, "zbylutow.txt", text)
    api = "/review/api/documents/zbylutow/facts"
    added = []
    for name in ("Zbylutów", "Kraina Wzgórz"):
        words = "Zbylutów" if name == "Zbylutów" else "Krainie Wzgórz"
        r = client.post(api, json={"start": text.index(words), "end": text.index(words) + len(words), "kind": "place",
                                   "name": name}, headers=auth)
        if r.status_code == 201:  # unless the extractor found it on upload
            added.append(r.get_json()["fact"])
        else:
            assert r.get_json()["field"] == "fact", r.get_data(as_text=True)
    sentence_end = text.index(".") + 1
    wrong = client.post(api, json={"start": 0, "end": sentence_end, "kind": "relation", "predicate": "sąsiad",
                                   "subject": "Zbylutów", "object": "Kraina Wzgórz"}, headers=auth)
    assert wrong.status_code == 400 and wrong.get_json()["field"] == "predicate"
    relation = client.post(api, json={"start": 0, "end": sentence_end, "kind": "relation", "predicate": "containedInPlace",
                                      "subject": "Zbylutów", "object": "Kraina Wzgórz"}, headers=auth)
    assert relation.status_code == 201, relation.get_data(as_text=True)
    meeting = text.index("W maju")
    undated = client.post(api, json={"start": meeting, "end": len(text), "kind": "event", "type": "Meeting",
                                     "place": "Zbylutów"}, headers=auth)
    assert undated.status_code == 400 and undated.get_json()["field"] == "date"
    event = client.post(api, json={"start": meeting, "end": len(text), "kind": "event", "type": "Meeting",
                                   "date": "2011-05", "place": "Zbylutów"}, headers=auth)
    assert event.status_code == 201, event.get_data(as_text=True)
    base = "http://127.0.0.1:5000/id/place/"
    ask = f"ASK {{ <{base}zbylutow> <http://schema.org/containedInPlace> <{base}kraina-wzgorz> }}"
    from graph.review import Review
    found, _ = Review(app.extensions["kronika"].store).facts(status="pending", kind="entity", limit=500)
    added += [f.key for f in found if f.summary.startswith(("Zbylutów", "Kraina Wzgórz"))]
    for key in (*dict.fromkeys(added), relation.get_json()["fact"], event.get_json()["fact"]):
        r = client.post(f"/review/api/facts/{key}/decision", json={"status": "accepted"}, headers=auth)
        assert r.status_code == 200, r.get_data(as_text=True)
    assert client.get("/sparql", query_string={"query": ask}).get_json()["boolean"] is True
    for key in (relation.get_json()["fact"], event.get_json()["fact"]):
        fact = client.get(f"/review/api/facts/{key}", headers=auth).get_json()
        assert fact["rule"] == "curator" and fact["status"] == "accepted" and fact["document"].endswith("/zbylutow")
    events = ("SELECT ?e WHERE { ?e <http://schema.org/location> <" + base + "zbylutow> ; "
              "<http://schema.org/startDate> ?d . FILTER(STR(?d) = '2011-05') }")
    rows = client.get("/sparql", query_string={"query": events}).get_json()["results"]["bindings"]
    assert len(rows) == 1, rows


def test_namesakes_of_two_documents_are_one_person_where_an_office_or_a_day_agrees():
    # no place or body is named in both: the office of a body of the same name (each text's council without a
    # seat has an IRI of its own), or the day of an event both texts put the person in, agrees
    builder = FactBuilder(BASE)
    chair = entity_iris(builder, "g.txt", "Sesję otworzył przewodniczący Rady Miejskiej Adam Lis.")
    same_office = entity_iris(builder, "h.txt", "Obrady prowadził przewodniczący Rady Miejskiej Adam Lis.")
    other_office = entity_iris(builder, "i.txt", "Zebranie prowadził skarbnik Rady Miejskiej Adam Lis.")
    assert same_office["Adam Lis"] == chair["Adam Lis"], "the same office of a body of the same name"
    assert other_office["Adam Lis"] != chair["Adam Lis"], "another office: two people"
    visit = entity_iris(builder, "j.txt", "12 maja 2005 r. Ewa Kos odwiedziła Lipno.")
    same_day = entity_iris(builder, "k.txt", "12 maja 2005 r. Ewa Kos przyjechała z wizytą do Opola.")
    other_year = entity_iris(builder, "l.txt", "W 2006 r. Ewa Kos przyjechała z wizytą do Tczewa.")
    assert same_day["Ewa Kos"] == visit["Ewa Kos"], "the same day"
    assert other_year["Ewa Kos"] != visit["Ewa Kos"], "a year alone tells nothing"


def test_a_rebuild_joins_a_new_documents_namesake_by_the_office_the_store_knows(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Sesję otworzył przewodniczący Rady Miejskiej Adam Lis.", encoding="utf-8")
    (corpus / "b.txt").write_text("W 2003 roku Adam Lis, trener klubu, poprowadził obóz w Zakopanem.", encoding="utf-8")
    store = Store(tmp_path / "store", BASE)
    build_corpus(store, sorted(corpus.glob("*.txt")), echo=lambda m: None)
    before = persons_named(store, "Adam Lis")
    assert len(before) == 2
    (corpus / "c.txt").write_text("Obrady prowadził przewodniczący Rady Miejskiej Adam Lis.", encoding="utf-8")
    build_corpus(store, sorted(corpus.glob("*.txt")), echo=lambda m: None)  # a fresh registry, read from the store
    assert persons_named(store, "Adam Lis") == before, "the third document's chair is the first one's"
    del store
    gc.collect()


def reupload(client, headers: dict, name: str, text: str) -> dict:
    r = client.post("/review/api/documents", data={"file": (io.BytesIO(text.encode()), name), "replace": "yes"},
                    headers=headers, content_type="multipart/form-data")
    assert r.status_code == 201, r.get_data(as_text=True)
    return r.get_json()


def test_a_merge_and_a_move_survive_their_documents_upload_again(app, client):
    """Curators' identity decisions are not undone by re-extraction: a text uploaded again, changed, keeps the
    merged IRI answering with the kept entity (its new mentions too), and mentions moved to another entity
    stay there."""
    from tests.test_review import PASSWORD, login

    curators = app.extensions["kronika"].curators
    curators.add("piotr", PASSWORD, role="admin")
    token = curators.new_token("piotr")
    auth = {"Authorization": f"Bearer {token}"}
    base = app.extensions["kronika"].store.base
    merged = client.post("/review/api/merge", json={"keep": base.id("place", "katowice"), "gone": base.id("place", "szopienice")},
                         headers=auth)
    assert merged.status_code == 200, merged.get_data(as_text=True)
    sample = Path(__file__).resolve().parent.parent / "corpus" / "historia-kontaktow-blizniaczych.txt"
    report = reupload(client, auth, sample.name, sample.read_text(encoding="utf-8")
                      + "\nW 2020 roku Szopienice odwiedził burmistrz Jan Lis.\n")
    assert report["added"] > 0
    gone = client.get("/id/place/szopienice", headers={"Accept": "text/turtle"}, follow_redirects=False)
    assert gone.status_code == 302 and gone.headers["Location"].endswith("/id/place/katowice"), "the merge holds"
    kept = client.get("/page/place/katowice.json").get_json()["facts"]
    assert any(f["words"] == "burmistrz Jan Lis" for f in kept), "the new text's facts of the merged entity show on the kept one"

    upload(client, token, "a.txt", "W 2001 roku prezydent Opola Jan Mazur odwiedził Grodno.")
    upload(client, token, "c.txt", "W 2002 roku Jan Mazur, malarz z Grodna, wystawiał obrazy w Lidzie.")
    login(client, "piotr")
    facts = client.get("/review/api/facts?q=Mazur&status=pending", headers=auth).get_json()["facts"]
    painter = [f["fact"] for f in facts if f["document"].endswith("/c") and "Mazur" in f["summary"]]
    moved = client.post("/review/api/entities/person/jan-mazur/move", json={"facts": painter, "name": "Jan Mazur (malarz)"},
                        headers=auth).get_json()
    new = moved["to"]
    reupload(client, auth, "c.txt", "W 2002 roku Jan Mazur, malarz z Grodna, wystawiał obrazy w Lidzie. Pokaz trwał tydzień.")
    mine = client.get("/review/entities/person/jan-mazur").get_data(as_text=True)
    assert not any(key in mine for key in painter), "the moved mentions did not come back"
    theirs = client.get("/review/entities/person/" + new.rsplit("/", 1)[1]).get_data(as_text=True)
    assert all(m["replacement"] in theirs for m in moved["moved"]), "they stay with the entity they were moved to"
    pending = client.get("/review/api/facts?q=Mazur&status=pending", headers=auth).get_json()["facts"]
    assert not [f for f in pending if f["document"].endswith("/c") and "Jan Mazur — osoba" == f["summary"]], \
        "re-extraction does not queue the moved mention again under the old entity"


def test_an_iri_the_extractor_no_longer_mints_for_a_changed_text_redirects_to_the_one_it_mints(app, client):
    """Wikidata's redirects: a text uploaded again, now naming the school's town, gives the school an IRI
    qualified by its seat; the IRI it had keeps answering, with a redirect to the new one."""
    auth = uploaded_by_a_curator(app, client, "lo.txt", "Dyrektor I Liceum Ogólnokształcącego Jan Lis przyjął gości.")
    old = [iri for iri in organisations_of(app) if "liceum" in iri]
    assert len(old) == 1, old
    assert client.get(old[0].split("127.0.0.1:5000")[1], headers={"Accept": "text/turtle"}).status_code == 303
    reupload(client, auth, "lo.txt", "Dyrektor I Liceum Ogólnokształcącego w Sanoku Jan Lis przyjął gości.")
    new = [iri for iri in organisations_of(app) if "liceum" in iri and iri != old[0]]
    assert new, organisations_of(app)
    answer = client.get(old[0].split("127.0.0.1:5000")[1], headers={"Accept": "text/turtle"})
    assert answer.status_code in (301, 302) and answer.headers["Location"].endswith(new[0].split("127.0.0.1:5000")[1]), \
        (answer.status_code, answer.headers.get("Location"))


def organisations_of(app) -> list[str]:
    store = app.extensions["kronika"].store
    return sorted({r["e"].value for r in store.query(
        "SELECT ?e WHERE { ?e a <http://www.w3.org/ns/org#Organization> }")})


def test_every_event_type_the_extractor_gives_is_a_class_of_the_ontology_and_the_curators_form_offers_it(app, client):
    from extract.lexicon import lexicon
    from graph.facts import EVENT_LABELS_PL
    from graph.vocab import ONTOLOGY_FILE, RDFS
    ontology = Graph().parse(ONTOLOGY_FILE, publicID="https://kronika.example/")
    given = set(lexicon().raw["event_triggers"].values())
    assert given <= set(EVENT_LABELS_PL), given - set(EVENT_LABELS_PL)
    for name, label in EVENT_LABELS_PL.items():
        labels = {str(x) for x in ontology.objects(URIRef(f"https://kronika.example/ontology#{name}"), RDFS.label)}
        assert label in labels, (name, labels)
    auth = uploaded_by_a_curator(app, client, "uchwala.txt", "Rada Miejska w Kutnie podjęła 12 maja 1987 r. uchwałę.")
    page = client.get("/page/document/uchwala", headers=auth).get_data(as_text=True)
    assert all(f"<option>{name}</option>" in page for name in EVENT_LABELS_PL), page[:2000]


def test_bodies_of_one_generic_name_the_linker_told_apart_keep_two_iris_in_the_order_named():
    from graph.facts import EntityRegistry

    registry = EntityRegistry(Base())
    first = registry.resolve_local("doc", "organisation", "Ochotnicza Straż Pożarna", None)
    second = registry.resolve_local("doc", "organisation", "Ochotnicza Straż Pożarna", ("urn:seat", "Krubin"),
                                    "Ochotnicza Straż Pożarna w Krubinie", {first[0]})
    assert first[0] != second[0] and second[1] == "Ochotnicza Straż Pożarna w Krubinie"
    again = registry.resolve_local("doc", "organisation", "Ochotnicza Straż Pożarna", None)
    assert again == first, "a later bare mention stays the first body's"
