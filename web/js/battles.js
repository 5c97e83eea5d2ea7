// The battles browser: samples with their responses, the judges' verdicts and critiques, and the votes they got.
// A critique the arena can still deal comes without its judge (and without votes of its own): naming it here
// would name the judge in every later round that shows it.
import { api, describeError } from './api.js';
import { el, fill, formatCount } from './elements.js';
import { latestOnly } from './latest.js';
import { renderMarkdown } from './markdown.js';
import { describeJudgement, readableCritique } from './verdicts.js';

const $ = (id) => document.getElementById(id);
const form = $('filters');
const FILTERS = ['q', 'judge', 'model', 'category'];
const PAGE_SIZE = 10;

const VIEWS = {
  samples: { api: '/api/samples', noun: 'sample', card: (item) => sampleCard(item) },
  questions: { api: '/api/questions', noun: 'question', card: (item) => questionCard(item) },
};
const tabs = [...document.querySelectorAll('[role="tab"]')];

function readUrl() {
  const params = new URLSearchParams(location.search);
  const state = {
    page: Math.max(1, Number(params.get('page')) || 1),
    view: params.get('view') === 'questions' ? 'questions' : 'samples',
  };
  for (const name of FILTERS) state[name] = params.get(name) || '';
  return state;
}

let state = readUrl();
const shownNames = new Map();   // contestant name → display name, from the facets
const shown = (name) => (name == null ? name : shownNames.get(name) || name);

function queryString(page) {
  const q = new URLSearchParams();
  if (state.view !== 'samples') q.set('view', state.view);
  for (const name of FILTERS) if (state[name]) q.set(name, state[name]);
  if (page > 1) q.set('page', page);
  return q.toString();
}

async function loadFacets() {
  try {
    const facets = await api('/api/browse/facets');
    // judges and models come as {name, display_name}: filter by name, show the display name
    const fillSelect = (name, values, allLabel) => fill($(name), el('option', { value: '' }, allLabel),
      (values || []).map((v) => {
        const value = v.name ?? v;
        return el('option', { value, selected: value === state[name] }, v.display_name ?? value);
      }));
    for (const named of [...(facets.judges || []), ...(facets.models || [])]) shownNames.set(named.name, named.display_name);
    fillSelect('judge', facets.judges, 'All judges');
    fillSelect('model', facets.models, 'All models');
    fillSelect('category', facets.categories, 'All categories');
  } catch (error) {
    $('error-text').textContent = `The filters could not be loaded: ${describeError(error)}`;
    $('error').hidden = false;
  }
}

const fetchLatest = latestOnly({
  busy: $('results'), status: $('status'), errorBox: $('error'), errorText: $('error-text'),
});

function load(page, { push = false } = {}) {
  state.page = page;
  const qs = queryString(page);
  const url = `${location.pathname}${qs ? `?${qs}` : ''}`;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  const query = new URLSearchParams(qs);
  query.delete('view');
  query.set('page', page);
  query.set('size', PAGE_SIZE);
  return fetchLatest('Loading…', () => api(`${VIEWS[state.view].api}?${query}`), show, () => {
    // a refused search (too long, a bad filter): no stale results under the message
    fill($('results'));
    $('summary').textContent = '';
    $('pager').hidden = true;
  });
}

