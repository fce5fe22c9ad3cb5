"""Where an event's arguments may come from: the scope of a trigger in the parse.

The trigger's subtree, its theme's, a controlling clause's subject, the noun a
participle or relative clause is said of; never across a line break (a heading
the parser glues to the bullet below it is none of the bullet's words).
"""

from __future__ import annotations

from spacy.tokens import Token

_SUBJECTS = ("nsubj", "nsubjpass")


def controller_subject(trig: Token) -> Token | None:
    """The subject a subjectless verb shares with the clause it hangs from:
    `NATO played a pivotal role in coordinating ..., airlifting ... supplies` -> NATO."""
    if any(c.dep_ in _SUBJECTS and same_line(c, trig) for c in trig.children):
        return None  # a heading the parser made the subject (`Regional:` / `- Signed in ...`) is none
    cur = trig
    for _ in range(8):
        if cur.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "pobj", "prep", "dobj") or cur.head is cur:
            return None
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ in _SUBJECTS and same_line(c, trig)), None)
        if subj is not None and cur.pos_ in ("VERB", "AUX"):
            return subj
    return None


def same_line(a: Token, b: Token) -> bool:
    """No line break between two tokens: a bullet's words are never the heading's above it."""
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.whitespace_ or t.is_space for t in a.doc[lo:hi])


def fronted_participle_noun(trig: Token) -> set[int]:
    """`Signed in late 2021, the Fisheries Partnership initiative from USAID ...`: a fronted
    participle is said of the noun phrase it precedes, which the parser may make its head."""
    head = trig.head
    if trig.tag_ == "VBN" and trig.dep_ in ("acl", "advcl") and not same_line(trig, head):
        head = _line_subject_after(trig)  # hung on the heading above: `Regional:` / `- Signed in ...`
        if head is None:
            return set()
    elif trig.dep_ != "advcl" or trig.tag_ != "VBN" or head.i < trig.i or head.pos_ not in ("NOUN", "PROPN"):
        return set()
    return {t.i for t in head.subtree} - {t.i for t in trig.subtree}


def _line_subject_after(trig: Token) -> Token | None:
    """The head of the noun phrase after `trig`'s own words and comma, on its line."""
    doc = trig.doc
    k = trig.right_edge.i + 1
    if k >= len(doc) - 1 or doc[k].text != "," or not same_line(doc[k + 1], trig):
        return None
    cur = doc[k + 1]
    for _ in range(12):
        head = cur.head
        if head is cur or head.i <= k or not same_line(head, trig) or head.pos_ not in ("NOUN", "PROPN"):
            break
        cur = head
    return cur if cur.pos_ in ("NOUN", "PROPN") else None


def relative_antecedent(trig: Token) -> set[int]:
    """The noun phrase a relative pronoun subject stands for, without the clause itself:
    `Finland, which joined the Alliance in April 2023` -> Finland."""
    if trig.dep_ != "relcl" or trig.head is trig:
        return set()
    if not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in trig.children):
        return set()
    head = trig.head
    left = [t.i for t in head.lefts if t.dep_ in ("compound", "det", "amod", "nmod")]
    return {head.i, *(i for i in left if trig.doc[i].dep_ != "det")}


def scope_of(trig: Token, theme: Token | None, kind: str, window: set[int],
             triggers: set[int]) -> tuple[set[int], set[int]]:
    """(scope, inherited): token ids an argument may come from, cut to the window.

    The trigger's subtree, its theme's (`Talks - established in 2006`), the
    copula's subject (`Mexico has been a member`), a controlling clause's subject
    (`inherited`); without coordinated clauses and other triggers nested in it.
    """
    ids = {t.i for t in trig.subtree}
    if theme is not None and theme.i not in ids:
        ids |= {t.i for t in theme.subtree}
    if kind == "copular" and trig.head is not trig:
        for c in trig.head.children:
            if c.dep_ in _SUBJECTS:
                ids |= {t.i for t in c.subtree}
    if kind == "nominal" and (trig.dep_ == "dobj" or (trig.dep_ == "nsubj" and trig.head.lemma_ == "be")):
        # PP attachment: "monitor the Russian deployments in and around Ukraine"; and where the
        # subject of `be` is: "all Coalition Forces are in Iraq"
        for c in trig.head.children:
            if c.dep_ == "prep":
                ids |= {t.i for t in c.subtree}
    if kind == "nominal-theme" and trig.dep_ == "dobj":
        # what the new body is welcomed as: "the launch of the Council as a forum for the U.S. and the EU"
        for c in trig.head.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                ids |= {t.i for t in c.subtree}
    inherited: set[int] = set()
    subj = controller_subject(trig) if kind not in ("nominal", "nominal-theme", "anaphor") else None
    if subj is not None:
        inherited = {t.i for t in subj.subtree}
        ids |= inherited
    inherited |= relative_antecedent(trig) | fronted_participle_noun(trig)
    ids |= inherited
    for i in sorted(ids):
        tok = trig.doc[i]
        if i == trig.i or i not in ids:
            continue
        nested = i in triggers and tok.pos_ == "VERB" and tok.dep_ not in ("acl", "relcl")
        if (tok.dep_ == "conj" and tok.pos_ == "VERB") or nested:
            sub = {t.i for t in tok.subtree}
            if trig.i not in sub:
                ids -= sub
    return ids & window, inherited & window
