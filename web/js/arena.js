// The judge arena: load a round, show the sample and both anonymous critiques, take a vote, reveal.
import { api, ApiProblem, describeError } from './api.js';
import { el, fill, formatCount, isTyping } from './elements.js';
import { renderMarkdown } from './markdown.js';
import { describeJudgement, readableCritique, CHOICE_WORDS } from './verdicts.js';

const $ = (id) => document.getElementById(id);
const voteButtons = [...document.querySelectorAll('#vote button[data-choice]')];
const nextButtons = [$('new-round'), $('regenerate')];
const SHORTCUTS = {
  1: 'A', a: 'A', 2: 'B', b: 'B', 3: 'tie', t: 'tie', 4: 'both_bad', x: 'both_bad',
};

const SAVED_ROUND = 'tribunal.round';
let round = null;      // the round on screen
let voted = false;
let busy = false;

function setBusy(value, message) {
  busy = value;
  $('round').setAttribute('aria-busy', String(value));
  $('status').textContent = message || '';
  voteButtons.forEach((b) => { b.disabled = value || voted || !round; });
  nextButtons.forEach((b) => { b.disabled = value || !voted; });
}

let countdown = null;

// After a 429 the retry button waits out Retry-After, counting down, so a click cannot be refused again.
// A round that expired or is gone cannot be retried: the button deals a new one instead.
function showError(error, retry) {
  $('error-text').textContent = describeError(error);
  $('error').hidden = false;
  $('error').scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  const roundGone = error instanceof ApiProblem && (error.status === 404 || error.status === 410);
  const label = roundGone ? 'Start a new round' : 'Try again';
  const button = $('retry');
  button.onclick = () => { $('error').hidden = true; (roundGone ? newRound : retry)(); };
  clearInterval(countdown);
  let wait = error instanceof ApiProblem && error.status === 429 ? error.retryAfterSeconds || 0 : 0;
  const tick = () => {
    button.disabled = wait > 0;
    button.textContent = wait > 0 ? `${label} in ${wait} s` : label;
    if (wait-- <= 0) clearInterval(countdown);
  };
  tick();
  if (wait >= 0) countdown = setInterval(tick, 1000);
}

async function run(message, action) {
  if (busy) return;
  $('error').hidden = true;
  setBusy(true, message);
  try {
    await action();
    setBusy(false, '');
  } catch (error) {
    setBusy(false, '');
    // an empty arena is a state to explain, not an error
    if (error instanceof ApiProblem && error.problem && error.problem.type === '/problems/nothing-to-judge') {
      $('empty').hidden = false;
      return;
    }
    showError(error, () => run(message, action));
  }
}

function responseBlock(title, text, side) {
  const body = el('div', { class: 'markdown text-block clampable' });
  renderMarkdown(body, text);
  return el('section', { class: 'response', dataset: side ? { side } : {} },
    el('h3', { class: 'label' }, side ? el('span', { class: 'side-badge' }, side) : null, ' ', title),
    body);
}

function showRound(next) {
  round = next;
  voted = false;
  try { sessionStorage.setItem(SAVED_ROUND, round.round_id); } catch { /* storage off: no resume */ }
  const { sample, judges } = round;
  renderMarkdown($('input'), sample.input);
  fill($('responses'), sample.kind === 'pair'
    ? [responseBlock('Response A', sample.response_a, 'A'), responseBlock('Response B', sample.response_b, 'B')]
    : [responseBlock('AI response', sample.response)]);
  $('responses').classList.toggle('single', sample.kind !== 'pair');
  $('category').hidden = !sample.category;
  $('category').textContent = sample.category ? `Category: ${sample.category}` : '';
  $('reference-box').hidden = !sample.reference;
  renderMarkdown($('reference'), sample.reference || '');
  for (const side of ['A', 'B']) showJudge(side, judges[side]);
  // PRD critiques say "Assistant 1/2" where the page says Response A/B: state the mapping
  const assistants = /assistant\s*[12]/i;
  $('assistant-note').hidden = sample.kind !== 'pair'
    || !(assistants.test(judges.A.critique || '') || assistants.test(judges.B.critique || ''));
  $('reveal').hidden = true;
  $('round').hidden = $('mode-own').getAttribute('aria-pressed') === 'true';
  document.body.dataset.phase = 'voting';
  delete document.body.dataset.critiquesSeen;
  clampLongTexts();
  watchCritiques();
}

