"""The running app in headless Chromium: the sample is drawn, clicking shows the sentence,
filters change the drawing and the URL, edits survive reload and restart, uploads appear,
hostile text runs nothing, and the page logs no errors."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

EVENTS_JS = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  if (!gd || !gd.data) return null;
  const t = gd.data.find(t => t.name === 'events');
  return t ? t.customdata.map(r => r[0]) : [];
}"""


@pytest.fixture(scope="module")
def sample_table(sample_path):
    from timeline.extract import extract
    from timeline.read import read

    doc = read(sample_path)
    return extract(doc.text, published=doc.published, source=str(sample_path))


def drawn(page) -> list[str]:
    return page.evaluate(EVENTS_JS) or []


def open_app(page, url: str, query: str = "") -> None:
    page.goto(url + query)
    page.wait_for_function(f"({EVENTS_JS})() && ({EVENTS_JS})().length > 0", timeout=30_000)


def click_event(page, event_id: str) -> None:
    """A real mouse click on the event's marker."""
    index = page.evaluate("""(id) => {
      const gd = document.querySelector('#timeline .js-plotly-plot');
      const k = gd.data.findIndex(t => t.name === 'events');
      return [k, gd.data[k].customdata.findIndex(r => r[0] === id)];
    }""", event_id)
    trace, point = index
    page.locator("#timeline .scatterlayer .trace").nth(trace).locator(".point").nth(point).click(force=True)


def test_the_sample_is_drawn(page, app_server, sample_table):
    open_app(page, app_server.url)
    dated = sample_table[sample_table["start"].notna()]
    assert sorted(drawn(page)) == sorted(dated["event_id"])
    assert len(dated) >= 6
    assert f"{len(sample_table)} events" in page.inner_text("#summary")
    # Every event also has its row in the table.
    page.wait_for_selector(".ag-center-cols-container .ag-row")
    assert page.locator(".ag-center-cols-container .ag-row").count() == len(sample_table)


def test_clicking_an_event_shows_its_sentence(page, app_server, sample_table):
    open_app(page, app_server.url)
    missile = sample_table[sample_table["evidence"].str.contains("Pyongyang")].iloc[0]
    click_event(page, missile["event_id"])
    panel = page.locator("#event-panel")
    panel.locator("blockquote").wait_for()
    assert "Pyongyang also tested one of its latest" in panel.inner_text()
    assert panel.locator("mark").first.inner_text() == missile["date_text"]
    # Next / previous step through time.
    page.click("#next-event")
    page.wait_for_function("!document.querySelector('#event-panel').innerText.includes('Pyongyang')")
    page.click("#prev-event")
    page.wait_for_function("document.querySelector('#event-panel').innerText.includes('Pyongyang')")
    # Keyboard: arrow to the table's next row and press Space to show it.
    rows = page.locator(".ag-center-cols-container .ag-row")
    rows.nth(0).locator('[col-id="date_value"]').click()
    second_title = rows.nth(1).locator('[col-id="title"]').inner_text().rstrip("…")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    page.wait_for_function("(t) => document.querySelector('#event-panel h2').innerText.startsWith(t.slice(0, 20))",
                           arg=second_title)


def test_a_filter_changes_what_is_drawn_and_lives_in_the_url(page, app_server, sample_table):
    open_app(page, app_server.url)
    before = len(drawn(page))
    page.fill("#f-q", "missile")
    page.press("#f-q", "Enter")
    page.wait_for_function(f"({EVENTS_JS})().length === 1")
    assert len(drawn(page)) < before
    page.wait_for_function("location.search.includes('q=missile')")
    page.reload()
    page.wait_for_function(f"({EVENTS_JS})() && ({EVENTS_JS})().length === 1", timeout=30_000)
    assert page.input_value("#f-q") == "missile"
    # A shared link with a status filter opens filtered.
    open_app(page, app_server.url, "?status=target")
    targets = sample_table[sample_table["status"] == "target"]
    assert sorted(drawn(page)) == sorted(targets["event_id"])


def _title_cell(page, event_id: str):
    return page.locator(f'.ag-center-cols-container .ag-row[row-id="{event_id}"] [col-id="title"]')


def test_an_edit_survives_reload_and_restart_and_can_be_undone(page, app_server, sample_table):
    open_app(page, app_server.url)
    eid = sample_table[sample_table["evidence"].str.contains("Pyongyang")].iloc[0]["event_id"]
    original = _title_cell(page, eid).inner_text()
    _title_cell(page, eid).dblclick()
    editor = page.locator(".ag-cell-inline-editing input")
    editor.fill("Missile test before the US election")
    editor.press("Enter")
    page.wait_for_function("document.querySelector('#edit-message').innerText.includes('Saved')")
    page.reload()
    open_app(page, app_server.url)
    assert _title_cell(page, eid).inner_text() == "Missile test before the US election"
    page.goto("about:blank")   # leave the page first: a stopped server fails open requests
    app_server.stop()
    app_server.start()
    open_app(page, app_server.url)
    assert _title_cell(page, eid).inner_text() == "Missile test before the US election"
    # Undo: back to the extracted title.
    page.locator(f'.ag-center-cols-container .ag-row[row-id="{eid}"] input[type=checkbox]').first.check()
    page.click("#act-undo")
    page.wait_for_function("document.querySelector('#edit-message').innerText.includes('Restored')")
    page.wait_for_function(
        "([id, t]) => { const c = document.querySelector("
        "`.ag-center-cols-container .ag-row[row-id=\"${id}\"] [col-id=\"title\"]`);"
        " return c && c.innerText === t; }", arg=[eid, original])


def test_an_uploaded_article_appears(page, app_server, tmp_path):
    article = tmp_path / "geneva-talks.txt"
    article.write_text("Negotiators met in Geneva on March 3, 2025, and agreed to meet again "
                       "in Vienna on April 14, 2025.\n", encoding="utf-8")
    open_app(page, app_server.url)
    before = len(drawn(page))
    page.click("#add-articles summary")
    page.fill("#add-published", "2025-03-04")
    page.set_input_files("#add-upload input[type=file]", str(article))
    page.wait_for_function("document.querySelector('#add-message').innerText.includes('geneva-talks.txt')")
    assert "✓" in page.inner_text("#add-message")
    page.wait_for_function(f"({EVENTS_JS})().length > {before}")
    page.check("#v-lanes input[value=source]")
    page.wait_for_function(
        "document.querySelector('#timeline .js-plotly-plot').layout.yaxis.ticktext"
        ".some(t => t.includes('geneva-talks.txt'))")


def test_a_hostile_article_runs_no_script(page, app_server):
    open_app(page, app_server.url)
    page.click("#add-articles summary")
    hostile = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
               " Ministers met in Paris on June 5, 2025 <b onmouseover=alert(1)>to sign</b> a deal.")
    page.fill("#add-name", "hostile.txt")
    page.fill("#add-text", hostile)
    page.click("#add-submit")
    page.wait_for_function("document.querySelector('#add-message').innerText.includes('hostile.txt')")
    page.fill("#f-q", "Paris")
    page.press("#f-q", "Enter")
    page.wait_for_function(f"({EVENTS_JS})().length >= 1")
    row = page.locator(".ag-center-cols-container .ag-row", has_text="Paris").first
    row.locator('[col-id="title"]').click()
    page.locator("#event-panel blockquote").wait_for()
    page.mouse.move(400, 300)
    assert "<script>" in page.inner_text("#event-panel")           # shown as text
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('#event-panel script, #event-panel img').length") == 0
