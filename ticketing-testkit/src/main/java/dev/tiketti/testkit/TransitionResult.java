package dev.tiketti.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.common.TransitionRejectedException;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ListAssert;

/**
 * What one attempted transition of a {@link TicketScenario} did: the ticket before and after,
 * and exactly the history entries, timeline entries, events and outbound messages it produced,
 * or the exception that refused it. {@code then...} methods assert and return this result (or an
 * AssertJ assert) so checks chain; {@link #andWhen} attempts the next transition.
 *
 * @since 0.1
 */
public final class TransitionResult {
    private final TicketScenario scenario;
    private final WhenTransition attempt;
    private final Ticket before;
    private final Ticket after;
    private final List<HistoryEntry> historyBefore;
    private final List<HistoryEntry> historyAfter;
    private final List<TimelineEntry> timelineBefore;
    private final List<TimelineEntry> timelineAfter;
    private final List<TicketEvent> events;
    private final List<OutboundMessage> messages;
    private final Optional<TicketingException> failure;

    TransitionResult(TicketScenario scenario, WhenTransition attempt, Ticket before, Ticket after,
                     List<HistoryEntry> historyBefore, List<HistoryEntry> historyAfter,
                     List<TimelineEntry> timelineBefore, List<TimelineEntry> timelineAfter, List<TicketEvent> events,
                     List<OutboundMessage> messages, Optional<TicketingException> failure) {
        this.scenario = scenario;
        this.attempt = attempt;
        this.before = before;
        this.after = after;
        this.historyBefore = historyBefore;
        this.historyAfter = historyAfter;
        this.timelineBefore = timelineBefore;
        this.timelineAfter = timelineAfter;
        this.events = events;
        this.messages = messages;
        this.failure = failure;
    }

    private String what() {
        return "transition '" + attempt.name() + "' from state '" + before.state() + "'";
    }

    /** Asserts that the transition was taken. */
    public TransitionResult thenSucceeded() {
        if (failure.isPresent()) {
            throw new AssertionError("Expected " + what() + " to succeed, but it failed: "
                    + failure.get().getMessage(), failure.get());
        }
        return this;
    }

    /** Asserts that the transition was taken and the ticket is now in {@code state}. */
    public TransitionResult thenState(String state) {
        thenSucceeded();
        assertThat(after.state()).as("state after " + what()).isEqualTo(state);
        return this;
    }

    /** Asserts the ticket's handler after the transition. */
    public TransitionResult thenAssignee(String agentId) {
        assertThat(after.assignee()).as("assignee after " + what()).contains(new AgentId(agentId));
        return this;
    }

    /** Asserts that nobody handles the ticket after the transition. */
    public TransitionResult thenUnassigned() {
        assertThat(after.assignee()).as("assignee after " + what()).isEmpty();
        return this;
    }

    /** Asserts the ticket's resolution after the transition. */
    public TransitionResult thenResolution(String text) {
        assertThat(after.resolution()).as("resolution after " + what()).contains(text);
        return this;
    }

    /** Asserts a custom field after the transition; numbers compare by value ({@code 5} equals {@code 5.0}). */
    public TransitionResult thenField(String name, Object expected) {
        Optional<Object> actual = after.fields().get(name);
        assertThat(actual).as("field '%s' after %s", name, what()).isPresent();
        if (!WorkflowTestKit.sameValue(expected, actual.get())) {
            throw new AssertionError("Expected field '" + name + "' after " + what() + " to be <" + expected
                    + "> but was <" + actual.get() + ">");
        }
        return this;
    }

    /** The kinds of the events this transition delivered, in order, to assert on with AssertJ. */
    public ListAssert<EventKind> thenEvents() {
        return assertThat(events.stream().map(EventKind::of).toList()).as("events of " + what());
    }

    /** The history entries this transition appended (one on success, none on failure). */
    public ListAssert<HistoryEntry> thenHistory() {
        return assertThat(newHistory()).as("history entries of " + what());
    }

    /** The outbound messages this transition sent (notifications). */
    public ListAssert<OutboundMessage> thenMessages() {
        return assertThat(messages).as("messages sent by " + what());
    }

    /** The timeline entries this transition added (e.g. notes of {@code addNote} effects). */
    public ListAssert<TimelineEntry> thenTimeline() {
        return assertThat(newTimeline()).as("timeline entries of " + what());
    }

    /** Asserts that guards refused the transition ({@code TKT-0302}); continue with the reasons. */
    public RejectionAssert thenRejected() {
        if (failure.isEmpty()) {
            throw new AssertionError("Expected " + what() + " to be refused, but it was taken: the ticket is now in '"
                    + after.state() + "'");
        }
        if (!(failure.get() instanceof TransitionRejectedException rejected)) {
            throw new AssertionError("Expected " + what() + " to be refused by its guards, but it failed otherwise: "
                    + failure.get().getMessage(), failure.get());
        }
        return new RejectionAssert(this, rejected);
    }

    /**
     * Asserts that the attempt failed with {@code code}, e.g. {@link ErrorCode#UNKNOWN_TRANSITION}
     * for a transition that does not leave the current state, or {@link ErrorCode#VALIDATION_FAILED}.
     */
    public TransitionResult thenFailedWith(ErrorCode code) {
        if (failure.isEmpty()) {
            throw new AssertionError("Expected " + what() + " to fail with " + code.id() + " (" + code
                    + "), but it was taken");
        }
        assertThat(failure.get().code()).as("error code of " + what() + ": " + failure.get().getMessage())
                .isEqualTo(code);
        return this;
    }

    /** Asserts that the ticket, its history and timeline are as before, and no event or message went out. */
    public TransitionResult thenTicketUnchanged() {
        assertThat(after).as("ticket after " + what()).isEqualTo(before);
        assertThat(historyAfter).as("history after " + what()).isEqualTo(historyBefore);
        assertThat(timelineAfter).as("timeline after " + what()).isEqualTo(timelineBefore);
        assertThat(events).as("events of " + what()).isEmpty();
        assertThat(messages).as("messages sent by " + what()).isEmpty();
        return this;
    }

    /** Attempts another transition on the ticket as it is now. */
    public TransitionResult andWhen(WhenTransition next) {
        return scenario.when(next);
    }

    /** Whether the transition was taken. */
    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** The exception that refused the attempt, if it was refused. */
    public Optional<TicketingException> failure() {
        return failure;
    }

    public Ticket before() {
        return before;
    }

    /** The ticket as stored after the attempt (equal to {@link #before()} when it failed). */
    public Ticket ticket() {
        return after;
    }

    /** The raw events this attempt delivered, in order. */
    public List<TicketEvent> events() {
        return events;
    }

    public List<OutboundMessage> messages() {
        return messages;
    }

    public List<HistoryEntry> newHistory() {
        return historyAfter.subList(Math.min(historyBefore.size(), historyAfter.size()), historyAfter.size());
    }

    public List<TimelineEntry> newTimeline() {
        return timelineAfter.subList(Math.min(timelineBefore.size(), timelineAfter.size()), timelineAfter.size());
    }

    /** The scenario, to look at the whole ticket or attempt more. */
    public TicketScenario scenario() {
        return scenario;
    }
}
