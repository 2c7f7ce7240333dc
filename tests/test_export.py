"""Exports: data formats round-trip through their parsers, HTML escapes article text,
TimelineJS and iCalendar keep precision, the dispatcher and the CLI write real files."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import icalendar
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.cli import main
from timeline.errors import TimelineError
from timeline.export import (
    FORMATS,
    batch_paths,
    export,
    format_for,
    render,
    to_csv,
    to_fragment,
    to_html,
    to_ics,
    to_json,
    to_jsonl,
    to_parquet,
    to_timelinejs,
)
from timeline.export.page import script_safe_json
from timeline.export.records import display_date, records
from timeline.table import LIST_COLUMNS, make_table

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
PUB = "2024-11-02T12:35:00+05:30"
SRC = "data/eu-japan-partnership-2024.txt"


def _rows() -> list[dict]:
    """Realistic rows: day, week, month and year precision, a deadline, a warning, an
    undated 'after X' event, hostile evidence and a title that looks like a formula."""
    common = {"source": SRC, "sources": [SRC], "published": PUB}
    partnership = ("Japan and the European Union announced a sweeping new security and "
                   "defense partnership in Tokyo on Friday (November 2, 2024).")
    election = f"Ishiba could lead a minority government after last week's election {HOSTILE}"
    return [
        {**common, "event_id": "a1", "date_value": "2024-11-01", "precision": "day",
         "start": "2024-11-01", "end": "2024-11-01", "status": "happened",
         "title": "EU–Japan security and defence partnership announced",
         "evidence": partnership, "date_text": "Friday", "sentence_start": 200,
         "sentence_end": 200 + len(partnership), "char_start": 200 + partnership.index("Friday"),
         "char_end": 206 + partnership.index("Friday"),
         "actors": ["Josep Borrell", "Takeshi Iwaya"], "countries": ["JPN"],
         "category": "05 Engage in diplomatic cooperation", "confidence": 0.6,
         "warnings": ['The text says "Friday (November 2, 2024)", but November 2, 2024 was '
                      "a Saturday; using Friday, November 1, 2024"]},
        {**common, "event_id": "a2", "date_value": "2024-W43", "precision": "week",
         "start": "2024-10-21", "end": "2024-10-27", "status": "happened",
         "title": f"Japan's general election {HOSTILE}", "evidence": election,
         "date_text": "last week", "category": "02 Appeal", "confidence": 1.0},
        {**common, "event_id": "a3", "date_value": "2024-04", "precision": "month",
         "start": "2024-04-01", "end": "2024-04-30", "status": "happened",
         "title": "Kishida state visit to the US",
         "evidence": "Fumio Kishida was hosted by US President Joe Biden for a state visit in April.",
         "date_text": "April", "actors": ["Fumio Kishida", "Joe Biden"], "confidence": 0.9,
         "warnings": ['"April" does not give the year; 2024 is inferred']},
        {**common, "event_id": "a4", "date_value": "2027", "precision": "year",
         "start": "2027-01-01", "end": "2027-12-31", "date_mod": "ON_OR_BEFORE",
         "status": "target", "title": '=HYPERLINK("http://example.invalid","2% of GDP")',
         "evidence": "Japan is increasing defense spending to two percent of GDP by 2027.",
         "date_text": "2027", "confidence": 1.0},
        {**common, "event_id": "a5", "date_value": "", "precision": "approximate",
         "date_mod": "AFTER", "status": "planned", "title": "Borrell heads to South Korea",
         "evidence": "After the Tokyo talks, Mr Borrell will head to South Korea.",
         "date_text": "After the Tokyo talks", "confidence": 0.5,
         "warnings": ["No date of its own: the text places it after the Tokyo talks"]},
    ]


@pytest.fixture
def events() -> pd.DataFrame:
    return make_table(_rows())


@pytest.fixture(scope="module")
def sample_events(sample_text):
    from timeline.extract import extract

    return extract(sample_text, source="eu-japan-partnership-2024.txt")


def _dated(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["start"].notna()]


# ---------------------------------------------------------------- labels


@pytest.mark.parametrize("row, label", [
    ({"precision": "day", "start": "2024-11-01", "end": "2024-11-01"}, "1 Nov 2024"),
    ({"precision": "minute", "start": "2024-11-02 12:35", "end": "2024-11-02"}, "2 Nov 2024 12:35"),
    ({"precision": "week", "start": "2024-10-21", "end": "2024-10-27"}, "21–27 Oct 2024"),
    ({"precision": "week", "start": "2024-12-30", "end": "2025-01-05"}, "30 Dec 2024 – 5 Jan 2025"),
    ({"precision": "month", "start": "2024-04-01", "end": "2024-04-30"}, "Apr 2024"),
    ({"precision": "quarter", "date_value": "2025-Q2", "start": "2025-04-01", "end": "2025-06-30"},
     "Q2 2025"),
    ({"precision": "year", "start": "2027-01-01", "end": "2027-12-31", "date_mod": "ON_OR_BEFORE"},
     "by 2027"),
    ({"precision": "year", "start": "2020-01-01", "end": "2020-12-31", "date_mod": "START"},
     "early 2020"),
    ({"precision": "approximate", "start": "2024-11-01", "end": "2024-11-01", "date_mod": "AFTER"},
     "after 1 Nov 2024"),
    ({"precision": "decade", "start": "1990-01-01", "end": "1999-12-31"}, "the 1990s"),
    ({"precision": "century", "start": "2000-01-01", "end": "2099-12-31"}, "the 21st century"),
    ({"precision": "approximate", "date_mod": "AFTER", "date_text": "After the Tokyo talks"},
     "After the Tokyo talks"),
])
def test_display_date_keeps_precision_and_mod(row, label):
    row = make_table([row]).iloc[0].to_dict()
    assert display_date(row) == label


# ---------------------------------------------------------------- data formats


def test_json_is_an_array_of_event_objects_that_round_trips(events):
    parsed = json.loads(to_json(events))
    assert isinstance(parsed, list) and len(parsed) == len(events)
    first = parsed[0]
    assert first["start"] == "2024-11-01" and first["end"] == "2024-11-01"
    assert first["actors"] == ["Josep Borrell", "Takeshi Iwaya"]
    assert parsed[4]["start"] is None and parsed[4]["char_start"] is None
    pd.testing.assert_frame_equal(make_table(parsed), events)


def test_json_keeps_a_time_when_there_is_one():
    table = make_table([{"event_id": "t", "precision": "minute", "start": "2024-11-02 12:35",
                         "end": "2024-11-02"}])
    assert json.loads(to_json(table))[0]["start"] == "2024-11-02T12:35:00"


def test_jsonl_has_one_event_a_line(events):
    lines = to_jsonl(events).splitlines()
    assert len(lines) == len(events)
    pd.testing.assert_frame_equal(make_table([json.loads(line) for line in lines]), events)


def test_csv_round_trips_and_lists_are_json_arrays(events):
    text = to_csv(events)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["event_id"] for r in rows] == list(events["event_id"])
    assert json.loads(rows[0]["actors"]) == ["Josep Borrell", "Takeshi Iwaya"]
    assert rows[1]["evidence"].endswith(HOSTILE)  # CSV keeps the text as written
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    for col in LIST_COLUMNS:
        back[col] = back[col].map(json.loads)
    back = make_table(back.replace("", None))
    expected = events.copy()
    expected.loc[3, "title"] = "'" + expected.loc[3, "title"]
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)


def test_csv_neutralizes_cells_that_look_like_formulas(events):
    rows = list(csv.DictReader(io.StringIO(to_csv(events))))
    assert rows[3]["title"].startswith("'=HYPERLINK(")
    assert list(csv.DictReader(io.StringIO(to_csv(events, formula_guard=False))))[3][
        "title"].startswith("=HYPERLINK(")


def test_parquet_round_trips_with_column_types(events):
    back = pd.read_parquet(io.BytesIO(to_parquet(events)))
    assert len(back) == len(events)
    pd.testing.assert_frame_equal(make_table(back), events)


def test_csv_writes_extra_list_columns_as_json():
    table = make_table([{"event_id": "x", "support": ["a.txt: caption"]}])
    row = next(csv.DictReader(io.StringIO(to_csv(table))))
    assert json.loads(row["support"]) == ["a.txt: caption"]


# ---------------------------------------------------------------- TimelineJS


def test_timelinejs_has_one_event_per_dated_event_and_keeps_precision(events):
    tl = json.loads(json.dumps(to_timelinejs(events, title="EU–Japan")))
    by_id = {e["unique_id"]: e for e in tl["events"]}
    assert set(by_id) == set(_dated(events)["event_id"])
    assert by_id["a1"]["start_date"] == {"year": 2024, "month": 11, "day": 1}
    assert "end_date" not in by_id["a1"]
    assert by_id["a3"]["start_date"] == {"year": 2024, "month": 4}  # no invented day
    assert by_id["a4"]["start_date"] == {"year": 2027}
    assert by_id["a4"]["display_date"] == "by 2027"
    assert by_id["a2"]["end_date"] == {"year": 2024, "month": 10, "day": 27}
    assert by_id["a4"]["group"] == "target"
    assert "Doubtful" in by_id["a1"]["text"]["text"]
    assert tl["title"]["text"]["headline"] == "EU–Japan"


def test_timelinejs_escapes_article_text_and_lists_undated_events(events):
    tl = to_timelinejs(events)
    blob = json.dumps(tl)
    assert "<script" not in blob and "<img" not in blob
    assert "&lt;script&gt;window.__pwned" in tl["events"][1]["text"]["text"]
    assert "Borrell heads to South Korea" in tl["title"]["text"]["text"]


# ---------------------------------------------------------------- iCalendar


def test_ics_parses_with_one_all_day_event_per_dated_event(events):
    stamp = datetime(2024, 11, 3, tzinfo=UTC)
    cal = icalendar.Calendar.from_ical(to_ics(events, title="EU–Japan", stamp=stamp))
    vevents = cal.walk("VEVENT")
    assert len(vevents) == len(_dated(events))
    by_uid = {str(v["UID"]): v for v in vevents}
    week = by_uid["a2@timeline"]
    assert week.decoded("DTSTART") == date(2024, 10, 21)
    assert week.decoded("DTEND") == date(2024, 10, 28)  # exclusive end: the whole week
    target = by_uid["a4@timeline"]
    assert target.decoded("DTSTART") == date(2027, 1, 1)
    assert target.decoded("DTEND") == date(2028, 1, 1)
    assert "by 2027" in str(target["SUMMARY"])
    doubtful = by_uid["a1@timeline"]
    assert str(doubtful["SUMMARY"]).startswith("\u26a0")
    description = str(doubtful["DESCRIPTION"])
    assert "Friday (November 2, 2024)" in description and SRC in description
    assert str(cal["X-WR-CALNAME"]) == "EU–Japan"
    assert "Borrell heads to South Korea" in str(cal["X-WR-CALDESC"])


# ---------------------------------------------------------------- HTML


class _Scan(HTMLParser):
    """Collects script bodies and every attribute, as a browser's tokenizer would see them."""

    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self.script_srcs: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self._in_script = False
        self.text: list[str] = []
        self.policy = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((k, v or "") for k, v in attrs)
        if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy":
            self.policy = dict(attrs)["content"]
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
            src = dict(attrs).get("src")
            if src:
                self.script_srcs.append(src)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def _scan(page: str) -> _Scan:
    scan = _Scan()
    scan.feed(page)
    return scan


