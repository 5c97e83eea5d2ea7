package dev.tribunal.bench.baseline;

import dev.tribunal.store.Answer;
import dev.tribunal.store.Question;
import java.util.List;

/**
 * What a judge is shown of a question and an answer. A single-turn question is its prompt and the answer its
 * reply; a multi-turn one shows every turn, numbered, so that the judge sees the whole conversation (as MT-Bench's
 * pairwise judge does).
 */
final class Conversations {

    private Conversations() {
    }

    static String input(Question q) {
        return numbered(q.userTurns());
    }

    static String response(Question q, Answer a) {
        return q.userTurns().size() == 1 ? a.content() : numbered(a.replies());
    }

    /** The reference answer(s), or null when the question has none. */
    static String reference(Question q) {
        if (q.userTurns().size() == 1) return q.reference();
        if (q.references().isEmpty()) return q.reference();
        return numbered(q.references());
    }

    private static String numbered(List<String> turns) {
        if (turns.size() == 1) return turns.getFirst();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < turns.size(); i++) {
            if (i > 0) out.append("\n\n");
            out.append("[Turn ").append(i + 1).append("]\n").append(turns.get(i));
        }
        return out.toString();
    }
}
