package dev.tribunal.rating;

import java.util.Arrays;

/**
 * Open-addressing hash from fixed-width keys of longs to dense indices 0, 1, 2, … in order of first appearance.
 * Aggregates millions of battles into cells without boxing a key per battle.
 */
final class CellIndex {
    private final int width;
    private long[] keys;
    private int[] slots;   // slot -> index + 1, 0 = empty
    private int size;

    CellIndex(int width) {
        this.width = width;
        this.keys = new long[16 * width];
        this.slots = new int[32];
    }

    int size() {
        return size;
    }

    /** The index of {@code key} (length = width), adding it when new. */
    int indexOf(long[] key) {
        if (2 * (size + 1) > slots.length) grow();
        int mask = slots.length - 1;
        for (int slot = hash(key, 0) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                if ((size + 1) * width > keys.length) keys = Arrays.copyOf(keys, 2 * keys.length);
                System.arraycopy(key, 0, keys, size * width, width);
                slots[slot] = ++size;
                return size - 1;
            }
            if (Arrays.equals(keys, (entry - 1) * width, entry * width, key, 0, width)) return entry - 1;
        }
    }

    /** Field {@code field} of the key with index {@code index}. */
    long field(int index, int field) {
        return keys[index * width + field];
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int index = 0; index < size; index++) {
            int slot = hash(keys, index * width) & mask;
            while (bigger[slot] != 0) slot = (slot + 1) & mask;
            bigger[slot] = index + 1;
        }
        slots = bigger;
    }

    private int hash(long[] array, int from) {
        long h = 0x9E3779B97F4A7C15L;
        for (int f = 0; f < width; f++) h = (h ^ array[from + f]) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return (int) (h ^ (h >>> 32));
    }
}