// Long texts start compact, with a button to show all, so that both critiques are near the top of the page. The
// sample's buttons sit at the right of their labels (a line of their own each pushed judge A's critique below a
// phone's first screen); a critique's follows it, where its reader arrives.
function clampLongTexts() {
  document.querySelectorAll('#round .clampable').forEach((box) => {
    const inSample = box.closest('.sample') !== null;
    const old = inSample ? box.previousElementSibling.querySelector('.expand') : box.nextElementSibling;
    if (old && old.classList.contains('expand')) old.remove();
    box.classList.add('clamped');
    if (box.scrollHeight <= box.clientHeight + 8) { box.classList.remove('clamped'); return; }
    const button = el('button', { type: 'button', class: 'expand link-button', 'aria-expanded': 'false' }, 'Show all');
    button.addEventListener('click', () => {
      const open = box.classList.toggle('clamped') === false;
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? 'Show less' : 'Show all';
    });
    if (inSample) labelRow(box).append(button);
    else box.after(button);
  });
}

// The label above a box, in a row with room at its right (made once; the next round reuses it).
function labelRow(box) {
  const label = box.previousElementSibling;
  if (label.classList.contains('label-row')) return label;
  const row = el('div', { class: 'label-row' });
  label.replaceWith(row);
  row.append(label);
  return row;
}

// The vote bar stays in place after the critiques until both were scrolled through; only then does it stick to the
// bottom of the window (it covered a fifth of a phone's screen before the critiques were read).
let critiqueWatcher = null;
function watchCritiques() {
  if (critiqueWatcher) critiqueWatcher.disconnect();
  if (!('IntersectionObserver' in window)) { document.body.dataset.critiquesSeen = 'yes'; return; }
  // an end counts as seen once the window has reached it (visible now, or scrolled past: a jump can skip it)
  const ends = [...document.querySelectorAll('.judge .critique-end')];
  critiqueWatcher = new IntersectionObserver(() => {
    if (ends.every((end) => end.getBoundingClientRect().top < window.innerHeight)) {
      document.body.dataset.critiquesSeen = 'yes';
      critiqueWatcher.disconnect();
    }
  });
  ends.forEach((end) => critiqueWatcher.observe(end));
}

function showJudge(side, judge) {
  const key = side.toLowerCase();
  const judgement = describeJudgement(judge);
  fill($(`verdict-${key}`), judgement
    ? [el('strong', {}, judgement.symbol), el('span', { class: 'verdict-words' }, judgement.words)]
    : [el('span', { class: 'verdict-words' }, 'No verdict given')]);
  renderMarkdown($(`critique-${key}`), readableCritique(judge.critique) || '*(The judge wrote no critique.)*');
  $(`identity-${key}`).hidden = true;
  document.querySelector(`.judge[data-side="${side}"]`).classList.remove('chosen');
}

const judgeName = (judge) => judge.display_name || judge.name || 'Unknown judge';

