package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.imports.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tribunal correlate} on AutoBench's published table, on joined files and on bad input. */
class CorrelateCommandTest {
    private static final Path AUTOBENCH = Path.of("data/autobench/autobench_1_0_table.csv");

    @TempDir
    Path dir;

    /**
     * The AutoBench 1.0 blog (data/autobench/README.md) states Pearson 83.14 % with Chatbot Arena over 20 models,
     * 75.09 % with MMLU and 79.19 % with AAQI over 18 (two models have blanks there).
     */
    @Test
    void reproducesAutoBenchsPublishedCorrelations() {
        assertPearson("cba_score", 20, 0, 0.8314);
        assertPearson("mmlu_score", 18, 2, 0.7509);
        assertPearson("aaqi_score", 18, 2, 0.7919);
    }

    private static void assertPearson(String column, int n, int skipped, double published) {
        CommandRun run = CommandRun.of("correlate", AUTOBENCH, "--x", "ab_score", "--y", column, "--rounds", "200", "--output", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("n").asInt()).isEqualTo(n);
        assertThat(json.get("skipped").asInt()).isEqualTo(skipped);
        double pearson = json.get("pearson").get("value").asDouble();
        assertThat(Math.round(pearson * 1e4) / 1e4).as(column).isCloseTo(published, within(1e-9));
        for (String k : new String[] {"pearson", "spearman", "kendall"}) {
            JsonNode c = json.get(k);
            assertThat(c.get("ci_lower").asDouble()).isLessThan(c.get("value").asDouble());
            assertThat(c.get("ci_upper").asDouble()).isGreaterThan(c.get("value").asDouble()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void tableSaysWhatWasCorrelated() {
        CommandRun run = CommandRun.of("correlate", AUTOBENCH, "--x", "ab_score", "--y", "mmlu_score", "--rounds", "100");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("x = ab_score, y = mmlu_score: 18 models, 2 skipped for a blank")
                .containsPattern("Pearson r\\s+\\|\\s+0\\.7509 \\| \\[0\\.\\d{4}, 0\\.\\d{4}\\]")
                .contains("100 bootstrap rounds over models (seed 42)");
    }

    /** Two files joined through aliases: the same numbers as one file with both columns. */
    @Test
    void twoFilesJoinOnTheModelColumnThroughAliases() throws IOException {
        Path left = Files.writeString(dir.resolve("left.csv"), "model,score\nalpha,1\nbeta,2\ngamma,3\ndelta,4\nomega,9\n");
        Path right = Files.writeString(dir.resolve("right.csv"), "name,elo\nAlpha-v1,1000\nBETA,1200\ngamma,1100\ndelta,1300\nzeta,\n");
        Path aliases = Files.writeString(dir.resolve("aliases.csv"), "alias,model\nalpha-v1,alpha\n");
        Path both = Files.writeString(dir.resolve("both.csv"), "model,score,elo\nalpha,1,1000\nbeta,2,1200\ngamma,3,1100\ndelta,4,1300\n");

        CommandRun joined = CommandRun.of("correlate", left, right, "--x", "score", "--y", "elo", "--aliases", aliases, "--output", "json");
        CommandRun single = CommandRun.of("correlate", both, "--x", "score", "--y", "elo", "--output", "json");

        assertThat(joined.exitCode()).as(joined.err()).isZero();
        assertThat(joined.json().get("n").asInt()).isEqualTo(4);
        assertThat(joined.json().get("unmatched").asInt()).isEqualTo(2);
        assertThat(joined.json().get("pearson")).isEqualTo(single.json().get("pearson"));
        assertThat(joined.json().get("kendall").get("value").asDouble()).isCloseTo(4.0 / 6, within(1e-12));
        CommandRun table = CommandRun.of("correlate", left, right, "--x", "score", "--y", "elo", "--aliases", aliases);
        assertThat(table.out()).contains("note: 2 model(s) in one file only, left out: omega, zeta");
    }

    /** A leaderboard CSV written by {@code tribunal rate} is valid input. */
    @Test
    void readsRatesLeaderboardCsv() throws IOException {
        Path board = dir.resolve("board.csv");
        CommandRun rate = CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--rounds", "0", "--output", "csv", "--out", board);
        assertThat(rate.exitCode()).as(rate.err()).isZero();

        CommandRun run = CommandRun.of("correlate", board, "--x", "rating", "--y", "battles", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("n").asInt()).isEqualTo(5);
    }

    /** A benchmark's CSV holds one board per judge and a pooled one: --where picks one. */
    @Test
    void whereKeepsOneBoardOfSeveral() throws IOException {
        Path bench = Files.writeString(dir.resolve("bench.csv"), """
                judge,model,score,rating
                j1,a,10,900
                j1,b,50,1000
                j1,c,90,1100
                j1+j2,a,20,950
                j1+j2,b,40,1000
                j1+j2,c,95,1120
                j1+j2,d,60,1010
                """);

        CommandRun pooled = CommandRun.of("correlate", bench, "--x", "score", "--y", "rating", "--where", "judge=j1+j2", "--output", "json");

        assertThat(pooled.exitCode()).as(pooled.err()).isZero();
        assertThat(pooled.json().get("n").asInt()).isEqualTo(4);
        assertThat(pooled.json().get("spearman").get("value").asDouble()).isCloseTo(1, within(1e-12));
        CommandRun.of("correlate", bench, "--x", "score", "--y", "rating")
                .assertOneLineError(bench + ":5: model 'a' appears twice (after aliases, ignoring case); for a file of"
                        + " several boards, such as a benchmark's one per judge, pick one with --where COLUMN=VALUE");
        CommandRun.of("correlate", AUTOBENCH, "--x", "ab_score", "--y", "cba_score", "--where", "run=1")
                .assertOneLineError("--where run=…: no file has a column 'run'");
    }

    @Test
    void badInputIsOneLineWithExitCode2() throws IOException {
        Path two = Files.writeString(dir.resolve("two.csv"), "model,a,b\nx,1,2\ny,2,1\nz,,3\n");
        Path text = Files.writeString(dir.resolve("text.csv"), "model,a,b\nx,1,2\ny,high,1\n");
        Path twice = Files.writeString(dir.resolve("twice.csv"), "model,a,b\nx,1,2\nX,2,1\n");
        CommandRun.of("correlate", AUTOBENCH, "--x", "ab_score", "--y", "elo")
                .assertOneLineError("tribunal correlate: " + AUTOBENCH + ": no column 'elo'; its columns: model, ab_score, cba_score, mmlu_score, aaqi_score");
        CommandRun.of("correlate", dir.resolve("none.csv"), "--x", "a", "--y", "b")
                .assertOneLineError("none.csv: no such file");
        CommandRun.of("correlate", two, "--x", "a", "--y", "b")
                .assertOneLineError("only 2 model(s) have both a and b (1 skipped for a blank, 0 in one file only); a correlation needs at least 3");
        CommandRun.of("correlate", text, "--x", "a", "--y", "b")
                .assertOneLineError(text + ":3: column 'a' is not a number: 'high'");
        CommandRun.of("correlate", twice, "--x", "a", "--y", "b").assertOneLineError(twice + ":3: model 'X' appears twice");
        CommandRun.of("correlate", two, "--x", "a").assertOneLineError("Missing required option: '--y=COLUMN'");
        CommandRun.of("correlate", two, "--x", "a", "--y", "b", "--output", "csv")
                .assertOneLineError("expected table or json, not 'csv'");
        CommandRun.of("correlate", two, "--x", "a", "--y", "b", "--rounds", "-1")
                .assertOneLineError("--rounds must be >= 0: -1");
        CommandRun.of("correlate", two, "--x", "a", "--y", "b", "--aliases", dir.resolve("no-aliases.csv"))
                .assertOneLineError("no such file");
    }

}
