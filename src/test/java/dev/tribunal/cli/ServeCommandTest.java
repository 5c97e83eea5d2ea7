package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.Database;
import dev.tribunal.web.HttpSession;
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
        assertThat(votes.getFirst().get("voter")).isEqualTo("voter-1");
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
}
