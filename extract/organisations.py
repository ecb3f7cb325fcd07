"""Organisations: a capitalised head noun (stowarzyszenie, izba, muzeum, …) with its capitalised adjectives and
complements ("Szkoła Podstawowa nr 2 w Opolu"), an acronym or a name in another language after it as an alias;
acronyms SGJP knows as bodies; territorial units named by their noun ("Gmina X", "Powiat Y"). Units named in lower
case or by an adjective are read in `territorial_units.py`."""

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from .gazetteer import gazetteer
from .lexicon import lexicon
from .linker import COMMON_NOUN_RULE
from .morphology import analyses, chosen, lemma_set
from .names import (BILATERAL, FOREIGN_PLACE_ADJECTIVE, acronym_stem, fold, is_acronym, organisation_base, role_at,
                    surname_only, tidy, unknown_to_sgjp)
from .name_words import (ANY_CASE, DASH_JOINERS, INITIAL, NUMBER_WORDS, ORG, QUOTES_CLOSE, QUOTES_OPEN, ROMAN,
                         agrees_with, allcaps, cap, geo, given_name, is_country, model_persons, name_cases,
                         place_adjective, starts_sentence, two_towns_across, NameRules)

INSTITUTION_CLASSES = {"nazwa_instytucji", "nazwa_organizacji"}  # SGJP's classes of a body's name
UNIT_NUMBER = re.compile(r"\d{1,3}\.?")
QUOTED_NAME = re.compile(r"(?:[„\"«]|,,)([^”\"»„«]{2,60})[”\"»]")  # a name in quotes: „Krakowiacy”, "Echo", «Mazury»


def unit_number_before(doc: Doc, s: int, start: int) -> int:
    """How many tokens the number before s takes that opens a unit's name: 1 for "12" ("12 Batalion"), 2 for "10"
    and its ordinal period ("10. Brygada"), else 0."""
    if s - 1 >= start and UNIT_NUMBER.fullmatch(doc[s - 1].text):
        return 1
    if s - 2 >= start and doc[s - 1].text == "." and not doc[s - 2].whitespace_ \
            and UNIT_NUMBER.fullmatch(doc[s - 2].text):
        return 2
    return 0


