package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.ConsentRequestStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ConsentRequestStore} on Jakarta Persistence. {@link #answer} is one conditional UPDATE
 * ({@code WHERE status = 'PENDING'}), so of racing answers exactly one changes the row.
 */
public final class JpaConsentRequestStore implements ConsentRequestStore {
    private final EntityManagers ems;

    public JpaConsentRequestStore(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public void save(ConsentRequest request) {
        Args.nonNull(request, "consent request");
        ems.call("saving consent request " + request.id(), em -> {
            ConsentRequestEntity e = Rows.find(em, ConsentRequestEntity.class, request.id().value());
            boolean isNew = e == null;
            if (isNew) {
                e = new ConsentRequestEntity();
                e.id = request.id().value();
            }
            copy(request, e);
            if (isNew) {
                em.persist(e);
            }
            em.flush();
            em.detach(e);
            return null;
        });
    }

    @Override
    public Optional<ConsentRequest> find(ConsentRequestId id) {
        Args.nonNull(id, "consent request id");
        return ems.find("reading consent request " + id, ConsentRequestEntity.class, id.value(),
                e -> toRequest(e));
    }

    @Override
    public Optional<ConsentRequest> findByTokenDigest(String tokenDigest) {
        Args.nonNull(tokenDigest, "token digest");
        return ems.call("finding a consent request by token", em -> em.createQuery(
                        "SELECT r FROM TktConsentRequest r WHERE r.tokenDigest = :digest", ConsentRequestEntity.class)
                .setParameter("digest", tokenDigest).getResultStream().findFirst().map(e -> {
                    em.detach(e);
                    return toRequest(e);
                }));
    }

    @Override
    public boolean answer(ConsentRequest answered) {
        Args.nonNull(answered, "answered consent request");
        return ems.call("answering consent request " + answered.id(), em -> em.createQuery(
                        "UPDATE TktConsentRequest r SET r.status = :status, r.answeredAt = :answeredAt,"
                                + " r.answeredAtNanos = :answeredAtNanos, r.evidence = :evidence,"
                                + " r.consentId = :consentId, r.contactId = :contactId"
                                + " WHERE r.id = :id AND r.status = 'PENDING'")
                .setParameter("status", answered.status().name())
                .setParameter("answeredAt", answered.answeredAt().map(Instants::micros).orElse(null))
                .setParameter("answeredAtNanos", answered.answeredAt().map(Instants::nanos).orElse(null))
                .setParameter("evidence", answered.evidence().orElse(null))
                .setParameter("consentId", answered.consent().map(ConsentId::value).orElse(null))
                .setParameter("contactId", answered.contact().map(ContactId::value).orElse(null))
                .setParameter("id", answered.id().value())
                .executeUpdate() == 1);
    }

    @Override
    public List<ConsentRequest> forContact(ContactId contact) {
        Args.nonNull(contact, "contact id");
        return ems.call("listing consent requests of contact " + contact, em -> em.createQuery(
                        "SELECT r FROM TktConsentRequest r WHERE r.contactId = :id"
                                + " ORDER BY r.sentAt, r.sentAtNanos, r.id", ConsentRequestEntity.class)
                .setParameter("id", contact.value()).getResultStream().map(e -> {
                    em.detach(e);
                    return toRequest(e);
                }).toList());
    }

    @Override
    public boolean delete(ConsentRequestId id) {
        Args.nonNull(id, "consent request id");
        return ems.call("deleting consent request " + id, em -> em.createQuery(
                "DELETE FROM TktConsentRequest r WHERE r.id = :id").setParameter("id", id.value()).executeUpdate() > 0);
    }

    @Override
    public int deleteForContact(ContactId contact) {
        Args.nonNull(contact, "contact id");
        return ems.call("erasing consent requests of contact " + contact, em -> em.createQuery(
                "DELETE FROM TktConsentRequest r WHERE r.contactId = :id").setParameter("id", contact.value())
                .executeUpdate());
    }

    @Override
    public int deleteExpired(Instant now) {
        Args.nonNull(now, "now");
        return ems.call("purging expired consent requests", em -> em.createQuery(
                        "DELETE FROM TktConsentRequest r WHERE r.expiresAt < :micros"
                                + " OR (r.expiresAt = :micros AND r.expiresAtNanos <= :nanos)")
                .setParameter("micros", Instants.micros(now)).setParameter("nanos", Instants.nanos(now))
                .executeUpdate());
    }

    private static void copy(ConsentRequest r, ConsentRequestEntity e) {
        e.contactId = r.contact().map(ContactId::value).orElse(null);
        e.email = r.email();
        e.purposeId = r.purpose().value();
        e.text = r.text();
        e.textVersion = r.textVersion();
        e.requestedByKind = r.requestedBy().kind().name();
        e.requestedById = r.requestedBy().id();
        e.requestedByRoles = JsonMapping.writeRoles(r.requestedBy().roles());
        e.sentAt = Instants.micros(r.sentAt());
        e.sentAtNanos = Instants.nanos(r.sentAt());
        e.expiresAt = Instants.micros(r.expiresAt());
        e.expiresAtNanos = Instants.nanos(r.expiresAt());
        e.tokenDigest = r.tokenDigest();
        e.status = r.status().name();
        e.answeredAt = r.answeredAt().map(Instants::micros).orElse(null);
        e.answeredAtNanos = r.answeredAt().map(Instants::nanos).orElse(null);
        e.evidence = r.evidence().orElse(null);
        e.consentId = r.consent().map(ConsentId::value).orElse(null);
    }

    private static ConsentRequest toRequest(ConsentRequestEntity e) {
        return new ConsentRequest(new ConsentRequestId(e.id), Optional.ofNullable(e.contactId).map(ContactId::new),
                e.email, new PurposeId(e.purposeId), e.text, e.textVersion,
                new Actor(Actor.Kind.valueOf(e.requestedByKind), e.requestedById,
                        JsonMapping.readRoles(e.requestedByRoles)),
                Instants.join(e.sentAt, e.sentAtNanos), Instants.join(e.expiresAt, e.expiresAtNanos), e.tokenDigest,
                ConsentRequest.Status.valueOf(e.status),
                Optional.ofNullable(e.answeredAt).map(a -> Instants.join(a, e.answeredAtNanos == null ? 0 : e.answeredAtNanos)),
                Optional.ofNullable(e.evidence), Optional.ofNullable(e.consentId).map(ConsentId::new));
    }
}
