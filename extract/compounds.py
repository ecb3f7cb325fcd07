"""Compound adjectives written with a dash and spaces: "warmińsko - mazurskie", "Polsko – Węgierskiej", "Polsko- Czeskiej".

A page often writes the hyphen of a compound adjective as a dash, with a space on one side or both
("województwo warmińsko – mazurskie", "Towarzystwo Polsko- Niemieckie"). SGJP knows such a compound only
as one word ("warmińsko-mazurski"), so its two halves read as an adverb and an adjective, and the unit or
the body named by them is lost or cut. The `kronika_compounds` component merges the first half, the dash
and the second half into one token where SGJP reads the halves joined by a hyphen as an adjective; the
morphology analyses such a token as that hyphenated word (`compound_form`).
"""

from spacy.language import Language
from spacy.tokens import Doc

from .morphology import analyser, compound_form
from .name_words import DASH_JOINERS


def first_half(word: str) -> bool:
    """A compound adjective's first half: SGJP reads it as an adverb ("warmińsko", "polsko", "Polsko" also a
    vocative) or, in lower case, not at all ("społeczno"); not a word of its own ("Olecko", "powiatowego", a
    surname "Kowalenko")."""
    readings = analyser().analyse(word)
    if not any(a.pos == "adv" for a in readings) and not (word.islower() and all(a.pos == "ign" for a in readings)):
        return False
    return all(a.pos in ("adv", "ign") or a.pos == "subst" and a.cases <= {"voc"} for a in readings)


@Language.factory("kronika_compounds")
def make_compounds(nlp: Language, name: str):
    return Compounds()


class Compounds:
    def __call__(self, doc: Doc) -> Doc:
        spans = []
        i, n = 0, len(doc)
        while i + 1 < n:
            first = doc[i]
            if not first.text.rstrip("-").endswith(("o", "O")) or not first.text[:1].isalpha():
                i += 1
                continue
            if first.text.endswith("-") and first.whitespace_:  # "Polsko- Niemieckiej"
                end = i + 2
            elif doc[i + 1].text in DASH_JOINERS and i + 2 < n and (first.whitespace_ or doc[i + 1].whitespace_):
                end = i + 3  # "warmińsko – mazurskiego", "polsko -niemieckiej"
            else:
                i += 1
                continue
            second = doc[end - 1]
            if second.text[:1].isalpha() and first.text[:1].isupper() == second.text[:1].isupper() \
                    and first_half(first.text.rstrip("-")) \
                    and any(a.pos == "adj" for a in analyser().analyse(compound_form(doc[i:end].text))):
                spans.append(doc[i:end])
                i = end
            else:
                i += 1
        if spans:
            with doc.retokenize() as retokenizer:
                for span in spans:
                    retokenizer.merge(span)
        return doc
