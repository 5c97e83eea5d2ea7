// Benchmark runs: one card per job, kept up to date by the job's server-sent events while it runs.
import { api, describeError } from './api.js';
import { el, fill, formatCount, formatTime } from './elements.js';

const $ = (id) => document.getElementById(id);
const cards = new Map();    // job id -> its card
const streams = new Map();  // job id -> its EventSource

const STATE_WORDS = { running: 'Running', done: 'Done', stopped: 'Stopped', failed: 'Finished with failures' };
const PHASE_WORDS = { answers: 'models answering', judgments: 'judges comparing', rating: 'rating' };

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

function card(job) {
  const titleId = `run-${job.id}`;
  const p = job.params;
  const finished = job.state !== 'running';
  return el('article', { class: `card run state-${job.state}`, 'aria-labelledby': titleId, dataset: { job: job.id } },
    el('header', { class: 'card-header' },
      el('h2', { id: titleId }, `Run ${job.id}: ${p.questions}${p.limit ? ` (first ${p.limit})` : ''}`),
      el('span', { class: 'tag run-state' }, stateText(job))),
    el('p', { class: 'note' }, `${p.models.join(', ')} against ${p.baseline}, judged by ${p.judges.join(', ')}.`),
    el('div', { class: 'run-progress' },
      el('progress', { max: Math.max(1, job.total), value: job.done, 'aria-labelledby': titleId,
        'aria-valuetext': `${percent(job)} %: ${job.done} of ${job.total} units` }),
      el('span', { class: 'run-percent' }, `${percent(job)} %`)),
    el('dl', { class: 'run-figures' },
      el('div', {}, el('dt', {}, 'Units'), el('dd', {}, `${formatCount(job.done)} of ${formatCount(job.total)}`)),
      el('div', {}, el('dt', {}, 'Answers'), el('dd', {}, phaseText(job.answers))),
      el('div', {}, el('dt', {}, 'Judgments'), el('dd', {}, phaseText(job.judgments))),
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
      : null);
}

function show(job) {
  const fresh = card(job);
  const old = cards.get(job.id);
  if (old) old.replaceWith(fresh); else $('runs').append(fresh);
  cards.set(job.id, fresh);
  if (job.state === 'running') follow(job.id); else unfollow(job.id);
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
      : 'No benchmark runs yet. Start one with tribunal benchmark baseline, or POST /api/admin/jobs.');
    jobs.forEach(show);
  } catch (error) {
    fill($('status'));
    fill($('error-text'), describeError(error));
    $('error').hidden = false;
  }
}

load();
