"""What the fact components share: the records of facts and a reader of sentences whose entities are known.

One component per fact family reads them (`roles.py`, `events.py`, `relations.py`). Each fact carries
its evidence: the character span of the words it rests on, the sentence, the rule and the rule's
confidence. Results go to `doc._.memberships`, `doc._.events` and `doc._.relations`.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from .gazetteer import VILLAGE, gazetteer
from .dates import bracketed_date
from .name_words import LINE_BULLETS, ORG, PLACE, QUOTES_CLOSE, QUOTES_OPEN, is_country, partnership_text
from .lexicon import Role, lexicon
from .morphology import FINITE_VERB_TAGS, analyses, lemma_set
from .names import DASHES, fold, generic_organisation, role_at
from .segmenter import ITEM_STOPS


UD_GENDERS = {"m1": "Masc", "m2": "Masc", "m3": "Masc", "f": "Fem", "n1": "Neut", "n2": "Neut", "n": "Neut"}
UD_GENDERS_ALL = frozenset(UD_GENDERS.values())


def past_genders(token) -> frozenset[str]:
    """The genders a past verb or passive participle agrees with ("objął": Masc, "wybrana": Fem); none for
    any other word."""
    return frozenset(UD_GENDERS[g] for a in analyses(token) if a.pos in ("praet", "ppas") and "sg" in a.numbers
                     for g in a.genders if g in UD_GENDERS)


def finite_verb(token) -> bool:
    """A verb that makes a clause (FINITE_VERB_TAGS)."""
    return any(a.pos in FINITE_VERB_TAGS for a in analyses(token))


def signature_mark(doc: Doc, i: int, end: int) -> bool:
    """Token i is part of the mark that stands for a signature in a signed copy: "/-/" or "(-)"."""
    t = doc[i].text
    return t == "/-/" or t == "(" and i + 2 < end and doc[i + 1].text in DASHES and doc[i + 2].text == ")" \
        or t == ")" and i >= 2 and doc[i - 1].text in DASHES and doc[i - 2].text == "("


def in_brackets(doc: Doc, span: Span) -> bool:
    """The span stands in brackets opened before it in its sentence and not closed between."""
    for k in range(span.start - 1, span.sent.start - 1, -1):
        if doc[k].text == ")":
            return False
        if doc[k].text == "(":
            return True
    return False


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
    predicate: str        # twinnedWith, successorOf, founder, managedBy, containedInPlace, location, subOrganizationOf
    object: str
    evidence: Evidence


for _extension in ("memberships", "events", "relations"):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=None)


def mention_index(doc: Doc) -> dict[int, Span]:
    """Each token of a linked entity mention → that mention."""
    mentions: dict[int, Span] = {}
    for span in doc.ents:
        if span._.entity:
            for k in range(span.start, span.end):
                mentions[k] = span
    return mentions


def town_mentions(doc: Doc, entities, not_town, units=()) -> tuple[set[str], list[Span]]:
    """The document's countries (entity keys), and its mentions of places that are towns: no district, no country;
    also of a town or county named as one of `units` ("Gmina X" and "X", one entity acting as a body)."""
    countries = {k for k, e in entities.items() if e.kind == "place" and not_town(e)}
    towns = [s for s in doc.ents if s._.entity and s._.entity not in countries and (
             s._.entity.startswith("place:") and not entities[s._.entity].district
             or entities[s._.entity].also_place and entities[s._.entity].head in units)
             and not _named_by_common_noun(doc, s.start)]
    return countries, towns


def _named_by_common_noun(doc: Doc, i: int) -> bool:
    """A name after a lower-case noun of a feature or a body ("jeziora Lipno", "chóru Kantata"): no town."""
    return i > 0 and doc[i - 1].is_lower and bool(lemma_set(doc[i - 1]) & lexicon().no_town_nouns)


def home_town(doc: Doc, entities, not_town, units, partners: frozenset = frozenset(), sections=()) -> str | None:
    """The town (or unit among `units`) the text names most: the one it is about, its writer's own; not one it
    calls a partner (`partners`), nor one GeoNames knows only abroad (a Polish page's own town is Polish),
    unless it names no other; not counting what the sections of partners (token ranges) name, if any other."""
    mentioned = town_mentions(doc, entities, not_town, units)[1]
    mentioned = [s for s in mentioned if not any(a <= s.start < b for a, b in sections)] or mentioned
    named = town_counts(mentioned, entities, units)
    own = Counter({k: n for k, n in named.items() if k not in partners}) or named
    far = placed_abroad(doc, mentioned)
    own = Counter({k: n for k, n in own.items() if not abroad(entities[k], units) and k not in far}) or own
    return own.most_common(1)[0][0] if own else None


def placed_abroad(doc: Doc, towns: list[Span]) -> set[str]:
    """The towns the text places in a country other than the writer's ("w Bardejowie na Słowacji", "Colditz
    (Niemcy)"): abroad unless GeoNames knows a town larger than a village of that name at home ("mer X, miasta
    partnerskiego Włocławka na Ukrainie": the country is X's)."""
    entities, units = doc._.entities or {}, lexicon().city_nouns
    out = set()
    for s in towns:
        k = s.end + (s.end < len(doc) and doc[s.end].lower_ in ("w", "we", "na", "("))
        if s.end < k < len(doc) and foreign_country(doc[k]) \
                and not (s._.entity in entities and town_at_home(entities[s._.entity], units)):
            out.add(s._.entity)
    return out


def foreign_country(t) -> bool:
    """A country's name other than the writer's own ("na Ukrainie", not "w Polsce")."""
    home = lexicon().home_countries
    return is_country(t) and t.text not in home and not any(a.lemma in home for a in analyses(t))


def _home_town_size(name: str) -> int | None:
    """The people of the largest town of this name GeoNames knows at home; None for none."""
    return max((e.population for e, _how in gazetteer().places(name) if e.country in gazetteer().home), default=None)


def town_counts(mentioned: list[Span], entities, units) -> Counter:
    """Mentions per town, "Gmina X" (a unit acting as a body) counted with the place X when the text names both:
    "Gminę Lipowiec" twice and "Lipowiec" once are three mentions of one town, not fewer than a village's two."""
    places = {fold(e.name): k for k, e in entities.items() if k.startswith("place:")}
    named = Counter()
    for s in mentioned:
        key = s._.entity
        if not key.startswith("place:") and entities[key].also_place:
            key = places.get(fold(_town_name(entities[key], units)), key)
        named[key] += 1
    return named


def _town_name(entity, units) -> str:
    """The town's name of a town or of a unit named by it ("Gmina X": X)."""
    first, _, rest = entity.name.partition(" ")
    return rest if rest and first.lower() in units else entity.name


FAR_LARGER = 10   # a namesake at home no larger than a village, and a town abroad at least this many times larger:
#                   the text names the town abroad


def abroad(entity, units) -> bool:
    """A town (or "Gmina X") GeoNames knows only outside the writer's country, or there as a village only and
    abroad as a town many times its size ("Konotop" of a Ukrainian partner, not the Polish village)."""
    return _sides(_town_name(entity, units)) == "abroad"


def countries_abroad(entity, units) -> frozenset[str]:
    """The countries of the towns abroad GeoNames knows by the town's name, when it is abroad (else none)."""
    name = _town_name(entity, units)
    if _sides(name) != "abroad":
        return frozenset()
    home = gazetteer().home
    return frozenset(e.country for e, how in gazetteer().places(name) if how == "name" and e.country not in home)


def at_home(entity, units) -> bool:
    """A town (or "Gmina X") GeoNames knows in the writer's country, and not only as a village beside a far larger
    town abroad."""
    return _sides(_town_name(entity, units)) == "home"


def town_at_home(entity, units) -> bool:
    """A town GeoNames knows in the writer's country as larger than a village ("Lublin", not the village
    "Głębokie" beside the Belarusian town)."""
    return (_home_town_size(_town_name(entity, units)) or 0) > VILLAGE


@lru_cache(maxsize=20_000)
def _sides(name: str) -> str | None:
    """ "home", "abroad", or None for a name GeoNames does not know."""
    home = _home_town_size(name)
    away = max((e.population for e, how in gazetteer().places(name) if e.country not in gazetteer().home), default=None)
    if home is None:
        return "abroad" if away is not None else None
    return "abroad" if away is not None and home <= VILLAGE and away >= FAR_LARGER * max(home, 1) else "home"


def list_number(doc: Doc, i: int, end: int) -> bool:
    """An item's number in a list run into one line ("radni: 1. X 2. Y"), as the segmenter found them."""
    return i + 2 < end and i + 1 in doc.user_data.get(ITEM_STOPS, ())


def most_named_body(doc: Doc, entities, standing_out: bool = False) -> Span | None:
    """The first mention of the organisation the text names most: the body it is about; with `standing_out`, only
    one named more than any other, and no body every town has ("Rada Miejska", "OSP")."""
    counts = Counter(s._.entity for s in doc.ents if (s._.entity or "").startswith("organisation:")
                     and s._.entity in entities and not entities[s._.entity].also_place
                     and not (standing_out and generic_organisation(entities[s._.entity].name)))
    top = counts.most_common(2)
    if not top or standing_out and len(top) == 2 and top[0][1] == top[1][1]:
        return None
    return next(s for s in doc.ents if s._.entity == top[0][0])


def home_unit(doc: Doc, entities, unit: str) -> str | None:
    """The one unit of this kind ("powiat") the text names by its name ("powiatu kętrzyńskiego"), if it names
    only one: of two partner counties, the one named most is as often the guest's as the writer's."""
    named = {s._.entity for s in doc.ents if s._.entity in entities and entities[s._.entity].head == unit}
    return named.pop() if len(named) == 1 else None


class FactReader:
    """Reading a sentence's clauses, dates and mentions: what every fact family asks of a sentence."""

    def __init__(self):
        lex = lexicon()
        self.lex = lex
        rel = lex.relations
        self.confidence = lex.confidence
        self.date_prepositions = set(lex.date_prepositions)
        self.term_words = set(lex.term_words)
        self.life_date_markers = set(lex.life_date_markers)
        self.conjunctions = set(rel["clause_conjunctions"])
        self.continuers = set(rel["clause_continuers"])
        self.relatives = set(lex.relative_pronouns)
        self.honorifics = set(lex.honorifics)
        self.honorific_lemmas = frozenset(lex.honorific_lemmas)
        self.rank_honorifics = frozenset(lex.rank_honorifics)
        self.parentheticals = set(rel["parentheticals"])
        self.led_by = set(rel["led_by_verbs"])
        self.locative = set(lex.locative_prepositions)
        self.not_towns = lex.country_names | set(lex.continents)
        self.state_heads = set(lex.state_heads)
        # words more than one fact family reads
        self.successors = set(rel["successor_nouns"])
        self.predecessors = set(rel["predecessor_nouns"])
        self.copulas = set(rel["copula_verbs"])
        self.belonging = frozenset(rel["belonging_verbs"])
        self.founder_roles = frozenset(rel["founder_roles"])  # roles whose holder founded the body
        self.office_verbs = set(rel["office_verbs"])
        self.conferring_verbs = set(rel["conferring_verbs"])
        self.possessives = set(rel["possessive_pronouns"])
        self.city_nouns = set(lex.city_nouns)
        self.destination = set(lex.destination_prepositions)
        self.territorial_heads = set(lex.territorial_heads)
        self.unit_nouns = self.territorial_heads | self.city_nouns  # "Gminą X", "Powiat Y": a town's body
        self.agreement_nouns = frozenset(rel["cooperation_agreements"])
        self.cooperation_topics = frozenset(rel["cooperation_topics"])
        self.council_names = tuple(lex.council_names)
        self.council_words = frozenset(fold(w)[:5] for w in lex.council_unit_words)
        self.twinning = tuple(rel["twinning_stems"])
        self.regions = frozenset(lex.regions)

    def unit_of_body(self, key: str, entities) -> str | None:
        """ "Rada Powiatu Konińskiego" → the unit "Powiat Koniński" the text names: a body of a territorial unit."""
        body = entities.get(key)
        if body is None or body.kind != "organisation" or body.also_place:
            return None
        words = fold(body.name).split()[1:]
        for unit_key, unit in entities.items():
            named = fold(unit.name).split()
            if unit.also_place and unit.head in self.territorial_heads and len(named) >= 2 and any(
                    all(w[:5] == n[:5] for w, n in zip(words[k:], named)) and len(words) - k >= len(named)
                    for k in range(len(words))):
                return unit_key
        return None

    def town_of_council(self, key: str, entities) -> str | None:
        """ "Rada Gminy X", "Rada Miasta Y": the town (or its unit) whose council it is, where the text names it."""
        body = entities.get(key)
        if body is None or body.kind != "organisation" or body.also_place:
            return None
        name = fold(body.name)
        council = next((c for c in self.council_names if name.startswith(c + " ")), None)
        if council is None and name.startswith("sejmik "):
            return self.unit_of_body(key, entities)
        rest = name[len(council or "rada"):].split() if council or name.startswith("rada ") else None
        if not rest or council is None and rest[0][:5] in self.council_words:
            return None  # "Rada Mikołajewa": a council by its town's name alone, as foreign councils are written;
            # not "Rada Miejska", "Rada Gminna": a council of a unit the name does not tell
        for town_key, town in entities.items():
            if town_key != key and (town.kind == "place" or town.also_place and council is not None):
                named = fold(town.name).split()
                named = named[1:] if town.also_place and len(named) > 1 else named  # "Gmina X": X
                if len(named) == len(rest) and all(w[:5] == n[:5] for w, n in zip(rest, named)):
                    return town_key
        return None

    def section_towns(self, doc: Doc, mentions, entities) -> list[tuple[int, int, str]]:
        """(start, end, town) of each line that is a town's name alone and opens a section telling of an agreement
        ("Lizbona", a description, "Umowę podpisano 3 marca 2009 roku"): a page of partner towns, one section
        each, two at least. A section ends at the next such line. Remembered per document: events and relations
        both read it."""
        found = doc.user_data.get("kronika.section_towns")
        if found is None:
            found = doc.user_data["kronika.section_towns"] = self._section_towns(doc, mentions, entities) \
                if partnership_text(doc) else []
        return found

    def _section_towns(self, doc: Doc, mentions, entities) -> list[tuple[int, int, str]]:
        heads = []
        for sent in doc.sents:
            words = [t for t in sent if not (t.is_space or t.is_punct)]
            town = mentions.get(words[0].i) if words else None
            if town is None or town.start != words[0].i or town.end <= words[-1].i or town._.entity not in entities \
                    or sent.start > 0 and "\n" not in doc[sent.start - 1].text:
                continue
            entity = entities[town._.entity]
            if (entity.kind == "place" or entity.also_place) and not self.not_town(entity):
                heads.append((town.start, town._.entity))
        found = []
        for n, (start, town) in enumerate(heads):
            end = heads[n + 1][0] if n + 1 < len(heads) else len(doc)
            if any(lemma_set(t) & self.agreement_nouns for t in doc[start:end]):
                found.append((start, end, town))
        return found if len(found) >= 2 else []  # one such line may be the page's own title

    def dated_partners(self, doc: Doc, mentions, entities) -> list[tuple[Span, Span]]:
        """(town, date) for each town named with a date in brackets in a text of partnership: "Są to: X (12.05.1990
        r.), Y (3.06.1999 r.) i Z (od 2001 r.)", the date of each partner's agreement; or after a date and before
        its country: "od 1993 r. X (Niemcy)". Remembered per document: events and relations both read it."""
        found = doc.user_data.get("kronika.dated_partners")
        if found is None:
            found = doc.user_data["kronika.dated_partners"] = self._dated_partners(doc, mentions, entities) \
                if partnership_text(doc) else []
        return found

    def _dated_partners(self, doc: Doc, mentions, entities) -> list[tuple[Span, Span]]:
        found = []
        for k, town in mentions.items():
            if k != town.start or town._.entity not in entities or (date := bracketed_date(doc, town.end)) is None:
                continue
            entity = entities[town._.entity]
            if (entity.kind == "place" or entity.also_place) and not self.not_town(entity):
                found.append((town, date))
        for date in doc.spans.get("dates", []):  # "kolejno to: od 1993 r. X (Niemcy), od 1999 r. Y (Litwa)"
            at = date.end + (date.end < len(doc) and doc[date.end].lower_ in ("r.", "roku"))
            town = mentions.get(at)
            if town is None or town.start != at or town._.entity not in entities or town.end + 2 >= len(doc) \
                    or doc[town.end].text != "(" or doc[town.end + 2].text not in (")", ",") \
                    or not any(t.text == ")" for t in doc[town.end + 2:town.end + 10]):
                continue  # "(Niemcy)", "(Czechy, kraj hradecki)": a country first in the brackets
            country, entity = mentions.get(town.end + 1), entities[town._.entity]
            if country is not None and country._.entity in entities and self.not_town(entities[country._.entity]) \
                    and entity.kind == "place" and not self.not_town(entity):
                found.append((town, date))
        for k, town in mentions.items():  # "dołączyły X – Ukraina (1992), Y i Z – Rosja (1994)": a year after a country
            if k != town.start or town._.entity not in entities or town.end + 1 >= len(doc) \
                    or doc[town.end].text not in ("–", "—", "-") or (country := mentions.get(town.end + 1)) is None \
                    or country.start != town.end + 1 or country._.entity not in entities \
                    or not self.not_town(entities[country._.entity]) \
                    or (date := bracketed_date(doc, country.end)) is None:
                continue
            towns = [town]
            joined = town.start > 1 and doc[town.start - 1].lower_ in ("i", "oraz")
            before = mentions.get(town.start - 2) if joined else None
            if before is not None and before.end == town.start - 1:
                towns.insert(0, before)  # "Kaliningrad i Bałtyjsk – Rosja (1994)": both
            for t in towns:
                entity = entities.get(t._.entity)
                if entity is not None and entity.kind == "place" and not self.not_town(entity):
                    found.append((t, date))
        for date in doc.spans.get("dates", []):  # a line "z X – w 1996;": a partner and the year of its agreement
            if (town := self._town_of_dated_line(doc, mentions, entities, date)
                    or self._town_after_dated_line_start(doc, mentions, entities, date)) is not None:
                found.append((town, date))
        return found

    def _town_after_dated_line_start(self, doc: Doc, mentions, entities, date: Span) -> Span | None:
        """The town a line names right after the date that opens it, in a list after an intro of agreements
        ("podpisała umowy o współpracy:" / "1996 r. X" / "- w 2000 r. z Gminą Y"): the partner of that year's."""
        k = date.start - (date.start > 0 and doc[date.start - 1].lower_ in self.date_prepositions)
        while k > 0 and (doc[k - 1].text in DASHES or doc[k - 1].text in LINE_BULLETS):
            k -= 1
        if k > 0 and not (doc[k - 1].is_space or "\n" in doc[k - 1].whitespace_):
            return None
        at = date.end + (date.end < len(doc) and doc[date.end].lower_ in ("r.", "roku"))
        at += at < len(doc) and doc[at].is_space and "\n" not in doc[at].text  # "1996 r.  X": a space doubled
        at += at < len(doc) and doc[at].lower_ in ("z", "ze")
        town = mentions.get(at)
        if town is None or town.start != at or town._.entity not in entities:
            return None
        entity = entities[town._.entity]
        if not (entity.kind == "place" or entity.also_place) or self.not_town(entity):
            return None
        intro = next((j for j in range(k - 1, max(-1, k - 80), -1) if doc[j].text == ":"), None)
        between = doc[intro + 1:k].text if intro is not None else ""
        return town if intro is not None and "\n" in between and not any(
            line.strip() and not (line.strip()[:1] in DASHES or line.strip()[:1] in LINE_BULLETS
                                  or line.strip()[:1].isdigit()) for line in between.split("\n")[1:]) \
            and any(lemma_set(t) & self.agreement_nouns for t in doc[intro].sent) else None

    def _town_of_dated_line(self, doc: Doc, mentions, entities, date: Span) -> Span | None:
        """The town a line names before a dash and a date, nothing else on the line ("z Vreden – w 1997;",
        "Tielt – 1998")."""
        k = date.start - (date.start > 0 and doc[date.start - 1].lower_ in self.date_prepositions)
        after = date.end + (date.end < len(doc) and doc[date.end].lower_ in ("r.", "roku"))
        if k < 2 or doc[k - 1].text not in ("–", "—", "-") or not (
                after >= len(doc) or doc[after].text in (";", ",", ".") or "\n" in doc[after - 1].whitespace_
                or doc[after].is_space):
            return None
        town = mentions.get(k - 2)  # the mention that ends right before the dash
        if town is None or town.end != k - 1 or town._.entity not in entities:
            return None
        first = town.start - (town.start > 0 and doc[town.start - 1].lower_ in ("z", "ze"))
        entity = entities[town._.entity]
        line_start = first == 0 or doc[first - 1].is_space or "\n" in doc[first - 1].whitespace_ \
            or doc[first - 1].text == ";"
        return town if line_start and entity.kind == "place" and not self.not_town(entity) else None

    def is_council(self, entity) -> bool:
        """A town's, gmina's or county's council, by its name's start ("Rada Miejska w X", "Rada Gminy Y")."""
        return entity.kind == "organisation" and fold(entity.name).startswith(self.council_names)

    def not_town(self, entity) -> bool:
        """A country or a continent, by its name or by a state's first word ("Republika Czeska"); a river or a lake
        the text names only as what a town lies on ("nad X")."""
        return not self.not_towns.isdisjoint(entity.names) or entity.name.split()[0].lower() in self.state_heads \
            or entity.kind == "place" and entity.waterside

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
                                               and not (t.i + 2 < sent.end and doc[t.i + 2].lower_ in self.continuers)
                                               or lemma_set(doc[t.i + 1]) & self.relatives
                                               or t.i + 1 in date_starts and self._verb_follows(doc, t.i + 1, sent.end)):
                cuts.append(t.i + 1)  # "…, w 1999 objął obowiązki starosty": a clause of its own date
        cuts.append(sent.end)
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]

    @staticmethod
    def dating_clause(sent: Span, clause: tuple[int, int], at: int) -> tuple[int, int]:
        """The part of the clause around token `at` that a date of its own belongs to: "Współpraca rozpoczęła się
        w 2003 roku, porozumienie podpisano 9 października 2004 r.": a comma with a verb on each side (up to the
        clause's edges and the next comma) parts two statements, each with its date."""
        doc = sent.doc
        opening = next((k for k in range(at - 1, clause[0] - 1, -1) if doc[k].text in "()"), None)
        if opening is not None and doc[opening].text == "(":  # "…od 2008 roku (umowę podpisano 13 sierpnia
            closing = next((k for k in range(at + 1, clause[1]) if doc[k].text == ")"), clause[1])  # 2008 roku)"
            if any(opening < d.start < closing for d in doc.spans.get("dates", [])):
                return opening + 1, closing  # a bracket that dates its own statement
        commas = [k for k in range(*clause) if doc[k].text == ","]
        verbs = [k for k in range(*clause) if finite_verb(doc[k])]
        start = clause[0]
        for n, comma in enumerate(commas):
            following = commas[n + 1] if n + 1 < len(commas) else clause[1]
            if any(start <= v < comma for v in verbs) and any(comma < v < following for v in verbs):
                if at < comma:
                    return start, comma
                start = comma + 1
        return start, clause[1]

    @staticmethod
    def _verb_follows(doc: Doc, k: int, end: int) -> bool:
        """A finite past verb within the few words after k: the date opens a clause, not an apposition."""
        return any(past_genders(doc[j]) and any(a.pos == "praet" for a in analyses(doc[j]))
                   for j in range(k, min(end, k + 6)))

    def date_at(self, sent: Span, clause: tuple[int, int], quoted_year: bool = False, terms: bool = True) -> str | None:
        """`terms`: whether a term of office ("w kadencji 1999–2003") may date the fact: an office's, not an event's."""
        doc = sent.doc
        own = self.own_date(sent, clause, terms)
        if own:
            return own
        if quoted_year:
            year = self.quoted_year(doc, *clause)
            if year:
                return year
        before = [d for d in doc.spans["dates"] if sent.start <= d.start < clause[0] and (terms or not self._term(d))
                  and not d._.cited and not self._life_date(d)]
        if before:
            return before[-1]._.date
        return doc[sent.start:sent.end]._.date_context

    def _term(self, date: Span) -> bool:
        return date[0].lower_ in self.term_words

    def _life_date(self, date: Span) -> bool:
        """A birth's or death's date ("(ur. 3 maja 1961 w X"): not the date of what the sentence tells of the person."""
        return any(date.doc[k].lower_ in self.life_date_markers for k in range(max(0, date.start - 2), date.start))

    def own_date(self, sent: Span, clause: tuple[int, int], terms: bool = True) -> str | None:
        """The date the clause itself states: in it, or right after a dash that ends it ("X (Niemcy), umowa –
        13.05.2003 r.": a list line's date)."""
        doc = sent.doc
        dates = [d for d in doc.spans["dates"] if sent.start <= d.start < sent.end and (terms or not self._term(d))
                 and not d._.cited and not self._life_date(d)]  # "na podstawie ustawy z dnia …": the law's date
        inside = [d for d in dates if clause[0] <= d.start < clause[1]]
        if inside:
            return inside[0]._.date
        dash = next((k for k in (clause[1] - 1, clause[1]) if sent.start <= k < sent.end and doc[k].text in DASHES), None)
        after = [d for d in dates if dash is not None and dash < d.start <= dash + 2]
        return after[0]._.date if after else None

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

    def _mention_at(self, mentions, i: int, kinds) -> Span | None:
        m = mentions.get(i)
        if m is not None and m.start == i and m._.entity and m._.entity.split(":")[0] in kinds:
            return m
        return None

    def honorific(self, t) -> bool:
        """A title before a name: as listed ("dr", "pani"), or in any case ("profesora")."""
        return t.lower_ in self.honorifics or t.is_lower and bool(lemma_set(t) & self.honorific_lemmas) \
            or t.is_upper and t.is_alpha and 2 <= len(t.text) <= 4 and t.i > 0 \
            and t.doc[t.i - 1].lower_ in self.rank_honorifics  # "płk SG X": the service's acronym

    def _person_after(self, doc: Doc, mentions, i: int, end: int) -> Span | None:
        while i < end and (doc[i].text in (",", "–", "—", "-", ":") or doc[i].is_space and i + 1 < end
                           or signature_mark(doc, i, end)  # "Wójt Gminy X / (-) Y": a signed copy's mark
                           or doc[i].lower_ == "w" and i + 1 < end and doc[i + 1].lower_ == "st."  # "mjr w st. spocz."
                           or doc[i].lower_ == "st." and (i > 0 and doc[i - 1].lower_ == "w" or i + 1 < end
                                                          and self.honorific(doc[i + 1]))  # "st. kpt.": senior
                           or self.honorific(doc[i]) and not (i in mentions and mentions[i].start == i
                                                               and (mentions[i]._.entity or "").startswith("person:"))):
            # "P.ZARĘBA": an initial; but "gen. bryg. SG X": a rank, then its service's acronym
            i += 1  # "a sekretarzem – mgr inż. X": a dash stands for the verb left out; "otrzymali: X, Y"
        if list_number(doc, i, end):
            i += 2  # "radni: 1. X 2. Y": an item's number
        return self._mention_at(mentions, i, ("person",))

    def _past_adverbs(self, doc: Doc, i: int, end: int) -> int:
        """The first token from i that is no adverb, particle or parenthetical ("był wówczas X", "byli m.in. X"), nor
        an aside in brackets that names nothing ("został ponownie (jak w I kadencji) X")."""
        while i < end:
            if doc[i].pos_ in ("ADV", "PART") or doc[i].lower_ in self.parentheticals:
                i += 1
            elif doc[i].text == "(" and (close := next((k for k in range(i + 1, min(end, i + 10))
                                                         if doc[k].text == ")"), None)) is not None \
                    and not any(t.ent_type_ for t in doc[i + 1:close]):
                i = close + 1
            else:
                break
        return i

    def city_of_adjective(self, token, entities) -> str | None:
        """ "krakowskiej" → the place "Kraków" named elsewhere in the document."""
        return next((key for a in analyses(token) if a.pos == "adj"
                     and (key := self.city_of_adjective_lemma(a.lemma, entities)) is not None), None)

    @staticmethod
    def city_of_adjective_lemma(lemma: str, entities) -> str | None:
        """ "krakowski" → the place "Kraków" named in the document."""
        stem = fold(lemma)
        for suffix in ("ski", "cki", "dzki", "ki", "i"):
            if stem.endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        if len(stem) < 4:
            return None
        return next((key for key, e in entities.items() if e.kind == "place" and not e.district
                     and fold(e.name).startswith(stem[:-1]) and abs(len(fold(e.name)) - len(stem)) <= 3), None)

    def county_seat(self, county, entities) -> str | None:
        """ "powiat kętrzyński" → the place "Kętrzyn" named in the document; "powiat kędzierzyńsko-kozielski" →
        "Kędzierzyn-Koźle": a compound adjective part by part (its first part ends in "-sko")."""
        words = county.name.split()
        if len(words) != 2:
            return None
        parts = fold(words[1]).split("-")
        if len(parts) == 1:
            if (town := self.city_of_adjective_lemma(words[1], entities)) is not None:
                return town
            # "bocheński" of Bochnia, "pajęczański" of Pajęczno: the adjective's stem alternates with the seat's name
            seated = [k for k, e in entities.items() if e.kind == "place" and not e.district and self.seat_of(county.name, e.name)]
            return seated[0] if len(seated) == 1 else None
        first = parts[0].removesuffix("o").removesuffix("sk").removesuffix("ck")
        for key, e in entities.items():
            town = fold(e.name).split("-")
            if e.kind == "place" and len(town) == len(parts) and len(first) >= 4 and town[0].startswith(first[:-1]) \
                    and all(t[:3] == p[:3] for t, p in zip(town[1:], parts[1:])):
                return key
        return None

    def seat_of(self, unit: str, town: str) -> bool:
        """A unit named by the adjective of its seat and the seat: "powiat łomżyński" and "Łomża", "Powiat
        Kluczborski" and "Kluczbork" (one side of a partnership, never partners of each other)."""
        words = fold(unit).split()
        if len(words) != 2 or not words[0].startswith(tuple(u[:5] for u in self.unit_nouns)):
            return False
        stem = next((words[1][:-len(e)] for e in ("nski", "ski", "cki", "dzki") if words[1].endswith(e)), None)
        named = [w for w in fold(town).split() if not w.startswith(tuple(u[:5] for u in self.unit_nouns))]
        seat = (named or [""])[0].split("-")[0]  # "Opole", "Powiat Opole": the seat's name
        if stem is None or len(stem) < 4:
            return False
        common = next((k for k, (p, q) in enumerate(zip(stem, seat)) if p != q), min(len(stem), len(seat)))
        return common >= max(4, len(stem) - 2) and len(seat) - common <= 4

    def agreement_side(self, doc: Doc, start: int, sent_start: int) -> bool:
        """The town at `start` is the other side of an agreement: named after the "z" of an agreement that no town
        holds ("Umowę partnerską z miastem X podpisał…"), or of its ellipsis ("…, a z Y w 2002 r.")."""
        k = start - 1
        while k > sent_start and doc[k].lower_ not in ("z", "ze"):
            if k < start - 3 or not doc[k].is_lower or not (
                    lemma_set(doc[k]) & (self.city_nouns | self.territorial_heads)
                    or any(a.pos == "adj" for a in analyses(doc[k]))):
                return False  # "z niemieckim miastem X": adjectives and a town's noun only
            k -= 1
        if k <= sent_start or doc[k].lower_ not in ("z", "ze"):
            return False
        j = k - 1
        while j > sent_start and doc[j].is_lower and any(a.pos == "adj" for a in analyses(doc[j])):
            j -= 1  # "umowę partnerską"
        if lemma_set(doc[j]) & self.agreement_nouns:
            return self._unheld(doc, sent_start, j)
        return doc[j].lower_ in ("a", "oraz") and j - 1 > sent_start and doc[j - 1].text == "," \
            and any(lemma_set(t) & self.agreement_nouns and self._unheld(doc, sent_start, t.i)
                    for t in doc[sent_start:j])

    @staticmethod
    def _unheld(doc: Doc, sent_start: int, i: int) -> bool:
        """No town or body named before the agreement at i ("Gmina X zawarła umowę z Y": X's, with Y)."""
        return not any(t.ent_type_ in (PLACE, ORG) for t in doc[sent_start:i])

    def _led_by(self, doc: Doc, i: int, start: int) -> bool:
        """A participle of leading ("kierowany", "prowadzona") at i, after adverbs."""
        while i >= start and doc[i].pos_ in ("ADV", "PART"):
            i -= 1
        return i >= start and bool(lemma_set(doc[i]) & self.led_by)

    @staticmethod
    def _role_complement(doc: Doc, mention: Span) -> bool:
        """The mention completes a role noun before it ("prezydent Krakowa", "Prezydent Miasta Krakowa")."""
        return any((r := role_at(doc, k)) is not None and r[1] in (mention.start, mention.start - 1)
                   for k in range(max(0, mention.start - 3), mention.start))

    @staticmethod
    def _gender_of(mention: Span) -> frozenset[str]:
        """The grammatical gender of a mention's head noun, when the morphology knows it: of the reading of the
        head's common noun where it has one ("Związek": związek, not a surname)."""
        head = next((t for t in mention if t.lemma_.lower() == mention._.head), mention[0])
        common = {UD_GENDERS[g] for a in analyses(head) if a.pos == "subst" and a.lemma == mention._.head
                  for g in a.genders if g in UD_GENDERS}
        return frozenset(common) or frozenset(",".join(head.morph.get("Gender")).split(",")) - {""}

    def _antecedent(self, doc: Doc, mentions, clause_start: int, sent_start: int,
                    kinds=("organisation", "place"), genders: frozenset[str] = frozenset()) -> Span | None:
        depth = 0
        for j in range(clause_start - 1, sent_start - 1, -1):
            if doc[j].text == ")":
                depth += 1
            elif doc[j].text == "(":
                depth = max(0, depth - 1)  # out of the brackets the search began in: "X (skarbnik)"
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
