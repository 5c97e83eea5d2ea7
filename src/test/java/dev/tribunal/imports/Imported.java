package dev.tribunal.imports;

import dev.tribunal.rating.Battle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one import gave, kept in a list for the tests to look at. */
record Imported(List<Battle> battles, ImportCounts counts) {

    static Imported read(ImportSettings settings, BattleFormat format, Path... paths) {
        List<Battle> battles = new ArrayList<>();
        ImportCounts counts = new BattleImporter(settings).read(List.of(paths), format, battles::add);
        return new Imported(battles, counts);
    }

    static Imported read(Path... paths) {
        return read(ImportSettings.defaults(), null, paths);
    }

    /** Writes {@code lines} to {@code name} in {@code directory}. */
    static Path write(Path directory, String name, String... lines) {
        try {
            return Files.write(directory.resolve(name), List.of(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The weighted share of battles won by {@code model} (ties ½), in percent. */
    double winRatePercent(String model) {
        double won = 0;
        double total = 0;
        for (Battle battle : battles) {
            if (battle.a().equals(model)) won += battle.weight() * battle.outcome();
            else if (battle.b().equals(model)) won += battle.weight() * (1 - battle.outcome());
            else continue;
            total += battle.weight();
        }
        return 100 * won / total;
    }
}
