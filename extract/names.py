"""Base forms of multi-word names, and keys that tell two spellings of one name apart.

"Jana Nowaka" → "Jan Nowak"; "Opolskiej Izby Gospodarczej" →
"Opolska Izba Gospodarcza"; "w Gliwicach" → "Gliwice"; "KOWALSKI" →
"Kowalski". Words unknown to SGJP are kept as written.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .gazetteer import gazetteer
from .lexicon import Role, lexicon
from .morphology import Analysis, analyser, analyses, chosen, compound_form, lemma_sets

PERSON_CLASSES = {"imię", "nazwisko"}
GEO_CLASSES = {"nazwa_geograficzna", "człon_nazwy_geograficznej"}
NAME_PART_CLASSES = {"człon_nazwy_geograficznej", "człon_nazwy_organizacji"}  # SGJP: a word of names, no name alone
DASHES = "-‐‑‒–—"


@lru_cache(maxsize=100_000)
def accents(text: str) -> int:
    """Letters outside ASCII: of two spellings that fold alike, the one with more is the one as written
    ("Bardejów", not the "Bardejow" a case ending gave)."""
    return sum(c.isalpha() and not c.isascii() for c in text)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-, accent- and dash-insensitive key; "St-" and "Saint-" are one (cached: the same names are folded
    again and again as mentions are linked)."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(rf"\s*[{DASHES}]\s*", "-", text)
    text = re.sub(r"\b(st|ste|s)[.-](?=[a-z])", lambda m: "saint-" if m[1] != "ste" else "sainte-", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


STEM = 5  # letters that the forms of a word in a body's name share ("Straż", "Straży")


def stems(name: str) -> str:
    """A name's words cut to their stems, a key for its inflected forms ("Straży Granicznej" as "Straż Graniczna")."""
    return "~" + " ".join(word[:STEM] for word in fold(name).split())


def tidy(text: str) -> str:
    """Spacing of a name as a person would write it: "Aix- Provence", "Hersfeld – Rotenburg" → one word with a hyphen."""
    text = re.sub(r"(\w)\s*[-‐‑‒–—]\s*(\w)", r"\1-\2", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,;:")


def joined(words: list[str], tokens) -> str:
    """Base forms of the words, spaced as the text spaced them ("„Pro Polonia”", "Clermont-Ferrand")."""
    return tidy("".join(w + (t.whitespace_ or "") for w, t in zip(words, tokens)))


def title_case(word: str) -> str:
    """ "KOWALSKI" → "Kowalski", "AIX-EN-PROVENCE" → "Aix-En-Provence"; other words unchanged."""
    if len(word) > 1 and word.isupper() and any(c.isalpha() for c in word):
        return re.sub(r"[^\W\d_]+", lambda m: m[0][0] + m[0][1:].lower(), word)
    return word


def with_case_of(lemma: str, surface: str) -> str:
    """The lemma capitalised as the surface is, part by part in a hyphenated word ("Polsko-Niemieckie", "Polsko –
    Niemieckie")."""
    surface = compound_form(surface) if " " in surface else surface
    if "-" in lemma and lemma.count("-") == surface.count("-"):
        return "-".join(with_case_of(a, b) for a, b in zip(lemma.split("-"), surface.split("-")))
    if surface[:1].isupper() and lemma[:1].islower():
        return lemma[:1].upper() + lemma[1:]
    return lemma


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and text.isupper() and text.isalpha()


_CAPITAL = "A-ZĄĆĘŁŃÓŚŹŻ"
# "MOSiR", "GOKiS", "ZSCKR": capitals with a lower-case letter between two (a short word's letter), then perhaps
# a Polish case ending, hyphenated or not ("MOSiR-u", "ZHPu", "PTTK-owi")
INFLECTED_ACRONYM = re.compile(rf"([{_CAPITAL}](?:[{_CAPITAL}]|[a-ząćęłńóśźż](?=[{_CAPITAL}])){{1,7}})-?(?:u|owi|em|ze|ach|ami)?")


def acronym_stem(text: str) -> str | None:
    """The acronym a word writes, its case ending left off: "MOSiR-u" → "MOSiR", "ZHPu" → "ZHP"; None for a
    word that is none ("Jan", "USA" is one)."""
    m = INFLECTED_ACRONYM.fullmatch(text)
    if m is None or sum(c.isupper() for c in m.group(1)) < 2:
        return None
    return m.group(1)


def initials_of(name: str) -> str | None:
    """ "Trzebiechowski Ośrodek Kultury" → "TOK", "Związek Polaków na Litwie" → "ZPL", "Ośrodek Sportu i Rekreacji"
    → "OSiR": the acronym a body named in full may be written as (a preposition left out, "i" kept in lower case);
    None for a name of one word, with another word in lower case, or one every town gives a body ("Ochotnicza Straż
    Pożarna")."""
    skipped = lexicon().acronym_skipped_words
    words = [w for w in name.split() if w not in skipped]
    if len(words) < 2 or not all(w[:1].isupper() or w == "i" for w in words) or words[-1] == "i" \
            or generic_organisation(name):
        return None
    return "".join(w[0] for w in words)


def acronyms_of(name: str) -> set[str]:
    """The acronyms a body named in full may be written as: its initials, and for a body named after a patron
    those of its name without "im." ("Uniwersytet im. Jana Kochanowskiego" → "UJK") and before it ("Państwowa Wyższa
    Szkoła Zawodowa im. X" → "PWSZ")."""
    if " im. " not in name:
        return {a} if (a := initials_of(name)) is not None else set()
    own, patron = name.split(" im. ", 1)
    return {a for a in (initials_of(own), initials_of(f"{own} {patron}")) if a is not None}


def school_initials(name: str) -> str | None:
    """ "II Liceum Ogólnokształcące im. X w Y" → "II LO", "Szkoła Podstawowa nr 3" → "SP nr 3": how a numbered school
    is written by its acronym; a name so written gives itself ("II LO w Y" → "II LO"). None for a name with no number."""
    words = name.split()
    roman = words[0] if words and re.fullmatch(r"[IVX]+", words[0]) else None
    rest = words[1:] if roman else words
    head = []
    for k, w in enumerate(rest):
        joined = w == "i" and head and k + 1 < len(rest) and rest[k + 1][:1].isupper()  # "… Rolniczych i Technicznych"
        if not (w[:1].isupper() or joined) or w.lower() in ("nr", "nr."):
            break
        head.append(w)
    after = rest[len(head):]
    number = after[1] if len(after) >= 2 and after[0].lower() in ("nr", "nr.") else None
    if not head or (roman is None) == (number is None):
        return None
    letters = head[0] if len(head) == 1 and (head[0].isupper() or acronym_stem(head[0]) == head[0]) \
        else "".join(w[0] for w in head)  # "ZSRiT nr 4" for "Zespół Szkół Rolniczych i Technicznych Nr 4"
    return f"{roman} {letters}" if roman else f"{letters} nr {number}"


ROMAN_OR_NUMBER = re.compile(r"[IVXLC]+|\d+[a-z]?|nr\.?|Nr\.?")
ROMAN_NUMERAL = re.compile(r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})")  # "Mikołaj II Radziwiłł": a ruler's number
BILATERAL = re.compile(r"\w+o-\w+")  # "polsko-niemiecki": a society of a kind found in many towns


