package dev.tribunal.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a body is not valid JSON, in our words: Jackson's messages name its classes, features and settings
 * ({@code StreamReadConstraints…}, {@code [Source: REDACTED…]}), which a client has no use for and which say
 * what the server runs. The message is only used to pick one of our sentences; it is never passed on.
 */
final class JsonErrors {

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']{1,64})[\"']");

    private JsonErrors() {
    }

    /** E.g. "it ends before the value is complete (line 1, column 11)". */
    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return reason(e, message) + where(e.getLocation());
    }

    private static String reason(JsonProcessingException e, String message) {
        if (e instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                return "it nests arrays and objects deeper than " + LIMITS.getMaxNestingDepth() + " levels";
            }
            if (message.contains("Number value length")) {
                return "a number has more than " + LIMITS.getMaxNumberLength() + " digits";
            }
            if (message.contains("String value length")) {
                return "a string is longer than " + LIMITS.getMaxStringLength() + " characters";
            }
            if (message.contains("Name length")) return "a field name is too long";
            return "it is larger or deeper than the server accepts";
        }
        if (message.startsWith("Duplicate")) {
            Matcher name = QUOTED.matcher(message);
            return name.find() ? "field '" + Problem.excerpt(name.group(1)) + "' appears twice" : "a field appears twice";
        }
        if (message.contains("end-of-input")) return "it ends before the value is complete";
        if (message.startsWith("Trailing token")) return "there is more after the JSON value";
        if (message.contains("UTF-8") || message.contains("UTF8")) return "it is not valid UTF-8";
        if (message.startsWith("Unrecognized token")) {
            return "a bare word that is not JSON (strings need double quotes; the only bare words are true, false "
                    + "and null)";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a control character inside a string must be escaped";
        }
        if (message.startsWith("Unrecognized character escape")) return "a backslash escape that JSON does not have";
        if (message.contains("umeric value") || message.contains("number")) return "a malformed number";
        if (message.startsWith("Unexpected character")) return "an unexpected character";
        return "a syntax error";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) return ".";
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ").";
    }
}
