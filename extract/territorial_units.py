"""Territorial units as bodies: the unit of an office written in lower case or by its adjective ("starosta powiatu
bielskiego", "wojewoda lubuski"), units in the plural ("powiatów X i Y"), voivodeships by name or in brackets, and a
council named in lower case after its chair's office. A mixin of the entity recognizer beside `OrganisationRules`."""

from spacy.tokens import Doc, Span

from .morphology import analyses, lemma_set
from .names import FOREIGN_PLACE_ADJECTIVE, role_at, tidy, unit_base, unknown_to_sgjp
from .name_words import (DASH_JOINERS, ORG, NameRules, agrees_with, allcaps, cap, given_name, place_adjective,
                         plural_of, starts_sentence)

ELIDED_UNIT_NAME_WORDS = 4  # the words of a holder's name between a unit and the next one by its adjective alone


class TerritorialUnitRules(NameRules):
    """Territorial units read as organisations (a mixin: it reads the recognizer's lexicon sets)."""

    def territorial_units(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """The unit of an office, in lower case as Polish writes it: "marszałek województwa opolskiego",
        "starosta powiatu bielskiego", or the adjective alone: "wojewoda lubuski" (województwo lubuskie)."""
        found = []
        for i in range(start, end):
            if (found_role := role_at(doc, i)) is None:
                continue
            role, k = found_role
            if k >= end or k in taken:
                continue
            unit = next((l for l in lemma_set(doc[k]) if l in self.territorial), None)
            # official style capitalises the unit after a capitalised office: "Starosta Siedlecki",
            # "Starosta Rejonu Miżgirskiego"; a capital after a lower-case role opens a name
            official = cap(doc[i]) and not allcaps(doc[i])
            if cap(doc[k]) and not (official and (unit or place_adjective(doc[k]))):
                continue
            first = k + 1 if unit else k
            unit = unit or self._unit_named_with(doc, doc[k]) or self.unit_of_role.get(role.label)
            j = first
            while j < end and j not in taken and (cap(doc[j]) == (official and cap(doc[k])) and place_adjective(doc[j])
                                                  or first > k and FOREIGN_PLACE_ADJECTIVE.search(doc[j].text)) \
                    and not lemma_set(doc[j]) & self.country_adjectives and not (j > first and given_name(doc[j])):
                # after the unit's noun its adjective by its ending, as capitalised: "Rejonu Horodeckiego"; not a
                # country's ("starostowie niemieckich powiatów X i Y": the counties are named after it); not the
                # holder's given name ("starosty powiatu lipnickiego Jacka X")
                j += 1
            if unit is None or j == first \
                    or first > k and plural_of(doc[k], {unit}) and plural_of(doc[first], pos=("adj",)):
                continue  # "z wójtami gmin członkowskich": units in general, no one unit's name
            found.append(self._unit(doc, k, first, j, unit, taken))
            if first > k:
                found += self._elided_units(doc, k, j, end, unit, taken)
        return found + self._units_by_adjective(doc, start, end, taken) + self._units_in_plural(doc, start, end, taken) \
            + self._bracketed_voivodeships(doc, start, end, taken) + self._voivodeships_by_name(doc, start, end, taken)

    def councils_after_offices(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """A council named in lower case with its unit after the office of its chair or a member ("przewodniczący
        rady gminy Jan X", "przewodniczącego rady miejskiej Y"): a body of its own, as written; not "rady" alone."""
        found = []
        noun = self.lex.council_noun
        for i in range(start, end):
            if (found_role := role_at(doc, i)) is None or found_role[0].label not in self.council_chair_offices:
                continue
            k = found_role[1]
            if k >= end or k in taken or not doc[k].is_lower or noun not in lemma_set(doc[k]):
                continue
            j = k + 1
            while j < min(end, k + 3) and j not in taken and doc[j].is_lower and lemma_set(doc[j]) & self.council_unit_words:
                j += 1  # "rady gminy", "rady miejskiej"
            units_end = j
            while j < min(end, units_end + 2) and j not in taken and self._unit_adjective(doc[j], doc[j - 1]):
                j += 1  # "rady powiatu leszczyńskiego", "rady obwodu wołyńskiego": the unit's own adjective
            if j == k + 1 or j < end and doc[j].is_lower and doc[j].is_alpha and not (
                    doc[j].lower_ in ("w", "we") and j + 1 < end and cap(doc[j + 1])):  # "radni rady gminy w X"
                continue  # "przewodniczący rady Jan X", "rady nadzorczej": no unit told, or a council of something else
            span = Span(doc, k, j, label=ORG)
            span._.base_form = " ".join([unit_base(noun, doc[k + 1:units_end]), *(t.lower_ for t in doc[units_end:j])])
            span._.rule = "org-council-after-office"
            span._.head = noun
            found.append(span)
            taken.update(range(k, j))
        return found

    @staticmethod
    def _unit_adjective(token, noun) -> bool:
        """A unit's adjective in lower case after the unit's noun in the genitive ("powiatu leszczyńskiego")."""
        return token.is_lower and token.text.replace("-", "").isalpha() and token.lower_.endswith(("skiego", "ckiego", "zkiego", "skiej",
                                                                              "ckiej", "zkiej")) \
            and any(a.pos == "subst" and "gen" in a.cases for a in analyses(noun)) \
            and any(a.pos == "adj" and "gen" in a.cases for a in analyses(token))

    def _unit_named_with(self, doc: Doc, adjective) -> str | None:
        """ "wicewojewoda grodzieński" of a text that names "obwód grodzieński": the unit abroad the text names with
        the office's adjective, whatever unit the office's noun is of at home (not "okręgu Małopolskiego" of a
        society: a Polish office's adjective stays its voivodeship's)."""
        named = doc.user_data.get("kronika.foreign_units")
        if named is None:  # adjective lemma → the unit noun before it, once per document
            named = doc.user_data["kronika.foreign_units"] = {
                lemma: unit for t in doc[:-1] if t.is_lower
                and (unit := next((l for l in lemma_set(t) if l in self.foreign_voivodeship_heads), None)) is not None
                for lemma in lemma_set(doc[t.i + 1])}
        return next((named[a.lemma] for a in analyses(adjective) if a.pos == "adj" and a.lemma in named), None)

    def _elided_units(self, doc: Doc, k: int, j: int, end: int, unit: str, taken: set[int]) -> list[Span]:
        """Units of the same kind as the one named at k..j, each by its adjective alone, the noun left out:
        "województwa opolskiego i lubuskiego", "marszałkowie województwa opolskiego Jan X i lubuskiego Piotr Y"
        (past the holder's capitalised name); the adjective in the noun's case."""
        nouns = [a for a in analyses(doc[k]) if a.pos == "subst" and a.lemma == unit]
        found = []
        while True:
            m = j
            while m < min(end, j + ELIDED_UNIT_NAME_WORDS) and cap(doc[m]) and not allcaps(doc[m]) and m not in taken:
                m += 1  # the holder's name
            if m + 1 >= end or doc[m].lower_ not in ("i", "oraz", ",") or m + 1 in taken:
                return found
            adjective = doc[m + 1]
            if not (adjective.is_lower and place_adjective(adjective) and agrees_with(adjective, nouns)) \
                    or lemma_set(adjective) & self.country_adjectives \
                    or m + 2 < end and agrees_with(adjective, [a for a in analyses(doc[m + 2]) if a.pos == "subst"]):
                return found  # "powiatu lipskiego i polskiego rządu": the adjective of a noun after it
            found.append(self._unit(doc, m + 1, m + 1, m + 2, unit, taken))
            j = m + 2

    @staticmethod
    def _unit(doc: Doc, k: int, first: int, j: int, unit: str, taken: set[int]) -> Span:
        """The territorial unit named at k..j (its adjectives from `first`), taken."""
        span = Span(doc, k, j, label=ORG)
        span._.base_form = unit_base(unit, doc[first:j])
        if cap(doc[k]):  # named as officially written: "Powiat Siedlecki", "Rejon Miżgirski"
            span._.base_form = span._.base_form[:1].upper() + span._.base_form[1:]
        span._.rule = "territorial-unit"
        span._.head = unit
        doc.user_data.setdefault("kronika.unit_ends", {})[k] = j
        taken.update(range(k, j))
        return span

    def _units_in_plural(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """Units of one kind named after their noun in the plural, each by its adjective or its foreign name:
        "partnerstwo pomiędzy powiatami kłodzkim i Nachod", "między gminami Lipnicką a Bardejov"; two at least."""
        found = []
        for k in range(start, end - 3):
            unit = next((l for l in lemma_set(doc[k]) if l in self.units_by_adjective), None)
            if k in taken or unit is None or not plural_of(doc[k], {unit}):
                continue
            items, j = [], k + 1
            while j < end and j not in taken:
                if place_adjective(doc[j]) and not lemma_set(doc[j]) & self.country_adjectives \
                        and not (cap(doc[j]) and given_name(doc[j])) and not plural_of(doc[j], pos=("adj",)):
                    items.append((j, j + 1, True))  # one unit's adjective ("krajów nadbałtyckich": countries in general)
                elif cap(doc[j]) and not allcaps(doc[j]) and unknown_to_sgjp(doc[j]) \
                        and not ((e := self.unit_end(doc, j)) < end and cap(doc[e])):
                    items.append((j, e, False))  # a foreign name, not a person's ("Nathanaela X")
                else:
                    break
                j = items[-1][1]
                if j + 1 < end and doc[j].lower_ in ("i", "oraz", "a", ","):
                    j += 1
                else:
                    break
            if len(items) < 2:
                continue
            for s, e, by_adjective in items:
                span = Span(doc, s, e, label=ORG)
                span._.base_form = unit_base(unit, doc[s:e]).lower() if by_adjective else f"{unit} {tidy(doc[s:e].text)}"
                span._.rule, span._.head, span._.aliases = "territorial-unit", unit, [tidy(doc[s:e].text)]
                taken.update(range(s, e))
                found.append(span)
        return found

    def _bracketed_voivodeships(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """A voivodeship by its adjective alone in brackets, as after a town: "Bobrowice (lubuskie)", "(woj.
        wielkopolskie)"."""
        found = []
        for k in range(start + 1, end - 1):
            if doc[k - 1].text != "(" or k in taken:
                continue
            first = k + 1 if doc[k].lower_ in self.voivodeship_words else k
            if first + 1 < end and doc[first + 1].text == ")" and first not in taken and doc[first].is_lower \
                    and doc[first].lower_.endswith("ie") and lemma_set(doc[first]) & self.voivodeship_adjectives:
                found.append(self._unit(doc, k, first, first + 1, self.voivodeship, taken))
        return found

    def _voivodeships_by_name(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """A voivodeship by its capitalised adjective alone, used as its name: "współpraca między
        Kujawsko-Pomorskim a Teksasem", "promocja regionu Podkarpackiego" (not an adjective opening a name,
        "Podkarpackie Centrum …", nor a sentence's first word, nor a town's second, "w Mińsku Mazowieckim")."""
        found = []
        for k in range(start, end):
            if k in taken or not cap(doc[k]) or allcaps(doc[k]) or starts_sentence(doc[k]) \
                    or k > start and (cap(doc[k - 1]) or doc[k - 1].text in DASH_JOINERS) \
                    or not lemma_set(doc[k]) & self.voivodeship_adjectives \
                    or not any(a.pos == "adj" and "n" in a.genders and "sg" in a.numbers for a in analyses(doc[k])):
                continue
            if k + 1 < end and (cap(doc[k + 1]) or doc[k + 1].is_alpha and agrees_with(
                    doc[k], [a for a in analyses(doc[k + 1]) if a.pos == "subst"])):
                continue  # "Małopolskie Centrum Kultury", "Podkarpackie muzeum": the adjective of a noun after it
            span = self._unit(doc, k, k, k + 1, self.voivodeship, taken)
            span._.base_form = unit_base(self.voivodeship, doc[k:k + 1]).lower()  # as Polish writes the unit
            found.append(span)
        return found

    def _units_by_adjective(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """A unit in lower case with its place adjectives, no office before it: "umowa między powiatem
        kędzierzyńsko-kozielskim a powiatem wyżnickim", "goście z województwa opolskiego"."""
        found = []
        for k in range(start, end - 1):
            if k in taken or (unit := next((l for l in lemma_set(doc[k]) if l in self.units_by_adjective), None)) is None:
                continue
            if cap(doc[k]) and not (doc[k + 1].is_lower and place_adjective(doc[k + 1])):
                continue  # "Powiat bielski podpisał…": capitalised as a sentence's first word, the adjective in lower case
            nouns = [a for a in analyses(doc[k]) if a.pos == "subst" and a.lemma == unit]
            if unit in self.singular_units and not any("sg" in a.numbers for a in nouns):
                continue  # "kraje bałtyckie": countries, no unit
            j = k + 1
            while j < end and j not in taken and not cap(doc[j]) and place_adjective(doc[j]) and (
                    agrees_with(doc[j], nouns) or unknown_to_sgjp(doc[j])) \
                    and not lemma_set(doc[j]) & self.country_adjectives:  # "wyżnickim": a foreign place's; but "kraj
                j += 1  # niemiecki" is a country, "powiat niemiecki" a county of a country, no name of either
            if j > k + 1:
                found.append(self._unit(doc, k, k + 1, j, unit, taken))
                found += self._elided_units(doc, k, j, end, unit, taken)
            elif j < end and j not in taken and cap(doc[j]) and not allcaps(doc[j]) and unknown_to_sgjp(doc[j]) \
                    and doc[j].lower_ not in self.place_particles and not (j + 1 < end and self._person_starts(doc, j)):
                # "z powiatem Peine", "powiatu Saalfeld-Rudolstadt": a foreign unit by its name, in its language
                e = self.unit_end(doc, j)
                span = Span(doc, k, e, label=ORG)
                name = tidy(doc[j:e].text)
                if e == j + 1 and FOREIGN_PLACE_ADJECTIVE.search(doc[j].text):
                    name = unit_base(unit, [doc[j]]).split(" ", 1)[1].lower()  # "obwodzie Iwano-Frankiwskim": an adjective
                span._.base_form, span._.rule, span._.head = f"{unit} {name}", "territorial-unit", unit
                span._.aliases = [tidy(doc[j:e].text)]
                taken.update(range(k, e))
                found.append(span)
        return found
