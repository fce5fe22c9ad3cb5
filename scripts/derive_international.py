"""Derive pipeline/data/international.jsonl (international bodies) from PETRARCH2's Phoenix actors.

Why: the hand-written gazetteer knows the bodies of the 20 development
documents; an unseen publisher names other IGOs and NGOs (IAEA, ECOWAS, the
Inter-Parliamentary Union) that the model tags in pieces or not at all, and
whose acronym the text may never spell out. Phoenix.International.actors.txt
(../shared/lexicons/petrarch2, MIT licence, Open Event Data Alliance) lists
them with their aliases and a CAMEO code. Its format: an entry line
`NAME_ [CODE]`, or a name followed by `+SYNONYM` lines and an indented code
line; words joined by `_`; `# ...` comments; `####  Section  ####` headers.

Kept: entries coded IGO* or NGO* outside the media and corporation sections,
without a date range in a code (a person's tenure: `[IGOWSTNAT 991014-031217]`)
and whose long name contains an organization head word (so
`KOFI_ANNAN_` and `INDIAN_UN_PEACEKEEPER_` go). Acronyms are single tokens of 3
to 8 capitals; an acronym is kept only when it belongs to a long name (the
same entry, or an entry with the same body code whose initials it spells), so a
lone acronym never becomes a body. Dropped for precision on generic news:
single-word non-acronym names and acronyms that are English words (found in
CAMEO's verb and Phoenix's agent dictionaries, or spaCy's stop words),
two-letter acronyms, and any surface the hand-written gazetteer or the country
table already has (those entries are the authority). Country is null: these
are international bodies.

The pipeline never reads ../shared; the derived file is committed. Re-run with
`python scripts/derive_international.py [PETRARCH2_DIR]`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

HERE = Path(__file__).resolve().parent.parent
DEFAULT_SRC = HERE.parent / "shared" / "lexicons" / "petrarch2"
DATA = HERE / "pipeline" / "data"
OUT = DATA / "international.jsonl"

SKIP_SECTIONS = ("media", "multinational corporations")
SMALL = {"of", "the", "and", "for", "on", "in", "to", "at", "de", "la", "et", "du", "des", "le", "y", "del",
         "against"}
# Heads beyond org_terms' org_head lists that name standing international bodies.
EXTRA_HEADS = {"Commission", "Mission", "Programme", "Program", "Tribunal", "Community", "Authority",
               "Network", "Trust", "Watch", "Movement", "Panel", "Board", "Commonwealth", "Cross",
               "Crescent", "Partnership", "Secretariat", "Organisation", "Initiative"}
# A position or a group of people, not a body: "ASEAN_DEFENSE_MINISTERS_", "UN_SECRETARY_GENERAL".
PERSON_WORDS = {"Secretary", "General", "President", "Chief", "Director", "Minister", "Ministers",
                "Ambassador", "Envoy", "Spokesman", "Spokeswoman", "Official", "Officials", "Chairman",
                "Commissioner", "Peacekeeper", "Peacekeepers", "Countries", "Members", "Member", "Staff",
                "Workers", "Worker", "Head", "Lord", "Baron", "Baroness", "Lady", "Sir", "Representative",
                "Delegation", "Delegate", "Delegates", "Troops", "Soldiers", "Inc", "Inc.", "Ltd", "Corp"}
CODE = re.compile(r"\[([^\]]*)\]")
ACRONYM = re.compile(r"^[A-Z]{3,8}$")


def english_words(src: Path) -> set[str]:
    """Lower-cased English words: the dictionaries' own verbs and nouns, and spaCy's stop words."""
    words = set(STOP_WORDS)
    for name in ("CAMEO.2.0.txt", "Phoenix.agents.txt"):
        text = (src / name).read_text(encoding="utf-8", errors="replace")
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    return words


def surface(raw: str) -> str:
    """`INTERNATIONAL_ATOMIC_ENERGY_AGENCY_` -> `International Atomic Energy Agency`."""
    words = [w for w in raw.strip().strip("_").replace("_", " ").split() if w]
    if words and words[0].upper() == "THE":
        words = words[1:]
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in SMALL:
            out.append(word.lower())
        elif word in {"UN", "U.N.", "EU", "UNDP", "UNICEF", "OSCE", "NATO", "ASEAN", "OAS", "WHO"}:
            out.append(word)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


def entries(path: Path) -> list[tuple[list[str], list[str]]]:
    """(names, codes) of every entry outside the skipped sections, in file order."""
    found: list[tuple[list[str], list[str]]] = []
    section = ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("#"):
            header = re.match(r"#{3,}\s*(.*?)\s*#{3,}", line)
            section = header.group(1).lower() if header else section
            continue
        body = line.split("#", 1)[0]
        if not body.strip() or any(s in section for s in SKIP_SECTIONS):
            continue
        codes = CODE.findall(body)
        name = CODE.sub("", body).strip()
        if line.startswith("+") and found:
            found[-1][0].append(name[1:])
        elif line[:1].isspace() and found:
            if name and not codes:
                found[-1][0].append(name)
        else:
            found.append(([name] if name else [], []))
        if codes and found:
            found[-1][1].extend(c.strip() for c in codes)
    return found


def spells(acronym: str, name: str) -> bool:
    """The acronym is the initials of the name's words, small words optional: ECOWAS, UNESCO, ICJ."""
    words = [w for w in re.split(r"[\s-]+", name) if w]

    def match(a: int, w: int) -> bool:
        if a == len(acronym):
            return all(x.lower() in SMALL for x in words[w:])
        if w == len(words):
            return False
        word = words[w]
        hit = word[0].upper() == acronym[a] and match(a + 1, w + 1)
        return hit or (word.lower() in SMALL and match(a, w + 1))

    return match(0, 0)


