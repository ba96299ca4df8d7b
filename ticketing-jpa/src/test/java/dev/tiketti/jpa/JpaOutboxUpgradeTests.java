package dev.tiketti.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.spi.OutboxDelivery;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.OutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V8 (per-recipient outbox deliveries) keeps what version 7 left in the outbox: an entry
 * written before the upgrade is claimed after it, with no delivery recorded (so it goes to every
 * listener, as before), and takes per-recipient deliveries from then on.
 */
abstract class JpaOutboxUpgradeTests {
    private static final Instant WRITTEN = Instant.parse("2026-11-30T09:15:00.123456Z");

    /** A new, empty database. */
    abstract DataSource dataSource();

    /** The schema's migration folder under db/tiketti/. */
    abstract String folder();

    @Test
    void an_entry_written_by_version_7_is_claimed_after_the_upgrade_and_then_tracked_per_recipient()
            throws SQLException {
        DataSource ds = dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/tiketti/" + folder()).table("tkt_schema_history")
                .target("7").load().migrate();
        String id = UUID.randomUUID().toString();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO tkt_outbox"
                + " (position, id, type, ticket_id, created_at, attempts, owner, held_until, payload)"
                + " VALUES (1000, ?, 'ticket.TicketOpened', NULL, ?, 1, 'node-v7', ?, ?)")) {
            s.setString(1, id);
            s.setObject(2, OffsetDateTime.ofInstant(WRITTEN, ZoneOffset.UTC));
            s.setObject(3, OffsetDateTime.ofInstant(WRITTEN, ZoneOffset.UTC)); // its lease ended long ago
            s.setString(4, "{\"format\":1,\"type\":\"ticket.TicketOpened\",\"data\":{}}");
            s.executeUpdate();
        }

        assertThat(JpaStorage.migrate(ds)).as("V8, V9 and V10").isEqualTo(3);

        try (JpaStorage storage = JpaStorage.builder().dataSource(ds).build()) {
            OutboxStore outbox = storage.outboxStore();
            assertThat(storage.transactions().inTransaction(outbox::pending)).isEqualTo(1);
            OutboxEntry claimed = storage.transactions().inTransaction(
                    () -> outbox.claim("node-v8", Duration.ofSeconds(30), 10)).get(0);
            assertThat(claimed.id()).isEqualTo(id);
            assertThat(claimed.createdAt()).isEqualTo(WRITTEN);
            assertThat(claimed.attempts()).isEqualTo(2);
            assertThat(claimed.deliveries()).as("none recorded by version 7: every listener gets it").isEmpty();

            OutboxDelivery slack = OutboxDelivery.failing("slack", 1, IllegalStateException.class.getName(),
                    Optional.empty(), WRITTEN, WRITTEN).dead();
            assertThat(storage.transactions().inTransaction(() -> outbox.reschedule(id,
                    List.of(OutboxDelivery.done("audit"), slack), Duration.ZERO))).isTrue();
            assertThat(storage.transactions().inTransaction(outbox::deadCount)).isEqualTo(1);
            assertThat(storage.transactions().inTransaction(outbox::pending)).as("parked").isZero();
            assertThat(storage.transactions().inTransaction(() -> outbox.dead(10))).singleElement()
                    .satisfies(e -> assertThat(e.deliveries()).containsExactlyInAnyOrder(OutboxDelivery.done("audit"),
                            slack));
        }
    }
}
