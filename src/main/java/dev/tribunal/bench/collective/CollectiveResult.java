package dev.tribunal.bench.collective;

import dev.tribunal.store.BenchUnit;
import java.util.List;

/**
 * How a collective run ended.
 *
 * @param state           done, failed (some unit failed for good), stopped, or running (halted, resumed later)
 * @param report          the boards, or null when the run did not reach its end
 * @param stable          it stopped early because the rank ranges were stable
 * @param calls           provider calls this process made
 * @param failureMessages why each failed unit failed, in our words
 */
public record CollectiveResult(long runId, String state, CollectiveReport report, boolean stable, long calls,
                               double cost, List<BenchUnit> failures, List<String> failureMessages) {

    public boolean failed() {
        return !failures.isEmpty();
    }
}
