"""Per-document result cache: re-running on unchanged sources does no NLP work.

Users run `make extract` again and again as `sources/` grows; only new and
changed files should cost model time. Each document's output lines are
stored under OUT/.cache/ keyed by everything they depend on:

- the source: its path, the sha256 of its bytes, its sidecar's bytes, the
  `--published` default and where the sources folder is from the output folder
  (the path, date and `text_path` end up in the records);
- the pipeline: its version and a hash of every module and rule data file of
  the package, so an edited rule or function never serves stale records;
- the model and libraries: the installed versions of the spaCy model, spaCy,
  dateparser and the format readers (trafilatura, pdfminer.six...), read from
  package metadata so that a run served entirely from the cache never loads
  the model;
- the settings that change results (`RESULT_SETTINGS`).

Lines are stored exactly as written, so a re-run's output is byte-identical
to a full run. A cache file that cannot be read is a miss, never an error;
entries that no current source used are pruned at the end of a run.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import date
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import pipeline
from pipeline.settings import Settings

CACHE_DIR = ".cache"
FORMAT = 1
# Settings that change what is extracted; the others (batch sizes, workers) do not.
RESULT_SETTINGS = ("model", "max_chunk_chars")
# Libraries whose version can change a record: the model's, the dates', and the readers of formats.
LIBRARIES = ("spacy", "dateparser", "trafilatura", "htmldate", "lxml", "pdfminer.six", "python-docx",
             "charset-normalizer")

Lines = dict[str, list[str]]


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not-installed"


@cache
def code_fingerprint() -> str:
    """A hash of every module and data file of the package, with its version."""
    h = hashlib.sha256(f"pipeline {pipeline.__version__}\n".encode())
    root = Path(str(resources.files("pipeline")))
    files = sorted(
        (path.relative_to(root).as_posix(), path)
        for path in root.rglob("*")
        if path.is_file() and path.suffix in (".py", ".json", ".jsonl") and "__pycache__" not in path.parts
    )
    for name, entry in files:
        h.update(f"{name}\n".encode())
        h.update(hashlib.sha256(entry.read_bytes()).digest())
    return h.hexdigest()


def run_fingerprint(settings: Settings, model: str | None = None, rules: str = "") -> str:
    """Everything outside the source that a document's records depend on.

    `model` describes a pipeline object passed in by the caller; by default the
    installed model package's version stands for it. `rules` is the fingerprint
    of the user's rules (the packaged ones are part of the code's).
    """
    parts = {
        "format": FORMAT,
        "code": code_fingerprint(),
        "model": model or f"{settings.model}=={_version(settings.model)}",
        "libraries": {name: _version(name) for name in LIBRARIES},
        "settings": {name: getattr(settings, name) for name in RESULT_SETTINGS},
        "rules": rules,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def document_key(
    run: str, source: str, sha256: str, sidecar: bytes | None, default_published: date | None,
    text_root: str = "",
) -> str:
    """The key of one document's results: the run's fingerprint and everything about the source.

    `text_root` (the sources folder seen from the output folder) is in the
    records' `text_path`, so extracting another copy of the sources into the same
    folder is a miss.
    """
    h = hashlib.sha256()
    for part in (
        run,
        source,
        sha256,
        hashlib.sha256(sidecar).hexdigest() if sidecar is not None else "-",
        default_published.isoformat() if default_published else "-",
        text_root,
    ):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


class ResultCache:
    """Output lines per document key, one small JSON file each under OUT/.cache/."""

    def __init__(self, out_dir: Path, enabled: bool = True) -> None:
        self.root = out_dir / CACHE_DIR
        self.enabled = enabled
        self.used: set[str] = set()
        self.hits = 0

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Lines | None:
        """The stored lines, or None when absent, unreadable or from another format."""
        if not self.enabled:
            return None
        try:
            stored = json.loads(self._path(key).read_bytes())
            lines = stored["lines"] if stored.get("format") == FORMAT else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if not isinstance(lines, dict):
            return None
        self.used.add(key)
        self.hits += 1
        return lines

    def put(self, key: str, lines: Lines) -> None:
        """Store atomically (temporary file, then rename); a failure only costs the next run time."""
        if not self.enabled:
            return
        path = self._path(key)
        self.used.add(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"format": FORMAT, "lines": lines}, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)

    def prune(self) -> int:
        """Delete entries no document of this run used (removed sources, old versions)."""
        if not self.enabled or not self.root.is_dir():
            return 0
        removed = 0
        for path in self.root.glob("*/*"):
            if path.name.removesuffix(".json") not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        for folder in self.root.iterdir():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return removed
