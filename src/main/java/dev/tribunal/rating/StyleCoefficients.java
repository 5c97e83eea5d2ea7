package dev.tribunal.rating;

/**
 * The style coefficients of a style-controlled fit: the logistic-model coefficient of each standardised feature
 * d = (a − b)/(a + b + 1), in the order of {@link AnswerStyle}. Positive = a longer / more marked-up answer wins
 * more often, all else equal.
 *
 * @param tokens    coefficient of answer length
 * @param headers   coefficient of markdown headers
 * @param listItems coefficient of list items
 * @param bold      coefficient of bold spans
 */
public record StyleCoefficients(double tokens, double headers, double listItems, double bold) {

    static StyleCoefficients of(double[] beta) {
        return new StyleCoefficients(beta[0], beta[1], beta[2], beta[3]);
    }

    public double[] toArray() {
        return new double[] {tokens, headers, listItems, bold};
    }
}
