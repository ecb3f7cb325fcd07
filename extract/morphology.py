"""Morfeusz2 morphology: every analysis of a token, and the one context prefers.

No tagger model exists for this pipeline, so the choice among Morfeusz's
analyses is made by rules: capitalisation and sentence position (proper names
inside a sentence, common words at its start), the case a preceding
preposition governs, and agreement of an adjective with the noun after it.
"""

import re
import tomllib
from functools import lru_cache
from typing import NamedTuple

import morfeusz2
from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicon import DATA, lexicon

PROPER_CLASSES = frozenset({"nazwisko", "nazwa_geograficzna", "imię"})  # SGJP's classes of proper names
CASES = {"nom": "Nom", "gen": "Gen", "dat": "Dat", "acc": "Acc", "inst": "Ins", "loc": "Loc", "voc": "Voc"}
NUMBERS = {"sg": "Sing", "pl": "Plur"}
GENDERS = {"m1": "Masc", "m2": "Masc", "m3": "Masc", "f": "Fem", "n": "Neut"}
PROPER_CLASSES = {"imię", "nazwisko", "nazwa_geograficzna", "człon_nazwy_geograficznej", "nazwa_organizacji", "nazwa_własna"}
UPOS = {
    "subst": "NOUN", "depr": "NOUN", "ger": "NOUN", "adj": "ADJ", "adja": "ADJ", "adjp": "ADJ", "adjc": "ADJ",
    "pact": "ADJ", "ppas": "ADJ", "fin": "VERB", "praet": "VERB", "impt": "VERB", "imps": "VERB", "inf": "VERB",
    "pcon": "VERB", "pant": "VERB", "bedzie": "AUX", "winien": "VERB", "pred": "VERB", "prep": "ADP",
    "conj": "CCONJ", "comp": "SCONJ", "interp": "PUNCT", "num": "NUM", "numcol": "NUM", "dig": "NUM",
    "romandig": "NUM", "brev": "X", "qub": "PART", "part": "PART", "adv": "ADV", "ppron12": "PRON", "ppron3": "PRON",
    "siebie": "PRON", "interj": "INTJ", "aglt": "AUX", "ign": "X", "frag": "X", "burk": "X", "xxx": "X",
}


class Analysis(NamedTuple):
    lemma: str            # without Morfeusz's homonym qualifier (":Sm1")
    pos: str              # Morfeusz's grammatical class: subst, adj, prep, …
    cases: frozenset
    numbers: frozenset
    genders: frozenset
    classes: tuple        # SGJP name classes: imię, nazwisko, nazwa_geograficzna, …
    tag: str
    proper: bool = False  # a proper name: one of the classes is a name class

    @classmethod
    def of(cls, lemma: str, tag: str, classes: tuple) -> "Analysis":
        pos, cases, numbers, genders = parse_tag(tag)
        return cls(lemma, pos, cases, numbers, genders, classes, tag, not PROPER_CLASSES.isdisjoint(classes))


YEARS_ENDINGS = frozenset({"lecie", "lecia", "leciu", "leciem", "leciach"})
YEARS_NOUN = "-lecie"  # the lemma of "30-lecie", "10-lecia" (the lexicon's trigger of a jubilee)
UNKNOWN = Analysis("", "ign", frozenset(), frozenset(), frozenset(), (), "ign")


@lru_cache(maxsize=None)  # SGJP has a few thousand tags
def parse_tag(tag: str) -> tuple[str, frozenset, frozenset, frozenset]:
    parts = tag.split(":")
    cases, numbers, genders = set(), set(), set()
    for part in parts[1:]:
        values = part.split(".")
        if values[0] in CASES:
            cases.update(values)
        elif values[0] in NUMBERS:
            numbers.update(values)
        elif values[0] in GENDERS:
            genders.update(values)
    return parts[0], frozenset(cases), frozenset(numbers), frozenset(genders)


def _foreign_given_names() -> dict[str, str]:
    """Given names SGJP lacks (data/given_names.toml) → the tag of their nominative singular."""
    with open(DATA / "given_names.toml", "rb") as fh:
        raw = tomllib.load(fh)
    return {**{name: "subst:sg:nom:m1" for name in raw["masculine"]}, **{name: "subst:sg:nom:f" for name in raw["feminine"]}}


