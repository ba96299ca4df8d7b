package dev.tiketti.jpa.internal;

import dev.tiketti.core.spi.AddressFailure;
import dev.tiketti.core.spi.ForgottenMail;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.MailboxState;
import dev.tiketti.core.spi.QuarantinedMail;
import dev.tiketti.core.spi.StoreProblems;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The mail channel's state on tables {@code tkt_mail_mailbox}, {@code tkt_mail_quarantine},
 * {@code tkt_mail_address_failure} and {@code tkt_mail_automatic}, in plain JDBC over the unit of
 * work's own connection, so every write commits or rolls back with it. The unique message key
 * decides a quarantine race (PostgreSQL: {@code ON CONFLICT DO NOTHING}, which waits for the other
 * unit; H2: the insert fails on the key after waiting, which H2 does without spoiling the
 * transaction), and failure marks are one upsert ({@code ON CONFLICT DO UPDATE}; H2's standard
 * {@code MERGE}, repeated once if a concurrent unit inserted the row first). Not API.
 */
public final class JpaMailStore implements MailStore {
    private static final String QUARANTINE_COLUMNS = "id, mailbox, message_key, received_at, reason_code, reason,"
            + " sender, raw_sha256, raw_size";

    private final EntityManagers ems;
    private final DatabaseKind database = new DatabaseKind();

    public JpaMailStore(EntityManagers ems) {
        this.ems = ems;
    }

    // ------------------------------------------------------------------ mailboxes

