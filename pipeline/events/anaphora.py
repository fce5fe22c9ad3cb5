"""What refers back: a pronoun subject stands for the parties named before it; a bare
definite noun (`attended the meeting`) names an occurrence already told.

`NATO Allies ... the capabilities they have donated to Ukraine`: the nearest plural noun
phrase before the pronoun in its sentence, not the noun its own relative clause describes
(`capabilities`). `The Canadian and Chilean navies met in May. They agreed to ...`: with
none before it in its sentence, the subject of the sentence before. The pronouns are the
word class `plural_subject_pronouns` of `data/event_lexicon.json`.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.rules import word_classes

_PLURAL = ("NNS", "NNPS")
_AMOUNTS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")


def pronoun_subject(trig: Token) -> Token | None:
    """The trigger's own subject when it is a plural pronoun (`they signed`)."""
    pronouns = word_classes()["plural_subject_pronouns"]
    return next((c for c in trig.children if c.dep_ == "nsubj" and c.text in pronouns), None)


def antecedent(trig: Token) -> set[int]:
    """Token ids of the noun phrase a `they` subject of `trig` stands for, else empty."""
    pron = pronoun_subject(trig)
    if pron is None:
        return set()
    own = {t.i for t in trig.subtree}
    described = trig.head.i if trig.dep_ == "relcl" else None
    sent = pron.sent
    for i in range(pron.i - 1, sent.start - 1, -1):
        tok = pron.doc[i]
        if (tok.tag_ in _PLURAL and tok.dep_ != "compound" and tok.i != described
                and tok.ent_type_ not in _AMOUNTS):  # "in the tens of thousands": no party
            phrase = {t.i for t in tok.subtree}
            return phrase - own if trig.i in phrase else phrase
    if sent.start == 0:
        return set()
    before = pron.doc[sent.start - 1].sent
    subj = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not (subj.tag_ in _PLURAL or any(c.dep_ == "conj" for c in subj.children)):
        return set()
    return {t.i for t in subj.subtree}


def definite_theme(theme: Token | None) -> bool:
    """`attended the meeting`, `joined this exercise`: a bare definite noun names an occurrence
    already told; not `the NATO Summit`, `the second meeting` (named or counted anew)."""
    if theme is None or theme.pos_ != "NOUN":
        return False
    det = next((c for c in theme.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in word_classes()["anaphoric_determiners"]:
        return False
    return not any(c.dep_ in ("compound", "nmod", "amod", "nummod", "poss") for c in theme.children)
