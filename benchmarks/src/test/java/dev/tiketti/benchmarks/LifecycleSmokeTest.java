package dev.tiketti.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.benchmarks.lifecycle.BenchDatabase;
import dev.tiketti.benchmarks.lifecycle.Lifecycle;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CI's pass over {@link LifecycleBenchmark}: every contender on every database runs the lifecycle
 * once and really reaches its end (ticket closed with four history entries, the resolution SLA clock
 * met and no SLA timer left /
 * process instance ended with three finished tasks). One database server per kind for all
 * contenders, each contender in its own database. No timing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleSmokeTest {
    private BenchDatabase h2;
    private BenchDatabase postgres;

    @BeforeAll
    void start() {
        h2 = BenchDatabase.start("h2file");
        postgres = BenchDatabase.start("postgresql");
    }

    @AfterAll
    void stop() {
        h2.close();
        postgres.close();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "tiketti, h2file", "tikettiOutbox, h2file", "plainJdbc, h2file", "flowable, h2file", "camunda, h2file",
        "tiketti, postgresql", "tikettiOutbox, postgresql", "plainJdbc, postgresql", "flowable, postgresql",
        "camunda, postgresql"})
    void eachContenderCompletesTheLifecycle(String impl, String db) {
        try (Lifecycle lifecycle = Lifecycle.create(impl, db.equals("h2file") ? h2 : postgres)) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                String id = lifecycle.run();
                assertThat(lifecycle.completed(id)).as("%s on %s, lifecycle %s", impl, db, id).isTrue();
                ids.add(id);
            }
            assertThat(ids).as("each run is a new ticket / process instance").hasSize(2);
        }
    }
}
