package dev.tribunal.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets, one per {@link Limit}: a limit of n per period holds at most n tokens and refills
 * n/period continuously, so "30 per minute" allows a burst of 30 and then one every 2 s. A request takes one
 * token from every bucket or none (refused with the wait until all have one). Keys are voter hashes; buckets
 * that have refilled completely are forgotten, so memory follows the number of recently active keys. Keys are voter
 * hashes or network addresses; they live in this memory only and are never written or shown.
 *
 * <p>A {@link #shared} limiter keeps its buckets in the store instead (Bucket4j's PostgreSQL backend, same refill
 * rule), so that its limit holds across the nodes of a cluster: only for voter hashes, never for addresses. A request
 * with one such permit costs one short transaction (take, or learn the wait); with several, two each (a look, then the
 * take).
 */
public final class RateLimiter {

    /** At most {@code permits} per {@code period}; permits ≤ 0 means no limit. */
    public record Limit(int permits, Duration period) {
        double tokensPerNano() {
            return permits / (double) period.toNanos();
        }
    }

    private static final int SWEEP_EVERY = 4096;

    private final String what;
    private final String from;
    private final List<Limit> limits;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Buckets> byKey = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    /** The store's buckets, for a shared limiter; null for one in memory. */
    private final ProxyManager<String> shared;
    private final BucketConfiguration sharedConfiguration;

    /**
     * @param what what is being limited, for the problem detail ("votes", "rounds")
     * @param from whose requests, in words ("this voter", "this network address"): never the key itself
     */
    public RateLimiter(String what, String from, List<Limit> limits, LongSupplier nanoClock) {
        this(what, from, limits, nanoClock, null);
    }

    private RateLimiter(String what, String from, List<Limit> limits, LongSupplier nanoClock,
                        ProxyManager<String> shared) {
        this.what = what;
        this.from = from;
        this.limits = limits.stream().filter(l -> l.permits() > 0).toList();
        this.nanoClock = nanoClock;
        this.shared = shared;
        var config = BucketConfiguration.builder();
        for (Limit l : this.limits) {
            config.addLimit(Bandwidth.builder().capacity(l.permits()).refillGreedy(l.permits(), l.period()).build());
        }
        this.sharedConfiguration = this.limits.isEmpty() ? null : config.build();
    }

    /**
     * A limiter whose buckets are in {@code buckets}, shared by every node; {@code what} also names its buckets there
     * (one per limiter and key).
     */
    public static RateLimiter shared(String what, String from, List<Limit> limits, ProxyManager<String> buckets) {
        return new RateLimiter(what, from, limits, System::nanoTime, buckets);
    }

    public RateLimiter(String what, List<Limit> limits, LongSupplier nanoClock) {
        this(what, "this voter", limits, nanoClock);
    }

    public RateLimiter(String what, String from, List<Limit> limits) {
        this(what, from, limits, System::nanoTime);
    }

    /** One permit of one limiter for one key. */
    public record Permit(RateLimiter limiter, String key) {
    }

    /** Takes one permit for {@code key}, or throws a 429 problem with Retry-After. */
    public void acquire(String key) {
        acquireAll(List.of(new Permit(this, key)));
    }

    /** This limiter's permit for {@code key}, for {@link #acquireAll}. */
    public Permit permit(String key) {
        return new Permit(this, key);
    }

    /**
     * Takes every permit, or none: a 429 problem (the limiter that must be waited for longest, with Retry-After)
     * when any is refused, so that a request refused by one limit uses up no other. Two requests racing for the
     * last token may both get it: a limit is exact up to the concurrency of its key.
     */
    public static void acquireAll(List<Permit> permits) {
        // the one permit kept in the store, if there is exactly one, is taken in one round trip once the others are free
        List<Permit> stored = permits.stream().filter(p -> p.limiter.shared != null && !p.limiter.limits.isEmpty())
                .toList();
        Permit last = stored.size() == 1 ? stored.getFirst() : null;
        Permit longest = null;
        long longestWait = 0;
        for (Permit p : permits) {
            if (p == last) continue;
            long wait = p.limiter.wait(p.key);
            if (wait > longestWait) {
                longest = p;
                longestWait = wait;
            }
        }
        if (longest != null) throw longest.limiter.refusal(longestWait);
        if (last != null) {
            ConsumptionProbe probe = last.limiter.sharedBucket(last.key).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) throw last.limiter.refusal(Math.max(1, probe.getNanosToWaitForRefill()));
        }
        for (Permit p : permits) if (p != last) p.limiter.take(p.key);
    }

    /** Nanoseconds until {@code key} has a token in every bucket; 0 = now. */
    private long wait(String key) {
        if (limits.isEmpty()) return 0;
        if (shared != null) {
            EstimationProbe probe = sharedBucket(key).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
        }
        long now = nanoClock.getAsLong();
        Buckets buckets = byKey.get(key);
        return buckets == null ? 0 : buckets.waitFor(limits, now);
    }

    private void take(String key) {
        if (limits.isEmpty()) return;
        if (shared != null) {
            sharedBucket(key).tryConsume(1);   // a race for the last token lost here lets the request through
            return;
        }
        long now = nanoClock.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) sweep(now);
        byKey.computeIfAbsent(key, k -> new Buckets(limits, now)).take(limits, now);
    }

    private BucketProxy sharedBucket(String key) {
        return shared.builder().build(what + ':' + key, () -> sharedConfiguration);
    }

    private ProblemException refusal(long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return ProblemException.tooManyRequests("Too many " + what + " from " + from + ": the limit is "
                + describe() + ". Try again in " + seconds + " s.", seconds);
    }

    private String describe() {
        return String.join(" and ", limits.stream().map(l -> l.permits() + " per " + human(l.period())).toList());
    }

    private static String human(Duration period) {
        if (period.equals(Duration.ofMinutes(1))) return "minute";
        if (period.equals(Duration.ofHours(1))) return "hour";
        if (period.equals(Duration.ofDays(1))) return "day";
        return period.toSeconds() + " s";
    }

    private void sweep(long now) {
        byKey.values().removeIf(b -> b.isFull(limits, now));
    }

    int trackedKeys() {
        return byKey.size();
    }

    private static final class Buckets {
        private final double[] tokens;
        private long last;

        Buckets(List<Limit> limits, long now) {
            tokens = limits.stream().mapToDouble(Limit::permits).toArray();
            last = now;
        }

        /** 0 when every bucket has a token, else the nanoseconds until they all have. */
        synchronized long waitFor(List<Limit> limits, long now) {
            refill(limits, now);
            long wait = 0;
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i] < 1) wait = Math.max(wait, (long) Math.ceil((1 - tokens[i]) / limits.get(i).tokensPerNano()));
            }
            return wait;
        }

        synchronized void take(List<Limit> limits, long now) {
            refill(limits, now);
            for (int i = 0; i < tokens.length; i++) tokens[i] -= 1;
        }

        synchronized boolean isFull(List<Limit> limits, long now) {
            refill(limits, now);
            for (int i = 0; i < tokens.length; i++) if (tokens[i] < limits.get(i).permits()) return false;
            return true;
        }

        private void refill(List<Limit> limits, long now) {
            long elapsed = Math.max(0, now - last);
            last = now;
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = Math.min(limits.get(i).permits(), tokens[i] + elapsed * limits.get(i).tokensPerNano());
            }
        }
    }
}
