"""The page: controls, timeline, side panel, event table, exports and "add articles".

Every control has a visible label (or an aria-label) and is reachable with the keyboard;
the CSS in ``assets/app.css`` lays the page out for 1280x800 and stacks it on a narrow
window. Nothing here loads from the network.
"""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from ..table import STATUSES
from .data import MAX_UPLOAD_BYTES

GRAPH_CONFIG = {
    "displaylogo": False,
    "scrollZoom": True,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"],
    # Its "Share chart" button would upload the chart to a web service: never from here.
    "showSendToCloud": False,
}


def _labelled(label: str, control, for_id: str | None = None, class_name: str = "field"):
    return html.Div([html.Label(label, htmlFor=for_id or control.id, className="field-label"), control],
                    className=class_name)


def _dropdown(id_: str, placeholder: str):
    return dcc.Dropdown(id=id_, options=[], value=[], multi=True, placeholder=placeholder,
                        className="dropdown", optionHeight=32)


def filters_bar():
    return html.Section(
        [
            _labelled("Search", dcc.Input(id="f-q", type="search", placeholder="words in title, sentence, actors…",
                                          debounce=0.35, className="text-input", value="")),
            _labelled("Actor", _dropdown("f-actors", "any actor")),
            _labelled("Country", _dropdown("f-countries", "any country")),
            _labelled("Category", _dropdown("f-categories", "any category")),
            _labelled("Source", _dropdown("f-sources", "any source")),
            html.Fieldset([
                html.Legend("Status", className="field-label"),
                dcc.Checklist(id="f-statuses", options=[{"label": s, "value": s} for s in STATUSES],
                              value=[], inline=True, className="checklist"),
            ], className="field"),
            _labelled("Dates", dcc.DatePickerRange(
                id="f-dates", display_format="YYYY-MM-DD", clearable=True,
                start_date_placeholder_text="from", end_date_placeholder_text="to",
                start_date_id="f-date-from", end_date_id="f-date-to",
            ), for_id="f-date-from", class_name="field field-wide"),
            html.Fieldset([
                html.Legend("Lanes", className="field-label"),
                dcc.RadioItems(id="v-lanes", options=[
                    {"label": "category", "value": "category"}, {"label": "actor", "value": "actor"},
                    {"label": "source", "value": "source"}, {"label": "status", "value": "status"},
                ], value="category", inline=True, className="radios"),
            ], className="field"),
            html.Fieldset([
                html.Legend("Scale", className="field-label"),
                dcc.RadioItems(id="v-scale", options=[
                    {"label": "collapsed gaps", "value": "collapsed"},
                    {"label": "chronological", "value": "linear"},
                ], value="collapsed", inline=True, className="radios"),
            ], className="field"),
            html.Div([
                dcc.Checklist(id="v-hidden", options=[{"label": "show hidden & deleted", "value": "on"}],
                              value=[], className="checklist"),
                html.A("Reset view", href="/", id="reset-link", className="link-button"),
            ], className="field field-inline"),
        ],
        className="filters", **{"aria-label": "Filters and view options"},
    )


def side_panel():
    return html.Aside(
        [
            html.Div([
                html.Button("← Previous", id="prev-event", className="btn", n_clicks=0,
                            **{"aria-label": "Previous event in time"}),
                html.Button("Next →", id="next-event", className="btn", n_clicks=0,
                            **{"aria-label": "Next event in time"}),
            ], className="stepper"),
            html.Div(
                html.P("Click an event on the timeline or a row of the table to see where it "
                       "comes from.", className="muted"),
                id="event-panel", className="event-panel", **{"aria-live": "polite"},
            ),
        ],
        className="side", **{"aria-label": "Selected event"},
    )


COLUMN_DEFS = [
    {"field": "state", "headerName": "Shown", "width": 92, "filter": True},
    # (text, not a date the grid would infer from the first row: "2024-11", "2024-W43" and
    # "2027" would then show blank)
    {"field": "date_value", "headerName": "Date", "editable": True, "width": 120, "cellDataType": "text",
     "headerTooltip": "Normalized date (TIMEX3): 2024-11-01, 2024-11, 2024-W43, 2027 — editable"},
    {"field": "precision", "headerName": "Precision", "width": 100},
    {"field": "date_text", "headerName": "Written as", "width": 150},
    {"field": "title", "headerName": "Event", "editable": True, "flex": 2, "minWidth": 220},
    {"field": "status", "headerName": "Status", "editable": True, "width": 110,
     "cellEditor": "agSelectCellEditor", "cellEditorParams": {"values": list(STATUSES)}},
    {"field": "category", "headerName": "Category", "editable": True, "width": 190},
    {"field": "actors", "headerName": "Actors", "editable": True, "width": 190,
     "headerTooltip": "Separate names with ;"},
    {"field": "countries", "headerName": "Countries", "width": 110},
    {"field": "warnings", "headerName": "Warnings", "width": 220, "tooltipField": "warnings"},
    {"field": "source", "headerName": "Source", "width": 160},
    {"field": "confidence", "headerName": "Conf.", "width": 80, "filter": "agNumberColumnFilter"},
    {"field": "edited", "headerName": "Edited", "width": 120, "cellDataType": "text"},
]


