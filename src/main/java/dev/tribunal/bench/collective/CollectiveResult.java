package dev.tribunal.bench.collective;

import java.util.List;

/**
 * How a collective run ended.
 *
 * @param state           done, failed (some unit or question failed for good), stopped, or running (halted,
 *                        resumed later)
 * @param report          the boards, or null when the run did not reach its end
 * @param stable          it stopped early because the rank ranges were stable
 * @param calls           provider calls this process made
 * @param failureMessages why each failed unit, or each author that could not write its question, failed, in our words
 */
public record CollectiveResult(long runId, String state, CollectiveReport report, boolean stable, long calls,
                               double cost, List<String> failureMessages) {
}
