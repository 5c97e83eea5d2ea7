package dev.tribunal.bench.baseline;

import dev.tribunal.bench.UnitLoop;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.imports.QuestionSets;
import dev.tribunal.judging.Judge;
import dev.tribunal.judging.JudgeVerdict;
import dev.tribunal.judging.PromptTemplate;
import dev.tribunal.llm.JudgeConfig;
import dev.tribunal.llm.LlmException;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.LlmMessage;
import dev.tribunal.llm.LlmRequest;
import dev.tribunal.llm.LlmResponse;
import dev.tribunal.llm.ModelConfig;
import dev.tribunal.store.Answer;
import dev.tribunal.store.BenchRun;
import dev.tribunal.store.BenchRunDao;
import dev.tribunal.store.BenchUnit;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Judgment;
import dev.tribunal.store.Question;
import dev.tribunal.store.UnitCounts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;

/**
 * The baseline benchmark (Arena-Hard's method): every model answers every question of a set through the gateway
 * (multi-turn questions turn by turn), then each judge compares each model's answer with the baseline's twice,
 * game 1 with the baseline as A and game 2 swapped, and the verdicts become the models' leaderboard against the
 * baseline.
 *
 * <p>A run is a row in {@code bench_runs} found by its parameters' key, and its work is units in
 * {@code bench_units} (one per missing answer, one per judgment game) that this process claims with a lease and
 * renews while it works: state lives in the database, never only in memory. So a second run of the same command
 * finds everything done and makes no provider call; a killed run, started again, claims what is pending and what
 * the dead process held once its lease ran out (finished calls come back from the gateway's response cache); and
 * on PostgreSQL several processes can work on one run. Units run on virtual threads; the gateway's per-endpoint
 * limits bound the calls in flight.
 */
public final class BaselineRun {

    public static final String ANSWERS = "answers";
    public static final String JUDGMENTS = "judgments";
    public static final String RATING = "rating";

    private final Database db;
    private final LlmGateway gateway;
    private final QuestionSets sets;
    private final Duration lease;
    private final BenchRunDao runs;
    private final Judge judge;
    private final PromptTemplate template;
    private final BaselineBoards boards;
    private final ArenaComparisons arena;

    /**
     * @param lease how long a claimed unit stays reserved for this process without a heartbeat; a unit of a process
     *              that died is claimable again after it
     * @param clock the time of the stored boards (snapshots)
     */
    public BaselineRun(Database db, LlmGateway gateway, QuestionSets sets, Duration lease, Clock clock) {
        this.db = db;
        this.gateway = gateway;
        this.sets = sets;
        this.lease = lease;
        this.runs = new BenchRunDao(db);
        this.judge = new Judge(gateway);
        this.template = PromptTemplate.load(BaselineParams.PROMPT, "prompts/" + BaselineParams.PROMPT,
                Set.of("input", "response_a", "response_b"));
        this.boards = new BaselineBoards(db, clock);
        this.arena = new ArenaComparisons(db);
    }

    /** The run's progress as stored; empty units before the phase has any. */
    public RunProgress progress(long runId) {
        BenchRun run = runs.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        Map<String, UnitCounts> counts = runs.counts(runId);
        return new RunProgress(run, counts.getOrDefault(BenchUnit.ANSWER, UnitCounts.none(BenchUnit.ANSWER)),
                counts.getOrDefault(BenchUnit.JUDGE, UnitCounts.none(BenchUnit.JUDGE)), runs.failures(runId));
    }

    /**
     * Checks the parameters (the set, models and judges exist; every model can answer) and stores their run, without
     * running it: what the server does before it answers a job request.
     *
     * @throws BadInputException as {@link #run}
     */
    public BenchRun open(BaselineParams params) {
        plan(params);
        return runs.ensureRun(params.runKey(), params.toJson());
    }

    /** The run with this id, if stored. */
    public java.util.Optional<BenchRun> find(long runId) {
        return runs.run(runId);
    }

    /** The newest runs first. */
    public List<BenchRun> recent(int limit) {
        return runs.recentRuns(limit);
    }

    /** Asks every process working on the run to stop after the units it has started; resume with {@link #resume}. */
    public void stop(long runId) {
        BenchRun run = runs.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        runs.setState(runId, BenchRun.STOPPED, run.phase(), "stopped on request");
    }

    /** Runs a stored run again with its own parameters: what is done stays done. */
    public BaselineResult resume(long runId, RunListener listener) {
        BenchRun run = runs.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        return run(BaselineParams.fromJson(run.paramsJson()), listener);
    }

