package dev.tiketti.mail;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.spi.QuarantinedMail;
import dev.tiketti.core.spi.Storage;
import dev.tiketti.core.timer.PollerBackoff;
import dev.tiketti.mail.internal.ImapPoller;
import dev.tiketti.mail.internal.IngestProblems;
import dev.tiketti.mail.internal.MailIngestor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail module's entry point on the receiving side: turns the mail of shared mailboxes into tickets.
 * Mail comes from IMAP ({@link #pollOnce}, or a poller thread per mailbox after {@link #start()}) or from
 * anywhere else as raw RFC 5322 bytes ({@link #ingest}: a Postfix pipe, a webhook, a Graph MIME export).
 * Each mail changes tickets at most once (an idempotency key per mailbox and Message-ID, or per raw
 * digest), is threaded to its ticket (see {@code docs/mail.md#threading}), and what cannot be handled
 * is kept raw in the quarantine; nothing is lost and nothing blocks the mail after it. Thread-safe;
 * {@link #close()} stops the pollers.
 *
 * <pre>{@code
 * MailChannel mail = MailChannel.builder().ticketing(ticketing).storage(storage)
 *         .parser(MailParser.defaults()).messageIds(ids).mailbox(hr)
 *         .acknowledgements(smtp).build();
 * mail.start();
 * }</pre>
 *
 * @since 0.1
 */
public final class MailChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

    private final Map<String, Mailbox> mailboxes;
    private final Map<String, ImapPoller> pollers = new LinkedHashMap<>();
    private final MailIngestor ingestor;
    private final MailStore mailStore;
    private final AttachmentStore rawStore;
    private final Duration pollInterval;
    private final Duration backoffFirst;
    private final Duration backoffMax;
    private final List<Thread> threads = new ArrayList<>();
    private final Object wake = new Object();
    private volatile boolean running;

    private MailChannel(Builder b) {
        this.mailboxes = Map.copyOf(b.mailboxes);
        this.mailStore = b.storage.mailStore().orElseThrow();
        this.rawStore = b.storage.attachments().orElseThrow();
        this.ingestor = new MailIngestor(name -> mailboxes.get(name).ticketType(), b.ticketing, mailStore, rawStore,
                b.storage.idempotency().orElseThrow(), b.storage.transactions(), b.parser, b.messageIds,
                b.unknownSenders, b.purpose, Optional.ofNullable(b.acknowledgements), b.clock);
        this.pollInterval = b.pollInterval;
        this.backoffFirst = b.backoffFirst;
        this.backoffMax = b.backoffMax;
        for (Mailbox m : b.mailboxes.values()) {
            pollers.put(m.name(), new ImapPoller(m, mailStore, this::ingest, b.beforeFlag, b.clock));
        }
    }

    /** A builder; see {@link Builder} for what is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configured mailboxes' names. */
    public Set<String> mailboxes() {
        return Set.copyOf(mailboxes.keySet());
    }

    /**
     * Ingests one raw mail as if it had arrived in {@code mailbox}: for hosts whose mail comes another way
     * than IMAP. Idempotent: the same mail again returns {@link IngestResult.Duplicate}.
     *
     * @throws TicketingException with {@code UNKNOWN_MAILBOX} for a name the channel was not built with,
     *         or a retryable one when the storage is unavailable (ingest again later)
     */
    public IngestResult ingest(String mailbox, byte[] raw) {
        Require.nonNull(raw, "raw");
        return ingestor.ingest(known(mailbox).name(), raw);
    }

    /**
     * One pass over {@code mailbox}: fetches every new mail in batches, ingests it, then flags the batch.
     *
     * @throws TicketingException with {@code MAILBOX_UNAVAILABLE} when the server fails (nothing is lost)
     */
    public PollResult pollOnce(String mailbox) {
        known(mailbox);
        return pollers.get(mailbox).pollOnce();
    }

    /** Quarantined mail of {@code mailbox}, oldest first, at most {@code limit}. */
    public List<QuarantineEntry> quarantined(String mailbox, int limit) {
        known(mailbox);
        return mailStore.quarantined(mailbox, limit).stream().map(MailChannel::view).toList();
    }

    /** One quarantined mail, if it is (still) there. */
    public Optional<QuarantineEntry> quarantined(UUID id) {
        Require.nonNull(id, "id");
        return mailStore.quarantined(id).map(MailChannel::view);
    }

    /** The raw bytes of a quarantined mail, e.g. to look at or to ingest again after a fix. */
    public byte[] quarantinedRaw(UUID id) {
        QuarantinedMail q = mailStore.quarantined(Require.nonNull(id, "id"))
                .orElseThrow(() -> IngestProblems.quarantinedMailNotFound(id));
        return rawStore.get(q.rawSha256()).orElseThrow(() -> IngestProblems.quarantinedMailNotFound(id));
    }

    /**
     * Takes a mail out of the quarantine (its row goes; the raw bytes stay until retention purges them), so
     * that ingesting its raw bytes again is not answered from the quarantine.
     *
     * @throws dev.tiketti.core.common.NotFoundException with {@code QUARANTINED_MAIL_NOT_FOUND}
     */
    public void release(UUID id) {
        if (!mailStore.release(Require.nonNull(id, "id"))) {
            throw IngestProblems.quarantinedMailNotFound(id);
        }
    }

    /** Starts one poller thread per mailbox; each polls every poll interval and backs off while failing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (String name : pollers.keySet()) {
            Thread t = new Thread(() -> loop(name), "tiketti-mail-" + name);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop(String name) {
        PollerBackoff backoff = new PollerBackoff("mailbox " + name, backoffFirst, backoffMax, LOG);
        while (running) {
            Duration wait = pollInterval;
            if (backoff.due()) {
                try {
                    pollOnce(name);
                    backoff.succeeded();
                } catch (RuntimeException e) {
                    backoff.failed(e);
                    wait = PollerBackoff.exponential(backoffFirst, backoffMax, backoff.failures());
                }
            }
            synchronized (wake) {
                if (running) {
                    try {
                        wake.wait(Math.max(1, wait.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Stops the pollers after their current pass and waits for them (at most ~a minute each). */
    @Override
    public synchronized void close() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        for (Thread t : threads) {
            try {
                t.join(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    private Mailbox known(String mailbox) {
        Require.notBlank(mailbox, "mailbox");
        Mailbox m = mailboxes.get(mailbox);
        if (m == null) {
            throw IngestProblems.unknownMailbox(mailbox, new java.util.TreeSet<>(mailboxes.keySet()));
        }
        return m;
    }

    private static QuarantineEntry view(QuarantinedMail q) {
        return new QuarantineEntry(q.id(), q.mailbox(), q.messageKey(), q.receivedAt(), q.reasonCode(), q.reason(),
                q.sender(), q.rawSha256(), q.rawSize());
    }

    /**
     * Configures a {@link MailChannel}: each option is checked when set and may be set once; {@link #build()}
     * reports every missing or contradictory option at once ({@code INVALID_MAIL_CHANNEL}). Required:
     * {@link #ticketing}, {@link #storage} (with a mail store, an attachment store and idempotency keys),
     * {@link #parser}, {@link #messageIds}; mailboxes are needed for polling, not for {@link MailChannel#ingest}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Set<String> set = new LinkedHashSet<>();
        private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
        private final List<String> duplicates = new ArrayList<>();
        private Ticketing ticketing;
        private Storage storage;
        private MailParser parser;
        private MessageIds messageIds;
        private OutboundTransport acknowledgements;
        private UnknownSenders unknownSenders = UnknownSenders.REGISTER;
        private PurposeId purpose = PurposeId.of("service-requests");
        private Clock clock;
        private Duration pollInterval = Duration.ofSeconds(30);
        private Duration backoffFirst = Duration.ofSeconds(5);
        private Duration backoffMax = Duration.ofMinutes(5);
        private Runnable beforeFlag = () -> { };

        private Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw IngestProblems.optionTwice("MailChannel", option);
            }
        }

        /** The Ticketing the mail changes tickets in (required). */
        public Builder ticketing(Ticketing value) {
            Require.nonNull(value, "ticketing");
            once("ticketing");
            this.ticketing = value;
            return this;
        }

        /**
         * The storage the Ticketing was built on (required): its mail store keeps mailbox state and the
         * quarantine, its attachment store the raw mails, its idempotency keys make ingestion exactly-once.
         */
        public Builder storage(Storage value) {
            Require.nonNull(value, "storage");
            once("storage");
            this.storage = value;
            return this;
        }

        /** The parser (required); give it the host's own addresses so its mail coming back is recognised. */
        public Builder parser(MailParser value) {
            Require.nonNull(value, "parser");
            once("parser");
            this.parser = value;
            return this;
        }

        /** The Message-IDs of the mail Tiketti sends, to thread replies to them (required; same key as the SMTP side). */
        public Builder messageIds(MessageIds value) {
            Require.nonNull(value, "messageIds");
            once("messageIds");
            this.messageIds = value;
            return this;
        }

        /** A mailbox to poll; its name must be unique. */
        public Builder mailbox(Mailbox value) {
            Require.nonNull(value, "mailbox");
            if (mailboxes.putIfAbsent(value.name(), value) != null) {
                duplicates.add(value.name());
            }
            return this;
        }

        /**
         * Sends an acknowledgement ({@code OutboundMessage.Kind.ACKNOWLEDGEMENT}) through this transport
         * after a person's mail opened a ticket and its unit of work committed (never for machine mail, never
         * for a rolled-back change). Without it, no acknowledgement is sent.
         */
        public Builder acknowledgements(OutboundTransport value) {
            Require.nonNull(value, "acknowledgements");
            once("acknowledgements");
            this.acknowledgements = value;
            return this;
        }

        /** What a new mail from an unknown address does (default {@link UnknownSenders#REGISTER}). */
        public Builder unknownSenders(UnknownSenders value) {
            Require.nonNull(value, "unknownSenders");
            once("unknownSenders");
            this.unknownSenders = value;
            return this;
        }

        /**
         * The purpose the sender look-ups are recorded under in the audit log (default {@code service-requests});
         * it must be registered ({@code privacy().consents().registerPurpose}), or every mail is quarantined.
         */
        public Builder purpose(PurposeId value) {
            Require.nonNull(value, "purpose");
            once("purpose");
            this.purpose = value;
            return this;
        }

        /** The clock (default: the Ticketing's). */
        public Builder clock(Clock value) {
            Require.nonNull(value, "clock");
            once("clock");
            this.clock = value;
            return this;
        }

        /** How long a poller thread waits between passes (default 30 s). */
        public Builder pollInterval(Duration value) {
            Require.nonNull(value, "pollInterval");
            if (value.isNegative() || value.isZero()) {
                throw IngestProblems.invalidOption("MailChannel", "pollInterval", value.toString(), "a positive duration");
            }
            once("pollInterval");
            this.pollInterval = value;
            return this;
        }

        /** The back-off of a failing poller: {@code first}, doubled per failure, at most {@code max} (default 5 s, 5 min). */
        public Builder backoff(Duration first, Duration max) {
            Require.nonNull(first, "first");
            Require.nonNull(max, "max");
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw IngestProblems.invalidOption("MailChannel", "backoff", first + ", " + max,
                        "a positive first wait and a maximum not below it");
            }
            once("backoff");
            this.backoffFirst = first;
            this.backoffMax = max;
            return this;
        }

        /** For tests: runs after a batch's ticket changes committed, before its flags are stored. */
        Builder beforeFlag(Runnable hook) {
            this.beforeFlag = Require.nonNull(hook, "hook");
            return this;
        }

        /** The channel; fails with every problem at once. */
        public MailChannel build() {
            List<String> problems = new ArrayList<>();
            if (ticketing == null) {
                problems.add(IngestProblems.missing("MailChannel", "ticketing(...)"));
            }
            if (storage == null) {
                problems.add(IngestProblems.missing("MailChannel", "storage(...)"));
            } else {
                if (storage.mailStore().isEmpty()) {
                    problems.add(IngestProblems.noMailStore());
                }
                if (storage.attachments().isEmpty()) {
                    problems.add(IngestProblems.noAttachmentStore());
                }
                if (storage.idempotency().isEmpty()) {
                    problems.add(IngestProblems.noIdempotency());
                }
            }
            if (parser == null) {
                problems.add(IngestProblems.missing("MailChannel", "parser(...)"));
            }
            if (messageIds == null) {
                problems.add(IngestProblems.missing("MailChannel", "messageIds(...)"));
            }
            for (String d : duplicates) {
                problems.add(IngestProblems.duplicateMailbox(d));
            }
            if (!problems.isEmpty()) {
                throw IngestProblems.cannotBuild("MailChannel", problems);
            }
            if (clock == null) {
                clock = ticketing.clock();
            }
            return new MailChannel(this);
        }
    }
}
