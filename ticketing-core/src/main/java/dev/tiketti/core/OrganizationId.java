package dev.tiketti.core;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a customer organisation in the customer register.
 *
 * @since 0.1
 */
public record OrganizationId(UUID value) {
    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganizationId of(String value) {
        return new OrganizationId(UUID.fromString(Objects.requireNonNull(value, "value")));
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
