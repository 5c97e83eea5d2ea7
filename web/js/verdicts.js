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

export const CHOICE_WORDS = {
  A: 'Judge A is better', B: 'Judge B is better', tie: 'Tie', both_bad: 'Both are bad',
};
