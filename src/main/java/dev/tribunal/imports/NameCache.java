package dev.tribunal.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * One String per distinct contestant name (or winner word), looked up from the parser's characters without making a String per
 * row. A million rows name a few hundred contestants: handing the aggregation the same instance each time (its hash
 * computed once, equality by identity) and making no garbage saves a fifth of the loading time.
 */
final class NameCache {
    private String[] names = new String[256];
    private char[][] texts = new char[256][];   // the characters of names[slot], compared without String's per-char checks
    private int size;

    /** The current string value as a shared instance; other values as {@link JsonRecords#text}. */
    String text(JsonParser parser, String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) return JsonRecords.text(parser, field);
        return intern(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    String intern(char[] chars, int offset, int length) {
        int hash = hash(chars, offset, length);
        int mask = names.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            String name = names[slot];
            if (name == null) return insert(slot, chars, offset, length);
            if (name.hashCode() == hash && Arrays.equals(texts[slot], 0, texts[slot].length, chars, offset, offset + length)) {
                return name;
            }
        }
    }

    /**
     * {@link String#hashCode()} of the characters, four at a step: h·31⁴ + c₀·31³ + c₁·31² + c₂·31 + c₃ is the same
     * sum (mod 2³²) with a chain of multiplications a quarter as long, and names are hashed three times a row.
     */
    static int hash(char[] chars, int offset, int length) {
        int h = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 3 < end; i += 4) {
            h = 923_521 * h + 29_791 * chars[i] + 961 * chars[i + 1] + 31 * chars[i + 2] + chars[i + 3];
        }
        for (; i < end; i++) h = 31 * h + chars[i];
        return h;
    }

    private String insert(int slot, char[] chars, int offset, int length) {
        String name = new String(chars, offset, length);
        names[slot] = name;
        texts[slot] = Arrays.copyOfRange(chars, offset, offset + length);
        if (++size * 2 > names.length) grow();
        return name;
    }

    private void grow() {
        String[] oldNames = names;
        char[][] oldTexts = texts;
        names = new String[oldNames.length * 2];
        texts = new char[names.length][];
        int mask = names.length - 1;
        for (int old = 0; old < oldNames.length; old++) {
            if (oldNames[old] == null) continue;
            int slot = mix(oldNames[old].hashCode()) & mask;
            while (names[slot] != null) slot = (slot + 1) & mask;
            names[slot] = oldNames[old];
            texts[slot] = oldTexts[old];
        }
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
