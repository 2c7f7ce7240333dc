"""The resolver's reading of tense: which occurrence of a month, weekday or quarter the text means."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from timeline import tag
from timeline.temporal.resolver import tense_near


def only_date(text: str, published: str) -> str:
    (m,) = [m for m in tag(text, published=published) if m.type == "DATE"]
    return m.value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A passive participle takes its tense from the auxiliary: "will be held" looks ahead.
        ("Parliamentary elections will be held in March.", "2025-03"),
        ("The treaty is to be signed on Monday in Brussels.", "2024-10-21"),
        ("The talks were held in March.", "2024-03"),
        # "since" counts from a date already behind, whatever follows in the sentence.
        ("The carrier, which has been on patrol since March, will be replaced.", "2024-03"),
        # The present perfect reports what has happened.
        ("The deal, which has been delayed since February, will close later.", "2024-02"),
        # An adjective in -ed is not a past tense: the payment is still to come.
        ("The dividend would be paid on a still unspecified date in January.", "2025-01"),
        # The plain present of a meeting announces it.
        ("The two leaders meet Monday with the secretary of state.", "2024-10-21"),
        ("The two leaders met Monday with the secretary of state.", "2024-10-14"),
    ],
)
def test_tense_picks_the_occurrence(text, value):
    assert only_date(text, "2024-10-16") == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # "this weekend" with no tense of its own is the nearer one; the past tense of the
        # clause before "that" is another clause's.
        ("The appeal was sparked by fears that new clashes could erupt on Sydney beaches this weekend.",
         "2005-12-16", "2005-W50-WE"),
        ("Thousands of people rally in Sydney this weekend.", "2005-12-12", "2005-W49-WE"),
        # ... and a tense of its own says which
        ("Thousands of people marched in Sydney this weekend.", "2005-12-16", "2005-W49-WE"),
        ("Thousands of people will march in Sydney this weekend.", "2005-12-12", "2005-W50-WE"),
        # "the weekend" alone is the one just past
        ("Officials met over the weekend.", "2005-12-16", "2005-W49-WE"),
        # "that" before a noun of time is no clause of its own: the verb before it speaks
        ("He was arrested later that day, on Monday.", "2005-12-16", "2005-12-12"),
    ],
)
def test_this_weekend_and_a_clause_after_that(text, published, value):
    assert [m.value for m in tag(text, published=published) if m.type == "DATE"][-1] == value


def test_a_sentence_ends_after_closing_quotes():
    text = ('He insisted, "That is not the aim." Nevertheless, officials over the weekend '
            "became more open about it.")
    start = text.index("the weekend")
    assert tense_near(text, start, start + len("the weekend")) == "past"
    assert only_date(text, "1991-02-25") == "1991-W08-WE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Reported results are for a quarter that has ended, even after a sentence about
        # a charge expected in the quarter under way.
        ("The quake will bring a fourth-quarter charge. Profit fell 59% in the latest quarter.",
         "2024-Q3"),
        ("Sales in the current quarter are expected to rise.", "2024-Q4"),
    ],
)
def test_quarters_in_results_copy(text, value):
    got = [m.value for m in tag(text, published="2024-11-02") if m.type == "DATE"]
    assert got[-1] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("lower earnings for the last half of 1989 and for 1990", "1989-H2"),
        ("through at least the first two quarters of 1990, when", "1990-H1"),
        ("in the second half of next year", "2025-H2"),
    ],
)
def test_halves(text, value):
    assert [m.value for m in tag(text, published="2024-10-16")][0] == value


def _tense_near_plain(text, start, end):
    """tense_near as first written: _marker asked about every word."""
    from timeline.temporal.resolver import (
        _ACCORDING_BEFORE,
        _NO_PLAN_BEFORE_TO_BE,
        _NOT_AFTER_THAT_CLAUSE,
        _OWN_CLAUSE_OPENS,
        _PAST_WORDS,
        _PRESENT_OF_SCHEDULE,
        _SET_FOR,
        _STARTING_BEFORE,
        _TOKEN,
        _WENT,
        DETERMINERS,
        _as_planned,
        _clause_end,
        _clause_start,
        _conjunction_provided,
        _did_before,
        _marker,
        _name_in_ed,
        _passive,
        _present_passive,
    )

    def adjective(words, i):
        w = words[i].lower()
        return i > 0 and w.endswith("ed") and w not in _PAST_WORDS and words[i - 1].lower() in DETERMINERS

    lo = _clause_start(text, max(0, start - 120), start)
    if _ACCORDING_BEFORE.search(text, max(lo, start - 80), start):
        return "past"
    if _STARTING_BEFORE.search(text, max(lo, start - 20), start):
        return "future"
    own = _OWN_CLAUSE_OPENS.search(text, max(lo, start - 60), start)
    words = [] if own else _TOKEN.findall(text, lo, start)
    possessive = text.startswith(("'s", "’s"), end)
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() == "that" and i + 1 < len(words) and words[i + 1].lower() not in _NOT_AFTER_THAT_CLAUSE:
            break
        if possessive and words[i].lower() in ("may", "might"):
            continue
        if _name_in_ed(words, i) or _conjunction_provided(words, i):
            continue
        nxt = words[i + 1].lower() if i + 1 < len(words) else None
        if nxt == "for" and i + 2 == len(words) and words[i].lower() in _SET_FOR:
            return "future"
        found = _marker(words[i], nxt)
        if found == "past" and _present_passive(words, i):
            return "future"
        if found == "past" and _passive(words, i):
            continue
        if found == "past" and adjective(words, i):
            continue
        if found == "future" and nxt == "to" and i + 2 < len(words) and (
                words[i + 2].lower() == "blame" or words[i + 2].lower() == "have" and i + 3 < len(words)
                and (words[i + 3].lower() in ("been", "begun", "gone", "done", "seen", "taken", "given", "won",
                                              "come", "left") or words[i + 3].lower().endswith("ed"))):
            continue
        if found == "future" and nxt == "to" and i > 1 and words[i - 1].lower() == "been" and words[i - 2].lower() == "had":
            return "past"
        if found == "future" and words[i].lower() == "to" and i > 0 and words[i - 1].lower() in _NO_PLAN_BEFORE_TO_BE:
            continue
        if found == "future" and words[i].lower() in _PRESENT_OF_SCHEDULE and _did_before(words, i):
            return "past"
        if found == "future" and _as_planned(words, i):
            continue
        if found == "future" and words[i].lower() == "ahead" and i > 0 and words[i - 1].lower() in _WENT:
            continue
        if found:
            return found
    if words and re.search(r"(?i)\b(?:if|unless|provided)\b[^,;:.]{0,80}$", text[max(lo, start - 90):start]):
        return "future"
    hi = _clause_end(text, end, min(len(text), end + 80))
    words = _TOKEN.findall(text, end, hi)
    for i, w in enumerate(words):
        if w.lower() in ("that", "which", "who", "whom", "whose"):
            break
        if w.lower() in ("may", "might"):
            continue
        found = _marker(w, words[i + 1].lower() if i + 1 < len(words) else None)
        if found == "past" and (adjective(words, i) or _passive(words, i)):
            continue
        if found == "past" and _present_passive(words, i):
            return "future"
        if found == "future" and _as_planned(words, i):
            continue
        if found:
            return found
    return None


def test_tense_near_skips_only_words_that_mark_no_tense(shared_dir):
    import json

    from timeline.temporal.resolver import tense_near
    from timeline.temporal.tagger import find_mentions

    texts = [
        "The vote, which WILL be held Is To come, was Planned; they HAVE BEEN there since May.",
        "He walked and need speed on Monday; it IS TO open Friday, the talks SET FOR June 3.",
        "Police said they had arrested a man Saturday. 'll meet 've been Ed bed RED embed Tuesday",
    ]
    with (shared_dir / "corpora" / "silver-news.jsonl").open(encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line, _ in zip(f, range(200), strict=False)]
    checked = 0
    for text in texts:
        for m in find_mentions(text):
            assert tense_near(text, m.start, m.end) == _tense_near_plain(text, m.start, m.end)
            checked += 1
    assert checked > 500


def test_a_clock_time_takes_the_day_written_beside_it():
    from timeline import tag

    def values(text):
        return {m.text: m.value for m in tag(text, published="2024-11-02")}

    got = values("Israel and Hamas agreed to a truce that began at 7 a.m. local time (0500 GMT) on Friday.")
    assert got["7 a.m."] == "2024-11-01T07:00" and got["0500 GMT"] == "2024-11-01T05:00"
    assert values("The truce began on Friday at 7 a.m. (0500 GMT).")["0500 GMT"] == "2024-11-01T05:00"
    assert values("Supplies will be cut at 10:00 am in Moscow (0700 GMT) on Monday.")["10:00 am"] == \
        "2024-11-04T10:00"
    # A date in another sentence is not the local clock's day; a zone's own day gives the place's
    # day, across midnight where the clocks say so (Thursday 23:30 GMT is Friday morning in Japan).
    assert values("The bomb exploded at 9 p.m. in Baghdad. On Monday, more troops arrived.")["9 p.m."] == \
        "2024-11-02T21:00"
    assert values("The quake struck at 8:30 a.m. (2330 GMT Thursday) in Ibaraki.")["8:30 a.m."] == \
        "2024-11-01T08:30"


def test_the_times_of_a_span_take_the_day_its_end_is_given():
    from timeline import tag

    def values(text):
        return {m.text: m.value for m in tag(text, published="2005-11-19")}

    got = values("Polling centers will open at 7 am (0400 GMT) until 5 pm (1400 GMT) during Monday's "
                 "constitution referendum.")
    assert (got["7 am"], got["0400 GMT"], got["5 pm"]) == (
        "2005-11-21T07:00", "2005-11-21T04:00", "2005-11-21T17:00")
    # through the night: the span starts the day before the day its end is given
    assert values("The curfew runs from 7 pm until 6 am on Monday.")["7 pm"] == "2005-11-20T19:00"
    # a time before a date it runs until is no time of that date
    assert values("The curfew runs from 7 pm until Monday.")["7 pm"] == "2005-11-19T19:00"


def test_put_off_before_is_the_plain_search():
    """The look at the last word before a date only skips searches that find nothing."""
    from timeline.temporal.resolver import _PUT_OFF_TO, _put_off_before

    texts = [
        "the vote was postponed until February 15", "was postponed to\nMay 2", "pushed back to the end of- 2027",
        "MOVED TO THE   June", "delayed it for the mid-2026", "was put off into the late 2020s",
        "postponed \u0130NTO June", "postponed unt\u0131l June", "postponed to", " to ", "-", "\n\n", "",
        "rescheduled a meeting of the board to early\u2003June", "the delay of three weeks until mid-\x1cJune",
        "brought forward to", "pushed til June", "moved the date \u017fo June", "postponed for\tthe start of June",
    ]
    _same_as_plain_search(_put_off_before, _PUT_OFF_TO, 80, texts)


def test_ahead_of_before_is_the_plain_search():
    from timeline.temporal.resolver import AHEAD_OF, _ahead_of_before

    texts = [
        "met ahead of Thursday's summit", "AHEAD OF the vote on", "in the run-up to Sunday's vote",
        "in the lead up to the June", "In Advance Of its March", "in preparation for the 2027",
        "in the run\u2003up to May", "ahead\nof May", "the leader of the party up in", "ahead", "",
        "in pr\u0130paration for May", "\u0131n advance of the vote", "a head of state on",
    ]
    _same_as_plain_search(_ahead_of_before, AHEAD_OF, 60, texts)


def _same_as_plain_search(fast, regex, reach, texts):
    """``fast(text, start)`` is the search of ``regex`` in the ``reach`` characters before
    ``start``, at every place of every text (and the texts hold enough matches)."""
    checked = 0
    for text in texts:
        for start in range(len(text) + 1):
            plain = regex.search(text, max(0, start - reach), start) is not None
            assert fast(text, start) == plain, (text, start)
            checked += plain
    assert checked > 10


def test_numeric_dates_read_day_first_where_the_article_writes_day_first():
    text = "Updated: 22/03/2026 10:00\nThe minister resigned on 12/03/2026."
    (_, ambiguous) = tag(text, published="2026-03-28")
    assert ambiguous.value == "2026-03-12"
    assert 'read as day first, as the article writes "22/03/2026 10:00"' in ambiguous.warnings[0]


def test_numeric_dates_stay_month_first_without_a_day_first_date_or_against_a_month_first_one():
    alone = tag("The minister resigned on 12/03/2026.", published="2026-03-28")
    assert alone[0].value == "2026-12-03" and "read as month first" in alone[0].warnings[0]
    assert alone[0].spec["other_reading"] == "2026-03-12"
    both = tag("Filed 22/03/2026 and 03/25/2026. He left on 12/03/2026.", published="2026-03-28")
    assert both[-1].value == "2026-12-03"


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # The present of a schedule looks ahead, for plural subjects too.
        ("Talks resume on Tuesday.", "2026-03-18", "2026-03-24"),
        ("The pilgrimage, which ends on Monday, is one of the five pillars of Islam.", "2006-12-28",
         "2007-01-01"),
        ("Japan and Australia begin their campaign on June 12.", "2005-12-10", "2006-06-12"),
        # "to close" reports a market's day; "the start of" is a noun.
        ("The index shed 113 points during the week to close on Friday at 3,550.", "1997-04-05", "1997-04-04"),
    ],
)
def test_the_present_of_a_schedule_looks_ahead(text, published, value):
    assert only_date(text, published) == value


def test_last_and_the_month_just_past_is_the_year_before_with_doubt():
    # Written in November: the October just past would be "last month".
    (m,) = tag("The EU formally launched talks with Turkey last October.", published="2006-11-22")
    assert m.value == "2005-10" and m.confidence <= 0.6
    assert m.warnings == ['"last October" could be October 2006, the month just past, or October 2005; '
                          'read as 2005, since the month just past is mostly called "last month".']
    # Other months are the latest before publication, as they were.
    assert only_date("The elections took place last July.", "2006-11-22") == "2006-07"
    assert only_date("He was elected last November.", "2006-11-22") == "2005-11"


@pytest.mark.parametrize(
    "text,published,value",
    [
        # "since" a date puts it behind publication, even a date just ahead in the calendar
        ("The ceasefire has been in force since November 27.", "2025-10-14", "2024-11-27"),
        ("It was the largest one-day fall since the May curbs.", "1997-04-13", "1996-05"),
        ("Cases had risen by 80 percent since January, she said.", "2006-11-10", "2006-01"),
    ],
)
def test_since_a_date_without_its_year_is_behind_publication(text, published, value):
    from timeline import tag

    [m] = [m for m in tag(text, published=published) if m.type == "DATE"]
    assert m.value == value


@pytest.mark.parametrize(
    "text,values",
    [
        ("He will attend the forum from Tuesday to Thursday next week.", ["2024-12-03", "2024-12-05"]),
        ("The vote is on Friday this week.", ["2024-11-29"]),
        ("They met on Monday last week.", ["2024-11-18"]),
        ("The vote is set for Tuesday of next week.", ["2024-12-03"]),
    ],
)
def test_weekdays_before_a_named_week_are_days_of_that_week(text, values):
    from timeline import extract, tag

    days = [m.value for m in tag(text, published="2024-11-28") if m.precision == "day"]
    assert days == values
    # the days are the events; the week only says which they are
    table = extract(text, published="2024-11-28")
    assert len(table) >= 1 and set(table["precision"]) == {"day"}


@pytest.mark.parametrize(
    "text,published,values",
    [
        # news copy: a Friday story names today "Friday"; the day listed after it is tomorrow
        ("The coalition said it hoped to give a new government to the country after electing a "
         "successor late Friday or early Saturday.", "1997-04-18", ["1997-04-18", "1997-04-19"]),
        ("Some 87,000 black pearls went on show in Papeete on Friday and Saturday before being "
         "auctioned.", "1997-04-04", ["1997-04-04", "1997-04-05"]),
        # a Saturday story: the Friday listed before today is yesterday, not next week's
        ("Pyongyang's emissaries twice failed to show up for meetings here -- scheduled Friday and "
         "Saturday -- to hear their reply.", "1997-04-19", ["1997-04-18", "1997-04-19"]),
        # read as past, the last day listed holds and the ones before it are counted back
        ("Fighting raged in the north on Friday and Sunday, officials said.", "2006-12-09",
         ["2006-12-01", "2006-12-03"]),
    ],
)
def test_weekdays_listed_together_are_one_stretch_in_order(text, published, values):
    from timeline import tag

    days = [m for m in tag(text, published=published) if m.precision == "day"]
    assert [m.value for m in days] == values
    moved = [m for m in days if m.warnings]
    assert len(moved) == 1 and moved[0].confidence <= 0.8
    assert 'is listed with "' in moved[0].warnings[0] and "read alone it would be" in moved[0].warnings[0]


@pytest.mark.parametrize(
    "text,values",
    [
        ("Fighting continued on Wednesday and Thursday, officials said on Friday.",
         ["1997-04-16", "1997-04-17", "1997-04-18"]),
        # the latest first, counting back from today
        ("Following are statements made Friday and Thursday by the lawyer.", ["1997-04-18", "1997-04-17"]),
        # "were to be": what was arranged, ahead: today and tomorrow as read
        ("Some 87,000 black pearls were to be put on show in Papeete on Friday and Saturday before being "
         "auctioned.", ["1997-04-18", "1997-04-19"]),
    ],
)
def test_weekdays_already_in_order_are_left_as_read(text, values):
    from timeline import tag

    days = tag(text, published="1997-04-18")
    assert [(m.value, m.warnings, m.confidence) for m in days] == [(v, [], 1.0) for v in values]


@pytest.mark.parametrize("published", ["1997-04-23", "2006-12-26"])
def test_a_list_of_weekdays_is_days_not_a_weekday_and_its_date(published):
    """ "on Sunday, Monday and Tuesday" is three days; a weekday beside a weekday is never
    read as "Friday (November 2)", a day told twice that may contradict itself."""
    from timeline import extract

    text = "The survey of 1,129 voters on Sunday, Monday and Tuesday indicated a shift in mood."
    rows = extract(text, published=published)
    assert list(rows.date_text) == ["Sunday", "Monday", "Tuesday"]
    assert all(len(w) == 0 for w in rows.warnings) and (rows.confidence == 1.0).all()
    days = [d.date() for d in rows.start]
    assert [d.strftime("%A") for d in days] == ["Sunday", "Monday", "Tuesday"]
    assert days[1] - days[0] == days[2] - days[1] == timedelta(days=1)


@pytest.mark.parametrize(
    "year,day",
    [(1998, "1998-04-12"), (2000, "2000-04-23"), (2006, "2006-04-16"), (2007, "2007-04-08"),
     (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"), (2038, "2038-04-25")],
)
def test_easter_is_the_gregorian_computus(year, day):
    from timeline.temporal.calendar import easter

    assert easter(year).isoformat() == day


def test_thanksgiving_is_the_fourth_thursday_of_november():
    from timeline.temporal.calendar import moving_day, thanksgiving

    assert [thanksgiving(y).isoformat() for y in (2005, 2006, 2026)] == ["2005-11-24", "2006-11-23", "2026-11-26"]
    assert moving_day("thanksgiving+1", 2006).isoformat() == "2006-11-24"  # Black Friday


@pytest.mark.parametrize(
    "text,published,value",
    [
        ("Pilgrims will gather in Jerusalem on Good Friday.", "2007-03-20", "2007-04-06"),
        # a year moved by the tense moves the day with it: Easter 2006 was April 16
        ("The fighting stopped over Easter.", "2007-03-20", "2006-04-16"),
        ("Churches were packed on Easter Sunday last year.", "2007-03-20", "2006-04-16"),
        ("Stores opened early on Black Friday 2005.", "2006-03-01", "2005-11-25"),
        ("Ash Wednesday falls early this year.", "2008-01-10", "2008-02-06"),
    ],
)
def test_holidays_that_move_are_dated_in_their_year(text, published, value):
    from timeline import extract

    [row] = extract(text, published=published).itertuples()
    assert row.date_value == value


def test_names_that_hold_a_moving_holiday_are_no_date():
    assert [m.text for m in tag("The 1998 Good Friday Agreement ended the conflict.")] == ["1998"]
    assert tag("Tourists flew to Easter Island.", published="2007-03-20") == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("A group of lenders has extended Control Data's revolving loans through January.", "1990-01"),
        ("The bank extended the credit line through March 31.", "1990-03-31"),
    ],
)
def test_a_term_extended_through_a_date_runs_ahead(text, value):
    [m] = tag(text, published="1989-10-30")
    assert m.value == value


@pytest.mark.parametrize(
    "text,value",
    [
        ("Voting ends at 8 p.m. (1800 GMT) on Sunday.", "2025-06-22T20:00"),
        ("Polls open at 7 a.m. on Thursday.", "2025-06-19T07:00"),
    ],
)
def test_a_clocks_p_m_does_not_end_the_clause_its_tense_is_read_in(text, value):
    from timeline import extract

    row = extract(text, published="2025-06-18").iloc[0]
    assert (row.date_value, row.status) == (value, "planned")


@pytest.mark.parametrize(
    "text,published,value",
    [
        # what was arranged, told in the past, is ahead
        ("He confirmed that most of the troops were to arrive on Tuesday.", "1997-04-13", "1997-04-15"),
        ("Senior diplomats were to meet Wednesday in New York.", "1997-04-15", "1997-04-16"),
        # what is yet to be done
        ("Annan told the BBC in an interview to be broadcast Monday.", "2006-12-03", "2006-12-04"),
        ("The poll, to be published in the paper Friday, put Labour on 52 percent.", "1997-04-03", "1997-04-04"),
        # a plain future beside the date, which a passive nearer to it does not undo
        ("The score will be officially presented and played by Florian Birsak on Friday, it said.",
         "2006-12-27", "2006-12-29"),
        # but a future in another clause does not reach into a relative clause's past
        ("On Tuesday Rangers will play Motherwell, who drew at home to Celtic on Saturday.", "2006-12-31",
         "2006-12-30"),
        # a possibility before the date looks ahead; one after it, or beside a possessive, does not
        ("Lugar warned that an operational government might not be finalised until April.", "2005-12-15",
         "2006-04"),
        ("O'Neal may miss two weeks with an ankle sprained during Thursday's loss to Indiana.", "2005-11-04",
         "2005-11-03"),
        ("The pledge made at Gleneagles in July may not result in a deal.", "2005-11-14", "2005-07"),
        # a weekday naming a scheduled event is the nearest of that name, whatever the verb
        ("The 72-year-old Talabani leads the coalition contesting Thursday's election.", "2005-12-13",
         "2005-12-15"),
        ("The parties on Tuesday put forward bills for Friday's session of the legislature.", "2006-11-07",
         "2006-11-10"),
        ("Police arrested two men after Sunday's attack.", "2005-12-13", "2005-12-11"),
        ("Parties are hitting the roads in the run-up to Sunday's legislative elections.", "1997-04-07",
         "1997-04-13"),
        # a that-clause after the date has its own tense
        ("Israel's chief of staff Dan Halutz claimed on Tuesday that Tehran would have the knowledge.",
         "2005-12-14", "2005-12-13"),
        # the present of travel, the start of a period
        ("US Defense Secretary William Cohen flies into Tokyo on Monday.", "1997-04-06", "1997-04-07"),
        ("The team faces the Indians in a four-day match starting Thursday.", "2006-12-05", "2006-12-07"),
        # a telling set off after the date is the telling's tense, not the date's
        ("Investors awaited economic data due for release Thursday, brokers said.", "1997-04-23", "1997-04-24"),
        # but a plan that fell through, or was only supposed, is behind
        ("Voting had been due to end Sunday, but had to be extended.", "1997-04-15", "1997-04-13"),
        ("Refugees were supposed to be airlifted out on Friday, but rebels blocked the move.",
         "1997-04-21", "1997-04-18"),
        # a date that opens a clause of its own takes that clause's verb
        ("He was to be followed by Chirac, who on his arrival late Friday called for more aid.",
         "2005-12-03", "2005-12-02"),
        ("They want the truce extended and on Sunday, the Brigades gave Israel two weeks.", "2006-12-04",
         "2006-12-03"),
        # a noun or a name in "-ed" is no past verb
        ("Security measures will be imposed to limit bloodshed during Thursday's main event.", "2005-12-12",
         "2005-12-15"),
        ("The talks with Khaled on Thursday will decide the matter.", "2005-12-12", "2005-12-15"),
        # irregular pasts
        ("The inquiry heard allegations Thursday that he was detained by soldiers.", "1997-04-09",
         "1997-04-03"),
        ("The index shed 113 points during a week of swings, to close on Friday at 3,550.", "1997-04-05",
         "1997-04-04"),
        ("Motherwell drew at home to Celtic on Saturday.", "2006-12-31", "2006-12-30"),
        # the present of a schedule
        ("The festival runs from Friday to Sunday.", "2025-03-12", "2025-03-14/2025-03-16"),
        ("The new tariff takes effect on Saturday.", "2025-03-12", "2025-03-15"),
        ("The act comes into force on Monday in Northern Ireland.", "2005-12-17", "2005-12-19"),
        # a plan told in the past, after the date
        ("He held talks Friday and on Saturday was scheduled to meet his Thai counterpart.", "1997-04-18",
         "1997-04-19"),
        ("The flag was due to return to Italy on Saturday, according to reports.", "2006-11-30", "2006-12-02"),
        # the present of a fixture
        ("Fiorentina trail Juventus, who entertain Cagliari on Sunday.", "2005-12-10", "2005-12-11"),
        ("Benitez's side host bottom club Watford at Anfield on Saturday.", "2006-12-22", "2006-12-23"),
        ("Other first leg matches kick off on Wednesday.", "2005-11-29", "2005-11-30"),
        ("Kibaki is in Beijing for a two-day summit opening here Saturday.", "2006-11-03", "2006-11-04"),
        ("Traders back Thursday's hartal.", "2005-11-29", "2005-12-01"),
        # the present passive of a schedule, not of a belief
        ("The movie is sure to feature when nominations are announced Tuesday.", "2005-12-12", "2005-12-13"),
        ("He promised an election after the report is delivered on Feb. 1.", "2005-11-07", "2006-02-01"),
        ("He is believed killed on Monday.", "2005-12-13", "2005-12-12"),
        # ... after the date, across an adverb, with a participle of an irregular verb
        ("On Wednesday, Ford's remains are finally laid to rest in his hometown.", "2006-12-30", "2007-01-03"),
        ("On Wednesday, Ford's remains were laid to rest in his hometown.", "2006-12-30", "2006-12-27"),
        # a day something was set for
        ("Pro-Gotovina rallies were also announced for Sunday in neighboring Bosnia.", "2005-12-10", "2005-12-11"),
        ("A general strike was called for Monday.", "2005-12-10", "2005-12-12"),
        ("The strike was announced on Monday.", "2005-12-10", "2005-12-05"),
        # an irregular past tense
        ("Castro has been unseen in public since he underwent surgery in July.", "2006-12-21", "2006-07"),
        # a condition in the present
        ("Sevilla end the year on top if they beat Deportivo at home on Wednesday.", "2006-12-18", "2006-12-20"),
        ("United stay level unless they lose to Tottenham at White Hart Lane on Sunday.", "2006-11-04",
         "2006-11-05"),
        ("Chelsea can pull level provided that they beat Tottenham at White Hart Lane on Sunday.", "2006-11-04",
         "2006-11-05"),
    ],
)
def test_the_tense_beside_a_weekday_says_which_week(text, published, value):
    from timeline import extract

    rows = extract(text, published=published)
    assert rows.iloc[-1].date_value == value  # (the weekday in question is the sentence's last date)


@pytest.mark.parametrize("text, tense", [
    ("The vote on Thursday follows the US-led invasion.", None),
    ("the so-called summit on Thursday", None),
    ("Chavez re-elected on Sunday", "past"),
])
def test_a_hyphenated_compound_is_a_verb_only_after_a_verb_prefix(text, tense):
    from timeline.temporal.resolver import tense_near

    day = next(d for d in ("Thursday", "Sunday") if d in text)
    start = text.index(day)
    assert tense_near(text, start, start + len(day)) == tense


@pytest.mark.parametrize("text, value", [
    ("The shops open at 9 a.m. every day.", "XXXX-XX-XXT09:00"),
    ("He has to return to the prison by 7:00 p.m. every evening.", "XXXX-XX-XXT19:00"),
    ("Flights leave at 10 p.m. each Friday.", "XXXX-WXX-5T22:00"),
    ("The curfew runs daily from 6 p.m. until dawn.", "XXXX-XX-XXT18:00"),
    ("The press center is open to reporters until 21:00 everyday.", "XXXX-XX-XXT21:00"),
])
def test_a_clock_time_said_to_recur_is_a_set_and_no_event(text, value):
    from timeline import extract

    (m,) = [m for m in tag(text, published="1997-04-14") if ":" in m.value]
    assert (m.type, m.value) == ("SET", value)
    assert extract(text, published="1997-04-14").empty


def test_a_clock_time_beside_each_of_something_else_stays_a_time():
    (m,) = tag("The ceasefire took effect at midnight, each side said.", published="1997-04-14")
    assert (m.type, m.value) == ("TIME", "1997-04-14T00:00")


@pytest.mark.parametrize("text, value", [
    ("The three sides signed an accord in 2003, the year a regional war ended.", "2003"),
    ("He was born in March 1975, the year the war began.", "1975"),
])
def test_the_year_set_off_after_a_date_is_that_dates_year(text, value):
    (m,) = [m for m in tag(text, published="2006-12-19") if m.text == "the year"]
    assert m.value == value


def test_the_year_elsewhere_is_still_read_from_publication():
    (m,) = [m for m in tag("Sales rose in 2003. They fell over the year.", published="2006-12-19")
            if m.text == "the year"]
    assert m.value == "2006"


def test_the_year_to_a_month_is_twelve_months_not_a_calendar_year():
    (m,) = [m for m in tag("Sales rose in 2003 and fell in the year to March.", published="2006-12-19")
            if m.text == "the year"]
    assert (m.type, m.value) == ("DURATION", "P1Y")


@pytest.mark.parametrize("text, published, value", [
    # written on a Sunday, the last day of its ISO week: what is still to come is next week's
    ("The assembly will hold an emergency session later this week.", "2026-11-29", "2026-W49"),
    ("The assembly will vote this week.", "2026-11-29", "2026-W49"),
    # what has happened, or anything written on another day, is in the week of publication
    ("The assembly met earlier this week.", "2026-11-29", "2026-W48"),
    ("Protests this week drew thousands.", "2026-11-29", "2026-W48"),
    ("The assembly will hold an emergency session later this week.", "2026-11-28", "2026-W48"),
])
def test_this_week_written_on_a_sunday(text, published, value):
    (m,) = tag(text, published=published)
    assert m.value == value


@pytest.mark.parametrize("text, published, value", [
    ("The talks resume on Monday week.", "2026-11-29", "2026-12-07"),
    ("MPs will vote on the bill a week on Tuesday.", "2026-11-29", "2026-12-08"),
    ("MPs will vote on the bill a week from Tuesday.", "2026-11-24", "2026-12-08"),  # (a Tuesday: the next)
    ("Elections will be held on the first Sunday of March.", "2026-11-29", "2027-03-07"),
    ("The board meets on the last Friday of January.", "2026-11-29", "2027-01-29"),
    ("Thanksgiving falls on the fourth Thursday in November 2027.", "2026-11-29", "2027-11-25"),
    ("Polls closed on the second Sunday of October.", "2026-11-29", "2026-10-11"),
])
def test_a_weekday_placed_by_its_week_or_its_place_in_the_month(text, published, value):
    (m,) = tag(text, published=published)
    assert (m.value, m.precision) == (value, "day")


@pytest.mark.parametrize("text, tense", [
    ("The two leaders did not meet on Monday.", "past"),
    ("The leaders didn't meet on Monday as planned.", "past"),
    ("The vote went ahead on Sunday as scheduled.", "past"),
    ("The leaders meet on Monday.", "future"),
    ("The vote will go ahead on Sunday.", "future"),
])
def test_tense_of_did_not_went_ahead_and_as_planned(text, tense):
    i = text.index(" on ") + 4
    end = i + len(re.match(r"\w+", text[i:]).group())
    assert tense_near(text, i, end) == tense



@pytest.mark.parametrize("text, value", [
    ("Iran has until Friday to respond.", "2026-12-04"),
    ("Negotiators have until Tuesday to reach a deal.", "2026-12-01"),
    ("Negotiators had until Tuesday to reach a deal.", "2026-11-24"),
])
def test_a_deadline_still_open_is_ahead(text, value):
    (m,) = tag(text, published="2026-11-29")
    assert m.value == value


@pytest.mark.parametrize("text, value", [
    ("The president returns to Washington on Friday.", "2026-11-27"),
    ("The president returned to Washington on Friday.", "2026-11-20"),
])
def test_returns_is_the_present_of_a_schedule(text, value):
    (m,) = tag(text, published="2026-11-25")
    assert m.value == value


@pytest.mark.parametrize(
    ("text", "values", "year_given"),
    [
        # a month listed with a date that has its year takes that year, along the whole list
        ("Two rounds of dialogues had been held in August and December last year.", ["2005-08", "2005-12"], True),
        ("Talks were held in August and December 2005.", ["2005-08", "2005-12"], True),
        ("The talks took place in March, April and May 2004.", ["2004-03", "2004-04", "2004-05"], True),
        ("He will visit in January and March next year.", ["2007-01", "2007-03"], True),
        # ... not months in different clauses, whose year is a guess
        ("In March, April saw the most rain.", ["2006-03", "2006-04"], False),
    ],
)
def test_months_listed_with_a_year_share_it(text, values, year_given):
    from timeline import extract

    assert [m.value for m in tag(text, published="2006-11-08") if m.type == "DATE"] == values
    warnings = [w for ws in extract(text, published="2006-11-08")["warnings"] for w in ws]
    # a year the text gives shows no doubt; a guessed one does
    assert any("does not give the year" in w for w in warnings) == (not year_given)


def test_a_participle_after_be_is_no_past_tense():
    """ "must be extremely satisfied", "will be held": the auxiliary has the tense."""
    text = ("Ferguson celebrates two decades at the helm on Monday - and must be extremely satisfied "
            "with the form of his squad.")
    start = text.index("Monday")
    assert tense_near(text, start, start + len("Monday")) is None
    from timeline import extract

    (row,) = extract(text, published="2006-11-04").itertuples()
    assert (row.date_value, row.status) == ("2006-11-06", "planned")
    assert "it may be Monday, October 30, 2006" in row.warnings[0]


@pytest.mark.parametrize("text, value", [
    # a word in "-ed" between a verb after "will" or "to" and its noun qualifies the noun
    ("Israel will hold renewed talks with the Palestinians on Monday.", "2005-11-28"),
    ("The ministry is to publish detailed plans on Tuesday.", "2005-11-29"),
    ("The UN will also send increased aid on Friday.", "2005-12-02"),
    # ... as it does after a determiner and an adverb, or a count that is no subject
    ("The president will meet the newly elected parliament on Monday.", "2005-11-28"),
    ("Voters will choose between two experienced candidates on Sunday.", "2005-11-27"),
    ("The two signed agreements on Monday.", "2005-11-21"),
    ("The opposition plans to stage a rally against rigged polls on Monday.", "2005-11-28"),
    # ... not after an auxiliary, where it is the verb
    ("He is believed to have visited Iraq on Monday.", "2005-11-21"),
    # ... nor where a capital "May" is the month, not the modal
    ("Obasanjo, in office since May 1999, is expected to hand over power on Monday.", "2005-11-28"),
])
def test_a_participle_qualifying_a_noun_is_no_past_tense(text, value):
    from timeline import tag

    assert [m.value for m in tag(text, published="2005-11-26") if m.text.endswith("day")] == [value]


@pytest.mark.parametrize("text,published,time_text,value", [
    # the thing told of happened on the day told before, not on the day it was said
    ("Six people were killed when three buses collided in Nepal on Tuesday, police said "
     "Wednesday. The accident took place at around 5:30 p.m. local time.", "2005-11-16",
     "around 5:30 p.m.", "2005-11-15T17:30"),
    ("Two people were gassed to death Thursday, the local government said Friday. "
     "The accident occurred at around 4:00 p.m. in Haibowan district.", "2005-11-18",
     "around 4:00 p.m.", "2005-11-17T16:00"),
    # ... and what is not told to have occurred keeps the publication day
    ("The yen rose on Thursday. At 5 p.m., the dollar traded at 117.81 yen.", "2005-11-11",
     "5 p.m.", "2005-11-11T17:00"),
    # ... as does a time whose day told before is still ahead
    ("The vote will be held on Sunday. The blast took place at noon.", "2005-11-11", "noon", "2005-11-11T12:00"),
    # a time not told in the past, after a day ahead in its sentence or the one before, is that day's
    ("Voting opens on Monday. Polls close at 7:00 p.m. local time.", "2026-11-28", "7:00 p.m.",
     "2026-11-30T19:00"),
    ("The final will be played on Tuesday. Kick-off is at 8 p.m.", "2026-11-28", "8 p.m.", "2026-12-01T20:00"),
    ("The summit opens on Thursday.\n\nLeaders will arrive at 9 a.m.", "2026-11-28", "9 a.m.",
     "2026-12-03T09:00"),
    # ... not a time told in the past, nor one after a day of a quotation, a diary's entry or
    # a line that is no prose
    ("The summit opens on Thursday. Leaders arrived at 9 a.m. to prepare.", "2026-11-28", "9 a.m.",
     "2026-11-28T09:00"),
    ('"We will speak tomorrow," he said.\n\nLeaders endorsed the text after 10 a.m.', "2026-11-28",
     "10 a.m.", "2026-11-28T10:00"),
    ("- Iraqis vote in Thursday's general election\n- US envoy holds news conference (1130 GMT)",
     "2026-11-28", "1130 GMT", "2026-11-28T11:30"),
    ("Thursday's general elections\nBritain-vote-press\n600 words around 1115 GMT", "2026-11-28",
     "around 1115 GMT", "2026-11-28T11:15"),
])
def test_a_time_something_occurred_at_takes_the_day_told_before(text, published, time_text, value):
    (m,) = [m for m in tag(text, published=published) if m.text == time_text]
    assert m.value == value
    if value[:10] != published:
        assert m.confidence <= 0.8 and any("taken as the day of" in w for w in m.warnings)


@pytest.mark.parametrize("text,date_text,value", [
    # a past year its clause gives the thing told of: that year's month and day
    ("The 2020 war began on Sept. 27 and ended on Nov. 10.", "Sept. 27", "2020-09-27"),
    ("The 2020 war began on Sept. 27 and ended on Nov. 10.", "Nov. 10", "2020-11-10"),
    ("The 2023 coup in Niger began on July 26.", "July 26", "2023-07-26"),
    ("Turkey's 2016 coup attempt began on the night of July 15.", "July 15", "2016-07-15"),
    ("The previous truce, in July 2025, took effect on July 28.", "July 28", "2025-07-28"),
    ("The 2019 report was published in March.", "March", "2019-03"),
    # ... not a year of another clause, nor a thing told of ahead, nor a year after the date
    ("Inflation, which peaked in 2022, fell to 3 percent on Nov. 10.", "Nov. 10", "2026-11-10"),
    ("The 2023 agreement will be reviewed on Jan. 15.", "Jan. 15", "2027-01-15"),
    ("Prices rose in 2022 and fell on Nov. 10.", "Nov. 10", "2026-11-10"),
    ("The deal was signed on Nov. 10, a year after the 2025 talks.", "Nov. 10", "2026-11-10"),
])
def test_a_month_without_a_year_takes_the_year_its_clause_gives_the_thing(text, date_text, value):
    (m,) = [m for m in tag(text, published="2026-11-25") if m.text == date_text]
    assert m.value == value


@pytest.mark.parametrize("text,published,value,doubt", [
    # "last Wednesday" written on a Thursday: last week's (yesterday is "on Wednesday")
    ("The first round of voting held last Wednesday was marred by fraud.", "2026-12-03", "2026-11-25",
     "it may be yesterday, December 2, 2026."),
    ("Oil prices rose on last Monday and Tuesday, or on Nov. 6 and Nov. 7.", "2006-11-14", "2006-11-06",
     "it may be yesterday, November 13, 2006."),
    # ... two days back or more, the nearest
    ("Protesters marched last Tuesday.", "2026-12-03", "2026-12-01", None),
    ("Protesters marched last Friday.", "2026-12-03", "2026-11-27", None),
])
def test_last_weekday_said_the_day_after_is_last_weeks(text, published, value, doubt):
    m = next(m for m in tag(text, published=published) if m.text.startswith("last "))
    assert m.value == value
    if doubt:
        assert m.confidence <= 0.7 and any(w.endswith(doubt) for w in m.warnings)
    else:
        assert not m.warnings


def test_that_day_told_in_the_past_counts_from_the_last_day_gone_by():
    text = ("Rebels attacked the base on 12 November. Talks are set for 5 December. "
            "Later that day, the army sent reinforcements.")
    m = next(m for m in tag(text, published="2026-11-21") if m.text == "Later that day")
    assert m.value == "2026-11-12" and m.confidence <= 0.7
    assert any("still to come" in w for w in m.warnings)
    # ... told ahead, it counts from the plan's day
    m = next(m for m in tag("Talks are set for 5 December. The next day, leaders will sign the deal.",
                            published="2026-11-21") if m.text == "The next day")
    assert m.value == "2026-12-06"
