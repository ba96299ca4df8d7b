package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.inmemory.InMemoryStorage;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.MailboxState;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionRequest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Mail read from a GreenMail IMAP mailbox becomes tickets")
class MailChannelIT {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    static final String HR = "hr@example.fi";

    InMemoryStorage storage;
    MailWorld world;
    GreenMailUser inbox;
    final AtomicInteger crashes = new AtomicInteger();

    @BeforeEach
    void setUp() {
        world = new MailWorld(GREEN_MAIL.getSmtp().getPort(), b -> b, (b, w) -> {
            storage = new InMemoryStorage(w.clock);
            return b.outboundTransport(w.smtp).storage(storage);
        });
        inbox = GREEN_MAIL.setUser(HR, HR, "salasana");
        world.ticketing.privacy().consents().registerPurpose(
                dev.tiketti.core.privacy.ConsentPurpose.of("service-requests", "Handling the matters people raise"));
    }

    MailChannel channel(UnaryOperator<MailChannel.Builder> more) {
        Mailbox box = Mailbox.builder(HR).host("127.0.0.1").port(GREEN_MAIL.getImap().getPort())
                .security(ImapSecurity.NONE).user(HR).password("salasana").ticketType("annual-leave").batchSize(3)
                .build();
        return more.apply(MailChannel.builder().ticketing(world.ticketing).storage(storage)
                .parser(MailParser.builder().ownAddresses(List.of("hr@example.fi", "tuki@example.fi")).build())
                .messageIds(MailWorld.IDS).mailbox(box).acknowledgements(world.smtp)
                .beforeFlag(() -> {
                    if (crashes.getAndDecrement() > 0) {
                        throw new IllegalStateException("the poller dies between commit and flag");
                    }
                })).build();
    }

    MailChannel channel() {
        return channel(b -> b);
    }

    static String mail(String from, String subject, String messageId, String extraHeaders, String body) {
        return "From: " + from + "\r\nTo: hr@example.fi\r\nSubject: " + subject + "\r\nDate: Mon, 2 Mar 2026 09:00:00 +0200\r\n"
                + (messageId.isEmpty() ? "" : "Message-ID: <" + messageId + ">\r\n") + extraHeaders
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body + "\r\n";
    }

