"""The statistical NER trained on NKJP (`make train-ner`), run on the sentences that can hold a name.

The rules take a name from the model only when every word of it passes their test of a name word,
and that needs a capital letter: a sentence with no capitalised word, or with only an opening word
that SGJP knows as a common word, cannot give them one. Those sentences (two fifths of the words
of NKJP's text) are not read, which saves that share of the model's time. What the model finds in
the others goes to `doc.spans["ner"]`, with offsets into the whole document.
"""

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .entities import cap, has_common_reading
from .morphology import analyses


@Language.factory("kronika_ner", default_config={"model": ""})
def make_ner(nlp: Language, name: str, model: str):
    return SentenceNER(Path(model))


def may_hold_a_name(sent: Span) -> bool:
    """A capitalised word inside the sentence, or an opening one that is a name or unknown to SGJP."""
    for t in sent:
        if cap(t) and (t.i != sent.start or not has_common_reading(t) or any(a.proper for a in analyses(t))):
            return True
    return False


class SentenceNER:
    def __init__(self, model: Path):
        trained = spacy.load(model, exclude=["tokenizer", "kronika_morphology"])  # the document has its morphology
        trained.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        self.vocab = trained.vocab
        self.ner = trained.get_pipe("ner")

    def __call__(self, doc: Doc) -> Doc:
        read = [i for sent in doc.sents if may_hold_a_name(sent) for i in range(sent.start, sent.end)]
        found = []
        if read:
            tokens = [doc[i] for i in read]
            part = Doc(self.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens],
                       tags=[t.tag_ for t in tokens], lemmas=[t.lemma_ for t in tokens])
            for e in self.ner(part).ents:
                start, end = read[e.start], read[e.end - 1] + 1
                if end - start == len(e):  # not across a sentence left out
                    found.append(Span(doc, start, end, label=e.label_))
        doc.spans["ner"] = found
        return doc
