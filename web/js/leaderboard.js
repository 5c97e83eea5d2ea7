// The leaderboards of judges and models: filters, the table, the interval chart (Chart.js) and the CSV link.
import { api, ApiProblem } from './api.js';
import { el, fill, formatCount, formatTime } from './elements.js';
import { latestOnly } from './latest.js';

const $ = (id) => document.getElementById(id);
const tabs = [...document.querySelectorAll('[role="tab"]')];
const CHART_MAX_ROWS = 60;   // beyond this the chart gets unreadable; the table keeps every row
let chart = null;

const params = new URLSearchParams(location.search);
const state = {
  kind: params.get('board') === 'models' ? 'models' : 'judges',
  source: params.get('source') || '',
  category: params.get('category') || '',
  styleControl: params.get('style_control') === 'true',   // models boards only
};

function query(extra = {}) {
  const q = new URLSearchParams();
  if (state.source) q.set('source', state.source);
  if (state.category) q.set('category', state.category);
  if (state.styleControl && state.kind === 'models') q.set('style_control', 'true');
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}

function selectTab(kind) {
  if (kind !== state.kind) state.source = '';   // sources differ between boards: the server picks the default
  state.kind = kind;
  for (const tab of tabs) {
    const selected = tab.dataset.kind === kind;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  $('board').setAttribute('aria-labelledby', `tab-${kind}`);
  load();
}

// allLabel null: one of the values must be chosen (every leaderboard is of one source).
function fillOptions(select, values, current, allLabel) {
  const options = [...new Set([...(values || []), ...(current ? [current] : [])])];
  fill(select, allLabel ? el('option', { value: '' }, allLabel) : null,
    options.map((v) => el('option', { value: v, selected: v === current }, v)));
  select.parentElement.hidden = options.length === 0;
}

const fetchLatest = latestOnly({
  busy: $('board'), status: $('status'), errorBox: $('error'), errorText: $('error-text'),
});

function load() {
  history.replaceState(null, '', `?board=${state.kind}${query().replace('?', '&')}${location.hash}`);
  return fetchLatest('Loading the leaderboard…', () => api(`/api/leaderboards/${state.kind}${query()}`), show,
    (error) => {
      $('content').hidden = true;
      if (!(error instanceof ApiProblem) || error.status !== 404) return;
      // this board has no style-controlled version: say so, and show it without
      if (state.styleControl && state.kind === 'models') {
        $('error-text').textContent = 'This board has no style-controlled version (it needs both answers\' length '
          + 'and markdown for every battle); showing it without style control.';
        state.styleControl = false;
        load().then(() => { $('error').hidden = false; });
        return;
      }
      // an unknown or empty source (an old link, a typo): say so, and show the default board with its sources
      if (state.source) {
        $('error-text').textContent = `There is no ${state.kind === 'judges' ? 'judges' : 'models'} leaderboard for `
          + `source “${state.source.slice(0, 60)}”; showing the default source instead.`;
        state.source = '';
        load().then(() => { $('error').hidden = false; });
      }
    });
}

function show(board) {
  fillOptions($('source'), board.sources, board.source, null);
  state.shownSource = board.source;
  const rows = board.rows || [];
  const plural = board.counts || (state.kind === 'judges' ? 'votes' : 'battles');
  const counted = board.battles === 1 ? plural.replace(/s$/, '') : plural;
  const scope = [board.source && `source ${board.source}`, board.category && `category ${board.category}`]
    .filter(Boolean).join(', ');
  fill($('meta'), `Computed ${formatTime(board.computed_at)} from ${formatCount(board.battles)} ${counted}`,
    cutoffNote(board), scope ? ` · ${scope}` : '', '.', excludedNote(board), updateNote(board));
  showStyleSwitch(board);
  $('source-note').textContent = board.source_description || '';
  $('source-note').hidden = !board.source_description;
  $('csv').href = `/api/leaderboards/${state.kind}${query({ format: 'csv' })}`;
  $('csv').setAttribute('download', `tribunal-${state.kind}-leaderboard.csv`);
  $('caption').textContent = `${state.kind === 'judges' ? 'Judges' : 'Models'} leaderboard`;
  // baseline boards have scores (win-rate against the baseline, plain and style-controlled): two more columns;
  // collective boards one (the weighted mean rating, 1-5)
  const scored = rows.some((r) => r.score != null);
  const collective = (board.source || '').startsWith('collective:');
  const [scoreTh, styleTh] = document.querySelectorAll('.score-col');
  scoreTh.dataset.title ??= scoreTh.title;
  scoreTh.hidden = !scored;
  styleTh.hidden = !scored || collective;
  scoreTh.textContent = collective ? 'Score (1–5)' : 'Score';
  scoreTh.title = collective ? 'The weighted mean of the answers’ 1–5 ratings by the other models (95 % interval)'
    : scoreTh.dataset.title;
  fill($('rows'), rows.length ? rows.map((r) => tableRow(r, scored, collective))
    : el('tr', {}, el('td', { colspan: 7 + (scored ? 1 : 0) + (scored && !collective ? 1 : 0), class: 'empty' },
      emptyBoard(board))));
  $('prelim-note').hidden = !rows.some((r) => r.preliminary);
  $('range-note').hidden = !rows.some((r) => r.rank_ub != null && r.rank_ub !== r.rank);
  $('content').hidden = false;
  drawChart(rows);
  loadMatrix();
  scheduleReload(board);
  // a link from the arena's reveal to this row: bring it into view
  if (location.hash.startsWith('#row-')) document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'center' });
}

