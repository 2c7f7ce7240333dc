"""Calendar arithmetic on TIMEX3 values at a given precision."""

from __future__ import annotations

import re
from datetime import date, timedelta


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    # Clamp the day: 31 January + 1 month is the end of February.
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)


def shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "half":
        return add_months(d, 6 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    raise ValueError(unit)


def easter(year: int) -> date:
    """Western Easter Sunday of ``year`` (the anonymous Gregorian computus)."""
    a, (b, c) = year % 19, divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def thanksgiving(year: int) -> date:
    """The United States' Thanksgiving: the fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


_MOVING_BASES = {"easter": easter, "thanksgiving": thanksgiving}


def moving_day(rule: str, year: int) -> date:
    """The day a holiday that moves falls on in ``year``, from its rule: "easter-2" is Good Friday."""
    base, sign, days = re.fullmatch(r"([a-z]+)([+-])(\d+)", rule).groups()
    return _MOVING_BASES[base](year) + timedelta(days=int(days) * (1 if sign == "+" else -1))


def day_words(d: date) -> str:
    """A day as a reader writes it: "April 19, 1997"."""
    return f"{d:%B} {d.day}, {d.year}"


def fmt(d: date, precision: str) -> str:
    """The TIMEX3 value of the period of ``precision`` that contains ``d``."""
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if precision == "weekend":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}-WE"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if precision == "half":
        return f"{d.year}-H{(d.month - 1) // 6 + 1}"
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "decade":
        return f"{d.year // 10:03d}"
    if precision == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(precision)


_PARSE = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"^(\d{4})-W(\d{2})-WE$"), "weekend"),
    (re.compile(r"^(\d{4})-W(\d{2})$"), "week"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})$"), "decade"),
    (re.compile(r"^(\d{2})$"), "century"),
]
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def parse_value(value: str) -> tuple[date, str] | None:
    """A representative day inside a TIMEX3 value, and the value's precision."""
    for rx, prec in _PARSE:
        m = rx.match(value or "")
        if not m:
            continue
        y = int(m.group(1))
        try:
            if prec == "day":
                return date(y, int(m.group(2)), int(m.group(3))), prec
            if prec in ("week", "weekend"):
                return date.fromisocalendar(y, int(m.group(2)), 1), prec
            if prec == "month":
                return date(y, int(m.group(2)), 1), prec
            if prec == "quarter":
                return date(y, 3 * int(m.group(2)) - 2, 1), prec
            if prec == "half":
                return date(y, 6 * int(m.group(2)) - 5, 1), prec
            if prec == "season":
                return date(y, _SEASON_MONTH[m.group(2)], 1), prec
            if prec == "year":
                return date(y, 1, 1), prec
            if prec == "decade":
                return date(y * 10, 1, 1), prec
            return date(max(y * 100, 1), 1, 1), prec
        except ValueError:
            return None
    return None


PRECISION_RANK = {
    "minute": 0, "hour": 1, "day": 2, "weekend": 3, "week": 3, "month": 4, "quarter": 5,
    "season": 5, "half": 6, "year": 7, "decade": 8, "century": 9,
}


_NTH_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def week_of_month(first_day: date, nth: str) -> str:
    """ "the last week of April" (``first_day`` the 1st of April): the ISO week holding
    most of the days it names, days 1-7 for the first week, the last seven for the last."""
    if nth in _NTH_WEEK:
        middle = first_day + timedelta(days=7 * _NTH_WEEK[nth] + 3)
    else:  # last, final
        middle = add_months(first_day, 1) - timedelta(days=4)
    return fmt(middle, "week")
