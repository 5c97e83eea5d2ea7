package dev.tribunal.llm;

import java.util.List;
import java.util.Objects;

/**
 * The shape of a JSON object a reply must have when the endpoint supports structured output:
 * a flat object whose fields are all required.
 */
public record OutputSchema(String name, List<Field> fields) {

    public enum Type { STRING, INTEGER }

    /** One required field; {@code allowed} non-empty makes a string field an enum. */
    public record Field(String name, Type type, List<String> allowed) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            allowed = List.copyOf(allowed);
        }

        public static Field string(String name) {
            return new Field(name, Type.STRING, List.of());
        }

        public static Field integer(String name) {
            return new Field(name, Type.INTEGER, List.of());
        }

        public static Field oneOf(String name, List<String> allowed) {
            return new Field(name, Type.STRING, allowed);
        }
    }

    public OutputSchema {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) throw new IllegalArgumentException("a schema needs at least one field");
    }
}
