package dev.tribunal.llm.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server speaking one provider's chat protocol, with behaviour programmed per request: scripted
 * replies are used first, in order, then the responder. Counts requests in flight and the most seen at once.
 */
public abstract class StubLlmServer implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final Queue<StubReply> script = new ConcurrentLinkedQueue<>();
    private volatile Function<JsonNode, StubReply> responder = request -> StubReply.text("OK");
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final List<String> credentials = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean keepBodies = true;

    protected StubLlmServer(String path) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.routes.post(path, this::handle);
        }).start("127.0.0.1", 0);
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port() + "/v1";
    }

    public int port() {
        return app.port();
    }

    /** Replies used for the next requests, in order, before the responder. */
    public StubLlmServer enqueue(StubReply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Decides the reply from the request body once the script is used up. */
    public StubLlmServer respondWith(Function<JsonNode, StubReply> newResponder) {
        this.responder = newResponder;
        return this;
    }

    public StubLlmServer keepBodies(boolean keep) {
        this.keepBodies = keep;
        return this;
    }

    public int requests() {
        return requests.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Request bodies in arrival order. */
    public List<JsonNode> bodies() {
        return List.copyOf(bodies);
    }

    /** The credential each request carried (Authorization or x-api-key / x-goog-api-key header value). */
    public List<String> credentials() {
        return List.copyOf(credentials);
    }

    private void handle(Context ctx) throws Exception {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        requests.incrementAndGet();
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (keepBodies) bodies.add(body);
            credentials.add(credential(ctx));
            StubReply reply = script.poll();
            if (reply == null) reply = responder.apply(body);
            if (reply.hang()) {
                stopped.await(60, TimeUnit.SECONDS);
                return;
            }
            if (reply.latencyMs() > 0) Thread.sleep(reply.latencyMs());
            if (reply.retryAfter() != null) ctx.header("Retry-After", reply.retryAfter());
            ctx.contentType("application/json").status(reply.status());
            if (reply.garbled()) ctx.result("{\"choices\": [ this is not json");
            else if (reply.status() != 200) ctx.result(errorBody(reply));
            else ctx.result(replyBody(body, reply, tokens(reply.inputTokens(), promptText(body)),
                    tokens(reply.outputTokens(), reply.text())));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static int tokens(int scripted, String text) {
        if (scripted >= 0) return scripted;
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    protected abstract String credential(Context ctx);

    /** All the prompt text of a request, to count its "tokens" (words). */
    protected abstract String promptText(JsonNode body);

    protected abstract String replyBody(JsonNode request, StubReply reply, int inputTokens, int outputTokens)
            throws Exception;

    protected abstract String errorBody(StubReply reply) throws Exception;

    @Override
    public void close() {
        stopped.countDown();
        app.stop();
    }
}
