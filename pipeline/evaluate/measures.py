"""The measures: one document's gold against its output rows, as counts and the findings behind them.

The definitions are those of the shared reference scorer (`eval/score.py`),
re-implemented as pure functions so that our figures agree with it exactly:

- `org`: organization records matched by any normalized name or acronym; a
  second record for an organization already matched is a false positive, so
  an acronym not linked to its long form costs precision;
- `mention`: organization mention spans, exact offsets;
- `date_relaxed` / `date_strict` / `date_value`: TempEval-3 Task A: spans
  paired one-to-one by largest overlap; strict needs the same extent, value
  the same TIMEX3 value;
- `event`: type equal and trigger inside a gold evidence passage;
  `event_full` also needs the date value; `event_args`: the share of gold
  participants and locations found (a recall: there are no false alarms).

A gold item marked optional is never a miss, and a system item that matches
one is never a false alarm. Matching order follows the output files' order,
as the reference does, so ties resolve the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.evaluate.gold import DateGold, DocGold, EventGold, OrgGold, Span
from pipeline.evaluate.system import SysDate, SysEvent, SysOrg

MEASURES = (
    "org", "mention", "date_relaxed", "date_strict", "date_value", "event", "event_full", "event_args",
)
DATE_MEASURES = ("date_relaxed", "date_strict", "date_value")
# recall-only measures: the headline figure is R, and P and F1 are not reported
RECALL_ONLY = frozenset({"event_args"})


@dataclass(frozen=True)
class Counts:
    """True positives, false positives, false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    # computed exactly as eval/score.py does, so that rounded figures are identical
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


TP, FP, FN = Counts(tp=1), Counts(fp=1), Counts(fn=1)
WRONG = Counts(fp=1, fn=1)  # found, but wrong: both a false alarm and a miss


@dataclass(frozen=True)
class Finding:
    """One miss or false alarm, with the text it is about, for `--verbose`."""

    measure: str  # one of MEASURES, or "date" for a date missed or made up (counted in all three)
    kind: str  # miss, false alarm, duplicate, wrong extent, wrong value, wrong date, missing
    doc: str
    text: str
    start: int | None = None
    end: int | None = None
    detail: str = ""


@dataclass
class Tally:
    """Counts and findings: filled in by one measure while it matches a document, then only added up."""

    doc: str
    counts: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in MEASURES})
    findings: list[Finding] = field(default_factory=list)

    def __add__(self, other: Tally) -> Tally:
        counts = {m: self.counts[m] + other.counts[m] for m in MEASURES}
        return Tally(self.doc or other.doc, counts, self.findings + other.findings)

    def add(self, measure: str, counts: Counts) -> None:
        self.counts[measure] += counts

    def note(
        self, measure: str, kind: str, text: str | None, span: Span | None = None, detail: str = ""
    ) -> None:
        start, end = (span.start, span.end) if span is not None else (None, None)
        self.findings.append(Finding(measure, kind, self.doc, text or "", start, end, detail))


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def norm(name: str | None) -> str:
    """A name as compared: case, quotes, spaces, leading `the`, possessive and edge punctuation ignored."""
    if not name:
        return ""
    s = name.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip().lower()
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"'s$", "", s)
    return s.strip(" .,;:()[]\"'-")


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _label(org: SysOrg) -> str:
    return f"{org.name} ({org.acronym})" if org.acronym else str(org.name)


def score_orgs(gold: Sequence[OrgGold], system: Sequence[SysOrg], doc: str) -> Tally:
    """Organization records (`org`) and their mention spans (`mention`)."""
    tally = Tally(doc)
    names = [{norm(n) for n in g.names} for g in gold]
    matched: set[int] = set()
    for row in system:
        surfaces = {norm(row.name), norm(row.acronym)} - {""}
        hit = next((i for i, gold_names in enumerate(names) if surfaces & gold_names), None)
        if hit is None:
            tally.add("org", FP)
            tally.note("org", "false alarm", _label(row))
        elif hit in matched:
            if not gold[hit].optional:
                tally.add("org", FP)
                tally.note("org", "duplicate", _label(row), detail=f"already a record: {gold[hit].names[0]}")
        else:
            matched.add(hit)
            if not gold[hit].optional:
                tally.add("org", TP)
    for i, g in enumerate(gold):
        if i not in matched and not g.optional:
            tally.add("org", FN)
            tally.note("org", "miss", g.names[0])
    _score_mentions(gold, system, tally)
    return tally


def _score_mentions(gold: Sequence[OrgGold], system: Sequence[SysOrg], tally: Tally) -> None:
    required = {(m.start, m.end): m for g in gold if not g.optional for m in g.mentions}
    optional = [(m.start, m.end) for g in gold if g.optional for m in g.mentions]
    found: dict[tuple[int, int], Span] = {}
    for row in system:
        for m in row.mentions:
            found.setdefault((m.start, m.end), m)
    for key, m in found.items():
        if key in required:
            tally.add("mention", TP)
        elif not any(overlap(key, o) for o in optional):
            tally.add("mention", FP)
            tally.note("mention", "false alarm", m.text, m)
    for key, m in required.items():
        if key not in found:
            tally.add("mention", FN)
            tally.note("mention", "miss", m.text, m)


