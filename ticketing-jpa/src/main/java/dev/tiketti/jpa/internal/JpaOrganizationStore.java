package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Organization;
import dev.tiketti.core.privacy.ServiceContract;
import dev.tiketti.core.spi.OrganizationStore;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link OrganizationStore} on Jakarta Persistence: organisations and memberships, upserted by key. */
public final class JpaOrganizationStore implements OrganizationStore {
    private final EntityManagers ems;

    public JpaOrganizationStore(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public void save(Organization organization) {
        retryingFirstInsert(() -> ems.call("saving organisation " + organization.id(), em -> {
            OrganizationEntity e = Rows.find(em, OrganizationEntity.class, organization.id().value());
            boolean isNew = e == null;
            if (isNew) {
                e = new OrganizationEntity();
                e.id = organization.id().value();
            }
            e.name = organization.name();
            e.defaultSubstituteId = organization.defaultSubstitute().map(ContactId::value).orElse(null);
            if (isNew) {
                em.persist(e);
            }
            em.flush();
            em.detach(e);
            return null;
        }));
    }

    @Override
    public Optional<Organization> find(OrganizationId id) {
        return ems.find("reading organisation " + id, OrganizationEntity.class, id.value(),
                e -> toOrganization(e));
    }

    @Override
    public List<Organization> all() {
        return ems.call("listing organisations", em -> em.createQuery(
                        "SELECT o FROM TktOrganization o ORDER BY o.id", OrganizationEntity.class)
                .getResultStream().map(e -> {
                    em.detach(e);
                    return toOrganization(e);
                }).toList());
    }

    @Override
    public void saveMembership(Membership membership) {
        retryingFirstInsert(() -> ems.call("saving a membership in organisation " + membership.organization(), em -> {
            MembershipEntity.Key key = new MembershipEntity.Key(membership.contact().value(),
                    membership.organization().value());
            MembershipEntity e = Rows.find(em, MembershipEntity.class, key);
            boolean isNew = e == null;
            if (isNew) {
                e = new MembershipEntity();
                e.key = key;
            }
            e.role = membership.role();
            e.contractReference = membership.contract().map(ServiceContract::reference).orElse(null);
            e.contractValidFrom = membership.contract().map(ServiceContract::validFrom).orElse(null);
            e.contractValidUntil = membership.contract().flatMap(ServiceContract::validUntil).orElse(null);
            if (isNew) {
                em.persist(e);
            }
            em.flush();
            em.detach(e);
            return null;
        }));
    }

    @Override
    public boolean removeMembership(ContactId contact, OrganizationId organization) {
        return ems.call("removing a membership in organisation " + organization, em -> em.createQuery(
                        "DELETE FROM TktMembership m WHERE m.key.contactId = :c AND m.key.organizationId = :o")
                .setParameter("c", contact.value()).setParameter("o", organization.value()).executeUpdate() > 0);
    }

    @Override
    public List<Membership> membershipsOf(ContactId contact) {
        return ems.call("listing memberships of contact " + contact, em -> memberships(em,
                "SELECT m FROM TktMembership m WHERE m.key.contactId = :id ORDER BY m.key.organizationId",
                contact.value()));
    }

    @Override
    public List<Membership> members(OrganizationId organization) {
        return ems.call("listing members of organisation " + organization, em -> memberships(em,
                "SELECT m FROM TktMembership m WHERE m.key.organizationId = :id ORDER BY m.key.contactId",
                organization.value()));
    }

    private static List<Membership> memberships(EntityManager em, String jpql, Object id) {
        return em.createQuery(jpql, MembershipEntity.class).setParameter("id", id).getResultStream().map(e -> {
            em.detach(e);
            Optional<ServiceContract> contract = Optional.ofNullable(e.contractReference)
                    .map(ref -> new ServiceContract(ref, e.contractValidFrom, Optional.ofNullable(e.contractValidUntil)));
            return new Membership(new ContactId(e.key.contactId), new OrganizationId(e.key.organizationId), e.role,
                    contract);
        }).toList();
    }

    private static Organization toOrganization(OrganizationEntity e) {
        return new Organization(new OrganizationId(e.id), e.name,
                Optional.ofNullable(e.defaultSubstituteId).map(ContactId::new));
    }

    /** Two first saves of one key may race; the loser's insert fails, and a second try replaces. */
    static void retryingFirstInsert(Supplier<?> save) {
        try {
            save.get();
        } catch (TicketingException e) {
            if (e.code() != ErrorCode.DUPLICATE) {
                throw e;
            }
            save.get();
        }
    }
}
