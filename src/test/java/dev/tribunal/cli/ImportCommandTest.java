package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.jobs.LeaderboardRefresh;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tribunal import FILE… --source NAME}, and how the refresh treats imported and baseline sources. */
class ImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void importsRateFormatsAsANamedSourceOnceAndTheRefreshRatesIt() throws Exception {
        Path config = dir.resolve("tribunal.yaml");
        Files.writeString(config, "database:\n  url: jdbc:sqlite:" + dir.resolve("t.db") + "\ndemo:\n  load: false\n");
        CommandRun first = CommandRun.of("import", "data/examples/arena_hard_battles.jsonl", "--source", "arena-hard-74e8b6f",
                "--config", config);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("2136 battles read, 2136 new");
        CommandRun again = CommandRun.of("import", "data/examples/arena_hard_battles.jsonl", "--source", "arena-hard-74e8b6f",
                "--config", config);
        assertThat(again.out()).contains("2136 battles read, 0 new");
        CommandRun reserved = CommandRun.of("import", "data/examples/arena_hard_battles.jsonl", "--source", "baseline:x:y",
                "--config", config);
        assertThat(reserved.exitCode()).isEqualTo(2);
        assertThat(reserved.err()).startsWith("tribunal import: --source must be a name not starting with 'baseline:'");

        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
            assertThat(db.battles().count(BattleFilter.of(ContestantKind.MODEL).withSource("arena-hard-74e8b6f")))
                    .isEqualTo(2136);
            db.battles().insert(BattleRow.of(ContestantKind.MODEL, "m", "base", 1, "baseline:set:judge", null));
            new LeaderboardRefresh(db, RatingOptions.defaults().withRounds(10), Clock.systemUTC()).run();
            assertThat(db.snapshots().latestOk(ContestantKind.MODEL, "arena-hard-74e8b6f", null)).isPresent();
            // the benchmark rates its own boards against their baseline; the refresh leaves them alone
            assertThat(db.snapshots().latestOk(ContestantKind.MODEL, "baseline:set:judge", null)).isEmpty();
        }
    }
}
