package dev.tiketti.benchmarks.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The limit: the statements Tiketti issues for the lifecycle (captured once from Hibernate's SQL
 * log, {@code hibernate.show_sql}), issued by hand over JDBC on the same schema with the same four
 * transactions, prepared statements and batching of the history-change rows. Rows read are only
 * consumed (every column fetched), not mapped; no guards, effects or SLA arithmetic run — the
 * values written are what Tiketti writes for this lifecycle.
 *
 * <p>Per lifecycle: open 12 statements, triage 9, resolve 11, close 7 (39 in 4 transactions, a
 * batched history-change row counted as one; 34 prepared). The facade's SLA wiring accounts for
 * many of them: it reads the ticket's history (entries joined with their changes) and timeline once
 * before each transition and reuses them for the clocks after it, and keeps one breach timer per
 * running SLA target (first response, resolution) — one statement per schedule (insert, or re-arm
 * when the due changed), one per cancel.
 */
final class PlainJdbcLifecycle implements Lifecycle {
    private static final String TICKET_COLUMNS = "te1_0.id,te1_0.assignee,te1_0.channel,te1_0.classification,"
            + "te1_0.created_at,te1_0.created_at_nanos,te1_0.custom_fields,te1_0.key_number,te1_0.key_prefix,"
            + "te1_0.organization_id,te1_0.priority,te1_0.requester_id,te1_0.resolution,te1_0.sla_due,"
            + "te1_0.sla_due_nanos,te1_0.state,te1_0.subject,"
            + "te1_0.team,te1_0.type_id,te1_0.updated_at,te1_0.updated_at_nanos,te1_0.version,te1_0.workflow_id,"
            + "te1_0.workflow_version";
    private static final String SELECT_TYPE =
            "select tte1_0.id,tte1_0.definition,tte1_0.ordinal from tkt_ticket_type tte1_0 where tte1_0.id=?";
    private static final String SELECT_WORKFLOW = "select we1_0.version,we1_0.definition from tkt_workflow we1_0"
            + " where we1_0.id=? order by we1_0.version desc fetch first ? rows only";
    private static final String SELECT_CONTACT = "select ce1_0.id,ce1_0.active,ce1_0.assurance,ce1_0.language,"
            + "ce1_0.name,ce1_0.phones,ce1_0.substitute_id,cee1_0.email from tkt_contact ce1_0 left join"
            + " tkt_contact_email cee1_0 on cee1_0.contact_id=ce1_0.id where ce1_0.id=? order by cee1_0.position";
    /** Advancing the key counter: one statement that returns the new number, per database. */
    private static final String NEXT_NUMBER_H2 = "SELECT last_number FROM FINAL TABLE (UPDATE tkt_key_sequence"
            + " SET last_number = last_number + 1 WHERE prefix = ?)";
    private static final String NEXT_NUMBER_POSTGRESQL = "UPDATE tkt_key_sequence SET last_number = last_number + 1"
            + " WHERE prefix = ? RETURNING last_number";
    private static final String SELECT_TICKET = "select " + TICKET_COLUMNS + " from tkt_ticket te1_0 where te1_0.id=?";
    private static final String INSERT_TICKET = "insert into tkt_ticket (assignee,channel,classification,created_at,"
            + "created_at_nanos,custom_fields,key_number,key_prefix,organization_id,priority,requester_id,resolution,"
            + "sla_due,sla_due_nanos,state,subject,team,type_id,updated_at,updated_at_nanos,version,workflow_id,"
            + "workflow_version,id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_TIMELINE = "insert into tkt_timeline_entry (occurred_at,occurred_at_nanos,"
            + "attachments,author_id,author_kind,author_roles,body,channel,kind,position,ticket_id,ticket_version,"
            + "visibility,id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_HISTORY = "insert into tkt_history_entry (action,actor_id,actor_kind,"
            + "actor_roles,occurred_at,occurred_at_nanos,transition,sequence,ticket_id) values (?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_CHANGE = "insert into tkt_history_change (field,from_value,to_value,position,"
            + "sequence,ticket_id) values (?,?,?,?,?,?)";
    /** Scheduling a timer: one statement that inserts it or re-arms it when its due changed, per database. */
    private static final String SCHEDULE_TIMER_H2 = "MERGE INTO tkt_timer t USING (VALUES (CAST(? AS VARCHAR(200)),"
            + " CAST(? AS VARCHAR(200)), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS INTEGER)))"
            + " AS r (kind, subject, due_at, due_at_nanos) ON t.kind = r.kind AND t.subject = r.subject"
            + " WHEN MATCHED AND (t.due_at <> r.due_at OR t.due_at_nanos <> r.due_at_nanos) THEN UPDATE SET"
            + " due_at = r.due_at, due_at_nanos = r.due_at_nanos, fired = FALSE, attempts = 0, owner = NULL,"
            + " held_until = NULL WHEN NOT MATCHED THEN INSERT (kind, subject, due_at, due_at_nanos, fired, owner,"
            + " held_until, fencing_token, attempts) VALUES (r.kind, r.subject, r.due_at, r.due_at_nanos, FALSE, NULL,"
            + " NULL, 0, 0)";
    private static final String SCHEDULE_TIMER_POSTGRESQL = "INSERT INTO tkt_timer (kind, subject, due_at,"
            + " due_at_nanos, fired, owner, held_until, fencing_token, attempts) VALUES (?, ?, ?, ?, FALSE, NULL, NULL,"
            + " 0, 0) ON CONFLICT (kind, subject) DO UPDATE SET due_at = EXCLUDED.due_at,"
            + " due_at_nanos = EXCLUDED.due_at_nanos, fired = FALSE, attempts = 0, owner = NULL, held_until = NULL"
            + " WHERE tkt_timer.due_at <> EXCLUDED.due_at OR tkt_timer.due_at_nanos <> EXCLUDED.due_at_nanos";
    private static final String UPDATE_TICKET = "UPDATE tkt_ticket SET workflow_version = ?, state = ?,"
            + " classification = ?, priority = ?, organization_id = ?, assignee = ?, team = ?, channel = ?, subject = ?,"
            + " resolution = ?, custom_fields = ?, updated_at = ?, updated_at_nanos = ?, sla_due = ?, sla_due_nanos = ?,"
            + " version = ?"
            + " WHERE id = ? AND version = ?";
    /** Cancelling a timer: one statement that deletes it and tells whether it had fired, per database. */
    private static final String CANCEL_TIMER_H2 =
            "SELECT fired FROM OLD TABLE (DELETE FROM tkt_timer WHERE kind = ? AND subject = ?)";
    private static final String CANCEL_TIMER_POSTGRESQL =
            "DELETE FROM tkt_timer WHERE kind = ? AND subject = ? RETURNING fired";
    private static final String SELECT_HISTORY = "select hee1_0.sequence,hee1_0.occurred_at,hee1_0.occurred_at_nanos,"
            + "hee1_0.actor_kind,hee1_0.actor_id,hee1_0.actor_roles,hee1_0.action,hee1_0.transition,hce1_0.field,"
            + "hce1_0.from_value,hce1_0.to_value from tkt_history_entry hee1_0 left join tkt_history_change hce1_0"
            + " on hce1_0.ticket_id=hee1_0.ticket_id and hce1_0.sequence=hee1_0.sequence where hee1_0.ticket_id=?"
            + " order by hee1_0.sequence,hce1_0.position";
    private static final String SELECT_TIMELINE = "select tee1_0.id,tee1_0.kind,tee1_0.author_kind,tee1_0.author_id,"
            + "tee1_0.author_roles,tee1_0.visibility,tee1_0.channel,tee1_0.body,tee1_0.attachments,tee1_0.occurred_at,"
            + "tee1_0.occurred_at_nanos from tkt_timeline_entry tee1_0 where tee1_0.ticket_id=?"
            + " order by tee1_0.ticket_version,tee1_0.position";

    /** The facade's breach timers: kind {@code sla.breach}, subject {@code <ticket id>/<target>}. */
    private static final String SLA_KIND = "sla.breach";
    private static final String FIRST_RESPONSE = "/first-response";
    private static final String RESOLUTION = "/resolution";
    private static final String ROLES = "[\"hr\"]";

    private final DataSource dataSource;
    private final String contactId = TikettiLifecycle.AINO.id().toString();
    private final boolean postgres;

    PlainJdbcLifecycle(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database apart", e);
        }
        // The same schema and definitions as Tiketti's, set up through Tiketti itself; one lifecycle
        // creates the key-sequence row, as Tiketti does on its first ticket.
        try (TikettiLifecycle setup = new TikettiLifecycle(dataSource)) {
            setup.run();
        }
    }

    /** The ticket as read back: only what the next statements need. */
    private record Row(UUID id, long version, Instant createdAt, String assignee, String resolution, String fields) {
    }

    @Override
    public String run() {
        UUID id = UUID.randomUUID();
        open(id);
        triage(id, 1);
        resolve(id, 2);
        close(id, 3);
        return id.toString();
    }

    private void open(UUID id) {
        inTransaction(c -> {
            query(c, SELECT_TYPE, TikettiLifecycle.TYPE);
            query(c, SELECT_WORKFLOW, "hr-general", 1);
            query(c, SELECT_CONTACT, UUID.fromString(contactId));
            long number;
            try (PreparedStatement ps = c.prepareStatement(postgres ? NEXT_NUMBER_POSTGRESQL : NEXT_NUMBER_H2)) {
                ps.setString(1, "HR");
                try (ResultSet rs = ps.executeQuery()) { // UPDATE ... RETURNING gives a result set, too
                    rs.next();
                    number = rs.getLong(1);
                }
            }
            Instant now = Instant.now();
            update(c, INSERT_TICKET, null, "EMAIL", null, ts(now), now.getNano() % 1000, "{\"leaveYear\":2026}",
                    number, "HR", null, "NORMAL", UUID.fromString(contactId), null, null, null, "NEW",
                    "Vuosiloman siirto", "hr",
                    TikettiLifecycle.TYPE, ts(now), now.getNano() % 1000, 1L, "hr-general", 1, id);
            update(c, INSERT_TIMELINE, ts(now), now.getNano() % 1000, "[]", contactId, "CONTACT", "[]",
                    "Voinko siirtää lomani syksyyn?", "EMAIL", "INBOUND_MESSAGE", 0, id, 1L, "PUBLIC", UUID.randomUUID());
            history(c, id, 1, now, "CREATED", null, new String[][] {
                {"state", null, "NEW"}, {"priority", null, "NORMAL"}, {"leaveYear", null, "2026"}});
            scheduleTimer(c, id, FIRST_RESPONSE, now.plus(4, ChronoUnit.HOURS));
            scheduleTimer(c, id, RESOLUTION, now.plus(40, ChronoUnit.HOURS));
        });
    }

    private void triage(UUID id, long expectedVersion) {
        inTransaction(c -> {
            Row before = transitionReads(c, id, expectedVersion, false);
            Instant now = Instant.now();
            updateTicket(c, before, "OPEN", "maija", null, before.fields(), now);
            history(c, id, before.version() + 1, now, "TRANSITIONED", "triage", new String[][] {
                {"state", "NEW", "OPEN"}, {"assignee", null, "maija"}});
            // Tiketti schedules both again with the due they have: the statement matches and writes nothing.
            scheduleTimer(c, id, FIRST_RESPONSE, before.createdAt().plus(4, ChronoUnit.HOURS));
            scheduleTimer(c, id, RESOLUTION, before.createdAt().plus(40, ChronoUnit.HOURS));
        });
    }

    private void resolve(UUID id, long expectedVersion) {
        inTransaction(c -> {
            Row before = transitionReads(c, id, expectedVersion, true);
            Instant now = Instant.now();
            updateTicket(c, before, "RESOLVED", before.assignee(), "Loma siirretty lokakuulle",
                    "{\"leaveYear\":2026,\"outcome\":\"answered\"}", now);
            history(c, id, before.version() + 1, now, "TRANSITIONED", "resolve", new String[][] {
                {"state", "OPEN", "RESOLVED"}, {"resolution", null, "Loma siirretty lokakuulle"},
                {"outcome", null, "answered"}});
            cancelTimer(c, id, FIRST_RESPONSE); // the clocks that counted until now; next response never ran
            cancelTimer(c, id, RESOLUTION);
        });
    }

    private void close(UUID id, long expectedVersion) {
        inTransaction(c -> {
            Row before = transitionReads(c, id, expectedVersion, false);
            Instant now = Instant.now();
            updateTicket(c, before, "CLOSED", before.assignee(), before.resolution(), before.fields(), now);
            update(c, INSERT_TIMELINE, ts(now), now.getNano() % 1000, "[]", "maija", "AGENT", ROLES,
                    "Closed after the answer was accepted.", "OTHER", "INTERNAL_NOTE", 0, id, before.version() + 1,
                    "INTERNAL", UUID.randomUUID());
            history(c, id, before.version() + 1, now, "TRANSITIONED", "close", new String[][] {
                {"state", "RESOLVED", "CLOSED"}});
            // no timer to cancel: every clock stopped at resolve, when its timer was cancelled
        });
    }

    /**
     * What Tiketti reads for a transition: the ticket, its type only when the transition sets fields
     * (resolve), never the requester here (no assurance guard, no notice to the requester), then the
     * history and timeline once for the SLA clocks before the change.
     */
    private Row transitionReads(Connection c, UUID id, long expectedVersion, boolean readsType) throws SQLException {
        Row row = ticket(c, id);
        if (row.version() != expectedVersion) {
            throw new IllegalStateException("ticket " + id + " is at version " + row.version() + ", not "
                    + expectedVersion);
        }
        if (readsType) {
            query(c, SELECT_TYPE, TikettiLifecycle.TYPE);
        }
        slaReads(c, id);
        return row;
    }

    /** The facade's SLA reads of a ticket before a change: history and timeline, reused for the clocks after it. */
    private static void slaReads(Connection c, UUID id) throws SQLException {
        query(c, SELECT_HISTORY, id);
        query(c, SELECT_TIMELINE, id);
    }

    /** One statement: inserts the timer, or re-arms it when its due changed (an unchanged due writes nothing). */
    private void scheduleTimer(Connection c, UUID id, String target, Instant due) throws SQLException {
        update(c, postgres ? SCHEDULE_TIMER_POSTGRESQL : SCHEDULE_TIMER_H2, SLA_KIND, id + target, ts(due),
                due.getNano() % 1000);
    }

    private void updateTicket(Connection c, Row before, String state, String assignee, String resolution,
                              String fields, Instant now) throws SQLException {
        int rows = update(c, UPDATE_TICKET, 1, state, null, "NORMAL", null, assignee, "hr", "EMAIL",
                "Vuosiloman siirto", resolution, fields, ts(now), now.getNano() % 1000, null, null,
                before.version() + 1, before.id(), before.version());
        if (rows != 1) {
            throw new IllegalStateException("concurrent update of ticket " + before.id());
        }
    }

    private void cancelTimer(Connection c, UUID id, String target) throws SQLException {
        query(c, postgres ? CANCEL_TIMER_POSTGRESQL : CANCEL_TIMER_H2, SLA_KIND, id + target);
    }

    private void history(Connection c, UUID id, long sequence, Instant now, String action, String transition,
                         String[][] changes) throws SQLException {
        update(c, INSERT_HISTORY, action, "maija", "AGENT", ROLES, ts(now), now.getNano() % 1000, transition,
                sequence, id);
        try (PreparedStatement ps = c.prepareStatement(INSERT_CHANGE)) {
            for (int i = 0; i < changes.length; i++) {
                bind(ps, changes[i][0], changes[i][1], changes[i][2], i, sequence, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private Row ticket(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_TICKET)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("ticket " + id + " not found");
                }
                consume(rs);
                Instant createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant()
                        .plusNanos(rs.getInt("created_at_nanos"));
                return new Row(id, rs.getLong("version"), createdAt, rs.getString("assignee"), rs.getString("resolution"),
                        rs.getString("custom_fields"));
            }
        }
    }

    @Override
    public boolean completed(String id) {
        return inTransaction(c -> {
            Row t = ticket(c, UUID.fromString(id));
            int history;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from tkt_history_entry where ticket_id=?")) {
                ps.setObject(1, UUID.fromString(id));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    history = rs.getInt(1);
                }
            }
            String state;
            try (PreparedStatement ps = c.prepareStatement("select state from tkt_ticket where id=?")) {
                ps.setObject(1, UUID.fromString(id));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    state = rs.getString(1);
                }
            }
            int timers;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from tkt_timer where subject like ?")) {
                ps.setString(1, id + "/%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    timers = rs.getInt(1);
                }
            }
            return state.equals("CLOSED") && t.version() == 4 && history == 4 && timers == 0;
        }, true);
    }

    @Override
    public void close() {
        // the pool belongs to BenchDatabase
    }

    // ------------------------------------------------------------------ JDBC plumbing

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private interface VoidWork {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(VoidWork work) {
        inTransaction(c -> {
            work.run(c);
            return null;
        }, false);
    }

    /**
     * One transaction. A read-only one is what Tiketti's {@code get} is outside a unit of work: the
     * store call runs in a short transaction of its own.
     */
    private <T> T inTransaction(Work<T> work, boolean readOnly) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("plain JDBC lifecycle failed", e);
        }
    }

    private static void query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consume(rs);
                }
            }
        }
    }

    private static void consume(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= n; i++) {
            rs.getObject(i);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, java.sql.Types.OTHER);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
