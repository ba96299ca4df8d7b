package dev.tiketti.core.sla;

/**
 * Ready-made business calendars.
 *
 * @since 0.1
 */
public final class BusinessCalendars {
    private static final BusinessCalendar FINLAND = BusinessCalendar.builder()
            .zone(BusinessCalendar.DEFAULT_ZONE)
            .weekdays("08:00-16:00")
            .holidays(FinnishHolidays.all())
            .build();

    private BusinessCalendars() {
    }

    /**
     * Office hours in Finland: Monday to Friday 08:00-16:00 in {@code Europe/Helsinki}, with every
     * {@link FinnishHoliday} a day off. Derive a team calendar with
     * {@code finland().toBuilder().closed(...).build()}.
     */
    public static BusinessCalendar finland() {
        return FINLAND;
    }
}
