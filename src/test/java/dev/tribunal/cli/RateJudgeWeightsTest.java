package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tribunal rate --judge-weights} on the bundled PRD reviews and on battle rows that name their judge. */
class RateJudgeWeightsTest {
    private static final Path PRD = Path.of("data/demo/prd-vicuna80");

    @TempDir
    Path dir;

    /**
     * PRD's published reviewer weights (bcdnlp/PRD peer_ranking.ipynb, see rating/PrdPeerRankTest); bard's weight is
     * 0, so its 1,600 reviews leave the Bradley–Terry fit, and the other verdicts count k·w_j each.
     */
    @Test
    void peerRankOnPrdPrintsThePublishedWeights() {
        CommandRun run = CommandRun.of("rate", "--format", "prd", PRD, "--judge-weights", "peer-rank", "--rounds", "0",
                "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("judge_weight_rule").asText()).isEqualTo("peer-rank");
        assertThat(json.get("judge_weight_iterations").asInt()).isEqualTo(5);
        JsonNode weights = json.get("judge_weights");
        assertThat(weights.get("gpt4").asDouble()).isCloseTo(0.488444868709263, within(1e-12));
        assertThat(weights.get("claude").asDouble()).isCloseTo(0.37666039059112444, within(1e-12));
        assertThat(weights.get("vicuna-13b").asDouble()).isCloseTo(0.08181330959511306, within(1e-12));
        assertThat(weights.get("gpt35").asDouble()).isCloseTo(0.05308143110449947, within(1e-12));
        assertThat(weights.get("bard").asDouble()).isZero();
        Map<String, JsonNode> rows = run.jsonRows();
        assertThat(rows.keySet()).containsExactly("gpt4", "claude", "vicuna-13b", "gpt35", "bard");
        // each judge reviewed 1,600 battles: the kept ones weigh 5 · (1 − 0) · 1,600 = 8,000 in all
        assertThat(json.get("total_battles").asDouble()).isCloseTo(8000, within(1e-9));
        assertThat(json.get("notes").toString()).contains("left out 1600 battle(s) judged by bard, whose peer-rank weight is 0")
                .contains("left out 7040 human vote(s)");
        // the weights have settled by the fifth iteration: the notebook's win rates (fourth iteration's weights)
        assertThat(rows.get("gpt4").get("weighted_win_rate").asDouble()).isCloseTo(0.8020248859751706, within(1e-4));
        assertThat(rows.get("bard").get("weighted_win_rate").asDouble()).isCloseTo(0.2905839772247015, within(1e-4));
    }

    /** Equal weights: the notebook's unweighted win rates, and the same board as without --judge-weights. */
    @Test
    void equalWeightsChangeNothingButPrintTheWinRates() {
        CommandRun weighted = CommandRun.of("rate", "--format", "prd", PRD, "--judge-weights", "equal", "--rounds", "0", "--output", "json");
        CommandRun plain = CommandRun.of("rate", "--format", "prd", PRD, "--rounds", "0", "--output", "json");

        assertThat(weighted.exitCode()).as(weighted.err()).isZero();
        Map<String, JsonNode> rows = weighted.jsonRows();
        assertThat(rows.get("gpt4").get("weighted_win_rate").asDouble()).isCloseTo(0.74984375, within(1e-12));
        assertThat(rows.get("claude").get("weighted_win_rate").asDouble()).isCloseTo(0.66171875, within(1e-12));
        assertThat(rows.get("vicuna-13b").get("weighted_win_rate").asDouble()).isCloseTo(0.3934375, within(1e-12));
        assertThat(rows.get("gpt35").get("weighted_win_rate").asDouble()).isCloseTo(0.37546875, within(1e-12));
        assertThat(rows.get("bard").get("weighted_win_rate").asDouble()).isCloseTo(0.31953125, within(1e-12));
        weighted.json().get("judge_weights").forEach(w -> assertThat(w.asDouble()).isCloseTo(0.2, within(1e-15)));
        plain.jsonRows().forEach((model, row) ->
                assertThat(rows.get(model).get("rating").asDouble()).as(model).isCloseTo(row.get("rating").asDouble(), within(1e-9)));
        assertThat(plain.json().get("total_battles").asDouble()).isEqualTo(8000);
    }

    @Test
    void tableAndCsvShowWinRatesAndWeights() throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.csv"), """
                model_a,model_b,winner,judge
                a,b,model_a,a
                a,b,model_a,b
                a,c,model_a,c
                b,c,tie,c
                b,c,model_a,a
                """);
        CommandRun table = CommandRun.of("rate", rows, "--judge-weights", "autobench", "--rounds", "0");
        CommandRun csv = CommandRun.of("rate", rows, "--judge-weights", "autobench", "--rounds", "0", "--output", "csv");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).endsWith("| battles | win rate");
        assertThat(table.out()).containsPattern("judge weights \\(autobench, 5 iterations\\): a 0\\.\\d{4} b 0\\.\\d{4} c 0\\.\\d{4}");
        Map<String, CSVRecord> records = csv.csvRows();
        assertThat(records.get("a").get("weighted_win_rate")).isNotBlank();
        double sum = records.values().stream().mapToDouble(r -> Double.parseDouble(r.get("judge_weight"))).sum();
        assertThat(sum).isCloseTo(1, within(1e-5));
    }

    @Test
    void judgesOutsideThePoolCanBeWeightedEquallyOnly() throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.jsonl"), """
                {"model_a": "x", "model_b": "y", "winner": "model_a", "judge": "gpt-4"}
                {"model_a": "x", "model_b": "y", "winner": "model_b", "judge": "claude"}
                {"model_a": "y", "model_b": "z", "winner": "model_a", "judge": "claude"}
                """);
        CommandRun equal = CommandRun.of("rate", rows, "--judge-weights", "equal", "--rounds", "0", "--output", "json");
        assertThat(equal.exitCode()).as(equal.err()).isZero();
        assertThat(equal.json().get("judge_weights").get("gpt-4").asDouble()).isEqualTo(0.5);
        assertThat(equal.jsonRows().get("y").get("weighted_win_rate").asDouble()).isCloseTo(2.0 / 3, within(1e-12));

        CommandRun.of("rate", rows, "--judge-weights", "peer-rank")
                .assertOneLineError("tribunal rate: --judge-weights peer-rank: judge claude is not also a contestant");
    }

    @Test
    void badInputIsOneLine() throws IOException {
        Path unjudged = Files.writeString(dir.resolve("rows.csv"), "model_a,model_b,winner,judge\na,b,model_a,a\na,b,model_b,\n");
        CommandRun.of("rate", unjudged, "--judge-weights", "equal")
                .assertOneLineError("--judge-weights needs each battle's judge: 1 of 2 battle(s) name none");
        CommandRun.of("rate", unjudged, "--judge-weights", "peer")
                .assertOneLineError("expected equal, autobench or peer-rank, not 'peer'");
        CommandRun.of("rate", unjudged, "--judge-weights", "equal", "--cluster-by", "question")
                .assertOneLineError("--judge-weights reads each battle's judge as its voter");
        CommandRun.of("rate", "--format", "prd", unjudged)
                .assertOneLineError("--format prd reads a PRD Vicuna-80 directory");
        CommandRun.of("rate", "--format", "prd", dir).assertOneLineError("is " + dir + " a PRD Vicuna-80 directory?");
    }

}
