package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.DeadDelivery;
import dev.tiketti.core.event.EventDelivery;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.spi.ChangeLog;
import dev.tiketti.core.spi.EventListener;
import dev.tiketti.core.spi.LoggedChange;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.spi.OutboxDelivery;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.OutboxStore;
import dev.tiketti.core.spi.StoreProblems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes what a unit of work produced — ticket events, privacy events, outbound messages — to the
 * search index, the transport and the listeners once the unit of work has committed.
 *
 * <p>Without an outbox, {@link #stage} only remembers the items and {@link #afterCommit} delivers them
 * once (a crash in between loses them). With an {@link OutboxStore}, {@link #stage} also appends them
 * to the outbox inside the unit of work, leased to this node; {@link #afterCommit} delivers them and
 * removes each one whose delivery finished (every listener, or the transport, took it).
 *
 * <p>Delivery is tracked per recipient — each listener by its name, the transport as
 * {@value #TRANSPORT}. When a round does not finish, the outbox records which recipients took the
 * entry (they never get it again), which failed (retried alone after a back-off that doubles with
 * each failure) and which were given up after the last allowed attempt (dead: the entry is parked
 * once nothing else is owed, until {@link #retryDead} or {@link #discardDead}). {@link #deliverPending}
 * hands out what is due, on any node, with the same delivery id: at least once. The recipients of an
 * entry are those of the node delivering it; deliveries recorded for a name it does not know are dropped.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** The recipient name of outbound messages. */
    static final String TRANSPORT = "outbound-transport";

    /** Items of one unit of work, in delivery order: messages, then ticket events, then privacy events. */
    public static final class Staged {
        static final Staged NONE = new Staged(List.of());
        final List<Item> items;

        Staged(List<Item> items) {
            this.items = items;
        }
    }

    /** One event or message to deliver, with what the outbox recorded of its earlier rounds. */
    record Item(Object value, EventDelivery delivery, List<OutboxDelivery> recorded) {
    }

    /** One recipient of an item: its name and how to hand the item to it. */
    private record Recipient(String name, Consumer<Item> target) {
    }

    /** What one round of an item did: each recipient's delivery after it, and whether nothing is owed any more. */
    private record Round(List<OutboxDelivery> deliveries, boolean finished) {
    }

    private final List<EventListener> listeners;
    /** The listeners' names, read once: the builder has checked them. */
    private final List<String> names;
    private final OutboundTransport outbound;
    private final SearchSync search;
    private final Optional<OutboxStore> outbox;
    private final Optional<OutboxCodec> codec;
    private final TrackedTransactions transactions;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final OutboxRetry retry;
    private final Optional<ChangeLog> changeLog;

    public Dispatcher(List<EventListener> listeners, OutboundTransport outbound, SearchSync search,
                      Optional<OutboxStore> outbox, TrackedTransactions transactions, Clock clock, String owner,
                      Duration lease, OutboxRetry retry, Optional<ChangeLog> changeLog) {
        this.listeners = List.copyOf(listeners);
        this.names = this.listeners.stream().map(EventListener::name).toList();
        this.outbound = outbound;
        this.search = search;
        this.outbox = outbox;
        this.codec = outbox.map(o -> OutboxCodec.create());
        this.transactions = transactions;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.retry = retry;
        this.changeLog = changeLog;
    }

    /**
     * Whether changes are appended to a change log, so that every node's index follows; appending
     * happens inside the unit of work of the change, ids only.
     */
    public boolean logsChanges() {
        return changeLog.isPresent();
    }

    /** See {@link #logsChanges()}: appends, in the current unit of work. */
    public void logChanges(Collection<TicketId> tickets, LoggedChange.Kind kind) {
        if (changeLog.isPresent() && !tickets.isEmpty()) {
            changeLog.get().append(new LinkedHashSet<>(tickets), kind, now());
        }
    }

    private static Optional<TicketId> ticketOf(Object value) {
        return value instanceof TicketEvent e ? Optional.of(e.ticketId())
                : value instanceof OutboundMessage m ? Optional.of(m.ticketId()) : Optional.empty();
    }

    /**
     * Discards outbox entries about these tickets, dead ones included (erasure: they may carry the
     * erased person's data); returns how many. Without an outbox, 0.
     */
    public int discard(Collection<TicketId> tickets) {
        return outbox.isEmpty() || tickets.isEmpty() ? 0
                : transactions.inTransaction(() -> outbox.get().discard(tickets));
    }

    /** Entries waiting in the outbox, dead ones not counted; 0 without one. */
    public long pending() {
        return outbox.isEmpty() ? 0 : transactions.inTransaction(() -> outbox.get().pending());
    }

    /** Dead deliveries in the outbox; 0 without one. */
    public long deadCount() {
        return outbox.isEmpty() ? 0 : transactions.inTransaction(() -> outbox.get().deadCount());
    }

    /** The dead deliveries of the oldest {@code limit} entries that have one. */
    public List<DeadDelivery> dead(int limit) {
        Require.argument(limit >= 1, () -> StoreProblems.outboxListLimit(limit));
        if (outbox.isEmpty()) {
            return List.of();
        }
        List<DeadDelivery> dead = new ArrayList<>();
        for (OutboxEntry entry : deadEntries(limit)) {
            for (OutboxDelivery d : entry.deliveries()) {
                if (d.isDead()) {
                    dead.add(new DeadDelivery(entry.id(), entry.type(), entry.ticketId(), d.recipient(), d.failures(),
                            d.errorClass().orElseThrow(), d.errorCode(), d.firstFailedAt().orElseThrow(),
                            d.lastFailedAt().orElseThrow()));
                }
            }
        }
        return List.copyOf(dead);
    }

    /** The ids of the oldest {@code limit} entries with a dead delivery. */
    public List<String> deadIds(int limit) {
        return outbox.isEmpty() ? List.of() : deadEntries(limit).stream().map(OutboxEntry::id).toList();
    }

    private List<OutboxEntry> deadEntries(int limit) {
        return transactions.inTransaction(() -> outbox.get().dead(limit));
    }

    /** Puts the dead deliveries of these entries back to be tried again; returns how many entries had one. */
    public int retryDead(Collection<String> ids) {
        if (outbox.isEmpty() || ids.isEmpty()) {
            return 0;
        }
        int retried = transactions.inTransaction(() -> outbox.get().retryDead(ids));
        if (retried > 0) {
            LOG.info("Put {} dead outbox entr{} back to be delivered again", retried, retried == 1 ? "y" : "ies");
        }
        return retried;
    }

    /** Gives the dead deliveries of these entries up for good; returns how many entries had one. */
    public int discardDead(Collection<String> ids) {
        if (outbox.isEmpty() || ids.isEmpty()) {
            return 0;
        }
        int discarded = transactions.inTransaction(() -> outbox.get().discardDead(ids));
        if (discarded > 0) {
            LOG.info("Discarded the dead deliveries of {} outbox entr{}: {}", discarded, discarded == 1 ? "y" : "ies",
                    ids);
        }
        return discarded;
    }

    /** Remembers a unit of work's output and, with an outbox, appends it there; call inside the unit of work. */
    public Staged stage(List<TicketEvent> events, List<OutboundMessage> messages, List<PrivacyEvent> privacyEvents) {
        if (events.isEmpty() && messages.isEmpty() && privacyEvents.isEmpty()) {
            return Staged.NONE;
        }
        List<Object> values = new ArrayList<>(messages.size() + events.size() + privacyEvents.size());
        values.addAll(messages);
        values.addAll(events);
        values.addAll(privacyEvents);
        List<Item> items = new ArrayList<>(values.size());
        List<OutboxEntry> entries = new ArrayList<>(values.size());
        Instant createdAt = now();
        for (Object value : values) {
            String id = UUID.randomUUID().toString();
            items.add(new Item(value, new EventDelivery(id, 1), List.of()));
            codec.ifPresent(c -> entries.add(new OutboxEntry(id, c.typeOf(value), ticketOf(value), createdAt, 1,
                    c.write(value))));
        }
        outbox.ifPresent(o -> o.append(entries, owner, lease));
        logChanges(events.stream().map(TicketEvent::ticketId).toList(), LoggedChange.Kind.CHANGED);
        return new Staged(List.copyOf(items));
    }

    /** Stages a privacy event in a unit of work of its own (the outbox, if any), then delivers it. */
    public void publish(PrivacyEvent event) {
        afterCommit(transactions.inTransaction(() -> stage(List.of(), List.of(), List.of(event))));
    }

    /**
     * Delivers a committed unit of work's output; with an outbox, removes what was delivered and
     * records what was not. Inside an outer unit of work core started, waits until that one has
     * committed (and drops the output if it rolls back).
     */
    public void afterCommit(Staged staged) {
        if (!staged.items.isEmpty()) {
            transactions.afterCommit(() -> deliverAll(staged.items));
        }
    }

    /**
     * Refreshes the search index, delivers each item to the recipients it still owes, removes the
     * finished ones from the outbox and records the others; returns how many finished.
     */
    private int deliverAll(List<Item> items) {
        refreshSearch(items);
        List<String> done = new ArrayList<>(items.size());
        for (Item item : items) {
            Round round = deliver(item);
            if (round.finished()) {
                done.add(item.delivery().id());
            } else {
                reschedule(item, round);
            }
        }
        remove(done);
        return done.size();
    }

    /**
     * Delivers outbox entries that were left undelivered (their node stopped, a listener or the
     * transport failed) and whose lease or back-off has expired: one batch of at most {@code limit}.
     * Without an outbox, nothing.
     */
    public Pass deliverPending(int limit) {
        if (outbox.isEmpty()) {
            return new Pass(0, 0);
        }
        List<OutboxEntry> claimed = transactions.inTransaction(() -> outbox.get().claim(owner, lease, limit));
        List<Item> items = new ArrayList<>(claimed.size());
        for (OutboxEntry entry : claimed) {
            try {
                items.add(new Item(codec.get().read(entry.id(), entry.payload()),
                        new EventDelivery(entry.id(), entry.attempts()), entry.deliveries()));
            } catch (TicketingException e) {
                LOG.error("{} (attempt {})", e.getMessage(), entry.attempts(), e);
            }
        }
        return new Pass(claimed.size(), deliverAll(items));
    }

    /** One batch of {@link #deliverPending}: how many entries were claimed and how many of them delivered. */
    public record Pass(int claimed, int delivered) {
    }

    private List<Recipient> recipientsOf(Item item) {
        if (item.value() instanceof OutboundMessage message) {
            return List.of(new Recipient(TRANSPORT, i -> outbound.send(message, i.delivery())));
        }
        List<Recipient> recipients = new ArrayList<>(listeners.size());
        for (int n = 0; n < listeners.size(); n++) {
            EventListener listener = listeners.get(n);
            recipients.add(new Recipient(names.get(n), i -> {
                if (i.value() instanceof TicketEvent event) {
                    listener.on(event, i.delivery());
                } else {
                    listener.onPrivacy((PrivacyEvent) i.value(), i.delivery());
                }
            }));
        }
        return recipients;
    }

    /**
     * Hands the item to each recipient it still owes: not to those that took it in an earlier round,
     * nor to dead ones. A recipient that throws does not stop the others.
     */
    private Round deliver(Item item) {
        Map<String, OutboxDelivery> before = new HashMap<>();
        item.recorded().forEach(d -> before.put(d.recipient(), d));
        List<OutboxDelivery> after = new ArrayList<>();
        boolean finished = true;
        for (Recipient recipient : recipientsOf(item)) {
            OutboxDelivery prior = before.get(recipient.name());
            if (prior != null && prior.status() != OutboxDelivery.Status.FAILING) {
                after.add(prior);
                finished &= prior.status() == OutboxDelivery.Status.DONE;
                continue;
            }
            try {
                recipient.target().accept(item);
                after.add(OutboxDelivery.done(recipient.name()));
            } catch (RuntimeException e) {
                finished = false;
                OutboxDelivery failed = failed(recipient.name(), prior, e);
                after.add(failed);
                logFailure(item, recipient.name(), failed, e);
            }
        }
        return new Round(List.copyOf(after), finished);
    }

    /** The delivery after one more failed attempt: its error as class and code only, dead after the last attempt. */
    private OutboxDelivery failed(String recipient, OutboxDelivery prior, RuntimeException e) {
        Instant at = now();
        int failures = (prior == null ? 0 : prior.failures()) + 1;
        String errorClass = e.getClass().getName();
        if (errorClass.length() > OutboxDelivery.MAX_ERROR_CLASS) {
            errorClass = errorClass.substring(errorClass.length() - OutboxDelivery.MAX_ERROR_CLASS);
        }
        Optional<String> code = e instanceof TicketingException t ? Optional.of(t.code().id()) : Optional.empty();
        Instant first = prior == null ? at : prior.firstFailedAt().filter(f -> !f.isAfter(at)).orElse(at);
        OutboxDelivery failing = OutboxDelivery.failing(recipient, failures, errorClass, code, first, at);
        return outbox.isPresent() && (retry.givesUpAfter(failures) || refusedForGood(recipient, e)) ? failing.dead()
                : failing;
    }

    /**
     * The transport said no in a way trying again cannot change (an SMTP 5xx, a malformed address):
     * the delivery is dead at once, for the host to fix and {@code events().retry(id)}. Listeners are
     * host code whose exceptions say nothing of that, so they keep their attempts.
     */
    private static boolean refusedForGood(String recipient, RuntimeException e) {
        return TRANSPORT.equals(recipient) && e instanceof TicketingException t && !t.retryable();
    }

    private void logFailure(Item item, String recipient, OutboxDelivery failed, RuntimeException e) {
        String what = item.value() instanceof OutboundMessage m ? "the message about ticket " + m.ticketKey()
                : item.value().getClass().getSimpleName();
        if (outbox.isEmpty()) {
            LOG.error("Delivering {} to {} failed after the change was committed; the change stands and it is not "
                    + "delivered again (no outbox)", what, recipient, e);
        } else if (failed.isDead()) {
            LOG.error("Delivering {} to {} failed after the change was committed; the change stands (delivery {}). "
                    + "After {} failed attempt(s){} it is given up for this recipient and listed by events().dead():"
                    + " fix the cause, then call events().retry(\"{}\")", what, recipient, item.delivery().id(),
                    failed.failures(), refusedForGood(recipient, e) ? ", refused for good," : "",
                    item.delivery().id(), e);
        } else {
            LOG.error("Delivering {} to {} failed after the change was committed; the change stands (delivery {}, "
                    + "failed attempt {} of {}); it is tried again, for this recipient only, in {}", what, recipient,
                    item.delivery().id(), failed.failures(), retry.maxAttempts(), retry.backoffAfter(failed.failures()),
                    e);
        }
    }

    /** Records an unfinished round in the outbox: who took the item, who failed, when to try again. */
    private void reschedule(Item item, Round round) {
        if (outbox.isEmpty()) {
            return;
        }
        int failures = round.deliveries().stream().filter(d -> d.status() != OutboxDelivery.Status.DONE)
                .mapToInt(OutboxDelivery::failures).max().orElse(1);
        Duration backoff = retry.backoffAfter(Math.max(failures, 1));
        try {
            transactions.inTransaction(() -> outbox.get().reschedule(item.delivery().id(), round.deliveries(), backoff));
        } catch (RuntimeException e) {
            // Not recorded: after its lease the entry goes to every recipient again, which at-least-once allows.
            LOG.warn("Recording the failed delivery {} in the outbox failed; after its lease it is delivered again, "
                    + "also to the recipients that took it", item.delivery().id(), e);
        }
    }

    private Instant now() {
        // microseconds, as databases keep them, so a time reads back as it was written
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void refreshSearch(List<Item> items) {
        Set<TicketId> changed = new LinkedHashSet<>();
        for (Item item : items) {
            if (item.value() instanceof TicketEvent e) {
                changed.add(e.ticketId());
            }
        }
        for (TicketId id : changed) {
            try {
                search.refresh(id);
            } catch (RuntimeException e) {
                LOG.error("Updating the search index for ticket {} failed after the change was committed; the change "
                        + "stands, Ticketing.search().reindex() repairs the index", id, e);
            }
        }
    }

    private void remove(List<String> delivered) {
        if (outbox.isEmpty() || delivered.isEmpty()) {
            return;
        }
        try {
            transactions.inTransaction(() -> outbox.get().delivered(delivered));
        } catch (RuntimeException e) {
            // Delivered but still in the outbox: it will be delivered again, which at-least-once allows.
            LOG.warn("Removing {} delivered entries from the outbox failed; they will be delivered again after "
                    + "their lease", delivered.size(), e);
        }
    }
}
