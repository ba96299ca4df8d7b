package dev.tiketti.jpa;

import static dev.tiketti.jpa.testing.Fixtures.created;
import static dev.tiketti.jpa.testing.Fixtures.entry;
import static dev.tiketti.jpa.testing.Fixtures.note;
import static dev.tiketti.jpa.testing.Fixtures.ticket;
import static dev.tiketti.jpa.testing.Fixtures.transitioned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.jpa.testing.Databases;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Reads cost a fixed number of statements whatever the amount of data: no N+1. */
class JpaStatementCountTest {

    @Test
    void listing_tickets_and_reading_a_long_history_take_one_statement_each() throws ClassNotFoundException {
        DataSource ds = Databases.h2();
        JpaStorage.migrate(ds);
        PersistenceConfiguration unit = new PersistenceConfiguration("counted")
                .property("jakarta.persistence.nonJtaDataSource", ds)
                .property("hibernate.generate_statistics", true);
        for (String name : JpaStorage.managedClassNames()) {
            unit.managedClass(Class.forName(name));
        }
        try (EntityManagerFactory emf = unit.createEntityManagerFactory()) {
            TicketStore store = JpaStorage.of(emf).ticketStore();
            Ticket last = null;
            for (int i = 1; i <= 30; i++) {
                Ticket t = ticket("NPLUS", i)
                        .withSlaDue(Optional.of(Instant.parse("2025-03-03T12:00:00Z").plusSeconds(60L * i)));
                store.create(t, List.of(entry(t, "Viesti " + i)), List.of(created(t)));
                last = t;
            }
            Ticket t = last;
            for (int v = 1; v <= 20; v++) {
                Ticket next = t.withState(v % 2 == 0 ? "NEW" : "OPEN").nextVersion(t.updatedAt().plusSeconds(v));
                store.update(new TicketChange(next, t.version(), List.of(note(t, "Huomio " + v)),
                        List.of(transitioned(next, "toggle", t.state(), next.state()))));
                t = next;
            }
            Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();

            stats.clear();
            assertThat(store.query(TicketQuery.all().team(TeamId.of("hr")))).hasSizeGreaterThanOrEqualTo(30);
            assertThat(stats.getPrepareStatementCount()).as("query").isEqualTo(1);

            // a work-queue page with every criterion, after a cursor: still one statement
            stats.clear();
            TicketQuery page = TicketQuery.all().team(TeamId.of("hr")).states(java.util.Set.of("NEW", "OPEN"))
                    .unassigned().classifiedUnder(dev.tiketti.core.common.Classification.of("Palvelussuhde"))
                    .updatedSince(Instant.EPOCH).slaDueBefore(Instant.parse("2025-03-04T12:00:00Z"))
                    .after(new dev.tiketti.core.common.TicketKey("NPLUS", 10)).limit(10);
            List<Ticket> firstPage = store.query(page);
            assertThat(stats.getPrepareStatementCount()).as("query page").isEqualTo(1);
            assertThat(firstPage).extracting(x -> x.key().number()).containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
            stats.clear();
            assertThat(store.query(page.after(firstPage.get(9).key()))).hasSize(10);
            assertThat(stats.getPrepareStatementCount()).as("next query page").isEqualTo(1);

            stats.clear();
            List<dev.tiketti.core.ticket.HistoryEntry> history = store.history(t.id());
            assertThat(stats.getPrepareStatementCount()).as("history, entries joined with their changes").isEqualTo(1);
            assertThat(history).hasSize(21);
            assertThat(history.subList(1, 21)).allSatisfy(h -> assertThat(h.changes())
                    .extracting(dev.tiketti.core.ticket.FieldChange::field).containsExactly("state"));

            stats.clear();
            assertThat(store.timeline(t.id())).hasSize(21);
            assertThat(stats.getPrepareStatementCount()).as("timeline").isEqualTo(1);
        }
    }
}
