"""`kronika ner`: the merge of the rules and the statistical model never scores below the model alone,
and each filter on the model's names and each rule fix holds on sentences of its own."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span

import extract
from bench.ner import Score, as_document, model_alone, product
from extract.name_words import starts_sentence
from extract.merge import Mention, Table, merge, model_mentions
from extract.ner import joining_word
from extract.train_ner import documents

SLICE = Path(__file__).parent / "data" / "nkjp-heldout-slice.iob"


def test_the_merge_scores_at_least_the_model_alone_on_a_held_out_slice():
    docs = [as_document(doc_id, sentences) for doc_id, sentences in documents(SLICE)]
    assert 150 <= sum(len(s) for _, s in documents(SLICE)) <= 300  # sentences
    merged, model = Score(), Score()
    for d in docs:
        merged.add(d.gold, product(d.text))
        model.add(d.gold, model_alone(d.text))
    assert merged.total.final() >= model.total.final()


def span(doc, words: str, label: str) -> Span:
    start = doc.text.index(words)
    return doc.char_span(start, start + len(words), label=label)


def model_says(text: str, *spans: tuple[str, str]) -> list[tuple[str, str]]:
    """The filtered model mentions of `text` when the model found exactly these (words, label)."""
    doc = extract.read(text)
    doc.spans["ner"] = [span(doc, words, label) for words, label in spans]
    return [(m.span.text, m.label) for m in model_mentions(doc)]


def test_honorifics_and_abbreviations_are_no_part_of_a_name():
    assert model_says("Wykład wygłosił prof. Jan Nowak z Opola.", ("prof. Jan Nowak", "persName")) == [
        ("Jan Nowak", "persName")]
    assert model_says("Przyszli też inni, np. sąsiedzi.", ("np.", "persName")) == []
    assert model_says("Pracował tam m.in. Adam Wolny.", ("m.in. Adam Wolny", "persName")) == [("Adam Wolny", "persName")]


def test_the_models_name_ends_before_a_preposition_or_conjunction():
    """The model sometimes runs a name on into the "w" of its seat ("Konsulatu Generalnego RP w"): the name
    ends before it, and the seat stays a name of its own."""
    doc = extract.read("Na spotkanie przybyli przedstawiciele Konsulatu Generalnego RP w Toronto w osobach konsula "
                       "i jego zastępcy.")
    names = [s.text for s in doc.spans["ner"]]
    assert "Konsulatu Generalnego RP" in names and "Toronto" in names
    assert not any(joining_word(s[-1]) for s in doc.spans["ner"])
    assert [joining_word(t) for t in extract.read("Rada w Lipnie i oraz Wola")] == [False, True, False, True, True, False]


def test_an_initial_stays_with_its_name():
    assert model_says("Zatrzymano Tomasza K. wczoraj.", ("Tomasza K.", "persName")) == [("Tomasza K.", "persName")]


def test_a_sentence_opening_verb_pronoun_or_conjunction_is_no_name():
    assert model_says("Byłem w Gnieźnie.", ("Byłem", "persName")) == []
    assert model_says("Gdybyśmy wiedzieli, przyjechałby Karol.", ("Gdybyśmy", "persName")) == []
    assert model_says("My mieszkamy w Lublinie.", ("My", "persName")) == []


def test_a_dash_and_comma_at_a_names_edge_are_dropped_quotes_kept():
    assert model_says("Rozmawiali Ala Makowska - i Jan.", ("Ala Makowska -", "persName")) == [("Ala Makowska", "persName")]
    assert model_says("Pisał do „Kuriera Porannego” co tydzień.", ("„Kuriera Porannego”", "orgName")) == [
        ("„Kuriera Porannego”", "orgName")]


def test_a_line_of_dialogue_opens_a_sentence():
    doc = extract.read("Nie wiem. – Jak to? – Tylko tak.")
    assert [t.text for t in doc if starts_sentence(t) and t.is_alpha] == ["Nie", "Jak", "Tylko"]


def rule_places(text: str) -> list[str]:
    return [e.text for e in extract.read(text).ents if e.label_ == "placeName"]


@pytest.mark.parametrize("text, word", [
    ("Wczoraj Monika poszła do sklepu.", "Monika"),  # a given name SGJP also knows as a village
    ("Zadzwonił Roman, a potem wyszedł.", "Roman"),
    ("Nie wiem. – Jak to? – Myślę, że tak.", "Jak"),  # dialogue: an opening word, no place
    ("Nie wiem. – Jak to? – Myślę, że tak.", "Myślę"),
    ("Sondaże mówią, że PiS wygra.", "PiS"),  # SGJP knows it as an organisation's name
])
def test_sgjp_name_class_alone_makes_no_place(text, word):
    assert word not in rule_places(text)


def test_kronika_ner_keeps_an_organisations_seat():
    found = {(m["text"], m["label"]) for m in extract.text_mentions(
        "Wyrok wydał Sąd Okręgowy w Piotrkowie, a potem Rada Miejska w Białym Borze go omówiła.")}
    assert {("Sąd Okręgowy w Piotrkowie", "orgName"), ("Rada Miejska w Białym Borze", "orgName")} <= found


def mention(doc, words: str, label: str, source: str = "ner", rule: str | None = None) -> Mention:
    s = span(doc, words, label)
    return Mention(s.start, s.end, label, source, rule, s)


FIGURES = Table(add_threshold=0.4, min_count=5, rules={
    "place-sgjp": {"placeName": {"alone_n": 50, "alone_precision": 0.1,
                                 "relabel_geogName_n": 80, "relabel_geogName_precision": 0.2,
                                 "relabel_geogName_model_precision": 0.7}},
    "date-range": {"date": {"conflict_n": 10, "conflict_precision": 1.6, "conflict_model_precision": 0.97}},
})


def test_a_rule_replaces_the_model_only_where_it_is_measured_more_precise():
    doc = extract.read("Jechali przez Europę w latach 1944–1990 do Tatr.")
    model = [mention(doc, "Europę", "geogName"), mention(doc, "latach 1944", "date"), mention(doc, "1990", "date")]
    rules = [mention(doc, "Europę", "placeName", "rules", "place-sgjp"), mention(doc, "Tatr", "placeName", "rules", "place-sgjp"),
             mention(doc, "latach 1944–1990", "date", "rules", "date-range"),
             mention(doc, "Jechali", "persName", "rules", "never-measured")]
    out = [(m.span.text, m.label) for m in merge(rules, model, FIGURES)]
    # geogName kept; the range whole; a rule measured imprecise alone is not added; one NKJP cannot tell about is
    assert out == [("Jechali", "persName"), ("Europę", "geogName"), ("latach 1944–1990", "date")]


def test_kronika_ner_reads_every_sentence_and_joins_date_ranges():
    found = extract.text_mentions("nikt nie przyszedł 12 maja 2003 roku. W latach 1944–1990 działał tu Sąd Okręgowy w Piotrkowie.")
    texts = {(m["text"], m["label"]) for m in found}
    assert ("latach 1944–1990", "date") in texts and ("Sąd Okręgowy w Piotrkowie", "orgName") in texts
    assert any(m["label"] == "date" and "2003" in m["text"] for m in found)


def test_without_the_statistical_ner_every_rule_mention_is_printed():
    doc = extract.pipeline(statistical_ner=False)("Jan Nowak był w Krakowie.")
    assert [(m["text"], m["label"]) for m in extract.mentions(doc)] == [("Jan Nowak", "persName"), ("Krakowie", "placeName")]
