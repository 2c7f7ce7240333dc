"""timeline.extract / extract_many on short news passages: general rules, not one article."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import timeline
from timeline.errors import InputError
from timeline.extract import extract, extract_many
from timeline.table import SCHEMA


def _rows(text: str, published="2024-11-20T09:00:00+00:00") -> list[dict]:
    return extract(text, published=published, source="t").to_dict("records")


def _only(text: str, published="2024-11-20T09:00:00+00:00") -> dict:
    rows = _rows(text, published)
    assert len(rows) == 1, [(r["date_text"], r["date_value"]) for r in rows]
    return rows[0]


def test_public_api_keeps_the_function_after_importing_the_module():
    import importlib
    import sys

    importlib.import_module("timeline.extract")  # would bind the module over the function
    importlib.import_module("timeline.read")
    importlib.import_module("timeline.export")
    assert sys.modules["timeline.extract"].extract_many is extract_many
    assert callable(timeline.extract) and callable(timeline.read) and callable(timeline.export)
    assert len(timeline.extract("Russia attacked Kyiv on Monday.", published="2024-11-20")) == 1


def test_weekday_only_date_counts_back_from_publication():
    row = _only("Pyongyang tested a ballistic missile on Thursday.", "2024-11-02T12:35+05:30")
    assert (row["date_value"], row["precision"], row["status"]) == ("2024-10-31", "day", "happened")
    assert row["countries"] == ["PRK"]
    assert row["category"] == "15 Exhibit military posture"


def test_weekday_without_publication_is_shown_as_doubtful_not_dropped():
    row = _only("Pyongyang tested a ballistic missile on Thursday.", None)
    assert pd.isna(row["start"]) and row["confidence"] < 0.5
    assert any("publication date" in w for w in row["warnings"])


def test_dateline_is_not_an_event_and_anchors_the_story():
    text = "BEIJING, March 3 (Reuters) - China said on Tuesday it would hold naval drills near Taiwan."
    row = _only(text, "2024-03-03")
    assert row["date_text"] == "Tuesday" and row["date_value"] == "2024-02-27"
    assert row["evidence"].startswith("China said")
    assert row["status"] == "happened"
    assert {"China", "Taiwan"} <= set(row["actors"])


def test_a_dateline_of_two_places_is_not_an_event():
    text = ("MANILA/BEIJING, Aug 31 (Reuters) - China and the Philippines accused each other of "
            "ramming vessels on Saturday.")
    row = _only(text, "2024-09-01T10:12:00+08:00")
    assert row["date_text"] == "Saturday" and row["date_value"] == "2024-08-31"


def test_a_weekday_after_the_datelines_day_counts_from_the_publication():
    # datelined Monday the 18th, updated and published on Tuesday the 19th
    text = ("BRUSSELS, Nov 18 (Reuters) - EU ministers on Monday agreed new sanctions on Iran. "
            "Iran's foreign ministry rejected the move on Tuesday.")
    rows = {r["date_text"]: r for r in _rows(text, "2024-11-19T08:30:00+00:00")}
    assert rows["Monday"]["date_value"] == "2024-11-18"
    assert rows["Tuesday"]["date_value"] == "2024-11-19"
    assert any("dateline" in w for w in rows["Tuesday"]["warnings"])
    # ... and a weekday before the dateline's day still counts from the dateline
    rows = {r["date_text"]: r for r in _rows(
        "BRUSSELS, Nov 18 (Reuters) - The talks began on Friday.", "2024-11-19T08:30:00+00:00")}
    assert rows["Friday"]["date_value"] == "2024-11-15"


def test_dateline_far_from_publication_time_is_pointed_out():
    text = "BEIJING, March 3 (Reuters) - China said on Tuesday it would hold naval drills near Taiwan."
    row = _only(text, "2024-03-20")
    # The story's own day places "Tuesday", and the warning says so, not the opposite
    assert row["date_value"] == "2024-02-27"
    assert any("counted from the dateline's day" in w and "published on March 20, 2024" in w
               for w in row["warnings"])
    assert row["confidence"] < 1


def test_overnight_after_a_dateline_says_it_is_counted_from_the_dateline():
    text = ("KYIV, Nov 28 (Reuters) - Russian drones struck the capital overnight, "
            "killing three people.")
    row = _only(text, "2026-11-30T10:00:00+00:00")
    assert row["date_value"] == "2026-11-27TNI"
    assert any("night of Friday, November 27, 2026, counted from the dateline's day" in w
               for w in row["warnings"])
    assert not any("publication date" in w or "publication time" in w for w in row["warnings"])


def test_last_november_is_the_previous_year():
    row = _only("The two ministers met in Seoul last November.", "2024-03-05")
    assert (row["date_value"], row["precision"], row["status"]) == ("2023-11", "month", "happened")
    assert row["start"] == pd.Timestamp("2023-11-01") and row["end"] == pd.Timestamp("2023-11-30")


def test_late_june_keeps_month_precision_and_the_modifier():
    row = _only("Elections are expected in late June, officials said.", "2024-03-05")
    assert (row["date_value"], row["precision"], row["status"]) == ("2024-06", "month", "planned")
    assert row["date_mod"] == "END"


def test_by_the_end_of_2026_is_a_target_ending_that_year():
    row = _only("The government wants all coal plants closed by the end of 2026.", "2024-03-05")
    assert (row["date_value"], row["status"]) == ("2026", "target")
    assert row["end"] == pd.Timestamp("2026-12-31")


def test_before_the_end_of_next_month():
    row = _only("NATO foreign ministers will meet before the end of next month.", "2024-11-20")
    assert row["date_value"] == "2024-12" and row["status"] == "planned"
    assert row["actors"] == ["NATO"]


def test_from_through_range_is_one_event_covering_both_days():
    row = _only("The summit ran from 4 June through 5 June 2014 in Brussels.", "2014-06-10")
    assert row["start"] == pd.Timestamp("2014-06-04") and row["end"] == pd.Timestamp("2014-06-05")
    assert row["date_text"] == "4 June through 5 June 2014"
    assert row["status"] == "happened"


def test_two_dates_in_one_sentence_make_two_events():
    rows = _rows("Leaders met at the previous two summits in April and May.", "2024-11-20")
    assert [r["date_value"] for r in rows] == ["2024-04", "2024-05"]
    assert rows[0]["event_id"] != rows[1]["event_id"]


def test_year_inferred_from_tense_and_publication():
    # Past tense, published in March: April is last year's April.
    rows = _rows("Leaders met at the previous two summits in April and May.", "2024-03-04")
    assert [r["date_value"] for r in rows] == ["2023-04", "2023-05"]
    assert all(any("tense" in w for w in r["warnings"]) for r in rows)


def test_impossible_date_is_never_emitted_as_a_date():
    text = "The treaty was signed on February 30, 2024, according to the statement."
    row = _only(text, "2024-03-05")
    assert (row["date_value"], row["precision"]) == ("2024-02", "month")  # only what holds
    assert row["start"] == pd.Timestamp("2024-02-01") and row["end"] == pd.Timestamp("2024-02-29")
    (warning,) = row["warnings"]
    assert '"February 30, 2024"' in warning and "not a real date" in warning
    assert row["confidence"] <= 0.5


@pytest.mark.parametrize("written", ["Friday (February 30, 2024)", "Friday, February 30, 2024"])
def test_weekday_given_with_an_impossible_date_is_one_doubtful_event(written):
    # The weekday alone would resolve to a real Friday near publication: a confident
    # wrong date. The pair is one event, at the only precision the text supports.
    text = f"On {written} the two leaders met in Geneva."
    row = _only(text, "2025-03-21T09:00:00+00:00")
    assert (row["date_value"], row["precision"]) == ("2024-02", "month")
    assert text[row["char_start"]:row["char_end"]] == written
    assert row["confidence"] <= 0.5
    assert any(f'"{written}"' in w and "not a real date" in w for w in row["warnings"])


@pytest.mark.parametrize("written, value", [
    ("Tuesday, March 4", "2025-03-04"),
    ("Tuesday (March 4)", "2025-03-04"),
    ("Mon., March 3", "2025-03-03"),
])
def test_a_weekday_that_fits_settles_the_missing_year(written, value):
    row = _only(f"The IMF said on {written} that growth had slowed.", "2025-03-06T14:00:00-05:00")
    assert row["date_value"] == value
    assert row["warnings"] == [] and row["confidence"] == 1.0


def test_without_a_weekday_the_missing_year_stays_a_visible_inference():
    row = _only("The IMF said on March 4 that growth had slowed.", "2025-03-06T14:00:00-05:00")
    assert row["date_value"] == "2025-03-04"
    assert any("does not give the year" in w for w in row["warnings"])
    assert row["confidence"] < 1.0


def test_a_weekday_that_does_not_fit_keeps_both_doubts():
    row = _only("The IMF said on Monday, March 4 that growth had slowed.", "2025-03-06T14:00:00-05:00")
    assert any('"Monday"' in w and "Tuesday" in w for w in row["warnings"])
    assert any("does not give the year" in w for w in row["warnings"])
    assert row["confidence"] <= 0.5


@pytest.mark.parametrize("sentence, status", [
    ("Israel has occupied a security zone in south Lebanon since 1985.", "ongoing"),
    ("The PKK has been waging a separatist war in the southeast since 1984.", "ongoing"),
    ("Maoist rebels, who are fighting for a republic since 1996, extended the truce.", "ongoing"),
    # a state told as holding now, with no verb's tense to show it
    ("The blockade, in place since 2004, continues.", "ongoing"),
    ("The trial has been under way in The Hague since 2005.", "ongoing"),
    # a state's participle before "since", whatever the main verb says of what comes next
    ("Peace talks in Jeddah, suspended since December 2005, could resume soon.", "ongoing"),
    ("The journalist, detained without charge since March, says he is innocent.", "ongoing"),
    ("He had been detained since March until his release.", "happened"),
    # "had ... since": over before publication, as far as the text says.
    ("Before that, the country had been seeking admission to the GATT since 1986.", "happened"),
    # The last time something happened, not the start of a state.
    ("Australia are competing at their first World Cup finals since 1974.", "happened"),
    ("He has not been able to visit the country since March 2004, aides said.", "happened"),
    # The signal belongs to the offensive, which happened.
    ("Hezbollah has launched 383 attacks since last April's Israeli offensive.", "happened"),
])
def test_since_in_the_present_perfect_starts_what_is_still_going_on(sentence, status):
    row = _only(sentence, "2006-12-01T09:00:00+00:00")
    assert row["status"] == status


@pytest.mark.parametrize("written, value", [
    ("8:00 a.m. (0500 GMT)", "2005-11-27T08:00"),
    ("10 a.m. local time (0700 GMT)", "2005-11-27T10:00"),
    ("4:00 a.m. Sunday (1900 GMT Saturday)", "2005-11-27T04:00"),
    # the zone's weekday gives the place's day, across midnight either way
    ("7:15 a.m. local time (2215 GMT Wednesday)", "2005-11-24T07:15"),
    ("3 p.m. (1200 GMT Tuesday)", "2005-11-22T15:00"),
    ("8 p.m. (0100 GMT Thursday)", "2005-11-23T20:00"),
])
def test_a_local_time_and_its_gmt_twin_are_one_event(written, value):
    text = f"Polling stations opened at {written} amid heavy security, officials said."
    row = _only(text, "2005-11-27T16:00:00+03:00")
    assert row["date_value"] == value  # the local clock, as the reader of the place sees it
    assert text[row["char_start"]:row["char_end"]] == written


def test_publication_line_and_durations_make_no_events():
    text = "Talks have gone on for decades.\npublished – November 02, 2024 12:35 PM IST"
    assert extract(text).empty


@pytest.mark.parametrize("text, kept", [
    ("The plan aims to cut emissions 55% by 2030 from 1990 levels.", "2030"),
    ("Emissions must fall to 2019 levels by 2030, the report said.", "2030"),
    ("The price index has not surpassed the 1995 level, the report said.", None),
    ("Spending fell 3% in 2010 prices in 2012, the agency said.", "2012"),
    # (a year the measure was last seen is an event of that year)
    ("Oil prices rose to levels last seen in 2008.", "2008"),
])
def test_a_year_setting_a_baseline_names_no_event(text, kept):
    rows = _rows(text)
    assert [r["date_value"] for r in rows] == ([kept] if kept else [])


@pytest.mark.parametrize("text, title", [
    ("Saudi Arabia's Vision 2030 plan aims to diversify the economy.",
     "Saudi Arabia's Vision 2030 plan aims to diversify the economy"),
    ("Agenda 2063 sets out the African Union's long-term goals.", "Agenda 2063 sets out the African Union's long-term goals"),
    ("China hosted the Beijing 2008 Olympics with great fanfare.", "China hosted the Beijing 2008 Olympics with great fanfare"),
    # (a year after a preposition, a month or a sentence's opening word is no name's)
    ("In 2008 the army took the town.", "The army took the town"),
    ("The treaty was signed in May 2008.", "The treaty was signed"),
])
def test_a_year_that_is_part_of_a_name_stays_in_the_label(text, title):
    (row,) = _rows(text)
    assert row["title"] == title


def test_a_live_reports_time_stamp_dates_the_telling():
    text = ("14:02 GMT - Egypt says negotiators will reconvene in Cairo tomorrow.\n\n"
            "12:15 GMT - The UN Security Council will vote on a resolution on Monday, diplomats said.\n")
    rows = {r["date_text"]: r for r in _rows(text, "2026-11-27T14:05:00+00:00")}
    assert (rows["14:02 GMT"]["status"], rows["tomorrow"]["status"]) == ("happened", "planned")
    assert (rows["12:15 GMT"]["status"], rows["Monday"]["date_value"]) == ("happened", "2026-11-30")
    # a clock time in the running text keeps the tense's reading
    (row,) = _rows("The council will vote at 15:00 GMT.", "2026-11-27T14:05:00+00:00")
    assert row["status"] == "planned"


def test_empty_text_gives_empty_table_with_schema_dtypes():
    empty = extract("")
    full = extract("Russia attacked Kyiv on Monday.", published="2024-11-20")
    assert empty.empty and len(full) == 1
    assert list(empty.columns) == list(full.columns)
    for col in SCHEMA:
        assert empty[col].dtype == full[col].dtype == SCHEMA[col], col


def test_hostile_script_text_is_kept_as_evidence_but_never_in_titles():
    text = "<script>alert('x')</script> Russia attacked Kyiv on Monday."
    row = _only(text)
    assert "<script" not in row["title"] and "alert" not in row["title"].lower()
    assert row["evidence"] == text  # the sentence as written; escaping is the viewer's job
    assert row["date_value"] == "2024-11-18"


def test_offsets_point_at_the_date_text():
    text = "Officials said on Monday that the ceasefire signed on 4 June 2024 was holding."
    for r in _rows(text):
        assert text[r["char_start"] : r["char_end"]] == r["date_text"]
        assert text[r["sentence_start"] : r["sentence_end"]] == r["evidence"]


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(InputError, match="expected article text"):
        extract(12345)
    with pytest.raises(InputError, match="not UTF-8"):
        extract(b"\xff\xfe\x00bad")
    with pytest.raises(InputError):
        extract("Russia attacked Kyiv on Monday.", published="not a date at all")


def test_extract_many_merges_the_same_event_from_several_sources(tmp_path):
    a = {"id": "a", "published": "2024-11-01", "text": "Pyongyang tested a ballistic missile on Thursday."}
    b = {"id": "b", "published": "2024-11-01",
         "text": "North Korea tested a ballistic missile on Thursday, officials in Seoul said."}
    c = {"id": "c", "published": "2024-11-01", "text": "Japan held its general election last week."}
    table = extract_many([a, b, c])
    missile = table[table["category"].str.startswith("15")]
    assert len(missile) == 1, missile[["source", "actors"]]
    assert missile.iloc[0]["sources"] == ["a", "b"]
    assert len(table[table["source"] == "c"]) == 1
    for col in SCHEMA:
        assert table[col].dtype == SCHEMA[col]


def test_extract_many_accepts_texts_paths_and_records(tmp_path, sample_path):
    copy = tmp_path / "article.txt"
    copy.write_text("NATO leaders met in Vilnius on 11 July 2023.", encoding="utf-8")
    table = extract_many([
        str(copy),
        sample_path,
        "Russia attacked Kyiv on 3 March 2022.",
        {"id": "rec", "published": "2023-07-12", "text": "G7 leaders met on Tuesday."},
    ])
    assert {"2023-07-11", "2022-03-03"} <= set(table["date_value"])
    # The file's NATO meeting and the record's G7 meeting fall on the same day, two rows.
    assert (table["date_value"] == "2023-07-11").sum() == 2
    assert str(copy) in set(table["source"]) and "rec" in set(table["source"])
    assert len(table[table["source"].str.contains("eu-japan")]) == 8


def test_extract_many_of_nothing_is_an_empty_table():
    table = extract_many([])
    assert table.empty and list(table.columns)[: len(SCHEMA)] == list(SCHEMA)


def test_rows_serialize_to_json():
    table = extract("Russia attacked Kyiv on Monday.", published="2024-11-20")
    records = json.loads(table.to_json(orient="records", date_format="iso"))
    assert records[0]["countries"] == ["RUS", "UKR"]


def test_weekday_direction_follows_the_tense():
    row = _only("The exercise will be held in the South China Sea on Sunday.", "2006-11-15")
    assert (row["date_value"], row["status"]) == ("2006-11-19", "planned")
    # The tagger reads "will be held" as future itself: nothing had to be moved.
    assert not any("coming Sunday" in w for w in row["warnings"])
    row = _only("The exercise was held in the South China Sea on Sunday.", "2006-11-15")
    assert (row["date_value"], row["status"]) == ("2006-11-12", "happened")


def test_a_year_naming_a_thing_takes_its_status_from_the_date():
    rows = _rows("Beijing unveiled the mascots for the 2008 Olympic Games on Friday.", "2005-11-12")
    games = next(r for r in rows if r["date_text"] == "2008")
    assert games["status"] == "planned" and "Olympic Games" in games["title"]
    unveiled = next(r for r in rows if r["date_text"] == "Friday")
    assert unveiled["status"] == "happened" and unveiled["date_value"] == "2005-11-11"


@pytest.mark.parametrize(
    "text,published,date_text,title",
    [
        # The thing's name ends where the sentence's verb or a new clause begins.
        ("The 1953 armistice that ended the war was never replaced by a treaty.", "2006-11-15", "1953",
         "1953 armistice"),
        ("The February orders dropped 1.6 percent from January.", "1997-04-10", "February", "February orders"),
        ("The 1992 study were never published in full.", "1997-04-28", "1992", "1992 study"),
        # Nouns in -ing and hyphenated words are part of the name.
        ("Police said the 2002 Bali bombing still haunts the island.", "2005-12-16", "2002",
         "2002 Bali bombing"),
        ("Casualties have mounted since the March 2003 US-led invasion of Iraq.", "2006-12-17", "March 2003",
         "March 2003 US-led invasion"),
    ],
)
def test_a_date_naming_a_thing_titles_the_event_with_the_name(text, published, date_text, title):
    row = next(r for r in _rows(text, published) if r["date_text"] == date_text)
    assert row["title"].endswith(title)


def test_a_date_counted_from_an_undated_event_is_marked_uncertain():
    row = _only("The allegations were revealed a week after FIFA suspended the nation.", "2006-11-15")
    assert row["confidence"] <= 0.5
    assert any("counts from another event" in w for w in row["warnings"])
    # with no date shown, the label keeps the words that place the event
    assert row["title"] == "The allegations were revealed a week after FIFA suspended the nation"


_STATUSES = {"happened", "ongoing", "planned", "target"}


def _check_invariants(text: str, table: pd.DataFrame) -> None:
    from timeline.table import PRECISIONS

    for col in SCHEMA:
        assert table[col].dtype == SCHEMA[col], col
    assert table["event_id"].is_unique
    for r in table.to_dict("records"):
        assert text[r["char_start"] : r["char_end"]] == r["date_text"]
        assert text[r["sentence_start"] : r["sentence_end"]] == r["evidence"]
        assert r["status"] in _STATUSES and r["precision"] in PRECISIONS
        assert 0 <= r["confidence"] <= 1
        assert isinstance(r["warnings"], list) and isinstance(r["actors"], list)
        if not pd.isna(r["start"]) and not pd.isna(r["end"]):
            assert r["start"] <= r["end"]
        if r["confidence"] < 0.5 and r["precision"] != "approximate":
            assert r["warnings"], r  # low confidence is always explained


def test_any_text_gives_a_valid_table():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from([
        "Russia attacked Kyiv on Monday.", " ", "\n", "<script>x</script>", "Friday (",
        "November 2, 2024", ")", "by 2027", "last week", "U.S.", "Mr. ", "After the talks, ",
        "February 30, 2024", "\x00", "é", "“", ",", "from 4 June through 5 June 2014",
    ])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(pieces, max_size=25).map("".join))
    def check(text):
        _check_invariants(text, extract(text, published="2024-11-02"))

    check()


@pytest.mark.corpus
def test_real_news_gives_valid_tables(shared_dir):
    path = shared_dir / "corpora" / "silver-news.jsonl"
    with path.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line, _ in zip(f, range(40), strict=False)]
    total = 0
    for d in docs:
        table = extract(d["text"], published=d["published"], source=d["id"])
        _check_invariants(d["text"], table)
        total += len(table)
    assert total > 40  # wire copy is full of dates: about five events a story


def test_extract_many_names_a_missing_file():
    with pytest.raises(InputError, match="missing-article.txt: no such file"):
        extract_many(["missing-article.txt"])
    with pytest.raises(InputError, match="record 0: has no 'text'"):
        extract_many([{"id": "x"}])


def test_a_line_that_is_only_a_date_makes_no_event():
    text = "November 2, 2024\nJapan and the EU signed a pact in Tokyo on Friday."
    row = _only(text, "2024-11-02")
    assert row["date_text"] == "Friday" and row["date_value"] == "2024-11-01"
    # ... nor does a byline with the date ("By Ana Ruiz · November 2, 2024")
    for byline in ("By Ana Ruiz · November 2, 2024", "By Jane Smith and John Doe | Nov. 2, 2024"):
        row = _only(f"{byline}\nJapan and the EU signed a pact in Tokyo on Friday.", "2024-11-02")
        assert row["date_text"] == "Friday"
    # (a date after "By" that opens a clause is the clause's)
    assert _only("By December, the plant will close.", "2024-11-02")["status"] == "target"


def test_within_a_period_is_a_planned_deadline_counted_from_publication():
    row = _only("British and Irish ministers will meet in Belfast within two weeks.", "2025-01-03")
    assert (row["date_text"], row["date_value"], row["date_mod"], row["status"]) == (
        "within two weeks", "2025-01-17", "ON_OR_BEFORE", "planned")
    assert any("publication date" in w for w in row["warnings"])
    # Any day of the window: the interval runs from publication to the last day.
    assert (row["start"], row["end"]) == (pd.Timestamp("2025-01-03"), pd.Timestamp("2025-01-17"))


def test_within_a_window_that_looks_back_or_names_a_plan_is_no_deadline():
    assert _rows("Trade between the two countries increased within the past five years.", "2006-11-13") == []
    assert _rows("Activities should be agreed within the five-year work plan.", "2006-11-06") == []


def test_within_a_span_of_a_thing_done_is_no_deadline_but_a_deadline_set_is():
    assert [r["date_text"] for r in _rows("In 2019, the truce collapsed within a week.", "2026-11-25")] == ["2019"]
    assert _rows("He was back on the bottle within a year, however.", "2005-12-03") == []
    row = _only("The group demanded an answer within two weeks.", "2006-12-22")
    assert (row["date_value"], row["date_mod"]) == ("2007-01-05", "ON_OR_BEFORE")
    row = _only("A multinational force could be deployed within 10 days.", "1997-04-01")
    assert (row["date_value"], row["status"]) == ("1997-04-11", "planned")


@pytest.mark.parametrize("text,published,value", [
    # hours are counted from the publication time, to the day they reach
    ("Hamas said it would respond within 48 hours.", "2026-11-25T10:00:00+00:00", "2026-11-27"),
    ("The storm will hit the coast in 36 hours.", "2026-11-25T10:00:00+00:00", "2026-11-26"),
    ("In the past 24 hours, 30 people were killed in the city.", "2026-11-25T10:00:00+00:00",
     "2026-11-24/2026-11-25"),
])
def test_a_span_of_hours_from_publication_dates_its_event(text, published, value):
    assert _only(text, published)["date_value"] == value


def test_a_span_opening_what_was_told_labels_what_was_told():
    row = _only("A senior military source said that in the past 96 hours, 25 Palestinian militants "
                "had been killed.", "2006-11-26T10:00:00+00:00")
    assert (row["date_text"], row["title"]) == ("the past 96 hours", "25 Palestinian militants had been killed")


def test_the_end_of_the_year_under_way_is_still_to_come():
    row = _only("Annan's second term in office expires at the end of the year.", "2006-12-03")
    assert (row["date_value"], row["date_mod"], row["status"]) == ("2006", "END", "planned")


def test_in_the_coming_days_is_shown_as_doubtful_not_dropped():
    row = _only("Iran and the agency will hold technical talks in the coming days.", "2024-11-20")
    assert (row["precision"], row["date_mod"], row["status"]) == ("approximate", "AFTER", "planned")
    assert row["start"] == pd.Timestamp("2024-11-20") and pd.isna(row["end"])
    assert row["confidence"] <= 0.5


def test_amount_after_a_dated_event_counts_from_it():
    rows = _rows("Russia launched its invasion of Ukraine on February 24, 2022. Two years after the invasion, "
                 "Western leaders gathered in Kyiv.", "2024-02-26")
    row = next(r for r in rows if r["date_text"].startswith("Two years"))
    assert (row["date_value"], row["date_mod"]) == ("2024-02", "APPROX")
    assert row["confidence"] <= 0.5 and row["warnings"]


def test_statement_date_does_not_date_a_fact_that_has_its_own():
    rows = _rows("Biden will travel to Vietnam next month, the White House said Monday.",
                 "2023-08-28")
    said = next(r for r in rows if r["date_text"] == "Monday")
    assert (said["date_value"], said["status"]) == ("2023-08-28", "happened")


def test_day_range_in_one_expression():
    row = _only("The G7 summit was held June 4-5, 2014 in Brussels.", "2014-06-10")
    assert (row["date_value"], row["precision"]) == ("2014-06-04/2014-06-05", "day")
    assert row["end"] == pd.Timestamp("2014-06-05")


def test_agency_dateline_without_dash_is_not_an_event():
    row = _only("New Delhi, Nov 2 (PTI) The government on Friday lifted the rice export ban.",
                "2024-11-02")
    assert (row["date_text"], row["date_value"]) == ("Friday", "2024-11-01")


def _row_path_table(events, source, published):
    """The plain reference: one dict per event through make_table's row path."""
    from timeline.extract import _table

    return _table([e.row(source, published) for e in events])


