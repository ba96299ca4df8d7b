package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.EventDelivery;
import dev.tiketti.core.inmemory.InMemoryStorage;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TransitionRequest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Mail sent by SMTP to a GreenMail server on the loopback")
class SmtpTransportIT {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static MailWorld world(UnaryOperator<SmtpTransport.Builder> mail) {
        return new MailWorld(GREEN_MAIL.getSmtp().getPort(), mail, MailWorld::plain);
    }

    private static MailWorld world() {
        return world(b -> b);
    }

    private static List<MimeMessage> received(int atLeast) {
        GREEN_MAIL.waitForIncomingEmail(5_000, atLeast);
        return Arrays.asList(GREEN_MAIL.getReceivedMessages());
    }

    private static String header(MimeMessage m, String name) throws Exception {
        String[] values = m.getHeader(name);
        return values == null ? null : String.join("\n", values);
    }

    @Nested
    @DisplayName("a handler's public reply")
    class Reply {
        @Test
        @DisplayName("arrives with a verifiable Message-ID, the thread root, one subject tag, UTF-8 text and the privacy link")
        void arrives() throws Exception {
            MailWorld w = world();
            Ticket t = w.open(w.aino);

            w.ticketing.tickets().addEntry(NewEntry.reply(t.id(), MailWorld.MAIJA,
                    "Hei Aino,\n\nloma siirtyy elokuulle. Tervetuloa töihin syyskuussa – äöå ÄÖÅ."));

            MimeMessage m = received(1).get(0);
            assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                    .containsExactly("aino.aijala@example.fi");
            assertThat(MailWorld.IDS.verify(m.getMessageID())).contains(t.id());
            assertThat(header(m, "References")).contains(MailWorld.IDS.threadRoot(t.id()));
            assertThat(header(m, "In-Reply-To")).isEqualTo(MailWorld.IDS.threadRoot(t.id()));
            assertThat(m.getSubject()).isEqualTo("[HR-1] Vuosiloman siirto elokuulle");
            assertThat(m.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat((String) m.getContent()).contains("Tervetuloa töihin syyskuussa – äöå ÄÖÅ.",
                    "Näin käsittelemme henkilötietojasi: " + MailWorld.PRIVACY, "HR-1");
            assertThat(header(m, "Auto-Submitted")).as("a person wrote it").isNull();
            assertThat(header(m, "X-Auto-Response-Suppress")).isNull();
            InternetAddress from = (InternetAddress) m.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("hr@example.fi");
            assertThat(from.getPersonal()).isEqualTo("Henkilöstöpalvelut – Äijälä, Åsa");
            assertThat(header(m, "From")).as("encoded per RFC 2047").startsWith("=?UTF-8?");
            assertThat(m.getSentDate().toInstant()).isEqualTo(w.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }

        @Test
        @DisplayName("is in the contact's language, and a second mail of the ticket has its own id in the same thread")
        void inTheContactsLanguage() throws Exception {
            MailWorld w = world();
            Contact asa = w.swedishSpeaker();
            Ticket t = w.open(asa);

            w.ticketing.tickets().addEntry(NewEntry.reply(t.id(), MailWorld.MAIJA, "Hej Åsa!"));
            w.ticketing.tickets().addEntry(NewEntry.reply(t.id(), MailWorld.MAIJA, "Och en sak till."));

            List<MimeMessage> mails = received(2);
            assertThat(mails).hasSize(2);
            assertThat((String) mails.get(0).getContent()).contains("Hej Åsa!", "Så här behandlar vi dina personuppgifter");
            assertThat(mails.get(0).getMessageID()).isNotEqualTo(mails.get(1).getMessageID());
            for (MimeMessage m : mails) {
                assertThat(MailWorld.IDS.verify(m.getMessageID())).contains(t.id());
                assertThat(header(m, "References")).isEqualTo(MailWorld.IDS.threadRoot(t.id()));
            }
        }
    }

    @Nested
    @DisplayName("automatic mail")
    class Automatic {
        @Test
        @DisplayName("a workflow notice is marked Auto-Submitted and suppresses auto-responses")
        void noticeIsMarked() throws Exception {
            MailWorld w = world();
            Ticket t = w.open(w.aino);
            t = w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", MailWorld.MAIJA));

            w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", MailWorld.MAIJA));

            MimeMessage m = received(1).get(0);
            assertThat(header(m, "Auto-Submitted")).isEqualTo("auto-generated");
            assertThat(header(m, "X-Auto-Response-Suppress")).isEqualTo("All");
            assertThat(m.getSubject()).isEqualTo("[HR-1] Vuosiloman siirto elokuulle");
            assertThat((String) m.getContent()).contains("Tarvitsemme lisätietoja asiaan HR-1",
                    "Tämä on automaattinen viesti", MailWorld.PRIVACY);
        }

        @Test
        @DisplayName("a notice to the team goes to the address the host resolves")
        void teamNotice() throws Exception {
            MailWorld w = world();
            Ticket t = w.open(w.aino);
            t = w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", MailWorld.MAIJA));

            w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "tell-team", MailWorld.MAIJA));

            MimeMessage m = received(1).get(0);
            assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                    .isEqualTo("hr-tiimi@example.fi");
            assertThat((String) m.getContent()).contains("Asia HR-1 odottaa.");
        }

