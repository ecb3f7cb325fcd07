"""Roles, events and relations read from sentences whose entities are known.

Each fact carries its evidence: the character span of the words it rests
on, the sentence, the rule and the rule's confidence. Results go to
`doc._.memberships`, `doc._.events` and `doc._.relations`.
"""

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import past_date
from .entities import QUOTES_CLOSE, QUOTES_OPEN
from .lexicon import Role, lexicon
from .morphology import analyses, lemma_set, lemma_sets
from .linker import one_word_inflected
from .names import after_portfolio, fold, role_at


UD_GENDERS = {"m1": "Masc", "m2": "Masc", "m3": "Masc", "f": "Fem", "n1": "Neut", "n2": "Neut", "n": "Neut"}


def past_genders(token) -> frozenset[str]:
    """The genders a past verb or passive participle agrees with ("objął": Masc, "wybrana": Fem); none for
    any other word."""
    return frozenset(UD_GENDERS[g] for a in analyses(token) if a.pos in ("praet", "ppas") and "sg" in a.numbers
                     for g in a.genders if g in UD_GENDERS)

@dataclass
class Evidence:
    start: int            # character offsets of the words the fact rests on
    end: int
    sentence_start: int
    sentence_end: int
    rule: str
    confidence: float


@dataclass
class Membership:
    person: str           # entity keys
    role: Role
    organisation: str
    date: str | None
    evidence: Evidence


@dataclass
class Event:
    type: str
    date: str
    trigger: str
    locations: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    subject: str | None = None      # the organisation founded or inaugurated
    evidence: Evidence | None = None


@dataclass
class Relation:
    subject: str
    predicate: str        # twinnedWith, successorOf, founder, managedBy, containedInPlace, location
    object: str
    evidence: Evidence


@Language.factory("kronika_facts")
def make_facts(nlp: Language, name: str):
    return FactFinder()


