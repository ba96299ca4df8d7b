package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.DeadDelivery;
import dev.tiketti.core.event.EventDelivery;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryOutboxStore;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.ErasureItem;
import dev.tiketti.core.privacy.ErasureReport;
import dev.tiketti.core.privacy.ErasureRequest;
import dev.tiketti.core.privacy.ErasureSource;
import dev.tiketti.core.spi.EventListener;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TransitionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue #20 item 5, "one failing listener holds every event hostage": with the outbox, delivery is
 * tracked per listener (and for the transport), a failing one is retried alone with a growing
 * back-off and given up after the configured attempts, and what is given up is listed, counted,
 * re-triable and erasable. Time is driven by a clock the test moves; nothing sleeps.
 */
@DisplayName("A failing listener holds no event hostage")
class FailingListenerHoldsNoEventHostageTest {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration FIRST = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofSeconds(80);
    private static final int ATTEMPTS = 6;
    /** What the failing listener's exception says: personal data that must not be kept with the dead delivery. */
    private static final String LEAKY_MESSAGE = "Slack refused the post about aino.virtanen@example.fi";

    private final Fixture.MovingClock clock = new Fixture.MovingClock(Fixture.START);
    private final InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);

    /** Records each event with its delivery and the clock when called; throws while {@code failing}. */
    final class Recorder implements EventListener {
        final String name;
        final List<TicketEvent> events = new CopyOnWriteArrayList<>();
        final List<EventDelivery> deliveries = new CopyOnWriteArrayList<>();
        final List<Instant> calls = new CopyOnWriteArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void on(TicketEvent event) {
            throw new AssertionError("the two-argument method is overridden");
        }

        @Override
        public void on(TicketEvent event, EventDelivery delivery) {
            calls.add(clock.instant());
            if (failing.get()) {
                throw new IllegalStateException(LEAKY_MESSAGE);
            }
            events.add(event);
            deliveries.add(delivery);
        }
    }

    /** A transport that fails while {@code failing} is set. */
    static final class Transport implements OutboundTransport {
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public void send(OutboundMessage message) {
            if (failing.get()) {
                throw new StorageUnavailableException("SMTP server down");
            }
            sent.add(message);
        }
    }

    private final Recorder audit = new Recorder("audit");
    private final Recorder slack = new Recorder("slack");
    private final Transport transport = new Transport();

    private Ticketing ticketing() {
        return Ticketing.builder().inMemory().clock(clock).outboundTransport(transport).outboxStore(outbox)
                .outboxLease(LEASE).outboxRetryBackoff(FIRST, MAX).outboxMaxAttempts(ATTEMPTS)
                .listener(audit).listener(slack).build();
    }

    private static Ticket openLeaveRequest(Ticketing t, String name, String email) {
        Contact requester = t.privacy().register().save(Contact.withEmail(name, email, AssuranceLevel.LOW));
        if (t.definitions().types().isEmpty()) {
            t.definitions().publishWorkflow(Fixture.hrWorkflow().build());
            t.definitions().defineType(Fixture.leaveType());
        }
        return t.tickets().open(OpenTicket.of("annual-leave", requester.id(), "Vuosiloman siirto", Channel.EMAIL)
                .field("leaveYear", 2025));
    }

    private static Ticket openLeaveRequest(Ticketing t) {
        return openLeaveRequest(t, "Aino Virtanen", "aino.virtanen@example.fi");
    }

    /** Moves the clock one second at a time for {@code span}, delivering what is due after each step. */
    private void runFor(Ticketing t, Duration span) {
        for (long s = 0; s < span.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            t.events().deliverPending();
        }
    }

    private static List<Duration> gaps(List<Instant> instants) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < instants.size(); i++) {
            gaps.add(Duration.between(instants.get(i - 1), instants.get(i)));
        }
        return gaps;
    }

    @Nested
    @DisplayName("Per-listener delivery")
    class PerListener {

        @Test
        @DisplayName("a listener that always throws does not make a healthy listener get the event twice")
        void healthyGetsItOnce() {
            Ticketing t = ticketing();
            slack.failing.set(true);

            openLeaveRequest(t);
            runFor(t, Duration.ofMinutes(10));

            assertThat(slack.calls).as("the failing listener was retried").hasSize(ATTEMPTS);
            assertThat(audit.events).extracting(e -> e.getClass().getSimpleName()).containsExactly("TicketOpened");
            assertThat(audit.calls).as("the healthy listener was called once only").hasSize(1);
        }

        @Test
        @DisplayName("later events reach the healthy listener at once while an earlier one waits for the failing one")
        void laterEventsFlow() {
            Ticketing t = ticketing();
            slack.failing.set(true);
            Ticket ticket = openLeaveRequest(t);

            t.tickets().transition(TransitionRequest.of(ticket.id(), "start", Actor.agent("maija", "hr")));

            assertThat(audit.events).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("TicketOpened", "TicketTransitioned");
            assertThat(t.events().pending()).as("both wait for slack only").isEqualTo(2);
            slack.failing.set(false);
            clock.advance(FIRST);
            assertThat(t.events().deliverPending()).isEqualTo(2);
            assertThat(slack.events).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("TicketOpened", "TicketTransitioned");
            assertThat(audit.events).as("not again for audit").hasSize(2);
            assertThat(t.events().pending()).isZero();
        }

        @Test
        @DisplayName("a message the transport could not send is retried for the transport alone")
        void transportRetriedAlone() {
            Ticketing t = ticketing();
            Ticket ticket = t.tickets().transition(TransitionRequest.of(openLeaveRequest(t).id(), "start",
                    Actor.agent("maija", "hr")));
            transport.failing.set(true);

            t.tickets().transition(TransitionRequest.of(ticket.id(), "ask", Actor.agent("maija", "hr")));
            assertThat(t.events().pending()).as("the message only; the event reached both listeners").isEqualTo(1);
            transport.failing.set(false);
            clock.advance(FIRST);

            assertThat(t.events().deliverPending()).isEqualTo(1);
            assertThat(transport.sent).singleElement().satisfies(m -> assertThat(m.subject()).contains(ticket.key()
                    .toString()));
            assertThat(audit.events).hasSize(3);
            assertThat(slack.events).hasSize(3);
        }
    }

    @Nested
    @DisplayName("Back-off and parking")
    class BackoffAndParking {

        @Test
        @DisplayName("retries the failing listener after 10, 20, 40, 80 and 80 s (capped), never sooner, then parks it")
        void growingDelays() {
            Ticketing t = ticketing();
            slack.failing.set(true);

            openLeaveRequest(t);
            runFor(t, Duration.ofMinutes(30));

            assertThat(gaps(slack.calls)).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20),
                    Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofSeconds(80));
            assertThat(t.events().pending()).as("parked entries are not pending").isZero();
            assertThat(t.events().deadCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("lists a parked delivery with its ids, listener, attempts, error class and times, but no message text")
        void listedAsDead() {
            Ticketing t = ticketing();
            slack.failing.set(true);
            Ticket ticket = openLeaveRequest(t);
            runFor(t, Duration.ofMinutes(30));

            assertThat(t.events().dead()).singleElement().satisfies(d -> {
                assertThat(d.type()).isEqualTo("ticket.TicketOpened");
                assertThat(d.ticketId()).contains(ticket.id());
                assertThat(d.recipient()).isEqualTo("slack");
                assertThat(d.attempts()).isEqualTo(ATTEMPTS);
                assertThat(d.errorClass()).isEqualTo(IllegalStateException.class.getName());
                assertThat(d.errorCode()).isEmpty();
                assertThat(d.firstAttemptAt()).isEqualTo(slack.calls.get(0));
                assertThat(d.lastAttemptAt()).isEqualTo(slack.calls.get(ATTEMPTS - 1));
                assertThat(d.toString()).doesNotContain("aino", "example.fi", "Slack refused");
                assertThat(d.id()).isEqualTo(audit.deliveries.get(0).id());
            });
            assertThat(outbox.dead(10)).singleElement().satisfies(e -> assertThat(e.deliveries().toString())
                    .as("what the store keeps").doesNotContain("aino", "example.fi", "Slack refused"));
        }

        @Test
        @DisplayName("a parked delivery is not tried again however long the deliverers run")
        void parkedStays() {
            Ticketing t = ticketing();
            slack.failing.set(true);
            openLeaveRequest(t);
            runFor(t, Duration.ofMinutes(30));

            clock.advance(Duration.ofDays(3));
            assertThat(t.events().deliverPending()).isZero();

            assertThat(slack.calls).hasSize(ATTEMPTS);
            assertThat(t.events().deadCount()).isEqualTo(1);
            assertThat(t.events().pending()).isZero();
        }

        @Test
        @DisplayName("with the defaults, the first retry comes 10 s after the failure and not before")
        void defaultBackoff() {
            Ticketing t = Ticketing.builder().inMemory().clock(clock).outboxStore(outbox).listener(slack).build();
            slack.failing.set(true);
            openLeaveRequest(t);

            clock.advance(Duration.ofSeconds(9));
            t.events().deliverPending();
            assertThat(slack.calls).hasSize(1);
            clock.advance(Duration.ofSeconds(1));
            t.events().deliverPending();
            assertThat(slack.calls).hasSize(2);
        }

        @Test
        @DisplayName("a transport that keeps failing leaves the message dead under outbound-transport, with its code")
        void deadMessage() {
            Ticketing t = ticketing();
            Ticket ticket = t.tickets().transition(TransitionRequest.of(openLeaveRequest(t).id(), "start",
                    Actor.agent("maija", "hr")));
            transport.failing.set(true);
            t.tickets().transition(TransitionRequest.of(ticket.id(), "ask", Actor.agent("maija", "hr")));

            runFor(t, Duration.ofMinutes(30));

            assertThat(t.events().dead()).singleElement().satisfies(d -> {
                assertThat(d.type()).isEqualTo("message");
                assertThat(d.recipient()).isEqualTo("outbound-transport");
                assertThat(d.errorClass()).isEqualTo(StorageUnavailableException.class.getName());
                assertThat(d.errorCode()).contains(ErrorCode.STORAGE_UNAVAILABLE.id());
            });
        }
    }

    @Nested
    @DisplayName("Retrying and discarding dead deliveries")
    class RetryAndDiscard {

        private Ticketing withOneDead() {
            Ticketing t = ticketing();
            slack.failing.set(true);
            openLeaveRequest(t);
            runFor(t, Duration.ofMinutes(30));
            assertThat(t.events().deadCount()).isEqualTo(1);
            return t;
        }

        @Test
        @DisplayName("retry re-delivers to the failed listener only, with the same id, and empties the outbox")
        void retryRedelivers() {
            Ticketing t = withOneDead();
            String id = t.events().dead().get(0).id();
            slack.failing.set(false);

            assertThat(t.events().retry(id)).isTrue();
            assertThat(t.events().deadCount()).isZero();
            assertThat(t.events().pending()).isEqualTo(1);
            assertThat(t.events().deliverPending()).isEqualTo(1);

            assertThat(slack.deliveries).singleElement().satisfies(d -> {
                assertThat(d.id()).isEqualTo(id);
                assertThat(d.isRedelivery()).isTrue();
            });
            assertThat(audit.calls).as("not again for the healthy listener").hasSize(1);
            assertThat(t.events().pending()).isZero();
            assertThat(t.events().dead()).isEmpty();
            assertThat(t.events().retry(id)).as("nothing dead left to retry").isFalse();
        }

        @Test
        @DisplayName("a retried delivery that keeps failing gets every attempt again, then is dead again")
        void retriedGetsAllAttempts() {
            Ticketing t = withOneDead();
            t.events().retry(t.events().dead().get(0).id());

            runFor(t, Duration.ofMinutes(30));

            assertThat(slack.calls).hasSize(2 * ATTEMPTS);
            assertThat(t.events().dead()).singleElement().extracting(DeadDelivery::attempts).isEqualTo(ATTEMPTS);
        }

        @Test
        @DisplayName("retryAllDead puts every dead delivery back and says how many")
        void retryAll() {
            Ticketing t = ticketing();
            slack.failing.set(true);
            Ticket ticket = openLeaveRequest(t);
            t.tickets().transition(TransitionRequest.of(ticket.id(), "start", Actor.agent("maija", "hr")));
            runFor(t, Duration.ofMinutes(30));
            assertThat(t.events().deadCount()).isEqualTo(2);
            slack.failing.set(false);

            assertThat(t.events().retryAllDead()).isEqualTo(2);
            assertThat(t.events().deliverPending()).isEqualTo(2);

            assertThat(slack.events).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("TicketOpened", "TicketTransitioned");
            assertThat(t.events().deadCount()).isZero();
            assertThat(t.events().pending()).isZero();
            assertThat(t.events().retryAllDead()).isZero();
        }

        @Test
        @DisplayName("discard gives a dead delivery up for good: it leaves the outbox and is never delivered")
        void discardGivesUp() {
            Ticketing t = withOneDead();
            String id = t.events().dead().get(0).id();
            slack.failing.set(false);

            assertThat(t.events().discard(id)).isTrue();

            assertThat(t.events().deadCount()).isZero();
            assertThat(t.events().pending()).isZero();
            assertThat(outbox.dead(10)).isEmpty();
            clock.advance(Duration.ofDays(1));
            assertThat(t.events().deliverPending()).isZero();
            assertThat(slack.events).isEmpty();
            assertThat(t.events().discard(id)).isFalse();
            assertThat(t.events().retry(id)).isFalse();
        }

        @Test
        @DisplayName("erasure discards the dead deliveries of the person's tickets too, and keeps others'")
        void erasureDiscardsDead() {
            Ticketing t = ticketing();
            slack.failing.set(true);
            Ticket ainos = openLeaveRequest(t);
            Ticket eeros = openLeaveRequest(t, "Eero Korhonen", "eero.korhonen@example.fi");
            Contact sanna = t.privacy().register().save(
                    Contact.withEmail("Sanna Sijainen", "sanna.sijainen@example.fi", AssuranceLevel.LOW));
            runFor(t, Duration.ofMinutes(30));
            assertThat(t.events().deadCount()).isEqualTo(2);

            ErasureReport report = t.privacy().erasure().erase(ErasureRequest.of(ainos.requester(),
                    Actor.agent("dpo", "dpo"), new ErasureSource.Form("form-7")).withSubstitute(sanna.id()));

            assertThat(report.items()).filteredOn(i -> i.store() == ErasureItem.Store.OUTBOX)
                    .extracting(ErasureItem::item).containsExactly(ainos.key().toString());
            assertThat(t.events().dead()).singleElement().extracting(DeadDelivery::ticketId)
                    .isEqualTo(Optional.of(eeros.id()));
            assertThat(t.events().deadCount()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Listener names")
    class Names {

        @Test
        @DisplayName("default to the class name, and for a lambda to the class declaring it")
        void defaults() {
            EventListener lambda = e -> { };
            assertThat(new Transportless().name()).isEqualTo(Transportless.class.getName());
            assertThat(lambda.name()).isEqualTo(Names.class.getName() + "$$Lambda");
        }

        @Test
        @DisplayName("must be unique with an outbox: build() names the clash and the fix")
        void uniqueWithOutbox() {
            EventListener first = e -> { };
            EventListener second = e -> { };

            assertThatThrownBy(() -> Ticketing.builder().inMemory().clock(clock).outboxStore(outbox)
                    .listener(first).listener(second).build())
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                        assertThat(e.problems()).singleElement().asString()
                                .contains("2 listeners are named '" + first.name() + "'")
                                .contains("listener(\"slack\", listener)");
                    });
            assertThat(Ticketing.builder().inMemory().clock(clock).listener(first).listener(second).build())
                    .as("without an outbox, names identify nothing").isNotNull();
            assertThat(Ticketing.builder().inMemory().clock(clock).outboxStore(outbox)
                    .listener("first", first).listener("second", second).build()).isNotNull();
        }

        @Test
        @DisplayName("given with listener(name, listener) is what the outbox records and dead() shows")
        void explicitName() {
            Ticketing t = Ticketing.builder().inMemory().clock(clock).outboxStore(outbox).outboxMaxAttempts(1)
                    .listener("hr-slack", event -> {
                        throw new IllegalStateException("down");
                    }).build();

            openLeaveRequest(t);

            assertThat(t.events().dead()).singleElement().extracting(DeadDelivery::recipient).isEqualTo("hr-slack");
        }

        @Test
        @DisplayName("a blank or over-long name is refused")
        void badNames() {
            TicketingBuilder b = Ticketing.builder();
            assertThatThrownBy(() -> b.listener(" ", e -> { })).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("listener name");
            assertThatThrownBy(() -> b.listener("x".repeat(201), e -> { }))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION_VALUE))
                    .hasMessageContaining("201 characters");
            EventListener blank = new EventListener() {
                @Override
                public void on(TicketEvent event) {
                }

                @Override
                public String name() {
                    return "";
                }
            };
            assertThatThrownBy(() -> Ticketing.builder().inMemory().listener(blank).build())
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                            .singleElement().asString().contains("has a blank name"));
        }
    }

    /** A listener class of its own, for its default name. */
    static final class Transportless implements EventListener {
        @Override
        public void on(TicketEvent event) {
        }
    }

    @Nested
    @DisplayName("Options")
    class Options {

        @Test
        @DisplayName("refuse a back-off that is not positive or whose longest is shorter than its first, and attempts below 1")
        void badOptions() {
            assertThatThrownBy(() -> Ticketing.builder().outboxRetryBackoff(Duration.ZERO, MAX))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION_VALUE))
                    .hasMessageContaining("outboxRetryBackoff PT0S to PT1M20S");
            assertThatThrownBy(() -> Ticketing.builder().outboxRetryBackoff(MAX, FIRST))
                    .hasMessageContaining("at least as long");
            assertThatThrownBy(() -> Ticketing.builder().outboxMaxAttempts(0))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION_VALUE))
                    .hasMessageContaining("outboxMaxAttempts 0");
            assertThatThrownBy(() -> Ticketing.builder().outboxMaxAttempts(3).outboxMaxAttempts(4))
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                    .hasMessageContaining("outboxMaxAttempts was already set");
        }

        @Test
        @DisplayName("with one attempt, a failed delivery is dead at once")
        void oneAttempt() {
            Ticketing t = Ticketing.builder().inMemory().clock(clock).outboxStore(outbox).outboxMaxAttempts(1)
                    .listener(audit).listener(slack).build();
            slack.failing.set(true);

            openLeaveRequest(t);

            assertThat(t.events().deadCount()).isEqualTo(1);
            assertThat(t.events().pending()).isZero();
            assertThat(audit.events).hasSize(1);
        }

        @Test
        @DisplayName("without an outbox nothing is pending or dead, and there is nothing to retry")
        void withoutOutbox() {
            Ticketing t = Ticketing.builder().inMemory().clock(clock).listener(slack).build();
            slack.failing.set(true);
            openLeaveRequest(t);

            assertThat(t.events().pending()).isZero();
            assertThat(t.events().deadCount()).isZero();
            assertThat(t.events().dead()).isEmpty();
            assertThat(t.events().retry("7c0e4c57-0000-4000-8000-000000000001")).isFalse();
            assertThat(t.events().retryAllDead()).isZero();
            assertThat(slack.calls).as("delivered once, not retried").hasSize(1);
            assertThatThrownBy(() -> t.events().dead(0)).isInstanceOfSatisfying(TicketingException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION_VALUE));
        }
    }
}
