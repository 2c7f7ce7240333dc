"""Status of events read from whole sentences: statements, same-day news, "is to"."""

from __future__ import annotations

import pytest

from timeline import extract


@pytest.mark.parametrize(
    "text,published,date_text,value,status",
    [
        # The date dates the statement after the news clause: the telling has happened,
        # and a weekday after a future clause is the past one ("said on Tuesday").
        ("Statoil is to take over Norsk Hydro, the two groups said on Monday.",
         "2006-12-18", "Monday", "2006-12-18", "happened"),
        ("Dexia bank will vote against the merger, chief executive Axel Miller said on Tuesday.",
         "2006-12-18", "Tuesday", "2006-12-12", "happened"),
        # Same-day news with no tense cue near the date is news of what happened.
        ("Later Wednesday in nearby Yala province, a 47-year-old man was shot dead.",
         "2006-12-27", "Later Wednesday", "2006-12-27", "happened"),
        # "is to" + verb speaks of what is still to come.
        ("The governing board of the IAEA is to meet on Nov. 24 in Vienna for renewed "
         "discussions.", "2005-11-18", "Nov. 24", "2005-11-24", "planned"),
        ("The budget is to be presented in parliament on Tuesday amid protests.",
         "2005-11-07", "Tuesday", "2005-11-08", "planned"),
        # A period around publication is under way.
        ("The economy is growing this year.", "2006-12-27", "this year", "2006", "ongoing"),
        # The part of a period a modifier names is weighed, not the whole: the end of the
        # year, or the middle of the month, is still ahead whatever an apposition's verb says.
        ("The agreement, signed on March 3, expires at the end of the year.", "2025-04-15",
         "the end of the year", "2025", "planned"),
        ("Negotiators might also attend the APEC summit, which was slated for mid-November.",
         "2005-11-03", "mid-November", "2005-11", "planned"),
        ("The bank raised rates at the end of March.", "2025-04-15", "the end of March", "2025-03",
         "happened"),
        # A state told in the passive present perfect since a date still holds.
        ("Cyprus has been divided since 1974 when Turkey intervened.", "2005-11-20", "1974", "1974",
         "ongoing"),
        ("North Korean troops have been deployed to the Kursk region since late October.", "2024-11-20",
         "late October", "2024-10", "ongoing"),
        ("Talks expected to take place in Maastricht have been pencilled in for May 23.", "1997-04-07",
         "May 23", "1997-05-23", "planned"),
        # a date that ends the sentence after a relative clause is the main clause's
        ("The UN aims to bring together the two leaders, who have not met since October 1994, by mid-1997.",
         "1997-04-24", "mid-1997", "1997", "target"),
        ("The OPM has been seeking an independent state in Irian Jaya, which shares a border with Papua "
         "New Guinea, since the late 1960s.", "1997-04-24", "the late 1960s", "196", "ongoing"),
        # "by then Colonel Mobutu": the agent, under a title he then held, is no deadline
        ("Arrested by then Colonel Mobutu in December, he died two months later.", "1997-04-24",
         "December", "1996-12", "happened"),
        # A year under way naming a thing issued or held once, with a clause in the past, has
        # happened; a programme of that year is still under way.
        ("Portugal finished second at the 2006 World Cup in Germany.", "2006-11-02", "2006", "2006",
         "happened"),
        ("In its 2005 AIDS report released recently, UNAIDS said the epidemic has evolved.", "2005-11-30",
         "2005", "2005", "happened"),
        ("Camdessus arrived here Monday to finalise discussions with the government on its 1997 reform "
         "programme.", "1997-04-02", "1997", "1997", "ongoing"),
        # A date right after a telling participle is the telling's: what it tells after
        # "that" is of another time ("would", "will"), and speaks neither for its day nor status.
        ("Israel has called for action, with its chief of staff Dan Halutz claiming on Tuesday "
         "that Tehran would have all the necessary knowledge to build a warhead.", "2005-12-14",
         "Tuesday", "2005-12-13", "happened"),
        ("Beijing retaliated immediately, a foreign ministry spokesman stating Tuesday that "
         '"China will postpone exchanges of visits with Denmark."', "1997-04-15", "Tuesday",
         "1997-04-15", "happened"),
    ],
)
def test_status_and_date(text, published, date_text, value, status):
    table = extract(text, published=published)
    row = table[table.date_text == date_text].iloc[0]
    assert (row.date_value, row.status) == (value, status)


def test_what_went_before_in_a_period_under_way_has_happened():
    df = extract("Arafat would inform King Hussein about his talks earlier this month with envoy Dennis Ross.",
                 published="1997-04-23")
    assert df.status.tolist() == ["happened"]
