"""Two dates joined into one event covering both: "from 2006 to 2010", "the 2006-2010 period"."""

from __future__ import annotations

import pandas as pd
import pytest

from timeline import extract


@pytest.mark.parametrize(
    "text,date_text,value,first,last",
    [
        ("China's investment abroad is expected to reach 60 billion dollars in the 2006-2010 "
         "period, the federation said.", "2006-2010", "2006/2010", "2006-01-01", "2010-12-31"),
        ("The five-year plan covers 2021–2025 and was adopted in March.",
         "2021–2025", "2021/2025", "2021-01-01", "2025-12-31"),
        ("Fighting in March - April 2003 killed hundreds, the report said.",
         "March - April 2003", "2003-03/2003-04", "2003-03-01", "2003-04-30"),
        ("The framework sets out spending for the year 2007 to 2009, the minister said.",
         "the year 2007 to 2009", "2007/2009", "2007-01-01", "2009-12-31"),
        ("Voters registered in the 2002/2003 exercise must renew their cards.",
         "2002/2003", "2002/2003", "2002-01-01", "2003-12-31"),
        ("The war lasted from 2006 to 2010, historians say.",
         "2006 to 2010", "2006/2010", "2006-01-01", "2010-12-31"),
    ],
)
def test_two_dates_joined_as_a_range_are_one_event(text, date_text, value, first, last):
    table = extract(text, published="2006-11-09")
    rows = table[table.char_start <= text.index(date_text[:4])]
    rows = rows[rows.char_end > text.index(date_text[:4])]
    assert len(rows) == 1, table[["date_text", "date_value"]]
    row = rows.iloc[0]
    assert (row.date_text, row.date_value) == (date_text, value)
    assert text[row.char_start:row.char_end] == date_text
    assert (row.start, row.end) == (pd.Timestamp(first), pd.Timestamp(last))


@pytest.mark.parametrize(
    "text,values",
    [
        ("The scores were 2006 - 2003 after the recount.", ["2006", "2003"]),  # later first
        ("Turnout in March 2005 - 2006 is not comparable.", ["2005-03", "2006"]),  # kinds differ
        ("Output rose in 2005 and 2006, the bureau said.", ["2005", "2006"]),  # two years
    ],
)
def test_a_dash_between_dates_out_of_order_or_of_different_kinds_is_no_range(text, values):
    table = extract(text, published="2006-11-09")
    assert list(table.date_value) == values


@pytest.mark.parametrize(
    "text,date_text,value,first,last",
    [
        ("He fought in the 1980-88 war with Iran.", "1980-88", "1980/1988", "1980-01-01", "1988-12-31"),
        ("Leaders argued over the 2007-13 budget.", "2007-13", "2007/2013", "2007-01-01", "2013-12-31"),
        ("The club won the title in the 2007/08 season.", "2007/08", "2007/2008", "2007-01-01", "2008-12-31"),
        # the century turns
        ("Floods in 1999-00 ruined the harvest.", "1999-00", "1999/2000", "1999-01-01", "2000-12-31"),
    ],
)
def test_a_span_of_years_written_with_the_last_two_digits_covers_them_all(text, date_text, value, first, last):
    (row,) = extract(text, published="2006-11-09").itertuples()
    assert (row.date_text, row.date_value, row.precision) == (date_text, value, "year")
    assert (row.start, row.end) == (pd.Timestamp(first), pd.Timestamp(last))


def test_a_range_between_dates_of_different_precision_is_as_precise_as_its_finer_end():
    (row,) = extract("The project ran from 2019 until last December.", published="2025-03-12").itertuples()
    assert (row.date_value, row.precision) == ("2019/2024-12", "month")
    assert (row.start, row.end) == (pd.Timestamp("2019-01-01"), pd.Timestamp("2024-12-31"))


@pytest.mark.parametrize("text, published, value", [
    # two months joined by a dash, both without a year: one span, in the end's year
    ("Income rose 10.3 percent in the January-September period, the commission said.", "2005-11-17",
     "2005-01/2005-09"),
    ("The economy grew more than expected in the July-September period.", "2005-11-11", "2005-07/2005-09"),
    # across New Year
    ("Output in the December-February quarter is expected to fall.", "2005-11-17", "2005-12/2006-02"),
])
def test_two_months_joined_by_a_dash_are_one_span(text, published, value):
    df = extract(text, published=published)
    assert df.date_value.tolist() == [value]


@pytest.mark.parametrize(
    "text,published,date_text,value,first,last",
    [
        ("\"It's also better than four or five years ago when we had lethal attacks,\" he said.",
         "2006-12-29", "four or five years ago", "2001/2002", "2001-01-01", "2002-12-31"),
        ("The dam was built 10 to 15 years ago, officials said.",
         "2006-12-29", "10 to 15 years ago", "1991/1996", "1991-01-01", "1996-12-31"),
        ("It is not easy to hold by-elections within two or three months from now, Lipenga said.",
         "2006-11-09", "two or three months from now", "2007-01/2007-02", "2007-01-01", "2007-02-28"),
        ("The first troops reached Vlore on Tuesday. The rest are expected in Durres two or three "
         "days later.", "1997-04-09", "two or three days later", "1997-04-10/1997-04-11",
         "1997-04-10", "1997-04-11"),
        ("Talks began on Thursday. Two or three days earlier, rebels had attacked the town.",
         "2006-12-29", "Two or three days earlier", "2006-12-25/2006-12-26", "2006-12-25", "2006-12-26"),
    ],
)
def test_a_count_given_as_two_numbers_covers_both(text, published, date_text, value, first, last):
    """"four or five years ago" is no one year: the event covers what either count gives, not
    the nearer year alone shown as if the text said it."""
    row = extract(text, published=published).set_index("date_text").loc[date_text]
    assert text[row.char_start:row.char_end] == date_text
    assert row.date_value == value
    assert (row.start, row.end.normalize()) == (pd.Timestamp(first), pd.Timestamp(last))
