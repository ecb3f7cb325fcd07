"""Polish tokenizer: spaCy's rules, adjusted for names and abbreviations.

* hyphenated names stay whole (Aix-en-Provence, Bielsko-Biała);
* an initial glued to a surname is split off as a token of its own ("J.KOWALSKI");
* abbreviations keep their period ("r.", "m.in.", "ul.");
* a year glued to "r." or "roku" is split ("2004r.", "2004roku");
* two words a web page glued together are split where a capital follows lower case or a year
  ("BydgoszczyZarząd", "2024Wiadomości", "GrodnaW dniach", "2016W dniach", "Austrii12 czerwca"), and a number
  from a bracket before it
  ("[300x217]2 maja");
* a foreign name's case ending after a typographic apostrophe stays on it ("Saulius‘a", "Jacques’owi"), as
  after a straight one; so does an apostrophe written for a Slovak or Czech soft sign ("Topl’ou" for "Topľou");
* a hyphen closing a word is a dash written carelessly, split off ("Jan Nowak- starosta", "miastem- Żmerynką"),
  but not after a compound adjective's first part ("Polsko- Niemiecka"); so is a hyphen opening a word
  ("Jan Nowak -Starosta", "Jan Nowak -wicestarosta"), as is one glued between a name and a capitalised office
  ("Jan Nowak-Dyrektor Wydziału");
* a dash glued to a day opening a date is split off ("15 lat temu -12 lipca 2001 r.");
* a list's bullet glued to the first word of its item is split off ("•1998 r. – …", "►Zarząd");
* slashes written as brackets are split off the words they enclose ("w Werlte /Niemcy, Dolna Saksonia/"), and
  a slash between two names ("Gubin/Guben", "Frankfurt (Oder)/Słubice").
"""
from __future__ import annotations

import re

import spacy
from spacy.lang.pl import Polish
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .lexicon import lexicon
from .name_words import LINE_BULLETS
from .morphology import analyser
from .names import APOSTROPHE_CASES

UPPER = "A-ZĄĆĘŁŃÓŚŹŻÀ-ÖØ-Þ"
LOWER = "a-ząćęłńóśźżß-öø-ÿ"
INITIAL = rf"[{UPPER}]\."
BULLETS = "[" + re.escape("".join(sorted(LINE_BULLETS))) + "]"  # glued to an item's first word: "•1998 r. – …"
CASE_AFTER_APOSTROPHE = re.compile(rf"(?<=[{UPPER}{LOWER}])[‘’](?=(?:{APOSTROPHE_CASES})$)")
CLOSING_HYPHEN = re.compile(r"-$")
DOCTORATE = r"[A-Z][A-Za-z]{0,5}Dr\."  # Czech and Slovak doctorates written in mixed case: "MVDr.", "RNDr.", "PaedDr."
OFFICE_ENDINGS = "a|u|owi|em|ie|e|y|ę|ą|i|zy|owie|owa|ową|owej"  # a capitalised office's case endings


def office_nouns() -> str:
    """The one-word offices of the role scheme that are no surname in SGJP, capitalised, as alternatives of a regular
    expression ("Dyrektor", not "Starosta": "Anna Lis-Starosta" is a double surname)."""
    return "|".join(sorted({re.escape(label.capitalize()) for label in lexicon().roles
                            if " " not in label and label.isalpha() and len(label) >= 4
                            and not any("nazwisko" in a.classes for a in analyser().analyse(label.capitalize()))},
                           key=len, reverse=True))


EMOTICON = re.compile(r"[^\w\s]*[():;=\[\]<>^_*|/\\}][^\w\s]*")  # spaCy's ":)", "):": "(sołectwa):" is a bracket, then a colon
SOFT_SIGN_APOSTROPHE = re.compile(rf"[{UPPER}][{LOWER}]*[ltdLTD][’'][{LOWER}]+")  # "Topl’ou": Slovak "Topľou"


