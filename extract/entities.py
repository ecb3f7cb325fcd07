"""Rule-based mentions of persons, organisations and places.

Organisations: a capitalised head noun (stowarzyszenie, izba, muzeum, …) with
its capitalised adjectives and complements; an acronym or a name in another
language after it is an alias. Persons: an honorific, an initial, a role noun
or a given name before capitalised words, or a surname in capitals. Places:
SGJP geographical names, capitalised names after place prepositions or
place nouns ("dzielnica X") and after municipal roles ("Mer X"). A second
pass finds later mentions of names already recognised. Names the trained NER
found (kept in `doc.spans["ner"]`) where no rule did are added when they pass
the same tests of a name word.

Each mention is a span in `doc.ents` with `Span._.base_form` (nominative),
`Span._.aliases`, `Span._.rule` and, for places, `Span._.district`.
"""

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .dates import past_date
from .lexicon import lexicon
from .morphology import analyser, analyses, chosen, lemma_set
from .names import (FOREIGN_NAME_ENDINGS, FOREIGN_PLACE_ADJECTIVE, GEO_CLASSES, PERSON_CLASSES as PERSON_NAME_CLASSES, after_portfolio, fold, foreign_stems,
                    is_acronym, organisation_base, person_base, place_base, role_at, tidy, unit_base, unknown_to_sgjp)

INITIAL = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻÀ-ÖØ-Þ]\.$")
ROMAN = re.compile(r"^(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})$")
DASH_JOINERS = {"–", "—", "-"}
SENTENCE_ENDS = {".", "!", "?"}
UTTERANCE_ENDS = SENTENCE_ENDS | {"…", "...", ":", "?!", "!?"}
QUOTES_OPEN, QUOTES_CLOSE = set("„“«\""), set("”\"»")
PERSON, ORG, PLACE = "persName", "orgName", "placeName"
FUNCTION_OR_VERB = {"fin", "praet", "impt", "imps", "inf", "pcon", "pant", "prep", "conj", "comp", "qub", "adv", "ppron12",
                    "ppron3", "bedzie", "aglt", "pred"}


def model_persons(doc: Doc) -> set[int]:
    """Where the trained NER's persons begin ("Rady Powiatu X – Arwids Kucins": a foreign given name SGJP lacks)."""
    found = doc.user_data.get("kronika.model_persons")
    if found is None:
        found = doc.user_data["kronika.model_persons"] = {e.start for e in doc.spans.get("ner", []) if e.label_ == PERSON}
    return found


def _name_like(t) -> bool:
    """A word that can be part of a person's name: unknown to SGJP, a name SGJP knows, or no common noun or
    adjective ("Bajaj"); "Porozumienia Obywatelskiego – prezes X" is a body, not a person."""
    readings = analyses(t)
    return unknown_to_sgjp(t) or any(PERSON_NAME_CLASSES.intersection(a.classes) for a in readings) \
        or not any(a.pos in ("subst", "adj") for a in readings)


def _given_name(t) -> bool:
    return any("imię" in a.classes for a in analyses(t))


def _place_adjective(t) -> bool:
    """A relational adjective of a place name: pomorski, bielski, opolski, łódzki."""
    return any(a.pos == "adj" and re.search(r"(sk|ck|dzk)i$", a.lemma) for a in analyses(t)) or \
        unknown_to_sgjp(t) and bool(FOREIGN_PLACE_ADJECTIVE.search(t.text))  # "Miżgirskiego": a foreign place's


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
    return None


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


def starts_sentence(t) -> bool:
    """At a sentence start, or after a full stop within a line the segmenter kept whole (a heading:
    "Zabrze i Essen. Przyjaźń górniczych miast"), or after a dash that opens a line of dialogue
    after a sentence's end ("Nie wiem. – Jak to?")."""
    starts = t.doc.user_data.get("kronika.starts")
    if starts is None:
        doc = t.doc
        starts = doc._.sent_starts | {x.i + 1 for x in doc if x.text in SENTENCE_ENDS}
        starts |= {x.i + 1 for x in doc if x.text in DASH_JOINERS and x.i > 0 and doc[x.i - 1].text in UTTERANCE_ENDS}
        doc.user_data["kronika.starts"] = starts
    return t.i in starts


def has_common_reading(t) -> bool:
    return any(a.pos not in ("ign", "brev") and not a.proper for a in analyses(t))


def common_word(t) -> bool:
    """A word SGJP knows only as a common noun or an adjective ("Holendrzy", "Włoskie", "Wschodnią"):
    capitalised, it is still no place on its own."""
    readings = analyses(t)
    return bool(readings) and all(not a.proper and a.pos not in ("ign", "brev") for a in readings)


def has_proper_only(t) -> bool:
    """Every reading SGJP has of the word is a proper name (Jan, Kowalski), none a common noun (sala, róża)."""
    return not any(a.pos == "subst" and not a.proper for a in analyses(t))


def named_otherwise(t) -> bool:
    """A given name in the singular (Monika, Roman), an organisation's name (PiS) or a people in the plural
    (Polaków, Holendrów: SGJP writes an inhabitant's noun with a capital) by one of SGJP's readings: its
    being a village's name too makes it no place on its own."""
    readings = analyses(t)
    return any("imię" in a.classes and "sg" in a.numbers or "nazwa_organizacji" in a.classes for a in readings) or (
        any(a.pos == "subst" and a.classes == ("nazwa_pospolita",) and a.lemma[:1].isupper() and a.numbers == {"pl"}
            for a in readings)
        and not any(a.lemma in lexicon().country_names for a in readings))  # Niemcy: the Germans and their country


def geo(t) -> bool:
    return any(GEO_CLASSES.intersection(a.classes) and a.pos == "subst" for a in analyses(t))


@Language.factory("kronika_entities")
def make_entities(nlp: Language, name: str):
    return EntityRecognizer()


