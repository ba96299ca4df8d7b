package dev.tiketti.benchmarks;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.inmemory.InMemoryStorage;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.mail.ImapSecurity;
import dev.tiketti.mail.MailChannel;
import dev.tiketti.mail.MailParser;
import dev.tiketti.mail.Mailbox;
import dev.tiketti.mail.MessageIds;
import dev.tiketti.mail.PollResult;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * M2 (issue #13): a GreenMail IMAP mailbox of {@code mails} mails becomes tickets through
 * {@code MailChannel.pollOnce} (batches of 100: one FETCH, ingestion, one STORE), side by side with a bare
 * batched fetch of the same mails (same batches, raw bytes read and flagged, no parsing or tickets): the
 * limit. One invocation drains a freshly filled mailbox; the score is the time for all of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MailIngestBenchmark {
    private static final String BOX = "hr@example.fi";
    private static final int BATCH = 100;

    @Param({"tiketti", "bare-fetch"})
    public String mode;

    @Param({"10000"})
    public int mails;

    private GreenMail greenMail;
    private MailChannel channel;

    @Setup(Level.Invocation)
    public void fill() throws Exception {
        greenMail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.IMAP}));
        greenMail.start();
        GreenMailUser user = greenMail.setUser(BOX, BOX, "salasana");
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < mails; i++) {
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(mail(i))));
        }
        if (mode.equals("tiketti")) {
            channel = channel();
        }
    }

    @TearDown(Level.Invocation)
    public void stop() {
        greenMail.stop();
    }

    @Benchmark
    public int ingest() throws Exception {
        if (mode.equals("tiketti")) {
            PollResult r = channel.pollOnce(BOX);
            if (r.fetched() != mails) {
                throw new IllegalStateException("ingested " + r.fetched() + " of " + mails);
            }
            return r.fetched();
        }
        return bareFetch();
    }

    /** What the poller does on the wire, without parsing or tickets: the limit. */
    private int bareFetch() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.partialfetch", "false");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), BOX, "salasana");
        IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
        Message[] all = folder.getMessagesByUID(1, UIDFolder.MAXUID);
        FetchProfile uid = new FetchProfile();
        uid.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(all, uid);
        long bytes = 0;
        for (int start = 0; start < all.length; start += BATCH) {
            Message[] batch = Arrays.copyOfRange(all, start, Math.min(all.length, start + BATCH));
            FetchProfile whole = new FetchProfile();
            whole.add(UIDFolder.FetchProfileItem.UID);
            whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
            folder.fetch(batch, whole);
            for (Message m : batch) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                m.writeTo(raw);
                bytes += raw.size();
            }
            Flags f = new Flags(Flags.Flag.SEEN);
            f.add("$Tiketti");
            folder.setFlags(batch, f, true);
        }
        folder.close(false);
        store.close();
        if (all.length != mails || bytes == 0) {
            throw new IllegalStateException("fetched " + all.length + " of " + mails);
        }
        return all.length;
    }

    private MailChannel channel() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T07:00:00Z"), ZoneOffset.UTC);
        InMemoryStorage storage = new InMemoryStorage(clock);
        Ticketing t = Ticketing.builder().clock(clock).storage(storage)
                .outboundTransport(new dev.tiketti.core.inmemory.RecordingOutboundTransport()).build();
        t.definitions().publishWorkflow(WorkflowDefinition.builder("hr-mail").state("NEW", StateCategory.NEW)
                .state("CLOSED", StateCategory.CLOSED).transition("close").from("NEW").to("CLOSED").build());
        t.definitions().defineType(new TicketType("hr-question", TeamId.of("hr"), "HR", "HR question", "hr-mail",
                List.of()));
        t.privacy().consents().registerPurpose(ConsentPurpose.of("service-requests", "Handling matters"));
        for (int i = 0; i < 50; i++) {
            t.privacy().register().save(Contact.withEmail("Henkilö " + i, "henkilo" + i + "@example.fi", AssuranceLevel.LOW));
        }
        MessageIds ids = MessageIds.withKey("benchmark HMAC key, 32 bytes!!!!".getBytes(StandardCharsets.US_ASCII),
                "tiketti.example.fi");
        Mailbox box = Mailbox.builder(BOX).host("127.0.0.1").port(greenMail.getImap().getPort())
                .security(ImapSecurity.NONE).user(BOX).password("salasana").ticketType("hr-question").batchSize(BATCH)
                .build();
        return MailChannel.builder().ticketing(t).storage(storage).parser(MailParser.defaults()).messageIds(ids)
                .mailbox(box).build();
    }

    /** An invented mail of ~1.5 KB from one of 50 registered people. */
    static byte[] mail(int i) {
        StringBuilder body = new StringBuilder("Hei,\r\n\r\n");
        for (int line = 0; line < 15; line++) {
            body.append("Kysyisin vuosilomani siirtämisestä elokuulle, rivi ").append(line).append(" – äöå.\r\n");
        }
        return ("From: Henkilö " + (i % 50) + " <henkilo" + (i % 50) + "@example.fi>\r\nTo: " + BOX + "\r\n"
                + "Subject: Vuosiloma " + i + "\r\nDate: Mon, 2 Mar 2026 09:00:00 +0200\r\n"
                + "Message-ID: <m" + i + "@example.fi>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }
}
