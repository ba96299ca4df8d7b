package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.ticket.OpenTicket;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What an {@link IdempotencyStore} remembers of one change: its key, the ticket it opened or
 * changed and, for an added timeline entry, that entry's id.
 *
 * @param entry the timeline entry an added entry created; empty for an opened ticket
 * @since 0.1
 */
public record IdempotentChange(String key, TicketId ticket, Optional<UUID> entry, Instant recordedAt) {
    public IdempotentChange {
        Require.notBlank(key, "idempotency key");
        Require.argument(key.length() <= OpenTicket.MAX_IDEMPOTENCY_KEY_LENGTH, () -> StoreProblems.idempotencyKeyTooLong(key.length()));
        Require.nonNull(ticket, "ticket id");
        Require.nonNull(entry, "timeline entry id");
        Require.nonNull(recordedAt, "recorded at");
    }
}
