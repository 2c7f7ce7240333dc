"""Publication time: given by the user, or found in the article's text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from timeline import extract
from timeline.errors import InputError
from timeline.temporal.published import find_published, parse_published


@pytest.mark.parametrize(
    ("text", "expected", "offset_hours"),
    [
        ("Body text.\npublished – November 02, 2024 12:35 PM IST", "2024-11-02T12:35", 5.5),
        ("Updated: 22-05-2023 12:53 IST\nThe minister said.", "2023-05-22T12:53", 5.5),
        ("Headline here\nMarch 20, 2024 — 07:21 pm EDT\nBody text follows.", "2024-03-20T19:21", -4),
        ("Posted on 5 January 2025, 09:10 GMT\nText.", "2025-01-05T09:10", 0),
        ("Published: 2024-06-01T08:00+02:00\nText.", "2024-06-01T08:00", 2),
        # The time before the date, and "Last Modified".
        ("Published 14:05 GMT, 3 January 2025\nText.", "2025-01-03T14:05", 0),
        ("Published: 9:30pm, 5 Mar 2024 SGT\nText.", "2024-03-05T21:30", None),
        ("Last Modified: Friday, 8 March 2024, 09:30 AM IST\nText.", "2024-03-08T09:30", 5.5),
        # US "ET" is daylight or standard time as the date has it.
        ("Updated Sept. 13, 2023 8:02 p.m. ET\nText.", "2023-09-13T20:02", -4),
        ("Updated Jan. 13, 2023 8:02 p.m. ET\nText.", "2023-01-13T20:02", -5),
        # Zones in brackets, ISO with a spaced offset.
        ("Updated - March 20, 2024 07:21 pm (IST)\nText.", "2024-03-20T19:21", 5.5),
        ("Last Updated: Wednesday, March 20, 2024, 19:21 [IST]\nText.", "2024-03-20T19:21", 5.5),
        ("Published: 2024-03-20 19:21:05 +0530\nText.", "2024-03-20T19:21:05", 5.5),
        # A page's date line copied with its parts run together.
        ("By Jane Smith\nNovember 24, 20249:41 AM GMT+1Updated 2 hours ago\nText.", "2024-11-24T09:41", 1),
        ("Nov 24, 202410:05 PM EST\nThe minister met his counterpart on Thursday.", "2024-11-24T22:05", -5),
    ],
)
def test_publication_time_found_with_its_offset(text, expected, offset_hours):
    found = find_published(text)
    assert found.isoformat().startswith(expected)
    if offset_hours is not None:
        assert found.utcoffset() == timedelta(hours=offset_hours)


def test_ist_is_india_not_israel():
    found = parse_published("November 02, 2024 12:35 PM IST")
    assert found.utcoffset() == timedelta(hours=5, minutes=30)


def test_date_only_line_near_the_top():
    assert find_published("EU and Japan sign pact\nNovember 1, 2024\nTokyo - ...") == date(2024, 11, 1)


def test_dateline_with_its_year_dates_the_story():
    assert find_published("Kyiv, 12 June 2023 — Ukrainian forces retook a village.") == date(2023, 6, 12)
    assert find_published("ISLAMABAD, Jan 3, 2025: Pakistan said it would talk.") == date(2025, 1, 3)
    # Without its year a dateline does not say when the story was published.
    assert find_published("BEIJING, March 3 (Reuters) - China said on Friday it would act.") is None


def test_no_publication_time_in_plain_prose():
    assert find_published("The talks on 3 March 2021 ended without agreement, officials said "
                          "in a long statement that went on and on about many other things.") is None
    assert find_published("") is None


def test_parse_published_accepts_iso_and_rejects_nonsense():
    assert parse_published("2024-11-02") == date(2024, 11, 2)
    assert parse_published("2024-11-02T12:35:00+05:30").utcoffset() == timedelta(hours=5.5)
    with pytest.raises(InputError, match="publication time"):
        parse_published("not a date at all")


def _locate_plain(text):
    """locate_published's keyword search as first written: every edge line searched,
    offsets summed over all lines."""
    from timeline.temporal.published import _EDGE_LINES, _KEYWORD, _parse_line, keyword_opens

    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    n = len(lines)
    for i in [i for i in range(n) if i < _EDGE_LINES or i >= n - _EDGE_LINES]:
        line = lines[i]
        if len(line) > 200:
            continue
        m = _KEYWORD.search(line)
        if m and keyword_opens(line, m.start()):
            found = _parse_line(line[m.end():])
            if found is not None:
                return found, offsets[i], offsets[i] + len(line.rstrip("\r\n"))
    return None


def test_keyword_line_search_skips_nothing_it_would_find(shared_dir):
    import json

    from timeline.temporal.published import locate_published

    texts = [
        "Posted: 3 March 2024\nbody", "POſTED 3 March 2024\nx", "\u0130\nDate: 2024-01-02\n",
        "a\n" * 20 + "Updated 5 May 2023", "UPDATED: June 4, 2021 10:00 IST", "x\r\ny\r\nIssued 4 May 2020",
        "one line", "\n\n\n",
    ]
    with (shared_dir / "corpora" / "silver-news.jsonl").open(encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line, _ in zip(f, range(400), strict=False)]
    texts += [t.replace("s", "\u017f") for t in texts[-100:]]
    assert sum(_locate_plain(t) is not None for t in texts) >= 5
    for text in texts:
        assert locate_published(text, keyword_only=True) == _locate_plain(text), text[:80]


def test_keyword_lines_found_as_when_every_line_is_searched(monkeypatch):
    """The substring tests on the lower-cased text only skip lines the keyword search misses."""
    from timeline.temporal import published

    texts = [
        "Talks resume\nPublished: 22-05-2023 12:53 IST\nMore text", "UPDATED - March 20, 2024 07:21 pm EDT\nBody",
        "Body text only, updated often.\nNo date here.", "Posted on November 02, 2024 12:35 PM IST",
        "PUBL\u0130SHED: 22-05-2023 12:53 IST", "\u212aYIV\nPo\u017fted: 22-05-2023 12:53 IST", "", "\n\n",
        "Last modified 2024-11-02 10:00 UTC\n" + "line\n" * 20 + "Issued: 2024-11-03",
    ]
    for keyword_only in (True, False):
        fast = [published.locate_published(t, keyword_only) for t in texts]
        with monkeypatch.context() as m:
            m.setattr(published, "has_case_traps", lambda text: True)  # search every line
            assert [published.locate_published(t, keyword_only) for t in texts] == fast
    assert sum(f is not None for f in fast) >= 4


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, 3 March 2025, leaders met in Paris.",
        "Leaders met in Paris on Monday, 3 March 2025.",
        "Café talks resumed on Monday, March 3, 2025.",
        # a publication keyword that is the sentence's verb
        "The report was released on Monday, March 3, 2025.",
        "The decree, dated March 3, 2025, was published on Monday.",
    ],
)
def test_a_sentence_with_a_date_is_news_not_a_date_line(text):
    from timeline import extract

    assert find_published(text) is None
    rows = extract(text)  # the date is the event's, never dropped
    assert list(rows.date_value[rows.date_text.str.contains("3")]) == ["2025-03-03"]


@pytest.mark.parametrize(
    "text",
    [
        "By John Smith, March 3 2025\n\nLeaders met on Monday in Paris.",
        "Sunday 2 March 2025 | world news\n\nLeaders met on Friday.",
        "By Jane Doe | Published March 3, 2025\n\nLeaders met on Monday in Paris.",
        "Leaders met on Monday in Paris.\n\nThis article was first published on March 3, 2025.",
        "World news - Updated: 3 March 2025\n\nLeaders met on Monday in Paris.",
    ],
)
def test_a_date_line_with_page_words_still_dates_the_article(text):
    assert find_published(text) is not None


_WIRE = ("KYIV, March 11 (Reuters) - Ukraine said on Tuesday it was ready to accept a U.S. proposal for a "
         "30-day ceasefire with Russia.\n\nThe war, which began with Russia's full-scale invasion on Feb. 24, "
         "2022, has killed tens of thousands of soldiers. Leaders are due to meet again next month.")


def test_a_dateline_without_its_year_takes_the_latest_year_its_weekday_fits():
    from datetime import date

    from timeline.temporal.published import dateline_day

    day, why = dateline_day(_WIRE, today=date(2026, 11, 29))
    # March 11 was a Tuesday in 2025 (and in 2014, before the 2022 the text names)
    assert day == date(2025, 3, 11)
    assert '"March 11"' in why and "Tuesday" in why and "2022" in why


@pytest.mark.parametrize("text", [
    _WIRE.replace(" on Tuesday", ""),  # no weekday: nothing settles the year
    _WIRE.replace("KYIV, March 11 (Reuters) - ", ""),  # no dateline
])
def test_without_a_dateline_and_its_weekday_no_day_is_worked_out(text):
    from timeline.temporal.published import dateline_day

    assert dateline_day(text) is None


def test_dates_counted_from_a_worked_out_dateline_say_so_and_the_publication_stays_unknown(monkeypatch):
    from timeline.temporal import published

    monkeypatch.setattr(published, "_today", lambda: date(2026, 11, 29))
    df = extract(_WIRE)
    rows = df.set_index("date_text")
    assert rows.date_value["Tuesday"] == "2025-03-11"
    assert rows.date_value["next month"] == "2025-04"
    assert rows.confidence["next month"] < 0.8
    assert any("gives no publication date" in w for w in rows.warnings["next month"])
    # the written date needs no help, and says nothing of it
    assert rows.confidence["Feb. 24, 2022"] == 1.0 and not len(rows.warnings["Feb. 24, 2022"])
    assert set(df.published) == {""}


def test_a_given_publication_date_is_used_instead_of_the_dateline():
    df = extract(_WIRE, published="2014-03-12")
    assert df.set_index("date_text").date_value["Tuesday"] == "2014-03-11"
    assert not any("gives no publication date" in w for ws in df.warnings for w in ws)


_WIRE_WITH_HEAD = (
    "Ukraine, US to hold talks in Florida on Sunday\n\nBy Jane Doe\n\n"
    "WASHINGTON, Nov 29 (Reuters) - Ukrainian and U.S. officials will meet in Florida on Sunday to "
    "discuss a U.S. peace plan, a source said on Saturday, after a week of intense diplomacy.\n\n"
    "The plan, drafted last month by U.S. and Russian envoys, was revised in Geneva last weekend.")


def test_a_dateline_after_a_headline_and_byline_is_the_storys():
    from timeline.temporal.published import dateline

    start, end = dateline(_WIRE_WITH_HEAD)
    assert _WIRE_WITH_HEAD[start:end] == "Nov 29"
    # a dateline after the story has begun is no dateline
    assert dateline("The war went on for years.\nKYIV, March 11 (Reuters) - Ukraine said") is None
    # ... but a photo caption above it, however long, is not the story's start
    caption = ("FILE PHOTO: Ukrainian servicemen fire a howitzer towards Russian troops near the front line in "
               "Donetsk region, Ukraine, March 3, 2024. REUTERS/Stringer/File Photo")
    text = f"Ukraine strikes refinery\n\n{caption}\n\nKYIV, Nov 27 (Reuters) - Ukraine said on Thursday it struck"
    start, end = dateline(text)
    assert len(caption) > 160 and text[start:end] == "Nov 27"


def test_the_dateline_day_is_the_weekday_of_the_telling_not_of_what_is_ahead():
    from timeline.temporal.published import dateline_day

    # "will meet ... on Sunday" is ahead; "a source said on Saturday" is the day of the story:
    # November 29 was a Saturday in 2025 (a Sunday in 2026)
    day, why = dateline_day(_WIRE_WITH_HEAD, today=date(2026, 11, 29))
    assert day == date(2025, 11, 29)
    assert "Saturday" in why


def test_dates_of_a_story_under_a_headline_count_from_its_dateline(monkeypatch):
    from timeline.temporal import published

    monkeypatch.setattr(published, "_today", lambda: date(2026, 11, 29))
    table = extract(_WIRE_WITH_HEAD)
    values = dict(zip(table.date_text, table.date_value, strict=True))
    assert values["Sunday"] == "2025-11-30" and values["Saturday"] == "2025-11-29"
    assert values["last month"] == "2025-10"
    assert all(any("dateline" in w for w in ws) for ws in table.warnings)


def test_a_dateline_without_a_place_needs_its_agency():
    from timeline.temporal.published import dateline, dateline_day

    text = "March 4 (Reuters) - Oil prices rose on Tuesday after OPEC+ said it would delay output increases."
    start, end = dateline(text)
    assert text[start:end] == "March 4"
    assert dateline_day(text, today=date(2026, 11, 29))[0] == date(2025, 3, 4)  # a Tuesday
    # a date and a dash alone open a list entry, not a dateline
    assert dateline("Oct 7, 2023 - Hamas fighters storm into southern Israel.") is None
