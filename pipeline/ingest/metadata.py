"""Source metadata: front matter, datelines, sidecars, and the `Source` they describe.

The document date (against which `today` and `last year` are resolved) comes
from YAML front matter or a web page's markup, else a dateline in the first
lines of the text (whatever its format), else a sidecar `NAME.meta.yaml`,
else a Word document's creation date, else the caller's default. The title
comes from front matter, else the sidecar, else the format's own (a page's,
a PDF's or a Word document's properties), else the first line. Explicit
statements come before guesses: a sidecar is the user's word, a dateline
the author's, a file's creation stamp only a tool's.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from pipeline.errors import SourceError
from pipeline.ingest.cleaning import BOILERPLATE
from pipeline.ingest.formats import read
from pipeline.ingest.reading import SIDECAR_SUFFIX, doc_id_for, read_bytes
from pipeline.rules import Rules, per_rules

# libyaml when installed: the pure-Python loader costs a millisecond a document.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What loading YAML raises besides YAMLError: ValueError for "date: 2021-02-30",
# RecursionError for deeply nested brackets.
_YAML_ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError)

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# "---\ntitle: x\n" and no closing fence: front matter that swallowed the document.
_OPEN_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n[ \t]*[A-Za-z_][\w-]{0,80}[ \t]*:")


@per_rules
def _date_lines(rules: Rules) -> tuple[re.Pattern, re.Pattern, dict[str, int]]:
    """The bare date line and the dateline regexes, and month name -> number.

    Month names are the full forms of the `month` words of `data/timex_words.jsonl`.
    A full date: "Saturday, April 26, 2014" / "April 26, 2014" / "26 April 2014" / "2014-04-26".
    The dateline of a release or a post, near the top: the date, led by a label or a city in
    capitals, and followed by nothing, a separator or a byline:
      "March 3, 2021 - Ottawa, Ontario - National Defence / Canadian Armed Forces"
      "Posted on March 3, 2021 by admin"   "Published: 2021-03-03T10:00"
      "OTTAWA, ON, March 3, 2021 /CNW/ - Today the Minister ..."   "WASHINGTON, March 3, 2021 — The ..."
      "By: Jane Doe, Army.mil, March 3, 2021" (a byline: the author, the outlet, the date)
    """
    numbers = {r.forms[0]: int(r.value) for r in rules.timex_words if r.kind == "month"}
    months = "|".join(numbers)
    full_date = (
        rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
        rf"(?:(?P<m1>{months})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
        rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{months}),?\s+(?P<y2>\d{{4}})"
        rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
    )
    date_line = re.compile(rf"^{full_date}\s*$")
    dateline = re.compile(
        rf"^(?:(?:Posted|Published|Released|Issued|Date)(?:[ \t]+on)?:?[ \t]+"
        rf"|[A-Z][A-Z.'’ -]{{1,40}}(?:,[ \t]+[A-Z][A-Za-z.]{{1,20}})?,[ \t]+"
        rf"|By:?[ \t]+[A-Z][^\n,]{{1,60}}(?:,[ \t]+[^\n,]{{1,40}})?,[ \t]+)?"
        rf"{full_date}(?:\s*$|[ \t]*[-–—|/(]|T\d|,?[ \t]+(?:by|at)[ \t])"
    )
    return date_line, dateline, numbers


# Only the first lines can hold the dateline, and none after the first paragraph of prose.
_HEADER_LINES = 6
_PROSE_LINE = 300


@dataclass(frozen=True)
class Source:
    """One source, read, with what ingest learned about it.

    `text` is what every offset indexes: the file's own text for a UTF-8 text
    or Markdown file, else the text its reader produced (`converted`), which
    the runner writes beside the output. `text_path` names the file holding
    it, relative to the output folder (set by the runner, which knows where
    that is; None for a text given as a string).
    """

    doc_id: str
    source: str
    sha256: str
    text: str
    title: str | None
    published: date | None
    content_start: int  # first stored-text offset after the front matter
    format: str = "txt"  # one of formats.FORMATS
    encoding: str | None = "utf-8"  # of the file's bytes; None for PDF and .docx
    converted: bool = False
    text_path: str | None = None


def split_front_matter(text: str, name: str) -> tuple[dict, int]:
    """YAML front matter as a dict and the offset where content starts (0 when there is none)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if _OPEN_FRONT_MATTER.match(text):
            raise SourceError(name, "broken front matter: opened with '---' but never closed")
        return {}, 0
    try:
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER)
    except _YAML_ERRORS as exc:
        reason = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise SourceError(name, f"broken YAML front matter: {reason}") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(name, "front matter is not a mapping")
    return meta, match.end()


