"""Read numbers written in words or digits: "twenty four", "a", "nineteen ninety-six"."""

from __future__ import annotations

import re

from .rules import tables

_SPLIT = re.compile(r"[\s-]+")
VAGUE = {"a few", "several", "some", "many", "few", "dozens of"}


def parse_number(text: str) -> float | None:
    """Return the number, or None when it is vague ("several", "a few")."""
    t = " ".join(_SPLIT.split(text.lower().strip()))
    if t in VAGUE:
        return None
    if t.startswith("a couple"):
        return 2
    if t == "a dozen":
        return 12
    t = t.replace(" 1/2", ".5")
    try:
        return float(t)
    except ValueError:
        pass
    words = tables()["numbers"]
    total, current, half = 0.0, 0.0, False
    if t.endswith(" and a half"):
        half, t = True, t[: -len(" and a half")]
    for w in t.split():
        if w == "and":
            continue
        v = words.get(w)
        if v is None:
            return None
        if v == 100:
            current = (current or 1) * 100
        elif v == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += v
    n = total + current
    return n + 0.5 if half else n


_RANGE = re.compile(r"^(.+?)\s+(?:or|to)\s+(.+)$")


def parse_number_range(text: str) -> tuple[float, float] | None:
    """The two counts of "two or three", "10 to 15" (smaller first), or None when ``text`` is
    no such pair of numbers."""
    m = _RANGE.match(text.lower().strip())
    if m is None:
        return None
    lo, hi = parse_number(m.group(1)), parse_number(m.group(2))
    if lo is None or hi is None or lo == hi:
        return None
    return min(lo, hi), max(lo, hi)


def parse_spoken_year(text: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001, "nineteen oh five" -> 1905."""
    t = " ".join(_SPLIT.split(text.lower().strip()))
    words = tables()["numbers"]
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace("and", " ").split()
        return 2000 + int(sum(words.get(w, 0) for w in rest))
    parts = t.split()
    if not parts or parts[0] not in ("eighteen", "nineteen", "twenty"):
        return None
    century = words[parts[0]]
    rest = parts[1:]
    if rest == ["hundred"]:
        return century * 100
    if rest and rest[0] == "oh":
        rest = rest[1:]
    n = sum(words.get(w, 0) for w in rest)
    return century * 100 + int(n)
