"""`python -m timeline extract`: articles and corpora in, event tables out."""

import json
import subprocess
import sys

import pandas as pd

from timeline.cli import main
from timeline.corpus import load_events

SAMPLE_DAYS = {"2024-11-01", "2024-10-31", "2027", "2035", "2024-W43", "2024-04"}


def test_sample_as_json_array(sample_path, capsys):
    assert main(["extract", str(sample_path), "-f", "json", "--no-progress"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert isinstance(events, list) and events
    assert SAMPLE_DAYS <= {e["date_value"] for e in events}
    partnership = [e for e in events if e["date_value"] == "2024-11-01"
                   and e["precision"] == "day"]
    assert partnership and partnership[0]["start"] == "2024-11-01"  # ISO dates
    assert any("Saturday" in w for e in partnership for w in e["warnings"])  # the doubt is kept
    assert all(isinstance(e["warnings"], list) and isinstance(e["actors"], list) for e in events)
    target = next(e for e in events if e["date_value"] == "2027")
    assert target["date_mod"] == "ON_OR_BEFORE" and target["status"] == "target"


def test_default_table_is_readable(sample_path, capsys):
    assert main(["extract", str(sample_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["DATE_VALUE", "PRECISION", "DATE_MOD", "STATUS"]
    assert any(line.startswith("2024-W43") and "last week" in line for line in lines)


def test_published_option(sample_path, capsys):
    assert main(["extract", str(sample_path), "-f", "jsonl", "--published", "2025-06-18"]) == 0
    values = {json.loads(x)["date_value"] for x in capsys.readouterr().out.splitlines()}
    assert "2025-04" in values and "2024-04" not in values  # "in April" before June 2025
    assert main(["extract", str(sample_path), "--published", "yesterday-ish?"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1


def test_output_formats_by_suffix(sample_path, tmp_path, capsys):
    outputs = {fmt: tmp_path / f"events.{fmt}" for fmt in ("csv", "json", "jsonl", "parquet")}
    tables = []
    for out in outputs.values():
        assert main(["extract", str(sample_path), "-o", str(out)]) == 0
        tables.append(load_events(out).sort_values("event_id").reset_index(drop=True))
    assert len(tables[0]) >= len(SAMPLE_DAYS)
    for other in tables[1:]:
        pd.testing.assert_frame_equal(other, tables[0])
    assert capsys.readouterr().out == ""


def test_parquet_needs_output(sample_path, capsys):
    assert main(["extract", str(sample_path), "-f", "parquet"]) == 2
    assert "-o" in capsys.readouterr().err


def test_empty_and_date_free_exit_zero_with_a_note(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["extract", str(empty), "-f", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == [] and "no dated events" in captured.err
    plain = tmp_path / "plain.md"
    plain.write_text("Diplomats talked about trade and fisheries.", encoding="utf-8")
    assert main(["extract", str(plain), "-f", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("event_id,date_value") and len(captured.out.splitlines()) == 1
    assert "no dated events" in captured.err


def test_bad_input_is_one_line_and_non_zero(tmp_path, capsys):
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.5\n\x00\x01\x02")
    assert main(["extract", str(binary)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "scan.pdf" in err[0] and "not a text article" in err[0]
    assert main(["extract", str(tmp_path / "gone.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_folder_with_a_bad_file_goes_on_and_exits_1(sample_path, tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary\x00")
    (folder / "c.txt").write_text("Talks resumed in Geneva on 3 March 2023.", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "b.txt" in err and "2 documents" in err and "1 failed" in err
    errors = [json.loads(x) for x in (tmp_path / "events.jsonl.errors.jsonl").read_text().splitlines()]
    assert [e["id"] for e in errors] == [str(folder / "b.txt")]
    table = load_events(out)
    assert set(table["source"]) == {str(folder / "a.txt"), str(folder / "c.txt")}
    assert "2023-03-03" in set(table["date_value"])


def test_resume_skips_written_documents(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": f"d{i}", "published": "2024-05-0" + str(i + 1),
                    "text": f"The ministers met on {i + 1} April 2024 in Brussels."}) + "\n"
        for i in range(3)), encoding="utf-8")
    out = tmp_path / "events"
    args = ["extract", str(corpus), "-o", str(out), "--partition-by", "month", "-j", "1"]
    assert main(args) == 0
    assert main(args) == 2  # the folder exists: not overwritten without --resume
    assert "--resume" in capsys.readouterr().err
    assert main(args + ["--resume"]) == 0
    assert "3 skipped" in capsys.readouterr().err
    table = load_events(out)
    assert sorted(table["date_value"]) == ["2024-04-01", "2024-04-02", "2024-04-03"]
    assert (out / "month=2024-04").is_dir()


def test_real_process_stdin_and_no_progress_bar_off_a_terminal():
    text = "The ceasefire took effect on 19 January 2025.\n"
    proc = subprocess.run([sys.executable, "-m", "timeline", "extract", "-", "-f", "jsonl"],
                          input=text.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [r["date_value"] for r in rows] == ["2025-01-19"]
    assert text[rows[0]["char_start"]:rows[0]["char_end"]] == "19 January 2025"
    assert b"doc/s" not in proc.stderr and b"Traceback" not in proc.stderr


def test_progress_bar_on_a_terminal(tmp_path):
    import os
    import pty

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": f"d{i}", "text": f"The ministers met in Brussels on {i + 1} May 2024."})
        + "\n" for i in range(3)) + "{broken\n", encoding="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "timeline", "extract", str(corpus), "-j", "1",
                           "-o", str(tmp_path / "e.jsonl")],
                          stderr=slave, stdout=subprocess.DEVNULL, timeout=120)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    os.close(master)
    assert proc.returncode == 1  # the broken line failed; the others were written
    assert b"4/4" in data and b"doc/s" in data and b"events=3" in data
    assert b"failed" in data and b"3 documents, 3 events" in data
