// Wiring: fills the filter controls, redraws every view when a filter changes, shows counts.

function option(value, label) {
  const node = el("option", null, label);
  node.value = value;
  return node;
}

function eventsPerNode() {
  const counts = new Map();
  for (const ev of EVENTS) for (const n of ev.r) counts.set(n, (counts.get(n) || 0) + 1);
  return counts;
}

function fillFilters() {
  const perNode = eventsPerNode();
  const byCount = (a, b) => (perNode.get(b) || 0) - (perNode.get(a) || 0) || NODES[a].label.localeCompare(NODES[b].label);
  const countries = NODES.map((_, n) => n).filter((n) => NODES[n].kind === "country").sort(byCount);
  const orgs = NODES.map((_, n) => n).filter((n) => NODES[n].kind === "org").sort(byCount);
  const country = document.getElementById("f-country");
  country.append(option("", `All countries (${countries.length})`));
  for (const n of countries) {
    country.append(option(NODES[n].id, `${NODES[n].label} (${NODES[n].id}) · ${perNode.get(n) || 0} events`));
  }
  const org = document.getElementById("f-org");
  org.append(option("-1", `All organizations (${orgs.length})`));
  for (const n of orgs) org.append(option(String(n), `${NODES[n].label} · ${perNode.get(n) || 0} events`));
  const types = document.getElementById("f-types");
  for (const type of TYPES) {
    const label = el("label", "type");
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = type;
    box.addEventListener("change", () => {
      if (box.checked) state.types.add(type);
      else state.types.delete(type);
      changed();
    });
    const swatch = el("span", "swatch");
    swatch.style.backgroundColor = typeColor(type);
    label.append(box, swatch, el("span", null, type), el("span", "muted type-count"));
    label.dataset.type = type;
    types.append(label);
  }
  country.addEventListener("change", () => { state.country = country.value; changed(); });
  org.addEventListener("change", () => { state.org = Number(org.value); changed(); });
  for (const [id, key] of [["f-from", "from"], ["f-to", "to"]]) {
    const input = document.getElementById(id);
    input.addEventListener("change", () => { state[key] = input.value; changed(); });
  }
  document.getElementById("f-reset").addEventListener("click", () => {
    Object.assign(state, { country: "", org: -1, from: "", to: "", types: new Set(TYPES) });
    country.value = "";
    org.value = "-1";
    document.getElementById("f-from").value = "";
    document.getElementById("f-to").value = "";
    types.querySelectorAll("input").forEach((box) => { box.checked = true; });
    changed();
  });
  document.getElementById("tl-prev").addEventListener("click", () => { state.page -= 1; drawTimeline(filteredEvents()); });
  document.getElementById("tl-next").addEventListener("click", () => { state.page += 1; drawTimeline(filteredEvents()); });
}

function changed() {
  state.page = 0;
  state.listed = 100;
  update();
}

function showCounts(eventIdx) {
  const dated = eventIdx.filter((i) => EVENTS[i].a).length;
  const docs = filteredDocs(eventIdx).length;
  const counts = document.getElementById("counts");
  counts.textContent = `${eventIdx.length} of ${EVENTS.length} events (${dated} dated, ` +
    `${eventIdx.length - dated} undated) · ${docs} of ${DOCS.length} documents · ` +
    `${MODEL.counts.organizations} organization records, ${MODEL.counts.dates} dates` +
    (MODEL.counts.rejects ? ` · ${MODEL.counts.rejects} sources rejected by the extraction` : "");
  counts.dataset.events = String(eventIdx.length);
  counts.dataset.dated = String(dated);
  counts.dataset.documents = String(docs);
  const perType = new Map();
  for (const i of eventIdx) perType.set(EVENTS[i].t, (perType.get(EVENTS[i].t) || 0) + 1);
  document.querySelectorAll("#f-types label.type").forEach((label) => {
    label.querySelector(".type-count").textContent = ` ${perType.get(label.dataset.type) || 0}`;
  });
}

function showWarnings() {
  const c = MODEL.counts;
  const notes = [];
  if (c.textMissing) notes.push(`${c.textMissing} documents without their text (not found under the sources folder)`);
  if (c.textChanged) notes.push(`${c.textChanged} documents whose source changed after the extraction`);
  if (c.spansDropped) notes.push(`${c.spansDropped} spans that did not match their text were left unhighlighted`);
  document.getElementById("warnings").textContent = notes.join(" · ");
}

function update() {
  const eventIdx = filteredEvents();
  showCounts(eventIdx);
  drawTimeline(eventIdx);
  drawNetwork(eventIdx);
  renderDocList(eventIdx);
}

async function start() {
  fillFilters();
  showWarnings();
  update();
  document.getElementById("timeline").on("plotly_click", onTimelineClick);
  document.getElementById("network").on("plotly_click", onNetworkClick);
  if (DOCS.length) await showDocument(0, -1, false);
  document.body.dataset.ready = "1";
}

start();