def is_body(name: str, heads: set[str]) -> bool:
    words = set(re.split(r"[\s-]+", name))
    return len(name.split()) > 1 and bool(words & heads) and not words & PERSON_WORDS


def derive(src: Path) -> list[dict]:
    terms = [json.loads(line) for line in (DATA / "org_terms.jsonl").read_text().splitlines() if line.strip()]
    heads = {w for t in terms if t["kind"] == "org_head" for w in t["words"]} | EXTRA_HEADS
    common = english_words(src)
    taken = set()
    for file in ("gazetteer.jsonl", "countries.jsonl"):
        for line in (DATA / file).read_text().splitlines():
            row = json.loads(line)
            for key in ("name", "acronyms", "aliases", "context_aliases", "adjectives", "demonyms"):
                value = row.get(key) or []
                taken.update(s.lower() for s in ([value] if isinstance(value, str) else value))
    # code -> long names and acronyms of every entry with that code
    by_code: dict[str, tuple[list[str], list[str]]] = {}
    for names, codes in entries(src / "Phoenix.International.actors.txt"):
        if not names or not codes or any(re.search(r"\d", c) for c in codes):
            continue  # no code, or a person's tenure
        code = codes[0].split()[0]
        if not code.startswith(("IGO", "NGO")):
            continue
        longs, acrs = by_code.setdefault(code, ([], []))
        for raw in names:
            token = raw.strip().strip("_")
            if ACRONYM.match(token):
                if token.lower() not in common and token not in acrs:
                    acrs.append(token)
                continue
            name = surface(raw)
            if is_body(name, heads) and name not in longs:
                longs.append(name)
    # "ECOWAS_ [IGOWAFBUSWAS]" and its long form "[IGOWAFWAS]": same body code (last three letters)
    by_body: dict[str, list[str]] = {}
    for code, (_, acrs) in by_code.items():
        by_body.setdefault(code[-3:], []).extend(acrs)
    rows: dict[str, dict] = {}
    for code, (longs, own) in by_code.items():
        acrs = own + [a for a in by_body.get(code[-3:], []) if a not in own]
        groups: list[tuple[list[str], list[str]]] = []
        for name in longs:
            mine = [a for a in acrs if spells(a, name)]
            home = next((g for g in groups if set(g[1]) & set(mine)), None)
            if home is None:
                groups.append(([name], mine))
            else:
                home[0].append(name)
                home[1].extend(a for a in mine if a not in home[1])
        for names, mine in groups:
            names = [n for n in names if n.lower() not in taken]
            mine = [a for a in mine if a.lower() not in taken]
            if not names:
                continue
            slug = "int-" + re.sub(r"[^a-z0-9]+", "-", names[0].lower()).strip("-")
            if slug in rows:
                continue
            taken.update(s.lower() for s in (*names, *mine))
            defined = f" ({mine[0]})" if mine else ""
            example = f"Officials of the {names[0]}{defined} met the delegation."
            rows[slug] = {"id": slug, "name": names[0], "acronyms": mine, "aliases": names[1:],
                          "country": None, "example": example, "example_from": "constructed",
                          "source": f"Phoenix.International.actors.txt [{code}]"}
    return sorted(rows.values(), key=lambda r: r["id"])


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC
    rows = derive(src)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    acronyms = sum(len(r["acronyms"]) for r in rows)
    print(f"{OUT.relative_to(HERE)}: {len(rows)} bodies, {acronyms} acronyms")


if __name__ == "__main__":
    main()
