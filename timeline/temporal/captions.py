"""Photo captions: lines that date a picture, not the news ("FILE PHOTO: ... March 3, 2024.
REUTERS/Stringer"). The sentence splitter marks them; the dateline finder looks past them."""

from __future__ import annotations

import re

CAPTION = re.compile(
    r"(?i)\b(photo(?:graph)?s?\s+(?:courtesy|credit|by|taken)|in this (?:photo|picture|image|file photo)|"
    r"file photo|pictured|\((?:photo|picture|image)\b|photo\s*:|image\s*:|afp photo|reuters/)"
)
# Every alternative of CAPTION holds one of these words (lower-cased): a line without any
# of them is no caption, and the regex need not scan it.
CAPTION_WORDS = ("photo", "picture", "image", "reuters/")


def has_caption_word(line: str) -> bool:
    return any(map(line.lower().__contains__, CAPTION_WORDS))


def is_caption(line: str) -> bool:
    """Whether ``line`` is a photo caption (for text with no letters that fold to ASCII; see
    events.sentences for the rest)."""
    return has_caption_word(line) and CAPTION.search(line) is not None
