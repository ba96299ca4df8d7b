package dev.tiketti.benchmarks;

import dev.tiketti.core.sla.BusinessCalendar;
import dev.tiketti.core.sla.FinnishHolidays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The benchmark's inputs: a two-interval Finnish calendar and random ticket arrival instants. */
public final class Workload {
    /** Mon-Fri 08:00-11:30 and 12:00-16:00, Europe/Helsinki, every Finnish public holiday off. */
    public static final BusinessCalendar CALENDAR = BusinessCalendar.builder()
            .weekdays("08:00-11:30", "12:00-16:00")
            .holidays(FinnishHolidays.all())
            .build();
    public static final Instant FROM = LocalDate.of(2025, 1, 1).atStartOfDay(CALENDAR.zone()).toInstant();
    public static final Instant TO = LocalDate.of(2027, 1, 1).atStartOfDay(CALENDAR.zone()).toInstant();

    private Workload() {
    }

    /** The same calendar for the naive walker. */
    public static NaiveMinuteWalk naive() {
        Map<DayOfWeek, List<dev.tiketti.core.sla.WorkingInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, CALENDAR.hours(d));
        }
        return new NaiveMinuteWalk(CALENDAR.zone(), hours, CALENDAR.holidays());
    }

    public static DueCalculator tiketti() {
        return CALENDAR::add;
    }

    public static DueCalculator implementation(String name) {
        return switch (name) {
            case "tiketti" -> tiketti();
            case "naiveMinuteWalk" -> naive();
            default -> throw new IllegalArgumentException("Unknown implementation '" + name
                    + "': use tiketti or naiveMinuteWalk");
        };
    }

    /** {@code n} arrival instants on whole minutes, uniform over 2025-2026 (a fixed seed: every run sees the same). */
    public static Instant[] arrivals(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long minutes = (TO.getEpochSecond() - FROM.getEpochSecond()) / 60;
        Instant[] out = new Instant[n];
        for (int i = 0; i < n; i++) {
            out[i] = FROM.plusSeconds(60 * random.nextLong(minutes));
        }
        return out;
    }
}