def _assert_same_tables(got, expected):
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    layout = [(type(b), type(b.values), b.mgr_locs.as_array.tolist()) for b in got._mgr.blocks]
    assert layout == [(type(b), type(b.values), b.mgr_locs.as_array.tolist()) for b in expected._mgr.blocks]


def test_column_wise_table_matches_the_row_path_on_real_news(shared_dir):
    from timeline.events.build import build_events
    from timeline.extract import _document, _events_table, _iso
    from timeline.temporal.tagger import tag_document

    lines = (shared_dir / "corpora" / "silver-news.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[:120]:
        record = json.loads(line)
        doc = _document(record["text"], record["published"], record["id"])
        events = build_events(doc, tag_document(doc))
        pub = _iso(doc.published)
        _assert_same_tables(_events_table(events, doc.source, pub), _row_path_table(events, doc.source, pub))


def test_column_wise_table_handles_odd_events_and_shares_no_lists():
    import random

    from timeline.events.event import Event
    from timeline.extract import _events_table

    rng = random.Random(7)
    choices = {
        "start": [None, pd.Timestamp("2024-11-01"), pd.Timestamp("1500-01-01"), pd.Timestamp("2024-11-01 10:30")],
        "date_mod": ["", None, "BEFORE"],
        "confidence": [1, 0.12345, 0.5, True],
        "actors": [[], ["EU", "Japan"], ("EU",)],
        "warnings": [[], ["doubtful"]],
    }
    for n in (0, 1, 2, 7):
        events = []
        for i in range(n):
            pick = {k: rng.choice(v) for k, v in choices.items()}
            events.append(Event(
                date_value="2024-11-01", precision=rng.choice(["day", "year"]), start=pick["start"],
                end=rng.choice([None, pd.Timestamp("2024-11-02")]), date_text="1 November",
                char_start=i * 10, char_end=i * 10 + 5, sentence_start=0, sentence_end=40,
                evidence="The EU met Japan on 1 November.", date_mod=pick["date_mod"],
                actors=pick["actors"], confidence=pick["confidence"], warnings=pick["warnings"],
                support=rng.choice([[], ["b: caption"]]), title=rng.choice(["", "EU meets Japan"]),
            ))
        got = _events_table(events, "a", "2024-11-02T10:00:00+00:00")
        _assert_same_tables(got, _row_path_table(events, "a", "2024-11-02T10:00:00+00:00"))
        for col in ("actors", "countries", "warnings", "support", "sources"):
            cells = got[col].tolist()
            assert all(type(c) is list for c in cells)
            assert len({id(c) for c in cells}) == len(cells)  # one fresh list per cell
            assert not {id(c) for c in cells} & {id(getattr(e, col, None)) for e in events}


def test_a_clock_time_and_its_day_are_one_event_weighed_by_tense():
    row = _only("Israel and Hamas agreed to a truce that began at 7 a.m. local time (0500 GMT) on Friday.",
                "2024-11-02")
    assert (row["date_text"], row["date_value"], row["precision"]) == (
        "7 a.m. local time (0500 GMT) on Friday", "2024-11-01T07:00", "hour")
    row = _only("The press center will be open to reporters from 8:00 a.m. Wednesday morning.", "2005-11-08")
    assert row["date_value"] == "2005-11-09T08:00" and row["status"] == "planned"


def test_a_span_of_clock_times_is_one_event_on_the_day_given_after_it():
    row = _only("Voting runs from 8 am to 8 pm (1800 GMT) on Sunday.", "2005-11-19")
    assert (row["date_text"], row["date_value"], row["title"]) == (
        "8 am to 8 pm (1800 GMT) on Sunday", "2005-11-20T08:00/2005-11-20T20:00", "Voting runs")
    rows = {r["date_text"]: r for r in _rows(
        "Polling centers will open at 7 am (0400 GMT) until 5 pm (1400 GMT) during Monday's "
        "constitution referendum.", "2005-11-19")}
    # each clock time on the referendum's day, and the referendum's day an event of its own
    assert rows["7 am (0400 GMT)"]["date_value"] == "2005-11-21T07:00"
    assert rows["5 pm (1400 GMT)"]["date_value"] == "2005-11-21T17:00"
    assert (rows["Monday"]["date_value"], rows["Monday"]["title"]) == (
        "2005-11-21", "Polling centers will open during the constitution referendum")


@pytest.mark.parametrize("text, published, date_text, value, status", [
    # what is likely is ahead ...
    ("Analysts said the central bank was likely to cut rates on Monday.", "2005-11-26", "Monday",
     "2005-11-28", "planned"),
    ("Ministers warned that the introduction of relaxed licensing laws on Thursday is likely to lead "
     "to more arrests.", "2005-11-23", "Thursday", "2005-11-24", "planned"),
    # ... but a date gone by is of the thing the forecast is about, which happened
    ("The boom years of the early 1990s are unlikely to return, the bank said.", "1997-04-17",
     "the early 1990s", "199", "happened"),
    # the telling of a date after "Speaking" is the date's, not the forecast after the comma
    ("Speaking on Monday, the minister said the talks would continue.", "2005-11-26", "Monday",
     "2005-11-21", "happened"),
    ("On Friday, Sheikh Ahmad said the meeting was unlikely to decide on the price band.", "2005-12-10",
     "Friday", "2005-12-09", "happened"),
])
def test_a_forecast_looks_ahead_from_its_own_date(text, published, date_text, value, status):
    row = next(r for r in _rows(text, published) if r["date_text"] == date_text)
    assert (row["date_value"], row["status"]) == (value, status)


def test_early_in_a_period_is_its_first_third():
    # "early this year", told in November, has gone by; the whole year is under way
    row = _only("A sharp rift over the constitution opened early this year.", "2005-11-19")
    assert (row["date_value"], row["status"]) == ("2005", "happened")


def test_the_next_so_many_days_run_from_publication():
    # a span from publication on, not the one day so far ahead that "in five years" would be
    row = _only("China will grow fast in the next five years.", "2025-10-14")
    assert (row["start"], row["end"], row["date_mod"]) == (
        pd.Timestamp("2025-10-14"), pd.Timestamp("2030-10-14"), "ON_OR_BEFORE")
    row = _only("Israeli troops will withdraw from southern Lebanon over the next 60 days.", "2024-11-27")
    assert (row["date_text"], row["date_value"], row["date_mod"], row["status"]) == (
        "over the next 60 days", "2025-01-26", "ON_OR_BEFORE", "planned")
    assert (row["start"], row["end"]) == (pd.Timestamp("2024-11-27"), pd.Timestamp("2025-01-26"))
    # ... a vague count is some time after publication, never happened whatever telling is near
    row = _only('"We need support in the next few days," the UN emergency chief said.', "2005-11-29")
    assert (row["precision"], row["date_mod"], row["status"]) == ("approximate", "AFTER", "planned")
    # ... and a past one runs back from publication, about (see the test of spans back)
    row = _only("Prices rose over the past three months.", "2024-11-27")
    assert (row["date_value"], row["date_mod"], row["status"]) == ("2024-08-27/2024-11-27", "APPROX", "happened")


def test_how_many_times_is_no_thing_a_day_is_set_for():
    # five days back from a Saturday: "for the first time" does not make it the coming Monday
    row = _only("The elected parliament met for the first time on Monday.", "2005-11-26")
    assert (row["date_value"], row["status"]) == ("2005-11-21", "happened")


def test_whose_clock_a_time_is_is_no_part_of_the_label():
    row = _only("The accident occurred at about 13:00 local time (0500 GMT) on Tuesday.", "2006-11-22")
    assert row["title"] == "The accident occurred"


def test_a_date_something_is_put_off_to_is_still_ahead():
    rows = {r["date_text"]: r for r in _rows(
        "The deadline was extended from October 31 to March 31. The vote was postponed until "
        "February 15. The summit was moved to December 10.", "2024-11-02")}
    assert (rows["March 31"]["date_value"], rows["March 31"]["status"]) == ("2025-03-31", "planned")
    assert rows["October 31"]["date_value"] == "2024-10-31"  # the old deadline: not a range with the new
    assert (rows["February 15"]["date_value"], rows["February 15"]["date_mod"]) == ("2025-02-15", "")
    assert (rows["December 10"]["date_value"], rows["December 10"]["status"]) == ("2024-12-10", "planned")


def test_a_range_across_new_year_takes_the_years_that_run_forward():
    row = _only("The festival took place from December 28 to January 3, 2024.", "2024-11-02")
    assert row["date_value"] == "2023-12-28/2024-01-03"
    row = _only("The talks ran from May 5, 2024 to April 3, 2024.", "2024-11-02")
    assert row["start"] <= row["end"] and row["confidence"] <= 0.3
    assert any("ends before it starts" in w for w in row["warnings"])


def test_adjourned_on_one_day_until_another_is_two_events_not_a_range():
    rows = _rows("The trial of Saddam Hussein was adjourned Monday until Wednesday, an AFP "
                 "correspondent said.", "2005-12-05")
    assert [(r["date_text"], r["date_value"], r["status"]) for r in rows] == [
        ("Monday", "2005-12-05", "happened"), ("Wednesday", "2005-12-07", "planned")]


def test_a_range_of_weekdays_runs_forward():
    row = _only("The incidents coincided with the start of Eid-al-Fitr, from Thursday through Saturday.",
                "2005-11-03")
    assert row["date_value"] == "2005-11-03/2005-11-05"


def test_a_date_the_text_fixes_in_the_past_happened_whatever_the_wording_ahead():
    row = _only("Two US Marines are to face murder charges over the killing of 24 Iraqi civilians "
                "in Haditha last year.", "2006-12-21")
    assert (row["date_value"], row["status"]) == ("2005", "happened")


def test_a_season_without_a_year_follows_the_tense_and_says_the_year_is_a_guess():
    row = _only("The official announcement will then come in the spring.", "2006-12-12")
    assert (row["date_value"], row["status"]) == ("2007-SP", "planned")
    assert any("does not give the year" in w for w in row["warnings"])
    row = _only("The talks collapsed in the autumn.", "2006-03-12")
    assert (row["date_value"], row["status"]) == ("2005-FA", "happened")


def test_a_date_after_ahead_of_is_still_to_come_whatever_the_verb():
    for text in ("Jeffrey spoke ahead of the election Thursday for Iraq's first permanent legislature.",
                 "Leaders met in Brussels ahead of Thursday's summit.",
                 "Parties campaigned hard in the run-up to Thursday's legislative elections."):
        row = _only(text, "2005-12-12")  # a Monday
        assert (row["date_value"], row["status"]) == ("2005-12-15", "planned"), text


def test_a_goal_scored_is_no_target_and_by_before_a_possessive_date_is_no_deadline():
    row = _only("League Two Wycombe had shocked Charlton on Tuesday as Jermaine Easter's goal clinched "
                "a 1-0 win.", "2006-12-21")
    assert (row["date_value"], row["status"]) == ("2006-12-19", "happened")
    row = _only("The remaining difficulties were swept away by Tuesday's vote.", "1997-04-11")
    assert (row["date_value"], row["status"]) == ("1997-04-08", "happened")
    assert _only("The goal of the talks is a ceasefire by 2008.", "2006-12-21")["status"] == "target"


@pytest.mark.parametrize("unit", [
    # a run of blanks between a time and a date, and inside a counted phrase's words
    "People were arrested overnight" + " " * 2000 + ", police said Monday. ",
    "He died on Monday, a day after the" + " " * 2000 + "attack. ",
    # a sentence of nothing but dates, and of counted phrases, with no end
    "on Monday and Tuesday, a day after x and " * 40,
    "the last week of April until Friday " * 40,
])
def test_hostile_text_costs_linear_time(unit, costs_linear_time):
    """Blank runs and sentences packed with dates must not make the event builder slow
    down with the square of their length."""
    assert costs_linear_time(lambda text: extract(text, published="2026-03-18"), unit * 20)


@pytest.mark.parametrize(
    "text,date_text,status",
    [
        ("Tomorrow the talks resume.", "Tomorrow", "planned"),
        ("Talks will resume next week.", "next week", "planned"),
        ("The talks collapsed two days ago.", "two days ago", "happened"),
    ],
)
def test_a_relative_date_without_a_publication_time_is_shown_as_doubtful_not_dropped(text, date_text, status):
    (row,) = extract(text).itertuples()
    assert (row.date_text, row.date_value, row.status) == (date_text, "", status)
    assert pd.isna(row.start) and row.confidence <= 0.3
    assert "without the publication date" in row.warnings[0]
    # given the publication time, the same text is placed
    (row,) = extract(text, published="2025-03-05").itertuples()
    assert row.date_value and not row.warnings


def test_a_weekday_after_a_call_for_an_event_is_shown_as_doubtful():
    row = _only("Opposition leaders have called for a nationwide strike on Thursday.", "2024-06-24")
    assert row["date_value"] == "2024-06-20" and row["confidence"] < 1
    assert any("June 27, 2024" in w for w in row["warnings"])
    calm = _only("The president called for calm on Thursday.", "2024-06-24")
    assert calm["date_value"] == "2024-06-20" and calm["warnings"] == []


@pytest.mark.parametrize(
    "text,value,precision",
    [
        ("The vote will take place in two weeks' time.", "2025-10-28", "day"),
        ("He said the new lineup will be announced in two weeks.", "2025-10-28", "day"),
        ("The court will rule in two months.", "2025-12", "month"),
    ],
)
def test_in_an_amount_of_time_ahead_is_about_that_far_from_publication(text, value, precision):
    row = _only(text, "2025-10-14")
    assert (row["date_value"], row["precision"], row["date_mod"], row["status"]) == (
        value, precision, "APPROX", "planned")
    assert any("counted from the publication date" in w for w in row["warnings"])


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was built in two weeks.",                       # how long, in the past
        "It will be the first visit by top Chinese leaders to this South Asian country in ten years.",
    ],
)
def test_in_an_amount_of_time_that_is_how_long_is_no_date(text):
    assert _rows(text, "2025-10-14") == []


