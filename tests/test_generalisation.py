"""Extraction quality on the project's own texts of the genre (tests/texts), not the sample.

Each text has a hand-made gold standard in the shared format; the scorer is the shared one.
The goals are the ones set for unseen texts: entities F1 ≥ 0.80, facts F1 ≥ 0.60.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import TEXTS

EVAL = Path(__file__).parent / "eval"


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("texts")
    cases = []
    for text in sorted(TEXTS.glob("*.txt")):
        pred = out / f"{text.stem}.trig"
        subprocess.run([sys.executable, "-c", "from server.cli import main; main()", "extract", str(text), "-o", str(pred)],
                       check=True, capture_output=True)
        cases += ["--case", str(pred), str(text.with_suffix(".json"))]
    assert len(cases) >= 15, "at least five test texts"
    proc = subprocess.run([sys.executable, str(EVAL / "score.py"), *cases, "--json"], check=True,
                          capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_entities_on_unseen_genre_texts(scores):
    assert scores["entities"]["f1"] >= 0.80, scores["entities"]


def test_facts_on_unseen_genre_texts(scores):
    assert scores["facts"]["f1"] >= 0.60, scores["facts"]
