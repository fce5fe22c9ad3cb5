"""How a name is compared in every stage: blanks folded, a leading `the` dropped.

`the United States` and `United States`, `the Royal\nCanadian Navy` and `Royal
Canadian Navy` are the same name; each stage that looks a name up in a table
(countries, places, the gazetteer) or writes it into a record reads it this way.
"""

from __future__ import annotations

import re

_THE = re.compile(r"^(?:the|The)\s+")


def fold(text: str) -> str:
    """Runs of blanks (line breaks included) as one space, none at the ends."""
    return " ".join(text.split())


def without_the(text: str) -> str:
    """`the Pentagon` -> `Pentagon`; only a leading `the`/`The` and the blanks after it."""
    return _THE.sub("", text)