def test_a_file_photo_caption_dates_the_photo_and_says_so():
    text = ("EU agrees new sanctions package against Russia\n\n"
            "FILE PHOTO: European Commission President Ursula von der Leyen speaks during a news "
            "conference in Brussels, Belgium, March 21, 2024. REUTERS/Yves Herman/File Photo\n\n"
            "BRUSSELS, June 24 (Reuters) - European Union governments agreed on Monday a 14th "
            "package of sanctions against Russia, the Belgian EU presidency said.\n\n"
            "The package will enter into force once published in the Official Journal, expected "
            "later this week.")
    rows = {r["date_text"]: r for r in _rows(text, "2024-06-24T14:00:00Z")}
    photo = rows["March 21, 2024"]
    assert photo["confidence"] <= 0.6 and any("file photo" in w for w in photo["warnings"])
    assert "Ursula von der Leyen" in photo["actors"] and "Ursula" not in photo["actors"]
    assert rows["Monday"]["warnings"] == []
    assert rows["later this week"]["status"] == "planned"


@pytest.mark.parametrize("text,published,date_text,changed", [
    ("The vote, originally scheduled for December 14, has been pushed back to January.",
     "2026-11-30", "December 14", "pushed back"),
    ("Fresh rounds of talks between Nepal and Bhutan had been scheduled for November this year, "
     "but the talks were put off.", "2006-12-12", "November this year", "put off"),
    ("Palestinian president Mahmud Abbas has indefinitely postponed a visit to Jordan that had "
     "been scheduled for Sunday, his ambassador told AFP.", "2006-12-23", "Sunday", "postponed"),
    ("The talks, initially set for Tuesday, were called off.", "2026-11-30", "Tuesday", "called off"),
    ("The vote, postponed from December, will be held on January 10.", "2026-11-30", "December",
     "postponed"),
])
def test_the_date_first_set_for_what_was_put_off_is_a_doubtful_plan(text, published, date_text, changed):
    rows = {r["date_text"]: r for r in _rows(text, published)}
    row = rows[date_text]
    # shown, as a plan that was changed: never as what happened then, never with full trust
    assert row["status"] == "planned"
    assert row["confidence"] <= 0.6
    assert f'"{date_text}" is the date first set; the text says it was changed ("{changed}").' in row["warnings"]
    assert not any("still to come" in w for w in row["warnings"])