MASCULINE_NAME_ENDINGS = (("owi", "dat"), ("em", "inst"), ("a", "gen.acc"))  # of a given name ending in a consonant
VOWELS = frozenset("aeiouyąęó")
NOUN_ENDINGS = ("owie", "ami", "ach", "owi", "em", "ze", "ów", "a", "u", "y")  # a masculine noun's case endings


class Analyser:
    """Morfeusz2 analysis and generation, cached per word form."""

    def __init__(self):
        # the SWIG object under morfeusz2's wrapper: its readings carry tag and name ids, resolved
        # once per id here rather than to strings for every reading of every word
        self._morfeusz = morfeusz2.Morfeusz(generate=False, expand_tags=False)._morfeusz_obj
        self._ids = self._morfeusz.getIdResolver()
        self._tag = lru_cache(maxsize=None)(self._resolve_tag)
        self._classes = lru_cache(maxsize=None)(self._resolve_classes)
        self._generator = morfeusz2.Morfeusz(analyse=False, expand_tags=False)
        self._given_names = _foreign_given_names()
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)
        self.generate = lru_cache(maxsize=50_000)(self._generate)
        self.lemma_set = lru_cache(maxsize=200_000)(self._lemma_set)
        self.leading_classes = lru_cache(maxsize=50_000)(self._leading_classes)

    def foreign_given_name(self, word: str) -> bool:
        """One of the partners' given names SGJP lacks (data/given_names.toml), in its nominative."""
        return word in self._given_names

    def _lemma_set(self, text: str) -> frozenset[str]:
        lemmas = {a.lemma.lower() for a in self.analyse(text)} | {text.lower()}
        short = lexicon().role_short_forms  # "z-ca" is "zastępca"
        lemmas |= {short[lemma] for lemma in lemmas if lemma in short}
        first, _, rest = text.partition("-")
        prefix = short.get(first.lower(), first.lower())
        if rest and prefix in lexicon().role_prefixes:
            lemmas |= {prefix + lemma for lemma in self.lemma_set(rest)}  # "Vice-Wójt", "wice-burmistrz"
        elif not rest and len(text) > 6 and text[:4].lower() == "vice":
            lemmas |= {"wice" + lemma for lemma in self.lemma_set(text[4:].lower())}  # "viceburmistrzem"
        if all(a.pos == "ign" for a in self.analyse(text)):
            lemmas |= self._inflected_role(text.lower())
        if first.isdigit() and rest.lower() in YEARS_ENDINGS:
            lemmas.add(YEARS_NOUN)  # "30-lecia": the noun of an anniversary in years ("trzydziestolecie")
        return frozenset(lemmas)

    @staticmethod
    def _inflected_role(lower: str) -> set[str]:
        """ "Primatorem", "primatora": a foreign role noun SGJP does not know, inflected as a Polish masculine noun."""
        roles = lexicon().roles
        return {lower[:-len(ending)] for ending in NOUN_ENDINGS if lower.endswith(ending) and lower[:-len(ending)] in roles}

    def _resolve_tag(self, tag_id: int) -> str:
        return self._ids.getTag(tag_id)

    def _resolve_classes(self, name_id: int) -> tuple[str, ...]:
        names = self._ids.getName(name_id)
        return tuple(names.split("|")) if names else ()

    def _analyse(self, text: str) -> tuple[Analysis, ...]:
        if not text or text.isspace():
            return ()
        raw = self._morfeusz.analyse(text)
        split = len({r.startNode for r in raw}) > 1
        if split and "-" not in text and (past := self._past_with_agglutinate(raw)):
            return past  # "gościliśmy", "podpisałem": the past tense and its person ending, read as the verb
        if split:  # a hyphenated compound: analyse as one unknown word …
            prefix, _, last = text.rpartition("-")
            if prefix and all(p[-1:].lower() == "o" and p.isalpha() for p in prefix.split("-")):
                # … unless it is a compound adjective ("Polsko-Niemieckiego"): the last part's readings
                adjectives = [a for a in self.analyse(last) if a.pos == "adj"]
                if adjectives:
                    return tuple(a._replace(lemma=f"{prefix.lower()}-{a.lemma}") for a in adjectives)
            return (UNKNOWN._replace(lemma=text),)
        if text in self._given_names and len(raw) == 1 and self._tag(raw[0].tagId) == "ign":  # "Denise", "Uwe": a given name SGJP lacks
            return (Analysis.of(text, self._given_names[text], ("imię",)),)
        if len(raw) == 1 and self._tag(raw[0].tagId) == "ign" and (inflected := self._inflected_given_name(text)):
            return (inflected,)
        out = []
        for r in raw:
            out.append(Analysis.of(r.lemma.split(":")[0], self._tag(r.tagId), self._classes(r.nameId)))
        if all(set(a.classes) & PROPER_CLASSES for a in out):
            # "Damien": SGJP knows it only as a village's genitive; it is a given name as well ("Michalem" too)
            if text in self._given_names:
                out.append(Analysis.of(text, self._given_names[text], ("imię",)))
            elif (inflected := self._inflected_given_name(text)) is not None:
                out.append(inflected)
        return tuple(dict.fromkeys(out))

    def _inflected_given_name(self, text: str) -> Analysis | None:
        """ "Ołeha", "Ruslanowi", "Stepanem": a masculine given name SGJP lacks, ending in a consonant, in the case
        its Polish ending tells."""
        for ending, cases in MASCULINE_NAME_ENDINGS:
            stem = text[:-len(ending)]
            if text.endswith(ending) and self._given_names.get(stem) == "subst:sg:nom:m1" and stem[-1:].lower() not in VOWELS:
                return Analysis.of(stem, f"subst:sg:{cases}:m1", ("imię",))
        return None

    def _past_with_agglutinate(self, raw) -> tuple[Analysis, ...]:
        """The readings of a word Morfeusz splits into a past tense and a person ending ("gościli" + "śmy"): the
        past tense's, with the readings of the whole word if it has any; none for any other split."""
        last = max(r.endNode for r in raw)
        whole = [r for r in raw if r.startNode == 0 and r.endNode == last]
        past = [r for r in raw if r.startNode == 0 and r.endNode < last]
        ending = [r for r in raw if r.startNode > 0]
        if not past or not all(self._tag(r.tagId).startswith("praet") for r in past) \
                or not all(self._tag(r.tagId).startswith("aglt") and r.endNode == last for r in ending):
            return ()
        return tuple(dict.fromkeys(Analysis.of(r.lemma.split(":")[0], self._tag(r.tagId), self._classes(r.nameId))
                                   for r in whole + past))

    def _leading_classes(self, text: str) -> frozenset[str]:
        """The grammatical classes of a word's first segment in each of Morfeusz's readings: a word of
        two segments ("Byłem": praet + aglt, "Gdybyśmy": comp + aglt) is otherwise one unknown word."""
        return frozenset(self._tag(r.tagId).split(":", 1)[0] for r in self._morfeusz.analyse(text) if r.startNode == 0)

    def _generate(self, lemma: str) -> tuple[Analysis, ...]:
        """Every form of a lemma, as (form in `lemma` field, its tag)."""
        out = []
        try:
            raw = self._generator.generate(lemma)
        except RuntimeError:
            return ()
        for form, _lemma, tag, classes, _qual in raw:
            out.append(Analysis.of(form, tag, tuple(classes)))
        return tuple(out)

    def inflect(self, lemma: str, pos: str, case: str, number: str, gender: str | None, degree: str = "pos") -> str | None:
        """The form of `lemma` with the given features (an adjective's degree: pos, com, sup), or None.
        A compound adjective ("polsko-niemiecki") inflects its last part."""
        for form in self.generate(lemma):
            if form.pos == pos and case in form.cases and number in form.numbers and (
                    gender is None or gender in form.genders or not form.genders) and (
                    pos != "adj" or form.tag.endswith(":" + degree)) and (pos != "ppas" or form.tag.endswith(":aff")):
                return form.lemma
        prefix, _, last = lemma.rpartition("-")
        if pos == "adj" and prefix:
            form = self.inflect(last, pos, case, number, gender, degree)
            return f"{prefix}-{form}" if form else None
        return None


