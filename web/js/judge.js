// One judge's report card: the figures with their intervals, and two small charts (Chart.js).
import { api, describeError } from './api.js';
import { el, fill, formatCount } from './elements.js';

const $ = (id) => document.getElementById(id);
const name = decodeURIComponent(window.location.pathname.replace(/^\/judges\//, '').replace(/\/$/, ''));

const FLAG_WORDS = {
  'position-biased': 'position-biased',
  'prefers-longer': 'prefers longer answers',
  'self-preferring': 'prefers its own answers',
  'family-preferring': 'prefers its organisation’s answers',
};

const percent = (x) => (x == null ? '–' : `${(100 * x).toFixed(1)} %`);
const signed = (x) => (x == null ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)} pts`);
const number = (x, digits = 2) => (x == null ? '–' : x.toFixed(digits));
const interval = (lower, upper, format) => (lower == null || upper == null ? '–' : `${format(lower)} to ${format(upper)}`);

function shareRow(label, share, note) {
  if (!share) return null;
  return { label, value: percent(share.share), interval: interval(share.lower, share.upper, percent),
    count: share.of ? `${formatCount(share.count)} of ${formatCount(share.of)}` : 'none measured', note, share };
}

function differenceRow(label, difference, count) {
  if (!difference) return null;
  return { label, value: signed(difference.difference), interval: interval(difference.lower, difference.upper, signed), count };
}

function figures(card) {
  const rows = [];
  const n = card.verdicts_by_position;
  rows.push({ label: 'Verdicts on pairs of answers', value: formatCount(card.verdicts), interval: '', count: '' });
  rows.push({ label: 'Verdicts for the first / second answer / ties', value: `${formatCount(n.first)} / ${formatCount(n.second)} / ${formatCount(n.tie)}`, interval: '', count: '' });
  rows.push(shareRow('First-position preference (50 % is unbiased)', card.first_position));
  rows.push(shareRow('Position consistency (same verdict when the answers swap)', card.position_consistency));
  const length = card.length_preference;
  if (length) {
    rows.push(shareRow(`Longer answer wins (by ${Math.round((length.longer_by - 1) * 100)} % or more)`, length.judge));
    rows.push(shareRow(`… as ${length.reference_kind} judge the same pairs`, length.reference));
    rows.push(differenceRow('Length preference beyond the reference', length.difference, ''));
  }
  for (const [key, label] of [['self_preference', 'its own answers'], ['family_preference', 'its organisation’s answers']]) {
    const own = card[key];
    if (!own) continue;
    rows.push(shareRow(`Wins it gives ${label} (${own.models.join(', ')})`, own.judge));
    rows.push(shareRow(`… that the other judges give them`, own.others));
    rows.push(differenceRow(`Preference for ${label}`, own.difference, ''));
  }
  const people = card.agreement_with_people;
  rows.push(shareRow('Agreement with people (accuracy)', people.accuracy));
  rows.push({ label: 'Cohen’s kappa with people', value: number(people.kappa.kappa),
    interval: interval(people.kappa.lower, people.kappa.upper, number), count: formatCount(people.pairs) });
  if (people.boards) {
    const b = people.boards;
    rows.push({ label: `Spearman of its models' board with people's (${b.models} models)`, value: number(b.spearman),
      interval: interval(b.spearman_lower, b.spearman_upper, number), count: '' });
    rows.push({ label: 'Mean absolute rating difference of the boards', value: number(b.mean_absolute_difference, 0),
      interval: interval(b.mad_lower, b.mad_upper, (x) => number(x, 0)), count: '' });
  }
  rows.push(shareRow('Accuracy on labelled pairs (JudgeBench’s metric)', card.labelled_accuracy));
  const r = card.reliability;
  rows.push(shareRow('Parse failures', r.parse_failures));
  rows.push(shareRow('Replies asked again (the first could not be parsed)', r.re_ask_rate));
  rows.push(shareRow('Self-consistency across regenerations', r.self_consistency));
  rows.push({ label: 'Mean latency per judgment', value: r.mean_latency_ms == null ? '–' : `${Math.round(r.mean_latency_ms)} ms`, interval: '', count: formatCount(r.with_latency) });
  rows.push({ label: 'Mean cost per judgment', value: r.mean_cost == null ? '–' : `$${r.mean_cost.toFixed(5)}`, interval: '', count: formatCount(r.with_cost) });
  if (card.arena) {
    const a = card.arena;
    rows.push({ label: `Rating (${a.source} board), rank ${a.rank_ub === a.rank ? a.rank : `${Math.min(a.rank, a.rank_ub)}–${Math.max(a.rank, a.rank_ub)}`}`,
      value: Math.round(a.rating).toString(), interval: interval(a.rating_lower, a.rating_upper, (x) => Math.round(x).toString()), count: formatCount(a.battles) });
  }
  return rows.filter((row) => row != null);
}

function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** {@code text} in at most {@code count} lines of at most {@code width} characters, broken at spaces, with … if cut. */
function lines(text, width, count) {
  const out = [];
  let rest = text.trim();
  while (rest && out.length < count) {
    if (rest.length <= width) { out.push(rest); rest = ''; break; }
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out[out.length - 1] = `${out[out.length - 1].slice(0, width - 1)}…`;
  return out;
}

function drawShares(rows) {
  const shares = rows.filter((row) => row.share && row.share.share != null);
  $('shares-box').style.height = `${shares.length * 30 + 70}px`;
  if (!window.Chart || !shares.length) return;
  const accent = cssColour('--accent');
  const muted = cssColour('--muted');
  const text = cssColour('--text');
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  const narrow = $('shares-box').clientWidth < 560;
  // a phone's axis has room for about 20 characters: there a label takes two lines of at most that (it was clipped)
  const label = (s) => (narrow ? lines(s, 20, 2) : s);
  new window.Chart($('shares-chart'), {
    type: 'bar',
    data: {
      labels: shares.map((row) => label(row.label)),
      datasets: [
        { type: 'bar', label: '95 % interval', data: shares.map((row) => [100 * row.share.lower, 100 * row.share.upper]),
          backgroundColor: `${accent}40`, borderColor: accent, borderWidth: 1.5, borderSkipped: false, borderRadius: 4, barPercentage: 0.6 },
        { type: 'line', label: 'Share', data: shares.map((row) => 100 * row.share.share), showLine: false,
          pointStyle: 'rectRot', pointRadius: 6, pointBackgroundColor: text, pointBorderColor: text },
      ],
    },
    options: {
      indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { min: 0, max: 100, title: { display: true, text: 'Percent', color: muted }, ticks: { color: muted } },
        y: { ticks: { color: text, autoSkip: false }, grid: { display: false } } },
      plugins: { legend: { labels: { color: text, usePointStyle: true } } },
    },
  });
}

function drawPositions(counts) {
  $('positions-box').style.height = '120px';
  if (!window.Chart) return;
  const text = cssColour('--text');
  const parts = [['First answer', counts.first, cssColour('--accent')], ['Second answer', counts.second, '#b7791f'], ['Tie', counts.tie, cssColour('--muted')]];
  new window.Chart($('positions-chart'), {
    type: 'bar',
    data: { labels: ['Verdicts'], datasets: parts.map(([label, n, colour]) => ({ label, data: [n], backgroundColor: colour })) },
    options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true, ticks: { color: text } }, y: { stacked: true, ticks: { color: text } } },
      plugins: { legend: { labels: { color: text } } } },
  });
}

async function load() {
  try {
    const card = await api(`/api/judges/${encodeURIComponent(name)}/report`);
    document.title = `Tribunal · ${card.display_name} report card`;
    $('title').textContent = `${card.display_name} — report card`;
    fill($('flags'), card.flags.length
      ? ['Flagged: ', card.flags.map((f) => FLAG_WORDS[f] || f).join(', '), '.']
      : ['No bias flagged: every measured interval is compatible with an unbiased judge.']);
    const rows = figures(card);
    fill($('rows'), rows.map((row) => el('tr', {},
      el('th', { scope: 'row' }, row.label),
      el('td', { class: 'num' }, row.value),
      el('td', { class: 'num' }, row.interval),
      el('td', { class: 'num' }, row.count))));
    $('ties-note').textContent = `Ties: ${card.agreement_with_people.ties}.`;
    $('status').textContent = '';
    $('content').hidden = false;
    drawShares(rows);
    drawPositions(card.verdicts_by_position);
  } catch (error) {
    $('status').textContent = '';
    $('error-text').textContent = describeError(error);
    $('error').hidden = false;
  }
}

load();
