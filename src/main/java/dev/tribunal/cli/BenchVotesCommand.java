package dev.tribunal.cli;

import dev.tribunal.store.Database;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tribunal bench-votes}: a load generator for a running server. At each concurrency level, that many
 * virtual users (virtual threads, each with its own keep-alive connection and voter cookie) play the arena — new round, vote — for a fixed
 * time; it prints votes per second and the p50/p99 latency of the votes per level. At the end it counts the votes
 * in the server's database (through the same configuration) and checks that every acknowledged vote is there.
 * Run by {@code scripts/bench-votes}, which starts a server with high abuse limits for it.
 */
@Command(name = "bench-votes", hidden = true, mixinStandardHelpOptions = true,
        description = "Load-tests the arena's voting against a running server and checks the votes it stored.")
public final class BenchVotesCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "The server, e.g. http://127.0.0.1:7070/")
    URI url;

    @Option(names = "--seconds", defaultValue = "10", description = "How long each concurrency level runs.")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of load before the first level, not counted.")
    int warmup;

    @Option(names = "--concurrency", split = ",", defaultValue = "1,8,32,64",
            description = "Virtual users per level, comma-separated.")
    int[] levels;

    @Mixin
    ConfigFile config;

    /** One level's figures. */
    record Level(int users, long votes, long errors, double seconds, double p50Ms, double p99Ms, double roundP50Ms) {
        double votesPerSecond() {
            return votes / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        long before;
        try (Database db = Database.open(config.load(env).database().connectionSettings(env), java.time.Clock.systemUTC())) {
            before = db.votes().count();
        }
        long acknowledged = 0;
        if (warmup > 0) {
            System.out.println("warming up for " + warmup + " s …");
            acknowledged += run(Math.max(8, levels[0]), warmup).votes();
        }
        System.out.printf("%6s %10s %10s %9s %9s %9s %8s%n", "users", "votes", "votes/s", "p50 ms", "p99 ms",
                "round p50", "errors");
        for (int users : levels) {
            Level level = run(users, seconds);
            acknowledged += level.votes();
            System.out.printf("%6d %10d %10.0f %9.1f %9.1f %9.1f %8d%n", level.users(), level.votes(),
                    level.votesPerSecond(), level.p50Ms(), level.p99Ms(), level.roundP50Ms(), level.errors());
        }
        long after;
        try (Database db = Database.open(config.load(env).database().connectionSettings(env), java.time.Clock.systemUTC())) {
            after = db.votes().count();
        }
        long stored = after - before;
        long votesPlayed = Math.max(1, acknowledged);
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu -> System.out.printf(
                "load generator CPU: %.1f s = %.3f ms per round + vote%n", cpu.toMillis() / 1e3,
                cpu.toMillis() / (double) votesPlayed));
        System.out.println("acknowledged votes: " + acknowledged + ", new votes in the database: " + stored
                + (stored == acknowledged ? "  (equal)" : "  (MISMATCH)"));
        return stored == acknowledged ? 0 : 1;
    }

    private Level run(int users, int forSeconds) throws Exception {
        long deadline = System.nanoTime() + forSeconds * 1_000_000_000L;
        ConcurrentHashMap<Integer, long[]> voteLatencies = new ConcurrentHashMap<>();
        ConcurrentHashMap<Integer, long[]> roundLatencies = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int user = u;
                tasks.add(pool.submit(() -> {
                    VirtualUser vu = new VirtualUser(url);
                    vu.playUntil(deadline, errors);
                    voteLatencies.put(user, vu.votes.toArray());
                    roundLatencies.put(user, vu.rounds.toArray());
                    return null;
                }));
            }
            for (Future<?> task : tasks) task.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] votes = merge(voteLatencies);
        long[] rounds = merge(roundLatencies);
        return new Level(users, votes.length, errors.get(), elapsed, percentile(votes, 0.50), percentile(votes, 0.99),
                percentile(rounds, 0.50));
    }

    private static long[] merge(Map<Integer, long[]> perUser) {
        long[] all = perUser.values().stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** The nearest-rank percentile in milliseconds. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    /** One browser: its own connection and cookie; a new round, a vote, again. */
    private static final class VirtualUser {
        private static final String[] CHOICES = {"A", "B", "tie", "both_bad"};
        final LongList votes = new LongList();
        final LongList rounds = new LongList();
        private final BenchConnection connection;
        private String cookie;

        VirtualUser(URI base) {
            this.connection = new BenchConnection(base);
        }

        void playUntil(long deadline, AtomicLong errors) throws IOException {
            try (connection) {
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    BenchConnection.Response round = send("/api/rounds", null);
                    long t1 = System.nanoTime();
                    if (round.status() != 201) {
                        errors.incrementAndGet();
                        continue;
                    }
                    rounds.add(t1 - t0);
                    String choice = CHOICES[ThreadLocalRandom.current().nextInt(CHOICES.length)];
                    long t2 = System.nanoTime();
                    BenchConnection.Response vote = send("/api/rounds/" + roundId(round.body()) + "/vote",
                            "{\"choice\":\"" + choice + "\"}");
                    long t3 = System.nanoTime();
                    if (vote.status() == 200) votes.add(t3 - t2);
                    else errors.incrementAndGet();
                }
            }
        }

        private BenchConnection.Response send(String path, String body) throws IOException {
            BenchConnection.Response response = connection.post(path, cookie, body);
            if (cookie == null && response.setCookie() != null) {
                cookie = response.setCookie().substring(0, response.setCookie().indexOf(';'));
            }
            return response;
        }

        private static String roundId(String body) {
            int start = body.indexOf("\"round_id\":\"") + 12;
            return body.substring(start, body.indexOf('"', start));
        }
    }

    /** A growable array of longs: latencies without boxing. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
