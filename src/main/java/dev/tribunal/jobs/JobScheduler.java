package dev.tribunal.jobs;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.tribunal.store.Database;
import dev.tribunal.store.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's one scheduler for jobs that must run once however many nodes run:
 * <a href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a> on the store's table {@code scheduled_tasks}.
 * A due execution is picked by one node (an update of its row guarded by a version: two nodes never both win), which
 * heartbeats it every {@link Timing#heartbeat()}; an execution whose node has missed {@value #MISSED_HEARTBEATS}
 * heartbeats (it died, or lost the database) is dead, and another node runs it again (recurring tasks are revived at
 * once). On SQLite the same scheduler runs in the one process.
 *
 * <p>Cost per node: one indexed query on {@code scheduled_tasks} every {@link Timing#poll()}, and one update per held
 * execution per heartbeat.
 */
public final class JobScheduler implements AutoCloseable {

    /** How often a node looks for due executions, and how often it says it is still running the ones it holds. */
    public record Timing(Duration poll, Duration heartbeat) {
        /** Every 10 s, and a heartbeat every 30 s: a dead node's job is taken up after about two minutes. */
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /**
     * Every {@code delay} after the previous run ended, the first one a delay after the task is first scheduled (not
     * at once, as db-scheduler's own fixed delay does: an hourly job waits its hour after the first start; a caller
     * that needs a run at once asks for it with {@link #runNow}).
     */
    public record Every(Duration delay) implements Schedule {
        @Override
        public Instant getNextExecutionTime(ExecutionComplete done) {
            return done.getTimeDone().plus(delay);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(delay);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }

    /** Heartbeats missed before an execution is taken for dead. */
    static final int MISSED_HEARTBEATS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final Scheduler scheduler;
    private final String node;
    private volatile boolean started;

    /** @param node this node's id: the scheduler records it on the executions it picks */
    public JobScheduler(Database db, String node, List<RecurringTask<?>> tasks, Timing timing) {
        this.node = node;
        var builder = Scheduler.create(db.librarySource())
                .startTasks(tasks)
                .schedulerName(new SchedulerName.Fixed(node))
                .pollingInterval(timing.poll())
                .heartbeatInterval(timing.heartbeat())
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(30));
        if (db.dialect() == Dialect.SQLITE) builder.jdbcCustomization(new SqliteJdbcCustomization());
        this.scheduler = builder.build();
    }

    public void start() {
        started = true;
        scheduler.start();
        LOG.info("node {}: job scheduler started", node);
    }

    public String node() {
        return node;
    }

    /** The recurring task's next run now: picked up by whichever node polls first. False when it is running. */
    public boolean runNow(RecurringTask<?> task) {
        try {
            boolean rescheduled = scheduler.reschedule(task.getDefaultTaskInstance(), Instant.now());
            scheduler.triggerCheckForDueExecutions();
            return rescheduled;
        } catch (RuntimeException e) {
            return false;   // picked by a node right now: it runs anyway
        }
    }

    /** When the recurring task next runs (empty before its first scheduling, or while it runs). */
    public Optional<Instant> nextRun(RecurringTask<?> task) {
        TaskInstanceId id = task.getDefaultTaskInstance();
        return scheduler.getScheduledExecution(id).map(ScheduledExecution::getExecutionTime);
    }

    /** The jobs this node is running now, as "task/instance". */
    public List<String> held() {
        return scheduler.getCurrentlyExecuting().stream().map(CurrentlyExecuting::getTaskInstance)
                .map(t -> t.getTaskName() + "/" + t.getId()).toList();
    }

    /** Lets the jobs running here finish (up to 30 s), then stops. */
    @Override
    public void close() {
        if (started) scheduler.stop();
    }
}
