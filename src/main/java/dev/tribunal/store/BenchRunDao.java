package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Tables {@code bench_runs} and {@code bench_units}: benchmark runs (baseline and collective) and their claimable units of work.
 * A worker claims units with a lease and renews it while it works; a unit whose lease ran out (its worker died)
 * is claimable again, so a killed run resumes where it stopped and, on PostgreSQL, several nodes can share a run
 * (claims use SKIP LOCKED).
 */
public final class BenchRunDao {

    private static final String RUN_COLUMNS = "id, kind, run_key, params_json, state, phase, error, created_at, updated_at";
    private static final String UNIT_COLUMNS = "id, run_id, phase, question_id, model_id, judge_id, game, state, "
            + "claimed_by, calls, cost, error";

    private final Sql sql;

    public BenchRunDao(Database database) {
        this.sql = database.sql();
    }

    /** The baseline run with this key, created (state running) when there is none. */
    public BenchRun ensureRun(String runKey, String paramsJson) {
        return ensureRun(BenchRun.BASELINE, runKey, paramsJson);
    }

    /** The run with this key, created (state running, of this kind) when there is none. */
    public BenchRun ensureRun(String kind, String runKey, String paramsJson) {
        long now = sql.nowMillis();
        return sql.write(h -> {
            h.createUpdate("INSERT INTO bench_runs (kind, run_key, params_json, state, created_at, updated_at) VALUES "
                            + "(:kind, :key, :params, 'running', :now, :now) ON CONFLICT (run_key) DO NOTHING")
                    .bind("kind", kind).bind("key", runKey).bind("params", paramsJson).bind("now", now).execute();
            return h.createQuery("SELECT " + RUN_COLUMNS + " FROM bench_runs WHERE run_key = :key")
                    .bind("key", runKey).map(BenchRunDao::mapRun).one();
        });
    }

    public Optional<BenchRun> run(long id) {
        return sql.read(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM bench_runs WHERE id = :id")
                .bind("id", id).map(BenchRunDao::mapRun).findOne());
    }

    /** The newest runs first. */
    public List<BenchRun> recentRuns(int limit) {
        return sql.read(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM bench_runs ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map(BenchRunDao::mapRun).list());
    }

    /** The runs in this state, oldest first. */
    public List<BenchRun> runsIn(String state) {
        return sql.read(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM bench_runs WHERE state = :state ORDER BY id")
                .bind("state", state).map(BenchRunDao::mapRun).list());
    }

    /** Sets the run's state, phase and error (null clears it). */
    public void setState(long runId, String state, String phase, String error) {
        sql.write(h -> h.createUpdate("UPDATE bench_runs SET state = :state, phase = :phase, error = :error, "
                        + "updated_at = :now WHERE id = :id")
                .bind("state", state).bind("phase", phase).bind("error", error).bind("now", sql.nowMillis())
                .bind("id", runId).execute());
    }

    /** Adds the units not yet in the run (pending); returns how many were added. */
    public int addUnits(long runId, Collection<BenchUnit.Key> keys) {
        long now = sql.nowMillis();
        return sql.write(h -> Batches.insert(h, "INSERT INTO bench_units (run_id, phase, question_id, model_id, judge_id, "
                        + "game, state, updated_at) VALUES (:run, :phase, :q, :m, :j, :game, 'pending', :now) "
                        + "ON CONFLICT (run_id, phase, question_id, model_id, judge_id, game) DO NOTHING", keys,
                (batch, k) -> batch.bind("run", runId).bind("phase", k.phase()).bind("q", k.questionId())
                        .bind("m", k.modelId()).bind("j", k.judgeId()).bind("game", k.game()).bind("now", now)));
    }

    /**
     * Claims up to {@code max} units of the phase for the worker, for {@code lease}: pending ones, and claimed ones
     * whose lease has run out. Two workers never hold the same unit at once.
     */
    public List<BenchUnit> claim(long runId, String phase, String worker, Duration lease, int max) {
        return sql.write(h -> {
            long now = sql.nowMillis();
            List<Long> ids = h.createQuery("SELECT id FROM bench_units WHERE run_id = :run AND phase = :phase AND "
                            + "(state = 'pending' OR (state = 'claimed' AND lease_until < :now)) ORDER BY id LIMIT :max"
                            + sql.dialect().skipLocked())
                    .bind("run", runId).bind("phase", phase).bind("now", now).bind("max", max)
                    .mapTo(Long.class).list();
            if (ids.isEmpty()) return List.of();
            h.createUpdate("UPDATE bench_units SET state = 'claimed', claimed_by = :worker, lease_until = :until, "
                            + "updated_at = :now WHERE id IN (<ids>)")
                    .bind("worker", worker).bind("until", now + lease.toMillis()).bind("now", now)
                    .bindList("ids", ids).execute();
            return h.createQuery("SELECT " + UNIT_COLUMNS + " FROM bench_units WHERE id IN (<ids>) ORDER BY id")
                    .bindList("ids", ids).map(BenchRunDao::mapUnit).list();
        });
    }

