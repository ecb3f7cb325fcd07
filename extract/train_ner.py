"""Train the statistical NER on NKJP 1M (`make train-ner`).

Reads `../shared/data/nkjp-ner/nkjp-nested-simplified-v2.iob.gz` (or
NKJP_IOB), keeps the outermost entity layer (placeName-* → placeName),
holds out every 10th document for evaluation, trains with `ner.cfg` and
writes the pipeline to `extract/ner-model/`, with per-label scores in
`extract/ner-model/scores.json`.

NER_EPOCHS sets the number of epochs; NER_CONTINUE=1 trains further from the best model of the
previous run (at half the learning rate), as the committed model was: 4 epochs, then 3 more.
NER_PRETRAIN_EPOCHS=N first pretrains the tok2vec (`spacy pretrain`, the characters objective) on the
training documents' text with Kronika's morphology set and trains from those weights: measured in
session 38 (4 epochs, then 6 of training) and not kept (bench/README.md, issue 14).
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from pathlib import Path

import spacy
from spacy.cli.init_config import fill_config
from spacy.cli.train import train
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.training.pretrain import pretrain

from . import morphology  # noqa: F401  registers kronika_morphology, whose tags the NER reads

HERE = Path(__file__).parent
DEFAULT_IOB = HERE.parent.parent / "shared" / "data" / "nkjp-ner" / "nkjp-nested-simplified-v2.iob.gz"
MODEL = Path(os.environ.get("NER_MODEL_DIR", HERE / "ner-model"))
NO_SPACE_BEFORE = set(",.;:!?)]}”»…%")
NO_SPACE_AFTER = set("([{„«")
HELD_OUT_EVERY = 10
PRETRAINING = {  # `spacy pretrain`: predict the first and last characters of each word from its context
    "max_epochs": 4, "dropout": 0.2, "n_save_every": None, "n_save_epoch": None, "component": "tok2vec", "layer": "",
    "corpus": "corpora.pretrain",
    "batcher": {"@batchers": "spacy.batch_by_words.v1", "size": 3000, "discard_oversize": False, "tolerance": 0.2,
                "get_length": None},
    "objective": {"@architectures": "spacy.PretrainCharacters.v1", "maxout_pieces": 3, "hidden_size": 300,
                  "n_characters": 4},
    "optimizer": {"@optimizers": "Adam.v1", "beta1": 0.9, "beta2": 0.999, "L2_is_weight_decay": True, "L2": 0.01,
                  "grad_clip": 1.0, "use_averages": True, "eps": 1e-8, "learn_rate": 0.001},
}


def label_of(tag: str) -> tuple[str, str] | None:
    """ "B-placeName-settlement#B-..." → ("B", "placeName"), outermost layer only."""
    if tag == "O":
        return None
    outer = tag.split("#")[0]
    prefix, _, name = outer.partition("-")
    return prefix, name.split("-")[0]


def documents(path: Path):
    """(document id, [sentences]) where a sentence is [(orth, label)]; the file gzipped or plain."""
    doc_id, sentences, sentence = None, [], []
    with (gzip.open if path.suffix == ".gz" else open)(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART FILE"):
                if sentence:
                    sentences.append(sentence)
                if doc_id is not None and sentences:
                    yield doc_id, sentences
                doc_id, sentences, sentence = line.split()[-1], [], []
            elif line.startswith("-DOCSTART"):
                continue
            elif not line.strip():
                if sentence:
                    sentences.append(sentence)
                sentence = []
            else:
                parts = line.split("\t")
                sentence.append((parts[0], parts[-1]))
    if sentence:
        sentences.append(sentence)
    if doc_id is not None and sentences:
        yield doc_id, sentences


def to_doc(vocab, sentences) -> Doc:
    words, spaces, labels, starts = [], [], [], []
    for sentence in sentences:
        for i, (orth, tag) in enumerate(sentence):
            words.append(orth)
            labels.append(label_of(tag))
            starts.append(i == 0)
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        spaces.append(bool(nxt) and nxt[:1] not in NO_SPACE_BEFORE and w[-1:] not in NO_SPACE_AFTER)
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
    ents, start, name = [], None, None
    for i, lab in enumerate(labels + [None]):
        if start is not None and (lab is None or lab[0] == "B" or lab[1] != name):
            ents.append(Span(doc, start, i, label=name))
            start = None
        if lab is not None and (lab[0] == "B" or start is None):
            start, name = i, lab[1]
    doc.ents = ents
    return doc


def prune_strings(model: Path, labels: set[str]) -> None:
    """Keep only the label strings: the model reads words through their hashes, so the training
    corpus's vocabulary need not ship with it (predictions are unchanged)."""
    path = model / "vocab" / "strings.json"
    moves = {f"{p}-{label}" for p in "BILU" for label in labels}
    path.write_text(json.dumps(sorted(s for s in json.loads(path.read_text()) if s in labels | moves | {"O", ""})))