def table_section():
    return html.Section(
        [
            html.Div([
                html.H2("Events", className="section-title"),
                html.Span(id="table-note", className="muted"),
            ], className="section-head"),
            html.Div([
                html.Button("Hide", id="act-hide", className="btn", n_clicks=0),
                html.Button("Unhide", id="act-unhide", className="btn", n_clicks=0),
                html.Button("Delete", id="act-delete", className="btn btn-danger", n_clicks=0),
                html.Button("Undo edits", id="act-undo", className="btn", n_clicks=0,
                            title="Back to the extracted values (also restores hidden or deleted rows)"),
                html.Span("Select rows with the checkboxes first; double-click a cell to edit it.",
                          className="muted"),
            ], className="toolbar", **{"aria-label": "Row actions"}),
            html.Div(id="edit-message", className="message", role="status"),
            dag.AgGrid(
                id="grid",
                columnDefs=COLUMN_DEFS,
                rowData=[],
                defaultColDef={"sortable": True, "filter": True, "resizable": True},
                dashGridOptions={
                    "rowSelection": {"mode": "multiRow"},
                    "tooltipShowDelay": 300,
                    "animateRows": False,
                    "enableCellTextSelection": True,
                    "stopEditingWhenCellsLoseFocus": True,
                },
                getRowId="params.data.event_id",
                style={"height": "420px", "width": "100%"},
                className="ag-theme-quartz",
            ),
        ],
        className="table-section", **{"aria-label": "Event table"},
    )


def export_bar():
    buttons = [("HTML", "html"), ("PNG", "png"), ("SVG", "svg"), ("CSV", "csv"), ("JSON", "json")]
    return html.Div(
        [html.Span("Export this view:", className="field-label")]
        + [html.Button(label, id={"type": "export", "fmt": fmt}, className="btn", n_clicks=0,
                       **{"aria-label": f"Export the filtered view as {label}"})
           for label, fmt in buttons]
        + [html.Span(id="export-message", className="muted", role="status"),
           dcc.Download(id="download")],
        className="toolbar exports",
    )


def add_articles():
    limit_mb = MAX_UPLOAD_BYTES // 1_000_000
    return html.Details(
        [
            html.Summary("Add articles"),
            html.Div([
                _labelled("Publication date (optional, e.g. 2024-11-02 or “November 02, 2024 12:35 PM IST”)",
                          dcc.Input(id="add-published", type="text", className="text-input", value="",
                                    placeholder="found in the text when empty")),
                _labelled("Source name (optional)",
                          dcc.Input(id="add-name", type="text", className="text-input", value="",
                                    placeholder="pasted-article")),
                _labelled("Paste article text", dcc.Textarea(id="add-text", className="textarea", value="",
                                                             placeholder="Paste the article here…")),
                html.Button("Add pasted text", id="add-submit", className="btn btn-primary", n_clicks=0),
                dcc.Upload(
                    id="add-upload",
                    children=html.Div(["Drop .txt, .md or .html files here or ",
                                       html.Span("choose files", className="linkish"),
                                       f" (up to {limit_mb} MB each)"]),
                    multiple=True, accept=".txt,.md,.markdown,.html,.htm,text/plain,text/html",
                    max_size=-1, className="upload",
                ),
                html.Div(id="add-message", className="message", role="status"),
            ], className="add-body"),
        ],
        className="add-articles", id="add-articles",
    )


def build_layout(title: str = "Timeline"):
    return html.Div(
        [
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="version", data=0),
            dcc.Store(id="selected", data=None),
            dcc.Store(id="narrow", data=False),
            html.Header([
                html.H1(title, className="app-title"),
                html.P(id="summary", className="summary", role="status"),
                html.Div(id="load-notes", className="notes"),
            ], className="app-header"),
            filters_bar(),
            html.Main([
                html.Section([
                    html.P("The chart scrolls sideways; drag or use Previous / Next.",
                           className="muted scroll-hint"),
                    dcc.Loading(dcc.Graph(id="timeline", config=GRAPH_CONFIG, className="graph",
                                          figure={"data": [], "layout": {"height": 420}}),
                                type="dot", delay_show=400),
                    export_bar(),
                ], className="chart", **{"aria-label": "Timeline chart"}),
                side_panel(),
            ], className="main"),
            table_section(),
            add_articles(),
            html.Footer("Dates are shown at the precision the text gives; doubtful dates carry ⚠ "
                        "and say why. Everything runs on this computer.", className="footer"),
        ],
        className="page",
    )
