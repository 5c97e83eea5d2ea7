package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11's corners as {@code tribunal rate} prints them. */
class RateCommandCornersTest {

    @TempDir
    Path dir;

    /** The table padded names by characters, so wide (CJK, emoji) names pushed their columns to the right. */
    @Test
    void tableColumnsLineUpWithWideNames() throws IOException {
        Path file = Files.writeString(dir.resolve("wide.csv"), """
                model_a,model_b,winner
                模型甲,plain,model_a
                plain,🤖bot,model_b
                🤖bot,模型甲,tie
                模型甲,plain,model_b
                plain,🤖bot,model_a
                """);

        CommandRun run = CommandRun.of("rate", file, "--rounds", "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().takeWhile(line -> !line.isEmpty()).toList();
        assertThat(lines).hasSize(5);
        int header = displayColumnOfBar(lines.getFirst());
        for (String line : lines.subList(2, 5)) {
            assertThat(displayColumnOfBar(line)).as(line).isEqualTo(header);
        }
    }

    /** A contestant never connected to the baseline had a score of 50.00 with an interval. */
    @Test
    void noScoreForContestantsNeverConnectedToTheBaseline() throws IOException {
        Path file = Files.writeString(dir.resolve("apart.csv"), """
                model_a,model_b,winner
                A,B,model_a
                A,B,model_b
                A,B,model_a
                C,D,model_a
                C,D,model_b
                """);

        CommandRun json = CommandRun.of("rate", file, "--baseline", "A", "--rounds", "20", "--output", "json");
        CommandRun table = CommandRun.of("rate", file, "--baseline", "A", "--rounds", "20");

        Map<String, JsonNode> rows = json.jsonRows();
        assertThat(rows.get("B").get("score").isNumber()).isTrue();
        assertThat(rows.get("C").get("score").isNull()).isTrue();
        assertThat(rows.get("C").get("score_lower").isNull()).isTrue();
        assertThat(table.out().lines().filter(line -> line.startsWith("C ")).findFirst().orElseThrow())
                .doesNotContain("50.00").contains("—");
        assertThat(table.out()).contains("no score against A");
    }

    /** Battles that share a question were resampled one by one, as if independent. */
    @Test
    void clusterByQuestionResamplesQuestions() throws IOException {
        StringBuilder csv = new StringBuilder("model_a,model_b,winner,question_id\n");
        String[] winners = {"model_a", "model_b", "model_a", "model_a", "tie", "model_b", "model_a", "model_a"};
        for (int q = 0; q < 40; q++) {
            for (int copy = 0; copy < 5; copy++) {   // five judges' identical verdicts on one question
                csv.append(q % 2 == 0 ? "X,Y," : "Y,Z,").append(winners[q % winners.length]).append(",q").append(q).append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("questions.csv"), csv);

        CommandRun battles = CommandRun.of("rate", file, "--rounds", "200", "--output", "json");
        CommandRun questions = CommandRun.of("rate", file, "--rounds", "200", "--output", "json", "--cluster-by", "question");

        assertThat(questions.exitCode()).as(questions.err()).isZero();
        JsonNode one = battles.jsonRows().get("X");
        JsonNode clustered = questions.jsonRows().get("X");
        double width = one.get("rating_upper").asDouble() - one.get("rating_lower").asDouble();
        double clusteredWidth = clustered.get("rating_upper").asDouble() - clustered.get("rating_lower").asDouble();
        assertThat(clusteredWidth).isGreaterThan(1.5 * width);
        assertThat(questions.json().get("notes").toString()).contains("resampled the 40 questions");
        assertThat(CommandRun.of("rate", file, "--cluster-by", "prompt").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("rate", file, "--cluster-by", "question", "--method", "elo").err())
                .contains("--cluster-by needs --method bt");
    }

    @Test
    void sandwichIntervalsNeedNoRounds() {
        CommandRun run = CommandRun.of("rate", dev.tribunal.imports.Fixtures.ARENA_HARD_BATTLES, "--baseline",
                "claude-3-haiku-20240307", "--intervals", "sandwich");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sandwich intervals").doesNotContain("bootstrap rounds");
        assertThat(CommandRun.of("rate", dev.tribunal.imports.Fixtures.ARENA_HARD_BATTLES, "--intervals", "sandwich",
                "--method", "elo").err()).contains("--intervals sandwich needs --method bt");
        assertThat(CommandRun.of("rate", dev.tribunal.imports.Fixtures.ARENA_HARD_BATTLES, "--intervals", "exact")
                .exitCode()).isEqualTo(2);
    }

    /** Running out of heap printed a stack trace. */
    @Test
    void runningOutOfHeapPrintsOneLineAndExitsWithOne() throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("small.csv"), "model_a,model_b,winner\nA,B,model_a\nB,A,model_a\nA,C,tie\nC,B,model_b\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        // 5,000,000 rounds keep far more than 48 MB of bootstrap values
        Process process = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                "dev.tribunal.cli.Main", "rate", file.toString(), "--rounds", "5000000", "--threads", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(err).isEqualTo(1);
        assertThat(err.lines().toList()).singleElement().asString()
                .startsWith("tribunal rate: out of memory while bootstrapping (5000000 rounds of 3 contestants)")
                .containsPattern("heap limit is [0-9]+m; run again with more, e.g. java -Xmx[0-9]+m -jar");
    }

    /** Display columns before the first '|': CJK ideographs and emoji take two. */
    private static int displayColumnOfBar(String line) {
        int column = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (cp == '|') return column;
            column += cp >= 0x2E80 ? 2 : 1;
            i += Character.charCount(cp);
        }
        return -1;
    }
}
