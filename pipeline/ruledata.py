"""The package's rule data files (`pipeline/data/`): one reader for every stage.

Rules that are lists live there as JSON or JSON Lines; a malformed line is a
PatternError naming the file and line, so a bad edit fails loudly at load time.
"""

from __future__ import annotations

import json
from importlib import resources

from pipeline.errors import PatternError


def read_text(name: str) -> str:
    """The text of a packaged data file."""
    return resources.files("pipeline.data").joinpath(name).read_text(encoding="utf-8")


def jsonl_rows(name: str) -> list[tuple[int, dict]]:
    """(line number, object) of each non-blank line of a packaged JSONL file."""
    rows = []
    for n, line in enumerate(read_text(name).splitlines(), 1):
        if line.strip():
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise PatternError(f"{name}:{n}: {exc}") from exc
    return rows