def test_a_date_set_and_kept_is_no_changed_date():
    for text in ("The vote was scheduled for December 14, officials said.",
                 "The meeting, set for Friday, will go ahead.",
                 "Elections were postponed until March 2027, the commission said on Monday."):
        for row in _rows(text, "2026-11-30"):
            assert not any("first set" in w for w in row["warnings"]), (text, row["warnings"])
    # the new date of what was put off is the plan's own
    row = {r["date_text"]: r for r in _rows(
        "The vote, originally scheduled for December 14, has been pushed back to January.", "2026-11-30")}["January"]
    assert row["status"] == "planned" and not any("first set" in w for w in row["warnings"])


def test_a_participle_of_arranging_set_off_after_the_subject_keeps_the_subject_in_the_label():
    for text, title in (("The talks, initially set for Tuesday, were called off.", "The talks initially set"),
                        ("The recruitment date, slated for this month, has been delayed.",
                         "The recruitment date slated")):
        assert _only(text, "2026-11-30")["title"] == title


@pytest.mark.parametrize("text,value,status", [
    ("The rebels conducted three suicide attacks over the past three days.",
     "2026-11-27/2026-11-30", "happened"),
    ("At least 47 people have been killed in the past four months.", "2026-07-30/2026-11-30", "happened"),
    ("Protesters have been arrested in the past two weeks.", "2026-11-16/2026-11-30", "happened"),
    ("Egyptian security services have been holding 10 suspects for the past 10 days.",
     "2026-11-20/2026-11-30", None),
])
def test_a_span_counted_back_from_publication_dates_its_event(text, value, status):
    row = _only(text, "2026-11-30T10:00:00+00:00")
    assert (row["date_value"], row["date_mod"]) == (value, "APPROX")
    assert status is None or row["status"] == status
    assert row["confidence"] < 1 and "counted back from the publication date" in row["warnings"][0]


