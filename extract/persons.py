"""Persons: an honorific, an initial, a role noun or a given name before capitalised words, or a surname in
capitals; a person's name ends where an organisation's or a role begins."""


from functools import lru_cache

from spacy.tokens import Doc, Span

from .dates import past_date
from .gazetteer import gazetteer
from .lexicon import lexicon
from .morphology import analyser, analyses, chosen, lemma_set
from .names import (acronym_stem, after_portfolio, family_surname, foreign_stems, is_acronym, person_base, role_at,
                    surname_of, unknown_to_sgjp)
from .name_words import (DASH_JOINERS, DOT_LEADER, INITIAL, PERSON, ROMAN, agrees_with, allcaps, cap, common_word,
                         geo, given_name, has_common_reading, has_proper_only, model_persons, name_cases, name_like,
                         place_adjective, starts_sentence, title_adjective, NameRules)


FEMININE_ENDINGS = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"), ("y", "a"), ("i", "a"))
NEUTER_ENDINGS = (("ski", "skie"), ("cki", "ckie"), ("dzki", "dzkie"), ("y", "e"), ("i", "ie"))
MASCULINE_CASE_ENDINGS = ("iem", "em", "u", "ie", "owi")  # a masculine noun's other cases beside the genitive -a


def list_item_start(doc: Doc, i: int) -> bool:
    """i opens a line, or a line's item after its number or bullet ("2. ", "- "), or an item numbered within a
    line ("1. Nowak Jan, prezes, 2. Lis Adam, …")."""
    k = i - 1
    if k >= 1 and doc[k].text == "." and doc[k - 1].like_num:
        k -= 2
        if k >= 0 and doc[k].text in (",", ";"):
            return True
    elif k >= 0 and doc[k].text in ("-", "–", "•", "*"):
        k -= 1
    return k < 0 or "\n" in doc[k].text or "\n" in doc[k].whitespace_


def surname_first(first, second) -> bool:
    """A surname (one SGJP knows only so, or a word it lacks) and then a given name in the nominative; a word both a
    surname and a given name before a given name that is no surname ("Karp Witold")."""
    surname = unknown_to_sgjp(first) or any("nazwisko" in a.classes for a in analyses(first))
    given = any("imię" in a.classes and "nom" in a.cases and "sg" in a.numbers for a in analyses(second))
    return surname and given and (not given_name(first) or not any("nazwisko" in a.classes for a in analyses(second)))


def listed_person_base(tokens, start: int) -> str:
    """The person's name in the nominative, given name first: a list item written surname first ("1. Nowak
    Jan – sołtys") turned round."""
    doc = tokens[0].doc
    if len(tokens) == 2 and list_item_start(doc, start) and surname_first(*tokens):
        tokens = tokens[::-1]
    base = person_base(tokens)
    last = base.rsplit(" ", 1)[-1]
    glued = last.rpartition("-")[2] if len(tokens) >= 2 and "-" in last.strip("-") else ""
    readings = analyser().analyse(glued) if glued[:1].isupper() else []
    if readings and (any(a.lemma.lower() in lexicon().roles for a in readings)
                     or all(a.pos == "adj" for a in readings)):
        base = base[: -len(glued) - 1]  # "Jan Lis-Członek Zarządu", "X-Nadzwyczajny i Pełnomocny Ambasador": a
        # hyphen for a dash, the office glued to the surname
    return base


def known_town(noun, adjective) -> bool:
    """A town GeoNames knows by a noun and an adjective agreeing with it, in any case: "Piotrkowa Kujawskiego" is
    Piotrków Kujawski, a noun SGJP knows as a place and as a given name, and an adjective that is also a surname."""
    return _known_town(noun.text, adjective.text)


