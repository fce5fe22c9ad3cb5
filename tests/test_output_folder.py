"""An output folder that cannot be one: one line on stderr, exit status 2, nothing half-written.

A file given as `--out`, a folder without write permission, a read-only
disk. Root ignores permissions, so those runs drop the capabilities that
bypass them (`setpriv`, as in test_robustness.py), and the read-only disk is
a read-only bind mount in a private mount namespace (`unshare`), skipped
where the machine allows neither.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pipeline.cli import EXIT_ERROR, app
from pipeline.errors import OutputError
from pipeline.run import lock
from pipeline.run.runner import extract

SENTENCE = "The second trilateral meeting was hosted by Mexico on April 24, 2014.\n"


def _sources(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SENTENCE, encoding="utf-8")
    return src


def _cli(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(out), "--no-progress"]


@pytest.mark.parametrize("out_name", ["out.txt", "out.txt/sub"])
def test_a_file_as_out_is_one_line_and_exit_2(tmp_path, out_name):
    src = _sources(tmp_path)
    (tmp_path / "out.txt").write_text("keep me\n", encoding="utf-8")
    out = tmp_path / out_name
    result = CliRunner().invoke(app, ["extract", str(src), "--out", str(out), "--no-progress"])
    assert result.exit_code == EXIT_ERROR
    (line,) = result.output.strip().splitlines()
    assert line in (f"error: {out} is a file, not a folder: give --out a folder",
                    f"error: cannot create the output folder {out}: Not a directory")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "keep me\n"


def test_a_folder_without_write_permission_is_one_line_and_exit_2(tmp_path):
    src = _sources(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    command = _cli(src, out)
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root and setpriv (util-linux) is missing")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", *command]
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    finally:
        out.chmod(0o755)
    assert result.returncode == EXIT_ERROR, result.stderr
    assert result.stderr.splitlines() == [f"error: cannot write to {out}: Permission denied"]
    assert list(out.iterdir()) == []


def _read_only_mount(folder: Path) -> list[str] | None:
    """A command prefix that runs a command with `folder` read-only, or None where that is not allowed."""
    unshare = shutil.which("unshare")
    if not unshare:
        return None
    mount = f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}'"
    probe = subprocess.run([unshare, "-m", "sh", "-c", mount], capture_output=True, timeout=60)
    if probe.returncode != 0:
        return None
    return [unshare, "-m", "sh", "-c", f'{mount} && exec "$@"', "sh"]


def test_a_read_only_disk_is_one_line_and_exit_2(tmp_path):
    src = _sources(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    prefix = _read_only_mount(out)
    if prefix is None:
        pytest.skip("no private mount namespace here (unshare -m needs privileges)")
    result = subprocess.run([*prefix, *_cli(src, out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == EXIT_ERROR, result.stderr
    assert result.stderr.splitlines() == [f"error: cannot write to {out}: Read-only file system"]
    assert list(out.iterdir()) == []


def test_library_raises_a_typed_error_the_cli_maps(tmp_path, monkeypatch):
    """Library code raises OutputError; only the CLI turns it into a message and an exit status."""
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(lock.os, "open", read_only)
    with pytest.raises(OutputError, match="Read-only file system"):
        extract(_sources(tmp_path), tmp_path / "out")
