package dev.tiketti.core.privacy;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Require;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact's membership of an organisation: the role they hold there (e.g. {@value #MAIN_USER})
 * and, optionally, the service contract under which they are served. A contact has at most one
 * membership per organisation.
 *
 * @since 0.1
 */
public record Membership(ContactId contact, OrganizationId organization, String role,
                         Optional<ServiceContract> contract) {
    /** The role of the organisation's main user (pääkäyttäjä). */
    public static final String MAIN_USER = "main-user";
    /** The role of an ordinary contact person. */
    public static final String MEMBER = "member";

    public Membership {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(organization, "organization");
        role = Require.name(role, "membership role");
        Objects.requireNonNull(contract, "contract");
    }

    public static Membership of(ContactId contact, OrganizationId organization, String role) {
        return new Membership(contact, organization, role, Optional.empty());
    }

    public Membership withContract(ServiceContract serviceContract) {
        return new Membership(contact, organization, role, Optional.of(Require.nonNull(serviceContract, "contract")));
    }

    /** Whether this membership has a service contract in force on {@code day}: a legal basis to retain. */
    public boolean inForceOn(LocalDate day) {
        Require.nonNull(day, "day");
        return contract.map(c -> c.inForceOn(day)).orElse(false);
    }
}
