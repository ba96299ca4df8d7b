package dev.tiketti.mail.internal;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.IdempotencyStore;
import dev.tiketti.core.spi.IdempotentChange;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.spi.QuarantinedMail;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.mail.InboundMail;
import dev.tiketti.mail.IngestResult;
import dev.tiketti.mail.MailAttachment;
import dev.tiketti.mail.MailKind;
import dev.tiketti.mail.MailParser;
import dev.tiketti.mail.MailRejectedException;
import dev.tiketti.mail.MessageIds;
import dev.tiketti.mail.UnknownSenders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one raw mail of one mailbox into at most one ticket change, exactly once per message key:
 * quarantine, machine mail, threading (subject tag, our signed Message-IDs, known inbound ids with a
 * matching subject), new ticket. Thread-safe: holds no state of its own.
 */
public final class MailIngestor {
    /** The line between a mail's new text and its quoted history in a timeline entry's body. */
    public static final String QUOTED_MARK = "---- quoted ----";
    private static final Logger LOG = LoggerFactory.getLogger(MailIngestor.class);
    private static final Pattern TAG = Pattern.compile("\\[([A-Z][A-Z0-9]{0,9}-[1-9][0-9]{0,17})\\]");
    private static final Pattern PREFIX = Pattern.compile("^(?:(?:re|vs|sv|aw|fw|fwd|vl|vb|ynt)\\s*(?:\\[\\d+\\])?\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private final Ticketing ticketing;
    private final MailStore mailStore;
    private final AttachmentStore rawStore;
    private final IdempotencyStore keys;
    private final Transactions transactions;
    private final MailParser parser;
    private final MessageIds ids;
    private final UnknownSenders unknownSenders;
    private final PurposeId purpose;
    private final Optional<OutboundTransport> acknowledgements;
    private final Clock clock;
    private final Function<String, String> types;

    /** {@code types} gives the ticket type a new mail of each mailbox opens. */
    public MailIngestor(Function<String, String> types, Ticketing ticketing, MailStore mailStore, AttachmentStore rawStore, IdempotencyStore keys,
            Transactions transactions, MailParser parser, MessageIds ids, UnknownSenders unknownSenders,
            PurposeId purpose, Optional<OutboundTransport> acknowledgements, Clock clock) {
        this.ticketing = ticketing;
        this.mailStore = mailStore;
        this.rawStore = rawStore;
        this.keys = keys;
        this.transactions = transactions;
        this.parser = parser;
        this.ids = ids;
        this.unknownSenders = unknownSenders;
        this.purpose = purpose;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
        this.types = types;
    }

    /** The idempotency key of a mail: by Message-ID, else by the raw bytes' digest; hashed when too long. */
    public static String messageKey(String mailbox, Optional<String> messageId, String digest) {
        String key = messageId.map(id -> "mail:" + mailbox + ":" + id).orElse("mail:" + mailbox + ":sha256:" + digest);
        if (key.length() > OpenTicket.MAX_IDEMPOTENCY_KEY_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            return "mail:sha256:" + sha256(key.getBytes(StandardCharsets.UTF_8));
        }
        return key;
    }

    /**
     * Ingests one raw mail. Never throws for anything the mail itself causes (that is quarantined);
     * throws only what a retry may cure (storage unavailable), so that a poller leaves the mail unflagged.
     */
    public IngestResult ingest(String mailbox, byte[] raw) {
        InboundMail mail;
        try {
            mail = parser.parse(raw);
        } catch (MailRejectedException e) {
            return quarantine(mailbox, messageKey(mailbox, Optional.empty(), sha256(raw)), raw, Optional.empty(),
                    ErrorCode.MAIL_REJECTED.id(), e.getMessage());
        } catch (TicketingException e) {
            if (e.retryable()) {
                throw e;
            }
            return quarantine(mailbox, messageKey(mailbox, Optional.empty(), sha256(raw)), raw, Optional.empty(),
                    ErrorCode.MAIL_UNREADABLE.id(), IngestProblems.unreadable(e));
        } catch (RuntimeException | StackOverflowError e) {
            return quarantine(mailbox, messageKey(mailbox, Optional.empty(), sha256(raw)), raw, Optional.empty(),
                    ErrorCode.MAIL_UNREADABLE.id(), IngestProblems.unreadable(e));
        }
        String key = messageKey(mailbox, mail.messageId(), mail.digest());
        Optional<IdempotentChange> done = keys.find(key);
        if (done.isPresent()) {
            return new IngestResult.Duplicate(done.get().ticket());
        }
        Optional<String> sender = mail.from().map(a -> a.address().toLowerCase(Locale.ROOT));
        try {
            return switch (mail.kind()) {
                case OWN_LOOP -> new IngestResult.Recorded(MailKind.OWN_LOOP, Optional.empty(), false);
                case AUTO_REPLY, BOUNCE, LIST -> machine(mailbox, key, mail, raw);
                case PERSONAL -> personal(mailbox, key, mail, raw, sender);
            };
        } catch (TicketingException e) {
            if (e.retryable()) {
                throw e;
            }
            Optional<IdempotentChange> raced = keys.find(key);
            if (raced.isPresent()) { // another node took the same mail first
                return new IngestResult.Duplicate(raced.get().ticket());
            }
            // core's messages carry ids only, so the log may have them
            LOG.warn("core refused the change of a mail of mailbox {}: {}", mailbox, e.getMessage());
            return quarantine(mailbox, key, raw, sender, ErrorCode.MAIL_UNREADABLE.id(), IngestProblems.refusedByCore(e));
        }
    }

    private IngestResult machine(String mailbox, String key, InboundMail mail, byte[] raw) {
        if (mail.kind() == MailKind.BOUNCE && mail.bounce().isPresent()) {
            for (String failed : mail.bounce().get().failedRecipients()) {
                try {
                    mailStore.markFailing(failed, clock.instant(), "bounced");
                } catch (IllegalArgumentException | TicketingException e) {
                    LOG.debug("bounce in mailbox {} names an unusable address; not marked", mailbox);
                }
            }
        }
        List<String> refs = new ArrayList<>(mail.inReplyTo());
        refs.addAll(mail.references());
        mail.bounce().flatMap(b -> b.originalMessageId()).ifPresent(refs::add);
        Optional<TicketId> ticket = ids.findTicket(brackets(refs)).or(() -> tagged(mail.subject()));
        if (ticket.isEmpty()) {
            return new IngestResult.Recorded(mail.kind(), Optional.empty(), false);
        }
        Optional<Ticket> found = ticketing.tickets().find(ticket.get());
        if (found.isEmpty() || ticketing.tickets().category(found.get()) == StateCategory.CLOSED) {
            // a machine never reopens a closed matter, nor wakes its workflow
            return new IngestResult.Recorded(mail.kind(), ticket, false);
        }
        AttachmentRef original = rawRef(raw);
        NewEntry note = NewEntry.note(ticket.get(), Actor.system(), machineNote(mail)).withAttachment(original)
                .withIdempotencyKey(key);
        ticketing.tickets().addEntry(note);
        return new IngestResult.Recorded(mail.kind(), ticket, true);
    }

    private IngestResult personal(String mailbox, String key, InboundMail mail, byte[] raw, Optional<String> sender) {
        if (sender.isEmpty()) {
            return quarantine(mailbox, key, raw, sender, ErrorCode.MAIL_SENDER_UNKNOWN.id(), IngestProblems.noSender());
        }
        Optional<Contact> known = ticketing.privacy().access().findContactByEmail(sender.get(), Actor.system(), purpose);
        String body = body(mail);
        // 1. the subject tag, trusted only from a participant of that ticket
        Optional<Ticket> tagged = tagged(mail.subject()).flatMap(ticketing.tickets()::find);
        Optional<String> linkTo = Optional.empty();
        if (tagged.isPresent()) {
            if (known.isPresent() && tagged.get().requester().equals(known.get().id())) {
                return append(tagged.get().id(), known.get(), key, body, mail, raw);
            }
            linkTo = Optional.of(tagged.get().key().toString());
        } else {
            // 2. a reply to one of our own (signed) Message-IDs
            List<String> refs = new ArrayList<>(mail.inReplyTo());
            refs.addAll(mail.references());
            Optional<TicketId> ours = ids.findTicket(brackets(refs));
            if (ours.isPresent() && known.isPresent() && ticketing.tickets().find(ours.get()).isPresent()) {
                return append(ours.get(), known.get(), key, body, mail, raw);
            }
            // 3. a reference to a mail we ingested, when the subject matches too
            if (known.isPresent()) {
                for (String ref : refs) {
                    Optional<Ticket> earlier = keys.find(messageKey(mailbox, Optional.of(ref), "-"))
                            .flatMap(c -> ticketing.tickets().find(c.ticket()));
                    if (earlier.isPresent() && normalSubject(earlier.get().subject()).equals(normalSubject(mail.subject()))) {
                        return append(earlier.get().id(), known.get(), key, body, mail, raw);
                    }
                }
            }
        }
        // 4. a new ticket
        if (known.isEmpty() && unknownSenders == UnknownSenders.QUARANTINE) {
            return quarantine(mailbox, key, raw, sender, ErrorCode.MAIL_SENDER_UNKNOWN.id(), IngestProblems.unknownSender());
        }
        String opening = linkTo.map(k -> body + "\n\n(This mail names ticket " + k + "; its sender is not a participant "
                + "of that ticket, so it was opened as a new one.)").orElse(body);
        return open(mailbox, key, mail, raw, known, sender.get(), opening);
    }

    private IngestResult open(String mailbox, String key, InboundMail mail, byte[] raw, Optional<Contact> known,
            String sender, String body) {
        List<AttachmentRef> refs = attachments(mail, raw);
        Ticket[] opened = new Ticket[1];
        Contact[] requester = new Contact[1];
        transactions.inTransaction(() -> {
            Contact contact = known.orElseGet(() -> ticketing.privacy().register().save(newContact(mail, sender)));
            OpenTicket request = OpenTicket.of(typeOf(mailbox), contact.id(), subjectOf(mail), Channel.EMAIL)
                    .body(body).idempotencyKey(key);
            for (AttachmentRef ref : refs) {
                request = request.attachment(ref);
            }
            requester[0] = contact;
            opened[0] = ticketing.tickets().open(request);
            return null;
        });
        Ticket ticket = opened[0];
        acknowledgements.ifPresent(transport -> transactions.afterCommit(() -> acknowledge(transport, ticket, requester[0])));
        return new IngestResult.Opened(ticket.id());
    }

    private String typeOf(String mailbox) {
        return types.apply(mailbox);
    }

    private static void acknowledge(OutboundTransport transport, Ticket ticket, Contact to) {
        try {
            transport.send(new OutboundMessage(ticket.id(), ticket.key(), Optional.of(ticket.team()),
                    new OutboundMessage.ToContact(to.id(), to.emails(), to.language()),
                    "[" + ticket.key() + "] " + ticket.subject(), "", OutboundMessage.Kind.ACKNOWLEDGEMENT));
        } catch (RuntimeException e) {
            // the ticket stands; a lost "we got your mail" is not worth failing the mail for
            LOG.warn("acknowledgement of ticket {} was not sent ({})", ticket.key(), e.getClass().getSimpleName());
        }
    }

    private IngestResult append(TicketId ticket, Contact from, String key, String body, InboundMail mail, byte[] raw) {
        NewEntry entry = NewEntry.inbound(ticket, Actor.contact(from.id()), Channel.EMAIL, body).withIdempotencyKey(key);
        for (AttachmentRef ref : attachments(mail, raw)) {
            entry = entry.withAttachment(ref);
        }
        ticketing.tickets().addEntry(entry);
        return new IngestResult.Appended(ticket);
    }

    private List<AttachmentRef> attachments(InboundMail mail, byte[] raw) {
        List<AttachmentRef> refs = new ArrayList<>();
        for (MailAttachment a : mail.attachments()) {
            refs.add(ticketing.attachments().store(a.fileName(), a.mediaType(), a.bytes()));
        }
        refs.add(rawRef(raw));
        return refs;
    }

    /** The raw message itself, so that nothing is lost to a parsing decision. */
    private AttachmentRef rawRef(byte[] raw) {
        return ticketing.attachments().store("original.eml", "message/rfc822", raw);
    }

    private IngestResult quarantine(String mailbox, String key, byte[] raw, Optional<String> sender, String code,
            String reason) {
        String sha = rawStore.put(raw);
        UUID id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        Optional<String> from = sender.filter(s -> s.length() <= MailStore.MAX_ADDRESS_LENGTH && s.indexOf('@') > 0);
        boolean added = mailStore.quarantine(new QuarantinedMail(id, mailbox, key, clock.instant(), code,
                IngestProblems.fit(reason), from, sha, raw.length));
        if (added) {
            LOG.warn("mail of mailbox {} quarantined as {} with {}", mailbox, id, code);
        }
        return new IngestResult.Quarantined(id, code);
    }

    private static Contact newContact(InboundMail mail, String sender) {
        String name = mail.from().flatMap(a -> a.name()).map(String::strip).filter(n -> !n.isBlank())
                .orElse(sender.substring(0, sender.indexOf('@')));
        return Contact.withEmail(name, sender, AssuranceLevel.LOW);
    }

    private static String subjectOf(InboundMail mail) {
        String s = mail.subject().strip();
        return s.isEmpty() ? "(no subject)" : s;
    }

    /** The new text first, the quoted history after a marker line, so the timeline shows what is new. */
    static String body(InboundMail mail) {
        String text = mail.newText().strip();
        String quoted = mail.quoted().map(String::strip).orElse("");
        String body = quoted.isEmpty() ? text : (text + "\n\n" + QUOTED_MARK + "\n" + quoted).strip();
        return body.isBlank() ? "(no text)" : body;
    }

    private static String machineNote(InboundMail mail) {
        String what = switch (mail.kind()) {
            case BOUNCE -> "Delivery failed (bounce)" + mail.bounce().map(b -> ": " + b.failedRecipients().size()
                    + " recipient(s) failed").orElse("");
            case AUTO_REPLY -> "Automatic reply";
            default -> "List or bulk mail";
        };
        String text = mail.newText().strip();
        return what + (text.isEmpty() ? "" : "\n\n" + text);
    }

    private Optional<TicketId> tagged(String subject) {
        Matcher m = TAG.matcher(subject);
        while (m.find()) {
            try {
                Optional<Ticket> t = ticketing.tickets().find(TicketKey.parse(m.group(1)));
                if (t.isPresent()) {
                    return Optional.of(t.get().id());
                }
            } catch (TicketingException e) {
                // not a key after all (a number too large): look on
            }
        }
        return Optional.empty();
    }

    static String normalSubject(String subject) {
        String s = TAG.matcher(subject).replaceAll(" ").strip();
        s = PREFIX.matcher(s).replaceFirst("");
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> brackets(List<String> ids) {
        return ids.stream().map(id -> "<" + id + ">").toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