# SGJP's tags of the verb forms that make a clause: present or future ("współpracuje", "będzie"), past
# ("nawiązał"), impersonal ("podpisano").
FINITE_VERB_TAGS = frozenset({"fin", "praet", "bedzie", "imps"})


@lru_cache(maxsize=1)
def analyser() -> Analyser:
    return Analyser()


@lru_cache(maxsize=200_000)
def _prefer(text: str, governed: frozenset, next_cases: frozenset, sentence_start: bool,
            next_proper_cases: frozenset, adnominal: frozenset) -> Analysis:
    """The analysis of a word its context prefers (remembered: words recur in the same contexts)."""
    capital = text[:1].isupper()
    return max(analyser().analyse(text),
               key=lambda a: _score(capital, a, governed, next_cases, sentence_start, next_proper_cases, adnominal))


def _score(capital: bool, a: Analysis, governed: frozenset, next_cases: frozenset, sentence_start: bool,
           next_proper_cases: frozenset, adnominal: frozenset) -> float:
    score = 0.0
    if a.pos == "ign":
        return -5.0
    if capital and not sentence_start:
        score += 2.0 if a.proper else 0.0
        score += 1.0 if a.pos in ("subst", "adj", "depr") else 0.0
    elif capital:
        score += 1.0 if not a.proper else 0.5
    elif a.proper:
        score -= 3.0
    if governed & a.cases:
        score += 2.0
    if adnominal & a.cases and "nazwa_geograficzna" in a.classes:
        score += 1.5  # "prezydent Radomia": a place after a noun is its genitive (Radom), not a village Radomia
    if "nazwa_geograficzna" in a.classes and "m3" in a.genders:
        score += 0.1  # between equals, towns in -ów outnumber villages in -owo ("z Tarnowa": Tarnów)
    if a.pos == "adj" and next_cases and a.cases & next_cases:
        score += 1.0
    if a.proper and next_proper_cases and a.cases & next_proper_cases:
        score += 1.0  # "Jana Nowaka": a given name agrees with the surname after it
    if a.pos == "depr" or "nazwisko" in a.classes and not capital:
        score -= 1.0
    return score


