package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.bench.baseline.BenchStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgesCommandTest {

    @TempDir
    Path dir;

    /**
     * A hand-made JudgeBench file. By hand, with JudgeBench's rule (game 2's decision turned round, +1 / −1 / 0,
     * correct when the sum is positive):
     * <pre>
     * p1 gpt-4o  mmlu-pro-math        A>B  A>B, B>A (→A>B)   +1 +1 = 2  correct
     * p2 gpt-4o  livebench-reasoning  B>A  A>B, A=B (tie)    −1 +0 = −1 wrong   (a swapped-game tie)
     * p3 gpt-4o  livebench-math       A>B  A>B, null         +1 +0 = 1  correct (a null decision)
     * p4 gpt-4o  livecodebench        B>A  B>A, B>A (→A>B)   +1 −1 = 0  wrong   (follows the position)
     * p5 gpt-4o  mmlu-pro-physics     A>B  B>A, A>B (→B>A)   −1 −1 = −2 wrong
     * p6 claude  mmlu-pro-law         A>B  A=B, B>A (→A>B)   +0 +1 = 1  correct
     * p7 claude  mmlu-pro-history     B>A  A=B, A=B          0          wrong
     * </pre>
     * gpt-4o: 2 of 5 = 40 % (Wilson 95 %: 11.76–76.93); knowledge 1 of 2, reasoning 0 of 1, math 1 of 1, coding 0 of
     * 1. claude: 1 of 2 = 50 %, all knowledge.
     */
    @Test
    void judgeBenchAccuracyMatchesTheHandComputedAnswer() throws Exception {
        Path file = dir.resolve("judgebench.jsonl");
        Files.writeString(file, String.join("\n",
                row("p1", "mmlu-pro-math", "A>B", "gpt-4o", "\"A>B\"", "\"B>A\""),
                row("p2", "livebench-reasoning", "B>A", "gpt-4o", "\"A>B\"", "\"A=B\""),
                row("p3", "livebench-math", "A>B", "gpt-4o", "\"A>B\"", "null"),
                row("p4", "livecodebench", "B>A", "gpt-4o", "\"B>A\"", "\"B>A\""),
                row("p5", "mmlu-pro-physics", "A>B", "gpt-4o", "\"B>A\"", "\"A>B\""),
                row("p6", "mmlu-pro-law", "A>B", "claude", "\"A=B\"", "\"B>A\""),
                row("p7", "mmlu-pro-history", "B>A", "claude", "\"A=B\"", "\"A=B\"")) + "\n");
        CommandRun run = CommandRun.of("judges", "accuracy", file, "--output", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> rows = new HashMap<>();
        run.json().get("accuracy").forEach(r -> rows.put(r.get("judge").asText() + "/" + r.get("group").asText(), r));
        assertThat(rows.keySet()).containsExactlyInAnyOrder("gpt-4o/all", "gpt-4o/knowledge", "gpt-4o/reasoning",
                "gpt-4o/math", "gpt-4o/coding", "claude/all", "claude/knowledge");
        JsonNode gpt4o = rows.get("gpt-4o/all");
        assertThat(gpt4o.get("pairs").asLong()).isEqualTo(5);
        assertThat(gpt4o.get("correct").asLong()).isEqualTo(2);
        assertThat(gpt4o.get("accuracy").asDouble()).isCloseTo(40, within(1e-9));
        assertThat(gpt4o.get("lower").asDouble()).isCloseTo(11.76, within(0.01));
        assertThat(gpt4o.get("upper").asDouble()).isCloseTo(76.93, within(0.01));
        assertThat(rows.get("gpt-4o/knowledge").get("correct").asLong()).isEqualTo(1);
        assertThat(rows.get("gpt-4o/knowledge").get("pairs").asLong()).isEqualTo(2);
        assertThat(rows.get("gpt-4o/reasoning").get("correct").asLong()).isZero();
        assertThat(rows.get("gpt-4o/math").get("correct").asLong()).isEqualTo(1);
        assertThat(rows.get("gpt-4o/coding").get("correct").asLong()).isZero();
        assertThat(rows.get("claude/all").get("accuracy").asDouble()).isCloseTo(50, within(1e-9));

        CommandRun table = CommandRun.of("judges", "accuracy", file);
        assertThat(table.out()).contains("gpt-4o").contains("40.00%");
    }

    @Test
    void aBadLabelIsNamedWithItsLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, row("p1", "mmlu-pro-math", "A=B", "gpt-4o", "\"A>B\"", "\"B>A\"") + "\n");
        CommandRun run = CommandRun.of("judges", "accuracy", file);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("label must be A>B or B>A").contains("1");
    }

    /**
     * End to end on the stub provider: the baseline benchmark with a fair judge, a position-biased one (A counts one
     * level better) and a judge named "weak" that always prefers the model weak's answers; then the report card.
     */
    @Test
    void theStubsBiasedAndSelfPreferringJudgesAreFlaggedAndTheFairOneIsNot() throws Exception {
        try (BenchStub stub = new BenchStub()) {
            Path config = stub.config(dir, 8);
            String yaml = Files.readString(config)
                    .replace("  judges:\n", "    - {name: selfish-judge, provider: openai_compatible, base_url: '"
                            + stub.server().baseUrl() + "', model: selfish-judge, parallel: 8, retries: 0}\n  judges:\n")
                    .replace("  models:\n", "    - {name: weak, endpoint: selfish-judge}\n  models:\n");
            Files.writeString(config, yaml);
            CommandRun bench = CommandRun.of("benchmark", "baseline", "--config", config, "--questions",
                    "arena-hard-v0.1", "--limit", 30, "--baseline", "baseline", "--models", "strong,medium,weak",
                    "--judge", "fair", "--judge", "biased", "--judge", "weak", "--no-progress");
            assertThat(bench.exitCode()).as(bench.err()).isZero();

            CommandRun run = CommandRun.of("judges", "report", "--config", config, "--output", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            Map<String, JsonNode> cards = new HashMap<>();
            run.json().get("judges").forEach(c -> cards.put(c.get("name").asText(), c));
            assertThat(cards.keySet()).containsExactlyInAnyOrder("fair", "biased", "weak");
            assertThat(flags(cards.get("fair"))).isEmpty();
            assertThat(flags(cards.get("biased"))).contains("position-biased").doesNotContain("self-preferring");
            assertThat(flags(cards.get("weak"))).contains("self-preferring").doesNotContain("position-biased");
            JsonNode byPosition = cards.get("biased").get("verdicts_by_position");
            assertThat(byPosition.get("first").asLong()).isGreaterThan(byPosition.get("second").asLong());
            assertThat(cards.get("fair").get("position_consistency").get("share").asDouble()).isEqualTo(1.0);
            assertThat(cards.get("weak").get("self_preference").get("judge").get("share").asDouble()).isEqualTo(1.0);
            assertThat(cards.get("fair").get("reliability").get("mean_latency_ms").isNumber()).isTrue();
            // every benchmark judgment records whether it was asked again: the stub judges always answer at once
            JsonNode reAsked = cards.get("fair").get("reliability").get("re_ask_rate");
            assertThat(reAsked.get("of").asLong()).isEqualTo(cards.get("fair").get("verdicts").asLong());
            assertThat(reAsked.get("count").asLong()).isZero();

            CommandRun table = CommandRun.of("judges", "report", "--config", config);
            assertThat(table.out()).contains("biased").contains("position-biased");
            CommandRun csv = CommandRun.of("judges", "report", "--config", config, "--output", "csv", "--source", "benchmark");
            assertThat(csv.out()).startsWith("name,verdicts,first,second,tie");
            CommandRun bad = CommandRun.of("judges", "report", "--config", config, "--source", "nope");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("--source must be all, arena, benchmark or labelled");
        }
    }

    /**
     * {@code --judge}: a live judge is asked both orders of every labelled pair through the gateway. Twelve pairs
     * whose answers differ by one quality level, the better one first in half of them. The fair stub judge gets
     * every game right: 100 %, both games agree on every pair. The biased stub judge (A counts one level better)
     * calls a tie whenever the better answer is second and prefers the first answer in every decisive game: by
     * JudgeBench's metric still 100 % (one right game and one tie score +1), but its two games never agree and
     * its first-position share is 12 of 12, so the row flags it. Asking the first six pairs, then all twelve,
     * pays only for the six new ones; a third run makes no provider call at all.
     */
    @Test
    void aLiveJudgeIsAskedBothOrdersCachedAndResumedAndItsPositionBiasIsCaught() throws Exception {
        try (BenchStub stub = new BenchStub()) {
            Path config = stub.config(dir, 4);
            List<String> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int better = 2 + i % 2;
                boolean firstBetter = i % 4 < 2;
                String a = "[quality=" + (firstBetter ? better : better - 1) + "] x answers " + i;
                String b = "[quality=" + (firstBetter ? better - 1 : better) + "] y answers " + i;
                rows.add("{\"pair_id\": \"p" + i + "\", \"source\": \"" + (i < 6 ? "mmlu-pro-math" : "livecodebench")
                        + "\", \"question\": \"question " + i + "\", \"response_A\": \"" + a + "\", \"response_B\": \""
                        + b + "\", \"label\": \"" + (firstBetter ? "A>B" : "B>A") + "\", \"judge_name\": \"arena_hard\","
                        + " \"judgments\": [" + game("gpt-4o", "\"A>B\"") + ", " + game("gpt-4o", "\"B>A\"") + "]}");
            }
            Path half = dir.resolve("half.jsonl");
            Files.writeString(half, String.join("\n", rows.subList(0, 6)) + "\n");
            Path all = dir.resolve("all.jsonl");
            Files.writeString(all, String.join("\n", rows) + "\n");

            CommandRun first = CommandRun.of("judges", "accuracy", half, "--judge", "fair", "--judge", "biased",
                    "--config", config, "--output", "json");
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(stub.requests()).isEqualTo(6 * 2 * 2);

            CommandRun run = CommandRun.of("judges", "accuracy", all, "--judge", "fair", "--judge", "biased",
                    "--config", config, "--output", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(stub.requests()).as("only the six new pairs are paid for").isEqualTo(12 * 2 * 2);
            Map<String, JsonNode> byJudge = new HashMap<>();
            run.json().get("accuracy").forEach(r -> byJudge.put(r.get("judge").asText() + "/" + r.get("group").asText(), r));
            assertThat(byJudge.keySet()).containsExactlyInAnyOrder("fair/all", "fair/knowledge", "fair/coding",
                    "biased/all", "biased/knowledge", "biased/coding");
            JsonNode fair = byJudge.get("fair/all");
            assertThat(fair.get("pairs").asLong()).isEqualTo(12);
            assertThat(fair.get("accuracy").asDouble()).isCloseTo(100, within(1e-9));
            assertThat(fair.get("consistent").asLong()).isEqualTo(12);
            assertThat(fair.get("first_position").get("share").asDouble()).isCloseTo(0.5, within(1e-9));
            assertThat(flags(fair)).isEmpty();
            JsonNode biased = byJudge.get("biased/all");
            assertThat(biased.get("accuracy").asDouble()).isCloseTo(100, within(1e-9));
            assertThat(biased.get("consistent").asLong()).isZero();
            assertThat(biased.get("first_position").get("count").asLong()).isEqualTo(12);
            assertThat(biased.get("first_position").get("of").asLong()).isEqualTo(12);
            assertThat(flags(biased)).containsExactly("position-biased");

            CommandRun again = CommandRun.of("judges", "accuracy", all, "--judge", "fair", "--judge", "biased",
                    "--config", config);
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(stub.requests()).as("a second run makes no provider call").isEqualTo(12 * 2 * 2);
            assertThat(again.out()).contains("biased").contains("100.00%").contains("position-biased");

            // The labelled games count on the report card; a file's decisions join them for judges Tribunal knows.
            Path file = dir.resolve("file.jsonl");
            Files.writeString(file, String.join("\n",
                    distinct("p1", "mmlu-pro-math", "A>B", "fair", "\"A>B\"", "\"B>A\""),
                    distinct("p2", "livebench-reasoning", "B>A", "fair", "\"A>B\"", "\"A=B\""),
                    distinct("p3", "livebench-math", "A>B", "fair", "\"A>B\"", "null"),
                    distinct("p4", "livecodebench", "B>A", "fair", "\"B>A\"", "\"B>A\""),
                    distinct("p5", "mmlu-pro-physics", "A>B", "fair", "\"B>A\"", "\"A>B\""),
                    distinct("p6", "mmlu-pro-law", "A>B", "gpt-4o", "\"A=B\"", "\"B>A\"")) + "\n");
            CommandRun stored = CommandRun.of("judges", "accuracy", file, "--store", "--config", config);
            assertThat(stored.exitCode()).as(stored.err()).isZero();
            assertThat(stored.err()).contains("stored 10 new game(s)").contains("gpt-4o");
            CommandRun report = CommandRun.of("judges", "report", "--config", config, "--output", "json");
            assertThat(report.exitCode()).as(report.err()).isZero();
            Map<String, JsonNode> cards = new HashMap<>();
            report.json().get("judges").forEach(c -> cards.put(c.get("name").asText(), c));
            assertThat(cards.keySet()).containsExactlyInAnyOrder("fair", "biased");
            // fair: 12 of 12 asked, 2 of 5 from the file (the hand-computed p1–p5 above)
            assertThat(cards.get("fair").get("labelled_accuracy").get("count").asLong()).isEqualTo(14);
            assertThat(cards.get("fair").get("labelled_accuracy").get("of").asLong()).isEqualTo(17);
            assertThat(cards.get("biased").get("labelled_accuracy").get("share").asDouble()).isEqualTo(1.0);
            assertThat(flags(cards.get("biased"))).contains("position-biased");
            assertThat(flags(cards.get("fair"))).doesNotContain("position-biased");
            // Re-asks: a judge on a model's endpoint never gives a verdict, so each of its games is asked again.
            Files.writeString(config, Files.readString(config).replace("  judges:\n",
                    "  judges:\n    - {name: mumbler, endpoint: strong}\n"));
            CommandRun mumbled = CommandRun.of("judges", "accuracy", half, "--judge", "mumbler", "--config", config);
            assertThat(mumbled.exitCode()).as(mumbled.err()).isZero();
            report = CommandRun.of("judges", "report", "--config", config, "--output", "json");
            cards.clear();
            report.json().get("judges").forEach(c -> cards.put(c.get("name").asText(), c));
            JsonNode reAsked = cards.get("mumbler").get("reliability").get("re_ask_rate");
            assertThat(reAsked.get("count").asLong()).isEqualTo(12);
            assertThat(reAsked.get("of").asLong()).isEqualTo(12);
            JsonNode fairReAsked = cards.get("fair").get("reliability").get("re_ask_rate");
            assertThat(fairReAsked.get("count").asLong()).isZero();
            assertThat(fairReAsked.get("of").asLong()).as("the file's decisions say nothing of re-asks").isEqualTo(24);
            assertThat(fairReAsked.get("upper").asDouble()).isGreaterThan(0);
            CommandRun labelledOnly = CommandRun.of("judges", "report", "--config", config, "--source", "labelled",
                    "--output", "csv");
            assertThat(labelledOnly.exitCode()).as(labelledOnly.err()).isZero();
            assertThat(labelledOnly.out()).contains("labelled_accuracy");

            CommandRun unknown = CommandRun.of("judges", "accuracy", all, "--judge", "nobody", "--config", config);
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("--judge").contains("nobody").contains("llm.judges");
        }
    }

    private static List<String> flags(JsonNode card) {
        List<String> flags = new java.util.ArrayList<>();
        card.get("flags").forEach(f -> flags.add(f.asText()));
        return flags;
    }

    private static String row(String id, String source, String label, String judge, String first, String second) {
        return "{\"pair_id\": \"" + id + "\", \"source\": \"" + source + "\", \"question\": \"q\", \"response_A\": \"a\","
                + " \"response_B\": \"b\", \"label\": \"" + label + "\", \"judge_name\": \"arena_hard\", \"judgments\": ["
                + game(judge, first) + ", " + game(judge, second) + "]}";
    }

    /** As {@link #row}, with a question of its own (so each row is another pair). */
    private static String distinct(String id, String source, String label, String judge, String first, String second) {
        return row(id, source, label, judge, first, second).replace("\"question\": \"q\"", "\"question\": \"q " + id + "\"");
    }

    private static String game(String judge, String decision) {
        return "{\"judgment\": {\"judge_model\": \"" + judge + "\", \"prompt\": \"p\", \"response\": \"r\"},"
                + " \"decision\": " + decision + "}";
    }
}