    /** Extends the lease of every unit the worker holds; returns how many. */
    public int renew(String worker, Duration lease) {
        return sql.write(h -> h.createUpdate("UPDATE bench_units SET lease_until = :until WHERE claimed_by = :worker "
                        + "AND state = 'claimed'")
                .bind("until", sql.nowMillis() + lease.toMillis()).bind("worker", worker).execute());
    }

    /** Marks the unit done with the calls it made and what they cost; joins the caller's transaction. */
    public void complete(long unitId, int calls, double cost) {
        finish(unitId, "done", calls, cost, null);
    }

    /** Marks the unit failed for good (the provider kept failing), with the reason. */
    public void fail(long unitId, int calls, double cost, String error) {
        finish(unitId, "failed", calls, cost, error);
    }

    private void finish(long unitId, String state, int calls, double cost, String error) {
        sql.write(h -> h.createUpdate("UPDATE bench_units SET state = :state, calls = calls + :calls, "
                        + "cost = cost + :cost, error = :error, claimed_by = NULL, lease_until = NULL, updated_at = :now "
                        + "WHERE id = :id")
                .bind("state", state).bind("calls", calls).bind("cost", cost).bind("error", error)
                .bind("now", sql.nowMillis()).bind("id", unitId).execute());
    }

    /** Hands the worker's unfinished units back (pending), e.g. when a run is stopped; returns how many. */
    public int release(String worker) {
        return sql.write(h -> h.createUpdate("UPDATE bench_units SET state = 'pending', claimed_by = NULL, "
                        + "lease_until = NULL, updated_at = :now WHERE claimed_by = :worker AND state = 'claimed'")
                .bind("worker", worker).bind("now", sql.nowMillis()).execute());
    }

    /** Makes the run's failed units pending again (a resumed run tries them once more); returns how many. */
    public int retryFailed(long runId) {
        return sql.write(h -> h.createUpdate("UPDATE bench_units SET state = 'pending', error = NULL, updated_at = :now "
                        + "WHERE run_id = :run AND state = 'failed'")
                .bind("run", runId).bind("now", sql.nowMillis()).execute());
    }

    /** The run's units counted per phase and state, with the calls and cost of the finished ones. */
    public Map<String, UnitCounts> counts(long runId) {
        return sql.read(h -> counts(h, runId));
    }

    private static Map<String, UnitCounts> counts(Handle h, long runId) {
        Map<String, long[]> n = new HashMap<>();
        Map<String, Double> cost = new HashMap<>();
        h.createQuery("SELECT phase, state, COUNT(*) AS n, COALESCE(SUM(calls), 0) AS calls, "
                        + "COALESCE(SUM(cost), 0) AS cost FROM bench_units WHERE run_id = :run GROUP BY phase, state")
                .bind("run", runId)
                .map((rs, ctx) -> {
                    long[] c = n.computeIfAbsent(rs.getString("phase"), p -> new long[5]);
                    int slot = switch (rs.getString("state")) {
                        case "pending" -> 0;
                        case "claimed" -> 1;
                        case "done" -> 2;
                        default -> 3;
                    };
                    c[slot] += rs.getLong("n");
                    c[4] += rs.getLong("calls");
                    cost.merge(rs.getString("phase"), rs.getDouble("cost"), Double::sum);
                    return 0;
                }).list();
        Map<String, UnitCounts> result = new HashMap<>();
        n.forEach((phase, c) -> result.put(phase, new UnitCounts(phase, c[0], c[1], c[2], c[3], c[4],
                cost.getOrDefault(phase, 0.0))));
        return result;
    }

    /** The run's units that failed for good, by id. */
    public List<BenchUnit> failures(long runId) {
        return sql.read(h -> h.createQuery("SELECT " + UNIT_COLUMNS + " FROM bench_units WHERE run_id = :run AND "
                        + "state = 'failed' ORDER BY id")
                .bind("run", runId).map(BenchRunDao::mapUnit).list());
    }

    /** Every unit of the run, by id. */
    public List<BenchUnit> units(long runId) {
        return sql.read(h -> h.createQuery("SELECT " + UNIT_COLUMNS + " FROM bench_units WHERE run_id = :run ORDER BY id")
                .bind("run", runId).map(BenchRunDao::mapUnit).list());
    }

    private static BenchRun mapRun(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BenchRun(rs.getLong("id"), rs.getString("kind"), rs.getString("run_key"), rs.getString("params_json"),
                rs.getString("state"), rs.getString("phase"), rs.getString("error"), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }

    private static BenchUnit mapUnit(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BenchUnit(rs.getLong("id"), rs.getLong("run_id"), rs.getString("phase"), rs.getLong("question_id"),
                rs.getLong("model_id"), rs.getLong("judge_id"), rs.getInt("game"), rs.getString("state"),
                rs.getString("claimed_by"), rs.getInt("calls"), rs.getDouble("cost"), rs.getString("error"));
    }
}
