package dev.tiketti.examples.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wiring itself: the JDBC stores in {@code Ticketing.builder()}, one ticket opened and moved on. */
class CustomAdapterExampleTest {
    private JdbcConnectionPool database;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.fresh();
    }

    @AfterEach
    void dropDatabase() {
        TestDatabase.drop(database);
    }

    @Test
    void opensAndStartsATicketInTheHostsTablesAndRollsBackTheHostsFailedUnitOfWork() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new CustomAdapterExample(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(database, Clock.fixed(Instant.parse("2025-03-03T08:15:00Z"), ZoneOffset.UTC));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("Opened HR-1 [NEW]", "Started HR-1 [OPEN], version 2",
                "Close rolled back (the host's own step failed after the close): HR-1 is still [OPEN]");
        // Read from the tables, not through the store: the close left no row behind.
        assertThat(out).contains("  ticket HR-1 state=OPEN version=2 custom_fields="
                + "{\"leaveYear\":{\"kind\":\"number\",\"value\":\"2025\"}}, 2 history rows, 1 timeline row(s)");
    }
}
