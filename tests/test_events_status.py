"""Happened, ongoing, planned or target: wording cues (data) checked against publication time."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from timeline.events.status import cue_status, decide_status, status_rules

EXAMPLES = [
    pytest.param(rule.name, rule.status, text, status, id=f"{rule.name}:{text[:30]}")
    for rule in status_rules()
    for text, status in rule.examples
]
PUB = date(2024, 11, 2)
DAY = pd.Timestamp


@pytest.mark.parametrize("name,rule_status,text,status", EXAMPLES)
def test_rule_examples(name, rule_status, text, status):
    assert status == rule_status
    assert cue_status(text) == (status, name)


def test_signal_by_makes_a_target_even_without_the_word():
    assert cue_status("Japan is increasing defense spending", "by") == ("target", "deadline-by")


@pytest.mark.parametrize(
    "clause,signal,start,end,status",
    [
        ("Japan is increasing spending by 2027", "by", "2027-01-01", "2027-12-31", "target"),
        ("Mr Borrell will head to Seoul", None, "2024-11-04", "2024-11-04", "planned"),
        ("Pyongyang tested a missile", None, "2024-10-31", "2024-10-31", "happened"),
        ("Troops are massing on the border", None, "2024-10-28", "2024-11-03", "ongoing"),
        ("Japan's general election", None, "2024-10-21", "2024-10-27", "happened"),
        ("the summit", None, "2024-12-01", "2024-12-31", "planned"),
        ("output had fallen by 2020", "by", "2020-01-01", "2020-12-31", "happened"),
    ],
)
def test_decide_status(clause, signal, start, end, status):
    got, warnings = decide_status(clause, signal, DAY(start), DAY(end), PUB)
    assert got == status
    assert warnings == []


def test_past_verb_about_a_future_date_is_planned():
    # "agreed on Monday to hold talks next month": the dated event is still to come.
    status, warnings = decide_status("The ministers agreed to hold talks", None,
                                     DAY("2025-01-10"), DAY("2025-01-10"), PUB)
    assert status == "planned" and warnings == []


def test_the_cue_nearest_to_the_date_wins():
    clause = "Another topic will be a dialogue which Singapore hosted last year"
    assert cue_status(clause, None, clause.index("last year"))[0] == "happened"
    clause = "China said on Tuesday it would hold naval drills"
    assert cue_status(clause, None, clause.index("Tuesday"))[0] == "happened"
    clause = "In 1940, we got hope and in the end we would be triumphant"
    assert cue_status(clause, None, clause.index("1940"))[0] == "happened"


def test_without_publication_time_wording_decides():
    assert decide_status("will meet", None, None, None, None) == ("planned", [])
    assert decide_status("the talks", None, None, None, None) == ("happened", [])
