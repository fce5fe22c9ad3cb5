"""Properties over arbitrary input (hypothesis): nothing raises, and every offset slices the stored text.

Texts mix fragments of the sources (names, dates, markup, line breaks of
every kind) with arbitrary characters, so that the generated inputs reach the
rules and not only the tokenizer. Example counts are small: the model runs on
each one (the session pipeline, loaded once).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import SourceError
from pipeline.ingest import Source, clean
from pipeline.ingest.metadata import split_front_matter
from pipeline.ingest.reading import decode
from pipeline.nlp import iter_chunks
from pipeline.run.assemble import DocResult
from pipeline.run.runner import process
from pipeline.settings import Settings

FRAGMENTS = [
    "the Department of National Defence (DND)", "Program(MTCP)", "SEDENA", "NATO", "Mexico’s",
    "In May 2011, ", "on April 24, 2014", "since 2004", "today", "last year", "2,000 miles",
    "was hosted by Canada", "The second meeting was held in Mexico.", "National Security\nCouncil",
    "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\ufeff", "  ", "**", "*", "__", "## ", "\\#", "- ", "1. ",
    "<sup>st</sup>", "[NATO](https://www.nato.int)", "|", "> ", "(", ")", "'s", "Posted by admin", "Home",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=14).map("".join)
FRONT_MATTER_LINES = [
    "date: 2021-03-01", "date: 2021-02-30", "date: March 1, 2021", "title: FACT SHEET", "title: [",
    "a: &x [*x]", "title: !!binary x", "- item", ": :", "\t", "",
]
front_matter = st.lists(
    st.one_of(st.sampled_from(FRONT_MATTER_LINES), st.text(max_size=10)), max_size=5
).map("\n".join)
FAST = settings(max_examples=300, deadline=None)
WITH_MODEL = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _source(text: str, content_start: int = 0) -> Source:
    return Source("doc", "doc.txt", "0" * 64, text, None, None, content_start)


@FAST
@given(st.binary(max_size=64))
def test_decoding_any_bytes_gives_text_or_a_source_error(data):
    try:
        text = decode(data, "x.txt")
    except SourceError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert text.strip("\ufeff \t\r\n")


@FAST
@given(front_matter, texts)
def test_front_matter_of_any_text_is_parsed_or_a_source_error(front, body):
    text = f"---\n{front}\n---\n{body}"
    try:
        meta, start = split_front_matter(text, "x.md")
    except SourceError as exc:
        assert "front matter" in exc.reason and "\n" not in exc.reason
    else:
        assert isinstance(meta, dict) and 0 <= start <= len(text)


@FAST
@given(texts, st.integers(0, 3))
def test_clean_view_maps_each_character_back_in_order(text, cut):
    start = min(cut, len(text))
    view = clean(_source(text, start))
    offsets = list(view.offsets)
    assert len(offsets) == len(view.text)
    assert offsets == sorted(set(offsets)) and all(start <= o < len(text) for o in offsets)
    for ch, o in zip(view.text, offsets, strict=True):
        # a character is kept, or a space-like one (or a wrapped line break) becomes a space
        assert ch == text[o] or (ch == " " and (text[o].isspace() or text[o] == "\ufeff"))


@FAST
@given(texts, st.integers(1, 40))
def test_chunks_cover_the_text_in_order_and_respect_the_limit(text, limit):
    pieces = list(iter_chunks(text, limit))
    assert "".join(p for _, p in pieces) == text
    for offset, piece in pieces:
        assert 0 < len(piece) <= limit and text[offset:offset + len(piece)] == piece


def _spans(result: DocResult):
    for org in result.organizations:
        yield from org.mentions
    yield from result.dates
    for ev in result.events:
        yield ev.trigger
        yield from ev.evidence


@WITH_MODEL
@given(texts)
def test_extraction_never_raises_and_every_span_slices_the_source(nlp, text):
    (result,) = process([_source(text)], nlp, Settings())
    assert isinstance(result, DocResult), result.reason  # a RejectRecord means a stage raised
    for span in _spans(result):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
    for ev in result.events:
        assert 0 <= ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end <= len(text)


@WITH_MODEL
@given(texts)
def test_chunked_extraction_keeps_every_span_on_the_source(nlp, text):
    (result,) = process([_source(text * 3)], nlp, Settings(max_chunk_chars=50))
    assert isinstance(result, DocResult), result.reason
    for span in _spans(result):
        assert (text * 3)[span.start:span.end] == span.text
