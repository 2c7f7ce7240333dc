"""The app's view state: filters and display options, their URL form, and applying them.

The state lives in the page URL (``?actor=Japan&status=target&q=missile``) so a view can
be bookmarked or shared. Everything here is plain Python and pandas, testable without a
browser.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

from ..figure import LANE_OPTIONS, SCALE_OPTIONS

#: URL key -> ViewState attribute, for the multi-valued filters.
LIST_KEYS = {
    "actor": "actors", "country": "countries", "category": "categories",
    "status": "statuses", "source": "sources",
}


@dataclass
class ViewState:
    actors: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    date_from: str = ""
    date_to: str = ""
    q: str = ""
    lanes: str = "category"
    scale: str = "collapsed"
    show_hidden: bool = False

    def to_query(self) -> str:
        """'?actor=Japan&q=missile' (only what differs from the default), or ''."""
        pairs: list[tuple[str, str]] = []
        for key, attr in LIST_KEYS.items():
            pairs.extend((key, v) for v in getattr(self, attr))
        for key in ("date_from", "date_to", "q"):
            if getattr(self, key):
                pairs.append((key.replace("date_", ""), getattr(self, key)))
        if self.lanes != "category":
            pairs.append(("lanes", self.lanes))
        if self.scale != "collapsed":
            pairs.append(("scale", self.scale))
        if self.show_hidden:
            pairs.append(("hidden", "1"))
        return "?" + urlencode(pairs) if pairs else ""

    @classmethod
    def from_query(cls, search: str | None) -> ViewState:
        """Parse a URL query; unknown keys and bad values are ignored, never fatal."""
        qs = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
        state = cls()
        for key, attr in LIST_KEYS.items():
            setattr(state, attr, [v[:200] for v in qs.get(key, [])][:50])
        state.date_from = _iso_day(qs.get("from", [""])[0])
        state.date_to = _iso_day(qs.get("to", [""])[0])
        state.q = qs.get("q", [""])[0][:200]
        lanes = qs.get("lanes", ["category"])[0]
        state.lanes = lanes if lanes in LANE_OPTIONS else "category"
        scale = qs.get("scale", ["collapsed"])[0]
        state.scale = scale if scale in SCALE_OPTIONS else "collapsed"
        state.show_hidden = qs.get("hidden", ["0"])[0] in ("1", "true", "yes")
        return state

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_values(cls, **values) -> ViewState:
        """From control values (None for an untouched control)."""
        names = {f.name for f in fields(cls)}
        clean = {}
        for k, v in values.items():
            if k not in names or v is None:
                continue
            if k in LIST_KEYS.values():
                v = [str(x) for x in (v if isinstance(v, list | tuple) else [v])]
            elif k == "show_hidden":
                v = bool(v)
            elif k in ("date_from", "date_to"):
                v = _iso_day(str(v))
            else:
                v = str(v)
            clean[k] = v
        state = cls(**clean)
        if state.lanes not in LANE_OPTIONS:
            state.lanes = "category"
        if state.scale not in SCALE_OPTIONS:
            state.scale = "collapsed"
        return state


def _iso_day(value: str) -> str:
    value = (value or "").strip()[:10]
    try:
        return pd.Timestamp(value).strftime("%Y-%m-%d") if value else ""
    except (ValueError, TypeError):
        return ""


def search_text(df: pd.DataFrame) -> pd.Series:
    """One lower-cased string per event for the free-text search (computed once per table)."""
    parts = [df[c].fillna("").astype(str) for c in ("title", "evidence", "date_text", "category",
                                                   "source", "date_value")]
    lists = [df[c].map(lambda v: " ".join(map(str, v))) for c in ("actors", "countries", "warnings")]
    out = parts[0]
    for p in parts[1:] + lists:
        out = out + "\n" + p
    return out.str.lower()


def apply_filters(df: pd.DataFrame, state: ViewState, haystack: pd.Series | None = None) -> pd.DataFrame:
    """The rows of ``df`` that the view shows. Undated events stay unless a date range is set."""
    keep = np.ones(len(df), dtype=bool)
    if state.actors:
        wanted = set(state.actors)
        keep &= np.fromiter((bool(wanted.intersection(a)) for a in df["actors"]), bool, len(df))
    if state.countries:
        wanted = set(state.countries)
        keep &= np.fromiter((bool(wanted.intersection(a)) for a in df["countries"]), bool, len(df))
    if state.categories:
        keep &= df["category"].isin(state.categories).to_numpy(dtype=bool)
    if state.statuses:
        keep &= df["status"].isin(state.statuses).to_numpy(dtype=bool)
    if state.sources:
        keep &= df["source"].isin(state.sources).to_numpy(dtype=bool)
    if state.date_from:
        end = df["end"].fillna(df["start"])
        keep &= (end >= pd.Timestamp(state.date_from)).to_numpy(dtype=bool)
    if state.date_to:
        keep &= (df["start"] <= pd.Timestamp(state.date_to)).to_numpy(dtype=bool)
    if state.q.strip():
        hay = haystack if haystack is not None else search_text(df)
        for word in state.q.lower().split():
            keep &= hay.str.contains(word, regex=False).to_numpy(dtype=bool)
    return df[keep]


def options(df: pd.DataFrame) -> dict[str, list[dict]]:
    """Dropdown options for each filter, with counts ("Japan (4)"), most frequent first."""
    def counted(values) -> list[dict]:
        counts = pd.Series(values, dtype="object").value_counts()
        return [{"label": f"{k} ({n})", "value": k} for k, n in counts.items() if k]

    return {
        "actors": counted([a for lst in df["actors"] for a in lst]),
        "countries": counted([c for lst in df["countries"] for c in lst]),
        "categories": counted(list(df["category"].astype(str))),
        "sources": counted(list(df["source"].astype(str))),
    }
