package dev.tribunal.bench.collective;

import dev.tribunal.llm.Sha256;
import dev.tribunal.rating.Battle;
import dev.tribunal.rating.BattleSet;
import dev.tribunal.rating.ClusterBy;
import dev.tribunal.rating.Leaderboard;
import dev.tribunal.rating.LeaderboardRow;
import dev.tribunal.rating.PooledRatings;
import dev.tribunal.rating.RatingEngine;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.Answer;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.BenchRunDao;
import dev.tribunal.store.BenchUnit;
import dev.tribunal.store.CollectiveDao;
import dev.tribunal.store.CollectiveQuestion;
import dev.tribunal.store.CollectiveVote;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Snapshot;
import dev.tribunal.store.SnapshotRow;
import dev.tribunal.store.SnapshotStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A collective run's boards from its stored votes: each kept question's answers scored by the weighted mean of
 * their ratings ({@link PooledRatings}); each model's score the mean over questions with a bootstrap interval over
 * questions; and each question's answers as pairwise battles (the higher-scored answer wins, equal is a tie; one
 * battle per pair of answers, clustered by question) for the Bradley–Terry board with intervals and ranks.
 * Overall and per topic. Stored on the models board under source {@code collective:<run>} (category null for the
 * overall board, the topic for a topic's), as battles keyed by question and pair, and as snapshots whose score
 * is the weighted mean rating and whose rating is Bradley–Terry's.
 */
final class CollectiveBoards {

    private final Database db;
    private final Clock clock;

    CollectiveBoards(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Battles of every pair of scored answers to each question, in the question's unit and topic. */
    static List<Battle> battles(PooledRatings pooled, Map<String, CollectiveQuestion> questions) {
        List<Battle> battles = new ArrayList<>();
        pooled.answerScores().forEach((q, scores) -> {
            CollectiveQuestion cq = questions.get(q);
            List<Map.Entry<String, Double>> answers = List.copyOf(scores.entrySet());
            for (int i = 0; i < answers.size(); i++) {
                for (int k = i + 1; k < answers.size(); k++) {
                    battles.add(new Battle(answers.get(i).getKey(), answers.get(k).getKey(),
                            PooledRatings.outcome(answers.get(i).getValue(), answers.get(k).getValue()), 1,
                            cq.question().topic(), cq.iteration(), null, null, q));
                }
            }
        });
        return battles;
    }

    /** The Bradley–Terry board of the battles, clustered by question. */
    static Leaderboard rate(List<Battle> battles, int rounds, long seed) {
        BattleSet.Builder set = BattleSet.builder().keepUnits(ClusterBy.QUESTION);
        battles.forEach(set::add);
        return RatingEngine.rate(set.build(), RatingOptions.defaults().withRounds(rounds).withSeed(seed));
    }

    /**
     * Each model's rank range on the board: best = its rank, 1 + #{others whose lower bound is above its upper
     * bound}; worst = n − #{others whose upper bound is below its lower bound}.
     */
    static Map<String, List<Integer>> rankRanges(Leaderboard board) {
        Map<String, List<Integer>> ranges = new HashMap<>();
        for (LeaderboardRow r : board.rows()) {
            int below = 0;
            for (LeaderboardRow o : board.rows()) if (o.ratingUpper() < r.ratingLower()) below++;
            ranges.put(r.name(), List.of(r.rankUb(), board.rows().size() - below));
        }
        return ranges;
    }

    /** The run's report with these final weights; with {@code store}, its battles and snapshots are stored too. */
    CollectiveReport report(long runId, CollectiveParams params, Map<Long, String> names, Map<String, Double> weights,
                            int iterations, boolean store) {
        StoredRun run = new StoredRun(new CollectiveDao(db), runId, names);
        List<CollectiveQuestion> all = run.questions();
        Map<String, CollectiveQuestion> kept = run.kept(Integer.MAX_VALUE);
        List<CollectiveVote> votes = run.votes();
        PooledRatings pooled = run.pooled(Integer.MAX_VALUE, weights);
        String source = CollectiveParams.boardSource(runId);
        List<Battle> battles = battles(pooled, kept);
        List<CollectiveRow> rows = board(pooled, kept.keySet(), battles, params, source, null, store);
        Map<String, List<String>> byTopic = new TreeMap<>();
        kept.forEach((id, q) -> byTopic.computeIfAbsent(q.question().topic(), t -> new ArrayList<>()).add(id));
        Map<String, List<CollectiveRow>> topics = new LinkedHashMap<>();
        byTopic.forEach((topic, ids) -> topics.put(topic, board(pooled, ids,
                battles.stream().filter(b -> topic.equals(b.category())).toList(), params, source, topic, store)));
        if (store) {
            List<BattleRow> stored = new ArrayList<>();
            for (Battle b : battles) {
                stored.add(new BattleRow(0, ContestantKind.MODEL, b.a(), b.b(), b.outcome(), b.weight(), source,
                        b.category(), null, null, null, null, source + ":" + b.unit() + ":" + b.a() + ":" + b.b()));
            }
            db.battles().insertAll(stored);
        }
        int rejected = (int) all.stream().filter(q -> q.state().equals(CollectiveQuestion.REJECTED)).count();
        int duplicates = (int) all.stream().filter(q -> q.state().equals(CollectiveQuestion.DUPLICATE)).count();
        return new CollectiveReport(runId, source, rows, topics, byName(weights, names), stats(runId, names, all, votes,
                pooled, weights), iterations, kept.size(), rejected, duplicates);
    }

    private static Map<String, Double> byName(Map<String, Double> weights, Map<Long, String> names) {
        Map<String, Double> out = new TreeMap<>();
        names.values().forEach(n -> out.put(n, weights.getOrDefault(n, 0.0)));
        return out;
    }

    private List<CollectiveRow> board(PooledRatings pooled, java.util.Collection<String> questions, List<Battle> battles,
                                      CollectiveParams params, String source, String topic, boolean store) {
        List<PooledRatings.ModelScore> scores = pooled.modelScores(questions, params.rounds(), params.seed());
        Leaderboard bt = rate(battles, params.rounds(), params.seed());
        List<CollectiveRow> rows = new ArrayList<>();
        for (PooledRatings.ModelScore s : scores) {
            LeaderboardRow r = bt.rows().stream().filter(x -> x.name().equals(s.model())).findFirst().orElse(null);
            rows.add(new CollectiveRow(s.model(), s.score(), s.lower(), s.upper(),
                    r == null ? Double.NaN : r.rating(), r == null ? Double.NaN : r.ratingLower(),
                    r == null ? Double.NaN : r.ratingUpper(), r == null ? 0 : r.rankUb(), r == null ? 0 : r.battles(),
                    s.questions()));
        }
        if (store) snapshot(rows, battles, params, source, topic);
        return rows;
    }

    /** A snapshot of the board, unless the latest one of its source and topic has the same inputs. */
    private void snapshot(List<CollectiveRow> rows, List<Battle> battles, CollectiveParams params, String source,
                          String topic) {
        String settings = String.format(Locale.ROOT, "{\"method\":\"bradley-terry\",\"score\":\"weighted-mean-rating\","
                + "\"weights\":\"%s\",\"bootstrap_rounds\":%d,\"seed\":%d}", params.weights().cliName(),
                params.rounds(), params.seed());
        StringBuilder inputs = new StringBuilder(settings);
        for (CollectiveRow r : rows) inputs.append('\n').append(r.model()).append(' ').append(r.score());
        for (Battle b : battles) inputs.append('\n').append(b.unit()).append(b.a()).append(b.b()).append(b.outcome());
        String hash = Sha256.hex(inputs.toString());
        Optional<Snapshot> last = db.snapshots().latestOk(ContestantKind.MODEL, source, topic);
        if (last.isPresent() && last.get().inputsHash().equals(hash)) return;
        List<SnapshotRow> snapshotRows = new ArrayList<>();
        for (CollectiveRow r : rows) {
            if (!Double.isFinite(r.rating())) continue;
            snapshotRows.add(new SnapshotRow(r.model(), r.rank(), r.rating(), finite(r.ratingLower()),
                    finite(r.ratingUpper()), finite(r.score()), finite(r.scoreLower()), finite(r.scoreUpper()),
                    r.battles(), null));
        }
        Instant now = clock.instant();
        db.snapshots().insert(new Snapshot(0, ContestantKind.MODEL, source, topic, now, now, battles.size(), hash,
                settings, SnapshotStatus.OK, null), snapshotRows);
    }

    private List<ModelStats> stats(long runId, Map<Long, String> names, List<CollectiveQuestion> questions,
                                   List<CollectiveVote> votes, PooledRatings pooled, Map<String, Double> weights) {
        Map<Long, List<Answer>> answers = new HashMap<>();
        for (Answer a : db.bench().answersInSet(CollectiveParams.boardSource(runId), names.keySet())) {
            answers.computeIfAbsent(a.modelId(), m -> new ArrayList<>()).add(a);
        }
        Map<Long, long[]> ratingCounts = new HashMap<>();
        Map<Long, Double> judgingCost = new HashMap<>();
        for (CollectiveVote v : votes) {
            long[] c = ratingCounts.computeIfAbsent(v.judgeId(), j -> new long[2]);
            c[0]++;
            if (v.parseStatus() != ParseStatus.OK) c[1]++;
            judgingCost.merge(v.judgeId(), v.cost() == null ? 0 : v.cost(), Double::sum);
        }
        Map<Long, Double> authoringCost = new HashMap<>();
        for (CollectiveQuestion q : questions) {
            if (q.question().generatedBy() != null) authoringCost.merge(q.question().generatedBy(), q.cost(), Double::sum);
        }
        Map<Long, Long> failures = new HashMap<>();
        for (BenchUnit u : new BenchRunDao(db).failures(runId)) {
            failures.merge(u.phase().equals(BenchUnit.ANSWER) ? u.modelId() : u.judgeId(), 1L, Long::sum);
        }
        Map<String, Double> distance = pooled.consensusDistance();
        List<ModelStats> out = new ArrayList<>();
        names.forEach((id, name) -> {
            List<Answer> mine = answers.getOrDefault(id, List.of());
            double cost = mine.stream().mapToDouble(a -> a.cost() == null ? 0 : a.cost()).sum();
            long[] latencies = mine.stream().filter(a -> a.latencyMs() != null).mapToLong(Answer::latencyMs).sorted()
                    .toArray();
            long[] c = ratingCounts.getOrDefault(id, new long[2]);
            out.add(new ModelStats(name, mine.size(), cost, mine.isEmpty() ? Double.NaN : cost / mine.size(),
                    Arrays.stream(latencies).average().orElse(Double.NaN), nearestRank(latencies, 0.99),
                    failures.getOrDefault(id, 0L), c[0], c[1], judgingCost.getOrDefault(id, 0.0),
                    authoringCost.getOrDefault(id, 0.0),
                    cost + judgingCost.getOrDefault(id, 0.0) + authoringCost.getOrDefault(id, 0.0),
                    distance.getOrDefault(name, Double.NaN), weights.getOrDefault(name, 0.0)));
        });
        return out;
    }

    /** The nearest-rank percentile: the ⌈p·n⌉-th smallest value (NaN without values). */
    private static double nearestRank(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
