package dev.tribunal.cli;

import dev.tribunal.imports.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The file a command writes its result to ({@code --out FILE}), opened with a reason in words when it cannot be. */
final class OutputFile {

    private OutputFile() {
    }

    /** Opens (creates or truncates) {@code out} for UTF-8 text; a {@link BadInputException} says why it cannot. */
    static PrintWriter open(Path out) {
        try {
            return new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new BadInputException("cannot write " + out + ": the folder " + out.toAbsolutePath().getParent()
                    + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException("cannot write " + out + ": permission denied", e);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
