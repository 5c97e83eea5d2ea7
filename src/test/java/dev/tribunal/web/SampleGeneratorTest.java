package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.config.ConfigException;
import dev.tribunal.llm.GeneratorConfig;
import dev.tribunal.llm.Yaml;
import dev.tribunal.llm.stub.StubReply;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample generator (llm.generator) and POST /api/admin/generate-samples, with stub judges and writer. */
class SampleGeneratorTest extends LiveServiceTest {

    private static final String AUTH = "Bearer " + RunningService.ADMIN_TOKEN;

    private HttpSession start(String generatorKeys) {
        StubJudges configured = new StubJudges("alice", "bob");
        if (generatorKeys != null) configured.withGenerator(generatorKeys);
        return start(configured, 1.0);
    }

    private HttpResponse<String> generate(HttpSession browser, String body, String... auth) {
        String[] headers = auth.length == 0 ? new String[] {"Content-Type", "application/json", "Authorization", AUTH}
                : new String[] {"Content-Type", "application/json"};
        return browser.post("/api/admin/generate-samples", body, headers);
    }

    @Test
    void generatedSamplesAreStoredJudgedByTwoLiveJudgesAndDealt() {
        HttpSession browser = start("batch: 2, every: PT1H, mix: {good: 0.5, bad: 0.5, ambiguous: 0}");
        HttpResponse<String> answer = generate(browser, "{\"count\": 3}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = HttpSession.json(answer);
        assertThat(result.get("requested").asInt()).isEqualTo(3);
        assertThat(result.get("stored").asInt()).isEqualTo(3);
        assertThat(result.get("failed").asInt()).isZero();
        // one writer call and two judge calls per sample
        assertThat(judges.server().requests()).isEqualTo(9);
        assertThat(judges.server().bodies().stream().filter(b -> b.path("model").asText().equals("writer-model"))
                .map(JsonNode::toString)).allMatch(b -> b.contains("excellent") || b.contains("flawed"));

        List<Sample> generated = service.db().samples().list(null, SampleSource.GENERATED, 0, 10);
        assertThat(generated).extracting(Sample::input)
                .containsExactlyInAnyOrder("Generated question 1?", "Generated question 2?", "Generated question 3?");
        for (Sample s : generated) {
            assertThat(s.response()).isEqualTo("A generated answer.");
            assertThat(s.modelA()).isEqualTo("writer");
            assertThat(service.db().evaluations().forSample(s.id())).hasSize(2);
        }
        // live share 1.0: new rounds come from the generated samples
        JsonNode round = HttpSession.json(browser.post("/api/rounds", null));
        assertThat(round.at("/sample/input").asText()).startsWith("Generated question");
    }

    @Test
    void theJobGeneratesABatchEveryInterval() throws Exception {
        start("batch: 1, every: 300ms");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (service.db().samples().list(null, SampleSource.GENERATED, 0, 10).size() < 2) {
            assertThat(System.nanoTime()).as("two scheduled batches within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void anUnusableReplyIsCountedAsFailedAndStoresNothing() {
        HttpSession browser = start("batch: 1");
        judges.answer("writer", body -> StubReply.text("Sure! Here is a question: what is 2+2?"));
        JsonNode result = HttpSession.json(generate(browser, "{\"count\": 2}"));
        assertThat(result.get("stored").asInt()).isZero();
        assertThat(result.get("failed").asInt()).isEqualTo(2);
        assertThat(result.get("errors").get(0).asText()).contains("no JSON object");
        assertThat(service.db().samples().list(null, SampleSource.GENERATED, 0, 10)).isEmpty();
    }

    @Test
    void theEndpointNeedsTheAdminTokenAndACountFromOneToFifty() {
        HttpSession browser = start("batch: 1");
        assertThat(generate(browser, "{\"count\": 1}", "no token").statusCode()).isEqualTo(401);
        assertProblem(generate(browser, "{\"count\": 0}"), 400, "Field 'count' must be a whole number from 1 to 50");
        assertProblem(generate(browser, "{\"count\": 51}"), 400, "Field 'count'");
        assertProblem(generate(browser, "{}"), 400, "Missing field 'count'");
        assertThat(judges.server().requests()).isZero();
    }

    @Test
    void withoutAGeneratorTheEndpointSaysHowToConfigureOne() {
        HttpSession browser = start(null);
        JsonNode problem = assertProblem(generate(browser, "{\"count\": 1}"), 503, "llm.generator");
        assertThat(problem.get("type").asText()).isEqualTo("/problems/generator-disabled");
    }

    @Test
    void theGeneratorConfigIsCheckedKeyByKey() {
        String endpoint = "llm:\n  endpoints:\n    - {name: w, provider: openai_compatible, base_url: \"http://127.0.0.1:1/v1\", model: m}\n";
        GeneratorConfig defaults = Yaml.llmConfig(endpoint + "  generator: {endpoint: w}\n").generator();
        assertThat(defaults).isEqualTo(new GeneratorConfig("w", Duration.ofMinutes(10), 5, 0.4, 0.3, 0.3));
        assertThat(Yaml.llmConfig(endpoint).generator()).isNull();
        assertThatThrownBy(() -> Yaml.llmConfig(endpoint + "  generator: {endpoint: nope}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm.generator.endpoint")
                .hasMessageContaining("no endpoint named 'nope'");
        assertThatThrownBy(() -> Yaml.llmConfig(endpoint + "  generator: {endpoint: w, mix: {good: 0.5, bad: 0.1}}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm.generator.mix")
                .hasMessageContaining("must be 1");
        assertThatThrownBy(() -> Yaml.llmConfig(endpoint + "  generator: {endpoint: w, batch: 0}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm.generator.batch");
        assertThatThrownBy(() -> Yaml.llmConfig(endpoint + "  generator: {endpoint: w, size: 3}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm.generator.size");
    }
}
