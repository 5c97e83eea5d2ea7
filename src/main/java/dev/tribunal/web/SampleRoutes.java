package dev.tribunal.web;

import dev.tribunal.arena.ArenaException;
import dev.tribunal.arena.JudgeArena;
import dev.tribunal.arena.LiveJudges;
import dev.tribunal.arena.Matchup;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /api/samples}: a person's own sample, judged now by two live judges and dealt as a new round (the
 * same shape as any round, anonymous until the vote). The body is checked before anything else; with fewer than
 * two live judges the answer is a 503 saying how to configure them. Limited as a submitted sample (paid LLM
 * calls) and as a round, per voter and per network address. The
 * submitter is stored only as the voter hash.
 */
public final class SampleRoutes implements RouteGroup {

    private static final String[] FIELDS = {"input", "response", "response_a", "response_b", "reference", "rubric"};

    private final JudgeArena arena;
    private final LiveJudges live;
    private final ArenaGate gate;
    private final long maxBodyBytes;
    private final LiveSettings limits;

    public SampleRoutes(JudgeArena arena, LiveJudges live, ArenaGate gate, long maxBodyBytes, LiveSettings limits) {
        this.arena = arena;
        this.live = live;
        this.gate = gate;
        this.maxBodyBytes = maxBodyBytes;
        this.limits = limits;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/samples", this::submit);
    }

    private void submit(Context ctx) {
        Sample sample = sample(JsonRequest.read(ctx, maxBodyBytes, false).allowOnly(FIELDS));
        if (!live.available()) {
            throw new ArenaException(ArenaException.Reason.NO_LIVE_JUDGES, LiveJudges.HOW_TO_ADD);
        }
        String voter = gate.admit(ctx, ArenaGate.Action.SAMPLE);
        Matchup judged = live.judgeNew(sample.withSubmitterHash(voter));
        ArenaRoutes.created(ctx, arena.startOn(judged, voter));
    }

    /** The sample the body describes: an input and either a response or responses A and B. */
    private Sample sample(JsonRequest body) {
        String input = body.requiredText("input", limits.maxInputChars());
        boolean single = body.has("response");
        boolean pair = body.has("response_a") || body.has("response_b");
        if (single && pair) {
            throw ProblemException.badRequest("Send either 'response' (one response, graded 1-5) or 'response_a' and "
                    + "'response_b' (two responses, compared), not both.");
        }
        if (!single && !pair) {
            throw ProblemException.badRequest("Missing field 'response' (or 'response_a' and 'response_b').");
        }
        int max = limits.maxResponseChars();
        Sample sample = single
                ? Sample.single(input, body.requiredText("response", max), null, SampleSource.CUSTOM, null)
                : Sample.pair(input, body.requiredText("response_a", max), body.requiredText("response_b", max), null,
                        null, SampleSource.CUSTOM, null);
        return sample.withReference(body.optionalText("reference", max),
                body.optionalText("rubric", limits.maxInputChars()));
    }
}
