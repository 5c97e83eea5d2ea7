package dev.tribunal.web;

import dev.tribunal.arena.VoteRules;
import dev.tribunal.config.ClusterConfig;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.Database;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A Tribunal service on a random port over a copy of the template database, for one test. */
public final class RunningService implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    static final byte[] VOTER_SECRET = "test-voter-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    private final Database db;
    private final TribunalService service;

    private RunningService(Database db, TribunalService service) {
        this.db = db;
        this.service = service;
    }

    /**
     * High per-voter limits, no per-address limits and no vote flagged (tests that are about those turn them on):
     * tests play many voters from one address, voting at once.
     */
    public static ServiceSettings settings(Path webDir) {
        return new ServiceSettings(new WebSettings("127.0.0.1", 0, 16 * 1024, webDir, false), Duration.ofHours(1),
                1000, 1000, 100_000, Duration.ofHours(1), RatingOptions.defaults().withRounds(20).withStyleControl(true), 10,
                "TRIBUNAL_ADMIN_TOKEN", ADMIN_TOKEN, VOTER_SECRET,
                "test", 0, ServiceSettings.NO_ADDRESS_LIMITS, VoteRules.off(), QueryLimits.defaults());
    }

    /** Starts on a fresh copy of the template in {@code dir}. */
    public static RunningService start(Path dir) {
        return start(dir, settings(dir.resolve("no-web")));
    }

    public static RunningService start(Path dir, ServiceSettings settings) {
        return on(TemplateDatabase.copyInto(dir), settings, Clock.systemUTC());
    }

    /** Starts on a fresh copy of the template in {@code dir}, with live judges. */
    public static RunningService start(Path dir, java.util.function.Function<Database, LiveSettings> live) {
        return on(TemplateDatabase.copyInto(dir), settings(dir.resolve("no-web")), Clock.systemUTC(), live);
    }

    /** Starts on the database at {@code jdbcUrl} as it is. */
    public static RunningService on(String jdbcUrl, ServiceSettings settings, Clock clock) {
        return on(jdbcUrl, settings, clock, db -> LiveSettings.none());
    }

    /** Starts on the database at {@code jdbcUrl} as it is, with live judges. */
    public static RunningService on(String jdbcUrl, ServiceSettings settings, Clock clock,
                                    java.util.function.Function<Database, LiveSettings> live) {
        return on(jdbcUrl, settings, ClusterConfig.defaults(), clock, live);
    }

    /** Starts a node of a cluster on the database at {@code jdbcUrl} as it is, with live judges. */
    public static RunningService on(String jdbcUrl, ServiceSettings settings, ClusterConfig cluster, Clock clock,
                                    java.util.function.Function<Database, LiveSettings> live) {
        Database db = Database.open(jdbcUrl);
        try {
            return new RunningService(db, TribunalService.start(db, settings, cluster, clock, live.apply(db)));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Database db() {
        return db;
    }

    public TribunalService service() {
        return service;
    }

    public URI address() {
        return service.address();
    }

    /** The hash the server stores for this browser's voter cookie. */
    public static String voterHash(HttpSession browser) {
        String id = browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(VoterIdentity.COOKIE)).findFirst().orElseThrow().getValue();
        return new VoterIdentity(VOTER_SECRET, false).hashOf(id).orElseThrow();
    }

    /** The round as stored: dealt rounds reach the store within a fraction of a second, so wait for it. */
    public dev.tribunal.store.Round storedRound(String roundId) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            var round = db.rounds().byId(roundId);
            if (round.isPresent()) return round.get().round();
            if (System.nanoTime() > deadline) throw new AssertionError("round " + roundId + " was never stored");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public HttpSession newBrowser() {
        return new HttpSession(address());
    }

    @Override
    public void close() {
        service.close();
        db.close();
    }
}
