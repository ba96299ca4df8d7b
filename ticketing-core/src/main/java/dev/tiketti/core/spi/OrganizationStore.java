package dev.tiketti.core.spi;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Organization;
import java.util.List;
import java.util.Optional;

/**
 * Persists the organisations of the customer register and the memberships of contacts in them.
 * A separate SPI from {@link ContactStore} because organisations and memberships have their own
 * life cycle (a contact is erased, the organisation and its contract stay) and adapters may keep
 * them in another system (a CRM).
 *
 * <p>Obligations (checked by {@code OrganizationStoreContract}): {@link #save} creates or replaces
 * by id; a contact has at most one membership per organisation and {@link #saveMembership} replaces
 * it; the store does not check that contacts or organisations exist (core does, before calling);
 * lists are never null, possibly empty, and copies the caller may keep; thread-safe.
 *
 * @since 0.1
 */
public interface OrganizationStore {

    void save(Organization organization);

    Optional<Organization> find(OrganizationId id);

    /** Every organisation, in no particular order. */
    List<Organization> all();

    /** Creates or replaces the membership of its contact in its organisation. */
    void saveMembership(Membership membership);

    /** Removes the membership; returns whether there was one. */
    boolean removeMembership(ContactId contact, OrganizationId organization);

    /** The contact's memberships, in no particular order. */
    List<Membership> membershipsOf(ContactId contact);

    /** The organisation's memberships, in no particular order. */
    List<Membership> members(OrganizationId organization);
}
