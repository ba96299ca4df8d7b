package dev.tiketti.examples.adapter;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.NotFoundException;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A {@link TicketStore} on plain JDBC over the host's own tables ({@code schema.sql}): one row per
 * ticket in {@code ticket}, its timeline in {@code ticket_timeline}, its history in
 * {@code ticket_history}, key counters in {@code ticket_number}. Every method runs on the
 * connection of the current {@link JdbcTransactions} unit of work, or in a unit of its own.
 *
 * <p>How it keeps the SPI's obligations ({@code TicketStoreContract} checks each):
 * <ul>
 * <li>atomic create and update: the ticket row and its new entries are written in one unit of work;</li>
 * <li>optimistic versioning: the version check is in the {@code UPDATE}'s {@code WHERE}, so the check
 *     and the write are one statement under the row lock, and two racing writers cannot both win;</li>
 * <li>key numbers: one counter row per prefix, advanced by an {@code UPDATE} that holds its row lock
 *     until the unit commits;</li>
 * <li>queries: one {@code SELECT} per page, ordered by {@code (key_prefix, key_number)} and paged by
 *     key (keyset), never by {@code OFFSET};</li>
 * <li>rewrite: under the ticket's row lock ({@code SELECT ... FOR UPDATE}), in place.</li>
 * </ul>
 */
public final class JdbcTicketStore implements TicketStore {

    /** Everything of a ticket that a change may write: all columns but the id and the key. */
    private static final String CONTENT = "type_id = ?, workflow_id = ?, workflow_version = ?, state = ?, "
            + "classification = ?, priority = ?, requester_id = ?, organization_id = ?, assignee = ?, team = ?, "
            + "channel = ?, subject = ?, resolution = ?, custom_fields = ?, created_at = ?, updated_at = ?, sla_due = ?, version = ?";

    private static final String TICKET_COLUMNS = "id, key_prefix, key_number, type_id, workflow_id, workflow_version, "
            + "state, classification, priority, requester_id, organization_id, assignee, team, channel, subject, "
            + "resolution, custom_fields, created_at, updated_at, sla_due, version";

    private static final String TIMELINE_COLUMNS = "entry_id, kind, author_kind, author_id, author_roles, visibility, "
            + "channel, body, attachments, occurred_at";

    private static final String HISTORY_COLUMNS = "seq, occurred_at, actor_kind, actor_id, actor_roles, action, "
            + "transition, changes";

    private final JdbcTransactions tx;

    /** A store whose every call runs in (or joins) a unit of work of {@code transactions}. */
    public JdbcTicketStore(JdbcTransactions transactions) {
        this.tx = Objects.requireNonNull(transactions, "transactions");
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void create(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history) {
        tx.run("creating ticket " + ticket.key(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (" + TICKET_COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, ticket.id().value());
                ps.setString(2, ticket.key().prefix());
                ps.setLong(3, ticket.key().number());
                bindContent(ps, 4, ticket);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (JdbcTransactions.isUniqueViolation(e)) { // the primary key or the unique (prefix, number)
                    throw new TicketingException(ErrorCode.DUPLICATE, "Ticket " + ticket.key() + " (" + ticket.id()
                            + ") already exists; open a new ticket with a new id and key.", e);
                }
                throw e;
            }
            insertTimeline(c, ticket.id(), 1, timeline);
            insertHistory(c, ticket.id(), history);
            return null;
        });
    }

    @Override
    public void update(TicketChange change) {
        Ticket next = change.ticket();
        tx.run("updating ticket " + next.key(), c -> {
            int updated;
            // The version check and the write are one statement: the database holds the row lock
            // while it compares, so of two writers that read the same version only one matches.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ticket SET " + CONTENT + " WHERE id = ? AND version = ?")) {
                int i = bindContent(ps, 1, next);
                ps.setObject(i++, next.id().value());
                ps.setLong(i, change.expectedVersion());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                Optional<Long> stored = storedVersion(c, next.id());
                if (stored.isEmpty()) {
                    throw new NotFoundException(ErrorCode.TICKET_NOT_FOUND, "No ticket " + next.id() + " exists. "
                            + "Check the id; tickets are never deleted except by erasure.");
                }
                throw new ConcurrentUpdateException("Ticket " + next.key() + " was changed by someone else (version "
                        + stored.get() + ", you had " + change.expectedVersion() + "); reload it and try again.");
            }
            // We hold the ticket's row lock from here on, so nobody else appends meanwhile.
            insertTimeline(c, next.id(), lastPosition(c, next.id()) + 1, change.newEntries());
            insertHistory(c, next.id(), change.newHistory());
            return null;
        });
    }