        @Test
        @DisplayName("a consent request goes out in the contact's language, marked automatic, with the privacy link")
        void consentRequest() throws Exception {
            MailWorld w = world();
            Contact asa = w.swedishSpeaker();
            w.ticketing.privacy().consents().registerPurpose(ConsentPurpose.of("survey", "Nöjdhetsenkäter"));

            w.ticketing.privacy().consents().request(asa.id(), PurposeId.of("survey"), "Får vi skicka enkäter?",
                    "2026-03", MailWorld.MAIJA);

            MimeMessage m = received(1).get(0);
            assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                    .isEqualTo("asa.oberg@example.fi");
            assertThat(m.getSubject()).contains("Nöjdhetsenkäter");
            assertThat(header(m, "Auto-Submitted")).isEqualTo("auto-generated");
            assertThat((String) m.getContent()).contains("Får vi skicka enkäter?",
                    "Så här behandlar vi dina personuppgifter: " + MailWorld.PRIVACY);
            assertThat(MailWorld.IDS.verify(m.getMessageID())).as("belongs to no ticket").isEmpty();
            assertThat(m.getMessageID()).endsWith("@tiketti.example.fi>");
        }

        @Test
        @DisplayName("a redirect answers the mail it is about, saying where to write instead")
        void redirect() throws Exception {
            MailWorld w = world();

            w.smtp.sendRedirect(new Redirect("Eero.Esimerkki@example.com", dev.tiketti.core.privacy.Language.EN,
                    "palkat@example.fi", "Palkkakuitti puuttuu",
                    java.util.Optional.of("<CAB12345@mail.example.com>")));

            MimeMessage m = received(1).get(0);
            assertThat(header(m, "In-Reply-To")).isEqualTo("<CAB12345@mail.example.com>");
            assertThat(header(m, "Auto-Submitted")).isEqualTo("auto-replied");
            assertThat(m.getSubject()).isEqualTo("Palkkakuitti puuttuu");
            assertThat((String) m.getContent()).contains("Please write to palkat@example.fi instead", MailWorld.PRIVACY);
        }
    }

    @Nested
    @DisplayName("the loop brake")
    class Brake {
        @Test
        @DisplayName("drops the 11th automatic mail to one address in 3 hours, lets replies through, and lets mail go after the window")
        void dropsTheEleventh() throws Exception {
            MailWorld w = world();
            Ticket t = w.open(w.aino);
            w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", MailWorld.MAIJA));

            for (int i = 0; i < 12; i++) {
                w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", MailWorld.MAIJA));
                w.clock.advance(Duration.ofMinutes(1));
            }
            assertThat(received(10)).hasSize(10);
            assertThat(w.smtp.braked()).isEqualTo(2);

            w.ticketing.tickets().addEntry(NewEntry.reply(t.id(), MailWorld.MAIJA, "Vastaus käsin."));
            assertThat(received(11)).as("a person's reply is never braked").hasSize(11);

            w.clock.advance(Duration.ofHours(3));
            w.ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", MailWorld.MAIJA));
            assertThat(received(12)).as("after the window").hasSize(12);
            assertThat(w.smtp.braked()).isEqualTo(2);
        }

