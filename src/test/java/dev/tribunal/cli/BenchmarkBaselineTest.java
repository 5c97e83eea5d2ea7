package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.bench.baseline.BenchStub;
import dev.tribunal.judging.PairVerdict;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Judgment;
import dev.tribunal.store.Question;
import dev.tribunal.store.Snapshot;
import dev.tribunal.store.SnapshotRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tribunal benchmark baseline} end to end on the stub provider: three models of known quality against a
 * baseline, a fair judge and one with a position bias.
 */
class BenchmarkBaselineTest {

    private static final int QUESTIONS = 12;

    @TempDir
    Path dir;
    private BenchStub stub;
    private Path config;

    @BeforeEach
    void start() {
        stub = new BenchStub();
        config = stub.config(dir, 8);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private CommandRun benchmark(Object... extra) {
        List<Object> args = new java.util.ArrayList<>(List.of("benchmark", "baseline", "--config", config,
                "--questions", "arena-hard-v0.1", "--limit", QUESTIONS, "--baseline", "baseline",
                "--models", "strong,medium,weak", "--judge", "fair", "--judge", "biased", "--no-progress"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray());
    }

    private Database open() {
        return Database.open("jdbc:sqlite:" + dir.resolve("bench.db"));
    }

    @Test
    void ranksTheModelsByTheirKnownQualityAndShowsThePositionBiasInTheStoredJudgments() {
        CommandRun run = benchmark("--output", "json", "--pool-judges");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode boards = run.json();
        assertThat(boards).hasSize(3);
        for (JsonNode board : boards) {
            Map<String, Double> score = new HashMap<>();
            board.get("rows").forEach(r -> score.put(r.get("model").asText(), r.get("score").asDouble()));
            assertThat(score.get("strong")).as(board.get("judge").asText()).isGreaterThan(score.get("medium"));
            assertThat(score.get("medium")).isGreaterThan(score.get("weak"));
            assertThat(score.get("baseline")).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(board.get("rows").get(0).has("style_score")).isTrue();
            assertThat(board.get("rows").get(0).get("avg_tokens").asDouble()).isPositive();
        }
        assertThat(boards.get(0).get("judge").asText()).isEqualTo("fair");
        assertThat(boards.get(0).get("disagreements").asLong()).isZero();
        assertThat(boards.get(1).get("disagreements").asLong()).isPositive();
        assertThat(boards.get(2).get("judge").asText()).isEqualTo("fair+biased");

        try (Database db = open()) {
            long fair = db.contestants().find(ContestantKind.JUDGE, "fair").orElseThrow().id();
            long biased = db.contestants().find(ContestantKind.JUDGE, "biased").orElseThrow().id();
            List<Judgment> all = db.bench().questions("arena-hard-v0.1", QUESTIONS).stream()
                    .flatMap(q -> db.bench().judgments(q.id()).stream()).toList();
            // 12 questions x 3 models x 2 judges x 2 games, each exactly once
            assertThat(all).hasSize(QUESTIONS * 3 * 2 * 2);
            assertThat(disagreeing(all, fair)).isZero();
            assertThat(disagreeing(all, biased)).isPositive();
            assertThat(db.battles().count(BattleFilter.of(ContestantKind.MODEL).withSource(FAIR_SOURCE)))
                    .isEqualTo(QUESTIONS * 3 * 2);
            Snapshot snapshot = db.snapshots().latestOk(ContestantKind.MODEL, FAIR_SOURCE, null)
                    .orElseThrow();
            List<SnapshotRow> rows = db.snapshots().rows(snapshot.id());
            assertThat(rows).extracting(SnapshotRow::contestant).contains("strong", "medium", "weak", "baseline");
            assertThat(rows).allSatisfy(r -> assertThat(r.avgTokens()).isPositive());
            // the style-controlled score is stored beside the plain one
            assertThat(rows).allSatisfy(r -> assertThat(r.styleScore()).isNotNull());
            SnapshotRow strong = rows.stream().filter(r -> r.contestant().equals("strong")).findFirst().orElseThrow();
            assertThat(strong.styleScoreLower()).isLessThanOrEqualTo(strong.styleScore());
            assertThat(strong.styleScoreUpper()).isGreaterThanOrEqualTo(strong.styleScore());
        }
    }

    private static final String FAIR_SOURCE = "baseline:arena-hard-v0.1:fair:vs:baseline";

    @Test
    void runsAgainstTwoBaselinesKeepTwoBoardsAndTheConfiguredFamiliesAreStored() throws Exception {
        Files.writeString(config, Files.readString(config)
                .replace("{name: strong, endpoint: strong}", "{name: strong, endpoint: strong, family: stub-big}")
                .replace("{name: fair, endpoint: fair-judge}", "{name: fair, endpoint: fair-judge, family: stub-judge}"));
        CommandRun first = benchmark();
        assertThat(first.exitCode()).as(first.err()).isZero();
        CommandRun second = CommandRun.of("benchmark", "baseline", "--config", config, "--questions", "arena-hard-v0.1",
                "--limit", QUESTIONS, "--baseline", "medium", "--models", "strong,weak", "--judge", "fair",
                "--no-progress");
        assertThat(second.exitCode()).as(second.err()).isZero();
        try (Database db = open()) {
            for (String baseline : List.of("baseline", "medium")) {
                Snapshot s = db.snapshots().latestOk(ContestantKind.MODEL, "baseline:arena-hard-v0.1:fair:vs:" + baseline,
                        null).orElseThrow();
                SnapshotRow base = db.snapshots().rows(s.id()).stream().filter(r -> r.contestant().equals(baseline))
                        .findFirst().orElseThrow();
                assertThat(base.score()).as(baseline).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(s.settingsJson()).contains("\"baseline\":\"" + baseline + "\"");
            }
            assertThat(db.contestants().find(ContestantKind.MODEL, "strong").orElseThrow().family()).isEqualTo("stub-big");
            assertThat(db.contestants().find(ContestantKind.JUDGE, "fair").orElseThrow().family()).isEqualTo("stub-judge");
            assertThat(db.contestants().find(ContestantKind.MODEL, "weak").orElseThrow().family()).isNull();
        }
    }

    /** Comparisons (question, model pair) whose game 2 verdict, swapped back, differs from game 1's. */
    private static long disagreeing(List<Judgment> judgments, long judgeId) {
        Map<String, PairVerdict[]> games = new HashMap<>();
        for (Judgment j : judgments) {
            if (j.judgeId() != judgeId) continue;
            long first = j.game() == 1 ? j.answerAId() : j.answerBId();
            long second = j.game() == 1 ? j.answerBId() : j.answerAId();
            PairVerdict v = PairVerdict.fromLabel(j.verdict());
            games.computeIfAbsent(first + ":" + second, k -> new PairVerdict[2])[j.game() - 1] =
                    j.game() == 1 ? v : v.swapped();
        }
        return games.values().stream().filter(g -> g[0].outcomeForA() != g[1].outcomeForA()).count();
    }

    @Test
    void aSecondIdenticalRunMakesNoProviderCallAndPrintsTheSameBoard() {
        CommandRun first = benchmark();
        assertThat(first.exitCode()).as(first.err()).isZero();
        int calls = stub.requests();
        // 12 x 4 answers + 12 x 3 x 2 x 2 judgments
        assertThat(calls).isEqualTo(QUESTIONS * 4 + QUESTIONS * 3 * 2 * 2);
        CommandRun second = benchmark();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(stub.requests()).isEqualTo(calls);
        assertThat(second.out()).isEqualTo(first.out()).contains("strong", "style-controlled");
        assertThat(second.err()).contains("0 provider calls");
    }

    @Test
    void aProviderThatKeepsFailingIsReportedWithExitCode1AndTheRestIsKept() throws Exception {
        Files.writeString(config, Files.readString(config).replace("{name: weak, provider: openai_compatible, base_url: '"
                + stub.server().baseUrl() + "'", "{name: weak, provider: openai_compatible, base_url: 'http://127.0.0.1:9/v1'"));
        CommandRun run = benchmark();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(QUESTIONS + " unit(s) failed for good").contains("weak answering arena-hard-v0.1:");
        assertThat(run.out()).contains("strong").contains("medium");
        try (Database db = open()) {
            List<Question> qs = db.bench().questions("arena-hard-v0.1", QUESTIONS);
            long strong = db.contestants().find(ContestantKind.MODEL, "strong").orElseThrow().id();
            assertThat(qs).allSatisfy(q -> assertThat(db.bench().answer(q.id(), strong)).isPresent());
        }
    }

    @Test
    void unknownNamesAreRefusedInOneLineWithExitCode2() {
        CommandRun run = CommandRun.of("benchmark", "baseline", "--config", config, "--questions", "arena-hard-v0.1",
                "--limit", 2, "--baseline", "baseline", "--models", "strong", "--judge", "nobody", "--no-progress");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("tribunal benchmark baseline: --judge nobody is not in llm.judges"
                + " (configured: fair, biased)");
        CommandRun noSet = CommandRun.of("benchmark", "baseline", "--config", config, "--questions", "nope",
                "--baseline", "baseline", "--models", "strong", "--judge", "fair", "--no-progress");
        assertThat(noSet.exitCode()).isEqualTo(2);
        assertThat(noSet.err()).startsWith("tribunal benchmark baseline: no question set named 'nope'");
        assertThat(stub.requests()).isZero();
    }

    @Test
    void multiTurnQuestionsAreAnsweredTurnByTurnAndJudgedAsConversations() {
        CommandRun run = CommandRun.of("benchmark", "baseline", "--config", config, "--questions", "mt-bench",
                "--limit", 3, "--baseline", "baseline", "--models", "strong", "--judge", "fair", "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 3 questions x 2 models x 2 turns, then 3 x 2 games
        assertThat(stub.requests()).isEqualTo(3 * 2 * 2 + 3 * 2);
        try (Database db = open()) {
            for (Question q : db.bench().questions("mt-bench", 3)) {
                assertThat(q.userTurns()).hasSize(2);
                assertThat(db.bench().answers(q.id())).hasSize(2).allSatisfy(a -> {
                    assertThat(a.turns()).hasSize(2);
                    assertThat(a.turns().get(1)).contains("answers turn 2 of: " + q.userTurns().get(1).substring(0, 10));
                });
                assertThat(db.bench().judgments(q.id())).hasSize(2)
                        .allSatisfy(j -> assertThat(j.parseStatus().code()).isEqualTo("ok"));
            }
        }
    }
}
