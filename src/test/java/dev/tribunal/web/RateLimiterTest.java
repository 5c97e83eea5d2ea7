package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a clock the test moves. */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aBurstUpToTheLimitThenOneTokenPerPeriodOverLimit() {
        RateLimiter limiter = new RateLimiter("votes", List.of(new RateLimiter.Limit(30, Duration.ofMinutes(1))),
                nanos::get);
        for (int i = 0; i < 30; i++) limiter.acquire("v");
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> limiter.acquire("v"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers()).containsEntry("Retry-After", "2");   // 60 s / 30
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        limiter.acquire("v");
        assertThatThrownBy(() -> limiter.acquire("v")).isInstanceOf(ProblemException.class);
        limiter.acquire("another voter");
    }

    @Test
    void aRequestTakesFromEveryBucketOrFromNone() {
        RateLimiter limiter = new RateLimiter("votes", List.of(new RateLimiter.Limit(2, Duration.ofMinutes(1)),
                new RateLimiter.Limit(3, Duration.ofDays(1))), nanos::get);
        limiter.acquire("v");
        limiter.acquire("v");
        assertThatThrownBy(() -> limiter.acquire("v")).isInstanceOf(ProblemException.class);
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        limiter.acquire("v");   // the daily bucket still had one: the refused request took nothing
        ProblemException daily = catchThrowableOfType(ProblemException.class, () -> {
            nanos.addAndGet(Duration.ofMinutes(1).toNanos());
            limiter.acquire("v");
        });
        // a day's bucket of 3 refills one token every 8 hours
        assertThat(Long.parseLong(daily.headers().get("Retry-After"))).isBetween(7L * 3600, 8L * 3600);
    }

    @Test
    void permitsOfSeveralLimitersAreTakenAllOrNone() {
        RateLimiter perVoter = new RateLimiter("votes", "this voter",
                List.of(new RateLimiter.Limit(1, Duration.ofMinutes(1))), nanos::get);
        RateLimiter perAddress = new RateLimiter("votes", "this network address",
                List.of(new RateLimiter.Limit(3, Duration.ofMinutes(1))), nanos::get);
        RateLimiter.acquireAll(List.of(perVoter.permit("v"), perAddress.permit("a")));
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> RateLimiter.acquireAll(List.of(perVoter.permit("v"), perAddress.permit("a"))));
        assertThat(refused.getMessage()).contains("from this voter");
        // the refused request took nothing from the address: two more voters get the last two permits
        RateLimiter.acquireAll(List.of(perVoter.permit("w"), perAddress.permit("a")));
        RateLimiter.acquireAll(List.of(perVoter.permit("x"), perAddress.permit("a")));
        assertThat(catchThrowableOfType(ProblemException.class,
                () -> RateLimiter.acquireAll(List.of(perVoter.permit("y"), perAddress.permit("a")))).getMessage())
                .contains("from this network address");
    }

    @Test
    void idleVotersAreForgotten() {
        RateLimiter limiter = new RateLimiter("rounds", List.of(new RateLimiter.Limit(10, Duration.ofMinutes(1))),
                nanos::get);
        for (int i = 0; i < 5000; i++) limiter.acquire("voter-" + i);
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        for (int i = 0; i < 5000; i++) limiter.acquire("later-" + i);
        assertThat(limiter.trackedKeys()).isLessThan(10_000);
    }

    @Test
    void noLimitWhenThePermitsAreZero() {
        RateLimiter limiter = new RateLimiter("votes", List.of(new RateLimiter.Limit(0, Duration.ofMinutes(1))),
                nanos::get);
        for (int i = 0; i < 10_000; i++) limiter.acquire("v");
        assertThat(limiter.trackedKeys()).isZero();
    }
}
