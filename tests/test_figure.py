"""The timeline figure: what is drawn how, on the sample's expected events (built by hand
so these tests do not depend on the extractor) and on a large synthetic table."""

from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
import pytest
from browser.synthetic import sample_events, sample_rows, synthetic_events
from plotly.io.json import to_json_plotly

from timeline.figure import (
    LABEL_LIMIT,
    _fit_labels,
    build_figure,
    densest_window,
    figure_dict,
    for_browser,
)
from timeline.table import empty_table, make_table


def _trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)


def _ids(trace: dict) -> list[str]:
    cd = trace["customdata"]
    return [str(row[0]) if np.ndim(row) else str(row) for row in cd]


def _bands(fig: dict, name: str = "band") -> list[tuple]:
    """(x0, x1, y) of every segment of the traces called ``name``."""
    out = []
    for t in fig["data"]:
        if t.get("name") != name:
            continue
        xs, ys = list(t["x"]), list(t["y"])
        for i in range(0, len(xs), 3):
            out.append((xs[i], xs[i + 1], ys[i]))
    return out


@pytest.fixture(scope="module")
def sample():
    return sample_events()


@pytest.fixture(scope="module")
def linear(sample):
    return figure_dict(sample, scale="linear", show_overview=False)


def test_day_events_are_points_at_their_day(linear):
    ev = _trace(linear, "events")
    ids = _ids(ev)
    x = dict(zip(ids, ev["x"], strict=True))
    assert x["e3"].startswith("2024-10-31")   # "on Thursday"
    assert x["e1"].startswith("2024-11-01")
    # No band is drawn for a day: every band belongs to a coarser event.
    band_days = {(str(a)[:10], str(b)[:10]) for a, b, _ in _bands(linear)}
    assert ("2024-10-31", "2024-11-01") not in band_days


def test_week_month_and_year_cover_their_whole_interval(linear):
    spans = {(str(a)[:10], str(b)[:10]) for a, b, _ in _bands(linear)}
    assert ("2024-10-21", "2024-10-28") in spans   # 2024-W43: Monday .. Sunday (end exclusive)
    assert ("2024-04-01", "2024-05-01") in spans   # "in April": the whole month, no invented day
    assert ("2027-01-01", "2028-01-01") in spans   # "by 2027": the whole year


def test_deadline_is_an_open_bar_ending_at_the_deadline(linear):
    bars = {(str(a)[:10], str(b)[:10]) for a, b, _ in _bands(linear, "bar")}
    # From publication (2 Nov 2024) to the end of the deadline year.
    assert ("2024-11-02", "2028-01-01") in bars
    assert ("2024-11-02", "2036-01-01") in bars
    bar_trace = next(t for t in linear["data"] if t.get("name") == "bar")
    assert bar_trace["line"]["dash"] == "dash"


def test_planned_and_target_look_different_from_what_happened(linear):
    ev = _trace(linear, "events")
    sym = dict(zip(_ids(ev), ev["marker"]["symbol"], strict=True))
    assert not sym["e3"].endswith("-open")            # happened: filled
    assert sym["e4"].endswith("-open")                # target: hollow
    assert sym["e8"].endswith("-open")                # planned: hollow
    assert sym["e8"].startswith("triangle-right")     # "after the Tokyo talks": open to the right


def test_events_with_warnings_carry_a_visible_mark(linear):
    ring = _trace(linear, "warning")
    assert sorted(_ids(ring)) == ["e1", "e2"]
    labels = [a["text"] for a in linear["layout"]["annotations"] if "⚠" in a["text"]]
    assert len(labels) == 2


