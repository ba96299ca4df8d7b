package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.SlaClockStory.hki;
import static dev.tiketti.core.sla.SlaClockStory.opened;
import static dev.tiketti.core.sla.SlaTarget.FIRST_RESPONSE;
import static dev.tiketti.core.sla.SlaTarget.NEXT_RESPONSE;
import static dev.tiketti.core.sla.SlaTarget.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Known answers on {@link BusinessCalendars#finland()} (Mon-Fri 08:00-16:00 Helsinki, Finnish holidays). */
class SlaClockTest {
    /** First response 4 h, next response 2 h, resolution 16 h; warnings at 75 % and 90 %. */
    static final SlaPolicy POLICY = SlaPolicy.builder("standard", "office")
            .firstResponse(Duration.ofHours(4)).nextResponse(Duration.ofHours(2)).resolution(Duration.ofHours(16))
            .warnAt(75).warnAt(90, Escalation.notifyTeamLead()).atBreach(Escalation.raisePriority())
            .build();

    @Nested
    @DisplayName("first response")
    class FirstResponse {
        // Friday 29 Dec 2023 15:30; Monday 1 Jan 2024 is New Year's Day.
        final SlaClockStory story = opened(hki("2023-12-29T15:30"));

        @Test
        void aTicketReceivedFridayAfternoonBeforeNewYearIsDueTuesdayAt1130() {
            SlaClock fr = story.clock(hki("2023-12-29T15:45"), POLICY, FIRST_RESPONSE);
            assertThat(fr.status()).isEqualTo(SlaClockStatus.RUNNING);
            assertThat(fr.startedAt()).isEqualTo(hki("2023-12-29T15:30"));
            assertThat(fr.used()).isEqualTo(Duration.ofMinutes(15));
            assertThat(fr.remaining()).isEqualTo(Duration.ofMinutes(225));
            assertThat(fr.due()).contains(hki("2024-01-02T11:30"));
            assertThat(fr.metAt()).isEmpty();
            assertThat(fr.breachedAt()).isEmpty();
            // 75 % = 3 h: 30 min on Friday, 2 h 30 min on Tuesday; 90 % = 3 h 36 min.
            assertThat(fr.warnings()).extracting(w -> w.threshold().percent(), SlaClockWarning::businessTime,
                            SlaClockWarning::at, SlaClockWarning::crossed)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(75, Duration.ofHours(3),
                                    Optional.of(hki("2024-01-02T10:30")), false),
                            org.assertj.core.groups.Tuple.tuple(90, Duration.ofMinutes(216),
                                    Optional.of(hki("2024-01-02T11:06")), false));
        }

        @Test
        void overTheHolidayWeekendNoBusinessTimeAccrues() {
            SlaClock fr = story.clock(hki("2024-01-01T12:00"), POLICY, FIRST_RESPONSE);
            assertThat(fr.status()).isEqualTo(SlaClockStatus.RUNNING);
            assertThat(fr.used()).isEqualTo(Duration.ofMinutes(30));
            assertThat(fr.due()).contains(hki("2024-01-02T11:30"));
        }

        @Test
        void isBreachedFromTheFirstInstantAfterItsDue() {
            assertThat(story.clock(hki("2024-01-02T11:30"), POLICY, FIRST_RESPONSE).status())
                    .isEqualTo(SlaClockStatus.RUNNING);
            SlaClock fr = story.clock(hki("2024-01-02T11:31"), POLICY, FIRST_RESPONSE);
            assertThat(fr.status()).isEqualTo(SlaClockStatus.BREACHED);
            assertThat(fr.breachedAt()).contains(hki("2024-01-02T11:30"));
            assertThat(fr.due()).contains(hki("2024-01-02T11:30"));
            assertThat(fr.remaining()).isEqualTo(Duration.ofMinutes(-1));
            assertThat(fr.open()).isTrue();
            assertThat(fr.warnings()).allMatch(SlaClockWarning::crossed);
        }

        @Test
        void isMetByTheFirstPublicReply() {
            story.reply(hki("2024-01-02T11:00"));
            SlaClock fr = story.clock(hki("2024-01-03T09:00"), POLICY, FIRST_RESPONSE);
            assertThat(fr.status()).isEqualTo(SlaClockStatus.MET);
            assertThat(fr.metAt()).contains(hki("2024-01-02T11:00"));
            assertThat(fr.used()).isEqualTo(Duration.ofMinutes(210));
            assertThat(fr.due()).isEmpty();
            assertThat(fr.open()).isFalse();
            assertThat(fr.warnings().get(0).crossed()).isTrue();
            assertThat(fr.warnings().get(0).at()).contains(hki("2024-01-02T10:30"));
            assertThat(fr.warnings().get(1).crossed()).isFalse();
            assertThat(fr.warnings().get(1).at()).isEmpty();
        }

        @Test
        void isNotMetByAnInternalNoteAnInternalReplyAPhoneCallOrAnAutomaticReply() {
            story.note(hki("2024-01-02T08:10")).internalReply(hki("2024-01-02T08:20")).call(hki("2024-01-02T08:30"))
                    .systemReply(hki("2024-01-02T08:40"));
            SlaClock fr = story.clock(hki("2024-01-02T09:00"), POLICY, FIRST_RESPONSE);
            assertThat(fr.status()).isEqualTo(SlaClockStatus.RUNNING);
            assertThat(fr.due()).contains(hki("2024-01-02T11:30"));
        }

        @Test
        void aLateReplyLeavesTheClockBreachedAndMet() {
            story.reply(hki("2024-01-02T13:00"));
            SlaClock fr = story.clock(hki("2024-01-02T14:00"), POLICY, FIRST_RESPONSE);
            assertThat(fr.status()).isEqualTo(SlaClockStatus.BREACHED);
            assertThat(fr.breachedAt()).contains(hki("2024-01-02T11:30"));
            assertThat(fr.metAt()).contains(hki("2024-01-02T13:00"));
            assertThat(fr.open()).isFalse();
            assertThat(fr.counting()).isFalse();
            assertThat(fr.due()).isEmpty();
            assertThat(fr.used()).isEqualTo(Duration.ofMinutes(330));
        }

        @Test
        void aPastNowShowsTheClocksAsTheyStoodThen() {
            story.reply(hki("2024-01-02T11:00"));
            assertThat(story.clock(hki("2024-01-02T10:59"), POLICY, FIRST_RESPONSE).status())
                    .isEqualTo(SlaClockStatus.RUNNING);
            assertThat(story.clock(hki("2024-01-02T11:00"), POLICY, FIRST_RESPONSE).status())
                    .isEqualTo(SlaClockStatus.MET);
        }
    }

    @Nested
    @DisplayName("pausing in a WAITING state")
    class Pausing {
        // Thursday 11 Jan 2024 14:00; waiting for the requester from 15:00 to Monday 15 Jan 10:00.
        final SlaClockStory story = opened(hki("2024-01-11T14:00"))
                .state(hki("2024-01-11T14:30"), "OPEN")
                .state(hki("2024-01-11T15:00"), "WAITING");

        @Test
        void aPausedClockHasNoDueAndUsesNoTime() {
            SlaClock fr = story.clock(hki("2024-01-12T12:00"), POLICY, FIRST_RESPONSE);
            assertThat(fr.status()).isEqualTo(SlaClockStatus.PAUSED);
            assertThat(fr.used()).isEqualTo(Duration.ofHours(1));
            assertThat(fr.due()).isEmpty();
            assertThat(fr.warnings()).allMatch(w -> w.at().isEmpty() && !w.crossed());
        }

        @Test
        void theDueMovesByThePauseAcrossTheWeekend() {
            story.state(hki("2024-01-15T10:00"), "OPEN");
            SlaClocks clocks = story.at(hki("2024-01-15T10:00"), POLICY);
            // Unpaused it would have been due Friday 12 Jan 10:00; 3 h are left on Monday from 10:00.
            assertThat(clocks.clock(FIRST_RESPONSE).orElseThrow().due()).contains(hki("2024-01-15T13:00"));
            // Resolution: 15 h left: Monday 6 h, Tuesday 8 h, Wednesday 1 h.
            assertThat(clocks.clock(RESOLUTION).orElseThrow().due()).contains(hki("2024-01-17T09:00"));
            assertThat(clocks.nextDue()).contains(hki("2024-01-15T13:00"));
            assertThat(clocks.clock(NEXT_RESPONSE)).isEmpty();
        }

        @Test
        void aReplyWhilePausedMeetsTheClock() {
            story.reply(hki("2024-01-12T09:00"));
            SlaClock fr = story.clock(hki("2024-01-16T09:00"), POLICY, FIRST_RESPONSE);
            assertThat(fr.status()).isEqualTo(SlaClockStatus.MET);
            assertThat(fr.used()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void movingBetweenCountingStatesChangesNothing() {
            SlaClockStory plain = opened(hki("2024-01-11T14:00"));
            SlaClockStory moved = opened(hki("2024-01-11T14:00")).state(hki("2024-01-11T14:30"), "OPEN")
                    .state(hki("2024-01-11T15:10"), "NEW").state(hki("2024-01-12T15:10"), "OPEN")
                    .assigned(hki("2024-01-12T15:20"));
            Instant now = hki("2024-01-15T09:00");
            assertThat(moved.at(now, POLICY)).isEqualTo(plain.at(now, POLICY));
        }

        @Test
        void categoriesCanComeFromTheWorkflowDefinition() {
            WorkflowDefinition hr = WorkflowDefinition.builder("hr")
                    .state("Uusi", StateCategory.NEW).state("Odottaa", StateCategory.WAITING)
                    .state("Ratkaistu", StateCategory.RESOLVED).build();
            SlaClockStory s = opened(hki("2024-01-11T14:00"), "Uusi").state(hki("2024-01-11T15:00"), "Odottaa");
            SlaClocks clocks = SlaClocks.compute(s.ticket, s.history, s.timeline, hr, POLICY, BusinessCalendars.finland(),
                    hki("2024-01-12T12:00"));
            assertThat(clocks.clock(RESOLUTION).orElseThrow().status()).isEqualTo(SlaClockStatus.PAUSED);
            assertThat(clocks.clock(RESOLUTION).orElseThrow().used()).isEqualTo(Duration.ofHours(1));
        }
    }

    @Nested
    @DisplayName("resolution and reopening")
    class Resolution {
        // Monday 15 Jan 2024 08:00, resolved at 12:00 without a reply.
        final SlaClockStory story = opened(hki("2024-01-15T08:00")).state(hki("2024-01-15T12:00"), "RESOLVED");

        @Test
        void resolvingMeetsResolutionAndEveryOpenTarget() {
            SlaClocks clocks = story.at(hki("2024-01-16T12:00"), POLICY);
            assertThat(clocks.clock(RESOLUTION).orElseThrow().status()).isEqualTo(SlaClockStatus.MET);
            assertThat(clocks.clock(RESOLUTION).orElseThrow().used()).isEqualTo(Duration.ofHours(4));
            assertThat(clocks.clock(FIRST_RESPONSE).orElseThrow().status()).isEqualTo(SlaClockStatus.MET);
            assertThat(clocks.clock(FIRST_RESPONSE).orElseThrow().metAt()).contains(hki("2024-01-15T12:00"));
            assertThat(clocks.nextDue()).isEmpty();
        }

        @Test
        void reopeningContinuesTheResolutionClockWithTheTimeAlreadyUsed() {
            story.state(hki("2024-01-17T08:00"), "OPEN");
            SlaClock res = story.clock(hki("2024-01-17T09:00"), POLICY, RESOLUTION);
            assertThat(res.status()).isEqualTo(SlaClockStatus.RUNNING);
            assertThat(res.used()).isEqualTo(Duration.ofHours(5));
            assertThat(res.metAt()).isEmpty();
            assertThat(res.startedAt()).isEqualTo(hki("2024-01-15T08:00"));
            // 12 h left from Wednesday 08:00: Wednesday 8 h, Thursday 4 h.
            assertThat(res.due()).contains(hki("2024-01-18T12:00"));
            // First response stays met: reopening is no new first contact.
            assertThat(story.clock(hki("2024-01-17T09:00"), POLICY, FIRST_RESPONSE).status())
                    .isEqualTo(SlaClockStatus.MET);

            story.state(hki("2024-01-18T10:00"), "CLOSED");
            SlaClock closed = story.clock(hki("2024-01-19T10:00"), POLICY, RESOLUTION);
            assertThat(closed.status()).isEqualTo(SlaClockStatus.MET);
            assertThat(closed.metAt()).contains(hki("2024-01-18T10:00"));
            assertThat(closed.used()).isEqualTo(Duration.ofHours(14));
        }

        @Test
        void reopeningIntoWaitingKeepsTheClockPaused() {
            story.state(hki("2024-01-17T08:00"), "WAITING");
            SlaClock res = story.clock(hki("2024-01-18T09:00"), POLICY, RESOLUTION);
            assertThat(res.status()).isEqualTo(SlaClockStatus.PAUSED);
            assertThat(res.used()).isEqualTo(Duration.ofHours(4));
        }

        @Test
        void aCustomerMessageToAResolvedTicketStartsNextResponseWhenTheTicketIsReopened() {
            story.customer(hki("2024-01-16T09:00"));
            assertThat(story.at(hki("2024-01-16T12:00"), POLICY).clock(NEXT_RESPONSE)).isEmpty();
            story.state(hki("2024-01-16T13:00"), "OPEN");
            SlaClock nr = story.clock(hki("2024-01-16T13:30"), POLICY, NEXT_RESPONSE);
            assertThat(nr.startedAt()).isEqualTo(hki("2024-01-16T13:00"));
            assertThat(nr.due()).contains(hki("2024-01-16T15:00"));
        }

        @Test
        void aBreachedResolutionStaysBreachedWhenMetLate() {
            SlaClockStory late = opened(hki("2024-01-15T08:00")).state(hki("2024-01-17T10:00"), "RESOLVED");
            SlaClock res = late.clock(hki("2024-01-18T10:00"), POLICY, RESOLUTION);
            assertThat(res.status()).isEqualTo(SlaClockStatus.BREACHED);
            assertThat(res.breachedAt()).contains(hki("2024-01-16T16:00"));
            assertThat(res.metAt()).contains(hki("2024-01-17T10:00"));
            assertThat(res.used()).isEqualTo(Duration.ofHours(18));
        }
    }

    @Nested
    @DisplayName("next response")
    class NextResponse {
        // Monday 15 Jan 2024 08:00; first reply at 09:00.
        final SlaClockStory story = opened(hki("2024-01-15T08:00")).reply(hki("2024-01-15T09:00"));

        @Test
        void startsAtACustomerMessageAfterAReplyAndFurtherMessagesDoNotPushItBack() {
            story.customer(hki("2024-01-15T15:00")).customer(hki("2024-01-15T15:30"));
            SlaClock nr = story.clock(hki("2024-01-15T15:45"), POLICY, NEXT_RESPONSE);
            assertThat(nr.status()).isEqualTo(SlaClockStatus.RUNNING);
            assertThat(nr.startedAt()).isEqualTo(hki("2024-01-15T15:00"));
            assertThat(nr.used()).isEqualTo(Duration.ofMinutes(45));
            assertThat(nr.due()).contains(hki("2024-01-16T09:00"));
        }

        @Test
        void isMetByTheNextPublicReplyAndRestartsAtTheNextCustomerMessage() {
            story.customer(hki("2024-01-15T15:00")).reply(hki("2024-01-16T08:30"));
            SlaClock met = story.clock(hki("2024-01-16T09:30"), POLICY, NEXT_RESPONSE);
            assertThat(met.status()).isEqualTo(SlaClockStatus.MET);
            assertThat(met.used()).isEqualTo(Duration.ofMinutes(90));

            story.customer(hki("2024-01-16T10:00"));
            SlaClock restarted = story.clock(hki("2024-01-16T12:30"), POLICY, NEXT_RESPONSE);
            assertThat(restarted.startedAt()).isEqualTo(hki("2024-01-16T10:00"));
            assertThat(restarted.status()).isEqualTo(SlaClockStatus.BREACHED);
            assertThat(restarted.breachedAt()).contains(hki("2024-01-16T12:00"));
            assertThat(restarted.used()).isEqualTo(Duration.ofMinutes(150));
        }

        @Test
        void customerMessagesBeforeTheFirstResponseAreCoveredByFirstResponse() {
            SlaClockStory s = opened(hki("2024-01-15T08:00")).customer(hki("2024-01-15T08:30"));
            SlaClocks clocks = s.at(hki("2024-01-15T09:00"), POLICY);
            assertThat(clocks.clock(NEXT_RESPONSE)).isEmpty();
            assertThat(clocks.clock(FIRST_RESPONSE).orElseThrow().status()).isEqualTo(SlaClockStatus.RUNNING);
        }

        @Test
        void aPolicyWithoutTheTargetHasNoSuchClock() {
            SlaPolicy noNext = SlaPolicy.builder("basic", "office").resolution(Duration.ofHours(8)).build();
            story.customer(hki("2024-01-15T15:00"));
            SlaClocks clocks = story.at(hki("2024-01-15T15:30"), noNext);
            assertThat(clocks.clocks()).containsOnlyKeys(RESOLUTION);
        }

        @Test
        void changesAtOneInstantReplayInTheOrderTheHistoryRecords() {
            // Pinned clock: a customer message and a resolution at the same instant, in either order.
            Instant t = hki("2024-01-15T12:00");
            SlaClockStory messageFirst = opened(hki("2024-01-15T08:00")).reply(hki("2024-01-15T09:00"))
                    .customer(t).state(t, "RESOLVED").state(hki("2024-01-15T13:00"), "OPEN");
            SlaClockStory resolveFirst = opened(hki("2024-01-15T08:00")).reply(hki("2024-01-15T09:00"))
                    .state(t, "RESOLVED").customer(t).state(hki("2024-01-15T13:00"), "OPEN");
            Instant now = hki("2024-01-15T13:30");
            // Answered by the resolution: nothing is pending.
            assertThat(messageFirst.clock(now, POLICY, NEXT_RESPONSE).status()).isEqualTo(SlaClockStatus.MET);
            // Written to a resolved ticket: next response starts when it is reopened.
            assertThat(resolveFirst.clock(now, POLICY, NEXT_RESPONSE).startedAt()).isEqualTo(hki("2024-01-15T13:00"));
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {
        final SlaClockStory story = opened(hki("2024-01-15T08:00"));

        @Test
        void readingClocksBeforeTheTicketWasCreatedIsRefused() {
            assertThatThrownBy(() -> story.at(hki("2024-01-15T07:59"), POLICY))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SLA_CLOCK_OUT_OF_ORDER))
                    .hasMessageContaining("before the last event");
        }

        @Test
        void anotherTicketsHistoryIsRefused() {
            SlaClockStory other = opened(hki("2024-01-15T08:00")).state(hki("2024-01-15T09:00"), "OPEN");
            assertThatThrownBy(() -> SlaClocks.compute(story.ticket, other.history, story.timeline,
                    StateCategory::valueOf, POLICY, BusinessCalendars.finland(), hki("2024-01-15T10:00")))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SLA_HISTORY_MISMATCH))
                    .hasMessageContaining("belongs to ticket " + other.id).hasMessageContaining("one ticket");
        }

        @Test
        void aHistoryWithoutItsCreatedEntryIsRefused() {
            story.state(hki("2024-01-15T09:00"), "OPEN");
            assertThatThrownBy(() -> SlaClocks.compute(story.ticket, story.history.subList(1, 2), story.timeline,
                    StateCategory::valueOf, POLICY, BusinessCalendars.finland(), hki("2024-01-15T10:00")))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SLA_HISTORY_MISMATCH))
                    .hasMessageContaining("no CREATED entry");
        }

        @Test
        void aStateTheWorkflowDoesNotDeclareIsNamed() {
            story.state(hki("2024-01-15T09:00"), "ARCHIVED");
            WorkflowDefinition hr = WorkflowDefinition.builder("hr").state("NEW", StateCategory.NEW).build();
            assertThatThrownBy(() -> SlaClocks.compute(story.ticket, story.history, story.timeline, hr, POLICY,
                    BusinessCalendars.finland(), hki("2024-01-15T10:00")))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SLA_HISTORY_MISMATCH))
                    .hasMessageContaining("'ARCHIVED'").hasMessageContaining("workflow 'hr'");
            assertThatThrownBy(() -> SlaClocks.compute(story.ticket, story.history, story.timeline,
                    s -> s.equals("NEW") ? StateCategory.NEW : null, POLICY, BusinessCalendars.finland(),
                    hki("2024-01-15T10:00")))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SLA_HISTORY_MISMATCH))
                    .hasMessageContaining("'ARCHIVED'");
        }

        @Test
        void eventsAppliedOutOfOrderAreRefusedAndChangeNothing() {
            SlaClockTracker t = SlaClockTracker.start(POLICY, BusinessCalendars.finland(), hki("2024-01-15T08:00"),
                    StateCategory.NEW).apply(new SlaClockEvent.PublicReply(hki("2024-01-15T10:00")));
            assertThatThrownBy(() -> t.apply(new SlaClockEvent.CustomerMessage(hki("2024-01-15T09:00"))))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SLA_CLOCK_OUT_OF_ORDER));
            assertThatThrownBy(() -> t.clocksAt(hki("2024-01-15T09:00")))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SLA_CLOCK_OUT_OF_ORDER));
            assertThat(t.lastEventAt()).isEqualTo(hki("2024-01-15T10:00"));
            assertThat(t.clocksAt(hki("2024-01-15T10:00")).clock(FIRST_RESPONSE).orElseThrow().status())
                    .isEqualTo(SlaClockStatus.MET);
        }

        @Test
        void nullArgumentsAreNamed() {
            assertThatThrownBy(() -> SlaClocks.compute(story.ticket, story.history, story.timeline,
                    StateCategory::valueOf, null, BusinessCalendars.finland(), hki("2024-01-15T10:00")))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_MISSING))
                    .hasMessageContaining("policy");
        }
    }

    @Test
    void theLiveTrackerOfAStoryEqualsTheRecomputation() {
        SlaClockStory s = opened(hki("2024-01-15T08:00")).reply(hki("2024-01-15T09:00")).customer(hki("2024-01-15T10:00"))
                .state(hki("2024-01-15T11:00"), "WAITING").state(hki("2024-01-16T11:00"), "OPEN");
        Instant now = hki("2024-01-16T15:00");
        SlaClockTracker live = s.live(POLICY, BusinessCalendars.finland(), StateCategory::valueOf);
        assertThat(live.clocksAt(now)).isEqualTo(s.at(now, POLICY));
        assertThat(live).isEqualTo(SlaClocks.replay(s.ticket, s.history, s.timeline, StateCategory::valueOf, POLICY,
                BusinessCalendars.finland(), now));
        assertThat(live.clocksAt(now).clocks()).containsOnlyKeys(List.of(FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION));
    }
}