@pytest.mark.parametrize("text", [
    "Gemayel was the fifth anti-Syrian figure to be killed in the past two years.",  # a comparison
    "This is the deadliest attack in the past two years.",
    "It was the coldest night in the past two years.",
    "We didn't win anything in the last two years.",
    "In the last 60 years Japan has been at peace.",  # a summary, no news event
    "Exports rose over the past nine months of the fiscal year.",  # a period of something else
    "The country will fight corruption over the past two years, he said.",  # (never ahead)
])
def test_a_span_back_that_compares_summarizes_or_names_another_period_is_no_event(text):
    rows = _rows(text, "2026-11-30T10:00:00+00:00")
    assert not any("counted back from the publication" in w for r in rows for w in r["warnings"]), rows


def test_a_stretch_from_one_night_into_the_next_day_is_one_range():
    row = _only("Storms battered the coast from Monday night into Tuesday.", "2026-12-01T10:00:00+00:00")
    assert (row["date_text"], row["date_value"]) == ("Monday night into Tuesday", "2026-11-30TNI/2026-12-01")
    assert (row["start"], row["end"]) == (pd.Timestamp("2026-11-30"), pd.Timestamp("2026-12-01"))


def test_the_end_of_the_decade_and_the_last_day_of_a_month():
    row = _only("The country aims to be carbon neutral by the end of the decade.", "2026-11-30")
    assert (row["date_value"], row["precision"], row["date_mod"], row["status"]) == ("202", "decade", "END", "target")
    row = _only("The ceasefire was agreed on the last day of October.", "2026-11-30")
    assert (row["date_value"], row["precision"]) == ("2026-10-31", "day")
    assert any("does not give the year" in w for w in row["warnings"])