def test_hover_has_title_dates_precision_status_actors_and_warnings(linear):
    ev = _trace(linear, "events")
    row = next(r for r in ev["customdata"] if r[0] == "e2")
    text = ev["hovertemplate"]
    for i, value in enumerate(row):
        text = text.replace(f"%{{customdata[{i}]}}", str(value))
    assert "SPA instruments of ratification exchanged" in text
    assert "Friday (November 2, 2024)" in text          # as written
    assert "2024-11-01 (day)" in text                   # as normalized, with its precision
    assert "Status: happened" in text
    assert "Josep Borrell" in text
    assert "was a Saturday" in text


@pytest.mark.parametrize(("lanes", "expected"), [
    ("category", {"Engage in diplomatic cooperation", "Exhibit military posture", "Consult",
                  "Make public statement", "Engage in material cooperation"}),
    ("actor", {"Josep Borrell", "North Korea", "Japan", "Shigeru Ishiba", "Fumio Kishida"}),
    ("status", {"happened", "target", "planned"}),
    ("source", {"eu-japan-partnership-2024.txt"}),
])
def test_lanes_switch(sample, lanes, expected):
    fig = figure_dict(sample, lanes=lanes)
    assert set(fig["layout"]["yaxis"]["ticktext"]) == expected


def test_colours_come_from_a_colour_blind_safe_palette(sample):
    fig = figure_dict(sample)
    okabe_ito = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#B8A000"}
    assert set(_trace(fig, "events")["marker"]["color"]) <= okabe_ito


def test_labels_do_not_collide(sample):
    """Five events within three days: same-lane labels go to different rows."""
    fig = figure_dict(sample, scale="collapsed")
    ann = [a for a in fig["layout"]["annotations"] if "yref" not in a]
    assert "2027" in fig["layout"]["xaxis"]["ticktext"]          # each stretch is named
    assert len(ann) == len(sample)
    x_span = fig["layout"]["xaxis"]["range"][1] - fig["layout"]["xaxis"]["range"][0]
    px_per_unit = (860 - fig["layout"]["margin"]["l"] - 40) / x_span
    boxes = [(a["y"], a["x"], a["x"] + (len(a["text"].split("</span> ")[-1]) * 6.6 + 14) / px_per_unit)
             for a in ann]
    for i, (y1, a1, b1) in enumerate(boxes):
        for y2, a2, b2 in boxes[i + 1:]:
            assert y1 != y2 or b1 <= a2 or b2 <= a1, (boxes[i], (y2, a2, b2))


def test_collapsed_scale_gives_the_busy_week_room_and_labels_the_cuts(sample):
    fig = figure_dict(sample, scale="collapsed")
    cuts = [a["text"] for a in fig["layout"]["annotations"] if a.get("name") == "cut"]
    assert len(cuts) == 3 and any("yr" in c for c in cuts)   # ... including the years before 2035
    assert len([s for s in fig["layout"]["shapes"] if s["type"] == "rect"]) == 3
    ev = _trace(fig, "events")
    x = dict(zip(_ids(ev), ev["x"], strict=True))
    lo, hi = fig["layout"]["xaxis"]["range"]
    # Thursday 31 Oct and Friday 1 Nov are clearly apart at the app's ~900 px (a plain axis
    # from April 2024 to 2035 would put them 0.15 px apart)...
    plot_px = 860 - fig["layout"]["margin"]["l"] - 40
    assert (x["e1"] - x["e3"]) / (hi - lo) * plot_px >= 8
    # ...and 2035, eleven years later, is still on screen.
    assert lo <= x["e5"] <= hi


def test_linear_scale_opens_on_the_densest_stretch_with_an_overview(sample):
    fig = figure_dict(sample, scale="linear", show_overview=True)
    # As the browser gets it (numpy datetimes would arrive as integer nanoseconds).
    fig = json.loads(to_json_plotly(fig))
    lo, hi = (pd.Timestamp(v) for v in fig["layout"]["xaxis"]["range"])
    assert lo <= pd.Timestamp("2024-10-31") and pd.Timestamp("2024-11-02") <= hi
    assert hi < pd.Timestamp("2025-06-01")            # not squeezed by 2035
    slider = fig["layout"]["xaxis"]["rangeslider"]
    assert slider["visible"] and pd.Timestamp(slider["range"][1]) >= pd.Timestamp("2035-12-31")


