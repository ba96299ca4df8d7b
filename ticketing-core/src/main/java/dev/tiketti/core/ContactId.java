package dev.tiketti.core;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a contact person in the customer register.
 *
 * @since 0.1
 */
public record ContactId(UUID value) {
    public ContactId {
        Objects.requireNonNull(value, "value");
    }

    public static ContactId of(String value) {
        return new ContactId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    public static ContactId random() {
        return new ContactId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
