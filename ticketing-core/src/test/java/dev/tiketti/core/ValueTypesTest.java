package dev.tiketti.core;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.FieldViolation;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.FieldConstraint;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.ticket.Visibility;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.TransitionDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Ids and value types: parsing, formatting, and refusing bad input with the parameter's name. */
class ValueTypesTest {
    static final String SHA = "a".repeat(64);

    static void missing(ThrowingCallable call, String name) {
        TicketingTest.assertMissing(call, name);
    }

    /** Refused with the code whose fix applies (STYLE 19), and a message naming the value. */
    static void invalid(ErrorCode code, ThrowingCallable call, String... words) {
        assertThatThrownBy(call).isInstanceOf(TicketingException.class)
                .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(code))
                .hasMessageContainingAll(words);
    }

    @Test
    void uuidIdsParseTheirCanonicalFormAndRefuseAnythingElse() {
        UUID u = UUID.fromString("3f2c1a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f");
        assertThat(TicketId.of(u.toString())).isEqualTo(new TicketId(u));
        assertThat(ContactId.of(" " + u + " ").value()).isEqualTo(u);
        assertThat(OrganizationId.of(u.toString()).toString()).isEqualTo(u.toString());
        assertThat(TicketId.random()).isNotEqualTo(TicketId.random());

        missing(() -> new TicketId(null), "ticket id");
        missing(() -> TicketId.of(null), "ticket id");
        missing(() -> ContactId.of(" "), "contact id");
        missing(() -> new OrganizationId(null), "organization id");
        invalid(ErrorCode.INVALID_IDENTIFIER, () -> TicketId.of("HR-1"), "ticket id 'HR-1' is not a UUID");
        invalid(ErrorCode.INVALID_IDENTIFIER, () -> ContactId.of("not-a-uuid"), "contact id", "not a UUID");
        invalid(ErrorCode.INVALID_IDENTIFIER, () -> OrganizationId.of("12345"), "organization id");
    }

    @Test
    void nameIdsFollowTheMachineNameRules() {
        assertThat(TeamId.of("hr").toString()).isEqualTo("hr");
        assertThat(AgentId.of("maija.virtanen@example.fi").value()).isEqualTo("maija.virtanen@example.fi");
        missing(() -> TeamId.of(null), "team id");
        missing(() -> AgentId.of(""), "agent id");
        invalid(ErrorCode.INVALID_IDENTIFIER, () -> TeamId.of("h r"), "team id 'h r' is invalid");
    }

    @Test
    void ticketKeysFormatAndParseBothWays() {
        TicketKey key = TicketKey.parse("HR-1042");
        assertThat(key).isEqualTo(new TicketKey("HR", 1042));
        assertThat(key.toString()).isEqualTo("HR-1042");
        assertThat(TicketKey.parse("A1B2-9")).isEqualTo(new TicketKey("A1B2", 9));
    }

    @Test
    void ticketKeysRefuseAnythingTheyWouldNotPrintThemselves() {
        for (String bad : List.of("HR-007", "HR-0", "HR--5", "HR-+5", "hr-1", "HR1", "HR-", "-1", "HR-1 ", " HR-1",
                "HR-1x", "HR_1", "ABCDEFGHIJK-1", "1HR-1")) {
            invalid(ErrorCode.MALFORMED_TICKET_KEY, () -> TicketKey.parse(bad), "'" + bad + "' is not a ticket key", "HR-1042");
        }
        invalid(ErrorCode.MALFORMED_TICKET_KEY, () -> TicketKey.parse("HR-99999999999999999999"), "too large");
        missing(() -> TicketKey.parse(null), "ticket key");
        missing(() -> TicketKey.parse(""), "ticket key");
        missing(() -> new TicketKey(null, 1), "ticket key prefix");
        invalid(ErrorCode.MALFORMED_TICKET_KEY, () -> new TicketKey("hr", 1), "prefix 'hr'");
        invalid(ErrorCode.MALFORMED_TICKET_KEY, () -> new TicketKey("HR", 0), "positive");
    }

    @Test
    void everyKeyParsesBackFromItsText() {
        // prefixes of 1-10 upper-case letters; numbers from 1 to Long.MAX_VALUE (QuickTheories tries both ends)
        qt(1000).forAll(strings().betweenCodePoints('A', 'Z').ofLengthBetween(1, 10),
                        longs().between(1, Long.MAX_VALUE))
                .checkAssert((prefix, number) -> {
                    TicketKey key = new TicketKey(prefix, number);
                    assertThat(TicketKey.parse(key.toString())).isEqualTo(key);
                });
    }

    @Test
    void leadingZerosAreNeverAccepted() {
        qt(1000).forAll(longs().between(0, 1_000_000))
                .checkAssert(number -> invalid(ErrorCode.MALFORMED_TICKET_KEY, () -> TicketKey.parse("HR-0" + number), "not a ticket key"));
    }

    @Test
    void classificationsAreSlashSeparatedPaths() {
        Classification c = Classification.of(" Palvelussuhde / Vuosiloma ");
        assertThat(c.segments()).containsExactly("Palvelussuhde", "Vuosiloma");
        assertThat(c.path()).isEqualTo("Palvelussuhde/Vuosiloma").isEqualTo(c.toString());
        assertThat(c.startsWith(Classification.of("Palvelussuhde"))).isTrue();
        assertThat(c.startsWith(c)).isTrue();
        assertThat(Classification.of("Palvelussuhde").startsWith(c)).isFalse();
        assertThat(Classification.of("Palvelu").startsWith(Classification.of("Palvelussuhde"))).isFalse();

        missing(() -> Classification.of(null), "classification path");
        missing(() -> Classification.of("  "), "classification path");
        missing(() -> Classification.of("A//B"), "classification segment");
        missing(() -> Classification.of("A/"), "classification segment");
        missing(() -> Classification.of("/A"), "classification segment");
        missing(() -> new Classification(null), "classification segments");
        missing(() -> new Classification(List.of()), "at least one segment");
        missing(() -> new Classification(Arrays.asList("A", null)), "classification segment");
        invalid(ErrorCode.INVALID_CLASSIFICATION, () -> new Classification(List.of("A/B")), "'A/B' contains '/'", "Classification.of");
    }

    @Test
    void actorsCarryKindIdAndRoles() {
        Actor maija = Actor.agent("maija", "hr", "hr-lead", "hr");
        assertThat(maija.roles()).containsExactlyInAnyOrder("hr", "hr-lead");
        assertThat(maija.hasRole("hr-lead")).isTrue();
        assertThat(maija.hasRole("payroll")).isFalse();
        assertThat(maija.agentId()).contains(AgentId.of("maija"));
        assertThat(maija.toString()).isEqualTo("agent:maija");
        ContactId c = ContactId.random();
        assertThat(Actor.contact(c).agentId()).isEmpty();
        assertThat(Actor.contact(c).toString()).isEqualTo("contact:" + c);
        assertThat(Actor.system().kind()).isEqualTo(Actor.Kind.SYSTEM);

        missing(() -> Actor.agent(null), "actor id");
        missing(() -> Actor.agent("maija", (String[]) null), "roles");
        missing(() -> Actor.agent("maija", "hr", null), "role");
        missing(() -> Actor.agent("maija", " "), "role");
        missing(() -> Actor.contact(null), "contact id");
        missing(() -> new Actor(null, "x", Set.of()), "actor kind");
        missing(() -> new Actor(Actor.Kind.AGENT, "x", null), "roles");
    }

    @Test
    void attachmentReferencesNeedADigestANameAndAType() {
        assertThat(new AttachmentRef(SHA, "a.pdf", "application/pdf", 3).size()).isEqualTo(3);
        invalid(ErrorCode.INVALID_IDENTIFIER, () -> new AttachmentRef("ABC", "a.pdf", "application/pdf", 3), "SHA-256");
        invalid(ErrorCode.INVALID_IDENTIFIER, () -> new AttachmentRef(null, "a.pdf", "application/pdf", 3), "SHA-256");
        missing(() -> new AttachmentRef(SHA, " ", "application/pdf", 3), "attachment file name");
        missing(() -> new AttachmentRef(SHA, "a.pdf", null, 3), "attachment media type");
        invalid(ErrorCode.INCONSISTENT_VALUE, () -> new AttachmentRef(SHA, "a.pdf", "application/pdf", -1), "negative");
    }

    @Test
    void requestsRejectMissingPartsByName() {
        TicketId id = TicketId.random();
        ContactId c = ContactId.random();
        Actor a = Actor.system();
        missing(() -> OpenTicket.of(" ", c, "s", Channel.EMAIL), "ticket type");
        missing(() -> OpenTicket.of("t", null, "s", Channel.EMAIL), "requester");
        missing(() -> OpenTicket.of("t", c, "", Channel.EMAIL), "subject");
        missing(() -> OpenTicket.of("t", c, "s", null), "channel");
        missing(() -> OpenTicket.of("t", c, "s", Channel.EMAIL).body(" "), "body");
        missing(() -> OpenTicket.of("t", c, "s", Channel.EMAIL).field(null, 1), "field name");
        missing(() -> OpenTicket.of("t", c, "s", Channel.EMAIL).priority(null), "priority");
        missing(() -> OpenTicket.of("t", c, "s", Channel.EMAIL).by(null), "actor");
        missing(() -> OpenTicket.of("t", c, "s", Channel.EMAIL).attachment(null), "attachment");
        missing(() -> TransitionRequest.of(null, "start", a), "ticket id");
        missing(() -> TransitionRequest.of(id, " ", a), "transition name");
        missing(() -> TransitionRequest.of(id, "start", null), "actor");
        missing(() -> TransitionRequest.of(id, "start", a).resolution(""), "resolution");
        missing(() -> TicketUpdate.of(null, a), "ticket id");
        missing(() -> TicketUpdate.of(id, a).assignTo(null), "agent");
        missing(() -> TicketUpdate.of(id, a).subject(" "), "subject");
        missing(() -> NewEntry.note(id, a, " "), "body");
        missing(() -> NewEntry.note(null, a, "x"), "ticket id");
        missing(() -> NewEntry.reply(id, null, "x"), "author");
        missing(() -> NewEntry.note(id, a, "x").withAttachment(null), "attachment");
    }

    @Test
    void requestsCopyWhatTheyAreGiven() {
        OpenTicket r = OpenTicket.of("t", ContactId.random(), "s", Channel.EMAIL).field("a", 1).field("b", null);
        assertThat(r.fields()).containsEntry("a", 1).containsEntry("b", null);
        assertThatThrownBy(() -> r.fields().put("c", 2)).isInstanceOf(UnsupportedOperationException.class);
        TransitionRequest t = TransitionRequest.of(TicketId.random(), "x", Actor.system()).expectedVersion(4);
        assertThat(t.expectedVersion()).hasValue(4);
    }

    @Test
    void domainRecordsRefuseNullsAndImpossibleNumbersByName() {
        TicketId id = TicketId.random();
        Instant now = Instant.parse("2025-03-03T08:00:00Z");
        missing(() -> FieldChange.of(null, 1, 2), "field");
        assertThat(FieldChange.of("priority", null, Priority.HIGH))
                .isEqualTo(new FieldChange("priority", Optional.empty(), Optional.of("HIGH")));
        missing(() -> new FieldViolation("f", null, Optional.empty()), "message");
        missing(() -> new CustomFields(null), "values");
        invalid(ErrorCode.INCONSISTENT_VALUE, () -> new HistoryEntry(id, 0, now, Actor.system(), HistoryAction.CREATED, Optional.empty(), List.of()),
                "sequence", "was 0");
        missing(() -> new HistoryEntry(id, 1, null, Actor.system(), HistoryAction.CREATED, Optional.empty(),
                List.of()), "at");
        invalid(ErrorCode.INCONSISTENT_VALUE, () -> ticket(0), "version", "was 0");
        missing(() -> new TimelineEntry(UUID.randomUUID(), id, EntryKind.INBOUND_MESSAGE, Actor.system(),
                Visibility.PUBLIC, Channel.EMAIL, null, List.of(), now), "body");
        invalid(ErrorCode.INCONSISTENT_VALUE, () -> new TimelineEntry(UUID.randomUUID(), id, EntryKind.INTERNAL_NOTE, Actor.system(),
                Visibility.PUBLIC, Channel.OTHER, "x", List.of(), now), "internal note cannot be public");
        invalid(ErrorCode.INCONSISTENT_VALUE, () -> new TicketChange(ticket(3), 1, List.of(), List.of()), "expectedVersion + 1 = 2", "was 3");
        missing(() -> new OutboundMessage.ToAgent(null), "agent");
        missing(() -> new TicketType("t", null, "HR", "T", "w", List.of()), "team");
        invalid(ErrorCode.MALFORMED_TICKET_KEY, () -> new TicketType("t", Fixture.HR, "hr", "T", "w", List.of()), "prefix 'hr'");
        missing(() -> new TicketType("t", Fixture.HR, "HR", " ", "w", List.of()), "display name");
        missing(() -> new FieldConstraint.Min(null), "min");
    }

    @Test
    void workflowPartsRefuseBadArgumentsByName() {
        missing(() -> new StateDefinition(null, dev.tiketti.core.ticket.StateCategory.NEW), "name");
        missing(() -> new TransitionDefinition("t", null, "B", List.of(), List.of()), "from");
        invalid(ErrorCode.INCONSISTENT_VALUE, () -> new WorkflowDefinition("w", -1, "A", List.of(), List.of()), "was -1");
        invalid(ErrorCode.INCONSISTENT_VALUE, () -> new Effect.Assign(Effect.Assign.Target.ACTOR, Optional.of(AgentId.of("maija"))),
                "exactly when its target is AGENT");
        invalid(ErrorCode.INCONSISTENT_VALUE, () -> new Effect.Assign(Effect.Assign.Target.AGENT, Optional.empty()), "Effect.assignTo");
        missing(() -> Effect.setField("f", null), "value");
        missing(() -> Effect.addNote(" "), "note text");
        missing(() -> Effect.notify(null, "x"), "recipient");
        missing(() -> Guard.actorHasRole(""), "role");
        missing(() -> Guard.requesterAssurance(null), "level");
        invalid(ErrorCode.INVALID_IDENTIFIER, () -> Guard.fieldRequired("no spaces"), "field name 'no spaces'");
        missing(() -> WorkflowDefinition.builder(null), "id");
        missing(() -> WorkflowDefinition.builder("w").transition(null), "name");
        missing(() -> WorkflowDefinition.builder("w").initial(null), "name");
        missing(() -> WorkflowDefinition.builder("w").state("A", null), "category");
    }

    @Test
    void collectionsWithNullElementsAreRejectedByName() {
        missing(() -> new TicketType("t", Fixture.HR, "HR", "T", "w",
                Arrays.asList(dev.tiketti.core.ticket.FieldDefinition.text("a"), null)), "fields must not contain null");
        missing(() -> new TransitionDefinition("t", Arrays.asList("A", null), "B", List.of(), List.of()), "from");
        missing(() -> new TransitionDefinition("t", List.of("A"), "B", Arrays.asList((Guard) null), List.of()),
                "guards");
        missing(() -> new WorkflowDefinition("w", 0, "A", Arrays.asList((StateDefinition) null), List.of()),
                "states");
        missing(() -> WorkflowDefinition.builder("w").transition("t").from("A", null), "from-states");
        missing(() -> WorkflowDefinition.builder("w").transition("t").requires((Guard) null), "guards");
        missing(() -> WorkflowDefinition.builder("w").transition("t").then((Effect[]) null), "effects");
        missing(() -> TicketQuery.all().states(new java.util.HashSet<>(Arrays.asList("NEW", null))), "states");
        missing(() -> new OutboundMessage.ToContact(ContactId.random(), Arrays.asList("a@example.com", null)),
                "emails");
    }

    static Ticket ticket(long version) {
        Instant now = Instant.parse("2025-03-03T08:00:00Z");
        return new Ticket(TicketId.random(), new TicketKey("HR", 1), "t", "w", 1, "NEW", Optional.empty(),
                Priority.NORMAL, ContactId.random(), Optional.empty(), Optional.empty(), Fixture.HR, Channel.EMAIL,
                "s", Optional.empty(), CustomFields.empty(), now, now, Optional.empty(), version);
    }
}
