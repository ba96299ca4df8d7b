package dev.tiketti.search.internal;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;

/** The messages of the Lucene index's configuration; the index's runtime faults use {@code StoreProblems}. Not API. */
public final class LuceneProblems {
    private LuceneProblems() {
    }

    public static TicketingException commitIntervalNegative(java.time.Duration value) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "LuceneSearch.builder().commitInterval must not "
                + "be negative, was " + value + ". Pass e.g. Duration.ofSeconds(1), or Duration.ZERO to commit only "
                + "by count, on purge() and on close().");
    }

    public static TicketingException commitAfterBelowOne(int value) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "LuceneSearch.builder().commitAfter must be at "
                + "least 1 change, was " + value + ". Pass e.g. 1000 (the default).");
    }

    public static TicketingException noDirectory() {
        return new TicketingException(ErrorCode.ARGUMENT_MISSING, "LuceneSearch.builder() needs a place for the index: "
                + "call .onDisk(path) (the default for production) or .inMemory() (tests) before build().");
    }

    public static TicketingException directoryTwice(String first, String second) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "LuceneSearch.builder() was given two places for "
                + "the index: " + first + " and then " + second + ". Choose one of onDisk(path) and inMemory().");
    }
}
