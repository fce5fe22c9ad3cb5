"""The one place that builds the spaCy pipeline and knows its component order.

    tok2vec > tagger > parser > attribute_ruler > lemmatizer > org_ruler > ner

`org_ruler` is an `entity_ruler` loaded with the package's organization
gazetteer (see organizations.py); it runs before the statistical NER so that
known bodies get whole, canonical spans and the model's entities fill the rest.
Long texts are cut into paragraph-aligned chunks so that no Doc exceeds the
model's `max_length` and memory stays flat.
"""

from __future__ import annotations

from collections.abc import Iterator

import spacy
from spacy.language import Language

from pipeline.organizations import gazetteer_patterns
from pipeline.settings import Settings

ORG_RULER = "org_ruler"


def build_nlp(settings: Settings) -> Language:
    """Load the English model and add the rule components, in their fixed order."""
    nlp = spacy.load(settings.model, exclude=["senter"])
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=ORG_RULER,
        before="ner",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    ruler.add_patterns(gazetteer_patterns())
    nlp.max_length = max(nlp.max_length, settings.max_chunk_chars + 1)
    return nlp


def model_version(nlp: Language) -> str:
    """Name and version of the loaded model, for cache keys and provenance."""
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"


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