def test_print_theme_has_everything_on_the_page(sample):
    fig = figure_dict(sample, theme="print", title="EU–Japan")
    layout = fig["layout"]
    assert layout["paper_bgcolor"] == "#ffffff" and layout["font"]["color"] == "#000000"
    assert "rangeslider" not in layout["xaxis"]       # no interactive strip on paper
    assert all(t.get("hoverinfo") == "skip" for t in fig["data"] if t.get("x") is not None
               and len(t["x"]) and t["x"][0] is not None)
    texts = " ".join(a["text"] for a in layout["annotations"])
    assert "by 2027" in texts and "2024-W43" in texts  # the dates are in the labels
    assert "was a Saturday" in texts                  # warnings are in a footnote
    assert layout["width"] == 1000


@pytest.mark.parametrize("width", [800, 1000, 1200, 1600])
def test_print_text_is_at_least_8_pt_on_a_page_whatever_the_width(sample, width):
    """Printed 16 cm (454 pt) wide, labels are 8 pt or more and lane names larger."""
    layout = figure_dict(sample, theme="print", width=width)["layout"]
    labels = [a for a in layout["annotations"] if "yref" not in a]
    assert min(a["font"]["size"] for a in labels) * 454 / width >= 8
    assert layout["yaxis"]["tickfont"]["size"] > labels[0]["font"]["size"]
    # Long lane names wrap onto two lines instead of eating the plot's width.
    assert "Engage in diplomatic<br>cooperation" in layout["yaxis"]["ticktext"]


def test_print_labels_near_the_right_edge_are_cut_not_lost(sample):
    layout = figure_dict(sample, theme="print", width=1200)["layout"]
    texts = [a["text"] for a in layout["annotations"] if "yref" not in a]
    fighter = next(t for t in texts if "by 2035" in t)
    # Cut with an ellipsis, the date kept whole on its own line.
    assert fighter.startswith("New fighter jet") and "…<br>by 2035" in fighter
    # On screen the hover has the whole title.
    ev = _trace(figure_dict(sample), "events")
    assert any(r[1] == "New fighter jet with Italy and Britain ready" for r in ev["customdata"])


def test_a_label_without_room_on_the_right_goes_left():
    parts = [("Talks resume in Geneva", ""), ("Ceasefire signed", "2025-03-01")]
    labels, left = _fit_labels(parts, room_right=[30.0, 400.0], room_left=[500.0, 10.0], char_px=8.0)
    assert left == [True, False]
    assert labels == ["Talks resume in Geneva", "Ceasefire signed<br>2025-03-01"]
    # Not enough room on either side: cut to a readable minimum with an ellipsis.
    labels, left = _fit_labels([("A very long event title indeed", "")], [90.0], [60.0], 8.0)
    assert labels[0].endswith("…") and len(labels[0]) == 14 and left == [False]


def test_selected_event_is_ringed(sample):
    fig = figure_dict(sample, selected_id="e3")
    sel = _trace(fig, "selected")
    ev = _trace(fig, "events")
    assert sel["x"][0] == ev["x"][_ids(ev).index("e3")]


def test_hostile_text_is_escaped(sample):
    rows = sample_rows()
    rows[0]["title"] = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    fig = figure_dict(make_table(rows))
    blob = repr(fig)
    assert "<script>" not in blob and "<img" not in blob
    assert "&lt;script&gt;" in blob


def test_empty_and_undated_tables_say_so():
    empty = figure_dict(empty_table())
    assert "No dated events" in empty["layout"]["annotations"][0]["text"]
    rows = sample_rows()
    rows[2].update(start=None, end=None, date_value="XXXX-04", precision="")
    fig = figure_dict(make_table(rows))
    notes = [a["text"] for a in fig["layout"]["annotations"] if "without a usable date" in a["text"]]
    assert notes and notes[0].startswith("1 event ")
    assert "e3" not in _ids(_trace(fig, "events"))


