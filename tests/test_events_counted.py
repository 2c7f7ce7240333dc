"""Events dated by counting from a dated one: "Wednesday, a day after the assembly approved ..."."""

from __future__ import annotations

import pytest

from timeline import extract, tag
from timeline.events.anchors import counted_data
from timeline.events.counted import find_counted
from timeline.events.sentences import split_sentences

PUBLISHED = "1997-04-10T10:00:00+00:00"  # a Thursday


def _phrases(text: str):
    mentions = [m for m in tag(text, published=PUBLISHED)
                if m.type in ("DATE", "TIME") and m.value and not m.value.endswith("_REF")]
    (sentence,) = split_sentences(text)
    return find_counted(text, sentence, mentions)


@pytest.mark.parametrize("text,phrase,what", counted_data()["examples"])
def test_counted_examples(text, phrase, what):
    found = _phrases(text)
    if phrase is None:
        assert found == []
        return
    first = found[0]
    assert first.text == phrase == text[first.start:first.end]
    assert text[first.what_start:first.what_end] == what


def _row(table, date_text):
    rows = table[table["date_text"] == date_text]
    assert len(rows) == 1, table[["date_text", "date_value"]]
    return rows.iloc[0]


def test_a_day_after_dates_the_other_event_a_day_earlier():
    text = ("Members of the former rebel UNITA movement took up their seats in parliament "
            "Wednesday, a day after the assembly approved special status for Savimbi.")
    table = extract(text, published=PUBLISHED)
    main = _row(table, "Wednesday")
    other = _row(table, "a day after")
    assert main["date_value"] == "1997-04-09"
    assert other["date_value"] == "1997-04-08"
    assert other["precision"] == "day" and other["date_mod"] == "" and other["status"] == "happened"
    assert other["title"] == "The assembly approved special status for Savimbi"
    assert text[other["char_start"]:other["char_end"]] == "a day after"
    assert 0.8 <= other["confidence"] < main["confidence"]
    assert 'a day before "Wednesday" (April 9, 1997)' in other["warnings"][0]


def test_before_counts_forward_and_the_date_ahead_is_planned():
    table = extract("The vote is set for Sunday, three days before the summit of Gulf leaders in Riyadh.",
                    published=PUBLISHED)
    other = _row(table, "three days before")
    assert other["date_value"] == "1997-04-16"
    assert other["status"] == "planned"


def test_a_hedged_amount_is_approximate_and_less_sure():
    table = extract("A Japanese court convicted him on Monday, nearly four weeks after the plant "
                    "leaked radioactive substances.", published=PUBLISHED)
    other = _row(table, "nearly four weeks after")
    assert other["date_value"] == "1997-03-10"
    assert other["date_mod"] == "APPROX"
    assert other["confidence"] <= 0.8


def test_a_phrase_opening_the_sentence_counts_from_the_date_of_its_clause():
    table = extract("Five days after the coalition lost its majority, Anwar banned foreign airlines "
                    "on April 4.", published=PUBLISHED)
    assert _row(table, "Five days after")["date_value"] == "1997-03-30"


def test_years_and_months_are_counted_at_their_own_precision():
    table = extract("The treaty was signed in March 1995, more than a year after negotiations began. "
                    "He was recalled in late March, only one month after his yearly visit to Beijing.",
                    published=PUBLISHED)
    year = _row(table, "more than a year after")
    assert (year["date_value"], year["precision"], year["date_mod"]) == ("1994", "year", "APPROX")
    month = _row(table, "only one month after")
    assert (month["date_value"], month["precision"]) == ("1997-02", "month")


def test_phrases_joined_by_and_share_their_date():
    text = ("Five years after euro coins were introduced, almost three years after Slovenia acceded "
            "to the EU, and 15 years after Slovenia declared independence, a new stage is to be "
            "reached on January 1, 2007.")
    table = extract(text, published="2006-12-31")
    assert _row(table, "Five years after")["date_value"] == "2002"
    assert _row(table, "almost three years after")["date_value"] == "2004"
    assert _row(table, "15 years after")["date_value"] == "1992"
    assert _row(table, "Five years after")["title"] == "Euro coins were introduced"


