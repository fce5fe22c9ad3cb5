// Document view: the filtered list of documents, the chosen one's text with organizations,
// dates and event triggers highlighted (the chosen event's evidence underlined), and its
// records beside it. Only the chosen document is inflated and rendered, so the page does
// the same work at 8 documents as at 5,000.

let renderToken = 0;

function renderDocList(eventIdx) {
  const docs = filteredDocs(eventIdx);
  const perDoc = new Map();
  for (const i of eventIdx) perDoc.set(EVENTS[i].d, (perDoc.get(EVENTS[i].d) || 0) + 1);
  const list = document.getElementById("doc-list");
  clear(list);
  list.append(el("p", "muted", `${docs.length} of ${DOCS.length} documents`));
  const ul = el("ul");
  for (const d of docs.slice(0, state.listed)) {
    const button = el("button", d === state.doc ? "doc current" : "doc", docLabel(DOCS[d]));
    button.type = "button";
    button.dataset.doc = DOCS[d].id;
    button.append(el("span", "muted", ` ${DOCS[d].published || ""} · ${perDoc.get(d) || 0} events`));
    button.addEventListener("click", () => showDocument(d, -1, false));
    const item = el("li");
    item.append(button);
    ul.append(item);
  }
  list.append(ul);
  if (docs.length > state.listed) {
    const more = el("button", "link", `Show ${Math.min(100, docs.length - state.listed)} more`);
    more.type = "button";
    more.addEventListener("click", () => {
      state.listed += 100;
      renderDocList(filteredEvents());
    });
    list.append(more);
  }
}

function docSpans(doc) {
  const spans = [];
  doc.orgs.forEach((o, k) => o.m.forEach((s) => spans.push({ s: s[0], e: s[1], kind: "org", key: `o${k}`,
    label: `organization: ${o.name}` })));
  doc.dates.forEach((t, k) => t.s && spans.push({ s: t.s[0], e: t.s[1], kind: "date", key: `t${k}`,
    label: `date: ${t.v}` }));
  for (const [key, [trigger, evidence]] of Object.entries(doc.events)) {
    const i = Number(key);
    if (trigger) spans.push({ s: trigger[0], e: trigger[1], kind: "event", key: `e${i}`, label: `event: ${EVENTS[i].t}` });
    if (i === state.event) evidence.forEach((s) => spans.push({ s: s[0], e: s[1], kind: "evidence", key: `e${i}`,
      label: "evidence" }));
  }
  return spans;
}

// The text cut at every span boundary; each piece inside spans becomes a <mark> whose
// classes name the kinds covering it. Text goes in as text nodes only.
function renderText(container, text, spans) {
  const starts = new Map();
  const ends = new Map();
  const bounds = new Set([0, text.length]);
  spans.forEach((span, id) => {
    span.id = id;
    bounds.add(span.s);
    bounds.add(span.e);
    (starts.get(span.s) || starts.set(span.s, []).get(span.s)).push(span);
    (ends.get(span.e) || ends.set(span.e, []).get(span.e)).push(span);
  });
  const cuts = [...bounds].sort((a, b) => a - b);
  const active = new Map();
  const fragment = document.createDocumentFragment();
  for (let k = 0; k < cuts.length - 1; k++) {
    for (const span of ends.get(cuts[k]) || []) active.delete(span.id);
    for (const span of starts.get(cuts[k]) || []) active.set(span.id, span);
    const piece = text.slice(cuts[k], cuts[k + 1]);
    if (!active.size) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const covering = [...active.values()];
    const mark = el("mark", [...new Set(covering.map((s) => `k-${s.kind}`))].join(" "), piece);
    mark.dataset.keys = [...new Set(covering.map((s) => s.key))].join(" ");
    mark.title = [...new Set(covering.map((s) => s.label))].join("\n");
    mark.addEventListener("click", () => focusRecord(covering.find((s) => s.kind !== "evidence") || covering[0]));
    fragment.append(mark);
  }
  clear(container);
  container.append(fragment);
}

function recordButton(label, key, onClick) {
  const button = el("button", "record", label);
  button.type = "button";
  button.dataset.key = key;
  button.addEventListener("click", onClick);
  return button;
}

function renderRecords(docIdx, doc) {
  const pane = document.getElementById("doc-records");
  clear(pane);
  const section = (title, items) => {
    pane.append(el("h4", null, `${title} (${items.length})`));
    const ul = el("ul", "records");
    for (const item of items) {
      const li = el("li");
      li.append(item);
      ul.append(li);
    }
    pane.append(ul);
  };
  const events = Object.keys(doc.events).map(Number);
  section("Events", events.map((i) => recordButton(eventSummary(EVENTS[i]), `e${i}`,
    () => showDocument(docIdx, i, false))));
  section("Organizations", doc.orgs.map((o, k) => recordButton(
    `${o.name}${o.acr ? ` (${o.acr})` : ""}${o.c ? ` · ${o.c}` : ""} · ${o.m.length} mentions`, `o${k}`,
    () => flash(`o${k}`))));
  section("Dates", doc.dates.map((t, k) => recordButton(`${t.text} → ${t.v}`, `t${k}`, () => flash(`t${k}`))));
}

function flash(key) {
  const marks = [...document.querySelectorAll("#doc-text mark")].filter((m) => m.dataset.keys.split(" ").includes(key));
  marks.forEach((m) => m.classList.add("flash"));
  if (marks.length) marks[0].scrollIntoView({ block: "center" });
  setTimeout(() => marks.forEach((m) => m.classList.remove("flash")), 1600);
  document.querySelectorAll("#doc-records button.record").forEach((b) => b.classList.toggle("current", b.dataset.key === key));
}

function focusRecord(span) {
  if (span.key.startsWith("e")) showDocument(state.doc, Number(span.key.slice(1)), false);
  else flash(span.key);
}

async function showDocument(docIdx, eventIdx, scroll) {
  const token = ++renderToken;
  state.doc = docIdx;
  state.event = eventIdx;
  const doc = DOCS[docIdx];
  document.getElementById("doc-title").textContent = docLabel(doc);
  document.getElementById("doc-meta").textContent =
    `${doc.source}${doc.published ? ` · published ${doc.published}` : ""}`;
  document.querySelectorAll("#doc-list button.doc").forEach((b) => b.classList.toggle("current", b.dataset.doc === doc.id));
  const data = await docData(docIdx);
  if (token !== renderToken) return;
  renderRecords(docIdx, data);
  const container = document.getElementById("doc-text");
  if (data.text === null) {
    clear(container);
    container.append(el("p", "warning", doc.status === "changed"
      ? "This source changed after the extraction: its offsets no longer fit, so its text is not shown."
      : "The text of this document was not found (see --sources); its records are listed beside."));
  } else {
    renderText(container, data.text, docSpans(data));
  }
  container.dataset.doc = doc.id;
  if (scroll) document.getElementById("doc-section").scrollIntoView();
  if (eventIdx >= 0) flash(`e${eventIdx}`);
}
