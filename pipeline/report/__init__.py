"""The analyst's report: one self-contained HTML file (timeline, network, documents) from an output folder.

`build_report(out_dir, sources_dir)` is the one entry, called by `python -m pipeline
report` and by the benchmark. Reading (`inputs`), shaping (`data`, `intervals`,
`layout`) and the page (`page`) are separate so each can be tested alone; the page's
view code lives in `static/`.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.output import replaced_atomically
from pipeline.report.data import ReportSettings, build_model
from pipeline.report.inputs import read_output, read_texts
from pipeline.report.page import render_page

REPORT_NAME = "report.html"

__all__ = ["REPORT_NAME", "ReportSettings", "build_report", "render_report"]


def render_report(out_dir: Path, sources_dir: Path, settings: ReportSettings | None = None) -> str:
    """The report page for an output folder, as a string (raises OutputFolderError if it is not one)."""
    records = read_output(out_dir)
    model = build_model(records, read_texts(records, out_dir, sources_dir), settings)
    return render_page(model)


def build_report(
    out_dir: Path,
    sources_dir: Path = Path("sources"),
    dest: Path | None = None,
    settings: ReportSettings | None = None,
) -> Path:
    """Write the report (by default OUT/report.html) and return its path.

    Written under a temporary name and renamed into place, like the JSON Lines files,
    so a browser that has the old report open never reads a half-written one.
    """
    out_dir, sources_dir = Path(out_dir), Path(sources_dir)
    html = render_report(out_dir, sources_dir, settings)
    dest = Path(dest) if dest is not None else out_dir / REPORT_NAME
    dest.parent.mkdir(parents=True, exist_ok=True)
    with replaced_atomically(dest) as tmp:
        tmp.write_text(html, encoding="utf-8", newline="\n")
    return dest