@lru_cache(maxsize=20_000)
def generic_organisation(name: str) -> bool:
    """Whether an organisation's name is one many towns give their own ("Rada Miejska", "Gimnazjum nr 1",
    "I Liceum Ogólnokształcące im. …"): every word an organisation head, a generic word, a number or "nr",
    a patron after "im." aside. Such a name alone does not identify an organisation."""
    lex = lexicon()
    known = set(lex.organisation_heads) | set(lex.generic_organisation_words)
    words = name.split()
    if "im." in words:
        words = words[:words.index("im.")]
    if not words:
        return False
    branch = bool(analyser().lemma_set(words[0]) & set(lex.branch_heads))
    for word in words:
        if ROMAN_OR_NUMBER.fullmatch(word) or branch and is_acronym(word):
            continue  # "Koło PZW": a branch the town tells
        lemmas = analyser().lemma_set(word)
        if not (lemmas & known or any(BILATERAL.fullmatch(lemma) for lemma in lemmas)):
            return False
    return True


def unknown_to_sgjp(t) -> bool:
    """A word SGJP has no reading for (a foreign name, mostly)."""
    return (reading := chosen(t)) is None or reading.pos == "ign"


def _common_cases(tokens, classes) -> frozenset:
    """The cases the words of a name share; a surname SGJP lacks speaks by its adjectival ending
    ("Ryszarda Zembaczyńskiego": genitive, so Ryszard, not Ryszarda)."""
    cases = None
    for t in tokens:
        options = [a for a in analyses(t) if classes.intersection(a.classes) and "sg" in a.numbers]
        here = frozenset().union(*(a.cases for a in options)) - {"voc"} if options else None  # "Nico" is no vocative of Nica
        if not here and unknown_to_sgjp(t) and (m := ADJECTIVAL_I.search(t.text)):
            here = ADJECTIVAL_CASES[m[1].lower()]
        if not here and unknown_to_sgjp(t) and (m := SOUTH_SLAVIC.search(t.text)):
            here = SOUTH_SLAVIC_CASES[m[1].lower()]
        if here:
            cases = here if cases is None else (cases & here or cases)
    return cases or frozenset()


# The masculine endings a name SGJP does not know takes in Polish prose, by case: the instrumental
# ("z Dirkiem Hilbertem": -iem after k and g, else -em) and the dative ("Hansowi-Georgowi Wiesmannowi").
FOREIGN_NAME_ENDINGS = {
    "inst": (re.compile(r"(?<=[kg])iem$"), re.compile(r"(?<=[^aeiouyąęó])em$")),
    "dat": (re.compile(r"(?<=[^aeiouyąęó])owi$"),),
    "gen": (re.compile(r"(?<=[aiuy]s)a$"),),  # "Valdasa Adamkusa": a Baltic or Greek name in -s keeps it
}


APOSTROPHE_CASES = "owi|a|em|u|ego|emu|m|ie"  # Polish case endings written after an apostrophe on a foreign name
APOSTROPHE_ENDING = re.compile(rf"['‘’]({APOSTROPHE_CASES})$")
GENITIVE_ADJECTIVE_ENDINGS = ("ego", "ého")  # "Krásnego Brodu", "Vysokého Brodu": an adjective in the genitive
DASH_OR_COLON = frozenset(DASHES) | {":"}  # what opens a list: "pomiędzy miastami - X i Y", "gminy: X i Y"
# A foreign surname in -a declines as a Polish feminine noun (Kucheida, Kucheidy, Kucheidzie, Kucheidę,
# Kucheidą): -ę and -ą always give it back; the other endings only when the text writes the -a form.
SURNAME_A_ENDINGS = {"ą": "a", "ę": "a"}
SURNAME_A_ATTESTED = {"dzie": "da", "cie": "ta", "rze": "ra", "le": "ła", "nie": "na", "mie": "ma", "wie": "wa",
                      "sie": "sa", "zie": "za", "bie": "ba", "pie": "pa", "y": "a"}


def _feminine_declension(word: str, written) -> str | None:
    for ending, nominative in SURNAME_A_ENDINGS.items():
        if word.endswith(ending) and word[-2:-1].isalpha() and word[-2].lower() not in "aeiouyąęó":
            return word[: -len(ending)] + nominative
    for ending, nominative in SURNAME_A_ATTESTED.items():
        base = word[: -len(ending)] + nominative
        if word.endswith(ending) and any((base[:-1] + e).lower() in written for e in ("a", "ą", "ę")):
            return base  # the text writes it in the nominative, instrumental or accusative too
    return None


CZECH_ADJECTIVAL = re.compile(r"(?<=[^\W\d_]{3})(ým|ého|ému)$", re.I)  # Pobuckým, Pobuckého, Pobuckému: Pobucký
ADJECTIVAL_I = re.compile(r"(?<=[^\W\d_]{3}i)(ego|emu)$", re.I)
ADJECTIVAL_CASES = {"ego": frozenset({"gen", "acc"}), "emu": frozenset({"dat"})}
# Surnames in -ić (Stevanović) decline on a soft stem: Stevanovicia, Stevanoviciowi, Stevanoviciem, Stevanoviciu.
SOUTH_SLAVIC = re.compile(r"(?<=[^\W\d_]{3})ici(a|owi|em|u)$", re.I)
SOUTH_SLAVIC_CASES = {"a": frozenset({"gen", "acc"}), "owi": frozenset({"dat"}), "em": frozenset({"inst"}),
                      "u": frozenset({"loc"})}