def test_a_phrase_cut_by_the_next_one():
    text = ("Deputies took up their seats Wednesday, a day after the assembly approved special status "
            "for Savimbi and five years after their election in a vote carried by the ruling party.")
    table = extract(text, published=PUBLISHED)
    assert _row(table, "a day after")["title"] == "The assembly approved special status for Savimbi"
    assert _row(table, "five years after")["date_value"] == "1992"


def test_the_undated_reading_of_the_phrase_gives_way():
    # Without the date beside it, "two weeks after talks began" counts from an event the
    # text does not date; with it, the talks are dated and no doubtful row is left.
    table = extract("Iran and the IAEA reached a deal on March 4, 1997, two weeks after talks began.",
                    published=PUBLISHED)
    assert list(table["date_text"]) == ["March 4, 1997", "two weeks after"]
    assert _row(table, "two weeks after")["date_value"] == "1997-02-18"
    alone = extract("Iran and the IAEA reached a deal two weeks after talks began.", published=PUBLISHED)
    assert list(alone["precision"]) == ["approximate"]


@pytest.mark.parametrize("text", [
    # the amount belongs to "took effect", which has no date
    "The law, passed in 2010, took effect two years after it was signed.",
    # a day is not counted from a year
    "The talks ended in 1995, two days after the rebels withdrew.",
    # the other event has its own date
    "A poll published Wednesday, eight days before the election on May 1, electrified the campaign.",
    # "that" stands for something told already
    "The law took effect on Monday, two days after that.",
])
def test_no_event_is_counted_without_a_date_right_beside_the_phrase(text):
    table = extract(text, published=PUBLISHED)
    assert not any("worked out as" in w for ws in table["warnings"] for w in ws)


def test_a_sentence_going_back_to_the_event_told_before_counts_from_its_date():
    text = ("Japan's lower house adopted a resolution Tuesday calling on the government to slash US "
            "military bases in Okinawa.\n\nThe vote comes three days before the summit between Prime "
            "Minister Ryutaro Hashimoto and President Bill Clinton in Washington.")
    table = extract(text, published="1997-04-22")
    summit = _row(table, "three days before")
    assert (summit["date_value"], summit["status"]) == ("1997-04-25", "planned")
    assert summit["title"].startswith("The summit between Prime Minister Ryutaro Hashimoto")
    assert "the date of the event the sentence goes back to" in summit["warnings"][0]
    assert summit["confidence"] <= 0.7
    assert not (table["precision"] == "approximate").any()  # no undated "before the summit" left


def test_the_event_gone_back_to_is_news_that_has_happened():
    text = ("The Milwaukee Brewers signed Jeff Suppan to a four-year contract on Friday.\n\n"
            "Suppan, who will turn 32 next Tuesday, became the latest pitcher to cash in.\n\n"
            "The signing of Suppan came one day after the San Francisco Giants signed Barry Zito.")
    table = extract(text, published="2006-12-29")
    assert _row(table, "one day after")["date_value"] == "2006-12-28"  # Friday's, not next Tuesday's
    alone = extract("The move came one day after the Boston Red Sox signed Daisuke Matsuzaka.",
                    published="2006-12-15")
    assert len(alone) == 0  # nothing told before it to count from


def test_a_phrase_found_undated_by_the_tagger_is_counted_from_the_news_before():
    # "a week after Moody's ..." was read as counted from an event the text does not date.
    text = ("Turkey's central bank cut rates on Tuesday.\n\n"
            "The announcement came a week after Moody's Investors Services said it was lowering ceilings.")
    table = extract(text, published="1997-04-10")
    assert _row(table, "a week after")["date_value"] == "1997-04-01"
    assert not (table["precision"] == "approximate").any()


