package dev.tribunal.web;

import dev.tribunal.jobs.LeaderboardRefresh;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;

/**
 * A database loaded once per test run and copied for each test that needs one: loading is the slow part,
 * copying a file is not.
 */
public final class TemplateDatabase {

    public static final List<String> JUDGES = List.of("gpt4", "claude", "gpt35", "bard", "vicuna-13b");
    public static final List<String> ORGANISATIONS = List.of("OpenAI", "Anthropic", "OpenAI", "Google", "LMSYS");
    private static final String[] VERDICTS = {"A>B", "B>A", "A=B"};

    private static Path template;

    private TemplateDatabase() {
    }

    /** A fresh copy of the loaded template at {@code dir/tribunal.db}; returns its JDBC URL. */
    public static synchronized String copyInto(Path dir) {
        try {
            if (template == null) template = build();
            Path target = dir.resolve("tribunal.db");
            Files.copy(template, target);
            return "jdbc:sqlite:" + target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path build() throws IOException {
        Path dir = Files.createTempDirectory("tribunal-template");
        dir.toFile().deleteOnExit();
        Path file = dir.resolve("template.db");
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            load(db);
            // with snapshots in place, a service started on a copy computes none at start-up: tests decide when
            new LeaderboardRefresh(db, RatingOptions.defaults().withRounds(20), Clock.systemUTC()).run();
        }
        file.toFile().deleteOnExit();
        return file;
    }

    private static void load(Database db) {
        Random random = new Random(7);
        for (int j = 0; j < JUDGES.size(); j++) {
            db.contestants().ensure(Contestant.of(ContestantKind.JUDGE, JUDGES.get(j), JUDGES.get(j).toUpperCase(),
                    ORGANISATIONS.get(j), "proprietary"));
            db.contestants().ensure(Contestant.of(ContestantKind.MODEL, JUDGES.get(j), JUDGES.get(j).toUpperCase(),
                    ORGANISATIONS.get(j), "proprietary"));
        }
        for (int s = 0; s < 12; s++) {
            String modelA = JUDGES.get(s % 5);
            String modelB = JUDGES.get((s + 1) % 5);
            Sample sample = db.samples().insert(Sample.pair("Question " + s + ": how do I improve my time management?",
                    "Answer A to question " + s, "Answer B to question " + s, modelA, modelB, SampleSource.DEMO,
                    s % 2 == 0 ? "generic" : "knowledge").withExternalKey("fixture-" + s));
            for (String judge : JUDGES) {
                long judgeId = db.contestants().find(ContestantKind.JUDGE, judge).orElseThrow().id();
                db.evaluations().insert(Evaluation.verdict(sample.id(), judgeId, VERDICTS[random.nextInt(3)],
                        "Assistant 1 was more detailed than Assistant 2 on question " + s + " (critique " + random.nextInt(1000)
                                + ").", "prd"));
            }
        }
        for (int i = 0; i < 200; i++) {
            String a = JUDGES.get(random.nextInt(5));
            String b = JUDGES.get(random.nextInt(5));
            if (a.equals(b)) continue;
            db.battles().insert(BattleRow.of(ContestantKind.MODEL, a, b, random.nextInt(3) / 2.0,
                    i % 3 == 0 ? "judge:gpt4" : "human", i % 2 == 0 ? "generic" : "knowledge"));
        }
    }
}
