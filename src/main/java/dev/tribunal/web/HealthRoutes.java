package dev.tribunal.web;

import dev.tribunal.config.ClusterConfig;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Snapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/health}: 200 when the database answers, 503 when it does not; with the age of the newest
 * leaderboard snapshot of each kind, the version, and which node answered: its id, its role and the jobs it is
 * running (so a load balancer's nodes can be told apart). Cheap enough to poll: one key lookup and two indexed reads.
 */
public final class HealthRoutes implements RouteGroup {

    record SnapshotAge(Instant computedAt, long ageSeconds, String status) {
    }

    record Health(String status, String version, boolean databaseReachable, String database,
                  Map<String, SnapshotAge> snapshots, String node, String role, List<String> jobsHeld) {
    }

    /** This node: its id, its role, and the jobs it is running now. */
    public record Node(String id, ClusterConfig.Role role, Supplier<List<String>> jobsHeld) {
    }

    private final Database db;
    private final String version;
    private final Clock clock;
    private final Node node;

    public HealthRoutes(Database db, String version, Clock clock, Node node) {
        this.db = db;
        this.version = version;
        this.clock = clock;
        this.node = node;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
    }

    private void health(Context ctx) {
        Map<String, SnapshotAge> ages = new LinkedHashMap<>();
        boolean reachable;
        try {
            db.settings().get("health-check");
            ages.put("judges", age(ContestantKind.JUDGE));
            ages.put("models", age(ContestantKind.MODEL));
            reachable = true;
        } catch (RuntimeException e) {
            reachable = false;
        }
        ctx.header("Cache-Control", "no-store").status(reachable ? 200 : 503)
                .json(new Health(reachable ? "ok" : "unavailable", version, reachable,
                        db.dialect().name().toLowerCase(), ages, node.id(), node.role().name().toLowerCase(),
                        node.jobsHeld().get()));
    }

    private SnapshotAge age(ContestantKind kind) {
        List<Snapshot> newest = db.snapshots().recent(kind, 1);
        if (newest.isEmpty()) return null;
        Snapshot s = newest.getFirst();
        return new SnapshotAge(s.computedAt(), Duration.between(s.computedAt(), clock.instant()).toSeconds(),
                s.status().code());
    }
}
