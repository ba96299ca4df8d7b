package dev.tiketti.core.search;

/**
 * Hears how a rebuild of the search index goes: called on the rebuilding thread after every batch
 * of {@link #batchSize()} tickets, and once at the end with {@code done}. Keep it quick; a failure
 * stops the rebuild (the index keeps every document indexed so far).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ReindexListener {
    /** A listener that hears nothing. */
    ReindexListener NONE = p -> {
    };

    /** Reports progress. */
    void progress(ReindexProgress progress);

    /** Tickets per batch (default 500). */
    default int batchSize() {
        return 500;
    }
}
