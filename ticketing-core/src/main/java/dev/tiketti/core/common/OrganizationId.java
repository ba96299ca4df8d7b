package dev.tiketti.core.common;

import java.util.UUID;

/**
 * Identity of a customer organisation in the customer register.
 *
 * @since 0.1
 */
public record OrganizationId(UUID value) {
    public OrganizationId {
        Require.nonNull(value, "organization id");
    }

    public static OrganizationId of(String value) {
        return new OrganizationId(Require.uuid(value, "organization id"));
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
