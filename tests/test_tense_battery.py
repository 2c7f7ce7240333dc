"""Sentences in either tense, one date each, and the side of publication (and status) each must
give: news wording with the words that mislead a tense reader (participles that qualify nouns,
a telling before or after the date, forecasts, plans told in the past). Published on Saturday,
November 26, 2005: "Monday" is the 21st when past, the 28th when ahead."""

from __future__ import annotations

import pytest

from timeline import extract

PUBLISHED = "2005-11-26"
FUT = "2005-11-28"
PAST = "2005-11-21"

WEEKDAYS_A = [
 ("The leaders are expected to sign a long-awaited peace deal on Monday.", FUT),
 ("The minister is scheduled to visit quake-hit areas on Monday.", FUT),
 ("The committee will review the disputed results on Monday.", FUT),
 ("Parliament is set to vote on the amended bill on Monday.", FUT),
 ("The opposition plans to stage a rally against rigged polls on Monday.", FUT),
 ("The two sides are to resume stalled negotiations on Monday.", FUT),
 ("Negotiators hope to finalise the revised text on Monday.", FUT),
 ("The trial of the accused bombers opens on Monday.", FUT),
 ("The summit, which was postponed last month, opens on Monday.", FUT),
 ("Talks between the estranged allies resume on Monday.", FUT),
 ("Voters go to the polls on Monday in a vote seen as a test for the embattled government.", FUT),
 ("The new cabinet, dominated by hardliners, will be sworn in on Monday.", FUT),
 ("The court will rule on Monday whether the detained activists can be freed.", FUT),
 ("Officials said the reopened border crossing would be closed again on Monday.", FUT),
 ("The government has promised to publish the long-delayed report on Monday.", FUT),
 ("Police said they would question the injured driver on Monday.", FUT),
 ("A delegation led by the deputy minister is due in Kabul on Monday.", FUT),
 ("The ceasefire, brokered by Egypt, takes effect on Monday.", FUT),
 ("The embattled premier faces a confidence vote on Monday.", FUT),
 ("The World Bank is expected to approve a much-needed loan on Monday.", FUT),
 ("The talks collapsed on Monday after the rebels walked out.", PAST),
 ("The elected parliament met for the first time on Monday.", PAST),
 ("Armed men stormed the embassy on Monday.", PAST),
 ("The injured were taken to hospital on Monday.", PAST),
 ("The revised figures were published on Monday.", PAST),
 ("Troops killed two suspected militants on Monday.", PAST),
 ("The long-awaited report, published on Monday, found widespread abuse.", PAST),
 ("Detained protesters were released on Monday.", PAST),
 ("The government announced on Monday that it will hold talks next month.", PAST),
 ("The minister, who will visit Paris next week, met his counterpart on Monday.", PAST),
 ("The bill, expected to pass easily, was approved by parliament on Monday.", PAST),
 ("The so-called roadmap was presented to both sides on Monday.", PAST),
 ("He was sworn in as president on Monday.", PAST),
 ("Rescuers pulled 12 trapped miners from the flooded pit on Monday.", PAST),
 ("The two sides agreed on Monday to resume talks.", PAST),
 # a participle saying how a thing is kept, or what holds with it, has no tense of its own
 ("The government said it would keep the border crossings closed until Monday.", FUT),
 ("The army will keep troops deployed along the frontier until Monday.", FUT),
 ("Ministers meet this week, with a summit pencilled in for Monday.", FUT),
 ("Schools will remain closed until Monday.", FUT),
 # ... but the verb before it has one
 ("The army kept the border closed on Monday.", PAST),
 ("Police left the road blocked on Monday.", PAST),
 ("The talks ended with a deal signed on Monday.", PAST),
 ("The rebels are at odds with Hamas after it trounced their party on Monday.", PAST),
 # a plan with a noun after it, and a thing announced to start on the day, are ahead
 ("The protest movement plans a concert on Monday.", FUT),
 ("Unions announced a nationwide walkout beginning Monday.", FUT),
 ("The conference, called to spur a trade accord, ends Monday.", FUT),
 # ... not a thing that started then
 ("Unions staged a three-day walkout beginning Monday.", PAST),
]

