package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import java.nio.file.Path;

/** Whether to load the bundled demo data on start (idempotent), and where it is. */
public record DemoConfig(boolean load, String path) {

    public DemoConfig {
        require(path != null && !path.isBlank(), "demo.path", "must not be empty", path);
    }

    public Path directory() {
        return Path.of(path);
    }
}
