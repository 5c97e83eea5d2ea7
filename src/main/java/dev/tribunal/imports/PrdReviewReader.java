package dev.tribunal.imports;

import dev.tribunal.imports.PrdVicuna80.Question;
import dev.tribunal.imports.PrdVicuna80.Review;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The LLM reviews of a PRD Vicuna-80 directory ({@link PrdVicuna80Reader}) as battles: one per review, between the
 * two answers' models, score 1 → 1, 2 → 0, 3 (tie) → ½, the question's category as the category, the reviewer as the
 * judge (voter unit), the question ({@code prd:q<id>}) and the answer pair ({@code prd:q<id>:<a>:<b>}) as the other
 * units. The human votes are left out and counted: people are not contestants, and PRD uses them as the reference.
 */
final class PrdReviewReader {

    void read(Path dir, BattleSink sink) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": --format prd reads a PRD Vicuna-80 directory (prompts/, generations/,"
                    + " ratings-<reviewer>/), not a file");
        }
        PrdVicuna80 data;
        try {
            data = new PrdVicuna80Reader().read(dir);
        } catch (DemoDataException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BadInputException(e.getMessage() + ": " + e.getCause().getMessage() + " (is " + dir
                    + " a PRD Vicuna-80 directory?)", e);
        }
        Map<Integer, String> categories = new HashMap<>();
        for (Question q : data.questions()) categories.put(q.id(), q.category());
        for (Review review : data.reviews()) {
            sink.counts().addRecord();
            double outcome = switch (review.score()) {
                case 1 -> 1;
                case 2 -> 0;
                default -> 0.5;
            };
            String question = "prd:q" + review.questionId();
            String a = review.first().model();
            String b = review.second().model();
            sink.emit(a, b, outcome, 1, categories.get(review.questionId()), sink.position(), null, null,
                    new BattleSink.Units(question, review.reviewer(), question + ":" + a + ":" + b));
        }
        sink.counts().addLeftOut(data.humanVotes().size() + " human vote(s) (people are not contestants; PRD's reference)");
    }
}