    /**
     * Runs (or resumes) the run of these parameters to its end, or until it is stopped.
     *
     * @throws BadInputException when a set, model or judge is unknown, or a model has neither an endpoint nor answers
     */
    public BaselineResult run(BaselineParams params, RunListener listener) {
        Plan plan = plan(params);
        BenchRun run = runs.ensureRun(params.runKey(), params.toJson());
        runs.retryFailed(run.id());
        Execution ex;
        try (UnitLoop loop = new UnitLoop(runs, lease)) {
            ex = new Execution(run.id(), plan, listener, loop);
            runs.setState(run.id(), BenchRun.RUNNING, ANSWERS, null);
            runs.addUnits(run.id(), missingAnswers(plan));
            ex.phase(BenchUnit.ANSWER, ANSWERS, ex::answer);
            if (!ex.stopped()) {
                runs.setState(run.id(), BenchRun.RUNNING, JUDGMENTS, null);
                runs.addUnits(run.id(), judgmentGames(plan));
                ex.phase(BenchUnit.JUDGE, JUDGMENTS, ex::judge);
            }
        }
        List<BenchUnit> failures = runs.failures(run.id());
        if (ex.stopped()) {
            // a stop request leaves the run stopped; a halted process leaves it as it is (running: resumed later)
            String state = runs.run(run.id()).map(BenchRun::state).orElse(BenchRun.STOPPED);
            listener.runEnded(run.id(), state);
            return new BaselineResult(run.id(), state, List.of(), ex.calls.get(), ex.cost.sum(), failures,
                    messages(failures, plan));
        }
        runs.setState(run.id(), BenchRun.RUNNING, RATING, null);
        listener.phaseStarted(run.id(), RATING, 0, 1);
        arena.publish(params, plan.questions, plan.modelIds, plan.judgeIds);
        List<BaselineBoard> result = boards.rateAndStore(params, plan.questions, plan.modelIds, plan.judgeIds);
        String state = failures.isEmpty() ? BenchRun.DONE : BenchRun.FAILED;
        runs.setState(run.id(), state, RATING, failures.isEmpty() ? null : failures.size() + " unit(s) failed");
        listener.runEnded(run.id(), state);
        return new BaselineResult(run.id(), state, result, ex.calls.get(), ex.cost.sum(), failures,
                messages(failures, plan));
    }

    /**
     * A failure in our words: it is shown on the public runs page, so no provider text (which may quote a URL or
     * name a library class), only the kind of failure and the endpoint's name.
     */
    private static String why(LlmException e) {
        return e.kind().describe() + (e.attempts() > 1 ? " (" + e.attempts() + " attempts)" : "") + " [endpoint "
                + e.endpoint() + "]";
    }

    private static List<String> messages(List<BenchUnit> failures, Plan plan) {
        List<String> out = new ArrayList<>();
        for (BenchUnit u : failures) out.add(u.error() == null ? "unit " + u.id() + " failed" : u.error());
        return out;
    }

    /** The run's questions and contestants, checked and stored. */
    private record Plan(BaselineParams params, List<Question> questions, Map<Long, Question> questionsById,
                        Map<String, Long> modelIds, Map<Long, String> modelNames, Map<String, Long> judgeIds,
                        Map<Long, String> judgeNames) {
    }

    private Plan plan(BaselineParams params) {
        if (params.contenders().isEmpty()) {
            throw new BadInputException("--models must name at least one model besides the baseline " + params.baseline());
        }
        if (params.judges().isEmpty()) throw new BadInputException("--judge must name at least one judge");
        for (String j : params.judges()) {
            if (gateway.config().judge(j).isEmpty()) {
                throw new BadInputException("--judge " + j + " is not in llm.judges" + names(gateway.config().judges()
                        .stream().map(JudgeConfig::name).toList()));
            }
        }
        List<Question> questions = sets.questions(params.questionSet(), params.limit());
        sets.importBundledAnswers(params.questionSet(), params.answering().stream()
                .filter(m -> gateway.config().model(m).isEmpty()).toList());
        Map<String, Long> modelIds = new LinkedHashMap<>();
        Map<Long, String> modelNames = new LinkedHashMap<>();
        for (String name : params.answering()) {
            ModelConfig mc = gateway.config().model(name).orElse(null);
            Contestant c = mc != null
                    ? db.contestants().upsert(new Contestant(0, ContestantKind.MODEL, mc.name(), mc.displayName(),
                            mc.organisation(), mc.licence(), mc.endpoint(), true, mc.family()))
                    : db.contestants().find(ContestantKind.MODEL, name).orElse(null);
            if (mc == null && (c == null || answered(questions, c.id()) < questions.size())) {
                throw new BadInputException("model " + name + " is not in llm.models and has no answers to "
                        + (c == null ? questions.size() : questions.size() - answered(questions, c.id()))
                        + " of the questions (import them with 'tribunal questions import-answers')"
                        + names(gateway.config().models().stream().map(ModelConfig::name).toList()));
            }
            modelIds.put(name, c.id());
            modelNames.put(c.id(), name);
        }
        Map<String, Long> judgeIds = new LinkedHashMap<>();
        Map<Long, String> judgeNames = new LinkedHashMap<>();
        for (String name : params.judges().stream().distinct().toList()) {
            JudgeConfig jc = gateway.config().judge(name).orElseThrow();
            Contestant c = db.contestants().upsert(new Contestant(0, ContestantKind.JUDGE, jc.name(), jc.displayName(),
                    jc.organisation(), null, jc.endpoint(), true, jc.family()));
            judgeIds.put(name, c.id());
            judgeNames.put(c.id(), name);
        }
        Map<Long, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        return new Plan(params, questions, byId, modelIds, modelNames, judgeIds, judgeNames);
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? " (there are none)" : " (configured: " + String.join(", ", names) + ")";
    }

