package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact person; e-mail addresses are {@link ContactEmailEntity} rows (looked up), phones JSON. */
@Entity(name = "TktContact")
@Table(name = "tkt_contact")
public class ContactEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "name", nullable = false)
    String name;
    @Column(name = "phones", nullable = false)
    String phones;
    @Column(name = "language", nullable = false, length = 5)
    String language;
    @Column(name = "assurance", nullable = false, length = 20)
    String assurance;
    @Column(name = "active", nullable = false)
    boolean active;
    @Column(name = "substitute_id")
    @Nullable UUID substituteId;

    protected ContactEntity() {
    }
}
