"""Output: JSON Lines files written atomically, and the published JSON Schemas.

Each file is written to a temporary name in the target folder and renamed into
place only when complete, so a crash never leaves a half-written file and a
reader never sees one. Records are serialized to lines where they are made
(possibly in a worker process, or read back from the cache) and written here
as text, so every path to a line gives the same bytes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import jsonlines
from pydantic import BaseModel

from pipeline.records import OUTPUT_MODELS, RejectRecord


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def record_line(record: BaseModel) -> str:
    """One record as its JSON Lines line (without the newline): the bytes every writer uses."""
    return _dumps(record.model_dump(mode="json"))


class AtomicJsonl:
    """A JSON Lines writer whose file appears under its final name only on `commit()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self._tmp = Path(tmp)
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write_line(self, line: str) -> None:
        """A line made by `record_line` (here, in a worker, or read from the cache)."""
        self._fh.write(line + "\n")

    def commit(self) -> None:
        self._fh.close()
        os.chmod(self._tmp, 0o644)
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        self._fh.close()
        self._tmp.unlink(missing_ok=True)


def remove_stale_temporaries(out_dir: Path, names: Iterable[str]) -> list[Path]:
    """Temporary files a killed run left behind; call only while holding the output lock."""
    stale = [p for name in names for p in out_dir.glob(f".{name}.jsonl.*.tmp")]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


@contextmanager
def open_outputs(out_dir: Path, names: Iterable[str]) -> Iterator[dict[str, AtomicJsonl]]:
    """Writers for several files that are all committed together, or all abandoned on error."""
    writers: dict[str, AtomicJsonl] = {}
    try:
        for name in names:
            writers[name] = AtomicJsonl(out_dir / f"{name}.jsonl")
        yield writers
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    for w in writers.values():
        w.commit()


def read_jsonl(path: Path) -> list[dict]:
    """Every row of a JSON Lines file (for tests and consumers in Python)."""
    with jsonlines.open(path) as reader:
        return list(reader)


def write_schemas(out_dir: Path) -> list[Path]:
    """The JSON Schema of every output file, named after it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in {**OUTPUT_MODELS, "rejects": RejectRecord}.items():
        path = out_dir / f"{name}.schema.json"
        schema = model.model_json_schema()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)
        written.append(path)
    return written