def test_html_page_is_self_contained_and_escapes_article_text(events):
    page = to_html(events, title="EU–Japan <b>partnership</b>")
    scan = _scan(page)
    assert page.startswith("<!DOCTYPE html>")
    assert HOSTILE not in page
    assert len(scan.scripts) == 2 and not scan.script_srcs  # plotly.js inline + the plot
    assert all(name not in ("onerror", "onload") for name, _ in scan.attrs)
    assert "img" not in scan.tags
    assert not any("__pwned" in body and "<script" in body for body in scan.scripts)
    assert not [v for k, v in scan.attrs if k in ("src", "href")]  # nothing fetched
    text = "".join(scan.text)
    assert HOSTILE in text  # shown as text
    assert "EU–Japan <b>partnership</b>" in text
    assert "Source:" in text and "2 Nov 2024 12:35 (UTC+05:30)" in text


def test_html_page_policy_allows_only_its_own_scripts(events):
    import base64
    import hashlib

    page = to_html(events)
    scan = _scan(page)
    policy = scan.policy
    assert "default-src 'none'" in policy
    for body in scan.scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_html_table_is_accessible_and_marks_doubt(events):
    page = to_fragment(events, plotlyjs="none")
    assert "<caption>Events (5; 3 with a doubtful date), in date order</caption>" in page
    assert page.count('<th scope="col">') == 8
    assert page.count('<th scope="row">') == len(events)
    assert page.count('class="tl-doubtful"') == 3
    assert "on <mark>Friday</mark> (November 2, 2024)" in page
    assert "by 2027" in page and "21–27 Oct 2024" in page
    assert "How to read this timeline" in page
    # rows in date order, the undated event last
    order = re.findall(r'data-event-id="(\w+)"', page)
    assert order == ["a3", "a2", "a1", "a4", "a5"]


