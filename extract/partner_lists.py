"""Partner towns told as a list: a page's sections headed by its partners, a list after an intro line, towns named in turn.

`RelationReader` (extract/relations.py) reads twinning told in a sentence; a list spans lines and sentences and
names the partners of a town it names once, in its intro or heading, or of the text's own town.
"""

from spacy.tokens import Doc, Span

from .facts import Membership, Relation, home_town
from .morphology import analyses, lemma_set
from .name_words import agrees_with, partnership_text
from .names import DASHES


class PartnerLists:
    """The list-reading half of `RelationReader` (a mixin: it reads the reader's lexicon sets and helpers)."""

    def headed_partners(self, doc: Doc, mentions, entities, relations: list[Relation]) -> str | None:
        """The text's own town, told apart from the partners its headings, sections and dated lines name; each of
        those is its partner. Returns the own town (None where the text does not tell it)."""
        partnership = partnership_text(doc)  # most texts have no word of partnership: nothing to look for in them
        headed = self._partner_headings(doc, mentions, entities) if partnership else []
        sections = self.section_towns(doc, mentions, entities)
        headed += [mentions[start] for start, _, _ in sections if all(m.start != start for m in headed)]
        called = self._called_partners(doc, mentions) if partnership else frozenset()
        home = home_town(doc, entities, self._no_settlement, self.lex.territorial_heads,  # it may be "Gmina X"
                         called | {m._.entity for m in headed}, [(start, end) for start, end, _ in sections])
        headed += [town for town, _ in self.dated_partners(doc, mentions, entities)]
        for m in headed:
            if home is not None and m._.entity != home:
                sent = m.sent
                relations.append(Relation(home, "twinnedWith", m._.entity,
                                          self.evidence(sent, m.start, m.end, "relation-partner-list")))
        return home

    def _no_settlement(self, entity) -> bool:
        """No town at all: a country, a state, a sea or a mountain range ("Morze Bałtyckie" a text names often)."""
        return self.not_town(entity) or entity.name.split()[0].lower() in self.no_settlement

    def listed_partners(self, doc: Doc, sent: Span, before: Span | None, mentions, entities,
                        memberships: list[Membership], relations: list[Relation], home: str | None) -> None:
        """The partners listed after `sent` (an intro ending in a colon), or named in turn in it after an intro
        (`before`) that spoke of towns without naming them."""
        if sent.text.rstrip().endswith(":") and (any(t.lower_.startswith(self.twinning) for t in sent)
                                                  or self._with_towns(sent)):
            self._partner_list(doc, sent, mentions, entities, memberships, relations, home, told=before)
        elif sent.text.rstrip().endswith(":") and len(sent) <= 4 and before is not None \
                and self._with_towns(before):  # "X współpracuje z miastami i gminami … Są to:"
            self._partner_list(doc, before, mentions, entities, memberships, relations, home, start=sent.end)
        elif before is not None and (first := self._named_in_turn(doc, sent, mentions)) is not None \
                and self._with_towns(before):  # "X współpracuje z 12 miastami. To A w Czechach, B w Niemczech, …"
            self._inline_partners(doc, before, sent, first, mentions, entities, memberships, relations, home)

    def _partner_headings(self, doc: Doc, mentions, entities) -> list[Span]:
        """A page headed "Miasta partnerskie" whose sections open with a line "Hajdúdorog – Węgry": the town of each
        such line (a town, a dash, its country, nothing else) is a partner of the text's own town; so is a town
        whose name alone makes a line below the heading ("VREDEN")."""
        lines, line = [], []
        for t in doc:
            if t.is_space or "\n" in t.text:
                if line:
                    lines.append(line)
                line = []
            else:
                line.append(t)
        if line:
            lines.append(line)
        headings = [n for n, words in enumerate(lines) if len(words) <= 5  # "Miasta partnerskie"
                    and any(t.lower_.startswith(self.twinning) for t in words)
                    and any(lemma_set(t) & self.unit_nouns for t in words)]
        heading = headings[0] if headings else None
        if heading is None:
            return []
        found = []
        for n, words in enumerate(lines):
            town = mentions.get(words[0].i)
            if town is None or town.start != words[0].i or town._.entity not in entities \
                    or entities[town._.entity].kind != "place" or self.not_town(entities[town._.entity]):
                continue
            rest = [t for t in words if t.i >= town.end]
            if n > heading and not rest:
                found.append(town)
                continue
            country = mentions.get(rest[1].i) if len(rest) >= 2 and rest[0].text in DASHES else None
            if country is not None and country.start == rest[1].i and country.end == words[-1].i + 1 \
                    and country._.entity in entities and self.not_town(entities[country._.entity]):
                found.append(town)
        return found

    def _called_partners(self, doc: Doc, mentions) -> frozenset[str]:
        """Towns named right after a singular adjective of partnership ("miasta partnerskiego X", "partnerska
        gmina X"): the text's partners, not its own town."""
        return frozenset(m._.entity for t in doc if t.lower_.startswith(self.twinning) and t.pos_ == "ADJ"
                         and t.morph.get("Number") == ["Sing"] and (m := mentions.get(t.i + 1)) is not None
                         and m.start == t.i + 1 and not self._owner_after(t, doc[t.i + 1])
                         and not self._sides_after(t, mentions)) \
            | self._listed_after_dash(doc, mentions)

    def _sides_after(self, adjective, mentions) -> bool:
        """ "jubileusz współpracy partnerskiej Lipna i Gorzowa": the adjective agrees with a noun before it that names no
        town (the partnership itself), and two towns joined after it are its sides, neither a partner the text calls
        so (but "umowy partnerskiej X" alone: X, the home town's partner)."""
        doc = adjective.doc
        if adjective.i == 0 or (m := mentions.get(adjective.i + 1)) is None or m.end + 1 >= len(doc) \
                or doc[m.end].lower_ not in ("i", "oraz", "a") or (other := mentions.get(m.end + 1)) is None \
                or other.start != m.end + 1:
            return False
        before = doc[adjective.i - 1]
        nouns = [a for a in analyses(before) if a.pos == "subst" and a.cases and not a.proper]
        town_nouns = (self.city_nouns | self.territorial_heads).union(self.lex.village_nouns)
        return bool(nouns) and not lemma_set(before) & town_nouns and agrees_with(adjective, nouns)

    def _listed_after_dash(self, doc: Doc, mentions) -> set[str]:
        """Towns listed after a word of partnership in the plural, not in the nominative, and a dash or colon ("z trzema
        miastami partnerskimi na Litwie - A, B i C"): partners, not the text's own town."""
        out = set()
        for t in doc:
            if not (t.lower_.startswith(self.twinning) and t.morph.get("Number") == ["Plur"]) \
                    or any("nom" in a.cases for a in analyses(t)):
                continue  # "miasta partnerskie – A i B": each other's partners, one of them may be the text's own
            k = t.i + 1
            if k + 1 < len(doc) and doc[k].lower_ in ("na", "w", "we") and (m := mentions.get(k + 1)) is not None \
                    and m.start == k + 1:
                k = m.end  # "na Litwie": where they lie
            if k + 1 >= len(doc) or doc[k].text not in (*DASHES, ":"):
                continue
            k += 1
            while k < len(doc) and (m := mentions.get(k)) is not None and m.start == k:
                out.add(m._.entity)
                k = m.end
                if k + 1 < len(doc) and (doc[k].text == "," or doc[k].lower_ in ("i", "oraz")):
                    k += 1
                else:
                    break
        return out

    @staticmethod
    def _owner_after(adjective, word) -> bool:
        """ "Współpraca partnerska Gminy X": the word after the adjective in a form it cannot agree with is the
        genitive of its noun's owner, the town whose partnership it is (an undeclined foreign name agrees with any)."""
        nouns = [a for a in analyses(word) if a.cases]
        return bool(nouns) and not agrees_with(adjective, nouns)

    def _with_towns(self, sent: Span) -> bool:
        """ "współpracuje z gminami i miastami", "ma trzy miasta partnerskie": towns the sentence does not name."""
        doc = sent.doc
        if any(lemma_set(t) & (self.unit_nouns | self.community_nouns) and t.morph.get("Number") == ["Plur"]
               and t.i + 3 < sent.end and doc[t.i + 1].text == "," and doc[t.i + 2].lower_ in ("z", "ze")
               and doc[t.i + 3].lower_ == "którymi" for t in sent[:3]):
            return True  # "Miasta, z którymi X utrzymuje kontakty:": the units it is partnered with
        if any(lemma_set(t) & self.unit_nouns and t.i + 1 < sent.end and doc[t.i + 1].lower_.startswith(self.twinning)
               and doc[t.i + 1].morph.get("Number") == ["Plur"] for t in sent):
            return True  # "X ma trzy miasta partnerskie": its partners, named in the sentence after
        told = [t for t in sent if not t.is_space]
        if len(told) >= 2 and told[-1].text == ":" and (told[-2].lower_.startswith(self.cooperation) or len(told) >= 3
                                                      and told[-2].lower_ in ("z", "ze")
                                                      and told[-3].lower_.startswith(self.cooperation)):
            return True  # "Powiat X współpracuje:", "Gmina Y współpracuje z:": whom, the lines below say
        return any(t.lower_.startswith(self.cooperation) for t in sent) and any(
            lemma_set(t) & (self.unit_nouns | self.community_nouns) and t.morph.get("Number") == ["Plur"] and t.i > 0
            and doc[self._past_number_before(doc, t.i - 1)].lower_ in ("z", "ze")
            for t in sent)  # "ze społecznościami lokalnymi:", "z 12 miastami", "z 12. miastami"

    @staticmethod
    def _past_number_before(doc: Doc, k: int) -> int:
        """The token before a number (and its period) ending at k, else k."""
        j = k - 1 if k > 0 and doc[k].text == "." and doc[k - 1].like_num else k
        return j - 1 if j > 0 and doc[j].like_num else k

    def _named_in_turn(self, doc: Doc, sent: Span, mentions) -> Span | None:
        """The first town of a sentence that names in turn what the sentence before spoke of: "To A w Czechach, B …",
        "Są to A, B i C"."""
        k = sent.start
        while k < sent.end and doc[k].lower_ in self.naming_words:
            k += 1
        town = mentions.get(k)
        return town if k > sent.start and town is not None and town.start == k else None

    def _inline_partners(self, doc: Doc, intro: Span, sent: Span, first: Span, mentions, entities,
                         memberships: list[Membership], relations: list[Relation], home: str | None) -> None:
        """Each town the sentence names in turn is a partner of the one town the intro names (or of the text's own)."""
        cities = self._one_per_name(self._cities(intro, self._sentence_mentions(mentions, intro), entities, memberships),
                                    entities)
        host = cities[0] if len(cities) == 1 else home if not cities else None
        for town in self._coordinated_towns(doc, sent, mentions, first):
            entity = entities.get(town._.entity)
            if host is not None and town._.entity != host and entity is not None and not self.not_town(entity) \
                    and (entity.kind == "place" or entity.also_place):
                relations.append(Relation(host, "twinnedWith", town._.entity,
                                          self.evidence(sent, town.start, town.end, "relation-partner-list")))

    def _partner_list(self, doc: Doc, intro: Span, mentions, entities, memberships: list[Membership],
                      found: list[Relation], home: str | None, start: int | None = None,
                      told: Span | None = None) -> None:
        """ "Miasto X współpracuje z 11 miastami partnerskimi:", then a town at the start of each line ("1. Göttingen
        (Niemcy), umowa – 1978"): X, or the text's home town where the line names none, and each listed town.
        The list begins after the intro, or at `start` ("X współpracuje z miastami… Są to:"). An intro naming no
        town takes the one of the sentence before it that told of the cooperation (`told`: "Gmina X współpracuje z
        jednostkami z zagranicy. Umowy podpisano z 5 partnerami:")."""
        cities = self._one_per_name(self._cities(intro, self._sentence_mentions(mentions, intro), entities, memberships),
                                    entities)
        if not cities and told is not None and self._with_towns(told):
            cities = self._one_per_name(self._cities(told, self._sentence_mentions(mentions, told), entities,
                                                     memberships), entities)
        bodies = self._with_towns(intro)  # "współpracy ze społecznościami:": units are listed as well as towns
        if not cities and bodies:  # "Rada Powiatu X podjęła uchwały o współpracy ze społecznościami:": the unit X
            cities = list(dict.fromkeys(unit for m in self._sentence_mentions(mentions, intro)
                                        if (unit := self.unit_of_body(m._.entity, entities)) is not None))
        host = cities[0] if len(cities) == 1 else home if not cities else None
        k, listed = intro.end if start is None else start, False
        dated = {t for span in doc.spans.get("dates", []) for t in range(span.start, span.end)}
        while host is not None and k < len(doc):
            line_end = next((j for j in range(k, len(doc)) if "\n" in doc[j].text), len(doc))
            words = [j for j in range(k, line_end)  # past its number, bullet or date: "12.05.2005 r. Rinteln (Niemcy)"
                     if not (doc[j].is_punct or doc[j].like_num or doc[j].text in "•*" or j in dated)]
            if not words and line_end < len(doc) and not (listed and "\n\n" in doc[line_end].text):
                k = line_end + 1  # a line of its number alone, or the blank line before the list
                continue
            if words and doc[words[0]].is_lower and not (bodies and words[0] in mentions
                                                         and mentions[words[0]].start == words[0]):
                words = [j for j in words if not doc[j].is_lower]  # "- powiatu Tbilno w Niemczech": a unit by its noun
            first = mentions.get(words[0]) if words else None
            entity = entities.get(first._.entity) if first is not None else None
            if first is None or first.start != words[0] or entity is None or self.not_town(entity) \
                    or entity.kind != "place" and not (bodies and entity.also_place):
                return  # the list ends where a line opens with no town
            if first._.entity != host:
                sent = doc[words[0]].sent
                found.append(Relation(host, "twinnedWith", first._.entity,
                                      self.evidence(sent, first.start, first.end, "relation-partner-list")))
            k, listed = line_end + 1, True
