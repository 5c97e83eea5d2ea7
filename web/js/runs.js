// Benchmark runs: one card per job, kept up to date by the job's server-sent events while it runs; a finished
// collective run also shows its board and two plots (Chart.js): score against mean answer latency and against
// cost per answer, as AutoBench shows them.
import { api, describeError } from './api.js';
import { el, fill, formatCount, formatTime } from './elements.js';

const $ = (id) => document.getElementById(id);
const cards = new Map();    // job id -> its card
const streams = new Map();  // job id -> its EventSource

const STATE_WORDS = { running: 'Running', done: 'Done', stopped: 'Stopped', failed: 'Finished with failures' };
const PHASE_WORDS = { answers: 'models answering', judgments: 'judges comparing', rating: 'rating',
  iterations: 'the pool writing, answering and rating' };
const reports = new Map();  // collective job id -> its report, once finished

function stateText(job) {
  const state = STATE_WORDS[job.state] || job.state;
  return job.state === 'running' && job.phase ? `${state}: ${PHASE_WORDS[job.phase] || job.phase}` : state;
}

function percent(job) {
  return job.total ? Math.floor((100 * job.done) / job.total) : 0;
}

function cost(value) {
  return value == null ? '–' : `$${value.toFixed(value < 1 ? 4 : 2)}`;
}

function phaseText(p) {
  const failed = p.failed ? `, ${formatCount(p.failed)} failed` : '';
  return p.total ? `${formatCount(p.done)} of ${formatCount(p.total)}${failed}` : 'not started';
}

function title(job) {
  const p = job.params;
  return job.kind === 'collective' ? `Run ${job.id}: collective benchmark of ${p.models.length} models`
    : `Run ${job.id}: ${p.questions}${p.limit ? ` (first ${p.limit})` : ''}`;
}

function description(job) {
  const p = job.params;
  return job.kind === 'collective'
    ? `${p.models.join(', ')} write, answer and rate each other's questions (up to ${p.iterations} iterations, `
      + `judges weighted by ${p.weights}).`
    : `${p.models.join(', ')} against ${p.baseline}, judged by ${p.judges.join(', ')}.`;
}

function card(job) {
  const titleId = `run-${job.id}`;
  const finished = job.state !== 'running';
  const collective = job.kind === 'collective';
  return el('article', { class: `card run state-${job.state}`, 'aria-labelledby': titleId, dataset: { job: job.id } },
    el('header', { class: 'card-header' },
      el('h2', { id: titleId }, title(job)),
      el('span', { class: 'tag run-state' }, stateText(job))),
    el('p', { class: 'note' }, description(job)),
    el('div', { class: 'run-progress' },
      el('progress', { max: Math.max(1, job.total), value: job.done, 'aria-labelledby': titleId,
        'aria-valuetext': `${percent(job)} %: ${job.done} of ${job.total} units` }),
      el('span', { class: 'run-percent' }, `${percent(job)} %`)),
    el('dl', { class: 'run-figures' },
      el('div', {}, el('dt', {}, 'Units'), el('dd', {}, `${formatCount(job.done)} of ${formatCount(job.total)}`)),
      el('div', {}, el('dt', {}, 'Answers'), el('dd', {}, phaseText(job.answers))),
      el('div', {}, el('dt', {}, collective ? 'Ratings' : 'Judgments'), el('dd', {}, phaseText(job.judgments))),
      el('div', {}, el('dt', {}, 'Provider calls'), el('dd', {}, formatCount(job.calls))),
      el('div', {}, el('dt', {}, 'Cost so far'), el('dd', {}, cost(job.cost))),
      el('div', {}, el('dt', {}, 'Updated'), el('dd', {}, formatTime(job.updated_at)))),
    job.failed ? el('section', { class: 'run-failures' },
      el('h3', { class: 'label' }, `${formatCount(job.failed)} failed ${job.failed === 1 ? 'unit' : 'units'}`),
      el('ul', {}, job.failures.map((f) => el('li', {}, f))),
      job.failed > job.failures.length
        ? el('p', { class: 'note' }, `and ${formatCount(job.failed - job.failures.length)} more`) : null)
      : null,
    finished && job.leaderboards.length ? el('section', { class: 'run-links' },
      el('h3', { class: 'label' }, 'Leaderboards'),
      el('ul', {}, job.leaderboards.map((b) => el('li', {}, el('a', { href: b.page }, b.title)))))
      : null,
    finished && collective && job.state !== 'stopped' ? el('section', { class: 'run-collective', id: `collective-${job.id}` })
      : null);
}

function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

// Writes each point's model name beside it (a scatter of a few models reads better labelled than by tooltip).
const NAMES = {
  id: 'names',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = cssColour('--text');
    ctx.font = `12px ${getComputedStyle(document.body).fontFamily}`;
    chart.getDatasetMeta(0).data.forEach((point, i) => {
      ctx.fillText(chart.data.datasets[0].data[i].model, point.x + 7, point.y - 7);
    });
    ctx.restore();
  },
};

const money = (v) => (v == null ? '–' : `$${v.toFixed(6)}`);
const fixed = (v, digits) => (v == null ? '–' : v.toFixed(digits));