// Models boards whose battles carry both answers' styles can be shown with length and markdown held equal.
// A baseline board has none to switch to: its style-controlled score is a column of its own.
function showStyleSwitch(board) {
  const models = state.kind === 'models' && !(board.rows || []).some((r) => r.style_score != null);
  $('style-filter').hidden = !models;
  if (!models) return;
  const box = $('style-control');
  box.checked = board.style_control === true;
  box.disabled = !board.style_control_available;
  fill($('style-note'), board.style_control
    ? 'On: ratings with answer length and markdown held equal. '
    : board.style_control_available ? 'Off: plain ratings. '
      : 'Not available here: some battles lack the answers\' length and markdown. ',
  el('a', { href: '/how-it-works#style-control' }, 'What is style control?'));
}

// --- head to head: observed win rates and battle counts between the top contestants (fetched when opened) ---
let matrix = null;
let matrixFor = '';
let matrixView = 'winrate';

async function loadMatrix() {
  const key = `${state.kind}${query()}`;
  if (!$('matrix-box').open) return;
  if (matrixFor !== key) {
    matrixFor = key;
    matrix = null;
    try { matrix = await api(`/api/leaderboards/${state.kind}/matrix${query()}`); } catch { matrix = null; }
  }
  drawMatrix();
}

function drawMatrix() {
  const table = $('matrix');
  const caption = $('matrix-caption');
  if (!matrix || !matrix.names.length) { fill(table, caption, el('tbody', {}, el('tr', {}, el('td', {}, 'No battles.')))); return; }
  const winrate = matrixView === 'winrate';
  caption.textContent = winrate ? 'Win rate of the row against the column' : 'Battles between the row and the column';
  $('matrix-note').textContent = winrate
    ? 'Row against column: the share of their battles the row\'s contestant won (a tie counts half); – where they never met.'
    : 'Row against column: how many battles the two had (weighted).';
  const max = Math.max(1, ...matrix.battles.flat());
  const cell = (i, j) => {
    if (i === j) return el('td', { class: 'diagonal' }, '');
    if (winrate) {
      const p = matrix.win_rate[i][j];
      if (p == null) return el('td', {}, '–');
      const tint = Math.round(Math.abs(p - 0.5) * 70);
      return el('td', { style: `background: color-mix(in srgb, var(${p >= 0.5 ? '--side-a' : '--side-b'}) ${tint}%, var(--surface))` },
        `${Math.round(p * 100)} %`);
    }
    const n = matrix.battles[i][j];
    return el('td', { style: `background: color-mix(in srgb, var(--accent) ${Math.round((n / max) * 35)}%, var(--surface))` },
      formatCount(n));
  };
  const names = matrix.display_names;
  fill(table, caption,
    el('thead', {}, el('tr', {}, el('td', {}, ''), names.map((n) => el('th', { scope: 'col' }, n)))),
    el('tbody', {}, names.map((n, i) => el('tr', {}, el('th', { scope: 'row' }, n), names.map((_, j) => cell(i, j))))));
}

$('matrix-box').addEventListener('toggle', loadMatrix);
for (const [id, view] of [['show-winrate', 'winrate'], ['show-battles', 'battles']]) {
  $(id).addEventListener('click', () => {
    matrixView = view;
    $('show-winrate').setAttribute('aria-pressed', String(view === 'winrate'));
    $('show-battles').setAttribute('aria-pressed', String(view === 'battles'));
    drawMatrix();
  });
}

