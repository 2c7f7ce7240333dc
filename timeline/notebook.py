"""Timelines in Jupyter notebooks.

A figure displays inline when it is the last expression of a cell, so one line
shows the timeline of an article::

    import timeline
    timeline.show("article.txt")                      # a file ...
    timeline.show(text, published="2024-11-02")     # ... or the text itself

``show`` returns the plotly Figure, to be styled further or saved with
``timeline.export``.
"""

from __future__ import annotations

import os
from pathlib import Path


def show(text_or_path, published=None, **figure_options):
    """The timeline of one article (its text, or a path to it) as a plotly Figure.

    ``published`` is the publication time when the article does not state it
    (ISO text, datetime, or as printed: "November 02, 2024 12:35 PM IST").
    ``figure_options`` go to :func:`timeline.figure.build_figure` (``lanes``,
    ``scale``, ``theme``, ``title``, ...).
    """
    from .extract import extract
    from .figure import build_figure

    if _is_path(text_or_path):
        from .read import read

        events = extract(read(text_or_path), published=published)
    else:
        events = extract(text_or_path, published=published, source="text")
    return build_figure(events, **figure_options)


def _is_path(value) -> bool:
    if isinstance(value, os.PathLike):
        return True
    # A short single line naming an existing file is a path; anything else is article text.
    return (isinstance(value, str) and "\n" not in value and len(value) < 4096
            and Path(value).is_file())
