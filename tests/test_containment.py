"""Where a place lies (extract/containment.py): the forms real pages use to place a town in its country, region
or commune. Sentences of my own; none is taken from a passage or from the sample text."""
from __future__ import annotations

from extract import read


def contained(text: str) -> set[tuple[str, str]]:
    doc = read(text)
    return {(r.subject, r.object) for r in doc._.relations if r.predicate == "containedInPlace"}


def test_a_town_with_a_preposition_and_its_country():
    found = contained("W maju gościliśmy delegację z Lohmar w Niemczech, a w czerwcu młodzież z miasta Trnava ze Słowacji. "
                      "Orkiestra zagrała w mieście Kecskemét na Węgrzech.")
    assert found == {("place:lohmar", "place:niemcy"), ("place:trnava", "place:slowacja"),
                     ("place:kecskemet", "place:wegry")}, found


def test_a_known_town_is_not_placed_in_a_country_it_does_not_lie_in():
    assert contained("Burmistrz Opola przebywał w Niemczech, a prezydent Lublina na Ukrainie.") == set()


def test_a_country_or_a_commune_in_brackets():
    found = contained("Do miasta Coesfeld (Niemcy) pojechał chór. Odwiedziliśmy wieś Borowa (gmina Kórnik).")
    assert found == {("place:coesfeld", "place:niemcy"), ("place:borowa", "place:kornik")}, found


def test_a_countrys_towns_in_brackets_after_it():
    found = contained("Mamy partnerów we Francji (Vernon, Lyon) i w Bułgarii (Plewen).")
    assert found == {("place:vernon", "place:francja"), ("place:lyon", "place:francja"),
                     ("place:plewen", "place:bulgaria")}, found


def test_list_lines_of_a_town_and_its_country():
    found = contained("Miasta partnerskie:\nZadar, Chorwacja\nOrsza, Białoruś\nRakvere – Estonia")
    assert found == {("place:zadar", "place:chorwacja"), ("place:orsza", "place:bialorus"),
                     ("place:rakvere", "place:estonia")}, found


def test_a_place_named_twice_a_country_in_a_country_and_a_remark_in_brackets_place_nothing():
    assert contained("Wymiana z Niemcami (Niemcy) trwa. Polska (i Czechy) wspierają projekt.") == set()
    assert contained("Chór z Lipnika (zdobywca nagrody w Niemczech) wystąpił.") == set()


def test_the_place_a_sentence_opens_with_described_as_lying_in_a_unit_or_country():
    found = contained("Rejon Stryjski jest położony w południowo-zachodniej części obwodu lwowskiego. "
                      "Gmina Lipnik leży w powiecie lipnickim. Wieś Borowa to sołectwo, które znajduje się w gminie Lipnik.")
    assert ("organisation:rejon stryjski", "organisation:obwod lwowski") in found, found
    assert ("organisation:gmina lipnik", "organisation:powiat lipnicki") in found, found
    assert ("place:borowa", "organisation:gmina lipnik") in found, found


def test_a_unit_visiting_a_unit_lies_not_in_it():
    assert contained("Delegacja powiatu lipnickiego gościła w obwodzie lwowskim.") == set()


def test_a_town_in_a_land_the_lexicon_names_by_preposition_bracket_or_participle():
    found = contained("Chór z Lipnika śpiewał w Altdorfie (południowa Bawaria). Młodzież pojechała do Bevern w "
                      "Niemczech (Dolna Saksonia). Nawiązano kontakty z niemieckim miastem Lahnau położonym w Hesji.")
    assert {("place:altdorf", "place:bawaria"), ("place:bevern", "place:dolna saksonia"),
            ("place:lahnau", "place:hesja")} <= found, found
    found = contained("Goście z Oziorska, miasta położonego w Rosji w obwodzie kaliningradzkim, zwiedzili "
                      "muzeum.")
    assert {(inner, outer.split(":")[1]) for inner, outer in found} == {
        ("place:oziorsk", "rosja"), ("place:oziorsk", "obwod kaliningradzki")}, found


def test_a_town_known_only_at_home_lies_in_no_land_abroad_and_one_known_only_abroad_in_no_land_at_home():
    assert contained("Wizyta burmistrza Gniezna w Bawarii trwała trzy dni.") == set()
    assert contained("Otwarto biuro Lyonu w Wielkopolsce.") == set()


def test_a_chain_of_units_after_one_preposition_places_the_village_in_each_from_the_widest_down():
    found = contained("Dąbrówka to wieś położona w województwie mazowieckim, powiecie wołomińskim, gminie Radzymin.")
    assert {o for s, o in found if s == "place:dabrowka"} >= {"organisation:wojewodztwo mazowieckie",
                                                               "organisation:powiat wolominski"}, found
    assert len({o for s, o in found if s == "place:dabrowka"}) == 3, found
    assert not {s for s, _ in found} - {"place:dabrowka"}, found  # no county in its gmina


def test_a_chain_of_units_from_the_narrowest_up_stops_after_the_first():
    found = contained("Hrebenne to wieś położona w rejonie żółkiewskim, obwodzie lwowskim.")
    assert found == {("place:hrebenne", "organisation:rejon zolkiewski")}, found


def test_settlements_listed_after_a_verb_of_composing_lie_in_the_unit_and_hamlets_in_their_village():
    found = contained("W skład gminy Kłodawa wchodziły gromady (sołectwa): Łęka, Bierzwienna z przysiółkami Zawady i "
                      "Ruszków, gromada Pomarzany.")
    assert found >= {("place:leka", "place:klodawa"), ("place:bierzwienna", "place:klodawa"),
                     ("place:zawady", "place:bierzwienna"), ("place:ruszkow", "place:bierzwienna"),
                     ("place:pomarzany", "place:klodawa")}, found
    assert ("place:zawady", "place:klodawa") not in found, found
    found = contained("Do gminy Radzymin należą sołectwa Ciemne i Słupno.")
    assert found == {("place:ciemne", "place:radzymin"), ("place:slupno", "place:radzymin")}, found
