package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.inmemory.InMemoryAttachmentStore;
import dev.tiketti.core.inmemory.InMemoryAuditLog;
import dev.tiketti.core.inmemory.InMemoryConsentStore;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.inmemory.InMemoryErasureJournal;
import dev.tiketti.core.inmemory.InMemoryOrganizationStore;
import dev.tiketti.core.inmemory.InMemoryStorage;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.spi.Storage;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The builder checks each option when set and the whole configuration at build(), reporting every problem. */
class TicketingBuilderTest {

    @Test
    void buildReportsEveryMissingSlotWithItsFix() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> Ticketing.builder().build());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.problems()).hasSize(10);
        assertThat(e.problems()).extracting(p -> p.substring(0, p.indexOf(' '))).containsExactly(
                "ticketStore", "definitionStore", "contactStore", "attachmentStore", "outboundTransport",
                "organizationStore", "consentStore", "auditLog", "erasureJournal", "consentRequestStore");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p).contains("is not set", "Ticketing.builder().",
                ".inMemory()"));
        assertThat(e.getMessage()).startsWith("[TKT-0503]").contains("ticketStore", "outboundTransport");
    }

    @Test
    void onlyTheMissingSlotsAreReported() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> Ticketing.builder()
                .ticketStore(new InMemoryTicketStore()).definitionStore(new InMemoryDefinitionStore())
                .contactStore(new InMemoryContactStore()).organizationStore(new InMemoryOrganizationStore())
                .consentStore(new InMemoryConsentStore()).auditLog(new InMemoryAuditLog())
                .erasureJournal(new InMemoryErasureJournal())
                .consentRequestStore(new dev.tiketti.core.inmemory.InMemoryConsentRequestStore()).build());

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).startsWith("attachmentStore is not set");
        assertThat(e.problems().get(1)).startsWith("outboundTransport is not set");
    }

    @Test
    void anOptionSetTwiceFailsAtOnceNamingIt() {
        TicketingBuilder b = Ticketing.builder().ticketStore(new InMemoryTicketStore());

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> b.ticketStore(new InMemoryTicketStore()));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).contains("ticketStore was already set", "explicitly", "InMemoryTicketStore",
                "set each option once");
        for (Supplier<TicketingBuilder> twice : List.<Supplier<TicketingBuilder>>of(
                () -> Ticketing.builder().clock(Clock.systemUTC()).clock(Clock.systemUTC()),
                () -> Ticketing.builder().transactions(Transactions.none()).transactions(Transactions.none()),
                () -> Ticketing.builder().outboundTransport(m -> { }).outboundTransport(m -> { }),
                () -> Ticketing.builder().definitionStore(new InMemoryDefinitionStore())
                        .definitionStore(new InMemoryDefinitionStore()),
                () -> Ticketing.builder().contactStore(new InMemoryContactStore())
                        .contactStore(new InMemoryContactStore()),
                () -> Ticketing.builder().attachmentStore(new InMemoryAttachmentStore())
                        .attachmentStore(new InMemoryAttachmentStore()))) {
            assertThatThrownBy(twice::get).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("already set");
        }
    }

    @Test
    void anAdapterSetExplicitlyWinsOverInMemoryAndTheStorageBundleWhateverTheOrder() {
        InMemoryDefinitionStore afterInMemory = new InMemoryDefinitionStore();
        Ticketing.builder().inMemory().definitionStore(afterInMemory).build().definitions()
                .publishWorkflow(Fixture.hrWorkflow().build());
        assertThat(afterInMemory.latestWorkflow("hr-general")).as("set after inMemory()").isPresent();

        InMemoryDefinitionStore beforeStorage = new InMemoryDefinitionStore();
        InMemoryStorage bundle = new InMemoryStorage(Clock.systemUTC());
        Ticketing.builder().definitionStore(beforeStorage).storage(bundle).inMemory().build().definitions()
                .publishWorkflow(Fixture.hrWorkflow().build());
        assertThat(beforeStorage.latestWorkflow("hr-general")).as("set before storage(...)").isPresent();
        assertThat(bundle.definitions().latestWorkflow("hr-general")).as("the bundle's store is not used").isEmpty();
    }

    @Test
    void theStorageBundleFillsWhatIsNotSetAndTheBuilderNamesWhatItLacks() {
        InMemoryStorage bundle = new InMemoryStorage(Clock.systemUTC());
        Ticketing.builder().storage(bundle).outboundTransport(new RecordingOutboundTransport()).build().definitions()
                .publishWorkflow(Fixture.hrWorkflow().build());
        assertThat(bundle.definitions().latestWorkflow("hr-general")).isPresent();

        Storage ticketsOnly = new Storage() {
            @Override
            public InMemoryTicketStore tickets() {
                return new InMemoryTicketStore();
            }

            @Override
            public InMemoryDefinitionStore definitions() {
                return new InMemoryDefinitionStore();
            }
        };
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> Ticketing.builder().storage(ticketsOnly).outboundTransport(new RecordingOutboundTransport())
                        .build());
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("contactStore is not set")
                .contains("provides none"));
        assertThat(e.problems()).noneSatisfy(p -> assertThat(p).startsWith("ticketStore"));
    }

    @Test
    void nullOptionsAreRejectedNamingTheSlot() {
        TicketingTest.assertMissing(() -> Ticketing.builder().ticketStore(null), "ticketStore");
        TicketingTest.assertMissing(() -> Ticketing.builder().clock(null), "clock");
        TicketingTest.assertMissing(() -> Ticketing.builder().outboundTransport(null), "outboundTransport");
        TicketingTest.assertMissing(() -> Ticketing.builder().transactions(null), "transactions");
        TicketingTest.assertMissing(() -> Ticketing.builder().listener(null), "listener");
    }

    @Test
    void explicitAdaptersAreUsedAndInMemoryFillsOnlyTheRest() {
        RecordingOutboundTransport outbox = new RecordingOutboundTransport();
        InMemoryTicketStore store = new InMemoryTicketStore();
        List<String> units = new ArrayList<>();
        Transactions counting = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                units.add("unit");
                return work.get();
            }
        };
        Fixture.MovingClock clock = new Fixture.MovingClock(Fixture.START);
        Ticketing t = Ticketing.builder().ticketStore(store).outboundTransport(outbox).transactions(counting)
                .inMemory().clock(clock).build();

        assertThat(t.clock()).isSameAs(clock);
        t.definitions().publishWorkflow(Fixture.hrWorkflow().build());
        t.definitions().defineType(Fixture.leaveType());
        var c = t.privacy().register().save(dev.tiketti.core.privacy.Contact.withEmail("Eero Mäkelä", "eero@example.com",
                dev.tiketti.core.privacy.AssuranceLevel.LOW));
        var opened = t.tickets().open(OpenTicket.of("annual-leave", c.id(), "Loma", Channel.EMAIL).field("leaveYear", 2025));
        t.tickets().addEntry(NewEntry.reply(opened.id(), Actor.agent("maija", "hr"), "Vastaus"));

        assertThat(store.find(opened.id())).isPresent();
        assertThat(outbox.sent()).hasSize(1);
        assertThat(units).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theDefaultClockIsTheSystemUtcClock() {
        assertThat(Ticketing.builder().inMemory().build().clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void aBuiltTicketingDoesNotChangeWhenItsBuilderIsReused() {
        TicketingBuilder b = Ticketing.builder().inMemory();
        Ticketing first = b.build();
        List<Object> heard = new ArrayList<>();
        b.listener(heard::add);
        Ticketing second = b.build();

        first.definitions().publishWorkflow(Fixture.hrWorkflow().build());
        first.definitions().defineType(Fixture.leaveType());
        var c = first.privacy().register().save(dev.tiketti.core.privacy.Contact.withEmail("Eero Mäkelä", "eero@example.com",
                dev.tiketti.core.privacy.AssuranceLevel.LOW));
        first.tickets().open(OpenTicket.of("annual-leave", c.id(), "Loma", Channel.EMAIL).field("leaveYear", 2025));
        assertThat(heard).as("a listener added later does not reach the Ticketing built before").isEmpty();

        second.tickets().open(OpenTicket.of("annual-leave", c.id(), "Loma", Channel.EMAIL).field("leaveYear", 2025));
        assertThat(heard).as("the two share the builder's stores").hasSize(1);
    }
}
