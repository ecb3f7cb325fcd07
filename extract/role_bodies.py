"""Whose office it is: the body or town an office belongs to where no name follows the office ("delegacja X na czele z
burmistrzem Y", "Gminę X reprezentował wójt Y", "dyrektora muzeum": the museum named before).

The `OfficeBodies` mixin of `RoleReader` (extract/roles.py): it reads the reader's lexicon sets and helpers.
"""


from spacy.tokens import Doc, Span

from .facts import finite_verb, most_named_body
from .lexicon import Role, lexicon
from .morphology import analyser, analyses, lemma_set
from .names import fold, generic_organisation, role_at, stems
from .role_holders import CLAUSE_ENDS


TOPIC_SENTENCES = 2  # how far back the body a paragraph is about may have been named
LIST_REACH = 40  # how many words a list of officers may hold between "reprezentowali" and an office in it


class OfficeBodies:
    """The body or town of an office, told by the sentence around it."""

    def _town_before_name(self, doc: Doc, mentions, entities, k: int, end: int) -> Span | None:
        """The town after "z" right after a municipal office and before its holder's name: "radny z X Jan Y"."""
        if k + 2 >= end or doc[k].lower_ not in ("z", "ze"):
            return None
        town = self._mention_at(mentions, k + 1, ("place",))
        return town if town is not None and town.start == k + 1 and not self.not_town(entities[town._.entity]) \
            and self._mention_at(mentions, town.end, ("person",)) is not None else None

    def _joined_office_town(self, doc: Doc, mentions, first: Role, k: int) -> Span | None:
        """The town after a second municipal office joined to the one ending at k ("radny i burmistrz X"), else None."""
        if k + 1 >= len(doc) or doc[k].lower_ not in ("i", "oraz") or (second := role_at(doc, k + 1)) is None \
                or not second[0].municipal or first.label not in self.council_offices \
                and self.unit_of_role.get(first.label, "gmina") != self.unit_of_role.get(second[0].label, "gmina"):
            return None  # "starosta i burmistrz X": a county's office and a town's
        town = self._mention_at(mentions, second[1], ("place",))
        return town if town is not None and town.start == second[1] else None

    def _place_of_unit(self, doc: Doc, mentions, entities, start: int, i: int, unit: str | None) -> Span | None:
        """ "umowę między gminą X a miastem Y podpisali wójt A i burmistrz B": of two places named before an
        office, its own unit's ("wójt" is of a gmina) is the one the office is of; not one whose seat is only
        where it happened ("w siedzibie Powiatu X starosta Y")."""
        if unit is None:
            return None
        for j in range(i - 1, start, -1):
            m = mentions.get(j)
            if m is not None and m.start == j and m._.entity and not self._where(doc, m) and (
                    (m._.entity.startswith("place:") or entities[m._.entity].head == unit)
                    and unit in lemma_set(doc[j - 1])
                    or m._.entity.startswith("organisation:") and len(m) > 1 and unit in lemma_set(doc[j])):
                return m  # "gminą X" (a place, or the town as its unit "Gmina X"), or the body named by its unit:
                # "delegacja Gminy X na czele z wójtem Y"
        return None

    def _body_after_subject(self, doc: Doc, mentions, k: int, end: int) -> Span | None:
        """A body named after "w" past the lower-case words in the genitive that tell an office's subject
        ("nauczyciel historii w Gimnazjum X", "kierownik działu zbiorów w Muzeum Y"), else None."""
        j = k
        while j < min(end, k + 3) and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ not in self.locative \
                and any("gen" in a.cases for a in analyses(doc[j]) if a.pos in ("subst", "adj")):
            j += 1
        if j == k or j + 1 >= end or doc[j].lower_ not in self.locative:
            return None
        body = self._mention_at(mentions, j + 1, ("organisation",))
        return body if body is not None and body.start == j + 1 else None

    def _body_after_name(self, doc: Doc, mentions, entities, k: int, end: int) -> Span | None:
        """A body (no town nor unit) named right after "z" after a person named before k ("dyrektor X z Muzeum Y")."""
        if not (k + 1 < end and doc[k].lower_ in self.source):
            return None
        body = mentions.get(k + 1)
        entity = entities.get(body._.entity) if body is not None and body.start == k + 1 and body._.entity else None
        return body if entity is not None and entity.kind == "organisation" and not entity.also_place else None

    def _town_after_name(self, doc: Doc, mentions, entities, k: int, end: int) -> Span | None:
        """The town a person named just before k comes from: "z Kutna", "ze Złocieńca", "z gminy X" (a place, or a
        town or gmina acting as a body), not a country ("z Niemiec") nor a river."""
        if not (k + 1 < end and doc[k].lower_ in self.source):
            return None
        n = k + 1 + (k + 2 < end and k + 1 not in mentions and bool(lemma_set(doc[k + 1]) & self.city_nouns))
        town = mentions.get(n)
        entity = entities.get(town._.entity) if town is not None and town.start == n and town._.entity else None
        if entity is None or self.not_town(entity) or town._.base_form in lexicon().country_names:
            return None
        return town if entity.kind == "place" or entity.also_place and entity.head in self.city_nouns else None

    def _towns_and_holders(self, doc: Doc, mentions, entities, k: int, end: int,
                           in_sentence: bool = False) -> list[tuple[Span, Span]]:
        """(town, person) for each item of a list from k that names a town and then its officer ("X-a Jana Y, Z-a
        Adama W oraz V-a Piotra U"); none unless every item does. `in_sentence`: the items go on in the sentence
        after an office in the plural, a unit or a body for the town ("marszałkowie województwa opolskiego Jan X i
        lubuskiego Piotr Y podpisali")."""
        pairs = []
        while k < end:
            town = mentions.get(k)
            if town is None or town.start != k or (e := entities.get(town._.entity)) is None \
                    or not (e.kind in ("place", "organisation") if in_sentence else e.kind == "place" and not self.not_town(e)):
                return []
            holder = self._mention_at(mentions, town.end, ("person",))
            if holder is None:
                return []
            pairs.append((town, holder))
            k = holder.end
            if k < end and doc[k].lower_ in (",", "i", "oraz"):
                k += 1
            elif k < end and doc[k].text not in (".", ";") and not in_sentence:
                return []
            else:
                break
        return pairs

    def _respective_holders(self, doc: Doc, mentions, k: int, end: int) -> list[tuple[Span, Span]]:
        """(body, person) for two bodies or towns joined by "i" or "oraz" from k and the two persons joined after
        them, each the holder of the office in the plural before them, in turn; none otherwise."""
        first = self._mention_at(mentions, k, ("organisation", "place"))
        if first is None or first.start != k or first.end + 1 >= end or doc[first.end].lower_ not in ("i", "oraz"):
            return []
        second = self._mention_at(mentions, first.end + 1, ("organisation", "place"))
        if second is None or second.start != first.end + 1 or second._.entity == first._.entity:
            return []
        holder = self._person_after(doc, mentions, second.end + (second.end < end and doc[second.end].text == ":"), end)
        others = self._coordinated(doc, mentions, holder, end) if holder is not None else []
        return list(zip((first, second), (holder, others[0]))) if len(others) == 1 else []

    def _council_before(self, doc: Doc, mentions, entities, i: int) -> str | None:
        """The town's, gmina's or county's council named last before i."""
        for k in range(i - 1, -1, -1):
            m = mentions.get(k)
            if m is not None and m.start == k and (e := entities.get(m._.entity)) is not None and self.is_council(e):
                return m._.entity
        return None

    def _unit_named_before(self, doc: Doc, mentions, entities, i: int) -> Span | None:
        """ "Burmistrza tej Gminy", "burmistrz tego miasta": the last town or unit the text named before i."""
        for k in range(i - 1, -1, -1):
            m = mentions.get(k)
            if m is not None and m.start == k and (entity := entities.get(m._.entity)) is not None \
                    and (entity.kind == "place" and not self.not_town(entity) or entity.also_place):
                return m
        return None

    def _unit_or_office(self, entity) -> bool:
        """A territorial unit or a body of one ("Gmina X", "Urząd Miasta", "Rada Gminy"): where a town's office is."""
        return entity is None or entity.also_place or entity.head in self.territorial \
            or generic_organisation(entity.name)

    def _town_headed(self, doc: Doc, mentions, entities, i: int, start: int) -> Span | None:
        """The town named right before "na czele z" and the office at i ("delegacja X na czele z burmistrzem Y")."""
        k = i - 4
        if k < start or doc[i - 1].lower_ not in ("z", "ze") or doc[i - 2].lower_ != "czele" or doc[i - 3].lower_ != "na":
            return None
        town = mentions.get(k)
        entity = entities.get(town._.entity) if town is not None and town.end == k + 1 else None
        return town if entity is not None and entity.kind == "place" and not self.not_town(entity) else None

    def _represented_before(self, doc: Doc, start: int, j: int) -> bool:
        """A verb of representing before j in the sentence: the clause after j leaves it out."""
        return any(lemma_set(doc[k]) & self.representing_verbs for k in range(start, j))

    def _body_with(self, doc: Doc, mentions, i: int, start: int) -> Span | None:
        """The organisation named right before "z" and the office at i ("Związek X w Y z prezesem Z"): the body
        the officer heads."""
        k = i - 1
        if k - 1 < start or doc[k].lower_ not in ("z", "ze") or (m := mentions.get(k - 1)) is None:
            return None
        if m.start - 2 >= start and doc[m.start - 1].lower_ in self.locative and (body := mentions.get(m.start - 2)) \
                is not None and body._.entity.startswith("organisation:"):
            m = body  # the body's seat after it ("Szkoły Podstawowej w X z wicedyrektorem Y")
        return m if m._.entity.startswith("organisation:") else None

    def _both_towns(self, doc: Doc, k: int, end: int) -> bool:
        """ "burmistrzowie obu miast": an office of the two towns the text has last named together."""
        return k + 1 < end and doc[k].lower_ in self.dual_words and bool(lemma_set(doc[k + 1]) & self.town_nouns)

    def _respective(self, doc: Doc, mentions, entities, start: int, i: int, n: int, units: bool = False) -> list[Span]:
        """The towns of the last coordinated list of towns before i ("gminami A i B", "miast A, B oraz C"), in order,
        whose offices n coordinated persons hold respectively; none when that list names another number. With
        `units`, towns named as bodies count too ("między Gminą A a Gminą B … burmistrzowie obu miast")."""
        runs: list[list[Span]] = [[]]
        k = i - 1
        while k >= start:
            m = mentions.get(k)
            if m is not None and m._.entity in entities and (entities[m._.entity].kind == "place" or units and entities[
                    m._.entity].also_place) and not self.not_town(entities[m._.entity]):  # "Gminą X": the town
                run = runs[-1]
                if run and not all(doc[j].lower_ in (",", "i", "oraz", "a") for j in range(m.end, run[0].start)):
                    runs.append(run := [])  # something else between two towns: another list
                run.insert(0, m)
                k = m.start - 1
            else:
                k -= 1
        towns = next((run for run in runs if len(run) >= 2), [])
        return towns if len(towns) == n and len({t._.entity for t in towns}) == n else []

    def _represented_side(self, doc: Doc, mentions, i: int, start: int, municipal: bool = False) -> Span | None:
        """The side the officer at `i` represents: right after "reprezentowaną przez", the body or town named before
        the verb, past the country it lies in ("Gminą X na Ukrainie reprezentowaną przez Mera Y"); later in a list
        of its officers, the body or town named just before the verb ("X był reprezentowany przez prezesa Y,
        wiceprezesa Z", "Ambasadę RP reprezentowali …"), not a country and not where ("miasto w X reprezentuje").
        A body's town after it is the body's, unless the office is a town's (`municipal`)."""
        for j in range(i - 1, max(start, i - LIST_REACH) - 1, -1):
            if doc[j].text in CLAUSE_ENDS:
                return None
            named_at = j + 1 + (j + 2 < i and doc[j + 1].is_lower and bool(lemma_set(doc[j + 1]) & self.town_nouns))
            side = mentions.get(named_at)
            if side is not None and (doc[j].lower_ == "a" and j - 1 >= start and doc[j - 1].text == ","
                                     or doc[j].text == "," and side.end == i) \
                    and side.start == named_at and side.end <= i \
                    and (side._.entity or "").startswith(("organisation:", "place:")) \
                    and side._.base_form not in lexicon().country_names and self._represented_before(doc, start, j):
                return side  # "Gminę X reprezentował burmistrz Y, a gminę Z zastępca burmistrza W" (or ", miasto Z
                # burmistrz W"): the verb left out
            if lemma_set(doc[j]) & self.representing_verbs and j == i - 2 and doc[i - 1].lower_ == "przez":
                side = self._antecedent(doc, mentions, j, start)
                while side is not None and side._.base_form in lexicon().country_names:
                    side = self._antecedent(doc, mentions, side.start, start)
                if not municipal and side is not None and side.start - 2 >= start \
                        and doc[side.start - 1].lower_ in self.locative \
                        and (body := mentions.get(side.start - 2)) is not None and body.end == side.start - 1 \
                        and (body._.entity or "").startswith("organisation:"):
                    side = body  # "Szkołą Podstawową w X reprezentowaną przez dyrektor Y": the school, in its town
                return side
            if lemma_set(doc[j]) & self.representing_verbs:
                k = j - 1
                while k >= start and lemma_set(doc[k]) & self.copulas:
                    k -= 1  # "był reprezentowany", "reprezentowana była"
                side = mentions.get(k) if k >= start else None
                if side is None or side.end != k + 1 or not (side._.entity or "").startswith(("organisation:", "place:")) \
                        or side._.base_form in lexicon().country_names \
                        or side.start > start and doc[side.start - 1].lower_ in self.locative:
                    return None
                return side
            if j not in mentions and role_at(doc, j) is None and finite_verb(doc[j]):
                return None  # another clause's verb
        return None

    def _body_of_board(self, key: str, entities) -> str | None:
        """ "Zarząd Towarzystwa X" → the society the text names on its own: the board's officers and members are
        the body's; "Zarząd Koła", "Zarząd Oddziału": the one body of that head the text names ("Koło Łowieckie
        X", "Oddział PTTK Y")."""
        board = entities.get(key)
        if board is None or board.kind != "organisation" or not board.name.split() \
                or not analyser().lemma_set(board.name.split()[0]) & self.board_nouns:
            return None
        words = board.name.split()[1:]
        named = stems(" ".join(words))
        for other_key, other in entities.items():
            if other_key != key and other.kind == "organisation" and not other.also_place and len(words) >= 2 \
                    and stems(other.name) == named:
                return other_key
        if len(words) >= 2:  # "Zarząd Klubu LOK „X”": of "Klub Strzelecki LOK „X”", the one body of that head whose
            # name holds every later word of the board's (as the text shortens it)
            head = analyser().lemma_set(words[0]) & self.organisation_heads
            fuller = [k for k, o in entities.items() if k != key and o.kind == "organisation" and not o.also_place
                      and o.head in head and set(fold(" ".join(words[1:])).split()) <= set(fold(o.name).split())]
            if len(fuller) == 1:
                return fuller[0]
        heads = analyser().lemma_set(board.name.split()[1]) & self.organisation_heads if len(words) == 1 else set()
        if heads and not heads & self.territorial:
            bodies = [k for k, o in entities.items() if k != key and o.kind == "organisation" and not o.also_place
                      and o.head in heads]
            if len(bodies) == 1:
                return bodies[0]
            counts = sorted(((len(entities[k].mentions), k) for k in bodies), reverse=True)
            if len(counts) > 1 and counts[0][0] >= 2 and counts[0][0] > counts[1][0]:
                return counts[0][1]  # "Zarząd Koła": of the circle the text is about, named most, not of the others
                # it names once ("połączyło się z Kołem nr 5")
        return None  # "Zarząd Powiatu X" stays the county's board: the unit is a body of its own

    def _topic(self, doc: Doc, mentions, sent: Span, i: int) -> Span | None:
        """The organisation the paragraph is about: the last one named before the role at i, in its
        sentence or the two before ("założenie Towarzystwa X; prezesem został Y"), not counting the lines of a
        list and its heading ("Skład zarządu tworzą:" / "Prezes: A" / "Skarbnik: B"); a body, not a town acting
        as one ("mieszkańcy Gminy X")."""
        start, told = sent.start, 0
        while told < TOPIC_SENTENCES and start > 0:
            start = doc[start - 1].sent.start
            told += not self._list_line(doc[start].sent)
        found = self._antecedent(doc, mentions, i, start, ("organisation",))
        while found is not None and (self._where(doc, found) or self._is_town(doc, found)):
            found = self._antecedent(doc, mentions, found.start, start, ("organisation",))
        if found is None and (office := role_at(doc, i)) is not None and office[1] < sent.end \
                and lemma_set(doc[office[1]]) & self.board_nouns and office[1] not in mentions:
            found = most_named_body(doc, doc._.entities or {}, standing_out=True)  # "Prezesem Zarządu wybrany
            # został X": the board of the body the text is about, however far back it was named
        return found

    @staticmethod
    def _list_line(sent: Span) -> bool:
        """A list's heading ("…tworzą:") or a line of it ("Skarbnik: Anna Lis")."""
        words = sent.text.strip()
        return words.endswith(":") or ":" in words and len(sent) <= 8 and "\n" in sent.text

    def _is_town(self, doc: Doc, mention: Span) -> bool:
        entity = (doc._.entities or {}).get(mention._.entity)
        return entity is not None and entity.also_place and entity.head in self.city_nouns

    def _where(self, doc: Doc, mention: Span) -> bool:
        """ "w sali posiedzeń Rady Miejskiej", "w siedzibie Urzędu": a body named as the owner of the room or
        building where something happened, not the one the text is about."""
        k = mention.start - 1
        while k > mention.start - 4 and k >= 0 and doc[k].is_lower and any(a.pos == "subst" for a in analyses(doc[k])):
            k -= 1
        return k < mention.start - 1 and k >= 0 and doc[k].lower_ in self.locative and bool(
            lemma_set(doc[k + 1]) & self.venue_nouns)

    def _unread_body(self, doc: Doc, mentions, i: int, end: int) -> bool:
        """A capitalised genitive or an acronym right after an office, no person's name: the office is of a body
        named there that the rules did not read ("Dyrektor Okręgowej Dyrekcji X", "Komendant PSP"), not of the
        body the text is about."""
        if i >= end or (m := mentions.get(i)) is not None and m._.entity.startswith("person:"):
            return False
        if lemma_set(doc[i]) & self.board_nouns and not (i + 1 < end and doc[i + 1].text[:1].isupper()):
            return False  # "Prezesem Zarządu wybrany został X": the board of the body the text is about
        word = doc[i].text
        return word[:1].isupper() and (word.isupper() and len(word) > 1 and word.isalpha()
                                       or any("gen" in a.cases for a in analyses(doc[i])))

    def _named_before(self, doc: Doc, mentions, i: int, end: int) -> Span | None:
        """An organisation's noun alone ("muzeum", "prezes Towarzystwa X") standing for the nearest organisation
        with that head the text named before; a school's or institution's common noun for the nearest school or
        institution ("dyrektor szkoły X" after "Zespół Szkół nr 2", "dyrektor placówki X")."""
        if i >= end or i in mentions or doc[i].morph.get("Number") == ["Plur"] and not any(
                "sg" in a.numbers and "gen" in a.cases for a in analyses(doc[i])):
            return None  # "dyrektorzy szkół – X i Y": each of one of them; but "prezes stowarzyszenia X": of one
        if i + 1 < end and doc[i + 1].is_lower and any(a.pos == "adj" for a in analyses(doc[i + 1])):
            return None  # "przewodnicząca rady nadzorczej": a body of another kind than the one named
        heads = {l for l in lemma_set(doc[i]) if l in self.organisation_heads}
        heads.update(h for l in lemma_set(doc[i]) for h in self.institution_references.get(l, ()))  # "placówki"
        if not heads:
            return None
        earlier = [m for m in mentions.values() if m.end <= i and m._.entity and m._.entity.startswith("organisation:")
                   and m._.head in heads]
        return max(earlier, key=lambda m: m.start, default=None)
