package dev.tribunal.bench.baseline;

import dev.tribunal.judging.PairVerdict;
import dev.tribunal.llm.Sha256;
import dev.tribunal.rating.AnswerStyle;
import dev.tribunal.rating.Battle;
import dev.tribunal.rating.BattleSet;
import dev.tribunal.rating.Leaderboard;
import dev.tribunal.rating.LeaderboardRow;
import dev.tribunal.rating.MarkdownStyle;
import dev.tribunal.rating.RatingEngine;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.Answer;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Judgment;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Question;
import dev.tribunal.store.Snapshot;
import dev.tribunal.store.SnapshotRow;
import dev.tribunal.store.SnapshotStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a run's judgments into its boards and stores them on the models board: the battles (source
 * {@code baseline:<set>:<judge>:vs:<baseline>}, one per parsed game, keyed by the judgment so that storing twice adds nothing)
 * and a snapshot per board (skipped when the latest one has the same inputs).
 *
 * <p>Each parsed game is a battle of the model against the baseline, read for the model (game 1 shows the
 * baseline as A, so its verdict is swapped): win 1, tie ½, loss 0, weight {@code strongWeight} for a strong
 * verdict (Arena-Hard counts {@code >>} three times). Both answers' style features go with it, for the
 * style-controlled board. Unparseable games are counted, never guessed.
 */
final class BaselineBoards {

    private final Database db;
    private final Clock clock;

    BaselineBoards(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }


    List<BaselineBoard> rateAndStore(BaselineParams params, List<Question> questions, Map<String, Long> modelIds,
                                     Map<String, Long> judgeIds) {
        Map<Long, Question> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        Map<Long, String> modelOf = new HashMap<>();
        modelIds.forEach((name, id) -> modelOf.put(id, name));
        Map<Long, Answer> answers = new HashMap<>();
        for (Answer a : db.bench().answersInSet(params.questionSet(), modelIds.values())) {
            if (byId.containsKey(a.questionId())) answers.put(a.id(), a);
        }
        Map<String, Double> avgTokens = averageTokens(answers.values(), modelOf);
        List<BaselineBoard> boards = new ArrayList<>();
        List<Game> pooled = new ArrayList<>();
        for (Map.Entry<String, Long> judge : judgeIds.entrySet()) {
            List<Game> games = games(params, byId, answers, modelOf,
                    db.bench().judgmentsInSet(params.questionSet(), judge.getValue(), BaselineParams.PROMPT));
            pooled.addAll(games);
            boards.add(board(params, judge.getKey(), games, avgTokens, true));
        }
        if (params.poolJudges() && judgeIds.size() > 1) {
            boards.add(board(params, String.join("+", judgeIds.keySet()), pooled, avgTokens, false));
        }
        return boards;
    }

    /** One judgment read for the model: the battle it makes (null when unparseable). */
    private record Game(Judgment judgment, String model, Battle battle) {
    }

    private List<Game> games(BaselineParams params, Map<Long, Question> questions, Map<Long, Answer> answers,
                             Map<Long, String> modelOf, List<Judgment> judgments) {
        List<Game> games = new ArrayList<>();
        for (Judgment j : judgments) {
            Answer a = answers.get(j.answerAId());
            Answer b = j.answerBId() == null ? null : answers.get(j.answerBId());
            if (a == null || b == null) continue;
            String nameA = modelOf.get(a.modelId());
            String nameB = modelOf.get(b.modelId());
            boolean baselineIsA = nameA.equals(params.baseline());
            if (baselineIsA == nameB.equals(params.baseline())) continue;
            Answer model = baselineIsA ? b : a;
            Answer base = baselineIsA ? a : b;
            String name = modelOf.get(model.modelId());
            if (!params.contenders().contains(name)) continue;
            if (j.parseStatus() != ParseStatus.OK || j.verdict() == null) {
                games.add(new Game(j, name, null));
                continue;
            }
            PairVerdict v = PairVerdict.fromLabel(j.verdict());
            PairVerdict forModel = baselineIsA ? v.swapped() : v;
            Question q = questions.get(j.questionId());
            Battle battle = new Battle(name, params.baseline(), forModel.outcomeForA(),
                    forModel.strong() ? params.strongWeight() : 1, q.category(), j.id(), style(model), style(base));
            games.add(new Game(j, name, battle));
        }
        return games;
    }

    private static AnswerStyle style(Answer a) {
        return MarkdownStyle.of(a.content(), a.tokens() == null ? 0 : a.tokens());
    }

