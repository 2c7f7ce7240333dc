"""A month or day without its year: which year the event table shows, and why."""

from __future__ import annotations

import pandas as pd
import pytest

from timeline import extract

_NEARER = "the publication date, as the nearer of the two; a plan told in the past may be for either"


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
        # ... and so do both ends of a range, or two days in a row
        ("The minister visited Kyiv on December 3-4.", "2026-11-28", "2025-12-03/2025-12-04",
         "the tense and the publication date"),
        ("The minister visited Kyiv on 3 and 4 December.", "2026-11-28", "2025-12-03/2025-12-04",
         "the tense and the publication date"),
        ("The minister will visit Kyiv on October 3-4.", "2026-11-28", "2027-10-03/2027-10-04",
         "the tense and the publication date"),
        # A day something was set or agreed "for" is what it is for: the past tense of the
        # setting does not move it back a year.
        ("The trip, which had been set for June 7-14, was postponed.", "1997-04-15",
         "1997-06-07/1997-06-14", _NEARER),
        # ... which is the nearer reading, behind as well as ahead: no tense moves it a year
        ("The dialogue had been scheduled for July 25.", "2006-11-07", "2006-07-25", _NEARER),
        ("The last stay was to end on November 21.", "2005-12-16", "2005-11-21", _NEARER),
        ("The summit was scheduled for March 3.", "2006-11-07", "2007-03-03", _NEARER),
        ("The two countries had almost reached an agreement for April 17.", "1997-04-04", "1997-04-17",
         "the publication date"),
    ],
)
def test_the_year_guessed_and_the_reason_given(text, published, value, why):
    row = extract(text, published=published).iloc[0]
    assert row.date_value == value
    year_warning = f'"{row.date_text}" does not give the year; {value[:4]} is inferred from {why}.'
    # (and a date first set for what was put off says so, too)
    assert row.warnings[0] == year_warning
    assert all("is the date first set" in w for w in row.warnings[1:])
    assert row.confidence < 1


def test_a_month_whose_own_verb_is_past_is_the_last_one():
    from timeline import extract

    for text in ("Iran in February stopped applying the additional protocol.",
                 "In February, scientists said they had found a new species of frog.",
                 "The last hajj in January was marred by a deadly stampede."):
        row = extract(text, published="2006-12-20").iloc[0]
        assert row.date_value.startswith("2006-0") and row.status == "happened", text
    # A contract's month, a modal, or a telling after the date do not move it.
    for text in ("Light sweet crude for delivery in January rose 30 cents to 61.67 dollars.",
                 "Maysan province could transfer to Iraqi control in January, followed by Basra.",
                 "The trial will continue in January, Sakik said."):
        row = extract(text, published="2006-12-20").iloc[0]
        assert row.date_value == "2007-01", text


def test_a_neighbouring_year_written_just_after_the_date_is_shown_as_doubt():
    from timeline import extract

    row = extract("Five plots were thwarted since the 7 July bombings in London in 2005.",
                  published="2006-11-10").iloc[0]
    assert row.date_value == "2006-07-07" and row.confidence < 0.7
    assert any("names 2005" in w for w in row.warnings)
    # A year with its own month is another date (often the one compared with).
    row = extract("In September, the deficit was down 0.7 billion dollars from September 2005.",
                  published="2006-11-09").iloc[0]
    assert not any("names" in w for w in row.warnings)


def test_a_week_of_a_month_takes_the_months_year_and_is_a_week():
    from timeline import extract

    cases = [
        # published in March 2026
        ("The treaty was signed in the first week of December.", "2025-W49", "2025-12-01", "happened"),
        ("The vote will be held in the first week of February.", "2027-W05", "2027-02-01", "planned"),
        ("Iran in the last week of December stopped applying the protocol.", "2025-W52", "2025-12-22",
         "happened"),
    ]
    for text, value, start, status in cases:
        (row,) = extract(text, published="2026-03-18").itertuples()
        assert (row.date_value, row.precision, str(row.start.date()), row.status) == (
            value, "week", start, status), text
        assert f'does not give the year; {value[:4]} is inferred' in row.warnings[0], text
    # With its year, or counted from publication, nothing is guessed.
    (row,) = extract("Markets fell in the final week of December 2025.", published="2026-03-18").itertuples()
    assert (row.date_value, row.warnings) == ("2025-W52", [])
    (row,) = extract("The vote is due in the last week of next month.", published="2026-03-18").itertuples()
    assert (row.date_value, row.warnings) == ("2026-W18", [])


