package dev.tribunal.web;

import dev.tribunal.store.BrowseDao;
import dev.tribunal.store.BrowseDao.BrowsedQuestion;
import dev.tribunal.store.BrowseDao.BrowsedSample;
import dev.tribunal.store.BrowseDao.Filter;
import dev.tribunal.store.BrowseDao.JudgedEvaluation;
import dev.tribunal.store.QueryBudgetExceededException;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Browsing, for the battles page: {@code GET /api/samples} (arena samples with their evaluations and votes; a
 * critique the arena can still deal is anonymous, see {@link BrowseDao}), {@code GET /api/questions} (benchmark
 * questions with answers and judgments), both filtered by {@code q}, {@code judge}, {@code model},
 * {@code category} and paged by {@code page} (from 1) and {@code size} (1–50); {@code GET /api/browse/facets}
 * lists the filter values. At most {@link QueryLimits#searches()} of these run at once, each within the query
 * budget: a flood of searches waits for itself, not the rest of the server.
 */
public final class BrowseRoutes implements RouteGroup {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 50;
    static final int MAX_FILTER_CHARS = 200;

    private final BrowseDao browse;
    private final ConcurrencyCap searches;
    private final String budget;

    public BrowseRoutes(BrowseDao browse, QueryLimits limits) {
        this.browse = browse;
        this.searches = new ConcurrencyCap("searches", limits.searches(), QueryLimits.WAIT);
        this.budget = seconds(limits.budget());
    }

    public BrowseRoutes(BrowseDao browse) {
        this(browse, QueryLimits.defaults());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/samples", limited(this::samples));
        routes.get("/api/questions", limited(this::questions));
        routes.get("/api/browse/facets", limited(ctx -> noStore(ctx).json(browse.facets())));
    }

    /** The handler under the cap, with a search stopped at its budget told to narrow itself. */
    private Handler limited(Handler handler) {
        return ctx -> searches.run(() -> {
            try {
                handler.handle(ctx);
            } catch (QueryBudgetExceededException e) {
                throw new ProblemException(503, "search-too-long", "The search took too long",
                        "The search took longer than " + budget + " and was stopped; narrow it (more words, or a "
                                + "judge, model or category).", java.util.Map.of("Retry-After", "1"));
            }
        });
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    record PageView<T>(int page, int size, long total, List<T> items) {
    }

    record VotesView(long rounds, long won, long lost, long tie, long bothBad) {
    }

    /** {@code anonymous}: the arena can still deal it, so judge, organisation and votes are null. */
    record EvaluationView(String judge, String organisation, boolean anonymous, String verdict, Integer score,
                          String critique, String status, VotesView votes) {
    }

    /** {@code votes}: votes on all rounds of the sample, whichever critiques they showed. */
    record SampleView(long id, String kind, String category, String source, String input, String response,
                      String responseA, String responseB, String reference, String rubric,
                      Map<String, String> models, Instant createdAt, long votes, List<EvaluationView> evaluations) {
    }

    record AnswerView(String model, String content, Long tokens) {
    }

    /** {@code anonymous}: its comparison is in the arena (a baseline-benchmark comparison), so judge is null. */
    record JudgmentView(String judge, boolean anonymous, String modelA, String modelB, int game, String verdict,
                        Double score, String critique, String status) {
    }

    record QuestionView(long id, String questionSet, String category, String topic, String difficulty, String prompt,
                        String reference, List<AnswerView> answers, List<JudgmentView> judgments) {
    }

    private void samples(Context ctx) {
        Paging paging = Paging.of(ctx);
        BrowseDao.Page<BrowsedSample> found = browse.samples(filter(ctx), paging.offset(), paging.size());
        noStore(ctx).json(paging.view(found.total(), found.items().stream().map(BrowseRoutes::sample).toList()));
    }

    private void questions(Context ctx) {
        Paging paging = Paging.of(ctx);
        BrowseDao.Page<BrowsedQuestion> found = browse.questions(filter(ctx), paging.offset(), paging.size());
        noStore(ctx).json(paging.view(found.total(), found.items().stream().map(BrowseRoutes::question).toList()));
    }

    private static SampleView sample(BrowsedSample browsed) {
        Sample s = browsed.sample();
        Map<String, String> models = new LinkedHashMap<>();
        if (s.kind() == SampleKind.PAIR) {
            models.put("response_a", s.modelA());
            models.put("response_b", s.modelB());
        } else {
            models.put("response", s.modelA());
        }
        return new SampleView(s.id(), s.kind().code(), s.category(), s.source().code(), s.input(), s.response(),
                s.responseA(), s.responseB(), s.reference(), s.rubric(), models, s.createdAt(), browsed.votes(),
                browsed.evaluations().stream().map(BrowseRoutes::evaluation).toList());
    }

    private static EvaluationView evaluation(JudgedEvaluation e) {
        BrowseDao.EvaluationVotes v = e.votes();
        return new EvaluationView(e.judge(), e.organisation(), e.anonymous(), e.verdict(), e.score(), e.critique(),
                e.status().code(), v == null ? null : new VotesView(v.rounds(), v.won(), v.lost(), v.tie(), v.bothBad()));
    }

    private static QuestionView question(BrowsedQuestion browsed) {
        var q = browsed.question();
        return new QuestionView(q.id(), q.questionSet(), q.category(), q.topic(), q.difficulty(), q.prompt(),
                q.reference(),
                browsed.answers().stream().map(a -> new AnswerView(a.model(), a.content(), a.tokens())).toList(),
                browsed.judgments().stream().map(j -> new JudgmentView(j.judge(), j.anonymous(), j.modelA(), j.modelB(), j.game(),
                        j.verdict(), j.score(), j.critique(), j.status().code())).toList());
    }

    private static Filter filter(Context ctx) {
        return new Filter(text(ctx, "q"), text(ctx, "judge"), text(ctx, "model"), text(ctx, "category"));
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) return null;
        if (value.length() > MAX_FILTER_CHARS) {
            throw ProblemException.badRequest("Query parameter '" + name + "' is longer than " + MAX_FILTER_CHARS
                    + " characters.");
        }
        // a NUL reached the database as the end of the pattern, and "%" then matched every sample
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw ProblemException.badRequest("Query parameter '" + name + "' must not contain control characters.");
        }
        return value;
    }

    private static Context noStore(Context ctx) {
        // whether a critique is anonymous changes as rounds open and close: an answer must not be reused
        return ctx.header("Cache-Control", "no-store");
    }

    /** page (from 1) and size (1–{@value #MAX_SIZE}) from the query, or a problem naming the parameter. */
    record Paging(int page, int size) {

        static Paging of(Context ctx) {
            return new Paging(number(ctx, "page", 1, 1, 1_000_000), number(ctx, "size", DEFAULT_SIZE, 1, MAX_SIZE));
        }

        int offset() {
            return (page - 1) * size;
        }

        <T> PageView<T> view(long total, List<T> items) {
            return new PageView<>(page, size, total, items);
        }

        private static int number(Context ctx, String name, int otherwise, int min, int max) {
            String raw = ctx.queryParam(name);
            if (raw == null || raw.isBlank()) return otherwise;
            try {
                int value = Integer.parseInt(raw.strip());
                if (value >= min && value <= max) return value;
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
            throw ProblemException.badRequest("Query parameter '" + name + "' must be a whole number from " + min
                    + " to " + max + ", not '" + Problem.excerpt(raw) + "'.");
        }
    }
}
