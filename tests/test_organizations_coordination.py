"""Organization names around `and`, on sentences composed for these tests: a complement the model
cut at `and` (`Bureau of European` + ` and Eurasian Affairs`), and the complement of a position
(`Minister of Trade and Industry`), which is a portfolio, not a body.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

DCT = date(2022, 4, 1)


def names(nlp, text: str) -> set[str]:
    return {o.name for o in find_in_text(nlp, text, DCT).organizations}


@pytest.mark.parametrize(("text", "name"), [
    ("She served as a deputy in the Bureau of European and Eurasian Affairs until 2019.",
     "Bureau of European and Eurasian Affairs"),
    ("He later joined the Office of Management and Budget.", "Office of Management and Budget"),
    ("Brig. Gen. Jane Doe, Director of ARCIC's Integration Directorate, hosted the visit.", "ARCIC"),
])
def test_name_kept_whole(nlp, text, name):
    assert name in names(nlp, text)


@pytest.mark.parametrize(("text", "not_a_body"), [
    ("Omar Haddad, Jordanian Minister of Trade and Industry, attended the signing.", "Trade and Industry"),
    ("Abdullah Khan, Saudi Minister of Communications and Information Technology, attended.",
     "Communications and Information Technology"),
])
def test_portfolio_is_no_body(nlp, text, not_a_body):
    assert not any(not_a_body in n for n in names(nlp, text))
