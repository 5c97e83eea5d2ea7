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
 *
 * <p>Limits are in characters (Unicode code points), whatever the script: the body may be as large as the longest
 * allowed fields need even when every character is sent as a six-byte JSON escape ({@link #bodyLimit}), so that
 * Chinese or emoji text of allowed length is never refused for its bytes. {@code GET /api/samples/limits} tells the
 * page the limits and whether live judges exist (the form is shown only then).
 */
public final class SampleRoutes implements RouteGroup {

    private static final String[] FIELDS = {"input", "response", "response_a", "response_b", "reference", "rubric"};
    /** The most bytes one character can take in a JSON string: {@code \\uXXXX}. */
    private static final int MAX_BYTES_PER_CHAR = 6;
    /** Room for the field names, quotes and braces around the texts. */
    private static final int JSON_OVERHEAD = 4_096;

    record MaxChars(int input, int response, int reference, int rubric) {
    }

    record Limits(boolean liveJudges, MaxChars maxChars) {
    }

    private final JudgeArena arena;
    private final LiveJudges live;
    private final ArenaGate gate;
    private final long maxBodyBytes;
    private final LiveSettings limits;

    public SampleRoutes(JudgeArena arena, LiveJudges live, ArenaGate gate, long maxBodyBytes, LiveSettings limits) {
        this.arena = arena;
        this.live = live;
        this.gate = gate;
        this.maxBodyBytes = bodyLimit(maxBodyBytes, limits);
        this.limits = limits;
    }

    /**
     * The largest sample body accepted: the configured body limit, or what a pair sample with every field at its
     * longest needs (input and rubric at the input limit; responses A and B and the reference at the response
     * limit), each character six bytes, if that is more.
     */
    static long bodyLimit(long maxBodyBytes, LiveSettings limits) {
        long chars = 2L * limits.maxInputChars() + 3L * limits.maxResponseChars();
        return Math.max(maxBodyBytes, chars * MAX_BYTES_PER_CHAR + JSON_OVERHEAD);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/samples", this::submit);
        routes.get("/api/samples/limits", ctx -> ctx.header("Cache-Control", "no-cache").json(new Limits(
                live.available(), new MaxChars(limits.maxInputChars(), limits.maxResponseChars(),
                        limits.maxResponseChars(), limits.maxInputChars()))));
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
