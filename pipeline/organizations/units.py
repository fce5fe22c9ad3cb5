"""Organizations: a unit named by its chain of command (`D Battery, 5th Battalion, 3rd ... Regiment`).

Army style names a small unit by listing the larger units it belongs to,
comma-separated, smallest first. The model tags the pieces (`5th Battalion`,
`3rd Field Artillery Regiment`) and misses the lettered battery; the whole
chain is one body. A list of sibling units (`1st Armored Division, 82nd
Airborne Division`) is not a chain: each link must be a larger echelon than
the one before it.
"""

from __future__ import annotations

import re

# Echelons from small to large; units of one rank are alternatives (a battery is an artillery company).
_RANK = {"Team": 0, "Squad": 0, "Section": 0, "Platoon": 1, "Company": 2, "Battery": 2, "Troop": 2,
         "Battalion": 3, "Squadron": 3, "Regiment": 4, "Group": 4, "Brigade": 5, "Division": 6,
         "Corps": 7}
_UNIT = re.compile(r"(?<![\w-])(?:[A-Z]|\d+(?:st|nd|rd|th))(?:[ ][A-Z][\w-]*)*?[ ]("
                   + "|".join(_RANK) + r")(?![\w-])")


def unit_chains(text: str) -> list[tuple[int, int]]:
    """Spans of two or more units joined by commas, each a larger echelon than the one before."""
    out: list[tuple[int, int]] = []
    chain: list[re.Match[str]] = []
    for m in _UNIT.finditer(text):
        if chain and text[chain[-1].end():m.start()] == ", " and _RANK[m.group(1)] > _RANK[
                chain[-1].group(1)]:
            chain.append(m)
            continue
        if len(chain) > 1:
            out.append((chain[0].start(), chain[-1].end()))
        chain = [m]
    if len(chain) > 1:
        out.append((chain[0].start(), chain[-1].end()))
    return out
