package dev.tiketti.core.privacy;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import java.util.List;
import java.util.Optional;

/**
 * The customer register, from {@code privacy().register()}: contacts, organisations and
 * memberships, and who stands in for a contact. Every save checks what it refers to.
 *
 * @since 0.1
 */
public interface Register {

    /** Adds or replaces a contact; a substitute it names must be registered and active. */
    Contact save(Contact contact);

    /** Adds or replaces an organisation; a default substitute must be registered and active. */
    Organization save(Organization organization);

    /** Adds or replaces the membership of a registered contact in a saved organisation. */
    Membership save(Membership membership);

    Optional<Organization> organization(OrganizationId id);

    List<Membership> memberships(ContactId contact);

    /** Who takes over the contact's open tickets (their substitute or their organisation's default). */
    Optional<ContactId> substituteFor(ContactId contact);
}
