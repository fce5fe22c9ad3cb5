"""Organizations: names that a cue word marks as a body where the model tags none, or another kind.

- a class noun right before a name: `the regional NGO Coral Watch`, `defence
  firm Nordhavn Systems` (the model reads the pair as a product, or nothing);
- a head that comes first, as in Spanish, French or Portuguese names:
  `Fundación Arrecife` (the model reads a person);
- a nationality before a lowercase armed service: `the Danish army`;
- a company's legal form after its name: `Halvorsen Marine` + ` Inc`.

The words are data (`data/org_terms.jsonl`, kinds `class_noun`, `head_first`,
`service_noun`, `corporate_suffix`). Pure functions over text: the spans they
return are candidates, judged by the same filters as the model's.
"""

from __future__ import annotations

import re

from pipeline.countries import country_of, is_nationality
from pipeline.organizations.names import load_terms
from pipeline.rules import Rules, per_rules

# A name: capitalized words, with the small words that join them inside names; not `for` or `and`,
# which as often start what follows (`sold to firm Cerberus Capital Management for US$7 billion`).
_NAME = (r"[A-ZÀ-Ý][\w’'&-]*(?:[ ](?:(?:of|the|de|del|la|las|los|do|da|dos|du|des)[ ])*"
         r"[A-ZÀ-Ý][\w’'&-]*){0,5}")
_SMALL_AFTER_HEAD = r"(?:(?:de|del|la|las|los|el|y|para|do|da|dos|das|e|et|du|des|di|per|pour)[ ])*"


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@per_rules
def _patterns(_: Rules) -> tuple[re.Pattern[str], ...]:
    terms = load_terms()
    classed = re.compile(rf"(?<![\w-])(?:{_alternatives(terms['class_noun'])})[ ]({_NAME})")
    head_first = re.compile(
        rf"(?<![\w-])(?:{_alternatives(terms['head_first'])})(?:[ ]{_SMALL_AFTER_HEAD}[A-ZÀ-Ý][\w’'-]*)+")
    service = re.compile(rf"(?<![\w.-])([A-Z][\w.]*)[ ](?:{_alternatives(terms['service_noun'])})(?![\w-])")
    suffix = re.compile(rf"[ ](?:{_alternatives(terms['corporate_suffix'])})(?![\w-])")
    company = re.compile(rf"(?<![\w’'.&-])(?:[A-Z][\w’'&-]*[ ]){{0,3}}[A-Z][\w’'&-]*(?={suffix.pattern})")
    return classed, head_first, service, suffix, company


def _is_no_name(name: str) -> bool:
    """A weekday, a title, a country or a generic word (`firm Monday`, `company CEO ...`)."""
    terms = load_terms()
    first = name.split()[0]
    return (first in terms["time_word"] or first in terms["generic"] or first in terms["position"]
            or bool(country_of(name)) or is_nationality(first))


def companies(text: str) -> list[tuple[int, int]]:
    """Spans of capitalized names before a legal form: `Halvorsen Marine` of `Halvorsen Marine Inc`."""
    return [(m.start(), m.end()) for m in _patterns()[4].finditer(text)]


def cued_names(text: str) -> list[tuple[int, int]]:
    """Spans of names a class noun, a leading head or a nationality marks as bodies."""
    classed, head_first, service, *_ = _patterns()
    out = [(m.start(1), m.end(1)) for m in classed.finditer(text) if not _is_no_name(m.group(1))]
    out += [(m.start(), m.end()) for m in head_first.finditer(text)]
    out += [(m.start(), m.end()) for m in service.finditer(text)
            if is_nationality(m.group(1)) or country_of(m.group(1))]
    return out


def corporate_suffix(after: str) -> int:
    """How many characters of `after` are a company's legal form: ` Inc`, ` AG`, ` Co.`."""
    m = _patterns()[3].match(after)
    if not m:
        return 0
    dotted = after[m.end():m.end() + 1] == "." and f"{m.group().strip()}." in load_terms()["generic"]
    return m.end() + dotted  # "Co." keeps its period (listed so in the generic words), "AG." does not