@pytest.mark.parametrize(
    "text,phrase,value,title,other_title",
    [
        ("The parliament will vote on the bill the day after the election on November 5.", "the day after",
         "2024-11-06", "The parliament will vote on the bill", "The election"),
        ("The parliament will vote on the bill two days after the election on November 5.", "two days after",
         "2024-11-07", "The parliament will vote on the bill", "The election"),
        ("Sass became a follower of Rastafarianism a year after joining the police in 1992.", "a year after",
         "1993", "Sass became a follower of Rastafarianism", "Joining the police"),
    ],
)
def test_a_phrase_whose_other_event_has_its_own_date_dates_the_sentence_from_it(
        text, phrase, value, title, other_title):
    table = extract(text, published="2024-10-10")
    counted = _row(table, phrase)
    assert (counted["date_value"], counted["title"]) == (value, title)
    assert counted["warnings"][0].startswith("No date of its own: worked out as")
    other = table[table.date_text != phrase].iloc[0]
    assert other["title"] == other_title  # the date is the other event's, not the sentence's


@pytest.mark.parametrize(
    "text,phrase",
    [
        # the date is a nested event's, not the one the phrase names
        ("Barely 10 days after Chirac called the ballot scheduled for May 25, polls forecast victory.",
         "10 days after"),
        ("The call came five days after a German court implicated Iranian leaders in the killing in 1982.",
         "five days after"),
        # the sentence dates its own event before the phrase
        ("On Monday, the parliament voted the day after the election on October 5.", "the day after"),
    ],
)
def test_no_date_is_worked_out_from_a_date_that_may_be_another_events(text, phrase):
    table = extract(text, published="2024-10-10")
    counted = table[table.date_text == phrase]
    assert (counted.date_value == "").all()  # absent, or listed without a date


@pytest.mark.parametrize(
    "text,base,value",
    [
        ("On Wednesday, the president will travel to Paris, a day after meeting his Chinese counterpart.",
         "Wednesday", "1997-04-15"),  # next Wednesday (it will travel), less a day
        ("On Monday, the rebels seized the town, two days after government troops withdrew.",
         "Monday", "1997-04-05"),
    ],
)
def test_a_phrase_ending_the_main_clause_counts_from_the_date_that_opens_the_sentence(text, base, value):
    [counted] = _phrases(text)
    assert counted.base.text == base
    rows = extract(text, published=PUBLISHED)
    row = rows[rows.date_text == counted.text].iloc[0]
    assert row.date_value == value and row.confidence == 0.9


@pytest.mark.parametrize("text", [
    "In 2010, the law took effect two years after it was signed.",  # no comma sets the phrase off
    "On Monday, troops said in 2010 that the town fell, two days after the siege ended.",  # two dates
])
def test_only_a_set_off_phrase_after_the_one_opening_date_counts_from_it(text):
    assert _phrases(text) == []


@pytest.mark.parametrize("text, published, phrase, value", [
    # the sentence's one date before a phrase set off at its end dates the main clause
    ("U.S. President George W. Bush said Wednesday that Defense Secretary Donald Rumsfeld was stepping "
     "down, one day after Democrats won control of the House of Representatives.", "2006-11-08",
     "one day after", "2006-11-07"),
    ("European Union foreign ministers on Monday agreed to impose new sanctions on Iran, diplomats said, "
     "a week after Kyiv accused Tehran of stepping up deliveries.", "2024-11-19", "a week after", "2024-11-11"),
    ("Outgoing Iraqi Prime Minister Ibrahim Jaafari on Monday defended his record, just three days "
     "before a general election.", "2005-12-12", "just three days before", "2005-12-15"),
])
def test_a_counted_phrase_at_the_end_counts_from_the_main_clauses_date(text, published, phrase, value):
    rows = extract(text, published=published)
    assert rows.set_index("date_text").loc[phrase, "date_value"] == value
