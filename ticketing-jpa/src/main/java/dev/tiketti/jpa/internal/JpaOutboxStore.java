package dev.tiketti.jpa.internal;

import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.spi.OutboxDelivery;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.OutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;

/**
 * The outbox on table {@code tkt_outbox}, over the unit of work's own JDBC connection (so an append
 * commits or rolls back with the change). Leases and back-offs are measured on the database clock;
 * claims take rows with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2), so concurrent claimers
 * on any node take different entries. Per-recipient deliveries live in {@code tkt_outbox_delivery}
 * (one row per entry and recipient, deleted with the entry by the foreign key); a parked entry has
 * {@code held_until} NULL, which the claim's range condition skips. Plain JDBC rather than an entity:
 * the rows are opaque to Hibernate, and a claim is one locking select, one select of the claimed
 * entries' deliveries and one batched update.
 */
public final class JpaOutboxStore implements OutboxStore {
    private final EntityManagers ems;
    private final DatabaseKind database = new DatabaseKind();
    /** Added to the database clock; only tests move it, to let leases expire without waiting. */
    private volatile Duration clockShift = Duration.ZERO;

    public JpaOutboxStore(EntityManagers ems) {
        this.ems = ems;
    }

    /** For tests: makes the store's (database) clock read {@code by} later from now on. */
    public void shiftClock(Duration by) {
        clockShift = clockShift.plus(by);
    }

    @Override
    public void append(List<OutboxEntry> entries, String owner, Duration lease) {
        Args.nonNull(entries, "outbox entries");
        Args.notBlank(owner, "owner");
        requirePositive(lease);
        Set<String> ids = new HashSet<>();
        for (OutboxEntry e : entries) {
            Args.nonNull(e, "outbox entry");
            if (!ids.add(e.id())) {
                throw StoreProblems.outboxEntryAppendedTwice(e.id());
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        ems.call("appending to the outbox", em -> Jdbc.on(em, c -> {
            boolean postgres = database.isPostgres(c);
            String sql = "INSERT INTO tkt_outbox (position, id, type, ticket_id, created_at, attempts, owner, held_until,"
                    + " payload)"
                    + " VALUES (" + (postgres ? "nextval('tkt_outbox_seq')" : "NEXT VALUE FOR tkt_outbox_seq")
                    + ", ?, ?, ?, ?, ?, ?, " + (postgres ? "clock_timestamp() + ? * INTERVAL '1 millisecond'"
                    : "DATEADD(MILLISECOND, ?, CURRENT_TIMESTAMP)") + ", ?)";
            long heldMillis = lease.plus(clockShift).toMillis();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (OutboxEntry e : entries) {
                    s.setString(1, e.id());
                    s.setString(2, e.type());
                    if (e.ticketId().isPresent()) {
                        s.setObject(3, e.ticketId().get().value());
                    } else {
                        s.setNull(3, java.sql.Types.OTHER);
                    }
                    s.setObject(4, OffsetDateTime.ofInstant(Instants.micros(e.createdAt()), ZoneOffset.UTC));
                    s.setInt(5, e.attempts());
                    s.setString(6, owner);
                    s.setLong(7, heldMillis);
                    s.setString(8, e.payload());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        }));
    }

    @Override
    public List<OutboxEntry> claim(String owner, Duration lease, int limit) {
        Args.notBlank(owner, "owner");
        requirePositive(lease);
        if (limit < 1) {
            throw StoreProblems.outboxClaimLimit(limit);
        }
        return ems.call("claiming outbox entries", em -> Jdbc.on(em, c -> {
            Instant now = now(c);
            List<OutboxEntry> claimed = new ArrayList<>();
            List<Long> positions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT position, id, type, ticket_id, created_at, attempts, payload"
                    + " FROM tkt_outbox WHERE held_until <= ? ORDER BY position LIMIT " + limit
                    + " FOR UPDATE SKIP LOCKED")) {
                s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        positions.add(rs.getLong(1));
                        claimed.add(new OutboxEntry(rs.getString(2), rs.getString(3),
                                Optional.ofNullable(rs.getObject(4, UUID.class)).map(TicketId::new),
                                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6) + 1, rs.getString(7)));
                    }
                }
            }
            if (positions.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE tkt_outbox SET owner = ?, held_until = ?, attempts = attempts + 1 WHERE position = ?")) {
                OffsetDateTime until = OffsetDateTime.ofInstant(now.plus(lease), ZoneOffset.UTC);
                for (long position : positions) {
                    s.setString(1, owner);
                    s.setObject(2, until);
                    s.setLong(3, position);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return withDeliveries(c, claimed);
        }));
    }

