"""Dash callbacks: each unpacks the browser's input and calls the library.

The view (filters and display options) is one :class:`ViewState`; the table on
screen is ``session.events()`` filtered by it. Only the filtered view goes to the
browser, and the table is capped at ``GRID_LIMIT`` rows (with a note saying so).
"""

from __future__ import annotations

import base64
import binascii
import time

import pandas as pd
from dash import ALL, Dash, Input, Output, State, ctx, no_update

from ..errors import TimelineError
from ..figure import figure_dict, for_browser
from ..table import COLUMNS
from .data import MAX_UPLOAD_BYTES, Session, read_upload
from .filters import ViewState, apply_filters, options
from .panel import event_panel

GRID_LIMIT = 2000
#: Windows narrower than this (CSS px) get the narrow chart; the CSS stacks the page there.
NARROW_WINDOW = 600

#: (component id, property) of every view control, in ViewState order.
VIEW_CONTROLS = [
    ("f-actors", "value"), ("f-countries", "value"), ("f-categories", "value"),
    ("f-statuses", "value"), ("f-sources", "value"), ("f-dates", "start_date"),
    ("f-dates", "end_date"), ("f-q", "value"), ("v-lanes", "value"), ("v-scale", "value"),
    ("v-hidden", "value"),
]
_STATE_NAMES = ["actors", "countries", "categories", "statuses", "sources", "date_from", "date_to",
                "q", "lanes", "scale", "show_hidden"]


def state_of(values) -> ViewState:
    kw = dict(zip(_STATE_NAMES, values, strict=True))
    kw["show_hidden"] = bool(kw.get("show_hidden"))
    return ViewState.from_values(**kw)


def control_values(state: ViewState) -> list:
    return [state.actors, state.countries, state.categories, state.statuses, state.sources,
            state.date_from or None, state.date_to or None, state.q, state.lanes, state.scale,
            ["on"] if state.show_hidden else []]


def view(session: Session, state: ViewState) -> pd.DataFrame:
    """The filtered table the page shows."""
    df = session.events(include_hidden=state.show_hidden)
    return apply_filters(df, state, session.haystack(include_hidden=state.show_hidden))


#: Width of the chart on a narrow window (phone); it scrolls sideways in its box.
NARROW_WIDTH = 600


def figure_for(session: Session, state: ViewState, selected: str | None = None,
               narrow: bool = False):
    df = view(session, state)
    drawn = df[df["state"] != "deleted"] if "state" in df.columns else df
    # A plain dict: Dash serializes it as is (no plotly validation of 10,000 points).
    return for_browser(figure_dict(drawn, lanes=state.lanes, scale=state.scale,
                                   selected_id=selected, width=NARROW_WIDTH if narrow else None))


def grid_rows(df: pd.DataFrame, limit: int = GRID_LIMIT) -> list[dict]:
    """Rows for AG Grid: plain strings and numbers, list cells joined for reading and editing."""
    df = df.sort_values(["start", "char_start"], na_position="last", kind="stable").head(limit)

    def joined(col: str, sep: str = "; ") -> list[str]:
        return [sep.join(map(str, v)) for v in df[col]]

    out = pd.DataFrame({
        "event_id": df["event_id"].astype(str),
        "state": df["state"].astype(str) if "state" in df.columns else "shown",
        "date_value": df["date_value"].astype(str),
        "precision": df["precision"].astype(str),
        "date_text": df["date_text"].astype(str),
        "title": df["title"].astype(str),
        "status": df["status"].astype(str),
        "category": df["category"].astype(str),
        "actors": joined("actors"),
        "countries": joined("countries", ", "),
        "warnings": ["⚠ " + " | ".join(map(str, w)) if len(w) else "" for w in df["warnings"]],
        "source": df["source"].astype(str),
        "confidence": df["confidence"].round(2).astype(float),
        "edited": joined("edited", ", ") if "edited" in df.columns else "",
    })
    out["confidence"] = out["confidence"].where(out["confidence"].notna(), None)
    return out.to_dict("records")


