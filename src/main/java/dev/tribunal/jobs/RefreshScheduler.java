package dev.tribunal.jobs;

import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Job;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link LeaderboardRefresh} every {@code every} on one background thread, at once on start when the
 * store has no snapshot yet, and on demand. Each run is recorded in the jobs table (kind {@value #JOB_KIND}):
 * done with a summary, or failed with the boards that failed. The scheduled run also deletes the arena rounds
 * that expired without a vote (they are never needed again; voted rounds stay with their votes).
 */
public final class RefreshScheduler implements AutoCloseable {

    public static final String JOB_KIND = "leaderboards";
    private static final Logger LOG = LoggerFactory.getLogger(RefreshScheduler.class);

    private final LeaderboardRefresh refresh;
    private final Database db;
    private final Duration every;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leaderboard-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RefreshResult> last = new AtomicReference<>();

    public RefreshScheduler(LeaderboardRefresh refresh, Database db, Duration every, Clock clock) {
        this.refresh = refresh;
        this.db = db;
        this.every = every;
        this.clock = clock;
    }

    /** Schedules the hourly (or configured) refresh; the first one runs at once when there is no snapshot yet. */
    public void start() {
        boolean none = db.snapshots().recent(ContestantKind.JUDGE, 1).isEmpty()
                && db.snapshots().recent(ContestantKind.MODEL, 1).isEmpty();
        long initialDelay = none ? 0 : every.toMillis();
        executor.scheduleWithFixedDelay(this::scheduledRun, initialDelay, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Refreshes now, on the caller's thread (one refresh at a time), and says what it did. */
    public RefreshResult refreshNow() {
        Job job = db.jobs().enqueue(JOB_KIND, "{}");
        db.jobs().claimNext("refresh-" + ProcessHandle.current().pid(), List.of(JOB_KIND));
        try {
            RefreshResult result = refresh.run();
            last.set(result);
            String summary = result.computed() + " computed, " + result.unchanged() + " unchanged, "
                    + result.failed() + " failed";
            if (result.failed() > 0) db.jobs().fail(job.id(), summary + ": " + String.join("; ", result.errors()));
            else db.jobs().complete(job.id(), summary);
            return result;
        } catch (RuntimeException e) {
            db.jobs().fail(job.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    /** The result of the last refresh this process ran, if any. */
    public Optional<RefreshResult> last() {
        return Optional.ofNullable(last.get());
    }

    /** Deletes the rounds that expired without a vote; returns how many. */
    public int removeExpiredRounds() {
        return db.rounds().deleteExpiredUnvoted(clock.instant());
    }

    private void scheduledRun() {
        try {
            int removed = removeExpiredRounds();
            if (removed > 0) LOG.info("removed {} arena rounds that expired without a vote", removed);
        } catch (RuntimeException e) {
            LOG.error("removing expired rounds failed", e);
        }
        try {
            RefreshResult result = refreshNow();
            LOG.info("leaderboards refreshed: {} computed, {} unchanged, {} failed", result.computed(),
                    result.unchanged(), result.failed());
        } catch (RuntimeException e) {
            LOG.error("leaderboard refresh failed", e);   // the next run tries again
        }
    }

    @Override
    public void close() {
        // let a running refresh finish (its snapshot is one transaction either way), then stop
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
