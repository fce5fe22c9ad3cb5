"""Time in narratives, years BC, ranges of years, shifts from the date just named (issue 13).

Sentences composed for these tests, run through the whole document pass (`find_all`), since a
story's reference time is decided on the whole document. Each row: (text, DCT, expected
(text, value, anchor) in text order).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import find_in_text

DCT = date(2021, 3, 15)

# A history: explicit years long before the DCT; what has no year of its own follows the story.
STORY = (
    "The regiment was raised in 1914. In April 1915 the regiment landed at the cape. "
    "In May it dug in on the ridge. "
    "The following year it was sent north. By 1917 it had lost half its men. "
    "In 1918 it came home. In January 1919 it was disbanded."
)

NARRATIVE = [
    (STORY, DCT, [
        ("1914", "1914", "text"), ("April 1915", "1915-04", "text"), ("May", "1915-05", "narrative"),
        ("The following year", "1916", "narrative"), ("1917", "1917", "text"), ("1918", "1918", "text"),
        ("January 1919", "1919-01", "text"),
    ]),
    # the story crosses a year end: after October, January is the next year's
    ("The army crossed the river in 1812. By 1813 the supplies ran short. In 1814 the siege began. "
     "It lasted until October 1815. In January the garrison surrendered. In 1816 peace came.", DCT, [
        ("1812", "1812", "text"), ("1813", "1813", "text"), ("1814", "1814", "text"),
        ("October 1815", "1815-10", "text"), ("January", "1816-01", "narrative"), ("1816", "1816", "text"),
    ]),
    # "the next day" is the day after the story's day, "twelve days later" counts from it
    ("The port was built in 1905, enlarged in 1920 and bombed in 1940. It was rebuilt in 1946. "
     "Its new quay opened on May 2, 1951. The next day the first ship docked. Twelve days later a "
     "second one came.", DCT, [
        ("1905", "1905", "text"), ("1920", "1920", "text"), ("1940", "1940", "text"),
        ("1946", "1946", "text"), ("May 2, 1951", "1951-05-02", "text"),
        ("The next day", "1951-05-03", "narrative"), ("Twelve days later", "1951-05-15", "narrative"),
    ]),
    # "last year" stays deictic, on the DCT, even in a history
    ("The fort was built in 1850, rebuilt in 1870, burned in 1890, restored in 1910 and closed in "
     "1950. It reopened to visitors last year.", DCT, [
        ("1850", "1850", "text"), ("1870", "1870", "text"), ("1890", "1890", "text"),
        ("1910", "1910", "text"), ("1950", "1950", "text"), ("last year", "2020", "document"),
    ]),
    # news: the same month is placed from the DCT and the tense
    ("The minister said in 2021 that the frigate would sail in May.", DCT, [
        ("2021", "2021", "text"), ("May", "2021-05", "document"),
    ]),
]

SHIFTS = [
    ("The treaty was signed on June 3, 2019. Twelve days later it entered into force.", DCT, [
        ("June 3, 2019", "2019-06-03", "text"),
        ("Twelve days later", "2019-06-15", "narrative"),
    ]),
    ("The base opened in March 2004. Four months later the first squadron arrived.", DCT, [
        ("March 2004", "2004-03", "text"), ("Four months later", "2004-07", "narrative"),
    ]),
    # "the day before", "the day after" standing alone; not "the day after the election"
    ("Rostov fell on 23 February 1918. The day before, the army set out; it rested the day after. "
     "The day after the election, he resigned.", DCT, [
        ("23 February 1918", "1918-02-23", "text"), ("The day before", "1918-02-22", "text"),
        ("the day after", "1918-02-23", "text"),
    ]),
    ("The unit was raised in 1990; a mere two years later it was disbanded.", DCT, [
        ("1990", "1990", "text"), ("a mere two years later", "1992", "narrative"),
    ]),
]

# "at month's end", "by year's end": the end of the story's month or year, not the DCT's
PERIOD_ENDS = [
    ("Warsaw fell in 1939, Paris in 1940 and Kiev in 1941. In 1943 Italy surrendered. Pyongyang fell on "
     "19 October 1950. At month's end, the army held the city. By year's end the front was stable.", DCT, [
         ("1939", "1939", "text"), ("1940", "1940", "text"), ("1941", "1941", "text"),
         ("1943", "1943", "text"), ("19 October 1950", "1950-10-19", "text"),
         ("month's end", "1950-10", "narrative"), ("year's end", "1950", "narrative"),
     ]),
]

# a range of months the story reached: "from October to March" after March 1945 runs into 1945
RANGES_IN_STORY = [
    ("Warsaw fell in 1939, Paris in 1940 and Kiev in 1941. In 1943 Italy surrendered. Manila was seized "
     "in March 1945. British forces fought in Burma from October to March, then reached Rangoon by May 3.",
     DCT, [
         ("1939", "1939", "text"), ("1940", "1940", "text"), ("1941", "1941", "text"),
         ("1943", "1943", "text"), ("March 1945", "1945-03", "text"), ("October", "1944-10", "narrative"),
         ("March", "1945-03", "narrative"), ("May 3", "1945-05-03", "narrative"),
     ]),
]

# `that month`, `that same day`: the month or day the story is at
SAME_PERIODS = [
    ("Mussolini was arrested in July 1943. He was freed later that month, and on May 10, 1944 he spoke. "
     "That same day the king left.", DCT, [
        ("July 1943", "1943-07", "text"), ("later that month", "1943-07", "narrative"),
        ("May 10, 1944", "1944-05-10", "text"), ("That same day", "1944-05-10", "text"),
    ]),
    # after a month the DCT placed, then the story: the story's March, not the DCT's
    ("The war began in 1939. Warsaw fell in 1939, Paris in 1940 and Kiev in 1941. In 1944 the Allies "
     "landed. Manila fell in March 1945; Mindanao was captured later that month. In 1946 the troops went "
     "home. That same day, nobody noticed.", DCT, [
        ("1939", "1939", "text"), ("1939", "1939", "text"), ("1940", "1940", "text"),
        ("1941", "1941", "text"), ("1944", "1944", "text"), ("March 1945", "1945-03", "text"),
        ("later that month", "1945-03", "narrative"), ("1946", "1946", "text"),
        ("That same day", "1946-XX-XX", "narrative"),
    ]),
]

BC_AND_RANGES = [
    ("Athens defeated the invaders in 490 BC.", DCT, [("490 BC", "BC0490", "text")]),
    ("The temple dates from the 5th century BC.", DCT, [("the 5th century BC", "BC04", "text")]),
    ("The city walls went up in the 470s BC.", DCT, [("the 470s BC", "BC047", "text")]),
    ("The fleet sailed in August 480 BC.", DCT, [("August 480 BC", "BC0480-08", "text")]),
    # a range's first year takes the era of its second; BC years count down ("2,000 to 490 BC": a count)
    ("The Ionian Revolt (499-493 BC) failed; the war lasted from 264 to 241 B.C and 2,000 to 490 BC died.",
     DCT, [("499", "BC0499", "text"), ("493 BC", "BC0493", "text"), ("264", "BC0264", "text"),
           ("241 B.C", "BC0241", "text"), ("490 BC", "BC0490", "text")]),
    ("He served in the war of 1915-17 as a gunner.", DCT, [("1915", "1915", "text"), ("17", "1917", "text")]),
    ("She flew bombers in 1939–45.", DCT, [("1939", "1939", "text"), ("45", "1945", "text")]),
    # months joined by a hyphen: the first takes the second's year ("a May-based unit" is no range)
    ("In the battle (August-September 1950) the line held; a May-based unit stayed.", DCT, [
        ("August", "1950-08", "text"), ("September 1950", "1950-09", "text"),
    ]),
    # ... even a month that alone would need a signal: "(May-August 1950)"
    ("The islands were taken (May-August 1950) by the army.", DCT, [
        ("May", "1950-05", "text"), ("August 1950", "1950-08", "text"),
    ]),
    ("The talks ran from May 1 to 12, 2023.", DCT, [
        ("May 1", "2023-05-01", "text"), ("12, 2023", "2023-05-12", "text"),
    ]),
]

NOT_DATES = [
    ("The garrison surrendered soon after.", DCT, []),
    ("Later, the ministers met again.", DCT, []),
    ("Reporters covered the fall of the capital.", DCT, []),
    # a month word as a noun, an idiom, shares and places called quarters, a bill's number
    ("There were no major battles along the March. The March to Versailles was one example.", DCT, []),
    ("Women's March on Versailles", DCT, []),
    ("The assembly debated the measure, but Mirabeau carried the day.", DCT, []),
    ("The diversion of three quarters of the Axis troops; the militia held three-quarters of the capital.",
     DCT, []),
    ("It was argued in some quarters that the attack was staged.", DCT, []),
    ("The sanctions bills (H.R. 2012, H.R. 2570) were reviewed.", DCT, []),
    # the window a month is looked for in ends inside a word: "Mariana" holds no month "Mar"
    ("In mid-June 1944 they began their offensive against the Mariana and Palau islands.", DCT, [
        ("mid-June 1944", "1944-06", "text"),
    ]),
]

# ... and the same words where they are times
STILL_DATES = [
    ("In the March elections the party lost.", DCT, [("March", "2021-03", "document")]),
    ("The economy entered a recession after two consecutive quarters of negative growth.", DCT, [
        ("two consecutive quarters", "P2Q", "text"),
    ]),
    ("They spent the day in Paris and met again in 2019.", DCT, [("2019", "2019", "text")]),
]


def _found(nlp, text: str, dct: date) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.anchor) for t in find_in_text(nlp, text, dct).dates]


@pytest.mark.parametrize("text,dct,expected",
                         NARRATIVE + SHIFTS + SAME_PERIODS + PERIOD_ENDS + RANGES_IN_STORY + BC_AND_RANGES
                         + NOT_DATES + STILL_DATES)
def test_values(nlp, text, dct, expected):
    assert _found(nlp, text, dct) == expected


@pytest.mark.parametrize("text", ["He served in the war of 1915-17 as a gunner.",
                                  "The Ionian Revolt (499-493 BC)."])
def test_a_range_links_its_two_ends(nlp, text):
    found = find_in_text(nlp, text, DCT).dates
    assert found[0].range_end == (found[1].start, found[1].end)
    assert found[1].range_end is None


def test_a_narrative_value_names_its_anchor(nlp):
    found = find_in_text(nlp, STORY, DCT).dates
    may = next(t for t in found if t.text == "May")
    assert STORY[may.anchor_span[0]:may.anchor_span[1]] == "April 1915"


def test_the_story_carries_across_chunks(nlp):
    """A long document is read in chunks: `In May` in the second still follows the first's April."""
    from pipeline.nlp import Chunk
    from pipeline.run.document import find_all

    first = ("It was raised in 1914. In April 1915 the regiment landed. By 1916 it was north. "
             "In 1917 it fought. In 1918 it rested. ")
    second = "In May it was disbanded."
    chunks = [Chunk.of(nlp(first)), Chunk.of(nlp(second), len(first))]
    found = find_all(chunks, first + second, DCT).dates
    assert [(t.text, t.value, t.anchor) for t in found][-1] == ("May", "1918-05", "narrative")
