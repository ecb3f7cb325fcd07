"""Sentences and headings.

A line break ends a sentence, but for a line that ends with a finite verb and goes on in the next, and in a text
wrapped at a fixed width (a PDF's, a print's or a scan's), where a full line with no final punctuation goes on.
Inside a line a sentence ends at . ! ? … before a capital letter, never after an initial ("J.") or an abbreviation
that keeps its period ("m.in.", "ul."), and may end after "r." A paragraph made of one short line without final
punctuation is a heading: it is a segment of its own and is recorded in `doc.spans["headings"]`.
"""

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import spaced_numeric_date
from .lexicon import lexicon
from .morphology import FINITE_VERB_TAGS, analyser
from .name_words import LINE_BULLETS
from .names import DASHES

FINAL = {".", "!", "?", "…", "...", "?!", "!?"}
INITIAL = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻÀ-ÖØ-Þ]\.$")
OPENERS = set("„\"'«(“[")
ITEM_MARKS = LINE_BULLETS | set(DASHES)  # what opens a list's item on its line
LIST_OPENING = re.compile(r":\s*1\.")  # "radni: 1. X 2. Y": a numbered list run into the line
ITEM_STOPS = "kronika.item_stops"  # doc.user_data: the full stops of such lists' item numbers
SIGNATURE_MARKS = {"/-/", "/", "-", "(", ")"}  # "/-/", "(-)": a copy's mark where the signature was
MAX_HEADING_TOKENS = 20
WRAP_MIN_LINES = 6  # a text wrapped at a fixed width shows it over this many lines at least
WRAP_WIDTHS = (60, 110)  # characters: the widths texts are wrapped at (a list of short items is no wrapped text)
WRAP_SLACK = 20  # characters: a wrapped line ends short of the width by at most the word that did not fit


@Language.factory("kronika_segmenter", default_config={"max_heading_tokens": MAX_HEADING_TOKENS})
def make_segmenter(nlp: Language, name: str, max_heading_tokens: int):
    return Segmenter(max_heading_tokens)