        @Test
        @DisplayName("never sends to our own addresses, not even a reply")
        void neverToOurselves() throws Exception {
            MailWorld w = world(b -> b.ownAddresses(List.of("Kirjaamo@Example.fi")));
            Contact loop = w.ticketing.privacy().register().save(Contact.withEmail("Kirjaamo", "kirjaamo@example.fi",
                    dev.tiketti.core.privacy.AssuranceLevel.LOW));
            Contact team = w.ticketing.privacy().register().save(Contact.withEmail("HR", "hr@example.fi",
                    dev.tiketti.core.privacy.AssuranceLevel.LOW));

            w.ticketing.tickets().addEntry(NewEntry.reply(w.open(loop).id(), MailWorld.MAIJA, "Kuittaus"));
            w.ticketing.tickets().addEntry(NewEntry.reply(w.open(team).id(), MailWorld.MAIJA, "Kuittaus"));
            w.ticketing.tickets().addEntry(NewEntry.reply(w.open(w.aino).id(), MailWorld.MAIJA, "Kuittaus"));

            assertThat(received(1)).singleElement().satisfies(m -> assertThat(
                    ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                    .isEqualTo("aino.aijala@example.fi"));
            assertThat(w.smtp.braked()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("through the outbox")
    class Outbox {
        /** Hands each message to the SMTP transport, keeping the delivery and what the transport threw. */
        static final class Watching implements OutboundTransport {
            final List<EventDelivery> deliveries = new CopyOnWriteArrayList<>();
            final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
            volatile SmtpTransport smtp;

            @Override
            public void send(OutboundMessage message) {
                throw new AssertionError("the outbox passes the delivery");
            }

            @Override
            public void send(OutboundMessage message, EventDelivery delivery) {
                deliveries.add(delivery);
                try {
                    smtp.send(message, delivery);
                } catch (RuntimeException e) {
                    failures.add(e);
                    throw e;
                }
            }
        }

        @Test
        @DisplayName("SMTP down: a retryable error, and the outbox re-delivers later with the same Message-ID")
        void serverDownThenBack() throws Exception {
            GreenMail probe = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            probe.start();
            int port = probe.getSmtp().getPort();
            probe.stop(); // nothing listens on the port now
            Watching watching = new Watching();
            MailWorld w = new MailWorld(port, b -> b.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                    (b, world) -> b.storage(new InMemoryStorage(world.clock)).outboundTransport(watching).inMemory());
            watching.smtp = w.smtp;
            Ticket t = w.open(w.aino);

            w.ticketing.tickets().addEntry(NewEntry.reply(t.id(), MailWorld.MAIJA, "Loma on siirretty."));

            assertThat(watching.failures).singleElement().isInstanceOfSatisfying(StorageUnavailableException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.MAIL_SERVER_UNAVAILABLE);
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("REPLY about HR-1", "127.0.0.1:" + port, "cannot be reached")
                                .doesNotContain("aino", "Loma");
                    });
            assertThat(w.ticketing.events().pending()).isEqualTo(1);

            GreenMail back = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            back.start();
            try {
                w.clock.advance(Duration.ofMinutes(5));
                assertThat(w.ticketing.events().deliverPending()).isEqualTo(1);

                back.waitForIncomingEmail(5_000, 1);
                MimeMessage m = back.getReceivedMessages()[0];
                assertThat(watching.deliveries).hasSize(2);
                EventDelivery first = watching.deliveries.get(0);
                EventDelivery again = watching.deliveries.get(1);
                assertThat(again.id()).isEqualTo(first.id());
                assertThat(again.attempt()).isGreaterThan(first.attempt());
                assertThat(m.getMessageID()).isEqualTo(MailWorld.IDS.mint(t.id(), first.id()));
                assertThat(w.ticketing.events().pending()).isZero();
            } finally {
                back.stop();
            }
        }

        @Test
        @DisplayName("a change the host rolls back sends nothing")
        void rolledBackSendsNothing() throws Exception {
            RollingBack host = new RollingBack();
            MailWorld w = new MailWorld(GREEN_MAIL.getSmtp().getPort(), b -> b,
                    (b, world) -> MailWorld.plain(b, world).transactions(host));
            Ticket t = w.open(w.aino);

            assertThatThrownBy(() -> host.inTransaction(() -> {
                w.ticketing.tickets().addEntry(NewEntry.reply(t.id(), MailWorld.MAIJA, "Loma on siirretty."));
                throw new IllegalStateException("the host's own work failed");
            })).hasMessageContaining("host's own work");

            assertThat(host.rollbacks).isEqualTo(1);
            assertThat(GREEN_MAIL.waitForIncomingEmail(500, 1)).isFalse();
            assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

            w.ticketing.tickets().addEntry(NewEntry.reply(t.id(), MailWorld.MAIJA, "Toinen yritys."));
            assertThat(received(1)).singleElement().satisfies(m -> assertThat((String) m.getContent())
                    .contains("Toinen yritys.").doesNotContain("Loma on siirretty."));
        }
    }

    /** Units of work as a host's transaction manager keeps them: after-commit actions are dropped on rollback. */
    static final class RollingBack implements Transactions {
        private final ThreadLocal<List<Runnable>> open = new ThreadLocal<>();
        int rollbacks;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (open.get() != null) {
                return work.get();
            }
            List<Runnable> after = new ArrayList<>();
            open.set(after);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                rollbacks++;
                throw e;
            } finally {
                open.remove();
            }
            after.forEach(Runnable::run);
            return result;
        }

