"""HTML exports: a self-contained offline page, and an embeddable ``<div>`` fragment.

Both hold the interactive timeline, a title, the sources with their
publication times, a legend for the marks, and the events as an accessible
table (caption, column and row headers) that works without JavaScript.

Article text is untrusted. Every piece of it goes through ``html.escape``;
the figure travels as JSON inside a ``<script>`` with ``<``, ``>`` and ``/``
written as ``\\u003c``-style escapes, so no text can close the script. The
full page also carries a Content-Security-Policy that lets only its own
scripts run (by hash) and blocks every network request except, with
``plotlyjs="cdn"``, the plotly.js file — so even a missed escape could not run
a script from an article or leak anything.

Embedding: put the ``html`` file beside a page and show it in an iframe
(``<iframe src="timeline.html" title="Timeline" sandbox="allow-scripts"
style="width:100%;height:900px;border:0"></iframe>``; it needs no same-origin
rights), or paste a ``fragment`` into the page. A fragment's CSS is scoped to
its ``.tl-export`` div; with ``plotlyjs="none"`` the host page must load
plotly.js before the fragment.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import UTC, datetime
from functools import lru_cache
from html import escape
from pathlib import PurePath

import pandas as pd

from .. import __version__
from ..errors import TimelineError
from .figure_of import figure_of
from .records import as_table, display_date, published_label, sources_of, text

PLOTLYJS_MODES = ("inline", "cdn", "none")
CDN_HOST = "https://cdn.plot.ly"

_PLOT_CONFIG = {"displaylogo": False, "responsive": True,
                "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2}}

_STATUS_HELP = {
    "happened": "reported as having taken place",
    "ongoing": "under way at publication time",
    "planned": "announced or scheduled for later",
    "target": "a goal with a deadline (\u201cby 2027\u201d): the date is the latest it should happen",
}

_CSS = """
.tl-export{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;
 color:#1d2430;line-height:1.45;max-width:1200px;margin:0 auto;padding:0 12px}
.tl-export h1,.tl-export h2{font-weight:600;margin:.6em 0 .3em}
.tl-export h1{font-size:1.6em}.tl-export h2{font-size:1.25em}
.tl-export .tl-sources{margin:.2em 0 1em;padding:0;list-style:none;color:#3c4757}
.tl-export .tl-plot{width:100%;min-height:320px}
.tl-export .tl-legend{font-size:.9em;border:1px solid #d5dbe3;border-radius:6px;
 padding:.4em .9em;margin:1em 0;background:#f8fafc}
.tl-export .tl-legend dt{font-weight:600;margin-top:.4em}
.tl-export .tl-legend dd{margin:0 0 0 1.2em}
.tl-export .tl-table-wrap{overflow-x:auto}
.tl-export table{border-collapse:collapse;width:100%;font-size:.92em}
.tl-export caption{text-align:left;font-weight:600;padding:.4em 0}
.tl-export th,.tl-export td{border-bottom:1px solid #e1e6ec;padding:.45em .5em;
 text-align:left;vertical-align:top}
.tl-export thead th{background:#eef2f7;position:sticky;top:0}
.tl-export tbody th{font-weight:600;white-space:nowrap}
.tl-export .tl-precision{display:block;font-weight:400;font-size:.85em;color:#566173}
.tl-export tr.tl-doubtful>*:first-child{border-left:4px solid #c77700}
.tl-export .tl-warn{color:#8a4b00;font-weight:600}
.tl-export ul.tl-warnings{margin:0;padding-left:1.1em;color:#6b3a00}
.tl-export mark{background:#fff1b8;color:inherit;padding:0 .1em}
.tl-export .tl-status{white-space:nowrap}
.tl-export .tl-empty{padding:1em;border:1px dashed #aab4c0;border-radius:6px}
.tl-export footer{color:#566173;font-size:.85em;margin:1.5em 0}
@media print{.tl-export thead th{position:static}.tl-export .tl-table-wrap{overflow:visible}}
"""


def to_html(events, *, title: str | None = None, sources=None, plotlyjs: str = "inline",
            theme: str = "light", **figure_options) -> str:
    """A complete HTML page that works offline (plotly.js inline unless ``plotlyjs="cdn"``)."""
    plotlyjs = _check_mode(plotlyjs, allowed=("inline", "cdn"))
    parts = _parts(events, title=title, sources=sources, plotlyjs=plotlyjs, theme=theme,
                   heading="h1", figure_options=figure_options)
    scripts = [s for s in (parts["plotlyjs"], parts["plot_script"]) if s]
    script_src = " ".join(f"'{_sha256(s)}'" for s in scripts)
    if plotlyjs == "cdn":
        script_src += f" {CDN_HOST}"
    csp = (f"default-src 'none'; script-src {script_src}; style-src 'unsafe-inline'; "
           "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{escape(csp)}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta name=\"generator\" content=\"timeline {escape(__version__)}\">\n"
        f"<title>{escape(parts['title'])}</title>\n"
        "<style>body{margin:0;background:#fff}</style>\n"
        "</head>\n<body>\n"
        f"{_assemble(parts)}\n"
        "</body>\n</html>\n"
    )


def to_fragment(events, *, title: str | None = None, sources=None, plotlyjs: str = "inline",
                theme: str = "light", **figure_options) -> str:
    """An embeddable ``<div>`` (no ``<html>`` wrapper); ``plotlyjs="none"`` when the host page
    already loads plotly.js, ``"cdn"`` to load it from the plotly CDN."""
    plotlyjs = _check_mode(plotlyjs, allowed=PLOTLYJS_MODES)
    parts = _parts(events, title=title, sources=sources, plotlyjs=plotlyjs, theme=theme,
                   heading="h2", figure_options=figure_options)
    return _assemble(parts) + "\n"


def _check_mode(mode, allowed) -> str:
    mode = {True: "inline", False: "none", None: "none"}.get(mode, mode)
    if mode not in allowed:
        raise TimelineError(f"plotly.js mode {mode!r} is not one of {', '.join(allowed)}")
    return mode


def _parts(events, *, title, sources, plotlyjs, theme, heading, figure_options) -> dict:
    table = _sorted(as_table(events))
    srcs = sources_of(table, sources)
    title = title or _default_title(srcs)
    uid = uuid.uuid4().hex[:10]
    plot_id = f"tl-plot-{uid}"
    fig = figure_of(table, theme=theme, **figure_options)
    fig.update_layout(width=None, autosize=True)
    return {
        "uid": uid,
        "title": title,
        "heading": heading,
        "sources": srcs,
        "table": table,
        "plot_id": plot_id,
        "plotlyjs": _plotlyjs_inline() if plotlyjs == "inline" else "",
        "plotlyjs_tag": _cdn_tag() if plotlyjs == "cdn" else "",
        "plot_script": _plot_script(fig, plot_id),
    }


def _assemble(p: dict) -> str:
    table = p["table"]
    n = len(table)
    h = p["heading"]
    sub = "h2" if h == "h1" else "h3"
    loader = p["plotlyjs_tag"] or (f"<script>{p['plotlyjs']}</script>" if p["plotlyjs"] else "")
    return "\n".join([
        f"<div class=\"tl-export\" id=\"tl-{p['uid']}\">",
        f"<style>{_CSS}</style>",
        f"<{h}>{escape(p['title'])}</{h}>",
        _sources_html(p["sources"]),
        "<figure class=\"tl-figure\" style=\"margin:0\">",
        f"<div id=\"{p['plot_id']}\" class=\"tl-plot\" role=\"img\" aria-label=\"Timeline chart of "
        f"{n} event{'s' if n != 1 else ''}; the table below lists the same events.\"></div>",
        "<noscript><p>The interactive chart needs JavaScript; the table below lists every "
        "event.</p></noscript>",
        "</figure>",
        _legend_html(sub),
        _table_html(table),
        f"<footer>Made with timeline {escape(__version__)} on "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Relative dates (\u201con Thursday\u201d, "
        "\u201clast week\u201d) are resolved against each article's publication time.</footer>",
        loader,
        f"<script>{p['plot_script']}</script>",
        "</div>",
    ])


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    if table.empty:
        return table
    return table.sort_values("start", kind="stable", na_position="last").reset_index(drop=True)


def _default_title(srcs: list[dict]) -> str:
    if len(srcs) == 1:
        name = srcs[0]["title"] or PurePath(srcs[0]["source"]).name or srcs[0]["source"]
        return f"Timeline: {name}" if name and name != "text" else "Timeline"
    return "Timeline"


def _sources_html(srcs: list[dict]) -> str:
    if not srcs:
        return "<p class=\"tl-sources\">No source articles.</p>"
    items = []
    for s in srcs:
        name = s["title"] or s["source"] or "text"
        where = f" ({escape(s['source'])})" if s["title"] and s["source"] else ""
        items.append(f"<li>Source: <cite>{escape(name)}</cite>{where} \u2014 published "
                     f"<time>{escape(published_label(s['published']))}</time></li>")
    return f"<ul class=\"tl-sources\">{''.join(items)}</ul>"


def _legend_html(sub: str) -> str:
    statuses = "".join(f"<dd><b>{escape(k)}</b>: {escape(v)}</dd>" for k, v in _STATUS_HELP.items())
    return (
        "<section class=\"tl-legend\" aria-label=\"How to read this timeline\">"
        f"<{sub}>How to read this timeline</{sub}><dl>"
        "<dt>Precision</dt><dd>Each event is drawn over the whole interval its date covers: "
        "a point for a day, a bar for a week, a month or a year. A date is never shown more "
        "exact than the article gives it; the table states the precision under each date."
        "</dd>"
        f"<dt>Status</dt>{statuses}"
        "<dt><span class=\"tl-warn\">\u26a0</span> Doubtful</dt><dd>The article contradicts "
        "itself or the date is uncertain (e.g. a weekday that does not match the date). The "
        "event is kept, and the warning says what is in doubt.</dd>"
        "<dt>Confidence</dt><dd>How sure the extraction is of the date, from 0% to 100%.</dd>"
        "</dl></section>"
    )


_HEADERS = ("Date", "Event", "Status", "Evidence", "Actors", "Doubts", "Confidence", "Source")


def _table_html(table: pd.DataFrame) -> str:
    n = len(table)
    if n == 0:
        return ("<p class=\"tl-empty\" role=\"status\">No dated events were found. Check the "
                "publication time, or whether the text is a news article.</p>")
    head = "".join(f"<th scope=\"col\">{h}</th>" for h in _HEADERS)
    rows = [_row_html(row) for row in table.to_dict("records")]
    doubtful = sum(bool(r) for r in table["warnings"])
    note = f"; {doubtful} with a doubtful date" if doubtful else ""
    return (
        "<div class=\"tl-table-wrap\"><table class=\"tl-table\">"
        f"<caption>Events ({n}{note}), in date order</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _row_html(row: dict) -> str:
    warnings = [str(w) for w in (row.get("warnings") or []) if w]
    precision = text(row.get("precision")) or "unknown"
    date_cell = (f"{escape(display_date(row))}"
                 f"<span class=\"tl-precision\">{escape(precision)} precision</span>")
    if warnings:
        date_cell = f"<span class=\"tl-warn\" aria-label=\"doubtful date\">\u26a0</span> {date_cell}"
        doubts = "<ul class=\"tl-warnings\">" + "".join(
            f"<li>{escape(w)}</li>" for w in warnings) + "</ul>"
    else:
        doubts = ""
    confidence = row.get("confidence")
    conf = "" if confidence is None or pd.isna(confidence) else f"{round(float(confidence) * 100)}%"
    actors = ", ".join(escape(str(a)) for a in (row.get("actors") or []))
    source = text(row.get("source"))
    cls = " class=\"tl-doubtful\"" if warnings else ""
    return (
        f"<tr{cls} data-event-id=\"{escape(text(row.get('event_id')))}\">"
        f"<th scope=\"row\">{date_cell}</th>"
        f"<td>{escape(text(row.get('title')))}</td>"
        f"<td class=\"tl-status\">{escape(text(row.get('status')))}</td>"
        f"<td>{_evidence_html(row)}</td>"
        f"<td>{actors}</td>"
        f"<td>{doubts}</td>"
        f"<td>{conf}</td>"
        f"<td>{escape(PurePath(source).name if source else '')}</td>"
        "</tr>"
    )


def _evidence_html(row: dict) -> str:
    """The evidence sentence, with the date as written marked."""
    evidence = text(row.get("evidence"))
    date_text = text(row.get("date_text"))
    at = -1
    if date_text:
        cs, ss = row.get("char_start"), row.get("sentence_start")
        if cs is not None and ss is not None and not pd.isna(cs) and not pd.isna(ss):
            rel = int(cs) - int(ss)
            if evidence[rel:rel + len(date_text)] == date_text:
                at = rel
        if at < 0:
            at = evidence.find(date_text)
    if at < 0:
        return escape(evidence)
    end = at + len(date_text)
    return f"{escape(evidence[:at])}<mark>{escape(evidence[at:end])}</mark>{escape(evidence[end:])}"


def _plot_script(fig, plot_id: str) -> str:
    import plotly.io as pio

    figure_json = script_safe_json(pio.to_json(fig, validate=False))
    config_json = script_safe_json(json.dumps(_PLOT_CONFIG))
    target = json.dumps(plot_id)
    return (
        "(function(){"
        f"var el=document.getElementById({target});"
        "if(!window.Plotly){el.textContent='The interactive chart needs plotly.js, which this "
        "page does not load; the table below lists every event.';return;}"
        f"var fig={figure_json};"
        f"window.Plotly.newPlot(el,fig.data,fig.layout,{config_json});"
        "})();"
    )


def script_safe_json(payload: str) -> str:
    """JSON text that cannot end a ``<script>`` element or open an HTML comment inside it.

    ``<``, ``>`` and ``/`` only occur inside JSON strings, where ``\\u003c`` and
    friends mean the same character; U+2028/2029 are escaped for old parsers.
    """
    return (payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("/", "\\/")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _plotlyjs_inline() -> str:
    from plotly.offline import get_plotlyjs

    # plotly.min.js holds no "</script" (it ships as an inline script in plotly's own pages).
    return get_plotlyjs()


@lru_cache(maxsize=1)
def _cdn_tag() -> str:
    from plotly.offline import get_plotlyjs_version

    url = f"{CDN_HOST}/plotly-{get_plotlyjs_version()}.min.js"
    integrity = _sha256(_plotlyjs_inline())
    return (f"<script src=\"{escape(url)}\" integrity=\"{integrity}\" "
            "crossorigin=\"anonymous\" charset=\"utf-8\"></script>")


def _sha256(content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
