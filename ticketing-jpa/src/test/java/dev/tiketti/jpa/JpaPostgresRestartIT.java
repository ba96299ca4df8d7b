package dev.tiketti.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.jpa.testing.RestartablePostgres;
import dev.tiketti.jpa.testing.TicketWorkload;
import dev.tiketti.jpa.testing.TicketWorkload.Call;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue #20, item 1, as the operator met it: a host on HikariCP (configured as in
 * examples/hr-helpdesk) keeps doing ticket work from a few threads while PostgreSQL is stopped
 * ({@code pg_ctl stop -m fast}: sessions end with 57P01) and started again on the same data
 * directory, several times. Every call that fails during an outage must say TKT-0601 (retryable)
 * with the database's failure as its cause — never "no such ticket" (TKT-0101), a cause-less
 * TKT-0612 or "retrying will not help" (TKT-0611); none may fail while the server is up; work must
 * succeed again after each restart; and nothing committed may be lost or half-written.
 */
class JpaPostgresRestartIT {
    private static final int CYCLES = 5;
    private static final int THREADS = 4;

    @Test
    void calls_during_a_restart_fail_retryably_with_their_cause_and_work_resumes_without_loss() throws Exception {
        try (RestartablePostgres pg = RestartablePostgres.started(); HikariDataSource pool = pool(pg)) {
            JpaStorage storage = JpaStorage.builder().dataSource(pool).migrate(true).build();
            Ticketing ticketing = Ticketing.builder().storage(storage).inMemory().build();
            TicketWorkload work = new TicketWorkload(ticketing, THREADS, 3);
            work.prepare();
            work.start();
            List<String> cycles = new ArrayList<>();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                work.awaitCalls(40, Duration.ofSeconds(30));
                work.outageBegins();
                pg.stop();
                int before = work.calls().size();
                // Down long enough for every thread to meet the outage: the pool times out after 1 s.
                TimeUnit.MILLISECONDS.sleep(2500);
                int duringDown = work.calls().size() - before;
                pg.start();
                work.databaseIsBack();
                assertThat(work.awaitRecovery(Duration.ofSeconds(30)))
                        .as("every thread works again after restart %d", cycle).isTrue();
                cycles.add("cycle " + cycle + ": " + duringDown + " calls while down");
            }
            work.stop();

            List<Call> calls = work.calls();
            List<Call> failed = calls.stream().filter(Call::failed).toList();
            String figures = "PostgreSQL restarts: " + CYCLES + " cycles, " + calls.size() + " calls, "
                    + TicketWorkload.byCode(calls) + "; failed by operation " + TicketWorkload.failuresByOperation(calls)
                    + "; " + cycles;
            System.out.println(figures);

            assertThat(failed.stream().filter(c -> !c.duringOutage()).toList())
                    .as("failures while the server was up (%s)", figures).isEmpty();
            assertThat(failed).as("calls that met an outage (%s)", figures).isNotEmpty();
            assertThat(failed.stream().filter(c -> !isRetryableWithCause(c.failure())).map(JpaPostgresRestartIT::describe))
                    .as("failures that are not TKT-0601 with a database cause (%s)", figures).isEmpty();
            // Every cycle was met by failed calls (not only one lucky cycle).
            assertThat(failed.stream().map(Call::outage).distinct().count())
                    .as("cycles in which calls failed").isGreaterThanOrEqualTo(CYCLES - 1);

            int checked = work.verifyStored(ticketing);
            assertThat(checked).isGreaterThan(THREADS * 3);
        }
    }

    /** TKT-0601, retryable, with an SQLException (the database's or the pool's failure) in its cause chain. */
    static boolean isRetryableWithCause(Throwable e) {
        return e instanceof StorageUnavailableException t && t.code() == ErrorCode.STORAGE_UNAVAILABLE
                && t.retryable() && JpaStoreOutageTests.chain(t).stream().anyMatch(x -> x instanceof SQLException);
    }

    static String describe(Call c) {
        StringBuilder s = new StringBuilder(c.operation() + " (thread " + c.thread() + ", phases " + c.counterAtStart()
                + "-" + c.counterAtEnd() + "):");
        for (Throwable t : JpaStoreOutageTests.chain(c.failure())) {
            s.append("\n    ").append(t);
        }
        return s.toString();
    }

    /** The pool of examples/hr-helpdesk, with a shorter connection timeout so that the test is quick. */
    static HikariDataSource pool(RestartablePostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("restart-it");
        config.setJdbcUrl(pg.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(2);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(1000);
        return new HikariDataSource(config);
    }
}
