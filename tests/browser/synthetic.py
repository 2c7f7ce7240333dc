"""Event tables built by hand for tests: the sample article's expected timeline
(see the seed's EXPECTED.md), so that figure and app tests do not depend on how
well the extractor does, plus a synthetic corpus of any size."""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline.table import STATUSES, make_table

PUB = "2024-11-02T12:35:00+05:30"
SRC = "eu-japan-partnership-2024.txt"
CONFLICT = ("The text says “Friday (November 2, 2024)”, but November 2, 2024 was a Saturday; "
            "the caption and the weekday agree on November 1.")


def _row(eid, value, precision, start, end, status, title, date_text, evidence, actors, countries,
         category, mod="", warnings=()):
    return dict(event_id=eid, date_value=value, precision=precision, start=start, end=end,
                date_mod=mod, status=status, title=title, date_text=date_text, evidence=evidence,
                actors=list(actors), countries=list(countries), category=category,
                warnings=list(warnings), source=SRC, sources=[SRC], published=PUB, confidence=0.9)


def sample_rows() -> list[dict]:
    return [
        _row("e1", "2024-11-01", "day", "2024-11-01", "2024-11-01", "happened",
             "EU–Japan security and defence partnership announced", "November 1, 2024",
             "In this photo taken by Kyodo, Borrell shakes hands with Nakatani in Tokyo on November 1, 2024.",
             ["Josep Borrell", "Takeshi Iwaya"], ["JPN"], "05 Engage in diplomatic cooperation",
             warnings=[CONFLICT]),
        _row("e2", "2024-11-01", "day", "2024-11-01", "2024-11-01", "happened",
             "SPA instruments of ratification exchanged", "Friday (November 2, 2024)",
             "On Friday (November 2, 2024), Mr Borrell and Mr Iwaya exchanged an instrument of ratification.",
             ["Josep Borrell", "Takeshi Iwaya"], ["JPN"], "05 Engage in diplomatic cooperation",
             warnings=[CONFLICT]),
        _row("e3", "2024-10-31", "day", "2024-10-31", "2024-10-31", "happened",
             "North Korea tests a powerful missile", "Thursday",
             "Pyongyang also tested one of its latest and most powerful missiles on Thursday.",
             ["North Korea"], ["PRK"], "15 Exhibit military posture"),
        _row("e4", "2027", "year", "2027-01-01", "2027-12-31", "target",
             "Japan defence spending at 2% of GDP", "2027",
             "Japan is increasing defense spending to two percent of GDP by 2027.",
             ["Japan"], ["JPN"], "15 Exhibit military posture", mod="ON_OR_BEFORE"),
        _row("e5", "2035", "year", "2035-01-01", "2035-12-31", "target",
             "New fighter jet with Italy and Britain ready", "2035",
             "A new fighter jet with Italy and Britain will be ready to fly by 2035.",
             ["Japan", "Italy"], ["JPN", "ITA", "GBR"], "06 Engage in material cooperation",
             mod="ON_OR_BEFORE"),
        _row("e6", "2024-W43", "week", "2024-10-21", "2024-10-27", "happened",
             "Japan's general election", "last week",
             "Ishiba could lead a minority government after last week’s disastrous general election.",
             ["Shigeru Ishiba"], ["JPN"], "01 Make public statement"),
        _row("e7", "2024-04", "month", "2024-04-01", "2024-04-30", "happened",
             "Kishida state visit to the US", "April",
             "Kishida was hosted by US President Joe Biden for a state visit in April.",
             ["Fumio Kishida", "Joe Biden"], ["JPN", "USA"], "04 Consult"),
        _row("e8", "2024-11-01", "approximate", "2024-11-01", "2024-11-01", "planned",
             "Borrell heads to South Korea", "After the Tokyo talks",
             "After the Tokyo talks, Mr Borrell will head to South Korea.",
             ["Josep Borrell"], ["KOR"], "04 Consult", mod="AFTER"),
    ]


def sample_events() -> pd.DataFrame:
    return make_table(sample_rows())


def synthetic_events(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` plausible events over six years, in 12 categories, 40 actors and 30 sources."""
    rng = np.random.default_rng(seed)
    base = pd.Timestamp("2020-01-01")
    day = rng.integers(0, 6 * 365, n)
    kind = rng.choice(["day", "day", "day", "week", "month", "year"], n)
    cats = [f"{i:02d} Category {i}" for i in range(1, 13)]
    actors = [f"Actor {i}" for i in range(40)]
    rows = []
    for i in range(n):
        start = base + pd.Timedelta(days=int(day[i]))
        p = kind[i]
        if p == "week":
            start = start - pd.Timedelta(days=start.day_of_week)
            end, value = start + pd.Timedelta(days=6), f"{start.isocalendar().year}-W{start.isocalendar().week:02d}"
        elif p == "month":
            start = start.replace(day=1)
            end, value = start + pd.offsets.MonthEnd(0), start.strftime("%Y-%m")
        elif p == "year":
            start = start.replace(month=1, day=1)
            end, value = start.replace(month=12, day=31), str(start.year)
        else:
            end, value = start, start.strftime("%Y-%m-%d")
        a = rng.choice(len(actors), 2, replace=False)
        rows.append(dict(
            event_id=f"s{i:06d}", date_value=value, precision=p, start=start, end=end,
            status=STATUSES[int(rng.integers(0, 4))], title=f"Synthetic event {i} about topic {i % 97}",
            date_text=value, evidence=f"Sentence {i} that mentions {value}.",
            actors=[actors[a[0]], actors[a[1]]], countries=["JPN"] if i % 3 else ["FRA", "DEU"],
            category=cats[i % 12], confidence=float(rng.random()),
            warnings=["weekday and date disagree"] if i % 50 == 0 else [],
            source=f"corpus/article-{i % 30:03d}.txt", published="2025-01-01",
        ))
    return make_table(rows)
