"""Records and texts shaped into the one JSON model the page reads: a pure function, no file access.

The page does all filtering itself (filters must update every view without a server),
so the model carries every event once, with what each view needs precomputed here:
its interval on the calendar (`intervals.py`), the nodes it joins (timeline rows,
network edges), the countries it touches (country filter), a hover snippet of its
sentence, and offsets converted for JavaScript.

Two things keep it usable at 5,000 documents. What only the document view needs (the
text, its organizations' mentions, its dates, its events' offsets) is one gzip'ed,
base64'd JSON per document, inflated by the page only when that document is opened;
what stays plain is what every view needs at once (events, nodes, document titles),
kept lean. The network carries positions only for the `max_nodes` most connected nodes.
Offsets are code points in the records but UTF-16 units in a JavaScript string, so
they are converted here, and every span is checked against the text it claims to
slice: a span that does not match is dropped rather than highlighting wrong words.
"""

from __future__ import annotations

import base64
import bisect
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.report.inputs import OutputRecords, SourceText
from pipeline.report.intervals import event_interval
from pipeline.report.layout import cooccurrence_edges, layout_network

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BLANKS = re.compile(r"\s+")


@dataclass(frozen=True)
class ReportSettings:
    """How much the page draws at once; the defaults keep a 5,000-document report responsive."""

    max_marks: int = 3000  # timeline marks drawn one by one; beyond, one mark per row, type and year
    rows_per_page: int = 25  # timeline rows (countries, organizations) per page
    max_nodes: int = 250  # network nodes laid out and drawn: the most connected ones
    snippet_chars: int = 240  # evidence sentence shown on hover, cut around the trigger


def utf16_converter(text: str) -> Callable[[int], int]:
    """Code-point offset -> UTF-16 offset: each character above U+FFFF before it counts twice."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda offset: offset
    return lambda offset: offset + bisect.bisect_left(astral, offset)


def compress_text(text: str) -> str:
    """gzip (no timestamp, so builds are reproducible) then base64, for the page to inflate on demand.

    One document at a time: a blob per document costs what that document costs, so a
    corpus of similar texts is not measured smaller than it would really be.
    """
    return base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)).decode("ascii")


class _Doc:
    """One document's text with the checks and conversions its spans need."""

    def __init__(self, source: SourceText) -> None:
        self.text = source.text if source.status == "ok" else None
        self.to16 = utf16_converter(self.text) if self.text is not None else None
        self.dropped = 0

    def span(self, start: object, end: object, expected: object = None) -> list[int] | None:
        """[start, end] in UTF-16 units if it slices the text (to `expected` when given), else None."""
        if self.text is None or self.to16 is None:
            return None
        ok = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(self.text)
        if ok and isinstance(expected, str):
            ok = self.text[start:end] == expected
        if not ok:
            self.dropped += 1
            return None
        return [self.to16(start), self.to16(end)]


def _most_common(values: list[str]) -> str | None:
    counted = Counter(v for v in values if v)
    return min(counted, key=lambda v: (-counted[v], v)) if counted else None


def _collect_nodes(records: OutputRecords) -> list[dict]:
    """Organizations (by org_id, stable across documents) and countries (by ISO code), in id order."""
    org_names: dict[str, list[str]] = defaultdict(list)
    org_acronyms: dict[str, list[str]] = defaultdict(list)
    org_countries: dict[str, list[str]] = defaultdict(list)
    country_names: dict[str, list[str]] = defaultdict(list)
    for org in records.organizations:
        if isinstance(org.get("org_id"), str):
            org_names[org["org_id"]].append(org.get("name") or "")
            org_acronyms[org["org_id"]].append(org.get("acronym") or "")
            org_countries[org["org_id"]].append(org.get("country") or "")
            if org.get("country"):
                country_names.setdefault(org["country"], [])
    for event in records.events:
        for p in event.get("participants") or []:
            if p.get("org_id"):
                org_names[p["org_id"]].append(p.get("name") or "")
                org_acronyms[p["org_id"]].append(p.get("acronym") or "")
                org_countries[p["org_id"]].append(p.get("country") or "")
            elif p.get("country"):
                country_names[p["country"]].append(p.get("name") or "")
            if p.get("country"):
                country_names.setdefault(p["country"], [])
        location = event.get("location") or {}
        if location.get("country"):
            country_names.setdefault(location["country"], [])
    nodes = []
    for code in sorted(country_names):
        nodes.append({"id": code, "kind": "country", "label": _most_common(country_names[code]) or code,
                      "country": code})
    for org_id in sorted(org_names):
        name = _most_common(org_names[org_id]) or org_id
        acronym = _most_common(org_acronyms[org_id])
        nodes.append({"id": org_id, "kind": "org", "label": f"{name} ({acronym})" if acronym else name,
                      "country": _most_common(org_countries[org_id])})
    return nodes


