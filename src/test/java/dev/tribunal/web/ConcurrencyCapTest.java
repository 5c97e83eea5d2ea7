package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A request over the cap waits briefly, then is told to come back; a finished request frees its turn. */
class ConcurrencyCapTest {

    @Test
    void overTheCapIsA503WithRetryAfterAndTurnsComeBack() throws Exception {
        ConcurrencyCap cap = new ConcurrencyCap("searches", 1, Duration.ofMillis(50));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> {
            try {
                cap.run(() -> {
                    running.countDown();
                    release.await();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        running.await();

        assertThatThrownBy(() -> cap.run(() -> { })).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.slug()).isEqualTo("busy");
            assertThat(e.headers()).containsEntry("Retry-After", "1");
            assertThat(e.getMessage()).contains("Too many searches");
        });

        release.countDown();
        holder.join();
        AtomicInteger ran = new AtomicInteger();
        cap.run(ran::incrementAndGet);
        // a failing request gives its turn back too
        assertThatThrownBy(() -> cap.run(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        cap.run(ran::incrementAndGet);
        assertThat(ran).hasValue(2);
    }
}
