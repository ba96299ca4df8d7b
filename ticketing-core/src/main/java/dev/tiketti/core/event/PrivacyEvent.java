package dev.tiketti.core.event;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.ErasureId;
import java.time.Instant;
import java.util.List;

/**
 * A data-protection event, published to {@link dev.tiketti.core.spi.EventListener#onPrivacy} after
 * the work is done, so adapters and hosts purge their own copies (search indexes, caches, exports).
 * Ids and counts only.
 *
 * @since 0.1
 */
public sealed interface PrivacyEvent {
    Instant at();

    /**
     * A contact was erased: copies of their data elsewhere must go. {@code tickets} lists the keys of
     * tickets whose text changed (redacted, handed over) and {@code deletedTickets} those removed, so
     * an index can re-read or drop them.
     */
    record ContactErased(ErasureId erasure, ContactId contact, Actor requestedBy, Instant at,
                         List<String> tickets, List<String> deletedTickets) implements PrivacyEvent {
        public ContactErased {
            Require.nonNull(erasure, "erasure id");
            Require.nonNull(contact, "contact id");
            Require.nonNull(requestedBy, "requested by");
            Require.nonNull(at, "at");
            tickets = Require.listOf(tickets, "tickets");
            deletedTickets = Require.listOf(deletedTickets, "deleted tickets");
        }
    }

    /** A retention sweep finished; {@code anonymised} and {@code deleted} list ticket keys. */
    record RetentionSweepCompleted(Instant at, List<String> anonymised, List<String> deleted) implements PrivacyEvent {
        public RetentionSweepCompleted {
            Require.nonNull(at, "at");
            anonymised = Require.listOf(anonymised, "anonymised");
            deleted = Require.listOf(deleted, "deleted");
        }
    }
}