@spacy.registry.tokenizers("kronika.tokenizer.v1")
def create_tokenizer():
    def make(nlp: Polish) -> Tokenizer:
        defaults = nlp.Defaults
        infixes = [p for p in defaults.infixes if p not in ("-", "--", "---")]
        infixes += [r"(?<=[0-9])-(?=[0-9])", r"(?<=[0-9]\.)[-–](?=[0-9])",  # "12.05.-16.05.2017": a range of days
                    rf"(?<=^[{UPPER}]\.)(?=[{UPPER}])",
                    rf"(?<=[{LOWER}]{{3}})-(?=[0-9])",  # "30 sierpnia-3 września": a range across two months
                    rf"(?<=[{LOWER}]{{3}})(?=[{UPPER}][{LOWER}])",  # "BydgoszczyZarząd": two words a page glued
                    rf"(?<=[0-9]{{4}})(?=[{UPPER}][{LOWER}]{{2}})",  # "2024Wiadomości": a dateline glued to a menu
                    rf"(?<=[{LOWER}]{{3}})(?=[0-9]{{1,2}}$)",  # "Austrii12 czerwca": a heading glued to a day
                    r"(?<=[\])])(?=[0-9])",  # "[300x217]2 maja": an image's size glued to a date
                    rf"(?<=[{LOWER})])/(?=[{UPPER}])",  # "Gubin/Guben", "Frankfurt (Oder)/Słubice": twin towns
                    rf"(?<=\.)(,)(?=[{LOWER}{UPPER}])",  # "SOWA.......,skarbnik", "itd.,a": a comma glued after a dot
                    rf"(?<=[{LOWER}]{{2}})(?<![VvWw]ice)-(?=(?:{office_nouns()})(?:{OFFICE_ENDINGS})?$)"]  # "Jan Lis-Dyrektor
        # Wydziału": a dash glued between a name and a capitalised office (not a prefix: "Vice-Wójt")
        prefixes = [rf"{INITIAL}(?=[{UPPER}])", rf"-(?=[{UPPER}{LOWER}])", r"[-–](?=[0-9]{1,2}(?![0-9]))",
                    rf"/(?=[{UPPER}{LOWER}])", rf",,(?=[{UPPER}])",  # "zespół ,,Kalina”": two commas as a quote
                    BULLETS] + list(defaults.prefixes)
        suffixes = [r"(?<=[0-9]r\.)[-–]",  # "2016r.- 10-lecie …": a chronicle's dash glued to its year
                    r"(?<=[0-9]{4})roku?", r"(?<=[0-9])(?:r|rr)\.", r"(?<=[0-9])(?:r|rr)",
                    r"(?<=^[0-9])[-–]", r"(?<=^[0-9]{2})[-–]",  # "4- 11 czerwca": a first day, its dash glued
                    rf"(?<=[{LOWER}]{{3}})[WZIAOU]",  # "GrodnaW dniach": a heading glued to a one-letter word
                    r"(?<=[0-9]{4})[WZIAOU]",  # "2016W dniach": a dateline glued to one
                    r"(?<=[^\W\d_])(?<![oO])-", r"(?<=[^\W\d_])/"] + list(defaults.suffixes)
        lex = lexicon()  # an honorific with a period is an abbreviation too ("doc.", "kpt.")
        abbreviations = [*lex.abbreviations, *lex.language_abbreviations,
                         *(abbr for abbr, _adjective in lex.town_qualifiers),
                         *(h for h in lex.honorifics if h.endswith(".") and len(h) > 2)]
        rules = {orth: tokens for orth, tokens in defaults.tokenizer_exceptions.items() if not EMOTICON.fullmatch(orth)}
        for abbr in abbreviations:
            for form in {abbr, abbr.capitalize()}:
                rules[form] = [{"ORTH": form}]
        for marker in lex.relations["portfolio_markers"]:  # "prorektor d/s studenckich": one word, as "ds."
            rules[marker] = [{"ORTH": marker}]
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZĄĆĘŁŃÓŚŹŻ":
            rules[f"{letter}."] = [{"ORTH": f"{letter}."}]
        infix_finditer = compile_infix_regex(infixes).finditer

        def infixes_but_case_endings(text: str):
            if SOFT_SIGN_APOSTROPHE.fullmatch(text):
                return iter(())
            return (m for m in infix_finditer(text) if not CASE_AFTER_APOSTROPHE.match(text, m.start()))

        keep = re.compile(rf"^(?:{INITIAL}|(?:[a-ząćęłńóśźż]{{1,4}}\.){{2,}}|{DOCTORATE})$")
        suffix_search = compile_suffix_regex(suffixes).search

        def suffixes_and_hyphens_after_names(text: str):
            """Also the hyphen closing a name that ends in "o" ("Jan Kowalenko- Dyrektor"), where the word is no
            compound adjective's first part ("Polsko- Niemiecka")."""
            found = suffix_search(text)
            if found is None and len(text) > 3 and text.endswith(("o-", "O-")) and text[0].isupper() \
                    and not any(a.pos == "adja" for a in analyser().analyse(text[:-1].lower())):
                return CLOSING_HYPHEN.search(text)
            return found

        return Tokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=suffixes_and_hyphens_after_names,
            infix_finditer=infixes_but_case_endings,
            token_match=keep.match,
            url_match=defaults.url_match,
        )

    return make
