"""Bad input loses nothing: each bad source is extracted right or rejected with a reason, the rest go on.

One folder holds every kind of bad input beside a good source; it is extracted
once (with the session model) and each case is checked on its own. Inputs too big
for the real model in a test (many chunks long, longer than `max_length`) run
through a blank English pipeline with an entity ruler: they test ingest, chunking
and offsets, not the model. Output folders that cannot be one: test_output_folder.py."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from conftest import ROOT, SOURCES
from typer.testing import CliRunner

from pipeline.cli import EXIT_LOCKED, EXIT_REJECTS, app
from pipeline.errors import OutputLockedError
from pipeline.output import read_jsonl
from pipeline.run.lock import output_lock
from pipeline.run.runner import extract
from pipeline.settings import Settings

CANADA = SOURCES / "canada-mexico-defence-relationship.txt"
# Real sentences of the first source, used to build the inputs below.
SENTENCES = (
    "In May 2011, the Department of National Defence (DND) and SEDENA established Staff Talks.",
    "The second trilateral meeting was hosted by Mexico on April 24, 2014.",
)

# name -> (bytes, None when it must be extracted, else the stage and a phrase of the reason)
BAD_INPUTS: dict[str, tuple[bytes, tuple[str, str] | None]] = {
    "invalid-utf8.txt": (b"The Canadian Armed Forces \x81\x8d in Mexico.\n", ("ingest", "invalid UTF-8")),
    "utf16-bom.txt": (("\n".join(SENTENCES) + "\n").encode("utf-16"), None),
    "empty.txt": (b"", ("ingest", "empty file")),
    "whitespace.md": (b" \n\t\r\n  \n", ("ingest", "whitespace only")),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ("ingest", "an image (PNG)")),
    "binary-nul.txt": (b"SQLite format 3\x00\x10\x00\x01\x01", ("ingest", "binary file")),
    "crlf.txt": (CANADA.read_bytes().replace(b"\n", b"\r\n"), None),
    "broken-yaml.md": (b"---\ndate: [2021-03-01\ntitle: Fact Sheet\n---\nMexico hosted.\n",
                       ("ingest", "broken YAML front matter")),
    "impossible-date.md": (b"---\ndate: 2021-02-30\ntitle: Readout\n---\nMexico hosted.\n",
                           ("ingest", "day is out of range for month")),
    "unclosed-front-matter.md": (b"---\ntitle: Fact Sheet\ndate: 2021-03-01\n\nMexico hosted the meeting.\n",
                                 ("ingest", "never closed")),
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, nlp, settings):
    """Every bad input beside a good source, a named pipe and a broken link, extracted once."""
    src = tmp_path_factory.mktemp("bad-src")
    shutil.copy(CANADA, src / "good.txt")
    for name, (data, _) in BAD_INPUTS.items():
        (src / name).write_bytes(data)
    os.mkfifo(src / "named-pipe.txt")
    (src / "broken-link.md").symlink_to(src / "deleted.md")
    out = tmp_path_factory.mktemp("bad-out")
    summary = extract(src, out, settings, nlp=nlp)
    return src, out, summary


def _documents(out: Path) -> dict[str, dict]:
    return {d["source"]: d for d in read_jsonl(out / "documents.jsonl")}


def _rejects(out: Path) -> dict[str, dict]:
    return {r["source"]: r for r in read_jsonl(out / "rejects.jsonl")}


@pytest.mark.parametrize("name", [n for n, (_, want) in BAD_INPUTS.items() if want])
def test_bad_input_is_rejected_with_stage_reason_and_hash(bad_run, name):
    src, out, _ = bad_run
    data, (stage, phrase) = BAD_INPUTS[name]
    reject = _rejects(out)[name]
    assert reject["stage"] == stage
    assert phrase in reject["reason"] and "\n" not in reject["reason"]
    assert reject["sha256"] == hashlib.sha256(data).hexdigest()
    assert name not in _documents(out)


@pytest.mark.parametrize(
    ("name", "phrase"), [("named-pipe.txt", "named pipe"), ("broken-link.md", "broken symbolic link")]
)
def test_entries_that_are_not_files_are_rejected_not_skipped_or_waited_on(bad_run, name, phrase):
    _, out, _ = bad_run
    reject = _rejects(out)[name]
    assert phrase in reject["reason"] and reject["sha256"] is None


def test_good_source_is_still_extracted_beside_the_bad_ones(bad_run, extracted):
    _, out, summary = bad_run
    ref, _ = extracted
    good = [r for r in read_jsonl(out / "dates.jsonl") if r["doc_id"] == "good"]
    canada = [r for r in read_jsonl(ref / "dates.jsonl") if r["doc_id"] == CANADA.stem]
    assert [(r["text"], r["value"]) for r in good] == [(r["text"], r["value"]) for r in canada]
    assert len(summary.rejects) == sum(1 for _, want in BAD_INPUTS.values() if want) + 2


def test_utf16_with_bom_is_extracted_with_offsets_into_the_decoded_text(bad_run):
    src, out, _ = bad_run
    text = (src / "utf16-bom.txt").read_text(encoding="utf-16")
    dates = [r for r in read_jsonl(out / "dates.jsonl") if r["doc_id"] == "utf16-bom"]
    found = {(r["text"], r["value"]) for r in dates}
    assert found >= {("May 2011", "2011-05"), ("April 24, 2014", "2014-04-24")}
    for r in dates:
        assert text[r["start"]:r["end"]] == r["text"]


def test_crlf_source_gives_the_same_records_with_offsets_into_the_crlf_text(bad_run):
    src, out, _ = bad_run
    stored = (src / "crlf.txt").read_bytes().decode("utf-8")
    assert "\r\n" in stored
    by_doc: dict[str, list] = {"crlf": [], "good": []}
    for r in read_jsonl(out / "dates.jsonl"):
        if r["doc_id"] in by_doc:
            by_doc[r["doc_id"]].append((r["text"].replace("\r", ""), r["value"]))
        if r["doc_id"] == "crlf":
            assert stored[r["start"]:r["end"]] == r["text"]
    orgs = {}
    for r in read_jsonl(out / "organizations.jsonl"):
        if r["doc_id"] == "crlf":
            for m in r["mentions"]:
                assert stored[m["start"]:m["end"]] == m["text"]
        orgs.setdefault(r["doc_id"], set()).add(r["org_id"])
    assert by_doc["crlf"] == by_doc["good"] and by_doc["good"]
    assert orgs["crlf"] == orgs["good"]


def test_cli_names_each_rejected_file_on_one_line_and_exits_non_zero(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(SENTENCES[1] + "\n", encoding="utf-8")
    for name in ("invalid-utf8.txt", "empty.txt", "binary.txt"):
        (src / name).write_bytes(BAD_INPUTS[name][0])
    result = CliRunner().invoke(app, ["extract", str(src), "--out", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == EXIT_REJECTS
    lines = [ln for ln in result.output.splitlines() if ln.startswith("rejected ")]
    assert sorted(ln.split(":")[0] for ln in lines) == [
        "rejected binary.txt", "rejected empty.txt", "rejected invalid-utf8.txt"]
    assert '"doc_id":"good"' in (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8")


def test_unreadable_file_is_rejected_by_a_real_unprivileged_run(tmp_path):
    """chmod 000 does not stop root: as root the CLI runs without the capabilities that bypass it."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(SENTENCES[1] + "\n", encoding="utf-8")
    secret = src / "secret.txt"
    secret.write_text("Mexico hosted.\n", encoding="utf-8")
    secret.chmod(0)
    command = [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(tmp_path / "out"),
               "--no-progress"]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root and setpriv (util-linux) is missing")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", *command]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == EXIT_REJECTS, result.stderr
    assert "rejected secret.txt: cannot read: Permission denied" in result.stderr
    assert _rejects(tmp_path / "out")["secret.txt"]["stage"] == "ingest"
    assert [d["doc_id"] for d in read_jsonl(tmp_path / "out" / "documents.jsonl")] == ["good"]


