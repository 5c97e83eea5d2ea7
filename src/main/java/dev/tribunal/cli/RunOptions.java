package dev.tribunal.cli;

import dev.tribunal.bench.baseline.RunListener;
import dev.tribunal.imports.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What every {@code tribunal benchmark} run takes besides its own parameters: output, lease, progress bar. */
final class RunOptions {

    @Option(names = "--output", paramLabel = "table|csv|json", converter = RateCommand.OutputConverter.class,
            defaultValue = "table", description = "table (default), csv or json")
    LeaderboardOutput output;

    @Option(names = "--out", paramLabel = "FILE", description = "write the boards to FILE instead of stdout")
    Path out;

    @Option(names = "--lease", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long a unit of work stays reserved for a process that stopped renewing it"
                    + " (default 60): a killed run's units are taken up again after this")
    long leaseSeconds;

    @Option(names = "--no-progress", description = "no progress bar on stderr")
    boolean noProgress;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "100", description = "bootstrap rounds (default 100)")
    int rounds;

    /** @throws BadInputException when {@code --rounds} is negative */
    int rounds() {
        if (rounds < 0) throw new BadInputException("--rounds must be >= 0: " + rounds);
        return rounds;
    }

    /** @throws BadInputException when {@code --lease} is not positive */
    Duration lease() {
        if (leaseSeconds <= 0) throw new BadInputException("--lease must be > 0: " + leaseSeconds);
        return Duration.ofSeconds(leaseSeconds);
    }

    /** The terminal's progress bar, or nothing with {@code --no-progress}. */
    RunListener listener(TerminalProgress progress) {
        return noProgress ? RunListener.NONE : progress;
    }

    /** Writes the boards in the chosen format to {@code --out}, or to the command's standard output. */
    void write(CommandSpec spec, BiConsumer<LeaderboardOutput, PrintWriter> boards) {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            boards.accept(output, stdout);
            stdout.flush();
            return;
        }
        try (PrintWriter file = OutputFile.open(out)) {
            boards.accept(output, file);
        }
    }

    /** Lists the units that failed for good; returns the exit code: 1 when any did, else 0. */
    static int failures(PrintWriter err, List<String> messages) {
        if (messages.isEmpty()) return 0;
        err.println(messages.size() + " unit(s) failed for good (run the command again to retry them):");
        messages.forEach(m -> err.println("  " + m));
        return 1;
    }
}
