"""The app's view state: filters applied to the table, and their URL form."""

from __future__ import annotations

import pytest
from browser.synthetic import sample_events

from timeline.app.filters import ViewState, apply_filters, options


@pytest.fixture(scope="module")
def events():
    return sample_events()


def _ids(df) -> set[str]:
    return set(df["event_id"])


@pytest.mark.parametrize(("state", "expected"), [
    (ViewState(actors=["Josep Borrell"]), {"e1", "e2", "e8"}),
    (ViewState(countries=["KOR", "PRK"]), {"e3", "e8"}),
    (ViewState(categories=["15 Exhibit military posture"]), {"e3", "e4"}),
    (ViewState(statuses=["target"]), {"e4", "e5"}),
    (ViewState(date_from="2024-10-01", date_to="2024-10-31"), {"e3", "e6"}),
    (ViewState(date_from="2030-01-01"), {"e5"}),
    (ViewState(q="missile"), {"e3"}),
    (ViewState(q="SATURDAY"), {"e1", "e2"}),                 # warnings are searched, any case
    (ViewState(q="borrell korea"), {"e8"}),                  # every word must match
    (ViewState(statuses=["happened"], actors=["Takeshi Iwaya"]), {"e1", "e2"}),
    (ViewState(), {"e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"}),
])
def test_filters(events, state, expected):
    assert _ids(apply_filters(events, state)) == expected


def test_a_date_range_overlaps_intervals(events):
    # "by 2027" covers 2027; "last week" (21-27 Oct) overlaps 27 Oct-1 Nov.
    assert "e6" in _ids(apply_filters(events, ViewState(date_from="2024-10-27", date_to="2024-11-01")))


def test_url_round_trip():
    state = ViewState(actors=["Josep Borrell", "Japan"], statuses=["target"], q="fighter jet",
                      date_from="2024-01-01", lanes="actor", scale="linear", show_hidden=True)
    query = state.to_query()
    assert query.startswith("?") and "actor=Josep+Borrell" in query and "q=fighter+jet" in query
    assert ViewState.from_query(query) == state
    assert ViewState().to_query() == ""


def test_a_hostile_or_broken_url_is_ignored_not_fatal():
    state = ViewState.from_query("?lanes=<script>&scale=log&from=yesterday&to=2024-13-45"
                                 "&q=" + "x" * 5000 + "&status=happened&bogus=1")
    assert state.lanes == "category" and state.scale == "collapsed"
    assert state.date_from == "" and state.date_to == ""
    assert len(state.q) == 200 and state.statuses == ["happened"]


def test_options_count_values(events):
    opts = options(events)
    actors = {o["value"]: o["label"] for o in opts["actors"]}
    assert actors["Josep Borrell"] == "Josep Borrell (3)"
    assert opts["actors"][0]["value"] == "Josep Borrell"          # most frequent first
    assert {o["value"] for o in opts["sources"]} == {"eu-japan-partnership-2024.txt"}
