package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.imports.Fixtures;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through {@code tribunal rate}, against the published numbers of REFERENCE.md. */
class RateCommandTest {
    static final String HAIKU = "claude-3-haiku-20240307";
    static final String SONNET = "claude-3-5-sonnet-20240620";
    static final String OPUS = "claude-3-opus-20240229";

    @TempDir
    Path dir;

    /** REFERENCE.md §2: the baseline anchored at 1000; score = the weighted win rate. */
    @Test
    void arenaHardBattlesAgainstTheBaseline() {
        CommandRun run = CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--baseline", HAIKU, "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> rows = run.jsonRows();
        assertThat(rows.keySet()).containsExactly(SONNET, "gpt-4o", "gpt-4o-mini", OPUS, HAIKU);
        assertRating(rows, SONNET, 1357.848881, 88.694853);
        assertRating(rows, "gpt-4o", 1327.528887, 86.823105);
        assertRating(rows, "gpt-4o-mini", 1241.446270, 80.057252);
        assertRating(rows, OPUS, 1199.981632, 75.972763);
        assertThat(rows.get(HAIKU).get("rating").asDouble()).isEqualTo(1000);
        assertThat(run.json().get("total_battles").asDouble()).isEqualTo(2136);
        assertThat(run.json().get("options").get("baseline").asText()).isEqualTo(HAIKU);
        assertThat(run.json().get("options").get("anchor_rating").asDouble()).isEqualTo(1000);
        // 100 rounds: within about 1 point of Arena-Hard's own bootstrap interval
        assertThat(rows.get(SONNET).get("score_lower").asDouble()).isCloseTo(85.93, within(1.0));
        assertThat(rows.get(SONNET).get("score_upper").asDouble()).isCloseTo(91.13, within(1.0));
    }

    private static void assertRating(Map<String, JsonNode> rows, String model, double rating, double score) {
        assertThat(rows.get(model).get("rating").asDouble()).as(model).isCloseTo(rating, within(1e-3));
        assertThat(rows.get(model).get("score").asDouble()).as(model).isCloseTo(score, within(1e-4));
        assertThat(rows.get(model).get("observed_win_rate").asDouble()).as(model).isCloseTo(score, within(1e-6));
    }

    /** REFERENCE.md §2: Bradley–Terry with no anchor (mean 1000) and online Elo, K = 4, in file order. */
    @Test
    void unanchoredBradleyTerryAndOnlineElo() {
        Map<String, JsonNode> bt = CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--output", "json").jsonRows();
        Map<String, JsonNode> elo = CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--method", "elo", "--elo-k", "4",
                "--rounds", "20", "--output", "json").jsonRows();

