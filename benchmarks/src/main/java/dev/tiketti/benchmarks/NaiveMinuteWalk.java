package dev.tiketti.benchmarks;

import dev.tiketti.core.sla.HolidayProvider;
import dev.tiketti.core.sla.WorkingInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline: what a help desk without a business-time index does. It walks from the start one
 * minute at a time, asks "is this minute working time?" in local time (weekday hours, holiday set
 * cached per year) and counts working minutes until the target is reached. Starts must be on whole
 * minutes and targets whole minutes. Not thread-safe (the holiday cache), one per benchmark thread.
 */
public final class NaiveMinuteWalk implements DueCalculator {
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingInterval>> hours;
    private final HolidayProvider holidays;
    private final Map<Integer, Set<LocalDate>> holidayCache = new HashMap<>();

    public NaiveMinuteWalk(ZoneId zone, Map<DayOfWeek, List<WorkingInterval>> hours, HolidayProvider holidays) {
        this.zone = zone;
        this.hours = new EnumMap<>(hours);
        this.holidays = holidays;
    }

    @Override
    public Instant due(Instant start, Duration target) {
        long left = target.toMinutes();
        Instant t = start;
        while (left > 0) {
            if (isWorkingMinute(t)) {
                left--;
            }
            t = t.plusSeconds(60);
        }
        return t;
    }

    boolean isWorkingMinute(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (holidayCache.computeIfAbsent(date.getYear(), holidays::holidaysIn).contains(date)) {
            return false;
        }
        int minute = local.getHour() * 60 + local.getMinute();
        for (WorkingInterval w : hours.getOrDefault(date.getDayOfWeek(), List.of())) {
            if (minute >= w.startMinute() && minute < w.endMinute()) {
                return true;
            }
        }
        return false;
    }
}
