package dev.tiketti.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.privacy.ErasureId;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.sla.SlaTarget;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("OutboxCodec")
class OutboxCodecTest {
    private static final OutboxCodec CODEC = OutboxCodec.create();
    private static final TicketId ID = TicketId.random();
    private static final TicketKey KEY = TicketKey.parse("HR-42");
    private static final Actor MAIJA = Actor.agent("maija", "hr", "hr-lead");
    private static final Instant AT = Instant.parse("2026-03-02T07:15:30.123456789Z");

    static Stream<Object> samples() {
        return Stream.of(
                new TicketEvent.TicketOpened(ID, KEY, Actor.contact(ContactId.random()), AT, "annual-leave", "NEW"),
                new TicketEvent.TicketTransitioned(ID, KEY, MAIJA, AT, "triage", "NEW", "OPEN"),
                new TicketEvent.TicketUpdated(ID, KEY, MAIJA, AT, List.of(FieldChange.of("priority", "NORMAL", "HIGH"),
                        new FieldChange("fields.decision", Optional.empty(), Optional.of("Hyväksytty \"heti\" – ok")))),
                new TicketEvent.EntryAdded(ID, KEY, MAIJA, AT, EntryKind.values()[0]),
                new TicketEvent.WorkflowUpgraded(ID, KEY, Actor.system(), AT, 1, 2),
                new TicketEvent.SlaWarning(ID, KEY, Actor.system(), AT, SlaTarget.FIRST_RESPONSE, 75, AT.minusSeconds(5),
                        AT.plusSeconds(3600)),
                new TicketEvent.SlaBreached(ID, KEY, Actor.system(), AT, SlaTarget.values()[1], AT.minusSeconds(1)),
                new TicketEvent.SlaMet(ID, KEY, MAIJA, AT, SlaTarget.FIRST_RESPONSE, true),
                new TicketEvent.ReminderDue(ID, KEY, Actor.system(), AT, "waiting-customer", AT.minusSeconds(86_400)),
                new PrivacyEvent.ContactErased(ErasureId.random(), ContactId.random(), MAIJA, AT, List.of("HR-1", "HR-7"),
                        List.of("HR-3")),
                new PrivacyEvent.RetentionSweepCompleted(AT, List.of("HR-9"), List.of()),
                new OutboundMessage(ID, KEY, new OutboundMessage.ToContact(ContactId.random(),
                        List.of("aino.virtanen@example.fi")), "Re: Vuosiloma [HR-42]", "Hei Aino,\n\nloma on siirretty."),
                new OutboundMessage(ID, KEY, new OutboundMessage.ToAgent(AgentId.of("maija")), "HR-42", "Sinulle"),
                new OutboundMessage(ID, KEY, new OutboundMessage.ToTeam(TeamId.of("hr")), "HR-42", "Tiimille"),
                new OutboundMessage(ID, KEY, TeamId.of("hr"), new OutboundMessage.ToContact(ContactId.random(),
                        List.of("asa.aijala@example.fi"), Language.SV), "Re: Semester [HR-42]", "Hej Åsa",
                        OutboundMessage.Kind.REPLY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("reads back what it wrote, equal in every component")
    void roundTrip(Object value) {
        String json = CODEC.write(value);

        assertThat(CODEC.read("e-1", json)).isEqualTo(value);
    }

    @Test
    @DisplayName("has a sample of every event type and recipient, so a new one cannot be forgotten")
    void everyTypeCovered() {
        List<Class<?>> sampled = samples().<Class<?>>map(Object::getClass).distinct().toList();
        List<Class<?>> recipients = samples().filter(OutboundMessage.class::isInstance)
                .<Class<?>>map(m -> ((OutboundMessage) m).to().getClass()).distinct().toList();

        assertThat(sampled).containsAll(Arrays.asList(TicketEvent.class.getPermittedSubclasses()))
                .containsAll(Arrays.asList(PrivacyEvent.class.getPermittedSubclasses()));
        assertThat(recipients).containsExactlyInAnyOrder(OutboundMessage.Recipient.class.getPermittedSubclasses());
    }

    @Test
    @DisplayName("reads a message written before kinds, teams and languages as a notice of no team, in Finnish")
    void messageOfAnOlderNode() throws Exception {
        ContactId aino = ContactId.random();
        OutboundMessage current = new OutboundMessage(ID, KEY, TeamId.of("hr"), new OutboundMessage.ToContact(aino,
                List.of("aino.virtanen@example.fi"), Language.SV), "[HR-42] Loma", "Hei", OutboundMessage.Kind.REPLY);
        // the layout an older node wrote: the same, without the fields added since
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode envelope =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(CODEC.write(current));
        com.fasterxml.jackson.databind.node.ObjectNode data =
                (com.fasterxml.jackson.databind.node.ObjectNode) envelope.get("data");
        data.remove(List.of("kind", "team"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) data.get("to")).remove("language");
        assertThat(data.toString()).doesNotContain("REPLY", "SV", "\"hr\"");

        assertThat(CODEC.read("e-old", json.writeValueAsString(envelope))).isEqualTo(new OutboundMessage(ID, KEY,
                Optional.empty(), new OutboundMessage.ToContact(aino, List.of("aino.virtanen@example.fi"), Language.FI),
                "[HR-42] Loma", "Hei", OutboundMessage.Kind.NOTICE));
    }

    @Test
    @DisplayName("names the type and format in the envelope")
    void envelope() {
        String json = CODEC.write(new TicketEvent.SlaMet(ID, KEY, MAIJA, AT, SlaTarget.FIRST_RESPONSE, false));

        assertThat(json).startsWith("{\"format\":1,\"type\":\"ticket.SlaMet\",\"data\":{");
        assertThat(CODEC.typeOf(new PrivacyEvent.RetentionSweepCompleted(AT, List.of(), List.of())))
                .isEqualTo("privacy.RetentionSweepCompleted");
    }

    @Test
    @DisplayName("refuses an unknown type, a newer format and broken JSON with OUTBOX_ENTRY_UNREADABLE naming the entry")
    void unreadable() {
        for (String payload : List.of("{\"format\":1,\"type\":\"ticket.Teleported\",\"data\":{}}",
                "{\"format\":2,\"type\":\"ticket.SlaMet\",\"data\":{}}", "{\"format\":1,")) {
            assertThatThrownBy(() -> CODEC.read("entry-7", payload)).isInstanceOfSatisfying(TicketingException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.OUTBOX_ENTRY_UNREADABLE);
                        assertThat(e.getMessage()).contains("entry-7");
                    });
        }
    }

    @Test
    @DisplayName("refuses to write anything but events and messages")
    void onlyEventsAndMessages() {
        assertThatThrownBy(() -> CODEC.write("just text")).isInstanceOf(TicketingException.class)
                .hasMessageContaining("java.lang.String");
    }
}
