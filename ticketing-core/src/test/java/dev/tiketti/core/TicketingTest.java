package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.NotFoundException;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.common.TransitionRejectedException;
import dev.tiketti.core.common.ValidationException;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionOption;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.ticket.Visibility;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The facade end to end on the in-memory stores: what each call stores, records, sends and publishes. */
class TicketingTest {
    final Fixture f = new Fixture().withHrSetup();
    final Ticketing ticketing = f.ticketing;

    /** Everything observable about a ticket, to prove that a refused call changed nothing. */
    record Snapshot(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history, int events, int sent) {
    }

    Snapshot snapshot(Ticket t) {
        return new Snapshot(ticketing.tickets().get(t.id()), ticketing.tickets().timeline(t.id()), ticketing.tickets().history(t.id()),
                f.events.size(), f.outbox.sent().size());
    }

    @Nested
    @DisplayName("opening a ticket")
    class Opening {
        @Test
        void startsInTheInitialStateWithAKeyFromTheTypesPrefixAndAFirstHistoryEntry() {
            Ticket t = f.open();

            assertThat(t.key()).isEqualTo(new TicketKey("HR", 1));
            assertThat(t.state()).isEqualTo("NEW");
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.workflowId()).isEqualTo("hr-general");
            assertThat(t.workflowVersion()).isEqualTo(1);
            assertThat(t.team()).isEqualTo(Fixture.HR);
            assertThat(t.requester()).isEqualTo(f.requester.id());
            assertThat(t.createdAt()).isEqualTo(Fixture.START).isEqualTo(t.updatedAt());
            assertThat(t.fields().get("leaveYear")).contains(new BigDecimal("2025"));
            assertThat(ticketing.tickets().get(t.id())).isEqualTo(t);
            assertThat(ticketing.tickets().get(t.key())).isEqualTo(t);
            assertThat(ticketing.tickets().category(t)).isEqualTo(StateCategory.NEW);

            HistoryEntry created = ticketing.tickets().history(t.id()).get(0);
            assertThat(ticketing.tickets().history(t.id())).hasSize(1);
            assertThat(created.action()).isEqualTo(HistoryAction.CREATED);
            assertThat(created.sequence()).isEqualTo(1);
            assertThat(created.actor()).isEqualTo(Actor.system());
            assertThat(created.at()).isEqualTo(Fixture.START);
            assertThat(created.changes()).containsExactly(
                    FieldChange.of("state", null, "NEW"),
                    FieldChange.of("priority", null, Priority.NORMAL),
                    FieldChange.of("fields.leaveYear", null, "2025"));
        }

        @Test
        void keysFollowOneSequencePerPrefix() {
            ticketing.definitions().defineType(new TicketType("payslip", TeamId.of("payroll"), "PAY", "Payslip question",
                    "hr-general", List.of(FieldDefinition.text("decision"), FieldDefinition.text("outcome"))));
            Ticket hr1 = f.open();
            Ticket pay1 = ticketing.tickets().open(OpenTicket.of("payslip", f.requester.id(), "Palkkalaskelma", Channel.EMAIL));
            Ticket hr2 = f.open();

            assertThat(List.of(hr1.key(), pay1.key(), hr2.key())).extracting(TicketKey::toString)
                    .containsExactly("HR-1", "PAY-1", "HR-2");
            assertThat(pay1.team()).isEqualTo(TeamId.of("payroll"));
        }

