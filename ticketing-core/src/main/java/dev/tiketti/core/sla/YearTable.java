package dev.tiketti.core.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;

/**
 * One local calendar year of a business calendar, precomputed: its working intervals as instants
 * (epoch seconds) and the business time before and after each, so positions and due instants are
 * two binary searches. Immutable. Package-private: not API.
 */
final class YearTable {
    private static final long NANOS = 1_000_000_000L;

    final int year;
    /** First instant (epoch second) of the local year, and of the next one. */
    final long startSec;
    final long endSec;
    private final long[] ivStart;
    private final long[] ivEnd;
    /** Business nanoseconds within the year before each interval starts / after it ends. */
    private final long[] cumBefore;
    private final long[] cumAfter;
    final long totalNanos;

    private YearTable(int year, long startSec, long endSec, long[] ivStart, long[] ivEnd) {
        this.year = year;
        this.startSec = startSec;
        this.endSec = endSec;
        this.ivStart = ivStart;
        this.ivEnd = ivEnd;
        int n = ivStart.length;
        this.cumBefore = new long[n];
        this.cumAfter = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            cumBefore[i] = sum;
            sum += (ivEnd[i] - ivStart[i]) * NANOS;
            cumAfter[i] = sum;
        }
        this.totalNanos = sum;
    }

    static YearTable build(BusinessCalendar calendar, int year) {
        ZoneRules rules = calendar.zone().getRules();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate next = first.plusYears(1);
        List<Closure> closures = calendar.closuresTouching(first.atStartOfDay(), next.atStartOfDay());
        var holidays = calendar.holidays().holidaysIn(year);
        long[] starts = new long[512];
        long[] ends = new long[512];
        int n = 0;
        int[] minutes = new int[2 * WorkingInterval.MINUTES_PER_DAY];
        for (LocalDate d = first; d.isBefore(next); d = d.plusDays(1)) {
            int count = calendar.localIntervals(d, holidays, closures, minutes);
            for (int k = 0; k < count; k++) {
                long s = resolve(rules, d, minutes[2 * k]);
                long e = resolve(rules, d, minutes[2 * k + 1]);
                if (e <= s) {
                    continue; // the whole interval fell into a DST gap
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                starts[n] = s;
                ends[n] = e;
                n++;
            }
        }
        return new YearTable(year, resolve(rules, first, 0), resolve(rules, next, 0),
                Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /**
     * The instant (epoch second) of a local date and minute. A local time in a DST gap does not
     * exist; it means the moment the clocks jumped (so an interval inside a gap is empty and one
     * spanning it is shorter). A local time in a DST overlap exists twice; it means the first
     * occurrence (so an interval spanning the overlap is longer by the repeated time). This mapping
     * never goes backwards, so intervals stay ordered and disjoint.
     */
    static long resolve(ZoneRules rules, LocalDate date, int minuteOfDay) {
        LocalDateTime ldt = date.atStartOfDay().plusMinutes(minuteOfDay);
        List<ZoneOffset> offsets = rules.getValidOffsets(ldt);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(ldt);
            return gap.getInstant().getEpochSecond();
        }
        // Overlap: offsets are [before, after]; the one before the transition gives the earlier instant.
        return ldt.toEpochSecond(offsets.get(0));
    }

    boolean isEmpty() {
        return ivStart.length == 0;
    }

    boolean contains(long sec) {
        return sec >= startSec && sec < endSec;
    }

    /** Index of the last interval starting at or before {@code sec}, or -1. */
    private int lastStartAtOrBefore(long sec) {
        int lo = 0;
        int hi = ivStart.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ivStart[mid] <= sec) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    boolean isOpen(long sec) {
        int i = lastStartAtOrBefore(sec);
        return i >= 0 && sec < ivEnd[i];
    }

    /** Business nanoseconds from the start of this year to the instant (which lies in this year). */
    long position(long sec, int nano) {
        int i = lastStartAtOrBefore(sec);
        if (i < 0) {
            return 0;
        }
        if (sec < ivEnd[i]) {
            return cumBefore[i] + (sec - ivStart[i]) * NANOS + nano;
        }
        return cumAfter[i];
    }

    /**
     * The earliest instant at which {@code target} business nanoseconds of this year have passed;
     * 0 &lt; target &lt;= totalNanos. A target ending exactly at a closing time gives that closing time.
     */
    Instant instantAt(long target) {
        int lo = 0;
        int hi = cumAfter.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumAfter[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Instant.ofEpochSecond(ivStart[lo], target - cumBefore[lo]);
    }

    /** Start (epoch second) of the first interval starting after {@code sec}, or -1 if none in this year. */
    long nextStartAfter(long sec) {
        int i = lastStartAtOrBefore(sec) + 1;
        return i < ivStart.length ? ivStart[i] : -1;
    }

    /** Start of the first interval of the year; only when not empty. */
    long firstStart() {
        return ivStart[0];
    }
}
