package dev.tiketti.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {
    static final ZoneId HKI = ZoneId.of("Europe/Helsinki");
    static final BusinessCalendar FINLAND = BusinessCalendars.finland();
    static final BusinessCalendar TWO_INTERVALS = BusinessCalendar.builder()
            .weekdays("08:00-11:30", "12:00-16:00").holidays(FinnishHolidays.all()).build();

    static Instant hki(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HKI).toInstant();
    }

    @Nested
    @DisplayName("Known answers on the Finnish calendar (Mon-Fri 08-16, public holidays)")
    class KnownAnswers {

        @ParameterizedTest(name = "received {0} + {1} is due {2}")
        @CsvSource({
            // Friday 15:30 before a holiday Monday, 4-hour first-response target
            "2023-12-29T15:30, PT4H, 2024-01-02T11:30",   // Mon 1.1.2024 New Year's Day
            "2027-12-03T15:30, PT4H, 2027-12-07T11:30",   // Mon 6.12.2027 Independence Day
            "2028-04-28T15:30, PT4H, 2028-05-02T11:30",   // Mon 1.5.2028 May Day
            "2026-04-02T15:30, PT4H, 2026-04-07T11:30",   // Thu before Good Friday 3.4. and Easter Monday 6.4.2026
            "2025-06-19T15:30, PT4H, 2025-06-23T11:30",   // Thu before Midsummer Eve 20.6.2025
            // DST: clocks forward Sun 30.3.2025, back Sun 26.10.2025 (weekends, so business time is unaffected)
            "2025-03-28T15:00, PT4H, 2025-03-31T11:00",
            "2025-10-24T15:00, PT4H, 2025-10-27T11:00",
            // Year ends: Christmas Eve..St Stephen's Wed-Fri 2025, New Year's Day Thu 2026
            "2025-12-23T15:00, PT16H, 2025-12-30T15:00",
            "2025-12-31T15:00, PT4H, 2026-01-02T11:00",
            // Closing-time rule: a target that runs out at 16:00 is due at 16:00, not next morning
            "2025-06-02T08:00, PT8H, 2025-06-02T16:00",
            // Received at the weekend: the clock starts on Monday
            "2025-06-07T10:00, PT1H, 2025-06-09T09:00",
            "2025-06-06T16:00, PT1M, 2025-06-09T08:01",
        })
        void dueInstants(String received, Duration target, String due) {
            Instant start = hki(received);
            Instant expected = hki(due);
            assertThat(FINLAND.add(start, target)).isEqualTo(expected);
            assertThat(FINLAND.between(start, expected)).isEqualTo(target);
        }

        @Test
        void dstWeekendKeepsBusinessTimeWhileWallTimeLosesAnHour() {
            Instant start = hki("2025-03-28T15:00");
            Instant due = FINLAND.add(start, Duration.ofHours(4));
            assertThat(due).isEqualTo(Instant.parse("2025-03-31T08:00:00Z"));
            assertThat(Duration.between(start, due)).isEqualTo(Duration.ofHours(67)); // 68 h of wall clock minus 1
            Instant autumn = hki("2025-10-24T15:00");
            assertThat(Duration.between(autumn, FINLAND.add(autumn, Duration.ofHours(4)))).isEqualTo(Duration.ofHours(69));
        }

        @Test
        void twoIntervalDaySkipsTheLunchBreak() {
            assertThat(TWO_INTERVALS.add(hki("2025-06-02T11:00"), Duration.ofHours(1))).isEqualTo(hki("2025-06-02T12:30"));
            assertThat(TWO_INTERVALS.add(hki("2025-06-02T11:15"), Duration.ofMinutes(15))).isEqualTo(hki("2025-06-02T11:30"));
            assertThat(TWO_INTERVALS.between(hki("2025-06-02T00:00"), hki("2025-06-03T00:00")))
                    .isEqualTo(Duration.ofMinutes(450));
            assertThat(TWO_INTERVALS.add(hki("2025-06-05T15:30"), Duration.ofHours(4))).isEqualTo(hki("2025-06-06T11:30"));
            // Friday before Midsummer: Fri 20.6.2025 is Midsummer Eve
            assertThat(TWO_INTERVALS.add(hki("2025-06-19T15:30"), Duration.ofHours(4))).isEqualTo(hki("2025-06-23T11:30"));
        }

        @Test
        void isOpenAndNextOpening() {
            assertThat(FINLAND.isOpen(hki("2025-06-02T08:00"))).isTrue();
            assertThat(FINLAND.isOpen(hki("2025-06-02T15:59"))).isTrue();
            assertThat(FINLAND.isOpen(hki("2025-06-02T16:00"))).isFalse();
            assertThat(FINLAND.isOpen(hki("2025-12-24T10:00"))).isFalse();
            assertThat(TWO_INTERVALS.isOpen(hki("2025-06-02T11:45"))).isFalse();

            Instant open = hki("2025-06-02T10:17:03.5");
            assertThat(FINLAND.nextOpening(open)).isEqualTo(open);
            assertThat(TWO_INTERVALS.nextOpening(hki("2025-06-02T11:45"))).isEqualTo(hki("2025-06-02T12:00"));
            assertThat(FINLAND.nextOpening(hki("2025-06-06T16:00"))).isEqualTo(hki("2025-06-09T08:00"));
            assertThat(FINLAND.nextOpening(hki("2025-12-23T17:00"))).isEqualTo(hki("2025-12-29T08:00"));
            assertThat(FINLAND.nextOpening(hki("2025-12-31T16:00"))).isEqualTo(hki("2026-01-02T08:00"));
        }

        @Test
        void subMinutePrecisionIsKept() {
            Instant open = hki("2025-06-02T10:00:00.000000001");
            assertThat(FINLAND.add(open, Duration.ofNanos(1))).isEqualTo(hki("2025-06-02T10:00:00.000000002"));
            assertThat(FINLAND.add(hki("2025-06-02T15:59:59.5"), Duration.ofSeconds(1)))
                    .isEqualTo(hki("2025-06-03T08:00:00.5"));
            assertThat(FINLAND.add(hki("2025-06-07T12:00"), Duration.ofNanos(1))).isEqualTo(hki("2025-06-09T08:00:00.000000001"));
        }

        @Test
        void betweenIsNegativeBackwardsAndZeroWhenClosed() {
            assertThat(FINLAND.between(hki("2025-06-03T09:00"), hki("2025-06-02T15:00"))).isEqualTo(Duration.ofHours(-2));
            assertThat(FINLAND.between(hki("2025-06-07T09:00"), hki("2025-06-08T15:00"))).isZero();
            assertThat(FINLAND.between(hki("2025-01-01T00:00"), hki("2026-01-01T00:00")))
                    .isEqualTo(Duration.ofHours(8L * workingDays(2025)));
        }

        @Test
        @DisplayName("2 000 business hours span about a year and cross a year end")
        void longSpans() {
            Instant start = hki("2025-03-03T08:00");
            Instant due = FINLAND.add(start, Duration.ofHours(2000));
            // 2000 h = 250 full working days from Monday 3.3.2025 08:00; count them by date independently.
            LocalDate d = LocalDate.of(2025, 3, 3);
            int days = 0;
            LocalDate last = d;
            while (days < 250) {
                if (d.getDayOfWeek().getValue() <= 5 && !FinnishHolidays.all().holidaysIn(d.getYear()).contains(d)) {
                    days++;
                    last = d;
                }
                d = d.plusDays(1);
            }
            assertThat(due).isEqualTo(last.atTime(16, 0).atZone(HKI).toInstant());
            assertThat(FINLAND.between(start, due)).isEqualTo(Duration.ofHours(2000));
            Instant farDue = FINLAND.add(start, Duration.ofDays(3650));
            assertThat(FINLAND.between(start, farDue)).isEqualTo(Duration.ofDays(3650));
        }

        private static int workingDays(int year) {
            int n = 0;
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5 && !FinnishHolidays.all().holidaysIn(year).contains(d)) {
                    n++;
                }
            }
            return n;
        }
    }

    @Nested
    @DisplayName("Working intervals inside DST switches")
    class DstInsideIntervals {
        // Night work on Sundays, where Europe/Helsinki switches (03:00 -> 04:00 in March, 04:00 -> 03:00 in October).
        final BusinessCalendar nights = BusinessCalendar.builder()
                .hours(DayOfWeek.SUNDAY, "02:00-05:00").hours(DayOfWeek.SATURDAY, "03:15-03:45").build();
        final BusinessCalendar inside = BusinessCalendar.builder().hours(DayOfWeek.SUNDAY, "03:15-03:45").build();

        @Test
        void anIntervalSpanningTheSpringGapIsShorterByTheGap() {
            assertThat(nights.between(hki("2025-03-23T00:00"), hki("2025-03-24T00:00"))).isEqualTo(Duration.ofHours(3));
            assertThat(nights.between(hki("2025-03-30T00:00"), hki("2025-03-31T00:00"))).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void anIntervalSpanningTheAutumnOverlapIsLongerByTheRepeatedHour() {
            assertThat(nights.between(hki("2025-10-26T00:00"), hki("2025-10-27T00:00"))).isEqualTo(Duration.ofHours(4));
            assertThat(nights.isOpen(Instant.parse("2025-10-26T01:30:00Z"))).isTrue(); // 03:30 the second time
            assertThat(nights.add(hki("2025-10-26T02:00"), Duration.ofHours(4))).isEqualTo(hki("2025-10-26T05:00"));
        }

        @Test
        void anIntervalInsideTheGapIsEmptyAndInsideTheOverlapCountsOnlyOnce() {
            assertThat(inside.between(hki("2025-03-30T00:00"), hki("2025-03-31T00:00"))).isZero();
            assertThat(inside.between(hki("2025-10-26T00:00"), hki("2025-10-27T00:00"))).isEqualTo(Duration.ofMinutes(30));
            assertThat(inside.isOpen(Instant.parse("2025-10-26T00:20:00Z"))).isTrue();  // 03:20 +03:00, first time
            assertThat(inside.isOpen(Instant.parse("2025-10-26T01:20:00Z"))).isFalse(); // 03:20 +02:00, again
            assertThat(inside.nextOpening(hki("2025-03-29T12:00"))).isEqualTo(hki("2025-04-06T03:15"));
        }
    }

    @Nested
    @DisplayName("Closures, extra working days and composition")
    class Composition {
        @Test
        void teamCalendarIsBasePlusClosures() {
            BusinessCalendar team = FINLAND.toBuilder()
                    .closed(LocalDate.of(2025, 6, 3))
                    .closed(LocalDateTime.parse("2025-06-04T12:00"), LocalDateTime.parse("2025-06-04T14:00"))
                    .build();
            assertThat(team.add(hki("2025-06-02T15:00"), Duration.ofHours(2))).isEqualTo(hki("2025-06-04T09:00"));
            assertThat(FINLAND.add(hki("2025-06-02T15:00"), Duration.ofHours(2))).isEqualTo(hki("2025-06-03T09:00"));
            assertThat(team.workingIntervalsOn(LocalDate.of(2025, 6, 4)))
                    .containsExactly(WorkingInterval.parse("08:00-12:00"), WorkingInterval.parse("14:00-16:00"));
            assertThat(team.add(hki("2025-06-04T11:00"), Duration.ofHours(2))).isEqualTo(hki("2025-06-04T15:00"));
            assertThat(team.closures()).hasSize(2);
            assertThat(FINLAND.closures()).isEmpty();
        }

        @Test
        void extraWorkingDaysOverrideWeekendsAndHolidaysButNotClosures() {
            BusinessCalendar cal = FINLAND.toBuilder()
                    .extraWorkingDay(LocalDate.of(2025, 6, 7), "10:00-14:00")
                    .extraWorkingDay(LocalDate.of(2025, 12, 24), "08:00-12:00")
                    .closed(LocalDateTime.parse("2025-12-24T08:00"), LocalDateTime.parse("2025-12-24T09:00"))
                    .build();
            assertThat(cal.add(hki("2025-06-06T15:00"), Duration.ofHours(2))).isEqualTo(hki("2025-06-07T11:00"));
            assertThat(cal.workingIntervalsOn(LocalDate.of(2025, 12, 24))).containsExactly(WorkingInterval.parse("09:00-12:00"));
            assertThat(cal.add(hki("2025-12-23T15:00"), Duration.ofHours(2))).isEqualTo(hki("2025-12-24T10:00"));
        }

        @Test
        void closureAcrossAYearEnd() {
            BusinessCalendar cal = FINLAND.toBuilder().closed(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 9)).build();
            assertThat(cal.add(hki("2025-12-23T15:00"), Duration.ofHours(2))).isEqualTo(hki("2026-01-12T09:00"));
        }

        @Test
        void toBuilderReproducesTheCalendarAndLetsEachOptionBeReplacedOnce() {
            assertThat(FINLAND.toBuilder().build()).isEqualTo(FINLAND);
            BusinessCalendar stockholm = FINLAND.toBuilder().zone("Europe/Stockholm").build();
            assertThat(stockholm.zone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
            assertThat(stockholm.hours(DayOfWeek.MONDAY)).containsExactly(WorkingInterval.parse("08:00-16:00"));
            assertThat(stockholm.add(Instant.parse("2025-06-02T06:00:00Z"), Duration.ofHours(1)))
                    .isEqualTo(Instant.parse("2025-06-02T07:00:00Z"));
            assertThat(FINLAND.toBuilder().hours(DayOfWeek.FRIDAY, List.of()).build().hours(DayOfWeek.FRIDAY)).isEmpty();
        }

        @Test
        void defaultsAreHelsinkiAndNoHolidays() {
            BusinessCalendar cal = BusinessCalendar.builder().weekdays("09:00-17:00").build();
            assertThat(cal.zone()).isEqualTo(HKI);
            assertThat(cal.isOpen(hki("2025-12-25T10:00"))).isTrue();
            assertThat(cal.hours(DayOfWeek.SATURDAY)).isEmpty();
            assertThat(BusinessCalendar.builder().weekdays("09:00-17:00").build()).isEqualTo(cal).hasSameHashCodeAs(cal);
            assertThat(BusinessCalendar.builder().weekdays("09:00-16:00").build()).isNotEqualTo(cal);
        }
    }

    @Nested
    @DisplayName("Bad input is rejected with a message naming the problem")
    class BadInput {
        @Test
        void overlappingIntervals() {
            assertThatThrownBy(() -> BusinessCalendar.builder().hours(DayOfWeek.MONDAY, "08:00-12:00", "11:30-16:00"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("TKT-0700").hasMessageContaining("08:00-12:00")
                    .hasMessageContaining("11:30-16:00").hasMessageContaining("MONDAY").hasMessageContaining("overlap")
                    .satisfies(e -> assertThat(((ConfigurationException) e).code())
                            .isEqualTo(ErrorCode.INVALID_BUSINESS_CALENDAR));
            assertThatThrownBy(() -> BusinessCalendar.builder()
                    .hours(DayOfWeek.MONDAY, "08:00-12:00", "09:00-10:00", "11:00-13:00"))
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).hasSize(2)); // 09-10 and 11-13 only overlap 08-12
            // touching intervals are fine
            assertThat(BusinessCalendar.builder().hours(DayOfWeek.MONDAY, "08:00-12:00", "12:00-16:00").build()
                    .add(hki("2025-06-02T11:00"), Duration.ofHours(2))).isEqualTo(hki("2025-06-02T13:00"));
        }

        @Test
        void invertedOrMalformedIntervals() {
            assertThatThrownBy(() -> WorkingInterval.parse("16:00-08:00"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("16:00-08:00")
                    .hasMessageContaining("inverted");
            assertThatThrownBy(() -> WorkingInterval.parse("8-16")).hasMessageContaining("'8-16'")
                    .hasMessageContaining("HH:MM-HH:MM");
            assertThatThrownBy(() -> WorkingInterval.parse("08:00-24:30")).hasMessageContaining("does not exist");
            assertThatThrownBy(() -> WorkingInterval.of(java.time.LocalTime.of(8, 0, 30), java.time.LocalTime.of(9, 0)))
                    .hasMessageContaining("whole minute");
            assertThat(WorkingInterval.parse("22:00-24:00").end()).isEqualTo(java.time.LocalTime.MIDNIGHT);
            assertThat(WorkingInterval.parse("08:00\u201311:30").minutes()).isEqualTo(210);
        }

        @Test
        void unknownZone() {
            assertThatThrownBy(() -> BusinessCalendar.builder().zone("Europe/Helsingfors"))
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TIME_ZONE))
                    .hasMessageContaining("'Europe/Helsingfors'").hasMessageContaining("Europe/Helsinki");
        }

        @Test
        void noWorkingTimeAtAll() {
            assertThatThrownBy(() -> BusinessCalendar.builder().holidays(FinnishHolidays.all()).build())
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_WORKING_TIME))
                    .hasMessageContaining("no working time");
            assertThatThrownBy(() -> BusinessCalendar.builder().hours(DayOfWeek.MONDAY).build())
                    .hasMessageContaining("TKT-0702");
        }

        @Test
        void closuresCoveringEverythingAreReportedInsteadOfLoopingForever() {
            BusinessCalendar cal = FINLAND.toBuilder().closed(LocalDate.of(2025, 1, 1), LocalDate.of(2199, 12, 31)).build();
            assertThatThrownBy(() -> cal.add(hki("2025-06-02T08:00"), Duration.ofHours(1)))
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_WORKING_TIME))
                    .hasMessageContaining("50 years");
            assertThatThrownBy(() -> cal.nextOpening(hki("2025-06-02T08:00"))).hasMessageContaining("TKT-0702");
        }

        @Test
        void zeroNegativeOrHugeDurations() {
            Instant s = hki("2025-06-02T08:00");
            for (Duration d : List.of(Duration.ZERO, Duration.ofMinutes(-5), Duration.ofDays(40_000))) {
                assertThatThrownBy(() -> FINLAND.add(s, d))
                        .isInstanceOfSatisfying(ConfigurationException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BUSINESS_DURATION))
                        .hasMessageContaining(d.toString());
            }
        }

        @Test
        void optionsSetTwice() {
            assertThatThrownBy(() -> BusinessCalendar.builder().zone("Europe/Helsinki").zone("Europe/Oslo"))
                    .hasMessageContaining("zone option is set twice");
            assertThatThrownBy(() -> BusinessCalendar.builder().weekdays("08:00-16:00").hours(DayOfWeek.MONDAY, "09:00-10:00"))
                    .hasMessageContaining("hours of MONDAY");
            assertThatThrownBy(() -> FINLAND.toBuilder().holidays(HolidayProvider.none()).holidays(HolidayProvider.none()))
                    .hasMessageContaining("holidays option is set twice");
            assertThatThrownBy(() -> FINLAND.toBuilder().extraWorkingDay(LocalDate.of(2025, 6, 7), "10:00-12:00")
                    .extraWorkingDay(LocalDate.of(2025, 6, 7), "10:00-12:00")).hasMessageContaining("declared twice");
            assertThatThrownBy(() -> FINLAND.toBuilder().extraWorkingDay(LocalDate.of(2025, 6, 7), List.of()))
                    .hasMessageContaining("no working intervals");
        }

        @Test
        void invertedClosures() {
            assertThatThrownBy(() -> FINLAND.toBuilder().closed(LocalDate.of(2025, 6, 5), LocalDate.of(2025, 6, 1)))
                    .hasMessageContaining("2025-06-05").hasMessageContaining("inverted");
            assertThatThrownBy(() -> FINLAND.toBuilder().closed(LocalDateTime.parse("2025-06-05T12:00"),
                    LocalDateTime.parse("2025-06-05T12:00"))).hasMessageContaining("empty or inverted");
        }

        @Test
        void instantsOutsideTheSupportedYears() {
            assertThatThrownBy(() -> FINLAND.isOpen(Instant.MAX))
                    .isInstanceOfSatisfying(TicketingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTSIDE_CALENDAR_RANGE));
            assertThatThrownBy(() -> FINLAND.add(Instant.parse("9999-12-30T10:00:00Z"), Duration.ofDays(30)))
                    .hasMessageContaining("TKT-0704");
        }

        @Test
        void nullsAreNamed() {
            assertThatThrownBy(() -> FINLAND.add(null, Duration.ofHours(1))).hasMessageContaining("start");
            assertThatThrownBy(() -> FINLAND.add(Instant.EPOCH, null)).hasMessageContaining("amount");
        }
    }
}
