package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tiketti.core.inmemory.InMemoryStorage;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.Storage;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.testkit.contract.StorageContract.Capability;
import dev.tiketti.testkit.contract.StorageContract.ProvidesNo;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * How {@link StorageContract} treats what a storage lacks: a declared capability's group is not
 * generated (no failed, no skipped tests), an undeclared missing store skips its group with a
 * message that says how to declare it, and declaring lacking what the storage provides fails.
 */
@DisplayName("The Storage contract generates groups by declared capability")
class StorageContractCapabilitiesTest {

    private static Events run(Class<?> contractRun) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contractRun)).execute().testEvents();
    }

    /** The contract classes whose tests started: the top-level class that declares each test method. */
    private static Set<String> contractsRun(Events events) {
        return events.started().stream().map(Event::getTestDescriptor)
                .flatMap(d -> d.getSource().stream())
                .filter(MethodSource.class::isInstance)
                .map(s -> topLevel(((MethodSource) s).getJavaMethod().getDeclaringClass()).getSimpleName())
                .collect(Collectors.toSet());
    }

    private static Class<?> topLevel(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }

    private static Stream<String> reasons(Events aborted) {
        return aborted.stream().map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()
                .getMessage());
    }

    @Test
    @DisplayName("a storage of tickets and contacts that declares what it lacks runs only their contracts, none skipped or failed")
    void declaredLackingIsNotGenerated() {
        Events events = run(DeclaredRun.class);

        assertThat(contractsRun(events)).containsExactlyInAnyOrder("StorageContract", "TicketStoreContract",
                "DefinitionStoreContract", "ContactStoreContract");
        assertThat(events.failed().count()).isZero();
        assertThat(events.skipped().count()).isZero();
        assertThat(events.aborted().count()).isZero();
        assertThat(events.succeeded().count()).isPositive();
    }

    @Test
    @DisplayName("a store missing without a declaration skips its group, saying which accessor is empty and how to declare it")
    void undeclaredMissingIsSkippedWithAReason() {
        Events events = run(UndeclaredRun.class);

        assertThat(events.failed().count()).isZero();
        assertThat(events.aborted().count()).isPositive();
        assertThat(reasons(events.aborted()).distinct()).containsExactlyInAnyOrder(
                "Assumption failed: This storage provides no contact store: contacts() is empty. Declare it with"
                        + " @ProvidesNo(CONTACTS) on the StorageContract subclass, and this group is not generated.",
                "Assumption failed: This storage provides no units of work: transactions() is Transactions.none(),"
                        + " so its stores are atomic per call and there is no unit of work to roll back. Declare it with"
                        + " @ProvidesNo(UNITS_OF_WORK) on the StorageContract subclass, and this group is not generated.");
    }

    @Test
    @DisplayName("declaring lacking what the storage provides fails, naming the capability to remove")
    void overDeclaredFails() {
        Events events = run(OverDeclaredRun.class);

        assertThat(events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName())).containsExactly(
                "declares lacking only what its storage does not provide, so that every store it provides is checked");
        assertThat(events.failed().stream().map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .orElseThrow().getMessage())).singleElement().asString()
                .contains("OverDeclaredRun declares @ProvidesNo(CONTACTS)", "provides the contact store",
                        "Remove CONTACTS from @ProvidesNo");
        assertThat(contractsRun(events)).doesNotContain("ContactStoreContract");
    }

    /** Core's in-memory tickets, definitions and contacts, and nothing else. */
    static final class TicketsAndContacts implements Storage {
        private final InMemoryStorage all;
        private final boolean contacts;

        TicketsAndContacts(Clock clock, boolean contacts) {
            this.all = new InMemoryStorage(clock);
            this.contacts = contacts;
        }

        @Override
        public TicketStore tickets() {
            return all.tickets();
        }

        @Override
        public DefinitionStore definitions() {
            return all.definitions();
        }

        @Override
        public Optional<ContactStore> contacts() {
            return contacts ? all.contacts() : Optional.empty();
        }
    }

    @ProvidesNo({Capability.ATTACHMENTS, Capability.ORGANIZATIONS, Capability.CONSENTS, Capability.CONSENT_REQUESTS,
            Capability.AUDIT_LOG, Capability.TIMERS, Capability.OUTBOX, Capability.ERASURE_JOURNAL,
            Capability.IDEMPOTENCY, Capability.MAIL, Capability.UNITS_OF_WORK})
    static final class DeclaredRun extends StorageContract {
        @Override
        protected Storage createStorage(Clock clock) {
            return new TicketsAndContacts(clock, true);
        }
    }

    /** Declares all it lacks but contacts and units of work, which it lacks too. */
    @ProvidesNo({Capability.ATTACHMENTS, Capability.ORGANIZATIONS, Capability.CONSENTS, Capability.CONSENT_REQUESTS,
            Capability.AUDIT_LOG, Capability.TIMERS, Capability.OUTBOX, Capability.ERASURE_JOURNAL,
            Capability.IDEMPOTENCY, Capability.MAIL})
    static final class UndeclaredRun extends StorageContract {
        @Override
        protected Storage createStorage(Clock clock) {
            return new TicketsAndContacts(clock, false);
        }
    }

    @ProvidesNo({Capability.CONTACTS, Capability.ATTACHMENTS, Capability.ORGANIZATIONS, Capability.CONSENTS,
            Capability.CONSENT_REQUESTS, Capability.AUDIT_LOG, Capability.TIMERS, Capability.OUTBOX,
            Capability.ERASURE_JOURNAL, Capability.IDEMPOTENCY, Capability.MAIL, Capability.UNITS_OF_WORK})
    static final class OverDeclaredRun extends StorageContract {
        @Override
        protected Storage createStorage(Clock clock) {
            return new TicketsAndContacts(clock, true);
        }
    }
}
