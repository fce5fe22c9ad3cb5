"""Temporal expressions found in real sentences: extent, value, mod and signal.

Sentences are copied from the sources under sources/ (as the cleaned view
gives them: hard wraps joined, markup removed) and from Wikinews texts of the
MEANTIME corpus (CC BY 4.0), each with the DCT of its document.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline import dates
from pipeline.dates.detect import trim_entity
from pipeline.dates.links import signal_before
from pipeline.nlp import Chunk

D = date

# (sentence, dct, [(extent, type, value, mod, signal), ...]): every expression the sentence has
SENTENCES = [
    # "today's" is the present, unless an occasion of the day follows it
    ("Following today’s meeting, the ministers issued a joint statement.",
     D(2024, 10, 18), [("today", "DATE", "2024-10-18", None, None)]),
    ("In today’s security environment, cooperation matters more than ever.",
     D(2024, 10, 18), [("today", "DATE", "PRESENT_REF", None, "in")]),
    # the year of the date named last, however far back
    ("The first staff talks were held in Bogota in 2012. That same year, Colombia joined the program.",
     D(2019, 3, 5), [("2012", "DATE", "2012", None, "in"), ("That same year", "DATE", "2012", None, None)]),
    ("The brigade was formed in March 2017. Later that year, it deployed to Latvia.",
     D(2019, 3, 5),
     [("March 2017", "DATE", "2017-03", None, "in"), ("Later that year", "DATE", "2017", None, None)]),
    # one expression, not a month and a relative year
    ("In June last year, the first three officers graduated from the Nuclear Power School.",
     D(2024, 3, 13), [("June last year", "DATE", "2023-06", None, "in")]),
    ("On 1 December last year, I met Secretary Austin in California.",
     D(2024, 3, 13), [("1 December last year", "DATE", "2023-12-01", None, "on")]),
    ("Mexico has been a member of the Military Training and Cooperation Program(MTCP) since 2004.",
     D(2014, 4, 26), [("2004", "DATE", "2004", None, "since")]),
    ("In June 2012, two officials from SEMAR participated in the Maple Flag 45 (Serial 1)’s "
     "International Observers Program in Cold Lake, Alberta.",
     D(2014, 4, 26), [("June 2012", "DATE", "2012-06", None, "in")]),
    ("Both Canada and Mexico’s commitment to establishing stronger defence ties has resulted in "
     "measured progress in defence engagement over the last few years including high-level visits.",
     D(2014, 4, 26), [("the last few years", "DURATION", "PXY", None, "over")]),
    ("Through the Merida Initiative, the United States has appropriated more than $3.2 billion in "
     "equipment, training, and capacity building from FY 2008 – FY 2020.",
     D(2021, 3, 1), [("FY 2008", "DATE", "2008", None, "from"), ("FY 2020", "DATE", "2020", None, None)]),
    ("Today, President Joe Biden announced his intent to nominate Ronald Moultrie for Under "
     "Secretary of Defense for Intelligence & Security.",
     D(2021, 4, 2), [("Today", "DATE", "2021-04-02", None, None)]),
    ("He is a member of the Council on Foreign Relations and last year co-authored a paper for the "
     "Brookings Institute on the technology competition with China.",
     D(2021, 4, 2), [("last year", "DATE", "2020", None, None)]),
    ("The partnership between Europe and the United States is and must remain the cornerstone of "
     "all that we hope to accomplish in the 21st century, just as we did in the 20th century.",
     D(2021, 6, 13),
     [("the 21st century", "DATE", "20", None, "in"),
      ("the 20th century", "DATE", "19", None, "in")]),
    ("President Biden will participate on June 14 in the NATO Summit in Brussels that brings "
     "together the leaders of all 30 Allied nations.",
     D(2021, 6, 13), [("June 14", "DATE", "2021-06-14", None, "on")]),
    ("As NATO winds down its military presence in Afghanistan after nearly 20 years, the United "
     "States and our NATO Allies and partners will continue supporting the people of Afghanistan.",
     D(2021, 6, 13), [("nearly 20 years", "DURATION", "P20Y", "LESS_THAN", "after")]),
    ("Non-U.S. defense spending has risen for seven consecutive years since the Wales Defense "
     "Investment Pledge adopted during the Obama-Biden Administration in 2014.",
     D(2021, 6, 13),
     [("seven consecutive years", "DURATION", "P7Y", None, "for"),
      ("2014", "DATE", "2014", None, "in")]),
    ("President Biden today announced an additional $800 million in security assistance to "
     "Ukraine, bringing the total U.S. security assistance committed to Ukraine to $1 billion in "
     "just the past week, and a total of $2 billion since the start of the Biden Administration.",
     D(2022, 3, 16),
     [("today", "DATE", "2022-03-16", None, None),
      ("the past week", "DURATION", "P1W", None, None)]),
    ("The three governments further committed to share best practices in the upcoming trilateral "
     "public health summit in June.",
     D(2023, 4, 14), [("June", "DATE", "2023-06", None, "in")]),
    ("The three countries committed to meeting again this summer and continuing to build on "
     "existing frameworks of cooperation.",
     D(2023, 4, 14), [("this summer", "DATE", "2023-SU", None, None)]),
    ("He has more than 20 years of experience and has served at the Department of Defense for "
     "over two decades.",
     D(2021, 4, 2), [("more than 20 years", "DURATION", "P20Y", "MORE_THAN", None),
                     ("over two decades", "DURATION", "P20Y", "MORE_THAN", "for")]),
    # MEANTIME (Wikinews) sentences
    # the week a superlative compares with the past is the DCT's
    ("US stock markets have their best week since November.",
     D(2009, 3, 13),
     [("week", "DATE", "2009-W11", None, None), ("November", "DATE", "2008-11", None, "since")]),
    ("Boeing's 787 Dreamliner made its first test flight Tuesday in Everett, Washington at 18:00 UTC.",
     D(2009, 12, 16),
     [("Tuesday", "DATE", "2009-12-15", None, None), ("18:00 UTC", "TIME", "2009-12-15T18:00Z", None, "at")]),
    ("Stock markets around the world continued to fall dramatically today.",
     D(2008, 10, 7), [("today", "DATE", "2008-10-07", None, None)]),
    ("The Dow has fallen almost fifteen percent since the start of this year.",
     D(2009, 2, 20), [("the start of this year", "DATE", "2009", "START", "since")]),
    ("Dealerships whose franchises won't be renewed after October of next year will receive a letter.",
     D(2009, 5, 15), [("October of next year", "DATE", "2010-10", None, "after")]),
    ("The development of a replacement for their 737 narrowbody airliner, begun two years ago, has "
     "been pushed back several years.",
     D(2008, 5, 24),
     [("two years ago", "DATE", "2006", None, None),
      ("several years", "DURATION", "PXY", None, None)]),
    ("The Dow Jones Industrial Average market crashed, on what is known as Black Monday.",
     D(2007, 10, 20), []),
    ("The Russel 2000 Index of smaller companies dropped by five percent.", D(2009, 2, 24), []),
    ("AirTanker Ltd. have signed a 27-year contract with the Defense Ministry.",
     D(2008, 3, 27), [("27-year", "DURATION", "P27Y", None, None)]),
    ("Stock markets worldwide continue to fall.", D(2008, 10, 7), []),
    ("The figures came after a fall in retail sales.", D(2008, 9, 4), []),
    ("The IMF and the World Bank held their Autumn meetings.",
     D(2008, 10, 13), [("Autumn", "DATE", "2008-FA", None, None)]),
    ("Apple unveils iPhone 4 at Worldwide Developers Conference 2010.",
     D(2010, 6, 8), [("2010", "DATE", "2010", None, None)]),
    ("Stock prices dropped sharply in Europe and Asia Monday.",
     D(2008, 1, 21), [("Monday", "DATE", "2008-01-21", None, None)]),
    ("The program costs $99 to join and 1500 students signed up.", D(2008, 3, 6), []),
    ("Following a large fall at the start of the day, the Dow Jones Industrial Average has risen.",
     D(2008, 10, 10), [("the start of the day", "DATE", "2008-10-10", "START", "at")]),
    ("A subscription costs $15 a year.", D(2008, 3, 1), [("a year", "SET", "P1Y", None, None)]),
    ("The ministers meet every two years and have met three times over the past year.",
     D(2021, 6, 13),
     [("every two years", "SET", "P2Y", None, None),
      ("the past year", "DURATION", "P1Y", None, "over")]),
    ("The ministers met on March 3, 2014 and signed the agreement the following day.",
     D(2014, 4, 26),
     [("March 3, 2014", "DATE", "2014-03-03", None, "on"),
      ("the following day", "DATE", "2014-03-04", None, None)]),
    ("Allies will consult closely in the coming weeks.",
     D(2022, 3, 16), [("the coming weeks", "DURATION", "PXW", None, "in")]),
    ("Canada supports UNSCR 1325 and Resolution 2250 on youth, peace and security.", D(2021, 6, 13), []),
    ("The alliance was founded in 1949, and the fortress dates from 1325.",
     D(2021, 6, 13), [("1949", "DATE", "1949", None, "in"), ("1325", "DATE", "1325", None, "from")]),
    ("The downtrend in the economy will continue for the time being as global growth slows down.",
     D(2008, 11, 18), [("the time being", "DATE", "PRESENT_REF", None, "for")]),
    ("The Dow climbed over 250 points again before dropping off to down 100 in just minutes.",
     D(2008, 10, 10), [("minutes", "DURATION", "PTXM", None, None)]),
    ("Ford reported its 1990's first-quarter results.", D(2008, 3, 1),
     [("1990's first-quarter", "DATE", "1990-Q1", None, None)]),
    ("Hyundai said its sales in the United States rose 43% in February compared to the same period "
     "last year.", D(2010, 3, 3),
     [("February", "DATE", "2010-02", None, "in"),
      ("the same period last year", "DATE", "2009-02", None, "to")]),
    ("There is hope for the auto industry to stabilise, as car sales rebounded in the last week of March.",
     D(2009, 4, 1), [("the last week of March", "DATE", "2009-W13", None, "in")]),
    ("GM reported losing US$ 4.8 billion in the fourth quarter of 2005 and a total loss of $8.6 billion "
     "for the entire year.", D(2006, 1, 27),
     [("the fourth quarter of 2005", "DATE", "2005-Q4", None, "in"),
      ("the entire year", "DATE", "2005", None, "for")]),
    ("The company had cut its costs to $118.3 billion last year, $19.8 billion than the year previous.",
     D(2010, 1, 28),
     [("last year", "DATE", "2009", None, None), ("the year previous", "DATE", "2008", None, None)]),
    ("Three years after it was first due for delivery, Boeing has rolled out the first to be delivered.",
     D(2011, 7, 10), [("Three years", "DURATION", "P3Y", None, None)]),
    # a fraction, not a quarter of a year
    ("Chrysler LLC has said that it wants to eliminate 789, or about a quarter, of its 3,200 dealers.",
     D(2009, 5, 14), []),
    ("The Eurogroup meeting was the last of many which took place during the weekend.", D(2008, 10, 13),
     [("the weekend", "DATE", "2008-W41-WE", None, "during")]),
]


# Government defence and diplomatic releases and readouts (written in the genre of the sources),
# all dated Wednesday 2022-10-12: (sentence, [(extent, type, value, mod), ...]).
GOV_DCT = D(2022, 10, 12)
GOVERNMENT = [
    ("On Tuesday, Secretary Austin met with his Polish counterpart at the Pentagon.",
     [("Tuesday", "DATE", "2022-10-11", None)]),
    ("Earlier today, the Minister spoke with her Japanese counterpart.",
     [("Earlier today", "DATE", "2022-10-12", None)]),
    ("The two leaders agreed to meet again later this year.", [("later this year", "DATE", "2022", None)]),
    ("The Department will deliver additional equipment in the coming months.",
     [("the coming months", "DURATION", "PXM", None)]),
    ("From 2015 to 2020, Canada trained more than 30,000 Ukrainian soldiers.",
     [("2015", "DATE", "2015", None), ("2020", "DATE", "2020", None)]),
    ("Over the past decade, the two countries have deepened their defence cooperation.",
     [("the past decade", "DURATION", "P10Y", None)]),
    ("It was the first visit by a Canadian defence minister to Vietnam since 1991.",
     [("1991", "DATE", "1991", None)]),
    ("The exercise took place in the spring of 2021.", [("the spring of 2021", "DATE", "2021-SP", None)]),
    ("Deliveries are expected in the first half of 2022.",
     [("the first half of 2022", "DATE", "2022-H1", None)]),
    ("The talks are scheduled for mid-October.", [("mid-October", "DATE", "2022-10", "MID")]),
    ("The programme was launched late last year.", [("late last year", "DATE", "2021", "END")]),
    ("The ceremony marked the 75th anniversary of diplomatic relations between the two countries.", []),
    ("The Secretary will travel to Brussels next week for the NATO Defence Ministers' meeting.",
     [("next week", "DATE", "2022-W42", None)]),
    ("Since February 24, 2022, the United States has committed more than $17.5 billion in security "
     "assistance to Ukraine.", [("February 24, 2022", "DATE", "2022-02-24", None)]),
    ("The Joint Commission meets annually to review progress.", [("annually", "SET", "P1Y", None)]),
    ("The commission meets twice a year.", [("twice a year", "SET", "P1Y", None)]),
    # a clock time takes the day named right after it
    ("The Minister will hold a press conference at 10 a.m. EST on Thursday.",
     [("10 a.m. EST", "TIME", "2022-10-13T10:00", None), ("Thursday", "DATE", "2022-10-13", None)]),
    ("The Secretary spoke at 2:30 p.m. on Monday.",
     [("2:30 p.m.", "TIME", "2022-10-10T14:30", None), ("Monday", "DATE", "2022-10-10", None)]),
    ("The Chief of the Defence Staff visited troops on Christmas Day.",
     [("Christmas Day", "DATE", "2021-12-25", None)]),
    ("The Minister met with veterans on Remembrance Day.", [("Remembrance Day", "DATE", "2021-11-11", None)]),
    ("Two years ago, NATO leaders agreed to increase defence spending.",
     [("Two years ago", "DATE", "2020", None)]),
    ("The Prime Minister spoke with President Zelenskyy by phone this morning.",
     [("this morning", "TIME", "2022-10-12TMO", None)]),
    ("Defence spending rose 4 percent in the third quarter.", 
     [("the third quarter", "DATE", "2022-Q3", None)]),
    ("The 1990s saw a sharp reduction in force levels.", [("The 1990s", "DATE", "199", None)]),
    ("The review is conducted every four years.", [("every four years", "SET", "P4Y", None)]),
    ("In fiscal 2020, the department spent $1.2 billion on training.", 
     [("fiscal 2020", "DATE", "2020", None)]),
    ("The agreement expires at the end of fiscal year 2024-25.",
     [("the end of fiscal year 2024-25", "DATE", "2024", "END")]),
    ("The sanctions will remain in place until the end of the year.",
     [("the end of the year", "DATE", "2022", "END")]),
    ("Russia has occupied Crimea for more than eight years.",
     [("more than eight years", "DURATION", "P8Y", "MORE_THAN")]),
    ("In Q3 2019, procurement spending increased.", [("Q3 2019", "DATE", "2019-Q3", None)]),
    # the same period last year repeats the period just named, a year back
    ("Exports in the third quarter were up 8 percent over the same quarter a year earlier.",
     [("the third quarter", "DATE", "2022-Q3", None),
      ("the same quarter a year earlier", "DATE", "2021-Q3", None)]),
    ("Exports rose 5 percent compared with the same period last year.",
     [("the same period last year", "DATE", "2021", None)]),
    ("Spending has doubled since the beginning of the year.",
     [("the beginning of the year", "DATE", "2022", "START")]),
    ("The two countries established diplomatic relations 30 years ago.",
     [("30 years ago", "DATE", "1992", None)]),
    # the ends of a range: each its own expression, the first taking the year the second gives
    ("The Minister will attend the Shangri-La Dialogue in Singapore from June 10 to 12.",
     [("June 10", "DATE", "2023-06-10", None), ("12", "DATE", "2023-06-12", None)]),
    ("The exercise ran from March to May 2021.",
     [("March", "DATE", "2021-03", None), ("May 2021", "DATE", "2021-05", None)]),
    ("The G7 foreign ministers met on 3–4 May 2021 in London.",
     [("3", "DATE", "2021-05-03", None), ("4 May 2021", "DATE", "2021-05-04", None)]),
    ("Prices rose from 10 to 12 percent.", []),
    ("The Minister visited the base this past weekend.", 
     [("this past weekend", "DATE", "2022-W40-WE", None)]),
    ("The sanctions will remain in place for the foreseeable future.",
     [("the foreseeable future", "DATE", "FUTURE_REF", None)]),
    ("Later this week, the Minister will travel to Warsaw.", [("Later this week", "DATE", "2022-W41", None)]),
    ("The ship will deploy this fall.", [("this fall", "DATE", "2022-FA", None)]),
    ("The Minister concluded a two-day visit to Poland.", [("two-day", "DURATION", "P2D", None)]),
    ("The funding is included in the FY22 budget.", [("FY22", "DATE", "2022", None)]),
    # "2014–2020" is one token for the model: each year is still read from the text
    ("The mission ran from 2014–2020.", [("2014", "DATE", "2014", None), ("2020", "DATE", "2020", None)]),
    ("The exercise will be held from 1 to 3 November 2022.",
     [("1", "DATE", "2022-11-01", None), ("3 November 2022", "DATE", "2022-11-03", None)]),
    ("The meeting is scheduled for the week of March 6.",
     [("the week of March 6", "DATE", "2023-W10", None)]),
    ("The committee publishes a semi-annual report.", [("semi-annual", "SET", "P6M", None)]),
    ("The patrol departed at 0900 hours.", [("0900 hours", "TIME", "2022-10-12T09:00", None)]),
    ("Pilots logged 1000 hours of flight time.", [("1000 hours", "DURATION", "PT1000H", None)]),
    ("The ceasefire took effect at midnight on Sunday.",
     [("midnight", "TIME", "2022-10-09T24:00", None), ("Sunday", "DATE", "2022-10-09", None)]),
    ("The talks resumed in the winter of 2022-2023.", [("the winter of 2022-2023", "DATE", "2022-WI", None)]),
    ("The memorandum was signed on the 12th of May.", [("the 12th of May", "DATE", "2022-05-12", None)]),
    ("The deployment lasted a year and a half.", [("a year and a half", "DURATION", "P1.5Y", None)]),
    ("Over the years, the two navies have trained together.", [("the years", "DURATION", "PXY", None)]),
    # a year split across two (a fiscal year) is one expression; a range of years is two
    ("The 2021-22 Departmental Plan sets out spending.", [("2021-22", "DATE", "2021", None)]),
    ("The agreement covers the 2019-2020 fiscal year.",
     [("the 2019-2020 fiscal year", "DATE", "2019", None)]),
    ("The report covers the period 2015-2020.",
     [("2015", "DATE", "2015", None), ("2020", "DATE", "2020", None)]),
    ("The consultations will conclude by year-end.", [("year-end", "DATE", "2022", "END")]),
    ("Results will be released at the end of Q2.", [("the end of Q2", "DATE", "2023-Q2", "END")]),
    # a noun that says when it happens outranks the tense of the reporting verb
    ("The two leaders discussed the upcoming NATO Summit in Vilnius on July 11-12.",
     [("July 11", "DATE", "2023-07-11", None), ("12", "DATE", "2023-07-12", None)]),
    ("The Secretary welcomed the Minister's planned visit to Washington in March.",
     [("March", "DATE", "2023-03", None)]),
    ("The Minister will build on the recent talks in June.",
     [("recent", "DATE", "PAST_REF", None), ("June", "DATE", "2022-06", None)]),
    ("In 2022/23, the Department spent $26.5 billion.", [("2022/23", "DATE", "2022", None)]),
    # a season without a year: the next one in the future tense, the last in the past
    ("The system will be operational by the summer.", [("the summer", "DATE", "2023-SU", None)]),
    ("The frigate returned to Halifax in the summer.", [("the summer", "DATE", "2022-SU", None)]),
    ("The President laid a wreath at Arlington National Cemetery on Memorial Day.",
     [("Memorial Day", "DATE", "2022-05-30", None)]),
    ("Australian forces operate from Christmas Island.", []),
    # years counted from the period just named, not from the DCT
    ("In March 2010, the treaty entered into force. Two years earlier, the two countries had signed it.",
     [("March 2010", "DATE", "2010-03", None), ("Two years earlier", "DATE", "2008", None)]),
    ("The base was closed in 2005 and reopened three years later.",
     [("2005", "DATE", "2005", None), ("three years later", "DATE", "2008", None)]),
    ("The previous year, Canada sent 200 troops.", [("The previous year", "DATE", "2021", None)]),
    ("The base was closed in 2005. Two years later the base reopened.",
     [("2005", "DATE", "2005", None), ("Two years later", "DATE", "2007", None)]),
    ("The ship was delivered two years earlier than planned.", [("two years", "DURATION", "P2Y", None)]),
    ("A decade ago, the two countries signed a defence cooperation agreement.",
     [("A decade ago", "DATE", "2012", None)]),
    # a reference adverb that modifies a clause is a date; inside a noun phrase it describes a state
    # "previously", "later", "soon" on their own are no temporal expressions (GUIDELINES: TimeBank
    # and TempEval-3 leave them untagged)
    ("Mike McCord previously served as Under Secretary of Defense.", []),
    ("McCord is currently Director of Civil-Military Programs at the Stennis Center.",
     [("currently", "DATE", "PRESENT_REF", None)]),
    ("The store currently sells digital music tracks.", [("currently", "DATE", "PRESENT_REF", None)]),
    ("Mark Papermaster, formerly an Apple Inc. executive overseeing hardware engineering for the "
     "company's iPhone, is stepping down from his post.", []),
    ("The listing came after the formerly state-owned company was floated on the stock markets.", []),
    ("The Dreamliner will be the first commercial jet to be manufactured mainly with carbon-fiber "
     "composites instead of the aluminium previously used.", []),
    ("It will take delivery of six new A350 XWB aircraft, a new design currently under development "
     "by Airbus.", []),
    # "the current" situation is now; "its current models" says which models
    ("There is no more important task for Russian authorities than stability of our financial system "
     "under the current circumstances.", [("current", "DATE", "PRESENT_REF", None)]),
    ("However, given the current weakened state of the US economy, we will consider other options.",
     [("current", "DATE", "PRESENT_REF", None)]),
    ("The purchase includes rights to the Saturn brand, its five current models and its dealership "
     "network.", []),
    ("The RAF will replace the nation's current ageing fleet.", []),
    # "later than planned" compares two times; the duration stays ("two years earlier than planned")
    ("The first delivery will arrive on November 11, three days later than originally planned.",
     [("November 11", "DATE", "2022-11-11", None), ("three days", "DURATION", "P3D", None)]),
]


@pytest.mark.parametrize("sentence,expected", GOVERNMENT)
def test_government_release_sentences(nlp, sentence, expected):
    found = dates.find(Chunk.of(nlp(sentence)), GOV_DCT)
    assert [(t.text, t.type, t.value, t.mod) for t in found] == expected


@pytest.mark.parametrize("sentence,dct,expected", SENTENCES)
def test_find_dates_in_sentences(nlp, sentence, dct, expected):
    found = dates.find(Chunk.of(nlp(sentence)), dct)
    got = [(t.text, t.type, t.value, t.mod, t.signal) for t in found]
    assert got == expected
    for t in found:
        assert sentence[t.start:t.end] == t.text


@pytest.mark.parametrize(
    "sentence,dct,expected",
    [
        # "today's" names the present; "today" as an adverb is the DCT's date
        ("GM said today that today's GM is a different company.", D(2013, 12, 10),
         [("today", "2013-12-10"), ("today", "PRESENT_REF")]),
        # a relative expression with no DCT gets no invented value: X for what the DCT would say
        ("The company said last year that it would expand.", None, [("last year", "XXXX")]),
        ("The talks resume on June 14.", None, [("June 14", "XXXX-06-14")]),
    ],
)
def test_document_date_anchoring(nlp, sentence, dct, expected):
    assert [(t.text, t.value) for t in dates.find(Chunk.of(nlp(sentence)), dct)] == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The ministers agreed last month to meet again.", [("last month", "XXXX-XX", "month")]),
        ("The Minister arrived in Ottawa yesterday.", [("yesterday", "XXXX-XX-XX", "day")]),
        ("The talks began two years ago.", [("two years ago", "XXXX", "year")]),
        ("Canada will host the meeting next week.", [("next week", "XXXX-WXX", "week")]),
        ("The ships will arrive in the third quarter.", [("the third quarter", "XXXX-Q3", "quarter")]),
        ("The talks resume on June 14.", [("June 14", "XXXX-06-14", "day")]),
        # a date the text gives in full needs no document date: anchored on the text
        ("In May 2011, the talks began.", [("May 2011", "2011-05", "month")]),
    ],
)
def test_undated_document_keeps_its_relative_expressions_unresolved(nlp, sentence, expected):
    """Without a document date, TIMEX3's X marks what it would have said, and the anchor is None."""
    found = dates.find(Chunk.of(nlp(sentence)), None)
    assert [(t.text, t.value, t.granularity) for t in found] == expected
    assert [t.anchor for t in found] == ["text" if "X" not in t.value else None for t in found]