def test_a_weekday_after_since_is_behind_publication_with_no_doubt_of_the_coming_one():
    row = _only("The violence which has plagued the Paris suburbs since Thursday spread to other towns.",
                "2005-11-02")
    assert (row["date_value"], row["confidence"]) == ("2005-10-27", 1.0)
    assert not any("coming Thursday" in w for w in row["warnings"])


def test_a_markdown_list_of_key_dates_runs_forward_and_its_labels_lose_the_marks():
    text = ("# What happens next?\n\n"
            "Chancellor Friedrich Merz lost a confidence vote in the Bundestag on Wednesday.\n\n"
            "## Key dates\n\n"
            "* **December 5** – President Frank-Walter Steinmeier is expected to dissolve parliament.\n"
            "* **January 12, 2027** – Deadline for parties to submit candidate lists.\n"
            "* **February 23** – Election day.\n"
            "* Late March – A new government could be formed, if coalition talks go smoothly.\n")
    rows = {r["date_text"]: r for r in _rows(text, "2026-11-28")}
    assert rows["December 5"]["title"] == "President Frank-Walter Steinmeier is expected to dissolve parliament"
    assert rows["February 23"]["date_value"] == "2027-02-23"
    # the entry after February 23, 2027 is March 2027, still to come, not last March
    assert (rows["Late March"]["date_value"], rows["Late March"]["status"]) == ("2027-03", "planned")
    assert not any("*" in r["title"] for r in rows.values())


