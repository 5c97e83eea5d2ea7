package dev.tribunal.bench.collective;

import dev.tribunal.rating.PooledRatings;
import dev.tribunal.store.CollectiveDao;
import dev.tribunal.store.CollectiveQuestion;
import dev.tribunal.store.CollectiveVote;
import dev.tribunal.store.ParseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a collective run has stored, read once: its questions and its votes; and from them the questions the pool
 * kept up to an iteration and the ratings of their answers. Every score, weight and board of the run is computed
 * from this, so that a resumed run, another node and the API compute the same numbers.
 */
final class StoredRun {

    private final List<CollectiveQuestion> questions;
    private final List<CollectiveVote> votes;
    private final Map<Long, String> names;

    /** @param names the pool's contestant ids and names */
    StoredRun(CollectiveDao dao, long runId, Map<Long, String> names) {
        this.questions = dao.questions(runId);
        this.votes = dao.votes(runId);
        this.names = names;
    }

    List<CollectiveQuestion> questions() {
        return questions;
    }

    List<CollectiveVote> votes() {
        return votes;
    }

    /** The questions kept in iterations 0 to {@code t}, by id (as text), in iteration order. */
    Map<String, CollectiveQuestion> kept(int t) {
        Map<String, CollectiveQuestion> kept = new LinkedHashMap<>();
        for (CollectiveQuestion q : questions) {
            if (q.iteration() <= t && q.state().equals(CollectiveQuestion.ACCEPTED)) kept.put(Long.toString(q.id()), q);
        }
        return kept;
    }

    /** The parsed ratings of the answers to the questions kept up to {@code t}, the judges weighted. */
    PooledRatings pooled(int t, Map<String, Double> weights) {
        Map<String, CollectiveQuestion> kept = kept(t);
        List<PooledRatings.Rating> ratings = new ArrayList<>();
        for (CollectiveVote v : votes) {
            if (v.ratesQuestion() || v.score() == null || v.parseStatus() != ParseStatus.OK) continue;
            if (!kept.containsKey(Long.toString(v.questionId()))) continue;
            String model = names.get(v.modelId());
            String judge = names.get(v.judgeId());
            if (model == null || judge == null) continue;
            ratings.add(new PooledRatings.Rating(Long.toString(v.questionId()), model, judge, v.score()));
        }
        return new PooledRatings(ratings, weights);
    }
}
