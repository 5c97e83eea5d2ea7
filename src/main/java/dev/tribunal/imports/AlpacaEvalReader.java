package dev.tribunal.imports;

import static dev.tribunal.imports.JsonRecords.number;
import static dev.tribunal.imports.JsonRecords.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * AlpacaEval annotations (a JSON array, often gzipped, or JSON Lines): {generator_1, generator_2, preference,
 * dataset, …}. The preference p in [1, 2] is the judge's probability-weighted choice (1 = output_1 better,
 * 2 = output_2 better), so the battle generator_1 vs generator_2 has the soft outcome 2 − p. As in AlpacaEval,
 * p = 0 is an old way of writing a draw (1.5). A null preference is skipped and counted. The dataset
 * (helpful_base, koala, …) is the battle's category; the time is the record's position.
 */
final class AlpacaEvalReader implements FormatReader {

    @Override
    public void read(InputFile file, ImportSettings settings, BattleSink sink) throws IOException {
        new JsonRecords(file, settings.skipBad(), sink.counts()).forEach((annotation, line) -> readAnnotation(annotation, sink));
    }

    private static void readAnnotation(JsonParser annotation, BattleSink sink) throws IOException {
        String first = null;
        String second = null;
        String dataset = null;
        double preference = Double.NaN;
        while (annotation.nextToken() == JsonToken.FIELD_NAME) {
            String field = annotation.currentName();
            annotation.nextToken();
            switch (field) {
                case "generator_1" -> first = text(annotation, field);
                case "generator_2" -> second = text(annotation, field);
                case "dataset" -> dataset = text(annotation, field);
                case "preference" -> preference = number(annotation, field);
                default -> annotation.skipChildren();
            }
        }
        if (first == null) throw new BadRecord("no 'generator_1'");
        if (second == null) throw new BadRecord("no 'generator_2'");
        if (Double.isNaN(preference)) {
            sink.counts().addMissingVerdict();
            return;
        }
        if (preference == 0) preference = 1.5;
        if (!(preference >= 1 && preference <= 2)) throw new BadRecord("'preference' must be in [1, 2]: " + preference);
        sink.emit(first, second, 2 - preference, 1, dataset, sink.position(), null, null);
    }
}