// The collective board with each model's judge weight, cost and latency, and the two plots of the same figures.
function showCollective(id, report) {
  const box = document.getElementById(`collective-${id}`);
  if (!box) return;
  const stats = new Map(report.models.map((m) => [m.model, m]));
  const plots = [['latency', 'Score against mean answer latency', 'Mean answer latency (ms)', (m) => m.mean_latency_ms],
    ['cost', 'Score against cost per answer', 'Cost per answer ($)', (m) => m.cost_per_answer]];
  fill(box,
    el('h3', { class: 'label' }, `Collective board: ${report.questions_kept} questions kept, `
      + `${report.questions_rejected} rejected, ${report.duplicates} near-duplicates`),
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `Collective board of run ${id}` },
      el('table', { class: 'board' },
      el('caption', { class: 'visually-hidden' }, `Collective board of run ${id}`),
      el('thead', {}, el('tr', {}, ['Model', 'Score (1–5)', 'Rating', 'Rank', 'Judge weight', 'Cost', 'Cost per answer',
        'Mean latency (ms)', 'p99 latency (ms)', 'Distance from consensus'].map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
      el('tbody', {}, report.rows.map((r) => {
        const m = stats.get(r.model) || {};
        return el('tr', {}, el('th', { scope: 'row' }, r.model),
          el('td', { class: 'num' }, fixed(r.score, 2)), el('td', { class: 'num' }, fixed(r.rating, 0)),
          el('td', { class: 'num' }, String(r.rank)), el('td', { class: 'num' }, fixed(m.weight, 3)),
          el('td', { class: 'num' }, m.cost == null ? '–' : `$${m.cost.toFixed(4)}`),
          el('td', { class: 'num' }, money(m.cost_per_answer)), el('td', { class: 'num' }, fixed(m.mean_latency_ms, 0)),
          el('td', { class: 'num' }, fixed(m.p99_latency_ms, 0)), el('td', { class: 'num' }, fixed(m.consensus_distance, 2)));
      })))),
    plots.map(([key, heading]) => el('figure', { class: 'chart-card' },
      el('figcaption', { class: 'label' }, heading),
      el('div', { class: 'chart-box', style: 'height: 260px' },
        el('canvas', { id: `plot-${key}-${id}`, role: 'img',
          'aria-label': `${heading}, one point per model; the table above has the same figures.` })))));
  if (!window.Chart) return;
  const accent = cssColour('--accent');
  const muted = cssColour('--muted');
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  for (const [key, , axis, x] of plots) {
    const points = report.rows.filter((r) => r.score != null && x(stats.get(r.model) || {}) != null)
      .map((r) => ({ x: x(stats.get(r.model)), y: r.score, model: r.model }));
    new window.Chart(document.getElementById(`plot-${key}-${id}`), {
      type: 'scatter',
      data: { datasets: [{ label: 'Models', data: points, pointRadius: 5, backgroundColor: accent }] },
      plugins: [NAMES],
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { title: { display: true, text: axis, color: muted },
          ticks: { color: muted, callback: key === 'cost' ? (v) => `$${Number(v).toPrecision(2)}` : undefined } },
          y: { title: { display: true, text: 'Score (weighted mean rating)', color: muted }, ticks: { color: muted } } },
        plugins: { legend: { display: false },
          tooltip: { callbacks: { label: (c) => `${c.raw.model}: ${c.raw.y.toFixed(2)} at ${c.raw.x}` } } } },
    });
  }
}

async function loadCollective(id) {
  try {
    if (!reports.has(id)) reports.set(id, await api(`/api/jobs/${id}/collective`));
    showCollective(id, reports.get(id));
  } catch (error) {
    const box = document.getElementById(`collective-${id}`);
    if (box) fill(box, el('p', { class: 'note' }, describeError(error)));
  }
}

function show(job) {
  const fresh = card(job);
  const old = cards.get(job.id);
  if (old) old.replaceWith(fresh); else $('runs').append(fresh);
  cards.set(job.id, fresh);
  if (job.state === 'running') follow(job.id); else unfollow(job.id);
  if (job.kind === 'collective' && job.state !== 'running' && job.state !== 'stopped') loadCollective(job.id);
}

// The job's events: each 'progress' carries the whole job as stored; 'end' comes when it stops running.
function follow(id) {
  if (streams.has(id)) return;
  const source = new EventSource(`/api/jobs/${id}/events`);
  streams.set(id, source);
  source.addEventListener('progress', (event) => show(JSON.parse(event.data)));
  source.addEventListener('end', () => { unfollow(id); refresh(id); });
  source.addEventListener('error', () => {
    // a closed stream (the server busy or restarting) is not retried by the browser: ask again a little later
    if (source.readyState === EventSource.CLOSED) {
      unfollow(id);
      setTimeout(() => refresh(id), 5000);
    }
  });
}

function unfollow(id) {
  const source = streams.get(id);
  if (source) source.close();
  streams.delete(id);
}

async function refresh(id) {
  try {
    show(await api(`/api/jobs/${id}`));
  } catch (error) {
    fill($('error-text'), describeError(error));
    $('error').hidden = false;
  }
}

async function load() {
  try {
    const { jobs } = await api('/api/jobs');
    fill($('status'), jobs.length ? `${jobs.length} ${jobs.length === 1 ? 'run' : 'runs'}, newest first.`
      : 'No benchmark runs yet. Start one with tribunal benchmark baseline or collective, or POST /api/admin/jobs.');
    jobs.forEach(show);
  } catch (error) {
    fill($('status'));
    fill($('error-text'), describeError(error));
    $('error').hidden = false;
  }
}

load();
