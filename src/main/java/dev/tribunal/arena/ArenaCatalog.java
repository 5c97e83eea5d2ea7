package dev.tribunal.arena;

import dev.tribunal.store.ArenaEligibility;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleKind;
import dev.tribunal.store.SampleSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The arena's read-mostly view of the store: samples, evaluations and judges by id, kept in memory once read
 * (they never change once stored), and the list of samples two or more judges have evaluated, re-read from the
 * store every {@code refreshEvery} so that new evaluations (imports, live judges) join the arena.
 */
public final class ArenaCatalog {

    /** Past this many cached entries a cache starts afresh: bounds memory on very large stores. */
    private static final int MAX_CACHED = 100_000;

    private final Database db;
    private final Clock clock;
    private final Duration refreshEvery;
    private final Map<Long, ArenaSample> samples = new ConcurrentHashMap<>();
    private final Map<Long, JudgeEvaluation> evaluations = new ConcurrentHashMap<>();
    private final Map<Long, List<JudgeEvaluation>> bySample = new ConcurrentHashMap<>();
    private final Map<Long, Contestant> judges = new ConcurrentHashMap<>();
    /** Sources whose samples the live judges evaluate. */
    static final Set<SampleSource> LIVE_SOURCES = Set.of(SampleSource.CUSTOM, SampleSource.GENERATED);

    /** Eligible sample ids: stored ones (the demo, imports) and live ones (submitted, generated). */
    private record Eligible(long[] stored, long[] live) {
    }

    private volatile Eligible eligible;
    private volatile Instant eligibleAt = Instant.MIN;

    public ArenaCatalog(Database db, Clock clock, Duration refreshEvery) {
        this.db = db;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
    }

    /** Ids of the stored (demo, imported) samples with evaluations by at least two judges. */
    long[] eligibleSamples() {
        return eligible().stored();
    }

    /** Ids of the live (submitted, generated) samples with evaluations by at least two judges. */
    long[] eligibleLiveSamples() {
        return eligible().live();
    }

    /** Forgets the eligible samples and the sample's evaluations: live judges just evaluated it. */
    void evaluated(long sampleId) {
        bySample.remove(sampleId);
        eligibleAt = Instant.MIN;
    }

    private Eligible eligible() {
        Instant now = clock.instant();
        Eligible ids = eligible;
        if (ids == null || !now.isBefore(eligibleAt.plus(refreshEvery))) {
            synchronized (this) {
                if (eligible == null || !now.isBefore(eligibleAt.plus(refreshEvery))) {
                    List<SampleSource> stored = EnumSet.complementOf(EnumSet.copyOf(LIVE_SOURCES)).stream().toList();
                    // the same rule browsing and the export use to decide what stays anonymous
                    eligible = new Eligible(ids(db.samples().idsWithJudges(ArenaEligibility.MIN_JUDGES, stored)),
                            ids(db.samples().idsWithJudges(ArenaEligibility.MIN_JUDGES, LIVE_SOURCES)));
                    eligibleAt = now;
                    bySample.clear();   // a sample may have new evaluations
                }
                ids = eligible;
            }
        }
        return ids;
    }

    private static long[] ids(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    ArenaSample sample(long id) {
        ArenaSample cached = samples.get(id);
        if (cached != null) return cached;
        Sample s = db.samples().byId(id).orElseThrow(() -> new IllegalStateException("no sample " + id));
        return put(samples, id, toArena(s));
    }

    JudgeEvaluation evaluation(long id) {
        JudgeEvaluation cached = evaluations.get(id);
        if (cached != null) return cached;
        Evaluation e = db.evaluations().byId(id).orElseThrow(() -> new IllegalStateException("no evaluation " + id));
        return put(evaluations, id, toArena(e));
    }

    /**
     * The sample's usable evaluations, one per judge (its latest), in no particular order. Usable: parsed, with a
     * critique that has a word in it — some stored reviews are only a class number ("2": 274 of the demo's 8,000),
     * which gives a voter nothing to agree with.
     */
    List<JudgeEvaluation> evaluationsOf(long sampleId) {
        List<JudgeEvaluation> cached = bySample.get(sampleId);
        if (cached != null) return cached;
        Map<Long, Evaluation> latestByJudge = new LinkedHashMap<>();
        for (Evaluation e : db.evaluations().forSample(sampleId)) {
            if (e.parseStatus() == ParseStatus.OK && hasWords(e.critique())) latestByJudge.put(e.judgeId(), e);
        }
        List<JudgeEvaluation> usable = new ArrayList<>();
        for (Evaluation e : latestByJudge.values()) usable.add(put(evaluations, e.id(), toArena(e)));
        return put(bySample, sampleId, List.copyOf(usable));
    }

    /** Whether {@code critique} has a word (two letters in a row): one pass over it. */
    static boolean hasWords(String critique) {
        if (critique == null) return false;
        for (int i = 1; i < critique.length(); i++) {
            if (Character.isLetter(critique.charAt(i)) && Character.isLetter(critique.charAt(i - 1))) return true;
        }
        return false;
    }

    /** The judge's evaluation as the arena shows it. */
    JudgeEvaluation toArena(Evaluation e, Contestant judge) {
        judges.putIfAbsent(judge.id(), judge);
        return put(evaluations, e.id(), new JudgeEvaluation(e.id(), judge.name(), judge.displayName(),
                judge.organisation(), e.verdict(), e.score(), e.critique()));
    }

    /** The store id of the judge with this name. */
    long judgeId(String name) {
        for (Contestant c : judges.values()) if (c.name().equals(name)) return c.id();
        return db.contestants().find(ContestantKind.JUDGE, name).map(c -> put(judges, c.id(), c).id())
                .orElseThrow(() -> new IllegalStateException("no judge named " + name));
    }

    private Contestant judge(long id) {
        Contestant cached = judges.get(id);
        if (cached != null) return cached;
        Contestant c = db.contestants().byId(id).orElseThrow(() -> new IllegalStateException("no contestant " + id));
        return put(judges, id, c);
    }

    private JudgeEvaluation toArena(Evaluation e) {
        Contestant judge = judge(e.judgeId());
        return new JudgeEvaluation(e.id(), judge.name(), judge.displayName(), judge.organisation(), e.verdict(),
                e.score(), e.critique());
    }

    private static ArenaSample toArena(Sample s) {
        boolean pair = s.kind() == SampleKind.PAIR;
        return new ArenaSample(s.id(), pair ? ArenaSample.Kind.PAIR : ArenaSample.Kind.SINGLE, s.input(), s.response(),
                s.responseA(), s.responseB(), s.reference(), s.category(), pair ? null : s.modelA(),
                pair ? s.modelA() : null, pair ? s.modelB() : null,
                LIVE_SOURCES.contains(s.source()));
    }

    private static <K, V> V put(Map<K, V> cache, K key, V value) {
        if (cache.size() >= MAX_CACHED) cache.clear();
        cache.put(key, value);
        return value;
    }

}
