package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.FinnishHoliday.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers: the Finnish public holidays 2024-2030 as published in the almanac. */
class FinnishHolidaysTest {

    // year, Good Friday, Easter Sunday, Easter Monday, Ascension, Whit Sunday, Midsummer Eve, Midsummer Day, All Saints
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024, 2024-03-29, 2024-03-31, 2024-04-01, 2024-05-09, 2024-05-19, 2024-06-21, 2024-06-22, 2024-11-02",
        "2025, 2025-04-18, 2025-04-20, 2025-04-21, 2025-05-29, 2025-06-08, 2025-06-20, 2025-06-21, 2025-11-01",
        "2026, 2026-04-03, 2026-04-05, 2026-04-06, 2026-05-14, 2026-05-24, 2026-06-19, 2026-06-20, 2026-10-31",
        "2027, 2027-03-26, 2027-03-28, 2027-03-29, 2027-05-06, 2027-05-16, 2027-06-25, 2027-06-26, 2027-11-06",
        "2028, 2028-04-14, 2028-04-16, 2028-04-17, 2028-05-25, 2028-06-04, 2028-06-23, 2028-06-24, 2028-11-04",
        "2029, 2029-03-30, 2029-04-01, 2029-04-02, 2029-05-10, 2029-05-20, 2029-06-22, 2029-06-23, 2029-11-03",
        "2030, 2030-04-19, 2030-04-21, 2030-04-22, 2030-05-30, 2030-06-09, 2030-06-21, 2030-06-22, 2030-11-02",
    })
    void movableHolidaysMatchThePublishedDates(int year, LocalDate goodFriday, LocalDate easter, LocalDate easterMonday,
                                               LocalDate ascension, LocalDate whitSunday, LocalDate midsummerEve,
                                               LocalDate midsummerDay, LocalDate allSaints) {
        Map<FinnishHoliday, LocalDate> expected = new EnumMap<>(FinnishHoliday.class);
        expected.put(NEW_YEARS_DAY, LocalDate.of(year, 1, 1));
        expected.put(EPIPHANY, LocalDate.of(year, 1, 6));
        expected.put(GOOD_FRIDAY, goodFriday);
        expected.put(EASTER_SUNDAY, easter);
        expected.put(EASTER_MONDAY, easterMonday);
        expected.put(MAY_DAY, LocalDate.of(year, 5, 1));
        expected.put(ASCENSION_DAY, ascension);
        expected.put(WHIT_SUNDAY, whitSunday);
        expected.put(MIDSUMMER_EVE, midsummerEve);
        expected.put(MIDSUMMER_DAY, midsummerDay);
        expected.put(ALL_SAINTS_DAY, allSaints);
        expected.put(INDEPENDENCE_DAY, LocalDate.of(year, 12, 6));
        expected.put(CHRISTMAS_EVE, LocalDate.of(year, 12, 24));
        expected.put(CHRISTMAS_DAY, LocalDate.of(year, 12, 25));
        expected.put(ST_STEPHENS_DAY, LocalDate.of(year, 12, 26));

        expected.forEach((holiday, date) -> assertThat(holiday.dateIn(year)).as("%s %d", holiday, year).isEqualTo(date));
        assertThat(FinnishHolidays.all().holidaysIn(year)).containsExactlyInAnyOrderElementsOf(expected.values());
    }

    @Test
    @DisplayName("Easter by the Gregorian computus, including the extreme dates")
    void easterSundayKnownYears() {
        assertThat(FinnishHoliday.easterSunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(FinnishHoliday.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
        assertThat(FinnishHoliday.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22)); // earliest possible
        assertThat(FinnishHoliday.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25)); // latest possible
    }

    @Test
    void movableHolidaysKeepTheirWeekdayInEveryYear() {
        for (int y = 1600; y <= 2600; y++) {
            assertThat(EASTER_SUNDAY.dateIn(y).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(GOOD_FRIDAY.dateIn(y).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(ASCENSION_DAY.dateIn(y).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(MIDSUMMER_EVE.dateIn(y)).isBetween(LocalDate.of(y, 6, 19), LocalDate.of(y, 6, 25));
            assertThat(MIDSUMMER_EVE.dateIn(y).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(MIDSUMMER_DAY.dateIn(y)).isEqualTo(MIDSUMMER_EVE.dateIn(y).plusDays(1));
            assertThat(ALL_SAINTS_DAY.dateIn(y)).isBetween(LocalDate.of(y, 10, 31), LocalDate.of(y, 11, 6));
            assertThat(ALL_SAINTS_DAY.dateIn(y).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(EASTER_SUNDAY.dateIn(y)).isBetween(LocalDate.of(y, 3, 22), LocalDate.of(y, 4, 25));
        }
    }

    @Test
    void eachHolidayCanBeSwitchedOff() {
        FinnishHolidays noEves = FinnishHolidays.all().without(MIDSUMMER_EVE, CHRISTMAS_EVE);
        assertThat(noEves.holidaysIn(2025)).hasSize(13)
                .doesNotContain(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 12, 24))
                .contains(LocalDate.of(2025, 6, 21), LocalDate.of(2025, 12, 25));
        assertThat(FinnishHolidays.only(INDEPENDENCE_DAY).holidaysIn(2026)).containsExactly(LocalDate.of(2026, 12, 6));
        assertThat(new FinnishHolidays(java.util.Set.of()).holidaysIn(2026)).isEmpty();

        BusinessCalendar worksOnMidsummerEve = BusinessCalendars.finland().toBuilder()
                .holidays(FinnishHolidays.all().without(MIDSUMMER_EVE)).build();
        assertThat(worksOnMidsummerEve.workingIntervalsOn(LocalDate.of(2024, 6, 21))).hasSize(1);
        assertThat(BusinessCalendars.finland().workingIntervalsOn(LocalDate.of(2024, 6, 21))).isEmpty();
    }

    @Test
    void finnishNamesAreThere() {
        assertThat(MIDSUMMER_EVE.finnishName()).isEqualTo("Juhannusaatto");
        assertThat(ALL_SAINTS_DAY.finnishName()).isEqualTo("Pyhäinpäivä");
    }
}
