"""The timeline as a plotly Figure: a pure function of an event table and options.

Honesty rules drawn here (the reason this module exists):

- a day-precision date is a point; a week, month or year is a translucent band over
  the whole interval, never a point on an invented day;
- a deadline ("by 2027") is an open bar that ends at the deadline, an "after X" date an
  arrow that starts at X;
- planned and target events are hollow and dashed, what happened is filled;
- an event with warnings carries a visible warning mark, and the warning text is in
  the hover (and, in the print theme, in a footnote, since paper has no hover).

The "collapsed" scale cuts long empty stretches (April 2024 ... 2035 with most events
in one week would otherwise squeeze that week into a pixel) and labels each cut.

The print theme (PNG/SVG/PDF exports) sizes its text from the figure's width so that it
is 8 pt or more when the figure fills the text width of an A4 page, wraps long lane
names, gives each label its date on a second line, and cuts a label that would run past
the plot's edge (with "…"; the table has the whole text).

Performance: traces are few (one per marker style, one per lane colour and band style),
never one per event, so 10,000 events draw quickly; the per-event work (geometry, lanes,
hover text) is done on whole columns, not in a Python loop per event, since the app
redraws on every filter change.
"""

from __future__ import annotations

import base64
import html
import math
import re
import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .table import COLUMNS, make_table

#: Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#B8A000",
)
WARNING_COLOUR = "#FFB000"
LANE_OPTIONS = ("category", "actor", "source", "status")
SCALE_OPTIONS = ("collapsed", "linear")
THEME_OPTIONS = ("light", "print")

POINT_PRECISIONS = frozenset({"minute", "hour", "day"})
DEADLINE_MODS = frozenset({"ON_OR_BEFORE", "BEFORE"})
OPEN_END_MODS = frozenset({"AFTER", "ON_OR_AFTER"})
PLANNED = frozenset({"planned", "target"})
MOD_WORDS = {
    "ON_OR_BEFORE": "by", "BEFORE": "before", "AFTER": "after", "ON_OR_AFTER": "from",
    "START": "early", "MID": "mid", "END": "late", "APPROX": "about",
}
#: Above this many events, labels would be noise: markers and hover only.
LABEL_LIMIT = 150
MAX_ROWS_PER_LANE = 6
#: The view widens by at most this share of the plot to make room for the last labels.
MAX_WIDEN = 0.4
#: Above this many events, markers are drawn with WebGL.
GL_THRESHOLD = 1500
DAY_NS = 86_400_000_000_000


@dataclass
class _Theme:
    paper: str
    plot: str
    font: str
    font_size: int
    label_size: int
    grid: str
    band_opacity: float
    marker: int = 13
    row_px: int = 30  # height of one label row
    lane_chars: int = 34  # lane names longer than this are shortened (print: wrapped)


_THEMES = {
    "light": _Theme("#ffffff", "#fbfbfd", "#1f2328", 12, 11, "#e6e8eb", 0.28),
    "print": _Theme("#ffffff", "#ffffff", "#000000", 15, 13, "#d0d0d0", 0.35),
}
_FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
#: Average width of a character in em (DejaVu Sans is wide; over-estimating keeps labels in).
CHAR_EM = 0.64
#: Print figures are placed at the text width of an A4 page (16 cm, 454 pt). Labels then
#: come out at 8 pt or more whatever the exported width: 454 pt / 56 = 8.1 pt per 1/56.
PRINT_WIDTH_PER_LABEL_PX = 56


def _theme(theme: str, px_width: int) -> _Theme:
    """The theme's colours and sizes; print sizes follow the figure's width (see above)."""
    th = _THEMES[theme]
    if theme != "print":
        return th
    label = max(th.label_size, math.ceil(px_width / PRINT_WIDTH_PER_LABEL_PX))
    return _Theme(th.paper, th.plot, th.font, font_size=max(th.font_size, round(label * 1.1)),
                  label_size=label, grid=th.grid, band_opacity=th.band_opacity,
                  marker=round(label * 1.05), row_px=round(label * 2.9), lane_chars=44)


def build_figure(events: pd.DataFrame, **options) -> go.Figure:
    """The timeline as a plotly Figure; see :func:`figure_dict` for the options.

    ``lanes``: one row of the chart per category, first actor, source or status.
    ``scale``: "collapsed" cuts long empty stretches, "linear" is a plain calendar axis
    that opens on the densest stretch. ``theme="print"`` is white, black, larger and
    carries everything on the page (no hover-only information, no overview strip).
    ``show_overview`` adds an overview strip (range slider) linked to the main view.
    """
    return go.Figure(figure_dict(events, **options))