    private BaselineBoard board(BaselineParams params, String judge, List<Game> games, Map<String, Double> avgTokens,
                                boolean storeBattles) {
        String source = params.boardSource(judge);
        BattleSet.Builder plain = BattleSet.builder();
        BattleSet.Builder styled = BattleSet.builder().keepStyle();
        List<BattleRow> rows = new ArrayList<>();
        long unparseable = 0;
        for (Game g : games) {
            if (g.battle == null) {
                unparseable++;
                continue;
            }
            plain.add(g.battle);
            styled.add(g.battle);
            rows.add(new BattleRow(0, ContestantKind.MODEL, g.battle.a(), g.battle.b(), g.battle.outcome(),
                    g.battle.weight(), source, g.battle.category(), null, g.battle.styleA(), g.battle.styleB(), null,
                    source + ":" + g.judgment.id()));
        }
        RatingOptions options = RatingOptions.defaults().withBaseline(params.baseline()).withRounds(params.rounds())
                .withSeed(params.seed());
        Leaderboard board = RatingEngine.rate(plain.build(), options);
        Leaderboard styledBoard;
        try {
            styledBoard = rows.isEmpty() ? null : RatingEngine.rate(styled.build(), options.withStyleControl(true));
        } catch (RuntimeException e) {
            styledBoard = null;
        }
        if (storeBattles) db.battles().insertAll(rows);
        store(params, source, board, styledBoard, rows, avgTokens);
        return new BaselineBoard(judge, source, board, styledBoard, avgTokens, games.size(), unparseable,
                disagreements(games));
    }

    /** Comparisons (question, model) whose two parsed games give the model different outcomes. */
    private static long disagreements(List<Game> games) {
        Map<String, List<Double>> outcomes = new HashMap<>();
        for (Game g : games) {
            if (g.battle == null) continue;
            outcomes.computeIfAbsent(g.judgment.judgeId() + ":" + g.judgment.questionId() + ":" + g.model,
                    k -> new ArrayList<>()).add(g.battle.outcome());
        }
        return outcomes.values().stream().filter(o -> o.size() == 2 && !o.get(0).equals(o.get(1))).count();
    }

    private static Map<String, Double> averageTokens(Iterable<Answer> answers, Map<Long, String> modelOf) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Answer a : answers) {
            if (a.tokens() == null) continue;
            double[] s = sums.computeIfAbsent(modelOf.get(a.modelId()), m -> new double[2]);
            s[0] += a.tokens();
            s[1]++;
        }
        Map<String, Double> avg = new LinkedHashMap<>();
        sums.forEach((m, s) -> avg.put(m, s[0] / s[1]));
        return avg;
    }

    /** A snapshot of the board on the models board, unless the latest one has the same inputs. */
    private void store(BaselineParams params, String source, Leaderboard board, Leaderboard styled,
                       List<BattleRow> rows, Map<String, Double> avgTokens) {
        String settings = String.format(Locale.ROOT, "{\"method\":\"bradley-terry\",\"baseline\":\"%s\","
                        + "\"strong_weight\":%s,\"bootstrap_rounds\":%d,\"seed\":%d,\"question_set\":\"%s\",\"limit\":%s}",
                json(params.baseline()), params.strongWeight(), params.rounds(), params.seed(),
                json(params.questionSet()), params.limit());
        StringBuilder inputs = new StringBuilder(settings);
        for (BattleRow r : rows) {
            inputs.append('\n').append(r.externalKey()).append(' ').append(r.outcome()).append(' ').append(r.weight());
        }
        String hash = Sha256.hex(inputs.toString());
        Optional<Snapshot> last = db.snapshots().latestOk(ContestantKind.MODEL, source, null);
        if (last.isPresent() && last.get().inputsHash().equals(hash)) return;
        Instant now = clock.instant();
        Map<String, LeaderboardRow> styledRows = new HashMap<>();
        if (styled != null) styled.rows().forEach(r -> styledRows.put(r.name(), r));
        List<SnapshotRow> snapshotRows = new ArrayList<>();
        for (LeaderboardRow r : board.rows()) {
            LeaderboardRow s = styledRows.get(r.name());
            snapshotRows.add(new SnapshotRow(r.name(), r.rankUb(), r.rating(), r.ratingLower(), r.ratingUpper(),
                    finite(r.score()), finite(r.scoreLower()), finite(r.scoreUpper()), r.battles(),
                    avgTokens.get(r.name()), s == null ? null : finite(s.score()), s == null ? null : finite(s.scoreLower()),
                    s == null ? null : finite(s.scoreUpper())));
        }
        db.snapshots().insert(new Snapshot(0, ContestantKind.MODEL, source, null, now, now, rows.size(), hash, settings,
                SnapshotStatus.OK, null), snapshotRows);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

}
