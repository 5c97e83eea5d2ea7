package dev.tribunal.store;

/** A question set in the store: its name, how many questions it holds, and how many of them have several turns. */
public record QuestionSetSize(String name, long questions, long multiTurn) {
}
