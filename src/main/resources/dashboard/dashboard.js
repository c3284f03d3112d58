// Funnelstream live dashboard: plain JS over the HTTP API of docs/dashboard-api.md.
'use strict';

const TOKEN = new URLSearchParams(location.search).get('token');
const SLIDE_MS = 5 * 60 * 1000;
const STEPS = ['view', 'cart', 'purchase'];
const COLOR = { main: '#2f6fad', soft: '#9dbbdc', muted: '#8a96a3' };
const NO_EVENTS = 'No events landed yet.';
const NO_SLIDE = 'No trending slide yet: the first one closes 5 minutes of event time after the stream starts.';

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PCT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const fmt = {
  count: (v) => (v == null ? '–' : INT.format(v)),
  money: (v) => (v == null ? '–' : MONEY.format(v)),
  rate: (v) => (v == null ? '–' : PCT.format(v)),
};

const state = {
  header: null,
  slide: null,         // index of the 5-minute slide the clock is in
  live: null,          // the EventSource, while there is one
  pollTimer: null,
  polling: false,      // a poll is in flight
  retryTimer: null,
  hourFunnel: null,
  periodFunnel: null,
  tiles: {},           // tile id -> {el, chart, seq, busy}
};

const $ = (sel, root = document) => root.querySelector(sel);
const byId = (id) => document.getElementById(id);
const setText = (id, text) => { byId(id).textContent = text; };

// ---- URLs and fetching ---------------------------------------------------------------------

/** An API URL with the non-empty params, plus the page's access token when it has one. */
function apiUrl(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v != null && v !== '') q.set(k, v);
  }
  if (TOKEN) q.set('token', TOKEN);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Fetches JSON; a failure throws the server's one-line `error` message when it sent one. */
async function getJson(url) {
  let res;
  try {
    res = await fetch(url, { cache: 'no-store' });
  } catch (e) {
    throw new Error('Cannot reach the server.');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body && body.error ? body.error : `HTTP ${res.status} ${res.statusText}`.trim());
  if (body == null) throw new Error('The server answered with something that is not JSON.');
  return body;
}

const period = () => ({ from: byId('filter-from').value, to: byId('filter-to').value });
const funnelCategory = () => byId('funnel-category').value;
const streaming = () => Boolean(state.header && state.header.streaming);

/** Before any event landed every tile is empty for the same reason. */
function emptyReason(message) {
  return state.header && state.header.clock == null ? NO_EVENTS : message;
}

// ---- tiles ---------------------------------------------------------------------------------

function tile(id) {
  if (!state.tiles[id]) state.tiles[id] = { el: byId(id), chart: null, seq: 0, busy: false };
  return state.tiles[id];
}

function setTileState(t, st, message = '') {
  t.el.dataset.state = st;
  $('.empty-message', t.el).textContent = st === 'empty' ? message : '';
  $('.error-message', t.el).textContent = st === 'error' ? message : '';
}

function chartOf(t) {
  if (!t.chart) {
    const box = $('.chart', t.el);
    t.chart = echarts.init(box);
    new ResizeObserver(() => t.chart.resize()).observe(box);
  }
  return t.chart;
}

/** A value as the CSV prints it, so the hidden table reads like the CSV link. */
function plain(v, kind) {
  if (v == null) return '';
  if (kind === 'MONEY') return Number(v).toFixed(2);
  if (kind === 'RATE') return Number(v).toFixed(4);
  return String(v);
}

function fillTable(t, report) {
  const table = $('table.data', t.el);
  const head = document.createElement('tr');
  for (const c of report.columns) head.append(el('th', { scope: 'col' }, c.name));
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...report.rows.map((row) =>
    el('tr', {}, ...row.map((v, i) => el('td', {}, plain(v, report.columns[i].kind))))));
}

/** Column name -> index of a report. */
function cols(report) {
  return Object.fromEntries(report.columns.map((c, i) => [c.name, i]));
}

/**
 * Loads a tile. `def.request()` gives {path, params}; `def.render(t, data)` draws it and returns
 * an empty-state sentence when there is nothing to show. Only the newest load of a tile is
 * applied, so a slow background refresh never overwrites a later filter change; a background
 * refresh is skipped while another load is in flight and keeps the tile's state until it lands.
 */
