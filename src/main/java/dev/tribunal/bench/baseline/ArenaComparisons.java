package dev.tribunal.bench.baseline;

import dev.tribunal.store.Answer;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Judgment;
import dev.tribunal.store.Question;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a run's fixed-baseline comparisons in the judge arena. A comparison (one question, the baseline's answer
 * and a model's) that two or more judges judged becomes an arena sample of source {@code baseline}: response A is
 * the baseline's answer and response B the model's, as in game 1, and each judge's game-1 verdict and critique is
 * an evaluation of it, so people vote on which judge's critique of the comparison they agree with. The sample's
 * category is the question set, which gives the judges' board its per-benchmark view
 * ({@code /api/leaderboards/judges?source=arena&category=<set>}).
 *
 * <p>Idempotent (the sample is keyed by the two answers, an evaluation by sample and judge), so a resumed or
 * repeated run adds only what is new. The evaluations are in the arena like any other: browsing and the export
 * withhold them, and the judgments they came from (see {@code ArenaEligibility.judgmentInArena}).
 */
final class ArenaComparisons {

    private final Database db;

    ArenaComparisons(Database db) {
        this.db = db;
    }

    /** The external key of the sample of the comparison between these two answers (game 1's A and B). */
    static String sampleKey(long baselineAnswerId, long modelAnswerId) {
        return "baseline:" + baselineAnswerId + ":" + modelAnswerId;
    }

    /** Stores the comparisons with game-1 judgments of two or more judges; returns how many samples are new. */
    int publish(BaselineParams params, List<Question> questions, Map<String, Long> modelIds, Map<String, Long> judgeIds) {
        Map<Long, Question> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        Map<Long, Answer> answers = new HashMap<>();
        for (Answer a : db.bench().answersInSet(params.questionSet(), modelIds.values())) {
            if (byId.containsKey(a.questionId())) answers.put(a.id(), a);
        }
        long baselineId = modelIds.get(params.baseline());
        Map<Long, String> modelNames = new HashMap<>();
        modelIds.forEach((name, id) -> modelNames.put(id, name));
        // game 1 shows the baseline as A: (baseline answer, model answer) -> each judge's game-1 judgment
        Map<String, List<Judgment>> byComparison = new LinkedHashMap<>();
        for (long judge : judgeIds.values()) {
            for (Judgment j : db.bench().judgmentsInSet(params.questionSet(), judge, BaselineParams.PROMPT)) {
                Answer a = answers.get(j.answerAId());
                Answer b = j.answerBId() == null ? null : answers.get(j.answerBId());
                if (j.game() != 1 || a == null || b == null || a.modelId() != baselineId) continue;
                if (!params.contenders().contains(modelNames.get(b.modelId()))) continue;
                byComparison.computeIfAbsent(sampleKey(a.id(), b.id()), k -> new ArrayList<>()).add(j);
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, List<Judgment>> c : byComparison.entrySet()) {
            if (c.getValue().stream().map(Judgment::judgeId).distinct().count() < 2) continue;
            Judgment first = c.getValue().getFirst();
            Question q = byId.get(first.questionId());
            Answer base = answers.get(first.answerAId());
            Answer other = answers.get(first.answerBId());
            samples.add(Sample.pair(Conversations.input(q), Conversations.response(q, base),
                            Conversations.response(q, other), params.baseline(), modelNames.get(other.modelId()),
                            SampleSource.BASELINE, params.questionSet())
                    .withReference(Conversations.reference(q), null).withExternalKey(c.getKey()));
        }
        if (samples.isEmpty()) return 0;
        return db.inTransaction(tx -> {
            int added = tx.samples().insertAllIfAbsent(samples);
            Map<String, Long> sampleIds = tx.samples().idsByExternalKey(samples.stream().map(Sample::externalKey).toList());
            List<Evaluation> evaluations = new ArrayList<>();
            for (Sample s : samples) {
                long sampleId = sampleIds.get(s.externalKey());
                for (Judgment j : byComparison.get(s.externalKey())) {
                    evaluations.add(new Evaluation(0, sampleId, j.judgeId(), j.verdict(), null, j.critique(),
                            j.promptVersion(), null, j.rawOutput(), j.parseStatus(), j.latencyMs(), j.inputTokens(),
                            j.outputTokens(), j.cost(), null));
                }
            }
            tx.evaluations().insertAllIfAbsent(evaluations);
            return added;
        });
    }
}
