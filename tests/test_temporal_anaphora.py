"""Dates that point back at another ("the same period", "the following year")."""

from __future__ import annotations

import pytest

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


def test_for_n_years_after_is_how_long_not_when():
    text = "Pinochet ruled Chile for 17 years after seizing power in a 1973 military coup."
    mentions = {m.text: (m.type, m.value) for m in tag(text, published="2006-12-03")}
    assert mentions["17 years after"] == ("DURATION", "P17Y")
    assert list(extract(text, published="2006-12-03").date_value) == ["1973"]


def test_n_days_after_a_named_event_is_not_counted_from_the_last_date():
    text = ("Pinochet was taken to hospital on Sunday. The arrest warrant was issued two days "
            "after Pinochet's 91st birthday celebrations.")
    table = extract(text, published="2006-12-03")
    row = table[table.date_text == "two days after"].iloc[0]
    assert row.date_value == "" and row.precision == "approximate"
    assert row.confidence <= 0.3


def test_n_years_later_counts_from_the_last_date():
    text = "He arrived in 1990. Two years later, he left."
    assert {m.text: m.value for m in tag(text, published="2006-12-03")}["Two years later"] == "1992"


def test_n_days_after_an_event_of_the_same_actors_is_not_counted_from_their_last_date():
    # Qantas and Australia are named again, but the suspension is not the doubling of flights.
    text = ("Qantas will almost double its flights between Australia and India by August. This "
            "move comes barely a month after Qantas suspended a number of services between "
            "Australia, Indonesia and Thailand.")
    assert _values(text, "1998-02-13")["a month after"] == ""


def test_a_week_after_retelling_the_last_dated_event_counts_from_it():
    text = ("FIFA suspended the federation on August 15. A week after FIFA suspended the "
            "federation, the government gave in.")
    assert _values(text, "2006-09-30")["A week after"] == "2006-08-22"


def test_the_next_day_counts_from_the_day_last_named():
    values = _values("The massacre started on November 20 and finished early the next day.", "2005-12-12")
    assert values["early the next day"] == "2005-11-21"
    # Without a day named before, "the next day" is the day after publication.
    assert _values("The next day will be crucial, he said.", "2005-12-12")["The next day"] == "2005-12-13"


@pytest.mark.parametrize(
    "text,date_text",
    [
        ("The two leaders met in September. They agreed to meet again the following week.",
         "the following week"),
        ("Protests began in May 1998. The next day, the president resigned.", "The next day"),
        ("Parliament extended the mission last month. On the same day, the ministry confirmed it.",
         "the same day"),
    ],
)
def test_a_finer_unit_counted_from_a_coarser_date_just_named_has_no_date(text, date_text):
    (m,) = [m for m in tag(text, published="2024-10-10") if m.text == date_text]
    assert m.value == "" and m.confidence <= 0.3
    assert "counts from a date named only to the" in m.warnings[0]
    row = extract(text, published="2024-10-10").set_index("date_text").loc[date_text]
    assert row.date_value == "" and row.precision == "approximate"  # listed, not dropped


def test_a_finer_unit_with_no_date_before_counts_from_publication():
    (m,) = tag("The following week, the talks resumed.", published="2024-10-10")
    assert m.value == "2024-W42"


def test_an_anaphor_is_doubtful_where_the_sentence_it_counts_from_names_two_days():
    text = ("The hostilities began on May 7 when India launched strikes, two weeks after the April 22 "
            "attack. Pakistan retaliated with drone swarms the following night.")
    [night] = [m for m in tag(text, published="2025-05-10") if m.text == "the following night"]
    assert night.value == "2025-04-23TNI"  # counted from the date named last, as written
    assert night.confidence <= 0.6
    assert any('"May 7"' in w and "2025-05-08" in w for w in night.warnings)
    # one date in the sentence before: no doubt added
    [day] = [m for m in tag("The army entered the town on May 7. The following day, rebels fled.",
                            published="2025-05-10") if m.text == "The following day"]
    assert day.value == "2025-05-08" and not day.warnings


