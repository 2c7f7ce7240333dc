"""Month and day with a direction word instead of a year: "last November 3", "next March 4"."""

from __future__ import annotations

import pytest

from timeline import extract, tag


@pytest.mark.parametrize(
    "text,published,value",
    [
        ("He was arrested last November 3 in Paris.", "2007-01-10", "2006-11-03"),
        ("He died last Nov. 3, his family said.", "2007-01-10", "2006-11-03"),
        ("The run-off is set for next March 4.", "2006-11-10", "2007-03-04"),
        ("The run-off is set for next March 4.", "2006-02-10", "2006-03-04"),
    ],
)
def test_the_direction_word_gives_the_year(text, published, value):
    (m,) = tag(text, published=published)
    assert (m.value, m.warnings) == (value, [])
    assert text[m.start:m.end].split()[0] in ("last", "next")


def test_the_month_of_publication_is_doubtful_and_says_so():
    # (Nigeria's voter registration for the April 2007 polls closed on December 14, 2006: the
    # latest December 14, six days before this article, not a year and six days)
    text = "Registration for the poll formally ended last December 14 amid complaints."
    row = extract(text, published="2006-12-20").iloc[0]
    assert row.date_text == "last December 14"
    assert row.date_value == "2006-12-14"
    assert row.confidence <= 0.8
    assert any("of this year or of last year; read as 2006" in w for w in row.warnings)
    # a day of the month not yet come is last year's
    row = extract("The deal was signed last December 29.", published="2006-12-20").iloc[0]
    assert row.date_value == "2005-12-29"


def test_a_year_that_opens_the_sentence_gives_a_later_month_its_year():
    text = ("In 1976, the value of the pound began a slide which led ministers to ask the "
            "International Monetary Fund for a loan in September.")
    values = {m.text: m.value for m in tag(text, published="2006-12-29")}
    assert values == {"1976": "1976", "September": "1976-09"}


def test_a_year_inside_a_clause_does_not():
    text = ("Under a program approved by the company in 1987 that didn't specify a share amount, "
            "Nashua had purchased 481,000 shares through Sept. 29.")
    values = {m.text: m.value for m in tag(text, published="1989-10-30")}
    assert values["Sept. 29"] == "1989-09-29"


def test_a_future_month_is_not_pulled_back_to_the_year_told():
    text = "In 2005, the bank cut rates; it will review them in March."
    values = {m.text: m.value for m in tag(text, published="2006-12-29")}
    assert values["March"] == "2007-03"


@pytest.mark.parametrize(
    "text,date_text,value",
    [
        ("Callaghan spoke in December 1976. In September that year, he had raised it.",
         "September that year", "1976-09"),
        ("He took office in 2001 and in March the following year he resigned.",
         "March the following year", "2002-03"),
    ],
)
def test_a_month_of_that_year_takes_the_year_last_named(text, date_text, value):
    rows = extract(text, published="2006-12-29")
    row = rows[rows.date_text == date_text].iloc[0]
    assert row.date_value == value
    assert row.warnings == []  # the text names the year, by pointing back at it


def test_a_month_in_a_sentence_framed_by_a_year_says_where_its_year_came_from():
    text = ("In 1976, the value of the pound began a slide which led ministers to ask the "
            "International Monetary Fund for a loan in September.")
    rows = extract(text, published="2006-12-29")
    row = rows[rows.date_text == "September"].iloc[0]
    assert row.date_value == "1976-09"
    assert row.warnings == [
        '"September" does not give the year; 1976 is inferred from the year named earlier '
        "in the text."]


@pytest.mark.parametrize(
    "text,value",
    [
        # The plain present of going to vote is a vote to come; its past is one held.
        ("Iraq goes to the polls on Thursday to elect its first full-term parliament.", "2005-12-15"),
        ("Voters go to the polls on Thursday.", "2005-12-15"),
        ("Voters went to the polls on Thursday.", "2005-12-08"),
        ("Voters head to the polls on Thursday.", "2005-12-15"),
        ("Voters headed to the polls on Thursday.", "2005-12-08"),
        ("Results may not be known for days after polls close on Thursday.", "2005-12-15"),
    ],
)
def test_going_to_the_polls_looks_ahead_in_the_present(text, value):
    from timeline import tag

    (m,) = tag(text, published="2005-12-12")
    assert m.value == value


@pytest.mark.parametrize(
    "text,value,mod",
    [
        ("The deal is expected to close by end-March.", "2025-03", "END"),
        ("Rates will peak at end-2025, analysts said.", "2025", "END"),
        ("The bank expects growth to slow in H2 2025.", "2025-H2", None),
        ("The plant will open in the fourth quarter of next year.", "2026-Q4", None),
        ("Deliveries start in Q4 next year.", "2026-Q4", None),
    ],
)
def test_compact_business_dates(text, value, mod):
    from timeline import tag

    (m,) = tag(text, published="2025-03-12")
    assert (m.value, m.mod) == (value, mod)


@pytest.mark.parametrize("text,published,value", [
    # the year of a month and day comes from the tense, and "-ed" words qualifying nouns have none
    ("Germany prepares to take over the presidency of the Group of Eight most industrialised nations "
     "on January 1.", "2006-12-01", "2007-01-01"),
    ("The concert is due to be held at the currently unfinished new Wembley Stadium on July 1.",
     "2006-12-12", "2007-07-01"),
])
def test_a_participle_before_a_noun_does_not_make_the_year_last_years(text, published, value):
    (m,) = [m for m in tag(text, published=published) if m.text in ("January 1", "July 1")]
    assert m.value == value
