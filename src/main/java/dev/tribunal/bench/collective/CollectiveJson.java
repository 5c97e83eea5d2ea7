package dev.tribunal.bench.collective;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A collective report as JSON, the same for {@code tribunal benchmark collective --output json} and the API:
 * {@code {"run", "source", "rows": [{"model", "score", "score_lower", "score_upper", "rating", "rating_lower",
 * "rating_upper", "rank", "battles", "questions"}], "judge_weights": {model: weight}, "topics": {topic: [rows]},
 * "models": [{"model", "answers", "answer_cost", "cost_per_answer", "mean_latency_ms", "p99_latency_ms", "failures",
 * "ratings", "unparseable", "judging_cost", "authoring_cost", "cost", "consensus_distance", "weight"}], "iterations",
 * "questions_kept",
 * "questions_rejected", "duplicates"}}. A number that does not exist (no interval) is null.
 */
public final class CollectiveJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CollectiveJson() {
    }

    public static ObjectNode of(CollectiveReport report) {
        ObjectNode root = JSON.createObjectNode().put("run", report.runId()).put("source", report.source());
        rows(root.putArray("rows"), report.rows());
        ObjectNode weights = root.putObject("judge_weights");
        report.judgeWeights().forEach(weights::put);
        ObjectNode topics = root.putObject("topics");
        report.topics().forEach((topic, rows) -> rows(topics.putArray(topic), rows));
        ArrayNode models = root.putArray("models");
        for (ModelStats m : report.models()) {
            ObjectNode n = models.addObject().put("model", m.model()).put("answers", m.answers());
            number(n, "answer_cost", m.answerCost());
            number(n, "cost_per_answer", m.costPerAnswer());
            number(n, "mean_latency_ms", m.meanLatencyMs());
            number(n, "p99_latency_ms", m.p99LatencyMs());
            n.put("failures", m.failures()).put("ratings", m.ratings()).put("unparseable", m.unparseable());
            number(n, "judging_cost", m.judgingCost());
            number(n, "authoring_cost", m.authoringCost());
            number(n, "cost", m.cost());
            number(n, "consensus_distance", m.consensusDistance());
            number(n, "weight", m.weight());
        }
        return root.put("iterations", report.iterations()).put("questions_kept", report.questionsKept())
                .put("questions_rejected", report.questionsRejected()).put("duplicates", report.duplicates());
    }

    private static void rows(ArrayNode array, List<CollectiveRow> rows) {
        for (CollectiveRow row : rows) {
            ObjectNode r = array.addObject().put("model", row.model());
            number(r, "score", row.score());
            number(r, "score_lower", row.scoreLower());
            number(r, "score_upper", row.scoreUpper());
            number(r, "rating", row.rating());
            number(r, "rating_lower", row.ratingLower());
            number(r, "rating_upper", row.ratingUpper());
            r.put("rank", row.rank());
            number(r, "battles", row.battles());
            r.put("questions", row.questions());
        }
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) node.put(name, value);
        else node.putNull(name);
    }
}
