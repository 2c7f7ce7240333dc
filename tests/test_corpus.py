"""Corpora: iterating documents, the local and Dask engines, streaming writers, resume."""

import importlib
import json
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from timeline.corpus import iter_documents, load_events
from timeline.corpus_run import run_corpus
from timeline.corpus_write import open_writer
from timeline.errors import InputError
from timeline.table import COLUMNS, SCHEMA, make_table

ARTICLES = [
    ("gva-1", "2024-03-01", "Iran and the IAEA met in Vienna on Monday. Talks resume in April."),
    ("gva-2", "2024-05-10", "The Security Council voted on Thursday to extend the mission until 2026."),
    ("gva-3", "2024-06-20", "Leaders will meet again next week; the accord was signed in 2019."),
    ("gva-4", "2023-11-15", "Ministers gathered in Nairobi on 14 November 2023 for climate talks."),
    ("gva-5", "2024-01-08", "No dates here, only words about diplomacy and trade."),
    ("gva-6", "2024-02-02", "Elections are planned for March 2025, officials said on Friday."),
]


def write_jsonl(path: Path, records, broken_after: int | None = None) -> Path:
    lines = []
    for i, (doc_id, published, text) in enumerate(records):
        lines.append(json.dumps({"id": doc_id, "published": published, "text": text}))
        if broken_after is not None and i == broken_after:
            lines.append('{"id": "broken", "text": "unterminated')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sorted_table(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["source", "char_start", "event_id"]).reset_index(drop=True)


def run_to(paths, out: Path, fmt: str, **kw):
    writer = open_writer(fmt, out, partition_by=kw.pop("partition_by", None),
                         resume=kw.pop("resume", False))
    return run_corpus(paths, writer, **kw)


# --- iter_documents -----------------------------------------------------------------


def test_folder_is_recursive_sorted_and_skips_hidden_and_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("On 3 May 2024 talks began.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Summit on Monday.", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body><p>Vote in June.</p></body></html>",
                                     encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("nope", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    docs = list(iter_documents(tmp_path))
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == [
        "a.txt", "b/z.md", "c.html"]
    assert docs[2].text == "Vote in June."


def test_jsonl_broken_line_is_reported_and_others_still_come(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", ARTICLES, broken_after=1)
    errors = []
    docs = list(iter_documents(path, on_error=lambda i, r: errors.append((i, r))))
    assert [d.source for d in docs] == [a[0] for a in ARTICLES]
    assert len(errors) == 1
    where, reason = errors[0]
    assert where == f"{path}:3" and "broken JSON line" in reason
    assert docs[0].text == ARTICLES[0][2]
    assert docs[0].published in (date(2024, 3, 1), datetime(2024, 3, 1))


def test_record_without_text_or_id(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "x", "published": "2024-01-01"}\n[1, 2]\n'
                    '{"text": "Talks on 2 May 2024."}\n', encoding="utf-8")
    errors = []
    docs = list(iter_documents(path, on_error=lambda i, r: errors.append((i, r))))
    assert [e[0] for e in errors] == ["x", f"{path}:2"]
    assert [d.source for d in docs] == [f"{path}:3"]  # no id: the line names it
    assert docs[0].published is None


def test_published_precedence(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "own", "published": "2020-01-01", "text": "x"}) + "\n"
                      + json.dumps({"id": "none", "text": "y"}) + "\n", encoding="utf-8")
    page = tmp_path / "p.html"
    page.write_text('<html><head><meta property="article:published_time" content="2019-05-05">'
                    "</head><body><p>z</p></body></html>", encoding="utf-8")
    docs = {d.source: d for d in iter_documents([corpus, page], published="2024-11-02")}
    assert str(docs["own"].published)[:10] == "2020-01-01"  # the record's own date wins
    assert str(docs["none"].published)[:10] == "2024-11-02"
    assert str(docs[str(page)].published)[:10] == "2024-11-02"  # the user's word over the page's


def test_missing_path_and_binary_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(iter_documents(tmp_path / "nope"))
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"%PDF-1.4 \x00\x01")
    with pytest.raises(InputError, match="not a text article"):
        list(iter_documents(binary))  # named by the user: an error
    folder = tmp_path / "f"
    folder.mkdir()
    binary.rename(folder / "x.txt")
    (folder / "y.txt").write_text("Talks on Monday.", encoding="utf-8")
    errors = []
    docs = list(iter_documents(folder, on_error=lambda i, r: errors.append(i)))
    assert [d.source for d in docs] == [str(folder / "y.txt")]  # in a folder: reported, skipped
    assert errors == [str(folder / "x.txt")]


