package dev.tribunal.arena;

import dev.tribunal.arena.ArenaException.Reason;
import dev.tribunal.judging.Judge;
import dev.tribunal.judging.JudgeVerdict;
import dev.tribunal.judging.Rubric;
import dev.tribunal.llm.JudgeConfig;
import dev.tribunal.llm.LlmException;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleKind;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live LLM judges ({@code llm.judges}) in the arena: two of them, chosen at random, evaluate a sample in
 * parallel (one virtual thread each) and the sample is stored with both evaluations in one transaction, only
 * once both have answered. A judge whose provider fails is replaced by another one not yet asked; when none is
 * left, nothing is stored and the request fails with {@link Reason#JUDGES_FAILED}.
 *
 * <p>A reply that cannot be parsed (after the judge's one retry) is stored with parse status unparseable, its raw
 * text as the critique and no verdict, and still shown: voters judge it like any critique, so a judge that
 * answers badly loses votes.
 */
public final class LiveJudges {

    private static final Logger LOG = LoggerFactory.getLogger(LiveJudges.class);

    /** What the 503 says when fewer than two judges are configured. */
    public static final String HOW_TO_ADD = "This server has no live judges configured (it needs at least two), "
            + "so it cannot judge your own samples yet: add endpoints under llm.endpoints and judges under "
            + "llm.judges in config/tribunal.yaml (config/examples/ has one file per provider) and restart.";

    private final Judge judge;
    private final Database db;
    private final ArenaCatalog catalog;
    private final Map<String, Contestant> contestants;
    private final RandomGenerator random = new SecureRandom();

    /** Stores the configured judges as contestants of kind judge (idempotent: updates name and organisation). */
    public LiveJudges(Judge judge, Database db, ArenaCatalog catalog) {
        this.judge = judge;
        this.db = db;
        this.catalog = catalog;
        Map<String, Contestant> stored = new LinkedHashMap<>();
        for (JudgeConfig j : judge == null ? List.<JudgeConfig>of() : judge.judges()) {
            Contestant c = new Contestant(0, ContestantKind.JUDGE, j.name(), j.displayName(), j.organisation(), null,
                    j.endpoint(), true, j.family());
            stored.put(j.name(), db.contestants().upsert(c));
        }
        this.contestants = Map.copyOf(stored);
    }

    /** The names of the live judges. */
    public Set<String> names() {
        return contestants.keySet();
    }

    /** Whether there are the two judges a round needs. */
    public boolean available() {
        return contestants.size() >= 2;
    }

    /**
     * Has two random live judges evaluate the new sample (source custom or generated, not yet stored), then
     * stores it with both evaluations.
     *
     * @throws ArenaException NO_LIVE_JUDGES with fewer than two judges, JUDGES_FAILED when providers fail
     */
    public Matchup judgeNew(Sample sample) {
        if (!available()) throw new ArenaException(Reason.NO_LIVE_JUDGES, HOW_TO_ADD);
        List<JudgeVerdict> verdicts = evaluateByTwo(shuffled(new ArrayList<>(names()), random), judge, sample);
        long[] sampleId = new long[1];
        List<JudgeEvaluation> shown = db.inTransaction(tx -> {
            sampleId[0] = tx.samples().insert(sample).id();
            return store(tx, sampleId[0], verdicts);
        });
        return matchup(sampleId[0], shown);
    }

    /**
     * Has two live judges that are not in {@code avoid} and have not evaluated the stored sample yet evaluate it
     * now, bypassing the response cache; empty when fewer than two such judges are left.
     */
    Optional<Matchup> reevaluate(long sampleId, Set<String> avoid, RandomGenerator random) {
        Sample sample = db.samples().byId(sampleId).orElseThrow();
        Set<Long> judged = new HashSet<>();
        for (Evaluation e : db.evaluations().forSample(sampleId)) judged.add(e.judgeId());
        List<String> candidates = new ArrayList<>();
        for (Contestant c : contestants.values()) {
            if (!avoid.contains(c.name()) && !judged.contains(c.id())) candidates.add(c.name());
        }
        if (candidates.size() < 2) return Optional.empty();
        List<JudgeVerdict> verdicts = evaluateByTwo(shuffled(candidates, random), judge.withCache(false), sample);
        return Optional.of(matchup(sampleId, db.inTransaction(tx -> store(tx, sampleId, verdicts))));
    }

    /** Stores the evaluations (in the caller's transaction) and returns them as the arena shows them. */
    private List<JudgeEvaluation> store(Database tx, long sampleId, List<JudgeVerdict> verdicts) {
        List<JudgeEvaluation> shown = new ArrayList<>();
        for (JudgeVerdict v : verdicts) {
            Contestant c = contestants.get(v.judge());
            // an unparseable reply keeps its raw text as the critique (ReplyParser), so it is shown as it came
            shown.add(catalog.toArena(tx.evaluations().insert(v.toEvaluation(sampleId, c.id())), c));
        }
        return shown;
    }

    private Matchup matchup(long sampleId, List<JudgeEvaluation> shown) {
        catalog.evaluated(sampleId);
        return new Matchup(catalog.sample(sampleId), shown.get(0), shown.get(1));
    }

    /**
     * Asks the first two of {@code order} at once; each that fails is replaced by the next one in the order.
     * Returns the two verdicts in the order they arrived.
     */
    private static List<JudgeVerdict> evaluateByTwo(List<String> order, Judge judge, Sample sample) {
        Iterator<String> next = order.iterator();
        List<JudgeVerdict> verdicts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<JudgeVerdict> calls = new ExecutorCompletionService<>(threads);
            int running = 0;
            for (; running < 2 && next.hasNext(); running++) calls.submit(asking(judge, next.next(), sample));
            while (verdicts.size() < 2 && running > 0) {
                Future<JudgeVerdict> done = calls.take();
                running--;
                try {
                    verdicts.add(done.get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof LlmException failure)) throw new IllegalStateException(e.getCause());
                    LOG.warn("live judge failed, {}: {}", next.hasNext() ? "asking another" : "none left",
                            failure.getMessage());
                    failures.add(failure.getMessage());
                    if (next.hasNext()) {
                        calls.submit(asking(judge, next.next(), sample));
                        running++;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the live judges were working", e);
        }
        if (verdicts.size() < 2) {
            throw new ArenaException(Reason.JUDGES_FAILED, "The live judges' providers failed, so nothing was "
                    + "stored; try again later. " + String.join("; ", failures));
        }
        return verdicts;
    }

    private static java.util.concurrent.Callable<JudgeVerdict> asking(Judge judge, String name, Sample sample) {
        return () -> sample.kind() == SampleKind.PAIR
                ? judge.evaluatePair(name, sample.input(), sample.responseA(), sample.responseB(), sample.reference())
                : judge.evaluateSingle(name, sample.input(), sample.response(), sample.reference(), rubric(sample));
    }

    /** A submitted rubric is the grading criteria; the score descriptions stay the default ones. */
    private static Rubric rubric(Sample sample) {
        return sample.rubric() == null ? null : new Rubric(sample.rubric(), Rubric.DEFAULT.scoreDescriptions());
    }

    private static List<String> shuffled(List<String> names, RandomGenerator random) {
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);   // the same random draws give the same order whatever the map's order
        for (int i = sorted.size() - 1; i > 0; i--) Collections.swap(sorted, i, random.nextInt(i + 1));
        return sorted;
    }
}
