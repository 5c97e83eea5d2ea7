package dev.tribunal.store;

import dev.tribunal.imports.DemoLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Store speed figures (run by scripts/bench-store): demo load, arena votes per second under concurrent
 * writers, and battle insert/stream rates. Prints figures; asserts nothing.
 */
public final class StoreBench {

    public static void main(String[] args) throws Exception {
        int votes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int battles = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("tribunal-bench");
        System.out.println("== SQLite (" + dir + ")");
        run("jdbc:sqlite:" + dir.resolve("bench.db"), votes, battles);
        String pg = System.getenv().getOrDefault("TRIBUNAL_TEST_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(pg)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            System.out.println("== PostgreSQL not reachable at " + pg + ": skipped");
            return;
        }
        try {
            System.out.println("== PostgreSQL (" + pg + ", schema " + schema + ")");
            run(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema, votes, battles);
        } finally {
            try (Connection c = DriverManager.getConnection(pg)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void run(String url, int votes, int battles) throws Exception {
        try (Database db = Database.open(url)) {
            long t = System.nanoTime();
            var load = new DemoLoader(db).load(Path.of("data/demo"));
            report("demo load (first)", t, load.toString());
            t = System.nanoTime();
            load = new DemoLoader(db).load(Path.of("data/demo"));
            report("demo load (again)", t, load.toString());
            votes(db, votes);
            battles(db, battles);
        }
    }

    /** Each vote: deal a round, then record the vote with its battle, from 64 concurrent virtual threads. */
    private static void votes(Database db, int votes) throws Exception {
        Contestant j1 = db.contestants().find(ContestantKind.JUDGE, "gpt4").orElseThrow();
        Contestant j2 = db.contestants().find(ContestantKind.JUDGE, "claude").orElseThrow();
        long sample = db.samples().idsWithJudges(2).getFirst();
        long ea = db.evaluations().find(sample, j1.id(), DemoLoader.PROMPT_VERSION).orElseThrow().id();
        long eb = db.evaluations().find(sample, j2.id(), DemoLoader.PROMPT_VERSION).orElseThrow().id();
        int threads = 64;
        AtomicLong next = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long t = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tasks.add(pool.submit(() -> {
                    long n;
                    while ((n = next.getAndIncrement()) < votes) {
                        String id = run + "-" + n;
                        Instant now = Instant.now();
                        db.rounds().insert(new Round(id, sample, ea, eb, "voter-" + n % 500, now, now.plus(Duration.ofMinutes(30))));
                        db.votes().record(new Vote(id, VoteChoice.A, "voter-" + n % 500, now),
                                BattleRow.of(ContestantKind.JUDGE, "gpt4", "claude", 1, "arena", null));
                        try {
                            db.votes().record(new Vote(id, VoteChoice.B, "other", now), null);
                        } catch (DuplicateVoteException expected) {
                            duplicates.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : tasks) f.get();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "  arena: %,d rounds + %,d votes (+ %,d refused repeats) by %d threads in %.2f s = %,.0f votes/s%n",
                votes, votes, duplicates.get(), threads, seconds, votes / seconds);
    }

    /** Inserts n battles in chunks, then streams them back; run with a small heap, a full load would not fit. */
    private static void battles(Database db, int n) {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        int chunk = 50_000;
        long t = System.nanoTime();
        for (int start = 0; start < n; start += chunk) {
            List<BattleRow> rows = new ArrayList<>(chunk);
            for (int i = start; i < Math.min(n, start + chunk); i++) {
                rows.add(BattleRow.of(ContestantKind.MODEL, "m" + i % 50, "n" + i % 37, i % 3 / 2.0, "bench", null)
                        .withCreatedAt(t0.plusMillis(i)));
            }
            db.battles().insertAll(rows);
        }
        double insertSeconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "  insert: %,d battles in %.2f s = %,.0f battles/s%n", n, insertSeconds,
                n / insertSeconds);
        long[] count = {0};
        t = System.nanoTime();
        db.battles().forEachBattle(BattleFilter.of(ContestantKind.MODEL).withSource("bench"), b -> count[0]++);
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "  stream: %,d battles in %.2f s = %,.0f battles/s (max heap %d MB)%n",
                count[0], seconds, count[0] / seconds, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void report(String what, long startNanos, String detail) {
        System.out.printf(Locale.ROOT, "  %s: %.2f s %s%n", what, (System.nanoTime() - startNanos) / 1e9, detail);
    }
}
