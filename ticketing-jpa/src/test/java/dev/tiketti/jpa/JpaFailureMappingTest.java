package dev.tiketti.jpa;

import static dev.tiketti.jpa.testing.Fixtures.created;
import static dev.tiketti.jpa.testing.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.jpa.testing.Databases;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Database failures reach the host as TicketingExceptions with codes, retryable where retrying can help. */
class JpaFailureMappingTest {

    @Test
    void a_database_that_cannot_be_reached_at_start_up_is_storage_unavailable() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        nowhere.setPortNumbers(new int[] {1}); // nothing listens there
        nowhere.setConnectTimeout(2);
        assertThatThrownBy(() -> JpaStorage.builder().dataSource(nowhere).build())
                .isInstanceOfSatisfying(StorageUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("TKT-0601");
    }

    @Test
    void a_database_that_goes_away_while_running_is_storage_unavailable_and_comes_back() {
        Switchable db = new Switchable(Databases.h2());
        try (JpaStorage storage = JpaStorage.builder().dataSource(db).migrate(true).build()) {
            Ticket t = ticket("DOWN", 1);
            storage.ticketStore().create(t, List.of(), List.of(created(t)));

            db.up = false;
            assertThatThrownBy(() -> storage.ticketStore().find(t.id()))
                    .isInstanceOfSatisfying(StorageUnavailableException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                        assertThat(e.retryable()).isTrue();
                    })
                    .hasMessageContaining("retry later");
            Ticket other = ticket("DOWN", 2);
            assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                storage.ticketStore().create(other, List.of(), List.of(created(other)));
                return null;
            })).isInstanceOf(StorageUnavailableException.class);

            db.up = true;
            assertThat(storage.ticketStore().find(t.id())).contains(t);
            assertThat(storage.ticketStore().find(other.id())).isEmpty();
        }
    }

    @Test
    void a_database_gone_when_storage_starts_on_a_hosts_factory_is_unavailable_not_a_missing_schema() {
        Switchable db = new Switchable(Databases.h2());
        JpaStorage.migrate(db);
        PersistenceConfiguration unit = new PersistenceConfiguration("host-unit")
                .property("jakarta.persistence.nonJtaDataSource", db)
                .property("hibernate.hbm2ddl.auto", "validate");
        for (String name : JpaStorage.managedClassNames()) {
            try {
                unit.managedClass(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        EntityManagerFactory emf = unit.createEntityManagerFactory();
        try {
            db.up = false;
            assertThatThrownBy(() -> JpaStorage.of(emf))
                    .isInstanceOfSatisfying(StorageUnavailableException.class, e -> assertThat(e.getCause()).isNotNull())
                    .hasMessageContaining("retry later");
            db.up = true;
            assertThatCode(() -> JpaStorage.of(emf)).doesNotThrowAnyException();
        } finally {
            emf.close();
        }
    }

    @Test
    void a_value_the_database_refuses_is_a_storage_failure_that_is_not_retryable() {
        try (JpaStorage storage = JpaStorage.builder().dataSource(Databases.h2()).migrate(true).build()) {
            // workflow ids are VARCHAR(200): the database refuses a longer one
            String tooLong = "w" + "x".repeat(250);
            assertThatThrownBy(() -> storage.definitionStore().saveWorkflow(
                    JpaDefinitionAndAttachmentStoreTests.workflow(tooLong, 1, "WAITING")))
                    .isInstanceOfSatisfying(TicketingException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
                        assertThat(e.retryable()).isFalse();
                    })
                    .hasMessageContaining("SQL state 22001");
        }
    }

    /** A DataSource whose database can be switched off, as if the server went down. */
    static final class Switchable implements DataSource {
        private final DataSource delegate;
        volatile boolean up = true;

        Switchable(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!up) {
                throw new SQLTransientConnectionException("connection refused (test)", "08001");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
