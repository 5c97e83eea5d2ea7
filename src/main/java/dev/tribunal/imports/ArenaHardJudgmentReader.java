package dev.tribunal.imports;

import static dev.tribunal.imports.JsonRecords.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tribunal.rating.AnswerStyle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Arena-Hard judgments, one JSON object a line: {question_id (or uid), model, judge, category?, games: [g1, g2]},
 * each game {score: "A>>B" | "A>B" | "A=B" | "B>A" | "B>>A", …}. Game 1 puts the baseline as A and the model as B;
 * game 2 swaps them. As in Arena-Hard, each game becomes one battle baseline vs model, a strong verdict weighing
 * {@link ImportSettings#strongWeight()}. A game whose score is null or missing is skipped and counted; a judgment of
 * the baseline against itself (the baseline's own file) is ignored and counted.
 */
final class ArenaHardJudgmentReader implements FormatReader {

    @Override
    public void read(InputFile file, ImportSettings settings, BattleSink sink) throws IOException {
        if (settings.baseline() == null) {
            throw new BadInputException(file.name() + ": Arena-Hard judgments need --baseline, the model that is A in game 1"
                    + " (e.g. gpt-4-0314 for Arena-Hard v0.1)");
        }
        new JsonRecords(file, settings.skipBad(), sink.counts()).forEach((judgment, line) -> readJudgment(judgment, settings, sink));
    }

    private static void readJudgment(JsonParser judgment, ImportSettings settings, BattleSink sink) throws IOException {
        String question = null;
        String model = null;
        String category = null;
        List<String> scores = null;
        while (judgment.nextToken() == JsonToken.FIELD_NAME) {
            String field = judgment.currentName();
            judgment.nextToken();
            switch (field) {
                case "question_id", "uid" -> question = text(judgment, field);
                case "model" -> model = text(judgment, field);
                case "category" -> category = text(judgment, field);
                case "games" -> scores = readScores(judgment);
                default -> judgment.skipChildren();
            }
        }
        if (model == null) throw new BadRecord("no 'model'");
        if (scores == null) throw new BadRecord("no 'games'");
        if (scores.size() > 2) throw new BadRecord("more than two games");
        String baseline = settings.baseline();
        if (model.equals(baseline)) {
            sink.counts().addSelfComparison();
            return;
        }
        ArenaHardVerdict[] verdicts = new ArenaHardVerdict[scores.size()];
        for (int game = 0; game < verdicts.length; game++) {
            verdicts[game] = scores.get(game) == null ? null : ArenaHardVerdict.parse(scores.get(game));
        }
        AnswerStyle[] style = settings.styles().pair(question, baseline, model);
        long time = sink.position();
        for (int game = 0; game < verdicts.length; game++) {
            ArenaHardVerdict verdict = verdicts[game];
            if (verdict == null) {
                sink.counts().addMissingVerdict();
                continue;
            }
            // Game 1: A = baseline; game 2: A = model. The battle is always baseline vs model.
            double outcomeForBaseline = game == 0 ? verdict.outcomeForA() : 1 - verdict.outcomeForA();
            double weight = verdict.strong() ? settings.strongWeight() : 1;
            // both games judge the same pair of answers to one question: that pair is the sample
            sink.emit(baseline, model, outcomeForBaseline, weight, category, time, style[0], style[1],
                    new BattleSink.Units(question, null, question == null ? null : question + "\u0000" + model));
        }
    }

    /** The games' scores in order; null for a game that is null or has no (or a null) score. */
    private static List<String> readScores(JsonParser games) throws IOException {
        if (games.currentToken() != JsonToken.START_ARRAY) {
            games.skipChildren();
            throw new BadRecord("'games' must be an array");
        }
        List<String> scores = new ArrayList<>(2);
        JsonToken token;
        while ((token = games.nextToken()) != JsonToken.END_ARRAY) {
            String score = null;
            if (token == JsonToken.START_OBJECT) {
                while (games.nextToken() == JsonToken.FIELD_NAME) {
                    String field = games.currentName();
                    games.nextToken();
                    if (field.equals("score")) score = text(games, field);
                    else games.skipChildren();
                }
            } else if (token != JsonToken.VALUE_NULL) {
                games.skipChildren();
                throw new BadRecord("a game must be an object with a 'score'");
            }
            scores.add(score);
        }
        return scores;
    }
}
