package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One read of a contact's personal data; the identity column keeps the append order. */
@Entity(name = "TktAccessRecord")
@Table(name = "tkt_access_record")
public class AccessRecordEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    @Nullable Long id;
    @Column(name = "occurred_at", nullable = false)
    Instant at;
    @Column(name = "occurred_at_nanos", nullable = false)
    int atNanos;
    @Column(name = "actor_kind", nullable = false, length = 20)
    String actorKind;
    @Column(name = "actor_id", nullable = false, length = 200)
    String actorId;
    @Column(name = "actor_roles", nullable = false)
    String actorRoles;
    @Column(name = "contact_id", nullable = false)
    UUID contactId;
    @Column(name = "purpose_id", nullable = false, length = 200)
    String purposeId;
    @Column(name = "read_items", nullable = false)
    String readItems;

    protected AccessRecordEntity() {
    }
}
