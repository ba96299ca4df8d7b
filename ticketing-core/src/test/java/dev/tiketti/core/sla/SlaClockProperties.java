package dev.tiketti.core.sla;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.tiketti.core.ticket.StateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Laws of SLA clocks over random ticket stories: state changes, customer messages, replies and notes at random gaps. */
class SlaClockProperties {
    static final List<SlaPolicy> POLICIES = List.of(SlaClockTest.POLICY,
            SlaPolicy.builder("urgent", "office").firstResponse(Duration.ofMinutes(30)).nextResponse(Duration.ofMinutes(45))
                    .resolution(Duration.ofHours(3)).warnAt(50).warnAt(80).build(),
            SlaPolicy.builder("slow", "office").resolution(Duration.ofHours(80)).warnAt(99).build());
    static final List<BusinessCalendar> CALENDARS = List.of(BusinessCalendars.finland(),
            BusinessCalendarProperties.TWO_INTERVALS, BusinessCalendarProperties.NIGHTS);

    enum Action { NEW, OPEN, WAITING, RESOLVED, CLOSED, CUSTOMER, REPLY, NOTE, SYSTEM_REPLY, INTERNAL_REPLY }

    /** One change of a story, {@code gap} after the previous one (zero now and then: a pinned clock). */
    record Step(Duration gap, Action action) {
    }

    record Story(Instant openedAt, List<Step> steps, SlaPolicy policy, BusinessCalendar calendar) {
        SlaClockStory build(java.util.function.Predicate<Instant> keep) {
            SlaClockStory s = SlaClockStory.opened(openedAt);
            Instant t = openedAt;
            for (Step step : steps) {
                t = t.plus(step.gap());
                if (!keep.test(t)) {
                    continue;
                }
                switch (step.action()) {
                    case NEW, OPEN, WAITING, RESOLVED, CLOSED -> s.state(t, step.action().name());
                    case CUSTOMER -> s.customer(t);
                    case REPLY -> s.reply(t);
                    case NOTE -> s.note(t);
                    case SYSTEM_REPLY -> s.systemReply(t);
                    case INTERNAL_REPLY -> s.internalReply(t);
                }
            }
            return s;
        }

        SlaClockStory build() {
            return build(t -> true);
        }

        Instant end() {
            return steps.stream().map(Step::gap).reduce(openedAt, Instant::plus, (a, b) -> b);
        }

        SlaClocks at(SlaClockStory s, Instant now) {
            return s.at(now, policy, calendar);
        }

        Story withSteps(List<Step> other) {
            return new Story(openedAt, other, policy, calendar);
        }
    }

    static Gen<Duration> gaps() {
        return Generate.frequency(
                Pair.of(1, Generate.constant(Duration.ZERO)),
                Pair.of(6, longs().between(1, 3 * 24 * 60).map(Duration::ofMinutes)),
                Pair.of(2, longs().between(1, 5L * 24 * 3600 * 1_000_000_000L).map(Duration::ofNanos)));
    }

    static Gen<Story> stories(Gen<Action> actions) {
        long from = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2026-12-01T00:00:00Z").getEpochSecond();
        Gen<Instant> opened = longs().between(from, to).map(s -> Instant.ofEpochSecond(s));
        Gen<List<Step>> steps = lists().of(gaps().zip(actions, Step::new)).ofSizeBetween(0, 14);
        return opened.zip(steps, Generate.pick(POLICIES), Generate.pick(CALENDARS), Story::new);
    }

    static Gen<Story> stories() {
        return stories(Generate.enumValues(Action.class));
    }

    /** Stories without state changes: only messages, replies and notes. */
    static Gen<Story> conversations() {
        return stories(Generate.pick(List.of(Action.CUSTOMER, Action.REPLY, Action.NOTE, Action.SYSTEM_REPLY)));
    }

    static Gen<Duration> later() {
        return longs().between(0, 20L * 24 * 60).map(Duration::ofMinutes);
    }

    @Test
    void theLiveClocksEqualTheClocksRecomputedFromHistory() {
        qt(300).forAll(stories(), later()).checkAssert((story, after) -> {
            SlaClockStory s = story.build();
            Instant now = story.end().plus(after);
            SlaClockTracker live = s.live(story.policy(), story.calendar(), StateCategory::valueOf);
            assertThat(live.clocksAt(now)).isEqualTo(story.at(s, now));
            assertThat(live).isEqualTo(SlaClocks.replay(s.ticket, s.history, s.timeline, StateCategory::valueOf,
                    story.policy(), story.calendar(), now));
        });
    }

