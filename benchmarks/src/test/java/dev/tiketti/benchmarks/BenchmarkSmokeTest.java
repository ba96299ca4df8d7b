package dev.tiketti.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** CI's seconds-long pass over the benchmark: both implementations agree, and JMH runs every combination. No timing. */
class BenchmarkSmokeTest {

    @Test
    void tikettiAndTheNaiveWalkAgreeOnEveryTicketOfASample() {
        Instant[] arrivals = Workload.arrivals(3_000, 7L);
        DueCalculator ours = Workload.tiketti();
        DueCalculator naive = Workload.naive();
        for (int hours : new int[] {4, 16, 40}) {
            Duration target = Duration.ofHours(hours);
            for (Instant a : arrivals) {
                Instant due = ours.due(a, target);
                assertThat(due).as("due of %s + %s", a, target).isEqualTo(naive.due(a, target));
                assertThat(Workload.CALENDAR.between(a, due)).isEqualTo(target);
            }
        }
    }

    @Test
    void benchmarkMethodsComputeTheSameDueInstants() {
        for (String target : new String[] {"4", "16", "40"}) {
            DueInstantBenchmark ours = benchmark("tiketti", target);
            DueInstantBenchmark naive = benchmark("naiveMinuteWalk", target);
            DueInstantBenchmark.Cursor c1 = new DueInstantBenchmark.Cursor();
            DueInstantBenchmark.Cursor c2 = new DueInstantBenchmark.Cursor();
            for (int i = 0; i < 200; i++) {
                assertThat(ours.dueInstant(c1)).isEqualTo(naive.dueInstant(c2));
            }
            assertThat(ours.arrivals).hasSize(DueInstantBenchmark.TICKETS);
        }
    }

    @Test
    void jmhRunsEveryCombinationBriefly() throws Exception {
        Options options = new OptionsBuilder()
                .include(DueInstantBenchmark.class.getName())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(6);
        assertThat(results).extracting(r -> r.getParams().getParam("implementation") + "/"
                        + r.getParams().getParam("targetHours"))
                .containsExactlyInAnyOrder("tiketti/4", "tiketti/16", "tiketti/40",
                        "naiveMinuteWalk/4", "naiveMinuteWalk/16", "naiveMinuteWalk/40");
    }

    private static DueInstantBenchmark benchmark(String implementation, String target) {
        DueInstantBenchmark b = new DueInstantBenchmark();
        b.implementation = implementation;
        b.targetHours = Integer.parseInt(target);
        b.setUp();
        return b;
    }
}
