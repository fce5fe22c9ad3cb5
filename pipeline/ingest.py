"""Ingest: source files to texts with metadata, and a cleaned view for the NLP stages.

The text is kept exactly as stored (decoded, newlines untouched) because every
offset the pipeline writes indexes it. What is not content (front matter,
Markdown markup, HTML tags, blog boilerplate) and what misleads a parser (hard
line wraps, non-breaking spaces) is removed only from a *cleaned view*, which
carries a map from each of its characters back to the stored text.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from pipeline.errors import SourceError

SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.yaml"
# A source larger than this is rejected rather than read: it would not be prose.
MAX_SOURCE_BYTES = 64 * 1024 * 1024  # the default of Settings.max_source_bytes
# libyaml when installed: the pure-Python loader costs a millisecond a document.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What loading YAML raises besides YAMLError: ValueError for "date: 2021-02-30",
# RecursionError for deeply nested brackets.
_YAML_ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError)

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# "---\ntitle: x\n" and no closing fence: front matter that swallowed the document.
_OPEN_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n[ \t]*[A-Za-z_][\w-]{0,80}[ \t]*:")
# A full date: "Saturday, April 26, 2014" / "April 26, 2014" / "26 April 2014" / "2014-04-26".
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DATE = (
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
)
_DATE_LINE = re.compile(rf"^{_DATE}\s*$")
# The dateline of a release or a post, near the top: the date, led by a label or a city in
# capitals, and followed by nothing, a separator or a byline.
#   "March 3, 2021 - Ottawa, Ontario - National Defence / Canadian Armed Forces"
#   "Posted on March 3, 2021 by admin"   "Published: 2021-03-03T10:00"
#   "OTTAWA, ON, March 3, 2021 /CNW/ - Today the Minister ..."   "WASHINGTON, March 3, 2021 — The ..."
_DATELINE = re.compile(
    rf"^(?:(?:Posted|Published|Released|Issued|Date)(?:[ \t]+on)?:?[ \t]+"
    rf"|[A-Z][A-Z.'’ -]{{1,40}}(?:,[ \t]+[A-Z][A-Za-z.]{{1,20}})?,[ \t]+)?"
    rf"{_DATE}(?:\s*$|[ \t]*[-–—|/(]|T\d|,?[ \t]+(?:by|at)[ \t])"
)
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS.split("|"), 1)}
# Only the first lines can hold the dateline, and none after the first paragraph of prose.
_HEADER_LINES = 6
_PROSE_LINE = 300

# Lines that blog platforms add around a post: not content.
_BOILERPLATE = re.compile(
    r"^[ \t]*(?:No comments:|Post a Comment|Newer Post|Older Post|Home|"
    r"Subscribe to:.*|Posted by .*|Labels?:.*|Share this.*|\d+ comments?:)[ \t]*$",
    re.M,
)
# Markup removed from the cleaned view: HTML tags, emphasis markers, escaped or
# leading heading hashes, backslash escapes, link targets.
_MARKUP = re.compile(
    r"<[A-Za-z/][^<>\n]{0,80}>"        # "<sup>st</sup>"
    r"|\*{1,3}|_{2,3}"                  # "**Pandemic Response:**", "*quote*"
    r"|^[ \t]*\\?#{1,6}[ \t]"           # "\### Heading", "## Heading"
    r"|\\(?=[#*_\[\]()`])"              # "\#", "\*": escapes
    r"|\]\([^()\s]{1,500}\)|(?<!\S)\[",  # "[text](url)" keeps "text"
    re.M,
)
# "  - item", "2) item" at the start of a line; a search tries a run of blanks from its start only.
_LIST_MARKER = re.compile(r"(?<![ \t])[ \t]*(?:[•\-*+]|\d{1,3}[.)])[ \t]")
# A newline with text on both sides: "the National Security\nCouncil staff" (a candidate hard wrap).
# Each try starts after a non-space, so a run of blanks is scanned once: linear.
_WRAP_CANDIDATE = re.compile(r"(?<=\S)[^\S\n]*\n(?=[^\S\n]*\S)")
# "\r\n": the carriage return is left out of the view, so CRLF and LF texts read alike.
_CR_BEFORE_LF = re.compile(r"\r(?=\n)")
# Spaces that mislead the tokenizer, as plain spaces (one for one, so offsets do not move).
_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u202f\ufeff\t\r"})


@dataclass(frozen=True)
class CleanText:
    """A cleaned view of a stored text with a map back to it.

    The map is piecewise: cleaned characters from `starts[k]` on are stored
    characters from `sources[k]` on, one for one, until the next piece. A
    piece starts only where something was left out, so a document has a few
    hundred pieces, not one entry per character. `to_source` maps a cleaned
    span back to a stored-text span.
    """

    text: str
    starts: array  # cleaned offset where each piece starts, increasing
    sources: array  # stored offset of each piece's first character

    def index(self, i: int) -> int:
        """Stored-text offset of cleaned character `i`."""
        k = bisect_right(self.starts, i) - 1
        return self.sources[k] + (i - self.starts[k])

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.index(start), self.index(end - 1) + 1

    @property
    def offsets(self) -> array:
        """The stored-text offset of every cleaned character (for tests; O(length))."""
        out = array("q")
        bounds = [*self.starts[1:], len(self.text)]
        for start, end, src in zip(self.starts, bounds, self.sources, strict=True):
            out.extend(range(src, src + end - start))
        return out


@dataclass(frozen=True)
class Source:
    """One source file, decoded, with what ingest learned about it."""

    doc_id: str
    source: str
    sha256: str
    text: str
    title: str | None
    published: date | None
    content_start: int  # first stored-text offset after the front matter


def discover(root: Path) -> list[Path]:
    """Every `.txt` and `.md` entry under `root`, recursively, in a stable order.

    Anything with a source suffix that is not a folder is listed, even a broken
    link or a pipe, so that it is rejected with a reason instead of silently
    skipped. Hidden files (editor swap files, `.DS_Store`) are not sources.
    """
    if not root.is_dir():
        raise SourceError(str(root), "not a directory")
    return sorted(
        p for p in root.rglob("*")
        if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and not p.is_dir()
    )


def doc_id_for(path: Path, root: Path) -> str:
    """The path under the sources folder, without its suffix: stable across runs."""
    return path.relative_to(root).with_suffix("").as_posix()


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (a BOM is kept as a character so offsets stay true), or UTF-16 with a BOM."""
    if not data.strip():
        raise SourceError(name, "empty file" if not data else "whitespace only")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(name, f"invalid UTF-16: {exc.reason} at byte {exc.start}") from exc
    elif b"\x00" in data:
        # "\x89PNG\r\n\x1a\n\x00\x00": say what it is, not where UTF-8 first failed
        raise SourceError(name, "binary file (contains NUL bytes)")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SourceError(name, f"invalid UTF-8: {exc.reason} at byte {exc.start}") from exc
    if "\x00" in text:
        raise SourceError(name, "binary file (contains NUL characters)")
    if not text.replace("\ufeff", "").strip():
        raise SourceError(name, "whitespace only")
    return text


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
    return _matched_date(_DATE_LINE.match(line.strip()))


