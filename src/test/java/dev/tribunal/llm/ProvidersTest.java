package dev.tribunal.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tribunal.config.TribunalConfig;
import dev.tribunal.judging.Judge;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every provider's LangChain4j model is built from config, and the shipped examples are valid configs. */
class ProvidersTest {

    @TempDir
    Path dir;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void eachProviderCallsItsServerAndReportsItUnreachable(Provider provider) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LlmGateway gateway = new LlmGateway(Yaml.oneEndpoint("e", provider.configName(),
                "http://127.0.0.1:" + closedPort + "/v1", "api_key_env: K", "retries: 1", "backoff_initial: 1ms",
                "backoff_max: 1ms"), new LlmCallDao(database), Map.of("K", "key")::get);
        assertThatThrownBy(() -> gateway.complete("e", LlmRequest.of(LlmMessage.user("hi"))))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE);
                    assertThat(e.attempts()).isEqualTo(2);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini", "vllm", "ollama"})
    void shippedExamplesAreValidConfigsWithAJudge(String example) {
        TribunalConfig config = TribunalConfig.load(Path.of("config/examples", example + ".yaml"), Map.of());
        LlmConfig llm = LlmConfig.parse(config.llm());
        assertThat(llm.endpoints()).hasSize(1);
        assertThat(llm.judges()).singleElement().satisfies(j -> assertThat(j.endpoint()).isEqualTo(
                llm.endpoints().getFirst().name()));
        Judge judge = new Judge(new LlmGateway(llm, new LlmCallDao(database), name -> null));
        assertThat(judge.judges()).hasSize(1);
    }

    @Test
    void theDefaultConfigNeedsNoKeys() {
        TribunalConfig config = TribunalConfig.load(Path.of("config/tribunal.yaml"), Map.of());
        assertThat(LlmConfig.parse(config.llm()).endpoints()).allMatch(e -> e.apiKeyEnv() == null);
    }
}
