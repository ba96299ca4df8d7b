package dev.tiketti.core.search;

/**
 * A field whose values a search can count over all its hits ({@link SearchQuery.Builder#facets}).
 * Values are the stored names: state names, {@code StateCategory} names, classification paths,
 * agent ids, team ids.
 *
 * @since 0.1
 */
public enum SearchFacet {
    /** The workflow state's name. */
    STATE,
    /** The state's category ({@code NEW}, {@code OPEN} …). */
    STATE_CATEGORY,
    /**
     * The classification: a ticket counts for its path and every path above it, so
     * {@code Palvelussuhde/Vuosiloma} counts under {@code Palvelussuhde} too.
     */
    CLASSIFICATION,
    /** The assigned agent's id; unassigned tickets count under {@link #UNASSIGNED}. */
    ASSIGNEE,
    /** The handling team's id. */
    TEAM;

    /** The {@link #ASSIGNEE} value of tickets nobody is assigned to (not a valid agent id). */
    public static final String UNASSIGNED = "(unassigned)";
}
