package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consent request; looked up by the digest of its reply token. */
@Entity(name = "TktConsentRequest")
@Table(name = "tkt_consent_request")
public class ConsentRequestEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "contact_id")
    @Nullable UUID contactId;
    @Column(name = "email", nullable = false, length = 320)
    String email;
    @Column(name = "purpose_id", nullable = false, length = 200)
    String purposeId;
    @Column(name = "consent_text", nullable = false)
    String text;
    @Column(name = "text_version", nullable = false, length = 200)
    String textVersion;
    @Column(name = "requested_by_kind", nullable = false, length = 20)
    String requestedByKind;
    @Column(name = "requested_by_id", nullable = false, length = 200)
    String requestedById;
    @Column(name = "requested_by_roles", nullable = false)
    String requestedByRoles;
    @Column(name = "sent_at", nullable = false)
    Instant sentAt;
    @Column(name = "sent_at_nanos", nullable = false)
    int sentAtNanos;
    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;
    @Column(name = "expires_at_nanos", nullable = false)
    int expiresAtNanos;
    @Column(name = "token_digest", nullable = false, length = 64)
    String tokenDigest;
    @Column(name = "status", nullable = false, length = 10)
    String status;
    @Column(name = "answered_at")
    @Nullable Instant answeredAt;
    @Column(name = "answered_at_nanos")
    @Nullable Integer answeredAtNanos;
    @Column(name = "evidence")
    @Nullable String evidence;
    @Column(name = "consent_id")
    @Nullable UUID consentId;

    protected ConsentRequestEntity() {
    }
}
