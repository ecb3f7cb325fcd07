"""Where a place lies: a town in the country, region or commune the text places it in.

The `kronika_containment` component adds `containedInPlace` relations to `doc._.relations` for the forms
in which real pages say it, each in one place of a sentence:
- a preposition: "X w Niemczech", "X ze Słowacji", "X w powiecie Y", "X w południowej Hesji";
- brackets: "X (Niemcy)", "X (Czechy, kraj Y)", "X (zachodnia Saksonia)", "X w Niemczech (Saksonia)", and a
  country's towns "Francji (X, Y)";
- a list line: "X – Austria", "X, Chorwacja", "X, gmina Y", and a slash: "X/Litwa";
- a description of the place a sentence opens with: "X położony jest w obwodzie Y", "X to miasto w Y"; and of
  a place anywhere by a participle after it: "z miastem X położonym w Y", "X, leżącego w obwodzie Y".
The wider place is a country (by its name), a territorial unit named as one ("gmina X", "obwód Y") or a land the
lexicon names ("Bawaria", "Spisz"), that only for a town; what lies in it is no country. GeoNames vetoes a country
a known town does not lie in ("wizyta burmistrza Opola w Niemczech": Opole lies in Poland), and a land of another
country than the town's ("biuro Lyonu w Wielkopolsce").
"""

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .facts import FactReader, Relation, mention_index
from .gazetteer import gazetteer
from .morphology import analyses, lemma_set
from .names import DASHES

BRACKET_LENGTH = 12  # tokens: a bracket longer than a short list of places is a remark, not a location
DESCRIPTION_LENGTH = 12  # tokens from a sentence's first place to where it lies ("X to niewielkie miasto w Y")


@Language.factory("kronika_containment")
def make_containment(nlp: Language, name: str):
    return ContainmentReader()


