package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void helpExitsZero() {
        assertThat(Main.commandLine().execute("--help")).isZero();
    }

    @Test
    void everyCommandsHelpPrintsWithoutPicocliWarnings() {
        // a lone % in a description makes picocli print "[picocli WARN] Could not format …" above the help
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<CommandLine> commands = new ArrayList<>();
        collect(Main.commandLine(), commands);
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (CommandLine command : commands) command.getUsageMessage();
        } finally {
            System.setErr(err);
        }
        assertThat(commands).hasSizeGreaterThan(Main.SUBCOMMANDS.size());
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void aCommandLineThatNamesASubcommandGetsOnlyThatOne() {
        CommandLine rate = Main.commandLine(null, "rate");
        assertThat(rate.getSubcommands()).containsOnlyKeys("rate");
        assertThat(Main.commandLine(null, "--help").getSubcommands()).hasSize(Main.SUBCOMMANDS.size() + 1);
        assertThat(Main.commandLine(null, "no-such-command").getSubcommands()).containsKey("help");
        // and it runs as with all of them: an unknown option is one line and exit code 2
        assertThat(rate.execute("rate", "--no-such-option")).isEqualTo(2);
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        for (CommandLine sub : command.getSubcommands().values()) collect(sub, into);
    }
}
