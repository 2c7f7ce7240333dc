"""Turn TIMEX3 values into the calendar interval they cover.

"2027" covers 2027-01-01..2027-12-31; "2024-W43" covers Monday..Sunday of ISO
week 43; "by 2027" (mod ON_OR_BEFORE / BEFORE) is a deadline: the interval
still ends at the end of 2027 and the caller decides how to draw its open start.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # months, 14 = Feb next year

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def _month_end(y: int, m: int) -> date:
    y2, m2 = (y + (m - 1) // 12, (m - 1) % 12 + 1)
    nxt = date(y2 + (m2 == 12), m2 % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _months(y: int, m1: int, m2: int) -> tuple[date, date]:
    start = date(y + (m1 - 1) // 12, (m1 - 1) % 12 + 1, 1)
    return start, _month_end(y, m2)


def value_bounds(value: str) -> tuple[date, date] | None:
    """(first day, last day) covered by a TIMEX3 date value, or None if not calendar-anchored."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            return _months(int(m[1]), int(m[2]), int(m[2]))
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if value.endswith("-WE"):
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(value):
            q = int(m[2])
            return _months(int(m[1]), 3 * q - 2, 3 * q)
        if m := _HALF.match(value):
            h = int(m[2])
            return _months(int(m[1]), 6 * h - 5, 6 * h)
        if m := _SEASON.match(value):
            a, b = _SEASONS[m[2]]
            return _months(int(m[1]), a, b)
        if m := _YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        if m := _CENTURY.match(value):
            y = int(m[1]) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    except ValueError:  # impossible calendar values such as 2024-02-30 or week 54
        return None
    return None


def interval_of(value: str, mod: str | None = None):
    """Interval as a pair of pandas Timestamps (start, end-day), or None."""
    b = value_bounds(value)
    if b is None:
        return None
    return pd.Timestamp(b[0]), pd.Timestamp(b[1])
