package dev.tribunal.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tribunal.llm.stub.AnthropicStubServer;
import dev.tribunal.llm.stub.OpenAiStubServer;
import dev.tribunal.llm.stub.StubReply;
import dev.tribunal.store.LlmCall;
import dev.tribunal.store.LlmCallDao;
import dev.tribunal.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmGatewayTest {

    private static final String KEY = "sk-tribunal-SECRET-7f3a9c";
    private static final Map<String, String> ENV = Map.of("STUB_KEY", KEY);

    @TempDir
    Path dir;
    private OpenAiStubServer openAi;
    private Database database;
    private LlmCallDao ledger;

    @BeforeEach
    void start() {
        openAi = new OpenAiStubServer();
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
        ledger = new LlmCallDao(database);
    }

    @AfterEach
    void stop() {
        database.close();
        openAi.close();
    }

    private LlmGateway gateway(String... extra) {
        List<String> lines = new ArrayList<>(List.of("api_key_env: STUB_KEY", "backoff_initial: 5ms",
                "backoff_max: 20ms"));
        lines.addAll(List.of(extra));
        return new LlmGateway(Yaml.oneEndpoint("stub", "openai_compatible", openAi.baseUrl(),
                lines.toArray(String[]::new)), ledger, ENV::get);
    }

    private static LlmRequest ask(String question) {
        return LlmRequest.of(LlmMessage.system("You answer briefly."), LlmMessage.user(question));
    }

    @Test
    void neverExceedsParallelUnder200ConcurrentCalls() throws Exception {
        LlmGateway gateway = gateway("parallel: 8");
        openAi.respondWith(body -> StubReply.text("an answer").after(20));
        List<Future<LlmResponse>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                String q = "question " + i;
                futures.add(pool.submit(() -> gateway.complete("stub", ask(q))));
            }
        }
        for (Future<LlmResponse> f : futures) assertThat(f.get().text()).isEqualTo("an answer");
        assertThat(openAi.requests()).isEqualTo(200);
        assertThat(openAi.maxInFlight()).isLessThanOrEqualTo(8).isGreaterThan(1);
        assertThat(ledger.since(Instant.EPOCH)).hasSize(200).allMatch(c -> c.outcome().equals(LlmCall.OK));
    }

    @Test
    void retriesServerErrorsAndMalformedAnswersThenSucceeds() {
        openAi.enqueue(StubReply.status(500, "boom"), StubReply.malformed(), StubReply.status(503, "overloaded"),
                StubReply.text("finally"));
        LlmResponse response = gateway("retries: 3").complete("stub", ask("q"));
        assertThat(response.text()).isEqualTo("finally");
        assertThat(response.attempts()).isEqualTo(4);
        assertThat(openAi.requests()).isEqualTo(4);
        assertThat(ledger.since(Instant.EPOCH)).singleElement().extracting(LlmCall::attempts).isEqualTo(4);
    }

    @Test
    void honoursRetryAfter() {
        openAi.enqueue(StubReply.rateLimited("1"), StubReply.text("after the wait"));
        long start = System.nanoTime();
        LlmResponse response = gateway("retries: 2").complete("stub", ask("q"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.text()).isEqualTo("after the wait");
        assertThat(response.attempts()).isEqualTo(2);
        // backoff alone would wait at most 5 ms; only Retry-After: 1 explains a second
        assertThat(elapsedMs).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void retryAfterIsCapped() {
        openAi.enqueue(StubReply.rateLimited("3600"), StubReply.text("soon"));
        long start = System.nanoTime();
        gateway("retries: 1", "retry_after_max: 200ms").complete("stub", ask("q"));
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(200L, 5_000L);
    }

    @Test
    void givesUpWhenRetriesRunOutAndRecordsTheFailure() {
        openAi.respondWith(body -> StubReply.status(502, "bad gateway"));
        assertThatThrownBy(() -> gateway("retries: 2").complete("stub", ask("q")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.SERVER_ERROR);
                    assertThat(e.attempts()).isEqualTo(3);
                });
        assertThat(openAi.requests()).isEqualTo(3);
        LlmCall row = ledger.since(Instant.EPOCH).getFirst();
        assertThat(row.outcome()).isEqualTo(LlmCall.ERROR);
        assertThat(row.errorKind()).isEqualTo("server_error");
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.cost()).isZero();
    }

    @Test
    void rateLimitsThatNeverEndAreReportedWithRetryAfter() {
        openAi.respondWith(body -> StubReply.rateLimited("0.05"));
        assertThatThrownBy(() -> gateway("retries: 1").complete("stub", ask("q")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                    assertThat(e.retryAfter()).hasValue(java.time.Duration.ofMillis(50));
                    assertThat(e.attempts()).isEqualTo(2);
                });
    }

    @Test
    void authAndBadRequestErrorsAreNotRetried() {
        LlmGateway gateway = gateway("retries: 5");
        openAi.enqueue(StubReply.status(401, "invalid key"), StubReply.status(400, "bad parameter"));
        assertThatThrownBy(() -> gateway.complete("stub", ask("one")))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTH));
        assertThatThrownBy(() -> gateway.complete("stub", ask("two")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(openAi.requests()).isEqualTo(2);
    }

    @Test
    void timeoutsAreRetriedThenReported() {
        openAi.respondWith(body -> StubReply.hanging());
        long start = System.nanoTime();
        assertThatThrownBy(() -> gateway("timeout: 300ms", "retries: 1").complete("stub", ask("q")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
                    assertThat(e.attempts()).isEqualTo(2);
                });
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(600);
        assertThat(openAi.requests()).isEqualTo(2);
    }

    @Test
    void missingKeyVariableIsAnAuthErrorWithoutAnyRequest() {
        LlmGateway gateway = new LlmGateway(Yaml.oneEndpoint("stub", "openai", openAi.baseUrl(),
                "api_key_env: NOT_SET_ANYWHERE"), ledger, name -> null);
        assertThatThrownBy(() -> gateway.complete("stub", ask("q")))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTH))
                .hasMessageContaining("NOT_SET_ANYWHERE");
        assertThat(openAi.requests()).isZero();
    }

    @Test
    void unknownEndpointIsRefused() {
        assertThatThrownBy(() -> gateway().complete("nope", ask("q")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void repeatedRequestIsAnsweredFromTheCacheAtNoCost() {
        LlmGateway gateway = gateway("price_input_per_million: 3", "price_output_per_million: 15");
        openAi.enqueue(StubReply.text("first answer").usage(1000, 100), StubReply.text("fresh answer").usage(1000, 100));
        LlmResponse first = gateway.complete("stub", ask("same question"));
        LlmResponse again = gateway.complete("stub", ask("same question"));
        assertThat(first.cached()).isFalse();
        assertThat(first.cost()).isCloseTo((1000 * 3 + 100 * 15) / 1e6, within(1e-12));
        assertThat(again.cached()).isTrue();
        assertThat(again.cost()).isZero();
        assertThat(again.text()).isEqualTo("first answer");
        assertThat(again.requestKey()).isEqualTo(first.requestKey());
        assertThat(openAi.requests()).isEqualTo(1);

        LlmResponse bypass = gateway.complete("stub", ask("same question").withCache(false));
        assertThat(bypass.text()).isEqualTo("fresh answer");
        assertThat(openAi.requests()).isEqualTo(2);
        // the newest answer is the one the cache serves from now on
        assertThat(gateway.complete("stub", ask("same question")).text()).isEqualTo("fresh answer");
        assertThat(ledger.since(Instant.EPOCH)).extracting(LlmCall::outcome)
                .containsExactly(LlmCall.OK, LlmCall.CACHED, LlmCall.OK, LlmCall.CACHED);
    }

    @Test
    void aStoppedRunResumesWithoutPayingTwice() {
        openAi.respondWith(body -> StubReply.text("answer").usage(100, 10));
        LlmGateway first = gateway("price_input_per_million: 1", "price_output_per_million: 1");
        for (int i = 0; i < 5; i++) first.complete("stub", ask("item " + i));
        first.close();
        assertThatThrownBy(() -> first.complete("stub", ask("item 0"))).isInstanceOf(IllegalStateException.class);
        database.close();
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
        ledger = new LlmCallDao(database);
        double resumedCost = 0;
        try (LlmGateway resumed = gateway("price_input_per_million: 1", "price_output_per_million: 1")) {
            for (int i = 0; i < 8; i++) resumedCost += resumed.complete("stub", ask("item " + i)).cost();
        }
        assertThat(openAi.requests()).isEqualTo(8); // 5 before the stop, only the 3 new ones after
        assertThat(resumedCost).isCloseTo(3 * 110 / 1e6, within(1e-12));
    }

    @Test
    void aDifferentParameterIsADifferentRequest() {
        LlmGateway gateway = gateway("temperature: 0");
        gateway.complete("stub", ask("q"));
        gateway.complete("stub", new LlmRequest(ask("q").messages(), 0.7, null, null, true));
        gateway.complete("stub", new LlmRequest(ask("q").messages(), null, 64, null, true));
        assertThat(openAi.requests()).isEqualTo(3);
        assertThat(openAi.bodies().get(1).path("temperature").asDouble()).isEqualTo(0.7);
    }

    @Test
    void costsAddUpFromTokenUsageTimesPrices() {
        LlmGateway gateway = gateway("price_input_per_million: 2.5", "price_output_per_million: 10");
        int[][] usages = {{1200, 300}, {800, 50}, {15000, 2000}};
        double expected = 0;
        double sum = 0;
        for (int i = 0; i < usages.length; i++) {
            openAi.enqueue(StubReply.text("answer " + i).usage(usages[i][0], usages[i][1]));
            LlmResponse r = gateway.complete("stub", ask("question " + i));
            assertThat(r.inputTokens()).isEqualTo(usages[i][0]);
            assertThat(r.outputTokens()).isEqualTo(usages[i][1]);
            expected += (usages[i][0] * 2.5 + usages[i][1] * 10) / 1_000_000;
            sum += r.cost();
        }
        gateway.complete("stub", ask("question 0")); // cached: adds nothing
        assertThat(sum).isCloseTo(expected, within(1e-12));
        assertThat(ledger.totalCost("stub")).isCloseTo(expected, within(1e-12));
    }

    @Test
    void structuredOutputIsRequestedOnlyWhereEnabled() {
        OutputSchema schema = new OutputSchema("verdict", List.of(OutputSchema.Field.oneOf("verdict", List.of("A", "B")),
                OutputSchema.Field.string("critique")));
        gateway().complete("stub", ask("q").withOutputSchema(schema));
        gateway("structured_output: false").complete("stub", ask("q2").withOutputSchema(schema));
        var withSchema = openAi.bodies().get(0).path("response_format");
        assertThat(withSchema.path("type").asText()).isEqualTo("json_schema");
        assertThat(withSchema.path("json_schema").path("schema").path("properties").path("verdict").path("enum"))
                .hasSize(2);
        assertThat(openAi.bodies().get(1).has("response_format")).isFalse();
    }

    @Test
    void anthropicProtocolWithRetryAfterAndUsage() {
        try (AnthropicStubServer anthropic = new AnthropicStubServer()) {
            LlmGateway gateway = new LlmGateway(Yaml.oneEndpoint("claude", "anthropic", anthropic.baseUrl(),
                    "api_key_env: STUB_KEY", "retries: 2", "price_input_per_million: 1",
                    "price_output_per_million: 5"), ledger, ENV::get);
            anthropic.enqueue(StubReply.rateLimited("1"), StubReply.text("Bonjour").usage(40, 2));
            long start = System.nanoTime();
            LlmResponse r = gateway.complete("claude", ask("Say hello in French"));
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
            assertThat(r.text()).isEqualTo("Bonjour");
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.cost()).isCloseTo((40 * 1 + 2 * 5) / 1e6, within(1e-12));
            assertThat(anthropic.credentials()).containsOnly(KEY);
            assertThat(anthropic.bodies().getFirst().path("system").toString()).contains("You answer briefly.");
        }
    }
}
