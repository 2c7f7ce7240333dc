"""The side panel for one event: the source passage with the date highlighted, the
warnings in plain words, the sources, and what the user corrected.

Text is passed to Dash components as strings, which React renders as text: markup
in an article (``<script>``, ``onerror=``) is shown, never run.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from ..figure import date_phrase, source_name
from ..table import LIST_COLUMNS

#: Longest passage shown around the event's sentence, in characters.
PASSAGE_CHARS = 1500


def highlight(text: str, start: int, end: int, date_start: int | None, date_end: int | None,
              sentence: tuple[int, int] | None = None) -> list:
    """Children for ``text[start:end]``: the sentence in <strong>, the date in <mark>."""
    pieces: list = []
    cuts = sorted({start, end, *(p for p in (date_start, date_end) if p is not None and start <= p <= end),
                   *(p for p in (sentence or ()) if start <= p <= end)})
    for a, b in zip(cuts, cuts[1:], strict=False):
        chunk = text[a:b]
        if not chunk:
            continue
        if date_start is not None and date_end is not None and date_start <= a and b <= date_end:
            node = html.Mark(chunk, className="date-mark")
        else:
            node = chunk
        if sentence and sentence[0] <= a and b <= sentence[1]:
            node = html.Strong(node)
        pieces.append(node)
    return pieces


def passage(event: dict, text: str | None) -> list:
    """The paragraph the event comes from (from the article when known, else its sentence)."""
    s0, s1 = _int(event.get("sentence_start")), _int(event.get("sentence_end"))
    d0, d1 = _int(event.get("char_start")), _int(event.get("char_end"))
    date_text = str(event.get("date_text") or "")
    if text and s0 is not None and s1 is not None and 0 <= s0 < s1 <= len(text):
        p0 = text.rfind("\n", 0, s0) + 1
        p1 = text.find("\n", s1)
        p1 = len(text) if p1 < 0 else p1
        p0, p1 = max(p0, s0 - PASSAGE_CHARS // 2), min(p1, s1 + PASSAGE_CHARS // 2)
        ok = d0 is not None and d1 is not None and text[d0:d1] == date_text
        return highlight(text, p0, p1, d0 if ok else None, d1 if ok else None, (s0, s1))
    evidence = str(event.get("evidence") or "")
    if not evidence:
        return [html.Em("(no source sentence was kept for this event)")]
    at = -1
    if d0 is not None and s0 is not None and evidence[d0 - s0 : d1 - s0] == date_text:
        at = d0 - s0
    elif date_text:
        at = evidence.find(date_text)
    if at < 0:
        return [evidence]
    return highlight(evidence, 0, len(evidence), at, at + len(date_text))


def event_panel(event: dict | None, text: str | None = None) -> list:
    if not event:
        return [html.P("This event is no longer in the table (deleted or filtered out).",
                       className="muted")]
    ev = {k: (list(v) if k in LIST_COLUMNS or k == "edited" else v) for k, v in event.items()}
    warnings = [str(w) for w in ev.get("warnings") or []]
    date = date_phrase(str(ev.get("date_value") or ""), str(ev.get("precision") or ""),
                       str(ev.get("date_mod") or ""))
    facts = [
        ("Date as written", f"“{ev.get('date_text') or '—'}”"),
        ("Normalized", date),
        ("Status", str(ev.get("status") or "unknown")),
        ("Actors", ", ".join(map(str, ev.get("actors") or [])) or "—"),
        ("Countries", ", ".join(map(str, ev.get("countries") or [])) or "—"),
        ("Category", str(ev.get("category") or "—")),
        ("Confidence", _conf(ev.get("confidence"))),
    ]
    children: list = [
        html.H2(str(ev.get("title") or "(untitled event)"), className="event-title"),
    ]
    if ev.get("state") in ("hidden", "deleted"):
        children.append(html.P(f"This event is {ev['state']}. “Undo edits” brings it back.",
                               className="badge badge-muted"))
    if warnings:
        children.append(html.Div(
            [html.H3("⚠ Doubtful", className="warn-title")]
            + [html.P(w, className="warn-text") for w in warnings],
            className="warnings", role="note",
        ))
    children.append(html.Dl([x for k, v in facts for x in (html.Dt(k), html.Dd(v))], className="facts"))
    children.append(html.H3("Source passage"))
    children.append(html.Blockquote(passage(ev, text), className="passage"))
    sources = [str(s) for s in ev.get("sources") or []] or ([str(ev["source"])] if ev.get("source") else [])
    if sources:
        children.append(html.H3("Sources"))
        children.append(html.Ul([html.Li(source_name(s), title=s) for s in sources], className="sources"))
    if ev.get("published"):
        children.append(html.P(f"Published: {ev['published']}", className="muted"))
    edited = ev.get("edited") or []
    if edited:
        children.append(html.P("Corrected by you: " + ", ".join(map(str, edited))
                               + " (the extracted values are kept; “Undo edits” restores them).",
                               className="badge"))
    return children


def _int(value) -> int | None:
    try:
        if value is None or pd.isna(value):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def _conf(value) -> str:
    try:
        return f"{float(value):.2f}" if value is not None and not pd.isna(value) else "—"
    except (TypeError, ValueError):
        return "—"
