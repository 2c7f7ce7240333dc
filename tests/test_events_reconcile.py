"""Weighing conflicting dates, anchored events and captions, on hand-made date mentions.

These tests build the mentions themselves (as the tagger's contract describes
them), so they check the event layer's reasoning on its own.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from importlib import resources

import pandas as pd
import pytest

from timeline import extract
from timeline.document import Document
from timeline.events import anchors
from timeline.events.anchors import find_anchor_phrase
from timeline.events.build import build_events
from timeline.events.reconcile import group_mentions, resolve_conflict
from timeline.temporal.mention import Mention

IST = timezone(timedelta(hours=5, minutes=30))


def mention(text: str, part: str, value: str, precision: str = "day", *, nth: int = 0,
            type_: str = "DATE", mod: str | None = None, **spec) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Mention(start, start + len(part), part, type_, value, precision, mod,
                   rule="test", spec=dict(spec))


def conflict(text: str, weekday: str, written: str, wd_value: str, value: str, nth: int = 0):
    a = mention(text, weekday, wd_value, nth=nth, weekday=weekday, relative=True)
    b = mention(text, written, value, nth=nth)
    a.spec["conflict_with"] = (b.start, b.end)
    b.spec["conflict_with"] = (a.start, a.end)
    a.confidence = b.confidence = 0.5
    return [a, b]


CAPTION = "In this photo, ministers meet in Tokyo on November 1, 2024. Photo courtesy: Reuters\n"
BODY = "Japan and the EU signed a partnership in Tokyo on Friday (November 2, 2024).\n"


def test_caption_and_publication_outvote_the_written_date():
    text = CAPTION + BODY
    ms = [mention(text, "November 1, 2024", "2024-11-01")]
    ms += conflict(text, "Friday", "November 2, 2024", "2024-11-01", "2024-11-02")
    doc = Document(text, published=datetime(2024, 11, 2, 12, 35, tzinfo=IST))
    (ev,) = build_events(doc, ms)
    assert ev.date_value == "2024-11-01" and ev.kind == "body"
    assert ev.date_text == "Friday (November 2, 2024)"
    (w,) = ev.warnings
    assert w == ('The text says "Friday (November 2, 2024)", but November 2, 2024 was a Saturday; '
                 'using Friday, November 1, 2024, which the caption ("November 1, 2024") and the '
                 'publication time support.')
    assert ev.support and ev.support[0].startswith("caption")
    assert 0 < ev.confidence < 0.9


def test_without_other_evidence_the_written_date_stands_but_doubt_is_shown():
    text = BODY
    ms = conflict(text, "Friday", "November 2, 2024", "2024-11-01", "2024-11-02")
    doc = Document(text, published=datetime(2024, 12, 20))  # too late to say which Friday
    (ev,) = build_events(doc, ms)
    assert ev.date_value == "2024-11-02"
    assert "using the date as written" in ev.warnings[0] and "Saturday" in ev.warnings[0]
    assert ev.confidence <= 0.5


def test_weekday_and_date_that_agree_are_one_event_without_warning():
    text = "The ministers met on Friday, November 1, 2024 in Tokyo."
    ms = [mention(text, "Friday", "2024-11-01", weekday="Friday"),
          mention(text, "November 1, 2024", "2024-11-01")]
    (g,) = group_mentions(text, ms)
    assert g.kind == "same"
    (ev,) = build_events(Document(text, published=date(2024, 11, 2)), ms)
    assert ev.date_value == "2024-11-01" and ev.warnings == []


def test_conflict_is_detected_even_when_the_tagger_does_not_flag_it():
    text = "The ministers met on Friday (November 2, 2024)."
    ms = [mention(text, "Friday", "2024-11-01", weekday="Friday"),
          mention(text, "November 2, 2024", "2024-11-02")]
    (g,) = group_mentions(text, ms)
    assert g.kind == "conflict"
    value, confidence, warning = resolve_conflict(g, text, [], date(2024, 11, 2))
    assert value == "2024-11-01" and "publication time" in warning and confidence < 1


def test_impossible_date_is_shown_at_month_precision_with_a_warning():
    text = "The treaty was signed on February 30, 2024."
    ms = [mention(text, "February 30, 2024", "2024-02-30")]
    (ev,) = build_events(Document(text, published=date(2024, 3, 5)), ms)
    assert ev.date_value == "2024-02" and ev.precision == "month"
    assert ev.start == pd.Timestamp("2024-02-01") and ev.end == pd.Timestamp("2024-02-29")
    assert any("not a real date" in w for w in ev.warnings)


def test_dates_outside_the_drawable_range_keep_their_value():
    text = "The city was founded in the 16th century."
    ms = [mention(text, "the 16th century", "15", "century")]
    (ev,) = build_events(Document(text, published=date(2024, 3, 5)), ms)
    assert ev.date_value == "15" and ev.start is None
    assert any("outside" in w for w in ev.warnings)


def test_anchored_event_takes_the_most_recent_matching_event():
    text = ("The ministers held talks in Tokyo on 1 November 2024.\n"
            "Protests took place in Seoul on 30 October 2024.\n"
            "After the Tokyo talks, Mr Borrell will head to South Korea.")
    ms = [mention(text, "1 November 2024", "2024-11-01"),
          mention(text, "30 October 2024", "2024-10-30")]
    events = build_events(Document(text, published=date(2024, 11, 2)), ms)
    ev = events[-1]
    assert (ev.date_value, ev.precision, ev.date_mod) == ("2024-11-01", "approximate", "AFTER")
    assert ev.status == "planned" and ev.end is None and ev.start == pd.Timestamp("2024-11-01")
    assert "the Tokyo talks" in ev.warnings[0]


def test_anchored_event_without_a_match_uses_the_publication_date():
    text = "Ahead of the summit, leaders will meet in Brussels."
    (ev,) = build_events(Document(text, published=date(2024, 11, 2)), [])
    assert (ev.date_value, ev.date_mod, ev.precision) == ("2024-11-02", "BEFORE", "approximate")
    assert ev.start is None and ev.end == pd.Timestamp("2024-11-02")
    assert "publication date" in ev.warnings[0] and ev.confidence <= 0.3


@pytest.mark.parametrize("text, status", [
    # the phrase closes its clause: that clause's verb is the event's, not the next clause's
    ("Dong said controversies were left unresolved after the meeting, and exchanges would continue.",
     "happened"),
    ("More than 300 products will go on sale after the announcement, while prices ranged widely.", "planned"),
    # the phrase opens the sentence: the clause after it is the event
    ("After the talks, the envoy will travel to Paris.", "planned"),
    ("Shortly after the talks, the envoy left for Paris.", "happened"),
    # ... the cue nearest the phrase: the telling's past, not the quotation's future
    ('"We will not stand by while Iran fuels the war," Borrell told reporters after the meeting.', "happened"),
    ("More than 300 products will go on sale at 188 authorized shops the day after the announcement.",
     "planned"),
])
def test_an_anchored_event_takes_the_status_of_its_own_clause(text, status):
    (ev,) = build_events(Document(text, published=date(2006, 11, 24)), [])
    assert ev.precision == "approximate" and ev.status == status


def test_an_explosion_is_the_blast_a_bomber_set_off():
    text = ("A suicide bomber blew himself up at a governor's house on Monday, killing eight people. "
            "NATO troops rushed to the house after the explosion.")
    rows = extract(text, published="2006-12-12")
    row = rows[rows.date_text == "after the explosion"].iloc[0]
    assert row.date_value == "2006-12-11" and "suicide bomber" in row.warnings[0]


def test_an_undated_anchor_that_has_happened_is_on_or_before_publication():
    text = '"We will not stand by," Borrell told reporters after the meeting.'
    (ev,) = build_events(Document(text, published=date(2024, 11, 19)), [])
    assert (ev.status, ev.date_mod, ev.start, ev.end) == (
        "happened", "ON_OR_BEFORE", None, pd.Timestamp("2024-11-19"))
    assert "on or before the publication date" in ev.warnings[0]


def _anchor_examples():
    raw = resources.files("timeline.events").joinpath("data", "anchors.json").read_text("utf-8")
    return json.loads(raw)["examples"]


@pytest.mark.parametrize("text,mod,noun,place", _anchor_examples())
def test_anchor_phrase_examples(text, mod, noun, place):
    p = find_anchor_phrase(text)
    assert (p.mod, p.noun, p.place) == (mod, noun, place)


@pytest.mark.parametrize(
    "text",
    ["Two years after the invasion, troops left.", "It rained. Ahead of the Tokyo summit, x.",
     "AFTER THE TALKS they left", "after the \u017fummit they met", "after talks", "before the",
     "They met after the war and, a week before the Seoul meeting, again.", "no relation here",
     "PRIOR TO the vote", "a week FoLLoWiNg the Paris summit", "ahead\u00a0of the talks",
     "\u212a after the election", "İ before the summit"],
)
def test_anchor_phrase_checks_agree_with_the_full_pattern(text):
    m = anchors._regex().search(text)
    p = find_anchor_phrase(text)
    got = (p.start, p.end, p.amount) if p else None
    assert got == ((m.start(), m.end(), (m.group("amount") or "").lower()) if m else None)


def test_skipped_mentions_make_no_events():
    text = ("Talks have gone on for decades. He said today’s Ukraine could be tomorrow’s East Asia. "
            "Yesterday’s meeting was long.\npublished – November 02, 2024 12:35 PM IST")
    ms = [
        mention(text, "decades", "PXDE", None, type_="DURATION"),
        mention(text, "today", "2024-11-02", relative=True),
        mention(text, "tomorrow", "2024-11-03", relative=True),
        mention(text, "Yesterday", "2024-11-01", relative=True),
        mention(text, "November 02, 2024 12:35 PM IST", "2024-11-02T12:35", "minute",
                type_="TIME", role="published"),
    ]
    events = build_events(Document(text, published=date(2024, 11, 2)), ms)
    assert [e.date_text for e in events] == ["Yesterday"]


def test_anchor_phrase_with_a_letter_that_folds_to_ascii():
    # "ſince" matches the relation "since" case-insensitively; its table lookup must too.
    phrase = find_anchor_phrase("Two days ſince the summit in Paris, talks resumed.")
    assert phrase is not None and phrase.mod == "AFTER" and phrase.noun == "summit"


def test_a_contradicted_day_still_to_come_is_told_in_the_present():
    from timeline import extract

    (row,) = extract("The leaders will meet on Friday (March 8) in London.", published="2025-03-05").itertuples()
    assert "March 8, 2025 is a Saturday" in row.warnings[0]
    (row,) = extract("Talks will resume on Thursday, March 7.", published="2025-03-05").itertuples()
    assert any("March 7, 2025 is a Friday" in w for w in row.warnings)
    (row,) = extract("The leaders met on Monday (March 4) in London.", published="2025-03-05").itertuples()
    assert "March 4, 2025 was a Tuesday" in row.warnings[0]


def test_a_time_on_a_weekday_and_its_date_in_brackets_are_one_event():
    from timeline import extract

    [row] = extract("The ceasefire took effect at midnight on Sunday (March 9).",
                    published="2025-03-10").to_dict("records")
    assert row["date_value"] == "2025-03-09T00:00" and row["warnings"] == []
    # where they disagree, the doubt is shown, weighed as a weekday against a date
    [row] = extract("The ceasefire took effect at midnight on Sunday (March 8).",
                    published="2025-03-10").to_dict("records")
    assert row["date_value"] == "2025-03-09" and row["confidence"] < 1
    assert "March 8, 2025 was a Saturday" in row["warnings"][0]


def test_an_event_noun_of_the_same_kind_names_the_anchor_where_the_noun_itself_is_not_written():
    from timeline import extract

    table = extract("Voters go to the polls on Nov. 17. After the election, the new president will "
                    "name a cabinet.", published="2005-11-07")
    (row,) = table[table["precision"] == "approximate"].itertuples()
    assert row.date_value == "2005-11-17" and row.date_mod == "AFTER" and row.status == "planned"
    assert "Voters go to the polls" in row.warnings[0]


def test_until_after_an_event_dates_no_event():
    """ "asked to delay the budget until after the election": when a wait ends, not when the
    asking was; the clause's own date (none here) is what counts."""
    assert find_anchor_phrase("The opposition asked to delay the budget until after the election.") is None
    assert find_anchor_phrase("Until after the vote, nothing will change.") is None
    assert find_anchor_phrase("After the vote, nothing will change.").mod == "AFTER"


def test_since_the_war_began_goes_back_to_the_start_of_the_war_not_to_its_latest_news():
    text = ("Sudan's war entered its third year on Tuesday with no end in sight. "
            "Fighting between the army and the paramilitary Rapid Support Forces erupted on "
            "April 15, 2023, after a power struggle. "
            "The UN says more than 12 million people have been displaced since the war began.")
    df = extract(text, published="2025-04-15")
    row = df[df.date_text.str.startswith("since")].iloc[0]
    assert row.date_value == "2023-04-15"
    assert "Fighting between the army" in row.warnings[0]
    # with no start told, the nearest event naming the war is still taken, with the doubt said
    df = extract("Sudan's war entered its third year on Tuesday. More than 12 million people have "
                 "been displaced since the war began.", published="2025-04-15")
    row = df[df.date_text.str.startswith("since")].iloc[0]
    assert row.date_value == "2025-04-15" and row.precision == "approximate" and row.confidence <= 0.5
