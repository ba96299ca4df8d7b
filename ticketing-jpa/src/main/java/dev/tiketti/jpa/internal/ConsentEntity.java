package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consent (legal basis) record of a contact, kept after withdrawal until erasure. */
@Entity(name = "TktConsent")
@Table(name = "tkt_consent")
public class ConsentEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "contact_id", nullable = false)
    UUID contactId;
    @Column(name = "purpose_id", nullable = false, length = 200)
    String purposeId;
    @Column(name = "basis", nullable = false, length = 30)
    String basis;
    @Column(name = "consent_text", nullable = false)
    String text;
    @Column(name = "text_version", nullable = false, length = 200)
    String textVersion;
    @Column(name = "channel", nullable = false, length = 20)
    String channel;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;
    @Column(name = "recorded_at_nanos", nullable = false)
    int recordedAtNanos;
    @Column(name = "evidence")
    @Nullable String evidence;
    @Column(name = "withdrawn_at")
    @Nullable Instant withdrawnAt;
    @Column(name = "withdrawn_at_nanos")
    @Nullable Integer withdrawnAtNanos;

    protected ConsentEntity() {
    }
}
