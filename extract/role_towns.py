"""Whose office it is when the sentence does not say: placed from the rest of the document.

A sentence often names an office and its holder but not the town or body ("burmistrz X", "wicestarosta Y").
`RoleReader` (extract/roles.py) reads the sentences and keeps such offices aside; once the whole document is
read, `OfficePlacement.place_offices` places them: by the person's office elsewhere in the text, the delegation
or the line before, the text's own town or its guests' told by the holder's name, the one town the text names
with that office. Lists of titles conferred ("Honorowi Obywatele Gminy X:") are read here too, as they span
sentences.
"""

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span

from .facts import (Membership, abroad, at_home, countries_abroad, finite_verb, home_town, home_unit, placed_abroad,
                    town_counts, town_mentions)
from .gazetteer import gazetteer
from .lexicon import deputy_of, lexicon
from .morphology import analyser, analyses, lemma_set
from .name_words import foreign_letters, given_name, is_country, partnership_text
from .names import fold, role_at, unknown_to_sgjp


# a delegation's origin names the mayors after it within its paragraph, not past a blank line
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
YEAR_WORDS = {"rok", "roku", "r.", "r"}  # "2021 rok - X", "2019 r. – Y": a list line opened by its year
HEADING_WORDS = 8  # a title's heading over a list in the singular is short: "Honorowy Obywatel Powiatu X:"


