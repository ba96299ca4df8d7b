package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.common.TransitionRejectedException;
import dev.tiketti.core.event.EventDelivery;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.inmemory.InMemoryOutboxStore;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.EventListener;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TransitionRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Events and messages through the transactional outbox")
class OutboxDeliveryTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final Fixture.MovingClock clock = new Fixture.MovingClock(Fixture.START);
    private final InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    private final InMemoryTicketStore tickets = new InMemoryTicketStore();
    private final InMemoryDefinitionStore definitions = new InMemoryDefinitionStore();
    private final InMemoryContactStore contacts = new InMemoryContactStore();

    /** A listener recording each event with its delivery; it fails while {@code failing} is set. */
    static final class Recorder implements EventListener {
        final List<TicketEvent> events = new CopyOnWriteArrayList<>();
        final List<EventDelivery> deliveries = new CopyOnWriteArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public void on(TicketEvent event) {
            throw new AssertionError("the two-argument method is overridden");
        }

        @Override
        public void on(TicketEvent event, EventDelivery delivery) {
            if (failing.get()) {
                throw new IllegalStateException("listener down");
            }
            events.add(event);
            deliveries.add(delivery);
        }
    }

    /** A transport recording each message with its delivery; it fails while {@code failing} is set. */
    static final class Transport implements OutboundTransport {
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        final List<EventDelivery> deliveries = new CopyOnWriteArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public void send(OutboundMessage message) {
            throw new AssertionError("the two-argument method is overridden");
        }

        @Override
        public void send(OutboundMessage message, EventDelivery delivery) {
            if (failing.get()) {
                throw new StorageUnavailableException("SMTP server down", new java.io.IOException("connection refused"));
            }
            sent.add(message);
            deliveries.add(delivery);
        }
    }

    private Ticketing node(String name, EventListener listener, OutboundTransport transport) {
        return Ticketing.builder().ticketStore(tickets).definitionStore(definitions).contactStore(contacts)
                .outboundTransport(transport).inMemory().clock(clock).timerOwner(name)
                .outboxStore(outbox).outboxLease(LEASE).listener(listener).build();
    }

    private static Ticket openLeaveRequest(Ticketing t) {
        Contact aino = t.privacy().register().save(
                Contact.withEmail("Aino Virtanen", "aino.virtanen@example.fi", AssuranceLevel.LOW));
        t.definitions().publishWorkflow(Fixture.hrWorkflow().build());
        t.definitions().defineType(Fixture.leaveType());
        return t.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Vuosiloman siirto", Channel.EMAIL)
                .field("leaveYear", 2025));
    }

    @Test
    @DisplayName("delivers a change's events after commit, each with its own id at attempt 1, and empties the outbox")
    void deliveredAfterCommit() {
        Recorder recorder = new Recorder();
        Ticketing ticketing = node("node-a", recorder, new Transport());

        Ticket t = openLeaveRequest(ticketing);
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", Actor.agent("maija", "hr")));

        assertThat(recorder.events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TicketOpened", "TicketTransitioned");
        assertThat(recorder.deliveries).extracting(EventDelivery::attempt).containsOnly(1);
        assertThat(recorder.deliveries).extracting(EventDelivery::id).doesNotHaveDuplicates();
        assertThat(outbox.pending()).isZero();
        assertThat(ticketing.events().deliverPending()).isZero();
    }

    @Test
    @DisplayName("keeps an event whose listener failed, and delivers it again after the lease with the same id")
    void failedListenerRedelivered() {
        Recorder recorder = new Recorder();
        Ticketing ticketing = node("node-a", recorder, new Transport());
        Ticket t = openLeaveRequest(ticketing);
        EventDelivery opened = recorder.deliveries.get(0);

        recorder.failing.set(true);
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", Actor.agent("maija", "hr")));
        recorder.failing.set(false);

        assertThat(outbox.pending()).as("the failed delivery stays").isEqualTo(1);
        assertThat(ticketing.events().deliverPending()).as("during the lease").isZero();
        clock.advance(LEASE.plusSeconds(1));

        assertThat(ticketing.events().deliverPending()).isEqualTo(1);
        assertThat(recorder.events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TicketOpened", "TicketTransitioned");
        assertThat(recorder.deliveries.get(1).attempt()).isEqualTo(2);
        assertThat(recorder.deliveries.get(1).isRedelivery()).isTrue();
        assertThat(recorder.deliveries.get(1).id()).isNotEqualTo(opened.id());
        assertThat(outbox.pending()).isZero();
    }

    @Test
    @DisplayName("a second node delivers what the first left behind, with the id the first node used")
    void otherNodeDelivers() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        Ticketing a = node("node-a", first, new Transport());
        Ticketing b = node("node-b", second, new Transport());
        first.failing.set(true); // node-a "stops" before its listeners ran
        Ticket t = openLeaveRequest(a);

        assertThat(b.events().deliverPending()).as("node-a's lease runs").isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(b.events().deliverPending()).isEqualTo(1);

        assertThat(second.events).singleElement().isInstanceOfSatisfying(TicketEvent.TicketOpened.class,
                e -> assertThat(e.key()).isEqualTo(t.key()));
        assertThat(second.deliveries).singleElement().extracting(EventDelivery::attempt).isEqualTo(2);
        assertThat(first.events).isEmpty();
    }

    @Test
    @DisplayName("gives a message up at once when the transport refuses it for good, and sends it after retry(id)")
    void refusedForGoodIsDeadAtOnce() {
        AtomicBoolean refusing = new AtomicBoolean(true);
        List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        OutboundTransport smtp = new OutboundTransport() {
            @Override
            public void send(OutboundMessage message) {
                throw new AssertionError("the two-argument method is overridden");
            }

            @Override
            public void send(OutboundMessage message, EventDelivery delivery) {
                attempts.add(delivery.attempt());
                if (refusing.get()) { // as an SMTP server's 5xx for an unknown recipient
                    throw new dev.tiketti.core.common.TicketingException(
                            dev.tiketti.core.common.ErrorCode.MAIL_DELIVERY_REFUSED, "550 no such user");
                }
                sent.add(message);
            }
        };
        Ticketing ticketing = node("node-a", new Recorder(), smtp);
        Ticket opened = openLeaveRequest(ticketing);
        Ticket t = ticketing.tickets().transition(TransitionRequest.of(opened.id(), "start", Actor.agent("maija", "hr")));
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", Actor.agent("maija", "hr")));

        assertThat(ticketing.events().deadCount()).isEqualTo(1);
        clock.advance(LEASE.plusSeconds(3600));
        ticketing.events().deliverPending();
        assertThat(attempts).hasSize(1); // not tried again: the same answer would come back

        refusing.set(false); // the host corrected the address
        assertThat(ticketing.events().retry(ticketing.events().dead().get(0).id())).isTrue();
        clock.advance(LEASE.plusSeconds(1));
        ticketing.events().deliverPending();
        assertThat(sent).singleElement().satisfies(m -> assertThat(m.subject()).contains(t.key().toString()));
        assertThat(ticketing.events().deadCount()).isZero();
    }

    @Test
    @DisplayName("retries a message the transport could not send, so no mail is lost")
    void failedTransportRetried() {
        Transport transport = new Transport();
        Ticketing ticketing = node("node-a", new Recorder(), transport);
        Ticket opened = openLeaveRequest(ticketing);
        Ticket t = ticketing.tickets().transition(TransitionRequest.of(opened.id(), "start", Actor.agent("maija", "hr")));

        transport.failing.set(true);
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "ask", Actor.agent("maija", "hr")));
        assertThat(transport.sent).isEmpty();
        transport.failing.set(false);
        clock.advance(LEASE.plusSeconds(1));

        assertThat(ticketing.events().deliverPending()).isEqualTo(1);
        assertThat(transport.sent).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains(t.key().toString());
            assertThat(m.body()).contains("please reply");
        });
        assertThat(transport.deliveries).singleElement().extracting(EventDelivery::attempt).isEqualTo(2);
    }

    @Test
    @DisplayName("a refused change puts nothing in the outbox")
    void refusedChangeAppendsNothing() {
        Recorder recorder = new Recorder();
        Ticketing ticketing = node("node-a", recorder, new Transport());
        Ticket t = openLeaveRequest(ticketing);
        long before = outbox.pending();

        assertThatThrownBy(() -> ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", Actor.agent("ville"))))
                .isInstanceOf(TransitionRejectedException.class);

        assertThat(outbox.pending()).isEqualTo(before);
        assertThat(recorder.events).hasSize(1);
    }

    @Test
    @DisplayName("an entry it cannot read stays in the outbox and does not stop the others")
    void unreadableEntryStays() {
        Recorder recorder = new Recorder();
        Ticketing ticketing = node("node-a", recorder, new Transport());
        outbox.append(List.of(new OutboxEntry("from-the-future", "ticket.Teleported", Fixture.START, 1,
                "{\"format\":9,\"type\":\"ticket.Teleported\",\"data\":{}}")), "node-x", LEASE);
        recorder.failing.set(true);
        openLeaveRequest(ticketing);
        recorder.failing.set(false);
        clock.advance(LEASE.plusSeconds(1));

        assertThat(ticketing.events().deliverPending()).isEqualTo(1);

        assertThat(recorder.events).extracting(e -> e.getClass().getSimpleName()).containsExactly("TicketOpened");
        assertThat(outbox.pending()).isEqualTo(1);
    }

    @Test
    @DisplayName("without an outbox, listeners get each event once with attempt 1, and nothing is pending")
    void withoutOutbox() {
        Recorder recorder = new Recorder();
        Ticketing ticketing = Ticketing.builder().inMemory().clock(clock).listener(recorder).build();

        openLeaveRequest(ticketing);

        assertThat(recorder.deliveries).singleElement().extracting(EventDelivery::attempt).isEqualTo(1);
        assertThat(ticketing.events().deliverPending()).isZero();
    }

    @Test
    @DisplayName("a listener with only the one-argument method still gets every event")
    void oneArgumentListener() {
        List<TicketEvent> seen = new CopyOnWriteArrayList<>();
        Ticketing ticketing = node("node-a", seen::add, new Transport());

        openLeaveRequest(ticketing);

        assertThat(seen).hasSize(1);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    @DisplayName("pendingEvents counts what waits; the background deliverer delivers it and stops when closed")
    void backgroundDeliverer() throws Exception {
        Recorder recorder = new Recorder();
        Ticketing ticketing = node("node-a", recorder, new Transport());
        recorder.failing.set(true);
        openLeaveRequest(ticketing);
        recorder.failing.set(false);
        assertThat(ticketing.events().pending()).isEqualTo(1);
        clock.advance(LEASE.plusSeconds(1));

        try (AutoCloseable deliverer = ticketing.events().startDelivering(Duration.ofMillis(10))) {
            await().atMost(Duration.ofSeconds(30)) // a bound, not a timing check
                    .until(() -> ticketing.events().pending() == 0);
        }

        assertThat(ticketing.events().pending()).isZero();
        assertThat(recorder.deliveries).singleElement().extracting(EventDelivery::attempt).isEqualTo(2);
        assertThatThrownBy(() -> ticketing.events().startDelivering(Duration.ZERO))
                .isInstanceOf(TicketingException.class).hasMessageContaining("positive interval");
    }

    @Test
    @DisplayName("returns even when a listener keeps failing and the lease is shorter than a delivery pass")
    void endsWithAlwaysFailingListener() {
        EventListener slowAndFailing = event -> {
            clock.advance(Duration.ofSeconds(1)); // every lease has run out by the next claim
            throw new IllegalStateException("listener down");
        };
        Ticketing ticketing = Ticketing.builder().ticketStore(tickets).definitionStore(definitions)
                .contactStore(contacts).outboundTransport(new Transport()).inMemory().clock(clock)
                .outboxStore(outbox).outboxLease(Duration.ofMillis(1)).listener(slowAndFailing).build();
        openLeaveRequest(ticketing);

        assertThat(ticketing.events().deliverPending()).isZero();
        assertThat(ticketing.events().pending()).isEqualTo(1);
    }

    @Test
    @DisplayName("erasure discards the undelivered entries of the person's tickets, reports it, and keeps others'")
    void erasureDiscardsUndelivered() {
        Recorder recorder = new Recorder();
        Ticketing ticketing = node("node-a", recorder, new Transport());
        Ticket ainos = openLeaveRequest(ticketing);
        Contact eero = ticketing.privacy().register().save(
                Contact.withEmail("Eero Korhonen", "eero.korhonen@example.fi", AssuranceLevel.LOW));
        Contact sanna = ticketing.privacy().register().save(
                Contact.withEmail("Sanna Sijainen", "sanna.sijainen@example.fi", AssuranceLevel.LOW));
        recorder.failing.set(true); // these events stay in the outbox
        ticketing.tickets().transition(TransitionRequest.of(ainos.id(), "start", Actor.agent("maija", "hr")));
        Ticket eeros = ticketing.tickets().open(OpenTicket.of("annual-leave", eero.id(), "Lomarahat", Channel.EMAIL)
                .field("leaveYear", 2025));
        recorder.failing.set(false);
        assertThat(outbox.pending()).isEqualTo(2);

        dev.tiketti.core.privacy.ErasureReport report = ticketing.privacy().erasure().erase(
                dev.tiketti.core.privacy.ErasureRequest.of(ainos.requester(), Actor.agent("dpo", "dpo"),
                        new dev.tiketti.core.privacy.ErasureSource.Form("form-7")).withSubstitute(sanna.id()));

        assertThat(report.items()).filteredOn(i -> i.store() == dev.tiketti.core.privacy.ErasureItem.Store.OUTBOX)
                .extracting(dev.tiketti.core.privacy.ErasureItem::item).containsExactly(ainos.key().toString());
        clock.advance(LEASE.plusSeconds(1));
        assertThat(ticketing.events().deliverPending()).isEqualTo(1);
        assertThat(recorder.events).filteredOn(e -> e instanceof TicketEvent.TicketOpened)
                .extracting(TicketEvent::key).contains(eeros.key());
        assertThat(recorder.events).filteredOn(e -> e instanceof TicketEvent.TicketTransitioned).isEmpty();
    }

    @Test
    @DisplayName("a retention sweep discards the undelivered entries of the tickets it deletes, in the same unit, and reports it")
    void retentionSweepDiscardsUndelivered() {
        Recorder recorder = new Recorder();
        Ticketing ticketing = node("node-a", recorder, new Transport());
        Ticket t = openLeaveRequest(ticketing);
        Actor maija = Actor.agent("maija", "hr");
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "start", maija));
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "resolve", maija)
                .resolution("Loma siirretty elokuulle").field("decision", "approved"));
        recorder.failing.set(true); // the closing change's event stays in the outbox
        ticketing.tickets().transition(TransitionRequest.of(t.id(), "close", maija));
        recorder.failing.set(false);
        long pendingBefore = outbox.pending();
        assertThat(pendingBefore).isPositive();
        clock.advance(Duration.ofDays(200));

        dev.tiketti.core.privacy.RetentionSweepReport report = ticketing.privacy().retention().sweep(List.of(
                new dev.tiketti.core.privacy.RetentionSchedule("annual-leave", 3,
                        dev.tiketti.core.privacy.ErasureAction.DELETE)));

        assertThat(report.items()).filteredOn(i -> i.store() == dev.tiketti.core.privacy.ErasureItem.Store.OUTBOX)
                .extracting(dev.tiketti.core.privacy.ErasureItem::item).containsExactly(t.key().toString());
        assertThat(outbox.pending()).isZero();
        assertThat(ticketing.events().deliverPending()).isZero();
        assertThat(recorder.events).filteredOn(e -> e instanceof TicketEvent.TicketTransitioned tt
                && tt.to().equals("CLOSED")).isEmpty();
    }
}
