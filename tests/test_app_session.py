"""The app's library side: sessions, edits through the grid, the side panel, uploads,
loading inputs and the page shell (no browser: see tests/browser for that)."""

from __future__ import annotations

import base64

import pandas as pd
import pytest
from browser.synthetic import SRC, sample_events, synthetic_events
from dash import html

from timeline.app.callbacks import (
    apply_cell_edits,
    clicked_id,
    decode_upload,
    figure_for,
    grid_rows,
    step,
    view,
)
from timeline.app.data import MAX_UPLOAD_BYTES, Session, is_events_file, load_paths, read_upload
from timeline.app.filters import ViewState
from timeline.app.panel import event_panel, passage
from timeline.app.server import create_app
from timeline.errors import InputError, TimelineError
from timeline.store import EditStore


@pytest.fixture
def session(tmp_path):
    s = Session(sample_events(), store=EditStore(tmp_path / "edits.sqlite3"))
    yield s
    s.store.close()


def _texts(children) -> str:
    """All text in a tree of Dash components."""
    if children is None:
        return ""
    if isinstance(children, str | int | float):
        return str(children)
    if isinstance(children, list | tuple):
        return " ".join(_texts(c) for c in children)
    return _texts(getattr(children, "children", None))


def test_grid_edits_are_stored_and_shown(session):
    v0 = session.version
    version, msg = apply_cell_edits(session, [{"colId": "title", "rowId": "e3", "value": "Missile test",
                                               "oldValue": "North Korea tests a powerful missile"}])
    assert version == v0 + 1 and "Saved title" in msg
    assert session.event("e3")["title"] == "Missile test"
    assert session.store.edits("e3")["e3"]["title"]["extracted"] == "North Korea tests a powerful missile"


def test_a_refused_edit_is_explained_and_not_stored(session):
    _, msg = apply_cell_edits(session, [{"colId": "date_value", "rowId": "e3", "value": "soon"}])
    assert msg.startswith("Not saved:") and "calendar date" in msg
    assert session.event("e3")["date_value"] == "2024-10-31"


def test_hidden_and_deleted_rows_only_in_the_show_hidden_view(session):
    session.store.hide("e1")
    session.store.delete("e2")
    session.changed()
    assert {"e1", "e2"}.isdisjoint(view(session, ViewState())["event_id"])
    states = dict(zip(*[view(session, ViewState(show_hidden=True))[c] for c in ("event_id", "state")],
                      strict=True))
    assert states["e1"] == "hidden" and states["e2"] == "deleted" and states["e3"] == "shown"
    fig = figure_for(session, ViewState(show_hidden=True))
    drawn = [row[0] for row in next(t for t in fig["data"] if t["name"] == "events")["customdata"]]
    assert "e1" in drawn and "e2" not in drawn           # deleted events are never drawn


def test_grid_rows_are_plain_and_sorted_by_date(session):
    rows = grid_rows(view(session, ViewState()))
    assert [r["event_id"] for r in rows][:2] == ["e7", "e6"]      # April, then last week
    e1 = next(r for r in rows if r["event_id"] == "e1")
    assert e1["actors"] == "Josep Borrell; Takeshi Iwaya" and e1["warnings"].startswith("⚠ ")
    assert all(isinstance(v, str | int | float | type(None)) for r in rows for v in r.values())


def test_grid_is_capped_for_huge_views(tmp_path):
    s = Session(synthetic_events(3000), store=EditStore(tmp_path / "e.sqlite3"))
    assert len(grid_rows(view(s, ViewState()), limit=2000)) == 2000


def test_step_walks_through_time(session):
    df = view(session, ViewState())
    assert step(df, None, 1) == "e7"                     # first in time
    assert step(df, "e7", 1) == "e6"
    assert step(df, "e6", -1) == "e7"
    assert step(df, "e7", -1) == "e7"                    # stays at the start
    assert step(df, None, -1) == "e5"                    # 2035 is last