def test_the_years_a_person_lived_are_no_event_but_a_span_of_a_thing_is():
    rows = _rows("Otto Hahn (1879-1968) won the Nobel Prize for Chemistry in 1944.", "2005-12-16")
    assert [r["date_value"] for r in rows] == ["1944"]
    rows = _rows("The Iran-Iraq war (1980-1988) killed hundreds of thousands.", "2005-12-16")
    assert [r["date_value"] for r in rows] == ["1980/1988"]


def test_the_day_of_what_a_past_verb_got_to_is_the_nearest_of_its_name():
    # published on a Saturday: the final is tomorrow, the semi-final was yesterday
    row = _only("Top seed Roger Federer made an easy through to Sunday's final of the ATP Masters Cup.",
                "2005-11-19")
    assert (row["date_value"], row["status"]) == ("2005-11-20", "planned")
    row = _only("Nadal advanced to Friday's semi-finals after beating Djokovic.", "2005-11-19")
    assert (row["date_value"], row["status"]) == ("2005-11-18", "happened")


def test_a_passive_after_an_adverb_is_no_past_tense():
    row = _only("The package must still be formally adopted by foreign ministers, who meet on "
                "December 15.", "2026-11-27")
    assert row["date_value"] == "2026-12-15" and row["status"] in ("planned", "target")
    assert not any("reads as past" in w for w in row["warnings"])
    assert _only("The package was formally adopted on Monday.", "2026-11-27")["status"] == "happened"


