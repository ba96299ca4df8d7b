package dev.tiketti.search;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.search.internal.LuceneProblems;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The entry point of the Lucene search index: {@code Ticketing.builder().searchIndex(LuceneSearch.onDisk(dir))}.
 * The index is {@link AutoCloseable}; close it after the {@code Ticketing}. One index per directory
 * and process (a second one fails with {@code SEARCH_INDEX_LOCKED}).
 *
 * <pre>{@code
 * try (LuceneSearchIndex index = LuceneSearch.builder().onDisk(dir).clock(clock).build()) {
 *     Ticketing ticketing = Ticketing.builder().searchIndex(index)...build();
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class LuceneSearch {
    private LuceneSearch() {
    }

    /** An index in {@code directory} (created if absent), with the default options. */
    public static LuceneSearchIndex onDisk(Path directory) {
        return builder().onDisk(directory).build();
    }

    /** An index held in memory (tests, demos); gone when closed. */
    public static LuceneSearchIndex inMemory() {
        return builder().inMemory().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options of a {@link LuceneSearchIndex}; each is checked when set.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Optional<Path> path = Optional.empty();
        private boolean memory;
        private Clock clock = Clock.systemUTC();
        private Duration commitInterval = Duration.ofSeconds(1);
        private int commitAfter = 1000;

        private Builder() {
        }

        /** Keep the index in this directory ({@code FSDirectory}); created if absent. */
        public Builder onDisk(Path directory) {
            Require.nonNull(directory, "index directory");
            if (memory || path.isPresent()) {
                throw LuceneProblems.directoryTwice(describe(), directory.toString());
            }
            path = Optional.of(directory);
            return this;
        }

        /** Keep the index in memory ({@code ByteBuffersDirectory}). */
        public Builder inMemory() {
            if (memory || path.isPresent()) {
                throw LuceneProblems.directoryTwice(describe(), "memory");
            }
            memory = true;
            return this;
        }

        /** The clock that stamps commits (default: the system's UTC clock). */
        public Builder clock(Clock value) {
            clock = Require.nonNull(value, "clock");
            return this;
        }

        /**
         * How long a change may stay searchable but not durable before a background commit (default
         * 1 s); {@code Duration.ZERO}: no background thread, commits only by {@link #commitAfter},
         * {@code purge()}, {@code commit()} and {@code close()}. A crash loses uncommitted changes;
         * {@code Ticketing.search().reindex()} repairs that.
         */
        public Builder commitInterval(Duration value) {
            Require.nonNull(value, "commit interval");
            if (value.isNegative()) {
                throw LuceneProblems.commitIntervalNegative(value);
            }
            commitInterval = value;
            return this;
        }

        /** Commit after this many changes at the latest (default 1000). */
        public Builder commitAfter(int changes) {
            if (changes < 1) {
                throw LuceneProblems.commitAfterBelowOne(changes);
            }
            commitAfter = changes;
            return this;
        }

        public LuceneSearchIndex build() {
            if (!memory && path.isEmpty()) {
                throw LuceneProblems.noDirectory();
            }
            String where = describe();
            Directory directory;
            try {
                directory = memory ? new ByteBuffersDirectory() : FSDirectory.open(path.get());
            } catch (IOException e) {
                throw StoreProblems.searchUnavailable("open", where, e);
            }
            try {
                return new LuceneSearchIndex(directory, where, clock, commitInterval, commitAfter);
            } catch (RuntimeException e) {
                try {
                    directory.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private String describe() {
            return memory ? "memory" : path.map(Path::toString).orElse("(none)");
        }
    }
}
