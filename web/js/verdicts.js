// Words for the judges' verdict labels (Arena-Hard's [[A>>B]] … [[B>>A]]) and scores, shared by the pages.

const VERDICTS = {
  'A>>B': { symbol: 'A ≫ B', words: 'Response A is much better' },
  'A>B': { symbol: 'A > B', words: 'Response A is better' },
  'A=B': { symbol: 'A = B', words: 'About the same' },
  'B>A': { symbol: 'B > A', words: 'Response B is better' },
  'B>>A': { symbol: 'B ≫ A', words: 'Response B is much better' },
};

/** {symbol, words} for a judge's output (verdict for a pair, score 1–5 for a single response), or null. */
export function describeJudgement({ verdict, score } = {}) {
  if (verdict && VERDICTS[verdict]) return VERDICTS[verdict];
  if (verdict) return { symbol: verdict, words: 'Verdict' };
  if (score != null) return { symbol: `${score} / 5`, words: `Score ${score} out of 5` };
  return null;
}

// PRD's reviewers often open a critique with the two scores alone ("7 8": Assistant 1's, then Assistant 2's), which
// reads as noise; the line is said in words (the rest of the critique is left as the judge wrote it).
const SCORE_LINE = /^\s*(\d+(?:\.\d+)?)[ \t]+(\d+(?:\.\d+)?)[ \t]*\r?\n/;

/** The critique as shown: a leading line of two scores becomes a sentence naming whose they are. */
export function readableCritique(critique) {
  const m = SCORE_LINE.exec(critique || '');
  if (!m) return critique;
  return `**Scores:** Assistant 1 (Response A) ${m[1]} · Assistant 2 (Response B) ${m[2]}\n\n${critique.slice(m[0].length)}`;
}

export const CHOICE_WORDS = {
  A: 'Judge A is better', B: 'Judge B is better', tie: 'Tie', both_bad: 'Both are bad',
};
