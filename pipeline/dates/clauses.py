"""Where an expression stands in its sentence: whether it can move a story's time (narrative.py).

A history moves its reference time on with the dates it tells (`In April 1940
Germany invaded Norway. In May ...`). Some dates in it do not tell the story's
time but look away from it, and the next `In May` must not land on them:

- a flashback: `since 513 BC`, `forces that had invaded Burma in late 1943`
  (a look-back signal, or the past perfect: `had` + participle): "back";
- a future seen from the story: `the road would be exposed for a campaign in
  1976` (`would`): "ahead";
- a date in a relative clause, which tells about a thing rather than the
  story's next step: `an assault that lasted until the fall of the city in
  February 1945`, a year naming a thing: `the 1614 rules`, or in brackets:
  `the Civil Constitution of the Clergy (1790)`, `(as of December 5, 2006)`:
  "aside";
- a date in a quotation, told from the speaker's time: `"I am tonight
  announcing ..."`: "quoted" (a story does not say when the speaker spoke, so
  what the DCT resolved there is unknown: `XXXX-XX-XXTNI`); its calendar dates still move the story.

`By the end of March the Allies had taken the island` is no flashback: `by`
names the time the story has reached. The words are data (`timex_words.jsonl`,
kinds `story_signal`, `story_aux`, `story_reached_signal`). An expression
marked here is still resolved on the story's time; it only does not move it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.dates.grammar import timex_lexicon

# How far up the tree the verb that governs an expression is looked for.
_MAX_UP = 8
# How far (characters) an aside's brackets are looked for on each side.
_BRACKET_REACH = 120
# How far (characters) back and ahead in its paragraph a quotation is looked for: bounded, so
# that a long one-line text costs the same per expression as prose
_QUOTE_REACH = 1_000
# A relative clause tells about a thing, not the story's next step: `an assault that lasted until
# the fall of the city in February 1945`
_RELATIVE = frozenset({"relcl"})
# A year as a noun's modifier
_ATTRIBUTIVE = frozenset({"nummod", "compound", "amod", "nmod"})


def _governing_verb(tok: Token) -> Token | None:
    for _ in range(_MAX_UP):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _attributive(span: Span) -> bool:
    """`The 1614 rules differed`, `the 1953 team`: a year naming a thing by its date, not the story's time."""
    root = span.root
    if not (len(span) == 1 and root.like_num and len(root.text) == 4 and root.i > 0):
        return False
    head, before = root.head, root.doc[root.i - 1]
    # a determiner before it (`the`, `its`, `Spain's`) and its noun after it, in one line: a heading year
    # over a paragraph is no modifier
    return (root.dep_ in _ATTRIBUTIVE and head.pos_ == "NOUN" and root.i < head.i <= root.i + 3
            and before.tag_ in ("DT", "PRP$", "POS") and "\n" not in root.doc[root.i:head.i].text_with_ws)


def _in_brackets(text: str, start: int, end: int) -> bool:
    """`(as of December 5, 2006)`, `the Civil Constitution of the Clergy (1790)`: an aside in brackets."""
    before = text.rfind("(", max(0, start - _BRACKET_REACH), start)
    if before == -1 or ")" in text[before:start] or "\n" in text[before:start]:
        return False
    after = text.find(")", end, end + _BRACKET_REACH)
    return after != -1 and "(" not in text[end:after] and "\n" not in text[end:after]


def _in_quotes(text: str, start: int) -> bool:
    """`Nixon said, "I am tonight announcing ..."`: inside a quotation opened in the same paragraph."""
    lo = max(0, start - _QUOTE_REACH)
    para = text[text.rfind("\n", lo, start) + 1 or lo:start]
    hi = min(len(text), start + _QUOTE_REACH)
    line_end = text.find("\n", start, hi)
    rest = text[start:line_end if line_end != -1 else hi]
    # a quotation closed after the expression, in the same paragraph (a stray mark opens none)
    return (para.count('"') % 2 == 1 and '"' in rest
            or para.count("\u201c") > para.count("\u201d") and "\u201d" in rest)


def _clause_view(verb: Token) -> str | None:
    """"back" for the past perfect (`had invaded`), "ahead" for a future in the past (`would follow`)."""
    for aux in (c for c in verb.children if c.dep_ in ("aux", "auxpass")):
        said = timex_lexicon().value("story_aux", aux.lower_)
        if said == "back" and verb.tag_ != "VBN":
            continue  # "had" as the main verb's auxiliary only: `had invaded`, not `had to`
        if said:
            return said
    return None


def story_view(doc: Doc, text: str, start: int, end: int, signal: str | None) -> str | None:
    """How the expression at start:end (chunk offsets) stands to the story: "back", "ahead", "aside" or None.

    `text` is the chunk's text (`doc.text` would join every token again for each expression).

    None: it tells the story's time, and may move it.
    """
    if signal and timex_lexicon().value("story_signal", signal) is not None:
        return timex_lexicon().value("story_signal", signal)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if _in_brackets(text, start, end):
        return "aside"
    if _in_quotes(text, start):
        return "quoted"
    if _attributive(span):
        return "aside"
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    view = _clause_view(verb)
    if view == "back" and signal and timex_lexicon().value("story_reached_signal", signal):
        return None  # `By the end of March the Allies had taken the island`: the story is there
    if view is None and verb.dep_ in _RELATIVE:
        return "aside"
    return view
