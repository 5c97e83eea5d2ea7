package dev.tribunal.bench.collective;

import dev.tribunal.bench.UnitLoop;
import dev.tribunal.bench.baseline.RunListener;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.judging.Judge;
import dev.tribunal.judging.JudgeVerdict;
import dev.tribunal.judging.PromptTemplate;
import dev.tribunal.llm.LlmException;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.LlmMessage;
import dev.tribunal.llm.LlmRequest;
import dev.tribunal.llm.LlmResponse;
import dev.tribunal.llm.ModelConfig;
import dev.tribunal.llm.Sha256;
import dev.tribunal.rating.JudgeWeights;
import dev.tribunal.rating.PooledRatings;
import dev.tribunal.store.Answer;
import dev.tribunal.store.BenchRun;
import dev.tribunal.store.BenchRunDao;
import dev.tribunal.store.BenchUnit;
import dev.tribunal.store.CollectiveDao;
import dev.tribunal.store.CollectiveQuestion;
import dev.tribunal.store.CollectiveVote;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.DuplicateKeyException;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Question;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The collective benchmark (AutoBench's method): the pool of models ({@code llm.models}) writes, rates, answers
 * and judges its own questions. Each iteration picks a topic and a difficulty and a random order of authors; the
 * first author writes a question; it is dropped if it is a near-duplicate of an earlier kept question, else the pool
 * rates it 1–5 and it is kept only if the weighted mean and the weighted median of those ratings reach their
 * thresholds; otherwise the next author writes one, up to {@code questionAttempts} authors. Every model answers a
 * kept question and every allowed judge rates every answer 1–5 with a short critique (by default a model rates
 * neither its own question or answer, nor its family's answers). Then the judges' weights are updated by the
 * run's {@link dev.tribunal.rating.WeightRule} and stored. The run stops after its iterations, or once the
 * bootstrap rank ranges have not changed for {@code stabilityWindow} iterations.
 *
 * <p>Weight rules, applied after every iteration to all kept answers so far: <b>equal</b>, w = 1/k;
 * <b>autobench</b>, w_j = S_j / Σ S with S_j the judge's own score as a contestant under the current weights;
 * <b>peer-rank</b>, PRD's Peer Rank over every judge's pairwise comparisons of the answers it rated (see
 * {@link JudgeWeights}). {@code fromRun} starts from another run's last weights (a model new to it gets their
 * mean), so that a model can join an existing board.
 *
 * <p>State lives in the database, never only in memory: the run in {@code bench_runs}, each written question in
 * {@code collective_questions}, the ratings as collective votes, the answers, each iteration's weights, and the
 * ratings and answers as claimable units in {@code bench_units} (phases rate_question, answer, rate_answer) that
 * this process claims with a lease, as the baseline pipeline does. Every random choice is seeded by the run's key
 * and the iteration, and every request repeats exactly, so a killed run started again takes up where it was and
 * finished calls come back from the gateway's response cache: no call is paid twice.
 *
 * <p>Cost per iteration with n models, self-rating excluded: for each author asked (at most
 * {@code questionAttempts}) 1 + (n − 1) calls, then n answers and n(n − 1) answer ratings; the stability check
 * fits one Bradley–Terry board with its bootstrap per iteration (O(rounds · n² · iterations)), no call.
 */
public final class CollectiveRun {

    /** The run's phases as bench_runs shows them. */
    public static final String ITERATIONS = "iterations";
    public static final String RATING = "rating";

    private final Database db;
    private final LlmGateway gateway;
    private final Duration lease;
    private final BenchRunDao runs;
    private final CollectiveDao store;
    private final Judge judge;
    private final PromptTemplate author;
    private final PromptTemplate rateQuestion;
    private final PromptTemplate rateAnswer;
    private final CollectiveBoards boards;

    /**
     * @param lease how long a claimed unit stays reserved for this process without a heartbeat
     * @param clock the time of the stored boards (snapshots)
     */
    public CollectiveRun(Database db, LlmGateway gateway, Duration lease, Clock clock) {
        this.db = db;
        this.gateway = gateway;
        this.lease = lease;
        this.runs = new BenchRunDao(db);
        this.store = new CollectiveDao(db);
        this.judge = new Judge(gateway);
        this.author = PromptTemplate.load(CollectiveParams.QUESTION_PROMPT, "prompts/" + CollectiveParams.QUESTION_PROMPT,
                Set.of("topic", "difficulty", "seed"));
        this.rateQuestion = PromptTemplate.load(CollectiveParams.RATE_QUESTION_PROMPT,
                "prompts/" + CollectiveParams.RATE_QUESTION_PROMPT, Set.of("topic", "difficulty", "question"));
        this.rateAnswer = PromptTemplate.load(CollectiveParams.RATE_ANSWER_PROMPT,
                "prompts/" + CollectiveParams.RATE_ANSWER_PROMPT, Set.of("topic", "difficulty", "question", "answer"));
        this.boards = new CollectiveBoards(db, clock);
    }

    /** Checks the parameters and stores their run without running it (what the server does before answering). */
    public BenchRun open(CollectiveParams params) {
        plan(params);
        return runs.ensureRun(BenchRun.COLLECTIVE, params.runKey(), params.toJson());
    }

    /** Asks every process working on the run to stop after the units it has started; resume with {@link #resume}. */
    public void stop(long runId) {
        BenchRun run = runs.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        runs.setState(runId, BenchRun.STOPPED, run.phase(), "stopped on request");
    }

    /** Runs a stored run again with its own parameters: what is done stays done. */
    public CollectiveResult resume(long runId, RunListener listener) {
        BenchRun run = runs.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        return run(CollectiveParams.fromJson(run.paramsJson()), listener);
    }

    /** The report of a stored run from what it has so far (its latest weights), without storing anything. */
    public Optional<CollectiveReport> report(long runId) {
        Optional<BenchRun> run = runs.run(runId).filter(r -> BenchRun.COLLECTIVE.equals(r.kind()));
        if (run.isEmpty()) return Optional.empty();
        CollectiveParams params = CollectiveParams.fromJson(run.get().paramsJson());
        // read only: the pool's contestants as stored when the run was opened
        Map<Long, String> names = new LinkedHashMap<>();
        for (String name : params.pool()) {
            db.contestants().find(ContestantKind.MODEL, name).ifPresent(c -> names.put(c.id(), name));
        }
        Map<Integer, Map<Long, Double>> stored = store.weights(runId);
        Map<String, Double> weights = new LinkedHashMap<>();
        if (stored.isEmpty()) {
            weights.putAll(JudgeWeights.equal(names.values()));
        } else {
            Map<Long, Double> last = stored.get(stored.keySet().stream().max(Integer::compare).orElseThrow());
            names.forEach((id, name) -> weights.put(name, last.getOrDefault(id, 0.0)));
        }
        return Optional.of(boards.report(runId, params, names, weights, stored.size(), false));
    }

    /**
     * Runs (or resumes) the run of these parameters to its end, or until it is stopped.
     *
     * @throws BadInputException when a model is not in llm.models, or {@code fromRun} is no collective run
     */
    public CollectiveResult run(CollectiveParams params, RunListener listener) {
        Pool pool = plan(params);
        BenchRun run = runs.ensureRun(BenchRun.COLLECTIVE, params.runKey(), params.toJson());
        runs.retryFailed(run.id());
        runs.setState(run.id(), BenchRun.RUNNING, ITERATIONS, null);
        Map<Integer, Map<Long, Double>> stored = store.weights(run.id());
        Map<String, Double> weights = startWeights(params, pool);
        Execution ex;
        int done = 0;
        boolean stable = false;
        try (UnitLoop loop = new UnitLoop(runs, lease)) {
            ex = new Execution(run.id(), params, pool, listener, loop);
            for (int i = 0; i < params.iterations(); i++) {
                if (stored.containsKey(i)) {
                    weights = pool.byName(stored.get(i));
                } else {
                    ex.phase = "iteration " + (i + 1) + "/" + params.iterations();
                    int n = pool.nameToId.size();
                    // the iteration's units when its first question is kept: n − 1 question ratings, n answers,
                    // n(n − 1) answer ratings
                    listener.phaseStarted(run.id(), ex.phase, 0, (long) n * n + n - 1);
                    if (ex.stopped() || !ex.iteration(i, weights)) break;
                    weights = ex.updateWeights(i, weights);
                }
                done = i + 1;
                if (ex.stable(i)) {
                    stable = true;
                    break;
                }
            }
        }
        List<String> messages = new ArrayList<>(ex.authorFailures);
        runs.failures(run.id()).forEach(u -> messages.add(u.error() == null ? "unit " + u.id() + " failed" : u.error()));
        if (ex.unwritten) {
            // no author of an iteration could write its question: the run cannot go on; run it again to retry
            runs.setState(run.id(), BenchRun.FAILED, ITERATIONS, "no question written for iteration " + (done + 1));
            listener.runEnded(run.id(), BenchRun.FAILED);
            return new CollectiveResult(run.id(), BenchRun.FAILED, null, false, ex.calls.get(), ex.cost.sum(), messages);
        }
        if (!stable && done < params.iterations()) {
            String state = runs.run(run.id()).map(BenchRun::state).orElse(BenchRun.STOPPED);
            listener.runEnded(run.id(), state);
            return new CollectiveResult(run.id(), state, null, false, ex.calls.get(), ex.cost.sum(), messages);
        }
        runs.setState(run.id(), BenchRun.RUNNING, RATING, null);
        listener.phaseStarted(run.id(), RATING, 0, 1);
        CollectiveReport report = boards.report(run.id(), params, pool.idToName, weights, done, true);
        String state = messages.isEmpty() ? BenchRun.DONE : BenchRun.FAILED;
        runs.setState(run.id(), state, RATING, messages.isEmpty() ? null : messages.size() + " unit(s) failed");
        listener.runEnded(run.id(), state);
        return new CollectiveResult(run.id(), state, report, stable, ex.calls.get(), ex.cost.sum(), messages);
    }

    /** The pool: names, contestant ids and configurations. */
    private record Pool(Map<String, Long> nameToId, Map<Long, String> idToName, Map<String, ModelConfig> configs) {

        List<String> names() {
            return List.copyOf(nameToId.keySet());
        }

        Map<String, Double> byName(Map<Long, Double> byId) {
            Map<String, Double> out = new LinkedHashMap<>();
            nameToId.forEach((name, id) -> out.put(name, byId.getOrDefault(id, 0.0)));
            return out;
        }

        Map<Long, Double> byId(Map<String, Double> byName) {
            Map<Long, Double> out = new LinkedHashMap<>();
            nameToId.forEach((name, id) -> out.put(id, byName.getOrDefault(name, 0.0)));
            return out;
        }

        /** Whether judge j may rate m's answer: never itself or its family, unless allowed. */
        boolean mayRate(String j, String m, CollectiveParams params) {
            if (j.equals(m)) return params.allowSelfJudging();
            String fj = configs.get(j).family();
            return params.allowSameFamily() || fj == null || !fj.equals(configs.get(m).family());
        }
    }

    private Pool plan(CollectiveParams params) {
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        Map<String, ModelConfig> configs = new LinkedHashMap<>();
        for (String name : params.pool()) {
            ModelConfig mc = gateway.config().model(name).orElseThrow(() -> new BadInputException("--models: " + name
                    + " is not in llm.models" + configured()));
            Contestant c = db.contestants().upsert(new Contestant(0, ContestantKind.MODEL, mc.name(), mc.displayName(),
                    mc.organisation(), mc.licence(), mc.endpoint(), true, mc.family()));
            ids.put(name, c.id());
            names.put(c.id(), name);
            configs.put(name, mc);
        }
        if (params.fromRun() != null && runs.run(params.fromRun()).filter(r -> BenchRun.COLLECTIVE.equals(r.kind()))
                .isEmpty()) {
            throw new BadInputException("--from-run " + params.fromRun() + " is not a collective run");
        }
        return new Pool(ids, names, configs);
    }

    private String configured() {
        List<String> names = gateway.config().models().stream().map(ModelConfig::name).toList();
        return names.isEmpty() ? " (there are none)" : " (configured: " + String.join(", ", names) + ")";
    }

    /**
     * Equal weights, or the last weights of {@code fromRun} for the models it had (a model new to it gets their
     * mean), renormalised to sum 1.
     */
    private Map<String, Double> startWeights(CollectiveParams params, Pool pool) {
        if (params.fromRun() == null) return JudgeWeights.equal(pool.names());
        Map<Integer, Map<Long, Double>> saved = store.weights(params.fromRun());
        if (saved.isEmpty()) return JudgeWeights.equal(pool.names());
        Map<Long, Double> last = saved.get(saved.keySet().stream().max(Integer::compare).orElseThrow());
        double mean = last.values().stream().mapToDouble(Double::doubleValue).average().orElse(1);
        Map<String, Double> w = new LinkedHashMap<>();
        pool.nameToId.forEach((name, id) -> w.put(name, last.getOrDefault(id, mean)));
        double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(sum > 0)) return JudgeWeights.equal(pool.names());
        w.replaceAll((name, x) -> x / sum);
        return w;
    }

    /** A failure in our words (shown on the public runs page): the kind of failure and the endpoint's name. */
    private static String why(LlmException e) {
        return e.kind().describe() + (e.attempts() > 1 ? " (" + e.attempts() + " attempts)" : "") + " [endpoint "
                + e.endpoint() + "]";
    }

    /** One execution of a run by this process. */
    private final class Execution {
        final long runId;
        final CollectiveParams params;
        final Pool pool;
        final RunListener listener;
        final UnitLoop loop;
        final String set;
        final AtomicLong calls = new AtomicLong();
        final DoubleAdder cost = new DoubleAdder();
        final Map<Long, CollectiveQuestion> questions = new ConcurrentHashMap<>();
        /** Rank ranges after each iteration: a pure function of the stored run, kept so that each is fitted once. */
        final Map<Integer, Map<String, List<Integer>>> rankRanges = new HashMap<>();
        /** The phase the progress shows: "iteration i/N". */
        volatile String phase = ITERATIONS;
        /** Authors whose question could not be written (the provider failed for good), in our words. */
        final List<String> authorFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** An iteration ended without a question because its authors' providers failed: the run cannot go on. */
        boolean unwritten;

        Execution(long runId, CollectiveParams params, Pool pool, RunListener listener, UnitLoop loop) {
            this.runId = runId;
            this.params = params;
            this.pool = pool;
            this.listener = listener;
            this.loop = loop;
            this.set = CollectiveParams.boardSource(runId);
        }

        boolean stopped() {
            return listener.halted() || runs.run(runId).map(r -> BenchRun.STOPPED.equals(r.state())).orElse(true);
        }

        /** Runs iteration i with the weights after the one before; false when stopped before its end. */
        boolean iteration(int i, Map<String, Double> weights) {
            SplittableRandom random = new SplittableRandom(seed("iteration", i, 0));
            String topic = params.topics().get(random.nextInt(params.topics().size()));
            String difficulty = params.difficulties().get(random.nextInt(params.difficulties().size()));
            // shuffled from name order: the same run gives the same authors whatever the order of --models
            List<String> authors = new ArrayList<>(pool.names().stream().sorted().toList());
            for (int k = authors.size() - 1; k > 0; k--) java.util.Collections.swap(authors, k, random.nextInt(k + 1));
            CollectiveQuestion kept = null;
            int failedWrites = authorFailures.size();
            for (int k = 0; k < Math.min(params.questionAttempts(), authors.size()) && kept == null; k++) {
                Optional<CollectiveQuestion> written = store.attempt(runId, i, k);
                if (written.isEmpty()) written = write(i, k, authors.get(k), topic, difficulty);
                if (written.isEmpty()) continue;
                CollectiveQuestion q = written.get();
                questions.put(q.id(), q);
                if (q.state().equals(CollectiveQuestion.PENDING)) {
                    q = judgeQuestion(q, weights);
                    if (q == null) return false;
                }
                if (q.state().equals(CollectiveQuestion.ACCEPTED)) kept = q;
            }
            // an iteration left without a question because an author's provider failed is not done: tried again
            if (kept == null) {
                unwritten = authorFailures.size() > failedWrites;
                return !unwritten;
            }
            long qid = kept.id();
            List<BenchUnit.Key> answers = new ArrayList<>();
            for (long m : pool.idToName.keySet()) {
                if (db.bench().answer(qid, m).isEmpty()) answers.add(BenchUnit.Key.answer(qid, m));
            }
            runs.addUnits(runId, answers);
            loop.phase(runId, BenchUnit.ANSWER, window(), this::stopped, this::answer);
            if (stopped()) return false;
            List<BenchUnit.Key> ratings = new ArrayList<>();
            for (Answer a : db.bench().answers(qid)) {
                String model = pool.idToName.get(a.modelId());
                if (model == null) continue;
                for (String j : pool.names()) {
                    if (pool.mayRate(j, model, params)) ratings.add(BenchUnit.Key.rateAnswer(qid, a.modelId(), pool.nameToId.get(j)));
                }
            }
            runs.addUnits(runId, ratings);
            loop.phase(runId, BenchUnit.RATE_ANSWER, window(), this::stopped, this::rateAnswer);
            return !stopped();
        }

        /** A seed from the run's key: the same run makes the same choices however often it is resumed. */
        long seed(String what, int i, int k) {
            return Long.parseUnsignedLong(Sha256.hex(params.runKey() + ":" + what + ":" + i + ":" + k).substring(0, 15), 16);
        }

        /** Asks the author for a question and stores it (pending); empty when the provider failed (tried on resume). */
        Optional<CollectiveQuestion> write(int i, int k, String authorName, String topic, String difficulty) {
            ModelConfig mc = pool.configs.get(authorName);
            List<LlmMessage> messages = author.render(Map.of("topic", topic, "difficulty", difficulty,
                    "seed", Long.toHexString(seed("question", i, k))), null, false);
            LlmResponse r;
            try {
                r = gateway.complete(mc.endpoint(), new LlmRequest(messages, null, null, null, true));
            } catch (LlmException e) {
                authorFailures.add(authorName + " writing the question of iteration " + (i + 1) + ": " + why(e));
                counted(0, 0, true);
                return Optional.empty();
            }
            calls.addAndGet(r.cached() ? 0 : 1);
            cost.add(r.cost());
            String text = r.text().strip();
            Question q = new Question(0, set, set + ":" + i + ":" + k, null, topic, difficulty, text, null,
                    pool.nameToId.get(authorName), null, null);
            try {
                db.useTransaction(tx -> {
                    Question stored = tx.bench().insertQuestion(q);
                    CollectiveDao dao = new CollectiveDao(tx);
                    dao.insertAttempt(stored.id(), runId, i, k, r.cost());
                    if (text.isEmpty()) dao.judgeQuestion(stored.id(), CollectiveQuestion.FAILED, null, null);
                });
            } catch (DuplicateKeyException e) {
                // another node working on the run stored this attempt first: its question is the one
            }
            return store.attempt(runId, i, k);
        }

        /** Drops a near-duplicate, else has the pool rate it and keeps or rejects it; null when stopped meanwhile. */
        CollectiveQuestion judgeQuestion(CollectiveQuestion q, Map<String, Double> weights) {
            List<String> earlier = new ArrayList<>();
            for (CollectiveQuestion other : store.questions(runId)) {
                if (other.state().equals(CollectiveQuestion.ACCEPTED) && other.id() != q.id()) {
                    earlier.add(other.question().prompt());
                }
            }
            if (NearDuplicates.any(q.question().prompt(), earlier, params.duplicateSimilarity())) {
                store.judgeQuestion(q.id(), CollectiveQuestion.DUPLICATE, null, null);
                return store.attempt(runId, q.iteration(), q.attempt()).orElseThrow();
            }
            String authorName = pool.idToName.get(q.question().generatedBy());
            List<BenchUnit.Key> keys = new ArrayList<>();
            for (String j : pool.names()) {
                if (!j.equals(authorName) || params.allowSelfJudging()) {
                    keys.add(BenchUnit.Key.rateQuestion(q.id(), q.question().generatedBy(), pool.nameToId.get(j)));
                }
            }
            runs.addUnits(runId, keys);
            loop.phase(runId, BenchUnit.RATE_QUESTION, window(), this::stopped, this::rateQuestion);
            if (stopped()) return null;
            List<Double> scores = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            for (CollectiveVote v : store.votesOn(q.id())) {
                if (!v.ratesQuestion() || v.score() == null) continue;
                scores.add((double) v.score());
                w.add(weights.getOrDefault(pool.idToName.get(v.judgeId()), 0.0));
            }
            double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
            double[] ws = w.stream().mapToDouble(Double::doubleValue).toArray();
            double mean = PooledRatings.weightedMean(s, ws);
            double median = PooledRatings.weightedMedian(s, ws);
            boolean keep = mean >= params.minQuestionMean() && median >= params.minQuestionMedian();
            store.judgeQuestion(q.id(), keep ? CollectiveQuestion.ACCEPTED : CollectiveQuestion.REJECTED,
                    Double.isNaN(mean) ? null : mean, Double.isNaN(median) ? null : median);
            return store.attempt(runId, q.iteration(), q.attempt()).orElseThrow();
        }

        /** The weights after iteration i from every kept answer's ratings so far, stored. */
        Map<String, Double> updateWeights(int i, Map<String, Double> current) {
            PooledRatings pooled = new StoredRun(store, runId, pool.idToName).pooled(i, current);
            Map<String, Double> next = CollectiveWeights.next(params.weights(), pooled, current, pool.names());
            store.saveWeights(runId, i, pool.byId(next));
            return next;
        }

        /**
         * Whether the run may stop after iteration i: at least {@code minIterations} done, and each model's bootstrap
         * rank range after each of the last {@code stabilityWindow} iterations equal to the one before.
         */
        boolean stable(int i) {
            int window = params.stabilityWindow();
            if (window == 0 || params.rounds() == 0 || i + 1 < params.minIterations() || i < window) return false;
            Map<String, List<Integer>> latest = rankRanges(i);
            if (latest.isEmpty()) return false;
            for (int t = i - window; t < i; t++) {
                if (!latest.equals(rankRanges(t))) return false;
            }
            return true;
        }

        /** The rank ranges of the board after iteration t (kept questions up to t, the weights after t). */
        Map<String, List<Integer>> rankRanges(int t) {
            return rankRanges.computeIfAbsent(t, it -> {
                Map<Integer, Map<Long, Double>> weights = store.weights(runId);
                if (!weights.containsKey(it)) return Map.of();
                StoredRun stored = new StoredRun(store, runId, pool.idToName);
                PooledRatings pooled = stored.pooled(it, pool.byName(weights.get(it)));
                return CollectiveBoards.rankRanges(CollectiveBoards.rate(CollectiveBoards.battles(pooled, stored.kept(it)),
                        params.rounds(), params.seed()));
            });
        }

        /** The pool's endpoints (every phase asks every model). */
        private int window() {
            return UnitLoop.window(gateway.config(), pool.configs.values().stream().map(ModelConfig::endpoint).toList());
        }

        private CollectiveQuestion question(long id) {
            return questions.computeIfAbsent(id, q -> store.questions(runId).stream().filter(x -> x.id() == q)
                    .findFirst().orElseThrow());
        }

        void rateQuestion(BenchUnit unit) {
            CollectiveQuestion q = question(unit.questionId());
            String judgeName = pool.idToName.get(unit.judgeId());
            rate(unit, judgeName, 0, null, rateQuestion, Map.of("topic", q.question().topic(),
                    "difficulty", q.question().difficulty(), "question", q.question().prompt()),
                    judgeName + " rating question " + q.question().externalKey());
        }

        void rateAnswer(BenchUnit unit) {
            CollectiveQuestion q = question(unit.questionId());
            Answer a = db.bench().answer(unit.questionId(), unit.modelId()).orElse(null);
            if (a == null || a.content().isBlank()) {
                finish(unit);
                return;
            }
            String judgeName = pool.idToName.get(unit.judgeId());
            rate(unit, judgeName, a.modelId(), a.id(), rateAnswer, Map.of("topic", q.question().topic(),
                    "difficulty", q.question().difficulty(), "question", q.question().prompt(), "answer", a.content()),
                    judgeName + " rating " + pool.idToName.get(a.modelId()) + " on " + q.question().externalKey());
        }

        private void rate(BenchUnit unit, String judgeName, long modelId, Long answerId, PromptTemplate template,
                          Map<String, String> values, String what) {
            JudgeVerdict v;
            try {
                v = judge.score(judgeName, pool.configs.get(judgeName).endpoint(), template, values);
            } catch (LlmException e) {
                runs.fail(unit.id(), 0, 0, what + ": " + why(e));
                counted(0, 0, true);
                return;
            }
            CollectiveVote vote = new CollectiveVote(0, runId, unit.questionId(), modelId, answerId, unit.judgeId(),
                    v.parseStatus() == ParseStatus.OK ? v.score() : null, v.critique(), v.promptVersion(),
                    v.rawOutput(), v.parseStatus(), v.calls() > 1, v.latencyMs(), (long) v.inputTokens(),
                    (long) v.outputTokens(), v.cost(), null);
            db.useTransaction(tx -> {
                new CollectiveDao(tx).insertVoteIfAbsent(vote);
                new BenchRunDao(tx).complete(unit.id(), v.providerCalls(), v.cost());
            });
            counted(v.providerCalls(), v.cost(), false);
        }

        void answer(BenchUnit unit) {
            CollectiveQuestion q = question(unit.questionId());
            if (db.bench().answer(unit.questionId(), unit.modelId()).isPresent()) {
                finish(unit);
                return;
            }
            String model = pool.idToName.get(unit.modelId());
            ModelConfig mc = pool.configs.get(model);
            LlmResponse r;
            try {
                r = gateway.complete(mc.endpoint(), LlmRequest.of(LlmMessage.user(q.question().prompt())));
            } catch (LlmException e) {
                runs.fail(unit.id(), 0, 0, model + " answering " + q.question().externalKey() + ": " + why(e));
                counted(0, 0, true);
                return;
            }
            int made = r.cached() ? 0 : 1;
            Answer answer = new Answer(0, q.id(), unit.modelId(), r.text(), (long) r.outputTokens(), r.latencyMs(),
                    r.cost(), null);
            db.useTransaction(tx -> {
                tx.bench().insertAnswerIfAbsent(answer);
                new BenchRunDao(tx).complete(unit.id(), made, r.cost());
            });
            counted(made, r.cost(), false);
        }

        /** A unit with nothing (left) to do: its answer exists, or there is no answer to rate. */
        private void finish(BenchUnit unit) {
            runs.complete(unit.id(), 0, 0);
            counted(0, 0, false);
        }

        private void counted(int made, double spent, boolean failed) {
            calls.addAndGet(made);
            cost.add(spent);
            listener.unitFinished(runId, phase, failed, made, spent);
        }
    }

}
