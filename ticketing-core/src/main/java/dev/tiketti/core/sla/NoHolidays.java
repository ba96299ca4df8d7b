package dev.tiketti.core.sla;

import java.time.LocalDate;
import java.util.Set;

/** The provider behind {@link HolidayProvider#none()}. Package-private: not API. */
enum NoHolidays implements HolidayProvider {
    INSTANCE;

    @Override
    public Set<LocalDate> holidaysIn(int year) {
        return Set.of();
    }

    @Override
    public String toString() {
        return "no holidays";
    }
}
