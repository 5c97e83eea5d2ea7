package dev.tribunal.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tribunal.config.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlmConfigTest {

    @Test
    void readsEveryKeyOfAnEndpointAndAJudge() {
        LlmConfig config = Yaml.llmConfig("""
                llm:
                  endpoints:
                    - name: gpt
                      provider: openai
                      model: gpt-4o-mini
                      api_key_env: OPENAI_API_KEY
                      parallel: 16
                      timeout: 90s
                      retries: 5
                      backoff_initial: 250ms
                      backoff_max: 1m
                      retry_after_max: 2m
                      temperature: 0.2
                      max_tokens: 2048
                      price_input_per_million: 0.15
                      price_output_per_million: 0.6
                      structured_output: false
                  judges:
                    - name: gpt-judge
                      display_name: GPT-4o mini
                      organisation: OpenAI
                      endpoint: gpt
                      prompts: {pairwise: pairwise-v1}
                """);
        EndpointConfig e = config.endpoint("gpt").orElseThrow();
        assertThat(e.provider()).isEqualTo(Provider.OPENAI);
        assertThat(e.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(e.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
        assertThat(e.parallel()).isEqualTo(16);
        assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(e.retries()).isEqualTo(5);
        assertThat(e.backoffInitial()).isEqualTo(Duration.ofMillis(250));
        assertThat(e.backoffMax()).isEqualTo(Duration.ofMinutes(1));
        assertThat(e.retryAfterMax()).isEqualTo(Duration.ofMinutes(2));
        assertThat(e.temperature()).isEqualTo(0.2);
        assertThat(e.maxTokens()).isEqualTo(2048);
        assertThat(e.cost(1_000_000, 1_000_000)).isEqualTo(0.75);
        assertThat(e.structuredOutput()).isFalse();
        JudgeConfig j = config.judge("gpt-judge").orElseThrow();
        assertThat(j).isEqualTo(new JudgeConfig("gpt-judge", "GPT-4o mini", "OpenAI", "gpt", null, "pairwise-v1"));
    }

    @Test
    void defaultsNeedOnlyNameProviderUrlAndModel() {
        EndpointConfig e = Yaml.oneEndpoint("local", "openai-compatible", "http://localhost:8000/v1/").endpoints().getFirst();
        assertThat(e.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(e.apiKeyEnv()).isNull();
        assertThat(e.parallel()).isEqualTo(4);
        assertThat(e.retries()).isEqualTo(3);
        assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(e.structuredOutput()).isTrue();
        assertThat(e.cost(1000, 1000)).isZero();
    }

    @Test
    void noLlmSectionMeansNoEndpoints() {
        assertThat(Yaml.llmConfig("database: {}\n")).isEqualTo(LlmConfig.empty());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "parallel: 0                    | llm.endpoints[0].parallel: must be > 0",
        "parallel: many                 | llm.endpoints[0].parallel: must be a whole number",
        "retries: -1                    | llm.endpoints[0].retries: must be >= 0",
        "timeout: soon                  | llm.endpoints[0].timeout: must be a duration",
        "timeout: 0s                    | llm.endpoints[0].timeout: must be > 0",
        "temperature: 3                 | llm.endpoints[0].temperature: must be a number between 0 and 2",
        "max_tokens: 0                  | llm.endpoints[0].max_tokens: must be > 0",
        "price_input_per_million: -1    | llm.endpoints[0].price_input_per_million: must be a number >= 0",
        "api_key_env: sk-live-123       | llm.endpoints[0].api_key_env: must be the NAME of an environment variable",
        "structured_output: yes please  | llm.endpoints[0].structured_output: must be true or false",
        "paralel: 3                     | llm.endpoints[0].paralel: unknown key",
        "backoff_max: 1ms               | llm.endpoints[0].backoff_max: must be >= backoff_initial",
    })
    void badValuesAreNamedByTheirKey(String line, String message) {
        assertThatThrownBy(() -> Yaml.oneEndpoint("x", "openai", "http://localhost:1/v1", line))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
    }

    @Test
    void structuralMistakesAreNamedByTheirKey() {
        assertThatThrownBy(() -> Yaml.llmConfig("llm:\n  endpoints:\n    - {name: a, provider: cohere, model: m}\n"))
                .hasMessageStartingWith("llm.endpoints[0].provider: must be one of openai, openai_compatible");
        assertThatThrownBy(() -> Yaml.llmConfig("llm:\n  endpoints:\n    - {name: a, provider: openai_compatible, model: m}\n"))
                .hasMessage("llm.endpoints[0].base_url: is required for provider openai_compatible");
        assertThatThrownBy(() -> Yaml.llmConfig("llm:\n  endpoints:\n    - {name: a, provider: openai, model: m, base_url: 'ftp://x'}\n"))
                .hasMessageStartingWith("llm.endpoints[0].base_url: must be an http:// or https:// URL");
        assertThatThrownBy(() -> Yaml.llmConfig("llm:\n  endpoints:\n    - {name: a, provider: openai}\n"))
                .hasMessage("llm.endpoints[0].model: is required");
        assertThatThrownBy(() -> Yaml.llmConfig("""
                llm:
                  endpoints:
                    - {name: a, provider: openai, model: m}
                    - {name: a, provider: anthropic, model: m}
                """)).hasMessage("llm.endpoints[1].name: duplicate endpoint name 'a'");
        assertThatThrownBy(() -> Yaml.llmConfig("""
                llm:
                  endpoints: [{name: a, provider: openai, model: m}]
                  judges: [{name: j, endpoint: b}]
                """)).hasMessage("llm.judges[0].endpoint: no endpoint named 'b' in llm.endpoints");
        assertThatThrownBy(() -> Yaml.llmConfig("llm:\n  endpoints: {name: a}\n"))
                .hasMessage("llm.endpoints: must be a list");
        assertThatThrownBy(() -> Yaml.llmConfig("llm:\n  judge: []\n"))
                .hasMessageStartingWith("llm.judge: unknown key");
    }

    @Test
    void readsContestantModelsAndJudgeFamilies() {
        LlmConfig config = Yaml.llmConfig("""
                llm:
                  endpoints:
                    - {name: gpt, provider: openai, model: gpt-4o-mini}
                    - {name: local, provider: openai_compatible, base_url: 'http://localhost:8000/v1', model: llama}
                  judges:
                    - {name: gpt-judge, endpoint: gpt, family: gpt-4}
                  models:
                    - {name: gpt-4o-mini, endpoint: gpt, display_name: GPT-4o mini, organisation: OpenAI,
                       licence: Proprietary, family: gpt-4}
                    - {name: llama, endpoint: local}
                """);
        assertThat(config.judge("gpt-judge").orElseThrow().family()).isEqualTo("gpt-4");
        assertThat(config.models()).containsExactly(
                new ModelConfig("gpt-4o-mini", "gpt", "GPT-4o mini", "OpenAI", "Proprietary", "gpt-4"),
                new ModelConfig("llama", "local", "llama", null, null, null));
        assertThat(config.model("llama")).isPresent();
    }

    @Test
    void modelMistakesAreNamedByTheirKey() {
        String endpoints = "llm:\n  endpoints:\n    - {name: gpt, provider: openai, model: m}\n";
        assertThatThrownBy(() -> Yaml.llmConfig(endpoints + "  models:\n    - {name: a, endpoint: nope}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("llm.models[0].endpoint").hasMessageContaining("no endpoint named 'nope'");
        assertThatThrownBy(() -> Yaml.llmConfig(endpoints + "  models:\n    - {endpoint: gpt}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm.models[0].name: is required");
        assertThatThrownBy(() -> Yaml.llmConfig(endpoints + "  models:\n    - {name: a, endpoint: gpt, colour: red}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm.models[0].colour: unknown key");
        assertThatThrownBy(() -> Yaml.llmConfig(endpoints
                + "  models:\n    - {name: a, endpoint: gpt}\n    - {name: a, endpoint: gpt}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("llm.models[1].name").hasMessageContaining("duplicate model name 'a'");
        assertThatThrownBy(() -> Yaml.llmConfig(endpoints + "  models: {name: a}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm.models: must be a list");
    }
}
