package dev.tiketti.core.privacy;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Require;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer organisation of the register (a department, a client company) whose contact persons
 * raise matters. {@code defaultSubstitute} takes over open tickets of a member who is deactivated
 * or erased without a substitute of their own.
 *
 * @since 0.1
 */
public record Organization(OrganizationId id, String name, Optional<ContactId> defaultSubstitute) {
    public Organization {
        Objects.requireNonNull(id, "id");
        name = Require.notBlank(name, "organisation name").strip();
        Objects.requireNonNull(defaultSubstitute, "defaultSubstitute");
    }

    /** A new organisation without a default substitute. */
    public static Organization named(String name) {
        return new Organization(OrganizationId.random(), name, Optional.empty());
    }

    public Organization withDefaultSubstitute(ContactId contact) {
        return new Organization(id, name, Optional.of(Require.nonNull(contact, "default substitute")));
    }
}
