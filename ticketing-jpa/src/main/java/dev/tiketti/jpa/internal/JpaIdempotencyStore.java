package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.spi.IdempotencyStore;
import dev.tiketti.core.spi.IdempotentChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys on table {@code tkt_idempotency_key}, over the unit of work's own JDBC
 * connection, so a key commits or rolls back with its change. The primary key does the deciding:
 * of two units inserting one key, the second waits for the first and fails with a unique-key
 * violation (TKT-0202), on PostgreSQL and H2 alike. Not API.
 */
public final class JpaIdempotencyStore implements IdempotencyStore {
    private final EntityManagers ems;

    public JpaIdempotencyStore(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public Optional<IdempotentChange> find(String key) {
        Args.notBlank(key, "idempotency key");
        return ems.call("reading an idempotency key", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT ticket_id, entry_id, recorded_at FROM tkt_idempotency_key WHERE idem_key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    UUID entry = rs.getObject(2, UUID.class);
                    return Optional.of(new IdempotentChange(key, TicketId.of(rs.getObject(1, UUID.class).toString()),
                            Optional.ofNullable(entry), rs.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        }));
    }

    @Override
    public void record(IdempotentChange change) {
        Args.nonNull(change, "idempotent change");
        ems.call("recording an idempotency key", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tkt_idempotency_key"
                    + " (idem_key, ticket_id, entry_id, recorded_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, change.key());
                s.setObject(2, change.ticket().value());
                if (change.entry().isPresent()) {
                    s.setObject(3, change.entry().get());
                } else {
                    s.setNull(3, Types.OTHER);
                }
                s.setObject(4, OffsetDateTime.ofInstant(Instants.micros(change.recordedAt()), ZoneOffset.UTC));
                s.executeUpdate();
            }
            return null;
        }));
    }

    @Override
    public int purgeRecordedBefore(Instant instant) {
        Args.nonNull(instant, "instant");
        return ems.call("purging idempotency keys", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tkt_idempotency_key WHERE recorded_at < ?")) {
                s.setObject(1, OffsetDateTime.ofInstant(Instants.micros(instant), ZoneOffset.UTC));
                return s.executeUpdate();
            }
        }));
    }

}
