"""Members of a body listed under a heading of its composition: "Skład Rady Miejskiej z 1920 r." and then, in the
next paragraph, "1. Nowak Jan, prezes, 2. Lis Adam, 3. Sowa Piotr, …". Chronicles and histories of towns list
councils and boards so; the `kronika_composition` component adds each listed person's office to
`doc._.memberships`: the office written after the name ("prezes", "zast. prezesa"), else a member's — a councillor
of a council (lexicon `council_offices`, `council_names`), a member of any other body (`body_member_role`).

A board's, committee's or council's name alone on a line, with a colon, heads a list of its members too: "Zarząd
Główny:" / "– Tomasz X" / "– dr Anna Y".

The heading is a line (no verb) with a noun of composition (lexicon `composition_nouns`) right before the body's
name; the list is the first paragraph after it. A sentence tells a board's members so too: "W skład Zarządu weszli:
A, B (skarbnik) i C" — each a member of the board of the body the text is about ("członek zarządu"), or holding
the office written with the name.
"""

from spacy.language import Language
from spacy.tokens import Doc

from .facts import FactReader, Membership, finite_verb, mention_index, most_named_body
from .morphology import lemma_set
from .name_words import LINE_BULLETS
from .names import DASHES, role_at
from .role_bodies import OfficeBodies


@Language.factory("kronika_composition")
def make_composition(nlp: Language, name: str):
    return CompositionReader()