        @Test
        void anEmailBodyBecomesAPublicInboundMessageOfTheRequester() {
            Ticket t = f.open();

            assertThat(ticketing.tickets().timeline(t.id())).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EntryKind.INBOUND_MESSAGE);
                assertThat(e.visibility()).isEqualTo(Visibility.PUBLIC);
                assertThat(e.author()).isEqualTo(Actor.contact(f.requester.id()));
                assertThat(e.channel()).isEqualTo(Channel.EMAIL);
                assertThat(e.body()).isEqualTo("Voinko siirtää kesälomani elokuulle?");
                assertThat(e.ticketId()).isEqualTo(t.id());
            });
        }

        @Test
        void aPhoneCallIsLoggedAsAnInternalCallByTheHandlerWhoTookIt() {
            Ticket t = ticketing.tickets().open(OpenTicket.of("annual-leave", f.requester.id(), "Soitto lomista", Channel.PHONE)
                    .body("Kysyi lomarahoista").field("leaveYear", 2025).by(f.maija)
                    .classification("Palvelussuhde/Vuosiloma").priority(Priority.HIGH).assignee(AgentId.of("maija")));

            assertThat(ticketing.tickets().timeline(t.id())).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EntryKind.PHONE_CALL);
                assertThat(e.visibility()).isEqualTo(Visibility.INTERNAL);
                assertThat(e.author()).isEqualTo(f.maija);
            });
            assertThat(t.classification()).contains(Classification.of("Palvelussuhde/Vuosiloma"));
            assertThat(t.priority()).isEqualTo(Priority.HIGH);
            assertThat(t.assignee()).contains(AgentId.of("maija"));
            assertThat(ticketing.tickets().history(t.id()).get(0).actor()).isEqualTo(f.maija);
            assertThat(ticketing.tickets().history(t.id()).get(0).changes()).contains(
                    FieldChange.of("assignee", null, "maija"),
                    FieldChange.of("classification", null, "Palvelussuhde/Vuosiloma"));
        }

        @Test
        void withoutABodyTheTimelineStartsEmpty() {
            Ticket t = ticketing.tickets().open(OpenTicket.of("annual-leave", f.requester.id(), "Loma", Channel.WEB_FORM)
                    .field("leaveYear", 2025));
            assertThat(ticketing.tickets().timeline(t.id())).isEmpty();
        }

        @Test
        void publishesTicketOpened() {
            Ticket t = f.open();
            assertThat(f.events).containsExactly(new TicketEvent.TicketOpened(t.id(), t.key(), Actor.system(),
                    Fixture.START, "annual-leave", "NEW"));
        }

        @Test
        void anUnknownTypeFailsListingTheDefinedTypesAndStoresNothing() {
            NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> ticketing.tickets().open(
                    OpenTicket.of("sick-leave", f.requester.id(), "Sairausloma", Channel.EMAIL)));

            assertThat(e.code()).isEqualTo(ErrorCode.TICKET_TYPE_NOT_FOUND);
            assertThat(e.getMessage()).contains("'sick-leave'", "[annual-leave]", "defineType");
            assertThat(ticketing.tickets().query(TicketQuery.all())).isEmpty();
            assertThat(f.events).isEmpty();
        }

        @Test
        void anUnknownRequesterFailsAndDrawsNoKey() {
            assertThatThrownBy(() -> ticketing.tickets().open(OpenTicket.of("annual-leave", ContactId.random(), "Loma",
                    Channel.EMAIL).field("leaveYear", 2025)))
                    .isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.CONTACT_NOT_FOUND))
                    .hasMessageContaining("privacy().register().save(");
            assertThat(f.open().key().number()).isEqualTo(1);
        }

        @Test
        void anUnpublishedWorkflowOfATypeIsReported() {
            Fixture bare = new Fixture();
            assertThatThrownBy(() -> bare.ticketing.definitions().defineType(Fixture.leaveType()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("workflow 'hr-general' is not published");
        }
    }

    @Nested
    @DisplayName("transitions")
    class Transitions {
        @Test
        void movesTheTicketAppliesEffectsAndRecordsOneHistoryEntry() {
            Ticket t = f.open();
            f.clock.advance(Duration.ofMinutes(5));

            Ticket started = f.take(t, "start", f.maija);

            assertThat(started.state()).isEqualTo("OPEN");
            assertThat(started.assignee()).contains(AgentId.of("maija"));
            assertThat(started.version()).isEqualTo(2);
            assertThat(started.updatedAt()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(5)));
            assertThat(ticketing.tickets().get(t.id())).isEqualTo(started);
            assertThat(ticketing.tickets().category(started)).isEqualTo(StateCategory.OPEN);
            HistoryEntry entry = ticketing.tickets().history(t.id()).get(1);
            assertThat(entry.action()).isEqualTo(HistoryAction.TRANSITIONED);
            assertThat(entry.transition()).contains("start");
            assertThat(entry.sequence()).isEqualTo(2);
            assertThat(entry.actor()).isEqualTo(f.maija);
            assertThat(entry.changes()).containsExactly(FieldChange.of("state", "NEW", "OPEN"),
                    FieldChange.of("assignee", null, "maija"));
            assertThat(f.events).last().isEqualTo(new TicketEvent.TicketTransitioned(t.id(), t.key(), f.maija,
                    started.updatedAt(), "start", "NEW", "OPEN"));
        }

        @Test
        void aResolutionAndFieldsGivenWithTheRequestSatisfyTheGuardsAndAreStored() {
            Ticket t = f.take(f.open(), "start", f.maija);

            Ticket resolved = ticketing.tickets().transition(TransitionRequest.of(t.id(), "resolve", f.maija)
                    .resolution("Loma siirretty elokuulle").field("decision", "approved"));

            assertThat(resolved.state()).isEqualTo("RESOLVED");
            assertThat(resolved.resolution()).contains("Loma siirretty elokuulle");
            assertThat(resolved.fields().get("decision")).contains("approved");
            assertThat(resolved.fields().get("outcome")).as("setField effect").contains("done");
            assertThat(ticketing.tickets().history(t.id())).last().satisfies(h -> assertThat(h.changes()).contains(
                    FieldChange.of("state", "OPEN", "RESOLVED"),
                    FieldChange.of("resolution", null, "Loma siirretty elokuulle"),
                    FieldChange.of("fields.decision", null, "approved"),
                    FieldChange.of("fields.outcome", null, "done")));
            assertThat(f.outbox.sent()).singleElement().satisfies(m -> {
                assertThat(m.to()).isEqualTo(new OutboundMessage.ToAgent(AgentId.of("maija")));
                assertThat(m.body()).isEqualTo("HR-1 resolved");
            });
        }

        @Test
        void aDeniedTransitionReportsEveryGuardsReasonInOrderAndChangesNothing() {
            Ticket t = f.take(f.open(), "start", f.maija);
            t = ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).unassign());
            Snapshot before = snapshot(t);

            TransitionRejectedException e = catchThrowableOfType(TransitionRejectedException.class,
                    () -> ticketing.tickets().transition(TransitionRequest.of(before.ticket().id(), "resolve", f.maija)));

            assertThat(e.code()).isEqualTo(ErrorCode.TRANSITION_DENIED);
            assertThat(e.reasons()).hasSize(3);
            assertThat(e.reasons().get(0)).contains("resolution is required");
            assertThat(e.reasons().get(1)).contains("field 'decision' must be filled in");
            assertThat(e.reasons().get(2)).contains("no handler");
            assertThat(e.getMessage()).startsWith("[TKT-0302]").contains("'resolve'", "HR-1");
            assertThat(snapshot(t)).isEqualTo(before);
        }

        @Test
        void aDeniedTransitionKeepsTheRequestsOwnInputsOutOfTheTicket() {
            Ticket t = f.take(f.open(), "start", f.maija);
            ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).unassign());
            Snapshot before = snapshot(t);

            assertThatThrownBy(() -> ticketing.tickets().transition(TransitionRequest.of(t.id(), "resolve", f.maija)
                    .resolution("Hoidettu").field("decision", "approved")))
                    .isInstanceOf(TransitionRejectedException.class)
                    .satisfies(e -> assertThat(((TransitionRejectedException) e).reasons()).singleElement()
                            .asString().contains("no handler"));
            assertThat(snapshot(t)).isEqualTo(before);
            assertThat(ticketing.tickets().get(t.id()).resolution()).isEmpty();
            assertThat(ticketing.tickets().get(t.id()).fields().has("decision")).isFalse();
        }

        @Test
        void roleAndAssuranceGuardsBothReport() {
            Ticket t = f.take(f.open(), "start", f.maija);
            Snapshot before = snapshot(t);

            TransitionRejectedException e = catchThrowableOfType(TransitionRejectedException.class,
                    () -> f.take(t, "escalate", f.maija));

            assertThat(e.reasons()).hasSize(2);
            assertThat(e.reasons().get(0)).contains("role 'hr-lead'", "agent:maija");
            assertThat(e.reasons().get(1)).contains("SUBSTANTIAL", "now LOW", "verify their identity");
            assertThat(e.getMessage()).doesNotContain("Aino", "example.fi");
            assertThat(snapshot(t)).isEqualTo(before);

            assertThatThrownBy(() -> f.take(t, "escalate", f.lead))
                    .isInstanceOf(TransitionRejectedException.class)
                    .satisfies(x -> assertThat(((TransitionRejectedException) x).reasons()).singleElement()
                            .asString().contains("SUBSTANTIAL"));
        }

        @Test
        void escalationAssignsANamedAgentAddsARenderedNoteAndNotifiesTheTeam() {
            ticketing.privacy().register().save(f.requester.withAssurance(AssuranceLevel.SUBSTANTIAL));
            Ticket t = f.take(f.open(), "start", f.maija);

            Ticket escalated = f.take(t, "escalate", f.lead);

            assertThat(escalated.state()).isEqualTo("OPEN");
            assertThat(escalated.assignee()).contains(AgentId.of("kaisa"));
            assertThat(ticketing.tickets().timeline(t.id())).last().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EntryKind.INTERNAL_NOTE);
                assertThat(e.visibility()).isEqualTo(Visibility.INTERNAL);
                assertThat(e.author()).isEqualTo(Actor.system());
                assertThat(e.body()).isEqualTo("Escalated on HR-1");
            });
            assertThat(f.outbox.sent()).singleElement().satisfies(m -> {
                assertThat(m.to()).isEqualTo(new OutboundMessage.ToTeam(Fixture.HR));
                assertThat(m.body()).isEqualTo("HR-1 escalated");
                assertThat(m.ticketKey()).isEqualTo(t.key());
            });
        }

        @Test
        void notifyingTheRequesterRendersTheTemplateAndUsesTheRegisteredAddresses() {
            Ticket t = f.take(f.take(f.open(), "start", f.maija), "ask", f.maija);

            assertThat(t.state()).isEqualTo("WAITING");
            assertThat(ticketing.tickets().category(t)).isEqualTo(StateCategory.WAITING);
            assertThat(f.outbox.sent()).singleElement().satisfies(m -> {
                assertThat(m.to()).isEqualTo(new OutboundMessage.ToContact(f.requester.id(),
                        List.of("aino.virtanen@example.fi")));
                assertThat(m.subject()).isEqualTo("[HR-1] Vuosiloman siirto");
                assertThat(m.body()).isEqualTo("About HR-1 (Vuosiloman siirto): please reply. State WAITING via ask.");
                assertThat(m.ticketId()).isEqualTo(t.id());
            });
        }

        @Test
        void placeholdersInTheSubjectAreNotExpanded() {
            Ticket t = ticketing.tickets().open(f.leaveRequest().body("x"));
            ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).subject("Miksi {state} ja {key}?"));
            f.take(f.take(t, "start", f.maija), "ask", f.maija);

            assertThat(f.outbox.sent()).singleElement().extracting(OutboundMessage::body)
                    .isEqualTo("About HR-1 (Miksi {state} ja {key}?): please reply. State WAITING via ask.");
        }

        @Test
        void unassignThenNotifyAssigneeFallsBackToTheTeam() {
            Ticket t = f.take(f.take(f.open(), "start", f.maija), "release", f.maija);

            assertThat(t.state()).isEqualTo("NEW");
            assertThat(t.assignee()).isEmpty();
            assertThat(f.outbox.sent()).singleElement()
                    .satisfies(m -> assertThat(m.to()).isEqualTo(new OutboundMessage.ToTeam(Fixture.HR)));
        }

        @Test
        void assigningToTheActorNeedsAnAgentAndSaysSo() {
            Ticket t = f.open();
            TransitionRejectedException e = catchThrowableOfType(TransitionRejectedException.class,
                    () -> f.take(t, "start", Actor.system()));

            assertThat(e.reasons()).hasSize(2);
            assertThat(e.reasons().get(0)).contains("role 'hr'");
            assertThat(e.reasons().get(1)).contains("assigns the ticket to whoever takes it", "system:system");
        }

        @Test
        void anUnknownTransitionNamesWhatIsAvailable() {
            Ticket t = f.open();
            TicketingException e = catchThrowableOfType(TicketingException.class, () -> f.take(t, "close", f.maija));

            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TRANSITION);
            assertThat(e.getMessage()).contains("'close'", "'NEW'", "HR-1", "[start]");
        }

        @Test
        void invalidFieldValuesInTheRequestFailValidationAndChangeNothing() {
            Ticket t = f.take(f.open(), "start", f.maija);
            Snapshot before = snapshot(t);

            ValidationException e = catchThrowableOfType(ValidationException.class, () -> ticketing.tickets().transition(
                    TransitionRequest.of(t.id(), "resolve", f.maija).resolution("ok").field("decision", 42)
                            .field("nonsense", "x")));

            assertThat(e.violations()).extracting(v -> v.field()).containsExactly("decision", "nonsense");
            assertThat(snapshot(t)).isEqualTo(before);
        }

        @Test
        void aStaleExpectedVersionIsRefusedBeforeAnythingElse() {
            Ticket t = f.take(f.open(), "start", f.maija);
            Snapshot before = snapshot(t);

            ConcurrentUpdateException e = catchThrowableOfType(ConcurrentUpdateException.class,
                    () -> ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", f.maija).expectedVersion(1)));

            assertThat(e.retryable()).isTrue();
            assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_UPDATE);
            assertThat(e.getMessage()).contains("HR-1", "version 2", "you had 1", "reload");
            assertThat(snapshot(t)).isEqualTo(before);
            assertThat(ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", f.maija).expectedVersion(2))
                    .version()).isEqualTo(3);
        }

        @Test
        void transitionsForListsEachWayOutWithWhetherTheActorMayTakeIt() {
            Ticket t = f.take(f.open(), "start", f.maija);

            List<TransitionOption> options = ticketing.tickets().transitionsFor(t.id(), f.maija);

            assertThat(options).extracting(TransitionOption::name)
                    .containsExactly("ask", "resolve", "escalate", "release");
            assertThat(options).filteredOn(TransitionOption::allowed).extracting(TransitionOption::name)
                    .containsExactly("ask", "release");
            assertThat(options.get(1).reasons()).hasSize(2);
            assertThat(options.get(1).to()).isEqualTo("RESOLVED");
        }

        @Test
        void aFullLifecycleEndsClosed() {
            Ticket t = f.take(f.open(), "start", f.maija);
            t = ticketing.tickets().transition(TransitionRequest.of(t.id(), "resolve", f.maija).resolution("Hoidettu")
                    .field("decision", "approved"));
            t = f.take(t, "close", f.maija);

            assertThat(ticketing.tickets().category(t)).isEqualTo(StateCategory.CLOSED);
            assertThat(ticketing.tickets().transitionsFor(t.id(), f.maija)).isEmpty();
            assertThat(ticketing.tickets().history(t.id())).extracting(HistoryEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
            assertThat(t.version()).isEqualTo(4);
        }
    }

    @Nested
    @DisplayName("updates")
    class Updates {
        @Test
        void anUpdateAtTheCurrentVersionIsStoredAndRecorded() {
            Ticket t = f.open();
            f.clock.advance(Duration.ofHours(1));

            Ticket updated = ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).expectedVersion(1)
                    .priority(Priority.URGENT).assignTo(AgentId.of("maija")).subject("Kesäloman siirto")
                    .classification("Palvelussuhde/Vuosiloma"));

            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.priority()).isEqualTo(Priority.URGENT);
            assertThat(updated.subject()).isEqualTo("Kesäloman siirto");
            assertThat(ticketing.tickets().get(t.id())).isEqualTo(updated);
            HistoryEntry h = ticketing.tickets().history(t.id()).get(1);
            assertThat(h.action()).isEqualTo(HistoryAction.UPDATED);
            assertThat(h.at()).isEqualTo(Fixture.START.plus(Duration.ofHours(1)));
            assertThat(h.changes()).containsExactly(
                    FieldChange.of("assignee", null, "maija"),
                    FieldChange.of("priority", "NORMAL", "URGENT"),
                    FieldChange.of("classification", null, "Palvelussuhde/Vuosiloma"),
                    FieldChange.of("subject", "Vuosiloman siirto", "Kesäloman siirto"));
            assertThat(f.events).last().isInstanceOf(TicketEvent.TicketUpdated.class)
                    .satisfies(e -> assertThat(((TicketEvent.TicketUpdated) e).changes()).isEqualTo(h.changes()));
        }

        @Test
        void aStaleVersionNeverOverwritesAnotherPersonsChange() {
            Ticket t = f.open();
            ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).expectedVersion(1).priority(Priority.HIGH));
            Snapshot before = snapshot(t);

            assertThatThrownBy(() -> ticketing.tickets().update(TicketUpdate.of(t.id(), f.lead).expectedVersion(1)
                    .priority(Priority.LOW)))
                    .isInstanceOf(ConcurrentUpdateException.class);

            assertThat(snapshot(t)).isEqualTo(before);
            assertThat(ticketing.tickets().get(t.id()).priority()).isEqualTo(Priority.HIGH);
        }

        @Test
        void anUpdateThatChangesNothingIsNotAChange() {
            Ticket t = f.open();
            Snapshot before = snapshot(t);

            Ticket same = ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).priority(Priority.NORMAL)
                    .field("leaveYear", 2025));

            assertThat(same).isEqualTo(t);
            assertThat(snapshot(t)).isEqualTo(before);
        }

        @Test
        void fieldsAreValidatedAndOptionalOnesCanBeCleared() {
            Ticket t = f.open();
            t = ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).field("decision", "pending"));
            assertThat(t.fields().get("decision")).contains("pending");

            t = ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).field("decision", null));
            assertThat(t.fields().has("decision")).isFalse();
            assertThat(ticketing.tickets().history(t.id())).last().satisfies(h -> assertThat(h.changes())
                    .containsExactly(FieldChange.of("fields.decision", "pending", null)));

            Snapshot before = snapshot(t);
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> ticketing.tickets().update(
                    TicketUpdate.of(before.ticket().id(), f.maija).field("leaveYear", null).priority(Priority.HIGH)));
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("leaveYear");
                assertThat(v.message()).contains("required", "cannot be cleared");
            });
            assertThat(snapshot(t)).isEqualTo(before);
        }

        @Test
        void unassigningIsAnUpdate() {
            Ticket t = f.take(f.open(), "start", f.maija);
            Ticket u = ticketing.tickets().update(TicketUpdate.of(t.id(), f.lead).unassign());
            assertThat(u.assignee()).isEmpty();
            assertThat(ticketing.tickets().history(t.id())).last().satisfies(h -> assertThat(h.changes())
                    .containsExactly(FieldChange.of("assignee", "maija", null)));
        }

        @Test
        void anUnknownTicketIsNotFound() {
            TicketId nowhere = TicketId.random();
            assertThatThrownBy(() -> ticketing.tickets().update(TicketUpdate.of(nowhere, f.maija).priority(Priority.LOW)))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(nowhere.toString());
            assertThatThrownBy(() -> ticketing.tickets().get(new TicketKey("HR", 99)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("HR-99");
            assertThat(ticketing.tickets().find(nowhere)).isEmpty();
        }
    }

    @Nested
    @DisplayName("the timeline")
    class Timeline {
        @Test
        void keepsEveryKindOfEntryInOrderWithItsVisibility() {
            Ticket t = f.open();
            f.clock.advance(Duration.ofMinutes(1));
            ticketing.tickets().addEntry(NewEntry.inbound(t.id(), Actor.contact(f.requester.id()), Channel.EMAIL, "Lisätietoa"));
            f.clock.advance(Duration.ofMinutes(1));
            ticketing.tickets().addEntry(NewEntry.note(t.id(), f.maija, "Tarkistetaan lomakirjanpidosta"));
            ticketing.tickets().addEntry(NewEntry.phoneCall(t.id(), f.maija, "Soitettu, sovittu siirrosta"));
            TimelineEntry reply = ticketing.tickets().addEntry(NewEntry.reply(t.id(), f.maija, "Loma on siirretty."));

            List<TimelineEntry> timeline = ticketing.tickets().timeline(t.id());
            assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(EntryKind.INBOUND_MESSAGE,
                    EntryKind.INBOUND_MESSAGE, EntryKind.INTERNAL_NOTE, EntryKind.PHONE_CALL, EntryKind.OUTBOUND_REPLY);
            assertThat(timeline).extracting(TimelineEntry::visibility).containsExactly(Visibility.PUBLIC,
                    Visibility.PUBLIC, Visibility.INTERNAL, Visibility.INTERNAL, Visibility.PUBLIC);
            assertThat(timeline.get(1).at()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(1)));
            assertThat(timeline).last().isEqualTo(reply);
            assertThat(reply.author()).isEqualTo(f.maija);

            assertThat(ticketing.tickets().history(t.id())).extracting(HistoryEntry::action).containsExactly(
                    HistoryAction.CREATED, HistoryAction.ENTRY_ADDED, HistoryAction.ENTRY_ADDED,
                    HistoryAction.ENTRY_ADDED, HistoryAction.ENTRY_ADDED);
            assertThat(ticketing.tickets().get(t.id()).version()).isEqualTo(5);
            assertThat(f.events).filteredOn(TicketEvent.EntryAdded.class::isInstance).hasSize(4);
        }

        @Test
        void onlyAPublicReplyIsSentToTheRequester() {
            Ticket t = f.open();
            ticketing.tickets().addEntry(NewEntry.note(t.id(), f.maija, "sisäinen"));
            ticketing.tickets().addEntry(NewEntry.reply(t.id(), f.maija, "luonnos").withVisibility(Visibility.INTERNAL));
            assertThat(f.outbox.sent()).isEmpty();

            ticketing.tickets().addEntry(NewEntry.reply(t.id(), f.maija, "Loma on siirretty."));

            assertThat(f.outbox.sent()).singleElement().satisfies(m -> {
                assertThat(m.to()).isEqualTo(new OutboundMessage.ToContact(f.requester.id(),
                        List.of("aino.virtanen@example.fi")));
                assertThat(m.subject()).isEqualTo("[HR-1] Vuosiloman siirto");
                assertThat(m.body()).isEqualTo("Loma on siirretty.");
            });
        }

        @Test
        void anInternalNoteCannotBeMadePublic() {
            Ticket t = f.open();
            assertThatThrownBy(() -> NewEntry.note(t.id(), f.maija, "x").withVisibility(Visibility.PUBLIC))
                    .isInstanceOf(TicketingException.class)
                    .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.INCONSISTENT_VALUE));
        }

        @Test
        void attachmentsAreStoredOnceAndReferencedFromEntries() {
            Ticket t = f.open();
            byte[] pdf = "%PDF-1.7 lomahakemus".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var ref = ticketing.attachments().store("hakemus.pdf", "application/pdf", pdf);
            var again = ticketing.attachments().store("kopio.pdf", "application/pdf", pdf);

            ticketing.tickets().addEntry(NewEntry.inbound(t.id(), Actor.contact(f.requester.id()), Channel.EMAIL, "liite")
                    .withAttachment(ref));

            assertThat(again.sha256()).isEqualTo(ref.sha256());
            assertThat(ref.size()).isEqualTo(pdf.length);
            assertThat(ticketing.attachments().content(ref)).hasValueSatisfying(b -> assertThat(b).isEqualTo(pdf));
            assertThat(ticketing.tickets().timeline(t.id())).last().satisfies(e -> assertThat(e.attachments()).containsExactly(ref));
            assertThatThrownBy(() -> ticketing.attachments().store(" ", "application/pdf", pdf))
                    .hasMessageContaining("attachment file name");
        }

        @Test
        void referencesToContentNeverStoredAreRefusedAndChangeNothing() {
            Ticket t = f.open();
            Snapshot before = snapshot(t);
            var ghost = new dev.tiketti.core.ticket.AttachmentRef("b".repeat(64), "x.pdf", "application/pdf", 1);

            assertThatThrownBy(() -> ticketing.tickets().addEntry(NewEntry.note(t.id(), f.maija, "liite").withAttachment(ghost)))
                    .isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.ATTACHMENT_NOT_FOUND))
                    .hasMessageContaining("b".repeat(64)).hasMessageContaining("attachments().store(");
            assertThat(snapshot(t)).isEqualTo(before);
            assertThatThrownBy(() -> ticketing.tickets().open(f.leaveRequest().attachment(ghost)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(ticketing.tickets().query(TicketQuery.all())).hasSize(1);
        }

        @Test
        void attachmentsWithoutABodyAreRefusedRatherThanDropped() {
            var ref = ticketing.attachments().store("a.pdf", "application/pdf", new byte[] {1, 2, 3});
            assertThatThrownBy(() -> ticketing.tickets().open(OpenTicket.of("annual-leave", f.requester.id(), "Liite",
                    Channel.WEB_FORM).field("leaveYear", 2025).attachment(ref)))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("body(");

            Ticket t = ticketing.tickets().open(OpenTicket.of("annual-leave", f.requester.id(), "Liite", Channel.WEB_FORM)
                    .field("leaveYear", 2025).attachment(ref).body("Hakemus liitteenä"));
            assertThat(ticketing.tickets().timeline(t.id())).singleElement()
                    .satisfies(e -> assertThat(e.attachments()).containsExactly(ref));
        }
    }

    @Nested
    @DisplayName("history and events")
    class HistoryAndEvents {
        @Test
        void historyIsInOrderWithSequenceEqualToVersionAndTimesFromTheClock() {
            Ticket t = f.open();
            for (int i = 0; i < 3; i++) {
                f.clock.advance(Duration.ofMinutes(10));
                ticketing.tickets().addEntry(NewEntry.note(t.id(), f.maija, "muistiinpano " + i));
            }
            f.clock.advance(Duration.ofMinutes(10));
            Ticket last = f.take(t, "start", f.maija);

            List<HistoryEntry> history = ticketing.tickets().history(t.id());
            assertThat(history).extracting(HistoryEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(history).extracting(HistoryEntry::at).isSorted();
            assertThat(history).last().satisfies(h -> {
                assertThat(h.sequence()).isEqualTo(last.version());
                assertThat(h.at()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(40)));
            });
            assertThat(history).allSatisfy(h -> assertThat(h.ticketId()).isEqualTo(t.id()));
        }

        @Test
        void listenersHearEveryChangeInOrder() {
            Ticket t = f.open();
            f.take(t, "start", f.maija);
            ticketing.tickets().addEntry(NewEntry.note(t.id(), f.maija, "x"));
            ticketing.tickets().update(TicketUpdate.of(t.id(), f.maija).priority(Priority.HIGH));

            assertThat(f.events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                    "TicketOpened", "TicketTransitioned", "EntryAdded", "TicketUpdated");
            assertThat(f.events).allSatisfy(e -> {
                assertThat(e.ticketId()).isEqualTo(t.id());
                assertThat(e.key()).isEqualTo(t.key());
            });
        }

        @Test
        void aFailingListenerOrTransportDoesNotUndoTheChangeAndOthersStillRun() {
            List<TicketEvent> heard = new java.util.ArrayList<>();
            Ticketing t = Ticketing.builder()
                    .outboundTransport(m -> {
                        throw new StorageUnavailableException("SMTP down", null);
                    })
                    .inMemory().clock(f.clock)
                    .listener(e -> {
                        throw new IllegalStateException("listener bug");
                    })
                    .listener(heard::add).build();
            Contact c = t.privacy().register().save(Contact.withEmail("Eero Mäkelä", "eero@example.com", AssuranceLevel.LOW));
            t.definitions().publishWorkflow(Fixture.hrWorkflow().build());
            t.definitions().defineType(Fixture.leaveType());
            Ticket opened = t.tickets().open(OpenTicket.of("annual-leave", c.id(), "Loma", Channel.EMAIL).field("leaveYear", 2025));

            t.tickets().addEntry(NewEntry.reply(opened.id(), f.maija, "Vastaus"));

            assertThat(t.tickets().timeline(opened.id())).hasSize(1);
            assertThat(t.tickets().get(opened.id()).version()).isEqualTo(2);
            assertThat(heard).hasSize(2);
        }
    }

    @Nested
    @DisplayName("queries")
    class Queries {
        @Test
        void everyCriterionFiltersAndResultsAreOrderedByKey() {
            ticketing.definitions().defineType(new TicketType("payslip", TeamId.of("payroll"), "PAY", "Payslip", "hr-general",
                    List.of(FieldDefinition.text("decision"), FieldDefinition.text("outcome"))));
            Contact other = ticketing.privacy().register().save(Contact.withEmail("Eero Mäkelä", "eero@example.com",
                    AssuranceLevel.LOW));
            Ticket pay = ticketing.tickets().open(OpenTicket.of("payslip", other.id(), "Palkka", Channel.EMAIL));
            Ticket a = ticketing.tickets().open(f.leaveRequest().classification("Palvelussuhde/Vuosiloma"));
            Ticket b = f.take(ticketing.tickets().open(f.leaveRequest().classification("Palvelussuhde/Sairausloma")),
                    "start", f.maija);
            Ticket c = ticketing.tickets().open(f.leaveRequest().classification("Palkka"));

            assertThat(keys(TicketQuery.all())).containsExactly("HR-1", "HR-2", "HR-3", "PAY-1");
            assertThat(keys(TicketQuery.all().team(Fixture.HR))).containsExactly("HR-1", "HR-2", "HR-3");
            assertThat(keys(TicketQuery.all().states(Set.of("OPEN")))).containsExactly("HR-2");
            assertThat(keys(TicketQuery.all().assignee(AgentId.of("maija")))).containsExactly("HR-2");
            assertThat(keys(TicketQuery.all().unassigned())).containsExactly("HR-1", "HR-3", "PAY-1");
            assertThat(keys(TicketQuery.all().type("payslip"))).containsExactly("PAY-1");
            assertThat(keys(TicketQuery.all().classifiedUnder(Classification.of("Palvelussuhde"))))
                    .containsExactly("HR-1", "HR-2");
            assertThat(keys(TicketQuery.all().classifiedUnder(Classification.of("Palvelussuhde/Vuosiloma"))))
                    .containsExactly("HR-1");
            assertThat(keys(TicketQuery.all().requester(other.id()))).containsExactly("PAY-1");
            assertThat(keys(TicketQuery.all().team(Fixture.HR).unassigned().states(Set.of("NEW")).limit(1)))
                    .containsExactly("HR-1");
            assertThat(List.of(pay, a, b, c)).extracting(Ticket::id).doesNotHaveDuplicates();
        }

        @Test
        void contradictoryOrEmptyQueriesAreRefused() {
            assertThatThrownBy(() -> new TicketQuery(Optional.empty(), Set.of(), Optional.of(AgentId.of("maija")),
                    true, Optional.empty(), Optional.empty(), Optional.empty(), 10))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("unassigned");
            assertThatThrownBy(() -> TicketQuery.all().limit(0))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("limit")
                    .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.INVALID_QUERY));
            assertThatThrownBy(() -> ticketing.tickets().query(null)).hasMessageContaining("query");
        }

        @Test
        @DisplayName("a work queue by state category spans workflows that name their states differently")
        void byStateCategory() {
            ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("it-support")
                    .state("Uusi", StateCategory.NEW).state("Tyon_alla", StateCategory.OPEN)
                    .state("Valmis", StateCategory.CLOSED)
                    .transition("aloita").from("Uusi").to("Tyon_alla")
                    .transition("valmis").from("Tyon_alla").to("Valmis").build());
            ticketing.definitions().defineType(new TicketType("laptop", TeamId.of("it"), "IT", "Laptop", "it-support", List.of()));
            Contact requester = ticketing.privacy().register().save(Contact.withEmail("Eero Mäkelä", "eero@example.com",
                    AssuranceLevel.LOW));
            Ticket it1 = ticketing.tickets().open(OpenTicket.of("laptop", requester.id(), "Kone", Channel.EMAIL));
            ticketing.tickets().open(f.leaveRequest());
            f.take(ticketing.tickets().open(f.leaveRequest()), "start", f.maija);
            Ticket it2 = ticketing.tickets().open(OpenTicket.of("laptop", requester.id(), "Näyttö", Channel.EMAIL));
            f.take(it2, "aloita", Actor.agent("maija", "it"));

            assertThat(keys(TicketQuery.all(), EnumSet.of(StateCategory.NEW))).containsExactly("HR-1", "IT-1");
            assertThat(keys(TicketQuery.all(), EnumSet.of(StateCategory.OPEN))).containsExactly("HR-2", "IT-2");
            assertThat(keys(TicketQuery.all().team(TeamId.of("it")), EnumSet.of(StateCategory.NEW, StateCategory.OPEN)))
                    .containsExactly("IT-1", "IT-2");
            assertThat(keys(TicketQuery.all().states(Set.of("OPEN")), EnumSet.of(StateCategory.OPEN, StateCategory.NEW)))
                    .as("names in the query narrow the categories").containsExactly("HR-2");
            assertThat(keys(TicketQuery.all().states(Set.of("Valmis")), EnumSet.of(StateCategory.OPEN)))
                    .as("no name left means no ticket, not every ticket").isEmpty();
            assertThat(keys(TicketQuery.all(), EnumSet.of(StateCategory.CLOSED))).isEmpty();
            // the requester's e-mail resolves to a contact id in the facade, the store never sees it
            ticketing.privacy().consents().registerPurpose(ConsentPurpose.of("customer-service", "Service requests"));
            ContactId byEmail = ticketing.privacy().access().findContactByEmail("eero@example.com", Actor.system(),
                    PurposeId.of("customer-service")).orElseThrow().id();
            assertThat(keys(TicketQuery.all().requester(byEmail), EnumSet.of(StateCategory.NEW)))
                    .containsExactly(it1.key().toString());
            assertThatThrownBy(() -> ticketing.tickets().query(TicketQuery.all(), Set.of()))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("at least one category");
        }

        @Test
        @DisplayName("a query by category refuses a state name that carries another category elsewhere")
        void ambiguousStateNameIsRefused() {
            ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("odotus")
                    .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.WAITING)
                    .state("CLOSED", StateCategory.CLOSED)
                    .transition("odota").from("NEW").to("OPEN")
                    .transition("sulje").from("OPEN").to("CLOSED").build());
            ticketing.definitions().defineType(new TicketType("odotus", TeamId.of("it"), "OD", "Odotus", "odotus", List.of()));
            ticketing.tickets().open(f.leaveRequest());

            assertThatThrownBy(() -> ticketing.tickets().query(TicketQuery.all(), EnumSet.of(StateCategory.OPEN)))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("'OPEN'")
                    .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.AMBIGUOUS_STATE_CATEGORY));
            assertThat(keys(TicketQuery.all(), EnumSet.of(StateCategory.NEW))).containsExactly("HR-1");
        }

        private List<String> keys(TicketQuery q, Set<StateCategory> categories) {
            return ticketing.tickets().query(q, categories).stream().map(t -> t.key().toString()).toList();
        }

        private List<String> keys(TicketQuery q) {
            return ticketing.tickets().query(q).stream().map(t -> t.key().toString()).toList();
        }
    }

    @Nested
    @DisplayName("workflow versions")
    class Versions {
        /** Version 2 renames OPEN to IN_PROGRESS and adds a guard to 'ask'. */
        WorkflowDefinition version2() {
            return WorkflowDefinition.builder("hr-general")
                    .state("NEW", StateCategory.NEW)
                    .state("IN_PROGRESS", StateCategory.OPEN)
                    .state("RESOLVED", StateCategory.RESOLVED)
                    .state("CLOSED", StateCategory.CLOSED)
                    .transition("start").from("NEW").to("IN_PROGRESS").requires(Guard.actorHasRole("hr"))
                    .transition("resolve").from("IN_PROGRESS").to("RESOLVED")
                        .requires(Guard.resolutionRequired(), Guard.actorHasRole("hr-lead"))
                    .transition("close").from("RESOLVED").to("CLOSED")
                    .build();
        }

        @Test
        void publishingAssignsTheNextVersionAndKeepsTheOldOne() {
            WorkflowDefinition v2 = ticketing.definitions().publishWorkflow(version2());

            assertThat(v2.version()).isEqualTo(2);
            assertThat(ticketing.definitions().workflow("hr-general")).contains(v2);
            assertThat(ticketing.definitions().workflow("hr-general", 1)).hasValueSatisfying(v1 -> {
                assertThat(v1.version()).isEqualTo(1);
                assertThat(v1.state("OPEN")).isPresent();
            });
        }

        @Test
        void openTicketsStayOnTheirVersionAndNewOnesStartOnTheLatest() {
            Ticket old = f.take(f.open(), "start", f.maija);
            ticketing.definitions().publishWorkflow(version2());
            Ticket fresh = f.take(f.open(), "start", f.maija);

            assertThat(fresh.workflowVersion()).isEqualTo(2);
            assertThat(fresh.state()).isEqualTo("IN_PROGRESS");
            Ticket stillOld = ticketing.tickets().transition(TransitionRequest.of(old.id(), "resolve", f.maija)
                    .resolution("ok").field("decision", "approved"));
            assertThat(stillOld.workflowVersion()).isEqualTo(1);
            assertThat(stillOld.state()).isEqualTo("RESOLVED");
            assertThat(ticketing.tickets().transitionsFor(fresh.id(), f.maija)).singleElement()
                    .satisfies(o -> assertThat(o.allowed()).isFalse());
        }

        @Test
        void upgradingMapsTheStateAndRecordsIt() {
            Ticket t = f.take(f.open(), "start", f.maija);
            ticketing.definitions().publishWorkflow(version2());
            f.clock.advance(Duration.ofDays(1));

            Ticket upgraded = ticketing.tickets().upgradeWorkflow(t.id(), Map.of("OPEN", "IN_PROGRESS"), f.lead);

            assertThat(upgraded.workflowVersion()).isEqualTo(2);
            assertThat(upgraded.state()).isEqualTo("IN_PROGRESS");
            assertThat(upgraded.version()).isEqualTo(t.version() + 1);
            assertThat(ticketing.tickets().history(t.id())).last().satisfies(h -> {
                assertThat(h.action()).isEqualTo(HistoryAction.WORKFLOW_UPGRADED);
                assertThat(h.actor()).isEqualTo(f.lead);
                assertThat(h.changes()).containsExactly(FieldChange.of("state", "OPEN", "IN_PROGRESS"),
                        FieldChange.of("workflowVersion", 1, 2));
            });
            assertThat(f.events).last().isEqualTo(new TicketEvent.WorkflowUpgraded(t.id(), t.key(), f.lead,
                    Fixture.START.plus(Duration.ofDays(1)), 1, 2));
            assertThat(ticketing.tickets().transitionsFor(t.id(), f.lead)).extracting(TransitionOption::name)
                    .containsExactly("resolve");
        }

        @Test
        void aStateMissingFromTheNewVersionFailsNamingItsStatesAndChangesNothing() {
            Ticket t = f.take(f.open(), "start", f.maija);
            ticketing.definitions().publishWorkflow(version2());
            Snapshot before = snapshot(t);

            TicketingException e = catchThrowableOfType(TicketingException.class,
                    () -> ticketing.tickets().upgradeWorkflow(t.id(), Map.of(), f.lead));

            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_STATE);
            assertThat(e.getMessage()).contains("'OPEN'", "version 2", "[NEW, IN_PROGRESS, RESOLVED, CLOSED]");
            assertThat(snapshot(t)).isEqualTo(before);
        }

        @Test
        void upgradingATicketAlreadyOnTheLatestVersionChangesNothing() {
            Ticket t = f.open();
            Snapshot before = snapshot(t);
            assertThat(ticketing.tickets().upgradeWorkflow(t.id(), Map.of(), f.lead)).isEqualTo(t);
            assertThat(snapshot(t)).isEqualTo(before);
        }

        @Test
        void anInvalidDraftIsNeverPublished() {
            WorkflowDefinition broken = WorkflowDefinition.builder("hr-other").state("NEW", StateCategory.NEW)
                    .state("LOST", StateCategory.OPEN).build();

            ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                    () -> ticketing.definitions().publishWorkflow(broken));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_WORKFLOW);
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("state 'LOST' is unreachable"));
            assertThat(ticketing.definitions().workflow("hr-other")).isEmpty();
            assertThat(ticketing.definitions().publishWorkflow(WorkflowDefinition.builder("hr-other")
                    .state("NEW", StateCategory.NEW).state("CLOSED", StateCategory.CLOSED)
                    .transition("close").from("NEW").to("CLOSED").build()).version())
                    .as("a refused draft uses up no version").isEqualTo(1);
        }

        @Test
        void aWorkflowThatNoLongerFitsItsTypesIsNotPublished() {
            WorkflowDefinition needsUnknownField = Fixture.hrWorkflow()
                    .transition("archive").from("CLOSED").to("CLOSED")
                    .requires(Guard.fieldRequired("archiveCode")).build();

            ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                    () -> ticketing.definitions().publishWorkflow(needsUnknownField));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_WORKFLOW);
            assertThat(e.problems()).singleElement().asString().contains("'archive'", "'archiveCode'", "'annual-leave'");
            assertThat(ticketing.definitions().workflow("hr-general")).hasValueSatisfying(w -> assertThat(w.version()).isEqualTo(1));
        }

        @Test
        void aTicketInAStateItsWorkflowDoesNotDeclareIsADocumentedError() {
            InMemoryTicketStore store = new InMemoryTicketStore();
            Fixture.MovingClock clock = new Fixture.MovingClock(Fixture.START);
            Ticketing t = Ticketing.builder().ticketStore(store).inMemory().clock(clock).build();
            t.definitions().publishWorkflow(Fixture.hrWorkflow().build());
            Ticket ghost = new Ticket(TicketId.random(), new TicketKey("HR", 7), "annual-leave", "hr-general", 1,
                    "LIMBO", Optional.empty(), Priority.NORMAL, ContactId.random(), Optional.empty(), Optional.empty(),
                    Fixture.HR, Channel.EMAIL, "x", Optional.empty(), dev.tiketti.core.ticket.CustomFields.empty(),
                    Fixture.START, Fixture.START, Optional.empty(), 1);
            store.create(ghost, List.of(), List.of());

            TicketingException e = catchThrowableOfType(TicketingException.class, () -> t.tickets().category(ghost));

            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_STATE);
            assertThat(e.getMessage()).contains("HR-7", "'LIMBO'", "'hr-general'", "restore");
        }
    }

    @Test
    void nullArgumentsAreRejectedWithTheParametersName() {
        assertMissing(() -> ticketing.tickets().open(null), "open-ticket request");
        assertMissing(() -> ticketing.tickets().transition(null), "transition request");
        assertMissing(() -> ticketing.tickets().update(null), "ticket update");
        assertMissing(() -> ticketing.tickets().addEntry(null), "entry");
        assertMissing(() -> ticketing.tickets().get((TicketId) null), "ticket id");
        assertMissing(() -> ticketing.tickets().get((TicketKey) null), "ticket key");
        assertMissing(() -> ticketing.tickets().category(null), "ticket");
        assertMissing(() -> ticketing.definitions().publishWorkflow(null), "workflow definition");
        assertMissing(() -> ticketing.definitions().defineType(null), "ticket type");
        assertMissing(() -> ticketing.definitions().workflow(" "), "workflow id");
        assertMissing(() -> ticketing.tickets().upgradeWorkflow(TicketId.random(), null, f.lead), "state mapping");
        assertMissing(() -> ticketing.tickets().transitionsFor(TicketId.random(), null), "actor");
    }

    static void assertMissing(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String name) {
        assertThatThrownBy(call).isInstanceOf(TicketingException.class)
                .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.ARGUMENT_MISSING))
                .hasMessageContaining(name);
    }
}
