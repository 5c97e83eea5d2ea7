package dev.tribunal.web;

import dev.tribunal.arena.ArenaException;
import dev.tribunal.arena.LiveJudges;
import dev.tribunal.jobs.SampleGenerator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /api/admin/generate-samples {"count": n}} (1–50, admin token as for every {@code /api/admin}
 * route): generates and has judged {@code n} samples now and says how it went. 503 without live judges or
 * without {@code llm.generator}.
 */
public final class GeneratorRoutes implements RouteGroup {

    static final int MAX_COUNT = 50;

    private final SampleGenerator generator;
    private final LiveJudges live;
    private final long maxBodyBytes;

    /** @param generator null when {@code llm.generator} is not configured */
    public GeneratorRoutes(SampleGenerator generator, LiveJudges live, long maxBodyBytes) {
        this.generator = generator;
        this.live = live;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/admin/generate-samples", this::generate);
    }

    private void generate(Context ctx) {
        int count = JsonRequest.read(ctx, maxBodyBytes, false).allowOnly("count").requiredInt("count", 1, MAX_COUNT);
        if (!live.available()) {
            throw new ArenaException(ArenaException.Reason.NO_LIVE_JUDGES, LiveJudges.HOW_TO_ADD);
        }
        if (generator == null) {
            throw new ProblemException(503, "generator-disabled", "No sample generator", "No sample generator is "
                    + "configured: add llm.generator {endpoint, every, batch, mix} to config/tribunal.yaml and restart.");
        }
        ApiJson.respond(ctx.header("Cache-Control", "no-store"), generator.generate(count));
    }
}
