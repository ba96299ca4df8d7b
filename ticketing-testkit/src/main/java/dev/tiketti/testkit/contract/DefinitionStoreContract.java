package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.ticket.FieldConstraint;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link DefinitionStore} adapters: extend it and implement
 * {@link #createStore()}. Checks that types are created or replaced and read back exactly, that
 * workflow versions are stored only as {@code latest + 1} (anything else is a
 * {@link ConcurrentUpdateException} that changes nothing), that published versions never change,
 * and that concurrent publishers cannot both win.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("DefinitionStore contract")
public abstract class DefinitionStoreContract {
    protected DefinitionStore store;

    /** A new, empty store; called before every test. */
    protected abstract DefinitionStore createStore();

    /** Called after every test with the store {@link #createStore()} returned; close resources here. */
    protected void disposeStore(DefinitionStore used) {
    }

    @BeforeEach
    void createStoreForTest() {
        store = createStore();
    }

    @AfterEach
    void disposeStoreAfterTest() {
        disposeStore(store);
    }

    /** A type using every field kind and constraint, so adapters must keep them all. */
    protected static TicketType annualLeave(String displayName) {
        return new TicketType("annual-leave", TeamId.of("hr"), "HR", displayName, "hr-general", List.of(
                FieldDefinition.number("leaveYear").required().min(2020).max(2100),
                FieldDefinition.number("daysRequested").with(new FieldConstraint.Min(new BigDecimal("0.5"))),
                FieldDefinition.text("employeeNumber").size(6, 6).pattern("[0-9]+"),
                FieldDefinition.choice("purpose", "loan", "rental", "other").required(),
                FieldDefinition.date("neededBy"),
                FieldDefinition.bool("urgent"),
                FieldDefinition.contact("substitute")));
    }

    /**
     * A workflow draft with every kind of guard and effect and a transition leaving two states,
     * published as {@code version}.
     */
    protected static WorkflowDefinition workflow(String id, int version, String closeNote) {
        return WorkflowDefinition.builder(id)
                .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
                .state("WAITING", StateCategory.WAITING).state("RESOLVED", StateCategory.RESOLVED)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN")
                    .requires(Guard.actorHasRole("hr"), Guard.requesterAssurance(AssuranceLevel.SUBSTANTIAL))
                    .then(Effect.assignToActor())
                .transition("wait").from("OPEN").to("WAITING")
                    .then(Effect.notify(Effect.Notify.Recipient.REQUESTER, "Tarvitsemme lisätietoja: {key}"))
                .transition("resume").from("WAITING").to("OPEN").then(Effect.assignTo("maija"))
                .transition("resolve").from("OPEN", "WAITING").to("RESOLVED")
                    .requires(Guard.resolutionRequired(), Guard.fieldRequired("purpose"), Guard.assigneeRequired())
                    .then(Effect.setField("purpose", "other"), Effect.unassign())
                .transition("close").from("RESOLVED").to("CLOSED").then(Effect.addNote(closeNote))
                .build().withVersion(version);
    }

    @Nested
    @DisplayName("ticket types")
    class Types {
        @Test
        @DisplayName("are read back equal to what was saved, with every field and constraint")
        void roundTrip() {
            TicketType type = annualLeave("Vuosilomakysymys");
            store.saveType(type);
            assertThat(store.findType("annual-leave")).contains(type);
            assertThat(store.types()).containsExactly(type);
        }

        @Test
        @DisplayName("are replaced by a save with the same id, and listed once")
        void replace() {
            store.saveType(annualLeave("Vanha nimi"));
            TicketType renamed = annualLeave("Uusi nimi");
            store.saveType(renamed);
            assertThat(store.findType("annual-leave")).contains(renamed);
            assertThat(store.types()).containsExactly(renamed);
        }

        @Test
        @DisplayName("are all listed, each once")
        void listAll() {
            TicketType a = annualLeave("Vuosiloma");
            TicketType b = new TicketType("invoice", TeamId.of("billing"), "LASKU", "Laskuvirhe", "billing",
                    List.of());
            store.saveType(a);
            store.saveType(b);
            assertThat(store.types()).containsExactlyInAnyOrder(a, b);
        }

        @Test
        @DisplayName("unknown ids are not found, and an empty store lists none")
        void unknown() {
            assertThat(store.types()).isNotNull().isEmpty();
            assertThat(store.findType("annual-leave")).isEmpty();
            store.saveType(annualLeave("Vuosiloma"));
            assertThat(store.findType("invoice")).isEmpty();
        }
    }

    @Nested
    @DisplayName("workflow versions")
    class Workflows {
        @Test
        @DisplayName("start at 1 and are read back equal, with every guard and effect")
        void firstVersion() {
            WorkflowDefinition v1 = workflow("hr-general", 1, "Suljettu");
            store.saveWorkflow(v1);
            assertThat(store.findWorkflow("hr-general", 1)).contains(v1);
            assertThat(store.latestWorkflow("hr-general")).contains(v1);
        }

        @Test
        @DisplayName("are kept side by side; the latest is the highest and older ones stay unchanged")
        void severalVersions() {
            WorkflowDefinition v1 = workflow("hr-general", 1, "Ensimmäinen");
            WorkflowDefinition v2 = workflow("hr-general", 2, "Toinen");
            WorkflowDefinition v3 = workflow("hr-general", 3, "Kolmas");
            store.saveWorkflow(v1);
            store.saveWorkflow(v2);
            store.saveWorkflow(v3);
            assertThat(store.findWorkflow("hr-general", 1)).contains(v1);
            assertThat(store.findWorkflow("hr-general", 2)).contains(v2);
            assertThat(store.findWorkflow("hr-general", 3)).contains(v3);
            assertThat(store.latestWorkflow("hr-general")).contains(v3);
        }

        @Test
        @DisplayName("of different ids are independent")
        void independentIds() {
            store.saveWorkflow(workflow("hr-general", 1, "HR"));
            store.saveWorkflow(workflow("billing", 1, "Laskutus"));
            store.saveWorkflow(workflow("billing", 2, "Laskutus 2"));
            assertThat(store.latestWorkflow("hr-general")).map(WorkflowDefinition::version).contains(1);
            assertThat(store.latestWorkflow("billing")).map(WorkflowDefinition::version).contains(2);
        }

        @Test
        @DisplayName("that are unknown are not found: unknown id, version 0, a version not yet stored")
        void unknown() {
            assertThat(store.latestWorkflow("hr-general")).isEmpty();
            assertThat(store.findWorkflow("hr-general", 1)).isEmpty();
            store.saveWorkflow(workflow("hr-general", 1, "HR"));
            assertThat(store.findWorkflow("hr-general", 0)).isEmpty();
            assertThat(store.findWorkflow("hr-general", 2)).isEmpty();
            assertThat(store.findWorkflow("hr-general", -1)).isEmpty();
            assertThat(store.latestWorkflow("billing")).isEmpty();
        }

        @Test
        @DisplayName("cannot be saved twice: a second version 1 fails with CONCURRENT_UPDATE and the first stays")
        void sameVersionTwice() {
            WorkflowDefinition v1 = workflow("hr-general", 1, "Alkuperäinen");
            store.saveWorkflow(v1);
            assertThatThrownBy(() -> store.saveWorkflow(workflow("hr-general", 1, "Korvaaja")))
                    .isInstanceOf(ConcurrentUpdateException.class)
                    .extracting(e -> ((TicketingException) e).code()).isEqualTo(ErrorCode.CONCURRENT_UPDATE);
            assertThat(store.findWorkflow("hr-general", 1)).contains(v1);
            assertThat(store.latestWorkflow("hr-general")).contains(v1);
        }

        @Test
        @DisplayName("cannot skip a version or start above 1, and a refused save stores nothing")
        void gaps() {
            assertThatThrownBy(() -> store.saveWorkflow(workflow("hr-general", 2, "Liian aikaisin")))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThat(store.latestWorkflow("hr-general")).isEmpty();
            store.saveWorkflow(workflow("hr-general", 1, "HR"));
            assertThatThrownBy(() -> store.saveWorkflow(workflow("hr-general", 3, "Hyppy")))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThat(store.findWorkflow("hr-general", 3)).isEmpty();
            assertThat(store.latestWorkflow("hr-general")).map(WorkflowDefinition::version).contains(1);
        }

        @Test
        @DisplayName("cannot be saved as a draft (version 0)")
        void draft() {
            assertThatThrownBy(() -> store.saveWorkflow(workflow("hr-general", 0, "Luonnos")))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThat(store.latestWorkflow("hr-general")).isEmpty();
        }
    }

    @Nested
    @DisplayName("under concurrent use")
    class Concurrency {
        @Test
        @DisplayName("lets exactly one of several racing publishers of the same next version win")
        void racingPublishers() throws Exception {
            store.saveWorkflow(workflow("hr-general", 1, "HR"));
            int threads = 8;
            AtomicInteger index = new AtomicInteger();
            ConcurrentLinkedQueue<WorkflowDefinition> winners = new ConcurrentLinkedQueue<>();
            AtomicInteger conflicts = new AtomicInteger();
            Concurrently.run(threads, () -> {
                WorkflowDefinition mine = workflow("hr-general", 2, "Versio " + index.incrementAndGet());
                try {
                    store.saveWorkflow(mine);
                    winners.add(mine);
                } catch (ConcurrentUpdateException e) {
                    conflicts.incrementAndGet();
                }
                return null;
            });
            assertThat(winners).hasSize(1);
            assertThat(conflicts).hasValue(threads - 1);
            assertThat(store.latestWorkflow("hr-general")).contains(winners.peek());
        }

        @Test
        @DisplayName("loses no version when publishers retry with the next number after a conflict")
        void retryingPublishers() throws Exception {
            int threads = 4;
            int perThread = 10;
            Concurrently.run(threads, () -> {
                for (int i = 0; i < perThread; i++) {
                    while (true) {
                        int next = store.latestWorkflow("hr-general").map(WorkflowDefinition::version).orElse(0) + 1;
                        try {
                            store.saveWorkflow(workflow("hr-general", next, "Versio " + next));
                            break;
                        } catch (ConcurrentUpdateException e) {
                            // someone else took that number: read again and retry
                        }
                    }
                }
                return null;
            });
            int total = threads * perThread;
            assertThat(store.latestWorkflow("hr-general")).map(WorkflowDefinition::version).contains(total);
            for (int v = 1; v <= total; v++) {
                assertThat(store.findWorkflow("hr-general", v)).as("version %d", v)
                        .contains(workflow("hr-general", v, "Versio " + v));
            }
        }
    }
}
