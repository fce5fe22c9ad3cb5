"""The attribute_ruler's array matching and the array lemmatizer annotate every token as spaCy does."""

from __future__ import annotations

import spacy
from conftest import SOURCES

from pipeline.ingest import discover
from pipeline.settings import MODEL_NAME
from pipeline.speedups import compile_patterns, speed_up, speed_up_lemmatizer

# Real sources, plus the words the ruler's own exceptions are about (`n't`, `'s`, `y'all`,
# `ain't`, `nothin'`, `there are`, auxiliaries used as verbs), blank lines and empty texts.
TEXTS = [p.read_text(encoding="utf-8") for p in discover(SOURCES)] + [
    "Y'all ain't nothin' but it isn't, I'm sure you've  \n\n seen it. There are 3. Do you? He did it.",
    "That is what it is: whether or not they had, they will. Its forces did not; those are.",
    "",
    " ",
    "\n\n",
]


def _annotations(docs) -> list[list[tuple]]:
    return [[(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.is_sent_start) for t in doc]
            for doc in docs]


def test_the_sped_up_pipeline_annotates_every_token_as_spacy_does():
    reference = spacy.load(MODEL_NAME, exclude=["senter"])
    fast = spacy.load(MODEL_NAME, exclude=["senter"])
    assert speed_up(fast.get_pipe("attribute_ruler"))
    assert speed_up_lemmatizer(fast.get_pipe("lemmatizer"))
    assert _annotations(fast.pipe(TEXTS)) == _annotations(reference.pipe(TEXTS))
    # again, in another order: now most lemmas come from what the first pass kept
    assert _annotations(fast.pipe(TEXTS[::-1])) == _annotations(reference.pipe(TEXTS[::-1]))
    # the per-text path keeps spaCy's lemmatizer loop: the same again
    assert _annotations([fast(t) for t in TEXTS[:3]]) == _annotations(reference.pipe(TEXTS[:3]))


def test_the_array_matcher_finds_the_matchers_matches():
    nlp = spacy.load(MODEL_NAME, exclude=["senter"])
    ruler = nlp.get_pipe("attribute_ruler")
    match = compile_patterns(ruler)
    assert match is not None
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(TEXTS))
    assert [match(d) for d in docs] == [ruler.match(d) for d in docs]


def test_an_unknown_pattern_keeps_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN", "OP": "+"}]], {"POS": "NOUN"})  # a quantifier: not handled over arrays
    assert compile_patterns(ruler) is None
    assert not speed_up(ruler)