def parse_date_line(line: str) -> date | None:
    """A line that is nothing but a full date (a blog header), as a date."""
    return _matched_date(_date_lines()[0].match(line.strip()))


def parse_dateline(line: str) -> date | None:
    """The date of a release's or a post's dateline (see `_date_lines`), or of a bare date line."""
    return _matched_date(_date_lines()[1].match(line.strip()))


def _matched_date(match: re.Match | None) -> date | None:
    if not match:
        return None
    g = match.groupdict()
    try:
        if g["y1"]:
            return date(int(g["y1"]), _date_lines()[2][g["m1"]], int(g["d1"]))
        if g["y2"]:
            return date(int(g["y2"]), _date_lines()[2][g["m2"]], int(g["d2"]))
        return date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    except ValueError:
        return None


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date_line(value[:10]) or parse_date_line(value)
    return None


def _first_lines(text: str, start: int, count: int) -> list[str]:
    lines = [ln.strip() for ln in text[start:start + 2000].splitlines()]
    return [ln for ln in lines if ln][:count]


def header_metadata(text: str, start: int) -> tuple[date | None, str | None]:
    """Publication date from a dateline at the top, and the title.

    The title is the first short line: the one after the dateline when the
    dateline comes first (a blog header), else the first line.
    """
    lines = _first_lines(text, start, _HEADER_LINES)
    published, at = None, None
    for k, line in enumerate(lines):
        published = parse_dateline(line)
        if published is not None:
            at = k
            break
        if len(line) > _PROSE_LINE:
            break
    rest = lines[1:] if at == 0 else lines
    title = next((ln for ln in rest[:1] if len(ln) <= 150 and not BOILERPLATE.match(ln)), None)
    return published, title


def _clean_title(title: object) -> str | None:
    # Only a scalar is a title; str() of a nested YAML value could be huge (aliases).
    if not isinstance(title, str | int | float | date):
        return None
    return re.sub(r"\s+", " ", str(title)).strip() or None


def sidecar_bytes(path: Path) -> bytes | None:
    """The bytes of the sidecar beside a source (None when there is none), for the cache key."""
    try:
        return path.with_name(path.name + SIDECAR_SUFFIX).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SourceError(path.name + SIDECAR_SUFFIX, f"unreadable sidecar: {exc.strerror or exc}") from exc


def read_sidecar(path: Path) -> dict:
    """Metadata from `NAME.meta.yaml` beside a source, for texts that carry none themselves."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = yaml.load(sidecar.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    except (OSError, UnicodeDecodeError, *_YAML_ERRORS) as exc:
        raise SourceError(str(sidecar), f"unreadable sidecar: {exc}") from exc
    return meta if isinstance(meta, dict) else {}


def load_source(
    path: Path, root: Path, default_published: date | None = None, data: bytes | None = None
) -> Source:
    """Read and describe one source file, whatever its format; raises SourceError with the reason.

    `data` is the file's bytes when the caller has already read them (to hash them).
    """
    rel = path.relative_to(root).as_posix()
    if data is None:
        data = read_bytes(path, rel)
    found = read(data, path.suffix, rel)
    text = found.text
    meta, content_start = split_front_matter(text, rel) if found.format in ("txt", "md") else ({}, 0)
    sidecar = read_sidecar(path)
    head_date, head_title = header_metadata(text, content_start)
    published = (
        _as_date(meta.get("date")) or found.published or head_date or _as_date(sidecar.get("date"))
        or found.created or default_published
    )
    title = _clean_title(meta.get("title") or sidecar.get("title") or found.title or head_title)
    return Source(
        doc_id=doc_id_for(path, root),
        source=rel,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        title=title,
        published=published,
        content_start=content_start,
        format=found.format,
        encoding=found.encoding,
        converted=not found.verbatim,
    )


def text_source(text: str, doc_id: str, published: date | None = None, title: str | None = None) -> Source:
    """A text given as a string, described as a file's would be (front matter, dateline, first line).

    `published` and `title`, when given, win over what the text states.
    """
    meta, content_start = split_front_matter(text, doc_id)
    head_date, head_title = header_metadata(text, content_start)
    return Source(
        doc_id=doc_id,
        source=doc_id,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        text=text,
        title=_clean_title(title or meta.get("title") or head_title),
        published=published or _as_date(meta.get("date")) or head_date,
        content_start=content_start,
        format="txt",
        encoding=None,
        converted=False,
        text_path=None,
    )
