"""Incremental runs: unchanged sources cost no model time, and the output is the same bytes as a full run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import EXPECTED, OUTPUT_FILES, ROOT, SOURCES, copy_corpus

from pipeline.run import schedule
from pipeline.run.cache import CACHE_DIR, document_key, run_fingerprint
from pipeline.run.runner import extract
from pipeline.settings import Settings

CANADA = "canada-mexico-defence-relationship.txt"
NATO = "wh-2021-06-13-fact-sheet-nato-summit-revitalizing-the-transatlantic-alliance.md"
UKRAINE = "wh-2022-03-16-fact-sheet-on-u-s-security-assistance-for-ukraine.md"


@pytest.fixture
def loads(monkeypatch, nlp) -> list[Settings]:
    """Model loads of the runs below: `build_nlp` hands out the session model and records each call."""
    calls: list[Settings] = []

    def build_nlp(settings: Settings):
        calls.append(settings)
        return nlp

    monkeypatch.setattr(schedule, "load_model", build_nlp)
    return calls


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.jsonl").read_bytes() for name in OUTPUT_FILES}


def _cache_entries(out: Path) -> list[Path]:
    return sorted((out / CACHE_DIR).glob("*/*.json"))


def test_rerun_on_unchanged_sources_loads_no_model_and_writes_the_same_bytes(tmp_path, loads, settings):
    src, out = copy_corpus(tmp_path)
    first = extract(src, out, settings)
    assert (len(loads), first.cached, first.model_loaded) == (1, 0, True)
    second = extract(src, out, settings)
    assert (len(loads), second.cached, second.model_loaded) == (1, 8, False)
    assert _outputs(out) == {name: (EXPECTED / f"{name}.jsonl").read_bytes() for name in OUTPUT_FILES}


def test_added_changed_and_removed_sources_give_the_bytes_of_a_full_run(tmp_path, loads, settings):
    src, out, full = tmp_path / "src", tmp_path / "out", tmp_path / "full"
    shutil.copytree(SOURCES, src)
    extract(src, out, settings)
    # added: a new document; changed: text appended, and a sidecar title beside another; removed: one
    (src / "new" / "readout.txt").parent.mkdir()
    (src / "new" / "readout.txt").write_text(
        "Canada and Mexico held the seventh round of Political-Military Talks in December 2013.\n",
        encoding="utf-8")
    with (src / NATO).open("a", encoding="utf-8") as fh:
        fh.write("\nThe Alliance will meet again in Madrid in June 2022.\n")
    (src / (CANADA + ".meta.yaml")).write_text("title: Canada and Mexico\n", encoding="utf-8")
    (src / UKRAINE).unlink()
    incremental = extract(src, out, settings)
    assert incremental.cached == 5  # 8 - changed - sidecar - removed
    extract(src, full, Settings(use_cache=False))
    assert _outputs(out) == _outputs(full)
    assert '"title":"Canada and Mexico"' in _outputs(out)["documents"].decode()
    assert len(_cache_entries(out)) == 8  # the removed and the two stale entries were pruned


def test_a_damaged_cache_entry_is_a_miss_not_an_error(tmp_path, loads, settings):
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(SOURCES, src)
    extract(src, out, settings)
    before = _outputs(out)
    for n, entry in enumerate(_cache_entries(out)):
        entry.write_bytes([b"", b'{"format": 1, "lines": [', b"\xff\xfe", b'{"lines": {}}'][n % 4])
    again = extract(src, out, settings)
    assert again.cached == 0 and _outputs(out) == before


def test_run_served_from_the_cache_never_imports_spacy(tmp_path, loads, settings):
    src, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(SOURCES, src)
    extract(src, out, settings)
    script = ("import sys; from pathlib import Path; from pipeline.run.runner import extract\n"
              f"s = extract(Path({str(src)!r}), Path({str(out)!r}))\n"
              "print(s.cached, s.model_loaded, 'spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.split() == ["8", "False", "False"], result.stderr


BASE = dict(run="r", source="a.txt", sha256="0" * 64, sidecar=None, default_published=None)


@pytest.mark.parametrize(
    "change",
    [
        {"run": "other pipeline, model or settings"},
        {"source": "b.txt"},  # the path is in the records (doc_id, source)
        {"sha256": "1" * 64},
        {"sidecar": b"title: x\n"},
        {"default_published": date(2014, 4, 26)},
    ],
)
def test_every_input_of_a_document_is_in_its_key(change):
    assert document_key(**{**BASE, **change}) != document_key(**BASE)


def test_settings_that_change_results_are_in_the_run_fingerprint_and_others_not():
    base = run_fingerprint(Settings())
    assert run_fingerprint(Settings(max_chunk_chars=5_000)) != base
    assert run_fingerprint(Settings(model="en_core_web_md")) != base
    assert run_fingerprint(Settings(batch_size=64, docs_per_task=1, workers=2)) == base
    assert run_fingerprint(Settings(), model="en_blank-0.0.0 [entity_ruler]") != base
