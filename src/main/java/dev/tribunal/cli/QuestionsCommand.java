package dev.tribunal.cli;

import dev.tribunal.config.ConfigException;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.imports.QuestionSets;
import dev.tribunal.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tribunal questions}: the benchmark's question sets. */
@Command(name = "questions", mixinStandardHelpOptions = true, description = "Lists and imports benchmark question sets.",
        subcommands = {QuestionsCommand.ListSets.class, QuestionsCommand.Import.class, QuestionsCommand.ImportAnswers.class})
public final class QuestionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the configured database, runs the work, and turns bad input into one line and exit code 2. */
    static int withStore(CommandSpec spec, ConfigFile config, Path data, Function<QuestionSets, String> work) {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        try {
            TribunalConfig configured = config.load(env);
            String output;
            try (Database db = Database.open(configured.database().connectionSettings(env), Clock.systemUTC())) {
                output = work.apply(new QuestionSets(db, data));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(output);
            out.flush();
            return 0;
        } catch (BadInputException | ConfigException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the question sets: stored ones, and the bundled ones (loaded on first use).")
    static final class ListSets implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigFile config;
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "bundled data (default: data)")
        Path data;

        @Override
        public Integer call() {
            return withStore(spec, config, data, sets -> {
                StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-24s %9s %10s  %s%n", "set",
                        "questions", "multi-turn", "where"));
                for (QuestionSets.SetInfo s : sets.list()) {
                    out.append(String.format(Locale.ROOT, "%-24s %9d %10d  %s%n", s.name(), s.questions(), s.multiTurn(),
                            s.stored() ? (s.bundled() ? "bundled, stored" : "stored") : "bundled, loads on first use"));
                }
                return out.toString();
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Imports a JSON Lines file of prompts as a question set (idempotent): per line a key"
                    + " (uid or question_id), prompt or turns (an array of user turns), optionally category,"
                    + " cluster and reference (a text, or one per turn)."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigFile config;
        @Parameters(paramLabel = "FILE", description = "a .jsonl file of prompts")
        Path file;
        @Option(names = "--set", required = true, paramLabel = "NAME", description = "the question set's name")
        String set;

        @Override
        public Integer call() {
            return withStore(spec, config, Path.of("data"), sets -> {
                QuestionSets.Imported r = sets.importFile(file, set);
                return String.format(Locale.ROOT, "%s: %d questions read, %d new%n", set, r.read(), r.inserted());
            });
        }
    }

    @Command(name = "import-answers", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Imports Arena-Hard model_answer files ({uid, model, messages} or {question_id, model_id,"
                    + " choices}) as answers to a set's questions (idempotent), so that they need not be paid for"
                    + " again. Tokens: the file's token_len, else cl100k."})
    static final class ImportAnswers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigFile config;
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "model_answer .jsonl files")
        List<Path> files;
        @Option(names = "--set", required = true, paramLabel = "NAME", description = "the question set they answer")
        String set;
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "bundled data (default: data)")
        Path data;

        @Override
        public Integer call() {
            return withStore(spec, config, data, sets -> {
                QuestionSets.Imported r = sets.importAnswers(files, set);
                return String.format(Locale.ROOT, "%s: %d answers read, %d new%n", set, r.read(), r.inserted());
            });
        }
    }
}
