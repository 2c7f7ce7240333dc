"""Reading articles: encodings, HTML, and refusing what is not an article."""

import codecs
from datetime import datetime

import pytest

from timeline.errors import InputError
from timeline.read import html_to_text, read, read_text

ARTICLE_HTML = """<!DOCTYPE html>
<html><head>
<title>EU and Japan sign pact | World News Site</title>
<meta property="og:title" content="EU and Japan sign security pact">
<meta property="article:published_time" content="2024-11-02T12:35:00+05:30">
<style>body { color: red }</style>
<script>var tracking = "November 5, 2030";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<form><input name="q"> Search archive from January 1, 1990</form>
<article>
  <h1>EU and Japan sign security pact</h1>
  <p>Japan and the European Union announced a partnership in Tokyo on Friday.</p>
  <p>Japan plans to raise defence spending<br>to 2% of GDP by 2027.</p>
  <aside>Related: Elections on March 3, 2019</aside>
  <script>alert("<script> in an article")</script>
</article>
<footer>Copyright 2024 World News Site</footer>
</body></html>
"""


def test_sample_article_is_read_exactly(sample_path, sample_text):
    doc = read(sample_path)
    assert doc.text == sample_text
    assert doc.source == str(sample_path)
    assert doc.meta["encoding"] == "utf-8"
    assert "November 1, 2024" in doc.text


def test_offsets_survive_crlf_and_bom(tmp_path):
    text = "Talks began on Monday.\r\nThey ended on March 3, 2024.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    doc = read(path)
    assert doc.text == text  # BOM gone, \r\n kept: offsets match the file's text
    assert doc.text.index("March 3, 2024") == text.index("March 3, 2024")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, encoding):
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    text = "Réunion à Genève le 3 mars 2024 — “historic”."
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert read(path).text == text


def test_cp1252_fallback(tmp_path):
    text = "The minister’s visit “ended” on 3 March – café talks."
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = read(path)
    assert doc.text == text
    assert doc.meta["encoding"] == "cp1252"


def test_empty_file_is_an_empty_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read(path).text == ""


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x00\x00", "zip"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"hello\x00world\x00\x01\x02", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
])
def test_binary_is_refused_with_a_clear_line(tmp_path, data, what):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read(path)
    message = str(err.value)
    assert str(path) in message and what in message
    assert "give a .txt, .md or .html file" in message
    assert "\n" not in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read(tmp_path)


def test_size_guard(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"On March 3, 2024 talks began. " * 100)
    with pytest.raises(InputError, match="over the .* limit"):
        read(path, max_bytes=1000)
    assert read(path, max_bytes=10_000).text.startswith("On March 3")


def test_undecodable_bytes_are_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"caf\xc3 \x81\x8d\x8f\x90 text")  # neither UTF-8 nor cp1252
    with pytest.raises(InputError, match="cannot be decoded"):
        read(path)


def test_html_keeps_the_article_only():
    text, title, hint = html_to_text(ARTICLE_HTML)
    assert title == "EU and Japan sign security pact"
    assert hint == "2024-11-02T12:35:00+05:30"
    lines = text.split("\n")
    assert lines[0] == "EU and Japan sign security pact"
    assert "Japan and the European Union announced a partnership in Tokyo on Friday." in lines
    assert "to 2% of GDP by 2027." in lines  # <br> is a line break
    for furniture in ("Home", "Search archive", "1990", "Related", "2019", "Copyright",
                      "tracking", "alert", "color"):
        assert furniture not in text


def test_html_file_sets_title_and_publication_time(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    doc = read(path)
    assert doc.meta["format"] == "html"
    assert doc.meta["published_hint"] == "2024-11-02T12:35:00+05:30"
    assert isinstance(doc.published, datetime)
    assert doc.published.utcoffset().total_seconds() == 5.5 * 3600
    assert "<script>" not in doc.text and "alert" not in doc.text


def test_html_without_article_uses_body_and_time_element():
    markup = ("<html><body><h1>Ceasefire talks</h1><p>Talks resume on <time datetime="
              "'2024-03-04'>Monday</time>.</p></body></html>")
    text, title, hint = html_to_text(markup)
    assert title == "Ceasefire talks"
    assert hint == "2024-03-04"
    assert text == "Ceasefire talks\nTalks resume on Monday."


def test_html_is_sniffed_without_suffix():
    doc = read_text(b"<!doctype html><html><body><p>Summit on May 5.</p></body></html>", "<stdin>")
    assert doc.text == "Summit on May 5."
    assert read_text(b"Plain <b>text</b> with a tag.", "<stdin>").text == "Plain <b>text</b> with a tag."


def test_markdown_is_kept_as_written(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Summit\n\n*On 5 May 2024* leaders met.\n", encoding="utf-8")
    doc = read(path)
    assert doc.text == "# Summit\n\n*On 5 May 2024* leaders met.\n"
    assert doc.meta["format"] == "markdown"


def test_unparseable_page_date_is_kept_as_hint_only():
    markup = ('<html><head><meta name="date" content="the day after tomorrow-ish ???"></head>'
              "<body><p>Text.</p></body></html>")
    doc = read_text(markup.encode(), "x.html")
    assert doc.meta["published_hint"] == "the day after tomorrow-ish ???"
    assert doc.published is None


def test_a_headline_outside_the_article_element_is_its_first_line(tmp_path):
    page = tmp_path / "quake.html"
    page.write_text(
        "<html><head><title>Quake | World News</title></head><body>"
        "<header><nav><a href='/'>Home</a></nav><h1>Powerful earthquake strikes Japan on New Year's Day</h1>"
        "</header><article><p>The quake struck the Noto Peninsula on Monday afternoon.</p></article>"
        "<footer>Cookie settings</footer></body></html>", encoding="utf-8")
    doc = read(page)
    assert doc.text.splitlines() == ["Powerful earthquake strikes Japan on New Year's Day",
                                     "The quake struck the Noto Peninsula on Monday afternoon."]
    # ... and once only where the article holds it
    page.write_text("<html><body><article><h1>Quake strikes Japan</h1><p>It struck on Monday.</p>"
                    "</article></body></html>", encoding="utf-8")
    assert read(page).text.splitlines() == ["Quake strikes Japan", "It struck on Monday."]


def test_a_markdown_article_is_titled_by_its_first_top_level_heading(tmp_path):
    path = tmp_path / "explainer.md"
    path.write_text("*Published 28 November 2026*\n\n# What happens next in **Germany's** snap election?\n\n"
                    "## Key dates\n\nVoters go to the polls on February 23.\n", encoding="utf-8")
    doc = read(path)
    assert doc.title == "What happens next in Germany's snap election?"
    assert doc.text.startswith("*Published")  # (the text itself is kept as written)
    path.write_text("## Only a second-level heading\n\nText.\n", encoding="utf-8")
    assert read(path).title is None
