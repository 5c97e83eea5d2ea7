package dev.tribunal.web;

import dev.tribunal.arena.JudgeArena;
import dev.tribunal.jobs.RefreshScheduler;
import dev.tribunal.store.VoidedVotes;
import dev.tribunal.store.VoteDao;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Admin actions, behind {@code Authorization: Bearer <token>}, the token taken from the environment variable the
 * configuration names. Without a configured token every admin endpoint answers 403 saying how to set one.
 * {@code POST /api/admin/refresh} (no body, or {@code {}}; any field is a 400 naming it) recomputes the
 * leaderboards now and says what it did;
 * {@code POST /api/admin/votes/void} voids the votes of one round's voter or of a time window (kept, flagged
 * {@code voided}, left out of the next leaderboards).
 */
public final class AdminRoutes implements RouteGroup {

    private static final Pattern ROUND_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final RefreshScheduler scheduler;
    private final JudgeArena arena;
    private final VoteDao votes;
    private final String tokenVariable;
    private final byte[] token;
    private final long maxBodyBytes;

    /** @param token the admin token, or null/blank when none is configured */
    public AdminRoutes(RefreshScheduler scheduler, JudgeArena arena, VoteDao votes, String tokenVariable, String token,
                       long maxBodyBytes) {
        this.scheduler = scheduler;
        this.arena = arena;
        this.votes = votes;
        this.tokenVariable = tokenVariable;
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/api/admin/*", this::authorise);
        routes.post("/api/admin/refresh", ctx -> {
            JsonRequest.read(ctx, maxBodyBytes, true).allowOnly();   // no fields: an empty body or {}
            ctx.header("Cache-Control", "no-store").json(scheduler.refreshNow());
        });
        routes.post("/api/admin/votes/void", this::voidVotes);
    }

    /** {@code {"round": id}}: every vote of that round's voter; {@code {"from", "to"}}: every vote cast in [from, to). */
    private void voidVotes(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, maxBodyBytes, false).allowOnly("round", "from", "to");
        boolean byRound = body.has("round");
        boolean byTime = body.has("from") || body.has("to");
        if (byRound == byTime) {
            throw ProblemException.badRequest("Send either 'round' (a round id: void every vote of its voter) or "
                    + "'from' and 'to' (ISO-8601 instants: void every vote cast from 'from' up to 'to').");
        }
        VoidedVotes voided;
        if (byRound) {
            String round = body.requiredText("round", 64);
            if (!ROUND_ID.matcher(round).matches()) {
                throw ProblemException.badRequest("Field 'round' must be a round id (letters, digits, _ and -).");
            }
            voided = votes.voidVoter(arena.get(round).round().voterHash());
        } else {
            Instant from = instant(body, "from");
            Instant to = instant(body, "to");
            if (!from.isBefore(to)) throw ProblemException.badRequest("Field 'from' must be before 'to'.");
            voided = votes.voidWindow(from, to);
        }
        ctx.header("Cache-Control", "no-store").json(Map.of("voided", voided.matched(), "newly_voided", voided.newly()));
    }

    private static Instant instant(JsonRequest body, String name) {
        String text = body.requiredText(name, 64);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Field '" + name + "' must be an ISO-8601 instant such as "
                    + "2026-01-31T12:00:00Z, not '" + Problem.excerpt(text) + "'.");
        }
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
