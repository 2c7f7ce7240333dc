"""`python -m timeline tag`: the date mentions of one article."""

import csv
import io
import json
import subprocess
import sys

from timeline.cli import main


def _jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_tag_sample_jsonl(sample_path, sample_text, capsys):
    assert main(["tag", str(sample_path), "-f", "jsonl"]) == 0
    rows = _jsonl(capsys.readouterr().out)
    by_text = {}
    for row in rows:
        assert sample_text[row["start"]:row["end"]] == row["text"]  # offsets point into the file
        by_text.setdefault(row["text"], []).append(row)
    assert by_text["November 1, 2024"][0]["value"] == "2024-11-01"
    assert by_text["Thursday"][0]["value"] == "2024-10-31"
    assert {r["value"] for r in by_text["2027"]} == {"2027"}
    assert by_text["2027"][0]["mod"] == "ON_OR_BEFORE"
    assert by_text["last week"][0]["value"] == "2024-W43"
    assert by_text["April"][0]["value"] == "2024-04"
    friday = by_text["Friday"][0]
    assert friday["warnings"] and "Saturday" in " ".join(friday["warnings"])
    published = by_text["November 02, 2024 12:35 PM IST"][0]
    assert published["type"] == "TIME" and published["value"].startswith("2024-11-02T12:35")
    starts = [r["start"] for r in rows]
    assert starts == sorted(starts)


def test_tag_published_option_moves_relative_dates(sample_path, capsys):
    assert main(["tag", str(sample_path), "-f", "jsonl", "--published", "2025-03-14"]) == 0
    rows = _jsonl(capsys.readouterr().out)
    last_week = next(r for r in rows if r["text"] == "last week")
    assert last_week["value"] == "2025-W10"


def test_tag_table_and_csv(sample_path, capsys):
    assert main(["tag", str(sample_path)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:5] == ["START", "END", "TEXT", "TYPE", "VALUE"]
    assert any("last week" in line and "2024-W43" in line for line in table)
    assert main(["tag", str(sample_path), "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and set(rows[0]) == {"start", "end", "text", "type", "value", "precision",
                                     "mod", "warnings"}
    assert any(r["text"] == "2035" and r["mod"] == "ON_OR_BEFORE" for r in rows)


def test_tag_bad_published_is_one_line(sample_path, capsys):
    assert main(["tag", str(sample_path), "--published", "not a date at all"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1


def test_tag_binary_and_missing(tmp_path, capsys):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["tag", str(binary)]) == 2
    err = capsys.readouterr().err
    assert "photo.txt" in err and "not a text article" in err
    assert main(["tag", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_tag_empty_and_dateless(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["tag", str(empty), "-f", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "empty" in captured.err
    plain = tmp_path / "plain.txt"
    plain.write_text("Ministers met and talked.", encoding="utf-8")
    assert main(["tag", str(plain), "-f", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no dates" in captured.err


def test_tag_stdin_in_a_real_process():
    text = "The treaty was signed on 12 March 2021 in Geneva.\n"
    proc = subprocess.run([sys.executable, "-m", "timeline", "tag", "-", "-f", "jsonl"],
                          input=text.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = _jsonl(proc.stdout.decode())
    assert [(r["text"], r["value"]) for r in rows] == [("12 March 2021", "2021-03-12")]
    assert text[rows[0]["start"]:rows[0]["end"]] == "12 March 2021"