    void deliver(String raw) throws Exception {
        inbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    static final String AINO = "Aino Äijälä <aino.aijala@example.fi>";

    List<Ticket> tickets() {
        return world.ticketing.tickets().query(TicketQuery.all());
    }

    @Test
    @DisplayName("a person's new mail opens one ticket with the text first and is acknowledged by SMTP")
    void opens() throws Exception {
        deliver(mail(AINO, "Vuosiloman siirto", "a1@example.fi", "",
                "Hei,\n\nvoinko siirtää loman elokuulle?\n\nAino"));
        PollResult r = channel().pollOnce(HR);

        assertThat(r.results()).hasSize(1).first().isInstanceOf(IngestResult.Opened.class);
        Ticket t = tickets().get(0);
        assertThat(t.subject()).isEqualTo("Vuosiloman siirto");
        assertThat(t.requester()).isEqualTo(world.aino.id());
        TimelineEntry first = world.ticketing.tickets().timeline(t.id()).get(0);
        assertThat(first.body()).startsWith("Hei,").contains("elokuulle");
        assertThat(first.attachments()).anyMatch(a -> a.fileName().equals("original.eml"));
        GREEN_MAIL.waitForIncomingEmail(5_000, 1);
        MimeMessage ack = Arrays.stream(GREEN_MAIL.getReceivedMessagesForDomain("aino.aijala@example.fi"))
                .findFirst().orElseThrow();
        assertThat(ack.getSubject()).contains("[" + t.key() + "]");
        assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
    }

    @Test
    @DisplayName("the customer's answer to our SMTP reply threads to the same ticket by its Message-ID")
    void threadsReplies() throws Exception {
        deliver(mail(AINO, "Vuosiloman siirto", "a1@example.fi", "", "Voinko siirtää loman?"));
        MailChannel channel = channel();
        channel.pollOnce(HR);
        Ticket t = tickets().get(0);
        world.ticketing.tickets().addEntry(NewEntry.reply(t.id(), MailWorld.MAIJA, "Voit, kunhan esihenkilö hyväksyy."));
        GREEN_MAIL.waitForIncomingEmail(5_000, 2);
        MimeMessage reply = Arrays.stream(GREEN_MAIL.getReceivedMessagesForDomain("aino.aijala@example.fi"))
                .filter(m -> has(m, "Voit, kunhan")).findFirst().orElseThrow();

        deliver(mail(AINO, "Re: loma", "a2@example.fi", "In-Reply-To: " + reply.getMessageID() + "\r\n",
                "Kiitos, kysyn häneltä.\n\nOn Mon, Maija wrote:\n> Voit, kunhan esihenkilö hyväksyy."));
        PollResult r = channel.pollOnce(HR);

        assertThat(r.results()).containsExactly(new IngestResult.Appended(t.id()));
        assertThat(tickets()).hasSize(1);
        List<TimelineEntry> timeline = world.ticketing.tickets().timeline(t.id());
        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(EntryKind.INBOUND_MESSAGE,
                EntryKind.OUTBOUND_REPLY, EntryKind.INBOUND_MESSAGE);
        assertThat(timeline.get(2).body()).startsWith("Kiitos, kysyn häneltä.");
    }

    private static boolean has(MimeMessage m, String text) {
        try {
            return new String(m.getRawInputStream().readAllBytes(), StandardCharsets.UTF_8).contains(text)
                    || String.valueOf(m.getContent()).contains(text);
        } catch (Exception e) {
            return false;
        }
    }

    @Nested
    @DisplayName("the subject tag")
    class Tag {
        @Test
        @DisplayName("threads a participant's mail to the tagged ticket")
        void trusted() throws Exception {
            Ticket t = world.open(world.aino);
            deliver(mail(AINO, "Re: [" + t.key() + "] Vuosiloma", "a3@example.fi", "", "Lisätietoa asiaan."));
            assertThat(channel().pollOnce(HR).results()).containsExactly(new IngestResult.Appended(t.id()));
        }

        @Test
        @DisplayName("from someone who is not a participant opens a new ticket that names the tagged one")
        void untrusted() throws Exception {
            Ticket t = world.open(world.aino);
            world.ticketing.privacy().register().save(Contact.withEmail("Eero Mäkelä", "eero.makela@example.fi",
                    AssuranceLevel.LOW));
            deliver(mail("eero.makela@example.fi", "Re: [" + t.key() + "] Vuosiloma", "e1@example.fi", "",
                    "Minäkin haluan siirtää lomani."));
            IngestResult r = channel().pollOnce(HR).results().get(0);

            assertThat(r).isInstanceOf(IngestResult.Opened.class);
            Ticket other = world.ticketing.tickets().get(((IngestResult.Opened) r).ticket());
            assertThat(other.id()).isNotEqualTo(t.id());
            assertThat(world.ticketing.tickets().timeline(other.id()).get(0).body()).contains(t.key().toString());
            assertThat(world.ticketing.tickets().timeline(t.id())).hasSize(1);
        }
    }

    @Test
    @DisplayName("a known inbound Message-ID threads only when the subject matches too")
    void knownInboundId() throws Exception {
        deliver(mail(AINO, "Palkkakuitti", "p1@example.fi", "", "Missä on kuittini?"));
        MailChannel channel = channel();
        channel.pollOnce(HR);
        Ticket t = tickets().get(0);
        deliver(mail(AINO, "Re: Palkkakuitti", "p2@example.fi", "References: <p1@example.fi>\r\n", "Löytyi jo."));
        deliver(mail(AINO, "Aivan muu asia", "p3@example.fi", "References: <p1@example.fi>\r\n", "Toinen kysymys."));
        List<IngestResult> r = channel.pollOnce(HR).results();

        assertThat(r.get(0)).isEqualTo(new IngestResult.Appended(t.id()));
        assertThat(r.get(1)).isInstanceOf(IngestResult.Opened.class);
    }

    @Nested
    @DisplayName("an unknown sender")
    class Unknown {
        @Test
        @DisplayName("is quarantined with TKT-1041 when the channel quarantines unknown senders")
        void quarantined() throws Exception {
            deliver(mail("Ville Virtanen <ville.virtanen@example.com>", "Kysymys", "v1@example.com", "", "Hei!"));
            MailChannel channel = channel(b -> b.unknownSenders(UnknownSenders.QUARANTINE));
            IngestResult r = channel.pollOnce(HR).results().get(0);

            assertThat(r).isInstanceOf(IngestResult.Quarantined.class);
            assertThat(((IngestResult.Quarantined) r).reasonCode()).isEqualTo("TKT-1041");
            assertThat(tickets()).isEmpty();
            QuarantineEntry q = channel.quarantined(HR, 10).get(0);
            assertThat(q.reason()).contains("UnknownSenders.QUARANTINE").doesNotContain("ville");
            assertThat(new String(channel.quarantinedRaw(q.id()), StandardCharsets.UTF_8)).contains("Ville Virtanen");
            channel.release(q.id());
            assertThat(channel.quarantined(HR, 10)).isEmpty();
            assertThatThrownBy(() -> channel.release(q.id())).isInstanceOf(TicketingException.class)
                    .hasMessageContaining(q.id().toString())
                    .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.QUARANTINED_MAIL_NOT_FOUND));
        }

