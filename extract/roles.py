"""Roles: who held which office of which organisation or place, and when ("burmistrz X", "X, prezes Towarzystwa Y").

The `kronika_roles` component writes `doc._.memberships`, and the founders a role names ("założyciel") to
`doc._.relations`.
"""

from collections import Counter
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import YEAR, date_ends, date_starts, past_date
from .facts import (UD_GENDERS, UD_GENDERS_ALL, FactReader, Membership, Relation, finite_verb, in_brackets,
                    list_number, mention_index, most_named_body, past_genders)
from .lexicon import Role, deputy_of, lexicon
from .morphology import analyser, analyses, lemma_set, lemma_sets
from .name_words import DOT_LEADER, LINE_BULLETS, QUOTES_CLOSE, QUOTES_OPEN, place_adjective, plural_of
from .names import DASHES, after_portfolio, fold, generic_organisation, role_at, stems, unknown_to_sgjp
from .role_towns import OfficePlacement


TOPIC_SENTENCES = 2  # how far back the body a paragraph is about may have been named
LIST_REACH = 40  # how many words a list of officers may hold between "reprezentowali" and an office in it
CLAUSE_ENDS = frozenset({".", ";", "(", ")"})
RECEIVER_GAP = 5  # words between a receiver and the verb: "X w dniu 3 maja 2010 r. otrzymał"
ANAPHORS_OF_OFFICE = ("nim", "nią", "nimi")  # "Został nim X": the office the sentence before named
HOLDER_VERBS = frozenset({"zostać", "być"})
PATRON_MARKERS = ("im.", "imienia")
SUBJECT_REACH = 200  # words before a biography's office the nominative of its subject is looked for past a nearer name
PERSONAL_PRONOUNS = {"go": frozenset({"Masc"}), "ją": frozenset({"Fem"})}  # "wybrano go": the person as the object
DESCRIPTION_WORDS = 4  # "byli pracownicy miejscowej kopalni: X, Y": the words before a list's colon
NAME_CARD_WORDS = 8  # "Jan X" / "Burmistrz Miasta i Gminy Y": the office's line under the name is short
LIST_INTRO_WORDS = 12  # "W kolejnych latach dyrektorami szkoły byli:": the sentence opening a list of holders
ACTING = ("p.o.", "p.o")  # "pełniący obowiązki": an acting holder holds the office ("funkcję p.o. dyrektora")


def attributive(token) -> bool:
    """An adjective that is no verb too ("partnerskiego", not "była": "sekretarzem gminy była X")."""
    readings = analyses(token)
    return any(a.pos == "adj" for a in readings) and not any(a.pos in ("praet", "fin") for a in readings)


@Language.factory("kronika_roles")
def make_roles(nlp: Language, name: str):
    return RoleReader()


