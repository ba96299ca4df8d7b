package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An action-history row; its field changes are {@link HistoryChangeEntity} rows. */
@Entity(name = "TktHistoryEntry")
@Table(name = "tkt_history_entry")
public class HistoryEntryEntity {
    @EmbeddedId
    Key key;
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
    @Column(name = "action", nullable = false, length = 30)
    String action;
    @Column(name = "transition", length = 200)
    @Nullable String transition;

    protected HistoryEntryEntity() {
    }

    /** Ticket and sequence. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "ticket_id", nullable = false)
        UUID ticketId;
        @Column(name = "sequence", nullable = false)
        long sequence;

        protected Key() {
        }

        Key(UUID ticketId, long sequence) {
            this.ticketId = ticketId;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k && k.ticketId.equals(ticketId) && k.sequence == sequence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, sequence);
        }
    }
}
