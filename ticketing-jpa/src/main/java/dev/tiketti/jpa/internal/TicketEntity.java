package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ticket row. The version is a plain column: {@link JpaTicketStore#update} guards it with a
 * conditional UPDATE, so the entity is never kept managed between calls.
 */
@Entity(name = "TktTicket")
@Table(name = "tkt_ticket")
public class TicketEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "key_prefix", nullable = false, length = 10)
    String keyPrefix;
    @Column(name = "key_number", nullable = false)
    long keyNumber;
    @Column(name = "type_id", nullable = false, length = 200)
    String typeId;
    @Column(name = "workflow_id", nullable = false, length = 200)
    String workflowId;
    @Column(name = "workflow_version", nullable = false)
    int workflowVersion;
    @Column(name = "state", nullable = false, length = 200)
    String state;
    @Column(name = "classification")
    @Nullable String classification;
    @Column(name = "priority", nullable = false, length = 20)
    String priority;
    @Column(name = "requester_id", nullable = false)
    UUID requesterId;
    @Column(name = "organization_id")
    @Nullable UUID organizationId;
    @Column(name = "assignee", length = 200)
    @Nullable String assignee;
    @Column(name = "team", nullable = false, length = 200)
    String team;
    @Column(name = "channel", nullable = false, length = 20)
    String channel;
    @Column(name = "subject", nullable = false)
    String subject;
    @Column(name = "resolution")
    @Nullable String resolution;
    @Column(name = "custom_fields", nullable = false)
    String customFields;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "created_at_nanos", nullable = false)
    int createdAtNanos;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Column(name = "updated_at_nanos", nullable = false)
    int updatedAtNanos;
    /** {@code Ticket.slaDue}: empty (null) when no SLA clock runs; indexed for the "due before" queue. */
    @Column(name = "sla_due")
    @Nullable Instant slaDue;
    @Column(name = "sla_due_nanos")
    @Nullable Integer slaDueNanos;
    @Column(name = "version", nullable = false)
    long version;

    protected TicketEntity() {
    }
}
