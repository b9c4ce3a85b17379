// Chronicle dashboard: plain JavaScript over the JSON API, charts with the bundled plotly.min.js.
// Every piece of data goes into the page as text (textContent / createTextNode), never as HTML.
"use strict";

const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOURS = { 1: "#2e8b57", 2: "#1b6e3f", 3: "#e08a1e", 4: "#c0392b", "": "#7f8c8d" };
const view = document.getElementById("view");

// ------------------------------------------------------------------ DOM helpers (text only)

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeHref(value) {
  const text = String(value);
  if (text.startsWith("#/") || text.startsWith("/")) return text;
  try {
    const url = new URL(text);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch (e) { /* not a URL */ }
  return "#";
}

function link(hash, text) { return el("a", { href: hash }, text); }

function plain(text) {  // text for plotly labels: its markup-like characters as entities, shown as text
  return String(text === null || text === undefined ? "" : text)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

function show(...children) { clear(view); children.flat().forEach((c) => c && view.appendChild(c)); }

// ------------------------------------------------------------------ API

function qs(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") search.set(k, v);
  const text = search.toString();
  return text ? "?" + text : "";
}

async function api(path, params) {
  const headers = {};
  const token = localStorage.getItem("chronicle-token");
  if (token) headers["Authorization"] = "Bearer " + token;
  const response = await fetch(path + qs(params), { headers });
  if (response.status === 401) throw new Error("This server needs a token for reads: set it with ?token=... in the page address.");
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(response.status + ": " + detail);
  }
  return response.json();
}

function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const parts = path.split("/").map(decodeURIComponent);
  return { name: parts[0] || "", arg: parts.slice(1).join("/"), params: Object.fromEntries(new URLSearchParams(query || "")) };
}

function go(name, params) { location.hash = "#/" + name + qs(params); }

// ------------------------------------------------------------------ shared pieces

function actorText(m) {
  if (!m) return "?";
  const name = m.name || m.text || m.code || "?";
  return m.code && m.code !== name ? name + " (" + m.code + ")" : name;
}

function quadTag(quad) {
  if (!quad) return el("span", { class: "tag" }, "no quad");
  return el("span", { class: "tag quad" + quad }, QUADS[quad]);
}

function eventCard(e, options) {
  const opts = options || {};
  return el("div", { class: "card event-card", "data-event": e.id },
    el("div", { class: "summary" }, actorText(e.source), " -> ", el("span", { class: "quad" + (e.quad || "") }, e.type),
      " -> ", actorText(e.target)),
    el("div", { class: "sentence" }, e.sentence),
    el("div", { class: "muted" },
      quadTag(e.quad), el("span", { class: "tag" }, "confidence " + Number(e.confidence).toFixed(2)),
      e.cameo ? el("span", { class: "tag" }, "CAMEO " + e.cameo) : null,
      e.day ? el("span", { class: "tag" }, e.day) : null,
      opts.noArticle ? null : link("#/article/" + encodeURIComponent(e.article_id), e.title || "article")),
    el("div", { class: "muted why" }, "why: ", e.why));
}

function quoteCard(q) {
  return el("div", { class: "card quote-card" },
    el("div", { class: "summary" }, el("b", {}, q.speaker_name || "unknown speaker"), q.cue ? " " + q.cue : "", ":"),
    el("div", { class: "sentence" }, "\u201c", q.text, "\u201d"),
    el("div", { class: "muted" }, el("span", { class: "tag" }, q.kind), q.day ? el("span", { class: "tag" }, q.day) : null,
      q.article_id ? link("#/article/" + encodeURIComponent(q.article_id), q.title || "article") : null));
}

function snippet(text) {  // "[word]" marks from the search index become <mark> elements, built as text
  const node = el("span", { class: "snippet" });
  String(text || "").split(/(\[[^\]]*\])/).forEach((part) => {
    if (part.startsWith("[") && part.endsWith("]")) node.appendChild(el("mark", {}, part.slice(1, -1)));
    else node.appendChild(document.createTextNode(part));
  });
  return node;
}

