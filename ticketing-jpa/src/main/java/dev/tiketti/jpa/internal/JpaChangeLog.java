package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.spi.ChangeLog;
import dev.tiketti.core.spi.LoggedChange;
import dev.tiketti.core.spi.StoreProblems;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The change log on table {@code tkt_change_log}, over the unit of work's own JDBC connection, so
 * an entry commits or rolls back with its change; numbers from the sequence {@code tkt_change_log_seq}
 * (increasing across nodes, with holes where units rolled back). Not API.
 */
public final class JpaChangeLog implements ChangeLog {
    private final EntityManagers ems;
    private final DatabaseKind database = new DatabaseKind();

    public JpaChangeLog(EntityManagers ems) {
        this.ems = ems;
    }

    @Override
    public void append(Collection<TicketId> tickets, LoggedChange.Kind kind, Instant at) {
        Args.nonNull(tickets, "tickets");
        Args.nonNull(kind, "kind");
        Args.nonNull(at, "at");
        if (tickets.isEmpty()) {
            return;
        }
        ems.call("appending to the change log", em -> Jdbc.on(em, c -> {
            String next = database.isPostgres(c) ? "nextval('tkt_change_log_seq')" : "NEXT VALUE FOR tkt_change_log_seq";
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tkt_change_log (seq, ticket_id, kind, logged_at)"
                    + " VALUES (" + next + ", ?, ?, ?)")) {
                for (TicketId t : tickets) {
                    s.setObject(1, Args.nonNull(t, "ticket id").value());
                    s.setString(2, kind.name());
                    s.setObject(3, OffsetDateTime.ofInstant(Instants.micros(at), ZoneOffset.UTC));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        }));
    }

    @Override
    public List<LoggedChange> after(long position, int limit) {
        if (limit < 1) {
            throw StoreProblems.changeLogLimit(limit);
        }
        return ems.call("reading the change log", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, ticket_id, kind, logged_at FROM tkt_change_log"
                    + " WHERE seq > ? ORDER BY seq")) {
                s.setLong(1, position);
                s.setMaxRows(limit);
                try (ResultSet rs = s.executeQuery()) {
                    List<LoggedChange> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add(new LoggedChange(rs.getLong(1), TicketId.of(rs.getObject(2, UUID.class).toString()),
                                LoggedChange.Kind.valueOf(rs.getString(3)),
                                rs.getObject(4, OffsetDateTime.class).toInstant()));
                    }
                    return found;
                }
            }
        }));
    }

    @Override
    public OptionalLong oldest() {
        return ems.call("reading the change log", em -> Jdbc.on(em, c -> single(c, "SELECT MIN(seq) FROM tkt_change_log")));
    }

    @Override
    public long head() {
        return ems.call("reading the change log", em -> Jdbc.on(em, c -> single(c, "SELECT MAX(seq) FROM tkt_change_log")))
                .orElse(0);
    }

    private static OptionalLong single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }

    @Override
    public int truncateBefore(Instant instant) {
        Args.nonNull(instant, "instant");
        return ems.call("truncating the change log", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tkt_change_log WHERE logged_at < ?")) {
                s.setObject(1, OffsetDateTime.ofInstant(Instants.micros(instant), ZoneOffset.UTC));
                return s.executeUpdate();
            }
        }));
    }

}
