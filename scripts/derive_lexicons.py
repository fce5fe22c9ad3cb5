"""Derive the event-trigger and title lexicons in pipeline/data from the PETRARCH2 dictionaries.

Why: the event rules were grown one phrasing at a time and miss the verbs of
publishers they were not written from. CAMEO's verb dictionary already groups
thousands of verbs by the kind of interaction they code (04x consult, 042/043
visit, 046 negotiate, 057 sign an agreement, 06x material cooperation, 07x
provide aid); its Phoenix agents file lists the nouns of roles and offices.
This script reads them (development time only: ../shared/lexicons/petrarch2,
MIT licence, Open Event Data Alliance) and writes

- pipeline/data/event_triggers.jsonl: one row a (type, lemma, pos) with its
  CAMEO code, the CAMEO block it came from, and a composed example;
- pipeline/data/titles.jsonl: titles, ranks and positions (Phoenix agents
  with a person head) plus the ranks, honorifics and staff acronyms CAMEO has
  no entry for (marked `source: constructed`).

The pipeline never reads ../shared; the derived files are committed. Re-run with
`python scripts/derive_lexicons.py [PETRARCH2_DIR]` after changing the tables below.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DEFAULT_SRC = HERE.parent / "shared" / "lexicons" / "petrarch2"
OUT = HERE / "pipeline" / "data"

# CAMEO code (prefix) -> event type. 03x (intent) and 05x other than 057 are talk, not events.
CODE_TYPE = {
    "040": "MEET",
    "041": "MEET",
    "043": "MEET",
    "044": "MEET",
    "046": "MEET",
    "042": "VISIT",
    "057": "AGREE",
    "062": "EXERCISE",
    "070": "AID",
    "071": "AID",
    "072": "AID",
    "073": "AID",
    "061": "AID",
}
# CAMEO blocks coded [---] or broader whose verbs nevertheless name one of our types.
BLOCK_TYPE = {
    "VISIT": "VISIT",
    "HOST": "MEET",
    "MEET_PEOPLE": "MEET",
    "CALL": "MEET",
    "ASSEMBLE": "MEET",
    "GRANT": "AID",
    "FINANCE": "AID",
    "ARM": "AID",
    "AID": "AID",
    "SIGN": "AGREE",
    "ENACT": "ESTABLISH",
    "GO_SOMEWHERE": "VISIT",
}
# CAMEO's 04x/07x blocks that code reporting, thinking or intervening, not a meeting or aid given.
BLOCK_STOP = {
    "CONSIDER",
    "HEAR",
    "INTRODUCE",
    "NOTIFY",
    "INVITE",
    "CABLE",
    "ARRIVE",
    "INTERVENE",
    "STABILISE",
    "IMPORT",
    "RESCUE",
}
# Verbs of those blocks too generic to state an event of the type on their own
# (`give a speech`, `face a threat`, `serve as`, `think`), or that code another sense here.
STOP = {
    "add",
    "accord",
    "issue",
    "give",
    "lend",
    "bequeath",
    "endow",
    "entrust",
    "benefit",
    "serve",
    "help",
    "approach",
    "come",
    "arrive",
    "face",
    "confront",
    "brave",
    "encounter",
    "run_into",
    "contact",
    "interact",
    "cluster",
    "conglomerate",
    "conjoin",
    "constellate",
    "converge",
    "flock",
    "huddle",
    "unite",
    "join",
    "amass",
    "depart",
    "egress",
    "leave",
    "go",
    "go_away",
    "go_forth",
    "leave_behind",
    "pull_out",
    "walk_out",
    "embark",
    "go_to",
    "attend",
    "tour",
    "touring",
    "journey",
    "pay",
    "invest",
    "attire",
    "gear",
    "outfit",
    "render",
    "stock",
    "tender",
    "re",
    "constitute",
    "enact",
    "call",
    "communicate_with",
    "get_together",
    "underwrite",
    "bankroll",
    "pay_for",
    "assist",
    "aid",
    "summon",
    "assemble",
    "travel",
    "buy",
    "communicate",
    # the topic of a meeting told elsewhere (`they discussed trade`), an order (`instructed his team`),
    # a sense the patterns already take with their particle or object (`stood up`, `met with`)
    "discuss",
    "debate",
    "converse",
    "instruct",
    "stand",
    "gather",
    "meet",
}
# Verbs that state an AID only with a concrete or counted object (`received two aircraft`, `awarded
# a $5 million grant`): not `provide a framework`, `supply chains`.
NEEDS_OBJECT = {
    "provide",
    "supply",
    "award",
    "grant",
    "contribute",
    "furnish",
    "equip",
    "arm",
    "sponsor",
    "transfer",
    "deliver",
    "receive",
    "send",
    "install",
}
# Types CAMEO has no code for, and words the dev documents' publishers use that CAMEO lacks:
# (type, lemma, pos, subject role or None, example). Composed, not copied from any document.
CONSTRUCTED = [
    ("ESTABLISH", "activate", "VERB", None, "The Army activated a new artillery battery in 2024."),
    ("ESTABLISH", "initiate", "VERB", None, "The dialogue, initiated in 2019, meets every year."),
    ("ESTABLISH", "unveil", "VERB", None, "The ministry unveiled a new Maritime Initiative in May."),
    ("ESTABLISH", "inaugurate", "VERB", None, "The two navies inaugurated a liaison office in 2018."),
    ("ESTABLISH", "create", "VERB", None, "The council, created in 1999, advises the minister."),
    ("ESTABLISH", "launch", "VERB", None, "The agency launched a partnership with the coast guard."),
    ("ESTABLISH", "open", "VERB", None, "Norway opened diplomatic relations with Chile in 1905 by treaty."),
    ("DEPLOY", "deploy", "VERB", None, "Canada deployed two frigates to the region in 2021."),
    ("DEPLOY", "station", "VERB", None, "The squadron was stationed in Romania in 2022."),
    ("DEPLOY", "assign", "VERB", None, "The officer was assigned to support operations in the Sahel."),
    ("DEPLOY", "field", "VERB", None, "The Army plans to field a battery to the task force in 2026."),
    ("DEPLOY", "rotate", "VERB", None, "The battalion rotated into Latvia in January."),
    ("TRAIN", "train", "VERB", "provider", "Army instructors trained 40 Ghanaian officers in 2020."),
    ("TRAIN", "teach", "VERB", "provider", "The academy taught a peacekeeping course to Kenyan officers."),
    ("TRAIN", "mentor", "VERB", "provider", "Canadian advisers mentored the Ukrainian staff in 2016."),
    ("EXERCISE", "patrol", "VERB", None, "The two cutters jointly patrolled the coast in August 2020."),
    ("EXERCISE", "drill", "VERB", None, "The marines drilled with the Brazilian Navy in 2019."),
    ("EXERCISE", "exercise", "VERB", None, "The fleets exercised together off the coast in 2018."),
    ("MEET", "host", "VERB", "host", "The embassy hosted the delegation for dinner on May 3."),
    ("MEET", "convene", "VERB", "host", "The minister convened the working group in March."),
    ("MEET", "symposium", "NOUN", None, "Officers spoke at the Logistics Symposium in Norfolk in 2019."),
    ("MEET", "workshop", "NOUN", None, "The agency held a joint workshop in Panama in April 2022."),
    ("MEET", "seminar", "NOUN", None, "The college hosted a seminar in Lima in 2017."),
    ("MEET", "roundtable", "NOUN", None, "The envoy chaired a roundtable in Accra in 2021."),
    ("MEET", "engagement", "NOUN", None, "The admiral held a key leader engagement in Bogota in 2022."),
    ("VISIT", "visit", "VERB", None, "The minister visited the naval base in Halifax in 2019."),
    ("AID", "donate", "VERB", "provider", "The ministry donated 200 radios to the coast guard in 2021."),
    ("AID", "install", "VERB", "provider", "The navy installed two radars along the coast in 2020."),
    ("AID", "receive", "VERB", "recipient", "The air force received two aircraft in March 2022."),
    ("AID", "fund", "VERB", "provider", "The department funded the upgrade of two patrol boats in 2021."),
    ("AID", "purchase", "VERB", "provider", "The embassy purchased $2 million in engines for the navy."),
    ("AID", "award", "VERB", "provider", "The ministry awarded a $5 million grant in December 2021."),
    ("AID", "transfer", "VERB", "provider", "The coast guard transferred two cutters to the navy in 2017."),
    ("AID", "deliver", "VERB", "provider", "The ministry delivered 50 trucks to the army in May."),
    ("AID", "donation", "NOUN", None, "the donation of 200 transponders to the fleet in 2021"),
    ("AGREE", "sign", "VERB", None, "The two ministers signed a memorandum in Ottawa in 2020."),
    ("AGREE", "ratify", "VERB", None, "The parliament ratified the treaty in 2019."),
    ("AGREE", "signing", "NOUN", None, "the signing of the accord on July 14"),
]
# CAMEO verbs become nominal triggers through these nominalizations (only those that name an occurrence).
NOMINAL = {
    "negotiate": "negotiation",
    "consult": "consultation",
    "visit": "visit",
    "meet": "meeting",
    "confer": "conference",
    "discuss": "discussion",
    "donate": "donation",
    "deliver": "delivery",
    "contribute": "contribution",
}
# Roles a type's verb gives its subject (AID: who gives; a host verb: the host).
SUBJECT_ROLE = {"AID": "provider", "TRAIN": "provider", "JOIN": "member"}
EXAMPLE = {
    "MEET": "The defence minister {past} with her counterpart in Ottawa on May 3, 2021.",
    "VISIT": "The chief of staff {past} the naval academy in Lima in 2019.",
    "AGREE": "The two ministries {past} a memorandum of understanding in 2020.",
    "AID": "The ministry {past} 20 patrol boats to the coast guard in 2021.",
    "EXERCISE": "The two navies {past} together off the coast in 2018.",
    "ESTABLISH": "The ministers {past} a joint working group in 2016.",
}


def past(verb: str) -> str:
    """A regular past tense, enough for a composed example (`confer` -> `conferred` is not needed)."""
    words = verb.split("_")
    v = words[0]
    if v.endswith("e"):
        v += "d"
    elif v.endswith("y") and v[-2:-1] not in "aeiou":
        v = v[:-1] + "ied"
    else:
        v += "ed"
    return " ".join([v, *words[1:]])


def cameo_blocks(path: Path) -> list[tuple[str, str, list[tuple[str, str | None]]]]:
    """(block verb, block code, [(synonym, its own code or None)]) for each `--- VERB [code] ---` block."""
    blocks: list[tuple[str, str, list[tuple[str, str | None]]]] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if head:
            blocks.append((head.group(1), head.group(2), []))
            continue
        s = line.strip()
        if not blocks or not s or s.startswith(("#", "-", "&", "+")) and not s.startswith("+"):
            continue
        s = re.sub(r"\{[^}]*\}", "", s).split("#")[0].strip()
        m = re.match(r"^\+?([A-Z_]+)\s*(?:\[([^\]]*)\])?\s*$", s)
        if m:
            blocks[-1][2].append((m.group(1), m.group(2)))
    return blocks


def trigger_rows(src: Path) -> list[dict]:
    rows: dict[tuple[str, str, str], dict] = {}
    for block, code, synonyms in cameo_blocks(src / "CAMEO.2.0.txt"):
        for word, own in synonyms:
            if word.lower() in STOP:
                continue
            c = (own or code).split(":")[0]
            etype = BLOCK_TYPE.get(block) or CODE_TYPE.get(c)
            lemma = word.lower().replace("_", " ")
            if etype is None or block in BLOCK_STOP or word.lower() in STOP or " " in lemma:
                continue
            key = (etype, lemma, "VERB")
            rows.setdefault(
                key,
                {
                    "id": f"cameo-{etype.lower()}-{lemma}",
                    "type": etype,
                    "lemma": lemma,
                    "pos": "VERB",
                    "cameo": c,
                    "cameo_block": block,
                    "subject_role": "host" if block == "HOST" else SUBJECT_ROLE.get(etype),
                    "needs_object": lemma in NEEDS_OBJECT,
                    "example": EXAMPLE.get(etype, "").format(past=past(lemma)),
                    "source": "CAMEO.2.0.txt",
                },
            )
            noun = NOMINAL.get(lemma)
            if noun:
                rows.setdefault(
                    (etype, noun, "NOUN"),
                    {
                        "id": f"cameo-{etype.lower()}-{noun}-noun",
                        "type": etype,
                        "lemma": noun,
                        "pos": "NOUN",
                        "cameo": c,
                        "cameo_block": block,
                        "subject_role": None,
                        "needs_object": False,
                        "example": f"the {noun} in Ottawa on May 3, 2021",
                        "source": "CAMEO.2.0.txt",
                    },
                )
    for etype, lemma, pos, role, example in CONSTRUCTED:
        if lemma in STOP:
            continue
        key = (etype, lemma, pos)
        base = rows.get(key, {})
        rows[key] = {
            "id": base.get("id", f"constructed-{etype.lower()}-{lemma}-{pos.lower()}"),
            "type": etype,
            "lemma": lemma,
            "pos": pos,
            "cameo": base.get("cameo"),
            "cameo_block": base.get("cameo_block"),
            "subject_role": role or base.get("subject_role") or SUBJECT_ROLE.get(etype),
            "needs_object": lemma in NEEDS_OBJECT,
            "example": example,
            "source": base.get("source", "constructed"),
        }
    # one type a word: the first type it was given (a constructed row overrides CAMEO's)
    by_word: dict[tuple[str, str], dict] = {}
    for (etype, lemma, pos), row in rows.items():
        prev = by_word.get((lemma, pos))
        if (
            prev is None
            or row["source"] == "constructed"
            or any(c[0] == etype and c[1] == lemma for c in CONSTRUCTED)
        ):
            by_word[(lemma, pos)] = row
    return sorted(by_word.values(), key=lambda r: (r["type"], r["pos"], r["lemma"]))


# Head nouns of role entries that are bodies, not people (`Supreme Court`, `Defense Department`).
BODY_HEADS = {
    "COURT",
    "DEPARTMENT",
    "MINISTRY",
    "MINISTRIES",
    "OFFICE",
    "COUNCIL",
    "GOVERNMENT",
    "SERVICES",
    "SYSTEM",
    "BRANCH",
    "JUDICIARY",
    "REGIME",
    "JUNTA",
    "RULE",
    "FORCE",
    "FORCES",
    "INDUSTRY",
    "COMMISSION",
    "SECRETARIAT",
    "ENFORCEMENT",
    "ENVIRONMENT",
    "CARRIER",
    "DESTROYER",
    "BOMBER",
    "FIGHTER",
    "JETFIGHTER",
    "HELICOPTER",
    "CRUISER",
    "HUMVEE",
    "TRAINER",
    "EMPLOYER",
    "REGIMENT",
    "CHANCERY",
    "CONSISTORY",
    "PROCURATORATE",
    "JUDICATURE",
    "JUDICATORY",
    "HOSPITAL",
    "AGENCY",
    "BUREAU",
    "PARTY",
    "COMMITTEE",
    "ARMY",
    "NAVY",
    "POLICE",
}
PERSON_END = re.compile(
    r"(?:ER|OR|IST|ANT|ENT|MAN|WOMAN|ARY|IAN|EE|AL|CHIEF|HEAD|ENVOY|JUDGE|JUSTICE|"
    r"DEPUTY|AIDE|CONSUL|ATTACHE|DELEGATE|ENSIGN|MAJOR|SOLDIER|CADET|STAFF)$"
)
PHOENIX_CODES = ("~GOV", "~MIL", "~COP", "~JUD", "~SPY")
RANKS = [  # (full form, abbreviations): military ranks, US/NATO/Commonwealth usage
    ("General", ["Gen.", "GEN"]),
    ("Lieutenant General", ["Lt. Gen.", "LTG", "Lt Gen", "LGen"]),
    ("Major General", ["Maj. Gen.", "MG", "Maj Gen", "MGen"]),
    ("Brigadier General", ["Brig. Gen.", "BG", "BGen"]),
    ("Brigadier", ["Brig."]),
    ("Colonel", ["Col.", "COL"]),
    ("Lieutenant Colonel", ["Lt. Col.", "LTC", "LtCol", "LCol"]),
    ("Major", ["Maj.", "MAJ"]),
    ("Captain", ["Capt.", "CPT", "Capt"]),
    ("Lieutenant", ["Lt.", "LT", "1LT", "2LT"]),
    ("Second Lieutenant", ["2nd Lt."]),
    ("First Lieutenant", ["1st Lt."]),
    ("Admiral", ["Adm.", "ADM"]),
    ("Vice Admiral", ["Vice Adm.", "VADM", "Vice-Admiral"]),
    ("Rear Admiral", ["Rear Adm.", "RADM", "Rear-Admiral"]),
    ("Commodore", ["Cmdre", "Cdre"]),
    ("Commander", ["Cmdr.", "CDR", "Cdr."]),
    ("Lieutenant Commander", ["Lt. Cmdr.", "LCDR"]),
    ("Sergeant", ["Sgt.", "SGT"]),
    ("Staff Sergeant", ["Staff Sgt.", "SSG"]),
    ("Sergeant First Class", ["Sgt. 1st Class", "SFC"]),
    ("Master Sergeant", ["Master Sgt.", "MSG"]),
    ("First Sergeant", ["1st Sgt.", "First Sgt.", "1SG"]),
    ("Sergeant Major", ["Sgt. Maj.", "SGM"]),
    ("Command Sergeant Major", ["Command Sgt. Maj.", "CSM"]),
    ("Corporal", ["Cpl.", "CPL"]),
    ("Specialist", ["Spc.", "SPC"]),
    ("Private", ["Pvt.", "PVT", "PFC"]),
    ("Warrant Officer", ["WO", "CW2", "CW3"]),
    ("Chief Warrant Officer", ["CWO"]),
    ("Petty Officer", ["PO"]),
    ("Chief Petty Officer", ["CPO"]),
    ("Air Marshal", []),
    ("Air Vice-Marshal", []),
    ("Air Commodore", []),
    ("Group Captain", []),
    ("Wing Commander", []),
    ("Squadron Leader", []),
    ("Field Marshal", []),
    ("Marshal", []),
    ("Supply Sergeant", []),
    ("Chief of Staff", ["CoS"]),
    ("Executive Officer", ["XO"]),
    ("Commanding Officer", ["CO"]),
    ("Non-Commissioned Officer", ["NCO"]),
]
# Abbreviations of positions the Phoenix dictionary lists without them.
POSITION_ABBREVIATIONS = {
    "External Affairs Minister": ["EAM"],  # India's foreign minister in the ministry's readouts
    "Chief of Defence Staff": ["CDS"],
}
HONORIFICS = [
    "Honourable",
    "Honorable",
    "Hon.",
    "Right Honourable",
    "Rt. Hon.",
    "H.E.",
    "His Excellency",
    "Her Excellency",
    "Excellency",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "His Majesty",
    "Her Majesty",
    "His Royal Highness",
    "Her Royal Highness",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Sheikh",
    "Senator",
    "Sen.",
    "Rep.",
    "Gov.",
]
# Staff-section and command-post jargon: names no body on its own (`the S3`, `the TOC`, `BN`).
STAFF_ACRONYMS = [
    "TOC",
    "TAC",
    "JOC",
    "S1",
    "S2",
    "S3",
    "S4",
    "S5",
    "S6",
    "G1",
    "G2",
    "G3",
    "G4",
    "G5",
    "G6",
    "J1",
    "J2",
    "J3",
    "J4",
    "J5",
    "J6",
    "J7",
    "J8",
    "BN",
    "BDE",
    "CO",
    "XO",
    "HHC",
    "HQ",
    "HHQ",
    "OPORD",
    "FRAGO",
    "SOP",
    "TTP",
    "TTPs",
    "CONOPS",
    "ROE",
    "MDMP",
    "AAR",
    "OPCON",
    "TACON",
    "NCO",
    "NCOs",
    "NCOIC",
    "OIC",
    "POC",
    "CP",
    "TF",
    "AO",
    "AOR",
    "FOB",
    "COP",
    "LNO",
    "LNOs",
]


def title_rows(src: Path) -> list[dict]:
    rows: dict[str, dict] = {}
    for line in (src / "Phoenix.agents.txt").read_text(encoding="latin-1").splitlines():
        m = re.match(r"^([A-Z][A-Z_'-]+)\s*(?:\{[^}]*\})?\s*\[(~[A-Z]+)\]", line)
        if not m or not m.group(2).startswith(PHOENIX_CODES):
            continue
        words = [w[:-6] + "MINISTER" if w.endswith("MINIST") else w for w in m.group(1).strip("_").split("_")]
        if (
            any(w in BODY_HEADS for w in words)
            or words[-1] in ("FOR", "TO", "AT", "OF")
            or not PERSON_END.search(words[-1])
            or len(words) > 4
        ):
            continue
        title = " ".join(w if w in ("OF", "THE", "FOR", "TO") else w.capitalize() for w in words)
        title = title.replace(" OF ", " of ").replace(" THE ", " the ").replace(" FOR ", " for ")
        title = title.replace(" TO ", " to ")
        rows.setdefault(
            title.lower(),
            {
                "id": f"phoenix-{m.group(1).lower().strip('_')}",
                "kind": "position",
                "name": title,
                "abbreviations": [],
                "example": f"the {title} spoke to reporters",
                "source": f"Phoenix.agents.txt {m.group(2)}",
            },
        )
    for name, abbrevs in POSITION_ABBREVIATIONS.items():
        rows[name.lower()]["abbreviations"] = abbrevs
    for name, abbrevs in RANKS:
        rows[name.lower()] = {
            "id": f"rank-{name.lower().replace(' ', '-')}",
            "kind": "rank",
            "name": name,
            "abbreviations": abbrevs,
            "example": f"{name} Jane Doe, the unit's commander",
            "source": "constructed",
        }
    for h in HONORIFICS:
        rows[h.lower()] = {
            "id": f"honorific-{h.lower().strip('.').replace(' ', '-').replace('.', '')}",
            "kind": "honorific",
            "name": h,
            "abbreviations": [],
            "example": f"{h} Jane Doe attended the reception",
            "source": "constructed",
        }
    for a in STAFF_ACRONYMS:
        rows[a.lower() + "#staff"] = {
            "id": f"staff-{a.lower()}",
            "kind": "staff_acronym",
            "name": a,
            "abbreviations": [],
            "example": f"reported to the {a} at 0600",
            "source": "constructed",
        }
    return sorted(rows.values(), key=lambda r: (r["kind"], r["name"]))


def write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    write(OUT / "event_triggers.jsonl", trigger_rows(src))
    write(OUT / "titles.jsonl", title_rows(src))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