ANALYSES, CHOSEN, LEMMA_SETS = "kronika.analyses", "kronika.analysis", "kronika.lemma_sets"


def analyses(t: Token) -> tuple[Analysis, ...]:
    """Every Morfeusz analysis of a token (read from the document: the rules ask often, and
    `Token._` costs an object per question)."""
    return t.doc.user_data[ANALYSES][t.i]


def chosen(t: Token) -> Analysis | None:
    """The analysis the context prefers, None for a token Morfeusz has nothing for (whitespace)."""
    return t.doc.user_data[CHOSEN][t.i]


def lemma_set(t: Token) -> frozenset[str]:
    """The lower-case lemmas of all of a token's analyses, and its own lower-case form."""
    return t.doc.user_data[LEMMA_SETS][t.i]


def lemma_sets(doc: Doc) -> list[frozenset[str]]:
    """Every token's lemma set, in order."""
    return doc.user_data[LEMMA_SETS]


@Language.factory("kronika_morphology")
def make_morphology(nlp: Language, name: str):
    return Morphology()


@lru_cache(maxsize=20_000)
def _attributes(best: Analysis) -> tuple[str, str, str, str]:
    """(lemma, UPOS, tag, morphological features) a token takes from its chosen analysis."""
    upos = "PROPN" if UPOS.get(best.pos, "X") in ("NOUN", "X") and best.proper else UPOS.get(best.pos, "X")
    # the fine-grained tag the statistical NER reads: SGJP's part of speech and name class
    tag = ":".join((best.pos, *sorted(best.classes)))
    feats = []
    if best.cases:  # several values where Morfeusz leaves the case open: "Case=Acc,Gen"
        feats.append("Case=" + ",".join(sorted(CASES[c] for c in best.cases)))
    if best.numbers:
        feats.append("Number=" + ",".join(sorted(NUMBERS[n] for n in best.numbers)))
    if best.genders:
        feats.append("Gender=" + ",".join(sorted({GENDERS[g] for g in best.genders})))
    return best.lemma, upos, tag, "|".join(sorted(feats))