    @Test
    void recomputingAtAPastInstantEqualsTheClocksOfTheStorySoFar() {
        qt(300).forAll(stories(), later()).checkAssert((story, cut) -> {
            Instant now = story.openedAt().plus(cut);
            SlaClockStory whole = story.build();
            SlaClockStory soFar = story.build(t -> !t.isAfter(now));
            assertThat(story.at(whole, now)).isEqualTo(story.at(soFar, now));
            assertThat(soFar.live(story.policy(), story.calendar(), StateCategory::valueOf).clocksAt(now))
                    .isEqualTo(story.at(whole, now));
        });
    }

    @Test
    void businessTimeUsedNeverExceedsTheBusinessOrWallTimeSinceTheStart() {
        qt(300).forAll(stories(), later()).checkAssert((story, after) -> {
            SlaClockStory s = story.build();
            Instant now = story.end().plus(after);
            for (SlaClock c : story.at(s, now).clocks().values()) {
                Instant end = c.metAt().orElse(now);
                assertThat(c.used().isNegative()).isFalse();
                assertThat(c.used()).isLessThanOrEqualTo(Duration.between(c.startedAt(), end));
                assertThat(c.used()).isLessThanOrEqualTo(story.calendar().between(c.startedAt(), end));
            }
        });
    }

    @Test
    void aClockIsConsistentWithItself() {
        qt(300).forAll(stories(), later()).checkAssert((story, after) -> {
            SlaClockStory s = story.build();
            Instant now = story.end().plus(after);
            for (SlaClock c : story.at(s, now).clocks().values()) {
                assertThat(c.due().isPresent()).isEqualTo(c.open() && c.status() != SlaClockStatus.PAUSED
                        && !(c.status() == SlaClockStatus.BREACHED && !c.counting()));
                assertThat(c.status() == SlaClockStatus.BREACHED).isEqualTo(c.breachedAt().isPresent());
                c.breachedAt().ifPresent(b -> assertThat(c.used()).isGreaterThanOrEqualTo(c.allowed()));
                c.breachedAt().ifPresent(b -> assertThat(b).isBefore(c.metAt().orElse(now)));
                if (c.breachedAt().isEmpty()) {
                    assertThat(c.used()).isLessThanOrEqualTo(c.allowed());
                }
                c.due().ifPresent(d -> assertThat(now.isAfter(d)).isEqualTo(c.breached()));
                Instant previous = c.startedAt();
                for (SlaClockWarning w : c.warnings()) {
                    assertThat(w.crossed()).isEqualTo(c.used().compareTo(w.businessTime()) >= 0 && w.at().isPresent()
                            && !w.at().get().isAfter(now));
                    if (w.at().isPresent()) {
                        assertThat(w.at().get()).isAfterOrEqualTo(previous);
                        previous = w.at().get();
                        c.due().ifPresent(d -> assertThat(w.at().get()).isBeforeOrEqualTo(d));
                    }
                }
            }
        });
    }

    @Test
    void withoutNewEventsClocksOnlyMoveForward() {
        qt(300).forAll(stories(), later(), later()).checkAssert((story, a, b) -> {
            SlaClockStory s = story.build();
            Instant n1 = story.end().plus(a);
            Instant n2 = n1.plus(b);
            Map<SlaTarget, SlaClock> at1 = story.at(s, n1).clocks();
            Map<SlaTarget, SlaClock> at2 = story.at(s, n2).clocks();
            assertThat(at2.keySet()).isEqualTo(at1.keySet());
            at1.forEach((target, c1) -> {
                SlaClock c2 = at2.get(target);
                assertThat(c2.used()).isGreaterThanOrEqualTo(c1.used());
                assertThat(c2.startedAt()).isEqualTo(c1.startedAt());
                assertThat(c2.metAt()).isEqualTo(c1.metAt());
                assertThat(c2.due()).isEqualTo(c1.due());
                switch (c1.status()) {
                    case MET, PAUSED -> assertThat(c2).isEqualTo(new SlaClock(c1.target(), c1.status(), c1.allowed(),
                            c1.used(), c1.startedAt(), c1.due(), c1.metAt(), c1.breachedAt(), c1.warnings(), n2));
                    case BREACHED -> assertThat(c2.breachedAt()).isEqualTo(c1.breachedAt());
                    case RUNNING -> assertThat(c2.status()).isIn(SlaClockStatus.RUNNING, SlaClockStatus.BREACHED);
                }
                for (int i = 0; i < c1.warnings().size(); i++) {
                    if (c1.warnings().get(i).crossed()) {
                        assertThat(c2.warnings().get(i)).isEqualTo(c1.warnings().get(i));
                    }
                }
            });
        });
    }

