"""CAMEO root category of an event, from keyword rules kept as data (``data/cameo.json``).

Rules are tried in file order, more specific and more severe first, so a
missile test is "15 Exhibit military posture" even when the sentence also says
someone "announced" it. The clause around the date is tried first and the
whole sentence second, because the clause is what the event is about.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .matching import FirstMatching


@dataclass(frozen=True)
class CategoryRule:
    name: str
    code: str
    regex: re.Pattern
    examples: tuple


@lru_cache(maxsize=1)
def _data() -> dict:
    raw = resources.files("timeline.events").joinpath("data", "cameo.json").read_text("utf-8")
    return json.loads(raw)


def roots() -> dict[str, str]:
    """CAMEO root code -> label, "01" .. "20"."""
    return dict(_data()["roots"])


@lru_cache(maxsize=1)
def category_rules() -> tuple[CategoryRule, ...]:
    return tuple(
        CategoryRule(r["name"], r["code"], re.compile(r["pattern"], re.IGNORECASE),
                     tuple(tuple(e) for e in r.get("examples", ())))
        for r in _data()["rules"]
    )


def label(code: str) -> str:
    """ "05" -> "05 Engage in diplomatic cooperation"."""
    return f"{code} {_data()['roots'][code]}"  # not roots(), which copies the table


def classify(*texts: str) -> tuple[str, str]:
    """(category label, rule name) for the first text any rule matches.

    Falls back to the default code ("01 Make public statement") with rule
    name "default" when nothing matches: news reports are statements first.
    """
    for text in texts:
        if not text:
            continue
        found = _first_rule(text)
        if found is not None:
            return label(found.code), found.name
    return label(_data()["default"]), "default"


@lru_cache(maxsize=1)
def _matcher() -> FirstMatching:
    return FirstMatching([rule.regex.pattern for rule in category_rules()])


@lru_cache(maxsize=4096)
def _first_rule(text: str) -> CategoryRule | None:
    """The first rule matching ``text``; cached because a sentence is the fallback
    text of every date it holds."""
    found = _matcher().index(text)
    return None if found is None else category_rules()[found]
