"""A fast evaluator for spaCy `DependencyMatcher` patterns, anchored on their first node's lemma.

Why not call `DependencyMatcher` itself: it first runs a token `Matcher` for every
node of every pattern over the whole Doc and walks each hit's ancestors, so
broad nodes (`{"DEP": "prep", "LOWER": "in"}`) cost a pass over every preposition;
on these texts that alone took 10-20% of the parse time, over the speed budget.
Here the first node of each pattern must constrain `LEMMA`; its tokens are found
with one vectorized lookup over the Doc's lemma array, and only the rest of each
pattern is checked from there. The patterns stay in DependencyMatcher form (and
are validated by loading them into one, see rules.py); tests check that
both give the same matches on the sources.

Supported: attributes LEMMA, LOWER, ORTH, POS, TAG, DEP, ENT_TYPE as a string or
`{"IN": [...]}` / `{"NOT_IN": [...]}`; relations `>`, `>>`, `<`, `$--`, `$++`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from pipeline.errors import PatternError

_ATTRS: dict[str, Callable[[Token], str]] = {
    "LEMMA": lambda t: t.lemma_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "ENT_TYPE": lambda t: t.ent_type_,
}
_OPS = (">", ">>", "<", "$--", "$++")


@dataclass(frozen=True)
class _Node:
    name: str
    left: str | None
    op: str | None
    test: Callable[[Token], bool]


@dataclass(frozen=True, eq=False)
class TreePattern:
    key: str
    nodes: tuple[_Node, ...]
    anchor_hashes: tuple[int, ...]  # lemma hashes the first node accepts


def _predicate(attrs: dict, where: str) -> Callable[[Token], bool]:
    checks = []
    for key, want in attrs.items():
        get = _ATTRS.get(key)
        if get is None:
            raise PatternError(f"{where}: unsupported attribute {key}")
        if isinstance(want, str):
            checks.append(lambda t, g=get, w=want: g(t) == w)
        elif isinstance(want, dict) and set(want) <= {"IN", "NOT_IN"}:
            inside = frozenset(want.get("IN", ()))
            outside = frozenset(want.get("NOT_IN", ()))
            if "IN" in want:
                checks.append(lambda t, g=get, s=inside: g(t) in s)
            if outside:
                checks.append(lambda t, g=get, s=outside: g(t) not in s)
        else:
            raise PatternError(f"{where}: unsupported value for {key}: {want!r}")
    return lambda t: all(check(t) for check in checks)


def compile_pattern(key: str, pattern: list[dict]) -> TreePattern:
    """A DependencyMatcher pattern as a TreePattern; its first node must constrain LEMMA."""
    if not pattern or "LEMMA" not in pattern[0].get("RIGHT_ATTRS", {}):
        raise PatternError(f"{key}: the first node must constrain LEMMA")
    lemma = pattern[0]["RIGHT_ATTRS"]["LEMMA"]
    anchors = frozenset([lemma] if isinstance(lemma, str) else lemma.get("IN", ()))
    nodes, seen = [], set()
    for node in pattern:
        name = node["RIGHT_ID"]
        left, op = node.get("LEFT_ID"), node.get("REL_OP")
        if nodes and (left not in seen or op not in _OPS):
            raise PatternError(f"{key}: node {name!r} needs a known LEFT_ID and one of {_OPS}")
        nodes.append(_Node(name, left, op, _predicate(node.get("RIGHT_ATTRS", {}), key)))
        seen.add(name)
    return TreePattern(key, tuple(nodes), tuple(sorted(get_string_id(w) for w in anchors)))


def _related(tok: Token, op: str) -> Iterator[Token]:
    if op == ">":
        yield from tok.children
    elif op == ">>":
        yield from (t for t in tok.subtree if t.i != tok.i)
    elif op == "<":
        if tok.head is not tok:
            yield tok.head
    elif op == "$--":
        yield from (t for t in tok.head.children if t.i < tok.i) if tok.head is not tok else ()
    elif op == "$++":
        yield from (t for t in tok.head.children if t.i > tok.i) if tok.head is not tok else ()


def _extend(pattern: TreePattern, k: int, bound: dict[str, Token]) -> dict[str, Token] | None:
    """Bind nodes k.. depth-first; the first complete binding, or None."""
    if k == len(pattern.nodes):
        return dict(bound)
    node = pattern.nodes[k]
    used = {t.i for t in bound.values()}
    for cand in _related(bound[node.left], node.op):
        if cand.i in used or not node.test(cand):
            continue
        bound[node.name] = cand
        found = _extend(pattern, k + 1, bound)
        del bound[node.name]
        if found is not None:
            return found
    return None


def tree_matches(doc: Doc, patterns: tuple[TreePattern, ...]) -> list[tuple[str, dict[str, Token]]]:
    """(pattern key, node name -> token) for every anchor token where a pattern matches."""
    if not len(doc):
        return []
    # Where each lemma occurs, built once: every pattern then looks up only its anchors.
    where: dict[int, list[int]] = {}
    for i, lemma in enumerate(doc.to_array("LEMMA").tolist()):
        where.setdefault(lemma, []).append(i)
    out = []
    for pattern in patterns:
        for i in sorted(i for h in pattern.anchor_hashes for i in where.get(h, ())):
            tok = doc[i]
            if not pattern.nodes[0].test(tok):
                continue
            found = _extend(pattern, 1, {pattern.nodes[0].name: tok})
            if found is not None:
                out.append((pattern.key, found))
    return out
