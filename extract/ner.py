"""The statistical NER trained on NKJP (`make train-ner`), run on the sentences that can hold a name.

The rules take a name from the model only when every word of it passes their test of a name word,
and that needs a capital letter: a sentence with no capitalised word, or with only an opening word
that SGJP knows as a common word, cannot give them one. Those sentences (two fifths of the words
of NKJP's text) are not read, which saves that share of the model's time. What the model finds in
the others goes to `doc.spans["ner"]`, with offsets into the whole document. `kronika ner` has it
read every sentence: the dates and times of the skipped ones are its output too (2.2 points of the
model's final score on NKJP's held-out documents).
"""

from pathlib import Path

import numpy
import spacy
from spacy.attrs import LEMMA, ORTH, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from .lexicon import lexicon
from .morphology import analyses, lemma_set
from .name_words import may_hold_a_name, two_towns_across

NAMES = frozenset({"persName", "orgName", "placeName", "geogName"})


@Language.factory("kronika_ner", default_config={"model": ""})
def make_ner(nlp: Language, name: str, model: str):
    return SentenceNER(nlp, Path(model))


class SentenceNER:
    def __init__(self, nlp: Language, model: Path):
        # the pipeline's own vocabulary: the sentences read are copied out of a document as arrays
        trained = spacy.load(model, vocab=nlp.vocab, exclude=["tokenizer", "kronika_morphology"])
        trained.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        self.ner = trained.get_pipe("ner")

    def __call__(self, doc: Doc, every_sentence: bool = False) -> Doc:
        """`every_sentence` (as `kronika ner` asks through spaCy's component_cfg): its dates and times too."""
        doc.spans["ner"] = self.read(doc, every_sentence)
        return doc

    def read(self, doc: Doc, every_sentence: bool = False) -> list[Span]:
        """The model's entities in the sentences that may hold a name (or in every sentence)."""
        read = [i for sent in doc.sents if every_sentence or may_hold_a_name(sent) for i in range(sent.start, sent.end)]
        found = []
        if read:  # the sentences read, as one document built from the arrays of this one
            rows = doc.to_array([ORTH, SPACY, TAG, LEMMA])[read]
            strings = doc.vocab.strings
            words = [strings[h] for h in rows[:, 0].tolist()]
            if "’" in doc.text or "‘" in doc.text:  # "Saulius‘a": the apostrophe the model learned from NKJP's text
                words = [w.replace("’", "'").replace("‘", "'") if len(w) > 2 else w for w in words]
            part = Doc(doc.vocab, words=words, spaces=rows[:, 1].astype(bool).tolist())
            part.from_array([TAG, LEMMA], numpy.ascontiguousarray(rows[:, 2:]))
            for e in self.ner(part).ents:
                start, end = read[e.start], read[e.end - 1] + 1
                if end - start != len(e):
                    continue  # across a sentence left out
                while e.label_ in NAMES and end - start > 1 and joining_word(doc[end - 1]):
                    end -= 1  # "szkołą Zealand Business College w Ringsted": a name ends before its seat's "w"
                found += towns_apart(Span(doc, start, end, label=e.label_))
        return found


def towns_apart(span: Span) -> list[Span]:
    """ "Graz - Lublin", "Okręg Murau - Krapkowice" read as one name: two towns a spaced dash pairs (a list of
    partners), each a place of its own; but "Anna Graz - Lublin" stays a person of a double surname, and
    "Stowarzyszenie Graz - Lublin" an association named after both."""
    doc = span.doc
    dashes = [k for k in range(span.start + 1, span.end - 1) if two_towns_across(doc, k)]
    if not dashes or span.label_ not in NAMES or span.label_ == "persName" and len(span) != 3 \
            or dashes[0] - span.start > 1 and lemma_set(span[0]).isdisjoint(lexicon().territorial_heads):
        return [span]
    pieces, start = [], span.start
    for k in [*dashes, span.end]:
        one_town = k - start == 1
        pieces.append(Span(doc, start, k, label="placeName" if one_town or span.label_ == "persName" else span.label_))
        start = k + 1
    return pieces


def joining_word(token) -> bool:
    """A preposition or conjunction in lower case: it joins a name to the next words, it never ends one."""
    return token.is_lower and any(a.pos in ("prep", "conj") for a in analyses(token))
