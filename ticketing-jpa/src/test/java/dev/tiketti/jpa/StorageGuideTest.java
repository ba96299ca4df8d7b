package dev.tiketti.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.Ticketing;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.jpa.testing.Databases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The code of docs/storage.md, run for real; the guide's snippets are kept equal to the tagged regions here. */
class StorageGuideTest {

    @Test
    void setup_snippet_runs_and_data_survives_a_restart_of_an_h2_file_database() {
        Path dir = Path.of("target", "storage-guide-" + System.nanoTime());
        for (int run = 1; run <= 2; run++) {
            RecordingOutboundTransport outbox = new RecordingOutboundTransport();
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("tiketti"));
            // tag::setup[]
            JpaStorage storage = JpaStorage.builder()
                    .dataSource(dataSource)       // H2 file or PostgreSQL; pooled in production
                    .migrate(true)                // apply pending migrations (Flyway) at start-up
                    .build();
            Ticketing ticketing = Ticketing.builder()
                    .ticketStore(storage.ticketStore())
                    .definitionStore(storage.definitionStore())
                    .attachmentStore(storage.attachmentStore())
                    .contactStore(storage.contactStore())
                    .organizationStore(storage.organizationStore())
                    .consentStore(storage.consentStore())
                    .consentRequestStore(storage.consentRequestStore())
                    .auditLog(storage.auditLog())
                    .timerStore(storage.timerStore())
                    .transactions(storage.transactions())
                    .outboundTransport(outbox)    // SMTP in production
                    .inMemory()                   // the erasure journal: keep yours apart from this database
                    .build();
            // end::setup[]
            try (storage) {
                if (run == 1) {
                    ticketing.privacy().consents().registerPurpose(ConsentPurpose.of("customer-service", "Service"));
                    Contact aino = ticketing.privacy().register().save(
                            Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW));
                    ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("hr-general")
                            .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
                            .state("CLOSED", StateCategory.CLOSED)
                            .transition("start").from("NEW").to("OPEN")
                            .transition("close").from("OPEN").to("CLOSED").build());
                    ticketing.definitions().defineType(new TicketType("annual-leave", TeamId.of("hr"), "HR", "Annual leave",
                            "hr-general", List.of(FieldDefinition.number("leaveYear"))));
                    Ticket t = ticketing.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Vuosiloman siirto",
                            Channel.EMAIL));
                    assertThat(t.key().toString()).isEqualTo("HR-1");
                } else {
                    // a new process: definitions and tickets came back from the file
                    assertThat(ticketing.definitions().types()).extracting(TicketType::id).containsExactly("annual-leave");
                    Ticket again = ticketing.tickets().get(dev.tiketti.core.common.TicketKey.parse("HR-1"));
                    assertThat(again.state()).isEqualTo("NEW");
                    assertThat(ticketing.privacy().access().findContactByEmail("AINO.VIRTANEN@example.fi",
                            Actor.system(), PurposeId.of("customer-service"))).map(Contact::id)
                            .contains(again.requester());
                    unitOfWork(storage, ticketing, again);
                    assertThat(ticketing.tickets().get(again.id()).version()).isEqualTo(3);
                }
            }
        }
    }

    private static void unitOfWork(JpaStorage storage, Ticketing ticketing, Ticket ticket) {
        // tag::unit-of-work[]
        storage.transactions().inTransaction(() -> {
            ticketing.tickets().transition(TransitionRequest.of(ticket.id(), "start", Actor.agent("maija", "hr")));
            ticketing.tickets().addEntry(NewEntry.note(ticket.id(), Actor.agent("maija", "hr"), "Soitettu takaisin"));
            return null; // both changes commit together, or neither does
        });
        // end::unit-of-work[]
    }

    /** A host that owns EntityManagers and transactions, like a JTA container or Spring would. */
    @Test
    void managed_mode_uses_the_hosts_entity_manager_and_transactions() {
        DataSource ds = Databases.h2();
        JpaStorage.migrate(ds);
        PersistenceConfiguration unit = new PersistenceConfiguration("host")
                .property("jakarta.persistence.nonJtaDataSource", ds);
        JpaStorage.managedClassNames().forEach(n -> {
            try {
                unit.managedClass(Class.forName(n));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        });
        try (EntityManagerFactory emf = unit.createEntityManagerFactory()) {
            ThreadLocal<EntityManager> hostEm = new ThreadLocal<>();
            Transactions hostTransactions = new Transactions() { // stands in for UserTransaction / TransactionTemplate
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    if (hostEm.get() != null) {
                        return work.get();
                    }
                    EntityManager em = emf.createEntityManager();
                    hostEm.set(em);
                    try {
                        em.getTransaction().begin();
                        T result = work.get();
                        em.getTransaction().commit();
                        return result;
                    } catch (RuntimeException e) {
                        if (em.getTransaction().isActive()) {
                            em.getTransaction().rollback();
                        }
                        throw e;
                    } finally {
                        hostEm.remove();
                        em.close();
                    }
                }
            };
            // tag::managed[]
            JpaStorage storage = JpaStorage.managed(
                    hostEm::get,        // the EntityManager of the transaction active on this thread
                    hostTransactions);  // runs work in (or joins) the host's transaction
            // end::managed[]
            long first = hostTransactions.inTransaction(() -> storage.ticketStore().nextNumber("HR"));
            RuntimeException boom = new IllegalStateException("host rolls back");
            try {
                hostTransactions.inTransaction(() -> {
                    storage.ticketStore().nextNumber("HR");
                    throw boom;
                });
            } catch (IllegalStateException expected) {
                // rolled back by the host
            }
            assertThat(first).isEqualTo(1);
            assertThat(hostTransactions.inTransaction(() -> storage.ticketStore().nextNumber("HR"))).isEqualTo(2);
        }
    }

    @Test
    void outbox_snippet_delivers_each_change_once_and_leaves_nothing_behind() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:storage-guide-outbox-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        java.util.List<dev.tiketti.core.event.TicketEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.tiketti.core.spi.EventListener listener = seen::add;
        try (JpaStorage storage = JpaStorage.builder().dataSource(dataSource).migrate(true).build()) {
            // tag::outbox[]
            Ticketing ticketing = Ticketing.builder()
                    .ticketStore(storage.ticketStore())
                    .definitionStore(storage.definitionStore())
                    .attachmentStore(storage.attachmentStore())
                    .contactStore(storage.contactStore())
                    .transactions(storage.transactions())
                    .outboxStore(storage.outboxStore())  // events and messages written with each change
                    .listener(listener)
                    .inMemory()
                    .build();
            ticketing.events().deliverPending();            // at start-up and periodically: what a stopped node left
            // end::outbox[]
            Contact aino = ticketing.privacy().register().save(
                    Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW));
            ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("hr-general")
                    .state("NEW", StateCategory.NEW).state("CLOSED", StateCategory.CLOSED)
                    .transition("close").from("NEW").to("CLOSED").build());
            ticketing.definitions().defineType(new TicketType("annual-leave", TeamId.of("hr"), "HR", "Annual leave question",
                    "hr-general", List.of()));
            ticketing.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Vuosiloman siirto", Channel.EMAIL));

            assertThat(seen).hasSize(1);
            assertThat(storage.outboxStore().pending()).isZero();
            assertThat(ticketing.events().deliverPending()).isZero();
        }
    }

    @Test
    void the_guide_shows_the_code_that_runs() throws IOException {
        String guide = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/storage.md"));
        String source = Files.readString(Path.of("src/test/java/dev/tiketti/jpa/StorageGuideTest.java"));
        for (String tag : List.of("setup", "unit-of-work", "managed", "outbox")) {
            Matcher inGuide = Pattern.compile("<!-- snippet:" + tag + "[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                    .matcher(guide);
            Matcher inSource = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\s*// end::" + tag + "\\[]",
                    Pattern.DOTALL).matcher(source);
            assertThat(inGuide.find()).as("docs/storage.md has snippet " + tag).isTrue();
            assertThat(inSource.find()).as("StorageGuideTest has region " + tag).isTrue();
            assertThat(dedent(inGuide.group(1))).as(tag).isEqualTo(dedent(inSource.group(1)));
        }
    }

    private static String dedent(String block) {
        String[] lines = block.stripTrailing().split("\n");
        int indent = Arrays.stream(lines).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
    }
}
