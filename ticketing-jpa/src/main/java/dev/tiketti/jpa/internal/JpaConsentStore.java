package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.ConsentStore;
import java.util.List;
import java.util.Optional;

/** {@link ConsentStore} on Jakarta Persistence; records stay, withdrawn or not, until erasure deletes them. */
public final class JpaConsentStore implements ConsentStore {
    private final EntityManagers ems;

    public JpaConsentStore(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public void savePurpose(ConsentPurpose purpose) {
        JpaOrganizationStore.retryingFirstInsert(() -> ems.call("saving purpose '" + purpose.id() + "'", em -> {
            ConsentPurposeEntity e = Rows.find(em, ConsentPurposeEntity.class, purpose.id().value());
            if (e == null) {
                e = new ConsentPurposeEntity();
                e.id = purpose.id().value();
                e.description = purpose.description();
                em.persist(e);
            } else {
                e.description = purpose.description();
            }
            em.flush();
            em.detach(e);
            return null;
        }));
    }

    @Override
    public Optional<ConsentPurpose> findPurpose(PurposeId id) {
        return ems.find("reading purpose '" + id + "'", ConsentPurposeEntity.class, id.value(),
                e -> new ConsentPurpose(new PurposeId(e.id), e.description));
    }

    @Override
    public List<ConsentPurpose> purposes() {
        return ems.call("listing purposes", em -> em.createQuery(
                        "SELECT p FROM TktConsentPurpose p ORDER BY p.id", ConsentPurposeEntity.class)
                .getResultStream().map(e -> {
                    em.detach(e);
                    return new ConsentPurpose(new PurposeId(e.id), e.description);
                }).toList());
    }

    @Override
    public void save(Consent consent) {
        JpaOrganizationStore.retryingFirstInsert(() -> ems.call("saving consent " + consent.id(), em -> {
            ConsentEntity e = Rows.find(em, ConsentEntity.class, consent.id().value());
            boolean isNew = e == null;
            if (isNew) {
                e = new ConsentEntity();
                e.id = consent.id().value();
            }
            e.contactId = consent.contact().value();
            e.purposeId = consent.purpose().value();
            e.basis = consent.basis().name();
            e.text = consent.text();
            e.textVersion = consent.textVersion();
            e.channel = consent.channel().name();
            e.recordedAt = Instants.micros(consent.recordedAt());
            e.recordedAtNanos = Instants.nanos(consent.recordedAt());
            e.evidence = consent.evidence().orElse(null);
            e.withdrawnAt = consent.withdrawnAt().map(Instants::micros).orElse(null);
            e.withdrawnAtNanos = consent.withdrawnAt().map(Instants::nanos).orElse(null);
            if (isNew) {
                em.persist(e);
            }
            em.flush();
            em.detach(e);
            return null;
        }));
    }

    @Override
    public Optional<Consent> find(ConsentId id) {
        return ems.find("reading consent " + id, ConsentEntity.class, id.value(), e -> toConsent(e));
    }

    @Override
    public List<Consent> forContact(ContactId contact) {
        return ems.call("listing consents of contact " + contact, em -> em.createQuery(
                        "SELECT c FROM TktConsent c WHERE c.contactId = :id"
                                + " ORDER BY c.recordedAt, c.recordedAtNanos, c.id", ConsentEntity.class)
                .setParameter("id", contact.value()).getResultStream().map(e -> {
                    em.detach(e);
                    return toConsent(e);
                }).toList());
    }

    @Override
    public int deleteForContact(ContactId contact) {
        return ems.call("erasing consents of contact " + contact, em -> em.createQuery(
                "DELETE FROM TktConsent c WHERE c.contactId = :id").setParameter("id", contact.value()).executeUpdate());
    }

    private static Consent toConsent(ConsentEntity e) {
        Optional<java.time.Instant> withdrawn = Optional.ofNullable(e.withdrawnAt)
                .map(w -> Instants.join(w, e.withdrawnAtNanos == null ? 0 : e.withdrawnAtNanos));
        return new Consent(new ConsentId(e.id), new ContactId(e.contactId), new PurposeId(e.purposeId),
                LegalBasis.valueOf(e.basis), e.text, e.textVersion, Channel.valueOf(e.channel),
                Instants.join(e.recordedAt, e.recordedAtNanos), Optional.ofNullable(e.evidence), withdrawn);
    }
}
