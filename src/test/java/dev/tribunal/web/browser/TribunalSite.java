package dev.tribunal.web.browser;

import dev.tribunal.arena.Choice;
import dev.tribunal.imports.DemoLoader;
import dev.tribunal.rating.AnswerStyle;
import dev.tribunal.store.Answer;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Judgment;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Question;
import dev.tribunal.store.Sample;
import dev.tribunal.web.HttpSession;
import dev.tribunal.web.LiveSettings;
import dev.tribunal.web.RunningService;
import dev.tribunal.web.ServiceSettings;
import dev.tribunal.web.WebSettings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import dev.tribunal.config.LeaderboardConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A real Tribunal service for the browser tests ({@link RunningService}: the wiring the CLI uses) on a random
 * port, serving the project's {@code web/}, over a fresh SQLite database seeded with {@link SiteData}; the
 * seeded votes go through the HTTP API as a browser's would.
 */
final class TribunalSite implements AutoCloseable {

    /** Rows with fewer battles are marked preliminary. */
    static final double PRELIMINARY_BELOW = ServiceSettings.PRELIMINARY_BELOW;

    private final RunningService service;

    private TribunalSite(RunningService service) {
        this.service = service;
    }

    /** What a site starts with, and how many arena votes other voters cast on it before the test. */
    interface Content {
        void seed(Database db);

        int votes();
    }

    /** The bundled demo (data/demo: the PRD Vicuna-80 critiques and human votes), as `tribunal serve` loads it. */
    record Demo(int votes) implements Content {
        @Override
        public void seed(Database db) {
            new DemoLoader(db).load(Path.of("data", "demo"));
        }
    }

    /** Starts a site over {@code data}, dealing each voter at most {@code roundsPerMinute} rounds a minute. */
    static TribunalSite start(Path dir, Content data, int roundsPerMinute) {
        return start(dir, data, roundsPerMinute, db -> LiveSettings.none());
    }

    /** As {@link #start(Path, Content, int)}, with the live judges {@code live} makes on the site's database. */
    static TribunalSite start(Path dir, Content data, int roundsPerMinute, Function<Database, LiveSettings> live) {
        return start(dir, data, roundsPerMinute, live, LeaderboardConfig.DEFAULT_ARENA_REFRESH);
    }

    /** As above, looking for new votes (and refreshing the arena boards) every {@code arenaRefresh}. */
    static TribunalSite start(Path dir, Content data, int roundsPerMinute, Function<Database, LiveSettings> live,
                              Duration arenaRefresh) {
        String url = "jdbc:sqlite:" + dir.resolve("tribunal.db");
        try (Database db = Database.open(url)) {
            data.seed(db);
        }
        // the test service's settings, with the production threshold for preliminary rows and 64 KB bodies
        ServiceSettings test = RunningService.settings(Path.of("web"));
        ServiceSettings settings = new ServiceSettings(new WebSettings("127.0.0.1", 0, 64 * 1024, Path.of("web"), false),
                test.roundLifetime(), roundsPerMinute, test.votesPerMinute(), test.votesPerDay(),
                test.refreshEvery(), test.rating(), PRELIMINARY_BELOW, test.adminTokenVariable(), test.adminToken(),
                test.voterSecret(), test.version(), test.samplesPerHour(), test.perAddress(), test.voteRules(),
                test.queryLimits(), arenaRefresh);
        TribunalSite site = new TribunalSite(RunningService.on(url, settings, Clock.systemUTC(), live));
        site.castVotes(data.votes());
        site.service.service().scheduler().refreshNow();
        return site;
    }

    URI address() {
        return service.address();
    }

    String url(String path) {
        return address().resolve(path).toString();
    }

    Database db() {
        return service.db();
    }

