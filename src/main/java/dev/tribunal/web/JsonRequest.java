package dev.tribunal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * A request body read strictly: {@code Content-Type: application/json} (415 otherwise), at most a configured
 * number of bytes (413), arriving in time (408), syntactically valid (400), a JSON object without duplicate keys (400). Fields are then
 * taken by name, and anything unknown, missing or of the wrong type is a 400 problem naming the field.
 */
public final class JsonRequest {

    private static final ObjectMapper STRICT = JsonMapper.builder(ApiJson.factory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ObjectNode body;

    private JsonRequest(ObjectNode body) {
        this.body = body;
    }

    /** Reads the body; an absent body counts as {@code {}} when {@code emptyAllowed}. */
    public static JsonRequest read(Context ctx, long maxBytes, boolean emptyAllowed) {
        byte[] bytes = boundedBody(ctx, maxBytes);
        if (bytes.length == 0) {
            if (emptyAllowed) return new JsonRequest(JsonNodeFactory.instance.objectNode());
            throw ProblemException.badRequest("The request body is empty; send a JSON object.");
        }
        requireJsonContentType(ctx);
        JsonNode node;
        try {
            node = STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The request body is not valid JSON: " + JsonErrors.describe(e));
        } catch (IOException e) {
            throw ProblemException.badRequest("The request body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest("The request body must be a JSON object, not "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()) + ".");
        }
        return new JsonRequest((ObjectNode) node);
    }

    private static void requireJsonContentType(Context ctx) {
        String type = ctx.contentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase();
        if (!mediaType.equals("application/json")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as Content-Type: application/json" + (type == null ? "" : ", not " + type) + ".");
        }
    }

    private static byte[] boundedBody(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge(maxBytes);
        if (declared == 0) return new byte[0];
        try (InputStream in = ctx.req().getInputStream()) {
            // with a declared length, read exactly that (and no buffer of the maximum size); else up to the maximum
            byte[] bytes = in.readNBytes((int) (declared > 0 ? declared : Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)));
            if (bytes.length > maxBytes || (declared > 0 && in.read() >= 0)) throw tooLarge(maxBytes);
            return bytes;
        } catch (IOException e) {
            // the client stopped sending (Jetty's idle timeout) or went away: say which, in our words
            if (causedByTimeout(e)) throw ProblemResponses.bodyTimeout();
            throw ProblemException.badRequest("The request body could not be read: the connection failed.");
        }
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) return true;
        }
        return false;
    }

    private static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "body-too-large", "Request body too large",
                "The request body is larger than the limit of " + maxBytes + " bytes.");
    }

    /** Refuses any field not named here. */
    public JsonRequest allowOnly(String... names) {
        Set<String> allowed = Set.of(names);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw ProblemException.badRequest("Unknown field '" + Problem.excerpt(name) + "'"
                        + (names.length == 0 ? "; this request takes no fields." : "; allowed: " + String.join(", ", names) + "."));
            }
        }
        return this;
    }

    /** A required string field whose value must be one of {@code values}. */
    public String requiredOneOf(String name, List<String> values) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw ProblemException.badRequest("Missing field '" + name + "': one of " + String.join(", ", values) + ".");
        }
        if (!value.isTextual()) {
            throw ProblemException.badRequest("Field '" + name + "' must be a string (one of " + String.join(", ", values)
                    + "), not " + value.getNodeType().name().toLowerCase() + ".");
        }
        if (!values.contains(value.textValue())) {
            throw ProblemException.badRequest("Field '" + name + "' must be one of " + String.join(", ", values)
                    + ", not '" + Problem.excerpt(value.textValue()) + "'.");
        }
        return value.textValue();
    }

    /** Whether the field is present and not null. */
    public boolean has(String name) {
        JsonNode value = body.get(name);
        return value != null && !value.isNull();
    }

    /**
     * A string field of at most {@code maxChars} characters (Unicode code points, so that an emoji counts as one,
     * as a person and the page count it), not blank; null when absent or null.
     */
    public String optionalText(String name, int maxChars) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) {
            throw ProblemException.badRequest("Field '" + name + "' must be a string, not "
                    + value.getNodeType().name().toLowerCase() + ".");
        }
        String text = value.textValue();
        if (text.isBlank()) throw ProblemException.badRequest("Field '" + name + "' is empty; write some text.");
        int chars = text.codePointCount(0, text.length());
        if (chars > maxChars) {
            throw ProblemException.badRequest("Field '" + name + "' has " + chars
                    + " characters; the limit is " + maxChars + ".");
        }
        return text;
    }

    /** As {@link #optionalText}, but required. */
    public String requiredText(String name, int maxChars) {
        String text = optionalText(name, maxChars);
        if (text == null) throw ProblemException.badRequest("Missing field '" + name + "'.");
        return text;
    }

    /** A required whole number from {@code min} to {@code max}. */
    public int requiredInt(String name, int min, int max) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) throw ProblemException.badRequest("Missing field '" + name + "'.");
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw ProblemException.badRequest("Field '" + name + "' must be a whole number from " + min + " to " + max
                    + ", not " + Problem.excerpt(value.toString()) + ".");
        }
        return value.intValue();
    }

    /** As {@link #requiredInt}, or null when absent. */
    public Integer optionalInt(String name, int min, int max) {
        return has(name) ? requiredInt(name, min, max) : null;
    }

    /** A whole number from {@code min} to {@code max}, or {@code otherwise} when absent. */
    public long optionalLong(String name, long min, long max, long otherwise) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) return otherwise;
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw ProblemException.badRequest("Field '" + name + "' must be a whole number from " + min + " to " + max
                    + ", not " + Problem.excerpt(value.toString()) + ".");
        }
        return value.longValue();
    }

    /** A number greater than {@code above} and at most {@code max}, or {@code otherwise} when absent. */
    public double optionalNumber(String name, double above, double max, double otherwise) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) return otherwise;
        if (!value.isNumber() || !(value.doubleValue() > above) || value.doubleValue() > max) {
            throw ProblemException.badRequest("Field '" + name + "' must be a number above " + above + " and at most "
                    + max + ", not " + Problem.excerpt(value.toString()) + ".");
        }
        return value.doubleValue();
    }

    /** true or false, or {@code otherwise} when absent. */
    public boolean optionalBoolean(String name, boolean otherwise) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) return otherwise;
        if (!value.isBoolean()) {
            throw ProblemException.badRequest("Field '" + name + "' must be true or false, not "
                    + Problem.excerpt(value.toString()) + ".");
        }
        return value.booleanValue();
    }

    /** A required array of 1 to {@code maxItems} non-blank strings of at most {@code maxChars} characters each. */
    public List<String> requiredTextList(String name, int maxItems, int maxChars) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) throw ProblemException.badRequest("Missing field '" + name + "'.");
        if (!value.isArray() || value.isEmpty() || value.size() > maxItems) {
            throw ProblemException.badRequest("Field '" + name + "' must be an array of 1 to " + maxItems + " names.");
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > maxChars) {
                throw ProblemException.badRequest("Field '" + name + "' must hold names (strings of 1 to " + maxChars
                        + " characters), not " + Problem.excerpt(item.toString()) + ".");
            }
            out.add(item.textValue());
        }
        return out;
    }
}
