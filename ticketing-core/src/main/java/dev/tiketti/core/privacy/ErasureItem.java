package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Require;

/**
 * One line of an {@link ErasureReport}: which store, which item (an id: a contact id, ticket key,
 * {@code HR-12/timeline/<uuid>}, {@code HR-12/history/3}, an attachment digest), the data category,
 * and what was done. Never personal data.
 *
 * @since 0.1
 */
public record ErasureItem(Store store, String item, DataCategory category, ErasureOutcome outcome) {

    /**
     * The store an item lives in; {@code MAIL} is the mail channel's store (quarantined messages,
     * an address's failure marks and automatic-mail records).
     */
    public enum Store { CONTACTS, ORGANIZATIONS, CONSENTS, TICKETS, ATTACHMENTS, AUDIT_LOG, SEARCH_INDEX, OUTBOX, MAIL }

    public ErasureItem {
        Require.nonNull(store, "store");
        Require.notBlank(item, "item");
        Require.nonNull(category, "category");
        Require.nonNull(outcome, "outcome");
    }

    /** The identity of the line apart from its outcome: a resumed run replaces the line, never doubles it. */
    public String key() {
        return store + "|" + item + "|" + category;
    }
}
