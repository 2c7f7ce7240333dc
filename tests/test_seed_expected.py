"""The acceptance test: the sample article gives the eight events its expected timeline lists.

Expected timeline: ../shared/seed/EXPECTED.md (the sample is data/eu-japan-partnership-2024.txt).
"""

from __future__ import annotations

import pandas as pd
import pytest

from timeline import extract
from timeline.table import COLUMNS, SCHEMA


@pytest.fixture(scope="module")
def table(sample_text):
    return extract(sample_text, source="eu-japan-partnership-2024.txt")


def _one(table, pattern: str) -> pd.Series:
    hits = table[table["evidence"].str.contains(pattern, regex=True)]
    assert len(hits) == 1, f"{pattern!r}: {len(hits)} rows: {hits[['date_value', 'title']]}"
    return hits.iloc[0]


def test_exactly_the_eight_expected_events(table):
    assert len(table) == 8, table[["date_value", "date_text", "title"]]


def test_schema_columns_and_dtypes(table):
    assert list(table.columns[: len(COLUMNS)]) == COLUMNS
    for col, dtype in SCHEMA.items():
        assert table[col].dtype == dtype, col


def test_publication_time_found_in_text(table):
    assert set(table["published"]) == {"2024-11-02T12:35:00+05:30"}


def test_1_partnership_announced_on_the_friday_with_a_warning(table, sample_text):
    row = _one(table, r"announced a sweeping new security and defense partnership")
    assert (row["date_value"], row["precision"], row["status"]) == ("2024-11-01", "day", "happened")
    assert row["start"] == row["end"] == pd.Timestamp("2024-11-01")
    assert row["date_text"] == "Friday (November 2, 2024)"
    assert sample_text[row["char_start"] : row["char_end"]] == row["date_text"]
    (warning,) = row["warnings"]
    assert '"Friday (November 2, 2024)"' in warning and "Saturday" in warning
    assert 'caption ("November 1, 2024")' in warning and "publication time" in warning
    assert row["confidence"] < 0.9
    # The photo caption reports the same meeting: one event, the caption as support.
    assert any("In this photo taken by Kyodo" in s for s in row["support"])
    assert {"Japan", "European Union", "Josep Borrell"} <= set(row["actors"])
    assert "JPN" in row["countries"]
    assert row["category"] == "05 Engage in diplomatic cooperation"


def test_2_spa_ratification_is_a_separate_event_on_the_friday(table):
    row = _one(table, r"exchanged an instrument of ratification")
    assert (row["date_value"], row["precision"], row["status"]) == ("2024-11-01", "day", "happened")
    assert row["date_text"] == "Friday (November 2, 2024)"
    assert any('"Friday (November 2, 2024)"' in w and "Saturday" in w for w in row["warnings"])
    assert {"Josep Borrell", "Takeshi Iwaya"} <= set(row["actors"])
    assert row["category"].startswith("05 ")


def test_3_missile_test_on_thursday(table):
    row = _one(table, r"tested one of its latest")
    assert (row["date_value"], row["precision"], row["status"]) == ("2024-10-31", "day", "happened")
    assert row["date_text"] == "Thursday"
    assert "North Korea" in row["actors"] and "PRK" in row["countries"]
    assert row["category"] == "15 Exhibit military posture"
    assert "missile" in row["title"]


def test_4_defence_spending_target_by_2027(table):
    row = _one(table, r"two percent of GDP by 2027")
    assert (row["date_value"], row["precision"], row["status"]) == ("2027", "year", "target")
    assert row["date_mod"] == "ON_OR_BEFORE"
    assert row["start"] == pd.Timestamp("2027-01-01") and row["end"] == pd.Timestamp("2027-12-31")
    assert row["category"].startswith("15 ")


def test_5_fighter_jet_by_2035(table):
    row = _one(table, r"fighter jet")
    assert (row["date_value"], row["precision"], row["status"]) == ("2035", "year", "target")
    assert row["end"] == pd.Timestamp("2035-12-31")
    assert {"ITA", "GBR", "JPN"} <= set(row["countries"])


def test_6_general_election_last_week(table):
    row = _one(table, r"general election")
    assert (row["date_value"], row["precision"], row["status"]) == ("2024-W43", "week", "happened")
    assert row["start"] == pd.Timestamp("2024-10-21") and row["end"] == pd.Timestamp("2024-10-27")
    assert "election" in row["title"]


def test_7_kishida_state_visit_in_april(table):
    row = _one(table, r"state visit in April")
    assert (row["date_value"], row["precision"], row["status"]) == ("2024-04", "month", "happened")
    assert "Fumio Kishida" in row["actors"] and "Joe Biden" in row["actors"]
    # The year is not written: the user is told it was inferred.
    assert any("year" in w for w in row["warnings"])


def test_8_borrell_heads_to_south_korea_after_the_tokyo_talks(table):
    row = _one(table, r"will head to South Korea")
    assert (row["date_value"], row["precision"], row["status"]) == (
        "2024-11-01", "approximate", "planned"
    )
    assert row["date_mod"] == "AFTER"
    assert row["start"] == pd.Timestamp("2024-11-01") and pd.isna(row["end"])
    assert row["date_text"] == "After the Tokyo talks"
    assert any("Tokyo talks" in w for w in row["warnings"])
    assert row["confidence"] <= 0.5
    assert "South Korea" in row["actors"]


def test_no_event_for_publication_line_durations_or_figurative_dates(table):
    texts = set(table["date_text"])
    assert not any("12:35" in t for t in texts)
    assert "decades" not in texts and "days" not in texts
    assert "today" not in texts and "tomorrow" not in texts


def test_event_ids_are_unique_and_stable(sample_text, table):
    again = extract(sample_text, source="eu-japan-partnership-2024.txt")
    assert table["event_id"].is_unique
    assert list(again["event_id"]) == list(table["event_id"])
