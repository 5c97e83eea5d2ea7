package dev.tribunal.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One String per distinct contestant name (or winner word), looked up from the parser's characters without making a String per
 * row. A million rows name a few hundred contestants: handing the aggregation the same instance each time (its hash
 * computed once, equality by identity) and making no garbage saves a fifth of the loading time.
 */
final class NameCache {
    private String[] names = new String[256];
    private int size;

    /** The current string value as a shared instance; other values as {@link JsonRecords#text}. */
    String text(JsonParser parser, String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) return JsonRecords.text(parser, field);
        return intern(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    String intern(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) hash = 31 * hash + chars[i];
        int mask = names.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            String name = names[slot];
            if (name == null) return insert(slot, new String(chars, offset, length));
            if (name.hashCode() == hash && matches(name, chars, offset, length)) return name;
        }
    }

    private String insert(int slot, String name) {
        names[slot] = name;
        if (++size * 2 > names.length) grow();
        return name;
    }

    private void grow() {
        String[] old = names;
        names = new String[old.length * 2];
        int mask = names.length - 1;
        for (String name : old) {
            if (name == null) continue;
            int slot = mix(name.hashCode()) & mask;
            while (names[slot] != null) slot = (slot + 1) & mask;
            names[slot] = name;
        }
    }

    private static boolean matches(String name, char[] chars, int offset, int length) {
        if (name.length() != length) return false;
        for (int i = 0; i < length; i++) {
            if (name.charAt(i) != chars[offset + i]) return false;
        }
        return true;
    }

    /** Spreads the bits of String's hash, whose low bits are poor for names differing in their last characters. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    int size() {
        return size;
    }
}
