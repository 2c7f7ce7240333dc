"""Words that look like dates in news but are not ours to place on a timeline."""

from __future__ import annotations

import pytest

from timeline import extract, tag


@pytest.mark.parametrize(
    "text",
    [
        "Water quality in the Winter Palace Lake and Taoranting Lake is below level five.",
        "The former FIFA player of the year had 40.8 percent of the votes.",
        "The euro was quoted at 1.1700-1702 dollar in late trading.",
        # a match's halves, not the year's
        "Fiore headed the only goal six minutes into the second half.",
        "Toni's first half penalty was saved by Zancope.",
    ],
)
def test_no_date_is_read(text):
    assert [m.text for m in tag(text, published="2006-11-28") if m.type == "DATE"] == []


def test_a_number_with_thousands_is_not_cut_to_its_last_digits():
    text = "Lao Tzu was born 2,500 years ago in the Zhou Dynasty."
    assert [m.text for m in tag(text, published="2006-11-21")] == []


def test_a_date_before_christ_is_shown_as_such_and_not_placed():
    text = "The Zhou Dynasty (11th Century B.C. -- 221 B.C.) ruled China for centuries."
    dates = [(m.text, m.value) for m in tag(text, published="2006-11-21") if m.type == "DATE"]
    assert dates == [("11th Century", "BC10")]
    row = extract(text, published="2006-11-21").iloc[0]
    assert row.date_value == "BC10"
    assert row.confidence <= 0.5
    assert any("before Christ" in w for w in row.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "British Prime Minister Theresa May resigned after the vote.",
        "Mrs May told parliament the deal was done.",
        "Dutch Economy Minister Laurens Jan Brinkhorst told the press.",
        "Ma Jun, an environmental consultant, said prices were manipulated.",
        "The rebel commanders Mullah Abdul Wali and Mullah Sher Jan were killed.",
        "The talks stalled. May said she would not resign.",
    ],
)
def test_a_month_name_that_is_a_persons_name_is_no_date(text):
    assert [m.text for m in tag(text, published="2006-11-28") if m.type == "DATE"] == []


@pytest.mark.parametrize(
    "text,month",
    [
        ("In May, the talks failed.", "May"),
        ("The May elections were close.", "May"),
        ("The bank's monthly review for April says growth slowed.", "April"),
        ("Baghdad, which in June said it would no longer talk, changed course.", "June"),
        ("The World Heritage Committee July session opened in Durban.", "July"),
    ],
)
def test_a_month_after_a_date_word_or_an_institution_is_still_a_date(text, month):
    assert [m.text for m in tag(text, published="2006-11-28")] == [month]


@pytest.mark.parametrize(
    "text",
    [
        "The airline plans daily flights, up from the current four flights a week.",
        "This will add nearly 700 seats a week on the route.",
        "OPEC put world oil demand at 84.9 million barrels a day.",
        "The rebels mount dozens of raids a month.",
    ],
)
def test_a_rate_is_no_duration(text):
    assert [m.text for m in tag(text, published="2006-11-28")] == []


def test_the_amount_of_a_rate_may_be_a_duration_itself():
    # how long he slept each night is a duration; "a night" is how often
    assert [m.text for m in tag("He slept a scant four hours a night.", published="2006-11-28")] == [
        "four hours"]


def test_a_span_after_a_count_is_still_a_duration():
    assert [(m.text, m.value) for m in tag("They held talks for a week.", published="2006-11-28")] == [
        ("a week", "P1W")]


@pytest.mark.parametrize(
    "text",
    [
        "The senator was speaking on ABC television's \"This Week\" program.",
        "Reid said on the ABC News program \"This Week.\"",
        "In an interview with India Today magazine, the minister said the deal was off.",
        "However, USA Today quoted the deputy director of the agency.",
        "This is VOA Today.",
    ],
)
def test_a_programme_or_paper_named_like_a_date_is_no_date(text):
    assert [m.text for m in tag(text, published="2006-11-28")] == []


