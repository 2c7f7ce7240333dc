"""The event table schema: column names, dtypes, and the helpers that enforce them.

Every producer of event tables (``extract``, ``extract_many``, the corpus
engines, the edit store) passes its rows through :func:`make_table`, so the
dtypes are the same whether a table has 0 rows or 10,000.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from itertools import chain
from operator import itemgetter

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.extensions import ExtensionArray

try:  # pandas >= 3: build a frame from ready-made blocks, skipping the constructor's checks
    from pandas.api.internals import create_dataframe_from_blocks
except ImportError:  # older pandas: the plain constructor
    create_dataframe_from_blocks = None
try:  # what that function builds with; used only once checked (see _block_makers)
    from pandas._libs.internals import BlockPlacement as _BlockPlacement
    from pandas.arrays import DatetimeArray as _DatetimeArray
    from pandas.core.internals import BlockManager as _BlockManager
except ImportError:  # other internals: pandas's checked block API only
    _BlockManager = None

#: Column name -> pandas dtype. Order is the order of the table.
SCHEMA: dict[str, object] = {
    "event_id": pd.StringDtype(),      # stable across runs: hash of source + offsets + value
    "date_value": pd.StringDtype(),    # TIMEX3 value at the stated precision: 2024-11-01, 2024-W43, 2027
    "precision": pd.StringDtype(),     # one of PRECISIONS
    "start": "datetime64[ns]",         # first instant the date covers (naive, local to the article)
    "end": "datetime64[ns]",           # last day the date covers (inclusive, at 00:00 of that day)
    "date_mod": pd.StringDtype(),      # TIMEX3 mod: BEFORE, AFTER, ON_OR_BEFORE, START, MID, END, APPROX or ""
    "status": pd.StringDtype(),        # happened, ongoing, planned, target
    "title": pd.StringDtype(),         # short human label
    "evidence": pd.StringDtype(),      # the sentence, as written
    "date_text": pd.StringDtype(),     # the date as written
    "char_start": "Int64",             # offsets of date_text in the source text
    "char_end": "Int64",
    "sentence_start": "Int64",         # offsets of evidence in the source text
    "sentence_end": "Int64",
    "actors": "object",                # list[str] of normalized names
    "countries": "object",             # list[str] of ISO 3166 alpha-3 codes
    "category": pd.StringDtype(),      # CAMEO root code and label: "05 Engage in diplomatic cooperation"
    "confidence": "float64",           # 0..1
    "warnings": "object",              # list[str], empty when none
    "source": pd.StringDtype(),        # document id or path
    "sources": "object",               # list[str]: every source reporting this event
    "support": "object",               # list[str]: other passages reporting the same event
    "published": pd.StringDtype(),     # ISO 8601 with offset when known, "" when unknown
}

COLUMNS: list[str] = list(SCHEMA)
LIST_COLUMNS: tuple[str, ...] = ("actors", "countries", "warnings", "sources", "support")
STATUSES: tuple[str, ...] = ("happened", "ongoing", "planned", "target")
PRECISIONS: tuple[str, ...] = (
    "minute", "hour", "day", "week", "month", "quarter", "season", "year", "decade", "century",
    "approximate",  # anchored to another event ("after the Tokyo talks"), no date of its own
)


def empty_table() -> pd.DataFrame:
    """A table with no rows and the schema's columns and dtypes."""
    return make_table([])