def _node_of(participant: dict, index: dict[str, int]) -> int:
    key = participant.get("org_id") or participant.get("country")
    return index.get(key, -1) if key else -1


def _snippet(doc: _Doc, event: dict, limit: int) -> str:
    """The evidence sentence, cut to `limit` characters around the trigger, blanks collapsed."""
    sentence, trigger = event.get("sentence") or {}, event.get("trigger") or {}
    evidence = event.get("evidence") or []
    text = ""
    bounded = isinstance(sentence.get("start"), int) and isinstance(sentence.get("end"), int)
    if doc.text is not None and bounded:
        start, end = sentence["start"], sentence["end"]
        t_start = trigger.get("start") if isinstance(trigger.get("start"), int) else start
        if end - start > limit:
            start = max(start, min(t_start - limit // 2, end - limit))
            end = start + limit
        text = doc.text[start:end]
        cut_left, cut_right = start > sentence["start"], end < sentence["end"]
        text = ("… " if cut_left else "") + _BLANKS.sub(" ", text).strip() + (" …" if cut_right else "")
    elif evidence and isinstance(evidence[0], dict):
        text = _BLANKS.sub(" ", str(evidence[0].get("text") or "")).strip()
        if len(text) > limit:
            text = text[:limit] + " …"
    return text


def _participant(p: dict, index: dict[str, int], labels: list[str]) -> list:
    """[node, role] when the name is the node's label, else [node, role, name] (node -1: unknown)."""
    node, name = _node_of(p, index), str(p.get("name") or "")
    short = [node, str(p.get("role") or "")]
    return short if node >= 0 and name == labels[node] else [*short, name]


def _shape_event(event: dict, doc_idx: int, doc: _Doc, dates: dict, index: dict[str, int],
                 labels: list[str], settings: ReportSettings) -> dict:
    """What the timeline, network and filters need of an event; its offsets go in the document's blob."""
    trigger = event.get("trigger") or {}
    when = event.get("date") or {}
    location = event.get("location") or {}
    participants = [p for p in event.get("participants") or [] if isinstance(p, dict)]
    interval = event_interval(when.get("value"), dates.get((event.get("doc_id"), when.get("date_id"))))
    shaped_participants = [_participant(p, index, labels) for p in participants]
    countries = {p["country"] for p in participants if p.get("country")}
    if location.get("country"):
        countries.add(location["country"])
    shaped = {
        "d": doc_idx,
        "id": str(event.get("event_id") or ""),
        "t": str(event.get("type") or "OTHER"),
        "trig": str(trigger.get("text") or ""),
        "sent": _snippet(doc, event, settings.snippet_chars),
        "dv": when.get("value"),
        "a": interval[0].isoformat() if interval else None,
        "b": interval[1].isoformat() if interval else None,
        "loc": location.get("name"),
        "lc": location.get("country"),
        "p": shaped_participants,
        "r": sorted({p[0] for p in shaped_participants if p[0] >= 0}),
        "cs": sorted(countries),
    }
    for optional in ("status", "name"):  # CONTRACT.md fields the output may gain
        if isinstance(event.get(optional), str):
            shaped[optional] = event[optional]
    return shaped


def _event_spans(event: dict, doc: _Doc) -> list:
    """[trigger span or None, evidence spans]: where the document view marks an event."""
    trigger = event.get("trigger") or {}
    evidence = [s for e in event.get("evidence") or [] if isinstance(e, dict)
                if (s := doc.span(e.get("start"), e.get("end"), e.get("text")))]
    return [doc.span(trigger.get("start"), trigger.get("end"), trigger.get("text")), evidence]


def _doc_blob(body: _Doc, orgs: list[dict], dates: list[dict], events: dict[int, dict],
              index: dict[str, int]) -> str:
    """Everything only the document view needs, as one compressed JSON: inflated when it is opened."""
    blob = {
        "text": body.text,
        "orgs": [{"n": index.get(o.get("org_id"), -1), "name": str(o.get("name") or ""),
                  "acr": o.get("acronym"), "c": o.get("country"),
                  "m": [s for m in o.get("mentions") or [] if isinstance(m, dict)
                        if (s := body.span(m.get("start"), m.get("end"), m.get("text")))]}
                 for o in orgs],
        "dates": [{"id": str(t.get("date_id") or ""), "text": str(t.get("text") or ""),
                   "v": t.get("value"), "ty": t.get("type"),
                   "s": body.span(t.get("start"), t.get("end"), t.get("text"))}
                  for t in dates],
        "events": {str(i): _event_spans(e, body) for i, e in events.items()},
    }
    return compress_text(json.dumps(blob, ensure_ascii=False, separators=(",", ":")))


def _shape_doc(doc: dict, source: SourceText, orgs: list[dict], index: dict[str, int], blob: str) -> dict:
    """What the document list and the filters need of a document, plus its compressed blob."""
    return {
        "id": doc["doc_id"],
        "title": doc.get("title") if isinstance(doc.get("title"), str) else None,
        "source": str(doc.get("source") or ""),
        "published": doc.get("published") if isinstance(doc.get("published"), str) else None,
        "status": source.status,
        "on": sorted({n for o in orgs if (n := index.get(o.get("org_id"), -1)) >= 0}),
        "oc": sorted({o["country"] for o in orgs if isinstance(o.get("country"), str)}),
        "z": blob,
    }


def build_model(records: OutputRecords, texts: dict[str, SourceText],
                settings: ReportSettings | None = None) -> dict:
    """The page's data: documents (texts compressed), events, nodes with network positions, counts."""
    settings = settings or ReportSettings()
    nodes = _collect_nodes(records)
    index = {node["id"]: n for n, node in enumerate(nodes)}
    orgs_by_doc: dict[str, list[dict]] = defaultdict(list)
    for org in records.organizations:
        orgs_by_doc[org.get("doc_id")].append(org)
    dates_by_doc: dict[str, list[dict]] = defaultdict(list)
    date_records: dict[tuple, dict] = {}
    for row in records.dates:
        dates_by_doc[row.get("doc_id")].append(row)
        date_records[(row.get("doc_id"), row.get("date_id"))] = row
    events_by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in records.events:
        events_by_doc[event.get("doc_id")].append(event)

    labels = [node["label"] for node in nodes]
    docs, events, dropped = [], [], 0
    for doc_idx, doc in enumerate(records.documents):
        doc_id = doc["doc_id"]
        source = texts.get(doc_id, SourceText("missing"))
        body = _Doc(source)
        own = dict(enumerate(events_by_doc[doc_id], start=len(events)))
        events.extend(_shape_event(e, doc_idx, body, date_records, index, labels, settings)
                      for e in own.values())
        blob = _doc_blob(body, orgs_by_doc[doc_id], dates_by_doc[doc_id], own, index)
        docs.append(_shape_doc(doc, source, orgs_by_doc[doc_id], index, blob))
        dropped += body.dropped

    edges = cooccurrence_edges(e["r"] for e in events)
    positions = layout_network(edges, [n["id"] for n in nodes], settings.max_nodes)
    for n, node in enumerate(nodes):
        node["x"], node["y"] = positions.get(n, (None, None))
    statuses = Counter(d["status"] for d in docs)
    return {
        "settings": {"maxMarks": settings.max_marks, "rowsPerPage": settings.rows_per_page,
                     "maxNodes": settings.max_nodes},
        "counts": {
            "documents": len(docs), "events": len(events),
            "dated": sum(1 for e in events if e["a"]), "organizations": len(records.organizations),
            "dates": len(records.dates), "rejects": len(records.rejects),
            "textMissing": statuses["missing"], "textChanged": statuses["changed"],
            "spansDropped": dropped, "laidOut": len(positions),
            "linked": len({n for edge in edges for n in edge}),
        },
        "docs": docs,
        "events": events,
        "nodes": nodes,
    }
