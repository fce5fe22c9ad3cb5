// Timeline: dated events on a date axis, one row per country or organization taking part,
// coloured by type. An event with several participants has a mark on each of their rows;
// one with none named has its mark on a last row. Rows are paged (settings.rowsPerPage);
// when a page would hold more than settings.maxMarks marks, each row shows one mark per
// type and year, sized by its count, and clicking it narrows the date filter to that year.

const NO_PARTICIPANT = "(no participant named)";

function timelineRows(eventIdx) {
  const byNode = new Map();
  const unnamed = [];
  for (const i of eventIdx) {
    const ev = EVENTS[i];
    if (!ev.a) continue;
    if (!ev.r.length) unnamed.push(i);
    for (const n of ev.r) {
      if (!byNode.has(n)) byNode.set(n, []);
      byNode.get(n).push(i);
    }
  }
  const rows = [...byNode.entries()].map(([n, evs]) => ({ label: nodeLabel(n), events: evs }));
  rows.sort((x, y) => y.events.length - x.events.length || x.label.localeCompare(y.label));
  if (unnamed.length) rows.push({ label: NO_PARTICIPANT, events: unnamed });
  return rows;
}

function eventHover(i) {
  const ev = EVENTS[i];
  const who = ev.p.map((p) => participantName(p) + (p[1] ? ` (${p[1]})` : "")).filter(Boolean).join(", ");
  const when = ev.a === ev.b ? ev.a : `${ev.a} to ${ev.b}`;
  return [
    `<b>${plotlyText(ev.t)}</b>: “${plotlyText(ev.trig)}”` + (ev.status ? ` (${plotlyText(ev.status)})` : ""),
    `Date: ${plotlyText(ev.dv)} (${when})`,
    `Participants: ${plotlyWrapped(who || "none named", 90)}`,
    `Place: ${plotlyText(ev.loc || "not stated")}`,
    `Document: ${plotlyWrapped(docLabel(DOCS[ev.d]), 90)}`,
    `<i>${plotlyWrapped(ev.sent, 90)}</i>`,
  ].join("<br>");
}

function eventMarks(pageRows) {
  const marks = {};
  pageRows.forEach((row, y) => {
    for (const i of row.events) {
      const ev = EVENTS[i];
      const m = marks[ev.t] || (marks[ev.t] = { x: [], y: [], text: [], data: [], lx: [], ly: [] });
      m.x.push(midpoint(ev));
      m.y.push(y);
      m.text.push(eventHover(i));
      m.data.push(i);
      if (ev.a !== ev.b) m.lx.push(plotlyDate(dayMs(ev.a)), plotlyDate(dayMs(ev.b) + DAY_MS), null);
      if (ev.a !== ev.b) m.ly.push(y, y, null);
    }
  });
  return marks;
}

