"""The command line: help for every command, exit codes, rejects named with their reason."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import SOURCES
from typer.testing import CliRunner

from pipeline.cli import EXIT_REJECTS, app

runner = CliRunner()


def _plain(output: str) -> str:
    """The message without the frame and wrapping that rich draws around errors."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


@pytest.mark.parametrize("command", [[], ["extract"], ["schema"]])
def test_every_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_missing_sources_folder_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "is not a folder" in _plain(result.output)


def test_bad_source_is_named_and_others_still_extracted(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SOURCES / "canada-mexico-defence-relationship.txt", src / "good.txt")
    (src / "bad.txt").write_bytes(b"caf\x81 au lait\n")  # no UTF-8, no Windows-1252
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(src), "--out", str(out), "--no-progress"])
    assert result.exit_code == EXIT_REJECTS
    assert "bad.txt" in result.output and "invalid UTF-8" in result.output
    assert '"doc_id":"good"' in (out / "documents.jsonl").read_text(encoding="utf-8")
    assert "bad.txt" in (out / "rejects.jsonl").read_text(encoding="utf-8")


def test_schema_command_writes_one_schema_per_file(tmp_path):
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dates.schema.json", "documents.schema.json", "events.schema.json",
        "organizations.schema.json", "rejects.schema.json",
    ]