def test_ten_thousand_events_use_few_traces_and_no_labels():
    df = synthetic_events(10_000)
    fig = figure_dict(df)
    assert len(fig["data"]) < 60
    assert len(_trace(fig, "events")["x"]) == 10_000
    assert len(df) > LABEL_LIMIT and not any("yref" not in a for a in fig["layout"]["annotations"])


def test_build_figure_is_a_valid_plotly_figure(sample):
    fig = build_figure(sample, lanes="actor", scale="linear", theme="print", width=1000, height=600)
    assert fig.layout.width == 1000 and fig.layout.height == 600
    assert fig.to_dict()["data"]


def test_bad_options_are_refused(sample):
    with pytest.raises(ValueError, match="lanes"):
        figure_dict(sample, lanes="colour")
    with pytest.raises(ValueError, match="scale"):
        figure_dict(sample, scale="log")


def test_densest_window():
    t = pd.Series(pd.to_datetime(["2024-04-15", "2024-10-24", "2024-10-31", "2024-11-01",
                                  "2024-11-01", "2027-07-01", "2035-07-01"]))
    lo, hi = densest_window(t, share=0.5)
    assert lo == pd.Timestamp("2024-10-24") and hi == pd.Timestamp("2024-11-01")


def _decoded(value):
    """A trace array as plotly.js reads it: a typed-array spec is base64 of float64."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype="<" + value["dtype"])
    return np.asarray(value)


def test_for_browser_sends_the_same_numbers_as_typed_arrays():
    fig = figure_dict(synthetic_events(3_000))
    sent = for_browser(fig)
    text = to_json_plotly(sent)
    assert "NaN" not in text  # the segments' gaps travel inside the binary arrays
    for before, after in zip(fig["data"], sent["data"], strict=True):
        for key in ("x", "y"):
            if isinstance(before.get(key), np.ndarray) and before[key].dtype.kind == "f":
                assert isinstance(after[key], dict) and after[key]["dtype"] in ("i1", "i2", "f4", "f8")
                # x values are sent to 4 decimals (rounded before); rows exactly.
                np.testing.assert_allclose(_decoded(after[key]), before[key], rtol=0, atol=5e-5)
            else:
                assert after.get(key) is before.get(key)
    ev = _trace(json.loads(text), "events")
    assert len(ev["customdata"]) == 3_000 and _ids(ev) == _ids(_trace(fig, "events"))


def test_many_events_hovers_are_escaped_and_shortened():
    df = make_table(synthetic_events(LABEL_LIMIT + 50))
    long_title = "Talks on <script>alert(1)</script> & trade " + "in detail " * 10
    df["title"] = [long_title if i % 2 else "" for i in range(len(df))]
    df["date_mod"] = ["ON_OR_BEFORE" if i % 3 == 0 else "" for i in range(len(df))]
    df["warnings"] = [["a <b>doubtful</b> weekday"] if i % 5 == 0 else [] for i in range(len(df))]
    ev = _trace(figure_dict(df), "events")
    rows = {str(r[0]): r for r in ev["customdata"]}
    for i, eid in enumerate(df["event_id"]):
        title, _written, normalized, _status, extra = rows[eid][1:]
        if i % 2:
            assert "<script>" not in title and "&lt;script&gt;" in title and "&amp;" in title
            assert title.endswith("…") and len(title.replace("&lt;", "<").replace("&gt;", ">")
                                                .replace("&amp;", "&")) == 60
        else:
            assert title == "(untitled)"
        assert normalized.startswith("by ") == (i % 3 == 0)
        assert extra == ("<br>⚠ a &lt;b&gt;doubtful&lt;/b&gt; weekday" if i % 5 == 0 else "")
