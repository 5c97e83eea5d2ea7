package dev.tribunal.web;

import dev.tribunal.config.PerAddressConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is asking, and whether they may: every arena request that deals, votes or submits comes through here before
 * anything is stored. A request without a valid signed voter cookie is a new visitor and is issued an id, which
 * takes a token from its network address's new-voter allowance; the action takes a token per address and per
 * voter. All of them or none: a refusal is a 429 problem with Retry-After that names neither the address nor the
 * voter, and uses up nothing.
 */
public final class ArenaGate {

    /** What a request does, for the limits. A submitted sample also counts as a round. */
    public enum Action { ROUND, VOTE, SAMPLE }

    private static final String VOTER = "this voter";
    private static final String ADDRESS = "this network address";

    private final VoterIdentity voters;
    private final ClientAddress addresses;
    private final RateLimiter newVoters;
    private final RateLimiter voterRounds;
    private final RateLimiter voterVotes;
    private final RateLimiter voterSamples;
    private final RateLimiter addressRounds;
    private final RateLimiter addressVotes;
    private final RateLimiter addressSamples;

    public ArenaGate(VoterIdentity voters, ClientAddress addresses, ServiceSettings s) {
        this(voters, addresses, s, null);
    }

    /**
     * @param sharedBuckets where the per-voter limits keep their buckets so that they hold across the nodes of a
     *                      cluster; null = in this process's memory. The per-address limits are always in memory: no
     *                      address is ever stored (with N nodes behind a balancer, an address may get up to N times its
     *                      limit)
     */
    public ArenaGate(VoterIdentity voters, ClientAddress addresses, ServiceSettings s,
                     ProxyManager<String> sharedBuckets) {
        this.voters = voters;
        this.addresses = addresses;
        PerAddressConfig a = s.perAddress();
        newVoters = new RateLimiter("new voters", ADDRESS, List.of(perHour(a.newVotersPerHour())));
        voterRounds = perVoter("rounds", List.of(perMinute(s.roundsPerMinute())), sharedBuckets);
        voterVotes = perVoter("votes", List.of(perMinute(s.votesPerMinute()),
                new RateLimiter.Limit(s.votesPerDay(), Duration.ofDays(1))), sharedBuckets);
        voterSamples = perVoter("submitted samples", List.of(perHour(s.samplesPerHour())), sharedBuckets);
        addressRounds = new RateLimiter("rounds", ADDRESS, List.of(perMinute(a.roundsPerMinute())));
        addressVotes = new RateLimiter("votes", ADDRESS, List.of(perMinute(a.votesPerMinute())));
        addressSamples = new RateLimiter("submitted samples", ADDRESS, List.of(perHour(a.samplesPerHour())));
    }

    /**
     * Admits the request for {@code action} and returns its voter's hash (a new visitor is issued an id), or throws a
     * 429 having taken no permit and issued no id.
     */
    public String admit(Context ctx, Action action) {
        String address = addresses.of(ctx);
        String voter = voters.known(ctx).orElse(null);
        List<RateLimiter.Permit> permits = new ArrayList<>();
        if (voter == null) permits.add(newVoters.permit(address));
        for (RateLimiter limiter : byAddress(action)) permits.add(limiter.permit(address));
        // a new voter's own allowance is full: it is taken once the id exists
        if (voter != null) for (RateLimiter limiter : byVoter(action)) permits.add(limiter.permit(voter));
        RateLimiter.acquireAll(permits);
        if (voter == null) {
            voter = voters.issue(ctx);
            List<RateLimiter.Permit> own = new ArrayList<>();
            for (RateLimiter limiter : byVoter(action)) own.add(limiter.permit(voter));
            RateLimiter.acquireAll(own);
        }
        return voter;
    }

    private static RateLimiter perVoter(String what, List<RateLimiter.Limit> limits, ProxyManager<String> shared) {
        return shared == null ? new RateLimiter(what, VOTER, limits) : RateLimiter.shared(what, VOTER, limits, shared);
    }

    private List<RateLimiter> byAddress(Action action) {
        return switch (action) {
            case ROUND -> List.of(addressRounds);
            case VOTE -> List.of(addressVotes);
            case SAMPLE -> List.of(addressSamples, addressRounds);
        };
    }

    private List<RateLimiter> byVoter(Action action) {
        return switch (action) {
            case ROUND -> List.of(voterRounds);
            case VOTE -> List.of(voterVotes);
            case SAMPLE -> List.of(voterSamples, voterRounds);
        };
    }

    private static RateLimiter.Limit perMinute(int permits) {
        return new RateLimiter.Limit(permits, Duration.ofMinutes(1));
    }

    private static RateLimiter.Limit perHour(int permits) {
        return new RateLimiter.Limit(permits, Duration.ofHours(1));
    }
}
