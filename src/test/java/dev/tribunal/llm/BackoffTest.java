package dev.tribunal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Test
    void fullJitterStaysUnderADoublingCeilingCappedAtTheMaximum() {
        SplittableRandom random = new SplittableRandom(7);
        long[] ceilings = {100, 200, 400, 800, 1600, 2000, 2000};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            int a = attempt;
            long[] delays = IntStream.range(0, 2000).mapToLong(i -> backoff.delay(a, null, random).toMillis()).toArray();
            long ceiling = ceilings[attempt - 1];
            assertThat(Arrays.stream(delays).min().orElseThrow()).isGreaterThanOrEqualTo(0);
            assertThat(Arrays.stream(delays).max().orElseThrow()).isLessThanOrEqualTo(ceiling);
            // full jitter: uniform over [0, ceiling], so the mean is about half the ceiling
            assertThat(Arrays.stream(delays).average().orElseThrow()).isBetween(0.4 * ceiling, 0.6 * ceiling);
        }
    }

    @Test
    void retryAfterIsHonouredUpToItsCap() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(backoff.delay(1, Duration.ofSeconds(7), random)).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.delay(3, Duration.ofMinutes(5), random)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterHeaderFormats() {
        assertThat(ProviderHttpClient.parseRetryAfter("12")).hasValue(Duration.ofSeconds(12));
        assertThat(ProviderHttpClient.parseRetryAfter("0.5")).hasValue(Duration.ofMillis(500));
        assertThat(ProviderHttpClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).hasValue(Duration.ZERO);
        assertThat(ProviderHttpClient.parseRetryAfter("soon")).isEmpty();
        assertThat(ProviderHttpClient.parseRetryAfter("-3")).isEmpty();
    }
}
