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
    text = "Registration for the poll formally ended last December 14 amid complaints."
    row = extract(text, published="2006-12-20").iloc[0]
    assert row.date_text == "last December 14"
    assert row.date_value == "2005-12-14"
    assert row.confidence <= 0.6
    assert any("of this year or of last year" in w for w in row.warnings)
