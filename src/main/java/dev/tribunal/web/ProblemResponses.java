package dev.tribunal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.arena.ArenaException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.UncheckedIOException;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to an RFC 9457 problem in our words: our own {@link ProblemException}s, the arena's
 * {@link ArenaException}s, Javalin's {@link HttpResponseException}s (unknown route, wrong method: on any path,
 * pages included), and anything unexpected (500, logged with the method and path only — never the client's
 * address). What Jetty answers before a route runs is mapped by {@link ProblemErrorHandler}.
 */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private static final int MAX_INSTANCE_CHARS = 256;

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void install(JavalinConfig config) {
        config.routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e));
        config.routes.exception(ArenaException.class, (e, ctx) -> write(ctx, fromArena(e)));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, internalError());
        });
        // Javalin answers unknown routes and wrong methods with a bare status: give every client a problem.
        config.routes.error(404, ctx -> {
            if (!isProblem(ctx)) write(ctx, unknownRoute(ctx));
        });
        config.routes.error(405, ctx -> {
            if (!isProblem(ctx)) write(ctx, wrongMethod(ctx));
        });
    }

    private static ProblemException fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> unknownRoute(ctx);
            case 405 -> wrongMethod(ctx);
            default -> forStatus(e.getStatus());   // Javalin's message is in its words, not ours
        };
    }

    /**
     * The problem for an error status that has no more specific cause: the answers Jetty and Javalin give on their
     * own (see {@link ProblemErrorHandler}), in our words.
     */
    static ProblemException forStatus(int status) {
        return switch (status) {
            case 400 -> new ProblemException(400, "bad-request", "Bad request", "The server could not read this "
                    + "HTTP request: a malformed request line, header or percent-encoded URI, or no Host header.");
            case 404 -> ProblemException.notFound("Nothing here.");
            case 408 -> bodyTimeout();
            case 413 -> new ProblemException(413, "body-too-large", "Request body too large",
                    "The request body is larger than the server accepts.");
            case 414 -> new ProblemException(414, "uri-too-long", "URI too long",
                    "The request URI is longer than the server accepts.");
            case 431 -> new ProblemException(431, "headers-too-large", "Request headers too large",
                    "The request headers (cookies included) are larger than the server accepts.");
            case 500 -> internalError();
            case 503 -> new ProblemException(503, "unavailable", "Service unavailable",
                    "The server is stopping or cannot answer now; try again shortly.");
            case 505 -> new ProblemException(505, "http-version-not-supported", "HTTP version not supported",
                    "Send the request as HTTP/1.1.");
            default -> {
                String phrase = HttpStatus.getMessage(status);
                yield new ProblemException(status, "http-" + status, phrase, "The request failed: " + phrase + ".");
            }
        };
    }

    /** A request body that stopped arriving before it was complete. */
    static ProblemException bodyTimeout() {
        return new ProblemException(408, "request-timeout", "Request timeout", "The request body did not arrive in time.");
    }

    private static ProblemException internalError() {
        return new ProblemException(500, "internal-error", "Internal server error",
                "The server failed to handle this request; the error was logged.");
    }

    /** The arena's refusals, whichever route they come from. */
    private static ProblemException fromArena(ArenaException e) {
        return switch (e.reason()) {
            case UNKNOWN_ROUND -> new ProblemException(404, "unknown-round", "Unknown round", e.getMessage());
            case EXPIRED_ROUND -> new ProblemException(410, "round-expired", "Round expired", e.getMessage());
            case ALREADY_VOTED -> new ProblemException(409, "already-voted", "Already voted", e.getMessage());
            case NOT_YOUR_ROUND -> new ProblemException(403, "not-your-round", "Not your round", e.getMessage());
            case NO_MATCHUP -> new ProblemException(503, "nothing-to-judge", "Nothing to judge", e.getMessage());
            case NO_LIVE_JUDGES -> new ProblemException(503, "no-live-judges", "No live judges", e.getMessage());
            case JUDGES_FAILED -> new ProblemException(502, "judges-failed", "The judges failed", e.getMessage());
        };
    }

    private static ProblemException unknownRoute(Context ctx) {
        return ProblemException.notFound(isApi(ctx)
                ? "No API endpoint " + ctx.method() + " " + Problem.excerpt(ctx.path())
                        + "; see README.md \"## API\" for the endpoints."
                : "No page or file at " + Problem.excerpt(ctx.path()) + ".");
    }

    private static ProblemException wrongMethod(Context ctx) {
        return new ProblemException(405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + Problem.excerpt(ctx.path()));
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/api");
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    /** The request's path, unless it is too long to echo (then none: the problem stays short). */
    private static String instance(Context ctx) {
        return ctx.path().length() <= MAX_INSTANCE_CHARS ? ctx.path() : null;
    }

    void write(Context ctx, ProblemException e) {
        e.headers().forEach(ctx::header);
        try {
            ctx.status(e.status())
                    .contentType(Problem.MEDIA_TYPE)
                    .result(json.writeValueAsBytes(e.toProblem(instance(ctx))));
        } catch (java.io.IOException io) {
            throw new UncheckedIOException(io);
        }
    }
}