def test_weekday_follows_the_tense(nlp):
    past = dates.find(Chunk.of(nlp("The company announced the cuts on Wednesday.")), D(2009, 11, 5))
    future = dates.find(Chunk.of(nlp("The company will announce the cuts on Wednesday.")), D(2006, 3, 28))
    assert [t.value for t in past] == ["2009-11-04"]
    assert [t.value for t in future] == ["2006-03-29"]


def test_anchor_field(nlp):
    doc = nlp("In May 2011 the talks began, and they resumed yesterday.")
    found = dates.find(Chunk.of(doc), D(2014, 4, 26))
    assert [(t.text, t.anchor) for t in found] == [("May 2011", "text"), ("yesterday", "document")]


@pytest.mark.parametrize(
    "text,expression,expected",
    [("Mexico has been a member since 2004.", "2004", "since"), ("In May 2011, Canada", "May", "in"),
     ("The 2004 plan", "2004", None), ("as of June 2012", "June", "as of"),
     ("during the past week", "the past", "during")],
)
def test_signal_before(text, expression, expected):
    assert signal_before(text, text.index(expression)) == expected


@pytest.mark.parametrize(
    "text,expected",
    [("in May 2011", "May 2011"), ("since 2004.", "2004"), ("1997\nThree", "1997"), ("June", "June")],
)
def test_trim_model_entity(text, expected):
    s, e = trim_entity(0, len(text), text)
    assert text[s:e] == expected
