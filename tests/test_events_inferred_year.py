"""A month or day without its year: which year the event table shows, and why."""

from __future__ import annotations

import pytest

from timeline import extract


@pytest.mark.parametrize(
    "text,published,value,why",
    [
        # The present perfect speaks of a state up to now; the elections nine days on stay put.
        ("Iraq has seen a spike of violence in the run-up to legislative elections on "
         "December 15.", "2005-12-06", "2005-12-15", "the publication date"),
        # A simple past names history: a month just ahead is last year's.
        ("The leaders met in April to discuss trade.", "2024-03-10", "2023-04",
         "the tense and the publication date"),
        ("The leaders will meet in April.", "2024-05-10", "2025-04",
         "the tense and the publication date"),
    ],
)
def test_the_year_guessed_and_the_reason_given(text, published, value, why):
    row = extract(text, published=published).iloc[0]
    assert row.date_value == value
    assert row.warnings == [
        f'"{row.date_text}" does not give the year; {value[:4]} is inferred from {why}.']
    assert row.confidence < 1
