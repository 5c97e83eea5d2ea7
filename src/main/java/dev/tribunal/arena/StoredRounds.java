package dev.tribunal.arena;

import dev.tribunal.rating.Battle;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Dialect;
import dev.tribunal.store.DuplicateVoteException;
import dev.tribunal.store.PairVoteStats;
import dev.tribunal.store.VoteChoice;
import dev.tribunal.store.VoteFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Rounds and votes in the store: a round is kept as its sample and evaluation ids (the texts come back through
 * the {@link ArenaCatalog}); a vote and its battle (kind judge, source {@value #SOURCE}) are stored in one
 * transaction, and the store's primary key on the round makes it one vote per round.
 *
 * <p>Alone on its store (SQLite: one process owns the file) it keeps what it can in memory: dealt rounds reach the
 * store in bulk within 0.2 s ({@link PendingRounds}), and pair tallies, voters' revealed evaluations and vote times
 * are read once and counted up here. Shared (PostgreSQL: any number of nodes on one database, any of which may take
 * the next request of a voter) it trusts nothing in memory that another node could change: a round is stored before
 * it is dealt (one insert, so a vote reaching another node a millisecond later finds it) and kept here for its vote
 * (the votes' primary key refuses a vote another node took meanwhile, so the dealer reads nothing back); a round
 * read from the store comes with its vote in one query, and a round kept here is read again for a page unless
 * voted; a voter's revealed evaluations and vote times are topped up with the votes recorded since the last look
 * ({@link RevealedEvaluations}, {@link RecentVoteTimes}: one indexed range, usually a vote or two). Pair tallies,
 * shown to voters for interest only, are read again once they are {@value #SHARED_TALLY_AGE_MS} ms old: an
 * aggregate over all the pair's votes per vote would grow with the arena.
 */
public final class StoredRounds implements RoundStore, AutoCloseable {

    /** The battle source of arena votes. */
    public static final String SOURCE = "arena";

    private final Database db;
    private final ArenaCatalog catalog;
    /** Rounds kept in memory after being dealt or read: about 200 bytes each (the texts are shared). */
    static final int RECENT_ROUNDS = 100_000;

    /** Whether this process is the only one on the store, and so may keep state in memory (see the class comment). */
    private final boolean alone;
    /** How long a node uses a pair's tally read from a shared store: other nodes' votes show after at most this. */
    public static final long SHARED_TALLY_AGE_MS = 1_000;
    private final PairTallies tallies;
    private final RecentRounds recent;
    /** Voters whose revealed evaluations are kept in memory (a few KB each for the most active). */
    static final int REVEALED_VOTERS = 10_000;
    private final RevealedEvaluations revealed;
    private final RecentVoteTimes voteTimes;
    /** Null when shared. */
    private final PendingRounds pending;

    /** Alone on SQLite, shared on PostgreSQL. */
    public StoredRounds(Database db, ArenaCatalog catalog) {
        this(db, catalog, db.dialect() == Dialect.SQLITE);
    }

    /** @param alone whether this process is the only one on the store (always true on SQLite) */
    public StoredRounds(Database db, ArenaCatalog catalog, boolean alone) {
        this.db = db;
        this.catalog = catalog;
        this.alone = alone;
        this.tallies = new PairTallies(this::storedTally, alone ? null : Duration.ofMillis(SHARED_TALLY_AGE_MS));
        this.pending = alone ? new PendingRounds(db) : null;
        this.recent = new RecentRounds(RECENT_ROUNDS);
        this.revealed = new RevealedEvaluations(REVEALED_VOTERS,
                (voter, since) -> db.votes().evaluationsRevealedSince(voter, Instant.ofEpochMilli(since)), !alone,
                System::currentTimeMillis);
        this.voteTimes = new RecentVoteTimes(REVEALED_VOTERS,
                (voter, since, limit) -> db.votes().timesSince(voter, Instant.ofEpochMilli(since), limit), !alone,
                System::currentTimeMillis);
    }

    /**
     * Alone: keeps the round in memory; it reaches the store with its vote or within 0.2 s ({@link PendingRounds}).
     * Shared: stores it now, and keeps it in memory for its vote.
     */
    @Override
    public void insert(Round r) {
        if (!alone) db.rounds().insert(toStore(r));
        recent.put(new StoredRound(r, null));
        if (alone) pending.add(r);
    }

    static dev.tribunal.store.Round toStore(Round r) {
        return new dev.tribunal.store.Round(r.id(), r.sample().id(), r.a().id(), r.b().id(), r.voterHash(),
                r.createdAt(), r.expiresAt());
    }

    /**
     * Shared, a round kept here without a vote is read again with its vote (one query): another node may have taken
     * it. A vote, once taken, never changes.
     */
    @Override
    public Optional<StoredRound> find(String roundId) {
        StoredRound cached = recent.get(roundId);
        if (cached != null && (alone || cached.voted())) return Optional.of(cached);
        Optional<StoredRound> stored = db.rounds().byId(roundId).map(rv -> new StoredRound(
                new Round(rv.round().id(), catalog.sample(rv.round().sampleId()),
                        catalog.evaluation(rv.round().evalAId()), catalog.evaluation(rv.round().evalBId()),
                        rv.round().voterHash(), rv.round().createdAt(), rv.round().expiresAt()),
                rv.vote() == null ? null : toArena(rv.vote())));
        stored.ifPresent(recent::put);
        return stored;
    }

    /** No query for a round kept here: the votes' primary key refuses a vote another node took meanwhile. */
    @Override
    public Optional<StoredRound> findToVote(String roundId) {
        StoredRound cached = recent.get(roundId);
        return cached != null ? Optional.of(cached) : find(roundId);
    }

    @Override
    public boolean recordVote(Vote vote, Battle battle, VoteFlag flag) {
        tallies.tally(battle.a(), battle.b());   // read the stored count before this vote is in it
        dev.tribunal.store.Vote stored = new dev.tribunal.store.Vote(vote.roundId(),
                VoteChoice.of(vote.choice().wireName()), vote.voterHash(), vote.createdAt(), flag);
        BattleRow row = new BattleRow(0, ContestantKind.JUDGE, battle.a(), battle.b(), battle.outcome(),
                battle.weight(), SOURCE, battle.category(), Instant.ofEpochMilli(battle.time()), null, null, null, null);
        Round unstored = alone ? pending.take(vote.roundId()) : null;
        try {
            if (unstored == null) {
                db.votes().record(stored, row);
            } else {
                db.useTransaction(tx -> {
                    tx.rounds().insert(toStore(unstored));
                    tx.votes().record(stored, row);
                });
            }
        } catch (DuplicateVoteException e) {
            recent.forget(vote.roundId());   // our copy was stale: read the vote from the store next time
            return false;
        } catch (RuntimeException e) {
            if (unstored != null) pending.putBack(unstored);
            throw e;
        }
        if (flag == null) tallies.add(battle.a(), battle.b(), vote.choice());   // the tallies show counted votes
        StoredRound voted = recent.get(vote.roundId());
        if (voted != null) {
            recent.put(new StoredRound(voted.round(), vote));
            revealed.voted(vote.voterHash(), voted.round().a().id(), voted.round().b().id());
        }
        voteTimes.voted(vote.voterHash(), vote.createdAt().toEpochMilli());
        return true;
    }

    @Override
    public Reveal.PeopleVotes peopleVotes(long sampleId) {
        var labels = db.reports().labelsOf(sampleId);
        return labels.total() == 0 ? null : new Reveal.PeopleVotes(labels.a(), labels.b(), labels.tie());
    }

    @Override
    public Set<Long> evaluationsRevealedTo(String voterHash) {
        return revealed.of(voterHash);
    }

    @Override
    public long votesSince(String voterHash, Instant since, int atMost) {
        return voteTimes.countSince(voterHash, since.toEpochMilli(), atMost);
    }

    @Override
    public PairTally tally(String judgeA, String judgeB) {
        return tallies.tally(judgeA, judgeB);
    }

    /** Writes the rounds not yet in the store. */
    @Override
    public void close() {
        if (pending != null) pending.close();
    }

    private PairTally storedTally(String first, String second) {
        PairVoteStats s = db.votes().statsForJudges(catalog.judgeId(first), catalog.judgeId(second));
        return new PairTally(s.total(), s.firstBetter(), s.secondBetter(), s.ties(), s.bothBad());
    }

    private static Vote toArena(dev.tribunal.store.Vote v) {
        return new Vote(v.roundId(), Choice.fromWireName(v.choice().code()), v.voterHash(), v.createdAt());
    }
}
