package dev.tribunal.rating;

/**
 * Style features of one answer, the covariates of style control: its length in tokens and its markdown
 * (headers, list items, bold spans). Style control compares two answers feature by feature as
 * d = (a − b) / (a + b + 1).
 */
public record AnswerStyle(double tokens, double headers, double listItems, double bold) {

    public double[] toArray() {
        return new double[] {tokens, headers, listItems, bold};
    }
}
