"""The confidences of the extractor's rules come from bench/calibrate.py: its rewrite of the lexicon."""
from bench.calibrate import MIN_FACTS, accepted, confidence, rewrite

LEXICON = """[confidence]
org-head = 0.9
role-context = 0.6
ner = 0.7

# Dates relative to the year in force.
[relative_months]
"miesiąc później" = 1
"""


def test_a_rule_measured_on_enough_facts_takes_its_precision_and_the_rest_is_kept():
    measured = {"org-head": (41, 50), "role-context": (2, MIN_FACTS - 1), "place-in-list": (6, 10)}
    out = rewrite(LEXICON, measured)
    assert "org-head = 0.81\n" in out, "(41 + 1) / (50 + 2)"
    assert "role-context = 0.6\n" in out and "ner = 0.7\n" in out, "too few facts, or none: as it was"
    assert out.splitlines()[:6] == ["[confidence]", "org-head = 0.81", "role-context = 0.6", "ner = 0.7",
                                    "place-in-list = 0.58", ""], "a rule measured but not listed is added"
    assert out.splitlines()[6:] == LEXICON.splitlines()[5:], "other tables and their comments untouched"


def test_few_facts_pull_the_confidence_towards_one_half():
    assert confidence(5, 5) < confidence(50, 50) < 1
    assert confidence(0, 5) > 0 and confidence(0, 50) < confidence(0, 5)


def test_accepting_above_a_threshold_counts_the_facts_of_the_rules_at_or_above_it():
    measured = {"org-head": (41, 50), "role-context": (2, 9), "place-in-list": (6, 10)}
    confidences = {"org-head": 0.95, "role-context": 0.58}  # place-in-list: none in the table, 0.5
    assert accepted(measured, confidences, 0.95) == (41, 50)
    assert accepted(measured, confidences, 0.5) == (49, 69)
    assert accepted(measured, confidences, 0.99) == (0, 0)
