"""Rule-based mentions of persons, organisations and places: the `kronika_entities` component.

The rules of each kind of name have a module of their own, on the tests of a word they share
(`name_words.py`). Organisations (`organisations.py`): a capitalised head noun (stowarzyszenie, izba,
muzeum, …) with its capitalised adjectives and complements; an acronym or a name in another language after
it is an alias. Persons (`persons.py`): an honorific, an initial, a role noun or a given name before
capitalised words, or a surname in capitals. Places (`places.py`): SGJP geographical names, capitalised
names after place prepositions or place nouns ("dzielnica X") and after municipal roles ("Mer X"). A second
pass finds later mentions of names already recognised. Names the trained NER found (kept in
`doc.spans["ner"]`) where no rule did are added when they pass the same tests of a name word.

Each mention is a span in `doc.ents` with `Span._.base_form` (nominative),
`Span._.aliases`, `Span._.rule` and, for places, `Span._.district`.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import VILLAGE, gazetteer
from .morphology import analyses, lemma_set
from .lexicon import lexicon
from .names import GEO_CLASSES, accents, acronyms_of, fold, person_base, place_base, role_at, unknown_to_sgjp
from .name_words import (DASH_JOINERS, INITIAL, ORG, PERSON, PLACE, QUOTES_OPEN, allcaps, cap, common_at_start,
                         common_word, folded_forms, geo, given_name, has_common_reading, is_country, model_persons,
                         may_hold_a_name, name_cases, name_like, named_otherwise, opening_non_name, shouted_words,
                         starts_sentence)
from .organisations import OrganisationRules
from .persons import PersonRules, known_town, listed_person_base
from .places import PlaceRules
from .territorial_units import TerritorialUnitRules


def only_adjective(t) -> bool:
    """SGJP reads the word only as a common adjective, or as one and a surname ("Warszawski", "Tarnowskiego"): no
    place's name by itself."""
    readings = analyses(t)
    return any(a.pos == "adj" and not a.proper for a in readings) and all(
        a.pos == "adj" and not a.proper or a.proper and set(a.classes) <= {"nazwisko"} for a in readings)


@Language.factory("kronika_entities")
def make_entities(nlp: Language, name: str):
    return EntityRecognizer()