def test_a_byline_with_the_pages_date_after_a_blank_is_no_event():
    page = ('<html><head><title>EU sanctions</title></head><body><article><h1>EU agrees sanctions</h1>'
            '<div><span>By Lena Vogt</span> <time datetime="2026-11-27T16:40:00+01:00">27 November 2026'
            '</time></div><p>EU ambassadors agreed on Friday a package of sanctions, diplomats said.</p>'
            '</article></body></html>')
    from timeline.read import read_text

    doc = read_text(page.encode(), "page.html")
    rows = extract(doc.text, published=doc.published)
    assert list(rows["date_text"]) == ["Friday"]


@pytest.mark.parametrize("text,value,status", [
    # a quarter well behind, told of as ahead or promised, is next year's
    ("The ministry expects the pipeline to be completed in the second quarter.", "2027-Q2", "planned"),
    ("The ministry promised to audit the voter roll by the end of the first quarter.", "2027-Q1", "target"),
    # ... the quarter just ended is this year's, whatever the tense (results are reported after it)
    ("The company will report third-quarter results next week.", "2026-Q3", None),
    ("GDP grew 2 percent in the third quarter.", "2026-Q3", "happened"),
])
def test_a_quarter_without_a_year_takes_the_side_its_wording_says(text, value, status):
    row = next(r for r in _rows(text, "2026-11-25") if "quarter" in r["date_text"])
    assert row["date_value"] == value
    assert status is None or row["status"] == status


@pytest.mark.parametrize("text,kept", [
    # a date set aside for another dates nothing
    ("The vote was held on Sunday, not Saturday as planned.", ["Sunday"]),
    ("Leaders want a deal in early 2027, not in 2035.", ["early 2027"]),
    ("The vote will be held in March rather than in May.", ["March"]),
    ("Talks resume on Friday instead of Thursday.", ["Friday"]),
])
def test_a_date_set_aside_is_no_event(text, kept):
    assert [r["date_text"] for r in _rows(text, "2026-11-25")] == kept


@pytest.mark.parametrize("text", [
    "THE HAGUE, 24 November 2026, 11:05 CET\n\nThe court said on Monday it would rule on 18 December.\n",
    "BANGKOK, 26 November 2026 (published 26 Nov 2026 08:20 +07:00)\n\nThe House will convene on Dec 3 to vote.\n",
])
def test_the_articles_date_line_is_no_event_when_the_publication_time_is_given(text):
    rows = _rows(text, "2026-11-24T10:05:00+00:00")
    assert rows and not any(r["char_start"] < text.index("\n") for r in rows)


def test_a_thing_expected_with_another_is_ahead():
    row = _only("The agency said it had delivered 500 tents, with more expected on Friday.", "2026-11-24")
    assert (row["date_value"], row["status"], row["title"]) == ("2026-11-27", "planned", "More expected")


@pytest.mark.parametrize("text,kept", [
    # a base a figure is measured against is no event
    ("Brent crude rose to 94 dollars a barrel, its highest since 2014.", []),
    ("The index closed at 1,080.66, its best level since 1997.", []),
    ("Turnover climbed to 5.3 billion dollars from 4.1 billion on Tuesday.", []),
    ("Inflation eased to 2.1 percent in November from 2.4 percent the previous month.", ["November"]),
    ("Industrial output rose 1.1 percent in September compared with the previous month.", ["September"]),
    ("Oil prices are about three times higher than in 2002.", []),
    ("Oil prices have reached their highest level since 1998.", []),
    ("Gold closed at 630 dollars, up from Monday's close of 628.40 dollars.", []),
    ("The won finished at 930.80, down 0.2 won from Tuesday's close.", []),
    ("Police arrested three men after Monday's clashes.", ["Monday"]),
    # ... nor a place counted after "from", nor a count from an event after "than"
    ("Troops withdrew from 12 towns on Tuesday.", ["Tuesday"]),
    ("He was murdered in February 1961, less than a year after independence.",
     ["February 1961", "a year after"]),
    ("Inflation rose to 4 percent in October from 3.5 percent in September.", ["October"]),
    ("The polls close at 3 p.m. and results are expected no earlier than Monday.", ["3 p.m.", "Monday"]),
    # ... but a state since a date, a thing named by its date and a date with its own event are
    ("The firm has been a sales agent for the world's biggest breeder of bees since 1992.", ["1992"]),
    ("Officials blamed him for the worst economic woes since the 1997 financial crisis.", ["1997"]),
    ("October was the worst month for US forces since January, when 107 soldiers were killed.",
     ["October", "January"]),
])
def test_a_base_compared_with_is_no_event(text, kept):
    assert [r["date_text"] for r in _rows(text, "2026-11-25")] == kept


@pytest.mark.parametrize("text,first_set", [
    ("The vote had been provisionally set for the 28th of November, but it was pushed back.",
     "the 28th of November"),
    ("The summit had been scheduled for 4 December but was moved to January.", "4 December"),
])
def test_a_date_first_set_then_changed_is_shown_as_changed(text, first_set):
    row = next(r for r in _rows(text, "2026-11-26") if r["date_text"] == first_set)
    assert row["confidence"] <= 0.6 and any("the date first set" in w for w in row["warnings"])


@pytest.mark.parametrize("text,value", [
    # a clock-time range across midnight ends the next morning, a named weekday after the first
    ("Police imposed a curfew from 10 p.m. to 6 a.m. after the riots.", "2026-11-30T22:00/2026-12-01T06:00"),
    ("A curfew will be in force from 10 p.m. Friday to 6 a.m. Saturday.", "2026-12-04T22:00/2026-12-05T06:00"),
    ("Phones will be out of use between 9 pm and midnight.", "2026-11-30T21:00/2026-12-01T00:00"),
])
def test_a_clock_range_across_midnight_runs_forward(text, value):
    assert _only(text, "2026-11-30T10:00:00+00:00")["date_value"] == value


@pytest.mark.parametrize("text,value,status", [
    ("The city is preparing to reopen the bridge on Friday, the mayor said.", "2026-12-04", "planned"),
    ("The union is getting ready to strike on Thursday.", "2026-12-03", "planned"),
    ("The airline is gearing up to use its jets for mountain flights from Sunday.", "2026-12-06", "planned"),
    ("The treaty was signed on March 5 of 2019.", "2019-03-05", "happened"),
])
def test_preparations_look_ahead_and_of_a_year_gives_the_year(text, value, status):
    row = _only(text, "2026-11-30T10:00:00+00:00")
    assert (row["date_value"], row["status"]) == (value, status)


def test_days_or_months_counted_from_an_event_of_a_year_stay_in_that_year():
    rows = _rows("The coup took place in 1973. Allende appointed Pinochet to head the army just one "
                 "month before the coup.", "2006-12-03")
    counted = next(r for r in rows if r["date_text"] == "one month before the coup")
    assert (counted["date_value"], counted["date_mod"]) == ("1973", "APPROX") and counted["confidence"] <= 0.5