    /** Plays {@code count} arena rounds as five other voters would, choices drawn with a fixed seed. */
    private void castVotes(int count) {
        Random random = new Random(7);
        List<HttpSession> voters = new ArrayList<>();
        for (int i = 0; i < 5; i++) voters.add(service.newBrowser());
        for (int i = 0; i < count; i++) {
            HttpSession voter = voters.get(i % voters.size());
            HttpResponse<String> round = voter.postJson("/api/rounds", "");
            if (round.statusCode() != 201) throw new IllegalStateException("no round: " + round.body());
            String id = HttpSession.json(round).get("round_id").asText();
            String choice = Choice.WIRE_NAMES.get(random.nextInt(Choice.WIRE_NAMES.size()));
            HttpResponse<String> vote = voter.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"" + choice + "\"}");
            if (vote.statusCode() != 200) throw new IllegalStateException("vote refused: " + vote.body());
        }
    }

    @Override
    public void close() {
        service.close();
    }

    /** What a site holds: judges, samples each evaluated by several judges, model battles, arena votes. */
    record SiteData(List<Contestant> judges, List<SampleWithCritiques> samples, int modelBattles, int votes)
            implements Content {

        record SampleWithCritiques(Sample sample, List<String> verdictsOrScores, List<String> critiques) {
        }

        @Override
        public void seed(Database db) {
            List<Contestant> stored = new ArrayList<>();
            for (Contestant judge : judges) stored.add(db.contestants().insert(judge));
            for (SampleWithCritiques s : samples) {
                Sample sample = db.samples().insert(s.sample());
                for (int j = 0; j < s.critiques().size(); j++) {
                    String judged = s.verdictsOrScores().get(j);
                    boolean score = judged.matches("[1-5]");
                    db.evaluations().insert(new Evaluation(0, sample.id(), stored.get(j).id(), score ? null : judged,
                            score ? Integer.valueOf(judged) : null, s.critiques().get(j), "test-v1", null, null,
                            ParseStatus.OK, null, null, null, null, null));
                }
            }
            if (modelBattles > 0) {
                seedModelBattles(db);
                seedQuestions(db, stored.getFirst());
            }
        }

        /** Two benchmark questions, answered by two models; the first judge compares them twice, positions swapped. */
        private static void seedQuestions(Database db, Contestant judge) {
            long atlas = db.contestants().find(ContestantKind.MODEL, "atlas-70b").orElseThrow().id();
            long delta = db.contestants().find(ContestantKind.MODEL, "delta-mini").orElseThrow().id();
            String[][] questions = {{"Plan a three-day trip to Lisbon.", "travel"}, {"Prove that √2 is irrational.", "math"}};
            for (String[] q : questions) {
                Question question = db.bench().insertQuestion(new Question(0, "tribunal-demo", null, q[1], null, "hard",
                        q[0], null, null, null, null));
                Answer a = db.bench().insertAnswer(new Answer(0, question.id(), atlas, "A careful answer to: " + q[0],
                        220L, null, null, null));
                Answer b = db.bench().insertAnswer(new Answer(0, question.id(), delta, "A short answer.", 30L, null,
                        null, null));
                db.bench().insertJudgment(judgment(question, judge, a, b, 1, "A>B"));
                db.bench().insertJudgment(judgment(question, judge, b, a, 2, "B>>A"));
            }
        }

        private static Judgment judgment(Question q, Contestant judge, Answer a, Answer b, int game, String verdict) {
            return new Judgment(0, q.id(), judge.id(), a.id(), b.id(), game, verdict, null,
                    "The longer answer covers **every** step.", "test-v1", null, ParseStatus.OK, null, null, null, null,
                    null);
        }

        private void seedModelBattles(Database db) {
            String[][] models = {{"atlas-70b", "Atlas Labs", "Apache-2.0"}, {"borealis-8b", "Borealis AI", "MIT"},
                {"cirrus-pro", "Cirrus Inc.", "Proprietary"}, {"delta-mini", "Delta Research", "Llama 3"}};
            for (String[] m : models) db.contestants().insert(Contestant.of(ContestantKind.MODEL, m[0], null, m[1], m[2]));
            Random random = new Random(11);
            Random styles = new Random(13);
            List<BattleRow> battles = new ArrayList<>();
            for (int i = 0; i < modelBattles; i++) {
                int a = random.nextInt(models.length);
                int b = (a + 1 + random.nextInt(models.length - 1)) % models.length;
                // a stronger model (lower index) wins more often
                double pA = 0.5 + 0.12 * (b - a);
                double outcome = random.nextDouble() < pA ? 1 : 0;
                // ... and writes longer, more formatted answers: style control has something to hold equal
                battles.add(BattleRow.of(ContestantKind.MODEL, models[a][0], models[b][0], outcome, "human",
                        i % 2 == 0 ? "coding" : "writing").withStyles(style(a, styles), style(b, styles)));
            }
            db.battles().insertAll(battles);
        }

        /** Model {@code index}'s answer style: length and markdown falling with the index, with noise. */
        private static AnswerStyle style(int index, Random random) {
            int richer = 4 - index;
            return new AnswerStyle(100 + 120 * richer + random.nextInt(80), random.nextInt(richer + 1),
                    random.nextInt(2 * richer + 1), random.nextInt(richer + 1));
        }
    }
}