async function loadTile(id, def, background = false) {
  const t = tile(id);
  if (background && t.busy) return;
  const seq = ++t.seq;
  t.busy = true;
  const { path, params } = def.request();
  // fresh: a download brings the reporting layer up to date first, like ./funnelstream report.
  $('.csv-download', t.el).href = apiUrl(path, { ...params, format: 'csv', fresh: 'true' });
  if (!background) setTileState(t, 'loading');
  try {
    const data = await (def.fetch ? def.fetch(path, params) : getJson(apiUrl(path, params)));
    if (seq !== t.seq) return;
    const report = data.report || data;
    const empty = def.render(t, data);
    fillTable(t, report);
    if (empty && t.chart) t.chart.clear();
    setTileState(t, empty ? 'empty' : 'ready', empty || '');
  } catch (e) {
    if (seq !== t.seq) return;
    if (def.reset) def.reset(t);
    if (t.chart) t.chart.clear();
    $('table.data tbody', t.el).replaceChildren();
    setTileState(t, 'error', e.message);
  } finally {
    if (seq === t.seq) t.busy = false;
  }
}

// ---- tiles 1 and 2: horizontal bars ----------------------------------------------------------

function renderBars(t, report) {
  if (!report.rows.length) return emptyReason('No purchases in this period.');
  const c = cols(report);
  const label = report.columns[0].name;
  const narrow = $('.chart', t.el).clientWidth < 480;
  chartOf(t).setOption({
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, valueFormatter: fmt.money },
    xAxis: { type: 'value', splitNumber: narrow ? 3 : 5, axisLabel: { formatter: compact, color: COLOR.muted, hideOverlap: true }, splitLine: { lineStyle: { color: '#eef1f4' } } },
    // inverse: the report's first (highest) row at the top.
    yAxis: {
      type: 'category', inverse: true, axisTick: { show: false },
      data: report.rows.map((r) => r[c[label]] ?? '(none)'),
      axisLabel: { width: narrow ? 110 : 150, overflow: 'truncate', color: '#3d4752' },
    },
    series: [{ type: 'bar', name: 'revenue', data: report.rows.map((r) => r[c.revenue]),
      itemStyle: { color: COLOR.main, borderRadius: [0, 3, 3, 0] }, barMaxWidth: 18 }],
  }, { notMerge: true }); // a full replace: a merge kept the old value axis range
  return null;
}

/** Axis numbers: 1.2M, 350k. */
function compact(v) {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return String(v);
}

const categoriesTile = {
  request: () => ({
    path: `/api/report/${byId('category-level').value === 'top' ? 'revenue-by-top-category' : 'revenue-by-category'}`,
    params: { ...period(), limit: 15 },
  }),
  render: renderBars,
};
const brandsTile = {
  request: () => ({ path: '/api/report/top-brands', params: { ...period(), limit: 15 } }),
  render: renderBars,
};

// ---- tile 3: daily revenue -------------------------------------------------------------------

const dailyTile = {
  request: () => ({ path: '/api/report/daily-revenue', params: period() }),
  render: renderDaily,
  reset: () => setText('daily-note', ''),
};

function renderDaily(t, report) {
  if (!report.rows.length) return emptyReason('No purchases in this period.');
  const c = cols(report);
  const days = report.rows.map((r) => r[c.day]);
  const values = report.rows.map((r) => r[c.revenue]);
  const provisional = state.header && state.header.provisional_day;
  const p = days.indexOf(provisional);
  setText('daily-note', p >= 0 ? `${provisional} is provisional` : '');
  // The provisional day (the batch layer has not closed it) is a dashed segment from the day
  // before, so the closed days keep a solid line.
  const solid = p < 0 ? values : values.map((v, i) => (i < p ? v : null));
  const dashed = p < 0 ? [] : values.map((v, i) => (i >= p - 1 ? v : null));
  // Symbols stay on (small for long ranges): echarts 5.3.1 warns on every axis hover of a line
  // drawn with showSymbol: false ("z / z2 / zlevel of displayable is invalid").
  const line = { type: 'line', showSymbol: true, symbolSize: days.length > 60 ? 2 : 5, itemStyle: { color: COLOR.main } };
  chartOf(t).setOption({
    grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (ps) => {
        const pt = ps.find((x) => x.value != null);
        if (!pt) return '';
        return `${pt.name}<br><b>${fmt.money(pt.value)}</b>${pt.name === provisional ? ' (provisional)' : ''}`;
      },
    },
    xAxis: { type: 'category', data: days, boundaryGap: false, axisLabel: { color: COLOR.muted } },
    yAxis: { type: 'value', axisLabel: { formatter: compact, color: COLOR.muted }, splitLine: { lineStyle: { color: '#eef1f4' } } },
    series: [
      { ...line, name: 'revenue', data: solid, areaStyle: { color: 'rgba(47,111,173,0.08)' } },
      { ...line, name: 'provisional', data: dashed, lineStyle: { type: 'dashed', color: COLOR.main },
        markPoint: p < 0 ? undefined : {
          symbol: 'circle', symbolSize: 8, itemStyle: { color: '#fff', borderColor: COLOR.main, borderWidth: 2 },
          label: { show: true, position: 'top', formatter: 'provisional', color: COLOR.main, fontSize: 11 },
          data: [{ coord: [provisional, values[p]] }],
        } },
    ],
  }, { notMerge: true }); // a full replace: a merge kept the old value axis range
  return null;
}

