package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One e-mail address of a contact, in the contact's order. */
@Entity(name = "TktContactEmail")
@Table(name = "tkt_contact_email")
public class ContactEmailEntity {
    @EmbeddedId
    Key key;
    @Column(name = "email", nullable = false, length = 320)
    String email;

    protected ContactEmailEntity() {
    }

    ContactEmailEntity(UUID contactId, int position, String email) {
        this.key = new Key(contactId, position);
        this.email = email;
    }

    /** Contact and position. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "contact_id", nullable = false)
        UUID contactId;
        @Column(name = "position", nullable = false)
        int position;

        protected Key() {
        }

        Key(UUID contactId, int position) {
            this.contactId = contactId;
            this.position = position;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k && k.contactId.equals(contactId) && k.position == position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(contactId, position);
        }
    }
}
