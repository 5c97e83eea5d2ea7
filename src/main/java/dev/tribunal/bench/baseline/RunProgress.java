package dev.tribunal.bench.baseline;

import dev.tribunal.store.BenchRun;
import dev.tribunal.store.BenchUnit;
import dev.tribunal.store.UnitCounts;
import java.util.List;

/**
 * A run's progress as the database has it (so any node, or the server, can read it): state, phase, its units per
 * phase, the provider calls and cost so far, and what failed.
 */
public record RunProgress(BenchRun run, UnitCounts answers, UnitCounts judgments, List<BenchUnit> failures) {

    public long calls() {
        return answers.calls() + judgments.calls();
    }

    public double cost() {
        return answers.cost() + judgments.cost();
    }

    /** Finished units over all units known so far (judgment units appear once the answers are in). */
    public double fraction() {
        long total = answers.total() + judgments.total();
        return total == 0 ? 0 : (double) (answers.done() + answers.failed() + judgments.done() + judgments.failed()) / total;
    }
}
