"""Roles: who held which office of which organisation or place, and when ("burmistrz X", "X, prezes Towarzystwa Y").

The `kronika_roles` component writes `doc._.memberships`, and the founders a role names ("założyciel") to
`doc._.relations`.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import YEAR, date_starts, past_date
from .facts import (UD_GENDERS, UD_GENDERS_ALL, FactReader, Membership, Relation, finite_verb, home_unit, in_brackets,
                    mention_index, past_genders)
from .lexicon import Role, deputy_of, lexicon
from .morphology import analyses, lemma_set, lemma_sets
from .name_words import QUOTES_CLOSE, QUOTES_OPEN, place_adjective, plural_of
from .names import DASHES, after_portfolio, fold, role_at
from .office_lists import HOLDER_VERBS, OfficeLists
from .role_bodies import OfficeBodies
from .role_holders import OfficeHolders
from .role_towns import OfficePlacement


RECEIVER_GAP = 5  # words between a receiver and the verb: "X w dniu 3 maja 2010 r. otrzymał"
PATRON_MARKERS = ("im.", "imienia")
SUBJECT_REACH = 200  # words before a biography's office the nominative of its subject is looked for past a nearer name
PERSONAL_PRONOUNS = {"go": frozenset({"Masc"}), "ją": frozenset({"Fem"})}  # "wybrano go": the person as the object
DESCRIPTION_WORDS = 4  # "byli pracownicy miejscowej kopalni: X, Y": the words before a list's colon
ACTING = ("p.o.", "p.o")  # "pełniący obowiązki": an acting holder holds the office ("funkcję p.o. dyrektora")
TERM_OPEN_ENDS = ("nadal", "obecnie", "dziś")  # "Anna Y – 2015 – nadal": a term not yet ended


def attributive(token) -> bool:
    """An adjective that is no verb too ("partnerskiego", not "była": "sekretarzem gminy była X")."""
    readings = analyses(token)
    return any(a.pos == "adj" for a in readings) and not any(a.pos in ("praet", "fin") for a in readings)


@Language.factory("kronika_roles")
def make_roles(nlp: Language, name: str):
    return RoleReader()


class RoleReader(OfficeLists, OfficeBodies, OfficeHolders, OfficePlacement, FactReader):
    """Offices read sentence by sentence (their holders: extract/role_holders.py; their bodies:
    extract/role_bodies.py) and over the lines of a list (extract/office_lists.py); those whose town or body the
    sentence does not tell are placed from the whole document (extract/role_towns.py)."""

    def __init__(self):
        super().__init__()
        lex = self.lex
        rel = lex.relations
        self.board_nouns = frozenset(lex.board_nouns)
        self.polish_given_names = frozenset(lex.polish_given_names)
        self.polish_town_offices = frozenset(lex.polish_town_offices)
        self.council_offices = frozenset(lex.council_offices)
        self.council_levels = dict(lex.council_level_adjectives)
        self.head_of_state_offices = frozenset(lex.head_of_state_offices)
        self.council_member = lex.roles[lex.council_offices[0]]
        self.council_entry_verbs = frozenset(lex.council_entry_verbs)
        self.council_chair_offices = frozenset(lex.council_chair_offices)
        self.council_lemmas = frozenset((lex.council_noun, *lex.council_offices))  # "rada", "radny": a text about a council
        self.naming_verbs = frozenset(lex.naming_verbs)  # "Byli to: A, B", "Są to: …"
        self.guest_town_offices = frozenset(lex.guest_town_offices)
        self.county_offices = frozenset(lex.county_offices)
        self.town_staff_offices = frozenset(lex.town_staff_offices)
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
        self.leaving_verbs = frozenset(lex.office_leaving_verbs)
        self.election_verbs = set(rel["election_verbs"])
        self.appointing = frozenset(rel["appointing_verbs"])
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
            plural = doc[i].morph.get("Number") == ["Plur"]
            colon = end < sent.end and doc[end].text == ":"
            if (role.municipal and plural if colon else plural or self._plural_of_office(doc[i], role)) and len(
                    pairs := self._towns_and_holders(doc, mentions, entities, end + colon, sent.end, in_sentence=not colon)) >= 2:
                for town, holder in pairs:  # "Burmistrzów: X-a Jana Y, Z-a Adama W oraz …", "burmistrzowie Lipna Jan X
                    # i Ostrawy Piotr Y": each town's own
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
            k = self._past_attributes(doc, end, sent.end)
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
            if end + 1 < sent.end and doc[end].text in QUOTES_OPEN and not role.municipal and the_city is None \
                    and (body := self._mention_at(mentions, end + 1, ("organisation",))) is not None \
                    and body.start == end + 1:
                end += 1  # "redaktor naczelny „Gazety X”": the body's quoted name right after the office
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
                    named = self._past_adverbs(doc, past_date(doc, self._past_adverbs(
                        doc, self._past_auxiliary(doc, k, sent.end), sent.end), sent.end),
                                               sent.end)  # "… otrzymał w 2010 roku X": past the date too
                    person, rule = self._person_after(doc, mentions, named, sent.end), "role-office"
                    several = several or bool(lemma_set(doc[k]) & self.conferring_verbs) \
                        or doc[k].morph.get("Number") == ["Plur"]  # a title given to several; "funkcję prezesa
                    # sprawowali: X (1990-95), Y (1995-2001)": each of them in turn
            if person is None and after + 3 < sent.end and doc[after].text == "," \
                    and lemma_set(doc[after + 1]) & self.relatives \
                    and any("inst" in a.cases for a in analyses(doc[after + 1])) \
                    and (k := self._past_adverbs(doc, after + 2, sent.end)) < sent.end and lemma_set(doc[k]) & self.copulas:
                # "wybrali Przewodniczącego Rady, którym został Jan X": the relative clause names the holder
                person, rule = self._person_after(doc, mentions, self._past_adverbs(doc, k + 1, sent.end),
                                                  sent.end), "role-relative"  # "którym został (po raz drugi) X"
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
            belonging = i > sent.start and doc[i - 1].lower_ == "do" and verb < sent.end \
                and bool(lemma_set(doc[verb]) & self.belonging)  # "Do założycieli Towarzystwa należeli: X, Y"
            if person is None and verb < sent.end and (lemma_set(doc[verb]) & self.copulas or belonging) and not honour:
                # "…, którego założycielem był X", "Prezesem Towarzystwa była wówczas X", "Jego dyrektorem był X"
                named = self._past_adverbs(doc, self._past_elected(doc, self._past_adverbs(
                    doc, self._past_auxiliary(doc, verb, sent.end), sent.end), sent.end), sent.end)  # "został wybrany
                # X", "wybrany został X"
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
                if org is None and not bare_unit and not role.municipal \
                        and role.label not in self.council_chair_offices:  # "Sekretarzem gminy była X": the text's
                    person = None  # own gmina's, below; "Burmistrzem był X", "Radnymi zostali: X, Y": the context's
                    # town's; "Wiceprzewodniczącymi zostali X i Y": the council's the text is about, if it names one
            if person is None and (copula := next((t for t in doc[clause[0]:i] if lemma_set(t) & self.copulas
                                                   and not self._qualifying(doc, t.i) and not self._passive(doc, t.i, i)
                                                   and self._verb(t)), None)) is not None:
                appointed = self._appointed(doc, mentions, sent, copula, i)
                person = appointed or next(
                    (m for m in self._sentence_mentions(mentions, sent) if m._.entity and m._.entity.startswith("person:")
                     and m.start < i), None)
                if person is not None and appointed is None and not self._may_be_subject(person) \
                        and not any(lemma_set(t) & self.relatives for t in doc[person.end:i]):  # "X-owi, który jest"
                    person = None  # "Na ręce Burmistrza X przekazana została grafika od Burmistrza Y": no subject
                if person is not None and any(t.text == "," for t in doc[person.end:i]) \
                        and self._predicate_of_another(doc[i:found_role[1]], doc[person.start]):
                    person = None  # "wybrany został X, Wiceprezesem Y": the office of the next clause
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
            if person is None and (entry := self._entry_subject(doc, mentions, sent, i)) is not None:
                person, rule = entry, "role-of-entry"  # "3. Jan X (1885-1974). Rolnik. Wójt Lipnika (1917-1922)."
            if person is None:
                if org is not None and role.municipal and (org._.entity or "").startswith(("place:", "organisation:")) \
                        and (not self.not_town(entities[org._.entity])  # "Pani Wójt Gminy X wzięła udział"
                             or role.label in self.head_of_state_offices
                             and org._.base_form in lexicon().home_countries):  # "wizyta Prezydenta RP"; not
                    # "prezydent Austrii": a Polish page names a foreign head as another guest
                    unheld.setdefault(role.label, set()).add(org._.entity)
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
            if org is None and not role.municipal and (body := self._body_of_side(doc, mentions, sent.start, i)):
                org, rule = body, "role-context"  # "a ze strony Uczelni X: Prorektor Y oraz Kanclerz Z"
            if org is None and role.municipal and self._ours(doc, mentions, i, clause[0]):
                self._homeward(doc, sent, clause, mentions, person, role, i, end, several, homeward)  # "naszym starostą X"
                i = end
                continue
            if doc[i].morph.get("Number") == ["Plur"] and person is not None and person.start > i and person.end + 1 < sent.end and doc[person.end].text in DASHES \
                    and role_at(doc, person.end + 1) is not None:
                i = end  # "goście: wójtowie gmin, X – dyrektor muzeum": X's office is his own, the plural no one's
                continue
            leveled = self._council_of_level(doc, entities, i, found_role[1]) \
                if org is None and role.label in self.council_offices else None
            org_key = org._.entity if org is not None else leveled or deputised or \
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
            others = self._co_holders(doc, mentions, sent, person, i, rule, after_dash) \
                if several or after_dash and person.end <= i and self._plural_reading(doc[i]) else []
            several = several or bool(others)  # "A i B – zastępcy burmistrza X": the plural the dash tells
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
                about = (self._body_of_board(topic._.entity, entities) or topic._.entity) if topic else ""
                for holder in holders:  # "wiceprezesami X i Y": each of them; "Radnymi zostali: X, Y, Z": members
                    (found if council else unresolved).append(  # of the council named last before them
                        Membership(holder._.entity, role, council or about,
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

    @staticmethod
    def _past_auxiliary(doc: Doc, k: int, end: int) -> int:
        """The token after the verb at k, and after "został", "była" when the verb is a passive participle before it
        ("wybrany został X", "powierzona została X-owi")."""
        return k + 1 + (k + 1 < end and bool(lemma_set(doc[k + 1]) & HOLDER_VERBS)
                        and any(a.pos == "ppas" for a in analyses(doc[k])))

    def _past_elected(self, doc: Doc, k: int, end: int) -> int:
        """Past the participle of an election or appointment after "został" ("wybrany", "powołana")."""
        return k + 1 if k < end and lemma_set(doc[k]) & self.election_verbs \
            and any(a.pos == "ppas" for a in analyses(doc[k])) else k

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
        if k + 1 < end and doc[k].text in DASHES and YEAR.match(doc[k + 1].text) and all(
                t.is_space or t.text in DASHES or YEAR.match(t.text) or t.lower_ in TERM_OPEN_ENDS
                for t in doc[k + 2:end]):
            return doc[k + 1].text  # "Jan X - 1950-1960", "Anna Y – 2015 – nadal": a list line of a holder, then a dash
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

    def _appointed(self, doc: Doc, mentions, sent: Span, verb, i: int) -> Span | None:
        """ "Burmistrz X mianował Adama Y dyrektorem Z", "powołał Adama Y na stanowisko dyrektora Z": the person an
        active verb of appointing names between itself and the office at i (in the instrumental, or after "na
        stanowisko"), its object, holds the office; not its subject."""
        to_post = i >= 2 and doc[i - 2].lower_ == "na" and bool(lemma_set(doc[i - 1]) & self.office_nouns)
        if not lemma_set(verb) & self.appointing or verb.morph.get("Voice") == ["Pass"] \
                or not (to_post or any("inst" in a.cases for a in analyses(doc[i]))):
            return None  # "powołał na wicestarostę X i członków Zarządu: …": no office in the instrumental, and no
            # post ("na stanowisko …") before it
        return next((m for m in reversed(self._sentence_mentions(mentions, sent)) if verb.i < m.start and m.end <= i
                     and (m._.entity or "").startswith("person:")), None)

    @staticmethod
    def _body_of_side(doc: Doc, mentions, start: int, i: int) -> Span | None:
        """ "ze strony PWSZ w X: Prorektor Y": the body whose side the sentence names last before the office at i."""
        k = max((k for k in range(start + 1, i) if "strona" in lemma_sets(doc)[k] and doc[k - 1].lower_ in ("z", "ze")),
                default=None)
        m = mentions.get(k + 1) if k is not None else None
        return m if m is not None and m.start == k + 1 and (m._.entity or "").startswith("organisation:") else None

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

    @staticmethod
    def _past_attributes(doc: Doc, i: int, end: int) -> int:
        """The first token after up to two adjectives at i ("zaprzyjaźnionego miasta"), or after a participle with
        its adverb and date ("nowo utworzonego 1 stycznia 1999 r. powiatu"), or i."""
        k = i
        while k < min(end, i + 2) and doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k])):
            k += 1
        if k == i and k + 1 < end and doc[k].is_lower and doc[k + 1].is_lower \
                and any(a.pos == "adv" for a in analyses(doc[k])) and any(a.pos == "ppas" for a in analyses(doc[k + 1])):
            k += 1  # "nowo utworzonego"
        if k < end and doc[k].is_lower and any(a.pos == "ppas" for a in analyses(doc[k])):
            k = past_date(doc, k + 1, end)  # "utworzonego w 1999 r."
        return k

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
            if verbs and doc[k].morph.get("Number") == ["Sing"] and all(
                    a.numbers == {"pl"} for a in analyses(doc[i]) if a.pos in ("subst", "adj")):
                return None  # "otrzymał poparcie wszystkich radnych": one person takes no office in the plural
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

    def _entry_subject(self, doc: Doc, mentions, sent: Span, i: int) -> Span | None:
        """The person a biographical entry is about, for an office that opens a sentence of no verb and no person
        ("4. Jan X (1876-1924). Rolnik w Y. Wójt Lipnika (1917-1922)."): the one person the entry's line names, first,
        before this sentence."""
        opening = next((t.i for t in sent if not t.is_space), sent.start)
        if i != opening or any(finite_verb(t) for t in sent) \
                or any((m._.entity or "").startswith("person:") for m in self._sentence_mentions(mentions, sent)):
            return None
        line = sent.start
        while line > 0 and "\n" not in doc[line - 1].text and "\n" not in doc[line - 1].whitespace_:
            line -= 1
        if line == sent.start:
            return None
        persons = [m for k in range(line, sent.start) if (m := mentions.get(k)) is not None and m.start == k
                   and (m._.entity or "").startswith("person:")]
        first_word = next((k for k in range(line, sent.start) if doc[k].is_alpha), None)
        if not persons or len({m._.entity for m in persons}) != 1 or first_word is None \
                or not persons[0].start <= first_word + 2:
            return None  # the entry opens with its person (after a number, a bullet or a title)
        return persons[0]

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

    def _abbreviated_town_noun(self, doc: Doc, k: int, end: int) -> int:
        """The tokens of a town's noun abbreviated at k ("gm.", and "g." split as "g" "."), or 0."""
        if k < end and doc[k].lower_ in self.town_noun_abbreviations:
            return 1
        glued = k + 1 < end and not doc[k].whitespace_ and doc[k + 1].text == "."
        return 2 if glued and doc[k].lower_ + "." in self.town_noun_abbreviations else 0

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

    def _council_of_level(self, doc: Doc, entities, i: int, end: int) -> str | None:
        """ "powiatowi radni: X, Y", "Radny Powiatowy X": a councillor of the level an adjective next to the office
        tells, of the one unit of that level the text names."""
        for k in (i - 1, end):
            if 0 <= k < len(doc) and (level := next((self.council_levels[l] for l in lemma_set(doc[k])
                                                     if l in self.council_levels), None)) is not None:
                return home_unit(doc, entities, level)
        return None

    @staticmethod
    def _predicate_of_another(office: Span, name) -> bool:
        """An office in the instrumental only after a given name in the nominative only: no apposition to the name
        (which would agree with it) but the predicate of a clause of its own, its copula left out."""
        office_cases = {c for t in office for a in analyses(t) if a.pos in ("subst", "adj") for c in a.cases} - {"voc"}
        name_cases = {c for a in analyses(name) if "imię" in a.classes for c in a.cases} - {"voc"}
        return office_cases == {"inst"} and name_cases == {"nom"}

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

    def _past_role(self, doc: Doc, mentions, i: int, end: int) -> int:
        """The first token after a role and its organisation at i ("został dyrektor Kopalni X inż. Y": the
        other role Y holds), or i."""
        if i < end and (other := role_at(doc, i)) is not None:
            k = other[1]
            return mentions[k].end if k < end and k in mentions and mentions[k].start == k else k
        return i

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
