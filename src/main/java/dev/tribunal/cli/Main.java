package dev.tribunal.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single entry point: wires the parts with plain constructors and dispatches to the subcommands. */
@Command(name = "tribunal", mixinStandardHelpOptions = true, version = "tribunal 0.1.0",
        description = "Ranks LLMs and the LLMs that judge them from pairwise battles.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order help lists them (after {@code help}). picocli reads every option of every
     * subcommand it is given, which took 0.5 s of each start for all of them against 0.2 s for {@code rate}
     * alone; so a command line that names a subcommand gets only that one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, RateCommand.class, CorrelateCommand.class,
            EvaluateCommand.class, ExportCommand.class, GenerateBattlesCommand.class, BenchVotesCommand.class,
            AttackArenaCommand.class, QuestionsCommand.class, BenchmarkCommand.class, ImportCommand.class,
            JudgesCommand.class);

    public static void main(String[] args) {
        System.exit(commandLine(CallerPaths.callerDirectory(), args.length > 0 ? args[0] : null).execute(args));
    }

    /** The version line, e.g. "tribunal 0.1.0". */
    public static String version() {
        return Main.class.getAnnotation(Command.class).version()[0];
    }

    static CommandLine commandLine() {
        return commandLine(CallerPaths.callerDirectory());
    }

    /** With the paths the user typed resolved against {@code callerDirectory} (null: the working directory). */
    static CommandLine commandLine(Path callerDirectory) {
        return commandLine(callerDirectory, null);
    }

    /**
     * As {@link #commandLine(Path)}, with only the subcommand named {@code first} when that names one (the first
     * word of a command line), else with all of them.
     */
    static CommandLine commandLine(Path callerDirectory, String first) {
        CommandLine line = new CommandLine(new Main());
        Class<?> only = SUBCOMMANDS.stream().filter(type -> type.getAnnotation(Command.class).name().equals(first))
                .findFirst().orElse(null);
        if (only == null) line.addSubcommand("help", new CommandLine.HelpCommand());
        for (Class<?> type : SUBCOMMANDS) {
            if (only == null || type == only) line.addSubcommand(type);
        }
        // set after the subcommands are added: picocli hands these down only to the subcommands it already has
        return line.setParameterExceptionHandler(new OneLineUsageErrors())
                .setExecutionStrategy(parsed -> {
                    CallerPaths.resolve(parsed, callerDirectory);
                    return new CommandLine.RunLast().execute(parsed);
                });
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