def test_fragment_is_a_div_and_can_leave_plotlyjs_out(events):
    inline = to_fragment(events)
    bare = to_fragment(events, plotlyjs="none")
    cdn = to_fragment(events, plotlyjs="cdn")
    for frag in (inline, bare, cdn):
        assert frag.startswith('<div class="tl-export"') and "<html" not in frag
    assert len(inline) > 1_000_000 > 200_000 > len(bare)
    assert len(_scan(bare).scripts) == 1
    assert _scan(cdn).script_srcs[0].startswith("https://cdn.plot.ly/plotly-")


def test_html_cdn_option_links_plotlyjs_and_allows_only_that_host(events):
    page = to_html(events, plotlyjs="cdn")
    assert len(page) < 200_000
    assert "https://cdn.plot.ly" in _scan(page).policy
    with pytest.raises(TimelineError, match="plotly.js mode"):
        to_html(events, plotlyjs="none")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("<>&\"'/!-=ab \u2028")), max_size=40))
def test_any_article_text_is_shown_as_text(noise):
    table = make_table([{"event_id": "h", "precision": "day", "start": "2024-11-01",
                         "end": "2024-11-01", "title": noise, "evidence": f"x{noise}y"}])
    scan = _scan(to_fragment(table, plotlyjs="none"))
    assert f"x{noise}y" in "".join(scan.text).replace("\r\n", "\n")
    assert len(scan.scripts) == 1


