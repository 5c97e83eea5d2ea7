package dev.tribunal.arena;

import java.util.Arrays;
import java.util.List;

/** What a voter can say about the two critiques of a round. */
public enum Choice {
    A("A", 1.0),
    B("B", 0.0),
    TIE("tie", 0.5),
    BOTH_BAD("both_bad", 0.5);

    public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(Choice::wireName).toList();

    private final String wireName;
    private final double outcomeForA;

    Choice(String wireName, double outcomeForA) {
        this.wireName = wireName;
        this.outcomeForA = outcomeForA;
    }

    /** The name in the API and in exports: A, B, tie, both_bad. */
    public String wireName() {
        return wireName;
    }

    /** The battle outcome for judge A against judge B: A → 1, B → 0, tie and both_bad → ½. */
    public double outcomeForA() {
        return outcomeForA;
    }

    public static Choice fromWireName(String name) {
        for (Choice choice : values()) if (choice.wireName.equals(name)) return choice;
        throw new IllegalArgumentException("unknown choice " + name + "; expected one of " + WIRE_NAMES);
    }
}
