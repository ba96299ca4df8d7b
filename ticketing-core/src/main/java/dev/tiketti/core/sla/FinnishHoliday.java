package dev.tiketti.core.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The Finnish public holidays (and the customary days off, Midsummer Eve and Christmas Eve),
 * each computable for any Gregorian year by the rules in force today. Used by
 * {@link FinnishHolidays} so each can be switched off.
 *
 * @since 0.1
 */
public enum FinnishHoliday {
    /** Uudenvuodenpäivä, 1 January. */
    NEW_YEARS_DAY("Uudenvuodenpäivä"),
    /** Loppiainen, 6 January. */
    EPIPHANY("Loppiainen"),
    /** Pitkäperjantai, the Friday before Easter Sunday. */
    GOOD_FRIDAY("Pitkäperjantai"),
    /** Pääsiäispäivä, Easter Sunday (Gregorian computus). */
    EASTER_SUNDAY("Pääsiäispäivä"),
    /** Toinen pääsiäispäivä, the Monday after Easter Sunday. */
    EASTER_MONDAY("2. pääsiäispäivä"),
    /** Vappu, 1 May. */
    MAY_DAY("Vappu"),
    /** Helatorstai, the Thursday 39 days after Easter Sunday. */
    ASCENSION_DAY("Helatorstai"),
    /** Helluntaipäivä, Whit Sunday, 49 days after Easter Sunday. */
    WHIT_SUNDAY("Helluntaipäivä"),
    /** Juhannusaatto, the Friday between 19 and 25 June. */
    MIDSUMMER_EVE("Juhannusaatto"),
    /** Juhannuspäivä, the Saturday between 20 and 26 June. */
    MIDSUMMER_DAY("Juhannuspäivä"),
    /** Pyhäinpäivä, the Saturday between 31 October and 6 November. */
    ALL_SAINTS_DAY("Pyhäinpäivä"),
    /** Itsenäisyyspäivä, 6 December. */
    INDEPENDENCE_DAY("Itsenäisyyspäivä"),
    /** Jouluaatto, 24 December. */
    CHRISTMAS_EVE("Jouluaatto"),
    /** Joulupäivä, 25 December. */
    CHRISTMAS_DAY("Joulupäivä"),
    /** Tapaninpäivä, St Stephen's Day, 26 December. */
    ST_STEPHENS_DAY("Tapaninpäivä");

    private final String finnishName;

    FinnishHoliday(String finnishName) {
        this.finnishName = finnishName;
    }

    /** The holiday's Finnish name, e.g. {@code Juhannusaatto}. */
    public String finnishName() {
        return finnishName;
    }

    /** The date of this holiday in {@code year}. */
    public LocalDate dateIn(int year) {
        return switch (this) {
            case NEW_YEARS_DAY -> LocalDate.of(year, 1, 1);
            case EPIPHANY -> LocalDate.of(year, 1, 6);
            case GOOD_FRIDAY -> easterSunday(year).minusDays(2);
            case EASTER_SUNDAY -> easterSunday(year);
            case EASTER_MONDAY -> easterSunday(year).plusDays(1);
            case MAY_DAY -> LocalDate.of(year, 5, 1);
            case ASCENSION_DAY -> easterSunday(year).plusDays(39);
            case WHIT_SUNDAY -> easterSunday(year).plusDays(49);
            case MIDSUMMER_EVE -> LocalDate.of(year, Month.JUNE, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            case MIDSUMMER_DAY -> LocalDate.of(year, Month.JUNE, 20)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            case ALL_SAINTS_DAY -> LocalDate.of(year, Month.OCTOBER, 31)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            case INDEPENDENCE_DAY -> LocalDate.of(year, 12, 6);
            case CHRISTMAS_EVE -> LocalDate.of(year, 12, 24);
            case CHRISTMAS_DAY -> LocalDate.of(year, 12, 25);
            case ST_STEPHENS_DAY -> LocalDate.of(year, 12, 26);
        };
    }

    /** Easter Sunday of a Gregorian year, by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