def _ruler_nlp(max_length: int | None = None):
    """A blank English pipeline whose entity ruler finds the names and dates of SENTENCES."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "ORG", "pattern": "Department of National Defence"},
        {"label": "DATE", "pattern": "April 24, 2014"},
    ])
    if max_length:
        nlp.max_length = max_length
    return nlp


@pytest.mark.parametrize(
    ("name", "text", "max_length"),
    [
        # no line break at all, ten times the chunk size: cut into pieces at sentence ends
        # (memory and speed on 5 MB are the benchmark's business)
        ("one-line.txt", " ".join(SENTENCES * 1_000), None),
        # longer than the pipeline's max_length, in paragraphs: cut at paragraph breaks
        ("long.txt", "\n\n".join(SENTENCES * 200), 5_000),
    ],
)
def test_long_text_is_processed_in_pieces_with_offsets_into_the_whole(tmp_path, name, text, max_length):
    src = tmp_path / "src"
    src.mkdir()
    (src / name).write_text(text, encoding="utf-8")
    nlp = _ruler_nlp(max_length)
    assert len(text) > min(nlp.max_length, Settings().max_chunk_chars)
    summary = extract(src, tmp_path / "out", Settings(), nlp=nlp)
    assert summary.rejects == [] and summary.documents == 1
    (org,) = read_jsonl(tmp_path / "out" / "organizations.jsonl")
    # every long form and every acronym it defines, "(DND)", is a mention of the one record
    assert len(org["mentions"]) == text.count("Department of National Defence") + text.count("(DND)")
    assert {text[m["start"]:m["end"]] for m in org["mentions"]} == {"Department of National Defence", "DND"}
    dates = read_jsonl(tmp_path / "out" / "dates.jsonl")
    # the date rules find "May 2011" without the model, the ruler finds "April 24, 2014"
    assert len(dates) == text.count("April 24, 2014") + text.count("May 2011")
    assert all(text[d["start"]:d["end"]] == d["text"] for d in dates)
    assert {d["value"] for d in dates} == {"2014-04-24", "2011-05"}


def test_real_model_in_small_pieces_keeps_offsets_and_values(tmp_path, nlp, extracted):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(CANADA, src / CANADA.name)
    extract(src, tmp_path / "out", Settings(max_chunk_chars=1_500), nlp=nlp)
    text = CANADA.read_text(encoding="utf-8")
    dates = read_jsonl(tmp_path / "out" / "dates.jsonl")
    for r in dates:
        assert text[r["start"]:r["end"]] == r["text"]
    whole = {(r["start"], r["value"]) for r in read_jsonl(extracted[0] / "dates.jsonl")
             if r["doc_id"] == CANADA.stem}
    found = {(r["text"], r["value"]) for r in dates}
    assert found >= {("May 2011", "2011-05"), ("April 24, 2014", "2014-04-24")}
    assert len({(r["start"], r["value"]) for r in dates} & whole) >= 0.8 * len(whole)


def test_an_extractor_failure_rejects_that_document_only(tmp_path, nlp, monkeypatch):
    """A bug that raises on one text (here: a planted one) costs that document, not the run."""
    from pipeline import dates

    real = dates.find

    def find(chunk, dct):
        if "SEDENA" in chunk.text:
            raise IndexError("planted failure")
        return real(chunk, dct)

    monkeypatch.setattr(dates, "find", find)
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SENTENCES[0] + "\n", encoding="utf-8")
    (src / "b.txt").write_text(SENTENCES[1] + "\n", encoding="utf-8")
    summary = extract(src, tmp_path / "out", Settings(), nlp=nlp)
    assert [(r.source, r.stage, r.reason) for r in summary.rejects] == [
        ("a.txt", "extract", "IndexError: planted failure")]
    assert [d["doc_id"] for d in read_jsonl(tmp_path / "out" / "documents.jsonl")] == ["b"]


def test_an_interrupted_run_leaves_the_previous_output_whole(tmp_path, nlp, settings):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SENTENCES[0] + "\n", encoding="utf-8")
    (src / "b.txt").write_text(SENTENCES[1] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    extract(src, out, settings, nlp=nlp)
    before = {p.name: p.read_bytes() for p in out.glob("*.jsonl")}
    (src / "c.txt").write_text("Mexico hosted the meeting in 2012.\n", encoding="utf-8")

    def interrupt_after_one(results):
        for n, item in enumerate(results):
            if n == 1:
                raise KeyboardInterrupt
            yield item

    with pytest.raises(KeyboardInterrupt):
        extract(src, out, Settings(use_cache=False), nlp=nlp,
                progress=interrupt_after_one)
    assert {p.name: p.read_bytes() for p in out.glob("*.jsonl")} == before
    assert list(out.glob(".*.tmp")) == []


def test_temporaries_left_by_a_killed_run_are_removed(tmp_path, nlp, settings):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SENTENCES[1] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".dates.jsonl.k1ll3d.tmp").write_text('{"half":', encoding="utf-8")
    extract(src, out, settings, nlp=nlp)
    assert list(out.glob(".*.tmp")) == []


def test_a_second_run_on_a_locked_folder_stops_with_a_clear_message(tmp_path, nlp, settings):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SENTENCES[1] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    with output_lock(out):
        with pytest.raises(OutputLockedError, match=rf"in use by another extraction \(pid {os.getpid()}\)"):
            extract(src, out, settings, nlp=nlp, wait=False)
    assert not (out / "documents.jsonl").exists()


def test_a_second_run_waits_for_the_first_then_writes(tmp_path, nlp, settings):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SENTENCES[1] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    first = output_lock(out)
    first.__enter__()
    waited = []

    def on_wait(holder: str) -> None:
        # the first run ends while the second waits
        waited.append(holder)
        first.__exit__(None, None, None)

    summary = extract(src, out, settings, nlp=nlp, wait=True, on_wait=on_wait)
    assert waited == [str(os.getpid())]
    assert summary.documents == 1


def test_cli_refuses_a_folder_another_process_is_writing(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SENTENCES[1] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path\n"
         "from pipeline.run.lock import output_lock\n"
         f"with output_lock(Path({str(out)!r})):\n    print('locked', flush=True); sys.stdin.read()"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = CliRunner().invoke(
            app, ["extract", str(src), "--out", str(out), "--no-progress", "--no-wait"])
        assert result.exit_code == EXIT_LOCKED
        assert f"in use by another extraction (pid {holder.pid})" in result.output
    finally:
        holder.communicate("", timeout=60)
    assert not (out / "documents.jsonl").exists()


# Every compiled regex of the package, and the functions built on them, on adversarial text.
# Run in a child process that the test kills after a generous limit: a super-linear pattern
# on 100,000 characters takes minutes (billions of steps), a linear one milliseconds.
_SWEEP = r'''
import importlib, pkgutil, re, sys
import pipeline
from pipeline.errors import SourceError
from pipeline.ingest import cleaning, metadata
from pipeline.organizations import linking
from pipeline.organizations import names as org_rules
from pipeline.organizations import spans as org_spans
from pipeline.dates import detect as dates
n = 100_000
texts = {
    "capitals": "A" * n, "capitals+dot": "A." * (n // 2), "brackets(": "(" * n, "brackets[": "[" * n,
    "brackets]": "](" * (n // 2), "digits": "1" * n, "digit,": "1," * (n // 2), "spaces": " " * n + "x",
    "tabs": "\t" * n + "x", "newlines": "\n" * n, "lines": "a\n" * (n // 2), "dashes": "-" * n,
    "stars": "*" * n, "underscores": "_" * n, "hashes": "#" * n, "angle": "<a" * (n // 2),
    "possessive": "'s" * (n // 2), "punct": " ,.;:-" * (n // 6) + "x", "fence": "---\n" + "\n---x" * (n // 5),
    "words": "The Department " * (n // 15), "cr": "\r" * n, "crlf": "\r\n" * (n // 2),
}
patterns = []
for info in pkgutil.walk_packages(pipeline.__path__, "pipeline."):
    if info.name == "pipeline.__main__":  # runs the CLI
        continue
    module = importlib.import_module(info.name)
    for attr, value in vars(module).items():
        if isinstance(value, re.Pattern):
            patterns.append((f"{info.name}.{attr}", value))
for label, pattern in patterns:
    for kind, text in texts.items():
        print(label, kind, flush=True)
        pattern.search(text); pattern.match(text); sum(1 for _ in pattern.finditer(text))
for kind, text in texts.items():
    print("functions", kind, flush=True)
    source = metadata.Source("x", "x", "0" * 64, text, None, None, 0)
    cleaning.clean(source)
    metadata.parse_date_line(text)
    metadata.header_metadata(text, 0)
    try:
        metadata.split_front_matter("---\n" + text, "x")
    except SourceError:
        pass
    org_rules.trim_name(0, len(text), text)
    org_rules.non_org_reason(text[:2000], text, text)
    org_spans.untagged_names(text, [])
    linking.slug(text)
    dates.trim_entity(0, len(text), text)
    dates._candidates(text)  # the text scan of the date grammar
print("ok", len(patterns), flush=True)
'''


def test_no_regex_is_super_linear_on_adversarial_text():
    try:
        result = subprocess.run([sys.executable, "-c", _SWEEP], cwd=ROOT, capture_output=True, text=True,
                                timeout=120)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        pytest.fail(f"super-linear on: {out.strip().splitlines()[-1]}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("ok ")
    assert int(result.stdout.split()[-1]) >= 10  # the sweep found the package's patterns
