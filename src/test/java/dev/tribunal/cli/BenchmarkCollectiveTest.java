package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.bench.collective.CollectiveStub;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tribunal benchmark collective} end to end on the stub pool of five models of known quality (answer
 * quality and judging noise set in {@link CollectiveStub}): the boards recover the true order, the weights move
 * toward the better judges, nobody rates itself, the bad questions are filtered out, the ranking's stability ends
 * the run early, and a second run of the same command makes no call.
 */
class BenchmarkCollectiveTest {

    private static final String COLLECTIVE = "collective:\n  topics: [math, history]\n  stability_window: 3\n"
            + "  min_iterations: 8\n";

    @TempDir
    Path dir;

    @Test
    void thePoolRanksItselfInTheTrueOrderAndWeightsTheBetterJudgesMore() throws Exception {
        try (CollectiveStub stub = new CollectiveStub()) {
            Path config = stub.config(dir, 4, COLLECTIVE);
            CommandRun run = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,m2,m3,m4,m5",
                    "--iterations", 40, "--weights", "autobench", "--output", "json", "--no-progress");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = run.json();

            Map<String, JsonNode> rows = run.jsonRows();
            assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(CollectiveStub.MODELS);
            assertThat(spearman(rows, "score")).isGreaterThanOrEqualTo(0.9);
            assertThat(spearman(rows, "rating")).isGreaterThanOrEqualTo(0.9);
            for (JsonNode row : rows.values()) {
                assertThat(row.get("score_lower").asDouble()).isLessThanOrEqualTo(row.get("score").asDouble());
                assertThat(row.get("score_upper").asDouble()).isGreaterThanOrEqualTo(row.get("score").asDouble());
                assertThat(row.get("rank").asInt()).isBetween(1, 5);
            }

            JsonNode weights = json.get("judge_weights");
            double sum = 0;
            for (String m : CollectiveStub.MODELS) sum += weights.get(m).asDouble();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(weights.get("m1").asDouble()).isGreaterThan(0.2).isGreaterThan(weights.get("m3").asDouble());
            assertThat(weights.get("m3").asDouble()).isGreaterThan(weights.get("m5").asDouble());

            // the ranking settled before the 40 iterations ran out
            int iterations = json.get("iterations").asInt();
            assertThat(iterations).isBetween(8, 39);
            assertThat(run.err()).contains("ranking stable");
            assertThat(json.get("topics").size()).isEqualTo(2);
            assertThat(json.get("questions_rejected").asInt()).isPositive();
            // every call's cost is some model's: its answers, its ratings, its questions
            double costs = 0;
            for (JsonNode m : json.get("models")) {
                assertThat(m.get("cost").asDouble()).isCloseTo(m.get("answer_cost").asDouble()
                        + m.get("judging_cost").asDouble() + m.get("authoring_cost").asDouble(), within(1e-12));
                costs += m.get("cost").asDouble();
            }
            java.util.regex.Matcher total = java.util.regex.Pattern.compile("cost (\\d+\\.\\d+)").matcher(run.err());
            assertThat(total.find()).isTrue();
            assertThat(costs).isCloseTo(Double.parseDouble(total.group(1)), within(0.00005));
            assertThat(model(json, "m1").get("authoring_cost").asDouble()).isPositive();
            JsonNode m5 = model(json, "m5");
            assertThat(m5.get("consensus_distance").asDouble())
                    .isGreaterThan(model(json, "m1").get("consensus_distance").asDouble());
            assertThat(m5.get("answers").asInt()).isEqualTo(json.get("questions_kept").asInt());

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.db"));
                 Statement st = c.createStatement()) {
                assertThat(count(st, "SELECT COUNT(*) FROM collective_votes WHERE judge_id = model_id")).isZero();
                assertThat(count(st, "SELECT COUNT(*) FROM collective_votes v JOIN questions q ON q.id = v.question_id "
                        + "WHERE v.model_id = 0 AND v.judge_id = q.generated_by")).isZero();
                // every bad question was rejected and never answered; every kept one is a good question
                assertThat(count(st, "SELECT COUNT(*) FROM questions q JOIN collective_questions c ON c.question_id = q.id "
                        + "WHERE q.prompt LIKE '[bad]%' AND c.state = 'accepted'")).isZero();
                assertThat(count(st, "SELECT COUNT(*) FROM questions q JOIN collective_questions c ON c.question_id = q.id "
                        + "WHERE q.prompt LIKE '[bad]%' AND c.state = 'rejected'")).isPositive();
                assertThat(count(st, "SELECT COUNT(*) FROM answers a JOIN questions q ON q.id = a.question_id "
                        + "WHERE q.prompt LIKE '[bad]%'")).isZero();
                // 5 answers per kept question, each rated by the 4 other models
                long kept = json.get("questions_kept").asLong();
                assertThat(count(st, "SELECT COUNT(*) FROM collective_votes WHERE model_id <> 0")).isEqualTo(kept * 5 * 4);
                assertThat(count(st, "SELECT COUNT(*) FROM snapshots WHERE source LIKE 'collective:%' AND category IS NULL"))
                        .isEqualTo(1);
            }

