"""Static figures (PNG, SVG, PDF) for reports, drawn by kaleido in the system Chromium.

Starting Chromium takes a second or more, so a batch of images should share
one browser: wrap the batch in :func:`image_session` (the CLI does). Outside a
session every image starts and stops its own browser, which is fine for one.

Figures use the figure's print theme by default: white background, dark
text, sizes chosen to stay legible when the image is scaled to A4 width.
"""

from __future__ import annotations

import logging
import os
import threading
from contextlib import contextmanager

from ..errors import TimelineError
from .figure_of import figure_of

log = logging.getLogger("timeline.export")

IMAGE_FORMATS = ("png", "svg", "pdf")
DEFAULT_WIDTH = 1200
DEFAULT_HEIGHT = 500
MAX_PIXELS = 100_000_000  # width * height * scale**2 beyond this is a mistake, not a report figure

# kaleido's shared server takes one request at a time and hands results back in
# order; the app may ask from several threads, so requests are serialized here.
_LOCK = threading.RLock()


def _server():
    """kaleido's shared sync server (a singleton), or None if this kaleido has none."""
    import kaleido

    server = getattr(kaleido, "_global_server", None)
    return server if hasattr(server, "is_running") else None


def find_browser() -> str | None:
    """Path of the Chromium kaleido would start, or None when there is none."""
    try:
        from choreographer.browsers.chromium import Chromium

        path = Chromium.find_browser(skip_local=False)
    except Exception:  # noqa: BLE001 - an unknown choreographer: let kaleido report it
        return "unknown"
    return path if path and os.path.exists(path) else None


@contextmanager
def image_session():
    """Keep one Chromium open for every image made inside the ``with`` block.

    Sessions nest: an inner one reuses the browser and leaves it open.
    """
    import kaleido

    with _LOCK:
        server = _server()
        started = False
        if server is None or not server.is_running():
            # The shared server starts the browser in a thread and would wait forever for
            # a browser that is not there: check first, for a clear error instead of a hang.
            if find_browser() is None:
                raise _browser_error(RuntimeError("no Chromium or Chrome found"))
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            started = True
            previous_hook = threading.excepthook
            threading.excepthook = _quiet_browser_thread(previous_hook)
    try:
        yield
    finally:
        if started:
            with _LOCK:
                kaleido.stop_sync_server(silence_warnings=True)
                threading.excepthook = previous_hook


def _quiet_browser_thread(previous):
    """A browser that fails kills kaleido's worker thread; the image call reports it as one
    line, so the thread's own traceback is logged instead of printed."""
    server = _server()

    def hook(args):
        if server is not None and args.thread is getattr(server, "_thread", None):
            log.debug("image browser stopped: %s", args.exc_value)
            return
        previous(args)

    return hook


def to_image(events, fmt: str = "png", *, width: int | None = DEFAULT_WIDTH,
             height: int | None = None, scale: float = 1, theme: str = "print",
             title: str | None = None, **figure_options) -> bytes:
    """The timeline as PNG, SVG or PDF bytes, ``width`` x ``height`` CSS pixels times ``scale``."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise TimelineError(f"image format {fmt!r} is not one of {', '.join(IMAGE_FORMATS)}")
    width = int(width or DEFAULT_WIDTH)
    if width < 100 or (height is not None and int(height) < 100):
        raise TimelineError(f"image size {width}x{height} is too small; give --width/--height of "
                            "at least 100 pixels")
    if not 0 < scale <= 10:
        raise TimelineError(f"image scale {scale} is out of range; give a --scale from 0.1 to 10")
    fig = figure_of(events, theme=theme, title=title, width=width, height=height,
                    **figure_options)
    height = int(height or fig.layout.height or DEFAULT_HEIGHT)
    if width * height * scale * scale > MAX_PIXELS:
        raise TimelineError(f"image of {width}x{height} at scale {scale} is too large; "
                            "lower --width, --height or --scale")
    fig.update_layout(width=width, height=height)
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    return _render(fig, opts)


def _render(fig, opts: dict) -> bytes:
    import kaleido

    with _LOCK:
        server = _server()
        try:
            if server is not None and server.is_running():
                return _watched_call(server, fig, opts)
            return kaleido.calc_fig_sync(fig, opts=opts)  # one browser just for this image
        except TimelineError:
            raise
        except Exception as exc:  # noqa: BLE001 - kaleido raises bare Exceptions for browser trouble
            raise _browser_error(exc) from exc


def _watched_call(server, fig, opts: dict) -> bytes:
    """Ask the shared server for an image, giving up if its browser thread has died.

    kaleido's ``call_function`` blocks until its worker takes the request; a worker that
    died (the browser failed to start or crashed) never does, so the call is made from a
    helper thread while this one watches the worker.
    """
    outcome: dict = {}

    def call():
        try:
            outcome["image"] = server.call_function("calc_fig", fig, opts=opts)
        except BaseException as exc:  # noqa: BLE001 - handed over to the caller below
            outcome["error"] = exc

    helper = threading.Thread(target=call, daemon=True, name="timeline-image")
    helper.start()
    worker = getattr(server, "_thread", None)
    while helper.is_alive():
        helper.join(0.2)
        if helper.is_alive() and worker is not None and not worker.is_alive():
            raise _browser_error(RuntimeError("the browser stopped"))
    if "error" in outcome:
        raise outcome["error"]
    return outcome["image"]


def _browser_error(exc: BaseException) -> TimelineError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return TimelineError(
        f"could not draw the image with Chromium ({reason[:200]}); install Chromium "
        "(Debian: apt-get install chromium) or choose a format that needs no browser "
        "(html, csv, json)")
