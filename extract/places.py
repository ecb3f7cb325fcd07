"""Places: SGJP geographical names, capitalised names after place prepositions or place nouns ("dzielnica X")
and after municipal roles ("Mer X"), with the town a foreign name's Polish ending stands for."""


from spacy.tokens import Doc, Span

from .dates import YEAR, bracketed_date
from .gazetteer import gazetteer
from .lexicon import lexicon
from .morphology import analyses, chosen, lemma_set
from .names import (DASH_OR_COLON, DASHES, GENITIVE_ADJECTIVE_ENDINGS, NAME_PART_CLASSES, PLURAL_PLACE_ADJECTIVE, fold,
                    foreign_stems, agreeing_noun, is_acronym, place_base, role_at, unknown_to_sgjp)
from .name_words import (GEO_CLASSES, PLACE, QUOTES_OPEN, ROMAN, agrees_with, allcaps, cap, common_at_start,
                         folded_forms, geo, given_name, has_common_reading, is_country, model_persons, name_cases,
                         named_otherwise, partnership_text, place_adjective, starts_sentence, NameRules)

# how far before a country a programme's noun may open its name: "Programu Współpracy Transgranicznej X – Y – Z"
TITLE_REACH = 10


class PlaceRules(NameRules):
    def _town_end(self, doc: Doc, i: int) -> int:
        """Where a town's name that begins at `i` ends: after its noun when `i` is an adjective of it ("Miejskiej
        Górki", "Nowego Sącza"), after its adjective when one follows it, else after the word at `i`."""
        end = self.unit_end(doc, i)
        if end < len(doc) and cap(doc[end]) and geo(doc[end]) and any(a.pos == "adj" for a in analyses(doc[i])) \
                and not any("imię" in a.classes for a in analyses(doc[i])):
            return self.unit_end(doc, end)
        if end < len(doc) and cap(doc[end]) and unknown_to_sgjp(doc[i]) and doc[i].lower_.endswith(GENITIVE_ADJECTIVE_ENDINGS):
            return self.unit_end(doc, end)  # "Krásnego Brodu": a foreign adjective in the genitive, then its noun
        if end == i + 1 < len(doc) and cap(doc[end]) and not given_name(doc[end]) and not starts_sentence(doc[end]) \
                and not has_common_reading(doc[end]) and agreeing_noun(doc[i], doc[end]) \
                and not any("imię" in a.classes for a in analyses(doc[i])):
            return self.unit_end(doc, end)  # "Dolnej Kubicy": the adjective, then a noun SGJP knows only as a surname
        if end < len(doc) and place_adjective(doc[end]) and self._postposed_adjective(doc, i, end):
            return end + 1  # "Strzelec Opolskich", "Rudy Śląskiej": the town's adjective after its noun
        return end

    def with_qualifiers(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """ "Gorzowa Wlkp.", "Środy Śl.", "Gmina Książ Wlkp.": a town (or a town acting as a body) with its region's
        abbreviated adjective after it is the town of the full name, in the form GeoNames knows ("Środa Śląska"),
        else agreeing with the name's last letter."""
        out = []
        for span in spans:
            within = len(span) >= 2 and doc[span.end - 1].text in self.town_qualifiers  # the rule took it as a word
            after = span.end if not within and span.end < len(doc) and span.end not in taken else span.end - 1
            qualifier = self.town_qualifiers.get(doc[after].text) if after < len(doc) else None
            town_body = span.label_ != PLACE and span._.head in self.city_nouns  # "Gmina Książ Wlkp."
            if qualifier is None or span.label_ != PLACE and not town_body:
                out.append(span)
                continue
            longer = Span(doc, span.start, after + 1, label=span.label_)
            for ext in ("rule", "aliases", "district", "head"):
                setattr(longer._, ext, getattr(span._, ext))
            base = span._.base_form.rsplit(" ", 1)[0] if within else span._.base_form
            head, town = base.split(" ", 1) if town_body and " " in base else ("", base)
            endings = ("i", "a", "ie") if qualifier.endswith("i") else ("y", "a", "e")  # masculine, feminine, neuter
            forms = [(qualifier[:-1] + ending).capitalize() for ending in endings]
            known = next((f"{town} {form}" for form in forms if gazetteer().places(f"{town} {form}")), None)
            gender = 1 if town.endswith("a") else 2 if town[-1:] in "oe" else 0
            longer._.base_form = f"{head} {known or f'{town} {forms[gender]}'}".strip()
            taken.add(after)
            out.append(longer)
        return out

    def states(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """A state by its official name or acronym ("Republiki Federalnej Niemiec", "RP"): the country, one
        place with the country's short name."""
        def state_at(i: int) -> tuple[int, str] | None:
            if not self._state_word(doc[i], self.state_starts):
                return None
            official = next(((n, country) for words, n, country in self.state_names if i + n <= end
                             and not any(k in taken for k in range(i, i + n))
                             and all(self._state_word(doc[k], {word}) for word, k in zip(words, range(i, i + n)))), None)
            if official is None and i + 1 < end and i + 1 not in taken and self._state_word(doc[i], self.state_of_country):
                country = self._country_in_genitive(doc[i + 1])  # "Republiki Litwy", "Królestwa Szwecji"
                return (2, country) if country is not None else None
            return official
        return self._lexicon_places(doc, start, end, taken, state_at, "place-state")

    def regions(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """A region of several words the lexicon names, in any case ("Nadrenii Północnej-Westfalii", "w Dolnej
        Saksonii"): one place in its base form, not its words as places of their own; but not a body named after
        the region ("Klub Górny Śląsk II")."""
        def region_at(i: int) -> tuple[int, str] | None:
            if fold(doc[i].text.split("-")[0])[:4] not in self.region_starts:
                return None  # most capitalised words open no region's name: told by one set test
            return next(((n, name) for stems, name in self.region_names if (n := self._parts_match(doc, i, end, stems))
                         and not any(k in taken for k in range(i, i + n))
                         and not (i + n < end and (doc[i + n].like_num or ROMAN.match(doc[i + n].text)))), None)
        return self._lexicon_places(doc, start, end, taken, region_at, "place-region")

    @staticmethod
    def _lexicon_places(doc: Doc, start: int, end: int, taken: set[int], match_at, rule: str) -> list[Span]:
        """Places named as the lexicon names them: at each free capitalised word, `match_at` gives the number of
        tokens and the base form of the name that starts there, or None."""
        found = []
        i = start
        while i < end:
            match = None if i in taken or not cap(doc[i]) else match_at(i)
            if match is None:
                i += 1
                continue
            n, name = match
            span = Span(doc, i, i + n, label=PLACE)
            span._.base_form, span._.rule, span._.aliases = name, rule, []
            found.append(span)
            taken.update(range(i, i + n))
            i += n
        return found

    @staticmethod
    def _parts_match(doc: Doc, i: int, end: int, stems: tuple[str, ...]) -> int:
        """The number of tokens from i whose capitalised words, split at hyphens, begin with `stems` in order."""
        k, n = i, 0
        while n < len(stems) and k < end:
            if doc[k].text in DASHES:
                k += 1
                continue
            for part in doc[k].text.split("-"):
                if n >= len(stems) or not part[:1].isupper() or not fold(part).startswith(stems[n]):
                    return 0
                n += 1
            k += 1
        return k - i if n == len(stems) else 0

    @staticmethod
    def _country_in_genitive(t) -> str | None:
        """The country a word names in the genitive ("Litwy", "Słowacji"), or None."""
        names = lexicon().country_names
        return next((a.lemma for a in analyses(t) if a.lemma in names and "gen" in a.cases), None)

    @staticmethod
    def _state_word(t, words) -> bool:
        return t.lower_ in words or any(a.lemma.lower() in words for a in analyses(t))

    def place_names(self, doc: Doc) -> set[str]:
        names = set()
        for t in doc:
            if t.lower_ in self.place_preps and t.i + 1 < len(doc) and cap(doc[t.i + 1]) and not self.blocked(doc, t.i + 1):
                names |= foreign_stems(doc[t.i + 1:self.unit_end(doc, t.i + 1)].text)
        return names

    def places(self, doc: Doc, start: int, end: int, taken: set[int], surnames: set[str]) -> list[Span]:
        found = []
        i = start
        while i < end:
            if i in taken or not cap(doc[i]):
                i += 1
                continue
            if starts_sentence(doc[i]) and not lemma_set(doc[i]) & self.place_heads \
                    and (e := self._known_opening_name(doc, i, end, taken)):  # not "Plac Wolności 1": an address
                found.append(self._place_span(doc, i, e, "place-known-opening", doc[i:e].text))
                taken.update(range(i, e))
                i = e
                continue
            if i > start and doc[i - 1].lower_ in self.place_preps and i + 1 < end and cap(doc[i + 1]) \
                    and has_common_reading(doc[i]) and not lemma_set(doc[i + 1]) & self.town_name_ends \
                    and (e := self._known_opening_name(doc, i, end, taken, inflected=True)) \
                    and not (e < end and cap(doc[e]) and any(a.pos == "adj" for a in analyses(doc[e]))):
                # not "w Nowej Wsi Lipnickiej": a longer name GeoNames may not know
                found.append(self._place_span(doc, i, e, "place-known-name", place_base(list(doc[i:e]))))
                taken.update(range(i, e))  # "w Zielonej Górze", "w Kamiennej Górze": a town of the writer's
                i = e  # country of two or three words opening with a common word ("góra", "kamienny")
                continue
            named_by_noun = (bool(lemma_set(doc[i]) & self.place_heads) and not starts_sentence(doc[i])
                             and i + 1 < end and self._postposed_adjective(doc, i, i + 1)  # "Placu Zamkowym"
                             and not doc[i + 1].lower_.startswith(self.twinning))  # not "Miast Partnerskich"
            alone = not (i + 1 < end and cap(doc[i + 1]))
            named_by_place_noun = i > start and not cap(doc[i - 1]) and bool(lemma_set(doc[i - 1]) & self.place_heads)
            if (self.blocked(doc, i) and not self._after_place_noun(doc, i, start)) or (
                    i + 1 < end and doc[i + 1].lower_ in self.dedications) or (  # "Kaplicy p.w. X": a church's name
                    lemma_set(doc[i]) & self.event_nouns and not named_by_place_noun) or (  # "w dzielnicy Zawarcie"
                    lemma_set(doc[i]) & self.feature_heads and has_common_reading(doc[i]) and not named_by_noun
                    and not alone and not (i > start and cap(doc[i - 1]))
                    and not self._postposed_adjective(doc, i, i + 1)) or (  # "pod Pomnikiem Chwały", "na Rynek
                    # Starego Sącza", "nad Jeziorem Garda": a thing's name; but "w Dolinie", "Jelenia Góra"
                    lemma_set(doc[i]) & self.place_heads and has_common_reading(doc[i]) and not named_by_noun
                    and (not geo(doc[i]) or not alone or lemma_set(doc[i]) & self.city_nouns)):  # "Miastem i Gminą X"
                i += 1
                continue
            prev = doc[i - 1] if i > start else None
            rule, district, listed = None, False, False
            if i + 1 < end and geo(doc[i + 1]) and cap(doc[i + 1]) and any(a.pos == "adj" for a in analyses(doc[i])) \
                    and not (given_name(doc[i + 1]) and not agrees_with(doc[i], [
                        a for a in analyses(doc[i + 1])
                        if a.pos == "subst" and ("imię" in a.classes or "nazwisko" not in a.classes)])):
                i += 1  # an adjective of the next name: "Nowego Sącza"; not "w Dobrej Anna Lis", a town and a person,
                continue  # nor "Burmistrz Lipna Jan Kos" ("Jan" is also a woman's surname, of any case)
            if i + 1 < end and cap(doc[i + 1]) and doc[i].lower_.endswith("o") and any(
                    a.pos == "adv" for a in analyses(doc[i])) and any(a.pos == "adj" for a in analyses(doc[i + 1])):
                i += 1  # "Polsko Niemieckiej Współpracy": a compound adjective written without its hyphen
                continue
            if i + 1 < end and (cap(doc[i + 1]) or doc[i + 1].is_lower) and self._adjective_of(doc[i], doc[i + 1]) \
                    and not (doc[i + 1].lower_ in self.honorifics and i + 2 < end and cap(doc[i + 2])):
                i += 1  # "Złotą Odznakę Honorową", "z Ukraińskim miastem": an adjective of a common noun, not a place;
                continue  # but "burmistrz Lipna pani Anna Kos": a title before a name qualifies no word before it
            if alone and prev is not None and i - 1 not in taken and self._epithet_after(doc, i):
                i += 1  # "Mszą Świętą", "Słowo Boże", "Strona Główna", "Kazimierza Wielkiego", "Maryi Panny"
                continue
            if prev is not None and (office := self._role_before(doc, i)) is not None and not office.municipal \
                    and agrees_with(doc[i], [a for a in analyses(prev) if a.pos == "subst" and not a.proper]):
                i += 1  # "zastępca Komendanta Głównego": the office's own adjective, not the village Główne (a town
                continue  # after a town's office is its town: "Sołtys Dębowa")
            if prev is not None and surnames & folded_forms(doc[i]) and (self._role_before(doc, i) or alone and not (
                    prev.lower_ in self.place_preps) and any("nazwisko" in a.classes for a in analyses(doc[i]))):
                i += 1  # "mer Dworkis", "oprócz burmistrza Wróbla": an officer named before by his full name, in any case;
                continue  # "– powiedział Oleszek": a person named before in full, by the surname alone (not "w Kaliszu")
            if doc[i].text in self.town_prefixes and self.unit_end(doc, i) > i + 1:
                rule = "place-town-prefix"  # "Bad Dürkheim", "Saint Brice"
            elif named_by_noun:
                rule = "place-noun-adjective"
            elif geo(doc[i]) and (self.name_word(doc, i) or any(a.proper for a in analyses(doc[i])) and not starts_sentence(doc[i])) \
                    and not ((starts_sentence(doc[i]) or i > 0 and doc[i - 1].text in QUOTES_OPEN)
                             and common_at_start(doc[i])) \
                    and not named_otherwise(doc[i]) and not self._named_thing(doc, i, start) \
                    and not self._in_title(doc, i, start) and not self._historical_event(doc, i, start, end) \
                    and not self._inflected_acronym(doc, i) and not self._ungoverned_locative(doc, i) \
                    and not self._shouted_common_word(doc, i, start, end):
                rule = "place-sgjp"  # "Dar przekazał…", „Miasta partnerskie…”: a common noun that is also a village
            elif prev is not None and (prev.lower_ in self.place_preps or (listed := self._coordinated_place(doc, i, found))) \
                    and self.name_word(doc, i) and (unknown_to_sgjp(doc[i]) or chosen(doc[i]).proper) \
                    and not self.named_otherwise_here(doc, i, end) and not doc[i].lower_.endswith(self.foreign_street_endings) \
                    and not any(c.isdigit() for c in doc[i].text) and not (unknown_to_sgjp(doc[i]) and is_acronym(doc[i].text)):
                # "w TVP1", "z FEANI": a channel or a body by its acronym, not a place; "na Marktstrasse": a street
                rule = "place-in-list" if listed else "place-after-preposition"
            elif prev is not None and lemma_set(noun := doc[self._noun_before_name(doc, i, start)]) \
                    & self.place_heads and self.name_word(doc, i) and (not cap(noun) or lemma_set(noun) & self.town_nouns) \
                    and not lemma_set(noun) & self.street_heads \
                    and not (noun.i > start and self.demonstrative(doc[noun.i - 1])) \
                    and not doc[i].lower_.startswith(self.twinning) and not PLURAL_PLACE_ADJECTIVE.search(doc[i].text):
                # "Miast Partnerskich", "Miast Friedlandzkich" name no town, "ulicę Lipową" no place but a street
                # official style capitalises the town's noun: "z Miastem Leuna", "Burmistrz Dzielnicy Kőbánya";
                # "z miastem – Żmerynką", "miasta partnerskiego Waldbröl": a dash or adjectives between
                rule = "place-after-noun"
            elif prev is not None and (r := self._role_before(doc, i)) and r.municipal and self.name_word(doc, i) \
                    and not any("nazwa_organizacji" in a.classes for a in analyses(doc[i])) \
                    and not (self.given_name_nominative(doc[i]) and i + 1 < end and cap(doc[i + 1])
                             and not any("gen" in a.cases for a in analyses(doc[i + 1]))) \
                    and not ((any("nazwisko" in a.classes and "nom" in a.cases for a in analyses(doc[i]))
                              or all("nazwisko" in a.classes for a in analyses(doc[i])))
                             and not any("gen" in a.cases for a in analyses(doc[i]))):
                rule = "place-of-municipal-role"  # "mer Lyonu"; but "radni PiS" (a party SGJP knows), "wójt
                # Gołębiewski", "z burmistrzem X-skim": the holder by his surname (a town after its office is in
                # the genitive); "radny Stanisław X": a given name in the nominative, a person when X is in no
                # genitive (but "Wójta Mikołajek Pomorskich": a town of two words)
            elif (starts_sentence(doc[i]) or not cap(doc[i - 1])) and (not given_name(doc[i]) or geo(doc[i])) \
                    and self._defined_as_town(doc, i, end) is not None:
                rule = "place-defined"  # "Kwareli – miasto w Gruzji", "Tiszavár - wieś i gmina na Węgrzech", "Dąbrówka
                # to wieś" (also a given name): an entry's head; "odwiedził Toszeti – miasto partnerskie Lipna": a town
                # named in apposition
            elif (self.name_word(doc, i) or allcaps(doc[i])) and self._country_bracket(doc, i, end) is not None:
                rule = "place-before-country"  # "Rinteln (Niemcy)", "1. RINTELN (NIEMCY), umowa …"
            elif self.name_word(doc, i) and unknown_to_sgjp(doc[i]) and not given_name(doc[i]) \
                    and not (i > start and (cap(doc[i - 1]) and not (starts_sentence(doc[i - 1]) and has_common_reading(doc[i - 1]))
                                            or doc[i - 1].text in DASHES)) \
                    and self._before_country_in(doc, i, end) and not is_acronym(doc[i].text):
                rule = "place-before-country-in"  # "Tirebolu w Turcji zostało…": a name SGJP lacks, in a country
                # (not an acronym of bodies: "na inne JST w Polsce")
            elif i > start and (doc[i - 1].text in (":", ",", "i", "oraz") or is_country(doc[i - 1])
                                or lemma_set(doc[i - 1]) & self.country_adjectives) and self.name_word(doc, i) \
                    and not given_name(doc[i]) and self._date_bracket(doc, i, end) is not None:
                rule = "place-before-date"  # "Są to: X (12.05.1990 r.), Y (3.06.1999 r.)": partners and their agreements
            elif i > start and doc[i - 1].is_lower and (lemma_set(doc[i - 1]) & self.country_adjectives or (
                    doc[i - 1].lower_.startswith(self.twinning) and any(a.pos == "adj" for a in analyses(doc[i - 1])))) \
                    and self.name_word(doc, i) and (unknown_to_sgjp(doc[i]) or geo(doc[i]) or not agrees_with(
                        doc[i - 1], [a for a in analyses(doc[i]) if a.pos == "subst"]) and doc[i - 2].lower_ != "po") \
                    and not self._person_starts(doc, i) and not given_name(doc[i]) \
                    and not (unknown_to_sgjp(doc[i]) and is_acronym(doc[i].text)):  # "dla polskich JST": bodies
                rule = "place-after-country-adjective"  # "francuskiego Montceau-les-Mines", "polski Poronin"; "dla
                # hiszpańskiego Toro": a word SGJP knows in no case the adjective takes, a foreign name; "z
                # partnerskim Szegedem": after an adjective of partnership too
            elif i >= start + 2 and doc[i - 1].text == "(" and is_country(doc[i - 2]) and self.name_word(doc, i) \
                    and self.unit_end(doc, i) < end and doc[self.unit_end(doc, i)].text in ("),") \
                    and not self._person_starts(doc, i):
                rule = "place-after-country"  # "miast partnerskich z Francji (Vernon), Niemiec (Lohmar)": its town
            if rule is None:
                i += 1
                continue
            s = i
            classes = {c for a in analyses(doc[i]) if a.proper for c in a.classes}
            part_only = bool(classes) and classes <= NAME_PART_CLASSES  # "Targ" of "Nowy Targ", "Polonia" of a club
            # "3. Nowy Targ": "Targ" names nothing alone, so its adjective opening a sentence is the name's
            while s - 1 >= start and s - 1 not in taken and cap(doc[s - 1]) and (
                    not starts_sentence(doc[s - 1]) or classes == {"człon_nazwy_geograficznej"}) and any(
                    a.pos == "adj" for a in analyses(doc[s - 1])) and not self.blocked(doc, s - 1) \
                    and not doc[s - 1].lower_.startswith(self.twinning) \
                    and not lemma_set(doc[s - 1]) & self.capital_titles \
                    and not (allcaps(doc[s - 1]) and allcaps(doc[i])) \
                    and (geo(doc[s - 1]) or not (nouns := [a for a in analyses(doc[i]) if a.pos == "subst"])
                         or agrees_with(doc[s - 1], nouns)):
                # "Miastem Stołecznym Warszawa": the capital's title; a line in capitals says nothing of names;
                # "Miast Partnerskich Lublina": the towns' adjective, not the
                # town's name; "Współpracy Przygranicznej Polska": an adjective of another case, another noun's
                s -= 1
            # "dzielnica Nowa Huta" names a district; "dzielnica Krakowa" (a genitive) the city it belongs to
            district = s > start and bool(lemma_set(doc[s - 1]) & self.district_heads) and any(
                "nom" in a.cases for a in analyses(doc[i]) if a.pos in ("subst", "ign") or not a.cases)
            opened = s == i and s - 1 >= start and s - 1 not in taken and doc[s - 1].lower_ in self.place_particles \
                and cap(doc[s - 1]) and not starts_sentence(doc[s - 1])  # "i Le Mans": the particle before the name
            s -= opened
            if part_only and s == i and not (i + 1 < end and i + 1 not in taken and self._postposed_adjective(doc, i, i + 1)
                                             and any(a.proper and a.numbers == {"sg"} for a in analyses(doc[i]))
                                             and not lemma_set(doc[i]) & self.place_heads  # "Miasta Nowego Sącza"
                                             and not any(doc[k].text in QUOTES_OPEN for k in range(max(start, i - 3), i))):
                i += 1  # "Targ", "Zdrój" alone name no town ("Le Mans", "Nowy Targ", "Zubrzyca Górna" do)
                continue
            e = self._country_bracket(doc, i, end) if rule == "place-before-country" else \
                self._date_bracket(doc, i, end) if rule == "place-before-date" else \
                self._defined_as_town(doc, i, end) if rule == "place-defined" else self.unit_end(doc, i)
            if rule == "place-of-municipal-role" and e == i + 1:
                e = min(end, self._town_end(doc, i))  # "starosta Krásnego Brodu"
            while e < end and e not in taken and self._postposed_adjective(doc, i, e):
                e += 1  # "Rynku Głównym", "Bramie Floriańskiej": a name with its adjective after the noun
            if e == i + 1 < end and e not in taken and cap(doc[e]) and not given_name(doc[e]) and (
                    unknown_to_sgjp(doc[e]) or not has_common_reading(doc[e]) and agreeing_noun(doc[i], doc[e])) \
                    and any(a.pos == "adj" for a in analyses(doc[i])) and not allcaps(doc[e]) and "-" not in doc[e].text \
                    and not lemma_set(doc[i]) & self.country_adjectives:
                e = self.unit_end(doc, e)  # "w Starej Lubowli": an adjective, then a noun SGJP does not know
            if e < end and doc[e].text.isdigit() and len(doc[e].text) <= 2 and not is_country(doc[e - 1]) and not (
                    e + 1 < len(doc) and (lemma_set(doc[e + 1]) & self.months or doc[e + 1].text in ("r.", "-", "–")
                                          or doc[e + 1].lower_.startswith(("lec", "lat"))
                                          or doc[e + 1].text == "." and e + 2 < len(doc) and doc[e + 2].text[:1].isdigit())):
                # "we Francji 20 lecie", "w Polsce 16.09.-23.09.2012": a day, a count
                e += 1  # "Praga 6", "Paris 13": a numbered district, not a day of a month
            town_end = e if e < end and e not in taken and cap(doc[e]) and lemma_set(doc[e]) & self.town_name_ends \
                and not doc[e - 1].text.endswith(tuple(DASHES)) else None  # "Iwonicza Zdroju": Iwonicz-Zdrój
            e += town_end is not None
            river = None  # "Frankfurtu nad Odrą", "Kostrzynie nad Odrą": a town named by its river, the river as written
            # "Miasta Dolny Kubin": an adjective opens a foreign town's name
            adjective = rule == "place-after-noun" and any(a.pos == "adj" for a in analyses(doc[i]))
            if rule == "place-after-noun" and (unknown_to_sgjp(doc[i]) or adjective or e < end and cap(doc[e])
                                               and unknown_to_sgjp(doc[e]) and doc[i].lower_ not in self.place_particles) \
                    or unknown_to_sgjp(doc[i]) and rule in (
                    "place-after-preposition", "place-in-list", "place-after-country-adjective"):
                k = e  # "gminy Coreno Ausonio,": a foreign town of two or three words SGJP does not know, or knows
                # only as a surname in the nominative after a word it does not know ("gminy Svetla Hora w Czechach";
                # "miasta Andreasa Kuhna" is a person)
                while k < min(end, e + 2) and cap(doc[k]) and (
                        unknown_to_sgjp(doc[k]) or doc[k].text in self.english_place_words or (
                            adjective or unknown_to_sgjp(doc[k - 1]) and (
                            geo(doc[k]) and rule == "place-after-noun" or not geo(doc[k]) and any(
                                "nazwisko" in a.classes and "nom" in a.cases for a in analyses(doc[k]))))
                        and not given_name(doc[k])) \
                        and k not in taken and not starts_sentence(doc[k]) and k not in model_persons(doc) \
                        and not (doc[k].lower_.endswith("ą") and not doc[i].lower_.endswith("ą")):
                    k = self.unit_end(doc, k)  # not "Dobrušna Zdeňką X": a Polish case ending no town's takes
                if k > e and (k >= len(doc) or doc[k].is_punct or doc[k].is_lower):  # no person's name after it
                    river, e = e, k
            if river is None and e < end and doc[e].text in self.english_place_words and e not in taken \
                    and not starts_sentence(doc[e]) and any(not unknown_to_sgjp(t) for t in doc[s:e]):
                river, e = e, e + 1  # "Franklin Park", "Beverly Hills": a name SGJP knows (as a surname), then an
                # English place word: the town's name, as written
            if e + 1 < end and doc[e].lower_ in ("nad", "pod") and cap(doc[e + 1]) and e + 1 not in taken \
                    and "inst" in (name_cases(doc[e + 1]) or {"inst"}) and not is_country(doc[i]):  # not "w Bułgarii
                # nad Dunajem": a country lies on a river, it is not named by it
                river, e = e, self.unit_end(doc, e + 1)
            if river is None and e + 1 < end and doc[e].lower_ in ("na", "u") and cap(doc[e + 1]) and e + 1 not in taken \
                    and unknown_to_sgjp(doc[e + 1]) and any(unknown_to_sgjp(t) for t in doc[s:e]):
                river, e = e, self.unit_end(doc, e + 1)  # "Náměšť na Hané", "Nové Město na Moravě", "Lhota u
                # Vsetína": a foreign town named by its land or a town near it, as written (not "w Lipnie na Rynku")
            if river is None and e == i + 1 < end and doc[i].lower_ in self.place_particles and cap(doc[e]) \
                    and e not in taken:  # "La Valette", "Le Mans": a particle opens the name, all of it as written
                opened, e = True, self.unit_end(doc, e)
            k = e  # "Fontenay le Comte", "Lauf an der Pegnitz", "Azay Le Rideau": a foreign name's particles
            while river is None and k < end and doc[k].lower_ in self.place_particles:
                k += 1
            if k > e and k < end and cap(doc[k]) and k not in taken and not starts_sentence(doc[k]):
                river, e = e, self.unit_end(doc, k)  # kept as written after the first word, as a river is
            if opened:
                river = s
            if any(k in taken for k in range(s, e)) or rule == "place-sgjp" and e - s > 1 \
                    and lemma_set(doc[e - 1]) & self.decorations and not gazetteer().places(place_base(list(doc[s:e]))):
                i = e  # "Polskiego Czerwonego Krzyża", "Krzyż Kawalerski": a body or a decoration named by its cross
                continue
            span = self._place_span(doc, s, e, rule, place_base(list(doc[s:e])) if river is None else
                                    f"{place_base(list(doc[s:river]))} {doc[river:e].text}".strip())
            if rule == "place-before-country-in" and not (s > start and doc[s - 1].lower_ in self.place_preps):
                span._.base_form = doc[s:e].text  # the sentence's subject, in the nominative as written
            if rule == "place-after-country-adjective" and e == s + 1 and not unknown_to_sgjp(doc[s]) \
                    and not geo(doc[s]):
                span._.base_form = doc[s].text  # "hiszpańskiego Toro": undeclined, as written
            if town_end is not None and river is None:
                span._.base_form = f"{place_base(list(doc[s:town_end]))}-{next(iter(lemma_set(doc[town_end]) & self.town_name_ends)).title()}"
            span._.district = district
            if (other := self._name_in_another_language(doc, e, end)) is not None:
                span._.aliases = [doc[other[0]:other[1]].text]  # "Sowin (lit. Savinas)": one place, two names
                taken.update(range(other[0], other[1]))
            found.append(span)
            taken.update(range(s, e))
            i = e
        return found

    @staticmethod
    def _place_span(doc: Doc, s: int, e: int, rule: str, base_form: str) -> Span:
        span = Span(doc, s, e, label=PLACE)
        span._.base_form, span._.rule, span._.district, span._.aliases = base_form, rule, False, []
        return span

    def _known_opening_name(self, doc: Doc, i: int, end: int, taken: set[int], inflected: bool = False) -> int | None:
        """End of a country's or town's name of two or three words opening a sentence, as the lexicon writes a country
        or GeoNames a town of the writer's country ("Wielka Brytania", "Wielka Wieś to wieś…", "Biała Podlaska
        leży…", "Nowy Dwór Gdański"): an adjective there may open a sentence of common words, not such a name; also,
        `inflected`, such a town's name in another case, by its base form ("w Zielonej Górze")."""
        for e in (i + 3, i + 2):
            if e <= end and not any(k in taken or not cap(doc[k]) for k in range(i + 1, e)):
                name = place_base(list(doc[i:e])) if inflected else doc[i:e].text
                if name in lexicon().country_names or any(entry.country in gazetteer().home for entry, how
                                                          in gazetteer().places(name) if how == "name"):
                    return e
        return None

    def _name_in_another_language(self, doc: Doc, e: int, end: int) -> tuple[int, int] | None:
        """(start, end) of the name in brackets after a place at e that a language's abbreviation opens, else None."""
        if not (e + 3 < end and doc[e].text == "(" and doc[e + 1].lower_ in self.language_abbreviations
                and cap(doc[e + 2])):
            return None
        close = next((k for k in range(e + 3, min(end, e + 7)) if doc[k].text == ")"), None)
        return (e + 2, close) if close is not None else None

    def _defined_as_town(self, doc: Doc, i: int, end: int) -> int | None:
        """Where a name of one to three capitalised words ends, if a dash (or "to") and a town's or a village's noun
        in lower case follow it: how an encyclopaedia's entry or a list of partners opens ("Kwareli – miasto w
        Gruzji", "Sowin (lit. Savinas) to miasto na Litwie": past the name in brackets), or how a town is named in
        apposition ("odwiedził Kiriat Jam – miasto partnerskie Lipna")."""
        e = self.unit_end(doc, i)
        while e < min(end, i + 3) and cap(doc[e]) and not self.blocked(doc, e):
            e = self.unit_end(doc, e)
        k = e
        if k < end and doc[k].text == "(":
            k = next((j + 1 for j in range(k + 1, min(end, k + 6)) if doc[j].text == ")"), k)
        defined = e <= i + 3 and k + 1 < end and (doc[k].text in DASHES or doc[k].lower_ == "to") \
            and doc[k + 1].is_lower and bool(lemma_set(doc[k + 1]) & (self.city_nouns | self.village_nouns)) \
            and all(cap(t) or t.text == "-" for t in doc[i:e])
        return e if defined else None

    @staticmethod
    def _shouted_common_word(doc: Doc, i: int, start: int, end: int) -> bool:
        """A common word among words in capitals, a title or a slogan shouted in a sentence written in lower case
        ("było dla nich BRAMĄ DO WOLNOŚCI", "KSIĄŻKA NIE ZNA GRANIC"): capitals tell nothing of a name there. A
        heading all in capitals keeps its names ("WSPÓŁPRACA MIĘDZY WRZEŚNIĄ A BRUZ")."""
        return allcaps(doc[i]) and has_common_reading(doc[i]) and any(
            start <= k < end and allcaps(doc[k]) for k in (i - 1, i + 1)) and any(
            t.is_lower and t.is_alpha for t in doc[start:end])

    def _ungoverned_locative(self, doc: Doc, i: int) -> bool:
        """SGJP knows the word as a place only in the locative (or vocative), and no preposition of the locative
        governs it: "Radziwiłłowie", "Kiszkowie" as a family's name ("Radziwiłłowie, Kiszkowie i inni"), not
        "w Radziwiłłowie"; a list or an adjective may stand between ("w Krakowie, Sanoku i pięknym Lipniku")."""
        places = [a for a in analyses(doc[i]) if GEO_CLASSES.intersection(a.classes) and a.pos == "subst"]
        if not places or any(a.cases - {"loc", "voc"} for a in places):
            return False
        k = i - 1
        while k >= max(0, i - 12):  # a wrapped line may have split the sentence after its preposition ("w\nGdańsku")
            t = doc[k]
            if t.lower_ in self.locative_preps:
                return False
            if not (t.is_space or t.text in (",", "–", "-") or t.lower_ in ("i", "oraz", "a", "lub") or cap(t)
                    or t.is_lower and any(a.pos == "adj" for a in analyses(t))):
                return True
            k -= 1
        return True

    def _country_bracket(self, doc: Doc, i: int, end: int) -> int | None:
        """Where a name of at most three capitalised words at `i` ends when a country opens the brackets after it
        ("Nove Mesto (Słowenia)", "Mikulov (Czechy, Morawy)", "Alytus/Litwa"): a town of that country."""
        j = self.unit_end(doc, i)
        while j < min(end, i + 4) and (cap(doc[j]) and not self.blocked(doc, j) and not any(
                a.pos in ("prep", "conj") for a in analyses(doc[j])) or doc[j].lower_ in self.place_particles):
            j = self.unit_end(doc, j)  # not across "Z" of a heading in capitals ("WSPÓŁPRACA Z KOŁOMYJĄ - UKRAINA")
        line_start = i == 0 or "\n" in doc[i - 1].text
        bracketed = i > 0 and doc[i - 1].text == "("
        if (line_start or bracketed) and j + 1 < len(doc) and (doc[j].text in DASHES or doc[j].text == ",") \
                and is_country(doc[j + 1]) and (j + 2 < len(doc) and doc[j + 2].text == ")" if bracketed else
                                               j + 2 >= len(doc) or "\n" in doc[j + 2].text or doc[j + 2].text in (",", ";")):
            return j  # a heading "Trakai – Litwa" over a section about a partner town; "X, Rosja"; "(X, Białoruś)"
        listed = i > 0 and (doc[i - 1].text in (",", ";") or doc[i - 1].lower_ in ("i", "oraz"))
        if listed and j + 4 < len(doc) and doc[j].text in DASHES and is_country(doc[j + 1]) and doc[j + 2].text == "(" \
                and YEAR.match(doc[j + 3].text) and doc[j + 4].text == ")":
            return j  # "…, Druskienniki – Litwa (1996)": a partner listed with its country and year
        if listed and j + 1 < end and doc[j].lower_ in ("i", "oraz") and cap(doc[j + 1]) \
                and self._country_bracket(doc, j + 1, end) is not None:
            return j  # "…, Kelme i Birże – Litwa (1994)": both
        if j + 1 < end and doc[j].text == "/" and (c := self._country_end(doc, j + 1, end)) is not None and (
                c >= end or doc[c].text in (",", ";", ")", ".") or doc[c].lower_ in ("i", "oraz")
                or "\n" in doc[c].text):
            return j  # "Alytus/Litwa, Bruntal/Czechy"; a list's line "Milton Keynes/ Wielka Brytania"
        if j + 2 >= end or doc[j].text != "(" or doc[j + 2].text not in ("),"):  # "Mikulov (Czechy, Morawy)"
            return None
        return j if is_country(doc[j + 1]) else None

    @staticmethod
    def _country_end(doc: Doc, k: int, end: int) -> int | None:
        """Where a country's name at k ends: one word ("Niemcy") or two ("Wielka Brytania"); None for none."""
        if is_country(doc[k]):
            return k + 1
        return k + 2 if k + 1 < end and f"{doc[k].text} {doc[k + 1].text}" in lexicon().country_names else None

    def _before_country_in(self, doc: Doc, i: int, end: int) -> bool:
        """The name (one word or a run SGJP does not know) is followed by "w"/"we" and a country."""
        e = self.unit_end(doc, i)
        return e + 1 < end and doc[e].lower_ in ("w", "we") and is_country(doc[e + 1]) and cap(doc[e + 1])

    def _date_bracket(self, doc: Doc, i: int, end: int) -> int | None:
        """Where a name of at most two capitalised words at `i` ends when a date of its own fills the brackets after
        it ("Lyon (12.05.1990 r.)", "Bamberg (od 2001 r.)"), in a text of partnership: a partner town."""
        if not partnership_text(doc):
            return None
        j = self.unit_end(doc, i)
        if j < min(end, i + 2) and cap(doc[j]) and not self.blocked(doc, j):
            j = self.unit_end(doc, j)
        date = bracketed_date(doc, j) if j < end else None
        return j if date is not None and date.end < end else None

    def _coordinated_place(self, doc: Doc, i: int, found: list[Span]) -> bool:
        """ "z Dessau i Bottrop", "pomiędzy Olsztynem a Tartu": a name joined by "i"/"oraz" (or "a" after
        "między") to a place named after a preposition; "Gminami Kreypau, Rodden i Zöschen", "gmin X i Y":
        by commas too, to a list of places a plural town noun opened."""
        if i < 2 or not found or found[-1].end != i - 1 or self._person_starts(doc, i):
            return False
        last = found[-1]
        at = last.start - 1
        if at > 0 and doc[at].text in DASH_OR_COLON:
            at -= 1  # "pomiędzy miastami - X i Y", "gminy: X i Y"
        if at > 0 and doc[at].lower_.startswith(self.twinning):
            at -= 1  # "Miast Partnerskich X i Y"
        opener = doc[at] if at >= 0 else None
        if doc[i - 1].lower_ in ("i", "oraz"):
            return last._.rule in ("place-after-preposition", "place-in-list", "place-after-country-adjective") \
                or opener is not None and (
                opener.lower_ in self.place_preps or opener.lower_ in self.between or self._towns_plural(opener)) \
                or self._partners_listed(doc, last.start)
        if doc[i - 1].lower_ == "a":
            return opener is not None and opener.lower_ in self.between
        if doc[i - 1].text != ",":
            return False
        if last._.rule == "place-after-preposition":  # "z Vreden, Bocholt i Ahaus": a list the conjunction closes
            e = self.unit_end(doc, i)
            return e + 1 < len(doc) and doc[e].lower_ in ("i", "oraz") and cap(doc[e + 1])
        return last._.rule == "place-in-list" or opener is not None and self._towns_plural(opener)

    def _partners_listed(self, doc: Doc, k: int) -> bool:
        """The name at k is in a list of towns after a colon that follows a word of partnership ("prowadzą
        współpracę partnerską: A i B, C i D")."""
        start = doc[k].sent.start
        while k > start and (cap(doc[k - 1]) or doc[k - 1].text == "," or doc[k - 1].lower_ in ("i", "oraz", "pod", "nad")):
            k -= 1
        return k - 2 >= start and doc[k - 1].text == ":" and any(
            doc[j].lower_.startswith(self.twinning) for j in range(max(start, k - 4), k - 1))

    def _postposed_adjective(self, doc: Doc, head: int, k: int) -> bool:
        """A capitalised adjective at k agreeing in case and number with the noun at head, or a word SGJP knows as
        the later word of a place's name in the noun's case and number (a town named by two neuter adjectives in
        the old locative, "-em -em", which no adjective reading has; "Zdrój" is joined by its hyphen elsewhere)."""
        t = doc[k]
        if not cap(t) or starts_sentence(t) or self.blocked(doc, k):
            return False
        nouns = [a for a in analyses(doc[head]) if a.pos == "subst"]
        return agrees_with(t, nouns) or not lemma_set(t) & self.town_name_ends and any(
            "człon_nazwy_geograficznej" in a.classes and any(a.cases & n.cases and a.numbers & n.numbers for n in nouns)
            for a in analyses(t))

    @staticmethod
    def _inflected_acronym(doc: Doc, i: int) -> bool:
        """ "Dyrektor TOK": a short word in capitals, outside a line of capitals, that SGJP reads only as another
        form of a place ("Toki") is an acronym."""
        t = doc[i]
        return allcaps(t) and len(t.text) <= 4 and not any(
            k != i and 0 <= k < len(doc) and allcaps(doc[k]) and len(doc[k].text) > 4 for k in (i - 1, i + 1)) \
            and all(fold(a.lemma) != fold(t.text) for a in analyses(t) if "nazwa_geograficzna" in a.classes)

    @staticmethod
    def named_otherwise_here(doc: Doc, i: int, end: int) -> bool:
        """A word SGJP reads as a given name or a people's member ("z Polakami", "w Sali"), unless a
        geographical word follows it ("w Kazimierzu Dolnym", "w Strzelcach Opolskich")."""
        return named_otherwise(doc[i]) and not (i + 1 < end and cap(doc[i + 1]) and geo(doc[i + 1]))

    def _named_thing(self, doc: Doc, i: int, start: int) -> bool:
        """ "Wieczór Przyjaźni", "Drzewo Przyjaźni": a common noun that is also a village, in the genitive after the
        capitalised common noun of a named thing (not after a town's or unit's noun: "Gminy Zgoda")."""
        if i - 1 < start or not any("gen" in a.cases for a in analyses(doc[i])) or not (
                has_common_reading(doc[i]) or lemma_set(doc[i]) & self.wide_places):  # "Dni Europy", "Tydzień Polski"
            return False
        noun = doc[i - 1]
        return cap(noun) and not starts_sentence(noun) and not geo(noun) and not self.blocked(doc, i - 1) \
            and not lemma_set(noun) & (self.place_heads | self.town_nouns | self.territorial | self.body_heads) \
            and any(a.pos == "subst" and not a.proper for a in analyses(noun)) and role_at(doc, i - 1) is None

    def _historical_event(self, doc: Doc, i: int, start: int, end: int) -> bool:
        """ "II Wojny Światowej", "Wielkiej Wojny", "Powstańców Wielkopolskich": a noun of a war, a battle or a rising
        beside a capitalised adjective names that happening or its fighters, though SGJP knows the noun as a village."""
        if not any(a.lemma in self.historical_event_nouns and not a.proper for a in analyses(doc[i])):
            return False
        return any(start <= k < end and cap(doc[k]) and any(a.pos == "adj" for a in analyses(doc[k]))
                   for k in (i - 1, i + 1))

    def _in_title(self, doc: Doc, i: int, start: int) -> bool:
        """ „Europa dla obywateli”: a place opening a quoted title of lower-case words; "Programu Interreg Litwa –
        Polska", "Programu Współpracy Transgranicznej Polska – Białoruś": a country of a programme's name, a dash to
        the next."""
        if i > start and doc[i - 1].text in QUOTES_OPEN and i + 1 < len(doc) and doc[i + 1].is_lower \
                and doc[i + 1].text not in DASHES:
            return True
        chained = i + 1 < len(doc) and doc[i + 1].text in DASHES or i > start and doc[i - 1].text in DASHES
        if not chained:
            return False
        j = i - 1
        while j >= start and j >= i - TITLE_REACH and (cap(doc[j]) or doc[j].text in DASHES):
            if lemma_set(doc[j]) & self.programme_nouns:
                return True
            j -= 1
        return False

    def _epithet_after(self, doc: Doc, i: int) -> bool:
        """The word at i, which SGJP also knows as a village, is the epithet of the word before it: an adjective
        agreeing with a common noun that names no place, or a word in the case of a given name before it."""
        prev = doc[i - 1]
        if lemma_set(prev) & (self.place_heads | self.town_nouns | self.territorial | self.district_heads) \
                or self._role_before(doc, i) is not None:  # "Sołtys Dębowa": an office's town
            return False
        names = [a for a in analyses(prev) if "imię" in a.classes]  # a town of two words was read at the first
        epithets = [a for a in analyses(doc[i]) if a.pos == "adj" or a.pos == "subst" and not a.proper]
        if any(a.cases & n.cases and a.numbers & n.numbers for a in epithets for n in names):
            return True
        return not geo(prev) and agrees_with(doc[i], [a for a in analyses(prev) if a.pos == "subst" and not a.proper])

    def _after_place_noun(self, doc: Doc, i: int, start: int) -> bool:
        """ "dzielnica Nowa Huta": a geographical name after a place noun, even if it looks like an organisation."""
        j = i - 1
        while j >= start and cap(doc[j]) and any(a.pos == "adj" for a in analyses(doc[j])):
            j -= 1
        return geo(doc[i]) and j >= start and not cap(doc[j]) and bool(lemma_set(doc[j]) & self.place_heads)

    def _role_before(self, doc: Doc, i: int):
        for k in (i - 1, i - 2):
            if k >= 0:
                r = role_at(doc, k)
                if r and r[1] == i:
                    return r[0]
        return None
