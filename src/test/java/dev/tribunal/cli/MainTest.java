package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpExitsZero() {
        assertThat(Main.commandLine().execute("--help")).isZero();
    }
}