@lru_cache(maxsize=20_000)
def _known_town(noun: str, adjective: str) -> bool:
    for a in analyser().analyse(noun):
        if "nazwa_geograficzna" not in a.classes:
            continue
        for b in analyser().analyse(adjective):
            if b.pos != "adj" or not (a.cases & b.cases) or not (a.numbers & b.numbers):
                continue
            base = b.lemma.capitalize()
            gender = next(iter(a.genders), "")  # "Mikołajek Pomorskich": a plural's adjective ends as a neuter's
            for old, new in FEMININE_ENDINGS if gender == "f" and "sg" in a.numbers else NEUTER_ENDINGS \
                    if gender == "n" or "pl" in a.numbers and "sg" not in a.numbers else ():
                if base.endswith(old):
                    base = base[: -len(old)] + new
                    break
            if any(how == "name" and entry.country in gazetteer().home for entry, how in
                   gazetteer().places(f"{a.lemma} {base}")):
                return True
    return False


class PersonRules(NameRules):
    def _two_given_names(self, doc: Doc, i: int, end: int) -> bool:
        """A given name, another in its case after it and a name word after both: a person, even where the first is
        also a village ("Jan": Jany)."""
        if i + 2 >= end or not self.name_word(doc, i + 2):
            return False
        first = [a for a in analyses(doc[i]) if "imię" in a.classes and "sg" in a.numbers]
        second = [a for a in analyses(doc[i + 1]) if "imię" in a.classes and "sg" in a.numbers]
        return any(a.cases & b.cases for a in first for b in second)  # not "sołtys Dąbrówki Ewa X": a village

    def persons(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        found = []
        i = start
        while i < end:
            t = doc[i]
            if i in taken:
                i += 1
                continue
            rule, s = None, i
            if i > start and doc[i - 1].lower_ in self.street_nouns and (given_name(t) or t.lower_ in self.honorifics):
                k = i
                while k < end and doc[k].lower_ in self.honorifics:
                    k += 1  # "ul. gen. Józefa Bema"
                e = max(self._name_run(doc, k, end), i + 1)
                taken.update(range(i, e))  # "przy ul. Jana Kilińskiego": a street's name, no person of the text
                i = e
                continue
            if t.lower_ in self.saints and (t.text.endswith(".") or i > start and (
                    doc[i - 1].pos_ in ("NOUN", "PROPN") or doc[i - 1].lower_ in ("pw.", "p.w.", "wezwaniem"))):
                # "parafii św. Mikołaja", "kościół pw. św. Jana": a thing's; "patronką jest św. Kinga": a saint,
                # no person the text tells of (the abbreviation always; "Święta Lipka" is a village)
                while i + 1 < end and doc[i + 1].lower_ in self.saints:
                    i += 1  # "kościele św. św. Piotra i Pawła"
                e = self._name_run(doc, i + 1, end)
                taken.update(range(i, e))
                i = e
                continue
            if t.lower_ in self.honorifics and not INITIAL.match(t.text) and not self._noun_not_title(doc, i, start) \
                    and i + 1 < end and (
                    cap(doc[i + 1]) or INITIAL.match(doc[i + 1].text)) and not (
                    is_acronym(doc[i + 1].text) and not (i + 2 < end and self.name_word(doc, i + 2))) \
                    and role_at(doc, i + 1) is None:  # "Pana Burmistrza": a title, then an office, no name
                # "Senator RP Jan X" names a person after the body's acronym; "Senator RP" alone does not
                rule, s = "person-honorific", i + 1
                if s + 2 < end and (place_adjective(doc[s]) or title_adjective(doc[s])) and given_name(doc[s + 1]) \
                        and self.name_word(doc, s + 2):
                    s += 1  # "Biskup Lipnicki Jan X", "Biskup Diecezjalny Jan Y": the see's or the office's adjective,
                    # then the name (not "p. Kowalski Jan.")
            elif INITIAL.match(t.text) and i + 1 < end and self.name_word(doc, i + 1):
                rule = "person-initial"
                if self._foreign_first_name(doc, i - 1, start, taken):
                    s = i - 1  # "oraz Hank W. Morrow": a given name SGJP does not know before the initial
            else:
                role = role_at(doc, i)
                if role or t.lower_ in self.successors:
                    k = past_date(doc, after_portfolio(doc, role[1], end), end) if role else i + 1
                    city_noun = k < end and bool(lemma_set(doc[k]) & self.city_nouns)
                    if city_noun:
                        k += 1  # "Prezydent Miasta Lublin Jan X": skip the noun "miasto"; the city's name follows
                    abroad = not city_noun and k + 1 < end and doc[k].is_lower and cap(doc[k + 1]) \
                        and bool(lemma_set(doc[k]) & self.country_adjectives)
                    k += abroad  # "ze starostą czeskiego Hronova Jiřím X": the town after its country's adjective
                    unit_end = doc.user_data.get("kronika.unit_ends", {}).get(k)
                    if abroad and (k2 := self._town_end(doc, k)) < end and self.name_word(doc, k2):
                        rule, s = "person-after-role", k2  # the holder after the town
                    elif abroad:
                        pass
                    elif k < end and lemma_set(doc[k]) & self.body_heads and (named := self._after_body(doc, k, end)):
                        rule, s = "person-after-role", named  # "naczelnik Wydziału Kultury Jan X": the body, its holder
                    elif k < end and self._portfolio(doc[k]) and not (unit_end is not None and unit_end < end):
                        pass  # "Minister Spraw Zagranicznych", "Minister Edukacji Narodowej": a portfolio, no person
                    elif unit_end is not None and unit_end < end and self.name_word(doc, unit_end):
                        rule, s = "person-after-role", unit_end  # "mer rejonu radziwiliskiego Antanas X"
                    elif k < end and self.name_word(doc, k) and not city_noun and (
                            not self._place_like(doc, k)
                            or self._two_given_names(doc, k, end)  # "burmistrz Jan Maria X"
                            or role and self._person_in_case(doc, k, frozenset(
                                c for a in analyses(doc[role[1] - 1]) for c in a.cases) - {"gen", "acc"})):
                        # "burmistrzowi Marcinowi X-emu": a given name ("Marcin" is also a place's) in the office's
                        # case, not the genitive a town takes after its office
                        rule, s = "person-after-role", k
                    elif k < end and self.name_word(doc, k):
                        k2 = after_portfolio(doc, self._town_end(doc, k), end)  # "wiceburmistrz Grazu ds. kultury X"
                        k2 = past_date(doc, k2, end)  # "Burmistrz Miasta Gorlice w latach 2003-2011 X"
                        if k2 < end and doc[k2].text.isdigit() and len(doc[k2].text) <= 2:
                            k2 += 1  # "burmistrz Pragi 6 Karel Novák"
                        k2 = self._past_posting(doc, role, k2, end)
                        if k2 < end and (INITIAL.match(doc[k2].text) or self.name_word(doc, k2)):
                            rule, s = "person-after-role", k2
            if rule == "person-after-role" and (self._named_body(doc, s, end) or ROMAN.match(doc[s].text)
                                                or acronym_stem(doc[s].text) is not None or (
                    readings := analyses(doc[s])) and all(a.pos == "adj" and not a.proper for a in readings)
                    or self._adjective_of_acronym(doc, s, end)
                    or readings and not unknown_to_sgjp(doc[s]) and not given_name(doc[s])
                    and not any({"imię", "nazwisko"} & set(a.classes) for a in readings) and s + 1 < end
                    and any(a.pos == "adj" for a in analyses(doc[s + 1]))
                    and agrees_with(doc[s + 1], [a for a in readings if a.pos == "subst"])):
                rule = None  # "szefowie Opolskiego Porozumienia Obywatelskiego": a body after the office, no person;
                # "Radni VI Kadencji": the council's term; "członków MKS-u X": a body by its inflected acronym;
                # "Dowódca Generalny Sił Powietrznych", "Komendant Miejski PSP": an adjective of the office, no name's
                # word; "członkiem Stowarzyszenia X Ziemia Borecka": a common noun of no name and its adjective,
                # the body's
            if rule == "person-after-role" and i > start + 1 and doc[i - 1].text == "," and found \
                    and found[-1].end == i - 1 and not given_name(doc[s]) and s not in model_persons(doc) \
                    and doc[i].morph.get("Case") != ["Ins"]:  # not "prezesem był X, sekretarzem Omar Y"
                rule = None  # "Pani Anna X, Starosta Bad Dürkheim": the office is hers, its unit follows, no person
            if rule is None and self.name_word(doc, i):
                j = self._name_run(doc, i, end)
                run = doc[i:j]
                # "Mirosław Dariusz X": a surname after the given names, though "Mirosław" is also a village
                second = next((x for x in run[1:] if x.text not in self.particles and not (
                    given_name(x) and x.i + 1 < j and not allcaps(x))), None)
                surname_next = second is not None and (allcaps(second) or unknown_to_sgjp(second)
                                                       or any("nazwisko" in a.classes for a in analyses(second)))
                if len(run) >= 2 and any("imię" in a.classes and "sg" in a.numbers for a in analyses(run[0])) \
                        and (not geo(run[0]) or surname_next) and not (
                        i > start and doc[i - 1].lower_ in ("w", "we") and (
                            not has_proper_only(run[0]) or any(a.pos == "adj" for a in analyses(run[1])))) \
                        and not (len(run) == 2 and known_town(run[0], run[1])) \
                        and not (len(run) == 2 and not has_proper_only(run[0]) and common_word(run[1])) \
                        and not self._town_noun_before(doc, i, start):
                    # "w Sali Rycerskiej": in a room, not a person; "w Kazimierzu Biskupim": in a town named
                    # by a given name and an adjective; "w" seldom takes a person; "Burmistrza Piotrkowa Kujawskiego":
                    # a town GeoNames knows, in any case
                    rule = "person-given-name"
                elif len(run) >= 2 and any(allcaps(x) and min(len(part) for part in x.text.split("-")) >= 3
                                           for x in run[1:]) and not geo(run[0]) \
                        and not allcaps(run[0]) and not common_word(run[0]) and acronym_stem(run[0].text) is None \
                        and not (self._adjective_of_acronym(doc, i, end) and any(
                            (r := role_at(doc, k)) is not None and r[1] == i for k in range(max(start, i - 3), i))):
                    # "Strategię ZIT WOF", "ZSiO COPERNICANUM": no given name first; "Interreg V-A": a programme's
                    # number, no surname; "Komendanta Miejskiego PSP": the office's adjective, then a body
                    rule = "person-capital-surname"
                elif 2 <= len(run) <= 3 and not any(geo(x) for x in run) and self._role_after(doc, j, end) and (
                        doc[j].text == "," or all(map(name_like, run))):
                    # "Siegfried Nagl, burmistrz Grazu"; "Ján Prílepok - Burmistrz": name words only before a dash
                    rule = "person-before-role"
                elif len(run) == 2 and not starts_sentence(run[0]) and unknown_to_sgjp(run[0]) \
                        and not foreign_stems(run[0].text) & doc._.place_names \
                        and any("nazwisko" in a.classes for a in analyses(run[1])) and not allcaps(run[0]) \
                        and not geo(run[1]) and not any("imię" in a.classes for a in analyses(run[1])) \
                        and not (run[0].i > start and lemma_set(doc[self._noun_before_name(doc, run[0].i, start)])
                                 & self.city_nouns and all(a.cases <= {"nom", "voc"} for a in analyses(run[1]))):
                    # "partnerskiej gminy Svetla Hora": the gmina's name, undeclined ("miasta Andreasa Kuhna": a person)
                    rule = "person-foreign-given-name"  # "Olha Kowal": a given name SGJP lacks, a surname it knows
                elif len(run) == 2 and list_item_start(doc, i) and surname_first(run[0], run[1]):
                    rule = "person-surname-first"  # "1. Nowak Jan – sołtys": a list written surname first
            if rule is None:
                i += 1
                continue
            while rule in ("person-honorific", "person-after-role") and s + 1 < end and allcaps(doc[s]) \
                    and is_acronym(doc[s].text) and self.name_word(doc, s + 1) and given_name(doc[s + 1]):
                s += 1  # "Senator RP Andrzej X", "prezes PTTK Jan Y": the body's acronym, then the person
            e = self._name_run(doc, s, end) if rule != "person-surname-first" else s + 2
            if e == s + 1 and given_name(doc[s]) and e + 1 < end and doc[e].is_space and "\n" in doc[e].text \
                    and self.name_word(doc, e + 1) and not given_name(doc[e + 1]):
                e = self._name_run(doc, e + 1, end)  # "Pani Anna" / "    Kowal – dyrektor": a wrapped block
            if e - s >= 3 and not given_name(doc[s]) and (rule == "person-after-role" or rule == "person-before-role" and (
                    s > start and (lemma_set(doc[self._noun_before_name(doc, s, start)]) & self.city_nouns
                                   or doc[s - 1].lower_ in ("w", "we")) or has_common_reading(doc[s]) and given_name(
                    doc[s + 1]))):  # "radny w X-Y Bernhard Z, członek …"; "Minister Sportu i Turystyki Anna Y, …"
                # "burmistrz Bad Berka Wolfgang X", "burmistrz miasta Waldbröl Peter X, …": the town's words, then
                # the given name that opens the person
                s = next((g for g in range(s + 1, e - 1) if given_name(doc[g]) or g in model_persons(doc)),
                         s + 1 if self._town_declined_elsewhere(doc, s) or doc[s - 1].lower_ in ("w", "we") else s)
            double = self._second_surname(doc, s, e, end)
            if double:
                e += 2
            if rule == "person-after-role" and s < e and self._body_in_genitive(doc, i, s):
                i += 1  # "przewodnicząca Ogólnokrajowego Samorządu Mniejszości Polskiej": a body, not a name
                continue
            if s < e and not any(k in taken for k in range(s, e)):
                span = Span(doc, s, e, label=PERSON)
                tokens = [x for x in span if (x.lower_ not in self.honorifics or INITIAL.match(x.text) and not x.whitespace_)
                          and x.text not in DASH_JOINERS and not x.is_space]
                if tokens and (len(tokens) >= 2 or rule == "person-honorific") \
                        and not (rule == "person-initial" and self._style_of_address(doc, tokens, end)):
                    span._.base_form = listed_person_base(tokens, s)
                    if double:  # "Teresa Ossowska – Szara" → "Teresa Ossowska-Szara"
                        span._.base_form = "-".join(span._.base_form.rsplit(" ", 1))
                    span._.rule = rule
                    span._.aliases = []
                    if (sibling := self._sibling(doc, s, e, start, taken, span._.base_form.split()[-1])) is not None:
                        found.append(sibling)
                        taken.add(sibling.start)
                    found.append(span)
                    taken.update(range(s, e))
                    i = e
                    continue
            i += 1
        return found

    def _style_of_address(self, doc: Doc, tokens, end: int) -> bool:
        """ "J.E. ks. bp X", "J. Em. ks. kard. Y": initials of a style ("Jego Ekscelencja"), then a title: no
        person of their own."""
        k = tokens[-1].i + 1
        while k < end and (doc[k].is_space or doc[k].text == "."):
            k += 1
        return all(len(t.text.rstrip(".")) <= 2 for t in tokens) and k < end and doc[k].lower_ in self.honorifics

    @staticmethod
    def _foreign_first_name(doc: Doc, k: int, start: int, taken: set[int]) -> bool:
        """A capitalised word SGJP does not know, not opening the sentence nor after a preposition (where it is a
        town's name: "z Fresno J. Smith")."""
        if k <= start or k in taken or not (doc[k].is_title and doc[k].is_alpha and unknown_to_sgjp(doc[k])) \
                or starts_sentence(doc[k]):
            return False
        before = doc[k - 1]
        return not (before.is_lower and any(a.pos == "prep" for a in analyses(before)))

    @staticmethod
    def _adjective_of_acronym(doc: Doc, i: int, end: int) -> bool:
        """ "Miejski PSP", "Wojewódzkiego PSP": a word that may be an adjective before a body's acronym, though SGJP
        also knows it as a surname."""
        return i + 1 < end and allcaps(doc[i + 1]) and is_acronym(doc[i + 1].text) \
            and any(a.pos == "adj" and not a.proper for a in analyses(doc[i]))

    def surnames_after_offices(self, doc: Doc, taken: set[int]) -> list[Span]:
        """ "z burmistrzem Giermasińskim", "proboszcz Badura": an office's holder named by the surname alone, where no
        other rule (nor a fuller mention of the name elsewhere) read the word."""
        found = []
        for t in doc:
            role = role_at(doc, t.i) if t.is_alpha else None
            if role is None or role[1] >= len(doc) or role[1] in taken:
                continue
            base = self._surname_alone(doc, t.i, role[1])
            if base is not None:
                span = Span(doc, role[1], role[1] + 1, label=PERSON)
                span._.base_form, span._.rule, span._.aliases = base, "person-surname-after-role", []
                found.append(span)
                taken.add(role[1])
        return found

    def _surname_alone(self, doc: Doc, office: int, s: int) -> str | None:
        """The surname at s in its nominative: a capitalised word SGJP knows only as a surname (not as a common noun, a
        place's or a given name), in the office's case, with no name word after it; not in a patron's name ("im.
        Stefana Kardynała X")."""
        t = doc[s]
        if not cap(t) or given_name(t) or geo(t) or allcaps(t) or s + 1 < len(doc) and self.name_word(doc, s + 1) \
                or any(x.lower_ in ("im.", "imienia") for x in doc[max(0, office - 3):office]) \
                or office > 0 and cap(doc[office]) and given_name(doc[office - 1]):
            return None
        readings = analyses(t)
        office_cases = {c for a in analyses(doc[office]) for c in a.cases} | \
            {c for a in analyses(doc[s - 1]) for c in a.cases}
        if not readings or any("nazwisko" not in a.classes for a in readings):
            return None
        bases = {a.lemma for a in readings if a.cases & office_cases}
        return bases.pop() if len(bases) == 1 else None

    @staticmethod
    def _sibling(doc: Doc, s: int, e: int, start: int, taken: set[int], surname: str) -> Span | None:
        """ "Julia i Jędrzej Skiba", "Małgorzata i Janusz Flisik": a given name alone before "i" and a given name
        with a surname is a second person of that surname."""
        if e - s != 2 or s - 2 < start or doc[s - 1].lower_ not in ("i", "oraz") or s - 2 in taken \
                or not (given_name(doc[s - 2]) and given_name(doc[s]) and cap(doc[s - 2])) \
                or s - 3 >= start and cap(doc[s - 3]) and not starts_sentence(doc[s - 2]):
            return None
        cases = name_cases(doc[s - 2]) or set()
        if not cases & (name_cases(doc[s]) or set()):
            return None
        sibling = Span(doc, s - 2, s - 1, label=PERSON)
        if (family := family_surname(doc[s + 1])) is not None:
            surname = surname_of(family, doc[s - 2])  # "Anna i Jan Kowalscy": Anna Kowalska
        sibling._.base_form = f"{person_base([doc[s - 2]])} {surname}"  # the surname as the other's name gives it
        sibling._.rule, sibling._.aliases = "person-given-name", []
        return sibling

    @staticmethod
    def _body_in_genitive(doc: Doc, office: int, s: int) -> bool:
        """After an office not in the genitive, a word SGJP knows only as a common noun in the genitive (or one that
        may be, with another after it) opens the name of the body it heads, not a person's ("Omar Kadi" in the
        nominative is a name)."""
        def common_genitive(k: int, only: bool) -> bool:
            x, readings = doc[k], analyses(doc[k])
            return bool(readings) and not (unknown_to_sgjp(x) or given_name(x) or allcaps(x) or INITIAL.match(x.text)
                                           or k in model_persons(doc)) \
                and all(not a.proper and a.pos == "subst" for a in readings) \
                and (all if only else any)("gen" in a.cases for a in readings)
        # "Dyrektor Stada Ogierów": two common nouns, the second in the genitive
        office_genitive = (c := chosen(doc[office])) is not None and "gen" in c.cases and "nom" not in c.cases
        return (common_genitive(s, True) or s + 1 < len(doc) and common_genitive(s, False)
                and common_genitive(s + 1, True)) and not office_genitive

    @staticmethod
    def _named_body(doc: Doc, i: int, end: int) -> bool:
        """A common noun in the genitive and an adjective agreeing with it, no name ("Opolskiego Porozumienia",
        "Porozumienia Obywatelskiego"): a body's name after an office, not its holder."""
        if i + 1 >= end or given_name(doc[i]):
            return False
        for noun, adjective in ((doc[i + 1], doc[i]), (doc[i], doc[i + 1])):  # "Porozumienia Obywatelskiego" too
            readings = [a for a in analyses(noun) if a.pos == "subst" and not a.proper and "gen" in a.cases]
            if readings and not name_like(noun) and not name_like(adjective) \
                    and agrees_with(adjective, readings):
                return True
        return False

    @staticmethod
    def _town_declined_elsewhere(doc: Doc, i: int) -> bool:
        """ "burmistrz Osterburga Nico X" where the text also writes "z Osterburgiem": a word SGJP lacks, in the
        genitive here and in another case of a masculine noun elsewhere, is the town, not the given name."""
        word = doc[i].text.lower()
        return unknown_to_sgjp(doc[i]) and word.endswith("a") and len(word) > 4 \
            and any(word[:-1] + ending in doc._.word_forms for ending in MASCULINE_CASE_ENDINGS)

    @staticmethod
    def _noun_not_title(doc: Doc, i: int, start: int) -> bool:
        """ "Wolnego Państwa Saksonia": after an adjective, "Państwa" is a state, not "Mr and Mrs"."""
        return i > start and "państwo" in lemma_set(doc[i]) and cap(doc[i - 1]) \
            and any(a.pos == "adj" for a in analyses(doc[i - 1]))

    def _second_surname(self, doc: Doc, s: int, e: int, end: int) -> bool:
        """ "Teresa Ossowska – Szara – starosta", "Heidi Wernerus – Neumann.": a double surname written with a
        spaced dash after a given name and a surname: one word, no role, place, body or given name, and no
        name word after it; a woman's second surname may be a village's name too ("Beata Nowak – Kokoszka")."""
        if not (e - s >= 2 and e + 1 < end and doc[e].text in DASH_JOINERS and doc[e].whitespace_
                and doc[e - 1].whitespace_ and given_name(doc[e - 2])):
            return False
        second = doc[e + 1]
        woman = any("imię" in a.classes and "f" in a.genders for a in analyses(doc[e - 2]))
        return cap(second) and not allcaps(second) and second.is_alpha and not given_name(second) and (
            not geo(second) or woman and any("nazwisko" in a.classes for a in analyses(second))
            and second.text not in doc._.place_names) \
            and role_at(doc, e + 1) is None and not self.is_head(second) \
            and any("nazwisko" in a.classes or a.pos in ("adj", "ign") for a in analyses(second)) \
            and (e + 2 == end or not self.name_word(doc, e + 2))

    @staticmethod
    def _portfolio(t) -> bool:
        """A common noun in the genitive, no nominative singular ("Spraw", "Edukacji", "Oświaty"): what a
        minister's office is of, never a name."""
        readings = analyses(t)
        return not any(a.proper or a.pos == "ign" or a.pos == "subst" and "nom" in a.cases and "sg" in a.numbers
                       for a in readings) \
            and any(a.pos == "subst" and "gen" in a.cases for a in readings)

    def _town_noun_before(self, doc: Doc, i: int, start: int) -> bool:
        """ "z gminą Beli Monastir": the words after a town's noun in the singular, itself after a preposition, name
        the town ("burmistrza miasta Andreasa X": the unnamed town's mayor)."""
        if i <= start or doc[i - 1].text == ":":
            return False  # "obywatelami naszego miasta: A i B": a list of persons
        j = self._noun_before_name(doc, i, start)
        if not (lemma_set(doc[j]) & self.city_nouns and any("sg" in a.numbers for a in analyses(doc[j]) if a.pos == "subst")):
            return False  # "między miastami partnerskimi Jean X": towns in the plural, a person after them
        k = j - 1
        while k > start and doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k])):
            k -= 1
        return k >= start and any(a.pos == "prep" for a in analyses(doc[k]))  # "z (partnerską) gminą X", not an
        # office's ("burmistrz włoskiego miasta X Y") nor a body's ("w Urzędzie Gminy Marcin Y")

    def _noun_before_name(self, doc: Doc, i: int, start: int) -> int:
        """The word before a name at i, past a dash or colon and lower-case adjectives ("miastem – X", "miasta
        partnerskiego X", "miast partnerskich – X", "w mieście partnerskim Y – X", Y's partner): where the noun
        naming what X is would stand."""
        j = i - 1
        if j - 1 >= start and (doc[j].text in DASH_JOINERS or doc[j].text == ":"):
            j -= 1
            if j - 1 >= start and cap(doc[j]) and doc[j - 1].lower_.startswith(self.twinning):
                j -= 1
        first = j
        while j - 1 >= start and doc[j].is_lower and any(a.pos == "adj" for a in analyses(doc[j])) and j > first - 2:
            j -= 1
        return j

    def _role_after(self, doc: Doc, j: int, end: int) -> bool:
        """ ", ówczesny burmistrz …", " – Burmistrz …", " obecny burmistrz …" at j: a role in apposition (with no
        comma only after a qualifier, which no name word is)."""
        if j >= end:
            return False
        if doc[j].is_lower and lemma_set(doc[j]) & self.qualifiers:
            k = j
        elif doc[j].text == "," or doc[j].text in DASH_JOINERS and (doc[j - 1].whitespace_ or doc[j].whitespace_) \
                or DOT_LEADER.fullmatch(doc[j].text):
            k = j + 1 + (j + 1 < end and DOT_LEADER.fullmatch(doc[j + 1].text) is not None)  # ", ...... prezes"
        else:
            return False
        while k < end and lemma_set(doc[k]) & self.qualifiers:
            k += 1
        return k < end and role_at(doc, k) is not None

    def _past_posting(self, doc: Doc, role, k: int, end: int) -> int:
        """Past where a state's officer is posted, between the state and the holder: "ambasador Japonii w Polsce Shigeo
        X", "konsul generalny Niemiec w Krakowie Jan Y" (an office of `state_roles`, or one it opens)."""
        if role is None or role[0].label.split()[0] not in self.state_roles \
                or k + 1 >= end or doc[k].lower_ not in ("w", "we") or not cap(doc[k + 1]):
            return k
        j = self._town_end(doc, k + 1)
        while j + 1 < end and doc[j].lower_ == "i" and cap(doc[j + 1]) and not given_name(doc[j + 1]):
            j = self._town_end(doc, j + 1)
        return j if j < end and self.name_word(doc, j) and geo(doc[k + 1]) else k

    def _after_body(self, doc: Doc, k: int, end: int) -> int | None:
        """After a role and the body it is of ("konsul Republiki Czeskiej Jan X", "prezes Koła Gospodyń
        Wiejskich Anna Y"): where the person begins, the first given name of the capitalised words that
        follow the body's head."""
        for j in range(k + 1, min(end - 1, k + 8)):
            if not cap(doc[j]):
                return None
            if any("imię" in a.classes for a in analyses(doc[j])) and self.name_word(doc, j + 1) \
                    or self.foreign_holder(doc, j, end):
                return j  # "naczelnik Wydziału Kultury Nodar X": a foreign given name SGJP lacks
        return None
