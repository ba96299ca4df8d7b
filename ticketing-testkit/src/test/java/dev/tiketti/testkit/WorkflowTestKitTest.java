package dev.tiketti.testkit;

import static dev.tiketti.testkit.EventKind.TRANSITIONED;
import static dev.tiketti.testkit.WorkflowTestKit.agent;
import static dev.tiketti.testkit.WorkflowTestKit.ticket;
import static dev.tiketti.testkit.WorkflowTestKit.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.ValidationException;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Effect.Notify.Recipient;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The harness on a host-like HR workflow: what a host's own test of its rules looks like. */
@DisplayName("WorkflowTestKit")
class WorkflowTestKitTest {

    /** An HR team's process, as a host would define it. */
    static WorkflowDefinition hrWorkflow() {
        return WorkflowDefinition.builder("hr-general")
                .state("NEW", StateCategory.NEW)
                .state("OPEN", StateCategory.OPEN)
                .state("WAITING_FOR_CUSTOMER", StateCategory.WAITING)
                .state("RESOLVED", StateCategory.RESOLVED)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN")
                    .requires(Guard.actorHasRole("hr")).then(Effect.assignToActor())
                .transition("ask-customer").from("OPEN").to("WAITING_FOR_CUSTOMER")
                    .then(Effect.notify(Recipient.REQUESTER, "Tarvitsemme lisätietoja asiaan {key}."))
                .transition("customer-replied").from("WAITING_FOR_CUSTOMER").to("OPEN")
                .transition("resolve").from("OPEN", "WAITING_FOR_CUSTOMER").to("RESOLVED")
                    .requires(Guard.resolutionRequired(), Guard.fieldRequired("leaveYear"))
                .transition("close").from("RESOLVED").to("CLOSED")
                .transition("reopen").from("RESOLVED", "CLOSED").to("OPEN")
                    .then(Effect.addNote("Avattu uudelleen: tarkista aiempi ratkaisu."), Effect.unassign())
                .transition("verify").from("NEW").to("OPEN")
                    .requires(Guard.requesterAssurance(AssuranceLevel.SUBSTANTIAL), Guard.actorHasRole("hr-lead"))
                    .then(Effect.setField("checked", "yes"))
                .build();
    }

    static TicketType annualLeave() {
        return new TicketType("annual-leave", TeamId.of("hr"), "HR", "Vuosilomakysymys", "hr-general", List.of(
                FieldDefinition.number("leaveYear").min(2020).max(2100),
                FieldDefinition.text("checked")));
    }

    private final MutableClock clock = MutableClock.at("2024-12-05T15:55:00+02:00[Europe/Helsinki]");
    private final WorkflowTestKit kit = WorkflowTestKit.of(hrWorkflow()).type(annualLeave()).clock(clock);

    @Nested
    @DisplayName("on the happy path")
    class HappyPath {
        @Test
        @DisplayName("takes a transition on the real engine and records exactly its event")
        void startsTicket() {
            kit.given(ticket().inState("NEW").classifiedAs("Palvelussuhde/Palkka").field("leaveYear", 2025))
                    .when(transition("start").by(agent("maija").withRoles("hr")))
                    .thenState("OPEN")
                    .thenAssignee("maija")
                    .thenEvents().containsExactly(TRANSITIONED);
        }

