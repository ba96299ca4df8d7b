package dev.tiketti.core;

import dev.tiketti.core.event.Events;
import dev.tiketti.core.internal.PendingEvents;
import dev.tiketti.core.internal.SearchSync;
import dev.tiketti.core.internal.SlaService;
import dev.tiketti.core.privacy.Privacy;
import dev.tiketti.core.search.TicketSearch;
import dev.tiketti.core.sla.Sla;
import dev.tiketti.core.ticket.Attachments;
import dev.tiketti.core.ticket.Tickets;
import dev.tiketti.core.timer.TimerService;
import dev.tiketti.core.workflow.Definitions;
import java.time.Clock;

/**
 * The one entry point of Tiketti. Build it once with {@link #builder()}; it hands out one small
 * interface per area — {@link #tickets()}, {@link #definitions()}, {@link #attachments()},
 * {@link #search()}, {@link #events()}, {@link #sla()} with {@link #timers()}, {@link #privacy()} —
 * and is immutable and thread-safe. {@link #close()} stops the background work it started.
 *
 * <p>Every change runs in one unit of work of the configured
 * {@link dev.tiketti.core.spi.Transactions}; events and outbound messages are delivered after it
 * commits. A refused or invalid request changes nothing.
 *
 * @since 0.1
 */
public final class Ticketing implements AutoCloseable {
    private final Clock clock;
    private final Tickets tickets;
    private final Definitions definitions;
    private final Attachments attachments;
    private final SearchSync search;
    private final PendingEvents events;
    private final SlaService sla;
    private final Privacy privacy;

    Ticketing(Clock clock, Tickets tickets, Definitions definitions, Attachments attachments, SearchSync search,
              PendingEvents events, SlaService sla, Privacy privacy) {
        this.clock = clock;
        this.tickets = tickets;
        this.definitions = definitions;
        this.attachments = attachments;
        this.search = search;
        this.events = events;
        this.sla = sla;
        this.privacy = privacy;
    }

    /** A builder that wires the stores, the transport, time, SLA, privacy and events. */
    public static TicketingBuilder builder() {
        return new TicketingBuilder();
    }

    /** The clock all of Tiketti's time comes from. */
    public Clock clock() {
        return clock;
    }

    /** Open, change, move and read tickets with their timeline and history. */
    public Tickets tickets() {
        return tickets;
    }

    /** Workflows and ticket types. */
    public Definitions definitions() {
        return definitions;
    }

    /** Attachment content, stored before it is put on a timeline entry. */
    public Attachments attachments() {
        return attachments;
    }

    /** Finding tickets by e-mail address, words and classification (R3), and rebuilding the index. */
    public TicketSearch search() {
        return search;
    }

    /** Delivery of what the transactional outbox holds. */
    public Events events() {
        return events;
    }

    /** SLA clocks and policies of tickets. */
    public Sla sla() {
        return sla;
    }

    /**
     * The timer service that fires this instance's SLA warnings, breaches and reminders. The host
     * drives it: {@link TimerService#tick()} from its own scheduler, or {@link TimerService#start()};
     * {@link #close()} stops it. Several instances may share one timer store; each timer takes
     * effect once. Fails with {@code SLA_NOT_CONFIGURED} without SLA policies or reminder rules.
     */
    public TimerService timers() {
        return sla.timers();
    }

    /** Data protection (R8): register, consents, audited access, erasure and retention. */
    public Privacy privacy() {
        return privacy;
    }

    /**
     * Stops the background work this instance started — the timer poller, the outbox deliverers
     * and the change-log follower — and leaves the stores to their owner. Calling it again does nothing.
     */
    @Override
    public void close() {
        events.close();
        sla.close();
        search.close();
    }
}
