package dev.tiketti.core.common;

import java.util.UUID;

/**
 * Identity of a contact person in the customer register.
 *
 * @since 0.1
 */
public record ContactId(UUID value) {
    public ContactId {
        Require.nonNull(value, "contact id");
    }

    public static ContactId of(String value) {
        return new ContactId(Require.uuid(value, "contact id"));
    }

    public static ContactId random() {
        return new ContactId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