function yearMarks(pageRows) {
  const marks = {};
  pageRows.forEach((row, y) => {
    const counts = new Map();
    for (const i of row.events) {
      const key = `${EVENTS[i].t}|${EVENTS[i].a.slice(0, 4)}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    for (const [key, count] of counts) {
      const [type, year] = key.split("|");
      const m = marks[type] || (marks[type] = { x: [], y: [], text: [], data: [], size: [], lx: [], ly: [] });
      m.x.push(`${year}-07-02`);
      m.y.push(y);
      m.size.push(Math.min(30, 6 + 3 * Math.sqrt(count)));
      m.text.push(`<b>${plotlyText(type)}</b>: ${count} events in ${year}<br>${plotlyText(row.label)}` +
        "<br>click to narrow the dates to that year");
      m.data.push(`year:${year}`);
    }
  });
  return marks;
}

function drawTimeline(eventIdx) {
  const gd = document.getElementById("timeline");
  const rows = timelineRows(eventIdx);
  const perPage = MODEL.settings.rowsPerPage;
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  state.page = Math.min(state.page, pages - 1);
  const pageRows = rows.slice(state.page * perPage, (state.page + 1) * perPage);
  const total = pageRows.reduce((sum, row) => sum + row.events.length, 0);
  const byYear = total > MODEL.settings.maxMarks;
  const marks = byYear ? yearMarks(pageRows) : eventMarks(pageRows);
  const traces = [];
  for (const type of TYPES.filter((t) => marks[t])) {
    const m = marks[type];
    if (m.lx.length) {
      traces.push({ type: "scatter", mode: "lines", x: m.lx, y: m.ly, hoverinfo: "skip", showlegend: false,
        line: { color: typeColor(type), width: 7 }, opacity: 0.35 });
    }
    traces.push({ type: "scatter", mode: "markers", name: plotlyText(type), x: m.x, y: m.y,
      hovertext: m.text, hoverinfo: "text", customdata: m.data,
      marker: { color: typeColor(type), size: m.size || 11, line: { color: "#ffffff", width: 1 } } });
  }
  const layout = {
    height: 90 + 30 * Math.max(pageRows.length, 2), margin: { l: 260, r: 20, t: 10, b: 40 },
    xaxis: { type: "date", gridcolor: "#e6e6e6" },
    yaxis: { tickvals: pageRows.map((_, y) => y), ticktext: pageRows.map((row) => plotlyText(row.label)),
      range: [Math.max(pageRows.length, 2) - 0.5, -0.5], automargin: true, fixedrange: true,
      zeroline: false },
    legend: { orientation: "h", y: 1.02, yanchor: "bottom" }, hovermode: "closest", showlegend: true,
  };
  Plotly.react(gd, traces, layout, { displaylogo: false, responsive: true,
    modeBarButtonsToRemove: ["toImage", "select2d", "lasso2d"] });
  const plotted = new Set(pageRows.flatMap((row) => row.events));
  gd.dataset.marks = String(traces.reduce((s, t) => s + (t.mode === "markers" ? t.x.length : 0), 0));
  gd.dataset.events = String(plotted.size);
  gd.dataset.mode = byYear ? "years" : "events";
  document.getElementById("tl-page").textContent = rows.length
    ? `rows ${state.page * perPage + 1}–${state.page * perPage + pageRows.length} of ${rows.length}` +
      (byYear ? " · one mark per type and year (too many events to draw one by one)" : "")
    : "no dated event matches the filters";
  document.getElementById("tl-prev").disabled = state.page === 0;
  document.getElementById("tl-next").disabled = state.page >= pages - 1;
  drawUndated(eventIdx);
}

function drawUndated(eventIdx) {
  const undated = eventIdx.filter((i) => !EVENTS[i].a);
  document.getElementById("undated-summary").textContent =
    `${undated.length} matching event${undated.length === 1 ? "" : "s"} without a usable date (not plotted)`;
  const list = document.getElementById("undated-list");
  clear(list);
  for (const i of undated.slice(0, 200)) {
    const ev = EVENTS[i];
    const item = el("li");
    const button = el("button", "link", eventSummary(ev));
    button.type = "button";
    button.addEventListener("click", () => showDocument(ev.d, i, true));
    item.append(button, el("span", "muted", ` — ${docLabel(DOCS[ev.d])}`));
    list.append(item);
  }
  if (undated.length > 200) list.append(el("li", "muted", `… and ${undated.length - 200} more`));
}

function onTimelineClick(data) {
  const point = data.points && data.points[0];
  if (!point || point.customdata === undefined) return;
  const value = point.customdata;
  if (typeof value === "string" && value.startsWith("year:")) {
    const year = value.slice(5);
    state.from = `${year}-01-01`;
    state.to = `${year}-12-31`;
    document.getElementById("f-from").value = state.from;
    document.getElementById("f-to").value = state.to;
    update();
    return;
  }
  showDocument(EVENTS[value].d, value, true);
}
