"""Mentions of one entity merged into one record (within a document).

Merges: identical base forms (case, accents, dashes and "St-"/"Saint-"
ignored), acronyms and other-language aliases, an initial with the full given
name ("J. Kowalski" ↔ "Jan Kowalski"), a territorial organisation with its
bare name ("Region X" ↔ "X"). Every surface form is kept as an alias.
The result is `doc._.entities`; each mention gets `Span._.entity` (its key).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import gazetteer
from .lexicon import lexicon
from .morphology import analyser, lemma_set
from .names import accents, acronyms_of, fold, generic_organisation, is_acronym, school_initials, tidy

KIND = {"persName": "person", "orgName": "organisation", "placeName": "place"}
COMMON_NOUN_RULE = "organisation-named-by-seat"  # "ze szkoły w Lipnie": see OrganisationRules.named_by_seat
TYPO_LENGTH = 7  # letters: a shorter name one letter apart from another is as often another town ("Lubin", "Gubin")


@dataclass
class Entity:
    key: str
    kind: str                      # person | organisation | place
    names: Counter = field(default_factory=Counter)   # base forms of mentions
    aliases: set = field(default_factory=set)         # surface forms and aliases
    mentions: list = field(default_factory=list)      # (start, end, rule, sentence start, sentence end), in characters
    also_place: bool = False
    district: bool = False
    head: str | None = None
    titled_by: set = field(default_factory=set)  # lemmas of the words just before its mentions ("wójt" Gminy X)
    seat_name: str | None = None  # a generic name with the seat the text gives it: "Rada Miejska w Sanoku"
    waterside: bool = True  # every mention after "nad": a river or a lake ("miasto nad X"), no town

    @property
    def name(self) -> str:
        """The most frequent spelling group; within it the spelling with its diacritics ("Château-Thierry")."""
        group = Counter()
        for n, count in self.names.items():
            group[fold(n)] += count

        def score(name):
            return (not is_acronym(name.replace(" ", "")), not re.search(r"\b\w\.|\bSt-", name),
                    group[fold(name)], accents(name), self.names[name], len(name))
        return max(self.names, key=score)

    @property
    def written_as_common_noun(self) -> bool:
        """Every mention writes the unit's head or its adjective in lower case ("w obwodzie lwowskim", "Rejon
        kowelski" opening a sentence): the text names a territory, where "Województwo Śląskie" may name a body."""
        words = [alias.split() for alias in self.aliases]
        return bool(words) and all(w[0][:1].islower() or len(w) > 1 and w[1][:1].islower() for w in words)

    @property
    def alt_labels(self) -> list[str]:
        name = self.name
        return sorted({tidy(a) for a in self.aliases | set(self.names)} - {name})


# Polish case endings (folded) a foreign or unknown town name takes in the text: "w Templinie", "z Vresiny".
CASE_ENDINGS = frozenset({"", "a", "e", "i", "y", "u", "o", "ie", "em", "om", "ach", "ami", "ow", "owi", "ego", "ej",
                          "emu", "ym", "im", "a-", "ia", "ii", "ja", "ji", "iem", "iego", "iemu"})


