"""How big and how slow the report is on a corpus, and a synthetic corpus of any size to ask that of.

`python -m pipeline.report.bench --documents 5000` measures the report of `output/`
and of a synthetic output of 5,000 documents made from it (`synthesize`): each copy
of a document keeps its source text (so texts cost what real ones do), its dates
are moved by whole years and its organizations get one of 40 variant ids, so the
timeline spreads over decades and the network has thousands of candidate nodes,
as a real corpus of that size would. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path

from pipeline.report import ReportSettings, build_report
from pipeline.report.inputs import RECORD_FILES, read_output

_YEAR = re.compile(r"^(\d{4})")
ORG_VARIANTS = 40


def _shift_year(value: object, years: int) -> object:
    if not isinstance(value, str):
        return value
    return _YEAR.sub(lambda m: f"{int(m[1]) + years:04d}", value)


def _variant(org_id: object, k: int) -> object:
    return f"{org_id}-v{k % ORG_VARIANTS}" if isinstance(org_id, str) else org_id


def _copy(row: dict, kind: str, k: int) -> dict:
    """One record of copy `k`: its own doc_id, dates moved by whole years, an org variant."""
    row = json.loads(json.dumps(row))
    years = (k % 31) - 15
    row["doc_id"] = f"{row['doc_id']}--{k:05d}"
    if kind == "documents" and isinstance(row.get("title"), str):
        row["title"] = f"{row['title']} (copy {k})"
    if kind == "organizations":
        row["org_id"] = _variant(row.get("org_id"), k)
    if kind == "dates":
        row["value"] = _shift_year(row.get("value"), years)
        for edge in ("earliest", "latest"):
            if edge in row:
                row[edge] = _shift_year(row[edge], years)
    if kind == "events":
        if isinstance(row.get("date"), dict):
            row["date"]["value"] = _shift_year(row["date"].get("value"), years)
        for participant in row.get("participants") or []:
            participant["org_id"] = _variant(participant.get("org_id"), k)
    return row


def synthesize(base_out: Path, dest: Path, documents: int) -> Path:
    """An output folder of `documents` documents made of renamed, shifted copies of `base_out`'s."""
    base = read_output(base_out)
    if not base.documents:
        raise ValueError(f"{base_out} has no documents to copy")
    dest.mkdir(parents=True, exist_ok=True)
    by_doc = {kind: {} for kind in RECORD_FILES}
    for kind in RECORD_FILES:
        for row in getattr(base, kind):
            by_doc[kind].setdefault(row["doc_id"], []).append(row)
    handles = {kind: (dest / f"{kind}.jsonl").open("w", encoding="utf-8") for kind in RECORD_FILES}
    try:
        for n in range(documents):
            k, doc = divmod(n, len(base.documents))
            doc_id = base.documents[doc]["doc_id"]
            for kind in RECORD_FILES:
                for row in by_doc[kind].get(doc_id, []):
                    handles[kind].write(json.dumps(_copy(row, kind, k), ensure_ascii=False) + "\n")
    finally:
        for handle in handles.values():
            handle.close()
    (dest / "rejects.jsonl").write_text("", encoding="utf-8")
    return dest


def measure(out_dir: Path, sources_dir: Path, settings: ReportSettings | None = None) -> dict:
    """Build the report of an output folder: its path, size in bytes, wall and CPU seconds.

    CPU time is reported beside wall time because on a shared machine the wall time
    mostly measures the neighbours.
    """
    started, cpu = time.perf_counter(), time.process_time()
    path = build_report(out_dir, sources_dir, settings=settings)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"path": str(path), "bytes": path.stat().st_size, "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2), "documents": len(read_output(out_dir).documents)}


def _line(label: str, result: dict) -> str:
    return (f"{label}: {result['documents']} documents -> {result['bytes'] / 1e6:.1f} MB "
            f"in {result['seconds']:.1f} s ({result['cpu_seconds']:.1f} s CPU) ({result['path']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("output"), help="output folder to measure and copy")
    parser.add_argument("--sources", type=Path, default=Path("sources"))
    parser.add_argument("--documents", type=int, default=5000, help="size of the synthetic corpus")
    parser.add_argument("--work", type=Path, default=Path("build/report-bench"), help="where it is made")
    args = parser.parse_args(argv)
    print(_line("committed output", measure(args.out, args.sources)))
    if args.work.exists():
        shutil.rmtree(args.work)
    synthetic = synthesize(args.out, args.work, args.documents)
    print(_line("synthetic output", measure(synthetic, args.sources)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
