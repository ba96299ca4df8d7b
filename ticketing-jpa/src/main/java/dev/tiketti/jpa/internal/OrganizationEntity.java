package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An organisation of the customer register. */
@Entity(name = "TktOrganization")
@Table(name = "tkt_organization")
public class OrganizationEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "name", nullable = false)
    String name;
    @Column(name = "default_substitute_id")
    @Nullable UUID defaultSubstituteId;

    protected OrganizationEntity() {
    }
}
