"""The one place that builds the spaCy pipeline and knows its component order.

    tok2vec > tagger > parser > attribute_ruler > lemmatizer > org_ruler > ner

`org_ruler` is an `entity_ruler` loaded with the package's organization
gazetteer (see organizations/gazetteer.py); it runs before the statistical NER so that
known bodies get whole, canonical spans and the model's entities fill the rest.
Long texts are cut into paragraph-aligned chunks so that no Doc exceeds the
model's `max_length` and memory stays flat.

Every component of the model is kept: the organizations and dates use the
entities, the events the tags, lemmas and dependency parse (and the parser
gives the sentences). Only `senter` is left out: the parser already sets
sentence boundaries, and `senter` is disabled in the packaged model anyway.
Two components run faster than spaCy runs them, with the same annotations
(speedups.py): the attribute_ruler's matching and the rule lemmatizer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.index import Ents
from pipeline.settings import Settings

if TYPE_CHECKING:  # imported in build_nlp: a run served from the cache never imports spaCy
    from spacy.language import Language
    from spacy.tokens import Doc

ORG_RULER = "org_ruler"


# Components of the packaged model that no stage reads.
UNUSED_COMPONENTS = ("senter",)


def build_nlp(settings: Settings, org_patterns: list[dict]) -> Language:
    """Load the English model and add the rule components, in their fixed order.

    `org_patterns` are the entity_ruler patterns of the organization gazetteer
    (`organizations.gazetteer_patterns`): the caller passes them, so this module
    depends on no stage.
    """
    import spacy

    from pipeline.speedups import speed_up, speed_up_lemmatizer

    nlp = spacy.load(settings.model, exclude=list(UNUSED_COMPONENTS))
    # The same annotations for less CPU time: matching and lemmatizing over arrays (speedups.py).
    if "attribute_ruler" in nlp.pipe_names:
        speed_up(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        speed_up_lemmatizer(nlp.get_pipe("lemmatizer"))
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=ORG_RULER,
        before="ner",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    # The ruler matches ORTH, so its phrase patterns need the tokenizer only; left alone,
    # add_patterns runs every earlier component (tagger, parser...) over each of its names.
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name != ORG_RULER]):
        ruler.add_patterns(org_patterns)
    nlp.max_length = max(nlp.max_length, settings.max_chunk_chars + 1)
    return nlp


def model_version(nlp: Language) -> str:
    """Name, version and components of a pipeline, for cache keys and provenance."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')} [{','.join(nlp.pipe_names)}]"


def iter_chunks(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
    """Cut `text` into pieces of at most `max_chars`, at paragraph, line, sentence or space breaks.

    Yields (offset, piece) with `text[offset:offset + len(piece)] == piece`.
    """
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + max_chars)
        if end < n:
            window = text[start:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep, max_chars // 2)
                if cut != -1:
                    cut += len(sep)
                    break
            end = start + cut if cut > 0 else end
        yield start, text[start:end]
        start = end


@dataclass(frozen=True)
class Chunk:
    """One parsed piece of a document's cleaned text, as every extractor reads it.

    spaCy rebuilds `doc.text` from the tokens and makes new Span objects for
    `doc.ents` on every access; the extractors read both many times, so each is
    built once here. `offset` is where the piece starts in the document's
    cleaned text: extractors find in chunk offsets and shift by it.
    """

    doc: Doc
    offset: int
    text: str
    ents: Ents  # a tuple of Spans that also finds them by position (see index.py)

    def __post_init__(self) -> None:
        if not isinstance(self.ents, Ents):
            object.__setattr__(self, "ents", Ents(self.ents))

    @classmethod
    def of(cls, doc: Doc, offset: int = 0) -> Chunk:
        return cls(doc, offset, doc.text, Ents(doc.ents))