# A given name SGJP lacks, in the case its surname shows: Veroljuba (gen) → Veroljub.
GIVEN_NAME_ENDINGS = {"gen": "a", "acc": "a", "dat": "owi", "inst": "em", "loc": "u"}


GENITIVE_CONSONANT_A = re.compile(r"[^\W\daeiouyąęó]a$", re.I)
GENITIVE_IA = re.compile(r"[^\W\daeiouyąęó][ij]i$", re.I)  # the genitive of a surname in -ia or -ja ("Matynii")


def _masculine_genitive_name(tokens, surname) -> bool:
    """Another word of the name is a man's given name in the genitive ("Helmuta", "Ireneusza"), or his surname and
    only that ("Andreasa Kuhna")."""
    return any("gen" in a.cases and "m1" in a.genders and "imię" in a.classes
               for t in tokens if t is not surname for a in analyses(t)) or any(
        (readings := analyses(t)) and all("gen" in a.cases and "m1" in a.genders and "nazwisko" in a.classes for a in readings)
        for t in tokens if t is not surname)


def _strip_case(word: str, case: str) -> str | None:
    """The word without the case's ending, each part of a hyphenated word alike; None if a part lacks it."""
    stems = []
    for part in word.split("-"):
        ending = next((e for e in FOREIGN_NAME_ENDINGS[case] if e.search(part) and len(part) > 4), None)
        if ending is None:
            return None
        stems.append(ending.sub("", part).rstrip("'‘’"))  # "Pierre'em": the apostrophe goes with the ending
    return "-".join(stems)


def _foreign_inflected(tokens) -> list[str] | None:
    """ "z Dirkiem Hilbertem" → "Dirk Hilbert": a name unknown to SGJP whose every word has the
    ending of one masculine case."""
    unknown = [t for t in tokens if not re.fullmatch(r"[^\W\d_]\.", t.text)]
    if len(unknown) < 2 or not all(unknown_to_sgjp(t) for t in unknown):
        return None
    for case in FOREIGN_NAME_ENDINGS:
        stems = [_strip_case(t.text, case) for t in unknown]
        if all(stems):
            return stems
    return None


def person_base(tokens) -> str:
    """Given names and surnames in the nominative; initials as "J."; capitals in title case."""
    if (stems := _foreign_inflected(tokens)) is not None:
        return tidy(" ".join(title_case(s) for s in stems))
    cases = _common_cases(tokens, PERSON_CLASSES)
    words = []
    for t in tokens:
        text = t.text
        if re.fullmatch(r"[^\W\d_]\.", text):
            words.append(text)
            continue
        lemma = None
        if "nom" not in cases:
            # of several names in that case the one SGJP knows in more roles ("Jacka": Jacek, a given name and
            # a surname, before the English given name Jack)
            fitting = [a for a in analyses(t) if PERSON_CLASSES.intersection(a.classes) and "sg" in a.numbers
                       and a.cases & cases]
            if fitting:
                lemma = max(fitting, key=lambda a: (len(PERSON_CLASSES.intersection(a.classes)),
                                                    t is not tokens[-1] and "imię" in a.classes)).lemma
                # and before the surname a given name ("Michalem": Michal, not the surname Michael)
        if lemma is None and "nom" in cases and len(tokens) > 1 and t is tokens[-1] \
                and (family := family_surname(t)) is not None:
            lemma = surname_of(family, tokens[0])  # "Anna i Jan Kowalscy": Jan Kowalski (and Anna Kowalska)
        if words and (text in lexicon().name_particles or ROMAN_NUMERAL.fullmatch(text)):
            words.append(text)  # "von", "van", "II": as written
            continue
        word = title_case(text)
        if lemma and text.isupper():
            lemma = title_case(lemma.upper())
        if lemma is None and len(cases) == 1 and next(iter(cases)) in FOREIGN_NAME_ENDINGS and \
                unknown_to_sgjp(t):
            lemma = _strip_case(word, next(iter(cases)))  # "Klausowi Müllerowi": the known word's case
        if lemma is None and unknown_to_sgjp(t) and ADJECTIVAL_I.search(word):
            lemma = ADJECTIVAL_I.sub("", word)  # "Giorgio Baldiniego" → Baldini: a name in -i declined as an adjective
        if lemma is None and unknown_to_sgjp(t) and CZECH_ADJECTIVAL.search(word):
            lemma = CZECH_ADJECTIVAL.sub("ý", word)  # "z Michalem Pobuckým" → Pobucký: a Czech or Slovak surname in -ý
        if lemma is None and unknown_to_sgjp(t) and SOUTH_SLAVIC.search(word):
            lemma = SOUTH_SLAVIC.sub("ić", word)  # "Veroljuba Stevanovicia" → Stevanović
        elif lemma is None and unknown_to_sgjp(t) and t is not tokens[-1] \
                and len(cases) <= 2 and any(SOUTH_SLAVIC.search(x.text) for x in tokens[1:]):
            ending = next((GIVEN_NAME_ENDINGS[c] for c in sorted(cases) if c in GIVEN_NAME_ENDINGS), None)
            if ending and word.endswith(ending) and word[-len(ending) - 1].lower() not in "aeiouyąęó":
                lemma = word[: -len(ending)]  # the given name in the surname's case
        if lemma is None and unknown_to_sgjp(t) and len(word) > 4 and cases and cases <= {"gen", "acc"} \
                and GENITIVE_CONSONANT_A.search(word) and _masculine_genitive_name(tokens, t):
            lemma = word[:-1]  # "Helmuta Morloka" → Morlok: a surname SGJP lacks in a man's given name's genitive
        if lemma is None and unknown_to_sgjp(t) and len(word) > 4 and cases and cases <= {"gen", "acc"} \
                and GENITIVE_IA.search(word) and _masculine_genitive_name(tokens, t):
            lemma = word[:-1] + "a"  # "Zygmunta Matynii" → Matynia: a surname in -ia declined as a feminine noun
        if lemma is None and APOSTROPHE_ENDING.search(word):
            lemma = APOSTROPHE_ENDING.sub("", word)  # "Jean-Pierre'owi" → Jean-Pierre: the ending after an apostrophe
        if lemma is None and "-" in word.strip("-") and "nom" not in cases:
            lemma = _double_surname(word, cases)  # "Ewę Sowę-Kruk" → Sowa-Kruk
        if lemma is None and unknown_to_sgjp(t) and len(word) > 4:
            lemma = _feminine_declension(word, t.doc._.word_forms or ())
        words.append(with_case_of(lemma, word) if lemma else word)
    return tidy(" ".join(words))  # a person's name: words apart, "J.NOWAK" → "J. Nowak"


