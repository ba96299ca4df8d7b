package dev.tiketti.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Due instants of SLA targets for 1 000 000 pre-generated tickets (random arrivals over 2025-2026)
 * on a two-interval calendar with Finnish holidays: Tiketti's indexed calendar side by side with
 * a naive minute-walking baseline in the same run. Each operation computes one ticket's due
 * instant, taking the tickets in turn; the score is due computations per second (one thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DueInstantBenchmark {
    public static final int TICKETS = 1_000_000;

    @Param({"tiketti", "naiveMinuteWalk"})
    public String implementation;

    /** First response, a working day's worth of two days, a working week (business hours). */
    @Param({"4", "16", "40"})
    public int targetHours;

    Instant[] arrivals;
    Duration target;
    DueCalculator calculator;

    @Setup(Level.Trial)
    public void setUp() {
        arrivals = Workload.arrivals(TICKETS, 20_251_130L);
        target = Duration.ofHours(targetHours);
        calculator = Workload.implementation(implementation);
    }

    /** Which ticket a benchmark thread computes next. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public Instant dueInstant(Cursor cursor) {
        int i = cursor.next;
        cursor.next = i + 1 == TICKETS ? 0 : i + 1;
        return calculator.due(arrivals[i], target);
    }
}
