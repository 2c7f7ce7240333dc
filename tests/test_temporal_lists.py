"""Dated lists ("Oct 7, 2023 - ...", "Oct 27 - ..."): an entry without its year takes the list's."""

from __future__ import annotations

from pathlib import Path

from timeline import tag

TIMELINE = (Path(__file__).parent / "data" / "news" / "timeline_list.txt").read_text(encoding="utf-8")


def _values(text, published):
    return {m.text: m.value for m in tag(text, published=published)}


def test_an_entry_without_its_year_carries_the_year_down_the_list():
    values = _values(TIMELINE, None)  # (the text's own "Published 15 January 2025")
    assert values["Oct 27"] == "2023-10-27"  # after "Oct 7, 2023", not 2024 from publication
    assert values["Dec 1"] == "2023-12-01"
    assert values["May 6"] == "2024-05-06"  # after "Jan 26, 2024"
    assert values["Oct 16"] == "2024-10-16"


def test_the_list_rolls_into_the_next_year_when_the_months_start_again():
    text = "Nov 24, 2023 - A truce begins.\nDec 1 - The truce collapses.\nJan 26 - The court rules.\n"
    values = _values(text, "2024-06-01")
    assert (values["Dec 1"], values["Jan 26"]) == ("2023-12-01", "2024-01-26")


def test_a_list_newest_first_is_left_to_the_publication_date():
    text = ("Jan 15, 2025 - Israel and Hamas agree to a ceasefire deal.\n\n"
            "Oct 16 - Israeli troops kill Hamas leader Yahya Sinwar.\n")
    # carried forward, Oct 16 would be 2025's, long after publication: the list runs backwards
    assert _values(text, "2025-01-16")["Oct 16"] == "2024-10-16"


def test_a_date_that_opens_no_entry_or_follows_a_paragraph_keeps_its_own_reading():
    text = ("Oct 7, 2023 - Hamas fighters storm into southern Israel.\n\n"
            "The war has reshaped the region.\n\n"
            "Oct 27 - Israel launches a ground offensive.\n")
    assert _values(text, "2025-01-15")["Oct 27"] == "2024-10-27"
    text = "Oct 7, 2023 - Hamas fighters storm into southern Israel.\nTalks began on Oct 27 in Cairo.\n"
    assert _values(text, "2025-01-15")["Oct 27"] == "2024-10-27"


def test_a_year_heading_an_entry_is_the_year_of_the_months_in_it():
    text = "2025 - Peace talks resume in Istanbul in May and June.\n2026: The two sides meet in March.\n"
    values = _values(text, "2026-11-27")
    # (the entry tells its year in the present; the publication would make May next year's)
    assert (values["May"], values["June"], values["March"]) == ("2025-05", "2025-06", "2026-03")


# (the whole list's event table is checked in tests/test_news_excerpts.py: timeline_list.json)
