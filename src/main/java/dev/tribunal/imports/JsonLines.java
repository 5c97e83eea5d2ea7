package dev.tribunal.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The objects of a small JSON Lines file, each with its line; a bad line stops the read with "FILE:LINE: problem". */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One object and the line it is on (1-based). */
    record Line(JsonNode json, long number) {
    }

    private JsonLines() {
    }

    static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String text; (text = in.readLine()) != null; ) {
                number++;
                if (text.isBlank()) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw BadInputException.at(file.toString(), number, "not JSON: " + e.getOriginalMessage());
                }
                if (!node.isObject()) throw BadInputException.at(file.toString(), number, "expected a JSON object");
                lines.add(new Line(node, number));
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + file);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new BadInputException(file + ": no records");
        return lines;
    }

    /** A text or whole-number field as text, or null when absent. */
    static String key(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isTextual() && !v.asText().isBlank()) return v.asText();
        if (v.isIntegralNumber()) return v.asText();
        return null;
    }

    /** A list of non-empty texts, from a text (one item) or an array of texts; null when absent or malformed. */
    static List<String> texts(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.asText().isBlank() ? null : List.of(v.asText());
        if (!v.isArray() || v.isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) return null;
            out.add(item.asText());
        }
        return out;
    }
}
