"""Offices told again without their noun: chronicles of a town's or a society's officers name the office once
and then only the next holders, "Pierwszym przewodniczącym Rady Gminy (1990–1994) był X, w drugiej kadencji
(1994–1998) – Y, a po nim ponownie Z", or take it up by a demonstrative in the next sentence, "Zastępcą wójta
był X. W obecnej kadencji tę funkcję sprawowały dwie osoby, Y (do 2019) i Z". The `kronika_succession`
component adds those holders to `doc._.memberships`, after every other reader of offices.

A holder told after another is one whose part of the sentence says when (a date, a length of time or a word of
succession or of a term: lexicon `succession_words`) and nothing else: no office, body, place, capitalised name or
clause of its own.
The demonstrative's office is the last one told in the sentence before (lexicon `taken_up_nouns`,
`office_holding_verbs`, `office_taking_verbs`).
"""

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import DASHES, bracketed_date, bracketed_years, date_starts, past_duration
from .facts import FactReader, Membership, finite_verb, mention_index
from .morphology import lemma_set
from .names import role_at

SEPARATORS = (",", ";", "a", "i", "oraz")


@Language.factory("kronika_succession")
def make_succession(nlp: Language, name: str):
    return SuccessionReader()


class SuccessionReader(FactReader):
    def __init__(self):
        super().__init__()
        self.succession_words = frozenset(self.lex.succession_words)
        self.office_nouns = frozenset(self.lex.taken_up_nouns)
        self.office_verbs = frozenset(self.lex.office_holding_verbs) | frozenset(self.lex.office_taking_verbs)

    def __call__(self, doc: Doc) -> Doc:
        memberships = doc._.memberships if doc._.memberships is not None else []
        if memberships:
            mentions = mention_index(doc)
            said = {(m.person, m.role.label, m.organisation) for m in memberships}
            added = [*self._told_after(doc, mentions, memberships), *self._taken_up(doc, mentions, memberships)]
            for m in added:
                if (m.person, m.role.label, m.organisation) not in said:
                    said.add((m.person, m.role.label, m.organisation))
                    memberships.append(m)
        doc._.memberships = memberships
        return doc

    def _told_after(self, doc: Doc, mentions, memberships: list[Membership]):
        """The holders a sentence names after one it gave the office to: "…, w drugiej kadencji (1994–1998) – Y"."""
        for m in memberships:
            person = self._holder_mention(doc, mentions, m)
            if person is None:
                continue
            sent, k = person.sent, person.end
            while (nxt := self._next_holder(doc, mentions, k, sent.end)) is not None:
                holder, date = nxt
                yield Membership(holder._.entity, m.role, m.organisation, date or m.date,
                                 self.evidence(sent, k, holder.end, "role-succession"))
                k = holder.end

    @staticmethod
    def _holder_mention(doc: Doc, mentions, m: Membership) -> Span | None:
        """The last mention of the holder within the words the office rests on."""
        span = doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
        if span is None:
            return None
        held = [x for k in range(span.start, span.end) if (x := mentions.get(k)) is not None and x.start == k
                and x._.entity == m.person]
        return held[-1] if held else None

    def _next_holder(self, doc: Doc, mentions, k: int, end: int) -> tuple[Span, str | None] | None:
        """The next person named after k whose part of the sentence says only when, and its date."""
        if k < end and doc[k].text == "(":
            k = self._past_brackets(doc, k, end)  # "X (4-krotnie wybierany), następnie Y"
        if k >= end or doc[k].lower_ not in SEPARATORS:
            return None
        told, date, j = False, None, k + 1
        while j < end:
            t = doc[j]
            found = mentions.get(j)
            if found is not None and found.start == j:
                kind = found._.entity.partition(":")[0]
                if kind != "person":
                    return None  # another body or place: another office
                if not told or not self._ends_part(doc, found.end, end):
                    return None
                return found, date
            if t.text == "(":
                inner = bracketed_date(doc, j)
                years = inner._.date if inner is not None else bracketed_years(doc, j, end)
                date, told = date or years, told or years is not None
                j = self._past_brackets(doc, j, end)
                continue
            if role_at(doc, j) is not None or finite_verb(t) or t.is_title and not t.is_sent_start:
                return None  # an office, a clause, or a name of what: "…, Wicekuratora Oświaty – Y"
            if (dated := date_starts(doc).get(j)) is not None:
                date, told = date or dated._.date, True
            told = told or t.lower_ in self.succession_words or past_duration(doc, j, end) > j
            j += 1
        return None

    def _ends_part(self, doc: Doc, k: int, end: int) -> bool:
        """After the holder, the part ends: a separator, the sentence's end, or brackets before either."""
        if k < end and doc[k].text == "(":
            k = self._past_brackets(doc, k, end)
        return k >= end or doc[k].lower_ in SEPARATORS or doc[k].is_punct and doc[k].text not in DASHES

    @staticmethod
    def _past_brackets(doc: Doc, k: int, end: int) -> int:
        depth = 0
        for j in range(k, end):
            depth += (doc[j].text == "(") - (doc[j].text == ")")
            if depth == 0:
                return j + 1
        return end

    def _taken_up(self, doc: Doc, mentions, memberships: list[Membership]):
        """ "tę funkcję sprawowali X i Y", "stanowisko to piastowała Z": the office told last in the sentence before,
        held by the persons the verb names after it, or by its subject before it."""
        sents = list(doc.sents)
        for n, sent in enumerate(sents[1:], 1):
            office = next((t.i for t in sent
                           if lemma_set(t) & self.office_nouns and self._demonstrative(doc, t.i, sent)), None)
            verb = next((t.i for t in sent if lemma_set(t) & self.office_verbs and finite_verb(t)), None)
            if office is None or verb is None or abs(verb - office) > 3 \
                    or any(role_at(doc, k) is not None for k in range(sent.start, office)):
                continue  # "dyrektorem został X, który pełnił tę funkcję do 1980": the office of its own sentence
            before = sents[n - 1]
            told = [m for m in memberships if before.start_char <= m.evidence.start < before.end_char
                    and m.role.label not in self.founder_roles]  # one founds a body once: no office to take up
            if not told:
                continue
            last = max(told, key=lambda m: m.evidence.start)
            persons = [m for k in range(max(verb, office) + 1, sent.end) if (m := mentions.get(k)) is not None
                       and m.start == k and m._.entity.startswith("person:")]
            if not persons:
                persons = [m for k in range(sent.start, min(verb, office)) if (m := mentions.get(k)) is not None
                           and m.start == k and m._.entity.startswith("person:")][-1:]
            for person in persons:
                inner = bracketed_date(doc, person.end)
                date = inner._.date if inner is not None else self.date_at(sent, (sent.start, sent.end))
                yield Membership(person._.entity, last.role, last.organisation, date,
                                 self.evidence(sent, min(office, person.start), max(verb + 1, person.end),
                                               "role-taken-up"))

    @staticmethod
    def _demonstrative(doc: Doc, i: int, sent: Span) -> bool:
        """ "tę funkcję", "stanowisko to", "tego urzędu": the noun with a form of "ten" right before or after it."""
        return any(sent.start <= k < sent.end and "ten" in lemma_set(doc[k]) for k in (i - 1, i + 1))
