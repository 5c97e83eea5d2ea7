package dev.tribunal.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Says what is wrong with a command line in one line on stderr, with exit code 2, instead of picocli's message
 * followed by the whole usage text: "tribunal rate: Unknown option: '--sed' (did you mean --seed?); see
 * 'tribunal rate --help'".
 */
final class OneLineUsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(name).append(": ").append(ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
        }
        line.append("; see '").append(name).append(" --help'");
        PrintWriter err = command.getErr();
        err.println(line);
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
