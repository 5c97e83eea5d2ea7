package dev.tribunal.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single entry point: wires the parts with plain constructors and dispatches to the subcommands. */
@Command(name = "tribunal", mixinStandardHelpOptions = true, version = "tribunal 0.1.0",
        description = "Ranks LLMs and the LLMs that judge them from pairwise battles.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ServeCommand.class,
                RateCommand.class,
                CorrelateCommand.class,
                EvaluateCommand.class,
                ExportCommand.class,
                GenerateBattlesCommand.class,
                BenchVotesCommand.class,
                AttackArenaCommand.class,
                QuestionsCommand.class,
                BenchmarkCommand.class,
                ImportCommand.class,
                JudgesCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
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
        return new CommandLine(new Main()).setParameterExceptionHandler(new OneLineUsageErrors())
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