    private long answered(List<Question> questions, long modelId) {
        Set<Long> ids = new java.util.HashSet<>();
        questions.forEach(q -> ids.add(q.id()));
        String set = questions.getFirst().questionSet();
        return db.bench().answersInSet(set, List.of(modelId)).stream().filter(a -> ids.contains(a.questionId())).count();
    }

    private List<BenchUnit.Key> missingAnswers(Plan plan) {
        Set<String> have = new java.util.HashSet<>();
        for (Answer a : db.bench().answersInSet(plan.params.questionSet(), plan.modelIds.values())) {
            have.add(a.questionId() + ":" + a.modelId());
        }
        List<BenchUnit.Key> keys = new ArrayList<>();
        for (Question q : plan.questions) {
            for (long m : plan.modelIds.values()) {
                if (!have.contains(q.id() + ":" + m)) keys.add(BenchUnit.Key.answer(q.id(), m));
            }
        }
        return keys;
    }

    /** Both games of every (question, contender, judge) whose two answers exist. */
    private List<BenchUnit.Key> judgmentGames(Plan plan) {
        Set<String> have = new java.util.HashSet<>();
        for (Answer a : db.bench().answersInSet(plan.params.questionSet(), plan.modelIds.values())) {
            have.add(a.questionId() + ":" + a.modelId());
        }
        long baseline = plan.modelIds.get(plan.params.baseline());
        List<BenchUnit.Key> keys = new ArrayList<>();
        for (Question q : plan.questions) {
            if (!have.contains(q.id() + ":" + baseline)) continue;
            for (String contender : plan.params.contenders()) {
                long m = plan.modelIds.get(contender);
                if (!have.contains(q.id() + ":" + m)) continue;
                for (long j : plan.judgeIds.values()) {
                    keys.add(BenchUnit.Key.judge(q.id(), m, j, 1));
                    keys.add(BenchUnit.Key.judge(q.id(), m, j, 2));
                }
            }
        }
        return keys;
    }

    /** One execution of a run by this process: its counters and its units' work. */
    private final class Execution {
        final long runId;
        final Plan plan;
        final RunListener listener;
        final UnitLoop loop;
        final AtomicLong calls = new AtomicLong();
        final DoubleAdder cost = new DoubleAdder();

        Execution(long runId, Plan plan, RunListener listener, UnitLoop loop) {
            this.runId = runId;
            this.plan = plan;
            this.listener = listener;
            this.loop = loop;
        }

        boolean stopped() {
            return listener.halted() || runs.run(runId).map(r -> BenchRun.STOPPED.equals(r.state())).orElse(true);
        }

        /** Claims and runs the phase's units until none is left (see {@link UnitLoop#phase}). */
        void phase(String unitPhase, String phaseName, Consumer<BenchUnit> work) {
            UnitCounts start = runs.counts(runId).getOrDefault(unitPhase, UnitCounts.none(unitPhase));
            listener.phaseStarted(runId, phaseName, start.done() + start.failed(), start.total());
            loop.phase(runId, unitPhase, window(unitPhase), this::stopped, work);
        }

