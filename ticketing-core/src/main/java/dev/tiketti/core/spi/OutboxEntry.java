package dev.tiketti.core.spi;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * One undelivered event or message in an {@link OutboxStore}: an opaque JSON payload that core wrote
 * and will read back, with the id listeners use to recognise a re-delivery.
 *
 * @param id        unique, also across nodes (a UUID); the deduplication id handed to listeners
 * @param type      what the payload holds, e.g. {@code TicketTransitioned} (for monitoring; core reads the payload)
 * @param ticketId  the ticket it concerns, if any, so that erasure can discard undelivered entries (R8)
 * @param createdAt when the unit of work that caused it ran
 * @param attempts  how often it has been handed out for delivery so far, counting the first (1 when appended)
 * @param payload   JSON written by core; stores keep it verbatim
 * @since 0.1
 */
public record OutboxEntry(String id, String type, Optional<TicketId> ticketId, Instant createdAt, int attempts,
                          String payload) {
    public OutboxEntry {
        Require.notBlank(id, "outbox entry id");
        Require.notBlank(type, "outbox entry type");
        Require.nonNull(ticketId, "ticketId");
        Require.nonNull(createdAt, "createdAt");
        Require.argument(attempts >= 1, () -> StoreProblems.outboxAttempts(id, attempts));
        Require.notBlank(payload, "outbox entry payload");
    }

    /** An entry about no ticket in particular. */
    public OutboxEntry(String id, String type, Instant createdAt, int attempts, String payload) {
        this(id, type, Optional.empty(), createdAt, attempts, payload);
    }

    /** The same entry handed out once more. */
    public OutboxEntry nextAttempt() {
        return new OutboxEntry(id, type, ticketId, createdAt, attempts + 1, payload);
    }
}