class OfficePlacement:
    """The document-wide half of `RoleReader` (a mixin: it reads the reader's lexicon sets and helpers)."""

    @staticmethod
    def _seat_of_a_mission(doc: Doc, i: int) -> bool:
        """ "konsul generalny Austrii w Lipnie": the town where a country's office sits, no town whose officials the
        sentence goes on to name."""
        return i >= 2 and doc[i - 1].lower_ in ("w", "we") and is_country(doc[i - 2])

    @staticmethod
    def _seat_of_a_body(doc: Doc, i: int, body_ends: set[int]) -> bool:
        """ "członkowie OSP w Dąbrówce": the town where a body named before it sits (`body_ends`: where the
        document's organisations' names end)."""
        return i >= 2 and doc[i - 1].lower_ in ("w", "we") and i - 1 in body_ends

    def place_offices(self, doc: Doc, entities, mentions, memberships: list[Membership], unresolved: list[Membership],
                      homeward: list[Membership], unheld: dict[str, set[str]]) -> list[Membership]:
        """Every office of the document: those the sentences placed, and those they left without a town or body
        (`unresolved`), of the writer's own unit (`homeward`), or named with a town and no holder (`unheld`)."""
        countries, towns = town_mentions(doc, entities, self.not_town)
        home = home_town(doc, entities, self.not_town, self.city_nouns)
        for m in homeward:  # a town's offices of the town the text names most; a county's of the only county
            unit = self.unit_of_role.get(m.role.label, "gmina")  # it names, if it names one ("powiat X")
            where = home if unit in self.city_nouns else home_unit(doc, entities, unit)
            if where is not None:
                memberships.append(Membership(m.person, m.role, where, m.date, m.evidence))
        # "przybyła do X": where they went, not whose; "umowę z X podpisał prezydent Y": the other side's; each
        # with whether it is a body's seat
        body_ends = {e.end for e in doc.ents if (e._.entity or "").startswith("organisation:")}
        city_mentions = [(s.start_char, s._.entity, self._seat_of_a_body(doc, s.start, body_ends)) for s in towns
                         if not (s.start > 0 and doc[s.start - 1].lower_ in self.destination)
                         and not self.agreement_side(doc, s.start, s.sent.start)
                         and not self._seat_of_a_mission(doc, s.start)]
        units = town_mentions(doc, entities, self.not_town, self.city_nouns)[1]  # "delegacja Gminy X": the unit too
        sources = [(s.start_char, s._.entity) for s in units if self._from_place(doc, s.start)  # "z Kraju X": a region,
                   and fold(entities[s._.entity].name.split()[0]).lower() not in self.region_heads]  # no town's
        governed = {s.start_char for s in units if self._from_place(doc, s.start, governing=True)}
        text = doc.text  # spaCy joins it anew on every access
        def words_end(at: int) -> int:  # where the words before `at` end, past the blank between lines
            while at > 0 and text[at - 1].isspace():
                at -= 1
            return at
        by_line_end: dict[int, list[Membership]] = {}  # offices told per sentence or line, by where its words end
        for k in memberships:
            by_line_end.setdefault(words_end(k.evidence.sentence_end), []).append(k)
        unit_of = {key: unit for key in {k.organisation for k in memberships}
                   if (unit := self.unit_of_body(key, entities)) is not None}  # "Rada Powiatu X" → "powiat X"
        named = town_counts(town_mentions(doc, entities, self.not_town, self.city_nouns)[1], entities, self.city_nouns)
        far = {k for k in named if abroad(entities[k], self.city_nouns)} | placed_abroad(doc, towns)
        polish_home = self._polish_home(home, named, far, entities)
        top = Counter({k: n for k, n in named.items() if k in far}).most_common(2)
        guest_home = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
        told_by_name: list[Membership] = []  # given after the others, which do not take their town from them
        undecided: list[Membership] = []
        per_sentence = Counter((m.role, m.evidence.sentence_start) for m in unresolved)
        nothing_abroad = not far and all(entities[k].name in lexicon().home_countries for k in countries) \
            and not partnership_text(doc)  # a history of one town: no partner or guest of whom a holder may be
        for m in unresolved:
            line_before = by_line_end.get(words_end(m.evidence.sentence_start), [])
            near = [(at, key) for at, key in sources if not PARAGRAPH_BREAK.search(text, at, m.evidence.start)]
            listed_before = [k for k in line_before if not self._in_prose(doc, k)]
            known = self._organisation_in_context(m, memberships, city_mentions, near, line_before, unit_of, governed,
                                                  listed_before)
            if m.role.municipal and known <= countries:
                known = set()  # "ambasador Austrii X, burmistrz Y": no town's office is a country's
            listed = per_sentence[(m.role, m.evidence.sentence_start)] > 1  # "radni: X i Y"
            own = self._polish_holders_home(m, entities, polish_home, doc, listed,
                                            nothing_abroad and polish_home not in unheld.get(m.role.label, ())) \
                if not known and m.role.municipal else None
            guest = self._guests_home(m, entities, guest_home, doc) if not known and m.role.municipal else None
            if own or guest:  # "burmistrz Jan X", "mer Jean Y" tied to no town: by the name, the own town's or the guests'
                told_by_name.append(self._moved(m, own or guest, own is not None))
                continue
            if len(known) == 1 and not self._state_office_of_a_town(m, next(iter(known)), entities, countries):
                memberships.append(Membership(m.person, m.role, known.pop(), m.date, m.evidence))
                by_line_end.setdefault(words_end(m.evidence.sentence_end), []).append(memberships[-1])
            elif not known:
                undecided.append(m)
        # "wójt Jan X, zastępca wójta Wolfgang Y": a deputy whose principal just before was placed by the name
        unplaced: list[Membership] = []
        councils = [k for k, e in entities.items() if self.is_council(e)]
        for m in undecided:
            principal = next((k for k in reversed(told_by_name) if k.evidence.sentence_start == m.evidence.sentence_start
                              and k.evidence.start < m.evidence.start and deputy_of(k.role) == m.role), None)
            if principal is not None:
                told_by_name.append(Membership(m.person, m.role, principal.organisation, m.date, m.evidence))
            elif len({k.person for k in undecided if k.role == m.role}) == 1 \
                    and (town := self._same_office_town(m, unheld, memberships, entities, doc)) is not None:
                told_by_name.append(self._reassigned(m, town, "role-same-office"))  # "Staroście Gminy X …. Starosta Y"
            elif (council := self._council_chaired(m, entities, councils, doc)) is not None:
                told_by_name.append(self._reassigned(m, council, "role-council"))
            else:
                unplaced.append(m)
        memberships += told_by_name
        memberships = self._staff_of_heads(doc, entities, memberships, unplaced)
        memberships += self._listed_title_holders(doc, mentions, home)
        memberships = [self._town_of_the_name(m, entities, polish_home, guest_home, doc, memberships, far)
                       for m in memberships]
        memberships = self._one_head_per_town(memberships, entities, polish_home)
        memberships = [self._office_named_with_town(m, unheld, memberships, entities, doc) for m in memberships]
        stated: dict[tuple[str, str], set[str]] = {}
        for m in memberships:
            if m.evidence.rule not in self.guessed_town_rules:
                stated.setdefault((m.person, m.role.label), set()).add(m.organisation)
        # "X – Burmistrz Miasta Y" … "pani burmistrz X": the office the text ties to its town, not a guess of another
        memberships = [m for m in memberships if m.evidence.rule not in self.guessed_town_rules
                       or m.organisation in stated.get((m.person, m.role.label), {m.organisation})]
        # a mayor, a councillor, a school's director is never a country's ("delegacja z Niemiec: burmistrz X")
        memberships = [m for m in memberships if not (m.organisation in countries and (
            m.role.label in self.local_roles or m.role.label in self.institution_offices))]  # nor a choir's tutor
        memberships = [m for m in memberships if m.evidence.rule != "role-context" or self._fits_body(m, entities)]
        regions = {k for k, e in entities.items() if self.regions & set(e.names)}  # "burmistrz" of "Brandenburgia": no
        memberships = [m for m in memberships if not (m.organisation in regions and m.role.label in self.town_heads)]
        # a voivodeship's office is no town's nor a foreign land's ("goście z Teksasu spotkali się z marszałkiem X"):
        # it is the voivodeship's the text names, if it names one
        voivodeship = self.lex.voivodeship_unit
        lands = {region for region, _adjective in self.lex.voivodeship_regions}  # "marszałek Dolnego Śląska"
        misplaced = [m for m in memberships if self.unit_of_role.get(m.role.label) == voivodeship and (
            e := entities.get(m.organisation)) is not None and (e.kind == "place" or e.also_place)
            and e.head != voivodeship and not lands & set(e.names)
            and not (fold(e.head or "") in self.region_heads and m.evidence.rule not in self.guessed_town_rules)]
        # (but "wicewojewoda grodzieński" of a text naming "obwód grodzieński": the region abroad the text ties it to)
        if misplaced:
            own = home_unit(doc, entities, voivodeship)
            memberships = [m for m in memberships if m not in misplaced] + [
                Membership(m.person, m.role, own, m.date, m.evidence) for m in misplaced if own is not None]
        # a county's office read as its seat's ("Starosta X", no county named with it, in a text of Kędzierzyn-Koźle)
        # is the county's whose seat that town is, when the text names that county
        seats = {town: key for key, e in entities.items() if e.head == self.county_noun
                 and (town := self.county_seat(e, entities)) is not None}
        memberships = [Membership(m.person, m.role, seats[m.organisation], m.date, m.evidence)
                       if m.role.label in self.county_offices and m.organisation in seats else m for m in memberships]
        towns_of_starostas = self._towns_of_starostas(memberships, entities)
        memberships = [Membership(m.person, m.role, towns_of_starostas[m.organisation], m.date, m.evidence)
                       if m.organisation in towns_of_starostas else m for m in memberships]
        # "wójtowie i burmistrzowie powiatu X": the heads of towns in a county, no office of the county itself
        memberships = [m for m in memberships if not (
            m.role.label in self.town_heads and self.unit_of_role.get(m.role.label, "gmina") == "gmina"
            and (e := entities.get(m.organisation)) is not None and e.head in self.upper_units)]
        memberships = [Membership(m.person, m.role, unit, m.date, m.evidence)
                       if (unit := self._unit_named_so(m, entities)) else m for m in memberships]
        return self._councillors_of_the_council(memberships, entities, councils)

    def _towns_of_starostas(self, memberships: list[Membership], entities) -> dict[str, str]:
        """The counties read from a seat's adjective after a county's office ("starosta jilemnicki") where the seat
        is a town of a country whose "starosta" heads a town, not a county (Czech, Slovak): county → that town,
        whose offices they are (the starosta's, and those the context gave the same county)."""
        found = {}
        for m in memberships:
            county = entities.get(m.organisation)
            if m.role.label not in self.county_offices or county is None or county.head != self.county_noun:
                continue
            town = self.county_seat(county, entities)
            countries = countries_abroad(entities[town], self.city_nouns) if town is not None else frozenset()
            if countries and countries <= self.town_starosta_countries:
                found[m.organisation] = town
        return found

    def _councillors_of_the_council(self, memberships: list[Membership], entities, councils: list[str]
                                    ) -> list[Membership]:
        """A councillor of a town sits in the town's council where the text names that council ("Radni Gminy X: …"
        and "Rada Gminy X"); one the context made a town's ("W gminie X mandat radnego uzyskali: …") sits in the one
        council the text names, when that one is the town's or names no town ("wybrano Radę Miejską")."""
        of_town: dict[str, list[str]] = {}
        for key in councils:
            if (town := self.town_of_council(key, entities)) is not None:
                of_town.setdefault(town, []).append(key)
        memberships = [Membership(m.person, m.role, of_town[m.organisation][0], m.date, m.evidence)
                       if m.role.label in self.council_offices and len(of_town.get(m.organisation, ())) == 1 else m
                       for m in memberships]  # "Radni Gminy X: …" of a text that names "Rada Gminy X": its members
        if len(councils) != 1:
            return memberships
        council = entities[councils[0]]
        rest = fold(council.name)
        for name in self.council_names:
            rest = rest[len(name):].strip() if rest.startswith(name) else rest
        out = []
        for m in memberships:
            town = entities.get(m.organisation)
            if m.role.label in self.council_offices and m.evidence.rule in self.guessed_town_rules \
                    and town is not None and (town.kind == "place" or town.also_place) \
                    and (not rest or fold(town.name).split()[-1][:4] in rest):  # its stem, in any case
                m = Membership(m.person, m.role, councils[0], m.date, m.evidence)
            out.append(m)
        return out

    def _organisation_in_context(self, m: Membership, memberships: list[Membership], city_mentions,
                                 sources=(), line_before=(), unit_of=None, governed=frozenset(),
                                 listed_before=()) -> set[str]:
        """The organisation of a role named without one: the one the person holds elsewhere in the text;
        for a mayor, the one city the sentence names that no other office there is of ("w Witten burmistrz
        X i burmistrz Tczewa Y"); else, for a mayor, the last one named before for that role, or that of the
        office just before in the same sentence (two mayors in a sentence are two cities', "prezydent Krakowa X
        i nadburmistrz Y"; a deputy's is that of the office it deputises named before it); a mayor's is a
        place, never a council or a society. An office of a body takes neither: beside another body's office
        in a sentence or a text it is as often another body's (on the real passages 8 right of 41, 0 of 4);
        it takes the organisation of the paragraph ("Zarząd w składzie: prezes – X"). A mayor's is rather the
        place a delegation came from, when it is named closer before than the last mayor ("delegacja z gminy X
        w składzie: Y – burmistrz", `sources`). In a list of
        offices one per line ("Prezes: A / Skarbnik: B"), an office of a body is of the body of the line before
        when that line is a list's, with no verb (`listed_before`; not "…uczestniczyli m.in. X, sekretarz Ambasady
        Y. / Zrzeszenie reprezentowali: prezes Z"), and a deputy is of the office it deputises on the line before
        (`line_before`: the offices of the sentence just before)."""
        known = {k.organisation for k in memberships if k.person == m.person and k.role == m.role}
        same_sentence = [k for k in memberships if k.evidence.sentence_start == m.evidence.sentence_start]
        principal = next((k for k in reversed(same_sentence) if k.evidence.start < m.evidence.start
                          and deputy_of(k.role) == m.role), None) or \
            next((k for k in line_before if deputy_of(k.role) == m.role), None)
        deputising = not known and principal is not None
        if deputising:  # "burmistrz X Y wraz z wiceburmistrzem Z", "starosta lipnicki X i wicestarosta Y": that office's
            known = {principal.organisation}
        source = max(((at, key) for at, key in sources if at < m.evidence.start), default=None)
        delegation = source is not None and source[0] >= m.evidence.sentence_start \
            and m.role.label not in self.town_heads  # "delegacja Gminy X: wójt A, radni B": no mayor of a town named there
        if not known and m.role.municipal and not delegation:
            told = [(key, seat) for at, key, seat in city_mentions
                    if m.evidence.sentence_start <= at < m.evidence.sentence_end]
            named = {key for key, _seat in told} - {k.organisation for k in same_sentence}
            seats = {key for key, seat in told if seat}  # "członkowie OSP w Dąbrówce": the body's town, not the mayor's
            known = named if len(named) == 1 and not named & seats and same_sentence else set()
        parallel = [k for k in same_sentence if k.evidence.start < m.evidence.start]
        earlier = [k for k in memberships if k.role == m.role and k.evidence.start < m.evidence.start]
        if m.role.municipal and source is not None and not known and all(k.evidence.start < source[0] for k in earlier):
            known = {source[1]}
        bodies_before = [k for k in listed_before if not m.role.municipal and not k.role.municipal
                         and not k.organisation.startswith("place:")]  # not a consul's country
        options = [[parallel[-1]] if parallel and m.role.municipal else [], bodies_before[-1:],
                   [max(earlier, key=lambda k: k.evidence.start)] if earlier and m.role.municipal else []]
        for option in (reversed(options) if m.role.municipal else options):
            if not known:
                known = {k.organisation for k in option}
        if m.role.municipal and not deputising:  # a county named as a body ("powiat lipnicki") is its deputy's too
            # the unit whose council is named before ("Przewodnicząca Rady Powiatu X Y, wicestarosta Z") is a place;
            # so is the unit acting as a body: "delegacja Gminy X", "z władzami Gminy X, na czele z burmistrzem Y"
            # "delegacja z Gminy X w składzie: Burmistrz Y": the delegation's gmina is its own head's too
            acting = source[1] if source is not None and (delegation or source[0] >= m.evidence.sentence_start and (
                source[0] in governed or m.role.label in self.town_heads)) else None
            known = {unit for k in known if (unit := (unit_of or {}).get(k, k)).startswith("place:") or unit != k
                     or k == acting}
        if not known and m.organisation:
            known = {m.organisation}
        return known

    def _staff_of_heads(self, doc: Doc, entities, memberships: list[Membership], unplaced: list[Membership]
                        ) -> list[Membership]:
        """A secretary or a treasurer the context left without a unit (`unplaced`), or gave a body (a council named
        beside it), goes with the head named before it in the sentence, once the heads are placed (a head placed by
        the holder's name is placed last)."""
        by_sentence: dict[int, list[Membership]] = {}
        for k in memberships:
            by_sentence.setdefault(k.evidence.sentence_start, []).append(k)

        def head_of(m: Membership) -> Membership | None:
            head = self._head_before(m, by_sentence.get(m.evidence.sentence_start, []), doc)
            if head is not None and any(head.evidence.start < k.evidence.start < m.evidence.start
                                        and k.role.label not in self.town_staff_offices for k in unplaced):
                return None  # "burmistrz X A, przewodniczący B i sekretarz C": of the body B chairs, unnamed
            return head

        def body_guessed(m: Membership) -> bool:
            org = entities.get(m.organisation)
            return m.evidence.rule in self.guessed_town_rules and org is not None and org.kind != "place" \
                and not org.also_place

        out = [replace(m, organisation=head.organisation) if body_guessed(m) and (head := head_of(m)) else m
               for m in memberships]
        return out + [replace(m, organisation=head.organisation) for m in unplaced if (head := head_of(m))]

    @staticmethod
    def _in_prose(doc: Doc, m: Membership) -> bool:
        """The sentence that told the office has a verb: a clause, not a line of a list."""
        told = doc.char_span(m.evidence.sentence_start, m.evidence.sentence_end, alignment_mode="expand")
        return told is not None and any(finite_verb(t) for t in told)

    def _head_before(self, m: Membership, same_sentence: list[Membership], doc: Doc) -> Membership | None:
        """For a secretary or a treasurer named with no body, the head of a town, gmina or county listed before it in
        the sentence, no verb between: they are that unit's officers (not "burmistrz X otrzymał pismo od sekretarza
        Y": the letter's sender's)."""
        if m.role.label not in self.town_staff_offices:
            return None
        head = max((k for k in same_sentence if k.evidence.start < m.evidence.start
                    and (k.role.label in self.town_heads or k.role.label in self.polish_town_offices)),
                   key=lambda k: k.evidence.start, default=None)  # the nearest before it, however it was placed
        between = doc.char_span(head.evidence.end, m.evidence.start, alignment_mode="expand") if head else None
        return head if between is not None and not any(finite_verb(t) for t in between) else None

    def _polish_holders_home(self, m: Membership, entities, home: str | None, doc: Doc, listed: bool = False,
                             nothing_abroad: bool = False) -> str | None:
        """The text's own town (or its gmina) for a Polish town's office held by a person with a Polish given name
        (or, where the text names no town or country abroad and no partnership, by anyone named in full: a German
        burgomaster in the history of a Silesian town), when the text names that town more than any other Polish
        town; a councillor's only when listed with others ("w skład delegacji wchodzili radni: X i Y"; one alone
        is as often of a county or another town)."""
        if not (nothing_abroad and self._full_name_not_foreign(m, entities) or self._polish_named(m, entities)) \
                or not (m.role.label in self.polish_town_offices or listed and m.role.label in self.council_offices):
            return None
        unit = self.unit_of_role.get(m.role.label, "gmina")
        if unit in self.city_nouns:
            return home  # a county's or a voivodeship's office needs no home town: the one unit the text names
        county = home_unit(doc, entities, unit)  # not a county named only as where something happened ("w siedzibie
        return county if any(s._.entity == county and not self._where(doc, s) for s in doc.ents) else None  # Powiatu X")

    def _guests_home(self, m: Membership, entities, guest_home: str | None, doc: Doc) -> str | None:
        """The town abroad the text names most, for a town's office held by a person named by a given name that
        is not Polish (or a word SGJP does not know); a starosta's too where that town is Czech or Slovak, whose
        starosta heads the town ("umowę podpisali starosta Jan Dvořák i wójt Lipna")."""
        if guest_home is None or not (m.role.label in self.guest_town_offices or m.role.label in self.county_offices
                                      and self._starosta_heads(guest_home, entities, doc)):
            return None
        return guest_home if self._foreign_named(m, entities, doc) else None

    def _starosta_heads(self, town: str, entities, doc: Doc) -> bool:
        """The town lies in a country whose starosta heads a town (Czech, Slovak): by GeoNames, or, for a town it
        does not know, by the only countries the text names beside the writer's own."""
        countries = countries_abroad(entities[town], self.city_nouns)
        if not countries:
            named = {entry.country for k, e in entities.items() if e.kind == "place"
                     and (entry := gazetteer().country(e.name)) is not None}
            countries = frozenset(named - gazetteer().home)
        return bool(countries) and countries <= self.town_starosta_countries

    def _polish_named(self, m: Membership, entities) -> bool:
        """The holder's first name is one of the common Polish given names, and the name has no letter the Polish
        alphabet lacks ("Jan Nováček" is Czech)."""
        person = entities.get(m.person)
        return person is not None and person.name.split()[0] in self.polish_given_names \
            and not self._spelt_foreign(person)

    @staticmethod
    def _spelt_foreign(person) -> bool:
        """A name written anywhere in the text with a letter Polish lacks ("Jánosi Géza", once "Geza Janosi")."""
        return any(foreign_letters(name) for name in (*person.names, *person.aliases))

    def _full_name_not_foreign(self, m: Membership, entities) -> bool:
        """The holder is named in full ("Ottomar Krause", not "Danka"), with no letter or given name of a partner's
        language."""
        person = entities.get(m.person)
        return person is not None and len(person.name.split()) >= 2 and not self._foreign_spelt_or_named(m, entities)

    def _foreign_spelt_or_named(self, m: Membership, entities) -> bool:
        """The holder's name has a letter Polish lacks, or a given name of the partners' languages ("Pavel")."""
        person = entities.get(m.person)
        return person is not None and (self._spelt_foreign(person)
                                       or analyser().foreign_given_name(person.name.split()[0]))

    def _foreign_named(self, m: Membership, entities, doc: Doc) -> bool:
        """The holder's first name is not a Polish given name: one SGJP knows as a given name, or a word it does
        not know, or one of the partners' given names (data/given_names.toml) in its base form ("mera Didiera X":
        SGJP may read such a form as a surname's)."""
        person = entities.get(m.person)
        if person is None or self._polish_named(m, entities):
            return False
        if self._foreign_spelt_or_named(m, entities):
            return True
        start, end = person.mentions[0][:2]
        mention = doc.char_span(start, end, alignment_mode="expand")
        return mention is not None and (given_name(mention[0]) or unknown_to_sgjp(mention[0]))

    @staticmethod
    def _polish_home(home: str | None, named: Counter, far: set[str], entities) -> str | None:
        """The Polish town told of most; of towns told of as often, the one the text's bodies are named after
        ("Rada Gminy X", "Gminny Ośrodek Kultury w X"), if one is so more than the others."""
        if home is None or home in far:
            return None
        rivals = [k for k, n in named.items() if k != home and k not in far and n >= named[home]]
        if not rivals:
            return home
        if any(named[k] > named[home] for k in rivals):
            return None
        bodies = [{fold(w) for n in (*e.names, *e.aliases) for w in n.split()}
                  for e in entities.values() if e.kind == "organisation"]
        seated = Counter()
        for k in (home, *rivals):
            forms = {fold(a) for a in (entities[k].name, *entities[k].aliases) if " " not in a}  # "Lipniki", "Lipnikach"
            seated[k] = sum(1 for words in bodies if forms & words)
        (first, most), *rest = seated.most_common()
        return first if most > 0 and all(n < most for _k, n in rest) else None

    def _town_of_the_name(self, m: Membership, entities, polish_home: str | None, guest_home: str | None,
                          doc: Doc, memberships: list[Membership], far: set[str]) -> Membership:
        """A town's office read from the context ("role-context") whose town the holder's name belies: a Polish
        given name and a town abroad, a foreign one and a Polish town, or the office the text names another holder
        of there ("burmistrz X-y Y …, rozmowy z burmistrzem Z"): the own town's or the guests' instead."""
        org = entities.get(m.organisation)
        if m.evidence.rule != "role-context" or org is None or not m.role.municipal:
            return m
        if org.head == self.county_noun:
            return self._county_of_the_name(m, org, entities, doc)
        if org.kind != "place":
            return m
        if m.role.label in self.county_offices and self._polish_named(m, entities) \
                and (abroad(org, self.city_nouns) or not at_home(org, self.city_nouns)) \
                and (county := home_unit(doc, entities, self.county_noun)) is not None \
                and self._county_is_polish(entities[county]):
            return self._moved(m, county, True)  # "Starosta X" read from a town abroad (or one GeoNames does not know
            # at home): of the one Polish county the text names
        held = any(k.organisation == m.organisation and k.role == m.role and k.person != m.person
                   and k.evidence.rule not in self.guessed_town_rules for k in memberships)
        polish = polish_home and (held or m.organisation in far) \
            and self._polish_holders_home(m, entities, polish_home, doc)
        foreign = guest_home and (held or at_home(org, self.city_nouns)) \
            and self._guests_home(m, entities, guest_home, doc)
        return self._moved(m, polish or foreign, bool(polish)) if polish or foreign else m

    def _one_head_per_town(self, memberships: list[Membership], entities, polish_home: str | None) -> list[Membership]:
        """ "Dokument podpisali burmistrzowie: Piotr X i Andreas Y", both read as the partner town's: a town has one
        head, so of holders with Polish and foreign given names the Polish ones are the own town's."""
        if polish_home is None:
            return memberships
        together: dict[tuple, list[Membership]] = {}
        for m in memberships:
            if m.role.label in self.town_heads and m.evidence.rule in self.guessed_town_rules:
                together.setdefault((m.role.label, m.organisation, m.evidence.sentence_start), []).append(m)
        moved = {}
        for (_label, town, _sentence), held in together.items():
            polish = [m for m in held if self._polish_named(m, entities)]
            if town != polish_home and 0 < len(polish) < len({m.person for m in held}):
                moved.update({id(m): self._moved(m, polish_home, True) for m in polish})
        return [moved.get(id(m), m) for m in memberships]

    def _county_of_the_name(self, m: Membership, county, entities, doc: Doc) -> Membership:
        """A county's office read from the context whose county the holder's name belies: of two counties, one
        Polish (named by a Polish adjective, "Powiat Lipnicki") and one abroad ("Powiat Tbilno"), the other."""
        person = entities.get(m.person)
        if person is None or m.role.label not in self.county_offices:
            return m
        polish_name = self._polish_named(m, entities)
        if polish_name == self._county_is_polish(county) or not polish_name and not self._foreign_named(m, entities, doc):
            return m
        others = {k for k, e in entities.items() if e.head == self.county_noun and k != m.organisation
                  and self._county_is_polish(e) == polish_name}
        return self._moved(m, others.pop(), polish_name) if len(others) == 1 else m

    def _listed_title_holders(self, doc: Doc, mentions, home: str | None) -> list[Membership]:
        """ "nadano tytuł Honorowego Obywatela Gminy X następującym osobom:" or a heading "Honorowi Obywatele Gminy
        X", then a list: each line opened by a person and a dash, a bracket, years or nothing more names a holder
        of the title (dated by the year heading in force). Lines that name no one go by; a line naming someone
        otherwise ends the list."""
        held, title, listing = [], None, False
        for n, sent in enumerate(doc.sents):
            named = self._title_named(doc, sent, mentions, home)
            if named is not None:
                title, at = named, n
            heading = named is not None and (doc[named[2]].morph.get("Number") == ["Plur"] or sent.text.rstrip(
                ).endswith(":") and sum(not t.is_space for t in sent) <= HEADING_WORDS) \
                and not any(finite_verb(t) for t in sent)  # "Honorowi Obywatele Gminy X", "Honorowy Obywatel Y:"
            introduced = title is not None and n - at <= 1 and sent.text.rstrip().endswith(":") \
                and any(self._gives(t) for t in sent)
            # a verb that gives the title ("nadano … następującym osobom:"), not a rule's name ("Regulamin Nadawania
            # Tytułu …, powołano komisję w składzie:")
            if heading or introduced:
                listing = True
                continue
            if not listing:
                continue
            if sent.text.rstrip().endswith(":"):
                listing = False  # another list's heading: "Zasłużony dla Powiatu X:"
                continue
            first = next((t.i for t in sent if not (t.is_space or t.is_punct or t.like_num or t.lower_ in self.honorifics
                                                    or t.lower_ in YEAR_WORDS and t.i > sent.start
                                                    and doc[t.i - 1].like_num)), None)  # "2021 rok - X"
            person = self._mention_at(mentions, first, ("person",)) if first is not None else None
            if person is not None and person.start == first and (
                    person.end >= sent.end or doc[person.end].text in ("–", "—", "-", "(", ",") or doc[person.end].is_space
                    or doc[person.end].like_num):  # "X Y (1912-2009)", "X Y 1937-2014 – lekarz"
                held.append(Membership(person._.entity, title[0], title[1], self.date_at(sent, (sent.start, sent.end)),
                                       self.evidence(sent, person.start, person.end, "role-listed")))
            elif any(m._.entity.startswith("person:") for m in self._sentence_mentions(mentions, sent)):
                listing = False
        return held

    def _title_named(self, doc: Doc, sent: Span, mentions, home: str | None):
        """A title with the town or body it is of and no holder in the sentence ("tytuł Honorowego Obywatela Gminy
        X", "Honorowi Obywatele Gminy X"): (role, organisation key, where the role word is), else None."""
        for t in sent:
            found = role_at(doc, t.i)
            if found is None or found[0].label not in self.conferred_titles:
                continue
            end = found[1]
            if end < sent.end and lemma_set(doc[end]) & self.town_nouns and self._mention_at(mentions, end, ("organisation",)) is None:
                end += 1
            org = self._mention_at(mentions, end, ("organisation", "place")) if end < sent.end else None
            if org is not None:
                return (found[0], org._.entity, t.i)
            if end - 1 > t.i and lemma_set(doc[end - 1]) & self.town_nouns and home is not None \
                    and all(x.is_punct or x.is_space for x in doc[end:sent.end]):
                return (found[0], home, t.i)  # "Honorowi Obywatele Miasta": a heading of the town's own page
            if home is not None and sent.text.rstrip().endswith(":") and all(
                    x.is_space or x.is_punct or self._gives(x) for x in doc[end:sent.end]):
                return (found[0], home, t.i)  # "Do tej pory tytuł Honorowego Obywatela otrzymali:": the town's own
        return None

    def _gives(self, t) -> bool:
        """A finite verb that gives or receives a title ("nadano", "otrzymali"), not its noun."""
        return any(a.lemma in self.conferring_verbs and a.pos != "ger" for a in analyses(t))

    def _office_named_with_town(self, m: Membership, unheld: dict[str, set[str]], memberships, entities,
                                doc: Doc) -> Membership:
        """ "Pani Wójt Gminy X wzięła udział …; … Pani Wójt Y": an office guessed from the context or the holder's
        name is of the one town the text names that office with, if no one else holds it there."""
        if m.evidence.rule not in self.guessed_town_rules or m.organisation in unheld.get(m.role.label, set()):
            return m
        town = self._same_office_town(m, unheld, memberships, entities, doc)
        return m if town is None else self._reassigned(m, town, "role-same-office")

    def _same_office_town(self, m: Membership, unheld: dict[str, set[str]], memberships, entities, doc: Doc) -> str | None:
        """The one town the text names the office with and no holder, if no one else holds it there and the
        holder's name does not belie it."""
        towns = unheld.get(m.role.label, set())
        if len(towns) != 1:
            return None
        town = next(iter(towns))
        if any(k.organisation == town and k.role.label == m.role.label and k.person != m.person for k in memberships):
            return None
        place, person = entities.get(town), entities.get(m.person)
        if place is None or person is None or self._surname_like(place.name, person.name.split()[-1]):
            return None  # "burmistrz Nowak": a surname read as a town
        if self._polish_named(m, entities) and abroad(place, self.city_nouns) or self._foreign_named(m, entities, doc) and at_home(place, self.city_nouns):
            return None  # the holder's name belies the town
        return town

    def _state_office_of_a_town(self, m: Membership, key: str, entities, countries) -> bool:
        """A member of parliament, a minister or a consul is no town's, gmina's or county's officer, whatever town the
        line before names ("Sekretarz Gminy X …, Posłanki A oraz Poseł B")."""
        entity = entities.get(key)
        return m.role.label in self.state_roles and entity is not None and (entity.kind == "place" or entity.also_place) \
            and key not in countries

    def _fits_body(self, m: Membership, entities) -> bool:
        """An office placed from the context is one its body can have: a parish priest's is a church's body, a
        teacher's a school's (or a body named by an acronym, whose head is not known); a director's or a president's
        is no town's and no territorial unit's; a parliament's only its members'."""
        body = entities.get(m.organisation)
        if body is None:
            return True
        if not self.held_in(m.role.label, body):
            return False
        heads = self.office_body_heads.get(m.role.label)
        if body.head in self.one_word_bodies and (heads is None or body.head not in heads):
            return False  # the Sejm has members of parliament, not a president or a parish priest
        unit = body.head in self.territorial or body.head in self.city_nouns
        return not (m.role.label in self.institution_offices and (body.kind == "place" or body.also_place and unit))

    def held_in(self, office: str, body) -> bool:
        """The office can be held in the body: a body of one of the heads the office is held in, or of a head not
        known (named by an acronym); any body for an office of no such heads, and a body the text did not keep."""
        heads = self.office_body_heads.get(office)
        return body is None or heads is None or body.kind == "organisation" and (
            body.head is None or body.head in heads)

    @staticmethod
    def _surname_like(name: str, surname: str) -> bool:
        """One word in two cases, as far as its last two letters ("Novotná", "Novotnej")."""
        a, b = fold(name).lower(), fold(surname).lower()
        return len(a) >= 4 and b.startswith(a[:-2])

    def _moved(self, m: Membership, where: str, own: bool) -> Membership:
        """The office of `m` held in `where`, told by the holder's name: the own town's or the guests'."""
        return self._reassigned(m, where, "role-own-town" if own else "role-guest-town")

    def _council_chaired(self, m: Membership, entities, councils: list[str], doc: Doc) -> str | None:
        """ "Radni wybrali prezydium rady: Przewodniczący – X, Wiceprzewodniczący – Y":
        a chair named with no body before the holder's name, in a sentence that speaks of a council ("rada") or
        just after one, of a text that names one council: that council's."""
        person = entities.get(m.person)
        if m.role.label not in self.council_chair_offices or person is None \
                or any(start == m.evidence.start for start, *_ in person.mentions):
            return None  # not "Adam X, Przewodniczący i Radni Rady Powiatu": the office after a name, a list's
        sent = doc.char_span(m.evidence.sentence_start, m.evidence.sentence_end, alignment_mode="expand")
        if len(councils) != 1 or sent is None:
            return None
        first = doc[sent.start - 1].sent.start if sent.start > 0 else 0  # the sentence before it too
        return councils[0] if any(lemma_set(t) & self.council_lemmas for t in doc[first:sent.end]) else None

    def _reassigned(self, m: Membership, where: str, rule: str) -> Membership:
        """The office of `m` held in `where`, by `rule` and at its measured confidence."""
        return Membership(m.person, m.role, where, m.date, replace(m.evidence, rule=rule, confidence=float(self.confidence[rule])))

    @staticmethod
    def _county_is_polish(county) -> bool:
        """ "Powiat Lipnicki", "Powiat Kutnowski": named by a Polish adjective; "Powiat Tbilno" is a county abroad."""
        last = county.name.split()[-1].lower()
        return last.endswith(("ski", "cki", "dzki")) or any(a.pos == "adj" for a in analyser().analyse(last))

    def _unit_named_so(self, m: Membership, entities) -> str | None:
        """ "Starosta Lahn-Dill" of a text that names "Powiat Lahn-Dill": the office is the unit's, not the
        town's of that name (a county and its seat are two: see extract/linker.py)."""
        unit = self.unit_of_role.get(m.role.label)
        place = entities.get(m.organisation)
        if unit is None or place is None or place.kind != "place":
            return None
        return next((key for key, e in entities.items() if e.kind == "organisation" and e.head == unit
                     and fold(e.name.split(" ", 1)[-1]) == fold(place.name)), None)

    def _from_place(self, doc: Doc, first: int, governing: bool = False) -> bool:
        """A place named as where someone comes from: "z Vrbna", "z gminy Vrbno", "delegacja gminy Vrbno" (or "Gminy
        Vrbno", the unit's noun in its name), "przedstawiciele władz miasta X"; `governing`: only after the noun of
        its delegation or government ("z władzami Gminy X"), not "z" ("umowę z Gminą X")."""
        j = first - 1
        if j > 0 and lemma_set(doc[j]) & self.city_nouns:
            j -= 1
        unit_named = j < first - 1 or bool(lemma_set(doc[first]) & self.city_nouns)  # "delegacja gminy X", "delegacja Gminy X"
        return j >= 0 and (doc[j].lower_ in self.source and not governing
                           and not self.agreement_side(doc, first, doc[first].sent.start)
                           or unit_named and bool(lemma_set(doc[j]) & self.delegation_nouns))