class FactFinder:
    def __init__(self):
        lex = lexicon()
        self.lex = lex
        rel = lex.relations
        self.triggers = lex.event_triggers
        self.trigger_lemmas = frozenset(self.triggers)
        self.capitalised_only = set(lex.capitalised_only)
        self.once = set(lex.event_types["once_per_organisation"])
        self.quoted_types = set(lex.event_types["named_in_quotes"])
        self.weak = set(lex.event_types["weak"])
        self.between_places = set(lex.event_types["between_places"])
        self.locative = set(lex.locative_prepositions)
        self.unit_of_role = dict(lex.unit_of_role)  # "wójt" → "gmina": the unit a municipal office is of
        self.successors = set(rel["successor_nouns"])
        self.predecessors = set(rel["predecessor_nouns"])
        self.succession = self.successors | self.predecessors
        self.after_him = set(rel["after_him"])
        self.twinning = tuple(rel["twinning_stems"])
        self.agreements = frozenset(rel["cooperation_agreements"])
        self.between = set(rel["between_prepositions"])
        self.pair_conjunctions = set(rel["pair_conjunctions"])
        self.institution_heads = set(lex.organisation_heads) - set(lex.territorial_heads) - set(lex.city_nouns)
        self.not_towns = lex.country_names | set(lex.continents)
        self.unit_nouns = set(lex.territorial_heads) | set(lex.city_nouns)  # "Gminą X", "Powiat Y": a town's body
        self.no_settlement = set(lex.state_heads) | set(lex.feature_heads)
        self.not_a_town_nouns = set(lex.feature_heads) | set(lex.region_nouns)
        self.local_roles = set(lex.local_roles)
        self.delegation_nouns = set(rel["delegation_nouns"])
        self.cooperation = tuple(rel["cooperation_stems"])
        self.management_nouns = set(rel["management_nouns"])
        self.management_verbs = set(rel["management_verbs"])
        self.led_by = set(rel["led_by_verbs"])
        self.parentheticals = set(rel["parentheticals"])
        self.copulas = set(rel["copula_verbs"])
        self.office_nouns = set(rel["office_nouns"])
        self.office_verbs = set(rel["office_verbs"])
        self.election_verbs = set(rel["election_verbs"])
        self.date_prepositions = set(lex.date_prepositions)
        self.conjunctions = set(rel["clause_conjunctions"])
        self.relatives = set(lex.relative_pronouns)
        self.group_nouns = set(lex.participant_group_nouns)
        self.founder_roles = set(rel["founder_roles"])
        self.founder_markers = set(rel["founder_markers"])
        self.possessives = set(rel["possessive_pronouns"])
        self.possessive_genders = dict(rel["possessive_genders"])
        self.city_nouns = set(lex.city_nouns)
        self.destination = set(lex.destination_prepositions)
        self.source = set(lex.source_prepositions)
        self.ordinals = set(lex.role_ordinals)
        self.place_heads = set(lex.place_heads)
        self.district_nouns = set(lex.district_heads)
        self.anniversaries = set(lex.anniversary_nouns)
        self.ceremonies = set(lex.ceremony_nouns)
        self.composition = set(lex.composition_nouns)
        self.negations = set(lex.negations)
        self.honorifics = set(lex.honorifics)
        self.organisation_heads = set(lex.organisation_heads)
        self.qualifiers = set(lex.role_qualifiers)
        self.untimed = set(lex.untimed_qualifiers)
        self.confidence = lex.confidence
        for ext in ("memberships", "events", "relations"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    # --- helpers -----------------------------------------------------------
    def evidence(self, sent: Span, start: int, end: int, rule: str) -> Evidence:
        doc = sent.doc
        return Evidence(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), sent.start_char, sent.end_char,
                        rule, float(self.confidence.get(rule, 0.5)))

    def clauses(self, sent: Span) -> list[tuple[int, int]]:
        cuts, doc = [sent.start], sent.doc
        date_starts = set()  # where a date phrase begins: "1999", "w 1999"
        for d in doc.spans.get("dates", []):
            if sent.start < d.start < sent.end:
                date_starts.add(d.start)
                if doc[d.start - 1].lower_ in self.date_prepositions:
                    date_starts.add(d.start - 1)
        for t in sent:
            text, last = t.text, t.i + 1 == sent.end
            if text in (";", "–", "—") and t.i > sent.start and not (
                    doc[t.i - 1].like_num and not last and doc[t.i + 1].like_num):  # not "5–7 września"
                cuts.append(t.i + 1)
            elif text == "," and not last and (doc[t.i + 1].lower_ in self.conjunctions
                                               or lemma_set(doc[t.i + 1]) & self.relatives
                                               or t.i + 1 in date_starts and self._verb_follows(doc, t.i + 1, sent.end)):
                cuts.append(t.i + 1)  # "…, w 1999 objął obowiązki starosty": a clause of its own date
        cuts.append(sent.end)
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]

    @staticmethod
    def _verb_follows(doc: Doc, k: int, end: int) -> bool:
        """A finite past verb within the few words after k: the date opens a clause, not an apposition."""
        return any(past_genders(doc[j]) and any(a.pos == "praet" for a in analyses(doc[j]))
                   for j in range(k, min(end, k + 6)))

    def date_at(self, sent: Span, clause: tuple[int, int], quoted_year: bool = False) -> str | None:
        doc = sent.doc
        dates = [d for d in doc.spans["dates"] if sent.start <= d.start < sent.end]
        inside = [d for d in dates if clause[0] <= d.start < clause[1]]
        if inside:
            return inside[0]._.date
        if quoted_year:
            year = self.quoted_year(doc, *clause)
            if year:
                return year
        before = [d for d in dates if d.start < clause[0]]
        if before:
            return before[-1]._.date
        return doc[sent.start:sent.end]._.date_context

    @staticmethod
    def _quoted(sent: Span) -> set[int]:
        """Token indices inside quotation marks: a title („Miasta partnerskie w Europie”) states nothing."""
        inside, out = False, set()
        if not any(q in sent.text for q in QUOTES_OPEN):
            return out
        for t in sent:
            if t.text in QUOTES_OPEN and not inside:
                inside = True
            elif t.text in QUOTES_CLOSE and inside:
                inside = False
            elif inside:
                out.add(t.i)
        return out

    def quoted_year(self, doc: Doc, start: int, end: int) -> str | None:
        inside = False
        for t in doc[start:end]:
            if t.text in QUOTES_OPEN and not inside:
                inside = True
            elif t.text in QUOTES_CLOSE:
                inside = False
            elif inside and t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20"):
                return t.text
        return None

    # --- roles -------------------------------------------------------------
    def memberships(self, doc: Doc, sent: Span, mentions: dict[int, Span], entities, found: list[Membership],
                    relations: list[Relation], unresolved: list[Membership]) -> None:
        i = sent.start
        while i < sent.end:
            found_role = role_at(doc, i)
            role, end = found_role if found_role else (None, i + 1)
            if role is None or i in mentions:
                i += 1
                continue
            k = end
            while k < min(sent.end, end + 2) and doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k])):
                k += 1
            if k > end and k < sent.end and lemma_set(doc[k]) & self.city_nouns and doc[k].is_lower:
                end = k  # "prezydent zaprzyjaźnionego miasta X"
            if end < sent.end and lemma_set(doc[end]) & self.city_nouns and not self._mention_at(mentions, end, ("organisation",)):
                end += 1  # "Prezydent Miasta Lublin": the city is the name after "miasto"
                if end + 1 < sent.end and doc[end].lower_ == "i" and lemma_set(doc[end + 1]) & self.city_nouns:
                    end += 2  # "Burmistrz Gminy i Miasta X", "Miasta i Gminy X": one unit, named once
                while end < sent.end and doc[end].is_lower and any(a.pos == "adj" for a in analyses(doc[end])) \
                        and not self._mention_at(mentions, end, ("organisation", "place")):
                    end += 1  # "burmistrz miasta partnerskiego X"
                # "w Koszalinie prezydent miasta X": no name after it, the city is the one just named
                the_city = None if self._mention_at(mentions, end, ("organisation", "place")) else \
                    self._antecedent(doc, mentions, i, sent.start, ("place",))
                if the_city is not None and the_city._.base_form in lexicon().country_names:
                    the_city = None  # "ambasador Niemiec …, prezydent miasta X": a country is no city
            else:
                the_city = None
            end = after_portfolio(doc, end, sent.end)  # "wicemer ds. kultury X"
            org = self._mention_at(mentions, end, ("organisation", "place")) or the_city
            after = after_portfolio(doc, org.end, sent.end) if org is not None and org is not the_city else end
            if org is not None and after + 1 < sent.end and doc[after].lower_ in self.locative and \
                    self._mention_at(mentions, after + 1, ("place", "organisation")) is not None:
                after = mentions[after + 1].end  # "przewodniczący Rady Miejskiej w Nysie X": the seat, then the person
            if org is None and (named := self._named_before(doc, mentions, end, sent.end)) is not None:
                org, after = named, end + 1  # "dyrektora muzeum X": the museum the text has named
            while after < sent.end and doc[after].text.isupper() and len(doc[after].text) > 1 \
                    and doc[after].is_alpha and not self._mention_at(mentions, after, ("person",)):
                after += 1  # "dyr. Bałtyckiej Agencji Artystycznej BART Mariusz Łukasik", "prezes PTTK Jan Nowak":
                # the acronym, then the person
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
            person = None if after_dash and body is None else self._person_after(doc, mentions, past_date(doc, after, sent.end),
                                                                                  sent.end)  # "burmistrz X w latach 2002-2010 Y"
            if org is None and body is not None and person is not None:
                org = body  # "w imieniu Gminy X – starosta – Y"
            rule = "role-before-person"
            if person is not None and person.start > after and doc[self._before_honorifics(doc, person.start - 1, sent.start)].text == "," and \
                    (before := self._person_before(doc, mentions, i, sent.start)) is not None and not any(
                    (r := role_at(doc, k)) is not None and r[1] == before.start for k in range(max(sent.start, before.start - 3), before.start)):
                # "X, Burmistrz miasta Y, Z, …": a list of persons, the role X's; but in "burmistrz X, przewodniczący
                # Rady, Z" X has a role of their own and the next one is Z's
                person, rule = before, "role-apposition"
            if org is None and person is not None and i > sent.start and doc[i - 1].lower_ in self.possessives:
                org, rule = self._antecedent(doc, mentions, i - 1, 0, ("organisation",), self._genders(doc[i - 1])), \
                    "role-possessive"  # "Jej prezes, X,"
            if led_by and person is not None:  # "Instytut X, kierowany wówczas przez dyrektora Y"
                org, rule = self._antecedent(doc, mentions, i, sent.start, ("organisation",)), "role-led-by"
            office = i > sent.start and bool(lemma_set(doc[i - 1]) & self.office_nouns)  # "urząd prezydenta", "tytuł …"
            if person is None and office:
                k = self._past_adverbs(doc, after, sent.end)
                if k < sent.end and lemma_set(doc[k]) & self.office_verbs:  # "sprawował wtedy X"
                    person, rule = self._person_after(doc, mentions, self._past_adverbs(doc, k + 1, sent.end),
                                                      sent.end), "role-office"
            if person is None and unnamed is None:
                person, rule = self._person_before(doc, mentions, i, sent.start), "role-apposition"
            clause = next(c for c in self.clauses(sent) if c[0] <= i < c[1])
            if person is None and office:
                person, rule = self._recipient(doc, mentions, clause[0], i - 1), "role-conferred"
            verb = past_date(doc, after, sent.end)  # "Jego prezesem od 2004 r. jest X"
            if person is None and verb < sent.end and lemma_set(doc[verb]) & self.copulas:
                # "…, którego założycielem był X", "Prezesem Towarzystwa była wówczas X", "Jego dyrektorem był X"
                person = self._person_after(doc, mentions, self._past_role(doc, mentions, past_date(
                    doc, self._past_adverbs(doc, verb + 1, sent.end), sent.end), sent.end), sent.end)  # "był do 2005 r. X"
                rule = "role-copula"
                if org is None:
                    org = self._antecedent(doc, mentions, clause[0], sent.start, ("organisation",))
                    rule = "role-relative"
                if org is None and (owner := next((t for t in doc[clause[0]:i] if t.lower_ in self.possessives), None)):
                    org = self._antecedent(doc, mentions, sent.start, 0, ("organisation",), self._genders(owner))
                    rule = "role-possessive"
                if org is None and not role.municipal and person is not None:
                    org, rule = self._topic(doc, mentions, sent, i), "role-topic"  # "Pierwszym prezesem wybrano X"
                if org is None:
                    person = None
            if person is None and any(lemma_set(t) & self.copulas for t in doc[clause[0]:i]):
                person = next((m for m in self._sentence_mentions(mentions, sent) if m._.entity and m._.entity.startswith("person:")
                               and m.start < i), None)
                rule = "role-copula"
                if org is None and any(lemma_set(t) & self.relatives for t in doc[clause[0]:i]):
                    org = self._antecedent(doc, mentions, clause[0], sent.start, ("organisation",)) or \
                        self._antecedent(doc, mentions, clause[0], sent.start)
                    rule = "role-relative"
            if person is None and (verb := self._taking_office(doc, clause[0], i)) is not None:
                # "W 1998 uzyskał mandat radnego…, w 2006 został wybrany na burmistrza X": a biography's
                # subject, not named again, takes the office; the nearest person before, of the verb's gender
                person, rule = self._subject_before(doc, mentions, clause[0], past_genders(doc[verb])), "role-of-subject"
            if person is None:
                i = end
                continue
            side = sent.start
            if org is None and role.municipal:
                # "ze strony gości z X podpisali: …, a z naszej strony starosta Y": a side named anew ends the last one's
                side = max((k for k in range(sent.start, i) if "strona" in lemma_sets(doc)[k]), default=sent.start)
                org = self._place_of_unit(doc, mentions, side, i, self.unit_of_role.get(role.label)) \
                    or self._place_before(doc, mentions, max(clause[0], side), i)
                if org is not None:
                    rule = "role-context"
            org_key = org._.entity if org is not None else self._role_context(doc, sent, person, role, mentions, found)
            if org_key is None and unnamed is not None:  # "dyrektor miejskiego gimnazjum X": of no named body
                i = end
                continue
            if org_key is None and side > sent.start and self._antecedent(doc, mentions, side, sent.start, ("place",)):
                i = end  # "a z naszej strony starosta Y": the writer's own side, whose unit the sentence does not
                continue  # name, not the place of the side named before it
            if org_key is None:  # "z merem X na czele": the text may say later whose mayor X is; else, for
                topic = None if role.municipal else self._topic(doc, mentions, sent, i)  # an office of a body, the one
                unresolved.append(Membership(person._.entity, role, topic._.entity if topic else "",  # the text is about
                                             self.date_at(sent, clause),
                                             self.evidence(sent, min(i, person.start), max(end, person.end), "role-context")))
                i = end
                continue
            if org is None or org is the_city:
                rule = "role-context"
            span_start = min(i, person.start)
            span_end = max(after, person.end)
            untimed = i > sent.start and lemma_set(doc[i - 1]) & self.untimed  # "późniejszy przewodniczący"
            found.append(Membership(person._.entity, role, org_key, None if untimed else self.date_at(sent, clause),
                                    self.evidence(sent, span_start, span_end, rule)))
            if "Plur" in doc[i].morph.get("Number", [""])[0]:  # "Założycielami byli X oraz Y": each of them
                for other in self._coordinated(doc, mentions, person, sent.end):
                    evidence = self.evidence(sent, min(i, other.start), max(after, other.end), rule)
                    found.append(Membership(other._.entity, role, org_key, self.date_at(sent, clause), evidence))
                    if role.label in self.founder_roles and org_key.startswith("organisation:"):
                        relations.append(Relation(org_key, "founder", other._.entity, evidence))
            if role.label in self.founder_roles and org_key.startswith("organisation:"):
                relations.append(Relation(org_key, "founder", person._.entity,
                                              self.evidence(sent, span_start, span_end, "relation-founder")))
            i = end

    def _place_before(self, doc: Doc, mentions, start: int, i: int) -> Span | None:
        """ "w imieniu Bremy burmistrz X": the place named in the clause before a municipal role."""
        for j in range(i - 1, max(start, i - 6) - 1, -1):
            m = mentions.get(j)
            if m is not None and m._.entity and m._.entity.startswith("place:") and not (
                    m.start > 0 and doc[m.start - 1].lower_ in self.locative | self.destination) \
                    and not self._role_complement(doc, m):  # "w Opolu", "do Opola" is where, not whose; "prezydent
                return m  # Krakowa X i nadburmistrz Y": Kraków is X's
        return None

    @staticmethod
    def _subject_before(doc: Doc, mentions, start: int, genders: frozenset[str]) -> Span | None:
        """The nearest person named before `start` whose name can be of one of `genders` (by any of its
        words' readings: the chosen reading of a given name is not reliable, "Jan" read as a feminine noun)."""
        for j in range(start - 1, -1, -1):
            m = mentions.get(j)
            if m is not None and m.start == j and m._.entity and m._.entity.startswith("person:") and any(
                    UD_GENDERS.get(g) in genders for t in m for a in analyses(t) if a.pos == "subst" for g in a.genders):
                return m
        return None

    def _taking_office(self, doc: Doc, start: int, i: int) -> int | None:
        """The past verb of taking or holding an office before the role at i, with no subject of its own in
        between ("objął obowiązki starosty", "uzyskał mandat radnego", "został wybrany na burmistrza")."""
        for k in range(i - 1, max(start, i - 5) - 1, -1):
            if doc[k].ent_type_ or doc[k].text in ",;":
                return None
            if lemma_set(doc[k]) & (self.office_verbs | self.election_verbs) and past_genders(doc[k]):
                return k
        return None

    @staticmethod
    def _place_of_unit(doc: Doc, mentions, start: int, i: int, unit: str | None) -> Span | None:
        """ "umowę między gminą X a miastem Y podpisali wójt A i burmistrz B": of two places named before an
        office, its own unit's ("wójt" is of a gmina) is the one the office is of."""
        if unit is None:
            return None
        for j in range(i - 1, start, -1):
            m = mentions.get(j)
            if m is not None and m.start == j and m._.entity and (
                    m._.entity.startswith("place:") and unit in lemma_set(doc[j - 1])
                    or m._.entity.startswith("organisation:") and len(m) > 1 and unit in lemma_set(doc[j])):
                return m  # "gminą X", or the body named by its unit: "delegacja Gminy X na czele z wójtem Y"
        return None

    @staticmethod
    def _role_complement(doc: Doc, mention: Span) -> bool:
        """The mention completes a role noun before it ("prezydent Krakowa", "Prezydent Miasta Krakowa")."""
        return any((r := role_at(doc, k)) is not None and r[1] in (mention.start, mention.start - 1)
                   for k in range(max(0, mention.start - 3), mention.start))

    def _mention_at(self, mentions, i: int, kinds) -> Span | None:
        m = mentions.get(i)
        if m is not None and m.start == i and m._.entity and m._.entity.split(":")[0] in kinds:
            return m
        return None

    def _person_after(self, doc: Doc, mentions, i: int, end: int) -> Span | None:
        while i < end and (doc[i].text in (",", "–", "—", "-", ":") or doc[i].lower_ in self.honorifics
                           and not (i in mentions and mentions[i].start == i)):  # "P.ZARĘBA": an initial
            i += 1  # "a sekretarzem – mgr inż. X": a dash stands for the verb left out; "otrzymali: X, Y"
        return self._mention_at(mentions, i, ("person",))

    def _before_honorifics(self, doc: Doc, k: int, start: int) -> int:
        """The token at or before k that is no honorific ("…, Pani X": the comma)."""
        while k > start and doc[k].lower_ in self.honorifics:
            k -= 1
        return k

    def _past_adverbs(self, doc: Doc, i: int, end: int) -> int:
        """The first token from i that is no adverb, particle or parenthetical ("był wówczas X", "byli m.in. X")."""
        while i < end and (doc[i].pos_ in ("ADV", "PART") or doc[i].lower_ in self.parentheticals):
            i += 1
        return i

    def _coordinated(self, doc: Doc, mentions, person: Span, end: int) -> list[Span]:
        """Persons joined to this one by "i", "oraz" or commas."""
        out, k = [], person.end
        while k < end and doc[k].lower_ in (",", "i", "oraz", "a"):
            nxt = self._person_after(doc, mentions, k + 1, end)
            if nxt is None:
                break
            out.append(nxt)
            k = nxt.end
        return out

    def _topic(self, doc: Doc, mentions, sent: Span, i: int) -> Span | None:
        """The organisation the paragraph is about: the last one named before the role at i, in its
        sentence or the two before ("założenie Towarzystwa X; prezesem został Y")."""
        start = sent.start
        for _ in range(2):
            if start == 0:
                break
            start = doc[start - 1].sent.start
        return self._antecedent(doc, mentions, i, start, ("organisation",))

    def _led_by(self, doc: Doc, i: int, start: int) -> bool:
        """A participle of leading ("kierowany", "prowadzona") at i, after adverbs."""
        while i >= start and doc[i].pos_ in ("ADV", "PART"):
            i -= 1
        return i >= start and bool(lemma_set(doc[i]) & self.led_by)

    def _past_role(self, doc: Doc, mentions, i: int, end: int) -> int:
        """The first token after a role and its organisation at i ("został dyrektor Kopalni X inż. Y": the
        other role Y holds), or i."""
        if i < end and (other := role_at(doc, i)) is not None:
            k = other[1]
            return mentions[k].end if k < end and k in mentions and mentions[k].start == k else k
        return i

    def _named_before(self, doc: Doc, mentions, i: int, end: int) -> Span | None:
        """A lower-case organisation noun ("muzeum") standing for the nearest organisation with that head
        the text named before."""
        if i >= end or doc[i].text[:1].isupper():
            return None
        head = next((l for l in lemma_set(doc[i]) if l in self.organisation_heads), None)
        if head is None:
            return None
        earlier = [m for m in mentions.values() if m.end <= i and m._.entity and m._.entity.startswith("organisation:")
                   and m._.head == head]
        return max(earlier, key=lambda m: m.start, default=None)

    def _recipient(self, doc: Doc, mentions, start: int, i: int) -> Span | None:
        """ "wręczył Janowi Nowakowi tytuł Honorowego Obywatela": the person in the dative before a title."""
        for j in range(i - 1, start - 1, -1):
            m = mentions.get(j)
            if m is not None and m._.entity and m._.entity.startswith("person:") and (
                    "Dat" in doc[m.start].morph.get("Case", [""])[0] or any(t.text.endswith("owi") for t in m)):
                return m  # a dative SGJP knows, or a foreign name's -owi ("Jean-Pierre'owi")
        return None

    def _before_role(self, doc: Doc, i: int, start: int) -> int:
        """The token before the role at `i` and its qualifiers ("były", "II")."""
        j = i - 1
        while j >= start and (lemma_set(doc[j]) & self.qualifiers or doc[j].text in self.ordinals):
            j -= 1
        return j

    def _body_before_dash(self, doc: Doc, mentions, i: int, start: int) -> Span | None:
        """ "w imieniu Gminy X – starosta – Y": the dash follows a body, so the role is the next person's, of that body."""
        before = mentions.get(self._before_role(doc, i, start) - 1)
        return before if before is not None and not before._.entity.startswith("person:") else None

    def _after_dash(self, doc: Doc, i: int, start: int) -> bool:
        """ "X – burmistrz", "X - burmistrz" (a hyphen between spaces), "X (burmistrz)"."""
        j = self._before_role(doc, i, start)
        return j >= start and (doc[j].text in ("–", "—", "(") or doc[j].text == "-" and doc[j].whitespace_)

    def _person_before(self, doc: Doc, mentions, i: int, start: int, depth: int = 1) -> Span | None:
        """ "X, ówczesny burmistrz", "X – rektor UMK", "X (burmistrz)", and one apposition further:
        "X, radny Anagni, późniejszy przewodniczący Rady"."""
        j = self._before_role(doc, i, start)
        if j == i - 1 >= start and doc[i].text[:1].isupper() and not doc[i].is_upper \
                and (m := mentions.get(j)) is not None and m._.entity and m._.entity.startswith("person:"):
            return m  # "Gości przywitał Jan Lis Burmistrz Lipnika": official style, the office capitalised, no comma
        if j >= start and (doc[j].text == "," or self._after_dash(doc, i, start)):
            j -= 1
            m = mentions.get(j)
            if m is not None and m._.entity and m._.entity.startswith("person:"):
                return m
            if depth and m is not None:  # the complement of another role in apposition
                k = next((k for k in range(m.start - 1, max(start, m.start - 3) - 1, -1)
                          if (r := role_at(doc, k)) is not None and r[1] == m.start), None)
                if k is not None:
                    return self._person_before(doc, mentions, k, start, depth - 1)
        return None

    def _genders(self, possessive) -> frozenset[str]:
        """ "jego" → {Masc, Neut}, "jej" → {Fem}: the genders its antecedent may have."""
        return frozenset(self.possessive_genders.get(possessive.lower_, ()))

    @staticmethod
    def _gender_of(mention: Span) -> frozenset[str]:
        """The grammatical gender of a mention's head noun, when the morphology knows it."""
        head = next((t for t in mention if t.lemma_.lower() == mention._.head), mention[0])
        return frozenset(",".join(head.morph.get("Gender")).split(",")) - {""}

    def _antecedent(self, doc: Doc, mentions, clause_start: int, sent_start: int,
                    kinds=("organisation", "place"), genders: frozenset[str] = frozenset()) -> Span | None:
        depth = 0
        for j in range(clause_start - 1, sent_start - 1, -1):
            if doc[j].text == ")":
                depth += 1
            elif doc[j].text == "(":
                depth -= 1
            elif depth == 0 and j in mentions:
                m = mentions[j]
                if m._.entity and m._.entity.split(":")[0] in kinds and not (
                        genders and (own := self._gender_of(m)) and not own & genders):
                    return m
        return None

    @staticmethod
    def _sentence_mentions(mentions, sent: Span) -> list[Span]:
        """The mentions that start in the sentence, in order."""
        return [m for k in range(sent.start, sent.end) if (m := mentions.get(k)) is not None and m.start == k]

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

    # --- events ------------------------------------------------------------
    def events(self, doc: Doc, sent: Span, mentions, entities, found: list[Event], relations: list[Relation]) -> None:
        previous: Event | None = None
        for clause in self.clauses(sent):
            clause_mentions = [m for m in self._sentence_mentions(mentions, sent) if clause[0] <= m.start < clause[1]]
            best = self._trigger(doc, clause)
            if best is None:
                # an elliptical clause ("…, a w imieniu Y burmistrz Z") continues the event before it
                if previous is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[clause[0]:clause[1]]):
                    self._arguments(doc, sent, clause_mentions, entities, previous, None)
                continue
            trigger, etype = best
            if self._negated(doc, clause):
                continue  # "do podpisania umowy nie doszło", "delegacja nie przyjechała"
            if etype in self.weak and previous is not None and any(
                    lemma_set(t) & self.relatives for t in doc[clause[0]:clause[0] + 2]):
                self._arguments(doc, sent, clause_mentions, entities, previous, None)  # "przyjechał X, który spotkał
                continue  # się z Y": the meeting is the visit's
            subject = None
            if etype in self.once:  # what is founded or opened: not the council of a role ("otworzyła
                candidates = [m for m in clause_mentions if m._.entity.startswith("organisation:")  # wiceprzewodnicząca
                              and not self._role_complement(doc, m)]  # Rady Miasta")
                subject = next((m for m in candidates if trigger.i < m.start <= trigger.i + 4), None) or next(
                    (m for m in reversed(candidates) if trigger.i - 6 <= m.end <= trigger.i), None) or next(
                    (m for m in candidates[:1] if m.start == clause[0] and m.end < trigger.i), None)  # "Stowarzyszenie X
                # (…) z siedzibą w Y założyli w 1988 r.": the organisation that opens the clause
                if subject is None:
                    continue
            date = self.date_at(sent, clause, quoted_year=etype in self.quoted_types)
            if date is None:
                continue
            composition = trigger.i > clause[0] and bool(lemma_set(doc[trigger.i - 1]) & self.composition)
            just_told = bool(found) and found[-1].evidence.sentence_end >= sent.start_char - 2
            if composition and not just_told:
                continue  # "W skład delegacji wchodzili X": the group of no event told
            if (lemma_set(trigger) & self.ceremonies or composition) and just_told \
                    and (found[-1].date.startswith(date) or date.startswith(found[-1].date)):
                self._arguments(doc, sent, clause_mentions, entities, found[-1], None)  # "W uroczystości uczestniczyła X":
                continue  # the event just told
            event = Event(etype, date, trigger.text, subject=subject._.entity if subject is not None else None)
            self._arguments(doc, sent, clause_mentions, entities, event, trigger)
            if not event.locations and not event.participants and event.subject is None:
                continue
            rule = "event-organisation" if subject is not None else "event-trigger"
            start = min([trigger.i] + [m.start for m in clause_mentions])
            end = max([trigger.i + 1] + [m.end for m in clause_mentions])
            event.evidence = self.evidence(sent, start, end, rule)
            found.append(event)
            previous = event
            if etype == "Founding":
                for m in clause_mentions:
                    initiative = m.start > 0 and lemma_set(doc[m.start - 1]) & self.founder_markers or \
                        m.start > 1 and lemma_set(doc[m.start - 2]) & self.founder_markers
                    if m._.entity.startswith("person:") and (m.start < trigger.i or initiative):
                        relations.append(Relation(subject._.entity, "founder", m._.entity,
                                                  self.evidence(sent, m.start, max(subject.end, m.end), "relation-founder")))

    def _trigger(self, doc: Doc, clause: tuple[int, int]):
        """The clause's event trigger and type: the first strong one, else the first weak one; what is
        opened rather than the opening ("otwarto wystawę", "festiwal zainaugurował")."""
        best, found = None, []
        for t in doc[clause[0]:clause[1]]:
            if self.trigger_lemmas.isdisjoint(lemma_set(t)) or self._remembered(doc, t.i, clause[0]):
                continue  # no trigger; or "w X rocznicę podpisania": an event of the past, not of this clause
            for lemma in lemma_set(t):
                etype = self.triggers.get(lemma)
                if etype is None or (lemma in self.capitalised_only and not t.text[:1].isupper()):
                    continue
                found.append((t, etype))
                if best is None or (best[1] in self.weak and etype not in self.weak):
                    best = (t, etype)
                break
        if best is not None and best[1] == "Inauguration":
            opened = next((f for f in found if f[1] not in ("Inauguration", *self.weak) and f[0].pos_ == "NOUN"
                           and abs(f[0].i - best[0].i) <= 3), None)
            best = opened or best
        return best

    def _negated(self, doc: Doc, clause: tuple[int, int]) -> bool:
        """A clause whose verb is negated: "nie" before a verb."""
        return any(t.lower_ in self.negations and t.i + 1 < clause[1] and doc[t.i + 1].pos_ in ("VERB", "AUX")
                   for t in doc[clause[0]:clause[1]])

    def _remembered(self, doc: Doc, i: int, start: int) -> bool:
        """A word right after an anniversary noun ("rocznicę podpisania", "jubileuszu założenia")."""
        return i > start and bool(lemma_set(doc[i - 1]) & self.anniversaries)

    def _arguments(self, doc: Doc, sent: Span, clause_mentions, entities, event: Event, trigger) -> None:
        """Places after a locative preposition (or the object of a visit) are locations; persons,
        organisations and places acting through their people are participants."""
        for m in clause_mentions:
            kind = m._.entity.split(":")[0]
            prev = doc[m.start - 1].lower_ if m.start > sent.start else ""
            entity = entities[m._.entity]
            placelike = kind == "place" or entity.also_place
            visited = event.type == "Visit" and (prev in self.destination or trigger is not None and trigger.pos_ == "VERB"
                                                 and m.start == self._past_adverbs(doc, trigger.i + 1, sent.end))
            seat = m.start > sent.start + 1 and prev in self.locative and any(
                o.end == m.start - 1 and o._.entity and o._.entity.startswith("organisation:")
                and not (trigger is not None and o.start == trigger.i + 1) for o in clause_mentions)  # not "Targi Regionu X w Y"
            if seat:
                continue  # "przewodniczący Rady Miejskiej w Nysie": where the council sits, not the event
            # "w dzielnicy Czechów", "w mieście X": the preposition before the place noun
            named_place = m.start - 2 >= sent.start and bool(lemma_set(doc[m.start - 1]) & self.place_heads) \
                and doc[m.start - 2].lower_ in self.locative
            if placelike and (prev in self.locative or visited or named_place):
                event.locations.append(m._.entity)
            elif kind != "place" or self._group_before(doc, m, sent.start) or (
                    event.type in self.between_places and not entity.district):  # cities are parties, not districts
                if m._.entity != event.subject:
                    event.participants.append(m._.entity)
        event.locations = list(dict.fromkeys(event.locations))
        event.participants = list(dict.fromkeys(event.participants))

    def _group_before(self, doc: Doc, mention: Span, start: int) -> bool:
        """A place takes part in an event through its people: "delegacja X", "przedstawiciele miasta X"."""
        for k in (mention.start - 1, mention.start - 2):
            if k >= start and lemma_set(doc[k]) & self.group_nouns:
                return True
        return False

    def merge_events(self, events: list[Event]) -> list[Event]:
        """One event told twice becomes one: an organisation is founded (or inaugurated) once, and
        events of one type with compatible dates are the same event in neighbouring sentences, or
        anywhere in the text when they share a place or a participant (a news item tells its signing
        in the headline, the lead and the body); an agreement signed in a given month or on a given day is
        signed once, however differently the text names its sides; and what one sentence tells of one day is one
        event, of the strongest type its triggers give."""
        kept: list[Event] = []
        for e in events:
            twin = None
            for k in reversed(kept):
                if k.type != e.type and not (k.subject is None and e.subject is None and k.date == e.date
                                             and k.evidence.sentence_start == e.evidence.sentence_start):
                    continue
                if e.subject is not None and k.subject == e.subject:
                    twin = k
                    break
                close = abs(k.evidence.sentence_start - e.evidence.sentence_start) <= 1 or \
                    k.evidence.sentence_end >= e.evidence.sentence_start - 2 or \
                    not {*k.participants, *k.locations}.isdisjoint({*e.participants, *e.locations}) or \
                    k.type in self.between_places and k.date == e.date and len(k.date) >= 7
                compatible = k.date.startswith(e.date) or e.date.startswith(k.date)
                if e.subject is None and k.subject is None and close and compatible:
                    twin = k
                    break
            if twin is None:
                kept.append(e)
                continue
            if twin.type != e.type and twin.type in self.weak and e.type not in self.weak:
                twin.type, twin.trigger, twin.evidence = e.type, e.trigger, e.evidence  # a visit "aby zawrzeć porozumienie": a signing
            if (e.date[:4], -len(e.date)) < (twin.date[:4], -len(twin.date)):
                twin.date, twin.evidence, twin.trigger = e.date, e.evidence, e.trigger
            twin.participants = list(dict.fromkeys(twin.participants + e.participants))
            twin.locations = list(dict.fromkeys(twin.locations + e.locations))
        return kept

    # --- relations ---------------------------------------------------------
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
        twinning = [t.i for t in sent if t.lower_.startswith(self.twinning) and not self._of_institutions(doc, sent, t.i, ms)]
        agreement_between = False
        quoted = self._quoted(sent) if twinning else set()
        if any(i not in quoted for i in twinning):
            cities = self._cities(sent, [m for m in ms if m.start not in quoted], entities, memberships)
            following = sent
            for _ in range(2):  # "Rozmowy o partnerstwie… Porozumienie podpisano w X. Podpisali je prezydent X i burmistrz Y."
                if len(cities) >= 2 or following.end >= len(doc) or "\n\n" in doc[following.end - 1:following.end + 1].text:
                    break  # within the paragraph
                following = doc[following.end].sent
                cities = list(dict.fromkeys(cities + self._cities(following, self._sentence_mentions(mentions, following),
                                                                  entities, memberships)))
        elif self._cooperation_agreement(doc, sent):
            # the cities of the heads who signed it, or the two sides "między X i Y" (both of them towns)
            agreement_between = any(t.lower_ in self.between for t in sent)
            cities = self._cities(sent, ms if agreement_between else [], entities, memberships)
        else:
            cities = []
        # "miast partnerskich Leszna są: X, Y i Z": the city right after the word of partnership is the
        # sentence's host, the partner of each other one, whatever city the text names most
        host = next((m._.entity for i in twinning if i not in quoted and (m := mentions.get(i + 1)) is not None
                     and m.start == i + 1 and m._.entity in cities
                     and "Ins" not in doc[i].morph.get("Case")), None)  # "a miastami partnerskimi X oraz Y": partners
        pairs = self._twin_pairs(self._one_per_name(cities, entities), host or home)
        if agreement_between:
            pairs = self._between_pairs(doc, sent, mentions, cities)
        elif len(pairs) > 1 and (between := self._between_pairs(doc, sent, mentions, cities)):
            pairs = between
        for a, b in pairs:
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
                city = self._city_of_adjective(doc[m.start - 2], entities)
                if city and city != m._.entity:
                    found.append(Relation(m._.entity, "containedInPlace", city,
                                          self.evidence(sent, m.start - 2, m.end, "relation-district")))
            if m._.entity.startswith("organisation:") and m.end + 1 < sent.end and doc[m.end].lower_ in self.locative:
                place = self._mention_at(mentions, m.end + 1, ("place",))
                if place is not None:
                    found.append(Relation(m._.entity, "location", place._.entity,
                                          self.evidence(sent, m.start, place.end, "relation-location")))

    def _of_institutions(self, doc: Doc, sent: Span, i: int, sentence_mentions) -> bool:
        """A word of partnership about institutions, not towns: a word of an organisation's name
        ("Stowarzyszenie Przyjaciół Miast Partnerskich"), or next to an institution's noun ("szkoła partnerska",
        "partnerskiej szkoły"; not "rady partnerskiej gminy", where it is the town's)."""
        name = next((m for m in sentence_mentions if m.start <= i < m.end and m._.entity.startswith("organisation:")), None)
        if name is not None:
            return not lemma_set(doc[name.start]) & self.city_nouns  # "Gminą Partnerską X" is the town's own body
        after = doc[i + 1] if i + 1 < sent.end else None
        if after is not None and lemma_set(after) & self.institution_heads:
            return True
        return i - 1 >= sent.start and bool(lemma_set(doc[i - 1]) & self.institution_heads) \
            and not (after is not None and lemma_set(after) & self.city_nouns)

    def _between_pairs(self, doc: Doc, sent: Span, mentions, cities: list[str]) -> list[tuple[str, str]]:
        """ "umowa pomiędzy gminą X a miastem Y", "między gminami X i Y": the two sides the sentence names,
        not the place of the signing or the region either lies in; "pomiędzy Gminą X a Gminami Y, Z i W":
        X and each town of the list."""
        for t in sent:
            if t.lower_ not in self.between:
                continue
            a = self._side_after(doc, mentions, t.i + 1, sent.end)
            if a is None or a.end >= sent.end:
                continue
            joint = a.end
            if doc[joint].text == ",":  # "pomiędzy X, którą reprezentował wójt Y, a Z": past a clause of X's
                joint = next((k + 1 for k in range(joint + 1, min(sent.end - 1, joint + 15))
                              if doc[k].text == "," and doc[k + 1].lower_ in self.pair_conjunctions), joint)
            if doc[joint].lower_ not in self.pair_conjunctions:
                continue
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

    def _side_after(self, doc: Doc, mentions, i: int, end: int) -> Span | None:
        """The mention at `i`, or after at most three lower-case words ("francuskim miastem X")."""
        for k in range(i, min(end, i + 4)):
            if (m := mentions.get(k)) is not None:
                return m
            if not (doc[k].is_alpha and doc[k].is_lower or lemma_set(doc[k]) & self.city_nouns):  # "a Miastem X"
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

    @staticmethod
    def _organisation_in_context(m: Membership, memberships: list[Membership], city_mentions,
                                 sources=()) -> set[str]:
        """The organisation of a role named without one: the one the person holds elsewhere in the text;
        for a mayor, the one city the sentence names that no other office there is of ("w Witten burmistrz
        X i burmistrz Tczewa Y"); else that of the role just before in the same sentence ("prezesem X był A,
        a sekretarzem B"), else the last one named before for that role (for a mayor the last one first:
        two mayors in a sentence are two cities', "prezydent Krakowa X i nadburmistrz Y"); a mayor's is a
        place, never a council or a society; else the organisation of the paragraph ("Zarząd w składzie:
        prezes – X"). A mayor's is rather the place a delegation came from, when it is named closer
        before than the last mayor ("delegacja z gminy X w składzie: Y – burmistrz", `sources`)."""
        known = {k.organisation for k in memberships if k.person == m.person and k.role == m.role}
        same_sentence = [k for k in memberships if k.evidence.sentence_start == m.evidence.sentence_start]
        if not known and m.role.municipal:
            named = {key for at, key in city_mentions if m.evidence.sentence_start <= at < m.evidence.sentence_end}
            named -= {k.organisation for k in same_sentence}
            known = named if len(named) == 1 and same_sentence else set()
        parallel = [k for k in same_sentence if k.evidence.start < m.evidence.start]
        earlier = [k for k in memberships if k.role == m.role and k.evidence.start < m.evidence.start]
        source = max(((at, key) for at, key in sources if at < m.evidence.start), default=None)
        if m.role.municipal and source is not None and not known and all(k.evidence.start < source[0] for k in earlier):
            known = {source[1]}
        options = [[parallel[-1]] if parallel else [], [max(earlier, key=lambda k: k.evidence.start)] if earlier else []]
        for option in (reversed(options) if m.role.municipal else options):
            if not known:
                known = {k.organisation for k in option}
        if m.role.municipal:
            known = {k for k in known if k.startswith("place:")}
        if not known and m.organisation:
            known = {m.organisation}
        return known

    def _from_place(self, doc: Doc, first: int) -> bool:
        """A place named as where someone comes from: "z Vrbna", "z gminy Vrbno", "delegacja gminy Vrbno",
        "przedstawiciele władz miasta X"."""
        j = first - 1
        if j > 0 and lemma_set(doc[j]) & self.city_nouns:
            j -= 1
        return j >= 0 and (doc[j].lower_ in self.source or j < first - 1 and bool(lemma_set(doc[j]) & self.delegation_nouns))

    def _cooperation_agreement(self, doc: Doc, sent: Span) -> bool:
        """ "umowę o współpracy", "porozumienie o współpracy kulturalnej", "list intencyjny w sprawie współpracy"."""
        sets = lemma_sets(doc)
        for i in range(sent.start, sent.end):
            if self.agreements.isdisjoint(sets[i]):
                continue
            k = i + 1
            while k < min(sent.end, i + 3) and doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k])):
                k += 1  # "list intencyjny"
            if k + 2 < sent.end and doc[k].lower_ == "w" and doc[k + 1].lower_ == "sprawie":
                k += 1  # "w sprawie współpracy"
            if k + 1 < sent.end and doc[k].lower_ in ("o", "sprawie") and doc[k + 1].lower_.startswith(self.cooperation):
                return True
        return False

    def _cities(self, sent: Span, sentence_mentions, entities, memberships: list[Membership]) -> list[str]:
        """Cities a sentence names: its places and the places of the roles it states. Not districts, not
        countries or continents, and not the region a city is said to lie in ("miasto X w Y", "X (Y)")."""
        doc = sent.doc
        lex = self.lex
        cities = []
        for m in sentence_mentions:
            entity = entities.get(m._.entity)
            if not (m._.entity.startswith("place:") or entity is not None and entity.also_place and entity.head in self.unit_nouns):
                continue  # a place, or a body named by its unit ("Gminą X", "Powiat Y")
            if entity is not None and entity.name.split()[0].lower() in self.no_settlement:
                continue  # "Republika Słowacka", "Morze Bałtyckie"
            before = m.start - 1
            if before >= sent.start and doc[before].lower_ in lex.waterside_prepositions:
                continue  # "nad Wisłokiem": a river
            if before >= sent.start and doc[before].is_lower and lemma_set(doc[before]) & self.not_a_town_nouns:
                continue  # "rzeki Wisłok", "z regionu Frosinone": a river, a region, named by its noun
            if before > sent.start and (doc[before].lower_ in self.locative or doc[before].text == "(") \
                    and any(n.end == before and n._.entity.startswith("place:") for n in sentence_mentions):
                continue
            cities.append(m._.entity)
        cities += [m.organisation for m in memberships if sent.start_char <= m.evidence.start < sent.end_char
                   and m.organisation.startswith("place:")]
        return [c for c in dict.fromkeys(cities) if (entity := entities.get(c)) is not None and not entity.district
                and self.not_towns.isdisjoint(entity.names)]

    def _one_unit(self, a: str, b: str) -> bool:
        """Two names of one town or county: their first words after a unit's noun ("Gmina", "Powiat") are one
        word, inflected ("Powiat Olsztyński", "Powiaty Olsztyńskiego"; "Gmina Krościenko", "Krościenko nad
        Dunajcem")."""
        def first_word(name: str) -> str:
            words = [w for w in fold(name).split() if not w.startswith(tuple(u[:4] for u in self.unit_nouns))]
            return words[0] if words else ""
        return one_word_inflected(first_word(a), first_word(b), stem=5)

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

    @staticmethod
    def _twin_pairs(cities: list[str], home: str | None) -> list[tuple[str, str]]:
        """Two cities of a sentence about partnership are partners. Of more, the text's home city (the
        place it names most) is the partner of each other one: the others are its partners, or
        neighbours named with it ("X, Y i Z mają miasta partnerskie we Francji"), not each other's."""
        if len(cities) > 2 and home in cities:
            return [(home, c) for c in cities if c != home]
        return [(cities[a], cities[b]) for a in range(len(cities)) for b in range(a + 1, len(cities))]

    def _city_of_adjective(self, token, entities) -> str | None:
        """ "krakowskiej" → the place "Kraków" named elsewhere in the document."""
        for a in analyses(token):
            if a.pos != "adj":
                continue
            stem = fold(a.lemma)
            for suffix in ("ski", "cki", "dzki", "ki", "i"):
                if stem.endswith(suffix):
                    stem = stem[: -len(suffix)]
                    break
            if len(stem) < 4:
                continue
            for key, e in entities.items():
                if e.kind == "place" and not e.district and fold(e.name).startswith(stem[:-1]) and abs(len(fold(e.name)) - len(stem)) <= 3:
                    return key
        return None

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.entities or {}
        mentions: dict[int, Span] = {}
        for span in doc.ents:
            if span._.entity:
                for k in range(span.start, span.end):
                    mentions[k] = span
        memberships: list[Membership] = []
        events: list[Event] = []
        relations: list[Relation] = []
        sentences = list(doc.sents)
        unresolved: list[Membership] = []
        for sent in sentences:  # roles first: relations look at the roles of the next sentence too
            self.memberships(doc, sent, mentions, entities, memberships, relations, unresolved)
        countries = {k for k, e in entities.items() if e.kind == "place" and not self.not_towns.isdisjoint(e.names)}
        towns = [s for s in doc.ents if s._.entity and s._.entity.startswith("place:")
                 and not entities[s._.entity].district and s._.entity not in countries]
        city_mentions = [(s.start_char, s._.entity) for s in towns]
        sources = [(s.start_char, s._.entity) for s in towns if self._from_place(doc, s.start)]
        for m in unresolved:
            known = self._organisation_in_context(m, memberships, city_mentions, sources)
            if len(known) == 1:
                memberships.append(Membership(m.person, m.role, known.pop(), m.date, m.evidence))
        # a mayor, a councillor, a school's director is never a country's ("delegacja z Niemiec: burmistrz X")
        memberships = [m for m in memberships if not (m.organisation in countries and m.role.label in self.local_roles)]
        named = Counter(entity for _start, entity in city_mentions)
        home = named.most_common(1)[0][0] if named else None
        for sent in sentences:
            self.events(doc, sent, mentions, entities, events, relations)
            self.relations(doc, sent, mentions, entities, memberships, relations, home)
        doc._.memberships = memberships
        doc._.events = self.merge_events(events)
        doc._.relations = relations
        return doc
