package dev.tiketti.examples.adapter;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A host that keeps tickets in its own relational database through its own JDBC stores: wires
 * {@link JdbcStorage} ({@link JdbcTicketStore} and {@link JdbcDefinitionStore} on one
 * {@link JdbcTransactions}) into {@code Ticketing.builder()}, leaves every other slot to core's
 * in-memory stores, then opens a ticket and moves it on, and shows what landed in the host's
 * tables. Run it with
 * {@code ./mvnw -q -pl examples/custom-adapter -am compile exec:java}. People are invented.
 */
public final class CustomAdapterExample {
    /** An in-memory H2 database; {@code LOCK_TIMEOUT} lets threads opening tickets of one prefix queue (H2's default is 1 s). */
    static final String URL = "jdbc:h2:mem:custom-adapter;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    private final PrintStream out;

    CustomAdapterExample(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        JdbcConnectionPool dataSource = JdbcConnectionPool.create(URL, "sa", "");
        try {
            Schema.create(dataSource);
            new CustomAdapterExample(System.out).run(dataSource, Clock.systemUTC());
        } finally {
            dataSource.dispose();
        }
    }

    /** Wires the JDBC stores over {@code dataSource} (whose tables exist) and walks one ticket through. */
    void run(DataSource dataSource, Clock clock) {
        // tag::wiring[]
        JdbcStorage storage = new JdbcStorage(dataSource); // both stores on one JdbcTransactions
        Ticketing ticketing = Ticketing.builder()
                .storage(storage)             // tickets, definitions and their units of work
                .inMemory()                   // every slot the storage leaves empty: core's in-memory stores
                .clock(clock)
                .build();
        // end::wiring[]

        ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("hr-general")
                .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN").requires(Guard.actorHasRole("hr"))
                .transition("close").from("OPEN").to("CLOSED").requires(Guard.resolutionRequired())
                .build());
        ticketing.definitions().defineType(new TicketType("annual-leave", TeamId.of("hr"), "HR", "Annual leave question",
                "hr-general", List.of(FieldDefinition.number("leaveYear").required())));
        Contact aino = ticketing.privacy().register().save(
                Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.SUBSTANTIAL));

        Ticket ticket = ticketing.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Vuosiloman siirto", Channel.EMAIL)
                .body("Hei, voinko siirtää kesälomani elokuulle?")
                .field("leaveYear", 2025));
        out.println("Opened " + ticket.key() + " [" + ticket.state() + "]");
        Actor maija = Actor.agent("maija", "hr");
        ticket = ticketing.tickets().transition(TransitionRequest.of(ticket.id(), "start", maija));
        out.println("Started " + ticket.key() + " [" + ticket.state() + "], version " + ticket.version());

        // A unit of work of the host: both changes commit together, or neither does.
        Ticket started = ticket;
        try {
            storage.transactions().inTransaction(() -> {
                ticketing.tickets().transition(TransitionRequest.of(started.id(), "close", maija).resolution("Loma siirretty"));
                throw new IllegalStateException("the host's own step failed after the close");
            });
        } catch (IllegalStateException e) {
            out.println("Close rolled back (" + e.getMessage() + "): " + started.key() + " is still ["
                    + ticketing.tickets().find(started.id()).orElseThrow().state() + "]");
        }

        out.println("In the host's tables:");
        printRows(dataSource);
    }

    private void printRows(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT t.key_prefix, t.key_number, t.state, t.version, "
                     + "t.custom_fields, (SELECT COUNT(*) FROM ticket_history h WHERE h.ticket_id = t.id), "
                     + "(SELECT COUNT(*) FROM ticket_timeline e WHERE e.ticket_id = t.id) "
                     + "FROM ticket t ORDER BY t.key_prefix, t.key_number");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.println("  ticket " + rs.getString(1) + "-" + rs.getLong(2) + " state=" + rs.getString(3)
                        + " version=" + rs.getLong(4) + " custom_fields=" + rs.getString(5) + ", "
                        + rs.getLong(6) + " history rows, " + rs.getLong(7) + " timeline row(s)");
            }
        } catch (SQLException e) {
            throw JdbcTransactions.translate(e, "listing the example's tickets");
        }
    }
}
