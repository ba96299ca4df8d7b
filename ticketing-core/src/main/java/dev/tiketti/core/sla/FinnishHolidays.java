package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The Finnish public holidays as a {@link HolidayProvider}, with any of them switched off
 * (e.g. a team that works on Midsummer Eve: {@code FinnishHolidays.all().without(MIDSUMMER_EVE)}).
 *
 * @param observed the holidays that are days off
 * @since 0.1
 */
public record FinnishHolidays(Set<FinnishHoliday> observed) implements HolidayProvider {
    /** Copies the set. */
    public FinnishHolidays {
        Require.nonNull(observed, "observed");
        observed = observed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(observed));
    }

    /** Every Finnish public holiday, Midsummer Eve and Christmas Eve included. */
    public static FinnishHolidays all() {
        return new FinnishHolidays(EnumSet.allOf(FinnishHoliday.class));
    }

    /** These holidays and no others are days off. */
    public static FinnishHolidays only(FinnishHoliday... holidays) {
        return new FinnishHolidays(Set.of(holidays));
    }

    /** The same provider with the given holidays switched off (worked as normal weekdays). */
    public FinnishHolidays without(FinnishHoliday... holidays) {
        Set<FinnishHoliday> rest = EnumSet.noneOf(FinnishHoliday.class);
        rest.addAll(observed);
        Arrays.asList(holidays).forEach(rest::remove);
        return new FinnishHolidays(rest);
    }

    @Override
    public Set<LocalDate> holidaysIn(int year) {
        Set<LocalDate> dates = new HashSet<>();
        for (FinnishHoliday h : observed) {
            dates.add(h.dateIn(year));
        }
        return Set.copyOf(dates);
    }
}