    @Test
    void firstResponseAndResolutionNeverRunBackwardsWhateverHappens() {
        qt(300).forAll(stories(), later(), later()).checkAssert((story, a, b) -> {
            SlaClockStory s = story.build();
            Instant n1 = story.openedAt().plus(a);
            Instant n2 = n1.plus(b);
            for (SlaTarget target : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)) {
                story.at(s, n1).clock(target).ifPresent(c1 -> {
                    SlaClock c2 = story.at(s, n2).clock(target).orElseThrow();
                    assertThat(c2.used()).isGreaterThanOrEqualTo(c1.used());
                    c1.breachedAt().ifPresent(at -> assertThat(c2.breachedAt()).contains(at));
                    if (target == SlaTarget.FIRST_RESPONSE && !c1.open()) {
                        assertThat(c2.metAt()).isEqualTo(c1.metAt());
                    }
                });
            }
        });
    }

    @Test
    void pausingNeverMakesADueEarlier() {
        qt(300).forAll(conversations(), later(), later(), later()).checkAssert((story, pauseAfter, pauseFor, after) -> {
            Instant pause = story.openedAt().plus(pauseAfter);
            Instant resume = pause.plus(pauseFor);
            SlaClockStory plain = story.build();
            SlaClockStory paused = withPause(story, pause, resume);
            Instant now = max(story.end(), resume).plus(after);
            Map<SlaTarget, SlaClock> p = story.at(plain, now).clocks();
            Map<SlaTarget, SlaClock> q = story.at(paused, now).clocks();
            assertThat(q.keySet()).isEqualTo(p.keySet());
            p.forEach((target, c) -> {
                SlaClock d = q.get(target);
                assertThat(d.startedAt()).isEqualTo(c.startedAt());
                assertThat(d.metAt()).isEqualTo(c.metAt());
                assertThat(d.used()).isLessThanOrEqualTo(c.used());
                if (c.due().isPresent() && d.due().isPresent()) {
                    assertThat(d.due().get()).isAfterOrEqualTo(c.due().get());
                }
                d.breachedAt().ifPresent(at -> assertThat(at).isAfterOrEqualTo(c.breachedAt().orElseThrow()));
                for (int i = 0; i < c.warnings().size(); i++) {
                    SlaClockWarning wc = c.warnings().get(i);
                    SlaClockWarning wd = d.warnings().get(i);
                    if (wd.crossed()) {
                        assertThat(wc.crossed()).isTrue();
                        assertThat(wd.at().get()).isAfterOrEqualTo(wc.at().get());
                    }
                }
            });
        });
    }

    @Test
    void movingBetweenCountingStatesNeverChangesAClock() {
        qt(200).forAll(conversations(), later(), later(), later()).checkAssert((story, toOpen, back, after) -> {
            Instant open = story.openedAt().plus(toOpen);
            Instant backToNew = open.plus(back);
            List<Step> steps = new ArrayList<>(story.steps());
            SlaClockStory plain = story.build();
            SlaClockStory moved = merge(story, List.of(new Timed(open, Action.OPEN), new Timed(backToNew, Action.NEW)));
            Instant now = max(story.end(), backToNew).plus(after);
            assertThat(story.at(moved, now)).isEqualTo(story.at(plain, now));
            assertThat(steps).isEqualTo(story.steps());
        });
    }

    record Timed(Instant at, Action action) {
    }

    private static SlaClockStory withPause(Story story, Instant pause, Instant resume) {
        return merge(story, List.of(new Timed(pause, Action.WAITING), new Timed(resume, Action.NEW)));
    }

    /** The story with extra state changes inserted at their instants (after the story's own changes at that instant). */
    private static SlaClockStory merge(Story story, List<Timed> extra) {
        List<Timed> all = new ArrayList<>();
        Instant t = story.openedAt();
        for (Step s : story.steps()) {
            t = t.plus(s.gap());
            all.add(new Timed(t, s.action()));
        }
        for (Timed e : extra) {
            int i = 0;
            while (i < all.size() && !all.get(i).at().isAfter(e.at())) {
                i++;
            }
            all.add(i, e);
        }
        List<Step> steps = new ArrayList<>();
        Instant previous = story.openedAt();
        for (Timed e : all) {
            steps.add(new Step(Duration.between(previous, e.at()), e.action()));
            previous = e.at();
        }
        return story.withSteps(steps).build();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