def figure_dict(
    events: pd.DataFrame,
    *,
    lanes: str = "category",
    scale: str = "collapsed",
    theme: str = "light",
    title: str | None = None,
    width: int | None = None,
    height: int | None = None,
    show_overview: bool = True,
    selected_id: str | None = None,
) -> dict:
    """The figure as a plain plotly dict (numpy arrays inside, no validation).

    The app sends this to the browser through :func:`for_browser`: validating 10,000
    points through ``plotly.graph_objects`` costs seconds, building the dict milliseconds.
    """
    if lanes not in LANE_OPTIONS:
        raise ValueError(f"lanes must be one of {', '.join(LANE_OPTIONS)}, not {lanes!r}")
    if scale not in SCALE_OPTIONS:
        raise ValueError(f"scale must be one of {', '.join(SCALE_OPTIONS)}, not {scale!r}")
    if theme not in THEME_OPTIONS:
        raise ValueError(f"theme must be one of {', '.join(THEME_OPTIONS)}, not {theme!r}")
    printing = theme == "print"
    overview = show_overview and not printing
    df = events if all(c in events.columns for c in COLUMNS) else make_table(events)

    geo = _geometry(df)
    fig = _Spec()
    dated = geo[geo["dated"]]
    undated = int((~geo["dated"]).sum())
    # Layout arithmetic needs a width; the app's chart is about 880 px wide at 1280x800.
    px_width = width or (1000 if printing else 860)
    th = _theme(theme, px_width)

    if dated.empty:
        fig.add_annotation(
            text="No dated events to draw" if len(df) == 0 else
            f"None of the {len(df)} events has a usable date: see the table",
            showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5,
            font={"size": th.font_size + 2, "color": th.font},
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        _layout(fig, th, title, width or (px_width if printing else None), height or 320, printing)
        return fig.to_dict()

    sc = _Scale.build(dated, scale)
    lane_order, lane_of = _lanes(dated, lanes)
    lane_ids = range(len(lane_order))

    x_anchor = sc.to_x(dated["anchor"].to_numpy())
    x_b0 = sc.to_x(dated["band_start"].to_numpy())
    x_b1 = sc.to_x(dated["band_end"].to_numpy())
    x_open0 = sc.to_x(dated["open_start"].to_numpy())
    x_open1 = sc.to_x(dated["open_end"].to_numpy())
    x_after = sc.to_x(dated["after_at"].to_numpy())
    view0, view1 = sc.view_range(dated, focus=overview)
    span_units = max(sc.units(view1) - sc.units(view0), 1e-9)
    # Lane names get at most 30% of the width (a narrow window needs its time axis).
    max_margin = px_width * 0.3 if printing or px_width < 700 else 280
    lane_chars = th.lane_chars if printing else min(
        th.lane_chars, int((max_margin - 24) / (th.font_size * 0.62)))
    lane_names = [_lane_text(lane_name(k), lane_chars, printing) for k in lane_order]
    longest = max(len(line) for n in lane_names for line in n.split("<br>"))
    margin_left = int(min(max_margin, max(90, longest * th.font_size * 0.62 + 24)))
    plot_px = px_width - margin_left - 40
    px_per_unit = plot_px / span_units

    status = dated["status"].fillna("").astype(str).to_numpy()
    hollow = np.isin(status, list(PLANNED))
    is_band = dated["is_band"].to_numpy()
    is_after = dated["is_after"].to_numpy()
    is_deadline = dated["is_deadline"].to_numpy()
    # The clickable handle: a point at the day, the band's middle, the deadline itself.
    x_handle = np.where(is_deadline, x_open1, np.where(is_band, _mid(x_b0, x_b1, sc), x_anchor))
    x_handle = np.where(is_after, x_after, x_handle)
    warned = dated["warnings"].map(len).to_numpy() > 0

    show_labels = len(dated) <= LABEL_LIMIT
    parts = [
        _label_parts(r, printing) for r in _records(dated, ("title", "date_text", "date_value", "date_mod"))
    ] if show_labels else []
    occ0 = np.fmin(sc.units_array(x_b0), np.nan_to_num(sc.units_array(x_open0), nan=np.inf))
    occ1 = np.fmax(sc.units_array(x_b1), np.nan_to_num(sc.units_array(x_open1), nan=-np.inf))
    x_units = sc.units_array(x_handle)  # labels start beside the handle
    char_px = th.label_size * CHAR_EM
    # A label starts clear of its mark, or of the wider warning ring.
    gap_px = np.where(warned, th.marker * 0.85 + 4, th.marker / 2 + 6)
    extra_px = gap_px + 4 + np.where(warned, 2 * th.label_size, 0)  # gap, ⚠ and slack
    if show_labels:  # widen the view so that the last labels are not cut off
        u0, u1 = sc.units(view0), sc.units(view1)
        inside = (x_units >= u0) & (x_units <= u1)
        label_px = np.array([_label_chars(p) * char_px for p in parts]) + extra_px
        over = ((x_units - u1) * px_per_unit + label_px)[inside]
        over_px = float(min(over.max(), plot_px * MAX_WIDEN)) if over.size else 0.0
        if over_px > 0:
            extra = over_px * (u1 - u0) / (plot_px - over_px)
            view1 = sc.shift(view1, extra)
            px_per_unit = plot_px / (u1 + extra - u0)
        # What still does not fit is shortened (or put left of its mark); hover and table
        # keep the whole text.
        room_right = (sc.units(view1) - x_units) * px_per_unit - extra_px
        room_left = (x_units - sc.units(view0)) * px_per_unit - extra_px
        # Off the opening view (panned to later): no edge to fit, keep the usual length.
        seen = (x_units >= sc.units(view0)) & (x_units <= sc.units(view1))
        room_right = np.where(seen, room_right, np.inf)
        labels, left = _fit_labels(parts, room_right, room_left, char_px)
        rows, lane_rows = _pack_rows(
            lane_of.tolist(), lane_ids, x_units, occ0, occ1, labels, left, px_per_unit, char_px,
            # Paper has no hover: more rows rather than a label dropped.
            max_rows=MAX_ROWS_PER_LANE * (2 if printing else 1),
        )
    else:  # markers only: one row per lane (overlaps are expected at this density)
        labels, left = [""] * len(dated), [False] * len(dated)
        rows, lane_rows = np.zeros(len(dated), dtype=int), dict.fromkeys(lane_ids, 1)
    lane_base = []
    base = 0
    for k in lane_ids:
        lane_base.append(base)
        base += lane_rows[k] + 1  # one empty row between lanes
    y = (np.array(lane_base, dtype=int)[lane_of] + np.asarray(rows, dtype=int)).astype(float)

    lane_colours = [PALETTE[k % len(PALETTE)] for k in lane_ids]
    colour = np.array(lane_colours, dtype=object)[lane_of]

    # Bands and bars: lines grouped by colour and style (solid/dashed), None-separated.
    for c in dict.fromkeys(lane_colours):  # each colour once, in lane order
        in_lane = colour == c
        for dashed in (False, True):
            sel = in_lane & (hollow == dashed)
            band = sel & is_band
            if band.any():
                # Planned/target bands are fainter; their dashed bar and hollow handle say why.
                fig.add_trace(_segments(x_b0[band], x_b1[band], y[band], c, round(th.marker * 0.85),
                                        th.band_opacity * (0.55 if dashed else 1), "solid", "band"))
            bar = sel & ~np.isnat(dated["open_start"].to_numpy())
            if bar.any():
                fig.add_trace(_segments(x_open0[bar], x_open1[bar], y[bar], c,
                                        max(2, round(th.marker / 7)), 0.9, "dash", "bar"))

    hover = None if printing else _hovers(dated, brief=not show_labels)
    ids = dated["event_id"].astype(str).to_numpy()
    symbols = np.where(
        is_band, np.where(hollow, "square-open", "square"),
        np.where(hollow, "circle-open", "circle"),
    )
    symbols = np.where(is_after, "triangle-right-open", symbols)
    symbols = np.where(is_deadline, np.where(hollow, "line-ns-open", "line-ns"), symbols)
    # Thousands of SVG markers (twice, with the overview strip) take seconds to draw;
    # WebGL draws them in milliseconds. Paper (print) always gets SVG.
    marker_type = "scattergl" if len(dated) > GL_THRESHOLD and not printing else "scatter"
    clip = {} if marker_type == "scattergl" else {"cliponaxis": False}
    fig.add_trace(_scatter(
        type=marker_type, x=_out(x_handle, sc), y=y, mode="markers",
        marker={"symbol": symbols.tolist(), "color": colour.tolist(), "size": th.marker,
                "line": {"width": 2, "color": colour.tolist()}},
        **_hover_props(ids, hover, printing),
        name="events", showlegend=False, **clip,
    ))
    if warned.any():
        # A doubtful date wears an amber ring (and its label a ⚠), whatever its lane colour.
        fig.add_trace(_scatter(
            type=marker_type, x=_out(x_handle[warned], sc), y=y[warned], mode="markers",
            marker={"symbol": "circle-open", "color": WARNING_COLOUR, "size": round(th.marker * 1.7),
                    "line": {"width": 3.5, "color": WARNING_COLOUR}},
            **_hover_props(ids[warned], None if hover is None else hover[warned], printing),
            name="warning", showlegend=False, **clip,
        ))
    if show_labels:
        # Annotations, not trace text: they stay out of the overview strip and carry no hover.
        for i in np.flatnonzero(np.array([bool(t) for t in labels])):
            text = labels[i]
            if warned[i]:
                text = f'<span style="color:#B26A00">⚠</span> {text}'
            fig.add_annotation(
                x=_out(x_handle[i : i + 1], sc)[0], y=y[i], text=text, showarrow=False,
                xanchor="right" if left[i] else "left", xshift=(-1 if left[i] else 1) * round(gap_px[i]),
                font={"size": th.label_size, "color": th.font}, align="right" if left[i] else "left",
            )
    if selected_id is not None and (ids == str(selected_id)).any():
        i = int(np.flatnonzero(ids == str(selected_id))[0])
        fig.add_trace(_scatter(
            x=_out(x_handle[i : i + 1], sc), y=y[i : i + 1], mode="markers", hoverinfo="skip",
            marker={"symbol": "circle-open", "size": round(th.marker * 2), "color": th.font,
                    "line": {"width": 3}},
            name="selected", showlegend=False,
        ))
    _legend(fig, th)

    # Lanes: names on the y axis, thin separators between them.
    ticks = [lane_base[k] + (lane_rows[k] - 1) / 2 for k in lane_ids]

    total_rows = base - 1
    for k in lane_ids[1:]:
        fig.add_hline(y=lane_base[k] - 1, line={"color": th.grid, "width": 1})
    fig.update_yaxes(
        tickvals=ticks, ticktext=lane_names,
        range=[total_rows + 0.8, -1.0], showgrid=False, zeroline=False, fixedrange=True,
        showline=False, ticks="",
        tickfont={"size": th.font_size},
    )
    sc.decorate(fig, th, view0, view1, px_per_unit)
    if overview:
        full0, full1 = sc.view_range(dated, focus=False)
        if sc.kind == "collapsed":
            full1 = max(full1, view1)
        fig.update_xaxes(rangeslider={"visible": True, "thickness": 0.1, "bgcolor": "#f0f2f5",
                                      "range": [sc.plain(full0), sc.plain(full1)],
                                      "autorange": False})
    notes = []
    if undated:
        notes.append(f"{undated} event{'s' if undated > 1 else ''} without a usable date "
                     "(listed in the table)")
    note_size = th.label_size if printing else th.font_size - 1
    # Printed notes use the page's whole width, from under the lane names.
    note_x = -(margin_left - 12) / plot_px if printing else 0
    if printing and warned.any():
        chars = int((px_width - 24) / (note_size * CHAR_EM * 0.92))
        notes.extend(_footnotes(dated[warned], chars))
    note_px = round(note_size * 1.4)
    tick_px = 2 * th.font_size + 20  # two-line tick labels under the axis
    # The y range is total_rows + 1.8 rows high; the bottom margin is set in _layout.
    auto_h = (_top(th, title, printing, plot_px) + th.row_px * (total_rows + 1.8) + tick_px + 30
              + (70 if overview else 0) + note_px * len(notes))
    _layout(fig, th, title, width or (px_width if printing else None), height or max(int(auto_h), 340),
            printing, bottom=tick_px + note_px * len(notes), left=margin_left, plot_px=plot_px)
    if notes:
        fig.add_annotation(
            text="<br>".join(notes), showarrow=False, xref="paper", yref="paper", x=note_x, y=0,
            yshift=-(tick_px + 10 + (60 if overview else 0)), xanchor="left", yanchor="top",
            align="left", font={"size": note_size, "color": th.font},
        )
    return fig.to_dict()


def for_browser(fig: dict) -> dict:
    """The figure as the app sends it: numeric trace arrays as plotly.js typed arrays.

    Base64 of small binary numbers instead of decimal text: fewer bytes, encoded in
    microseconds, and the NaN that separate segments need no JSON detour (plotly's
    encoder re-parses its whole output when it meets a NaN).
    """
    return {"data": [_typed_arrays(t) for t in fig["data"]], "layout": fig["layout"]}


def _typed_arrays(trace: dict) -> dict:
    out = dict(trace)
    for key in ("x", "y"):
        v = out.get(key)
        if isinstance(v, np.ndarray) and v.dtype.kind in "fiu" and v.size:
            out[key] = _typed(v.astype(float))
    return out


def _typed(v: np.ndarray) -> dict:
    """The smallest plotly.js typed array that holds ``v`` as sent so far: whole rows as
    int8/int16, else float32 when it keeps the 4 decimals that x values are rounded to."""
    finite = np.isfinite(v)
    if finite.all() and (v == np.round(v)).all():
        for code, kind in (("i1", "<i1"), ("i2", "<i2")):
            info = np.iinfo(kind)
            if info.min <= v.min() and v.max() <= info.max:
                return {"dtype": code, "bdata": base64.b64encode(v.astype(kind)).decode("ascii")}
    v32 = v.astype("<f4")
    code, data = ("f4", v32) if np.allclose(v32, v, rtol=0, atol=5e-5, equal_nan=True) else ("f8", v.astype("<f8"))
    return {"dtype": code, "bdata": base64.b64encode(data).decode("ascii")}


# ---------------------------------------------------------------- geometry


def _geometry(df: pd.DataFrame) -> pd.DataFrame:
    """Where each event sits in time: its handle, its band and its open bar (if any).

    Plain numpy on datetime64 arrays: it runs for every event on every filter change.
    """
    start = _ns(df["start"])
    end = _ns(df["end"])
    end = np.where(~np.isnat(end) & (end >= start), end, start)
    precision = df["precision"].fillna("").astype(str)
    mod = df["date_mod"].fillna("").astype(str).to_numpy(dtype=object)
    day_floor = _floor_day(start)
    one_day = np.timedelta64(1, "D")
    end_excl = _floor_day(end) + one_day
    is_point = precision.isin(POINT_PRECISIONS).to_numpy() | (end_excl - day_floor <= one_day)
    exact_time = precision.isin({"minute", "hour"}).to_numpy()
    published = _ns(pd.to_datetime(
        df["published"].fillna("").astype(str).str.slice(0, 10), errors="coerce", format="%Y-%m-%d"
    ))
    deadline = np.isin(mod, list(DEADLINE_MODS))
    after = np.isin(mod, list(OPEN_END_MODS))
    # "by 2027": from when it was said (or the interval's start) up to the deadline.
    limit = np.where(mod != "BEFORE", end_excl, day_floor)
    open_from = np.where(~np.isnat(published) & (published < limit), published, day_floor)
    nat = np.datetime64("NaT", "ns")
    geo = {
        "dated": ~np.isnat(start),
        "is_band": ~is_point,
        # A day is drawn at its middle so that it sits inside its own calendar cell.
        "anchor": np.where(exact_time, start, day_floor + np.timedelta64(12, "h")),
        "band_start": day_floor,
        "band_end": end_excl,
        "open_start": np.where(deadline, open_from, nat),
        "open_end": np.where(deadline, limit, nat),
        # "after the Tokyo talks": starts where the anchor ends, open to the right.
        "after_at": np.where(after, np.where(mod == "AFTER", end_excl, day_floor), nat),
        "is_deadline": deadline,
        "is_after": after,
    }
    # A deadline's band is the deadline itself, drawn as a band only if wider than a day.
    return pd.concat([df.drop(columns=[c for c in geo if c in df.columns]),
                      pd.DataFrame(geo, index=df.index)], axis=1)


def _ns(values) -> np.ndarray:
    """Datetimes as a datetime64[ns] array (anything unreadable is NaT)."""
    return pd.to_datetime(values, errors="coerce").to_numpy(dtype="datetime64[ns]")


def _floor_day(t: np.ndarray) -> np.ndarray:
    """Midnight of each datetime (numpy floors, also before 1970)."""
    return t.astype("datetime64[D]").astype("datetime64[ns]")


def _lanes(df: pd.DataFrame, lanes: str) -> tuple[list[str], np.ndarray]:
    """The lanes in order of their first event, so the chart reads top-left to bottom-right,
    and each event's lane as an index into them."""
    codes, keys = pd.factorize(_lane_keys(df, lanes))
    first = np.full(len(keys), np.iinfo(np.int64).max)
    np.minimum.at(first, codes, df["anchor"].to_numpy("datetime64[ns]").astype("int64"))
    order = sorted(range(len(keys)), key=lambda k: (first[k], keys[k]))
    rank = np.empty(len(order), dtype=np.intp)
    rank[order] = np.arange(len(order))
    return [keys[k] for k in order], rank[codes]


def _lane_keys(df: pd.DataFrame, lanes: str) -> np.ndarray:
    """Each event's lane name (an object array of str)."""
    if lanes == "actor":
        return np.array([a[0] if len(a) else "(no actor)" for a in df["actors"]], dtype=object)
    if lanes == "source":
        s = df["source"].fillna("").astype(str)
        codes, names = pd.factorize(s)  # a few sources, thousands of events
        return np.array([source_name(n) for n in names], dtype=object)[codes]
    col, missing = ("status", "(unknown)") if lanes == "status" else ("category", "(uncategorized)")
    return _text(df, col, missing).to_numpy(dtype=object)


def source_name(source: str) -> str:
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or "(unknown source)"


def _pack_rows(keys, order, x, occ0, occ1, labels, on_left, px_per_unit, char_px,
               max_rows=MAX_ROWS_PER_LANE):
    """Greedy interval packing of labels inside each lane so that they do not collide."""
    n = len(keys)
    rows = [0] * n
    lane_rows = dict.fromkeys(order, 1)
    by_lane: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        by_lane.setdefault(k, []).append(i)
    for k, idx in by_lane.items():
        idx.sort(key=lambda i: x[i])
        ends: list[float] = []
        for i in idx:
            w = (_text_chars(labels[i]) * char_px + 2 * LABEL_GAP) / px_per_unit
            if on_left[i]:
                left = min(x[i] - w, occ0[i]) - 10 / px_per_unit
                right = max(x[i], occ1[i]) + 6 / px_per_unit
            else:
                left = min(x[i], occ0[i]) - 10 / px_per_unit
                right = max(x[i] + w, occ1[i] + 6 / px_per_unit)
            for r, e in enumerate(ends):
                if e <= left:
                    ends[r] = right
                    rows[i] = r
                    break
            else:
                if len(ends) < max_rows:
                    ends.append(right)
                    rows[i] = len(ends) - 1
                else:  # crowded: reuse the row that frees first, drop the label (hover keeps it)
                    r = int(np.argmin(ends))
                    ends[r] = max(ends[r], x[i] + 14 / px_per_unit)
                    rows[i] = r
                    labels[i] = ""
        lane_rows[k] = max(1, len(ends))
    return rows, lane_rows


#: Pixels between a mark and its label.
LABEL_GAP = 13
#: Labels are cut to this many characters (the hover and the table have the whole text).
LABEL_CHARS = 36
#: A label that would have fewer characters than this beside its mark goes to the other side.
MIN_LABEL_CHARS = 14


def _label_parts(r, printing: bool) -> tuple[str, str]:
    """A label's event text and, on paper (no hover there), its date on a second line."""
    text = str(r.title or r.date_text or r.date_value)
    if not printing:
        return text, ""
    word = MOD_WORDS.get(r.date_mod or "", "")
    return text, f"{word + ' ' if word else ''}{r.date_value}"


def _label_chars(part: tuple[str, str], n: int = LABEL_CHARS) -> int:
    return max(min(len(part[0]), n), len(part[1]))


def _text_chars(label: str) -> int:
    """Visible characters of the widest line of a label (as built by ``_fit_labels``)."""
    return max((len(html.unescape(line)) for line in label.split("<br>")), default=0)


def _fit_labels(parts, room_right, room_left, char_px) -> tuple[list[str], list[bool]]:
    """Label texts cut to the room beside their mark (in px), and which go on the left.

    A label goes left of its mark only when the right side has too little room and the
    left side more; a cut label ends with "…".
    """
    labels, left = [], []
    for (text, date), right_px, left_px in zip(parts, room_right, room_left, strict=True):
        fits_right = int(min(right_px, 1e6) // char_px)
        fits_left = int(left_px // char_px)
        go_left = fits_right < min(_label_chars((text, date)), MIN_LABEL_CHARS) and fits_left > fits_right
        n = min(LABEL_CHARS, max(fits_left if go_left else fits_right, MIN_LABEL_CHARS))
        label = _esc(_short(text, n))
        if date:
            label += "<br>" + _esc(date)
        labels.append(label)
        left.append(bool(go_left))
    return labels, left


def _mid(a, b, sc):
    if sc.kind == "linear":
        return a + (b - a) / 2
    return (a + b) / 2


def _out(x, sc):
    """x values as sent to the browser: rounded units, or minute-precision date strings
    (full nanosecond ISO strings would double the payload for nothing)."""
    if sc.kind == "collapsed":
        return np.round(np.asarray(x, dtype=float), 4)
    return np.datetime_as_string(np.asarray(x, dtype="datetime64[m]"), unit="m")


def _segments(x0, x1, y, colour, width, opacity, dash, name):
    """Many horizontal segments as one line trace, separated by gaps (NaN / NaT)."""
    n = len(x0)
    gap = np.datetime64("NaT") if np.asarray(x0).dtype.kind == "M" else np.nan
    xs = np.empty(3 * n, dtype=np.asarray(x0).dtype)
    xs[0::3], xs[1::3], xs[2::3] = x0, x1, gap
    ys = np.empty(3 * n, dtype=float)
    ys[0::3], ys[1::3], ys[2::3] = y, y, np.nan
    xs = xs if xs.dtype.kind != "M" else np.datetime_as_string(xs.astype("datetime64[m]"), unit="m")
    xs = np.round(xs, 4) if xs.dtype.kind == "f" else xs
    return _scatter(
        x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False, name=name,
        line={"color": colour, "width": width, "dash": dash}, opacity=opacity, connectgaps=False,
    )


def _scatter(**kw) -> dict:
    # None would reach plotly.js as null, which it does not accept for objects.
    return {"type": "scatter"} | {k: v for k, v in kw.items() if v is not None}


class _Spec:
    """The few figure-building calls used here, on a plain dict (no validation)."""

    def __init__(self):
        self.data: list[dict] = []
        self.layout: dict = {"annotations": [], "shapes": []}

    def add_trace(self, trace: dict) -> None:
        self.data.append(trace)

    def add_annotation(self, **kw) -> None:
        self.layout["annotations"].append(kw)

    def add_hline(self, y, line) -> None:
        self.layout["shapes"].append({"type": "line", "xref": "paper", "x0": 0, "x1": 1,
                                      "yref": "y", "y0": y, "y1": y, "line": line, "layer": "below"})

    def add_vrect(self, x0, x1, fillcolor, opacity, line_width=0, layer="below") -> None:
        self.layout["shapes"].append({"type": "rect", "xref": "x", "yref": "paper", "x0": x0,
                                      "x1": x1, "y0": 0, "y1": 1, "fillcolor": fillcolor,
                                      "opacity": opacity, "line": {"width": line_width},
                                      "layer": layer})

    def update_xaxes(self, **kw) -> None:
        _merge(self.layout.setdefault("xaxis", {}), kw)

    def update_yaxes(self, **kw) -> None:
        _merge(self.layout.setdefault("yaxis", {}), kw)

    def update_layout(self, **kw) -> None:
        _merge(self.layout, kw)

    def to_dict(self) -> dict:
        return {"data": self.data, "layout": self.layout}


def _merge(into: dict, new: dict) -> None:
    for k, v in new.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            _merge(into[k], v)
        else:
            into[k] = v


# ---------------------------------------------------------------- scales


@dataclass
class _Segment:
    t0: int  # ns
    t1: int
    x0: float
    x1: float


class _Scale:
    """Maps times to x. "linear" keeps datetimes; "collapsed" maps to units with cut gaps."""

    GAP_UNITS = 1.6

    def __init__(self, kind: str, segments: list[_Segment] | None = None):
        self.kind = kind
        self.segments = segments or []

    @classmethod
    def build(cls, dated: pd.DataFrame, kind: str) -> _Scale:
        if kind == "linear":
            return cls("linear")
        lo = dated["band_start"].astype("int64").to_numpy()
        hi = dated["band_end"].astype("int64").to_numpy()
        order = np.argsort(lo, kind="stable")
        lo, hi = lo[order], hi[order]
        total = int(hi.max() - lo.min())
        gap_min = max(60 * DAY_NS, total // 40)
        # A cluster ends where the next start is more than gap_min after every end so far
        # (every band ends after it starts, so that running end is the cluster's own).
        reach = np.maximum.accumulate(hi)
        first = np.flatnonzero(np.r_[True, lo[1:] - reach[:-1] > gap_min])
        last = np.r_[first[1:], len(lo)] - 1
        day = lo // DAY_NS  # sorted, so distinct days are where the day changes
        new_day = np.r_[True, day[1:] != day[:-1]]
        new_day[first] = True
        n_days = np.add.reduceat(new_day.astype(int), first)
        clusters = zip(lo[first].tolist(), reach[last].tolist(), n_days.tolist(), strict=True)
        segs: list[_Segment] = []
        x = 0.0
        for a, b, days in clusters:
            dur = b - a
            pad = max(DAY_NS, dur // 25)
            # Room follows the number of distinct days, not the length: a busy week gets more
            # width than an empty year.
            width = 1.0 + 4.0 * min(days, 20) + 0.7 * math.log2(1 + dur / DAY_NS / 30)
            if segs:
                x += cls.GAP_UNITS
            segs.append(_Segment(a - pad, b + pad, x, x + width))
            x += width
        return cls("collapsed", segs)

    # x values for plotly: floats (collapsed) or datetime64 (linear)
    def to_x(self, t: np.ndarray) -> np.ndarray:
        t = np.asarray(t, dtype="datetime64[ns]")
        if self.kind == "linear":
            return t
        ns = t.astype("int64").astype(float)
        nat = np.isnat(t)
        bp_t = [v for s in self.segments for v in (s.t0, s.t1)]
        bp_x = [v for s in self.segments for v in (s.x0, s.x1)]
        out = np.interp(ns, bp_t, bp_x)
        first, last = self.segments[0], self.segments[-1]
        r0 = (first.x1 - first.x0) / max(first.t1 - first.t0, 1)
        r1 = (last.x1 - last.x0) / max(last.t1 - last.t0, 1)
        out = np.where(ns < first.t0, first.x0 - (first.t0 - ns) * r0, out)
        out = np.where(ns > last.t1, last.x1 + (ns - last.t1) * r1, out)
        out[nat] = np.nan
        return out

    def units(self, v) -> float:
        """A single x value as a float (days for linear) for layout arithmetic."""
        if self.kind == "linear":
            return float(np.datetime64(v, "ns").astype("int64")) / DAY_NS
        return float(v)

    def plain(self, v):
        """An axis value for JSON: numpy datetimes would be sent as integer nanoseconds."""
        if self.kind == "linear":
            return pd.Timestamp(v).strftime("%Y-%m-%d %H:%M")
        return round(float(v), 4)

    def shift(self, v, units: float):
        if self.kind == "linear":
            return np.datetime64(v, "ns") + np.timedelta64(int(units * DAY_NS), "ns")
        return v + units

    def units_array(self, x: np.ndarray) -> np.ndarray:
        if self.kind == "linear":
            return np.asarray(x, dtype="datetime64[ns]").astype("int64") / DAY_NS
        return np.asarray(x, dtype=float)

    def view_range(self, dated: pd.DataFrame, focus: bool = True):
        """The x range the chart opens on: the densest stretch when an overview shows the rest."""
        if self.kind == "collapsed":
            return self.segments[0].x0, self.segments[-1].x1 + 0.6
        lo = dated["band_start"].min()
        hi = max(dated["band_end"].max(), dated["open_end"].max() if dated["open_end"].notna().any() else lo)
        w0, w1 = densest_window(dated["band_start"] + (dated["band_end"] - dated["band_start"]) / 2,
                                share=0.6)
        total = hi - lo
        if focus and (w1 - w0) * 4 < total:  # the dense stretch would be squeezed: open on it
            pad = max((w1 - w0) * 0.35, pd.Timedelta(days=2))
            return (w0 - pad).to_datetime64(), (w1 + pad).to_datetime64()
        pad = total * 0.04 + pd.Timedelta(days=1)
        return (lo - pad).to_datetime64(), (hi + pad).to_datetime64()

    def decorate(self, fig: _Spec, th: _Theme, view0, view1, px_per_unit: float) -> None:
        axis = {"showgrid": True, "gridcolor": th.grid, "zeroline": False, "showline": True,
                "linecolor": "#8c959f", "ticks": "outside", "tickcolor": "#8c959f",
                "tickfont": {"size": th.font_size - 1}, "range": [self.plain(view0), self.plain(view1)]}
        if self.kind == "linear":
            fig.update_xaxes(type="date", **axis)
            return
        vals, texts = self.ticks(units_per_tick=(th.font_size * 4.4) / px_per_unit)
        fig.update_xaxes(type="linear", tickvals=vals, ticktext=texts, **axis)
        # Each cut is a grey strip, labelled just above the plot with the time it hides.
        for a, b in zip(self.segments, self.segments[1:], strict=False):
            fig.add_vrect(x0=a.x1, x1=b.x0, fillcolor="#9aa0a6", opacity=0.18, line_width=0,
                          layer="below")
            fig.add_annotation(
                x=(a.x1 + b.x0) / 2, y=1, yref="paper", yanchor="bottom", showarrow=False,
                text=f"<i>⋯ {_humanize(b.t0 - a.t1)} ⋯</i>", name="cut",
                font={"size": th.font_size - 2, "color": "#57606a"},
            )

    def ticks(self, units_per_tick: float = 1.6) -> tuple[list[float], list[str]]:
        vals: list[float] = []
        texts: list[str] = []
        prev_year = None
        for s in self.segments:
            t0 = pd.Timestamp(s.t0)
            t1 = pd.Timestamp(s.t1)
            days = (t1 - t0).days
            width = s.x1 - s.x0
            n_max = max(1, int(width / units_per_tick))
            if days <= 62:
                step = max(1, math.ceil(days / n_max))
                cand = pd.date_range(t0.ceil("D"), t1, freq=f"{step}D")
                fmt = "%d %b"
            elif days <= 800:
                months = max(1, math.ceil(days / 30 / n_max))
                cand = pd.date_range(t0.to_period("M").to_timestamp() + pd.offsets.MonthBegin(1)
                                     if t0.day > 1 else t0, t1, freq=f"{months}MS")
                fmt = "%b"
            else:
                years = max(1, math.ceil(days / 365 / n_max))
                cand = pd.date_range(t0.to_period("Y").to_timestamp() + pd.offsets.YearBegin(1)
                                     if t0.day_of_year > 1 else t0, t1, freq=f"{years}YS")
                fmt = "%Y"
            if width < 2.5 * units_per_tick or len(cand) == 0:
                # A narrow stretch (one year, one month): one tick in its middle that names it.
                mid = t0 + (t1 - t0) / 2
                cand = pd.DatetimeIndex([mid])
                a, b = t0 + (t1 - t0) / 10, t1 - (t1 - t0) / 10
                fmt = "%Y" if a.year != b.year or days > 62 else ("%b" if a.month == b.month else "%d %b")
            xs = self.to_x(cand.to_numpy())
            for t, xv in zip(cand, xs, strict=True):
                if vals and xv - vals[-1] < units_per_tick * 0.9:
                    continue  # too close to the last tick of the previous stretch
                label = t.strftime(fmt)
                if fmt != "%Y" and t.year != prev_year:
                    label += f"<br>{t.year}"
                prev_year = t.year
                vals.append(float(xv))
                texts.append(label)
        return vals, texts


def densest_window(times: pd.Series, share: float = 0.5) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The shortest stretch holding ``share`` of the events (at least two)."""
    t = np.sort(pd.to_datetime(times).dropna().to_numpy(dtype="datetime64[ns]"))
    if len(t) == 0:
        raise ValueError("no dated events")
    k = max(min(len(t), 2), math.ceil(len(t) * share))
    if k >= len(t):
        return pd.Timestamp(t[0]), pd.Timestamp(t[-1])
    spans = t[k - 1 :] - t[: len(t) - k + 1]
    i = int(np.argmin(spans))
    return pd.Timestamp(t[i]), pd.Timestamp(t[i + k - 1])


def _humanize(ns: int) -> str:
    days = ns / DAY_NS
    if days >= 365 * 1.5:
        return f"{days / 365.25:.0f} yr"
    if days >= 60:
        return f"{days / 30.44:.0f} mo"
    return f"{days:.0f} d"


# ---------------------------------------------------------------- text


def lane_name(key: str) -> str:
    """A lane's display name: CAMEO categories lose their numeric code ("05 Engage..." -> "Engage...")."""
    return re.sub(r"^\d{2,3}\s+", "", str(key)) or str(key)


def _esc(value) -> str:
    """User text reaches plotly, which understands some HTML tags: show them as text."""
    return html.escape(str(value), quote=False)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def date_phrase(value: str, precision: str, mod: str) -> str:
    """'2027 (year, by)' — the normalized date with its precision, in plain words."""
    word = MOD_WORDS.get(mod or "", "")
    p = f"{precision}" if precision else "precision unknown"
    return f"{word + ' ' if word else ''}{value or '?'} ({p})"


def _lane_text(name: str, chars: int, printing: bool) -> str:
    """A lane's tick text: shortened on screen, on two lines on paper (where it is larger)."""
    if not printing or len(name) <= chars // 2:
        return _esc(_short(name, chars))
    lines = textwrap.wrap(name, chars // 2, max_lines=2, placeholder="…")
    return "<br>".join(_esc(line) for line in lines)


def _records(df: pd.DataFrame, cols) -> list:
    """Rows as simple namespaces: much faster than itertuples on Arrow-backed columns."""
    from types import SimpleNamespace

    lists = {c: df[c].tolist() for c in cols}
    return [SimpleNamespace(**dict(zip(lists, vals, strict=True))) for vals in zip(*lists.values(), strict=True)]


#: Hover layout, sent once per trace; the per-event fields travel in ``customdata``
#: (event id first, for clicks), which keeps 10,000 events' payload small.
HOVER_TEMPLATE = (
    "<b>%{customdata[1]}</b><br>Written: “%{customdata[2]}”<br>Normalized: %{customdata[3]}"
    "<br>Status: %{customdata[4]}%{customdata[5]}<extra></extra>"
)


def _hover_props(ids: np.ndarray, hover: np.ndarray | None, printing: bool) -> dict:
    if printing or hover is None:
        return {"customdata": ids, "hoverinfo": "skip"}
    data = np.empty((len(ids), 6), dtype=object)
    data[:, 0] = ids
    data[:, 1:] = hover
    return {"customdata": data, "hovertemplate": HOVER_TEMPLATE}


def _text(df: pd.DataFrame, col: str, missing: str = "") -> pd.Series:
    """A text column as plain strings, a missing or empty value replaced by ``missing``."""
    s = df[col].fillna("").astype(str)
    return s.where(s != "", missing) if missing else s


def _short_col(s: pd.Series, n: int) -> pd.Series:
    """:func:`_short` on a whole column: only the few long texts are cut one by one."""
    long = (s.str.len() > n).to_numpy()
    if not long.any():
        return s
    s = s.copy()
    s[long] = [_short(t, n) for t in s[long].tolist()]
    return s


def _esc_col(s: pd.Series) -> pd.Series:
    """:func:`_esc` on a whole column."""
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        s = s.str.replace(char, entity, regex=False)
    return s


def _hovers(df: pd.DataFrame, brief: bool = False) -> np.ndarray:
    """Hover fields per event (title, date as written, normalized date with precision,
    status, then actors, warnings and source as extra lines), escaped for plotly.

    ``brief`` (for thousands of events) keeps the payload small: no actors or source, and
    at most one warning. Column operations, not a loop per event: 10,000 events' hovers
    are built on every filter change.
    """
    word = df["date_mod"].fillna("").astype(str).map(MOD_WORDS).fillna("")
    phrase = (word.where(word == "", word + " ") + _text(df, "date_value", "?")
              + " (" + _text(df, "precision", "precision unknown") + ")")
    out = np.empty((len(df), 5), dtype=object)
    out[:, 0] = _esc_col(_short_col(_text(df, "title", "(untitled)"), 60 if brief else 80)).to_numpy()
    out[:, 1] = _esc_col(_short_col(_text(df, "date_text", "—"), 60)).to_numpy()
    out[:, 2] = _esc_col(phrase).to_numpy()
    out[:, 3] = _esc_col(_text(df, "status", "unknown")).to_numpy()
    if brief:
        extra = [f"<br>⚠ {_esc(_short(str(w[0]), 80))}" if len(w) else "" for w in df["warnings"]]
    else:
        recs = _records(df, ("actors", "warnings", "source"))
        extra = ["".join("<br>" + e for e in _hover_lines(r)) for r in recs]
    out[:, 4] = extra
    return out


def _hover_lines(r) -> list[str]:
    """The hover's extra lines of one event: actors, its warnings in full, its source."""
    extra = []
    if len(r.actors):
        extra.append(f"Actors: {_esc(_short(', '.join(map(str, r.actors)), 80))}")
    for w in list(r.warnings)[:4]:  # the whole warning, wrapped: it is the reason to doubt the date
        lines = textwrap.wrap(f"⚠ {_short(str(w), 400)}", 90, subsequent_indent="   ")
        extra.append("<br>".join(_esc(line) for line in lines))
    if r.source:
        extra.append(f"Source: {_esc(_short(source_name(str(r.source)), 60))}")
    return extra


def _footnotes(df: pd.DataFrame, chars: int = 110) -> list[str]:
    notes = []
    for r in df.head(8).itertuples(index=False):
        text = f"⚠ {_short(str(r.title), 40)}: {_short('; '.join(r.warnings), 220)}"
        notes.extend(_esc(line) for line in textwrap.wrap(text, chars, subsequent_indent="    "))
    if len(df) > 8:
        notes.append(f"⚠ … and {len(df) - 8} more events with warnings (see the table)")
    return notes


#: The legend's entries, for :func:`_legend` and to know how many rows it takes.
LEGEND_NAMES = ("happened (day)", "planned / target", "week, month or year", "deadline (“by …”)",
                "doubtful date ⚠")


def _legend_rows(th: _Theme, plot_px: float) -> int:
    """Rows of the horizontal legend above a plot ``plot_px`` wide (plotly wraps it)."""
    size = th.font_size - 1
    rows, used = 1, 0.0
    for name in LEGEND_NAMES:
        w = len(name) * size * 0.6 + 50  # symbol, gap and text
        if used and used + w > plot_px:
            rows, used = rows + 1, 0.0
        used += w
    return rows


def _legend(fig: _Spec, th: _Theme) -> None:
    grey = "#5f6368"
    styles = [
        ({"symbol": "circle", "color": grey}, None),
        ({"symbol": "circle-open", "color": grey, "line": {"width": 2}}, None),
        (None, {"color": grey, "width": 10}),
        (None, {"color": grey, "width": 2, "dash": "dash"}),
        ({"symbol": "circle-open", "color": WARNING_COLOUR, "size": 14, "line": {"width": 3}}, None),
    ]
    items = [(name, *style) for name, style in zip(LEGEND_NAMES, styles, strict=True)]
    for name, marker, line in items:
        fig.add_trace(_scatter(
            x=[None], y=[None], name=name, mode="markers" if marker else "lines",
            marker=marker, line=line, opacity=0.6 if line and line.get("width") == 10 else 1,
            hoverinfo="skip", showlegend=True,
        ))


def _top(th: _Theme, title, printing: bool, plot_px: float = 700) -> int:
    """Room on top for the title, the legend (two rows when narrow) and the cut labels."""
    if not printing:
        return 110 if title else 80
    legend = _legend_rows(th, plot_px) * round(th.font_size * 1.4) + _legend_gap(th) + 12
    return legend + (round(th.font_size * 2.2) + 12 if title else 0)


def _legend_gap(th: _Theme) -> int:
    """Pixels between the plot and the legend: the labels of the cuts live there."""
    return th.font_size + 6


def _layout(fig, th: _Theme, title, width, height, printing, bottom=40, left=170, plot_px=700):
    top = _top(th, title, printing, plot_px)
    fig.update_layout(
        # No named template: the dict goes to the browser as is, so style explicitly.
        template={}, paper_bgcolor=th.paper, plot_bgcolor=th.plot,
        font={"family": _FONT_FAMILY, "size": th.font_size, "color": th.font},
        # The title at the very top, so that the legend under it never overlaps it.
        title={"text": _esc(title), "x": 0.01, "xanchor": "left", "y": 1, "yref": "container",
               "yanchor": "top", "pad": {"t": 10}, "font": {"size": round(th.font_size * 1.35)}}
        if title else None,
        width=width, height=height,
        margin={"l": left, "r": 40, "t": top, "b": bottom + 30},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1 + _legend_gap(th) / max(height - top - bottom - 30, 100),
                "x": 0, "xanchor": "left", "font": {"size": th.font_size - 1}},
        hovermode="closest", hoverlabel={"align": "left", "font": {"family": _FONT_FAMILY}},
        dragmode="pan" if not printing else False, clickmode="event",
        uirevision="timeline",
    )
