package dev.tiketti.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The report step computes transitions/s and both ratios per database from JMH's JSON, and keeps the page around it. */
class LifecycleReportTest {
    private static String run(String db, String impl, double score) {
        return "{\"benchmark\":\"dev.tiketti.benchmarks.LifecycleBenchmark.lifecycle\",\"params\":{\"db\":\"" + db
                + "\",\"impl\":\"" + impl + "\"},\"primaryMetric\":{\"score\":" + score + "}}";
    }

    @Test
    void writesTransitionsPerSecondAndRatiosAgainstTheGoals() throws Exception {
        String json = "[" + String.join(",", run("h2file", "tiketti", 500), run("h2file", "plainJdbc", 900),
                run("h2file", "flowable", 150), run("h2file", "camunda", 170), run("postgresql", "tiketti", 100),
                run("postgresql", "plainJdbc", 250), run("postgresql", "flowable", 40),
                run("postgresql", "camunda", 30)) + "]";

        String report = LifecycleReport.report(json, "2 cores", Instant.parse("2026-12-03T19:00:00Z"));

        assertThat(report).contains("2026-12-03T19:00:00Z").contains("machine: 2 cores")
                .contains("| h2file (transitions/s) | 2 000 | – | 3 600 | 600 | 680 | **2.94×** ✘ | **0.56×** ✔ |")
                .contains("| postgresql (transitions/s) | 400 | – | 1 000 | 160 | 120 | **2.50×** ✘ | **0.40×** ✘ |");
    }

    @Test
    void replacesOnlyTheTextBetweenTheMarkers() {
        String page = "# Performance\nbefore\n" + LifecycleReport.START + "\nold figures\n" + LifecycleReport.END
                + "\nafter\n";

        String updated = LifecycleReport.insert(page, "new figures\n");

        assertThat(updated).isEqualTo("# Performance\nbefore\n" + LifecycleReport.START + "\nnew figures\n"
                + LifecycleReport.END + "\nafter\n");
    }

    @Test
    void refusesAResultWithoutTheLifecycleBenchmark() {
        assertThatThrownBy(() -> LifecycleReport.report("[]", "m", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LifecycleBenchmark");
    }
}
