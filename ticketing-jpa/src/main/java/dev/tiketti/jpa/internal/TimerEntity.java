package dev.tiketti.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A durable timer; {@code owner} and {@code heldUntil} describe its current claim or retry back-off. */
@Entity(name = "TktTimer")
@Table(name = "tkt_timer")
public class TimerEntity {
    @EmbeddedId
    Key key;
    @Column(name = "due_at", nullable = false)
    Instant dueAt;
    @Column(name = "due_at_nanos", nullable = false)
    int dueAtNanos;
    @Column(name = "fired", nullable = false)
    boolean fired;
    @Column(name = "owner", length = 200)
    @Nullable String owner;
    @Column(name = "held_until")
    @Nullable Instant heldUntil;
    @Column(name = "fencing_token", nullable = false)
    long fencingToken;
    @Column(name = "attempts", nullable = false)
    int attempts;

    protected TimerEntity() {
    }

    /** Kind and subject. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "kind", nullable = false, length = 200)
        String kind;
        @Column(name = "subject", nullable = false, length = 200)
        String subject;

        protected Key() {
        }

        Key(String kind, String subject) {
            this.kind = kind;
            this.subject = subject;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k && k.kind.equals(kind) && k.subject.equals(subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, subject);
        }
    }
}