def pretrained_tok2vec(work: Path, config, train_docs: DocBin, epochs: int) -> Path:
    """The tok2vec's weights after `epochs` of `spacy pretrain` on the training documents, read with Kronika's
    morphology (the lemma and tag the NER reads): the file to initialise the training from."""
    nlp = spacy.blank("pl")
    morph = nlp.add_pipe("kronika_morphology")
    corpus = DocBin(attrs=["ORTH", "LEMMA", "TAG", "SPACY", "NORM", "SENT_START"])
    for doc in train_docs.get_docs(nlp.vocab):
        doc.ents = []
        corpus.add(morph(doc))
    corpus.to_disk(work / "pretrain.spacy")
    config = config.copy()
    config["paths"]["pretrain"] = str(work / "pretrain.spacy")
    config["corpora"]["pretrain"] = {"@readers": "spacy.Corpus.v1", "path": "${paths.pretrain}", "max_length": 0,
                                     "gold_preproc": False, "limit": 0, "augmenter": None}
    config["pretraining"] = {**PRETRAINING, "max_epochs": epochs}
    config.to_disk(work / "pretrain.cfg")
    _base, filled = fill_config(work / "pretrain-filled.cfg", work / "pretrain.cfg", pretraining=True, silent=True)
    out = work / "pretrain"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    pretrain(filled.interpolate(), out, silent=False)
    return out / f"model{epochs - 1}.bin"


def main() -> int:
    source = Path(os.environ.get("NKJP_IOB", DEFAULT_IOB))
    if not source.exists():
        print(f"train_ner: {source}: NKJP IOB file not found (set NKJP_IOB)", file=sys.stderr)
        return 1
    work = Path(os.environ.get("NER_WORKDIR", HERE.parent / ".ner-training"))
    work.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("pl")
    train_bin, dev_bin = DocBin(), DocBin()
    for n, (_doc_id, sentences) in enumerate(documents(source)):
        (dev_bin if n % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 else train_bin).add(to_doc(nlp.vocab, sentences))
    train_bin.to_disk(work / "train.spacy")
    dev_bin.to_disk(work / "dev.spacy")
    print(f"train_ner: {len(train_bin)} training documents, {len(dev_bin)} held out", file=sys.stderr)
    config = spacy.util.load_config(HERE / "ner.cfg")
    config["paths"]["train"], config["paths"]["dev"] = str(work / "train.spacy"), str(work / "dev.spacy")
    if os.environ.get("NER_EPOCHS"):
        config["training"]["max_epochs"] = int(os.environ["NER_EPOCHS"])
    pretrain_epochs = int(os.environ.get("NER_PRETRAIN_EPOCHS", 0))
    if pretrain_epochs and not os.environ.get("NER_CONTINUE"):
        config["initialize"]["init_tok2vec"] = str(pretrained_tok2vec(work, config, train_bin, pretrain_epochs))
        config["pretraining"] = {**PRETRAINING, "max_epochs": pretrain_epochs}  # the component the weights are for
    out = work / "out"
    if os.environ.get("NER_CONTINUE") and (out / "model-best").exists():
        previous = work / "previous-best"
        shutil.rmtree(previous, ignore_errors=True)
        shutil.copytree(out / "model-best", previous)
        config["components"]["tok2vec"] = {"source": str(previous)}
        config["components"]["ner"] = {"source": str(previous)}
        config["training"]["optimizer"]["learn_rate"] = 0.0005
    config.to_disk(work / "train.cfg")
    train(work / "train.cfg", out)
    best = spacy.load(out / "model-best")
    dev = list(DocBin().from_disk(work / "dev.spacy").get_docs(best.vocab))
    scores = best.evaluate([Example(best.make_doc(d.text), d) for d in dev])
    report = {"ents_p": scores["ents_p"], "ents_r": scores["ents_r"], "ents_f": scores["ents_f"],
              "per_type": scores["ents_per_type"], "held_out_documents": len(dev_bin)}
    if MODEL.exists():
        shutil.rmtree(MODEL)
    best.to_disk(MODEL, exclude=["tokenizer"])
    prune_strings(MODEL, set(report["per_type"]))
    (MODEL / "scores.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
