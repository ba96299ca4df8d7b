package dev.tiketti.core.privacy;

/**
 * A category of personal data that an {@link ErasurePolicy} decides about separately (R8): the
 * register record, its channels, ticket text, attachments, history values, feedback, search index.
 *
 * @since 0.1
 */
public enum DataCategory {
    /** The contact's name in the register (and consent records and memberships). */
    CONTACT_IDENTITY,
    /** The contact's e-mail addresses and phone numbers in the register. */
    CONTACT_CHANNELS,
    /** Ticket subjects and timeline bodies, the person's own tickets and others that mention them. */
    TICKET_TEXT,
    /** Attachment content referenced from timeline entries. */
    ATTACHMENTS,
    /** Field values and transition names in the action history. */
    HISTORY_VALUES,
    /** Satisfaction feedback; core keeps none yet, hosts purge theirs on {@code ContactErased}. */
    FEEDBACK,
    /**
     * Copies in the configured {@code SearchIndex}: erasure re-indexes or removes them (DELETE and
     * ANONYMISE alike) and purges the index; RETAIN keeps the person's own tickets' documents.
     */
    SEARCH_INDEX
}
