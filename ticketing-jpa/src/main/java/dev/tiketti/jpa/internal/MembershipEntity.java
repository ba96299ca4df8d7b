package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact's membership in an organisation, with its service contract if any. */
@Entity(name = "TktMembership")
@Table(name = "tkt_membership")
public class MembershipEntity {
    @EmbeddedId
    Key key;
    @Column(name = "role", nullable = false, length = 200)
    String role;
    @Column(name = "contract_reference")
    @Nullable String contractReference;
    @Column(name = "contract_valid_from")
    @Nullable LocalDate contractValidFrom;
    @Column(name = "contract_valid_until")
    @Nullable LocalDate contractValidUntil;

    protected MembershipEntity() {
    }

    /** Contact and organisation. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "contact_id", nullable = false)
        UUID contactId;
        @Column(name = "organization_id", nullable = false)
        UUID organizationId;

        protected Key() {
        }

        Key(UUID contactId, UUID organizationId) {
            this.contactId = contactId;
            this.organizationId = organizationId;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k && k.contactId.equals(contactId) && k.organizationId.equals(organizationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contactId, organizationId);
        }
    }
}