function showTabs() {
  for (const tab of tabs) {
    const selected = tab.dataset.view === state.view;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
}

function show({ items = [], total = 0, page = 1, size = PAGE_SIZE }) {
  const { noun, card } = VIEWS[state.view];
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total ? (page - 1) * size + 1 : 0;
  $('summary').textContent = total
    ? `${formatCount(total)} ${noun}${total === 1 ? '' : 's'} · showing ${first}–${first + items.length - 1}`
    : '';
  const judgeNote = state.view === 'samples' && state.judge
    ? ' The judge filter finds only critiques that are no longer in the arena.' : '';
  const filtered = FILTERS.some((name) => state[name]);
  fill($('results'), items.length ? items.map(card)
    : el('p', { class: 'empty card' }, filtered ? `No ${noun}s match these filters.${judgeNote}` : emptyView()));
  $('pager').hidden = pages <= 1;
  $('page-of').textContent = `Page ${page} of ${pages}`;
  $('page-number').max = String(pages);
  $('page-number').value = String(page);
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  $('previous').disabled = page <= 1;
  $('next').disabled = page >= pages;
}

// A block that may scroll gets a tab stop and a name, so that keyboard users can scroll it too (axe-core:
// scrollable-region-focusable); the name is unique on the page (axe-core: landmark-unique).
function markdownBlock(text, label, className = 'markdown text-block') {
  const node = el('div', { class: className, tabindex: '0', role: 'region', 'aria-label': label });
  renderMarkdown(node, text);
  return node;
}

function responseBlock(title, text, model, side, sampleId) {
  return el('section', { class: 'response', dataset: side ? { side } : {} },
    el('h4', { class: 'label' }, side ? el('span', { class: 'side-badge' }, side) : null, ' ', title,
      model ? el('span', { class: 'model-name' }, ` · ${shown(model)}`) : null),
    markdownBlock(text, `${title} of sample ${sampleId}`));
}

// Nothing at all (no filter set): say what would fill this view, not that filters match nothing.
function emptyView() {
  return state.view === 'questions'
    ? 'No benchmark questions here yet: they come with the baseline benchmark (tribunal benchmark baseline, see the README).'
    : 'No arena samples yet: start Tribunal from its repository folder to load the demo, or import evaluations.';
}

// A link to this card on this page of these results.
function permalink(id) {
  const qs = queryString(state.page);
  return el('a', { class: 'permalink', href: `${location.pathname}${qs ? `?${qs}` : ''}#${id}`,
    'aria-label': `Link to ${id.replace('-', ' ')}` }, 'Link');
}

function sampleCard(sample) {
  const models = sample.models || {};
  const pair = sample.kind === 'pair';
  const responses = pair
    ? [responseBlock('Response A', sample.response_a, models.response_a, 'A', sample.id),
      responseBlock('Response B', sample.response_b, models.response_b, 'B', sample.id)]
    : [responseBlock('Response', sample.response, models.response, null, sample.id)];
  const evaluations = sample.evaluations || [];
  return el('article', { class: 'card battle', 'aria-labelledby': `sample-${sample.id}` },
    el('header', { class: 'card-header' },
      el('h2', { id: `sample-${sample.id}` }, `Sample ${sample.id}`),
      el('span', { class: 'battle-meta' },
        sample.category ? el('span', { class: 'tag' }, sample.category) : null,
        sample.source ? el('span', { class: 'tag' }, `source: ${sample.source}`) : null,
        el('span', { class: 'tag' }, pair ? 'two responses' : 'one response'), permalink(`sample-${sample.id}`))),
    el('h3', { class: 'label' }, 'User input'),
    markdownBlock(sample.input, `User input of sample ${sample.id}`),
    el('div', { class: `columns${pair ? '' : ' single'}` }, responses),
    sample.reference ? el('details', { class: 'reference' }, el('summary', {}, 'Reference answer'),
      markdownBlock(sample.reference, `Reference answer of sample ${sample.id}`, 'markdown')) : null,
    el('h3', { class: 'label' }, `Judges (${evaluations.length})`),
    el('p', { class: 'votes sample-votes' }, sampleVotesText(sample.votes)),
    evaluations.some((e) => e.anonymous) ? el('p', { class: 'note anonymous-note' },
      'Judges are hidden while their critiques can still be shown in the arena, so that nobody knows them before voting.')
      : null,
    evaluations.length ? el('div', { class: 'evaluations' }, evaluations.map(evaluationCard))
      : el('p', { class: 'note' }, 'No judge has evaluated this sample yet.'));
}

// A verdict on two models' answers, in words that name the models.
function judgmentWords(j) {
  if (!j.verdict && j.score != null) return { symbol: String(j.score), words: 'Score' };
  const judgement = describeJudgement(j);
  if (!judgement) return null;
  const words = judgement.words.replace('Response A', shown(j.model_a) || 'A').replace('Response B', shown(j.model_b) || 'B');
  return { symbol: judgement.symbol, words };
}

function verdictBadge(judgement, status) {
  return el('span', { class: 'verdict' }, judgement
    ? [el('strong', {}, judgement.symbol), el('span', { class: 'verdict-words' }, judgement.words)]
    : el('span', { class: 'verdict-words' }, status && status !== 'ok' ? `No verdict (${status})` : 'No verdict'));
}

function questionCard(question) {
  const tags = [question.question_set, question.category, question.topic, question.difficulty].filter(Boolean);
  const answers = question.answers || [];
  const judgments = question.judgments || [];
  return el('article', { class: 'card battle', 'aria-labelledby': `question-${question.id}` },
    el('header', { class: 'card-header' },
      el('h2', { id: `question-${question.id}` }, `Question ${question.id}`),
      el('span', { class: 'battle-meta' }, tags.map((t) => el('span', { class: 'tag' }, t)),
        permalink(`question-${question.id}`))),
    el('h3', { class: 'label' }, 'Question'),
    markdownBlock(question.prompt, `Question ${question.id}`),
    question.reference ? el('details', { class: 'reference' }, el('summary', {}, 'Reference answer'),
      markdownBlock(question.reference, `Reference answer to question ${question.id}`, 'markdown')) : null,
    el('h3', { class: 'label' }, `Answers (${answers.length})`),
    el('div', { class: 'evaluations' }, answers.map((a) => el('section', { class: 'evaluation' },
      el('header', {}, el('span', { class: 'judge-name' }, shown(a.model)),
        a.tokens != null ? el('span', { class: 'votes' }, `${formatCount(a.tokens)} tokens`) : null),
      markdownBlock(a.content, `${shown(a.model)}'s answer to question ${question.id}`, 'markdown critique')))),
    el('h3', { class: 'label' }, `Judgments (${judgments.length})`),
    judgments.length ? el('div', { class: 'evaluations' }, judgments.map((j, k) => el('section', { class: 'evaluation' },
      el('header', {}, el('span', {}, j.anonymous
        ? el('span', { class: 'judge-name anonymous' }, 'Judge (hidden while in the arena)')
        : el('span', { class: 'judge-name' }, shown(j.judge)),
        el('span', { class: 'note' }, j.model_b ? ` · A: ${shown(j.model_a)} vs B: ${shown(j.model_b)}, game ${j.game}`
          : ` · on ${shown(j.model_a)}`)),
      verdictBadge(judgmentWords(j), j.status)),
      markdownBlock(j.critique || '*(no critique)*', `Judgment ${k + 1} on question ${question.id}`, 'markdown critique'))))
      : el('p', { class: 'note' }, 'No judge has judged these answers yet.'));
}

function sampleVotesText(votes) {
  if (!votes) return 'No votes on this sample yet';
  return `${formatCount(votes)} vote${votes === 1 ? '' : 's'} on this sample`;
}

function votesText(votes) {
  if (!votes || !votes.rounds) return 'No votes yet';
  return `Votes: won ${votes.won}, lost ${votes.lost}, tie ${votes.tie}, both bad ${votes.both_bad}`
    + ` (${formatCount(votes.rounds)} round${votes.rounds === 1 ? '' : 's'})`;
}

function evaluationCard(evaluation) {
  const judgement = describeJudgement(evaluation);
  const critique = el('div', { class: 'markdown critique' });
  renderMarkdown(critique, readableCritique(evaluation.critique) || '*(no critique)*');
  const judge = evaluation.anonymous
    ? el('span', { class: 'judge-name anonymous' }, 'Judge (hidden while in the arena)')
    : el('span', {}, el('span', { class: 'judge-name' }, shown(evaluation.judge)),
      evaluation.organisation ? el('span', { class: 'note' }, ` · ${evaluation.organisation}`) : null);
  // collapsed by default: ten samples with every critique open made the page 15,000 px long
  return el('section', { class: 'evaluation', dataset: evaluation.anonymous ? { anonymous: 'true' } : {} },
    el('header', {}, judge, verdictBadge(judgement, evaluation.status)),
    evaluation.anonymous ? null : el('p', { class: 'votes' }, votesText(evaluation.votes)),
    el('details', { class: 'critique-box' }, el('summary', {}, 'Critique'), critique));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  for (const name of FILTERS) state[name] = form.elements[name].value.trim();
  load(1, { push: true });
});
form.addEventListener('change', (event) => {
  if (event.target.tagName === 'SELECT') form.requestSubmit();
});
$('previous').addEventListener('click', () => { load(state.page - 1, { push: true }); scrollTo(0, 0); });
$('next').addEventListener('click', () => { load(state.page + 1, { push: true }); scrollTo(0, 0); });
$('page-jump').addEventListener('submit', (event) => {
  event.preventDefault();
  const wanted = Math.min(Number($('page-number').max) || 1, Math.max(1, Math.round(Number($('page-number').value)) || 1));
  load(wanted, { push: true });
  scrollTo(0, 0);
});
tabs.forEach((tab) => tab.addEventListener('click', () => {
  if (state.view === tab.dataset.view) return;
  state.view = tab.dataset.view;
  showTabs();
  load(1, { push: true });
}));
window.addEventListener('popstate', () => {
  state = readUrl();
  showTabs();
  for (const name of FILTERS) form.elements[name].value = state[name];
  load(state.page);
});

$('q').value = state.q;
showTabs();
loadFacets().finally(() => load(state.page));   // the cards name judges and models as the facets say