def make_table(rows: Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """Build an event table from row mappings (or a frame), enforcing the schema.

    Missing columns are filled with empty values; list columns always hold lists;
    dates outside what pandas can hold (before 1677, after 2262) become NaT rather
    than an error; extra columns are kept after the schema's columns.
    """
    is_frame = isinstance(rows, pd.DataFrame)
    if is_frame:
        frame = rows.reset_index(drop=True)
        n = len(frame)
        columns = {c: frame[c].tolist() for c in frame.columns}
    else:
        records = list(rows)
        n = len(records)
        columns = _columns_of(records)
    arrays = _schema_arrays(columns, n)
    extras = [col for col in columns if col not in SCHEMA]
    if not extras:
        return _schema_frame(arrays, n)
    data = dict(zip(COLUMNS, arrays, strict=True))
    for col in extras:
        if is_frame:
            data[col] = frame[col].array  # keep the caller's dtype
        else:
            arr = np.empty(n, dtype=object)
            arr[:] = list(columns[col]) if n else []
            data[col] = arr
    return pd.DataFrame(data, index=pd.RangeIndex(n), copy=False)


def table_of_columns(columns: Mapping[str, list], n: int) -> pd.DataFrame:
    """``make_table(rows)`` for rows given as columns: name -> the ``n`` rows' values, one
    entry per schema column (what ``Event.row`` makes, turned around), no extra columns.
    Saves building a dict per row only to take it apart again."""
    if not n:
        return make_table([])
    return _schema_frame(_schema_arrays(columns, n), n)


def _columns_of(records: list[Mapping]) -> dict[str, tuple]:
    """Column name -> the rows' values, for every key any row has (in first-seen order)."""
    if not records:
        return {}
    names = list(records[0])
    if len(names) > 1 and all(type(r) is dict and len(r) == len(names) for r in records):
        # Rows with the same keys (as Event.row makes them): one C-level transpose.
        try:
            return dict(zip(names, zip(*map(itemgetter(*names), records), strict=True), strict=True))
        except KeyError:  # as many keys, but other ones
            pass
    names = list(dict.fromkeys(chain.from_iterable(records)))
    if not names:
        return {}
    return dict(zip(names, zip(*[list(map(r.get, names)) for r in records], strict=True), strict=True))


def _builder(col: str, dtype):
    """The function that makes column ``col``'s array (chosen once: dtype checks are slow);
    None for the string columns, which :func:`_string_arrays` builds together."""
    if col in LIST_COLUMNS:
        return _lists
    if isinstance(dtype, pd.StringDtype):
        return None
    if dtype == "datetime64[ns]":
        return _timestamps
    if dtype == "Int64":
        return _ints
    return partial(_floats, dtype=dtype)


def _lists(values, n: int) -> np.ndarray:
    if values is None:
        return np.fromiter(([] for _ in range(n)), dtype=object, count=n)
    return np.fromiter(map(_as_list, values), dtype=object, count=n)


def _floats(values, n: int, dtype) -> np.ndarray:
    if values is None:
        return np.full(n, np.nan, dtype=dtype)
    if not _all_of(values, float):
        values = [np.nan if _missing(v) else float(v) for v in values]
    return np.array(values, dtype=dtype)


def _all_of(values, kind: type) -> bool:
    """Whether every value is exactly of type ``kind`` (subclasses such as bool take the slow path)."""
    return set(map(type, values)) <= {kind}


def _schema_arrays(columns: Mapping, n: int) -> list:
    """The schema's columns' arrays, in schema order."""
    arrays = [None if build is None else build(columns.get(col), n) for col, build in _BUILDERS]
    strings = _string_arrays([columns.get(col) for col in _STRING_COLUMNS], n)
    for place, arr in zip(_STRING_PLACES, strings, strict=True):
        arrays[place] = arr
    return arrays


def _string_values(values, n: int) -> list | tuple:
    if values is None:
        return [""] * n
    if not _all_of(values, str):
        return ["" if _missing(v) else str(v) for v in values]
    return values


def _string_arrays(columns: list, n: int) -> list[ExtensionArray]:
    """The string columns' arrays (``columns``: each column's values or None)."""
    if not _DIRECT_ARROW_STRINGS:
        return [pd.array(_string_values(v, n), dtype=dtype) for v, dtype in zip(columns, _STRING_DTYPES, strict=True)]
    # What pd.array builds, without its per-call dtype resolution and inference. One
    # Arrow conversion for all the columns (each call costs a few µs however short the
    # column), then a zero-copy slice per column: Arrow arrays are immutable, so the
    # columns can never write into one another.
    values = list(chain.from_iterable([""] * n if v is None else v for v in columns))
    if not _all_of(values, str):  # one check for all the columns; the usual case is all str
        values = _string_values(values, len(values))
    # Sliced from one chunked array, each column is the one-chunk ChunkedArray the
    # array keeps, without wrapping every slice again.
    whole = pa.chunked_array([pa.array(values, type=_LARGE_STRING)])
    return [_arrow_strings(whole.slice(k * n, n), dtype) for k, dtype in enumerate(_STRING_ARRAY_DTYPES)]


def _arrow_strings(values: pa.ChunkedArray, dtype: pd.StringDtype) -> ExtensionArray:
    """An ArrowStringArray of the large_string ``values``, of dtype ``dtype``."""
    if _FROM_PYARROW:  # what pandas's own _from_pyarrow_array sets, without its checks
        arr = _ArrowStringArray.__new__(_ArrowStringArray)
        arr._pa_array, arr._dtype, arr._cache = values, dtype, {}
        return arr
    return pd.arrays.ArrowStringArray(values, dtype=dtype)


def _direct_arrow_strings() -> bool:
    """Whether this pandas's ArrowStringArray takes a dtype (pandas >= 3) and so
    builds the very array ``pd.array(values, dtype=StringDtype("pyarrow"))`` does."""
    dtype = pd.StringDtype("pyarrow")
    try:
        direct = pd.arrays.ArrowStringArray(pa.array(["a"], type=pa.large_string()), dtype=dtype)
    except (TypeError, ValueError):
        return False
    return type(direct) is type(pd.array(["a"], dtype=dtype)) and direct.dtype == dtype


_LARGE_STRING = pa.large_string()
_STRING_COLUMNS = [col for col, dtype in SCHEMA.items() if isinstance(dtype, pd.StringDtype)]
_STRING_PLACES = [COLUMNS.index(col) for col in _STRING_COLUMNS]
_STRING_DTYPES = [SCHEMA[col] for col in _STRING_COLUMNS]
_DIRECT_ARROW_STRINGS = all(dtype.storage == "pyarrow" for dtype in _STRING_DTYPES) and _direct_arrow_strings()
# An empty array per string column, whose dtype the column's arrays take.
_EMPTY_STRING_ARRAYS = [pd.array([], dtype=dtype) for dtype in _STRING_DTYPES]
_STRING_ARRAY_DTYPES = [empty.dtype for empty in _EMPTY_STRING_ARRAYS]


def _from_pyarrow_works() -> bool:
    """Whether pandas's own ``_from_pyarrow_array`` makes an ArrowStringArray of nothing but
    the chunked array given, the dtype and an empty cache (what :func:`_arrow_strings` sets
    directly), and the constructor builds the same array."""
    if not _DIRECT_ARROW_STRINGS:
        return False
    values = pa.chunked_array([pa.array(["a", ""], type=_LARGE_STRING)]).slice(1, 1)
    like = _EMPTY_STRING_ARRAYS[0]
    try:
        fast = like._from_pyarrow_array(values)
    except (AttributeError, TypeError, ValueError):
        return False
    slow = pd.arrays.ArrowStringArray(values, dtype=like.dtype)
    return (type(fast) is type(slow) is _ArrowStringArray and fast.dtype == slow.dtype
            and vars(fast).keys() == {"_pa_array", "_dtype", "_cache"} and fast._pa_array is values
            and fast._dtype is like.dtype and fast._cache == {}
            and vars(fast).keys() == vars(slow).keys() and fast._pa_array.equals(slow._pa_array))


_ArrowStringArray = pd.arrays.ArrowStringArray
_FROM_PYARROW = _from_pyarrow_works()


def _ints(values, n: int) -> ExtensionArray:
    if values is None:
        values = [None] * n
    elif not _all_of(values, int):
        values = [None if _missing(v) else int(v) for v in values]
    if None in values:
        mask = np.fromiter((v is None for v in values), dtype=bool, count=n)
        filled = [1 if v is None else v for v in values]  # pd.array stores 1 under the mask
    else:
        mask, filled = np.zeros(n, dtype=bool), values
    try:
        data = np.array(filled, dtype=np.int64)
    except OverflowError:  # let pd.array report it as it always has
        return pd.array(values, dtype="Int64")
    return _new_integer_array(data, mask)


def _simple_ints_work() -> bool:
    """Whether ``IntegerArray._simple_new`` builds what the constructor does (without
    re-checking the int64 data and bool mask made just above, a µs per column)."""
    data, mask = np.array([1, 2], dtype=np.int64), np.array([False, True])
    try:
        fast = pd.arrays.IntegerArray._simple_new(data, mask)
    except (AttributeError, TypeError):
        return False
    slow = pd.arrays.IntegerArray(data, mask)
    return (type(fast) is type(slow) and fast.dtype == slow.dtype and vars(fast).keys() == vars(slow).keys()
            and fast._data is data and fast._mask is mask and fast.equals(slow))


_new_integer_array = pd.arrays.IntegerArray._simple_new if _simple_ints_work() else pd.arrays.IntegerArray


# Built once: every table has these columns (each table gets its own copy of the Index).
_COLUMN_INDEX = pd.Index(COLUMNS)


def _view_is_copy() -> bool:
    """Whether ``Index._view`` makes what ``Index.copy()`` does (``_view`` after checking
    the name, which is most of its cost): a new Index object with the same name, data,
    cache and references."""
    try:
        view, copy = _COLUMN_INDEX._view(), _COLUMN_INDEX.copy()
    except (AttributeError, TypeError):
        return False
    shared = set(vars(copy)) - {"_id"}  # _id: the identity each new Index gets
    return (type(view) is type(copy) and view is not _COLUMN_INDEX and vars(view).keys() == vars(copy).keys()
            and all(vars(view)[k] is vars(copy)[k] for k in shared) and view.equals(copy))


# A new Index object with the schema's columns, for one table.
_column_index = _COLUMN_INDEX._view if _view_is_copy() else _COLUMN_INDEX.copy


def _schema_frame(arrays: list, n: int) -> pd.DataFrame:
    """The frame the DataFrame constructor makes of ``arrays`` (given ``copy=False``: one
    block per column), built without its per-column inference and checks."""
    if _BLOCK_MAKERS is not None:
        return _frame_of_blocks(arrays, n, _BLOCK_MAKERS)
    return _checked_frame(arrays, n)


def _checked_frame(arrays: list, n: int) -> pd.DataFrame:
    """:func:`_schema_frame` through pandas's block API, which checks each block."""
    if create_dataframe_from_blocks is None:
        return pd.DataFrame(dict(zip(COLUMNS, arrays, strict=True)), index=pd.RangeIndex(n), copy=False)
    # Column i's block sits at [i]; fresh arrays each time, as blocks keep them.
    places = np.arange(len(arrays)).reshape(-1, 1)
    blocks = [
        (arr if isinstance(arr, ExtensionArray) else arr.reshape(1, n), place)
        for arr, place in zip(arrays, places, strict=True)
    ]
    # A fresh Index object per table: setting ``df.columns.name`` must not reach other tables.
    return create_dataframe_from_blocks(blocks, index=pd.RangeIndex(n), columns=_COLUMN_INDEX.copy())


def _frame_of_blocks(arrays: list, n: int, makers: list[Callable]) -> pd.DataFrame:
    """:func:`_checked_frame`'s frame, its blocks made directly: the schema fixes each
    column's block type, so pandas need not work it out and check it for every table."""
    # Placed by column number (a slice), as the DataFrame constructor places its blocks.
    blocks = [make(arr, n, _BlockPlacement(i)) for i, (make, arr) in enumerate(zip(makers, arrays, strict=True))]
    axes = [_column_index(), pd.RangeIndex.from_range(range(n))]
    return pd.DataFrame._from_mgr(_BlockManager.from_blocks(blocks, axes), axes)


def _block_maker(kind: type, arr) -> Callable:
    """The function that makes a block of type ``kind`` from a column's array shaped like ``arr``,
    as pandas's ``_make_block`` does: extension arrays as they are, numpy arrays as one
    row, datetime64 values wrapped in a DatetimeArray (they come in nanoseconds). Blocks
    take (values, placement, ndim) by position, quicker than by keyword."""
    if isinstance(arr, ExtensionArray):
        return lambda values, n, place: kind(values, place, 2)
    if arr.dtype.kind == "M":
        dtype = arr.dtype
        return lambda values, n, place: kind(_DatetimeArray._simple_new(values.reshape(1, n), dtype=dtype), place, 2)
    return lambda values, n, place: kind(values.reshape(1, n), place, 2)


def _block_makers() -> list[Callable] | None:
    """Each schema column's block maker, or None where this pandas's internals are not
    the ones they were written for (the frames they make are checked against pandas's own)."""
    if create_dataframe_from_blocks is None or _BlockManager is None:
        return None
    samples = [
        [],
        [{"start": pd.Timestamp("2024-11-01"), "char_start": 3, "actors": ["EU"], "confidence": 0.5,
          "title": "a"}, {"end": "2024-11-02", "date_value": None}],
    ]
    try:
        makers = None
        for rows in samples:
            columns, n = _columns_of(rows), len(rows)
            expected = _checked_frame(_schema_arrays(columns, n), n)
            if makers is None:
                kinds = [type(expected._mgr.blocks[b]) for b in expected._mgr.blknos]
                makers = [_block_maker(k, a) for k, a in zip(kinds, _schema_arrays(columns, n), strict=True)]
            got = _frame_of_blocks(_schema_arrays(columns, n), n, makers)
            pd.testing.assert_frame_equal(got, expected, check_exact=True)
            if not _same_blocks(got, expected):
                return None
    except (AssertionError, AttributeError, TypeError, ValueError):
        return None
    return makers


def _same_blocks(got: pd.DataFrame, expected: pd.DataFrame) -> bool:
    """Whether two frames hold the same kinds of blocks, of the same kinds of arrays and shapes, at the same places."""
    def layout(frame):
        return [
            (type(b), type(b.values), b.values.shape, b.values.dtype, b.mgr_locs.as_array.tolist(), b.ndim)
            for b in frame._mgr.blocks
        ]

    return layout(got) == layout(expected)


def _missing(v) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float) and v != v


