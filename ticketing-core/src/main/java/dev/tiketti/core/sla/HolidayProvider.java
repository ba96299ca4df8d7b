package dev.tiketti.core.sla;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Says which dates of a year are holidays (no working time, unless declared an extra working
 * day). Implementations must be pure and thread-safe: a calendar asks once per year and caches
 * the answer, so the same year must always give the same dates.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface HolidayProvider {
    /** The holidays falling in {@code year} (dates of other years are ignored); never null. */
    Set<LocalDate> holidaysIn(int year);

    /** A provider with no holidays (always the same instance, so calendars using it compare equal). */
    static HolidayProvider none() {
        return NoHolidays.INSTANCE;
    }

    /** A provider giving the holidays of both this and {@code other}, e.g. public holidays plus company days. */
    default HolidayProvider and(HolidayProvider other) {
        HolidayProvider self = this;
        return year -> {
            Set<LocalDate> all = new HashSet<>(self.holidaysIn(year));
            all.addAll(other.holidaysIn(year));
            return Set.copyOf(all);
        };
    }
}
