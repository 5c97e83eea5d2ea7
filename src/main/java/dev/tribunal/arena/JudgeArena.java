package dev.tribunal.arena;

import dev.tribunal.arena.ArenaException.Reason;
import dev.tribunal.arena.RoundStore.StoredRound;
import dev.tribunal.rating.Battle;
import dev.tribunal.store.VoteFlag;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The judge arena: deals rounds (a sample and two anonymous critiques), takes one vote per round, and reveals
 * the judges afterwards. A vote is a battle between the two judges (A → 1, B → 0, tie and both bad → ½),
 * stored together with the vote.
 *
 * <p>A vote is stored but flagged, and so left out of the leaderboards, when the {@link VoteRules} say so: cast too
 * soon after its round was dealt to have read it, or beyond the voter's counted votes of the trailing 24 hours. The
 * voter is not told: the answer is the same.
 *
 * <p>Blind votes only: stored critiques are dealt again and again, and a reveal names the judges of the two critiques
 * just voted on, so a voter who has voted before may recognise a critique and know its judge. A new round therefore
 * avoids the critiques already revealed to its voter (it tries {@value #FRESH_DRAWS} draws), and a vote on a round
 * that shows one anyway (a voter who has seen most of them, a regenerated round) is kept but flagged
 * {@code not_blind}, as Chatbot Arena drops votes cast after a model named itself.
 *
 * <p>Anonymity: the side a judge is shown on is drawn from a {@link SecureRandom}, and a round is known to the
 * browser only by a random 144-bit token, so neither the order nor the id says anything about the judges.
 */
public final class JudgeArena {

    private final EvaluationSource source;
    private final RoundStore rounds;
    private final Duration roundLifetime;
    private final VoteRules rules;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();
    /** How many random matchups a new round tries before it accepts one with a critique its voter has seen named. */
    static final int FRESH_DRAWS = 16;

    public JudgeArena(EvaluationSource source, RoundStore rounds, Duration roundLifetime, VoteRules rules, Clock clock) {
        this.source = source;
        this.rounds = rounds;
        this.roundLifetime = roundLifetime;
        this.rules = rules;
        this.clock = clock;
    }

    /** An arena that flags no vote. */
    public JudgeArena(EvaluationSource source, RoundStore rounds, Duration roundLifetime, Clock clock) {
        this(source, rounds, roundLifetime, VoteRules.off(), clock);
    }

    /** A new round on a random sample. */
    public Round start(String voterHash) {
        Set<Long> revealed = rules.blindOnly() ? rounds.evaluationsRevealedTo(voterHash) : Set.of();
        Matchup matchup = null;
        for (int draw = 0; draw < FRESH_DRAWS && (matchup == null || !blind(matchup, revealed)); draw++) {
            Matchup drawn = source.draw(random).orElse(null);
            if (drawn == null) break;
            matchup = drawn;
        }
        if (matchup == null) {
            throw new ArenaException(Reason.NO_MATCHUP,
                    "There is nothing to judge yet: no sample has evaluations by two different judges.");
        }
        return deal(matchup, voterHash);
    }

    private static boolean blind(Matchup m, Set<Long> revealed) {
        return !revealed.contains(m.first().id()) && !revealed.contains(m.second().id());
    }

    /** A new round on a matchup made elsewhere (a sample the live judges just evaluated). */
    public Round startOn(Matchup matchup, String voterHash) {
        return deal(matchup, voterHash);
    }

    /** A new round on the same sample as {@code roundId}, with other judges where the sample has them. */
    public Round regenerate(String roundId, String voterHash) {
        Round current = findToVote(roundId).round();
        requireOwner(current, voterHash);
        Matchup matchup = source.redraw(current.sample().id(), Set.of(current.a().judge(), current.b().judge()), random)
                .orElseThrow(() -> new ArenaException(Reason.NO_MATCHUP,
                        "This sample has no other pair of judges to show."));
        return deal(matchup, voterHash);
    }

    /** The round and, once voted, its reveal. */
    public StoredRound get(String roundId) {
        return find(roundId);
    }

    /** Records the vote and returns the reveal. */
    public Reveal vote(String roundId, Choice choice, String voterHash) {
        StoredRound stored = findToVote(roundId);
        Round round = stored.round();
        requireOwner(round, voterHash);
        if (stored.voted()) throw alreadyVoted(stored.vote());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (round.expiredAt(now)) {
            throw new ArenaException(Reason.EXPIRED_ROUND, "Round " + roundId + " expired at " + round.expiresAt()
                    + " and takes no more votes; start a new round.");
        }
        Vote vote = new Vote(roundId, choice, voterHash, now);
        Battle battle = new Battle(round.a().judge(), round.b().judge(), choice.outcomeForA(), 1,
                round.sample().category(), now.toEpochMilli(), null, null);
        if (!rounds.recordVote(vote, battle, flag(round, voterHash, now))) {
            throw alreadyVoted(rounds.find(roundId).map(StoredRound::vote).orElse(null));
        }
        return reveal(round, vote);
    }

    /** Why this vote is left out of the leaderboards, or null when it counts. */
    private VoteFlag flag(Round round, String voterHash, Instant now) {
        if (Duration.between(round.createdAt(), now).compareTo(rules.minTimeToVote()) < 0) return VoteFlag.TOO_FAST;
        if (rules.blindOnly()) {
            Set<Long> revealed = rounds.evaluationsRevealedTo(voterHash);
            if (revealed.contains(round.a().id()) || revealed.contains(round.b().id())) return VoteFlag.NOT_BLIND;
        }
        if (rules.countedPerDay() > 0 && rounds.votesSince(voterHash, now.minus(Duration.ofDays(1)), rules.countedPerDay())
                >= rules.countedPerDay()) {
            return VoteFlag.DAILY_CAP;
        }
        return null;
    }

    /** The reveal of a voted round: judges, models, and the other votes on the same two judges. */
    public Reveal reveal(Round round, Vote vote) {
        PairTally all = rounds.tally(round.a().judge(), round.b().judge());
        Reveal.PeopleVotes people = round.sample().kind() == ArenaSample.Kind.PAIR
                ? rounds.peopleVotes(round.sample().id()) : null;
        return new Reveal(round.id(), vote.choice(), round.a(), round.b(), round.sample(), all.without(vote.choice()),
                people);
    }

    private Round deal(Matchup matchup, String voterHash) {
        boolean swap = random.nextBoolean();
        JudgeEvaluation a = swap ? matchup.second() : matchup.first();
        JudgeEvaluation b = swap ? matchup.first() : matchup.second();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);   // as the store keeps it
        Round round = new Round(newRoundId(), matchup.sample(), a, b, voterHash, now, now.plus(roundLifetime));
        rounds.insert(round);
        return round;
    }

    private StoredRound find(String roundId) {
        return rounds.find(roundId).orElseThrow(() -> unknown(roundId));
    }

    private StoredRound findToVote(String roundId) {
        return rounds.findToVote(roundId).orElseThrow(() -> unknown(roundId));
    }

    private static ArenaException unknown(String roundId) {
        return new ArenaException(Reason.UNKNOWN_ROUND,
                "There is no round " + roundId + " (it may have been removed after it expired); start a new round.");
    }

    private static void requireOwner(Round round, String voterHash) {
        if (!round.voterHash().equals(voterHash)) {
            throw new ArenaException(Reason.NOT_YOUR_ROUND, "Round " + round.id()
                    + " was dealt to another browser; only its voter can vote on it or regenerate it.");
        }
    }

    private static ArenaException alreadyVoted(Vote vote) {
        return new ArenaException(Reason.ALREADY_VOTED, "This round already has a vote"
                + (vote == null ? "" : " (" + vote.choice().wireName() + ")") + "; each round takes one vote.");
    }

    private String newRoundId() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
