"""`make bench`'s in-process figures: where the time goes, and what hostile input costs per byte.

Why: "the pipeline is as fast as the bare model" is only actionable with a
breakdown: the CPU time of each spaCy component (a timing wrapper around
each, in one `nlp.pipe` pass) beside that of each rule stage, on the same
documents. And "linear on any input" needs each kind of hostile run's cost per
character beside prose's, and a dense one-line text's at two sizes. CPU time
of this thread is measured (not wall time): other load on the machine does
not count, and the model runs in this thread.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.ingest import Source, clean, discover, load_source
from pipeline.settings import Settings

# Hostile runs: each bracket, quotes, dots, dashes, symbols, mixed brackets, initials, base64, digits.
HOSTILE = {
    **{f"run of {c}": c for c in "()[]{}<>\"'“”‘’.-–—_=*#!?,:+$/"},
    "run of ()": "()", "run of [(<{": "[(<{", "A.B.C. repeated": "A.B.C.", "base64": "QUJDZGVmZ2hp+/0=",
    "digits": "0123456789",
}
DENSE = "The Canadian Armed Forces (CAF) met SEDENA in 2006. "


class _Timed:
    """A pipeline component whose `pipe` adds the CPU time spent pulling each Doc through it.

    Components are chained generators: the time counted for one includes the
    components before it, so each one's own time is the difference of the two.
    """

    def __init__(self, name: str, proc: Any, totals: dict[str, float]) -> None:
        self.name, self.proc, self.totals = name, proc, totals

    def __call__(self, doc: Any) -> Any:
        started = time.thread_time()
        out = self.proc(doc)
        self.totals[self.name] += time.thread_time() - started
        return out

    def pipe(self, docs: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        it = iter(self.proc.pipe(docs, **kwargs) if hasattr(self.proc, "pipe") else map(self.proc, docs))
        while True:
            started = time.thread_time()
            try:
                doc = next(it)
            except StopIteration:
                self.totals[self.name] += time.thread_time() - started
                return
            self.totals[self.name] += time.thread_time() - started
            yield doc

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.proc, attr)


def breakdown(corpus: Path, settings: Settings) -> list[tuple[str, float]]:
    """(step, CPU seconds) over the corpus: the tokenizer, each component, each rule stage, records."""
    from pipeline import dates, events, organizations
    from pipeline.nlp import Chunk, iter_chunks
    from pipeline.run.assemble import build_records
    from pipeline.run.document import Found
    from pipeline.run.schedule import load_model

    nlp = load_model(settings)
    totals: dict[str, float] = defaultdict(float)
    names = list(nlp.pipe_names)
    nlp.tokenizer = _Timed("tokenizer", nlp.tokenizer, totals)
    nlp._components = [(n, _Timed(n, p, totals)) for n, p in nlp._components]  # the pipeline's own list
    started = time.thread_time()
    sources = [load_source(p, corpus, None) for p in discover(corpus)]
    views = [clean(s) for s in sources]
    totals["ingest and cleaning"] = time.thread_time() - started
    pieces = [(piece, (k, off)) for k, v in enumerate(views) for off, piece in iter_chunks(v.text, 20_000)]
    parsed: dict[int, list[Any]] = defaultdict(list)
    for doc, (k, off) in nlp.pipe(pieces, as_tuples=True, batch_size=settings.batch_size):
        parsed[k].append(Chunk.of(doc, off))
    rules: dict[str, float] = defaultdict(float)
    for k, (source, view) in enumerate(zip(sources, views, strict=True)):
        mentions, timexes, cands = [], [], []
        for chunk in parsed[k]:
            t0 = time.thread_time()
            ms = organizations.find(chunk)
            t1 = time.thread_time()
            ds = dates.find(chunk, source.published)
            t2 = time.thread_time()
            cands += events.find(chunk, ms, ds)
            rules["rules: organizations"] += t1 - t0
            rules["rules: dates"] += t2 - t1
            rules["rules: events"] += time.thread_time() - t2
            mentions += ms
            timexes += ds
        started = time.thread_time()
        ents = organizations.link(mentions, view.text)
        found = Found(ents, timexes, events.finish(cands, ents))
        middle = time.thread_time()
        build_records(source, view, found).lines()
        rules["rules: linking, merging"] += middle - started
        rules["records and JSON"] += time.thread_time() - middle
    out, before = [("tokenizer", totals["tokenizer"])], totals["tokenizer"]
    for name in names:  # each component's own time: its count less the one before it
        out.append((f"model: {name}", totals[name] - before))
        before = totals[name]
    return [("ingest and cleaning", totals["ingest and cleaning"]), *out, *sorted(rules.items())]


def _source(text: str) -> Source:
    return Source("bench", "bench.txt", "0" * 64, text, None, date(2021, 3, 1), 0)


def per_char(nlp: Any, settings: Settings, text: str) -> float:
    """CPU seconds per character of one document through the whole extraction (best of two)."""
    from pipeline.run.runner import process

    best = float("inf")
    for _ in range(2):
        started = time.thread_time()
        list(process([_source(text)], nlp, settings))
        best = min(best, time.thread_time() - started)
    return best / len(text)


def hostile(prose: str, size: int, dense_size: int, settings: Settings) -> list[tuple[str, float, float]]:
    """(input, CPU us per character, ratio to prose): each hostile run, and dense text at 1x and 2x."""
    from pipeline.run.schedule import load_model

    nlp = load_model(settings)
    base_text = (prose * (size // len(prose) + 1))[:size]
    per_char(nlp, settings, base_text[:2000])  # warm up
    base = per_char(nlp, settings, base_text)
    rows = [("prose (sources/ repeated)", base * 1e6, 1.0)]
    for name, unit in HOSTILE.items():
        cost = per_char(nlp, settings, (unit * (size // len(unit) + 1))[:size])
        rows.append((name, cost * 1e6, cost / base))
    one = per_char(nlp, settings, DENSE * (dense_size // len(DENSE)))
    two = per_char(nlp, settings, DENSE * (2 * dense_size // len(DENSE)))
    rows.append((f"dense one line, {dense_size:,} chars", one * 1e6, one / base))
    rows.append((f"dense one line, {2 * dense_size:,} chars", two * 1e6, two / base))
    return rows
