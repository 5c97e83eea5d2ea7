package dev.tribunal.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.imports.QuestionSets;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.Yaml;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's boards are stamped with the clock it is given, not the machine's (so a test or a replay can fix it). */
class BaselineRunClockTest {

    @TempDir
    Path dir;

    @Test
    void theStoredBoardsTakeTheirTimeFromTheInjectedClock() throws Exception {
        Instant at = Instant.parse("2031-05-06T07:08:09Z");
        try (BenchStub stub = new BenchStub();
             Database db = Database.open("jdbc:sqlite:" + dir.resolve("clock.db"));
             LlmGateway gateway = new LlmGateway(Yaml.llmConfig(Files.readString(stub.config(dir, 4))),
                     new LlmCallDao(db))) {
            BaselineRun run = new BaselineRun(db, gateway, new QuestionSets(db, Path.of("data")), Duration.ofSeconds(60),
                    Clock.fixed(at, ZoneOffset.UTC));
            BaselineParams params = new BaselineParams("arena-hard-v0.1", 2, "baseline", List.of("strong"),
                    List.of("fair"), 3, false, 10, 42);
            assertThat(run.run(params, RunListener.NONE).state()).isEqualTo("done");
            assertThat(db.snapshots().latestOk(ContestantKind.MODEL, params.boardSource("fair"), null).orElseThrow()
                    .computedAt()).isEqualTo(at);
        }
    }
}
