package dev.tribunal.cli;

import dev.tribunal.bench.baseline.RunListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A run's progress on the terminal (stderr), one bar per phase drawn by the progressbar library: the phase,
 * done/total, elapsed and ETA, and after it the provider calls, failures and cost so far.
 */
final class TerminalProgress implements RunListener, AutoCloseable {

    private final PrintStream err;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final DoubleAdder cost = new DoubleAdder();
    private ProgressBar bar;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void phaseStarted(long runId, String phase, long done, long total) {
        close();
        bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(500).continuousUpdate()
                .build();
        bar.stepTo(done);
        bar.setExtraMessage(extra());
    }

    @Override
    public synchronized void unitFinished(long runId, String phase, boolean failed, int made, double spent) {
        calls.addAndGet(made);
        cost.add(spent);
        if (failed) failures.incrementAndGet();
        if (bar == null) return;
        bar.step();
        bar.setExtraMessage(extra());
    }

    private String extra() {
        return String.format(Locale.ROOT, " calls %d, failures %d, cost %.4f", calls.get(), failures.get(), cost.sum());
    }

    @Override
    public synchronized void close() {
        if (bar != null) bar.close();
        bar = null;
    }
}
