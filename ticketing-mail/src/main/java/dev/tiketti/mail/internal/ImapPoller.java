package dev.tiketti.mail.internal;

import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.MailboxState;
import dev.tiketti.mail.ImapSecurity;
import dev.tiketti.mail.IngestResult;
import dev.tiketti.mail.Mailbox;
import dev.tiketti.mail.PollResult;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiFunction;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one IMAP mailbox in batches: one UID SEARCH (or UID range) for the new mail, one FETCH of
 * whole messages and UIDs per batch, ingestion (each mail its own commit), then one STORE of
 * {@code \Seen} and {@value #FLAG} for the handled part of the batch, and the highest UID saved in the
 * mail store. A crash between commit and STORE only means the next pass fetches those mails again;
 * their idempotency keys make the second ingestion a no-op.
 */
public final class ImapPoller {
    /** The IMAP keyword set on every handled mail. */
    public static final String FLAG = "$Tiketti";
    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);

    private final Mailbox mailbox;
    private final MailStore mailStore;
    private final BiFunction<String, byte[], IngestResult> ingest;
    private final Runnable beforeFlag;
    private final Clock clock;
    private final Session session;

    /** {@code beforeFlag} runs after a batch's changes committed and before its STORE (a test's crash point). */
    public ImapPoller(Mailbox mailbox, MailStore mailStore, BiFunction<String, byte[], IngestResult> ingest,
            Runnable beforeFlag, Clock clock) {
        this.mailbox = mailbox;
        this.mailStore = mailStore;
        this.ingest = ingest;
        this.beforeFlag = beforeFlag;
        this.clock = clock;
        this.session = Session.getInstance(properties(mailbox));
    }

    private static String protocol(Mailbox m) {
        return m.security() == ImapSecurity.IMAPS ? "imaps" : "imap";
    }

    private static Properties properties(Mailbox m) {
        String p = "mail." + protocol(m) + ".";
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", protocol(m));
        props.setProperty(p + "connectiontimeout", "10000");
        props.setProperty(p + "timeout", "60000");
        props.setProperty(p + "writetimeout", "10000");
        props.setProperty(p + "partialfetch", "false");
        if (m.security() == ImapSecurity.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (m.security() != ImapSecurity.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        if (m.oauth2Token().isPresent()) {
            props.setProperty(p + "auth.mechanisms", "XOAUTH2");
        }
        return props;
    }

    /** One pass: every new mail, batch by batch, in one connection. */
    public PollResult pollOnce() {
        List<IngestResult> results = new ArrayList<>();
        int batches = 0;
        long highest = 0;
        Store store = null;
        IMAPFolder folder = null;
        try {
            store = session.getStore(protocol(mailbox));
            String secret = mailbox.oauth2Token().map(s -> s.get()).orElseGet(() -> mailbox.password().orElseThrow());
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), secret);
            folder = (IMAPFolder) store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            long validity = folder.getUIDValidity();
            Optional<MailboxState> state = mailStore.mailbox(mailbox.name());
            boolean known = state.isPresent() && state.get().uidValidity() == validity;
            if (state.isPresent() && !known) {
                LOG.warn("mailbox {} changed its UIDVALIDITY from {} to {}: reading every unflagged mail again; "
                        + "idempotency keys skip what was ingested", mailbox.name(), state.get().uidValidity(), validity);
            }
            highest = known ? state.get().highestUid() : 0;
            Message[] fresh = known
                    ? folder.getMessagesByUID(highest + 1, UIDFolder.MAXUID)
                    : folder.search(new FlagTerm(new Flags(FLAG), false));
            List<Message> todo = new ArrayList<>();
            for (Message m : fresh) {
                if (m != null && !m.isExpunged()) {
                    todo.add(m);
                }
            }
            // UIDs are unknown until fetched: fetch them for all at once (one round trip), then sort
            FetchProfile uids = new FetchProfile();
            uids.add(UIDFolder.FetchProfileItem.UID);
            Message[] all = todo.toArray(Message[]::new);
            folder.fetch(all, uids);
            final IMAPFolder f = folder;
            final long above = highest;
            List<Message> ordered = new ArrayList<>(Arrays.stream(all).filter(m -> uid(f, m) > above || !known)
                    .sorted(Comparator.comparingLong(m -> uid(f, m))).toList());
            for (int start = 0; start < ordered.size(); start += mailbox.batchSize()) {
                List<Message> batch = ordered.subList(start, Math.min(ordered.size(), start + mailbox.batchSize()));
                highest = Math.max(highest, batch(folder, batch, results));
                batches++;
                mailStore.saveMailbox(new MailboxState(mailbox.name(), validity, highest, clock.instant()));
            }
            if (!known) {
                mailStore.saveMailbox(new MailboxState(mailbox.name(), validity, highest, clock.instant()));
            }
            return new PollResult(mailbox.name(), results, batches, highest);
        } catch (MessagingException | IOException e) {
            throw IngestProblems.mailboxUnavailable(mailbox.name(), e);
        } finally {
            close(folder, store);
        }
    }

    private long batch(IMAPFolder folder, List<Message> batch, List<IngestResult> results)
            throws MessagingException, IOException {
        Message[] msgs = batch.toArray(Message[]::new);
        FetchProfile whole = new FetchProfile();
        whole.add(UIDFolder.FetchProfileItem.UID);
        whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
        folder.fetch(msgs, whole);
        List<Message> done = new ArrayList<>();
        long highest = 0;
        try {
            for (Message m : msgs) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                m.writeTo(raw);
                results.add(ingest.apply(mailbox.name(), raw.toByteArray()));
                done.add(m);
                highest = Math.max(highest, folder.getUID(m));
            }
        } finally {
            // flag what was ingested even when a later mail of the batch failed: it is committed
            if (!done.isEmpty()) {
                beforeFlag.run();
                Flags flags = new Flags(Flags.Flag.SEEN);
                flags.add(FLAG);
                folder.setFlags(done.toArray(Message[]::new), flags, true);
            }
        }
        return highest;
    }

    private static long uid(IMAPFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            return -1;
        }
    }

    private static void close(Folder folder, Store store) {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException e) {
            LOG.debug("closing a folder failed", e);
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            LOG.debug("closing an IMAP store failed", e);
        }
    }
}
