"""Short news excerpts of world affairs, each with the events a careful analyst would list.

Each ``tests/data/news/NAME.txt`` has ``NAME.json`` beside it: the publication time given
(or null, then ``published_found`` is what the text itself states), the expected events
and strings that must not be read as dates. An event is found by a phrase of its
sentence (``evidence``) and the date as written (``date_text``); then its value (or
``value_prefix``), precision, mod, status (one value or the acceptable ones), a phrase
of a warning, a confidence ceiling, actors it must name and its title are checked where
given.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from timeline.extract import extract
from timeline.temporal.tagger import find_mentions

NEWS = Path(__file__).parent / "data" / "news"
CASES = sorted(p.stem for p in NEWS.glob("*.txt"))

# Gaps still open, named precisely; strict, so a fix turns them red.
KNOWN_GAPS: dict[str, str] = {}


def _params():
    for name in CASES:
        marks = []
        if name in KNOWN_GAPS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[name]))
        yield pytest.param(name, marks=marks, id=name)


def _load(name: str) -> tuple[str, dict]:
    text = (NEWS / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((NEWS / f"{name}.json").read_text(encoding="utf-8"))
    return text, expected


def _show(table: pd.DataFrame) -> str:
    cols = ["date_text", "date_value", "precision", "date_mod", "status", "confidence", "title"]
    return table[cols].to_string() if len(table) else "(no events)"


def _check_event(table: pd.DataFrame, want: dict) -> list[str]:
    hits = table[table["evidence"].str.contains(want["evidence"], regex=False)]
    if "date_text" in want:
        hits = hits[hits["date_text"].str.contains(want["date_text"], regex=False)]
        if len(hits) > 1:  # "July" and "July 2" in one sentence: the one written so
            hits = hits[hits["date_text"] == want["date_text"]]
    label = f'{want["evidence"]!r} / {want.get("date_text", "")!r}'
    if len(hits) != 1:
        return [f"{label}: {len(hits)} matching rows"]
    row = hits.iloc[0]
    problems = []
    if "value" in want and row["date_value"] != want["value"]:
        problems.append(f'{label}: value {row["date_value"]!r}, expected {want["value"]!r}')
    if "value_prefix" in want and not str(row["date_value"]).startswith(want["value_prefix"]):
        problems.append(f'{label}: value {row["date_value"]!r}, expected {want["value_prefix"]}...')
    if "precision" in want and row["precision"] != want["precision"]:
        problems.append(f'{label}: precision {row["precision"]!r}, expected {want["precision"]!r}')
    if "mod" in want and row["date_mod"] != want["mod"]:
        problems.append(f'{label}: mod {row["date_mod"]!r}, expected {want["mod"]!r}')
    if "status" in want:
        ok = want["status"] if isinstance(want["status"], list) else [want["status"]]
        if row["status"] not in ok:
            problems.append(f'{label}: status {row["status"]!r}, expected {ok}')
    if "warning" in want and not any(want["warning"] in w for w in row["warnings"]):
        problems.append(f'{label}: no warning with {want["warning"]!r}: {row["warnings"]}')
    if "actors" in want and not set(want["actors"]) <= set(row["actors"]):
        problems.append(f'{label}: actors {row["actors"]}, expected {want["actors"]} among them')
    if "title" in want and row["title"] != want["title"]:
        problems.append(f'{label}: title {row["title"]!r}, expected {want["title"]!r}')
    if "max_confidence" in want and row["confidence"] > want["max_confidence"]:
        problems.append(f'{label}: confidence {row["confidence"]:.2f} > {want["max_confidence"]}')
    return problems


@pytest.mark.parametrize("name", list(_params()))
def test_excerpt(name):
    text, expected = _load(name)
    table = extract(text, published=expected["published"], source=name)
    problems: list[str] = []
    if "published_found" in expected:
        found = set(table["published"])
        if found != {expected["published_found"]}:
            problems.append(f'published {found}, expected {expected["published_found"]!r}')
    for want in expected["events"]:
        problems.extend(_check_event(table, want))
    if "n_events" in expected and len(table) != expected["n_events"]:
        problems.append(f'{len(table)} events, expected {expected["n_events"]}')
    dated = {m.text.strip() for m in find_mentions(text) if m.type == "DATE"}
    problems.extend(f"{s!r} read as a date" for s in expected.get("not_dates", []) if s in dated)
    assert not problems, "\n".join(problems) + "\n" + _show(table)


def test_every_excerpt_has_expectations():
    assert len(CASES) >= 25
    for name in CASES:
        _, expected = _load(name)
        assert expected["events"], name
        assert expected["published"] is not None or "published_found" in expected, name