            int calls = stub.requests();
            CommandRun again = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m5,m4,m3,m2,m1",
                    "--iterations", 40, "--weights", "autobench", "--output", "json", "--no-progress");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(stub.requests()).as("the same command again makes no call").isEqualTo(calls);
            assertThat(again.json().get("rows")).isEqualTo(json.get("rows"));
        }
    }

    @Test
    void peerRankWeightsTheWorstJudgeZeroAndSelfJudgingCanBeAllowed() throws Exception {
        try (CollectiveStub stub = new CollectiveStub()) {
            Path config = stub.config(dir, 4, "collective:\n  stability_window: 0\n");
            CommandRun run = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,m2,m3,m4,m5",
                    "--iterations", 8, "--weights", "peer-rank", "--allow-self-judging", "--output", "json",
                    "--no-progress");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode weights = run.json().get("judge_weights");
            assertThat(weights.get("m5").asDouble()).isZero();
            assertThat(weights.get("m1").asDouble()).isGreaterThan(weights.get("m4").asDouble());
            assertThat(spearman(run.jsonRows(), "score")).isGreaterThanOrEqualTo(0.9);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.db"));
                 Statement st = c.createStatement()) {
                long kept = run.json().get("questions_kept").asLong();
                assertThat(count(st, "SELECT COUNT(*) FROM collective_votes WHERE judge_id = model_id")).isEqualTo(kept * 5);
            }

            // the board's CSV is a valid input of tribunal correlate: the score against the Bradley-Terry rating
            Path csv = dir.resolve("collective.csv");
            CommandRun asCsv = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,m2,m3,m4,m5",
                    "--iterations", 8, "--weights", "peer-rank", "--allow-self-judging", "--output", "csv", "--out", csv,
                    "--no-progress");
            assertThat(asCsv.exitCode()).as(asCsv.err()).isZero();
            CommandRun correlated = CommandRun.of("correlate", csv, "--x", "score", "--y", "rating", "--where", "topic=all",
                    "--output", "json");
            assertThat(correlated.exitCode()).as(correlated.err()).isZero();
            assertThat(correlated.json().get("n").asInt()).isEqualTo(5);
            assertThat(correlated.json().get("spearman").get("value").asDouble()).isGreaterThanOrEqualTo(0.9);

            // a run may start from run 1's weights; a run that is not there is refused
            CommandRun joined = CommandRun.of("benchmark", "collective", "--config", config, "--models",
                    "m1,m2,m3,m4,m5", "--iterations", 2, "--weights", "autobench", "--from-run", 1, "--output", "json",
                    "--no-progress");
            assertThat(joined.exitCode()).as(joined.err()).isZero();
            assertThat(joined.json().get("run").asLong()).isNotEqualTo(1);
            CommandRun missing = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,m2",
                    "--from-run", 99);
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err().strip()).isEqualTo("tribunal benchmark collective: --from-run 99 is not a collective run");
        }
    }

    @Test
    void aModelWhoseProviderIsDownFailsItsUnitsAndTheRestOfTheBoardStands() throws Exception {
        try (CollectiveStub stub = new CollectiveStub()) {
            Path config = stub.config(dir, 4, "collective:\n  stability_window: 0\n");
            String yaml = java.nio.file.Files.readString(config)
                    .replace("  models:\n", "    - {name: broken, provider: openai_compatible, base_url: 'http://127.0.0.1:9/v1', "
                            + "model: broken, retries: 0}\n  models:\n")
                    + "    - {name: broken, endpoint: broken}\n";
            java.nio.file.Files.writeString(config, yaml);
            CommandRun run = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,m2,m3,broken",
                    "--iterations", 4, "--output", "json", "--no-progress");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("unit(s) failed for good", "broken answering collective:",
                    "the provider could not be reached [endpoint broken]");
            JsonNode json = run.json();
            assertThat(json.get("iterations").asInt()).isEqualTo(4);
            assertThat(run.jsonRows().keySet()).containsExactly("m1", "m2", "m3");
            JsonNode broken = model(json, "broken");
            assertThat(broken.get("answers").asInt()).isZero();
            // per kept question its answer and its 3 ratings of the others' answers; per written question its rating
            int kept = json.get("questions_kept").asInt();
            int written = kept + json.get("questions_rejected").asInt() + json.get("duplicates").asInt();
            assertThat(broken.get("failures").asInt()).isEqualTo(kept * 4 + written);
            assertThat(run.err()).contains("run 1: failed");

            // with no other author, an iteration whose question cannot be written ends the run (failed, no board)
            CommandRun alone = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,broken",
                    "--iterations", 2, "--output", "json", "--no-progress");
            assertThat(alone.exitCode()).as(alone.err()).isEqualTo(1);
            assertThat(alone.out()).isEmpty();
            assertThat(alone.err()).contains("run 2: failed", "broken writing the question of iteration 1: "
                    + "the provider could not be reached [endpoint broken]");
        }
    }

    @Test
    void theOrderOfTheModelsChangesNothing() throws Exception {
        try (CollectiveStub stub = new CollectiveStub()) {
            List<JsonNode> results = new ArrayList<>();
            for (String models : List.of("m1,m2,m3,m4,m5", "m5,m3,m1,m4,m2")) {
                Path where = java.nio.file.Files.createDirectories(dir.resolve(models.replace(',', '-')));
                CommandRun run = CommandRun.of("benchmark", "collective", "--config",
                        stub.config(where, 4, "collective:\n  stability_window: 0\n"), "--models", models,
                        "--iterations", 5, "--output", "json", "--no-progress");
                assertThat(run.exitCode()).as(run.err()).isZero();
                results.add(run.json());
            }
            // the same authors, questions and ratings: the same board, weights and figures
            assertThat(results.get(1).get("rows")).isEqualTo(results.get(0).get("rows"));
            assertThat(results.get(1).get("judge_weights")).isEqualTo(results.get(0).get("judge_weights"));
            assertThat(results.get(1).get("questions_rejected")).isEqualTo(results.get(0).get("questions_rejected"));
        }
    }

    @Test
    void aModelRatesNoAnswerOfItsFamilyUnlessAllowed() throws Exception {
        try (CollectiveStub stub = new CollectiveStub()) {
            Path config = stub.config(dir, 4, "collective:\n  stability_window: 0\n");
            java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config)
                    .replace("{name: m1, endpoint: m1}", "{name: m1, endpoint: m1, family: twins}")
                    .replace("{name: m2, endpoint: m2}", "{name: m2, endpoint: m2, family: twins}"));
            String sameFamily = "SELECT COUNT(*) FROM collective_votes v JOIN contestants j ON j.id = v.judge_id "
                    + "JOIN contestants m ON m.id = v.model_id WHERE j.family = 'twins' AND m.family = 'twins' "
                    + "AND j.id <> m.id";
            CommandRun apart = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,m2,m3",
                    "--iterations", 2, "--output", "json", "--no-progress");
            assertThat(apart.exitCode()).as(apart.err()).isZero();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.db"));
                 Statement st = c.createStatement()) {
                assertThat(count(st, sameFamily)).isZero();
                // m3 rates both, and each twin rates m3: 2 + 2 ratings per kept question
                assertThat(count(st, "SELECT COUNT(*) FROM collective_votes WHERE model_id <> 0"))
                        .isEqualTo(apart.json().get("questions_kept").asLong() * 4);
            }
            CommandRun together = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,m2,m3",
                    "--iterations", 2, "--allow-same-family", "--output", "json", "--no-progress");
            assertThat(together.exitCode()).as(together.err()).isZero();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.db"));
                 Statement st = c.createStatement()) {
                assertThat(count(st, sameFamily)).isEqualTo(together.json().get("questions_kept").asLong() * 2);
            }
        }
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        try (CollectiveStub stub = new CollectiveStub()) {
            Path config = stub.config(dir, 4, "");
            CommandRun unknown = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,nope");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err().strip()).isEqualTo("tribunal benchmark collective: --models: nope is not in "
                    + "llm.models (configured: m1, m2, m3, m4, m5)");
            CommandRun rule = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1,m2",
                    "--weights", "loudest");
            assertThat(rule.exitCode()).isEqualTo(2);
            assertThat(rule.err().strip().lines()).hasSize(1);
            assertThat(rule.err()).contains("--weights", "equal, autobench or peer-rank");
            CommandRun one = CommandRun.of("benchmark", "collective", "--config", config, "--models", "m1");
            assertThat(one.exitCode()).isEqualTo(2);
            assertThat(one.err()).contains("at least two models");
            assertThat(stub.requests()).isZero();
        }
    }

    private static double spearman(Map<String, JsonNode> rows, String column) {
        List<String> models = new ArrayList<>(rows.keySet());
        double[] truth = models.stream().mapToDouble(CollectiveStub.LEVELS::get).toArray();
        double[] got = models.stream().mapToDouble(m -> rows.get(m).get(column).asDouble()).toArray();
        return new SpearmansCorrelation().correlation(truth, got);
    }

    private static JsonNode model(JsonNode json, String name) {
        for (JsonNode m : json.get("models")) if (m.get("model").asText().equals(name)) return m;
        throw new AssertionError("no model " + name);
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