FAMILY_PLURAL = {"scy": "ski", "ccy": "cki", "dzcy": "dzki", "siowie": "ś", "ciowie": "ć", "ziowie": "ź",
                 "niowie": "ń", "owie": ""}  # Kowalscy → Kowalski, Karasiowie → Karaś, Nowakowie → Nowak
FEMININE_SURNAME = re.compile(r"(sk|ck|dzk)i$")  # Kowalski → Kowalska


def family_surname(token) -> str | None:
    """ "Anna i Jan Kowalscy", "Ewa i Adam Nowakowie": a surname in the plural names a couple or a family; its
    singular, as a man's name. SGJP's plural of a surname, or the endings of one SGJP lacks."""
    readings = analyses(token)
    if any("nazwisko" in a.classes and "sg" in a.numbers and "nom" in a.cases for a in readings):
        return None
    plural = next((a.lemma for a in readings if "nazwisko" in a.classes and a.numbers == {"pl"} and "nom" in a.cases),
                  None)
    if plural is not None or not unknown_to_sgjp(token):
        return plural
    word = token.text
    ending = next((e for e in FAMILY_PLURAL if word.endswith(e) and len(word) > len(e) + 3), None)
    return word[: -len(ending)] + FAMILY_PLURAL[ending] if ending else None


def surname_of(surname: str, given) -> str:
    """A man's surname as the holder of the given name `given` (a token) bears it: Kowalski, Anna Kowalska."""
    readings = [a for a in analyses(given) if "imię" in a.classes]
    if readings and all(a.genders == {"f"} for a in readings):
        return FEMININE_SURNAME.sub(r"\1a", surname)
    return surname


def _double_surname(word: str, cases: frozenset) -> str | None:
    """A double surname in the case of its given name, each part that SGJP knows as a surname in that case brought
    to the nominative ("Sowę-Kruk" → "Sowa-Kruk", "Kowalskiej-Nowak" → "Kowalska-Nowak"); None if no part moves."""
    parts, moved = [], False
    for part in word.split("-"):
        lemma = next((a.lemma.split(":")[0] for a in analyser().analyse(part)
                      if "nazwisko" in a.classes and "sg" in a.numbers and a.cases & cases), None)
        parts.append(lemma if lemma and lemma[:1].isupper() else part)
        moved = moved or parts[-1] != part
    return "-".join(parts) if moved else None


def _head_analysis(tokens, head_index: int, heads: set[str]) -> Analysis | None:
    """The head noun's analysis that agrees best with the adjectives around it: those before it and those right
    after it ("Partnerskich" in "Stowarzyszenia Miast i Gmin Partnerskich" is the towns', not the head's)."""
    head = tokens[head_index]
    options = [a for a in analyses(head) if a.pos == "subst" and a.lemma.lower() in heads]
    options = [a for a in options if not a.proper] or options or list(analyses(head))  # "Związek": not the surname
    around = list(tokens[:head_index])
    for t in tokens[head_index + 1:]:
        if not any(a.pos == "adj" for a in analyses(t)):
            break
        around.append(t)
    adjectives = [a for t in around for a in analyses(t) if a.pos == "adj"]

    def agreement(a: Analysis) -> int:
        return sum(bool(a.cases & x.cases) + bool(a.numbers & x.numbers) + bool(a.genders & x.genders) for x in adjectives)

    return max(options, key=lambda a: (agreement(a), a.numbers == {"sg"})) if options else None


FOREIGN_PLACE_ADJECTIVE = re.compile(r"(sk|ck|dzk)(iego|iemu|im|a|iej|ą|ie|i)$")
PLURAL_PLACE_ADJECTIVE = re.compile(r"(sk|ck|dzk)(ich|imi)$")  # "Miast Friedlandzkich": of towns, never one


def _nominative(token, head_number: str, head_gender: str | None) -> str:
    """An adjective or a head noun of a name brought to the nominative."""
    gen = analyser()
    text = token.text
    for a in analyses(token):
        if a.pos in ("adj", "ppas"):  # "Brygady Zmechanizowanej": a participle, as an adjective
            degree = a.tag.rsplit(":", 1)[-1]  # "Wyższa Szkoła" stays comparative
            form = gen.inflect(a.lemma, a.pos, "nom", head_number, head_gender,
                               degree if degree in ("pos", "com", "sup") else "pos")
            if form:
                return with_case_of(form, text) if not text.isupper() else form.upper()
    if head_number == "sg" and (m := FOREIGN_PLACE_ADJECTIVE.search(text)):
        # "Rejonu Miżgirskiego" → "Rejon Miżgirski": a place adjective SGJP does not know as one, by its ending
        ending = "a" if head_gender == "f" else "ie" if head_gender and head_gender.startswith("n") else "i"
        return text[: m.start(2)] + ending
    return text


def _agrees(adjective: Analysis, head, lemma: str | None = None) -> bool:
    """An adjective's reading in the case, number and gender of one of the head noun's readings (any,
    when SGJP does not know the head), of its `lemma` when the head is read as that noun ("Rady": "rada",
    not the name "Rado", so not "Transgranicznego")."""
    nouns = [h for h in analyses(head) if h.pos in ("subst", "depr") and h.cases]
    nouns = [h for h in nouns if lemma is None or h.lemma == lemma] or nouns
    return not nouns or any(adjective.cases & h.cases and adjective.numbers & h.numbers
                            and (not h.genders or adjective.genders & h.genders) for h in nouns)


