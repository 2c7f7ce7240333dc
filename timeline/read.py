"""Read an article from disk (or bytes) into a :class:`~timeline.document.Document`.

Plain text and Markdown are kept exactly as decoded, so that character offsets
of date mentions line up with the file; HTML is reduced to the article's own
text (no navigation, scripts, styles, page header/footer, asides or forms),
one block element a line.

Encodings tried, in order: a byte-order mark (UTF-8, UTF-16 LE/BE), UTF-8,
then Windows-1252 (the usual encoding of older Western news copy). Anything
that looks binary (NUL bytes, image/PDF/archive signatures, or text that
decodes to mostly control characters) is refused with an :class:`InputError`
that names the file and says what to give instead.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
import unicodedata
from pathlib import Path

from .document import Document
from .errors import InputError

#: Largest article :func:`read` accepts, in bytes (50 MB). A news article is a
#: few kilobytes; a file this large is almost certainly not one article.
MAX_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

_WHAT_TO_GIVE = "give a .txt, .md or .html file"

# File signatures of common non-text formats people drop into article folders.
_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a zip archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
    b"\x7fELF": "a program",
    b"PAR1": "a Parquet file",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
# More than this share of control characters means the bytes are not prose.
_MAX_CONTROL_SHARE = 0.1


def read(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read the article at ``path`` (.txt, .md or .html); ``"-"`` reads standard input."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        name = str(path)
        if not p.exists():
            raise InputError(f"{name}: no such file; check the path")
        if p.is_dir():
            raise InputError(f"{name} is a folder, not an article; give one file ({_WHAT_TO_GIVE})")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(_too_big(name, size, max_bytes))
            data = p.read_bytes()
        except PermissionError as exc:
            raise InputError(f"{name}: permission denied; make the file readable") from exc
        except IsADirectoryError as exc:  # a race, or a special file
            raise InputError(f"{name} is a folder, not an article") from exc
        except OSError as exc:
            raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise InputError(_too_big(name, len(data), max_bytes))
    return read_text(data, name)


def read_text(data: bytes, name: str) -> Document:
    """Decode ``data`` (the bytes of the file called ``name``) into a Document.

    ``name`` decides the format by its suffix (.html/.htm is HTML); without a
    known suffix, markup that starts like an HTML page is read as HTML.
    """
    if isinstance(data, str):  # be forgiving: already-decoded text
        text, encoding = data, "str"
    else:
        text, encoding = decode(data, name)
    meta: dict = {"encoding": encoding, "bytes": len(data)}
    if _is_html(name, text):
        body, title, hint = html_to_text(text)
        meta["format"] = "html"
        doc = Document(text=body, source=name, title=title, meta=meta)
        if hint:
            meta["published_hint"] = hint
            doc.published = _parse_hint(hint, meta)
        return doc
    if name.lower().endswith((".md", ".markdown")):
        meta["format"] = "markdown"
        return Document(text=text, source=name, title=_markdown_title(text), meta=meta)
    meta["format"] = "text"
    return Document(text=text, source=name, meta=meta)


def _markdown_title(text: str) -> str | None:
    """The first top-level heading of a Markdown article ("# What happens next?"), without
    its marks; None where it has none."""
    m = _MARKDOWN_H1.search(text, 0, 20_000)
    if m is None:
        return None
    return " ".join(_MARKDOWN_EMPHASIS.sub("", m.group(1)).strip(" #").split()) or None


_MARKDOWN_H1 = re.compile(r"(?m)^[ \t]{0,3}#[ \t]+([^\n]{1,300})$")
_MARKDOWN_EMPHASIS = re.compile(r"\*+|__+|`+")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes -> (text, encoding name); raises InputError for binary or undecodable data."""
    if not data:
        return "", "utf-8"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: broken {encoding.upper()} text ({exc.reason}); "
                                 "save it again as UTF-8") from exc
            _refuse_controls(text, name)
            return text, encoding
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is not a text article (looks like {what}); {_WHAT_TO_GIVE}")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name} is not a text article (looks binary); {_WHAT_TO_GIVE}")
    for encoding in ("utf-8", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _refuse_controls(text, name)
        return text, encoding
    raise InputError(f"{name}: cannot be decoded as UTF-8, UTF-16 or Windows-1252; "
                     "save it as UTF-8 text")


def _refuse_controls(text: str, name: str) -> None:
    sample = text[:65536]
    controls = sum(1 for ch in sample
                   if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    if sample and controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(f"{name} is not a text article (looks binary); {_WHAT_TO_GIVE}")


def _too_big(name: str, size: int, limit: int) -> str:
    return (f"{name} is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit for one article; "
            "split it into articles (a folder or a .jsonl corpus)")


# --- HTML -----------------------------------------------------------------

_HTML_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
# Page furniture, not article text.
_DROP = ("script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg",
         "button", "select", "textarea", "input", "object", "embed", "canvas", "dialog", "menu")
_BLOCKS = ("address", "article", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
           "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p",
           "pre", "section", "table", "tr", "td", "th", "ul", "caption", "details", "summary")
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date",
              "pubdate", "publishdate", "publish-date", "publication_date", "dc.date",
              "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date",
              "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u3000]+")


def _is_html(name: str, text: str) -> bool:
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return True
    if lower.endswith(TEXT_SUFFIXES):
        return False
    return bool(_HTML_START.match(text[:4096]))


def html_to_text(markup: str) -> tuple[str, str | None, str | None]:
    """HTML -> (article text, title, publication-time hint as written)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = _html_title(soup)
    hint = _html_published(soup)
    for tag in soup.find_all(_DROP):
        tag.decompose()
    h1 = soup.find("h1")
    headline = _SPACES.sub(" ", h1.get_text(" ")).strip() if h1 is not None else ""
    # Site header/footer are furniture; an article's own <header> holds its headline.
    for tag in soup.find_all(("header", "footer")):
        if tag.find_parent(("article", "main")) is None or tag.name == "footer":
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for br in root.find_all("br"):
        br.replace_with("\n")
    for tag in root.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    raw = root.get_text()
    lines = (_SPACES.sub(" ", line).strip() for line in raw.splitlines())
    text = "\n".join(line for line in lines if line)
    if headline and headline not in text:
        # The page's headline set outside the article's element (a site's header band): it
        # is the article's first line, as it is in a plain-text copy, and often dates the news.
        text = f"{headline}\n{text}" if text else headline
    return text, title, hint


def _meta_content(soup, *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if key in wanted and (tag.get("content") or "").strip():
            return tag["content"].strip()
    return None


def _html_title(soup) -> str | None:
    og = _meta_content(soup, "og:title")
    if og:
        return og
    if soup.title and soup.title.get_text(strip=True):
        return soup.title.get_text(" ", strip=True)
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return h1.get_text(" ", strip=True)
    return None


def _html_published(soup) -> str | None:
    for name in _DATE_META:  # in order of trust
        value = _meta_content(soup, name)
        if value:
            return value
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        value = _ld_date(script.string or "")
        if value:
            return value
    time = soup.find("time", attrs={"pubdate": True}) or soup.find("time", attrs={"datetime": True})
    if time and (time.get("datetime") or "").strip():
        return time["datetime"].strip()
    return None


def _ld_date(raw: str) -> str | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            if isinstance(graph, list):
                items.extend(g for g in graph if isinstance(g, dict))
            value = item.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def _parse_hint(hint: str, meta: dict):
    """The page's own publication time, or None (with a note in meta) when it does not parse."""
    try:
        from .temporal.published import parse_published
    except ImportError:
        return None
    try:
        return parse_published(hint)
    except (InputError, ValueError, TypeError, OverflowError) as exc:
        meta["published_warning"] = f"publication time {hint!r} in the page was not understood ({exc})"
        return None
