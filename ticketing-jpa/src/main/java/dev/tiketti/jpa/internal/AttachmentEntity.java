package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Attachment content, keyed by its lower-case hex SHA-256. */
@Entity(name = "TktAttachment")
@Table(name = "tkt_attachment")
public class AttachmentEntity {
    @Id
    @Column(name = "sha256", length = 64)
    String sha256;
    @Column(name = "size_bytes", nullable = false)
    long size;
    @Column(name = "content", nullable = false)
    byte[] content;

    protected AttachmentEntity() {
    }

    AttachmentEntity(String sha256, byte[] content) {
        this.sha256 = sha256;
        this.size = content.length;
        this.content = content;
    }
}
