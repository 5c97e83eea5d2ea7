package dev.tribunal.rating;

import java.util.Arrays;

/**
 * Open-addressing hash from fixed-width keys of longs to dense indices 0, 1, 2, … in order of first appearance.
 * Aggregates millions of battles into cells without boxing a key per battle.
 * <p>
 * A slot holds the key's 32-bit hash beside its index, so a probe compares the stored key only when the hashes
 * agree, and growing rehashes without reading a key: with a million distinct keys the tables outgrow the cache,
 * and a new key then costs one cache miss instead of two.
 */
final class CellIndex {
    private final int width;
    private long[] keys;
    private long[] slots;   // slot -> hash << 32 | (index + 1); 0 = empty
    private int size;

    CellIndex(int width) {
        this.width = width;
        this.keys = new long[16 * width];
        this.slots = new long[32];
    }

    int size() {
        return size;
    }

    /** The index of {@code key} (length = width), adding it when new. */
    int indexOf(long[] key) {
        if (2 * (size + 1) > slots.length) grow();
        long hash = (long) hash(key) << 32;
        int mask = slots.length - 1;
        for (int slot = (int) (hash >>> 32) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                if ((size + 1) * width > keys.length) keys = Arrays.copyOf(keys, 2 * keys.length);
                System.arraycopy(key, 0, keys, size * width, width);
                slots[slot] = hash | ++size;
                return size - 1;
            }
            if ((entry & 0xFFFFFFFF00000000L) == hash) {
                int index = (int) entry - 1;
                if (Arrays.equals(keys, index * width, index * width + width, key, 0, width)) return index;
            }
        }
    }

    /** Field {@code field} of the key with index {@code index}. */
    long field(int index, int field) {
        return keys[index * width + field];
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long entry : slots) {
            if (entry == 0) continue;
            int slot = (int) (entry >>> 32) & mask;
            while (bigger[slot] != 0) slot = (slot + 1) & mask;
            bigger[slot] = entry;
        }
        slots = bigger;
    }

    private int hash(long[] key) {
        long h = 0x9E3779B97F4A7C15L;
        for (int f = 0; f < width; f++) h = (h ^ key[f]) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return (int) (h ^ (h >>> 32));
    }
}
