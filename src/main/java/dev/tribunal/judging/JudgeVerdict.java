package dev.tribunal.judging;

import dev.tribunal.store.Evaluation;
import dev.tribunal.store.ParseStatus;
/**
 * One judge's evaluation of one sample.
 *
 * @param judge         the judge's name from {@code llm.judges}
 * @param verdict       the pairwise verdict (A = the first response shown), or null for single grading or when
 *                      unparseable
 * @param score         the 1–5 score for single grading, or null
 * @param critique      the judge's written reasoning
 * @param parseStatus   OK, or UNPARSEABLE after one retry (then verdict and score are null)
 * @param promptVersion e.g. {@code pairwise-v1}
 * @param requestKey    the gateway's cache key of the (last) call: the hash of the exact prompt and parameters
 * @param rawOutput     the judge's reply as received (of the last call)
 * @param latencyMs     provider time summed over the calls made (1, or 2 when the first reply was unparseable)
 * @param inputTokens   summed over the calls
 * @param outputTokens  summed over the calls
 * @param cost          summed over the calls; 0 for replies from the cache
 * @param calls         1, or 2 when the first reply could not be parsed
 * @param providerCalls of those, the ones the provider answered (the others came from the response cache)
 */
public record JudgeVerdict(String judge, PairVerdict verdict, Integer score, String critique, ParseStatus parseStatus,
                           String promptVersion, String requestKey, String rawOutput, long latencyMs,
                           int inputTokens, int outputTokens, double cost, int calls, int providerCalls) {

    public boolean parsed() {
        return parseStatus == ParseStatus.OK;
    }

    /** As the store keeps it, for the given sample and judge contestant ids (A = the sample's response A). */
    public Evaluation toEvaluation(long sampleId, long judgeId) {
        return new Evaluation(0, sampleId, judgeId, verdict == null ? null : verdict.label(), score, critique,
                promptVersion, requestKey, rawOutput, parseStatus, latencyMs, (long) inputTokens, (long) outputTokens,
                cost, null, calls > 1);
    }
}
