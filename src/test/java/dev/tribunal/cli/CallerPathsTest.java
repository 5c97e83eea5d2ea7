package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.imports.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 12, item 8: `scripts/run rate FILE` changed to the repository's folder first, so a path relative to where the
 * user stood was not found. scripts/run now passes that folder (the system property tribunal.caller.dir) and the
 * paths the user typed are resolved against it. These tests run the command line in-process with that folder; the
 * script's own line that passes it is not run here (it would build the jar).
 */
class CallerPathsTest {

    @TempDir
    Path caller;

    @Test
    void relativeInputAndOutputPathsAreTheCallersOnes() throws IOException {
        Files.copy(Fixtures.ARENA_HARD_BATTLES, caller.resolve("battles.jsonl"));
        Files.createDirectories(caller.resolve("results"));
        assertThat(Path.of("battles.jsonl")).as("not in the working directory").doesNotExist();

        CommandRun run = CommandRun.in(caller, "rate", "battles.jsonl", "--baseline", RateCommandTest.HAIKU,
                "--rounds", "5", "--output", "csv", "--out=results/board.csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(caller.resolve("results/board.csv"))).contains(RateCommandTest.SONNET);
        assertThat(Path.of("results/board.csv")).doesNotExist();
    }

    @Test
    void absolutePathsAndDefaultsAreLeftAlone() {
        Path absolute = caller.resolve("a.jsonl").toAbsolutePath();
        CommandLine line = Main.commandLine(caller);
        CommandLine.ParseResult parsed = line.parseArgs("rate", "x/b.jsonl", absolute.toString(), "--style-file", "s.jsonl");
        CallerPaths.resolve(parsed, caller);
        RateCommand rate = parsed.subcommand().commandSpec().commandLine().getCommand();
        assertThat(rate.inputs).containsExactly(caller.resolve("x/b.jsonl"), absolute);
        assertThat(rate.styleFiles).containsExactly(caller.resolve("s.jsonl"));
        assertThat(rate.out).isNull();

        CommandLine.ParseResult list = Main.commandLine(caller).parseArgs("questions", "list");
        CallerPaths.resolve(list, caller);
        QuestionsCommand.ListSets sets = list.subcommand().subcommand().commandSpec().commandLine().getCommand();
        assertThat(sets.data).as("a default is the repository's, not the caller's").isEqualTo(Path.of("data"));

        CommandLine.ParseResult unchanged = Main.commandLine(null).parseArgs("rate", "x/b.jsonl");
        CallerPaths.resolve(unchanged, null);
        assertThat(((RateCommand) unchanged.subcommand().commandSpec().commandLine().getCommand()).inputs)
                .containsExactly(Path.of("x/b.jsonl"));
    }

    @Test
    void anOutputFolderThatDoesNotExistIsSaidInOneLine() throws IOException {
        Files.copy(Fixtures.ARENA_HARD_BATTLES, caller.resolve("battles.jsonl"));
        CommandRun run = CommandRun.in(caller, "rate", "battles.jsonl", "--baseline", RateCommandTest.HAIKU,
                "--rounds", "5", "--out", "missing/board.csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("tribunal rate: cannot write " + caller.resolve("missing/board.csv")
                + ": the folder " + caller.resolve("missing") + " does not exist");
        assertThat(List.of(run.err().strip().split("\n"))).hasSize(1);
    }
}
