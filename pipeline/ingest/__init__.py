"""Ingest: source files to texts with metadata, and a cleaned view for the NLP stages.

    reading.py   which paths are sources; bytes
    formats.py   which reader a file needs: text.py (encodings), html.py, pdf.py, docx.py
    metadata.py  front matter, datelines, sidecars: the `Source`
    cleaning.py  the cleaned view (`CleanText`) with its map back to the stored text
"""

from pipeline.ingest.cleaning import CleanText, clean
from pipeline.ingest.metadata import Source, load_source, sidecar_bytes, text_source
from pipeline.ingest.reading import discover, id_clashes, read_bytes

__all__ = [
    "CleanText", "Source", "clean", "discover", "id_clashes", "load_source", "read_bytes", "sidecar_bytes",
    "text_source",
]
