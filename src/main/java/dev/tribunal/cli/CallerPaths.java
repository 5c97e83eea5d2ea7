package dev.tribunal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * Paths typed on the command line are relative to the directory the user typed them in. {@code scripts/run} runs
 * Tribunal from the repository's folder (where config/ and data/ are), so it passes the user's directory as the
 * system property {@value #PROPERTY}; each relative path the user gave (an option or parameter of type
 * {@link Path} or a list of them) is then resolved against it. Defaults (such as {@code --data data}) are not given
 * by the user and stay relative to the repository. Without the property nothing changes. Costs one pass over the
 * matched arguments.
 */
final class CallerPaths {

    static final String PROPERTY = "tribunal.caller.dir";

    private CallerPaths() {
    }

    /** The user's directory, when the launcher said where it was; else null. */
    static Path callerDirectory() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** Resolves the relative paths the user gave in this command line (and its subcommands) against {@code caller}. */
    static void resolve(ParseResult parsed, Path caller) {
        if (caller == null) return;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            p.matchedOptions().forEach(o -> resolve(o, caller));
            p.matchedPositionals().forEach(o -> resolve(o, caller));
        }
    }

    private static void resolve(ArgSpec arg, Path caller) {
        Object value = arg.getValue();
        if (value instanceof Path path) {
            arg.setValue(caller.resolve(path));
        } else if (value instanceof List<?> list && list.stream().anyMatch(Path.class::isInstance)) {
            List<Object> resolved = new ArrayList<>(list.size());
            for (Object item : list) resolved.add(item instanceof Path path ? caller.resolve(path) : item);
            arg.setValue(resolved);
        }
    }
}