WEEKDAYS_B = [
 ("If approved, the law would take effect on Monday.", FUT),
 ("Unless a deal is reached, workers will strike on Monday.", FUT),
 ("Officials fear that violence could erupt on Monday.", FUT),
 ("The vote, initially scheduled for Friday, was moved to Monday.", FUT),
 ("Analysts said the central bank was likely to cut rates on Monday.", FUT),
 ("The general, who was wounded last year, will retire on Monday.", FUT),
 ("Critics say the plan, drafted by foreign advisers, will be unveiled on Monday.", FUT),
 ("It remains unclear whether the talks will go ahead on Monday.", FUT),
 ("The ministry confirmed that schools would reopen on Monday.", FUT),
 ("The airline said flights would resume on Monday.", FUT),
 ("Both leaders are scheduled to address a joint news conference on Monday.", FUT),
 ("Thousands are expected to march through the capital on Monday.", FUT),
 ("The president said he would not attend the summit on Monday.", FUT),
 ("The tribunal is due to hand down its verdict on Monday.", FUT),
 ("The vote, which had been scheduled for Monday, was postponed.", FUT),
 ("Hundreds of people attended the funeral on Monday.", PAST),
 ("The minister resigned on Monday, citing health reasons.", PAST),
 ("The company said on Monday it would cut 500 jobs.", PAST),
 ("It was not immediately clear why the talks ended abruptly on Monday.", PAST),
 ("Police arrested a man suspected of planning an attack on Monday.", PAST),
 ("The rebels, who signed a ceasefire last year, attacked a police post on Monday.", PAST),
 ("The UN said it had delivered aid to the region on Monday.", PAST),
 ("Prices rose sharply on Monday as investors fled to safety.", PAST),
 ("A court in Cairo sentenced three men to death on Monday.", PAST),
 ("Voters approved the new constitution in a referendum on Monday.", PAST),
 ("The bodies were found on Monday near the border.", PAST),
 ("The delegation arrived in Beijing on Monday for talks.", PAST),
 ("Speaking on Monday, the minister said the talks would continue.", PAST),
 ("The minister, speaking to reporters in Kabul on Monday, said troops would stay until 2008.", PAST),
 ("Addressing a small audience of academics at Queen Mary College in London on Monday, the MI5 chief "
  "said many more attacks were planned.", PAST),
 ("The leaders held talks on Monday but failed to reach a deal.", PAST),
 ("The injured soldier died in hospital on Monday.", PAST),
 # what the clause's event leads up to is ahead of it
 ("The champion won three of Saturday's stages to head into Monday's final leg.", FUT),
 ("The team trained in Doha, preparing for Monday's final.", FUT),
 # a participle's infinitive holds the day: the day is the infinitive's event
 ("The governor can halt the death of Williams, who has been on death row for two decades and who is "
  "sentenced to die by lethal injection on Monday.", FUT),
]

MONTHS = [
 ("The accord signed on March 3 collapsed within weeks.", "March 3", "2005-03-03"),
 ("Elections will be held on March 3, the commission said.", "March 3", "2006-03-03"),
 ("The deadline expires on December 15.", "December 15", "2005-12-15"),
 ("Talks resumed on November 20 after a long break.", "November 20", "2005-11-20"),
 ("The ceasefire, agreed in January, will expire in March.", "January", "2005-01"),
 ("The ceasefire, agreed in January, will expire in March.", "March", "2006-03"),
 ("He will step down in January after ten years in office.", "January", "2006-01"),
 ("She took office in January and has since toured the region.", "January", "2005-01"),
 ("The summit, due in December, has been postponed.", "December", "2005-12"),
 ("Prices have risen steadily since January.", "January", "2005-01"),
 ("The troops will stay until January.", "January", "2006-01"),
 ("The government must present a budget by March.", "March", "2006-03"),
 ("He was last seen in public last March.", "last March", "2005-03"),
 ("The trial opens next March.", "next March", "2006-03"),
 ("Construction will begin in the spring.", "the spring", "2006-SP"),
 ("Construction began in the spring.", "the spring", "2005-SP"),
 ("The next round of talks is planned for February.", "February", "2006-02"),
 ("The law, passed by parliament in October, takes effect in February.", "February", "2006-02"),
 ("The law, passed by parliament in October, takes effect in February.", "October", "2005-10"),
 ("Officials expect the report to be published in January.", "January", "2006-01"),
 ("Exports in October were up 12 percent on a year earlier.", "October", "2005-10"),
 ("The company expects profits to recover in the second half of next year.", "the second half of next year", "2006-H2"),
 ("The minister, who took office in August, will visit Tokyo in January.", "August", "2005-08"),
 ("The minister, who took office in August, will visit Tokyo in January.", "January", "2006-01"),
 ("A referendum on the constitution is scheduled for December 18.", "December 18", "2005-12-18"),
 ("Voters rejected the draft constitution on November 21.", "November 21", "2005-11-21"),
 ("The two leaders last met in June, when they agreed to resume talks in September.", "September", "2005-09"),
 ("The visit, originally planned for October, was put off until February.", "February", "2006-02"),
 ("The visit, originally planned for October, was put off until February.", "October", "2005-10"),
]