class EntityRecognizer:
    def __init__(self):
        lex = lexicon()
        self.lex = lex
        self.heads = set(lex.organisation_heads)
        self.foreign_heads = set(lex.foreign_organisation_heads)
        self.compound_heads = tuple(h for h in self.foreign_heads if len(h) >= 6)  # German compounds end in them
        self.particles = set(lex.name_particles)
        self.place_particles = set(lex.place_particles)
        self.honorifics = set(lex.honorifics)
        self.saints = set(lex.saint_honorifics)
        self.qualifiers = set(lex.role_qualifiers)
        self.place_heads = set(lex.place_heads)
        self.district_heads = set(lex.district_heads)
        self.city_nouns = set(lex.city_nouns)
        self.town_nouns = self.city_nouns | self.district_heads
        self.legal_forms = {form.replace(" ", "") for form in lex.legal_forms}
        self.twinning = tuple(lex.relations["twinning_stems"])
        self.body_heads = set(lex.state_heads) | set(lex.organisation_heads)  # "konsul Republiki Czeskiej X"
        self.place_preps = set(lex.place_prepositions)
        self.months = set(lex.months)
        self.renames = set(lex.relations["rename_markers"])
        self.rename_nouns = set(lex.relations["rename_nouns"])
        self.former_name_verbs = set(lex.relations["former_name_verbs"])
        self.successors = set(lex.relations["successor_nouns"]) | set(lex.relations["predecessor_nouns"])
        self.territorial = set(lex.territorial_heads)
        self.event_nouns = set(lex.event_triggers)
        self.unit_of_role = dict(lex.unit_of_role)
        for ext in ("place_names", "inner_capitals", "word_forms"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)
        for ext, default in (("base_form", None), ("aliases", None), ("rule", None), ("district", False), ("head", None)):
            if not Span.has_extension(ext):
                Span.set_extension(ext, default=default)

    # --- token tests -------------------------------------------------------
    @staticmethod
    def genitive(t) -> bool:
        return any("gen" in a.cases for a in analyses(t) if a.pos in ("subst", "adj", "ger"))

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

    def _legal_form(self, doc: Doc, i: int, end: int) -> int:
        """How many tokens a company's legal form at i takes ("Sp. z o.o.", "S.A.", "GmbH"), else 0."""
        written = ""
        for n in range(1, min(5, end - i + 1)):
            written += doc[i + n - 1].lower_
            if written in self.legal_forms:
                return n
        return 0

    def _two_given_names(self, doc: Doc, i: int, end: int) -> bool:
        """A given name in the nominative, another after it and a name word after both: a person, even where
        the first is also a village ("Jan": Jany)."""
        return i + 2 < end and any("imię" in a.classes and "nom" in a.cases for a in analyses(doc[i])) \
            and _given_name(doc[i + 1]) and self.name_word(doc, i + 2)

    def is_head(self, t) -> bool:
        return cap(t) and self.head_lemma(t) is not None

    def head_lemma(self, t) -> str | None:
        last = t.lower_.rsplit("-", 1)[-1]  # "Bergbau-Museum": a compound ends in its head
        if unknown_to_sgjp(t) and (last in self.foreign_heads or (  # "Landesmuseum", "Handwerkskammer"
                head := next((h for h in self.compound_heads if last.endswith(h)), None))):
            return last if last in self.foreign_heads else head
        return next((a.lemma.lower() for a in analyses(t) if a.pos == "subst" and a.lemma.lower() in self.heads), None)

    def blocked(self, doc: Doc, i: int) -> bool:
        t = doc[i]
        return (role_at(doc, i) is not None or t.lower_ in self.honorifics or lemma_set(t) & self.months
                or self.is_head(t) or t.lower_ in self.successors
                or i > 0 and (inside := role_at(doc, i - 1)) is not None and inside[1] > i)  # "Konsul Generalny"

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
        if allcaps(t) and any(a.pos in FUNCTION_OR_VERB for a in analyses(t)) and not any(a.proper for a in analyses(t)):
            return False  # a verb or function word in a text written in capitals
        if starts_sentence(t) or (i > 0 and doc[i - 1].text in "„\"(“«"):
            return not has_common_reading(t) or any(a.proper for a in analyses(t))
        return True

    def unit_end(self, doc: Doc, i: int) -> int:
        """End of a name unit starting at i: "Aix- Provence", "Baden - Baden" are one unit; "Nowak- Senator"
        is a name, then a dash before a role."""
        j = i + 1
        while j < len(doc):
            prev = doc[j - 1]
            if prev.text.endswith("-") and len(prev.text) > 1 and cap(doc[j]) and role_at(doc, j) is None:
                j += 1
            elif doc[j].text == "-" and not prev.whitespace_ and j + 1 < len(doc) and cap(doc[j + 1]) \
                    and role_at(doc, j + 1) is None:
                j += 2
            else:
                break
        return j

    # --- organisations -----------------------------------------------------
    def organisations(self, doc: Doc, start: int, end: int) -> list[Span]:
        found = []
        i = start
        while i < end:
            if not self.is_head(doc[i]) or self._towns_plural(doc[i]):
                i += 1
                continue
            head = i
            s = i
            while s - 1 >= start and cap(doc[s - 1]) and any(a.pos == "adj" for a in analyses(doc[s - 1])) \
                    and not starts_sentence(doc[s - 1]) and not self.blocked(doc, s - 1) \
                    and agrees_with(doc[s - 1], [a for a in analyses(doc[head]) if a.pos == "subst"]):
                s -= 1  # "w Sali Rycerskiej Ratusza": an adjective of another noun is no part of the name
            if s - 1 >= start and starts_sentence(doc[s - 1]) and cap(doc[s - 1]) and any(
                    a.pos == "adj" for a in analyses(doc[s - 1])) and not self.blocked(doc, s - 1):
                s -= 1
            if s - 1 >= start and ROMAN.match(doc[s - 1].text) and doc[s - 1].text.isupper():
                s -= 1  # "I Liceum Ogólnokształcące": a school's number
            while s == head and s - 1 >= start and self.head_lemma(doc[head]) in self.foreign_heads and cap(doc[s - 1]) \
                    and unknown_to_sgjp(doc[s - 1]):
                s -= 1  # "Deutsches Bergbau-Museum": the words before a foreign head, in its language
            if s - 1 >= start and lemma_set(doc[s - 1]) & self.place_heads and not cap(doc[s - 1]):
                i += 1  # "dzielnica Nowa Huta": a place named like an organisation
                continue
            e = i + 1
            aliases: list[str] = []
            head_nominative = chosen(doc[head]) is not None and "nom" in chosen(doc[head]).cases and not (
                head == s and s > start and self.genitive(doc[head]) and role_at(doc, s - 1) is not None)  # "Wójt Gminy"
            foreign = doc[head].lower_ in self.foreign_heads  # "Université Claude Bernard Lyon 1": names, not a person
            while e < end:
                t = doc[e]
                if e > head + 1 and (form := self._legal_form(doc, e, end)):
                    e += form  # "Przedsiębiorstwo Wodociągów i Kanalizacji Sp. z o.o.", "X S.A.": the company's form ends it
                    break
                if ROMAN.match(t.text) and cap(doc[e - 1]) and e > head + 1:
                    e += 1  # "im. Jana Pawła II"
                    continue
                if t.lower_ in ("nr", "nr.") and e + 1 < end and doc[e + 1].text[:1].isdigit() and len(doc[e + 1].text) <= 4:
                    e += 2  # "Szkoła Podstawowa nr 12", "Gimnazjum Nr 1": the number is part of the name
                    continue
                if allcaps(t) and is_acronym(t.text) and e > head + 1:
                    break
                if t.text in QUOTES_OPEN and e == head + 1 or t.text in QUOTES_OPEN and e > head + 1 and cap(doc[e - 1]):
                    close = next((k for k in range(e + 1, min(end, e + 10)) if doc[k].text in QUOTES_CLOSE), None)
                    if close is not None and close > e + 1 and cap(doc[e + 1]):
                        e = close + 1  # Fundacja „Pro Polonia”
                        continue
                if t.lower_ in ("im.", "imienia"):
                    k = e + 1
                    while k < end and doc[k].lower_ in self.honorifics:
                        k += 1  # "im. prof. Edwarda Lipińskiego"
                    if k < end and cap(doc[k]):
                        e = max(self._name_run(doc, k, end), self.unit_end(doc, k))  # the patron's whole name
                        continue
                if t.text in DASH_JOINERS and e + 1 < end and e > head + 1 and self.name_word(doc, e + 1) \
                        and not (e + 2 < end and self._person_starts(doc, e + 1)) and not INITIAL.match(doc[e + 1].text) \
                        and e + 1 not in model_persons(doc) \
                        and role_at(doc, e + 1) is None:  # "Domu Kultury – Jan Lis", "– E. Brok", "Gminy X – Wójt"
                    e = self.unit_end(doc, e + 1)
                    continue
                if foreign and t.like_num and e > head + 1 and cap(doc[e - 1]):
                    e += 1
                    continue
                if not foreign and (self.given_name_nominative(t) and not head_nominative or self.given_name_not_genitive(t)
                                    or e > head + 1 and e + 1 < end and self.genitive(doc[e - 1]) and self._person_starts(doc, e)):
                    break  # "Przewodniczący Stowarzyszenia Marek Nowak", "rektor Uniwersytetu X Janem Y", "przewodnicząca
                    # Rady Miasta Gorzowa Krystyna Sibińska": a person
                if t.lower_ in ("z", "ze") and e > head + 1 and e + 1 < end and cap(doc[e + 1]) and not geo(doc[e + 1]) \
                        and not self.blocked(doc, e + 1) and chosen(doc[e + 1]) is not None \
                        and chosen(doc[e + 1]).pos == "subst" and not chosen(doc[e + 1]).proper:
                    e += 2  # "Biuro Współpracy z Zagranicą": a common noun, not a place the office is from
                    continue
                if t.lower_ == "i" and e + 1 < end and cap(doc[e + 1]) and not self.is_head(doc[e + 1]) \
                        and not geo(doc[e + 1]) and self.genitive(doc[e + 1]) and not self.blocked(doc, e + 1):
                    e = self.unit_end(doc, e + 1)  # "Fundacja Rozwoju Miasta i Wspierania Inicjatyw"
                    continue
                if e > head + 1 and e in model_persons(doc) and not doc[e].text.endswith(".") and not self._place_like(doc, e):
                    break  # "Rada Miejska Danny X", "Merostwa La Valette Remi Y": a person the model reads begins
                if cap(t) and (not self.blocked(doc, e) or self.is_head(t) and self.genitive(t)) \
                        and not (allcaps(t) and is_acronym(t.text)):
                    e = self.unit_end(doc, e)
                    continue
                break
            seat = e - s == 1 and e + 1 < end and doc[e].lower_ in ("w", "we") and cap(doc[e + 1]) \
                and not self.blocked(doc, e + 1) and not starts_sentence(doc[head])
            if e - s < 2 and not seat:
                i = e
                continue
            if seat:  # "Uniwersytet w Lejdzie", "Muzeum w Gliwicach": named by the head and its seat
                e = self.unit_end(doc, e + 1)
            span = Span(doc, s, e, label=ORG)
            span._.base_form = organisation_base(list(span), head - s, self.heads)
            span._.rule = "org-head"
            span._.head = self.head_lemma(doc[head])
            if not seat and e + 1 < end and doc[e].lower_ in ("w", "we") and cap(doc[e + 1]) and not self.blocked(doc, e + 1):
                # "Rada Miejska w Kcyni": also known by its name with its seat, as written (the town stays a place)
                aliases.append(f"{span._.base_form} {doc[e:self.unit_end(doc, e + 1)].text}")
            e2 = self._aliases(doc, e, end, aliases)
            span._.aliases = aliases
            found.append(span)
            i = max(e2, e)
        return found

    def _aliases(self, doc: Doc, i: int, end: int, aliases: list[str]) -> int:
        """Acronyms and other-language names right after an organisation name, or after its seat
        ("Muzeum Górnictwa w Zabrzu (MGW)")."""
        if i + 2 < end and doc[i].lower_ in ("w", "we") and cap(doc[i + 1]):
            seat_end = self.unit_end(doc, i + 1)
            if seat_end < end and doc[seat_end].text == "(":
                before = len(aliases)
                after = self._aliases(doc, seat_end, end, aliases)
                return after if len(aliases) > before else i
        while i < end:
            t = doc[i]
            if allcaps(t) and is_acronym(t.text):
                aliases.append(t.text)
                i += 1
                continue
            if t.text == "(":
                close = next((k for k in range(i + 1, min(end, i + 12)) if doc[k].text == ")"), None)
                if close is None:
                    break
                inner = [x for x in doc[i + 1:close] if x.lower_ not in self.renames]
                if inner and all(cap(x) or x.is_punct or x.text in self.particles for x in inner) and cap(inner[0]) and not any(
                        lemma_set(x) & self.months for x in inner):
                    aliases.append(tidy("".join(x.text_with_ws for x in inner)))
                    i = close + 1
                    continue
            break
        return i

    def titles(self, doc: Doc) -> set[int]:
        """Words of a title in quotes after an event noun (konferencja „Miasta Hanzy w Europie”):
        no names of their own."""
        out = set()
        for t in doc:
            if t.text in QUOTES_OPEN and t.i > 0 and lemma_set(doc[t.i - 1]) & self.event_nouns:
                close = next((k for k in range(t.i + 1, min(len(doc), t.i + 20)) if doc[k].text in QUOTES_CLOSE), None)
                if close is not None:
                    out.update(range(t.i + 1, close))
        return out

    def _renames(self, doc: Doc, spans: list[Span]) -> None:
        """ "X zmieniło nazwę na Y": Y is another name of X."""
        orgs = sorted((s for s in spans if s.label_ == ORG), key=lambda s: s.start)
        for a, b in zip(orgs, orgs[1:]):
            between = doc[a.end:b.start]
            if 0 < len(between) <= 8 and a.sent.start == b.sent.start and (
                    doc[b.start - 1].lower_ == "na" and any(lemma_set(t) & self.rename_nouns for t in between)
                    or doc[b.start - 1].lower_ == "jako" and any(lemma_set(t) & self.former_name_verbs for t in between)):
                a._.aliases = [*(a._.aliases or []), b._.base_form, *(b._.aliases or [])]

    def named_after_head(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """ "klub piłkarski Olimpia Elbląg", "z zespołem Mazowsze": an organisation's own name in the
        nominative after a common head noun in lower case and its adjectives, where the statistical
        NER reads an organisation too (a genitive after the noun is its complement: "rada Miasta X")."""
        found = []
        spans = doc.user_data.get("kronika.ner_organisations")
        if spans is None:  # (start, end) of the NER's organisations, in order: asked once per sentence
            spans = doc.user_data["kronika.ner_organisations"] = [(e.start, e.end) for e in doc.spans.get("ner", [])
                                                                   if e.label_ == ORG]
        for seen_start, seen_end in spans[bisect_left(spans, (start,)):bisect_left(spans, (end,))]:
            for j in range(seen_start, seen_end):  # the name: from the first capitalised word the NER took
                if cap(doc[j]):
                    break
            i = j - 1
            while i > start and not cap(doc[i]) and any(a.pos == "adj" for a in analyses(doc[i])):
                i -= 1
            if i < start or cap(doc[i]) or self.head_lemma(doc[i]) is None or j in taken or not self.name_word(doc, j) \
                    or "nom" not in (name_cases(doc[j]) or {"nom"}) or any(k in taken for k in range(j, min(seen_end, end))):
                continue
            span = Span(doc, j, min(seen_end, end), label=ORG)
            span._.base_form, span._.rule, span._.aliases = tidy(span.text), "organisation-named-after-head", []
            span._.head = self.head_lemma(doc[i])
            found.append(span)
            taken.update(range(span.start, span.end))
        return found

    def acronyms(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """ "OSP Budzów", "z OSP w Kierlikówce", "PTTK": a body SGJP knows by its acronym (its class
        nazwa_organizacji, none geographical) is an organisation, never a place; the town named right
        after it in the nominative is part of the name, a seat after "w" an alias."""
        found = []
        for i in range(start, end):
            t = doc[i]
            if i in taken or not (allcaps(t) and is_acronym(t.text)):
                continue
            readings = analyses(t)
            if not any("nazwa_organizacji" in a.classes for a in readings) or geo(t) or (
                    i > start and self.head_lemma(doc[i - 1]) is not None):  # "Związku OSP": the complement of a body
                continue
            e = i + 1
            if e + 1 < end and doc[e].lower_ in ("nr", "nr.") and doc[e + 1].text[:1].isdigit():
                e += 2  # "ZSP nr 2"
            elif e < end and e not in taken and cap(doc[e]) and not allcaps(doc[e]) and geo(doc[e]) \
                    and "nom" in (name_cases(doc[e]) or set()):
                e = self.unit_end(doc, e)
            span = Span(doc, i, e, label=ORG)
            span._.base_form, span._.rule, span._.head = tidy(span.text), "organisation-acronym", None
            span._.aliases = [f"{span._.base_form} {doc[e:self.unit_end(doc, e + 1)].text}"] \
                if e + 1 < end and doc[e].lower_ in ("w", "we") and cap(doc[e + 1]) else []
            found.append(span)
            taken.update(range(i, e))
        return found

    # --- territorial units -------------------------------------------------
    def territorial_units(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        """The unit of an office, in lower case as Polish writes it: "marszałek województwa opolskiego",
        "starosta powiatu bielskiego", or the adjective alone: "wojewoda lubuski" (województwo lubuskie)."""
        found = []
        for i in range(start, end):
            if (found_role := role_at(doc, i)) is None:
                continue
            role, k = found_role
            if k >= end or k in taken:
                continue
            unit = next((l for l in lemma_set(doc[k]) if l in self.territorial), None)
            # official style capitalises the unit after a capitalised office: "Starosta Siedlecki",
            # "Starosta Rejonu Miżgirskiego"; a capital after a lower-case role opens a name
            official = cap(doc[i]) and not allcaps(doc[i])
            if cap(doc[k]) and not (official and (unit or _place_adjective(doc[k]))):
                continue
            first = k + 1 if unit else k
            unit = unit or self.unit_of_role.get(role.label)
            j = first
            while j < end and j not in taken and (cap(doc[j]) == (official and cap(doc[k])) and _place_adjective(doc[j])
                                                  or first > k and FOREIGN_PLACE_ADJECTIVE.search(doc[j].text)):
                # after the unit's noun its adjective by its ending, as capitalised: "Rejonu Horodeckiego"
                j += 1
            if unit is None or j == first:
                continue
            span = Span(doc, k, j, label=ORG)
            span._.base_form = unit_base(unit, doc[first:j])
            if cap(doc[k]):  # named as officially written: "Powiat Siedlecki", "Rejon Miżgirski"
                span._.base_form = span._.base_form[:1].upper() + span._.base_form[1:]
            span._.rule = "territorial-unit"
            span._.head = unit
            doc.user_data.setdefault("kronika.unit_ends", {})[k] = j
            found.append(span)
            taken.update(range(k, j))
        return found

    # --- persons -----------------------------------------------------------
    def _name_run(self, doc: Doc, i: int, end: int, limit: int = 4) -> int:
        """End of a run of name words and initials starting at i."""
        j, words, cases = i, 0, None
        while j < end and words < limit:
            here = name_cases(doc[j])
            if words >= 2 and cases and here is not None and not cases & here:
                break  # "Wolfgangowi Reinigerowi Złotą Odznakę": a word in another case ends the name
            if words >= 2 and j + 1 < end and cap(doc[j + 1]) and self._adjective_of(doc[j], doc[j + 1]):
                break  # "Gerharda Schmidta Złotą Odznaką": an adjective of the capitalised noun after it
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

    def persons(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Span]:
        found = []
        i = start
        while i < end:
            t = doc[i]
            if i in taken:
                i += 1
                continue
            rule, s = None, i
            if t.lower_ in self.saints and i > start and doc[i - 1].pos_ in ("NOUN", "PROPN"):
                e = self._name_run(doc, i + 1, end)  # "parafii św. Mikołaja": the name of a thing
                taken.update(range(i, e))
                i = e
                continue
            if t.lower_ in self.honorifics and not INITIAL.match(t.text) and i + 1 < end and (
                    cap(doc[i + 1]) or INITIAL.match(doc[i + 1].text)) and not (
                    is_acronym(doc[i + 1].text) and not (i + 2 < end and self.name_word(doc, i + 2))):
                # "Senator RP Jan X" names a person after the body's acronym; "Senator RP" alone does not
                rule, s = "person-honorific", i + 1
            elif INITIAL.match(t.text) and i + 1 < end and self.name_word(doc, i + 1):
                rule = "person-initial"
            else:
                role = role_at(doc, i)
                if role or t.lower_ in self.successors:
                    k = past_date(doc, after_portfolio(doc, role[1], end), end) if role else i + 1
                    city_noun = k < end and bool(lemma_set(doc[k]) & self.city_nouns)
                    if city_noun:
                        k += 1  # "Prezydent Miasta Lublin Jan X": skip the noun "miasto"; the city's name follows
                    unit_end = doc.user_data.get("kronika.unit_ends", {}).get(k)
                    if k < end and lemma_set(doc[k]) & self.body_heads and (named := self._after_body(doc, k, end)):
                        rule, s = "person-after-role", named
                    elif unit_end is not None and unit_end < end and self.name_word(doc, unit_end):
                        rule, s = "person-after-role", unit_end  # "mer rejonu radziwiliskiego Antanas X"
                    elif k < end and self.name_word(doc, k) and not city_noun and (
                            not self._place_like(doc, k) or self._two_given_names(doc, k, end)):  # "burmistrz Jan Maria X"
                        rule, s = "person-after-role", k
                    elif k < end and self.name_word(doc, k):
                        k2 = after_portfolio(doc, self._town_end(doc, k), end)  # "wiceburmistrz Grazu ds. kultury X"
                        k2 = past_date(doc, k2, end)  # "Burmistrz Miasta Gorlice w latach 2002-2010 X"
                        if k2 < end and doc[k2].text.isdigit() and len(doc[k2].text) <= 2:
                            k2 += 1  # "burmistrz Pragi 6 Karel Novák"
                        if k2 < end and (INITIAL.match(doc[k2].text) or self.name_word(doc, k2)):
                            rule, s = "person-after-role", k2
            if rule is None and self.name_word(doc, i):
                j = self._name_run(doc, i, end)
                run = doc[i:j]
                second = next((x for x in run[1:] if x.text not in self.particles), None)
                surname_next = second is not None and (allcaps(second) or unknown_to_sgjp(second)
                                                       or any("nazwisko" in a.classes for a in analyses(second)))
                if len(run) >= 2 and any("imię" in a.classes and "sg" in a.numbers for a in analyses(run[0])) \
                        and (not geo(run[0]) or surname_next) and not (
                        i > start and doc[i - 1].lower_ in ("w", "we") and not has_proper_only(run[0])):
                    # "w Sali Rycerskiej": in a room, not a person; "w" seldom takes a person
                    rule = "person-given-name"
                elif len(run) >= 2 and any(allcaps(x) and len(x.text) >= 3 for x in run[1:]) and not geo(run[0]) \
                        and not allcaps(run[0]):
                    rule = "person-capital-surname"
                elif 2 <= len(run) <= 3 and not any(geo(x) for x in run) and self._role_after(doc, j, end) and (
                        doc[j].text == "," or all(map(_name_like, run))):
                    # "Siegfried Nagl, burmistrz Grazu"; "Ján Prílepok - Burmistrz": name words only before a dash
                    rule = "person-before-role"
                elif len(run) == 2 and not starts_sentence(run[0]) and unknown_to_sgjp(run[0]) \
                        and not foreign_stems(run[0].text) & doc._.place_names \
                        and any("nazwisko" in a.classes for a in analyses(run[1])) and not allcaps(run[0]) \
                        and not geo(run[1]) and not any("imię" in a.classes for a in analyses(run[1])):
                    rule = "person-foreign-given-name"  # "Olha Kowal": a given name SGJP lacks, a surname it knows
            if rule is None:
                i += 1
                continue
            while rule in ("person-honorific", "person-after-role") and s + 1 < end and allcaps(doc[s]) \
                    and is_acronym(doc[s].text) and self.name_word(doc, s + 1) and _given_name(doc[s + 1]):
                s += 1  # "Senator RP Andrzej X", "prezes PTTK Jan Y": the body's acronym, then the person
            e = self._name_run(doc, s, end)
            if rule == "person-after-role" and e - s >= 3 and not _given_name(doc[s]):
                # "burmistrz Bad Berka Wolfgang X": the town's words, then the given name that opens the person
                s = next((g for g in range(s + 1, e - 1) if _given_name(doc[g]) or g in model_persons(doc)), s)
            if s < e and not any(k in taken for k in range(s, e)):
                span = Span(doc, s, e, label=PERSON)
                tokens = [x for x in span if x.lower_ not in self.honorifics or INITIAL.match(x.text) and not x.whitespace_]
                if tokens and (len(tokens) >= 2 or rule == "person-honorific"):
                    span._.base_form = person_base(tokens)
                    span._.rule = rule
                    span._.aliases = []
                    found.append(span)
                    taken.update(range(s, e))
                    i = e
                    continue
            i += 1
        return found

    @staticmethod
    def _noun_before_name(doc: Doc, i: int, start: int) -> int:
        """The word before a name at i, past a dash or lower-case adjectives ("miastem – X", "miasta
        partnerskiego X"): where the noun naming what X is would stand."""
        j = i - 1
        if j - 1 >= start and doc[j].text in DASH_JOINERS:
            return j - 1
        while j - 1 >= start and doc[j].is_lower and any(a.pos == "adj" for a in analyses(doc[j])) and j > i - 3:
            j -= 1
        return j

    def _role_after(self, doc: Doc, j: int, end: int) -> bool:
        """ ", ówczesny burmistrz …", " – Burmistrz …" at j: a role in apposition."""
        if j >= end or not (doc[j].text == "," or doc[j].text in DASH_JOINERS and (doc[j - 1].whitespace_ or doc[j].whitespace_)):
            return False
        k = j + 1
        while k < end and lemma_set(doc[k]) & self.qualifiers:
            k += 1
        return k < end and role_at(doc, k) is not None

    def _after_body(self, doc: Doc, k: int, end: int) -> int | None:
        """After a role and the body it is of ("konsul Republiki Czeskiej Jan X", "prezes Koła Gospodyń
        Wiejskich Anna Y"): where the person begins, the first given name of the capitalised words that
        follow the body's head."""
        for j in range(k + 1, min(end - 1, k + 8)):
            if not cap(doc[j]):
                return None
            if any("imię" in a.classes for a in analyses(doc[j])) and self.name_word(doc, j + 1):
                return j
        return None

    def _place_like(self, doc: Doc, i: int) -> bool:
        """After a role noun: an SGJP geographical name, a name the text puts after a place preposition
        elsewhere, or a word that is no person's name followed by a given name ("Burmistrz Grazu Hans X")."""
        end = self.unit_end(doc, i)
        if geo(doc[i]) or foreign_stems(doc[i:end].text) & doc._.place_names or self._town_end(doc, i) > end:
            return True  # "w Iwano-Frankiwsku … mer Iwano-Frankiwska X": one name in two cases
        named = any(PERSON_NAME_CLASSES.intersection(a.classes) for a in analyses(doc[i]))
        if named or end >= len(doc):
            return False
        given = doc[end].text.split("-")[0]  # "Hans X", "Rolf-Axel X": a double given name by its first part
        return any("imię" in a.classes for a in analyses(doc[end])) or given != doc[end].text and any(
            "imię" in a.classes for a in analyser().analyse(given))

    def _town_end(self, doc: Doc, i: int) -> int:
        """Where a town's name that begins at `i` ends: after its noun when `i` is an adjective of it ("Miejskiej
        Górki", "Nowego Sącza"), else after the word at `i`."""
        end = self.unit_end(doc, i)
        if end < len(doc) and cap(doc[end]) and geo(doc[end]) and any(a.pos == "adj" for a in analyses(doc[i])) \
                and not any("imię" in a.classes for a in analyses(doc[i])):
            return self.unit_end(doc, end)
        return end

    def place_names(self, doc: Doc) -> set[str]:
        names = set()
        for t in doc:
            if t.lower_ in self.place_preps and t.i + 1 < len(doc) and cap(doc[t.i + 1]) and not self.blocked(doc, t.i + 1):
                names |= foreign_stems(doc[t.i + 1:self.unit_end(doc, t.i + 1)].text)
        return names

    # --- places ------------------------------------------------------------
    def places(self, doc: Doc, start: int, end: int, taken: set[int], surnames: set[str]) -> list[Span]:
        found = []
        i = start
        while i < end:
            if i in taken or not cap(doc[i]):
                i += 1
                continue
            named_by_noun = (bool(lemma_set(doc[i]) & self.place_heads) and not starts_sentence(doc[i])
                             and i + 1 < end and self._postposed_adjective(doc, i, i + 1)  # "Placu Zamkowym"
                             and not doc[i + 1].lower_.startswith(self.twinning))  # not "Miast Partnerskich"
            alone = not (i + 1 < end and cap(doc[i + 1]))
            named_by_place_noun = i > start and not cap(doc[i - 1]) and bool(lemma_set(doc[i - 1]) & self.place_heads)
            if (self.blocked(doc, i) and not self._after_place_noun(doc, i, start)) or (
                    lemma_set(doc[i]) & self.event_nouns and not named_by_place_noun) or (  # "w dzielnicy Zawarcie"
                    lemma_set(doc[i]) & self.place_heads and has_common_reading(doc[i]) and not named_by_noun
                    and (not geo(doc[i]) or not alone or lemma_set(doc[i]) & self.city_nouns)):  # "Miastem i Gminą X"
                i += 1
                continue
            prev = doc[i - 1] if i > start else None
            rule, district, listed = None, False, False
            if i + 1 < end and geo(doc[i + 1]) and cap(doc[i + 1]) and any(a.pos == "adj" for a in analyses(doc[i])):
                i += 1  # an adjective of the next name: "Nowego Sącza"
                continue
            if i + 1 < end and (cap(doc[i + 1]) or doc[i + 1].is_lower) and self._adjective_of(doc[i], doc[i + 1]):
                i += 1  # "Złotą Odznakę Honorową", "z Ukraińskim miastem": an adjective of a common noun, not a place
                continue
            if named_by_noun:
                rule = "place-noun-adjective"
            elif geo(doc[i]) and (self.name_word(doc, i) or any(a.proper for a in analyses(doc[i])) and not starts_sentence(doc[i])) \
                    and not ((starts_sentence(doc[i]) or i > 0 and doc[i - 1].text in QUOTES_OPEN)
                             and has_common_reading(doc[i]) and doc[i].lower_ not in doc._.inner_capitals) \
                    and not named_otherwise(doc[i]):
                rule = "place-sgjp"  # "Dar przekazał…", „Miasta partnerskie…”: a common noun that is also a village
            elif prev is not None and (prev.lower_ in self.place_preps or (listed := self._coordinated_place(doc, i, found))) \
                    and self.name_word(doc, i) and (unknown_to_sgjp(doc[i]) or chosen(doc[i]).proper) \
                    and not any(c.isdigit() for c in doc[i].text) and not (unknown_to_sgjp(doc[i]) and is_acronym(doc[i].text)):
                # "w TVP1", "z FEANI": a channel or a body by its acronym, not a place
                rule = "place-in-list" if listed else "place-after-preposition"
            elif prev is not None and lemma_set(noun := doc[self._noun_before_name(doc, i, start)]) \
                    & self.place_heads and self.name_word(doc, i) and (not cap(noun) or lemma_set(noun) & self.town_nouns) \
                    and not doc[i].lower_.startswith(self.twinning):  # "Miast Partnerskich" names no town
                # official style capitalises the town's noun: "z Miastem Leuna", "Burmistrz Dzielnicy Kőbánya";
                # "z miastem – Żmerynką", "miasta partnerskiego Waldbröl": a dash or adjectives between
                rule = "place-after-noun"
            elif prev is not None and (r := self._role_before(doc, i)) and r.municipal and self.name_word(doc, i) \
                    and fold(doc[i].text) not in surnames:  # "mer Dworkis": a mayor named before by his full name
                rule = "place-of-municipal-role"
            if rule is None:
                i += 1
                continue
            s = i
            while s - 1 >= start and s - 1 not in taken and cap(doc[s - 1]) and not starts_sentence(doc[s - 1]) and any(
                    a.pos == "adj" for a in analyses(doc[s - 1])) and not self.blocked(doc, s - 1) \
                    and not (allcaps(doc[s - 1]) and allcaps(doc[i])):  # a line in capitals says nothing of names
                s -= 1
            # "dzielnica Nowa Huta" names a district; "dzielnica Krakowa" (a genitive) the city it belongs to
            district = s > start and bool(lemma_set(doc[s - 1]) & self.district_heads) and any(
                "nom" in a.cases for a in analyses(doc[i]) if a.pos in ("subst", "ign") or not a.cases)
            opened = s == i and s - 1 >= start and s - 1 not in taken and doc[s - 1].lower_ in self.place_particles \
                and cap(doc[s - 1]) and not starts_sentence(doc[s - 1])  # "i Le Mans": the particle before the name
            s -= opened
            e = self.unit_end(doc, i)
            while e < end and e not in taken and self._postposed_adjective(doc, i, e):
                e += 1  # "Rynku Głównym", "Bramie Floriańskiej": a name with its adjective after the noun
            if e < end and doc[e].text.isdigit() and len(doc[e].text) <= 2 and not (
                    e + 1 < len(doc) and (lemma_set(doc[e + 1]) & self.months or doc[e + 1].text in ("r.", "-", "–")
                                          or doc[e + 1].lower_.startswith(("lec", "lat")))):  # "we Francji 20 lecie"
                e += 1  # "Praga 6", "Paris 13": a numbered district, not a day of a month
            river = None  # "Frankfurtu nad Odrą", "Kostrzynie nad Odrą": a town named by its river, the river as written
            # "Miasta Dolny Kubin": an adjective opens a foreign town's name
            adjective = rule == "place-after-noun" and any(a.pos == "adj" for a in analyses(doc[i]))
            if rule == "place-after-noun" and (unknown_to_sgjp(doc[i]) or adjective):
                k = e  # "gminy Coreno Ausonio,": a foreign town of two or three words SGJP does not know
                while k < min(end, e + 2) and cap(doc[k]) and (unknown_to_sgjp(doc[k]) or adjective and not _given_name(doc[k])) \
                        and k not in taken and not starts_sentence(doc[k]) and k not in model_persons(doc):
                    k = self.unit_end(doc, k)
                if k > e and (k >= len(doc) or doc[k].is_punct or doc[k].is_lower):  # no person's name after it
                    river, e = e, k
            if e + 1 < end and doc[e].lower_ in ("nad", "pod") and cap(doc[e + 1]) and e + 1 not in taken \
                    and "inst" in (name_cases(doc[e + 1]) or {"inst"}):
                river, e = e, self.unit_end(doc, e + 1)
            if river is None and e == i + 1 < end and doc[i].lower_ in self.place_particles and cap(doc[e]) \
                    and e not in taken:  # "La Valette", "Le Mans": a particle opens the name, all of it as written
                opened, e = True, self.unit_end(doc, e)
            k = e  # "Fontenay le Comte", "Lauf an der Pegnitz", "Azay Le Rideau": a foreign name's particles
            while river is None and k < end and doc[k].lower_ in self.place_particles:
                k += 1
            if k > e and k < end and cap(doc[k]) and k not in taken and not starts_sentence(doc[k]):
                river, e = e, self.unit_end(doc, k)  # kept as written after the first word, as a river is
            if opened:
                river = s
            if any(k in taken for k in range(s, e)):
                i = e
                continue
            span = Span(doc, s, e, label=PLACE)
            span._.base_form = place_base(list(span)) if river is None else \
                f"{place_base(list(doc[s:river]))} {doc[river:e].text}".strip()
            span._.rule = rule
            span._.district = district
            span._.aliases = []
            found.append(span)
            taken.update(range(s, e))
            i = e
        return found

    def _towns_plural(self, t) -> bool:
        """ "Gminami", "Miast": the town noun in the plural heads a list of towns, not one body's name."""
        readings = [a for a in analyses(t) if a.pos == "subst" and a.lemma.lower() in self.town_nouns]
        return bool(readings) and all(a.numbers == {"pl"} for a in readings)

    def _coordinated_place(self, doc: Doc, i: int, found: list[Span]) -> bool:
        """ "z Dessau i Bottrop": a name joined by "i"/"oraz" to a place named after a preposition; "Gminami
        Kreypau, Rodden i Zöschen": by commas too, to a list of places a plural town noun opened."""
        if i < 2 or not found or found[-1].end != i - 1 or self._person_starts(doc, i):
            return False
        last = found[-1]
        if doc[i - 1].lower_ in ("i", "oraz"):
            return last._.rule in ("place-after-preposition", "place-in-list") or last.start > 0 \
                and doc[last.start - 1].lower_ in self.place_preps
        return doc[i - 1].text == "," and (last._.rule == "place-in-list" or last.start > 0
                                           and self._towns_plural(doc[last.start - 1]))

    @staticmethod
    def _adjective_of(t, noun) -> bool:
        """t can be an adjective agreeing with the common noun after it."""
        nouns = [a for a in analyses(noun) if a.pos == "subst" and not a.proper]
        return bool(nouns) and not geo(noun) and agrees_with(t, nouns)

    def _postposed_adjective(self, doc: Doc, head: int, k: int) -> bool:
        """A capitalised adjective at k agreeing in case and number with the noun at head."""
        t = doc[k]
        if not cap(t) or starts_sentence(t) or self.blocked(doc, k):
            return False
        return agrees_with(t, [a for a in analyses(doc[head]) if a.pos == "subst"])

    def _after_place_noun(self, doc: Doc, i: int, start: int) -> bool:
        """ "dzielnica Nowa Huta": a geographical name after a place noun, even if it looks like an organisation."""
        j = i - 1
        while j >= start and cap(doc[j]) and any(a.pos == "adj" for a in analyses(doc[j])):
            j -= 1
        return geo(doc[i]) and j >= start and not cap(doc[j]) and bool(lemma_set(doc[j]) & self.place_heads)

    def _role_before(self, doc: Doc, i: int):
        for k in (i - 1, i - 2):
            if k >= 0:
                r = role_at(doc, k)
                if r and r[1] == i:
                    return r[0]
        return None

    # --- known names, second pass -------------------------------------------
    def known(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """Later (or earlier) mentions of names recognised elsewhere in the text."""
        names: dict[str, Span] = {}
        heads: dict[str, list[Span]] = {}
        bearers: dict[str, set[str]] = {}
        for span in spans:
            for name in [span._.base_form, span.text, *(span._.aliases or [])]:
                names.setdefault(fold(name), span)
            if span.label_ == ORG:
                heads.setdefault(span._.head, []).append(span)
            if span.label_ == PERSON and len(span._.base_form.split()) >= 2:
                bearers.setdefault(fold(span._.base_form.split()[-1]), set()).add(fold(span._.base_form))
        for span in spans:  # "mer Dworkis": the surname alone of the one person the text names with it
            surname = fold(span._.base_form.split()[-1]) if span.label_ == PERSON else None
            if surname and len(bearers.get(surname, ())) == 1:
                names.setdefault(surname, span)
        found = []
        i = 0
        while i < len(doc):
            if i in taken or not cap(doc[i]):
                i += 1
                continue
            run_end = self._name_run(doc, i, len(doc)) if self.name_word(doc, i) else self.unit_end(doc, i)
            model, e = None, i
            for k in range(max(run_end, self.unit_end(doc, i)), i, -1):
                model = names.get(fold(doc[i:k].text))
                if model is not None:
                    e = k
                    break
            if model is None and run_end - i >= 2 and any(  # "Jean-Pierre'owi Labordzie": a known name's base form
                    unknown_to_sgjp(t) for t in doc[i:run_end]):
                model = names.get(fold(person_base(list(doc[i:run_end]))))
                e = run_end if model is not None and model.label_ == PERSON else i
                model = model if e > i else None
            if model is None and self.is_head(doc[i]) and not self._towns_plural(doc[i]) \
                    and not (i + 1 < len(doc) and cap(doc[i + 1]) and i + 1 not in taken):
                same = {fold(x._.base_form): x for x in heads.get(self.head_lemma(doc[i]), [])}
                if len(same) == 1:  # "Towarzystwo" alone: the one society the text names
                    model, e = next(iter(same.values())), i + 1
            if model is None or (starts_sentence(doc[i]) and has_common_reading(doc[i]) and not allcaps(doc[i])
                                 and not self.is_head(doc[i])) or any(k in taken for k in range(i, e)):
                i = max(i + 1, e)
                continue
            span = Span(doc, i, e, label=model.label_)
            span._.base_form = model._.base_form
            span._.rule = "known-name"
            span._.aliases = [] if span.text != model.text else list(model._.aliases or [])
            span._.district = model._.district
            span._.head = model._.head
            found.append(span)
            taken.update(range(i, e))
            i = e
        return found

    def statistical(self, doc: Doc, taken: set[int], surnames: set[str]) -> list[Span]:
        """Persons and places the trained NER found where no rule did: names of other kinds of text."""
        found = []
        for e in doc.spans.get("ner", []):  # the statistical NER's names, when it ran before
            if e[-1].text in DASH_JOINERS and len(e) > 1:  # "Kovács Róbert - Burmistrz": the dash is the apposition's
                e = Span(doc, e.start, e.end - 1, label=e.label_)
            if e.label_ == PLACE and len(e) > 1 and lemma_set(e[0]) & self.town_nouns and cap(e[1]):
                e = Span(doc, e.start + 1, e.end, label=e.label_)  # "Miastem Bílina": the town is Bílina
            if len(e) == 1 and e.label_ != PERSON and fold(e.text) in surnames:
                continue  # a surname alone of a person the rules found: a later mention of that person
            if any(k in taken for k in range(e.start, e.end)) or not all(
                    INITIAL.match(t.text) or t.text in "-–" or self.name_word(doc, t.i) for t in e):
                continue  # the rules' tests of a name word hold for the model's names too
            if allcaps(e[0]) and len(e) == 1:
                continue  # acronyms are the rules' business (aliases of organisations)
            if len(e) == 1 and e.end < len(doc) and doc[e.end].is_lower and self._adjective_of(e[0], doc[e.end]):
                continue  # "Polskiej delegacji przewodniczył": a capitalised adjective of the noun after it
            # "X Y, burmistrz", "X Y – burmistrz", "X Y (burmistrz)": a person, whatever the model says
            after = doc[e.end] if e.end + 1 < len(doc) else None
            dash = after is not None and (after.text in ("–", "—") or after.text == "-" and after.whitespace_)
            appositive_role = after is not None and (after.text in (",", "(") or dash and all(map(_name_like, e))) \
                and role_at(doc, e.end + 1) is not None
            after_preposition = e.start > 0 and doc[e.start - 1].lower_ in self.place_preps
            if (e.label_ == PERSON or appositive_role) and len(e) >= 2:
                span = Span(doc, e.start, e.end, label=PERSON)
                span._.base_form = person_base([t for t in span if t.lower_ not in self.honorifics])
            elif e.label_ in (PLACE, "geogName") and (len(e) == 1 or after_preposition or any(geo(t) for t in e)) \
                    and len(e) <= 3 and not (len(e) == 1 and named_otherwise(e[0]) and not after_preposition):
                span = Span(doc, e.start, e.end, label=PLACE)
                span._.base_form = place_base(list(span))
            else:
                continue
            span._.rule, span._.aliases = "ner", []
            found.append(span)
            taken.update(range(e.start, e.end))
        return found

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        taken: set[int] = set()
        surnames: set[str] = set()
        doc._.place_names = self.place_names(doc)
        doc._.word_forms = {t.lower_ for t in doc}
        # words the text capitalises inside a sentence: evidence that a word opening one is a name
        doc._.inner_capitals = {t.lower_ for t in doc if not starts_sentence(t) and cap(t)
                                and not (t.i > 0 and doc[t.i - 1].text in QUOTES_OPEN)}
        taken.update(self.titles(doc))
        for sent in doc.sents:
            orgs = self.organisations(doc, sent.start, sent.end)
            spans += orgs
            for o in orgs:
                taken.update(range(o.start, o.end))
            # acronyms and parenthesised aliases are not names of their own
            for o in orgs:
                k = o.end
                while k < sent.end and not INITIAL.match(doc[k].text) and (  # "– E. Brok": a person by an initial
                        allcaps(doc[k]) or doc[k].text in "()" or cap(doc[k]) and doc[k - 1].text in "(–"
                                        and not (k + 1 < sent.end and self._person_starts(doc, k))  # "– Jan Lis"
                                        and not (doc[k - 1].text in DASH_JOINERS and k in model_persons(doc))
                                        or doc[k].lower_ in self.renames or doc[k].text in DASH_JOINERS):
                    if doc[k].text == ")":
                        taken.add(k)
                        break
                    taken.add(k)
                    k += 1
            spans += self.named_after_head(doc, sent.start, sent.end, taken)
            spans += self.acronyms(doc, sent.start, sent.end, taken)
            spans += self.territorial_units(doc, sent.start, sent.end, taken)
            persons = self.persons(doc, sent.start, sent.end, taken)
            spans += persons
            surnames.update(fold(p[-1].text) for p in persons)
            spans += self.places(doc, sent.start, sent.end, taken, surnames)
        spans += self.statistical(doc, taken, surnames)
        spans += self.known(doc, spans, taken)
        self._renames(doc, spans)
        spans = [s for s in spans if not (s.label_ == PLACE and len(s) == 1 and common_word(s[0])
                                          and not (s.start > 0 and lemma_set(doc[s.start - 1]) & self.place_heads))]
        doc.ents = filter_spans(spans)
        return doc
