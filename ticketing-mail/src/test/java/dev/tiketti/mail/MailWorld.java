package dev.tiketti.mail;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.TicketingBuilder;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Effect.Notify.Recipient;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/** An HR desk on in-memory stores whose mail leaves by SMTP to a test server; invented people only. */
final class MailWorld {
    static final TeamId HR = TeamId.of("hr");
    static final String PRIVACY = "https://example.fi/tietosuoja";
    static final byte[] KEY = "the HMAC key of the mail tests!!".getBytes(StandardCharsets.US_ASCII);
    static final MessageIds IDS = MessageIds.withKey(KEY, "tiketti.example.fi");
    static final Actor MAIJA = Actor.agent("maija", "hr");

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00+02:00[Europe/Helsinki]");
    final SmtpTransport smtp;
    final Ticketing ticketing;
    final Contact aino;

    /** {@code core} wires the rest, the transport included (usually {@link #plain}). */
    MailWorld(int port, UnaryOperator<SmtpTransport.Builder> mail, BiFunction<TicketingBuilder, MailWorld, TicketingBuilder> core) {
        smtp = mail.apply(transport(port, clock)).build();
        ticketing = core.apply(Ticketing.builder().clock(clock), this).build();
        ticketing.definitions().publishWorkflow(workflow());
        ticketing.definitions().defineType(new TicketType("annual-leave", HR, "HR", "Annual leave question",
                "hr-leave", List.of(FieldDefinition.number("leaveYear"))));
        aino = ticketing.privacy().register().save(
                Contact.withEmail("Aino Äijälä", "aino.aijala@example.fi", AssuranceLevel.LOW));
    }

    /** This world's SMTP transport and in-memory stores without an outbox. */
    static TicketingBuilder plain(TicketingBuilder b, MailWorld w) {
        return b.outboundTransport(w.smtp).inMemory();
    }

    /** The transport as the tests use it: plain SMTP to the loopback, HR's own sender. */
    static SmtpTransport.Builder transport(int port, MutableClock clock) {
        return SmtpTransport.builder().host("127.0.0.1").port(port).security(SmtpSecurity.NONE)
                .defaultFrom("tuki@example.fi", "Tiketti-tuki")
                .teamFrom(HR, "hr@example.fi", "Henkilöstöpalvelut – Äijälä, Åsa")
                .teamAddresses(team -> Optional.of(team.value() + "-tiimi@example.fi"))
                .agentAddresses(agent -> Optional.of(agent.value() + "@example.fi"))
                .messageIds(IDS).privacyNoticeUrl(PRIVACY).clock(clock);
    }

    static WorkflowDefinition workflow() {
        return WorkflowDefinition.builder("hr-leave")
                .state("NEW", StateCategory.NEW)
                .state("OPEN", StateCategory.OPEN)
                .state("RESOLVED", StateCategory.RESOLVED)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN")
                .transition("ask").from("OPEN").to("OPEN")
                    .then(Effect.notify(Recipient.REQUESTER, "Tarvitsemme lisätietoja asiaan {key}: {subject}."))
                .transition("tell-team").from("OPEN").to("OPEN")
                    .then(Effect.notify(Recipient.TEAM, "Asia {key} odottaa."))
                .transition("resolve").from("OPEN").to("RESOLVED")
                .transition("close").from("RESOLVED").to("CLOSED")
                .build();
    }

    Ticket open(Contact requester) {
        return ticketing.tickets().open(OpenTicket.of("annual-leave", requester.id(), "Vuosiloman siirto elokuulle",
                Channel.EMAIL).body("Voinko siirtää lomani?").field("leaveYear", 2026));
    }

    Contact swedishSpeaker() {
        return ticketing.privacy().register().save(Contact.withEmail("Åsa Öberg", "asa.oberg@example.fi",
                AssuranceLevel.LOW).withLanguage(Language.SV));
    }
}