def test_clicked_id():
    assert clicked_id({"points": [{"customdata": ["e3", "title"]}]}) == "e3"
    assert clicked_id({"points": [{"customdata": "e4"}]}) == "e4"
    assert clicked_id({"points": []}) is None and clicked_id(None) is None


def test_panel_highlights_the_date_in_the_passage(session):
    ev = session.event("e3")
    kids = passage(ev, None)
    marks = [k for k in kids if isinstance(k, html.Mark)]
    assert [m.children for m in marks] == ["Thursday"]
    assert _texts(kids) .replace(" ", "") == ev["evidence"].replace(" ", "")


def test_panel_uses_the_article_paragraph_when_it_has_the_text(sample_text):
    start = sample_text.index("Pyongyang also tested")
    end = sample_text.index("election.", start) + len("election.")
    d0 = sample_text.index("Thursday", start)
    ev = {"evidence": sample_text[start:end], "date_text": "Thursday", "sentence_start": start,
          "sentence_end": end, "char_start": d0, "char_end": d0 + 8}
    kids = passage(ev, sample_text)
    strong = [k for k in kids if isinstance(k, html.Strong)]
    assert any(isinstance(k.children, html.Mark) and k.children.children == "Thursday" for k in strong)


def test_panel_says_what_is_doubtful_and_what_was_corrected(session):
    session.store.set_value("e1", "title", "Partnership announced")
    session.changed()
    text = _texts(event_panel(session.event("e1"), None))
    assert "⚠ Doubtful" in text and "was a Saturday" in text
    assert "November 1, 2024" in text and "2024-11-01 (day)" in text
    assert "Corrected by you: title" in text
    assert SRC in text


def test_hostile_text_stays_text_in_the_panel(session):
    ev = dict(session.event("e3"))
    ev["title"] = "<script>window.__pwned=1</script>"
    ev["evidence"] = 'On Thursday <img src=x onerror="window.__pwned=2"> happened.'
    tree = event_panel(ev, None)
    assert "<script>window.__pwned=1</script>" in _texts(tree)       # shown literally
    assert "dangerously" not in repr(tree).lower()


def test_paste_and_upload_add_events(session):
    doc = read_upload(b"The summit took place in Geneva on March 3, 2025, officials said.", "note.txt")
    n = session.add_document(doc, "2025-03-05")
    assert n >= 1
    assert "note.txt" in set(session.events()["source"])
    assert session.texts["note.txt"].startswith("The summit")


def test_oversized_uploads_are_refused_clearly():
    with pytest.raises(InputError, match="limit"):
        read_upload(b"x" * (MAX_UPLOAD_BYTES + 1), "huge.txt")
    big = "data:text/plain;base64," + base64.b64encode(b"y" * (MAX_UPLOAD_BYTES + 10)).decode()
    with pytest.raises(TimelineError, match="limit"):
        decode_upload(big, "huge.txt")
    with pytest.raises(TimelineError, match="empty"):
        decode_upload(None, "nothing.txt")


def test_an_events_file_loads_as_is(tmp_path):
    path = tmp_path / "out.parquet"
    sample_events().to_parquet(path)
    assert is_events_file(path)
    events, texts, notes = load_paths([path])
    assert set(events["event_id"]) == {f"e{i}" for i in range(1, 9)} and not notes
    corpus = tmp_path / "articles.parquet"
    pd.DataFrame({"id": ["a"], "text": ["Talks on May 5, 2024."]}).to_parquet(corpus)
    assert not is_events_file(corpus)


def test_a_missing_input_is_a_one_line_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_paths([tmp_path / "nope.txt"])


def test_the_page_loads_nothing_from_the_network(session):
    app = create_app(session)
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "http://" not in page.replace('"http://www.w3.org', "") and "https://" not in page
    assert "/assets/app.css" in page
    assert client.get("/assets/app.css").status_code == 200
    assert app.config.external_stylesheets == [] and app.config.external_scripts == []
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "https://" not in layout and "http://" not in layout
