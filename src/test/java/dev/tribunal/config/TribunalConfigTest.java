package dev.tribunal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tribunal.rating.RatingMethod;
import dev.tribunal.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TribunalConfigTest {

    private static final Map<String, String> NO_ENV = Map.of();

    private static TribunalConfig parse(String yaml) {
        return TribunalConfig.parse(yaml, "test.yaml", NO_ENV);
    }

    private static void assertRejected(String yaml, Map<String, String> env, String message) {
        assertThatThrownBy(() -> TribunalConfig.parse(yaml, "test.yaml", env))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void theCommittedFileSaysWhatTheDefaultsAre() {
        TribunalConfig file = TribunalConfig.load(Path.of("config/tribunal.yaml"), NO_ENV);
        assertThat(file).isEqualTo(TribunalConfig.defaults());
        assertThat(file.server()).isEqualTo(new ServerConfig("127.0.0.1", 7070));
        assertThat(file.database().url()).isEqualTo("jdbc:sqlite:data/tribunal.db");
        assertThat(file.demo().load()).isTrue();
        assertThat(file.demo().directory()).isEqualTo(Path.of("data/demo"));
        assertThat(file.leaderboard().refreshInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(file.leaderboard().arenaRefreshInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(file.rating().bootstrapRounds()).isEqualTo(100);
        assertThat(file.secrets().adminTokenEnv()).isEqualTo("TRIBUNAL_ADMIN_TOKEN");
        assertThat(file.llm()).isNull();
    }

    @Test
    void anEmptyFileGivesTheDefaults() {
        assertThat(parse("")).isEqualTo(TribunalConfig.defaults());
        assertThat(parse("# nothing but a comment\n")).isEqualTo(TribunalConfig.defaults());
    }

    @Test
    void aFileChangesOnlyTheKeysItLists() {
        TribunalConfig c = parse("""
                server:
                  port: 8080
                arena:
                  round_ttl: PT5M
                rating:
                  method: elo
                  anchor: gpt4
                """);
        TribunalConfig d = TribunalConfig.defaults();
        assertThat(c.server()).isEqualTo(new ServerConfig("127.0.0.1", 8080));
        assertThat(c.arena().roundTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.arena().votesPerMinute()).isEqualTo(d.arena().votesPerMinute());
        assertThat(c.rating().method()).isEqualTo(RatingMethod.ELO);
        assertThat(c.rating().anchor()).isEqualTo("gpt4");
        assertThat(c.rating().seed()).isEqualTo(d.rating().seed());
        assertThat(c.database()).isEqualTo(d.database());
    }

    @Test
    void theLlmSectionIsKeptAsARawTree() {
        TribunalConfig c = parse("""
                llm:
                  providers:
                    - name: openai
                      base_url: https://api.openai.com/v1
                """);
        assertThat(c.llm().path("providers").get(0).path("name").asText()).isEqualTo("openai");
    }

    @Test
    void arenaIntegrityKeysHaveDefaultsAndNestedAndListOverrides() {
        TribunalConfig d = TribunalConfig.defaults();
        assertThat(d.arena().perAddress()).isEqualTo(new PerAddressConfig(30, 90, 60, 30));
        assertThat(d.arena().samplesPerHour()).isEqualTo(10);
        assertThat(d.arena().countedVotesPerDay()).isEqualTo(200);
        assertThat(d.arena().minSecondsToVote()).isEqualTo(3.0);
        assertThat(d.arena().anomalyMinVotes()).isEqualTo(20);
        assertThat(d.arena().anomalyP()).isEqualTo(1e-6);
        assertThat(d.server().trustedProxyHeader()).isNull();
        assertThat(d.server().trustedProxies()).containsExactly("127.0.0.1", "::1");
        assertThat(d.secrets().voterSecretFile()).isNull();

        TribunalConfig c = TribunalConfig.parse("arena:\n  per_address: {votes_per_minute: 5}\n", "test.yaml", Map.of(
                "TRIBUNAL_ARENA_PER_ADDRESS_SAMPLES_PER_HOUR", "0",
                "TRIBUNAL_SERVER_TRUSTED_PROXY_HEADER", "X-Forwarded-For",
                "TRIBUNAL_SERVER_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2"));
        assertThat(c.arena().perAddress()).isEqualTo(new PerAddressConfig(30, 90, 5, 0));
        assertThat(c.server().trustedProxyHeader()).isEqualTo("X-Forwarded-For");
        assertThat(c.server().trustedProxies()).containsExactly("10.0.0.1", "10.0.0.2");
        assertRejected("", Map.of("TRIBUNAL_ARENA_PER_ADDRESS_VOTES_PER_MINUTE", "-1"),
                "arena.per_address.votes_per_minute (from TRIBUNAL_ARENA_PER_ADDRESS_VOTES_PER_MINUTE): must be >= 0 "
                + "(0 = no limit), got -1");
        assertRejected("server: {trusted_proxies: [proxy.example]}\n", NO_ENV,
                "server.trusted_proxies: must be a list of IP addresses, got [proxy.example]");
    }

    @Test
    void queryLimitsHaveDefaultsAndAreChecked() {
        TribunalConfig c = parse("server:\n  query_budget: PT2S\n  max_concurrent_searches: 4\n");
        assertThat(c.server().queryBudget()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(c.server().maxConcurrentSearches()).isEqualTo(4);
        assertThat(c.server().maxConcurrentExports()).isEqualTo(ServerConfig.DEFAULT_EXPORTS);
        assertThatThrownBy(() -> parse("server:\n  max_concurrent_exports: 0\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("server.max_concurrent_exports");
        assertThatThrownBy(() -> parse("server:\n  query_budget: PT0S\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("server.query_budget");
    }

    @Test
    void unknownKeysAreNamed() {
        assertRejected("server:\n  prot: 80\n", NO_ENV, "server.prot: unknown key (known keys here: host, "
                + "max_concurrent_exports, max_concurrent_searches, port, query_budget, trusted_proxies, "
                + "trusted_proxy_header)");
        assertThatThrownBy(() -> parse("servr:\n  port: 80\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("servr: unknown key");
    }

    @Test
    void wrongValuesAreNamedWithWhatWasExpected() {
        assertRejected("arena:\n  votes_per_minute: -3\n", NO_ENV, "arena.votes_per_minute: must be > 0, got -3");
        assertRejected("server:\n  port: abc\n", NO_ENV, "server.port: expected a whole number, got \"abc\"");
        assertRejected("server:\n  port: 70000\n", NO_ENV, "server.port: must be in 0..65535, got 70000");
        assertRejected("leaderboard:\n  refresh_interval: 1h\n", NO_ENV,
                "leaderboard.refresh_interval: expected an ISO-8601 duration such as PT1H or PT30M, got \"1h\"");
        assertRejected("leaderboard:\n  refresh_interval: PT0S\n", NO_ENV,
                "leaderboard.refresh_interval: must be at least PT1S, got PT0S");
        assertRejected("rating:\n  method: glicko\n", NO_ENV,
                "rating.method: expected one of bradley-terry, elo, got \"glicko\"");
        assertRejected("demo:\n  load: maybe\n", NO_ENV, "demo.load: expected true or false, got \"maybe\"");
        assertRejected("database:\n  url: jdbc:mysql://x\n", NO_ENV,
                "database.url: must start with jdbc:sqlite: or jdbc:postgresql:, got jdbc:mysql://x");
        assertRejected("arena:\n  live_share: 1.5\n", NO_ENV, "arena.live_share: must be between 0 and 1, got 1.5");
        assertRejected("arena:\n  live_share: -0.1\n", NO_ENV, "arena.live_share: must be between 0 and 1, got -0.1");
        assertRejected("arena:\n  votes_per_minute: 50\n  votes_per_day: 10\n", NO_ENV,
                "arena.votes_per_day: must be >= arena.votes_per_minute (50), got 10");
        assertRejected("server: 7070\n", NO_ENV, "server: expected a mapping of keys");
        assertRejected("server:\n", NO_ENV, "server: must be a mapping of keys, not empty");
        assertRejected("server:\n  host:\n", NO_ENV, "server.host: must not be empty, got null");
    }

    @Test
    void brokenYamlAndMissingFilesAreReported(@TempDir Path dir) {
        assertThatThrownBy(() -> parse("server:\n  port: [1,\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.yaml (line").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parse("- just\n- a list\n")).isInstanceOf(ConfigException.class)
                .hasMessage("test.yaml: expected a mapping of sections at the top");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> TribunalConfig.load(missing, NO_ENV)).isInstanceOf(ConfigException.class)
                .hasMessage("configuration file not found: " + missing);
    }

    @Test
    void environmentVariablesOverrideSingleKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "server:\n  port: 8080\n");
        TribunalConfig c = TribunalConfig.load(file, Map.of(
                "TRIBUNAL_SERVER_PORT", "9090",
                "TRIBUNAL_DATABASE_URL", "jdbc:postgresql://db:5432/tribunal",
                "TRIBUNAL_DATABASE_USER", "tribunal",
                "TRIBUNAL_ARENA_ROUND_TTL", "PT2M",
                "TRIBUNAL_RATING_STYLE_CONTROL", "false",
                "TRIBUNAL_ADMIN_TOKEN", "not a config key, ignored here"));
        assertThat(c.server().port()).isEqualTo(9090);
        assertThat(c.database().url()).isEqualTo("jdbc:postgresql://db:5432/tribunal");
        assertThat(c.database().user()).isEqualTo("tribunal");
        assertThat(c.arena().roundTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.rating().styleControl()).isFalse();
    }

    @Test
    void aBadOverrideNamesItsVariable() {
        assertRejected("", Map.of("TRIBUNAL_SERVER_PORT", "x"),
                "server.port (from TRIBUNAL_SERVER_PORT): expected a whole number, got \"x\"");
        assertRejected("", Map.of("TRIBUNAL_ARENA_VOTES_PER_MINUTE", "-1"),
                "arena.votes_per_minute (from TRIBUNAL_ARENA_VOTES_PER_MINUTE): must be > 0, got -1");
    }

    @Test
    void aClusterNodeIsConfiguredInTheFileOrTheEnvironment() {
        ClusterConfig defaults = TribunalConfig.defaults().cluster();
        assertThat(defaults.role()).isEqualTo(ClusterConfig.Role.ALL);
        assertThat(defaults.node()).matches("node-[0-9a-f]{8}").isNotEqualTo(defaults.node());
        TribunalConfig c = TribunalConfig.parse("cluster:\n  role: web\n  bench_lease: PT5S\n", "test.yaml",
                Map.of("TRIBUNAL_CLUSTER_NODE_ID", "eu-1"));
        assertThat(c.cluster().node()).isEqualTo("eu-1");
        assertThat(c.cluster().role().runsJobs()).isFalse();
        assertThat(c.cluster().benchLease()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.singleNode()).isFalse();
        assertThat(TribunalConfig.parse("", "test.yaml", Map.of("TRIBUNAL_CLUSTER_SINGLE_NODE", "true")).cluster()
                .singleNode()).isTrue();
        assertThatThrownBy(() -> parse("cluster:\n  node_id: \"a b\"\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.node_id");
        assertThatThrownBy(() -> TribunalConfig.parse("", "test.yaml", Map.of("TRIBUNAL_CLUSTER_ROLE", "leader")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.role");
    }

    @Test
    void theAdminTokenMayComeFromAFileTheNodesShare(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("admin.token"), "s3cret-token\n");
        SecretsConfig secrets = TribunalConfig.parse("secrets:\n  admin_token_file: " + token + "\n", "test.yaml",
                Map.of()).secrets();
        assertThat(secrets.adminToken(Map.of())).contains("s3cret-token");
        assertThat(secrets.adminToken(Map.of("TRIBUNAL_ADMIN_TOKEN", "from-env"))).contains("from-env");
        SecretsConfig missing = new SecretsConfig("TRIBUNAL_ADMIN_TOKEN", "TRIBUNAL_VOTER_SECRET", null,
                dir.resolve("nowhere").toString());
        assertThatThrownBy(() -> missing.adminToken(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("secrets.admin_token_file").hasMessageNotContaining("Exception:");
    }

    @Test
    void secretsComeFromTheEnvironmentOnly(@TempDir Path dir) throws Exception {
        TribunalConfig c = TribunalConfig.defaults();
        assertThat(c.secrets().adminToken(Map.of())).isEmpty();
        assertThat(c.secrets().adminToken(Map.of("TRIBUNAL_ADMIN_TOKEN", "t0k"))).contains("t0k");
        assertThat(c.database().connectionSettings(Map.of("TRIBUNAL_DATABASE_PASSWORD", "pw")).password()).isEqualTo("pw");
        assertThat(c.database().connectionSettings(Map.of("TRIBUNAL_DATABASE_PASSWORD", "pw")).toString())
                .doesNotContain("pw");

        String url = "jdbc:sqlite:" + dir.resolve("s.db");
        Path keyFile = c.secrets().voterKeyFile(new DatabaseConfig(url, null, "X", 1));
        assertThat(keyFile).isEqualTo(dir.resolve("voter.key").toAbsolutePath());
        byte[] generated;
        try (Database db = Database.open(url)) {
            assertThat(c.secrets().voterSecret(Map.of("TRIBUNAL_VOTER_SECRET", "from-env"), db.settings(), keyFile))
                    .isEqualTo("from-env".getBytes(StandardCharsets.UTF_8));
            assertThat(keyFile).doesNotExist();
            generated = c.secrets().voterSecret(Map.of(), db.settings(), keyFile);
            assertThat(generated).hasSize(32);
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(c.secrets().voterSecret(Map.of(), db.settings(), keyFile)).isEqualTo(generated);
            assertThat(db.settings().get(SecretsConfig.VOTER_SECRET_SETTING)).isEmpty();
        }
        try (Database reopened = Database.open(url)) {
            assertThat(c.secrets().voterSecret(Map.of(), reopened.settings(), keyFile)).isEqualTo(generated);
        }
    }

    @Test
    void aVoterSecretAnOlderVersionKeptInTheDatabaseMovesToTheKeyFile(@TempDir Path dir) throws Exception {
        SecretsConfig secrets = TribunalConfig.defaults().secrets();
        Path keyFile = dir.resolve("keys/voter.key");
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("old.db"))) {
            db.settings().put(SecretsConfig.VOTER_SECRET_SETTING, "an-old-generated-secret-0123456789");
            assertThat(secrets.voterSecret(Map.of(), db.settings(), keyFile))
                    .isEqualTo("an-old-generated-secret-0123456789".getBytes(StandardCharsets.UTF_8));
            assertThat(db.settings().get(SecretsConfig.VOTER_SECRET_SETTING)).isEmpty();
            assertThat(Files.readString(keyFile)).isEqualTo("an-old-generated-secret-0123456789");
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            // a key file others may read is refused, in one line naming the file and the fix
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
            assertThatThrownBy(() -> secrets.voterSecret(Map.of(), db.settings(), keyFile))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("secrets.voter_secret_file: " + keyFile.toAbsolutePath())
                    .hasMessageContaining("chmod 600")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