STATUSES = [
 ("The country aims to halve poverty by 2015.", "2015", "target"),
 ("The plant must be closed no later than March 2007.", "March 2007", "target"),
 ("The toll had risen to 50 by Tuesday.", "Tuesday", "happened"),
 ("The country has been under emergency rule since 2003.", "2003", "ongoing"),
 ("Talks have continued since Monday.", "Monday", "ongoing"),
 ("The strike, which began on Monday, is continuing.", "Monday", "happened"),
 ("Prices have fallen since March.", "March", "ongoing"),
 ("The ban will remain in force until 2008.", "2008", "planned"),
 ("The leaders will meet in Hanoi next week.", "next week", "planned"),
 ("Parliament approved the budget last week.", "last week", "happened"),
 ("The company is currently restructuring this year.", "this year", "ongoing"),
 ("The target is to cut emissions 20 percent by 2020.", "2020", "target"),
 ("The government has pledged to end the conflict by the end of the year.", "the end of the year", "target"),
 ("The deal was due to be signed on Friday but was postponed.", "Friday", "planned"),
 ("The talks were supposed to start on Monday.", "Monday", "happened"),
 ("The minister is to visit Beijing in December.", "December", "planned"),
 ("Investigators are still searching for the cause of Tuesday's crash.", "Tuesday", "happened"),
 ("The drought has lasted since 2001, officials said.", "2001", "ongoing"),
 ("A new law comes into force on January 1.", "January 1", "planned"),
 ("Negotiators hope to reach a deal by Christmas.", "Christmas", "target"),
 ("The exhibition runs until December 31.", "December 31", "planned"),
 ("The army has controlled the town since Sunday.", "Sunday", "ongoing"),
 ("Unemployment stood at 8 percent in October.", "October", "happened"),
]


@pytest.mark.parametrize("text, value", WEEKDAYS_A + WEEKDAYS_B)
def test_a_weekday_is_on_the_side_of_publication_its_tense_gives(text, value):
    rows = extract(text, published=PUBLISHED)
    (row,) = rows[rows.date_text.str.contains("Monday")].itertuples()
    assert row.date_value == value


@pytest.mark.parametrize("text, date_text, value", MONTHS)
def test_a_month_without_a_year_takes_the_year_its_tense_gives(text, date_text, value):
    rows = extract(text, published=PUBLISHED)
    (row,) = rows[rows.date_text == date_text].itertuples()
    assert row.date_value == value


@pytest.mark.parametrize("text, date_text, status", STATUSES)
def test_the_status_is_what_the_wording_says(text, date_text, status):
    rows = extract(text, published=PUBLISHED)
    (row,) = rows[rows.date_text == date_text].itertuples()
    assert row.status == status


@pytest.mark.parametrize("text, date_text, value", [
    # a day arranged, told in the past, is the nearer of its two readings
    ("The deal was due to be signed on Friday but was postponed.", "Friday", "2005-11-25"),
    ("The minister was due to arrive on Monday.", "Monday", "2005-11-28"),
    ("Talks were scheduled to begin Wednesday.", "Wednesday", "2005-11-23"),
    ("The pope was to visit the town on Tuesday.", "Tuesday", "2005-11-29"),
])
def test_a_day_arranged_told_in_the_past_is_the_nearer_one(text, date_text, value):
    rows = extract(text, published=PUBLISHED)
    (row,) = rows[rows.date_text == date_text].itertuples()
    assert row.date_value == value


@pytest.mark.parametrize("text, date_text, value, other", [
    # three days back or four on (or the other way round): the doubt is shown, with both days
    ("The vote, originally scheduled for Tuesday, was postponed.", "Tuesday", "2005-11-29", "November 22, 2005"),
    ("The meeting had been planned for Wednesday but was cancelled.", "Wednesday", "2005-11-23", "November 30, 2005"),
])
def test_a_day_arranged_told_in_the_past_half_a_week_either_way_is_doubtful(text, date_text, value, other):
    rows = extract(text, published=PUBLISHED)
    (row,) = rows[rows.date_text == date_text].itertuples()
    assert row.date_value == value
    assert row.confidence <= 0.7
    assert any(other in w for w in row.warnings), row.warnings


