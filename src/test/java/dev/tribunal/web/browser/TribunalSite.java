package dev.tribunal.web.browser;

import dev.tribunal.arena.ArenaCatalog;
import dev.tribunal.arena.Choice;
import dev.tribunal.arena.JudgeArena;
import dev.tribunal.arena.Round;
import dev.tribunal.arena.StoredEvaluations;
import dev.tribunal.arena.StoredRounds;
import dev.tribunal.jobs.LeaderboardRefresh;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.BrowseDao;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import dev.tribunal.web.ApiJson;
import dev.tribunal.web.ArenaRoutes;
import dev.tribunal.web.BrowseRoutes;
import dev.tribunal.web.LeaderboardRoutes;
import dev.tribunal.web.RateLimiter;
import dev.tribunal.web.VoterIdentity;
import dev.tribunal.web.WebServer;
import dev.tribunal.web.WebSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A real Tribunal server for the browser tests: Javalin on a random port serving the project's {@code web/},
 * the arena, leaderboard and browse APIs over a fresh SQLite database seeded with {@link SiteData}.
 */
final class TribunalSite implements AutoCloseable {

    private final Database db;
    private final WebServer server;
    private final JudgeArena arena;

    private TribunalSite(Database db, WebServer server, JudgeArena arena) {
        this.db = db;
        this.server = server;
        this.arena = arena;
    }

    /** Starts a site over {@code data}; {@code dir} holds the database. */
    static TribunalSite start(Path dir, SiteData data) {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("tribunal.db"));
        data.seed(db);
        Clock clock = Clock.systemUTC();
        ArenaCatalog catalog = new ArenaCatalog(db, clock, Duration.ofSeconds(1));
        JudgeArena arena = new JudgeArena(new StoredEvaluations(catalog), new StoredRounds(db, catalog),
                Duration.ofMinutes(30), clock);
        VoterIdentity voters = new VoterIdentity("browser-test-secret-0123456789".getBytes(), false);
        RateLimiter generous = new RateLimiter("requests", List.of(new RateLimiter.Limit(1_000, Duration.ofMinutes(1))));
        WebServer server = new WebServer(new WebSettings("127.0.0.1", 0, 64 * 1024, Path.of("web"), false),
                ApiJson.mapper(), List.of(
                        new ArenaRoutes(arena, voters, generous, generous, 64 * 1024),
                        new LeaderboardRoutes(db, ApiJson.mapper(), 30, clock),
                        new BrowseRoutes(new BrowseDao(db))));
        TribunalSite site = new TribunalSite(db, server.start(), arena);
        site.castVotes(data.votes());
        new LeaderboardRefresh(db, RatingOptions.defaults(), clock).run();
        return site;
    }

    URI address() {
        return server.address();
    }

    String url(String path) {
        return address().resolve(path).toString();
    }

    Database db() {
        return db;
    }

    /** Plays {@code count} arena rounds as other voters would, with a fixed seed. */
    private void castVotes(int count) {
        Random random = new Random(7);
        Choice[] choices = Choice.values();
        for (int i = 0; i < count; i++) {
            String voter = "seed-voter-" + (i % 5);
            Round round = arena.start(voter);
            arena.vote(round.id(), choices[random.nextInt(choices.length)], voter);
        }
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    /** What a site holds: judges, samples each evaluated by several judges, model battles, arena votes. */
    record SiteData(List<Contestant> judges, List<SampleWithCritiques> samples, int modelBattles, int votes) {

        record SampleWithCritiques(Sample sample, List<String> verdictsOrScores, List<String> critiques) {
        }

        void seed(Database db) {
            List<Contestant> stored = new ArrayList<>();
            for (Contestant judge : judges) stored.add(db.contestants().insert(judge));
            for (SampleWithCritiques s : samples) {
                Sample sample = db.samples().insert(s.sample());
                for (int j = 0; j < s.critiques().size(); j++) {
                    String judged = s.verdictsOrScores().get(j);
                    boolean score = judged.matches("[1-5]");
                    db.evaluations().insert(new Evaluation(0, sample.id(), stored.get(j).id(), score ? null : judged,
                            score ? Integer.valueOf(judged) : null, s.critiques().get(j), "test-v1", null, null,
                            dev.tribunal.store.ParseStatus.OK, null, null, null, null, null));
                }
            }
            seedModelBattles(db);
        }

        private void seedModelBattles(Database db) {
            String[][] models = {{"atlas-70b", "Atlas Labs", "Apache-2.0"}, {"borealis-8b", "Borealis AI", "MIT"},
                {"cirrus-pro", "Cirrus Inc.", "Proprietary"}, {"delta-mini", "Delta Research", "Llama 3"}};
            for (String[] m : models) db.contestants().insert(Contestant.of(ContestantKind.MODEL, m[0], null, m[1], m[2]));
            Random random = new Random(11);
            List<BattleRow> battles = new ArrayList<>();
            for (int i = 0; i < modelBattles; i++) {
                int a = random.nextInt(models.length);
                int b = (a + 1 + random.nextInt(models.length - 1)) % models.length;
                // a stronger model (lower index) wins more often
                double pA = 0.5 + 0.12 * (b - a);
                double outcome = random.nextDouble() < pA ? 1 : 0;
                battles.add(BattleRow.of(ContestantKind.MODEL, models[a][0], models[b][0], outcome, "human",
                        i % 2 == 0 ? "coding" : "writing"));
            }
            db.battles().insertAll(battles);
        }
    }
}
