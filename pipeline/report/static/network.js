// Network: organizations and countries that take part in the same events. Positions come
// from layout.py (only the most connected nodes have one); edges and their weights, the
// number of shared events, are counted here from the filtered events, so filters apply.

const WIDTHS = [[1, 1], [2, 2.5], [4, 4], [10, 6.5]]; // [least shared events, line width]

function networkData(eventIdx) {
  const edges = new Map();
  const count = new Map();
  for (const i of eventIdx) {
    const placed = EVENTS[i].r.filter((n) => NODES[n].x !== null);
    for (const n of placed) count.set(n, (count.get(n) || 0) + 1);
    for (let a = 0; a < placed.length; a++) {
      for (let b = a + 1; b < placed.length; b++) {
        const key = `${placed[a]},${placed[b]}`;
        edges.set(key, (edges.get(key) || 0) + 1);
      }
    }
  }
  return { edges, count };
}

function edgeTraces(edges) {
  const traces = [];
  const hover = { type: "scatter", mode: "markers", x: [], y: [], hovertext: [], hoverinfo: "text",
    marker: { size: 6, color: "rgba(0,0,0,0)" }, showlegend: false };
  WIDTHS.forEach(([least, width], k) => {
    const most = k + 1 < WIDTHS.length ? WIDTHS[k + 1][0] : Infinity;
    const x = [];
    const y = [];
    for (const [key, w] of edges) {
      if (w < least || w >= most) continue;
      const [a, b] = key.split(",").map(Number);
      x.push(NODES[a].x, NODES[b].x, null);
      y.push(NODES[a].y, NODES[b].y, null);
      hover.x.push((NODES[a].x + NODES[b].x) / 2);
      hover.y.push((NODES[a].y + NODES[b].y) / 2);
      hover.hovertext.push(`${plotlyText(NODES[a].label)} — ${plotlyText(NODES[b].label)}: ` +
        `${w} shared event${w === 1 ? "" : "s"}`);
    }
    if (x.length) traces.push({ type: "scatter", mode: "lines", x, y, hoverinfo: "skip", showlegend: false,
      line: { color: "#8c9bab", width } });
  });
  traces.push(hover);
  return traces;
}

function nodeTraces(count, degree) {
  const shown = [...count.keys()];
  const labelled = new Set([...shown].sort((a, b) => (degree.get(b) || 0) - (degree.get(a) || 0)).slice(0, 30));
  return [["country", "Countries", "diamond", "#444444"], ["org", "Organizations", "circle", "#2b6cb0"]]
    .map(([kind, name, symbol, color]) => {
      const nodes = shown.filter((n) => NODES[n].kind === kind);
      return { type: "scatter", mode: "markers+text", name, x: nodes.map((n) => NODES[n].x),
        y: nodes.map((n) => NODES[n].y), customdata: nodes,
        text: nodes.map((n) => (labelled.has(n) ? plotlyText(NODES[n].label) : "")),
        textposition: "top center", textfont: { size: 11, color: "#333333" },
        hovertext: nodes.map((n) => `<b>${plotlyText(NODES[n].label)}</b><br>${count.get(n)} events` +
          (degree.get(n) ? `, ${degree.get(n)} shared` : "") + "<br>click to filter on it"),
        hoverinfo: "text",
        marker: { symbol, color, size: nodes.map((n) => Math.min(34, 8 + 4 * Math.sqrt(count.get(n)))),
          line: { color: "#ffffff", width: 1 } } };
    });
}

function drawNetwork(eventIdx) {
  const gd = document.getElementById("network");
  const { edges, count } = networkData(eventIdx);
  const degree = new Map();
  for (const [key, w] of edges) {
    for (const n of key.split(",").map(Number)) degree.set(n, (degree.get(n) || 0) + w);
  }
  const traces = edgeTraces(edges).concat(nodeTraces(count, degree));
  const axis = { visible: false, range: [-0.12, 1.12], fixedrange: false };
  Plotly.react(gd, traces, { height: 560, margin: { l: 10, r: 10, t: 10, b: 10 }, xaxis: axis,
    yaxis: { ...axis }, hovermode: "closest", legend: { orientation: "h" }, dragmode: "pan" },
  { displaylogo: false, responsive: true, scrollZoom: true, modeBarButtonsToRemove: ["toImage", "select2d", "lasso2d"] });
  gd.dataset.nodes = String(count.size);
  gd.dataset.edges = String(edges.size);
  const { laidOut, linked } = MODEL.counts;
  document.getElementById("network-caption").textContent =
    `${count.size} organizations and countries, ${edges.size} links (line width: number of shared events). ` +
    (laidOut < linked ? `Only the ${laidOut} most connected of the ${linked} that share an event are drawn. ` : "") +
    "Click a node to filter on it.";
}

function onNetworkClick(data) {
  const point = data.points && data.points[0];
  if (!point || typeof point.customdata !== "number") return;
  const node = NODES[point.customdata];
  if (node.kind === "country") {
    state.country = state.country === node.id ? "" : node.id;
    document.getElementById("f-country").value = state.country;
  } else {
    state.org = state.org === point.customdata ? -1 : point.customdata;
    document.getElementById("f-org").value = String(state.org);
  }
  state.page = 0;
  update();
}
