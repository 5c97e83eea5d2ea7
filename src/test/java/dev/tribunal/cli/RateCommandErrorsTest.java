package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.imports.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: exit code 2 and one line on stderr saying what is wrong, never a stack trace. */
class RateCommandErrorsTest {
    private static final String ROW = "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\"}\n";

    @TempDir
    Path dir;

    private static void assertOneLineError(CommandRun run, String expected) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().contains(expected).doesNotContain("Exception");
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("rows.jsonl"), ROW + ROW + "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"left-ish\"}\n");

        assertOneLineError(CommandRun.of("rate", file), "tribunal rate: " + file + ":3: unknown winner \"left-ish\"");
    }

    @Test
    void skipBadCountsTheBadLinesAndRatesTheRest() throws IOException {
        Path file = Files.writeString(dir.resolve("rows.jsonl"), ROW + "not json\n" + ROW + "{}\n");

        CommandRun run = CommandRun.of("rate", file, "--skip-bad", "--rounds", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("note: skipped 2 malformed record(s); the first: " + file + ":2: malformed JSON");
    }

    @Test
    void anUnknownBaselineListsTheContestants() {
        assertOneLineError(CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--baseline", "gpt-5"),
                "tribunal rate: --baseline gpt-5 is not among the contestants: claude-3-5-sonnet-20240620,"
                        + " claude-3-haiku-20240307, claude-3-opus-20240229, gpt-4o, gpt-4o-mini");
    }

    @Test
    void anUnknownAnchorListsTheContestants() {
        assertOneLineError(CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--anchor", "gpt-5=1200"),
                "--anchor gpt-5 is not among the contestants: claude-3-5-sonnet-20240620,");
    }

    @Test
    void judgmentsWithoutBaselineSaySo() {
        assertOneLineError(CommandRun.of("rate", Fixtures.KO_ARENA_HARD_JUDGMENTS),
                "Arena-Hard judgments need --baseline, the model that is A in game 1");
    }

    @Test
    void usageErrorsAreOneLine() {
        assertOneLineError(CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--sed", "1"),
                "tribunal rate: Unknown option: '--sed' (did you mean --seed?); see 'tribunal rate --help'");
        assertOneLineError(CommandRun.of("rate"), "tribunal rate: Missing required parameter: 'FILE|DIR'");
        assertOneLineError(CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--method", "glicko"), "expected bt or elo, not 'glicko'");
        assertOneLineError(CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--anchor", "x"), "expected NAME=RATING, not 'x'");
        assertOneLineError(CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--output", "xml"), "expected table, csv or json, not 'xml'");
        assertOneLineError(CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--format", "xml"), "expected auto, arena-hard, battles");
        assertOneLineError(CommandRun.of("rate", Fixtures.ARENA_HARD_BATTLES, "--rounds", "many"), "Invalid value for option '--rounds'");
    }

    @Test
    void inputErrorsAreOneLine() throws IOException {
        assertOneLineError(CommandRun.of("rate", dir.resolve("missing.jsonl")), "missing.jsonl: no such file or directory");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "model_a,model_b,winner\n");
        assertOneLineError(CommandRun.of("rate", empty), "tribunal rate: no battles in 0 record(s) of 1 file(s)");
        Path plain = Files.writeString(dir.resolve("rows.jsonl"), ROW);
        assertOneLineError(CommandRun.of("rate", plain, "--style-control"), "--style-control needs answer styles: none of the 1 battles has them");
        assertOneLineError(CommandRun.of("rate", plain, "--strong-weight", "0"), "--strong-weight must be a positive number");
        assertOneLineError(CommandRun.of("rate", plain, "--rounds", "-1"), "--rounds must be >= 0");
    }
}
