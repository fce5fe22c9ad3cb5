"""Output: JSON Lines files written atomically, and the published JSON Schemas.

Each file is written to a temporary name in the target folder and renamed into
place only when complete, so a crash never leaves a half-written file and a
reader never sees one. The same holds for the texts of converted sources
(OUT/texts/), which the offsets of their records index. Records are serialized
to lines where they are made (possibly in a worker process, or read back from
the cache) and written here as text, so every path to a line gives the same
bytes.
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

from pipeline.errors import OutputError
from pipeline.records import OUTPUT_MODELS, RejectRecord

# Converted sources' texts (see TextFiles), and the key that carries one among a document's lines.
TEXTS_DIR = "texts"
TEXT_KEY = "text"


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def record_line(record: BaseModel) -> str:
    """One record as its JSON Lines line (without the newline): the bytes every writer uses."""
    return _dumps(record.model_dump(mode="json"))


def cannot_write(path: Path, exc: OSError) -> OutputError:
    """An OSError met while writing output, as the one line a user reads."""
    return OutputError(f"cannot write to {path}: {exc.strerror or exc}")


def prepare_out_dir(out_dir: Path) -> None:
    """Create the output folder, or say in one line why it cannot be one."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir} is a file, not a folder: give --out a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {out_dir}: {exc.strerror or exc}") from exc


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
        try:
            self._fh.write(line + "\n")
        except OSError as exc:  # a full disk
            raise cannot_write(self.path, exc) from exc

    def commit(self) -> None:
        try:
            self._fh.close()
            os.chmod(self._tmp, 0o644)
            os.replace(self._tmp, self.path)
        except OSError as exc:
            raise cannot_write(self.path, exc) from exc

    def abort(self) -> None:
        self._fh.close()
        self._tmp.unlink(missing_ok=True)


@contextmanager
def replaced_atomically(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` that becomes `target` only when the block ends without error.

    For files another writer makes (the report's page, DuckDB's exports): a crash or
    Ctrl-C leaves the previous file whole and no half-written one under its name.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(out_dir: Path, names: Iterable[str]) -> list[Path]:
    """Temporary files a killed run left behind; call only while holding the output lock."""
    stale = [p for name in names for p in out_dir.glob(f".{name}.jsonl.*.tmp")]
    stale += (out_dir / TEXTS_DIR).glob("**/.*.txt.*.tmp")
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def converted_text_path(source: str) -> str:
    """Where a converted source's text goes, relative to the output folder.

    Named after the source with its suffix (`texts/page.html.txt`), not after its
    doc_id: `report.html` and `report.pdf` share a doc_id, never a text.
    """
    return f"{TEXTS_DIR}/{source}.txt"


class TextFiles:
    """The converted texts of a run under OUT/texts/, made visible together on `commit()`.

    Each text is written to a temporary name beside its final one and renamed
    on commit, with the JSON Lines files (see `open_outputs`), so the offsets
    in documents.jsonl and the texts they index always belong to one run.
    Texts of sources that went away are deleted on commit.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._pending: list[tuple[Path, Path]] = []  # (temporary, final)

    def write(self, source: str, text: str) -> None:
        final = self.out_dir / converted_text_path(source)
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
            self._pending.append((Path(tmp), final))
            # newline="" writes "\r\n" as it is: offsets count both characters
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            raise cannot_write(final, exc) from exc

    def commit(self) -> None:
        for tmp, final in self._pending:
            try:
                os.chmod(tmp, 0o644)
                os.replace(tmp, final)
            except OSError as exc:
                raise cannot_write(final, exc) from exc
        root = self.out_dir / TEXTS_DIR
        if not root.is_dir():
            return
        kept = {final for _, final in self._pending}
        for path in sorted(root.rglob("*"), reverse=True):  # files before their folders
            if path.is_dir():
                if not any(path.iterdir()):
                    path.rmdir()
            elif path not in kept:
                path.unlink(missing_ok=True)
        if not any(root.iterdir()):
            root.rmdir()

    def abort(self) -> None:
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)


@contextmanager
def open_outputs(out_dir: Path, names: Iterable[str]) -> Iterator[dict[str, AtomicJsonl]]:
    """Writers for several files that are all committed together, or all abandoned on error."""
    writers: dict[str, AtomicJsonl] = {}
    try:
        for name in names:
            try:
                writers[name] = AtomicJsonl(out_dir / f"{name}.jsonl")
            except OSError as exc:
                raise cannot_write(out_dir, exc) from exc
        yield writers
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    for w in writers.values():
        w.commit()


@contextmanager
def open_texts(out_dir: Path) -> Iterator[TextFiles]:
    """The converted texts' writer: committed when the block ends, abandoned if it raises."""
    texts = TextFiles(out_dir)
    try:
        yield texts
    except BaseException:
        texts.abort()
        raise
    texts.commit()


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
