"""`pipeline report` and `pipeline export` from the command line: help, files written, one-line errors."""

from __future__ import annotations

import pytest
from conftest import COMMITTED_OUTPUT, SOURCES
from typer.testing import CliRunner

from pipeline.cli import EXIT_ERROR, app

runner = CliRunner()


@pytest.mark.parametrize("command", ["report", "export"])
def test_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and "Exit status 2" in result.output


def test_report_writes_one_html_file(tmp_path):
    dest = tmp_path / "r.html"
    args = ["report", str(COMMITTED_OUTPUT), "--sources", str(SOURCES), "--to", str(dest)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert dest.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert str(dest) in result.output


def test_export_writes_csv(tmp_path):
    result = runner.invoke(app, ["export", str(COMMITTED_OUTPUT), "--format", "csv", "--to", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "event_participants.csv").is_file()


@pytest.mark.parametrize("command", [["report"], ["export", "--format", "parquet"]])
@pytest.mark.parametrize(
    ("folder", "message"), [("missing", "does not exist"), ("empty", "not an output folder")]
)
def test_bad_output_folder_is_one_line_and_exit_2(tmp_path, command, folder, message):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, [command[0], str(tmp_path / folder), *command[1:]])
    assert result.exit_code == EXIT_ERROR
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