class OrganisationRules(NameRules):
    def _legal_form(self, doc: Doc, i: int, end: int) -> int:
        """How many tokens a company's legal form at i takes ("Sp. z o.o.", "S.A.", "GmbH"), else 0."""
        written = ""
        for n in range(1, min(5, end - i + 1)):
            written += doc[i + n - 1].lower_
            if written in self.legal_forms:
                return n
        return 0

    def organisations(self, doc: Doc, start: int, end: int) -> list[Span]:
        found = []
        i = floor = start  # floor: no name reaches back past a meeting read before ("Walne Zgromadzenie Sprawozdawcze")
        while i < end:
            if not (self.is_head(doc[i]) or self._dedicated(doc, i, end)) or self._towns_plural(doc[i]) \
                    or self._plural_of_singular_head(doc[i]) or self._gathered_plural(doc[i]) and not (
                    i + 1 < end and doc[i + 1].lower_ in ("im.", "imienia", "nr", "nr.")):  # but "Szkół im. X": one complex
                i += 1
                continue
            head = i
            s = i
            # the head's readings but the vocative: a name is not called to ("Starszy Cechu" is the guild elder)
            nouns = [a._replace(cases=a.cases - {"voc"}) for a in analyses(doc[head]) if a.pos == "subst"]
            while s - 1 >= floor and cap(doc[s - 1]) and not starts_sentence(doc[s - 1]) and not self.blocked(doc, s - 1) \
                    and (any(a.pos == "adj" for a in analyses(doc[s - 1])) and agrees_with(doc[s - 1], nouns)
                         or (unknown_to_sgjp(doc[s - 1]) or self._surname_only(doc, s - 1))
                         and FOREIGN_PLACE_ADJECTIVE.search(doc[s - 1].text)):
                s -= 1  # "w Sali Rycerskiej Ratusza": an adjective of another noun is no part of the name;
                # "Młynowskie Gimnazjum": a foreign town's adjective SGJP lacks, by its ending; "Wroniecka Orkiestra
                # Dęta": a town's adjective SGJP knows only as a surname
            if s - 1 >= start and starts_sentence(doc[s - 1]) and cap(doc[s - 1]) and not self.blocked(doc, s - 1) \
                    and not lemma_set(doc[s - 1]) & self.qualifiers and not any(  # "Nowy Zarząd": no name's word;
                        a.pos in ("praet", "fin") for a in analyses(doc[s - 1])) and (  # "Powstała Federacja": a verb
                    any(a.pos == "adj" for a in analyses(doc[s - 1])) and (agrees_with(doc[s - 1], nouns) or not nouns)
                    or unknown_to_sgjp(doc[s - 1]) and FOREIGN_PLACE_ADJECTIVE.search(doc[s - 1].text)):
                s -= 1
            if s < head and s - 1 >= start and cap(doc[s - 1]) and doc[s - 1].lower_.endswith("o") \
                    and any(a.pos == "adv" for a in analyses(doc[s - 1])):
                s -= 1  # "Polsko Niemiecka Współpraca Młodzieży": a compound adjective written without its hyphen
            if s - 1 >= start and ROMAN.match(doc[s - 1].text) and doc[s - 1].text.isupper():
                s -= 1  # "I Liceum Ogólnokształcące": a school's number
            elif s - 1 >= start and self.head_lemma(doc[head]) in self.numbered_heads \
                    and (number := unit_number_before(doc, s, start)):
                s -= number  # "12 Batalion Saperów", "12. Brygada Zmechanizowana", "3 Drużyna Harcerska": its number
            if s == head and self.head_lemma(doc[head]) in self.foreign_heads:
                while s - 1 >= start and cap(doc[s - 1]) and unknown_to_sgjp(doc[s - 1]):
                    s -= 1  # "Deutsches Bergbau-Museum", "Kauno Jono Gimnazija": the words before a foreign
                    # head, in its language
            if s - 1 >= start and lemma_set(doc[s - 1]) & self.place_heads and not cap(doc[s - 1]):
                i += 1  # "dzielnica Nowa Huta": a place named like an organisation
                continue
            if any(lemma_set(t) & self.assembly_adjectives for t in doc[s:head]):
                i += 1  # "Walne Zgromadzenie Członków": a meeting of the body, no body
                while i < end and cap(doc[i]) and any(a.pos == "adj" for a in analyses(doc[i])):
                    i += 1  # "Walne Zgromadzenie Sprawozdawcze Koła X": the meeting's adjectives too
                floor = i
                continue
            if s == head and s - 1 >= start and self.demonstrative(doc[s - 1]) \
                    and self.head_lemma(doc[head]) in self.territorial:
                i += 1  # "Wójta tejże Gminy Switłanę X": the unit named before, a person after it
                continue
            e = i + 1
            aliases: list[str] = []
            role_end = s - 2 if s - 3 >= start and doc[s - 1].lower_ == "i" and lemma_set(doc[s - 2]) & self.town_nouns \
                else s  # "Burmistrz Miasta i Gminy X": the office before the other unit's noun
            if head == s and role_end - 2 >= start and doc[role_end - 1].lower_ == "do" \
                    and (r := role_at(doc, role_end - 2)) is not None and r[1] == role_end - 1:
                role_end -= 1  # "Posła do Parlamentu Europejskiego Adama X": the office, then where it sits
            office = head == s and role_end > start and self.genitive(doc[head]) \
                and role_at(doc, role_end - 1) is not None  # "Wójt Gminy"
            head_nominative = chosen(doc[head]) is not None and "nom" in chosen(doc[head]).cases and not office \
                and all("nom" in a.cases for k in range(s, head) if (a := chosen(doc[k])) is not None)
            # "dyrektor Powiatowego Centrum X Anna Y": an adjective in another case tells the head's
            office_cases = frozenset(c for a in analyses(doc[role_end - 1]) for c in a.cases) if office else frozenset()
            held = s > start and role_at(doc, s - 1) is not None and not (  # "Naczelnik Wydziału Kultury": an office
                s - 2 >= start and doc[s - 2].text in DASH_JOINERS)  # of the body; "X – przewodniczący Y": X holds it
            foreign = doc[head].lower_ in self.foreign_heads  # "Université Claude Bernard Lyon 1": names, not a person
            while e < end:
                t = doc[e]
                if e > head + 1 and (form := self._legal_form(doc, e, end)):
                    e += form  # "Przedsiębiorstwo Wodociągów i Kanalizacji Sp. z o.o.", "X S.A.": the company's form ends it
                    break
                if ROMAN.match(t.text) and cap(doc[e - 1]) and e > head + 1:
                    if e + 1 < end and doc[e + 1].lower_ in self.term_words:
                        break  # "Rady Powiatu X VI kadencji", "… I kadencji": the council's term
                    e += 1  # "im. Jana Pawła II"
                    continue
                if t.lower_ in NUMBER_WORDS and e + 1 < end and doc[e + 1].text[:1].isdigit() and len(doc[e + 1].text) <= 4:
                    e += 2  # "Szkoła Podstawowa nr 12", "Gimnazjum Nr 1": the number is part of the name
                    continue
                if t.text in self.state_acronyms and e > head + 1:
                    e += 1  # "Konsulat Generalny RP": of the state, part of the name, no alias
                    if e + 1 < end and doc[e].lower_ == "i" and cap(doc[e + 1]) and self.genitive(doc[e + 1]) \
                            and not self.is_head(doc[e + 1]) and not self.blocked(doc, e + 1):
                        e += 1  # "Związek Kombatantów RP i Byłych Więźniów Politycznych": the name goes on
                        continue
                    break
                if allcaps(t) and is_acronym(t.text):
                    # "Zrzeszenie LZS", "Związek OSP": the head names a body by its acronym (not in a heading of capitals)
                    if e == head + 1 and s == head and self.head_lemma(doc[head]) in self.branch_heads \
                            and not allcaps(doc[head]) and t.text not in self.state_acronyms:
                        e += 1  # "Oddział PTTK „X”", "Koło PZW w Y": a branch of the body the acronym names
                        continue
                    if e == head + 1 and s == head:  # "Senat RP": an organ of the state, the state in its name
                        e += not allcaps(doc[head]) and not ROMAN.match(t.text) \
                            and (self.head_lemma(doc[head]) not in self.organ_heads or t.text in self.state_acronyms
                                 or self.head_lemma(doc[head]) in self.quoted_name_heads and e + 1 < end
                                 and doc[e + 1].text in QUOTES_OPEN)  # "Klub HDK „Kropla”": its own name
                        if e == head + 2 and e < end and doc[e].text in QUOTES_OPEN:
                            e = max(e, self._quoted_body_name_end(doc, e, end))  # "Stowarzyszenie LGD „Dolina X”"
                    elif self._parent_acronym(doc, s, e, head):
                        e += 1 + (e + 1 < end and doc[e + 1].text in self.state_acronyms)
                        e = self._town_of_branch(doc, e, end)  # "Wydział Promocji UM Gniezno"
                        e = max(e, self._quoted_body_name_end(doc, e, end))  # "Klub Strzelecki LOK „Cel”"
                    break
                if t.text in QUOTES_OPEN and e == head + 1 or t.text in QUOTES_OPEN and e > head + 1 and cap(doc[e - 1]):
                    if (quoted := self._quoted_body_name_end(doc, e, end)) > e:
                        e = quoted  # Fundacja „Pro Polonia”
                        if e + 1 < end and cap(doc[e]) and cap(doc[e + 1]) and not self.is_head(doc[e]):
                            break  # "Prezes Stowarzyszenia „X” Jan Y": a person after the quoted name
                        continue
                remit = 1 if t.lower_ == "ds." else 2 if t.lower_ == "na" and e + 1 < end and doc[e + 1].lower_ == "rzecz" \
                    and e > head else 0
                if remit and e + remit < end and self.head_lemma(doc[head]) not in self.territorial:
                    # "Stowarzyszenie ds. współpracy międzynarodowej", "Polskie Stowarzyszenie na Rzecz Osób
                    # z Niepełnosprawnością": its remit (a unit has none: "Powiatu ds. Europy")
                    k = e + remit
                    while k < min(end, e + remit + 6) and (doc[k].lower_ in ("i", "z", "ze") or (
                            doc[k].text[:1].islower() or remit == 2 and cap(doc[k])) and any(
                            a.pos in ("subst", "adj") for a in analyses(doc[k])) and not any(
                            a.pos in ("fin", "praet", "inf", "impt") for a in analyses(doc[k]))) \
                            and not (k + 1 < end and doc[k].lower_ == "i" and self.is_head(doc[k + 1])) \
                            and not (k + 1 < end and doc[k].lower_ in ("z", "ze") and geo(doc[k + 1])):
                        k += 1  # not "… i Stowarzyszenie X": another body; not "… z Kolna": where it is from
                    while k > e + remit and doc[k - 1].lower_ in ("i", "z", "ze"):
                        k -= 1  # "… Umysłowym z Kolna": the remit ends before the word that joins what follows
                    if k > e + remit or k < end and cap(doc[k]):
                        e = k
                        continue
                if e > head and (t.lower_ in self.dedications or t.lower_ in self.saints or t.lower_ in self.honorifics
                                 and e + 1 < end and lemma_set(doc[e + 1]) & self.sacred_names):
                    k = e + 1  # "Parafia pw. św. Jana", "Parafia Miłosierdzia Pana Jezusa": a church's dedication
                    while k < end and (doc[k].lower_ in self.saints or doc[k].lower_ in self.dedications):
                        k += 1
                    if k < end and lemma_set(doc[k]) & self.sacred_names:
                        e = k + 1
                        while e < end and lemma_set(doc[e]) & self.sacred_names:
                            e += 1  # "Pana Jezusa Chrystusa"
                        continue
                    if k < end and doc[k].text in QUOTES_OPEN and (quoted := self._quoted_body_name_end(doc, k, end)) > k:
                        e = quoted  # "parafii pw. „Najświętszego Serca”": the dedication in quotes
                        continue
                    if k < end and cap(doc[k]):
                        e = max(self._name_run(doc, k, end), self.unit_end(doc, k))
                        while e < end and lemma_set(doc[e]) & self.sacred_names:  # "Matki Bożej Częstochowskiej"
                            e = max(e + 1, self._name_run(doc, e + 1, end)) if e + 1 < end else e + 1
                        if e + 1 < end and doc[e].lower_ in ("z", "ze") and cap(doc[e + 1]) and (
                                "gen" in {c for a in analyses(doc[e + 1]) for c in a.cases} or unknown_to_sgjp(doc[e + 1])):
                            e = self._name_run(doc, e + 1, end)  # "św. Jana z Dukli", "św. Bernarda z Clairvaux": the
                            # saint's own town
                        continue
                if (patron := self._patron_end(doc, e, end)) is not None:
                    e = patron
                    continue
                if e > head + 1 and self.head_lemma(doc[head]) in self.territorial \
                        and lemma_set(t) & self.state_of_country:
                    break  # "z Gminą X Republiki Łotewskiej": the unit's country after its name, no part of it
                if t.lower_ == "i" and e == head + 2 and e + 1 < end and cap(doc[e + 1]) \
                        and self.head_lemma(doc[head]) not in self.territorial and "-" not in doc[e + 1].text \
                        and any(a.pos == "adj" for a in analyses(doc[e - 1])) \
                        and any(a.pos == "adj" for a in analyses(doc[e + 1])) and agrees_with(doc[e + 1], [
                            a for a in analyses(doc[head]) if a.pos == "subst"]) \
                        and not (e + 2 < end and cap(doc[e + 2]) and self.is_head(doc[e + 2])):
                    e += 2  # "Klub Sportowy i Turystyczny": a second adjective of the head joined to the first (not
                    continue  # "Towarzystwa Polsko-Fińskiego i Fińsko-Polskiego": two societies)
                if t.text in DASH_JOINERS and e + 1 < end and e > head + 1 and self.name_word(doc, e + 1) \
                        and not (e + 2 < end and self._person_in_case(doc, e + 1, ANY_CASE)) and not INITIAL.match(doc[e + 1].text) \
                        and e + 1 not in model_persons(doc) and not is_country(doc[e + 1]) \
                        and role_at(doc, e + 1) is None \
                        and not (self.head_lemma(doc[head]) in self.territorial and two_towns_across(doc, e)):
                    # not "Domu Kultury – Jan Lis", "– E. Brok", "Gminy X – Wójt", "Powiatem X – Niemcy": a person, an
                    # office or the country after the dash; nor "Okręg X - Y": a unit and its partner town
                    e = self.unit_end(doc, e + 1)
                    continue
                if t.lower_ in self.place_particles and e > head + 1 and cap(doc[e - 1]) and not doc[e - 1].is_upper:
                    k = e
                    while k < end and doc[k].lower_ in self.place_particles and k < e + 2:
                        k += 1
                    if k < end and cap(doc[k]) and unknown_to_sgjp(doc[k]):
                        e = self.unit_end(doc, k)  # "Powiat Osterode am Harz": a foreign town's particle and its river
                        continue
                if foreign and t.like_num and e > head + 1 and cap(doc[e - 1]):
                    e += 1
                    continue
                if e > head and INITIAL.match(t.text) and e + 1 < end and cap(doc[e + 1]) \
                        and self.name_word(doc, e + 1) and not lemma_set(doc[e - 1]) & self.city_nouns:
                    break  # "radny Rady Powiatu J. Kowalski": a person by an initial after the body's name (but "Urząd
                    # Miasta T.Teplic": the town's name abbreviated)
                if not foreign and (self.given_name_nominative(t) and not head_nominative or self.given_name_not_genitive(t)
                                    or e > head + 1 and e + 1 < end and self.genitive(doc[e - 1]) and self._person_starts(doc, e)
                                    or e > head + 1 and e + 1 < end and self._person_starts(doc, e)
                                    and self.head_lemma(doc[head]) in self.territorial  # "Gmina X Jan Y"
                                    or e == head + 2 and e + 1 < end and self.head_lemma(doc[head]) in self.territorial
                                    and agrees_with(doc[e - 1], nouns) and unknown_to_sgjp(t) and cap(doc[e + 1])
                                    and not agrees_with(t, nouns)  # "Rejonu Lipnickiego Eglė X": the unit named by its
                                    # adjective is whole, a foreign name after it a person's
                                    or e == head + 1 and self._person_in_case(doc, e, office_cases)
                                    or e == head + 1 and "inst" in office_cases
                                    and self._person_in_case(doc, e, frozenset({"nom"}))  # "członkami Zarządu
                                    # [zostali] Anna X": the holder of an office in the instrumental is in the nominative
                                    or office and e > head + 1 and self.genitive(doc[e - 1]) and "gen" in office_cases
                                    and "nom" not in office_cases and self._person_in_case(doc, e, frozenset({"gen"}))
                                    or e == head + 1 and self.head_lemma(doc[head]) in self.one_word_bodies
                                    and self._person_in_case(doc, e, ANY_CASE)
                                    or held and (e > head + 1 or head > s) and self.foreign_holder(doc, e, end)
                                    or office and e > head + 1 and self._surname_first_in_case(doc, e, office_cases)):
                    break  # "Przewodniczący Stowarzyszenia Marek Nowak", "rektor Uniwersytetu X Janem Y", "przewodnicząca
                    # Rady Miasta Gorzowa Krystyna Sibińska", "przez Wójta Gminy Jana Nowaka", "przewodniczącego Rady
                    # Powiatu Lipnickiego Wiesława Nowaka": a person
                if t.lower_ in ("z", "ze") and e > head + 1 and e + 1 < end and cap(doc[e + 1]) and not geo(doc[e + 1]) \
                        and not self.blocked(doc, e + 1) and chosen(doc[e + 1]) is not None \
                        and chosen(doc[e + 1]).pos == "subst" and not chosen(doc[e + 1]).proper:
                    e += 2  # "Biuro Współpracy z Zagranicą": a common noun, not a place the office is from
                    continue
                if t.text == "," and e > head + 1 and (last := self._enumerated_complement(doc, e, end)):
                    e = self.unit_end(doc, last)  # "Wydział Kultury, Sportu i Turystyki": one department's matters
                    continue
                towns = e > head and lemma_set(doc[e - 1]) & self.town_nouns  # "Związek Miast i Gmin X"
                if t.lower_ == "i" and e + 1 < end and cap(doc[e + 1]) and not geo(doc[e + 1]) and self.genitive(doc[e + 1]) \
                        and not self.given_name_nominative(doc[e + 1]) \
                        and not (e + 2 < end and self._person_starts(doc, e + 1)) \
                        and not (e + 2 < end and self.is_head(doc[e + 2]) and any(a.pos == "adj" for a in analyses(doc[e + 1]))) \
                        and (towns and lemma_set(doc[e + 1]) & self.town_nouns or not self.blocked(doc, e + 1)
                             or e > head + 1 and self._plural_genitive(doc[e - 1]) and self._plural_genitive(doc[e + 1])
                             or e > head + 1 and self._closing_matter(doc, e, end)):
                    # "Związek Kół i Klubów": two plural complements, though the second names bodies too; "Wydział
                    # Prawa i Administracji": a matter closing the name, though a body's head too
                    # "Fundacja Rozwoju Miasta i Wspierania Inicjatyw", "Stowarzyszenie Miast i Gmin Partnerskich";
                    # but "Rady Gminy i Gminnego Ośrodka Kultury" names a second body, an adjective and its head
                    # ("Miasta i Gminy X Jan Y": past the unit's noun only, the name after it read word by word); not
                    # "Marszałek Województwa i Anna Popa, Przewodnicząca …": a person, given name and surname
                    e = e + 2 if towns and lemma_set(doc[e + 1]) & self.town_nouns else self.unit_end(doc, e + 1)
                    continue
                if t.lower_ == "i" and e == head + 2 and e + 1 < end and self._apposed_pair(doc, head, e):
                    e += 2  # "Fundacja Wolność i Demokracja": a name of two nouns in the nominative, whatever the head's case
                    break  # and no more: "Fundacji Wolność i Demokracja «Projekt X»" names a project after it
                if cap(t) and e == head + 1 and self.head_lemma(doc[head]) in self.staff_bodies \
                        and (r := role_at(doc, e)) is not None and self.genitive(t):
                    e = r[1]  # "Biuro Wojewody Lubuskiego", "Kancelaria Prezydenta RP": the office's staff, its name
                    continue
                if cap(t) and e > head and (r := role_at(doc, e)) is not None and t.lower_ == r[0].label:
                    break  # "w sali Ratusza Burmistrz Miasta X": an office named in the nominative, its holder the subject
                if cap(t) and e > head and role_at(doc, e) is not None and any(
                        "gen" in a.cases and "pl" in a.numbers for a in analyses(t)) and not self.given_name_nominative(t):
                    e += 1  # "Krajowe Stowarzyszenie Sołtysów", "Związek Burmistrzów": whom the body gathers
                    continue
                if e > head + 1 and e in model_persons(doc) and not doc[e].text.endswith(".") and not self._place_like(doc, e):
                    break  # "Rada Miejska Danny X", "Merostwa La Valette Remi Y": a person the model reads begins
                if not foreign and e == head + 1 and e in model_persons(doc) and self.given_name_nominative(t) \
                        and e + 1 < end and cap(doc[e + 1]):
                    break  # "posłanka na Sejm Ewa Wrona": a given name and a surname, the holder after the body
                if e == head + 1 and t.lower_ in self.parent_body_names and cap(t):
                    e += 1  # "Parafialny Zespół Caritas": a unit of the body named after its head
                    continue
                if e == head + 1 and self.head_lemma(doc[head]) in self.apposed_name_heads \
                        and self._apposed_adjective(doc, e, end):
                    e += 2  # "Stowarzyszenia Lipnicka Grupa Działania": the association's own name, in the nominative
                    continue
                apposed = e > head and self.is_head(t) and not self.genitive(t) and (
                    self.head_lemma(doc[e - 1]) in self.apposed_name_heads  # "Stowarzyszenia Euroregion X"
                    or self.head_lemma(doc[head]) in self.apposed_name_heads and all(  # "Stowarzyszenia Gmin
                        self._plural_genitive(doc[k]) or doc[k].lower_ == "i"  # Euroregion X": whom it gathers, then
                        for k in range(head + 1, e)))  # its own name
                if cap(t) and (not self.blocked(doc, e) or self.is_head(t) and self.genitive(t) or apposed) \
                        and not (allcaps(t) and is_acronym(t.text)):
                    e = self.unit_end(doc, e)
                    continue
                break
            if e - s >= 2 and e + 1 < end and self._country_of_a_body(doc, s, e, head):
                e += 2  # "Stowarzyszenie Polaków na Łotwie", "Ambasada RP w Chile": the country is part of the name
                e = self._quoted_body_name_end(doc, e, end)  # "… na Litwie „Macierz Szkolna”": and its own name
            seat = e - s == 1 and e + 1 < end and doc[e].lower_ in ("w", "we") and cap(doc[e + 1]) \
                and not self.blocked(doc, e + 1) and not starts_sentence(doc[head]) \
                and not self._opens_body(doc, e + 1, end)
            compound = e - s == 1 and doc[head].lower_ != self.head_lemma(doc[head]) \
                and self.head_lemma(doc[head]) in self.compound_heads  # "Gerkenschule", "Landesmuseum": named in one word
            if e - s < 2 and not seat and not compound:
                i = e
                continue
            span = Span(doc, s, e, label=ORG)
            span._.base_form = organisation_base(list(span), head - s, self.heads)
            if seat:  # "Uniwersytet w Lejdzie", "Muzeum w Gliwicach": named by the head and its seat, the town a
                # place of its own
                seat_end = self.seat_end(doc, e + 1, end)
                span._.base_form = f"{span._.base_form} {doc[e:seat_end].text}"
                aliases.append(doc[s:seat_end].text)
            span._.rule = "org-head"
            span._.head = self.head_lemma(doc[head])
            if not seat and e + 1 < end and doc[e].lower_ in ("w", "we") and cap(doc[e + 1]) \
                    and not self.blocked(doc, e + 1) and not self._opens_body(doc, e + 1, end):
                # "Rada Miejska w Kcyni": also known by its name with its seat, as written (the town stays a place)
                aliases.append(f"{span._.base_form} {doc[e:self.seat_end(doc, e + 1, end)].text}")
                if span._.head in self.dedicated_heads:  # "parafia św. Anny w Lipnie": many parishes share a
                    span._.base_form, aliases[-1] = aliases[-1], span._.base_form  # dedication, the town tells which
            e2 = self._aliases(doc, e, end, aliases)
            span._.aliases = aliases
            found.append(span)
            i = max(e2, e)
        return found

    def _parent_acronym(self, doc: Doc, s: int, e: int, head: int) -> bool:
        """ "Komenda Powiatowa PSP", "Orkiestra Dęta MOK": a body of several words, then the acronym of the body it
        belongs to, part of its name; not its own initials ("Miejski Ośrodek Kultury MOK"), nor after a unit or an
        association (whose acronym is its own, often in its members' language), nor a word written in capitals."""
        acronym = doc[e].text
        unit = self.head_lemma(doc[head]) in self.territorial and not self._common_matter(doc[head + 1])
        return not allcaps(doc[head]) and not ROMAN.match(acronym) and not unit \
            and self.head_lemma(doc[head]) not in self.apposed_name_heads \
            and "".join(t.text[0] for t in doc[s:e] if cap(t)).upper() != acronym.upper() \
            and any(a.pos == "ign" or a.lemma.isupper() for a in analyses(doc[e]))  # not a word in capitals ("SIĘ")

    @staticmethod
    def _common_matter(t) -> bool:
        """A common noun in the genitive after a unit's noun: "Departament Kultury", an office's department and no
        French département."""
        readings = analyses(t)
        return bool(readings) and all(a.pos == "subst" and not a.proper for a in readings) \
            and any("gen" in a.cases for a in readings)

    def _country_of_a_body(self, doc: Doc, s: int, k: int, head: int) -> bool:
        """ "na Litwie", "w Ameryce" after the name of a Polish body abroad ("Stowarzyszenie Polaków na Łotwie",
        "Polska Misja Katolicka w Chile", "Ambasada RP w Chile"): the country it works in names it. Not
        after a unit's body or a body not named Polish ("Rada Rejonu X na Ukrainie", "Chór X na Litwie": where it
        is or went); no other capitalised word after the country's name but a person's, the holder of an office
        of the body ("Przewodniczący Związku Polaków na Białorusi Jan X")."""
        if doc[k].lower_ not in ("na", "w", "we") or self.head_lemma(doc[head]) in self.territorial \
                or not any(lemma_set(t) & self.polish_words for t in doc[s:k]):
            return False
        country = doc[k + 1]
        return cap(country) and is_country(country) and not lemma_set(country) & self.polish_words \
            and any("loc" in a.cases for a in analyses(country)) \
            and not (k + 2 < len(doc) and cap(doc[k + 2]) and not self._person_starts(doc, k + 2))

    @staticmethod
    def _surname_only(doc: Doc, i: int) -> bool:
        """A word SGJP knows only as a surname, with no capitalised word before it (no given name)."""
        return surname_only(doc[i]) and not (i > 0 and cap(doc[i - 1]))

    def _dedicated(self, doc: Doc, i: int, end: int) -> bool:
        """A head in lower case before its dedication: "parafii św. Anny", "parafia pw. Ducha Świętego", "parafią
        Matki Bożej" (a capitalised genitive that names no place); or before its seat alone: "parafii w Lipnie"."""
        if i + 1 >= end or not lemma_set(doc[i]) & self.dedicated_heads or self.head_lemma(doc[i]) not in self.dedicated_heads:
            return False
        t = doc[i + 1]
        return t.lower_ in self.dedications or t.lower_ in self.saints or bool(lemma_set(t) & self.sacred_names) \
            or cap(t) and self.genitive(t) and not geo(t) and not self.blocked(doc, i + 1) \
            or t.lower_ in ("w", "we") and i + 2 < end and cap(doc[i + 2]) and not self.blocked(doc, i + 2) \
            or cap(t) and geo(t) and self._nominative(t) and not self.blocked(doc, i + 1)  # "parafii Lipno"

    @staticmethod
    def _quoted_body_name_end(doc: Doc, i: int, end: int) -> int:
        """Past a body's own name in quotation marks opening at i after its full name ("Fundacja „Pro Polonia”"), or
        i: up to nine words, the first capitalised."""
        if i >= end or doc[i].text not in QUOTES_OPEN or i + 1 >= end or not cap(doc[i + 1]):
            return i
        closing = QUOTES_CLOSE | ({"“"} if doc[i].text == "„" else set())  # „Macierz Szkolna“, closed German style
        close = next((k for k in range(i + 1, min(end, i + 10)) if doc[k].text in closing), None)
        return close + 1 if close is not None and close > i + 1 else i

    def _enumerated_complement(self, doc: Doc, comma: int, end: int) -> int:
        """ ", Sportu i Turystyki" after "Wydział Kultury": common nouns in the genitive (with their adjectives),
        each capitalised, a body's head among them only as a matter, joined by commas and closed by "i" or "oraz"
        within a few words. The index of the closing matter, else 0."""
        def matter(t, last: bool = False) -> bool:
            # a body's head noun is a matter too in the plural ("Samorządami Gmin, Powiatów i Województw"), and last
            # in the singular where no name follows it ("Ministerstwo Rozwoju, Robót Publicznych i Administracji")
            head_as_matter = self._plural_genitive(t) or last and (
                t.i + 1 >= len(doc) or not cap(doc[t.i + 1]) or geo(doc[t.i + 1]))
            if self.is_head(t):  # "Kółek" is a village's name too, but only a plural genitive of "kółko": a matter;
                # "Straży" may be one guard's: a body of its own ("Policji, Straży Granicznej i Straży Więziennej")
                common = [a for a in analyses(t) if a.pos == "subst" and not a.proper and "gen" in a.cases]
                plural_only = bool(common) and all(a.numbers == {"pl"} for a in common)
                return cap(t) and head_as_matter and (reading := chosen(t)) is not None and reading.pos == "subst" \
                    and (not geo(t) and not reading.proper or plural_only)
            # another matter may be a word SGJP also knows as a town's name ("Zdrowia": a village so named) or a verbal
            # noun ("Pozyskiwania i Rozliczania Środków"): its common reading in the genitive is what counts
            return cap(t) and any(a.pos in ("subst", "ger") and not a.proper and "gen" in a.cases for a in analyses(t))
        if not (cap(doc[comma - 1]) and self.genitive(doc[comma - 1])):
            return 0
        k = comma
        while k + 1 < end and k < comma + 8 and doc[k].text == "," and matter(doc[k + 1]):
            k += 2
            while k < end and cap(doc[k]) and self.genitive(doc[k]) and any(a.pos == "adj" for a in analyses(doc[k])):
                k += 1  # "Programów Pomocowych": the matter's adjective
        closed = k > comma and k + 1 < end and doc[k].lower_ in ("i", "oraz") and matter(doc[k + 1], last=True)
        return k + 1 if closed else 0

    @staticmethod
    def _nominative(t) -> bool:
        """A name that may be in the nominative: a town's name in apposition ("parafii Lipno")."""
        return any(a.pos == "subst" and "nom" in a.cases for a in analyses(t))

    @staticmethod
    def _plural_genitive(t) -> bool:
        return any(a.pos == "subst" and "gen" in a.cases and a.numbers == {"pl"} for a in analyses(t))

    def _aliases(self, doc: Doc, i: int, end: int, aliases: list[str]) -> int:
        """Acronyms and other-language names right after an organisation name, or after its seat
        ("Muzeum Górnictwa w Zabrzu (MGW)")."""
        if i + 2 < end and doc[i].lower_ in ("w", "we") and cap(doc[i + 1]):
            seat_end = self.unit_end(doc, i + 1)
            if seat_end < end and doc[seat_end].text == "(":
                before = len(aliases)
                after = self._aliases(doc, seat_end, end, aliases)
                return after if len(aliases) > before else i
        while i < end:
            t = doc[i]
            if allcaps(t) and is_acronym(t.text) and t.text not in self.state_acronyms and not ROMAN.match(t.text):
                # "RP" is no body's alias, nor "II" of "Rady Powiatu X II kadencji": the council's term
                aliases.append(t.text)
                i += 1
                continue
            if t.text == "(":
                close = next((k for k in range(i + 1, min(end, i + 12)) if doc[k].text == ")"), None)
                if close is None:
                    break
                inner = [x for x in doc[i + 1:close] if x.lower_ not in self.renames]
                if inner and all(cap(x) or x.is_punct or x.text in self.particles for x in inner) and cap(inner[0]) and not any(
                        lemma_set(x) & self.months for x in inner) and not (len(inner) == 1 and geo(inner[0])) \
                        and inner[0].lower_ not in self.state_heads:
                    # "Towarzystwo Przyjaciół Miasta X (Szkocja)", "Województwo Y (Republika Słowacka)": a country or
                    # town in brackets says where, no alias
                    aliases.append(tidy("".join(x.text_with_ws for x in inner)))
                    i = close + 1
                    continue
            break
        return i

    def titles(self, doc: Doc) -> set[int]:
        """Words of a title in quotes after an event noun (konferencja „Miasta Hanzy w Europie”):
        no names of their own."""
        out = set()
        for t in doc:
            if t.text in QUOTES_OPEN and t.i > 0 and lemma_set(doc[t.i - 1]) & self.event_nouns:
                close = next((k for k in range(t.i + 1, min(len(doc), t.i + 20)) if doc[k].text in QUOTES_CLOSE), None)
                if close is not None:
                    out.update(range(t.i + 1, close))
        return out

    def _renames(self, doc: Doc, spans: list[Span]) -> None:
        """ "X zmieniło nazwę na Y": Y is another name of X."""
        orgs = sorted((s for s in spans if s.label_ == ORG), key=lambda s: s.start)
        for a, b in zip(orgs, orgs[1:]):
            between = doc[a.end:b.start]
            if 0 < len(between) <= 8 and a.sent.start == b.sent.start and (
                    doc[b.start - 1].lower_ == "na" and any(lemma_set(t) & self.rename_nouns for t in between)
                    or doc[b.start - 1].lower_ == "jako" and any(lemma_set(t) & self.former_name_verbs for t in between)):
                a._.aliases = [*(a._.aliases or []), b._.base_form, *(b._.aliases or [])]

    def named_after_head(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """ "klub piłkarski Olimpia Elbląg", "z zespołem Mazowsze", "chór „Kantata”": an organisation's own name in the
        nominative after a common head noun in lower case and its adjectives, where the statistical
        NER reads an organisation too (a genitive after the noun is its complement: "rada Miasta X")."""
        found = []
        spans = doc.user_data.get("kronika.ner_organisations")
        if spans is None:  # (start, end) of the NER's organisations, in order: asked once per sentence
            spans = doc.user_data["kronika.ner_organisations"] = [(e.start, e.end) for e in doc.spans.get("ner", [])
                                                                   if e.label_ == ORG]
        for seen_start, seen_end in spans[bisect_left(spans, (start,)):bisect_left(spans, (end,))]:
            for j in range(seen_start, seen_end):  # the name: from the first capitalised word the NER took
                if cap(doc[j]):
                    break
            i = j - 1
            quoted = i > start and doc[i].text in QUOTES_OPEN
            if quoted:
                i -= 1  # "zespół „Lipnianka”", "chór „Kantata”": the name in quotes, a name whatever its words
            while i > start and not cap(doc[i]) and any(a.pos == "adj" for a in analyses(doc[i])):
                i -= 1
            if quoted and j - i <= 3 and doc[i].is_lower and lemma_set(doc[i]) & self.quoted_name_heads \
                    and not lemma_set(doc[i]) & self.ensemble_heads:
                continue  # "drużyny „Jastrzębie”": the common noun and the quoted name, read as one by ensemble_names
            if i < start or cap(doc[i]) or self.head_lemma(doc[i]) is None or j in taken \
                    or not (self.name_word(doc, j) or quoted and cap(doc[j]) and not self.blocked(doc, j)) \
                    or "nom" not in (name_cases(doc[j]) or {"nom"}) or any(k in taken for k in range(j, min(seen_end, end))):
                continue
            stop = min(seen_end, end)
            stop = next((k for k in range(j + 1, stop) if role_at(doc, k) is not None), stop)  # "klubu MKS X
            # Prezesem wybrany został": the name ends where an office the NER took with it begins
            if quoted:  # the name ends at its closing quote, which the NER may or may not have taken
                stop = next((k for k in range(j + 1, min(end, j + 8)) if doc[k].text in QUOTES_CLOSE), None)
                if stop is None or stop > seen_end:
                    continue
            span = Span(doc, j, stop, label=ORG)
            span._.base_form, span._.rule, span._.aliases = tidy(span.text), "organisation-named-after-head", []
            span._.head = self.head_lemma(doc[i])
            found.append(span)
            taken.update(range(span.start, span.end))
        return found

    def named_by_seat(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """ "ze szkoły podstawowej w Lipnie", "dyrektor cukrowni w Borkach", "kopalnia „Wanda”": an institution a
        text names by its common noun in lower case, with its seat after "w" or its own name in quotes."""
        found = []
        for i in range(start, end):
            t = doc[i]
            if i in taken or not t.is_lower or not lemma_set(t) & self.seat_named_institutions:
                continue
            nouns = [a for a in analyses(t) if a.pos == "subst"]
            k = i + 1
            while k < min(end, i + 3) and doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k])) \
                    and not any(a.pos in ("praet", "fin") for a in analyses(doc[k])) and agrees_with(doc[k], nouns):
                k += 1  # "szkoły podstawowej"; not "szkoła powstała w X": a verb
            if k + 1 >= end or k in taken or any((a := chosen(doc[j])) is not None and a.numbers == {"pl"}
                                                 for j in range(i, k)):
                continue  # "szkoły podstawowe w X", "banki w Polsce": many
            if doc[k].text in QUOTES_OPEN and cap(doc[k + 1]):
                close = next((c for c in range(k + 2, min(end, k + 8)) if doc[c].text in QUOTES_CLOSE), None)
                if close is None:
                    continue
                span = Span(doc, i, close + 1, label=ORG)
                span._.base_form = f"{organisation_base(list(doc[i:k]), 0, self.heads)} {doc[k:close + 1].text}"
                span._.aliases = []
            elif doc[k].lower_ in ("w", "we") and cap(doc[k + 1]) and geo(doc[k + 1]) and not self.blocked(doc, k + 1) \
                    and not is_country(doc[k + 1]) and not self._opens_body(doc, k + 1, end) and k + 1 not in taken:
                seat = self.seat_end(doc, k + 1, end)
                span = Span(doc, i, k, label=ORG)  # the town stays a place of its own
                span._.base_form = f"{organisation_base(list(doc[i:k]), 0, self.heads)} {doc[k:seat].text}"
                span._.aliases = [doc[i:seat].text]
            else:
                continue
            span._.rule, span._.head = COMMON_NOUN_RULE, self.head_lemma(t) or t.lemma_
            found.append(span)
            taken.update(range(span.start, span.end))
        return found

    def ensemble_names(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """ "z zespołem Lipniczanie", "stowarzyszenia Złoty Kłos": a body named by its common noun in lower case, then its
        own name of one to three capitalised words SGJP knows in the nominative ("zespołu Jana X" is a person's; a
        foreign name runs on into whatever follows it: "stowarzyszenia X-Y Klaus Z")."""
        found = []
        for i in range(start, end - 1):
            if i in taken:
                continue
            if (quoted := self._quoted_ensemble(doc, i, end, taken)) is not None:
                found.append(quoted)
                taken.update(range(quoted.start, quoted.end))
                continue
            if not doc[i].is_lower or not lemma_set(doc[i]) & self.ensemble_heads:
                continue
            e = i + 1
            while e < min(end, i + 4) and e not in taken and cap(doc[e]) and not allcaps(doc[e]) \
                    and not given_name(doc[e]) and any("nom" in a.cases and "nazwisko" not in a.classes
                                                       for a in analyses(doc[e])):
                e += 1  # not "zespołu Sokoła": a surname of the nominative is a genitive's homonym
            if e == i + 1 or e < end and cap(doc[e]) or fold(doc[i + 1:e].text) in self._quoted_names(doc):
                continue  # no name, or one going on past what it may hold, or a body named in full in quotes
                # ("Zespół Pieśni i Tańca „Krakowiacy”" … "zespołu Krakowiacy")
            span = Span(doc, i, e, label=ORG)
            span._.base_form = f"{self.head_lemma(doc[i]) or doc[i].lemma_} {doc[i + 1:e].text}"
            span._.rule, span._.head, span._.aliases = "organisation-ensemble", self.head_lemma(doc[i]), [doc[i + 1:e].text]
            found.append(span)
            taken.update(range(i, e))
        return found

    def _quoted_ensemble(self, doc: Doc, i: int, end: int, taken: set[int]) -> Span | None:
        """ "chór „Kantylena”", "KGW „Złota Dolina”", "krąg instruktorski „Nadzieja”": a body's common noun in
        lower case (perhaps with its adjective), or the acronym of a body every village may have, then its own name in
        quotes, whatever its words (not a place's, a person's)."""
        head = doc[i]
        generic = allcaps(head) and fold(head.text) in self.generic_bodies
        if not (head.is_lower and lemma_set(head) & self.quoted_name_heads or generic):
            return None
        quote = i + 1
        if not generic and quote + 1 < end and doc[quote].is_lower and any(a.pos == "adj" for a in analyses(doc[quote])):
            quote += 1  # "krąg instruktorski „Nadzieja”": the body's adjective before its name
        e = self._quoted_body_name_end(doc, quote, end)
        if e == quote or any(k in taken for k in range(i, e)):
            return None
        name = doc[quote + 1:e - 1].text
        span = Span(doc, i, e, label=ORG)
        common = head.text if generic else organisation_base(list(doc[i:quote]), 0, self.heads) if quote > i + 1 \
            else self.head_lemma(head) or head.lemma_
        span._.base_form = f"{common} „{name}”"
        span._.rule, span._.head, span._.aliases = "organisation-ensemble", None if generic else self.head_lemma(head), [name]
        return span

    @staticmethod
    def _quoted_names(doc: Doc) -> set[str]:
        """The folded names the text writes in quotes, once per document."""
        if "kronika.quoted_names" not in doc.user_data:
            doc.user_data["kronika.quoted_names"] = {fold(m[1]) for m in QUOTED_NAME.finditer(doc.text)}
        return doc.user_data["kronika.quoted_names"]

    def bilateral_names(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """ "Polsko-Litewska Wymiana Uczniów": a body named by a capitalised adjective of two nations and the
        capitalised noun it agrees with (and the capitalised genitives after it), whatever that noun; not an
        event ("Polsko-Węgierskie Dni Kultury")."""
        found = []
        i = start
        while i + 1 < end:
            # "Polsko Niemiecka Współpraca": the compound adjective written without its hyphen, as two words
            split = i + 2 < end and cap(doc[i]) and doc[i].lower_.endswith("o") and i + 1 not in taken \
                and any(a.pos == "adv" for a in analyses(doc[i])) and any(a.pos == "adj" for a in analyses(doc[i + 1]))
            adjective, noun = doc[i + split], doc[i + 1 + split]
            if i in taken or i + 1 + split in taken or not (cap(adjective) and cap(noun)) \
                    or not any(a.pos == "adj" and (split or BILATERAL.fullmatch(a.lemma.lower())) for a in analyses(adjective)) \
                    or not agrees_with(adjective, [a for a in analyses(noun) if a.pos == "subst"]) \
                    or lemma_set(noun) & self.event_nouns or self.is_head(noun) or given_name(noun):
                i += 1  # "Wojewoda Kujawsko-Pomorski Adam X": an office's adjective, then its holder
                continue
            e = i + 2 + split
            while e < min(end, i + 5) and e not in taken and cap(doc[e]) and self.genitive(doc[e]) \
                    and not self.blocked(doc, e) and not geo(doc[e]):
                e += 1  # "Wymiana Uczniów"
            span = Span(doc, i, e, label=ORG)
            span._.base_form = organisation_base(list(span), 1 + split, self.heads)
            if split:
                span._.base_form = span._.base_form.replace(" ", "-", 1)
            span._.rule, span._.aliases, span._.head = "organisation-bilateral", [], None
            found.append(span)
            taken.update(range(i, e))
            i = e
        return found

    def one_word_names(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """ "Bundestagu", "Caritas", "w Sejmie": a body named by one word, which SGJP knows only as an institution's or
        an organisation's name, or which names one the state has (the lexicon's `one_word_bodies`); not an acronym
        (`acronyms`), no word of a longer name ("Mała Wieś", "Sali Senatu", "Caritas w Lipsku"; but "Marszałek
        Senatu Jan X": the holder's name after it), and not where the
        text names the body in full elsewhere ("Sejm RP": the word alone is linked to that name)."""
        found = []
        for i in range(start, end):
            t = doc[i]
            if i in taken or not cap(t) or len(t.text) < 4 or allcaps(t) or acronym_stem(t.text) not in (None, t.text) \
                    or i + 1 < end and (self._name_goes_on(doc, i) or doc[i + 1].lower_ in ("w", "we")) \
                    or i > start and cap(doc[i - 1]) and not starts_sentence(doc[i - 1]) \
                    and role_at(doc, i - 1) is None:
                continue
            readings = analyses(t)
            named = bool(readings) and all(a.classes and set(a.classes) <= INSTITUTION_CLASSES for a in readings)
            lemma = next((a.lemma for a in readings if a.lemma.lower() in self.one_word_bodies), None)
            lemma = lemma or named and readings[0].lemma
            if not lemma or lemma.lower() in self._longer_name_lemmas(doc):
                continue
            span = Span(doc, i, i + 1, label=ORG)
            span._.base_form = lemma[:1].upper() + lemma[1:]
            span._.rule, span._.aliases, span._.head = "organisation-one-word", [], lemma.lower()
            found.append(span)
            taken.add(i)
        return found

    def _longer_name_lemmas(self, doc: Doc) -> frozenset[str]:
        """The lemmas of the words that open a longer name somewhere in the text (asked once per document)."""
        found = doc.user_data.get("kronika.longer_name_lemmas")
        if found is None:
            found = doc.user_data["kronika.longer_name_lemmas"] = frozenset().union(
                *(lemma_set(x) for x in doc[:-1] if cap(x) and self._name_goes_on(doc, x.i)))
        return found

    @staticmethod
    def _name_goes_on(doc: Doc, i: int) -> bool:
        """A capitalised word after the one at i that is no person's ("Sejm RP", not "Marszałek Senatu Jan X")."""
        return cap(doc[i + 1]) and not given_name(doc[i + 1]) and i + 1 not in model_persons(doc)

    def acronyms(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """ "OSP Budzów", "z OSP w Kierlikówce", "PTTK": a body SGJP knows by its acronym (its class
        nazwa_organizacji, none geographical) is an organisation, never a place; the town named right
        after it in the nominative is part of the name, a seat after "w" an alias."""
        found = []
        for i in range(start, end):
            t = doc[i]
            readings = analyses(t)
            written = allcaps(t) and is_acronym(t.text.replace("-", "")) or sum(c.isupper() for c in t.text) >= 2 \
                and t.text.isalpha() and any("nazwa_organizacji" in a.classes for a in readings)  # "BCh"
            stem = None if written or i in taken else acronym_stem(t.text)  # "dyrektor MOSiR-u X": after an office
            # "z ZSRiT Nr 4 w Iławie": an acronym with a short number after it is an institution by its number
            by_number = i + 2 < end and doc[i + 1].lower_ in NUMBER_WORDS and doc[i + 2].text.isdigit() \
                and len(doc[i + 2].text) <= 3
            club = (stem or t.text) in self.club_acronyms  # "MKS-u X": a club's inflected acronym
            if i in taken or not (written or stem and (by_number or self._office_of_acronym(doc, i, start)
                                                       or club and i + 1 < end and cap(doc[i + 1]))):
                continue
            numbered = i > start and ROMAN.match(doc[i - 1].text) is not None and doc[i - 1].text.isupper() \
                and i - 1 not in taken
            patron = i + 2 < end and doc[i + 1].lower_ in ("im.", "imienia") and cap(doc[i + 2])
            school = t.text in self.school_acronyms and (numbered or by_number or patron)
            known = club or school or by_number or fold(t.text) in self.generic_bodies and i + 1 < end \
                and (unknown_to_sgjp(t) or any(a.lemma.isupper() for a in readings)) and (
                cap(doc[i + 1]) and geo(doc[i + 1])
                or i + 2 < end and doc[i + 1].lower_ in ("w", "we") and cap(doc[i + 2]) and geo(doc[i + 2])) \
                or any("nazwa_organizacji" in a.classes for a in readings) and (is_acronym(t.text) or not allcaps(t)) \
                or any("nazwa_instytucji" in a.classes for a in readings) and self._after_office(doc, i, start)
            # "KGW Dąbrówka", "LO w Lipnie": the acronym of a body every village or town has, then its seat; "LO im.
            # Jana X": a school by its patron (not "GMINA LIPNO", "KULTURA W …": a common word in a heading)
            if not (known or self._office_of_acronym(doc, i, start)) or geo(t) or (
                    i > start and self.head_lemma(doc[i - 1]) not in (None, *self.organ_heads)):
                continue  # "Związku OSP": the complement of a body's name; but "Zarządu OSP": the board of OSP
            e = i + 1
            if club and e < end and cap(doc[e]) and e not in taken:
                while e < min(end, i + 6) and e not in taken and cap(doc[e]) \
                        and doc[e].text.replace("-", "").isalpha() \
                        and not (e + 1 < end and (self._person_starts(doc, e) or given_name(doc[e]) and cap(
                            doc[e + 1]))) and e not in model_persons(doc) \
                        and role_at(doc, e) is None:  # "prezes MKS Jan Nowak", "RC Lubomír X": the person after it
                    e += 1  # "KS Pogoń Ruda Śląska", "MKS MOS Strzelce Opolskie": the club's name and town
            elif e + 1 < end and doc[e].lower_ in NUMBER_WORDS and doc[e + 1].text[:1].isdigit():
                e += 2  # "ZSP nr 2"
            elif e < end and e not in taken and self._acronym_after(doc[e]):
                while e < min(end, i + 4) and e not in taken and self._acronym_after(doc[e]):
                    e += 1  # "ZOSP RP", "ZOW ZOSP RP": a branch's acronym, then its parent's and the state's
            elif e not in taken:
                e = self._town_of_branch(doc, e, end)
            if (school or by_number) and e < end and e not in taken:
                e = self._patron_end(doc, e, end) or e  # "I LO im. Bolesława Krzywoustego": its patron's name too
            e = self._quoted_name_end(doc, e, end, taken) or e  # "NSZZ „Solidarność”", "LKS „Orzeł”": its own name
            if e == i + 1 and self.bodies_in_general(doc, i):
                continue
            if club and e == i + 1 and (stem or not any("nazwa_organizacji" in a.classes for a in readings)):
                taken.add(i)  # "Zlate Hory (RC)", "minister RC Jan X": a club's acronym names one only with its
                continue  # name after it, and is no part of the next name
            s = i - 1 if school and numbered else i  # "II LO", "SP nr 3": a school by its number
            span = Span(doc, s, e, label=ORG)
            span._.base_form, span._.rule, span._.head = tidy(" ".join([*(x.text for x in doc[s:i]), stem or t.text,
                                                                        doc[i + 1:e].text]).strip()), "organisation-acronym", None
            span._.aliases = [f"{span._.base_form} {doc[e:self.seat_end(doc, e + 1, end)].text}"] \
                if e + 1 < end and doc[e].lower_ in ("w", "we") and cap(doc[e + 1]) \
                and not self._opens_body(doc, e + 1, end) else []
            found.append(span)
            taken.update(range(i, e))
        return found

    def bodies_in_general(self, doc: Doc, i: int) -> bool:
        """ "10 jednostek OSP", "podziękowano prezesom OSP": the acronym of a body every village has, alone after a
        noun in the plural, names those bodies in general, none of them."""
        return fold(doc[i].text) in self.generic_bodies and i > 0 and doc[i - 1].is_lower \
            and (i + 1 >= len(doc) or not cap(doc[i + 1])) \
            and any(a.pos == "subst" for a in analyses(doc[i - 1])) \
            and all(a.numbers == {"pl"} for a in analyses(doc[i - 1]) if a.pos == "subst")

    @staticmethod
    def _quoted_name_end(doc: Doc, e: int, end: int, taken: set[int]) -> int | None:
        """Past a quoted name of one or two capitalised words right after an acronym ("NSZZ „Solidarność”")."""
        if e >= end or e in taken or doc[e].text not in QUOTES_OPEN:
            return None
        close = next((k for k in range(e + 2, min(end, e + 4)) if doc[k].text in QUOTES_CLOSE), None)
        if close is None or not all(cap(t) for t in doc[e + 1:close]):
            return None
        return close + 1

    def _patron_end(self, doc: Doc, e: int, end: int) -> int | None:
        """Where the patron's name after "im." (at e) ends: "im. prof. Edwarda Lipińskiego", "im. Kardynała Stefana
        Lisa", "im. Jana i Anny Lisów"."""
        if doc[e].lower_ not in ("im.", "imienia"):
            return None
        k = e + 1
        while k < end and (doc[k].lower_ in self.honorifics or lemma_set(doc[k]) & self.patron_titles):
            k += 1
        if k >= end or not cap(doc[k]):
            return None
        e = max(self._name_run(doc, k, end), self.unit_end(doc, k))  # the patron's whole name
        if e + 1 < end and doc[e].lower_ == "i" and not self.is_head(doc[e + 1]) and (
                INITIAL.match(doc[e + 1].text) or self.name_word(doc, e + 1)):
            e = self._name_run(doc, e + 1, end)  # two patrons
        return next((j for j in range(k + 1, e) if self._person_starts(doc, j)
                     and "nom" not in (name_cases(doc[j - 1]) or {"nom"})), e)  # "Szkoły im. A. Lisa Jan Kot": the
        # patron's name in the genitive ends where a person's in the nominative begins

    def _closing_matter(self, doc: Doc, e: int, end: int) -> bool:
        """ "Wydziału Prawa i Administracji, …": after "i" (at e) a body's head in the genitive, last of the name,
        joined to a matter in the genitive that is neither a body's head nor a town's noun: the name's second
        matter, not a second body ("Urzędu Miasta i Rady Miejskiej", "Zarządu Powiatu i Starostwa")."""
        after = e + 2
        return self.is_head(doc[e + 1]) and role_at(doc, e + 1) is None and self.genitive(doc[e - 1]) \
            and not self.blocked(doc, e - 1) and not lemma_set(doc[e - 1]) & self.town_nouns \
            and not any(a.proper for a in analyses(doc[e - 1])) and not unknown_to_sgjp(doc[e - 1]) \
            and not (after < end and (cap(doc[after]) or doc[after].is_lower and any(
                a.pos == "adj" for a in analyses(doc[after]))))

    def _apposed_adjective(self, doc: Doc, k: int, end: int) -> bool:
        """ "Stowarzyszenia Lipnicka Grupa Działania": an adjective in the nominative, and a body's head agreeing with
        it, open the association's own name in the nominative, whatever the case of "Stowarzyszenia"."""
        return k + 1 < end and cap(doc[k]) and self.is_head(doc[k + 1]) and not self.genitive(doc[k + 1]) \
            and any(a.pos == "adj" and "nom" in a.cases for a in analyses(doc[k])) \
            and agrees_with(doc[k], [a for a in analyses(doc[k + 1]) if a.pos == "subst" and "nom" in a.cases])

    def _apposed_pair(self, doc: Doc, head: int, joint: int) -> bool:
        """The two capitalised common nouns around "i" after a body's head stand in the nominative, not in the head's
        case nor as its genitive complement: the body's own name ("z Fundacją Wolność i Demokracja")."""
        def nominative_noun(k: int) -> bool:
            t = doc[k]
            return cap(t) and not geo(t) and not given_name(t) and not self.is_head(t) and not self.blocked(doc, k) \
                and any(a.pos == "subst" and not a.proper and "nom" in a.cases and "sg" in a.numbers for a in analyses(t)) \
                and not self.genitive(t)
        return nominative_noun(joint - 1) and nominative_noun(joint + 1) and (joint + 2 >= len(doc) or not cap(doc[joint + 2]))

    def _acronym_after(self, t) -> bool:
        return t.text in self.state_acronyms or allcaps(t) and is_acronym(t.text) and not geo(t)

    def _town_of_branch(self, doc: Doc, e: int, end: int) -> int:
        """Where a body named by an acronym ends, at e or past the town named right after it in the nominative
        ("OSP Budzów", "Wydział Kultury UM Gniezno"); not past a person ("prezes PTTK Jan Nowak")."""
        adjective_first = e + 1 < end and cap(doc[e + 1]) and geo(doc[e + 1]) and agrees_with(doc[e], [
            a for a in analyses(doc[e + 1]) if a.pos == "subst" and "nom" in a.cases])  # "OSP Nowy Dwór"
        if e < end and cap(doc[e]) and not allcaps(doc[e]) and (geo(doc[e]) and "nom" in (name_cases(doc[e]) or set())
                                                                 or adjective_first) \
                and not (e + 1 < end and self._person_starts(doc, e)) and e not in model_persons(doc):
            town = self.unit_end(doc, e)
            nouns = [a for a in analyses(doc[e]) if a.pos == "subst" and "nom" in a.cases]
            if town == e + 1 < end and cap(doc[town]) and town not in model_persons(doc) and (
                    agrees_with(doc[town], nouns) or agrees_with(doc[e], [
                        a for a in analyses(doc[town]) if a.pos == "subst" and "nom" in a.cases])):
                town += 1  # "OSP Wola Górna", "OSP Nowa Wieś": a town named by a noun and its adjective
            elif town == e + 1 < end and cap(doc[town]) and town not in model_persons(doc) and any(
                    entry.country in gazetteer().home for entry, how in gazetteer().places(doc[e:town + 1].text)
                    if how == "name"):
                town += 1  # "OSP Wola X": a village of two nouns, as GeoNames names it
            return town
        if e < end and cap(doc[e]) and not allcaps(doc[e]) and doc[e].is_alpha and unknown_to_sgjp(doc[e]) \
                and not given_name(doc[e]) and e not in model_persons(doc) and not (e + 1 < end and cap(doc[e + 1])):
            return e + 1  # "ZSiO Copernicanum": the school's own name, a word SGJP does not know, alone after it
        return e

    def _opens_body(self, doc: Doc, k: int, end: int) -> bool:
        """An adjective at k before a body's head: "w Ewangelickim Kościele X" names another body, no seat."""
        return k + 1 < end and any(a.pos == "adj" for a in analyses(doc[k])) and self.is_head(doc[k + 1])

    def seat_end(self, doc: Doc, k: int, end: int) -> int:
        """Where the town a body is seated in, named at k after "w", ends: "w Gliwicach"; with its adjective
        first, "w Starej Lubowli", "w Nowym Targu"; or after, "w Chełmsku Śląskim", "w Rycerce Górnej"."""
        j = self.unit_end(doc, k)
        if j < end and cap(doc[j]) and not self.blocked(doc, j) and any(a.pos == "adj" for a in analyses(doc[k])) \
                and not self.is_head(doc[k]) and any("loc" in a.cases or a.pos == "ign" for a in analyses(doc[j])):
            j = self.unit_end(doc, j)  # not "w Iłowej Anna Lis": the word after is in the locative, or unknown
        elif j == k + 1 < end and cap(doc[j]) and not self.blocked(doc, j) and not self.is_head(doc[j]) \
                and agrees_with(doc[j], [a for a in analyses(doc[k]) if a.pos == "subst" and "loc" in a.cases]):
            j += 1
        return j

    @staticmethod
    def _office_of_acronym(doc: Doc, i: int, start: int) -> bool:
        """ "prezes ZOPAK Jan Nowak", "wiceprezes SML-W Anna Lis": an acronym SGJP does not know as one (it may
        read the letters as a common word or a surname in another case: "PUP" as "pupa"), right after the
        office of a body (not a town's: "burmistrz XYZ" is rather a name), is the body's."""
        return not any(a.pos != "ign" and a.lemma.isupper() for a in analyses(doc[i])) \
            and OrganisationRules._after_office(doc, i, start)

    @staticmethod
    def _after_office(doc: Doc, i: int, start: int) -> bool:
        """Right after the office of a body, not a town's: "komendant WKU", "dyrektor MOSiR-u", or past the adjective
        of its town for a body every town has ("dyrektor lipnickiego MOK")."""
        generic = fold(doc[i].text) in lexicon().generic_organisation_words
        ends = {i, i - 1} if generic and i - 1 > start and place_adjective(doc[i - 1]) else {i}
        return any((r := role_at(doc, k)) is not None and r[1] in ends and not r[0].municipal
                   for k in range(max(start, i - 4), i))