def test_script_safe_json_cannot_close_a_script():
    payload = json.dumps({"t": "</script><!-- \u2028 </SCRIPT >"})
    safe = script_safe_json(payload)
    assert "</" not in safe and "<!--" not in safe and "<" not in safe
    assert json.loads(safe) == json.loads(payload)


def test_empty_table_exports_say_so():
    empty = make_table([])
    assert "No dated events were found" in to_html(empty)
    assert json.loads(to_json(empty)) == []
    assert to_csv(empty).count("\n") == 1
    assert to_timelinejs(empty)["events"] == []
    assert icalendar.Calendar.from_ical(to_ics(empty)).walk("VEVENT") == []
    assert len(pd.read_parquet(io.BytesIO(to_parquet(empty)))) == 0


# ---------------------------------------------------------------- dispatcher


@pytest.mark.parametrize("name, fmt", [
    ("t.html", "html"), ("t.HTM", "html"), ("t.csv", "csv"), ("t.json", "json"),
    ("t.jsonl", "jsonl"), ("t.parquet", "parquet"), ("t.ics", "ics"), ("t.png", "png"),
    ("t.svg", "svg"), ("t.pdf", "pdf"),
])
def test_format_is_inferred_from_the_suffix(name, fmt):
    assert format_for(name) == fmt


def test_unknown_formats_are_clear_errors():
    with pytest.raises(TimelineError, match="cannot tell the export format of 'out.xlsx'"):
        format_for("out.xlsx")
    with pytest.raises(TimelineError, match="unknown export format 'docx'"):
        format_for("x.html", "docx")


def test_export_writes_atomically_and_ignores_options_of_other_formats(events, tmp_path):
    path = export(events, tmp_path / "tl.json", fmt="timelinejs", width=900, title="T")
    assert json.loads(path.read_text())["title"]["text"]["headline"] == "T"
    export(events, tmp_path / "events.csv", width=900)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "tl.json"]
    assert (tmp_path / "events.csv").stat().st_mode & 0o044  # readable like any other file
    with pytest.raises(TimelineError, match="is a folder"):
        export(events, tmp_path, fmt="csv")
    with pytest.raises(TimelineError, match="does not exist"):
        export(events, tmp_path / "missing" / "x.csv")


def test_batch_paths_give_each_format_its_own_file(tmp_path):
    paths = batch_paths(tmp_path / "report.html", ["html", "fragment", "json", "timelinejs", "png"])
    assert {k: v.name for k, v in paths.items()} == {
        "html": "report.html", "fragment": "report.fragment.html", "json": "report.json",
        "timelinejs": "report.timelinejs.json", "png": "report.png"}
    assert batch_paths(tmp_path, ["csv"])["csv"] == tmp_path / "timeline.csv"


