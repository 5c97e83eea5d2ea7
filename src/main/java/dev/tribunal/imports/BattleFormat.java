package dev.tribunal.imports;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The file formats {@link BattleImporter} reads, each with the name the command line uses for it. */
public enum BattleFormat {
    /** Arena-Hard judgments: {question_id, model, judge, games: [{score: "A>>B"}, {score: …}]}, game 1 with the baseline as A. */
    ARENA_HARD_JUDGMENTS("arena-hard"),
    /** Battle rows: {model_a, model_b, winner} as Arena-Hard's battle files and Chatbot Arena's clean battles. */
    BATTLE_ROWS("battles"),
    /** AlpacaEval annotations: {generator_1, generator_2, preference} with preference in [1, 2]. */
    ALPACA_EVAL("alpaca-eval"),
    /** CSV with model_a, model_b, winner columns, or left, right, winner. */
    CSV("csv"),
    /** A PRD Vicuna-80 directory (bcdnlp/PRD): its LLM reviewers' pairwise reviews, each reviewer also a contestant. */
    PRD("prd");

    private final String cliName;

    BattleFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The format of a command-line name such as "arena-hard". */
    public static BattleFormat ofCliName(String name) {
        for (BattleFormat format : values()) {
            if (format.cliName.equalsIgnoreCase(name)) return format;
        }
        throw new BadInputException("unknown format '" + name + "': expected one of " + cliNames());
    }

    public static String cliNames() {
        return Arrays.stream(values()).map(BattleFormat::cliName).collect(Collectors.joining(", "));
    }
}
