"""Dates that point back at another ("the same period", "the following year")."""

from __future__ import annotations

from timeline import extract, tag


def _values(text, published):
    return {m.text: m.value for m in tag(text, published=published)}


def test_the_same_period_in_results_copy_is_the_quarter_named():
    text = "Third-quarter profit rose 10% to $3 million. Sales in the same period rose 5%."
    assert _values(text, "1989-10-29")["the same period"] == "1989-Q3"


def test_the_same_period_after_a_span_of_years_is_no_guessed_quarter():
    text = ("The government projects to raise about 32 trillion kwacha in revenue between 2007 "
            "and 2009 while spending is projected at 35 trillion kwacha for the same period.")
    assert _values(text, "2006-11-29")["the same period"] == ""
    table = extract(text, published="2006-11-29")
    assert list(table.date_value) == ["2007/2009"]
