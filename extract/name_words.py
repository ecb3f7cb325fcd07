"""What a word can be in a name: the tests the rules of persons, organisations and places share.

Token tests are functions; `NameRules` holds the ones that need the lexicon, and is the base of
`OrganisationRules`, `TerritorialUnitRules`, `PersonRules` and `PlaceRules`, which `kronika_entities` runs sentence
by sentence.
"""

import re
import unicodedata
from functools import lru_cache

from spacy.tokens import Doc, Span

from .gazetteer import gazetteer
from .lexicon import lexicon
from .morphology import analyser, analyses, lemma_set
from .names import (FOREIGN_NAME_ENDINGS, FOREIGN_PLACE_ADJECTIVE, GENITIVE_ADJECTIVE_ENDINGS, GEO_CLASSES,
                    PERSON_CLASSES as PERSON_NAME_CLASSES, fold, foreign_stems, role_at, unknown_to_sgjp)

INITIAL = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻÀ-ÖØ-Þ]\.$")
ROMAN = re.compile(r"^(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})$")
DASH_JOINERS = {"–", "—", "-"}
DOT_LEADER = re.compile(r"\.{3,}|…+")  # "Jan KRUK ...... prezes": dots leading from a name to its office, as a dash
ANY_CASE = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})
SENTENCE_ENDS = {".", "!", "?"}
# "• Panorama miasta": the word after a bullet opens its line
NUMBER_WORDS = ("nr", "nr.", "numer")  # "Szkoła Podstawowa nr 3", "Gimnazjum numer 1": the number of a name
LINE_BULLETS = {"•", "·", "▪", "●", "*", "►", "■", "□", "◦", "➢", "✓"}
UTTERANCE_ENDS = SENTENCE_ENDS | {"…", "...", ":", "?!", "!?"}
QUOTES_OPEN, QUOTES_CLOSE = set("„“«\"") | {",,"}, set("”\"»")  # ",,Kalina”": two commas typed as „
PERSON, ORG, PLACE = "persName", "orgName", "placeName"
FUNCTION_OR_VERB = {"fin", "praet", "impt", "imps", "inf", "pcon", "pant", "prep", "conj", "comp", "qub", "part", "adv",
                    "ppron12", "ppron3", "bedzie", "aglt", "pred"}


def model_persons(doc: Doc) -> set[int]:
    """Where the trained NER's persons begin ("Rady Powiatu X – Arwids Kucins": a foreign given name SGJP lacks)."""
    found = doc.user_data.get("kronika.model_persons")
    if found is None:
        found = doc.user_data["kronika.model_persons"] = {e.start for e in doc.spans.get("ner", []) if e.label_ == PERSON}
    return found


def model_place_across(doc: Doc, i: int) -> bool:
    """The trained NER reads one place's name across the token at i."""
    return any(e.start < i < e.end - 1 and e.label_ == PLACE for e in doc.spans.get("ner", []))


def two_towns_across(doc: Doc, i: int) -> bool:
    """ "Graz - Lublin", "Okręg Murau - Krapkowice": a spaced dash between towns of two countries GeoNames knows by
    those names, and not joined, pairs the towns; it joins no name (but "Bielsko - Biała", "Bystra - Sidzina",
    "Lahn - Dill" are one town or unit)."""
    if not (0 < i < len(doc) - 1 and doc[i].text in DASH_JOINERS and doc[i - 1].whitespace_ and doc[i].whitespace_):
        return False
    first, second = doc[i - 1].text, doc[i + 1].text
    countries = [{entry.country for entry, how in gazetteer().places(name) if how == "name"} for name in (first, second)]
    return all(countries) and countries[0].isdisjoint(countries[1]) and not gazetteer().places(f"{first}-{second}")


def name_like(t) -> bool:
    """A word that can be part of a person's name: unknown to SGJP, a name SGJP knows, or no common noun or
    adjective ("Bajaj"); "Porozumienia Obywatelskiego – prezes X" is a body, not a person."""
    readings = analyses(t)
    return unknown_to_sgjp(t) or any(PERSON_NAME_CLASSES.intersection(a.classes) for a in readings) \
        or not any(a.pos in ("subst", "adj") for a in readings)


# Morfeusz's classes of words that are never a name's first word at a sentence's start: verbs,
# personal pronouns, conjunctions, prepositions, particles, adverbs, interjections.
NOT_A_NAME = {"fin", "praet", "impt", "imps", "inf", "pcon", "pant", "bedzie", "winien", "pred", "aglt", "ppron12",
              "ppron3", "siebie", "comp", "conj", "prep", "qub", "part", "adv", "interj"}


def opening_non_name(t) -> bool:
    """A sentence's first word that is a verb, pronoun or function word by every reading Morfeusz has ("Byliśmy")."""
    return starts_sentence(t) and analyser().leading_classes(t.text) <= NOT_A_NAME


def given_name(t) -> bool:
    return any("imię" in a.classes for a in analyses(t)) or accented_given_name(t.text)


POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


def foreign_letters(text: str) -> bool:
    """A letter of another Latin alphabet than the Polish one: a name written with one is foreign ("Nováček")."""
    return any(c.isalpha() and not c.isascii() and c not in POLISH_LETTERS for c in text)