    @Override
    public Optional<MailboxState> mailbox(String mailbox) {
        Args.notBlank(mailbox, "mailbox");
        return ems.call("reading a mailbox state", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT uid_validity, highest_uid, updated_at FROM tkt_mail_mailbox WHERE mailbox = ?")) {
                s.setString(1, mailbox);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new MailboxState(mailbox, rs.getLong(1), rs.getLong(2),
                            instant(rs, 3))) : Optional.<MailboxState>empty();
                }
            }
        }));
    }

    @Override
    public void saveMailbox(MailboxState state) {
        Args.nonNull(state, "mailbox state");
        ems.call("saving a mailbox state", em -> Jdbc.on(em, c -> {
            String sql = database.isPostgres(c)
                    ? "INSERT INTO tkt_mail_mailbox (mailbox, uid_validity, highest_uid, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (mailbox) DO UPDATE SET uid_validity = EXCLUDED.uid_validity,"
                            + " highest_uid = EXCLUDED.highest_uid, updated_at = EXCLUDED.updated_at"
                    : "MERGE INTO tkt_mail_mailbox (mailbox, uid_validity, highest_uid, updated_at) KEY (mailbox)"
                            + " VALUES (?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, state.mailbox());
                s.setLong(2, state.uidValidity());
                s.setLong(3, state.highestUid());
                s.setObject(4, timestamp(state.updatedAt()));
                s.executeUpdate();
            }
            return null;
        }));
    }

    // ------------------------------------------------------------------ quarantine

    @Override
    public boolean quarantine(QuarantinedMail mail) {
        Args.nonNull(mail, "quarantined mail");
        return ems.call("quarantining a mail", em -> Jdbc.on(em, c -> {
            boolean postgres = database.isPostgres(c);
            String sql = "INSERT INTO tkt_mail_quarantine (" + QUARANTINE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + (postgres ? " ON CONFLICT (message_key) DO NOTHING" : "");
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, mail.id());
                s.setString(2, mail.mailbox());
                s.setString(3, mail.messageKey());
                s.setObject(4, timestamp(mail.receivedAt()));
                s.setString(5, mail.reasonCode());
                s.setString(6, mail.reason());
                if (mail.sender().isPresent()) {
                    s.setString(7, mail.sender().get());
                } else {
                    s.setNull(7, Types.VARCHAR);
                }
                s.setString(8, mail.rawSha256());
                s.setLong(9, mail.rawSize());
                return s.executeUpdate() == 1;
            } catch (SQLException e) {
                if (!Failures.isUniqueViolation(e)) {
                    throw e;
                }
                // PostgreSQL: only the id can clash (the key is ON CONFLICT). H2 waited for the unit
                // that inserted the clashing row, so a committed row with this key is visible now.
                if (!postgres && keyQuarantined(c, mail.messageKey())) {
                    return false;
                }
                throw StoreProblems.mailQuarantineIdTaken(mail.id(), e);
            }
        }));
    }

    private static boolean keyQuarantined(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM tkt_mail_quarantine WHERE message_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<QuarantinedMail> quarantined(UUID id) {
        Args.nonNull(id, "quarantined mail id");
        return ems.call("reading a quarantined mail", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + QUARANTINE_COLUMNS + " FROM tkt_mail_quarantine WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(quarantined(rs)) : Optional.<QuarantinedMail>empty();
                }
            }
        }));
    }

    @Override
    public List<QuarantinedMail> quarantined(String mailbox, int limit) {
        Args.notBlank(mailbox, "mailbox");
        if (limit < 1) {
            throw StoreProblems.mailListLimit(limit);
        }
        return ems.call("listing quarantined mail", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + QUARANTINE_COLUMNS + " FROM tkt_mail_quarantine"
                    + " WHERE mailbox = ? ORDER BY received_at, position LIMIT ?")) {
                s.setString(1, mailbox);
                s.setInt(2, limit);
                List<QuarantinedMail> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(quarantined(rs));
                    }
                }
                return List.copyOf(found);
            }
        }));
    }

    @Override
    public boolean release(UUID id) {
        Args.nonNull(id, "quarantined mail id");
        return ems.call("releasing a quarantined mail", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tkt_mail_quarantine WHERE id = ?")) {
                s.setObject(1, id);
                return s.executeUpdate() == 1;
            }
        }));
    }

    // ------------------------------------------------------------------ failing addresses

    @Override
    public void markFailing(String address, Instant at, String status) {
        Args.nonNull(at, "failed at");
        AddressFailure first = new AddressFailure(MailStore.address(address), at, at, 1, status); // validates
        ems.call("marking an address as failing", em -> Jdbc.on(em, c -> {
            // last_status first: its CASE compares with the stored last_failed_at, not the new one
            String update = " last_status = CASE WHEN %1$s.last_failed_at >= f.last_failed_at THEN %1$s.last_status"
                    + " ELSE f.last_status END, first_failed_at = LEAST(f.first_failed_at, %1$s.first_failed_at),"
                    + " last_failed_at = GREATEST(f.last_failed_at, %1$s.last_failed_at), failures = f.failures + 1";
            boolean postgres = database.isPostgres(c);
            String sql = postgres
                    ? "INSERT INTO tkt_mail_address_failure AS f (address, first_failed_at, last_failed_at, failures,"
                            + " last_status) VALUES (?, ?, ?, 1, ?) ON CONFLICT (address) DO UPDATE SET"
                            + update.formatted("EXCLUDED")
                    : "MERGE INTO tkt_mail_address_failure f USING (VALUES (CAST(? AS VARCHAR(320)),"
                            + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS TIMESTAMP(6) WITH TIME ZONE),"
                            + " CAST(? AS VARCHAR(32)))) AS n (address, first_failed_at, last_failed_at, last_status)"
                            + " ON f.address = n.address WHEN MATCHED THEN UPDATE SET" + update.formatted("n")
                            + " WHEN NOT MATCHED THEN INSERT (address, first_failed_at, last_failed_at, failures,"
                            + " last_status) VALUES (n.address, n.first_failed_at, n.last_failed_at, 1, n.last_status)";
            try {
                upsertFailure(c, sql, first);
            } catch (SQLException e) {
                if (postgres || !Failures.isUniqueViolation(e)) {
                    throw e;
                }
                upsertFailure(c, sql, first); // a concurrent unit inserted the row first: now it matches
            }
            return null;
        }));
    }

    private static void upsertFailure(Connection c, String sql, AddressFailure mark) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, mark.address());
            s.setObject(2, timestamp(mark.firstFailedAt()));
            s.setObject(3, timestamp(mark.lastFailedAt()));
            s.setString(4, mark.lastStatus());
            s.executeUpdate();
        }
    }

    @Override
    public Optional<AddressFailure> failure(String address) {
        String a = MailStore.address(address);
        return ems.call("reading an address failure", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT first_failed_at, last_failed_at, failures, last_status"
                    + " FROM tkt_mail_address_failure WHERE address = ?")) {
                s.setString(1, a);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new AddressFailure(a, instant(rs, 1), instant(rs, 2), rs.getInt(3),
                            rs.getString(4))) : Optional.<AddressFailure>empty();
                }
            }
        }));
    }

    @Override
    public boolean clearFailure(String address) {
        String a = MailStore.address(address);
        return ems.call("clearing an address failure", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tkt_mail_address_failure WHERE address = ?")) {
                s.setString(1, a);
                return s.executeUpdate() == 1;
            }
        }));
    }

    // ------------------------------------------------------------------ loop brake

    @Override
    public void recordAutomatic(String address, Instant at) {
        String a = MailStore.address(address);
        Args.nonNull(at, "sent at");
        ems.call("recording an automatic mail", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO tkt_mail_automatic (address, sent_at) VALUES (?, ?)")) {
                s.setString(1, a);
                s.setObject(2, timestamp(at));
                s.executeUpdate();
            }
            return null;
        }));
    }

    @Override
    public int countAutomatic(String address, Instant since) {
        String a = MailStore.address(address);
        Args.nonNull(since, "since");
        return ems.call("counting automatic mails", em -> Jdbc.on(em, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM tkt_mail_automatic WHERE address = ? AND sent_at >= ?")) {
                s.setString(1, a);
                s.setObject(2, timestamp(since));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }));
    }

    // ------------------------------------------------------------------ erasure and retention

    @Override
    public ForgottenMail forget(Collection<String> addresses) {
        Args.nonNull(addresses, "addresses");
        Set<String> gone = new LinkedHashSet<>();
        for (String a : addresses) {
            gone.add(MailStore.address(Args.nonNull(a, "address")));
        }
        if (gone.isEmpty()) {
            return ForgottenMail.nothing();
        }
        String in = " IN (" + String.join(", ", java.util.Collections.nCopies(gone.size(), "?")) + ")";
        return ems.call("forgetting mail addresses", em -> Jdbc.on(em, c -> {
            Map<UUID, String> rows = quarantineRows(c, "sender" + in, s -> bind(s, gone));
            List<String> digests = removeQuarantined(c, rows);
            int marks = delete(c, "DELETE FROM tkt_mail_address_failure WHERE address" + in, s -> bind(s, gone));
            int counts = delete(c, "DELETE FROM tkt_mail_automatic WHERE address" + in, s -> bind(s, gone));
            return new ForgottenMail(List.copyOf(rows.keySet()), digests, marks, counts);
        }));
    }

    @Override
    public ForgottenMail purgeBefore(Instant instant) {
        Args.nonNull(instant, "instant");
        OffsetDateTime cut = timestamp(instant);
        return ems.call("purging mail records", em -> Jdbc.on(em, c -> {
            Map<UUID, String> rows = quarantineRows(c, "received_at < ?", s -> s.setObject(1, cut));
            List<String> digests = removeQuarantined(c, rows);
            int marks = delete(c, "DELETE FROM tkt_mail_address_failure WHERE last_failed_at < ?", s -> s.setObject(1, cut));
            int counts = delete(c, "DELETE FROM tkt_mail_automatic WHERE sent_at < ?", s -> s.setObject(1, cut));
            return new ForgottenMail(List.copyOf(rows.keySet()), digests, marks, counts);
        }));
    }

    /** The ids and raw digests of the quarantine rows {@code where} selects, locked for the delete that follows. */
    private Map<UUID, String> quarantineRows(Connection c, String where, Binder binder) throws SQLException {
        Map<UUID, String> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, raw_sha256 FROM tkt_mail_quarantine WHERE " + where
                + " ORDER BY received_at, position FOR UPDATE")) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        return rows;
    }

    /** Deletes these rows; returns their digests that no remaining row refers to, once each. */
    private static List<String> removeQuarantined(Connection c, Map<UUID, String> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM tkt_mail_quarantine WHERE id = ?")) {
            for (UUID id : rows.keySet()) {
                s.setObject(1, id);
                s.addBatch();
            }
            s.executeBatch();
        }
        Set<String> digests = new LinkedHashSet<>(rows.values());
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM tkt_mail_quarantine WHERE raw_sha256 = ?")) {
            for (java.util.Iterator<String> it = digests.iterator(); it.hasNext(); ) {
                s.setString(1, it.next());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        it.remove(); // another message still needs these raw bytes
                    }
                }
            }
        }
        return List.copyOf(digests);
    }

    private static int delete(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Collection<String> values) throws SQLException {
        int i = 1;
        for (String v : values) {
            s.setString(i++, v);
        }
    }

    // ------------------------------------------------------------------ rows

    private static QuarantinedMail quarantined(ResultSet rs) throws SQLException {
        return new QuarantinedMail(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), instant(rs, 4),
                rs.getString(5), rs.getString(6), Optional.ofNullable(rs.getString(7)), rs.getString(8), rs.getLong(9));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(Instants.micros(instant), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

}
