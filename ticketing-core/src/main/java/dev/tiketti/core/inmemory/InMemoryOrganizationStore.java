package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Organization;
import dev.tiketti.core.spi.OrganizationStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference {@link OrganizationStore} in memory. Thread-safe by a single lock.
 *
 * @since 0.1
 */
public final class InMemoryOrganizationStore implements OrganizationStore {
    private record Key(ContactId contact, OrganizationId organization) {
    }

    private final Map<OrganizationId, Organization> organizations = new LinkedHashMap<>();
    private final Map<Key, Membership> memberships = new LinkedHashMap<>();

    @Override
    public synchronized void save(Organization organization) {
        Require.nonNull(organization, "organization");
        organizations.put(organization.id(), organization);
    }

    @Override
    public synchronized Optional<Organization> find(OrganizationId id) {
        return Optional.ofNullable(organizations.get(Require.nonNull(id, "organization id")));
    }

    @Override
    public synchronized List<Organization> all() {
        return List.copyOf(organizations.values());
    }

    @Override
    public synchronized void saveMembership(Membership membership) {
        Require.nonNull(membership, "membership");
        memberships.put(new Key(membership.contact(), membership.organization()), membership);
    }

    @Override
    public synchronized boolean removeMembership(ContactId contact, OrganizationId organization) {
        return memberships.remove(new Key(Require.nonNull(contact, "contact id"),
                Require.nonNull(organization, "organization id"))) != null;
    }

    @Override
    public synchronized List<Membership> membershipsOf(ContactId contact) {
        Require.nonNull(contact, "contact id");
        return memberships.values().stream().filter(m -> m.contact().equals(contact)).toList();
    }

    @Override
    public synchronized List<Membership> members(OrganizationId organization) {
        Require.nonNull(organization, "organization id");
        return memberships.values().stream().filter(m -> m.organization().equals(organization)).toList();
    }
}
