package dev.tribunal.cli;

import dev.tribunal.config.TribunalConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option of the commands that run against the configured database. Without the
 * option, {@code config/tribunal.yaml} is read when it exists and the built-in defaults are used when not, so
 * the jar also runs outside the project directory; a file named explicitly must exist.
 */
public final class ConfigFile {

    static final Path DEFAULT = Path.of("config", "tribunal.yaml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration (default: config/tribunal.yaml, else the built-in defaults).")
    Path file;

    /** The configuration, with the environment's TRIBUNAL_* overrides; ConfigException when it is wrong. */
    public TribunalConfig load(Map<String, String> env) {
        if (file != null) return TribunalConfig.load(file, env);
        if (Files.exists(DEFAULT)) return TribunalConfig.load(DEFAULT, env);
        return TribunalConfig.parse("", "built-in defaults", env);
    }
}