@pytest.mark.parametrize(
    "text,date_text",
    [
        ("\"Today Lin Dan is out of order,\" the coach said.", "Today"),
        ("Today, talks resume in Geneva.", "Today"),
        ("\"This week we will win,\" he said.", "This week"),
    ],
)
def test_a_capitalized_today_that_opens_a_sentence_is_a_date(text, date_text):
    assert [m.text for m in tag(text, published="2006-11-28")] == [date_text]


@pytest.mark.parametrize(
    "text",
    [
        "His research formed the basis for the Long March CZ-2F rocket that carried Yang Liwei into orbit.",
        "Protesters marked Bloody Sunday in Derry.",
        "The Black September group claimed the attack.",
        "Candidates campaigned hard before Super Tuesday.",
        "Soviet tanks crushed the Prague Spring.",
        "Veterans of the Great October Revolution marched.",
    ],
)
def test_a_name_that_holds_a_date_word_dates_nothing(text):
    assert tag(text, published="2006-11-15") == []


def test_the_name_leaves_the_dates_beside_it():
    text = "Egypt and Syria attacked Israel in the October War of 1973, and marked it on Sunday."
    assert [(m.text, m.value) for m in tag(text, published="2006-11-15")] == [
        ("1973", "1973"), ("Sunday", "2006-11-12")]


@pytest.mark.parametrize(
    "text,date_text",
    [
        ("Security was tightened after the September 11 attacks.", "September 11"),
        ("The 9/11 commission said the attacks could have been prevented.", "9/11"),
        ("He was held for six years after the Sept. 11 attacks on the United States.", "Sept. 11"),
    ],
)
def test_the_september_11_attacks_are_of_2001(text, date_text):
    row = extract(text, published="2006-11-15").iloc[0]
    assert (row.date_text, row.date_value, row.precision) == (date_text, "2001-09-11", "day")
    assert row.confidence == 1.0 and len(row.warnings) == 0


def test_an_event_named_by_its_day_alone_may_be_of_an_earlier_year():
    text = "He spoke on the anniversary of the June 4 crackdown."
    row = extract(text, published="2006-11-15").iloc[0]
    assert row.date_value == "2006-06-04"  # the publication's year, as for any month and day ...
    assert row.confidence <= 0.6  # ... but shown as a guess
    assert any("names an event by its day" in w for w in row.warnings)
    # a day that names no such event keeps the usual doubt only
    row = extract("The May 29 general elections were peaceful.", published="2006-11-15").iloc[0]
    assert row.confidence == 0.9 and not any("names an event" in w for w in row.warnings)


@pytest.mark.parametrize("text", [
    "Toronto, who shot 43.5 percent from the floor, went on a 19-9 run in the first quarter.",
    "The Lakers led by 10 at the end of the third quarter.",
    "Owens beat Hall for a seven-yard touchdown late in the first quarter.",
    "Chinese Taipei out-scored the South Korean side 14-6 in the fourth quarter to seal a final berth.",
])
def test_a_games_quarter_is_no_date(text):
    assert tag(text, published="2006-11-26") == []


@pytest.mark.parametrize("text, value", [
    ("Profit rose 5 percent in the first quarter.", "2006-Q1"),
    ("The club's shares fell 3-1 in the first quarter.", "2006-Q1"),  # a business report's quarter
    ("Japan's economy grew 0.5 percent in the third quarter of 2006.", "2006-Q3"),
])
def test_a_business_quarter_stays_a_date(text, value):
    assert [m.value for m in tag(text, published="2006-11-26")] == [value]


def test_may_opening_a_sentence_before_a_verb_is_no_month():
    text = '"May be we can have a meeting at the end of January," he said.'
    assert [m.text for m in tag(text, published="2005-12-10")] == ["the end of January"]
    assert [m.value for m in tag("May saw record exports.", published="2005-12-10")] == ["2005-05"]