class CompositionReader(OfficeBodies, FactReader):
    def __init__(self):
        super().__init__()
        self.nouns = frozenset(self.lex.composition_nouns)
        self.council_member = self.lex.roles[self.lex.council_offices[0]]
        self.body_member = self.lex.roles[self.lex.body_member_role]
        self.board_member = self.lex.roles[self.lex.board_member_role]
        self.board_nouns = frozenset(self.lex.board_nouns)
        self.entry_verbs = frozenset(self.lex.council_entry_verbs)
        self.organisation_heads = frozenset(self.lex.organisation_heads)  # for `_body_of_board`
        self.territorial = frozenset(self.lex.territorial_heads)
        self.organ_heads = frozenset(self.lex.collective_organ_heads)
        self.possessive_genders = {k: frozenset(v) for k, v in self.lex.relations["possessive_genders"].items()}

    def __call__(self, doc: Doc) -> Doc:
        memberships = doc._.memberships if doc._.memberships is not None else []
        headings = [t.i for t in doc if lemma_set(t) & self.nouns]
        entries = [t.i for t in doc[:-1] if t.lower_ == "do" and lemma_set(doc[t.i + 1]) & self.board_nouns]
        colons = any(t.text == ":" for t in doc)
        if headings or colons or entries:
            mentions, entities = mention_index(doc), doc._.entities or {}
            if colons:
                self._members_under_body(doc, mentions, entities, memberships)
            said = {(m.person, m.organisation) for m in memberships}
            for i in entries:  # "Do Zarządu weszli: A, B", "do zarządu wybrano: …"
                self._board_members(doc, mentions, entities, i, memberships, said, self.entry_verbs)
            for i in headings:
                if i > 0 and doc[i - 1].lower_ == "w":  # "W skład Zarządu weszli: …", a sentence, not a heading
                    self._board_members(doc, mentions, entities, i, memberships, said)
                    continue
                if i > 0 and doc[i - 1].lower_ in self.possessive_genders:  # "Jej skład to: …"
                    self._members_of_antecedent(doc, mentions, entities, i, memberships, said)
                    continue
                body = mentions.get(i + 1)
                if body is None or body.start != i + 1 or not (body._.entity or "").startswith("organisation:") \
                        or (paragraph := self._list_after(doc, i)) is None:
                    continue
                member = self.council_member if self.is_council(entities[body._.entity]) else self.body_member
                sent = doc[i].sent
                date = self.date_at(sent, (sent.start, sent.end))
                for person, role, end in self._listed(doc, mentions, *paragraph):
                    if (person._.entity, body._.entity) in said:
                        continue
                    said.add((person._.entity, body._.entity))
                    memberships.append(Membership(person._.entity, role or member, body._.entity, date,
                                                  self.evidence(person.sent, person.start, end, "role-composition")))
        doc._.memberships = memberships
        return doc

    def _members_under_body(self, doc: Doc, mentions, entities, memberships: list[Membership]) -> None:
        """ "Zarząd Główny:" / "– Tomasz X" / "– dr Anna Y": a line that is a board's, a committee's or a council's
        name and a colon, over lines of one person each (two at least): the body's members, or the office written
        after a name ("– Jan Z – skarbnik")."""
        said = {(m.person, m.organisation) for m in memberships}
        lines = [s for s in doc.sents if s.text.strip()]
        for n, line in enumerate(lines):
            words = [t for t in line if not t.is_space]
            body = mentions.get(words[0].i) if len(words) >= 2 and words[-1].text == ":" else None
            if body is None or body.start != words[0].i or body.end != words[-1].i \
                    or (entity := entities.get(body._.entity)) is None or entity.head not in self.organ_heads:
                continue
            listed = []
            for item in lines[n + 1:]:
                if (person := self._only_person(item, mentions)) is None:
                    break
                listed.append(person)
            if len(listed) < 2:
                continue
            member = self._member_of(entity)
            date = self.date_at(line, (line.start, line.end))
            for person in listed:
                own = self._written_office(doc, person.end, person.sent.end)
                if (person._.entity, body._.entity) in said:
                    continue
                said.add((person._.entity, body._.entity))
                memberships.append(Membership(person._.entity, own[0] if own else member, body._.entity, date,
                                              self.evidence(person.sent, person.start, own[1] if own else person.end,
                                                            "role-composition")))

    def _member_of(self, entity):
        """The office of a listed member of this body: a board's "członek zarządu", a council's councillor, else a
        member's."""
        return self.board_member if entity.head in self.board_nouns else \
            self.council_member if self.is_council(entity) else self.body_member

    def _only_person(self, line, mentions):
        """The one person a list's line names: past a bullet or dash and titles, the name, then nothing or an
        office after a dash ("– dr Anna Y", "2. Jan Z – skarbnik")."""
        words = [t for t in line if not t.is_space]
        if (person := self._line_person(words, mentions)) is None:
            return None
        rest = [t for t in words if t.i >= person.end]
        return person if not rest or rest[0].text in DASHES and role_at(line.doc, rest[0].i + 1) is not None \
            else None

    def _board_members(self, doc: Doc, mentions, entities, i: int, memberships: list[Membership], said: set,
                       verbs: frozenset[str] | None = None) -> None:
        """ "W skład (nowego) zarządu weszli: A, B (skarbnik)": the persons after the verb of the sentence, each a
        member of the board of the body the text names most ("członek zarządu"; "Zarządu" capitalised, a board of no
        name of its own, too); "W skład Rady Nadzorczej Banku X weszli: …": members of the body named there (a
        council's: its councillors). The office written after a name in brackets or after a dash is that person's
        instead. With `verbs`, only a verb of these lemmas lists them ("Do Zarządu weszli: …", not "do zarządu
        wpłynęło pismo")."""
        sent, k = doc[i].sent, i + 1
        if k < sent.end and doc[k].text == ":" and i - 2 >= sent.start:
            self._board_lines(doc, mentions, entities, i, memberships, said)  # "wybrany został zarząd w składzie:"
            return
        if k < sent.end and doc[k].is_lower and not lemma_set(doc[k]) & self.board_nouns:
            k += 1  # "nowego", "pierwszego"
        named = mentions.get(k) if k < sent.end else None
        if named is not None and named.start == k and (named._.entity or "").startswith("organisation:"):
            body, end = named._.entity, named.end
            entity = entities[body]
            member = self.board_member if lemma_set(doc[k]) & self.board_nouns else \
                self.council_member if self.is_council(entity) else self.body_member
            if member is self.board_member:  # "W skład Zarządu Towarzystwa X weszli": members of X's board
                body = self._body_of_board(body, entities) or body
        elif k < sent.end and lemma_set(doc[k]) & self.board_nouns and (doc[k].is_lower or named is None):
            about = most_named_body(doc, entities, standing_out=True)
            body, end, member = about._.entity if about is not None else None, k + 1, self.board_member
        else:
            return
        verb = next((t.i for t in doc[end:sent.end] if finite_verb(t) and t.i not in mentions), None)  # not "Lipnie"
        if body is None or verb is None or verbs is not None and not lemma_set(doc[verb]) & verbs:
            return
        last = next((t for t in reversed(sent) if not t.is_space), None)
        end = self._paragraph_end(doc, sent.end) if last is not None and last.text == ":" else sent.end
        self._members_listed(doc, mentions, i, verb, end, body, member, memberships, said)  # "weszli:" and below

    def _board_lines(self, doc: Doc, mentions, entities, i: int, memberships: list[Membership], said: set) -> None:
        """ "wybrany został zarząd w składzie:" / "Ksiądz Jan X, proboszcz – przewodniczący;" / "Adam Y, rolnik –
        skarbnik;": the board named before "w składzie" (in lower case: of the body the text names most, a village's
        "Kółko Rolnicze" too), each line after the colon one of its members, holding the office after the line's
        dash (its trade before the dash is no office of the board)."""
        named = next((m for m in (mentions.get(i - 2),) if m is not None and m.end == i - 1), None)
        if named is not None and (named._.entity or "").startswith("organisation:") \
                and entities[named._.entity].head in self.organ_heads:  # not "delegacja Oddziału X w składzie:"
            body, member = named._.entity, self._member_of(entities[named._.entity])
        elif doc[i - 2].is_lower and lemma_set(doc[i - 2]) & self.board_nouns:
            about = most_named_body(doc, entities, standing_out=True) or most_named_body(doc, entities)
            body, member = (about._.entity if about is not None else None), self.board_member
        else:
            return
        if body is None:
            return
        date = self.date_at(doc[i].sent, (doc[i].sent.start, doc[i].sent.end))
        k = doc[i].sent.end
        while k < len(doc) and (line := doc[k].sent) is not None:
            words = [t for t in line if not t.is_space]
            if not words:
                k = line.end
                continue
            person = self._line_person(words, mentions)
            if person is None:
                return
            own = self._office_after_trade(doc, person.end, line.end)
            if (person._.entity, body) not in said:
                said.add((person._.entity, body))
                memberships.append(Membership(person._.entity, own[0] if own else member, body, date,
                                              self.evidence(line, person.start, own[1] if own else person.end,
                                                            "role-composition")))
            k = line.end

    def _line_person(self, words, mentions):
        """The person a list's line opens with, past a bullet, a number and titles."""
        k = 0
        while k < len(words) and (words[k].text in DASHES or words[k].text in LINE_BULLETS or words[k].like_num
                                  or words[k].text == "." or self.honorific(words[k])):
            k += 1
        person = mentions.get(words[k].i) if k < len(words) else None
        return person if person is not None and person.start == words[k].i \
            and (person._.entity or "").startswith("person:") else None

    @staticmethod
    def _office_after_trade(doc: Doc, k: int, end: int):
        """The office after a listed name's dash, past a comma and a few lower-case words of the person's trade:
        "X, rolnik – skarbnik", "Y, nauczyciel – sekretarz"."""
        if k < end and doc[k].text == ",":
            dash = next((j for j in range(k + 1, min(end, k + 6)) if doc[j].text in DASHES), None)
            if dash is None or not all(t.is_lower for t in doc[k + 1:dash]):
                return None
            k = dash
        return role_at(doc, k + 1) if k + 1 < end and doc[k].text in DASHES else None

    def _members_listed(self, doc: Doc, mentions, i: int, after: int, end: int, body: str, member,
                        memberships: list[Membership], said: set) -> None:
        """Each person listed from `after` (the verb or colon of the sentence of the composition noun at i) to `end`
        is a member of `body`, or holds the office written after the name; evidence from the noun for the persons
        of that sentence, the list's line for the others."""
        sent = doc[i].sent
        date = self.date_at(sent, (sent.start, sent.end))
        for person in self._listed_after(doc, mentions, after + 1, end):
            own = self._written_office(doc, person.end, end)
            if (person._.entity, body) in said or own is None and not self._bare_item(doc, person, after):
                continue  # "sekretarz – krawiec X": an office written before the name, not a member's
            said.add((person._.entity, body))
            opening = i if doc[i].lower_ == "do" else i - 1  # "Do Zarządu weszli", "W skład Zarządu", "Jej skład"
            told = (sent, opening) if person.start < sent.end else (person.sent, person.start)  # a line of the list
            memberships.append(Membership(person._.entity, own[0] if own else member, body, date,
                                          self.evidence(*told, own[1] if own else person.end, "role-composition")))

    def _members_of_antecedent(self, doc: Doc, mentions, entities, i: int, memberships: list[Membership],
                               said: set) -> None:
        """ "Zebrała się Rada Powiatu X. Jej skład to: A (PiS), B, …": the persons listed after the colon are members
        of the body named last before the possessive, in its sentence or the one before, of the possessive's gender
        (a council's: its councillors)."""
        sent = doc[i].sent
        colon = next((t.i for t in doc[i + 1:min(sent.end, i + 4)] if t.text == ":"), None)
        if colon is None:
            return
        before = doc[sent.start - 1].sent.start if sent.start > 0 else 0
        body = self._antecedent(doc, mentions, i - 1, before, ("organisation",),
                                self.possessive_genders[doc[i - 1].lower_])
        if body is None:
            return
        member = self._member_of(entities[body._.entity])
        end = self._paragraph_end(doc, sent.end) if doc[colon + 1:sent.end].text.strip() == "" else sent.end
        self._members_listed(doc, mentions, i, colon, end, body._.entity, member, memberships, said)

    @staticmethod
    def _paragraph_end(doc: Doc, k: int) -> int:
        """Where the paragraph that begins at or after k ends: the next blank line after its first words."""
        while k < len(doc) and not doc[k].text.strip():
            k += 1
        return next((j + 1 for j in range(k, len(doc)) if "\n\n" in doc[j].text or "\n\n" in doc[j].whitespace_),
                    len(doc))

    @staticmethod
    def _listed_after(doc: Doc, mentions, start: int, end: int):
        """The persons named from `start` to the end of the sentence, up to a clause of another verb."""
        for k in range(start, end):
            person = mentions.get(k)
            if person is None and finite_verb(doc[k]):
                return
            if person is not None and person.start == k and (person._.entity or "").startswith("person:"):
                yield person

    def _bare_item(self, doc: Doc, person, start: int) -> bool:
        """The list's item holds the name alone, past titles ("A, dr B i C"), between the verb at `start` or the last
        separator and the name."""
        k = person.start - 1
        while k > start and self.honorific(doc[k]):
            k -= 1
        return k == start or doc[k].text in (",", ";", ":") or doc[k].lower_ in ("i", "oraz", "m.in.") \
            or doc[k].is_space or doc[k].text == "." and k - 2 >= start and doc[k - 1].text.isdigit() \
            and "\n" in doc[k - 2].text + doc[k - 2].whitespace_  # "1. A" on a line of its own

    @staticmethod
    def _written_office(doc: Doc, k: int, end: int):
        """The office written right after a listed name: "A (skarbnik)", "B – sekretarz"."""
        if k + 1 < end and (doc[k].text == "(" or doc[k].text in DASHES):
            return role_at(doc, k + 1)
        return None

    def _list_after(self, doc: Doc, i: int) -> tuple[int, int] | None:
        """The tokens of the paragraph after the line of the heading noun at i, if that line has no verb ("weszły
        w skład Rejonu X" is no heading)."""
        start = i
        while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        k = i + 1
        while k < len(doc) and "\n" not in doc[k].text and "\n" not in doc[k - 1].whitespace_:
            k += 1
        if any(finite_verb(t) for t in doc[start:k]):
            return None
        while k < len(doc) and not doc[k].text.strip():
            k += 1
        return (k, self._paragraph_end(doc, k)) if k < len(doc) else None

    @staticmethod
    def _listed(doc: Doc, mentions, start: int, end: int):
        """(person mention, its own office or None, evidence end) for each person of the list."""
        seen = set()
        for k in range(start, end):
            person = mentions.get(k)
            if person is None or person.start != k or not (person._.entity or "").startswith("person:") \
                    or person._.entity in seen:
                continue
            seen.add(person._.entity)
            j = person.end + 1 if person.end < end and doc[person.end].text == "," else None
            office = role_at(doc, j) if j is not None and j < end else None
            if office is None and j is not None and j < end and doc[j].is_lower:
                continue  # "Lis Adam, zast. sekretarza": an office the role scheme does not know, not a member's
            yield person, office[0] if office else None, office[1] if office else person.end
