"""A date whose own event the wording shows has happened is read behind publication,
though without a year it would read as just ahead ("the January 13 incident", in December)."""

import pytest

from timeline import extract
from timeline.events.happened import examples


def _row(example):
    df = extract(example["text"], published=example["published"])
    rows = df[df.date_text == example["date"]]
    assert len(rows) == 1, df[["date_text", "date_value"]]
    return rows.iloc[0]


@pytest.mark.parametrize("example", examples(), ids=lambda e: e["text"][:50])
def test_rule_examples(example):
    row = _row(example)
    assert row.date_value == example["value"]
    why = " ".join(row.warnings)
    if example["by"] is None:
        assert "which has happened" not in why and "the tense" not in why
    elif example["by"] == "tense":
        assert "inferred from the tense and the publication date" in why
        assert row.status == "happened"
    else:
        assert f"the {example['by']} it names, which has happened" in why
        assert row.status == "happened"


def test_a_past_only_event_in_the_month_of_publication_stays_put():
    # The nearest reading is already behind publication: nothing to move.
    df = extract("Police are still investigating the November 3 bombing.", published="2006-11-20")
    assert df.date_value.tolist() == ["2006-11-03"]


def test_a_year_the_text_gives_is_never_moved():
    df = extract("The January 13, 2007 incident was reported late.", published="2006-12-29")
    assert df.date_value.tolist() == ["2007-01-13"]


def test_an_opening_date_whose_verb_is_a_name_ending_in_ed_is_not_read_as_past():
    df = extract("On January 9, Mohammed will travel to Cairo.", published="2006-12-20")
    assert df.date_value.tolist() == ["2007-01-09"]


def test_a_date_opening_a_later_sentence_is_read_by_its_verb():
    text = ("An Iranian aircraft crashed on Dec. 6, 2005, in a residential area.\n\n"
            "On Jan. 9, a small jet of the Revolutionary Guards crashed in the border province.")
    df = extract(text, published="2006-11-27")
    assert df.set_index("date_text").date_value["Jan. 9"] == "2006-01-09"


def test_a_weekday_right_after_an_event_that_cannot_be_scheduled_is_behind():
    df = extract("Fresh from his decisive victory Tuesday as party leader, Cameron will fire the opening shots.",
                 published="2005-12-07")
    (row,) = df.itertuples()
    assert row.date_value == "2005-12-06" and row.status == "happened"
    assert any("names a victory, which has happened" in w for w in row.warnings)


def test_a_verb_or_a_possessive_date_is_no_event_named_by_the_weekday():
    df = extract("Bongo is widely expected to win Sunday's elections.", published="2005-11-26")
    assert df.date_value.tolist() == ["2005-11-27"]
