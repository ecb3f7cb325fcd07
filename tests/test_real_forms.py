"""Sentences written for the forms the real-text batches af and ag showed (bench/realtexts): how officials,
bodies and partner towns are written on real pages. None is taken from a passage or from the sample text."""
from __future__ import annotations

import extract
from extract import read
from extract.morphology import lemma_set

from .test_extract_components import roles_held, twinned, twinned_pairs


def entity_names(doc, kind: str) -> set[str]:
    return {e.name for e in doc._.entities.values() if e.kind == kind}


def dates(text: str) -> list[str]:
    """The dates found in a text, in order, at their precision."""
    doc = read(text)
    return [d._.date for d in doc.spans["dates"]]


# --- officials ------------------------------------------------------------------------------------------

def test_a_hyphen_opening_the_office_after_a_name_is_a_dash():
    doc = read("Świadkami byli: Adam Wrona -Wicestarosta Lipnicki i Ewa Sowa -Sekretarz Gminy Lipnik.")
    assert ("person:adam wrona", "wicestarosta", "organisation:powiat lipnicki") in roles_held(doc), roles_held(doc)
    assert ("person:ewa sowa", "sekretarz", "organisation:gmina lipnik") in roles_held(doc), roles_held(doc)


def test_short_spellings_of_a_deputy():
    held = {(p, r) for p, r, _ in roles_held(read(
        "Przyjechali z-ca wójta gminy Lipnik Jolanta Zarzeka oraz v-ce starosta lipnicki Jan Kowal."))}
    assert held == {("person:jolanta zarzeka", "wicewójt"), ("person:jan kowal", "wicestarosta")}, held


def test_a_body_named_by_its_head_and_an_acronym():
    doc = read("Był też prezes Zrzeszenia LZS Marian Nowak, a obrady prowadził przewodniczący Sejmiku Województwa "
               "Lubuskiego Jan Lis.")
    assert ("person:marian nowak", "prezes", "organisation:zrzeszenie lzs") in roles_held(doc), roles_held(doc)
    assert ("person:jan lis", "przewodniczący", "organisation:sejmik wojewodztwa lubuskiego") in roles_held(doc)
    assert "GMINĄ AIXE" not in entity_names(read("WIZYTA W GMINĄ AIXE"), "organisation"), "a heading in capitals"


def test_a_month_after_a_given_name_is_a_surname():
    doc = read("22 maja 2024\n\nPrezesem Zarządu jest Janina Kwiecień, starosta lipnicki. Posiedzenie odbyło się w Lipniku.")
    assert "Janina Kwiecień" in entity_names(doc, "person")
    assert [d._.date for d in doc.spans["dates"]] == ["2024-05-22"], [d._.date for d in doc.spans["dates"]]


def test_a_name_after_the_office_of_a_gmina_is_its_holder_not_the_gminas_name():
    doc = read("Umowę podpisała Gmina Lipnik reprezentowana przez Wójta Gminy Krzysztofa Sowińskiego.")
    assert "Krzysztof Sowiński" in entity_names(doc, "person"), entity_names(doc, "person")
    assert ("person:krzysztof sowinski", "wójt", "organisation:gmina lipnik") in roles_held(doc), roles_held(doc)


def test_an_acronym_of_a_body_named_in_full_is_that_body_not_a_place():
    doc = read("Spotkanie odbyło się w sali Lipnickiego Ośrodka Kultury. Gości przywitał Dyrektor LOK – Jan Sowa.")
    assert entity_names(doc, "place") == set(), entity_names(doc, "place")
    assert ("person:jan sowa", "dyrektor", "organisation:lipnicki osrodek kultury") in roles_held(doc), roles_held(doc)
    doc = read("Spotkanie odbyło się w sali Trzebińskiego Ośrodka Kultury. Gości przywitał Dyrektor TOK – Jan Sowa.")
    assert entity_names(doc, "place") == set(), "TOK is no form of the village Toki here"
    doc = read("Wóz przekazał komendant Ochotniczej Straży Pożarnej Jan Lis. Odebrała go jednostka OSP w Kosowie.")
    assert {"Ochotnicza Straż Pożarna", "OSP"} <= entity_names(doc, "organisation"), "a name every town gives a body"


# --- units and towns ------------------------------------------------------------------------------------

def test_a_foreign_county_named_by_its_name_in_lower_case():
    doc = read("Gości przywitał Franz Lehner, starosta powiatu Hollfeld-Weiden. Umowę z powiatem Lindau "
               "podpisano w Lipniku.")
    assert {"powiat Hollfeld-Weiden", "powiat Lindau"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert ("person:franz lehner", "starosta", "organisation:powiat hollfeld-weiden") in roles_held(doc), roles_held(doc)
    doc = read("Strażacy z powiatu Lindau przekazali wóz. Wóz trafił z Lindau do Lipnika.")
    assert "Lindau" in entity_names(doc, "place"), "a county and its seat of one name are two"


def test_a_neuter_foreign_town_written_also_in_the_nominative():
    doc = read("Przyjechali goście ze Słowacji (Kremno). Odnowiono partnerstwo z Kremnem.")
    assert "Kremno" in entity_names(doc, "place") and "Kremn" not in entity_names(doc, "place")
    assert "Graz" in entity_names(read("Odnowiono partnerstwo z Grazem."), "place")


# --- partnerships ---------------------------------------------------------------------------------------

def test_towns_in_brackets_after_their_countries_are_the_partners_of_the_town_they_met_in():
    doc = read("Lipnik to nasze miasto. W Lipniku spotkali się przedstawiciele miast partnerskich z Francji (Vernon), "
               "Niemiec (Lohmar) oraz Słowacji (Kremno).")
    assert twinned(doc) == {frozenset(("place:lipnik", f"place:{town}")) for town in ("vernon", "lohmar", "kremno")}, \
        twinned(doc)


def test_the_town_a_text_calls_its_partner_is_not_its_home_town():
    doc = read("725 lat miasta partnerskiego Lohmar\n\nW 1290 roku założono miasto Lohmar. Burmistrz Lohmar zaprosił "
               "nas na jubileusz. W Lohmar spotkały się delegacje Lipnika i Vernon. Nasz pobyt w Lohmar był udany.")
    assert frozenset(("place:lipnik", "place:lohmar")) in twinned(doc), twinned(doc)


def test_the_state_or_the_units_a_town_lies_in_are_no_partners():
    doc = read("Burmistrz zainicjował współpracę Lipnika z położonym w stanie Kolorado miastem Boulder i podpisał "
               "umowę o partnerstwie obu samorządów.")
    assert twinned(doc) == {frozenset(("place:lipnik", "place:boulder"))}, twinned(doc)
    doc = read("Umowę o partnerstwie zawarto pomiędzy Gminą Hołnica położoną na Ukrainie, w rejonie lubomelskim, "
               "obwodzie wołyńskim a Gminą Lipnik.")
    assert twinned(doc) == {frozenset(("organisation:gmina holnica", "organisation:gmina lipnik"))}, twinned(doc)


def test_a_given_name_with_the_accents_of_another_language_opens_the_person_after_a_town():
    doc = read("Orkiestra pojechała do Bardiny. Muzyków powitała Burmistrz Bardiny Magdaléna Horváthová. "
               "Bardina to piękne miasto.")
    assert ("person:magdalena horvathova", "burmistrz", "place:bardina") in roles_held(doc), roles_held(doc)


def test_a_deputy_written_with_a_hyphenated_prefix_or_after_the_office_it_deputises():
    held = roles_held(read("W delegacji wzięli udział: Wójt Gminy Lipnik – Stanisław Jurek, Vice-Wójt – Ewa Polak."))
    assert ("person:ewa polak", "wicewójt", "organisation:gmina lipnik") in held, held
    held = roles_held(read("Umowę podpisali starosta lipnicki Adam Kos i wicestarosta Jan Mirski."))
    assert ("person:jan mirski", "wicestarosta", "organisation:powiat lipnicki") in held, held


def test_a_town_after_the_adjective_of_its_country_and_a_foreign_town_of_two_words():
    doc = read("Chór wyruszył do miasta partnerskiego Lipnika - francuskiego Sainte-Foy-la-Grande.")
    assert "Sainte-Foy-la-Grande" in entity_names(doc, "place"), entity_names(doc, "place")
    assert frozenset(("place:lipnik", "place:sainte-foy-la-grande")) in twinned(doc), twinned(doc)
    doc = read("Gmina ma umowy partnerskie z gminą Dolina z Ukrainy oraz Liptovsky Hradok ze Słowacji.")
    assert "Liptovsky Hradok" in entity_names(doc, "place"), entity_names(doc, "place")
    assert entity_names(read("Przyjechał francuski Jean Dupont."), "place") == set()
    held = {(m.organisation) for m in read("Burmistrz zaprosił wiceprezesa Zarządu OSP w Wysokiej Jana Lisa.")._.memberships}
    assert held == {"organisation:osp"}, "the board of a body named by its acronym is that body's"


def test_a_unit_capitalised_as_a_sentences_first_word_before_its_adjective():
    doc = read("Powiat lipnicki podpisał umowę o współpracy z powiatem kosowskim. To nasz pierwszy krajowy partner.")
    assert twinned(doc) == {frozenset(("organisation:powiat lipnicki", "organisation:powiat kosowski"))}, twinned(doc)


def test_a_list_of_partner_units_after_a_councils_resolutions_on_cooperation():
    doc = read("Powiat Lipnicki od lat współpracuje z zagranicą.\n"
               "W latach 2001-05 Rada Powiatu Lipnickiego podjęła uchwały o nawiązaniu współpracy ze społecznościami "
               "lokalnymi:\n"
               "- departamentu Haute-Loire we Francji (uchwała z 2001 roku),\n"
               "- powiatu Harz w Niemczech (uchwała z 2003 roku),\n"
               "- rejonu kowelskiego na Ukrainie (uchwała z 2005 roku).\n\nInne sprawy.")
    assert twinned(doc) == {frozenset(("organisation:powiat lipnicki", partner)) for partner in (
        "place:haute-loire", "organisation:powiat harz", "organisation:rejon kowelski")}, twinned(doc)


def test_an_office_of_a_unit_after_the_office_of_its_council():
    doc = read("Gości powitała Przewodnicząca Rady Powiatu Lipnickiego Anna Osuch, wicestarosta Michał Pietrzak oraz "
               "Sekretarz Powiatu Adam Kubiś. Powiat lipnicki to piękny region.")
    assert ("person:michal pietrzak", "wicestarosta", "organisation:powiat lipnicki") in roles_held(doc), roles_held(doc)


def test_a_partner_towns_name_then_its_mayor_before_the_next_office():
    doc = read("Na uroczystości byli: dyrektor Domu Kultury Anna Lis, burmistrz miasta partnerskiego Hollfeld Peter "
               "Kessler, burmistrz miasta Lindau Hans Weber.")
    assert ("person:peter kessler", "burmistrz", "place:hollfeld") in roles_held(doc), roles_held(doc)
    assert "Claus Peter Dieck" in entity_names(read("Gości przyjął Claus Peter Dieck, przewodniczący Rady Powiatu."),
                                                "person")


def test_a_page_of_partner_towns_with_a_heading_per_town_and_its_country():
    doc = read("Miasta Partnerskie\n\nKeszthely – Węgry\n\nKeszthely jest miastem na Węgrzech. W 1998 roku delegacja "
               "z Lipnika odwiedziła Keszthely, a w 1999 roku goście z Keszthely byli w Lipniku.\n\nTrakai – Litwa\n\n"
               "Trakai to miasto na Litwie. Umowę podpisano w Lipniku.")
    assert twinned(doc) >= {frozenset(("place:lipnik", "place:keszthely")), frozenset(("place:lipnik", "place:trakai"))}, \
        twinned(doc)


def test_a_seat_of_two_words_and_a_sentences_opening_verb():
    doc = read("Spotkanie odbyło się w Urzędzie Powiatowym w Starej Lubowni. Byliśmy tam pierwszy raz.")
    assert any(name.startswith("Stara Lubown") for name in entity_names(doc, "place")), entity_names(doc, "place")
    assert "Stara" not in entity_names(doc, "place")
    assert entity_names(read("Byliśmy w Nowym Sączu."), "place") == {"Nowy Sącz"}


def test_a_bodys_remit_after_ds_is_part_of_its_name():
    held = roles_held(read("Głos zabrała Magda Lis – zastępca przewodniczącego Stowarzyszenia ds. współpracy "
                           "międzynarodowej."))
    assert ("person:magda lis", "wiceprzewodniczący", "organisation:stowarzyszenie ds wspolpracy miedzynarodowej") \
        in held, held
    doc = read("Gości powitał Jan Lis, pełnomocnik Starosty Powiatu ds. Europy.")
    assert not any("ds." in name for name in entity_names(doc, "organisation")), "a unit has no remit"


# --- batch aj ---------------------------------------------------------------------------------------------

def test_an_acronym_sgjp_reads_as_a_common_word_after_a_bodys_office_is_the_body():
    held = roles_held(read("Gości powitała dyrektor PUP Halina Brzoza z Lipnika."))  # SGJP reads "PUP" as "pupa"
    assert ("person:halina brzoza", "dyrektor", "organisation:pup") in held, held


def test_a_foreign_names_case_ending_after_a_typographic_apostrophe():
    doc = read("Koncert odbył się na życzenie mera Mindaugas‘a Jonaitis‘a w Birżach. Potem delegacja pojechała do Leeds’u.")
    assert "Mindaugas Jonaitis" in entity_names(doc, "person"), entity_names(doc, "person")
    assert "Leeds" in entity_names(doc, "place"), entity_names(doc, "place")


def test_who_works_for_an_officer_does_not_hold_the_office():
    held = {(p, r) for p, r, _ in roles_held(read(
        "W delegacji z Lipnika byli burmistrz Jan Kos, asystent burmistrza Ewa Lis i doradca prezydenta Adam Mróz."))}
    assert held == {("person:jan kos", "burmistrz")}, held
    held = {(p, r) for p, r, _ in roles_held(read("– Współpraca trwa od lat – tłumaczy wójt gminy Lipnik Piotr Wrona."))}
    assert held == {("person:piotr wrona", "wójt")}, "'tłumaczy' is a verb here, not the wójt's interpreters"


def test_partner_towns_met_in_a_town_other_than_the_texts_own_are_that_towns_partners():
    doc = read("Delegacja z Lipna pojechała do Kolna. W tych dniach w Kolnie przebywali także przedstawiciele innych "
               "miast partnerskich - z Hollfeld (Niemcy), z Trakai (Litwa) oraz z Keszthely (Węgry). Mieszkańcy Lipna "
               "przekazali upominki, a goście z Lipna zwiedzili miasto. Szkoła w Lipnie wymienia listy z Kolnem.")
    pairs = twinned(doc)
    assert {frozenset(("place:kolno", f"place:{town}")) for town in ("hollfeld", "trakai", "keszthely")} <= pairs, pairs
    assert not any(p <= {"place:hollfeld", "place:trakai", "place:keszthely"} for p in pairs), "not each other's"


def test_an_office_in_the_nominative_after_a_buildings_name_is_its_holders():
    doc = read("18 maja w sali obrad miejskiego Ratusza Burmistrz Miasta i Gminy Lipnik Jan Kowal oraz Wójt Gminy Kolno "
               "Adam Nowak podpisali deklarację o współpracy.")
    assert not any("Burmistrz" in name for name in entity_names(doc, "organisation")), entity_names(doc, "organisation")
    assert any(p == "person:jan kowal" and r == "burmistrz" for p, r, _ in roles_held(doc)), roles_held(doc)


def test_groups_and_bands_are_bodies_and_what_a_festival_gathers_is_none():
    doc = read("Goście spotkali się z Lokalną Grupą Działania Ziemi Kolneńskiej. Zagrała Kapela Kolneńska, a wieczorem "
               "odbył się Przegląd Kapel Ludowych i Festiwal Orkiestr Dętych. Gościł tam Zespół Szkół im. Jana Kochanowskiego.")
    organisations = entity_names(doc, "organisation")
    assert {"Lokalna Grupa Działania Ziemi Kolneńskiej", "Kapela Kolneńska"} <= organisations, organisations
    assert not any(name.startswith(("Kapel ", "Orkiestr ")) for name in organisations), organisations
    assert "Lokalna Grupa" not in entity_names(doc, "place")


def test_no_place_in_a_plural_adjective_or_a_date_after_a_country():
    doc = read("Współpraca w ramach tzw. Miast Friedlandzkich trwa od lat. Spotkanie w Polsce 16.09.-23.09.2012 r. "
               "Mieszkają w Pradze 6.")
    places = entity_names(doc, "place")
    assert places == {"Polska", "Praga 6"}, places


def test_two_towns_named_after_a_dash_between_them():
    doc = read("Kontakty nawiązano w 2004 roku dzięki wcześniejszej współpracy pomiędzy miastami - Stary Sącz i Bellheim.")
    assert "Bellheim" in entity_names(doc, "place"), "a name joined to a place the dash opened"
    assert frozenset(("place:stary sacz", "place:bellheim")) in twinned(doc), twinned(doc)


def test_an_office_of_a_units_government_is_the_units():
    held = roles_held(read("Gości przywitała Rasa Petraitienė – wicemer samorządu rejonu birżańskiego, a potem zwiedzili "
                           "Kolno."))
    assert ("person:rasa petraitiene", "wicemer", "organisation:rejon birzanski") in held, held


def test_a_body_of_towns_and_gminas_keeps_both_in_its_name():
    organisations = entity_names(read("W dniach tych Kolneńskie Stowarzyszenie Miast i Gmin Partnerskich gościło "
                                      "partnerów z Lipnika."), "organisation")
    assert organisations == {"Kolneńskie Stowarzyszenie Miast i Gmin Partnerskich"}, organisations
    organisations = entity_names(read("Spotkali się z zarządem Kolneńskiego Stowarzyszenia Miast i Gmin Partnerskich."),
                                 "organisation")
    assert organisations == {"Kolneńskie Stowarzyszenie Miast i Gmin Partnerskich"}, "the head agrees with its own adjective"


def test_a_word_that_opens_a_foreign_towns_name_makes_a_town_not_a_person():
    doc = read("Zaprosił nas burmistrz Bad Lippspringe Thomas Richter. Partnerem Kolna jest Saint Avold we Francji.")
    assert {"Bad Lippspringe", "Saint Avold"} <= entity_names(doc, "place"), entity_names(doc, "place")
    assert entity_names(doc, "person") == {"Thomas Richter"}, entity_names(doc, "person")
    assert ("person:thomas richter", "burmistrz", "place:bad lippspringe") in roles_held(doc), roles_held(doc)


def test_a_foreign_town_in_the_genitive_after_an_office_is_the_offices_town():
    doc = read("Delegacji przewodniczył Milan Hruška – starosta Vysokého Brodu, a wraz z nim przyjechali radni. "
               "Był też burmistrz Bielego Potoku.")
    assert ("person:milan hruska", "starosta") in {(p, r) for p, r, _ in roles_held(doc)}, roles_held(doc)
    assert not {"Vysokého Brodu", "Bielego Potoku"} & entity_names(doc, "person"), entity_names(doc, "person")


# --- batch ak ---------------------------------------------------------------------------------------------

def test_a_bodys_cause_after_na_rzecz_is_part_of_its_name():
    organisations = entity_names(read("Gościło nas Polskie Stowarzyszenie na Rzecz Osób z Niepełnosprawnością z Kolna, "
                                      "a także Fundacja na rzecz Rozwoju Wsi i Stowarzyszenie Przyjaciół Lipna."),
                                 "organisation")
    assert {"Polskie Stowarzyszenie na Rzecz Osób z Niepełnosprawnością", "Fundacja na rzecz Rozwoju Wsi",
            "Stowarzyszenie Przyjaciół Lipna"} <= organisations, organisations


def test_a_deputy_after_another_office_is_not_the_first_offices_deputy():
    doc = read("Gościliśmy delegację z Lipnika – Burmistrza Adama Wronę, jego Zastępcę Piotra Sowę, dyrektorkę szkoły "
               "Ewę Kos oraz jej zastępczynię Annę Lis.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert ("person:piotr sowa", "wiceburmistrz") in held, held
    assert not any(p == "person:anna lis" and r == "wiceburmistrz" for p, r in held), held
    assert "Piotr Sowa" in entity_names(doc, "person"), "a deputy's noun opens no name"


def test_a_range_of_numeric_dates_begins_on_its_first_day_in_the_full_dates_year():
    assert dates("W maju 2015 r. byliśmy w Lipniku. W dniach 03.05-11.05.2019 r. trwała podróż.") == ["2015-05", "2019-05-03"]
    assert dates("Od 27.02 do 4.03.2021 r. trwał festiwal.") == ["2021-02-27"]
    assert dates("W dniach 29.06- 3.07.2014 r. był zjazd.") == ["2014-06-29"]
    assert dates("29.05-4.06.2017 wymiana młodzieży.") == ["2017-05-29"]
    assert dates("W dniach 10-19.IX.2007 r. obóz.") == ["2007-09-10"]


def test_sports_days_open_airs_masses_honours_and_elections_are_dated_events():
    def events(text):
        doc = read(text)
        return {(e.date, e.type) for e in doc._.events}
    assert ("2023-05-17", "Meeting") in events("17 maja 2023 r. w Lipniku odbyła się Spartakiada Młodzieży gmin partnerskich.")
    assert ("2004-06", "Exhibition") in events("W czerwcu 2004 r. w Lipniku trwał plener rzeźbiarski artystów z obu miast.")
    assert ("2015-12-01", "Appointment") in events("1 grudnia 2015 r. burmistrz Lipnika Jan Sowa został odznaczony przez "
                                                   "ambasadora Francji.")
    assert ("1990-05-27", "Appointment") in events("27 maja 1990 r. odbyły się wybory samorządowe w Lipniku.")


def test_an_act_of_cooperation_between_two_gminas_with_a_comma_before_the_conjunction_twins_them():
    doc = read("Delegacja wzięła udział w spotkaniu z okazji 10-lecia podpisania aktu współpracy pomiędzy Gminą Lipnik, "
               "a Gminą Sümeg.")
    assert twinned(doc) == {frozenset(("organisation:gmina lipnik", "organisation:gmina sumeg"))}, twinned(doc)


def test_a_mayors_surname_in_another_case_after_his_office_is_no_town():
    doc = read("Wizytą kierował burmistrz Lipnika Marek Wróbel. Na spotkaniu, oprócz burmistrza Wróbla, byli też radni.")
    assert entity_names(doc, "place") == {"Lipnik"}, entity_names(doc, "place")


# --- batch am ---------------------------------------------------------------------------------------------

def test_a_listed_given_name_sgjp_knows_only_as_a_surname_or_a_village_opens_a_person():
    doc = read("Na pamiątkę przekazujemy Wam tę gwiazdę – mówił burmistrz Lindenau, Damien Kolbe.")
    assert "Damien Kolbe" in entity_names(doc, "person"), entity_names(doc, "person")
    assert ("person:damien kolbe", "burmistrz", "place:lindenau") in roles_held(doc), roles_held(doc)


def test_a_dash_glued_to_a_word_before_a_person_or_to_an_office_after_one_separates_them():
    doc = read("Przyjechali: dyrektorem Gminnego Ośrodka Kultury- Tomaszem Wroną, Radną Rady Miejskiej- Ewą Kos "
               "oraz Jan Sowa -wiceprzewodniczący Rady Powiatu Lipnickiego.")
    assert {"Gminny Ośrodek Kultury", "Rada Miejska"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert {"Tomasz Wrona", "Ewa Kos", "Jan Sowa"} <= entity_names(doc, "person"), entity_names(doc, "person")
    assert ("person:jan sowa", "wiceprzewodniczący", "organisation:rada powiatu lipnickiego") in roles_held(doc)
    persons = entity_names(read("Rozmawiał z burmistrzem Lipnika – Karolem- Ottonem Kolbe."), "person")
    assert any(p.startswith("Karol") and p.endswith("Kolbe") for p in persons), persons  # two given names


def test_an_office_after_a_name_in_a_list_of_signatories_without_a_comma_is_that_persons():
    doc = read("Umowę podpisali w imieniu gminy Lipnik: burmistrz Adam Wilk, Ewa Sowa przewodnicząca Rady Miasta, "
               "w imieniu gminy Kłodawa: wójt Jan Lis i Anna Kos przewodnicząca Rady Gminy.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert {("person:ewa sowa", "przewodniczący"), ("person:anna kos", "przewodniczący")} <= held, held
    doc = read("Spotkał się z Janem Lisem przewodniczący Rady Gminy Adam Wilk.")
    assert not any(p == "person:jan lis" for p, _, _ in roles_held(doc)), roles_held(doc)


def test_a_signing_named_by_a_pronoun_takes_the_date_of_the_agreement_dated_before_it():
    doc = read("Partnerstwo gmin Lipnik i Kłodawa\n\nAkt partnerstwa podpisany został 21 czerwca 2005 roku. Był "
               "zwieńczeniem współpracy rozpoczętej w 2001 roku. Podpisali go w imieniu gminy Lipnik burmistrz Jan Lis, "
               "a w imieniu gminy Kłodawa wójt Adam Wilk.")
    assert {(e.date, e.type) for e in doc._.events} == {("2005-06-21", "Signing")}, [(e.date, e.type) for e in doc._.events]
    doc = read("Umowę podpisano w 2005 roku. W 2009 roku w Lipniku podpisano aneks, a jego wersję niemiecką "
               "podpisano w Kłodawie.")
    assert "2005" not in {e.date for e in doc._.events if "place:klodawa" in e.locations}, \
        [(e.date, e.locations) for e in doc._.events]


def test_a_region_named_kraj_is_a_territorial_unit_and_can_be_twinned():
    doc = read("Dnia 4 marca 2011 r. podpisano umowę o współpracy partnerskiej między Powiatem Lipnickim a Krajem "
               "Ludzańskim na Łotwie.")
    assert "Kraj Ludzański" in entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert twinned(doc) == {frozenset(("organisation:powiat lipnicki", "organisation:kraj ludzanski"))}, twinned(doc)


def test_honorary_citizens_of_our_town_named_together_are_each_of_the_writers_town():
    for text in ("Delegacja z Lipnika przyjechała do Kłodawy. Przyjechali członkowie komitetu na czele z honorowymi "
                 "obywatelami naszego miasta: Adamem Wilkiem i Janem Sową.",
                 "Delegacja z Lipnika przyjechała do Kłodawy. Na czele stali honorowi obywatele naszego miasta panowie "
                 "Adam Wilk i Jan Sowa."):
        held = {(p, r) for p, r, _ in roles_held(read(text))}
        assert {("person:adam wilk", "honorowy obywatel"), ("person:jan sowa", "honorowy obywatel")} <= held, held


def test_a_town_named_by_a_given_name_and_an_adjective_is_no_person_in_any_case():
    doc = read("Na ręce Wójta Mikołajek Pomorskich trafiło zaproszenie.")
    assert (entity_names(doc, "person"), entity_names(doc, "place")) == (set(), {"Mikołajki Pomorskie"})
    assert "Marian Kłodzki" in entity_names(read("Gości przywitał Marian Kłodzki, prezes klubu."), "person")


def test_an_inflected_town_of_a_noun_and_an_adjective_takes_the_base_form_geonames_knows():
    assert entity_names(read("Zaproszenie trafiło na ręce Wójta Jordanowa Śląskiego."), "place") == {"Jordanów Śląski"}
    assert entity_names(read("Delegacja przyjechała do Aleksandrowa Kujawskiego."), "place") == {"Aleksandrów Kujawski"}


def test_we_cooperate_with_a_town_twins_it_with_the_writers_own_polish_town():
    doc = read("Z Gminą Dřevčice współpracujemy od czerwca 2006 roku. Wójt Gminy Lipnik odwiedził Gminę Dřevčice, a "
               "Gmina Dřevčice przysłała do Lipnika swój zespół. Mieszkańcy Gminy Dřevčice chętnie nas odwiedzają.")
    assert twinned(doc) == {frozenset(("organisation:gmina lipnik", "organisation:gmina drevcice"))}, twinned(doc)
    doc = read("Gmina Lipnik leży nad rzeką. Nasza gmina współpracuje też z gminą Sandesneben.")
    assert twinned(doc) == {frozenset(("organisation:gmina lipnik", "place:sandesneben"))}, twinned(doc)


def test_deputies_named_right_after_their_principal_are_of_the_principals_unit():
    doc = read("Delegacja powiatu lipnickiego spotkała się ze starostą kłodzkim Janem Lisem, wicestarostami Adamem "
               "Wilkiem i Ewą Sową oraz radnymi.")
    held = roles_held(doc)
    assert {("person:adam wilk", "wicestarosta", "organisation:powiat klodzki"),
            ("person:ewa sowa", "wicestarosta", "organisation:powiat klodzki")} <= held, held


def test_an_acronym_with_a_lower_case_letter_or_a_case_ending_after_an_office_is_the_body():
    doc = read("W spotkaniu wzięli udział Zenon Kos – dyrektor MOSiRu, oraz dyrektor ZSGiP-u Jan Lis.")
    assert {"MOSiR", "ZSGiP"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")
    held = roles_held(doc)
    assert {("person:zenon kos", "dyrektor", "organisation:mosir"), ("person:jan lis", "dyrektor", "organisation:zsgip")} \
        <= held, held
    assert entity_names(read("Burmistrz Jan Lis i Anna Kos przyjechali."), "organisation") == set()


def test_a_unit_with_an_adjective_of_no_place_is_no_named_unit():
    doc = read("Gmina leży w powiecie Harburg, który jest powiatem partnerskim naszego powiatu, a Rada Miejska obradowała.")
    assert "powiat partnerski" not in entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_a_decoration_is_no_place_but_a_name_with_a_cross_inside_stays_whole():
    doc = read("Burmistrza Lipnika odznaczono Krzyżem Kawalerskim Orderu Zasługi, a jego zastępcy nadano stopień "
               "Wielkiego Krzyża.")
    assert entity_names(doc, "place") == {"Lipnik"}, entity_names(doc, "place")
    doc = read("Zwiedziliśmy Bazylikę Podwyższenia Krzyża.")
    assert "Bazylika Podwyższenia Krzyża" in entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_a_pages_stamp_gives_the_writers_year_but_no_date_of_the_narrative():
    assert dates("Umowa podpisana\naccess_time 2009-10-05 14:54:54\nDelegacja gminy przebywała w dniach 27-28 "
                 "września w Lipniku.") == ["2009-09-27"]
    found = dates("Dzisiaj jest 24-11-2025\n2019-08-26\nPorządek czwartkowej (22.08.) sesji Rady Powiatu zawierał "
                  "podpisanie porozumienia.")  # the reader's day on a widget, then the page's stamp
    assert "2019-08-22" in found and "2019-08-26" not in found and "2025-08-22" not in found, found


def test_a_street_named_after_a_day_is_no_date_and_a_bracket_glued_to_a_day_is_split():
    assert dates("W sobotę 14 czerwca 2014 roku umowy podpisano w ratuszu, a drzewa posadzono przy ul. 1 Maja "
                 "i na Placu 11 Listopada.") == ["2014-06-14"]
    for image in ("[300x217]", "(300x217)"):  # the page's square brackets are read as round ones (extract.Reading)
        assert dates(f"zdjecie {image}4 czerwca 2007 r. umowę podpisali burmistrzowie.") == ["2007-06-04"], image


def test_a_slovak_or_czech_citys_primator_is_its_mayor():
    held = roles_held(read("Gości witał primátor Prievidzy Marek Hattas."))
    assert {(p, r) for p, r, _ in held} == {("person:marek hattas", "burmistrz")}, held


def test_a_state_administration_is_a_body_whose_chair_is_named_after_it():
    doc = read("Naszymi gośćmi byli m.in. przewodniczący Lipnickiej Rejonowej Administracji Państwowej Jan Kos oraz "
               "dyrektor Lipnickiego Zamku Adam Wilk.")
    assert ("person:jan kos", "przewodniczący", "organisation:lipnicka rejonowa administracja panstwowa") in \
        roles_held(doc), roles_held(doc)


# --- session 22 (batch ap) ---------------------------------------------------------------------------------

def test_years_opening_the_lines_of_a_chronicle_without_a_dash_date_its_events():
    doc = read("Nasze spotkania\n\n1987 Wizyta chóru w Bambergu\n1988 Wyjazd uczniów do Lublina\n"
               "1989 Wizyta nauczycieli w Bambergu")
    assert [(e.type, e.date) for e in doc._.events] == [("Visit", "1987"), ("Visit", "1988"), ("Visit", "1989")], \
        [(e.type, e.date) for e in doc._.events]
    assert dates("Przyszło\n2000 Osób na koncert w Lublinie.") == [], "a number opening one line is no year"


def test_a_numbered_school_written_by_its_acronym_is_that_school():
    doc = read("III LO w Lublinie gości uczniów z Bambergu. Dyrektor SP nr 5 Jan Lis powitał gości.")
    assert {"III LO", "SP nr 5"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert ("person:jan lis", "dyrektor", "organisation:sp nr 5") in roles_held(doc), roles_held(doc)
    doc = read("II Liceum Ogólnokształcące im. Jana Lisa w Lublinie gościło uczniów. Uczniowie II LO pojechali do Bambergu.")
    assert [n for n in entity_names(doc, "organisation") if "L" in n] == ["II Liceum Ogólnokształcące im. Jana Lisa"], \
        entity_names(doc, "organisation")


def test_a_nations_adjective_or_an_ordinal_before_a_common_noun_is_that_nouns():
    doc = read("Wystąpił Prezes Lubelskiego Oddziału Polskiego Związku Kół i Klubów. Wykład otworzyła prezes Uniwersytetu "
               "Trzeciego Wieku w Lublinie Anna Mazur. Był też Dyrektor Urzędu Marszałkowskiego Województwa Opolskiego.")
    assert {"Lubelski Oddział Polskiego Związku Kół i Klubów", "Uniwersytet Trzeciego Wieku",
            "Urząd Marszałkowski Województwa Opolskiego"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_a_churchs_dedication_is_part_of_the_parishs_name_and_no_person():
    doc = read("Gości przywitał Proboszcz Parafii Miłosierdzia Pana Jezusa w Lublinie ksiądz Jan Lis. "
               "Zaśpiewał chór Parafii pw. Matki Bożej Częstochowskiej, a Parafia św. Anny w Nysie przyjęła gości.")
    assert entity_names(doc, "person") == {"Jan Lis"}, entity_names(doc, "person")
    assert {"Parafia Miłosierdzia Pana Jezusa w Lublinie", "Parafia pw. Matki Bożej Częstochowskiej",
            "Parafia św. Anny w Nysie"} \
        <= entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert ("person:jan lis", "proboszcz", "organisation:parafia milosierdzia pana jezusa w lublinie") in roles_held(doc)


def test_a_person_after_a_quoted_name_of_a_body_is_no_part_of_it():
    doc = read("Na festynie byli Prezes Stowarzyszenia „Razem dla Nysy” Reik Maatke, Sołtys Wsi Lipnik oraz goście.")
    assert ("person:reik maatke", "prezes", "organisation:stowarzyszenie razem dla nysy") in roles_held(doc), roles_held(doc)


def test_the_partner_towns_adjective_is_no_part_of_a_towns_name():
    doc = read("Festiwal Miast Partnerskich Lublina i Bambergu odbył się w lipcu.")
    assert entity_names(doc, "place") == {"Lublin", "Bamberg"}, entity_names(doc, "place")
    assert twinned(doc) == {frozenset(("place:lublin", "place:bamberg"))}, twinned(doc)
    assert entity_names(doc, "person") == set(), entity_names(doc, "person")


# --- session 22 (batch aq) ---------------------------------------------------------------------------------

def test_a_list_of_regions_with_which_a_unit_has_relations_twins_each_with_it():
    doc = read("Regiony, z którymi współpracuje Województwo Lubelskie:\n\nObwód Lwowski (Ukraina)\n\n"
               "Komitat Vas (Węgry)\n\nŻupania Zadarska (Chorwacja)")
    assert twinned(doc) == {frozenset(("organisation:wojewodztwo lubelskie", f"organisation:{o}"))
                            for o in ("obwod lwowski", "komitat vas", "zupania zadarska")}, twinned(doc)


def test_the_town_heading_each_section_of_a_page_of_partners_is_the_side_of_its_agreement():
    doc = read("Miasta partnerskie\n\nLizbona\n\nMiasto w Portugalii.\n\nUmowę podpisano 22 listopada 2010 roku\n\n"
               "Lyon\n\nMiasto we Francji.\n\nList intencyjny podpisano 2 lipca 2005 roku\n\n"
               "Widok na Lublin z lotu ptaka. Lublin jest naszym miastem.")
    sides = {(e.date, tuple(e.participants)) for e in doc._.events}
    assert sides == {("2010-11-22", ("place:lizbona",)), ("2005-07-02", ("place:lyon",))}, sides
    assert twinned(doc) == {frozenset(("place:lublin", "place:lizbona")), frozenset(("place:lublin", "place:lyon"))}, \
        twinned(doc)


def test_both_towns_are_the_two_named_just_before():
    doc = read("Ideę miast bliźniaczych dobrze widać na przykładzie Lublina i niemieckiego Bambergu. "
               "Porozumienie o współpracy oba miasta zawarły w 2005 r.")
    assert [(e.date, sorted(e.participants)) for e in doc._.events] == [("2005", ["place:bamberg", "place:lublin"])], \
        [(e.date, e.participants) for e in doc._.events]


def test_a_word_after_a_bullet_opens_its_line():
    doc = read("  • Widok na miasto z lotu ptaka\n\nMiasto leży nad rzeką.")
    assert entity_names(doc, "place") == set(), entity_names(doc, "place")


def test_partner_towns_listed_with_their_agreements_dates_in_brackets():
    doc = read("Miasta partnerskie\n\nMiasto Lublin współpracuje z wieloma miastami, z którymi podpisało umowy partnerskie. Są to: "
               "Mazamet (04.06.1995 r.) i Tarbes (12.10.2001 r.) z Francji, niemieckie Alzenau (od 2003 r.) oraz "
               "szwedzkie Falun (2014).")
    assert {"Mazamet", "Tarbes", "Alzenau", "Falun"} <= entity_names(doc, "place"), entity_names(doc, "place")
    signed = {(e.date, tuple(e.participants)) for e in doc._.events}
    assert {("1995-06-04", ("place:mazamet",)), ("2001-10-12", ("place:tarbes",)), ("2003", ("place:alzenau",)),
            ("2014", ("place:falun",))} <= signed, signed
    assert {frozenset(("place:lublin", f"place:{t}")) for t in ("mazamet", "tarbes", "alzenau", "falun")} <= twinned(doc), \
        twinned(doc)


def test_a_foreign_office_inflected_as_a_polish_noun_is_that_office():
    doc = read("Delegacja spotkała się z Primatorem Trenczyna Karlem Novákiem.")
    assert ("person:karl novak", "burmistrz", "place:trenczyn") in roles_held(doc), roles_held(doc)


def test_offices_in_the_plural_after_a_list_of_towns_are_held_respectively():
    doc = read("Na zakończenie zawarto umowę między miastami Lipnik i Bamberg, podpisaną w ratuszu Lipnika przez "
               "burmistrzów Piotra Lisa i Larsa Webera.")
    held = {(p, o) for p, r, o in roles_held(doc) if r == "burmistrz"}
    assert held == {("person:piotr lis", "place:lipnik"), (next(p for p, _ in held if "weber" in p), "place:bamberg")}, held


def test_an_office_in_the_plural_after_a_dash_is_held_by_each_person_listed_before_it():
    doc = read("Zebranie wybrało nowy Zarząd, w skład którego weszli: Anna Lis - prezes, Ewa Kos - sekretarz, "
               "Piotr Żak, Maria Bóbr i Jerzy Jeż - członkowie Zarządu Lipnickiego Towarzystwa Przyjaciół Bułgarii. "
               "Lipnickie Towarzystwo Przyjaciół Bułgarii powstało w 1990 r.")
    members = {p for p, r, o in roles_held(doc) if r == "członek zarządu"
               and o == "organisation:lipnickie towarzystwo przyjaciol bulgarii"}
    assert members == {"person:piotr zak", "person:maria bobr", "person:jerzy jez"}, roles_held(doc)
    doc = read("Delegację tworzyli: Adam Sowa, Jan Kos (Przewodniczący Rady Miejskiej Lipnika), Ewa Wrona.")
    assert {p for p, r, _ in roles_held(doc) if r == "przewodniczący"} == {"person:jan kos"}, roles_held(doc)


def test_partner_towns_listed_after_the_year_their_cooperation_began():
    doc = read("Miasta partnerskie Lipnika przyjechały na turniej. Współpracujące z nami miasta to kolejno: od 1993 r. "
               "Lyon (Francja), od 1998 r. Ostrawa (Czechy).")
    assert {frozenset(("place:lipnik", "place:lyon")), frozenset(("place:lipnik", "place:ostrawa"))} <= twinned(doc), \
        twinned(doc)


# session 23 (batch at)

def test_a_case_ending_after_an_apostrophe_leaves_with_the_apostrophe():
    doc = read("Wójt spotkał się z merem Pierre'em Duboisem.")
    assert entity_names(doc, "person") == {"Pierre Dubois"}, entity_names(doc, "person")


def test_a_foreign_name_in_a_and_its_other_cases_are_one_person():
    doc = read("Burmistrz Gori Nodar Kapanadzia podpisał umowę. Wójt podziękował Nodarowi Kapanadzii za gościnę.")
    assert entity_names(doc, "person") == {"Nodar Kapanadzia"}, entity_names(doc, "person")


def test_a_surname_alone_named_before_the_full_name_is_that_person():
    doc = read("Pan Brenner przyjechał do Lipnika na dożynki. Horst Brenner gościł u nas dwa dni.")
    assert entity_names(doc, "person") == {"Horst Brenner"}, entity_names(doc, "person")


def test_a_name_unknown_to_the_dictionary_before_w_and_a_country_is_a_town():
    doc = read("Tirebolu w Turcji jest od wczoraj miastem partnerskim Lipnika.")
    assert "Tirebolu" in entity_names(doc, "place"), entity_names(doc, "place")
    assert twinned(doc) == {frozenset(("place:tirebolu", "place:lipnik"))}, twinned(doc)


def test_a_partnership_is_between_the_towns_of_its_own_clause():
    doc = read("Kutno podpisało w 2010 roku umowę partnerską z Ostrawą, zaś Podlasie utrzymuje kontakty ze Styrią.")
    assert twinned(doc) == {frozenset(("place:kutno", "place:ostrawa"))}, twinned(doc)
    doc = read("Goście z miast partnerskich Lipnika, z Lyonu i z Segedu, bawili u nas w sierpniu, zaś z Ostrawy "
               "dopiero we wrześniu.")
    assert frozenset(("place:lipnik", "place:ostrawa")) in twinned(doc), twinned(doc)


def test_a_polish_named_holder_of_an_untied_town_office_is_of_the_town_the_text_is_about():
    text = ("Gmina Lipnik gościła w maju uczniów szkoły partnerskiej. Gmina Lipnik przygotowała dla nich wycieczki. "
            "- To była udana wizyta – mówi wójt Tomasz Grabski. Gości przywitał także burmistrz Pavel Novotný.")
    held = {(p, r, o) for p, r, o in roles_held(read(text))}
    assert ("person:tomasz grabski", "wójt", "organisation:gmina lipnik") in held, held
    assert not any(p.startswith("person:pavel") for p, _, o in held), held
    # two Polish towns told of alike: whose the office is, the text does not say
    text = "Kutno i Gostynin podpisały umowę. Kutno i Gostynin będą współpracować. Wójt Tomasz Grabski był zadowolony."
    assert not {(p, o) for p, r, o in roles_held(read(text)) if r == "wójt"}, roles_held(read(text))


def test_a_foreign_named_mayor_tied_to_no_town_is_of_the_town_abroad_the_text_names():
    doc = read("Francuskie miasto Annecy jest od lat miastem partnerskim Lipnika. Na jubileusz do Polski przyjechał "
               "mer Gaston Lefèvre z żoną.")
    assert ("person:gaston lefevre", "mer", "place:annecy") in roles_held(doc), roles_held(doc)


def test_the_office_of_gmina_with_no_name_is_not_of_the_other_gmina_the_text_names():
    doc = read("Wiosną w historii gminy Lipnik zapisano ważne wydarzenie. Wójt Gminy Adam Kos i Burmistrz Gminy "
               "Tirebolu (Turcja), Mehmet Aydin, podpisali umowę.")
    assert not {o for p, r, o in roles_held(doc) if p == "person:adam kos" and "tirebolu" in o}, roles_held(doc)


def test_a_town_named_with_the_mountain_or_river_it_lies_under_or_over():
    doc = read("Współpracę prowadzą Kutno i Horní Lhota pod Krkem oraz Gostynin i Dolní Lhota nad Metují.")
    assert {"Horní Lhota pod Krkem", "Dolní Lhota nad Metují"} <= entity_names(doc, "place"), entity_names(doc, "place")
    assert not entity_names(doc, "person"), entity_names(doc, "person")


def test_towns_listed_two_at_a_time_after_a_word_of_partnership_are_pairs_of_partners():
    doc = read("Trzy gminy powiatu prowadzą już współpracę partnerską: Kutno i Chrastava, Gostynin i Ostrawa "
               "oraz Łowicz i Znojmo.")
    assert twinned(doc) == {frozenset(("place:kutno", "place:chrastava")), frozenset(("place:gostynin", "place:ostrawa")),
                            frozenset(("place:lowicz", "place:znojmo"))}, twinned(doc)


def test_a_statement_after_a_comma_with_a_verb_of_its_own_has_its_own_date():
    doc = read("Współpraca z partnerskim powiatem na Litwie rozpoczęła się w 2003 roku, porozumienie o współpracy "
               "podpisano 9 października 2004r.")
    assert [(e.type, e.date) for e in doc._.events] == [("Signing", "2004-10-09")], \
        [(e.type, e.date) for e in doc._.events]


def test_a_compound_adjective_written_with_a_spaced_dash_in_a_bodys_name():
    doc = read("Do Niemiec pojechała delegacja z Powiatu Kutnowsko – Łęczyckiego.")
    assert "Powiat Kutnowsko-Łęczycki" in entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_a_department_named_dzial_is_a_body_and_its_head_holds_an_office_of_it():
    doc = read("W spotkaniu uczestniczyli kierownik Działu Gospodarki Komunalnej Anna Lis oraz kierownik Działu "
               "Promocji i Sportu Ewa Kos.")
    held = {(p, o) for p, r, o in roles_held(doc) if r == "kierownik"}
    assert held == {("person:anna lis", "organisation:dzial gospodarki komunalnej"),
                    ("person:ewa kos", "organisation:dzial promocji i sportu")}, held


def test_a_year_glued_to_roku_is_a_date():
    assert dates("Porozumienie podpisano 3 czerwca 2011roku w ratuszu.") == ["2011-06-03"]


def test_a_town_office_read_from_the_context_follows_the_holders_name_home_or_abroad():
    doc = read("Kutno odwiedziła delegacja z Annecy. Gości powitał burmistrz Tomasz Grabski, a wieczorem mer "
               "Gaston Lefèvre zwiedził Kutno.")
    held = roles_held(doc)
    assert ("person:tomasz grabski", "burmistrz", "place:kutno") in held, held
    assert ("person:gaston lefevre", "mer", "place:annecy") in held, held


def test_a_county_office_read_from_the_context_follows_the_holders_name():
    doc = read("Powiat Kutnowski od lat współpracuje z Powiatem Emsland. W maju do Kutna przyjechała delegacja z "
               "Powiatu Emsland, którą przywitał starosta Tomasz Grabski.")
    assert {o for p, r, o in roles_held(doc) if p == "person:tomasz grabski"} == {"organisation:powiat kutnowski"}, \
        roles_held(doc)


def test_a_line_broken_after_its_verb_goes_on_in_the_next():
    doc = read("Siedzibą powiatu jest Lipno. Współpracę z niemieckim powiatem władze powiatu lipnickiego podpisały\n"
               "14 września 2001 roku. Na mocy umowy powiaty rozwijają działalność.")
    assert [(e.type, e.date) for e in doc._.events] == [("Signing", "2001-09-14")], \
        [(e.type, e.date) for e in doc._.events]


def test_a_hyphen_opening_a_line_of_a_list_is_a_bullet_not_an_apposition():
    doc = read("Do porozumienia przystąpili:\n- Wójt gminy Kutno Tomasz Grabski\n- Burmistrz Gostynina Adam Bór")
    held = {(p, r, o) for p, r, o in roles_held(doc)}
    assert {("person:tomasz grabski", "wójt", "place:kutno"), ("person:adam bor", "burmistrz", "place:gostynin")} <= held, \
        held


def test_towns_listed_as_partners_of_no_town_named_with_them_are_not_each_others_partners():
    doc = read("Kutno gościło w sobotę wielu gości. Na jarmark przyjechały delegacje z miast partnerskich: Segedu, "
               "Ostrawy, Brna i Lyonu.")
    pairs = twinned(doc)
    assert not any("place:kutno" not in pair for pair in pairs), pairs


# --- session 24 (batches aw and ax) ---------------------------------------------------------------------

def test_a_surname_sgjp_lacks_after_a_mans_given_name_in_the_genitive_loses_its_ending():
    names = entity_names(read("Podziękowania złożono na ręce Pana Gotfryda Kaltenbacha i Pana Bogumiła Grzebyka."), "person")
    assert names == {"Gotfryd Kaltenbach", "Bogumił Grzebyk"}, names


def test_a_given_name_that_is_also_a_vocative_is_read_as_written():
    assert entity_names(read("Gości powitał burmistrz Dario Fontana."), "person") == {"Dario Fontana"}


def test_a_town_in_the_genitive_between_an_office_and_its_holder_is_the_town_the_text_declines_elsewhere():
    doc = read("Trwa współpraca między Kutnem a Ostermoorem. Burmistrz Ostermoora Kay Lüders przyjechał na sesję.")
    assert entity_names(doc, "person") == {"Kay Lüders"}, entity_names(doc, "person")
    assert ("person:kay luders", "burmistrz", "place:ostermoor") in roles_held(doc), roles_held(doc)


def test_a_town_in_ka_written_in_the_locative_is_one_town():
    doc = read("Umowę podpisano w Dubrowce na Białorusi. Goście z gminy Dubrowka przyjechali do Lipnika.")
    assert entity_names(doc, "place") == {"Dubrowka", "Białoruś", "Lipnik"}, entity_names(doc, "place")


def test_pairs_of_gminas_listed_with_z_after_a_colon_are_each_others_partners():
    doc = read("Umowy partnerskie podpisały gminy: Lipnik z Sarnakami, Mielnik z Zabłudowem oraz Kutno, które "
               "będzie współpracować z gminą Żabinka.")
    assert twinned(doc) == {frozenset(("place:lipnik", "place:sarnaki")), frozenset(("place:mielnik", "place:zabludow")),
                            frozenset(("place:kutno", "place:zabinka"))}, twinned(doc)


def test_a_qualifier_in_the_genitive_between_a_body_and_its_head_does_not_pass_the_office_back():
    doc = read("Udział wzięli Anna Lis, kierownik Sekretariatu Euroregionu, oraz kierownik Sekretariatu Euroregionu "
               "strony polskiej Jan Kowal.")
    held = {(p, r, o) for p, r, o in roles_held(doc)}
    assert held == {("person:anna lis", "kierownik", "organisation:sekretariat euroregionu"),
                    ("person:jan kowal", "kierownik", "organisation:sekretariat euroregionu")}, held


def test_an_office_named_with_its_town_once_is_of_that_town_when_its_holder_is_named_without_it():
    doc = read("Pani Wójt Gminy Lipnik wzięła udział w dożynkach w Haldenbrück. Burmistrz Haldenbrück, Pan Kay Lüders, "
               "powitał gości, wśród których znaleźli się Pani Wójt Anna Lis i orkiestra z Ebersried.")
    assert {o for p, r, o in roles_held(doc) if p == "person:anna lis"} == {"organisation:gmina lipnik"}, roles_held(doc)


def test_partner_towns_in_general_take_no_towns_from_the_sentences_after():
    doc = read("Porozumienie zakłada, że miasta partnerskie będą współpracować w wielu dziedzinach. Współpraca obejmie "
               "kulturę. W skład delegacji wchodził Jan Lis, burmistrz Kłodawy i były wiceprezydent Gostynina.")
    assert twinned(doc) == set(), twinned(doc)


def test_a_heading_glued_to_a_one_letter_word_is_split():
    doc = read("Wizyta w KutnieW dniach 3-5 maja gościliśmy delegację.")
    assert entity_names(doc, "place") == {"Kutno"}, entity_names(doc, "place")


def test_adjectives_after_the_head_before_a_number_agree_with_the_head():
    doc = read("Gości powitała dyrektor Przedszkola Miejskiego Integracyjnego nr 8 Anna Nowak.")
    assert entity_names(doc, "organisation") == {"Przedszkole Miejskie Integracyjne nr 8"}, entity_names(doc, "organisation")


def test_a_head_named_szef_holds_an_office_of_the_body_after_it():
    doc = read("Na spotkaniu była szefowa Biura Promocji Anna Kos.")
    assert ("person:anna kos", "szef", "organisation:biuro promocji") in roles_held(doc), roles_held(doc)


def test_an_office_held_in_a_body_after_w_is_of_that_body():
    doc = read("Gości przyjął Jan Lis – sekretarz stanu w Ministerstwie Rolnictwa i Rozwoju Wsi.")
    assert ("person:jan lis", "sekretarz stanu", "organisation:ministerstwo rolnictwa i rozwoju wsi") in roles_held(doc), \
        roles_held(doc)


def test_a_department_named_by_a_list_of_its_matters_is_one_body():
    doc = read("Gości przywitała Ewa Kos, dyrektor Wydziału Funduszy Zewnętrznych, Współpracy i Rozwoju. Obecni byli "
               "przedstawiciele Urzędu Gminy, Rady Gminy i Gminnego Ośrodka Kultury.")
    assert entity_names(doc, "organisation") == {"Wydział Funduszy Zewnętrznych, Współpracy i Rozwoju", "Urząd Gminy",
                                                 "Rada Gminy", "Gminny Ośrodek Kultury"}, entity_names(doc, "organisation")


def test_a_foreign_units_adjective_sgjp_lacks_after_its_noun_is_brought_to_the_nominative():
    doc = read("Umowę podpisano z rejonem w obwodzie Iwano-Frankiwskim na Ukrainie.")
    assert "obwód iwano-frankiwski" in entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_a_capitalised_office_of_state_or_church_after_a_name_ends_the_name():
    doc = read("Gościem był Otto Brenner Kanclerz Austrii, a mszę odprawił Tadeusz Gocłowski Metropolita Lubelski.")
    assert entity_names(doc, "person") == {"Otto Brenner", "Tadeusz Gocłowski"}, entity_names(doc, "person")
    doc = read("Obecny był wicemarszałek województwa opolskiego Jan Lis.")
    assert ("person:jan lis", "wicemarszałek", "organisation:wojewodztwo opolskie") in roles_held(doc), roles_held(doc)


def test_a_list_written_surname_first_names_each_person_given_name_first():
    doc = read("Wyróżnienia otrzymali:\n1. Kruczek Bogdan – sołtys wsi Lipnik.\n2. Kopeć Marianna – prezes Wojewódzkiego "
               "Funduszu Rozwoju Wsi.\nGości powitali Jan Nowak i Anna Lis.")
    assert entity_names(doc, "person") == {"Bogdan Kruczek", "Marianna Kopeć", "Jan Nowak", "Anna Lis"}, \
        entity_names(doc, "person")
    assert ("person:marianna kopec", "prezes", "organisation:wojewodzki fundusz rozwoju wsi") in roles_held(doc), \
        roles_held(doc)


def test_holders_of_a_title_listed_line_by_line_after_it_hold_it():
    doc = read("Honorowi Obywatele Gminy Lipnik\n\nTytuł nadaje Rada Gminy Lipnik od 1993 roku.\n\n"
               "Bogdan Kruczek (1910-1990)\n\nMarianna Kopeć (1915-2001)\n\n"
               "W 2010 roku tytuł otrzymał także ks. Piotr Sowa.")
    held = {p for p, r, o in roles_held(doc) if r == "honorowy obywatel"}
    assert {"person:bogdan kruczek", "person:marianna kopec"} <= held, roles_held(doc)
    doc = read("Od 2005 roku nadawany jest tytuł Honorowego Obywatela Gminy Lipnik. Tytuł nadano następującym osobom:\n"
               "Rok 2006\n1. Kruczek Bogdan – sołtys.\n2. Kopeć Marianna 1915-2001 – nauczycielka.")
    held = {(p, o, d) for p, r, o, d in roles_held(doc, "date") if r == "honorowy obywatel"}
    assert {("person:bogdan kruczek", "organisation:gmina lipnik", "2006"),
            ("person:marianna kopec", "organisation:gmina lipnik", "2006")} <= held, held


def test_a_county_office_read_from_a_town_abroad_is_of_the_one_county_the_text_names():
    doc = read("10 maja na terenie powiatu lipnickiego gościła delegacja miasta Trenčín ze Słowacji. Samorząd "
               "reprezentowali: Starosta Tomasz Grabski i Wicestarosta Ewa Kos.")
    held = {(p, r, o) for p, r, o in roles_held(doc)}
    assert {("person:tomasz grabski", "starosta", "organisation:powiat lipnicki"),
            ("person:ewa kos", "wicestarosta", "organisation:powiat lipnicki")} <= held, held


def test_a_departments_matters_may_have_adjectives():
    doc = read("Obecny był kierownik Wydziału Inwestycji, Programów Pomocowych i Zamówień Publicznych Jan Lis.")
    assert ("person:jan lis", "kierownik", "organisation:wydzial inwestycji programow pomocowych i zamowien publicznych") \
        in roles_held(doc), roles_held(doc)


def test_a_bracket_after_a_common_word_opens_a_list_of_officers():
    doc = read("Do Lipnika pojechało 20 uczniów z Gimnazjum nr 2 w Kutnie i 2 opiekunów (dyrektor szkoły Jan Lis "
               "i nauczyciel Ewa Kos).")
    assert ("person:jan lis", "dyrektor", "organisation:gimnazjum nr 2") in roles_held(doc), roles_held(doc)


def test_our_town_as_the_subject_of_a_partnership_is_the_texts_own():
    doc = read("Lipnik leży nad Wisłą. W 1999 r. nasze miasto związało się umową partnerską z Haldenbrück, a rok później "
               "z Ebersried. Dziś Lipnik rozwija tę współpracę.")
    assert twinned(doc) == {frozenset(("place:lipnik", "place:haldenbruck")), frozenset(("place:lipnik", "place:ebersried"))}, \
        twinned(doc)


def test_an_office_the_text_ties_to_its_town_is_not_guessed_for_another_town():
    doc = read("Kutno leży w centrum Polski. Umowę z Kutnem podpisał burmistrz Kowla Roman Sowa. W maju na zaproszenie "
               "burmistrza Romana Sowy odwiedziliśmy Kowel. Kutno i Kowel współpracują.")
    assert {o for p, r, o in roles_held(doc) if p == "person:roman sowa"} == {"place:kowel"}, roles_held(doc)


# --- session 25 (batches ba to bd) ---------------------------------------------------------------------------

def test_towns_coordinated_after_z_are_each_a_partner_of_the_town_that_cooperates():
    doc = read("Kutno leży w centrum Polski. Obecnie samorząd współpracuje z niemieckimi Haldenbrück i Ebersried, czeską "
               "Libavą, Kowlem na Ukrainie oraz słowackim Sabinovem.")
    assert twinned(doc) == {frozenset(("place:kutno", f"place:{town}"))
                            for town in ("haldenbruck", "ebersried", "libava", "kowel", "sabinov")}, twinned(doc)


def test_a_body_named_before_a_verb_of_presiding_is_chaired_by_each_person_listed_after_it():
    doc = read("Radzie Miejskiej w Kutnie przewodniczyli: Jan Wrona (1990-1993), Adam Lis (1993-2003) i Ewa Kos (od "
               "2003). W latach 2006-2010 Piotr Sowa przewodniczył Radzie Powiatu Kutnowskiego.")
    held = {(p, r, o, d) for p, r, o, d in roles_held(doc, "date")}
    assert {("person:jan wrona", "przewodniczący", "organisation:rada miejska", "1990"),
            ("person:adam lis", "przewodniczący", "organisation:rada miejska", "1993"),
            ("person:ewa kos", "przewodniczący", "organisation:rada miejska", "2003"),
            ("person:piotr sowa", "przewodniczący", "organisation:rada powiatu kutnowskiego", "2006")} <= held, held


def test_offices_of_a_former_town_government_in_the_instrumental_go_to_the_names_after_them():
    doc = read("Kutno leży nad rzeką. Pierwszym burmistrzem był Jan Wrona (wiceburmistrzem Karol Gajda, ławnikami Tomasz "
               "Gil i Stefan Kruk). W 1930 roku Komisarzem Rządowym został Adam Lis.")
    assert {("person:jan wrona", "burmistrz", "place:kutno"), ("person:karol gajda", "wiceburmistrz", "place:kutno"),
            ("person:tomasz gil", "ławnik", "place:kutno"), ("person:stefan kruk", "ławnik", "place:kutno"),
            ("person:adam lis", "komisarz rządowy", "place:kutno")} <= roles_held(doc), roles_held(doc)
    doc = read("Członkami byli: Jan Wrona (konsul honorowy Republiki Chile), Adam Lis.")
    assert not {p for p, r, o in roles_held(doc) if r == "konsul honorowy"} - {"person:jan wrona"}, roles_held(doc)


def test_councillors_listed_with_no_body_are_members_of_the_council_named_before_them():
    doc = read("Pierwsze posiedzenie Rady Miejskiej w Kutnie odbyło się w 1919 roku. Radnymi narodowości polskiej zostali: "
               "Piotr Sowa, B(olesław) Gil, Anna Lis, Marek Wróbel.")
    held = {p for p, r, o in roles_held(doc) if r == "radny" and o.startswith("organisation:rada miejska")}
    assert {"person:piotr sowa", "person:anna lis", "person:marek wrobel"} <= held, roles_held(doc)


def test_persons_listed_under_a_heading_of_a_councils_composition_are_its_councillors_or_its_officers():
    doc = read("Kutno w latach 1918-1939\n\nSkład Rady Miejskiej z 1920 r.\n\n1. Wrona Jan, prezes, 2. Gajda Karol, "
               "sekretarz, 3. Sowa Piotr, 4. Kruk Stefan.\n\nTereny wokół wsi weszły w skład Rady Miejskiej.")
    held = {(p, r) for p, r, o in roles_held(doc) if o.startswith("organisation:rada miejska")}
    assert {("person:jan wrona", "prezes"), ("person:karol gajda", "sekretarz"), ("person:piotr sowa", "radny"),
            ("person:stefan kruk", "radny")} <= held, roles_held(doc)
    doc = read("Wieś Lipno weszła w skład Gminy Kutno.\n\n1. Wrona Jan, 2. Gajda Karol.")
    assert not roles_held(doc), roles_held(doc)


def test_a_town_office_held_by_a_traditional_polish_given_name_is_of_the_texts_own_town():
    doc = read("Burmistrzowie Kutna\n\n1. Ludwik Wrona Burmistrz 1873-1877\n2. Klemens Gajda Burmistrz 1877-1884")
    assert {("person:ludwik wrona", "burmistrz", "place:kutno"), ("person:klemens gajda", "burmistrz", "place:kutno")} \
        <= roles_held(doc), roles_held(doc)


def test_an_office_in_the_plural_before_a_colon_goes_to_each_holder_with_the_town_named_before_him():
    doc = read("Kutno leży w centrum Polski. Wieczorem odbyło się spotkanie z udziałem Burmistrzów: Łowicza Bogusławy "
               "Jagodzińskiej, Kutna Piotra Lisa oraz Gostynina Krzysztofa Jacka Wrony.")
    assert {("person:boguslawa jagodzinska", "burmistrz", "place:lowicz"), ("person:piotr lis", "burmistrz", "place:kutno"),
            ("person:krzysztof jacek wrona", "burmistrz", "place:gostynin")} <= roles_held(doc), roles_held(doc)


def test_towns_named_in_turn_after_a_sentence_about_cooperation_with_towns_are_its_partners():
    doc = read("Kutno leży w centrum Polski. W 2022 roku Kutno współpracowało z 12. miastami z różnych stron świata. To "
               "Haldenbrück w Niemczech, Green Bay w USA, Sabinov na Słowacji i Gmina Ebersried w Austrii.")
    assert {frozenset(("place:kutno", "place:haldenbruck")), frozenset(("place:kutno", "place:sabinov"))} <= twinned(doc), \
        twinned(doc)
    assert "place:haldenbruck" in {e._.entity for e in doc.ents}


def test_a_list_of_partner_towns_goes_on_past_words_the_rules_did_not_read():
    doc = read("Kutno leży w centrum Polski. Obecnie samorząd współpracuje z niemieckimi Ebersried Hall i Quedlinburgiem, "
               "czeską Libavą oraz Kowlem.")
    assert {frozenset(("place:kutno", "place:libava")), frozenset(("place:kutno", "place:kowel"))} <= twinned(doc), \
        twinned(doc)


def test_a_country_named_before_a_mayor_is_where_a_delegation_came_from_not_whose_mayor():
    doc = read("Kutno leży w centrum Polski. W Kutnie gościła delegacja z Włoch. Delegacja z Włoch spotkała się z "
               "burmistrzem Pawłem Wroną i radnymi.")
    assert ("person:pawel wrona", "burmistrz", "place:kutno") in roles_held(doc), roles_held(doc)


# --- session 26 (batches bk to bn) ---------------------------------------------------------------------------


def test_an_office_noun_whose_genitive_is_its_plural_goes_to_each_name_after_it_written_in_the_nominative():
    doc = read("Kutno leży w centrum Polski. W Kutnie przebywała delegacja Łowicza w składzie: zastępcy burmistrza "
               "Jan Wrona i Piotr Gajda, sekretarz Miasta Anna Lis.")
    assert {("person:jan wrona", "wiceburmistrz", "place:lowicz"), ("person:piotr gajda", "wiceburmistrz", "place:lowicz")} \
        <= roles_held(doc), roles_held(doc)
    doc = read("Kutno leży w centrum Polski. Na spotkaniu z udziałem zastępcy burmistrza Łowicza Jana Wrony i Piotra "
               "Gajdy omówiono plany.")
    assert {(p, r) for p, r, o in roles_held(doc)} == {("person:jan wrona", "wiceburmistrz")}, roles_held(doc)


def test_the_mayors_of_both_towns_hold_the_offices_of_the_two_towns_named_together_before():
    doc = read("Kutno leży w centrum Polski. O nawiązaniu współpracy między Kutnem a Sarnico poinformowano wojewodę. "
               "Porozumienie podpisali w 1987 roku ówcześni burmistrzowie obu miast: Jan Wrona i Mario Bertolli.")
    assert {("person:jan wrona", "burmistrz", "place:kutno"), ("person:mario bertolli", "burmistrz", "place:sarnico")} \
        <= roles_held(doc), roles_held(doc)


def test_towns_listed_right_after_a_word_of_partnership_are_partners_of_the_texts_own_town():
    for told in ("Odbyła się akademia z okazji X-lecia Partnerstwa z Sabinovem i Sarnico.",
                 "W spotkaniu wzięli udział przedstawiciele miast partnerskich – Sabinova i Zwolle.",
                 "Wizytę złożyli przedstawiciele miast partnerskich Sabinova i Zwolle."):
        doc = read("Kutno leży w centrum Polski. Burmistrz Kutna zaprosił gości do Kutna. " + told)
        pairs = twinned(doc)
        assert pairs and all("place:kutno" in pair for pair in pairs), (told, pairs)
        assert len(pairs) == 2, (told, pairs)


def test_a_twinning_told_by_the_verbal_noun_of_zblizniaczyc():
    doc = read("Kutno leży w centrum Polski. W 2018 r. minęła rocznica podpisania aktu zbliźniaczenia Kutna i Gminy "
               "Sarnico we Włoszech.")
    assert any("place:kutno" in pair and any("sarnico" in side for side in pair) for pair in twinned(doc)), twinned(doc)


def test_the_twinning_of_towns_unnamed_in_its_part_of_the_sentence_pairs_no_town_named_in_another():
    doc = read("Kutno leży w centrum Polski. Burmistrz Kutna zaprosił gości do Kutna. Jeszcze przed podpisaniem "
               "dokumentu o zbliźniaczeniu miast, odbyły się koncerty orkiestry z Żychlina w Sarnico.")
    assert not any("place:zychlin" in pair for pair in twinned(doc)), twinned(doc)


def test_an_officer_named_with_z_after_a_body_heads_that_body():
    doc = read("Gospodarzem był Klub Miłośników Kutna w Łowiczu z prezesem Adamem Wroną na czele. Współorganizatorem "
               "był Związek Strzelecki w Łowiczu z jego prezesem Piotrem Gajdą na czele.")
    assert {("person:adam wrona", "prezes", "organisation:klub milosnikow kutna"),
            ("person:piotr gajda", "prezes", "organisation:zwiazek strzelecki")} <= roles_held(doc), roles_held(doc)


def test_a_surname_in_ia_unknown_to_sgjp_after_a_mans_given_name_in_the_genitive():
    doc = read("Obecni byli przedstawiciele Konsulatu Generalnego RP w Chicago w osobach Kazimierza Wastylii, Konsula "
               "Generalnego, i Adama Lisa.")
    assert "person:kazimierz wastylia" in {e._.entity for e in doc.ents}, [(e.text, e._.entity) for e in doc.ents]


def test_an_undeclined_foreign_gminas_name_after_its_noun_is_a_place_not_a_person():
    doc = read("Tytuł otrzymał Panu Janowi Wronie - Staroście partnerskiej gminy Zelena Hora w Czechach.")
    assert "place:zelena hora" in {e._.entity for e in doc.ents}, [(e.text, e._.entity) for e in doc.ents]
    assert ("person:jan wrona", "starosta", "place:zelena hora") in roles_held(doc), roles_held(doc)


def test_a_foreign_given_name_in_the_genitive_before_a_surname_sgjp_knows_only_in_the_genitive():
    doc = read("Delegacja przebywała na zaproszenie burmistrza miasta Ruedigera Zimmermanna z wizytą w Niemczech.")
    assert "person:ruediger zimmermann" in {e._.entity for e in doc.ents}, [(e.text, e._.entity) for e in doc.ents]


def test_a_councils_dated_resolution_is_an_event_an_undated_one_none():
    doc = read("Rada Miejska w Kutnie podjęła 12 maja 1987 r. uchwałę o współpracy z miastem Sarnico.")
    assert [("1987-05-12", "Resolution")] == [(e.date, e.type) for e in doc._.events], doc._.events
    doc = read("W 1987 r. burmistrz Kutna Jan Wrona podpisał umowę z Sarnico. Na mocy tej uchwały powstało Towarzystwo.")
    assert "Resolution" not in {e.type for e in doc._.events}, doc._.events


def test_a_dated_partnership_agreement_naming_no_side_is_the_texts_own_towns():
    doc = read("Kutno leży w centrum Polski. W 1987 roku burmistrz Kutna odwiedził Sarnico we Włoszech. Oficjalną "
               "umowę o partnerstwie podpisano dwa lata później, 30 czerwca 1989 roku.")
    signing = [e for e in doc._.events if e.date == "1989-06-30"]
    assert signing and "place:kutno" in signing[0].participants, doc._.events
    doc = read("Kutno leży w centrum Polski. W 1987 roku burmistrz Kutna odwiedził Sarnico we Włoszech. Umowę o "
               "dostawie węgla podpisano 30 czerwca 1989 roku.")
    assert not [e for e in doc._.events if e.date == "1989-06-30"], doc._.events


def test_a_town_right_after_a_verb_of_visiting_is_where_the_visit_was_whatever_noun_names_the_visit():
    doc = read("W dniach 4–8 lipca 2019 roku delegacje miast partnerskich odwiedziły Kutno.")
    assert [("2019-07-04", "place:kutno")] == [(e.date, loc) for e in doc._.events for loc in e.locations], doc._.events


def test_a_region_is_twinned_with_a_region_or_voivodeship_never_with_a_town():
    doc = read("Kutno leży w centrum Polski. Kutno utrzymuje partnerskie kontakty z Sarnico i z Turyngią.")
    assert twinned(doc) == {frozenset(("place:kutno", "place:sarnico"))}, twinned(doc)
    doc = read("Kutno leży w centrum Polski. W 1995 r. województwo łódzkie podpisało umowę partnerską z Turyngią.")
    assert twinned(doc) == {frozenset(("place:turyngia", "organisation:wojewodztwo lodzkie"))}, twinned(doc)


def test_a_town_signing_an_agreement_of_cooperation_with_another_is_its_partner():
    doc = read("Kutno leży w centrum Polski. W 2001 roku gmina Kutno podpisała z Samorządem Rejonu Trockiego (Republika "
               "Litewska) porozumienie o wzajemnej współpracy.")
    assert twinned(doc) == {frozenset(("place:kutno", "organisation:rejon trocki"))}, twinned(doc)



def test_a_country_in_brackets_after_an_organisation_is_a_place_of_its_own_not_an_alias():
    doc = read("Gmina Kutno podjęła współpracę z Gminą Hrustin (Słowacja) w 1998 roku. Powiat Ebersried (Niemcy) jest "
               "partnerem od 2001 r.")
    assert {"place:slowacja", "place:niemcy"} <= {e._.entity for e in doc.ents}, [(e.text, e._.entity) for e in doc.ents]


def test_a_czech_kraj_or_an_okreg_named_by_its_adjective_is_a_unit_countries_in_the_plural_are_not():
    doc = read("Dvůr Kutnowski to miasto w Republice Czeskiej, w kraju hradeckim. Rejon leży w okręgu kowieńskim.")
    assert {"organisation:kraj hradecki", "organisation:okreg kowienski"} <= {e._.entity for e in doc.ents}, \
        [(e.text, e._.entity) for e in doc.ents]
    doc = read("Kutno współpracuje z krajami bałtyckimi i z krajem niemieckojęzycznym.")
    assert not [e for e in doc.ents if e._.entity.startswith("organisation:kraj")], [(e.text, e._.entity) for e in doc.ents]


def test_a_member_of_parliament_is_no_officer_of_the_town_the_line_before_names():
    doc = read("Gości powitał Sekretarz Gminy Kutno Jan Wrona. W obchodach udział wzięli Parlamentarzyści: Posłanki "
               "Anna Lis oraz Poseł Piotr Gajda.")
    assert not [r for r in roles_held(doc) if r[1] == "poseł"], roles_held(doc)


def test_the_hetman_of_a_czech_kraj_and_a_czech_given_name_that_ends_the_krajs_name():
    doc = read("W Kutnie rozmawiali we czwartek marszałek Województwa Łódzkiego Jan Wrona i hetman Kraju "
               "Pardubickiego Tomáš Kruk.")
    assert ("person:tomas kruk", "hetman", "organisation:kraj pardubicki") in roles_held(doc), roles_held(doc)


def test_a_partner_named_after_z_with_the_word_of_partnership_is_the_texts_own_towns_not_a_town_told_after():
    doc = read("Kutno leży w centrum Polski. Wójt gminy Kutno pojechał do Serbii. Chciał odnowić stosunki partnerskie z "
               "gminą Bela Palanka. Obraz namalował artysta, który mieszka w Łodzi.")
    pairs = twinned(doc)
    assert pairs and all("place:kutno" in pair and "place:lodz" not in pair for pair in pairs), pairs


def test_a_name_after_a_towns_noun_is_the_towns_unless_an_office_or_a_body_stands_before_the_noun():
    doc = read("Kutno leży w centrum Polski. Odnowiono stosunki partnerskie z gminą Beli Monastira. Gości przyjął "
               "dyrektor w Urzędzie Gminy Marcin Wrona.")
    kinds = {e.text: e._.entity.split(":")[0] for e in doc.ents}
    assert kinds.get("Marcin Wrona") == "person" and "person" not in {kinds.get(t) for t in kinds if t.startswith("Beli")}, kinds


def test_a_document_dated_before_r_and_a_capital_opens_the_sentence_it_is_in():
    doc = read("Uchwałą nr XXI/148/1987 z dnia 9 czerwca 1987 r. Rada Powiatu Kutnowskiego zatwierdziła umowę.")
    assert len(list(doc.sents)) == 1, [s.text for s in doc.sents]
    assert ("1987-06-09", "Resolution") in {(e.date, e.type) for e in doc._.events}, doc._.events
    doc = read("Umowę podpisano w 1987 r. Rada Powiatu ją zatwierdziła.")
    assert len(list(doc.sents)) == 2, [s.text for s in doc.sents]


def test_an_english_noun_ending_a_foreign_towns_name_is_part_of_it_and_miasteczko_is_a_towns_noun():
    doc = read("Umowę podpisali Edward Wilk, burmistrz miasteczka Glenwood Park i Jan Nowak, burmistrz Kutna.")
    assert {("person:edward wilk", "burmistrz", "place:glenwood park"), ("person:jan nowak", "burmistrz", "place:kutno")} \
        <= roles_held(doc), roles_held(doc)


def test_a_towns_head_is_never_a_regions_a_voivode_or_marshal_may_be():
    doc = read("Kutno leży w centrum Polski. W obecności gości oraz rządu Landu Brandenburgii medal otrzymał burmistrz "
               "Piotr Wrona.")
    assert not [r for r in roles_held(doc) if r[2] == "place:brandenburgia"], roles_held(doc)
    doc = read("W Kutnie rozmawiali marszałek Dolnego Śląska Paweł Lis i wojewoda Dolnego Śląska Jan Sowa.")
    assert {("person:pawel lis", "marszałek"), ("person:jan sowa", "wojewoda")} <= {(p, r) for p, r, o in roles_held(doc)}, \
        roles_held(doc)


# --- session 28: an instrumental apposition, ranges of a bare day, exchanges and partnerships begun ----------

def test_an_office_in_the_instrumental_after_a_name_in_the_instrumental_is_that_persons():
    doc = read("W Kutnie starosta Jan Wrona rozmawiał z Giorgim Abaszydze, Burmistrzem Gminy Kwareli.")
    assert ("person:giorgim abaszydze", "burmistrz", "organisation:gmina kwareli") in roles_held(doc) or \
        ("person:giorgi abaszydze", "burmistrz", "organisation:gmina kwareli") in roles_held(doc), roles_held(doc)
    doc = read("W Kutnie rozmawiał z Pawłem Sową, burmistrzem Lipnika, i z Anną Lis, radnymi Rady Miasta Kutna.")
    assert ("person:pawel sowa", "burmistrz", "place:lipnik") in roles_held(doc), roles_held(doc)
    assert not [r for r in roles_held(doc) if r[0] == "person:anna lis"], "a plural office is no apposition to one person"
    doc = read("Gości przyjęli z Pawłem Sową, zastępcą dyrektora Zespołu Szkół – Anną Lis.")
    assert not [r for r in roles_held(doc) if r[0] == "person:pawel sowa"], "the office of the holder after it"
    doc = read("Prezesem klubu był Paweł Sowa, sekretarzem Anna Lis.")
    assert not [r for r in roles_held(doc) if r[0] == "person:pawel sowa" and r[1] == "sekretarz"], roles_held(doc)


def test_a_range_that_opens_with_a_bare_day_before_a_full_numeric_date_begins_on_that_day():
    assert dates("W dniach 14. – 18.10.2013 r. gościliśmy grupę z Kutna.") == ["2013-10-14"]
    assert dates("Od 3 do 8.05.2013 r. byliśmy w Kutnie.") == ["2013-05-03"]
    assert dates("Punkt 23 - 18.10.2013 r. goście przyjechali do Kutna.") == ["2013-10-18"], "no range ends before it starts"


def test_an_exchange_of_people_is_an_event_an_exchange_of_ideas_is_not():
    doc = read("W maju 2013 r. w Kutnie odbyła się wymiana młodzieży z Lipnikiem.")
    assert [e.date for e in doc._.events] == ["2013-05"], doc._.events
    doc = read("W maju 2013 r. rozmawiano w Kutnie o wymianie doświadczeń z Lipnikiem.")
    assert not [e for e in doc._.events if e.trigger.lower().startswith("wymian")], doc._.events  # talks, no exchange
    doc = read("Wspierała nas Polsko-Czeska Wymiana Młodzieży z Kutna.")
    assert "Polsko-Czeska Wymiana Młodzieży" in entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_a_partnership_begun_is_an_event_dated_by_its_own_clause():
    doc = read("Współpraca między Gminą Kutno a Gminą Lipnik została zainicjowana w 2013 roku.")
    assert [(e.date, e.type) for e in doc._.events] == [("2013", "Partnership")], doc._.events
    doc = read("W 2013 r. wójt Kutna wyraził chęć nawiązania współpracy z Lipnikiem. Nawiązanie współpracy trwało.")
    assert "Partnership" not in {e.type for e in doc._.events[1:]}, doc._.events


def test_a_parish_named_in_lower_case_by_its_dedication_and_its_town_and_its_priests():
    doc = read("W 2013 r. w parafii Matki Bożej Różańcowej w Kutnie posługę sprawowali – ks. Adam Kot, proboszcz; "
               "wikariusze – ks. Jan Lis, ks. Piotr Wrona i ks. Marek Sowa (proboszcz od 2010 roku).")
    parish = "organisation:parafia matki bozej rozancowej w kutnie"
    held = roles_held(doc)
    assert {("person:adam kot", "proboszcz", parish), ("person:jan lis", "wikariusz", parish),
            ("person:piotr wrona", "wikariusz", parish), ("person:marek sowa", "proboszcz", parish)} <= held, held
    assert ("person:marek sowa", "wikariusz", parish) not in held, "an office of his own in brackets"
    assert "parafia św. Anny w Lipniku" in entity_names(read("Od 2013 r. chór działa przy parafii św. Anny w Lipniku."),
                                                        "organisation")


def test_an_office_in_brackets_after_a_name_is_of_the_body_named_before_the_brackets():
    doc = read("W 2013 r. wybrano zarząd Towarzystwa Śpiewaczego „Lutnia” w Kutnie w składzie: Karol Wirth "
               "(prezes towarzystwa), Adam Lis (skarbnik), Jan Sowa (sekretarz).")
    body = "organisation:towarzystwo spiewacze lutnia"
    assert {("person:adam lis", "skarbnik", body), ("person:jan sowa", "sekretarz", body)} <= roles_held(doc), roles_held(doc)


def test_an_entry_that_defines_a_name_as_a_town_names_a_place_in_the_country_after_it():
    doc = read("Kwareli – miasto we wschodniej Gruzji, położone w dolinie rzeki.")
    assert "Kwareli" in entity_names(doc, "place"), entity_names(doc, "place")
    assert ("place:kwareli", "containedInPlace", "place:gruzja") in {(r.subject, r.predicate, r.object)
                                                                   for r in doc._.relations}, doc._.relations
    assert "Jadwiga" not in entity_names(read("Jadwiga – miasto ją urzekło."), "place"), "a given name opens a sentence"


def test_a_former_office_in_brackets_is_no_copula_for_the_plural_offices_after_it():
    doc = read("W 2015 r. do Kutna przyjechała delegacja z Lipnika w składzie: Anna Lis – burmistrz, Jan Kot – radny. "
               "Nie zabrakło sygnatariuszy porozumienia: Adama Nowickiego (byłego starosty) i Józefa Kowalskiego (były "
               "przewodniczący rady) oraz byłych starostów, przewodniczących rad i radnych.")
    held = roles_held(doc)
    assert not [r for r in held if r[0] == "person:jozef kowalski"], "the plural offices after oraz are others'"
    assert [r[1] for r in held if r[0] == "person:adam nowicki"] == ["starosta"], held


def test_a_starosta_with_a_polish_name_tied_to_no_county_is_of_the_texts_own_county():
    doc = read("Powiat lipnicki od lat współpracuje z powiatem Celle w Niemczech. W 2013 r. w Lipniku starosta Adam Nowicki "
               "przyjął gości z Niemiec. Goście zwiedzili Lipnik.")
    assert ("person:adam nowicki", "starosta", "organisation:powiat lipnicki") in roles_held(doc), roles_held(doc)


def test_a_verb_in_the_first_person_past_is_read_with_its_ending():
    doc = read("W dniu 6 maja 2013 r. gościliśmy w Kutnie delegację z Lipnika.")
    assert [(e.date, e.type) for e in doc._.events] == [("2013-05-06", "Visit")], doc._.events
    assert "podpisać" in lemma_set(read("Podpisałem ją w Kutnie.")[0])


def test_a_deputy_of_an_office_the_scheme_has_no_deputy_for_does_not_hold_that_office():
    held = roles_held(read("W 2013 r. gościem w Kutnie był zastępca ambasadora Republiki Czeskiej Pavel Novotný."))
    assert not [r for r in held if r[1] == "ambasador"], held
    held = roles_held(read("W 2013 r. w Kutnie był zastępca burmistrza Lipnika Jan Lis."))
    assert ("person:jan lis", "wiceburmistrz", "place:lipnik") in held, held


def test_a_marshal_with_a_polish_name_tied_to_no_region_is_of_the_texts_one_voivodeship():
    doc = read("Województwo lubuskie od lat wspiera szkoły. W 2013 r. w Lipniku marszałek Adam Nowicki otworzył nową szkołę. "
               "Uczniowie zwiedzili potem Lipnik.")
    assert ("person:adam nowicki", "marszałek", "organisation:wojewodztwo lubuskie") in roles_held(doc), roles_held(doc)


def test_a_country_is_no_side_of_an_agreement_the_texts_own_partnership_is():
    doc = read("Kutno leży w Polsce. Kutno współpracuje z miastem Lipnik. Oficjalną umowę o partnerstwie z Francją podpisano "
               "30 czerwca 2001 roku.")
    signing = [e for e in doc._.events if e.type == "Signing"]
    assert signing and all("place:francja" not in e.participants + e.locations for e in signing), doc._.events
    assert any("place:kutno" in e.participants for e in signing), doc._.events


def test_a_given_name_alone_is_the_one_person_of_that_given_name():
    doc = read("Ks. dr Marian Wroński przyjechał w 2019 roku do Lipna. Parafianie dziękowali ks. Marianowi za rekolekcje, "
               "a ks. Marian obiecał wrócić.")
    assert entity_names(doc, "person") == {"Marian Wroński"}, entity_names(doc, "person")
    doc = read("W 2019 roku Marian Wroński i Mariana Lis przyjechali do Lipna. Ks. Marian odprawił mszę.")
    assert len(entity_names(doc, "person")) == 3, entity_names(doc, "person")  # two bearers: "Marian" is neither


def test_a_foreign_holder_after_an_office_and_its_body_is_a_person_not_more_of_the_body():
    doc = read("W 2016 roku do Lipna przyjechali Burmistrz Gminy Tbilno Giorgi Beridze oraz Naczelnik Wydziału Kultury "
               "Nodar Kapanadze.")
    assert ("person:nodar kapanadze", "naczelnik", "organisation:wydzial kultury") in roles_held(doc), roles_held(doc)
    doc = read("W 2016 roku w Lipnie byli: Hans Körner – przewodniczący Parku Krajobrazowego Hohe Wälder, "
               "Anna Lis – wójt Lipna.")
    assert "Park Krajobrazowy Hohe Wälder" in entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_a_compound_adjective_with_a_spaced_dash_is_one_word_but_not_after_a_name_or_a_town():
    doc = read("W 2012 roku w Lipnie był marszałek województwa kujawsko - pomorskiego Adam Wrona.")
    assert ("person:adam wrona", "marszałek", "organisation:wojewodztwo kujawsko-pomorskie") in roles_held(doc), \
        roles_held(doc)
    doc = read("W 2012 roku w Lipnie byli: Olena Kowalenko - Przewodnicząca Rady Rejonu, Olecko - Polska.")
    assert not [t.text for t in doc if " " in t.text], [t.text for t in doc]
    assert "Olena Kowalenko" in entity_names(doc, "person"), entity_names(doc, "person")


def test_a_teacher_is_an_office_of_the_school_and_feminine_labels_of_offices_are_in_the_scheme():
    doc = read("W 2015 roku do Lipna przyjechała grupa uczniów z Gimnazjum nr 2 w Tbilno z nauczycielką Anną Wroną.")
    assert ("person:anna wrona", "nauczyciel", "organisation:gimnazjum nr 2") in roles_held(doc), roles_held(doc)
    from extract.lexicon import lexicon
    roles = lexicon().roles
    assert roles["konsul generalna"].label == "konsul generalny" and roles["starostka"].label == "starosta"


def test_councillors_listed_in_a_delegation_are_of_the_delegations_unit_not_of_the_town_it_went_to():
    doc = read("W 2014 roku do Tbilna pojechała delegacja Gminy Lipno, którą tworzyli: wójt Jan Lis z Małżonką, "
               "radni: Adam Wrona, Piotr Sowa, Ewa Kos, kapelmistrz Anna Sroka.")
    held = roles_held(doc)
    assert {p for p, r, o in held if r == "radny" and o == "organisation:gmina lipno"} == \
        {"person:adam wrona", "person:piotr sowa", "person:ewa kos"}, held


def test_a_holder_in_the_instrumental_after_a_foreign_council_is_a_person():
    doc = read("W 2019 roku konsul rozmawiała w Lipnie z przewodniczącym Lwowskiej Rady Obwodowej Ołeksijem Hajdukiem.")
    assert ("person:oleksij hajduk", "przewodniczący", "organisation:lwowska rada obwodowa") in roles_held(doc), \
        roles_held(doc)


def test_titles_of_address_and_a_religious_orders_letters_are_no_part_of_a_name():
    doc = read("Spotkanie z Jego Ekscelencją, Ambasadorem Kanady, Panem Grahamem Whitfieldem\n\n"
               "W dniu 5 maja 2025 r. nagrodę odebrał w Lipnie ks. Marian Wroński SJ.")
    assert entity_names(doc, "person") == {"Graham Whitfield", "Marian Wroński"}, entity_names(doc, "person")


def test_two_patrons_joined_by_i_are_one_schools_patron():
    doc = read("W 2009 roku uczniowie Gimnazjum im. A. Kowala i P. Lisa w Lipnie odwiedzili Liceum im. Jana Pawła II "
               "i Gimnazjum nr 2 w Tbilnie.")
    assert {"Gimnazjum im. A. Kowala i P. Lisa w Lipnie", "Liceum im. Jana Pawła II", "Gimnazjum nr 2 w Tbilnie"} <= \
        {a for e in doc._.entities.values() if e.kind == "organisation" for a in e.aliases | {e.name}}, doc._.entities


def test_a_towns_adjective_sgjp_knows_only_as_a_surname_opens_a_bodys_name_and_bandmasters_lead_bands():
    doc = read("W 2015 roku w Lipnie koncertowała Dobiecka Orkiestra Dęta, a członkowie Dobieckiej Orkiestry Dętej "
               "zwiedzili miasto z kapelmistrzem Janem Lisem.")
    assert "Dobiecka Orkiestra Dęta" in entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert ("person:jan lis", "kapelmistrz", "organisation:dobiecka orkiestra deta") in roles_held(doc), roles_held(doc)


def test_holders_after_a_town_and_gmina_and_a_name_written_surname_first_are_persons():
    doc = read("W 2020 roku Burmistrz Miasta i Gminy Lipno Jarosław Wróbelek wraz z burmistrzem Gminy Tbilno "
               "Bódisem Imrem podpisali list.")
    held = roles_held(doc)
    assert ("person:jaroslaw wrobelek", "burmistrz", "organisation:gmina lipno") in held, held
    assert any(p.endswith(" imre") and r == "burmistrz" and o == "organisation:gmina tbilno" for p, r, o in held), held


def test_two_partnerships_each_with_z_are_the_home_towns_not_a_pair_of_the_partners():
    doc = read("W 2022 roku w Lipnie świętowaliśmy jubileusze partnerstwa gminy Lipno i zaprzyjaźnionych samorządów. "
               "Było to 20-lecie partnerstwa z Miastem Tbilno oraz 15-lecie partnerstwa z Wolbinem.")
    pairs = twinned(doc)
    assert frozenset(("place:tbilno", "place:wolbin")) not in pairs, pairs
    assert {frozenset(("place:lipno", "place:tbilno")), frozenset(("place:lipno", "place:wolbin"))} <= pairs, pairs


def test_a_polish_body_abroad_is_named_with_its_country_a_units_council_is_not():
    doc = read("W 2015 roku do Lipna przyjechali członkowie Stowarzyszenia Polaków na Łotwie, Rady Rejonu Tbilnickiego "
               "na Ukrainie i Chóru Skowronki na Litwie.")
    names = entity_names(doc, "organisation")
    assert {"Stowarzyszenie Polaków na Łotwie", "Rada Rejonu Tbilnickiego", "Chór Skowronki"} <= names, names
    assert {"Litwa", "Ukraina"} <= entity_names(doc, "place"), entity_names(doc, "place")


def test_a_town_of_an_adjective_and_a_noun_sgjp_knows_only_as_a_surname_is_one_place_in_every_case():
    doc = read("W 2001 roku burmistrz Dolnej Kubicy Tomáš Vrba podpisał umowę z gminą Lipnik. Festyn w Dolnej Kubicy trwał dzień.")
    assert entity_names(doc, "place") >= {"Dolna Kubica"}, entity_names(doc, "place")
    assert "Dolna" not in entity_names(doc, "place"), entity_names(doc, "place")
    assert ("person:tomas vrba", "burmistrz", "place:dolna kubica") in roles_held(doc), roles_held(doc)


def test_a_resolutions_header_on_lines_of_its_own_and_its_signature_are_read_together():
    doc = read("Uchwała Nr XII/80/19\n\nRady Gminy Lipnik\n\nz dnia 14 marca 2019 r.\n\nw sprawie współpracy z gminą Kosta\n\n"
               "Na podstawie art. 18 ust. 2 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2018 r. poz. 994) "
               "Rada Gminy uchwala, co następuje:\n\n§1 Nawiązuje się współpracę z Gminą Kosta.\n\n"
               "Przewodnicząca Rady\n\nAnna Sowa - Kępińska")
    events = {(e.type, e.date) for e in doc._.events}
    assert ("Resolution", "2019-03-14") in events, events
    assert not any(date.startswith(("1990", "2018")) for _, date in events), "a law's date is no event's"
    assert ("person:anna sowa-kepinska", "przewodniczący", "organisation:rada gminy lipnik") in roles_held(doc), roles_held(doc)
    side = read("Ludzie:\n\nJan Sowa\n\nWójt Gminy Lipnik\n\nAdam Kos\n\nRadny Powiatu Lipnickiego.")
    assert not any(p == "person:adam kos" and r == "wójt" for p, r, _ in roles_held(side)), "an office under its own name"


def test_a_term_told_in_brackets_is_no_year_the_narrative_goes_on_at():
    assert dates("Data dodania: 22.10.2023\n\nJan Kos (burmistrz w latach 1990 – 2008) przyjechał w środę, 18 października, "
                 "do Lipnika.") == ["2023-10-22", "1990", "2023-10-18"]
    assert dates("Od dziś (12 maja 2021) Kosta jest partnerem Lipnika. Wizyta trwała do 14 maja.")[-1] == "2021-05-14"


def test_councillors_of_a_delegation_are_not_of_the_town_it_went_to():
    doc = read("Delegacja złożona z burmistrza Lipnika – pana Jana Wrony, radnych: Pana Adama Sowy, Pana Piotra Kani "
               "oraz kierownika referatu przybyła do Kosty.")
    held = roles_held(doc)
    assert {("person:adam sowa", "radny", "place:lipnik"), ("person:piotr kania", "radny", "place:lipnik")} <= held, held
    assert not any(org == "place:kosty" for _, _, org in held), held


def test_ranges_of_days_written_with_a_glued_dash_or_spaced_periods_start_on_their_first_day():
    assert dates("W dniach 4- 11 czerwca 2019 r. uczniowie gościli w Lipniku.") == ["2019-06-04"]
    assert dates("W dniach 4 – 9. 12. 2016 r.  odbyło się spotkanie młodzieży.") == ["2016-12-04"]
    assert dates("W dniach 12.05.-16.05.2017r. trwała wymiana.") == ["2017-05-12"]
    assert dates("W dniach 3.-9.05.2015 gościli u nas uczniowie.") == ["2015-05-03"]
    assert dates("Wyjazdy w terminie od 2.10 do 30.11. 2015 r. odbyły się.") == ["2015-10-02"]
    assert dates("Punkty: 1. Otwarcie. 2. Wybór. 2016 rok był dobry.") == ["2016"], "list numbers are no date"


def test_a_states_acronym_after_a_bodys_name_is_part_of_the_name_not_its_alias():
    doc = read("Spotkanie zorganizował Konsulat Generalny RP w Lipsku, a konsul generalny Jan Kos powitał gości.")
    names = entity_names(doc, "organisation")
    assert any(n.startswith("Konsulat Generalny RP") for n in names), names
    assert "RP" not in {a for e in doc._.entities.values() for a in e.names}, "RP is Poland, no alias of the consulate"


def test_offices_of_forest_districts_press_offices_croatian_counties_and_directors_general():
    held = {(p, r) for p, r, _ in roles_held(read(
        "Gości przywitali nadleśniczy Nadleśnictwa Lipnik Jan Kos, rzecznik prasowy Starostwa Powiatowego w Lipniku Anna Sowa, "
        "żupan Żupanii Lipnickiej Ivan Kos oraz dyrektor generalny Urzędu Miejskiego w Lipniku Piotr Kania."))}
    assert {("person:jan kos", "nadleśniczy"), ("person:anna sowa", "rzecznik prasowy"), ("person:ivan kos", "żupan"),
            ("person:piotr kania", "dyrektor generalny")} <= held, held


def test_a_title_of_address_before_an_office_names_no_person():
    doc = read("Miasto uhonorowało Pana Piotra Grabca, Burmistrza Miasta Lipnika, medalem. Doceniono zaangażowanie "
               "Pana Burmistrza w rozwój partnerstwa.")
    assert entity_names(doc, "person") == {"Piotr Grabiec"}, entity_names(doc, "person")
    assert ("person:piotr grabiec", "burmistrz", "place:lipnik") in roles_held(doc), roles_held(doc)


def test_a_baltic_name_in_s_keeps_it_in_the_genitive():
    doc = read("Przyjęto delegację z Kowna z udziałem mera Andriusa Kavaliauskasa i radnego Jonasa Petrauskasa.")
    assert {"Andrius Kavaliauskas", "Jonas Petrauskas"} <= entity_names(doc, "person"), entity_names(doc, "person")


def test_a_foreign_town_between_an_office_in_the_instrumental_and_its_holder_is_no_part_of_the_name():
    doc = read("Wójt Lipnika Jan Kos spotkał się z merem Varnik Jurgisem Mockusem w Varnikach.")
    assert "Jurgis Mockus" in entity_names(doc, "person"), entity_names(doc, "person")
    assert any(p == "person:jurgis mockus" and r == "mer" for p, r, _ in roles_held(doc)), roles_held(doc)


def test_a_gmina_named_after_ze_strony_is_the_side_of_the_office_after_it():
    doc = read("Delegacja Gminy Wolsdorf gościła w Tarnowie. W 2004 roku Tarnowo zawarło umowy partnerskie z miastami "
               "Wolsdorf i Kirchau. Umowę podpisał burmistrz Tarnowa Adam Kruk, ze strony Wolsdorf Burmistrz - Heinz "
               "Keller, a ze strony Kirchau Burmistrz - Uwe Brandt.")
    held = roles_held(doc)
    assert ("person:heinz keller", "burmistrz", "organisation:gmina wolsdorf") in held, held
    assert ("person:uwe brandt", "burmistrz", "place:kirchau") in held, held


def test_an_office_and_dash_the_model_reads_into_a_name_are_no_part_of_it():
    doc = read("Akt podpisali ze strony Lipnika Burmistrz - Zenon Kowal, ze strony Halden akt podpisali Burmistrz - "
               "Beke Rüsterer oraz jego zastępca - Ingo Beltz.")
    assert "Beke Rüsterer" in entity_names(doc, "person"), entity_names(doc, "person")
    assert ("person:beke rusterer", "burmistrz", "place:halden") in roles_held(doc), roles_held(doc)


def test_a_dash_before_an_office_followed_by_a_dash_and_a_name_opens_a_list_of_officers():
    doc = read("Gości przywitali gospodarze tegorocznego Festiwalu – Burmistrz Miasta i Gminy Lipnik – Jan Kowal i "
               "Przewodniczący Rady Miejskiej – Adam Sowa.")
    assert ("person:jan kowal", "burmistrz", "organisation:gmina lipnik") in roles_held(doc), roles_held(doc)


def test_a_given_name_after_a_body_whose_adjective_is_in_the_genitive_begins_its_holder():
    doc = read("Na spotkanie przybyli wicestarosta Adam Wrona, dyrektor Gminnego Centrum Pomocy Rodzinie Ewa Lis oraz "
               "radny Jan Sowa.")
    assert ("person:ewa lis", "dyrektor", "organisation:gminne centrum pomocy rodzinie") in roles_held(doc), roles_held(doc)


def test_a_foreign_office_glossed_in_polish_in_brackets_is_one_office():
    doc = read("Na uroczystość przybyli Primator (Burmistrz) Miasta Hradek Jiří Novák oraz jego zastępca Petr Malý.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert ("person:jiri novak", "burmistrz") in held and ("person:petr maly", "wiceburmistrz") in held, held


def test_an_associations_own_name_in_the_nominative_after_it_is_part_of_its_name():
    doc = read("W obradach wziął udział Józef Nowak – Prezes Zarządu Stowarzyszenia Euroregion Nadodrze.")
    assert entity_names(doc, "organisation") == {"Zarząd Stowarzyszenia Euroregion Nadodrze"}, \
        entity_names(doc, "organisation")
    doc = read("W 2015 roku Stowarzyszenie Euroregion Nadodrze reprezentował prezes Jan Lis.")
    assert entity_names(doc, "organisation") == {"Stowarzyszenie Euroregion Nadodrze"}, entity_names(doc, "organisation")


def test_honorary_citizens_after_a_date_and_a_verb_each_from_a_country():
    doc = read("Prestiżowy tytuł Honorowego Obywatela Miasta Lipno w 1995 r. otrzymali: Hans Weber i Karl Braun z Niemiec "
               "oraz Jan Sowa.")
    held = {(p, r, o) for p, r, o in roles_held(doc)}
    assert {(f"person:{p}", "honorowy obywatel", "place:lipno") for p in ("hans weber", "karl braun", "jan sowa")} <= held, held


def test_a_town_with_a_regions_adjective_named_only_in_the_genitive():
    doc = read("Goście z Tomaszowa Mazowieckiego zwiedzili muzeum.")
    assert entity_names(doc, "place") == {"Tomaszów Mazowiecki"}, entity_names(doc, "place")


def test_a_given_name_and_surname_in_the_offices_dative_are_its_holder_not_its_town():
    doc = read("Podczas sesji gość wręczył burmistrzowi Marcinowi Jankowskiemu Złotą Odznakę.")
    assert entity_names(doc, "person") == {"Marcin Jankowski"}, entity_names(doc, "person")
    assert entity_names(doc, "place") == set(), entity_names(doc, "place")


def test_two_offices_joined_before_one_name_are_both_its_holders():
    doc = read("W 2019 roku w spotkaniu udział wzięli Starosta Lipnicki i Prezes Towarzystwa Miłośników Lipna Jan Kowal, "
               "Wójt Gminy Borki i Członek Zarządu Towarzystwa Adam Nowak.")
    held = roles_held(doc)
    assert ("person:jan kowal", "starosta", "organisation:powiat lipnicki") in held, held
    assert ("person:adam nowak", "wójt", "organisation:gmina borki") in held, held
    assert ("person:jan kowal", "wójt", "organisation:gmina borki") not in held, held
    held = {(p, r) for p, r, _ in roles_held(read(
        "W 2010 roku w obecności Pani Anny Lis, Wiceburmistrz Borek oraz Burmistrza Lipna Jana Kowala podpisano umowę."))}
    assert ("person:anna lis", "wiceburmistrz") in held and ("person:jana kowala", "wiceburmistrz") not in held, held


def test_a_foreign_holder_after_a_region_named_by_its_adjective_is_no_part_of_its_name():
    doc = read("W 2016 roku w obecności Hetmana Zlińskiego Kraju Jiřího Nováka i Starosty Lipnickiego Adama Nowaka "
               "podpisano umowy.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert ("person:adam nowak", "hetman") not in held, held
    assert not any("Nov" in name for name in entity_names(doc, "organisation") | entity_names(doc, "place")), \
        entity_names(doc, "organisation")


def test_a_protocols_block_wrapped_at_a_fixed_width_and_indented_is_one_sentence():
    doc = read("W 2012 roku w sesji udział wzięli: Pan Adam Lis – Wójt Gminy Borki, Pani Ewa Sowa –\n"
               "                  Dyrektor Szkoły Podstawowej w Borkach, Pani Anna Wrona – Dyrektor\n"
               "                  Przedszkola w Borkach oraz radni.")
    held = roles_held(doc)
    assert ("person:ewa sowa", "dyrektor", "organisation:szkola podstawowa") in held, held
    assert ("person:anna wrona", "dyrektor", "organisation:przedszkole w borkach") in held, held
    assert len(list(doc.sents)) == 1


def test_a_dateline_glued_to_the_next_word_and_a_heading_glued_to_a_day():
    assert dates("Kronika gminy\n5 maja 2016W składzie delegacji byli radni.") == ["2016-05-05"]
    assert dates("Wyjazd do Austrii12 czerwca 2009 r. był udany.") == ["2009-06-12"]


def test_a_foreign_holder_after_a_gminas_foreign_name_is_no_part_of_it():
    doc = read("W 2019 roku w spotkaniu wzięli udział: Starosta Gminy Vrbovce Zdenká Novotková, Starosta Gminy Borová "
               "Petr Malý.")
    assert ("person:zdenka novotkova", "starosta", "organisation:gmina vrbovce") in roles_held(doc), roles_held(doc)


def test_a_region_of_several_words_is_one_place_in_any_case():
    doc = read("Delegacja z Nadrenii Północnej-Westfalii przybyła do Lipna, a w 2010 roku goście z Meklemburgii-Pomorza "
               "Przedniego.")
    places = entity_names(doc, "place")
    assert {"Nadrenia Północna-Westfalia", "Meklemburgia-Pomorze Przednie"} <= places, places
    assert not {"Nadrenia", "Westfalia", "Meklemburgia-Pomorze"} & places, places
    doc = read("W 2015 roku Klub Górny Śląsk II zaprosił gości z Dolnego Śląska.")
    assert entity_names(doc, "place") == {"Dolny Śląsk"}, entity_names(doc, "place")


def test_partners_named_in_the_sentence_after_the_towns_partner_count():
    doc = read("Aktualnie Lipno ma na Ukrainie trzy miasta partnerskie. To: Połtawa, Czerkasy i Żytomierz.")
    partners = {next(iter(pair - {"place:lipno"})) for pair in twinned(doc) if "place:lipno" in pair}
    assert {"place:poltawa", "place:czerkasy", "place:zytomierz"} <= partners, twinned(doc)


def test_the_rural_gmina_around_a_town_of_its_name_is_a_unit_of_its_own():
    doc = read("Na sesji byli burmistrz Lipnika Jan Kowal oraz wójt Gminy Lipnik Ewa Sowa.")
    assert ("person:jan kowal", "burmistrz", "place:lipnik") in roles_held(doc), roles_held(doc)
    assert ("person:ewa sowa", "wójt", "organisation:gmina lipnik") in roles_held(doc), roles_held(doc)
    doc = read("Z wójtem gminy Lipnik Ewą Sową rozmawiano o drogach, a w mieście Lipnik o szkołach.")
    assert ("person:ewa sowa", "wójt", "organisation:gmina lipnik") in roles_held(doc), roles_held(doc)
    assert "Lipnik" in entity_names(doc, "place"), entity_names(doc, "place")
    doc = read("Na sesji był wójt Gminy Lipnik Jan Kowal. Gmina Lipnik leży nad rzeką.")  # no town: one unit
    assert entity_names(doc, "place") == set() and entity_names(doc, "organisation") == {"Gmina Lipnik"}


def test_the_acronym_of_the_body_a_unit_belongs_to_is_part_of_its_name():
    doc = read("Gości przyjęła Komenda Powiatowa PSP w Lipniku, a zagrała Orkiestra Dęta GOK.")
    names = entity_names(doc, "organisation")
    assert {"Komenda Powiatowa PSP", "Orkiestra Dęta GOK"} <= names, names
    doc = read("Prezes Zarządu Oddziału Gminnego ZOSP RP Jan Kowal przywitał gości.")
    held = roles_held(doc)
    assert ("person:jan kowal", "prezes", "organisation:zarzad oddzialu gminnego zosp rp") in held, held
    # its own initials; a word in capitals
    doc = read("Koncert dał Gminny Ośrodek Kultury GOK w Lipniku, a potem Zespół Szkół SIĘ rozstał.")
    names = entity_names(doc, "organisation")
    assert "Gminny Ośrodek Kultury" in names and not any(n.endswith(("GOK", "SIĘ")) for n in names), names


def test_a_units_number_and_its_commander_after_a_rank():
    doc = read("Gości powitał dowódca 12 Batalionu Saperów ppłk Jan Kowal, a wartę wystawiła "
               "3 Drużyna Harcerska.")
    assert ("person:jan kowal", "dowódca", "organisation:12 batalion saperow") in roles_held(doc), roles_held(doc)
    assert "3 Drużyna Harcerska" in entity_names(doc, "organisation"), entity_names(doc, "organisation")
    doc = read("Mszę odprawił dziekan Dekanatu Lipnickiego ks. Adam Lis.")
    assert ("person:adam lis", "dziekan", "organisation:dekanat lipnicki") in roles_held(doc), roles_held(doc)


def test_a_foreign_town_sgjp_knows_only_as_a_surname_is_named_by_its_nominative_in_geonames():
    doc = read("Przyjechała delegacja z Kodymy na Ukrainie. Rok wcześniej nasi radni byli w Kodymie.")
    assert entity_names(doc, "place") >= {"Kodyma"} and not entity_names(doc, "place") & {"Kodymy", "Kodym"}, \
        entity_names(doc, "place")


def test_a_body_after_a_towns_adjective_in_lower_case_is_the_offices():
    doc = read("Gości powitał przewodniczący lipnickiego Klubu Seniora – Jan Kot, a o zbiorach mówiła kierownik "
               "borkowskiego Muzeum Regionalnego Anna Lis.")
    assert ("person:jan kot", "przewodniczący", "organisation:klub seniora") in roles_held(doc), roles_held(doc)
    assert ("person:anna lis", "kierownik", "organisation:muzeum regionalne") in roles_held(doc), roles_held(doc)
    doc = read("Przyjechał przewodniczący Państwowej Służby Celnej Ukrainy dr Adam Kot.")
    assert ("person:adam kot", "przewodniczący", "organisation:panstwowa sluzba celna ukrainy") in roles_held(doc), \
        roles_held(doc)


def test_a_deputy_named_by_the_bare_noun_after_an_office_is_that_offices_deputy():
    doc = read("Gości przyjął mer Lipnika Roman Kot, któremu towarzyszył zastępca Jan Lis.")
    assert ("person:jan lis", "wicemer", "place:lipnik") in roles_held(doc), roles_held(doc)
    doc = read("Byli burmistrz Lipnika Roman Kot i zastępca burmistrza Borku Jan Lis.")
    assert ("person:jan lis", "wiceburmistrz", "place:borek") in roles_held(doc), roles_held(doc)


def test_a_title_conferred_with_its_date_between_the_verb_and_the_name():
    doc = read("Tytuł Honorowego Obywatela Gminy Lipnik otrzymał w 2010 roku Jan Kot.")
    assert ("person:jan kot", "honorowy obywatel", "organisation:gmina lipnik", "2010") in roles_held(doc, "date"), \
        roles_held(doc, "date")


def test_a_surname_in_the_nominative_after_a_towns_office_is_no_town():
    doc = read("Partnerską Gminę Lipnik wesprze teraz nasz sprzęt - pisze wójt Gołębiewski w swoim liście.")
    assert "Gołębiewski" not in entity_names(doc, "place"), entity_names(doc, "place")


def test_a_part_of_a_continent_is_no_town_the_text_names():
    doc = read("Goście z Hasselt w Lipniku. Delegacja z Hasselt przyjechała do Lipnika. W ratuszu podjął "
               "delegację wiceprezydent Jan Kot. Burmistrz Hasselt mówił o Europie Zachodniej i o handlu Hasselt "
               "z Europą Zachodnią.")
    assert ("person:jan kot", "wiceprezydent", "place:lipnik") in roles_held(doc), roles_held(doc)


def test_a_countrys_president_tells_no_town_of_that_office():
    doc = read("Prezydent Adam Kot otworzył festyn w Lipniku. Order przyznał mu prezydent Austrii. "
               "Prezydent Adam Kot podziękował gościom z Lipnika.")
    assert {org for person, role, org in roles_held(doc) if person == "person:adam kot"} == {"place:lipnik"}, \
        roles_held(doc)


def test_an_office_guessed_for_a_town_whose_holder_the_text_names_is_the_own_towns():
    doc = read("Delegacja z Borku gościła w Lipniku. Do Lipnika przyjechał burmistrz Borku Jan Lis. Goście z Borku "
               "w trakcie rozmów z burmistrzem Adamem Kotem mówili o Lipniku i o szkołach w Lipniku.")
    assert ("person:adam kot", "burmistrz", "place:lipnik") in roles_held(doc), roles_held(doc)
    assert ("person:jan lis", "burmistrz", "place:borek") in roles_held(doc), roles_held(doc)


def test_a_town_abroad_far_larger_than_its_namesake_village_at_home_is_the_one_named():
    doc = read("Delegacja z Konotopu gościła w Lipniku. Goście z Konotopu rozmawiali z burmistrzem Adamem Kotem "
               "o szkołach w Konotopie.")
    assert ("person:adam kot", "burmistrz", "place:lipnik") in roles_held(doc), roles_held(doc)


def test_an_event_told_only_with_a_country_is_the_texts_own_towns_too():
    doc = read("Partnerstwo Lipnika z Hasselt trwa od lat, a szkoły Lipnika wymieniają uczniów. "
               "W 2010 roku przyjechała z wizytą delegacja z Belgii.")
    visits = [e for e in doc._.events if e.date == "2010"]
    assert visits and "place:lipnik" in visits[0].participants, [(e.date, e.participants) for e in doc._.events]


def test_a_unit_named_by_a_countrys_adjective_is_no_units_name():
    doc = read("W maju gościliśmy delegację z zaprzyjaźnionego powiatu niemieckiego, a w czerwcu "
               "z powiatu lipnickiego.")
    names = entity_names(doc, "organisation") | entity_names(doc, "place")
    assert "powiat lipnicki" in names and "powiat niemiecki" not in names, names


def test_a_gmina_named_only_as_one_is_known_by_its_seat_too():
    doc = read("Gości powitał Jan Kowal - Burmistrz Miasta i Gminy Lipnik, a wiceburmistrz Gminy Miejskiej Sosnowo "
               "Ewa Sowa wręczyła kwiaty. Umowę podpisała też Gmina Wiejska Dębowo.")
    units = {e.name: e.alt_labels for e in doc._.entities.values() if e.kind == "organisation"}
    assert "Lipnik" in units["Gmina Lipnik"] and "Sosnowo" in units["Gmina Miejska Sosnowo"], units
    assert "Dębowo" not in units["Gmina Wiejska Dębowo"], "a rural gmina is not its seat"
    doc = read("Na sesji byli burmistrz Lipnika Jan Kowal oraz wójt Gminy Lipnik Ewa Sowa.")
    units = {e.name: e.alt_labels for e in doc._.entities.values() if e.kind == "organisation"}
    assert "Lipnik" not in units["Gmina Lipnik"], "the rural gmina beside the town of its name is not that town"


def test_the_officers_listed_after_representing_are_the_bodys_named_before_the_verb():
    doc = read("Konsulat RP reprezentowali konsul Ewa Lis oraz sekretarz Adam Rak. Uniwersytet Lipnicki był "
               "reprezentowany przez rektora Jana Sowę i dziekana Piotra Mroza.")
    held = roles_held(doc)
    assert ("person:ewa lis", "konsul", "organisation:konsulat rp") in held, held
    assert ("person:piotr mroz", "dziekan", "organisation:uniwersytet lipnicki") in held, held
    doc = read("Z ramienia Lipnika muzeum w Dębowie reprezentuje dyrektor Jan Sowa.")
    where = next(key for key in doc._.entities if key.startswith("place:deb"))
    assert not any(org == where for _, _, org in roles_held(doc)), "where the officer works, not whom"


def test_an_agreement_between_the_towns_unnamed_is_between_the_two_named_before():
    doc = read("Kontakty Lipnika z Dębowem trwają od lat. 12 maja 1994 r. podpisano porozumienie o współpracy między "
               "miastami.")
    signings = [e for e in doc._.events if e.type == "Signing"]
    assert [(e.date, sorted(e.participants)) for e in signings] == [("1994-05-12", ["place:debow", "place:lipnik"])], \
        doc._.events
    doc = read("Kontakty Lipnika z Dębowem trwają od lat. 12 maja 1994 r. podpisano porozumienie między miastami "
               "Sosnowem i Wrzosowem.")
    assert not any("place:lipnik" in e.participants for e in doc._.events), "the towns are named after the noun"


def test_an_unveiling_of_no_body_is_still_the_ceremony_it_is_held_at():
    doc = read("3 czerwca 2015 r. w Lipniku odbyła się uroczystość odsłonięcia pomnika.")
    assert [(e.date, e.locations) for e in doc._.events] == [("2015-06-03", ["place:lipnik"])], doc._.events


def test_a_town_opening_a_sentence_is_a_place_when_its_other_reading_addresses_you_or_the_text_names_it_inside():
    assert entity_names(read("Wrzeszcz to dzielnica nad morzem."), "place") == {"Wrzeszcz"}, "wrzeszczeć: no opening"
    doc = read("Delegacja przyjechała do Suszu. Susz i Lipnik są miastami partnerskimi.")
    assert frozenset({"place:susz", "place:lipnik"}) in twinned(doc), twinned(doc)
    assert entity_names(read("Susz zebrano z pola."), "place") == set(), "a common noun never named inside"


def test_a_name_wrapped_at_a_line_break_of_an_indented_block_is_one_person():
    doc = read("W sesji udział wzięli: Pan Jan Lis – Starosta Lipnicki, Pani Anna\n                Sowa – "
               "Dyrektor Szkoły Podstawowej, Pan Adam\n                Rak – Sołtys Dębowa.")
    assert {"Anna Sowa", "Adam Rak"} <= entity_names(doc, "person"), entity_names(doc, "person")
    assert ("person:adam rak", "sołtys") in {(p, r) for p, r, _ in roles_held(doc)}, roles_held(doc)


def test_photographs_file_names_are_no_persons():
    files = " ".join(f"DSC_{n:04d}" for n in range(4101, 4160, 3))
    doc = read(f"Wycieczka była udana.\n\n{files}\n\nJan Lis")
    assert entity_names(doc, "person") <= {"Jan Lis"}, entity_names(doc, "person")


def test_an_associations_own_name_after_whom_it_gathers_is_part_of_its_name():
    doc = read("Jan Lis, prezes Stowarzyszenia Gmin Euroregion Lipnik, otworzył forum.")
    assert ("person:jan lis", "prezes", "organisation:stowarzyszenie gmin euroregion lipnik") in roles_held(doc), \
        roles_held(doc)
    assert "Stowarzyszenie Miast i Gmin Euroregion Lipnik" in entity_names(
        read("Stowarzyszenie Miast i Gmin Euroregion Lipnik obradowało w maju."), "organisation")


def test_a_river_named_only_as_what_a_town_lies_on_is_no_town_of_an_office():
    doc = read("Przyjechał burmistrz Jan Lis z delegacją. Festiwal trwał trzy dni w mieście nad Wierzycą.")
    assert not any(org.endswith("wierzyca") for _, _, org in roles_held(doc)), roles_held(doc)
    doc = read("Spotkanie odbyło się nad Wierzycą. Burmistrz Wierzycy Jan Lis przywitał gości.")
    assert ("person:jan lis", "burmistrz", "place:wierzyca") in roles_held(doc), "named as a town too: a town"


def test_a_town_after_a_dash_following_the_partner_town_of_another_is_that_ones_partner():
    doc = read("W mieście partnerskim Lipnika – Sosnovej na Słowacji odbył się festiwal.")
    pairs = twinned(doc)
    assert any("place:lipnik" in pair and any(k.startswith("place:sosnov") for k in pair) for pair in pairs), pairs


def test_a_town_named_in_the_plural_and_its_genitive_are_one_town():
    doc = read("W Lipniku wypoczywają dzieci z ukraińskich Hnilowiec. Z władzami spotkały się dzieci z miasta "
               "partnerskiego Hnilowce.")
    assert entity_names(doc, "place") == {"Lipnik", "Hnilowce"}, entity_names(doc, "place")


def test_each_mayor_is_of_the_town_named_after_his_name():
    held = roles_held(read("Gości powitali burmistrz Tomasz Kot z Kutna i wójt Michał Kruk z Łęczycy."))
    assert ("person:tomasz kot", "burmistrz", "place:kutno") in held, held
    assert ("person:michal kruk", "wójt", "place:leczyca") in held, held
    assert not any(p == "person:tomasz kot" and o == "place:leczyca" for p, _r, o in held), held
    held = roles_held(read("W naradzie udział wzięli wójtowie: Adam Sęk z gminy Kutno "
                           "i Ewa Buk z gminy Łęczyca."))
    assert {("person:adam sek", "wójt"), ("person:ewa buk", "wójt")} <= {(p, r) for p, r, _ in held}, held
    assert all(o.endswith(("kutno", "leczyca")) and (o.endswith("kutno")) == (p == "person:adam sek")
               for p, _r, o in held), held
    held = roles_held(read("Gościłem burmistrzów: Adama Lisa z Kutna oraz Marka Wilka ze Złocieńca."))
    assert ("person:adam lis", "burmistrz", "place:kutno") in held and (
        "person:marek wilk", "burmistrz", "place:zlocieniec") in held, held
    held = roles_held(read("Delegację z Niemiec prowadził burmistrz Hans Maier z Bambergu, a Opole reprezentował "
                           "prezydent Jan Sowa."))
    assert not any(o.endswith("niemcy") for _p, _r, o in held), held


def test_an_office_placed_from_the_context_fits_its_body():
    held = roles_held(read("Koncert przygotowało Towarzystwo Śpiewacze Ziemi Lipnickiej. "
                           "Mszę odprawił proboszcz Jan Mróz."))
    assert not any(p == "person:jan mroz" for p, _r, _o in held), "a priest is no singing society's"
    held = roles_held(read("Powiat Lipnicki współpracuje z Niemcami. Na spotkaniu był dyrektor Adam Wrona."))
    assert not any(p == "person:adam wrona" for p, _r, _o in held), "a director is no county's"
    held = roles_held(read("W Lipnie działa Szkoła Podstawowa nr 3. Gości powitała nauczycielka Ewa Kos."))
    assert ("person:ewa kos", "nauczyciel", "organisation:szkola podstawowa nr 3") in held, held


def test_a_councillor_named_alone_is_of_the_council_named_before():
    held = roles_held(read("Sesję Rady Gminy Wola otworzył jej przewodniczący. "
                           "Protokół obrad prowadził radny Marek Wrzos."))
    assert ("person:marek wrzos", "radny", "organisation:rada gminy wola") in held, held


def test_an_office_in_the_plural_after_a_comma_is_of_the_names_joined_before_it():
    held = roles_held(read("Przyjechali Jerzy Lis i Adam Kot, radni Rady Gminy Osiek."))
    assert {("person:jerzy lis", "radny"), ("person:adam kot", "radny")} <= {(p, r) for p, r, _o in held}, held
    held = roles_held(read("Gminę reprezentowali: Wójt Gminy Osiek Jan Kot, Przewodniczący Rady Gminy w Osieku "
                           "Jerzy Lis, radni, Skarbnik Gminy Osiek Ewa Mak."))
    assert not any(p == "person:jerzy lis" and r == "radny" for p, r, _o in held), held


def test_a_body_named_after_its_common_noun_is_the_office_of_the_holder():
    held = roles_held(read("Rozmawiano z Tomaszem Borem – prezesem spółki Rolbud oraz jego zastępcą."))
    assert ("person:tomasz bor", "prezes", "organisation:rolbud") in held, held
    held = roles_held(read("Na czele delegacji stał Jan Bor, przewodniczący rady Departamentu Loire."))
    assert not any(o == "organisation:departament loire" for _p, _r, o in held), "the council's, not the department's"


def test_the_town_after_the_acronym_of_its_office_is_part_of_the_departments_name():
    doc = read("Na spotkanie przyszedł dyrektor Wydziału Kultury i Sportu UM Wąchock Adam Wrona.")
    assert "Wydział Kultury i Sportu UM Wąchock" in entity_names(doc, "organisation")
    assert ("person:adam wrona", "dyrektor", "organisation:wydzial kultury i sportu um wachock") in roles_held(doc)


def test_two_mayors_named_together_are_each_of_the_town_their_given_name_tells():
    held = roles_held(read("Miasto Wąchock od lat współpracuje z niemieckim miastem Bruchsal. W Wąchocku odbył się "
                           "festyn, a mieszkańcy Bruchsal przyjechali autokarem. Burmistrzowie Róża Wąs i Dieter "
                           "Lange otworzyli festyn. Wąchock i Bruchsal podpisały umowę w 1995 roku."))
    assert ("person:roza was", "burmistrz", "place:wachock") in held, held
    assert ("person:dieter lange", "burmistrz", "place:bruchsal") in held, held


def test_a_town_named_by_a_noun_and_its_adjective_ends_the_name_after_the_acronym():
    doc = read("Prezes OSP Lipa Dolna Adam Wrona przywitał gości z Czech.")
    assert "OSP Lipa Dolna" in entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert ("person:adam wrona", "prezes", "organisation:osp lipa dolna") in roles_held(doc)


def test_a_word_sgjp_knows_only_inside_names_is_no_place_alone():
    doc = read("Na festyn w Lipnie przyszła miejscowa Polonia. Polonią opiekuje się konsul.")
    assert not any(n.startswith("Polonia") for n in entity_names(doc, "place")), entity_names(doc, "place")
    assert "Lipno" in entity_names(doc, "place")


def test_a_bullet_glued_to_a_chronicles_year_is_no_part_of_it():
    doc = read("Historia współpracy\n•1997 r. – pierwsze spotkanie mieszkańców obu gmin w Lipnie\n►Zarząd gminy przyjął gości.")
    assert [d._.date for d in doc.spans["dates"]] == ["1997"]
    assert "Zarząd" in [t.text for t in doc]


def test_a_double_name_is_read_as_the_town_gazetteer_knows():
    assert "Komarów-Osada" in entity_names(read("Chór pojechał na festyn w Komarowie-Osadzie."), "place")


WRAPPED = ("Jesienią do Krosna przyjechał chór z zaprzyjaźnionego miasta, by zaśpiewać na\n"
           "jubileuszu szkoły muzycznej. Gości przywitali burmistrz miasta oraz Oskar Dobrzyk, prezes\n"
           "Towarzystwa Śpiewaczego Harfa, który przez trzy dni oprowadzał ich po mieście i jego\n"
           "okolicach, pokazując zabytki, muzea i nowe sale prób zbudowane dzięki wsparciu\n"
           "samorządu. Chórzyści zaśpiewali w kościele farnym, a wieczorem wspólnie z\n"
           "miejscowymi zespołami dali koncert na rynku, który zgromadził wielu mieszkańców i\n"
           "turystów. Na pożegnanie obie strony zapowiedziały kolejne spotkanie za rok.\n")


def test_a_text_wrapped_at_a_fixed_width_reads_its_sentences_across_lines():
    doc = read(WRAPPED)
    assert ("person:oskar dobrzyk", "prezes", "organisation:towarzystwo spiewacze harfa") in roles_held(doc)
    assert len(list(doc.sents)) == 4, [s.text for s in doc.sents]
    assert len(list(read("Gminy partnerskie:\n" + "\n".join(["Lipno (Polska)", "Kamionka (Polska)"] * 4)).sents)) == 9


def test_honorary_citizenship_received_or_conferred_makes_an_honorary_citizen():
    citizen = ("person:oskar dobrzyk", "honorowy obywatel", "place:lipno")
    assert citizen in roles_held(read("W 2005 r. Oskar Dobrzyk otrzymał honorowe obywatelstwo gminy Lipno."))
    assert citizen in roles_held(read("Oskar Dobrzyk w 2005 r. odebrał tytuł Honorowego Obywatela Miasta Lipna."))
    assert citizen in roles_held(read("Radni nadali honorowe obywatelstwo Lipna Oskarowi Dobrzykowi."))
    held = roles_held(read("Oskar Dobrzyk przyjechał do Lipna, gdzie Ewa Żelazowska otrzymała honorowe obywatelstwo."))
    assert not any(p == "person:oskar dobrzyk" for p, _r, _o in held), "the receiver is the verb's subject, not another"


def test_a_rule_named_after_a_title_lists_no_holders_of_it():
    held = roles_held(read("Na podstawie Regulaminu Nadawania Tytułu Honorowego Obywatela Miasta Lipna powołano w dniu "
                           "15 marca 2006 r. komisję w składzie:\n1. Adam Mak\n2. Ewa Kos\n"))
    assert not any(r == "honorowy obywatel" for _p, r, _o in held), held


def test_the_receiver_of_a_title_is_read_past_its_date():
    assert ("person:oskar dobrzyk", "honorowy obywatel", "place:lipno") in roles_held(read(
        "Oskar Dobrzyk otrzymał w dniu 3 maja 2010 r. tytuł Honorowego Obywatela Lipna."))


def test_the_words_naming_a_festival_are_no_person_and_no_place():
    doc = read("Na Święto Plonów przyjechali goście z Nysy. Podczas Święta Kwiatów grała orkiestra, a w Święcie "
               "Walpurgii udział wzięła Święta Anna.")
    names = {e.name for e in doc._.entities.values()}
    assert "Nysa" in names and not any("Plon" in n or "Kwiat" in n or "Walpurg" in n for n in names), names


def test_a_clause_dated_for_its_second_event_tells_that_event():
    doc = read("Udział w Święcie Wina, zwiedzanie winnic i muzeum to tylko niektóre z punktów programu wizyty "
               "delegacji z Nysy jaka miała miejsce w pierwszych dniach czerwca 2011 r. w Meißen.")
    assert [(e.type, e.date) for e in doc._.events] == [("Visit", "2011-06")], doc._.events


def test_a_date_in_brackets_after_a_name_is_that_things_not_the_narratives():
    doc = read("Delegacja z Nysy odwiedziła Görlitz 3 marca 2010 r. Jej członkowie będą gośćmi Jarmarku Nyskiego "
               "(5-6 VII br.). W spotkaniu uczestniczyła też delegacja z Bautzen.")
    assert [s._.date_context for s in doc.sents][2] == "2010-03-03", [s._.date_context for s in doc.sents]
    listed = read("Honorowi obywatele:\n\nAdam Mak (w 2014 r.)\n\nHonorowy Obywatel Gminy Lipno - Adam Mak\n")
    assert [s._.date_context for s in listed.sents][-1] == "2014", "a list item's own date still dates what follows"


def test_a_town_the_text_places_abroad_is_not_the_writers_own():
    doc = read("Władze Nysy były w Hrabkowcach na Słowacji na jarmarku w Hrabkowcach. W Hrabkowcach grały zespoły. "
               "Delegacji, w której uczestniczyli: Paweł Wrona, burmistrz miasta, i Jan Lis, sekretarz miasta, zależało "
               "na kontakcie z Hrabkowcami. Burmistrz Hrabkowiec Boris Petrov przyjedzie do Nysy we wrześniu.")
    held = roles_held(doc)
    assert ("person:pawel wrona", "burmistrz", "place:nysa") in held, held
    assert ("person:jan lis", "sekretarz", "place:nysa") in held, held


def test_a_name_written_with_its_accents_gives_the_spelling():
    doc = read("Kolejny partner - Zborków\n01-09-2008\n\nWładze Nysy uczestniczyły w Zborkowie na Słowacji w jarmarku. "
               "Rozmowy z Zborkowem trwały długo.")
    assert "Zborków" in {e.name for e in doc._.entities.values() if e.kind == "place"}, doc._.entities


def test_a_slavic_given_name_after_the_mayors_office_is_the_mayors():
    doc = read("Jarmark otworzył burmistrz miasta Boris Petrov.")
    assert {e.name for e in doc._.entities.values() if e.kind == "person"} == {"Boris Petrov"}, doc._.entities


def test_two_towns_heads_before_one_name_are_two_persons():
    held = roles_held(read("Obecni byli Burmistrz Meißen oraz Wójt Gminy Lipnik Adam Mak. Starosta Lipnicki i Prezes "
                           "Towarzystwa Przyjaciół Lipnicy Jan Zając otworzył wystawę."))
    assert {(p, r) for p, r, _o in held} == {("person:adam mak", "wójt"), ("person:jan zajac", "starosta"),
                                             ("person:jan zajac", "prezes")}, held


def test_the_name_of_a_street_or_a_square_is_no_place():
    doc = read("Spotkanie odbyło się na placu Katedralnym w Lipnie, a goście mieszkali przy ulicy Nawojowskiej.")
    assert entity_names(doc, "place") == {"Lipno"}, entity_names(doc, "place")


def test_the_united_states_in_any_case_and_by_its_acronym_are_one_country():
    doc = read("Delegacja z USA przyjechała do Nysy. W Stanach Zjednoczonych Ameryki mieszkają miliony Polaków, a stan "
               "Teksas leży w Stanach Zjednoczonych.")
    assert entity_names(doc, "place") == {"Nysa", "Stany Zjednoczone", "Teksas"}, entity_names(doc, "place")


def test_a_towns_abbreviated_region_gives_its_full_name():
    doc = read("Delegacja z Gorzowa Wlkp. przyjechała do Środy Śl. Burmistrz Tomaszowa Maz., Jan Lis, powitał gości.")
    assert entity_names(doc, "place") == {"Gorzów Wielkopolski", "Środa Śląska", "Tomaszów Mazowiecki"}, \
        entity_names(doc, "place")
    assert len(list(doc.sents)) == 2, [s.text for s in doc.sents]
    assert ("person:jan lis", "burmistrz", "place:tomaszow mazowiecki") in roles_held(doc), roles_held(doc)


def test_an_agreement_signed_on_the_date_in_force_by_the_persons_after_a_dash():
    doc = read("12 maja 2004 roku radni Nysy i Meißen zdecydowali o partnerstwie.\nUmowę podpisali burmistrzowie – "
               "Jan Lis i Hans Weber.\nEfektem tej umowy jest wymiana młodzieży.\n")
    assert [(e.type, e.date, sorted(e.participants)) for e in doc._.events] == [
        ("Signing", "2004-05-12", ["person:hans weber", "person:jan lis", "place:nysa"])], doc._.events  # Lis is Nysa's


def test_an_office_named_with_its_town_before_is_that_towns_when_its_holder_is_named():
    held = roles_held(read("Przekazano wieniec Staroście Gminy Hradovce. Starosta Pavol Kráľ pokroił tort."))
    assert held == {("person:pavol kral", "starosta", "organisation:gmina hradovce")}, held


def test_a_title_in_any_case_between_an_office_and_its_holder():
    held = roles_held(read("Goście zostali przyjęci przez burmistrza Nysy, profesora Jana Kowalskiego, i proboszcza "
                           "parafii w Lipnie, księdza Adama Maka."))
    assert ("person:jan kowalski", "burmistrz", "place:nysa") in held, held


def test_a_voivodeship_lies_in_no_other_country():
    lying = {(r.subject, r.object) for r in read(
        "Delegacja województwa lubelskiego na Białorusi spotkała się z gubernatorem. Nysa leży w województwie "
        "opolskim w Polsce.")._.relations if r.predicate == "containedInPlace"}
    assert ("organisation:wojewodztwo lubelskie", "place:bialorus") not in lying, lying
    assert ("organisation:wojewodztwo opolskie", "place:polska") in lying, lying


def test_a_word_of_names_with_its_adjective_after_it_is_a_place():
    doc = read("Byli w Rycerce Górnej i w Zubrzycy Dolnej. Prezydent Miasta Nowego Sącza i goście Dni Miast Polskich "
               "dostali nagrody „Próbowacka Jodła Beskidzkiego”.")
    assert entity_names(doc, "place") == {"Rycerka Górna", "Zubrzyca Dolna", "Nowy Sącz"}, entity_names(doc, "place")


def test_a_country_after_a_large_home_town_in_an_apposition_is_not_where_it_lies():
    held = roles_held(read("Andrij Kowal, mer Izmaiła, miasta partnerskiego Włocławka na Ukrainie, przysłał do prezydenta "
                           "Marka Nowaka list. - Dziękujemy - napisał Marek Nowak na Facebooku. Pomoc z Włocławka "
                           "dotarła do Izmaiła. Izmaił dziękuje Włocławkowi."))
    assert ("person:marek nowak", "prezydent", "place:wloclawek") in held, held


def test_a_body_seated_in_a_town_named_with_its_adjective_after_it():
    doc = read("Panie z Koła Gospodyń Wiejskich w Lipnicy Wielkiej upiekły chleb.")
    orgs = [e for e in doc._.entities.values() if e.kind == "organisation"]
    assert any("Koło Gospodyń Wiejskich w Lipnicy Wielkiej" in e.aliases for e in orgs), [e.aliases for e in orgs]


def test_a_town_whose_locative_is_an_old_plural_of_a_month():
    doc = read("Chór wystąpił w Szkole Muzycznej we Wrześni.")
    assert "Września" in entity_names(doc, "place"), entity_names(doc, "place")


def test_slashes_written_as_brackets_enclose_where_a_partner_town_lies():
    doc = read("W dniach od 3 do 6 maja w Vreden /Niemcy, Nadrenia Północna-Westfalia/, mieście partnerskim "
               "Lubawy, gościli uczniowie.")
    assert "Niemcy" in entity_names(doc, "place"), entity_names(doc, "place")
    assert twinned(doc) == {frozenset(("place:vreden", "place:lubawa"))}, twinned(doc)


def test_a_name_written_with_a_dash_once_spaced_and_once_not_is_one_town():
    doc = read("Gościliśmy delegację z miasta Lozza–Solbiate. Podpisano porozumienie o współpracy między Lubawą, "
               "a Lozza – Solbiate.")
    assert entity_names(doc, "place") == {"Lozza-Solbiate", "Lubawa"}, entity_names(doc, "place")
    assert twinned(doc) == {frozenset(("place:lozza-solbiate", "place:lubawa"))}, twinned(doc)


def test_a_foreign_towns_locative_in_rze_with_its_genitive_written():
    doc = read("Przyjechali goście z Kostrenora i z Vadry. Spotkanie odbyło się w Kostrenorze, a potem w Vadrze.")
    places = entity_names(doc, "place")
    assert "Kostrenor" in places and len(places) == 2, places  # "w Vadrze" is the town of "z Vadry"


def test_a_member_of_parliament_is_placed_in_no_council_from_the_context():
    held = roles_held(read(
        "Podpisy złożyli także radni Młodzieżowej Rady Opola Jakub Kowal wraz z Mateuszem Lisem.\nOd lewej: Nagy Róbert "
        "- Burmistrz Dzielnicy Kőbánya, Kiss Halina – przewodnicząca Ogólnokrajowego Samorządu Mniejszości Polskiej "
        "na Węgrzech, Andrzej Wyczawski - konsul.\nByli: Barsiné Pataki Etelka – posłanka do parlamentu węgierskiego "
        "i europejskiego, Simon Zsolt – poseł parlamentu słowackiego."))
    assert not any(r == "poseł" for _, r, _ in held), held


def test_a_self_government_named_by_its_adjective_is_a_body_and_no_person():
    doc = read("Gości przywitała Maria Kiss – przewodnicząca Stołecznego Samorządu Mniejszości Słowackiej w Pradze. "
               "Rozmawiano z partnerskim samorządem Miasta Lipnik.")
    assert entity_names(doc, "person") == {"Maria Kiss"}, entity_names(doc, "person")
    body = "organisation:stoleczny samorzad mniejszosci slowackiej"
    assert ("person:maria kiss", "przewodniczący", body) in roles_held(doc), roles_held(doc)


def test_a_compound_adjective_written_without_its_hyphen_opens_a_bodys_name():
    doc = read("Wymianę wsparła Polsko Czeska Współpraca Młodzieży, a koncert zorganizował Miejsko Gminny Ośrodek Kultury "
               "w Lipnicy Murowanej. Gości przyjął koordynator Współpracy Polsko Czeskiej w Opawie.")
    assert {"Polsko-Czeska Współpraca Młodzieży", "Miejsko Gminny Ośrodek Kultury"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")
    assert entity_names(doc, "place") == {"Lipnica Murowana", "Opawa"}, entity_names(doc, "place")


def test_the_state_after_a_bodys_acronym_is_part_of_its_name():
    doc = read("Delegację prowadził prezes ZOSP RP Marian Kruk.")
    assert "Polska" not in entity_names(doc, "place"), entity_names(doc, "place")
    assert ("person:marian kruk", "prezes", "organisation:zosp rp") in roles_held(doc), roles_held(doc)


def test_a_branchs_acronym_with_its_parents_is_one_body_and_a_boards_word_no_other_board():
    doc = read("Zarząd Towarzystwa Miłośników Ziemi Lipskiej reprezentował prezes Jan Kruk. Byli też: Prezes ZOG ZOSP RP- "
               "Adam Sowa oraz dh Piotr Lis – członek Zarządu OSP Budzów.")
    held = roles_held(doc)
    assert ("person:adam sowa", "prezes", "organisation:zog zosp rp") in held, held
    assert ("person:piotr lis", "członek zarządu", "organisation:osp budzow") in held, held


def test_a_gmina_named_by_its_town_in_the_genitive_is_that_town():
    doc = read("Przyjechali goście z Lubawy. Medal za Zasługi dla Gminy Lubawy otrzymał Jan Lis. W Lubawie było miło.")
    named = {e.name for e in doc._.entities.values() if e.kind != "person"}
    assert named == {"Gmina Lubawa"}, named


def test_a_spa_towns_short_name_is_the_town_but_two_joined_towns_stay_two():
    doc = read("Szachiści z Krynicy-Zdroju grali w Opawie. Wygrała drużyna z Krynicy. Partnerstwo Lubawa-Vreden trwa od lat; "
               "w Vreden byli nasi uczniowie, a Lubawa rośnie.")
    assert entity_names(doc, "place") >= {"Krynica-Zdrój", "Lubawa", "Vreden"}, entity_names(doc, "place")
    assert "Krynica" not in entity_names(doc, "place"), entity_names(doc, "place")


def test_a_country_on_a_river_is_not_named_by_it():
    doc = read("Położone w Rumunii nad Dunajem miasto dołączyło do grona miast partnerskich Lipna.")
    assert "Rumunia" in entity_names(doc, "place"), entity_names(doc, "place")


def test_ties_made_or_kept_between_two_towns_twin_them():
    assert twinned(read("Najwcześniej takie związki nawiązał Sieradz z miastem Saint-Avold.")) == {
        frozenset(("place:sieradz", "place:saint-avold"))}
    assert twinned(read("Od ponad 20 lat kontakty z ukraińską Kołomyją utrzymuje Prudnik.")) == {
        frozenset(("place:prudnik", "place:kolomyja"))}
    assert twinned(read("W 2010 r. Opole i ukraińskie Iwano-Frankiwsk oficjalnie nawiązały współpracę.")) == {
        frozenset(("place:opole", "place:iwano-frankiwsk"))}
    assert twinned(read("Dzieci z Lubawy utrzymują kontakty z Wrocławiem.")) == set()
    assert twinned(read("Współpraca szkół z Lipna i Altdorfu trwa od lat.")) == set()


def test_a_town_signing_an_agreement_with_another_and_a_declaration_of_cooperation_between_two():
    assert twinned(read("W tym roku Lubawa podpisała także umowę z Nowogrodem Wołyńskim.")) == {
        frozenset(("place:lubawa", "place:nowogrod wolynski"))}
    assert twinned(read("Lubawa podpisała umowę z firmą Budex.")) == set()
    assert twinned(read("Podpisana została też deklaracja dalszej współpracy między Olsztynem i Kostopolem.")) == {
        frozenset(("place:olsztyn", "place:kostopol"))}


def test_a_german_towns_name_with_its_particles():
    doc = read("Gmina Lubawa współpracuje z Rosbach vor der Höhe i z Weiden im Oberpfalz.")
    assert {"Rosbach vor der Höhe", "Weiden im Oberpfalz"} <= entity_names(doc, "place"), entity_names(doc, "place")


def test_pairs_of_towns_after_a_verb_said_once_are_partners():
    pairs = twinned(read("Lubawa wymienia się doświadczeniami z miastem Vreden, Iława z gminą Apen, Susz z Wiefelstede, "
                         "a Kisielice z Edewecht."))
    assert pairs == {frozenset(("place:lubawa", "place:vreden")), frozenset(("place:ilawa", "place:apen")),
                     frozenset(("place:susz", "place:wiefelstede")), frozenset(("place:kisielice", "place:edewecht"))}, pairs
    assert twinned(read("Goście z Lubawy, z Iławy i z Suszu przyjechali z Olsztyna, Elbląga i Ostródy.")) == set()


def test_two_given_names_before_one_surname_are_two_persons():
    doc = read("Na scenie wystąpiło rodzeństwo z Lubawy – Oliwia i Tymon Wrona. Fundatorami nagród byli Anna i Piotr "
               "Lis z Iławy, a także Jan Kruk i Ewa Sowa.")
    assert entity_names(doc, "person") == {"Oliwia Wrona", "Tymon Wrona", "Anna Lis", "Piotr Lis", "Jan Kruk",
                                           "Ewa Sowa"}, entity_names(doc, "person")


def test_an_office_after_a_comma_in_a_list_of_name_dash_office_items_is_the_items_person():
    held = roles_held(read("Gości przyjęli: Anna Kruk - sołtys sołectwa Lindenau, członek zarządu TKW, Jan Sowa - burmistrz "
                           "miasta Vreden, oraz członek zarządu TKW, Ewa Lis - sołtys sołectwa Altdorf."))
    assert {("person:anna kruk", "sołtys", "place:lindenau"), ("person:anna kruk", "członek zarządu", "organisation:tkw"),
            ("person:jan sowa", "członek zarządu", "organisation:tkw"),
            ("person:ewa lis", "sołtys", "place:altdorf")} <= held, held
    assert not any(p == "person:ewa lis" and r == "członek zarządu" for p, r, _ in held), held


def test_an_agreement_of_one_town_with_another():
    assert twinned(read("Umowa Lubawy z Changzhou\n\nW 2010 r. podpisano porozumienie Gminy Iława z Gminą Vreden.")) == {
        frozenset(("place:lubawa", "place:changzhou")), frozenset(("organisation:gmina ilawa", "organisation:gmina vreden"))}
    assert twinned(read("Umowa Lubawy z firmą Budex.")) == set()


def test_a_town_after_a_set_phrase_of_a_preposition_is_in_the_nominative():
    doc = read("Z kolei Sieradz jest partnerskim miastem Lubawy.")
    assert entity_names(doc, "place") == {"Sieradz", "Lubawa"}, entity_names(doc, "place")
    assert twinned(doc) == {frozenset(("place:sieradz", "place:lubawa"))}, twinned(doc)


def test_a_word_after_a_countrys_adjective_in_no_case_it_takes_is_a_foreign_town():
    doc = read("Z kolei Sieradz jest partnerskim miastem dla hiszpańskiego Toro. Miasto Cēsis (po polsku KIEŚ) leży na Łotwie.")
    assert entity_names(doc, "place") == {"Sieradz", "Toro", "Cēsis", "Łotwa"}, entity_names(doc, "place")


def test_an_offices_staff_is_a_body_named_by_the_office_and_its_staff_hold_no_such_office():
    doc = read("Udział wzięli: Dyrektor Biura Wojewody Lubuskiego Jan Lis, Przedstawiciel Marszałka Województwa "
               "Lubuskiego dr Adam Kruk oraz minister w Kancelarii Prezesa Rady Ministrów Ewa Sowa.")
    held = roles_held(doc)
    assert ("person:jan lis", "dyrektor", "organisation:biuro wojewody lubuskiego") in held, held
    assert not any(r in ("wojewoda", "marszałek") for _, r, _ in held), held
    assert "Kancelaria Prezesa Rady Ministrów" in entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_a_pages_buttons_and_a_body_of_two_common_nouns_are_no_persons():
    doc = read("Z wizytą w Kolackovie PDF Drukuj E-mail\nW niedzielę odbył się wyjazd do Kolackova. Gości przywitał Dyrektor "
               "Stada Ogierów w Lipnie Krzysztof Mlicki.")
    assert entity_names(doc, "person") == {"Krzysztof Mlicki"}, entity_names(doc, "person")


def test_a_bodys_seat_after_the_towns_noun_names_the_body_by_that_foreign_town():
    doc = read("Gości przywitała Straż Pożarna w mieście Dassel.")
    seated = {(r.subject, r.object) for r in doc._.relations if r.predicate == "location"}
    assert ("organisation:straz pozarna", "place:dassel") in seated, seated


def test_a_bodys_name_of_two_nouns_joined_by_i_in_the_nominative():
    doc = read("Obóz wsparł projekt Fundacji Nauka i Tradycja «Lato z Polską», a zbiórkę prowadziło Stowarzyszenie "
               "Nauka i Sztuka. Fundacja Rozwoju Miasta i Wspierania Inicjatyw pomogła.")
    assert {"Fundacja Nauka i Tradycja", "Stowarzyszenie Nauka i Sztuka",
            "Fundacja Rozwoju Miasta i Wspierania Inicjatyw"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")


def test_a_town_whose_form_is_also_a_given_names_vocative_is_a_town():
    doc = read("Inicjatywa wyszła od samorządowców z Helu, a festiwal odbył się w Helu i w Pucku.")
    assert entity_names(doc, "place") == {"Hel", "Puck"}, entity_names(doc, "place")


def test_an_acronym_with_a_number_is_a_school_and_the_school_named_in_full():
    doc = read("Projekt realizują Zespół Szkół Rolniczych i Technicznych Nr 4 w Iławie i Gimnazjum w Vreden. W maju "
               "uczniowie z ZSRiT Nr 4 w Iławie wraz z panią dyrektor Anną Kruk pojechali do Vreden. Uczniowie Gimnazjum "
               "w Vreden przygotowali występ.")
    assert entity_names(doc, "organisation") == {"Zespół Szkół Rolniczych i Technicznych Nr 4", "Gimnazjum w Vreden"}, \
        entity_names(doc, "organisation")
    assert ("person:anna kruk", "dyrektor", "organisation:zespol szkol rolniczych i technicznych nr 4") \
        in roles_held(doc), roles_held(doc)


def test_a_common_noun_before_acronyms_is_no_person():
    doc = read("Gminy przygotowują Strategię ZIT WOF, a gości powitał Marek NOWAK oraz Olha KOWAL.")
    assert entity_names(doc, "person") == {"Marek Nowak", "Olha Kowal"}, entity_names(doc, "person")


def test_an_adjective_before_a_noun_with_its_own_adjective_opens_the_bodys_complement():
    doc = read("Dzięki sprzętowi Powiatowej Komendy Państwowej Straży Pożarnej w Iławie akcja się udała. Rozmowy toczono "
               "w Konsulacie Generalnym Rzeczypospolitej Polskiej w Łucku, w Polskim Związku Wędkarskim i w Urzędzie "
               "Marszałkowskim Województwa Opolskiego.")
    assert {"Powiatowa Komenda Państwowej Straży Pożarnej", "Konsulat Generalny Rzeczypospolitej Polskiej",
            "Polski Związek Wędkarski", "Urząd Marszałkowski Województwa Opolskiego"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")


def test_towns_whose_names_alone_make_lines_below_a_heading_of_partner_towns():
    doc = read("Gmina Iława należy do wielu związków.\n\nMiasta partnerskie\n\nHerb miasta Vreden\n\nVREDEN\n\nmiasto "
               "w zachodniej części Niemiec\n\nLUBAWA\n\nmiasto w Polsce, na Warmii")
    assert twinned(doc) == {frozenset(("organisation:gmina ilawa", "place:vreden")),
                            frozenset(("organisation:gmina ilawa", "place:lubawa"))}, twinned(doc)


def test_a_womans_second_surname_after_a_spaced_dash_may_be_a_villages_name():
    doc = read("Wystawę przygotowała Beata Nowak – Kokoszka, a gości powitała sołtys Anna Lis – Krzywda.")
    assert entity_names(doc, "person") == {"Beata Nowak-Kokoszka", "Anna Lis-Krzywda"}, entity_names(doc, "person")
    assert entity_names(doc, "place") == set(), entity_names(doc, "place")


def test_a_listed_person_with_an_office_of_his_own_after_a_dash_ends_the_list():
    held = roles_held(read("Ze strony gminy Iława udział wzięli: radni gminy: Anna Kruk, Jan Sowa, Piotr Lis – dyrektor "
                           "GOK, pracownicy urzędu."))
    assert ("person:piotr lis", "dyrektor", "organisation:gok") in held, held
    assert not any(p == "person:piotr lis" and r == "radny" for p, r, _ in held), held


def test_persons_named_after_offices_of_their_own_are_all_subjects_of_the_verb_after_them():
    held = roles_held(read("Burmistrz Iławy Adam Kruk i była wójt gminy Ewa Sowa zostali honorowymi obywatelami "
                           "Lubawy."))
    assert {("person:adam kruk", "honorowy obywatel", "place:lubawa"),
            ("person:ewa sowa", "honorowy obywatel", "place:lubawa")} <= held, held


def test_a_day_told_before_any_year_takes_the_year_of_the_same_day_told_in_full_later():
    doc = read("W dniu 12 maja br. w Iławie została podpisana umowa o współpracy z Lubawą.\n\nSpisano w Iławie, "
               "w dniu 12 maja 2019 roku.")
    assert [d._.date for d in doc.spans["dates"]] == ["2019-05-12", "2019-05-12"], [d._.date for d in doc.spans["dates"]]
    ambiguous = read("W dniu 12 maja br. podpisano umowę. Sesje odbyły się 12 maja 2019 i 12 maja 2020 roku.")
    assert [d._.date for d in ambiguous.spans["dates"]] == ["2019-05-12", "2020-05-12"]  # two years: none taken


def test_a_person_who_holds_an_office_by_a_verb_of_holding_holds_it():
    held = roles_held(read("Jan Kruk pełnił funkcję Prezesa Towarzystwa Miłośników Iławy oraz Przewodniczącego Rady "
                           "Miejskiej w Iławie.\n\nAnna Sowa urodziła się w 1960 roku w Lubawie. Od 2006 r. sprawuje "
                           "urząd burmistrza Lubawy."))
    assert {("person:jan kruk", "prezes", "organisation:towarzystwo milosnikow ilawy"),
            ("person:jan kruk", "przewodniczący", "organisation:rada miejska"),
            ("person:anna sowa", "burmistrz", "place:lubawa")} <= held, held
    held = roles_held(read("Na wniosek Jana Kruka Adam Sowa został wybrany na burmistrza Lubawy."))
    assert not any(p == "person:jan kruk" for p, _, _ in held), held


def test_this_year_on_a_page_without_a_dateline_is_that_of_the_last_day_told():
    doc = read("W dniu 9 maja 2010 roku w Iławie podpisano umowę. Umowę poprzedziła wizyta w Lubawie w roku 2009.\n\n"
               "Gości z Lubawy przyjmujemy od dnia 5 maja br.")
    assert [d._.date for d in doc.spans["dates"]] == ["2010-05-09", "2009", "2010-05-05"], \
        [d._.date for d in doc.spans["dates"]]


def test_the_words_before_a_foreign_head_in_its_language_are_all_the_bodys_name():
    doc = read("Wymianę z Tekniske Fagskole w Kongsvinger i z Telsiu Zemaites Gimnazija prowadzi nasza szkoła, a zagrała "
               "orkiestra North Thurston High School Band. Przyjechali też uczniowie z Narva Vanalinna Gümnaasium.")
    assert {"Tekniske Fagskole", "Telsiu Zemaites Gimnazija", "North Thurston High School Band",
            "Narva Vanalinna Gümnaasium"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert entity_names(doc, "person") == set(), entity_names(doc, "person")


def test_an_apostrophe_written_for_a_slovak_soft_sign_stays_in_the_word():
    doc = read("Delegacja z Vranova nad Topl’ou przyjechała do Lubawy.")
    assert entity_names(doc, "place") == {"Vranov nad Topl’ou", "Lubawa"}, entity_names(doc, "place")


def test_an_agreement_between_local_governments_unnamed_is_between_the_towns_of_those_who_signed_it():
    assert twinned(read("Wójt Gminy Iława oraz Burmistrz Gminy Lubawa podpisali umowę o współpracy pomiędzy "
                        "samorządami.")) == {frozenset(("organisation:gmina ilawa", "organisation:gmina lubawa"))}
    assert twinned(read("Burmistrz Iławy Jan Kruk i burmistrz Lubawy Adam Sowa podpisali umowę o współpracy między "
                        "obu gminami.")) == {frozenset(("place:ilawa", "place:lubawa"))}
    assert twinned(read("Burmistrz Iławy podpisał umowę o współpracy z firmą Budex.")) == set()


def test_a_holder_after_a_foreign_town_named_with_its_countrys_adjective_is_a_person_of_that_town():
    doc = read("Burmistrz Iławy podpisał porozumienie ze starostą czeskiego Dobrušna Zdeňką Hronkovą, a potem spotkał "
               "się ze starostą czeskiego Hronova Jiřím Malým.")
    assert entity_names(doc, "place") == {"Iława", "Dobrušna", "Hronov"}, entity_names(doc, "place")
    assert len(entity_names(doc, "person")) == 2, entity_names(doc, "person")


def test_an_acronym_and_a_word_sgjp_does_not_know_after_it_are_one_bodys_name():
    doc = read("SPRAWOZDANIE Z WYMIANY ZSEiU COPERNICANUM W IŁAWIE\n\nNauczyciele ZSEiU Copernicanum pojechali do "
               "Vreden. Gości powitał Jan Sowa, prezes OSP Hrabyne.")
    assert entity_names(doc, "person") == {"Jan Sowa"}, entity_names(doc, "person")
    assert {"ZSEiU Copernicanum", "OSP Hrabyne"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_a_line_naming_a_partner_and_after_a_dash_a_year_dates_its_agreement():
    doc = read("Iława ma wiele miast partnerskich. Kolejne umowy partnerskie zawierano w następujących latach:\n\n"
               "z Vreden – w 1996;\nz Lubawą – w 1997;\nz Brnem – w 1998.\n\nRelacja: Jan Kruk, 2 maja 2019")
    signings = {(e.date, tuple(e.participants)) for e in doc._.events if e.type == "Signing"}
    assert {("1996", ("place:vreden",)), ("1997", ("place:lubawa",)), ("1998", ("place:brno",))} <= signings, signings


def test_a_countrys_name_joined_to_another_peoples_plural_names_the_people():
    doc = read("Towarzystwo chce przybliżyć Niemcom i Polakom kulturę Polski. Trwa pojednanie między Polakami i "
               "Niemcami, a Iława podpisała umowę z Niemcami. Prezydent Izraela i Polacy spotkali się w Iławie.")
    assert entity_names(doc, "place") == {"Polska", "Iława", "Niemcy", "Izrael"}, entity_names(doc, "place")
    niemcy = next(e for k, e in doc._.entities.items() if k == "place:niemcy")
    assert len(niemcy.mentions) == 1, niemcy.mentions


def test_dots_leading_from_a_name_to_its_office_stand_for_a_dash():
    held = roles_held(read("Zarząd Towarzystwa Przyjaciół Iławy:\n\nJan KRUK, ...... prezes\n\nPiotr LIS ........ "
                           "sekretarz\n\nAnna SOWA.......,skarbnik\n"))
    body = "organisation:zarzad towarzystwa przyjaciol ilawy"
    assert {("person:jan kruk", "prezes", body), ("person:piotr lis", "sekretarz", body),
            ("person:anna sowa", "skarbnik", body)} <= held, held


def test_a_qualifier_opening_a_sentence_is_no_word_of_a_bodys_name():
    doc = read("Nowy Zarząd, wybrany jednogłośnie, zebrał się w Iławie. Nowa Rada Gminy Iława zebrała się w maju.")
    assert entity_names(doc, "organisation") == {"Rada Gminy Iława"}, entity_names(doc, "organisation")


def test_a_double_surname_in_an_oblique_case_is_brought_to_the_nominative_part_by_part():
    doc = read("Spotkaliśmy panią Ewę Sowę-Kruk w szkole, a potem rozmawialiśmy z Janem Lisem-Kowalskim.")
    assert entity_names(doc, "person") == {"Ewa Sowa-Kruk", "Jan Lis-Kowalski"}, entity_names(doc, "person")


def test_days_told_by_ordinals_years_after_w_and_ranges_of_full_numeric_dates():
    assert dates("Dwunastego maja 2006 roku gmina podpisała umowę.") == ["2006-05-12"]
    assert dates("Trzydziestego pierwszego grudnia 1999 r. skończył się wiek.") == ["1999-12-31"]
    assert dates("Pierwszego marca 2001 r. otwarto szkołę przy ulicy Trzeciego Maja.") == ["2001-03-01"]
    assert dates("Równo 9 października w 2004 roku przyjechali goście.") == ["2004-10-09"]
    assert dates("Obóz w Iławie trwał 3.07.2024 r. – 9.07.2024 r. i był udany.") == ["2024-07-03"]
    assert dates("Obóz w Iławie trwał 3.07.2024-9.07.2024 i był udany.") == ["2024-07-03"]


def test_an_event_told_in_brackets_takes_the_brackets_date():
    doc = read("Gmina Iława od 2001 roku współpracuje z miastem Vreden (umowę o partnerstwie podpisano 9 października "
               "2004 roku).")
    assert {e.date for e in doc._.events if e.type == "Signing"} == {"2004-10-09"}, doc._.events


def test_a_title_conferred_in_quotes_in_the_nominative():
    held = roles_held(read("Radni Iławy zdecydowali o przyznaniu Janowi Krukowi tytułu „Honorowy Obywatel Iławy”."))
    assert ("person:jan kruk", "honorowy obywatel", "place:ilawa") in held, held


def test_a_mayor_at_the_head_of_the_authorities_of_a_gmina_named_before_him():
    held = roles_held(read("Wójt Gminy Iława Jan Kruk pojechał na Litwę. W Iławie mieszka wielu Litwinów, a Iława "
                           "to miasto nad jeziorem. W urzędzie doszło do spotkania z władzami Gminy Żagary, na czele "
                           "z burmistrzem – Piotrem Lisem."))
    assert ("person:piotr lis", "burmistrz", "organisation:gmina zagary") in held, held


def test_a_gmina_abbreviated_after_an_office_in_a_list_of_members():
    held = roles_held(read("W Iławie powstało stowarzyszenie gmin, a Iława jest jego siedzibą. Zarząd stowarzyszenia:\n"
                           "- p.Jan Kruk (wójt g.Kisielice) – prezes,\n- p.Piotr Lis (wójt gm. Zalewo),\n"))
    assert {("person:jan kruk", "wójt", "place:kisielice"), ("person:piotr lis", "wójt", "place:zalewo")} <= held, held


def test_a_polish_town_and_a_polish_county_visiting_a_partner_together_are_not_partners():
    doc = read("W maju delegacja władz Gminy Susz i Powiatu Iławskiego złożyła wizytę w partnerskim mieście Vreden.")
    pairs = twinned_pairs(doc)
    assert frozenset(("organisation:gmina susz", "place:vreden")) in pairs, pairs
    assert not any("organisation:powiat ilawski" in pair and "organisation:gmina susz" in pair for pair in pairs), pairs


def test_a_day_told_again_without_its_year_after_an_aside_into_an_earlier_year():
    assert dates("Umowę podpisano 9 października 2019 roku w Iławie. Kontakty z Vreden trwały już od 2005 r. "
                 "Dokument podpisali 9 października burmistrzowie obu miast.") == ["2019-10-09", "2005", "2019-10-09"]
    assert dates("Dnia 11 listopada 2015 r. był koncert.\n\n2016\n\n11 listopada – znów koncert.") == \
        ["2015-11-11", "2016", "2016-11-11"]


def test_an_office_holder_named_by_the_surname_alone():
    doc = read("Goście rozmawiali z burmistrzem Krzemińskim, a mszę odprawił proboszcz Badura.")
    assert entity_names(doc, "person") == {"Krzemiński", "Badura"}, entity_names(doc, "person")
    doc = read("Burmistrz Jan Krzemiński powitał gości. Oprócz burmistrza Krzemińskiego byli radni. Szpital im. "
               "Stefana Kardynała Wyszyńskiego przyjął gości z Lyonu, a burmistrz Iławy i mer Lyonu rozmawiali.")
    assert entity_names(doc, "person") == {"Jan Krzemiński"}, entity_names(doc, "person")
    assert {"Iława", "Lyon"} <= entity_names(doc, "place"), entity_names(doc, "place")


def test_a_title_given_to_persons_named_after_it_but_not_one_only_proposed():
    held = roles_held(read("Uchwała w sprawie nadania tytułu „Honorowego Obywatela Miasta Iławy” dla pani Anny Sowy."))
    assert ("person:anna sowa", "honorowy obywatel", "place:ilawa") in held, held
    held = roles_held(read("Radni podjęli uchwałę w sprawie nadania tytułu Honorowego Obywatela Gminy Iława dwóm "
                           "osobom: marszałkowi Janowi Krukowi i Piotrowi Lisowi."))
    assert {("person:jan kruk", "honorowy obywatel"), ("person:piotr lis", "honorowy obywatel")} <= \
        {(p, r) for p, r, _ in held}, held
    held = roles_held(read("Na sesji zostanie złożony wniosek o nadanie tytułu honorowego obywatela Iławy dla Jana "
                           "Kruka."))
    assert not any(r == "honorowy obywatel" for _, r, _ in held), held


def test_a_sea_the_text_names_most_is_no_home_town_of_its_partners():
    doc = read("Miasta partnerskie\n\nVREDEN\n\nMiasto nad Morzem Bałtyckim? Nie, ale nad Morzem Bałtyckim leży Iława "
               "Morska, a Morze Bałtyckie jest blisko. Z Morza Bałtyckiego płyną statki do Vreden i do Iławy.")
    assert not any("place:morze baltyckie" in pair for pair in twinned_pairs(doc)), twinned_pairs(doc)


def test_partners_listed_with_their_country_and_year_are_dated_partners():
    doc = read("Do grona miast partnerskich Iławy dołączyły Vreden – Niemcy (1992), Kelme i Birże – Litwa (1994), "
               "Zbaraż – Ukraina (1996).")
    assert {"Vreden", "Kelme", "Birże", "Zbaraż"} <= entity_names(doc, "place"), entity_names(doc, "place")
    dated = {(e.date, p) for e in doc._.events for p in e.participants}
    assert {("1992", "place:vreden"), ("1994", "place:kelme"), ("1994", "place:birze"), ("1996", "place:zbaraz")} \
        <= dated, dated


def test_a_number_after_a_country_is_no_part_of_its_name():
    assert entity_names(read("Spotkanie Niemcy 1\n\nGoście z Niemiec przyjechali do Iławy."), "place") == \
        {"Niemcy", "Iława"}


def test_a_saint_a_church_is_dedicated_to_is_no_person():
    doc = read("Koncert odbył się w kościele pw. św. Jana Chrzciciela w Iławie, a wystawę otwarto w kościele p.w. "
               "św. Anny.")
    assert entity_names(doc, "person") == set(), entity_names(doc, "person")


def test_a_resolution_in_the_instrumental_is_the_means_of_the_act_its_verb_tells():
    doc = read("Uchwałą nr XII/40/09 z dnia 3 marca 2009 roku nawiązano współpracę partnerską pomiędzy gminami "
               "Iława i Vreden.")
    assert {(e.type, e.date) for e in doc._.events} == {("Partnership", "2009-03-03")}, doc._.events


def test_a_given_name_that_is_also_a_common_noun_before_a_common_word_names_a_room_not_a_person():
    doc = read("Goście z Vreden spotkali się w Sala Posiedzeń, a potem Sala Widowiskowej była pełna. Przyszły też "
               "Róża Kruk i Sala Nowak.")
    assert entity_names(doc, "person") == {"Róża Kruk", "Sala Nowak"}, entity_names(doc, "person")


def test_a_council_named_in_lower_case_with_its_unit_after_its_chairs_office():
    doc = read("Iławę reprezentowali: Jan Kruk – burmistrz Iławy, Piotr Lis – przewodniczący rady miejskiej, Anna Sowa – "
               "przewodnicząca rady nadzorczej spółki.")
    held = roles_held(doc)
    assert ("person:piotr lis", "przewodniczący") in {(p, r) for p, r, o in held if o.startswith("organisation:rada")}, held
    assert "rada miejska" in entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert not any(o.startswith("organisation:rada") for p, r, o in held if p == "person:anna sowa"), held


def test_a_body_every_town_has_is_named_by_the_town_it_is_from():
    doc = read("Ochotnicza Straż Pożarna z Lipnika gościła strażaków z Vreden. Gminny Ośrodek Kultury z Gminą Iława "
               "przygotował festyn.")
    seats = {e.name: e.seat_name for e in doc._.entities.values() if e.kind == "organisation"}
    assert seats["Ochotnicza Straż Pożarna"] == "Ochotnicza Straż Pożarna z Lipnika", seats
    assert seats["Gminny Ośrodek Kultury"] is None, "with the gmina, not from it"
    located = {(r.subject, r.object) for r in doc._.relations if r.predicate == "location"}
    assert located == {("organisation:ochotnicza straz pozarna", "place:lipnik")}, located


def test_a_person_named_before_in_full_is_no_place_by_the_surname_alone():
    doc = read("Umowę podpisał przewodniczący rady Bogdan Oleszek. „Goście mają wiele pytań” – powiedział Oleszek. "
               "Potem Jan Kalisz pojechał do Kalisza.")
    assert entity_names(doc, "place") == {"Kalisz"}, "the town after 'do', not the surname alone"
    assert entity_names(doc, "person") == {"Bogdan Oleszek", "Jan Kalisz"}, entity_names(doc, "person")


def test_councillors_listed_without_a_town_are_of_the_town_the_text_tells_of():
    doc = read("Burmistrz Lipnika Jan Nowak pojechał do Vreden. W skład polskiej delegacji wchodzili poza burmistrzem "
               "radni: Stefan Mazur i Tadeusz Sowa. Był tam też radny Adam Kot. Lipnik odwiedzi Vreden znowu.")
    held = roles_held(doc)
    assert {("person:stefan mazur", "radny", "place:lipnik"), ("person:tadeusz sowa", "radny", "place:lipnik")} <= held, held
    assert not any(p == "person:adam kot" for p, _, _ in held), "one councillor alone: of no town the text names"


def test_an_organisations_noun_in_a_form_the_plural_shares_stands_for_the_one_named_before():
    doc = read("Walne zebranie Stowarzyszenia Przyjaciół Vreden odbyło się w maju. Na początku prezes stowarzyszenia "
               "Renata Kowal przywitała gości. Dyrektorzy szkół – Jan Kruk i Ewa Sowa – podpisali list.")
    held = roles_held(doc)
    assert ("person:renata kowal", "prezes", "organisation:stowarzyszenie przyjaciol vreden") in held, held
    assert not any(p in ("person:jan kruk", "person:ewa sowa") for p, _, _ in held), "schools, in the plural only"


def test_a_web_pages_field_label_before_a_colon_is_no_part_of_a_name():
    doc = read("Sesja wyjazdowa w Lipniku\nDodał: Radek Data: 2022-05-30 11:01:03 (czytane: 566)\nTekst: Anna Lis "
               "Zdjęcia: Jan Kruk\nRadni gminy Lipnik pojechali do Vreden.")
    assert entity_names(doc, "person") == {"Anna Lis", "Jan Kruk"}, entity_names(doc, "person")
    assert "Lis" not in entity_names(doc, "place"), entity_names(doc, "place")


def test_a_mayor_listed_in_a_delegation_from_a_gmina_named_against_a_town_abroad_is_the_gminas():
    doc = read("Delegacja z Gminy Ryn w składzie: Burmistrz Józef Kruk, radny Stanisław Sowa udała się na Litwę do "
               "Jurbarkasu.")
    held = roles_held(doc)
    assert ("person:jozef kruk", "burmistrz", "organisation:gmina ryn") in held, held


def test_a_county_office_in_a_delegation_representing_a_town_is_the_countys():
    doc = read("Polski Lipnik reprezentowała delegacja w składzie: Jan Kruk Starosta Lipnicki, Adam Sowa Wicestarosta, "
               "Piotr Kot z-ca Burmistrza i Ewa Lis dyrektor Domu Kultury.")
    held = roles_held(doc)
    assert ("person:adam sowa", "wicestarosta", "organisation:powiat lipnicki") in held, held


def test_a_months_name_after_a_spaced_dash_in_a_double_surname_is_no_date():
    text = ("Sesja odbyła się w styczniu 2022 r. W wyjeździe uczestniczyli: Zastępca Burmistrza – Adam Sowa, Skarbnik "
            "Gminy - Anna Kowal – Luty, Radni. Program – Luty 2023 – przygotowano w Lipniku.")
    assert dates(text) == ["2022-01", "2023-02"], dates(text)
    assert "Anna Kowal-Luty" in entity_names(read(text), "person"), entity_names(read(text), "person")


def test_a_state_of_the_past_is_no_partner_town():
    doc = read("Lipnik podejmuje współpracę partnerską także z miastami byłego ZSRR. W 1975 r. Seiffen w NRD został "
               "miastem partnerskim Lipnika.")
    assert twinned(doc) == {frozenset(("place:seiffen", "place:lipnik"))}, twinned(doc)


def test_a_heading_in_capitals_with_a_preposition_is_no_towns_name():
    doc = read("WSPÓŁPRACA Z KOŁOMYJĄ - UKRAINA\n\nLipnik podpisał porozumienie z Kołomyją w 2000 roku.\n\n"
               "NOWE MIASTO - SŁOWACJA\n\nTo drugi partner Lipnika.")
    places = entity_names(doc, "place")
    assert not any(name.lower().startswith("współpraca") for name in places), places
    assert {"Kołomyja", "Lipnik"} <= places, places


def test_a_form_sgjp_knows_as_a_place_only_in_the_locative_needs_a_preposition_of_that_case():
    doc = read("Zamek wznieśli magnaci: Radziwiłłowie i Kiszkowie budowali tu pałace. Spotkanie odbyło się w Krakowie, "
               "Sanoku i pięknym Lipniku.")
    assert entity_names(doc, "place") == {"Kraków", "Sanok", "Lipnik"}, entity_names(doc, "place")


def test_a_vice_rector_is_an_office_of_the_university():
    doc = read("Uczelnię reprezentowali: rektor Jan Kruk i prorektor Politechniki Lipnickiej Anna Kot.")
    held = roles_held(doc)
    assert ("person:anna kot", "prorektor", "organisation:politechnika lipnicka") in held, held


def test_towns_listed_after_partner_towns_in_the_genitive_are_the_home_towns_partners():
    doc = read("Lipnik gościł w sobotę swoich przyjaciół. Przybyli przedstawiciele miast partnerskich Kremnicy, Zwolenia, "
               "Vernon, Lohmaru i Ustki oraz radni Lipnika.")
    assert twinned(doc) == {frozenset(("place:lipnik", f"place:{town}"))
                            for town in ("kremnica", "zwolen", "lohmar", "ustka")}, twinned(doc)  # Vernon: not known


def test_a_slash_between_two_names_of_twin_towns():
    doc = read("Zebranie odbyło się w miastach Görlitz/Zgorzelec, a rok wcześniej w Frankfurt (Oder)/Słubice.")
    places = entity_names(doc, "place")
    assert {"Görlitz", "Zgorzelec", "Słubice"} <= places and not any("/" in p for p in places), places


def test_a_market_square_is_no_partner_town():
    doc = read("W Lipniku, mieście partnerskim Vernon, goście zwiedzili Rynek Główny i ratusz.")
    assert twinned(doc) == {frozenset(("place:lipnik", "place:vernon"))}, twinned(doc)
    doc = read("Goście z partnerskiego Vernon zwiedzili w Lipniku Rynek Główny (Hauptmarkt), ratusz i kościół.")
    assert not any("place:rynek glowny" in pair for pair in twinned(doc)), twinned(doc)


def test_partner_towns_written_with_their_country_after_a_slash():
    doc = read("Lipnik przyjął gości.\nDo Lipnika przyjechali goście z miast partnerskich Poczdam/Niemcy, Alytus/Litwa i "
               "Bruntal/Czechy.")
    contained = {(r.subject, r.object) for r in doc._.relations if r.predicate == "containedInPlace"}
    assert contained == {("place:poczdam", "place:niemcy"), ("place:alytus", "place:litwa"),
                         ("place:bruntal", "place:czechy")}, contained
    assert twinned(doc) == {frozenset(("place:lipnik", f"place:{town}")) for town in ("poczdam", "alytus", "bruntal")}, \
        twinned(doc)


def test_the_noun_partner_before_a_town_in_the_genitive_tells_a_partnership():
    doc = read("Miasto Kremnica było pierwszym zagranicznym partnerem Lipnika.")
    assert twinned(doc) == {frozenset(("place:kremnica", "place:lipnik"))}, twinned(doc)
    doc = read("Miasto Kremnica było partnerem projektu, który Lipnik prowadził z Sanokiem.")
    assert not any("place:kremnica" in pair for pair in twinned(doc)), twinned(doc)


def test_of_two_towns_told_as_often_the_own_is_the_one_its_bodies_are_named_after():
    doc = read("Wczoraj jubileusz świętowała Gminna Orkiestra Dęta w Lipnikach.\nOrkiestra powstała w 1998 roku przy "
               "wsparciu wójta Jana Kruka. Zagrała m.in. na Placu Zamkowym w Warszawie.\nKwiaty wręczył przewodniczący "
               "Rady Gminy Lipniki Adam Sowa.")
    assert ("person:jan kruk", "wójt", "place:lipniki") in roles_held(doc), roles_held(doc)


def test_the_town_that_has_the_partner_towns_listed_after_a_colon_is_their_partner():
    doc = read("Gmina Sanok od lat rozwija współpracę z zagranicą. Sanok słynie z pięknych widoków i gór, a Sanok to "
               "miasto gościnne.\n\nDziś Lipnik ma cztery miasta partnerskie: Kremnica (Słowacja), Lohmar (Niemcy), "
               "Zwoleń oraz Ustka.")
    assert twinned(doc) == {frozenset(("place:lipnik", f"place:{town}")) for town in ("kremnica", "lohmar", "zwolen",
                                                                                       "ustka")}, twinned(doc)


def test_agreements_with_partner_towns_that_no_town_holds_are_the_own_towns_and_not_of_their_signers():
    doc = read("Sanok, Kremnica i Lohmar leżą daleko od siebie. Kremnica i Lohmar to stare miasta.\n"
               "Umowę partnerską z Kremnicą podpisał w 1995 r. burmistrz Pavel Horak, a z Lohmarem w 2004 r. "
               "burmistrz Klaus Weber. Rada Miejska w Sanoku obradowała wczoraj.")
    assert twinned(doc) == {frozenset(("place:sanok", "place:kremnica")), frozenset(("place:sanok", "place:lohmar"))}, \
        twinned(doc)
    offices = {(person, town) for person, _role, town in roles_held(doc)}
    assert not offices & {("person:pavel horak", "place:kremnica"), ("person:klaus weber", "place:lohmar")}, offices
    doc = read("Gmina Lipnik zawarła umowę partnerską z gminą Lohmar. Dokument podpisali burmistrzowie: "
               "Adam Sowa i Ewa Kruk.")
    assert twinned(doc) == {frozenset(("organisation:gmina lipnik", "place:lohmar"))} or \
        twinned(doc) == {frozenset(("place:lipnik", "place:lohmar"))}, twinned(doc)


def test_a_state_by_its_official_name_is_a_place_but_its_embassy_a_body():
    doc = read("Radni potępili działania Federacji Rosyjskiej. Ambasada Federacji Rosyjskiej milczała.")
    assert [(e.text, e._.entity) for e in doc.ents] == [("Federacji Rosyjskiej", "place:rosja"),
                                                        ("Ambasada Federacji Rosyjskiej",
                                                         "organisation:ambasada federacji rosyjskiej")], doc.ents


def test_a_mayor_named_with_the_adjective_of_a_town_the_text_names_is_that_towns():
    doc = read("Sanok żegna Lipnik. W Sanoku ludzie zapalają znicze przed ratuszem, a flaga Sanoka jest opuszczona. "
               "Zginął lipnicki burmistrz Adam Sowa.")
    assert ("person:adam sowa", "burmistrz", "place:lipnik") in roles_held(doc), roles_held(doc)


def test_a_voivodeship_named_by_its_adjective_in_brackets_after_a_town():
    doc = read("Na obóz pojechali strażacy z Lipnika (lubuskie) i Sanoka (woj. podkarpackie).")
    contained = {(r.subject, r.object) for r in doc._.relations if r.predicate == "containedInPlace"}
    assert contained == {("place:lipnik", "organisation:wojewodztwo lubuskie"),
                         ("place:sanok", "organisation:wojewodztwo podkarpackie")}, contained


def test_a_town_in_the_north_of_a_region_is_no_partner_of_the_region():
    doc = read("Lipnik to małe miasto. Od 2016 roku Lipnik jest miastem partnerskim Lohmaru w północnej Hesji.")
    assert twinned(doc) == {frozenset(("place:lipnik", "place:lohmar"))}, twinned(doc)


def test_a_cooperation_begun_in_a_year_is_a_dated_event_but_other_things_begun_are_not():
    doc = read("Współpraca z gminą Lohmar rozpoczęła się w 1991 roku. Gmina Lipnik podjęła współpracę z Kremnicą "
               "w 1998 roku. W 2010 roku rozpoczęto remont szkoły.")
    assert sorted((e.type, e.date) for e in doc._.events) == [("Partnership", "1991"), ("Partnership", "1998")], \
        [(e.type, e.date, e.trigger) for e in doc._.events]


def test_a_town_described_as_lying_in_a_country_and_in_its_units_lies_in_each():
    doc = read("Miasto Borysław położone jest na Ukrainie w obwodzie lwowskim. Miasto Lohmar to miasto w Niemczech, "
               "w kraju związkowym Nadrenia Północna-Westfalia.")
    contained = {(r.subject, r.object) for r in doc._.relations if r.predicate == "containedInPlace"}
    assert {("place:boryslaw", "place:ukraina"), ("place:lohmar", "place:niemcy"),
            ("place:lohmar", "place:nadrenia polnocna-westfalia")} <= contained, contained
    assert any(town == "place:boryslaw" and "lwowski" in unit for town, unit in contained), contained


def test_a_town_in_a_country_and_in_a_unit_named_after_it_lies_in_that_unit():
    doc = read("Przyjechała delegacja z Kowla na Ukrainie w obwodzie wołyńskim.")
    contained = {(r.subject, r.object) for r in doc._.relations if r.predicate == "containedInPlace"}
    assert contained == {("place:kowel", "place:ukraina"), ("place:kowel", "organisation:obwod wolynski")}, contained


def test_a_long_foreign_town_name_mistyped_once_is_the_same_town():
    doc = read("Uczniowie z Lipnika pojechali do Crailsheim. W Crailsheim gościli ich uczniowie gimnazjum, a z "
               "Crailheim wrócili po tygodniu.")
    towns = [e for e in doc._.entities.values() if e.kind == "place"]
    assert [(e.name, sorted(e.aliases)) for e in towns if e.name.startswith("Crail")] == \
        [("Crailsheim", ["Crailheim", "Crailsheim"])], [(e.name, e.aliases) for e in towns]
    doc = read("Goście z Niederorshel przyjechali do Lipnika. Burmistrz Niederorshel dziękował, a do Niederorschel "
               "wrócili po tygodniu.")
    assert [e.name for e in doc._.entities.values() if e.name.startswith("Nieder")] == ["Niederorschel"], \
        [e.name for e in doc._.entities.values()]
    doc = read("Delegacje z Kalisza i z Kaliska spotkały się w Gubinie, a potem w Lubinie.")
    assert {"place:kalisz", "place:gubin", "place:lubin"} <= set(doc._.entities), set(doc._.entities)


def test_a_voivodeship_and_the_region_it_is_named_after_are_one_unit_in_one_text():
    doc = read("Goście z Podlasia odwiedzili Lipnik. Marszałek województwa podlaskiego Jan Kruk przyjechał z nimi.")
    units = [(e.name, sorted(e.aliases)) for e in doc._.entities.values() if e.name != "Lipnik" and e.kind != "person"]
    assert units == [("województwo podlaskie", ["Podlasia", "Podlasie", "województwa podlaskiego"])], units
    doc = read("Turyści z Pomorza przyjechali do Lipnika.")
    assert "Pomorze" in {e.name for e in doc._.entities.values()}, doc._.entities


def test_a_capitalised_feature_heading_a_things_name_is_no_village_but_a_town_named_so_is():
    doc = read("Delegacja złożyła kwiaty pod Pomnikiem Chwały, a potem zaprosiliśmy gości na Rynek "
               "Starego Sącza.")
    assert {e.name for e in doc._.entities.values()} & {"Pomnik", "Rynek"} == set(), \
        [(e.name, e.kind) for e in doc._.entities.values()]
    doc = read("Wóz strażacki przekazano strażakom w Dolinie. Goście z Jeleniej Góry przyjechali nad Jezioro "
               "Tarnobrzeskie.")
    assert {"Dolina", "Jelenia Góra", "Jezioro Tarnobrzeskie"} <= {e.name for e in doc._.entities.values()}, \
        [(e.name, e.kind) for e in doc._.entities.values()]


def test_a_saint_named_after_an_abbreviated_title_is_no_person_of_the_text():
    doc = read("Patronką Dnia Samorządowca jest św. Kinga. Chór śpiewał ze św. Antonim w Padwie, a przy "
               "kościele św. św. Piotra i Pawła stoi klasztor. Goście odwiedzili Świętą Lipkę.")
    assert not [e.name for e in doc._.entities.values() if e.kind == "person"], \
        [(e.name, e.kind) for e in doc._.entities.values()]
    assert "Święta Lipka" in {e.name for e in doc._.entities.values()}


def test_two_heads_read_as_one_partner_towns_are_the_own_towns_head_and_the_partners():
    doc = read("Gmina Lipnik od lat współpracuje z gminą Wendelsbach, a Gmina Lipnik jest z tego dumna. "
               "7 października Gmina Lipnik zawarła umowę partnerską z gminą Wendelsbach. Dokument podpisali "
               "burmistrzowie: Piotr Sowa i Andreas Weber.")
    offices = {(person, town) for person, role, town in roles_held(doc) if role == "burmistrz"}
    assert ("person:andreas weber", "place:wendelsbach") in offices, offices
    assert ("person:piotr sowa", "place:wendelsbach") not in offices, offices
    assert any(person == "person:piotr sowa" and "lipnik" in town for person, town in offices), offices


def test_an_event_its_mayors_take_part_in_is_their_towns_too():
    doc = read("Burmistrz Lipnika Adam Sowa i mer Lohmaru Jean Morel znają się od lat. 12 czerwca 2019 r. umowę "
               "podpisali Adam Sowa i Jean Morel.")
    signing = [e for e in doc._.events if e.type == "Signing"]
    assert len(signing) == 1 and {"place:lipnik", "place:lohmar"} <= set(signing[0].participants), \
        [(e.type, e.participants) for e in doc._.events]


# --- batch fl: a broadcaster's news, school chronicles, university and association pages ---------------------

def test_the_capital_of_a_unit_stands_for_the_texts_own_town_in_a_list_of_its_partners():
    doc = read("Miasto Lipnik od lat współpracuje z Lohmarem. Stolica powiatu lipnickiego ma obecnie 5 miast "
               "partnerskich – "
               "od czeskiego Trutnova, przez niemieckie Lohmar i Rheinau, po słowackie Koszyce.")
    pairs = twinned_pairs(doc)
    assert {frozenset(("place:lipnik", town)) for town in ("place:trutnov", "place:rheinau", "place:koszyce")} <= pairs
    assert not [p for p in pairs if any("powiat" in side for side in p)], pairs


def test_a_countrys_name_that_is_also_a_given_name_is_the_country():
    doc = read("Partnerem Lipnika jest miasto Holon w Izraelu. Delegacja z Izraela przyjechała w maju.")
    assert "Izrael" in entity_names(doc, "place"), [(e.name, e.kind) for e in doc._.entities.values()]
    contained = {(r.subject, r.object) for r in doc._.relations if r.predicate == "containedInPlace"}
    assert ("place:holon", "place:izrael") in contained, contained


def test_towns_after_any_countrys_adjective_and_in_the_plural_take_their_base_form():
    doc = read("Lipnik współpracuje z ormiańskim Giumri, azerbejdżańskim Sumgaitem i mołdawskimi Bielcami.")
    assert {"Giumri", "Sumgait", "Bielce"} <= entity_names(doc, "place"), entity_names(doc, "place")
    doc = read("Delegacja z Lipnika gościła w Sużanach. Sużany leżą w rejonie wileńskim.")
    assert "Sużany" in entity_names(doc, "place"), entity_names(doc, "place")


def test_a_matter_closing_a_bodys_name_after_i_is_the_names_not_a_second_body():
    doc = read("Przyjechał prof. Jan Kowal, dziekan Wydziału Prawa i Administracji, a także inni goście.")
    assert ("person:jan kowal", "dziekan", "organisation:wydzial prawa i administracji") in roles_held(doc), \
        roles_held(doc)
    for text in ("Gości przyjęli przedstawiciele Urzędu Miasta i Rady Miejskiej.",
                 "Gości przyjęli przedstawiciele Urzędu Miasta Lipnika i Starostwa."):
        names = entity_names(read(text), "organisation")
        assert names and not [n for n in names if " i " in n], names


def test_units_in_the_plural_are_no_ones_name():
    doc = read("Goście spotkali się z wójtami gmin członkowskich i ze starostą powiatu lipnickiego.")
    assert entity_names(doc, "organisation") == {"powiat lipnicki"}, entity_names(doc, "organisation")


def test_a_school_by_its_acronym_keeps_its_patrons_name():
    doc = read("W 2016 r. I LO im. Jana Kowala w Lipniku obchodziło jubileusz z uczniami SP nr 3 im. Anny Sowy.")
    assert not entity_names(doc, "person"), entity_names(doc, "person")
    assert {"I LO im. Jana Kowala", "SP nr 3 im. Anny Sowy"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")


def test_a_jubilee_in_years_is_a_dated_event_but_not_the_occasion_of_another():
    doc = read("2016r.- 10-lecie partnerstwa Lipnika i Lohmaru\n\n2017 r. – 20-lecie wymiany młodzieży w Lipniku\n")
    assert [(e.type, e.date) for e in doc._.events] == [("Festival", "2016"), ("Festival", "2017")], \
        [(e.type, e.date, e.trigger) for e in doc._.events]
    assert {"place:lipnik", "place:lohmar"} <= set(doc._.events[0].participants), doc._.events[0].participants
    doc = read("Tytuły nadano 13 lutego 1960 roku w Lipniku, w 15-lecie powrotu miasta do Polski. "
               "W lecie 2014 r. Lipnik gościł mieszkańców Lohmaru.")
    assert "Festival" not in {e.type for e in doc._.events}, [(e.type, e.date) for e in doc._.events]


def test_a_body_represented_by_its_head_is_the_body_in_its_town_unless_the_office_is_the_towns():
    doc = read("Umowę podpisały Szkoła Podstawowa w Lipniku reprezentowana przez dyrektor Annę Sowę oraz gmina "
               "Rheinau.")
    held = roles_held(doc)
    assert any(p == "person:anna sowa" and o.startswith("organisation:szkola podstawowa") for p, _, o in held), held


def test_a_foreign_regions_name_in_ji_or_ii_is_a_feminine_name_in_ja_or_ia():
    doc = read("Goście z Hesji przyjechali do Lipnika, a delegacja z Emilii-Romanii i z Kalabrii do Lohmaru.")
    assert {"Hesja", "Emilia-Romania", "Kalabria"} <= entity_names(doc, "place"), entity_names(doc, "place")


def test_partner_towns_of_a_town_in_the_genitive_are_its_own_though_the_text_is_about_another():
    doc = read("Lipnik to piękne miasto. Lipnik jest duży. W Lipniku mieszka wielu studentów. Oksford chce, by "
               "Lipnik był jego miastem partnerskim.\n\nDziś miastami partnerskimi Oksfordu są między innymi: Bonn, "
               "Grenoble i Perugia.")
    assert {frozenset(("place:oksford", town)) for town in ("place:bonn", "place:grenoble", "place:perugia")} \
        <= twinned_pairs(doc), twinned_pairs(doc)


def test_an_office_of_this_body_is_the_bodys_named_before():
    doc = read("W Lipniku gościli rektorzy Uniwersytetu Lohmarskiego, z prof. Janem Kowalem, rektorem tej uczelni, "
               "na czele. Delegację Fundacji Rozwoju Wsi przyjęła Anna Sowa, prezes tej fundacji.")
    held = roles_held(doc)
    assert ("person:jan kowal", "rektor", "organisation:uniwersytet lohmarski") in held, held
    assert ("person:anna sowa", "prezes", "organisation:fundacja rozwoju wsi") in held, held
    doc = read("Za pośrednictwem Anny Sowy z Oberdorfu Gmina Lipnik nawiązała kontakty z Gminą Rheinau. Z czasem "
               "Burmistrza tej Gminy, Hansa Webera, przekonała ciekawość.")
    assert any(p == "person:hans weber" and "rheinau" in o for p, _, o in roles_held(doc)), roles_held(doc)


def test_a_service_clubs_acronym_opens_its_name_and_its_president_heads_it():
    doc = read("Przyjechali goście z RC Bartoszyce-Lidzbark Warmiński, z klubu Rotary w Prenzlau z prezydentem "
               "Axelem Krauze oraz z RC Sopot z prezydentką Anną Sową.")
    assert {"RC Bartoszyce-Lidzbark Warmiński", "RC Sopot"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")
    assert not entity_names(doc, "person") & {"Bartoszyce-Lidzbark Warmiński"}, entity_names(doc, "person")
    assert ("person:anna sowa", "prezydent", "organisation:rc sopot") in roles_held(doc), roles_held(doc)
    doc = read("W biegu wzięli udział goście z miasta partnerskiego Hronov (RC), a minister kultury RC Jiří "
               "Novák przysłał list.")
    assert not entity_names(doc, "organisation") and entity_names(doc, "person") == {"Jiří Novák"}, \
        [(e.name, e.kind) for e in doc._.entities.values()]


def test_a_programmes_name_with_a_numbered_strand_is_no_person():
    doc = read("Projekt dofinansowano w ramach Programu Interreg V-A Polska-Słowacja. Przyjechał też Jan KOWALSKI.")
    assert entity_names(doc, "person") == {"Jan Kowalski"}, entity_names(doc, "person")


def test_a_vice_dean_is_an_office_of_the_scheme():
    doc = read("Wizytę złożyli Dyrektor CEW UMCS, prof. dr hab. Jan Kowal oraz Prodziekan Wydziału Prawa UMCS, dr hab. "
               "Anna Sowa, prof. UMCS.")
    assert ("person:anna sowa", "prodziekan", "organisation:wydzial prawa umcs") in roles_held(doc), roles_held(doc)


def test_a_body_named_by_its_head_and_seat_leaves_the_town_a_place():
    doc = read("Rektor Uniwersytetu w Lipsku przyjechał do Lipnika. Dyrektor Muzeum w Rheinau Jan Kowal też.")
    assert {"Uniwersytet w Lipsku", "Muzeum w Rheinau"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")
    assert {"Lipsk", "Rheinau"} <= entity_names(doc, "place"), entity_names(doc, "place")
    located = {(r.subject, r.object) for r in doc._.relations if r.predicate == "location"}
    assert ("organisation:muzeum w rheinau", "place:rheinau") in located, located
    assert ("person:jan kowal", "dyrektor", "organisation:muzeum w rheinau") in roles_held(doc), roles_held(doc)
    doc = read("Partnerstwo Liceum w Lipsku i Gimnazjum w Rheinau trwa od 2001 roku.")
    assert twinned_pairs(doc) == set(), twinned_pairs(doc)


def test_a_foreign_towns_locative_in_dzie_rze_or_cie_is_brought_to_the_name_geonames_knows():
    doc = read("Goście z Lipnika byli w Szegedzie, w Egerze, w Bielefeldzie i w Dniprze.")
    assert {"Szeged", "Eger", "Bielefeld", "Dnipro"} <= entity_names(doc, "place"), entity_names(doc, "place")


# --- batch fo: embassies, army units, hospitals, parishes ----------------------------------------------------

def test_a_military_unit_keeps_its_ordinal_number_and_period():
    doc = read("Umowę podpisali dowódca 12. Brygady Zmechanizowanej, płk dypl. Adam Lis, i żołnierze "
               "7. Pomorskiej Dywizji Piechoty.")
    assert [s.text for s in doc.sents][0].startswith("Umowę podpisali dowódca 12. Brygady"), list(doc.sents)
    assert {"12. Brygada Zmechanizowana", "7. Pomorska Dywizja Piechoty"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")
    assert ("person:adam lis", "dowódca", "organisation:12 brygada zmechanizowana") in roles_held(doc), \
        roles_held(doc)


def test_an_adjective_of_the_office_is_no_name():
    doc = read("Na uroczystość przybył Dowódca Generalny Sił Powietrznych gen. Jan Lis.")
    assert entity_names(doc, "person") == {"Jan Lis"}, entity_names(doc, "person")


def test_two_offices_of_one_body_and_their_two_holders_each_in_turn():
    doc = read("Gości przywitali prezes i wiceprezes Towarzystwa Miłośników Lipnika, Jan Kowal i Anna Sowa.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert held == {("person:jan kowal", "prezes"), ("person:anna sowa", "wiceprezes")}, roles_held(doc)


def test_a_participle_in_the_genitive_goes_on_with_the_name_and_its_patron():
    doc = read("Szpital podpisał umowę z Wojewódzkim Szpitalem Kombatantów i Więzionych im. Jana Lisa "
               "w Lipniku.")
    assert "Wojewódzki Szpital Kombatantów i Więzionych im. Jana Lisa" in entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")
    assert entity_names(doc, "person") == set(), entity_names(doc, "person")


def test_an_adjective_of_another_case_is_no_part_of_a_countrys_name():
    doc = read("Projekt sfinansowano ze środków Współpracy Przygranicznej Polska – Litwa.")  # no programme's name
    assert {"Polska", "Litwa"} == entity_names(doc, "place"), entity_names(doc, "place")


def test_a_person_in_a_streets_name_is_no_person_of_the_text():
    doc = read("Delegacja odwiedziła szkołę przy ul. Tadeusza Kościuszki i park przy al. gen. Józefa Bema, "
               "gdzie czekał na nią burmistrz Jan Kowal.")
    assert entity_names(doc, "person") == {"Jan Kowal"}, entity_names(doc, "person")


def test_an_adjective_opening_another_body_is_no_seat():
    doc = read("Przyjechali goście z Dekanatu Nadreńskiego w Ewangelickim Kościele Palatynatu.")
    orgs = {e.name: e for e in doc._.entities.values() if e.kind == "organisation"}
    assert "Dekanat Nadreński" in orgs and not any("Ewangelickim" in a for a in orgs["Dekanat Nadreński"].aliases), \
        {n: e.aliases for n, e in orgs.items()}


def test_a_second_office_after_a_zarazem_is_the_same_persons():
    doc = read("Nagrodę dostała Anna Sowa, która jest lekarką, a zarazem konsulem honorowym Litwy w Lipniku.")
    assert ("person:anna sowa", "konsul honorowy", "place:litwa") in roles_held(doc), roles_held(doc)


def test_a_body_named_by_one_word():
    doc = read("Posłowie Bundestagu i Caritas odwiedzili Lipnik. Jan Kowal, poseł do Sejmu, mówił o Senacie.")
    assert {"Bundestag", "Caritas", "Sejm", "Senat"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")
    assert ("person:jan kowal", "poseł", "organisation:sejm") in roles_held(doc), roles_held(doc)


# --- batch fp: small towns' pages, a mission abroad, a county and a district ------------------------------------

def test_a_day_told_with_its_weekday_falls_in_the_year_where_that_weekday_fits():
    text = ("Umowę podpisano 10 czerwca 2022 r. Przypomniano, że kontakty nawiązano w 1995 roku. "
            "Uroczystość odbyła się w piątek 17 czerwca z udziałem gości. W 1995 roku, we wtorek 13 czerwca, "
            "przyjechali pierwsi goście.")
    assert dates(text) == ["2022-06-10", "1995", "2022-06-17", "1995", "1995-06-13"], dates(text)


def test_an_anniversary_of_cooperation_with_a_town_is_the_home_towns_partnership():
    doc = read("Burmistrz Lipnika przyjął gości z Włoch. Przypadająca w tym roku 20. rocznica współpracy "
               "z miastem Pontassieve została uczczona koncertem.")
    assert twinned_pairs(doc) == {frozenset({"place:lipnik", "place:pontassieve"})}, twinned_pairs(doc)


def test_an_inflected_prelates_title_is_no_part_of_the_name_and_p_is_an_abbreviation():
    doc = read("Podziękowano ks. Prałatowi Janowi Kowalowi. Następnie Konsul RP w Lipsku p. Adam Sowa "
               "powitał gości.")
    assert entity_names(doc, "person") == {"Jan Kowal", "Adam Sowa"}, entity_names(doc, "person")
    assert ("person:adam sowa", "konsul", "place:polska") in roles_held(doc), roles_held(doc)


def test_an_initial_after_a_bodys_name_opens_its_holders_name():
    doc = read("Najwięcej głosów zdobył radny Rady Powiatu J. Kowalski.")
    assert "Rada Powiatu" in entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert entity_names(doc, "person") == {"J. Kowalski"}, entity_names(doc, "person")


def test_the_mayor_of_a_passive_sentence_is_not_the_person_before_it():
    doc = read("Na ręce Pana Burmistrza Hansa Webera została przekazana grafika od Burmistrza Lipnika.")
    assert not {r for r in roles_held(doc) if r[0] == "person:hans weber" and r[2] == "place:lipnik"}, roles_held(doc)


def test_the_virgins_name_and_a_credits_source_are_no_persons():
    doc = read("Lipnik/Wikimedia Commons\n\nGrupa parafian udała się do sanktuarium Matki Bożej w Lipsku. "
               "Mszę odprawiono w kościele pw. Matki Bożej Różańcowej.")
    assert entity_names(doc, "person") == set(), entity_names(doc, "person")


def test_an_apposition_goes_on_past_an_office_of_a_body_in_lower_case():
    doc = read("Gościem był Adam Sowa – ordynariusz diecezji lipnickiej, członek Rady Fundacji Lipnik.")
    assert ("person:adam sowa", "członek", "organisation:rada fundacji lipnik") in roles_held(doc), roles_held(doc)


def test_an_office_of_a_districts_government_is_the_districts():
    doc = read("Dyplomy przekazano na ręce mer Samorządu Rejonu Lipnickiego Anny Sowy.")
    assert ("person:anna sowa", "mer", "organisation:rejon lipnicki") in roles_held(doc), roles_held(doc)


def test_a_year_only_in_an_editions_name_dates_the_days_of_a_text_without_years():
    text = ("W dniach 12-13 maja br. delegacja gościła w Lipniku. 9 czerwca podczas Festynu Lipnickiego 2019 "
            "podpisano porozumienie.")
    assert dates(text) == ["2019-05-12", "2019-06-09"], dates(text)


# --- batch fq: county news, small towns' partnerships, a politician's site, an association abroad ---------------

def test_officers_in_the_plural_of_two_bodies_and_two_names_after_them_each_in_turn():
    doc = read("Gości powitali marszałkowie Sejmu i Senatu Jan Lis i Adam Sowa. Byli też burmistrzowie Lipnika "
               "i Opola: Ewa Kos oraz Anna Wrona.")
    held = roles_held(doc)
    assert {("person:jan lis", "marszałek", "organisation:sejm"), ("person:adam sowa", "marszałek", "organisation:senat"),
            ("person:ewa kos", "burmistrz", "place:lipnik"),
            ("person:anna wrona", "burmistrz", "place:opole")} <= held, held
    assert entity_names(doc, "organisation") == {"Sejm", "Senat"}, entity_names(doc, "organisation")


def test_a_name_after_an_office_in_the_locative_is_not_its_holder():
    doc = read("Nagrodę odebrał członek Rady Programowej przy prezesie Fundacji Lipnik Jan Kowal.")
    assert not {r for r in roles_held(doc) if r[1] == "prezes"}, roles_held(doc)


def test_a_participle_before_an_office_is_no_copula():
    doc = read("Gościliśmy delegację z miasta partnerskiego Opole.\n\nNa czele delegacji stał nowo wybrany "
               "Burmistrz Jan Kowal, wraz z nim przybyli: Zastępca Burmistrza Adam Sowa oraz były radny Opola "
               "i udzielający się społecznie Piotr Lis.")
    assert not {r for r in roles_held(doc) if r[0] == "person:jan kowal" and r[1] == "radny"}, roles_held(doc)


def test_a_mission_is_an_organisation_and_a_chapel_with_its_dedication_no_place():
    doc = read("Przyjechał rektor Polskiej Misji Katolickiej we Francji ks. Jan Lis. Sprzęt trafił do nowej "
               "Kaplicy p.w. Miłosierdzia Bożego.\n\nCopyright Towarzystwo Lipnickie © 2016. All Rights Reserved.")
    assert ("person:jan lis", "rektor", "organisation:polska misja katolicka we francji") in roles_held(doc), \
        roles_held(doc)
    assert entity_names(doc, "person") == {"Jan Lis"}, entity_names(doc, "person")
    assert "Kaplica" not in entity_names(doc, "place"), entity_names(doc, "place")


def test_a_partner_of_their_town_and_a_partnership_visit_twin_no_town_the_sentence_names():
    doc = read("Burmistrz Lipnika podpisał umowę partnerską z gminą Sowin. Goście przybyli do Lipnika z Brna, "
               "gdzie spotkali się z ich gminą partnerską z Niemiec (Aalen). Partnerskie odwiedziny były okazją "
               "do poznania "
               "gminy Lipnik i stolicy regionu - Opola.")
    assert twinned_pairs(doc) == {frozenset({"place:lipnik", "place:sowin"})}, twinned_pairs(doc)


def test_a_weekday_may_move_a_day_into_the_next_year():
    text = "Uchwałę przyjęto 29 grudnia 2022 r. Goście zwiedzili miasto we wtorek, 24 stycznia."
    assert dates(text) == ["2022-12-29", "2023-01-24"], dates(text)


def test_a_units_adjectives_stop_at_its_holders_given_name():
    doc = read("Gości powitał w towarzystwie starosty powiatu lipnickiego Jacka Kruka wójt gminy.")
    assert ("person:jacek kruk", "starosta", "organisation:powiat lipnicki") in roles_held(doc), roles_held(doc)


# --- batch fr: partnership chronicles, a school's jubilee, a home page's notices --------------------------------

def test_a_given_name_after_and_ends_a_units_name():
    doc = read("Podpisali go: Jan Lis - Wójt Gminy Sowin, Adam Kot Wójt Gminy Lipnik i Błażej Wrona - Wójt Gminy "
               "Borowiec.")
    held = roles_held(doc)
    assert ("person:adam kot", "wójt", "organisation:gmina lipnik") in held, held
    assert ("person:blazej wrona", "wójt", "organisation:gmina borowiec") in held, held


def test_zostac_before_an_office_not_in_the_instrumental_is_no_taking_of_it():
    doc = read("W uroczystości wzięli udział: Jan Lis - Wójt Gminy Sowin i Adam Kot - Wójt Gminy Lipnik. Potrzeba "
               "współpracy podyktowana została spotkaniami Wójtów Gmin Sowin i Lipnik.")
    assert {r for r in roles_held(doc) if r[0] == "person:adam kot"} == {
        ("person:adam kot", "wójt", "organisation:gmina lipnik")}, roles_held(doc)


def test_heads_of_towns_in_a_county_hold_no_office_of_the_county_and_being_present_is_no_office():
    doc = read("Wśród gości byli obecni: starosta lipnicki Jan Lis, dyrektor Muzeum Regionalnego Adam Kot, "
               "wójtowie "
               "i burmistrzowie powiatu lipnickiego: Ewa Sowa, Anna Wrona.")
    held = roles_held(doc)
    assert ("person:jan lis", "starosta", "organisation:powiat lipnicki") in held, held
    assert not {r for r in held if r[1] in ("wójt", "burmistrz")}, held


def test_a_place_after_w_opens_no_persons_name_before_an_office():
    doc = read("Byli też: radny dzielnicy w Berlin-Mitte Hans Weber, członek Rady Fundacji Lipnik, i burmistrz.")
    assert entity_names(doc, "person") == {"Hans Weber"}, entity_names(doc, "person")


def test_a_known_towns_name_and_a_company_are_no_persons_whatever_the_model_says():
    doc = read("Umowę podpisały miasta: Lipnik, Kazimierz Dolny i Nałęczów. Przedstawiciele Lipnik Tech "
               "Sp. z o.o. "
               "zaprezentowali swoją spółkę.")
    assert entity_names(doc, "person") == set(), entity_names(doc, "person")
    assert "Kazimierz Dolny" in entity_names(doc, "place"), entity_names(doc, "place")


# --- batch fs: gminas' partnership news, a chronicle, village heads' elections, a library's history ----------

def test_a_towns_name_in_another_language_in_brackets_is_its_alias_and_defines_it():
    doc = read("Sowin (lit. Savinas) to miasto na Litwie. Delegacja z Lipska (niem. Leipzig) przyjechała do Opola.")
    places = {e.name: sorted(e.aliases) for e in doc._.entities.values() if e.kind == "place"}
    assert "Savinas" in places.get("Sowin", []) and "Leipzig" in places.get("Lipsk", []), places
    assert [s.text for s in doc.sents][0] == "Sowin (lit. Savinas) to miasto na Litwie.", list(doc.sents)


def test_a_logos_caption_is_no_persons_name():
    doc = read("Logo DKK\n\nBiblioteką kierowała wtedy Anna Lis.")
    assert entity_names(doc, "person") == {"Anna Lis"}, entity_names(doc, "person")


def test_a_title_conferred_in_the_passive_is_its_holders_and_a_passive_proposal_is_nobodys():
    doc = read("Jan Lis został uhonorowany tytułem Honorowego Obywatela Gminy Sowin. W imieniu burmistrza Adama Kota "
               "zostanie złożony wniosek o nadanie tytułu honorowego obywatela Sowina dla Ewy Wrony.")
    held = roles_held(doc)
    assert ("person:jan lis", "honorowy obywatel", "organisation:gmina sowin") in held, held
    assert not {r for r in held if r[0] == "person:adam kot" and r[1] == "honorowy obywatel"}, held


def test_an_office_glued_to_a_surname_by_a_hyphen_is_no_part_of_it():
    doc = read("Tytuł otrzymał Adam Sowa-Członek Zarządu Województwa. Była też Anna Lis-Kowalska.")
    assert entity_names(doc, "person") == {"Adam Sowa", "Anna Lis-Kowalska"}, entity_names(doc, "person")


def test_a_fire_brigade_by_its_acronym_takes_a_village_named_by_an_adjective_and_a_noun():
    doc = read("Kluczyki przekazano prezesowi OSP Nowa Wieś. Była też OSP Stary Dwór.")
    assert {"OSP Nowa Wieś", "OSP Stary Dwór"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")


# --- batch fu: a machine-translated partner page, a charter, fire brigades' events with long guest lists ----------

def _types_by_label(text: str, tmp_path) -> dict[str, set[str]]:
    """The RDF classes of each entity `kronika extract` writes for a text, by the entity's label."""
    from rdflib import Dataset, RDF, RDFS

    from graph.build import extract_file
    from graph.facts import FactBuilder
    from graph.vocab import Base

    source, out = tmp_path / "text.txt", tmp_path / "out.nq"
    source.write_text(text, encoding="utf-8")
    extract_file(source, FactBuilder(Base()), out)
    data = Dataset(default_union=True)
    data.parse(out, format="nquads")
    return {str(label): {str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in data.objects(node, RDF.type)}
            for node, label in data.subject_objects(RDFS.label)}


def test_a_unit_written_in_lower_case_is_a_territory_and_a_capitalised_one_may_be_a_body(tmp_path):
    types = _types_by_label("Gmina Lipnik leży w rejonie kowelskim, w obwodzie lwowskim. Rejon kowelski ma wiele "
                            "jezior. Województwo Lubuskie podpisało umowę z Województwem Opolskim.", tmp_path)
    assert types["rejon kowelski"] == {"Place"}, types
    assert types["obwód lwowski"] == {"Place"}, types
    assert "Organization" in types["Województwo Lubuskie"], types
    types = _types_by_label("W obwodzie lwowskim gości przyjął gubernator obwodu lwowskiego Jan Kowal.",
                            tmp_path)
    assert {"Organization", "Place"} <= types["obwód lwowski"], "a unit whose office-holder is named is a body too"


def test_bodies_of_one_generic_name_at_two_seats_are_two(tmp_path):
    types = _types_by_label("Zagrały orkiestry: Orkiestra Dęta przy OSP w Zagórzu i Orkiestra Dęta przy OSP w "
                            "Brzezinach. Przed koncertem OSP w Zagórzu przeszła przez rynek.", tmp_path)
    assert {"OSP w Zagórzu", "OSP w Brzezinach"} <= set(types), types
    doc = read("Przyjechały jednostki OSP w Zagórzu i OSP w Brzezinach.")
    assert {e.key for e in doc._.entities.values() if e.kind == "organisation"} == {
        "organisation:osp", "organisation:osp w brzezinach"}, doc._.entities.keys()


def test_an_office_of_a_body_the_rules_do_not_read_takes_no_other_body():
    doc = read("Gości przywitał Prezes LZS Adam Lis. Wśród gości byli również: Marek Sowa Dyrektor Okręgowej "
               "Dyrekcji Dróg Wiejskich, Anna Wrona Kierownik Posterunku Straży Leśnej w Lipnie.")
    held = roles_held(doc)
    assert ("person:adam lis", "prezes", "organisation:lzs") in held, held
    assert not any(p in ("person:marek sowa", "person:anna wrona") and o == "organisation:lzs"
                   for p, _r, o in held), held


def test_an_offices_adjective_before_an_acronym_is_no_persons_name():
    doc = read("Gości przywitali Komendant Miejski PSP w Lipnie Jan Wrona oraz Zastępca Komendanta Powiatowego PSP "
               "w Lipnie st. bryg. Adam Lis.")
    assert entity_names(doc, "person") == {"Jan Wrona", "Adam Lis"}, entity_names(doc, "person")


def test_a_given_name_sgjp_does_not_know_before_a_middle_initial_opens_the_name():
    doc = read("Umowę podpisali Anna Lis oraz Hank W. Morrow. Przyjechał też gość z Fresno J. Smith.")
    assert entity_names(doc, "person") == {"Anna Lis", "Hank W. Morrow", "J. Smith"}, entity_names(doc, "person")


def test_partners_listed_after_an_intro_naming_none_are_partners_of_the_town_of_the_sentence_before():
    doc = read("Partnerstwa\n\nGmina Lipnik od lat współpracuje z jednostkami samorządowymi z zagranicy. Umowy o "
               "współpracę podpisano z 3 partnerami:\n\n • Hranice z Czech, umowę podpisano w 2001 r.\n • Lörrach z "
               "Niemiec, umowę podpisano w 2005 r.\n • Hranice z Czech, aneks podpisano w 2009 r.\n")
    assert {frozenset(p) for p in twinned_pairs(doc)} == {
        frozenset({"organisation:gmina lipnik", "place:hranice"}),
        frozenset({"organisation:gmina lipnik", "place:lorrach"})}, twinned_pairs(doc)


def test_a_partnership_with_an_institution_named_by_its_noun_twins_no_towns():
    for text in ("Druhowie Ochotniczej Straży Pożarnej w Lipnie w 2007 roku podpisali partnerstwo ze strażą pożarną "
                 "z węgierskiego Hatvanu.",
                 "Szkoła Podstawowa w Lipnie podpisała umowę partnerską ze szkołą z Hatvanu."):
        assert not twinned_pairs(read(text)), text
    doc = read("W 2013 roku zorganizowano obóz partnerski dla dzieci ze szkół trzech gmin: Lipna, Hatvanu i Hranic.")
    assert twinned_pairs(doc), "the children come from the schools of the towns: the towns' partnership"


def test_a_list_of_partners_written_town_slash_country_one_per_line():
    doc = read("Gmina Lipno współpracuje z miastami:\n\nLahti /Finlandia\n\nMilton Keynes/ Wielka Brytania\n\n"
               "Recklinghausen/ Niemcy\n\nTrenčín/ Słowacja.\n")
    assert {"Milton Keynes", "Recklinghausen"} <= entity_names(doc, "place"), entity_names(doc, "place")
    partners = {next(iter(p - {"place:lipno", "organisation:gmina lipno"})) for p in twinned_pairs(doc)}
    assert {"place:milton keynes", "place:recklinghausen", "place:trencin"} <= partners, partners


def test_dated_lines_after_an_intro_of_agreements_are_signings_with_their_partners():
    doc = read("Współpraca partnerska Gminy Lipno z innymi miastami trwa od lat. Z czasem Gmina Lipno podpisała "
               "partnerskie umowy o współpracy:\n\n1996 r.  Hranice\n\n1998 r.  Trutnov\n\n- w 2000 r. z Gminą "
               "Sowin\n\nKontakty są utrzymywane.")
    signed = {(e.date, tuple(sorted(e.participants))) for e in doc._.events}
    assert {("1996", ("place:hranice",)), ("2000", ("organisation:gmina sowin",))} <= signed, signed
    partners = {next(iter(p - {"organisation:gmina lipno"})) for p in twinned_pairs(doc)}
    assert {"place:hranice", "organisation:gmina sowin"} <= partners, partners
    assert "organisation:gmina lipno" not in partners, "the owner of 'Współpraca partnerska Gminy X' is no partner"


def test_a_parish_named_by_its_seat_alone_is_a_body():
    doc = read("W parafii w Lipnie funkcję proboszcza sprawował ks. Tadeusz Mazur. Dekret erygował też parafię "
               "w Nowym Dworze.")
    assert {"parafia w Lipnie", "parafia w Nowym Dworze"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")
    held = roles_held(doc)
    assert ("person:tadeusz mazur", "proboszcz", "organisation:parafia w lipnie") in held, held


def test_an_office_held_in_turn_by_those_listed_after_a_plural_verb_each_from_the_year_in_brackets():
    doc = read("Funkcję prezesa klubu Sparta Lipno sprawowali: Jan Lis (1990-95), Adam Wrona (1995-2001), Ewa Sowa "
               "(od 2001).")
    held = {(m.person, m.role.label, m.date) for m in doc._.memberships}
    assert held == {("person:jan lis", "prezes", "1990"), ("person:adam wrona", "prezes", "1995"),
                    ("person:ewa sowa", "prezes", "2001")}, held


def test_councillors_named_in_turn_after_the_sentence_that_counted_them_sit_in_its_council():
    doc = read("W Lipnie 5 czerwca 1990 roku 15 radnych podczas sesji Rady Miasta i Gminy Lipno złożyło ślubowanie. "
               "Byli to: Kowalczyk Józef, Nowicki Karol, Wiśniewska Anna.")
    held = {(m.person, m.role.label, m.organisation) for m in doc._.memberships}
    assert {(p, "radny", "organisation:rada miasta i gminy lipno")
            for p in ("person:kowalczyk jozef", "person:nowicki karol", "person:wisniewska anna")} <= held, held


def test_councillors_the_context_gives_a_town_sit_in_the_one_council_the_text_names():
    doc = read("W 1990 roku wybrano 15-osobową Radę Miejską. W mieście i gminie Lipno mandat radnego uzyskali: "
               "Henryk Sowa, Paweł Wrona, Jacek Lis.")
    held = {(m.person, m.organisation) for m in doc._.memberships if m.role.label == "radny"}
    assert held == {(p, "organisation:rada miejska") for p in
                    ("person:henryk sowa", "person:pawel wrona", "person:jacek lis")}, held


def test_a_name_written_surname_first_in_a_list_is_the_person_named_given_name_first_elsewhere():
    doc = read("Radnymi zostali: Marciniak Adam, Korpal Aleksandra. Burmistrzem został Adam Marciniak.")
    assert entity_names(doc, "person") == {"Adam Marciniak", "Korpal Aleksandra"}, entity_names(doc, "person")


def test_holders_listed_under_a_heading_of_their_office_each_from_their_terms_start():
    doc = read("Burmistrzowie miasta Lipna w okresie zaborów\n\nBurmistrzowie\n1867–1871 Edward Kowalczyk\n"
               "1871–1873 Jan Nowicki\n\nŹródło: A. Wrona, Dzieje Lipna, Lipno 1996.\n")
    held = {(m.person, m.role.label, m.organisation, m.date) for m in doc._.memberships}
    assert held == {("person:edward kowalczyk", "burmistrz", "place:lipno", "1867"),
                    ("person:jan nowicki", "burmistrz", "place:lipno", "1871")}, held
    doc = read("Parafia pw. św. Jana z Dukli została erygowana w 1994 roku przez biskupa.\n\nProboszczowie\n"
               "ks. Józef Kowalczyk (1994 – 2001)\nks. Jan Nowicki (2001 – )\n")
    held = {(m.person, m.organisation, m.date) for m in doc._.memberships if m.role.label == "proboszcz"}
    assert held == {("person:jozef kowalczyk", "organisation:parafia pw sw jana z dukli", "1994"),
                    ("person:jan nowicki", "organisation:parafia pw sw jana z dukli", "2001")}, held


def test_the_abbreviation_of_malopolski_after_a_towns_name_is_part_of_it():
    doc = read("Gości przywitał burmistrz Sędziszowa Młp. Jan Nowak. Spotkanie odbyło się w Sędziszowie Młp.")
    assert "Sędziszów Małopolski" in entity_names(doc, "place"), entity_names(doc, "place")


# --- batches gc–gg: school, club and parish histories, obituaries, openings with guest lists, appointments --------

def test_an_institution_housed_in_a_building_is_a_body_and_the_building_a_place(tmp_path):
    types = _types_by_label("Wystawę otwarto w Muzeum Ziemi Sowińskiej w 2020 roku, a koncert odbył się w Bibliotece "
                            "Miejskiej w Lipniku. Mszę odprawiono w Kościele św. Marka.", tmp_path)
    assert types["Muzeum Ziemi Sowińskiej"] == {"Organization"}, types
    assert types["Biblioteka Miejska w Lipniku"] == {"Organization"}, types
    assert "Place" in types["Kościół św. Marka"], types


def test_lines_of_a_body_and_its_holder_after_a_sentence_naming_their_office_in_the_plural():
    held = roles_held(read("Dyrektorami przedszkoli zostały następujące osoby:\n\n  1. Przedszkole Gminne w Lipnie - "
                           "Pani Anna Maria Sowa.\n  2. Przedszkole Gminne w Dębnie - Pan Jan Kruk.\n"))
    assert {(p, r) for p, r, _ in held} == {("person:anna maria sowa", "dyrektor"),
                                             ("person:jan kruk", "dyrektor")}, held
    held = roles_held(read("Biskup ogłosił listę nowych dziekanów.\n\nDekanat Lipno – ks. Adam Wrona (Lipno)\n\n"
                           "Dekanat Sowin – Zachód – ks. Piotr Gil (Dębno)\n"))
    assert {(p, r) for p, r, _ in held} == {("person:adam wrona", "dziekan"), ("person:piotr gil", "dziekan")}, held
    assert roles_held(read("Dekanat Lipno – ks. Adam Wrona\n\nDekanat Sowin – ks. Piotr Gil\n")) == set(), \
        "no office named before the lines"


def test_regional_offices_of_one_acronym_at_two_seats_are_two():
    doc = read("Dyrektorem RDLP w Lipnie został Jan Kowal, a dyrektorem RDLP w Dębnie Adam Nowak. Komendantem KPP w "
               "Sowinie jest Ewa Brzoza, a KPP w Lipnie Jan Gil.")
    assert {e.key for e in doc._.entities.values() if e.kind == "organisation"} == {
        "organisation:rdlp", "organisation:rdlp w debnie", "organisation:kpp", "organisation:kpp w lipnie"}


def test_persons_listed_one_a_line_under_a_plural_office_and_a_colon_hold_it():
    held = roles_held(read("Na jubileusz przybyli byli przewodniczący Rady Nadzorczej Banku Spółdzielczego w "
                           "Lipnie:\n\n • Jan Kowal\n\n • Adam Nowak\n\nW sesji Rady Gminy Sowin wzięło udział "
                           "trzech radnych:\n\n  1. Ewa Brzoza\n  2. Piotr Gil\n  3. Anna Lis\n"))
    assert {(p, r) for p, r, _ in held} == {
        ("person:jan kowal", "przewodniczący"), ("person:adam nowak", "przewodniczący"),
        ("person:ewa brzoza", "radny"), ("person:piotr gil", "radny"), ("person:anna lis", "radny")}, held
    assert {o for p, r, o in held if r == "radny"} == {"organisation:rada gminy sowin"}, held
    assert roles_held(read("Na jubileusz przybyli goście:\n\n • Jan Kowal\n\n • Adam Nowak\n")) == set()


def test_an_office_taken_by_election_in_the_passive_is_the_elected_persons():
    held = roles_held(read("W 1990 roku powstało Towarzystwo Miłośników Lipna. Pierwszym prezesem został wybrany Jan "
                           "Kowal, a w 1995 roku prezesem została ponownie wybrana Ewa Brzoza."))
    assert held == {("person:jan kowal", "prezes", "organisation:towarzystwo milosnikow lipna"),
                    ("person:ewa brzoza", "prezes", "organisation:towarzystwo milosnikow lipna")}, held


def test_a_parish_named_by_its_town_in_apposition_is_a_body():
    doc = read("Ks. Jan Kowal - proboszcz parafii Sowin w latach 1899 - 1901.")
    assert roles_held(doc) == {("person:jan kowal", "proboszcz", "organisation:parafia sowin")}, roles_held(doc)


def test_a_church_unit_named_in_lower_case_by_its_adjective_is_a_body():
    doc = read("Biskup diecezji lipnickiej Adam Nowak poświęcił kościół, a kazanie wygłosił gość z archidiecezji "
               "opolskiej.")
    assert {"diecezja lipnicka", "archidiecezja opolska"} <= entity_names(doc, "organisation"), doc._.entities
    assert ("person:adam nowak", "biskup", "organisation:diecezja lipnicka") in roles_held(doc), roles_held(doc)


def test_an_office_joined_to_a_state_office_of_no_body_is_still_its_holders():
    held = roles_held(read("Delegacja spotkała się z prezesem Związku Sadowników Lipnickich i posłem Janem Sową."))
    assert ("person:jan sowa", "prezes", "organisation:zwiazek sadownikow lipnickich") in held, held


def test_deputies_of_a_commander_and_of_a_fire_brigades_chief_and_the_offices_own_adjective():
    held = roles_held(read("Ochotnicza Straż Pożarna w Lipnie obchodziła jubileusz. Kompanią dowodził z-ca naczelnika "
                           "dh Marek Kot, a meldunek przyjął zastępca komendanta Jan Wrona."))
    assert {(p, r) for p, r, _ in held} == {("person:marek kot", "wicenaczelnik"),
                                             ("person:jan wrona", "wicekomendant")}, held
    doc = read("Przemawiał Adam Wrona, zastępca Komendanta Głównego Straży.")
    assert entity_names(doc, "place") == set(), "the office's adjective is no village"


def test_feminine_and_abbreviated_forms_of_deputies_and_a_treasurer():
    held = roles_held(read("Koło Emerytów w Lipnie wybrało zarząd. Przewodniczącą została Anna Lis, zastępcą "
                           "przewodniczącej Jan Kot, a skarbniczką Ewa Brzoza. Sprawozdanie złożył W-ce Prezes Adam "
                           "Gil."))
    assert {(p, r) for p, r, _ in held} >= {("person:jan kot", "wiceprzewodniczący"), ("person:ewa brzoza", "skarbnik"),
                                            ("person:adam gil", "wiceprezes")}, held


def test_the_president_of_the_board_alone_is_the_president_of_the_body_the_text_is_about():
    held = roles_held(read("Spółdzielnia Mleczarska w Lipnie obchodziła jubileusz 85-lecia. Uroczystość odbyła się "
                           "22 sierpnia 2015 r. Gości przywitał prezes Zarządu Jan Kot."))
    assert held == {("person:jan kot", "prezes", "organisation:spoldzielnia mleczarska")}, held


def test_an_office_entrusted_to_a_person_in_the_dative_is_theirs():
    held = roles_held(read("W 1924 roku powstała Ochotnicza Straż Pożarna w Sowinie. Pierwszym prezesem został "
                           "wybrany Adam Nowak, a funkcję naczelnika powierzono Piotrowi Gilowi."))
    assert {(p, r) for p, r, _ in held} == {("person:adam nowak", "prezes"), ("person:piotr gil", "naczelnik")}, held


def test_where_a_person_lives_between_the_name_and_the_office_in_a_list():
    held = roles_held(read("Odeszli od nas także: Anna Kot zam. Dębno – wieloletnia sołtys wsi Dębno, Jan Sójka zam. "
                           "Sowin – radny Rady Gminy Lipno."))
    assert {(p, r) for p, r, _ in held} == {("person:anna kot", "sołtys"), ("person:jan sojka", "radny")}, held


# --- batches gn–gu: scouting, bands and hunting clubs, council sessions, memorials, associations ---------------

def test_a_generic_body_keeps_its_seat_as_written_also_in_a_town_its_gmina_took_in():
    doc = read("Wójt Gminy Lipnik Jan Kowal podziękował strażakom. Prezesem Ochotniczej Straży Pożarnej w Lipniku "
               "jest Adam Wrona, a druhowie z Ochotniczej Straży Pożarnej z Borek przyjechali wozem.")
    bodies = {e.seat_name: e.aliases for e in doc._.entities.values() if e.kind == "organisation" and e.seat_name}
    assert "Ochotniczej Straży Pożarnej w Lipniku" in bodies.get("Ochotnicza Straż Pożarna w Lipniku", ()), bodies
    assert any("Ochotniczej Straży Pożarnej z Borek" in aliases for aliases in bodies.values()), bodies


def test_a_branch_of_a_nationwide_body_named_by_its_acronym_is_a_body_of_its_own():
    doc = read("Zjazd Oddziału PTTK „Wierchy” w Lipniku odbył się w marcu 2019 r. Obradom przewodniczyła Ewa Wrona – "
               "prezes Zarządu Oddziału, a sekretarzem Zarządu Oddziału jest Jan Kos.")
    branch = "organisation:oddzial pttk wierchy"
    assert branch in doc._.entities, doc._.entities.keys()
    held = roles_held(doc)
    assert ("person:ewa wrona", "prezes", branch) in held, held
    assert ("person:jan kos", "sekretarz", branch) in held, "the board's officers are the branch's"
    doc = read("Prezesem Koła PZW w Borkach został Adam Nowak.")
    assert {e.seat_name for e in doc._.entities.values() if e.kind == "organisation"} == {"Koło PZW w Borkach"}, \
        doc._.entities


def test_an_institutions_acronym_after_an_office_and_a_mixed_case_acronym_are_bodies():
    held = roles_held(read("Nominacje wręczył płk Jan Lis – komendant WKU w Lipnie. Medal z podobizną komendanta "
                           "BCh gen. Adama Sowy wręczył Jan Kruk."))
    assert ("person:jan lis", "komendant", "organisation:wku") in held, held
    assert ("person:adam sowa", "komendant", "organisation:bch") in held, held
    doc = read("Wniosek złożono w UM Lipno.")
    assert not {e.name for e in doc._.entities.values() if e.kind == "organisation"} & {"UM", "UM Lipno"}, \
        "an institution's acronym many bodies share, with no office before it, is left to the model"


def test_an_institution_named_by_its_common_noun_and_seat_or_quoted_name_is_a_body():
    doc = read("W 1895 r. dyrektorem cukrowni w Lipnie został Jan Lis. Wydobycie w kopalni „Wanda” rozpoczęto w "
               "1908 r. Uczniowie ze szkół w Polsce i banki w Niemczech.")
    bodies = {e.name for e in doc._.entities.values() if e.kind == "organisation"}
    assert {"cukrownia w Lipnie", "kopalnia „Wanda”"} <= bodies, bodies
    assert not any("Polsce" in b or "Niemczech" in b for b in bodies), "many, in a country: no one body"
    assert ("person:jan lis", "dyrektor", "organisation:cukrownia w lipnie") in roles_held(doc), roles_held(doc)
    doc = read("Muzeum Ziemi Borkowskiej otwarto w 1990 r. Dyrektorem muzeum w Borkach był Jan Kos.")
    assert [e.name for e in doc._.entities.values() if e.kind == "organisation"] == ["Muzeum Ziemi Borkowskiej"], \
        "the common noun points back to the body named in full"


def test_ranks_of_the_reserve_and_the_retired_between_an_office_and_its_holder():
    held = roles_held(read("Stowarzyszenie Kombatantów reprezentował prezes - płk rez. Adam Sowa, sekretarz - mjr w "
                           "st. spocz. Jan Mróz."))
    assert {(p, r) for p, r, _ in held} == {("person:adam sowa", "prezes"), ("person:jan mroz", "sekretarz")}, held
    assert "Rada Gminy St. Lipnica" in {e.name for e in read(
        "Przewodniczący Rady Gminy St. Lipnica Jan Kos otworzył sesję.")._.entities.values()}, "no rank: Stara"


def test_a_dated_death_is_an_event_of_the_person_who_died():
    doc = read("Leszek Sowa zmarł 25 stycznia 2017 r. w Lipnie. W 1964 r. zginął Wiktor Kos. Po śmierci Jana Mroza "
               "muzeum nadal działało.")
    deaths = sorted((e.date, tuple(e.participants)) for e in doc._.events if e.type == "Death")
    assert deaths == [("1964", ("person:wiktor kos",)), ("2017-01-25", ("person:leszek sowa",))], deaths


def test_offices_of_parishes_clubs_scouts_and_fire_commands_and_a_senior_rank_before_the_holder():
    held = roles_held(read("Gości powitał Komendant Powiatowy PSP w Lipnie st. kpt. Jan Lis. Drużynowym 2 Drużyny "
                           "Harcerskiej został Adam Kos. Trenerem drużyny LKS Borki był Adam Wrona."))
    assert ("person:jan lis", "komendant powiatowy", "organisation:psp") in held, held
    assert ("person:adam kos", "drużynowy", "organisation:2 druzyna harcerska") in held, held
    assert ("person:adam wrona", "trener", "organisation:lks borki") in held, held
    assert not any(r == "kurator oświaty" and o.startswith("organisation:szkola") for _, r, o in roles_held(read(
        "Szkoła Podstawowa w Lipnie świętowała jubileusz. Przybyła kurator oświaty Anna Sowa."))), \
        "a school superintendent is the voivodeship's, no school's"


def test_offices_of_three_words_are_read_whole():
    held = roles_held(read("Odznaczenia wręczył zastępca komendanta wojewódzkiego PSP w Lipnie st. bryg. Jan Lis. "
                           "Stowarzyszenie Przyjaciół Borek wybrało władze: członkami komisji rewizyjnej zostali Adam "
                           "Kos i Piotr Wrona."))
    assert ("person:jan lis", "zastępca komendanta wojewódzkiego", "organisation:psp") in held, held
    assert {(p, r) for p, r, _ in held} >= {("person:adam kos", "członek komisji rewizyjnej"),
                                             ("person:piotr wrona", "członek komisji rewizyjnej")}, held


def test_a_farmers_circle_is_a_body():
    doc = read("Kółko Rolnicze w Lipnie założono w 1900 r. Prezesem Kółka Rolniczego był Jan Kos.")
    assert ("person:jan kos", "prezes", "organisation:kolko rolnicze") in roles_held(doc), roles_held(doc)
    assert {e.name for e in doc._.entities.values() if e.kind == "place"} == {"Lipno"}, doc._.entities


def test_a_local_police_or_fire_command_named_by_its_services_acronym_is_a_body_of_its_town():
    doc = read("Komendantem Posterunku MO w Lipnie był Jan Kos. Komenda PSP w Borkach przekazała wóz. Kierownikiem "
               "Komisariatu Policji w Lipnie jest Adam Lis.")
    seats = {e.seat_name or e.name for e in doc._.entities.values() if e.kind == "organisation"}
    assert {"Posterunek MO w Lipnie", "Komenda PSP w Borkach", "Komisariat Policji w Lipnie"} <= seats, seats
    assert ("person:jan kos", "komendant", "organisation:posterunek mo") in roles_held(doc), roles_held(doc)


# --- batches hi–hr: museums, cultural centres, universities, railways, religious orders, parks, spas ----------

def test_an_epithet_after_a_common_noun_or_a_given_name_is_no_place():
    doc = read("Uroczystość rozpoczęła się Mszą Świętą w kościele w Lipnie. Słowo Boże wygłosił ks. Adam Kos. "
               "Modlono się w kościele Najświętszej Maryi Panny, a kronikarz wspomniał króla Kazimierza Wielkiego.")
    assert entity_names(doc, "place") == {"Lipno"}, entity_names(doc, "place")
    assert "Wielkie" in entity_names(read("Delegacja przybyła do wsi Wielkie."), "place"), "a village after its noun"


def test_offices_of_religious_orders_museums_courts_and_ministries():
    held = roles_held(read(
        "Prowincjałem Prowincji św. Wojciecha wybrano o. Adama Kosa, a przełożoną generalną Zgromadzenia Sióstr "
        "Pasterek została s. Anna Wrona. Biskup pomocniczy diecezji lipnickiej Marek Lis poświęcił kaplicę. "
        "Kustoszem Muzeum Regionalnego w Borkach jest Ewa Sowa. Sędzią Sądu Rejonowego w Lipnie była Irena Kruk."))
    assert {("person:adam kos", "prowincjał", "organisation:prowincja sw wojciecha"),
            ("person:anna wrona", "przełożony generalny", "organisation:zgromadzenie siostr pasterek"),
            ("person:marek lis", "biskup pomocniczy", "organisation:diecezja lipnicka"),
            ("person:ewa sowa", "kustosz", "organisation:muzeum regionalne"),
            ("person:irena kruk", "sędzia", "organisation:sad rejonowy")} <= held, held


def test_an_office_of_a_body_named_by_its_common_noun_is_not_the_paragraphs_body():
    held = roles_held(read("Sąd Rejonowy w Lipnie ogłosił wyrok. Opiekunem drużyny harcerskiej był wtedy Jan Łoś."))
    assert not any(p == "person:jan los" for p, _, _ in held), held
    held = roles_held(read("Muzeum Regionalne w Lipnie otwarto w 1960 r. Kustoszem został Adam Kos."))
    assert ("person:adam kos", "kustosz", "organisation:muzeum regionalne") in held, held
    held = roles_held(read("Szkoła Podstawowa w Lipnie gościła turniej. Ukraina – opiekun: Jan Łoś."))
    assert not any(p == "person:jan los" and o.startswith("place:") for p, _, o in held), "a tutor is no country's"


def test_a_common_noun_before_a_given_name_and_a_surname_before_an_office_is_not_the_persons():
    doc = read("Zaproszenie otrzymali Minister Sportu i Turystyki Joanna Kwiek, Podsekretarz Stanu w Ministerstwie "
               "Kultury Anna Lis.")
    assert "Joanna Kwiek" in entity_names(doc, "person"), entity_names(doc, "person")


def test_a_friar_abbreviated_before_his_name_does_not_end_a_sentence_but_this_years_month_may():
    doc = read("Spotkanie odbyło się w maju br. Jan Kos przywitał gości. Gwardianem został br. Adam Lis.")
    assert [s.text.strip() for s in doc.sents] == ["Spotkanie odbyło się w maju br.", "Jan Kos przywitał gości.",
                                                   "Gwardianem został br. Adam Lis."], list(doc.sents)


def test_holders_listed_under_their_office_with_a_seat_or_an_office_in_brackets_on_their_line():
    held = roles_held(read("Gwardianami zostali:\n\nbr. Adam Wrona w Lipnie\nbr. Piotr Kruk w Borkach Wielkich\n"
                           "br. Jan Sowa w Lipnie przy ul. Długiej 5\n"))
    assert {("person:adam wrona", "gwardian", "place:lipno"), ("person:piotr kruk", "gwardian", "place:borki wielkie"),
            ("person:jan sowa", "gwardian", "place:lipno")} <= held, held
    held = roles_held(read("Radni rady gminy w Zalesiu wybrani w 1990 r.:\n\n • Bąk Adam\n • Karp Witold\n"
                           " • Wrona Jan (wiceprzewodniczący)\n • Kos Piotr (przewodniczący)\n"))
    councillors = {p for p, r, o in held if r == "radny" and o.startswith("organisation:rada gminy")}
    assert councillors == {"person:adam bak", "person:witold karp", "person:jan wrona", "person:piotr kos"}, held
    assert {(p, r) for p, r, _ in held} >= {("person:jan wrona", "wiceprzewodniczący"),
                                             ("person:piotr kos", "przewodniczący")}, held


def test_deans_listed_after_a_sentence_naming_their_office_are_of_the_faculty_the_text_names():
    held = roles_held(read("Wydział Rolniczy Akademii Lipnickiej powstał w 1950 roku.\n\nW kolejnych latach dziekanami "
                           "byli:\n1950-1954 prof. dr Adam Kowal\n1954-1960 dr Stefan Marek\n"))
    assert {(p, r, o) for p, r, o in held if r == "dziekan"} == {
        ("person:adam kowal", "dziekan", "organisation:wydzial rolniczy akademii lipnickiej"),
        ("person:stefan marek", "dziekan", "organisation:wydzial rolniczy akademii lipnickiej")}, held
    held = roles_held(read("Stowarzyszenie Przyjaciół Lipna działa od 1990 r. i wydaje Sejmik.\n\nCzłonkami zarządu "
                           "byli:\n• Adam Kowal\n• Stefan Marek\n"))
    assert not any(o == "organisation:sejmik" for _, _, o in held), "a member is of no body chosen by its count"


def test_holders_listed_under_a_heading_that_names_their_office_and_its_unit():
    text = ("Poczet wójtów gminy Zalesie\n\nAdam Kruk – 1919 r.\n(zm. ok. 1930 r.)\nJan Wrona – 1923–1927\n"
            "Piotr Sowa – wójt zaleski od 1931 r.\nStefan Kos – 1934 r.\n\nW okresie okupacji gmina przeżyła wiele.")
    held = roles_held(read(text))
    listed = {p for p, r, o in held if r == "wójt" and o.endswith("zalesie")}
    assert {"person:adam kruk", "person:jan wrona", "person:stefan kos"} <= listed, held
    assert "Mikołaj II Lis" in entity_names(read("Wtedy Mikołaj II Lis objął urząd."), "person")


def test_a_line_closing_with_a_bracket_or_a_year_before_a_capital_ends_in_a_text_wrapped_at_a_width():
    doc = read("Adam Kruk – wójt gminy od stycznia 1919 r. do jesieni 1922 r. (zm. ok. 1930 r.)\n"
               "Jan Wrona – wójt gminy od stycznia 1923 r. do grudnia 1927 r. (zm. ok. 1941 r.)\n"
               "Piotr Sowa – wójt gminy od kwietnia 1928 r. do września 1931 r. (zm. ok. 1950)\n"
               "Stefan Kos – wójt gminy od września 1931 r. do listopada 1934 r. (zm. w 1961 r.)\n"
               "Marek Lis – wójt gminy od listopada 1934 r. do wybuchu wojny w 1939 r. (zm. 1944)\n"
               "Jan Kowal – wójt gminy od 1945 r. do zniesienia gmin jesienią 1954 r. (zm. 1970)\n")
    lines = [s.text.strip() for s in doc.sents]
    assert sum(line.startswith(("Adam", "Jan", "Piotr", "Stefan", "Marek")) for line in lines) == 6, lines


def test_an_offices_adjective_alone_is_no_place_and_a_foreign_town_keeps_its_land():
    doc = read("Wśród gości byli kardynał Jan Lis Metropolita Warszawski oraz burmistrz Hürth Dirk Breuer.")
    assert entity_names(doc, "place") == {"Hürth"}, entity_names(doc, "place")
    doc = read("Gmina Lipno nawiązała współpracę partnerską z gminą Náměšť na Hané w Republice Czeskiej.")
    assert "Náměšť na Hané" in entity_names(doc, "place"), entity_names(doc, "place")
    assert "Rynek Lipna" not in entity_names(read("Spotkanie odbyło się w Lipnie na Rynku."), "place")


def test_holders_in_turn_of_an_office_after_a_phrase_of_time_and_a_doctors_title_in_the_genitive():
    held = roles_held(read("Gminny Ośrodek Kultury w Lipnie powołano w 1969 roku. Funkcję dyrektora tej placówki od "
                           "początku jej istnienia sprawowali kolejno: Jan Kruk, Adam Sowa, Piotr Wrona."))
    assert {p for p, r, _ in held if r == "dyrektor"} == {"person:jan kruk", "person:adam sowa", "person:piotr wrona"}
    held = roles_held(read("Mszę celebrował Biskup Diecezji Lipnickiej ks. dra Adama Kosa."))
    assert ("person:adam kos", "biskup", "organisation:diecezja lipnicka") in held, held


def test_a_dated_clause_of_no_event_word_is_a_happening_unless_its_sentence_told_an_event_of_that_date():
    doc = read("W 1906 r. uruchomiono w Lipnie gazownię. Rosjanie podpalili Cukrownię w Borkach 12 maja 1915 roku.")
    assert [(e.type, e.date) for e in doc._.events] == [("Happening", "1906"), ("Happening", "1915-05-12")]
    assert "place:lipno" in doc._.events[0].locations, doc._.events
    doc = read("Pierwsze rozmowy prowadzono w Lipnie w maju 2004 roku, a delegacja Gminy Lipno złożyła wówczas wizytę "
               "w Borkach.")
    assert [(e.type, e.date) for e in doc._.events] == [("Visit", "2004-05")], doc._.events
    assert not read("Gmina Lipno leży nad Wisłą i liczy 5 tysięcy mieszkańców.")._.events, "no date, no happening"


def test_founders_named_after_the_founding_verb_a_chronicles_line_date_and_an_unnamed_body_founded():
    doc = read("Stowarzyszenie Przyjaciół Lipna zostało założone w 2019 roku przez Annę Kowal i dr Teresę Wrona. "
               "Towarzystwo Śpiewacze „Lutnia” założył w 1905 r. ks. Adam Sowa.")
    founders = {(r.subject, r.object) for r in doc._.relations if r.predicate == "founder"}
    assert {("organisation:stowarzyszenie przyjaciol lipna", "person:anna kowal"),
            ("organisation:stowarzyszenie przyjaciol lipna", "person:teresa wrona"),
            ("organisation:towarzystwo spiewacze lutnia", "person:adam sowa")} <= founders, founders
    doc = read("Fundację Lipnicką powołano w 2001 r. do współpracy z gminą – reprezentowaną przez pana Adama Kosa.")
    assert not [r for r in doc._.relations if r.predicate == "founder"], "another participle's agent"
    doc = read("1947 – założenie pierwszej biblioteki w gminie Lipno, w Borkach.\n1952 – Koło ZMP w Borkach otrzymało "
               "sztandar.\n")
    assert [(e.type, e.date) for e in doc._.events] == [("Founding", "1947"), ("Happening", "1952")], doc._.events
    doc = read("W 2002 r. Jan Kos został honorowym obywatelem Lipna. Postanowiono o otwarciu świetlicy w Borkach.")
    assert not [e for e in doc._.events if e.type == "Inauguration" or e.locations], "an opening only resolved on"


def test_an_acting_holder_named_by_the_office_noun_holds_the_office():
    held = roles_held(read("Funkcję p.o. dyrektora Szkoły Podstawowej w Lipnie pełnił Jan Kos."))
    assert ("person:jan kos", "dyrektor", "organisation:szkola podstawowa") in held, held


# --- session 51: the partnership genre again, re-fetched ------------------------------------------------

def test_a_gmina_named_with_its_land_keeps_its_heads_office_after_the_heads_name():
    doc = read("Porozumienie zawarły Gmina Borek, reprezentowana przez Jana Sowę, Wójta Gminy, oraz Gmina Wierchy "
               "na Spiszu, reprezentowana przez Jerzego Kota, Wójta Gminy.")
    held = roles_held(doc)
    assert ("person:jan sowa", "wójt", "organisation:gmina borek") in held, held
    assert ("person:jerzy kot", "wójt", "organisation:gmina wierchy") in held, held


def test_an_adjective_after_a_bodys_head_that_agrees_only_with_the_next_noun_is_kept_as_written():
    doc = read("Wybrano członków Rady Nadgranicznego Związku Gmin Lipnickich na kadencję 2010-2014. Działa też "
               "Związek Głuchych Rzemieślników RP oraz Koło Polskiego Związku Głuchych w Lipnie.")
    names = entity_names(doc, "organisation")
    assert {"Rada Nadgranicznego Związku Gmin Lipnickich", "Związek Głuchych Rzemieślników RP"} <= names, names
    assert "Koło Polskiego Związku Głuchych" in names, names  # the head read as the common noun, not a surname


def test_honorary_citizens_listed_after_a_title_with_no_town_or_under_a_heading_of_years():
    doc = read("Uroczystość odbyła się w Borku 5 października 2018 r. Burmistrz Borku Jan Kos wręczył akt nadania. "
               "Do tej pory tytuł Honorowego Obywatela otrzymali:\n– Kazimierz Wrona (1919 r.),\n"
               "– Stanisław Nowicki (1925 r.).\n\nHonorowy Obywatel Powiatu Borkowskiego:\n2021 rok - Kazimiera Zając\n"
               "2022 rok - biskup Marian Kos\nZasłużony dla Powiatu Borkowskiego:\n2021 rok - Zbigniew Lis\n")
    held = {(p, o, m.date) for m in doc._.memberships if m.role.label == "honorowy obywatel"
            for p, o in [(m.person, m.organisation)]}
    assert held == {("person:kazimierz wrona", "place:borek", "1919"), ("person:stanislaw nowicki", "place:borek", "1925"),
                    ("person:kazimiera zajac", "organisation:powiat borkowski", "2021"),
                    ("person:marian kos", "organisation:powiat borkowski", "2022")}, held


def test_a_title_conferred_on_persons_listed_after_a_colon_in_the_dative():
    held = roles_held(read("W Borku odbyło się wręczenie aktów nadania honorowego obywatela gminy Borek trzem osobom: "
                           "ks. prałatowi Ryszardowi Banasiowi i Romualdowi Karasiowi."))
    assert {p for p, r, o in held if r == "honorowy obywatel" and o == "place:borek"} == {
        "person:ryszard banas", "person:romuald karas"}, held


def test_holders_told_after_one_given_the_office_and_an_office_taken_up_by_a_demonstrative():
    doc = read("Pierwszym przewodniczącym Rady Gminy w Lipnie (w latach 1990-1994) był Jan Kos, w drugiej kadencji "
               "(1994-1998) – Stanisław Lis, następnie (2010-2014), pierwsza kobieta na tym stanowisku, Beata Sowa. "
               "Zastępcą wójta był Jan Wilk. W obecnej kadencji tę funkcję sprawowały dwie osoby, Ewa Sroka "
               "(do lutego 2019) i Anna Mazur (od 1 sierpnia 2019 r.).")
    held = {(m.person, m.role.label, m.date) for m in doc._.memberships}
    assert {("person:stanislaw lis", "przewodniczący", "1994"), ("person:beata sowa", "przewodniczący", "2010"),
            ("person:anna mazur", "wicewójt", "2019-08-01")} <= held, held
    assert ("person:ewa sroka", "wicewójt") in {(p, r) for p, r, _d in held}, held


def test_no_office_passes_to_a_person_listed_with_another_title_or_given_an_honour():
    doc = read("Gości witali: Jan Kos – Przewodniczący Rady Gminy Lipno, wykonawca inwestycji – Adam Lis, "
               "Wicekurator Oświaty - Ewa Sowa. Prezesem klubu był Jan Wrona. Godność tę otrzymali: Piotr Kot i Anna Mak.")
    held = {m.person for m in doc._.memberships}
    assert not held & {"person:adam lis", "person:ewa sowa", "person:piotr kot", "person:anna mak"}, held


def test_a_dated_clause_that_only_holds_an_office_is_no_happening():
    doc = read("Od listopada 2018 r. swoją pierwszą kadencję sprawuje Jan Kos. W 2019 r. Adam Lis zamieszkał w Borku.")
    assert [(e.type, e.date) for e in doc._.events] == [("Happening", "2019")], doc._.events


def test_an_acronym_leaves_out_the_prepositions_of_the_name_it_stands_for():
    doc = read("Zjazd Stowarzyszenia Polaków na Łotwie odbył się w Rydze. Prezes SPŁ Jan Kos powitał gości.")
    names = entity_names(doc, "organisation")
    assert "SPŁ" not in names and "Stowarzyszenie Polaków na Łotwie" in names, names


def test_an_organ_named_with_a_body_the_text_names_is_part_of_that_body():
    doc = read("Obradował Senat Uniwersytetu Borkowskiego. Dziekan Wydziału Prawa UB powitał gości z Uniwersytetu "
               "Borkowskiego. Była też Młodzieżowa Rada Stowarzyszenia Lipnickiego i Stowarzyszenie Lipnickie.")
    parts = {(r.subject, r.object) for r in doc._.relations if r.predicate == "subOrganizationOf"}
    assert parts == {("organisation:senat uniwersytetu borkowskiego", "organisation:uniwersytet borkowski"),
                     ("organisation:wydzial prawa ub", "organisation:uniwersytet borkowski")}, parts


def test_countries_of_a_programmes_name_or_a_quoted_title_are_no_places():
    doc = read("Środki pochodzą z Programu Współpracy Transgranicznej Łotwa – Estonia – Finlandia oraz z programu "
               "„Azja dla młodych”. Delegacja z Borku odwiedziła Szwecję.")
    assert entity_names(doc, "place") == {"Borek", "Szwecja"}, entity_names(doc, "place")


def test_an_acronym_keeps_the_quoted_name_after_it():
    doc = read("Byli też przewodniczący ZZ „Jedność” pan Jan Lis i prezes LKS „Sokół” Adam Wrona.")
    held = roles_held(doc)
    assert {"ZZ „Jedność”", "LKS „Sokół”"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert {p for p, _r, _o in held} == {"person:jan lis", "person:adam wrona"}, held


# --- session 52: the partnership genre's missed offices ----------------------------------------------------

def test_a_given_name_after_a_bodys_seat_is_no_part_of_the_seat_nor_its_noun():
    doc = read("Gości powitał Koordynator Uniwersytetu Trzeciego Wieku w Borkowie Ewa Nowicka. Wystawę otworzyła "
               "dyrektor Muzeum Regionalnego w Dobrej Anna Kos.")
    names = {n for e in doc._.entities.values() if e.kind == "organisation" for n in (e.name, *e.aliases)}
    assert not any("Ewa" in n or "Anna" in n for n in names), names
    assert ("person:anna kos", "dyrektor", "organisation:muzeum regionalne") in roles_held(doc), \
        roles_held(doc)  # the town a place of its own, not an adjective of the given name after it
    assert "Dobra" in entity_names(doc, "place"), entity_names(doc, "place")


def test_a_directorate_and_a_presidium_are_bodies():
    doc = read("Głos zabrał Tomasz Lis, dyrektor Regionalnej Dyrekcji Ochrony Środowiska w Borkowie. Obecny był "
               "Jan Wrona, przewodniczący Prezydium Gminnej Rady Narodowej w Lipnie.")
    held = roles_held(doc)
    assert ("person:tomasz lis", "dyrektor", "organisation:regionalna dyrekcja ochrony srodowiska") in held, \
        held
    assert any(p == "person:jan wrona" and o.startswith("organisation:prezydium") for p, _r, o in held), held


def test_towns_that_are_friends_with_towns_are_twinned():
    doc = read("Najdłużej trwa przyjaźń Wielunia i miasta Lorsch. Wieluń przyjaźni się także z miastami Lavora we "
               "Francji, Toszeti w Gruzji oraz od niedawna z Lipnem w Polsce.")
    pairs = twinned_pairs(doc)
    assert {frozenset(("place:wielun", town)) for town in ("place:lorsch", "place:lavora", "place:toszeti",
                                                            "place:lipno")} == pairs, pairs
    assert not any("place:francja" in p or "place:gruzja" in p for p in pairs), pairs


def test_a_town_named_in_apposition_is_a_place_and_the_partner():
    doc = read("Burmistrz Lipna Jan Kos odwiedził Ramat Galim – miasto partnerskie Lipna. Wcześniej był w Toszeti "
               "– mieście partnerskim gminy.")
    assert {"Ramat Galim", "Toszeti"} <= entity_names(doc, "place"), entity_names(doc, "place")
    assert "Ramat Galim" not in entity_names(doc, "person"), entity_names(doc, "person")
    assert frozenset(("place:lipno", "place:ramat galim")) in twinned_pairs(doc), twinned_pairs(doc)


def test_a_known_name_then_an_english_place_word_is_one_town():
    doc = read("Umowę o współpracy partnerskiej między Lipnem a Lincoln Park podpisano w 2016 roku. Burmistrz "
               "Lincoln Park Tom Reed odwiedził Park Miejski w Lipnie.")
    assert "Lincoln Park" in entity_names(doc, "place") and "Lincoln" not in entity_names(doc, "place"), \
        entity_names(doc, "place")
    assert twinned_pairs(doc) == {frozenset(("place:lipno", "place:lincoln park"))}, twinned_pairs(doc)


def test_the_mayor_of_a_citys_district_is_the_districts():
    doc = read("Gości przywitał burmistrz dzielnicy Bielany Jan Lis. Porozumienie podpisał Pan Adam Wrona - "
               "Burmistrz Dzielnicy Ursus m.st. Warszawy.")
    held = {(p, r) for p, r, _o in roles_held(doc)}
    assert {("person:jan lis", "burmistrz"), ("person:adam wrona", "burmistrz")} <= held, roles_held(doc)
    offices = {p: o for p, _r, o in roles_held(doc)}
    assert offices["person:jan lis"].endswith("bielany") and offices["person:adam wrona"].endswith("ursus"), offices


def test_a_voivodeship_by_its_adjective_alone_and_its_marshal_at_home():
    doc = read("Delegacja z Teksasu odwiedziła Podkarpackie. Goście z Teksasu spotkali się z marszałkiem Piotrem "
               "Nowakiem i członkiem zarządu województwa Adamem Lisem. Rozmawiano o współpracy między Podkarpackim a "
               "Teksasem. Podkarpackie Centrum Kultury zaprosiło gości.")
    assert "województwo podkarpackie" in entity_names(doc, "organisation"), entity_names(doc, "organisation")
    held = roles_held(doc)
    assert ("person:piotr nowak", "marszałek", "organisation:wojewodztwo podkarpackie") in held, held
    assert ("person:adam lis", "członek zarządu", "organisation:wojewodztwo podkarpackie") in held, held
    assert "Podkarpackie Centrum Kultury" in entity_names(doc, "organisation")


def test_capitals_in_a_sentence_and_acronyms_of_bodies_are_no_places():
    doc = read("Port w Lipnie był dla nich BRAMĄ DO WOLNOŚCI. Projekt KSIĄŻKA NIE ZNA GRANIC wydano w Gnieźnie. "
               "Programem mogą objąć inne JST w Polsce, także dla polskich JST jest otwarty.")
    assert entity_names(doc, "place") == {"Lipno", "Gniezno", "Polska"}, entity_names(doc, "place")
    heading = read("WSPÓŁPRACA MIĘDZY KROSNEM A LIPNEM\n\nRada postanawia nawiązać współpracę.")
    assert {"Krosno", "Lipno"} <= entity_names(heading, "place"), entity_names(heading, "place")


def test_a_party_sgjp_knows_is_no_town_after_an_office():
    doc = read("Radni PiS z Lipna głosowali przeciw, a burmistrz miasta Lipna był za.")
    assert entity_names(doc, "place") == {"Lipno"}, entity_names(doc, "place")


def test_the_capitals_title_is_no_part_of_its_name():
    doc = read("Porozumienie zawarte pomiędzy Miastem Stołecznym Warszawa a Miastem Lipno podpisano w 2019 r.")
    assert "Warszawa" in entity_names(doc, "place") and not any("Stołeczn" in n for n in entity_names(doc, "place")), \
        entity_names(doc, "place")


def test_a_short_paragraph_of_two_dated_sentences_is_no_heading():
    doc = read("Lipno i Borki\n\nW Borkach odbył się festyn w 2015 r. Kolejny festyn odbył się w Lipnie w 2018 r.\n\n"
               "Dalsze plany omówiono na spotkaniu.")
    assert sorted(e.date for e in doc._.events if e.type == "Festival") == ["2015", "2018"], \
        [(e.type, e.date) for e in doc._.events]
    assert "Lipno i Borki" in [h.text for h in doc.spans["headings"]]


def test_an_anniversary_of_the_partnership_naming_no_side_is_the_texts_own_town():
    doc = read("Gniezno i Speyer\n\nGniezno współpracuje z partnerskim miastem Speyer od 2009 r. Burmistrz Gniezna Jan Kos "
               "był w Speyer w 2015 r. Gniezno jest miastem otwartym.\n\n"
               "Uroczystość 15-lecia partnerstwa odbyła się 17 maja 2024 r.\n")
    held = [(e.date, e.participants + e.locations) for e in doc._.events if e.date == "2024-05-17"]
    assert held and "place:gniezno" in held[0][1], [(e.type, e.date, e.participants) for e in doc._.events]


def test_a_unit_after_an_adjective_of_partnership_in_the_locative_is_the_partner_not_where_a_town_lies():
    doc = read("Z wizytą w partnerskim powiecie Sokyrany\n\nPrzedstawiciele powiatu lipnickiego na czele ze starostą "
               "Janem Kosem w drugiej połowie października złożyli wizytę w partnerskim powiecie Sokyrany na Ukrainie.\n")
    assert twinned_pairs(doc) == {frozenset(("organisation:powiat lipnicki", "organisation:powiat sokyrany"))}, \
        twinned_pairs(doc)


def test_an_adjective_in_the_nominative_before_a_bodys_head_in_the_genitive_is_no_part_of_its_name():
    doc = read("W 1946 r. odbyło się zebranie Cechu Kowali w Lipnie.\n\nZarząd Cechu:\n\n1. Nowak Leon – Starszy Cechu\n"
               "2. Kos Adam – Skarbnik Cechu\n")
    assert not any(n.startswith("Starszy") for n in entity_names(doc, "organisation")), entity_names(doc, "organisation")
    assert ("person:adam kos", "skarbnik", "organisation:cech kowali") in roles_held(doc), roles_held(doc)


# --- session 53 ---------------------------------------------------------------------------------------------

def test_a_departments_matters_include_a_town_like_noun_and_verbal_nouns():
    doc = read("Gości przywitała Ewa Sowa, przewodnicząca Komisji Oświaty, Kultury i Zdrowia Rady Gminy Lipnik. Umowy "
               "przygotował Dział Inwestycji, Pozyskiwania i Rozliczania Środków Zewnętrznych.")
    assert {"Komisja Oświaty, Kultury i Zdrowia Rady Gminy Lipnik",
            "Dział Inwestycji, Pozyskiwania i Rozliczania Środków Zewnętrznych"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")
    assert entity_names(doc, "place") == set(), "Zdrowie is a village's name, not a place here"
    doc = read("Prezes Wojewódzkiego Związku Rolników, Kółek i Organizacji Rolniczych Jan Lis powitał przedstawicieli "
               "Policji Państwowej, Straży Granicznej i Straży Więziennej.")
    assert ("person:jan lis", "prezes", "organisation:wojewodzki zwiazek rolnikow kolek i organizacji rolniczych") \
        in roles_held(doc), roles_held(doc)
    assert {"Policja Państwowa", "Straż Graniczna", "Straż Więzienna"} <= entity_names(doc, "organisation"), \
        "a guard named after a comma may be a body of its own"


def test_a_units_cooperation_told_by_a_verb_and_a_colon_then_a_line_per_partner():
    doc = read("Współpraca zagraniczna\n\nPowiat Lipnicki współpracuje:\n\n"
               " • od roku 2002 z Powiatem Oberhavel w Kraju Związkowym Brandenburgia,\n"
               " • od roku 2010 z Powiatem Bautzen w Wolnym Kraju Saksonia,\n"
               "Na przestrzeni tych lat zrealizowano wiele projektów.\n")
    assert twinned_pairs(doc) == {frozenset(("organisation:powiat lipnicki", "organisation:powiat oberhavel")),
                                  frozenset(("organisation:powiat lipnicki", "organisation:powiat bautzen"))}, \
        twinned_pairs(doc)


def test_two_foreign_words_across_a_spaced_hyphen_one_town_and_a_street_no_town():
    doc = read("Członkowie towarzystw z Bergisch - Gladbach i Lipnika spotkali się w grudniu. W maju odbędzie się "
               "festyn na Lipnikerstrasse w Bergisch - Gladbach, mieście partnerskim Lipnika.")
    assert {"Bergisch-Gladbach", "Lipnik"} <= entity_names(doc, "place"), entity_names(doc, "place")
    assert not any("strasse" in n for n in entity_names(doc, "place")), entity_names(doc, "place")


def test_two_towns_of_one_delegation_are_each_the_partner_of_the_third_not_each_others():
    doc = read("W dniach 7-13 maja 2007 r. delegacja z Gminy Lipnik i Borkowic na zaproszenie partnerskiej gminy "
               "Wilhelmsdorf gościła w Niemczech.")
    assert twinned_pairs(doc) == {frozenset(("organisation:gmina lipnik", "place:wilhelmsdorf")),
                                  frozenset(("place:borkowice", "place:wilhelmsdorf"))}, twinned_pairs(doc)


def test_a_starosta_named_alone_is_of_the_one_county_the_text_names_whatever_town_it_names_most():
    doc = read("Starosta Jan Kowalski przekazał dary mieszkańcom powiatu kętrzyńskiego.")
    assert roles_held(doc) == {("person:jan kowalski", "starosta", "organisation:powiat ketrzynski")}, roles_held(doc)


def test_a_starosta_read_as_his_seats_is_of_the_county_seated_in_that_town():
    doc = read("Kędzierzyn-Koźle pomaga Ukrainie. Samorządowcy z Kędzierzyna-Koźla zebrali dary. Adam Lis oraz wicestarosta "
               "Jan Kos przekazali dary dla powiatu wyżnickiego. Starosta wyżnicki otrzymał flagę powiatu "
               "kędzierzyńsko-kozielskiego.")
    assert roles_held(doc) == {("person:jan kos", "wicestarosta", "organisation:powiat kedzierzynsko-kozielski")}, \
        roles_held(doc)


def test_an_associations_own_name_in_the_nominative_after_its_noun_in_the_genitive():
    doc = read("Borki reprezentował prezes Stowarzyszenia Borkowska Organizacja Turystyczna – Adam Lis.")
    assert ("person:adam lis", "prezes", "organisation:stowarzyszenie borkowska organizacja turystyczna") \
        in roles_held(doc), roles_held(doc)
    assert "Związek Polskich Artystów Plastyków" in entity_names(read(
        "Członkowie Związku Polskich Artystów Plastyków przyjechali."), "organisation"), "a genitive complement stays"


def test_a_german_institution_named_by_a_compound_of_its_head():
    doc = read("Uczniowie pojechali do Schulzentrum Saterland w maju 2018 r. Dyrektor Gerkenschule Erich Reineke "
               "przyjechał do Lipna.")
    assert {"Schulzentrum Saterland", "Gerkenschule"} <= entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert ("person:erich reineke", "dyrektor", "organisation:gerkenschule") in roles_held(doc), roles_held(doc)
    assert "Schulzentrum Saterland" not in entity_names(doc, "place")


def test_towns_listed_by_commas_after_a_preposition_and_all_lying_in_the_country_named_after_them():
    doc = read("Przyjechali goście z Vreden, Bocholt i Ahaus w Niemczech.")
    assert {"Vreden", "Bocholt", "Ahaus"} <= entity_names(doc, "place"), entity_names(doc, "place")
    inside = {(r.subject, r.object) for r in doc._.relations if r.predicate == "containedInPlace"}
    assert {("place:vreden", "place:niemcy"), ("place:bocholt", "place:niemcy"), ("place:ahaus", "place:niemcy")} \
        <= inside, inside
    doc = read("Delegacje z Lipna i Hagen w Niemczech spotkały się w 2010 r.")
    assert ("place:lipno", "place:niemcy") not in {(r.subject, r.object) for r in doc._.relations}, \
        "a Polish town GeoNames knows lies at home"


def test_a_councils_term_is_no_part_of_its_name_nor_a_person():
    doc = read("Obrady I Sesji Rady Powiatu Lipnickiego VI kadencji otworzył radny Jan Kos. Ślubowanie złożyli wszyscy "
               "Radni VI Kadencji, oprócz Adama Lisa.")
    assert "Rada Powiatu Lipnickiego" in entity_names(doc, "organisation"), entity_names(doc, "organisation")
    assert entity_names(doc, "person") == {"Jan Kos", "Adam Lis"}, entity_names(doc, "person")
    assert "Szkoła Podstawowa im. Jana Pawła II" in entity_names(read(
        "Uczniowie Szkoły Podstawowej im. Jana Pawła II w Lipniku pojechali do Borek."), "organisation")


def test_a_countrys_adjective_the_model_tags_alone_is_no_place():
    doc = read("Porozumienie mówi o zacieśnieniu więzi pomiędzy narodem Gruzińskim i Polskim, poznaniu wartości obu "
               "krajów.")
    assert entity_names(doc, "place") == set(), entity_names(doc, "place")
    doc = read("Spotkanie z ambasadorem Polski odbyło się w Atenach.")
    assert "Polska" in entity_names(doc, "place"), entity_names(doc, "place")


def test_units_named_after_their_noun_in_the_plural_by_adjective_or_foreign_name_are_partners():
    doc = read("Partnerstwo pomiędzy powiatami Lipnickim i Saalekreis liczy sobie 16 lat. W 2010 r. podpisano umowę o "
               "współpracy pomiędzy powiatami kłodzkim i Nachod.")
    assert twinned_pairs(doc) == {frozenset(("organisation:powiat lipnicki", "organisation:powiat saalekreis")),
                                  frozenset(("organisation:powiat klodzki", "organisation:powiat nachod"))}, \
        twinned_pairs(doc)
    assert not entity_names(read("Wójtowie gmin członkowskich przyjechali do Lipnika."), "organisation"), \
        "units in general name no unit"


def test_a_towns_twinning_with_a_foreign_county_is_its_own_countys_whatever_the_adjectives_stem():
    doc = read("Powiat szczecinecki leży na Pomorzu. W 2010 r. Szczecinek podpisał umowę partnerską z rejonem łogojskim.")
    assert twinned_pairs(doc) == {frozenset(("organisation:powiat szczecinecki", "organisation:rejon logojski"))}, \
        twinned_pairs(doc)
    doc = read("Powiat bocheński leży w Małopolsce. W 2010 r. Bochnia podpisała umowę partnerską z powiatem Saarlouis.")
    assert twinned_pairs(doc) == {frozenset(("organisation:powiat bochenski", "organisation:powiat saarlouis"))}, \
        twinned_pairs(doc)


# --- session 54 ---------------------------------------------------------------------------------------------

def test_a_line_in_capitals_names_only_the_towns_in_it_and_what_the_text_names_in_its_own_case():
    doc = read("ZESPÓŁ SZKÓŁ W LIPNIE OD WIELU LAT WSPÓŁPRACUJE ZE SZKOŁĄ PARTNERSKĄ, W TYM Z GRANICĄ\n\n"
               "Uczniowie szkoły w Lipnie pojechali do szkoły partnerskiej w Kłodzku.")
    assert entity_names(doc, "place") == {"Lipno", "Kłodzko"}, entity_names(doc, "place")
    assert all(name.startswith("szkoła") for name in entity_names(doc, "organisation")), \
        entity_names(doc, "organisation")  # the body's own schools, none from the heading
    doc = read("POBYT MŁODZIEŻY Z PARTNERSKIEGO MIASTA HERMESKEIL W KROŚNIE\n\nMłodzież przyjechała w 2009 r.")
    assert entity_names(doc, "place") == {"Hermeskeil", "Krosno"}, entity_names(doc, "place")
    doc = read("WIZYTA STAROSTY POWIATU LIPNICKIEGO JANA KOWALA W BORKACH\n\nStarosta Powiatu Lipnickiego Jan Kowal "
               "odwiedził Borki w 2019 r.")
    assert ("person:jan kowal", "starosta", "organisation:powiat lipnicki") in roles_held(doc), roles_held(doc)
    assert entity_names(doc, "person") == {"Jan Kowal"}, entity_names(doc, "person")


def test_the_town_a_relative_clause_of_cooperation_tells_of_is_the_partner_of_its_subject():
    doc = read("Powiat Lipnicki oraz rejon Kołomyja to jednostki samorządu niemieckiego i ukraińskiego, z którymi "
               "Powiat Borecki podpisał umowy o współpracy.")
    assert twinned_pairs(doc) == {frozenset(("organisation:powiat borecki", "organisation:powiat lipnicki")),
                                  frozenset(("organisation:powiat borecki", "place:kolomyja"))}, twinned_pairs(doc)
    doc = read("W 2010 r. gościliśmy delegacje z miast – Lipnika i Kłodzka – miast, z którymi Gmina Borki współpracuje "
               "od lat.")
    assert twinned_pairs(doc) == {frozenset(("organisation:gmina borki", "place:lipnik")),
                                  frozenset(("organisation:gmina borki", "place:klodzko"))}, twinned_pairs(doc)
    doc = read("Burmistrz Lipna przedstawił kilka miast, z którymi Gmina Borki chciałaby nawiązać współpracę.")
    assert not twinned_pairs(doc), twinned_pairs(doc)


def test_an_office_held_still_retired_or_given_by_an_impersonal_election():
    doc = read("Wiceburmistrzem Lipna nadal był Jan Nowak. Kontrkandydatem był Adam Lis – emerytowany dyrektor "
               "Liceum Ogólnokształcącego w Lipnie. Ewę Sowę wybrano na przewodniczącą Rady Miejskiej w Lipnie. "
               "Przyszedł Piotr Wrona, dawny dyrektor Muzeum Regionalnego w Borkach.")
    held = roles_held(doc)
    assert ("person:piotr wrona", "dyrektor", "organisation:muzeum regionalne") in held, held
    assert ("person:jan nowak", "wiceburmistrz", "place:lipno") in held, held
    assert ("person:adam lis", "dyrektor", "organisation:liceum ogolnoksztalcace") in held, held
    assert ("person:ewa sowa", "przewodniczący", "organisation:rada miejska") in held, held
    doc = read("Medale otrzymali:\n• Jan Kos – od 1997 r. wójt gminy Lipnik\n• Adam Wrona – od 1995 nieprzerwanie wójt "
               "gminy Borki")
    held = roles_held(doc)
    assert {("person:jan kos", "wójt", "place:lipnik"), ("person:adam wrona", "wójt", "place:borki")} <= held, held
    for text in ("Uczestniczyli w nim burmistrz Lipna, Jan Kos, burmistrz Kłodzka, Adam Lis, oraz burmistrz Zittau, "
                 "Thomas Zenker.", "Byli tam Jan Kos, burmistrz Lipna, Adam Lis, burmistrz Kłodzka, oraz Thomas Zenker, "
                                   "burmistrz Zittau."):
        held = roles_held(read(text))
        assert held == {("person:jan kos", "burmistrz", "place:lipno"), ("person:adam lis", "burmistrz", "place:klodzko"),
                        ("person:thomas zenker", "burmistrz", "place:zittau")}, held
    held = roles_held(read("Na zdjęciu: Jan Kos - burmistrz Lipna, Adam Lis, burmistrz Kłodzka, Ewa Sowa - wójt gminy Borki. "
                           "Powitał Piotra Wronę Burmistrza Zittau, Hansa Webera, Burmistrza Görlitz."))
    assert held == {("person:jan kos", "burmistrz", "place:lipno"), ("person:adam lis", "burmistrz", "place:klodzko"),
                    ("person:ewa sowa", "wójt", "place:borki"), ("person:piotr wrona", "burmistrz", "place:zittau"),
                    ("person:hans weber", "burmistrz", "place:gorlitz")}, held


def test_a_bodys_own_name_in_quotes_after_the_country_it_works_in_is_part_of_its_name():
    doc = read("Przybyli burmistrz Jan Kos, prezes Stowarzyszenia Nauczycieli Polskich na Łotwie „Nasza Szkoła“ Ewa "
               "Lis oraz dyrektor szkoły.")
    held = roles_held(doc)
    assert ("person:ewa lis", "prezes", "organisation:stowarzyszenie nauczycieli polskich na lotwie nasza szkola") \
        in held, held
    assert not any(person == "person:jan kos" and role == "prezes" for person, role, _ in held), held
    held = roles_held(read("Obecny był Przewodniczący Związku Polaków na Białorusi Adam Lis."))
    assert held == {("person:adam lis", "przewodniczący", "organisation:zwiazek polakow na bialorusi")}, held


def test_an_organ_of_the_state_with_its_acronym_and_a_state_named_by_its_countrys_genitive():
    doc = read("Delegacji przewodniczył Marszałek Senatu RP, Pan Jan Kos. Wizytę złożył też Ambasador Republiki Litwy "
               "Adam Lis, a list przysłał Ambasador Królestwa Szwecji Piotr Wrona.")
    held = roles_held(doc)
    assert {("person:jan kos", "marszałek", "organisation:senat rp"), ("person:adam lis", "ambasador", "place:litwa"),
            ("person:piotr wrona", "ambasador", "place:szwecja")} <= held, held


def test_holders_listed_with_the_years_of_their_terms_after_their_names():
    doc = read("Towarzystwo Miłośników Lipna założono w 1990 r. Wcześniejsi prezesi: Adam Lis 2010-2016 r., Ewa Sowa "
               "2005-2010 r., Piotr Wrona 1990-2005 r.")
    held = {(m.person, m.date) for m in doc._.memberships if m.role.label == "prezes"}
    assert held == {("person:adam lis", "2010"), ("person:ewa sowa", "2005"), ("person:piotr wrona", "1990")}, held
    assert dates("Był prezesem 2010–2016 r., a potem radnym.") == ["2010"]


# --- session 55 ---------------------------------------------------------------------------------------------


def test_bulleted_lines_of_an_office_list_and_bare_years_ending_a_line():
    doc = read("Dyrektorzy Szkoły Podstawowej w Lipniku\n\n • w latach 1920 — 1939\n\n  • Adam Lis 1920 – 1931\n"
               "  • Ewa Sowa 1931 – 1939\n • po wojnie\n\n  • Piotr Wrona 1945 – 1960\n")
    held = {(m.person, m.role.label, m.date) for m in doc._.memberships}
    assert {("person:adam lis", "dyrektor", "1920"), ("person:ewa sowa", "dyrektor", "1931"),
            ("person:piotr wrona", "dyrektor", "1945")} <= held, held
    assert not any(m.date == "1931" for m in read("Jan Kos 1931 – 1939 mieszkał w Lipnie.")._.memberships)


def test_words_describing_the_holders_before_the_colon_of_their_list():
    doc = read("W 1920 r. powstał Klub Sportowy Orzeł Lipno. Założycielami klubu byli pracownicy kopalni: Jan Kos, "
               "Piotr Wrona i Adam Lis.")
    held = roles_held(doc)
    assert {(p, "założyciel", "organisation:klub sportowy orzel lipno")
            for p in ("person:jan kos", "person:piotr wrona", "person:adam lis")} <= held, held
    founders = {(r.subject, r.object) for r in doc._.relations if r.predicate == "founder"}
    assert ("organisation:klub sportowy orzel lipno", "person:adam lis") in founders, founders
    held = roles_held(read("W 1920 r. powstał Klub Sportowy Orzeł Lipno. Prezesami klubu byli kolejno Jan Kos, który "
                           "mieszkał w Lipnie: Adam Lis i Piotr Wrona."))
    assert not any(p == "person:adam lis" for p, _, _ in held), held


def test_an_organ_named_with_an_adjective_before_its_head_is_the_bodys():
    doc = read("Na granicy pracuje Straż Graniczna. Gości przyjął komendant Nadodrzańskiego Oddziału Straży Granicznej "
               "Jan Kos. Obecni byli członkowie Komisji Rewizyjnej PTTK Lipno, oddziału Polskiego Towarzystwa "
               "Turystyczno-Krajoznawczego (PTTK).")
    parts = {(r.subject, r.object) for r in doc._.relations if r.predicate == "subOrganizationOf"}
    assert ("organisation:nadodrzanski oddzial strazy granicznej", "organisation:straz graniczna") in parts, parts
    doc = read("Powołano Młodzieżową Radę Związku Harcerstwa Polskiego. Związek Harcerstwa Polskiego działa od 1918 r.")
    assert not any(r.predicate == "subOrganizationOf" for r in doc._.relations), doc._.relations


def test_the_members_a_sentence_says_the_board_is_made_of():
    doc = read("W 2010 r. założono Towarzystwo Przyjaciół Lipna. Prezesem Towarzystwa Przyjaciół Lipna jest Piotr "
               "Wrona. W skład zarządu weszli: Jan Kos, Adam Lis (skarbnik) i Ewa Sowa.")
    held = roles_held(doc)
    society = "organisation:towarzystwo przyjaciol lipna"
    assert {("person:jan kos", "członek zarządu", society), ("person:ewa sowa", "członek zarządu", society),
            ("person:adam lis", "skarbnik", society), ("person:piotr wrona", "prezes", society)} <= held, held
    assert not any(p == "person:piotr wrona" and r == "członek zarządu" for p, r, _ in held), held
    held = roles_held(read("Klub Sportowy Orzeł Lipno i Klub Sportowy Sokół Borki grają w jednej lidze. W skład "
                           "zarządu weszli: Jan Kos i Ewa Sowa."))
    assert not any(r == "członek zarządu" for _, r, _ in held), held
    held = roles_held(read("W skład Rady Nadzorczej Banku Spółdzielczego w Lipnie weszli: Adam Lis i Ewa Sowa."))
    assert held == {(p, "członek", "organisation:rada nadzorcza banku spoldzielczego")
                    for p in ("person:adam lis", "person:ewa sowa")}, held


def test_founders_named_on_whose_initiative_a_body_arose_and_after_adjectives():
    def founders(text):
        return {(r.subject, r.object) for r in read(text)._.relations if r.predicate == "founder"}
    assert founders("Muzeum Regionalne w Lipnie powstało w 1924 r. z inicjatywy miejscowego pastora Adama Lisa.") \
        == {("organisation:muzeum regionalne", "person:adam lis")}
    assert ("organisation:towarzystwo przyjaciol lipna", "person:ewa sowa") in founders(
        "W 1922 r. powstało z inicjatywy pani Ewy Sowy Towarzystwo Przyjaciół Lipna.")
    assert founders("Koło Miłośników Lipna działa od 1958 r. Założycielem Koła był całkowicie niewidomy pan Adam "
                    "Lis.") == {("organisation:kolo milosnikow lipna", "person:adam lis")}
    assert not founders("Założycielem Towarzystwa Przyjaciół Lipna był syn Adama Lisa.")


def test_two_offices_joined_before_the_copula_are_both_the_holders():
    doc = read("Towarzystwo Miłośników Lipna powstało w 1891 r. Jego założycielem i pierwszym przewodniczącym był Adam "
               "Kos.")
    body = "organisation:towarzystwo milosnikow lipna"
    assert {("person:adam kos", "założyciel", body), ("person:adam kos", "przewodniczący", body)} <= roles_held(doc)
    doc = read("Ogród Zoologiczny w Lipnie otwarto w 1928 r. Założycielem i pierwszym kierownikiem Ogrodu "
               "Zoologicznego w Lipnie był Adam Kos.")
    held = roles_held(doc)
    assert {("person:adam kos", "założyciel", "organisation:ogrod zoologiczny"),
            ("person:adam kos", "kierownik", "organisation:ogrod zoologiczny")} <= held, held
    assert ("organisation:ogrod zoologiczny", "person:adam kos") in {
        (r.subject, r.object) for r in doc._.relations if r.predicate == "founder"}
    held = roles_held(read("Obecni byli m.in. Sekretarz Stanu Adam Lis, Przewodniczący i Radni Rady Powiatu Lipnickiego, "
                           "a przede wszystkim rolnicy."))
    assert not any(r == "przewodniczący" for _, r, _ in held), held


def test_a_municipal_office_from_a_town_before_the_holders_name():
    assert roles_held(read("Radny z Nowogardu Marcin Kos zwrócił uwagę na umowę.")) \
        == {("person:marcin kos", "radny", "place:nowogard")}
    assert roles_held(read("Na sesję przybył burmistrz z Lipna Jan Kos.")) \
        == {("person:jan kos", "burmistrz", "place:lipno")}
    assert not any(org == "place:niemcy" for _, _, org in roles_held(read("Przyjechał burmistrz z Niemiec Hans Weber.")))


def test_the_holder_named_after_an_election_told_in_the_sentence_before():
    held = roles_held(read("Lipno to miasto nad Wisłą. W 1990 r. wybrano zastępcę burmistrza. Został nim Marek Kos."))
    assert held == {("person:marek kos", "wiceburmistrz", "place:lipno")}, held
    doc = read("Następnie dokonano wyboru nowego członka Komisji Rewizyjnej Towarzystwa Przyjaciół Lipna. Został nim "
               "Adam Lis.")
    assert roles_held(doc) == {("person:adam lis", "członek komisji rewizyjnej",
                                "organisation:komisja rewizyjna towarzystwa przyjaciol lipna")}, roles_held(doc)
    held = roles_held(read("Rada Miejska w Lipnie zebrała się w czerwcu 1990 r. Gości z Borek i z Kłodzka powitano w "
                           "Lipnie. W Lipnie wybrano burmistrza. Siedem dni później wybrano zastępcę burmistrza. Został "
                           "nim Marek Kos."))
    assert held == {("person:marek kos", "wiceburmistrz", "place:lipno")}, held  # the text's own town, not the guests'
    assert not roles_held(read("Lipno leży nad Wisłą. Został nim zauroczony Adam Lis."))


# --- session 56 ---------------------------------------------------------------------------------------------


def test_a_sentence_ending_in_a_colon_opens_a_list_of_holders_one_per_line():
    doc = read("Szkoła Podstawowa nr 3 w Lipnie powstała w 1946 r. W kolejnych latach dyrektorami szkoły byli:\n"
               "1946-1950 mgr Jan Kos\n1950-1956 Adam Lis\n1956-1959 dr Piotr Wrona\n")
    school = "organisation:szkola podstawowa nr 3"
    dated = {(m.person, m.role.label, m.organisation, m.date) for m in doc._.memberships}
    assert dated == {("person:jan kos", "dyrektor", school, "1946"), ("person:adam lis", "dyrektor", school, "1950"),
                     ("person:piotr wrona", "dyrektor", school, "1956")}, dated
    held = roles_held(read("Historia wsi Borki\n\nSołtysi wsi Borki:\n\n1811 rok - Jan Kos\n\n1815 rok – Adam Lis\n"))
    assert held == {("person:jan kos", "sołtys", "place:borki"), ("person:adam lis", "sołtys", "place:borki")}, held
    held = roles_held(read("Uchwałą Rady Miejskiej w Lipnie z 10 sierpnia 2021 r. nawiązano współpracę.\n\nLipno "
                           "reprezentowali:\nJan Kos - Burmistrz\nRadni:\nAdam Lis\nEwa Sowa\n"))
    assert {("person:adam lis", "radny", "organisation:rada miejska"),
            ("person:ewa sowa", "radny", "organisation:rada miejska")} <= held, held
    held = roles_held(read("Klub Sportowy Orzeł Lipno obchodził jubileusz.\n\nW spotkaniu udział wzięli prezesi "
                           "klubów partnerskich:\nJan Kos\nAdam Lis\n"))
    assert not held, held  # guests listed, not the holders of the club's office


def test_a_biographys_subject_holds_the_offices_its_later_sentences_name_without_him():
    doc = read("Jan Kos (ur. 12 marca 1950 w Kielcach) – polski samorządowiec.\n\nUkończył studia w Kielcach. W 1990 "
               "został radnym Rady Miejskiej w Rawiczu. Od 1994 do 2002 był burmistrzem Rawicza. Był także prezesem "
               "Ochotniczej Straży Pożarnej w Rawiczu. W latach 2006–2010 wybierano go na stanowisko starosty "
               "lipnickiego.")
    held = roles_held(doc)
    assert {("person:jan kos", "radny", "organisation:rada miejska"), ("person:jan kos", "burmistrz", "place:rawicz"),
            ("person:jan kos", "prezes", "organisation:ochotnicza straz pozarna"),
            ("person:jan kos", "starosta", "organisation:powiat lipnicki")} <= held, held
    held = roles_held(read("Adam Lis był rolnikiem. W 1943 r. spotkał się z nim Jan Kos (jednym z uczestników był Piotr "
                           "Wrona). Był prezesem Kasy Stefczyka w Lipnie."))
    assert not any(p == "person:piotr wrona" for p, _, _ in held), held  # named in brackets: an aside
    held = roles_held(read("Adam Lis służył w batalionie imienia Jana Kosa. Został prezesem Kasy Stefczyka w Lipnie."))
    assert {p for p, _, _ in held} == {"person:adam lis"}, held  # a patron is no subject
    held = roles_held(read("Na sesji Rady Gminy Lipno obecna była Ewa Sowa. Prezesem Koła Gospodyń był wtedy mąż."))
    assert not any(r == "prezes" for _, r, _ in held), held
    held = roles_held(read("Probostwo objął ks. Jan Kos. Zaprosił kapitana Lisa, który był kapelmistrzem orkiestry "
                           "w Lipnie."))
    assert not any(r == "kapelmistrz" for _, r, _ in held), held  # the relative's antecedent, not the subject before
    held = roles_held(read("Ewa Sowa została burmistrzem. Tego samego dnia Rada Miejska w Lipnie wybrała sekretarza "
                           "gminy."))
    assert not any(r == "sekretarz" for _, r, _ in held), held  # who elects holds nothing
    held = roles_held(read("Prezydent Adam Lis przesłał do Rady Miejskiej w Lipnie projekt uchwały, którą zajmą się "
                           "lipnickie radne na najbliższej sesji."))
    assert not any(r == "radny" for _, r, _ in held), held  # the office in the nominative is the verb's subject
    doc = read("Adam Lis (1843–1920) – lekarz. W 1880 r. powstała Straż Ogniowa w Lipnie, której był naczelnikiem.")
    dated = {(m.person, m.role.label, m.date) for m in doc._.memberships}
    assert dated == {("person:adam lis", "naczelnik", "1880")}, dated  # the years of a life, not the term
    held = roles_held(read("Śp. Marek Kos, wieloletni burmistrz Lipna, został pośmiertnie odznaczony przez Prezydenta "
                           "RP Medalem Błogosławionego ks. Jerzego Lisa.\n\nW 1990 r. został radnym Rady Miejskiej w "
                           "Lipnie."))
    assert {p for p, _, _ in held} == {"person:marek kos"}, held  # the subject named in the nominative, not the
    assert not any(r == "prezydent" for _, r, _ in held), held  # patron of a medal; decorated by, not President


def test_an_encyclopaedias_lead_gives_its_person_the_offices_after_the_dash_not_the_birth_date():
    doc = read("Anna Sowa (ur. 3 maja 1961 w Borkach) – polska nauczycielka, samorządowiec, radna i burmistrz "
               "Lipna.\n\nUkończyła studia w Poznaniu.")
    held = {(m.person, m.role.label, m.organisation, m.date) for m in doc._.memberships}
    assert held == {("person:anna sowa", "radny", "place:lipno", None),
                    ("person:anna sowa", "burmistrz", "place:lipno", None)}, held
    held = roles_held(read("Adam Lis (ur. 1901 w Borkach) – polski poeta, syn burmistrza Lipna."))
    assert not any(p == "person:adam lis" for p, _, _ in held), held


def test_a_czech_or_slovak_starosta_named_by_the_towns_adjective_heads_the_town():
    held = roles_held(read("W Lipnie gościła delegacja z czeskiego miasta Jilemnice. Lipno odwiedzili starosta "
                           "jilemnicki Petr Novák, jego zastępca Jiří Dvořák oraz sekretarz Karel Svoboda."))
    town = "place:jilemnice"
    assert {("person:petr novak", "starosta", town), ("person:jiri dvorak", "wicestarosta", town),
            ("person:karel svoboda", "sekretarz", town)} <= held, held
    held = roles_held(read("W Kępnie odbyła się sesja. Obecni byli starosta kępiński Jan Kos i burmistrz Kępna Adam "
                           "Lis."))
    assert ("person:jan kos", "starosta", "organisation:powiat kepinski") in held, held


def test_an_officials_card_a_name_line_over_its_office_line():
    held = roles_held(read("Wystawa w Lipnie.\n\nJan Kos\nPrezes Towarzystwa Miłośników Lipna\n\nEkspozycja obejmuje "
                           "dokumenty.\n\nAdam Lis\n\nWójt Gminy Borki Wielkie\n"))
    assert held == {("person:jan kos", "prezes", "organisation:towarzystwo milosnikow lipna"),
                    ("person:adam lis", "wójt", "organisation:gmina borki wielkie")}, held
    assert not roles_held(read("Gościem był Jan Kos.\nPrezes Towarzystwa Miłośników Lipna przemawiał długo.\n"))
    assert not roles_held(read("Jan Kos\nPrezes Towarzystwa Miłośników Lipna Adam Lis otworzył wystawę.\n")) - {
        ("person:adam lis", "prezes", "organisation:towarzystwo milosnikow lipna")}


def test_a_town_after_an_adjective_of_partnership_is_a_place_and_a_partner():
    doc = read("Burmistrz Kępna spotkał się z mieszkańcami w Kępnie. Prezydent Kępna zaprezentował doświadczenia Kępna "
               "w ponad 10-letniej współpracy z partnerskim Egerem na Węgrzech.")
    assert twinned(doc) == {frozenset(("place:kepno", "place:eger"))}, twinned(doc)
    doc = read("Burmistrz Kępna spotkał się z mieszkańcami. Wczoraj delegacja z partnerskiego Egeru odwiedziła Kępno.")
    assert twinned(doc) == {frozenset(("place:kepno", "place:eger"))}, twinned(doc)


def test_a_region_named_after_its_town_is_not_the_town():
    doc = read("Miasta Partnerskie Kępna:\n\nZarasai – Litwa\nValmiera – Łotwa\n\nZarasai\n\nto główne miasto regionu o "
               "tej samej nazwie. Położone jest na wschodnich krańcach Litwy.\nRegion Zarasai nie posiada rozwiniętego "
               "przemysłu.")
    assert twinned(doc) == {frozenset(("place:kepno", "place:zarasai")), frozenset(("place:kepno", "place:valmiera"))}, \
        twinned(doc)


def test_a_bodys_name_over_a_list_of_persons_lists_its_members():
    doc = read("Nowe władze Towarzystwa Miłośników Lipna wybrano 6 listopada 2021 roku.\n\nKomisja Rewizyjna:\n\n– Jan Kos"
               "\n\n– dr Anna Sowa\n\n– Adam Lis – sekretarz\n\nSąd Koleżeński:\n\n– Ewa Wrona\n\nUchwałą Zjazdu podjęto "
               "decyzje.")
    held = roles_held(doc)
    committee = "organisation:komisja rewizyjna"
    assert {("person:jan kos", "członek", committee), ("person:anna sowa", "członek", committee),
            ("person:adam lis", "sekretarz", committee)} <= held, held
    assert not any(p == "person:ewa wrona" for p, _, _ in held), held  # one person is no list
    held = roles_held(read("Szkoła Podstawowa w Lipnie:\n\n– Jan Kos\n\n– Anna Sowa\n"))
    assert not held, held  # a school's name heads no list of members


def test_a_name_in_the_genitive_after_a_deputys_office_is_the_principals():
    held = roles_held(read("Paweł Lis wrócił do Kępna w 1919 r. W 1920 roku został zastępcą burmistrza Tadeusza Kosa."))
    assert ("person:pawel lis", "wiceburmistrz", "place:kepno") in held, held
    assert not any(p == "person:tadeusz kos" and r == "wiceburmistrz" for p, r, _ in held), held
    held = roles_held(read("Na sesji w Kępnie obecny był zastępca burmistrza Kępna Jan Kos."))
    assert held == {("person:jan kos", "wiceburmistrz", "place:kepno")}, held


# --- session 57 ---------------------------------------------------------------------------------------------


def test_deputies_named_in_the_plural_each_hold_the_deputys_office():
    held = roles_held(read("Gości przywitał burmistrz Gorzowa Adam Nowicki wraz ze swoimi zastępcami Markiem Wilkiem i "
                           "Pawłem Sową."))
    assert {("person:marek wilk", "wiceburmistrz", "place:gorzow"),
            ("person:pawel sowa", "wiceburmistrz", "place:gorzow")} <= held, held
    held = roles_held(read("Obecni byli prezydent Leszna Adam Lis i jego zastępcy Marek Sowa oraz Anna Kos."))
    assert {("person:marek sowa", "wiceprezydent", "place:leszno"),
            ("person:anna kos", "wiceprezydent", "place:leszno")} <= held, held
    held = roles_held(read("Obecni byli burmistrz Leszna Adam Lis, jego zastępca Marek Sowa oraz skarbnik Anna Kos."))
    assert ("person:anna kos", "wiceburmistrz", "place:leszno") not in held, held  # one deputy, then an office of her own


def test_a_deputys_office_written_with_vice_is_the_deputys():
    held = roles_held(read("Delegację z Gorzowa prowadzili burmistrz Gorzowa Adam Nowicki oraz viceburmistrz Gorzowa "
                           "Tomasz Lis."))
    assert ("person:tomasz lis", "wiceburmistrz", "place:gorzow") in held, held


def test_this_office_in_a_sentence_naming_an_office_is_that_office():
    held = roles_held(read("Burmistrzem Gorzowa był wtedy Adam Nowicki. W roku 1975 nowym dyrektorem szkoły zostaje Jan "
                           "Kruk, który pełni tę funkcję do roku 1980."))
    assert not any(p == "person:jan kruk" and r == "burmistrz" for p, r, _ in held), held
    held = roles_held(read("W 1990 roku burmistrzem Gorzowa został Adam Nowicki. Tę funkcję sprawował później Jan "
                           "Kruk."))
    assert ("person:jan kruk", "burmistrz", "place:gorzow") in held, held


def test_offices_each_before_a_comma_and_an_honorific_before_its_holder():
    held = roles_held(read("W uroczystości udział wzięli: Wicestarosta Powiatu Leszczyńskiego, pan Jan Kowal, Burmistrz "
                           "Gminy Rydzyna, pan Adam Nowak, oraz dyrektor szkoły, pani Anna Lis."))
    assert {("person:jan kowal", "wicestarosta", "organisation:powiat leszczynski"),
            ("person:adam nowak", "burmistrz", "organisation:gmina rydzyna")} <= held, held
    assert ("person:jan kowal", "burmistrz", "organisation:gmina rydzyna") not in held, held


def test_an_agreement_with_a_town_the_sentence_names_no_signer_of_is_the_home_towns():
    doc = read("Gmina Rydzyna współpracuje z gminami z Czech i Węgier. Współpraca Gminy Rydzyna z czeską gminą Lipník "
               "rozpoczęła się w maju 2005 r.\n\nKolejna umowa o współpracy podpisana została w lipcu 2009 r. z węgierską "
               "gminą Tiszakécske.\n\nW maju 2014 r. podpisano umowę z Gminą Dolní Lutyně, a w czerwcu 2017 r. z gminą "
               "Horní Bečva.")
    pairs = twinned(doc)
    home = "organisation:gmina rydzyna"
    assert {frozenset((home, "place:tiszakecske")), frozenset((home, "place:horni becva"))} <= pairs, pairs
    assert any(home in p and any("dolni lutyne" in side for side in p) for p in pairs), pairs
    doc = read("Gmina Rydzyna leży w Wielkopolsce. W 2014 r. szkoła podpisała umowę z Uniwersytetem w Poznaniu.")
    assert not twinned(doc), twinned(doc)


def test_a_council_acts_for_its_town():
    doc = read("Gmina Krzemieniewo leży w powiecie leszczyńskim. 3 maja 1997 r. Rada Gminy Krzemieniewo postanowiła "
               "nawiązać współpracę z gminą Obertraun położoną w Górnej Austrii.")
    assert any("krzemieniewo" in a and "obertraun" in b or "obertraun" in a and "krzemieniewo" in b
               for a, b in map(tuple, twinned(doc))), twinned(doc)
    doc = read("Gmina Krzemieniewo leży w powiecie leszczyńskim, gmina Obertraun w Austrii. 15 marca 1998 roku "
               "podpisano akt partnerstwa między Radą Gminy Obertraun i Radą Gminy Krzemieniewo.")
    assert any("krzemieniewo" in a and "obertraun" in b or "obertraun" in a and "krzemieniewo" in b
               for a, b in map(tuple, twinned(doc))), twinned(doc)


def test_a_partner_named_after_the_adjective_and_its_units_noun_is_the_home_towns():
    doc = read("Burmistrz Krobi spotkał się z radnymi w Krobi. Delegacja gminy gościła w partnerskiej gminie Tihany na "
               "Węgrzech.")
    assert any("krobia" in "".join(p) and "tihany" in "".join(p) for p in twinned(doc)), twinned(doc)
    doc = read("Starosta Powiatu Nowotarskiego przyjął gości w Nowym Targu. W Nowym Targu burmistrz Nowego Targu Jan Kos "
               "mówił o turystyce. Delegacja z partnerskiego powiatu Unna zwiedziła miejsca na Podhalu.")
    assert not any("podhale" in "".join(p) for p in twinned(doc)), twinned(doc)
    doc = read("W dniach 7-13 maja 2009 r. delegacja z Gminy Kołbiel i Siennicy na zaproszenie partnerskiej gminy "
               "Tihany gościła na Węgrzech.")
    assert {frozenset(("organisation:gmina kolbiel", "place:tihany")), frozenset(("place:siennica", "place:tihany"))} \
        <= twinned(doc), twinned(doc)
    assert frozenset(("organisation:gmina kolbiel", "place:siennica")) not in twinned(doc), twinned(doc)


def test_a_council_in_lower_case_with_its_units_adjective_is_named_whole():
    held = roles_held(read("– Liczymy na to – dodaje Anna Kruk, przewodnicząca rady powiatu leszczyńskiego."))
    assert held == {("person:anna kruk", "przewodniczący", "organisation:rada powiatu leszczynskiego")}, held
    held = roles_held(read("– Pomoc była ogromna – mówi przewodniczący rady obwodu wołyńskiego w Ukrainie, Iwan Bondar."))
    assert held == {("person:iwan bondar", "przewodniczący", "organisation:rada obwodu wolynskiego")}, held
    held = roles_held(read("– Cieszymy się – dodaje Anna Kruk, przewodnicząca rady powiatu strzelecko-drezdeneckiego."))
    assert held == {("person:anna kruk", "przewodniczący", "organisation:rada powiatu strzelecko-drezdeneckiego")}, held


def test_a_hyphen_glued_to_a_surname_ending_in_o_opens_the_persons_office():
    doc = read("W spotkaniu wzięli udział goście z Ukrainy: wójtowie gmin, Wiktor Kowalenko- Dyrektor Muzeum "
               "Regionalnego w Łucku.")
    assert "person:wiktor kowalenko" in {s._.entity for s in doc.ents}, [s.text for s in doc.ents]
    held = roles_held(doc)
    assert ("person:wiktor kowalenko", "dyrektor", "organisation:muzeum regionalne") in held, held
    assert not any(r == "wójt" for _, r, _ in held), held
    held = roles_held(read('Rada nadała tytuł "Honorowego Obywatela Miasta Lipna" dla pani Anne Morel - Prezesa '
                           'Stowarzyszenia Przyjaciół Lipna.'))
    assert ("person:anne morel", "honorowy obywatel", "place:lipno") in held, held
    assert [t.text for t in read("Towarzystwo Polsko- Niemieckie działa.")][1] == "Polsko- Niemieckie"


def test_an_office_after_a_comma_and_then_continues_the_career_told_before():
    held = roles_held(read("Publikację przygotowano pod kierownictwem prof. Adama Lisa - prorektora UMK w latach "
                           "2001-2005, a następnie rektora UMK w latach 2005-2012."))
    assert {("person:adam lis", "prorektor", "organisation:umk"), ("person:adam lis", "rektor", "organisation:umk")} \
        <= held, held
    held = roles_held(read("Przemawiał burmistrz Leszna Jan Kos, a następnie sekretarz gminy Leszno Adam Lis."))
    assert not any(p == "person:jan kos" and r == "sekretarz" for p, r, _ in held), held


def test_a_services_acronym_after_a_rank_is_part_of_the_title():
    held = roles_held(read("Gościom towarzyszył Komendant Karpackiego Oddziału Straży Granicznej płk SG Piotr Sowa."))
    assert held == {("person:piotr sowa", "komendant", "organisation:karpacki oddzial strazy granicznej")}, held
    doc = read("Wykład wygłosił prof. UAM Jan Kos.")
    assert "person:jan kos" in {s._.entity for s in doc.ents}, [s.text for s in doc.ents]


def test_a_body_named_by_its_head_an_acronym_and_a_quoted_name_is_one_body():
    held = roles_held(read("Festiwal otworzył Prezes Stowarzyszenia LGD „Dolina Wkry” Grzegorz Kruk."))
    assert held == {("person:grzegorz kruk", "prezes", "organisation:stowarzyszenie lgd dolina wkry")}, held


def test_a_weekday_or_yesterday_on_a_dated_page_is_the_last_such_day_before_the_page():
    doc = read("Opublikowano 4 czerwca 2021 |\n\nW czwartek podpisano umowę o współpracy między gminą Rydzyna a gminą "
               "Tihany. W piątek odbędzie się koncert. Wczoraj burmistrz Rydzyny odwiedził szkołę.")
    assert dates("Opublikowano 4 czerwca 2021 |\n\nW czwartek podpisano umowę o współpracy między gminą Rydzyna a "
                 "gminą Tihany.") == ["2021-06-04", "2021-06-03"]
    assert [(d.text, d._.date) for d in doc.spans["dates"]] == [("4 czerwca 2021", "2021-06-04"),
                                                                ("czwartek", "2021-06-03"), ("Wczoraj", "2021-06-03")]
    assert {e.date for e in doc._.events if e.type == "Signing"} == {"2021-06-03"}
    assert dates("W czwartek podpisano umowę o współpracy.") == []  # no page's date: no day


def test_a_later_month_told_in_the_past_on_a_dated_page_is_of_the_year_before():
    assert dates("Opublikowano 4 czerwca 2021\n\nW październiku gościliśmy delegację. W sierpniu samorządowcy "
                 "rewizytują gości. W lutym podpisano umowę.") == ["2021-06-04", "2020-10", "2021-08", "2021-02"]
    assert dates("Data dodania: 04.06.2021\n\nUmówiliśmy się na kolejne spotkanie w ostatnią niedzielę sierpnia.") \
        == ["2021-06-04", "2021-08"]  # a day of a month, agreed on: the one to come


def test_partner_towns_listed_after_a_dash_are_the_home_towns_partners_not_each_others():
    doc = read("Prezydent Opola spotkał się z radnymi Opola. Radni zawieszą współpracę z dwoma miastami "
               "partnerskimi na Litwie - Kownem i Olitą. Kowno i Olita leżą na Litwie. Władze Kowna "
               "i Olity milczą.")
    home = "place:opole"
    assert {frozenset((home, "place:kowno")), frozenset((home, "place:olita"))} <= twinned(doc), twinned(doc)
    assert frozenset(("place:kowno", "place:olita")) not in twinned(doc), twinned(doc)


def test_an_office_takes_the_body_after_its_subject_or_after_the_holders_name():
    held = roles_held(read("Szkoła Podstawowa nr 2 w Radomiu gościła uczniów. Wymianę koordynuje Justyna Sowa, "
                           "nauczycielka historii w II Liceum Ogólnokształcącym w Radomiu."))
    assert held == {("person:justyna sowa", "nauczyciel", "organisation:ii liceum ogolnoksztalcace")}, held
    held = roles_held(read("Szkoła Podstawowa nr 2 w Radomiu gościła uczniów. Nasze przedszkole podpisało porozumienie "
                           "z Panią Dyrektor Oleną Kowal z Przedszkolnego Zakładu Wychowawczego w Żytomierzu."))
    assert held == {("person:olena kowal", "dyrektor", "organisation:przedszkolny zaklad wychowawczy")}, held


def test_a_number_written_as_numer_is_part_of_the_name():
    held = roles_held(read("– Czeka nas wiele projektów – zapewniał Borys Kowal dyrektor Gimnazjum numer 2 w Lidzie."))
    assert held == {("person:borys kowal", "dyrektor", "organisation:gimnazjum numer 2")}, held


def test_a_boards_members_listed_on_numbered_lines_after_a_colon():
    held = roles_held(read("Towarzystwo Miłośników Lipna wybrało władze. W skład Zarządu Towarzystwa Miłośników Lipna "
                           "weszli:\n\n1. Jan Kos\n2. Adam Lis\n3. Ewa Bąk\n\nPo zebraniu odbył się koncert. Zagrał Piotr "
                           "Wrona.\n"))
    board = "organisation:towarzystwo milosnikow lipna"  # the board's body
    assert held == {("person:jan kos", "członek zarządu", board), ("person:adam lis", "członek zarządu", board),
                    ("person:ewa bak", "członek zarządu", board)}, held


def test_the_side_an_elliptical_clause_names_and_the_town_a_delegation_is_headed_from():
    held = roles_held(read("Gminę Kiwerce reprezentował burmistrz Andrij Kowal, a gminę Rożyszcze zastępca burmistrza "
                           "Natalia Sowa."))
    assert ("person:natalia sowa", "wiceburmistrz", "place:rozyszcze") in held, held
    assert ("person:natalia sowa", "wiceburmistrz", "organisation:gmina kiwerce") not in held, held
    held = roles_held(read("Gości z Lipna przywitano w ratuszu. Przybyła delegacja Gubina na czele z burmistrzem "
                           "Janem Kosem."))
    assert ("person:jan kos", "burmistrz", "place:gubin") in held, held


# --- session 58 ---------------------------------------------------------------------------------------------


def test_an_office_after_a_verb_whose_object_comes_first_is_the_verbs_subject():
    held = roles_held(read("Do zarządu wybrano Jana Kruka (prezes) oraz Adama Wolnego (sekretarz).\n\nPatronat objął "
                           "Komendant Główny Straży Granicznej gen. bryg. SG Marek Sowa."))
    assert ("person:adam wolny", "komendant główny", "organisation:straz graniczna") not in held, held
    assert ("person:marek sowa", "komendant główny", "organisation:straz graniczna") in held, held
    held = roles_held(read("Jan Kruk urodził się w Lipnie. W 1990 roku objął funkcję prezesa Towarzystwa Śpiewaczego "
                           "„Lutnia”."))
    assert ("person:jan kruk", "prezes", "organisation:towarzystwo spiewacze lutnia") in held, held


def test_a_rank_and_its_services_acronym_before_a_holder():
    held = roles_held(read("Na uroczystość przybył Komendant Główny Straży Granicznej gen. bryg. SG Adam Wilk."))
    assert ("person:adam wilk", "komendant główny", "organisation:straz graniczna") in held, held


def test_czech_and_slovak_degrees_are_titles_not_names():
    doc = read("Gości powitali Pani Ing. Jana Dvořáková oraz Pan RNDr. Petr Novotný i MVDr. Karel Kos.")
    persons = entity_names(doc, "person")
    assert not any(title in name for name in persons for title in ("Ing", "RNDr", "MVDr")), persons
    assert [t.text for t in doc if t.text.endswith("Dr.")] == ["RNDr.", "MVDr."]


def test_a_village_by_the_noun_of_locality_after_its_heads_office():
    held = roles_held(read("Z inicjatywy sołtysa miejscowości Brzozówka Pana Zdzisława Grabca odnowiono cmentarz."))
    assert held == {("person:zdzislaw grabiec", "sołtys", "place:brzozowka")}, held


def test_a_name_and_its_office_after_and_in_a_bodys_name_end_the_body():
    doc = read("Porozumienie podpisali w Urzędzie Marszałkowskim w Lipnie Jan Kos, Marszałek Województwa i Daniela Popa, "
               "Przewodnicząca Rady Okręgu Sibiu.")
    assert ("person:daniela popa", "przewodniczący", "organisation:rada okregu sibiu") in roles_held(doc)
    assert not any("daniela" in e.name.lower() for e in doc._.entities.values() if e.kind == "organisation")


def test_an_earlier_office_past_an_office_with_a_preposition_in_apposition():
    held = roles_held(read("W spotkaniu uczestniczył także Karl Weber, długoletni poseł do parlamentu Saksonii, były "
                           "burmistrz Pirny."))
    assert ("person:karl weber", "burmistrz", "place:pirna") in held, held


def test_czech_ranks_before_a_holder():
    held = roles_held(read("Porozumienie podpisali Komendant Wojewódzki Policji w Lipnie nadinsp. Adam Kos oraz "
                           "Komendant Wojewódzki Policji w Brnie brig. gen. Mgr. Petr Novák."))
    assert ("person:petr novak", "komendant wojewódzki", "organisation:policja w brnie") in held, held


def test_a_partnership_adjective_after_its_noun_names_no_partner_in_the_town_after_it():
    doc = read("Sesja Rady Miejskiej w Gorzowie odbyła się 24 maja. Świętowano jubileusz 20-lecia współpracy partnerskiej "
               "Gorzowa oraz Lohmar oraz 5-lecia współpracy z Meaux.\n\nByli również przedstawiciele miast partnerskich z "
               "Trutnova oraz Náchoda.")
    assert twinned_pairs(doc) == {frozenset(("place:gorzow", town)) for town in (
        "place:lohmar", "place:meaux", "place:trutnov", "place:nachod")}, twinned_pairs(doc)
    doc = read("Mieszkańcy Gorzowa pojadą do Niemiec. Zdominują go obchody 10. rocznicy podpisania umowy partnerskiej "
               "Lohmar, które potrwają trzy dni.")
    assert twinned_pairs(doc) == {frozenset(("place:gorzow", "place:lohmar"))}, twinned_pairs(doc)  # one side named


def test_a_units_country_after_its_name_is_where_it_lies_not_part_of_its_name():
    doc = read("Umowę podpisano między miastem Lipno a Gminą Kuusalu Republiki Estońskiej.")
    assert "organisation:gmina kuusalu" in doc._.entities, sorted(doc._.entities)
    assert ("organisation:gmina kuusalu", "containedInPlace", "place:estonia") in {
        (r.subject, r.predicate, r.object) for r in doc._.relations}
    doc = read("Gości przyjęła Ambasada Republiki Łotewskiej w Lipnie.")
    assert "organisation:ambasada republiki lotewskiej" in doc._.entities, sorted(doc._.entities)


def test_a_mayor_after_a_foreign_envoy_and_the_town_of_the_envoys_office_is_the_texts_own():
    held = roles_held(read("Dni Przyjaźni zorganizowała Gmina Lipnica. Kwiaty złożyli ambasador Węgier w Polsce Anna Kiss, "
                           "konsul generalna Węgier w Krakowie Ewa Kovács oraz przedstawiciele władz samorządowych "
                           "Burmistrz Pan Jan Kos i Zastępca Burmistrza Pan Adam Lis. Festyn trwał do wieczora w Lipnicy."))
    assert {("person:jan kos", "burmistrz", "organisation:gmina lipnica"),
            ("person:adam lis", "wiceburmistrz", "organisation:gmina lipnica")} <= held, held
    assert not any(p in ("person:jan kos", "person:adam lis") and o in ("place:krakow", "place:wegry")
                   for p, _r, o in held), held


def test_an_office_after_a_dash_and_its_units_adjective_is_the_name_befores_not_the_next_ones():
    held = roles_held(read("Straż reprezentowali m.in. st. bryg. Antoni Kos – podlaski komendant wojewódzki PSP, st. bryg. "
                           "Dariusz Lis – komendant miejski PSP w Łomży."))
    assert ("person:antoni kos", "komendant wojewódzki", "organisation:psp") in held, held
    assert ("person:dariusz lis", "komendant wojewódzki", "organisation:psp") not in held, held


def test_the_platforms_and_buttons_of_a_web_page_are_no_places():
    doc = read("Medal za zasługi dla miasta – czytamy na Facebooku miasta Lipna.\nTranslate:\n\nUkraina dziękuje "
               "Lipnu za pomoc.")
    names = {e.name for e in doc._.entities.values()}
    assert not any(word in name for name in names for word in ("Facebook", "Translate")), names


def test_a_programmes_name_is_no_persons():
    doc = read("Spotkanie zorganizował Wspólny Sekretariat Programu Interreg Polska-Słowacja, a także gmina Lipno.")
    assert not entity_names(doc, "person"), entity_names(doc, "person")


def test_the_adjective_of_a_see_or_a_voivodeship_between_an_office_and_a_name_is_neither_name():
    doc = read("Lwów odwiedził także Biskup Lipnicki Jan Kos, przewodniczący komisji. Obecny był Wojewoda "
               "Kujawsko-Pomorski Artur Wilk.")
    assert entity_names(doc, "person") == {"Jan Kos", "Artur Wilk"}, entity_names(doc, "person")
    assert not any("Artur" in name for name in entity_names(doc, "organisation")), entity_names(doc, "organisation")
    doc = read("Aresztowany został również nauczyciel szkoły p. Kowalski Mieczysław. Lekcje przerwano.")
    assert [name for name in entity_names(doc, "person") if "Kowalski" in name], entity_names(doc, "person")


def test_a_ministers_portfolio_and_a_sacred_name_are_no_persons():
    doc = read("Było to spotkanie prof. Dr Karla Webera Ministra Oświaty Saksonii i marszałka województwa. Mszę "
               "odprawiono w kaplicy Matki Boskiej Częstochowskiej.")
    assert entity_names(doc, "person") == {"Karl Weber"}, entity_names(doc, "person")


# --- session 59 ---------------------------------------------------------------------------------------------


def test_a_second_given_name_of_another_language_keeps_the_holders_name_whole():
    doc = read("Stronę niemiecką reprezentował wówczas burmistrz Hermann Josef Kranich.")
    assert entity_names(doc, "person") == {"Hermann Josef Kranich"}, entity_names(doc, "person")
    assert not entity_names(doc, "place")


def test_a_squares_abbreviated_noun_is_no_place():
    doc = read("O godzinie 10.00 na Pl. Jana Pawła II w Lipnie odsłonięto tablicę.")
    assert "Pl." not in {s.text for s in doc.ents}, [s.text for s in doc.ents]
    assert entity_names(doc, "place") == {"Lipno"}, entity_names(doc, "place")


def test_an_events_name_after_a_preposition_is_no_place():
    doc = read("Goście z Lipna uczestniczyli też w Gali Kultury, podczas której odbył się koncert.")
    assert entity_names(doc, "place") == {"Lipno"}, entity_names(doc, "place")


def test_a_ukrainian_city_head_is_the_citys_office_not_its_councils():
    doc = read("W poniedziałek 26 sierpnia 2019 r. Burmistrz Lipna Jan Kos podpisał porozumienie o współpracy i "
               "partnerstwie z Radą Winnicy, reprezentowaną przez Głowę Miasta Ołeha Kowalczuka. Goście z Winnicy "
               "zwiedzili miasto.")
    held = {(role, org) for _person, role, org in roles_held(doc)}
    assert ("głowa miasta", "place:winnica") in held, roles_held(doc)
    assert twinned_pairs(doc) == {frozenset(("place:lipno", "place:winnica"))}, twinned_pairs(doc)


def test_an_agreement_between_three_listed_gminas_twins_each_pair():
    doc = read("W sobotę 23 kwietnia 2016 r. w Domu Kultury w Brzozówce doszło do podpisania trójstronnego porozumienia "
               "między gminami: Lipnica, Zákamenné i Oravská Polhora.")
    towns = ("place:lipnica", "place:zakamenne", "place:oravska polhora")
    assert twinned_pairs(doc) == {frozenset((a, b)) for a in towns for b in towns if a < b}, twinned_pairs(doc)


def test_three_towns_that_conclude_a_partnership_together_are_each_others_partners():
    doc = read("Polski Lipno, niemieckie Teltow i ukraiński Chocim zawarły partnerstwo.")
    towns = ("place:lipno", "place:teltow", "place:chocim")
    assert twinned_pairs(doc) == {frozenset((a, b)) for a in towns for b in towns if a < b}, twinned_pairs(doc)
    doc = read("Lipno, Teltow i Chocim są miastami partnerskimi Brzegu.")
    assert frozenset(("place:lipno", "place:teltow")) not in twinned_pairs(doc), twinned_pairs(doc)


def test_a_town_that_is_also_an_adjective_before_a_given_name_that_is_also_a_surname():
    held = roles_held(read("Burmistrz Lipna Jan Nowak podpisał porozumienie."))
    assert held == {("person:jan nowak", "burmistrz", "place:lipno")}, held


def test_a_foreign_given_name_in_a_polish_case():
    doc = read("Gości powitał mer Humania Ołeh Kowalczuk. Rozmawiano z Ołehem Kowalczukiem o szkołach.")
    assert entity_names(doc, "person") == {"Ołeh Kowalczuk"}, entity_names(doc, "person")


def test_a_weekday_before_its_date_is_no_town():
    doc = read("Piątek 26.04.2024 r. Imieniny: Marii\n\nW Piątek 12 maja odbył się festyn w Lipnie.")
    assert entity_names(doc, "place") == {"Lipno"}, entity_names(doc, "place")


def test_a_czech_name_in_a_polish_case():
    held = roles_held(read("Nasza delegacja spotkała się z Michalem Pobuckým, prezydentem miasta Frydek-Mistek."))
    assert held == {("person:michal pobucky", "prezydent", "place:frydek-mistek")}, held


def test_a_polish_county_officer_is_of_the_county_the_text_names_not_of_a_guests_town():
    held = roles_held(read(
        "Dnia 26.09.2022 gościliśmy w pałacu delegację z Mołdawii.\n\nGości z Cimiszeni: Ion Rusu - burmistrza "
        "Cimiszeni i Petru Lungu przywitali: wicestarosta Tadeusz Wróbel oraz burmistrz Lipna Paweł Kos.\n\nCelem wizyty "
        "było omówienie dalszej współpracy między Powiatem Lipnickim a regionem mołdawskim."))
    assert ("person:tadeusz wrobel", "wicestarosta", "organisation:powiat lipnicki") in held, held


def test_an_offices_adjective_names_the_unit_the_text_names_with_it():
    doc = read("26 października Marszałek Województwa Lipnickiego Jan Kos spotkał się z władzami obwodu "
               "brzeskiego.\n\nW składzie delegacji znaleźli się: Piotr Sidorow – wicewojewoda brzeski, Iwan Orłow – "
               "przewodniczący rady.")
    assert ("person:piotr sidorow", "wicewojewoda", "organisation:obwod brzeski") in roles_held(doc), roles_held(doc)


def test_towns_at_home_listed_after_partners_placed_abroad_are_not_those_partners():
    doc = read("Ukraińcy docenili pomoc Lipna. Prezydent wymienił polskie miasta, które okazały pomoc miastom "
               "partnerskim na Ukrainie: Lublinowi, Opolu, Kielcom, Lipnu i Toruniowi.")
    assert not twinned_pairs(doc), twinned_pairs(doc)
    doc = read("Lipno ma miasta partnerskie w Niemczech: Lohne i Alzey.")
    assert twinned_pairs(doc) == {frozenset(("place:lipno", town)) for town in ("place:lohne", "place:alzey")}, \
        twinned_pairs(doc)


def test_a_surname_in_another_case_after_a_name_in_the_genitive_is_another_person():
    doc = read("Przemawiając podczas wizyty prezydenta Andrzeja Wrony Zełbiński ujawnił, że podpisał dekret.")
    assert "Andrzej Wrona" in entity_names(doc, "person"), entity_names(doc, "person")
    assert not any("Zełbiński" in name for name in entity_names(doc, "person")), entity_names(doc, "person")



def test_a_towns_body_named_in_the_nominative_ends_before_its_heads_name():
    held = roles_held(read("Przed występami przywitali zebranych Burmistrz Miasta i Gmina Lipnica Jan Wrona, "
                           "Przewodniczący Rady Związku Euroregion Tatry Adam Kos."))
    assert ("person:jan wrona", "burmistrz", "organisation:gmina lipnica") in held, held


# --- session 60 ---------------------------------------------------------------------------------------------


def test_a_list_of_partner_pairs_told_with_dashes_twins_each_pair():
    doc = read("Od lat rozwija się współpraca regionalna. Sformalizowane są partnerskie kontakty między miastami i "
               "okręgami: Leoben - Opole, Okręg Liezen - Tarnów i Kielce, Gleisdorf - Brzeg (trwają rozmowy o "
               "porozumieniu).")
    pairs = {frozenset(pair) for pair in twinned_pairs(doc)}
    assert pairs == {frozenset(("place:leoben", "place:opole")), frozenset(("organisation:okreg liezen", "place:tarnow")),
                     frozenset(("organisation:okreg liezen", "place:kielce")),
                     frozenset(("place:gleisdorf", "place:brzeg"))}, pairs


def test_a_unit_and_its_partner_town_across_a_dash_are_two_names():
    doc = read("Partnerem powiatu jest Okręg Liezen - Tarnów tego nie zmienia.")
    assert entity_names(doc, "organisation") == {"Okręg Liezen"}, entity_names(doc, "organisation")
    assert "Tarnów" in entity_names(doc, "place"), entity_names(doc, "place")


def test_a_couple_named_with_one_plural_surname_are_two_persons_of_that_surname():
    doc = read("Dziękujemy rodzinom: Jolanta i Tadeusz Wolscy, Anna i Marek Kowalczukowie oraz Ewa i Jan Karasiowie.")
    assert entity_names(doc, "person") == {"Jolanta Wolska", "Tadeusz Wolski", "Anna Kowalczuk", "Marek Kowalczuk",
                                           "Ewa Karaś", "Jan Karaś"}, entity_names(doc, "person")


def test_an_office_joined_to_a_calling_before_a_name_is_that_persons():
    doc = read("W skład delegacji weszli: wójt gminy Wierzbno - Anna Lis, radna i koronczarka Ewa Kowal.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert ("person:ewa kowal", "radny") in held and ("person:anna lis", "radny") not in held, roles_held(doc)


def test_a_mayor_listed_beside_members_of_a_village_brigade_is_of_the_delegations_town():
    doc = read("Czteroosobowa delegacja z Wierzbna odwiedziła gminę Lipnice nad Sázavou w Czechach.\n\n"
               "Delegacja, w skład której wchodzili burmistrz Mirosław Kaczmarek, członkowie OSP w Dąbrówce Jan Nowak "
               "i Adam Nowak, została serdecznie przyjęta.\n\nDelegacja z Wierzbna wręczyła gospodarzom topór.")
    held = {(p, r, o) for p, r, o in roles_held(doc) if r == "burmistrz"}
    assert held == {("person:miroslaw kaczmarek", "burmistrz", "place:wierzbno")}, roles_held(doc)


def test_an_agreement_named_before_its_partner_and_its_signer_twins_them():
    doc = read("Porozumienie o współpracy z miastem Telsze gmina Lipno zawarła w kwietniu 2001 r.")
    assert twinned_pairs(doc) == {frozenset(("place:lipno", "place:telsze"))}, twinned_pairs(doc)


def test_a_festivals_capitalised_town_noun_describes_no_place():
    doc = read("Delegacja powiatu lipnickiego uczestniczyła w obchodach Dnia Miasta w Rejonie Ukmergė.")
    assert not [r for r in doc._.relations if r.predicate == "containedInPlace"], doc._.relations


def test_a_second_office_joined_to_an_apposed_ones_complement_is_the_same_persons():
    doc = read("Prezydent odpowiada na apel Jurija Kowala, mera Winnicy i przewodniczącego Związku Miast Podola, który "
               "zaapelował do samorządów. Gości przyjął burmistrz Lipna Jan Kos i przewodniczący Rady Miejskiej w Lipnie.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert ("person:jurij kowal", "przewodniczący") in held, roles_held(doc)
    assert ("person:jan kos", "przewodniczący") not in held, roles_held(doc)


def test_an_office_before_and_a_titled_person_stays_the_first_persons():
    doc = read("Obecni byli: Karol Kruk, skarbnik Koła Seniorów w Lipnie i pan Adam Sowa oraz inni goście.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert held == {("person:karol kruk", "skarbnik")}, roles_held(doc)


def test_a_free_states_premier_is_the_states():
    doc = read("Hans Müller, Premier Wolnego Państwa Turyngia, podpisał oświadczenie.")
    assert roles_held(doc) == {("person:hans muller", "premier", "organisation:wolne panstwo turyngia")}, roles_held(doc)
    doc = read("Szanowni Państwo, dziękuję. Wszyscy Państwo przyszli na festyn.")
    assert not entity_names(doc, "organisation"), entity_names(doc, "organisation")


def test_an_italian_towns_name_with_its_saint_and_valley_is_one_place():
    doc = read("Gmina Lipno podpisała list o partnerstwie z gminą San Pietro val Lemina.")
    assert entity_names(doc, "place") == {"San Pietro val Lemina"}, entity_names(doc, "place")


def test_partners_named_only_in_the_next_sentence_are_those_from_abroad_not_a_town_visited_at_home():
    doc = read("Na kolonie do Lipna przyjechały delegacje z miast partnerskich. Na wypoczynek przybyli uczniowie z "
               "białoruskiego Mozyrza, rosyjskiego Kingiseppu oraz ukraińskiego Łucka.")
    assert len(twinned_pairs(doc)) == 3 and all("place:lipno" in p for p in twinned_pairs(doc)), twinned_pairs(doc)
    doc = read("Burmistrz opowiedział, jak wygląda współpraca Lipna z zagranicznymi miastami partnerskimi. Młodzież "
               "odwiedzi też skansen w Ciechanowcu.")
    assert not twinned_pairs(doc), twinned_pairs(doc)


def test_offices_written_with_a_short_vice_after_names_in_a_list_are_each_names():
    doc = read("Rolę gospodarza pełnił starosta Adam Lis, wspierali go Piotr Kot w-ce konsul RP w Grodnie, Jan Sowa "
               "konsul Białorusi w Lipnie i Marek Wrona w-ce wojewoda lubelski.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert {("person:piotr kot", "wicekonsul"), ("person:jan sowa", "konsul"),
            ("person:marek wrona", "wicewojewoda")} <= held, roles_held(doc)


def test_a_village_named_like_a_given_name_after_an_office_is_the_offices_town():
    doc = read("W spotkaniu wzięli udział: burmistrz Lipna Adam Kruk, radny miejski Jan Sowa i sołtys Dąbrówki Ewa Lis.")
    assert entity_names(doc, "person") == {"Adam Kruk", "Jan Sowa", "Ewa Lis"}, entity_names(doc, "person")
    held = {(p, r, o) for p, r, o in roles_held(doc)}
    assert ("person:ewa lis", "sołtys", "place:dabrowka") in held, roles_held(doc)
    assert ("person:jan sowa", "radny") in {(p, r) for p, r, _ in held} and \
        ("person:adam kruk", "radny") not in {(p, r) for p, r, _ in held}, roles_held(doc)


def test_a_bodys_acronym_after_its_towns_adjective_is_the_office_holders_body():
    doc = read("Prezes Dąbrowskiej OSP Marek Kos podziękował gościom. Dyrektor lipnickiego MOK Piotr Wrona też.")
    assert ("person:marek kos", "prezes", "organisation:osp") in roles_held(doc), roles_held(doc)
    assert ("person:piotr wrona", "dyrektor", "organisation:mok") in roles_held(doc), roles_held(doc)


# --- session 61 ---------------------------------------------------------------------------------------------


def test_office_headings_each_on_a_line_head_the_names_below_them():
    doc = read("Towarzystwo Przyjaciół Wierzbna\n\nZarząd Towarzystwa w składzie:\n\nPrezes:\nAnna Lis\n\n"
               "Wiceprezesi:\nJan Kowal,\nEwa Sowa\n\nczłonkowie Zarządu:\nAdam Wrona\n\nSekretarz:\nMarta Kot\n\n"
               "Zastępca sekretarza:\nPiotr Gil\n")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert held == {("person:anna lis", "prezes"), ("person:jan kowal", "wiceprezes"), ("person:ewa sowa", "wiceprezes"),
                    ("person:adam wrona", "członek zarządu"), ("person:marta kot", "sekretarz")}, held
    assert {o for _, _, o in roles_held(doc)} == {"organisation:towarzystwo przyjaciol wierzbna"}, roles_held(doc)


def test_honorary_offices_of_a_society_are_offices_of_their_own():
    doc = read("Na zebraniu była honorowa przewodnicząca Towarzystwa Przyjaciół Wierzbna Ewa Sowa, a prezes honorowy "
               "Klubu Sportowego Orzeł Adam Lis wręczył dyplomy.")
    held = roles_held(doc)
    assert ("person:ewa sowa", "honorowy przewodniczący", "organisation:towarzystwo przyjaciol wierzbna") in held, held
    assert ("person:adam lis", "honorowy prezes", "organisation:klub sportowy orzel") in held, held
    assert not {r for _, r, _ in held} & {"przewodniczący", "prezes"}, held


def test_a_schools_patron_in_the_genitive_ends_where_its_head_is_named():
    doc = read("Umowę podpisali dyrektor Szkoły im. J. Lipińskiego Marek Grzywacz i dyrektor Gimnazjum w Lipniku Ewa Sowa.")
    assert ("person:marek grzywacz", "dyrektor", "organisation:szkola im j lipinskiego") in roles_held(doc), \
        roles_held(doc)
    assert "Marek Grzywacz" in entity_names(doc, "person"), entity_names(doc, "person")


def test_an_agreement_between_towns_written_as_a_dashed_pair_twins_them():
    doc = read("Umowa o współpracy pomiędzy miastami Svishtov - Hrubieszów została podpisana 4 czerwca 2010 r.")
    assert twinned(doc) == {frozenset(("place:svishtov", "place:hrubieszow"))}, twinned(doc)


def test_a_secretary_general_is_an_office_of_its_own():
    doc = read("Był też sekretarz generalny Związku Gmin Wiejskich Leszek Lis, a sekretarz Towarzystwa Przyjaciół Lipna Jan Kot przemawiał.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert held == {("person:leszek lis", "sekretarz generalny"), ("person:jan kot", "sekretarz")}, held


def test_an_office_glued_to_a_name_by_a_hyphen_is_the_names_and_a_double_surname_stays_whole():
    doc = read("Medale wręczył pan Tomasz Baliczek-Dyrektor Wydziału Sportu Urzędu Miasta Lipna. Turniej został objęty "
               "Patronatem Honorowym Prezydenta Miasta Lipna. Była też Magdalena Geniusz-Starostka.")
    assert roles_held(doc) == {("person:tomasz baliczek", "dyrektor",
                                "organisation:wydzial sportu urzedu miasta lipna")}, roles_held(doc)
    assert "Geniusz-Starostka" in [t.text for t in doc], "a double surname whose second part is also an office's"


def test_a_mayor_of_a_town_named_after_its_countrys_adjective():
    doc = read("Urząd Miasta otrzymał prośbę mera ukraińskiego Żytomierza Serhija Sukhomlyna o pomoc.")
    assert roles_held(doc) == {("person:serhij sukhomlyn", "mer", "place:zytomierz")}, roles_held(doc)


def test_a_mayors_plenipotentiary_holds_no_mayoralty_and_a_woman_deputy_is_a_deputy():
    doc = read("W Urzędzie Miasta Lwowa czekał na nas pełnomocnik mera ds. współpracy Oleg Kowal. Podziękowania "
               "przywiozła Irina Szewczuk, była zastępczyni mera Lwowa.")
    assert roles_held(doc) == {("person:irina szewczuk", "wicemer", "place:lwow")}, roles_held(doc)


def test_a_council_chair_named_in_the_genitive_after_the_councils_adjective_is_a_person():
    doc = read("Liturgię zakończyło złożenie kwiatów przez przewodniczącego Rady Powiatu Lipnickiego Wiesława "
               "Bobowskiego i starostę Jacka Kota.")
    held = roles_held(doc)
    assert ("person:wieslaw bobowski", "przewodniczący", "organisation:rada powiatu lipnickiego") in held, held


def test_an_elliptical_second_side_is_represented_by_the_office_after_it():
    doc = read("Podpisano porozumienie pomiędzy Gminą Lipnik a miastem Bardejov. Gminę Lipnik reprezentowała Wójt "
               "Gminy Agata Lis, miasto Bardejov Burmistrz Marcela Novotná.")
    held = roles_held(doc)
    assert ("person:marcela novotna", "burmistrz", "place:bardejov") in held, held
    assert ("person:agata lis", "wójt", "organisation:gmina lipnik") in held, held


def test_a_diplomats_posting_stands_between_the_state_and_the_holder():
    doc = read("Obecny był ambasador Japonii w Polsce Shigeo Matsutomi, a list przysłał Konsul Generalny Niemiec "
               "w Krakowie Jan Kowal.")
    held = roles_held(doc)
    assert ("person:shigeo matsutomi", "ambasador", "place:japonia") in held, held
    assert ("person:jan kowal", "konsul generalny", "place:niemcy") in held, held


def test_a_dash_glued_to_the_day_of_a_date_is_no_part_of_it():
    assert dates("Raut wydano 15 lat temu -12 lipca 2001r. w Szczecinie.") == ["2001-07-12"]
    assert dates("W dniach 12-15 maja 2003 r. i w latach 1998-2002.")[0] == "2003-05-12"


def test_a_bare_generic_acronym_is_the_one_such_body_the_text_names():
    doc = read("Jubileusz obchodziła Ochotnicza Straż Pożarna w Woli Lipnickiej. Prezes OSP Marian Pasoń podziękował "
               "gościom, a zagrała Orkiestra OSP Konieczno.")
    assert ("person:marian pason", "prezes", "organisation:ochotnicza straz pozarna") in roles_held(doc), roles_held(doc)
    two = read("Przyjechały OSP Bierna i OSP Radzimów. OSP otrzymała sztandar.")  # two brigades: the bare one is neither
    assert entity_names(two, "organisation") == {"OSP Bierna", "OSP Radzimów", "OSP"}, entity_names(two, "organisation")


def test_offices_before_a_dash_and_a_name_in_a_list_are_each_names():
    doc = read("W uroczystości udział wzięli również: Przewodniczący Rady Gminy w Lipniku - Mariusz Kot, "
               "Przewodniczący Rady Miasta Helu - Arnold Lis, przedstawiciele urzędów.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert held == {("person:mariusz kot", "przewodniczący"), ("person:arnold lis", "przewodniczący")}, roles_held(doc)


# --- session 62 ---------------------------------------------------------------------------------------------


def test_a_known_towns_or_countrys_name_of_two_words_opening_a_sentence_keeps_its_adjective():
    doc = read("Biała Podlaska przyjęła w maju gości z Lipna. Wielka Brytania wysłała swoją delegację. Nowy Dwór Gdański "
               "czeka na nich w czerwcu.")
    assert {"Biała Podlaska", "Wielka Brytania", "Nowy Dwór Gdański"} <= entity_names(doc, "place"), \
        entity_names(doc, "place")
    assert not {"Podlaska", "Brytania", "Dwór Gdański"} & entity_names(doc, "place"), entity_names(doc, "place")


def test_an_address_line_opening_with_a_squares_noun_is_no_town():
    doc = read("Urząd Gminy\nPlac Grunwaldzki 8\n45-001 Opole")  # GeoNames knows a district of Wrocław so
    assert "Plac Grunwaldzki" not in entity_names(doc, "place"), entity_names(doc, "place")


def test_a_verb_after_an_institutions_common_noun_ends_it():
    doc = read("Nowa szkoła powstała w Opolu w 2010 roku, a biblioteka była w Lipnie.")
    assert entity_names(doc, "organisation") == set(), entity_names(doc, "organisation")


def test_a_gminas_name_agreeing_with_its_noun_in_any_case_is_named_in_the_nominative():
    doc = read("Delegacja odwiedziła Gminę Kłodawę. Przedstawiciele Gminy Kłodawa podziękowali, a w Gminie Kłodawie "
               "odbył się festyn.")
    assert entity_names(doc, "organisation") == {"Gmina Kłodawa"}, entity_names(doc, "organisation")


def test_a_bracket_before_a_colon_is_no_emoticon():
    doc = read("Miasta partnerskie (Niemcy): Lohmar i Wiehl.")
    assert [t.text for t in doc[3:6]] == ["Niemcy", ")", ":"], [t.text for t in doc]


def test_an_ensemble_or_association_named_after_its_common_noun_is_an_organisation():
    doc = read("Wystąpiły zespół Lipniczanie i chór Cantabile, a działacze stowarzyszenia Złoty Kłos z Lipna wręczyli "
               "nagrodę, którą ufundowała orkiestra Jana Kowalskiego.")
    kinds = {name: e.kind for e in doc._.entities.values() for name in (e.name, *e.aliases)}
    assert [kinds.get(n) for n in ("zespół Lipniczanie", "chór Cantabile", "Złoty Kłos")] == ["organisation"] * 3, kinds
    assert kinds.get("Jan Kowalski") == "person", kinds


# --- session 63 ---------------------------------------------------------------------------------------------

def test_a_starosta_with_a_czech_name_heads_the_czech_partner_town():
    doc = read("W 2019 r. w Lipnie podpisano umowę o współpracy pomiędzy gminą Lipno i gminą Bílovec z Republiki "
               "Czeskiej. Umowę podpisali: starosta Jan Dvořák i wójt Lipna – Adam Sowa. Goście z Bílovca "
               "zwiedzili Lipno.")
    held = roles_held(doc)
    assert ("person:jan dvorak", "starosta", "place:bilovec") in held, held
    assert ("person:adam sowa", "wójt", "place:lipno") in held, held


def test_a_foreign_starosta_of_a_german_partner_stays_a_countys():
    doc = read("W 2019 r. w Lipnie podpisano umowę o współpracy pomiędzy gminą Lipno i gminą Uelzen z Niemiec. "
               "Umowę podpisali: starosta Jürgen Müller i wójt Lipna – Adam Sowa.")
    held = roles_held(doc)
    assert not any(p == "person:jurgen muller" and o == "place:uelzen" for p, _r, o in held), held


def test_a_mayor_whose_name_is_spelt_with_letters_polish_lacks_is_the_partner_towns():
    doc = read("Na zdjęciu Geza Janosi i Adam Sowa. W 2004 r. w Lipnie burmistrzowie Jánosi Géza i Adam Sowa "
               "podpisali deklarację o partnerstwie Lipna i Pécel. Delegacja z Pécel zwiedziła Lipno, a Geza Janosi "
               "podziękował za gościnę.")  # the name written without its accents more often than with them
    held = roles_held(doc)
    assert any(r == "burmistrz" and o == "place:pecel" and p.startswith("person:janosi") for p, r, o in held), held
    assert ("person:adam sowa", "burmistrz", "place:lipno") in held, held


def test_a_secretary_and_a_treasurer_listed_after_a_towns_head_are_the_towns():
    doc = read("W sesji 12 maja 2015 r. uczestniczyli: burmistrz Lipna Jan Wrona, z-ca burmistrza Adam Kos, sekretarz "
               "Ewa Sowa, skarbnik Anna Bąk oraz radni.")
    held = roles_held(doc)
    assert {("person:ewa sowa", "sekretarz"), ("person:anna bak", "skarbnik")} <= {
        (p, r) for p, r, o in held if o in ("place:lipno", "organisation:gmina lipno")}, held


def test_a_secretary_listed_after_a_council_chair_is_still_the_gminas():
    doc = read("W 2016 r. gminę reprezentowali: wójt Lipna Barbara Wrona, przewodnicząca Rady Gminy Lipno Anna Kos "
               "oraz sekretarz Ewa Sowa.")
    held = roles_held(doc)
    assert any(p == "person:ewa sowa" and r == "sekretarz" and o in ("place:lipno", "organisation:gmina lipno")
               for p, r, o in held), held


def test_a_secretary_in_another_clause_than_the_head_is_not_the_heads_towns():
    doc = read("W 1992 r. burmistrz Lipna Jan Wrona otrzymał pismo od sekretarza Ewy Sowy z Uelzen.")
    held = roles_held(doc)
    assert not any(p == "person:ewa sowa" and o in ("place:lipno", "organisation:gmina lipno") for p, _r, o in held), held


def test_an_ensemble_or_a_village_body_named_in_quotes_after_its_noun_is_an_organisation():
    doc = read("Na festynie w 2019 r. wystąpiły KGW „Złota Dolina” i chór „Kantylena”, a zespół „Pod Lipą” zagrał.")
    assert {"KGW „Złota Dolina”", "chór „Kantylena”", "zespół „Pod Lipą”"} <= entity_names(doc, "organisation"), \
        entity_names(doc, "organisation")
    assert "Złota Dolina" not in entity_names(doc, "place"), entity_names(doc, "place")


def test_an_agreement_on_cooperation_dated_and_naming_no_side_is_the_home_towns():
    doc = read("Władze Lipna od lat współpracują z miastami partnerskimi. W Lipnie gościła w 2016 r. delegacja z Poniewieża, a w 2017 r. "
               "przedstawiciele Lipna pojechali na Litwę. 1 czerwca 2018 roku został podpisany list intencyjny w sprawie "
               "przyszłej współpracy.")
    signed = [e for e in doc._.events if e.date == "2018-06-01"]
    assert signed and "place:lipno" in signed[0].participants + signed[0].locations, doc._.events


def test_a_partner_listed_after_its_date_with_a_country_and_its_region_in_brackets_is_dated():
    doc = read("Gmina Lipno współpracuje z miastami partnerskimi, są to miasta:\n\n"
               "16.09.1995 r. Uelzen (Niemcy),\n11.11.1997 r. Weimar (Niemcy, Turyngia),\n"
               "10.11.2015 r. Jičín (Czechy, kraj hradecki)\n")
    dated = {e.date for e in doc._.events}
    assert {"1995-09-16", "1997-11-11", "2015-11-10"} <= dated, doc._.events


def test_an_embassys_counsellor_and_attache_hold_offices():
    doc = read("W 2010 r. w uroczystości wzięli udział Adam Kos – radca gospodarczy Ambasady RP w Lipsku oraz attaché "
               "obrony Ambasady Francji Jean Roux.")
    held = roles_held(doc)
    assert ("person:adam kos", "radca", "organisation:ambasada rp") in held, held
    assert ("person:jean roux", "attaché", "organisation:ambasada francji") in held, held


def test_a_title_before_the_holders_name_keeps_the_town_before_it():
    doc = read("W 2015 r. dokument podpisała burmistrz Lipna pani Anna Kos.")  # "Lipna" is also an adjective of "pani"
    assert ("person:anna kos", "burmistrz", "place:lipno") in roles_held(doc), roles_held(doc)


def test_two_names_before_a_dash_and_an_office_in_a_form_the_plural_shares_hold_it_both():
    doc = read("W 2010 r. w spotkaniu uczestniczyli: Adam Kos i Jan Lis – zastępcy burmistrza Lipna, Ewa Sowa, "
               "Anna Kos – dyrektor szkoły w Lipnie.")
    held = roles_held(doc)
    assert {("person:adam kos", "wiceburmistrz", "place:lipno"), ("person:jan lis", "wiceburmistrz", "place:lipno")} \
        <= held, held
    assert not any(p == "person:ewa sowa" for p, _r, _o in held), held  # "dyrektor" is singular: Anna Kos's alone


def test_a_unit_named_by_its_adjective_ends_before_a_foreign_name_after_it():
    doc = read("W 2018 r. umowę podpisała mer Samorządu Rejonu Lipnickiego Eglė Vaitkutė, której towarzyszyła radna.")
    names = entity_names(doc, "organisation")
    assert "Rejon Lipnicki" in names and not any("Vaitk" in n for n in names), names


def test_a_demonstrative_before_a_units_noun_leaves_the_name_after_it_a_persons():
    doc = read("W 2012 r. list podpisano z Gminą Lipno reprezentowaną przez Wójta tejże Gminy Switłanę Hryćko.")
    assert ("person:switlana hrycko", "wójt", "organisation:gmina lipno") in roles_held(doc) or \
        ("person:switlana hrycko", "wójt", "place:lipno") in roles_held(doc), roles_held(doc)
    assert not any("Swit" in n for n in entity_names(doc, "organisation") | entity_names(doc, "place")), doc._.entities


# --- session 64 ---------------------------------------------------------------------------------------------

def _misread(text: str) -> str:
    """A text's two-byte letters read byte by byte as Windows-1252, as some pages show them (as Latin-1 where
    Windows-1252 leaves a byte undefined: "Ł" is C5 81)."""
    def western(byte: int) -> str:
        try:
            return bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(byte)
    return "".join("".join(map(western, c.encode())) if len(c.encode()) == 2 else c for c in text)


def test_letters_a_page_shows_as_two_western_characters_are_read_as_letters_and_offsets_lead_back():
    written = ("Dnia 3 września 2014 r. w Lipnie gościła delegacja z Ostrawy. Gości przywitał "
               "wójt gminy Lipno Łukasz Żółtański, a prezes OSP Lipno Anna Dąbska wręczyła im odznaki.")
    page = "Nagłówek strony.\n\n" + _misread(written)  # a page whose one paragraph is misread, the other not
    assert "Å" in page and "Ä" in page and "ż" not in page.split("\n\n")[1]
    [part] = extract.read_chunks(page)
    names = {e.name for e in part.entities.values()}
    assert {"Łukasz Żółtański", "Anna Dąbska", "Lipno"} <= names, names
    mentioned = {page[a:b] for e in part.entities.values() for a, b, *_ in e.mentions}
    assert _misread("Łukasz Żółtański") in mentioned and _misread("Anna Dąbska") in mentioned, mentioned


def test_one_pair_of_western_characters_alone_is_left_as_written():
    assert extract.Reading("Hotel „Ä…” przy ulicy Polnej.").text == "Hotel „Ä…” przy ulicy Polnej."


def test_a_patrons_title_opens_the_patrons_name_inside_the_schools():
    doc = read("Gości przyjęła dyrektor Szkoły Podstawowej im. Kardynała Stefana Lisa w Lipnie Anna Kos.")
    assert "Szkoła Podstawowa im. Kardynała Stefana Lisa" in entity_names(doc, "organisation"), doc._.entities
    held = roles_held(doc)
    assert {p for p, r, _o in held if r == "dyrektor"} == {"person:anna kos"}, held


def test_the_word_after_the_mark_of_a_cut_in_a_quotation_opens_a_sentence():
    doc = read("Wójt powiedział: (…) Myślę, że to dobry początek. Potem goście zwiedzili Lipno.")
    assert entity_names(doc, "place") == {"Lipno"}, doc._.entities


def test_a_county_of_the_british_isles_named_by_its_noun_is_a_partner():
    doc = read("Od 2004 r. powiat lipski współpracuje z Hrabstwem Kildare.")
    assert any(n.lower() == "hrabstwo kildare" for n in entity_names(doc, "organisation")), doc._.entities
    assert twinned(doc), doc._.relations


def test_units_named_by_adjectives_of_one_noun_are_each_a_unit_and_their_heads_each_hold_their_own():
    doc = read("Współpracę rozwijają województwa opolskie i lubuskie, a porozumienie podpisali w 2012 r. marszałkowie "
               "województwa opolskiego Jan Nowak i lubuskiego Piotr Kowal.")
    assert {"województwo opolskie", "województwo lubuskie"} <= entity_names(doc, "organisation"), doc._.entities
    held = roles_held(doc)
    assert {("person:jan nowak", "marszałek", "organisation:wojewodztwo opolskie"),
            ("person:piotr kowal", "marszałek", "organisation:wojewodztwo lubuskie")} <= held, held
    doc = read("Współpracę rozwijają samorządy powiatu lipskiego i kłodzkiego.")
    assert {"powiat lipski", "powiat kłodzki"} <= entity_names(doc, "organisation"), doc._.entities
    doc = read("Gości powitał starosta powiatu lipskiego i polskiego rządu pełnomocnik.")
    assert not any("polsk" in n for n in entity_names(doc, "organisation")), doc._.entities


def test_an_office_in_the_plural_then_towns_each_with_its_holder():
    held = roles_held(read("Burmistrzowie Lipna Jan Nowak i Ostrawy Piotr Kowal podpisali w 2012 r. umowę."))
    assert {("person:jan nowak", "burmistrz", "place:lipno"), ("person:piotr kowal", "burmistrz", "place:ostrawa")} \
        <= held, held


def test_a_departments_name_keeps_the_acronym_of_the_office_it_belongs_to():
    doc = read("W wizycie uczestniczyła Anna Kos – zastępca dyrektora Departamentu Rolnictwa i Rozwoju Wsi UMWL. "
               "Wizytę zorganizował Urząd Marszałkowski Województwa Lubuskiego (UMWL).")
    names = entity_names(doc, "organisation")
    assert {"Departament Rolnictwa i Rozwoju Wsi UMWL", "Urząd Marszałkowski Województwa Lubuskiego"} <= names, names
    held = roles_held(doc)
    assert ("person:anna kos", "wicedyrektor", "organisation:departament rolnictwa i rozwoju wsi umwl") in held, held


def test_a_second_office_joined_to_one_in_apposition_is_the_same_persons():
    for offices in ("były starosta i obecny radny powiatu", "starosta poprzedniej kadencji i radny powiatu"):
        held = roles_held(read(f"Starosta lipski Jan Kos odebrał nagrodę. – To wspólne dzieło – mówi Adam Lis, {offices}."))
        assert {("person:adam lis", "starosta", "organisation:powiat lipski"),
                ("person:adam lis", "radny", "organisation:powiat lipski")} <= held, (offices, held)
    held = roles_held(read("W 2012 r. gości przyjęli burmistrz Lipna Jan Kos, jego zastępca – Adam Lis, radni oraz "
                           "dyrektorka szkoły."))
    assert not any(p == "person:adam lis" and r == "dyrektor" for p, r, _o in held), held


def test_the_second_word_of_a_towns_name_in_its_old_locative_stays_in_the_name():
    doc = read("W 2022 r. strażacy z Komendy Powiatowej PSP w Wysokiem Mazowieckiem przekazali sprzęt do Lipna.")
    assert {"Wysokie Mazowieckie", "Lipno"} == entity_names(doc, "place"), doc._.entities


def test_an_office_after_jako_in_a_relative_clause_is_its_subjects():
    held = roles_held(read("O początkach opowiadał Tomasz Lis, który jako ówczesny prezydent partnerskiego miasta "
                           "Ostrawy podpisał pierwszą umowę."))
    assert ("person:tomasz lis", "prezydent", "place:ostrawa") in held, held


def test_a_foreign_name_before_a_river_or_a_town_near_it_is_a_town_not_a_person():
    doc = read("W 2011 r. Lipno podpisało umowę z gminą Dolní Lutyně oraz Nové Město nad Cidlinou.")
    assert "Nové Město nad Cidlinou" in entity_names(doc, "place"), doc._.entities
    assert not entity_names(doc, "person"), doc._.entities
    doc = read("Delegacja z miasta Lhota u Vsetína przyjechała w 2014 r. do Lipna.")
    assert "Lhota u Vsetína" in entity_names(doc, "place"), doc._.entities


def test_the_noun_town_in_the_partners_language_is_no_word_of_the_towns_name():
    for town in ("Brandýs nad Labem", "Ústí nad Orlicí"):
        doc = read(f"W 2005 r. umowę z Lipnem podpisało Město {town}.")
        assert entity_names(doc, "place") == {"Lipno", town}, doc._.entities
        assert not entity_names(doc, "person"), doc._.entities


def test_a_councils_term_in_roman_numerals_is_no_word_nor_alias_of_its_name():
    doc = read("Wspominamy zmarłych samorządowców:\n  • Walerego Kosa – Wiceprzewodniczącego Rady Powiatu Lipskiego I "
               "kadencji,\n  • Jana Lisa – Członka Zarządu Powiatu Lipskiego II kadencji,\n  • Adama Sowę – Radnego "
               "Rady Powiatu Lipskiego II kadencji.")
    assert {"Rada Powiatu Lipskiego", "Zarząd Powiatu Lipskiego"} <= entity_names(doc, "organisation"), doc._.entities
    held = roles_held(doc)
    assert ("person:walery kos", "wiceprzewodniczący", "organisation:rada powiatu lipskiego") in held, held
    assert any(r == "członek zarządu" and o == "organisation:zarzad powiatu lipskiego" for _p, r, o in held), held


def test_a_mayor_named_by_a_partners_given_name_sgjp_reads_otherwise_is_the_partner_towns():
    doc = read("Na zaproszenie mera Pascala Durand do Abbeville pojechali w 2024 r. burmistrz Lipna Jan Kos, jego "
               "zastępca Adam Lis oraz skarbnik Ewa Sowa.")
    held = roles_held(doc)
    assert ("person:pascal durand", "mer", "place:abbeville") in held, held
    assert ("person:ewa sowa", "skarbnik", "place:lipno") in held, held  # the head nearest before, not the mer


def test_councillors_of_a_gmina_sit_in_its_council_when_the_text_names_it():
    doc = read("W 2024 r. nowa Rada Gminy Lipno złożyła ślubowanie.\nRadni Gminy Lipno – kadencja 2024–2029:\n"
               "Jan Kos, Anna Lis, Adam Sowa, Ewa Kruk.")
    held = roles_held(doc)
    assert {("person:jan kos", "radny", "organisation:rada gminy lipno"),
            ("person:ewa kruk", "radny", "organisation:rada gminy lipno")} <= held, held


def test_a_chair_named_with_no_body_after_a_sentence_about_the_council_is_the_councils():
    doc = read("Pierwsza sesja Rady Gminy\n\nW 2010 r. ślubowało 15 radnych gminy Lipno. Następnie wybrano "
               "przewodniczącego rady oraz zastępcę. Są to: Przewodniczący - Jan Kos, Zastępca Przewodniczącego - "
               "Adam Lis.")
    held = roles_held(doc)
    assert {("person:jan kos", "przewodniczący", "organisation:rada gminy"),
            ("person:adam lis", "wiceprzewodniczący", "organisation:rada gminy")} <= held, held


def test_an_office_whose_relative_clause_names_its_holder():
    doc = read("W 2018 r. odbyła się I sesja Rady Miejskiej w Lipnie. Radni wybrali spośród siebie Przewodniczącego "
               "Rady, którym został pan Adam Kos.")
    assert any(p == "person:adam kos" and r == "przewodniczący" and o.startswith("organisation:rada miejska")
               for p, r, o in roles_held(doc)), roles_held(doc)


def test_foreign_towns_opened_by_a_spa_or_a_saint_or_read_by_the_model_before_their_river_are_whole():
    for town in ("Bystřice nad Pernštejnem", "Lázně Bělohrad", "Santa Margherita"):
        doc = read(f"W 2011 r. Lipno podpisało umowę z gminą Dolní Lutyně oraz {town}.")
        assert entity_names(doc, "place") == {"Lipno", "Dolní Lutyně", town}, (town, doc._.entities)


def test_a_pair_read_as_a_letter_and_a_run_of_spaces_sharing_a_character_keep_offsets_in_order():
    page = "ZAMEK Å\u00a0\u00a0Ä\u0099 i Ä\u0099"  # "Å" and a no-break space are "Š"; that space also opens a run
    reading = extract.Reading(page)
    assert reading.text == "ZAMEK Š\u00a0ę i ę", repr(reading.text)
    starts = [reading.start(i) for i in range(len(reading.text))]
    assert starts == sorted(starts) and page[reading.start(6):reading.end(7)] == "Å\u00a0", starts


# --- session 65 ---------------------------------------------------------------------------------------------

def test_the_eldest_councillor_opening_the_first_session_is_a_councillor():
    doc = read("Pierwszą sesję Rady Gminy Lipno otworzył radny senior, Adam Kos. Obrady prowadziła radna senior "
               "Ewa Lis.")
    held = roles_held(doc)
    assert {("person:adam kos", "radny", "organisation:rada gminy lipno"),
            ("person:ewa lis", "radny", "organisation:rada gminy lipno")} <= held, held


def test_deputy_chairs_elected_sentences_after_the_council_is_named_are_the_councils():
    doc = read("W piątek odbyła się sesja Rady Gminy Lipno. Najpierw ślubowanie złożył wójt. Potem "
               "wybrano przewodniczącego. W głosowaniu poparli go wszyscy radni. Wiceprzewodniczącymi zostali "
               "Anna Wrona oraz Piotr Sowa.")
    held = roles_held(doc)
    assert {("person:anna wrona", "wiceprzewodniczący", "organisation:rada gminy lipno"),
            ("person:piotr sowa", "wiceprzewodniczący", "organisation:rada gminy lipno")} <= held, held


def test_a_person_supported_by_all_the_councillors_is_not_one_of_them():
    doc = read("Na sesji Rady Gminy Lipno kandydatem na przewodniczącego był Adam Kos. W głosowaniu otrzymał "
               "poparcie wszystkich radnych.")
    assert not any(p == "person:adam kos" and r == "radny" for p, r, _o in roles_held(doc)), roles_held(doc)


def test_an_office_of_a_unit_created_on_a_date_is_that_units():
    doc = read("Pierwszym starostą nowo utworzonego 1 stycznia 1999 r. powiatu lipnickiego był Adam Kos.")
    assert ("person:adam kos", "starosta", "organisation:powiat lipnicki") in roles_held(doc), roles_held(doc)


def test_persons_listed_as_elected_to_a_council_are_its_councillors():
    doc = read("W wyborach 12 maja 1994 roku do Rady Gminy Lipno wybrani zostali:\n\n • Kos Adam,\n • Lis Ewa,\n"
               " • Wrona Piotr.\n\nPierwsza sesja odbyła się w czerwcu.")
    held = roles_held(doc)
    assert {("person:adam kos", "radny", "organisation:rada gminy lipno"),
            ("person:ewa lis", "radny", "organisation:rada gminy lipno"),
            ("person:piotr wrona", "radny", "organisation:rada gminy lipno")} <= held, held


def test_persons_listed_as_invited_by_a_council_are_not_its_councillors():
    doc = read("Na uroczystą sesję do Rady Gminy Lipno zaproszeni zostali:\n\n • Kos Adam,\n • Lis Ewa.\n")
    assert not any(r == "radny" for _p, r, _o in roles_held(doc)), roles_held(doc)


def test_an_office_entrusted_in_the_passive_is_the_dative_persons():
    doc = read("Pierwsza sesja Rady Gminy Lipno odbyła się 6 czerwca 1990 r. Funkcja przewodniczącego Rady "
               "powierzona została Adamowi Kosowi.")
    assert ("person:adam kos", "przewodniczący", "organisation:rada gminy lipno") in roles_held(doc), roles_held(doc)


def test_a_president_the_text_calls_the_countrys_is_the_countrys_not_the_towns_he_visits():
    doc = read("Prezydent Adam Kos odwiedził dzisiaj powiat lipnicki. W Lipnie Prezydent spotkał się z mieszkańcami. "
               "Zapraszamy do obejrzenia zdjęć z wizyty Prezydenta RP.")
    held = roles_held(doc)
    assert ("person:adam kos", "prezydent", "place:polska") in held and not any(
        o == "place:lipno" for _p, _r, o in held), held


def test_an_office_in_square_brackets_after_a_name_is_read_as_in_round_ones():
    page = "Gośćmi byli: Anna Kos [przew. Rady Powiatu], Jan Lis [przew. Rady Gminy], sołtysi."
    [part] = extract.read_chunks(page)
    held = {(m.person, m.role.label, m.organisation) for m in part.memberships}
    assert {("person:anna kos", "przewodniczący", "organisation:rada powiatu"),
            ("person:jan lis", "przewodniczący", "organisation:rada gminy")} <= held, held
    mentioned = {page[a:b] for e in part.entities.values() for a, b, *_ in e.mentions}
    assert {"Anna Kos", "Rady Powiatu"} <= mentioned, mentioned


def test_a_body_after_an_office_and_do_ends_where_the_holders_name_in_the_genitive_begins():
    doc = read("Przemówienie wygłosił asystent Posła do Parlamentu Europejskiego Jarosława Lipnickiego – pan Adam Kos.")
    assert entity_names(doc, "organisation") == {"Parlament Europejski"}, doc._.entities
    assert "Jarosław Lipnicki" in entity_names(doc, "person"), doc._.entities


def test_a_given_name_after_a_councillor_opens_a_person_even_before_a_common_word():
    doc = read("Na sesji był radny Jan Skąpy, a obok niego radna Ewa Wesoła.")
    assert {"Jan Skąpy", "Ewa Wesoła"} <= entity_names(doc, "person") and not entity_names(doc, "place"), \
        doc._.entities


def test_persons_listed_as_the_composition_of_the_body_named_before_are_its_members():
    doc = read("Dziś po raz pierwszy w nowym składzie zebrała się Rada Powiatu Lipnickiego. Jej skład to: Adam Kos "
               "(PiS), Ewa Lis (KO), Jan Wrona (PSL).")
    held = roles_held(doc)
    assert {("person:adam kos", "radny", "organisation:rada powiatu lipnickiego"),
            ("person:ewa lis", "radny", "organisation:rada powiatu lipnickiego"),
            ("person:jan wrona", "radny", "organisation:rada powiatu lipnickiego")} <= held, held


def test_a_possessive_composition_whose_gender_names_no_body_before_lists_no_members():
    doc = read("Dziś zebrał się Zarząd Stowarzyszenia Przyjaciół Lipna. Jej skład to: Adam Kos, Ewa Lis.")
    assert not any(r in ("członek", "radny", "członek zarządu") for _p, r, _o in roles_held(doc)), roles_held(doc)


def test_partners_told_by_their_countries_only_are_not_the_towns_the_next_sentence_names():
    doc = read("Nasi uczniowie zagrali z rówieśnikami z Lipska i jego miast partnerskich z Francji i Włoch. Program "
               "pobytu obejmował zwiedzanie Drezna i koncert w Berlinie.")
    assert not twinned(doc), twinned(doc)
    doc = read("Gościliśmy uczniów z Lipna i jego miasta partnerskiego z Francji – miasta Dreux.")
    assert twinned(doc) == {frozenset(("place:lipno", "place:dreux"))}, twinned(doc)


def test_a_clubs_board_elected_in_elliptical_clauses_is_the_clubs():
    doc = read("Na walnym zebraniu członków MKS-u Lipno Prezesem Zarządu wybrany został Adam Kos, Wiceprezesem Piotr "
               "Lis, Wiceprezesem ds sportowych obecny zawodnik klubu Jan Gil, a członkami Zarządu Bronisława Wrona oraz "
               "Jan Sowa.")  # "Bronisława": also a genitive of "Bronisław"
    assert entity_names(doc, "organisation") == {"MKS Lipno"}, doc._.entities
    held = roles_held(doc)
    assert {("person:adam kos", "prezes", "organisation:mks lipno"),
            ("person:piotr lis", "wiceprezes", "organisation:mks lipno"),
            ("person:bronislawa wrona", "członek zarządu", "organisation:mks lipno")} <= held, held
    assert ("person:adam kos", "wiceprezes", "organisation:mks lipno") not in held, held


def test_the_holder_named_after_został_nim_may_carry_an_office_of_their_own():
    doc = read("Następnie Rada Gminy Lipno dokonała wyboru jednego wiceprzewodniczącego. Został nim radny Adam Kos.")
    assert ("person:adam kos", "wiceprzewodniczący", "organisation:rada gminy lipno") in roles_held(doc), \
        roles_held(doc)


def test_the_board_of_the_body_a_text_is_about_however_far_back_it_was_named():
    doc = read("Walne zebranie Towarzystwa Przyjaciół Lipna odbyło się w marcu. Przyjęto sprawozdania. Następnie "
               "przystąpiono do wyborów. W ich wyniku Prezesem Zarządu wybrany został Adam Kos.")
    assert ("person:adam kos", "prezes", "organisation:towarzystwo przyjaciol lipna") in roles_held(doc), \
        roles_held(doc)


def test_councillors_an_adjective_calls_the_countys_are_the_countys():
    doc = read("Turniej odbył się w Lipnie w powiecie lipnickim. Kibicowali im powiatowi radni: Adam Kos, Piotr Lis "
               "i Jan Gil. Obecny był też Radny Powiatowy Ewa Wrona.")
    held = roles_held(doc)
    assert {(p, "radny", "organisation:powiat lipnicki")
            for p in ("person:adam kos", "person:piotr lis", "person:jan gil", "person:ewa wrona")} <= held, held


def test_a_state_a_biography_gives_a_span_of_years_is_no_happening():
    doc = read("W latach 1972-1975 był zatrudniony w Urzędzie Miejskim w Lipnie. W latach 1979–1983 odbywał aplikację "
               "w Zespole Adwokackim nr 2 w Lipnie. Od 1984 do 1990 pracował w Szkole Podstawowej nr 1 w Lipnie. "
               "W 1986 r. uruchomiono w Lipnie gazownię. Od 2001 roku Rejon Borki był rejonem partnerskim powiatu "
               "lipnickiego.")  # a state since a year, no end given: when it began is told
    assert [(e.type, e.date) for e in doc._.events] == [("Happening", "1986"), ("Happening", "2001")], doc._.events


def test_a_surname_like_an_adjective_before_a_capitalised_office_ends_the_name_not_before_it():
    doc = read("W zjeździe uczestniczyli także Józef Adam Lipnicki Wójt Gminy Borki, Piotr Kos Burmistrz Miasta "
               "Lipna.")
    held = roles_held(doc)
    assert ("person:jozef adam lipnicki", "wójt", "organisation:gmina borki") in held, held
    assert not any(p == "person:piotr kos" and r == "wójt" for p, r, _o in held), held


def test_officers_each_glossed_with_an_office_of_their_own_are_all_the_boards_and_the_board_is_the_bodys():
    doc = read("Stowarzyszenie Przyjaciół Lipna ma nowe władze. Obecny Zarząd Stowarzyszenia Przyjaciół Lipna liczy "
               "10 członków. Funkcję wiceprezesów pełnią Adam Kos (wójt gminy Dębno) oraz Jan Gil (wójt gminy Borki). "
               "Członkami Zarządu zostali: Piotr Lis (wójt gminy Pysznica), Ewa Sowa (burmistrz miasta Nowa Dęba) "
               "oraz Anna Wrona (wójt gminy Bojanów).")
    held = roles_held(doc)
    body = "organisation:stowarzyszenie przyjaciol lipna"
    assert {("person:adam kos", "wiceprezes", body), ("person:jan gil", "wiceprezes", body),
            ("person:ewa sowa", "członek zarządu", body), ("person:anna wrona", "członek zarządu", body),
            ("person:ewa sowa", "burmistrz", "place:nowa deba")} <= held, held


def test_a_generic_bodys_acronym_after_a_plural_noun_names_no_one_body():
    doc = read("Na terenie gminy Lipno funkcjonuje 10 jednostek OSP. Na zjazdach podziękowano prezesom OSP. "
               "Gości przywitał prezes OSP Jan Kos.")
    orgs = [e for e in doc._.entities.values() if e.kind == "organisation"]
    assert len(orgs) == 1 and len(orgs[0].mentions) == 1, doc._.entities


def test_a_deanery_named_by_its_seat_and_number_is_a_body():
    doc = read("Mszę odprawił dziekan dekanatu Lipno II – ks. Adam Nowicki.")
    assert ("person:adam nowicki", "dziekan", "organisation:dekanat lipno ii") in roles_held(doc), roles_held(doc)


def test_offices_that_fell_to_persons_in_the_dative_are_theirs():
    doc = read("W poniedziałek odbyła się sesja Rady Gminy Lipno. Wybrano nowego Przewodniczącego Rady, którym ponownie "
               "został Jan Kos. Stanowiska wiceprzewodniczących przypadły Annie Wronie oraz Piotrowi Lisowi.")
    held = roles_held(doc)
    assert {("person:anna wrona", "wiceprzewodniczący", "organisation:rada gminy lipno"),
            ("person:piotr lis", "wiceprzewodniczący", "organisation:rada gminy lipno")} <= held, held


def test_an_aside_in_brackets_between_the_verb_and_the_holder_is_passed_over():
    doc = read("W 1994 roku wybrano 24 radnych. Przewodniczącym Rady Gminy Lipno został ponownie (jak w I kadencji) "
               "Jan Kos z Borek.")
    assert ("person:jan kos", "przewodniczący", "organisation:rada gminy lipno") in roles_held(doc), roles_held(doc)


# --- session 66 ---------------------------------------------------------------------------------------------

def test_a_war_beside_its_adjective_is_no_village():
    # SGJP knows "Wojny" as a village: "II Wojny Światowej", "Wielkiej Wojny" name wars, "Powstańców
    # Wielkopolskich" their fighters
    doc = read("Pomnik ofiar II Wojny Światowej stanął w Lipnie. Kółko powstało w czwartym roku Wielkiej Wojny. "
               "Tablicę ku czci Powstańców Wielkopolskich odsłonięto w Lipnie.")
    assert entity_names(doc, "place") == {"Lipno"}, doc._.entities


def test_two_commas_typed_as_an_opening_quote():
    doc = read("Na uroczystości wystąpił klub ,,Dąbrowianki” z Borek.")
    assert "klub „Dąbrowianki”" in entity_names(doc, "organisation"), doc._.entities
    assert [t.text for t in doc][4:6] == [",,", "Dąbrowianki"], [t.text for t in doc]


def test_a_body_named_in_quotes_after_its_common_noun_and_adjective():
    doc = read("Harcerze z drużyny „Jastrzębie” i członkowie kręgu instruktorskiego „Nadzieja” posadzili dęby.")
    assert {"drużyna „Jastrzębie”", "krąg instruktorski „Nadzieja”"} <= entity_names(doc, "organisation"), \
        doc._.entities


def test_a_scouting_circle_and_banner_are_bodies():
    doc = read("Przewodniczącym Kręgu Seniorów „Stare Dęby” jest Adam Wrona. Rozkaz wydał Komendant Chorągwi "
               "Mazowieckiej hm. Jan Sowa.")
    held = roles_held(doc)
    assert ("person:adam wrona", "przewodniczący", "organisation:krag seniorow stare deby") in held, held
    assert ("person:jan sowa", "komendant", "organisation:choragiew mazowiecka") in held, held


def test_a_quoted_name_after_the_acronym_of_the_parent_body():
    doc = read("W 1998 roku członkowie koła założyli Klub Strzelecki LOK „Cel” w Borkach.")
    assert "Klub Strzelecki LOK „Cel”" in entity_names(doc, "organisation"), doc._.entities


def test_a_parish_dedication_in_quotes_and_a_saint_of_a_foreign_town():
    doc = read("Podziękowano proboszczowi parafii pw. \"Najświętszego Serca\" ks. Adamowi Wronie. Obecny był też "
               "wójt gminy Borki p. Jan Sowa, proboszcz parafii pw. św. Marcina z Tours w Borkach dr Piotr Lis.")
    held = roles_held(doc)
    assert ("person:adam wrona", "proboszcz", "organisation:parafia pw najswietszego serca") in held, held
    assert ("person:piotr lis", "proboszcz", "organisation:parafia pw sw marcina z tours w borkach") in held, held
    assert "Tours" not in entity_names(doc, "place"), doc._.entities


def test_a_university_and_a_college_written_by_acronyms_that_keep_or_drop_the_patron():
    doc = read("Władze Uniwersytetu im. Jana Kochanowskiego odwiedziły Państwową Wyższą Szkołę Zawodową im. "
               "Jana Długosza. Rektor PWSZ – prof. nzw. dr hab. Adam Wrona – powitał prorektora UJK Jana Sowę.")
    orgs = entity_names(doc, "organisation")
    assert not {"PWSZ", "UJK"} & orgs and len(orgs) == 2, doc._.entities
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert {("person:adam wrona", "rektor"), ("person:jan sowa", "prorektor")} <= held, held


def test_a_board_listed_one_line_each_with_a_trade_before_the_office():
    doc = read("Kółko Rolnicze w Borkach założono w 1910 roku. Na zebraniu wybrany został pierwszy zarząd w składzie:"
               "\n\nKsiądz Adam WRONA, proboszcz – przewodniczący;\n\nJan SOWA, rolnik – skarbnik;\n\nPiotr LIS, "
               "kierownik szkoły – sekretarz;\n\nUdział w Kółku wynosił sto koron.")
    body = "organisation:kolko rolnicze"
    held = roles_held(doc)
    assert {("person:adam wrona", "przewodniczący", body), ("person:jan sowa", "skarbnik", body),
            ("person:piotr lis", "sekretarz", body)} <= held, held


def test_a_delegation_in_its_composition_is_no_board():
    doc = read("Delegacja Oddziału Stowarzyszenia Przyjaciół Borek w składzie:\n\n– Jan Sowa – prezes\n\n"
               "– Adam Lis – przewodniczący Komisji Rewizyjnej\n\nprzyjechała do Lipna.")
    assert ("person:adam lis", "przewodniczący") not in {(p, r) for p, r, o in roles_held(doc)
                                                          if o.startswith("organisation:oddzial")}, roles_held(doc)


def test_a_boards_officers_are_the_bodys_whose_name_the_board_shortens():
    doc = read("W 1999 roku powstał Klub Sportowy LZS „Orlik” w Borkach. Klub wybrał Zarząd Klubu w składzie: prezes "
               "Jan Sowa, skarbnik Adam Lis. W 2000 roku Zarząd Klubu LZS „Orlik” złożył wniosek o rejestrację.")
    held = roles_held(doc)
    club = next(k for k, e in doc._.entities.items() if e.name.startswith("Klub Sportowy"))
    assert {("person:jan sowa", "prezes", club), ("person:adam lis", "skarbnik", club)} <= held, held


def test_a_portfolio_capitalised_as_offices_are():
    doc = read("W spotkaniu wzięli udział dr hab. Jan Kos Prorektor ds. Nauki UL w Lipnie oraz Adam Lis, prorektor "
               "ds. Studenckich Uniwersytetu Lipnickiego. Przyjechali też Ewa Wrona, radna miasta Borki do spraw "
               "kultury, Pani Anna Sowa, nauczycielka, i inni.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert {("person:jan kos", "prorektor"), ("person:adam lis", "prorektor")} <= held, held
    assert ("person:anna sowa", "radny") not in held, held


def test_offices_after_the_side_of_a_body_are_that_bodys():
    # the other side's principal ("Rektora UL") named earlier in the sentence does not make them his deputies
    doc = read("Wizyta Władz Rektorskich Uniwersytetu Lipnickiego w Akademii Boreckiej w Borkach. Rektor AB w Borkach – "
               "prof. Jan Kos, gościł Rektora Uniwersytetu - prof. Adama Nowaka oraz Prorektorów: prof. Beatę Wilk. W "
               "spotkaniu uczestniczyli także: pełnomocnik Rektora UL prof. Piotr Wrona, a ze strony AB w Borkach: "
               "Prorektor prof. Adam Lis oraz Kanclerz mgr Ewa Sowa.")
    held = roles_held(doc)
    assert {("person:adam lis", "prorektor", "organisation:akademia borecka"),
            ("person:ewa sowa", "kanclerz", "organisation:akademia borecka")} <= held, held


def test_founders_listed_after_belonging_to_their_number_founded_the_body():
    # "Do założycieli Koła należeli: …": the founders' office, and each founded the body
    doc = read("Koło Łowieckie „Sarna” w Borkach założono w 1950 roku. Do założycieli Koła należeli: Jan Kos, Adam Lis "
               "(jedyny żyjący z założycieli) i Piotr Wrona. Jan Sowa należał do Rady Gminy Borki.")
    club = "organisation:kolo lowieckie sarna"
    founders = {r.object for r in doc._.relations if r.predicate == "founder" and r.subject == club}
    assert founders == {"person:jan kos", "person:adam lis", "person:piotr wrona"}, doc._.relations
    assert ("person:jan sowa", "założyciel") not in {(p, r) for p, r, _ in roles_held(doc)}


def test_a_town_in_the_locative_is_no_office():
    # "w Opatowie" is no plural of "opat"
    held = {(p, r) for p, r, _ in roles_held(read("Prezes KŁ „Cyranka” w Opatowie Jan Kos powitał gości."))}
    assert held == {("person:jan kos", "prezes")}, held


def test_a_name_going_on_after_the_states_acronym():
    doc = read("Prezes Związku Kombatantów RP i Byłych Więźniów Politycznych Jan Kos odwiedził Konsulat Generalny RP i "
               "Ambasadę RP.")
    assert {"Związek Kombatantów RP i Byłych Więźniów Politycznych", "Konsulat Generalny RP", "Ambasada RP"} \
        <= entity_names(doc, "organisation"), doc._.entities


def test_the_person_an_active_verb_appoints_holds_the_office_not_its_subject():
    doc = read("Burmistrz Jan Wrona mianował Adama Lisa dyrektorem Domu Kultury w Borkach. Ojciec Prowincjał, Piotr "
               "Sowa OP mianował na trzyletnią kadencję o. Marka Gila OP przeorem Konwentu św. Jana w Lipnie.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert {("person:adam lis", "dyrektor"), ("person:marek gil", "przeor")} <= held, held
    assert not {("person:jan wrona", "dyrektor"), ("person:piotr sowa", "przeor")} & held, held


def test_numbered_holders_with_their_home_village_in_brackets():
    doc = read("Orkiestra Dęta OSP Borki powstała w 1927 roku.\nKapelmistrzowie Orkiestry Dętej od 1927 roku:\n\n"
               "1. Jan Wrona (Lipnik)\n2. Adam Lis - od 1937r. do 1939r.\n3 Piotr Sowa - od 1945r. do 1996r.\n\n"
               "Orkiestra grała na wszystkich uroczystościach.")
    held = {p for p, r, _ in roles_held(doc) if r == "kapelmistrz"}
    assert held == {"person:jan wrona", "person:adam lis", "person:piotr sowa"}, roles_held(doc)


# --- session 67 ---------------------------------------------------------------------------------------------

def test_a_guild_master_is_an_office_only_before_his_guild():
    # "starszy" is also the comparative of "stary": an office only before the genitive of a guild or brotherhood
    doc = read("Sprawozdanie odczytał Starszy Cechu Rzemiosł Różnych w Lipnie Marek Kos, a podstarszy Jan Lis "
               "podziękował gościom. Starszy brygadier Adam Wrona i starsi mieszkańcy Lipna złożyli kwiaty.")
    held = roles_held(doc)
    body = "organisation:cech rzemiosl roznych"
    assert {("person:marek kos", "starszy", body), ("person:jan lis", "podstarszy", body)} <= held, held
    assert not any(p == "person:adam wrona" for p, _, _ in held), held


def test_a_club_named_by_the_acronym_of_its_kind_and_a_quoted_name():
    # "Klub HDK": the acronym of what the club gathers, then the club's own name in quotes; "Zarząd PTTK „X”" is
    # still the board of the body the acronym and the quotes name
    doc = read("Dyplomy otrzymały Klub HDK „Kropla Nadziei” z Lipnika i Odlewnia Żeliwa „Lipno”. Wiceprezes Zarządu "
               "PTTK „Wędrowiec” Jan Sowa podziękował.")
    orgs = entity_names(doc, "organisation")
    assert {"Klub HDK „Kropla Nadziei”", "Odlewnia Żeliwa „Lipno”", "PTTK „Wędrowiec”"} <= orgs, doc._.entities
    assert entity_names(doc, "place") == {"Lipnik"}, doc._.entities


def test_a_cross_of_a_body_or_a_decoration_is_no_place():
    # SGJP knows "Krzyż" as a village and "Czerwone" as another: an adjective-led name ending in a decoration's
    # noun that GeoNames does not know is no place ("Krzyż Wielkopolski" is)
    doc = read("Klub działa pod szyldem Polskiego Czerwonego Krzyża. Jan Kos otrzymał Krzyż Kawalerski. "
               "Adam Lis mieszka w Krzyżu Wielkopolskim.")
    assert entity_names(doc, "place") == {"Krzyż Wielkopolski"}, doc._.entities


def test_an_inflected_town_of_two_words_opening_with_a_common_word():
    # "Górze" is a common noun (and a town of its own): "w Górze Kalwarii" names one town, as GeoNames writes it
    doc = read("Klub powstał w Górze Kalwarii, a jego członkowie pochodzą też z Kamiennej Góry.")
    assert entity_names(doc, "place") == {"Góra Kalwaria", "Kamienna Góra"}, doc._.entities


def test_a_foreign_named_burgomaster_of_the_only_town_a_history_names():
    # a German burgomaster of a Silesian town in the 19th century: the text names no town or country abroad, so
    # his office is of the town it is about; a mayor with a Czech given name is no such (he may be a guest's)
    doc = read("Miasto Lipno rosło szybko. Nic dziwnego, że gospodarz miasta, burmistrz Ottomar Krause, "
               "poszukiwał nowoczesnych rozwiązań.")
    assert ("person:ottomar krause", "burmistrz", "place:lipno") in roles_held(doc), roles_held(doc)
    doc = read("Miasto Lipno rosło szybko. Gości przywitał burmistrz Pavel Dvorak.")
    assert not any(p == "person:pavel dvorak" for p, _, _ in roles_held(doc)), roles_held(doc)
    doc = read("Lipno od lat współpracuje z miastem partnerskim. Gości przywitał burmistrz Ottomar Krause.")
    assert not any(p == "person:ottomar krause" for p, _, _ in roles_held(doc)), roles_held(doc)  # a guest's


def test_founders_listed_on_whose_initiative_and_none_before_an_agentless_verb():
    # "z inicjatywy X, Y i Z": each is a founder; "powstało" has no agent, so a chronicler named before it is none
    doc = read("Kronika spisywana przez Annę Wronę zawiera tekst: „Koło Emerytów w Borkach powstało w 1972 r. z "
               "inicjatywy Józefa Sowy, Antoniego Kosa i ks. Piotra Lisa”.")
    founders = {o for s, p, o in ((r.subject, r.predicate, r.object) for r in doc._.relations) if p == "founder"}
    assert founders == {"person:jozef sowa", "person:antoni kos", "person:piotr lis"}, doc._.relations


def test_an_office_taken_up_told_in_the_historical_present():
    doc = read("Koło Emerytów w Borkach powstało w 1972 r. W grudniu 1990 r. funkcję przewodniczącego Koła "
               "przejmuje Zdzisław Wrona.")
    held = roles_held(doc)
    assert ("person:zdzislaw wrona", "przewodniczący", "organisation:kolo emerytow") in held, held


def test_a_list_of_heads_under_the_offices_two_names_with_years_after_a_dash():
    # "Kierownicy - dyrektorzy": the office under its older and its later name (the later one is read); each line
    # a holder, a dash and the years of the term
    doc = read("Miejską Bibliotekę Publiczną w Borkach otwarto w 1946 r.\n\nKierownicy - dyrektorzy\n\n\n"
               "Jan Kos - 1946-1950\nAdam Lis - 2011 - nadal\n\nBiblioteka mieści się w ratuszu.")
    held = {(m.person, m.role.label, m.date) for m in doc._.memberships}
    assert held == {("person:jan kos", "dyrektor", "1946"), ("person:adam lis", "dyrektor", "2011")}, held


def test_a_body_named_in_quotes_right_after_the_office():
    doc = read("Wśród gości był Jan Kos, redaktor naczelny „Gazety Lipnickiej”, i burmistrz Lipna Adam Lis.")
    held = roles_held(doc)
    assert ("person:jan kos", "redaktor naczelny", "organisation:gazeta lipnicka") in held, held


def test_an_aside_on_the_person_before_the_dash_and_the_office():
    doc = read("Pierwszy zjazd Ligi odbył się w 1928 roku w Lipnie. Na zjeździe wybrano Zarząd Główny, w którego skład "
               "weszli: prof. Jan Kos (mineralog i petrograf) – przewodniczący, dr Adam Lis (botanik) – sekretarz i "
               "Piotr Sowa (pedagog, krajoznawca) – skarbnik.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert {("person:jan kos", "przewodniczący"), ("person:adam lis", "sekretarz"),
            ("person:piotr sowa", "skarbnik")} <= held, held


def test_a_portfolio_written_with_a_slash():
    doc = read("Przemawiali: prof. Jan Kos prorektor d/s Studenckich Uniwersytetu w Lipnie, prof. Adam Lis.")
    held = roles_held(doc)
    assert ("person:jan kos", "prorektor", "organisation:uniwersytet w lipnie") in held, held


def test_a_call_sign_or_a_heading_in_capitals_after_a_surname_is_no_part_of_the_name():
    doc = read("Na zebraniu byli Artur Kos SQ9ABC i Henryk Lis SP9XYZ. Komandorem jest Jacek Zieliński YACHT KLUB. "
               "Była też Maria Anna KOWALSKA.")
    assert entity_names(doc, "person") == {"Artur Kos", "Henryk Lis", "Jacek Zieliński", "Maria Anna Kowalska"}, \
        doc._.entities


def test_an_aeroclub_and_a_league_of_two_adjectives_are_bodies():
    doc = read("Aeroklub Lipnicki powstał w 1957 r. Działa też Liga Morska i Rzeczna oraz Gmina Borki i Borki.")
    orgs = entity_names(doc, "organisation")
    assert {"Aeroklub Lipnicki", "Liga Morska i Rzeczna"} <= orgs, doc._.entities
    assert "Rzeczna" not in entity_names(doc, "place") and not any(" i " in o for o in orgs - {"Liga Morska i Rzeczna"}), \
        doc._.entities


def test_a_common_word_after_a_body_is_no_holders_name():
    # "Ziemia Lubawska" ends the association's name: a common noun and an adjective, no person
    doc = read("Członkiem Stowarzyszenia Lokalnej Grupy Działania Ziemia Borecka jest gmina Lipnik.")
    assert entity_names(doc, "person") == set(), doc._.entities


def test_a_commodore_of_a_sailing_club():
    doc = read("Regaty otworzył Komandor Klubu Żeglarskiego „Żagiel” Ryszard Kos. Do zarządu Klubu weszli: Jacek Lis "
               "-Komandor Klubu, Krzysztof Sowa -V-ce Komandor, Adam Wrona – skarbnik.")
    held = roles_held(doc)
    body = "organisation:klub zeglarski zagiel"
    assert {("person:ryszard kos", "komandor", body), ("person:jacek lis", "komandor", body),
            ("person:krzysztof sowa", "wicekomandor", body)} <= held, held


def test_a_list_of_heads_of_the_body_the_lines_before_call_by_its_noun():
    # the lines before the list say "biblioteką" (in lower case): the library named last, not the office named twice
    doc = read("Bibliotekę zorganizowano przy Inspektoracie Szkolnym w Lipnie. Inspektorat Szkolny dał jej lokal. "
               "W 1946 r. otwarto Miejską Bibliotekę Publiczną w Lipnie. Pierwszą kierowniczką była Anna Sowa. Przez "
               "60 lat biblioteką zarządzało 5 dyrektorów.\n\nDyrektorzy\n\nJan Kos - 1950-1960\nAdam Lis - 1960-1970\n\n"
               "W 1970 r. powstała Powiatowa Biblioteka Publiczna.")
    held = {(p, r, o) for p, r, o in roles_held(doc) if r == "dyrektor"}
    body = "organisation:miejska biblioteka publiczna"
    assert held == {("person:jan kos", "dyrektor", body), ("person:adam lis", "dyrektor", body)}, held


def test_a_longer_village_name_than_the_one_geonames_knows():
    doc = read("Strażacy z OSP w Nowej Wsi Książęcej przyjechali do Lipna.")
    assert entity_names(doc, "place") == {"Nowa Wieś Książęca", "Lipno"}, doc._.entities


def test_the_acronym_of_a_body_every_village_has_then_its_village():
    doc = read("W gminie działają: KGW Dąbrówka, KGW Gieczno i KGW Kębliny. Przyjechali strażacy z OSP Wola Jachowa.")
    assert {"KGW Dąbrówka", "KGW Gieczno", "KGW Kębliny", "OSP Wola Jachowa"} <= entity_names(doc, "organisation"), \
        doc._.entities


def test_a_general_meeting_and_a_verb_opening_the_sentence_are_no_part_of_a_body():
    doc = read("Odbyło się Walne Zgromadzenie Sprawozdawcze Koła PZW Lipnik. Powstała Federacja Klubów Sportowych.")
    assert entity_names(doc, "organisation") == {"Koło PZW Lipnik", "Federacja Klubów Sportowych"}, doc._.entities


def test_a_school_by_its_acronym_and_patron_or_seat():
    doc = read("Podziękowano Tomaszowi Kosowi, dyrektorowi LO im. Adama Mickiewicza w Lipnie, i Annie Lis, dyrektor "
               "ZS w Borkach. Uczniowie z LO przyjechali.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert {("person:tomasz kos", "dyrektor"), ("person:anna lis", "dyrektor")} <= held, roles_held(doc)
    assert "LO im. Adama Mickiewicza" in entity_names(doc, "organisation"), doc._.entities


def test_the_holder_a_relative_clause_names_after_an_aside():
    doc = read("Zjazd Związku Literatów wybrał Prezesa Związku, którym został (na piątą kadencję) Marek Kos.")
    assert ("person:marek kos", "prezes", "organisation:zwiazek literatow") in roles_held(doc), roles_held(doc)


def test_the_person_appointed_to_a_post_holds_it_not_the_one_who_appoints():
    doc = read("Z dniem 1 marca 2024 r. Dyrektor Regionalnej Dyrekcji Lasów Państwowych w Lipnie Pan Tomasz Kos "
               "powołał Pana Artura Lisa na stanowisko Nadleśniczego Nadleśnictwa Borki.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert ("person:artur lis", "nadleśniczy") in held and ("person:tomasz kos", "nadleśniczy") not in held, held


def test_an_office_the_person_is_released_from_was_held_by_them():
    doc = read("Biskup zadekretował następujące zmiany:\n- Ks. Hubert Kos – odwołany z urzędu proboszcza Parafii św. "
               "Jacka w Lipnie; przejście na emeryturę.\n- Ks. Jan Lis – mianowany proboszczem Parafii św. Anny w Borkach.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert {("person:hubert kos", "proboszcz"), ("person:jan lis", "proboszcz")} <= held, roles_held(doc)


def test_a_term_of_office_between_the_office_and_the_copula():
    # "na kolejną 5-letnią kadencję": how long, passed over as "przez 20 lat" is; the copula after it names the holder
    doc = read("Walne zebranie Koła Gospodyń Wiejskich w Lipniku odbyło się w marcu. Przewodniczącą na kolejną 5-letnią "
               "kadencję została Jadwiga Kos.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert ("person:jadwiga kos", "przewodniczący") in held, roles_held(doc)


def test_a_common_word_in_a_heading_of_capitals_is_no_acronym_of_a_body():
    doc = read("GMINA LIPNIK ZAPRASZA\n\nKULTURA W LIPNIKU\n\nW gminie działają: KGW Dąbrówka i LO w Lipniku.")
    assert entity_names(doc, "organisation") == {"KGW Dąbrówka", "LO"}, doc._.entities


# --- session 68 ---------------------------------------------------------------------------------------------
def test_an_office_of_a_body_in_prose_is_no_list_heading_for_the_next_line():
    # the line before is a sentence with a verb, not a list's line ("Prezes: A" / "Skarbnik: B"): the next line's
    # offices are of the body that line names, not of the embassy or the country named in the sentence before
    doc = read("W uroczystości uczestniczyli m.in. Sekretarz Ambasady Węgier w Polsce Adam Kos oraz Konsul Honorowy "
               "Republiki Słowackiej w Lipnie Jan Wrona.\nZrzeszenie Kupców w Lipnie reprezentowali: Prezes Jan Lis "
               "oraz Wiceprezes Ewa Sowa\nKonsulat mieści się w centrum Lipna.")
    held = roles_held(doc)
    assert ("person:jan lis", "prezes", "organisation:zrzeszenie kupcow") in held, held
    assert ("person:ewa sowa", "wiceprezes", "organisation:zrzeszenie kupcow") in held, held


def test_offices_of_forest_districts_courts_and_old_towns():
    held = roles_held(read("Na emeryturę odszedł Pan Zygmunt Kos - Zastępca Nadleśniczego Nadleśnictwa Borki. "
                           "W składzie Sądu Powiatowego w Lipnie było dwóch adiunktów: Edmund Wrona i Henryk Lis. "
                           "Gości przyjął wicegubernator obwodu lwowskiego Adam Sowa. W 1520 r. rajcą Sandomierza był Jan Kruk."))
    assert {("person:zygmunt kos", "zastępca nadleśniczego", "organisation:nadlesnictwo borki"),
            ("person:edmund wrona", "adiunkt", "organisation:sad powiatowy"),
            ("person:henryk lis", "adiunkt", "organisation:sad powiatowy"),
            ("person:adam sowa", "wicegubernator", "organisation:obwod lwowski"),
            ("person:jan kruk", "rajca", "place:sandomierz")} <= held, held


def test_a_signature_under_an_office_after_degrees_or_the_mark_of_a_signed_copy():
    head = ("Zarządzenie Nr 12/2020 Wójta Gminy Rudka z dnia 5 maja 2020 r. w sprawie konsultacji w Rudce.\n"
            "Zarządzenie wchodzi w życie z dniem podjęcia.\n")
    for signature in ("WÓJT GMINY\nmgr inż. Jerzy Kowal", "Wójt Gminy Rudka\n/-/ Jerzy Kowal",
                      "Wójt Gminy Rudka\n(-) mgr Jerzy Kowal"):
        held = {(p, r) for p, r, _ in roles_held(read(head + signature))}
        assert ("person:jerzy kowal", "wójt") in held, (signature, held)


def test_an_office_taken_up_by_a_demonstrative_is_no_founders():
    # "funkcję tę przejął": the office the one before held, not her founding of the body named beside it
    doc = read("Warsztat Terapii Zajęciowej w Lipniku powstał w 1994 roku. Pierwszym kierownikiem Warsztatu była "
               "założycielka WTZ mgr Czesława Kos i sprawowała tę funkcję przez rok. Następnie funkcję tę przejął "
               "mgr Adam Lis.")
    held = {(p, r) for p, r, _ in roles_held(doc)}
    assert ("person:adam lis", "kierownik") in held and ("person:adam lis", "założyciel") not in held, held
    assert ("person:czeslawa kos", "kierownik") in held, held


def test_a_workshop_is_a_body_in_the_singular_and_an_event_in_the_plural():
    doc = read("Warsztat Terapii Zajęciowej w Lipniku gościł uczestników. W maju odbyły się tam Warsztaty Teatralne.")
    assert entity_names(doc, "organisation") == {"Warsztat Terapii Zajęciowej"}, doc._.entities


def test_members_who_entered_a_board_are_its_bodys_board_members():
    # "do Zarządu weszli:" as "W skład Zarządu weszli:"; a board of no name of its own, or of the body's name, is that
    # body's ("członek zarządu" of the society)
    for sentence in ("Pierwszym prezesem Zarządu Towarzystwa został Gustaw Kos. Ponadto do Zarządu weszli: Antoni Lis, "
                     "Wacław Wrona i Adam Sowa.",
                     "W skład Zarządu weszli: Antoni Lis, Wacław Wrona i Adam Sowa.",
                     "W skład Zarządu Towarzystwa Kredytowego weszli: Antoni Lis, Wacław Wrona i Adam Sowa."):
        held = roles_held(read("Towarzystwo Kredytowe w Lipniku powstało w 1903 roku. " + sentence))
        assert {(p, "członek zarządu", "organisation:towarzystwo kredytowe")
                for p in ("person:antoni lis", "person:waclaw wrona", "person:adam sowa")} <= held, (sentence, held)


def test_a_letter_to_a_board_lists_no_members():
    held = roles_held(read("Towarzystwo Kredytowe w Lipniku powstało w 1903 roku. Do zarządu wpłynęło pismo: "
                           "Antoni Lis prosi o pomoc."))
    assert not held, held


def test_a_style_of_address_and_a_titles_adjective_are_no_part_of_a_name():
    doc = read("Statut zatwierdził J.E. Ks. Biskup Diecezjalny Jan Kos, a J. Em. ks. kard. Adam Lis przysłał list.")
    assert entity_names(doc, "person") == {"Jan Kos", "Adam Lis"}, doc._.entities


def test_a_unit_of_caritas_and_the_offices_of_catholic_associations():
    doc = read("W parafii działa Parafialny Zespół Caritas. Przewodniczącym Parafialnego Zespołu Caritas został Adam "
               "Kos. Asystentem kościelnym Oddziału Parafialnego Akcji Katolickiej w Lipniku był ks. Jan Lis. "
               "Moderatorem Ruchu Światło-Życie w Lipniku był ks. Piotr Wrona.")
    held = roles_held(doc)
    assert {("person:adam kos", "przewodniczący", "organisation:parafialny zespol caritas"),
            ("person:jan lis", "asystent kościelny", "organisation:oddzial parafialny akcji katolickiej"),
            ("person:piotr wrona", "moderator", "organisation:ruch swiatlo-zycie")} <= held, held


def test_a_board_of_a_head_shared_by_several_bodies_is_of_the_one_named_most():
    doc = read("Koło Terenowe PTTK powstało w 1990 roku. Koło Terenowe połączyło się z Kołem nr 5 przy Oddziale. "
               "Koło Terenowe liczy 300 członków.\n\nZarząd Koła wybrany 29 listopada 2016 r.:\n\nprezes Zarządu Jan Kos")
    held = roles_held(doc)
    assert any(p == "person:jan kos" and r == "prezes" and o.startswith("organisation:kolo terenowe")
               for p, r, o in held), held


def test_a_village_in_the_next_cell_of_a_flattened_table_ends_the_name():
    doc = read("Członkinie Koła Gospodyń Wiejskich\nlp.ImięNazwiskomiejscowość\n1. Maria Kowal Ludwinowo\n"
               "2. Anna Sowa Stanisławowo\n3. Ewa Lis Szadki")
    assert {"Maria Kowal", "Anna Sowa", "Ewa Lis"} <= entity_names(doc, "person"), doc._.entities


def test_an_office_opening_a_sentence_of_a_biographical_entry_is_the_entrys_person():
    held = roles_held(read("Skład rady:\n3. Józef Kos (1885-1974). Ur. w Lipniku. Górnik, działacz społeczny. Poseł "
                           "na Sejm Śląski (1922-1935).\n4. Jan Lis (1876-1924). Rolnik w Czechowicach. Wójt Czechowic "
                           "(1917-1922)."))
    assert {("person:jozef kos", "poseł", "organisation:sejm slaski"),
            ("person:jan lis", "wójt", "place:czechowice")} <= held, held


def test_an_office_opening_a_sentence_names_no_holder_outside_an_entry():
    # a paragraph of prose, not an entry that opens with its person
    held = roles_held(read("W 1990 roku przyjechał do nas Jan Lis z żoną. Wójt Czechowic (1917-1922)."))
    assert ("person:jan lis", "wójt", "place:czechowice") not in held, held
