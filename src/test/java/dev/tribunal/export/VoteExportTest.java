package dev.tribunal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The export writes as it reads: the output has the early votes long before the source has produced the last. */
class VoteExportTest {

    private static final int VOTES = 200_000;

    @Test
    void writesWhileTheSourceIsStillStreaming() throws Exception {
        AtomicLong written = new AtomicLong();
        long[] writtenAtHalfway = {-1};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                written.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written.addAndGet(len);
            }
        };
        VoteExport export = new VoteExport(sink -> {
            for (int i = 0; i < VOTES; i++) {
                if (i == VOTES / 2) writtenAtHalfway[0] = written.get();
                sink.accept(vote(i));
            }
        });
        long count = export.write(ExportFormat.JSONL, counting);
        assertThat(count).isEqualTo(VOTES);
        // at least the first third of the file was out before the second half of the votes existed
        assertThat(writtenAtHalfway[0]).isGreaterThan(written.get() / 3);
    }

    @Test
    void pseudonymsFollowFirstAppearanceAndHoldWithinOneExport() throws Exception {
        String[] voters = {"hash-x", "hash-y", "hash-x", "hash-z", "hash-y"};
        VoteExport export = new VoteExport(sink -> {
            for (int i = 0; i < voters.length; i++) sink.accept(vote(i, voters[i]));
        });
        var out = new java.io.ByteArrayOutputStream();
        export.write(ExportFormat.JSONL, out);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().map(l -> l.replaceAll(".*\"voter\":\"([^\"]+)\".*", "$1")))
                .containsExactly("voter-1", "voter-2", "voter-1", "voter-3", "voter-2");
        assertThat(text).doesNotContain("hash-");
    }

    private static ExportedVote vote(int i) {
        return vote(i, "voter-hash-" + (i % 1000));
    }

    private static ExportedVote vote(int i, String voterKey) {
        return new ExportedVote(Instant.ofEpochSecond(1_700_000_000L + i), voterKey, "A", "generic",
                "pair", "input " + i, null, "response a " + i, "response b " + i, null, null, "gpt4", "claude",
                new ExportedVote.Judgement("gpt4", "OpenAI", "A>B", null, "critique a " + i),
                new ExportedVote.Judgement("claude", "Anthropic", "B>A", null, "critique b " + i));
    }
}
