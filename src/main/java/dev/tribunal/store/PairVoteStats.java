package dev.tribunal.store;

/**
 * How people voted on rounds that put two judges' critiques side by side, in either position, oriented to
 * the pair as asked: {@code firstBetter} counts votes for the first judge's critique.
 */
public record PairVoteStats(long firstJudgeId, long secondJudgeId, long firstBetter, long secondBetter, long ties,
                            long bothBad) {

    public long total() {
        return firstBetter + secondBetter + ties + bothBad;
    }
}
