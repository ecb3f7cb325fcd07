"""Kronika's extractor: a spaCy pipeline for Polish historical prose.

`pipeline()` builds it from `config.cfg`; `read(text)` runs it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.tokens import Doc

from . import dates, entities, facts, linker, morphology, segmenter, tokenizer  # noqa: F401  (register factories)

CONFIG = Path(__file__).parent / "config.cfg"
VERSION = "0.1.0"


@lru_cache(maxsize=1)
def pipeline() -> spacy.Language:
    config = spacy.util.load_config(CONFIG)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def read(text: str) -> Doc:
    return pipeline()(text)
