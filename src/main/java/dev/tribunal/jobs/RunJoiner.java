package dev.tribunal.jobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every node's share of the benchmark runs started anywhere: every {@code every} it asks each pipeline to take part in
 * the runs the store has running (a pipeline's runs are split into claimed units, so nodes working on one run share
 * it; one already executing here is left as it is). One query per pipeline per interval.
 */
public final class RunJoiner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunJoiner.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-joiner");
        t.setDaemon(true);
        return t;
    });

    /** @param pipelines each joins the running runs of its kind */
    public RunJoiner(Duration every, List<Runnable> pipelines) {
        executor.scheduleWithFixedDelay(() -> pipelines.forEach(RunJoiner::join), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void join(Runnable pipeline) {
        try {
            pipeline.run();
        } catch (RuntimeException e) {
            LOG.warn("joining running benchmark runs failed: {}", e.getMessage());   // tried again next time
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