def test_later_sentences_after_the_last_date_is_shown_as_doubtful():
    text = ("In 1947, Pinochet, then a captain, ran a camp for detainees from the banned communist "
            "party.\n\nIn one of the ironies of history, Allende himself appointed Pinochet to head the "
            "military just one month before the coup.\n\nFour generals took charge and Pinochet grabbed "
            "the first turn as leader of what was to be a rotating junta, saying: \"I am a man without "
            "ambitions.\" A year later he decreed one-man rule.")
    row = extract(text, published="2006-12-03").set_index("date_text").loc["A year later"]
    assert row["confidence"] <= 0.3
    assert any('counted from "1947"' in w and "in between" in w for w in row["warnings"])
    near = extract("He went to London in 1980. Nine years later he opened his school.", published="2006-12-03")
    assert list(near.date_value) == ["1980", "1989"]


def test_later_than_an_event_not_dated_to_the_day_is_given_no_date():
    # counted from publication, "10 days later" would be a day to come for a past verb
    text = ("The graft allegations were revealed last month. The government dissolved the federation "
            "10 days later.")
    (m,) = [m for m in tag(text, published="2006-11-10") if m.text == "10 days later"]
    assert m.value == "" and m.spec.get("unanchored") and m.confidence <= 0.3
    (later,) = [m for m in tag("Talks began on Monday. Two days later they collapsed.", published="2006-11-10")
                if m.text == "Two days later"]
    assert later.value == "2006-11-08"


@pytest.mark.parametrize("text, date_text, value", [
    ("At least 3,150 prisoners were on death row in September 1996, with 45 death sentences "
     "passed in the course of the year.", "the year", "1996"),
    ("Diplomats said the E3 had warned Tehran in August that it would act unless Iran resumed "
     "cooperation by the end of the month.", "the end of the month", "1996-08"),
    ("In March 1995, the company said it expected profits to rise by the end of the year.",
     "the end of the year", "1995"),
])
def test_the_year_or_month_is_the_one_the_sentence_has_named(text, date_text, value):
    assert _values(text, "1997-04-04")[date_text] == value


@pytest.mark.parametrize("text, date_text, value", [
    # a verb of the writer's own time between them: the period is the publication's
    ("The law, passed in 1995, will be reviewed by the end of the year.", "the end of the year", "1997"),
    # another sentence
    ("Sales fell in September 1996. Analysts expect a recovery by the end of the year.",
     "the end of the year", "1997"),
    ("Sales fell in September 1996. The end of the year brought a recovery.", "The end of the year", "1997"),
    # "this" is the publication's period whatever came before
    ("Exports fell in August but rose this month.", "this month", "1997-04"),
])
def test_the_year_or_month_stays_the_publications_where_the_sentence_says_so(text, date_text, value):
    assert _values(text, "1997-04-04")[date_text] == value


@pytest.mark.parametrize("text, published, value", [
    # the day just named, in the sentence or the one before
    ("Ban arrived in Japan on Sunday and held talks with Taro Aso later in the day.", "2006-11-06", "2006-11-05"),
    ("The man groped a student on Tuesday in Osaka. He died later in the day in a nearby hospital.",
     "2005-12-21", "2005-12-20"),
    # no day named nearby: the day of the news
    ("Earlier in the day, Rubin visited a primary school.", "1997-04-08", "1997-04-08"),
    # a day long before publication, in a sentence of background, is not the day of the news
    ("A tank crashed through its gates on April 30, 1975. Earlier in the day Rubin visited a school.",
     "1997-04-08", "1997-04-08"),
])
def test_earlier_or_later_in_the_day_is_the_day_just_named_or_the_news(text, published, value):
    values = _values(text, published)
    (key,) = [k for k in values if k.lower().endswith("in the day")]
    assert values[key] == value


@pytest.mark.parametrize("text, word, value", [
    ('"We spoke yesterday," the minister told reporters on Friday.', "yesterday", "2026-11-26"),
    ('The minister said on Thursday: "Today we have taken a decision."', "Today", "2026-11-26"),
    ('"Today what we have heard is a call for a civil war," Yussef said earlier Saturday.', "Today", "2026-11-28"),
    # no day told beside the quotation, or no quotation: from publication
    ('"We will decide tomorrow," he said.', "tomorrow", "2026-11-30"),
    ("He said yesterday that talks would resume on Friday.", "yesterday", "2026-11-28"),
])
def test_today_in_a_quotation_counts_from_the_day_it_was_said(text, word, value):
    assert _values(text, "2026-11-29T10:00:00+00:00")[word] == value