# The nanosecond range the schema's datetime64[ns] columns can hold.
_NS_MIN, _NS_MAX = pd.Timestamp("1677-09-22"), pd.Timestamp("2262-04-11")


def _timestamps(values, n: int) -> np.ndarray:
    if values is None:
        return np.full(n, _NAT)
    # numpy converts each value from its own unit (s, ms, us) to ns exactly: the
    # range check in _timestamp keeps every value within what ns can hold.
    return np.array([_timestamp(v) for v in values], dtype="datetime64[ns]")


def _timestamp(v) -> np.datetime64:
    if type(v) is not pd.Timestamp or v.tzinfo is not None:  # naive Timestamps need no parsing
        if _missing(v):
            return _NAT
        try:
            v = pd.Timestamp(v)
        except (ValueError, TypeError, OverflowError):  # out of range or not a date
            return _NAT
        if v is pd.NaT:
            return _NAT
        if v.tzinfo is not None:
            v = v.tz_localize(None)
    # Comparing Timestamps is slow; the year alone settles all but the two boundary years.
    if not (1677 < v.year < 2262 or _NS_MIN <= v <= _NS_MAX):
        return _NAT
    return v.to_datetime64()


_NAT = np.datetime64("NaT", "ns")


def _as_list(value) -> list:
    if type(value) is list:  # the usual case, first
        return list(value)
    if value is None:
        return []
    if isinstance(value, float) and value != value:  # NaN from a missing cell
        return []
    if isinstance(value, str):
        return [value] if value else []
    if hasattr(value, "tolist"):  # numpy arrays from Parquet
        return list(value.tolist())
    return list(value)


# Column name -> the function that builds its array, for make_table (after the functions it names).
_BUILDERS = [(col, _builder(col, dtype)) for col, dtype in SCHEMA.items()]
# Column i's block maker, at [i]; None: pandas's checked block API instead.
_BLOCK_MAKERS = _block_makers()