    @Override
    public boolean reschedule(String id, List<OutboxDelivery> deliveries, Duration retryAfter) {
        Args.notBlank(id, "id");
        OutboxEntry.requireOnePerRecipient(id, deliveries);
        Args.nonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw StoreProblems.outboxRetryAfter(retryAfter);
        }
        boolean parked = deliveries.stream().anyMatch(OutboxDelivery::isDead)
                && deliveries.stream().noneMatch(d -> d.status() == OutboxDelivery.Status.FAILING);
        return ems.call("recording an outbox delivery round", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE tkt_outbox SET held_until = ? WHERE id = ?")) {
                if (parked) {
                    s.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    s.setObject(1, OffsetDateTime.ofInstant(now(c).plus(retryAfter), ZoneOffset.UTC));
                }
                s.setString(2, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tkt_outbox_delivery WHERE entry_id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
            if (!deliveries.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO tkt_outbox_delivery (entry_id, recipient,"
                        + " status, failures, error_class, error_code, first_failed_at, last_failed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (OutboxDelivery d : deliveries) {
                        s.setString(1, id);
                        s.setString(2, d.recipient());
                        s.setString(3, d.status().name());
                        s.setInt(4, d.failures());
                        s.setString(5, d.errorClass().orElse(null));
                        s.setString(6, d.errorCode().orElse(null));
                        setInstant(s, 7, d.firstFailedAt());
                        setInstant(s, 8, d.lastFailedAt());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            return true;
        }));
    }

