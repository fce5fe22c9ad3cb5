"""Bytes of a plain text to its text, and the encoding it was read in.

Analysts' texts come as UTF-8, as UTF-16 with a BOM (Windows "Unicode"), or
in the legacy encoding of Windows editors, Windows-1252. UTF-8 is tried
first: it is what almost every tool writes, and bytes that happen to decode
as UTF-8 are UTF-8 with near certainty. Only when they do not is
charset-normalizer asked, restricted to Windows-1252: asked about every
encoding, it reads French Windows-1252 text as Central European cp1250
(`à` becomes `ŕ`) and a truncated UTF-8 file as Shift-JIS mojibake. Its
mess detector is what keeps rejecting garbage: random bytes, or a binary
file without NUL bytes, decode as Windows-1252 but read as chaos, and it
says so. ISO-8859-1 (Latin-1) text is the same text read as Windows-1252
(they differ only in 0x80-0x9F, control codes Latin-1 text never uses), so
it is recorded as `windows-1252`, as browsers do.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from pipeline.errors import SourceError

UTF8 = "utf-8"
UTF16 = "utf-16"
WINDOWS_1252 = "windows-1252"


@dataclass(frozen=True)
class Decoded:
    """A text and the encoding (an IANA name, which Python's codecs accept) it was read in."""

    text: str
    encoding: str


def _legacy(data: bytes) -> str | None:
    """The text of Windows-1252 bytes, or None when they are not that (or are not text at all)."""
    from charset_normalizer import from_bytes  # imported on this rare path only

    if from_bytes(data, cp_isolation=["cp1252"]).best() is None:
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D name no character
        return None


def decode_text(data: bytes, name: str) -> Decoded:
    """Bytes to text: UTF-8 (a BOM is kept as a character so offsets stay true), UTF-16 with a BOM,
    else Windows-1252 when charset-normalizer finds it readable; anything else is a SourceError."""
    if not data.strip():
        raise SourceError(name, "empty file" if not data else "whitespace only")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            decoded = Decoded(data.decode("utf-16"), UTF16)
        except UnicodeDecodeError as exc:
            raise SourceError(name, f"invalid UTF-16: {exc.reason} at byte {exc.start}") from exc
    elif b"\x00" in data:
        # "\x89PNG\r\n\x1a\n\x00\x00": say what it is, not where UTF-8 first failed
        raise SourceError(name, "binary file (contains NUL bytes)")
    else:
        try:
            decoded = Decoded(data.decode("utf-8"), UTF8)
        except UnicodeDecodeError as exc:
            text = _legacy(data)
            if text is None:
                raise SourceError(
                    name, f"invalid UTF-8: {exc.reason} at byte {exc.start}, and not Windows-1252 text "
                    "either: save it as UTF-8",
                ) from exc
            decoded = Decoded(text, WINDOWS_1252)
    if "\x00" in decoded.text:
        raise SourceError(name, "binary file (contains NUL characters)")
    if not decoded.text.replace("\ufeff", "").strip():
        raise SourceError(name, "whitespace only")
    return decoded