def test_parquet_corpus_input(tmp_path):
    frame = pd.DataFrame(ARTICLES, columns=["id", "published", "text"])
    path = tmp_path / "c.parquet"
    frame.to_parquet(path)
    docs = list(iter_documents(path))
    assert [d.source for d in docs] == list(frame["id"])
    assert docs[1].text == ARTICLES[1][2]


# --- engines and writers ---------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "c.jsonl", ARTICLES, broken_after=2)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> pd.DataFrame:
    """The corpus's table from one process, written as JSONL."""
    out = tmp_path_factory.mktemp("ref") / "events.jsonl"
    summary = run_to(corpus, out, "jsonl", jobs=1, errors_path=out.with_suffix(".errors.jsonl"))
    assert summary.documents == len(ARTICLES) and summary.failed == 1
    errors = [json.loads(x) for x in out.with_suffix(".errors.jsonl").read_text().splitlines()]
    assert errors[0]["id"].endswith("c.jsonl:4") and "broken JSON" in errors[0]["error"]
    return load_events(out)


def test_reference_table_is_real(reference):
    assert list(reference.columns[: len(COLUMNS)]) == COLUMNS
    assert {"gva-1", "gva-2", "gva-4", "gva-6"} <= set(reference["source"])
    nairobi = reference[reference["source"] == "gva-4"]
    assert "2023-11-14" in set(nairobi["date_value"])
    for col in SCHEMA:
        assert reference[col].dtype == make_table([])[col].dtype, col


def test_process_pool_gives_the_same_table(corpus, reference, tmp_path):
    out = tmp_path / "events.jsonl"
    summary = run_to(corpus, out, "jsonl", jobs=2)
    assert summary.events == len(reference)
    pd.testing.assert_frame_equal(sorted_table(load_events(out)), sorted_table(reference))


@pytest.mark.parametrize("kind", ["file", "folder", "month"])
def test_parquet_outputs_read_back_equal(corpus, reference, tmp_path, kind):
    out = tmp_path / ("events.parquet" if kind == "file" else "events")
    run_to(corpus, out, "parquet", jobs=1, partition_by="month" if kind == "month" else None)
    back = load_events(out)
    pd.testing.assert_frame_equal(sorted_table(back), sorted_table(reference))
    if kind == "month":
        months = sorted(p.name for p in out.iterdir() if p.is_dir())
        assert months and all(m.startswith("month=") for m in months)
        for folder in out.iterdir():
            if folder.is_dir() and folder.name != "month=unknown":
                part = pd.read_parquet(folder)
                assert set(part["start"].dt.strftime("%Y-%m")) == {folder.name[len("month="):]}


def test_json_and_csv_read_back(corpus, reference, tmp_path):
    for fmt in ("json", "csv"):
        out = tmp_path / f"events.{fmt}"
        run_to(corpus, out, fmt, jobs=1)
        back = load_events(out)
        pd.testing.assert_frame_equal(sorted_table(back), sorted_table(reference))


def test_failed_document_does_not_stop_the_run(corpus, reference, tmp_path, monkeypatch):
    extract_module = importlib.import_module("timeline.extract")
    real = extract_module.extract

    def flaky(text, published=None, source=None):
        if source == "gva-2":
            raise ValueError("cannot cope\nsecond line")
        return real(text, published=published, source=source)

    monkeypatch.setattr(extract_module, "extract", flaky)
    out = tmp_path / "events.jsonl"
    errors_path = tmp_path / "errors.jsonl"
    summary = run_to(corpus, out, "jsonl", jobs=1, errors_path=errors_path)
    assert summary.failed == 2 and summary.documents == len(ARTICLES) - 1
    errors = [json.loads(x) for x in errors_path.read_text().splitlines()]
    assert {"id": "gva-2", "error": "ValueError: cannot cope"} in errors
    expected = reference[reference["source"] != "gva-2"]
    pd.testing.assert_frame_equal(sorted_table(load_events(out)), sorted_table(expected))


