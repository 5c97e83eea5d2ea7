package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tribunal.rating.Battle;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpacaEvalReaderTest {
    static final String ALPACA_BASELINE = "gpt4_1106_preview";

    @TempDir
    Path dir;

    /** REFERENCE.md §5: win rate = mean of (preference − 1) × 100, as published. */
    @Test
    void gzippedAnnotationsGiveThePublishedWinRates() throws IOException {
        int checked = 0;
        try (Reader in = Files.newBufferedReader(Fixtures.ALPACA_EVAL_PUBLISHED)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String model = row.get("model");
                Path file = Fixtures.ALPACA_EVAL_ANNOTATIONS.resolve(model + ".json.gz");

                Imported imported = Imported.read(file);

                assertThat(imported.battles()).hasSize(Integer.parseInt(row.get("n_total")))
                        .allSatisfy(battle -> {
                            assertThat(battle.a()).isEqualTo(ALPACA_BASELINE);
                            assertThat(battle.b()).isEqualTo(model);
                            assertThat(battle.category()).isNotBlank();
                        });
                assertThat(imported.winRatePercent(model)).as(model)
                        .isCloseTo(Double.parseDouble(row.get("win_rate")), within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void plainJsonNullPreferencesAndOldStyleDraws() {
        Path file = Imported.write(dir, "annotations.json", """
                [
                  {"instruction": "hi", "output_1": "a", "generator_1": "base", "output_2": "b", "generator_2": "m",
                   "dataset": "koala", "preference": 1.25},
                  {"generator_1": "base", "generator_2": "m", "preference": null},
                  {"generator_1": "base", "generator_2": "m", "preference": 0},
                  {"generator_1": "base", "generator_2": "m", "preference": "2.0"}
                ]""");

        Imported imported = Imported.read(file);

        assertThat(imported.battles()).containsExactly(
                new Battle("base", "m", 0.75, 1, "koala", 0, null, null),
                new Battle("base", "m", 0.5, 1, null, 2, null, null),
                new Battle("base", "m", 0, 1, null, 3, null, null));
        assertThat(imported.counts().missingVerdicts()).isEqualTo(1);
    }
}
