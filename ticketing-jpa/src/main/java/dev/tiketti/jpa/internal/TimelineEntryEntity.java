package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A timeline row; ordered by the ticket version that appended it, then its position in that change. */
@Entity(name = "TktTimelineEntry")
@Table(name = "tkt_timeline_entry")
public class TimelineEntryEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "ticket_id", nullable = false)
    UUID ticketId;
    @Column(name = "ticket_version", nullable = false)
    long ticketVersion;
    @Column(name = "position", nullable = false)
    int position;
    @Column(name = "kind", nullable = false, length = 30)
    String kind;
    @Column(name = "author_kind", nullable = false, length = 20)
    String authorKind;
    @Column(name = "author_id", nullable = false, length = 200)
    String authorId;
    @Column(name = "author_roles", nullable = false)
    String authorRoles;
    @Column(name = "visibility", nullable = false, length = 20)
    String visibility;
    @Column(name = "channel", nullable = false, length = 20)
    String channel;
    @Column(name = "body", nullable = false)
    String body;
    @Column(name = "attachments", nullable = false)
    String attachments;
    @Column(name = "occurred_at", nullable = false)
    Instant at;
    @Column(name = "occurred_at_nanos", nullable = false)
    int atNanos;

    protected TimelineEntryEntity() {
    }
}
