package dev.tribunal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Bulk inserts and IN lists in bounded chunks (both databases limit the parameters of one statement). */
final class Batches {

    static final int SIZE = 1_000;

    private Batches() {
    }

    /** Runs the insert for every item, {@link #SIZE} per round trip; returns how many rows were inserted. */
    static <T> int insert(Handle h, String sql, Iterable<T> items, BiConsumer<PreparedBatch, T> binder) {
        int inserted = 0;
        PreparedBatch batch = h.prepareBatch(sql);
        for (T item : items) {
            binder.accept(batch, item);
            batch.add();
            if (batch.size() == SIZE) {
                inserted += execute(batch);
                batch = h.prepareBatch(sql);
            }
        }
        return batch.size() == 0 ? inserted : inserted + execute(batch);
    }

    private static int execute(PreparedBatch batch) {
        int inserted = 0;
        // a driver may report SUCCESS_NO_INFO (-2) per row; count those as one
        for (int n : batch.execute()) inserted += n == -2 ? 1 : Math.max(n, 0);
        return inserted;
    }

    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += SIZE) chunks.add(items.subList(i, Math.min(items.size(), i + SIZE)));
        return chunks;
    }
}
