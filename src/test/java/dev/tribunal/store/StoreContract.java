package dev.tribunal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tribunal.rating.AnswerStyle;
import dev.tribunal.rating.Battle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The DAO contract, run against every database we support (one subclass each): the same calls must give
 * the same results on SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    Database db;

    TestDatabase where;

    /** Where this test class's fresh database lives. */
    abstract TestDatabase testDatabase();

    @BeforeAll
    void open() {
        where = testDatabase();
        db = where.open();
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
        if (where != null) where.close();
    }

    @BeforeEach
    void empty() {
        db.sql().write(h -> {
            for (String table : List.of("collective_votes", "collective_weights", "collective_questions", "bench_units",
                    "bench_runs", "battles", "votes", "rounds", "evaluations", "samples", "snapshot_rows",
                    "snapshots", "jobs", "judgments", "answers", "questions", "contestants", "settings")) {
                h.execute("DELETE FROM " + table);
            }
            return null;
        });
    }

    // ---- fixtures

    Contestant judge(String name) {
        return db.contestants().insert(Contestant.of(ContestantKind.JUDGE, name, name.toUpperCase(), "Org", "proprietary"));
    }

    Sample pairSample(String key) {
        return db.samples().insert(Sample.pair("Q " + key, "answer a", "answer b", "m1", "m2", SampleSource.CUSTOM, "writing")
                .withExternalKey(key));
    }

    Evaluation evaluation(Sample s, Contestant judge, String verdict) {
        return db.evaluations().insert(Evaluation.verdict(s.id(), judge.id(), verdict, "because " + verdict, "v1"));
    }

    Round round(String id, Evaluation a, Evaluation b, Instant at) {
        return db.rounds().insert(new Round(id, a.sampleId(), a.id(), b.id(), "voter-1", at, at.plus(Duration.ofMinutes(30))));
    }

    static BattleRow battle(String a, String b, double outcome, String source, Instant at) {
        return BattleRow.of(ContestantKind.MODEL, a, b, outcome, source, null).withCreatedAt(at);
    }

    // ---- migrations

    @Test
    void migrationsCreateEveryTableEmpty() {
        for (String table : List.of("contestants", "samples", "evaluations", "rounds", "votes", "battles", "snapshots",
                "snapshot_rows", "jobs", "questions", "answers", "judgments", "settings")) {
            long n = db.sql().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            assertThat(n).as(table).isZero();
        }
        String applied = db.sql().read(h -> h.createQuery(
                "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version = '1'").mapTo(String.class).one());
        assertThat(applied).isEqualTo("1");
    }

    // ---- contestants

    @Test
    void contestantsRoundTripAndStayUniquePerKind() {
        Contestant model = db.contestants().insert(
                Contestant.of(ContestantKind.MODEL, "gpt4", "GPT-4", "OpenAI", "proprietary").withEndpoint("openai"));
        Contestant judge = db.contestants().insert(Contestant.of(ContestantKind.JUDGE, "gpt4", "GPT-4", "OpenAI", null));

        assertThat(model.id()).isPositive().isNotEqualTo(judge.id());
        assertThat(db.contestants().find(ContestantKind.MODEL, "gpt4")).contains(model);
        assertThat(db.contestants().byId(judge.id())).contains(judge);
        assertThat(db.contestants().find(ContestantKind.JUDGE, "nobody")).isEmpty();
        assertThatThrownBy(() -> db.contestants().insert(Contestant.of(ContestantKind.MODEL, "gpt4", null, null, null)))
                .isInstanceOf(DuplicateKeyException.class);

        Contestant again = db.contestants().ensure(Contestant.of(ContestantKind.MODEL, "gpt4", "changed", null, null));
        assertThat(again).isEqualTo(model);

        Contestant updated = db.contestants().upsert(
                new Contestant(0, ContestantKind.MODEL, "gpt4", "GPT-4 (2023)", "OpenAI", "closed", null, false));
        assertThat(updated).isEqualTo(new Contestant(model.id(), ContestantKind.MODEL, "gpt4", "GPT-4 (2023)", "OpenAI",
                "closed", null, false));

        db.contestants().insert(Contestant.of(ContestantKind.MODEL, "claude", null, "Anthropic", null));
        assertThat(db.contestants().list(ContestantKind.MODEL)).extracting(Contestant::name).containsExactly("claude", "gpt4");
        assertThat(db.contestants().listActive(ContestantKind.MODEL)).extracting(Contestant::name).containsExactly("claude");
        assertThat(db.contestants().setActive(model.id(), true)).isTrue();
        assertThat(db.contestants().setActive(-5, true)).isFalse();
        assertThat(db.contestants().listActive(ContestantKind.MODEL)).hasSize(2);
        assertThat(db.contestants().find(ContestantKind.MODEL, "claude").orElseThrow().displayName()).isEqualTo("claude");
    }

    // ---- samples

    @Test
    void samplesRoundTripAndImportIdempotently() {
        Sample pair = pairSample("k1");
        Sample single = db.samples().insert(new Sample(0, SampleKind.SINGLE, "input", "the response", null, null, "gpt4",
                null, "the reference", "be kind", SampleSource.GENERATED, "math", null, "salted-hash", null));

        assertThat(db.samples().byId(pair.id())).contains(pair);
        assertThat(db.samples().byId(single.id())).contains(single);
        assertThat(db.samples().byExternalKey("k1")).contains(pair);
        assertThat(pair.createdAt()).isNotNull();

        assertThatThrownBy(() -> pairSample("k1")).isInstanceOf(DuplicateKeyException.class);
        Sample same = db.samples().insertIfAbsent(Sample.pair("other", "x", "y", null, null, SampleSource.DEMO, null)
                .withExternalKey("k1"));
        assertThat(same).isEqualTo(pair);
        assertThat(db.samples().count()).isEqualTo(2);

        Sample third = pairSample("k3");
        assertThat(db.samples().list(null, null, 0, 10)).extracting(Sample::id)
                .containsExactly(pair.id(), single.id(), third.id());
        assertThat(db.samples().list(null, null, pair.id(), 1)).extracting(Sample::id).containsExactly(single.id());
        assertThat(db.samples().list("writing", SampleSource.CUSTOM, 0, 10)).extracting(Sample::id)
                .containsExactly(pair.id(), third.id());
        assertThat(db.samples().list(null, SampleSource.GENERATED, 0, 10)).containsExactly(single);
        assertThat(db.samples().categories()).containsExactly("math", "writing");
    }

    @Test
    void samplesWithEnoughDistinctJudgesAreFound() {
        Contestant j1 = judge("j1");
        Contestant j2 = judge("j2");
        Sample two = pairSample("two");
        Sample one = pairSample("one");
        evaluation(two, j1, "A>B");
        evaluation(two, j2, "B>A");
        evaluation(one, j1, "A=B");
        db.evaluations().insert(new Evaluation(0, one.id(), j2.id(), null, null, null, "v1", null, "garbage",
                ParseStatus.UNPARSEABLE, 10L, null, null, null, null));

        assertThat(db.samples().idsWithJudges(2)).containsExactly(two.id());
        assertThat(db.samples().idsWithJudges(1)).containsExactly(two.id(), one.id());
    }

    // ---- evaluations

    @Test
    void evaluationsRoundTripOncePerSampleJudgeAndPrompt() {
        Contestant j = judge("j");
        Sample s = pairSample("s");
        Evaluation full = db.evaluations().insert(new Evaluation(0, s.id(), j.id(), "A>>B", null, "crit", "v1", "req-1",
                "[[A>>B]] crit", ParseStatus.OK, 1234L, 100L, 50L, 0.0125, T0));
        Evaluation graded = db.evaluations().insert(new Evaluation(0, s.id(), j.id(), null, 4, "ok", "v2", null, null,
                ParseStatus.OK, null, null, null, null, null));

        assertThat(db.evaluations().byId(full.id())).contains(full);
        assertThat(db.evaluations().byId(graded.id())).contains(graded);
        assertThat(db.evaluations().find(s.id(), j.id(), "v2")).contains(graded);
        assertThat(db.evaluations().forSample(s.id())).containsExactly(full, graded);

        Evaluation dup = Evaluation.verdict(s.id(), j.id(), "B>A", "other", "v1");
        assertThatThrownBy(() -> db.evaluations().insert(dup)).isInstanceOf(DuplicateKeyException.class);
        assertThat(db.evaluations().insertIfAbsent(dup)).isEqualTo(full);
        assertThatThrownBy(() -> db.evaluations().insert(Evaluation.verdict(999_999, j.id(), "A>B", "x", "v1")))
                .isInstanceOf(MissingReferenceException.class);
        assertThat(db.evaluations().count()).isEqualTo(2);
    }

    // ---- rounds and votes

    @Test
    void roundsRoundTripCountAndExpire() {
        Contestant j1 = judge("j1");
        Contestant j2 = judge("j2");
        Sample s = pairSample("s");
        Evaluation a = evaluation(s, j1, "A>B");
        Evaluation b = evaluation(s, j2, "B>A");
        Round r1 = round("r1", a, b, T0);
        Round r2 = round("r2", b, a, T0.plusSeconds(60));

        assertThat(db.rounds().byId("r1")).contains(new RoundDao.WithVote(r1, null));
        assertThat(db.rounds().byId("nope")).isEmpty();
        assertThat(db.rounds().countCreatedSince("voter-1", T0)).isEqualTo(2);
        assertThat(db.rounds().countCreatedSince("voter-1", T0.plusSeconds(1))).isEqualTo(1);
        assertThat(db.rounds().countCreatedSince("voter-2", T0)).isZero();
        assertThatThrownBy(() -> round("r1", a, b, T0)).isInstanceOf(DuplicateKeyException.class);

        Vote vote = new Vote("r1", VoteChoice.A, "voter-1", T0.plusSeconds(5), VoteFlag.DAILY_CAP);
        db.votes().record(vote, null);
        assertThat(db.rounds().byId("r1")).contains(new RoundDao.WithVote(r1, vote));
        assertThat(db.rounds().deleteExpiredUnvoted(T0.plus(Duration.ofHours(2)))).isEqualTo(1);
        assertThat(db.rounds().byId("r1")).contains(new RoundDao.WithVote(r1, vote));
        assertThat(db.rounds().byId(r2.id())).isEmpty();
    }

    @Test
    void aVoteAndItsBattleAreStoredTogether() {
        Contestant j1 = judge("j1");
        Contestant j2 = judge("j2");
        Sample s = pairSample("s");
        round("r1", evaluation(s, j1, "A>B"), evaluation(s, j2, "B>A"), T0);
        Vote vote = new Vote("r1", VoteChoice.B, "voter-1", T0.plusSeconds(10));
        BattleRow battle = BattleRow.of(ContestantKind.JUDGE, "j1", "j2", 0, "arena", "writing")
                .withCreatedAt(vote.createdAt());

        assertThat(db.votes().record(vote, battle)).isEqualTo(vote);

        assertThat(db.votes().byRound("r1")).contains(vote);
        List<BattleRow> stored = rows(BattleFilter.all());
        assertThat(stored).singleElement().satisfies(b -> {
            assertThat(b.voteId()).isEqualTo("r1");
            assertThat(b.toBattle()).isEqualTo(new Battle("j1", "j2", 0, 1, "writing", vote.createdAt().toEpochMilli(),
                    null, null));
        });
        assertThat(db.votes().count()).isEqualTo(1);
        assertThat(db.votes().countSince("voter-1", T0)).isEqualTo(1);
        assertThat(db.votes().countSince("voter-1", T0.plusSeconds(11))).isZero();
        assertThat(db.votes().countAfter(T0.plusSeconds(9))).isEqualTo(1);
        assertThat(db.votes().countAfter(T0.plusSeconds(10))).as("after, not at").isZero();
    }

    @Test
    void aSecondVoteOnARoundIsRefusedAndChangesNothing() {
        Contestant j1 = judge("j1");
        Contestant j2 = judge("j2");
        Sample s = pairSample("s");
        round("r1", evaluation(s, j1, "A>B"), evaluation(s, j2, "B>A"), T0);
        Vote first = new Vote("r1", VoteChoice.A, "voter-1", T0.plusSeconds(1));
        db.votes().record(first, BattleRow.of(ContestantKind.JUDGE, "j1", "j2", 1, "arena", null));

        Vote second = new Vote("r1", VoteChoice.B, "voter-2", T0.plusSeconds(2));
        assertThatThrownBy(() -> db.votes().record(second, BattleRow.of(ContestantKind.JUDGE, "j1", "j2", 0, "arena", null)))
                .isInstanceOf(DuplicateVoteException.class)
                .satisfies(e -> assertThat(((DuplicateVoteException) e).roundId()).isEqualTo("r1"));

        assertThat(db.votes().byRound("r1")).contains(first);
        assertThat(db.votes().count()).isEqualTo(1);
        assertThat(rows(BattleFilter.all())).singleElement().extracting(BattleRow::outcome).isEqualTo(1.0);
    }

    @Test
    void racingVotersGetExactlyOneVotePerRound() throws Exception {
        Contestant j1 = judge("j1");
        Contestant j2 = judge("j2");
        Sample s = pairSample("s");
        Evaluation a = evaluation(s, j1, "A>B");
        Evaluation b = evaluation(s, j2, "B>A");
        int rounds = 40;
        int voters = 24;
        for (int r = 0; r < rounds; r++) round("r" + r, a, b, T0);
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        Set<String> winners = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int v = 0; v < voters; v++) {
                String voter = "voter-" + v;
                tasks.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        try {
                            db.votes().record(new Vote("r" + r, VoteChoice.TIE, voter, T0),
                                    BattleRow.of(ContestantKind.JUDGE, "j1", "j2", 0.5, "arena", voter));
                            winners.add("r" + r + "/" + voter);
                        } catch (DuplicateVoteException e) {
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : tasks) f.get();
        }
        assertThat(winners).hasSize(rounds);
        assertThat(refused.get()).isEqualTo(rounds * voters - rounds);
        assertThat(db.votes().count()).isEqualTo(rounds);
        // each stored battle belongs to the voter whose vote won its round
        List<String> battleOwners = new ArrayList<>();
        db.battles().forEachRow(BattleFilter.of(ContestantKind.JUDGE), row ->
                battleOwners.add(row.voteId() + "/" + row.category()));
        assertThat(battleOwners).containsExactlyInAnyOrderElementsOf(winners);
        for (int r = 0; r < rounds; r++) {
            String round = "r" + r;
            String voter = db.votes().byRound(round).orElseThrow().voterHash();
            assertThat(winners).contains(round + "/" + voter);
        }
    }

    @Test
    void aVoteWhoseBattleFailsIsNotStored() {
        Contestant j1 = judge("j1");
        Contestant j2 = judge("j2");
        Sample s = pairSample("s");
        round("r1", evaluation(s, j1, "A>B"), evaluation(s, j2, "B>A"), T0);
        db.battles().insert(battle("x", "y", 1, "human", T0).withExternalKey("taken"));

        BattleRow clashing = BattleRow.of(ContestantKind.JUDGE, "j1", "j2", 1, "arena", null).withExternalKey("taken");
        assertThatThrownBy(() -> db.votes().record(new Vote("r1", VoteChoice.A, "v", T0), clashing))
                .isInstanceOf(DuplicateKeyException.class)
                .isNotInstanceOf(DuplicateVoteException.class);

        assertThat(db.votes().byRound("r1")).isEmpty();
        assertThat(db.battles().count(BattleFilter.all())).isEqualTo(1);
        // the round is still open for a real vote
        db.votes().record(new Vote("r1", VoteChoice.A, "v", T0), BattleRow.of(ContestantKind.JUDGE, "j1", "j2", 1, "arena", null));
        assertThat(db.battles().count(BattleFilter.of(ContestantKind.JUDGE))).isEqualTo(1);
    }

    @Test
    void aVoteOnAnUnknownRoundIsRefused() {
        assertThatThrownBy(() -> db.votes().record(new Vote("ghost", VoteChoice.A, "v", T0), null))
                .isInstanceOf(MissingReferenceException.class);
        assertThat(db.votes().count()).isZero();
    }

    @Test
    void voteStatisticsAreOrientedToTheAskedPair() {
        Contestant x = judge("x");
        Contestant y = judge("y");
        Contestant z = judge("z");
        Sample s = pairSample("s");
        Evaluation ex = evaluation(s, x, "A>B");
        Evaluation ey = evaluation(s, y, "B>A");
        Evaluation ez = evaluation(s, z, "A=B");
        // x shown as A: vote A (x better), vote B (y better), tie
        vote(round("r1", ex, ey, T0), VoteChoice.A);
        vote(round("r2", ex, ey, T0), VoteChoice.B);
        vote(round("r3", ex, ey, T0), VoteChoice.TIE);
        // x shown as B: vote B (x better), both bad
        vote(round("r4", ey, ex, T0), VoteChoice.B);
        vote(round("r5", ey, ex, T0), VoteChoice.BOTH_BAD);
        // other pairs do not count
        vote(round("r6", ex, ez, T0), VoteChoice.A);
        round("r7", ex, ey, T0); // no vote

        assertThat(db.votes().statsForJudges(x.id(), y.id())).isEqualTo(new PairVoteStats(x.id(), y.id(), 2, 1, 1, 1));
        assertThat(db.votes().statsForJudges(y.id(), x.id())).isEqualTo(new PairVoteStats(y.id(), x.id(), 1, 2, 1, 1));
        assertThat(db.votes().statsForJudges(y.id(), z.id()).total()).isZero();
    }

    @Test
    void flaggedVotesAreKeptButLeftOutAndVoidingIsIdempotent() {
        Contestant x = judge("x");
        Contestant y = judge("y");
        Sample s = pairSample("s");
        Evaluation ex = evaluation(s, x, "A>B");
        Evaluation ey = evaluation(s, y, "B>A");
        VoteFlag[] flags = {null, VoteFlag.TOO_FAST, VoteFlag.DAILY_CAP, null, null};
        String[] voters = {"v1", "v1", "v1", "v2", "v2"};
        for (int i = 0; i < flags.length; i++) {
            Round r = round("r" + i, ex, ey, T0.plusSeconds(i));
            BattleRow battle = BattleRow.of(ContestantKind.JUDGE, "x", "y", i % 2 == 0 ? 1 : 0, "arena",
                    i < 2 ? "writing" : null).withCreatedAt(T0.plusSeconds(i));
            db.votes().record(new Vote(r.id(), i % 2 == 0 ? VoteChoice.A : VoteChoice.B, voters[i], r.createdAt(),
                    flags[i]), battle);
        }
        assertThat(db.votes().byRound("r1").orElseThrow().flag()).isEqualTo(VoteFlag.TOO_FAST);
        BattleFilter arena = BattleFilter.of(ContestantKind.JUDGE).withSource("arena");
        assertThat(db.battles().count(arena)).isEqualTo(5);
        assertThat(db.battles().count(arena.withoutFlaggedVotes())).isEqualTo(3);
        Map<String, Long> flagged = db.votes().flaggedByCategory(T0.plusSeconds(10));
        assertThat(flagged).containsEntry(null, 2L).containsEntry("writing", 1L);
        assertThat(db.votes().flaggedByCategory(T0.plusMillis(1500))).containsEntry(null, 1L);
        assertThat(db.votes().statsForJudges(x.id(), y.id()).total()).as("counted votes only").isEqualTo(3);
        assertThat(db.votes().countSince("v1", T0)).as("the daily cap counts flagged votes too").isEqualTo(3);

        // decisive votes for the anomaly test: winners from the battles
        assertThat(db.votes().decisiveVotesOf("v2")).containsExactlyInAnyOrder(
                new DecisiveVote("v2", "y", "x", null), new DecisiveVote("v2", "x", "y", null));
        List<DecisiveVote> counted = new ArrayList<>();
        db.votes().forEachCountedDecisiveVote(counted::add);
        assertThat(counted).hasSize(3).allSatisfy(v -> assertThat(v.flag()).isNull());
        assertThat(db.votes().votersToCheck(T0.plusSeconds(3), 1)).containsExactly("v2");
        assertThat(db.votes().votersToCheck(T0.plusSeconds(3), 3)).isEmpty();

        // anomalous: only counted votes are flagged, and clearing touches only anomalous ones
        assertThat(db.votes().flagCounted("v1", VoteFlag.ANOMALOUS)).isEqualTo(1);
        assertThat(db.votes().votersToCheck(T0.plusSeconds(100), 50)).containsExactly("v1");
        assertThat(db.votes().unflag("v1", VoteFlag.ANOMALOUS)).isEqualTo(1);
        assertThat(db.votes().byRound("r1").orElseThrow().flag()).isEqualTo(VoteFlag.TOO_FAST);

        // voiding overrides every other flag, and again changes nothing
        assertThat(db.votes().voidVoter("v1")).isEqualTo(new VoidedVotes(3, 3));
        assertThat(db.votes().voidVoter("v1")).isEqualTo(new VoidedVotes(3, 0));
        assertThat(db.votes().flagCounted("v1", VoteFlag.ANOMALOUS)).isZero();
        assertThat(db.votes().unflag("v1", VoteFlag.VOIDED)).isEqualTo(3);   // (only a test would)
        db.votes().voidVoter("v1");
        // a window is [from, to)
        assertThat(db.votes().voidWindow(T0.plusSeconds(3), T0.plusSeconds(4))).isEqualTo(new VoidedVotes(1, 1));
        assertThat(db.votes().byRound("r4").orElseThrow().flag()).isNull();
        assertThat(db.battles().count(arena.withoutFlaggedVotes())).isEqualTo(1);
        assertThat(db.votes().count()).isEqualTo(5);
    }

    private void vote(Round r, VoteChoice choice) {
        db.votes().record(new Vote(r.id(), choice, "voter-1", r.createdAt()), null);
    }

    @Test
    void voteRecordsStreamByDayThenRoundIdNotByTime() {
        Contestant j1 = judge("j1");
        Contestant j2 = judge("j2");
        Sample s = pairSample("s");
        Evaluation e1 = evaluation(s, j1, "A>B");
        Evaluation e2 = evaluation(s, j2, "B>A");
        // voted in the order zz, mm, aa on the first day, then 00 on the next
        Instant day = T0.plus(Duration.ofDays(3));
        for (String id : List.of("zz", "mm", "aa", "00")) round(id, e1, e2, day);
        db.votes().record(new Vote("zz", VoteChoice.A, "v", day.plusSeconds(10)), null);
        db.votes().record(new Vote("mm", VoteChoice.A, "v", day.plus(Duration.ofHours(12))), null);
        db.votes().record(new Vote("aa", VoteChoice.A, "v", day.plus(Duration.ofHours(23).plusMinutes(59))), null);
        db.votes().record(new Vote("00", VoteChoice.A, "v", day.plus(Duration.ofDays(1)).plusSeconds(1)), null);

        List<String> order = new ArrayList<>();
        db.votes().forEachVoteRecord(r -> order.add(r.vote().roundId()));

        // the export's order must not give away the times it leaves out: within a day, by the random round id
        assertThat(order).containsExactly("aa", "mm", "zz", "00");
    }

    @Test
    void voteRecordsStreamWithJudgeNames() {
        Contestant j1 = judge("j1");
        Contestant j2 = judge("j2");
        Sample s = pairSample("s");
        Evaluation e1 = evaluation(s, j1, "A>B");
        Evaluation e2 = evaluation(s, j2, "B>A");
        round("late", e1, e2, T0);
        round("early", e2, e1, T0);
        db.votes().record(new Vote("late", VoteChoice.TIE, "v", T0.plusSeconds(20)), null);
        db.votes().record(new Vote("early", VoteChoice.A, "v", T0.plusSeconds(10)), null);

        List<VoteRecord> records = new ArrayList<>();
        db.votes().forEachVoteRecord(records::add);

        assertThat(records).extracting(r -> r.vote().roundId()).containsExactly("early", "late");
        VoteRecord early = records.getFirst();
        assertThat(early.vote()).isEqualTo(new Vote("early", VoteChoice.A, "v", T0.plusSeconds(10)));
        assertThat(early.sample()).isEqualTo(s);
        assertThat(early.evaluationA()).isEqualTo(e2);
        assertThat(early.judgeA()).isEqualTo("j2");
        assertThat(early.evaluationB()).isEqualTo(e1);
        assertThat(early.judgeB()).isEqualTo("j1");
    }

    // ---- battles

    /** Styles computed later (the demo loader's version 3) fill battles stored without; stored styles are kept. */
    @Test
    void missingStylesAreFilledAndStoredOnesKept() {
        AnswerStyle style = new AnswerStyle(120, 1, 4, 2);
        BattleRow bare = battle("m1", "m2", 1, "human", T0).withExternalKey("fill:1");
        db.battles().insertAll(List.of(bare, battle("m1", "m2", 0, "human", T0.plusSeconds(1))));
        assertThat(db.battles().fillMissingStyles(List.of(bare.withStyles(style, style)))).isEqualTo(1);
        AnswerStyle other = new AnswerStyle(5, 0, 0, 0);
        assertThat(db.battles().fillMissingStyles(List.of(bare.withStyles(other, other)))).isZero();
        List<Battle> stored = new ArrayList<>();
        db.battles().forEachBattle(BattleFilter.of(ContestantKind.MODEL), stored::add);
        assertThat(stored).extracting(Battle::styleA).containsExactly(style, null);
        assertThat(stored).extracting(Battle::styleB).containsExactly(style, null);
    }

    @Test
    void battlesRoundTripWithStyleAndFilters() {
        AnswerStyle sa = new AnswerStyle(120, 2, 5, 1);
        AnswerStyle sb = new AnswerStyle(80.5, 0, 0, 3);
        db.battles().insert(new BattleRow(0, ContestantKind.MODEL, "gpt4", "claude", 0.75, 3, "judge:gpt4", "math",
                T0.plusSeconds(3), sa, sb, null, "key-1"));
        db.battles().insert(battle("claude", "bard", 0, "human", T0.plusSeconds(1)));
        db.battles().insert(battle("bard", "gpt4", 0.5, "judge:claude", T0.plusSeconds(2)));
        db.battles().insert(BattleRow.of(ContestantKind.JUDGE, "gpt4", "claude", 1, "arena", "math").withCreatedAt(T0));

        List<Battle> models = new ArrayList<>();
        db.battles().forEachBattle(BattleFilter.of(ContestantKind.MODEL), models::add);
        assertThat(models).containsExactly(
                new Battle("claude", "bard", 0, 1, null, T0.plusSeconds(1).toEpochMilli(), null, null),
                new Battle("bard", "gpt4", 0.5, 1, null, T0.plusSeconds(2).toEpochMilli(), null, null),
                new Battle("gpt4", "claude", 0.75, 3, "math", T0.plusSeconds(3).toEpochMilli(), sa, sb));

        assertThat(names(BattleFilter.of(ContestantKind.MODEL).withSource("judge:*"))).containsExactly("bard", "gpt4");
        assertThat(names(BattleFilter.of(ContestantKind.MODEL).withSource("judge:gpt4"))).containsExactly("gpt4");
        assertThat(names(BattleFilter.of(ContestantKind.MODEL).withSource("judge:"))).isEmpty();
        assertThat(names(BattleFilter.all().withCategory("math"))).containsExactly("gpt4", "gpt4");
        assertThat(names(BattleFilter.of(ContestantKind.MODEL).withCutoff(T0.plusSeconds(2)))).containsExactly("claude", "bard");

        BattleSummary summary = db.battles().summarize(BattleFilter.of(ContestantKind.MODEL));
        assertThat(summary.count()).isEqualTo(3);
        assertThat(summary.totalWeight()).isEqualTo(5.0);
        assertThat(summary.latest()).isEqualTo(T0.plusSeconds(3));
        assertThat(db.battles().summarize(BattleFilter.of(ContestantKind.MODEL).withSource("nope")))
                .isEqualTo(new BattleSummary(0, 0, null, 0));
        assertThat(db.battles().sources(ContestantKind.MODEL)).containsExactly("human", "judge:claude", "judge:gpt4");
        assertThat(db.battles().sources(null)).containsExactly("arena", "human", "judge:claude", "judge:gpt4");
        assertThat(db.battles().categories(ContestantKind.MODEL)).containsExactly("math");
        assertThat(rows(BattleFilter.all().withSource("judge:gpt4"))).singleElement()
                .extracting(BattleRow::externalKey).isEqualTo("key-1");
    }

    private List<String> names(BattleFilter filter) {
        List<String> a = new ArrayList<>();
        db.battles().forEachBattle(filter, b -> a.add(b.a()));
        return a;
    }

    private List<BattleRow> rows(BattleFilter filter) {
        List<BattleRow> rows = new ArrayList<>();
        db.battles().forEachRow(filter, rows::add);
        return rows;
    }

    @Test
    void insertAllSkipsBattlesAlreadyImported() {
        List<BattleRow> batch = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            batch.add(battle("m" + (i % 7), "n" + (i % 5), i % 3 / 2.0, "import", T0.plusMillis(i)).withExternalKey("b" + i));
        }
        batch.add(battle("free", "rider", 1, "import", T0)); // no key: always inserted

        assertThat(db.battles().insertAll(batch)).isEqualTo(2_501);
        assertThat(db.battles().insertAll(batch)).isEqualTo(1);
        assertThat(db.battles().count(BattleFilter.all())).isEqualTo(2_502);
    }

    @Test
    void manyBattlesStreamInOrder() {
        int n = 50_000;
        List<BattleRow> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // times descend with the insertion order, so ordering by id alone would fail
            batch.add(battle("a" + (i % 11), "b" + (i % 13), i % 2, "load", T0.plusMillis(n - i)));
        }
        db.battles().insertAll(batch);

        long[] seen = {0, Long.MIN_VALUE};
        db.battles().forEachBattle(BattleFilter.of(ContestantKind.MODEL).withSource("load"), b -> {
            assertThat(b.time()).isGreaterThan(seen[1]);
            seen[1] = b.time();
            seen[0]++;
        });
        assertThat(seen[0]).isEqualTo(n);
        assertThat(seen[1]).isEqualTo(T0.plusMillis(n).toEpochMilli());
    }

    // ---- snapshots

    @Test
    void snapshotsAreImmutableAndTheLatestGoodOneIsFound() {
        SnapshotRow gpt4 = new SnapshotRow("gpt4", 1, 1100.5, 1090.0, 1111.0, 75.5, 70.0, 80.0, 640, 312.5);
        SnapshotRow bard = new SnapshotRow("bard", 2, 950, null, null, null, null, null, 640, null);
        Snapshot first = db.snapshots().insert(snapshot(T0, null, SnapshotStatus.OK), List.of(bard, gpt4));
        Snapshot second = db.snapshots().insert(snapshot(T0.plusSeconds(3600), null, SnapshotStatus.OK),
                List.of(new SnapshotRow("gpt4", 1, 1200, null, null, null, null, null, 700, null)));
        Snapshot failed = db.snapshots().insert(new Snapshot(0, ContestantKind.MODEL, "human", null,
                T0.plusSeconds(7200), T0, 0, "h", "{}", SnapshotStatus.FAILED, "boom"), List.of());
        Snapshot math = db.snapshots().insert(snapshot(T0, "math", SnapshotStatus.OK), List.of());

        assertThat(db.snapshots().latestOk(ContestantKind.MODEL, "human", null)).contains(second);
        assertThat(db.snapshots().latestOk(ContestantKind.MODEL, "human", "math")).contains(math);
        assertThat(db.snapshots().latestOk(ContestantKind.MODEL, "human", "coding")).isEmpty();
        assertThat(db.snapshots().latestOk(ContestantKind.JUDGE, "human", null)).isEmpty();
        assertThat(db.snapshots().byId(failed.id())).contains(failed);
        assertThat(db.snapshots().recent(ContestantKind.MODEL, 2)).containsExactly(failed, second);

        // the older snapshot keeps its rows, best first
        assertThat(db.snapshots().byId(first.id())).contains(first);
        assertThat(db.snapshots().rows(first.id())).containsExactly(gpt4, bard);
        assertThat(db.snapshots().rows(failed.id())).isEmpty();
    }

    private static Snapshot snapshot(Instant at, String category, SnapshotStatus status) {
        return new Snapshot(0, ContestantKind.MODEL, "human", category, at, at.minusSeconds(1), 640, "hash-" + at,
                "{\"method\":\"bt\"}", status, null);
    }

    @Test
    void aSnapshotRowKeepsItsStyleControlledScore() {
        SnapshotRow styled = new SnapshotRow("gpt4", 1, 1100, 1090.0, 1111.0, 75.5, 70.0, 80.0, 640, 312.5,
                68.0, 61.5, 74.0);
        Snapshot s = db.snapshots().insert(snapshot(T0, null, SnapshotStatus.OK), List.of(styled));
        assertThat(db.snapshots().rows(s.id())).containsExactly(styled);
    }

    @Test
    void aContestantKeepsItsFamilyAndAnUpsertUpdatesIt() {
        Contestant c = db.contestants().upsert(
                new Contestant(0, ContestantKind.MODEL, "gpt-4o", "GPT-4o", "OpenAI", null, "e", true, "gpt-4"));
        assertThat(db.contestants().byId(c.id()).orElseThrow().family()).isEqualTo("gpt-4");
        db.contestants().upsert(new Contestant(0, ContestantKind.MODEL, "gpt-4o", "GPT-4o", "OpenAI", null, "e", true,
                "gpt-4o"));
        assertThat(db.contestants().byId(c.id()).orElseThrow().family()).isEqualTo("gpt-4o");
    }

    @Test
    void aBaselineComparisonIsStoredAsASampleOfSourceBaseline() {
        Sample s = db.samples().insert(Sample.pair("Q", "baseline's answer", "model's answer", "base", "m",
                SampleSource.BASELINE, "arena-hard-v0.1").withExternalKey("baseline:1:2"));
        assertThat(db.samples().byId(s.id()).orElseThrow().source()).isEqualTo(SampleSource.BASELINE);
    }

    // ---- jobs

    @Test
    void jobsAreClaimedOnceInOrderAndTrackProgress() {
        Job a = db.jobs().enqueue("bench", "{\"n\":1}");
        Job b = db.jobs().enqueue("rate", "{}");
        Job c = db.jobs().enqueue("bench", "{\"n\":2}");
        assertThat(a.state()).isEqualTo(JobState.QUEUED);
        assertThat(a.createdAt()).isNotNull();

        assertThat(db.jobs().claimNext("w1", List.of("rate"))).map(Job::id).contains(b.id());
        Job claimed = db.jobs().claimNext("w2", null).orElseThrow();
        assertThat(claimed.id()).isEqualTo(a.id());
        assertThat(claimed.state()).isEqualTo(JobState.RUNNING);
        assertThat(claimed.claimedBy()).isEqualTo("w2");

        db.jobs().progress(a.id(), 0.25, "a quarter");
        assertThat(db.jobs().byId(a.id()).orElseThrow()).extracting(Job::progress, Job::message).containsExactly(0.25, "a quarter");
        db.jobs().progress(a.id(), 7, "over");
        assertThat(db.jobs().byId(a.id()).orElseThrow().progress()).isEqualTo(1.0);
        db.jobs().complete(a.id(), "done");
        db.jobs().fail(b.id(), "it broke");
        assertThat(db.jobs().byId(a.id()).orElseThrow().state()).isEqualTo(JobState.DONE);
        assertThat(db.jobs().byId(b.id()).orElseThrow()).extracting(Job::state, Job::error)
                .containsExactly(JobState.FAILED, "it broke");

        assertThat(db.jobs().claimNext("w1", List.of("bench"))).map(Job::id).contains(c.id());
        assertThat(db.jobs().claimNext("w1", null)).isEmpty();
        assertThat(db.jobs().failRunning("restarted")).isEqualTo(1);
        assertThat(db.jobs().byId(c.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(db.jobs().recent(2)).extracting(Job::id).containsExactly(c.id(), b.id());
        assertThatThrownBy(() -> db.jobs().complete(-1, "x")).isInstanceOf(MissingReferenceException.class);
    }

    @Test
    void runningJobsWithoutARecentHeartbeatAreFailedAndOthersAreLeftAlone() {
        Job running = db.jobs().start("bench", "{}", "node-a");
        assertThat(running).extracting(Job::state, Job::claimedBy).containsExactly(JobState.RUNNING, "node-a");
        Job queued = db.jobs().enqueue("bench", "{}");
        Instant before = Instant.now().minusSeconds(60);
        db.jobs().heartbeat(running.id());
        // its heartbeat is newer than the cut-off: another process may still be running it
        assertThat(db.jobs().failAbandoned(before, "the process running it stopped")).isZero();
        assertThat(db.jobs().byId(running.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        // no heartbeat since the cut-off: failed, in our words; a queued job is not touched
        assertThat(db.jobs().failAbandoned(Instant.now().plusSeconds(60), "the process running it stopped")).isEqualTo(1);
        assertThat(db.jobs().byId(running.id()).orElseThrow()).extracting(Job::state, Job::error)
                .containsExactly(JobState.FAILED, "the process running it stopped");
        assertThat(db.jobs().byId(queued.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void concurrentWorkersNeverClaimTheSameJob() throws Exception {
        int jobs = 60;
        for (int i = 0; i < jobs; i++) db.jobs().enqueue("work", "{}");
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Long> all = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String name = "w" + w;
                workers.add(pool.submit(() -> {
                    Optional<Job> job;
                    while ((job = db.jobs().claimNext(name, null)).isPresent()) {
                        claimed.add(job.get().id());
                        all.add(job.get().id());
                    }
                }));
            }
            for (Future<?> f : workers) f.get();
        }
        assertThat(all).hasSize(jobs);
        assertThat(claimed).hasSize(jobs);
    }

    // ---- settings, benchmark, transactions

    @Test
    void settingsKeepTheFirstValue() {
        assertThat(db.settings().get("some_setting")).isEmpty();
        assertThat(db.settings().getOrInsert("some_setting", "first")).isEqualTo("first");
        assertThat(db.settings().getOrInsert("some_setting", "second")).isEqualTo("first");
        db.settings().put("some_setting", "third");
        assertThat(db.settings().get("some_setting")).contains("third");
        db.settings().delete("some_setting");
        assertThat(db.settings().get("some_setting")).isEmpty();
    }

    @Test
    void benchmarkRowsRoundTrip() {
        Contestant model = db.contestants().insert(Contestant.of(ContestantKind.MODEL, "m", null, null, null));
        Contestant base = db.contestants().insert(Contestant.of(ContestantKind.MODEL, "base", null, null, null));
        Contestant judge = judge("j");
        Question q = db.bench().insertQuestion(new Question(0, "arena-hard", "uid-1", "coding", "python", "hard",
                "Write a parser", null, null, 4.5, null));
        assertThatThrownBy(() -> db.bench().insertQuestion(q)).isInstanceOf(DuplicateKeyException.class);
        Answer a = db.bench().insertAnswer(new Answer(0, q.id(), model.id(), "def parse(): …", 512L, 900L, 0.01, null));
        Answer b = db.bench().insertAnswer(new Answer(0, q.id(), base.id(), "baseline", null, null, null, null));
        Judgment g1 = db.bench().insertJudgment(new Judgment(0, q.id(), judge.id(), b.id(), a.id(), 1, "B>A", null,
                "A is better", "ah-v1", "[[B>A]]", ParseStatus.OK, 1500L, 900L, 300L, 0.02, null));
        Judgment single = db.bench().insertJudgment(new Judgment(0, q.id(), judge.id(), a.id(), null, 1, null, 7.5,
                null, "ah-v1", "7.5", ParseStatus.OK, null, null, null, null, null));

        assertThat(db.bench().questions("arena-hard")).containsExactly(q);
        assertThat(db.bench().answers(q.id())).containsExactly(a, b);
        assertThat(db.bench().answer(q.id(), base.id())).contains(b);
        assertThat(db.bench().judgments(q.id())).containsExactly(g1, single);
        assertThatThrownBy(() -> db.bench().insertJudgment(g1)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void collectiveRowsRoundTrip() {
        Contestant m1 = db.contestants().insert(Contestant.of(ContestantKind.MODEL, "m1", null, null, null));
        Contestant m2 = db.contestants().insert(Contestant.of(ContestantKind.MODEL, "m2", null, null, null));
        BenchRunDao runs = new BenchRunDao(db);
        BenchRun run = runs.ensureRun(BenchRun.COLLECTIVE, "collective-key", "{}");
        assertThat(run.kind()).isEqualTo(BenchRun.COLLECTIVE);
        assertThat(runs.ensureRun("baseline-key", "{}").kind()).isEqualTo(BenchRun.BASELINE);
        CollectiveDao dao = new CollectiveDao(db);
        Question q = db.bench().insertQuestion(new Question(0, "collective:" + run.id(), "collective:" + run.id() + ":0:0",
                null, "math", "hard", "What is 2 + 2?", null, m1.id(), null, null));
        dao.insertAttempt(q.id(), run.id(), 0, 0, 0.25);
        assertThat(dao.attempt(run.id(), 0, 0)).hasValueSatisfying(c -> {
            assertThat(c.question()).isEqualTo(q);
            assertThat(c.state()).isEqualTo(CollectiveQuestion.PENDING);
        });
        dao.judgeQuestion(q.id(), CollectiveQuestion.ACCEPTED, 4.25, 4.0);
        assertThat(dao.questions(run.id())).singleElement().satisfies(c -> {
            assertThat(c.qualityMean()).isEqualTo(4.25);
            assertThat(c.qualityMedian()).isEqualTo(4.0);
            assertThat(c.cost()).isEqualTo(0.25);
        });
        assertThatThrownBy(() -> dao.judgeQuestion(q.id(), "maybe", null, null)).isInstanceOf(InvalidRowException.class);

        Answer a = db.bench().insertAnswer(new Answer(0, q.id(), m1.id(), "4", 1L, 10L, 0.001, null));
        CollectiveVote onQuestion = new CollectiveVote(0, run.id(), q.id(), 0, null, m2.id(), 4, "clear", "rq-v1",
                "Score: 4", ParseStatus.OK, false, 5L, 10L, 2L, 0.0001, T0);
        CollectiveVote onAnswer = new CollectiveVote(0, run.id(), q.id(), m1.id(), a.id(), m2.id(), null, null, "ra-v1",
                "hmm", ParseStatus.UNPARSEABLE, true, 5L, 10L, 2L, 0.0002, T0);
        assertThat(dao.insertVoteIfAbsent(onQuestion)).isTrue();
        assertThat(dao.insertVoteIfAbsent(onQuestion)).isFalse();
        assertThat(dao.insertVoteIfAbsent(onAnswer)).isTrue();
        List<CollectiveVote> votes = dao.votes(run.id());
        assertThat(votes).hasSize(2);
        assertThat(votes.get(0).ratesQuestion()).isTrue();
        assertThat(votes.get(1)).usingRecursiveComparison().ignoringFields("id").isEqualTo(onAnswer);
        assertThat(dao.votesOn(q.id())).isEqualTo(votes);

        dao.saveWeights(run.id(), 0, Map.of(m1.id(), 0.5, m2.id(), 0.5));
        dao.saveWeights(run.id(), 0, Map.of(m1.id(), 0.9, m2.id(), 0.1));
        dao.saveWeights(run.id(), 1, Map.of(m1.id(), 0.7, m2.id(), 0.3));
        assertThat(dao.weights(run.id())).containsExactly(Map.entry(0, Map.of(m1.id(), 0.5, m2.id(), 0.5)),
                Map.entry(1, Map.of(m1.id(), 0.7, m2.id(), 0.3)));

        // the collective phases are claimable units like the baseline's
        runs.addUnits(run.id(), List.of(BenchUnit.Key.rateQuestion(q.id(), m1.id(), m2.id()),
                BenchUnit.Key.rateAnswer(q.id(), m1.id(), m2.id())));
        assertThat(runs.claim(run.id(), BenchUnit.RATE_ANSWER, "w", Duration.ofMinutes(1), 10)).singleElement()
                .satisfies(u -> assertThat(u.judgeId()).isEqualTo(m2.id()));
        assertThat(runs.counts(run.id()).get(BenchUnit.RATE_QUESTION).pending()).isEqualTo(1);
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            tx.contestants().insert(Contestant.of(ContestantKind.MODEL, "kept?", null, null, null));
            tx.samples().insert(Sample.pair("q", "a", "b", null, null, SampleSource.DEMO, null).withExternalKey("x"));
            return tx.samples().insert(Sample.pair("q", "a", "b", null, null, SampleSource.DEMO, null).withExternalKey("x"));
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(db.contestants().list(ContestantKind.MODEL)).isEmpty();
        assertThat(db.samples().count()).isZero();

        Contestant kept = db.inTransaction(tx -> {
            Contestant c = tx.contestants().insert(Contestant.of(ContestantKind.MODEL, "kept", null, null, null));
            // reads inside the transaction see its own writes
            assertThat(tx.contestants().find(ContestantKind.MODEL, "kept")).contains(c);
            return c;
        });
        assertThat(db.contestants().byId(kept.id())).contains(kept);
    }

    @Test
    void valuesOutsideTheSchemaAreRejectedByTheDatabase() {
        assertThatThrownBy(() -> db.sql().write(h -> h.execute("INSERT INTO battles (kind, a, b, outcome, weight, source, "
                + "created_at) VALUES ('model', 'x', 'y', 2, 1, 'human', 0)"))).isInstanceOf(InvalidRowException.class);
        assertThatThrownBy(() -> db.sql().write(h -> h.execute("INSERT INTO contestants (kind, name, display_name, active, "
                + "created_at) VALUES ('referee', 'x', 'x', TRUE, 0)"))).isInstanceOf(InvalidRowException.class);
        assertThat(db.battles().count(BattleFilter.all())).isZero();
    }
}
