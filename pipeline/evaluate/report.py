"""The result of an evaluation and its two renderings: a table for people, one JSON object for scripts.

The JSON keeps `eval/score.py`'s keys (a figure per measure, rounded to three
places, plus `documents` and `documents_missing`) so that the two can be
compared with `diff`, and adds what the reference leaves out: the counts
behind each figure (`details`) and, with `--verbose`, every finding.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from pipeline.evaluate.measures import MEASURES, RECALL_ONLY, Counts, Finding


@dataclass(frozen=True)
class Report:
    """Micro-averaged counts over every gold document, the findings behind them, and what was not found."""

    counts: Mapping[str, Counts]
    findings: tuple[Finding, ...]
    documents: int
    # one line per gold file whose document is not in the output (its items all count as misses)
    missing: tuple[str, ...] = ()

    def figure(self, measure: str) -> float:
        """The headline number: F1, or recall for a recall-only measure (event_args)."""
        counts = self.counts[measure]
        return counts.recall if measure in RECALL_ONLY else counts.f1


def _details(measure: str, counts: Counts) -> dict[str, Any]:
    recall_only = measure in RECALL_ONLY
    return {
        "p": None if recall_only else round(counts.precision, 3),
        "r": round(counts.recall, 3),
        "f1": None if recall_only else round(counts.f1, 3),
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
    }


def to_json(report: Report, verbose: bool = False) -> dict[str, Any]:
    """A figure per measure, `documents`, `documents_missing`, `details`; `findings` when verbose."""
    out: dict[str, Any] = {m: round(report.figure(m), 3) for m in MEASURES}
    out["documents"] = report.documents
    out["documents_missing"] = len(report.missing)
    out["details"] = {m: _details(m, report.counts[m]) for m in MEASURES}
    if verbose:
        out["findings"] = [asdict(f) for f in report.findings]
        out["missing"] = list(report.missing)
    return out


def format_table(report: Report) -> str:
    """P, R, F1 and tp/fp/fn of every measure, one line each; `-` where a figure is not measured."""
    lines = [f"{'measure':<14}{'P':>7}{'R':>7}{'F1':>7}   tp/fp/fn"]
    for m in MEASURES:
        c = report.counts[m]
        p, f = ("-", "-") if m in RECALL_ONLY else (f"{c.precision:.3f}", f"{c.f1:.3f}")
        lines.append(f"{m:<14}{p:>7}{c.recall:>7.3f}{f:>7}   {c.tp}/{c.fp}/{c.fn}")
    lines.append(f"documents: {report.documents} gold, {len(report.missing)} not found in the output")
    return "\n".join(lines)


def _where(f: Finding) -> str:
    return f" [{f.start}, {f.end}]" if f.start is not None and f.start >= 0 else ""


def _clip(text: str, width: int = 90) -> str:
    """A long evidence passage cut short: the listing is read line by line (the JSON keeps it whole)."""
    return text if len(text) <= width else text[: width - 3] + "..."


def format_findings(report: Report) -> str:
    """Every miss and false alarm, grouped by document: measure, kind, the text and where it is."""
    lines: list[str] = list(report.missing)
    doc = None
    for f in report.findings:
        if f.doc != doc:
            doc = f.doc
            lines.append(doc)
        detail = f": {f.detail}" if f.detail else ""
        text = json.dumps(_clip(f.text), ensure_ascii=False)
        lines.append(f"  {f.measure:<13}{f.kind:<13}{text}{_where(f)}{detail}")
    return "\n".join(lines)
