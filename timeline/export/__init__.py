"""Exports: one module behind the CLI (``python -m timeline export``), the Python API and
the app's export buttons::

    from timeline.export import export
    export(events, "eu-japan.html")                  # format from the suffix
    export(events, "slides.png", width=1600, scale=2)
    export(events, "tl.json", fmt="timelinejs")

Every ``to_*`` function takes an event table (see :mod:`timeline.table`) and
returns the file's content (``str``, ``bytes`` or, for TimelineJS, a ``dict``);
:func:`export` writes it to a path, atomically, so a failed export never leaves
half a file over a good one.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from ..errors import TimelineError
from .data import to_csv, to_json, to_jsonl, to_parquet
from .ical import to_ics
from .images import IMAGE_FORMATS, image_session, to_image
from .page import to_fragment, to_html
from .records import records
from .timelinejs import to_timelinejs


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    binary: bool
    media_type: str
    description: str


#: Every export format, by name. ``suffix`` is the file suffix used when a name is made up.
FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("html", ".html", False, "text/html",
           "self-contained page that works offline: chart, sources, legend, event table"),
    Format("fragment", ".html", False, "text/html",
           "embeddable <div> for a page or report (no <html> wrapper)"),
    Format("png", ".png", True, "image/png", "report figure, raster"),
    Format("svg", ".svg", False, "image/svg+xml", "report figure, vector"),
    Format("pdf", ".pdf", True, "application/pdf", "report figure, vector PDF page"),
    Format("csv", ".csv", False, "text/csv", "event table, one row per event"),
    Format("json", ".json", False, "application/json", "array of event objects, ISO dates"),
    Format("jsonl", ".jsonl", False, "application/x-ndjson", "one event object a line"),
    Format("parquet", ".parquet", True, "application/vnd.apache.parquet",
           "event table with its column types"),
    Format("timelinejs", ".json", False, "application/json",
           "TimelineJS3 JSON for Knight Lab's TimelineJS"),
    Format("ics", ".ics", True, "text/calendar", "iCalendar, one all-day entry per event"),
)}

# Suffixes that name one format unambiguously (.json is plain JSON; TimelineJS must be asked for).
_BY_SUFFIX = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg", ".pdf": "pdf",
              ".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
              ".parquet": "parquet", ".pq": "parquet", ".ics": "ics", ".ical": "ics"}

# Options each format understands; others given to render()/export() are ignored for that
# format, so one set of options can drive a batch. ``scale`` is the pixel factor of an image;
# the figure's time axis ("collapsed" or "linear") is ``time_scale``.
_FIGURE = ("theme", "lanes", "time_scale", "show_overview")
_OPTIONS = {
    "html": ("title", "sources", "plotlyjs", *_FIGURE),
    "fragment": ("title", "sources", "plotlyjs", *_FIGURE),
    "png": ("width", "height", "scale", "title", *_FIGURE),
    "csv": ("formula_guard",),
    "json": ("indent",),
    "jsonl": (),
    "parquet": (),
    "timelinejs": ("title", "sources", "group_by"),
    "ics": ("title", "sources", "stamp"),
}
_OPTIONS["svg"] = _OPTIONS["pdf"] = _OPTIONS["png"]
_WRITERS = {
    "html": to_html, "fragment": to_fragment, "csv": to_csv, "json": to_json,
    "jsonl": to_jsonl, "parquet": to_parquet, "ics": to_ics,
}


def format_for(path: str | os.PathLike | None, fmt: str | None = None) -> str:
    """The format name: ``fmt`` if given (checked), else inferred from the path's suffix."""
    if fmt:
        name = fmt.lower().lstrip(".")
        if name not in FORMATS:
            raise TimelineError(f"unknown export format {fmt!r}; choose one of "
                                f"{', '.join(FORMATS)}")
        return name
    suffix = Path(os.fspath(path)).suffix.lower() if path is not None else ""
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    raise TimelineError(f"cannot tell the export format of {os.fspath(path)!r} from its suffix; "
                        f"give one of {', '.join(FORMATS)}")


def render(events, fmt: str, **options) -> str | bytes:
    """The content of one export: ``str`` for text formats, ``bytes`` for png, pdf, parquet, ics."""
    name = format_for(None, fmt)
    opts = {k: v for k, v in options.items() if k in _OPTIONS[name] and v is not None}
    if name in IMAGE_FORMATS:
        return to_image(events, name, **opts)
    if name == "timelinejs":
        return json.dumps(to_timelinejs(events, **opts), ensure_ascii=False, indent=2) + "\n"
    return _WRITERS[name](events, **opts)


def export(events, path: str | os.PathLike, fmt: str | None = None, **options) -> Path:
    """Write ``events`` to ``path`` in ``fmt`` (default: from the suffix); returns the path."""
    name = format_for(path, fmt)
    content = render(events, name, **options)
    return write_atomic(path, content)


#: File suffixes used when several formats are written side by side (two share .html/.json).
BATCH_SUFFIXES = {"fragment": ".fragment.html", "timelinejs": ".timelinejs.json"}


def batch_paths(base: str | os.PathLike, formats) -> dict[str, Path]:
    """Where each of several formats goes: ``base`` with each format's suffix.

    ``base`` is a folder (files ``timeline.<suffix>`` inside it) or a path whose
    export suffix, if any, is dropped: ``out/report.html`` -> ``out/report.png`` ...
    """
    names = [format_for(None, f) for f in formats]
    base_s = os.fspath(base)
    base_path = Path(base_s)
    if base_path.is_dir() or base_s.endswith(("/", os.sep)):
        stem = base_path / "timeline"
    elif base_path.suffix.lower() in _BY_SUFFIX:
        stem = base_path.with_suffix("")
    else:
        stem = base_path
    return {n: stem.with_name(stem.name + BATCH_SUFFIXES.get(n, FORMATS[n].suffix))
            for n in dict.fromkeys(names)}


def export_all(events, base: str | os.PathLike, formats, **options) -> dict[str, Path]:
    """Write ``events`` in several formats beside each other (see :func:`batch_paths`).

    Image formats share one Chromium for the whole batch.
    """
    targets = batch_paths(base, formats)
    if os.fspath(base).endswith(("/", os.sep)):  # a folder asked for by name: make it
        Path(os.fspath(base)).mkdir(parents=True, exist_ok=True)
    needs_browser = any(n in IMAGE_FORMATS for n in targets)
    with image_session() if needs_browser else nullcontext():
        # Images last: the browser starts in the background while the other files are made.
        for name, path in sorted(targets.items(), key=lambda kv: kv[0] in IMAGE_FORMATS):
            write_atomic(path, render(events, name, **options))
    return targets


def write_atomic(path: str | os.PathLike, content: str | bytes) -> Path:
    """Write a file through a temporary sibling and a rename, so readers never see half of it."""
    target = Path(os.fspath(path))
    if target.is_dir():
        raise TimelineError(f"{target} is a folder; give a file name to export to")
    if not target.parent.exists():
        raise TimelineError(f"{target.parent} does not exist; create it or export elsewhere")
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes the file private (0600): keep the mode of the file replaced, or
        # give a new export the usual rw-r--r--.
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


__all__ = [
    "BATCH_SUFFIXES", "FORMATS", "IMAGE_FORMATS", "Format", "batch_paths", "export",
    "export_all", "format_for", "image_session", "records",
    "render", "to_csv", "to_fragment", "to_html", "to_ics", "to_image", "to_json", "to_jsonl",
    "to_parquet", "to_timelinejs", "write_atomic",
]
