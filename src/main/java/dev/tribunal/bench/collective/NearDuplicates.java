package dev.tribunal.bench.collective;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a question is a near-duplicate of earlier ones: the Jaccard similarity of their word sets,
 * J(A, B) = |A ∩ B| / |A ∪ B| (words: runs of letters and digits, lower-cased), reaches a threshold.
 * Cost O(total words) per check.
 */
final class NearDuplicates {

    private NearDuplicates() {
    }

    /** Whether {@code text} is at least {@code threshold} similar to any of {@code earlier}. */
    static boolean any(String text, Collection<String> earlier, double threshold) {
        Set<String> words = words(text);
        for (String e : earlier) {
            if (similarity(words, words(e)) >= threshold) return true;
        }
        return false;
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 1;
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) words.add(w);
        }
        return words;
    }
}
