"""Reading source files: which paths are sources, their bytes, and their text.

The text is kept exactly as stored (decoded, newlines untouched) because every
offset the pipeline writes indexes it. Anything that cannot be read as text is
a SourceError naming the file and the reason, so it is rejected, never skipped:
that is why every file under the folder is a source, whatever its suffix
(formats.py reads it or says why not).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pipeline.errors import SourceError
from pipeline.ingest.text import decode_text

# `NAME.meta.yaml` beside a source holds its metadata: it is no source itself.
SIDECAR_SUFFIX = ".meta.yaml"
# A source larger than this is rejected rather than read: it would not be prose.
MAX_SOURCE_BYTES = 64 * 1024 * 1024  # the default of Settings.max_source_bytes


def discover(root: Path) -> list[Path]:
    """Every file under `root`, recursively, in a stable order: each is extracted or rejected.

    Whatever is not a folder is listed, even a broken link, a pipe or an image,
    so that it is rejected with a reason instead of silently skipped. Hidden
    entries (editor swap files, `.DS_Store`, a `.git` folder) and sidecars
    (`NAME.meta.yaml`) are not sources.
    """
    if not root.is_dir():
        raise SourceError(str(root), "not a directory")
    return sorted(
        p for p in root.rglob("*")
        if not any(part.startswith(".") for part in p.relative_to(root).parts)
        and not p.name.endswith(SIDECAR_SUFFIX) and not p.is_dir()
    )


def doc_id_for(path: Path, root: Path) -> str:
    """The path under the sources folder, without its suffix: stable across runs."""
    return path.relative_to(root).with_suffix("").as_posix()


def id_clashes(paths: list[Path], root: Path) -> dict[Path, str]:
    """Each path whose document id an earlier path already has, with that earlier path.

    `report.html` and `report.pdf` would both be document `report`; the first
    in `discover`'s order keeps the id and the others are rejected, naming it,
    so no record is written twice under one id.
    """
    first: dict[str, Path] = {}
    clashes: dict[Path, str] = {}
    for path in paths:
        doc_id = doc_id_for(path, root)
        if doc_id in first:
            clashes[path] = first[doc_id].relative_to(root).as_posix()
        else:
            first[doc_id] = path
    return clashes


def decode(data: bytes, name: str) -> str:
    """The text of a plain-text source (see text.py for the encodings read)."""
    return decode_text(data, name).text


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "not a regular file"


def read_bytes(path: Path, name: str, max_bytes: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file; anything else (pipe, broken link, no permission) is a SourceError.

    The file is opened without blocking, so a named pipe is reported instead of
    hanging the run, and checked with fstat before a byte is read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if path.is_symlink() and not path.exists():
            raise SourceError(name, f"broken symbolic link to {os.readlink(path)}") from exc
        raise SourceError(name, f"cannot read: {exc.strerror or exc}") from exc
    with open(fd, "rb", closefd=True) as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(name, f"cannot read: {_file_kind(info.st_mode)}, not a regular file")
        if info.st_size > max_bytes:
            raise SourceError(name, f"too large: {info.st_size} bytes (limit {max_bytes})")
        try:
            return fh.read()
        except OSError as exc:
            raise SourceError(name, f"cannot read: {exc.strerror or exc}") from exc
