"""Pieces of the event builder checked against the plain definitions they speed up."""

from __future__ import annotations

import random
import re

import pandas as pd
import pytest

from timeline import extract
from timeline.events.build import _only_dates
from timeline.events.sentences import Sentence

_PAGE_WORDS = re.compile(
    r"(?i)\b(?:published|updated|posted|modified|last|first|on|at|am|pm|by|gmt|utc|"
    r"est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|eet|eest|ist|jst|kst|hkt|sgt|aest|aedt)\b"
)


def _only_dates_by_regex(s: Sentence, spans: list[tuple[int, int]]) -> bool:
    chars = list(s.text)
    for a, b in spans:
        for k in range(max(a - s.start, 0), min(b - s.start, len(chars))):
            chars[k] = " "
    return not re.search(r"[^\W\d_]{2,}", _PAGE_WORDS.sub(" ", "".join(chars)))


@pytest.mark.parametrize(
    "text,dates",
    [
        ("Updated: November 2, 2024 10:00 GMT", ["November 2, 2024"]),
        ("Published on Nov 2 at 3 pm EST by AFP", ["Nov 2"]),
        ("LAST UPDATED 2 Nov", ["2 Nov"]),
        ("on2 at Nov 2", ["Nov 2"]),
        ("Posted \u017ft Nov 2", ["Nov 2"]),
        ("The talks began on Friday.", ["Friday"]),
        ("Friday", ["Friday"]),
        ("x 2024 y", ["2024"]),
        ("am pm 12", []),
    ],
)
def test_only_dates_agrees_with_masking_and_substitution(text, dates):
    s = Sentence(10, 10 + len(text), text, "body")
    spans = [(10 + text.index(d), 10 + text.index(d) + len(d)) for d in dates]
    spans.append((0, 12))  # a span reaching in from before the sentence
    assert _only_dates(s, spans) == _only_dates_by_regex(s, spans)


def test_only_dates_on_random_spans_agrees_with_masking_and_substitution():
    rng = random.Random(8)
    texts = ["Updated: Nov 2, 2024 10:00 GMT", "The talks began on Friday.", "on Friday's talks",
             "Published 2 Nov by AFP; Monday", "a 12 bb", "LAST 5", "x", ""]
    for text in texts:
        s = Sentence(5, 5 + len(text), text, "body")
        for _ in range(300):
            spans = sorted(tuple(sorted(rng.randrange(0, len(text) + 12) for _ in range(2)))
                           for _ in range(rng.randint(0, 3)))
            assert _only_dates(s, spans) == _only_dates_by_regex(s, spans), (text, spans)


@pytest.mark.parametrize(
    ("text", "value", "warning"),
    [
        # Published March 28, 2026: December 3 is ahead, so a resignation told in the past is March 12.
        ("The minister resigned on 12/03/2026.", "2026-03-12",
         '"12/03/2026" could be December 3, 2026 or March 12, 2026; read as March 12, 2026, because '
         "the text speaks of it in the past tense."),
        ("The minister will resign on 03/12/2026.", "2026-12-03",
         '"03/12/2026" could be March 12, 2026 or December 3, 2026; read as December 3, 2026, because '
         "the text speaks of it in the future tense."),
    ],
)
def test_the_tense_picks_the_reading_of_a_numeric_date_that_fits(text, value, warning):
    from timeline import extract

    (row,) = extract(text, published="2026-03-28").itertuples()
    assert row.date_value == value
    assert row.warnings == [warning]
    assert row.confidence <= 0.6


def test_a_numeric_date_that_fits_its_tense_either_way_keeps_its_doubt():
    from timeline import extract

    (row,) = extract("The minister will resign on 12/03/2026.", published="2026-03-28").itertuples()
    assert row.date_value == "2026-12-03"
    assert "read as month first" in row.warnings[0]


