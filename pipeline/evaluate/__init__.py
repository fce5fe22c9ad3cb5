"""Evaluation: how well an output folder matches gold annotations of its documents.

An analyst annotates a few of their own documents (`docs: README.md`, "Measure
and correct on your own documents") and scores the pipeline's output against
them with `pipeline evaluate OUT GOLD_DIR`. The measures are those of the
shared reference scorer, so figures on the dev set agree with it.

`evaluate()` chains the parts: read the output (`system`), read and validate
the gold (`gold`), place its strings in each document's text (`locate`),
score each document (`measures`) and sum (`report`).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import GoldError
from pipeline.evaluate.gold import GoldFile, gold_paths, parse_gold
from pipeline.evaluate.locate import resolve
from pipeline.evaluate.measures import Tally, score_document
from pipeline.evaluate.report import Report
from pipeline.evaluate.system import Output, document_text, find_document, read_output, same_name

__all__ = ["Report", "evaluate"]


def _missing_note(path: str, gold: GoldFile, output: Output) -> str:
    """Why a gold file's document was not found, and what that means for the figures."""
    if gold.sha256 is not None:
        what = f"no document has sha256 {gold.sha256[:12]}..."
        renamed = same_name(output.documents, gold)
        if renamed is not None:
            what += f" ({renamed.source} has changed since it was annotated)"
    else:
        what = f"no document {gold.doc_id or gold.file}"
    return f"{path}: {what} in {output.folder / 'documents.jsonl'}; its items count as misses"


def _score(path: str, output: Output, sources: Path) -> tuple[Tally, str | None]:
    """One gold file read, placed in its document's text and scored; and why its document is missing."""
    gold = parse_gold(Path(path).read_bytes(), path)
    doc = find_document(output.documents, gold)
    text, why = document_text(doc, gold, output.folder, sources)
    doc_id = doc.doc_id if doc is not None else None
    resolved = resolve(gold, path, doc_id, text, why)
    if doc_id is None:
        return score_document(resolved, (), (), (), Path(path).name), _missing_note(path, gold, output)
    tally = score_document(
        resolved,
        output.organizations.get(doc_id, ()),
        output.dates.get(doc_id, ()),
        output.events.get(doc_id, ()),
        doc_id,
    )
    return tally, None


def evaluate(out_dir: Path, gold_dir: Path, sources: Path = Path("sources")) -> Report:
    """Score the output folder `out_dir` against every `*.gold.json` of `gold_dir`.

    `sources` is where the documents' sources are, needed to look up gold
    written as strings (and used to check gold offsets against the text).
    Raises GoldError listing every bad item of every gold file, and
    EvaluationError when `out_dir` is not an output folder.
    """
    output = read_output(out_dir)
    paths = gold_paths(gold_dir)
    tallies: list[Tally] = []
    missing: list[str] = []
    problems: list[str] = []
    for path in paths:
        try:
            tally, note = _score(str(path), output, sources)
        except GoldError as exc:  # go on: one run lists the problems of every file
            problems.extend(exc.problems)
            continue
        tallies.append(tally)
        if note is not None:
            missing.append(note)
    if problems:
        raise GoldError(problems)
    total = sum(tallies, Tally(""))
    return Report(
        counts=total.counts, findings=tuple(total.findings), documents=len(paths), missing=tuple(missing)
    )
