package dev.tribunal.cli;

import dev.tribunal.bench.SyntheticBattles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tribunal generate-battles} (hidden): battles from known ratings, for scripts/bench-rating. */
@Command(name = "generate-battles", hidden = true, mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        description = "Writes battles drawn from a known Bradley-Terry model (JSON lines) and the true ratings (CSV).")
public final class GenerateBattlesCommand implements Callable<Integer> {

    @Option(names = "--contestants", defaultValue = "100", description = "number of contestants (default 100)")
    int contestants;

    @Option(names = "--battles", defaultValue = "1000000", description = "number of battles (default 1,000,000)")
    long battles;

    @Option(names = "--spread", defaultValue = "150", description = "standard deviation of the true ratings (default 150)")
    double spread;

    @Option(names = "--tie-share", defaultValue = "0.2", description = "share of the closer side's chance that becomes a tie (default 0.2)")
    double tieShare;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default 1)")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where the battles go")
    Path out;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "where the true ratings go")
    Path truth;

    @Override
    public Integer call() throws IOException {
        SyntheticBattles synthetic;
        try {
            synthetic = new SyntheticBattles(contestants, battles, spread, tieShare, seed);
        } catch (IllegalArgumentException e) {
            System.err.println("tribunal generate-battles: " + e.getMessage());
            return 2;
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            synthetic.writeBattles(writer);
        }
        try (Writer writer = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            synthetic.writeTruth(writer);
        }
        return 0;
    }
}
