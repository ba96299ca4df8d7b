package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered processing purpose. */
@Entity(name = "TktConsentPurpose")
@Table(name = "tkt_consent_purpose")
public class ConsentPurposeEntity {
    @Id
    @Column(name = "id", length = 200)
    String id;
    @Column(name = "description", nullable = false)
    String description;

    protected ConsentPurposeEntity() {
    }
}
