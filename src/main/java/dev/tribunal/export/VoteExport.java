package dev.tribunal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * Writes every vote, anonymised, as JSON Lines or CSV while the store streams them: one vote in memory at a
 * time (plus one pseudonym per distinct voter). The voter becomes a label drawn at random for this export
 * ({@link Pseudonyms}); no cookie, hash or address is written. A vote's time is written as its UTC day only:
 * an exact time, known from outside ("I voted at 14:03:07"), would pick out the voter's label and with it every
 * vote they made; a day mixes the vote with all of that day's.
 */
public final class VoteExport {

    /**
     * Streams the votes to a consumer (the store's cursor), in an order that does not follow their exact time
     * (the store's: by day, then by the random round id).
     */
    @FunctionalInterface
    public interface Source {
        void forEachVote(Consumer<ExportedVote> sink);
    }

    static final String[] CSV_COLUMNS = {
        "day", "voter", "choice", "winner", "counted", "flag", "category", "sample_kind", "input", "response", "response_a",
        "response_b", "reference", "model", "model_a", "model_b",
        "judge_a", "judge_a_organisation", "judge_a_verdict", "judge_a_score", "judge_a_critique", "judge_a_withheld",
        "judge_b", "judge_b_organisation", "judge_b_verdict", "judge_b_score", "judge_b_critique", "judge_b_withheld",
        "judge_a_preferred_position", "judge_b_preferred_position"};

    private final Source source;

    public VoteExport(Source source) {
        this.source = source;
    }

    /** Writes all votes to {@code out} (not closed) and returns how many. */
    public long write(ExportFormat format, OutputStream out) throws IOException {
        Pseudonyms pseudonyms = new Pseudonyms();
        if (format != ExportFormat.CSV) {
            return Rows.jsonLines(out, source::forEachVote, (json, v) -> writeJson(json, v, pseudonyms.of(v.voterKey())));
        }
        return Rows.csv(out, CSV_COLUMNS, source::forEachVote, (csv, v) -> {
            ExportedVote.Judgement a = v.judgeA();
            ExportedVote.Judgement b = v.judgeB();
            csv.printRecord(day(v), pseudonyms.of(v.voterKey()),
                    v.choice(), v.winner(), v.flag() == null, v.flag(), v.category(), v.sampleKind(), v.input(), v.response(),
                    v.responseA(), v.responseB(), v.reference(), v.model(), v.modelA(), v.modelB(),
                    a.name(), a.organisation(), a.verdict(), a.score(), a.critique(), a.withheld(),
                    b.name(), b.organisation(), b.verdict(), b.score(), b.critique(), b.withheld(),
                    a.preferredPosition(), b.preferredPosition());
        });
    }

    private static void writeJson(JsonGenerator json, ExportedVote v, String voter) throws IOException {
        json.writeStartObject();
        json.writeStringField("day", day(v));
        json.writeStringField("voter", voter);
        json.writeStringField("choice", v.choice());
        json.writeStringField("winner", v.winner());
        json.writeBooleanField("counted", v.flag() == null);
        json.writeStringField("flag", v.flag());
        json.writeObjectFieldStart("sample");
        json.writeStringField("kind", v.sampleKind());
        json.writeStringField("category", v.category());
        json.writeStringField("input", v.input());
        if ("single".equals(v.sampleKind())) {
            json.writeStringField("response", v.response());
            json.writeStringField("model", v.model());
        } else {
            json.writeStringField("response_a", v.responseA());
            json.writeStringField("response_b", v.responseB());
            json.writeStringField("model_a", v.modelA());
            json.writeStringField("model_b", v.modelB());
        }
        json.writeStringField("reference", v.reference());
        json.writeEndObject();
        writeJudgement(json, "judge_a", v.judgeA());
        writeJudgement(json, "judge_b", v.judgeB());
        json.writeEndObject();
    }

    private static void writeJudgement(JsonGenerator json, String field, ExportedVote.Judgement j) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("name", j.name());
        json.writeStringField("organisation", j.organisation());
        json.writeStringField("verdict", j.verdict());
        if (j.score() == null) json.writeNullField("score");
        else json.writeNumberField("score", j.score());
        json.writeStringField("critique", j.critique());
        json.writeBooleanField("withheld", j.withheld());
        json.writeStringField("preferred_position", j.preferredPosition());
        json.writeEndObject();
    }

    /** The vote's UTC day, e.g. 2026-11-30: the finest time an export gives (see the class comment). */
    private static String day(ExportedVote v) {
        return Rows.day(v.time());
    }
}
