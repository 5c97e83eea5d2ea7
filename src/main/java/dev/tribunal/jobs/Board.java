package dev.tribunal.jobs;

import dev.tribunal.store.ContestantKind;

/**
 * One leaderboard: the battles of one kind of contestant from one source, in one category (null = all).
 * Judges are rated from arena votes (source "arena"); models from each source of model battles ("human",
 * "judge:gpt4", …).
 *
 * <p>A model board whose battles all carry answer styles also has a style-controlled twin (the same battles rated
 * with answer length and markdown held equal), stored as a board of its own under the source
 * {@code "style:" + source}.
 */
public record Board(ContestantKind kind, String source, String category) {

    private static final String STYLE_CONTROLLED = "style:";

    /** The source the style-controlled twin of {@code source}'s boards is stored under. */
    public static String styleControlled(String source) {
        return STYLE_CONTROLLED + source;
    }

    /** This board's style-controlled twin. */
    Board styleControlled() {
        return new Board(kind, styleControlled(source), category);
    }

    /** Whether this is a style-controlled twin. */
    boolean isStyleControlled() {
        return source.startsWith(STYLE_CONTROLLED);
    }
}