    @Override
    public long nextNumber(String prefix) {
        new TicketKey(prefix, 1); // refuses a malformed prefix before it reaches the database
        return tx.run("drawing a key number for prefix " + prefix, c -> {
            // The UPDATE locks the counter row until the unit of work ends: inside Ticketing.open
            // that is after the ticket is stored, so a failed open gives its number back.
            if (advanceCounter(c, prefix) == 0) {
                // The first number of this prefix. Another thread may be creating the counter at
                // this very moment: if it wins, our INSERT fails with a unique violation, which we
                // undo to a savepoint (PostgreSQL would otherwise spoil the whole unit) and then
                // advance the counter it created.
                Savepoint beforeInsert = c.setSavepoint();
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO ticket_number (key_prefix, last_number) VALUES (?, 1)")) {
                    ps.setString(1, prefix);
                    ps.executeUpdate();
                    return 1L;
                } catch (SQLException e) {
                    if (!JdbcTransactions.isUniqueViolation(e)) {
                        throw e;
                    }
                    c.rollback(beforeInsert);
                }
                if (advanceCounter(c, prefix) == 0) {
                    throw new IllegalStateException("the key counter of prefix " + prefix
                            + " vanished right after another transaction created it");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_number FROM ticket_number WHERE key_prefix = ?")) {
                ps.setString(1, prefix);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static int advanceCounter(Connection c, String prefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ticket_number SET last_number = last_number + 1 WHERE key_prefix = ?")) {
            ps.setString(1, prefix);
            return ps.executeUpdate();
        }
    }

    @Override
    public boolean rewrite(TicketId id, UnaryOperator<StoredTicket> rewriter) {
        Objects.requireNonNull(id, "ticket id");
        Objects.requireNonNull(rewriter, "rewriter");
        return tx.run("rewriting ticket " + id, c -> {
            // FOR UPDATE: the row lock keeps every update of this ticket out until we commit, so
            // nothing is lost or interleaved between reading the content and writing it back.
            Optional<Ticket> current = selectTickets(c, "SELECT " + TICKET_COLUMNS + " FROM ticket WHERE id = ? FOR UPDATE",
                    List.of(id.value())).stream().findFirst();
            if (current.isEmpty()) {
                return false;
            }
            StoredTicket before = new StoredTicket(current.get(), selectTimeline(c, id), selectHistory(c, id));
            StoredTicket after = Objects.requireNonNull(rewriter.apply(before), "rewritten ticket");
            InMemoryTicketStore.checkRewrite(before, after); // the SPI's rules, as the reference applies them
            if (after.equals(before)) {
                return false;
            }
            // In place: the same rows, the same version, no new history entry.
            try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET " + CONTENT + " WHERE id = ?")) {
                int i = bindContent(ps, 1, after.ticket());
                ps.setObject(i, id.value());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE ticket_timeline SET kind = ?, author_kind = ?, "
                    + "author_id = ?, author_roles = ?, visibility = ?, channel = ?, body = ?, attachments = ?, "
                    + "occurred_at = ? WHERE ticket_id = ? AND pos = ?")) {
                int pos = 1; // checkRewrite guarantees the same entries in the same order
                for (TimelineEntry e : after.timeline()) {
                    int i = bindEntryContent(ps, 1, e);
                    ps.setObject(i++, id.value());
                    ps.setInt(i, pos++);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE ticket_history SET occurred_at = ?, actor_kind = ?, "
                    + "actor_id = ?, actor_roles = ?, action = ?, transition = ?, changes = ? "
                    + "WHERE ticket_id = ? AND seq = ?")) {
                for (HistoryEntry h : after.history()) {
                    int i = bindHistoryContent(ps, 1, h);
                    ps.setObject(i++, id.value());
                    ps.setLong(i, h.sequence());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        });
    }

    @Override
    public boolean delete(TicketId id) {
        Objects.requireNonNull(id, "ticket id");
        return tx.run("deleting ticket " + id, c -> {
            // The counter row in ticket_number stays, so the key's number is never handed out again.
            for (String sql : List.of("DELETE FROM ticket_history WHERE ticket_id = ?",
                    "DELETE FROM ticket_timeline WHERE ticket_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, id.value());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ticket WHERE id = ?")) {
                ps.setObject(1, id.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Optional<Ticket> find(TicketId id) {
        return tx.run("reading ticket " + id, c -> selectTickets(c,
                "SELECT " + TICKET_COLUMNS + " FROM ticket WHERE id = ?", List.of(id.value())).stream().findFirst());
    }

    @Override
    public Optional<Ticket> findByKey(TicketKey key) {
        return tx.run("reading ticket " + key, c -> selectTickets(c, "SELECT " + TICKET_COLUMNS
                        + " FROM ticket WHERE key_prefix = ? AND key_number = ?", List.of(key.prefix(), key.number()))
                .stream().findFirst());
    }

    @Override
    public List<TimelineEntry> timeline(TicketId id) {
        return tx.run("reading the timeline of ticket " + id, c -> selectTimeline(c, id));
    }

    @Override
    public List<HistoryEntry> history(TicketId id) {
        return tx.run("reading the history of ticket " + id, c -> selectHistory(c, id));
    }

    /**
     * One statement per page: every present criterion becomes a {@code WHERE} clause, the order is
     * the unique key {@code (key_prefix, key_number)}, and the next page starts strictly after the
     * previous page's last key (keyset paging), so a ticket created or changed between two pages is
     * neither repeated nor skipped, as an {@code OFFSET} would.
     */
    @Override
    public List<Ticket> query(TicketQuery query) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        query.team().ifPresent(team -> {
            where.add("team = ?");
            params.add(team.value());
        });
        if (!query.states().isEmpty()) {
            where.add("state IN (" + String.join(", ", query.states().stream().map(s -> "?").toList()) + ")");
            params.addAll(query.states());
        }
        query.assignee().ifPresent(agent -> {
            where.add("assignee = ?");
            params.add(agent.value());
        });
        if (query.unassignedOnly()) {
            where.add("assignee IS NULL");
        }
        query.typeId().ifPresent(type -> {
            where.add("type_id = ?");
            params.add(type);
        });
        query.classificationPrefix().ifPresent(prefix -> {
            // Whole segments only: 'Palvelussuhde' matches itself and 'Palvelussuhde/...', not 'Palvelussuhteet'.
            where.add("(classification = ? OR classification LIKE ? ESCAPE '\\')");
            params.add(prefix.path());
            params.add(prefix.path().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
        });
        query.requester().ifPresent(requester -> {
            where.add("requester_id = ?");
            params.add(requester.value());
        });
        query.updatedSince().ifPresent(since -> {
            where.add("updated_at >= ?"); // the column keeps nanoseconds, so this is exact
            params.add(timestamp(since));
        });
        query.slaDueBefore().ifPresent(before -> {
            where.add("sla_due < ?"); // exclusive; a ticket without a running SLA clock has none
            params.add(timestamp(before));
        });
        query.after().ifPresent(key -> {
            where.add("(key_prefix > ? OR (key_prefix = ? AND key_number > ?))");
            params.addAll(List.of(key.prefix(), key.prefix(), key.number()));
        });
        String sql = "SELECT " + TICKET_COLUMNS + " FROM ticket"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY key_prefix, key_number FETCH FIRST ? ROWS ONLY";
        params.add(query.limit());
        return tx.run("querying tickets", c -> selectTickets(c, sql, params));
    }

    // ------------------------------------------------------------------ rows

    private static List<Ticket> selectTickets(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<Ticket> tickets = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tickets.add(readTicket(rs));
                }
            }
            return tickets;
        }
    }

    private static Ticket readTicket(ResultSet rs) throws SQLException {
        return new Ticket(new TicketId(rs.getObject("id", UUID.class)),
                new TicketKey(rs.getString("key_prefix"), rs.getLong("key_number")),
                rs.getString("type_id"), rs.getString("workflow_id"), rs.getInt("workflow_version"),
                rs.getString("state"),
                Optional.ofNullable(rs.getString("classification")).map(JdbcTicketStore::classification),
                Priority.valueOf(rs.getString("priority")),
                new ContactId(rs.getObject("requester_id", UUID.class)),
                Optional.ofNullable(rs.getObject("organization_id", UUID.class)).map(OrganizationId::new),
                Optional.ofNullable(rs.getString("assignee")).map(AgentId::new),
                new TeamId(rs.getString("team")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("subject"),
                Optional.ofNullable(rs.getString("resolution")),
                JsonColumns.readFields(rs.getString("custom_fields")),
                instant(rs, "created_at"), instant(rs, "updated_at"),
                Optional.ofNullable(rs.getObject("sla_due", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                rs.getLong("version"));
    }

    /** Binds every column of {@link #CONTENT} from {@code parameter} on; returns the next parameter index. */
    private static int bindContent(PreparedStatement ps, int parameter, Ticket t) throws SQLException {
        int i = parameter;
        ps.setString(i++, t.typeId());
        ps.setString(i++, t.workflowId());
        ps.setInt(i++, t.workflowVersion());
        ps.setString(i++, t.state());
        ps.setString(i++, t.classification().map(Classification::path).orElse(null));
        ps.setString(i++, t.priority().name());
        ps.setObject(i++, t.requester().value());
        ps.setObject(i++, t.organization().map(OrganizationId::value).orElse(null));
        ps.setString(i++, t.assignee().map(AgentId::value).orElse(null));
        ps.setString(i++, t.team().value());
        ps.setString(i++, t.channel().name());
        ps.setString(i++, t.subject());
        ps.setString(i++, t.resolution().orElse(null));
        ps.setString(i++, JsonColumns.writeFields(t.fields()));
        ps.setObject(i++, timestamp(t.createdAt()));
        ps.setObject(i++, timestamp(t.updatedAt()));
        ps.setObject(i++, t.slaDue().map(JdbcTicketStore::timestamp).orElse(null));
        ps.setLong(i++, t.version());
        return i;
    }

    /** Segments never contain '/', so splitting the path gives them back exactly (unlike Classification.of, which strips). */
    private static Classification classification(String path) {
        return new Classification(Arrays.asList(path.split("/", -1)));
    }

    private static Optional<Long> storedVersion(Connection c, TicketId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM ticket WHERE id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    // ------------------------------------------------------------------ timeline

    private static void insertTimeline(Connection c, TicketId id, int firstPosition, List<TimelineEntry> entries)
            throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_timeline (ticket_id, pos, "
                + TIMELINE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pos = firstPosition;
            for (TimelineEntry e : entries) {
                ps.setObject(1, id.value());
                ps.setInt(2, pos++);
                ps.setObject(3, e.id());
                bindEntryContent(ps, 4, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Binds everything of a timeline entry but its id, in {@link #TIMELINE_COLUMNS} order. */
    private static int bindEntryContent(PreparedStatement ps, int parameter, TimelineEntry e) throws SQLException {
        int i = parameter;
        ps.setString(i++, e.kind().name());
        ps.setString(i++, e.author().kind().name());
        ps.setString(i++, e.author().id());
        ps.setString(i++, JsonColumns.writeRoles(e.author().roles()));
        ps.setString(i++, e.visibility().name());
        ps.setString(i++, e.channel().name());
        ps.setString(i++, e.body());
        ps.setString(i++, JsonColumns.writeAttachments(e.attachments()));
        ps.setObject(i++, timestamp(e.at()));
        return i;
    }

    private static int lastPosition(Connection c, TicketId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(pos), 0) FROM ticket_timeline WHERE ticket_id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<TimelineEntry> selectTimeline(Connection c, TicketId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + TIMELINE_COLUMNS + " FROM ticket_timeline WHERE ticket_id = ? ORDER BY pos")) {
            ps.setObject(1, id.value());
            List<TimelineEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new TimelineEntry(rs.getObject("entry_id", UUID.class), id,
                            EntryKind.valueOf(rs.getString("kind")),
                            actor(rs.getString("author_kind"), rs.getString("author_id"), rs.getString("author_roles")),
                            Visibility.valueOf(rs.getString("visibility")), Channel.valueOf(rs.getString("channel")),
                            rs.getString("body"), JsonColumns.readAttachments(rs.getString("attachments")),
                            instant(rs, "occurred_at")));
                }
            }
            return entries;
        }
    }

    // ------------------------------------------------------------------ history

    private static void insertHistory(Connection c, TicketId id, List<HistoryEntry> history) throws SQLException {
        if (history.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_history (ticket_id, " + HISTORY_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (HistoryEntry h : history) {
                ps.setObject(1, id.value());
                ps.setLong(2, h.sequence());
                bindHistoryContent(ps, 3, h);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Binds everything of a history entry but its sequence, in {@link #HISTORY_COLUMNS} order. */
    private static int bindHistoryContent(PreparedStatement ps, int parameter, HistoryEntry h) throws SQLException {
        int i = parameter;
        ps.setObject(i++, timestamp(h.at()));
        ps.setString(i++, h.actor().kind().name());
        ps.setString(i++, h.actor().id());
        ps.setString(i++, JsonColumns.writeRoles(h.actor().roles()));
        ps.setString(i++, h.action().name());
        ps.setString(i++, h.transition().orElse(null));
        ps.setString(i++, JsonColumns.writeChanges(h.changes()));
        return i;
    }

    private static List<HistoryEntry> selectHistory(Connection c, TicketId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + HISTORY_COLUMNS + " FROM ticket_history WHERE ticket_id = ? ORDER BY seq")) {
            ps.setObject(1, id.value());
            List<HistoryEntry> history = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.add(new HistoryEntry(id, rs.getLong("seq"), instant(rs, "occurred_at"),
                            actor(rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("actor_roles")),
                            HistoryAction.valueOf(rs.getString("action")), Optional.ofNullable(rs.getString("transition")),
                            JsonColumns.readChanges(rs.getString("changes"))));
                }
            }
            return history;
        }
    }

    // ------------------------------------------------------------------ values

    private static Actor actor(String kind, String id, String rolesJson) {
        return new Actor(Actor.Kind.valueOf(kind), id, JsonColumns.readRoles(rolesJson));
    }

    /** Instants as {@code TIMESTAMP(9) WITH TIME ZONE} in UTC: nanoseconds survive the round trip. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
