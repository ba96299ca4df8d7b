package dev.tiketti.core.search;

/**
 * What a search document describes: one index holds every kind, and a query names the kinds it
 * wants (tickets by default), so knowledge articles can join tickets later without a second index.
 *
 * @since 0.1
 */
public enum DocumentKind {
    /** A service request. */
    TICKET,
    /** A knowledge-base article (not indexed by core yet). */
    KNOWLEDGE_ARTICLE
}
