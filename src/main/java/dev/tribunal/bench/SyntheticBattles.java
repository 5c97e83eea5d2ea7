package dev.tribunal.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Battles drawn from a known Bradley–Terry model, for benchmarks and for checking that a fit recovers the truth.
 * Contestant i is named "model-NNN" and has true rating 1000 + spread·z_i (z standard normal, seeded). Each battle
 * picks two different contestants uniformly; with p = P(a beats b) = 1 / (1 + 10^((R_b − R_a)/400)) it is a tie
 * with probability t = 2·tieShare·min(p, 1 − p), else a win for a with probability p − t/2, so that the expected
 * outcome (a tie counting ½) is exactly p and a Bradley–Terry fit of ties-as-halves is consistent.
 *
 * @param contestants number of contestants (≥ 2)
 * @param battles     number of battles
 * @param spread      standard deviation of the true ratings
 * @param tieShare    in [0, 0.5]: how much of the closer side's probability turns into ties
 * @param seed        the same seed gives the same ratings and battles
 */
public record SyntheticBattles(int contestants, long battles, double spread, double tieShare, long seed) {

    public SyntheticBattles {
        if (contestants < 2) throw new IllegalArgumentException("contestants must be >= 2: " + contestants);
        if (battles < 0) throw new IllegalArgumentException("battles must be >= 0: " + battles);
        if (!(tieShare >= 0 && tieShare <= 0.5)) throw new IllegalArgumentException("tieShare must be in [0, 0.5]: " + tieShare);
    }

    public String name(int contestant) {
        return String.format(Locale.ROOT, "model-%03d", contestant);
    }

    /** The true ratings, by contestant index. */
    public double[] trueRatings() {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratings = new double[contestants];
        for (int i = 0; i < contestants; i++) ratings[i] = 1000 + spread * gaussian(random);
        return ratings;
    }

    /** Writes "model,rating" lines, the truth to compare a leaderboard with. */
    public void writeTruth(Writer out) throws IOException {
        double[] ratings = trueRatings();
        out.write("model,rating\n");
        for (int i = 0; i < contestants; i++) out.write(name(i) + "," + ratings[i] + "\n");
    }

    /**
     * Writes the battles as JSON Lines in Chatbot Arena's clean-battle shape:
     * {"model_a": …, "model_b": …, "winner": "model_a" | "model_b" | "tie", "tstamp": seconds}.
     */
    public void writeBattles(Writer out) throws IOException {
        double[] ratings = trueRatings();
        String[] names = new String[contestants];
        for (int i = 0; i < contestants; i++) names[i] = name(i);
        SplittableRandom random = new SplittableRandom(seed).split();
        long start = 1_700_000_000L;
        StringBuilder line = new StringBuilder(128);
        for (long n = 0; n < battles; n++) {
            int a = random.nextInt(contestants);
            int b = random.nextInt(contestants - 1);
            if (b >= a) b++;
            double p = 1 / (1 + Math.pow(10, (ratings[b] - ratings[a]) / 400));
            double tie = 2 * tieShare * Math.min(p, 1 - p);
            double u = random.nextDouble();
            String winner = u < p - tie / 2 ? "model_a" : u < p + tie / 2 ? "tie" : "model_b";
            line.setLength(0);
            line.append("{\"model_a\": \"").append(names[a]).append("\", \"model_b\": \"").append(names[b])
                    .append("\", \"winner\": \"").append(winner).append("\", \"tstamp\": ").append(start + n).append("}\n");
            out.append(line);
        }
    }

    /** A standard normal draw (Box–Muller). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