@pytest.mark.parametrize(
    ("text", "published", "date_text", "value", "status"),
    [
        # Published on a Wednesday: alone, "until Friday" is two days on; after "resume on
        # Monday" it is the Friday after that Monday.
        ("Talks resume on Monday and are expected to last until Friday.", "2026-03-18", "Friday",
         "2026-03-27", "planned"),
        # Said on Thursday: the Friday after it, still ahead.
        ("The party on Thursday gave the government until Friday to sack the prime minister.",
         "1997-04-10", "Friday", "1997-04-11", "planned"),
        # Read on Saturday: the vote was extended to the Monday after Sunday, days ago, though a
        # vote put off alone would be ahead.
        ("Polling began Sunday but the administration extended the vote until Monday, and in one "
         "polling station until Tuesday.", "1997-04-19", "Monday", "1997-04-14", "happened"),
        ("Polling began Sunday but the administration extended the vote until Monday, and in one "
         "polling station until Tuesday.", "1997-04-19", "Tuesday", "1997-04-15", "happened"),
        # Read six days back alone, a weekday the sentence puts after its earlier date is the
        # one after it ("a last day ... Saturday before a nationwide vote ... Sunday").
        ("Eastern Slavonia lived through a last day of uncertainty Saturday before a nationwide vote "
         "for local councils and Croatia's upper house Sunday.", "1997-04-12", "Sunday", "1997-04-13",
         "planned"),
        ("Pictures of him reoccurred in the Gaza streets on Friday, a day before a two-year "
         "anniversary for his death on Saturday.", "2006-11-10", "Saturday", "2006-11-11", "planned"),
        # ... but not one it puts before: the weekday keeps its reading (and its doubt)
        ("Police arrested him on Saturday, after the attack on Sunday.", "1997-04-12", "Sunday",
         "1997-04-06", "happened"),
    ],
)
def test_a_weekday_ending_what_an_earlier_date_starts_comes_after_it(text, published, date_text, value, status):
    from timeline import extract

    table = extract(text, published=published)
    (row,) = table[table["date_text"] == date_text].itertuples()
    assert (row.date_value, row.status) == (value, status)


def test_a_weekday_alone_stays_in_the_week_of_publication_whatever_came_before():
    from timeline import extract

    table = extract("Destruction started on Oct. 25, and all have been destroyed by Friday.",
                    published="2005-11-18")
    (row,) = table[table["date_text"] == "Friday"].itertuples()
    assert row.date_value == "2005-11-18"
    moved = extract("Talks resume on Monday and are expected to last until Friday.", published="2026-03-18")
    (friday,) = moved[moved["date_text"] == "Friday"].itertuples()
    assert friday.warnings == ['"Friday" is taken as the Friday after "Monday", March 27, 2026: the text runs '
                               "from one to the other."]


def test_overnight_is_the_night_before_the_day_it_is_told():
    from timeline import extract

    text = "KYIV (AP) — Russian forces launched a massive drone attack on Kyiv overnight, officials said Sunday."
    # Published on the Thursday after: the night is Saturday's, before the Sunday of the telling.
    table = extract(text, published="2026-03-05T09:00:00+00:00")
    (night,) = table[table["date_text"] == "overnight"].itertuples()
    assert (night.date_value, str(night.start.date())) == ("2026-02-28TNI", "2026-02-28")
    assert night.warnings == ['"overnight" is taken as the night before "Sunday" (March 1, 2026), the day '
                              "the sentence tells it."]
    # Without a telling, the night before publication.
    (alone,) = extract("Nine people were arrested overnight following a fight.",
                       published="1997-04-03").itertuples()
    assert alone.date_value == "1997-04-02TNI"


def test_a_weekday_read_six_days_back_is_shown_as_doubtful():
    """ "said Friday" in a Thursday story: last Friday, or tomorrow's local day; the row says so."""
    from timeline import extract

    row = extract("A senior Saudi official said Friday that the arms race was dangerous.",
                  published="2006-12-07").iloc[0]
    assert row.date_value == "2006-12-01" and row.confidence <= 0.7
    assert any("it may be the coming Friday, December 8, 2006" in w for w in row.warnings)
    # a weekday a day or two back is no such doubt
    row = extract("Talks were held on Wednesday.", published="2006-12-07").iloc[0]
    assert row.confidence == 1.0 and len(row.warnings) == 0
    # nor is a telling five days back: the coming day would be two days after the report
    row = extract("Meles told foreign journalists on Saturday that his country would not wait.",
                  published="2006-11-30").iloc[0]
    assert (row.date_value, row.confidence, list(row.warnings)) == ("2006-11-25", 1.0, [])
    # ... while an event of another verb keeps its doubt (a tense may be misread)
    row = extract("The embattled coach resigned on Saturday.", published="2006-11-30").iloc[0]
    assert row.confidence <= 0.7


