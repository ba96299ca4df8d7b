package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One undelivered event or message in an {@link OutboxStore}: an opaque JSON payload that core wrote
 * and will read back, with the id listeners use to recognise a re-delivery, and how its delivery
 * to each recipient has gone so far.
 *
 * @param id         unique, also across nodes (a UUID); the deduplication id handed to listeners
 * @param type       what the payload holds, e.g. {@code TicketTransitioned} (for monitoring; core reads the payload)
 * @param ticketId   the ticket it concerns, if any, so that erasure can discard undelivered entries (R8)
 * @param createdAt  when the unit of work that caused it ran
 * @param attempts   how often it has been handed out for delivery so far, counting the first (1 when appended)
 * @param payload    JSON written by core; stores keep it verbatim
 * @param deliveries the recipients' deliveries recorded by {@link OutboxStore#reschedule}, at most one per
 *                   recipient, in no particular order; empty when appended (a recipient without one has not
 *                   been tried, or took part in no failed round)
 * @since 0.1
 */
public record OutboxEntry(String id, String type, Optional<TicketId> ticketId, Instant createdAt, int attempts,
                          String payload, List<OutboxDelivery> deliveries) {
    public OutboxEntry {
        Require.notBlank(id, "outbox entry id");
        Require.notBlank(type, "outbox entry type");
        Require.nonNull(ticketId, "ticketId");
        Require.nonNull(createdAt, "createdAt");
        Require.argument(attempts >= 1, () -> StoreProblems.outboxAttempts(id, attempts));
        Require.notBlank(payload, "outbox entry payload");
        deliveries = Require.listOf(deliveries, "deliveries");
        requireOnePerRecipient(id, deliveries);
    }

    /** An entry as appended: no delivery recorded yet. */
    public OutboxEntry(String id, String type, Optional<TicketId> ticketId, Instant createdAt, int attempts,
                       String payload) {
        this(id, type, ticketId, createdAt, attempts, payload, List.of());
    }

    /** An entry about no ticket in particular. */
    public OutboxEntry(String id, String type, Instant createdAt, int attempts, String payload) {
        this(id, type, Optional.empty(), createdAt, attempts, payload, List.of());
    }

    /** The same entry handed out once more. */
    public OutboxEntry nextAttempt() {
        return new OutboxEntry(id, type, ticketId, createdAt, attempts + 1, payload, deliveries);
    }

    /** The same entry with {@code newDeliveries} recorded instead of its own. */
    public OutboxEntry withDeliveries(List<OutboxDelivery> newDeliveries) {
        return new OutboxEntry(id, type, ticketId, createdAt, attempts, payload, newDeliveries);
    }

    /**
     * Fails with {@code INCONSISTENT_VALUE} unless {@code deliveries} names each recipient at most once;
     * stores call it in {@link OutboxStore#reschedule}.
     */
    public static void requireOnePerRecipient(String entryId, List<OutboxDelivery> deliveries) {
        Require.nonNull(deliveries, "deliveries");
        Set<String> seen = new HashSet<>();
        for (OutboxDelivery d : deliveries) {
            Require.nonNull(d, "delivery");
            Require.argument(seen.add(d.recipient()), () -> StoreProblems.outboxRecipientTwice(entryId, d.recipient()));
        }
    }
}