class ContainmentReader(FactReader):
    def __init__(self):
        super().__init__()
        self.prepositions = frozenset(self.lex.relations["containment_prepositions"])
        self.from_prepositions = frozenset(self.lex.relations["from_prepositions"])
        self.continents = frozenset(self.lex.continents)
        self.units = frozenset(self.territorial_heads)
        self.unit_abbreviations = dict(self.lex.relations["unit_abbreviations"])
        self.describing_words = frozenset(self.lex.relations["placing_words"]) | self.city_nouns
        self.part_nouns = frozenset(self.lex.relations["part_nouns"])
        self.nested_units = list(self.lex.relations["nested_units"])
        self.composing_verbs = frozenset(self.lex.relations["composing_verbs"])
        self.settlement_nouns = frozenset(self.lex.relations["settlement_nouns"])
        self.hamlet_nouns = frozenset(self.lex.relations["hamlet_nouns"])
        self.compass = frozenset(self.lex.relations["compass_adjectives"])
        self.placing_participles = frozenset(self.lex.relations["placing_participles"])
        self.home_units = frozenset(self.lex.home_units)
        self.home_lands = frozenset(self.lex.home_lands)
        self.state_nouns = frozenset(self.lex.country_state_heads)

    def __call__(self, doc: Doc) -> Doc:
        relations = doc._.relations if doc._.relations is not None else []
        entities = doc._.entities or {}
        if entities:
            mentions = mention_index(doc)
            said = {(r.subject, r.object) for r in relations if r.predicate == "containedInPlace"}
            for sent in doc.sents:
                for inner, outer, start, end, rule in self._placed(doc, sent, mentions, entities):
                    if (inner._.entity, outer._.entity) not in said and self._may_lie_in(inner, outer, entities):
                        said.add((inner._.entity, outer._.entity))
                        relations.append(Relation(inner._.entity, "containedInPlace", outer._.entity,
                                                  self.evidence(sent, start, end, rule)))
        doc._.relations = relations
        return doc

    def _placed(self, doc: Doc, sent: Span, mentions, entities):
        """(inner, outer, evidence start, evidence end, rule) for each form the sentence uses."""
        yield from self._described(doc, sent, mentions, entities)
        yield from self._members_listed(doc, sent, mentions, entities)
        yield from self._by_participle(doc, sent, mentions, entities)
        in_country: dict[int, Span] = {}  # where a country a place was said to lie in ends: that place
        for t in sent:
            inner = self._ending_at(mentions, t.i, entities)
            if t.lower_ in self.prepositions and t.i + 1 < sent.end and self._locating(t, doc[t.i + 1]):
                outer = self._outer_at(doc, mentions, entities, t.i + 1, sent.end)
                if inner is not None and inner.end in in_country and outer is not None and self._unit(outer):
                    inner = in_country[inner.end]  # "X na Ukrainie w obwodzie Y": X's unit, not the country's
                if inner is not None and outer is not None and (self._country(outer, entities) or self._unit(
                        outer) and self._unit_nouns(inner) <= self.city_nouns  # not "powiatu X w obwodzie Y"
                        or self._land(outer) and self._town(inner, entities)):
                    if self._country(outer, entities):
                        in_country[outer.end] = inner
                        for other in self._coordinated_before(doc, mentions, entities, inner, sent.start):
                            yield other, outer, other.start, outer.end, "relation-containment-preposition"
                    yield inner, outer, inner.start, outer.end, "relation-containment-preposition"
            elif inner is not None and lemma_set(t) & self.state_nouns \
                    and (outer := self._starting_at(mentions, t.i, entities)) is not None \
                    and self._country(outer, entities):
                yield inner, outer, inner.start, outer.end, "relation-containment-preposition"  # "Gmina X Republiki Y"
            elif t.text == "(":
                inside = self._bracketed(doc, mentions, entities, t.i + 1, sent.end)
                if inner is not None and self._country(inner, entities):  # "Francji (X, Y)"
                    yield from ((town, inner, inner.start, town.end, "relation-containment-bracket") for town in inside
                                if not self._country(town, entities))
                    placed = in_country.get(inner.end)  # "X w Niemczech (Dolna Saksonia)": X lies in the land too
                    yield from ((placed, land, placed.start, land.end, "relation-containment-bracket")
                                for land in inside if placed is not None and self._land(land)
                                and self._town(placed, entities))
                elif inner is not None:
                    yield from ((inner, outer, inner.start, outer.end, "relation-containment-bracket") for outer in inside
                                if self._country(outer, entities) or self._unit(outer)
                                or self._land(outer) and self._town(inner, entities))
            elif t.text == "/" and inner is not None and inner.end == t.i:  # "Alytus/Litwa, Bruntal/Czechy"
                outer = self._starting_at(mentions, t.i + 1, entities)
                if outer is not None and self._country(outer, entities) and (
                        self._closes_line(doc, outer.end, sent) or doc[outer.end].lower_ in ("i", "oraz")):
                    yield inner, outer, inner.start, outer.end, "relation-containment-list"
            elif (t.text in DASHES or t.text == ",") and inner is not None and self._opens_line(doc, inner.start, sent):
                outer = self._outer_at(doc, mentions, entities, t.i + 1, sent.end)
                if outer is not None and self._closes_line(doc, outer.end, sent) and (
                        self._country(outer, entities) or t.text == "," and self._unit(outer)):
                    yield inner, outer, inner.start, outer.end, "relation-containment-list"

    def _members_listed(self, doc: Doc, sent: Span, mentions, entities) -> Iterator[tuple]:
        """ "Gminę X tworzyły wsie: A, B i C", "W skład gminy X wchodziły gromady: A, B z przysiółkami C, D, gromada E":
        after a verb of composing and the settlements' noun, each place listed lies in the unit named before the
        verb, a hamlet listed after "z przysiółkami" in the settlement before it."""
        verb = next((t.i for t in sent if lemma_set(t) & self.composing_verbs), None)
        noun = next((t.i for t in doc[verb:sent.end] if any(  # in the plural ("gromady", "sołectwa": or a genitive)
            a.lemma in self.settlement_nouns and "pl" in a.numbers for a in analyses(t))), None) if verb is not None else None
        unit = next((m for m in reversed(self._sentence_mentions(mentions, sent)) if m.end <= verb
                     and self._place(m, entities) and not self._country(m, entities)), None) if noun is not None else None
        if unit is None:
            return
        owner, settlement, k = unit, None, noun + 1
        while k < sent.end:
            t, m = doc[k], self._starting_at(mentions, k, entities)
            if m is not None and not self._country(m, entities):
                yield m, owner, m.start, m.end, "relation-containment-list"
                settlement = m if owner is unit else settlement
                k = m.end
                continue
            if t.text == "(":
                k = next((j for j in range(k + 1, min(sent.end, k + BRACKET_LENGTH)) if doc[j].text == ")"), sent.end)
            elif lemma_set(t) & self.hamlet_nouns and settlement is not None:
                owner = settlement  # "Łęka z przysiółkami Zawady, Ruszków": Łęka's
            elif lemma_set(t) & self.settlement_nouns:
                owner = unit  # "…, gromada Pomarzany": the unit's again
            elif t.is_lower and t.lower_ not in ("i", "oraz", "z", "ze") or t.is_punct and t.text not in ",;:":
                return
            k += 1

    def _by_participle(self, doc: Doc, sent: Span, mentions, entities) -> Iterator[tuple]:
        """ "z miastem X położonym w Y", "X, miasta położonego w Rosji w obwodzie Z", "X leżący w Y": a town, then
        (past a comma and a city noun with its adjectives) a participle of lying, then where, in a word or two."""
        for inner in self._sentence_mentions(mentions, sent):
            if not self._town(inner, entities):
                continue
            k = inner.end + (inner.end < sent.end and doc[inner.end].text == ",")
            if k < sent.end and lemma_set(doc[k]) & self.city_nouns and doc[k].is_lower:
                k += 1
                while k < sent.end and doc[k].is_lower and any(a.pos == "adj" for a in analyses(doc[k])) \
                        and not self._participle_of_lying(doc[k]):
                    k += 1
            if k + 1 >= sent.end or not self._participle_of_lying(doc[k]):
                continue
            k += 1 + (doc[k + 1].lower_ == "się")  # "znajdujący się w Y"
            while k < sent.end and doc[k].lower_ in self.locative:
                outer = self._located_at(doc, mentions, entities, k + 1, sent.end, land=True)
                if outer is None:
                    break
                yield inner, outer, inner.start, outer.end, "relation-containment-described"
                k = outer.end

    def _participle_of_lying(self, token) -> bool:
        return bool(lemma_set(token) & self.placing_participles) \
            and any(a.pos in ("pact", "ppas") for a in analyses(token))

    def _described(self, doc: Doc, sent: Span, mentions, entities) -> list[tuple]:
        """ "X położony jest w Y", "X leży w zachodniej części Y", "X to miasto w Y": the place a sentence opens
        with, described as lying in a country or unit, with no other name between; and in each wider place told
        right after it ("X to miasto w Niemczech, w kraju związkowym Z", "X położone jest na Ukrainie w obwodzie
        Z")."""
        first = next((mentions[k] for k in range(sent.start, min(sent.end, sent.start + 3)) if k in mentions), None)
        if first is None or not self._place(first, entities) or first.start > sent.start + 1:
            return []
        cue = None
        for k in range(first.end, min(sent.end, first.end + DESCRIPTION_LENGTH)):
            t = doc[k]
            if k in mentions or t.text in ".;:()":
                return []
            if lemma_set(t) & self.describing_words and not t.text[:1].isupper():  # not "w obchodach Dnia Miasta w X"
                cue = k
            elif cue is not None and t.lower_ in self.locative:
                found = []
                while (outer := self._located_at(doc, mentions, entities, k + 1, sent.end)) is not None:
                    found.append((first, outer, first.start, outer.end, "relation-containment-described"))
                    comma = outer.end < sent.end and doc[outer.end].text == ","
                    k = outer.end + comma
                    if k >= sent.end or doc[k].lower_ not in self.locative and not (
                            comma and self._ranks(self._nouns_of_unit(doc[k])) > self._ranks(self._unit_nouns(outer))):
                        break
                    k -= doc[k].lower_ not in self.locative  # "w województwie X, powiecie Y, gminie Z": "w" said once,
                    # from the widest unit down
                return found
        return []

    def _located_at(self, doc: Doc, mentions, entities, j: int, end: int, land: bool = False) -> Span | None:
        """The country or unit (or, with `land`, the land) named after a locative preposition, past adjectives, a
        part's noun and a unit's ("w północno-zachodniej części Y", "w kraju związkowym Z": a place named after a
        unit's noun is that unit)."""
        unit_named, limit = False, min(end, j + 4)
        while j < limit and j not in mentions and doc[j].is_lower and (
                any(a.pos == "adj" for a in analyses(doc[j])) or lemma_set(doc[j]) & self.part_nouns
                or (unit_named := unit_named or bool(self._nouns_of_unit(doc[j])))):
            j += 1
        outer = self._starting_at(mentions, j, entities)
        return outer if outer is not None and (self._country(outer, entities) or self._unit(outer) or unit_named
                                               or land and self._land(outer)) else None

    def _place(self, mention: Span, entities) -> bool:
        """A place, a town acting as a body, or a territorial unit named as a body ("Rejon X", "obwód Y")."""
        entity = entities.get(mention._.entity)
        return entity is not None and (entity.kind == "place" or entity.also_place or entity.head in self.units)

    @staticmethod
    def _ending_at(mentions, i: int, entities) -> Span | None:
        """A place or a town acting as a body ending at i: a unit named as a body there is as often visiting
        ("delegacja powiatu X w obwodzie Y") as lying; only a description places it (`_described`)."""
        m = mentions.get(i - 1)
        entity = entities.get(m._.entity) if m is not None and m.end == i else None
        return m if entity is not None and (entity.kind == "place" or entity.also_place) else None

    def _coordinated_before(self, doc: Doc, mentions, entities, inner: Span, start: int) -> list[Span]:
        """ "z Sambora i Kamieńca Podolskiego na Ukrainie", "A, B i C w Niemczech": the towns listed before the one
        the country follows lie in it too (GeoNames vetoes a town it knows elsewhere: "z Lipna i Hagen w Niemczech")."""
        listed, k = [], inner.start
        while k - 1 > start and doc[k - 1].lower_ in ("i", "oraz", ","):
            other = self._ending_at(mentions, k - 1, entities)
            if other is None or not self._town(other, entities) or self._country(other, entities):
                break
            listed.append(other)
            k = other.start
        return listed

    def _starting_at(self, mentions, i: int, entities) -> Span | None:
        m = mentions.get(i)
        return m if m is not None and m.start == i and self._place(m, entities) else None

    def _locating(self, preposition, word) -> bool:
        """ "w Niemczech", "ze Słowacji": where, or where from; not "z gminą X", "z Niemcami" (with whom)."""
        if preposition.lower_ not in self.from_prepositions:
            return True
        cases = {c for a in analyses(word) for c in a.cases}
        return "gen" in cases and "inst" not in cases

    def _outer_at(self, doc: Doc, mentions, entities, i: int, end: int) -> Span | None:
        """The place named at i, or right after a unit's noun there ("w gminie X", "gmina X")."""
        outer = self._starting_at(mentions, i, entities)
        if outer is None and i + 1 < end and self._nouns_of_unit(doc[i]):
            outer = self._starting_at(mentions, i + 1, entities)
        if outer is None and i + 1 < end and lemma_set(doc[i]) & self.compass:  # "w południowej Hesji"
            outer = self._starting_at(mentions, i + 1, entities)
            outer = outer if outer is not None and self._land(outer) else None
        return outer

    def _bracketed(self, doc: Doc, mentions, entities, i: int, end: int) -> list[Span]:
        """The places a short bracket lists ("(Czechy, kraj X)", "(w Niemczech)"), none if it holds
        anything else or does not close."""
        found, end = [], min(end, i + BRACKET_LENGTH)
        while i < end:
            t = doc[i]
            if t.text == ")":
                return found
            m = self._starting_at(mentions, i, entities)
            if m is not None:
                found.append(m)
                i = m.end
            elif t.text in (",", ";") or t.lower_ in self.prepositions or t.lower_ in ("i", "oraz") \
                    or self._nouns_of_unit(t) or lemma_set(t) & self.compass:  # "(zachodnia Saksonia)"
                i += 1
            else:
                return []
        return []

    def _country(self, mention: Span, entities) -> bool:
        entity = entities[mention._.entity]
        return self.not_town(entity) and entity.name not in self.continents

    def _land(self, mention: Span) -> bool:
        """A land or region the lexicon names ("Bawaria", "Dolna Saksonia", "Spisz"): no country, no unit."""
        entity = (mention.doc._.entities or {}).get(mention._.entity)
        return entity is not None and not self.regions.isdisjoint(entity.names)

    def _town(self, mention: Span, entities) -> bool:
        """A place that may lie in a land: not a country, a land or a unit named as one."""
        return self._place(mention, entities) and not self._country(mention, entities) and not self._land(mention) \
            and not self._unit_nouns(mention) - self.city_nouns

    def _unit(self, mention: Span) -> bool:
        """A territorial unit named as one ("gmina X", "obwodzie lwowskim", "(lubuskie)": a voivodeship by its
        adjective), not a town acting as one."""
        entity = (mention.doc._.entities or {}).get(mention._.entity)
        return bool(self._unit_nouns(mention)) or entity is not None and entity.head in self.home_units

    def _unit_nouns(self, mention: Span) -> set[str]:
        """The units' nouns a mention is named with: its first word's, or the word's before it."""
        words = [mention[0]] + ([mention.doc[mention.start - 1]] if mention.start > 0 else [])
        return {noun for t in words for noun in self._nouns_of_unit(t)}

    def _nouns_of_unit(self, token) -> set[str]:
        """The territorial unit a word names by its noun or the noun's abbreviation ("powiecie", "pow.")."""
        abbreviated = self.unit_abbreviations.get(token.lower_)
        return lemma_set(token) & self.units | ({abbreviated} if abbreviated else set())

    def _may_lie_in(self, inner: Span, outer: Span, entities) -> bool:
        """Not a place in itself nor a country; nor a known town in a country it does not lie in, or in a unit
        named after a town of another country ("delegacja holenderskiego X w gminie Y": a visit)."""
        if inner._.entity == outer._.entity or self._country(inner, entities) or \
                self._unit_nouns(inner) & self._unit_nouns(outer):  # "delegacja powiatu X w powiecie Y": a visit
            return False
        if self._ranks(self._unit_nouns(outer)) > self._ranks(self._unit_nouns(inner)) > ():
            return False  # "w powiecie X, gminie Y": a county lies in no gmina
        if entities[inner._.entity].head in self.home_units and not (  # a voivodeship lies in the writer's country
                self._country(outer, entities) and entities[outer._.entity].name in self.lex.home_countries):
            return False  # "delegacja województwa X na Białorusi", "… w kraju libereckim": a visit
        towns = gazetteer().places(self._town_name(entities[inner._.entity].name))
        if not towns:
            return True
        if self._land(outer):  # a town known only at home lies in no land abroad, one known only abroad in none at home
            at_home = entities[outer._.entity].name in self.home_lands
            return any((entry.country in gazetteer().home) == at_home for entry, _how in towns)
        outer_name = self._town_name(entities[outer._.entity].name)
        if self._country(outer, entities):
            country = gazetteer().country(outer_name)
            countries = {country.country} if country is not None else set()
        else:  # a unit: the town it is named after
            countries = {entry.country for entry, _how in gazetteer().places(outer_name)}
        return not countries or any(entry.country in countries for entry, _how in towns)

    def _ranks(self, nouns: set[str]) -> tuple[int, ...]:
        """How narrow the Polish units these nouns name are (the województwo 0, the gmina 2); () for none."""
        return tuple(sorted(self.nested_units.index(n) for n in nouns if n in self.nested_units))

    def _town_name(self, name: str) -> str:
        """ "Gmina Buk" → "Buk": the town a unit is named after."""
        first, _, rest = name.partition(" ")
        return rest if rest and first.lower() in self.units else name

    @staticmethod
    def _opens_line(doc: Doc, i: int, sent: Span) -> bool:
        return i == sent.start or "\n" in doc[i - 1].text or doc[i - 1].like_num \
            or doc[i - 1].text in (",", ";", ":", "(", "•", "*", ".", *DASHES)

    @staticmethod
    def _closes_line(doc: Doc, i: int, sent: Span) -> bool:
        return i >= sent.end or doc[i].text in (",", ";", ")", ".") or "\n" in doc[i].text