def parse_dateline(line: str) -> date | None:
    """The date of a release's or a post's dateline (see `_DATELINE`), or of a bare date line."""
    return _matched_date(_DATELINE.match(line.strip()))


def _matched_date(match: re.Match | None) -> date | None:
    if not match:
        return None
    g = match.groupdict()
    try:
        if g["y1"]:
            return date(int(g["y1"]), _MONTH_NUMBER[g["m1"]], int(g["d1"]))
        if g["y2"]:
            return date(int(g["y2"]), _MONTH_NUMBER[g["m2"]], int(g["d2"]))
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
    title = next((ln for ln in rest[:1] if len(ln) <= 150 and not _BOILERPLATE.match(ln)), None)
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
    """Read, decode and describe one source file; raises SourceError with the reason.

    `data` is the file's bytes when the caller has already read them (to hash them).
    """
    rel = path.relative_to(root).as_posix()
    if data is None:
        data = read_bytes(path, rel)
    text = decode(data, rel)
    meta, content_start = split_front_matter(text, rel)
    sidecar = read_sidecar(path)
    head_date, head_title = header_metadata(text, content_start)
    published = (
        _as_date(meta.get("date")) or head_date or _as_date(sidecar.get("date")) or default_published
    )
    title = _clean_title(meta.get("title") or sidecar.get("title") or head_title)
    return Source(
        doc_id=doc_id_for(path, root),
        source=rel,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        title=title,
        published=published,
        content_start=content_start,
    )


def _is_wrap(text: str, nl: int) -> bool:
    """Is the newline at `nl` a hard wrap inside a paragraph (not a paragraph or list break)?"""
    line_start = text.rfind("\n", 0, nl) + 1
    previous = text[line_start:nl].strip()
    following_end = text.find("\n", nl + 1)
    following = text[nl + 1: following_end if following_end != -1 else len(text)]
    if not previous or not following.strip():
        return False
    if _LIST_MARKER.match(following) or following.lstrip().startswith(("#", "\\#", "|", ">")):
        return False
    # A short line that ends a sentence or stands alone is a heading or a one-line paragraph.
    return len(previous) >= 40 or following.lstrip()[:1].islower()


def _left_out(text: str, start: int) -> list[tuple[int, int]]:
    """Stored-text intervals the view leaves out, sorted and not overlapping."""
    spans = sorted(
        m.span()
        for pattern in (_BOILERPLATE, _MARKUP, _CR_BEFORE_LF)
        for m in pattern.finditer(text, start)
        if m.end() > m.start()
    )
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def clean(source: Source) -> CleanText:
    """The cleaned view of a source's text, with its map back to the stored text.

    Work is per removed interval and per candidate line break, never per
    character in Python: a 5 MB file with no line break costs a few regex
    scans and one `translate`.
    """
    text = source.text
    start = source.content_start
    spaced = text.translate(_SPACES)
    # Hard wraps become spaces in place (same length), so the map does not change.
    line_start = text.rfind("\n", 0, start) + 1
    wraps = [
        m.end() - 1 for m in _WRAP_CANDIDATE.finditer(text, line_start)
        if m.end() > start and _is_wrap(text, m.end() - 1)
    ]
    if wraps:
        parts = []
        prev = 0
        for nl in wraps:
            parts.append(spaced[prev:nl])
            parts.append(" ")
            prev = nl + 1
        parts.append(spaced[prev:])
        spaced = "".join(parts)
    pieces: list[str] = []
    starts, sources = array("q"), array("q")
    length = 0
    pos = start
    for a, b in [*_left_out(text, start), (len(text), len(text))]:
        if a > pos:
            pieces.append(spaced[pos:a])
            starts.append(length)
            sources.append(pos)
            length += a - pos
        pos = max(pos, b)
    if not starts:
        starts.append(0)
        sources.append(start)
    return CleanText("".join(pieces), starts, sources)
