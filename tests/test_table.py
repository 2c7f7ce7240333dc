"""The event table schema holds for 0 rows and many, whatever the rows carry."""

from __future__ import annotations

import pandas as pd
import pytest

from timeline import table
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


def test_rows_with_different_keys_fill_the_gaps():
    t = make_table([{"event_id": "a", "char_start": 1}, {"title": "t", "char_start": None}])
    assert t["event_id"].tolist() == ["a", ""]
    assert t["title"].tolist() == ["", "t"]
    assert t["char_start"].tolist() == [1, pd.NA]
    assert t["char_end"].isna().all() and t["start"].isna().all()
    assert t["confidence"].isna().all()


def test_numbers_of_any_kind_and_missing_values_fit_the_number_columns():
    import numpy as np

    values = [np.int64(5), None, float("nan"), pd.NA, 7.0, True]
    t = make_table([{"char_start": v, "confidence": v, "title": v} for v in values])
    assert t["char_start"].tolist() == [5, pd.NA, pd.NA, pd.NA, 7, 1]
    assert t["confidence"].isna().tolist() == [False, True, True, True, False, False]
    assert t["title"].tolist() == ["5", "", "", "", "7.0", "True"]
    assert t.dtypes.equals(empty_table().dtypes)


def test_dates_at_the_edges_of_the_nanosecond_range():
    inside = ["1677-09-22", "1677-12-31", "2000-02-29 10:30:15", "2262-04-11"]
    outside = ["1677-09-21 23:59:59", "2262-04-11 00:00:01", "1500-01-01", "3000-01-01"]
    rows = [{"start": pd.Timestamp(s).as_unit(u)} for s in inside for u in ("s", "ms", "us", "ns")]
    rows += [{"start": pd.Timestamp(s).as_unit("s")} for s in outside]
    rows += [{"start": pd.Timestamp("2024-01-01 10:00", tz="Asia/Tokyo")}, {"start": pd.NaT}]
    t = make_table(rows)
    expected = [pd.Timestamp(s) for s in inside for _ in range(4)]
    expected += [pd.NaT] * len(outside) + [pd.Timestamp("2024-01-01 10:00"), pd.NaT]
    assert t["start"].tolist() == expected


def test_each_table_has_its_own_lists_and_labels():
    rows = [{"event_id": "a", "actors": ["Japan"], "char_start": 3}]
    first, second = make_table(rows), make_table(rows)
    first.loc[0, "actors"].append("EU")
    first.loc[0, "char_start"] = 9
    first.columns.name = "renamed"
    assert rows[0]["actors"] == ["Japan"]
    assert second.loc[0, "actors"] == ["Japan"] and second.loc[0, "char_start"] == 3
    assert second.columns.name is None and make_table(rows).columns.name is None


def test_many_rows_keep_every_value():
    rows = [{"event_id": f"e{i}", "char_start": i, "start": pd.Timestamp("2024-01-01") + pd.Timedelta(days=i),
             "actors": [str(i)], "confidence": i / 10_000} for i in range(10_000)]
    t = make_table(rows)
    assert t.dtypes.equals(empty_table().dtypes)
    assert t["event_id"].tolist() == [r["event_id"] for r in rows]
    assert t["char_start"].tolist() == list(range(10_000))
    assert t["start"].tolist() == [r["start"] for r in rows]
    assert t["actors"].tolist() == [r["actors"] for r in rows]
    pd.testing.assert_frame_equal(make_table(t), t)


def _layout(frame):
    return [(type(b).__name__, type(b.values).__name__, b.values.shape, str(b.values.dtype),
             b.mgr_locs.as_array.tolist()) for b in frame._mgr.blocks]


@pytest.mark.parametrize("n", [0, 1, 7])
def test_blocks_made_directly_are_the_ones_pandas_makes(n):
    rows = [{"event_id": f"e{i}", "title": None if i % 2 else "t", "start": pd.Timestamp("2024-01-01"),
             "end": None, "char_start": i, "char_end": None, "actors": ["EU"], "confidence": 0.5}
            for i in range(n)]
    arrays = table._schema_arrays(table._columns_of(rows), n)
    expected = table._checked_frame(arrays, n)
    got = make_table(rows)
    assert table._BLOCK_MAKERS is not None  # this pandas takes the direct path
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert _layout(got) == _layout(expected)


def test_string_columns_never_write_into_one_another():
    t = make_table([{"event_id": "a", "title": "b", "evidence": "c"}, {"event_id": "d", "title": "e"}])
    t.loc[0, "title"] = "changed"
    t.loc[1, "event_id"] = "x"
    assert t["event_id"].tolist() == ["a", "x"]
    assert t["title"].tolist() == ["changed", "e"]
    assert t["evidence"].tolist() == ["c", ""]
    assert t["date_value"].tolist() == ["", ""]


def test_pandas_checked_path_gives_the_same_tables(monkeypatch):
    rows = [{"event_id": "a", "start": pd.Timestamp("2024-01-01"), "char_start": 1, "actors": ["EU"]}, {}]
    fast = make_table(rows)
    monkeypatch.setattr(table, "_BLOCK_MAKERS", None)
    monkeypatch.setattr(table, "_FROM_PYARROW", False)
    checked = make_table(rows)
    pd.testing.assert_frame_equal(fast, checked, check_exact=True)
    assert _layout(fast) == _layout(checked)


@pytest.mark.parametrize("n", [0, 1, 4])
def test_string_columns_are_what_pd_array_makes_of_any_values(n, monkeypatch):
    """All the string columns are converted in one Arrow call; each column must still be
    exactly the array pd.array makes of its own values, whatever the other columns hold."""
    import numpy as np

    odd = [None, pd.NA, float("nan"), 5, True, np.str_("np"), "é ✓", ""]
    columns = [None if k % 4 == 3 else [odd[(k + i) % len(odd)] for i in range(n)]
               for k in range(len(table._STRING_COLUMNS))]
    columns[0] = ["plain"] * n  # and one column of str only
    expected = [pd.array(table._string_values(v, n), dtype=dtype)
                for v, dtype in zip(columns, table._STRING_DTYPES, strict=True)]
    for from_pyarrow in (True, False):
        monkeypatch.setattr(table, "_FROM_PYARROW", from_pyarrow)
        got = table._string_arrays(columns, n)
        assert len(got) == len(expected)
        for g, e in zip(got, expected, strict=True):
            assert type(g) is type(e) and g.dtype == e.dtype
            pd.testing.assert_extension_array_equal(g, e)
            assert g._pa_array.type == e._pa_array.type and g._pa_array.num_chunks == 1


def test_string_arrays_made_directly_are_the_ones_pandas_makes():
    assert table._FROM_PYARROW  # this pandas takes the direct path
    got = table._string_arrays([["a", "b"]] * len(table._STRING_COLUMNS), 2)[0]
    expected = pd.arrays.ArrowStringArray(got._pa_array, dtype=got.dtype)
    assert vars(got).keys() == vars(expected).keys()
    assert got.dtype == expected.dtype and got._cache == {}


def test_each_table_gets_a_new_column_index_like_a_copy():
    first, second = table._column_index(), table._column_index()
    assert first is not second and first is not table._COLUMN_INDEX
    assert first.equals(table._COLUMN_INDEX) and list(first) == COLUMNS and first.name is None
    assert table._column_index == table._COLUMN_INDEX._view  # this pandas takes the direct path
    first.name = "renamed"
    assert second.name is None and table._COLUMN_INDEX.name is None