        Map<String, double[]> expected = Map.of(
                SONNET, new double[] {1132.487747, 1195.701903},
                "gpt-4o", new double[] {1102.167753, 1084.830814},
                "gpt-4o-mini", new double[] {1016.085136, 1011.418336},
                OPUS, new double[] {974.620498, 1025.832262},
                HAIKU, new double[] {774.638866, 682.216685});
        expected.forEach((model, ratings) -> {
            assertThat(bt.get(model).get("rating").asDouble()).as(model).isCloseTo(ratings[0], within(1e-3));
            assertThat(bt.get(model).get("score").isNull()).isTrue();
            assertThat(elo.get(model).get("rating").asDouble()).as(model).isCloseTo(ratings[1], within(1e-3));
        });
    }

    @Test
    void tableLooksLikeArenaHardsAndCarriesTheNotes() {
        CommandRun run = CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--baseline", HAIKU, "--rounds", "10");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("model +\\| +score \\| 95% CI +\\| +rating \\| rank \\| battles");
        assertThat(lines.get(2)).matches(SONNET + " +\\|  88\\.69 \\| \\(-\\d+\\.\\d\\d, \\+\\d+\\.\\d\\d\\) +\\|  1357\\.85 \\| +1 \\| +544");
        assertThat(lines.get(6)).startsWith(HAIKU).contains("|  50.00 | (-0.00, +0.00)", "|  1000.00 |");
        assertThat(run.out()).contains("Bradley-Terry, " + HAIKU + " = 1000, 10 bootstrap rounds (seed 42), 2136 battles");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void csvKeepsArenaHardsColumnsAndSendsNotesToStderr() throws IOException {
        Path bad = Files.writeString(dir.resolve("rows.jsonl"), Files.readString(Fixtures.ARENA_HARD_BATTLES) + "{oops\n");
        Path out = dir.resolve("board.csv");

        CommandRun run = CommandRun.of("rate", bad, "--baseline", HAIKU, "--output", "csv", "--out", out, "--skip-bad");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        List<String> csv = Files.readAllLines(out);
        assertThat(csv.get(0)).isEqualTo("model,score,rating_q025,rating_q975,CI,rating,rank,battles");
        assertThat(csv.get(1)).startsWith(SONNET + ",88.69,").contains(",1357.8488", ",1,544");
        assertThat(csv.get(5)).isEqualTo(HAIKU + ",50.0,50.0,50.0,\"(-0.00, +0.00)\",1000.000000,5,2136");
        assertThat(run.err()).isEqualTo("note: skipped 1 malformed record(s); the first: " + bad
                + ":2137: malformed JSON: Unexpected character ('o' (code 111)): was expecting double-quote to start field name"
                + System.lineSeparator());
    }

    /** REFERENCE.md §4: each model's score against claude-3.7-sonnet equals the published one to 0.01. */
    @Test
    void koArenaHardJudgmentsGiveThePublishedScores() throws IOException {
        CommandRun run = CommandRun.of("rate", Fixtures.KO_ARENA_HARD_JUDGMENTS, "--baseline", "claude-3.7-sonnet",
                "--output", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, CSVRecord> ours = run.csvRows();
        List<CSVRecord> published = readCsv(Fixtures.KO_ARENA_HARD_PUBLISHED);
        assertThat(ours.keySet()).containsExactlyElementsOf(published.stream().map(row -> row.get("model")).toList());
        for (CSVRecord row : published) {
            assertThat(Double.parseDouble(ours.get(row.get("model")).get("score"))).as(row.get("model"))
                    .isCloseTo(Double.parseDouble(row.get("score")), within(0.01 + 1e-9));
        }
    }

    /** REFERENCE.md §5: AlpacaEval's win rate, mean of (preference − 1) × 100, is the observed win rate. */
    @Test
    void alpacaEvalAnnotationsGiveThePublishedWinRates() throws IOException {
        CommandRun run = CommandRun.of("rate", Fixtures.ALPACA_EVAL_ANNOTATIONS, "--baseline", "gpt4_1106_preview",
                "--output", "json", "--rounds", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> rows = run.jsonRows();
        List<CSVRecord> published = readCsv(Fixtures.ALPACA_EVAL_PUBLISHED);
        assertThat(published).hasSize(3);
        for (CSVRecord row : published) {
            JsonNode ours = rows.get(row.get("model"));
            assertThat(ours.get("observed_win_rate").asDouble()).as(row.get("model"))
                    .isCloseTo(Double.parseDouble(row.get("win_rate")), within(1e-9));
            assertThat(ours.get("battles").asDouble()).isEqualTo(Double.parseDouble(row.get("n_total")));
        }
    }

    /** REFERENCE.md §6: the LLMFAO crowd CSV rated by Bradley–Terry gives evalica's strengths (sum 1). */
    @Test
    void llmfaoCrowdCsvIsReadAndRated() throws IOException {
        CommandRun run = CommandRun.of("rate", Fixtures.LLMFAO_CROWD, "--rounds", "0", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> rows = run.jsonRows();
        Map<String, Double> golden = new HashMap<>();
        for (CSVRecord row : readCsv(Fixtures.path("llmfao/evalica_llmfao-golden.csv"))) {
            if (row.get("algorithm").equals("bradley_terry")) golden.put(row.get("item"), Double.parseDouble(row.get("score")));
        }
        assertThat(rows).hasSize(59);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(golden.keySet());
        double sum = rows.values().stream().mapToDouble(row -> Math.pow(10, row.get("rating").asDouble() / 400)).sum();
        rows.forEach((model, row) -> assertThat(Math.pow(10, row.get("rating").asDouble() / 400) / sum).as(model)
                .isCloseTo(golden.get(model), within(1e-9)));
    }

    /** REFERENCE.md §3: style control with the synthetic features, written on the rows as style_a / style_b. */
    @Test
    void styleControlReadsStylesFromTheRows() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.ARENA_HARD_BATTLES);
        StringBuilder styled = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            styled.append(line, 0, line.length() - 1)
                    .append(String.format(", \"style_a\": {\"tokens\": %d, \"headers\": %d, \"list_items\": %d, \"bold\": %d}",
                            100 + 37 * i % 500, i % 3, 11 * i % 9, 17 * i % 4))
                    .append(String.format(", \"style_b\": {\"tokens\": %d, \"headers\": %d, \"list_items\": %d, \"bold\": %d}}%n",
                            100 + 53 * i % 700, 7 * i % 5, 13 * i % 10, 19 * i % 6));
        }
        Path file = Files.writeString(dir.resolve("styled.jsonl"), styled);

        CommandRun run = CommandRun.of("rate", file, "--style-control", "--baseline", HAIKU, "--anchor", HAIKU + "=1114",
                "--rounds", "0", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> rows = run.jsonRows();
        assertThat(rows.get(SONNET).get("rating").asDouble()).isCloseTo(1473.052641, within(1e-3));
        assertThat(rows.get("gpt-4o").get("rating").asDouble()).isCloseTo(1442.764140, within(1e-3));
        assertThat(rows.get("gpt-4o-mini").get("rating").asDouble()).isCloseTo(1356.706025, within(1e-3));
        assertThat(rows.get(OPUS).get("rating").asDouble()).isCloseTo(1314.772123, within(1e-3));
        JsonNode style = run.json().get("style");
        assertThat(style.get("tokens").asDouble()).isCloseTo(0.135676, within(1e-5));
        assertThat(style.get("headers").asDouble()).isCloseTo(-0.014501, within(1e-5));
        assertThat(style.get("list_items").asDouble()).isCloseTo(-0.038240, within(1e-5));
        assertThat(style.get("bold").asDouble()).isCloseTo(0.018747, within(1e-5));
    }

    @Test
    void categoryAndTimings() throws IOException {
        Path file = Files.writeString(dir.resolve("rows.jsonl"), """
                {"model_a": "x", "model_b": "y", "winner": "model_a", "category": "math"}
                {"model_a": "x", "model_b": "y", "winner": "tie", "category": "math"}
                {"model_a": "x", "model_b": "z", "winner": "model_b", "category": "coding"}
                """);

        CommandRun run = CommandRun.of("rate", file, "--category", "math", "--output", "json", "--timings", "--rounds", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonRows().keySet()).containsExactlyInAnyOrder("x", "y");
        assertThat(run.json().get("notes").toString()).contains("left out 1 battle(s) of other categories");
        assertThat(run.err()).containsPattern("timings: load \\d+\\.\\d{3} s, aggregate \\d+\\.\\d{3} s, fit \\d+\\.\\d{3} s,"
                + " bootstrap \\d+\\.\\d{3} s, total \\d+\\.\\d{3} s \\(2 battles, 2 cells, 2 contestants, 5 rounds, \\d+ threads\\)");
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
