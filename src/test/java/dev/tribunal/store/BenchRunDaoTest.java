package dev.tribunal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.web.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Baseline-benchmark runs, their claimable units, and the benchmark side's new idempotent inserts, each test on
 * SQLite and on PostgreSQL (a fresh schema; skipped without a server unless CI=true).
 */
class BenchRunDaoTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private PostgresSchema schema;
    private Database db;
    private BenchRunDao runs;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    private void open(String dialect) {
        String url;
        if (dialect.equals("postgresql")) {
            schema = PostgresSchema.create();
            url = schema.url();
        } else {
            url = "jdbc:sqlite:" + dir.resolve("runs.db");
        }
        db = Database.open(ConnectionSettings.of(url), clock);
        runs = new BenchRunDao(db);
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
        if (schema != null) schema.close();
    }

    /** Two questions of a set, two models and a judge; returns the question ids. */
    private List<Long> questions() {
        List<Question> qs = List.of(
                new Question(0, "s", "s:1", "c", null, null, "one", null, null, null, null, 0, List.of(), List.of()),
                new Question(0, "s", "s:2", "c", null, null, "two?", "ref", null, null, null, 1,
                        List.of("two?", "and then?"), List.of("ref", "ref 2")));
        assertThat(db.bench().insertQuestions(qs)).isEqualTo(2);
        assertThat(db.bench().insertQuestions(qs)).isZero();
        return db.bench().questions("s").stream().map(Question::id).toList();
    }

    private long model(String name) {
        return db.contestants().ensure(Contestant.of(ContestantKind.MODEL, name, name, null, null)).id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void questionsKeepTheirTurnsAndOrderAndAnswersAndJudgmentsAreStoredOnce(String dialect) {
        open(dialect);
        List<Long> ids = questions();
        Question two = db.bench().question(ids.get(1)).orElseThrow();
        assertThat(two.userTurns()).containsExactly("two?", "and then?");
        assertThat(two.referenceFor(1)).isEqualTo("ref 2");
        assertThat(db.bench().questions("s", 1)).extracting(Question::externalKey).containsExactly("s:1");
        assertThat(db.bench().questionSets()).containsExactly(new QuestionSetSize("s", 2, 1));
        long m = model("m");
        long base = model("base");
        long judge = db.contestants().ensure(Contestant.of(ContestantKind.JUDGE, "j", "j", null, null)).id();
        Answer a = db.bench().insertAnswerIfAbsent(new Answer(0, ids.get(1), m, "x\n\ny", 5L, 10L, 0.1, null,
                List.of("x", "y")));
        Answer again = db.bench().insertAnswerIfAbsent(new Answer(0, ids.get(1), m, "other", 1L, 1L, 0.0, null));
        assertThat(again).isEqualTo(a);
        assertThat(a.replies()).containsExactly("x", "y");
        Answer b = db.bench().insertAnswerIfAbsent(new Answer(0, ids.get(1), base, "z", 1L, null, null, null));
        Judgment j = new Judgment(0, ids.get(1), judge, b.id(), a.id(), 1, "A>B", null, "c", "baseline-v1", "raw",
                ParseStatus.OK, 1L, 1L, 1L, 0.0, null);
        assertThat(db.bench().insertJudgmentIfAbsent(j)).isTrue();
        assertThat(db.bench().insertJudgmentIfAbsent(j)).isFalse();
        assertThat(db.bench().judgmentsInSet("s", judge, "baseline-v1")).hasSize(1);
        assertThat(db.bench().answersInSet("s", List.of(m, base))).containsExactly(a, b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aUnitWhoseLeaseRanOutIsClaimableAgainAndOnlyThen(String dialect) {
        open(dialect);
        List<Long> ids = questions();
        long m = model("m");
        BenchRun run = runs.ensureRun("key", "{}");
        assertThat(runs.ensureRun("key", "{\"other\": 1}")).isEqualTo(run);
        List<BenchUnit.Key> keys = List.of(BenchUnit.Key.answer(ids.get(0), m), BenchUnit.Key.answer(ids.get(1), m));
        assertThat(runs.addUnits(run.id(), keys)).isEqualTo(2);
        assertThat(runs.addUnits(run.id(), keys)).isZero();

        List<BenchUnit> dead = runs.claim(run.id(), BenchUnit.ANSWER, "dead", LEASE, 10);
        assertThat(dead).hasSize(2).allMatch(u -> u.claimedBy().equals("dead"));
        assertThat(runs.claim(run.id(), BenchUnit.ANSWER, "alive", LEASE, 10)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        List<BenchUnit> taken = runs.claim(run.id(), BenchUnit.ANSWER, "alive", LEASE, 1);
        assertThat(taken).hasSize(1).allMatch(u -> u.claimedBy().equals("alive"));
        // the live worker's heartbeat keeps its unit; the other is claimable until someone holds it
        clock.advance(LEASE.dividedBy(2));
        assertThat(runs.renew("alive", LEASE)).isEqualTo(1);
        clock.advance(LEASE.dividedBy(2).plusSeconds(1));
        List<BenchUnit> rest = runs.claim(run.id(), BenchUnit.ANSWER, "third", LEASE, 10);
        assertThat(rest).extracting(BenchUnit::id).doesNotContain(taken.getFirst().id()).hasSize(1);

        runs.complete(taken.getFirst().id(), 2, 0.5);
        runs.fail(rest.getFirst().id(), 1, 0.25, "m answering s:2: unreachable");
        UnitCounts counts = runs.counts(run.id()).get(BenchUnit.ANSWER);
        assertThat(counts).isEqualTo(new UnitCounts(BenchUnit.ANSWER, 0, 0, 1, 1, 3, 0.75));
        assertThat(runs.failures(run.id())).extracting(BenchUnit::error).containsExactly("m answering s:2: unreachable");
        assertThat(runs.retryFailed(run.id())).isEqualTo(1);
        assertThat(runs.claim(run.id(), BenchUnit.ANSWER, "again", LEASE, 10)).hasSize(1);
        assertThat(runs.release("again")).isEqualTo(1);
        runs.setState(run.id(), BenchRun.STOPPED, "answers", "stopped on request");
        assertThat(runs.run(run.id()).orElseThrow().state()).isEqualTo(BenchRun.STOPPED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void concurrentClaimersNeverHoldTheSameUnit(String dialect) throws Exception {
        open(dialect);
        List<Long> ids = questions();
        BenchRun run = runs.ensureRun("k", "{}");
        List<BenchUnit.Key> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) keys.add(BenchUnit.Key.judge(ids.get(i % 2), model("m" + i), 7, 1 + i % 2));
        runs.addUnits(run.id(), keys);
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                String worker = "w" + w;
                futures.add(pool.submit(() -> {
                    int n = 0;
                    for (List<BenchUnit> got; !(got = runs.claim(run.id(), BenchUnit.JUDGE, worker, LEASE, 3)).isEmpty(); ) {
                        for (BenchUnit u : got) {
                            assertThat(claimed.add(u.id())).isTrue();
                            n++;
                        }
                    }
                    return n;
                }));
            }
        }
        int total = 0;
        for (Future<Integer> f : futures) total += f.get();
        assertThat(total).isEqualTo(40);
    }
}
