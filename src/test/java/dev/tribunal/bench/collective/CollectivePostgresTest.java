package dev.tribunal.bench.collective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.bench.baseline.RunListener;
import dev.tribunal.config.CollectiveConfig;
import dev.tribunal.export.CollectiveVoteExport;
import dev.tribunal.export.ExportFormat;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.Yaml;
import dev.tribunal.rating.WeightRule;
import dev.tribunal.store.BenchRun;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import dev.tribunal.store.PostgresSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collective pipeline on PostgreSQL (skipped without a server, required under CI=true): the run completes,
 * its stored report is the one it printed, the same run again makes no call, and its votes export.
 */
class CollectivePostgresTest {

    @TempDir
    Path dir;

    @Test
    void aCollectiveRunOnPostgresql() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); CollectiveStub stub = new CollectiveStub();
             Database db = Database.open(schema.url())) {
            CollectiveConfig defaults = CollectiveConfig.defaults();
            CollectiveParams params = CollectiveParams.of(defaults, CollectiveStub.MODELS, List.of("math", "history"),
                    null, 6, WeightRule.PEER_RANK, false, false, null, 20, 42);
            CollectiveResult result;
            try (LlmGateway gateway = new LlmGateway(Yaml.llmConfig(Files.readString(stub.config(dir, 4, ""))),
                    new LlmCallDao(db))) {
                CollectiveRun run = new CollectiveRun(db, gateway, Duration.ofSeconds(30), Clock.systemUTC());
                result = run.run(params, RunListener.NONE);
                assertThat(result.state()).isEqualTo(BenchRun.DONE);
                assertThat(result.report().rows().getFirst().model()).isEqualTo("m1");
                assertThat(result.report().rows().getLast().model()).isIn("m4", "m5");
                assertThat(run.report(result.runId())).contains(result.report());
                int calls = stub.requests();
                assertThat(run.run(params, RunListener.NONE).report()).isEqualTo(result.report());
                assertThat(stub.requests()).isEqualTo(calls);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long votes = new CollectiveVoteExport(db).write(ExportFormat.JSONL, out);
            long kept = result.report().questionsKept();
            long written = kept + result.report().questionsRejected() + result.report().duplicates();
            assertThat(votes).isEqualTo(written * 4 + kept * 5 * 4);
            assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize((int) votes);
        }
    }
}