def organisation_base(tokens, head_index: int, heads: set[str]) -> str:
    """Head noun in the nominative, adjectives agreeing with it, complements as written."""
    a = _head_analysis(tokens, head_index, heads)
    territorial = a is not None and a.lemma.lower() in lexicon().territorial_heads
    number = "pl" if a and a.numbers == {"pl"} else "sg"
    gender = next(iter(sorted(a.genders)), None) if a and a.genders else None
    words = []
    for i, t in enumerate(tokens):
        if i == head_index:
            lemma = a.lemma if a and a.pos in ("subst", "depr") else t.text
            if number == "pl" and a:
                lemma = analyser().inflect(a.lemma, a.pos, "nom", "pl", None) or t.text
            words.append(title_case(with_case_of(lemma, t.text)) if t.text.isupper() else with_case_of(lemma, t.text))
        elif (i < head_index or i == head_index + 1 and not _opens_complement(tokens, head_index, i)
              or _compound_adjective_end(tokens, head_index, i) or all(
                _adjective_of(tokens[j], tokens[head_index]) for j in range(head_index + 1, i + 1))
                and not _noun_next(tokens, i)) and any(
                x.pos in ("adj", "ppas") and _agrees(x, tokens[head_index], a.lemma if a else None) for x in analyses(t)) \
                and (t.text[:1].isupper() or tokens[head_index].text[:1].islower()) \
                and not (i > head_index and _next_nouns_adjective(tokens, i)):
            words.append(_nominative(t, number, gender))  # "Przyjaźni" after "Towarzystwa": a noun, kept
        elif (i < head_index and (unknown_to_sgjp(t) or surname_only(t))
              or i == head_index + 1 and (unknown_to_sgjp(t) or territorial)) and FOREIGN_PLACE_ADJECTIVE.search(t.text):
            # "Wyrivską Radą" → "Wyrivska Rada"; "Rejonu Horodeckiego" → "Rejon Horodecki" (SGJP knows the word only
            # as a surname)
            words.append(_nominative(t, number, gender))
        elif territorial and i == head_index + 1 and (name := _apposed_name(t, a)) is not None:
            words.append(with_case_of(name.lemma, t.text))  # "Gminę Kłodawę" → "Gmina Kłodawa"
        else:
            words.append(t.text)
    return joined(words, tokens)


def _apposed_name(token, head: Analysis) -> Analysis | None:
    """A geographical name's reading agreeing with its unit's noun in an oblique case ("Gminę Kłodawę", "Gminą
    Kłodawą"); not in the genitive ("Gminy Kłodawa": the name in the nominative, "Gminy Szprotawy": the town's)."""
    cases = head.cases - {"nom", "gen"}
    return next((r for r in analyses(token) if r.proper and r.pos == "subst" and r.cases & cases
                 and GEO_CLASSES.intersection(r.classes) and "sg" in r.numbers), None)


def surname_only(token) -> bool:
    """A word SGJP knows only as a surname ("Wroniecka"): a town's adjective it lacks may be written so."""
    readings = analyses(token)
    return bool(readings) and all(a.proper and "nazwisko" in a.classes for a in readings)


def _adjective_of(token, head) -> bool:
    """The word is the head's adjective: chosen as one, or a proper name's word SGJP also knows as an adjective
    agreeing with it ("Miejskiego", also a surname)."""
    reading = chosen(token)
    return reading is not None and (reading.pos == "adj" or reading.proper and any(
        x.pos == "adj" and _agrees(x, head) for x in analyses(token)))


def _compound_adjective_end(tokens, head_index: int, i: int) -> bool:
    """ "Powiatu Strzelecko – Opolskiego": the last part of a compound adjective written with a spaced dash
    right after the head (its first part in -o)."""
    return i == head_index + 3 and tokens[i - 1].text in DASHES and tokens[i - 2].text.endswith("o")


def _next_nouns_adjective(tokens, i: int) -> bool:
    """ "Oddziału Polskiego Związku", "Uniwersytetu Trzeciego Wieku": a nation's adjective or an ordinal right
    before a common noun it agrees with is that noun's, not the head's ("Polski Związek", "Trzeci Wiek")."""
    if i + 1 >= len(tokens) or not tokens[i + 1].text[:1].isupper():
        return False
    lex = lexicon()
    mine = [a for a in analyses(tokens[i]) if a.pos == "adj" and (a.lemma in lex.country_adjectives
                                                                 or a.lemma in lex.ordinal_adjectives)]
    return any(_agrees(a, tokens[i + 1]) for a in mine) and any(
        n.pos == "subst" and not n.proper for n in analyses(tokens[i + 1]))


def _opens_complement(tokens, head_index: int, i: int) -> bool:
    """ "Powiatowej Komendy Państwowej Straży Pożarnej": after a head with an adjective before it, an adjective
    before a noun that has an adjective of its own after it opens the head's genitive complement ("Państwowa Straż
    Pożarna"), whatever case the head is in ("Urzędu Marszałkowskiego Województwa Opolskiego": the head's own)."""
    return head_index > 0 and any(x.pos == "adj" for x in analyses(tokens[head_index - 1])) and i + 2 < len(tokens) \
        and _noun_next(tokens, i) and tokens[i + 2].text[:1].isupper() and all(
        any(x.pos == "adj" and _agrees(x, tokens[i + 1]) for x in analyses(tokens[k])) for k in (i, i + 2))


def _noun_next(tokens, i: int) -> bool:
    """ "Komenda Powiatowa Państwowej Straży": the second adjective is the next noun's, not the head's; a number's
    abbreviation is no such noun ("Przedszkola Miejskiego Integracyjnego nr 8")."""
    nxt = chosen(tokens[i + 1]) if i + 1 < len(tokens) else None
    return nxt is not None and nxt.pos == "subst" and tokens[i + 1].text[:1].isupper()


