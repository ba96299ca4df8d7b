package dev.tiketti.core.spi;

import java.util.Optional;

/**
 * A storage adapter as one bundle: the stores it provides and the units of work that make their
 * changes atomic, wired with {@code Ticketing.builder().storage(storage)} instead of one call per
 * store. Tickets and definitions are required; every other store is optional, and a store set
 * explicitly on the builder wins over the bundle's. Proven by the testkit's {@code StorageContract},
 * which runs the contract of every store the bundle provides.
 *
 * @since 0.1
 */
public interface Storage {

    TicketStore tickets();

    DefinitionStore definitions();

    default Optional<ContactStore> contacts() {
        return Optional.empty();
    }

    default Optional<AttachmentStore> attachments() {
        return Optional.empty();
    }

    default Optional<OrganizationStore> organizations() {
        return Optional.empty();
    }

    default Optional<ConsentStore> consents() {
        return Optional.empty();
    }

    default Optional<ConsentRequestStore> consentRequests() {
        return Optional.empty();
    }

    default Optional<AuditLog> audit() {
        return Optional.empty();
    }

    default Optional<TimerStore> timers() {
        return Optional.empty();
    }

    default Optional<OutboxStore> outbox() {
        return Optional.empty();
    }

    /**
     * The erasure journal, if this storage keeps one. It must outlive a restore of the other stores
     * (see {@link ErasureJournal}), so a storage that restores with them should provide none.
     */
    default Optional<ErasureJournal> erasureJournal() {
        return Optional.empty();
    }

    /**
     * The record of idempotency keys, if this storage keeps one; without it, a change that carries
     * a key ({@code OpenTicket.idempotencyKey}) fails with {@code IDEMPOTENCY_UNSUPPORTED}.
     */
    default Optional<IdempotencyStore> idempotency() {
        return Optional.empty();
    }

    /**
     * What the mail channel keeps (mailbox states, quarantined messages, failing addresses, the
     * loop brake's counters), if this storage keeps it; the mail module takes it from here and
     * needs one to poll.
     */
    default Optional<MailStore> mailStore() {
        return Optional.empty();
    }

    /** The units of work of these stores; {@link Transactions#none()} when they have none. */
    default Transactions transactions() {
        return Transactions.none();
    }
}
