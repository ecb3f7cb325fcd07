"""Dates at the text's own precision, and the date in force for each sentence.

Finds "3 maja 2001 r.", "w marcu 1985 r.", "w roku 1979", "w 2004r.",
"w latach 90.", "3 V 2001", "03.05.2001". A month without a year takes the
year in force: the last date of the preceding text or of the heading above.
Dates go to `doc.spans["dates"]` with `Span._.date` ("1985-03"); every
sentence and heading gets `Span._.date_context`, the date in force where it
starts.
"""

import calendar
import datetime
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .lexicon import lexicon
from .morphology import FINITE_VERB_TAGS, analyser, analyses, lemma_set
from .name_words import given_name
from .names import fold

YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
DAY = re.compile(r"^(0?[1-9]|[12][0-9]|3[01])$")
# a day before a month's name may carry its ordinal ending: "21-go października", "1-szego maja", "3-ciego"
SPOKEN_DAY = re.compile(r"^(0?[1-9]|[12][0-9]|3[01])(?:-?(?:go|ego|szego|giego|ciego|tego|mego|ma|szy|gi|ci))?$")

ISO_DATE = re.compile(r"^(?P<y>1[0-9]{3}|20[0-9]{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])$")  # a page's stamp
ISO_IN_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_UNTIMED = re.compile(r"\b\d{4}-\d{2}-\d{2}\b(?![ \t]*\d{1,2}:\d{2})")
CLOCK = re.compile(r"^(?:[01]?[0-9]|2[0-3])(?::[0-5][0-9]){1,2}$")  # "14:54:54" beside a page's date stamp
NUMERIC_DATE = re.compile(r"^(?P<d>0?[1-9]|[12][0-9]|3[01])(?P<sep>[./-])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<y>1[0-9]{3}|20[0-9]{2})$")
DECADE = re.compile(r"^([1-9]0)\.?$|^(1[0-9]{2}0|20[0-9]0)\.?$")
ROMAN_DATE = re.compile(r"^(?P<d>0?[1-9]|[12][0-9]|3[01])\.(?P<m>I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.(?P<y>1[0-9]{3}|20[0-9]{2})$")
TWO_DIGIT_MONTH = re.compile(r"^(0[1-9]|1[0-2])[-–]?$")  # "03" of "24.03.", "04-" of "30.04- 2.05."
DASHES = ("–", "-", "—")
NO_SHIFT = (0, False)
THIS_YEAR = (0, None)  # the writer's year: "28 lutego br."
DECADE_WORDS = ("latach", "lata")  # "w latach 90.", "lata 2005–2008"
BULLETS = ("–", "—", "-", "•", "*")
YEAR_INTRODUCERS = {"w", "we", "od", "do", "roku", "rok", "r.", "latem", "wiosną", "jesienią", "zimą", "około", "ok.", "po", "przed"}


def day_number(text: str) -> int:
    return int(SPOKEN_DAY.match(text)[1])


def date_value(year: int, month: int | None = None, day: int | None = None) -> str:
    if day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


@Language.factory("kronika_dates")
def make_dates(nlp: Language, name: str):
    return DateFinder()


