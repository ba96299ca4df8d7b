package dev.tiketti.examples.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's database settings and its connection pool. */
class HrDatabaseTest {

    @TempDir
    Path data;

    @Test
    void aUrlOfAnotherDatabaseIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> HrDatabase.of("jdbc:mysql://localhost/hr", "hr", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TIKETTI_JDBC_URL must be a jdbc:h2: or jdbc:postgresql: URL, was 'jdbc:mysql://localhost/hr'."
                        + " Unset it to use the H2 file database under data/.");
    }

    @Test
    void theDescriptionLeavesOutTheUrlsParameters() {
        try (HrDatabase database = HrDatabase.of("jdbc:postgresql://localhost:1/hr?password=salainen", "hr", "")) {
            assertThat(database.description()).isEqualTo("jdbc:postgresql://localhost:1/hr");
        }
    }

    @Test
    void anUnreachableDatabaseIsOnlyContactedOnFirstUse() {
        // Nothing listens on port 1: creating the pool must not fail, so that JpaStorage reports it.
        try (HrDatabase database = HrDatabase.of("jdbc:postgresql://localhost:1/hr", "hr", "")) {
            assertThat(database.dataSource()).isInstanceOf(HikariDataSource.class);
        }
    }

    /**
     * Guards the reason for the pool: H2 caches its answer to Hibernate's
     * {@code Statement.getQueryTimeout()} per connection object, so the pool must hand out the same
     * physical connection again rather than a new wrapper per checkout (as H2's own
     * {@code JdbcConnectionPool} does).
     */
    @Test
    void successiveCheckoutsOnOneThreadReuseTheSamePhysicalH2Connection() throws SQLException {
        try (HrDatabase database = HrDatabase.h2File(data.resolve("hr-helpdesk"))) {
            JdbcConnection first;
            try (Connection c = database.dataSource().getConnection()) {
                first = c.unwrap(JdbcConnection.class);
            }
            try (Connection c = database.dataSource().getConnection()) {
                assertThat(c.unwrap(JdbcConnection.class)).isSameAs(first);
            }
        }
    }

    @Test
    void thePoolIsSmallNamedAndClosedWithTheDatabase() {
        HikariDataSource pool;
        try (HrDatabase database = HrDatabase.h2File(data.resolve("hr-helpdesk"))) {
            pool = (HikariDataSource) database.dataSource();
            assertThat(pool.getPoolName()).isEqualTo("hr-helpdesk");
            assertThat(pool.getMaximumPoolSize()).isBetween(2, 8);
            assertThat(pool.isClosed()).isFalse();
        }
        assertThat(pool.isClosed()).isTrue();
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
    }
}