        /** The phase's endpoints: the models' for answers, the judges' for judgments. */
        private int window(String unitPhase) {
            Set<String> endpoints = new java.util.HashSet<>();
            if (unitPhase.equals(BenchUnit.ANSWER)) {
                for (String m : plan.modelIds.keySet()) gateway.config().model(m).ifPresent(mc -> endpoints.add(mc.endpoint()));
            } else {
                for (String j : plan.judgeIds.keySet()) endpoints.add(gateway.config().judge(j).orElseThrow().endpoint());
            }
            return UnitLoop.window(gateway.config(), endpoints);
        }

        void answer(BenchUnit unit) {
            Question q = plan.questionsById.get(unit.questionId());
            String model = plan.modelNames.get(unit.modelId());
            if (q == null || db.bench().answer(unit.questionId(), unit.modelId()).isPresent()) {
                finish(unit, BenchUnit.ANSWER, 0, 0);
                return;
            }
            ModelConfig mc = gateway.config().model(model).orElseThrow();
            List<LlmMessage> conversation = new ArrayList<>();
            List<String> replies = new ArrayList<>();
            long tokens = 0;
            long latency = 0;
            double spent = 0;
            int made = 0;
            try {
                for (String turn : q.userTurns()) {
                    conversation.add(LlmMessage.user(turn));
                    LlmResponse r = gateway.complete(mc.endpoint(), LlmRequest.of(conversation.toArray(LlmMessage[]::new)));
                    replies.add(r.text());
                    conversation.add(LlmMessage.assistant(r.text()));
                    tokens += r.outputTokens();
                    latency += r.latencyMs();
                    spent += r.cost();
                    made += r.cached() ? 0 : 1;
                }
            } catch (LlmException e) {
                failed(unit, BenchUnit.ANSWER, made, spent, model + " answering " + q.externalKey() + ": " + why(e));
                return;
            }
            Answer answer = new Answer(0, q.id(), unit.modelId(), String.join("\n\n", replies), tokens, latency, spent,
                    null, replies.size() > 1 ? replies : List.of());
            int provider = made;
            double paid = spent;
            db.useTransaction(tx -> {
                tx.bench().insertAnswerIfAbsent(answer);
                new BenchRunDao(tx).complete(unit.id(), provider, paid);
            });
            counted(unit, BenchUnit.ANSWER, false, provider, paid);
        }

        void judge(BenchUnit unit) {
            Question q = plan.questionsById.get(unit.questionId());
            long baselineId = plan.modelIds.get(plan.params.baseline());
            Answer base = db.bench().answer(unit.questionId(), baselineId).orElse(null);
            Answer other = db.bench().answer(unit.questionId(), unit.modelId()).orElse(null);
            if (q == null || base == null || other == null) {
                finish(unit, BenchUnit.JUDGE, 0, 0);
                return;
            }
            Answer a = unit.game() == 1 ? base : other;
            Answer b = unit.game() == 1 ? other : base;
            String judgeName = plan.judgeNames.get(unit.judgeId());
            JudgeVerdict v;
            try {
                v = judge.evaluatePair(judgeName, template, Conversations.input(q), Conversations.response(q, a),
                        Conversations.response(q, b), Conversations.reference(q));
            } catch (LlmException e) {
                failed(unit, BenchUnit.JUDGE, 0, 0, judgeName + " judging " + plan.modelNames.get(unit.modelId())
                        + " on " + q.externalKey() + " (game " + unit.game() + "): " + why(e));
                return;
            }
            Judgment j = new Judgment(0, q.id(), unit.judgeId(), a.id(), b.id(), unit.game(),
                    v.verdict() == null ? null : v.verdict().label(), null, v.critique(), v.promptVersion(),
                    v.rawOutput(), v.parseStatus(), v.latencyMs(), (long) v.inputTokens(), (long) v.outputTokens(),
                    v.cost(), null, v.calls() > 1);
            db.useTransaction(tx -> {
                tx.bench().insertJudgmentIfAbsent(j);
                new BenchRunDao(tx).complete(unit.id(), v.providerCalls(), v.cost());
            });
            counted(unit, BenchUnit.JUDGE, false, v.providerCalls(), v.cost());
        }

        private void finish(BenchUnit unit, String phase, int made, double spent) {
            runs.complete(unit.id(), made, spent);
            counted(unit, phase, false, made, spent);
        }

        private void failed(BenchUnit unit, String phase, int made, double spent, String message) {
            runs.fail(unit.id(), made, spent, message);
            counted(unit, phase, true, made, spent);
        }

        private void counted(BenchUnit unit, String phase, boolean failed, int made, double spent) {
            calls.addAndGet(made);
            cost.add(spent);
            listener.unitFinished(runId, phase.equals(BenchUnit.ANSWER) ? ANSWERS : JUDGMENTS, failed, made, spent);
        }
    }
}
