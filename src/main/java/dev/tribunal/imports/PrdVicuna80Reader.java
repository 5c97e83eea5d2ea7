package dev.tribunal.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.imports.PrdVicuna80.Answer;
import dev.tribunal.imports.PrdVicuna80.HumanVote;
import dev.tribunal.imports.PrdVicuna80.Question;
import dev.tribunal.imports.PrdVicuna80.Review;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the PRD Vicuna-80 folder. Its files vary a little: reviewer files end in {@code _threeclass},
 * {@code -threeclass} or nothing, and the gpt35 folder repeats two pairs in files spelled with dashes
 * ({@code answer-gpt35-vs-answer-gpt4-…}); the pairs come from the answer ids, checked against the names.
 */
public final class PrdVicuna80Reader {

    private static final String HUMAN = "human";
    private static final Pattern ANSWER_FILE = Pattern.compile("answer_(.+)\\.jsonl");

    private final ObjectMapper json = new ObjectMapper();

    public PrdVicuna80 read(Path dir) {
        List<Question> questions = readQuestions(dir.resolve("prompts/vicuna_questions.jsonl"));
        List<Answer> answers = readAnswers(dir.resolve("generations"));
        Map<String, Answer> answersById = new HashMap<>();
        answers.forEach(a -> answersById.put(a.id(), a));
        List<Review> reviews = new ArrayList<>();
        List<HumanVote> votes = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (Path folder : list(dir, "ratings-")) {
            String reviewer = folder.getFileName().toString().substring("ratings-".length());
            if (reviewer.equals(HUMAN)) {
                for (Path file : reviewFiles(folder)) votes.addAll(readHumanVotes(file));
            } else {
                readReviews(folder, reviewer, answersById, reviews, skipped);
            }
        }
        return new PrdVicuna80(questions, answers, reviews, votes, skipped);
    }

    private List<Question> readQuestions(Path file) {
        List<Question> questions = new ArrayList<>();
        forEachLine(file, (node, line) -> questions.add(new Question(node.path("question_id").asInt(),
                text(node, "text", file, line), text(node, "category", file, line))));
        return questions;
    }

    private List<Answer> readAnswers(Path folder) {
        List<Answer> answers = new ArrayList<>();
        for (Path file : list(folder, "answer_")) {
            Matcher m = ANSWER_FILE.matcher(file.getFileName().toString());
            if (!m.matches()) continue;
            String model = m.group(1);
            forEachLine(file, (node, line) -> answers.add(new Answer(text(node, "answer_id", file, line),
                    node.path("question_id").asInt(), model, node.path("model_id").asText(null),
                    text(node, "text", file, line))));
        }
        return answers;
    }

    /**
     * Reads a reviewer's folder; a review of a (question, first answer, second answer) already read is
     * skipped. Underscore-named files come first, as in every other folder, so they are the ones kept.
     */
    private void readReviews(Path folder, String reviewer, Map<String, Answer> answersById, List<Review> reviews,
                             Map<String, Integer> skipped) {
        Set<String> seen = new HashSet<>();
        for (Path file : reviewFiles(folder)) {
            String[] pair = modelsInName(file, reviewer);
            forEachLine(file, (node, line) -> {
                Answer first = answer(answersById, node, "answer1_id", file, line);
                Answer second = answer(answersById, node, "answer2_id", file, line);
                int question = node.path("question_id").asInt();
                if (!first.model().equals(pair[0]) || !second.model().equals(pair[1])
                        || first.questionId() != question || second.questionId() != question) {
                    throw new DemoDataException(file, line, "answers " + first.id() + "/" + second.id()
                            + " are not " + pair[0] + "/" + pair[1] + " on question " + question);
                }
                if (!seen.add(question + "|" + first.id() + "|" + second.id())) {
                    skipped.merge(file.getFileName().toString(), 1, Integer::sum);
                    return;
                }
                reviews.add(new Review(reviewer, question, first, second, score(node, file, line),
                        text(node, "text", file, line)));
            });
        }
    }

    private List<HumanVote> readHumanVotes(Path file) {
        String[] pair = modelsInName(file, HUMAN);
        String name = file.getFileName().toString();
        List<HumanVote> votes = new ArrayList<>();
        forEachLine(file, (node, line) -> votes.add(new HumanVote(pair[0], pair[1], node.path("question_id").asInt(),
                score(node, file, line), name, line)));
        return votes;
    }

    /** "answer_gpt4-vs-answer_vicuna-13b-human-reviewer_threeclass.jsonl" → {gpt4, vicuna-13b}. */
    private static String[] modelsInName(Path file, String reviewer) {
        Pattern p = Pattern.compile("answer[_-](.+)-vs-answer[_-](.+)-" + Pattern.quote(reviewer)
                + "-reviewer([_-]threeclass)?\\.jsonl");
        Matcher m = p.matcher(file.getFileName().toString());
        if (!m.matches()) throw new DemoDataException(file, 0, "unexpected file name");
        return new String[] {m.group(1), m.group(2)};
    }

    private static Answer answer(Map<String, Answer> answers, JsonNode node, String field, Path file, int line) {
        Answer a = answers.get(node.path(field).asText());
        if (a == null) throw new DemoDataException(file, line, field + " names no known answer: " + node.path(field));
        return a;
    }

    private static int score(JsonNode node, Path file, int line) {
        int score = node.path("score").asInt(-1);
        if (score < 1 || score > 3) throw new DemoDataException(file, line, "score must be 1, 2 or 3: " + node.path("score"));
        return score;
    }

    private static String text(JsonNode node, String field, Path file, int line) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new DemoDataException(file, line, "missing text field " + field);
        return v.asText();
    }

    /** Review files in the folder: underscore-named ones first, then by name (subfolders are ignored). */
    private static List<Path> reviewFiles(Path folder) {
        return list(folder, "answer").stream()
                .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("answer_"))
                        .thenComparing(p -> p.getFileName().toString()))
                .toList();
    }

    private static List<Path> list(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private interface LineConsumer {
        void accept(JsonNode node, int line);
    }

    /** Calls back for every non-blank line, numbered from 1. */
    private void forEachLine(Path file, LineConsumer consumer) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode node;
            try {
                node = json.readTree(lines.get(i));
            } catch (IOException e) {
                throw new DemoDataException(file, i + 1, "not JSON: " + e.getMessage());
            }
            consumer.accept(node, i + 1);
        }
    }
}
