"""Every example in the rules data file is a test: the rule finds what it says, with that value."""

from __future__ import annotations

import pytest

from timeline.temporal.rules import rules
from timeline.temporal.tagger import find_mentions, tag

EXAMPLES = [
    pytest.param(rule.name, ex, id=f"{rule.name}:{ex['text'][:40]}")
    for rule in rules()
    for ex in rule.examples
]


@pytest.mark.parametrize(("rule_name", "example"), EXAMPLES)
def test_rule_example(rule_name, example):
    text = example["text"]
    mentions = tag(text, published=example.get("published", "1998-01-08"))
    if example["match"] is None:
        assert not [m for m in mentions if m.rule.startswith(rule_name)], (
            f"{rule_name} should not match in {text!r}: {[m.text for m in mentions]}"
        )
        return
    hits = [m for m in mentions if m.text == example["match"]]
    assert hits, f"expected {example['match']!r} in {text!r}, got {[m.text for m in mentions]}"
    m = hits[0]
    assert text[m.start : m.end] == m.text
    assert m.value == example["value"], f"{m.text!r}: {m.value} (rule {m.rule})"


def test_every_rule_has_examples_and_triggers():
    for rule in rules():
        assert rule.examples, f"rule {rule.name} has no examples"
        assert rule.triggers, f"rule {rule.name} has no trigger classes"


def test_find_stage_leaves_values_for_the_resolver():
    ms = find_mentions("The talks ended on Thursday, after two days.")
    assert [m.text for m in ms] == ["Thursday", "two days"]
    assert all(m.value == "" for m in ms)
    assert ms[0].spec["weekday"] == "Thursday"
