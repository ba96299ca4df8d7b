package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.AccessRecord;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.AuditLog;
import java.util.List;

/** {@link AuditLog} on Jakarta Persistence: append-only rows, never updated or deleted. */
public final class JpaAuditLog implements AuditLog {
    private final EntityManagers ems;

    public JpaAuditLog(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public void append(AccessRecord record) {
        Args.nonNull(record, "access record");
        ems.call("recording a read of contact " + record.contact(), em -> {
            AccessRecordEntity e = new AccessRecordEntity();
            e.at = Instants.micros(record.at());
            e.atNanos = Instants.nanos(record.at());
            e.actorKind = record.actor().kind().name();
            e.actorId = record.actor().id();
            e.actorRoles = JsonMapping.writeRoles(record.actor().roles());
            e.contactId = record.contact().value();
            e.purposeId = record.purpose().value();
            e.readItems = JsonMapping.writeStrings(record.read());
            em.persist(e);
            em.flush();
            em.detach(e);
            return null;
        });
    }

    @Override
    public List<AccessRecord> forContact(ContactId contact) {
        Args.nonNull(contact, "contact id");
        return ems.call("listing reads of contact " + contact, em -> em.createQuery(
                        "SELECT a FROM TktAccessRecord a WHERE a.contactId = :id ORDER BY a.at, a.atNanos, a.id",
                        AccessRecordEntity.class)
                .setParameter("id", contact.value()).getResultStream().map(e -> {
                    em.detach(e);
                    return new AccessRecord(Instants.join(e.at, e.atNanos),
                            new Actor(Actor.Kind.valueOf(e.actorKind), e.actorId, JsonMapping.readRoles(e.actorRoles)),
                            new ContactId(e.contactId), new PurposeId(e.purposeId), JsonMapping.readStrings(e.readItems));
                }).toList());
    }
}