function failure(error) { show(el("p", { class: "error" }, String(error.message || error))); }

function eventsTable(items) {
  const table = el("table", { class: "events" },
    el("thead", {}, el("tr", {}, ["date", "source", "type", "target", "quad", "confidence", "sentence", "article"].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  items.forEach((e) => body.appendChild(eventRow(e)));
  table.appendChild(body);
  return table;
}

function eventRow(e) {
  return el("tr", { "data-event": e.id },
    el("td", {}, e.day || ""), el("td", {}, actorText(e.source)), el("td", { class: "quad" + (e.quad || "") }, e.type),
    el("td", {}, actorText(e.target)), el("td", {}, e.quad_name || ""), el("td", {}, Number(e.confidence).toFixed(2)),
    el("td", { class: "sentence", title: e.why }, e.sentence),
    el("td", {}, link("#/article/" + encodeURIComponent(e.article_id), e.title || e.article_id.slice(0, 10))));
}

// ------------------------------------------------------------------ views

async function overview() {
  const s = await api("/stats");
  const figures = ["articles", "events", "quotes", "actors", "stories", "documents", "duplicates", "failures"];
  show(el("h1", {}, "Chronicle"),
    el("div", { class: "cards" }, figures.map((k) => el("div", { class: "card" }, el("b", {}, s[k]), k))),
    el("h2", {}, "Events by quad class"),
    el("div", { class: "card" }, Object.entries(s.quads).map(([k, n]) => el("div", {}, k + ": " + n))),
    el("h2", {}, "Events by type"),
    el("div", { class: "card" }, Object.entries(s.types).map(([k, n]) =>
      el("div", {}, link("#/events" + qs({ type: k }), k), " " + n))),
    el("h2", {}, "Publishers"),
    el("div", { class: "card" }, Object.entries(s.publishers).map(([k, n]) => el("div", {}, k + ": " + n))));
}

async function search(params) {
  const input = el("input", { name: "q", value: params.q || "", placeholder: "words, \"a phrase\", prefix*", size: 40 });
  const form = el("form", { class: "filters", onsubmit: (ev) => { ev.preventDefault(); go("search", { q: input.value }); } },
    input, el("button", { type: "submit" }, "Search"));
  if (!params.q) { show(el("h1", {}, "Search articles, events and quotes"), form); return; }
  const r = await api("/search", { q: params.q });
  show(el("h1", {}, "Search"), form,
    el("div", { class: "cols" },
      el("div", {}, el("h2", {}, "Articles (" + r.articles.length + ")"),
        r.articles.map((h) => el("div", { class: "card article-hit" },
          link("#/article/" + encodeURIComponent(h.article_id), h.title || h.article_id),
          el("div", { class: "muted" }, [h.publisher, h.published].filter(Boolean).join(" \u00b7 ")), snippet(h.snippet)))),
      el("div", {}, el("h2", {}, "Events (" + r.events.length + ")"), r.events.map((e) => eventCard(e)),
        el("h2", {}, "Quotes (" + r.quotes.length + ")"), r.quotes.map(quoteCard))));
}

function highlightedBody(a) {
  // Cut the body at every span boundary; each piece is a text node inside a span with the classes
  // of the spans covering it.
  const body = a.body;
  const spans = a.spans.filter((s) => s.start >= 0 && s.end <= body.length && s.end > s.start);
  const triggers = a.spans.filter((s) => s.kind === "event" && s.trigger_start !== null && s.trigger_end !== null)
    .map((s) => ({ kind: "trigger", start: s.trigger_start, end: s.trigger_end, event_id: s.event_id }));
  const all = spans.concat(triggers);
  const cuts = new Set([0, body.length]);
  all.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
  const points = Array.from(cuts).filter((p) => p >= 0 && p <= body.length).sort((x, y) => x - y);
  const node = el("div", { class: "body", id: "article-body" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = all.filter((s) => s.start <= from && s.end >= to);
    const text = body.slice(from, to);
    if (!covering.length) { node.appendChild(document.createTextNode(text)); continue; }
    const classes = Array.from(new Set(covering.map((s) => "hl-" + s.kind))).join(" ");
    const event = covering.find((s) => s.event_id);
    const actor = covering.find((s) => s.kind === "actor");
    const attrs = { class: classes, "data-event": event ? event.event_id : null };
    if (actor) attrs.title = (actor.name || actor.text) + (actor.code ? " (" + actor.code + ")" : "");
    if (event) attrs.onclick = () => focusEvent(event.event_id);
    node.appendChild(el("span", attrs, text));
  }
  return node;
}

function focusEvent(id) {
  document.querySelectorAll(".hl-focus").forEach((n) => n.classList.remove("hl-focus"));
  document.querySelectorAll("[data-event]").forEach((n) => { if (n.getAttribute("data-event") === id) n.classList.add("hl-focus"); });
  const card = Array.from(document.querySelectorAll(".event-card")).find((n) => n.getAttribute("data-event") === id);
  if (card) card.scrollIntoView({ block: "nearest" });
}

async function article(id) {
  const a = await api("/articles/" + encodeURIComponent(id));
  const meta = [a.publisher, a.published, a.byline, a.language].filter(Boolean).join(" \u00b7 ");
  show(el("h1", { id: "article-title" }, a.title || "(untitled)"),
    el("div", { class: "muted" }, meta, " ", a.url ? el("a", { href: a.url, rel: "noopener noreferrer" }, "source") : null,
      a.story_size > 1 ? [" \u00b7 ", link("#/story/" + encodeURIComponent(a.story_id), a.story_size + " copies of this story")] : null),
    el("div", { class: "legend muted" },
      el("span", {}, el("span", { class: "swatch hl-actor" }), "actor"), el("span", {}, el("span", { class: "swatch hl-event" }), "event sentence"),
      el("span", {}, el("span", { class: "swatch hl-quote" }), "quote"), el("span", {}, el("b", {}, "bold"), " trigger")),
    el("div", { class: "cols" },
      highlightedBody(a),
      el("div", {},
        el("h2", {}, "Events (" + a.events.length + ")"), a.events.map((e) => eventCard(e, { noArticle: true })),
        el("h2", {}, "Quotes (" + a.quotes.length + ")"), a.quotes.map(quoteCard),
        el("h2", {}, "Actors (" + a.actors.length + ")"),
        el("div", { class: "card" }, a.actors.map((x) => el("div", {},
          link("#/actor/" + encodeURIComponent(x.code || x.name || ""), x.name || x.code || "?"),
          x.code ? " " + x.code : "", " \u00b7 " + x.mentions.length + " mention(s)"))))));
}

const EVENT_FILTERS = ["actor", "source", "target", "country", "sector", "type", "cameo", "quad", "since", "until",
  "min_confidence", "text", "publisher", "story"];

function filterForm(name, params, fields) {
  const inputs = {};
  const form = el("form", { class: "filters", onsubmit: (ev) => {
    ev.preventDefault();
    const next = {};
    for (const [k, input] of Object.entries(inputs)) if (input.value) next[k] = input.value;
    go(name, next);
  } });
  fields.forEach((f) => {
    let input;
    if (f === "quad") {
      input = el("select", { name: f }, el("option", { value: "" }, "any"),
        Object.entries(QUADS).map(([k, v]) => el("option", { value: k, selected: params.quad === k ? "selected" : null }, v)));
    } else if (f === "interval") {
      input = el("select", { name: f }, ["day", "week", "month"].map((v) =>
        el("option", { value: v, selected: (params.interval || "day") === v ? "selected" : null }, v)));
    } else {
      input = el("input", { name: f, value: params[f] || "", size: f === "text" ? 18 : 9 });
    }
    inputs[f] = input;
    form.appendChild(el("label", {}, f.replace("_", " "), input));
  });
  form.appendChild(el("button", { type: "submit" }, "Apply"));
  return form;
}

function pick(params, names) {
  const out = {};
  names.forEach((n) => { if (params[n]) out[n] = params[n]; });
  return out;
}

async function events(params) {
  const filters = pick(params, EVENT_FILTERS);
  const [page, facets] = await Promise.all([api("/events", Object.assign({ limit: 50 }, filters)), api("/facets", filters)]);
  const table = eventsTable(page.items);
  const more = el("button", { type: "button", id: "more" }, "More");
  let next = page.next;
  more.addEventListener("click", async () => {
    const p = await api("/events", Object.assign({ limit: 50, cursor: next }, filters));
    p.items.forEach((e) => table.querySelector("tbody").appendChild(eventRow(e)));
    next = p.next;
    if (!next) more.remove();
  });
  const facetBox = el("div", { class: "facet card" }, el("h2", {}, "Facets"),
    ["type", "quad", "country", "sector", "publisher"].map((name) => el("div", {}, el("h3", {}, name),
      Object.entries(facets[name] || {}).map(([value, n]) => el("a", {
        href: "#/events" + qs(Object.assign({}, filters, { [name]: value })) }, el("span", {}, name === "quad" ? QUADS[value] || value : value), el("span", {}, n))))));
  show(el("h1", {}, "Events"), filterForm("events", params, EVENT_FILTERS),
    el("div", { class: "muted" }, page.count + (next ? "+" : "") + " events \u00b7 download: ",
      el("a", { href: "/events" + qs(Object.assign({ format: "csv" }, filters)) }, "CSV"), " ",
      el("a", { href: "/events" + qs(Object.assign({ format: "jsonl" }, filters)) }, "JSONL")),
    el("div", { class: "sidebar-layout" }, facetBox, el("div", {}, table, next ? more : null)));
}

function periodEnd(period, interval) {
  const d = new Date(period + (period.length === 7 ? "-01" : "") + "T00:00:00Z");
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

async function timeline(params) {
  const filters = pick(params, ["actor", "source", "target", "type", "country", "quad"]);
  const interval = params.interval || "day";
  const t = await api("/timeline", Object.assign({ interval, by: "quad" }, filters));
  const chart = el("div", { class: "chart", id: "timeline-chart" });
  const list = el("div", { id: "timeline-events" }, el("p", { class: "muted" }, "Click a point to list its events and their sentences."));
  show(el("h1", {}, "Timeline"), filterForm("timeline", params, ["interval", "actor", "source", "target", "type", "country"]),
    chart, el("h2", {}, "Events of the chosen point"), list);
  const periods = allPeriods(t, interval);
  const traces = t.series.map((s) => {
    const counts = Object.fromEntries(s.points.map((p) => [p.period, p.count]));
    return { period: periods, y: periods.map((p) => counts[p] || 0), s };
  }).map(({ period, y, s }) => ({
    type: "scatter", mode: "lines+markers", name: s.name, x: period, y,
    customdata: period.map(() => s.key), marker: { size: y.map((n) => (n ? 9 : 4)), color: QUAD_COLOURS[s.key] || "#555" },
    line: { color: QUAD_COLOURS[s.key] || "#555" },
  }));
  Plotly.newPlot(chart, traces, { margin: { t: 20, r: 20, b: 50, l: 50 }, xaxis: { type: "date", title: { text: interval }, tickformat: interval === "month" ? "%Y-%m" : "%Y-%m-%d",
    range: interval === "month" ? undefined : dayRange(t) },
    yaxis: { title: { text: "events" }, rangemode: "tozero" }, legend: { orientation: "h" }, hovermode: "closest" },
    { displaylogo: false, responsive: true });
  chart.on("plotly_click", async (data) => {
    const point = data.points[0];
    const period = String(point.x).slice(0, interval === "month" ? 7 : 10);
    const quad = point.customdata;
    const found = await api("/events", Object.assign({}, filters, { since: period.length === 7 ? period + "-01" : period,
      until: periodEnd(period, interval), quad: quad || null, limit: 100 }));
    clear(list).appendChild(el("p", { class: "muted" }, found.count + " event(s), " + (QUADS[quad] || "") + ", " + interval + " of " + period));
    found.items.forEach((e) => list.appendChild(eventCard(e)));
  });
}

function allPeriods(t, interval) {  // every day, week or month from the first to the last: quiet ones count 0
  const found = t.series.flatMap((s) => s.points.map((p) => p.period)).sort();
  if (!found.length) return [];
  const out = [];
  if (interval === "month") {
    let [y, m] = found[0].split("-").map(Number);
    const last = found[found.length - 1];
    for (let i = 0; i < 1200; i++) {
      const period = y + "-" + String(m).padStart(2, "0");
      out.push(period);
      if (period >= last) break;
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }
  const step = interval === "week" ? 7 : 1;
  const d = new Date(found[0] + "T00:00:00Z"), end = new Date(found[found.length - 1] + "T00:00:00Z");
  for (let i = 0; d <= end && i < 5000; i++, d.setUTCDate(d.getUTCDate() + step)) out.push(d.toISOString().slice(0, 10));
  return out;
}

function dayRange(t) {  // the days of a timeline, three days wider each side (one day alone is no axis)
  const days = t.series.flatMap((s) => s.points.map((p) => p.period)).sort();
  if (!days.length) return undefined;
  const shift = (day, n) => { const d = new Date(day.slice(0, 10) + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
  return [shift(days[0], -3), shift(days[days.length - 1], 3)];
}

function layout(nodes, edges) {
  // Fruchterman-Reingold on a unit square, seeded by position in the list: the same graph, the same picture.
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({ x: Math.cos(2 * Math.PI * i / Math.max(n, 1)), y: Math.sin(2 * Math.PI * i / Math.max(n, 1)) }));
  const index = Object.fromEntries(nodes.map((node, i) => [node.id, i]));
  const k = Math.sqrt(4 / Math.max(n, 1));
  for (let step = 0, temp = 0.2; step < 200; step++, temp *= 0.985) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d = Math.max(Math.hypot(dx, dy), 0.01), f = k * k / d;
      disp[i].x += dx / d * f; disp[i].y += dy / d * f; disp[j].x -= dx / d * f; disp[j].y -= dy / d * f;
    }
    edges.forEach((e) => {
      const i = index[e.source], j = index[e.target];
      if (i === j) return;
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d = Math.max(Math.hypot(dx, dy), 0.01), f = d * d / k;
      disp[i].x -= dx / d * f; disp[i].y -= dy / d * f; disp[j].x += dx / d * f; disp[j].y += dy / d * f;
    });
    pos.forEach((p, i) => {  // gravity: unconnected groups stay near the middle instead of flying apart
      disp[i].x -= p.x * 2 / k; disp[i].y -= p.y * 2 / k;
    });
    pos.forEach((p, i) => {
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
      p.x += disp[i].x / d * Math.min(d, temp); p.y += disp[i].y / d * Math.min(d, temp);
    });
  }
  return pos;
}

async function network(params) {
  const filters = pick(params, EVENT_FILTERS);
  const g = await api("/network", Object.assign({ limit: 150 }, filters));
  const chart = el("div", { class: "chart", id: "network-chart", style: "height: 640px" });
  show(el("h1", {}, "Actor network"), filterForm("network", params, ["actor", "type", "country", "since", "until"]),
    el("div", { class: "legend muted" }, el("span", {}, el("span", { class: "swatch", style: "background:#2e8b57" }), "cooperation"),
      el("span", {}, el("span", { class: "swatch", style: "background:#c0392b" }), "conflict"),
      el("span", {}, g.nodes.length + " actors, " + g.edges.length + " edges; width: events; click an actor for its page")),
    chart);
  if (!g.nodes.length) { chart.appendChild(el("p", { class: "muted" }, "No events between two actors.")); return; }
  const pos = layout(g.nodes, g.edges);
  const index = Object.fromEntries(g.nodes.map((node, i) => [node.id, i]));
  const max = Math.max(...g.edges.map((e) => e.events));
  const pairs = new Set(g.edges.map((e) => e.source + "\u0000" + e.target));
  const traces = g.edges.map((e) => {
    const a = pos[index[e.source]], b = pos[index[e.target]];
    // an edge whose reverse is drawn too bends to its own side, so both stay visible
    const bend = pairs.has(e.target + "\u0000" + e.source) ? 0.06 : 0;
    const mid = { x: (a.x + b.x) / 2 - (b.y - a.y) * bend * 4, y: (a.y + b.y) / 2 + (b.x - a.x) * bend * 4 };
    const colour = e.conflict > e.cooperation ? "#c0392b" : e.cooperation > 0 ? "#2e8b57" : "#95a5a6";
    return { type: "scatter", mode: "lines", x: [a.x, mid.x, b.x], y: [a.y, mid.y, b.y], hoverinfo: "text", showlegend: false,
      text: plain(e.source_name + " -> " + e.target_name + ": " + e.events + " event(s), " + e.cooperation + " cooperation, " + e.conflict + " conflict"),
      line: { width: 1 + 7 * e.events / max, color: colour, shape: "spline" }, opacity: 0.7 };
  });
  traces.push({ type: "scatter", mode: "markers+text", x: pos.map((p) => p.x), y: pos.map((p) => p.y),
    text: g.nodes.map((node) => plain(node.name && node.name !== node.id ? node.name + " (" + node.id + ")" : node.id)),
    customdata: g.nodes.map((node) => node.id), textposition: "top center",
    hovertext: g.nodes.map((node) => plain(node.name + " (" + node.id + "): " + node.events + " event(s)")), hoverinfo: "text",
    marker: { size: g.nodes.map((node) => 10 + Math.min(30, 3 * Math.sqrt(node.events))), color: "#1f5f99", line: { color: "#fff", width: 1 } },
    showlegend: false });
  Plotly.newPlot(chart, traces, { margin: { t: 10, r: 10, b: 10, l: 10 }, hovermode: "closest",
    xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: "x" } }, { displaylogo: false, responsive: true });
  chart.on("plotly_click", (data) => {
    const point = data.points.find((p) => p.customdata);
    if (point) go("actor/" + encodeURIComponent(point.customdata));
  });
}

async function map(params) {
  const filters = pick(params, EVENT_FILTERS);
  const [world, found] = await Promise.all([api("/borders"), api("/events", Object.assign({ located: true, limit: 1000 }, filters))]);
  const chart = el("div", { class: "chart", id: "map-chart", style: "height: 560px" });
  const list = el("div", { id: "map-events" }, el("p", { class: "muted" }, "Click a marker for its event and sentence."));
  show(el("h1", {}, "Map of event places"), filterForm("map", params, ["actor", "type", "country", "since", "until"]),
    el("div", { class: "muted" }, found.count + " located event(s)" + (world.source ? "; borders: " + world.source : "; no world borders installed (make install)")),
    chart, list);
  const traces = [{ type: "scatter", mode: "lines", x: world.lon, y: world.lat, hoverinfo: "skip", showlegend: false,
    line: { color: "#9aa7b4", width: 0.7 }, connectgaps: false }];
  [1, 2, 3, 4, ""].forEach((quad) => {
    const items = found.items.filter((e) => String(e.quad || "") === String(quad));
    if (!items.length) return;
    traces.push({ type: "scatter", mode: "markers", name: QUADS[quad] || "other", x: items.map((e) => e.location.lon),
      y: items.map((e) => e.location.lat), customdata: items.map((e) => e.id),
      hovertext: items.map((e) => plain(e.location.name + ": " + e.summary)), hoverinfo: "text",
      marker: { size: 11, color: QUAD_COLOURS[quad], line: { color: "#fff", width: 1 } } });
  });
  Plotly.newPlot(chart, traces, { margin: { t: 10, r: 10, b: 30, l: 40 }, hovermode: "closest", legend: { orientation: "h" },
    xaxis: { range: [-180, 180], zeroline: false, showgrid: false }, yaxis: { range: [-60, 85], scaleanchor: "x", zeroline: false, showgrid: false } },
  { displaylogo: false, responsive: true });
  chart.on("plotly_click", (data) => {
    const point = data.points.find((p) => p.customdata);
    if (!point) return;
    const e = found.items.find((x) => x.id === point.customdata);
    clear(list).appendChild(eventCard(e));
  });
}

async function actors(params) {
  const r = await api("/actors", { q: params.q, limit: 100 });
  const input = el("input", { name: "q", value: params.q || "", placeholder: "code or name" });
  show(el("h1", {}, "Actors"),
    el("form", { class: "filters", onsubmit: (ev) => { ev.preventDefault(); go("actors", { q: input.value }); } }, input, el("button", {}, "Find")),
    el("table", {}, el("thead", {}, el("tr", {}, ["actor", "code", "country", "sector", "articles", "events", "first seen", "last seen"].map((h) => el("th", {}, h)))),
      el("tbody", {}, r.items.map((a) => el("tr", {}, el("td", {}, link("#/actor/" + encodeURIComponent(a.key), a.name || a.key)),
        el("td", {}, a.code || ""), el("td", {}, a.country || ""), el("td", {}, a.sector || ""), el("td", {}, a.articles),
        el("td", {}, a.events), el("td", {}, a.first_seen || ""), el("td", {}, a.last_seen || ""))))));
}

async function actor(key) {
  const a = await api("/actors/" + encodeURIComponent(key));
  const [t, evs, qs_] = await Promise.all([api("/timeline", { actor: key, interval: "day" }), api("/events", { actor: key, limit: 20 }),
    api("/quotes", { speaker: a.name || key, limit: 20 })]);
  const chart = el("div", { class: "chart", id: "actor-chart", style: "min-height: 260px; height: 260px" });
  show(el("h1", {}, a.name || a.key),
    el("div", { class: "muted" }, [a.code, a.country, a.sector].filter(Boolean).join(" \u00b7 "),
      " \u00b7 " + a.articles + " article(s), " + a.events + " event(s), seen " + (a.first_seen || "?") + " to " + (a.last_seen || "?")),
    a.names.length ? el("div", { class: "muted" }, "also named: " + a.names.join("; ")) : null,
    el("h2", {}, "Events over time"), chart,
    el("div", { class: "cols" },
      el("div", {}, el("h2", {}, "Events"), evs.items.map((e) => eventCard(e)),
        el("a", { href: "#/events" + qs({ actor: key }) }, "all events of this actor")),
      el("div", {}, el("h2", {}, "Counterparts"),
        el("table", {}, el("thead", {}, el("tr", {}, ["actor", "acts on", "acted on by", "cooperation", "conflict"].map((h) => el("th", {}, h)))),
          el("tbody", {}, a.counterparts.map((c) => el("tr", {}, el("td", {}, link("#/actor/" + encodeURIComponent(c.key), c.name || c.key)),
            el("td", {}, c.as_source), el("td", {}, c.as_target), el("td", {}, c.cooperation), el("td", {}, c.conflict))))),
        el("h2", {}, "Quotes"), qs_.items.length ? qs_.items.map(quoteCard) : el("p", { class: "muted" }, "No quotes."))));
  Plotly.newPlot(chart, t.series.map((s) => ({ type: "bar", name: s.name, x: s.points.map((p) => p.period), y: s.points.map((p) => p.count),
    width: s.points.map(() => 0.8 * 86400000), marker: { color: QUAD_COLOURS[s.key] || "#555" } })),
  { barmode: "stack", margin: { t: 10, r: 10, b: 40, l: 40 }, xaxis: { type: "date", tickformat: "%Y-%m-%d", range: dayRange(t) },
    yaxis: { dtick: 1, rangemode: "tozero" }, legend: { orientation: "h" } }, { displaylogo: false, responsive: true });
}

async function quotes(params) {
  const [speakers, page] = await Promise.all([api("/speakers", { q: params.speaker, limit: 50 }),
    api("/quotes", { speaker: params.speaker, text: params.text, limit: 300 })]);
  const groups = new Map();
  page.items.forEach((q) => {
    const name = q.speaker_name || "unknown speaker";
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(q);
  });
  show(el("h1", {}, "Quotes by speaker"), filterForm("quotes", params, ["speaker", "text"]),
    el("div", { class: "sidebar-layout" },
      el("div", { class: "card facet" }, el("h2", {}, "Speakers"), speakers.items.map((s) =>
        el("a", { href: "#/quotes" + qs({ speaker: s.speaker }) }, el("span", {}, s.speaker), el("span", {}, s.quotes)))),
      el("div", {}, Array.from(groups.entries()).map(([name, items]) => el("section", { class: "speaker-group" },
        el("h2", {}, name + " (" + items.length + ")"), items.map(quoteCard))))));
}

async function stories() {
  const r = await api("/stories", { min_size: 2 });
  show(el("h1", {}, "Stories: wire copies grouped"),
    r.items.length ? el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "story"), el("th", {}, "copies"))),
      el("tbody", {}, r.items.map((s) => el("tr", {}, el("td", {}, link("#/story/" + encodeURIComponent(s.id), s.title || s.id)), el("td", {}, s.size)))))
      : el("p", { class: "muted" }, "No story has more than one copy."));
}