def one_word_inflected(x: str, y: str, stem: int = 3) -> bool:
    """Two folded words are one word in two cases: a common stem of at least `stem` letters, and what
    follows it in each a case ending ("templin", "templinie"; "olsztynski", "olsztynskiego")."""
    common = next((k for k, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    return common >= stem and x[common:] in CASE_ENDINGS and y[common:] in CASE_ENDINGS


# A feminine name in -a softens its last consonant in the locative and dative ("w Wólce" of Wólka, "w Jabłonce"):
# the folded ending there and the nominative's ending it stands for.
SOFTENED_ENDINGS = {"ce": "ka", "dze": "ga", "sze": "cha", "rze": "ra", "cie": "ta", "dzie": "da", "le": "la"}


def softened_nominatives(name: str) -> list[str]:
    """The folded nominatives a town's name written in the locative or dative may stand for ("tomaszowce" →
    "tomaszowka"); only its last word declines."""
    folded = fold(name)
    return [folded[: -len(ending)] + nominative for ending, nominative in SOFTENED_ENDINGS.items()
            if folded.endswith(ending) and len(folded) - len(ending) >= 4]


# A town named in the plural ("Hnilowce", "Siedlce") drops the nominative's -e in the genitive, with a mobile "ie"
# ("z Hnilowiec", "do Siedlec"): the folded genitive ending and the nominative's it stands for.
PLURAL_GENITIVE_ENDINGS = {"iec": "ce", "ec": "ce", "ic": "ice", "yc": "yce"}


def plural_nominatives(name: str) -> list[str]:
    """The folded nominatives a town's name in the genitive plural may stand for ("hnilowiec" → "hnilowce")."""
    folded = fold(name)
    return [folded[: -len(ending)] + nominative for ending, nominative in PLURAL_GENITIVE_ENDINGS.items()
            if folded.endswith(ending) and len(folded) - len(ending) >= 4]


def inflected_forms(a: str, b: str) -> bool:
    """Two spellings of one name in two cases: word by word one word inflected."""
    words_a, words_b = re.split(r"[\s-]+", fold(a)), re.split(r"[\s-]+", fold(b))
    if a == b or len(words_a) != len(words_b):
        return False
    return all(map(one_word_inflected, words_a, words_b)) and len(words_a[0]) >= 4 and len(words_b[0]) >= 4


def one_typo(a: str, b: str) -> bool:
    """Two folded spellings one keystroke apart (a letter added, left out or changed, or two letters swapped): one
    name mistyped ("crailheim" and "crailsheim", "elbe-ester" and "elbe-elster")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (p, q) in enumerate(zip(a, b)) if p != q), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:]


def with_endings(base: str, other: str) -> bool:
    """`other` is `base` with a case ending on some of its words ("Reinera Stoffela" of "Reiner Stoffel"): the
    nominative of a masculine name SGJP does not know is its bare stem, of a name in -a the stem with -a."""
    words_a, words_b = fold(base).split(), fold(other).split()
    return len(words_a) == len(words_b) >= 2 and words_a != words_b and all(
        (b.startswith(a) or a.endswith("a") and b.startswith(a[:-1])) and one_word_inflected(a, b)
        for a, b in zip(words_a, words_b))  # "Makalatia", "Makalatii": a name in -a declines on its stem


def seated_name(span: Span) -> str | None:
    """A generic body's name with its seat, as a mention writes it ("OSP w Zagórzu" of "OSP"): what tells it
    from another body of that name in the same text."""
    base = span._.base_form
    if not generic_organisation(base):
        return None
    return next((a for a in span._.aliases or () if a.startswith((f"{base} w ", f"{base} we "))), None)


@Language.factory("kronika_linker")
def make_linker(nlp: Language, name: str):
    return Linker()


class Linker:
    def __init__(self):
        lex = lexicon()
        self.territorial = set(lex.territorial_heads)
        self.voivodeship_regions = dict(lex.voivodeship_regions)  # region → the voivodeship's adjective
        self.county = lex.county_unit  # "powiat Unna" and the town Unna, its seat, are two
        self.regions = set(lex.region_heads)  # "Region X" and the town X are two too (not "Śląskie")
        self.voivodeship = lex.voivodeship_unit
        self.buildings = set(lex.building_heads)
        self.rural_offices, self.town_marks = set(lex.rural_gmina_offices), set(lex.town_marks)
        self.waterside = set(lex.waterside_prepositions)
        self.seat_named, self.urban_words, self.rural_words = \
            set(lex.seat_named_units), set(lex.urban_unit_words), set(lex.rural_unit_words)
        if not Doc.has_extension("entities"):
            Doc.set_extension("entities", default=None)
        if not Span.has_extension("entity"):
            Span.set_extension("entity", default=None)

    def __call__(self, doc: Doc) -> Doc:
        entities: dict[str, Entity] = {}
        index: dict[tuple[str, str], str] = {}  # (kind, folded name or alias) -> key
        mention_keys = []
        seats: dict[str, str] = {}  # a body of a generic name -> its name with the seat that told it apart
        for span in doc.ents:
            kind = KIND.get(span.label_)
            if kind is None or not span._.base_form:
                mention_keys.append(None)
                continue
            names = [span._.base_form, *(span._.aliases or [])]
            seated = seated_name(span) if kind == "organisation" else None
            if seated is not None:  # "OSP w Zagórzu", "OSP w Brzezinach": two bodies of one generic name
                key = index.get((kind, fold(seated)))
                bare = index.get((kind, fold(span._.base_form)))
                key = key or (bare if bare is not None and bare not in seats else None)  # the first seat takes
                # the bare name's mentions before it
            else:
                key = next((index[(kind, fold(n))] for n in names if (kind, fold(n)) in index), None)
            if key is None:
                key = f"{kind}:{fold(span._.base_form)}"
                key = f"{kind}:{fold(seated)}" if key in entities else key  # another seat's body has the bare key
                entities[key] = Entity(key, kind, head=span._.head)
            if seated is not None:
                seats.setdefault(key, seated)
            entity = entities[key]
            # an acronym standing for a known name does not vote for the canonical name
            entity.names[span._.base_form] += 0 if span._.rule == "known-name" and is_acronym(span.text) else 1
            entity.aliases.add(tidy(span.text))
            entity.aliases.update(span._.aliases or [])
            sentence = span.sent
            entity.mentions.append((span.start_char, span.end_char, span._.rule, sentence.start_char, sentence.end_char))
            entity.district |= bool(span._.district)
            if span.start > 0:
                entity.titled_by |= lemma_set(doc[span.start - 1])
            entity.waterside = entity.waterside and span.start > 0 and doc[span.start - 1].lower_ in self.waterside
            if kind == "organisation" and span._.head in self.territorial | self.buildings:
                entity.also_place = True
            for n in names + [span.text]:
                index.setdefault((kind, fold(n)), key)
            mention_keys.append(key)
        self._split_rural_gminas(doc, entities, mention_keys)
        redirect = self._merge(entities, frozenset(seats))
        for span, key in zip(doc.ents, mention_keys):
            if key is not None:
                span._.entity = redirect.get(key, key)
        doc._.entities = {k: e for k, e in entities.items() if k not in redirect}
        return doc

    def _merge(self, entities: dict[str, Entity], seated: frozenset[str] = frozenset()) -> dict[str, str]:
        """Fold initials, a surname or a given name alone into the one full name they fit, a city's short name into
        its full one and bare territory names into their organisation."""
        redirect: dict[str, str] = {}
        persons = [e for e in entities.values() if e.kind == "person"]
        for short in persons:
            words = short.name.split()
            if len(words) < 2 or not all(re.fullmatch(r"\w\.", w) for w in words[:-1]):
                continue
            initials, surname = [w[0] for w in words[:-1]], fold(words[-1])
            full = [p for p in persons if p is not short and fold(p.name.split()[-1]) == surname
                    and not re.search(r"\b\w\.", p.name)
                    and [w[0] for w in p.name.split()[:len(initials)]] == initials]
            if len(full) == 1:
                self._absorb(full[0], short, entities, redirect)
        bearers: dict[str, list[Entity]] = {}  # "Pan Forster" and "Peter Forster": the one person of that surname
        for person in persons:
            if person.key not in redirect and len(person.name.split()) >= 2:
                bearers.setdefault(fold(person.name.split()[-1]), []).append(person)
        for short in persons:
            if len(short.name.split()) == 1 and len(full := bearers.get(fold(short.name), [])) == 1:
                self._absorb(full[0], short, entities, redirect)
        named: dict[str, list[Entity]] = {}  # "ks. Marian", "ks. Marianowi" and "Marian Wolski": the one person so named
        for person in persons:
            if person.key not in redirect and len(person.name.split()) >= 2:
                named.setdefault(fold(person.name.split()[0]), []).append(person)
        for short in persons:
            if short.key not in redirect and len(short.name.split()) == 1:
                lemmas = {fold(a.lemma) for a in analyser().analyse(short.name) if "imię" in a.classes}
                full = {p.key: p for lemma in lemmas for p in named.get(lemma, [])}
                if len(full) == 1:
                    self._absorb(next(iter(full.values())), short, entities, redirect)
        # "Reiner Stoffel", "Reinera Stoffela": a foreign name in two cases; compared only within a group of
        # names of as many words whose surnames begin alike, so the pass stays linear in the persons
        groups: dict[tuple, list[tuple[str, Entity]]] = {}
        for person in persons:
            if person.key not in redirect:
                name = person.name
                groups.setdefault((len(name.split()), fold(name.split()[-1])[:3]), []).append((name, person))
        for group in groups.values():
            group.sort(key=lambda item: len(item[0]))
            for n, (short_name, short) in enumerate(group):
                for other_name, other in group[n + 1:]:
                    if short.key not in redirect and other.key not in redirect and with_endings(short_name, other_name):
                        self._absorb(short, other, entities, redirect)
        self._merge_reversed_names(persons, entities, redirect)
        countries = lexicon().country_names
        places = [e for e in entities.values() if e.kind == "place" and not e.district]
        named_places = {fold(p.name) for p in places}
        by_start: dict[str, list[Entity]] = {}  # every shorter name a longer place name begins with
        for place in places:
            words = re.split(r"(?<=\w)([ -])(?=\w)", fold(place.name))  # the words and the spaces or hyphens between
            for n in range(1, len(words) // 2 + 1):
                by_start.setdefault("".join(words[:2 * n - 1]), []).append(place)
        for short in places:  # "Gorzów" and "Gorzów Wielkopolski", "Frankfurt" and "Frankfurt nad Odrą", "Polanica"
            # and "Polanica-Zdrój": one city; but a country is not the town named after it ("Polska Cerekiew")
            longer = [p for p in by_start.get(fold(short.name), []) if p.key not in redirect and not (
                fold(p.name)[len(fold(short.name))] == "-" and fold(p.name)[len(fold(short.name)) + 1:] in named_places)]
            # not "Waldbröl-Jüterbog": two towns the text names, joined
            if len(longer) == 1 and short.key not in redirect and not countries & set(short.names):
                self._absorb(longer[0], short, entities, redirect)
        towns = sorted((p for p in places if p.key not in redirect and not countries & set(p.names)),
                       key=lambda p: (-len(p.mentions), len(p.name)))
        by_name = {fold(p.name): p for p in towns}
        for other in towns:  # "w Tomaszowce" and "z Tomaszowką": Tomaszowka, the name in -a the text also writes
            keep = next((by_name[n] for n in softened_nominatives(other.name) + plural_nominatives(other.name)
                         if n in by_name), None)  # "z Hnilowiec" and "Hnilowce": Hnilowce
            if keep is not None and keep.key not in redirect and other.key not in redirect:
                self._absorb(keep, other, entities, redirect)
        for n, keep in enumerate(towns):  # "Templin", "Templinie", "Templina": a name SGJP does not inflect, one town
            for other in towns[n + 1:]:
                if keep.key not in redirect and other.key not in redirect and inflected_forms(keep.name, other.name):
                    self._absorb(keep, other, entities, redirect)
        self._merge_typos([p for p in towns if p.key not in redirect], entities, redirect)
        self._merge_voivodeship_regions(entities, redirect)
        bodies = [e for e in entities.values() if e.kind == "organisation" and e.key not in redirect]
        by_start = {}  # "Rada Gminy" and "Rada Gminy Sokółka", "II Liceum Ogólnokształcące" and its full name
        for body in bodies:
            words = fold(body.name).split()
            for n in range(2, len(words)):
                by_start.setdefault(" ".join(words[:n]), []).append(body)
        for short in bodies:
            longer = [b for b in by_start.get(fold(short.name), []) if b.key not in redirect]
            if len(longer) == 1 and short.key not in redirect and len(short.name.split()) >= 2:
                self._absorb(longer[0], short, entities, redirect)
        by_initials: dict[str, list[Entity]] = {}  # "LOK" and "Lipnicki Ośrodek Kultury": one body
        for body in bodies:  # of any of its names: "Związek Polaków na Litwie w Wilnie" is also without its seat
            acronyms = {a for name in (body.name, *body.aliases) for a in acronyms_of(name)}
            for acronym in acronyms if body.key not in redirect and not is_acronym(body.name) else ():
                by_initials.setdefault(acronym, []).append(body)
        for short in bodies:
            if short.key not in redirect and is_acronym(short.name) and len(full := by_initials.get(short.name, [])) == 1 \
                    and full[0].key not in redirect and full[0] is not short:
                self._absorb(full[0], short, entities, redirect)
        self._merge_bare_generic_acronyms([b for b in bodies if b.key not in redirect], seated, entities, redirect)
        by_school: dict[str, list[Entity]] = {}  # "II LO" and "II Liceum Ogólnokształcące im. X": one school
        for body in bodies:
            key = school_initials(body.name)
            if body.key not in redirect and key is not None and not body.name.lower().startswith(key.lower()):
                by_school.setdefault(key, []).append(body)
        for short in bodies:
            key = school_initials(short.name)
            if short.key not in redirect and key is not None and short.name.lower().startswith(key.lower()) \
                    and len(full := by_school.get(key, [])) == 1:
                self._absorb(full[0], short, entities, redirect)
        self._merge_common_nouns([b for b in bodies if b.key not in redirect], entities, redirect)
        orgs = {fold(e.name): e for e in entities.values() if e.kind == "organisation" and e.key not in redirect}
        for place in [e for e in entities.values() if e.kind == "place"]:
            for org in orgs.values():
                words = org.name.split(" ", 1)
                if org.head in self.territorial - {self.county} and len(words) == 2 \
                        and (fold(words[1]) == fold(place.name) or org.head in self.seat_named
                             and len(words[1].split()) == len(place.name.split())
                             and fold(words[1]) in map(fold, place.aliases)) \
                        and not (org.head in self.regions and self._in_geonames(place.name)) \
                        and not self._rural_gmina_of_town(org, place):
                    if fold(words[1]) != fold(place.name):  # "Gmina Szprotawy": the town's name in the genitive
                        org.names[f"{words[0]} {place.name}"] += sum(org.names.values()) + 1
                    self._absorb(org, place, entities, redirect)
                    break
        places = {fold(e.name) for e in entities.values() if e.kind == "place"}
        for org in orgs.values():
            if org.key not in redirect and (seat := self._seat_of(org)) and fold(seat) not in places:
                org.aliases.add(seat)
        return redirect

    def _merge_bare_generic_acronyms(self, bodies: list[Entity], seated: frozenset[str], entities: dict,
                                     redirect: dict) -> None:
        """ "OSP" alone in a text that names one fire brigade ("OSP Krubin", "Ochotnicza Straż Pożarna w Krubinie"):
        that brigade. A body every village has its own of is told apart by its seat only where the text gives one;
        with two such bodies named, the bare acronym stays as it is, and one a seat told apart ("OSP w Czerlinie",
        named "OSP") is a body of its own."""
        generic = set(lexicon().generic_organisation_words)
        for short in bodies:
            acronym = short.name
            if not is_acronym(acronym) or acronym.lower() not in generic or short.key in seated:
                continue
            full = [b for b in bodies if b is not short and b.key not in redirect and (
                b.name.startswith(acronym + " ")
                or "".join(w[0] for w in b.name.split()[:len(acronym)]) == acronym)]
            if len(full) == 1:
                self._absorb(full[0], short, entities, redirect)

    def _merge_typos(self, towns: list[Entity], entities: dict, redirect: dict) -> None:
        """A long foreign name written once with a typo ("Crailsheim", "Crailheim"): one town, named as GeoNames
        knows it or else as most often written; not two towns GeoNames knows by both names. Compared within names
        that begin alike, so the pass stays linear in the towns."""
        groups: dict[str, list[Entity]] = {}
        for town in towns:  # most mentioned first
            if len(fold(town.name)) >= TYPO_LENGTH and not self._known_to_sgjp(town.name):
                groups.setdefault(fold(town.name)[:2], []).append(town)
        for group in groups.values():
            for n, keep in enumerate(group):
                for other in group[n + 1:]:
                    if keep.key not in redirect and other.key not in redirect \
                            and any(one_typo(fold(name), fold(other.name)) for name in keep.names):
                        known = [self._in_geonames(keep.name), self._in_geonames(other.name)]
                        if all(known):
                            continue
                        if known[1]:  # the spelling GeoNames knows is the name, however often mistyped
                            keep.names[other.name] += sum(keep.names.values()) + 1
                        self._absorb(keep, other, entities, redirect)

    def _merge_voivodeship_regions(self, entities: dict, redirect: dict) -> None:
        """ "województwo małopolskie" and "Małopolska" (or "Małopolski") named in one text: one unit; a region
        named in another case takes its base form ("Podlasia" → "Podlasie")."""
        units = {}
        for e in entities.values():
            words = fold(e.name).split(" ", 1)
            if e.kind == "organisation" and e.head == self.voivodeship and len(words) == 2 and e.key not in redirect:
                units[words[1]] = e
        for place in [e for e in entities.values() if e.kind == "place" and e.key not in redirect]:
            region = next((r for r in self.voivodeship_regions
                           if any(fold(n) == fold(r) or inflected_forms(n, r) for n in place.names)), None)
            if region is None:
                continue
            if fold(place.name) != fold(region):
                place.names[region] += sum(place.names.values()) + 1
            adjective = fold(self.voivodeship_regions[region])[:-1]  # "małopolsk" of "małopolskie"
            unit = next((u for name, u in units.items() if name.startswith(adjective)), None)
            if unit is not None:
                self._absorb(unit, place, entities, redirect)

    @staticmethod
    def _in_geonames(name: str) -> bool:
        return any(how == "name" for _entry, how in gazetteer().places(name))

    @staticmethod
    def _known_to_sgjp(name: str) -> bool:
        """A name SGJP knows: its spellings are inflections, not typos."""
        return any(a.pos != "ign" for word in name.split() for a in analyser().analyse(word))

    def _seat_of(self, unit: Entity) -> str | None:
        """ "Gmina X", "Gmina Miejska X" → X: the gmina's seat, by whose name a reader knows it."""
        words = unit.name.split()
        if unit.head not in self.seat_named or len(words) < 2 or words[1].lower() in self.rural_words:
            return None
        seat = words[2:] if words[1].lower() in self.urban_words else words[1:]
        return " ".join(seat) if seat and seat[0][:1].isupper() else None

    def _split_rural_gminas(self, doc: Doc, entities: dict[str, Entity], mention_keys: list) -> None:
        """"wójt gminy X" of a town X the text also names as one: these mentions are of the gmina, its own unit."""
        for n, (span, key) in enumerate(zip(doc.ents, mention_keys)):
            if key is None or span.start < 2 or entities[key].kind != "place" \
                    or not entities[key].titled_by & self.town_marks or "gmina" not in lemma_set(doc[span.start - 1]) \
                    or not lemma_set(doc[span.start - 2]) & self.rural_offices:
                continue
            place, name = entities[key], f"{doc[span.start - 1].text[0]}mina {span._.base_form}"
            gmina_key = f"organisation:{fold(name)}"  # the place keeps its mentions as a town ("burmistrz X")
            gmina = entities.setdefault(gmina_key, Entity(gmina_key, "organisation", head="gmina", also_place=True))
            gmina.names[name] += 1
            gmina.aliases.add(f"{doc[span.start - 1].text} {span.text}")
            gmina.titled_by |= self.rural_offices
            gmina.mentions += [m for m in place.mentions if m[0] == span.start_char]
            place.mentions = [m for m in place.mentions if m[0] != span.start_char]
            mention_keys[n] = gmina_key

    def _rural_gmina_of_town(self, gmina: Entity, place: Entity) -> bool:
        """"Wójt Gminy X" beside "burmistrz X" or "miasto X": the rural gmina around the town, a unit of its own."""
        return bool(gmina.titled_by & self.rural_offices and place.titled_by & self.town_marks)

    def _merge_reversed_names(self, persons: list[Entity], entities: dict, redirect: dict) -> None:
        """ "Marciniak Adam" in a list written surname first and "Adam Marciniak" elsewhere: one person, named as
        the text names them with the given name first."""
        pairs: dict[frozenset, list[Entity]] = {}
        for person in persons:
            words = fold(person.name).split()
            if person.key not in redirect and len(words) == 2 and words[0] != words[1]:
                pairs.setdefault(frozenset(words), []).append(person)
        for group in pairs.values():
            if len(group) != 2 or fold(group[0].name) == fold(group[1].name):
                continue
            keep, gone = sorted(group, key=lambda p: not any(
                "imię" in a.classes for a in analyser().analyse(p.name.split()[0])))
            self._absorb(keep, gone, entities, redirect)

    def _merge_common_nouns(self, bodies: list[Entity], entities: dict, redirect: dict) -> None:
        """ "muzeum w Lipnie" after "Muzeum Ziemi Lipnowskiej": a body the text names by its common noun and seat
        is the one of that head it names in full, the one whose names hold the seat if there are several."""
        for short in [b for b in bodies if b.mentions and all(m[2] == COMMON_NOUN_RULE for m in b.mentions)]:
            named = [b for b in bodies if b is not short and b.key not in redirect and b.head == short.head
                     and any(m[2] != COMMON_NOUN_RULE for m in b.mentions)]
            seat = fold(short.name.split(" w ", 1)[-1])[:5] if " w " in short.name else None
            at_seat = [b for b in named if seat and any(seat in fold(n) for n in (*b.names, *b.aliases))]
            keep = at_seat if at_seat else named
            if len(keep) == 1:
                self._absorb(keep[0], short, entities, redirect)

    @staticmethod
    def _absorb(keep: Entity, gone: Entity, entities: dict, redirect: dict) -> None:
        keep.aliases |= gone.aliases | set(gone.names)
        keep.titled_by |= gone.titled_by
        keep.waterside = keep.waterside and gone.waterside
        keep.mentions += gone.mentions
        redirect[gone.key] = keep.key
        for k, v in list(redirect.items()):
            if v == gone.key:
                redirect[k] = keep.key
