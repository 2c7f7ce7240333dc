"""The tense a date's own verb gives it (events/verbs.py)."""

from __future__ import annotations

import pytest

from timeline.events.sentences import split_sentences
from timeline.events.verbs import own_verb_tense, past_verb_before


@pytest.mark.parametrize(
    "sentence,date,tense",
    [
        ("Leaders met at the previous two summits in April.", "April", "past"),
        ("The popular Megawati was ousted as chairwoman in June.", "June", "past"),
        ("The vote will be held on March 2.", "March 2", "future"),
        ("The board is to meet on Nov. 24 in Vienna.", "Nov. 24", "future"),
        ("The ministers are due to visit in May.", "May", "future"),
        # another verb, a break or a condition between: the date is not that verb's
        ("The Expo, which opened on November 30 and runs through December 11, drew crowds.",
         "December 11", None),
        ("If the government fell on Dec. 8, a vote would follow.", "Dec. 8", None),
        ("The previous schedule had put the finals on Dec. 5.", "Dec. 5", None),
        ("He agreed to hold talks in May.", "May", None),
    ],
)
def test_the_verb_right_before_a_date_gives_its_tense(sentence, date, tense):
    (s,) = split_sentences(sentence)
    assert own_verb_tense(sentence, sentence.index(date), s) == tense


@pytest.mark.parametrize(
    "text,expected",
    [
        ("boycotted the", True),
        ("contested the", True),
        ("calls for a boycott of the", False),
        ("had put the", False),
        ("will be held the", False),
        ("indeed the", False),
    ],
)
def test_a_simple_past_right_before_a_word(text, expected):
    at = text.rindex(" the") + 1
    assert past_verb_before(text, at) is expected