        @Override
        public void afterCommit(Runnable action) {
            List<Runnable> after = open.get();
            if (after == null) {
                action.run();
            } else {
                after.add(action);
            }
        }
    }

    @Nested
    @DisplayName("header injection")
    class Injection {
        @Test
        @DisplayName("line breaks in subject, display name and quoted ids add no header and reach no one else")
        void noHeaderRidesAlong() throws Exception {
            MailWorld w = new MailWorld(GREEN_MAIL.getSmtp().getPort(), b -> b
                    .teamFrom(dev.tiketti.core.common.TeamId.of("palkat"), "palkat@example.fi",
                            "Äijälä, Åsa\r\nBcc: mallory@example.com")
                    .inboundMessageIds(id -> List.of("<CAB1@mail.example.com>",
                            "<CAB2@mail.example.com>\r\nBcc: mallory@example.com", "<x@y>\nX-Evil: 1")),
                    MailWorld::plain);
            Ticket t = w.open(w.aino);

            w.smtp.send(new OutboundMessage(t.id(), t.key(), dev.tiketti.core.common.TeamId.of("palkat"),
                    new OutboundMessage.ToContact(w.aino.id(), w.aino.emails()),
                    "Loma\r\nBcc: mallory@example.com\r\n\r\nHyväksytty", "Teksti", OutboundMessage.Kind.REPLY));

            MimeMessage m = received(1).get(0);
            assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
            assertThat(m.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                    .containsExactly("aino.aijala@example.fi");
            assertThat(header(m, "Bcc")).isNull();
            assertThat(header(m, "X-Evil")).isNull();
            assertThat(m.getSubject()).isEqualTo("[HR-1] Loma Bcc: mallory@example.com Hyväksytty");
            assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Äijälä, Åsa Bcc: mallory@example.com");
            assertThat(header(m, "References")).isEqualTo(MailWorld.IDS.threadRoot(t.id()) + " <CAB1@mail.example.com>");
            assertThat(header(m, "In-Reply-To")).isEqualTo("<CAB1@mail.example.com>");
        }

        @Test
        @DisplayName("a recipient address with a line break is refused with INVALID_MAIL_ADDRESS, not quoted")
        void recipientWithLineBreak() {
            MailWorld w = world();
            Ticket t = w.open(w.aino);
            OutboundMessage hostile = new OutboundMessage(t.id(), t.key(), MailWorld.HR,
                    new OutboundMessage.ToContact(w.aino.id(), List.of("aino.aijala@example.fi\r\nBcc: mallory@example.com")),
                    "Loma", "Teksti", OutboundMessage.Kind.REPLY);

            assertThatThrownBy(() -> w.smtp.send(hostile)).isInstanceOfSatisfying(TicketingException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MAIL_ADDRESS);
                assertThat(e.getMessage()).contains("REPLY about HR-1").doesNotContain("aino", "mallory");
            });
            assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        }

        @Test
        @DisplayName("the subject tag is not doubled when the subject already carries it")
        void tagOnce() throws Exception {
            MailWorld w = world();
            Ticket t = w.open(w.aino);

            w.smtp.send(new OutboundMessage(t.id(), t.key(), MailWorld.HR,
                    new OutboundMessage.ToContact(w.aino.id(), w.aino.emails()), "Re: Loma [HR-1]", "Teksti",
                    OutboundMessage.Kind.REPLY));

            assertThat(received(1).get(0).getSubject()).isEqualTo("Re: Loma [HR-1]");
        }
    }
}
