package dev.tribunal.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.web.HttpSession;
import dev.tribunal.web.ServeProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A baseline run of {@code 16 × questions} stub calls (questions × 4 models answering, then questions × 3 models × 2
 * judges × 2 games) at LATENCY ms a call, on NODES {@code tribunal serve} processes sharing one PostgreSQL database
 * (a fresh one, dropped after): the run is started on node 1, the others join it. Each node keeps PARALLEL calls in
 * flight per endpoint; no cluster-wide limit binds (cluster_parallel = nodes × parallel). Prints the wall time from
 * the start request to the run's end, against the bound calls × latency / (endpoints in use × parallel × nodes), and
 * the calls the stub saw twice.
 *
 * <p>Arguments: nodes (3), questions (125: 2,000 calls), latency ms (200), parallel (4), PostgreSQL server URL
 * (jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).
 */
public final class ClusterBench {

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int questions = args.length > 1 ? Integer.parseInt(args[1]) : 125;
        long latency = args.length > 2 ? Long.parseLong(args[2]) : 200;
        int parallel = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String server = args.length > 4 ? args[4] : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        String database = "tribunal_bench_cluster_" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("bench-cluster");
        sql(server, "CREATE DATABASE " + database);
        List<ServeProcess> running = new ArrayList<>();
        try (BenchStub stub = new BenchStub().latency(latency)) {
            String url = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
            Path config = stub.config(dir, url, parallel, ", timeout: PT30S, cluster_parallel: " + nodes * parallel, """
                    server: {host: 127.0.0.1, port: 0}
                    cluster: {bench_join_every: PT1S}
                    """);
            List<URI> urls = new ArrayList<>();
            for (int i = 1; i <= nodes; i++) {
                running.add(ServeProcess.start(config, Map.of("TRIBUNAL_CLUSTER_NODE_ID", "node-" + i,
                        "TRIBUNAL_ADMIN_TOKEN", "bench-token-0123456789"), dir.resolve("node-" + i + ".log")));
                if (i == 1) urls.add(running.getFirst().awaitStart());   // it migrates the schema
            }
            for (int i = 2; i <= nodes; i++) urls.add(running.get(i - 1).awaitStart());
            HttpSession http = new HttpSession(urls.getFirst());
            long start = System.nanoTime();
            HttpResponse<String> started = http.post("/api/admin/jobs", "{\"questions\": \"arena-hard-v0.1\", "
                            + "\"limit\": " + questions + ", \"baseline\": \"baseline\", \"models\": [\"strong\", "
                            + "\"medium\", \"weak\"], \"judges\": [\"fair\", \"biased\"], \"rounds\": 20}",
                    "Authorization", "Bearer bench-token-0123456789", "Content-Type", "application/json");
            if (started.statusCode() != 202) throw new IllegalStateException(started.body());
            long id = HttpSession.json(started).get("id").asLong();
            JsonNode job;
            do {
                Thread.sleep(100);
                job = HttpSession.json(http.get("/api/jobs/" + id));
            } while (job.get("state").asText().equals("running"));
            double wall = (System.nanoTime() - start) / 1e9;
            int answers = questions * 4;
            int judgments = questions * 12;
            double bound = (answers * latency / (4.0 * parallel * nodes) + judgments * latency / (2.0 * parallel * nodes))
                    / 1000;
            System.out.printf(Locale.ROOT, "nodes %d: %d calls (%d answers + %d judgments) at %d ms, parallel %d per "
                            + "endpoint per node; state %s%n", nodes, stub.requests(), answers, judgments, latency,
                    parallel, job.get("state").asText());
            System.out.printf(Locale.ROOT, "nodes %d: wall time %.1f s, bound %.1f s, ratio %.2f; calls sent twice %d; "
                    + "most in flight %d%n", nodes, wall, bound, wall / bound, stub.repeats(), stub.server().maxInFlight());
        } finally {
            for (ServeProcess p : running) p.destroy();
            sql(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void sql(String server, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(server); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
