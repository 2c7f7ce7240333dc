"""The offline HTML export in a real headless Chromium with the network cut off:
the events are drawn, the page needs nothing from the network, and a script in an
article is shown as text, never run."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.export import export

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium"),
]

# A hostile article: scripts and event handlers inside the sentences that become evidence.
HOSTILE = ('<script>window.__pwned = "script"</script>'
           '<img src=x onerror="window.__pwned = \'img\'">'
           '</script><script>window.__pwned = "breakout"</script>')


@pytest.fixture(scope="module")
def page():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _open(browser, path: Path):
    """Open a file:// page with every other request aborted; return (page, problems, blocked)."""
    pg = browser.new_page()
    problems: list[str] = []
    blocked: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    pg.goto(path.as_uri())
    pg.wait_for_function("() => document.querySelector('.js-plotly-plot') !== null "
                         "|| document.querySelector('.tl-plot').textContent.length > 0",
                         timeout=15000)
    return pg, problems, blocked


def _hostile_events(sample_text):
    from timeline.extract import extract

    # The hostile markup rides in sentences that carry dates, so it reaches the evidence.
    text = sample_text.replace(
        "in what EU foreign policy chief", f"{HOSTILE} in what EU foreign policy chief").replace(
        "on Thursday, demonstrating", f"on Thursday {HOSTILE}, demonstrating")
    return extract(text, source="hostile <script>alert(1)</script>.txt")


def test_html_export_draws_every_event_offline(page, sample_text, tmp_path):
    events = _hostile_events(sample_text)
    assert events["evidence"].str.contains("__pwned", regex=False).sum() >= 2
    out = export(events, tmp_path / "timeline.html")
    pg, problems, blocked = _open(page, out)
    drawn_ids = pg.evaluate("""() => {
        const gd = document.querySelector('.js-plotly-plot');
        // event ids ride in customdata (alone, or first of a row of hover fields)
        return gd.data.flatMap(t => Array.from(t.customdata || []).flat(Infinity).map(String));
    }""")
    assert set(drawn_ids) >= set(events["event_id"])  # every event is a point of the chart
    # ... and plotly really drew them: one SVG marker per event at least
    assert pg.locator(".tl-plot .scatterlayer path.point").count() >= len(events)
    assert pg.locator("table.tl-table tbody tr").count() == len(events)
    assert pg.evaluate("() => window.__pwned") is None
    assert pg.locator("img").count() == 0
    assert "window.__pwned" in pg.locator("table.tl-table").inner_text()  # shown as text
    assert blocked == [] and problems == []
    pg.close()


def test_fragment_embedded_in_a_host_page_works(page, sample_text, tmp_path):
    from timeline.export import to_fragment

    events = _hostile_events(sample_text)
    host = tmp_path / "report.html"
    host.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report</title>"
                    "</head><body><h1>Quarterly report</h1>"
                    f"{to_fragment(events)}<p>After the timeline.</p></body></html>",
                    encoding="utf-8")
    pg, problems, blocked = _open(page, host)
    assert pg.evaluate("() => document.querySelector('.js-plotly-plot').data.length") > 0
    assert pg.evaluate("() => window.__pwned") is None
    assert pg.locator("text=After the timeline.").count() == 1
    assert blocked == [] and problems == []
    pg.close()


def test_html_export_works_in_a_sandboxed_iframe(page, sample_text, tmp_path):
    events = _hostile_events(sample_text)
    export(events, tmp_path / "timeline.html")
    host = tmp_path / "host.html"
    host.write_text("<!DOCTYPE html><html><body><h1>Report</h1>"
                    '<iframe src="timeline.html" title="Timeline" sandbox="allow-scripts" '
                    'style="width:100%;height:900px;border:0"></iframe></body></html>',
                    encoding="utf-8")
    pg = page.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    pg.goto(host.as_uri())
    frame = pg.frame_locator("iframe")
    frame.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=15000)
    assert frame.locator("table.tl-table tbody tr").count() == len(events)
    assert pg.evaluate("() => window.__pwned") is None
    assert problems == []
    pg.close()
