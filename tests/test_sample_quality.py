"""Extraction quality on the sample text, measured with the shared scorer (copied into tests/eval)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLE

EVAL = Path(__file__).parent / "eval"
THRESHOLDS = {"entities": 0.95, "organisations": 0.95, "canonical_names": 0.95, "roles": 0.90, "events": 0.85, "relations": 0.80, "facts": 0.85}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "sample.trig"
    subprocess.run([sys.executable, "-c", "from server.cli import main; main()", "extract", str(SAMPLE), "-o", str(out)],
                   check=True, capture_output=True)
    proc = subprocess.run([sys.executable, str(EVAL / "score.py"), "--case", str(out),
                           str(EVAL / "historia-kontaktow-blizniaczych.json"), "--json"],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("category,threshold", sorted(THRESHOLDS.items()))
def test_sample_f1_meets_the_goal(scores, category, threshold):
    assert scores[category]["f1"] >= threshold, scores[category]


def test_sample_role_dates_recall(scores):
    assert scores["role_dates"]["r"] >= 0.90, scores["role_dates"]


def test_the_export_of_a_built_store_still_follows_the_contract(built_store, tmp_path):
    """`kronika export` output is read by the shared scorer as well as `kronika extract` output."""
    out = tmp_path / "public.trig"
    subprocess.run([sys.executable, "-c", "from server.cli import main; main()", "export", "--store", str(built_store),
                    "-o", str(out), "--provenance", str(tmp_path / "prov.nq")], check=True, capture_output=True)
    proc = subprocess.run([sys.executable, str(EVAL / "score.py"), "--case", str(out),
                           str(EVAL / "historia-kontaktow-blizniaczych.json"), "--json"],
                          check=True, capture_output=True, text=True)
    scores = json.loads(proc.stdout.strip().splitlines()[-1])
    assert scores["facts"]["f1"] >= THRESHOLDS["facts"] and scores["entities"]["f1"] >= THRESHOLDS["entities"]
    assert (tmp_path / "prov.nq").stat().st_size > 0
