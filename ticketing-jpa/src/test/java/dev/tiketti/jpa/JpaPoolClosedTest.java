package dev.tiketti.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tiketti.core.Ticketing;
import dev.tiketti.jpa.testing.TicketWorkload;
import dev.tiketti.jpa.testing.TicketWorkload.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue #20, item 1, on H2, where the database cannot be stopped under the host but its pool can
 * be closed (as during a host's shutdown or a pool replaced at run time): calls that meet the
 * closed HikariCP pool ("HikariDataSource ... has been closed") or a connection it took back say
 * TKT-0601 with their cause, not TKT-0611 ("retrying will not help"); a new pool on the same
 * database resumes the work, and nothing committed is lost or half-written.
 */
class JpaPoolClosedTest {
    private static final int CYCLES = 3;
    private static final int THREADS = 4;

    @Test
    void calls_on_a_closed_pool_fail_retryably_with_their_cause_and_a_new_pool_resumes_without_loss()
            throws Exception {
        String url = "jdbc:h2:mem:pool-closed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        List<HikariDataSource> pools = new ArrayList<>();
        List<JpaStorage> storages = new ArrayList<>();
        try {
            HikariDataSource pool = pool(url, pools);
            JpaStorage storage = JpaStorage.builder().dataSource(pool).migrate(true).build();
            storages.add(storage);
            Ticketing ticketing = Ticketing.builder().storage(storage).inMemory().build();
            TicketWorkload work = new TicketWorkload(ticketing, THREADS, 3);
            work.prepare();
            work.start();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                work.awaitCalls(40, Duration.ofSeconds(30));
                work.outageBegins();
                pool.close(); // takes back (aborts) the connections in use, refuses new checkouts
                TimeUnit.MILLISECONDS.sleep(1000);
                pool = pool(url, pools);
                storage = JpaStorage.builder().dataSource(pool).build();
                storages.add(storage);
                ticketing = Ticketing.builder().storage(storage).inMemory().build();
                work.use(ticketing);
                work.databaseIsBack();
                assertThat(work.awaitRecovery(Duration.ofSeconds(30))).as("work resumes after cycle %d", cycle).isTrue();
            }
            work.stop();

            List<Call> calls = work.calls();
            List<Call> failed = calls.stream().filter(Call::failed).toList();
            String figures = "H2 pool closed: " + CYCLES + " cycles, " + calls.size() + " calls, "
                    + TicketWorkload.byCode(calls) + "; failed by operation " + TicketWorkload.failuresByOperation(calls);
            System.out.println(figures);
            assertThat(failed.stream().filter(c -> !c.duringOutage()).map(JpaPostgresRestartIT::describe))
                    .as("failures while a pool was open (%s)", figures).isEmpty();
            assertThat(failed).as("calls that met a closed pool (%s)", figures).isNotEmpty();
            assertThat(failed.stream().filter(c -> !JpaPostgresRestartIT.isRetryableWithCause(c.failure()))
                    .map(JpaPostgresRestartIT::describe))
                    .as("failures that are not TKT-0601 with a cause (%s)", figures).isEmpty();
            assertThat(failed.stream().map(Call::outage).distinct().count()).as("cycles in which calls failed")
                    .isEqualTo(CYCLES);
            assertThat(work.verifyStored(ticketing)).isGreaterThan(THREADS * 3);
        } finally {
            storages.forEach(JpaStorage::close);
            pools.forEach(HikariDataSource::close);
        }
    }

    private static HikariDataSource pool(String url, List<HikariDataSource> pools) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pool-closed-" + pools.size());
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(2);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(1000);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }
}