def test_every_text_format_renders_the_sample(sample_events):
    assert len(sample_events) >= 6
    for name, fmt in FORMATS.items():
        if name in ("png", "svg", "pdf"):
            continue
        content = render(sample_events, name)
        assert isinstance(content, bytes) == fmt.binary, name
        assert len(content) > 100


def test_sample_records_keep_the_deadline_and_the_doubt(sample_events):
    recs = {r["date_value"]: r for r in records(sample_events)}
    assert recs["2027"]["date_mod"] == "ON_OR_BEFORE" and recs["2027"]["start"] == "2027-01-01"
    assert recs["2024-W43"]["start"] == "2024-10-21" and recs["2024-W43"]["end"] == "2024-10-27"
    assert any("Saturday" in w for r in records(sample_events) for w in r["warnings"])


# ---------------------------------------------------------------- CLI


def test_cli_exports_the_sample_to_a_file(sample_path, sample_events, tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert main(["export", str(sample_path), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == len(sample_events)
    assert {r["date_value"] for r in rows} >= {"2024-11-01", "2024-10-31", "2027", "2024-W43"}
    assert f"wrote {out}" in capsys.readouterr().err


def test_cli_writes_several_formats_and_honours_published(sample_path, tmp_path, capsys):
    text = sample_path.read_text(encoding="utf-8").replace(
        "published – November 02, 2024 12:35 PM IST", "")
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    code = main(["export", str(article), "--published", "2024-11-02T12:35+05:30",
                 "-f", "json,timelinejs", "-f", "ics", "--title", "EU–Japan", "-o",
                 str(tmp_path / "out") + "/"])
    assert code == 0, capsys.readouterr().err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["timeline.ics", "timeline.json", "timeline.timelinejs.json"]
    events = json.loads((tmp_path / "out" / "timeline.json").read_text())
    assert {e["published"] for e in events} == {"2024-11-02T12:35:00+05:30"}
    assert any(e["date_value"] == "2024-10-31" for e in events)  # "on Thursday" resolved
    tl = json.loads((tmp_path / "out" / "timeline.timelinejs.json").read_text())
    assert tl["title"]["text"]["headline"] == "EU–Japan"


def test_cli_writes_a_text_format_to_stdout(sample_path, capsys):
    assert main(["export", str(sample_path), "-f", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 6 and all(json.loads(line)["event_id"] for line in lines)


@pytest.mark.parametrize("argv, message", [
    (["missing.txt", "-f", "csv"], "missing.txt: no such file or folder"),
    (["{sample}", "-f", "docx"], "unknown export format 'docx'"),
    (["{sample}"], "give the export format with -f FORMAT"),
    (["{sample}", "-f", "csv,json"], "several formats need -o"),
    (["{sample}", "-f", "html", "--plotlyjs", "none", "-o", "{tmp}/x.html"], "--plotlyjs none"),
    (["{sample}", "-o", "{tmp}/nowhere/x.csv"], "does not exist"),
    (["{sample}", "-o", "{tmp}/x.xlsx"], "cannot tell the export format"),
])
def test_cli_bad_input_is_one_line_and_exit_2(argv, message, sample_path, tmp_path, capsys):
    argv = [a.format(sample=sample_path, tmp=tmp_path) for a in argv]
    assert main(["export", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_cli_exports_an_empty_article_with_a_note(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("No dates here at all.\n", encoding="utf-8")
    out = tmp_path / "empty.json"
    assert main(["export", str(empty), "-o", str(out)]) == 0
    assert json.loads(out.read_text()) == []
    assert "no dated events found" in capsys.readouterr().err


# ---------------------------------------------------------------- notebook


def test_show_draws_the_timeline_of_a_path_or_of_text(sample_path, sample_text):
    import plotly.graph_objects as go

    from timeline import show

    from_path = show(sample_path)
    from_text = show(sample_text, published="November 02, 2024 12:35 PM IST")
    assert isinstance(from_path, go.Figure)
    plotted = [len(t.x) for t in from_path.data if t.x is not None and None not in t.x]
    assert sum(plotted) > 0
    assert len(from_text.data) == len(from_path.data)


def test_bad_figure_options_are_clear_errors(events):
    with pytest.raises(TimelineError, match="figure theme 'dark' is not one of light, print"):
        to_html(events, theme="dark")
    with pytest.raises(TimelineError, match="figure scale 'log'"):
        render(events, "fragment", time_scale="log")
