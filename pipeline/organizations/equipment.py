"""Equipment the model takes for bodies: weapon systems, launchers and vehicles named like companies.

A weapon system's name is a capitalized word (`Typhon`, `Stryker`, `Patriot`)
that the model tags ORG. The document itself says what it is: somewhere it
stands before a common noun of equipment (`the Typhon launchers`, `a Patriot
battery`, `the larger Typhon system`), and a body's name rarely does. One
sense per discourse: the name, its plural (`Typhons`) and names that hold it
(`Typhon MRC`) are equipment everywhere in the document. A count of vehicles
(`a company of Strykers`) names equipment the same way. The nouns are the
lowercase words of the `equipment` lists in `data/org_terms.jsonl`.
"""

from __future__ import annotations

import re

from pipeline.organizations.names import has_org_head, load_terms

# "a company of Strykers", "a fleet of Reapers": a unit or group noun counting a plural proper noun.
_COUNTED_PLURAL = re.compile(
    r"\b(?:company|platoon|battery|squadron|fleet|flight|number|pair|dozens|hundreds|couple)\s+of\s+$")


def equipment_names(text: str) -> frozenset[str]:
    """Capitalized words the text uses before a common noun of equipment: `Typhon` of `Typhon launchers`."""
    nouns = sorted((w for w in load_terms()["equipment"] if w.islower()), key=len, reverse=True)
    if not nouns:
        return frozenset()
    pattern = re.compile(r"(?<![\w’'.-])([A-Z][\w-]*)[ ](?:" + "|".join(map(re.escape, nouns)) + r")\b")
    return frozenset(m.group(1) for m in pattern.finditer(text))


def is_equipment(name: str, before: str, names: frozenset[str]) -> bool:
    """Is `name` a weapon system by what the document says of it (see the module docstring)?"""
    words = name.split()
    if not words or has_org_head(name):
        return False
    if any(w in names or (w.endswith("s") and w[:-1] in names) for w in words):
        return True  # "Typhon", "Typhons", "Typhon MRC", "Complement Typhon System"
    first = words[0]
    plural = len(words) == 1 and first.endswith("s") and not first.endswith("ss") and first[:1].isupper()
    return plural and bool(_COUNTED_PLURAL.search(before))  # "a company of [Strykers]"
