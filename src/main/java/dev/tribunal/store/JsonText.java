package dev.tribunal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Lists of texts kept in a TEXT column as a JSON array (portable: both databases store it as text). */
final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private JsonText() {
    }

    /** The array, or null for an empty list (a column that says "not multi-turn"). */
    static String of(List<String> texts) {
        if (texts == null || texts.isEmpty()) return null;
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> list(String json) {
        if (json == null) return List.of();
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored JSON list cannot be read: " + e.getOriginalMessage());
        }
    }
}
