package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One field change of a history entry, a row of its own so reports can query changes in SQL. */
@Entity(name = "TktHistoryChange")
@Table(name = "tkt_history_change")
public class HistoryChangeEntity {
    @EmbeddedId
    Key key;
    @Column(name = "field", nullable = false, length = 200)
    String field;
    @Column(name = "from_value")
    @Nullable String fromValue;
    @Column(name = "to_value")
    @Nullable String toValue;

    protected HistoryChangeEntity() {
    }

    /** Ticket, sequence and position within the entry. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "ticket_id", nullable = false)
        UUID ticketId;
        @Column(name = "sequence", nullable = false)
        long sequence;
        @Column(name = "position", nullable = false)
        int position;

        protected Key() {
        }

        Key(UUID ticketId, long sequence, int position) {
            this.ticketId = ticketId;
            this.sequence = sequence;
            this.position = position;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k && k.ticketId.equals(ticketId) && k.sequence == sequence && k.position == position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, sequence, position);
        }
    }
}
