package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code jobs}: a queue any number of workers can claim from (PostgreSQL: SKIP LOCKED). */
public final class JobDao {

    private static final String COLUMNS = "id, kind, params_json, state, progress, message, error, created_at, "
            + "updated_at, claimed_by";

    private final Sql sql;

    JobDao(Sql sql) {
        this.sql = sql;
    }

    public Job enqueue(String kind, String paramsJson) {
        long now = sql.nowMillis();
        return sql.write(h -> {
            long id = h.createQuery("INSERT INTO jobs (kind, params_json, state, progress, created_at, updated_at) "
                            + "VALUES (:kind, :params, 'queued', 0, :now, :now) RETURNING id")
                    .bind("kind", kind).bind("params", paramsJson).bind("now", now).mapTo(Long.class).one();
            return byId(h, id).orElseThrow();
        });
    }

    /** Records a job that the worker starts at once, on its own thread: it is running from the first moment. */
    public Job start(String kind, String paramsJson, String worker) {
        long now = sql.nowMillis();
        return sql.write(h -> {
            long id = h.createQuery("INSERT INTO jobs (kind, params_json, state, progress, created_at, updated_at, "
                            + "claimed_by) VALUES (:kind, :params, 'running', 0, :now, :now, :worker) RETURNING id")
                    .bind("kind", kind).bind("params", paramsJson).bind("now", now).bind("worker", worker)
                    .mapTo(Long.class).one();
            return byId(h, id).orElseThrow();
        });
    }

    /**
     * Claims the oldest queued job of one of these kinds (null or empty = any) for the worker and marks it
     * running; empty when there is none. Two workers never claim the same job.
     */
    public Optional<Job> claimNext(String worker, Collection<String> kinds) {
        boolean anyKind = kinds == null || kinds.isEmpty();
        return sql.write(h -> {
            Query q = h.createQuery("SELECT id FROM jobs WHERE state = 'queued'"
                    + (anyKind ? "" : " AND kind IN (<kinds>)") + " ORDER BY id LIMIT 1" + sql.dialect().skipLocked());
            if (!anyKind) q.bindList("kinds", List.copyOf(kinds));
            Optional<Long> id = q.mapTo(Long.class).findOne();
            id.ifPresent(jobId -> h.createUpdate("UPDATE jobs SET state = 'running', claimed_by = :worker, "
                            + "updated_at = :now WHERE id = :id")
                    .bind("worker", worker).bind("now", sql.nowMillis()).bind("id", jobId).execute());
            return id.flatMap(jobId -> byId(h, jobId));
        });
    }

    /** Records progress (clamped to 0..1) and a message on a running job. */
    public void progress(long id, double progress, String message) {
        double clamped = Math.max(0, Math.min(1, progress));
        update(id, "progress = :progress, message = :message", q -> q.bind("progress", clamped).bind("message", message));
    }

    public void complete(long id, String message) {
        update(id, "state = 'done', progress = 1, message = :message", q -> q.bind("message", message));
    }

    public void fail(long id, String error) {
        update(id, "state = 'failed', error = :error", q -> q.bind("error", error));
    }

    /**
     * Marks every running job failed; returns how many. Right at start-up only when this process is the only one
     * using the database (SQLite): whatever is running then was left by a process that stopped.
     */
    public int failRunning(String error) {
        return sql.write(h -> h.createUpdate("UPDATE jobs SET state = 'failed', error = :error, updated_at = :now "
                + "WHERE state = 'running'").bind("error", error).bind("now", sql.nowMillis()).execute());
    }

    /**
     * Marks failed the running jobs whose last heartbeat ({@code updated_at}) is older than {@code cutoff}: with
     * several processes on one database, a job whose runner has not been heard of for longer than a few
     * heartbeats was left by a process that stopped. Returns how many.
     */
    public int failAbandoned(Instant cutoff, String error) {
        return sql.write(h -> h.createUpdate("UPDATE jobs SET state = 'failed', error = :error, updated_at = :now "
                        + "WHERE state = 'running' AND updated_at < :cutoff")
                .bind("error", error).bind("now", sql.nowMillis()).bind("cutoff", cutoff.toEpochMilli()).execute());
    }

    /** Says that the running job's process is alive ({@code updated_at} = now). */
    public void heartbeat(long id) {
        sql.write(h -> h.createUpdate("UPDATE jobs SET updated_at = :now WHERE id = :id AND state = 'running'")
                .bind("now", sql.nowMillis()).bind("id", id).execute());
    }

    public Optional<Job> byId(long id) {
        return sql.read(h -> byId(h, id));
    }

    /** The newest jobs first. */
    public List<Job> recent(int limit) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map(JobDao::map).list());
    }

    private void update(long id, String set, java.util.function.Consumer<org.jdbi.v3.core.statement.Update> binder) {
        int n = sql.write(h -> {
            var u = h.createUpdate("UPDATE jobs SET " + set + ", updated_at = :now WHERE id = :id")
                    .bind("now", sql.nowMillis()).bind("id", id);
            binder.accept(u);
            return u.execute();
        });
        if (n == 0) throw new MissingReferenceException("no job " + id, null);
    }

    private static Optional<Job> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id").bind("id", id).map(JobDao::map).findOne();
    }

    static Job map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("kind"), rs.getString("params_json"),
                JobState.of(rs.getString("state")), rs.getDouble("progress"), rs.getString("message"),
                rs.getString("error"), Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"),
                rs.getString("claimed_by"));
    }
}