@lru_cache(maxsize=20_000)
def accented_given_name(text: str) -> bool:
    """ "Magdaléna", "Zoltán": a given name SGJP knows without the accents of another language."""
    plain = "".join(c if c in POLISH_LETTERS else unicodedata.normalize("NFKD", c)[0] for c in text)
    return plain != text and any("imię" in a.classes for a in analyser().analyse(plain))


def place_adjective(t) -> bool:
    """A relational adjective of a place name: pomorski, bielski, opolski, łódzki."""
    return any(a.pos == "adj" and re.search(r"(sk|ck|dzk)i$", a.lemma) and a.lemma not in common_ski_adjectives()
               for a in analyses(t)) or \
        unknown_to_sgjp(t) and bool(FOREIGN_PLACE_ADJECTIVE.search(t.text))  # "Miżgirskiego": a foreign place's


@lru_cache(maxsize=1)
def common_ski_adjectives() -> frozenset[str]:
    """ "partnerski", "miejski": adjectives with a place adjective's ending that name no place."""
    return frozenset(lexicon().common_ski_adjectives)


def partnership_text(doc: Doc) -> bool:
    """Whether the text has a word of partnership ("partnerski", "bliźniaczy"): most texts have none, and the rules
    for partner lists need not look in them (remembered per document)."""
    known = doc.user_data.get("kronika.partnership")
    if known is None:
        lower = doc.text.lower()
        known = doc.user_data["kronika.partnership"] = any(stem in lower for stem in lexicon().relations["twinning_stems"])
    return known


def folded_forms(t) -> set[str]:
    """A word as written and its base forms, folded: how a mention in another case ("Wróbla") meets a name
    recognised before ("Wróbel")."""
    return {fold(t.text), *(fold(a.lemma) for a in analyses(t))}


def name_cases(t) -> frozenset[str] | None:
    """The cases a word of a name may be in: its proper readings' (else all its readings'), a foreign
    name's Polish ending (-owi dative, -em instrumental); None when nothing tells. Remembered per
    document: name runs ask about the same words many times."""
    found = t.doc.user_data.setdefault("kronika.name_cases", {})
    if t.i not in found:
        found[t.i] = _name_cases(t)
    return found[t.i]


def _name_cases(t) -> frozenset[str] | None:
    proper = [a for a in analyses(t) if a.proper] or [a for a in analyses(t) if a.pos != "ign"]
    if proper:
        return frozenset().union(*(a.cases for a in proper)) or None
    for case, endings in FOREIGN_NAME_ENDINGS.items():
        if any(e.search(t.text) for e in endings):
            return frozenset({case})
    ending = ADJECTIVAL_SURNAME.search(t.text)
    return ADJECTIVAL_SURNAME_CASES[ending.group(1).lower()] if ending else None


# A surname SGJP lacks, declined as an adjective ("Zełenski", "Zełenskiego"): the cases its ending allows.
ADJECTIVAL_SURNAME = re.compile(r"(?<=[^\W\d_]{3}[sc]k)(i|iego|iemu|im|a|iej|ą)$", re.I)  # -ski, -cki, -dzki
ADJECTIVAL_SURNAME_CASES = {"i": frozenset({"nom", "voc"}), "iego": frozenset({"gen", "acc"}), "iemu": frozenset({"dat"}),
                            "im": frozenset({"inst", "loc"}), "a": frozenset({"nom", "voc"}),
                            "iej": frozenset({"gen", "dat", "loc"}), "ą": frozenset({"acc", "inst"})}


def agrees_with(t, nouns) -> bool:
    """t has an adjective reading in the case, number and gender of one of the noun readings."""
    return any(a.pos == "adj" and any(a.cases & n.cases and a.numbers & n.numbers and a.genders & n.genders for n in nouns)
               for a in analyses(t))


def cap(t) -> bool:
    """Capitalised: an upper-case letter first (known per document: asked of every word many times)."""
    capitals = t.doc.user_data.get("kronika.capitalised")
    if capitals is None:
        capitals = t.doc.user_data["kronika.capitalised"] = [x.text[:1].isupper() and x.text[:1].isalpha() for x in t.doc]
    return capitals[t.i]


def allcaps(t) -> bool:
    return len(t.text) >= 2 and t.text.isupper() and t.text.replace("-", "").isalpha()


def shouted_words(doc: Doc) -> frozenset[int]:
    """The capitalised words of lines written in capitals ("PODPISANO UMOWĘ Z REJONEM KOSOWSKIM", a heading or a
    lead): there case tells nothing of names (remembered per document). A line of acronyms ("PCK, OSP i KGW") is
    not shouting: it needs two long words."""
    shouted = doc.user_data.get("kronika.shouted")
    if shouted is None:
        texts = [t.text for t in doc]
        found: set[int] = set()
        start = 0
        for i, text in enumerate([*texts, "\n"]):
            if "\n" not in text:
                continue
            line, start = range(start, i), i + 1
            capitals = [k for k in line if texts[k].isupper()]
            if len(capitals) < 2 or 5 * len(capitals) < 2 * len(line):  # most lines (a paragraph is one): no need
                continue  # to count letters
            letters = {k: sum(c.isalpha() for c in texts[k]) for k in line}
            words = [k for k in line if letters[k] >= 2]
            long_capitals = [k for k in capitals if letters[k] >= 5]
            if len(words) >= 4 and sum(letters[k] >= 2 for k in capitals) >= 0.8 * len(words) and len(long_capitals) >= 2:
                found.update(capitals)
        shouted = doc.user_data["kronika.shouted"] = frozenset(found)
    return shouted