def test_a_half_of_a_month_is_its_start_or_end():
    from timeline import extract

    (row,) = extract("The offensive began in the second half of February.", published="2026-03-18").itertuples()
    assert (row.date_value, row.date_mod, row.date_text) == ("2026-02", "END", "the second half of February")


def test_holidays_on_a_fixed_day_are_dated_like_a_month_and_day():
    from timeline import extract

    table = extract("Muslim groups will help guard churches over Christmas. Nineteen people were killed "
                    "when extremists bombed churches on Christmas Eve in 2000. Tourists flew to Christmas "
                    "Island on Monday.", published="2005-12-21")
    rows = {r.date_text: r for r in table.itertuples()}
    assert set(rows) == {"Christmas", "Christmas Eve in 2000", "Monday"}
    assert (rows["Christmas"].date_value, rows["Christmas"].status) == ("2005-12-25", "planned")
    assert "does not give the year" in rows["Christmas"].warnings[0]
    assert (rows["Christmas Eve in 2000"].date_value, rows["Christmas Eve in 2000"].status) == (
        "2000-12-24", "happened")


@pytest.mark.parametrize(
    "text,published,value,side",
    [
        # The past verb is the Expo's opening; the date is when it runs to.
        ("Carmakers are unveiling new models at the Expo, which opened on November 30 and runs "
         "through December 11.", "2006-12-03", "2006-12-11", "past"),
        # A supposition, not history.
        ("If the government fell on Dec. 8, a vote would likely take place in mid-January, the "
         "reports said Sunday.", "2005-11-07", "2005-12-08", "past"),
        ("The previous schedule had put the team semifinals and finals on Dec. 5.", "2006-11-27",
         "2006-12-05", "past"),
        # Future wording about a date days before publication: most likely an older story.
        ("The European Council said leaders would hold an emergency summit on March 6.", "2025-03-12",
         "2025-03-06", "future"),
    ],
)
def test_a_tense_is_not_trusted_to_move_a_date_near_publication_by_a_year(text, published, value, side):
    table = extract(text, published=published)
    (row,) = table[table.date_value.str[:4].isin([str(y) for y in range(int(value[:4]) - 1, int(value[:4]) + 2)])
                   & (table.date_value.str[5:] == value[5:])].itertuples()
    assert row.date_value == value
    other = int(value[:4]) + (-1 if side == "past" else 1)
    assert any(f"the wording reads as {side}, which would make it {other}" in w for w in row.warnings)
    assert row.confidence < 0.7


def test_a_date_whose_own_verb_says_the_other_side_still_moves_near_publication():
    # "met ... in April", written three weeks before April: last year's April.
    row = extract("Leaders met at the previous two summits in April and May.", published="2024-03-20").iloc[0]
    assert row.date_value == "2023-04" and not any("reads as" in w for w in row.warnings)
    row = extract("The vote will be held on March 2.", published="2024-03-10").iloc[0]
    assert row.date_value == "2025-03-02"


@pytest.mark.parametrize(
    "text,published,value,status,title",
    [
        # A date naming an event ("the May 29 general elections") takes the calendar, not the
        # tense of the verb the sentence tells.
        ("Students displayed banners that included calls for a boycott of the May 29 general "
         "elections, the daily said.", "1997-04-03", "1997-05-29", "planned", "May 29 general elections"),
        ("Fino said the dispatch of the force marked a key stage in the preparations for the June "
         "elections.", "1997-04-03", "1997-06", "planned", "June elections"),
    ],
)
def test_a_month_or_day_naming_an_event_is_placed_by_the_calendar(text, published, value, status, title):
    row = extract(text, published=published).iloc[0]
    assert (row.date_value, row.status) == (value, status)
    assert title in row.title


def test_a_past_verb_right_before_the_named_event_still_dates_it():
    row = extract("Turnout is key among the Sunni Arab elite that boycotted the January 30 election.",
                  published="2005-12-12").iloc[0]
    assert (row.date_value, row.status) == ("2005-01-30", "happened")


def test_a_relative_year_after_the_thing_a_date_names_is_that_dates_year():
    text = "Over 220,000 people were killed after the province was hit by the December 26 tsunami last year."
    (row,) = extract(text, published="2005-11-08").itertuples()  # "last year" is no event of its own
    assert (row.date_text, row.date_value, row.status) == ("December 26", "2004-12-26", "happened")
    assert "the year the text gives the thing it names" in row.warnings[0]
    (row,) = extract("The March elections next year will decide the matter.", published="2005-11-08").itertuples()
    assert row.date_value == "2006-03"


