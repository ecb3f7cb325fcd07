"""Offices told by a verb: "Radzie Miasta przewodniczyli: X (1990–1993), Y (1993–2003) i Z", "X przewodniczył
Radzie Gminy". Histories of town councils and societies say who led a body with the verb of the office, not its
noun; the `kronika_presiding` component adds those offices to `doc._.memberships`.

The verb and its office are data (lexicon `presiding_verbs`: "przewodniczyć" → "przewodniczący"). The body is a
named organisation in the dative next to the verb; its holders are the persons after the verb (each dated by the
bracket after its name) when the body comes first, or the subject named before the verb when the body follows.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dates import bracketed_date, bracketed_years
from .facts import FactReader, Membership, finite_verb, mention_index
from .morphology import lemma_set


@Language.factory("kronika_presiding")
def make_presiding(nlp: Language, name: str):
    return PresidingReader()


class PresidingReader(FactReader):
    def __init__(self):
        super().__init__()
        self.verbs = dict(self.lex.presiding_verbs)

    def __call__(self, doc: Doc) -> Doc:
        memberships = doc._.memberships if doc._.memberships is not None else []
        verbs = [t.i for t in doc if lemma_set(t).intersection(self.verbs) and finite_verb(t)]
        if verbs:
            mentions = mention_index(doc)
            said = {(m.person, m.role.label, m.organisation) for m in memberships}
            for i in verbs:
                role = self.lex.roles[self.verbs[min(lemma_set(doc[i]) & self.verbs.keys())]]
                for person, body, date, start, end in self._held(doc, mentions, i):
                    if (person, role.label, body) not in said:
                        said.add((person, role.label, body))
                        sent = doc[i].sent
                        memberships.append(Membership(person, role, body, date,
                                                      self.evidence(sent, start, end, "role-presiding")))
        doc._.memberships = memberships
        return doc

    def _held(self, doc: Doc, mentions, i: int):
        """(person, body, date, evidence start, evidence end) for the verb at i."""
        sent = doc[i].sent
        before = mentions.get(i - 1)
        if before is not None and self._kind(before) == "place" and before.start - 2 >= sent.start \
                and doc[before.start - 1].lower_ in self.locative:
            before = mentions.get(before.start - 2)  # "Radzie Miejskiej w Kutnie przewodniczyli": the body, then its seat
        if before is not None and self._kind(before) == "organisation" and "Dat" in doc[before.start].morph.get("Case"):
            k = i + 1  # "Radzie Miasta przewodniczyli: X (1990–1993), Y …"
            while k < sent.end and (doc[k].text in (":", "–", "-") or doc[k].pos_ in ("ADV", "PART")):
                k += 1
            while k < sent.end and (person := mentions.get(k)) is not None and person.start == k \
                    and self._kind(person) == "person":
                date = bracketed_date(doc, person.end)
                date_text = date._.date if date is not None else bracketed_years(doc, person.end, sent.end) \
                    or self.date_at(sent, (sent.start, sent.end))
                yield person._.entity, before._.entity, date_text, before.start, person.end
                k = person.end
                if k < sent.end and doc[k].text == "(":  # past what the brackets say of the holder
                    k = next((j + 1 for j in range(k + 1, min(sent.end, k + 12)) if doc[j].text == ")"), sent.end)
                if not (k < sent.end and doc[k].lower_ in (",", "i", "oraz", ";")):
                    return
                k += 1
            return
        after = mentions.get(i + 1)
        if after is not None and after.start == i + 1 and self._kind(after) == "organisation":
            subject = next((mentions[k] for k in range(i - 1, max(sent.start, i - 4) - 1, -1)
                            if k in mentions and self._kind(mentions[k]) == "person"), None)
            if subject is not None and not any(finite_verb(doc[k]) for k in range(subject.end, i)):
                yield subject._.entity, after._.entity, self.date_at(sent, (sent.start, sent.end)), subject.start, after.end

    @staticmethod
    def _kind(mention: Span) -> str:
        return (mention._.entity or "").partition(":")[0]