class Segmenter:
    def __init__(self, max_heading_tokens: int):
        self.max_heading_tokens = max_heading_tokens
        lex = lexicon()
        self.final_abbreviations = set(lex.sentence_final_abbreviations) | {abbr for abbr, _ in lex.town_qualifiers}
        self.title_abbreviations = set(lex.title_final_abbreviations)
        # words of a date phrase: "W 2003 r." before a capitalised subject is no sentence of its own
        self.date_words = set(lex.date_prepositions) | set(lex.year_words) | set(lex.roman_months)
        self.month_stems = tuple(m[:3] for m in lex.months)
        self.document_titles = set(lex.document_titles)
        self.offices = set(lex.roles)  # every Polish label of an office, in the nominative
        self.numbered_heads = set(lex.numbered_unit_heads)
        self.honorifics = set(lex.honorifics)

    def _starts_sentence(self, token) -> bool:
        first = token.text[:1]
        return first.isupper() or first.isdigit() or first in OPENERS

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            doc.spans["headings"] = []
            return doc
        starts = [False] * len(doc)
        starts[0] = True
        lines: list[tuple[int, int, int]] = []  # (start, end, newlines before)
        start, newlines_before = None, 2
        for token in doc:
            newlines = token.text.count("\n") if token.is_space else 0
            if newlines:
                if start is not None:
                    lines.append((start, token.i, newlines_before))
                    start, newlines_before = None, 0
                newlines_before += newlines
            elif start is None and not token.is_space:
                start = token.i
                starts[token.i] = True
        if start is not None:
            lines.append((start, len(doc), newlines_before))
        width = self._wrap_width(doc, lines)
        for n, (s, e, blank) in enumerate(lines[1:], 1):
            last = lines[n - 1][1] - 1
            if blank == 1 and (self._goes_on(doc[last], doc[s]) or self._wrapped(doc, last, s)
                               or width is not None and self._full_line(doc, lines[n - 1], width)
                               and self._open_end(doc, last, s)):
                starts[s] = False
        lines = self._document_headers(doc, lines, starts)
        headings = []
        item_stops: set[int] = set()
        text = doc.text  # spaCy joins it anew on every access
        for n, (s, e, blank) in enumerate(lines):
            after = lines[n + 1][2] if n + 1 < len(lines) else 2
            last = doc[e - 1].text
            if blank >= 2 and after >= 2 and e - s <= self.max_heading_tokens and last not in FINAL and last not in (":", ";", ",") \
                    and not self._two_sentences(doc, s, e) and not self._dated_statement(doc, s, e):
                headings.append(Span(doc, s, e, label="heading"))
                continue
            sentence = s
            items = self._item_stops(doc, text, s, e)
            item_stops |= items
            for token in doc[s + 1:e]:
                if token.is_space:
                    continue
                k = token.i - 1
                while k > s and doc[k].is_space:  # "Opolu.  Potem": two spaces are a token of their own
                    k -= 1
                prev = doc[k]
                if (prev.text in FINAL or prev.text in self.final_abbreviations) and (prev.whitespace_ or k < token.i - 1) \
                        and k not in items and not self._spaced_date(doc, k, e) and not self._unit_number(doc, k, e):
                    starts[token.i] = self._starts_sentence(token) and not (
                        prev.text in self.title_abbreviations and self._given_name(token) and not (
                            k > s and (doc[k - 1].like_num
                                       or doc[k - 1].lower_.startswith(self.month_stems)))) and not (
                        prev.text in self.final_abbreviations and (self._date_only(doc[sentence:token.i])
                                                                  or self._dated_document(doc[sentence:token.i])
                                                                  or self._oblique_name(doc, token.i)))
                    sentence = token.i if starts[token.i] else sentence
        doc.from_array([SENT_START], numpy.array([[1 if x else -1] for x in starts], dtype="int64").astype("uint64"))
        doc.spans["headings"] = headings
        doc.user_data[ITEM_STOPS] = item_stops  # read by the fact families (`facts.list_number`)
        return doc

    def _document_headers(self, doc: Doc, lines, starts) -> list[tuple[int, int, int]]:
        """A document's header set on lines of its own ("Uchwała Nr X" / "Rady Gminy Y" / "z dnia … r."),
        and a signature ("Przewodniczący Rady" / "Jan Nowak"): one line each, read together."""
        merged = []
        for s, e, blank in lines:
            # "X" / "Wójt Gminy Y": the office under a name is that name's, no signature
            named_before = len(merged) > 1 and self._name_line(doc, *merged[-2][:2])
            if merged and (self._header_goes_on(doc, merged[-1], s, e)
                           or not named_before and self._signed(doc, merged[-1], s, e)):
                starts[s] = False
                merged[-1] = (merged[-1][0], e, merged[-1][2])
            else:
                merged.append((s, e, blank))
        return merged

    def _header_goes_on(self, doc: Doc, header, s: int, e: int) -> bool:
        """Whether the line s:e goes on a document's header: a capitalised body (the header has no body or date
        yet) or the date ("z dnia …")."""
        first = doc[header[0]]
        if first.lower_ not in self.document_titles or header[1] - header[0] > 12 or e - s > 12:
            return False
        words = [t.lower_ for t in doc[header[0]:header[1]] if not t.is_space]
        if "dnia" in words:
            return False
        dated = doc[s].lower_ in ("z", "ze") and s + 1 < e and doc[s + 1].lower_ in ("dnia", "dn.")
        return dated or doc[s].text[:1].isupper() and doc[s].lower_ not in self.document_titles and len(words) <= 4

    def _signed(self, doc: Doc, office, s: int, e: int) -> bool:
        """A signature: a line that is only an office ("Przewodnicząca Rady", "Wójt Gminy X"), then a line that is
        only a name; read as one, the name holds the office."""
        words = [t for t in doc[office[0]:office[1]] if not t.is_space]
        return 1 <= len(words) <= 6 and words[0].lower_ in self.offices and words[0].text[:1].isupper() \
            and all(t.text[:1].isupper() or t.lower_ in ("i", "w") for t in words) and self._signature(doc, s, e)

    def _signature(self, doc: Doc, s: int, e: int) -> bool:
        """A line that is only a name, after degrees and the mark of a signed copy ("mgr inż. Jan Nowak",
        "/-/ Jan Nowak", "(-) Jan Nowak")."""
        while s < e and (doc[s].is_space or doc[s].lower_ in self.honorifics or doc[s].text in SIGNATURE_MARKS):
            s += 1
        return self._name_line(doc, s, e)

    @staticmethod
    def _name_line(doc: Doc, s: int, e: int) -> bool:
        """A line that is only a name: two to four capitalised words (a double surname's dash between them)."""
        name = [t for t in doc[s:e] if not t.is_space]
        return 2 <= len([t for t in name if t.is_alpha]) <= 4 and len(name) <= 5 \
            and all(t.is_alpha and t.text[:1].isupper() or t.text in ("-", "–") for t in name)

    @staticmethod
    def _spaced_date(doc: Doc, k: int, e: int) -> bool:
        """The period at k is inside a numeric date written with spaces ("3. 11. 2016"): its first or second."""
        return spaced_numeric_date(doc, k - 1, e) is not None or spaced_numeric_date(doc, k - 3, e) is not None

    def _unit_number(self, doc: Doc, k: int, e: int) -> bool:
        """The period at k makes the number before it an ordinal that opens a unit's name ("12. Brygady
        Zmechanizowanej", "7. Pomorskiej Dywizji"): the unit's noun follows, capitalised, within a few adjectives."""
        if doc[k].text != "." or k == 0 or doc[k - 1].whitespace_ or not re.fullmatch(r"\d{1,3}", doc[k - 1].text):
            return False
        for word in doc[k + 1:min(k + 4, e)]:
            if not word.text[:1].isupper():
                return False
            if any(a.lemma.lower() in self.numbered_heads for a in analyser().analyse(word.text)):
                return True
        return False

    @staticmethod
    def _item_stops(doc: Doc, text: str, s: int, e: int) -> set[int]:
        """The full stops of a numbered list run into one line after a colon ("radni: 1. X 2. Y 3. Z"): the
        numbers count up from 1, and no sentence ends at them."""
        if not LIST_OPENING.search(text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])):
            return set()  # most lines: no ": 1." in them
        stops, expected = set(), None
        for i in range(s, e - 1):
            number, stop = doc[i], doc[i + 1]
            if stop.text != "." or number.whitespace_ or not number.text.isdigit():
                continue
            if number.text == "1" and i > s and doc[i - 1].text == ":":
                expected = 1
            if expected is not None and number.text == str(expected):
                stops.add(i + 1)
                expected += 1
        return stops

    @staticmethod
    def _goes_on(last, first) -> bool:
        """A line broken after its verb ("… władze powiatu podpisały" / "14 września 2001 roku."): a line that
        ends with a finite verb and no punctuation goes on in the next, when that one opens with a number or a
        lower-case word."""
        return (first.text[:1].isdigit() or first.text[:1].islower()) and any(
            a.pos in FINITE_VERB_TAGS for a in analyser().analyse(last.text))

    @classmethod
    def _wrapped(cls, doc: Doc, last: int, first: int) -> bool:
        """A block of text wrapped at a fixed width and indented (a protocol's "W sesji udział wzięli: Pan X – Wójt
        Gminy, Pani" / "      Y – Skarbnik"): a line that ends with no final punctuation, colon or semicolon goes on
        in the next when that one is indented and opens with no bullet."""
        indent = doc[first - 1].text.rsplit("\n", 1)[-1] if first > 0 and doc[first - 1].is_space else ""
        return len(indent) >= 2 and cls._open_end(doc, last, first)

    @staticmethod
    def _open_end(doc: Doc, last: int, first: int) -> bool:
        """The line ending at `last` stops with no final punctuation, colon or semicolon, and the next, from `first`,
        opens with no bullet, dash or item number: the sentence may go on; not after a bracket or a number closing a
        line before a capital ("X – 1454 r. (zm. 1459 r.)" / "Y – 1466 r.": a list's lines)."""
        return doc[last].text not in FINAL and doc[last].text not in (":", ";") \
            and doc[first].text not in ITEM_MARKS and not (doc[first].like_num and first + 1 < len(doc)
                                                        and doc[first + 1].text in (".", ")")) \
            and not ((doc[last].text == ")" or doc[last].like_num) and doc[first].text[:1].isupper())

    @staticmethod
    def _line_length(doc: Doc, line: tuple[int, int, int]) -> int:
        s, e, _blank = line
        return doc[e - 1].idx + len(doc[e - 1].text.rstrip()) - doc[s].idx

    @classmethod
    def _wrap_width(cls, doc: Doc, lines) -> int | None:
        """The width a text is wrapped at, when it is (a PDF's or a print's text, a scan, an e-mail): most of its
        lines end within a word of the longest usual line, and most of those with no final punctuation; None for a
        page whose paragraphs are each a line of their own."""
        if len(lines) < WRAP_MIN_LINES:
            return None
        lengths = sorted(cls._line_length(doc, line) for line in lines)
        width = lengths[int(0.9 * (len(lengths) - 1))]
        if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
            return None
        full = [line for line in lines if cls._full_line(doc, line, width)]
        running_on = [line for line in full if doc[line[1] - 1].text not in FINAL]
        return width if len(full) * 2 >= len(lines) and len(running_on) * 2 >= len(full) else None

    @classmethod
    def _full_line(cls, doc: Doc, line: tuple[int, int, int], width: int) -> bool:
        """The line reaches the wrapping width, less a word."""
        return width - WRAP_SLACK <= cls._line_length(doc, line) <= width + WRAP_SLACK // 4

    @staticmethod
    def _given_name(token) -> bool:
        """Morfeusz's own reading: the segmenter runs before the morphology component fills the document's."""
        return any("imię" in a.classes for a in analyser().analyse(token.text))

    def _two_sentences(self, doc: Doc, s: int, e: int) -> bool:
        """A short line ending in "r." may hold two sentences ("W Borkach był festyn w 2015 r. Kolejny odbył się w
        2018 r."): then it is no heading, whose words are read as one."""
        return any((doc[k].text in FINAL or doc[k].text in self.final_abbreviations and doc[k + 1].is_alpha)
                   and doc[k].whitespace_ and doc[k - 1].like_num and self._starts_sentence(doc[k + 1])
                   for k in range(s + 1, e - 2))

    def _dated_statement(self, doc: Doc, s: int, e: int) -> bool:
        """ "Uroczystość 15-lecia partnerstwa odbyła się 17 maja 2024 r.": a line ending in a date's "r." with a
        finite verb is a sentence, its final period the abbreviation's (a heading states no verb: "Dni Lipna 2015 r.")."""
        return e - s >= 4 and doc[e - 1].text in self.final_abbreviations and doc[e - 2].like_num and any(
            a.pos in FINITE_VERB_TAGS for w in doc[s:e - 2] if w.is_alpha and w.is_lower for a in analyser().analyse(w.text))

    @staticmethod
    def _oblique_name(doc: Doc, i: int) -> bool:
        """A name that cannot be a subject: "nadała w 1987 r. Herbertowi Wagnerowi tytuł" goes on after
        "r.". Every reading of the word is a name in another case than the nominative, or its readings
        as a name are, and so are those of the name after it, in a case they share ("Janowi Kowalskiemu";
        "Janowi" is also an adjective)."""
        def oblique(readings) -> frozenset:
            names = [a for a in readings if a.proper]
            if not names or any("nom" in a.cases or not a.cases for a in names):
                return frozenset()
            return frozenset().union(*(a.cases for a in names))
        readings = analyser().analyse(doc[i].text)
        cases = oblique(readings)
        if cases and all(a.proper for a in readings):
            return True
        return bool(cases) and i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and bool(
            cases & oblique(analyser().analyse(doc[i + 1].text)))

    def _dated_document(self, words) -> bool:
        """ "Uchwałą nr XXI/148/2000 z dnia 9 czerwca 2000 r.": a document and its date, no verb before the date, the
        start of a sentence ("… r. Rada Powiatu zatwierdziła …"), not one."""
        at = next((k for k in range(len(words) - 1) if words[k].lower_ in ("z", "ze") and words[k + 1].lower_ == "dnia"), None)
        return at is not None and at > 0 and self._date_only(words[at:]) and not any(
            a.pos in FINITE_VERB_TAGS for w in words[:at] for a in analyser().analyse(w.text))

    def _date_only(self, words) -> bool:
        """ "W 2003 r.", "Od 12 maja 1984 r.": a date phrase, the start of a sentence, not one."""
        return all(w.is_digit or w.lower_ in self.date_words or w.lower_.startswith(self.month_stems) for w in words)
