"""Benchmark of the timeline app with 10,000 synthetic events (prints figures; not a test).

Measures, on this machine:
- building the figure (``figure_dict``) for 10,000 events, both scales;
- the server time of the filter callbacks (figure + table), including Dash's JSON
  encoding, for typical filters: median and p95 over repeated runs;
- the size of what each callback sends to the browser;
- with Chromium present: the first draw of the sample article, and of 10,000 events
  loaded from a Parquet file, in a real browser (navigation to drawn), and a search
  typed in the browser until the chart is redrawn.

Run: ``.venv/bin/python benchmarks/bench_app.py`` (about a minute).
``--ab``: only the first draw of the sample, with the app's small plotly.js bundle and,
interleaved (the machine's load changes in between), with Dash's full plotly.js.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser.synthetic import synthetic_events  # noqa: E402
from plotly.io.json import to_json_plotly  # noqa: E402

from timeline.app.callbacks import figure_for, grid_rows, view  # noqa: E402
from timeline.app.data import Session  # noqa: E402
from timeline.app.filters import ViewState  # noqa: E402
from timeline.figure import figure_dict  # noqa: E402
from timeline.store import EditStore  # noqa: E402

N = 10_000
REPEAT = 15
SAMPLE_RUNS = 9
#: Bytes of every plotly script the page fetched (the app's own bundle, or Dash's).
PLOTLY_BYTES_JS = ("() => performance.getEntriesByType('resource')"
                   ".filter(e => /plotly[^/]*\\.js/.test(e.name))"
                   ".reduce((n, e) => n + e.encodedBodySize, 0)")


def timed(fn, repeat=REPEAT):
    times = []
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, out


def main() -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"timeline app benchmark: {N:,} synthetic events, {REPEAT} runs each (ms); "
          f"{os.cpu_count()} cores, load average {load}")
    events = synthetic_events(N)
    with tempfile.TemporaryDirectory() as tmp:
        session = Session(events, store=EditStore(Path(tmp) / "edits.sqlite3"))
        session.events()
        session.haystack()
        for scale in ("collapsed", "linear"):
            med, p95, fig = timed(lambda s=scale: figure_dict(events, scale=s), 7)
            print(f"figure_dict, all {N:,} events, {scale:9s}: median {med:6.1f}  p95 {p95:6.1f}")

        filters = {
            "one category": ViewState(categories=["03 Category 3"]),
            "one actor": ViewState(actors=["Actor 7"]),
            "status=target": ViewState(statuses=["target"]),
            "search 'topic 42'": ViewState(q="topic 42"),
            "date range 1 year": ViewState(date_from="2023-01-01", date_to="2023-12-31"),
            "no filter (all)": ViewState(),
        }
        print("\nfilter callbacks (server time incl. JSON encoding) and payload:")
        print(f"{'filter':22s} {'events':>7s} {'figure med/p95':>16s} {'table med/p95':>15s}"
              f" {'figure KB':>10s} {'table KB':>9s}")
        for name, state in filters.items():
            n = len(view(session, state))
            fm, fp, fjson = timed(lambda st=state: to_json_plotly(figure_for(session, st)))
            tm, tp, tjson = timed(lambda st=state: to_json_plotly(grid_rows(view(session, st))))
            print(f"{name:22s} {n:7,d} {fm:7.1f} /{fp:6.1f}  {tm:6.1f} /{tp:6.1f}"
                  f" {len(fjson) / 1024:10.0f} {len(tjson) / 1024:9.0f}")
        session.store.close()
        browser_figures(events, Path(tmp))


def browser_figures(events, tmp: Path) -> None:
    if not Path("/usr/bin/chromium").exists():
        print("\n(browser timings skipped: /usr/bin/chromium is missing)")
        return
    from browser.conftest import ARGS, AppServer
    from playwright.sync_api import sync_playwright

    parquet = tmp / "events.parquet"
    events.to_parquet(parquet)
    js = ("() => { const gd = document.querySelector('#timeline .js-plotly-plot');"
          " const t = gd && gd.data && gd.data.find(t => t.name === 'events');"
          " return t ? t.customdata.length : 0; }")
    print("\nin Chromium (navigation until the events are drawn):")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for label, paths in (("sample article", []), (f"{len(events):,} events (Parquet)", [str(parquet)])):
            server = AppServer(tmp / f"store-{len(paths)}.sqlite3", paths)
            server.start()
            try:
                draws = []
                plotly_bytes = 0
                for _ in range(3 if paths else SAMPLE_RUNS):
                    # A new page is a new browser context: nothing cached, a user's first visit.
                    page = b.new_page(viewport={"width": 1280, "height": 800})
                    t = time.perf_counter()
                    page.goto(server.url)
                    page.wait_for_function(f"({js})() > 0", timeout=60_000)
                    draws.append(time.perf_counter() - t)
                    plotly_bytes = page.evaluate(PLOTLY_BYTES_JS)
                    page.close()
                print(f"  first draw, {label:24s}: median {statistics.median(draws):5.2f} s,"
                      f" best {min(draws):5.2f} s (runs: {', '.join(f'{d:.2f}' for d in draws)})")
                if not paths:
                    print(f"  plotly.js fetched by the page: {plotly_bytes / 1e6:.2f} MB")
                if paths:
                    page = b.new_page(viewport={"width": 1280, "height": 800})
                    page.goto(server.url)
                    page.wait_for_function(f"({js})() > 0", timeout=60_000)
                    t = time.perf_counter()
                    page.fill("#f-q", "topic 42")
                    page.press("#f-q", "Enter")
                    page.wait_for_function(f"({js})() < {len(events)}", timeout=60_000)
                    print(f"  search typed until redrawn, {label}: {time.perf_counter() - t:5.2f} s")
                    page.close()
            finally:
                server.stop()
        b.close()
    print(f"\nload average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


DRAWN_JS = ("() => { const gd = document.querySelector('#timeline .js-plotly-plot');"
            " const t = gd && gd.data && gd.data.find(t => t.name === 'events');"
            " return t ? t.customdata.length : 0; }")
#: The app with another assets folder (the same one without the plotly.js bundle, so that
#: dcc.Graph fetches Dash's full plotly.js as it would without it).
SERVE_WITH_ASSETS = ("import sys; from pathlib import Path; import timeline.app.server as s; "
                     "s.ASSETS = Path(sys.argv[1]); sys.exit(s.main(sys.argv[2:]))")


def ab_first_draw(runs: int = 9) -> None:
    import urllib.request

    from browser.conftest import ARGS, free_port
    from playwright.sync_api import sync_playwright

    from timeline.app.server import ASSETS

    print(f"first draw of the sample, {runs} runs each, interleaved; {os.cpu_count()} cores, "
          f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "assets"
        shutil.copytree(ASSETS, full, ignore=shutil.ignore_patterns("plotly-*"))
        procs, urls = [], {}
        try:
            for label, assets in (("app's plotly.js bundle", ASSETS), ("Dash's full plotly.js", full)):
                port = free_port()
                procs.append(subprocess.Popen(
                    [sys.executable, "-c", SERVE_WITH_ASSETS, str(assets), "--port", str(port),
                     "--store", str(Path(tmp) / f"{port}.sqlite3")],
                    cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
                urls[label] = f"http://127.0.0.1:{port}/"
            for url in urls.values():
                for _ in range(300):
                    try:
                        urllib.request.urlopen(url, timeout=2).close()
                        break
                    except OSError:
                        time.sleep(0.3)
            draws: dict[str, list[float]] = {k: [] for k in urls}
            sizes: dict[str, int] = {}
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                for _ in range(runs):
                    for label, url in urls.items():
                        page = b.new_page(viewport={"width": 1280, "height": 800})
                        t = time.perf_counter()
                        page.goto(url)
                        page.wait_for_function(f"({DRAWN_JS})() > 0", timeout=60_000)
                        draws[label].append(time.perf_counter() - t)
                        sizes[label] = page.evaluate(PLOTLY_BYTES_JS)
                        page.close()
                b.close()
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(10)
    for label, d in draws.items():
        print(f"  {label:24s} ({sizes[label] / 1e6:.1f} MB): median {statistics.median(d):5.2f} s,"
              f" best {min(d):5.2f} s (runs: {', '.join(f'{x:.2f}' for x in d)})")
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    if "--ab" in sys.argv[1:]:
        ab_first_draw()
    else:
        main()