def unit_base(unit: str, adjectives) -> str:
    """ "województwo" + "opolskiego" → "województwo opolskie": a territorial unit named by its adjectives,
    in lower case as Polish writes it."""
    noun = next((a for a in analyser().analyse(unit) if a.pos == "subst"), None)
    gender = next(iter(sorted(noun.genders)), None) if noun else None
    return " ".join([unit, *(_nominative(t, "sg", gender) for t in adjectives)])


def _compound_base(token) -> str | None:
    """ "Bielsku-Białej" → "Bielsko-Biała": each part of a hyphenated geographical name, read the
    same way in every form the text writes ("Bielsku-Białej", "Bielskiem-Białą"); between equal
    readings a neuter first part, as in most double names (Bielsko-Biała, Busko-Zdrój), unless only another
    reading names a town GeoNames knows ("Połczynie-Zdroju": Połczyn-Zdrój)."""
    parts = token.text.split("-")
    if len(parts) < 2 or not all(parts):
        return None
    options = [_geo_parts(p) for p in parts]
    if not all(options):
        return None
    cases = frozenset.intersection(*(frozenset().union(*(a.cases for a in o)) for o in options))
    if not cases or "nom" in cases:
        return None
    others = {t.text for t in token.doc if t.text.count("-") == len(parts) - 1 and t.text[:1].isupper()}
    others = [w.split("-") for w in others]

    def rank(i: int, a: Analysis):
        support = sum(any(o.lemma == a.lemma for o in _geo_parts(w[i])) for w in others)
        return bool(a.cases & cases), support, i == 0 and "n" in a.genders
    rest = [with_case_of(max(options[i], key=lambda a: rank(i, a)).lemma, parts[i]) for i in range(1, len(parts))]
    names = ["-".join([with_case_of(a.lemma, parts[0]), *rest])
             for a in sorted(options[0], key=lambda a: rank(0, a), reverse=True) if a.cases & cases]
    return next((name for name in names if town_size(name)), names[0])


def _geo_parts(word: str) -> list[Analysis]:
    return [a for a in analyser().analyse(word) if GEO_CLASSES.intersection(a.classes)]


@lru_cache(maxsize=65536)
def towns_named(name: str) -> tuple[tuple[str, int], ...]:
    """The places GeoNames calls by this name, own or alternate ("Lipsk" is Leipzig's in Polish): (own name, people)."""
    return tuple((entry.name, entry.population + 1) for entry, _ in gazetteer().places(name))


def town_size(name: str, variants: set[str] = frozenset()) -> int:
    """The people of the largest town of this name, 0 for none; a place whose own name is one of `variants`
    does not count: "Krosna" is only another spelling of Krosno, the reading beside it."""
    return max((people for own, people in towns_named(name) if own == name or own not in variants), default=0)


def best_geo(token) -> Analysis:
    """The geographical reading of a word: a plurale tantum for plural forms (Żarach → Żary), a
    noun over an adjective-like region name (Gdańskiem → Gdańsk, not Gdańskie)."""
    geo = [a for a in analyses(token) if GEO_CLASSES.intersection(a.classes) and a.pos == "subst"]
    picked = chosen(token)
    cases = picked.cases if picked is not None else frozenset()
    written = token.doc._.word_forms or ()
    countries = lexicon().country_names
    lemmas = {a.lemma for a in geo}
    doc = token.doc
    # "gminy Lipnik", "miasta Gorlice": after a place noun the name stands in the nominative, as written
    apposition = token.i > 0 and not lemma_sets(doc)[token.i - 1].isdisjoint(lexicon().place_heads)

    def rank(a: Analysis):
        people = town_size(a.lemma, lemmas - {a.lemma})
        as_written = a.lemma == token.text
        # a name the text also writes in its own form ("Tarnów" makes "Tarnowa" Tarnów's), a country
        # ("Niemiec": Niemcy, not the village Niemce), a town GeoNames knows by that name ("w Krośnie":
        # Krosno, not Krosna), the name as written after a place noun, a reading in the case the context
        # chose ("prezydent Wieliczki": genitive), the name as written ("gminą Zbójno": Zbójno, not the
        # vocative of Zbójna), the larger town, then the shape of the name
        return (a.lemma.lower() in written and a.lemma.lower() != token.lower_, a.lemma in countries,
                people > 0, apposition and as_written, bool(a.cases & cases), as_written, people, ":pt" in a.tag,
                not re.search(r"(sk|ck|dzk)ie$", a.lemma), "nazwa_geograficzna" in a.classes, a is picked)

    return max(geo, key=rank)


FOREIGN_ENDINGS = ("owi", "iem", "em", "u")  # Polish masculine endings on foreign names: Grazu, Grazem, Grazowi
# Endings read as a case only when the text writes the stem in another form too: a bare -a may
# be a feminine name ("Brema"), a locative -ie alternates the stem's last consonant.
ATTESTED_ENDINGS = {"a": "", "dzie": "d", "cie": "t", "rze": "r", "le": "ł", "nie": "n", "mie": "m", "wie": "w",
                    "sie": "s", "zie": "z", "bie": "b", "pie": "p", "fie": "f"}


def foreign_stems(text: str) -> set[str]:
    """A name unknown to SGJP and the stems its Polish case endings leave ("Frankiwsku" → Frankiwsk),
    folded: two forms of one foreign name share one."""
    out = {fold(text)}
    for ending in (*FOREIGN_ENDINGS, *ATTESTED_ENDINGS):
        if text.endswith(ending) and len(text) - len(ending) >= 4:
            out.add(fold(text[: -len(ending)] + ATTESTED_ENDINGS.get(ending, "")))
    return out


@lru_cache(maxsize=1)
def genitive_prepositions() -> frozenset[str]:
    return frozenset(lexicon().genitive_prepositions)


def _masculine_genitives(doc) -> set[str]:
    """Words in -a after a preposition of the genitive ("z Prnjavora", "do Zadara"): a feminine name would end in
    -y or -i there ("z Nitry"), so these are a masculine name's genitive."""
    found = doc.user_data.get("kronika.masculine_genitives")
    if found is None:
        found = doc.user_data["kronika.masculine_genitives"] = {
            t.lower_ for t in doc if t.i > 0 and t.lower_.endswith("a") and doc[t.i - 1].lower_ in genitive_prepositions()}
    return found


