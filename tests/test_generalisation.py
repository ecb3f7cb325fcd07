"""Extraction quality on the project's own texts of the genre (tests/texts), not the sample.

Each text has a hand-made gold standard in the shared format; the scorer is the shared one.
The goals are the ones set for unseen texts: entities F1 ≥ 0.80, facts F1 ≥ 0.60.
"""
from __future__ import annotations

import importlib.util
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
        _extract(text, pred)
        cases += ["--case", str(pred), str(text.with_suffix(".json"))]
    assert len(cases) >= 15, "at least five test texts"
    proc = subprocess.run([sys.executable, str(EVAL / "score.py"), *cases, "--json"], check=True,
                          capture_output=True, text=True)
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    scorer = _scorer()
    summary["per_text"] = {Path(gold).stem: {k: scorer.score_case(Path(pred), Path(gold))[k].prf()[2]
                                             for k in ("entities", "facts")}
                           for pred, gold in zip(cases[1::3], cases[2::3])}
    return summary


def _extract(text: Path, out: Path) -> None:
    """What `kronika extract TEXT -o OUT` writes, in this process: the pipeline is loaded once for all texts."""
    from graph.build import extract_file
    from graph.facts import FactBuilder
    from graph.vocab import Base

    extract_file(text, FactBuilder(Base()), out)


def _scorer():
    """The shared scorer as a module, to score each text on its own."""
    spec = importlib.util.spec_from_file_location("kronika_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_entities_on_unseen_genre_texts(scores):
    assert scores["entities"]["f1"] >= 0.80, scores["entities"]


def test_facts_on_unseen_genre_texts(scores):
    assert scores["facts"]["f1"] >= 0.60, scores["facts"]


def test_each_text_on_its_own(scores):
    """The goals hold for every text, not only on average: one text cannot hide a regression."""
    low = {text: f for text, f in scores["per_text"].items() if f["entities"] < 0.80 or f["facts"] < 0.60}
    assert not low, low
