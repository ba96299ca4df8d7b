package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.spi.ContactStore;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ContactStore} on Jakarta Persistence. A save replaces the contact row and all its
 * address rows, so an address the new value dropped no longer finds the contact.
 */
public final class JpaContactStore implements ContactStore {
    private final EntityManagers ems;

    public JpaContactStore(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public void save(Contact contact) {
        try {
            saveOnce(contact);
        } catch (TicketingException e) {
            // Two first saves of one id raced and the other insert won: now it is a replacement.
            if (e.code() != ErrorCode.DUPLICATE) {
                throw e;
            }
            saveOnce(contact);
        }
    }

    private void saveOnce(Contact contact) {
        ems.call("saving contact " + contact.id(), em -> {
            UUID id = contact.id().value();
            ContactEntity e = Rows.find(em, ContactEntity.class, id);
            boolean isNew = e == null;
            if (isNew) {
                e = new ContactEntity();
                e.id = id;
            } else {
                em.createQuery("DELETE FROM TktContactEmail a WHERE a.key.contactId = :id")
                        .setParameter("id", id).executeUpdate();
            }
            e.name = contact.name();
            e.phones = JsonMapping.writeStrings(contact.phones());
            e.language = contact.language().name();
            e.assurance = contact.assurance().name();
            e.active = contact.active();
            e.substituteId = contact.substitute().map(ContactId::value).orElse(null);
            List<Object> written = new ArrayList<>();
            if (isNew) {
                em.persist(e);
            }
            written.add(e);
            for (int i = 0; i < contact.emails().size(); i++) {
                ContactEmailEntity address = new ContactEmailEntity(id, i, contact.emails().get(i));
                em.persist(address);
                written.add(address);
            }
            em.flush();
            written.forEach(em::detach);
            return null;
        });
    }

    @Override
    public Optional<Contact> find(ContactId id) {
        // One statement: the contact joined with its addresses (read on every transition).
        return ems.call("reading contact " + id, em -> {
            List<Object[]> rows = em.createQuery("SELECT c, a.email FROM TktContact c"
                            + " LEFT JOIN TktContactEmail a ON a.key.contactId = c.id"
                            + " WHERE c.id = :id ORDER BY a.key.position", Object[].class)
                    .setParameter("id", id.value()).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            ContactEntity e = (ContactEntity) rows.get(0)[0];
            em.detach(e);
            List<String> emails = new ArrayList<>();
            for (Object[] row : rows) {
                if (row[1] != null) {
                    emails.add((String) row[1]);
                }
            }
            return Optional.of(toContact(e, emails));
        });
    }

    @Override
    public Optional<Contact> findByEmail(String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return ems.call("finding a contact by e-mail address", em -> em.createQuery(
                        "SELECT c FROM TktContact c WHERE c.id IN"
                                + " (SELECT a.key.contactId FROM TktContactEmail a WHERE a.email = :email)"
                                + " ORDER BY c.id", ContactEntity.class)
                .setParameter("email", wanted).setMaxResults(1).getResultStream().findFirst()
                .map(e -> {
                    em.detach(e);
                    return toContact(em, e);
                }));
    }

    private static Contact toContact(EntityManager em, ContactEntity e) {
        return toContact(e, em.createQuery("SELECT a.email FROM TktContactEmail a WHERE a.key.contactId = :id"
                + " ORDER BY a.key.position", String.class).setParameter("id", e.id).getResultList());
    }

    private static Contact toContact(ContactEntity e, List<String> emails) {
        return new Contact(new ContactId(e.id), e.name, emails, JsonMapping.readStrings(e.phones),
                Language.valueOf(e.language), AssuranceLevel.valueOf(e.assurance), e.active,
                Optional.ofNullable(e.substituteId).map(ContactId::new));
    }
}