        @Test
        @DisplayName("is registered as a new contact by default")
        void registered() throws Exception {
            deliver(mail("Ville Virtanen <ville.virtanen@example.com>", "Kysymys", "v1@example.com", "", "Hei!"));
            channel().pollOnce(HR);
            Ticket t = tickets().get(0);
            assertThat(world.ticketing.privacy().access().findContactByEmail("ville.virtanen@example.com",
                    dev.tiketti.core.common.Actor.system(), dev.tiketti.core.privacy.PurposeId.of("service-requests")))
                    .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(t.requester()));
        }
    }

    @Test
    @DisplayName("the same Message-ID delivered twice makes one ticket")
    void duplicateDelivery() throws Exception {
        String raw = mail(AINO, "Vuosiloma", "dup@example.fi", "", "Sama viesti kahdesti.");
        deliver(raw);
        deliver(raw);
        MailChannel channel = channel();
        List<IngestResult> r = channel.pollOnce(HR).results();

        assertThat(r.get(0)).isInstanceOf(IngestResult.Opened.class);
        assertThat(r.get(1)).isEqualTo(new IngestResult.Duplicate(((IngestResult.Opened) r.get(0)).ticket()));
        assertThat(channel.ingest(HR, raw.getBytes(StandardCharsets.UTF_8))).isEqualTo(r.get(1));
        assertThat(tickets()).hasSize(1);
    }

    @Test
    @DisplayName("a poller killed between commit and flag loses nothing and ingests nothing twice")
    void killedBetweenCommitAndFlag() throws Exception {
        for (int i = 1; i <= 5; i++) {
            deliver(mail(AINO, "Asia " + i, "k" + i + "@example.fi", "", "Viesti " + i));
        }
        MailChannel channel = channel();
        crashes.set(1);
        assertThatThrownBy(() -> channel.pollOnce(HR)).hasMessageContaining("between commit and flag");
        assertThat(tickets()).hasSize(3); // the first batch of 3 committed, never flagged

        PollResult again = channel.pollOnce(HR);

        assertThat(again.count(IngestResult.Duplicate.class)).isEqualTo(3);
        assertThat(again.count(IngestResult.Opened.class)).isEqualTo(2);
        assertThat(tickets()).extracting(Ticket::subject).containsExactlyInAnyOrder("Asia 1", "Asia 2", "Asia 3",
                "Asia 4", "Asia 5");
        assertThat(channel.pollOnce(HR).results()).isEmpty();
    }

    @Test
    @DisplayName("a UIDVALIDITY change re-reads unflagged mail only and keeps every ticket single")
    void uidValidityChange() throws Exception {
        deliver(mail(AINO, "Ensimmäinen", "u1@example.fi", "", "Yksi."));
        MailChannel channel = channel();
        PollResult first = channel.pollOnce(HR);
        MailboxState state = storage.mailStore().orElseThrow().mailbox(HR).orElseThrow();
        storage.mailStore().orElseThrow().saveMailbox(new MailboxState(HR, state.uidValidity() + 7, 999, state.updatedAt()));
        deliver(mail(AINO, "Toinen", "u2@example.fi", "", "Kaksi."));

        PollResult second = channel.pollOnce(HR);

        assertThat(first.results()).hasSize(1);
        assertThat(second.results()).hasSize(1).first().isInstanceOf(IngestResult.Opened.class);
        assertThat(tickets()).extracting(Ticket::subject).containsExactlyInAnyOrder("Ensimmäinen", "Toinen");
        assertThat(storage.mailStore().orElseThrow().mailbox(HR).orElseThrow().uidValidity()).isEqualTo(state.uidValidity());
    }

    @Test
    @DisplayName("a nesting bomb lands in quarantine with TKT-1000 and the next mail is still ingested")
    void bomb() throws Exception {
        StringBuilder b = new StringBuilder("From: " + AINO + "\r\nTo: hr@example.fi\r\nSubject: pommi\r\n"
                + "Message-ID: <bomb@example.fi>\r\nMIME-Version: 1.0\r\n");
        int depth = 500;
        for (int i = 0; i < depth; i++) {
            b.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        b.append("Content-Type: text/plain\r\n\r\nsisältö\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            b.append("--b").append(i).append("--\r\n");
        }
        channel().ingest(HR, b.toString().getBytes(StandardCharsets.UTF_8));
        deliver(b.toString());
        deliver(mail(AINO, "Tavallinen", "n1@example.fi", "", "Tavallinen viesti."));
        MailChannel channel = channel();
        List<IngestResult> r = channel.pollOnce(HR).results();

        assertThat(r.get(0)).isInstanceOf(IngestResult.Quarantined.class);
        assertThat(((IngestResult.Quarantined) r.get(0)).reasonCode()).isEqualTo("TKT-1000");
        assertThat(r.get(1)).isInstanceOf(IngestResult.Opened.class);
        assertThat(channel.quarantined(HR, 10)).hasSize(1).first()
                .satisfies(q -> assertThat(q.reason()).contains("depth"));
    }

    @Test
    @DisplayName("an auto-reply to a closed ticket does not reopen it, nor is it answered")
    void autoReplyToClosed() throws Exception {
        Ticket t = world.open(world.aino);
        for (String step : List.of("start", "resolve", "close")) {
            world.ticketing.tickets().transition(TransitionRequest.of(t.id(), step, MailWorld.MAIJA));
        }
        int sent = GREEN_MAIL.getReceivedMessagesForDomain("aino.aijala@example.fi").length;
        deliver(mail(AINO, "Automaattinen vastaus: [" + t.key() + "] Vuosiloma", "auto1@example.fi",
                "Auto-Submitted: auto-replied\r\n", "Olen lomalla 1.7.–31.7."));
        IngestResult r = channel().pollOnce(HR).results().get(0);

        assertThat(r).isEqualTo(new IngestResult.Recorded(MailKind.AUTO_REPLY, java.util.Optional.of(t.id()), false));
        Ticket now = world.ticketing.tickets().get(t.id());
        assertThat(world.ticketing.tickets().category(now)).isEqualTo(StateCategory.CLOSED);
        assertThat(world.ticketing.tickets().timeline(t.id())).hasSize(1);
        assertThat(GREEN_MAIL.getReceivedMessagesForDomain("aino.aijala@example.fi")).hasSize(sent);
    }

    @Test
    @DisplayName("an auto-reply to an open ticket is added as an internal note")
    void autoReplyToOpen() throws Exception {
        Ticket t = world.open(world.aino);
        deliver(mail(AINO, "Automaattinen vastaus: [" + t.key() + "] Vuosiloma", "auto2@example.fi",
                "Auto-Submitted: auto-replied\r\n", "Olen lomalla."));
        IngestResult r = channel().pollOnce(HR).results().get(0);

        assertThat(r).isEqualTo(new IngestResult.Recorded(MailKind.AUTO_REPLY, java.util.Optional.of(t.id()), true));
        assertThat(world.ticketing.tickets().timeline(t.id())).last()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(EntryKind.INTERNAL_NOTE));
    }

    @Test
    @DisplayName("a bounce marks the failed recipient failing and opens no ticket")
    void bounce() throws Exception {
        String dsn = "From: Mail Delivery System <MAILER-DAEMON@mx.example.fi>\r\nTo: hr@example.fi\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn7@mx.example.fi>\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.fi\r\n\r\n"
                + "Final-Recipient: rfc822; kalle.korhonen@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                + "--r--\r\n";
        deliver(dsn);
        IngestResult r = channel().pollOnce(HR).results().get(0);

        assertThat(r).isInstanceOf(IngestResult.Recorded.class);
        assertThat(tickets()).isEmpty();
        assertThat(storage.mailStore().orElseThrow().failure("kalle.korhonen@example.com")).isPresent();
    }

    @Test
    @DisplayName("our own mail coming back is recorded, never a ticket")
    void ownLoop() throws Exception {
        deliver(mail("Tiketti-tuki <tuki@example.fi>", "[HR-9] Kuittaus", "own1@example.fi", "", "Kiitos viestistä."));
        assertThat(channel().pollOnce(HR).results())
                .containsExactly(new IngestResult.Recorded(MailKind.OWN_LOOP, java.util.Optional.empty(), false));
        assertThat(tickets()).isEmpty();
    }

    @Test
    @DisplayName("a server that is down fails the pass with TKT-1043 and loses no mail")
    void serverDown() throws Exception {
        deliver(mail(AINO, "Odottaa", "d1@example.fi", "", "Odottaa palvelinta."));
        Mailbox wrong = Mailbox.builder(HR).host("127.0.0.1").port(GREEN_MAIL.getImap().getPort())
                .security(ImapSecurity.NONE).user(HR).password("väärä").ticketType("annual-leave").build();
        MailChannel broken = MailChannel.builder().ticketing(world.ticketing).storage(storage)
                .parser(MailParser.defaults()).messageIds(MailWorld.IDS).mailbox(wrong).build();

        assertThatThrownBy(() -> broken.pollOnce(HR)).isInstanceOf(TicketingException.class)
                .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.MAILBOX_UNAVAILABLE))
                .hasMessageContaining(HR).hasMessageNotContaining("väärä");
        assertThat(channel().pollOnce(HR).results()).hasSize(1);
    }

    @Test
    @DisplayName("build() reports every missing option at once, and an unknown mailbox is named")
    void builder() {
        assertThatThrownBy(() -> MailChannel.builder().build()).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(4))
                .hasMessageContaining("ticketing(...)").hasMessageContaining("messageIds(...)");
        assertThatThrownBy(() -> MailChannel.builder().parser(MailParser.defaults()).parser(MailParser.defaults()))
                .hasMessageContaining("'parser' was set twice");
        assertThatThrownBy(() -> Mailbox.builder("x").build()).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(4));
        assertThatThrownBy(() -> channel().ingest("muu@example.fi", new byte[1]))
                .satisfies(e -> assertThat(((TicketingException) e).code()).isEqualTo(ErrorCode.UNKNOWN_MAILBOX))
                .hasMessageContaining("muu@example.fi").hasMessageContaining(HR);
    }
}
