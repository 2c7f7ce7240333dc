"""The event table schema holds for 0 rows and many, whatever the rows carry."""

from __future__ import annotations

import pandas as pd

from timeline.table import COLUMNS, LIST_COLUMNS, SCHEMA, empty_table, make_table


def test_empty_table_has_every_column_with_its_dtype():
    t = empty_table()
    assert list(t.columns) == COLUMNS
    for col, dtype in SCHEMA.items():
        assert t[col].dtype == (pd.StringDtype() if isinstance(dtype, pd.StringDtype) else dtype), col


def test_dtypes_match_between_zero_and_many_rows():
    rows = [{"event_id": str(i), "date_value": "2024-11-01", "start": "2024-11-01",
             "end": "2024-11-01", "char_start": i, "confidence": 0.5, "actors": ["Japan"]}
            for i in range(1000)]
    assert make_table(rows).dtypes.equals(empty_table().dtypes)


def test_list_columns_always_hold_lists():
    t = make_table([{"actors": None, "warnings": "one warning", "countries": float("nan")}])
    for col in LIST_COLUMNS:
        assert isinstance(t.loc[0, col], list)
    assert t.loc[0, "warnings"] == ["one warning"]


def test_dates_pandas_cannot_hold_become_nat_not_an_error():
    t = make_table([{"start": "1500-01-01", "end": "2024-01-01T10:00+05:00"}])
    assert pd.isna(t.loc[0, "start"])
    assert t.loc[0, "end"] == pd.Timestamp("2024-01-01 10:00")


def test_extra_columns_are_kept_after_the_schema():
    t = make_table([{"event_id": "a", "note": "kept"}])
    assert list(t.columns) == COLUMNS + ["note"]
    assert t.loc[0, "note"] == "kept"


def test_round_trip_through_make_table_is_identity(sample_text):
    from timeline.extract import extract

    df = extract(sample_text)
    again = make_table(df)
    pd.testing.assert_frame_equal(again, df)
