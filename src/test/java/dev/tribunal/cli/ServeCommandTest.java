package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.llm.stub.OpenAiStubServer;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.web.HttpSession;
import dev.tribunal.web.StubJudges;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tribunal serve} as a newcomer runs it: the demo loads on the first start and adds nothing on the
 * second, and the votes (and the voter's cookie) survive a restart on the same database file.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void theDemoLoadsOnceAndVotesSurviveARestart() throws Exception {
        Path config = dir.resolve("tribunal.yaml");
        Files.writeString(config, """
                server: {host: 127.0.0.1, port: 0}
                database: {url: "jdbc:sqlite:%s"}
                demo: {load: true, path: "%s"}
                """.formatted(dir.resolve("data/tribunal.db"), Path.of("data/demo").toAbsolutePath()));
        TribunalConfig settings = TribunalConfig.load(config, Map.of());

        ByteArrayOutputStream firstOut = new ByteArrayOutputStream();
        HttpSession browser;
        String roundId;
        JsonNode reveal;
        long[] demoRows;
        try (ServeCommand.Running first = ServeCommand.start(settings, Map.of(), new PrintStream(firstOut, true))) {
            assertThat(firstOut.toString(StandardCharsets.UTF_8)).contains("demo: loaded 14 contestants, 1600 samples")
                    .contains("Tribunal is running at http://127.0.0.1:");
            // issue 12, item 8: the address is the last line, on its own
            assertThat(firstOut.toString(StandardCharsets.UTF_8).strip().lines().toList().getLast())
                    .startsWith("Tribunal is running at http://127.0.0.1:");
            demoRows = demoRows(first.db());
            assertThat(demoRows).containsExactly(1600, 8000, 31_040);
            browser = new HttpSession(first.service().address());
            roundId = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
            reveal = HttpSession.json(browser.postJson("/api/rounds/" + roundId + "/vote", "{\"choice\":\"B\"}"));
            assertThat(HttpSession.json(new HttpSession(first.service().address()).get("/api/health"))
                    .get("status").asText()).isEqualTo("ok");
        }

        ByteArrayOutputStream secondOut = new ByteArrayOutputStream();
        try (ServeCommand.Running second = ServeCommand.start(settings, Map.of(), new PrintStream(secondOut, true))) {
            assertThat(secondOut.toString(StandardCharsets.UTF_8)).contains("demo: already loaded");
            // the same samples and evaluations; one battle more: the vote
            assertThat(demoRows(second.db())).containsExactly(demoRows[0], demoRows[1], demoRows[2] + 1);
            // the same browser, its cookie kept, on the restarted server (another port)
            HttpSession again = new HttpSession(second.service().address());
            browser.cookies().getCookieStore().getCookies()
                    .forEach(c -> again.cookies().getCookieStore().add(second.service().address(), c));
            JsonNode round = HttpSession.json(again.get("/api/rounds/" + roundId));
            assertThat(round.get("voted").asBoolean()).isTrue();
            assertThat(round.at("/reveal/choice").asText()).isEqualTo("B");
            assertThat(round.at("/reveal/judges")).isEqualTo(reveal.get("judges"));
            assertThat(again.postJson("/api/rounds/" + roundId + "/vote", "{\"choice\":\"A\"}").statusCode())
                    .isEqualTo(409);
            assertThat(second.db().votes().count()).isEqualTo(1);
        }

        // the export command reads the same database
        Path export = dir.resolve("votes.csv");
        int exit = Main.commandLine().execute("export", "--config", config.toString(), "--format", "csv",
                "--out", export.toString());
        assertThat(exit).isZero();
        List<CSVRecord> votes = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(export)).getRecords();
        assertThat(votes).hasSize(1);
        assertThat(votes.getFirst().get("voter")).matches("voter-[0-9a-f]{8}");
        assertThat(votes.getFirst().get("choice")).isEqualTo("B");
        assertThat(votes.getFirst().get("winner")).isEqualTo(reveal.at("/judges/B/name").asText());
    }

    @Test
    void aWrongConfigurationOrFormatIsExitCodeTwo() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "arena: {votes_per_minute: -3}\n");
        assertThat(Main.commandLine().execute("serve", "--config", config.toString())).isEqualTo(2);
        assertThat(Main.commandLine().execute("export", "--format", "xml")).isEqualTo(2);
        assertThat(Main.commandLine().execute("serve", "--config", dir.resolve("missing.yaml").toString()))
                .isEqualTo(2);
    }

    private static long[] demoRows(Database db) {
        return new long[] {db.samples().count(), db.evaluations().count(), db.battles().count(BattleFilter.all())};
    }
    @Test
    void theConfiguredLiveJudgesBecomeJudgesAndJudgeASubmittedSample() throws Exception {
        try (StubJudges judges = new StubJudges()) {
            OpenAiStubServer stub = judges.server();
            Path config = dir.resolve("tribunal.yaml");
            Files.writeString(config, """
                    server: {host: 127.0.0.1, port: 0}
                    database: {url: "jdbc:sqlite:%s"}
                    demo: {load: false}
                    arena: {live_share: 1.0}
                    llm:
                      endpoints:
                        - {name: alice, provider: openai_compatible, base_url: "%s", model: alice-model,
                           api_key_env: STUB_KEY, retries: 0}
                        - {name: bob, provider: openai_compatible, base_url: "%s", model: bob-model,
                           api_key_env: STUB_KEY, retries: 0}
                      judges:
                        - {name: alice-judge, display_name: Alice Judge, organisation: Alice Labs, endpoint: alice}
                        - {name: bob-judge, display_name: Bob, endpoint: bob}
                    """.formatted(dir.resolve("live.db"), stub.baseUrl(), stub.baseUrl()));
            Map<String, String> env = Map.of("STUB_KEY", StubJudges.API_KEY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ServeCommand.Running running = ServeCommand.start(TribunalConfig.load(config, env), env,
                    new PrintStream(out, true))) {
                HttpSession browser = new HttpSession(running.service().address());
                var created = browser.postJson("/api/samples", "{\"input\": \"Hi?\", \"response\": \"Hello.\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(HttpSession.json(browser.post("/api/rounds", null)).at("/sample/input").asText())
                        .as("live share 1.0 and no demo: the live sample").isEqualTo("Hi?");
            }
            assertThat(out.toString()).contains("Live judges: [alice-judge, bob-judge]");
            Files.writeString(config, Files.readString(config).replace("display_name: Bob,", "display_name: Bob B,"));
            try (ServeCommand.Running again = ServeCommand.start(TribunalConfig.load(config, env), env,
                    new PrintStream(new ByteArrayOutputStream(), true))) {
                List<Contestant> stored = again.db().contestants().list(ContestantKind.JUDGE);
                assertThat(stored).extracting(Contestant::name).containsExactly("alice-judge", "bob-judge");
                assertThat(stored).extracting(Contestant::displayName).containsExactly("Alice Judge", "Bob B");
                assertThat(stored.getFirst().organisation()).isEqualTo("Alice Labs");
            }
            assertThat(stub.requests()).isEqualTo(2);
        }
    }
}
