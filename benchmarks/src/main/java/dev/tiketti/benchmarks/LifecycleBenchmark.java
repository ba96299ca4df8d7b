package dev.tiketti.benchmarks;

import dev.tiketti.benchmarks.lifecycle.BenchDatabase;
import dev.tiketti.benchmarks.lifecycle.Lifecycle;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ticket lifecycle of issue #5, one thread: one operation opens a ticket (starts a process)
 * and takes three transitions (completes three user tasks), each in its own transaction, so
 * <b>transitions/s = 4 × ops/s</b> (the opening counted as a transition, as the engines' start).
 * Tiketti on JPA, the same SQL over plain JDBC (the limit), Flowable and Camunda (the peers), on
 * an H2 file database and on an embedded PostgreSQL, all in one run ({@code impl} × {@code db}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class LifecycleBenchmark {

    @Param({"tiketti", "tikettiOutbox", "plainJdbc", "flowable", "camunda"})
    public String impl;

    @Param({"h2file", "postgresql"})
    public String db;

    private BenchDatabase database;
    private Lifecycle lifecycle;

    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabase.start(db);
        lifecycle = Lifecycle.create(impl, database);
        String id = lifecycle.run();
        if (!lifecycle.completed(id)) {
            throw new IllegalStateException(impl + " on " + db + " did not complete the lifecycle");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        lifecycle.close();
        database.close();
    }

    /** Open plus three transitions: four transactions. */
    @Benchmark
    public String lifecycle() {
        return lifecycle.run();
    }
}