class DateFinder:
    def __init__(self):
        lex = lexicon()
        self.months = lex.months
        self.roman = lex.roman_months
        self.month_abbreviations = lex.month_abbreviations
        # a month's forms written without diacritics, as some pages do ("23 pazdziernika", "5 wrzesnia")
        self.months_undotted = {fold(form.lemma): n for lemma, n in self.months.items()
                                for form in analyser().generate(lemma) if form.pos == "subst" and fold(form.lemma) != form.lemma}
        self.year_words = set(lex.year_words)
        self.term_words = set(lex.term_words)
        # by first word: the phrase's words and its shift, (months, whether the month in force moves)
        self.relative: dict[str, list[tuple[tuple[str, ...], tuple[int, bool]]]] = {}
        for phrase, years in lex.relative_years.items():
            words = tuple(phrase.split())
            self.relative.setdefault(words[0], []).append((words, (12 * years, False)))
        for phrase, months in lex.relative_months.items():
            words = tuple(phrase.split())
            self.relative.setdefault(words[0], []).append((words, (months, True)))
        self.deictic = [tuple(phrase.split()) for phrase in lex.deictic_times]
        self.this_year = [tuple(phrase.split()) for phrase in lex.this_year]
        self.dateline_words = set(lex.dateline_words)
        self.weekdays = {day: n for n, day in enumerate(lex.weekdays)}
        self.days_before_the_page = dict(lex.days_before_the_page)
        self.law_citations = set(lex.law_citations)
        self.date_prepositions = set(lex.date_prepositions)
        self.street_nouns = set(lex.street_nouns)
        self.day_ordinals = dict(lex.day_ordinals)
        self._month_of = lru_cache(maxsize=50_000)(self._month_of_text)
        self._may_begin = lru_cache(maxsize=100_000)(self._may_begin_a_date)
        for ext in ("date", "date_context", "cited"):
            if not Span.has_extension(ext):
                Span.set_extension(ext, default=None)

    def _month(self, token) -> int | None:
        return self._month_of(token.text)

    def _month_of_text(self, text: str) -> int | None:
        if text in self.roman:
            return self.roman[text]
        for a in analyser().analyse(text):
            if a.lemma in self.months:
                return self.months[a.lemma]
        return self.months.get(text) or (self.months_undotted.get(text) if text.islower() else None)

    def _abbreviated_month(self, doc: Doc, i: int, end: int) -> tuple[int, int] | None:
        """(month, index of the year) for an abbreviated month at i followed by a year ("Lis 2013", "paź. 2019")."""
        month = self.month_abbreviations.get(doc[i].lower_) if i < end else None
        if month is None:
            return None
        year = i + 2 if i + 2 < end and doc[i + 1].text == "." else i + 1
        return (month, year) if year < end and YEAR.match(doc[year].text) else None

    def _may_begin_a_date(self, text: str) -> bool:
        """A number, a month, or the first word of "w latach …", "w kadencji …" or of a relative date: the other words
        of a text (most of them) are passed over at once."""
        lower = text.lower()
        return text[:1].isdigit() or lower in self.relative or lower in DECADE_WORDS or lower in self.term_words \
            or self._month_of(text) is not None

    def _deictic(self, doc: Doc, start: int, end: int) -> bool:
        """Whether doc[start:end] tells a time from the writer's day ("w ubiegłym roku", "obecnie")."""
        words = [t.lower_ for t in doc[start:end]]
        return any(tuple(words[i:i + len(p)]) == p for p in self.deictic for i in range(len(words) - len(p) + 1))

    def _this_year(self, doc: Doc, i: int, end: int) -> int:
        """The length of "br.", "tego roku" at i, or 0."""
        words = [t.lower_ for t in doc[i:min(end, i + 3)]]
        return next((len(p) + (p == ("br",) and len(words) > 1 and words[1] == ".") for p in self.this_year
                     if tuple(words[:len(p)]) == p), 0)

    def _dateline(self, doc: Doc, segments) -> tuple[set[int], int | None]:
        """(starts, year) of the page's datelines: a full date on a line of its own, with words that say so
        ("publikacja: 29-02-2016", "czwartek, 22 marca 2012"), or bare ("26.09.2022") where it is the only such
        line and stands among the first or last three; and the page's stamp ("2007-10-02 14:54:54"), whose year
        comes first. That year is the writer's, which "br." and "tego roku" name; a dateline is no date of the
        narrative (a chronicle's many date lines are the narrative's)."""
        worded, bare = [], []
        for n, seg in enumerate(segments):
            if seg.end - seg.start > 16:
                continue
            dates = self._find(doc, seg.start, seg.end)
            if len(dates) != 1 or None in dates[0][2:5]:
                continue
            s, e = dates[0][:2]
            others = [t for t in [*doc[seg.start:s], *doc[e:seg.end]] if not (
                t.is_punct or t.text == "|" or t.is_space or t.text in self.year_words or CLOCK.match(t.text))]
            if all(t.lower_ in self.dateline_words for t in others):
                (worded if others else bare).append((n, seg.start, dates[0][2]))
        stamp = next(((seg.start, d[2]) for seg in segments if ISO_IN_TEXT.search(seg.text)
                      for d in self._find(doc, seg.start, seg.end) if self._stamp(doc, d[0], d[1])), None)
        line = worded[0][1:] if worded else bare[0][1:] if len(bare) == 1 and (
            bare[0][0] < 3 or bare[0][0] >= len(segments) - 3) else None
        # the publication's own stamp tells the writer's year before a widget's "Dzisiaj jest 24-11-2024"
        return {found[0] for found in (stamp, line) if found is not None}, (stamp or line or (None, None))[1]

    @staticmethod
    def _stamp(doc: Doc, s: int, e: int) -> bool:
        """ "2007-10-02": a date written as a page's software writes it, never in Polish prose: when the page was
        published, not a date of what it tells; but where a page lists three or more such dates without a time,
        they are a table's column ("Jan X 1931-05-12"), the dates of what it lists, and only one with its time
        after it is a stamp."""
        if not ISO_DATE.match(doc[s:e].text):
            return False
        untimed = doc.user_data.get("kronika.iso_untimed")
        if untimed is None:
            untimed = doc.user_data["kronika.iso_untimed"] = sum(1 for _ in ISO_UNTIMED.finditer(doc.text))
        return e < len(doc) and CLOCK.match(doc[e].text) is not None or untimed < 3

    def _relative(self, doc: Doc, i: int, end: int) -> tuple[int, tuple[int, bool]] | None:
        """ "rok później", "miesiąc później": (length, shift of the date in force)."""
        for words, shift in self.relative.get(doc[i].lower_, ()):
            n = len(words)
            if i + n <= end and tuple(t.lower_ for t in doc[i:i + n]) == words:
                return n, shift
        return None

    def _find(self, doc: Doc, start: int, end: int) -> list[tuple]:
        """(start, end, year, month, day, shift) for each date in doc[start:end]; year None means the
        date in force, moved by the shift (months, whether by month) for a relative date ("rok później")."""
        found = []
        i = start
        while i < end:
            t = doc[i]
            if not self._may_begin(t.text):
                i += 1
                continue
            relative = self._relative(doc, i, end)
            if relative:
                found.append((i, i + relative[0], None, None, None, relative[1]))
                i += relative[0]
                continue
            nxt = doc[i + 1] if i + 1 < end else None
            if YEAR.match(t.text) and i + 4 < end and not any(x.whitespace_ for x in doc[i:i + 4]) \
                    and (m := ISO_DATE.match("".join(x.text for x in doc[i:i + 5]))) \
                    and not (i + 5 < end and doc[i + 5].text in DASHES and not doc[i + 4].whitespace_):
                found.append((i, i + 5, int(m["y"]), int(m["m"]), int(m["d"]), NO_SHIFT))  # "2007-10-02"
                i += 5
                continue
            m = NUMERIC_DATE.match(t.text)
            if m:
                s, day = self._first_day(doc, i, start, int(m["d"])) or (i, int(m["d"]))  # "14. – 18.10.2013": from its first day
                e = self._range_end(doc, i + 1, end)
                found.append((s, e, int(m["y"]), int(m["m"]), day, NO_SHIFT))
                i = e
                continue
            if (spaced := spaced_numeric_date(doc, i, end)) is not None:  # "3. 11. 2016 r.": spaces after the periods
                month, year = spaced
                s, day = i, int(t.text)
                if (first := self._range_start(doc, s, start)) is not None:
                    s, day, month = first  # "od 2.10 do 30.11. 2015 r.": from its first day
                elif (first_day := self._first_day(doc, s, start, day)) is not None:
                    s, day = first_day  # "3 – 8. 11. 2016": from its first day
                found.append((s, i + 5, year, month, day, NO_SHIFT))
                i += 5
                continue
            if DAY.match(t.text) and (abbreviated := self._abbreviated_month(doc, i + 1, end)):
                month, e = abbreviated  # "07 Lis 2013": a dateline's day, month and year
                found.append((i, e + 1, int(doc[e].text), month, int(t.text), NO_SHIFT))
                i = e + 1
                continue
            if i + 4 < end and DAY.match(t.text) and not t.whitespace_:
                glued = "".join(x.text for x in doc[i:i + 5])
                m = NUMERIC_DATE.match(glued) or ROMAN_DATE.match(glued)  # "15.V.2001"
                if m and not any(x.whitespace_ for x in doc[i:i + 4]):
                    s, day = i, int(m["d"])
                    month = int(m["m"]) if m["m"].isdigit() else self.roman[m["m"]]
                    if (first := self._range_start(doc, s, start)) is not None:
                        s, day, month = first  # "03.05-11.05.2019", "od 27.02 do 4.03.2021": from its first day
                    elif (first_day := self._first_day(doc, s, start, day)) is not None:
                        s, day = first_day  # "10-19.IX.2007", "10 – 19.IX.2007": from its first day
                    e = self._range_end(doc, i + 5, end)
                    found.append((s, e, int(m["y"]), month, day, NO_SHIFT))
                    i = e
                    continue
            if (DAY.match(t.text) and i + 2 < end and doc[i + 1].text == "." and not t.whitespace_
                    and not doc[i + 1].whitespace_ and TWO_DIGIT_MONTH.match(doc[i + 2].text)
                    and not (i + 4 < end and doc[i + 3].text == "." and doc[i + 4].text[:1].isdigit()
                             and not doc[i + 3].whitespace_)  # "1.10.2001" split: a full date, found above
                    and not (i > start and doc[i - 1].lower_.startswith("godz"))  # "o godz. 10.10": a time
                    and not self._opens_range(doc, i, end)):  # "03.05-11.05.2019": the full date after takes it
                # "24.03.", "17-21.03.": a day and month of a chronicle, in the year in force (a heading's)
                s, day = i, int(t.text)
                if s - 2 >= start and doc[s - 1].text in DASHES and DAY.match(doc[s - 2].text) \
                        and not (s - 3 >= start and doc[s - 3].text == "."):  # "17-21.03.", not "29.05-4.06"
                    s, day = s - 2, int(doc[s - 2].text)
                e = i + 3 + (1 if i + 3 < end and doc[i + 3].text == "." else 0)
                found.append((s, e, None, int(doc[i + 2].text[:2]), day, (0, False)))
                i = e
                continue
            month = self._month(t)
            if month and t.text[:1].isupper() and i > start and (
                    doc[i - 1].text[:1].isupper() and given_name(doc[i - 1])
                    or i - 2 >= start and doc[i - 1].text == "-" and not doc[i - 2].whitespace_
                    and not doc[i - 1].whitespace_ and doc[i - 2].text[:1].isupper()
                    or i - 2 >= start and doc[i - 1].text in DASHES and doc[i - 2].text[:1].isupper()
                    and doc[i - 2].is_alpha and not (i + 1 < end and YEAR.match(doc[i + 1].text))):
                i += 1  # "Janina Kwiecień", "Adam Maj", "Anna Nowak-Lipiec", "Anna Nowak – Luty": a surname
                continue
            if month and t.text[:1].isupper() and i - 2 >= start and doc[i - 2].lower_ in self.street_nouns \
                    and (DAY.match(doc[i - 1].text) or self._ordinal_day(doc[i - 1])):
                i += 1  # "przy ul. 3 Maja", "na Placu 11 Listopada": a street named after a day
                continue
            if month and not t.text[:1].isdigit():
                s, day = i, None
                if i > start and (spoken := self._spoken_day(doc, i - 1, start)) is not None:
                    s, day = spoken
                    if s - 2 >= start and doc[s - 1].lower_ in ("–", "-", "—", "i", "oraz") and SPOKEN_DAY.match(doc[s - 2].text):
                        s, day = s - 2, day_number(doc[s - 2].text)  # "12–14 czerwca", "2 i 3 czerwca": from its first day
                    elif s - 2 >= start and doc[s - 1].lower_ == "do" and SPOKEN_DAY.match(doc[s - 2].text):
                        # "od 12 do 14 czerwca", "w dniach 12 do 14 czerwca": from its first day
                        opened = s - 3 >= start and doc[s - 3].lower_ == "od"
                        s, day = s - 2 - opened, day_number(doc[s - 2].text)
                if day is None and t.text in self.roman and not (nxt is not None and YEAR.match(nxt.text)):
                    i += 1
                    continue  # a Roman numeral alone is not a month ("w XII 2012" is)
                e, year, later = i + 1, None, NO_SHIFT
                if day is None and e + 2 < end and doc[e].lower_ in ("i", "lub", "albo", "–", "-", "—") \
                        and self._month(doc[e + 1]) and YEAR.match(doc[e + 2].text):
                    nxt, e = doc[e + 2], e + 1  # "na przełomie maja i czerwca 2005 r.": from the first month
                if day is not None and e + 3 < end and doc[e].lower_ in ("do", "–", "-", "—") \
                        and SPOKEN_DAY.match(doc[e + 1].text) and self._month(doc[e + 2]) and YEAR.match(doc[e + 3].text):
                    nxt, e = doc[e + 3], e + 3  # "od 30 września do 3 października 2016 r.": from its first day
                if day is not None and nxt is not None and nxt.text == "," and nxt.i + 1 < end \
                        and re.fullmatch(r"\d{4}", doc[nxt.i + 1].text):
                    nxt = doc[nxt.i + 1]  # "29 sierpnia, 2024": a web page's dateline with a comma
                if day is not None and nxt is not None and nxt.lower_ in ("w", "we") and nxt.i + 2 < end \
                        and YEAR.match(doc[nxt.i + 1].text) and doc[nxt.i + 2].text in self.year_words:
                    nxt = doc[nxt.i + 1]  # "13 lipca w 1996 roku": the year after "w"
                if nxt is not None and YEAR.match(nxt.text):
                    year, e = int(nxt.text), nxt.i + 1
                    if e < end and doc[e].text in self.year_words:
                        e += 1
                elif e < end and (relative := self._relative(doc, e, end)):
                    e, later = e + relative[0], relative[1]  # "w listopadzie tego samego roku": one date
                elif e < end and (length := self._this_year(doc, e, end)):
                    e, later = e + length, THIS_YEAR
                found.append((s, e, year, month, day, later))
                i = e
                continue
            if YEAR.match(t.text) and nxt is not None and nxt.text in DASHES and i + 3 < end \
                    and YEAR.match(doc[i + 2].text) and doc[i + 3].text in self.year_words \
                    and int(doc[i + 2].text) > int(t.text):
                found.append((i, i + 4, int(t.text), None, None, NO_SHIFT))  # "2010-2016 r.": from its first year
                i += 4
                continue
            if YEAR.match(t.text):
                prev = doc[i - 1].lower_ if i > start else ""
                follows = nxt is not None and nxt.text in self.year_words
                # "1995 – podpisanie porozumienia": a year opening a line of a chronology
                leading = (i == start or i == start + 1 and doc[start].text in BULLETS) and nxt is not None \
                    and nxt.text in ("–", "—", "-", ":")  # "– 1995: powstaje fundacja": a bulleted line too
                alone = i == start and all(x.is_space or x.is_punct or x.text in self.year_words for x in doc[i + 1:end])
                bracketed = prev == "(" and nxt is not None and nxt.text == ")"  # "Lipnik (2012)": a year of its own
                if follows or prev in YEAR_INTRODUCERS or leading or alone or bracketed \
                        or i == start and self._chronicle_line(doc, i):  # "alone": a year heading
                    s = i - 1 if prev in ("roku", "rok") else i
                    e = i + 2 if follows else i + 1
                    found.append((s, e, int(t.text), None, None, NO_SHIFT))
                    i = e
                    continue
            if (t.lower_ in DECADE_WORDS or t.lower_ in self.term_words) and nxt is not None and YEAR.match(nxt.text):
                found.append((i, i + 2, int(nxt.text), None, None, NO_SHIFT))  # "w latach 2005–2008", "w kadencji
                # 1999–2003": from its first year
                i += 2
                continue
            if t.lower_ in DECADE_WORDS and nxt is not None:
                m = DECADE.match(nxt.text)
                if m:
                    decade = int(m[1]) + 1900 if m[1] else int(m[2])
                    e = i + 2 + (1 if i + 2 < end and doc[i + 2].text == "." else 0)
                    found.append((i, e, decade, None, None, NO_SHIFT))
                    i = e
                    continue
            i += 1
        return found

    @staticmethod
    def _chronicle_line(doc: Doc, i: int) -> bool:
        """ "1987 Wizyta chóru w X": a year and a capitalised word open a line of a chronology with no dash,
        as the line before or after it does (one such line alone may be a number: "2000 Osób przyszło")."""
        def year_led(k: int) -> bool:
            return k + 1 < len(doc) and YEAR.match(doc[k].text) is not None and doc[k + 1].text[:1].isupper()

        def line_start(k: int, step: int) -> int | None:
            """The first token of the line before (step -1) or after (step 1) the line of token k."""
            while 0 <= k < len(doc) and "\n" not in doc[k].text:
                k += step
            if not 0 <= k < len(doc):
                return None
            if step < 0:
                k -= 1
                while k >= 0 and doc[k].is_space:
                    k -= 1
                while k > 0 and "\n" not in doc[k - 1].text:
                    k -= 1
                return k if k >= 0 else None
            while k < len(doc) and doc[k].is_space:
                k += 1
            return k if k < len(doc) else None
        if not year_led(i) or i > 0 and "\n" not in doc[i - 1].text:
            return False
        return any(k is not None and year_led(k) for k in (line_start(i, -1), line_start(i, 1)))

    @staticmethod
    def _range_start(doc: Doc, s: int, start: int) -> tuple[int, int, int] | None:
        """(token, day, month) where a range ending in the full date at s begins with a day and month of its own:
        "03.05-11.05.2019", "29.06- 3.07.2014", "12.05.-16.05.2017", "od 27.02 do 4.03.2021"."""
        k = s - 1
        if k >= start and (doc[k].text in DASHES or doc[k].lower_ == "do"):
            k -= 1
        elif not (k >= start and doc[k].text[-1:] in DASHES and len(doc[k].text) > 1):
            return None  # "04-" of "30.04- 2.05.": the dash glued to the month
        month = doc[k].text.rstrip("".join(DASHES)).removesuffix(".")  # "12.05.-16.05.2017": the month's period
        if k - 2 < start or not TWO_DIGIT_MONTH.match(month) and not (month.isdigit() and 1 <= int(month) <= 12) \
                or doc[k - 1].text != "." or not DAY.match(doc[k - 2].text):
            return None
        first = k - 2
        if doc[s - 1].lower_ == "do" and first - 1 >= start and doc[first - 1].lower_ == "od":
            first -= 1
        return first, int(doc[k - 2].text), int(month)

    def _spoken_day(self, doc: Doc, k: int, start: int) -> tuple[int, int] | None:
        """(token, day) of a day told before a month's name at k + 1: "12", "12-go", "dwunastego", "dwudziestego
        pierwszego"."""
        if SPOKEN_DAY.match(doc[k].text):
            return k, day_number(doc[k].text)
        day = self._ordinal_day(doc[k])
        if day is None:
            return None
        tens = self._ordinal_day(doc[k - 1]) if day < 10 and k - 1 >= start else None
        return (k - 1, tens + day) if tens in (20, 30) and tens + day <= 31 else (k, day)

    def _ordinal_day(self, token) -> int | None:
        """The day an ordinal in the genitive tells ("dwunastego" → 12), or None."""
        if not token.lower_.endswith("ego"):
            return None
        return next((self.day_ordinals[a.lemma] for a in analyses(token)
                     if a.pos == "adj" and a.lemma in self.day_ordinals), None)

    def _range_end(self, doc: Doc, e: int, end: int) -> int:
        """Past a second full date that closes a range the date ending at e opens ("25.05.2025 r. - 30.05.2025 r.":
        one date, from its first day); e where none follows."""
        k = e + (e < end and doc[e].text in self.year_words)
        if not (k + 1 < end and doc[k].text in DASHES):
            return e
        if NUMERIC_DATE.match(doc[k + 1].text):
            last = k + 2
        elif k + 5 < end and not any(x.whitespace_ for x in doc[k + 1:k + 5]) \
                and NUMERIC_DATE.match("".join(x.text for x in doc[k + 1:k + 6])):
            last = k + 6
        else:
            return e
        return last + (last < end and doc[last].text in self.year_words)

    @staticmethod
    def _first_day(doc: Doc, s: int, start: int, last: int) -> tuple[int, int] | None:
        """(token, day) where a range ending in the full date at s (its day `last`) begins with a bare day of the same
        month: "10-19.IX.2007", "14. – 18.10.2013", "od 14 do 18.10.2013"; not a number that ends a date before."""
        k = s - 1
        if k - 1 < start or not (doc[k].text in DASHES or doc[k].lower_ == "do"):
            return None
        k -= 1
        if doc[k].text == "." and k - 1 >= start and not doc[k - 1].whitespace_:
            k -= 1  # "14." of "14. – 18.10.2013"
        first = doc[k].text.removesuffix(".")  # "3." of "3.-9.05.2015"
        if not DAY.match(first) or int(first) >= last \
                or k - 1 >= start and doc[k - 1].text in (".", "/", ":", "nr", "Nr"):
            return None
        return k, int(first)

    @staticmethod
    def _opens_range(doc: Doc, i: int, end: int) -> bool:
        """Whether "DD.MM" at i opens a range a full date ends ("03.05-11.05.2019", "27.02 do 4.03.2021")."""
        k = i + 3 if i + 3 < end and (doc[i + 3].text in DASHES or doc[i + 3].lower_ == "do") else i + 2 \
            if doc[i + 2].text[-1:] in DASHES else None
        return k is not None and k + 5 <= end and bool(NUMERIC_DATE.match("".join(x.text for x in doc[k + 1:k + 6])))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        context: tuple[int, int | None, int | None] | None = None  # (year, month, day) in force
        starts: set[int] = set()  # a heading is a sentence too: each segment once
        segments = [seg for seg in sorted(list(doc.sents) + list(doc.spans.get("headings", [])), key=lambda s: s.start)
                    if not (seg.start in starts or starts.add(seg.start))]
        datelines, writers_year = self._dateline(doc, segments)
        yearless: list[tuple[int, int, int, int, Span]] = []  # "8 lipca br." before any year: (s, e, month, day, seg)
        last_day = None  # the last date told to the day
        page_day = None  # the dateline's day
        years_of_day: dict[tuple[int, int], set[int]] = {}  # (month, day) → the years the text told that day with
        years_told: list[int] = [writers_year] if writers_year else []  # in the order the text told them
        for seg in segments:
            segment = doc[seg.start:seg.end]
            segment._.date_context = date_value(*context) if context and not self._deictic(doc, seg.start, seg.end) else None
            for s, e, year, month, day, later in self._find(doc, seg.start, seg.end):
                aside = False
                if self._stamp(doc, s, e):
                    continue  # the page's stamp: its year is the writer's (above), no date of the narrative
                if year is None:
                    # "br.": the writer's year; else the date in force, or the writer's year on a page
                    # whose narrative has named none yet
                    base = (writers_year, None, None) if writers_year and (later == THIS_YEAR or context is None) \
                        else (last_day[0], None, None) if later == THIS_YEAR and last_day else context
                    # a page with no dateline: "br." is the year of the last day it told ("09 maja 2010 … wizyta w roku
                    # 2009 … od 05 maja br."), not that of a year told alone
                    months, by_month = NO_SHIFT if later == THIS_YEAR else later
                    if base is not None and later == NO_SHIFT and day and month \
                            and (told := one_year(years_of_day, month, day)) and told > base[0]:
                        base = (told, None, None)  # "podpisano 11 października 2017 … od 2006 r. … umowę podpisano 11
                        # października": the day told again, back from an aside into an earlier year
                    if base is None and day and month and not months:
                        yearless.append((s, e, month, day, seg))
                    if base is None or by_month and base[1] is None:
                        continue
                    if by_month:  # "miesiąc później": the month in force, moved
                        year, month = divmod(12 * base[0] + base[1] - 1 + months, 12)
                        month += 1
                    else:
                        year = base[0] + months // 12
                        if page_day is not None and year == page_day[0] and month and not day and not months \
                                and s > 0 and doc[s - 1].lower_ in ("w", "we") and month > page_day[1] \
                                and self._past(segment):
                            year -= 1  # "gościliśmy delegację w listopadzie", on a page of May: the November before
                            aside = True  # not the date in force: the page's year stays the narrative's
                    if day and month and not months:
                        year = self._year_of_weekday(doc, s, seg.start, year, month, day, years_told)
                if day and month and day > calendar.monthrange(year, month)[1]:
                    continue  # "31 lutego": not a date
                span = Span(doc, s, e, label="date")
                span._.date = date_value(year, month, day)
                span._.cited = self._cited(doc, seg.start, s)
                spans.append(span)
                if day and month:
                    years_of_day.setdefault((month, day), set()).add(year)
                years_told.append(year)
                if seg.start not in datelines and not span._.cited and not aside \
                        and not self._bracketed_aside(doc, seg.start, s):
                    context = (year, month, day)
                    last_day = context if day else last_day
                elif seg.start in datelines and day and month:
                    page_day = (year, month, day)
        spans += self._dated_by_restatement(doc, yearless, years_of_day, years_told)
        if page_day is not None:
            spans += self._days_before_the_page(doc, segments, datelines, spans, page_day)
        doc.spans["dates"] = self._restated(doc, sorted(spans, key=lambda span: span.start))
        return doc

    def _days_before_the_page(self, doc: Doc, segments, datelines: set[int], spans: list[Span],
                              page_day: tuple[int, int, int]) -> list[Span]:
        """A past day a dated page tells by its weekday or as "wczoraj" in a sentence with no date of its own
        ("Umowę podpisano w czwartek", under "4 czerwca 2021", a Friday: 3 June): the last such day up to the
        page's; not in a sentence that tells of the future ("W piątek odbędzie się")."""
        found = []
        dated = {span.start for span in spans}
        written = datetime.date(*page_day)
        for seg in segments:
            if seg.start in datelines or any(seg.start <= k < seg.end for k in dated) or self._future(doc[seg.start:seg.end]):
                continue
            for t in doc[seg.start:seg.end]:
                back = self.days_before_the_page.get(t.lower_)
                if back is None and t.i > seg.start and doc[t.i - 1].lower_ in ("w", "we") \
                        and (weekday := next((self.weekdays[l] for l in lemma_set(t) if l in self.weekdays), None)) is not None \
                        and not any(x.text[:1].isdigit() for x in doc[t.i + 1:min(seg.end, t.i + 3)]):
                    back = (written.weekday() - weekday) % 7
                if back is None:
                    continue
                day = written - datetime.timedelta(days=back)
                span = Span(doc, t.i, t.i + 1, label="date")
                span._.date = date_value(day.year, day.month, day.day)
                span._.cited = False
                found.append(span)
        return found

    def _past(self, segment: Span) -> bool:
        """A verb in the past tense and none in the future: the sentence tells of what has been."""
        return any(a.pos == "praet" for t in segment for a in analyses(t)) and not self._future(segment)

    @staticmethod
    def _future(segment: Span) -> bool:
        """A verb in the future tense ("odbędzie się", "będą gościć"): the sentence tells of what is to come."""
        return any(a.pos == "bedzie" or a.pos == "fin" and a.tag.endswith(":perf") for t in segment
                   for a in analyses(t))

    def _year_of_weekday(self, doc: Doc, s: int, start: int, year: int, month: int, day: int, years_told) -> int:
        """The year of a day told without one after its day of the week ("w piątek 25 sierpnia"): the year in force
        if the day falls on that weekday in it, else the last year the text told in which it does ("… w 1983 roku.
        … w piątek 25 sierpnia": back in the writer's year), else the year after or before it ("29 grudnia 2022 …
        we wtorek, 24 stycznia": 2023)."""
        k = s - 1 - (s - 1 > start and doc[s - 1].text == ",")
        weekday = next((self.weekdays[lemma] for lemma in lemma_set(doc[k]) if lemma in self.weekdays), None) \
            if k >= start else None
        if weekday is None or not _valid(year, month, day) or calendar.weekday(year, month, day) == weekday:
            return year
        return next((y for y in (*reversed(years_told), year + 1, year - 1)
                     if _valid(y, month, day) and calendar.weekday(y, month, day) == weekday), year)

    def _dated_by_restatement(self, doc: Doc, yearless, years_of_day, years_told) -> list[Span]:
        """ "W dniu 8 lipca br. podpisano umowę … spisana w dniu 8 lipca 2017 roku": a day told before any year is
        known takes the year of the same day told in full later in the text, if the text gives it only one; in a
        text that tells no year at all, the one year of the editions it names ("25 maja br. … 16 czerwca podczas
        Jarmarku X 2018")."""
        found = []
        editions = {int(t.text) for t in doc if YEAR.match(t.text) and t.i > 0 and doc[t.i - 1].text[:1].isupper()
                    and doc[t.i - 1].is_alpha} if yearless and not years_told else set()
        for s, e, month, day, seg in yearless:
            year = one_year(years_of_day, month, day) or (next(iter(editions)) if len(editions) == 1 else None)
            if year is not None and _valid(year, month, day):
                span = Span(doc, s, e, label="date")
                span._.date = date_value(year, month, day)
                span._.cited = self._cited(doc, seg.start, s)
                found.append(span)
        return found

    def _bracketed_aside(self, doc: Doc, start: int, s: int) -> bool:
        """A date told in brackets among other words but no verb ("(burmistrz w latach 1994–2002)"), or alone after
        a name in a sentence with a verb ("będzie gościem Jarmarku Łowickiego (1-2 VII br.)": that event's days; but
        "dziś (12 maja 2021)" restates the narrative's day): no time the narrative goes on at."""
        for k in range(s - 1, start - 1, -1):
            if doc[k].text == ")":
                return False
            if doc[k].text == "(":  # a clause of its own in the brackets ("(… zawarły umowę w 2000 r.)") tells on
                alone = k == s - 1 - (doc[s - 1].lower_ in self.date_prepositions)
                if alone:  # after a name in a sentence that tells something ("Jan X (w 2014 r.)" alone heads a list item)
                    return k - 1 > start and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha and any(
                        a.pos in FINITE_VERB_TAGS for t in doc[start:k] for a in analyses(t))
                return not any(a.pos in FINITE_VERB_TAGS for t in doc[k + 1:s] for a in analyses(t))
        return False

    def _cited(self, doc: Doc, start: int, s: int) -> bool:
        """A law's date ("ustawy z dnia … r.", "Dz. U. z … r."): no date of what the text tells."""
        return any(doc[k].lower_ in self.law_citations or lemma_set(doc[k]) & self.law_citations
                   for k in range(max(start, s - 4), s))

    @staticmethod
    def _restated(doc: Doc, spans: list[Span]) -> list[Span]:
        """A date restated more precisely right after ("Dwa lata później, 21 czerwca 1993 r.,") is one
        date: the precise one."""
        kept: list[Span] = []
        for span in spans:
            if kept and span._.date.startswith(kept[-1]._.date) and len(span._.date) > len(kept[-1]._.date) \
                    and all(t.is_punct for t in doc[kept[-1].end:span.start]):
                kept.pop()
            kept.append(span)
        return kept


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def one_year(years_of_day: dict[tuple[int, int], set[int]], month: int, day: int) -> int | None:
    """The one year the text told this day and month with, if it told it with one."""
    years = years_of_day.get((month, day), ())
    return next(iter(years)) if len(years) == 1 else None


