"""CAMEO root categories from rules kept as data; every rule's examples are run."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from timeline.events.categories import _first_rule, category_rules, classify, label, roots

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


def _first_rule_one_by_one(text):
    """The plain reading of the rules: every rule's IGNORECASE regex in file order."""
    return next((rule for rule in category_rules() if rule.regex.search(text)), None)


def test_first_rule_is_the_rules_tried_one_by_one():
    root = Path(__file__).resolve().parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "data" / "news").glob("*.txt"))]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]
    sentences += [e[0] for r in category_rules() for e in r.examples]
    rng = random.Random(11)
    clauses = [c for s in sentences for c in re.split(r",\s*", s)]
    upper = ["".join(ch.upper() if rng.random() < 0.4 else ch for ch in s) for s in sentences]
    odd = ["\u017f" + s for s in sentences[::5]]  # only IGNORECASE is exact here
    for text in sentences + clauses + upper + odd:
        _first_rule.cache_clear()
        assert _first_rule(text) == _first_rule_one_by_one(text), text


@pytest.mark.parametrize("text, code", [
    # a date that dates only the telling ("..., an army spokesman said Wednesday") is labelled
    # with what was told, and takes its category
    ("Burundian Hutu rebels killed more than 40 people during a raid on a seminary at Buta, an army "
     "spokesman said here Wednesday.", "18"),
    ("Pakistani Foreign Minister Khursheed Mahmood Kasuri would pay an official visit to Kabul early "
     "next month, Afghanistan's Foreign Minister said Tuesday.", "04"),
    # ... and a telling that is the news stays a statement
    ("The president said on Tuesday that the economy was strong.", "01"),
])
def test_the_category_of_a_telling_is_that_of_what_was_told(text, code):
    from timeline import extract

    table = extract(text, published="2006-11-22")
    row = table[table["date_text"].isin(["Wednesday", "Tuesday", "on Tuesday"])].iloc[0]
    assert row.category[:2] == code