// ---- tile 4: conversion funnel ---------------------------------------------------------------

const funnelTile = {
  request: () => {
    const { from, to } = period();
    setText('funnel-period-range', from || to ? `${from || '…'} – ${to || '…'}` : 'all time');
    return { path: '/api/report/conversion-funnel', params: { from, to, category: funnelCategory() } };
  },
  render: (t, report) => {
    state.periodFunnel = report;
    showFunnel('period', report);
    drawFunnelChart();
    const steps = funnelSteps(report);
    if (!steps.view || !steps.view.sessions) {
      const cat = funnelCategory();
      return emptyReason(`No sessions with a view in this period${cat ? ` in ${cat}` : ''}.`);
    }
    return null;
  },
  reset: () => { state.periodFunnel = null; showFunnel('period', null); },
};

/** step name -> {sessions, conversion, drop_off} */
function funnelSteps(report) {
  const c = cols(report);
  const out = {};
  for (const r of report.rows) {
    out[r[c.step]] = { sessions: r[c.sessions], conversion: r[c.conversion], drop_off: r[c.drop_off] };
  }
  return out;
}

/** Fills the counts and step percentages of one column (`hour` or `period`); null clears it. */
function showFunnel(which, report) {
  const steps = report ? funnelSteps(report) : {};
  for (const name of STEPS) {
    const s = steps[name];
    setText(`funnel-${which}-${name}`, s ? fmt.count(s.sessions) : '–');
    const rate = !s || s.conversion == null ? ''
      : `${fmt.rate(s.conversion)} converted · ${fmt.rate(s.drop_off)} dropped`;
    setText(`funnel-${which}-${name}-rate`, rate);
  }
}

function showHourFunnel(report) {
  state.hourFunnel = report;
  showFunnel('hour', report);
  drawFunnelChart();
}

