package dev.tribunal.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.tribunal.store.LlmCall;
import dev.tribunal.store.LlmCallDao;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to call a model. Per endpoint it keeps at most {@code parallel} requests in flight (a fair
 * semaphore: callers block as virtual threads, in arrival order) and, in a cluster, at most {@code cluster_parallel}
 * over all nodes ({@link ClusterSlots}), retries 429/5xx/timeouts/network errors with
 * exponential backoff and full jitter or the server's Retry-After, answers repeated requests from the cache in
 * {@code llm_calls}, and writes a ledger row for every call. API keys are read from the named environment
 * variable when an endpoint is first used and never logged, stored or put in an exception message.
 *
 * <p>Thread-safe; meant to be shared by the whole process and called from virtual threads.
 */
public final class LlmGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LlmGateway.class);

    private final LlmConfig config;
    private final LlmCallDao ledger;
    private final LedgerWriter ledgerWriter;
    private final Function<String, String> environment;
    private final Map<String, EndpointLane> lanes = new ConcurrentHashMap<>();

    /** Reads API keys from the process environment. */
    public LlmGateway(LlmConfig config, LlmCallDao ledger) {
        this(config, ledger, System::getenv);
    }

    /** {@code environment} maps a variable name to its value (or null); tests pass a map's {@code get}. */
    public LlmGateway(LlmConfig config, LlmCallDao ledger, Function<String, String> environment) {
        this(config, ledger, environment, null);
    }

    /**
     * @param clusterSlots where the endpoints' cluster-wide limits are kept (a cluster on PostgreSQL), or null: then
     *                     {@code cluster_parallel} is not enforced (one process: {@code parallel} is the limit)
     */
    public LlmGateway(LlmConfig config, LlmCallDao ledger, Function<String, String> environment,
                      ClusterSlots clusterSlots) {
        this.config = config;
        this.ledger = ledger;
        this.ledgerWriter = new LedgerWriter(ledger);
        this.environment = environment;
        for (EndpointConfig e : config.endpoints()) {
            if (clusterSlots != null) clusterSlots.prepare(e);
            lanes.put(e.name(), new EndpointLane(e, clusterSlots));
        }
    }

    public LlmConfig config() {
        return config;
    }

    /**
     * Sends a request to the named endpoint, or answers it from the cache.
     *
     * @throws IllegalArgumentException when no endpoint has that name
     * @throws LlmException             when the provider failed and retries (if the failure allows them) ran out
     */
    public LlmResponse complete(String endpointName, LlmRequest request) {
        EndpointLane lane = lanes.get(endpointName);
        if (lane == null) throw new IllegalArgumentException("no endpoint named '" + endpointName + "' in llm.endpoints");
        EndpointConfig endpoint = lane.endpoint;
        RequestKey key = RequestKey.of(endpoint, request);
        if (request.useCache()) {
            Optional<LlmCall> stored = ledger.findAnswer(key.hash());
            if (stored.isPresent()) return answerFromCache(endpoint, key, stored.get());
        }
        return callProvider(lane, request, key);
    }

    private LlmResponse answerFromCache(EndpointConfig endpoint, RequestKey key, LlmCall stored) {
        ledgerWriter.write(new LlmCall(null, key.hash(), endpoint.name(), endpoint.model(),
                LlmCall.CACHED, null, 0, 0, 0, 0, 0, null, null, null));
        return new LlmResponse(stored.responseText(), (int) stored.inputTokens(), (int) stored.outputTokens(),
                stored.latencyMs(), 0, true, 0, key.hash());
    }

    private LlmResponse callProvider(EndpointLane lane, LlmRequest request, RequestKey key) {
        EndpointConfig endpoint = lane.endpoint;
        Backoff backoff = Backoff.of(endpoint);
        for (int attempt = 1; ; attempt++) {
            ProviderFailure failure;
            try {
                Answer answer = lane.send(request, environment);
                return recordAnswer(endpoint, key, answer, attempt);
            } catch (ProviderFailureSignal signal) {
                failure = signal.failure;
            }
            if (!failure.kind().retryable() || attempt > endpoint.retries()) {
                throw recordFailure(endpoint, key, failure, attempt);
            }
            Duration wait = backoff.delay(attempt, failure.retryAfter(), ThreadLocalRandom.current());
            LOG.debug("{} attempt {} failed ({}), next in {} ms", endpoint.name(), attempt, failure.kind().label(),
                    wait.toMillis());
            sleep(wait);
        }
    }

    private LlmResponse recordAnswer(EndpointConfig endpoint, RequestKey key, Answer answer, int attempts) {
        double cost = endpoint.cost(answer.inputTokens, answer.outputTokens);
        ledgerWriter.write(new LlmCall(null, key.hash(), endpoint.name(), endpoint.model(),
                LlmCall.OK, null, attempts, answer.inputTokens, answer.outputTokens, answer.latencyMs, cost,
                answer.text, key.canonicalJson(), null));
        return new LlmResponse(answer.text, answer.inputTokens, answer.outputTokens, answer.latencyMs, cost, false,
                attempts, key.hash());
    }

    private LlmException recordFailure(EndpointConfig endpoint, RequestKey key, ProviderFailure failure, int attempts) {
        ledgerWriter.write(new LlmCall(null, key.hash(), endpoint.name(), endpoint.model(),
                LlmCall.ERROR, failure.kind().label(), attempts, 0, 0, 0, 0, null, key.canonicalJson(), null));
        LOG.warn("{}: {} after {} attempt(s)", endpoint.name(), failure.kind().label(), attempts);
        return new LlmException(endpoint.name(), failure.kind(), failure.message(), failure.retryAfter(), attempts);
    }

    /**
     * Stores the ledger rows still queued and stops the writer; later calls fail with IllegalStateException.
     * Close once no call is in flight.
     */
    @Override
    public void close() {
        ledgerWriter.close();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }

    /** A reply as the provider gave it. */
    private record Answer(String text, int inputTokens, int outputTokens, long latencyMs) {
    }

    /** Carries a classified failure out of {@link EndpointLane#send}. */
    private static final class ProviderFailureSignal extends RuntimeException {
        private final transient ProviderFailure failure;

        ProviderFailureSignal(ProviderFailure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** One endpoint: its limits on requests in flight and its chat model, built on first use. */
    private static final class EndpointLane {
        private final EndpointConfig endpoint;
        private final Semaphore inFlight;
        /** Null when the cluster-wide limit is not enforced. */
        private final ClusterSlots clusterSlots;
        private volatile ChatModel model;
        private volatile String apiKey;

        EndpointLane(EndpointConfig endpoint, ClusterSlots clusterSlots) {
            this.endpoint = endpoint;
            this.inFlight = new Semaphore(endpoint.parallel(), true);
            this.clusterSlots = clusterSlots;
        }

        Answer send(LlmRequest request, Function<String, String> environment) {
            ChatModel chatModel = model(environment);
            inFlight.acquireUninterruptibly();
            int slot;
            try {
                slot = clusterSlots == null ? -1 : clusterSlots.take(endpoint);
            } catch (RuntimeException e) {
                inFlight.release();   // the store failed: not the provider's doing
                throw e;
            }
            long start = System.nanoTime();
            ChatResponse response;
            try {
                response = chatModel.chat(ProviderChatModels.chatRequest(endpoint, request));
            } catch (RuntimeException e) {
                throw new ProviderFailureSignal(ProviderFailure.classify(e, apiKey));
            } finally {
                if (slot >= 0) clusterSlots.release(endpoint, slot);
                inFlight.release();
            }
            long latencyMs = (System.nanoTime() - start) / 1_000_000;
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            if (text == null) {
                throw new ProviderFailureSignal(new ProviderFailure(ErrorKind.MALFORMED_RESPONSE, "the reply has no text", null));
            }
            TokenUsage usage = response.tokenUsage();
            int in = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount()
                    : TokenEstimate.count(request.messages());
            int out = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount()
                    : TokenEstimate.count(text);
            return new Answer(text, in, out, latencyMs);
        }

        private ChatModel model(Function<String, String> environment) {
            ChatModel m = model;
            if (m != null) return m;
            synchronized (this) {
                if (model == null) {
                    String key = null;
                    if (endpoint.apiKeyEnv() != null) {
                        key = environment.apply(endpoint.apiKeyEnv());
                        if (key == null || key.isBlank()) {
                            throw new ProviderFailureSignal(new ProviderFailure(ErrorKind.AUTH, "environment variable "
                                    + endpoint.apiKeyEnv() + " (api_key_env) is not set", null));
                        }
                    }
                    apiKey = key;
                    model = ProviderChatModels.build(endpoint, key);
                }
                return model;
            }
        }
    }
}