// The open page fetches the board again once its next update is due (while the tab is visible), so that votes
// show without a reload. A due time long past (no scheduler running) stops it.
let reloadTimer = null;
function scheduleReload({ next_update_at: next }) {
  clearTimeout(reloadTimer);
  if (!next) return;
  const due = Date.parse(next) - Date.now();
  if (due < -60_000) return;
  reloadTimer = setTimeout(function again() {
    if (document.hidden) { reloadTimer = setTimeout(again, 5_000); return; }
    load();
  }, Math.max(2_000, due + 1_500));
}

// When the board is next recomputed, and (arena boards) how many votes arrived since it was.
function updateNote({ next_update_at: next, votes_since: since }) {
  const parts = [];
  if (since) parts.push(` ${formatCount(since)} new ${since === 1 ? 'vote' : 'votes'} since, counted at the next update${next ? ` (due ${formatTime(next)})` : ''}.`);
  else if (next) parts.push(` Next update due ${formatTime(next)}${state.kind === 'judges' && state.shownSource === 'arena' ? ' if there are new votes' : ''}.`);
  return parts.length ? el('span', { class: 'update-note' }, parts) : '';
}

// Arena boards leave flagged votes out (too fast, over the daily cap, anomalous, voided) and say how many.
function excludedNote({ source, excluded_votes: excluded }) {
  if (source !== 'arena' && !excluded) return '';
  const n = excluded || 0;
  return el('span', { class: 'excluded-note', title: 'Votes kept but not counted: see the README, "Vote hygiene"' },
    ` ${formatCount(n)} flagged ${n === 1 ? 'vote' : 'votes'} left out.`);
}

// The cut-off is worth a mention only when it differs from the computation time (a board left unchanged).
function cutoffNote({ cutoff, computed_at: computedAt }) {
  if (!cutoff || Math.abs(Date.parse(cutoff) - Date.parse(computedAt)) < 60_000) return '';
  return ` (data up to ${formatTime(cutoff)})`;
}

function emptyBoard(board) {
  if (state.kind !== 'judges') return 'No ratings for this selection yet: they appear after the next computation.';
  return [el('a', { href: '/' }, 'Vote in the arena'),
    `: every vote rates two judges; ratings appear at the next update${board.next_update_at ? ` (due ${formatTime(board.next_update_at)})` : ''}.`];
}

const round = (x) => (x == null ? '–' : Math.round(x).toString());

function rankRange({ rank, rank_ub: upper }) {
  if (upper == null || upper === rank) return String(rank);
  return `${Math.min(rank, upper)}–${Math.max(rank, upper)}`;
}

function interval({ rating, ci_lower: lower, ci_upper: upper }) {
  if (lower == null || upper == null) return '–';
  return `+${Math.round(upper - rating)} / −${Math.round(rating - lower)}`;
}

function percent(value, lower, upper) {
  if (value == null) return '–';
  const shown = `${value.toFixed(1)} %`;
  return lower == null || upper == null ? shown : `${shown} (${lower.toFixed(1)}–${upper.toFixed(1)})`;
}

function meanRating(value, lower, upper) {
  if (value == null) return '–';
  return lower == null || upper == null ? value.toFixed(2) : `${value.toFixed(2)} (${lower.toFixed(2)}–${upper.toFixed(2)})`;
}

function tableRow(row, scored, collective) {
  const id = `row-${encodeURIComponent(row.name)}`;
  return el('tr', { class: [row.preliminary ? 'preliminary' : '', location.hash === `#${id}` ? 'linked' : ''].join(' ').trim() || null, id },
    el('td', {}, rankRange(row)),
    el('td', { class: 'name', title: row.display_name && row.display_name !== row.name ? row.name : null },
      state.kind === 'judges'
        ? el('a', { href: `/judges/${encodeURIComponent(row.name)}`, title: 'Open this judge’s report card' }, row.display_name || row.name)
        : row.display_name || row.name,
      row.preliminary ? el('span', { class: 'prelim-marker', title: 'Few battles yet: the rating may move a lot' }, 'preliminary') : null),
    el('td', { class: 'num' }, round(row.rating)),
    el('td', { class: 'num', title: row.ci_lower == null ? 'too little information for an interval' : `${round(row.ci_lower)} to ${round(row.ci_upper)}` }, interval(row)),
    scored ? el('td', { class: 'num' }, (collective ? meanRating : percent)(row.score, row.score_lower, row.score_upper))
      : null,
    scored && !collective
      ? el('td', { class: 'num' }, percent(row.style_score, row.style_score_lower, row.style_score_upper)) : null,
    el('td', { class: 'num hide-narrow' }, formatCount(row.battles)),
    el('td', { class: 'hide-narrow' }, row.organisation || '–'),
    el('td', { class: 'hide-narrow' }, row.licence || '–'));
}