def spaced_numeric_date(doc: Doc, i: int, end: int) -> tuple[int, int] | None:
    """(month, year) of a numeric date written with spaces after its periods at i ("3. 11. 2016"), else None."""
    if i < 0 or i + 4 >= end or not DAY.match(doc[i].text) or doc[i].whitespace_ or doc[i + 1].text != "." \
            or doc[i + 3].text != "." or not doc[i + 2].text.isdigit() or not YEAR.match(doc[i + 4].text) \
            or not (doc[i + 1].whitespace_ or doc[i + 3].whitespace_) or doc[i + 2].whitespace_:
        return None
    month = int(doc[i + 2].text)
    return (month, int(doc[i + 4].text)) if 1 <= month <= 12 else None


def date_starts(doc: Doc) -> dict[int, Span]:
    """The document's dates by their first token: one index per document, as the rules ask at every bracket."""
    starts = doc.user_data.get("kronika.date_starts")
    if starts is None:
        starts = doc.user_data["kronika.date_starts"] = {span.start: span for span in doc.spans.get("dates", [])}
    return starts


def date_ends(doc: Doc) -> dict[int, Span]:
    """The document's dates by the token after their last: the rules ask what a date ends before."""
    ends = doc.user_data.get("kronika.date_ends")
    if ends is None:
        ends = doc.user_data["kronika.date_ends"] = {span.end: span for span in doc.spans.get("dates", [])}
    return ends


