"""The running app in headless Chromium: the sample is drawn, clicking shows the sentence,
filters change the drawing and the URL, edits survive reload and restart, uploads appear,
hostile text runs nothing, and the page logs no errors."""

from __future__ import annotations

import json

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


def test_the_table_shows_every_date_at_its_precision(browser, tmp_path):
    # The first row is a day, the others a month, a week and a year: a grid that took the column
    # for calendar dates from its first row would leave the others blank.
    from browser.conftest import AppServer

    article = tmp_path / "dates.txt"
    article.write_text("Envoys met in Geneva on March 3, 2025. Talks resumed in April 2025. "
                       "Sanctions were eased in the week of 12 May 2025. A deal is due by 2027.\n",
                       encoding="utf-8")
    server = AppServer(tmp_path / "edits.sqlite3", [str(article)])
    server.start()
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 1200})
        page = context.new_page()
        open_app(page, server.url)
        cells = '.ag-center-cols-container .ag-row [col-id="date_value"]'
        page.wait_for_selector(cells)
        shown = sorted(t.strip() for t in page.locator(cells).all_inner_texts())
        assert shown == ["2025-03-03", "2025-04", "2025-W20", "2027"]
        context.close()
    finally:
        server.stop()


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


def test_the_page_loads_one_small_plotly_and_nothing_from_outside(page, app_server):
    """The app's own plotly.js bundle (scatter and scattergl only) replaces the 4.8 MB one."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_app(page, app_server.url)
    page.wait_for_selector(".ag-center-cols-container .ag-row")
    plotly = [u for u in requests if "plotly" in u.lower()]
    assert len(plotly) == 1 and "/assets/plotly-timeline.min.js" in plotly[0], plotly
    assert all(u.startswith(app_server.url) for u in requests), requests
    traces = page.evaluate("Object.keys(window.Plotly.PlotSchema.get().traces).sort()")
    assert traces == ["scatter", "scattergl"]
    # No modebar button that would send the chart to a web service.
    page.hover("#timeline .plot-container")
    assert page.locator("#timeline .modebar-btn").count() > 0
    assert page.locator('#timeline .modebar-btn[data-title^="Share"]').count() == 0


# Every focusable control or named widget must have an accessible name: aria-label,
# aria-labelledby, a <label>, its own text (buttons, links) or a title. Rows and cells of
# the table are named by their content; aria-hidden elements are not in the tree.
UNNAMED_JS = """() => {
  const text = el => (el.innerText || el.textContent || '').trim();
  const shown = el => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none' && (r.width > 0 || r.height > 0); };
  const name = el => {
    const aria = (el.getAttribute('aria-label') || '').trim();
    if (aria) return aria;
    const by = el.getAttribute('aria-labelledby');
    if (by) { const t = by.split(/\\s+/).map(id => document.getElementById(id)).filter(Boolean)
      .map(text).join(' ').trim(); if (t) return t; }
    if (el.id) { const l = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (l && text(l)) return text(l); }
    const wrap = el.closest('label'); if (wrap && text(wrap)) return text(wrap);
    if (['BUTTON', 'A', 'SUMMARY'].includes(el.tagName)
        || ['button', 'link', 'option', 'tab', 'menuitem'].includes(el.getAttribute('role'))) {
      if (text(el)) return text(el); }
    return (el.getAttribute('title') || el.getAttribute('data-title') || '').trim();
  };
  const sel = 'input:not([type=hidden]), select, textarea, button, a[href], summary, [role=button],'
    + ' [role=combobox], [role=checkbox], [role=radio], [role=textbox], [role=slider],'
    + ' [tabindex]:not([tabindex="-1"])';
  const skip = el => el.closest('[aria-hidden=true]')
    || ['row', 'gridcell', 'columnheader', 'rowgroup', 'grid', 'treegrid', 'presentation']
       .includes(el.getAttribute('role'));
  return [...document.querySelectorAll(sel)].filter(el => shown(el) && !skip(el) && !name(el))
    .map(el => el.outerHTML.slice(0, 200));
}"""


def test_every_control_has_a_name_and_the_focus_order_follows_the_page(page, app_server):
    open_app(page, app_server.url)
    page.wait_for_selector(".ag-center-cols-container .ag-row")
    page.click("#add-articles summary")
    page.locator("#add-upload input[type=file]").wait_for(state="attached")
    page.wait_for_function("document.querySelector('#add-upload input[type=file]')"
                           ".getAttribute('aria-label')")
    assert page.evaluate(UNNAMED_JS) == []
    # Tab from the top: filters, then the chart's tools and exports, then the side panel's
    # Previous/Next, then the table's actions.
    page.focus("#f-q")
    seen: list[str] = []
    for _ in range(60):
        seen.append(page.evaluate("document.activeElement.id || ''"))
        if seen[-1] == "act-hide":
            break
        page.keyboard.press("Tab")
    wanted = ["f-q", "f-actors", "f-categories", "f-date-from", "reset-link", "prev-event",
              "next-event", "act-hide"]
    assert [i for i in seen if i in wanted] == wanted, seen
    assert seen.index("reset-link") < seen.index('{"fmt":"html","type":"export"}') < seen.index("prev-event")
    # Enter on Next shows an event, keyboard only.
    page.focus("#next-event")
    page.keyboard.press("Enter")
    page.locator("#event-panel blockquote").wait_for()


def test_a_narrow_window_stacks_the_page(browser, app_server):
    context = browser.new_context(viewport={"width": 420, "height": 900})
    try:
        pg = context.new_page()
        open_app(pg, app_server.url)
        # Nothing but the chart (which scrolls in its own box) is wider than the window.
        assert pg.evaluate("document.scrollingElement.scrollWidth") <= 420
        box = {s: pg.locator(s).bounding_box() for s in
               ("#f-actors", "#f-countries", ".chart", ".side", ".table-section", ".scroll-hint")}
        assert box["#f-actors"]["y"] == box["#f-countries"]["y"]         # two filters a row
        assert box["#f-countries"]["x"] + box["#f-countries"]["width"] <= 420
        assert box[".chart"]["y"] < box[".side"]["y"] < box[".table-section"]["y"]
        assert box[".side"]["width"] >= 380                              # full width, below
        assert box[".scroll-hint"]["height"] > 0
        # The chart is drawn for the narrow window: lane names give the time axis room.
        layout = pg.evaluate("document.querySelector('#timeline .js-plotly-plot').layout")
        assert layout["width"] == 600 and layout["margin"]["l"] <= 180
        assert max(len(t) for t in layout["yaxis"]["ticktext"]) <= 20
    finally:
        context.close()


@pytest.mark.parametrize("width", [1000, 1200])
def test_print_labels_fit_in_the_plot_and_are_large_enough(browser, sample_table, width):
    """The PNG/SVG/PDF figure, drawn by the app's plotly.js: every label inside the plot
    area, none on another, and at least 8 pt when the figure is printed 16 cm wide."""
    from plotly.io.json import to_json_plotly

    from timeline.app.server import ASSETS
    from timeline.figure import figure_dict

    context = browser.new_context(viewport={"width": width + 40, "height": 900})
    try:
        pg = context.new_page()
        pg.set_content('<div id="fig"></div>')
        pg.add_script_tag(path=str(ASSETS / "plotly-timeline.min.js"))
        for scale, lanes in (("collapsed", "category"), ("linear", "category"),
                             ("collapsed", "source")):
            fig = to_json_plotly(figure_dict(sample_table, theme="print", scale=scale, width=width,
                                             lanes=lanes,
                                             title="EU–Japan security and defence partnership"))
            # The event labels: annotations on the axes (notes and cuts sit on the paper).
            index = [i for i, a in enumerate(json.loads(fig)["layout"]["annotations"])
                     if "yref" not in a]
            boxes = pg.evaluate("""async ([fig, index]) => {
              fig = JSON.parse(fig);
              const gd = document.getElementById('fig');
              await Plotly.newPlot(gd, fig.data, fig.layout, {staticPlot: true});
              const size = gd._fullLayout._size, at = gd.getBoundingClientRect();
              const labels = index.map(i => {
                const a = gd.querySelector(`.annotation[data-index="${i}"] text`);
                const r = a.getBoundingClientRect();
                return [a.textContent, r.left, r.right, r.top, r.bottom]; });
              return {left: at.left + size.l, right: at.left + size.l + size.w, labels};
            }""", [fig, index])
            labels = boxes["labels"]
            assert len(labels) == sum(sample_table["start"].notna()), labels
            for text, left, right, _top, _bottom in labels:
                assert boxes["left"] - 1 <= left and right <= boxes["right"] + 1, (scale, text, right, boxes["right"])
            for i, a in enumerate(labels):
                for b in labels[i + 1:]:
                    apart = a[2] <= b[1] or b[2] <= a[1] or a[4] <= b[3] + 1 or b[4] <= a[3] + 1
                    assert apart, (scale, lanes, a, b)
            size = json.loads(fig)["layout"]["annotations"][index[0]]["font"]["size"]
            assert size * (454 / width) >= 8       # 16 cm = 454 pt
    finally:
        context.close()