def starts_sentence(t) -> bool:
    """At a sentence start, or after a full stop within a line the segmenter kept whole (a heading:
    "Zabrze i Essen. Przyjaźń górniczych miast"), or after a dash that opens a line of dialogue
    after a sentence's end ("Nie wiem. – Jak to?") or at a line's start, or after the mark of a cut in a
    quotation ("(…) Myślę")."""
    starts = t.doc.user_data.get("kronika.starts")
    if starts is None:
        doc = t.doc
        starts = doc._.sent_starts | {x.i + 1 for x in doc if x.text in SENTENCE_ENDS}
        starts |= {x.i + 1 for x in doc if x.text in DASH_JOINERS and (x.i > 0 and doc[x.i - 1].text in UTTERANCE_ENDS
                                                                   or x.i in doc._.sent_starts)}  # "– Zgoda buduje…"
        starts |= {x.i + 1 for x in doc if x.text in LINE_BULLETS and (x.i in doc._.sent_starts or x.i > 0 and "\n" in doc[x.i - 1].text)}
        starts |= {x.i + 1 for x in doc if x.text in (")", "]") and x.i >= 2 and doc[x.i - 1].text in ("…", "...")
                   and doc[x.i - 2].text in ("(", "[")}  # "(…) Myślę, że": a quotation cut, then a sentence
        doc.user_data["kronika.starts"] = starts
    return t.i in starts


ADDRESSING_VERBS = ("fin", "impt", "bedzie")  # Morfeusz's classes of a verb that can address "you" ("sec")


def title_adjective(t) -> bool:
    """An adjective that is no name in any reading ("Diecezjalny", "Pomocniczy"): after a title, part of the title,
    not of the name after it."""
    readings = analyses(t)
    return any(a.pos == "adj" for a in readings) and not any(a.proper for a in readings)


def has_common_reading(t) -> bool:
    return any(a.pos not in ("ign", "brev") and not a.proper for a in analyses(t))


def may_hold_a_name(sent) -> bool:
    """A capitalised word inside the sentence, or an opening one that is a name or unknown to SGJP: a sentence
    without one gives neither the model nor the rules a name (asked of each sentence by both, known per document)."""
    known = sent.doc.user_data.setdefault("kronika.may_hold_a_name", {})
    if sent.start not in known:
        known[sent.start] = any(cap(t) and (t.i != sent.start or not has_common_reading(t)
                                            or any(a.proper for a in analyses(t))) for t in sent)
    return known[sent.start]


def common_at_start(t) -> bool:
    """A capitalised word opening a sentence that may be a common word there: it has a common reading other than a
    verb in the second person (which the prose of reports and chronicles does not open with: "Wrzeszcz",
    "wrzeszczeć"), and the text never capitalises it, nor a name of its lemma ("we Wrzeszczu"), inside a sentence."""
    known = t.doc._.inner_capitals or frozenset()
    if t.lower_ in known or any(a.proper and a.lemma.lower() in known for a in analyses(t)):
        return False
    return any(a.pos not in ("ign", "brev") and not a.proper and not (a.pos in ADDRESSING_VERBS and ":sec" in a.tag)
               for a in analyses(t))


def common_word(t) -> bool:
    """A word SGJP knows only as a common noun or an adjective ("Holendrzy", "Włoskie", "Wschodnią"):
    capitalised, it is still no place on its own."""
    readings = analyses(t)
    return bool(readings) and all(not a.proper and a.pos not in ("ign", "brev") for a in readings)


def has_proper_only(t) -> bool:
    """Every reading SGJP has of the word is a proper name (Jan, Kowalski), none a common noun (sala, róża)."""
    return not any(a.pos == "subst" and not a.proper for a in analyses(t))


def is_country(t) -> bool:
    """A country's name, as written or by one of SGJP's lemmas ("Niemcy", "Czechach")."""
    names = lexicon().country_names
    return t.text in names or any(a.lemma in names for a in analyses(t))


def named_otherwise(t) -> bool:
    """A given name in the singular (Monika, Roman; not its vocative alone: "z Helu"), an organisation's name (PiS)
    or a people's member (Polak, Polaków, Holendrów, Romów: SGJP writes an inhabitant's noun with a capital) by one of
    SGJP's readings: its being a village's name too makes it no place on its own. A country's name is a place
    whatever else it names (Niemcy: the Germans and their country; Izrael: a given name too)."""
    readings = analyses(t)
    return not is_country(t) and (
        any("imię" in a.classes and "sg" in a.numbers and a.cases != {"voc"} or "nazwa_organizacji" in a.classes
            for a in readings)
        or any(a.pos == "subst" and "nazwa_pospolita" in a.classes and a.lemma[:1].isupper() and "m1" in a.genders
               for a in readings))  # a person's noun (m1): not "Bolszewia", not the sign "Strzelec"


def geo(t) -> bool:
    return any(GEO_CLASSES.intersection(a.classes) and a.pos == "subst" for a in analyses(t))