    @Override
    public List<OutboxEntry> dead(int limit) {
        if (limit < 1) {
            throw StoreProblems.outboxListLimit(limit);
        }
        return ems.call("listing dead outbox entries", em -> Jdbc.on(em, c -> {
            List<OutboxEntry> dead = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT o.id, o.type, o.ticket_id, o.created_at, o.attempts,"
                    + " o.payload FROM tkt_outbox o WHERE EXISTS (SELECT 1 FROM tkt_outbox_delivery d"
                    + " WHERE d.entry_id = o.id AND d.status = 'DEAD') ORDER BY o.position LIMIT " + limit);
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    dead.add(new OutboxEntry(rs.getString(1), rs.getString(2),
                            Optional.ofNullable(rs.getObject(3, UUID.class)).map(TicketId::new),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5), rs.getString(6)));
                }
            }
            return withDeliveries(c, dead);
        }));
    }

    @Override
    public long deadCount() {
        return ems.call("counting dead outbox deliveries", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM tkt_outbox_delivery WHERE status = 'DEAD'");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    @Override
    public int retryDead(Collection<String> ids) {
        Set<String> distinct = distinctIds(ids);
        if (distinct.isEmpty()) {
            return 0;
        }
        return ems.call("retrying dead outbox deliveries", em -> Jdbc.on(em, c -> {
            OffsetDateTime now = OffsetDateTime.ofInstant(now(c), ZoneOffset.UTC);
            int retried = 0;
            try (PreparedStatement back = c.prepareStatement("UPDATE tkt_outbox_delivery SET status = 'FAILING',"
                    + " failures = 0 WHERE entry_id = ? AND status = 'DEAD'");
                 PreparedStatement unpark = c.prepareStatement(
                         "UPDATE tkt_outbox SET held_until = ? WHERE id = ? AND held_until IS NULL")) {
                for (String id : distinct) {
                    back.setString(1, id);
                    if (back.executeUpdate() > 0) {
                        retried++;
                        unpark.setObject(1, now);
                        unpark.setString(2, id);
                        unpark.executeUpdate();
                    }
                }
            }
            return retried;
        }));
    }

    @Override
    public int discardDead(Collection<String> ids) {
        Set<String> distinct = distinctIds(ids);
        if (distinct.isEmpty()) {
            return 0;
        }
        return ems.call("discarding dead outbox deliveries", em -> Jdbc.on(em, c -> {
            OffsetDateTime now = OffsetDateTime.ofInstant(now(c), ZoneOffset.UTC);
            int discarded = 0;
            try (PreparedStatement giveUp = c.prepareStatement("UPDATE tkt_outbox_delivery SET status = 'DONE'"
                    + " WHERE entry_id = ? AND status = 'DEAD'");
                 PreparedStatement removeDone = c.prepareStatement("DELETE FROM tkt_outbox WHERE id = ? AND NOT EXISTS"
                         + " (SELECT 1 FROM tkt_outbox_delivery d WHERE d.entry_id = ? AND d.status <> 'DONE')");
                 PreparedStatement unpark = c.prepareStatement(
                         "UPDATE tkt_outbox SET held_until = ? WHERE id = ? AND held_until IS NULL")) {
                for (String id : distinct) {
                    giveUp.setString(1, id);
                    if (giveUp.executeUpdate() > 0) {
                        discarded++;
                        removeDone.setString(1, id);
                        removeDone.setString(2, id);
                        if (removeDone.executeUpdate() == 0) {
                            unpark.setObject(1, now);
                            unpark.setString(2, id);
                            unpark.executeUpdate();
                        }
                    }
                }
            }
            return discarded;
        }));
    }

    /** The entries with their recorded deliveries, read in one select. */
    private static List<OutboxEntry> withDeliveries(Connection c, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, List<OutboxDelivery>> byEntry = new HashMap<>();
        String marks = String.join(", ", java.util.Collections.nCopies(entries.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT entry_id, recipient, status, failures, error_class,"
                + " error_code, first_failed_at, last_failed_at FROM tkt_outbox_delivery WHERE entry_id IN (" + marks
                + ") ORDER BY entry_id, recipient")) {
            for (int i = 0; i < entries.size(); i++) {
                s.setString(i + 1, entries.get(i).id());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byEntry.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new OutboxDelivery(
                            rs.getString(2), OutboxDelivery.Status.valueOf(rs.getString(3)), rs.getInt(4),
                            Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                            instant(rs, 7), instant(rs, 8)));
                }
            }
        }
        return entries.stream().map(e -> e.withDeliveries(byEntry.getOrDefault(e.id(), List.of()))).toList();
    }

    private static void setInstant(PreparedStatement s, int index, Optional<Instant> instant) throws SQLException {
        if (instant.isPresent()) {
            s.setObject(index, OffsetDateTime.ofInstant(Instants.micros(instant.get()), ZoneOffset.UTC));
        } else {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static Optional<Instant> instant(ResultSet rs, int index) throws SQLException {
        return Optional.ofNullable(rs.getObject(index, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static Set<String> distinctIds(Collection<String> ids) {
        Args.nonNull(ids, "ids");
        Set<String> distinct = new LinkedHashSet<>();
        ids.forEach(id -> distinct.add(Args.nonNull(id, "id")));
        return distinct;
    }

    @Override
    public int delivered(Collection<String> ids) {
        Args.nonNull(ids, "ids");
        ids.forEach(id -> Args.nonNull(id, "id"));
        return deleteEach("removing delivered outbox entries", "DELETE FROM tkt_outbox WHERE id = ?", ids);
    }

    @Override
    public int discard(Collection<TicketId> tickets) {
        Args.nonNull(tickets, "tickets");
        tickets.forEach(t -> Args.nonNull(t, "ticket id"));
        return deleteEach("discarding outbox entries", "DELETE FROM tkt_outbox WHERE ticket_id = ?",
                tickets.stream().map(TicketId::value).toList());
    }

    /** Runs {@code delete} once per distinct value, as one JDBC batch; returns how many rows went. */
    private int deleteEach(String what, String delete, Collection<?> values) {
        if (values.isEmpty()) {
            return 0;
        }
        return ems.call(what, em -> Jdbc.on(em, c -> {
            int removed = 0;
            try (PreparedStatement s = c.prepareStatement(delete)) {
                for (Object value : new HashSet<>(values)) {
                    s.setObject(1, value);
                    s.addBatch();
                }
                for (int n : s.executeBatch()) {
                    removed += Math.max(n, 0);
                }
            }
            return removed;
        }));
    }

    @Override
    public long pending() {
        return ems.call("counting outbox entries", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tkt_outbox WHERE held_until IS NOT NULL");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    // ------------------------------------------------------------ plumbing


    private Instant now(Connection c) throws SQLException {
        String sql = database.isPostgres(c) ? "SELECT clock_timestamp()" : "SELECT CURRENT_TIMESTAMP";
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            Object value = rs.getObject(1);
            Instant db = value instanceof Timestamp t ? t.toInstant() : rs.getObject(1, OffsetDateTime.class).toInstant();
            return Instants.micros(db.plus(clockShift));
        }
    }

    private static void requirePositive(Duration lease) {
        Args.nonNull(lease, "lease");
        if (lease.isZero() || lease.isNegative()) {
            throw StoreProblems.outboxLease(lease);
        }
    }
}
