"""timeline: turn news about world affairs into a trustworthy timeline.

The public API (imported lazily so that ``timeline.tag`` does not pay for
pandas, plotly or Dash):

- ``read(path) -> Document``             read an article (.txt, .md, .html)
- ``tag(text, published=None)``          date mentions with offsets and TIMEX3 values
- ``extract(text, published=None, source=None) -> DataFrame``   the event table
- ``extract_many(docs) -> DataFrame``    one table for many articles
- ``build_figure(events, **options)``    the timeline as a plotly Figure
- ``export(events, path_or_format, ...)`` write HTML/PNG/CSV/... exports
- ``show(text_or_path)``                 a figure for notebooks, in one line
- ``iter_documents(paths)``, ``load_events(path)``  corpora in, corpus-run output back

``read``, ``extract`` and ``export`` share their names with the modules that
define them; the package keeps the functions under those names (import the
modules with ``from timeline.extract import ...``).
"""

import sys
import types
from importlib import import_module

__version__ = "0.1.0"

_API = {
    "read": "timeline.read",
    "read_text": "timeline.read",
    "Document": "timeline.document",
    "Mention": "timeline.temporal.mention",
    "tag": "timeline.temporal.tagger",
    "find_published": "timeline.temporal.published",
    "extract": "timeline.extract",
    "extract_many": "timeline.extract",
    "make_table": "timeline.table",
    "empty_table": "timeline.table",
    "build_figure": "timeline.figure",
    "export": "timeline.export",
    "show": "timeline.notebook",
    "iter_documents": "timeline.corpus",
    "load_events": "timeline.corpus",
    "TimelineError": "timeline.errors",
    "InputError": "timeline.errors",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        value = getattr(import_module(_API[name]), name)
        object.__setattr__(sys.modules[__name__], name, value)  # cache: later lookups are plain
        return value
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


class _Package(types.ModuleType):
    def __setattr__(self, name, value):
        # Importing a submodule binds it to the package attribute of the same name;
        # for read/extract/export that would replace the public function with the module.
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
