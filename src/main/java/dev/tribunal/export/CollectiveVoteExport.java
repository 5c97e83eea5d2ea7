package dev.tribunal.export;

import com.fasterxml.jackson.core.JsonFactory;
import dev.tribunal.store.CollectiveDao;
import dev.tribunal.store.CollectiveVoteRecord;
import dev.tribunal.store.Database;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes every collective vote (a pool model's 1–5 rating of a question or of another model's answer, with its
 * critique) as JSON Lines or CSV while the store streams them, as {@link VoteExport} does for people's votes: times
 * cut to the UTC day, and nothing that links a row to a request (no request key, raw prompt or cost). The voters
 * here are models, named as the judges of human votes are.
 */
public final class CollectiveVoteExport {

    static final String[] CSV_COLUMNS = {"day", "run", "rates", "topic", "difficulty", "question", "question_author",
        "model", "answer", "judge", "score", "critique", "parse_status", "prompt_version"};

    private static final JsonFactory JSON = new JsonFactory();

    private final Database db;

    public CollectiveVoteExport(Database db) {
        this.db = db;
    }

    /** Writes all collective votes to {@code out} (not closed) and returns how many. */
    public long write(ExportFormat format, OutputStream out) throws IOException {
        CollectiveDao votes = new CollectiveDao(db);
        if (format == ExportFormat.CSV) {
            return Rows.csv(out, CSV_COLUMNS, votes::forEachRecord, (csv, v) -> csv.printRecord(Rows.day(v.time()),
                    v.runId(), rates(v), v.topic(), v.difficulty(), v.question(), v.author(), v.model(), v.answer(),
                    v.judge(), v.score(), v.critique(), v.parseStatus().code(), v.promptVersion()));
        }
        return Rows.jsonLines(out, votes::forEachRecord, (json, v) -> {
            json.writeStartObject();
            json.writeStringField("day", Rows.day(v.time()));
            json.writeNumberField("run", v.runId());
            json.writeStringField("rates", rates(v));
            json.writeStringField("topic", v.topic());
            json.writeStringField("difficulty", v.difficulty());
            json.writeStringField("question", v.question());
            json.writeStringField("question_author", v.author());
            json.writeStringField("model", v.model());
            json.writeStringField("answer", v.answer());
            json.writeStringField("judge", v.judge());
            if (v.score() == null) json.writeNullField("score");
            else json.writeNumberField("score", v.score());
            json.writeStringField("critique", v.critique());
            json.writeStringField("parse_status", v.parseStatus().code());
            json.writeStringField("prompt_version", v.promptVersion());
            json.writeEndObject();
        });
    }

    private static String rates(CollectiveVoteRecord v) {
        return v.model() == null ? "question" : "answer";
    }
}
