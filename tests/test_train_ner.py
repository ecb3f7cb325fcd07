"""Reading NKJP's IOB layer for training: outermost entities, placeName-* folded, documents held out."""
from __future__ import annotations

import gzip

import spacy
from spacy.tokens import DocBin
from spacy.training.pretrain import get_tok2vec_ref

from extract.train_ner import HERE, documents, label_of, pretrained_tok2vec, prune_strings, to_doc

IOB = """-DOCSTART CONFIG FEATURES orth base ctag
-DOCSTART FILE ./doc-1
Jan\tJan\tsubst\tB-persName#B-persName-forename
Nowak\tNowak\tsubst\tI-persName#B-persName-surname
odwiedził\todwiedzić\tpraet\tO
Kraków\tKraków\tsubst\tB-placeName-settlement
.\t.\tinterp\tO

-DOCSTART FILE ./doc-2
Urząd\turząd\tsubst\tB-orgName
Miasta\tmiasto\tsubst\tI-orgName#B-placeName-settlement
Opola\tOpole\tsubst\tI-orgName#I-placeName-settlement

"""


def test_iob_documents_become_docs_with_outermost_entities(tmp_path):
    path = tmp_path / "sample.iob.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(IOB)
    docs = list(documents(path))
    assert [d for d, _ in docs] == ["./doc-1", "./doc-2"]
    assert label_of("I-orgName#B-placeName-settlement") == ("I", "orgName")
    nlp = spacy.blank("pl")
    first, second = (to_doc(nlp.vocab, sentences) for _id, sentences in docs)
    assert [(e.text, e.label_) for e in first.ents] == [("Jan Nowak", "persName"), ("Kraków", "placeName")]
    assert first.text == "Jan Nowak odwiedził Kraków."
    assert [(e.text, e.label_) for e in second.ents] == [("Urząd Miasta Opola", "orgName")]


def test_pruned_model_vocabulary_keeps_only_labels(tmp_path):
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "strings.json").write_text('["Kraków", "persName", "B-persName", "O", "słowo"]')
    prune_strings(tmp_path, {"persName"})
    assert (tmp_path / "vocab" / "strings.json").read_text() == '["B-persName", "O", "persName"]'


def test_pretraining_gives_weights_the_ners_tok2vec_loads(tmp_path):
    path = tmp_path / "sample.iob.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(IOB * 20)
    nlp = spacy.blank("pl")
    docs = DocBin()
    for _id, sentences in documents(path):
        docs.add(to_doc(nlp.vocab, sentences))
    config = spacy.util.load_config(HERE / "ner.cfg")
    weights = pretrained_tok2vec(tmp_path, config, docs, 1)
    assert weights.exists() and weights.stat().st_size > 0
    pipeline = spacy.util.load_model_from_config(config, auto_fill=True)
    pipeline.initialize()
    before = get_tok2vec_ref(pipeline, {"component": "tok2vec", "layer": ""}).to_bytes()
    tok2vec = get_tok2vec_ref(pipeline, {"component": "tok2vec", "layer": ""}).from_bytes(weights.read_bytes())
    assert tok2vec.to_bytes() != before, "the pretrained weights replace the initial ones"
