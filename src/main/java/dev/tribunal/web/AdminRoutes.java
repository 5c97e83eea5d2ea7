package dev.tribunal.web;

import dev.tribunal.jobs.RefreshScheduler;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Admin actions, behind {@code Authorization: Bearer <token>}, the token taken from the environment variable the
 * configuration names. Without a configured token every admin endpoint answers 403 saying how to set one.
 * {@code POST /api/admin/refresh} (no body, or {@code {}}; any field is a 400 naming it) recomputes the
 * leaderboards now and says what it did.
 */
public final class AdminRoutes implements RouteGroup {

    /** The admin requests take no fields; a body larger than this is not one of them. */
    private static final long MAX_BODY_BYTES = 1024;

    private final RefreshScheduler scheduler;
    private final String tokenVariable;
    private final byte[] token;

    /** @param token the admin token, or null/blank when none is configured */
    public AdminRoutes(RefreshScheduler scheduler, String tokenVariable, String token) {
        this.scheduler = scheduler;
        this.tokenVariable = tokenVariable;
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/api/admin/*", this::authorise);
        routes.post("/api/admin/refresh", ctx -> {
            JsonRequest.read(ctx, MAX_BODY_BYTES, true).allowOnly();   // no fields: an empty body or {}
            ctx.header("Cache-Control", "no-store").json(scheduler.refreshNow());
        });
    }

    private void authorise(Context ctx) {
        if (token == null) {
            throw new ProblemException(403, "admin-disabled", "Admin endpoints disabled", "No admin token is configured: "
                    + "set the environment variable " + tokenVariable + " to a long random secret and restart Tribunal.");
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(401, "unauthorised", "Unauthorised",
                    "Send the admin token as 'Authorization: Bearer <token>'.", Map.of("WWW-Authenticate", "Bearer"));
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {   // constant time
            throw new ProblemException(403, "forbidden", "Forbidden", "The admin token is wrong.");
        }
    }
}
