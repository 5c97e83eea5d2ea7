package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.bench.baseline.BenchStub;
import dev.tribunal.store.PostgresSchema;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark run spread over three {@code tribunal serve} processes on one PostgreSQL database (skipped without one
 * unless CI=true), one of them killed with {@code kill -9} in the middle: the run completes on the other two, every
 * answer and judgment is stored exactly once, the provider sees no request twice beyond the few the dead node had in
 * flight (their replies never reached the store), and the endpoints' cluster-wide limit held throughout.
 */
class ClusterKillTest {

    private static final int QUESTIONS = 8;
    /** 8 questions × 4 models answering, then 8 × 3 models × 2 judges × 2 games. */
    private static final int ANSWERS = QUESTIONS * 4;
    private static final int JUDGMENTS = QUESTIONS * 3 * 2 * 2;
    private static final int CLUSTER_PARALLEL = 2;
    private static final int ENDPOINTS = 6;
    private static final String TOKEN = "cluster-admin-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void aRunSurvivesTheKillOfOneOfItsThreeNodes() throws Exception {
        List<ServeProcess> nodes = new ArrayList<>();
        try (PostgresSchema schema = PostgresSchema.create(); BenchStub stub = new BenchStub().latency(100)) {
            Path config = stub.config(dir, schema.url(), 4, ", timeout: PT2S, cluster_parallel: " + CLUSTER_PARALLEL,
                    """
                    server: {host: 127.0.0.1, port: 0}
                    cluster: {scheduler_poll: PT1S, heartbeat: PT1S, bench_lease: PT3S, bench_join_every: PT0.5S}
                    """);
            // the first migrates the schema, then the other two start together
            List<URI> urls = new ArrayList<>();
            nodes.add(start(config, "node-1"));
            urls.add(nodes.getFirst().awaitStart());
            for (int i = 2; i <= 3; i++) nodes.add(start(config, "node-" + i));
            for (int i = 2; i <= 3; i++) urls.add(nodes.get(i - 1).awaitStart());
            HttpSession http = new HttpSession(urls.getFirst());
            HttpResponse<String> started = http.post("/api/admin/jobs", "{\"questions\": \"arena-hard-v0.1\", \"limit\": "
                            + QUESTIONS + ", \"baseline\": \"baseline\", \"models\": [\"strong\", \"medium\", \"weak\"], "
                            + "\"judges\": [\"fair\", \"biased\"], \"rounds\": 20}",
                    "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            long id = HttpSession.json(started).get("id").asLong();

            // kill node 2 once it works on the run and a good part of the calls are made
            HttpSession second = new HttpSession(urls.get(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(held(second).contains("benchmark-run/" + id) && stub.requests() >= (ANSWERS + JUDGMENTS) / 3)) {
                assertThat(System.nanoTime()).as("node 2 joined the run").isLessThan(deadline);
                Thread.sleep(20);
            }
            int before = stub.requests();
            nodes.get(1).kill();
            assertThat(nodes.get(1).process().exitValue()).isEqualTo(137);
            assertThat(before).as("killed in the middle of the run").isLessThan(ANSWERS + JUDGMENTS);

            JsonNode job = await(http, id);
            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
            assertThat(job.get("done").asLong()).isEqualTo(job.get("total").asLong()).isEqualTo(ANSWERS + JUDGMENTS);
            assertThat(job.get("failures")).isEmpty();
            assertThat(count(schema, "answers")).isEqualTo(ANSWERS);
            assertThat(count(schema, "judgments")).isEqualTo(JUDGMENTS);
            assertThat(stub.distinct()).as("every call made").isEqualTo(ANSWERS + JUDGMENTS);
            // a call in flight on the dead node was paid but its reply never stored: it is the only kind sent again,
            // and the dead node had at most its slots' worth in flight
            assertThat(stub.repeats()).as("calls sent twice").isLessThanOrEqualTo(CLUSTER_PARALLEL * ENDPOINTS);
            assertThat(stub.server().maxInFlight()).as("in flight at once over all nodes")
                    .isLessThanOrEqualTo(CLUSTER_PARALLEL * ENDPOINTS);
            System.out.printf("cluster kill: %d calls, %d sent twice, %d in flight at most, node 2 killed after %d%n",
                    stub.requests(), stub.repeats(), stub.server().maxInFlight(), before);
        } finally {
            for (ServeProcess p : nodes) p.destroy();
        }
    }

    private ServeProcess start(Path config, String node) throws Exception {
        return ServeProcess.start(config, Map.of("TRIBUNAL_CLUSTER_NODE_ID", node, "TRIBUNAL_ADMIN_TOKEN", TOKEN,
                "TRIBUNAL_VOTER_SECRET", "cluster-voter-secret-0123456789"), dir.resolve(node + ".log"));
    }

    private static List<String> held(HttpSession node) {
        List<String> held = new ArrayList<>();
        HttpSession.json(node.get("/api/health")).get("jobs_held").forEach(j -> held.add(j.asText()));
        return held;
    }

    private static JsonNode await(HttpSession http, long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            JsonNode job = HttpSession.json(http.get("/api/jobs/" + id));
            if (!job.get("state").asText().equals("running")) return job;
            if (System.nanoTime() > deadline) throw new AssertionError("the run never ended: " + job);
            Thread.sleep(100);
        }
    }

    private static long count(PostgresSchema schema, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(schema.url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
