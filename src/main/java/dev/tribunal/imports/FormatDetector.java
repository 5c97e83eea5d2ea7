package dev.tribunal.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Tells a file's format: CSV by its name (.csv, .csv.gz); JSON by the fields of its first record — "games" for
 * Arena-Hard judgments, "generator_1" or "preference" for AlpacaEval annotations, "model_a" and "winner" for
 * battle rows.
 */
final class FormatDetector {

    private FormatDetector() {
    }

    static BattleFormat detect(InputFile file) throws IOException {
        if (file.isCsv()) return BattleFormat.CSV;
        Set<String> fields = firstRecordFields(file);
        if (fields.contains("games")) return BattleFormat.ARENA_HARD_JUDGMENTS;
        if (fields.contains("generator_1") || fields.contains("preference")) return BattleFormat.ALPACA_EVAL;
        if (fields.contains("model_a") && fields.contains("winner")) return BattleFormat.BATTLE_ROWS;
        throw new BadInputException(file.name() + ": cannot tell the format from the first record's fields " + fields
                + ": give --format (" + BattleFormat.cliNames() + ")");
    }

    private static Set<String> firstRecordFields(InputFile file) throws IOException {
        try (InputStream in = file.openStream(); JsonParser parser = JsonRecords.FACTORY.createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token == null) throw new BadInputException(file.name() + ": empty file");
            if (token == JsonToken.START_ARRAY) token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw new BadInputException(file.name() + ": the first record is not a JSON object: give --format ("
                        + BattleFormat.cliNames() + ")");
            }
            Set<String> fields = new LinkedHashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                fields.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new BadInputException(file.name() + ": cannot tell the format, the first record is not JSON ("
                    + e.getOriginalMessage() + "): give --format (" + BattleFormat.cliNames() + ")");
        }
    }
}
