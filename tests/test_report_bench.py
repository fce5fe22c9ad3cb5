"""The report benchmark's synthetic corpus: as many documents as asked, renamed, with shifted dates."""

from __future__ import annotations

from conftest import COMMITTED_OUTPUT, SOURCES

from pipeline.report.bench import measure, synthesize
from pipeline.report.inputs import read_output


def test_synthetic_output_has_the_asked_size_and_distinct_documents(tmp_path):
    out = synthesize(COMMITTED_OUTPUT, tmp_path / "synthetic", 20)
    records = read_output(out)
    assert len(records.documents) == 20 == len({d["doc_id"] for d in records.documents})
    assert {e["doc_id"] for e in records.events} <= {d["doc_id"] for d in records.documents}
    copy = next(e for e in records.events if e["doc_id"] == "canada-mexico-defence-relationship--00001")
    assert copy["date"]["value"] == "1992"  # 2006 moved by the copy's shift of -14 years


def test_measure_reports_size_and_time(tmp_path):
    out = synthesize(COMMITTED_OUTPUT, tmp_path / "synthetic", 10)
    result = measure(out, SOURCES)
    assert result["documents"] == 10 and result["bytes"] > 1_000_000 and result["seconds"] > 0
