package dev.tribunal.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code tribunal serve} in a JVM of its own (this one's class path), its output in a log file. */
public final class ServeProcess {

    private static final Pattern RUNNING = Pattern.compile("Tribunal is running at (http\\S+)");

    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code tribunal serve --config config} with these environment variables added; does not wait. */
    public static ServeProcess start(Path config, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.tribunal.cli.Main", "serve", "--config",
                config.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ServeProcess(pb.start(), log);
    }

    public Process process() {
        return process;
    }

    /** Waits (up to two minutes) for the line saying where it listens. */
    public URI awaitStart() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("the node stopped:\n" + Files.readString(log));
            Matcher m = RUNNING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) return URI.create(m.group(1));
            Thread.sleep(100);
        }
        throw new AssertionError("the node did not start:\n" + Files.readString(log));
    }

    /** {@code kill -9}, and waits for it to be gone. */
    public void kill() throws Exception {
        if (new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor() != 0) {
            throw new AssertionError("kill -9 " + process.pid() + " failed");
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops it for good (a test's clean-up). */
    public void destroy() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
