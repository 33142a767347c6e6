// Geopinn dashboard: one page, updated by server-sent events (api/events) and, every few seconds,
// the heat maps (api/grid). State-changing requests (api/control) carry the token of the address.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  if (params.get('token')) {
    sessionStorage.setItem('geopinn-token', params.get('token'));
  }
  const token = params.get('token') || sessionStorage.getItem('geopinn-token') || '';
  const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
  const MAP_PERIOD_MS = 3000;
  const $ = (id) => document.getElementById(id);

  let source = null;
  let selected = null;
  let status = null;
  let rows = [];
  let errorRows = [];
  let lossChart = null;
  let errorChart = null;
  let mapTimer = null;

  function fmt(x, digits) {
    if (x === null || x === undefined || !isFinite(x)) {
      return '–';
    }
    const a = Math.abs(x);
    return a !== 0 && (a < 1e-3 || a >= 1e5) ? Number(x).toExponential((digits || 4) - 1) : Number(x).toPrecision(digits || 4);
  }

  function connect() {
    if (source) {
      source.close();
    }
    selected = location.hash.length > 1 ? decodeURIComponent(location.hash.substring(1)) : null;
    status = null;
    rows = [];
    errorRows = [];
    destroyCharts();
    $('detail').hidden = !selected;
    $('empty').hidden = !!selected;
    $('control-message').textContent = '';
    $('maps').textContent = '';
    source = new EventSource('api/events' + (selected ? '?session=' + encodeURIComponent(selected) : ''));
    source.onopen = () => { $('connection').textContent = 'live'; };
    source.onerror = () => { $('connection').textContent = 'reconnecting…'; };
    source.addEventListener('sessions', (e) => renderSessions(JSON.parse(e.data)));
    source.addEventListener('status', (e) => renderStatus(JSON.parse(e.data)));
    source.addEventListener('points', (e) => addPoints(JSON.parse(e.data)));
    source.addEventListener('errors', (e) => addErrors(JSON.parse(e.data)));
    clearInterval(mapTimer);
    if (selected) {
      refreshMaps();
      mapTimer = setInterval(refreshMaps, MAP_PERIOD_MS);
    }
  }

  // The list is updated in place: a session's link stays the same element while its step count
  // changes several times a second, so a click on it is never lost to a redraw.
  function renderSessions(list) {
    const ul = $('sessions');
    const ids = new Set(list.map((s) => 'item-' + s.id));
    for (const li of Array.from(ul.children)) {
      if (!ids.has(li.id)) {
        li.remove();
      }
    }
    if (list.length === 0) {
      const li = document.createElement('li');
      li.id = 'item-none';
      li.className = 'muted';
      li.textContent = 'none yet';
      ul.appendChild(li);
    }
    for (const s of list) {
      let li = document.getElementById('item-' + s.id);
      if (!li) {
        li = document.createElement('li');
        li.id = 'item-' + s.id;
        const a = document.createElement('a');
        a.href = '#' + encodeURIComponent(s.id);
        a.id = 'session-' + s.id;
        a.textContent = s.id + ' ' + s.problem;
        const note = document.createElement('span');
        li.appendChild(a);
        li.appendChild(note);
        ul.appendChild(li);
      }
      const a = li.firstChild;
      a.className = s.id === selected ? 'selected' : '';
      const note = li.lastChild;
      note.className = 'muted state-' + s.state;
      note.textContent = ' ' + s.state.toLowerCase() + ', step ' + s.step;
    }
  }

  function renderStatus(s) {
    const first = status === null;
    status = s;
    $('title').textContent = 'Session ' + s.id + ': ' + s.problem;
    $('state').textContent = s.state.toLowerCase();
    $('state').className = 'state-' + s.state;
    $('optimizer').textContent = s.optimizer;
    $('step').textContent = s.step;
    $('loss').textContent = fmt(s.loss);
    $('seconds').textContent = fmt(s.seconds, 3) + ' s';
    $('message').textContent = s.message;
    const ended = s.state === 'STOPPED' || s.state === 'FINISHED' || s.state === 'FAILED';
    for (const id of ['pause', 'resume', 'stop', 'swap']) {
      $(id).disabled = ended;
    }
    if (first) {
      makeCharts(s.conditions);
    }
  }

  function chartOptions(title, series, log) {
    const width = Math.max(360, Math.min(900, $('detail').clientWidth - 10));
    return {
      title: title, width: width, height: 240,
      scales: { x: { time: false }, y: { distr: log ? 3 : 1 } },
      series: [{ label: 'step' }].concat(series.map((name, i) => ({
        label: name, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: true,
        value: (u, v) => fmt(v, 3)
      }))),
      axes: [{}, { size: 70, values: (u, vals) => vals.map((v) => fmt(v, 2)) }]
    };
  }

  function makeCharts(conditions) {
    destroyCharts();
    lossChart = new uPlot(chartOptions('', ['total'].concat(conditions), true), emptyData(1 + conditions.length), $('loss-chart'));
    errorChart = new uPlot(chartOptions('', ['relative L2'], true), emptyData(1), $('error-chart'));
    redraw();
  }

  function destroyCharts() {
    for (const c of [lossChart, errorChart]) {
      if (c) {
        c.destroy();
      }
    }
    lossChart = errorChart = null;
    $('loss-chart').dataset.points = '0';
    $('error-chart').dataset.points = '0';
  }

  function emptyData(series) {
    const d = [[]];
    for (let i = 0; i < series; i++) {
      d.push([]);
    }
    return d;
  }

  function positive(v) {
    return v === null || !(v > 0) ? null : v;
  }

  function addPoints(p) {
    if (p.reset) {
      rows = [];
    }
    rows = rows.concat(p.rows);
    redraw();
  }

  function addErrors(p) {
    if (p.reset) {
      errorRows = [];
    }
    errorRows = errorRows.concat(p.rows);
    redraw();
  }

  function redraw() {
    if (!lossChart) {
      return;
    }
    if (rows.length > 0) {
      const loss = [rows.map((r) => r[0])];
      for (let k = 1; k < rows[0].length; k++) {
        loss.push(rows.map((r) => positive(r[k])));
      }
      lossChart.setData(loss);
    }
    $('loss-chart').dataset.points = String(rows.length);
    if (errorRows.length > 0) {
      errorChart.setData([errorRows.map((r) => r[0]), errorRows.map((r) => positive(r[1]))]);
    }
    $('error-chart').dataset.points = String(errorRows.length);
    $('error').textContent = errorRows.length ? fmt(errorRows[errorRows.length - 1][1], 3) : 'not measured yet';
  }

  // A perceptually ordered map (viridis, sampled at five stops).
  const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  function color(t) {
    const x = Math.min(1, Math.max(0, isFinite(t) ? t : 0)) * (STOPS.length - 1);
    const i = Math.min(STOPS.length - 2, Math.floor(x));
    const f = x - i;
    return STOPS[i].map((c, k) => Math.round(c + f * (STOPS[i + 1][k] - c)));
  }

  function drawMap(label, values, nx, ny) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (v !== null) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    const canvas = document.createElement('canvas');
    canvas.className = 'map';
    canvas.width = nx;
    canvas.height = ny;
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(nx, ny);
    for (let iy = 0; iy < ny; iy++) {
      for (let ix = 0; ix < nx; ix++) {
        const v = values[ix + nx * iy];
        const rgb = color(hi > lo ? (v - lo) / (hi - lo) : 0.5);
        const o = 4 * (ix + nx * (ny - 1 - iy)); // y grows upwards
        img.data[o] = rgb[0];
        img.data[o + 1] = rgb[1];
        img.data[o + 2] = rgb[2];
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    const fig = document.createElement('figure');
    const cap = document.createElement('figcaption');
    cap.textContent = label + ': ' + fmt(lo, 3) + ' … ' + fmt(hi, 3);
    fig.appendChild(canvas);
    fig.appendChild(cap);
    return fig;
  }

  function refreshMaps() {
    if (!selected) {
      return;
    }
    const session = selected;
    fetch('api/grid?session=' + encodeURIComponent(session)).then((r) => r.json()).then((g) => {
      if (session !== selected) {
        return;
      }
      if (g.error) {
        $('maps-note').textContent = '(' + g.error + ')';
        return;
      }
      const maps = $('maps');
      maps.textContent = '';
      for (const f of g.fields) {
        maps.appendChild(drawMap(f.name, f.values, g.nx, g.ny));
        if (f.error) {
          maps.appendChild(drawMap('|' + f.name + ' − reference|', f.error, g.nx, g.ny));
        }
      }
      $('maps-note').textContent = '(' + g.axes.join(', ') + ' over [' + g.lower.map((v) => fmt(v, 3)).join(', ')
          + '] … [' + g.upper.map((v) => fmt(v, 3)).join(', ') + '], refreshed every ' + MAP_PERIOD_MS / 1000 + ' s)';
    }).catch((e) => { $('maps-note').textContent = '(heat maps not available: ' + e + ')'; });
  }

  function control(action) {
    const body = new URLSearchParams({ session: selected, action: action });
    if (action === 'swap') {
      body.set('optimizer', $('chain').value);
    }
    const out = $('control-message');
    out.className = 'muted';
    out.textContent = action + ' …';
    fetch('api/control', { method: 'POST', headers: { 'X-Geopinn-Token': token }, body: body })
      .then((r) => r.json().then((j) => ({ ok: r.ok, body: j })))
      .then((a) => {
        out.className = a.ok ? '' : 'error';
        out.textContent = a.ok ? a.body.message : a.body.error;
      })
      .catch((e) => { out.className = 'error'; out.textContent = String(e); });
  }

  for (const action of ['pause', 'resume', 'stop', 'swap']) {
    $(action).addEventListener('click', () => control(action));
  }
  $('chain').addEventListener('keydown', (e) => { if (e.key === 'Enter') { control('swap'); } });
  window.addEventListener('hashchange', connect);
  connect();
})();