def _foreign_base(token) -> str | None:
    """ "w Grazu", "z Grazem" → "Graz": a name unknown to SGJP with a Polish masculine case ending;
    "do Lingena", "w Lingenie" → "Lingen" when the text also writes "Lingen", "Lingenu", "Lingenem"…"""
    text = token.text
    if not unknown_to_sgjp(token) or not text[:1].isupper():
        return None
    if APOSTROPHE_ENDING.search(text):  # "do Leeds'u", "z Bordeaux’em": the ending after an apostrophe
        return APOSTROPHE_ENDING.sub("", text)
    if "-" in text:  # "Iwano-Frankiwsku": the last part takes the ending (place_base tried the double names)
        head, _, last = text.rpartition("-")
        if not head or not last[:1].isupper():
            return None
    written = token.doc._.word_forms or ()
    if len(text) >= 5 and text.endswith(("ji", "ii")) and text[-3].lower() not in "aeiouyąęóé":
        return text[:-1] + "a"  # "w Hesji", "z Emilii": only a feminine name in -ja or -ia ends so
    for ending in FOREIGN_ENDINGS:
        stem = text[: -len(ending)]
        if text.endswith(ending) and len(stem) >= 4 and stem[-1].lower() not in "aeiouyąęóé" \
                and (ending != "iem" or stem[-1] in "kg"):
            # "z Breznem" of a neuter name the text also writes "Brezno"; else masculine: "z Grazem" → "Graz"
            return stem + "o" if ending in ("em", "u") and (stem + "o").lower() in written else stem
    if text.endswith(("ach", "ami")) and len(text) >= 6:  # "w Sużanach" of a town the text also writes "Sużany"
        plural = next((text[:-3] + e for e in ("y", "e", "i") if (text[:-3] + e).lower() in written), None)
        if plural is not None:
            return plural
    if text.endswith("ą") and len(text) >= 5 and text[-2].lower() not in "aeiouyąęóé":
        return text[:-1] + "a"  # "z Jihlavą", "Valmierą": only a feminine noun ends in -ą
    if text.endswith("y") and len(text) >= 5 and any((text[:-1] + e).lower() in written for e in ("a", "ą")):
        return text[:-1] + "a"  # "burmistrz Trsteny" of a town the text also writes "Trstena" or "z Trsteną"
    for ending, consonant in ATTESTED_ENDINGS.items():
        stem = text[: -len(ending)] + consonant
        if text.endswith(ending) and len(stem) >= 4 and stem[-1].lower() not in "aeiouyąęóé" \
                and (any((stem + e).lower() in written for e in ("", *FOREIGN_ENDINGS))
                     or (stem + "a").lower() in _masculine_genitives(token.doc)):
            return stem  # "w Prnjavorze" of a town the text also writes "z Prnjavora"
        if ending != "a" and text.endswith(ending) and len(stem) >= 4 \
                and any((stem + e).lower() in written for e in ("y", "ą", "ę")):
            return stem + "a"  # "w Nitrze" of a town the text also writes "z Nitry": a feminine name
    return None


# Case endings of a town's name and the nominative's ending they replace, tried against GeoNames where SGJP
# gives no town: "z Kodymy", "w Kodymie" → Kodyma (SGJP knows "Kodym" only as a surname).
DECLINED_ENDINGS = (("ą", "a"), ("ę", "a"), ("y", "a"), ("i", "a"), ("dze", "ga"), ("ce", "ka"), ("ie", "a"),
                    ("ie", ""), ("u", ""), ("em", ""), ("owi", ""), ("a", ""),
                    ("ami", "e"), ("ami", "y"), ("ami", "i"), ("ach", "e"), ("ach", "y"), ("ach", "i"),  # plurals
                    ("dzie", "d"), ("rze", "r"), ("rze", "ro"), ("cie", "t"))  # "w Szegedzie", "w Egerze", "w Dniprze"


def place_base(tokens) -> str:
    """A geographical name in the nominative: "Nowego Targu" → "Nowy Targ"; of one word SGJP knows at most as a
    surname and no town in GeoNames, the nominative of its case ending that is one."""
    base = _place_base(tokens)
    if len(tokens) == 1 and len(text := tokens[0].text) >= 5 \
            and all(a.pos == "ign" or a.classes == ("nazwisko",) for a in analyses(tokens[0])) and not town_size(base):
        base = next((text[: -len(written)] + ending for written, ending in DECLINED_ENDINGS
                     if text.endswith(written) and town_size(text[: -len(written)] + ending)), base)
    return base


def _place_base(tokens) -> str:
    if len(tokens) == 1 and (compound := _compound_base(tokens[0])):
        return compound
    if len(tokens) == 1 and (foreign := _foreign_base(tokens[0])):
        return foreign
    nouns = [t for t in tokens if any(GEO_CLASSES.intersection(a.classes) and a.pos == "subst" for a in analyses(t))]
    # a noun followed by its adjective ("Rynek Główny"): the head is the first word that is only a noun
    plain = [t for t in tokens[:1] if any(a.pos == "subst" for a in analyses(t))
             and not any(a.pos == "adj" for a in analyses(t))]
    if plain and len(tokens) > 1 and all(any(a.pos == "adj" for a in analyses(t)) for t in tokens[1:]):
        head = plain[0]
        options = [a for a in analyses(head) if GEO_CLASSES.intersection(a.classes)] or \
            [next(a for a in analyses(head) if a.pos == "subst")]

        def named(option: Analysis) -> str:
            number = "pl" if option.numbers == {"pl"} else "sg"
            gender = next(iter(sorted(option.genders)), None)
            return joined([with_case_of(option.lemma, head.text)] + [_nominative(t, number, gender) for t in tokens[1:]],
                          tokens)
        names = [named(option) for option in options]  # "Jordanowa Śląskiego": Jordanów Śląski, the town GeoNames
        return next((name for name in names if town_size(name)), names[0])  # knows, not Jordanowo Śląskie
    if not nouns and len(tokens) == 1 and (proper := next((a for a in analyses(tokens[0]) if a.proper and a.pos == "subst"
                                                           and a.lemma[:1].isupper() and "sg" in a.numbers), None)):
        # "burmistrz Adrii": a town SGJP knows only as a given name; but not as a family in the plural ("z Biberach"
        # is no "Biber")
        return with_case_of(proper.lemma, tokens[0].text)
    if len(tokens) == 2 and tokens[1] not in nouns and (reading := agreeing_noun(tokens[0], tokens[1])):
        return _named_by(tokens, [], tokens[1], reading)  # "Dolnej Kubicy": a noun SGJP knows only as a surname
    if not nouns:
        return tidy(" ".join(title_case(t.text) for t in tokens))
    head = nouns[-1]
    base = _named_by(tokens, nouns, head, best_geo(head))
    if len(tokens) > 1 and not town_size(base):  # "Miejskiej Górki": Miejska Górka (a town), not Miejskie Górki
        others = (_named_by(tokens, nouns, noun, a) for noun in reversed(nouns) for a in analyses(noun)
                  if GEO_CLASSES.intersection(a.classes) and a.pos == "subst")  # "Tomaszowa Mazowieckiego": the
        # region's noun "Mazowieckie" is no head of a town's name
        base = next((other for other in others if town_size(other)), base)
    return base