def clicked_id(click) -> str | None:
    """The event id of a plotly click (customdata is the id, or a list that starts with it)."""
    try:
        data = click["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return None
    if isinstance(data, list | tuple):
        data = data[0] if data else None
    return str(data) if data else None


def _differs(new, old) -> bool:
    def norm(v):
        return None if v in ("", [], None) else v

    return norm(new) != norm(old)


def step(df: pd.DataFrame, selected: str | None, direction: int) -> str | None:
    """The event before (-1) or after (+1) ``selected`` in time, among the drawn events."""
    order = df[df["start"].notna()].sort_values(["start", "char_start"], kind="stable")
    ids = order["event_id"].astype(str).tolist()
    if not ids:
        return None
    if selected not in ids:
        return ids[0] if direction > 0 else ids[-1]
    i = ids.index(selected) + direction
    return ids[max(0, min(i, len(ids) - 1))]


def register(app: Dash, session: Session) -> None:
    view_inputs = [Input(c, p) for c, p in VIEW_CONTROLS]
    view_states = [State(c, p) for c, p in VIEW_CONTROLS]

    @app.callback(
        Output("url", "search"), *[Output(c, p) for c, p in VIEW_CONTROLS],
        Input("url", "search"), *view_inputs,
    )
    def sync_url(search, *values):
        # One callback owns both directions, so the URL and the controls never loop.
        if ctx.triggered_id in (None, "url"):
            state = ViewState.from_query(search)
            # Only touch controls that differ: every output set re-runs the drawing.
            new = control_values(state)
            return [no_update] + [n if _differs(n, v) else no_update for n, v in zip(new, values, strict=True)]
        query = state_of(values).to_query()
        return [query if query != (search or "") else no_update] + [no_update] * len(values)

    @app.callback(
        Output("f-actors", "options"), Output("f-countries", "options"),
        Output("f-categories", "options"), Output("f-sources", "options"),
        Output("summary", "children"), Output("load-notes", "children"),
        Input("version", "data"),
    )
    def refresh_options(_version):
        df = session.events()
        opts = options(df)
        n_src = df["source"].nunique()
        warned = int((df["warnings"].map(len) > 0).sum())
        summary = (f"{len(df):,} events from {n_src} source{'s' if n_src != 1 else ''}"
                   f" · {warned} with doubtful dates ⚠")
        notes = [html_note(n) for n in session.notes[:10]]
        return opts["actors"], opts["countries"], opts["categories"], opts["sources"], summary, notes

    # In the browser, no round trip: is the window narrow (a phone)? Short lane names then.
    app.clientside_callback(
        f"function(_) {{ return window.innerWidth < {NARROW_WINDOW}; }}",
        Output("narrow", "data"), Input("url", "pathname"),
    )

    @app.callback(
        Output("timeline", "figure"),
        *view_inputs, Input("version", "data"), Input("selected", "data"), Input("narrow", "data"),
    )
    def draw(*values):
        *controls, _version, selected, narrow = values
        return figure_for(session, state_of(controls), selected, bool(narrow))

    @app.callback(
        Output("grid", "rowData"), Output("table-note", "children"),
        *view_inputs, Input("version", "data"),
    )
    def fill_grid(*values):
        *controls, _version = values
        df = view(session, state_of(controls))
        note = f"{len(df)} shown"
        if len(df) > GRID_LIMIT:
            note = (f"the first {GRID_LIMIT:,} of {len(df):,} in date order; narrow the filters "
                    "to see the rest")
        return grid_rows(df), note

    @app.callback(
        Output("selected", "data"),
        Input("timeline", "clickData"), Input("prev-event", "n_clicks"),
        Input("next-event", "n_clicks"), Input("grid", "cellClicked"),
        Input("grid", "selectedRows"),
        State("selected", "data"), *view_states,
        prevent_initial_call=True,
    )
    def select(click, _prev, _next, cell, rows, selected, *controls):
        trigger = ctx.triggered_id
        prop = ctx.triggered[0]["prop_id"] if ctx.triggered else ""
        if trigger == "timeline":
            return clicked_id(click) or no_update
        if prop == "grid.selectedRows":
            # Keyboard path: Space on a table row selects it and shows it in the panel.
            return str(rows[-1]["event_id"]) if rows and rows[-1].get("event_id") else no_update
        if trigger == "grid":
            row = (cell or {}).get("rowId")
            return str(row) if row else no_update
        df = view(session, state_of(controls))
        return step(df, selected, -1 if trigger == "prev-event" else 1)

    @app.callback(Output("event-panel", "children"), Input("selected", "data"),
                  Input("version", "data"), prevent_initial_call=True)
    def show_event(selected, _version):
        if not selected:
            return no_update
        ev = session.event(str(selected))
        text = session.texts.get(str(ev.get("source"))) if ev else None
        return event_panel(ev, text)

    @app.callback(
        Output("version", "data"), Output("edit-message", "children"),
        Input("grid", "cellValueChanged"), Input("act-hide", "n_clicks"),
        Input("act-unhide", "n_clicks"), Input("act-delete", "n_clicks"),
        Input("act-undo", "n_clicks"), State("grid", "selectedRows"),
        prevent_initial_call=True,
    )
    def edit(changes, _h, _u, _d, _undo, rows):
        trigger = ctx.triggered_id
        if trigger == "grid":
            return apply_cell_edits(session, changes or [])
        ids = [str(r["event_id"]) for r in rows or [] if r and r.get("event_id")]
        if not ids:
            return no_update, "Select one or more rows first (the checkbox at the start of a row)."
        for eid in ids:
            if trigger == "act-hide":
                session.store.hide(eid)
            elif trigger == "act-unhide":
                session.store.hide(eid, False)
            elif trigger == "act-delete":
                session.store.delete(eid)
            else:
                session.store.revert(eid)
        verb = {"act-hide": "Hid", "act-unhide": "Unhid", "act-delete": "Deleted",
                "act-undo": "Restored the extracted values of"}[trigger]
        return session.changed(), f"{verb} {len(ids)} event{'s' if len(ids) > 1 else ''}."

    @app.callback(
        Output("version", "data", allow_duplicate=True), Output("add-message", "children"),
        Output("add-text", "value"),
        Input("add-submit", "n_clicks"), Input("add-upload", "contents"),
        State("add-text", "value"), State("add-name", "value"), State("add-published", "value"),
        State("add-upload", "filename"),
        prevent_initial_call=True,
    )
    def add(_n, contents, text, name, published, filenames):
        messages: list[str] = []
        added = 0
        if ctx.triggered_id == "add-submit":
            if not (text or "").strip():
                return no_update, "Paste an article's text first.", no_update
            items = [((name or "").strip() or f"pasted-{int(time.time())}.txt",
                      (text or "").encode("utf-8"))]
        else:
            contents = contents if isinstance(contents, list) else [contents]
            filenames = filenames if isinstance(filenames, list) else [filenames]
            items = []
            for fname, content in zip(filenames, contents, strict=False):
                try:
                    items.append((str(fname), decode_upload(content, str(fname))))
                except TimelineError as exc:
                    messages.append(f"✗ {exc}")
        for fname, data in items:
            try:
                doc = read_upload(data, fname)
                n = session.add_document(doc, (published or "").strip() or None)
                added += 1
                messages.append(f"✓ {fname}: {n} event{'s' if n != 1 else ''} added.")
            except TimelineError as exc:
                messages.append(f"✗ {exc}")
        cleared = "" if ctx.triggered_id == "add-submit" and added else no_update
        return (session.version if added else no_update), [html_line(m) for m in messages], cleared

    @app.callback(
        Output("download", "data"), Output("export-message", "children"),
        Input({"type": "export", "fmt": ALL}, "n_clicks"), *view_states,
        prevent_initial_call=True,
    )
    def export(_clicks, *controls):
        if not ctx.triggered_id or not any(_clicks):
            return no_update, no_update
        fmt = ctx.triggered_id["fmt"]
        state = state_of(controls)
        df = view(session, state)
        df = df[df["state"] != "deleted"] if "state" in df.columns else df
        try:
            payload, filename = export_view(df[COLUMNS], fmt, state)
        except TimelineError as exc:
            return no_update, str(exc)
        except ImportError:
            return no_update, "Exports are not available in this build."
        if isinstance(payload, bytes):
            return {"content": base64.b64encode(payload).decode("ascii"), "filename": filename,
                    "base64": True}, f"Exported {len(df)} events as {filename}."
        return {"content": payload, "filename": filename}, f"Exported {len(df)} events as {filename}."


def apply_cell_edits(session: Session, changes: list[dict]):
    """Store the grid's cell edits; a value the store refuses is explained and undone."""
    msgs = []
    for ch in changes:
        field = ch.get("colId")
        eid = str(ch.get("rowId") or (ch.get("data") or {}).get("event_id") or "")
        if not eid or not field:
            continue
        current = session.event(eid)
        extracted = _extracted(session, eid, field)
        try:
            session.store.set_value(eid, field, ch.get("value"), extracted=extracted)
            msgs.append(f"Saved {field} of “{(current or {}).get('title', eid)}”.")
        except TimelineError as exc:
            msgs.append(f"Not saved: {exc}")
    return session.changed(), " ".join(msgs)


def _extracted(session: Session, eid: str, field: str):
    hit = session.base[session.base["event_id"] == eid]
    if hit.empty:
        return None
    value = hit.iloc[0][field]
    return list(value) if field == "actors" else str(value)


def decode_upload(content: str | None, name: str) -> bytes:
    if not content or "," not in content:
        raise TimelineError(f"{name}: the upload was empty; choose the file again")
    b64 = content.split(",", 1)[1]
    if len(b64) * 3 // 4 > MAX_UPLOAD_BYTES + 3:
        raise TimelineError(
            f"{name}: over the {MAX_UPLOAD_BYTES // 1_000_000} MB limit for one article; split it "
            "or run `python -m timeline extract` on it")
    try:
        return base64.b64decode(b64, validate=False)
    except (binascii.Error, ValueError) as exc:
        raise TimelineError(f"{name}: the upload could not be decoded; choose the file again") from exc


def export_view(df: pd.DataFrame, fmt: str, state: ViewState) -> tuple[str | bytes, str]:
    """Call the export library on the filtered view; returns (content, file name)."""
    # The module, not ``timeline.export`` the function that the package exposes.
    from ..export import to_csv, to_html, to_image, to_json

    stem = "timeline"
    # ``time_scale``: the figure's scale; ``scale`` of an image is its pixel ratio.
    view_opts = {"lanes": state.lanes, "time_scale": state.scale}
    if fmt == "html":
        return to_html(df, title="Timeline", **view_opts), f"{stem}.html"
    if fmt in ("png", "svg"):
        return to_image(df, fmt, **view_opts), f"{stem}.{fmt}"
    if fmt == "csv":
        return to_csv(df), f"{stem}.csv"
    if fmt == "json":
        return to_json(df), f"{stem}.json"
    raise TimelineError(f"unknown export format {fmt!r}")


def html_note(text: str):
    from dash import html

    return html.P(f"⚠ {text}", className="note")


def html_line(text: str):
    from dash import html

    return html.P(text, className="msg-bad" if text.startswith("✗") else "msg-ok")
