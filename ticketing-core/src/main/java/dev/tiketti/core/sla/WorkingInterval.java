package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stretch of working time within a day, in the calendar's local time, with minute precision:
 * from {@code startMinute} (inclusive) to {@code endMinute} (exclusive), counted from midnight.
 * {@code endMinute} may be 1440 ("24:00"), the end of the day.
 *
 * @param startMinute minutes from midnight at which work starts, 0..1439
 * @param endMinute   minutes from midnight at which work stops, after {@code startMinute}, at most 1440
 * @since 0.1
 */
public record WorkingInterval(int startMinute, int endMinute) implements Comparable<WorkingInterval> {
    /** Minutes in a day; the largest allowed {@code endMinute}. */
    public static final int MINUTES_PER_DAY = 24 * 60;
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}):(\\d{2})\\s*");

    /** Checks that the interval is within the day and not empty or inverted. */
    public WorkingInterval {
        if (startMinute < 0 || startMinute >= MINUTES_PER_DAY || endMinute > MINUTES_PER_DAY) {
            throw SlaMessages.intervalOutsideDay(text(startMinute), text(endMinute));
        }
        if (endMinute <= startMinute) {
            throw SlaMessages.intervalInverted(text(startMinute), text(endMinute));
        }
    }

    /** An interval between two local times; {@code end} {@link LocalTime#MIDNIGHT} means the end of the day. */
    public static WorkingInterval of(LocalTime start, LocalTime end) {
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
        return new WorkingInterval(minuteOf(start, "start"), end.equals(LocalTime.MIDNIGHT) ? MINUTES_PER_DAY
                : minuteOf(end, "end"));
    }

    /** Parses {@code "08:00-11:30"} (a dash or an en dash; {@code 24:00} allowed as the end). */
    public static WorkingInterval parse(String text) {
        Require.nonNull(text, "text");
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw SlaMessages.intervalUnreadable(text);
        }
        int sh = Integer.parseInt(m.group(1));
        int sm = Integer.parseInt(m.group(2));
        int eh = Integer.parseInt(m.group(3));
        int em = Integer.parseInt(m.group(4));
        if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh == 24 && em != 0)) {
            throw SlaMessages.intervalNoSuchTime(text);
        }
        return new WorkingInterval(sh * 60 + sm, eh * 60 + em);
    }

    /** The start as a local time. */
    public LocalTime start() {
        return LocalTime.of(startMinute / 60, startMinute % 60);
    }

    /** The end as a local time; {@link LocalTime#MIDNIGHT} when the interval runs to the end of the day. */
    public LocalTime end() {
        return endMinute == MINUTES_PER_DAY ? LocalTime.MIDNIGHT : LocalTime.of(endMinute / 60, endMinute % 60);
    }

    /** Length in minutes (in local wall-clock terms; a DST switch inside it changes its real length). */
    public int minutes() {
        return endMinute - startMinute;
    }

    /** Whether the two intervals share at least one minute (touching ends do not overlap). */
    public boolean overlaps(WorkingInterval other) {
        return startMinute < other.endMinute && other.startMinute < endMinute;
    }

    @Override
    public int compareTo(WorkingInterval o) {
        return startMinute != o.startMinute ? Integer.compare(startMinute, o.startMinute)
                : Integer.compare(endMinute, o.endMinute);
    }

    @Override
    public String toString() {
        return text(startMinute) + "-" + text(endMinute);
    }

    private static int minuteOf(LocalTime t, String what) {
        if (t.getSecond() != 0 || t.getNano() != 0) {
            throw SlaMessages.intervalNotOnMinute(what, t);
        }
        return t.getHour() * 60 + t.getMinute();
    }

    static String text(int minute) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }
}