@pytest.mark.parametrize("text, published, value, status", [
    ("The pilgrimage climaxes on nearby Mount Arafat on Wednesday.", "1997-04-15", "1997-04-16", "planned"),
    ("Defending champions Al-Ahly's coach is facing huge pressure before a decisive game with Sfaxien of "
     "Tunisia on Saturday.", "2006-11-09", "2006-11-11", "planned"),
    # a telling, or a past tense, in the sentence keeps the day behind (with its doubt)
    ("The ministry says the pilgrimage climaxes on Wednesday.", "1997-04-15", "1997-04-09", "happened"),
    ("The embattled coach resigned on Saturday.", "2006-11-09", "2006-11-04", "happened"),
    # the day something is set for is the coming one, whatever tense the setting has
    ("The main political opposition has called a mass strike for Monday.", "1997-04-13", "1997-04-14",
     "planned"),
    ("A countrywide dawn-to-dusk hartal for Thursday was called in Bangladesh.", "2005-11-29", "2005-12-01",
     "planned"),
    ("The crowds answered calls urging them to mobilise for a national funeral on Wednesday.", "2005-12-13",
     "2005-12-14", "planned"),
    ("Kartman left a few aides behind in New York to consult with the North Koreans on the possibility of a "
     "meeting on Monday.", "1997-04-19", "1997-04-21", "planned"),
])
def test_a_weekday_six_days_back_in_a_sentence_all_in_the_present_is_the_coming_one(
        text, published, value, status):
    row = extract(text, published=published).iloc[-1]
    assert (row.date_value, row.status) == (value, status)
    assert row.confidence <= 0.7  # either way, the other week is named as the doubt
    other = "days before publication" if status == "planned" else "it may be the coming"
    assert any(other in w for w in row.warnings)


@pytest.mark.parametrize("text, published, value", [
    # nothing beside the first Thursday says which week; the article's other Thursday does
    ("Before 15.5 million voters cast their ballots on Thursday, 300,000 Iraqi hospital patients, detainees "
     "and members of the security forces voted. Security measures will be imposed to limit bloodshed "
     "during Thursday's main event.", "2005-12-12", "2005-12-15"),
    ("A top UN envoy for Somalia is traveling to Somalia on Tuesday for a regional ministerial meeting this "
     "week in Jowhar, the provisional capital of Somalia, officials said here Monday. The envoy will hold "
     "talks with President Yusuf on Tuesday.", "2005-11-28", "2005-11-29"),
])
def test_a_weekday_with_no_tense_of_its_own_is_the_one_the_article_names_elsewhere(text, published, value):
    df = extract(text, published=published)
    first = df.iloc[0]
    assert first.date_value == value and first.status == "planned"
    assert any("says which week" in w for w in first.warnings)


def test_a_weekday_read_by_its_own_tense_keeps_its_week():
    df = extract("The advance team arrived in Tirana late Tuesday. Another 350 men will embark on Tuesday.",
                 published="1997-04-09")
    assert df.date_value.tolist() == ["1997-04-08", "1997-04-15"]
    assert not any("says which week" in w for ws in df.warnings for w in ws)


def test_a_weekday_set_apart_by_last_does_not_move_the_plain_one():
    # "Monday" is yesterday's price; "last Monday", a week before it, is another day
    df = extract("Oil dropped to 53.62 dollars per barrel on Monday, lower than last Friday. Prices rose "
                 "on last Monday and Tuesday, or on Nov. 6 and Nov. 7.", published="2006-11-14")
    days = dict(zip(df.date_text, df.date_value, strict=False))
    assert (days["Monday"], days["last Monday"], days["Tuesday"]) == ("2006-11-13", "2006-11-06", "2006-11-07")


def test_last_week_written_on_a_sunday_is_gone_by_whatever_the_wording_ahead():
    (row,) = extract("Shqirat said Barghouti's victory in the elections last week would make Israel "
                     "consider his release.", published="2005-11-27").itertuples()
    assert (row.date_value, row.status) == ("2005-W47", "happened")


@pytest.mark.parametrize("text, value, first, last", [
    ("The agreement will be signed in the week of 8 December.", "2026-W50", "2026-12-07", "2026-12-13"),
    ("Talks are planned for the week beginning March 1, 2027.", "2027-W09", "2027-03-01", "2027-03-07"),
])
def test_the_week_of_a_day_is_that_week(text, value, first, last):
    (row,) = extract(text, published="2026-11-29").itertuples()
    assert (row.date_value, row.precision) == (value, "week")
    assert (row.start, row.end) == (pd.Timestamp(first), pd.Timestamp(last))


def test_one_event_told_twice_in_a_sentence_is_one_row():
    df = extract("Defending champion China crushed Vietnam Thursday in straight sets at the women's volleyball "
                 "tournament here on Thursday to open its campaign.", published="2006-11-30")
    assert df.date_value.tolist() == ["2006-11-30"]
    # two events of one day with words of their own stay two
    df = extract("The index closed at 1866.36 on Friday, and the bank cut its rates on Friday.",
                 published="2006-11-04")
    assert len(df) == 2


def test_an_article_whose_copy_repeats_a_paragraph_tells_each_event_once():
    paragraph = ("The UN General Assembly on Monday expressed strong support for the Kimberley process. "
                 "The agreement went into effect January 1 2003.\n\n")
    df = extract(paragraph + "Other news followed.\n\n" + paragraph, published="2006-12-04")
    assert df.date_text.tolist() == ["Monday", "January 1 2003"]
    assert (df.char_start < len(paragraph)).all()  # the first telling's offsets
