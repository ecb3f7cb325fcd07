"""Relations between entities: twinned towns, successors in an office, managing bodies, districts and seats.

The `kronika_relations` component reads the roles found before it (`doc._.memberships`: the places of the
officials a sentence names are its towns) and adds to `doc._.relations`; a successor named without an office
takes his predecessor's, added to `doc._.memberships`. Partners told as a list (headings, lines after an intro)
are read by `extract/partner_lists.py`.
"""


import re
from itertools import combinations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import past_date
from .facts import (Evidence, FactReader, Membership, Relation, at_home, finite_verb, foreign_country, mention_index,
                    placed_abroad, town_at_home)
from .linker import one_word_inflected
from .morphology import analyser, analyses, lemma_set, lemma_sets
from .name_words import is_country, plural_of
from .names import DASH_OR_COLON, DASHES, acronyms_of, fold, generic_organisation, stems, unknown_to_sgjp
from .partner_lists import PartnerLists


@Language.factory("kronika_relations")
def make_relations(nlp: Language, name: str):
    return RelationReader()


# a verb in the conditional ("chciałby", "mogliby") or its particle alone ("by")
CONDITIONAL = re.compile(r"^by$|(?:ł|li|ły|ła|ło)by(?:śmy|ście|m|ś)?$")


class RelationReader(PartnerLists, FactReader):
    def __init__(self):
        super().__init__()
        lex = self.lex
        self.organ_heads = frozenset(lex.organ_heads)
        self.adjectival_organ_heads = frozenset(lex.adjectival_organ_heads)
        rel = lex.relations
        self.succession = self.successors | self.predecessors
        self.after_him = set(rel["after_him"])
        self.government_nouns = frozenset(lex.government_nouns)
        self.region_heads = frozenset(lex.region_heads)
        self.between = set(rel["between_prepositions"])
        self.pair_conjunctions = set(rel["pair_conjunctions"])
        self.institution_heads = set(lex.organisation_heads) - set(lex.territorial_heads) - set(lex.city_nouns)
        self.occasions = frozenset(rel["partnership_occasions"])
        self.compass_adjectives = frozenset(rel["compass_adjectives"])
        self.county_noun = lex.county_unit
        self.county_level = frozenset(lex.county_level_heads)  # a county's peers abroad: "powiat", "rejon", "Landkreis"
        self.home_upper_units = frozenset(lex.home_upper_units)
        self.anniversaries = frozenset(lex.anniversary_nouns) - {"okazja", "pamiątka"}  # "-lecie", "rocznica", …
        self.no_settlement = set(lex.state_heads) | set(lex.feature_heads)
        self.features = set(lex.feature_heads)
        self.not_a_town_nouns = self.features | set(lex.region_nouns)
        self.cooperation = tuple(rel["cooperation_stems"])
        self.contact_nouns, self.contact_verbs = set(rel["contact_nouns"]), set(rel["contact_verbs"])
        self.own_pronouns = set(rel["own_pronouns"])
        self.capital_nouns = frozenset(rel["capital_nouns"])
        self.management_nouns = set(rel["management_nouns"])
        self.management_verbs = set(rel["management_verbs"])
        self.district_nouns = set(lex.district_heads)
        self.community_nouns = frozenset(rel["community_nouns"])
        self.naming_words = frozenset(rel["naming_words"])

    def relations(self, doc: Doc, sent: Span, mentions, entities, memberships: list[Membership], found: list[Relation],
                  home: str | None = None) -> None:
        ms = self._sentence_mentions(mentions, sent)
        for t in sent:
            if t.lower_ == "po" and t.i + 2 < sent.end and doc[t.i + 1].lower_ in self.after_him:
                self._took_office_after(doc, sent, mentions, t.i, memberships, found)
            elif lemma_set(t) & self.succession:
                successor = bool(lemma_set(t) & self.successors)
                after = self._person_after(doc, mentions, t.i + 1, sent.end)
                before = None
                j = t.i - 1
                if j >= sent.start and doc[j].text == ",":
                    before = mentions.get(j - 1)
                if after is not None and before is not None and before._.entity.startswith("person:"):
                    s, o = (before, after) if successor else (after, before)
                    found.append(Relation(s._.entity, "successorOf", o._.entity,
                                          self.evidence(sent, before.start, after.end, "relation-successor")))
                elif j >= sent.start and doc[j].lower_ in self.possessives and t.i + 1 < sent.end and \
                        lemma_set(doc[t.i + 1]) & self.copulas:
                    # "Jego następcą został Y": Y and the person the sentences before were about
                    named = self._person_after(doc, mentions, past_date(doc, t.i + 2, sent.end), sent.end)
                    earlier = self._antecedent(doc, mentions, j, 0, ("person",))
                    if named is not None and earlier is not None and named._.entity != earlier._.entity:
                        s, o = (named, earlier) if successor else (earlier, named)
                        found.append(Relation(s._.entity, "successorOf", o._.entity,
                                              self.evidence(sent, j, named.end, "relation-successor")))
                        if successor:
                            self._succeeded_office(sent, named, earlier, j, memberships)
        twinning = [t.i for t in sent if (t.lower_.startswith(self.twinning) or self._partner_of_town(doc, t, mentions))
                    and not self._of_institutions(doc, sent, t.i, ms) and not self._theirs(doc, sent, t.i)
                    and not self._with_institution(doc, sent, t.i)]
        agreement_between = False
        quoted = self._quoted(sent) if twinning else set()
        unquoted = [i for i in twinning if i not in quoted]  # in the sentence's order
        if unquoted:
            cities = self._cities(sent, [m for m in ms if m.start not in quoted], entities, memberships)
            following = sent
            # "miasta partnerskie będą działać…": partner towns in general, named by no sentence after it
            plural = all(doc[i].morph.get("Number") == ["Plur"] for i in unquoted)
            generic = not cities and plural
            if all(self._of_towns_unnamed(doc, sent, i, mentions, cities) for i in unquoted):
                generic, cities = True, []  # "przed podpisaniem dokumentu o zbliźniaczeniu miast, odbyły się koncerty
                # orkiestry z X": the towns told before, not those of another clause
            generic = generic or any(self._partners_by_country(doc, i, sent.end) for i in unquoted)
            first_word = unquoted[0]
            if len(cities) == 1 and home is not None and home != cities[0] \
                    and self._partner_with_z(doc, sent, first_word, mentions, cities[0]) \
                    and self._same_level(entities.get(home), entities.get(cities[0])):
                cities = [home, cities[0]]  # "odnowić stosunki partnerskie z gminą X": the text's own town's partner
            for _ in range(2):  # "Rozmowy o partnerstwie… Porozumienie podpisano w X. Podpisali je prezydent X i burmistrz Y."
                if generic or len(cities) >= 2 or following.end >= len(doc) or "\n\n" in doc[following.end - 1:following.end + 1].text:
                    break  # within the paragraph
                following = doc[following.end].sent
                if any(t.lower_.startswith(self.twinning) for t in following):
                    break  # a sentence about a partnership of its own is read on its own
                more = self._cities(following, self._sentence_mentions(mentions, following), entities, memberships)
                new = set(more) - set(cities)
                if plural and any(town_at_home(entities[c], self.city_nouns) for c in new) \
                        and any(town_at_home(entities[c], self.city_nouns) for c in cities):
                    break  # "współpraca X z miastami partnerskimi. … skansen w Y": partners in general of a town at
                    # home, Y another the visit goes to; but "delegacje z miast partnerskich. … z białoruskiego A, B i C"
                if len(new) > 2 and not plural:
                    break  # a list of towns of its own ("współpracę Gmin X, Y, Z i W"), not the partner left unnamed
                cities = list(dict.fromkeys(cities + more))
            cities = self._twinning_clause(sent, ms, cities, unquoted[0])
            cities = self._capital_for_unit(doc, ms, cities, home)
        elif self._cooperation_agreement(doc, sent):
            # the cities of the heads who signed it, or the two sides "między X i Y", "gmin X i Y" (both towns)
            agreement_between = any(t.lower_ in self.between and not self._sides_unnamed(doc, mentions, t.i, sent.end)
                                    or self._agreement_of_towns(doc, t) for t in sent)
            cities = self._cities(sent, ms if agreement_between else [m for m in ms if self._role_complement(doc, m)],
                                  entities, memberships)  # "Wójt Gminy X oraz Burmistrz Gminy Y podpisali umowę"
        else:
            cities = []
        cooperating = []
        if not agreement_between and len(cities) < 2:
            named = self._cities(sent, ms, entities, memberships)
            cooperating = self._cooperation_with(doc, sent, mentions, named, home) or \
                self._signed_with(doc, sent, mentions, named, not self._cooperation_agreement(doc, sent)) or \
                self._fronted_agreement(doc, sent, mentions, named) or \
                self._elliptical_pairs(doc, sent, mentions, named) or self._agreement_with(doc, sent, mentions, named) \
                or self._home_agreement_with(doc, sent, mentions, named, home, entities)
        # "miast partnerskich Leszna są: X, Y i Z": the city right after the word of partnership is the
        # sentence's host, the partner of each other one, whatever city the text names most
        # "przedstawiciele partnerskiej Gminy X, Samorządu Y oraz gminy Z": a town named after a singular
        # adjective of partnership is a partner, not the host; in a list of three towns or more, the text's
        # home town's partner, not the others'
        hosted = []
        named_partners = [m._.entity for i in unquoted if doc[i].pos_ == "ADJ"
                          and doc[i].morph.get("Number") == ["Sing"] and not self._sides_after(doc[i], mentions) and (
                              (m := mentions.get(i + 1)) is not None and m.start == i + 1 and m._.entity in cities
                              or (m := self._town_at(doc, mentions, i + 1, sent.end, cities)) is not None)
                          and not (m.end + 1 < sent.end and doc[m.end].text in DASHES and m.end + 1 in mentions)]
        # "w partnerskiej gminie X": past the unit's noun; not "z partnerskiego miasta X - Y": X's partner Y
        host = next((m._.entity for i in unquoted if (m := mentions.get(i + 1)) is not None
                     and m.start == i + 1 and m._.entity in cities and m._.entity not in named_partners
                     and ("Ins" not in doc[i].morph.get("Case") or self._genitive_only(doc[i + 1]))), None)
        # "a miastami partnerskimi X oraz Y": partners; but "miastami partnerskimi Oksfordu są: …": its partners
        if host is None and named_partners and len(self._one_per_name(cities, entities)) > 2:
            # the partner of the town named before the word ("Podczas Dni X gościliśmy przedstawicieli
            # partnerskiej Gminy Y, …"), else of the text's home town
            first = unquoted[0]
            before = [m for m in ms if m.end <= first and m._.entity in cities and m._.entity not in named_partners]
            others = [m._.entity for m in self._coordinated_before_towns(doc, before)] or [home]
            cities = [c for c in cities if c in named_partners or c in others]
            if len(others) > 1:  # "delegacja z Gmin X i Y na zaproszenie partnerskiej gminy Z": each one's partner
                hosted = [(o, p) for o in others for p in dict.fromkeys(named_partners)]
        if host is None and (owner := self._owner_before_list(doc, sent, unquoted, ms, cities)) is not None:
            host = owner  # "Radomsko posiada pięć miast partnerskich: A (Węgry), B i C": the owner's, each
        sides = self._one_per_name(cities, entities)
        if host is None and named_partners and len(sides) == 2 and named_partners[0] in sides and all(
                doc[m.start - 1].lower_ in self.locative for m in ms if m._.entity in sides
                and m._.entity != named_partners[0] and m.start > sent.start):
            sides = named_partners[:1]  # "delegacja z partnerskiego powiatu X zwiedziła miejsca na Y": where, not who
        venues = [m._.entity for m in ms if m._.entity not in sides and m.start > sent.start
                  and doc[m.start - 1].lower_ in self.locative and not doc[m.start].is_lower
                  and m._.entity.startswith("place:") and (e := entities.get(m._.entity)) is not None
                  and not e.district and not self.not_town(e)]
        if host is None and home not in sides and len(sides) > 2 and (home in venues or len(set(venues)) == 1):
            # "w X spotkali się przedstawiciele miast partnerskich: A, B i C": X's partners, X the text's own
            # town or the one town the sentence is in ("w X przebywali przedstawiciele innych miast partnerskich")
            host = home if home in venues else venues[0]
            sides = [host, *sides]
        if host is None and home is not None and sides and home not in sides and any(
                lemma_set(t) & self.own_pronouns and t.i + 1 < sent.end and lemma_set(doc[t.i + 1]) & self.unit_nouns
                for t in sent):  # "nasze miasto związało się umową partnerską z X, a rok później z Y": ours, each
            host, sides = home, [home, *sides]
        if home is not None and len(sides) >= 2 and home not in sides \
                and self._partners_listed_after(doc, sent, unquoted, ms, sides, host):
            host, sides = home, [home, *sides]  # "X-lecia Partnerstwa z A i B", "przedstawiciele miast partnerskich - A i B"
        if home is not None and len(sides) >= 2 and home not in sides and all(
                any(self._partner_with_z(doc, sent, i, mentions, c) for i in unquoted) for c in sides):
            host, sides = home, [home, *sides]  # "20-lecie partnerstwa z A oraz 15-lecie partnerstwa z B": the home's, each
        if home is not None and len(sides) >= 2 and home not in sides and all(
                any(self.agreement_side(doc, m.start, sent.start) for m in ms if m._.entity == c) for c in sides):
            host, sides = home, [home, *sides]  # "Umowę partnerską z A podpisał w 1992 r. X, a z B w 2002 r. Y"
        if sides and sides == named_partners[:1] and home is not None and home != sides[0] \
                and self._same_level(entities.get(home), entities.get(sides[0])):
            sides = [home, *sides]  # "725 lat miasta partnerskiego X": the partner of the text's own town
        if self._partners_abroad(doc, unquoted, sent.end):  # "pomoc miastom partnerskim na Ukrainie: A, B, C": the
            sides = [s for s in sides if s in (host, home) or not town_at_home(entities[s], self.city_nouns)]  # the
            # towns at home listed are not those partners
        listed = self._listed_after_plural(doc, unquoted, ms, cities) if home is not None else []
        relative = self._relative_partners(doc, sent, mentions, ms, entities, memberships, home)
        if relative:
            pairs = relative
        elif hosted:
            pairs = hosted
        elif listed and home not in listed:  # "przedstawiciele miast partnerskich A, B, C, D": the home's partners, each
            pairs = self._twin_pairs([home, *listed], home)
        elif agreement_between:
            pairs = self._between_pairs(doc, sent, mentions, cities)
        elif cooperating:
            pairs = cooperating
        elif len(sides) > 2 and (between := self._between_pairs(doc, sent, mentions, cities)):
            pairs = between
        elif len(sides) > 2 and (in_twos := self._listed_pairs(doc, sent, mentions, cities)):
            pairs = in_twos
        elif len(sides) > 2 and self._joint_subject(doc, ms, sides):
            pairs = list(combinations(sides, 2))  # "A, B i C zawarły partnerstwo": each pair of the three
        elif len(sides) == 3 and (one_side := self._one_side_of_two(doc, ms, sides)):
            pairs = one_side
        else:
            pairs = self._twin_pairs(sides, host or home)
        for a, b in pairs:
            if len(self._one_per_name([a, b], entities)) == 2:  # not one town named twice ("Namsos", "Namosos")
                found.append(Relation(a, "twinnedWith", b, self.evidence(sent, sent.start, sent.end, "relation-twinning")))
        for t in sent:  # "Dom X, prowadzony przez Fundację Y": a participle of leading, its agent after "przez"
            if t.i + 2 < sent.end and doc[t.i + 1].lower_ == "przez" and self._led_by(doc, t.i, t.i) \
                    and (manager := self._mention_at(mentions, t.i + 2, ("organisation",))) is not None \
                    and (managed := self._antecedent(doc, mentions, t.i, sent.start, ("organisation",))) is not None \
                    and managed._.entity != manager._.entity:
                found.append(Relation(managed._.entity, "managedBy", manager._.entity,
                                      self.evidence(sent, managed.start, manager.end, "relation-management")))
        lemmas = lemma_sets(doc)[sent.start:sent.end]
        if any(l & self.management_nouns for l in lemmas) and any(l & self.management_verbs for l in lemmas):
            verb = next(sent.start + k for k, l in enumerate(lemmas) if l & self.management_verbs)
            manager = next((m for m in ms if m.start > verb and m._.entity.startswith("organisation:")), None)
            rel = next((sent.start + k for k, l in enumerate(lemmas) if l & self.relatives and sent.start + k < verb), None)
            managed = self._antecedent(doc, mentions, rel, sent.start, ("organisation",)) if rel is not None else None
            if manager is not None and managed is not None and manager._.entity != managed._.entity:
                found.append(Relation(managed._.entity, "managedBy", manager._.entity,
                                      self.evidence(sent, managed.start, manager.end, "relation-management")))
        for m in ms:
            entity = entities[m._.entity]
            if entity.district and m.end + 2 < sent.end and doc[m.end].text == "," \
                    and lemma_set(doc[m.end + 1]) & self.district_nouns \
                    and (city := self._mention_at(mentions, m.end + 2, ("place",))) is not None:
                found.append(Relation(m._.entity, "containedInPlace", city._.entity,  # "Nowa Huta, dzielnica Krakowa"
                                      self.evidence(sent, m.start, city.end, "relation-district")))
            if entity.district and m.start - 2 >= sent.start:
                city = self.city_of_adjective(doc[m.start - 2], entities)
                if city and city != m._.entity:
                    found.append(Relation(m._.entity, "containedInPlace", city,
                                          self.evidence(sent, m.start - 2, m.end, "relation-district")))
            place = self._seat(doc, sent, mentions, m, entity) if m._.entity.startswith("organisation:") else None
            if place is not None:
                found.append(Relation(m._.entity, "location", place._.entity,
                                      self.evidence(sent, m.start, place.end, "relation-location")))
                if generic_organisation(entity.name):
                    if entity.seat_name is None:
                        entity.seat_name = f"{entity.name} {doc[m.end].lower_} {place.text}"  # "Rada Miejska w Sanoku"
                    entity.aliases.add(doc[m.start:place.end].text)  # as written: "Radzie Miejskiej w Sanoku"

    def _seat(self, doc: Doc, sent: Span, mentions, m: Span, entity) -> Span | None:
        """The town a body named at m is seated in: after "w" ("Rada Miejska w Sanoku"); for a body every town has
        its own, also the town it is from, in the genitive ("Ochotnicza Straż Pożarna z Gdowa"; not "współpraca
        Ośrodka Kultury z Gminą X": with it)."""
        if m.end + 1 >= sent.end:
            return None
        word = doc[m.end].lower_
        if word in self.locative:
            place = self._seat_at(mentions, m.end + 1)
            if place is None and m.end + 2 < sent.end and doc[m.end + 1].is_lower \
                    and lemma_set(doc[m.end + 1]) & self.city_nouns and unknown_to_sgjp(doc[m.end + 2]):
                place = self._mention_at(mentions, m.end + 2, ("place",))  # "Straży Pożarnej w mieście Dassel":
                # a foreign town's name, undeclined after its noun, as it would stand after "w"
            return place
        if word in ("z", "ze") and generic_organisation(entity.name):
            place = self._seat_at(mentions, m.end + 1)
            if place is not None and place.start == m.end + 1 and (
                    unknown_to_sgjp(doc[place.start]) or any("gen" in a.cases for a in analyses(doc[place.start]))):
                return place
        return None

    def _seat_at(self, mentions, i: int) -> Span | None:
        """A place named at i, also where the text's territorial body of that name took the place in ("OSP w
        Starym Dzikowie" in a text on the Gmina Stary Dzików): the mention was written as a place."""
        m = self._mention_at(mentions, i, ("place", "organisation"))
        return m if m is not None and (m._.entity.startswith("place:") or m.label_ == "placeName") else None

    def _theirs(self, doc: Doc, sent: Span, i: int) -> bool:
        """ "spotkali się z ich gminą partnerską z Niemiec": the partner of the persons' town the plural pronoun
        points back to, which the sentence does not name as such; neither the home town's nor the towns' the
        sentence names ("jej", "jego" may point to the town just named: "Gmina X i jej gmina partnerska Y")."""
        return any(doc[k].lower_ == "ich" for k in range(max(sent.start, i - 2), i))

    def _same_level(self, a, b) -> bool:
        """Two towns, or two units: a county's partner is no town's."""
        def unit(e) -> bool:
            return e is not None and e.kind == "organisation" and e.head in self.territorial_heads - self.city_nouns
        return a is not None and b is not None and unit(a) == unit(b)

    def _partner_with_z(self, doc: Doc, sent: Span, word: int, mentions, city: str) -> bool:
        """The sentence's one town is named after "z" right after the word of partnership ("stosunki partnerskie z
        gminą X", "partnerstwo z X")."""
        for k in range(word + 1, min(sent.end, word + 3)):
            if doc[k].lower_ in ("z", "ze"):
                town = self._town_after(doc, mentions, k + 1, sent.end)
                return town is not None and town._.entity == city
            if not doc[k].is_lower:
                return False
        return False

    @staticmethod
    def _partners_by_country(doc: Doc, i: int, end: int) -> bool:
        """ "z X i jego miast partnerskich z Francji i Włoch": partners told by their countries only, named by no
        sentence after it (the towns a visit went to next are no partners)."""
        return i + 2 < end and doc[i + 1].lower_ in ("z", "ze") and is_country(doc[i + 2])

    def _of_towns_unnamed(self, doc: Doc, sent: Span, i: int, mentions, cities: list[str]) -> bool:
        """A word of partnership followed by towns in the plural ("zbliźniaczenie miast") in a part of the sentence
        between commas that names none of the sentence's towns, each of which is named in a part with a verb of its
        own ("…, odbyły się koncerty orkiestry z X")."""
        if not (i + 1 < sent.end and doc[i + 1].morph.get("Number") == ["Plur"] and lemma_set(doc[i + 1]) & self.unit_nouns):
            return False

        def part(k: int) -> range:
            a = next((j + 1 for j in range(k - 1, sent.start - 1, -1) if doc[j].text == ","), sent.start)
            return range(a, next((j for j in range(k + 1, sent.end) if doc[j].text == ","), sent.end))
        named = [m for k in range(sent.start, sent.end) if (m := mentions.get(k)) is not None and m.start == k
                 and m._.entity in cities]
        return not any(m.start in part(i) for m in named) and all(
            any(finite_verb(doc[j]) and mentions.get(j) is None for j in part(m.start)) for m in named)

    def _partners_listed_after(self, doc: Doc, sent: Span, words: list[int], sentence_mentions, sides: list[str],
                               host: str | None) -> bool:
        """The towns are listed right after a word of partnership that no town precedes: after "z" ("Partnerstwa
        z A i B") or after the word in the plural ("miast partnerskich - A i B"). They are the partners of the
        text's own town, not each other's; in the nominative ("Miasta partnerskie A i B podpisały") the first
        is the host."""
        if not words or host is not None and not any("gen" in a.cases for a in analyses(doc[words[0]])):
            return False
        word = words[0]
        named = [m for m in sentence_mentions if m._.entity in sides]
        if not named or any(m.start < word for m in named) or {m._.entity for m in named} != set(sides) \
                or not all(self._coordinated_gap(doc, a.end, b.start, sentence_mentions) for a, b in zip(named, named[1:])):
            return False  # all of them, in one list ("miast X: A i B" are X's; "miast X, w tym także Y": X's)
        k = word + 1
        while k < named[0].start:
            where = next((m for m in sentence_mentions if m.start == k + 1 and m._.entity not in sides), None) \
                if doc[k].lower_ in ("na", "w", "we") else None
            if where is not None:
                k = where.end  # "miastami partnerskimi w Czechach - A i B": where they lie
            elif doc[k].text in DASH_OR_COLON or doc[k].lower_ in ("z", "ze") or lemma_set(doc[k]) & self.unit_nouns \
                    or doc[k].lower_.startswith(self.twinning):
                k += 1
            else:
                break
        plural = (doc[word].morph.get("Number") == ["Plur"] or any(
            doc[j].morph.get("Number") == ["Plur"] and lemma_set(doc[j]) & self.unit_nouns for j in range(word - 1, k))) \
            and not any("nom" in a.cases for a in analyses(doc[word]))  # "partnerskie miasta A i B": each other's
        with_z = any(doc[j].lower_ in ("z", "ze") for j in range(word + 1, k))
        return k == named[0].start and (with_z or plural)

    @staticmethod
    def _partner_of_town(doc: Doc, t, mentions) -> bool:
        """ "X było pierwszym partnerem Białogardu", "Gmina X, partnerem Koziegłów": the noun of a partner followed by
        a town in the genitive is a word of partnership; before anything else it is a partner of any kind."""
        m = mentions.get(t.i + 1)
        return "partner" in lemma_set(t) and t.pos_ == "NOUN" and m is not None and m.start == t.i + 1 \
            and m._.entity.startswith("place:") and any("gen" in a.cases for a in analyses(doc[t.i + 1]))

    @staticmethod
    def _genitive_only(t) -> bool:
        """A word SGJP reads in the genitive and never in the instrumental ("Oksfordu", not "Bonn")."""
        readings = [a for a in analyses(t) if a.pos == "subst"]
        return any("gen" in a.cases for a in readings) and not any("inst" in a.cases for a in readings)

    def _capital_for_unit(self, doc: Doc, sentence_mentions, cities: list[str], home: str | None) -> list[str]:
        """ "Stolica województwa X ma 16 miast partnerskich: …": the unit named after a capital's noun is not a side,
        its capital is, and the capital a text speaks of that way is its own town."""
        units = {m._.entity for m in sentence_mentions if m.start > 0 and m._.entity in cities
                 and lemma_set(doc[m.start - 1]) & self.capital_nouns}
        if home is None or not units:
            return cities
        return list(dict.fromkeys(home if c in units else c for c in cities))

    @staticmethod
    def _owner_before_list(doc: Doc, sent: Span, words: list[int], sentence_mentions, cities: list[str]) -> str | None:
        """The one town named before a word of partnership that a colon or a dash follows, with two towns or more
        listed after it ("X posiada pięć miast partnerskich: A, B i C"): the partner of each of them."""
        if not words or words[0] + 1 >= sent.end or doc[words[0] + 1].text not in DASH_OR_COLON:
            return None
        before = {m._.entity for m in sentence_mentions if m.end <= words[0] and m._.entity in cities}
        after = {m._.entity for m in sentence_mentions if m.start > words[0] + 1 and m._.entity in cities}
        return next(iter(before)) if len(before) == 1 and len(after - before) >= 2 else None

    def _listed_after_plural(self, doc: Doc, words: list[int], sentence_mentions, cities: list[str]) -> list[str]:
        """Three towns or more listed right after a word of partnership in the genitive plural ("przedstawiciele
        miast partnerskich A, B, C i D"): its partners, not each other's; the first is no host, as in "miast
        partnerskich X są: A, B" where no comma follows X. Other names and words inside the list are passed over."""
        for word in words:
            if doc[word].morph.get("Number") != ["Plur"] or not any("gen" in a.cases for a in analyses(doc[word])):
                continue
            after = sorted((m for m in sentence_mentions if m.start > word), key=lambda m: m.start)
            if not after or after[0].start != word + 1:
                continue
            run = [after[0]]
            for m in after[1:]:
                if not all(doc[k].text in (",", "/", "(", ")") or doc[k].lower_ in ("i", "oraz") or doc[k].is_title
                           for k in range(run[-1].end, m.start)):  # a town not recognised is still an item
                    break
                run.append(m)
            towns = list(dict.fromkeys(m._.entity for m in run if m._.entity in cities))
            if len(towns) >= 3 and doc[run[0].end].text in (",", "/", "("):  # "A, B", "A/Litwa, B", "A (Litwa), B"
                return towns
        return []

    def _partners_abroad(self, doc: Doc, words: list[int], end: int) -> bool:
        """A word of partnership followed by the foreign country its partners lie in ("miastom partnerskim na
        Ukrainie", "miast partnerskich w Niemczech")."""
        return any(i + 2 < end and doc[i + 1].lower_ in ("w", "we", "na") and foreign_country(doc[i + 2]) for i in words)

    def _region_and_town(self, relation: Relation, entities) -> bool:
        """A region named as such twinned with what is no unit of a region's level ("Saksonia" and a town of a
        sentence about partnership; "Kraj X" and a county may be partners)."""
        sides = [entities.get(relation.subject), entities.get(relation.object)]
        if None in sides:
            return False
        named = [bool(self.regions & set(e.names)) for e in sides]
        level = [n or e.name.split()[0].lower() in self.region_heads for n, e in zip(named, sides)]
        return named[0] and not level[1] or named[1] and not level[0]

    def _town_and_home_unit(self, relation: Relation, entities, far: set[str]) -> bool:
        """A Polish town and a Polish county or voivodeship: named as one side of a visit ("delegacja Gminy X i
        Powiatu Y"), or as where the town lies, far more often than as partners (on the real passages 1 pair of 7)."""
        sides = [entities.get(relation.subject), entities.get(relation.object)]
        if None in sides:
            return False
        upper = [self._home_upper_unit(e) for e in sides]
        town = relation.object if upper[0] else relation.subject
        return upper[0] != upper[1] and town not in far and at_home(entities[town], self.city_nouns)

    def _home_upper_unit(self, entity) -> bool:
        """ "powiat nakielski", "Województwo Kujawsko-Pomorskie": a Polish unit above a gmina, named by an adjective."""
        words = entity.name.split()
        return len(words) == 2 and words[0].lower() in self.home_upper_units \
            and any(a.pos == "adj" for a in analyser().analyse(words[1].lower()))

    def _coordinated_gap(self, doc: Doc, a: int, b: int, sentence_mentions) -> bool:
        """Between two towns of a list only commas, "i", "oraz" and where each lies ("A w Irlandii i B w Rosji")."""
        countries = {k for m in sentence_mentions if m._.base_form in self.lex.country_names for k in range(m.start, m.end)}
        return all(k in countries or doc[k].text in (",", "(", ")") or doc[k].lower_ in ("i", "oraz", "a")
                   or doc[k].lower_ in self.locative and k + 1 in countries for k in range(a, b))

    def _twinning_clause(self, sent: Span, sentence_mentions, cities: list[str], word: int) -> list[str]:
        """ "X nawiązał partnerstwo z Y, zaś Z współpracuje z W": the towns of the clause of the word of
        partnership, when it names two and the others are named in clauses of their own (with a verb of
        their own: "…, zaś z czeskich X od 5 do 7 lipca" goes on with the list)."""
        doc = sent.doc
        clauses = self.clauses(sent)
        a, b = next(c for c in clauses if c[0] <= word < c[1])
        inside = [c for c in cities if any(m._.entity == c and a <= m.start < b for m in sentence_mentions)]
        if len(inside) < 2 or len(inside) == len(cities) or not any(finite_verb(doc[k]) for k in range(a, b)):
            return cities
        for m in sentence_mentions:
            if m._.entity in cities and m._.entity not in inside:
                x, y = next(c for c in clauses if c[0] <= m.start < c[1])
                if not any(finite_verb(doc[k]) for k in range(x, y)):
                    return cities
        return inside

    def _of_institutions(self, doc: Doc, sent: Span, i: int, sentence_mentions) -> bool:
        """A word of partnership about institutions, not towns: a word of an organisation's name
        ("Stowarzyszenie Przyjaciół Miast Partnerskich"), or next to an institution's noun ("szkoła partnerska",
        "partnerskiej szkoły"; not "rady partnerskiej gminy", where it is the town's) or an occasion's ("partnerskie
        odwiedziny")."""
        name = next((m for m in sentence_mentions if m.start <= i < m.end and m._.entity.startswith("organisation:")), None)
        if name is not None:
            return not lemma_set(doc[name.start]) & self.city_nouns  # "Gminą Partnerską X" is the town's own body
        after = doc[i + 1] if i + 1 < sent.end else None
        if after is not None and lemma_set(after) & (self.institution_heads | self.occasions) \
                or i - 1 >= sent.start and lemma_set(doc[i - 1]) & self.occasions:
            return True  # "szkoła partnerska"; "partnerskie odwiedziny": an occasion, no towns
        return i - 1 >= sent.start and bool(lemma_set(doc[i - 1]) & self.institution_heads) \
            and not (after is not None and lemma_set(after) & self.city_nouns)

    def _with_institution(self, doc: Doc, sent: Span, i: int) -> bool:
        """A partnership after the word at i with an institution named by its common noun ("podpisali partnerstwo
        ze strażą pożarną z X", "umowę partnerską ze szkołą w Y"): the bodies' partnership, not their towns'; but "obóz
        partnerski dla dzieci ze szkół A, B i C" is the towns' (the nouns' genitive: where the children are from)."""
        return any(doc[k].lower_ in ("z", "ze") and doc[k + 1].is_lower and "Ins" in doc[k + 1].morph.get("Case")
                   and lemma_set(doc[k + 1]) & self.institution_heads for k in range(i + 1, min(i + 4, sent.end - 1)))

    def _one_side_of_two(self, doc: Doc, ms, sides: list[str]) -> list[tuple[str, str]]:
        """ "delegacja z Gminy A i B na zaproszenie partnerskiej gminy C": two towns joined by "i" or "oraz" are one
        side, the third, called the partner by the words right before it, the partner of each; not each other's."""
        named = sorted((m for m in ms if m._.entity in sides), key=lambda m: m.start)
        for a, b in zip(named, named[1:]):
            if b.start == a.end + 1 and doc[a.end].lower_ in ("i", "oraz") and a._.entity != b._.entity:
                others = [m for m in named if m._.entity not in (a._.entity, b._.entity)]
                if len({m._.entity for m in others}) == 1 and all(self._called_partner(doc, m.start) for m in others):
                    partner = others[0]._.entity
                    return [(a._.entity, partner), (b._.entity, partner)]
        return []

    def _called_partner(self, doc: Doc, start: int) -> bool:
        """ "partnerskiej gminy X", "miasta partnerskiego X": a word of partnership, and the unit's noun, right
        before the town at `start`."""
        k = start - 1
        while k >= 0 and lemma_set(doc[k]) & self.unit_nouns:
            k -= 1
        return k >= 0 and doc[k].lower_.startswith(self.twinning)

    def _listed_pairs(self, doc: Doc, sent: Span, mentions, cities: list[str]) -> list[tuple[str, str]]:
        """ "współpracę partnerską prowadzą: A i B, C i D oraz E i F", "umowy podpisały: gmina A z gminą B, C z D
        oraz E, która będzie współpracować z gminą F", "kontakty partnerskie: A - B, C - D i E": after a colon, a
        list of two towns at a time, each two partners of each other. In a list of pairs told with dashes, an item
        whose towns are not all known is passed over; in others every item must be a pair."""
        colon = next((t.i for t in sent if t.text == ":"), None)
        if colon is None:
            return []
        pairs, k, passed = [], colon + 1, 0
        while k < sent.end:
            item = self._listed_pair(doc, sent, mentions, cities, k)
            if item is None:
                dashed = any(doc[j].text in DASHES for j in range(k, sent.end))
                if not dashed:
                    return []
                k, passed = self._past_list_item(doc, k, sent.end), passed + 1
                continue
            found, k = item
            pairs += found
            if k < sent.end and (doc[k].text == "," or doc[k].lower_ in ("oraz", "a także")):
                k += 1
            elif k < sent.end and not doc[k].is_punct:
                return []
            else:
                break
        return pairs if len(pairs) >= 2 and len(pairs) > passed else []

    def _listed_pair(self, doc: Doc, sent: Span, mentions, cities: list[str], k: int):
        """The pairs of one item of a list of pairs at k ("A i B", "A z gminą B", "A - B i C"), and where it ends."""
        a = self._town_at(doc, mentions, k, sent.end, cities)
        if a is None or a.end + 1 >= sent.end:
            return None
        joint, partners = self._past_brackets(doc, a.end, sent.end), cities  # "A (Mariazell) - B": A's seat
        if doc[joint].text == "," and lemma_set(doc[joint + 1]) & self.relatives:
            # "E, która będzie współpracować z gminą F": the partner after "z" in E's clause, a clause apart
            joint = next((j for j in range(joint + 2, sent.end - 1) if doc[j].lower_ in ("z", "ze")), sent.end)
            partners = None  # any place
        elif doc[joint].lower_ not in ("i", "-", "–", "—", "z", "ze"):
            return None
        b = self._town_at(doc, mentions, joint + 1, sent.end, partners)
        if b is None or b._.entity == a._.entity:
            return None
        pairs, k = [(a._.entity, b._.entity)], b.end
        while k + 1 < sent.end and doc[k].lower_ in ("i", "oraz") and doc[joint].text in DASHES \
                and (c := self._town_at(doc, mentions, k + 1, sent.end, partners)) is not None:
            pairs.append((a._.entity, c._.entity))  # "A - B i C": A's two partners
            k = c.end
        return pairs, self._past_brackets(doc, k, sent.end)  # "A - B (trwają rozmowy …)": a remark on the pair

    @staticmethod
    def _past_list_item(doc: Doc, k: int, end: int) -> int:
        """Past the next comma outside brackets: where the list's next item begins."""
        depth = 0
        for j in range(k, end):
            depth += (doc[j].text == "(") - (doc[j].text == ")")
            if doc[j].text == "," and depth <= 0:
                return j + 1
        return end

    @staticmethod
    def _past_brackets(doc: Doc, k: int, end: int) -> int:
        """Past a bracketed remark that opens at k, if it closes before `end`."""
        if k < end and doc[k].text == "(":
            close = next((j for j in range(k + 1, end) if doc[j].text == ")"), None)
            if close is not None:
                return close + 1
        return k

    def _agreement_with(self, doc: Doc, sent: Span, mentions, cities: list[str]) -> list[tuple[str, str]]:
        """ "Umowa Jeleniej Góry z Changzhou", "porozumienie Gminy X z Gminą Y": an agreement of one town with
        another."""
        if len(cities) < 2:
            return []
        for t in sent:
            if self.agreement_nouns.isdisjoint(lemma_set(t)):
                continue
            a = self._town_at(doc, mentions, t.i + 1, sent.end, cities)
            if a is None or a.end + 1 >= sent.end or doc[a.end].lower_ not in ("z", "ze"):
                continue
            b = self._town_at(doc, mentions, a.end + 1, sent.end, cities)
            if b is not None and b._.entity != a._.entity:
                return [(a._.entity, b._.entity)]
        return []

    def _home_agreement_with(self, doc: Doc, sent: Span, mentions, cities: list[str], home: str | None,
                             entities) -> list[tuple[str, str]]:
        """ "Kolejna umowa o współpracy podpisana została w 2010 r. ze słowacką gminą X", "podpisano umowę z Gminą Y,
        a w 2018 r. z gminą Z": an agreement the sentence gives no signer of, with towns named after "z" and their
        unit's noun: the text's own town's, each of the same level."""
        if home is None or home in cities or not (self._cooperation_agreement(doc, sent) or any(
                self._signing_verb(t) and t.i + 1 < sent.end and lemma_set(doc[t.i + 1]) & self.agreement_nouns
                for t in sent)):
            return []
        partners = []
        for t in sent:
            if t.lower_ not in ("z", "ze") or (town := self._town_after(doc, mentions, t.i + 1, sent.end)) is None:
                continue
            if town._.entity in cities and town._.entity != home and any(
                    lemma_set(doc[k]) & self.unit_nouns for k in range(t.i + 1, town.start + 1)) \
                    and self._same_level(entities.get(home), entities.get(town._.entity)):
                partners.append(town._.entity)
        return [(home, town) for town in dict.fromkeys(partners)]

    def _elliptical_pairs(self, doc: Doc, sent: Span, mentions, cities: list[str]) -> list[tuple[str, str]]:
        """ "X wymienia się doświadczeniami z miastem Y, A z gminą B, a C z D": a verb said once, then pairs of a
        town and the town after its "z", two at least after the first, each pair a town's partner."""
        if len(cities) < 6:
            return []
        named = [m for m in self._sentence_mentions(mentions, sent) if m._.entity in cities]
        if len(named) < 6:
            return []
        first = named[0]
        joint = next((j for j in range(first.end, min(sent.end, first.end + 7)) if doc[j].lower_ in ("z", "ze")), None)
        if joint is None or any(not (doc[j].is_lower and doc[j].is_alpha) for j in range(first.end, joint)):
            return []
        pairs, k = [], first.start
        while k < sent.end:
            a = self._town_at(doc, mentions, k, sent.end, cities)
            if a is None or a.end + 1 >= sent.end:
                break
            at = joint if not pairs else a.end
            if doc[at].lower_ not in ("z", "ze") or (b := self._town_at(doc, mentions, at + 1, sent.end, cities)) is None \
                    or b._.entity == a._.entity:
                break
            pairs.append((a._.entity, b._.entity))
            k = b.end
            while k < sent.end and (doc[k].text == "," or doc[k].lower_ in ("a", "oraz", "i")):
                k += 1
        return pairs if len(pairs) >= 3 else []

    def _town_at(self, doc: Doc, mentions, k: int, end: int, cities: list[str] | None):
        """The town (one of `cities`, or any place) named at k, past a noun of its unit ("gminą X")."""
        if k < end and doc[k].is_lower and lemma_set(doc[k]) & self.unit_nouns:
            k += 1
        m = mentions.get(k)
        if m is None or m.start != k:
            return None
        return m if (m._.entity in cities if cities is not None else m._.entity.startswith("place:")) else None

    def _between_pairs(self, doc: Doc, sent: Span, mentions, cities: list[str]) -> list[tuple[str, str]]:
        """ "umowa pomiędzy gminą X a miastem Y", "między gminami X i Y": the two sides the sentence names,
        not the place of the signing or the region either lies in; "pomiędzy Gminą X a Gminami Y, Z i W":
        X and each town of the list."""
        for t in sent:
            if t.lower_ not in self.between and not self._agreement_of_towns(doc, t) \
                    or t.i + 1 < sent.end and doc[t.i + 1].lower_ == "innymi":  # "między innymi": among others
                continue
            a = self._side_after(doc, mentions, t.i + 1, sent.end)
            if a is None or a.end >= sent.end:
                continue
            joint = a.end
            if doc[joint].text == "(":  # "między miastem X (Ukraina) a miastem Y": past the country in brackets
                joint = next((k + 1 for k in range(joint + 1, min(sent.end - 1, joint + 5)) if doc[k].text == ")"), joint)
            if doc[joint].text == "," and joint + 1 < sent.end and doc[joint + 1].lower_ in self.pair_conjunctions:
                joint += 1  # "pomiędzy Gminą X, a Gminą Y": a comma before the conjunction
            elif doc[joint].text == "," and len(listed := self._listed_sides(doc, mentions, a, sent.end, cities)) > 2:
                return list(combinations(listed, 2))  # "porozumienie między gminami: X, Y i Z": each pair of the three
            elif doc[joint].text == ",":  # "pomiędzy X, którą reprezentował wójt Y, a Z": past a clause of X's
                joint = next((k + 1 for k in range(joint + 1, min(sent.end - 1, joint + 15))
                              if doc[k].text == "," and doc[k + 1].lower_ in self.pair_conjunctions), joint)
            if doc[joint].lower_ not in self.pair_conjunctions and doc[joint].text not in DASHES:
                continue  # "pomiędzy miastami X - Y": the dash of a pair joins the two sides too
            b = self._side_after(doc, mentions, joint + 1, sent.end)
            if b is None or a._.entity not in cities or b._.entity not in cities or a._.entity == b._.entity:
                continue
            sides = [b._.entity]
            k = b.end
            while k + 1 < sent.end and (doc[k].text == "," or doc[k].lower_ in ("i", "oraz")) \
                    and (more := mentions.get(k + 1)) is not None and more.start == k + 1 and more._.entity in cities:
                sides.append(more._.entity)
                k = more.end
            return [(a._.entity, side) for side in dict.fromkeys(sides) if side != a._.entity]
        return []

    def _joint_subject(self, doc: Doc, ms: list[Span], sides: list[str]) -> bool:
        """ "Polski A, niemieckie B i ukraiński C zawarły partnerstwo": every side in one list (past the
        lower-case adjectives before each name), the subject of the plural verb right after it."""
        listed = [m for m in ms if m._.entity in sides]
        if len(listed) != len(sides):
            return False
        for m, n in zip(listed, listed[1:]):
            if not doc[m.end:n.start] or not all(t.text == "," or t.lower_ in ("i", "oraz") or t.is_lower and any(
                    a.pos == "adj" for a in analyses(t)) for t in doc[m.end:n.start]):
                return False
        after = listed[-1].end
        return after < len(doc) and any(a.pos in ("fin", "praet") and "pl" in a.numbers for a in analyses(doc[after]))

    @staticmethod
    def _listed_sides(doc: Doc, mentions, first: Span, end: int, cities: list[str]) -> list[str]:
        """The towns of a list that opens with `first` ("X, Y i Z"), closed by its conjunction; only `first` when
        the commas go on to anything else."""
        sides, k = [first._.entity], first.end
        while k + 1 < end and doc[k].text == "," and (more := mentions.get(k + 1)) is not None \
                and more.start == k + 1 and more._.entity in cities:
            sides.append(more._.entity)
            k = more.end
        if k + 1 < end and doc[k].lower_ in ("i", "oraz", "a") and (last := mentions.get(k + 1)) is not None \
                and last.start == k + 1 and last._.entity in cities:
            return list(dict.fromkeys(sides + [last._.entity]))
        return sides[:1]

    def _sides_unnamed(self, doc: Doc, mentions, i: int, end: int) -> bool:
        """ "umowę o współpracy pomiędzy samorządami": the sides told by a plural noun with no name after it; the
        agreement's sides are those the sentence names elsewhere (the heads who signed it)."""
        k = i + 1
        while k < end and doc[k].is_lower and any(a.pos in ("adj", "num") for a in analyses(doc[k])):
            k += 1  # "między obu gminami", "pomiędzy naszymi samorządami"
        named = k + 1 + (k + 2 < end and doc[k + 1].text in DASH_OR_COLON)  # "między gminami: X, Y i Z"
        return k < end and plural_of(doc[k], self.unit_nouns | self.community_nouns) \
            and not (named < end and (m := mentions.get(named)) is not None and m.start == named)

    def _agreement_of_towns(self, doc: Doc, t) -> bool:
        """ "porozumienie gmin X i Y": a plural town noun right after an agreement (and its adjectives)."""
        if not plural_of(t, self.unit_nouns):
            return False
        k = t.i - 1
        while k >= 0 and k > t.i - 3 and doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k])):
            k -= 1
        return k >= 0 and not self.agreement_nouns.isdisjoint(lemma_set(doc[k]))

    def _side_after(self, doc: Doc, mentions, i: int, end: int) -> Span | None:
        """The mention at `i`, or after at most three lower-case words ("francuskim miastem X") or a dash after them."""
        for k in range(i, min(end, i + 4)):
            if (m := mentions.get(k)) is not None:
                return m
            if not (doc[k].is_alpha and doc[k].is_lower or lemma_set(doc[k]) & self.city_nouns  # "a Miastem X"
                    or k > i and doc[k].text in DASH_OR_COLON):  # "między miastami - X i Y"
                return None
        return None

    def _took_office_after(self, doc: Doc, sent: Span, mentions, i: int, memberships: list[Membership],
                           found: list[Relation]) -> None:
        """ "…był X, a po nim funkcję tę objął Y": Y succeeded the person named before "po nim"."""
        verb = next((k for k in range(i + 2, min(sent.end, i + 6)) if lemma_set(doc[k]) & self.office_verbs), None)
        if verb is None:
            return
        named = self._person_after(doc, mentions, self._past_adverbs(doc, verb + 1, sent.end), sent.end)
        earlier = self._antecedent(doc, mentions, i, 0, ("person",))
        if named is not None and earlier is not None and named._.entity != earlier._.entity:
            found.append(Relation(named._.entity, "successorOf", earlier._.entity,
                                  self.evidence(sent, i, named.end, "relation-successor")))
            self._succeeded_office(sent, named, earlier, i, memberships)

    def _succeeded_office(self, sent: Span, successor: Span, predecessor: Span, start: int,
                          memberships: list[Membership]) -> None:
        """ "Jego następcą został Y": Y takes the office the predecessor held, when the text names none for Y."""
        if any(m.person == successor._.entity for m in memberships):
            return
        held = [m for m in memberships if m.person == predecessor._.entity and m.evidence.start < successor.start_char]
        if held:
            office = max(held, key=lambda m: m.evidence.start)
            clause = next((c for c in self.clauses(sent) if c[0] <= successor.start < c[1]), (sent.start, sent.end))
            memberships.append(Membership(successor._.entity, office.role, office.organisation, self.date_at(sent, clause),
                                          self.evidence(sent, start, successor.end, "role-successor")))

    def _cooperation_agreement(self, doc: Doc, sent: Span) -> bool:
        """ "umowę o współpracy", "porozumienie o wzajemnej współpracy", "list intencyjny w sprawie współpracy",
        "porozumienie gmin X i Y"."""
        return any(self._agreement_end(doc, sent, i) is not None for i in range(sent.start, sent.end))

    def _agreement_end(self, doc: Doc, sent: Span, i: int) -> int | None:
        """Where the agreement named at `i` is said to be one of cooperation or of towns: the word after
        "o współpracy", or the plural town noun of "porozumienie gmin"."""
        if self.agreement_nouns.isdisjoint(lemma_set(doc[i])):
            return None
        k = self._past_adjectives(doc, i + 1, min(sent.end, i + 3))  # "list intencyjny"
        if k < sent.end and plural_of(doc[k], self.unit_nouns):
            return k  # "porozumienie gmin X i Y": the agreement of two towns
        if k + 1 < sent.end and doc[k].lower_ in self.between and plural_of(doc[k + 1], self.unit_nouns):
            return k + 1  # "porozumienie między gminami: X, Y i Z"
        if k < sent.end and doc[k].lower_.startswith(self.cooperation) and "Gen" in (doc[k].morph.get("Case") or ["Gen"]):
            return k + 1  # "deklaracja dalszej współpracy", "umowa współpracy": of cooperation, in the genitive
        if k + 2 < sent.end and doc[k].lower_ == "w" and doc[k + 1].lower_ == "sprawie":
            k += 1  # "w sprawie współpracy"
        if k + 1 < sent.end and doc[k].lower_ in ("o", "sprawie"):
            # "o wzajemnej współpracy", "o zamiarach rozpoczęcia współpracy": lower-case words before it
            return next((j + 1 for j in range(k + 1, min(sent.end, k + 5)) if doc[j].lower_.startswith(self.cooperation)
                         and all(w.is_lower and w.is_alpha for w in doc[k + 1:j])), None)
        return None

    @staticmethod
    def _past_adjectives(doc: Doc, k: int, end: int) -> int:
        while k < end and doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k])):
            k += 1
        return k

    def _cooperation_with(self, doc: Doc, sent: Span, mentions, cities: list[str],
                          home: str | None = None) -> list[tuple[str, str]]:
        """ "Gmina X współpracuje z miastem Y", "X podjęła współpracę z Gminą Y", "Współpraca Gminy X z Gminą Y",
        "Współpraca między X i Y", "współpracy Powiatu X i Powiatu Y":
        the town that cooperates and each town it cooperates with ("z niemiecką gminą Y…, z francuską gminą Z");
        "współpracujemy z Gminą Y", "Z Gminą Y współpracujemy", "nasza współpraca z Y": the writer's own town's."""
        if not cities:
            return []
        for t in sent:
            if not (t.lower_.startswith(self.cooperation) or self._ties(doc, sent, t.i)):
                continue
            if (pair := self._pair_before(doc, sent, mentions, cities, t.i)) is not None:
                return [pair]  # "X i Y oficjalnie nawiązały współpracę"
            ours = home is not None and (any(":pl:pri:" in a.tag for a in analyses(t)) or any(
                lemma_set(doc[k]) & self.own_pronouns for k in range(max(sent.start, t.i - 2), t.i))
                or self._unnamed_unit_before(doc, sent, mentions, t.i)  # "samorząd współpracuje z": the text's own
                or t.i > sent.start and lemma_set(doc[t.i - 1]) & self.anniversaries)  # "15. rocznica współpracy z"
            if ours and t.i - 2 >= sent.start:  # "Z Gminą Y współpracujemy od 2006 roku"
                partner = next((m for k in range(max(sent.start, t.i - 5), t.i) if doc[k].lower_ in ("z", "ze")
                                and (m := self._town_after(doc, mentions, k + 1, t.i)) is not None), None)
                if partner is not None and partner._.entity in cities and partner._.entity != home:
                    return [(home, partner._.entity)]
            if t.i + 1 < sent.end and doc[t.i + 1].lower_ in self.between:  # "Współpraca między X i Y rozpoczęła się…"
                k = t.i + 2
                while k < sent.end and k not in mentions and (doc[k].is_lower or doc[k].text in DASH_OR_COLON) \
                        and not (lemma_set(doc[k]) & self.institution_heads or doc[k].lower_ in self.locative):
                    k += 1  # "między miastami - X i Y"
                towns = k < sent.end and k in mentions  # not "współpraca między szkołami w X i Y": the schools'
                return self._between_pairs(doc, sent, mentions, cities) if towns else []
            first = self._town_after(doc, mentions, t.i + 1, sent.end)  # "współpracy Powiatu X i Powiatu Y"
            if first is not None and first._.entity in cities and first.end + 1 < sent.end \
                    and doc[first.end].lower_ in ("i", "oraz") \
                    and (second := self._town_after(doc, mentions, first.end + 1, sent.end)) is not None \
                    and second._.entity in cities and second._.entity != first._.entity:
                return [(first._.entity, second._.entity)]
            with_at = next((k for k in range(t.i + 1, min(sent.end, t.i + 6)) if doc[k].lower_ in ("z", "ze")), None)
            if with_at is None:
                continue
            inside = [m for m in self._sentence_mentions(mentions, sent) if t.i < m.start and m.end <= with_at]
            if any(m._.entity not in cities for m in inside) or any(
                    not (doc[k].is_lower and doc[k].is_alpha) for k in range(t.i + 1, with_at)
                    if not any(m.start <= k < m.end for m in inside)):
                continue  # "współpracuje aktualnie z", "współpraca Gminy X z": nothing but a town between
            if inside:
                first = inside[0]._.entity
            else:
                ties = not t.lower_.startswith(self.cooperation)  # "X nawiązała kontakty z": X right before the verb
                before = [m for m in self._sentence_mentions(mentions, sent) if m.end <= t.i
                          and self._town_or_council(m, cities, doc) is not None
                          and not (ties and (t.i - m.end > 3 or any(doc[k].is_punct for k in range(m.end, t.i))
                                             or m.start > sent.start and doc[m.start - 1].lower_ in ("z", "ze")))
                          and not (m.start > sent.start and doc[m.start - 1].lower_ in self.locative)]
                first = self._town_or_council(before[-1], cities, doc) if before else home if ours else None
            if first is None:  # "kontakty z ukraińską X utrzymuje Y": the one other town, after the verb
                partner = self._town_after(doc, mentions, with_at + 1, sent.end)
                after = [m for m in self._sentence_mentions(mentions, sent) if partner is not None
                         and m.start >= partner.end and m._.entity in cities and m._.entity != partner._.entity
                         and doc[m.start - 1].lower_ not in ("z", "ze", *self.locative)]
                first = after[0]._.entity if len(after) == 1 and any(  # a verb between: not "z X i Y", "z X, Y"
                    an.pos in ("fin", "praet") for k in range(partner.end, after[0].start) for an in analyses(doc[k])) \
                    else None
            if first is None:
                continue
            sides = []
            for k in range(with_at, sent.end):
                if doc[k].lower_ in ("z", "ze") and (side := self._town_after(doc, mentions, k + 1, sent.end)) is not None \
                        and side._.entity in cities and side._.entity != first:
                    sides += [m._.entity for m in self._coordinated_towns(doc, sent, mentions, side)
                              if m._.entity in cities and m._.entity != first]
            return [(first, side) for side in dict.fromkeys(sides)]
        return []

    def _town_or_council(self, m: Span, cities: list[str], doc: Doc) -> str | None:
        """The town a mention names, itself or as its council ("Rada Gminy X postanowiła nawiązać współpracę")."""
        if m._.entity in cities:
            return m._.entity
        town = self.town_of_council(m._.entity, doc._.entities or {})
        return town if town in cities else None

    def _relative_partners(self, doc: Doc, sent: Span, mentions, ms, entities, memberships: list[Membership],
                           home: str | None) -> list[tuple[str, str]]:
        """ "X, z którym Y współpracuje od 2001 r.", "A oraz B, z którymi Y podpisał umowy o współpracy", "miasto X,
        z którym łączą nas więzi partnerskie": the town (or towns) before "z którym" and the town of the relative
        clause (the writer's own for a verb in the first person plural or "nas"), when the clause tells of
        cooperation, partnership, an agreement or ties."""
        cities = None
        for k in range(sent.start + 1, sent.end - 2):
            if not (doc[k].lower_ in ("z", "ze") and doc[k + 1].lower_ in ("którym", "którą", "którymi")
                    and doc[k - 1].text == ","):
                continue
            cities = self._cities(sent, ms, entities, memberships) if cities is None else cities
            plural = doc[k + 1].lower_.endswith("mi")
            end = next((j for j in range(k + 2, sent.end) if doc[j].text in (",", ";", ":", "(")), sent.end)
            clause = range(k + 2, end)
            if not any(doc[j].lower_.startswith(self.cooperation + self.twinning) or self._ties(doc, sent, j)
                       or lemma_set(doc[j]) & self.agreement_nouns for j in clause) \
                    or any(CONDITIONAL.search(doc[j].lower_) for j in clause):
                continue  # "z którymi X chciałby nawiązać współpracę": a wish, no partnership
            inside = [m for m in self._sentence_mentions(mentions, sent) if k + 2 <= m.start and m.end <= end
                      and m._.entity in cities and doc[m.start - 1].lower_ not in self.locative]
            first_person = any(":pl:pri:" in a.tag for j in clause for a in analyses(doc[j])) \
                or any(doc[j].lower_ == "nas" for j in clause)
            subject = inside[0]._.entity if inside else home if first_person else None
            antecedents = []
            before = [m for m in self._sentence_mentions(mentions, sent) if m.end < k]
            for m in reversed(before):
                if m is before[-1] and (k - m.end > 8 or any(
                        not (doc[j].is_lower or doc[j].text == "," or doc[j].text in DASHES)
                        or doc[j].text != "to" and finite_verb(doc[j]) and not lemma_set(doc[j]) & self.copulas
                        for j in range(m.end, k))):
                    break  # the town right before the comma, or before its description ("miastami,", "to jednostki
                    # samorządu niemieckiego,"), no other clause between
                if m._.entity not in cities or m._.entity == subject:
                    continue
                if antecedents and not (doc[m.end].lower_ in ("i", "oraz") or doc[m.end].text == ","):
                    break
                antecedents.append(m._.entity)
                if not plural:
                    break
            if subject is not None and antecedents:
                return [(subject, a) for a in reversed(antecedents)]
        return []

    def _ties(self, doc: Doc, sent: Span, i: int) -> bool:
        """ "nawiązał kontakty", "kontakty … utrzymuje", "utrzymuje przyjazne stosunki": ties in the plural that a
        verb of making or keeping them, within three words before or five after, names."""
        t = doc[i]
        return not lemma_set(t).isdisjoint(self.contact_nouns) and t.is_lower \
            and any(a.lemma in self.contact_nouns and "pl" in a.numbers for a in analyses(t)) and any(
            lemma_set(doc[k]) & self.contact_verbs for k in range(max(sent.start, i - 3), min(sent.end, i + 6)) if k != i)

    def _pair_before(self, doc: Doc, sent: Span, mentions, cities: list[str], i: int) -> tuple[str, str] | None:
        """ "Głogówek i ukraińskie Kelmieńce oficjalnie nawiązały współpracę": two towns joined by "i" or "oraz"
        before the word of cooperation, nothing but lower-case words around them, the verb in the plural."""
        named = [m for m in self._sentence_mentions(mentions, sent) if m.end <= i]
        if len(named) != 2 or any(m._.entity not in cities for m in named) or named[0]._.entity == named[1]._.entity:
            return None
        a, b = named
        if doc[a.end].lower_ not in ("i", "oraz") or any(not doc[k].is_lower for k in range(a.end + 1, b.start)) \
                or any(not (doc[k].is_lower and doc[k].is_alpha) for k in range(b.end, i)):
            return None
        if not any(":pl:" in an.tag and an.pos in ("praet", "fin") for k in range(b.end, min(sent.end, i + 3))
                   for an in analyses(doc[k])):
            return None
        return a._.entity, b._.entity

    def _signed_with(self, doc: Doc, sent: Span, mentions, cities: list[str], agreement_named: bool = False
                     ) -> list[tuple[str, str]]:
        """ "gmina X podpisała z Samorządem Rejonu Y porozumienie o współpracy": the town before the verb of signing
        and the one after its "z"; "X podpisała także umowę z Y": an agreement after the verb, where the sentence
        does not say it is one of cooperation (`agreement_named`)."""
        if len(cities) < 2:
            return []
        for t in sent:
            if not self._signing_verb(t):
                continue
            k = self._past_adverbs(doc, t.i + 1, sent.end)  # "także", "wczoraj"
            agreement = k < sent.end and not self.agreement_nouns.isdisjoint(lemma_set(doc[k]))
            k = self._past_adjectives(doc, k + agreement, min(sent.end, k + agreement + 2))
            if k + 1 >= sent.end or doc[k].lower_ not in ("z", "ze") or agreement_named and not agreement:
                continue
            partner = self._town_after(doc, mentions, k + 1, sent.end)
            signer = next((m for m in reversed(self._sentence_mentions(mentions, sent)) if m.end <= t.i), None)
            if partner is not None and signer is not None and signer._.entity in cities \
                    and partner._.entity in cities and signer._.entity != partner._.entity:
                return [(signer._.entity, partner._.entity)]
        return []

    def _fronted_agreement(self, doc: Doc, sent: Span, mentions, cities: list[str]) -> list[tuple[str, str]]:
        """ "Porozumienie o współpracy z rejonem X powiat Y zawarł w 2001 r.": the agreement opens the sentence, its
        other side after "z", then the town that signed it, right before the verb of signing."""
        if len(cities) < 2 or not lemma_set(doc[sent.start]) & self.agreement_nouns:
            return []
        joint = next((k for k in range(sent.start + 1, min(sent.end - 1, sent.start + 6))
                      if doc[k].lower_ in ("z", "ze")), None)
        partner = self._town_after(doc, mentions, joint + 1, sent.end) if joint is not None else None
        if partner is None or "strona" in lemma_set(doc[joint + 1]):  # "Umowę ze strony gminy X podpisał": X's signer
            return []
        signer = self._town_after(doc, mentions, partner.end, sent.end)
        if signer is None or signer.end >= sent.end or not self._signing_verb(doc[signer.end]) \
                or not {signer._.entity, partner._.entity} <= set(cities) or signer._.entity == partner._.entity:
            return []
        return [(signer._.entity, partner._.entity)]

    def _signing_verb(self, t) -> bool:
        """A verb of signing ("podpisać", "zawrzeć")."""
        return t.pos_ == "VERB" and any(self.lex.event_triggers.get(lemma) == "Signing" for lemma in lemma_set(t))

    def _unread_town(self, doc: Doc, mentions, k: int, end: int) -> int | None:
        """Where an item of a list of towns ends that names a town the rules did not read: capitalised words, and the
        country it lies in ("NowyBrook w USA"), or the comma or conjunction after them ("i Y-em, …")."""
        j = k
        while j < min(end, k + 3) and doc[j].text[:1].isupper() and j not in mentions:
            j += 1
        if k < j < end and doc[j].lower_ in (",", "i", "oraz"):
            return j
        if not (k < j < end - 1 and doc[j].lower_ in self.locative):
            return None
        country = mentions.get(j + 1)
        return country.end if country is not None and country.start == j + 1 \
            and (e := (doc._.entities or {}).get(country._.entity)) is not None and self.not_town(e) else None

    def _unnamed_unit_before(self, doc: Doc, sent: Span, mentions, i: int) -> bool:
        """ "Obecnie samorząd współpracuje z …": a town's noun with no name as the subject, the text's own town."""
        return any(lemma_set(doc[k]) & (self.unit_nouns | self.community_nouns) and doc[k].morph.get("Number") == ["Sing"]
                   and k not in mentions and k + 1 not in mentions for k in range(max(sent.start, i - 2), i))

    def _coordinated_towns(self, doc: Doc, sent: Span, mentions, first: Span) -> list[Span]:
        """The towns of one complement: "z niemieckimi X i Y, ukraińską Z, W na Litwie oraz słowackim V" (each after a
        comma, "i" or "oraz", with its adjectives and the country it lies in), up to a word that opens no town."""
        towns, k = [first], first.end
        while k < sent.end:
            while k < min(sent.end, towns[-1].end + 2) and doc[k].text[:1].isupper() and k not in mentions:
                k += 1  # "X Hall": a word of the town's name the rules did not take
            if k >= sent.end:
                break
            if doc[k].lower_ in self.locative and (m := mentions.get(k + 1)) is not None and m.start == k + 1:
                k = m.end  # "Kowel na Ukrainie": where the town lies
                continue
            if doc[k].text != "," and doc[k].lower_ not in ("i", "oraz"):
                break
            town = self._town_after(doc, mentions, k + 1, sent.end)
            if town is None and (unread := self._unread_town(doc, mentions, k + 1, sent.end)) is not None:
                k = unread  # "B w Niemczech, NowyBrook w USA, C we Francji": past a town the rules did not read
                continue
            if town is None or town.start <= k:
                break
            after = town.end
            if after < sent.end and doc[after].pos_ in ("VERB", "AUX"):
                break  # "z X, a Y współpracuje": a new clause
            towns.append(town)
            k = town.end
        return towns

    def _town_after(self, doc: Doc, mentions, i: int, end: int) -> Span | None:
        """The mention at `i`, or after adjectives and a town's noun or its government's ("z francuskim miastem X",
        "z Gminą Y", "z Samorządem Rejonu Z")."""
        for k in range(i, min(end, i + 3)):
            if (m := mentions.get(k)) is not None:
                return m
            if not (lemma_set(doc[k]) & (self.unit_nouns | self.government_nouns)
                    or doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k]))):
                return None
        return None

    def _cities(self, sent: Span, sentence_mentions, entities, memberships: list[Membership]) -> list[str]:
        """Cities a sentence names: its places and the places of the roles it states. Not districts, not
        countries or continents, and not the region a city is said to lie in ("miasto X w Y", "X (Y)")."""
        doc = sent.doc
        lex = self.lex
        cities, venues, named = [], set(), set()
        named_tokens = {k for n in sentence_mentions for k in range(n.start, n.end)}
        seated = {n.end + 1 for n in sentence_mentions if len(n) == 1 and n._.entity.startswith("organisation:")
                  and n.end + 1 < sent.end and doc[n.end].lower_ in self.locative}
        for m in sentence_mentions:
            entity = entities.get(m._.entity)
            if not (m._.entity.startswith("place:") or entity is not None and entity.also_place and entity.head in self.unit_nouns):
                continue  # a place, or a body named by its unit ("Gminą X", "Powiat Y")
            if m.start in seated:
                continue  # "Muzeum w X", "Uniwersytet w Y": a body named by its head and its seat, which is no side
            if entity is not None and entity.name.split()[0].lower() in self.no_settlement:
                continue  # "Republika Słowacka", "Morze Bałtyckie"
            before = m.start - 1
            if before >= sent.start and doc[before].lower_ in lex.waterside_prepositions:
                continue  # "nad Wisłokiem": a river
            if before >= sent.start and lemma_set(doc[before]) & (self.not_a_town_nouns if doc[before].is_lower
                                                                   else self.features):
                continue  # "rzeki Wisłok", "z regionu Frosinone", "w Dolinie Renu": a river, a region, named by its noun
            if doc[m.start].is_lower and lemma_set(doc[m.start]) & self.unit_nouns and "Loc" in doc[m.start].morph.get("Case") \
                    and not (before >= sent.start and doc[before].lower_.startswith(self.twinning)):
                continue  # "położona na Ukrainie, w rejonie lubomelskim, obwodzie wołyńskim": where a town lies (not
                # "w partnerskim powiecie X": the partner the visit went to)
            if before > sent.start and doc[before].is_lower and lemma_set(doc[before]) & self.unit_nouns:
                before -= 1  # "z gminą X w rejonie Y": the unit Y is the region X lies in
            at = before
            while at > max(sent.start, m.start - 3) and lemma_set(doc[at]) & self.compass_adjectives:
                at -= 1  # "X w północnej Hesji"
            if at > sent.start and doc[at].lower_ in self.locative \
                    and any(n.end == at and n._.entity.startswith("place:") for n in sentence_mentions):
                continue  # "X w Y": the region X lies in
            if (opening := self._aside_opening(doc, sent, m.start, named_tokens)) is not None and any(
                    n.end == opening and n._.entity.startswith("place:")
                    and not (n._.entity in entities and self.not_town(entities[n._.entity])) for n in sentence_mentions):
                continue  # "Kaufbeuren (Bawaria)", "Werlte /Niemcy, Dolna Saksonia/": where X lies; but "z Francji
                # (Meudon)": the town
            (venues if before >= sent.start and doc[before].lower_ in self.locative else named).add(m._.entity)
            cities.append(m._.entity)
        offices = [m.organisation for m in memberships if sent.start_char <= m.evidence.start < sent.end_char
                   and m.organisation.startswith("place:")]
        offices += [town for m in sentence_mentions if m._.entity.startswith("organisation:")
                    and (town := self.town_of_council(m._.entity, entities)) is not None]  # "między Radą Gminy X i …"
        cities = [c for c in dict.fromkeys(cities + offices) if (entity := entities.get(c)) is not None
                  and not entity.district and not self.not_town(entity)]
        sides = [c for c in cities if c not in venues - named - set(offices)]
        return sides if len(sides) >= 2 else cities  # "we Wdzydzach odnowiono akt partnerstwa X i Y": where, not who

    @staticmethod
    def _aside_opening(doc: Doc, sent: Span, i: int, named: set[int]) -> int | None:
        """The bracket that opens a list of names (their tokens `named`) the word i ends, within a few words: "(" or a
        slash written as one, with a space before it and none after ("/Niemcy, Dolna Saksonia/"); not "(podobnie
        jak X)"."""
        for k in range(i - 1, max(sent.start, i - 8) - 1, -1):
            t = doc[k]
            if t.text == "(" or t.text == "/" and k > sent.start and doc[k - 1].whitespace_ and not t.whitespace_:
                return k
            if k not in named and t.text != "," and t.lower_ not in ("i", "oraz"):
                return None
        return None

    def _one_unit(self, a: str, b: str) -> bool:
        """Two names of one town or county: their first words after a unit's noun ("Gmina", "Powiat") are one
        word, inflected ("Powiat Olsztyński", "Powiaty Olsztyńskiego"; "Gmina Krościenko", "Krościenko nad
        Dunajcem")."""
        def first_word(name: str) -> str:
            words = [w for w in fold(name).split() if not w.startswith(tuple(u[:4] for u in self.unit_nouns))]
            return words[0] if words else ""
        return one_word_inflected(first_word(a), first_word(b), stem=5) or self.seat_of(a, b) or self.seat_of(b, a)

    def _one_per_name(self, cities: list[str], entities) -> list[str]:
        """One side per town: "Gmina X" and "X", "Gmina Krościenko" and "Krościenko nad Dunajcem", "Vresinie" and
        "Vresiny" (of this sentence and the next) are one unit named twice."""
        kept: list[str] = []
        for c in dict.fromkeys(cities):
            name = entities[c].name if c in entities else c
            if not any(fold(name).endswith(fold(other)) or fold(other).endswith(fold(name)) or self._one_unit(name, other)
                       for other in (entities[k].name if k in entities else k for k in kept)):
                kept.append(c)
        return kept

    def _counties_twin_counties(self, doc: Doc, entities, relations: list[Relation]) -> None:
        """A county is the partner of a county: a twinning of a town with a foreign county ("Powiat X") is one of
        the town's own county, where the text names it by the town's adjective ("Powiat Działdowski" of
        "Działdowo")."""
        county_of = {}  # town → its county named in the text
        for key, e in entities.items():
            if e.kind == "organisation" and e.also_place and e.head == self.county_noun \
                    and (town := self.county_seat(e, entities)) is not None:
                county_of[town] = key
        counties = set(county_of.values())
        for n, r in enumerate(relations):
            if r.predicate != "twinnedWith":
                continue
            for town, other in ((r.subject, r.object), (r.object, r.subject)):
                if town in county_of and entities[other].head in self.county_level and other not in counties:
                    own = county_of[town]
                    relations[n] = Relation(own, "twinnedWith", other, r.evidence) if town == r.subject else \
                        Relation(other, "twinnedWith", own, r.evidence)

    @staticmethod
    def _coordinated_before_towns(doc: Doc, before: list[Span]) -> list[Span]:
        """The last of these mentions, with those joined to it by "i", "oraz" or a comma just before ("X i Y")."""
        towns = before[-1:]
        for m in reversed(before[:-1]):
            gap = doc[m.end:towns[0].start]
            if not (len(gap) == 1 and gap[0].lower_ in (",", "i", "oraz")):
                break
            towns.insert(0, m)
        return towns

    @staticmethod
    def _twin_pairs(cities: list[str], home: str | None) -> list[tuple[str, str]]:
        """Two cities of a sentence about partnership are partners. Of more, the text's home city (the
        place it names most) is the partner of each other one: the others are its partners, or
        neighbours named with it ("X, Y i Z mają miasta partnerskie we Francji"), not each other's; of more and no
        home among them ("delegacje miast partnerskich: A, B, C i D"), none is told the partner of another."""
        if len(cities) > 2:  # of three towns or more none of which is the text's own, no pair is told
            return [(home, c) for c in cities if c != home] if home in cities else []
        return [(cities[a], cities[b]) for a in range(len(cities)) for b in range(a + 1, len(cities))]

    def _organs_of_bodies(self, entities) -> list[Relation]:
        """ "Rada Nadzorcza EUWT X", "Wydział Prawa UŁ", "Zarząd Główny ZPB": an organ or unit named with the name of
        a body the text names on its own (as written, in any form the text gives it, or by its acronym) is that
        body's; a town, county or other territorial unit is no such body ("Rada Powiatu X")."""
        bodies = {}
        for key, e in entities.items():
            if e.kind == "organisation" and not e.also_place and not generic_organisation(e.name):
                for name in (e.name, *e.aliases):
                    bodies.setdefault(fold(name), key)
                    bodies.setdefault(stems(name), key)  # "Straż Graniczna" for "Oddział Straży Granicznej"
                    for acronym in acronyms_of(name):
                        bodies.setdefault(fold(acronym), key)  # "Wydział Prawa UŁ": of "Uniwersytet Łódzki"
        found = []
        for key, e in entities.items():
            if e.kind != "organisation" or e.head not in self.organ_heads or not e.mentions \
                    or (head := self._organ_head_at(e)) is None:
                continue  # not "Młodzieżowa Rada Powiatu X": a body of its own
            body = next((b for name in (e.name, *e.aliases) if (b := self._named_body(name, bodies, key, head + 1))),
                        None)
            if body is not None:
                start, end, _rule, sentence_start, sentence_end = e.mentions[0]
                found.append(Relation(key, "subOrganizationOf", body, Evidence(
                    start, end, sentence_start, sentence_end, "relation-organ",
                    float(self.confidence.get("relation-organ", 0.5)))))
        return found

    def _founders_held(self, memberships, relations: list[Relation]) -> list[Relation]:
        """ "Założycielami Stowarzyszenia byli: A, B", "Do założycieli Towarzystwa należeli: …": a founder's office,
        however its list was read, tells that the person founded the body; not where the body was only guessed from the
        context ("był współzałożycielem, a potem prezesem": of what, the sentence does not say)."""
        said = {(r.subject, r.object) for r in relations if r.predicate == "founder"}
        found = []
        for m in memberships:
            if m.role.label in self.founder_roles and m.organisation and m.organisation.startswith("organisation:") \
                    and m.evidence.rule not in ("role-context", "role-topic") and (m.organisation, m.person) not in said:
                said.add((m.organisation, m.person))
                found.append(Relation(m.organisation, "founder", m.person, m.evidence))
        return found

    def _organ_head_at(self, e) -> int | None:
        """Where an organ's head noun stands in its name: first ("Komisja Rewizyjna X"), or, for a unit of a body,
        after one adjective ("Nadodrzański Oddział X"; "Młodzieżowa Rada X", "Ludowy Zespół Y" are bodies of their
        own)."""
        words = e.name.split()
        if fold(words[0]) == fold(e.head):
            return 0
        if len(words) > 2 and fold(words[1]) == fold(e.head) and e.head in self.adjectival_organ_heads \
                and any(a.pos == "adj" for a in analyser().analyse(words[0])):
            return 1
        return None

    @staticmethod
    def _named_body(name: str, bodies: dict[str, str], own: str, first: int) -> str | None:
        """The body whose name follows the organ's head (from word `first` on), the longest such, short of what follows
        it: a seat ("Koło X w Y") or a town ("Komisja Rewizyjna KGW Gogolewo"); of two words or more, in any of its
        forms ("Oddział Straży Granicznej" of "Straż Graniczna")."""
        words = name.split()
        for k in range(first, len(words)):
            tail = words[k:]
            for j in range(len(tail), 0, -1):
                candidate = " ".join(tail[:j])
                body = bodies.get(fold(candidate)) or (bodies.get(stems(candidate)) if j > 1 else None)
                if body is not None and body != own:
                    return body
        return None

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.entities or {}
        mentions = mention_index(doc)
        memberships = doc._.memberships if doc._.memberships is not None else []
        relations = doc._.relations if doc._.relations is not None else []
        home = self.headed_partners(doc, mentions, entities, relations)
        before = None
        for sent in doc.sents:
            self.relations(doc, sent, mentions, entities, memberships, relations, home)
            self.listed_partners(doc, sent, before, mentions, entities, memberships, relations, home)
            if sent.text.strip():
                before = sent
        self._counties_twin_counties(doc, entities, relations)
        relations += self._organs_of_bodies(entities)
        relations += self._founders_held(memberships, relations)
        twinned = any(r.predicate == "twinnedWith" for r in relations)  # "Brody na Ukrainie": not the Polish village
        far = placed_abroad(doc, list(doc.ents)) if twinned else set()
        relations[:] = [r for r in relations if not (r.predicate == "twinnedWith" and (
            self._region_and_town(r, entities) or self._town_and_home_unit(r, entities, far)))]
        doc._.memberships = memberships
        doc._.relations = relations
        return doc
