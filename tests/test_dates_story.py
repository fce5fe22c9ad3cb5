"""A story's time: which expressions move it and where the undated ones land (narrative.py).

Sentences composed for these tests, run through the whole document pass. A history needs
a few explicit years long before the DCT to be read as one, hence the opening sentence.
Each row: (text, DCT, expected (text, value) of the expressions after the opening).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import find_in_text

DCT = date(2021, 3, 15)
OPENING = "The fort was built in 1850, rebuilt in 1870 and 1890, and armed in 1900. "

STORIES = [
    # a season stands for its middle month: half a year after the summer of 1917, January is 1918's
    (OPENING + "The regiment trained through the summer of 1917. In January it sailed for France.",
     DCT, [("the summer of 1917", "1917-SU"), ("January", "1918-01")]),
    # a season the story placed moves it on too: after the winter that follows November 1916, March 1917
    (OPENING + "The garrison surrendered in November 1916. The winter was harsh. "
     "In March the prisoners were freed.",
     DCT, [("November 1916", "1916-11"), ("The winter", "1917-WI"), ("March", "1917-03")]),
    # counted back from the story's year, not forward
    (OPENING + "The siege was lifted in August 1903. The garrison was as weak as it had been "
     "three years earlier.", DCT, [("August 1903", "1903-08"), ("three years earlier", "1900")]),
    (OPENING + "The new guns came in May 1905, a gift from the city; the old ones had been sold "
     "the previous year.", DCT, [("May 1905", "1905-05"), ("the previous year", "1904")]),
    # a look back (`since`), a flashback (`had` + participle), a future seen from the story
    # (`would`) and a relative clause's date are told, but the story stays where it was
    (OPENING + "The port was rebuilt in May 1902. It had been a free port since 1860. "
     "In June the first liner docked.",
     DCT, [("May 1902", "1902-05"), ("1860", "1860"), ("June", "1902-06")]),
    (OPENING + "The rebels took the town in May 1904; the governor had fled it in 1899. "
     "In July they marched north.", DCT, [("May 1904", "1904-05"), ("1899", "1899"), ("July", "1904-07")]),
    (OPENING + "The king was deposed in January 1903. His brother would follow him into exile in 1910. "
     "In March a republic was proclaimed.",
     DCT, [("January 1903", "1903-01"), ("1910", "1910"), ("March", "1903-03")]),
    (OPENING + "In April 1905 the army began a siege that lasted until the fall of the city in "
     "February 1907. In June its cavalry crossed the river.",
     DCT, [("April 1905", "1905-04"), ("February 1907", "1907-02"), ("June", "1905-06")]),
    # a shift back is a look back: the story stays where it was
    (OPENING + "The new governor arrived in May 1908. Two decades earlier his father held the same "
     "post. In June he toured the coast.",
     DCT, [("May 1908", "1908-05"), ("Two decades earlier", "1888"), ("June", "1908-06")]),
    # a decade or a century counted from the story's year, BC counted down
    (OPENING + "The walls fell in 1906. In the following decade the town grew.",
     DCT, [("1906", "1906"), ("the following decade", "191")]),
    (OPENING + "Sparta won in 480 BC, lost in 470 BC, won again in 460 BC and in 450 BC, and lost in 440 BC. "
     "Its gains of the previous century were gone.", DCT,
     [("480 BC", "BC0480"), ("470 BC", "BC0470"), ("460 BC", "BC0460"), ("450 BC", "BC0450"),
      ("440 BC", "BC0440"), ("the previous century", "BC05")]),
    # a future seen from the story looks ahead: the October after January, not the one before
    (OPENING + "The king was executed on 21 January 1909. The queen would follow him on 16 October.",
     DCT, [("21 January 1909", "1909-01-21"), ("16 October", "1909-10-16")]),
    # a quotation's `tonight` is the speaker's, not the DCT's; `'99` is the story's century's
    (OPENING + 'In May 1909 the mayor spoke: "I am tonight closing the port." '
     "The class of '99 was called up.",
     DCT, [("May 1909", "1909-05"), ("tonight", "XXXX-XX-XXTNI"), ("'99", "1899")]),
    # a date in brackets is an aside
    (OPENING + "In April 1907 the assembly met. It repealed the Press Law (1888) at once. "
     "In May it adjourned.", DCT, [("April 1907", "1907-04"), ("1888", "1888"), ("May", "1907-05")]),
    # an unknown count of units after or before the date named: a vague future or past of it
    (OPENING + "The bridge opened in June 1905. A few days later it was closed again.",
     DCT, [("June 1905", "1905-06"), ("A few days later", "FUTURE_REF")]),
    (OPENING + "The envoy reached Lisbon in May 1907; several years earlier he had served in Cairo.",
     DCT, [("May 1907", "1907-05"), ("several years earlier", "PAST_REF")]),
    (OPENING + "The dam broke in 1908, and weeks later the valley flooded.",
     DCT, [("1908", "1908"), ("weeks later", "FUTURE_REF")]),
    # a comparison of two times is no shift; `some` before a plural counts some units, not one
    (OPENING + "The launch in 1909 came a few days later than planned. Some months passed.",
     DCT, [("1909", "1909"), ("a few days", "PXD"), ("Some months", "PXM")]),
    # a weekday is the one on or after the story's day, not the DCT's; with no day reached, of no week
    (OPENING + "The port fell on Tuesday, September 10, 1907. On Thursday the mayor fled.",
     DCT, [("Tuesday, September 10, 1907", "1907-09-10"), ("Thursday", "1907-09-12")]),
    (OPENING + "The army marched north in 1908. It attacked on Friday.",
     DCT, [("1908", "1908"), ("Friday", "XXXX-WXX-5")]),
    # `that afternoon` is a part of the story's day; with only a month reached, of an unknown day of it
    (OPENING + "The marines landed on 8 March 1905 and reached the city that afternoon.",
     DCT, [("8 March 1905", "1905-03-08"), ("that afternoon", "1905-03-08TAF")]),
    (OPENING + "The siege began in May 1906. The guns opened fire that night.",
     DCT, [("May 1906", "1906-05"), ("that night", "1906-05-XXTNI")]),
    (OPENING + "The rebels crossed the river in 470 BC. The next day they burned the town.",
     DCT, [("470 BC", "BC0470"), ("The next day", "BC0470-XX-XX")]),
    # a flashback looks back: the summer before February 1903, not the one after it
    (OPENING + "By early February 1903 the front had been pushed back beyond its position before the "
     "summer offensive. In March the army rested.",
     DCT, [("early February 1903", "1903-02"), ("the summer", "1902-SU"), ("March", "1903-03")]),
    # a year naming a thing (`the 1870 rules`) does not move the story; a heading year does
    (OPENING + "The council met in May 1905 and kept the 1870 rules. In June it dissolved.",
     DCT, [("May 1905", "1905-05"), ("1870", "1870"), ("June", "1905-06")]),
    (OPENING + "1906\n\nCoup leader Ortega fled on 20 July.",
     DCT, [("1906", "1906"), ("20 July", "1906-07-20")]),
    # a week the DCT placed is the story's week: counted from its day, or a week of its year
    (OPENING + "The offensive began on 8 August 1908. During the last week of August the pressure was "
     "heavy. The following week the line broke.",
     DCT, [("8 August 1908", "1908-08-08"), ("the last week of August", "1908-W35"),
           ("The following week", "1908-W36")]),
    (OPENING + "The offensive began in August 1908. The following week the line broke.",
     DCT, [("August 1908", "1908-08"), ("The following week", "1908-WXX")]),
    # `by` names the time the story has reached, even with `had`
    (OPENING + "By March 1906 the army had reached the coast. In May it sailed.",
     DCT, [("March 1906", "1906-03"), ("May", "1906-05")]),
]


@pytest.mark.parametrize("text, dct, expected", STORIES)
def test_story_values(nlp, text, dct, expected):
    found = [t for t in find_in_text(nlp, text, dct).dates if t.start >= len(OPENING)]
    assert [(t.text, t.value) for t in found] == expected
