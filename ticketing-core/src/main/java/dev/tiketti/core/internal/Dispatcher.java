package dev.tiketti.core.internal;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.EventDelivery;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.spi.EventListener;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes what a unit of work produced — ticket events, privacy events, outbound messages — to the
 * search index, the transport and the listeners once the unit of work has committed.
 *
 * <p>Without an outbox, {@link #stage} only remembers the items and {@link #afterCommit} delivers them
 * once (a crash in between loses them). With an {@link OutboxStore}, {@link #stage} also appends them
 * to the outbox inside the unit of work, leased to this node; {@link #afterCommit} delivers them and
 * removes each one whose delivery finished (every listener and the transport returned). What is
 * left — a crash, a failed listener or transport — {@link #deliverPending} hands out again once the
 * lease has expired, on any node, with the same delivery id: at least once.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** Items of one unit of work, in delivery order: messages, then ticket events, then privacy events. */
    public static final class Staged {
        static final Staged NONE = new Staged(List.of());
        final List<Item> items;

        Staged(List<Item> items) {
            this.items = items;
        }
    }

    record Item(Object value, EventDelivery delivery) {
    }

    private final List<EventListener> listeners;
    private final OutboundTransport outbound;
    private final SearchSync search;
    private final Optional<OutboxStore> outbox;
    private final Optional<OutboxCodec> codec;
    private final TrackedTransactions transactions;
    private final Clock clock;
    private final String owner;
    private final Duration lease;

    public Dispatcher(List<EventListener> listeners, OutboundTransport outbound, SearchSync search,
                      Optional<OutboxStore> outbox, TrackedTransactions transactions, Clock clock, String owner,
                      Duration lease) {
        this.listeners = List.copyOf(listeners);
        this.outbound = outbound;
        this.search = search;
        this.outbox = outbox;
        this.codec = outbox.map(o -> OutboxCodec.create());
        this.transactions = transactions;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
    }

    private static Optional<TicketId> ticketOf(Object value) {
        return value instanceof TicketEvent e ? Optional.of(e.ticketId())
                : value instanceof OutboundMessage m ? Optional.of(m.ticketId()) : Optional.empty();
    }

    /**
     * Discards undelivered outbox entries about these tickets (erasure: they may carry the erased
     * person's data); returns how many. Without an outbox, 0.
     */
    public int discard(java.util.Collection<TicketId> tickets) {
        return outbox.isEmpty() || tickets.isEmpty() ? 0
                : transactions.inTransaction(() -> outbox.get().discard(tickets));
    }

    /** Entries waiting in the outbox; 0 without one. */
    public long pending() {
        return outbox.isEmpty() ? 0 : transactions.inTransaction(() -> outbox.get().pending());
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
        // microseconds, as databases keep them, so an entry reads back as it was written
        java.time.Instant createdAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        for (Object value : values) {
            String id = UUID.randomUUID().toString();
            items.add(new Item(value, new EventDelivery(id, 1)));
            codec.ifPresent(c -> entries.add(new OutboxEntry(id, c.typeOf(value), ticketOf(value), createdAt, 1,
                    c.write(value))));
        }
        outbox.ifPresent(o -> o.append(entries, owner, lease));
        return new Staged(List.copyOf(items));
    }

    /**
     * Delivers a committed unit of work's output; with an outbox, removes what was delivered. Inside
     * an outer unit of work core started, waits until that one has committed (and drops the output
     * if it rolls back).
     */
    /** Stages a privacy event in a unit of work of its own (the outbox, if any), then delivers it. */
    public void publish(PrivacyEvent event) {
        afterCommit(transactions.inTransaction(() -> stage(List.of(), List.of(), List.of(event))));
    }

    public void afterCommit(Staged staged) {
        if (!staged.items.isEmpty()) {
            transactions.afterCommit(() -> deliverAll(staged.items));
        }
    }

    /** Refreshes the search index, delivers each item, removes the delivered ones from the outbox; returns how many. */
    private int deliverAll(List<Item> items) {
        refreshSearch(items);
        List<String> done = new ArrayList<>(items.size());
        for (Item item : items) {
            if (deliver(item)) {
                done.add(item.delivery().id());
            }
        }
        remove(done);
        return done.size();
    }

    /**
     * Delivers outbox entries that were left undelivered (their node stopped, a listener or the
     * transport failed) and whose lease has expired: one batch of at most {@code limit}. Without an
     * outbox, nothing.
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
                        new EventDelivery(entry.id(), entry.attempts())));
            } catch (TicketingException e) {
                LOG.error("{} (attempt {})", e.getMessage(), entry.attempts(), e);
            }
        }
        return new Pass(claimed.size(), deliverAll(items));
    }

    /** One batch of {@link #deliverPending}: how many entries were claimed and how many of them delivered. */
    public record Pass(int claimed, int delivered) {
    }

    /** Delivers one item to the transport or every listener; true when none of them failed. */
    private boolean deliver(Item item) {
        boolean ok = true;
        if (item.value() instanceof OutboundMessage message) {
            try {
                outbound.send(message, item.delivery());
            } catch (RuntimeException e) {
                ok = false;
                LOG.error("Delivering a message about ticket {} failed after the change was committed; the change "
                        + "stands{}", message.ticketKey(), retryNote(item), e);
            }
            return ok;
        }
        for (EventListener listener : listeners) {
            try {
                if (item.value() instanceof TicketEvent event) {
                    listener.on(event, item.delivery());
                } else {
                    listener.onPrivacy((PrivacyEvent) item.value(), item.delivery());
                }
            } catch (RuntimeException e) {
                ok = false;
                LOG.error("Event listener {} failed on {} (delivery {}, attempt {}){}", listener,
                        item.value().getClass().getSimpleName(), item.delivery().id(), item.delivery().attempt(),
                        retryNote(item), e);
            }
        }
        return ok;
    }

    private String retryNote(Item item) {
        return outbox.isPresent() ? "; it stays in the outbox and is delivered again after its lease of " + lease
                : "";
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
