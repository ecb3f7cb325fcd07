"""Who holds an office a sentence names: the person after it, or before it (an apposition, a name card, an item of a
list), and those coordinated with them ("burmistrzowie X i Y").

The `OfficeHolders` mixin of `RoleReader` (extract/roles.py): it reads the reader's lexicon sets and helpers.
"""


from spacy.tokens import Doc, Span

from .dates import date_ends, date_starts
from .facts import finite_verb, list_number
from .lexicon import Role, lexicon
from .morphology import analyses, lemma_set
from .name_words import DOT_LEADER, cap, place_adjective
from .names import DASHES, role_at, unknown_to_sgjp


CLAUSE_ENDS = frozenset({".", ";", "(", ")"})
ASIDE_WORDS = 8  # "X (nauczyciel, krajoznawca) – skarbnik": the aside on a person before the office is short
NAME_CARD_WORDS = 8  # "Jan X" / "Burmistrz Miasta i Gminy Y": the office's line under the name is short


class OfficeHolders:
    """The persons an office named in a sentence belongs to."""

    def _coordinated(self, doc: Doc, mentions, person: Span, end: int, titled: bool = False) -> list[Span]:
        """Persons joined to this one by "i", "oraz" or commas; `titled`, also those named after an office of their
        own ("X i była prezydent Y Anna Z zostali honorowymi obywatelami": the subjects of the verb after them)."""
        out, k = [], person.end
        glossed = k + 1 < end and doc[k].text == "(" and role_at(doc, k + 1) is not None  # "X (wójt gminy A), Y (…)"
        while True:
            if k < end and doc[k].text == "(":  # "X (dyrektor banku), Y": past what the brackets say of X
                k = next((j + 1 for j in range(k + 1, min(end, k + 15)) if doc[j].text == ")"), end)
            if k + 1 < end and doc[k].lower_ in self.source and (where := mentions.get(k + 1)) is not None \
                    and where.start == k + 1 and where._.base_form in lexicon().country_names:
                k = where.end  # "X i Y z Niemiec oraz Z": past the country X and Y come from (a town may be theirs)
            elif (town := self._town_after_name(doc, mentions, doc._.entities or {}, k, end)) is not None:
                k = town.end  # "X z Kutna oraz Y z Łęczycy": past the town X comes from
            elif (years := date_starts(doc).get(k)) is not None and years.end < end and doc[years.end].text == ",":
                k = years.end  # "prezesi: X 2010-2016 r., Y 2005-2010 r.": past the years X held it
            numbered = list_number(doc, k, end)  # "1. X 2. Y 3. Z"
            if not (k < end and doc[k].lower_ in (",", "i", "oraz", "a") or numbered):
                break
            nxt = self._person_after(doc, mentions, k if numbered else k + 1, end)
            if nxt is None and doc[k].text == "," and (skip := self._unread_name(doc, k + 1, end)) is not None:
                nxt = self._person_after(doc, mentions, skip + 1, end)  # "X, B(olesław) Y, Z": past a name not read
            if nxt is None and titled:
                nxt = self._person_after(doc, mentions, self._past_title(doc, mentions, k + 1, end), end)
            if nxt is None or nxt.end + 1 < end and doc[nxt.end].text in ("(", "–", "—", "-") \
                    and role_at(doc, nxt.end + 1) is not None and not (glossed and doc[nxt.end].text == "("):
                break  # "wikariusze – X, Y i Z (proboszcz)", "radni: X, Y, Z – dyrektor GOK": Z has an office of
                # his own; but "członkami zostali: X (wójt gminy A), Y (burmistrz B)": each glossed alike
            out.append(nxt)
            k = nxt.end
        return out

    def _past_title(self, doc: Doc, mentions, k: int, end: int) -> int:
        """Past an office and the town or body it is of, told before a name ("była prezydent Warszawy", "wójt
        gminy"), from k; k where no office is."""
        j = k
        while j < min(end, k + 2) and doc[j].is_lower and doc[j].pos_ == "ADJ" and role_at(doc, j) is None:
            j += 1  # "była", "ówczesny"
        if j >= end or (office := role_at(doc, j)) is None:
            return k
        j = office[1]
        if (of := mentions.get(j)) is not None and of.start == j and not (of._.entity or "").startswith("person:"):
            j = of.end
        elif j < end and doc[j].is_lower and lemma_set(doc[j]) & self.city_nouns:
            j += 1
        return j

    @staticmethod
    def _unread_name(doc: Doc, k: int, end: int) -> int | None:
        """The comma ending a list item from k of at most six tokens, capitalised and with no verb: a name the rules
        did not read, in a list of names."""
        for j in range(k, min(end, k + 7)):
            if doc[j].text == ",":
                return j if j > k and doc[k].text[:1].isupper() else None
            if finite_verb(doc[j]) or doc[j].lower_ in ("i", "oraz"):
                return None
        return None

    @staticmethod
    def _nominative_plural(doc: Doc, i: int, person: Span | None) -> bool:
        """An office noun whose form is the genitive singular and the nominative plural alike ("zastępcy") is
        plural when the name after it is written in the nominative: "zastępcy burmistrza X i Y" are two deputies,
        "zastępcy burmistrza X-a" one."""
        return person is not None and person.start > i and person.text == person._.base_form and any(
            "pl" in a.numbers and "nom" in a.cases for a in analyses(doc[i]) if a.pos == "subst") and not any(
            "sg" in a.numbers and "nom" in a.cases for a in analyses(doc[i]) if a.pos == "subst")

    @staticmethod
    def _plural_of_office(token, role: Role) -> bool:
        """The office noun's every reading as that office is plural, though a word of its own form is chosen:
        "posłowie" (plural of "poseł", and "posłowie", an afterword)."""
        readings = [a for a in analyses(token) if a.pos == "subst" and a.lemma == role.label]
        return bool(readings) and all(a.numbers == {"pl"} for a in readings)

    def _co_holders(self, doc: Doc, mentions, sent: Span, person: Span, i: int, rule: str, after_dash: bool) -> list[Span]:
        """The others holding an office named in the plural with this person: those after the office ("wiceprezesami
        X i Y"), or, after a dash or a comma and in a form only the plural has, those before ("A, B i C – członkowie
        Zarządu", "A i B, radni Rady X");
        none for an office in apposition otherwise ("X, Y (Przewodniczący Rady), Z": Y's alone)."""
        if rule != "role-apposition" or person.end > i:
            return self._coordinated(doc, mentions, person, sent.end, titled=rule == "role-copula" and person.end <= i)
        before = doc[self._before_role(doc, i, sent.start)].text
        if (after_dash and before != "(" or before == ",") and self._plural_only(doc[i]) \
                or after_dash and before != "(" and self._plural_reading(doc[i]):
            return self._coordinated_before(doc, mentions, person, sent.start)  # "A i B, radni Rady X": both; "A i
        return []  # B – zastępcy burmistrza X": after a dash the form the genitive singular shares is the plural

    @staticmethod
    def _plural_reading(token) -> bool:
        """The office noun can be the nominative plural and not the nominative singular ("zastępcy", not
        "dyrektor")."""
        nouns = [a for a in analyses(token) if a.pos == "subst"]
        return any("pl" in a.numbers and "nom" in a.cases for a in nouns) \
            and not any("sg" in a.numbers and "nom" in a.cases for a in nouns)

    @staticmethod
    def _plural_only(token) -> bool:
        """A form only the plural has ("członkowie", "radni"), not one the singular shares ("zastępcy")."""
        return not any("sg" in a.numbers for a in analyses(token) if a.pos in ("subst", "adj"))

    @staticmethod
    def _coordinated_before(doc: Doc, mentions, person: Span, start: int) -> list[Span]:
        """Persons joined to this one by commas, "i" or "oraz" before it: "A, B i C – członkowie Zarządu": each of
        them holds the office in the plural after the last."""
        out, k = [], person.start - 1
        while k - 1 >= start and doc[k].lower_ in (",", "i", "oraz"):
            m = mentions.get(k - 1)
            if m is None or not m._.entity or not m._.entity.startswith("person:"):
                break
            out.insert(0, m)
            k = m.start - 1
        return out

    def _before_role(self, doc: Doc, i: int, start: int) -> int:
        """The token before the role at `i` and its qualifiers ("były", "II"), and, after a dash or comma, before
        the time the office is held from and adverbs ("X – od 1997 r. nieprzerwanie wójt gminy Y")."""
        j = i - 1
        while j >= start and (lemma_set(doc[j]) & self.qualifiers or doc[j].text in self.ordinals or doc[j].is_space
                              or doc[j].is_lower and place_adjective(doc[j])):
            j -= 1  # "X –\n    Dyrektor Szkoły": a line broken after the dash; "X – lubuski komendant": the unit's
        if j - 2 >= start and lemma_set(doc[j]) & self.office_nouns and doc[j - 1].lower_ in ("z", "ze") \
                and lemma_set(doc[j - 2]) & self.leaving_verbs:
            j -= 3  # "X – odwołany z urzędu proboszcza Y": the office X held until then
        k = j
        ends = date_ends(doc)
        while k >= start and (doc[k].is_lower and any(a.pos == "adv" for a in analyses(doc[k])) or k + 1 in ends):
            if k + 1 in ends:
                k = ends[k + 1].start - 1
                k -= k >= start and doc[k].lower_ in self.date_prepositions
            else:
                k -= 1
        return k if k < j and k >= start and doc[k].text in ("–", "—", "-", ",") else j

    def _qualifying(self, doc: Doc, k: int) -> bool:
        """ "były" of "były przewodniczący": a qualifier of the office after it, not the verb "być"."""
        return bool(lemma_set(doc[k]) & self.qualifiers) and k + 1 < len(doc) and role_at(doc, k + 1) is not None

    @staticmethod
    def _may_be_subject(person: Span) -> bool:
        """The person's name may stand in the nominative: its first word has a nominative reading or none known."""
        readings = analyses(person[0])
        return not readings or any("nom" in a.cases or not a.cases for a in readings)

    @staticmethod
    def _verb(t) -> bool:
        """A verb's form ("był", "wybrano", "zostać"), not a participle qualifying an office ("nowo wybrany
        burmistrz")."""
        return finite_verb(t) or any(a.pos in ("inf", "impt") for a in analyses(t))

    def _passive(self, doc: Doc, k: int, end: int) -> bool:
        """ "została przekazana grafika", "zostanie złożony wniosek", "byli obecni": "być" or "zostać" at k makes a
        passive with the participle after it or takes an adjective, no copula of the office named later; but "został
        mianowany X-em" (a copula's own participle), "został uhonorowany tytułem X" (a title conferred) and "była
        przewodniczącą" (an office) are."""
        while k + 1 < end and analyses(doc[k + 1]) and all(a.pos == "adv" for a in analyses(doc[k + 1])):
            k += 1  # "został pośmiertnie odznaczony przez Prezydenta": past the adverb
        readings = analyses(doc[k + 1]) if k + 1 < end else []
        return bool(readings) and all(a.pos in ("ppas", "adj") for a in readings) \
            and not lemma_set(doc[k + 1]) & self.copulas and role_at(doc, k + 1) is None \
            and not (k + 2 < end and lemma_set(doc[k + 2]) & self.office_nouns)

    def _body_before_dash(self, doc: Doc, mentions, i: int, start: int) -> Span | None:
        """ "w imieniu Gminy X – starosta – Y": the dash follows a body, so the role is the next person's, of that body."""
        before = mentions.get(self._before_role(doc, i, start) - 1)
        return before if before is not None and not before._.entity.startswith("person:") else None

    def _past_genitive_qualifier(self, doc: Doc, i: int, end: int) -> int:
        """Past at most three lower-case nouns and adjectives in the genitive from i ("strony polskiej"), or a board's
        noun however written ("Prezesem Zarządu wybrany został X")."""
        k = i
        while k < end and k - i < 3 and (doc[k].is_lower or k == i and lemma_set(doc[k]) & self.board_nouns) \
                and doc[k].is_alpha and any(
                a.pos in ("subst", "adj") and "gen" in a.cases for a in analyses(doc[k])) \
                and not any(a.pos in ("fin", "praet", "prep", "conj") for a in analyses(doc[k])):
            k += 1
        return k

    def _after_dash(self, doc: Doc, i: int, start: int) -> bool:
        """ "X – burmistrz", "X - burmistrz", "X -Burmistrz" (a hyphen spaced on a side or glued to a capitalised
        office: "X-Burmistrz"), "X (burmistrz)"; not
        after a common word, where the dash or bracket opens a list of officers ("szefowie obu powiatów – starosta
        X i Y", "2 opiekunów (dyrektor szkoły X i …)"), nor as the sentence's first word, a bullet ("- Wójt gminy X Y")."""
        j = self._before_role(doc, i, start)
        spaced = doc[j].text == "-" and (doc[j].whitespace_ or j > 0 and doc[j - 1].whitespace_
                                         or j + 1 == i and doc[i].text[:1].isupper())  # "X-Dyrektor" (tokenizer.py)
        return j > start and (doc[j].text in ("–", "—", "(") or spaced or DOT_LEADER.fullmatch(doc[j].text)) \
            and not (j > start and doc[j - 1].is_lower and doc[j - 1].is_alpha)

    @staticmethod
    def _item_head_before(doc: Doc, mentions, i: int, sent: Span, person: Span | None) -> Span | None:
        """In a list of items "Name – office, office, Name – office", an office after a comma whose next person
        opens an item of their own (a dash after the name) is the office of the person who opened this item."""
        if person is None or person.start < 2 or doc[person.start - 1].text != "," or person.end + 1 >= sent.end \
                or doc[person.end].text not in ("–", "—", "-") or i - 1 <= sent.start \
                or doc[i - 1].text != "," and doc[i - 1].lower_ not in ("oraz", "i"):
            return None
        named = [m for m in mentions.values() if sent.start <= m.start and m.end <= i and m._.entity
                 and m._.entity.startswith("person:")]
        head = max(named, key=lambda m: m.start, default=None)
        if head is None or head.end >= sent.end or doc[head.end].text not in ("–", "—", "-"):
            return None
        return head if not any(doc[k].text in ("–", "—", "-", ";") for k in range(head.end + 1, i)) else None

    def _person_before(self, doc: Doc, mentions, i: int, start: int, depth: int = 1) -> Span | None:
        """ "X, ówczesny burmistrz", "X – rektor UMK", "X (burmistrz)", and one apposition further:
        "X, radny Anagni, późniejszy przewodniczący Rady"."""
        j = self._before_role(doc, i, start)
        if j - 1 >= start and doc[j].lower_ == "jako":
            k = j - 1 - 2 * (j - 3 >= start and bool(lemma_set(doc[j - 1]) & self.relatives) and doc[j - 2].text == ",")
            if (m := mentions.get(k)) is not None and (m._.entity or "").startswith("person:"):
                return m  # "X jako burmistrz Y podpisał", "X, który jako burmistrz Y otwierał wystawę": X's office
        if j == i - 1 >= start and doc[i].text[:1].isupper() and not doc[i].is_upper \
                and (m := mentions.get(j)) is not None and m._.entity and m._.entity.startswith("person:"):
            return m  # "Gości przywitał Jan Lis Burmistrz Lipnika": official style, the office capitalised, no comma
        noun = doc[i + 1] if i + 1 < len(doc) and lemma_set(doc[i]) & self.role_prefixes else doc[i]  # "w-ce konsul"
        if j == i - 1 >= start and doc[i].is_lower and (m := mentions.get(j)) is not None and m._.entity \
                and m._.entity.startswith("person:") and self._same_case(doc[m.end - 1], noun):
            return m  # "podpisali: …, Anna Lis przewodnicząca Rady Miasta": in a list, no comma either
        if start <= j < i - 1 and doc[j + 1].is_lower and (m := mentions.get(j)) is not None and m._.entity \
                and m._.entity.startswith("person:"):
            return m  # "Jan Lis obecny burmistrz Lipnika": a qualifier opens the apposition, no comma
        if j >= start and doc[j].text == "," and doc[i].morph.get("Case") == ["Ins"] \
                and not self._instrumental_apposition(doc, mentions, mentions.get(j - 1), i, start):
            return None  # "prezesem był X, sekretarzem Y": a role in the instrumental is no apposition to X
        if j >= start and (doc[j].text == "," or self._after_dash(doc, i, start)):
            j -= 1 + (j - 1 >= start and (doc[j - 1].text == "," and DOT_LEADER.fullmatch(doc[j].text) is not None
                                          or doc[j].text == "," and DOT_LEADER.fullmatch(doc[j - 1].text) is not None))
            if j > start and doc[j].text == ")" and doc[j + 1].text != ",":
                j = self._before_aside(doc, j, start)  # "X (botanik) – zastępca": past an aside on the person
            m = mentions.get(j)  # "Jan KRUK, ...... prezes", "Anna SOWA.......,skarbnik": past the comma and the dots
            if m is not None and m.start - 2 >= start and doc[m.start - 1].lower_ in self.residence_words:
                m = mentions.get(m.start - 2)  # "Anna X zam. Lipno – sołtys": where the person lives, then the office
            if m is not None and m._.entity and m._.entity.startswith("person:"):
                return None if doc[j + 1].text == "," and self._list_of_offices_first(doc, mentions, m, start) else m
            if depth and m is not None:  # the complement of another role in apposition
                k = next((k for k in range(m.start - 1, max(start, m.start - 5) - 1, -1)
                          if (r := role_at(doc, k)) is not None and r[1] <= m.start
                          and all(doc[x].is_lower and doc[x].is_alpha for x in range(r[1], m.start))), None)
                # "X, poseł do parlamentu Y, były burmistrz Z": the complement past a preposition too
                if k is not None:
                    return self._person_before(doc, mentions, k, start, depth - 1)
            if depth and m is None:  # "X – ordynariusz diecezji lipnickiej, członek Y": a complement in lower case
                k = next((k for k in range(j - 1, max(start, j - 5) - 1, -1) if (r := role_at(doc, k)) is not None
                          and all(doc[x].is_lower and doc[x].is_alpha for x in range(r[1], j + 1))), None)
                if k is not None:
                    return self._person_before(doc, mentions, k, start, depth - 1)
        if depth and j - 1 >= start and doc[j].lower_ in ("i", "oraz") and (m := mentions.get(j - 1)) is not None \
                and m._.entity and not m._.entity.startswith("person:"):
            # "X, mera Y i przewodniczącego Związku Z": a second office joined to the complement of one in apposition
            k = next((k for k in range(m.start - 1, max(start, m.start - 3) - 1, -1)
                      if (r := role_at(doc, k)) is not None and r[1] == m.start), None)
            if k is not None:
                return self._person_before(doc, mentions, k, start, depth - 1)
        if depth and j - 1 >= start and doc[j].lower_ in ("i", "oraz") and mentions.get(j - 1) is None:
            # "X, były starosta i obecny radny powiatu", "X, starosta poprzedniej kadencji i radny": a second office
            # joined to one in apposition whose complement, if any, is in lower case; both in the singular (not
            # "X, radni oraz dyrektorka szkoły": a list of those present)
            k = next((k for k in range(j - 1, max(start, j - 5) - 1, -1) if (r := role_at(doc, k)) is not None
                      and r[1] <= j and all(doc[x].is_lower and doc[x].is_alpha for x in range(r[1], j))), None)
            if k is not None and "Plur" not in doc[k].morph.get("Number") + doc[i].morph.get("Number") \
                    and (m := self._person_before(doc, mentions, k, start, depth - 1)) is not None:
                return m
        return (self._lead_person(doc, mentions, i, start) or self._name_line_before(doc, mentions, i, start)) \
            if depth else None

    @staticmethod
    def _before_aside(doc: Doc, close: int, start: int) -> int:
        """The token before a short bracket of common words closing at `close` ("X (lekarz i społecznik) –
        przewodniczący": what the person is, no office), or `close` itself."""
        opening = next((k for k in range(close - 1, max(start, close - ASIDE_WORDS) - 1, -1) if doc[k].text == "("), None)
        if opening is None or opening <= start or any(role_at(doc, k) is not None or cap(doc[k]) and k > opening + 1
                                                      for k in range(opening + 1, close)):
            return close
        return opening - 1

    def _name_line_before(self, doc: Doc, mentions, i: int, start: int) -> Span | None:
        """ "Jan X" / "Wójt Gminy Y": a short line opened by an office, no verb and no name in it, under a line
        that is a person's name alone (a page's card of an official): that person's office."""
        first = next((k for k in range(start, i + 1) if not doc[k].is_space), i)
        sent = doc[i].sent
        if first != i or not doc[i].text[:1].isupper() or "\n" not in sent.text \
                or len([t for t in sent if not t.is_space]) > NAME_CARD_WORDS \
                or any(finite_verb(t) or (m := mentions.get(t.i)) is not None and (m._.entity or "").startswith("person:")
                       for t in sent):
            return None
        k = start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or "\n" not in doc[k].whitespace_ + doc[k + 1:start].text:
            return None  # the name on a line of its own
        line = doc[k].sent
        words = [t for t in line if not t.is_space]
        person = mentions.get(words[0].i) if words else None
        return person if person is not None and (person._.entity or "").startswith("person:") \
            and person.start == words[0].i and person.end == words[-1].i + 1 else None

    def _lead_person(self, doc: Doc, mentions, i: int, start: int) -> Span | None:
        """ "Jan X (ur. 1950 w Y) – polski samorządowiec, radny i burmistrz Z, członek Partii W": an encyclopaedia's
        lead sentence, whose offices after the dash, with no verb or other person's name before them, are those of
        the person it opens with."""
        k = start
        while k < i and doc[k].is_space:
            k += 1
        person = mentions.get(k)
        if person is None or person.start != k or not (person._.entity or "").startswith("person:"):
            return None
        k = person.end
        if k < i and doc[k].text == "(":
            k = next((j + 1 for j in range(k + 1, i) if doc[j].text == ")"), i)
        if k >= i or doc[k].text not in DASHES or not doc[k].whitespace_:
            return None
        if any(finite_verb(t) or t.text in CLAUSE_ENDS and t.text not in "()" or (m := mentions.get(t.i)) is not None
               and (m._.entity or "").startswith("person:") for t in doc[k + 1:i]) \
                or not any("nom" in a.cases for a in analyses(doc[i])):
            return None  # "– polski poeta, syn burmistrza Z": not an office of X's; nor past another person's name
        return person

    def _list_of_offices_first(self, doc: Doc, mentions, person: Span, start: int) -> bool:
        """ "burmistrz A, X, burmistrz B, Y, oraz burmistrz C, Z": a list whose items give the office first, then the
        holder, so the office after X is the next holder's; not "X, burmistrz A, Y, burmistrz B", whose items give
        the holder first."""
        while True:
            office = self._office_ending_at(doc, mentions, person.start - 1, start)
            if office is None:
                return False
            k = office - 1 - (office - 1 >= start and doc[office - 1].text in (",", "–", "—", "-"))
            before = mentions.get(k) if k >= start else None  # "X, burmistrz A, Y", "X – burmistrz A, Y", "X
            # Burmistrza A, Y": the holder first
            if before is None or not (before._.entity or "").startswith("person:"):
                return True
            person = before

    def _office_ending_at(self, doc: Doc, mentions, comma: int, start: int) -> int | None:
        """Where an office (its noun and its body) begins that ends at the comma at `comma`, or None."""
        if comma <= start or doc[comma].text != ",":
            return None
        for k in range(comma - 1, max(start, comma - 7) - 1, -1):
            if doc[k].text in ",;:–—" or (m := mentions.get(k)) is not None and (m._.entity or "").startswith("person:"):
                return None
            if (office := role_at(doc, k)) is not None and office[1] <= comma:
                return k
        return None

    def _instrumental_apposition(self, doc: Doc, mentions, person: Span | None, i: int, start: int) -> bool:
        """A role in the singular instrumental after a person named in the instrumental ("z Janem Lisem, Burmistrzem
        Lipnika"), by the name's own forms or, for a foreign name SGJP does not know, by the preposition before it
        ("z Giorgim Abaszydze"); not a list's next item, whose holder follows ("z X, zastępcą dyrektora – Y")."""
        if person is None or not (person._.entity or "").startswith("person:") or doc[i].morph.get("Number") != ["Sing"]:
            return False
        k = i + 1
        while k < len(doc) and doc[k].text not in (",", ";", ".") and not doc[k].is_sent_start:
            if (m := mentions.get(k)) is not None and (m._.entity or "").startswith("person:"):
                return False
            k += 1
        if any("inst" in a.cases for t in person for a in analyses(t) if a.pos == "subst"):
            return True
        k = self._before_honorifics(doc, person.start - 1, start)
        return k >= start and doc[k].lower_ in self.instrumental_prepositions

    @staticmethod
    def _same_case(name, role) -> bool:
        """A surname and a role noun after it that can be in one case ("Anna Lis przewodnicząca"), not "z Anną
        Lis przewodnicząca …": the role opens a clause of its own."""
        cases = {c for a in analyses(name) if a.pos == "subst" for c in a.cases}
        return bool(cases & {c for a in analyses(role) if a.pos in ("subst", "adj") for c in a.cases}) \
            or unknown_to_sgjp(name) and "nom" in {c for a in analyses(role) for c in a.cases}

    def _before_honorifics(self, doc: Doc, k: int, start: int) -> int:
        """The token at or before k that is no honorific ("…, Pani X": the comma)."""
        while k > start and self.honorific(doc[k]):
            k -= 1
        return k

    def _genders(self, possessive) -> frozenset[str]:
        """ "jego" → {Masc, Neut}, "jej" → {Fem}: the genders its antecedent may have."""
        return frozenset(self.possessive_genders.get(possessive.lower_, ()))
