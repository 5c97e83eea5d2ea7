package dev.tribunal.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.tribunal.arena.StoredRounds;
import dev.tribunal.config.ClusterConfig;
import dev.tribunal.config.LeaderboardConfig;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Dialect;
import dev.tribunal.store.Job;
import dev.tribunal.store.Snapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link LeaderboardRefresh} every {@code every} as a recurring task of the cluster's {@link JobScheduler}
 * (so once per interval however many nodes run, on whichever node picks it), at once on start when the store has no
 * snapshot yet, and on demand. Each run is recorded in the jobs table (kind {@value #JOB_KIND}):
 * running (claimed by the node id, with a heartbeat in {@code updated_at} every
 * {@link #HEARTBEAT_EVERY}), then done with a summary, or failed with the boards that failed. The scheduled run
 * also deletes the arena rounds that expired without a vote (they are never needed again; voted rounds stay with
 * their votes).
 *
 * <p>A process killed during a run (kill -9, power loss) leaves its job {@code running}. On start, such jobs are
 * marked failed ("{@value #STOPPED}"), and a refresh runs at once to redo the interrupted one. On SQLite this
 * process is the only one using the file, so every running job is such a leftover; on PostgreSQL, shared by
 * several processes, only those whose heartbeat is older than {@link #ABANDONED_AFTER}. The scheduler itself
 * notices a node that died during a run, and runs it again elsewhere.
 *
 * <p>Between the full runs, every {@code arenaEvery} (default five minutes) a cheap check counts the votes recorded
 * since the arena boards were last read; only when there are any, the arena boards alone are refreshed
 * ({@link LeaderboardRefresh#runArena()}), so that votes show on the judges' board within minutes. That run is a
 * job of the same kind, with params {@code {"boards":"arena"}}.
 */
public final class RefreshScheduler implements AutoCloseable {

    public static final String JOB_KIND = "leaderboards";
    /** The error of a job whose process stopped before it finished. */
    public static final String STOPPED = "the process running it stopped before it finished";
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);
    /** Ten missed heartbeats: long enough for a pause (GC, a slow disk), short enough to notice at the next start. */
    static final Duration ABANDONED_AFTER = HEARTBEAT_EVERY.multipliedBy(10);
    private static final Logger LOG = LoggerFactory.getLogger(RefreshScheduler.class);

    private final LeaderboardRefresh refresh;
    private final Database db;
    private final Clock clock;
    /** The recurring tasks: the full refresh, and the check for new votes (null when it is not more frequent). */
    private final RecurringTask<Void> fullTask;
    private final RecurringTask<Void> arenaTask;
    /** Set by {@link #start}. */
    private volatile JobScheduler jobs;
    /** The cut-off of the last run that read the arena's votes, in this process (null: none yet). */
    private final AtomicReference<Instant> arenaReadAt = new AtomicReference<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RefreshResult> last = new AtomicReference<>();
    /** Who runs the jobs this process records (claimed_by). */
    private final String node;

    /** For a process of its own: the default arena interval, and a random node id. */
    public RefreshScheduler(LeaderboardRefresh refresh, Database db, Duration every, Clock clock) {
        this(refresh, db, every, LeaderboardConfig.DEFAULT_ARENA_REFRESH, clock, ClusterConfig.defaults().node());
    }

    /** @param arenaEvery how often to look for new votes and refresh the arena boards when there are any */
    public RefreshScheduler(LeaderboardRefresh refresh, Database db, Duration every, Duration arenaEvery, Clock clock,
                            String node) {
        this.refresh = refresh;
        this.db = db;
        this.clock = clock;
        this.node = node;
        this.fullTask = Tasks.recurring(JOB_KIND, new JobScheduler.Every(every)).execute((instance, context) -> scheduledRun());
        this.arenaTask = arenaEvery.compareTo(every) < 0
                ? Tasks.recurring("arena-boards", new JobScheduler.Every(arenaEvery)).execute((i, c) -> scheduledArenaCheck())
                : null;
    }

    /** The recurring tasks for the cluster's {@link JobScheduler}. */
    public List<RecurringTask<?>> tasks() {
        List<RecurringTask<?>> tasks = new ArrayList<>();
        tasks.add(fullTask);
        if (arenaTask != null) tasks.add(arenaTask);
        return tasks;
    }

    /**
     * When the boards are next due to change.
     *
     * @param nextFullAt       the next full recompute of every board
     * @param nextArenaCheckAt the next look for new votes (the arena boards are refreshed then if there are any)
     * @param arenaReadAt      the cut-off of the last run that read the arena's votes, if any ran in this process
     */
    public record Times(Instant nextFullAt, Instant nextArenaCheckAt, Instant arenaReadAt) {
    }

    /** As the cluster's scheduler has them (null: not known, e.g. while a run is in progress or before start). */
    public Times times() {
        JobScheduler scheduler = jobs;
        if (scheduler == null) return new Times(null, null, arenaReadAt.get());
        return new Times(scheduler.nextRun(fullTask).orElse(null),
                arenaTask == null ? null : scheduler.nextRun(arenaTask).orElse(null), arenaReadAt.get());
    }

    /**
     * Fails the jobs a stopped process left running; the scheduler (started, with {@link #tasks()}) runs the next
     * refresh at once when there is no snapshot yet or when a refresh was interrupted.
     */
    public void start(JobScheduler scheduler) {
        this.jobs = scheduler;
        int abandoned = failAbandoned();
        if (abandoned > 0) LOG.warn("{} job(s) left running by a process that stopped were marked failed", abandoned);
        boolean none = db.snapshots().recent(ContestantKind.JUDGE, 1).isEmpty()
                && db.snapshots().recent(ContestantKind.MODEL, 1).isEmpty();
        if (none || abandoned > 0) scheduler.runNow(fullTask);
    }

    /** Marks failed the running jobs whose process stopped (see the class comment); returns how many. */
    int failAbandoned() {
        return db.dialect() == Dialect.SQLITE ? db.jobs().failRunning(STOPPED)
                : db.jobs().failAbandoned(clock.instant().minus(ABANDONED_AFTER), STOPPED);
    }

    /** Refreshes now, on the caller's thread (one refresh at a time), and says what it did. */
    public RefreshResult refreshNow() {
        return runJob("{}", refresh::run);
    }

    /**
     * Refreshes the arena boards now, on the caller's thread, if votes were recorded since they were last read;
     * empty when there were none (nothing is run or recorded then).
     */
    public Optional<RefreshResult> refreshArenaIfNewVotes() {
        Instant since = arenaReadAt.get();
        if (since == null) {
            since = db.snapshots().latestOk(ContestantKind.JUDGE, StoredRounds.SOURCE, null)
                    .map(Snapshot::cutoff).orElse(Instant.EPOCH);
        }
        if (db.votes().countAfter(since) == 0) return Optional.empty();
        return Optional.of(runJob("{\"boards\":\"arena\"}", refresh::runArena));
    }

    private RefreshResult runJob(String params, Supplier<RefreshResult> run) {
        Job job = db.jobs().start(JOB_KIND, params, node);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> beat(job.id()),
                HEARTBEAT_EVERY.toMillis(), HEARTBEAT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            RefreshResult result = run.get();
            // the later cut-off wins: an admin refresh and a scheduled one may finish in either order
            arenaReadAt.accumulateAndGet(result.cutoff(), (a, b) -> a == null || b.isAfter(a) ? b : a);
            last.set(result);
            String summary = result.computed() + " computed, " + result.unchanged() + " unchanged, "
                    + result.failed() + " failed";
            if (result.failed() > 0) db.jobs().fail(job.id(), summary + ": " + String.join("; ", result.errors()));
            else db.jobs().complete(job.id(), summary);
            return result;
        } catch (RuntimeException e) {
            db.jobs().fail(job.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void beat(long jobId) {
        try {
            db.jobs().heartbeat(jobId);
        } catch (RuntimeException e) {
            LOG.warn("job {}: heartbeat failed", jobId, e);   // the next one tries again
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

    private void scheduledArenaCheck() {
        try {
            refreshArenaIfNewVotes().ifPresent(result -> LOG.info("arena boards refreshed for new votes: {} computed, "
                    + "{} unchanged, {} failed", result.computed(), result.unchanged(), result.failed()));
        } catch (RuntimeException e) {
            LOG.error("arena board refresh failed", e);   // the next check tries again
        }
    }

    /** Stops the jobs table's heartbeats; close the {@link JobScheduler} first, which lets a running refresh finish. */
    @Override
    public void close() {
        heartbeats.shutdownNow();
    }
}
