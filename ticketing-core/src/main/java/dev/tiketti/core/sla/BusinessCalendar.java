package dev.tiketti.core.sla;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Require;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * When a team works, and business-time arithmetic on it: SLA targets are counted in the working
 * time of a calendar. A calendar has working intervals per weekday (several per day, minute
 * precision), a time zone (default {@code Europe/Helsinki}), holidays from a
 * {@link HolidayProvider}, one-off {@link Closure closures} and extra working days. Team
 * calendars compose: {@code base.toBuilder().closed(...).build()}.
 *
 * <p>For each local date the working intervals are: the extra working day's hours if the date is
 * one; otherwise none on a holiday; otherwise the weekday's hours. Closures are then cut out of
 * them, so a closure wins over everything.
 *
 * <p>Business time is real elapsed time while the calendar is open. Working intervals are local
 * wall-clock times; they are turned into instants in the calendar's zone, and a DST switch inside
 * one is handled deliberately: a local time that does not exist (the spring gap) means the moment
 * the clocks jumped, so an interval spanning the gap is shorter by the gap and one inside it is
 * empty; a local time that exists twice (the autumn overlap) means its first occurrence, so an
 * interval spanning the overlap is longer by the repeated hour. Business time never counts an
 * instant twice or goes backwards.
 *
 * <p>Each local year is precomputed once (lazily, then cached): its intervals as instants and the
 * business time before each. Adding 2 000 business hours therefore costs a couple of binary
 * searches, the same as adding 2. Supports the years {@value #MIN_YEAR}-{@value #MAX_YEAR}.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class BusinessCalendar {
    /** The zone a calendar uses unless told otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Helsinki");
    /** The first year a calendar computes. */
    public static final int MIN_YEAR = 1600;
    /** The last year a calendar computes. */
    public static final int MAX_YEAR = 9999;
    /** The longest business duration {@link #add} accepts. */
    public static final Duration MAX_DURATION = Duration.ofDays(36_525);
    static final int MAX_EMPTY_YEARS = 50;
    private static final long MIN_SECOND = LocalDate.of(MIN_YEAR, 1, 2).toEpochDay() * 86_400L;
    private static final long MAX_SECOND = LocalDate.of(MAX_YEAR, 12, 31).toEpochDay() * 86_400L;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingInterval>> weekly;
    private final HolidayProvider holidays;
    private final List<Closure> closures;
    private final Map<LocalDate, List<WorkingInterval>> extraWorkingDays;
    private final AtomicReferenceArray<YearTable> years = new AtomicReferenceArray<>(MAX_YEAR - MIN_YEAR + 1);

    private BusinessCalendar(Builder b) {
        this.zone = b.zone;
        EnumMap<DayOfWeek, List<WorkingInterval>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, b.weekly.getOrDefault(d, List.of()));
        }
        this.weekly = Collections.unmodifiableMap(w);
        this.holidays = b.holidays;
        this.closures = List.copyOf(b.closures);
        this.extraWorkingDays = Collections.unmodifiableMap(new TreeMap<>(b.extra));
    }

    /** A new builder: no working hours, no holidays, zone {@code Europe/Helsinki}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this calendar's settings; each may be replaced once, closures and days added. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.zone = zone;
        weekly.forEach((d, list) -> {
            if (!list.isEmpty()) {
                b.weekly.put(d, list);
            }
        });
        b.holidays = holidays;
        b.closures.addAll(closures);
        b.extra.putAll(extraWorkingDays);
        return b;
    }

    /** The zone the working intervals are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** The working intervals of a weekday, sorted; empty for a day off. */
    public List<WorkingInterval> hours(DayOfWeek day) {
        return weekly.get(Require.nonNull(day, "day"));
    }

    /** The holiday provider. */
    public HolidayProvider holidays() {
        return holidays;
    }

    /** The one-off closures, in the order given. */
    public List<Closure> closures() {
        return closures;
    }

    /** The extra working days with their hours, by date. */
    public Map<LocalDate, List<WorkingInterval>> extraWorkingDays() {
        return extraWorkingDays;
    }

    /** The working intervals of a local date after holidays, extra days and closures; empty on a day off. */
    public List<WorkingInterval> workingIntervalsOn(LocalDate date) {
        Require.nonNull(date, "date");
        int[] m = new int[2 * WorkingInterval.MINUTES_PER_DAY];
        int n = localIntervals(date, holidays.holidaysIn(date.getYear()),
                closuresTouching(date.atStartOfDay(), date.plusDays(1).atStartOfDay()), m);
        List<WorkingInterval> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new WorkingInterval(m[2 * k], m[2 * k + 1]));
        }
        return List.copyOf(out);
    }

    /** Whether the calendar is open at the instant (intervals include their start, exclude their end). */
    public boolean isOpen(Instant instant) {
        Require.nonNull(instant, "instant");
        return tableFor(instant).isOpen(instant.getEpochSecond());
    }

    /** The instant itself if the calendar is open then, otherwise the start of the next working interval. */
    public Instant nextOpening(Instant instant) {
        Require.nonNull(instant, "instant");
        YearTable t = tableFor(instant);
        long sec = instant.getEpochSecond();
        if (t.isOpen(sec)) {
            return instant;
        }
        long next = t.nextStartAfter(sec);
        int empty = 0;
        while (next < 0) {
            t = nextYear(t, instant);
            if (t.isEmpty()) {
                if (++empty >= MAX_EMPTY_YEARS) {
                    throw SlaMessages.noWorkingTimeFrom(t.year - empty + 1, MAX_EMPTY_YEARS);
                }
            } else {
                next = t.firstStart();
            }
        }
        return Instant.ofEpochSecond(next);
    }

    /**
     * The due instant: the earliest instant at which {@code amount} of business time has passed
     * since {@code start}. A target that runs out exactly at a closing time is due at that closing
     * time, not at the next opening.
     *
     * @throws ConfigurationException {@link ErrorCode#INVALID_BUSINESS_DURATION} if {@code amount} is
     *         zero, negative or longer than {@link #MAX_DURATION}
     */
    public Instant add(Instant start, Duration amount) {
        Require.nonNull(start, "start");
        Require.nonNull(amount, "amount");
        if (amount.isNegative() || amount.isZero() || amount.compareTo(MAX_DURATION) > 0) {
            throw SlaMessages.badDuration(amount);
        }
        long remaining = amount.toNanos();
        YearTable t = tableFor(start);
        long pos = t.position(start.getEpochSecond(), start.getNano());
        int empty = 0;
        while (true) {
            long left = t.totalNanos - pos;
            if (remaining <= left) {
                return t.instantAt(pos + remaining);
            }
            remaining -= left;
            t = nextYear(t, start);
            pos = 0;
            empty = t.isEmpty() ? empty + 1 : 0;
            if (empty >= MAX_EMPTY_YEARS) {
                throw SlaMessages.noWorkingTimeFrom(t.year - empty + 1, MAX_EMPTY_YEARS);
            }
        }
    }

    /** The business time between two instants; negative if {@code to} is before {@code from}. */
    public Duration between(Instant from, Instant to) {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        if (from.isAfter(to)) {
            return between(to, from).negated();
        }
        YearTable a = tableFor(from);
        YearTable b = tableFor(to);
        long pa = a.position(from.getEpochSecond(), from.getNano());
        long pb = b.position(to.getEpochSecond(), to.getNano());
        if (a.year == b.year) {
            return Duration.ofNanos(pb - pa);
        }
        Duration sum = Duration.ofNanos(a.totalNanos - pa);
        for (int y = a.year + 1; y < b.year; y++) {
            sum = sum.plusNanos(year(y, to).totalNanos);
        }
        return sum.plusNanos(pb);
    }

    private YearTable nextYear(YearTable t, Instant cause) {
        return year(t.year + 1, cause);
    }

    private YearTable year(int year, Instant cause) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw SlaMessages.outOfRange(cause);
        }
        int idx = year - MIN_YEAR;
        YearTable t = years.get(idx);
        if (t == null) {
            // Racing builders compute equal tables; the first one stored wins.
            years.compareAndSet(idx, null, YearTable.build(this, year));
            t = years.get(idx);
        }
        return t;
    }

    private YearTable tableFor(Instant instant) {
        long sec = instant.getEpochSecond();
        if (sec < MIN_SECOND || sec >= MAX_SECOND) {
            throw SlaMessages.outOfRange(instant);
        }
        // The UTC year is at most one off the local one (offsets are under a day).
        int y = LocalDate.ofEpochDay(Math.floorDiv(sec, 86_400L)).getYear();
        YearTable t = year(y, instant);
        if (sec < t.startSec) {
            t = year(y - 1, instant);
        } else if (sec >= t.endSec) {
            t = year(y + 1, instant);
        }
        return t;
    }

    List<Closure> closuresTouching(LocalDateTime from, LocalDateTime to) {
        List<Closure> out = new ArrayList<>();
        for (Closure c : closures) {
            if (c.from().isBefore(to) && c.to().isAfter(from)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Writes the local working minutes of {@code date} as sorted [start, end) pairs into {@code out};
     * returns the number of pairs.
     */
    int localIntervals(LocalDate date, Set<LocalDate> holidayDates, List<Closure> touching, int[] out) {
        List<WorkingInterval> base = extraWorkingDays.get(date);
        if (base == null) {
            base = holidayDates.contains(date) ? List.of() : weekly.get(date.getDayOfWeek());
        }
        int n = 0;
        for (WorkingInterval w : base) {
            out[2 * n] = w.startMinute();
            out[2 * n + 1] = w.endMinute();
            n++;
        }
        if (n == 0 || touching.isEmpty()) {
            return n;
        }
        LocalDateTime dayStart = date.atStartOfDay();
        for (Closure c : touching) {
            long cs = Math.max(0, ChronoUnit.MINUTES.between(dayStart, c.from()));
            long ce = Math.min(WorkingInterval.MINUTES_PER_DAY, ChronoUnit.MINUTES.between(dayStart, c.to()));
            if (ce <= cs) {
                continue;
            }
            n = subtract(out, n, (int) cs, (int) ce);
        }
        return n;
    }

    private static int subtract(int[] iv, int n, int cs, int ce) {
        int[] result = new int[2 * n + 2];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int s = iv[2 * k];
            int e = iv[2 * k + 1];
            if (ce <= s || cs >= e) {
                result[2 * m] = s;
                result[2 * m + 1] = e;
                m++;
                continue;
            }
            if (s < cs) {
                result[2 * m] = s;
                result[2 * m + 1] = cs;
                m++;
            }
            if (ce < e) {
                result[2 * m] = ce;
                result[2 * m + 1] = e;
                m++;
            }
        }
        System.arraycopy(result, 0, iv, 0, 2 * m);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar c && zone.equals(c.zone) && weekly.equals(c.weekly)
                && holidays.equals(c.holidays) && closures.equals(c.closures)
                && extraWorkingDays.equals(c.extraWorkingDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, weekly, holidays, closures, extraWorkingDays);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("BusinessCalendar[zone=").append(zone);
        weekly.forEach((d, list) -> {
            if (!list.isEmpty()) {
                sb.append(", ").append(d.toString(), 0, 3).append('=').append(list);
            }
        });
        return sb.append(", holidays=").append(holidays).append(", closures=").append(closures.size())
                .append(", extraWorkingDays=").append(extraWorkingDays.keySet()).append(']').toString();
    }

    /**
     * Builds a {@link BusinessCalendar}; each option is checked when set (an option set twice, or
     * overlapping or inverted intervals, fail at once with {@link ErrorCode#INVALID_BUSINESS_CALENDAR}),
     * and {@link #build()} checks the whole. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private ZoneId zone = DEFAULT_ZONE;
        private boolean zoneSet;
        private final EnumMap<DayOfWeek, List<WorkingInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        private final EnumSet<DayOfWeek> hoursSet = EnumSet.noneOf(DayOfWeek.class);
        private HolidayProvider holidays = HolidayProvider.none();
        private boolean holidaysSet;
        private final List<Closure> closures = new ArrayList<>();
        private final TreeMap<LocalDate, List<WorkingInterval>> extra = new TreeMap<>();

        private Builder() {
        }

        /** The zone working intervals are read in (default {@code Europe/Helsinki}). */
        public Builder zone(ZoneId zone) {
            Require.nonNull(zone, "zone");
            once(zoneSet, "zone");
            this.zone = zone;
            this.zoneSet = true;
            return this;
        }

        /** The zone by IANA id, e.g. {@code "Europe/Helsinki"}; an unknown id fails with {@link ErrorCode#UNKNOWN_TIME_ZONE}. */
        public Builder zone(String zoneId) {
            Require.nonNull(zoneId, "zoneId");
            ZoneId z;
            try {
                z = ZoneId.of(zoneId.strip());
            } catch (DateTimeException e) {
                throw SlaMessages.unknownZone(zoneId);
            }
            return zone(z);
        }

        /** The working intervals of one weekday, e.g. {@code hours(MONDAY, "08:00-11:30", "12:00-16:00")}; none = day off. */
        public Builder hours(DayOfWeek day, String... intervals) {
            Require.nonNull(intervals, "intervals");
            return hours(day, Arrays.stream(intervals).map(WorkingInterval::parse).toList());
        }

        /** The working intervals of one weekday; an empty list makes it a day off. */
        public Builder hours(DayOfWeek day, List<WorkingInterval> intervals) {
            Require.nonNull(day, "day");
            Require.nonNull(intervals, "intervals");
            once(hoursSet.contains(day), "hours of " + day);
            weekly.put(day, checked(intervals, day.toString()));
            hoursSet.add(day);
            return this;
        }

        /** The same working intervals Monday to Friday, e.g. {@code weekdays("08:00-16:00")}. */
        public Builder weekdays(String... intervals) {
            for (DayOfWeek d : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
                hours(d, intervals);
            }
            return this;
        }

        /** Where holidays come from, e.g. {@link FinnishHolidays#all()}; default none. */
        public Builder holidays(HolidayProvider provider) {
            Require.nonNull(provider, "provider");
            once(holidaysSet, "holidays");
            this.holidays = provider;
            this.holidaysSet = true;
            return this;
        }

        /** Closes one whole local date. */
        public Builder closed(LocalDate date) {
            Require.nonNull(date, "date");
            return closed(Closure.days(date, date));
        }

        /** Closes whole local dates, {@code first} to {@code last} inclusive. */
        public Builder closed(LocalDate first, LocalDate last) {
            return closed(Closure.days(first, last));
        }

        /** Closes a local date-time range, {@code from} inclusive to {@code to} exclusive. */
        public Builder closed(LocalDateTime from, LocalDateTime to) {
            return closed(new Closure(from, to));
        }

        /** Adds a closure. */
        public Builder closed(Closure closure) {
            closures.add(Require.nonNull(closure, "closure"));
            return this;
        }

        /** Makes a date a working day with these hours, even if it is a holiday or a weekend. */
        public Builder extraWorkingDay(LocalDate date, String... intervals) {
            Require.nonNull(intervals, "intervals");
            return extraWorkingDay(date, Arrays.stream(intervals).map(WorkingInterval::parse).toList());
        }

        /** Makes a date a working day with these hours, even if it is a holiday or a weekend. */
        public Builder extraWorkingDay(LocalDate date, List<WorkingInterval> intervals) {
            Require.nonNull(date, "date");
            Require.nonNull(intervals, "intervals");
            if (intervals.isEmpty()) {
                throw SlaMessages.extraDayWithoutHours(date);
            }
            if (extra.containsKey(date)) {
                throw SlaMessages.extraDayTwice(date);
            }
            extra.put(date, checked(intervals, "extra working day " + date));
            return this;
        }

        /**
         * Checks the whole configuration and builds the calendar.
         *
         * @throws ConfigurationException {@link ErrorCode#NO_WORKING_TIME} if no weekday has hours
         */
        public BusinessCalendar build() {
            boolean anyHours = weekly.values().stream().anyMatch(l -> !l.isEmpty());
            if (!anyHours) {
                throw SlaMessages.noWorkingTimeAtAll();
            }
            return new BusinessCalendar(this);
        }

        private static void once(boolean alreadySet, String option) {
            if (alreadySet) {
                throw SlaMessages.calendarOptionTwice(option);
            }
        }

        private static List<WorkingInterval> checked(List<WorkingInterval> intervals, String where) {
            List<WorkingInterval> sorted = new ArrayList<>(intervals.size());
            for (WorkingInterval w : intervals) {
                sorted.add(Require.nonNull(w, "interval"));
            }
            Collections.sort(sorted);
            List<String> problems = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size() && sorted.get(j).startMinute() < sorted.get(i).endMinute(); j++) {
                    problems.add(SlaMessages.intervalsOverlap(sorted.get(i), sorted.get(j), where));
                }
            }
            if (!problems.isEmpty()) {
                throw SlaMessages.calendar(problems);
            }
            return List.copyOf(sorted);
        }
    }
}
