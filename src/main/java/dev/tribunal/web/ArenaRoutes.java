package dev.tribunal.web;

import dev.tribunal.arena.Choice;
import dev.tribunal.arena.JudgeArena;
import dev.tribunal.arena.Reveal;
import dev.tribunal.arena.Round;
import dev.tribunal.arena.RoundStore.StoredRound;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * The judge arena over HTTP: {@code POST /api/rounds}, {@code GET /api/rounds/{id}},
 * {@code POST /api/rounds/{id}/vote}, {@code POST /api/rounds/{id}/regenerate}. Limits are checked before
 * anything is stored
 * ({@link ArenaGate}).
 */
public final class ArenaRoutes implements RouteGroup {

    private static final Pattern ROUND_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final JudgeArena arena;
    private final ArenaGate gate;
    private final long maxBodyBytes;

    public ArenaRoutes(JudgeArena arena, ArenaGate gate, long maxBodyBytes) {
        this.arena = arena;
        this.gate = gate;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/rounds", this::start);
        routes.get("/api/rounds/{id}", this::get);
        routes.post("/api/rounds/{id}/vote", this::vote);
        routes.post("/api/rounds/{id}/regenerate", this::regenerate);
    }

    private void start(Context ctx) {
        JsonRequest.read(ctx, maxBodyBytes, true).allowOnly();
        created(ctx, arena.start(gate.admit(ctx, ArenaGate.Action.ROUND)));
    }

    private void regenerate(Context ctx) {
        String id = roundId(ctx);
        JsonRequest.read(ctx, maxBodyBytes, true).allowOnly();
        created(ctx, arena.regenerate(id, gate.admit(ctx, ArenaGate.Action.ROUND)));
    }

    private void get(Context ctx) {
        StoredRound stored = arena.get(roundId(ctx));
        Reveal reveal = stored.voted() ? arena.reveal(stored.round(), stored.vote()) : null;
        ApiJson.respond(noStore(ctx), ArenaViews.storedRound(stored.round(), reveal));
    }

    private void vote(Context ctx) {
        String id = roundId(ctx);
        Choice choice = Choice.fromWireName(JsonRequest.read(ctx, maxBodyBytes, false)
                .allowOnly("choice").requiredOneOf("choice", Choice.WIRE_NAMES));
        Reveal reveal = arena.vote(id, choice, gate.admit(ctx, ArenaGate.Action.VOTE));
        ApiJson.respond(noStore(ctx), ArenaViews.reveal(reveal));
    }

    static void created(Context ctx, Round round) {
        ApiJson.respond(noStore(ctx).status(201).header("Location", "/api/rounds/" + round.id()),
                ArenaViews.newRound(round));
    }

    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store");
    }

    private static String roundId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ROUND_ID.matcher(id).matches()) {
            throw new ProblemException(404, "unknown-round", "Unknown round", "There is no round '" + Problem.excerpt(id) + "'.");
        }
        return id;
    }
}