SPACED_DASH = re.compile(r"\s*[-–—]\s*")


def compound_form(text: str) -> str:
    """ "warmińsko – mazurskiego" → "warmińsko-mazurskiego": a compound merged across its dash (extract/compounds.py),
    as SGJP writes it."""
    return SPACED_DASH.sub("-", text)


class Morphology:
    """Lemma, part of speech and Case/Number/Gender from Morfeusz2, chosen by context."""

    def __init__(self):
        self.analyser = analyser()
        self.apposition = frozenset(lexicon().city_nouns) | frozenset(lexicon().place_heads)  # "miasto Radom"
        self.set_phrases = frozenset(lexicon().adverbial_phrases)  # "z kolei X": no preposition governs X
        self.phrase_starts = frozenset(p.split()[0] for p in self.set_phrases)
        if not Token.has_extension("analyses"):
            Token.set_extension("analyses", getter=analyses)
            Token.set_extension("analysis", getter=chosen)
            Token.set_extension("name_class", getter=lambda t: a.classes if (a := chosen(t)) else ())
        if not Doc.has_extension("sent_starts"):
            Doc.set_extension("sent_starts", default=None)

    def __call__(self, doc: Doc) -> Doc:
        analyse, lemma_set_of = self.analyser.analyse, self.analyser.lemma_set
        texts = [compound_form(t.text) if " " in t.text else t.text for t in doc]  # a compound merged across its dash
        all_analyses = [analyse(text) for text in texts]
        starts = frozenset(s.start for s in doc.sents) if doc.has_annotation("SENT_START") else frozenset({0})
        doc._.sent_starts = starts
        doc.user_data[ANALYSES] = all_analyses
        doc.user_data[LEMMA_SETS] = [lemma_set_of(text) for text in texts]
        best_of = doc.user_data[CHOSEN] = [None] * len(doc)
        governed = adnominal = frozenset()
        apposition = self.apposition
        n = len(doc)
        for i, token in enumerate(doc):
            options = all_analyses[i]
            if not options:
                continue
            if len(options) > 1:
                following = all_analyses[i + 1] if i + 1 < n else ()
                next_cases = frozenset().union(*(a.cases for a in following))
                next_proper = frozenset().union(*(a.cases for a in following if a.proper)) \
                    if following and texts[i + 1][:1].isupper() else frozenset()
                best = _prefer(texts[i], governed, next_cases, i in starts, next_proper, adnominal)
            else:
                best = options[0]
            best_of[i] = best
            lemma, upos, tag, feats = _attributes(best)
            token.lemma_ = lemma or texts[i]
            token.pos_ = "PROPN" if best.pos == "ign" and texts[i][:1].isupper() else upos
            token.tag_ = tag
            if feats:
                token.set_morph(feats)
            if best.pos == "prep":
                governed = frozenset().union(*(a.cases for a in options if a.pos == "prep"))
            elif best.pos not in ("adj", "num", "adv", "qub", "part"):
                governed = frozenset()
            # a name after a common noun: its genitive ("prezydent Radomia"), or the noun's own case
            # after a noun it stands in apposition to ("miasto Radom", "w mieście Radomiu")
            if i > 0 and texts[i - 1].lower() in self.phrase_starts \
                    and f"{texts[i - 1].lower()} {texts[i].lower()}" in self.set_phrases:
                governed = adnominal = frozenset()  # "Z kolei Sieradz jest…", "w tym Opole": an adverbial phrase
            elif best.pos == "subst" and not best.proper and texts[i][:1].islower():
                adnominal = best.cases if best.lemma.lower() in apposition else frozenset({"gen"})
            else:
                adnominal = frozenset()
        return doc
