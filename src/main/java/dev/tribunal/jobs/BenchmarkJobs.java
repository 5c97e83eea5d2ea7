package dev.tribunal.jobs;

import dev.tribunal.bench.baseline.BaselineParams;
import dev.tribunal.bench.baseline.BaselineRun;
import dev.tribunal.bench.baseline.RunListener;
import dev.tribunal.bench.collective.CollectiveParams;
import dev.tribunal.bench.collective.CollectiveReport;
import dev.tribunal.bench.collective.CollectiveRun;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.store.BenchRun;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's benchmark jobs, baseline and collective (each run's pipeline is chosen by its kind): each run
 * executes on a virtual thread of this process (its units on virtual threads of their own, bounded by the gateway's
 * per-endpoint limits), with its state in the database ({@link BaselineRun}, {@link CollectiveRun}), so any node can report it and a restart loses nothing. On start the runs left
 * {@code running} (by a process that stopped or died) are resumed: what is done stays done, the units the dead
 * process held are taken up once their lease runs out, and on PostgreSQL a run another node is still working on is
 * simply shared (units are claimed, never run by two workers at once).
 */
public final class BenchmarkJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkJobs.class);

    private final BaselineRun runner;
    private final CollectiveRun collective;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("benchmark-job-", 0).factory());
    /** Runs executing in this process, and those asked to resume as soon as their stopping execution ends. */
    private final Map<Long, Boolean> active = new HashMap<>();
    private final Set<Long> resumeAfterStop = new HashSet<>();
    /** Runs this configuration cannot execute, already reported once. */
    private final Set<Long> unresumable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    public BenchmarkJobs(BaselineRun runner, CollectiveRun collective) {
        this.runner = runner;
        this.collective = collective;
    }

    /**
     * Checks the parameters, stores their run and starts it here unless it is executing here already; returns it.
     * The same parameters find the same run: what it has done is not done again.
     *
     * @throws BadInputException when a set, model or judge is unknown
     */
    public BenchRun start(BaselineParams params) {
        BenchRun run = runner.open(params);
        launch(run.id(), listener -> runner.run(params, listener));
        return run;
    }

    /**
     * As {@link #start(BaselineParams)}, for a collective run.
     *
     * @throws BadInputException when a model is not in llm.models, or the starting run is no collective run
     */
    public BenchRun start(CollectiveParams params) {
        BenchRun run = collective.open(params);
        launch(run.id(), listener -> collective.run(params, listener));
        return run;
    }

    /** Asks the run to stop after the units it has started (on every node working on it). */
    public BenchRun stop(long runId) {
        BenchRun run = find(runId);
        synchronized (this) {
            resumeAfterStop.remove(runId);
        }
        if (BenchRun.RUNNING.equals(run.state())) runner.stop(runId);
        return find(runId);
    }

    /** Starts the run again with its own parameters (a stopped or failed one; a done one rates again, no calls). */
    public BenchRun resume(long runId) {
        BenchRun run = find(runId);
        Consumer<RunListener> work = open(run);
        synchronized (this) {
            if (active.containsKey(runId)) {
                // still winding down after a stop: run it again once that execution has ended
                resumeAfterStop.add(runId);
                return run;
            }
        }
        launch(runId, work);
        return run;
    }

    /** Checks the stored run's parameters against this configuration; returns its execution by its kind's pipeline. */
    private Consumer<RunListener> open(BenchRun run) {
        if (BenchRun.COLLECTIVE.equals(run.kind())) {
            CollectiveParams params = CollectiveParams.fromJson(run.paramsJson());
            collective.open(params);
            return listener -> collective.run(params, listener);
        }
        BaselineParams params = BaselineParams.fromJson(run.paramsJson());
        runner.open(params);
        return listener -> runner.run(params, listener);
    }

    public BenchRun find(long runId) {
        return runner.find(runId).orElseThrow(() -> new NoSuchElementException("no run " + runId));
    }

    /**
     * A collective run's boards and figures so far.
     *
     * @throws NoSuchElementException when there is no such collective run
     */
    public CollectiveReport collectiveReport(long runId) {
        return collective.report(runId).orElseThrow(() -> new NoSuchElementException("no collective run " + runId));
    }

    public List<BenchRun> recent(int limit) {
        return runner.recent(limit);
    }

    /** Resumes every run left running; a run whose models or judges this configuration lacks is left as it is. */
    public int resumeLeftRunning(List<BenchRun> running) {
        int resumed = 0;
        for (BenchRun run : running) {
            if (executingHere(run.id()) || unresumable.contains(run.id())) continue;
            try {
                launch(run.id(), open(run));
                resumed++;
            } catch (BadInputException | IllegalArgumentException e) {
                if (unresumable.add(run.id())) {
                    LOG.warn("benchmark run {} is running but cannot be executed here: {}", run.id(), e.getMessage());
                }
            }
        }
        return resumed;
    }

    private void launch(long runId, Consumer<RunListener> work) {
        synchronized (this) {
            if (closing || active.containsKey(runId)) return;
            active.put(runId, Boolean.TRUE);
        }
        executor.submit(() -> execute(runId, work));
    }

    private void execute(long runId, Consumer<RunListener> work) {
        RunListener listener = new RunListener() {
            @Override
            public boolean halted() {
                return closing;
            }
        };
        while (true) {
            try {
                work.accept(listener);
            } catch (RuntimeException e) {
                // a bug or the database going away: the run stays as stored (resumed on the next start)
                LOG.error("benchmark run {} stopped by an error", runId, e);
            }
            synchronized (this) {
                if (closing || !resumeAfterStop.remove(runId)) {
                    active.remove(runId);
                    return;
                }
            }
        }
    }

    /** Whether the run is executing in this process. */
    public synchronized boolean executingHere(long runId) {
        return active.containsKey(runId);
    }

    /** The runs executing in this process. */
    public synchronized List<Long> executing() {
        return List.copyOf(active.keySet());
    }

    /**
     * Takes part in the runs another node started (or one that died left): every run in the store that is running
     * and not yet rating (a run being rated is finishing on the node rating it) and not executing here.
     */
    public void joinRunning(List<BenchRun> running) {
        resumeLeftRunning(running.stream().filter(r -> !BaselineRun.RATING.equals(r.phase())).toList());
    }

    /** Asks the runs executing here to claim no more units (they stay running in the database); does not wait. */
    public synchronized void halt() {
        closing = true;
    }

    /**
     * Halts the runs executing here (they stay {@code running} in the database, to be resumed on the next start)
     * and waits up to {@code grace} for the units in flight to finish.
     */
    public void close(Duration grace) {
        halt();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("benchmark units still in flight after {} s are cut", grace.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