def agreeing_noun(adjective, noun) -> Analysis | None:
    """The noun's reading in an oblique case that the adjective before it agrees with, if one is."""
    adjectives = [a for a in analyses(adjective) if a.pos == "adj"]
    return next((n for n in analyses(noun) if n.pos == "subst" and "nom" not in n.cases and any(
        a.cases & n.cases and a.numbers & n.numbers and a.genders & n.genders for a in adjectives)), None)


def _named_by(tokens, nouns, head, reading: Analysis) -> str:
    """The name in the nominative with its head noun read as `reading`, the adjectives agreeing with it."""
    number = "pl" if reading.numbers == {"pl"} else "sg"
    gender = next(iter(sorted(reading.genders)), None)
    words = []
    for t in tokens:
        if t is head:
            words.append(with_case_of(reading.lemma, t.text))
        elif any(a.pos == "adj" for a in analyses(t)):
            words.append(_nominative(t, number, gender))
        elif t in nouns:
            option = next(a for a in analyses(t) if GEO_CLASSES.intersection(a.classes))
            words.append(with_case_of(option.lemma, t.text))
        else:
            words.append(title_case(t.text))
    return joined(words, tokens)


def after_portfolio(doc, k: int, end: int) -> int:
    """Past a role's portfolio in lower case ("ds. kultury", "do spraw oświaty i sportu"), else k."""
    if k < end and doc[k].lower_ in lexicon().relations["portfolio_markers"]:
        j = k + 1
    elif k + 1 < end and doc[k].lower_ == "do" and doc[k + 1].lower_ == "spraw":
        j = k + 2
    else:
        return k
    first = j
    while j < end and (doc[j].text[:1].islower() and doc[j].is_alpha or doc[j].text == "," or _capitalised_matter(
            doc[j]) and (j == first or doc[j - 1].lower_ in ("i", "oraz") or doc[j - 1].text[:1].isupper())):
        j += 1  # capitalised only as the portfolio's first words ("ds. Nauki i Współpracy"), not "…, Pani X"
    return j


def _capitalised_matter(t) -> bool:
    """ "ds. Nauki", "ds. Studenckich": a portfolio's common word, capitalised as offices are, that no body's name
    begins with."""
    if not t.is_alpha or t.is_upper or not t.text[:1].isupper():
        return False
    readings = [a for a in analyser().analyse(t.lower_) if not a.proper]  # "Studenckich": SGJP's surname aside
    heads = lexicon().organisation_head_lemmas
    return bool(readings) and all(a.pos in ("subst", "adj") and a.lemma.lower() not in heads for a in readings) \
        and any("gen" in a.cases for a in readings)


def role_at(doc, i: int) -> tuple[Role, int] | None:
    """The role noun (one to three words) starting at token i, and where it ends (remembered per
    document: the rules ask about the same token many times)."""
    found = doc.user_data.setdefault("kronika.role_at", {})
    if i not in found:  # most words are no role's first word: told by one set test
        found[i] = None if lexicon().role_cues.isdisjoint(lemma_sets(doc)[i]) else _role_at(doc, i)
    return found[i]


def _role_at(doc, i: int) -> tuple[Role, int] | None:
    if i > 0 and doc[i - 1].lower_ in ("w", "we") and doc[i].text[:1].isupper() \
            and any(GEO_CLASSES.intersection(a.classes) for a in analyses(doc[i])):
        return None  # "w Wójtowie": a village in the locative, not "wójtowie"
    lex = lexicon()
    roles, sets = lex.roles, lemma_sets(doc)
    if i + 2 < len(doc):  # three words first: "zastępca komendanta wojewódzkiego", "członek komisji rewizyjnej"
        for a in sets[i] & lex.role_first_words:
            for b in sets[i + 1]:
                for c in sets[i + 2]:
                    if f"{a} {b} {c}" in roles:
                        return roles[f"{a} {b} {c}"], i + 3
    if i + 1 < len(doc):
        for a in sets[i] & lex.role_first_words:
            for b in sets[i + 1]:
                if f"{a} {b}" in roles:
                    return roles[f"{a} {b}"], i + 2
    for a in sets[i]:
        if a in roles and (a not in lex.offices_before_their_body
                           or i + 1 < len(doc) and not sets[i + 1].isdisjoint(lex.office_body_heads[a])):
            return roles[a], i + 1
    if i + 1 < len(doc) and (prefix := next((p for p in lex.role_prefixes if p in sets[i]), None)):
        # "wice starosta", "v-ce burmistrz": the prefix written apart
        if (label := next((prefix + b for b in sets[i + 1] if prefix + b in roles), None)) is not None:
            return roles[label], i + 2
    if (options := lex.ambiguous_role_abbreviations.get(doc[i].lower_)) and i + 1 < len(doc):
        # "prez. Sopotu": prezydent of a place, "prez. Towarzystwa": prezes of anything else
        place = any("nazwa_geograficzna" in a.classes for a in analyses(doc[i + 1])) or \
            bool(foreign_stems(doc[i + 1].text) & (doc._.place_names or set()))
        return roles[options["place"] if place else options["other"]], i + 1
    return None
