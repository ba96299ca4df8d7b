package dev.tiketti.core.sla;

import static dev.tiketti.core.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Laws of business-time arithmetic, checked on calendars with lunch breaks, holidays and DST-crossing night work. */
class BusinessCalendarProperties {
    static final ZoneId HKI = ZoneId.of("Europe/Helsinki");
    static final BusinessCalendar TWO_INTERVALS = BusinessCalendar.builder()
            .weekdays("08:00-11:30", "12:00-16:00").holidays(FinnishHolidays.all()).build();
    /** Night intervals on the weekend, where Helsinki's clocks switch, plus closures and an extra day. */
    static final BusinessCalendar NIGHTS = BusinessCalendar.builder()
            .weekdays("08:00-11:30", "12:00-16:00")
            .hours(DayOfWeek.SUNDAY, "00:00-01:00", "02:00-03:15", "03:45-06:00", "23:30-24:00")
            .hours(DayOfWeek.SATURDAY, "03:00-04:00")
            .holidays(FinnishHolidays.all())
            .closed(LocalDateTime.parse("2025-10-26T03:30"), LocalDateTime.parse("2025-10-26T05:00"))
            .closed(LocalDate.of(2026, 1, 2))
            .extraWorkingDay(LocalDate.of(2025, 12, 26), "10:00-12:00")
            .build();
    static final List<BusinessCalendar> CALENDARS = List.of(BusinessCalendars.finland(), TWO_INTERVALS, NIGHTS);

    static Gen<BusinessCalendar> calendars() {
        return Generate.pick(CALENDARS);
    }

    /** Instants in 2024-2027, with sub-second parts now and then. */
    static Gen<Instant> instants() {
        long from = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2027-12-31T00:00:00Z").getEpochSecond();
        return longs().between(from, to).zip(Generate.oneOf(Generate.constant(0), integers().between(0, 999_999_999)),
                Instant::ofEpochSecond);
    }

    /** Whole-minute instants within ten days of a DST switch or a year end. */
    static Gen<Instant> nearSwitches() {
        List<LocalDate> days = List.of(LocalDate.of(2025, 3, 30), LocalDate.of(2025, 10, 26), LocalDate.of(2026, 3, 29),
                LocalDate.of(2026, 10, 25), LocalDate.of(2025, 12, 31), LocalDate.of(2024, 6, 21));
        return Generate.pick(days).zip(integers().between(-10 * 1440, 10 * 1440),
                (d, m) -> d.atStartOfDay(HKI).toInstant().plusSeconds(60L * m));
    }

    static Gen<Duration> durations() {
        return Generate.oneOf(
                longs().between(1, 60L * 60 * 2000).map(s -> Duration.ofSeconds(s)),
                longs().between(1, 3_000_000_000_000L).map(Duration::ofNanos),
                Generate.pick(List.of(4L, 16L, 40L, 2000L)).map(Duration::ofHours));
    }

    static Gen<Integer> minutes() {
        return integers().between(1, 3000);
    }

    @Test
    void betweenUndoesAdd() {
        qt(2000).forAll(calendars(), instants(), durations()).checkAssert((cal, start, d) -> {
            Instant due = cal.add(start, d);
            assertThat(cal.between(start, due)).isEqualTo(d);
            assertThat(due).isAfter(start);
            // The due instant is the earliest such instant: just before it, the target had not yet been reached.
            assertThat(cal.between(start, due.minusNanos(1))).isLessThan(d);
        });
    }

    @Test
    void aLaterStartNeverGivesAnEarlierDue() {
        qt(2000).forAll(calendars(), instants(), instants(), durations()).checkAssert((cal, a, b, d) -> {
            Instant early = a.isBefore(b) ? a : b;
            Instant late = a.isBefore(b) ? b : a;
            assertThat(cal.add(late, d)).isAfterOrEqualTo(cal.add(early, d));
        });
    }

    @Test
    void businessTimeNeverExceedsWallTime() {
        qt(2000).forAll(calendars(), instants(), instants()).checkAssert((cal, a, b) -> {
            Instant from = a.isBefore(b) ? a : b;
            Instant to = a.isBefore(b) ? b : a;
            Duration business = cal.between(from, to);
            assertThat(business).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(Duration.between(from, to));
            assertThat(cal.between(to, from)).isEqualTo(business.negated());
        });
    }

    @Test
    void nextOpeningIsOpenAndNothingBeforeItIs() {
        qt(2000).forAll(calendars(), instants()).checkAssert((cal, t) -> {
            Instant next = cal.nextOpening(t);
            assertThat(cal.isOpen(next)).isTrue();
            assertThat(cal.between(t, next)).isZero();
            assertThat(cal.isOpen(t)).isEqualTo(next.equals(t));
        });
    }

    @Test
    void addAgreesWithANaiveMinuteWalk() {
        qt(300).forAll(calendars(), nearSwitches(), minutes()).checkAssert((cal, start, minutes) -> {
            Instant t = start;
            int left = minutes;
            while (left > 0) {
                if (naiveOpen(cal, t)) {
                    left--;
                }
                t = t.plusSeconds(60);
            }
            assertThat(cal.add(start, Duration.ofMinutes(minutes))).isEqualTo(t);
        });
    }

    @Test
    void isOpenAgreesWithTheLocalDefinition() {
        qt(300).forAll(calendars(), nearSwitches()).checkAssert((cal, t) -> {
            for (int k = 0; k < 180; k++) {
                Instant u = t.plusSeconds(60L * k);
                assertThat(cal.isOpen(u)).as("%s", u).isEqualTo(naiveOpen(cal, u));
            }
        });
    }

    /**
     * The documented rule, minute by minute: open when some working interval of the local date
     * (or the day before/after), mapped to instants with gap = the jump, overlap = the first occurrence,
     * contains the instant.
     */
    static final Map<List<Object>, List<WorkingInterval>> INTERVALS = new ConcurrentHashMap<>();

    static boolean naiveOpen(BusinessCalendar cal, Instant t) {
        LocalDate d = t.atZone(cal.zone()).toLocalDate();
        for (LocalDate day : List.of(d.minusDays(1), d, d.plusDays(1))) {
            for (WorkingInterval w : INTERVALS.computeIfAbsent(List.of(cal, day), k -> cal.workingIntervalsOn(day))) {
                Instant s = naiveResolve(cal.zone(), day.atStartOfDay().plusMinutes(w.startMinute()));
                Instant e = naiveResolve(cal.zone(), day.atStartOfDay().plusMinutes(w.endMinute()));
                if (!t.isBefore(s) && t.isBefore(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Instant naiveResolve(ZoneId zone, LocalDateTime ldt) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> valid = rules.getValidOffsets(ldt);
        if (valid.isEmpty()) {
            return rules.getTransition(ldt).getInstant();
        }
        return ldt.toInstant(valid.size() == 1 ? valid.get(0) : ldt.atZone(zone).withEarlierOffsetAtOverlap().getOffset());
    }
}
