"""The edit store: corrections kept beside the extracted values, in SQLite, across restarts."""

from __future__ import annotations

import sqlite3
import threading

import pandas as pd
import pytest
from browser.synthetic import sample_events

from timeline.errors import InputError
from timeline.store import EditStore, default_path, normalize_value, precision_of


@pytest.fixture
def store(tmp_path):
    with EditStore(tmp_path / "edits.sqlite3") as s:
        yield s


def _row(df: pd.DataFrame, eid: str) -> pd.Series:
    return df[df["event_id"] == eid].iloc[0]


def test_a_correction_keeps_the_extracted_value(store):
    store.set_value("e3", "title", "Missile test", extracted="North Korea tests a powerful missile")
    assert store.edits("e3") == {"e3": {"title": {
        "extracted": "North Korea tests a powerful missile", "corrected": "Missile test"}}}
    out = store.apply_edits(sample_events())
    assert _row(out, "e3")["title"] == "Missile test"
    assert list(_row(out, "e3")["edited"]) == ["title"]
    assert list(_row(out, "e4")["edited"]) == []


def test_a_second_correction_keeps_the_first_extracted_value(store):
    store.set_value("e3", "status", "planned", extracted="happened")
    store.set_value("e3", "status", "ongoing", extracted="planned")
    assert store.edits("e3")["e3"]["status"] == {"extracted": "happened", "corrected": "ongoing"}


def test_a_date_correction_sets_precision_and_interval(store):
    store.set_value("e1", "date_value", "2024-11-02")
    store.set_value("e4", "date_value", "2027-Q2")
    out = store.apply_edits(sample_events())
    e1, e4 = _row(out, "e1"), _row(out, "e4")
    assert (e1["precision"], e1["start"], e1["end"]) == (
        "day", pd.Timestamp("2024-11-02"), pd.Timestamp("2024-11-02"))
    assert (e4["precision"], e4["start"], e4["end"]) == (
        "quarter", pd.Timestamp("2027-04-01"), pd.Timestamp("2027-06-30"))
    assert e4["date_mod"] == ""   # the user's date replaces "by 2027"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("date_value", "next Tuesday", "not a calendar date"),
    ("date_value", "2024-02-30", "not a calendar date"),
    ("status", "maybe", "not one of"),
    ("title", "  ", "cannot be empty"),
    ("evidence", "x", "cannot be edited"),
])
def test_bad_values_are_refused_with_advice(store, field, value, message):
    with pytest.raises(InputError, match=message):
        store.set_value("e1", field, value)
    assert store.edits() == {}


def test_actors_are_split_on_semicolons_or_commas():
    assert normalize_value("actors", "Josep Borrell; Takeshi Iwaya") == ["Josep Borrell", "Takeshi Iwaya"]
    assert normalize_value("actors", "Japan, EU") == ["Japan", "EU"]
    assert normalize_value("actors", ["Japan", " "]) == ["Japan"]


def test_undo_returns_to_the_extracted_values(store):
    store.set_value("e3", "title", "Missile test")
    store.set_value("e3", "status", "planned")
    store.hide("e3")
    assert store.revert("e3", "title") == 1
    out = store.apply_edits(sample_events(), include_hidden=True)
    assert _row(out, "e3")["title"] == "North Korea tests a powerful missile"
    assert _row(out, "e3")["status"] == "planned"
    store.revert("e3")
    out = store.apply_edits(sample_events())
    assert _row(out, "e3")["status"] == "happened" and not _row(out, "e3")["hidden"]


def test_hide_and_delete(store):
    store.hide("e1")
    store.delete("e2")
    shown = store.apply_edits(sample_events())
    assert set(shown["event_id"]) == {"e3", "e4", "e5", "e6", "e7", "e8"}
    with_hidden = store.apply_edits(sample_events(), include_hidden=True)
    assert "e1" in set(with_hidden["event_id"]) and "e2" not in set(with_hidden["event_id"])
    everything = store.apply_edits(sample_events(), include_hidden=True, include_deleted=True)
    assert bool(_row(everything, "e2")["deleted"])
    store.hide("e1", False)
    store.delete("e2", False)
    assert len(store.apply_edits(sample_events())) == 8


def test_edits_survive_a_restart(tmp_path):
    path = tmp_path / "edits.sqlite3"
    with EditStore(path) as s:
        s.set_value("e7", "title", "Kishida in Washington")
        s.delete("e8")
    with EditStore(path) as s:
        out = s.apply_edits(sample_events())
    assert _row(out, "e7")["title"] == "Kishida in Washington"
    assert "e8" not in set(out["event_id"])


def test_the_file_is_in_wal_mode_and_writes_are_transactions(tmp_path):
    path = tmp_path / "edits.sqlite3"
    with EditStore(path) as s:
        s.set_value("e1", "title", "x")
        mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_concurrent_writers_lose_nothing(store):
    def work(k: int) -> None:
        for i in range(50):
            store.set_value(f"t{k}-{i}", "title", f"title {i}")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store.edits()) == 200


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(InputError, match="cannot open the edit store"):
        EditStore(bad)


def test_default_path_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_STORE", str(tmp_path / "mine.sqlite3"))
    assert default_path() == tmp_path / "mine.sqlite3"
    monkeypatch.delenv("TIMELINE_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "timeline" / "edits.sqlite3"


@pytest.mark.parametrize(("value", "precision"), [
    ("2024-11-01", "day"), ("2024-W43", "week"), ("2024-04", "month"), ("2024-Q3", "quarter"),
    ("2024-SU", "season"), ("2027", "year"), ("202", "decade"), ("20", "century"),
    ("2024-11-02T12:35", "minute"), ("PRESENT_REF", None), ("XXXX-04", None),
])
def test_precision_of(value, precision):
    assert precision_of(value) == precision