# The kinds of date the issue names for held-out news: a month without a year, "last November",
# "late June", "before the end of next month", "from 4 June through 5 June 2014", "by the end of
# 2026", a dateline, weekdays either side, "earlier this month".
HELD_OUT_KINDS = [
 # text, published, date_text, value, precision, status, start, end
 ("The two leaders last met in November, officials said.", "2024-03-10", "November", "2023-11", "month", "happened"),
 ("The ministers met last November in Seoul.", "2024-03-10", "last November", "2023-11", "month", "happened"),
 ("The ministers met last November in Seoul.", "2024-11-20", "last November", "2023-11", "month", "happened"),
 ("Elections are expected in late June.", "2024-03-10", "late June", "2024-06", "month", "planned"),
 ("Fighting flared in late June, the UN said.", "2024-08-10", "late June", "2024-06", "month", "happened"),
 ("The UN must approve the plan before the end of next month.", "2024-03-10", "the end of next month", "2024-04", "month", "target"),
 ("The festival runs from 4 June through 5 June 2014 in Berlin.", "2014-05-01", "4 June through 5 June 2014", "2014-06-04/2014-06-05", "day", "planned"),
 ("The government wants all coal plants closed by the end of 2026.", "2024-03-10", "the end of 2026", "2026", "year", "target"),
 ("SYDNEY, March 21 (Reuters) - Australia's central bank held rates on Thursday.", None, "Thursday", "2024-03-21", "day", "happened"),
 ("North Korea fired a ballistic missile on Thursday, Seoul said.", "2024-11-02", "Thursday", "2024-10-31", "day", "happened"),
 ("Mr Borrell will head to South Korea on Monday.", "2024-11-02", "Monday", "2024-11-04", "day", "planned"),
 ("The summit will take place next week in Brussels.", "2024-11-02", "next week", "2024-W45", "week", "planned"),
 ("Inflation fell in the third quarter.", "2024-11-02", "the third quarter", "2024-Q3", "quarter", "happened"),
 ("The agreement was signed two days ago.", "2024-11-02", "two days ago", "2024-10-31", "day", "happened"),
 ("Earlier this month, the central bank cut rates.", "2024-11-20", "Earlier this month", "2024-11", "month", "happened"),
 ("The treaty expires in mid-2025.", "2024-11-02", "mid-2025", "2025", "year", "planned"),
 ("Troops withdrew in the spring of 2023.", "2024-11-02", "the spring of 2023", "2023-SP", "season", "happened"),
 ("The talks collapsed in 2019 and resumed the following year.", "2024-11-02", "the following year", "2020", "year", "happened"),
 ("Japan plans to raise defence spending to 2 percent of GDP by 2027.", "2024-11-02", "2027", "2027", "year", "target"),
 ("The vote was held on Sunday, November 3.", "2024-11-05", "Sunday, November 3", "2024-11-03", "day", "happened"),
]


@pytest.mark.parametrize("text, published, date_text, value, precision, status", HELD_OUT_KINDS)
def test_each_kind_of_date_gives_its_value_precision_and_status(text, published, date_text, value, precision,
                                                                 status):
    rows = extract(text, published=published)
    (row,) = rows[rows.date_text == date_text].itertuples()
    assert (row.date_value, row.precision, row.status) == (value, precision, status)


@pytest.mark.parametrize("text, published, value, other", [
    # "next Friday" within the week of publication: read one way, the other week named as doubt
    ("The talks will resume next Friday.", "2024-11-25", "2024-11-29", "December 6, 2024"),
    # ... said the day before, it is next week's: the day after would be "tomorrow"
    ("Next Sunday's trip to Chelsea looms large.", "2006-12-02", "2006-12-10", "December 3, 2006"),
])
def test_next_weekday_in_the_week_of_publication_shows_the_other_week(text, published, value, other):
    (row,) = extract(text, published=published).itertuples()
    assert row.date_value == value and row.confidence <= 0.7
    assert any(other in w for w in row.warnings)


@pytest.mark.parametrize("text, date_text, value, status", [
    # a state told in the present holds until a day ahead; told in the past, until one gone by
    ("The curfew is in place until Monday.", "Monday", "2005-11-28", "planned"),
    ("The curfew is in place until March.", "March", "2006-03", "planned"),
    ("The offer is valid until Friday.", "Friday", "2005-12-02", "planned"),
    ("The curfew remained in place until Monday.", "Monday", "2005-11-21", "happened"),
])
def test_until_a_day_is_ahead_unless_told_in_the_past(text, date_text, value, status):
    rows = extract(text, published=PUBLISHED)
    (row,) = rows[rows.date_text == date_text].itertuples()
    assert (row.date_value, row.status) == (value, status)
