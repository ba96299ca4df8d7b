package dev.tiketti.core.common;

import java.util.UUID;

/**
 * The immutable technical identity of a ticket; see {@link TicketKey} for the human one.
 *
 * @since 0.1
 */
public record TicketId(UUID value) {
    public TicketId {
        Require.nonNull(value, "ticket id");
    }

    /** Parses the canonical UUID form. */
    public static TicketId of(String value) {
        return new TicketId(Require.uuid(value, "ticket id"));
    }

    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