// Long names squeeze a phone's chart to nothing: shorten them there (the table has them in full).
function chartLabel(row, narrow) {
  const name = row.display_name || row.name;
  const shown = narrow && name.length > 18 ? `${name.slice(0, 17)}…` : name;
  return row.preliminary ? `${shown} (prelim.)` : shown;
}

function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function drawChart(allRows) {
  const rows = allRows.filter((r) => r.ci_lower != null && r.ci_upper != null).slice(0, CHART_MAX_ROWS);
  $('chart-box').parentElement.hidden = rows.length === 0;
  if (chart) { chart.destroy(); chart = null; }
  if (!rows.length || !window.Chart) return;
  $('chart-box').style.height = `${rows.length * 30 + 70}px`;
  const accent = cssColour('--accent');
  const muted = cssColour('--muted');
  const text = cssColour('--text');
  const grid = cssColour('--border');
  const narrow = $('chart-box').clientWidth < 560;
  // floating bars would otherwise pull the axis to 0; pad the data range to round 50s instead
  const low = Math.floor((Math.min(...rows.map((r) => r.ci_lower)) - 10) / 50) * 50;
  const high = Math.ceil((Math.max(...rows.map((r) => r.ci_upper)) + 10) / 50) * 50;
  window.Chart.defaults.font.size = 13;
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  chart = new window.Chart($('chart'), {
    type: 'bar',
    data: {
      labels: rows.map((r) => chartLabel(r, narrow)),
      datasets: [
        {
          type: 'bar',
          label: '95 % interval',
          data: rows.map((r) => [r.ci_lower, r.ci_upper]),
          backgroundColor: rows.map((r) => (r.preliminary ? 'rgba(128,128,150,0.25)' : `${accent}40`)),
          borderColor: rows.map((r) => (r.preliminary ? muted : accent)),
          borderWidth: 1.5,
          borderSkipped: false,
          borderRadius: 4,
          barPercentage: 0.6,
          categoryPercentage: 0.9,
        },
        {
          type: 'line',
          label: 'Rating',
          data: rows.map((r) => r.rating),
          showLine: false,
          pointStyle: 'rectRot',
          pointRadius: 6,
          pointHoverRadius: 8,
          pointBackgroundColor: text,
          pointBorderColor: text,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { min: low, max: high, title: { display: true, text: 'Rating (Elo scale)', color: muted }, ticks: { color: muted }, grid: { color: grid } },
        y: { ticks: { color: text, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        legend: { labels: { color: text, usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const r = rows[item.dataIndex];
              return item.datasetIndex === 0
                ? `95 % interval ${round(r.ci_lower)} – ${round(r.ci_upper)}`
                : `Rating ${round(r.rating)} (${formatCount(r.battles)} battles)`;
            },
          },
        },
      },
    },
  });
}

async function loadCategories() {
  try {
    const facets = await api('/api/browse/facets');
    fillOptions($('category'), facets.categories, state.category, 'All categories');
  } catch {
    $('category-filter').hidden = true;  // the board still works without the filter
  }
}

tabs.forEach((tab) => tab.addEventListener('click', () => selectTab(tab.dataset.kind)));
$('board').previousElementSibling.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const next = tabs[(tabs.findIndex((t) => t.dataset.kind === state.kind) + 1) % tabs.length];
  next.focus();
  selectTab(next.dataset.kind);
});
$('filters').addEventListener('change', () => {
  state.source = $('source').value;
  state.category = $('category').value;
  state.styleControl = $('style-control').checked;
  load();
});
$('filters').addEventListener('submit', (event) => event.preventDefault());
// phones hide the less used columns; this shows them (the table then scrolls sideways)
$('all-columns').addEventListener('click', () => {
  const all = $('table').classList.toggle('all-columns');
  $('all-columns').setAttribute('aria-pressed', String(all));
});

loadCategories();
selectTab(state.kind);