class RoleReader(OfficePlacement, FactReader):
    """Offices read sentence by sentence; those whose town or body the sentence does not tell are placed from the
    whole document (extract/role_towns.py)."""

    def __init__(self):
        super().__init__()
        lex = self.lex
        rel = lex.relations
        self.board_nouns = frozenset(lex.board_nouns)
        self.polish_given_names = frozenset(lex.polish_given_names)
        self.polish_town_offices = frozenset(lex.polish_town_offices)
        self.council_offices = frozenset(lex.council_offices)
        self.naming_verbs = frozenset(lex.naming_verbs)  # "Byli to: A, B", "Są to: …"
        self.guest_town_offices = frozenset(lex.guest_town_offices)
        self.county_offices = frozenset(lex.county_offices)
        self.town_starosta_countries = frozenset(lex.town_starosta_countries)
        self.county_noun = lex.county_unit
        self.government_nouns = frozenset(lex.government_nouns)
        self.career_continuers = frozenset(lex.career_continuers)
        self.unit_of_role = dict(lex.unit_of_role)  # "wójt" → "gmina": the unit a municipal office is of
        self.upper_units = frozenset(lex.home_upper_units)  # "powiat", "województwo"
        self.local_roles = set(lex.local_roles)
        self.town_heads = frozenset(lex.town_head_offices)
        self.state_roles = set(lex.state_roles)
        self.country_adjectives = frozenset(lex.country_adjectives)
        self.region_heads = {fold(h) for h in lex.region_heads}
        self.institution_references = dict(lex.institution_references)
        self.delegation_nouns = set(rel["delegation_nouns"])
        self.office_nouns = set(rel["office_nouns"])
        self.election_verbs = set(rel["election_verbs"])
        self.founder_roles = set(rel["founder_roles"])
        self.possessive_genders = dict(rel["possessive_genders"])
        self.source = set(lex.source_prepositions)
        self.ordinals = set(lex.role_ordinals)
        self.organisation_heads = set(lex.organisation_heads)
        self.qualifiers = set(lex.role_qualifiers)
        self.untimed = set(lex.untimed_qualifiers)
        self.venue_nouns = set(lex.venue_nouns)
        self.deputy_nouns = set(lex.deputy_nouns)
        self.instrumental_prepositions = set(lex.instrumental_prepositions)
        self.serving_nouns = set(lex.aide_nouns) | self.deputy_nouns  # "asystent burmistrza X", "zastępca ambasadora X"
        self.representing_verbs = set(rel["representing_verbs"])
        self.town_nouns = self.city_nouns | set(lex.village_nouns)  # "Prezydent Miasta X", "sołtys wsi Y"
        self.town_noun_abbreviations = {short for short, noun in rel["unit_abbreviations"].items()
                                        if noun in self.town_nouns}
        self.own_side_words = set(rel["own_side_adjectives"])
        self.own_pronouns = set(rel["own_pronouns"])
        self.demonstratives = frozenset(rel["demonstratives"])
        self.territorial = set(lex.territorial_heads)
        self.dual_words = set(lex.dual_words)
        self.joining = {",", *rel["pair_conjunctions"]}
        self.office_body_heads = {office: frozenset(heads) for office, heads in lex.office_body_heads.items()}
        self.one_word_bodies = frozenset(lex.one_word_bodies)
        self.institution_offices = frozenset(lex.institution_offices)
        self.term_words_in_brackets = frozenset(lex.term_words_in_brackets)
        self.guessed_town_rules = {"role-context", "role-own-town", "role-guest-town", "role-same-office"}
        self.conferred_titles = frozenset(rel["conferred_titles"])
        self.proposal_nouns = frozenset(rel["proposal_nouns"])
        self.receiving_verbs = frozenset(rel["receiving_verbs"])
        self.honour_nouns = lex.honour_nouns
        self.residence_words = frozenset(lex.residence_words)
        self.role_prefixes = frozenset(lex.role_prefixes)
        self.council_units = frozenset(lex.council_unit_words)
        self.generic_bodies = frozenset(lex.generic_organisation_words)  # "OSP", "GOK": every town has one

    def memberships(self, doc: Doc, sent: Span, mentions: dict[int, Span], entities, found: list[Membership],
                    relations: list[Relation], unresolved: list[Membership], homeward: list[Membership],
                    unheld: dict[str, set[str]]) -> None:
        i = sent.start
        shared: list[tuple[Role, str, int, int]] = []  # an office joined to the next: (office, body, where, next)
        while i < sent.end:
            found_role = role_at(doc, i)
            role, end = found_role if found_role else (None, i + 1)
            if role is None or i in mentions or i > sent.start and lemma_set(doc[i - 1]) & self.serving_nouns:
                i += 1  # "asystent burmistrza X": X works for the mayor; "zastępca ambasadora X" (no office of the
                continue  # scheme): X deputises, not the ambassador
            if end < sent.end and doc[end].text == ":" and self._line_end(doc, end + 1, sent.end) \
                    and all(t.is_space for t in doc[sent.start:i]):
                i = end  # "Skarbnik:" on a line of its own heads the holders on the lines below (_office_lists)
                continue
            if role.municipal and doc[i].morph.get("Number") == ["Plur"] and end < sent.end and doc[end].text == ":" \
                    and len(pairs := self._towns_and_holders(doc, mentions, entities, end + 1, sent.end)) >= 2:
                for town, holder in pairs:  # "Burmistrzów: X-a Jana Y, Z-a Adama W oraz …": each town's own
                    found.append(Membership(holder._.entity, role, town._.entity, self.date_at(sent, (sent.start, sent.end)),
                                            self.evidence(sent, town.start, holder.end, "role-before-person")))
                i = pairs[-1][1].end
                continue
            if (doc[i].morph.get("Number") == ["Plur"] or self._plural_of_office(doc[i], role)) \
                    and (pairs := self._respective_holders(doc, mentions, end, sent.end)):
                for body, holder in pairs:  # "marszałkowie Sejmu i Senatu X i Y", "burmistrzowie A i B: X i Y"
                    found.append(Membership(holder._.entity, role, body._.entity,
                                            self.date_at(sent, (sent.start, sent.end)),
                                            self.evidence(sent, i, holder.end, "role-before-person")))
                i = pairs[-1][1].end
                continue
            if end + 2 < sent.end and doc[end].text == "(" and (gloss := role_at(doc, end + 1)) is not None \
                    and gloss[1] < sent.end and doc[gloss[1]].text == ")":
                end = gloss[1] + 1  # "Primator (Burmistrz) Miasta X Jan Y": the office glossed in Polish
            while end + 1 < sent.end and doc[end].is_space:
                end += 1  # "Dyrektor" / "    Przedszkola w X": a wrapped line goes on with the body
            demonstrative = end + 1 < sent.end and doc[end].is_lower and bool(lemma_set(doc[end]) & self.demonstratives)
            end += demonstrative  # "burmistrz tego miasta", "rektor tej uczelni": the town or body named before
            if end - 1 > i and self._mention_at(mentions, end - 1, ("organisation",)) is not None:
                end -= 1  # "członek Zarządu Powiatu X": the role's last word opens the body's name
            while end + 1 < sent.end and lemma_set(doc[end]) & self.government_nouns and end not in mentions:
                end += 1  # "wicemer samorządu rejonu X", "mer Samorządu Rejonu X": the unit after its government's
                # noun
            k = end
            while k < min(sent.end, end + 2) and doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k])):
                k += 1
            if k > end and k < sent.end and (lemma_set(doc[k]) & self.city_nouns and doc[k].is_lower
                                             or (body := self._mention_at(mentions, k, ("organisation",))) is not None
                                             and body.start == k
                                             or (town := self._mention_at(mentions, k, ("place",))) is not None
                                             and town.start == k and all(lemma_set(doc[j]) & self.country_adjectives
                                                                         for j in range(end, k))):
                end = k  # "prezydent zaprzyjaźnionego miasta X", "kierownik lipnickiego Muzeum X Anna Y", "mera
                # ukraińskiego Żytomierza X"
            both = self._both_towns(doc, end, sent.end)
            end += 2 if both else 0  # "burmistrzowie obu miast: X i Y"
            bare_unit = False  # "X – Wójt Gminy,": the office of the writer's own town, named by its noun alone
            abbreviated = self._abbreviated_town_noun(doc, end, sent.end)  # "wójt g.Srokowo": its tokens
            if end < sent.end and (lemma_set(doc[end]) & self.town_nouns or abbreviated) \
                    and not self._mention_at(mentions, end, ("organisation",)):
                bare_unit = end == k and (  # "Sekretarz Gminy", "sekretarzem gminy była X"
                    end + 1 >= sent.end or not attributive(doc[end + 1]))
                end += abbreviated or 1  # "Prezydent Miasta Lublin": the city is the name after "miasto"
                if end + 1 < sent.end and doc[end].lower_ == "i" and lemma_set(doc[end + 1]) & self.city_nouns:
                    # "Burmistrz Gminy i Miasta X", "Miasta i Gminy X": one unit, named once (or as "Gmina X")
                    end += 1 if self._mention_at(mentions, end + 1, ("organisation", "place")) else 2
                while end < sent.end and doc[end].is_lower and attributive(doc[end]) \
                        and not self._mention_at(mentions, end, ("organisation", "place")):
                    end += 1  # "burmistrz miasta partnerskiego X"
                # "w Koszalinie prezydent miasta X": no name after it, the city is the one just named
                the_city = None if self._mention_at(mentions, end, ("organisation", "place")) else \
                    self._unit_named_before(doc, mentions, entities, i) if demonstrative else \
                    self._antecedent(doc, mentions, i, sent.start, ("place",))
                while the_city is not None and the_city.start - 2 >= sent.start \
                        and the_city._.base_form not in lexicon().country_names \
                        and doc[the_city.start - 1].lower_ in self.locative \
                        and (town := mentions.get(the_city.start - 2)) is not None and town.end == the_city.start - 1 \
                        and (unit := entities.get(town._.entity or "")) is not None \
                        and (unit.kind == "place" or unit.also_place):
                    the_city = town  # "Gminą X na Orawie, reprezentowaną przez Y, Wójta Gminy": the gmina, not its land
                if the_city is not None and the_city._.base_form in lexicon().country_names:
                    the_city = None  # "ambasador Niemiec …, prezydent miasta X": a country is no city
                bare_unit = bare_unit and the_city is None and not self._mention_at(mentions, end, ("organisation", "place"))
            else:
                the_city = None
            end = after_portfolio(doc, end, sent.end)  # "wicemer ds. kultury X"
            if end + 1 < sent.end and doc[end].is_lower and lemma_set(doc[end]) & self.organisation_heads \
                    and not lemma_set(doc[end]) & self.territorial:
                quoted = doc[end + 1].text in QUOTES_OPEN
                name = end + 1 + quoted
                if name < sent.end and (body := self._mention_at(mentions, name, ("organisation",))) is not None \
                        and body.start == name and (quoted or not any("gen" in a.cases for a in analyses(doc[name]))):
                    end = name  # "kierownik zespołu „Lipnianka”", "prezes spółki Rolmex": the body's own name after its
                    # common noun; not "przewodniczący rady Powiatu X", "radny sejmiku Województwa Y": a complement
            if end + 1 < sent.end and lemma_set(doc[end]) & self.board_nouns and end not in mentions \
                    and self._mention_at(mentions, end + 1, ("organisation", "person")) is not None:
                end += 1  # "wiceprezes Zarządu OSP w Wysokiej X": the office of the body whose board it is; "prezes
                # Zarządu X": of the body the text is about
            if end + 1 < sent.end and (doc[end].lower_ in ("w", "we", "na") or doc[end].lower_ == "do" and lemma_set(
                    doc[end + 1]) & self.office_body_heads.get(role.label, frozenset())) \
                    and not role.municipal and the_city is None \
                    and self._mention_at(mentions, end, ("organisation", "place")) is None \
                    and self._mention_at(mentions, end + 1, ("organisation",)) is not None:
                end += 1  # "sekretarz stanu w Ministerstwie X", "nauczyciel w Szkole Podstawowej nr 2",
                # "poseł na Sejm RP X", "poseł do Sejmu": where the office is
            org = self._mention_at(mentions, end, ("organisation", "place")) or the_city
            if org is None and end + 1 < sent.end and place_adjective(doc[end]) \
                    and (body := self._mention_at(mentions, end + 1, ("organisation",))) is not None \
                    and fold(body.text) in self.generic_bodies:
                org = body  # "Prezes Dąbrowskiej OSP X": the fire brigade every village has, this one by its town
            after = after_portfolio(doc, org.end, sent.end) if org is not None and org is not the_city else end
            if org is None and role.municipal \
                    and (joined := self._joined_office_town(doc, mentions, role, end)) is not None:
                org, after = joined, joined.end  # "radna i burmistrz Rawicza": both of Rawicz
            if org is not None and after + 1 < sent.end and doc[after].lower_ in self.locative and \
                    self._mention_at(mentions, after + 1, ("place", "organisation")) is not None:
                after = mentions[after + 1].end  # "przewodniczący Rady Miejskiej w Nysie X": the seat, then the person
            elif org is not None and org._.entity and org._.entity.startswith("organisation:") \
                    and (town := self._mention_at(mentions, after, ("place",))) is not None and town.start == after \
                    and self._person_after(doc, mentions, town.end, sent.end) is not None:
                after = town.end  # "Przewodniczący Rady Miasta Helu - Arnold X": the council's town, then the person
            if org is None and (named := self._named_before(doc, mentions, end, sent.end)) is not None:
                org, after = named, end + 1  # "dyrektora muzeum X": the museum the text has named
            if org is None and not role.municipal and (body := self._body_after_subject(doc, mentions, end, sent.end)):
                org = body  # "nauczycielka historii w II Liceum Ogólnokształcącym": the school she teaches in
            if org is None and role.municipal and (town := self._town_before_name(doc, mentions, entities, end,
                                                                                 sent.end)) is not None:
                org, after = town, town.end  # "Radny z Nowogardu Marcin X": of the town the holder is from
            while after < sent.end and doc[after].text.isupper() and len(doc[after].text) > 1 \
                    and doc[after].is_alpha and not self._mention_at(mentions, after, ("person",)):
                after += 1  # "dyr. Bałtyckiej Agencji Artystycznej BART Mariusz Łukasik", "prezes PTTK Jan Nowak":
                # the acronym, then the person
            if org is not None and (k := self._past_genitive_qualifier(doc, after, sent.end)) > after \
                    and self._mention_at(mentions, k, ("person",)) is not None:
                after = k  # "kierownik Sekretariatu X strony polskiej Jan Y": the body's qualifier, then the person
            if org is not None and after < sent.end and doc[after].text == "(":
                close = next((k for k in range(after + 1, min(sent.end, after + 8)) if doc[k].text == ")"), None)
                after = close + 1 if close is not None else after  # "przewodniczący Towarzystwa X (Freundeskreis Y) Z"
            unnamed = None  # "dyrektor miejskiego gimnazjum X": an organisation named by a common noun
            if org is None:
                k = end
                while k < sent.end and doc[k].text[:1].islower() and any(a.pos == "adj" for a in analyses(doc[k])):
                    k += 1
                if k < sent.end and doc[k].text[:1].islower() and lemma_set(doc[k]) & self.organisation_heads:
                    unnamed = after = k + 1
            led_by = org is None and i - 1 > sent.start and doc[i - 1].lower_ == "przez" and self._led_by(doc, i - 2, sent.start)
            # "X – burmistrz, Y – radny": a role after a dash or bracket is its person's, not the next one's
            after_dash = self._after_dash(doc, i, sent.start)
            body = self._body_before_dash(doc, mentions, i, sent.start) if after_dash else None
            person = self._person_after(doc, mentions, past_date(doc, after, sent.end), sent.end)  # "burmistrz X w latach 2003-2011 Y"
            if person is None and self._calling_after(doc, i, after, sent.end):
                person = self._person_after(doc, mentions, after + 2, sent.end)  # "radna i koronczarka X": X's office
            if person is None and role.label in self.council_offices and after + 1 < sent.end \
                    and any(a.pos == "adj" for a in analyses(doc[after])) and lemma_set(doc[after]) & self.council_units:
                person = self._person_after(doc, mentions, after + 1, sent.end)  # "Radny Powiatowy X": the council's
                # level, then its member
            if person is not None and self._case_clash(doc[i:found_role[1]], doc[person.start]):
                person = None  # "członek Rady przy marszałku Senatu Jan X": X holds no office named in the locative
            # "gospodarze Festiwalu – Burmistrz Gminy X – Jan Y": the dash before the office opened a list
            dash_then_person = person is not None and after < sent.end and doc[after].text in ("–", "—", "-") \
                and person.start == after + 1
            if after_dash and body is None and not dash_then_person \
                    and not (doc[self._before_role(doc, i, sent.start)].text == "("
                             and "Ins" in doc[i].morph.get("Case")
                             and self._mention_at(mentions, after, ("person",)) is not None):
                person = None  # "X (burmistrz), Y": X's; but "X (wiceburmistrzem Y, …)": the verb left out, Y's
            if org is None and body is not None and person is not None:
                org = body  # "w imieniu Gminy X – starosta – Y"
            if org is None and person is not None and role.municipal and i > sent.start and doc[i - 1].is_lower \
                    and (key := self.city_of_adjective(doc[i - 1], entities)) is not None \
                    and not self.not_town(entities[key]):
                org = next(s for s in doc.ents if s._.entity == key)  # "gdańskiego burmistrza X": the adjective's town
            rule = "role-before-person"
            if person is not None and person.start > after and doc[self._before_honorifics(doc, person.start - 1, sent.start)].text == "," and \
                    (before := self._person_before(doc, mentions, i, sent.start)) is not None and not any(
                    (r := role_at(doc, k)) is not None and r[1] == before.start for k in range(max(sent.start, before.start - 3), before.start)) \
                    and not any(m.person == before._.entity and m.evidence.sentence_start == sent.start_char
                                and m.evidence.end == before.end_char for m in found):
                # "X, Burmistrz miasta Y, Z, …": a list of persons, the role X's; but in "burmistrz X, przewodniczący
                # Rady, Z" and "Starosta X, pan Y, Burmistrz Z, pan W" Y has a role of their own and the next is W's
                person, rule = before, "role-apposition"
            elif rule == "role-before-person" and (item := self._item_head_before(doc, mentions, i, sent, person)) is not None:
                person, rule = item, "role-apposition"  # "X – sołtys Y, członek zarządu Z, W – burmistrz V": X's
            if org is None and person is not None and i > sent.start and doc[i - 1].lower_ in self.possessives:
                org, rule = self._antecedent(doc, mentions, i - 1, 0, ("organisation",), self._genders(doc[i - 1])), \
                    "role-possessive"  # "Jej prezes, X,"
            if org is None and person is not None and (
                    heading := self._body_with(doc, mentions, i, sent.start)) is not None and not (
                    role.municipal and self._unit_or_office(entities.get(heading._.entity))):
                org, rule = heading, "role-led-by"  # "Klub X w Y z prezesem Z na czele", "z klubu Rotary w Y z
                # prezydentem Z"; but a town's office stays the town's ("z Urzędu Gminy X z wójtem Y")
            if org is None and person is not None and role.municipal \
                    and (town := self._town_headed(doc, mentions, entities, i, sent.start)) is not None:
                org, rule = town, "role-led-by"  # "delegacja X na czele z burmistrzem Y"
            if led_by and person is not None:  # "Instytut X, kierowany wówczas przez dyrektora Y"
                org, rule = self._antecedent(doc, mentions, i, sent.start, ("organisation",)), "role-led-by"
            elif org is None and person is not None \
                    and (side := self._represented_side(doc, mentions, i, sent.start, role.municipal)) is not None \
                    and not (side._.entity.startswith("place:")
                             and self.unit_of_role.get(role.label, "gmina") != "gmina"):
                org, rule = side, "role-led-by"  # "Ambasadę RP reprezentowali radca X, konsul Y"; not a county's
                # office for the town ("Zwoleń reprezentowała delegacja: X Starosta Zwoleński, Y Wicestarosta")
                if role.municipal and (town := self.town_of_council(side._.entity, entities)) is not None:
                    org = next((s for s in mentions.values() if s._.entity == town), side)  # "z Radą Miasta X, reprezentowaną
                    # przez mera Y": a town's office is the town's, not its council's
            # "urząd prezydenta", "tytuł …"; or the honour itself names the title: "honorowe obywatelstwo X"
            noun_at = i - 1 - (i > sent.start + 1 and doc[i - 1].text in QUOTES_OPEN  # "tytułu „Honorowy Obywatel X”"
                               or i > sent.start + 1 and doc[i - 1].lower_ in ACTING)  # "funkcję p.o. dyrektora"
            office_noun = noun_at >= sent.start and bool(lemma_set(doc[noun_at]) & self.office_nouns)
            honour = bool(lemma_set(doc[found_role[1] - 1]) & self.honour_nouns)
            office = office_noun or honour
            titles = office or i > sent.start + 1 and doc[i - 1].lower_ == "dla" and bool(
                lemma_set(doc[i - 2]) & self.office_nouns)  # "tytuły dla Honorowych Obywateli Miasta X"
            several = doc[i].morph.get("Number") == ["Plur"] or self._nominative_plural(doc, i, person) \
                or self._plural_of_office(doc[i], role)
            # "Założycielami byli X oraz Y", "zastępcy burmistrza X i Y": each of them
            if person is None and titles:
                k = after
                if k + 1 < sent.end and doc[k].text == "," and lemma_set(doc[k + 1]) & self.relatives:
                    k += 2  # "tytuł Honorowego Obywatela Miasta X, który otrzymali: Y, Z"
                k = self._past_adverbs(doc, past_date(doc, self._past_adverbs(doc, k, sent.end), sent.end), sent.end)
                k = self._verb_past_time_phrase(doc, mentions, k, sent.end)
                if k < sent.end and lemma_set(doc[k]) & (self.office_verbs | self.conferring_verbs):
                    # "sprawował wtedy X", "tytuł Honorowego Obywatela nadano X-owi oraz Y-owi"
                    named = self._past_adverbs(doc, past_date(doc, self._past_adverbs(doc, k + 1, sent.end), sent.end),
                                               sent.end)  # "… otrzymał w 2010 roku X": past the date too
                    person, rule = self._person_after(doc, mentions, named, sent.end), "role-office"
                    several = several or bool(lemma_set(doc[k]) & self.conferring_verbs) \
                        or doc[k].morph.get("Number") == ["Plur"]  # a title given to several; "funkcję prezesa
                    # sprawowali: X (1990-95), Y (1995-2001)": each of them in turn
            if person is None and org is not None and org._.entity and after + 1 < sent.end and not after_dash \
                    and doc[after].lower_ in ("i", "oraz") and role_at(doc, after + 1) is not None \
                    and not plural_of(doc[after + 1], lemma_set(doc[after + 1])) \
                    and not self._apposed_to_unplaced(doc, mentions, sent, i, found):
                shared.append((role, org._.entity, i, after + 1))  # "Starosta X i Prezes Towarzystwa Y Jan Z": both Z's
                i = end
                continue
            if person is None and unnamed is None and (prior := self._career_continued(doc, mentions, sent, i, found)):
                person, rule = prior, "role-apposition"
            if person is None and unnamed is None:
                person, rule = self._person_before(doc, mentions, i, sent.start), "role-apposition"
            clause = next(c for c in self.clauses(sent) if c[0] <= i < c[1])
            dated = self.dating_clause(sent, clause, i)
            if person is None and office:
                title = noun_at if office_noun else i
                person, rule = self._recipient(doc, mentions, clause[0], title) \
                    or self._receiver(doc, mentions, clause[0], title), "role-conferred"
                proposed = any(lemma_set(t) & self.proposal_nouns for t in doc[max(sent.start, title - 4):title])
                if person is None and not proposed \
                        and (person := self._beneficiary(doc, mentions, after, sent.end)) is not None:
                    several = True  # "… dla X i Y", "dwóm osobom: X i Y": each of them
            joined = self._past_joined_office(doc, after, sent.end)
            if org is None and joined > after == end and person is None \
                    and (body := self._mention_at(mentions, joined, ("organisation",))) is not None:
                told = body.end  # "Założycielem i pierwszym kierownikiem Ogrodu X był Y": both offices of X
                if told + 1 < sent.end and doc[told].lower_ in self.locative \
                        and (seat := self._mention_at(mentions, told + 1, ("place",))) is not None:
                    told = seat.end  # "… Ogrodu X w Lipnie był Y"
                if lemma_set(doc[min(self._past_adverbs(doc, told, sent.end), sent.end - 1)]) & self.copulas:
                    org, joined = body, told  # not "Przewodniczący i Radni Rady X, …": a list of guests
            verb = past_date(doc, self._past_adverbs(doc, joined, sent.end), sent.end)  # "Jego prezesem od 2004 r.
            # jest X", "Prezesem Towarzystwa nadal był X"
            if org is None and verb < sent.end and not lemma_set(doc[verb]) & self.copulas:
                qualified = self._past_genitive_qualifier(doc, verb, sent.end)
                verb = qualified if qualified < sent.end and lemma_set(doc[qualified]) & self.copulas else verb
                # "Radnymi narodowości polskiej zostali: X, Y": the qualifier, then the verb
            if person is None and verb < sent.end and lemma_set(doc[verb]) & self.copulas and not honour:
                # "…, którego założycielem był X", "Prezesem Towarzystwa była wówczas X", "Jego dyrektorem był X"
                named = self._past_adverbs(doc, self._past_elected(doc, self._past_adverbs(doc, verb + 1, sent.end),
                                                                  sent.end), sent.end)  # "został wybrany X"
                person = self._person_after(doc, mentions, self._past_description(doc, mentions, self._past_role(
                    doc, mentions, past_date(doc, named, sent.end), sent.end), sent.end), sent.end)  # "był do 2005 r. X"
                rule = "role-copula"
                if org is None:
                    org = self._antecedent(doc, mentions, clause[0], sent.start, ("organisation",))
                    rule = "role-relative"
                if org is None and (owner := next((t for t in doc[clause[0]:i] if t.lower_ in self.possessives), None)):
                    org = self._antecedent(doc, mentions, sent.start, 0, ("organisation",), self._genders(owner))
                    rule = "role-possessive"
                if org is None and not role.municipal and person is not None and not bare_unit \
                        and not self._unnamed_body_after(doc, end, sent.end, role):
                    org, rule = self._topic(doc, mentions, sent, i), "role-topic"  # "Pierwszym prezesem wybrano X"
                    org = org if org is None or self.held_in(role.label, entities.get(org._.entity)) else None
                if org is None and not bare_unit and not role.municipal:  # "Sekretarzem gminy była X": the text's own
                    person = None  # gmina's, below; "Burmistrzem był X", "Radnymi zostali: X, Y": the context's town's
            if person is None and any(lemma_set(t) & self.copulas and not self._qualifying(doc, t.i)
                                      and not self._passive(doc, t.i, i) and self._verb(t)
                                      for t in doc[clause[0]:i]):
                person = next((m for m in self._sentence_mentions(mentions, sent) if m._.entity and m._.entity.startswith("person:")
                               and m.start < i), None)
                if person is not None and not self._may_be_subject(person) \
                        and not any(lemma_set(t) & self.relatives for t in doc[person.end:i]):  # "X-owi, który jest"
                    person = None  # "Na ręce Burmistrza X przekazana została grafika od Burmistrza Y": no subject
                rule = "role-copula"
                if org is None and any(lemma_set(t) & self.relatives for t in doc[clause[0]:i]):
                    org = self._antecedent(doc, mentions, clause[0], sent.start, ("organisation",)) or \
                        self._antecedent(doc, mentions, clause[0], sent.start)
                    rule = "role-relative"
            if person is None and (verb := next((k for at in (i, *(x[2] for x in shared if x[3] == i))
                                                 if (k := self._taking_office(doc, clause[0], at)) is not None),
                                                None)) is not None:
                # "pełnił funkcję prezesa X oraz przewodniczącego Y": the verb before the first of two offices
                # "W 2001 uzyskał mandat radnego…, w 2006 został wybrany na burmistrza X": a biography's
                # subject, not named again, takes the office; the nearest person before, of the verb's gender (a
                # verb in the present tells none: "sprawuje urząd burmistrza"); "X pełnił funkcję prezesa": the
                # clause's own
                person, rule = self._subject_before(doc, mentions, verb, past_genders(doc[verb]) or UD_GENDERS_ALL,
                                                    clause[0]), "role-of-subject"
                if person is not None and person.start < sent.start \
                        and any(lemma_set(t) & self.relatives and any("nom" in a.cases for a in analyses(t))
                                for t in doc[clause[0]:verb]):
                    person = None  # "kapitana X, który był kapelmistrzem": the relative's antecedent, in its sentence
                    # (but "Straż, której był naczelnikiem": the body's, held by the subject)
            if person is None and (named := self._elected_before(doc, mentions, sent, clause[0], i)) is not None:
                person, rule = named, "role-of-subject"  # "Adama Lisa wybrano na przewodniczącego X"
            if person is None:
                if org is not None and role.municipal and (org._.entity or "").startswith(("place:", "organisation:")) \
                        and not self.not_town(entities[org._.entity]):  # "prezydent Austrii": no town's office
                    unheld.setdefault(role.label, set()).add(org._.entity)  # "Pani Wójt Gminy X wzięła udział"
                i = end
                continue
            holders = [person, *self._coordinated(doc, mentions, person, sent.end)] if both and several else []
            if org is None and role.municipal and len(holders) == 2 \
                    and (towns := self._respective(doc, mentions, entities, 0, i, 2, units=True)):
                for holder, town in zip(holders, towns):  # "burmistrzowie obu miast: X i Y", the towns named before
                    found.append(Membership(holder._.entity, role, town._.entity, self.date_at(sent, dated),
                                            self.evidence(sent, i, holder.end, "role-context")))
                i = end
                continue
            side = sent.start
            if org is None and not role.municipal and person.start > i \
                    and (body := self._body_after_name(doc, mentions, entities, person.end, sent.end)) is not None:
                org = body  # "z Panią Dyrektor X z Przedszkola Y w Z": the body she comes from
            deputised = self._principal_office(doc, sent, mentions, found, i, role) if org is None else None
            if org is None and role.municipal and deputised is None:
                # "ze strony gości z X podpisali: …, a z naszej strony starosta Y": a side named anew ends the last one's
                side = max((k for k in range(sent.start, i) if "strona" in lemma_sets(doc)[k]), default=sent.start)
                side_named = self._on_behalf_before(doc, mentions, sent.start, i)
                org = self._town_after_name(doc, mentions, entities, person.end, sent.end)
                if org is not None:
                    rule = "role-from-town"  # "burmistrz X z Kutna i wójt Y z Łęczycy": each one's own town
                else:
                    org = (side_named if isinstance(side_named, Span) else None if side_named
                           else self._on_behalf_after(doc, mentions, person.end, sent.end)) \
                        or self._place_of_unit(doc, mentions, entities, side, i, self.unit_of_role.get(role.label)) \
                        or self._place_before(doc, mentions, entities, max(clause[0], side), i)
                    if org is not None:
                        rule = "role-context"
            if org is None and role.municipal and self._ours(doc, mentions, i, clause[0]):
                self._homeward(doc, sent, clause, mentions, person, role, i, end, several, homeward)  # "naszym starostą X"
                i = end
                continue
            if doc[i].morph.get("Number") == ["Plur"] and person is not None and person.start > i and person.end + 1 < sent.end and doc[person.end].text in DASHES \
                    and role_at(doc, person.end + 1) is not None:
                i = end  # "goście: wójtowie gmin, X – dyrektor muzeum": X's office is his own, the plural no one's
                continue
            org_key = org._.entity if org is not None else deputised or \
                self._role_context(doc, sent, person, role, mentions, found)
            if org_key:
                org_key = self._body_of_board(org_key, entities) or org_key  # "członkowie Zarządu Towarzystwa X": X's
            if org_key is None and (unnamed is not None or not role.municipal and role.label not in self.state_roles
                                    and self._unread_body(doc, mentions, end, sent.end)):
                i = end  # "dyrektor miejskiego gimnazjum X", "Dyrektor Okręgowej Dyrekcji X": of no body read
                continue
            own_side = side > sent.start and self._own_side(doc, side)  # "ze strony polskiej", "z naszej strony"
            side_told = side > sent.start and any(f.evidence.sentence_start == sent.start_char
                                                  and f.evidence.start > doc[side].idx for f in found)
            if org_key is None and (bare_unit or own_side and not side_told):
                self._homeward(doc, sent, clause, mentions, person, role, i, end, several, homeward)
                i = end  # the writer's own town (an office of that side named before this one is its principal:
                continue  # "stronę polską reprezentowali burmistrz X Y wraz z wiceburmistrzem Z")
            if org_key is None and side > sent.start and not side_told \
                    and self._antecedent(doc, mentions, side, sent.start, ("place",)):
                i = end  # "a ze strony gości starosta Y": a side whose unit the sentence does not name, not the place
                continue  # of the side named before it
            others = self._co_holders(doc, mentions, sent, person, i, rule, after_dash) if several else []
            if several and not others and rule == "role-apposition" and person.end <= i and self._plural_only(doc[i]):
                i = end  # "…, przewodniczący Rady X, radni, skarbnik Y": an office in the plural is not X's alone
                continue
            if org_key is None:  # "z merem X na czele": the text may say later whose mayor X is; else, for
                topic = None if role.municipal or role.label in self.state_roles \
                    or self._unnamed_body_after(doc, found_role[1], sent.end, role) else \
                    self._topic(doc, mentions, sent, i)  # an office of a body, the one the text is about
                topic = topic if topic is None or self.held_in(role.label, entities.get(topic._.entity)) else None
                holders = [person, *others]
                council = self._council_before(doc, mentions, entities, i) \
                    if role.label in self.council_offices else None
                for holder in holders:  # "wiceprezesami X i Y": each of them; "Radnymi zostali: X, Y, Z": members
                    (found if council else unresolved).append(  # of the council named last before them
                        Membership(holder._.entity, role, council or (topic._.entity if topic else ""),
                                   self._term_after(doc, holder, sent.end) or self.date_at(sent, dated),
                                   self.evidence(sent, min(i, holder.start), max(end, holder.end),
                                                 "role-council" if council else "role-context")))
                # "z prezesem Towarzystwa X i posłem Y": the first office, of its body, is Y's whatever the second's
                self._shared_offices(sent, shared, i, person, role, None, self.date_at(sent, dated),
                                     max(end, person.end), rule, found)
                i = end
                continue
            if rule == "role-from-town":  # "burmistrzowie X z Kutna oraz Y z Łęczycy": each of the others from a town
                for other in others:  # of their own; one named without it is not known to share the first one's
                    if (town := self._town_after_name(doc, mentions, entities, other.end, sent.end)) is not None:
                        found.append(Membership(other._.entity, role, town._.entity, self.date_at(sent, dated),
                                                self.evidence(sent, min(i, other.start), town.end, rule)))
                others = []
            if several and role.municipal and rule == "role-context" \
                    and (towns := self._respective(doc, mentions, entities, sent.start, i, 1 + len(others))):
                for holder, town in zip([person, *others], towns):  # "między gminami A i B … burmistrzowie X i Y"
                    found.append(Membership(holder._.entity, role, town._.entity, self.date_at(sent, dated),
                                            self.evidence(sent, min(town.start, holder.start), holder.end, "role-context")))
                i = end
                continue
            if org is None or org is the_city:
                rule = "role-context"
            if (paired := self._paired_office(doc, i, sent.start)) is not None and not several \
                    and person.start >= after and len(pair := self._coordinated(doc, mentions, person, sent.end)) == 1:
                first, first_start = paired  # "prezes i wiceprezes Towarzystwa X, A i B": A the first office's, B the
                # second's
                for holder, office, start in ((person, first, first_start), (pair[0], role, i)):
                    found.append(Membership(holder._.entity, office, org_key, self.date_at(sent, dated),
                                            self.evidence(sent, start, holder.end, rule)))
                i = end
                continue
            span_start = min(i, person.start)
            span_end = max(after, person.end)
            untimed = i > sent.start and lemma_set(doc[i - 1]) & self.untimed  # "późniejszy przewodniczący"
            found.append(Membership(person._.entity, role, org_key, None if untimed else
                                    self._term_after(doc, person, sent.end) or self.date_at(sent, dated),
                                    self.evidence(sent, span_start, span_end, rule)))
            self._shared_offices(sent, shared, i, person, role, org_key, None if untimed else self.date_at(sent, dated),
                                 span_end, rule, found)
            if several:
                for other in others:
                    evidence = self.evidence(sent, min(i, other.start), max(after, other.end), rule)
                    date = self._term_after(doc, other, sent.end) or self.date_at(sent, dated)
                    found.append(Membership(other._.entity, role, org_key, date, evidence))
                    if role.label in self.founder_roles and org_key.startswith("organisation:"):
                        relations.append(Relation(org_key, "founder", other._.entity, evidence))
            if role.label in self.founder_roles and org_key.startswith("organisation:"):
                relations.append(Relation(org_key, "founder", person._.entity,
                                              self.evidence(sent, span_start, span_end, "relation-founder")))
            i = end

    def _shared_offices(self, sent: Span, shared, i: int, person: Span, role: Role, org_key: str | None,
                        date: str | None, end: int, rule: str, found: list[Membership]) -> None:
        """The offices joined to the one at i ("Starosta X i Prezes Towarzystwa Y Jan Z"), each of its own body, held
        by the person the one at i names."""
        for first, first_org, first_start, _ in (x for x in shared if x[3] == i):
            if {first.label, role.label} <= self.town_heads and first_org != org_key:
                continue  # "Burmistrz X oraz Wójt Gminy Y Jan Z": two towns' heads are two persons, Z only Y's
            found.append(Membership(person._.entity, first, first_org, date,
                                    self.evidence(sent, first_start, end, rule)))

    def _holders_named_in_turn(self, doc: Doc, before: Span, sent: Span, mentions, entities,
                               found: list[Membership]) -> None:
        """ "22 radnych Rady Miejskiej X złożyło ślubowanie. Byli to: A, B, C.": the persons a sentence names in turn
        after "Byli to:" hold the office the sentence before named in the plural, of the council it named."""
        words = [t for t in sent if not t.is_space]
        if len(words) < 4 or words[0].lower_ not in self.naming_verbs or words[1].lower_ != "to" \
                or words[2].text != ":":
            return
        office = next((r[0] for t in before if (r := role_at(doc, t.i)) is not None
                       and r[0].label in self.council_offices and t.morph.get("Number") == ["Plur"]), None)
        council = next((m for m in self._sentence_mentions(mentions, before)
                        if m._.entity in entities and self.is_council(entities[m._.entity])), None)
        if office is None or council is None:
            return
        date = self.date_at(before, (before.start, before.end))
        for m in self._sentence_mentions(mentions, sent):
            if m._.entity.startswith("person:"):
                found.append(Membership(m._.entity, office, council._.entity, date,
                                        self.evidence(sent, m.start, m.end, "role-named-in-turn")))

    def _holder_of_office_before(self, doc: Doc, before: Span, sent: Span, mentions, found: list[Membership],
                                 unresolved: list[Membership], homeward: list[Membership]) -> None:
        """ "Wybrano zastępcę burmistrza. Został nim Jan X.": the person a sentence opening with "został nim" names
        holds the office the sentence before named last, of the body named right after that office; a town's office
        named alone is of the text's own town, another of the body the context gives."""
        words = [t for t in sent if not t.is_space]
        if len(words) < 3 or not lemma_set(words[0]) & HOLDER_VERBS or words[1].lower_ not in ANAPHORS_OF_OFFICE:
            return
        k = words[2].i
        while k < sent.end and self.honorific(doc[k]):
            k += 1
        person = self._mention_at(mentions, k, ("person",))
        office, j = None, before.start
        while j < before.end:  # the last office named, whole ("zastępcę burmistrza", not "burmistrza")
            office, j = ((j, named), named[1]) if (named := role_at(doc, j)) is not None else (office, j + 1)
        if person is None or person.start != k or office is None:
            return
        i, (role, end) = office
        body = next((m for at in (end, end - 1) if (m := mentions.get(at)) is not None  # "członka Komisji Rewizyjnej X"
                     and m._.entity.startswith(("organisation:", "place:")) and m.start > i), None)
        date = self.date_at(before, (before.start, before.end))
        membership = Membership(person._.entity, role, body._.entity if body is not None else "", date,
                                self.evidence(sent, person.start, person.end, "role-named-after"))
        (found if body is not None else homeward if role.municipal else unresolved).append(membership)

    def _office_lists(self, doc: Doc, mentions, entities, found: list[Membership],
                      unresolved: list[Membership]) -> None:
        """A heading of an office in the plural on a line of its own ("Burmistrzowie", "Proboszczowie"), then a
        line per holder opened by the term or the name ("1867–1871 Edward X", "ks. Jan Y (2001 – )"): each holds
        the office from the term's start; a town's office is of the town the lines just before name ("Burmistrzowie
        miasta X w okresie …"), a body's of the body the text is about. The list ends at a line with no holder."""
        dates = {d.start: d for d in doc.spans.get("dates", [])}
        headings = {h.start for h in doc.spans.get("headings", [])}
        sents = list(doc.sents)
        office, town, topic = None, None, None
        for n, sent in enumerate(sents):
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            if (role := self._heading_office(doc, sent, words, headings)
                    or self._list_intro_office(doc, words)) is not None:
                office = role
                lines = [s for s in sents[max(0, n - 6):n] if s.text.strip()][-3:]
                towns = [m for s in (sent, *reversed(lines)) for m in self._sentence_mentions(mentions, s)
                         if m._.entity in entities and (entities[m._.entity].kind == "place"
                                                        or entities[m._.entity].also_place)
                         and not self.not_town(entities[m._.entity])]
                headed = [m for m in towns if (r := role_at(doc, m.sent[0].i)) is not None and r[0] == office]
                town = (headed or towns or [None])[0]  # "Burmistrzowie miasta X w okresie …" over the list
                topic = next((m for m in self._sentence_mentions(mentions, sent)
                              if (m._.entity or "").startswith("organisation:")), None) \
                    or self._topic(doc, mentions, sent, sent.start) or most_named_body(doc, entities)
                continue  # "członkowie Rady Spółdzielni:": the body the heading names, else the text's
            if office is None:
                continue
            first = words[0].i
            while first < sent.end and (self.honorific(doc[first]) or doc[first].text in LINE_BULLETS
                                        or first == words[0].i and doc[first].text in DASHES):  # "• Jan X 1925–1935"
                first += 1
            holder = mentions.get(first) if first not in dates else next(
                (m for m in self._sentence_mentions(mentions, sent) if m._.entity.startswith("person:")), None)
            if holder is None or not holder._.entity.startswith("person:"):
                if words[-1].text == ":":
                    office = None  # "Zastępca skarbnika:": a heading of an office not in the scheme ends the list
                elif len(words) > 12 or any(self._verb(t) for t in words) and not any(k in dates for k in range(
                        sent.start, sent.end)):  # the list has ended; not at a short line of no holder: "(zm. ok.
                    office = None  # 1450 r.)", "X – lata 30–40 XV w." ("lata" is also a verb)
                continue
            term = next((dates[k]._.date for k in range(sent.start, sent.end) if k in dates), None) \
                or self._term_after(doc, holder, sent.end)  # "ks. X (1994 – 2001)": years in brackets
            if term is None and not (holder.end >= sent.end or doc[holder.end].text in DASHES
                                     or doc[holder.end].is_space or self._line_end(doc, holder.end, sent.end)):
                office = None  # a line of prose, not the list's: "Jan X był …"
                continue
            if any((r := role_at(doc, k)) is not None for k in range(holder.end, sent.end)):
                continue  # "X – starosta brański 1533–1539": the line names its own office
            unit = town if office.municipal else topic
            unit_key = (self._council_before(doc, mentions, entities, sent.start)
                        if office.label in self.council_offices else None) \
                or (unit._.entity if unit is not None else "")  # "Radni:": members of the council named last
            unit_key = self._body_of_board(unit_key, entities) or unit_key  # "Zarząd Towarzystwa: …": its body's
            evidence = self.evidence(sent, sent.start, sent.end, "role-office-list")
            (found if unit_key else unresolved).append(Membership(holder._.entity, office, unit_key, term, evidence))

    @staticmethod
    def _line_end(doc: Doc, k: int, end: int) -> bool:
        """Only a comma or a semicolon, then the line's end, from k on: "Anna X,\n" in a list of holders."""
        return all(doc[j].text in (",", ";") or doc[j].is_space for j in range(k, end)) and doc[end - 1].is_space

    @staticmethod
    def _heading_office(doc: Doc, sent: Span, words, headings: set[int]) -> Role | None:
        """The office in the plural a list's heading names: a line of that one word ("Burmistrzowie"), or a heading
        (a short line with no final punctuation) that opens with it or with a noun of a list before it ("Poczet
        starostów powiatu X", "Burmistrzowie miasta Y w latach 1919–1939")."""
        if len(words) == 1:
            role = role_at(doc, words[0].i)
            return role[0] if role is not None and role[1] == words[0].i + 1 \
                and words[0].morph.get("Number") == ["Plur"] else None
        if sent.start not in headings or len(words) > 10:
            return None
        for t in words[:2]:
            role = role_at(doc, t.i)
            if role is not None and t.morph.get("Number") == ["Plur"]:
                return role[0]
        return None

    def _list_intro_office(self, doc: Doc, words) -> Role | None:
        """The office in the plural a sentence ending in a colon introduces a list of holders with ("W kolejnych
        latach dyrektorami szkoły byli:", "Członkowie:"), told with no verb or a copula only: "udział wzięli
        burmistrzowie:" lists guests, not holders."""
        if len(words) < 2 or words[-1].text != ":" or len(words) > LIST_INTRO_WORDS:
            return None
        if any(self._verb(t) and not lemma_set(t) & self.copulas and role_at(doc, t.i) is None for t in words):
            return None
        if (alone := role_at(doc, words[0].i)) is not None and alone[1] == words[-1].i:
            return alone[0]  # "Skarbnik:", "Zastępca skarbnika:": a line of the office alone heads its holders
        plural = self._plural_office(doc, doc[words[0].i:words[-1].i])
        return plural[0] if plural is not None else None

    def _listed_bodies(self, doc: Doc, mentions, found: list[Membership]) -> None:
        """ "Dyrektorami szkół zostały następujące osoby:" / "1. Szkoła Podstawowa w X – Pani Anna Y." / "2. …": after
        a sentence naming an office in the plural, lines of a body, a dash and a person (two at least): each person
        holds that office of the body on the line."""
        for intro, lines in self._list_runs(doc, lambda sent: self._body_dash_holder(doc, mentions, sent)):
            if len(lines) < 2 or (plural := self._plural_office(doc, intro)) is None:
                continue
            for line, (body, holder) in lines:
                found.append(Membership(holder._.entity, plural[0], body._.entity,
                                        self.date_at(line, (line.start, line.end)),
                                        self.evidence(line, body.start, holder.end, "role-body-list")))

    @staticmethod
    def _list_runs(doc: Doc, read_line) -> Iterator[tuple[Span, list]]:
        """Each sentence with the run of lines right after it that `read_line` reads, as (line, what it read);
        empty lines and an item's number "1." the segmenter cut off its line are passed over."""
        intro, lines = None, []
        for sent in doc.sents:
            if all(t.like_num or t.is_punct or t.is_space for t in sent):
                continue
            if intro is not None and (read := read_line(sent)):
                lines.append((sent, read))
                continue
            if lines:
                yield intro, lines
            intro, lines = sent, []
        if lines:
            yield intro, lines

    @staticmethod
    def _plural_office(doc: Doc, sent: Span) -> tuple[Role, int] | None:
        """The first office a sentence names in the plural ("dyrektorami", "radnych"), and where it ends."""
        return next((r for t in sent if (r := role_at(doc, t.i)) is not None and r[1] <= sent.end
                     and t.morph.get("Number") == ["Plur"]), None)

    def _past_description(self, doc: Doc, mentions, k: int, end: int) -> int:
        """Past words that say who the holder or holders were: adjectives before the name ("był niewidomy pan X"), or
        a few words of no verb and no name up to the colon opening a list ("Założycielami klubu byli pracownicy
        kopalni: X, Y", "byli Koledzy: X")."""
        j = k
        while j < min(k + DESCRIPTION_WORDS, end) and doc[j].is_lower and j not in mentions \
                and any(a.pos == "adj" for a in analyses(doc[j])) and not self._verb(doc[j]):
            j += 1
        if j > k and j < end and (j in mentions or self.honorific(doc[j])):
            return j
        for j in range(k, min(k + DESCRIPTION_WORDS + 1, end)):
            if doc[j].text == ":":
                return j
            if not doc[j].is_alpha or j in mentions or self._verb(doc[j]):
                return k
        return k

    def _past_elected(self, doc: Doc, k: int, end: int) -> int:
        """Past the participle of an election or appointment after "został" ("wybrany", "powołana")."""
        return k + 1 if k < end and lemma_set(doc[k]) & self.election_verbs \
            and any(a.pos == "ppas" for a in analyses(doc[k])) else k

    def _holders_listed_under(self, doc: Doc, mentions, entities, found: list[Membership],
                              unresolved: list[Membership]) -> None:
        """ "przewodniczący Rady Nadzorczej Banku:" / "• Jan X" / "• Adam Y": the persons listed one a line
        under a line that ends in a colon after an office in the plural hold that office, of the body named after
        it ("wiceprezesi zarządu:": of the body the text is about); the list ends at a line that is not a name."""
        for intro, lines in self._list_runs(doc, lambda sent: self._listed_names(doc, mentions, sent)):
            listed = [(line, person) for line, persons in lines for person in persons]
            words = [t for t in intro if not t.is_space]
            if len(listed) < 2 or len(words) < 2 or words[-1].text != ":" \
                    or (plural := self._plural_office(doc, intro)) is None:
                continue
            office, end = plural
            named = mentions.get(end)
            body = None
            if named is not None and named.start == end and named._.entity.startswith("organisation:"):
                body = named  # "przewodniczący Rady Nadzorczej Banku:"
            elif end < intro.end and lemma_set(doc[end]) & self.board_nouns:
                body = most_named_body(doc, entities)  # "wiceprezesi zarządu:": the board of the text's body
            elif office.label in self.council_offices:  # "W sesji Rady Gminy X wzięło udział 15 radnych:"
                body = next((m for m in self._sentence_mentions(mentions, intro)
                             if m._.entity in entities and self.is_council(entities[m._.entity])), None)
            if body is None and not office.municipal:  # "W kolejnych latach dziekanami byli:": the text's faculty
                body = self._body_holding(doc, entities, office)
            for line, person in listed:
                seat = self._seat_after(doc, mentions, person, line.end)  # "br. X w Lipnie": where the office is
                unit = seat if seat is not None else body
                date = self.date_at(line, (line.start, line.end))
                for role in (office, *self._bracketed_offices(doc, person, line.end)):  # "X (wiceprzewodniczący)"
                    membership = Membership(person._.entity, role, unit._.entity if unit is not None else "", date,
                                            self.evidence(line, person.start, person.end, "role-listed-under"))
                    (found if unit is not None else unresolved).append(membership)

    def _listed_names(self, doc: Doc, mentions, sent: Span) -> list[Span]:
        """The persons a list line holds ("• Jan X,", "1. Jan X 2. Adam Y" run into one line) when it holds nothing
        else but bullets, numbers, honorifics and punctuation, and after a name its offices and years in brackets
        ("X (wiceprzewodniczący)", "Y (1923–1939)") or its seat ("br. Z w Lipnie")."""
        persons = [m for m in self._sentence_mentions(mentions, sent) if m._.entity.startswith("person:")]
        named = {i for m in persons for i in range(m.start, m.end)}
        for person in persons:
            if (seat := self._seat_after(doc, mentions, person, sent.end)) is not None:
                named.update(range(person.end, seat.end))
                if seat.end < sent.end and doc[seat.end].lower_ == "przy":  # "w X przy ul. Y 5": its address
                    named.update(range(seat.end, sent.end))
            elif (close := self._bracket_end(doc, person.end, sent.end)) is not None:
                named.update(range(person.end, close))
        rest = [t for t in sent if not (t.i in named or t.is_space or t.is_punct or t.like_num or t.text in ("•", "*")
                                        or self.honorific(t))]
        return persons if not rest else []

    def _seat_after(self, doc: Doc, mentions, person: Span, end: int) -> Span | None:
        """The place or body right after a listed name and "w" ("br. X w Lipnie", "Y we Wrocławiu")."""
        k = person.end
        seat = mentions.get(k + 1) if k + 1 < end and doc[k].lower_ in ("w", "we") else None
        return seat if seat is not None and seat.start == k + 1 and not seat._.entity.startswith("person:") else None

    def _bracket_end(self, doc: Doc, k: int, end: int) -> int | None:
        """Past the brackets right after a listed name when they hold only offices, years and the words of a term
        ("(wiceprzewodniczący)", "(burmistrz, 1843–1847)", "(od 1996 r.)"), else None."""
        if k >= end or doc[k].text != "(":
            return None
        j = k + 1
        while j < end and doc[j].text != ")":
            role = role_at(doc, j)
            if role is not None and role[1] > j:
                j = role[1]
            elif doc[j].is_punct or doc[j].like_num or doc[j].lower_ in self.term_words_in_brackets:
                j += 1
            else:
                return None
        return j + 1 if j < end else None

    def _bracketed_offices(self, doc: Doc, person: Span, end: int) -> list[Role]:
        """The offices named in the brackets after a listed name: "Jan X (przewodniczący)"."""
        close = self._bracket_end(doc, person.end, end)
        offices, j = [], person.end + 1
        while close is not None and j < close - 1:
            role = role_at(doc, j)
            if role is not None and role[1] > j:
                offices.append(role[0])
                j = role[1]
            else:
                j += 1
        return offices

    def _body_holding(self, doc: Doc, entities, office: Role) -> Span | None:
        """The first mention of the body the text names most among those the office is held in: whose faculty's
        deans a list names. None for an office of no known heads (a member, a secretary: of any body)."""
        heads = self.office_body_heads.get(office.label, frozenset())
        counts = Counter(s._.entity for s in doc.ents if s._.entity and s._.entity.startswith("organisation:")
                         and (e := entities.get(s._.entity)) is not None and not e.also_place and e.head in heads)
        if not counts:
            return None
        top = counts.most_common(1)[0][0]
        return next(s for s in doc.ents if s._.entity == top)

    def _body_dash_holder(self, doc: Doc, mentions, sent: Span) -> tuple[Span, Span] | None:
        """The body opening a list line ("3. Dekanat X – ks. Jan Y (Z)") and the person after its dash."""
        words = [t for t in sent if not t.is_space]
        k = 0
        while k < len(words) and (words[k].like_num or words[k].text in (".", ")", "•", "*") or words[k].text in DASHES
                                  and k == 0):
            k += 1
        body = mentions.get(words[k].i) if k < len(words) else None
        if body is None or body.start != words[k].i or not body._.entity.startswith("organisation:"):
            return None
        end = body.end
        if end + 1 < sent.end and doc[end].lower_ in self.locative and (seat := mentions.get(end + 1)) is not None \
                and seat.start == end + 1:
            end = seat.end  # "Szkoła Podstawowa w X – …": the body's seat
        if end >= sent.end or doc[end].text not in DASHES:
            return None
        first = end + 1
        while first < sent.end and (self.honorific(doc[first]) or doc[first].text == "."):
            first += 1
        holder = mentions.get(first)
        return (body, holder) if holder is not None and holder.start == first \
            and holder._.entity.startswith("person:") else None

    def _town_before_name(self, doc: Doc, mentions, entities, k: int, end: int) -> Span | None:
        """The town after "z" right after a municipal office and before its holder's name: "radny z X Jan Y"."""
        if k + 2 >= end or doc[k].lower_ not in ("z", "ze"):
            return None
        town = self._mention_at(mentions, k + 1, ("place",))
        return town if town is not None and town.start == k + 1 and not self.not_town(entities[town._.entity]) \
            and self._mention_at(mentions, town.end, ("person",)) is not None else None

    @staticmethod
    def _term_after(doc: Doc, holder: Span, end: int) -> str | None:
        """The year a holder's term starts, in brackets right after the name: "X (1923-39)", "Y (od 1996)", or as
        a range of years in a list: "X 2005-2010 r., Y …", or ending a line: "Franz X 1943 – 1945"."""
        k = holder.end
        if holder.start < doc[end - 1].sent.start:
            return None  # named in a sentence before: "X (1843–1920) – lekarz. … był naczelnikiem Straży"
        years = date_starts(doc).get(k)
        if years is not None and years.end <= end and len(years) >= 3 and years[1].text in DASHES:
            return years._.date  # a range of years: from its first
        if k + 2 < end and YEAR.match(doc[k].text) and doc[k + 1].text in DASHES and YEAR.match(doc[k + 2].text) \
                and all(t.is_space for t in doc[k + 3:end]):
            return doc[k].text  # a list line ending in its bare years: "Franz X 1943 – 1945"
        if k + 2 >= end or doc[k].text != "(":
            return None
        k += 1 + (doc[k + 1].lower_ == "od")
        return doc[k].text if k + 1 < end and YEAR.match(doc[k].text) and doc[k + 1].text in (")", "-", "–", "—") \
            else None

    @staticmethod
    def _past_joined_office(doc: Doc, k: int, end: int) -> int:
        """Past a second office the holder also held, joined to the first ("Jego założycielem i pierwszym
        przewodniczącym był X": the second office is read in its turn)."""
        if k + 1 >= end or doc[k].lower_ not in ("i", "oraz"):
            return k
        j = k + 1 + (doc[k + 1].is_lower and role_at(doc, k + 1) is None and k + 2 < end)  # "pierwszym"
        found = role_at(doc, j)
        return found[1] if found is not None and found[1] <= end else k

    def _joined_office_town(self, doc: Doc, mentions, first: Role, k: int) -> Span | None:
        """The town after a second municipal office joined to the one ending at k ("radny i burmistrz X"), else None."""
        if k + 1 >= len(doc) or doc[k].lower_ not in ("i", "oraz") or (second := role_at(doc, k + 1)) is None \
                or not second[0].municipal or first.label not in self.council_offices \
                and self.unit_of_role.get(first.label, "gmina") != self.unit_of_role.get(second[0].label, "gmina"):
            return None  # "starosta i burmistrz X": a county's office and a town's
        town = self._mention_at(mentions, second[1], ("place",))
        return town if town is not None and town.start == second[1] else None

    @staticmethod
    def _paired_office(doc: Doc, i: int, start: int) -> tuple[Role, int] | None:
        """The office in the singular joined by "i" or "oraz" to the one at i ("prezes i wiceprezes Towarzystwa"),
        and where it starts, else None."""
        if i - 2 < start or doc[i - 1].lower_ not in ("i", "oraz"):
            return None
        for k in range(max(start, i - 4), i - 1):
            if (found := role_at(doc, k)) is not None and found[1] == i - 1 and doc[k].morph.get("Number") != ["Plur"]:
                return found[0], k
        return None

    def _career_continued(self, doc: Doc, mentions, sent: Span, i: int, found: list[Membership]) -> Span | None:
        """The holder of the office the sentence named last, where this one continues the career (", a następnie
        rektora uczelni"), else None."""
        k = i - 1
        if not (k > sent.start and doc[k].lower_ in self.career_continuers):
            return None
        k -= 1 + (doc[k - 1].lower_ in ("a", "i", "zaś"))
        if k < sent.start or doc[k].text != ",":
            return None
        prior = next((m for m in reversed(found) if m.evidence.sentence_start == sent.start_char
                      and m.evidence.end <= doc[k].idx), None)
        if prior is None:
            return None
        return next((m for j in range(k - 1, sent.start - 1, -1) if (m := mentions.get(j)) is not None
                     and m._.entity == prior.person), None)

    def _deputies(self, doc: Doc, sent: Span, mentions, found: list[Membership], unresolved: list[Membership]) -> None:
        """ "burmistrz X Y i jego zastępca Z": Z holds the deputy's office of the office named before ("wice" and
        its label, where the role scheme has one), of the same town or body; where the principal's is known only
        from the context ("Burmistrz Y i jego Zastępca Z"), the deputy's is found with it."""
        for t in sent:
            if not (lemma_set(t) & self.deputy_nouns and t.i > sent.start):
                continue
            person = self._person_after(doc, mentions, t.i + 1, sent.end)
            possessive = doc[t.i - 1].lower_ in self.possessives
            if person is None or not possessive and (role_at(doc, t.i) is not None or t.i in mentions or person.start
                                                     != self._before_honorifics(doc, person.start - 1, t.i) + 1):
                continue  # "mer X Y, któremu towarzyszył zastępca Z": a deputy named right before the name is the
                # office's named before; not "zastępca burmistrza Z", an office of its own
            several = doc[t.i].morph.get("Number") == ["Plur"] or self._nominative_plural(doc, t.i, person)
            holders = [person, *(self._coordinated(doc, mentions, person, sent.end) if several else [])]
            principal = next((m for m in reversed(found) if m.evidence.sentence_start == sent.start_char
                              and m.evidence.end <= doc[t.i].idx and deputy_of(m.role)), None)
            if principal is not None and any(role_at(doc, k) is not None for k in range(sent.start, t.i - 1)
                                             if doc[k].idx >= principal.evidence.end):
                continue  # "burmistrza X, dyrektorkę szkoły Y oraz jej zastępczynię Z": the office named last is Y's
            pending = None if principal is not None else next(
                (m for m in reversed(unresolved) if m.evidence.sentence_start == sent.start_char
                 and m.evidence.end <= doc[t.i].idx and deputy_of(m.role)), None)
            for holder in holders:  # "jego zastępcami X i Y": each of them
                evidence = self.evidence(sent, t.i - int(possessive), holder.end, "role-deputy")
                if principal is not None and holder._.entity != principal.person:
                    found.append(Membership(holder._.entity, deputy_of(principal.role), principal.organisation,
                                            principal.date, evidence))
                elif pending is not None and holder._.entity != pending.person:
                    unresolved.append(Membership(holder._.entity, deputy_of(pending.role), "", pending.date, evidence))

    def _homeward(self, doc: Doc, sent: Span, clause, mentions, person: Span, role: Role, i: int, end: int,
                  several: bool, homeward: list[Membership]) -> None:
        """An office of the writer's own town or unit for the person at it, and, named in the plural, for each person
        coordinated with that one ("honorowymi obywatelami naszego miasta: X i Y")."""
        for holder in [person, *(self._coordinated(doc, mentions, person, sent.end) if several else [])]:
            homeward.append(Membership(holder._.entity, role, "", self.date_at(sent, clause),
                                       self.evidence(sent, min(i, holder.start), max(end, holder.end), "role-context")))

    @staticmethod
    def _apposed_to_unplaced(doc: Doc, mentions, sent: Span, i: int, found: list[Membership]) -> bool:
        """ "Pani X, Wiceburmistrz Y oraz Burmistrza Z Jana W": an office right after a name and a comma is that
        person's, unless the person had an office of their own before the name ("Starosta X Jan Y, Wójt Z i Prezes W
        Adam V": a list of officers, each office before its holder)."""
        direct = mentions.get(i - 1) if i > sent.start else None
        if direct is not None and (direct._.entity or "").startswith("person:"):
            return True  # "Radny Jan X Wiceprzewodniczący Komisji Y oraz …": the office right after a name is X's
        if not (i - 1 > sent.start and doc[i - 1].text == ","):
            return False
        before = mentions.get(i - 2)
        if before is None or not (before._.entity or "").startswith("person:"):
            return False
        return not any(m.person == before._.entity and m.evidence.sentence_start == sent.start_char
                       and m.evidence.end == before.end_char for m in found)

    def _calling_after(self, doc: Doc, i: int, after: int, end: int) -> bool:
        """ "radna i koronczarka X": a common noun of no office joined to the office at i, in its case, a name after
        it (not "dyrektor szkoły oraz pani X": a title before the next person)."""
        if after + 2 >= end or doc[after].lower_ not in ("i", "oraz") or not doc[after + 1].is_lower \
                or role_at(doc, after + 1) is not None or self.honorific(doc[after + 1]):
            return False
        cases = {c for a in analyses(doc[i]) for c in a.cases}
        return any(a.pos == "subst" and a.cases & cases and not a.proper for a in analyses(doc[after + 1]))

    @staticmethod
    def _principal_office(doc: Doc, sent: Span, mentions, found: list[Membership], i: int, role: Role) -> str | None:
        """ "starostą X-skim A, wicestarostami B i C": a deputy's office named right after its principal's, with only
        persons between, is of the principal's unit."""
        principal = next((m for m in reversed(found) if m.evidence.sentence_start == sent.start_char
                          and m.evidence.end <= doc[i].idx), None)
        if principal is None or deputy_of(principal.role) != role:
            return None
        between = [m for m in mentions.values() if principal.evidence.end <= m.start_char and m.end <= i]
        return principal.organisation if all(m._.entity.startswith("person:") for m in between) else None

    def _on_behalf_before(self, doc: Doc, mentions, start: int, i: int) -> Span | bool:
        """ "W imieniu Gminy X dokumenty podpisał starosta Y": the side named nearest before the office at i (its
        mention, or True where the words after "w imieniu" are no mention); False where none is named, or only in
        "Z w imieniu X, Y", where the side is Z's."""
        for k in range(i - 1, start, -1):
            if doc[k].lower_ == "imieniu" and doc[k - 1].lower_ == "w":
                before = mentions.get(k - 2)
                if before is None or not before._.entity.startswith("person:"):
                    n = k + 1 + (k + 1 < i and k + 1 not in mentions and bool(lemma_set(doc[k + 1]) & self.city_nouns))
                    return (n < i and self._mention_at(mentions, n, ("place", "organisation"))) or True
        return False

    def _on_behalf_after(self, doc: Doc, mentions, k: int, end: int) -> Span | None:
        """ "podpisy złożyli: burmistrz X i przewodnicząca rady Y w imieniu Miasta A, burmistrz Z w imieniu Gminy B":
        the first town or unit a signatory acts for after his name, in the few words after it."""
        for j in range(k, min(end - 2, k + 15)):
            if doc[j].text in ";:":
                return None
            if doc[j].lower_ == "w" and doc[j + 1].lower_ == "imieniu":
                n = j + 2 + (j + 2 not in mentions and bool(lemma_set(doc[j + 2]) & self.city_nouns))  # "miasta X"
                return self._mention_at(mentions, n, ("place", "organisation"))
        return None

    def _place_before(self, doc: Doc, mentions, entities, start: int, i: int) -> Span | None:
        """ "w imieniu Bremy burmistrz X", "Rejon Y reprezentował mer X": the place named in the clause before a
        municipal role, or the territorial unit that opens the clause or follows "w imieniu", "ze strony" (not "w
        siedzibie Powiatu Y": where the office holder was)."""
        for j in range(i - 1, max(start, i - 6) - 1, -1):
            m = mentions.get(j)
            if m is not None and m._.entity and (m._.entity.startswith("place:") or m._.entity in entities and (
                    entities[m._.entity].head in self.territorial) and (
                    m.start == start or doc[m.start - 1].lower_ in ("imieniu", "strony"))) and not (
                    m.start > 0 and doc[m.start - 1].lower_ in self.locative | self.destination) \
                    and not self._role_complement(doc, m) and not self.agreement_side(doc, m.start, m.sent.start) \
                    and not (m._.entity in entities and self.not_town(entities[m._.entity])):
                return m  # "w Opolu", "do Opola" is where, not whose; "prezydent Krakowa X i nadburmistrz Y": Kraków is
        return None  # X's; "Delegacja z Francji spotkała się z burmistrzem X": a country has no mayor; "Umowę z X
        # podpisał prezydent Y": the other side's

    @staticmethod
    def _subject_before(doc: Doc, mentions, start: int, genders: frozenset[str], clause: int = 0) -> Span | None:
        """The nearest person named before `start` whose name can be of one of `genders` (by any of its
        words' readings: the chosen reading of a given name is not reliable, "Jan" read as a feminine noun);
        from `clause` on, only one whose name can be in the nominative ("na wniosek Jana X został wybrany": no
        subject); not one named in brackets, an aside ("(jednym z uczestników był X)"), nor a patron ("batalion
        imienia X"); one whose name can be in the nominative, the subject of a sentence, before a nearer one that
        cannot ("… Medalem ks. Jerzego X. Został radnym": not X's)."""
        fallback = None
        for j in range(start - 1, -1, -1):
            if fallback is not None and fallback.start - j > SUBJECT_REACH:
                break
            m = mentions.get(j)
            if m is None or m.start != j or not (m._.entity or "").startswith("person:") or in_brackets(doc, m) \
                    or j > 0 and doc[j - 1].lower_ in PATRON_MARKERS or not any(
                    UD_GENDERS.get(g) in genders for t in m for a in analyses(t) if a.pos == "subst" for g in a.genders):
                continue
            if all(any("nom" in a.cases for a in analyses(t)) for t in m):
                return m
            if j < clause and fallback is None:
                fallback = m
        return fallback

    def _taking_office(self, doc: Doc, start: int, i: int) -> int | None:
        """The past verb of taking or holding an office before the role at i, with no subject of its own in
        between ("objął obowiązki starosty", "uzyskał mandat radnego", "został wybrany na burmistrza", "był
        prezesem")."""
        if all(set(a.cases) <= {"nom", "voc"} for a in analyses(doc[i]) if a.pos in ("subst", "adj")):
            return None  # "którą zajmą się radni": an office in the nominative is the verb's own subject
        for k in range(i - 1, max(start, i - 5) - 1, -1):
            if doc[k].ent_type_ or doc[k].text in ",;":
                return None
            if doc[k + 1].lower_ == "się":
                continue  # "zająć się": to deal with, no office taken
            verbs = lemma_set(doc[k]) & (self.office_verbs | self.election_verbs | HOLDER_VERBS)
            if verbs and verbs <= HOLDER_VERBS and not any("inst" in a.cases for a in analyses(doc[i])
                                                           if a.pos in ("subst", "adj") and not a.proper):
                continue  # "została wójtem", "był prezesem", but not "podyktowana została spotkaniami wójtów"
            if verbs and not verbs & (self.office_verbs | HOLDER_VERBS) \
                    and not any(a.pos == "ppas" for a in analyses(doc[k])):
                return None  # "rada wybrała sekretarza": who elects holds nothing; "wybrany na sekretarza" does
            if verbs and verbs <= self.office_verbs and all(a.pos == "ppas" for a in analyses(doc[k]) if a.lemma in verbs):
                return None  # "został objęty patronatem Prezydenta": what is taken on, not who takes it
            if k == i - 1 and k > start and verbs & self.office_verbs and self._fronted_object(doc[k - 1], doc[i]):
                return None  # "Patronat objął Starosta X": the office after the verb is its subject
            if verbs and past_genders(doc[k]) \
                    or lemma_set(doc[k]) & self.office_verbs and any(a.pos == "fin" for a in analyses(doc[k])):
                return k  # "pełnił funkcję", "sprawuje urząd"
        return None

    @staticmethod
    def _fronted_object(before, office) -> bool:
        """A common noun that may be an accusative right before the verb (its object, put first), and an office
        after it that may be a nominative."""
        return any(a.pos == "subst" and "acc" in a.cases and not a.proper for a in analyses(before)) \
            and any("nom" in a.cases for a in analyses(office))

    def _elected_before(self, doc: Doc, mentions, sent: Span, start: int, i: int) -> Span | None:
        """The one person a clause names before an impersonal verb of election and the office after it ("Adama Lisa
        wybrano na przewodniczącego", "wybrano Adama Lisa na prezesa", "Jana Nowaka powołano na stanowisko
        dyrektora")."""
        verb = next((k for k in range(i - 1, max(start, i - 8) - 1, -1) if lemma_set(doc[k]) & self.election_verbs
                     and any(a.tag.startswith("imps") for a in analyses(doc[k]))), None)
        if verb is None or any(doc[k].text in ",;" for k in range(verb, i)):
            return None
        named = [m for m in self._sentence_mentions(mentions, sent) if start <= m.start and m.end <= i
                 and (m._.entity or "").startswith("person:")]
        if not named and (pronoun := next((t for t in doc[max(start, verb - 1):i]
                                           if t.lower_ in PERSONAL_PRONOUNS), None)) is not None:
            subject = self._subject_before(doc, mentions, start, PERSONAL_PRONOUNS[pronoun.lower_])
            return subject  # "W latach 1930–1938 wybierano go na wójta gminy X": the biography's subject
        return named[0] if len(named) == 1 else None

    def _place_of_unit(self, doc: Doc, mentions, entities, start: int, i: int, unit: str | None) -> Span | None:
        """ "umowę między gminą X a miastem Y podpisali wójt A i burmistrz B": of two places named before an
        office, its own unit's ("wójt" is of a gmina) is the one the office is of; not one whose seat is only
        where it happened ("w siedzibie Powiatu X starosta Y")."""
        if unit is None:
            return None
        for j in range(i - 1, start, -1):
            m = mentions.get(j)
            if m is not None and m.start == j and m._.entity and not self._where(doc, m) and (
                    (m._.entity.startswith("place:") or entities[m._.entity].head == unit)
                    and unit in lemma_set(doc[j - 1])
                    or m._.entity.startswith("organisation:") and len(m) > 1 and unit in lemma_set(doc[j])):
                return m  # "gminą X" (a place, or the town as its unit "Gmina X"), or the body named by its unit:
                # "delegacja Gminy X na czele z wójtem Y"
        return None

    def _coordinated(self, doc: Doc, mentions, person: Span, end: int, titled: bool = False) -> list[Span]:
        """Persons joined to this one by "i", "oraz" or commas; `titled`, also those named after an office of their
        own ("X i była prezydent Y Anna Z zostali honorowymi obywatelami": the subjects of the verb after them)."""
        out, k = [], person.end
        while True:
            if k < end and doc[k].text == "(":  # "X (dyrektor banku), Y": past what the brackets say of X
                k = next((j + 1 for j in range(k + 1, min(end, k + 15)) if doc[j].text == ")"), end)
            if k + 1 < end and doc[k].lower_ in self.source and (where := mentions.get(k + 1)) is not None \
                    and where.start == k + 1 and where._.base_form in lexicon().country_names:
                k = where.end  # "X i Y z Niemiec oraz Z": past the country X and Y come from (a town may be theirs)
            elif (town := self._town_after_name(doc, mentions, doc._.entities or {}, k, end)) is not None:
                k = town.end  # "X z Kutna oraz Y z Łęczycy": past the town X comes from
            elif (years := date_starts(doc).get(k)) is not None and years.end < end and doc[years.end].text == ",":
                k = years.end  # "prezesi: X 2010-2016 r., Y 2005-2010 r.": past the years X held it
            numbered = list_number(doc, k, end)  # "1. X 2. Y 3. Z"
            if not (k < end and doc[k].lower_ in (",", "i", "oraz", "a") or numbered):
                break
            nxt = self._person_after(doc, mentions, k if numbered else k + 1, end)
            if nxt is None and doc[k].text == "," and (skip := self._unread_name(doc, k + 1, end)) is not None:
                nxt = self._person_after(doc, mentions, skip + 1, end)  # "X, B(olesław) Y, Z": past a name not read
            if nxt is None and titled:
                nxt = self._person_after(doc, mentions, self._past_title(doc, mentions, k + 1, end), end)
            if nxt is None or nxt.end + 1 < end and doc[nxt.end].text in ("(", "–", "—", "-") \
                    and role_at(doc, nxt.end + 1) is not None:
                break  # "wikariusze – X, Y i Z (proboszcz)", "radni: X, Y, Z – dyrektor GOK": Z has an office of
                # his own
            out.append(nxt)
            k = nxt.end
        return out

    def _abbreviated_town_noun(self, doc: Doc, k: int, end: int) -> int:
        """The tokens of a town's noun abbreviated at k ("gm.", and "g." split as "g" "."), or 0."""
        if k < end and doc[k].lower_ in self.town_noun_abbreviations:
            return 1
        glued = k + 1 < end and not doc[k].whitespace_ and doc[k + 1].text == "."
        return 2 if glued and doc[k].lower_ + "." in self.town_noun_abbreviations else 0

    def _past_title(self, doc: Doc, mentions, k: int, end: int) -> int:
        """Past an office and the town or body it is of, told before a name ("była prezydent Warszawy", "wójt
        gminy"), from k; k where no office is."""
        j = k
        while j < min(end, k + 2) and doc[j].is_lower and doc[j].pos_ == "ADJ" and role_at(doc, j) is None:
            j += 1  # "była", "ówczesny"
        if j >= end or (office := role_at(doc, j)) is None:
            return k
        j = office[1]
        if (of := mentions.get(j)) is not None and of.start == j and not (of._.entity or "").startswith("person:"):
            j = of.end
        elif j < end and doc[j].is_lower and lemma_set(doc[j]) & self.city_nouns:
            j += 1
        return j

    def _body_after_subject(self, doc: Doc, mentions, k: int, end: int) -> Span | None:
        """A body named after "w" past the lower-case words in the genitive that tell an office's subject
        ("nauczyciel historii w Gimnazjum X", "kierownik działu zbiorów w Muzeum Y"), else None."""
        j = k
        while j < min(end, k + 3) and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ not in self.locative \
                and any("gen" in a.cases for a in analyses(doc[j]) if a.pos in ("subst", "adj")):
            j += 1
        if j == k or j + 1 >= end or doc[j].lower_ not in self.locative:
            return None
        body = self._mention_at(mentions, j + 1, ("organisation",))
        return body if body is not None and body.start == j + 1 else None

    def _body_after_name(self, doc: Doc, mentions, entities, k: int, end: int) -> Span | None:
        """A body (no town nor unit) named right after "z" after a person named before k ("dyrektor X z Muzeum Y")."""
        if not (k + 1 < end and doc[k].lower_ in self.source):
            return None
        body = mentions.get(k + 1)
        entity = entities.get(body._.entity) if body is not None and body.start == k + 1 and body._.entity else None
        return body if entity is not None and entity.kind == "organisation" and not entity.also_place else None

    def _town_after_name(self, doc: Doc, mentions, entities, k: int, end: int) -> Span | None:
        """The town a person named just before k comes from: "z Kutna", "ze Złocieńca", "z gminy X" (a place, or a
        town or gmina acting as a body), not a country ("z Niemiec") nor a river."""
        if not (k + 1 < end and doc[k].lower_ in self.source):
            return None
        n = k + 1 + (k + 2 < end and k + 1 not in mentions and bool(lemma_set(doc[k + 1]) & self.city_nouns))
        town = mentions.get(n)
        entity = entities.get(town._.entity) if town is not None and town.start == n and town._.entity else None
        if entity is None or self.not_town(entity) or town._.base_form in lexicon().country_names:
            return None
        return town if entity.kind == "place" or entity.also_place and entity.head in self.city_nouns else None

    @staticmethod
    def _unread_name(doc: Doc, k: int, end: int) -> int | None:
        """The comma ending a list item from k of at most six tokens, capitalised and with no verb: a name the rules
        did not read, in a list of names."""
        for j in range(k, min(end, k + 7)):
            if doc[j].text == ",":
                return j if j > k and doc[k].text[:1].isupper() else None
            if finite_verb(doc[j]) or doc[j].lower_ in ("i", "oraz"):
                return None
        return None

    def _towns_and_holders(self, doc: Doc, mentions, entities, k: int, end: int) -> list[tuple[Span, Span]]:
        """(town, person) for each item of a list from k that names a town and then its officer ("X-a Jana Y, Z-a
        Adama W oraz V-a Piotra U"); none unless every item does."""
        pairs = []
        while k < end:
            town = mentions.get(k)
            if town is None or town.start != k or (e := entities.get(town._.entity)) is None or e.kind != "place" \
                    or self.not_town(e):
                return []
            holder = self._mention_at(mentions, town.end, ("person",))
            if holder is None:
                return []
            pairs.append((town, holder))
            k = holder.end
            if k < end and doc[k].lower_ in (",", "i", "oraz"):
                k += 1
            elif k < end and doc[k].text not in (".", ";"):
                return []
            else:
                break
        return pairs

    @staticmethod
    def _case_clash(office: Span, name) -> bool:
        """The office's words stand in the locative or dative only and the given name after it in the nominative
        only (an office in the instrumental or genitive may still be the nominative's: "a sekretarzem Anna X"); or
        the office is a noun and its complement ("zastępcą burmistrza") and the name stands in the complement's case
        only, not the noun's: the complement's holder."""
        office_cases = {c for t in office for a in analyses(t) if a.pos in ("subst", "adj") for c in a.cases} - {"voc"}
        name_cases = {c for a in analyses(name) if "imię" in a.classes for c in a.cases} - {"voc"}
        if len(office) >= 2 and name_cases:  # "zastępcą burmistrza Tadeusza X": X is the mayor, in the complement's
            head = {c for a in analyses(office[0]) if a.pos == "subst" for c in a.cases} - {"voc"}  # genitive
            last = {c for a in analyses(office[-1]) if a.pos == "subst" for c in a.cases} - {"voc"}
            if head and "gen" not in head and not head & name_cases and "gen" in name_cases \
                    and name_cases <= last & {"gen", "acc"}:
                return True
        return bool(office_cases) and office_cases <= {"loc", "dat"} and name_cases == {"nom"}

    def _respective_holders(self, doc: Doc, mentions, k: int, end: int) -> list[tuple[Span, Span]]:
        """(body, person) for two bodies or towns joined by "i" or "oraz" from k and the two persons joined after
        them, each the holder of the office in the plural before them, in turn; none otherwise."""
        first = self._mention_at(mentions, k, ("organisation", "place"))
        if first is None or first.start != k or first.end + 1 >= end or doc[first.end].lower_ not in ("i", "oraz"):
            return []
        second = self._mention_at(mentions, first.end + 1, ("organisation", "place"))
        if second is None or second.start != first.end + 1 or second._.entity == first._.entity:
            return []
        holder = self._person_after(doc, mentions, second.end + (second.end < end and doc[second.end].text == ":"), end)
        others = self._coordinated(doc, mentions, holder, end) if holder is not None else []
        return list(zip((first, second), (holder, others[0]))) if len(others) == 1 else []

    def _council_before(self, doc: Doc, mentions, entities, i: int) -> str | None:
        """The town's, gmina's or county's council named last before i."""
        for k in range(i - 1, -1, -1):
            m = mentions.get(k)
            if m is not None and m.start == k and (e := entities.get(m._.entity)) is not None and self.is_council(e):
                return m._.entity
        return None

    def _unit_named_before(self, doc: Doc, mentions, entities, i: int) -> Span | None:
        """ "Burmistrza tej Gminy", "burmistrz tego miasta": the last town or unit the text named before i."""
        for k in range(i - 1, -1, -1):
            m = mentions.get(k)
            if m is not None and m.start == k and (entity := entities.get(m._.entity)) is not None \
                    and (entity.kind == "place" and not self.not_town(entity) or entity.also_place):
                return m
        return None

    def _unit_or_office(self, entity) -> bool:
        """A territorial unit or a body of one ("Gmina X", "Urząd Miasta", "Rada Gminy"): where a town's office is."""
        return entity is None or entity.also_place or entity.head in self.territorial \
            or generic_organisation(entity.name)

    def _town_headed(self, doc: Doc, mentions, entities, i: int, start: int) -> Span | None:
        """The town named right before "na czele z" and the office at i ("delegacja X na czele z burmistrzem Y")."""
        k = i - 4
        if k < start or doc[i - 1].lower_ not in ("z", "ze") or doc[i - 2].lower_ != "czele" or doc[i - 3].lower_ != "na":
            return None
        town = mentions.get(k)
        entity = entities.get(town._.entity) if town is not None and town.end == k + 1 else None
        return town if entity is not None and entity.kind == "place" and not self.not_town(entity) else None

    def _represented_before(self, doc: Doc, start: int, j: int) -> bool:
        """A verb of representing before j in the sentence: the clause after j leaves it out."""
        return any(lemma_set(doc[k]) & self.representing_verbs for k in range(start, j))

    def _body_with(self, doc: Doc, mentions, i: int, start: int) -> Span | None:
        """The organisation named right before "z" and the office at i ("Związek X w Y z prezesem Z"): the body
        the officer heads."""
        k = i - 1
        if k - 1 < start or doc[k].lower_ not in ("z", "ze") or (m := mentions.get(k - 1)) is None:
            return None
        if m.start - 2 >= start and doc[m.start - 1].lower_ in self.locative and (body := mentions.get(m.start - 2)) \
                is not None and body._.entity.startswith("organisation:"):
            m = body  # the body's seat after it ("Szkoły Podstawowej w X z wicedyrektorem Y")
        return m if m._.entity.startswith("organisation:") else None

    def _both_towns(self, doc: Doc, k: int, end: int) -> bool:
        """ "burmistrzowie obu miast": an office of the two towns the text has last named together."""
        return k + 1 < end and doc[k].lower_ in self.dual_words and bool(lemma_set(doc[k + 1]) & self.town_nouns)

    def _respective(self, doc: Doc, mentions, entities, start: int, i: int, n: int, units: bool = False) -> list[Span]:
        """The towns of the last coordinated list of towns before i ("gminami A i B", "miast A, B oraz C"), in order,
        whose offices n coordinated persons hold respectively; none when that list names another number. With
        `units`, towns named as bodies count too ("między Gminą A a Gminą B … burmistrzowie obu miast")."""
        runs: list[list[Span]] = [[]]
        k = i - 1
        while k >= start:
            m = mentions.get(k)
            if m is not None and m._.entity in entities and (entities[m._.entity].kind == "place" or units and entities[
                    m._.entity].also_place) and not self.not_town(entities[m._.entity]):  # "Gminą X": the town
                run = runs[-1]
                if run and not all(doc[j].lower_ in (",", "i", "oraz", "a") for j in range(m.end, run[0].start)):
                    runs.append(run := [])  # something else between two towns: another list
                run.insert(0, m)
                k = m.start - 1
            else:
                k -= 1
        towns = next((run for run in runs if len(run) >= 2), [])
        return towns if len(towns) == n and len({t._.entity for t in towns}) == n else []

    def _represented_side(self, doc: Doc, mentions, i: int, start: int, municipal: bool = False) -> Span | None:
        """The side the officer at `i` represents: right after "reprezentowaną przez", the body or town named before
        the verb, past the country it lies in ("Gminą X na Ukrainie reprezentowaną przez Mera Y"); later in a list
        of its officers, the body or town named just before the verb ("X był reprezentowany przez prezesa Y,
        wiceprezesa Z", "Ambasadę RP reprezentowali …"), not a country and not where ("miasto w X reprezentuje").
        A body's town after it is the body's, unless the office is a town's (`municipal`)."""
        for j in range(i - 1, max(start, i - LIST_REACH) - 1, -1):
            if doc[j].text in CLAUSE_ENDS:
                return None
            named_at = j + 1 + (j + 2 < i and doc[j + 1].is_lower and bool(lemma_set(doc[j + 1]) & self.town_nouns))
            side = mentions.get(named_at)
            if side is not None and (doc[j].lower_ == "a" and j - 1 >= start and doc[j - 1].text == ","
                                     or doc[j].text == "," and side.end == i) \
                    and side.start == named_at and side.end <= i \
                    and (side._.entity or "").startswith(("organisation:", "place:")) \
                    and side._.base_form not in lexicon().country_names and self._represented_before(doc, start, j):
                return side  # "Gminę X reprezentował burmistrz Y, a gminę Z zastępca burmistrza W" (or ", miasto Z
                # burmistrz W"): the verb left out
            if lemma_set(doc[j]) & self.representing_verbs and j == i - 2 and doc[i - 1].lower_ == "przez":
                side = self._antecedent(doc, mentions, j, start)
                while side is not None and side._.base_form in lexicon().country_names:
                    side = self._antecedent(doc, mentions, side.start, start)
                if not municipal and side is not None and side.start - 2 >= start \
                        and doc[side.start - 1].lower_ in self.locative \
                        and (body := mentions.get(side.start - 2)) is not None and body.end == side.start - 1 \
                        and (body._.entity or "").startswith("organisation:"):
                    side = body  # "Szkołą Podstawową w X reprezentowaną przez dyrektor Y": the school, in its town
                return side
            if lemma_set(doc[j]) & self.representing_verbs:
                k = j - 1
                while k >= start and lemma_set(doc[k]) & self.copulas:
                    k -= 1  # "był reprezentowany", "reprezentowana była"
                side = mentions.get(k) if k >= start else None
                if side is None or side.end != k + 1 or not (side._.entity or "").startswith(("organisation:", "place:")) \
                        or side._.base_form in lexicon().country_names \
                        or side.start > start and doc[side.start - 1].lower_ in self.locative:
                    return None
                return side
            if j not in mentions and role_at(doc, j) is None and finite_verb(doc[j]):
                return None  # another clause's verb
        return None

    def _body_of_board(self, key: str, entities) -> str | None:
        """ "Zarząd Towarzystwa X" → the society the text names on its own: the board's officers and members are
        the body's; "Zarząd Koła", "Zarząd Oddziału": the one body of that head the text names ("Koło Łowieckie
        X", "Oddział PTTK Y")."""
        board = entities.get(key)
        if board is None or board.kind != "organisation" or not board.name.split() \
                or not analyser().lemma_set(board.name.split()[0]) & self.board_nouns:
            return None
        words = board.name.split()[1:]
        named = stems(" ".join(words))
        for other_key, other in entities.items():
            if other_key != key and other.kind == "organisation" and not other.also_place and len(words) >= 2 \
                    and stems(other.name) == named:
                return other_key
        heads = analyser().lemma_set(board.name.split()[1]) & self.organisation_heads if len(words) == 1 else set()
        if heads and not heads & self.territorial:
            bodies = [k for k, o in entities.items() if k != key and o.kind == "organisation" and not o.also_place
                      and o.head in heads]
            if len(bodies) == 1:
                return bodies[0]
        return None  # "Zarząd Powiatu X" stays the county's board: the unit is a body of its own

    @staticmethod
    def _nominative_plural(doc: Doc, i: int, person: Span | None) -> bool:
        """An office noun whose form is the genitive singular and the nominative plural alike ("zastępcy") is
        plural when the name after it is written in the nominative: "zastępcy burmistrza X i Y" are two deputies,
        "zastępcy burmistrza X-a" one."""
        return person is not None and person.start > i and person.text == person._.base_form and any(
            "pl" in a.numbers and "nom" in a.cases for a in analyses(doc[i]) if a.pos == "subst") and not any(
            "sg" in a.numbers and "nom" in a.cases for a in analyses(doc[i]) if a.pos == "subst")

    @staticmethod
    def _plural_of_office(token, role: Role) -> bool:
        """The office noun's every reading as that office is plural, though a word of its own form is chosen:
        "posłowie" (plural of "poseł", and "posłowie", an afterword)."""
        readings = [a for a in analyses(token) if a.pos == "subst" and a.lemma == role.label]
        return bool(readings) and all(a.numbers == {"pl"} for a in readings)

    def _co_holders(self, doc: Doc, mentions, sent: Span, person: Span, i: int, rule: str, after_dash: bool) -> list[Span]:
        """The others holding an office named in the plural with this person: those after the office ("wiceprezesami
        X i Y"), or, after a dash or a comma and in a form only the plural has, those before ("A, B i C – członkowie
        Zarządu", "A i B, radni Rady X");
        none for an office in apposition otherwise ("X, Y (Przewodniczący Rady), Z": Y's alone)."""
        if rule != "role-apposition" or person.end > i:
            return self._coordinated(doc, mentions, person, sent.end, titled=rule == "role-copula" and person.end <= i)
        before = doc[self._before_role(doc, i, sent.start)].text
        if (after_dash and before != "(" or before == ",") and self._plural_only(doc[i]):
            return self._coordinated_before(doc, mentions, person, sent.start)  # "A i B, radni Rady X": both
        return []

    @staticmethod
    def _plural_only(token) -> bool:
        """A form only the plural has ("członkowie", "radni"), not one the singular shares ("zastępcy")."""
        return not any("sg" in a.numbers for a in analyses(token) if a.pos in ("subst", "adj"))

    @staticmethod
    def _coordinated_before(doc: Doc, mentions, person: Span, start: int) -> list[Span]:
        """Persons joined to this one by commas, "i" or "oraz" before it: "A, B i C – członkowie Zarządu": each of
        them holds the office in the plural after the last."""
        out, k = [], person.start - 1
        while k - 1 >= start and doc[k].lower_ in (",", "i", "oraz"):
            m = mentions.get(k - 1)
            if m is None or not m._.entity or not m._.entity.startswith("person:"):
                break
            out.insert(0, m)
            k = m.start - 1
        return out

    def _verb_past_time_phrase(self, doc: Doc, mentions, k: int, end: int) -> int:
        """ "funkcję dyrektora tej placówki od początku jej istnienia sprawowali kolejno: X, Y": the office verb after a
        phrase of time opened by a preposition, with no name or punctuation in it; else k."""
        if k >= end or not doc[k].is_lower or not any(a.pos == "prep" for a in analyses(doc[k])):
            return k
        j = k + 1
        while j < min(end, k + 6) and not doc[j].is_punct and j not in mentions \
                and not lemma_set(doc[j]) & (self.office_verbs | self.conferring_verbs):
            j += 1
        return j if j < end and lemma_set(doc[j]) & (self.office_verbs | self.conferring_verbs) else k

    def _unnamed_body_after(self, doc: Doc, k: int, end: int, role: Role) -> bool:
        """ "Opiekunem drużyny harcerskiej był X", "gwardianem klasztoru został Y", "redaktor „Z”": the office of a body
        named by its common noun alone, in lower case, or by a quoted title not read as a body: not the paragraph's."""
        heads = self.office_body_heads.get(role.label, frozenset())
        return k < end and (doc[k].is_lower and bool(lemma_set(doc[k]) & heads)
                            or doc[k].text in QUOTES_OPEN and role.label in self.office_body_heads)  # "redaktor „X”"

    def _topic(self, doc: Doc, mentions, sent: Span, i: int) -> Span | None:
        """The organisation the paragraph is about: the last one named before the role at i, in its
        sentence or the two before ("założenie Towarzystwa X; prezesem został Y"), not counting the lines of a
        list and its heading ("Skład zarządu tworzą:" / "Prezes: A" / "Skarbnik: B"); a body, not a town acting
        as one ("mieszkańcy Gminy X")."""
        start, told = sent.start, 0
        while told < TOPIC_SENTENCES and start > 0:
            start = doc[start - 1].sent.start
            told += not self._list_line(doc[start].sent)
        found = self._antecedent(doc, mentions, i, start, ("organisation",))
        while found is not None and (self._where(doc, found) or self._is_town(doc, found)):
            found = self._antecedent(doc, mentions, found.start, start, ("organisation",))
        return found

    @staticmethod
    def _list_line(sent: Span) -> bool:
        """A list's heading ("…tworzą:") or a line of it ("Skarbnik: Anna Lis")."""
        words = sent.text.strip()
        return words.endswith(":") or ":" in words and len(sent) <= 8 and "\n" in sent.text

    def _is_town(self, doc: Doc, mention: Span) -> bool:
        entity = (doc._.entities or {}).get(mention._.entity)
        return entity is not None and entity.also_place and entity.head in self.city_nouns

    def _where(self, doc: Doc, mention: Span) -> bool:
        """ "w sali posiedzeń Rady Miejskiej", "w siedzibie Urzędu": a body named as the owner of the room or
        building where something happened, not the one the text is about."""
        k = mention.start - 1
        while k > mention.start - 4 and k >= 0 and doc[k].is_lower and any(a.pos == "subst" for a in analyses(doc[k])):
            k -= 1
        return k < mention.start - 1 and k >= 0 and doc[k].lower_ in self.locative and bool(
            lemma_set(doc[k + 1]) & self.venue_nouns)

    def _past_role(self, doc: Doc, mentions, i: int, end: int) -> int:
        """The first token after a role and its organisation at i ("został dyrektor Kopalni X inż. Y": the
        other role Y holds), or i."""
        if i < end and (other := role_at(doc, i)) is not None:
            k = other[1]
            return mentions[k].end if k < end and k in mentions and mentions[k].start == k else k
        return i

    @staticmethod
    def _unread_body(doc: Doc, mentions, i: int, end: int) -> bool:
        """A capitalised genitive or an acronym right after an office, no person's name: the office is of a body
        named there that the rules did not read ("Dyrektor Okręgowej Dyrekcji X", "Komendant PSP"), not of the
        body the text is about."""
        if i >= end or (m := mentions.get(i)) is not None and m._.entity.startswith("person:"):
            return False
        word = doc[i].text
        return word[:1].isupper() and (word.isupper() and len(word) > 1 and word.isalpha()
                                       or any("gen" in a.cases for a in analyses(doc[i])))

    def _named_before(self, doc: Doc, mentions, i: int, end: int) -> Span | None:
        """An organisation's noun alone ("muzeum", "prezes Towarzystwa X") standing for the nearest organisation
        with that head the text named before; a school's or institution's common noun for the nearest school or
        institution ("dyrektor szkoły X" after "Zespół Szkół nr 2", "dyrektor placówki X")."""
        if i >= end or i in mentions or doc[i].morph.get("Number") == ["Plur"] and not any(
                "sg" in a.numbers and "gen" in a.cases for a in analyses(doc[i])):
            return None  # "dyrektorzy szkół – X i Y": each of one of them; but "prezes stowarzyszenia X": of one
        if i + 1 < end and doc[i + 1].is_lower and any(a.pos == "adj" for a in analyses(doc[i + 1])):
            return None  # "przewodnicząca rady nadzorczej": a body of another kind than the one named
        heads = {l for l in lemma_set(doc[i]) if l in self.organisation_heads}
        heads.update(h for l in lemma_set(doc[i]) for h in self.institution_references.get(l, ()))  # "placówki"
        if not heads:
            return None
        earlier = [m for m in mentions.values() if m.end <= i and m._.entity and m._.entity.startswith("organisation:")
                   and m._.head in heads]
        return max(earlier, key=lambda m: m.start, default=None)

    def _recipient(self, doc: Doc, mentions, start: int, i: int) -> Span | None:
        """ "wręczył Janowi Nowakowi tytuł Honorowego Obywatela": the person in the dative before a title."""
        for j in range(i - 1, start - 1, -1):
            m = mentions.get(j)
            if m is not None and m._.entity and m._.entity.startswith("person:") and (
                    "Dat" in doc[m.start].morph.get("Case", [""])[0] or any(t.text.endswith("owi") for t in m)):
                return m  # a dative SGJP knows, or a foreign name's -owi ("Jean-Pierre'owi")
        return None

    def _beneficiary(self, doc: Doc, mentions, k: int, end: int) -> Span | None:
        """ "nadania tytułu „Honorowego Obywatela X” dla pani Y", "… tytułu X dwóm osobom: marszałkowi Y i Z": the
        person a title is given to, named after it (past an office of theirs)."""
        k += k < end and doc[k].text in QUOTES_CLOSE
        if k < end and doc[k].lower_ == "dla":
            return self._person_after(doc, mentions, self._past_title(doc, mentions, k + 1, end), end)
        colon = next((j for j in range(k, min(end, k + 4)) if doc[j].text == ":"), None)
        if colon is None or not all(doc[j].is_lower for j in range(k, colon)):
            return None
        person = self._person_after(doc, mentions, self._past_title(doc, mentions, colon + 1, end), end)
        return person if person is not None and "Dat" in doc[person.start].morph.get("Case", [""])[0] else None

    def _receiver(self, doc: Doc, mentions, start: int, i: int) -> Span | None:
        """ "X otrzymał tytuł Honorowego Obywatela", "X w 2010 r. odebrała honorowe obywatelstwo": the person who, by a
        verb of receiving right before the title at i, is given it (a date may stand between)."""
        k = i - 1
        date = next((d for d in doc.spans.get("dates", []) if d.end == i and d.start > start), None)
        if date is not None:  # "otrzymał w dniu 3 maja 2010 r. tytuł": past the date and its preposition
            k = date.start - 1
            while k > start and doc[k].lower_ in self.date_prepositions:
                k -= 1
        if k <= start or not lemma_set(doc[k]) & self.receiving_verbs:
            return None
        j = k - 1
        while j >= start and j not in mentions and (doc[j].is_lower or not doc[j].text.isalpha()) \
                and doc[j].text not in (",", ";") and k - j <= RECEIVER_GAP:
            j -= 1  # "X w 2010 r. otrzymał": past the date before the verb
        m = mentions.get(j)
        return m if m is not None and m.end == j + 1 and m._.entity and m._.entity.startswith("person:") else None

    def _before_role(self, doc: Doc, i: int, start: int) -> int:
        """The token before the role at `i` and its qualifiers ("były", "II"), and, after a dash or comma, before
        the time the office is held from and adverbs ("X – od 1997 r. nieprzerwanie wójt gminy Y")."""
        j = i - 1
        while j >= start and (lemma_set(doc[j]) & self.qualifiers or doc[j].text in self.ordinals or doc[j].is_space
                              or doc[j].is_lower and place_adjective(doc[j])):
            j -= 1  # "X –\n    Dyrektor Szkoły": a line broken after the dash; "X – lubuski komendant": the unit's
        k = j
        ends = date_ends(doc)
        while k >= start and (doc[k].is_lower and any(a.pos == "adv" for a in analyses(doc[k])) or k + 1 in ends):
            if k + 1 in ends:
                k = ends[k + 1].start - 1
                k -= k >= start and doc[k].lower_ in self.date_prepositions
            else:
                k -= 1
        return k if k < j and k >= start and doc[k].text in ("–", "—", "-", ",") else j

    def _qualifying(self, doc: Doc, k: int) -> bool:
        """ "były" of "były przewodniczący": a qualifier of the office after it, not the verb "być"."""
        return bool(lemma_set(doc[k]) & self.qualifiers) and k + 1 < len(doc) and role_at(doc, k + 1) is not None

    @staticmethod
    def _may_be_subject(person: Span) -> bool:
        """The person's name may stand in the nominative: its first word has a nominative reading or none known."""
        readings = analyses(person[0])
        return not readings or any("nom" in a.cases or not a.cases for a in readings)

    @staticmethod
    def _verb(t) -> bool:
        """A verb's form ("był", "wybrano", "zostać"), not a participle qualifying an office ("nowo wybrany
        burmistrz")."""
        return finite_verb(t) or any(a.pos in ("inf", "impt") for a in analyses(t))

    def _passive(self, doc: Doc, k: int, end: int) -> bool:
        """ "została przekazana grafika", "zostanie złożony wniosek", "byli obecni": "być" or "zostać" at k makes a
        passive with the participle after it or takes an adjective, no copula of the office named later; but "został
        mianowany X-em" (a copula's own participle), "został uhonorowany tytułem X" (a title conferred) and "była
        przewodniczącą" (an office) are."""
        while k + 1 < end and analyses(doc[k + 1]) and all(a.pos == "adv" for a in analyses(doc[k + 1])):
            k += 1  # "został pośmiertnie odznaczony przez Prezydenta": past the adverb
        readings = analyses(doc[k + 1]) if k + 1 < end else []
        return bool(readings) and all(a.pos in ("ppas", "adj") for a in readings) \
            and not lemma_set(doc[k + 1]) & self.copulas and role_at(doc, k + 1) is None \
            and not (k + 2 < end and lemma_set(doc[k + 2]) & self.office_nouns)

    def _body_before_dash(self, doc: Doc, mentions, i: int, start: int) -> Span | None:
        """ "w imieniu Gminy X – starosta – Y": the dash follows a body, so the role is the next person's, of that body."""
        before = mentions.get(self._before_role(doc, i, start) - 1)
        return before if before is not None and not before._.entity.startswith("person:") else None

    @staticmethod
    def _past_genitive_qualifier(doc: Doc, i: int, end: int) -> int:
        """Past at most three lower-case nouns and adjectives in the genitive from i ("strony polskiej")."""
        k = i
        while k < end and k - i < 3 and doc[k].is_lower and doc[k].is_alpha and any(
                a.pos in ("subst", "adj") and "gen" in a.cases for a in analyses(doc[k])) \
                and not any(a.pos in ("fin", "praet", "prep", "conj") for a in analyses(doc[k])):
            k += 1
        return k

    def _after_dash(self, doc: Doc, i: int, start: int) -> bool:
        """ "X – burmistrz", "X - burmistrz", "X -Burmistrz" (a hyphen spaced on a side or glued to a capitalised
        office: "X-Burmistrz"), "X (burmistrz)"; not
        after a common word, where the dash or bracket opens a list of officers ("szefowie obu powiatów – starosta
        X i Y", "2 opiekunów (dyrektor szkoły X i …)"), nor as the sentence's first word, a bullet ("- Wójt gminy X Y")."""
        j = self._before_role(doc, i, start)
        spaced = doc[j].text == "-" and (doc[j].whitespace_ or j > 0 and doc[j - 1].whitespace_
                                         or j + 1 == i and doc[i].text[:1].isupper())  # "X-Dyrektor" (tokenizer.py)
        return j > start and (doc[j].text in ("–", "—", "(") or spaced or DOT_LEADER.fullmatch(doc[j].text)) \
            and not (j > start and doc[j - 1].is_lower and doc[j - 1].is_alpha)

    @staticmethod
    def _item_head_before(doc: Doc, mentions, i: int, sent: Span, person: Span | None) -> Span | None:
        """In a list of items "Name – office, office, Name – office", an office after a comma whose next person
        opens an item of their own (a dash after the name) is the office of the person who opened this item."""
        if person is None or person.start < 2 or doc[person.start - 1].text != "," or person.end + 1 >= sent.end \
                or doc[person.end].text not in ("–", "—", "-") or i - 1 <= sent.start \
                or doc[i - 1].text != "," and doc[i - 1].lower_ not in ("oraz", "i"):
            return None
        named = [m for m in mentions.values() if sent.start <= m.start and m.end <= i and m._.entity
                 and m._.entity.startswith("person:")]
        head = max(named, key=lambda m: m.start, default=None)
        if head is None or head.end >= sent.end or doc[head.end].text not in ("–", "—", "-"):
            return None
        return head if not any(doc[k].text in ("–", "—", "-", ";") for k in range(head.end + 1, i)) else None

    def _person_before(self, doc: Doc, mentions, i: int, start: int, depth: int = 1) -> Span | None:
        """ "X, ówczesny burmistrz", "X – rektor UMK", "X (burmistrz)", and one apposition further:
        "X, radny Anagni, późniejszy przewodniczący Rady"."""
        j = self._before_role(doc, i, start)
        if j == i - 1 >= start and doc[i].text[:1].isupper() and not doc[i].is_upper \
                and (m := mentions.get(j)) is not None and m._.entity and m._.entity.startswith("person:"):
            return m  # "Gości przywitał Jan Lis Burmistrz Lipnika": official style, the office capitalised, no comma
        noun = doc[i + 1] if i + 1 < len(doc) and lemma_set(doc[i]) & self.role_prefixes else doc[i]  # "w-ce konsul"
        if j == i - 1 >= start and doc[i].is_lower and (m := mentions.get(j)) is not None and m._.entity \
                and m._.entity.startswith("person:") and self._same_case(doc[m.end - 1], noun):
            return m  # "podpisali: …, Anna Lis przewodnicząca Rady Miasta": in a list, no comma either
        if start <= j < i - 1 and doc[j + 1].is_lower and (m := mentions.get(j)) is not None and m._.entity \
                and m._.entity.startswith("person:"):
            return m  # "Jan Lis obecny burmistrz Lipnika": a qualifier opens the apposition, no comma
        if j >= start and doc[j].text == "," and doc[i].morph.get("Case") == ["Ins"] \
                and not self._instrumental_apposition(doc, mentions, mentions.get(j - 1), i, start):
            return None  # "prezesem był X, sekretarzem Y": a role in the instrumental is no apposition to X
        if j >= start and (doc[j].text == "," or self._after_dash(doc, i, start)):
            j -= 1 + (j - 1 >= start and (doc[j - 1].text == "," and DOT_LEADER.fullmatch(doc[j].text) is not None
                                          or doc[j].text == "," and DOT_LEADER.fullmatch(doc[j - 1].text) is not None))
            m = mentions.get(j)  # "Jan KRUK, ...... prezes", "Anna SOWA.......,skarbnik": past the comma and the dots
            if m is not None and m.start - 2 >= start and doc[m.start - 1].lower_ in self.residence_words:
                m = mentions.get(m.start - 2)  # "Anna X zam. Lipno – sołtys": where the person lives, then the office
            if m is not None and m._.entity and m._.entity.startswith("person:"):
                return None if doc[j + 1].text == "," and self._list_of_offices_first(doc, mentions, m, start) else m
            if depth and m is not None:  # the complement of another role in apposition
                k = next((k for k in range(m.start - 1, max(start, m.start - 5) - 1, -1)
                          if (r := role_at(doc, k)) is not None and r[1] <= m.start
                          and all(doc[x].is_lower and doc[x].is_alpha for x in range(r[1], m.start))), None)
                # "X, poseł do parlamentu Y, były burmistrz Z": the complement past a preposition too
                if k is not None:
                    return self._person_before(doc, mentions, k, start, depth - 1)
            if depth and m is None:  # "X – ordynariusz diecezji lipnickiej, członek Y": a complement in lower case
                k = next((k for k in range(j - 1, max(start, j - 5) - 1, -1) if (r := role_at(doc, k)) is not None
                          and all(doc[x].is_lower and doc[x].is_alpha for x in range(r[1], j + 1))), None)
                if k is not None:
                    return self._person_before(doc, mentions, k, start, depth - 1)
        if depth and j - 1 >= start and doc[j].lower_ in ("i", "oraz") and (m := mentions.get(j - 1)) is not None \
                and m._.entity and not m._.entity.startswith("person:"):
            # "X, mera Y i przewodniczącego Związku Z": a second office joined to the complement of one in apposition
            k = next((k for k in range(m.start - 1, max(start, m.start - 3) - 1, -1)
                      if (r := role_at(doc, k)) is not None and r[1] == m.start), None)
            if k is not None:
                return self._person_before(doc, mentions, k, start, depth - 1)
        return (self._lead_person(doc, mentions, i, start) or self._name_line_before(doc, mentions, i, start)) \
            if depth else None

    def _name_line_before(self, doc: Doc, mentions, i: int, start: int) -> Span | None:
        """ "Jan X" / "Wójt Gminy Y": a short line opened by an office, no verb and no name in it, under a line
        that is a person's name alone (a page's card of an official): that person's office."""
        first = next((k for k in range(start, i + 1) if not doc[k].is_space), i)
        sent = doc[i].sent
        if first != i or not doc[i].text[:1].isupper() or "\n" not in sent.text \
                or len([t for t in sent if not t.is_space]) > NAME_CARD_WORDS \
                or any(finite_verb(t) or (m := mentions.get(t.i)) is not None and (m._.entity or "").startswith("person:")
                       for t in sent):
            return None
        k = start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or "\n" not in doc[k].whitespace_ + doc[k + 1:start].text:
            return None  # the name on a line of its own
        line = doc[k].sent
        words = [t for t in line if not t.is_space]
        person = mentions.get(words[0].i) if words else None
        return person if person is not None and (person._.entity or "").startswith("person:") \
            and person.start == words[0].i and person.end == words[-1].i + 1 else None

    def _lead_person(self, doc: Doc, mentions, i: int, start: int) -> Span | None:
        """ "Jan X (ur. 1950 w Y) – polski samorządowiec, radny i burmistrz Z, członek Partii W": an encyclopaedia's
        lead sentence, whose offices after the dash, with no verb or other person's name before them, are those of
        the person it opens with."""
        k = start
        while k < i and doc[k].is_space:
            k += 1
        person = mentions.get(k)
        if person is None or person.start != k or not (person._.entity or "").startswith("person:"):
            return None
        k = person.end
        if k < i and doc[k].text == "(":
            k = next((j + 1 for j in range(k + 1, i) if doc[j].text == ")"), i)
        if k >= i or doc[k].text not in DASHES or not doc[k].whitespace_:
            return None
        if any(finite_verb(t) or t.text in CLAUSE_ENDS and t.text not in "()" or (m := mentions.get(t.i)) is not None
               and (m._.entity or "").startswith("person:") for t in doc[k + 1:i]) \
                or not any("nom" in a.cases for a in analyses(doc[i])):
            return None  # "– polski poeta, syn burmistrza Z": not an office of X's; nor past another person's name
        return person

    def _list_of_offices_first(self, doc: Doc, mentions, person: Span, start: int) -> bool:
        """ "burmistrz A, X, burmistrz B, Y, oraz burmistrz C, Z": a list whose items give the office first, then the
        holder, so the office after X is the next holder's; not "X, burmistrz A, Y, burmistrz B", whose items give
        the holder first."""
        while True:
            office = self._office_ending_at(doc, mentions, person.start - 1, start)
            if office is None:
                return False
            k = office - 1 - (office - 1 >= start and doc[office - 1].text in (",", "–", "—", "-"))
            before = mentions.get(k) if k >= start else None  # "X, burmistrz A, Y", "X – burmistrz A, Y", "X
            # Burmistrza A, Y": the holder first
            if before is None or not (before._.entity or "").startswith("person:"):
                return True
            person = before

    def _office_ending_at(self, doc: Doc, mentions, comma: int, start: int) -> int | None:
        """Where an office (its noun and its body) begins that ends at the comma at `comma`, or None."""
        if comma <= start or doc[comma].text != ",":
            return None
        for k in range(comma - 1, max(start, comma - 7) - 1, -1):
            if doc[k].text in ",;:–—" or (m := mentions.get(k)) is not None and (m._.entity or "").startswith("person:"):
                return None
            if (office := role_at(doc, k)) is not None and office[1] <= comma:
                return k
        return None

    def _instrumental_apposition(self, doc: Doc, mentions, person: Span | None, i: int, start: int) -> bool:
        """A role in the singular instrumental after a person named in the instrumental ("z Janem Lisem, Burmistrzem
        Lipnika"), by the name's own forms or, for a foreign name SGJP does not know, by the preposition before it
        ("z Giorgim Abaszydze"); not a list's next item, whose holder follows ("z X, zastępcą dyrektora – Y")."""
        if person is None or not (person._.entity or "").startswith("person:") or doc[i].morph.get("Number") != ["Sing"]:
            return False
        k = i + 1
        while k < len(doc) and doc[k].text not in (",", ";", ".") and not doc[k].is_sent_start:
            if (m := mentions.get(k)) is not None and (m._.entity or "").startswith("person:"):
                return False
            k += 1
        if any("inst" in a.cases for t in person for a in analyses(t) if a.pos == "subst"):
            return True
        k = self._before_honorifics(doc, person.start - 1, start)
        return k >= start and doc[k].lower_ in self.instrumental_prepositions

    @staticmethod
    def _same_case(name, role) -> bool:
        """A surname and a role noun after it that can be in one case ("Anna Lis przewodnicząca"), not "z Anną
        Lis przewodnicząca …": the role opens a clause of its own."""
        cases = {c for a in analyses(name) if a.pos == "subst" for c in a.cases}
        return bool(cases & {c for a in analyses(role) if a.pos in ("subst", "adj") for c in a.cases}) \
            or unknown_to_sgjp(name) and "nom" in {c for a in analyses(role) for c in a.cases}

    def _before_honorifics(self, doc: Doc, k: int, start: int) -> int:
        """The token at or before k that is no honorific ("…, Pani X": the comma)."""
        while k > start and self.honorific(doc[k]):
            k -= 1
        return k

    def _genders(self, possessive) -> frozenset[str]:
        """ "jego" → {Masc, Neut}, "jej" → {Fem}: the genders its antecedent may have."""
        return frozenset(self.possessive_genders.get(possessive.lower_, ()))

    def _role_context(self, doc, sent, person: Span, role: Role, mentions, found: list[Membership]) -> str | None:
        """The organisation of a role named without one, from a predecessor named beside it."""
        k = person.end
        while k < sent.end and doc[k].text == ",":
            k += 1
        if k < sent.end and doc[k].lower_ in self.successors | self.predecessors:
            other = self._person_after(doc, mentions, k + 1, sent.end)
            if other is not None:
                for m in reversed(found):
                    if m.person == other._.entity and m.role == role:
                        return m.organisation
        return None

    def _ours(self, doc: Doc, mentions, i: int, start: int) -> bool:
        """ "naszym starostą X i wicestarostą Y": the office at i is of the writer's own unit, "nasz" before it
        or before the offices and persons it is coordinated with."""
        for j in range(i - 1, start - 1, -1):
            if lemma_set(doc[j]) & self.own_pronouns:
                return True
            if not (doc[j].lower_ in self.joining or doc[j].lower_ in self.honorifics or j in mentions
                    or role_at(doc, j) is not None):
                return False
        return False

    def _own_side(self, doc: Doc, k: int) -> bool:
        """ "ze strony polskiej", "z naszej strony", "stronę polską": the side at k is the writer's own."""
        return any(lemma_set(doc[j]) & self.own_side_words for j in (k - 1, k + 1) if 0 <= j < len(doc))

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.entities or {}
        mentions = mention_index(doc)
        memberships: list[Membership] = []
        relations: list[Relation] = []
        unresolved: list[Membership] = []
        homeward: list[Membership] = []  # offices of the text's own town, named by its noun alone
        unheld: dict[str, set[str]] = {}  # offices named with their town and no holder: role label → towns
        before = None
        for sent in doc.sents:
            self.memberships(doc, sent, mentions, entities, memberships, relations, unresolved, homeward, unheld)
            self._deputies(doc, sent, mentions, memberships, unresolved)
            if before is not None:
                self._holders_named_in_turn(doc, before, sent, mentions, entities, memberships)
                self._holder_of_office_before(doc, before, sent, mentions, memberships, unresolved, homeward)
            if sent.text.strip():
                before = sent
        self._office_lists(doc, mentions, entities, memberships, unresolved)
        self._listed_bodies(doc, mentions, memberships)
        self._holders_listed_under(doc, mentions, entities, memberships, unresolved)
        doc._.memberships = self.place_offices(doc, entities, mentions, memberships, unresolved, homeward, unheld)
        doc._.relations = relations
        return doc
