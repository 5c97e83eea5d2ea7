package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameCacheTest {

    @Test
    void givesOneInstancePerDistinctNameThroughGrowth() {
        NameCache cache = new NameCache();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 1000; i++) first.add(intern(cache, "model-" + i));

        for (int i = 0; i < 1000; i++) {
            String again = intern(cache, "model-" + i);
            assertThat(again).isEqualTo("model-" + i).isSameAs(first.get(i));
        }
        assertThat(cache.size()).isEqualTo(1000);
        assertThat(intern(cache, "")).isEmpty();
        assertThat(intern(cache, "Aa")).isNotSameAs(intern(cache, "BB")); // same String hash, different names
    }

    @Test
    void hashesAsStringDoes() {
        for (String text : List.of("", "a", "ab", "abc", "abcd", "model-894", "claude-3-5-sonnet-20240620", "модель-ü-7",
                "\uD83D\uDE00x")) {
            char[] chars = ("<<" + text + ">>").toCharArray();
            assertThat(NameCache.hash(chars, 2, text.length())).as(text).isEqualTo(text.hashCode());
        }
    }

    /** Looks {@code text} up from the middle of a fresh, larger buffer, as the parser hands it over. */
    private static String intern(NameCache cache, String text) {
        char[] chars = ("<<" + text + ">>").toCharArray();
        return cache.intern(chars, 2, chars.length - 4);
    }
}
