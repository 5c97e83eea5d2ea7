package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.rating.Battle;
import dev.tribunal.rating.MarkdownStyle;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import dev.tribunal.store.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Loads the bundled demo into a real database (one subclass per database) and checks it against the files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoLoaderContract {

    static final Path DEMO = Path.of("data/demo");
    static final Path PRD = DEMO.resolve("prd-vicuna80");
    static final List<String> REVIEWERS = List.of("bard", "claude", "gpt35", "gpt4", "vicuna-13b");

    Database db;
    DemoLoad first;

    TestDatabase where;

    /** Where this test class's fresh database lives. */
    abstract TestDatabase testDatabase();

    @BeforeAll
    void loadOnce() {
        where = testDatabase();
        db = where.open();
        first = new DemoLoader(db).load(DEMO);
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
        if (where != null) where.close();
    }

    /**
     * The judges' battles by agreement with the humans: every pair of the five reviewers on each of the 1,600
     * reviewed answer pairs (all of which have human votes). The expected sum was computed from the raw files by an
     * independent script (Python, the same rule as {@link HumanAgreement}'s Javadoc): claude's outcomes against
     * gpt4 sum to 762.75 of 1,600.
     */
    @Test
    void judgesMeetByAgreementWithTheHumans() {
        BattleFilter agreement = BattleFilter.of(ContestantKind.JUDGE).withSource(HumanAgreement.SOURCE);
        assertThat(db.battles().count(agreement)).isEqualTo(16_000);
        double[] claudeVersusGpt4 = new double[2];
        db.battles().forEachBattle(agreement, b -> {
            if (b.a().equals("claude") && b.b().equals("gpt4")) claudeVersusGpt4[0] += b.outcome();
            else if (b.a().equals("gpt4") && b.b().equals("claude")) claudeVersusGpt4[0] += 1 - b.outcome();
            else return;
            claudeVersusGpt4[1]++;
        });
        assertThat(claudeVersusGpt4).containsExactly(762.75, 1_600);
    }

    /** The human votes on answers the reviewers saw (16 of the 60 human files, 1,760 votes) become labels. */
    @Test
    void humanVotesOnReviewedAnswersAreLabelsOnTheirSamples() {
        assertThat(db.reports().labelCount()).isEqualTo(1_760);
        long[] labels = {0};
        db.reports().forEachLabel(l -> labels[0]++);
        assertThat(labels[0]).isEqualTo(1_760);
    }

    @Test
    void everythingInTheFilesIsStored() throws IOException {
        long humanLines = countLines(PRD.resolve("ratings-human"));
        assertThat(humanLines).isEqualTo(7_040); // as published with the data
        assertThat(first).isEqualTo(new DemoLoad(14, 1_600, 8_000, 7_040 + 8_000 + 16_000));

        assertThat(db.contestants().list(ContestantKind.MODEL)).extracting(Contestant::name).containsExactlyInAnyOrder(
                "gpt4", "claude", "gpt35", "bard", "vicuna-13b", "guanaco-7b", "guanaco-13b", "guanaco-33b", "guanaco-65b");
        assertThat(db.contestants().list(ContestantKind.JUDGE)).extracting(Contestant::name)
                .containsExactlyInAnyOrderElementsOf(REVIEWERS);
        assertThat(db.contestants().find(ContestantKind.JUDGE, "claude").orElseThrow())
                .extracting(Contestant::displayName, Contestant::organisation).containsExactly("Claude", "Anthropic");

        assertThat(db.samples().count()).isEqualTo(1_600);
        assertThat(db.evaluations().count()).isEqualTo(8_000);
        assertThat(db.battles().count(BattleFilter.of(ContestantKind.MODEL).withSource("human"))).isEqualTo(humanLines);
        for (String reviewer : REVIEWERS) {
            assertThat(db.battles().count(BattleFilter.of(ContestantKind.MODEL).withSource("judge:" + reviewer)))
                    .as(reviewer).isEqualTo(1_600);
        }
        assertThat(db.samples().idsWithJudges(5)).hasSize(1_600);
    }

    @Test
    void humanOutcomesFollowTheScores() throws IOException {
        ObjectMapper json = new ObjectMapper();
        double expected = 0;
        for (Path file : files(PRD.resolve("ratings-human"))) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                int score = json.readTree(line).get("score").asInt();
                expected += score == 1 ? 1 : score == 3 ? 0.5 : 0;
            }
        }
        double[] sum = {0};
        List<Battle> guanaco = new ArrayList<>();
        db.battles().forEachBattle(BattleFilter.of(ContestantKind.MODEL).withSource("human"), b -> {
            sum[0] += b.outcome();
            if (b.a().equals("guanaco-65b") && b.b().equals("guanaco-7b")) guanaco.add(b);
        });
        assertThat(sum[0]).isEqualTo(expected);
        assertThat(guanaco).hasSize((int) countLines(
                PRD.resolve("ratings-human/answer_guanaco-65b-vs-answer_guanaco-7b-human-reviewer_threeclass.jsonl")));
    }

    @Test
    void aReviewBecomesASampleAnEvaluationAndABattle() throws IOException {
        var review = new ObjectMapper().readTree(Files.readAllLines(
                PRD.resolve("ratings-gpt4/answer_bard-vs-answer_claude-gpt4-reviewer_threeclass.jsonl")).getFirst());
        assertThat(review.get("question_id").asInt()).isEqualTo(1);
        Sample sample = db.samples().byExternalKey("prd:q1:bard:claude").orElseThrow();
        assertThat(sample.input()).isEqualTo("How can I improve my time management skills?");
        assertThat(sample.category()).isEqualTo("generic");
        assertThat(sample.source()).isEqualTo(SampleSource.DEMO);
        assertThat(sample.modelA()).isEqualTo("bard");
        assertThat(sample.responseA()).startsWith(answerText("bard", 1).substring(0, 50));
        assertThat(sample.responseB()).isEqualTo(answerText("claude", 1));

        long gpt4 = db.contestants().find(ContestantKind.JUDGE, "gpt4").orElseThrow().id();
        Evaluation e = db.evaluations().find(sample.id(), gpt4, DemoLoader.PROMPT_VERSION).orElseThrow();
        assertThat(review.get("score").asInt()).isEqualTo(1);
        assertThat(e.verdict()).isEqualTo("A>B");
        assertThat(e.rawOutput()).isEqualTo(review.get("text").asText());
        assertThat(e.critique()).startsWith("Both Assistant 1 and Assistant 2").endsWith("Assistant 2: 8/10");
        assertThat(db.evaluations().forSample(sample.id())).hasSize(5);
    }

    /** Issue 12, item 5: style control needs the answers' length and markdown on the model battles. */
    @Test
    void modelBattlesCarryTheirAnswersStyles() throws IOException {
        List<BattleRow> gpt4 = new ArrayList<>();
        db.battles().forEachRow(BattleFilter.of(ContestantKind.MODEL).withSource("judge:gpt4"), gpt4::add);
        assertThat(gpt4).isNotEmpty().allSatisfy(b -> assertThat(b.toBattle().hasStyle()).isTrue());
        BattleRow first = gpt4.stream().filter(b -> b.externalKey().equals("prd:judge:gpt4:prd:q1:bard:claude"))
                .findFirst().orElseThrow();
        assertThat(first.styleA()).isEqualTo(MarkdownStyle.inWords(answerText("bard", 1)));
        assertThat(first.styleB()).isEqualTo(MarkdownStyle.inWords(answerText("claude", 1)));
        assertThat(first.styleA().tokens()).isEqualTo(answerText("bard", 1).strip().split("\\s+").length);
    }

    @Test
    void theGpt35SecondRunIsSkippedForTheUnderscoreFiles() throws IOException {
        var kept = new ObjectMapper().readTree(Files.readAllLines(
                PRD.resolve("ratings-gpt35/answer_gpt35-vs-answer_gpt4-gpt35-reviewer_threeclass.jsonl")).getFirst());
        Sample sample = db.samples().byExternalKey("prd:q1:gpt35:gpt4").orElseThrow();
        long gpt35 = db.contestants().find(ContestantKind.JUDGE, "gpt35").orElseThrow().id();
        Evaluation e = db.evaluations().find(sample.id(), gpt35, DemoLoader.PROMPT_VERSION).orElseThrow();
        assertThat(e.rawOutput()).isEqualTo(kept.get("text").asText());
        assertThat(e.verdict()).isEqualTo(DemoLoader.verdict(kept.get("score").asInt()));

        PrdVicuna80 data = new PrdVicuna80Reader().read(PRD);
        assertThat(data.skippedReviews()).containsOnlyKeys(
                "answer-gpt35-vs-answer-gpt4-gpt35-reviewer-threeclass.jsonl",
                "answer-gpt4-vs-answer-gpt35-gpt35-reviewer-threeclass.jsonl").containsValues(80, 80);
    }

    @Test
    void loadingAgainAddsNothing() {
        long battles = db.battles().count(BattleFilter.all());
        assertThat(new DemoLoader(db).load(DEMO)).isEqualTo(new DemoLoad(0, 0, 0, 0));
        // without the fingerprint of the loaded files the rows themselves are found again
        db.settings().put(DemoLoader.LOADED_SETTING, "something else");
        assertThat(new DemoLoader(db).load(DEMO)).isEqualTo(new DemoLoad(0, 0, 0, 0));
        assertThat(db.settings().get(DemoLoader.LOADED_SETTING)).get().asString().hasSize(64);
        assertThat(db.battles().count(BattleFilter.all())).isEqualTo(battles);
        assertThat(db.samples().count()).isEqualTo(1_600);
        assertThat(db.evaluations().count()).isEqualTo(8_000);
    }

    private static String answerText(String model, int question) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(PRD.resolve("generations/answer_" + model + ".jsonl"))) {
            var node = json.readTree(line);
            if (node.get("question_id").asInt() == question) return node.get("text").asText();
        }
        throw new AssertionError("no answer");
    }

    private static long countLines(Path path) throws IOException {
        long n = 0;
        for (Path file : Files.isDirectory(path) ? files(path) : List.of(path)) {
            try (Stream<String> lines = Files.lines(file)) {
                n += lines.filter(l -> !l.isBlank()).count();
            }
        }
        return n;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
    }
}