@pytest.mark.parametrize("fmt, name", [("jsonl", "events.jsonl"), ("parquet", "events")])
def test_interrupted_run_resumes(corpus, reference, tmp_path, monkeypatch, fmt, name):
    corpus_run = importlib.import_module("timeline.corpus_run")
    extract_module = importlib.import_module("timeline.extract")
    real = extract_module.extract
    calls = []

    def interrupted(text, published=None, source=None):
        calls.append(source)
        if source == "gva-5":
            raise KeyboardInterrupt
        return real(text, published=published, source=source)

    monkeypatch.setattr(corpus_run, "BATCH_SIZE", 2)
    monkeypatch.setattr(extract_module, "extract", interrupted)
    out = tmp_path / name
    writer = open_writer(fmt, out)  # Parquet buffers rows: the interruption must flush them
    with pytest.raises(KeyboardInterrupt):
        run_corpus(corpus, writer, jobs=1)
    assert calls == ["gva-1", "gva-2", "gva-3", "gva-4", "gva-5"]
    monkeypatch.setattr(extract_module, "extract", real)
    if fmt == "parquet":  # a folder is never overwritten by accident
        with pytest.raises(InputError, match="--resume"):
            open_writer(fmt, out)
    summary = run_to(corpus, out, fmt, jobs=1, resume=True)
    assert summary.skipped == 4  # gva-1..4 were written before the interruption
    assert summary.documents == 2
    pd.testing.assert_frame_equal(sorted_table(load_events(out)), sorted_table(reference))
    again = run_to(corpus, out, fmt, jobs=1, resume=True)
    assert again.skipped == len(ARTICLES) and again.documents == 0


def test_resume_drops_rows_written_after_the_ledger(corpus, reference, tmp_path):
    out = tmp_path / "events.jsonl"
    run_to(corpus, out, "jsonl", jobs=1)
    ledger = Path(str(out) + ".done")
    first = ledger.read_text().splitlines()[0]
    ledger.write_text(first + "\n", encoding="utf-8")  # as if killed after the first batch ...
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"event_id": "half-writ')  # ... in the middle of a line
    run_to(corpus, out, "jsonl", jobs=1, resume=True)
    pd.testing.assert_frame_equal(sorted_table(load_events(out)), sorted_table(reference))


def test_load_events_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_events(tmp_path / "none.parquet")
    bad = tmp_path / "x.txt"
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="events are read from"):
        load_events(bad)


# --- Dask -------------------------------------------------------------------------------


def _dask_equals_local(corpus: Path, tmp_path: Path, reference: pd.DataFrame | None = None):
    out = tmp_path / "dask"
    summary = run_to(corpus, out, "parquet", jobs=2, engine="dask")
    local = reference
    if local is None:
        local_out = tmp_path / "local.jsonl"
        run_to(corpus, local_out, "jsonl", jobs=1)
        local = load_events(local_out)
    dask_table = load_events(out)
    assert summary.events == len(local) == len(dask_table)
    pd.testing.assert_frame_equal(sorted_table(dask_table), sorted_table(local))
    return summary


def test_dask_engine_gives_the_local_table(corpus, reference, tmp_path):
    summary = _dask_equals_local(corpus, tmp_path, reference)
    assert summary.failed == 1  # the broken line, reported by the worker


@pytest.mark.corpus
def test_dask_and_local_agree_on_silver_sample(shared_dir, tmp_path):
    source = shared_dir / "corpora" / "silver-news.jsonl"
    with open(source, encoding="utf-8") as fh:
        lines = [next(fh) for _ in range(20)]
    sample = tmp_path / "silver-20.jsonl"
    sample.write_text("".join(lines), encoding="utf-8")
    summary = _dask_equals_local(sample, tmp_path)
    assert summary.documents + summary.failed == 20
    assert summary.events > 20


def test_dask_engine_on_an_existing_scheduler(corpus, reference, tmp_path):
    from distributed import LocalCluster

    out = tmp_path / "events.jsonl"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        summary = run_to(corpus, out, "jsonl", engine="dask", scheduler=cluster.scheduler_address)
    assert summary.documents == len(ARTICLES)
    pd.testing.assert_frame_equal(sorted_table(load_events(out)), sorted_table(reference))
