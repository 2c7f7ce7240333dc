"""CAMEO root categories from rules kept as data; every rule's examples are run."""

from __future__ import annotations

import pytest

from timeline.events.categories import category_rules, classify, label, roots

RULE_EXAMPLES = [
    pytest.param(rule.name, rule.code, text, code, id=f"{rule.name}:{text[:30]}")
    for rule in category_rules()
    for text, code in rule.examples
]


def test_twenty_root_codes():
    assert list(roots()) == [f"{i:02d}" for i in range(1, 21)]
    assert label("05") == "05 Engage in diplomatic cooperation"
    assert label("15") == "15 Exhibit military posture"


def test_every_rule_has_examples_and_a_valid_code():
    for rule in category_rules():
        assert rule.examples, rule.name
        assert rule.code in roots(), rule.name


@pytest.mark.parametrize("name,rule_code,text,code", RULE_EXAMPLES)
def test_rule_examples(name, rule_code, text, code):
    assert code == rule_code
    assert classify(text) == (label(code), name)


def test_clause_wins_over_the_rest_of_the_sentence():
    clause = "Pyongyang tested one of its most powerful missiles"
    sentence = clause + ", demonstrating its threat to the US mainland."
    assert classify(clause, sentence)[0].startswith("15 ")


def test_no_cue_falls_back_to_a_public_statement():
    assert classify("The weather was mild.") == ("01 Make public statement", "default")