def bracketed_date(doc: Doc, j: int) -> Span | None:
    """The date that alone fills the brackets opening at j: "(12.05.1990 r.)", "(od 2001 r.)", "(2012)"."""
    if j + 2 >= len(doc) or doc[j].text != "(":
        return None
    date = date_starts(doc).get(j + 1 + (doc[j + 1].lower_ == "od"))
    if date is None:
        return None
    close = date.end + (date.end < len(doc) and doc[date.end].lower_ in ("r.", "roku"))
    return date if close < len(doc) and doc[close].text == ")" else None


def bracketed_years(doc: Doc, j: int, end: int) -> str | None:
    """The first year of a term in brackets at j: "(1990–1993)", "(od 2003)", "(1998-2002, 2002-2006)"."""
    if j >= end or doc[j].text != "(":
        return None
    close = next((k for k in range(j + 1, min(end, j + 16)) if doc[k].text == ")"), None)
    inside = doc[j + 1:close] if close is not None else []
    if not inside or not all(t.lower_ in ("od", "do", "r.") or t.is_punct or YEAR.match(t.text) for t in inside):
        return None
    return next((t.text for t in inside if YEAR.match(t.text)), None)


def past_date(doc: Doc, i: int, end: int) -> int:
    """The first token after a date at i ("został w 1986 r. X", "od 2004 r. jest", "w latach 1995–2001"), or i."""
    i = past_duration(doc, i, end)
    k = i + 1 if i < end and any(a.pos == "prep" for a in analyses(doc[i])) else i
    after = next((d.end for d in doc.spans.get("dates", []) if d.start in (i, k) and d.end <= end), i)
    if after > i and after + 1 < end and doc[after].text in ("–", "-", "—") and doc[after + 1].like_num:
        after += 2
    return after


def past_duration(doc: Doc, i: int, end: int) -> int:
    """The first token after a length of time at i ("przez 20 lat", "przez kolejne trzy kadencje", "na kolejną
    5-letnią kadencję"), and after the years it gives in brackets ("przez 20 lat (2004–2024)"), or i."""
    if i >= end or doc[i].lower_ not in ("przez", "na"):
        return i
    unit = next((k for k in range(i + 1, min(end, i + 5)) if not lemma_set(doc[k]).isdisjoint(lexicon().duration_nouns)), None)
    if unit is None or doc[i].lower_ == "na" and (lemma_set(doc[unit]).isdisjoint(lexicon().term_nouns) or not all(
            t.is_lower or t.like_num or t.text[:1].isdigit() for t in doc[i + 1:unit])):
        return i  # "na kolejną kadencję": a term; not "na rok 2016"
    k = unit + 1
    if k < end and doc[k].text == "(":
        close = next((j for j in range(k + 1, min(end, k + 12)) if doc[j].text == ")"), None)
        if close is not None and any(t.like_num for t in doc[k + 1:close]):
            k = close + 1
    return k