def pair_dates(gold: Sequence[DateGold], system: Sequence[SysDate]) -> dict[int, int]:
    """Gold index -> system index, one to one, largest overlap first.

    Ties go to the later gold and then the later system item, the order the
    reference's `sort(reverse=True)` of (overlap, gold, system) gives.
    """
    pairs = [
        (ov, gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if (ov := overlap((g.span.start, g.span.end), (s.span.start, s.span.end)))
    ]
    pairs.sort(reverse=True)
    paired: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, si in pairs:
        if gi not in paired and si not in used:
            paired[gi] = si
            used.add(si)
    return paired


def score_dates(gold: Sequence[DateGold], system: Sequence[SysDate], doc: str) -> Tally:
    """Temporal expressions: relaxed (overlap), strict (same extent) and value."""
    tally = Tally(doc)
    paired = pair_dates(gold, system)
    for gi, g in enumerate(gold):
        if gi not in paired:
            if not g.optional:
                for measure in DATE_MEASURES:
                    tally.add(measure, FN)
                tally.note("date", "miss", g.span.text, g.span, f"value {g.value}")
            continue
        if g.optional:
            continue
        s = system[paired[gi]]
        tally.add("date_relaxed", TP)
        got = f"got {_q(s.span.text)} [{s.span.start}, {s.span.end}] = {s.value}"
        if (s.span.start, s.span.end) == (g.span.start, g.span.end):
            tally.add("date_strict", TP)
        else:
            tally.add("date_strict", WRONG)
            tally.note("date_strict", "wrong extent", g.span.text, g.span, got)
        if s.value == g.value:
            tally.add("date_value", TP)
        else:
            tally.add("date_value", WRONG)
            tally.note("date_value", "wrong value", g.span.text, g.span, f"want {g.value}, {got}")
    used = set(paired.values())
    for si, s in enumerate(system):
        if si not in used:
            for measure in DATE_MEASURES:
                tally.add(measure, FP)
            tally.note("date", "false alarm", s.span.text, s.span, f"value {s.value}")
    return tally


def _participant_found(want: str, found: set[str]) -> bool:
    """A gold participant is found when a system name equals it or one contains the other (3+ characters)."""
    w = norm(want)
    return w in found or any(w in f or f in w for f in found if len(f) > 2)


def _place_found(want: str, got: str | None) -> bool:
    """`Cold Lake` is found in `Cold Lake, Alberta`, and the other way round."""
    g, w = norm(got), norm(want)
    return bool(g) and (w in g or g in w)


def match_events(
    gold: Sequence[EventGold], system: Sequence[SysEvent]
) -> tuple[dict[int, SysEvent], list[SysEvent]]:
    """Gold index -> the system event that matched it, and the system events that matched none.

    Each system event, in file order, takes the first unmatched gold event of
    its type with an evidence passage that its trigger overlaps.
    """
    matched: dict[int, SysEvent] = {}
    unmatched: list[SysEvent] = []
    for row in system:
        trigger = (row.trigger.start, row.trigger.end)
        hit = next(
            (i for i, g in enumerate(gold)
             if i not in matched and g.type == row.type and any(overlap(trigger, e[:2]) for e in g.evidence)),
            None,
        )
        if hit is None:
            unmatched.append(row)
        else:
            matched[hit] = row
    return matched, unmatched


def score_events(gold: Sequence[EventGold], system: Sequence[SysEvent], doc: str) -> Tally:
    """Events (`event`), with their date (`event_full`), and their arguments' recall (`event_args`)."""
    tally = Tally(doc)
    matched, unmatched = match_events(gold, system)
    for row in unmatched:
        tally.add("event", FP)
        tally.add("event_full", FP)
        tally.note("event", "false alarm", row.trigger.text, row.trigger, f"{row.type}, date {row.date}")
    for i, g in enumerate(gold):
        evidence = g.evidence[0] if g.evidence else None
        row = matched.get(i)
        if row is None:
            if not g.optional:
                tally.add("event", FN)
                tally.add("event_full", FN)
                text = evidence.text if evidence else ""
                tally.note("event", "miss", text, evidence, f"{g.type}, date {g.date}")
            continue
        if g.optional:
            continue
        tally.add("event", TP)
        # an undated gold event is also right when the system says "now"
        if row.date == g.date or (g.date is None and row.date in (None, "PRESENT_REF")):
            tally.add("event_full", TP)
        else:
            tally.add("event_full", WRONG)
            tally.note("event_full", "wrong date", row.trigger.text, row.trigger,
                       f"{g.type}: want {g.date}, got {row.date}")
        _score_args(g, row, tally)
    return tally


def _score_args(g: EventGold, row: SysEvent, tally: Tally) -> None:
    found = {norm(n) for n in row.participant_names}
    for p in g.participants:
        if _participant_found(p, found):
            tally.add("event_args", TP)
        else:
            tally.add("event_args", FN)
            tally.note("event_args", "missing", p, row.trigger,
                       f"participant of {g.type} {_q(row.trigger.text)}; got {sorted(found)}")
    if g.location:
        if _place_found(g.location, row.location):
            tally.add("event_args", TP)
        else:
            tally.add("event_args", FN)
            tally.note("event_args", "missing", g.location, row.trigger,
                       f"location of {g.type} {_q(row.trigger.text)}; got {row.location}")


def score_document(
    gold: DocGold, orgs: Sequence[SysOrg], dates: Sequence[SysDate], events: Sequence[SysEvent], doc: str
) -> Tally:
    """Every measure in the gold file's scope, for one document."""
    tally = Tally(doc)
    if "organizations" in gold.scope:
        tally += score_orgs(gold.organizations, orgs, doc)
    if "dates" in gold.scope:
        tally += score_dates(gold.dates, dates, doc)
    if "events" in gold.scope:
        tally += score_events(gold.events, events, doc)
    return tally