class EntityRecognizer(OrganisationRules, TerritorialUnitRules, PersonRules, PlaceRules):
    """Each sentence's organisations first, then their aliases, territorial units, persons and places, each on
    the words the ones before left; then names the NER found and later mentions of names already known."""

    def known(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """Later (or earlier) mentions of names recognised elsewhere in the text."""
        names: dict[str, Span] = {}
        heads: dict[str, list[Span]] = {}
        bearers: dict[str, set[str]] = {}
        initials: dict[str, list[Span]] = {}  # "TOK": the initials of "Trzebiechowski Ośrodek Kultury"
        for span in spans:
            for name in [span._.base_form, span.text, *(span._.aliases or [])]:
                names.setdefault(fold(name), span)
            if span.label_ == ORG:
                heads.setdefault(span._.head, []).append(span)
                for acronym in acronyms_of(span._.base_form):
                    initials.setdefault(acronym, []).append(span)
            if span.label_ == PERSON and len(span._.base_form.split()) >= 2:
                bearers.setdefault(fold(span._.base_form.split()[-1]), set()).add(fold(span._.base_form))
        for span in spans:  # "mer Dworkis": the surname alone of the one person the text names with it
            surname = fold(span._.base_form.split()[-1]) if span.label_ == PERSON else None
            if surname and len(bearers.get(surname, ())) == 1:
                names.setdefault(surname, span)
        shouting = shouted_words(doc)  # a heading's "SZKOŁA" is no name: only a known name is read there
        found = []
        i = 0
        while i < len(doc):
            if i in taken or not cap(doc[i]):
                i += 1
                continue
            run_end = self._name_run(doc, i, len(doc)) if self.name_word(doc, i) else self.unit_end(doc, i)
            model, e = None, i
            dashed = i + 3 if i + 2 < len(doc) and doc[i + 1].text in DASH_JOINERS and cap(doc[i + 2]) else i  # "Uggiate
            # – Trevano", spaced, where the name was found as "Uggiate–Trevano"
            for k in range(max(run_end, self.unit_end(doc, i), dashed), i, -1):
                model = names.get(fold(doc[i:k].text))
                if model is not None:
                    e = k
                    break
            if model is None and allcaps(doc[i]) and len({fold(x._.base_form) for x in initials.get(doc[i].text, ())}) == 1:
                model, e = initials[doc[i].text][0], i + 1  # an acronym of the one body the text names in full
            if model is None and run_end - i >= 2 and any(  # "Jean-Pierre'owi Labordzie": a known name's base form
                    unknown_to_sgjp(t) for t in doc[i:run_end]):
                model = names.get(fold(person_base(list(doc[i:run_end]))))
                e = run_end if model is not None and model.label_ == PERSON else i
                model = model if e > i else None
            if model is None and self.is_head(doc[i]) and not self._towns_plural(doc[i]) and i not in shouting \
                    and not (i + 1 < len(doc) and cap(doc[i + 1]) and i + 1 not in taken) \
                    and not (self.head_lemma(doc[i]) in self.territorial and i > 0 and role_at(doc, i - 1)) \
                    and not (i > 0 and (office := role_at(doc, i - 1)) is not None and office[1] > i):
                # "członek Zarządu OSP X": a word of the office ("członek zarządu"), not the one board the text names
                # "Wójt Gminy Jan X": the office of the text's own gmina, not of the one other gmina it names
                same = {fold(x._.base_form): x for x in heads.get(self.head_lemma(doc[i]), [])}
                if len(same) == 1:  # "Towarzystwo" alone: the one society the text names
                    model, e = next(iter(same.values())), i + 1
            if model is None or (starts_sentence(doc[i]) and has_common_reading(doc[i]) and not allcaps(doc[i])
                                 and not self.is_head(doc[i])) or any(k in taken for k in range(i, e)) \
                    or (i in shouting and e == i + 1 and has_common_reading(doc[i])) \
                    or e == i + 1 and self.bodies_in_general(doc, i):
                i = max(i + 1, e)
                continue
            span = Span(doc, i, e, label=model.label_)
            span._.base_form = model._.base_form
            if fold(span.text) == fold(model._.base_form) and not allcaps(span[0]) and accents(span.text) > accents(
                    model._.base_form):  # "Bardejów" as written, where the cases gave "Bardejowie": Bardejow
                span._.base_form = span.text
            span._.rule = "known-name"
            span._.aliases = [] if span.text != model.text else list(model._.aliases or [])
            span._.district = model._.district
            span._.head = model._.head
            found.append(span)
            taken.update(range(i, e))
            i = e
        return found

    def festival_names(self, doc: Doc) -> set[int]:
        """ "Święto Plonów", "w Święcie Brzóz": a festival's noun and the capitalised words after it that name the
        festival are no person's name ("Święta" no saint's title) and no place's, unless a word is a given name
        ("Święta Anna") or a town GeoNames knows ("Święto Miasta Żary": Żary stays a place)."""
        out: set[int] = set()
        festival_nouns = self.lex.festival_nouns
        for t in doc:
            if not cap(t) or lemma_set(t).isdisjoint(festival_nouns):
                continue
            k = t.i + 1
            while k < len(doc) and cap(doc[k]) and not allcaps(doc[k]) and not given_name(doc[k]) \
                    and not self._known_town(doc[k]):
                k += 1
            if k > t.i + 1 and not gazetteer().places(doc[t.i:t.i + 2].text):  # "Święta Lipka", a village
                out.update(range(t.i, k))
        return out

    @staticmethod
    def _known_town(t) -> bool:
        return bool(gazetteer().places(t.text)) or any(a.proper and gazetteer().places(a.lemma) for a in analyses(t))

    @staticmethod
    def _under_or_over(doc: Doc, spans: list[Span]) -> list[Span]:
        """ "Nové Město pod Smrkem", "Dolní Lhota nad Metují": a name the model read, or a place, with the
        mountain or river it lies under or over (a capitalised word alone, or found as a place after "pod") is one
        town."""
        by_start = {s.start: s for s in spans}
        covered = {k for s in spans for k in range(s.start, s.end)}
        joined, gone = [], set()
        for s in spans:
            k = s.end + 1
            if k >= len(doc) or doc[s.end].lower_ not in ("pod", "nad") or not cap(doc[k]) \
                    or not (s.label_ == PLACE and not is_country(s[0]) or s.label_ == PERSON and s._.rule == "ner"):
                continue  # "w Niemczech nad Renem": a country is no town
            after = by_start.get(k)
            if k in covered and not (after is not None and len(after) == 1 and after.label_ == PLACE
                                     and after._.rule == "place-after-preposition"):
                continue
            town = Span(doc, s.start, k + 1, label=PLACE)
            town._.base_form = f"{place_base(list(s))} {doc[s.end].lower_} {doc[k].text}"
            town._.rule, town._.aliases, town._.district = s._.rule, [], False
            joined.append(town)
            gone.update((id(s), id(after)))
        return [s for s in spans if id(s) not in gone] + joined

    def statistical(self, doc: Doc, taken: set[int], surnames: set[str]) -> list[Span]:
        """Persons and places the trained NER found where no rule did: names of other kinds of text."""
        found = []
        for e in doc.spans.get("ner", []):  # the statistical NER's names, when it ran before
            if e[-1].text in DASH_JOINERS and len(e) > 1:  # "Kovács Róbert - Burmistrz": the dash is the apposition's
                e = Span(doc, e.start, e.end - 1, label=e.label_)
            if e.label_ == PERSON and (office := role_at(doc, e.start)) is not None and office[1] + 1 < e.end - 1 \
                    and doc[office[1]].text in DASH_JOINERS:
                e = Span(doc, office[1] + 1, e.end, label=PERSON)  # "Burmistrz - Hans Weber": the office is no name
            if e.label_ in (PLACE, PERSON) and len(e) > 1 and cap(e[1]) and (
                    e.label_ == PLACE and lemma_set(e[0]) & self.town_nouns or e[0].lower_ in self.foreign_town_nouns):
                e = Span(doc, e.start + 1, e.end, label=e.label_)  # "Miastem Bílina", "Město Hlinsko": the town is
                # Bílina, Hlinsko
            if len(e) == 1 and e.label_ != PERSON and surnames & folded_forms(e[0]):
                continue  # a surname alone of a person the rules found, in any case: a later mention of that person
            if any(k in taken for k in range(e.start, e.end)) or not all(
                    INITIAL.match(t.text) or t.text in "-–" or self.name_word(doc, t.i) for t in e):
                continue  # the rules' tests of a name word hold for the model's names too
            if allcaps(e[0]) and len(e) == 1 or opening_non_name(e[0]):
                continue  # acronyms are the rules' business (aliases of organisations); "Byliśmy w…" is a verb
            if e.end + 1 < len(doc) and doc[e.end].text in DASH_JOINERS \
                    and self.hyphenated_elsewhere(doc, e[-1].lower_, doc[e.end + 1].lower_):
                continue  # "Uggiate – Trevano": one name the text also writes whole, left to the later mentions' pass
            credit = e.start > 0 and doc[e.start - 1].text == "/" and not doc[e.start - 1].whitespace_ \
                and not doc[e.start - 1].is_sent_start  # "X/Wikimedia Commons": a photograph credit's source
            if e.label_ == PERSON and (any(c.isdigit() or c == "_" for c in e.text) or credit):
                continue  # "DSC_4101 DSC_4104": photographs' file names, no one's name
            if e.label_ == PERSON and (lemma_set(e[0]) & self.programme_nouns
                                       or e.start > 0 and lemma_set(doc[e.start - 1]) & self.programme_nouns):
                continue  # "Programu Interreg Polska-Słowacja": a programme's name, no one's
            if len(e) == 1 and e.end < len(doc) and doc[e.end].is_lower and self._adjective_of(e[0], doc[e.end]):
                continue  # "Polskiej delegacji przewodniczył": a capitalised adjective of the noun after it
            # "X Y, burmistrz", "X Y – burmistrz", "X Y (burmistrz)": a person, whatever the model says
            after = doc[e.end] if e.end + 1 < len(doc) else None
            dash = after is not None and (after.text in ("–", "—") or after.text == "-" and after.whitespace_)
            appositive_role = after is not None and (after.text in (",", "(") or dash and all(map(name_like, e))) \
                and role_at(doc, e.end + 1) is not None
            after_preposition = e.start > 0 and doc[e.start - 1].lower_ in self.place_preps
            if e[0].text in self.town_prefixes and len(e) >= 2 or e.label_ == PERSON and len(e) == 2 \
                    and not appositive_role and known_town(e[0], e[1]):
                e = Span(doc, e.start, e.end, label=PLACE)  # "Saint Brice", "Kazimierz Dolny": a town's name, whatever
                # the model says
            if e.label_ in (PERSON, PLACE) and (river := self._river_after(doc, e)) is not None:
                span = Span(doc, e.start, river, label=PLACE)  # "Týn nad Vltavou": a town named by its river,
                span._.base_form = f"{place_base(list(e))} {doc[e.end:river].text}"  # the river as written
                span._.rule, span._.aliases = "ner", []
                found.append(span)
                taken.update(range(e.start, river))
                continue
            if e.label_ == PERSON and (self._legal_form(doc, e.end - 1, len(doc))
                                       or self._legal_form(doc, e.end, len(doc))):
                continue  # "X Tech Sp. z o.o.": a company, not a person whatever the model says
            if (e.label_ == PERSON or appositive_role) and len(e) >= 2 and e.label_ != PLACE:
                span = Span(doc, e.start, e.end, label=PERSON)
                span._.base_form = listed_person_base([t for t in span if t.lower_ not in self.honorifics], span.start)
            elif e.label_ in (PLACE, "geogName") and (len(e) == 1 or after_preposition or any(geo(t) for t in e)
                                                       or e[0].text in self.town_prefixes) \
                    and len(e) <= 3 and not (len(e) == 1 and named_otherwise(e[0]) and not after_preposition) \
                    and not (len(e) == 1 and starts_sentence(e[0]) and common_at_start(e[0])) \
                    and not (len(e) == 1 and self._named_thing(doc, e.start, e[0].sent.start)) \
                    and not self._historical_event(doc, e.start, e[0].sent.start, e[0].sent.end) \
                    and not (len(e) == 1 and self._in_title(doc, e.start, e[0].sent.start)) \
                    and not (len(e) == 1 and self._ungoverned_locative(doc, e.start)) \
                    and not (len(e) == 1 and only_adjective(e[0])) \
                    and not (len(e) == 1 and any(a.pos == "adj" and a.lemma in self.country_adjectives
                                                 for a in analyses(e[0])) and not self._country_form(e[0])) \
                    and not e[-1].lower_.endswith(self.foreign_street_endings) \
                    and not (lemma_set(e[0]) & self.event_nouns and has_common_reading(e[0])) \
                    and not (after_preposition and self.named_otherwise_here(doc, e.start, len(doc))):
                # "– Zgoda buduje…": a common noun; "Dni Europy": part of a named thing's name, as "Programu Interreg
                # Litwa – Polska" of a programme's; "z Polakami": a people;
                # "Radziwiłłowie": a family; "Powstańców Wielkopolskich": fighters of a rising; "Metropolita
                # Warszawski": an office's adjective, no place alone;
                # "narodem Gruzińskim i Polskim": a country's adjective, no place (but "Polski", Poland's genitive);
                # "Marktstrasse": a street; "w Gali Kultury": an event's name
                span = Span(doc, e.start, e.end, label=PLACE)
                span._.base_form = place_base(list(span))
            else:
                continue
            span._.rule, span._.aliases = "ner", []
            found.append(span)
            taken.update(range(e.start, e.end))
        return found

    def _river_after(self, doc: Doc, name: Span) -> int | None:
        """Where "nad X", "pod X" after a name the model found ends: a foreign name (a word SGJP does not know)
        followed by a river or a mountain in the instrumental is a town's, whole ("Týn nad Vltavou", "Brandýs nad
        Labem"), whether the model took it for a person's (no person is named by a river) or a place's."""
        k = name.end
        if k + 1 >= len(doc) or doc[k].lower_ not in ("nad", "pod") or not cap(doc[k + 1]) \
                or "inst" not in (name_cases(doc[k + 1]) or {"inst"}) or not any(unknown_to_sgjp(t) for t in name):
            return None
        return self.unit_end(doc, k + 1)

    @staticmethod
    def _officers_not_towns(spans: list[Span], taken: set[int]) -> list[Span]:
        """ "– mówi burmistrz Wronowski": a word after a municipal office that is the surname of a person the
        text names in full ("Jan Wronowski") is that person, not the office's town; left to the later
        mentions' pass, which links it to the person."""
        surnames = {fold(form) for p in spans if p.label_ == PERSON and len(p._.base_form.split()) >= 2
                    for form in (p._.base_form.split()[-1], p[-1].text)}
        kept = []
        for span in spans:
            if span._.rule == "place-of-municipal-role" and len(span) == 1 \
                    and {fold(span.text), fold(span._.base_form)} & surnames:
                taken.difference_update(range(span.start, span.end))
                continue
            kept.append(span)
        return kept

    @staticmethod
    def _country_form(t) -> bool:
        """A form of a country's name as SGJP knows the country ("Polski", Poland's genitive; not "Polskim", which
        only a surname shares)."""
        names = lexicon().country_names
        return any(a.lemma in names and GEO_CLASSES.intersection(a.classes) for a in analyses(t))

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        taken: set[int] = set()
        surnames: set[str] = set()
        doc._.place_names = self.place_names(doc)
        doc._.word_forms = {t.lower_ for t in doc}
        # words the text capitalises inside a sentence, and the lemmas of their names: evidence that a word opening
        # one is a name ("Wrzeszcz" and "we Wrzeszczu")
        shouting = shouted_words(doc)  # read for names only where the text names them in its own case too
        inner = [t for t in doc if not starts_sentence(t) and cap(t) and t.i not in shouting
                 and not (t.i > 0 and doc[t.i - 1].text in QUOTES_OPEN)]
        doc._.inner_capitals = {t.lower_ for t in inner} | {
            a.lemma.lower() for t in inner for a in analyses(t) if a.proper}
        taken.update(self.titles(doc))
        taken.update(self.festival_names(doc))
        taken.update(t.i for date in doc.spans.get("dates", ()) for t in date)  # "07 Lis 2013": no name in a date
        shouted_towns = {i for i in shouting if self._shouted_town(doc[i])}
        held_back = shouting - shouted_towns - taken  # given back to the later mentions' pass only
        taken.update(held_back)
        for sent in doc.sents:
            if not may_hold_a_name(sent):  # no name but a unit by its common noun ("w powiecie ostrzeszowskim")
                spans += self.territorial_units(doc, sent.start, sent.end, taken)
                continue
            orgs = [o for o in self.organisations(doc, sent.start, sent.end)  # "Federacja Rosyjska": a state, a place
                    if not any(len(state) == len(o) for state in self.states(doc, o.start, o.end, set()))
                    and shouting.isdisjoint(range(o.start, o.end))]
            spans += orgs
            for o in orgs:
                taken.update(range(o.start, o.end))
            # acronyms and parenthesised aliases are not names of their own
            for o in orgs:
                k = o.end
                while k < sent.end and not INITIAL.match(doc[k].text) and (  # "– E. Brok": a person by an initial
                        allcaps(doc[k]) or doc[k].text in "()" or cap(doc[k]) and doc[k - 1].text in "(–"
                                        and not (k + 1 < sent.end and self._person_starts(doc, k))  # "– Jan Lis"
                                        and not (doc[k - 1].text in DASH_JOINERS and k in model_persons(doc))
                                        or doc[k].lower_ in self.renames or doc[k].text in DASH_JOINERS):
                    if doc[k].text == ")":
                        taken.add(k)
                        break
                    if doc[k].text == "(" and k + 1 < sent.end and (is_country(doc[k + 1]) or geo(doc[k + 1])
                                                                    and not allcaps(doc[k + 1])):
                        break  # "z Gminą X (Słowacja)": where it lies, a place of its own
                    taken.add(k)
                    k += 1
            spans += self.named_after_head(doc, sent.start, sent.end, taken)
            spans += self.named_by_seat(doc, sent.start, sent.end, taken)
            spans += self.ensemble_names(doc, sent.start, sent.end, taken)
            spans += self.bilateral_names(doc, sent.start, sent.end, taken)
            spans += self.acronyms(doc, sent.start, sent.end, taken)
            spans += self.one_word_names(doc, sent.start, sent.end, taken)
            spans += self.councils_after_offices(doc, sent.start, sent.end, taken)  # before the units they name
            spans += self.territorial_units(doc, sent.start, sent.end, taken)
            spans += self.states(doc, sent.start, sent.end, taken)
            spans += self.regions(doc, sent.start, sent.end, taken)
            persons = self.persons(doc, sent.start, sent.end, taken)
            spans += persons
            surnames.update(surname for p in persons for surname in (fold(p[-1].text), fold(p._.base_form.split()[-1])))
            spans += self.places(doc, sent.start, sent.end, taken, surnames)
        spans += self.statistical(doc, taken, surnames)
        spans = self.with_qualifiers(doc, spans, taken)
        spans = self._officers_not_towns(spans, taken)
        spans = [s for s in spans if all(i not in shouting or s.label_ == PLACE and i in shouted_towns
                                         for i in range(s.start, s.end))]
        taken.difference_update(held_back)
        spans += self.known(doc, spans, taken)
        spans += self.surnames_after_offices(doc, taken)
        spans = self._under_or_over(doc, spans)
        self._renames(doc, spans)
        spans = [s for s in spans if not (s.label_ == PLACE and len(s) == 1 and common_word(s[0])
                                          and not (s.start > 0 and lemma_set(doc[s.start - 1]) & self.place_heads))
                 and not (s.label_ == PLACE and len(s) == 1 and self._beside_a_people(doc, s.start))]
        doc.ents = filter_spans(spans)
        return doc

    @staticmethod
    def _shouted_town(t) -> bool:
        """A word in a line of capitals that names a place: SGJP knows it as a place and as nothing common
        ("WSPÓŁPRACA MIĘDZY WRZEŚNIĄ A BRUZ"), or as a town's name GeoNames knows as a town, not a village
        ("KROSNEM", not "GRANICĄ"), or GeoNames knows the word SGJP does not ("Z MIASTA HERMESKEIL")."""
        if unknown_to_sgjp(t):
            return bool(gazetteer().places(t.text))
        places = {a.lemma for a in analyses(t) if GEO_CLASSES.intersection(a.classes) and a.pos == "subst"}
        return bool(places) and (not has_common_reading(t) or any(
            how == "name" and entry.population > VILLAGE for lemma in places
            for entry, how in gazetteer().places(lemma)))

    @staticmethod
    def _beside_a_people(doc: Doc, i: int) -> bool:
        """ "przybliżyć Niemcom i Polakom", "między Polakami i Niemcami": a country's name that is also its people's
        plural, joined to another people's noun, names the people."""
        def people(k: int, country: bool = False) -> bool:  # a people's noun in the plural ("Polakom", "Niemcom")
            return 0 <= k < len(doc) and is_country(doc[k]) == country and any(
                a.pos == "subst" and "nazwa_pospolita" in a.classes and a.lemma[:1].isupper() and "m1" in a.genders
                and a.numbers == {"pl"} for a in analyses(doc[k]))
        return people(i, country=True) and any(
            0 <= i + step < len(doc) and doc[i + step].lower_ in ("i", "oraz", "a", ",") and people(i + 2 * step)
            for step in (-1, 1))
