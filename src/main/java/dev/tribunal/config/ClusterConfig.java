package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * This node's part in a cluster of nodes on one PostgreSQL database (README, "Running on several machines"). One
 * node on SQLite needs none of it changed.
 *
 * @param nodeId         names this node in logs, {@code /api/health} and the jobs it runs; null = {@code node-} and
 *                       8 random hex digits, new at every start
 * @param role           {@code all}: serves requests and runs jobs and benchmark units; {@code web}: serves requests
 *                       only (the other nodes run the jobs)
 * @param schedulerPoll  how often the node looks for due jobs
 * @param heartbeat      how often a node says it still runs the jobs it holds; after four missed ones another node
 *                       takes them up
 * @param benchLease     how long a benchmark unit stays reserved for a node that stopped renewing it (a killed node's
 *                       units are taken up by the others after it)
 * @param benchJoinEvery how often the node looks for benchmark runs started elsewhere, to work on them too
 * @param singleNode     the operator's promise that this is the only node on its PostgreSQL database: the arena then
 *                       keeps in memory what several nodes must read from the store (rounds written behind, pair
 *                       tallies, recent rounds, revealed critiques, vote times, per-voter limits), as on SQLite, with
 *                       fewer database round trips per vote; false (the default) is safe for any number of nodes
 */
public record ClusterConfig(String nodeId, Role role, Duration schedulerPoll, Duration heartbeat, Duration benchLease,
                            Duration benchJoinEvery, boolean singleNode) {

    /** What a node does besides answering requests. */
    public enum Role {
        @JsonProperty("all") ALL,
        @JsonProperty("web") WEB;

        /** Whether the node runs jobs and benchmark units. */
        public boolean runsJobs() {
            return this == ALL;
        }
    }

    public ClusterConfig {
        require(nodeId == null || nodeId.matches("[A-Za-z0-9._-]{1,64}"), "cluster.node_id",
                "must be 1 to 64 letters, digits, '.', '_' or '-'", nodeId);
        require(role != null, "cluster.role", "must be all or web", role);
        require(positive(schedulerPoll), "cluster.scheduler_poll", "must be a positive duration", schedulerPoll);
        require(positive(heartbeat), "cluster.heartbeat", "must be a positive duration", heartbeat);
        require(positive(benchLease) && benchLease.compareTo(Duration.ofSeconds(1)) >= 0, "cluster.bench_lease",
                "must be at least PT1S", benchLease);
        require(positive(benchJoinEvery), "cluster.bench_join_every", "must be a positive duration", benchJoinEvery);
    }

    public static ClusterConfig defaults() {
        return new ClusterConfig(null, Role.ALL, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(5), false);
    }

    /** The configured id, or a random one. */
    public String node() {
        return nodeId != null ? nodeId : "node-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
    }

    public ClusterConfig withNodeId(String id) {
        return new ClusterConfig(id, role, schedulerPoll, heartbeat, benchLease, benchJoinEvery, singleNode);
    }

    public ClusterConfig withTimings(Duration poll, Duration beat, Duration lease, Duration joinEvery) {
        return new ClusterConfig(nodeId, role, poll, beat, lease, joinEvery, singleNode);
    }

    /** The same node, alone on its database (or not). */
    public ClusterConfig withSingleNode(boolean alone) {
        return new ClusterConfig(nodeId, role, schedulerPoll, heartbeat, benchLease, benchJoinEvery, alone);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
