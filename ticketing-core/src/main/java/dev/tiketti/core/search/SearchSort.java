package dev.tiketti.core.search;

import dev.tiketti.core.common.Require;

/**
 * The order of search hits. Ties are broken by ticket key (prefix, then number), ascending. Dates
 * sort at millisecond precision; a ticket without an SLA due instant sorts as due at the end of
 * time (last ascending, first descending). Relevance sorts by score, highest first.
 *
 * @since 0.1
 */
public record SearchSort(Field field, boolean descending) {
    /** The default: most relevant first. */
    public static final SearchSort RELEVANCE = new SearchSort(Field.RELEVANCE, true);

    public SearchSort {
        Require.nonNull(field, "sort field");
        Require.argument(field != Field.RELEVANCE || descending, () -> SearchMessages.relevanceAscending());
    }

    /** Ascending by {@code field} (oldest, smallest key first). */
    public static SearchSort asc(Field field) {
        return new SearchSort(field, false);
    }

    /** Descending by {@code field} (newest, largest key first). */
    public static SearchSort desc(Field field) {
        return new SearchSort(field, true);
    }

    /**
     * What to sort by.
     *
     * @since 0.1
     */
    public enum Field {
        /** The index's relevance score (only descending). */
        RELEVANCE,
        /** Ticket key: prefix, then number ({@code HR-2} before {@code HR-10}). */
        KEY,
        /** When the ticket was opened. */
        CREATED,
        /** When the ticket last changed. */
        UPDATED,
        /** The earliest running SLA due instant. */
        SLA_DUE
    }
}
