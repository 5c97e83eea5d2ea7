package dev.tribunal.arena;

import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The arena's evaluations when live judges may be configured: a new round shows a live sample (submitted or
 * generated, judged by the live judges) with probability {@code liveShare} when there is one with two usable
 * evaluations, else a stored one (the demo, imports). Regenerating a live sample has two live judges that have not
 * judged it yet evaluate it now; once every live judge has, and for stored samples, it shows stored evaluations.
 */
public final class LiveEvaluations implements EvaluationSource {

    private final ArenaCatalog catalog;
    private final StoredEvaluations stored;
    private final LiveJudges live;
    private final double liveShare;

    public LiveEvaluations(ArenaCatalog catalog, LiveJudges live, double liveShare) {
        this.catalog = catalog;
        this.stored = new StoredEvaluations(catalog);
        this.live = live;
        this.liveShare = liveShare;
    }

    @Override
    public Optional<Matchup> draw(RandomGenerator random) {
        long[] liveIds = catalog.eligibleLiveSamples();
        long[] storedIds = catalog.eligibleSamples();
        boolean pickLive = liveIds.length > 0 && (storedIds.length == 0 || random.nextDouble() < liveShare);
        Optional<Matchup> matchup = stored.drawAmong(pickLive ? liveIds : storedIds, random);
        return matchup.isPresent() ? matchup : stored.drawAmong(pickLive ? storedIds : liveIds, random);
    }

    @Override
    public Optional<Matchup> redraw(long sampleId, Set<String> avoid, RandomGenerator random) {
        if (live.available() && catalog.sample(sampleId).live()) {
            Optional<Matchup> fresh = live.reevaluate(sampleId, avoid, random);
            if (fresh.isPresent()) return fresh;
        }
        return stored.redraw(sampleId, avoid, random);
    }
}