def test_a_relative_year_after_another_verb_is_its_own_event():
    table = extract("Prices fell on March 3 and rose last year.", published="2005-11-08")
    assert list(table.date_value) == ["2005-03-03", "2004"]


def test_an_event_named_by_its_day_after_a_preposition_is_placed_by_the_calendar():
    # "after May 1 general elections": the elections' day, a week ahead, not last year's May 1
    # for the sentence's past verb
    df = extract("It called for the next British government after May 1 general elections to raise taxes.",
                 published="1997-04-24")
    assert df.date_value.tolist() == ["1997-05-01"]


def test_the_past_decade_is_the_ten_years_to_publication_with_the_other_reading_named():
    df = extract("Over the past decade, the studio has produced some of the industry's most successful films.",
                 published="2006-11-15")
    (row,) = df.itertuples()
    assert (row.date_value, row.precision, row.status) == ("1996/2006", "year", "happened")
    assert row.end == pd.Timestamp("2006-11-15")
    assert any("may mean the 1990s" in w for w in row.warnings) and row.confidence < 1


@pytest.mark.parametrize("text, value, other", [
    ("Over the past week, at least 40 people were killed in clashes.", "2026-11-22/2026-11-29",
     "the calendar week of November 16, 2026 to November 22, 2026"),
    ("Bush's approval ratings have improved by a point in the last month.", "2026-10-29/2026-11-29",
     "October 2026"),
    ("The 52 new species have been covered in the past year alone.", "2025-11-29/2026-11-29",
     "the year 2025"),
])
def test_the_past_week_month_or_year_is_the_time_to_publication_with_the_calendars_named(text, value, other):
    (row,) = extract(text, published="2026-11-29").itertuples()
    assert (row.date_value, row.precision) == (value, "day")
    assert (row.start, row.end) == tuple(pd.Timestamp(d) for d in value.split("/"))
    assert any(f"it may mean {other}." in w for w in row.warnings) and row.confidence < 1


@pytest.mark.parametrize("text, published, value", [
    ("He met the king last week.", "2026-11-27", "2026-W47"),  # no "the": the calendar week before this one
    ("The economy shrank last year.", "2026-11-29", "2025"),
])
def test_last_week_or_year_without_the_stays_the_calendars(text, published, value):
    assert extract(text, published=published).date_value.tolist() == [value]


def test_last_week_written_on_a_sunday_is_the_week_ending_that_day_with_the_doubt_named():
    # (in the news, the working week just gone: "Crashed US pilot Major Troy Gilbert whose
    # F-16 fighter went down in Iraq last week", written Sunday, December 3, 2006, of a crash
    # on Monday, November 27)
    (row,) = extract("The plane went down last week.", published="2026-11-29").itertuples()
    assert (row.date_value, row.status) == ("2026-W48", "happened")
    assert row.confidence < 1 and any(
        "week before (November 16 to 22, 2026)" in w for w in row.warnings)


@pytest.mark.parametrize("text, published, value", [
    # the last decade of something else, and a part of the last century, are the calendar's
    ("The Dow rose sharply in the last decade of the 20th century.", "2006-11-15", "199"),
    ("Missionaries who early last century were among the first settlers.", "1997-04-11", "18"),
])
def test_a_decade_or_century_named_otherwise_stays_the_calendars(text, published, value):
    df = extract(text, published=published)
    assert df.date_value.iloc[0] == value


def test_a_month_after_since_is_behind_whatever_the_tense_of_its_clause():
    from timeline import extract

    df = extract("Mottaki will be making his first visit to the country since August when he was named to "
                 "his post.", published="2005-12-12")
    row = df[df.date_text == "August"].iloc[0]
    assert (row.date_value, row.status) == ("2005-08", "happened")
    df = extract("The bank has kept its rate target at 0.25 percent since July.", published="2006-12-14")
    assert df.iloc[0].date_value == "2006-07"


def test_a_day_naming_the_event_a_clause_is_for_keeps_the_nearest_year():
    from timeline import extract

    # "for January 21 polls": the polls' day; the past tense of the warning is not theirs
    row = extract("The warning came amid election campaigning in Serbia for January 21 polls.",
                  published="2006-12-20").iloc[0]
    assert (row.date_value, row.status) == ("2007-01-21", "planned")


def test_a_date_inside_what_was_said_is_not_moved_a_year_by_the_telling():
    # the telling's past is not the told thing's: the near reading stays, the other is named
    (row,) = extract("Diplomats said the summit on 12 December was likely to be postponed.",
                     published="2026-11-26").itertuples()
    assert row.date_value == "2026-12-12" and row.confidence < 0.9
    assert any("would make it 2025" in w for w in row.warnings)
