package dev.tribunal.bench.baseline;

import dev.tribunal.store.BenchUnit;
import java.util.List;

/**
 * What a run came to: its boards (one per judge, plus the pooled one on request), the calls this execution made and
 * their cost, and the units that failed for good (a provider kept failing).
 */
public record BaselineResult(long runId, String state, List<BaselineBoard> boards, long calls, double cost,
                             List<BenchUnit> failures, List<String> failureMessages) {

    public boolean failed() {
        return !failures.isEmpty();
    }
}
