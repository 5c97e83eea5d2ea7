package dev.tribunal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.bench.baseline.BaselineParams;
import dev.tribunal.bench.collective.CollectiveJson;
import dev.tribunal.bench.collective.CollectiveParams;
import dev.tribunal.config.CollectiveConfig;
import dev.tribunal.llm.ModelConfig;
import dev.tribunal.rating.WeightRule;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.jobs.BenchmarkJobs;
import dev.tribunal.llm.JudgeConfig;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.store.BenchRun;
import dev.tribunal.store.BenchRunDao;
import dev.tribunal.store.BenchUnit;
import dev.tribunal.store.Database;
import dev.tribunal.store.UnitCounts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Benchmark jobs over HTTP. Admin (bearer token, see {@link AdminRoutes}): {@code POST /api/admin/jobs}
 * starts the run of the given parameters (those of {@code tribunal benchmark baseline}; with {@code "kind":
 * "collective"}, those of {@code tribunal benchmark collective}), {@code POST /api/admin/jobs/{id}/stop} and
 * {@code /resume}. Public: {@code GET /api/jobs}, {@code GET /api/jobs/{id}}, {@code GET /api/jobs/{id}/events},
 * server-sent events with the job's progress, and {@code GET /api/jobs/{id}/collective}, a collective run's boards
 * and figures so far (the JSON of {@code tribunal benchmark collective --output json}).
 *
 * <p>Everything shown is read from the database (the run and its units), so any node can serve any job. An event
 * stream re-reads its job every {@code pollEvery} and sends it when it changed (event {@code progress}), a comment
 * every 15 s otherwise (so that a dead connection is noticed), and {@code end} once the job is no longer running;
 * streams last at most {@code maxStream} (a browser's EventSource reconnects by itself). At most
 * {@code maxStreams} are open at once: more get {@code 503 busy}, so that event streams, each holding a
 * connection and a (virtual) thread, cannot take the server from everything else.
 */
public final class JobRoutes implements RouteGroup {

    /** Event streams open at once. */
    public static final int MAX_EVENT_STREAMS = 32;
    private static final Pattern JOB_ID = Pattern.compile("[0-9]{1,18}");
    private static final int FAILURES_SHOWN = 20;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Set<String> FIELDS = Set.of("kind", "questions", "limit", "baseline", "models", "judges",
            "pool_judges", "strong_weight", "rounds", "seed");
    private static final Set<String> COLLECTIVE_FIELDS = Set.of("kind", "models", "topics", "difficulties",
            "iterations", "weights", "allow_self_judging", "allow_same_family", "from_run", "rounds", "seed");

    /** The job's figures for one phase: units by state. */
    record PhaseView(long total, long done, long failed, long pending, long inProgress) {
        static PhaseView of(UnitCounts c) {
            return new PhaseView(c.total(), c.done(), c.failed(), c.pending(), c.claimed());
        }
    }

    /** A job's parameters: a baseline run's, or (questions, baseline, judges empty) a collective run's pool. */
    record ParamsView(String questions, Integer limit, String baseline, List<String> models, List<String> judges,
                      boolean poolJudges, double strongWeight, Integer iterations, String weights) {
    }

    /** Where a board of the job is: its source, the page and the API. */
    record BoardLink(String title, String source, String page, String api) {
    }

    /**
     * A job as stored. {@code done}/{@code total} count the units of both phases known so far (judgment units are
     * added once the answers are in); {@code failures} are the messages of the first failed units, in our words.
     */
    record JobView(long id, String kind, String state, String phase, String error, boolean executingHere,
                   Instant createdAt, Instant updatedAt, ParamsView params, PhaseView answers, PhaseView judgments,
                   long done, long total, long calls, double cost, long failed, List<String> failures,
                   List<BoardLink> leaderboards) {
    }

    private final Database db;
    private final BenchRunDao runs;
    private final BenchmarkJobs jobs;
    private final LlmConfig llm;
    private final CollectiveConfig collective;
    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final Semaphore streams;
    private final Duration pollEvery;
    private final Duration maxStream;
    private volatile boolean closing;

    /** @param jobs the job runner, or null when the service has no LLM gateway (then starting jobs is refused) */
    public JobRoutes(Database db, BenchmarkJobs jobs, LlmConfig llm, CollectiveConfig collective, ObjectMapper json,
                     long maxBodyBytes, int maxStreams, Duration pollEvery, Duration maxStream) {
        this.db = db;
        this.runs = new BenchRunDao(db);
        this.jobs = jobs;
        this.llm = llm;
        this.collective = collective;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.streams = new Semaphore(maxStreams);
        this.pollEvery = pollEvery;
        this.maxStream = maxStream;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/admin/jobs", this::start);
        routes.post("/api/admin/jobs/{id}/stop", ctx -> {
            long id = jobId(ctx);
            JsonRequest.read(ctx, maxBodyBytes, true).allowOnly();
            respond(ctx.status(200), runner().stop(id).id());
        });
        routes.post("/api/admin/jobs/{id}/resume", ctx -> {
            long id = jobId(ctx);
            JsonRequest.read(ctx, maxBodyBytes, true).allowOnly();
            respond(ctx.status(202), runner().resume(id).id());
        });
        routes.get("/api/jobs", ctx -> {
            List<JobView> views = new ArrayList<>();
            for (BenchRun run : runs.recentRuns(50)) views.add(view(run));
            ApiJson.respond(ctx.header("Cache-Control", "no-store"), Map.of("jobs", views));
        });
        routes.get("/api/jobs/{id}", ctx -> respond(ctx, jobId(ctx)));
        routes.get("/api/jobs/{id}/events", this::events);
        routes.get("/api/jobs/{id}/collective", ctx -> {
            long id = jobId(ctx);
            BenchRun run = run(id);
            if (!BenchRun.COLLECTIVE.equals(run.kind()) || jobs == null) {
                throw new ProblemException(404, "no-collective-report", "No collective report", "Job " + id
                        + " is not a collective run" + (jobs == null ? " this server can read." : "."));
            }
            ApiJson.respond(ctx.header("Cache-Control", "no-store"), CollectiveJson.of(jobs.collectiveReport(id)));
        });
    }

    /** Ends the open event streams (the server is stopping): they would otherwise hold its graceful stop. */
    public void close() {
        closing = true;
    }

    private void start(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, maxBodyBytes, false);
        boolean collectiveRun = body.has("kind")
                && body.requiredOneOf("kind", List.of("baseline", "collective")).equals("collective");
        body.allowOnly((collectiveRun ? COLLECTIVE_FIELDS : FIELDS).stream().sorted().toArray(String[]::new));
        BenchRun run;
        try {
            run = collectiveRun ? runner().start(collectiveParams(body)) : runner().start(params(body));
        } catch (BadInputException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        ctx.header("Location", "/api/jobs/" + run.id());
        respond(ctx.status(202), run.id());
    }

    /** The CLI's parameters, checked here so that a problem names the field rather than a command-line option. */
    private BaselineParams params(JsonRequest body) {
        String set = body.requiredText("questions", 200);
        Integer limit = body.optionalInt("limit", 1, 1_000_000);
        String baseline = body.requiredText("baseline", 200);
        List<String> models = body.requiredTextList("models", 100, 200);
        List<String> judges = body.requiredTextList("judges", 20, 200);
        for (String judge : judges) {
            if (llm.judge(judge).isEmpty()) {
                List<String> known = llm.judges().stream().map(JudgeConfig::name).toList();
                throw ProblemException.badRequest("Field 'judges': '" + Problem.excerpt(judge) + "' is not in llm.judges"
                        + (known.isEmpty() ? " (there are none)." : " (configured: " + String.join(", ", known) + ")."));
            }
        }
        if (models.stream().allMatch(baseline::equals)) {
            throw ProblemException.badRequest("Field 'models' must name at least one model besides the baseline "
                    + Problem.excerpt(baseline) + ".");
        }
        boolean pool = body.optionalBoolean("pool_judges", false);
        double strongWeight = body.optionalNumber("strong_weight", 0, 1000, 3);
        int rounds = (int) body.optionalLong("rounds", 0, 10_000, 100);
        long seed = body.optionalLong("seed", Long.MIN_VALUE, Long.MAX_VALUE, 42);
        return new BaselineParams(set, limit, baseline, models, judges, strongWeight, pool, rounds, seed);
    }

    /** {@code tribunal benchmark collective}'s parameters, the configuration's where a field is absent. */
    private CollectiveParams collectiveParams(JsonRequest body) {
        List<String> models = body.requiredTextList("models", 100, 200);
        for (String model : models) {
            if (llm.model(model).isEmpty()) {
                List<String> known = llm.models().stream().map(ModelConfig::name).toList();
                throw ProblemException.badRequest("Field 'models': '" + Problem.excerpt(model) + "' is not in llm.models"
                        + (known.isEmpty() ? " (there are none)." : " (configured: " + String.join(", ", known) + ")."));
            }
        }
        if (models.stream().distinct().count() < 2) {
            throw ProblemException.badRequest("Field 'models' must name at least two models.");
        }
        List<String> topics = body.has("topics") ? body.requiredTextList("topics", 100, 200) : null;
        List<String> difficulties = body.has("difficulties") ? body.requiredTextList("difficulties", 20, 200) : null;
        Integer iterations = body.optionalInt("iterations", 1, 100_000);
        String rule = body.has("weights") ? body.requiredOneOf("weights", List.of("equal", "autobench", "peer-rank"))
                : "autobench";
        Long fromRun = body.has("from_run") ? body.optionalLong("from_run", 1, Long.MAX_VALUE, 0) : null;
        int rounds = (int) body.optionalLong("rounds", 0, 10_000, 100);
        long seed = body.optionalLong("seed", Long.MIN_VALUE, Long.MAX_VALUE, 42);
        return CollectiveParams.of(collective, models, topics, difficulties, iterations, WeightRule.parse(rule),
                body.optionalBoolean("allow_self_judging", false), body.optionalBoolean("allow_same_family", false),
                fromRun, rounds, seed);
    }

    private BenchmarkJobs runner() {
        if (jobs == null) {
            throw new ProblemException(503, "jobs-disabled", "Benchmark jobs disabled", "This server has no LLM "
                    + "gateway: configure llm.endpoints, llm.models and llm.judges and restart Tribunal.");
        }
        return jobs;
    }

    private void respond(Context ctx, long id) {
        ApiJson.respond(ctx.header("Cache-Control", "no-store"), view(run(id)));
    }

    private BenchRun run(long id) {
        return runs.run(id).orElseThrow(() -> new ProblemException(404, "unknown-job", "Unknown job",
                "There is no job " + id + "."));
    }

    private static long jobId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!JOB_ID.matcher(id).matches()) {
            throw new ProblemException(404, "unknown-job", "Unknown job", "There is no job '" + Problem.excerpt(id)
                    + "': job ids are numbers.");
        }
        return Long.parseLong(id);
    }

    JobView view(BenchRun run) {
        Map<String, UnitCounts> counts = runs.counts(run.id());
        boolean collectiveRun = BenchRun.COLLECTIVE.equals(run.kind());
        UnitCounts answers = counts.getOrDefault(BenchUnit.ANSWER, UnitCounts.none(BenchUnit.ANSWER));
        // a collective run's judgments are its ratings of questions and of answers
        UnitCounts judgments = collectiveRun ? sum(counts.get(BenchUnit.RATE_QUESTION), counts.get(BenchUnit.RATE_ANSWER))
                : counts.getOrDefault(BenchUnit.JUDGE, UnitCounts.none(BenchUnit.JUDGE));
        List<String> failures = new ArrayList<>();
        long failed = answers.failed() + judgments.failed();
        if (failed > 0) {
            for (BenchUnit u : runs.failures(run.id())) {
                if (failures.size() == FAILURES_SHOWN) break;
                failures.add(u.error() == null ? "a unit failed" : u.error());
            }
        }
        ParamsView params;
        List<BoardLink> links;
        if (collectiveRun) {
            CollectiveParams c = CollectiveParams.fromJson(run.paramsJson());
            params = new ParamsView(null, null, null, c.pool(), List.of(), false, 0, c.iterations(),
                    c.weights().cliName());
            links = List.of(modelsBoard("Models judged by the pool", CollectiveParams.boardSource(run.id())));
        } else {
            BaselineParams p = BaselineParams.fromJson(run.paramsJson());
            params = new ParamsView(p.questionSet(), p.limit(), p.baseline(), p.contenders(), p.judges(),
                    p.poolJudges(), p.strongWeight(), null, null);
            links = links(p);
        }
        return new JobView(run.id(), run.kind(), run.state(), run.phase(), run.error(),
                jobs != null && jobs.executingHere(run.id()), run.createdAt(), run.updatedAt(), params,
                PhaseView.of(answers), PhaseView.of(judgments),
                answers.done() + answers.failed() + judgments.done() + judgments.failed(),
                answers.total() + judgments.total(), answers.calls() + judgments.calls(),
                answers.cost() + judgments.cost(), failed, failures, links);
    }

    private static UnitCounts sum(UnitCounts a, UnitCounts b) {
        if (a == null) return b == null ? UnitCounts.none(BenchUnit.RATE_ANSWER) : b;
        if (b == null) return a;
        return new UnitCounts(b.phase(), a.pending() + b.pending(), a.claimed() + b.claimed(), a.done() + b.done(),
                a.failed() + b.failed(), a.calls() + b.calls(), a.cost() + b.cost());
    }

    private static List<BoardLink> links(BaselineParams p) {
        List<BoardLink> links = new ArrayList<>();
        List<String> judges = p.judges().stream().distinct().toList();
        for (String judge : judges) links.add(modelsBoard("Models judged by " + judge, p.boardSource(judge)));
        if (p.poolJudges() && judges.size() > 1) {
            links.add(modelsBoard("Models judged by all judges", p.boardSource(String.join("+", judges))));
        }
        if (judges.size() > 1) {
            // the comparisons in the arena: the judges' board of this question set
            String set = encode(p.questionSet());
            links.add(new BoardLink("Judges on " + p.questionSet() + " (arena votes)", "arena",
                    "/leaderboard?board=judges&source=arena&category=" + set,
                    "/api/leaderboards/judges?source=arena&category=" + set));
        }
        return links;
    }

    private static BoardLink modelsBoard(String title, String source) {
        String s = encode(source);
        return new BoardLink(title, source, "/leaderboard?board=models&source=" + s, "/api/leaderboards/models?source=" + s);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- events

    private void events(Context ctx) {
        long id = jobId(ctx);
        run(id);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ProblemException(406, "not-acceptable", "Not acceptable", "This is a stream of server-sent "
                    + "events: send 'Accept: text/event-stream' (a browser's EventSource does), or read GET /api/jobs/"
                    + id + ".");
        }
        if (closing || !streams.tryAcquire()) {
            throw new ProblemException(503, "busy", "Server busy", "Too many progress streams are open at once; "
                    + "try again in 5 s, or read GET /api/jobs/" + id + ".", Map.of("Retry-After", "5"));
        }
        try {
            new SseHandler(client -> {
                try {
                    stream(client, id);
                } finally {
                    streams.release();
                }
            }).handle(ctx);
        } catch (RuntimeException e) {
            streams.release();
            throw e;
        }
    }

    private void stream(SseClient client, long id) {
        long end = System.nanoTime() + maxStream.toNanos();
        long quietSince = System.nanoTime();
        String last = null;
        try {
            while (!client.terminated() && !closing) {
                JobView view = view(run(id));
                String data = json.writeValueAsString(view);
                if (!data.equals(last)) {
                    client.sendEvent("progress", data);
                    last = data;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > KEEP_ALIVE.toNanos()) {
                    client.sendComment("still running");
                    quietSince = System.nanoTime();
                }
                if (!BenchRun.RUNNING.equals(view.state())) {
                    client.sendEvent("end", view.state());
                    return;
                }
                if (System.nanoTime() > end) return;
                Thread.sleep(pollEvery.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JsonProcessingException | NoSuchElementException | ProblemException e) {
            // the job is gone or cannot be shown: end the stream; the client reads GET /api/jobs/{id}
        } finally {
            client.close();
        }
    }
}
