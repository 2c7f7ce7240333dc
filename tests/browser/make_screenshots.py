"""Take the README's screenshots of the running app (1280x800 and a narrow window) and
render the print figure (the PNG export) of the sample article.

Run: ``.venv/bin/python tests/browser/make_screenshots.py`` (writes docs/screenshots/*.png).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE.parent)]

from playwright.sync_api import sync_playwright  # noqa: E402

from browser.conftest import ARGS, AppServer  # noqa: E402

OUT = HERE.parents[1] / "docs" / "screenshots"
EVENTS = ("() => { const gd = document.querySelector('#timeline .js-plotly-plot');"
          " const t = gd && gd.data && gd.data.find(t => t.name === 'events');"
          " return t ? t.customdata.map(r => r[0]) : []; }")


def select(page, text: str) -> None:
    """Click the table row whose event mentions ``text`` (shows it in the side panel)."""
    row = page.locator(".ag-center-cols-container .ag-row", has_text=text).first
    row.locator('[col-id="title"]').click()
    page.locator("#event-panel blockquote").wait_for()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = AppServer(Path(tmp) / "edits.sqlite3")
        server.start()
        try:
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = b.new_page(viewport={"width": 1280, "height": 800})
                page.goto(server.url)
                page.wait_for_function(f"({EVENTS})().length > 0", timeout=60_000)
                select(page, "Friday (November 2, 2024)")
                page.mouse.move(5, 5)
                page.evaluate("window.scrollTo(0, 0); document.querySelector('.side').scrollTop = 0")
                page.wait_for_timeout(800)
                page.screenshot(path=OUT / "app-1280x800.png")
                page.screenshot(path=OUT / "app-full-page.png", full_page=True)
                page.goto(server.url + "?scale=linear&lanes=status")
                page.wait_for_function(f"({EVENTS})().length > 0", timeout=60_000)
                page.wait_for_timeout(800)
                page.screenshot(path=OUT / "app-chronological.png")
                narrow = b.new_page(viewport={"width": 420, "height": 900})
                narrow.goto(server.url)
                narrow.wait_for_function(f"({EVENTS})().length > 0", timeout=60_000)
                narrow.wait_for_timeout(800)
                narrow.screenshot(path=OUT / "app-narrow-420.png", full_page=True)
                b.close()
        finally:
            server.stop()
    print_figure()
    for f in sorted(OUT.glob("*.png")):
        print(f.relative_to(OUT.parents[1]), f.stat().st_size // 1024, "KB")


def print_figure() -> None:
    """The PNG export of the sample at its default 1200 px width (print theme)."""
    from timeline.app.data import SAMPLE
    from timeline.export import to_image
    from timeline.extract import extract
    from timeline.read import read

    doc = read(SAMPLE)
    events = extract(doc.text, published=doc.published, source=SAMPLE.name)
    png = to_image(events, "png", title="EU–Japan security and defence partnership")
    (OUT / "export-print-1200.png").write_bytes(png)


if __name__ == "__main__":
    main()
