package dev.tribunal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.arena.ArenaException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure under {@code /api} to an RFC 9457 problem: our own {@link ProblemException}s, the arena's
 * {@link ArenaException}s, Javalin's
 * {@link HttpResponseException}s (unknown route, wrong method), and anything unexpected (500, logged with the
 * method and path only — never the client's address).
 */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

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
            write(ctx, new ProblemException(500, "internal-error", "Internal server error",
                    "The server failed to handle this request; the error was logged."));
        });
        // Javalin answers unknown routes and wrong methods with a bare status: give /api clients a problem.
        config.routes.error(404, ctx -> {
            if (isApi(ctx) && !isProblem(ctx)) write(ctx, unknownRoute(ctx));
        });
        config.routes.error(405, ctx -> {
            if (isApi(ctx) && !isProblem(ctx)) write(ctx, wrongMethod(ctx));
        });
    }

    private static ProblemException fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> unknownRoute(ctx);
            case 405 -> wrongMethod(ctx);
            case 413 -> new ProblemException(413, "body-too-large", "Request body too large", e.getMessage());
            default -> new ProblemException(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage());
        };
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
        return ProblemException.notFound("No API endpoint " + ctx.method() + " " + ctx.path()
                + "; see README.md \"## API\" for the endpoints.");
    }

    private static ProblemException wrongMethod(Context ctx) {
        return new ProblemException(405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path());
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/api");
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    void write(Context ctx, ProblemException e) {
        e.headers().forEach(ctx::header);
        try {
            ctx.status(e.status())
                    .contentType(Problem.MEDIA_TYPE)
                    .result(json.writeValueAsBytes(e.toProblem(ctx.path())));
        } catch (java.io.IOException io) {
            throw new UncheckedIOException(io);
        }
    }
}