async function story(id) {
  const s = await api("/stories/" + encodeURIComponent(id));
  show(el("h1", {}, s.title || "Story " + s.id), el("div", { class: "muted" }, s.size + " copies, side by side (oldest first)"),
    el("div", { class: "copies" }, s.copies.map((c) => el("div", { class: "copy" },
      el("h2", {}, link("#/article/" + encodeURIComponent(c.id), c.title || c.id)),
      el("div", { class: "muted" }, [c.publisher, c.published].filter(Boolean).join(" \u00b7 ")),
      el("div", { class: "body" }, c.body)))));
}

const VIEWS = { "": overview, search, article, events, timeline, network, map, actors, actor, quotes, stories, story };

async function render() {
  const r = route();
  if (r.params.token) { localStorage.setItem("chronicle-token", r.params.token); }
  document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("active", a.getAttribute("data-view") === r.name));
  const handler = VIEWS[r.name];
  if (!handler) { show(el("p", { class: "error" }, "No such view: " + r.name)); return; }
  document.body.setAttribute("data-loading", "1");
  try {
    await handler(r.arg || r.params, r.params);
  } catch (error) {
    failure(error);
  } finally {
    document.body.removeAttribute("data-loading");
    document.body.setAttribute("data-view", r.name || "overview");
  }
}

// views with an argument get it first: article(id), actor(key), story(id); the others get the params
for (const name of ["article", "actor", "story"]) {
  const inner = VIEWS[name];
  VIEWS[name] = (arg) => inner(typeof arg === "string" ? arg : "");
}

window.addEventListener("hashchange", render);
render();