/** Bars of each step as a share of the viewing sessions, last hour beside the chosen period. */
function drawFunnelChart() {
  const share = (report) => {
    const s = report ? funnelSteps(report) : {};
    const views = s.view && s.view.sessions;
    return STEPS.map((k) => (views ? (s[k] ? s[k].sessions : 0) / views : null));
  };
  chartOf(tile('tile-funnel')).setOption({
    grid: { left: 8, right: 8, top: 30, bottom: 4, containLabel: true },
    legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: COLOR.muted } },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, valueFormatter: fmt.rate },
    xAxis: { type: 'category', data: STEPS, axisTick: { show: false }, axisLabel: { color: '#3d4752' } },
    yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%`, color: COLOR.muted },
      splitLine: { lineStyle: { color: '#eef1f4' } } },
    series: [
      { type: 'bar', name: 'Last hour', data: share(state.hourFunnel), itemStyle: { color: COLOR.soft }, barMaxWidth: 28 },
      { type: 'bar', name: 'Chosen period', data: share(state.periodFunnel), itemStyle: { color: COLOR.main }, barMaxWidth: 28 },
    ],
  });
}

// ---- tile 5: trending products ---------------------------------------------------------------

// Report and sparklines are asked for the same `to` (the clock), so both describe one slide.
const trendingTile = {
  request: () => ({ path: '/api/report/trending-products', params: { to: state.header && state.header.clock } }),
  fetch: async (path, params) => {
    const [report, spark] = await Promise.all([
      getJson(apiUrl(path, params)),
      getJson(apiUrl('/api/trending/sparklines', { to: params.to })).catch(() => null),
    ]);
    return { report, spark };
  },
  render: renderTrending,
  reset: (t) => { $('.chart', t.el).replaceChildren(); setText('trending-note', ''); },
};

function renderTrending(t, { report, spark }) {
  const box = $('.chart', t.el);
  const c = cols(report);
  if (!report.rows.length) {
    box.replaceChildren();
    setText('trending-note', '');
    return emptyReason(NO_SLIDE);
  }
  const windowEnd = report.rows[0][c.window_end];
  setText('trending-note', `slide ending ${windowEnd} UTC · views over its hour`);
  const series = (spark && spark.series) || {};
  box.replaceChildren(el('ol', { class: 'trend-list' }, ...report.rows.slice(0, 10).map((r) => {
    const meta = [r[c.brand], r[c.category_code]].filter((x) => x != null && x !== '').join(' · ');
    return el('li', { class: 'trend' },
      el('span', { class: 'rank' }, String(r[c.rank])),
      el('span', { class: 'product' }, el('b', {}, String(r[c.product_id])), el('small', {}, meta || '—')),
      sparkline(series[String(r[c.product_id])] || []),
      el('span', { class: 'views' }, fmt.count(r[c.views]), el('small', {}, ' views')),
      rankChange(r[c.rank_change]));
  })));
  return null;
}

function rankChange(v) {
  if (v == null) return el('span', { class: 'change new', title: 'new in the top 10' }, 'new');
  if (v === 0) return el('span', { class: 'change same', title: 'same rank' }, '=');
  const up = v > 0;
  return el('span', { class: `change ${up ? 'up' : 'down'}`, title: `${up ? 'up' : 'down'} ${Math.abs(v)}` },
    `${up ? '▲' : '▼'} ${Math.abs(v)}`);
}

/** A tiny SVG line of views per slide; a null (not ranked then) breaks the line. */
function sparkline(values) {
  const w = 80, h = 24, pad = 2;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.setAttribute('aria-hidden', 'true');
  const nums = values.filter((v) => v != null);
  if (!nums.length) return svg;
  const max = Math.max(...nums), min = Math.min(...nums);
  const x = (i) => pad + (values.length > 1 ? (i * (w - 2 * pad)) / (values.length - 1) : (w - 2 * pad) / 2);
  const y = (v) => h - pad - (max > min ? ((v - min) * (h - 2 * pad)) / (max - min) : (h - 2 * pad) / 2);
  let d = '', pen = false, last = null;
  values.forEach((v, i) => {
    if (v == null) { pen = false; return; }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
    pen = true;
    last = [x(i), y(v)];
  });
  const path = document.createElementNS(svg.namespaceURI, 'path');
  path.setAttribute('d', d.trim());
  const dot = document.createElementNS(svg.namespaceURI, 'circle');
  dot.setAttribute('cx', last[0]);
  dot.setAttribute('cy', last[1]);
  dot.setAttribute('r', 1.8);
  svg.append(path, dot);
  return svg;
}

/** Creates an element with attributes and text/element children (text is never parsed as HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

// ---- header, SSE and polling -----------------------------------------------------------------

function renderHeader(h) {
  setText('hdr-clock', h.clock ? h.clock.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : 'no events yet');
  setText('hdr-eps', fmt.count(h.events_per_second));
  setText('hdr-revenue-today', fmt.money(h.revenue_today));
  setText('hdr-conversion', fmt.rate(h.session_conversion));
  // A share this small would round to 0.0%, which hides that rows were quarantined at all.
  const q = h.quarantined_share;
  setText('hdr-quarantined', q != null && q > 0 && q < 0.0005 ? '<0.1%' : fmt.rate(q));
  setText('hdr-freshness', h.freshness_seconds == null ? '–' : `${h.freshness_seconds.toFixed(1)} s`);
  if (h.quarantined_rows != null) byId('hdr-quarantined').title = `${fmt.count(h.quarantined_rows)} rows quarantined`;
  const lh = h.last_hour;
  setText('funnel-hour-range', lh && lh.from ? `${hhmm(lh.from)}–${hhmm(lh.to)} UTC` : '');
}

const hhmm = (iso) => (iso ? String(iso).replace(/^.*[T ](\d\d:\d\d).*$/, '$1') : '');

function onHeader(h) {
  const prev = state.header;
  state.header = h;
  renderHeader(h);
  const slide = h.clock ? Math.floor(Date.parse(h.clock) / SLIDE_MS) : null;
  const newSlide = slide !== state.slide;
  state.slide = slide;
  if (!prev) return;
  if ((prev.clock == null) !== (h.clock == null)) {
    loadAll(true); // the first events landed (or the data was reset): every tile changes
    return;
  }
  if (newSlide) loadTile('tile-trending', trendingTile, true);
  if (prev.provisional_day !== h.provisional_day) loadTile('tile-daily', dailyTile, true);
}

function setLive(mode) {
  document.body.dataset.live = mode;
  setText('live-status', { connected: 'live', polling: 'polling', connecting: 'connecting…' }[mode] || mode);
}

/** Opens the SSE stream for the funnel's category, replacing any open one. */
function connectLive() {
  clearTimeout(state.retryTimer);
  if (state.live) state.live.close();
  const es = new EventSource(apiUrl('/api/live', { category: funnelCategory() }));
  state.live = es;
  es.addEventListener('open', () => { setLive('connected'); stopPolling(); });
  es.addEventListener('header', (e) => onHeader(JSON.parse(e.data)));
  es.addEventListener('funnel', (e) => showHourFunnel(JSON.parse(e.data)));
  es.addEventListener('error', () => {
    // EventSource would retry quietly on its own; instead poll at once and try the stream again later.
    es.close();
    if (state.live !== es) return;
    state.live = null;
    startPolling();
    state.retryTimer = setTimeout(connectLive, 15000);
  });
}

function startPolling() {
  setLive('polling');
  if (!state.pollTimer) {
    pollOnce();
    state.pollTimer = setInterval(pollOnce, 1000);
  }
}

function stopPolling() {
  clearInterval(state.pollTimer);
  state.pollTimer = null;
}

/** The polling stand-in for one SSE second: the header, then the last hour's funnel. */
async function pollOnce() {
  if (state.polling) return;
  state.polling = true;
  try {
    onHeader(await getJson(apiUrl('/api/header')));
    if (document.body.dataset.live === 'polling') setText('live-status', 'polling');
    const lh = state.header.last_hour;
    showHourFunnel(lh && lh.from ? await getJson(apiUrl('/api/report/conversion-funnel',
      { from: lh.from, to: lh.to, category: funnelCategory() })) : null);
  } catch (e) {
    setText('live-status', `polling: ${e.message}`);
  } finally {
    state.polling = false;
  }
}

// ---- loading and wiring ----------------------------------------------------------------------

function loadPeriodTiles(background) {
  loadTile('tile-categories', categoriesTile, background);
  loadTile('tile-brands', brandsTile, background);
  loadTile('tile-daily', dailyTile, background);
  loadTile('tile-funnel', funnelTile, background);
}

function loadAll(background) {
  loadPeriodTiles(background);
  loadTile('tile-trending', trendingTile, background);
}

/** Fills the funnel's category select, keeping the chosen value. */
async function loadCategories() {
  try {
    const { categories } = await getJson(apiUrl('/api/categories'));
    const select = byId('funnel-category');
    const chosen = select.value;
    const names = new Set(categories);
    if (chosen) names.add(chosen);
    select.replaceChildren(el('option', { value: '' }, 'All categories'),
      ...[...names].sort().map((c) => el('option', { value: c }, c)));
    select.value = chosen;
  } catch (e) {
    // The select keeps its options; the funnel still works for all categories.
  }
}

function wire() {
  const reloadPeriod = () => {
    // Guide the date pickers; a from after to still goes to the server, which says what is wrong.
    byId('filter-to').min = byId('filter-from').value;
    byId('filter-from').max = byId('filter-to').value;
    loadPeriodTiles(false);
  };
  for (const id of ['filter-from', 'filter-to']) byId(id).addEventListener('change', reloadPeriod);
  byId('filter-clear').addEventListener('click', () => {
    byId('filter-from').value = '';
    byId('filter-to').value = '';
    reloadPeriod();
  });
  byId('category-level').addEventListener('change', () => loadTile('tile-categories', categoriesTile));
  byId('funnel-category').addEventListener('change', () => {
    showHourFunnel(null); // until the stream for the new category speaks
    loadTile('tile-funnel', funnelTile);
    connectLive();
  });
  // The batch layer updates after each segment and the raw layer all the time: refresh while streaming.
  setInterval(() => { if (streaming()) loadPeriodTiles(true); }, 5000);
  setInterval(() => { if (streaming()) loadTile('tile-trending', trendingTile, true); }, 10000);
  setInterval(() => { if (streaming()) loadCategories(); }, 30000);
}

async function start() {
  wire();
  // The header first: the trending tile asks for the slide at its clock, and empty tiles say why.
  try {
    onHeader(await getJson(apiUrl('/api/header')));
  } catch (e) {
    setText('live-status', e.message);
  }
  loadAll(false);
  loadCategories();
  connectLive();
}

start();
