"""The model's attribute_ruler, matched over arrays: the same matches for a tenth of the time.

The packaged `attribute_ruler` maps each tagger tag to its POS and morphology
and fixes a few words (`n't`, `'s`); it took 13% of the model's CPU time on
the bench corpus, nearly all in spaCy's general `Matcher`, which tries each
of its 179 patterns at every token and runs 22 set and regex predicates in
Python for each token (40 us a token). Its patterns are one or two tokens
of equality, `IN`, `NOT_IN` and `REGEX` tests on `TAG`, `LOWER`, `DEP` and
`IS_SPACE`: numpy evaluates each over the whole Doc at once.

`compile_patterns` returns None for a pattern it does not know (a quantifier,
another attribute or operator: another model version), and the ruler then
keeps spaCy's Matcher. The matches are the Matcher's own tuples, sorted as
`AttributeRuler.match` sorts them, and `AttributeRuler.set_annotations` applies
them unchanged, so every token gets the same attributes (a test compares them
on real texts).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the columns of the array the tests read


def _token_test(spec: dict, strings: Any) -> Callable[[np.ndarray, Doc], np.ndarray] | None:
    """A function of (the Doc's attribute array, Doc) -> bool mask, or None if unsupported."""
    tests: list[Callable[[np.ndarray, Doc], np.ndarray]] = []
    for attr, value in spec.items():
        if attr not in _ATTRS:
            return None
        col = _ATTRS.index(attr)
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append(lambda arr, doc, col=col, value=value: (arr[:, col] != 0) == value)
        elif isinstance(value, str):
            key = np.uint64(strings[value] if value else 0)
            tests.append(lambda arr, doc, col=col, key=key: arr[:, col] == key)
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                keys = np.array([strings[v] if v else 0 for v in arg], dtype=np.uint64)
                negate = op == "NOT_IN"
                tests.append(lambda arr, doc, col=col, keys=keys, negate=negate:
                             np.isin(arr[:, col], keys) != negate)
            elif op == "REGEX" and isinstance(arg, str):
                tests.append(_regex_test(col, re.compile(arg)))
            else:
                return None
        else:
            return None

    def test(arr: np.ndarray, doc: Doc) -> np.ndarray:
        mask = np.ones(len(arr), dtype=bool)
        for t in tests:
            mask &= t(arr, doc)
        return mask

    return test


def _regex_test(col: int, pattern: re.Pattern[str]) -> Callable[[np.ndarray, Doc], np.ndarray]:
    """`re.search` on the attribute's string, once per distinct value of the Doc."""
    def test(arr: np.ndarray, doc: Doc) -> np.ndarray:
        values, inverse = np.unique(arr[:, col], return_inverse=True)
        hits = np.array([bool(pattern.search(doc.vocab.strings[int(v)])) if v else False for v in values],
                        dtype=bool)
        return hits[inverse.reshape(-1)] if len(values) else np.zeros(len(arr), dtype=bool)

    return test


def _primary(spec: dict, strings: Any) -> tuple[int, np.ndarray] | None:
    """(column, values) of an equality or `IN` test on TAG or LOWER: where to look, not what to check."""
    for attr in ("LOWER", "TAG"):  # a word is rarer than a tag: most patterns then skip the Doc
        value = spec.get(attr)
        if isinstance(value, str):
            return _ATTRS.index(attr), np.array([strings[value] if value else 0], dtype=np.uint64)
        if isinstance(value, dict) and list(value) == ["IN"]:
            keys = [strings[v] if v else 0 for v in value["IN"]]
            return _ATTRS.index(attr), np.array(keys, dtype=np.uint64)
    return None


class _Grouped:
    """The rows of a Doc's array by value of one column: which rows hold any of some values."""

    def __init__(self, column: np.ndarray) -> None:
        self.order = np.argsort(column, kind="stable")
        self.values = column[self.order]
        self.present = frozenset(np.unique(self.values).tolist())

    def rows(self, keys: np.ndarray) -> np.ndarray:
        lo = np.searchsorted(self.values, keys, side="left")
        hi = np.searchsorted(self.values, keys, side="right")
        return np.concatenate([self.order[a:b] for a, b in zip(lo, hi, strict=True)]) if len(keys) else lo


def compile_patterns(ruler: AttributeRuler) -> Callable[[Doc], list[tuple[int, int, int, int]]] | None:
    """A function that returns `ruler.match(doc)`'s list for a Doc, or None if a pattern is unsupported.

    Each pattern first takes the rows its first token's LOWER value names, else
    its TAG value (from the Doc's rows sorted by that column): a word is rarer
    than a tag, so most patterns (`n't` as RB) skip a Doc without the word. It
    then checks its other tests on those rows only: a few microseconds a
    pattern, whatever the Doc's length.
    """
    strings = ruler.vocab.strings
    compiled = []
    for number, entry in enumerate(ruler.patterns):
        key = strings[str(number)]  # AttributeRuler.add names the n-th added entry "n"
        for pattern in entry["patterns"]:
            tests = [_token_test(spec, strings) for spec in pattern]
            if not tests or any(t is None for t in tests):
                return None
            primary = _primary(pattern[0], strings)
            wanted = frozenset(primary[1].tolist()) if primary else frozenset()
            if primary and list(pattern[0]) == [_ATTRS[primary[0]]]:
                tests[0] = None  # `{"TAG": "NN"}`: the rows taken are the matches of the first token
            compiled.append((number, key, tests, primary, wanted))
    attr_ids = [strings[a] for a in _ATTRS]

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        n = len(doc)
        if n == 0:
            return []
        arr = doc.to_array(attr_ids).reshape(n, len(_ATTRS))
        grouped = {col: _Grouped(arr[:, col]) for col in (_ATTRS.index("TAG"), _ATTRS.index("LOWER"))}
        found: set[tuple[int, int, int, int]] = set()
        for number, key, tests, primary, wanted in compiled:
            if primary and wanted.isdisjoint(grouped[primary[0]].present):
                continue  # most patterns name a word or tag the Doc does not hold
            width = len(tests)
            starts = grouped[primary[0]].rows(primary[1]) if primary else np.arange(n)
            starts = starts[starts <= n - width]
            for offset, test in enumerate(tests):
                if not len(starts):
                    break
                if test is not None:
                    starts = starts[test(arr[starts + offset], doc)]
            found.update((number, key, s, s + width) for s in starts.tolist())
        return sorted(found)

    return match


def speed_up(ruler: AttributeRuler) -> bool:
    """Match `ruler`'s patterns over arrays from now on; False (and unchanged) when they are not all known."""
    match = compile_patterns(ruler)
    if match is None:
        return False
    ruler.match = match  # an instance attribute: `AttributeRuler.__call__` calls self.match(doc)
    return True


def _lemmatize(lemmatizer: Any, doc: Doc, known: dict[tuple[int, int, int], int]) -> Doc:
    """`Lemmatizer.__call__` over arrays: one `lemmatize` call per distinct (word, POS, morphology).

    The rule lemmatizer's answer depends on nothing else (it caches on that
    key), so the first token of each key stands for all of them, and `known`
    keeps each key's lemma for the next Docs; lemmas that an earlier
    component set (the attribute_ruler's `n't` -> `not`) are kept.
    """
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    n = len(doc)
    if n == 0:
        return doc
    arr = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(n, 4)
    todo = np.arange(n) if lemmatizer.overwrite else np.flatnonzero(arr[:, 3] == 0)
    if len(todo):
        keys, first, inverse = np.unique(arr[todo, :3], axis=0, return_index=True, return_inverse=True)
        if len(known) > _MOST_KNOWN:
            known.clear()  # memory stays flat on an archive of any vocabulary
        strings = doc.vocab.strings
        lemmas = np.empty(len(keys), dtype=np.uint64)
        for j, key in enumerate(map(tuple, keys.tolist())):
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = strings.add(lemmatizer.lemmatize(doc[int(todo[first[j]])])[0])
            lemmas[j] = lemma
        column = arr[:, 3].copy()
        column[todo] = lemmas[inverse.reshape(-1)]
        doc.from_array([LEMMA], column.reshape(n, 1))
    return doc


_MOST_KNOWN = 200_000  # (word, POS, morphology) keys kept between Docs


def speed_up_lemmatizer(lemmatizer: Any) -> bool:
    """Lemmatize whole Docs over arrays in `nlp.pipe`; False (and unchanged) unless it is the rule lemmatizer.

    `Language.pipe` calls a component's `pipe` method, looked up on the
    instance, so an instance attribute replaces it there (`nlp(text)` keeps
    spaCy's own per-token loop: both give the same lemmas, a test checks).
    """
    if getattr(lemmatizer, "mode", None) != "rule" or lemmatizer.lemmatize != lemmatizer.rule_lemmatize:
        return False

    known: dict[tuple[int, int, int], int] = {}

    def pipe(docs: Any, **_: Any) -> Any:
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        for doc in docs:
            yield _lemmatize(lemmatizer, doc, known)

    lemmatizer.pipe = pipe
    return True
