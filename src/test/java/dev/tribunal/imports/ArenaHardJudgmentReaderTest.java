package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

class ArenaHardJudgmentReaderTest {
    static final String KO_BASELINE = "claude-3.7-sonnet";

    @TempDir
    Path dir;

    @Test
    void gameOneHasTheBaselineAsAAndGameTwoSwapsStrongVerdictsWeighThree() {
        Path file = Imported.write(dir, "m.jsonl",
                "{\"question_id\": \"q1\", \"model\": \"m\", \"judge\": \"j\", \"games\": [{\"score\": \"A>>B\"}, {\"score\": \"A>B\"}]}",
                "{\"question_id\": \"q2\", \"model\": \"m\", \"judge\": \"j\", \"games\": [{\"score\": \"B>A\"}, {\"score\": \"B>>A\"}]}",
                "{\"question_id\": \"q3\", \"model\": \"m\", \"judge\": \"j\", \"games\": [{\"score\": \"A=B\"}, {\"score\": null}]}",
                "{\"question_id\": \"q4\", \"model\": \"m\", \"judge\": \"j\", \"games\": [{\"judgment\": \"…\"}, null]}");

        Imported imported = Imported.read(ImportSettings.defaults().withBaseline("base"), null, file);

        // every battle is baseline (a) vs model (b); outcome = the baseline's
        assertThat(imported.battles()).containsExactly(
                new Battle("base", "m", 1, 3, null, 0, null, null),    // game 1 A>>B: the baseline won strongly
                new Battle("base", "m", 0, 1, null, 0, null, null),    // game 2 A>B: A is the model
                new Battle("base", "m", 0, 1, null, 1, null, null),    // game 1 B>A: the model won
                new Battle("base", "m", 1, 3, null, 1, null, null),    // game 2 B>>A: the baseline won strongly
                new Battle("base", "m", 0.5, 1, null, 2, null, null)); // game 1 A=B
        assertThat(imported.counts().missingVerdicts()).isEqualTo(3);
        assertThat(imported.counts().notes()).contains("skipped 3 game(s) or annotation(s) without a verdict");
    }

    @Test
    void strongWeightIsConfigurable() {
        Path file = Imported.write(dir, "m.jsonl",
                "{\"question_id\": 7, \"model\": \"m\", \"games\": [{\"score\": \"B>>A\"}, {\"score\": \"B>A\"}]}");

        Imported imported = Imported.read(ImportSettings.defaults().withBaseline("base").withStrongWeight(1), null, file);

        assertThat(imported.battles()).extracting(Battle::weight).containsExactly(1.0, 1.0);
    }

    @Test
    void ignoresTheBaselinesOwnFile() {
        Path file = Imported.write(dir, "base.jsonl",
                "{\"question_id\": \"q1\", \"model\": \"base\", \"games\": [{\"score\": \"A=B\"}, {\"score\": \"A=B\"}]}");

        Imported imported = Imported.read(ImportSettings.defaults().withBaseline("base"), null, file);

        assertThat(imported.battles()).isEmpty();
        assertThat(imported.counts().selfComparisons()).isEqualTo(1);
    }

    @Test
    void needsABaseline() {
        assertThatThrownBy(() -> Imported.read(Fixtures.KO_ARENA_HARD_JUDGMENTS))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("Arena-Hard judgments need --baseline");
    }

    /** REFERENCE.md §4: the weighted win rate of each model over both games equals its published score to 0.01. */
    @Test
    void koArenaHardDirectoryGivesThePublishedScores() throws IOException {
        Imported imported = Imported.read(ImportSettings.defaults().withBaseline(KO_BASELINE), null,
                Fixtures.KO_ARENA_HARD_JUDGMENTS);

        assertThat(imported.counts().files()).isEqualTo(10);
        assertThat(imported.counts().records()).isEqualTo(5000);
        assertThat(imported.battles()).hasSize(10_000).allSatisfy(battle -> assertThat(battle.a()).isEqualTo(KO_BASELINE));
        int checked = 0;
        try (Reader in = Files.newBufferedReader(Fixtures.KO_ARENA_HARD_PUBLISHED)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (row.get("model").equals(KO_BASELINE)) continue;
                assertThat(imported.winRatePercent(row.get("model"))).as(row.get("model"))
                        .isCloseTo(Double.parseDouble(row.get("score")), within(0.005));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(10);
    }
}
