"""The publication time: parse one a user gives, or find it in the article's text.

News copy states it in many shapes: "published – November 02, 2024 12:35 PM IST"
as the last line, "Updated: 22-05-2023 12:53 IST", "March 20, 2024 — 07:21 pm EDT"
under the headline. Time-zone abbreviations get the reading English-language news
means (IST is India, UTC+05:30) from the timezones table, and the result keeps its
offset. ``dateparser`` is used only to turn an already found string into a date
when our own patterns cannot.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from ..errors import InputError
from .captions import is_caption
from .rules import first_char_guard, has_case_traps, required_strings, tables

_KEYWORD_PATTERN = (
    r"\b(?:published|updated|last\s+updated|first\s+published|posted|posted\s+on|"
    r"(?:last\s+)?modified|"
    r"date|dated|released|issued)\b\s*(?:on|at)?\s*[:–—-]?\s*"
)
# The lookahead lets most positions of a line fail at their first character.
_KEYWORD = re.compile(first_char_guard(_KEYWORD_PATTERN) + _KEYWORD_PATTERN, re.IGNORECASE)
# Strings of which every keyword match holds one (lower-case).
_KEYWORD_NEEDS = required_strings(_KEYWORD_PATTERN)
# How far from the start and the end of the text a bare date line may stand
# (headline, byline, footer) to be read as the publication time.
_EDGE_LINES = 6
# "SYDNEY, March 21 (Reuters) -", "Kyiv, 12 June 2023 —", and without a place only with the
# agency ("March 4 (Reuters) -"): a date and a dash alone may open a list entry.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'/-]{1,40},\s+(?:[A-Z][A-Za-z .'-]{1,30},\s+)?)?"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s*\d{4})?)\s*"
    r"(?(place)(?:\([A-Za-z .&]+\)\s*[-–—:]?|[-–—:])|\([A-Za-z .&]+\)\s*[-–—:])"
)


def _tz_offset(abbrev: str | None) -> tzinfo | None:
    if not abbrev:
        return None
    a = abbrev.strip().lower()
    m = re.fullmatch(r"(?:utc|gmt)?\s*([+-])(\d{1,2}):?(\d{2})?", a)
    if m:
        sign = 1 if m.group(1) == "+" else -1
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return timezone(sign * delta)
    off = tables()["timezones"].get(a)
    if off is None:
        return None
    if "/" in off:  # "ET": Eastern time, standard or daylight as the date has it
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(off)
        except ZoneInfoNotFoundError:
            return None
    sign = 1 if off[0] == "+" else -1
    h, mnt = off[1:].split(":")
    return timezone(sign * timedelta(hours=int(h), minutes=int(mnt)), abbrev.upper())


_TIME = re.compile(
    r"(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*[(\[]?(?P<tz>(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z]{2,5})[)\]]?)?(?![\w])"
    r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ampm2>[ap]\.?m\.?)(?:\s*(?P<tz2>[A-Z]{2,5}))?(?![\w])",
    re.IGNORECASE,
)


def _parse_time(text: str) -> tuple[time, timezone | None] | None:
    m = _TIME.search(text)
    if not m:
        return None
    if m.group("h2"):
        h, mi, ampm, tz = int(m.group("h2")), 0, m.group("ampm2"), m.group("tz2")
    else:
        h, mi, ampm, tz = int(m.group("h")), int(m.group("m")), m.group("ampm"), m.group("tz")
    if ampm:
        pm = ampm.lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    return time(h, mi), _tz_offset(tz)


_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?)?")


def _parse_line(line: str) -> datetime | date | None:
    """The first explicit calendar date in a short string (and the time after it, if any)."""
    from .resolver import explicit_date

    iso = _ISO.search(line)
    if iso and "T" in iso.group() or iso and " " in iso.group():
        try:
            return datetime.fromisoformat(re.sub(r"\s(?=[+-]\d)", "", iso.group()).replace("Z", "+00:00"))
        except ValueError:
            pass
    from .tagger import find_mentions  # local: the tagger imports this module

    for m in find_mentions(line):
        d = explicit_date(m.spec)
        if d is not None:
            found = _combine(d, line[m.start:])
            if not isinstance(found, datetime):
                # "Published 14:05 GMT, 3 January 2025": the time may come first.
                t = _parse_time(line[m.start : m.end] if "hour" in m.spec else line[: m.start])
                if t is not None:
                    found = datetime.combine(d, t[0], tzinfo=t[1])
            return found
    return None


def _combine(d: date, text_after: str) -> datetime | date:
    # Skip the date itself: its day number must not be read as an hour.
    rest = re.sub(r"^.*?\d{4}", "", text_after, count=1)
    t = _parse_time(rest)
    if t is None:
        return d
    tm, tz = t
    return datetime.combine(d, tm, tzinfo=tz)


def parse_published(value) -> datetime | date | None:
    """A user-given publication time: datetime, date, ISO text or free text."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value
    s = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return date.fromisoformat(s)
        return datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        pass
    found = _parse_line(s)
    if found is not None:
        return found
    try:  # the right tool for odd formats, once the zone is ours to read
        import dateparser

        parsed = dateparser.parse(s, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # dateparser raises a zoo of errors on odd text
        parsed = None
    if parsed is None:
        raise InputError(
            f"cannot read the publication time {value!r}; give an ISO date such as 2024-11-02 "
            "or 2024-11-02T12:35+05:30"
        )
    return parsed


def find_published(text: str) -> datetime | date | None:
    """The publication time stated in an article, or None.

    Looks, in order, at lines with a keyword ("Published", "Updated", "Posted"),
    then at short lines near the start or the end that hold little but a date.
    """
    found = locate_published(text)
    return found[0] if found else None


# What may stand before a publication keyword on its line: nothing but marks, a byline or page
# words set off by a separator ("By Jane Doe | Published ...", "World news - Updated ..."), or
# "This article was (first) published". A sentence's verb is not one ("The report was released
# on 2026-11-12.": that date is news).
_BEFORE_KEYWORD = re.compile(
    r"(?i)(?:[\W_]*|.*[|·•–—:/-]\s*|\s*by\s.*|\s*this\s+(?:article|story|page|post)\s+"
    r"(?:was|has\s+been|is)\s+(?:first\s+|originally\s+|last\s+)?)")


def keyword_opens(line: str, at: int) -> bool:
    """Whether the publication keyword at ``line[at:]`` opens a date line, not a sentence."""
    return at == 0 or _BEFORE_KEYWORD.fullmatch(line, 0, at) is not None


def locate_published(text: str, keyword_only: bool = False) -> tuple[datetime | date, int, int] | None:
    """Like :func:`find_published`, with the offsets of the line that states it.

    ``keyword_only`` skips the bare-date-line search (used when the caller already
    knows the publication time and only wants to mark the line).
    """
    if not text:
        return None
    # Lines without any of the keyword's required strings need no search (see
    # rules.required_strings; a text with case traps is searched line by line as it is).
    lower = None if has_case_traps(text) else text.lower()
    if lower is not None and len(lower) != len(text):
        lower = None
    # Each line's lower-cased text is a slice of ``lower``: when the whole text holds none
    # of the strings, no line does, and most articles state no keyword at all.
    keywords = lower is None or any(map(lower.__contains__, _KEYWORD_NEEDS))
    if keyword_only and not keywords:
        return None
    lines = text.splitlines(keepends=True)
    edge, offsets = _edge_lines(lines, len(text))
    for i in edge if keywords else ():
        line = lines[i]
        if len(line) > 200:
            continue
        if lower is not None:
            low = lower[offsets[i] : offsets[i] + len(line)]
            if not any(map(low.__contains__, _KEYWORD_NEEDS)):
                continue
        m = _KEYWORD.search(line)
        if m:
            found = _parse_line(line[m.end():]) if keyword_opens(line, m.start()) else None
            if found is None and m.start() and not keyword_only:
                # "November 24, 20249:41 AM GMT+1Updated 2 hours ago" (a page's date line, copied
                # with its parts run together): the date before the keyword
                found = _parse_line(_unglue(line[: m.start()]))
            if found is not None:
                return found, offsets[i], offsets[i] + len(line.rstrip("\r\n"))
    if keyword_only:
        return None
    line = dateline(text)
    if line is not None:
        # "Kyiv, 12 June 2023 — ...": a dateline with its year dates the story.
        found = _parse_line(text[line[0] : line[1]])
        if found is not None:
            return found, line[0], line[1]
    for i in edge:
        line = lines[i].strip()
        if not line or len(line) > 80:
            continue
        # A line that is mostly a date: at least half of its letters belong to it.
        line = _unglue(line)
        found = _parse_line(line)
        if found is not None and _mostly_date(line):
            return found, offsets[i], offsets[i] + len(lines[i].rstrip("\r\n"))
    return None


def _edge_lines(lines: list[str], length: int) -> tuple[list[int], dict[int, int]]:
    """The indices of the first and last _EDGE_LINES lines, in order, and each one's offset
    (``length`` is the text's, whose lines ``lines`` are with their ends): the lines in
    between are never looked at, so their offsets are not summed one by one."""
    n = len(lines)
    head = range(min(n, _EDGE_LINES))
    tail = range(max(_EDGE_LINES, n - _EDGE_LINES), n)
    offsets: dict[int, int] = {}
    pos = 0
    for i in head:
        offsets[i] = pos
        pos += len(lines[i])
    pos = length
    for i in reversed(tail):
        pos -= len(lines[i])
        offsets[i] = pos
    return [*head, *tail], offsets


# A year run together with the clock time after it ("November 24, 20249:41 AM"), and a time
# zone with the word after it ("GMT+1Updated"): how a page's date line reads when copied.
_YEAR_THEN_CLOCK = re.compile(r"\b((?:19|20)\d\d)(\d{1,2}:\d\d\s*[AaPp]\.?[Mm]\b)")
_ZONE_THEN_WORD = re.compile(r"\b([A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d\d)?)?)([A-Z][a-z])")


def _unglue(line: str) -> str:
    if not any(c.isdigit() for c in line):
        return line
    return _ZONE_THEN_WORD.sub(r"\1 \2", _YEAR_THEN_CLOCK.sub(r"\1 \2", line))


def _mostly_date(line: str) -> bool:
    """A line that is mostly a date: at least half of it is dates, and what else it says is
    no clause ("On Monday, 3 March 2025, leaders met in Paris." is news, not a date line)."""
    from .tagger import find_mentions

    mentions = find_mentions(line)
    covered = sum(m.end - m.start for m in mentions)
    letters = len(re.sub(r"[\W_]", "", line))
    if not (letters > 0 and covered >= 0.5 * len(line.strip()) - 4):
        return False
    rest = list(line)
    for m in mentions:
        rest[m.start : m.end] = " " * (m.end - m.start)
    words = _LOWER_WORD.findall("".join(rest))
    return all(w in _PAGE_WORDS for w in words)


# Lower-case words a date line may hold besides its date ("by", "updated", "local time").
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")
_PAGE_WORDS = frozenset(
    """by on at of the and or in published updated posted modified last first created am pm
    gmt utc local time edition issue page news staff reporter correspondent writer
    world politics business sport sports opinion analysis europe asia africa americas middle east
    international national breaking latest live update updates home section""".split())


def dateline(text: str) -> tuple[int, int] | None:
    """Offsets of a wire dateline's date ("SYDNEY, March 21 (Reuters) -"), if the story opens
    with one: at the start of the text, or of its first paragraph after a few heading lines
    (a headline, "By Jane Doe", a time stamp), none of which ends like a sentence."""
    at = 0
    for _ in range(_HEAD_LINES + 1):
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        line = text[at:line_end]
        if line.strip():
            m = _DATELINE.match(line[:200])
            if m:
                return at + m.start("date"), at + m.end("date")
            if is_caption(line):
                pass  # a photo caption above the story ("FILE PHOTO: ... REUTERS/Stringer")
            elif len(line.strip()) > _HEAD_LINE_CHARS or line.rstrip()[-1] in _SENTENCE_ENDS:
                return None  # the story has begun, with no dateline
        if line_end >= len(text):
            return None
        at = line_end + 1
    return None


# A story's dateline may follow this many lines of heading, each of at most so many characters.
_HEAD_LINES = 6
_HEAD_LINE_CHARS = 160
_SENTENCE_ENDS = ".!?\"”’"


# How far back a dateline's year is looked for, when nothing in the text bounds it.
_DATELINE_YEARS_BACK = 30
_WRITTEN_YEAR = re.compile(r"(?<![\d.,/:-])(1[89]\d\d|20\d\d)(?![\d/:-]|,\d)")
_LEAD_WEEKDAY = re.compile(
    r"(?i)\b(?:on\s+|late\s+|early\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!['’]s)")


# Words before a weekday in the lead that put it ahead of the telling ("will meet in Florida on
# Sunday"), and words of a telling right before one ("a source said on Saturday").
_AHEAD_BEFORE = re.compile(r"(?i)\b(?:will|would|shall|to|due|set|scheduled|expected|planned)\b[^,;]{0,40}$")
_TOLD_BEFORE = re.compile(r"(?i)\b(?:said|says|told|announced|reported|confirmed|stated|added)\s+$")


# The end of the lead sentence: not the stop of "U.S." or "Mr.", which follows no lower-case word.
_LEAD_END = re.compile(r"(?<=[a-z]{3}[.!?])[\"”’]?\s")


def _day_of_telling(lead: str) -> re.Match | None:
    """The lead's weekday that is the day of the news: one right after a telling ("said on
    Saturday"), else the first that no word puts ahead of it; None without one."""
    found = list(_LEAD_WEEKDAY.finditer(lead))
    for m in found:
        if _TOLD_BEFORE.search(lead, 0, m.start()):
            return m
    return next((m for m in found if not _AHEAD_BEFORE.search(lead, 0, m.start())), None)


def dateline_day(text: str, today: date | None = None) -> tuple[date, str] | None:
    """The day a wire dateline without a year ("KYIV, March 11 (Reuters) - Ukraine said on
    Tuesday ...") most likely is, for a text that states no publication time, with the
    reason in words; None where the text does not settle it.

    The year is the latest, up to ``today``, in which the dateline's day fell on the weekday
    the story's first sentence gives the telling (see _day_of_telling), and not before a year the text writes ("the invasion
    on Feb. 24, 2022"): a story is no older than the years it names. Without such a
    weekday, nothing settles the year, and the dateline is not used.
    """
    line = dateline(text)
    if line is None:
        return None
    written = text[line[0] : line[1]]
    month_day = _month_and_day(written)
    if month_day is None:
        return None  # (a dateline with its year is a publication line, found before this)
    month, day = month_day
    lead = _LEAD_END.split(text[line[1] : line[1] + 400], 1)[0]
    weekday = _day_of_telling(lead)
    if weekday is None:
        return None
    wd = tables()["weekdays"][weekday.group(1).lower()]
    today = today or _today()
    years = [int(y) for y in _WRITTEN_YEAR.findall(text) if int(y) <= today.year]
    lowest = max(years) if years else today.year - _DATELINE_YEARS_BACK
    for year in range(today.year, lowest - 1, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue  # (February 29 of a common year)
        if found <= today and found.isoweekday() == wd:
            break
    else:
        return None
    bound = f", and not before {lowest}, the latest year the text names" if years else ""
    why = (f'The article gives no publication date; its dateline "{written}" is read as '
           f"{found:%A, %B} {found.day}, {found.year}: the latest year in which that day was the "
           f'{found:%A} its first sentence names{bound}. Dates counted from publication count from '
           f"it; give the publication date to be sure.")
    return found, why


def _today() -> date:
    return date.today()


_MONTH_DAY = re.compile(r"(?i)^\s*(?:([a-z]{3})[a-z]*\.?\s+(\d{1,2})|(\d{1,2})\s+([a-z]{3})[a-z]*\.?)\s*$")


def _month_and_day(written: str) -> tuple[int, int] | None:
    m = _MONTH_DAY.match(written)
    if m is None:
        return None
    abbr = (m.group(1) or m.group(4)).lower()
    month = tables()["months"].get(abbr)
    if not month:
        return None
    return month, int(m.group(2) or m.group(3))