def plural_of(t, nouns: set[str] | None = None, pos: tuple[str, ...] = ("subst",)) -> bool:
    """The word is one of `nouns` (or any word of the parts of speech `pos`), and only in the plural ("gmin",
    "miastami"; "członkowskich" as an adjective)."""
    readings = [a for a in analyses(t) if a.pos in pos and (nouns is None or a.lemma.lower() in nouns)]
    return bool(readings) and all(a.numbers == {"pl"} for a in readings)


class NameRules:
    """The lexicon the name rules read, and the tests of a word they share."""

    def __init__(self):
        lex = lexicon()
        self.lex = lex
        self.heads = set(lex.organisation_heads)
        self.singular_heads = frozenset(lex.singular_organisation_heads)
        self.qualified_heads = set(lex.qualified_organisation_heads)
        self.staff_bodies = set(lex.staff_body_heads)
        self.page_chrome = set(lex.page_chrome_words)
        self.field_labels = frozenset(lex.page_field_labels)
        self.foreign_heads = set(lex.foreign_organisation_heads)
        self.country_adjectives = frozenset(lex.country_adjectives)
        self.state_roles = frozenset(lex.state_roles)
        self.capital_titles = frozenset(lex.capital_titles)
        self.town_prefixes = frozenset(lex.town_prefixes)
        self.deputy_nouns = frozenset(lex.deputy_nouns)
        self.apposed_name_heads = frozenset(lex.apposed_name_heads)
        self.parent_body_names = frozenset(lex.parent_body_names)
        self.numbered_heads = set(lex.numbered_unit_heads)
        self.branch_heads = set(lex.branch_heads)
        self.seat_named_institutions = set(lex.institutions_named_by_seat)
        self.ensemble_heads = frozenset(lex.ensemble_heads)
        self.quoted_name_heads = self.ensemble_heads | frozenset(lex.quoted_name_heads)
        self.demonstratives = frozenset(lex.relations["demonstratives"])  # "tej gminy": the one named before
        self.generic_bodies = frozenset(lex.generic_organisation_words)  # "OSP", "KGW": every village may have one
        self.organ_heads = set(lex.organ_heads)  # "Zarząd OSP": an organ of the body its acronym names
        self.compound_heads = tuple(h for h in self.foreign_heads if len(h) >= 5)  # German compounds end in them
        # ("Landesmuseum"), and Scandinavian ("Fagskole")
        self.particles = set(lex.name_particles)
        self.religious_orders = frozenset(lex.religious_orders)
        self.polish_words = frozenset(lex.polish_body_words)
        self.place_particles = set(lex.place_particles)
        self.english_place_words = frozenset(lex.english_place_words)
        self.foreign_street_endings = tuple(lex.foreign_street_endings)
        self.term_words = frozenset(lex.term_words)
        self.town_name_ends = set(lex.town_name_ends)
        self.state_heads = set(lex.state_heads)  # "Republika Słowacka"
        self.council_chair_offices = frozenset(lex.council_chair_offices)
        self.council_unit_words = frozenset(lex.council_unit_words)
        self.honorifics = set(lex.honorifics)
        self.patron_titles = frozenset(lex.patron_titles)
        self.saints = set(lex.saint_honorifics)
        self.qualifiers = set(lex.role_qualifiers)
        self.assembly_adjectives = frozenset(lex.assembly_adjectives)
        self.place_heads = set(lex.place_heads)
        self.feature_heads = frozenset(lex.feature_heads)
        self.street_heads = frozenset(lex.street_heads)
        self.street_nouns = frozenset(lex.street_nouns)
        self.weekdays = frozenset(lex.weekdays)
        self.language_abbreviations = frozenset(lex.language_abbreviations)
        self.town_qualifiers = dict(lex.town_qualifiers)  # "Wlkp." → "wielkopolski"
        self.district_heads = set(lex.district_heads)
        self.city_nouns = set(lex.city_nouns)
        self.town_nouns = self.city_nouns | self.district_heads
        self.foreign_town_nouns = frozenset(lex.foreign_town_nouns)
        self.village_nouns = set(lex.village_nouns)
        self.legal_forms = {form.replace(" ", "") for form in lex.legal_forms}
        self.twinning = tuple(lex.relations["twinning_stems"])
        self.body_heads = set(lex.state_heads) | set(lex.organisation_heads)  # "konsul Republiki Czeskiej X"
        self.wide_places = {n.lower() for n in (*lex.country_names, *lex.continents)}  # countries, continents: lemmas
        self.programme_nouns = frozenset(lex.programme_nouns)  # "Programu Interreg Litwa – Polska": a name, no place
        self.historical_event_nouns = frozenset(lex.historical_event_nouns)
        self.place_preps = set(lex.place_prepositions)
        self.locative_preps = frozenset(lex.locative_case_prepositions)
        self.between = set(lex.relations["between_prepositions"])
        self.state_names = sorted(((name.split(), len(name.split()), country) for name, country in lex.official_state_names),
                                  key=lambda state: -state[1])  # the longest official name first
        self.state_starts = {words[0] for words, _n, _country in self.state_names} | set(lex.country_state_heads)
        self.state_of_country = frozenset(lex.country_state_heads)
        # regions of several words, the longest first, each word by its stem ("Nadrenia" → "nadren")
        self.region_names = sorted(((tuple(fold(w)[:max(4, len(w) - 2)] for w in re.split(r"[- ]", name)), name)
                                    for name in lex.regions if re.search(r"[- ]", name)), key=lambda r: -len(r[0]))
        self.region_starts = frozenset(stems[0][:4] for stems, _name in self.region_names)  # every stem has 4 letters
        self.state_acronyms = {words[0].upper() for words, n, _country in self.state_names if n == 1}  # "RP", "RFN"
        self.months = set(lex.months)
        self.decorations = set(lex.decoration_nouns)
        self.decoration_ranks = set(lex.decoration_ranks)
        self.renames = set(lex.relations["rename_markers"])
        self.rename_nouns = set(lex.relations["rename_nouns"])
        self.former_name_verbs = set(lex.relations["former_name_verbs"])
        self.successors = set(lex.relations["successor_nouns"]) | set(lex.relations["predecessor_nouns"])
        self.territorial = set(lex.territorial_heads)
        self.foreign_voivodeship_heads = frozenset(lex.foreign_voivodeship_heads)
        self.units_by_adjective = set(lex.units_named_by_adjective)
        self.singular_units = set(lex.singular_units)
        self.voivodeship_adjectives = frozenset(lex.voivodeship_adjectives)
        self.voivodeship = lex.voivodeship_unit
        self.voivodeship_words = {self.voivodeship} | {  # "województwo", "woj."
            short for short, noun in lex.relations["unit_abbreviations"].items() if noun == self.voivodeship}
        self.club_acronyms = set(lex.club_acronyms)
        self.one_word_bodies = frozenset(lex.one_word_bodies)
        self.school_acronyms = set(lex.school_acronyms)
        self.sacred_names = frozenset(lex.sacred_names)
        self.dedications = frozenset(lex.dedication_words)
        self.dedicated_heads = frozenset(lex.dedicated_heads)
        self.event_nouns = set(lex.event_triggers) - set(lex.trigger_objects)  # "Wymiana" names a body too
        self.unit_of_role = dict(lex.unit_of_role)
        for ext in ("place_names", "inner_capitals", "word_forms"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)
        for ext, default in (("base_form", None), ("aliases", None), ("rule", None), ("district", False), ("head", None)):
            if not Span.has_extension(ext):
                Span.set_extension(ext, default=default)

    @staticmethod
    def genitive(t) -> bool:
        return any("gen" in a.cases for a in analyses(t) if a.pos in ("subst", "adj", "ger", "ppas", "pact"))

    @staticmethod
    def given_name_nominative(t) -> bool:
        """ "Stanisław": a given name in the nominative singular, not also a genitive singular (the genitive
        plural of "Stanisława" is no reading to take here)."""
        return any("imię" in a.classes and "nom" in a.cases and "sg" in a.numbers for a in analyses(t)) and not any(
            "imię" in a.classes and "gen" in a.cases and "sg" in a.numbers for a in analyses(t))

    @staticmethod
    def given_name_not_genitive(t) -> bool:
        names = [a for a in analyses(t) if "imię" in a.classes and "sg" in a.numbers]
        return bool(names) and not any("gen" in a.cases or "nom" in a.cases for a in names)

    @staticmethod
    def _person_starts(doc: Doc, i: int) -> bool:
        """A given name in the nominative and a surname in the nominative after it ("Krystyna Sibińska")."""
        return any("imię" in a.classes and "nom" in a.cases for a in analyses(doc[i])) and cap(doc[i + 1]) and (
            unknown_to_sgjp(doc[i + 1]) or any("nazwisko" in a.classes and "nom" in a.cases for a in analyses(doc[i + 1])))

    @staticmethod
    def _person_in_case(doc: Doc, i: int, cases: frozenset) -> bool:
        """A given name and a surname after it, both in one of `cases` ("przez Wójta Gminy Jana Nowaka")."""
        return i + 1 < len(doc) and cap(doc[i + 1]) and any(
            "imię" in a.classes and cases & a.cases for a in analyses(doc[i])) and (
            unknown_to_sgjp(doc[i + 1]) or any("nazwisko" in a.classes and cases & a.cases for a in analyses(doc[i + 1])))

    @staticmethod
    def _surname_first_in_case(doc: Doc, i: int, cases: frozenset) -> bool:
        """A surname SGJP lacks, then a given name in one of `cases`, then no capital: a name written surname first,
        as Hungarian does ("z burmistrzem Gminy X Kovácsem Tiborem")."""
        return i + 1 < len(doc) and cap(doc[i]) and cap(doc[i + 1]) and unknown_to_sgjp(doc[i]) and any(
            "imię" in a.classes and cases & a.cases for a in analyses(doc[i + 1])) \
            and (i + 2 >= len(doc) or not cap(doc[i + 2]))

    def demonstrative(self, t) -> bool:
        """ "tej", "tejże" before a unit's noun: the unit named before (not the copula "to", nor "też")."""
        return t.is_lower and t.lower_ not in ("to", "też") and bool(lemma_set(t) & self.demonstratives)

    def is_head(self, t) -> bool:
        return cap(t) and self.head_lemma(t) is not None

    def head_lemma(self, t) -> str | None:
        last = t.lower_.rsplit("-", 1)[-1]  # "Bergbau-Museum": a compound ends in its head
        if unknown_to_sgjp(t) and (last in self.foreign_heads or (  # "Landesmuseum", "Handwerkskammer"
                head := next((h for h in self.compound_heads if last.endswith(h)), None))):
            return last if last in self.foreign_heads else head
        head = next((a.lemma.lower() for a in analyses(t) if a.pos == "subst" and a.lemma.lower() in self.heads), None)
        if head is None and t.i > 0 and cap(t) and cap(prev := t.doc[t.i - 1]) and not starts_sentence(prev):
            nouns = [a for a in analyses(t) if a.pos == "subst" and a.lemma.lower() in self.qualified_heads
                     and a.numbers == {"sg"}]  # not "Szanowni Państwo": ladies and gentlemen
            if nouns and agrees_with(prev, nouns):
                head = nouns[0].lemma.lower()  # "Ogólnokrajowy Samorząd", "Wolne Państwo": a body by its capitalised
                # adjective
        return head

    def foreign_holder(self, doc: Doc, e: int, end: int) -> bool:
        """ "Naczelnik Wydziału Kultury Nodar Kapanadze": after a body's complement in the genitive (no town's noun:
        "Gminy Santa Susanna" is a town, but "Hetmana Zlińskiego Kraju Jiřího Nováka" names its unit by the
        adjective, "Starosta Gminy Hradek Jana Nováková" by the foreign word after the noun), two capitalised words,
        the last unknown to SGJP or a surname and the first unknown or no genitive, then no capital: a foreign holder
        of the office, not more of the body's name."""
        units = self.town_nouns | self.territorial
        return e + 1 < end and cap(doc[e]) and cap(doc[e + 1]) \
            and (unknown_to_sgjp(doc[e + 1]) or any("nazwisko" in a.classes for a in analyses(doc[e + 1]))) \
            and (e + 2 >= end or not cap(doc[e + 2])) and (unknown_to_sgjp(doc[e]) or not self.genitive(doc[e])) \
            and (self.genitive(doc[e - 1])
                 and (not lemma_set(doc[e - 1]) & units or self._named_by_adjective(doc, e - 1))
                 or e >= 2 and unknown_to_sgjp(doc[e - 1]) and bool(lemma_set(doc[e - 2]) & units))

    @staticmethod
    def _named_by_adjective(doc: Doc, k: int) -> bool:
        """A unit's noun at k after a capitalised adjective naming it ("Zlińskiego Kraju")."""
        return k >= 1 and cap(doc[k - 1]) and (any(a.pos == "adj" for a in analyses(doc[k - 1]))
                                              or doc[k - 1].lower_.endswith(GENITIVE_ADJECTIVE_ENDINGS))

    def blocked(self, doc: Doc, i: int) -> bool:
        t = doc[i]
        return ((role_at(doc, i) is not None or lemma_set(t) & self.deputy_nouns or self._month(t)
                 or self._weekday_before_date(doc, i))
                and not self._surname_after_given_name(doc, i)
                or lemma_set(t) & self.decorations and not (i > 0 and (doc[i - 1].lower_ in self.place_preps or cap(
                    doc[i - 1]) and (any(a.pos in ("adj", "num") for a in analyses(doc[i - 1])) or i > 1 and self.is_head(
                        doc[i - 2])) and not lemma_set(doc[i - 1]) & self.decoration_ranks))  # "Bazylika Podwyższenia
                # Krzyża", "Pięciu Krzyży": inside a name; "Jana Lisa Krzyżem Orderu": after a person, a decoration
                or t.lower_ in self.honorifics
                or self.is_head(t) or t.lower_ in self.successors
                or i > 0 and (inside := role_at(doc, i - 1)) is not None and inside[1] > i)  # "Konsul Generalny"

    def _weekday_before_date(self, doc: Doc, i: int) -> bool:
        """ "Piątek 26.04.2024", "w Piątek 12 maja": a weekday's name before the date it falls on, no town's."""
        return i + 1 < len(doc) and doc[i + 1].text[:1].isdigit() and bool(lemma_set(doc[i]) & self.weekdays)

    def _month(self, t) -> bool:
        """A month's name as a date writes it, in the singular: not "we Wrześni" (Września; "wrześni" is also an
        old plural of "wrzesień")."""
        return any(a.lemma in self.months and "sg" in a.numbers for a in analyses(t))

    @staticmethod
    def _surname_after_given_name(doc: Doc, i: int) -> bool:
        """ "wójt Adam Sołtys", "Janina Kwiecień": a role's noun or a month SGJP also knows as a surname, right
        after a given name in its case and with no name of a body after it, is the surname."""
        if i == 0 or not cap(doc[i]) or i + 1 < len(doc) and cap(doc[i + 1]):
            return False
        given = {c for a in analyses(doc[i - 1]) if "imię" in a.classes for c in a.cases}
        return bool(given) and any("nazwisko" in a.classes and given & a.cases for a in analyses(doc[i]))

    def name_word(self, doc: Doc, i: int) -> bool:
        """A capitalised word that can be part of a proper name here (remembered per document)."""
        known = doc.user_data.setdefault("kronika.name_word", {})
        if i not in known:
            known[i] = self._name_word(doc, i)
        return known[i]

    def _name_word(self, doc: Doc, i: int) -> bool:
        t = doc[i]
        if not cap(t) or t.is_punct or len(t.text) == 1 or self.blocked(doc, i):
            return False
        if lemma_set(t) & self.sacred_names:
            return False  # "Pana Jezusa": in a church's dedication, no person
        if t.text in self.page_chrome:
            return False  # "Z wizytą w X PDF Drukuj E-mail": a page's buttons glued to its title
        if t.text.endswith(".") and t.lower_ in self.street_nouns:
            return False  # "na Pl. Wolności", "Ul. Lipowa": a street's or a square's noun, abbreviated
        if t.lower_ in self.field_labels and i + 1 < len(doc) and doc[i + 1].text == ":":
            return False  # "Dodał: X Data: 2022-05-30": a page's field label
        if allcaps(t) and any(a.pos in FUNCTION_OR_VERB for a in analyses(t)) and not any(a.proper for a in analyses(t)):
            return False  # a verb or function word in a text written in capitals
        if starts_sentence(t) or (i > 0 and doc[i - 1].text in "„\"(“«"):
            return not has_common_reading(t) or any(a.proper for a in analyses(t))
        return True

    def unit_end(self, doc: Doc, i: int) -> int:
        """End of a name unit starting at i: "Aix- Provence", "Baden - Baden" are one unit; "Nowak- Senator"
        is a name, then a dash before a role."""
        j = i + 1
        if doc[i].text in self.town_prefixes and j < len(doc) and cap(doc[j]):
            j += 1  # "Bad Dürkheim", "Saint Brice": one town's name
        while j < len(doc):
            prev = doc[j - 1]
            if prev.text.endswith("-") and len(prev.text) > 1 and cap(doc[j]) and role_at(doc, j) is None:
                j += 1
            elif doc[j].text in DASH_JOINERS and j + 1 < len(doc) and cap(doc[j + 1]) and role_at(doc, j + 1) is None \
                    and not two_towns_across(doc, j) \
                    and (not prev.whitespace_ or self.hyphenated_elsewhere(doc, prev.lower_, doc[j + 1].lower_)
                         or doc[j].text == "-" and unknown_to_sgjp(prev) and unknown_to_sgjp(doc[j + 1])
                         and model_place_across(doc, j)) \
                    and (given_name(prev) or not self._person_in_case(doc, j + 1, ANY_CASE)):
                j += 2  # "Baden -Baden", "Hersfeld–Rotenburg"; "Hersfeld – Rotenburg" where the text also hyphenates it;
                # "Karolem- Ottonem": two given names; not "Ośrodka Kultury- Janem Lisem": a dash, then a person;
                # "Neukirchen - Vluyn": two foreign words the trained NER reads as one place across the hyphen
            else:
                break
        return j

    @staticmethod
    def hyphenated_elsewhere(doc: Doc, first: str, second: str) -> bool:
        """The text writes these two words as one name with a hyphen, in some case ("Kędzierzyn - Koźle" and
        "w Kędzierzynie-Koźlu"). The document's hyphenated words are gathered once, not each word of it at each dash."""
        if doc._.word_forms is None:  # not gathered yet: a component before the entities' asks
            return False
        pairs = doc.user_data.get("kronika.hyphenated")
        if pairs is None:
            pairs = doc.user_data["kronika.hyphenated"] = [w.split("-") for w in doc._.word_forms if w.count("-") == 1] + [
                [doc[t.i - 1].lower_, doc[t.i + 1].lower_] for t in doc  # "Castello–Molina": a dash written as a hyphen
                if t.text in DASH_JOINERS and 0 < t.i < len(doc) - 1 and not doc[t.i - 1].whitespace_ and not t.whitespace_]
        return any(a.startswith(first[:4]) and b.startswith(second[:4]) for a, b in pairs)

    def _name_run(self, doc: Doc, i: int, end: int, limit: int = 4) -> int:
        """End of a run of name words and initials starting at i."""
        j, words, cases = i, 0, None
        while j < end and words < limit:
            here = name_cases(doc[j])
            if words >= 2 and cases and here is not None and not cases & here:
                break  # "Wolfgangowi Reinigerowi Złotą Odznakę": a word in another case ends the name
            if words >= 2 and j + 1 < end and cap(doc[j + 1]) and self._adjective_of(doc[j], doc[j + 1]) \
                    and not (role_at(doc, j + 1) is not None and any("nazwisko" in a.classes for a in analyses(doc[j]))):
                break  # "Gerharda Schmidta Złotą Odznaką": an adjective of the capitalised noun after it; but "Józef
                # Adam Lipnicki Wójt Gminy X": a surname, then the office
            if words and doc[j].text in self.religious_orders:
                break  # "ks. Jan Nowak SJ": the order's letters after the name
            if words >= 2 and geo(doc[j]) and not any(PERSON_NAME_CLASSES.intersection(a.classes) for a in analyses(doc[j])):
                break  # "Maria Nowak Ludwinowo": a table's next cell, the village, after the surname
            if words and any(c.isdigit() for c in doc[j].text) or words >= 2 and allcaps(doc[j]) \
                    and not allcaps(doc[j - 1]) and not given_name(doc[j - 1]) \
                    and any("nazwisko" in a.classes for a in analyses(doc[j - 1])):
                break  # "Jan Kos SP9ABC": a radio amateur's call sign; "Adam Nowicki JACHT KLUB": a heading after a
                # surname (but "Maria Anna KOWALSKA", "Marie Therese X": a surname in capitals after the given names)
            if INITIAL.match(doc[j].text) or self.name_word(doc, j):
                if here is not None:
                    cases = here if cases is None else cases & here or cases
                j = self.unit_end(doc, j) if not INITIAL.match(doc[j].text) else j + 1
                words += 1
            elif words and doc[j].text in self.particles and j + 1 < end and (
                    self.name_word(doc, j + 1) or doc[j + 1].text in self.particles):
                j += 1  # "Maria von Scheidt", "Jan van der Berg": a surname's particles
            else:
                break
        return j

    def _place_like(self, doc: Doc, i: int) -> bool:
        """After a role noun: an SGJP geographical name, a name the text puts after a place preposition
        elsewhere, or a word that is no person's name followed by a given name ("Burmistrz Grazu Hans X")."""
        end = self.unit_end(doc, i)
        if geo(doc[i]) or foreign_stems(doc[i:end].text) & doc._.place_names or self._town_end(doc, i) > end \
                or doc[i].text in self.town_prefixes and end > i + 1 \
                or end < len(doc) and cap(doc[end]) and doc[i].lower_.endswith(GENITIVE_ADJECTIVE_ENDINGS) and not given_name(doc[i]):
            # "starosta Krásnego Brodu": no name of a person opens with an adjective in the genitive
            return True  # "w Iwano-Frankiwsku … mer Iwano-Frankiwska X": one name in two cases
        if unknown_to_sgjp(doc[i]) and end + 1 < len(doc) and cap(doc[end]) and cap(doc[end + 1]) \
                and any(how == "name" for _, how in gazetteer().places(doc[i:end].text)):
            return True  # "burmistrz Révfülöp Géza Kondor": a town GeoNames knows by that name, then a person
        if end < len(doc) and self._case_apart(doc[i], doc[end]):
            return True  # "burmistrz Adrii Massimo X": a genitive before a given name in the nominative is no part of it
        if self._instrumental_apart(doc, i, end):
            return True  # "z merem X Jurgisem Y-em": a foreign holder's words take the office's ending, the town's not
        named = any(PERSON_NAME_CLASSES.intersection(a.classes) for a in analyses(doc[i]))
        if named or end >= len(doc):
            return False
        given = doc[end].text.split("-")[0]  # "Hans X", "Rolf-Axel X": a double given name by its first part
        return any("imię" in a.classes for a in analyses(doc[end])) or given != doc[end].text and any(
            "imię" in a.classes for a in analyser().analyse(given))

    @staticmethod
    def _instrumental_apart(doc: Doc, i: int, end: int) -> bool:
        """After an office in the instrumental, a word SGJP does not know without the instrumental's ending, then
        two that have it: a town, then its holder."""
        def instrumental(t) -> bool:
            return unknown_to_sgjp(t) and any(e.search(t.text) for e in FOREIGN_NAME_ENDINGS["inst"])
        return 0 < i and end == i + 1 and end + 1 < len(doc) and unknown_to_sgjp(doc[i]) and not instrumental(doc[i]) \
            and instrumental(doc[end]) and instrumental(doc[end + 1]) and role_at(doc, i - 1) is not None \
            and all(a.cases == {"inst"} for a in analyses(doc[i - 1]) if a.cases)

    @staticmethod
    def _case_apart(word, given) -> bool:
        """A word that shares no case with the given name after it: the two are no one person's name."""
        names = [a for a in analyses(given) if "imię" in a.classes and a.cases]
        readings = [a for a in analyses(word) if a.cases]
        return bool(names) and bool(readings) and cap(given) and not any(
            a.cases & b.cases for a in readings for b in names)

    def _gathered_plural(self, t) -> bool:
        """ "Przegląd Kapel Ludowych", "Festiwal Orkiestr Dętych": a body's head only in the genitive plural names
        whom an event or a union gathers, not one body."""
        readings = [a for a in analyses(t) if a.pos == "subst" and a.lemma.lower() in self.heads]
        return bool(readings) and all(a.numbers == {"pl"} and a.cases == {"gen"} for a in readings)

    def _plural_of_singular_head(self, t) -> bool:
        """ "Warsztaty Teatralne": a head that names a body only in the singular ("Warsztat Terapii Zajęciowej"),
        in the plural names an event."""
        readings = [a for a in analyses(t) if a.pos == "subst" and a.lemma.lower() in self.singular_heads]
        return bool(readings) and all(a.numbers == {"pl"} for a in readings)

    def _towns_plural(self, t) -> bool:
        """ "Gminami", "Miast": the town noun in the plural heads a list of towns, not one body's name."""
        return plural_of(t, self.town_nouns)

    @staticmethod
    def _adjective_of(t, noun) -> bool:
        """t can be an adjective agreeing with the common noun after it."""
        nouns = [a for a in analyses(noun) if a.pos == "subst" and not a.proper]
        return bool(nouns) and not geo(noun) and agrees_with(t, nouns)
