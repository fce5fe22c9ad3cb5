"""Tiny output folders made in code for the report tests: a hostile one, and one with many events."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

# Each payload would set window.__pwned (or open a dialog) if it ever ran.
SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'; alert(1)\">"
LINK = "<a href=\"javascript:window.__pwned = 'link'\">click me</a>"
TITLE = "</script><script>window.__pwned = 'title'</script><img src=x onerror=alert(2)> <b>bold</b> \u2028"
ORG = "<b onmouseover=\"window.__pwned = 'org'\">Evil</b> <a href=\"javascript:alert(3)\">Corp</a>"
COUNTRY = "<img src=x onerror=\"window.__pwned = 'country'\">land"
TEXT = f"Report {SCRIPT}\n{IMG}\n{LINK}\nOn 2020-05-04 {ORG} met officials.\n"


def _write(folder: Path, name: str, rows: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    (folder / f"{name}.jsonl").write_text(lines, encoding="utf-8")


def hostile_output(root: Path) -> tuple[Path, Path]:
    """An output folder and its sources whose text, title and names are all markup."""
    sources, out = root / "sources", root / "output"
    sources.mkdir(parents=True)
    (sources / "evil.txt").write_text(TEXT, encoding="utf-8")
    org_start, met = TEXT.index(ORG), TEXT.index(" met ") + 1
    day = TEXT.index("2020-05-04")
    _write(out, "documents", [{
        "schema_version": "1.0", "kind": "document", "doc_id": "evil", "source": "evil.txt",
        "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(), "title": TITLE,
        "published": "2020-05-04", "chars": len(TEXT),
    }])
    _write(out, "organizations", [{
        "schema_version": "1.0", "kind": "organization", "doc_id": "evil", "org_id": "evil-corp", "name": ORG,
        "acronym": None, "country": "XXA", "mentions": [{"start": org_start, "end": org_start + len(ORG),
                                                         "text": ORG}], "source": "model",
    }])
    _write(out, "dates", [{
        "schema_version": "1.0", "kind": "date", "doc_id": "evil", "date_id": "t1", "start": day,
        "end": day + 10, "text": "2020-05-04", "type": "DATE", "value": "2020-05-04", "granularity": "day",
        "mod": None, "anchor": "text", "signal": "on",
    }])
    _write(out, "events", [{
        "schema_version": "1.0", "kind": "event", "doc_id": "evil", "event_id": "e1", "type": "MEET",
        "trigger": {"start": met, "end": met + 3, "text": "met"}, "sentence": {"start": day, "end": met + 3},
        "evidence": [], "date": {"value": "2020-05-04", "date_id": "t1"},
        "location": {"name": LINK, "country": "XXA"},
        "participants": [
            {"name": ORG, "org_id": "evil-corp", "country": "XXA", "role": "participant"},
            {"name": COUNTRY, "org_id": None, "country": "XXB", "role": "host"},
        ],
        "rule": "test", "confidence": 0.5,
    }])
    _write(out, "rejects", [])
    return out, sources
