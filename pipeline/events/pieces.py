"""Where the parser cut one clause in pieces, the pieces that still belong to the trigger's.

`...cooperation\n\nThe Royal Canadian Navy (RCN) and the Colombian Navy held staff talks`:
subjects hung on the line above. `activated the battery as part of the base's (JBLM's) 1st
Task Force in January 2024`: a bracket ends the parse early and the rest of the sentence,
with no verb of its own, becomes a root of its own.
"""

from __future__ import annotations

from spacy.tokens import Token


def glued_subjects(trig: Token, window_ids: set[int]) -> set[int]:
    """Subjects the parser hung on the line above: in `...cooperation\n\nThe Royal Canadian
    Navy (RCN) and the Colombian Navy held staff talks`, `Navy (RCN)` is parsed as an
    apposition of the headline's last word. When the trigger itself hangs outside its line,
    the noun phrases cut off the same way before it are its coordinated subjects."""
    if trig.head.i in window_ids or trig.head is trig:
        return set()
    out: set[int] = set()
    for i in sorted(window_ids):
        tok = trig.doc[i]
        if i >= trig.i:
            break
        if tok.head.i not in window_ids and tok.pos_ in ("PROPN", "NOUN"):
            out |= {t.i for t in tok.subtree} & window_ids
    return out


def _root(tok: Token) -> Token:
    cur = tok
    for _ in range(60):
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def verbless_tail(trig: Token, window_ids: set[int]) -> set[int]:
    """Token ids of the verbless pieces of the trigger's sentence that the parser cut off after
    the trigger's own clause: each a root whose subtree has no verb, right after that clause."""
    own = _root(trig)
    out: set[int] = set()
    last = own.right_edge.i
    for i in sorted(window_ids):
        tok = trig.doc[i]
        if i <= last or tok.head.i != i:
            continue
        piece = list(tok.subtree)
        if piece[0].i != last + 1 or any(t.pos_ in ("VERB", "AUX") for t in piece):
            break
        out |= {t.i for t in piece} & window_ids
        last = piece[-1].i
    return out
