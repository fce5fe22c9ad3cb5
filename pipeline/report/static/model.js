// The model embedded by data.py, the filter state, and the helpers every view shares.
// Safety rule for all files: data reaches the DOM only through textContent, createTextNode
// or properties like .title/.value, never innerHTML; data reaches Plotly only through
// plotlyText(), because Plotly renders <b>, <a href>, <span style> found in its strings.

const MODEL = JSON.parse(document.getElementById("report-data").textContent);
const EVENTS = MODEL.events;
const DOCS = MODEL.docs;
const NODES = MODEL.nodes;

const TYPE_ORDER = ["ESTABLISH", "MEET", "VISIT", "AGREE", "EXERCISE", "DEPLOY", "JOIN", "TRAIN", "AID"];
const TYPE_COLORS = {
  ESTABLISH: "#1b9e77", MEET: "#377eb8", VISIT: "#984ea3", AGREE: "#c59a00", EXERCISE: "#e41a1c",
  DEPLOY: "#a65628", JOIN: "#4d9a1e", TRAIN: "#e7298a", AID: "#ff7f00",
};
const TYPES = (() => {
  const present = new Set(EVENTS.map((e) => e.t));
  const known = TYPE_ORDER.filter((t) => present.has(t));
  return known.concat([...present].filter((t) => !TYPE_ORDER.includes(t)).sort());
})();

const state = {
  country: "", org: -1, from: "", to: "", types: new Set(TYPES), page: 0, doc: -1, event: -1, listed: 100,
};

function typeColor(type) {
  return TYPE_COLORS[type] || "#666666";
}

// A DOM element with a class and text; attributes go through properties set by the caller.
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// Plotly turns "<b>", "<br>", "<a href=...>" in labels into markup and decodes &lt; &gt; &amp;
// back to characters: escaping these three makes every data string plain text there.
function plotlyText(value) {
  return String(value ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Plain text cut into lines of at most `width` characters, escaped, joined for a Plotly hover.
function plotlyWrapped(value, width) {
  const lines = [];
  let line = "";
  for (const word of String(value ?? "").split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? line + " " + word : word;
    }
  }
  if (line) lines.push(line);
  return lines.map(plotlyText).join("<br>");
}

function docLabel(doc) {
  return doc.title || doc.source || doc.id;
}

function nodeLabel(n) {
  return n >= 0 ? NODES[n].label : "";
}

function allTypes() {
  return state.types.size === TYPES.length;
}

function filtersActive() {
  return Boolean(state.country || state.org >= 0 || state.from || state.to || !allTypes());
}

// Does an event pass the filters? Country: a participant's or the place's country.
// Dates: the event's interval overlaps [from, to]; an undated event never passes a date filter.
function eventMatches(ev) {
  if (!state.types.has(ev.t)) return false;
  if (state.country && !ev.cs.includes(state.country)) return false;
  if (state.org >= 0 && !ev.r.includes(state.org)) return false;
  if (state.from || state.to) {
    if (!ev.a) return false;
    if (state.from && ev.b < state.from) return false;
    if (state.to && ev.a > state.to) return false;
  }
  return true;
}

function filteredEvents() {
  const out = [];
  EVENTS.forEach((ev, i) => {
    if (eventMatches(ev)) out.push(i);
  });
  return out;
}

// Documents listed under the filters: those with a matching event, or, when only a country
// or an organization is chosen, also those that mention a matching organization.
function filteredDocs(eventIdx) {
  if (!filtersActive()) return DOCS.map((_, i) => i);
  const withEvents = new Set(eventIdx.map((i) => EVENTS[i].d));
  const whoOnly = !state.from && !state.to && allTypes();
  return DOCS.map((_, i) => i).filter((i) => withEvents.has(i) || (whoOnly &&
    (state.org < 0 || DOCS[i].on.includes(state.org)) && (!state.country || DOCS[i].oc.includes(state.country))));
}

// What only the document view needs of a document (text, organizations with their mentions,
// dates, its events' offsets): embedded gzip'ed and base64'd, inflated on first use, kept.
const BLOBS = new Map();
async function docData(docIdx) {
  if (!BLOBS.has(docIdx)) {
    const bytes = Uint8Array.from(atob(DOCS[docIdx].z), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    BLOBS.set(docIdx, JSON.parse(await new Response(stream).text()));
  }
  return BLOBS.get(docIdx);
}

// A participant is [node, role] or [node, role, name] when its name is not the node's label.
function participantName(p) {
  return p.length > 2 ? p[2] : nodeLabel(p[0]);
}

// Midpoint of an event's interval [a, b] (whole days) as a Plotly date string.
const DAY_MS = 86400000;
function dayMs(iso) {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}
function plotlyDate(ms) {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}
function midpoint(ev) {
  return plotlyDate((dayMs(ev.a) + dayMs(ev.b) + DAY_MS) / 2);
}

function eventSummary(ev) {
  const who = ev.p.map(participantName).filter(Boolean).join(", ");
  return `${ev.t} “${ev.trig}”` + (ev.dv ? ` · ${ev.dv}` : "") + (who ? ` · ${who}` : "");
}
