package dev.tribunal.judging;

import dev.tribunal.config.ConfigException;
import dev.tribunal.llm.LlmMessage;
import dev.tribunal.llm.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge prompt with a version: sections {@code [system]}, {@code [user]}, {@code [reference]} (inserted as
 * {@code {{reference}}} when a reference answer is given), {@code [format:json]} and {@code [format:text]}
 * (inserted as {@code {{format}}}: JSON when the endpoint has structured output, else the text form).
 * Placeholders are {@code {{name}}}; filling is one pass, so text inside an input is never expanded.
 *
 * @param version {@code single-v1} for a bundled prompt, {@code file:NAME@SHA8} for a file
 */
public record PromptTemplate(String version, Map<String, String> sections) {

    private static final Pattern SECTION = Pattern.compile("(?m)^\\[(system|user|reference|format:json|format:text)]\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    /** Loads a bundled prompt ({@code prompts/NAME.txt}) or, failing that, a file; {@code key} names it in errors. */
    public static PromptTemplate load(String nameOrPath, String key, Set<String> requiredPlaceholders) {
        String resource = "prompts/" + nameOrPath + ".txt";
        PromptTemplate template;
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                template = parse(nameOrPath, new String(in.readAllBytes(), StandardCharsets.UTF_8), key);
            } else {
                Path file = Path.of(nameOrPath);
                if (!Files.isRegularFile(file)) {
                    throw new ConfigException(key, "no bundled prompt or file named '" + nameOrPath + "'");
                }
                String text = Files.readString(file);
                template = parse("file:" + file.getFileName() + "@" + Sha256.hex(text).substring(0, 8), text, key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String user = template.sections.get("user");
        for (String name : requiredPlaceholders) {
            if (!user.contains("{{" + name + "}}")) {
                throw new ConfigException(key, "prompt '" + nameOrPath + "' lacks {{" + name + "}} in [user]");
            }
        }
        return template;
    }

    static PromptTemplate parse(String version, String text, String key) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(text);
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) sections.put(name, text.substring(start, m.start()).strip());
            name = m.group(1);
            start = m.end();
        }
        if (name != null) sections.put(name, text.substring(start).strip());
        for (String required : List.of("system", "user", "reference", "format:json", "format:text")) {
            if (!sections.containsKey(required)) {
                throw new ConfigException(key, "prompt '" + version + "' lacks its [" + required + "] section");
            }
        }
        return new PromptTemplate(version, Map.copyOf(sections));
    }

    /**
     * The system and user messages with the values filled in.
     *
     * @param values    one per placeholder of the user section, except {@code reference} and {@code format}
     * @param reference the reference answer, or null
     * @param json      whether the reply is asked for as JSON (structured output) or in the text form
     */
    public List<LlmMessage> render(Map<String, String> values, String reference, boolean json) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("reference", reference == null || reference.isBlank() ? ""
                : "\n" + fill(sections.get("reference"), Map.of("reference_answer", reference)) + "\n");
        all.put("format", sections.get(json ? "format:json" : "format:text"));
        List<LlmMessage> messages = new ArrayList<>();
        messages.add(LlmMessage.system(fill(sections.get("system"), all)));
        messages.add(LlmMessage.user(fill(sections.get("user"), all)));
        return messages;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