function showReveal(result) {
  voted = true;
  document.body.dataset.phase = 'revealed';
  for (const side of ['A', 'B']) {
    const judge = result.judges[side] || {};
    const identity = $(`identity-${side.toLowerCase()}`);
    fill(identity, el('strong', {}, judgeName(judge)),
      judge.organisation ? el('span', { class: 'org' }, ` · ${judge.organisation}`) : null);
    identity.hidden = false;
    document.querySelector(`.judge[data-side="${side}"]`)
      .classList.toggle('chosen', result.choice === side);
  }
  $('your-vote').textContent = `Your vote: ${CHOICE_WORDS[result.choice] || result.choice}.`;
  fill($('reveal-list'), revealRows(result));
  $('self-judged').hidden = true;
  enrichReveal(result);
  fill($('pair-stats'), pairStats(result.pair_stats), peopleVotes(result.people_votes),
    el('p', { class: 'permalink' }, el('a', { href: `/?round=${encodeURIComponent(result.round_id)}` },
      'Permalink to this reveal')));
  $('reveal').hidden = false;
  $('reveal-title').focus({ preventScroll: true });
  $('reveal').scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function revealRows({ judges, models = {} }) {
  const row = (term, value) => [el('dt', {}, term), el('dd', {}, value)];
  const who = (judge = {}) => [el('strong', {}, judgeName(judge)),
    judge.organisation ? ` (${judge.organisation})` : '',
    judge.name ? ' · ' : '',
    judge.name ? el('a', { href: `/judges/${encodeURIComponent(judge.name)}` }, 'report card') : '',
    el('span', { class: 'standing', dataset: { judge: judge.name || '' } })];
  const model = (name) => el('span', { class: 'model', dataset: { model: name || '' } }, name || 'unknown');
  const rows = [row('Judge A', who(judges.A)), row('Judge B', who(judges.B))];
  if (round.sample.kind === 'pair') {
    rows.push(row('Response A written by', model(models.response_a)));
    rows.push(row('Response B written by', model(models.response_b)));
  } else {
    rows.push(row('Response written by', model(models.response || models.response_a)));
  }
  return rows.flat();
}

// After the vote (never before: it names the judges): each judge's standing on the arena board with a link to
// its row, the models' display names, and a warning when a judge assessed its own model's answer.
async function enrichReveal({ judges, models = {} }) {
  const [board, modelBoard] = await Promise.all([
    api('/api/leaderboards/judges?source=arena').catch(() => null),
    api('/api/leaderboards/models').catch(() => null)]);
  const rows = (board && board.rows) || [];
  document.querySelectorAll('#reveal-list .standing').forEach((span) => {
    const r = rows.find((x) => x.name === span.dataset.judge);
    if (!r) { fill(span, ' · not on the arena board yet'); return; }
    const rank = r.rank_ub != null && r.rank_ub !== r.rank ? `${Math.min(r.rank, r.rank_ub)}–${Math.max(r.rank, r.rank_ub)}` : `${r.rank}`;
    fill(span, ' · ', el('a', { href: `/leaderboard?board=judges&source=arena#row-${encodeURIComponent(r.name)}` },
      `rating ${Math.round(r.rating)}, rank ${rank} of ${rows.length}`), ' on the arena board');
  });
  const names = new Map(((modelBoard && modelBoard.rows) || []).map((r) => [r.name, r.display_name || r.name]));
  document.querySelectorAll('#reveal-list .model').forEach((span) => {
    const name = span.dataset.model;
    if (names.has(name) && names.get(name) !== name) fill(span, names.get(name), el('span', { class: 'note' }, ` (${name})`));
  });
  // a judge that shares a name with the model that wrote a response judged its own model's answer
  const written = [models.response, models.response_a, models.response_b].filter(Boolean);
  const own = ['A', 'B'].map((side) => judges[side] || {})
    .filter((j) => written.some((m) => m === j.name || (names.get(m) && names.get(m) === j.display_name)));
  if (own.length) {
    $('self-judged').textContent = `Note: ${own.map(judgeName).join(' and ')} judged an answer written by `
      + `${own.length === 1 ? 'its own model' : 'their own models'}; judges tend to favour their own answers.`;
    $('self-judged').hidden = false;
  }
}

function pairStats(stats) {
  if (!stats || !stats.votes) return [el('p', {}, 'You are the first to vote on this pair of judges.')];
  const parts = [['A', 'Judge A', stats.a], ['B', 'Judge B', stats.b], ['tie', 'Tie', stats.tie],
    ['both_bad', 'Both bad', stats.both_bad]];
  const percent = (n) => Math.round((100 * (n || 0)) / stats.votes);
  return [
    el('h3', { class: 'label' }, `How people voted on this pair of judges (${formatCount(stats.votes)} vote${stats.votes === 1 ? '' : 's'})`),
    el('div', { class: 'stack-bar', role: 'img', 'aria-label': parts.map(([, l, n]) => `${l} ${percent(n)}%`).join(', ') },
      parts.filter(([, , n]) => n > 0).map(([key, , n]) => el('span', {
        class: `seg seg-${key}`, style: `flex-grow:${n}`, title: `${n}`,
      }))),
    el('ul', { class: 'stack-legend' }, parts.map(([key, label, n]) => el('li', {},
      el('span', { class: `swatch seg-${key}`, 'aria-hidden': 'true' }),
      `${label}: ${formatCount(n || 0)} (${percent(n)} %)`))),
  ];
}

// People's own verdicts on the two responses (the demo's human votes), beside the judges' verdicts.
function peopleVotes(people) {
  if (!people || !people.votes) return [];
  const n = (count) => `${formatCount(count)} (${Math.round((100 * count) / people.votes)} %)`;
  return [
    el('h3', { class: 'label' }, `How people judged these two responses themselves (${formatCount(people.votes)} vote${people.votes === 1 ? '' : 's'})`),
    el('ul', { class: 'stack-legend' },
      el('li', {}, `Response A better: ${n(people.a)}`),
      el('li', {}, `Response B better: ${n(people.b)}`),
      el('li', {}, `Tie: ${n(people.tie)}`)),
  ];
}

const newRound = () => run('Loading a round…', async () => showRound(await api('/api/rounds', { method: 'POST' })));

// A reload shows the round this tab was on (and its reveal, once voted) instead of dealing a new one.
// A permalink (/?round=ID) shows that round's reveal once it was voted; an unvoted one is not shared this way.
async function savedRound() {
  const linked = new URLSearchParams(location.search).get('round');
  let id = linked;
  if (!id) {
    try { id = sessionStorage.getItem(SAVED_ROUND); } catch { /* storage off */ }
  }
  if (!id) return null;
  try {
    const stored = await api(`/api/rounds/${encodeURIComponent(id)}`);
    if (linked) return stored.voted ? stored : null;
    return new Date(stored.expires_at) > new Date() || stored.voted ? stored : null;
  } catch {
    return null;   // unknown or expired: deal a new one
  }
}

// The first round on screen with its buttons enabled: the page is usable (read by the browser tests).
async function firstRound() {
  const stored = await savedRound();
  if (stored) {
    showRound(stored);
    if (stored.voted && stored.reveal) showReveal(stored.reveal);
    setBusy(false, '');
  } else {
    await newRound();
  }
  if (round) performance.mark('tribunal:interactive');
}

const regenerate = () => run('Asking two other judges…', async () => {
  showRound(await api(`/api/rounds/${encodeURIComponent(round.round_id)}/regenerate`, { method: 'POST' }));
});

function vote(choice) {
  if (!round || voted || busy) return;
  const id = round.round_id;
  run('Recording your vote…', async () => {
    showReveal(await api(`/api/rounds/${encodeURIComponent(id)}/vote`, { method: 'POST', body: { choice } }));
  });
}

voteButtons.forEach((button) => button.addEventListener('click', () => vote(button.dataset.choice)));
$('new-round').addEventListener('click', newRound);
$('regenerate').addEventListener('click', regenerate);

document.addEventListener('keydown', (event) => {
  if (isTyping(event)) return;
  const key = event.key.toLowerCase();
  if (!voted && SHORTCUTS[key]) { event.preventDefault(); vote(SHORTCUTS[key]); }
  else if (voted && key === 'n') { event.preventDefault(); newRound(); }
  else if (voted && key === 'r') { event.preventDefault(); regenerate(); }
});

// --- "a random sample" or "my own sample" --------------------------------------------------------
const form = $('sample-form');
let limits = null;   // {live_judges, max_chars: {input, response, reference, rubric}} from the server

function setMode(mode) {
  $('mode-random').setAttribute('aria-pressed', String(mode === 'random'));
  $('mode-own').setAttribute('aria-pressed', String(mode === 'own'));
  $('own').hidden = mode !== 'own';
  $('round').hidden = mode !== 'random' || !round;
  if (mode === 'own') loadLimits();
}

// The form is shown only where live judges exist; else one plain sentence says why there is none.
async function loadLimits() {
  if (limits) return;
  try {
    limits = await api('/api/samples/limits');
  } catch {
    limits = { live_judges: false, max_chars: {} };   // an older server: no own samples
  }
  $('own-loading').hidden = true;
  $('no-live').hidden = limits.live_judges;
  form.hidden = !limits.live_judges;
  form.querySelectorAll('textarea[data-limit]').forEach(updateCounter);
}

// Characters as a person counts them (code points: an emoji is one), as the server does.
const charCount = (text) => [...text].length;

function updateCounter(field) {
  const max = limits && limits.max_chars ? limits.max_chars[field.dataset.limit] : null;
  const counter = $(`n-${field.name}`);
  if (!counter || !max) return;
  const n = charCount(field.value);
  const over = n - max;
  counter.textContent = over > 0
    ? `${formatCount(n)} / ${formatCount(max)} characters: ${formatCount(over)} too many`
    : `${formatCount(n)} / ${formatCount(max)} characters`;
  counter.classList.toggle('over', over > 0);
  if (over > 0) field.setAttribute('aria-invalid', 'true');
  else if (field.getAttribute('aria-invalid') === 'true' && n > 0) field.removeAttribute('aria-invalid');
}

$('mode-random').addEventListener('click', () => setMode('random'));
$('mode-own').addEventListener('click', () => setMode('own'));
form.addEventListener('input', (event) => { if (event.target.dataset.limit) updateCounter(event.target); });

function formKind() { return form.elements.kind.value; }

form.addEventListener('change', (event) => {
  if (event.target.name !== 'kind') return;
  form.querySelector('.kind-single').hidden = formKind() !== 'single';
  form.querySelector('.kind-pair').hidden = formKind() !== 'pair';
});

const LABELS = {
  input: 'User input', response: 'Response', response_a: 'Response A', response_b: 'Response B',
  reference: 'Reference answer', rubric: 'Rubric or criteria',
};

function sampleFromForm() {
  const value = (name) => form.elements[name].value.trim();
  const body = { input: value('input') };
  const required = ['input'];
  if (formKind() === 'pair') {
    Object.assign(body, { response_a: value('response_a'), response_b: value('response_b') });
    required.push('response_a', 'response_b');
  } else {
    body.response = value('response');
    required.push('response');
  }
  if (value('reference')) body.reference = value('reference');
  if (value('rubric')) body.rubric = value('rubric');
  const missing = required.filter((name) => !body[name]);
  const max = (limits && limits.max_chars) || {};
  const tooLong = Object.keys(body).filter((name) => {
    const limit = max[form.elements[name].dataset.limit];
    return limit && charCount(body[name]) > limit;
  });
  return { body, missing, tooLong };
}

// Without two live judges the server answers 503 no-live-judges (an older server: no POST /api/samples at all).
function describeSubmitError(failure) {
  if (failure instanceof ApiProblem && (failure.status === 404 || failure.status === 405)) {
    return 'This server has no live judges, so it cannot judge your own samples. You can still vote on random samples.';
  }
  if (failure instanceof ApiProblem && failure.problem && failure.problem.type === '/problems/no-live-judges') {
    return 'This server has no live judges, so it cannot judge your own samples. You can still vote on random samples.';
  }
  return describeError(failure);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { body, missing, tooLong } = sampleFromForm();
  const error = $('form-error');
  form.querySelectorAll('[aria-invalid]').forEach((f) => f.removeAttribute('aria-invalid'));
  const invalid = [...missing, ...tooLong];
  if (invalid.length) {
    invalid.forEach((name) => form.elements[name].setAttribute('aria-invalid', 'true'));
    error.textContent = [
      missing.length ? `Please fill in: ${missing.map((n) => LABELS[n]).join(', ')}.` : '',
      tooLong.length ? `Too long (see the counters): ${tooLong.map((n) => LABELS[n]).join(', ')}.` : '',
    ].filter(Boolean).join(' ');
    error.hidden = false;
    form.elements[invalid[0]].focus();
    return;
  }
  error.hidden = true;
  const submit = form.querySelector('button[type="submit"]');
  submit.disabled = true;
  $('form-status').textContent = 'The judges are reading your sample…';
  try {
    const judged = await api('/api/samples', { method: 'POST', body });
    $('form-status').textContent = '';
    showRound(judged);
    setMode('random');
    $('status').textContent = 'Your sample, assessed by two anonymous judges: vote below.';
    $('error').hidden = true;
    $('round').scrollIntoView({ behavior: 'smooth' });
  } catch (failure) {
    $('form-status').textContent = '';
    error.textContent = describeSubmitError(failure);
    error.hidden = false;
  } finally {
    submit.disabled = false;
    setBusy(false, $('status').textContent);
  }
});

firstRound();
