"""Members of a body listed under a heading of its composition: "Skład Rady Miejskiej z 1920 r." and then, in the
next paragraph, "1. Nowak Jan, prezes, 2. Lis Adam, 3. Sowa Piotr, …". Chronicles and histories of towns list
councils and boards so; the `kronika_composition` component adds each listed person's office to
`doc._.memberships`: the office written after the name ("prezes", "zast. prezesa"), else a member's — a councillor
of a council (lexicon `council_offices`, `council_names`), a member of any other body (`body_member_role`).

The heading is a line (no verb) with a noun of composition (lexicon `composition_nouns`) right before the body's
name; the list is the first paragraph after it.
"""

from spacy.language import Language
from spacy.tokens import Doc

from .facts import FactReader, Membership, finite_verb, mention_index
from .morphology import lemma_set
from .names import role_at


@Language.factory("kronika_composition")
def make_composition(nlp: Language, name: str):
    return CompositionReader()


class CompositionReader(FactReader):
    def __init__(self):
        super().__init__()
        self.nouns = frozenset(self.lex.composition_nouns)
        self.council_member = self.lex.roles[self.lex.council_offices[0]]
        self.body_member = self.lex.roles[self.lex.body_member_role]

    def __call__(self, doc: Doc) -> Doc:
        memberships = doc._.memberships if doc._.memberships is not None else []
        headings = [t.i for t in doc if lemma_set(t) & self.nouns]
        if headings:
            mentions, entities = mention_index(doc), doc._.entities or {}
            said = {(m.person, m.organisation) for m in memberships}
            for i in headings:
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

    @staticmethod
    def _list_after(doc: Doc, i: int) -> tuple[int, int] | None:
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
        while k < len(doc) and (doc[k].is_space or not doc[k].text.strip()):
            k += 1
        end = next((j for j in range(k, len(doc)) if "\n\n" in doc[j].text or "\n\n" in doc[j].whitespace_), len(doc) - 1)
        return (k, end + 1) if k < len(doc) else None

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
