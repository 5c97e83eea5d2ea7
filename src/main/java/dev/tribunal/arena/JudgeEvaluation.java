package dev.tribunal.arena;

/**
 * One judge's evaluation of one sample.
 *
 * @param id           the store's id; never sent to a browser
 * @param judge        the judge's contestant name; revealed only after the vote
 * @param displayName  the judge's name for people (e.g. "GPT-4"); revealed only after the vote
 * @param organisation who makes the judge, or null; revealed only after the vote
 * @param verdict      for pair samples: A&gt;&gt;B, A&gt;B, A=B, B&gt;A, B&gt;&gt;A (A = response A), else null
 * @param score        for single samples: 1–5, else null
 * @param critique     the judge's written reasoning
 */
public record JudgeEvaluation(long id, String judge, String displayName, String organisation, String verdict,
                              Integer score, String critique) {
}
