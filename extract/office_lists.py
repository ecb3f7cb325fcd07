"""Offices laid out over several lines: a heading over its holders ("Skarbnik:" and the names below), holders listed
under an office or a body, an office one sentence names and the next fills ("Wybrano nowego prezesa. Został nim X").

The `OfficeLists` mixin of `RoleReader` (extract/roles.py): it reads the reader's lexicon sets and helpers.
"""

import re
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .facts import Membership, most_named_body
from .lexicon import Role
from .morphology import lemma_set
from .name_words import LINE_BULLETS
from .names import DASHES, role_at


ANAPHORS_OF_OFFICE = ("nim", "nią", "nimi")  # "Został nim X": the office the sentence before named
HOLDER_VERBS = frozenset({"zostać", "być"})
LIST_INTRO_WORDS = 12  # "W kolejnych latach dyrektorami szkoły byli:": the sentence opening a list of holders


class OfficeLists:
    """Offices and their holders read across the lines of a list or a heading."""

    def _holders_named_in_turn(self, doc: Doc, before: Span, sent: Span, mentions, entities,
                               found: list[Membership]) -> None:
        """ "22 radnych Rady Miejskiej X złożyło ślubowanie. Byli to: A, B, C.": the persons a sentence names in turn
        after "Byli to:" hold the office the sentence before named in the plural, of the council it named."""
        words = [t for t in sent if not t.is_space]
        if len(words) < 4 or words[0].lower_ not in self.naming_verbs or words[1].lower_ != "to" \
                or words[2].text != ":":
            return
        office = next((r[0] for t in before if (r := role_at(doc, t.i)) is not None
                       and r[0].label in self.council_offices and t.morph.get("Number") == ["Plur"]), None)
        council = next((m for m in self._sentence_mentions(mentions, before)
                        if m._.entity in entities and self.is_council(entities[m._.entity])), None)
        if office is None or council is None:
            return
        date = self.date_at(before, (before.start, before.end))
        for m in self._sentence_mentions(mentions, sent):
            if m._.entity.startswith("person:"):
                found.append(Membership(m._.entity, office, council._.entity, date,
                                        self.evidence(sent, m.start, m.end, "role-named-in-turn")))

    def _holder_of_office_before(self, doc: Doc, before: Span, sent: Span, mentions, found: list[Membership],
                                 unresolved: list[Membership], homeward: list[Membership]) -> None:
        """ "Wybrano zastępcę burmistrza. Został nim Jan X.": the person a sentence opening with "został nim" names
        holds the office the sentence before named last, of the body named right after that office; a town's office
        named alone is of the text's own town, another of the body the context gives."""
        words = [t for t in sent if not t.is_space]
        if len(words) < 3 or not lemma_set(words[0]) & HOLDER_VERBS or words[1].lower_ not in ANAPHORS_OF_OFFICE:
            return
        k = words[2].i
        while k < sent.end and self.honorific(doc[k]):
            k += 1
        if k < sent.end and (own := role_at(doc, k)) is not None and own[1] < sent.end \
                and self._mention_at(mentions, own[1], ("person",)) is not None:
            k = own[1]  # "Został nim radny X": an office of the holder's own before the name
        person = self._mention_at(mentions, k, ("person",))
        office, j = None, before.start
        while j < before.end:  # the last office named, whole ("zastępcę burmistrza", not "burmistrza")
            office, j = ((j, named), named[1]) if (named := role_at(doc, j)) is not None else (office, j + 1)
        if person is None or person.start != k or office is None:
            return
        i, (role, end) = office
        body = next((m for at in (end, end - 1) if (m := mentions.get(at)) is not None  # "członka Komisji Rewizyjnej X"
                     and m._.entity.startswith(("organisation:", "place:")) and m.start > i), None)
        date = self.date_at(before, (before.start, before.end))
        membership = Membership(person._.entity, role, body._.entity if body is not None else "", date,
                                self.evidence(sent, words[0].i, person.end, "role-named-after"))
        (found if body is not None else homeward if role.municipal else unresolved).append(membership)

    def _office_lists(self, doc: Doc, mentions, entities, found: list[Membership],
                      unresolved: list[Membership]) -> None:
        """A heading of an office in the plural on a line of its own ("Burmistrzowie", "Proboszczowie"), then a
        line per holder opened by the term or the name ("1867–1871 Edward X", "ks. Jan Y (2001 – )"): each holds
        the office from the term's start; a town's office is of the town the lines just before name ("Burmistrzowie
        miasta X w okresie …"), a body's of the body the text is about. The list ends at a line with no holder."""
        dates = {d.start: d for d in doc.spans.get("dates", [])}
        headings = {h.start for h in doc.spans.get("headings", [])}
        sents = list(doc.sents)
        office, town, topic = None, None, None
        for n, sent in enumerate(sents):
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            if (role := self._heading_office(doc, sent, words, headings)
                    or self._list_intro_office(doc, words)) is not None:
                office = role
                lines = [s for s in sents[max(0, n - 6):n] if s.text.strip()][-3:]
                towns = [m for s in (sent, *reversed(lines)) for m in self._sentence_mentions(mentions, s)
                         if m._.entity in entities and (entities[m._.entity].kind == "place"
                                                        or entities[m._.entity].also_place)
                         and not self.not_town(entities[m._.entity])]
                headed = [m for m in towns if (r := role_at(doc, m.sent[0].i)) is not None and r[0] == office]
                town = (headed or towns or [None])[0]  # "Burmistrzowie miasta X w okresie …" over the list
                topic = next((m for m in self._sentence_mentions(mentions, sent)
                              if (m._.entity or "").startswith("organisation:")), None) \
                    or self._topic(doc, mentions, sent, sent.start) or self._body_by_its_noun(doc, entities, lines) \
                    or most_named_body(doc, entities)
                continue  # "członkowie Rady Spółdzielni:": the body the heading names, else the text's
            if office is None:
                continue
            first = words[0].i
            while first < sent.end and (self.honorific(doc[first]) or doc[first].text in LINE_BULLETS
                                        or first == words[0].i and doc[first].text in DASHES):  # "• Jan X 1925–1935"
                first += 1
            if first == words[0].i and first + 2 < sent.end and first not in dates \
                    and re.fullmatch(r"\d{1,2}\.?", doc[first].text):
                first += 1 + (doc[first + 1].text == ".")  # "3. Jan X - od 1937 r.": the item's number
            holder = mentions.get(first) if first not in dates else next(
                (m for m in self._sentence_mentions(mentions, sent) if m._.entity.startswith("person:")), None)
            if holder is None or not holder._.entity.startswith("person:"):
                if words[-1].text == ":":
                    office = None  # "Zastępca skarbnika:": a heading of an office not in the scheme ends the list
                elif len(words) > 12 or any(self._verb(t) for t in words) and not any(k in dates for k in range(
                        sent.start, sent.end)):  # the list has ended; not at a short line of no holder: "(zm. ok.
                    office = None  # 1450 r.)", "X – lata 30–40 XV w." ("lata" is also a verb)
                continue
            term = next((dates[k]._.date for k in range(sent.start, sent.end) if k in dates), None) \
                or self._term_after(doc, holder, sent.end)  # "ks. X (1994 – 2001)": years in brackets
            after = holder.end
            if after < sent.end and doc[after].text == "(":  # "2. Jan X (Lipnik)": where he came from, an aside
                after = next((j + 1 for j in range(after + 1, sent.end) if doc[j].text == ")"), after)
            if term is None and not (after >= sent.end or doc[after].text in DASHES
                                     or doc[after].is_space or self._line_end(doc, after, sent.end)):
                office = None  # a line of prose, not the list's: "Jan X był …"
                continue
            if any((r := role_at(doc, k)) is not None for k in range(holder.end, sent.end)):
                continue  # "X – starosta brański 1533–1539": the line names its own office
            unit = town if office.municipal else topic
            unit_key = (self._council_before(doc, mentions, entities, sent.start)
                        if office.label in self.council_offices else None) \
                or (unit._.entity if unit is not None else "")  # "Radni:": members of the council named last
            unit_key = self._body_of_board(unit_key, entities) or unit_key  # "Zarząd Towarzystwa: …": its body's
            evidence = self.evidence(sent, sent.start, sent.end, "role-office-list")
            (found if unit_key else unresolved).append(Membership(holder._.entity, office, unit_key, term, evidence))

    def _body_by_its_noun(self, doc: Doc, entities, lines: list[Span]) -> Span | None:
        """The last body named before a list's heading whose head the lines before it name in lower case ("Przez
        lata biblioteką kierowało pięciu dyrektorów": the library the text named last)."""
        for t in (t for line in reversed(lines) for t in reversed(line)):
            if t.is_lower and (heads := lemma_set(t) & self.organisation_heads):
                return next((s for s in reversed(doc.ents) if s.start < t.i and s._.entity in entities
                             and entities[s._.entity].kind == "organisation" and entities[s._.entity].head in heads), None)
        return None

    @staticmethod
    def _line_end(doc: Doc, k: int, end: int) -> bool:
        """Only a comma or a semicolon, then the line's end, from k on: "Anna X,\n" in a list of holders."""
        return all(doc[j].text in (",", ";") or doc[j].is_space for j in range(k, end)) and doc[end - 1].is_space

    @staticmethod
    def _heading_office(doc: Doc, sent: Span, words, headings: set[int]) -> Role | None:
        """The office in the plural a list's heading names: a line of that one word ("Burmistrzowie"), or a heading
        (a short line with no final punctuation) that opens with it or with a noun of a list before it ("Poczet
        starostów powiatu X", "Burmistrzowie miasta Y w latach 1919–1939")."""
        if len(words) == 1:
            role = role_at(doc, words[0].i)
            return role[0] if role is not None and role[1] == words[0].i + 1 \
                and words[0].morph.get("Number") == ["Plur"] else None
        if sent.start not in headings or len(words) > 10:
            return None
        if len(words) >= 3 and words[1].text in (*DASHES, "/", "i") and (role := role_at(doc, words[2].i)) is not None \
                and words[2].morph.get("Number") == ["Plur"] and role_at(doc, words[0].i) is not None:
            return role[0]  # "Kierownicy – dyrektorzy": the office under its two names, the later one
        for t in words[:2]:
            role = role_at(doc, t.i)
            if role is not None and t.morph.get("Number") == ["Plur"]:
                return role[0]
        return None

    def _list_intro_office(self, doc: Doc, words) -> Role | None:
        """The office in the plural a sentence ending in a colon introduces a list of holders with ("W kolejnych
        latach dyrektorami szkoły byli:", "Członkowie:"), told with no verb or a copula only: "udział wzięli
        burmistrzowie:" lists guests, not holders."""
        if len(words) < 2 or words[-1].text != ":" or len(words) > LIST_INTRO_WORDS:
            return None
        if any(self._verb(t) and not lemma_set(t) & self.copulas and role_at(doc, t.i) is None for t in words):
            return None
        if (alone := role_at(doc, words[0].i)) is not None and alone[1] == words[-1].i:
            return alone[0]  # "Skarbnik:", "Zastępca skarbnika:": a line of the office alone heads its holders
        plural = self._plural_office(doc, doc[words[0].i:words[-1].i])
        return plural[0] if plural is not None else None

    def _listed_bodies(self, doc: Doc, mentions, found: list[Membership]) -> None:
        """ "Dyrektorami szkół zostały następujące osoby:" / "1. Szkoła Podstawowa w X – Pani Anna Y." / "2. …": after
        a sentence naming an office in the plural, lines of a body, a dash and a person (two at least): each person
        holds that office of the body on the line."""
        for intro, lines in self._list_runs(doc, lambda sent: self._body_dash_holder(doc, mentions, sent)):
            if len(lines) < 2 or (plural := self._plural_office(doc, intro)) is None:
                continue
            for line, (body, holder) in lines:
                found.append(Membership(holder._.entity, plural[0], body._.entity,
                                        self.date_at(line, (line.start, line.end)),
                                        self.evidence(line, body.start, holder.end, "role-body-list")))

    @staticmethod
    def _list_runs(doc: Doc, read_line) -> Iterator[tuple[Span, list]]:
        """Each sentence with the run of lines right after it that `read_line` reads, as (line, what it read);
        empty lines and an item's number "1." the segmenter cut off its line are passed over."""
        intro, lines = None, []
        for sent in doc.sents:
            if all(t.like_num or t.is_punct or t.is_space for t in sent):
                continue
            if intro is not None and (read := read_line(sent)):
                lines.append((sent, read))
                continue
            if lines:
                yield intro, lines
            intro, lines = sent, []
        if lines:
            yield intro, lines

    @staticmethod
    def _plural_office(doc: Doc, sent: Span) -> tuple[Role, int] | None:
        """The first office a sentence names in the plural ("dyrektorami", "radnych"), and where it ends."""
        return next((r for t in sent if (r := role_at(doc, t.i)) is not None and r[1] <= sent.end
                     and t.morph.get("Number") == ["Plur"]), None)

    def _holders_listed_under(self, doc: Doc, mentions, entities, found: list[Membership],
                              unresolved: list[Membership]) -> None:
        """ "przewodniczący Rady Nadzorczej Banku:" / "• Jan X" / "• Adam Y": the persons listed one a line
        under a line that ends in a colon after an office in the plural hold that office, of the body named after
        it ("wiceprezesi zarządu:": of the body the text is about); the list ends at a line that is not a name."""
        for intro, lines in self._list_runs(doc, lambda sent: self._listed_names(doc, mentions, sent)):
            listed = [(line, person) for line, persons in lines for person in persons]
            words = [t for t in intro if not t.is_space]
            if len(listed) < 2 or len(words) < 2 or words[-1].text != ":":
                continue
            if (plural := self._plural_office(doc, intro)) is None:
                if (council := self._council_elected_to(doc, mentions, entities, intro)) is not None:
                    self._list_members(doc, mentions, listed, self.council_member, council, found, unresolved)
                continue
            office, end = plural
            named = mentions.get(end)
            body = None
            if named is not None and named.start == end and named._.entity.startswith("organisation:"):
                body = named  # "przewodniczący Rady Nadzorczej Banku:"
            elif end < intro.end and lemma_set(doc[end]) & self.board_nouns:
                body = most_named_body(doc, entities)  # "wiceprezesi zarządu:": the board of the text's body
            elif office.label in self.council_offices:  # "W sesji Rady Gminy X wzięło udział 15 radnych:"
                body = next((m for m in self._sentence_mentions(mentions, intro)
                             if m._.entity in entities and self.is_council(entities[m._.entity])), None)
            if body is None and not office.municipal:  # "W kolejnych latach dziekanami byli:": the text's faculty
                body = self._body_holding(doc, entities, office)
            self._list_members(doc, mentions, listed, office, body, found, unresolved)

    def _list_members(self, doc: Doc, mentions, listed, office: Role, body: Span | None,
                      found: list[Membership], unresolved: list[Membership]) -> None:
        """Each listed person holds the office, of the body (or of the seat on their line: "br. X w Lipnie")."""
        for line, person in listed:
            seat = self._seat_after(doc, mentions, person, line.end)
            unit = seat if seat is not None else body
            date = self.date_at(line, (line.start, line.end))
            for role in (office, *self._bracketed_offices(doc, person, line.end)):  # "X (wiceprzewodniczący)"
                membership = Membership(person._.entity, role, unit._.entity if unit is not None else "", date,
                                        self.evidence(line, person.start, person.end, "role-listed-under"))
                (found if unit is not None else unresolved).append(membership)

    def _council_elected_to(self, doc: Doc, mentions, entities, intro: Span) -> Span | None:
        """ "Do Rady Gminy X wybrani zostali:": the council a list's opening sentence elects its persons to."""
        elected = any(lemma_set(t) & self.council_entry_verbs for t in intro)
        return next((m for m in self._sentence_mentions(mentions, intro) if elected and m.start > intro.start
                     and doc[m.start - 1].lower_ == "do" and m._.entity in entities
                     and self.is_council(entities[m._.entity])), None)

    def _listed_names(self, doc: Doc, mentions, sent: Span) -> list[Span]:
        """The persons a list line holds ("• Jan X,", "1. Jan X 2. Adam Y" run into one line) when it holds nothing
        else but bullets, numbers, honorifics and punctuation, and after a name its offices and years in brackets
        ("X (wiceprzewodniczący)", "Y (1923–1939)") or its seat ("br. Z w Lipnie")."""
        persons = [m for m in self._sentence_mentions(mentions, sent) if m._.entity.startswith("person:")]
        named = {i for m in persons for i in range(m.start, m.end)}
        for person in persons:
            if (seat := self._seat_after(doc, mentions, person, sent.end)) is not None:
                named.update(range(person.end, seat.end))
                if seat.end < sent.end and doc[seat.end].lower_ == "przy":  # "w X przy ul. Y 5": its address
                    named.update(range(seat.end, sent.end))
            elif (close := self._bracket_end(doc, person.end, sent.end)) is not None:
                named.update(range(person.end, close))
        rest = [t for t in sent if not (t.i in named or t.is_space or t.is_punct or t.like_num or t.text in ("•", "*")
                                        or self.honorific(t))]
        return persons if not rest else []

    def _seat_after(self, doc: Doc, mentions, person: Span, end: int) -> Span | None:
        """The place or body right after a listed name and "w" ("br. X w Lipnie", "Y we Wrocławiu")."""
        k = person.end
        seat = mentions.get(k + 1) if k + 1 < end and doc[k].lower_ in ("w", "we") else None
        return seat if seat is not None and seat.start == k + 1 and not seat._.entity.startswith("person:") else None

    def _bracket_end(self, doc: Doc, k: int, end: int) -> int | None:
        """Past the brackets right after a listed name when they hold only offices, years and the words of a term
        ("(wiceprzewodniczący)", "(burmistrz, 1843–1847)", "(od 1996 r.)"), else None."""
        if k >= end or doc[k].text != "(":
            return None
        j = k + 1
        while j < end and doc[j].text != ")":
            role = role_at(doc, j)
            if role is not None and role[1] > j:
                j = role[1]
            elif doc[j].is_punct or doc[j].like_num or doc[j].lower_ in self.term_words_in_brackets:
                j += 1
            else:
                return None
        return j + 1 if j < end else None

    def _bracketed_offices(self, doc: Doc, person: Span, end: int) -> list[Role]:
        """The offices named in the brackets after a listed name: "Jan X (przewodniczący)"."""
        close = self._bracket_end(doc, person.end, end)
        offices, j = [], person.end + 1
        while close is not None and j < close - 1:
            role = role_at(doc, j)
            if role is not None and role[1] > j:
                offices.append(role[0])
                j = role[1]
            else:
                j += 1
        return offices

    def _body_holding(self, doc: Doc, entities, office: Role) -> Span | None:
        """The first mention of the body the text names most among those the office is held in: whose faculty's
        deans a list names. None for an office of no known heads (a member, a secretary: of any body)."""
        heads = self.office_body_heads.get(office.label, frozenset())
        counts = Counter(s._.entity for s in doc.ents if s._.entity and s._.entity.startswith("organisation:")
                         and (e := entities.get(s._.entity)) is not None and not e.also_place and e.head in heads)
        if not counts:
            return None
        top = counts.most_common(1)[0][0]
        return next(s for s in doc.ents if s._.entity == top)

    def _body_dash_holder(self, doc: Doc, mentions, sent: Span) -> tuple[Span, Span] | None:
        """The body opening a list line ("3. Dekanat X – ks. Jan Y (Z)") and the person after its dash."""
        words = [t for t in sent if not t.is_space]
        k = 0
        while k < len(words) and (words[k].like_num or words[k].text in (".", ")", "•", "*") or words[k].text in DASHES
                                  and k == 0):
            k += 1
        body = mentions.get(words[k].i) if k < len(words) else None
        if body is None or body.start != words[k].i or not body._.entity.startswith("organisation:"):
            return None
        end = body.end
        if end + 1 < sent.end and doc[end].lower_ in self.locative and (seat := mentions.get(end + 1)) is not None \
                and seat.start == end + 1:
            end = seat.end  # "Szkoła Podstawowa w X – …": the body's seat
        if end >= sent.end or doc[end].text not in DASHES:
            return None
        first = end + 1
        while first < sent.end and (self.honorific(doc[first]) or doc[first].text == "."):
            first += 1
        holder = mentions.get(first)
        return (body, holder) if holder is not None and holder.start == first \
            and holder._.entity.startswith("person:") else None
