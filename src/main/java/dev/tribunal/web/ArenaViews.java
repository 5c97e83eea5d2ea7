package dev.tribunal.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tribunal.arena.ArenaSample;
import dev.tribunal.arena.JudgeEvaluation;
import dev.tribunal.arena.PairTally;
import dev.tribunal.arena.Reveal;
import dev.tribunal.arena.Round;
import java.time.Instant;

/**
 * The arena's JSON, exactly as README.md "## API" documents it. Before the vote a round carries only what the
 * voter must see — the texts, verdicts and scores — and nothing else: no database ids, no judge or model names,
 * fields in a fixed order.
 */
final class ArenaViews {

    private ArenaViews() {
    }

    record NewRound(String roundId, Instant expiresAt, Object sample, Judges judges) {
    }

    record StoredRound(String roundId, Instant expiresAt, Object sample, Judges judges, boolean voted,
                       RevealView reveal) {
    }

    record PairSample(String kind, String input, String responseA, String responseB, String reference,
                      String category) {
    }

    record SingleSample(String kind, String input, String response, String reference, String category) {
    }

    record Critique(String verdict, Integer score, String critique) {
    }

    record Judges(@JsonProperty("A") Object a, @JsonProperty("B") Object b) {
    }

    record JudgeName(String name, String displayName, String organisation) {
    }

    record PairModels(String responseA, String responseB) {
    }

    record SingleModel(String response) {
    }

    record PairStats(long votes, long a, long b, long tie, long bothBad) {
    }

    record PeopleView(long votes, long a, long b, long tie) {
    }

    record RevealView(String roundId, String choice, Judges judges, Object models, PairStats pairStats,
                      PeopleView peopleVotes) {
    }

    static NewRound newRound(Round round) {
        return new NewRound(round.id(), round.expiresAt(), sample(round.sample()), critiques(round));
    }

    static StoredRound storedRound(Round round, Reveal reveal) {
        return new StoredRound(round.id(), round.expiresAt(), sample(round.sample()), critiques(round),
                reveal != null, reveal == null ? null : reveal(reveal));
    }

    static RevealView reveal(Reveal reveal) {
        ArenaSample sample = reveal.sample();
        Object models = sample.kind() == ArenaSample.Kind.PAIR
                ? new PairModels(sample.modelA(), sample.modelB())
                : new SingleModel(sample.model());
        PairTally t = reveal.others();
        return new RevealView(reveal.roundId(), reveal.choice().wireName(),
                new Judges(name(reveal.a()), name(reveal.b())), models,
                new PairStats(t.votes(), t.a(), t.b(), t.tie(), t.bothBad()),
                reveal.people() == null ? null : new PeopleView(reveal.people().a() + reveal.people().b()
                        + reveal.people().tie(), reveal.people().a(), reveal.people().b(), reveal.people().tie()));
    }

    private static Object sample(ArenaSample s) {
        return s.kind() == ArenaSample.Kind.PAIR
                ? new PairSample(s.kind().wireName(), s.input(), s.responseA(), s.responseB(), s.reference(), s.category())
                : new SingleSample(s.kind().wireName(), s.input(), s.response(), s.reference(), s.category());
    }

    private static Judges critiques(Round round) {
        return new Judges(critique(round.a()), critique(round.b()));
    }

    private static Critique critique(JudgeEvaluation e) {
        return new Critique(e.verdict(), e.score(), e.critique());
    }

    private static JudgeName name(JudgeEvaluation e) {
        return new JudgeName(e.judge(), e.displayName(), e.organisation());
    }
}
