package dev.tiketti.core;

import java.util.Objects;
import java.util.UUID;

/**
 * The immutable technical identity of a ticket; see {@link TicketKey} for the human one.
 *
 * @since 0.1
 */
public record TicketId(UUID value) {
    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical UUID form. */
    public static TicketId of(String value) {
        return new TicketId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