        @Test
        @DisplayName("records the history entry, with the pinned clock's time and the actor")
        void historyEntry() {
            TransitionResult result = kit.given(ticket())
                    .when(transition("start").by(agent("maija").withRoles("hr")));
            result.thenHistory().singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(HistoryAction.TRANSITIONED);
                assertThat(entry.transition()).contains("start");
                assertThat(entry.at()).isEqualTo(Instant.parse("2024-12-05T13:55:00Z"));
                assertThat(entry.actor().id()).isEqualTo("maija");
                assertThat(entry.sequence()).isEqualTo(result.ticket().version());
            });
            assertThat(result.events()).singleElement().isInstanceOfSatisfying(TicketEvent.TicketTransitioned.class,
                    e -> assertThat(e.from() + "->" + e.to()).isEqualTo("NEW->OPEN"));
        }

        @Test
        @DisplayName("stores the resolution and fields given with the request, and follows the clock between steps")
        void resolutionAndChaining() {
            TicketScenario scenario = kit.given(ticket().inState("OPEN").assignedTo("maija"));
            TransitionResult resolved = scenario.when(transition("resolve").by(agent("maija"))
                    .withResolution("Loma siirretty elokuulle").withField("leaveYear", 2025));
            resolved.thenState("RESOLVED").thenResolution("Loma siirretty elokuulle").thenField("leaveYear", 2025);
            clock.advance(Duration.ofDays(2));
            resolved.andWhen(transition("close").by(agent("maija"))).thenState("CLOSED")
                    .thenHistory().singleElement()
                    .satisfies(e -> assertThat(e.at()).isEqualTo(Instant.parse("2024-12-07T13:55:00Z")));
            assertThat(scenario.history()).extracting(h -> h.action())
                    .containsExactly(HistoryAction.CREATED, HistoryAction.UPDATED, HistoryAction.TRANSITIONED,
                            HistoryAction.TRANSITIONED);
        }

        @Test
        @DisplayName("shows the notifications and notes that effects produce")
        void effects() {
            TicketScenario scenario = kit.given(ticket().inState("OPEN"));
            scenario.when(transition("ask-customer").by(agent("maija")))
                    .thenState("WAITING_FOR_CUSTOMER")
                    .thenMessages().singleElement().satisfies(m -> {
                        assertThat(m.to()).isInstanceOf(OutboundMessage.ToContact.class);
                        assertThat(m.body()).startsWith("Tarvitsemme lisätietoja asiaan HR-")
                                .doesNotContain("{key}");
                    });
            kit.given(ticket().inState("CLOSED").assignedTo("maija").withResolution("Hoidettu"))
                    .when(transition("reopen").by(agent("pekka")))
                    .thenState("OPEN").thenUnassigned()
                    .thenTimeline().singleElement().satisfies(e -> {
                        assertThat(e.kind()).isEqualTo(EntryKind.INTERNAL_NOTE);
                        assertThat(e.body()).contains("Avattu uudelleen");
                    });
        }

        @Test
        @DisplayName("lets the requester act and honours a well-identified requester")
        void requesterActs() {
            kit.given(ticket().inState("WAITING_FOR_CUSTOMER"))
                    .when(transition("customer-replied").byRequester())
                    .thenState("OPEN")
                    .thenHistory().singleElement().satisfies(e -> assertThat(e.actor().kind().name()).isEqualTo("CONTACT"));
            kit.given(ticket().requesterIdentifiedAt(AssuranceLevel.HIGH))
                    .when(transition("verify").by(agent("leena").withRoles("hr-lead")))
                    .thenState("OPEN").thenField("checked", "yes");
        }
    }

    @Nested
    @DisplayName("on refusals")
    class Refusals {
        @Test
        @DisplayName("reports a refused transition with its reasons and proves nothing changed")
        void rejected() {
            kit.given(ticket().inState("OPEN").field("leaveYear", 2025))
                    .when(transition("resolve").by(agent("maija")))
                    .thenRejected().withReasonContaining("resolution").withReasonCount(1).andTicketUnchanged();
        }

        @Test
        @DisplayName("lists every refusing guard at once")
        void everyReason() {
            kit.given(ticket())
                    .when(transition("verify").by(agent("maija").withRoles("hr")))
                    .thenRejected()
                    .withReasonContaining("SUBSTANTIAL").withReasonContaining("hr-lead").withReasonCount(2)
                    .andTicketUnchanged();
        }

        @Test
        @DisplayName("reports a transition that does not leave the state with its error code")
        void unknownTransition() {
            kit.given(ticket().inState("NEW"))
                    .when(transition("close").by(agent("maija")))
                    .thenFailedWith(ErrorCode.UNKNOWN_TRANSITION).thenTicketUnchanged();
        }

        @Test
        @DisplayName("reports invalid field input as a validation failure")
        void invalidField() {
            kit.given(ticket().inState("OPEN"))
                    .when(transition("resolve").by(agent("maija")).withResolution("Hoidettu").withField("leaveYear", 1999))
                    .thenFailedWith(ErrorCode.VALIDATION_FAILED).thenTicketUnchanged();
        }

        @Test
        @DisplayName("fails a then-assertion that does not hold, with a message naming the transition")
        void assertionsCanFail() {
            TransitionResult taken = kit.given(ticket()).when(transition("start").by(agent("maija").withRoles("hr")));
            assertThatThrownBy(() -> taken.thenState("CLOSED")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("start").hasMessageContaining("CLOSED");
            assertThatThrownBy(taken::thenRejected).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("was taken");
            assertThatThrownBy(() -> taken.thenEvents().isEmpty()).isInstanceOf(AssertionError.class);

            TransitionResult refused = kit.given(ticket()).when(transition("start").by(agent("maija")));
            assertThatThrownBy(() -> refused.thenState("OPEN")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("role 'hr'");
            assertThatThrownBy(() -> refused.thenRejected().withReasonContaining("resolution"))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Nested
    @DisplayName("when arranging the ticket")
    class Arranging {
        @Test
        @DisplayName("puts it straight into the given state without running the path's guards, recording no events")
        void directPlacement() {
            TicketScenario scenario = kit.given(ticket().inState("RESOLVED").withResolution("Hoidettu"));
            assertThat(scenario.ticket().state()).isEqualTo("RESOLVED");
            assertThat(scenario.ticket().resolution()).contains("Hoidettu");
            assertThat(scenario.events()).isEmpty();
            assertThat(scenario.history()).extracting(h -> h.action())
                    .containsExactly(HistoryAction.CREATED, HistoryAction.UPDATED);
        }

        @Test
        @DisplayName("refuses a state the workflow does not have, listing the ones it has")
        void unknownState() {
            assertThatThrownBy(() -> kit.given(ticket().inState("ARCHIVED")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ARCHIVED").hasMessageContaining("WAITING_FOR_CUSTOMER");
        }

        @Test
        @DisplayName("validates given fields against the host's type")
        void fieldsValidated() {
            assertThatThrownBy(() -> kit.given(ticket().field("leaveYear", 1999)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("leaveYear");
        }

        @Test
        @DisplayName("keeps scenarios apart: each starts from empty stores")
        void isolated() {
            TicketScenario first = kit.given(ticket());
            TicketScenario second = kit.given(ticket());
            first.when(transition("start").by(agent("maija").withRoles("hr"))).thenState("OPEN");
            assertThat(second.ticket().state()).isEqualTo("NEW");
            assertThat(second.ticket().key()).isEqualTo(first.ticket().key()); // both HR-1 in their own world
        }

        @Test
        @DisplayName("defines a type of its own when the host gives none, with the fields in play")
        void defaultType() {
            WorkflowTestKit.of(hrWorkflow())
                    .given(ticket().inState("OPEN").field("leaveYear", 2025))
                    .when(transition("resolve").by(agent("maija")).withResolution("Valmis").withField("extra", "x"))
                    .thenState("RESOLVED").thenField("extra", "x").thenField("leaveYear", new BigDecimal("2025.0"));
        }

        @Test
        @DisplayName("refuses an invalid workflow at once, and a type of another workflow")
        void badConfiguration() {
            WorkflowDefinition broken = WorkflowDefinition.builder("broken")
                    .state("NEW", StateCategory.NEW).state("CLOSED", StateCategory.CLOSED).build();
            assertThatThrownBy(() -> WorkflowTestKit.of(broken)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("unreachable");
            TicketType other = new TicketType("invoice", TeamId.of("billing"), "LASKU", "Lasku", "billing", List.of());
            assertThatThrownBy(() -> kit.type(other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("billing").hasMessageContaining("hr-general");
        }
    }
}
