package dev.tiketti.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/** How failures are classified (issue #20, item 1) and what of them goes on as the cause (item 3). */
class FailuresTest {
    private static final String VALUE = "Aino Virtanen";

    @Test
    void a_refused_value_goes_on_as_a_copy_with_class_state_and_stack_but_without_the_message() {
        SQLException server = new SQLException("ERROR: invalid byte sequence; value '" + VALUE + "'", "22021", 7);
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into tkt_contact (name) values (('"
                + VALUE + "')) was aborted", "22021", 0, new int[0], server);
        batch.setNextException(server);
        DataException hibernate = new DataException("could not execute batch [" + batch.getMessage() + "]", batch);
        hibernate.addSuppressed(new IllegalStateException("rollback failed for " + VALUE));

        TicketingException t = Failures.translate(hibernate, "saving contact 42");

        assertThat(t.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
        assertThat(t.getMessage()).contains("SQL state 22021").doesNotContain(VALUE);
        Throwable copy = t.getCause();
        assertThat(copy).isInstanceOf(Scrubbed.ScrubbedException.class).hasToString(DataException.class.getName()
                + " (copy without values): message withheld, as it may quote the values the statement wrote");
        assertThat(copy.getStackTrace()).isEqualTo(hibernate.getStackTrace());
        assertThat(copy.getSuppressed()).singleElement().satisfies(s -> assertThat(s.toString()).doesNotContain(VALUE)
                .startsWith(IllegalStateException.class.getName()));
        SQLException batchCopy = (SQLException) copy.getCause();
        assertThat(batchCopy.getSQLState()).isEqualTo("22021");
        assertThat(batchCopy.toString()).startsWith(BatchUpdateException.class.getName()).doesNotContain(VALUE);
        SQLException serverCopy = (SQLException) batchCopy.getCause();
        assertThat(serverCopy.getErrorCode()).isEqualTo(7);
        assertThat((Object) batchCopy.getNextException()).isSameAs(serverCopy);
        assertThat(serverCopy.getMessage()).isEqualTo("SQL state 22021, error code 7; message withheld, as it may"
                + " quote the values the statement wrote");
    }

    @Test
    void connection_failures_keep_their_messages_and_are_retryable() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001",
                new ConnectException("Connection refused"));
        TicketingException t = Failures.translate(new GenericJDBCException("JDBC exception executing SQL", refused),
                "reading ticket 42");

        assertThat(t).isInstanceOf(StorageUnavailableException.class);
        assertThat(t.retryable()).isTrue();
        assertThat(t.getCause().getCause()).hasMessage("Connection to 127.0.0.1:5432 refused.");
        assertThat(t.getCause().getCause().getCause()).hasMessage("Connection refused");
    }

    @Test
    void a_closed_or_exhausted_pool_is_unavailable_even_without_an_sql_state() {
        SQLException closed = new SQLException("HikariDataSource HikariDataSource (hr-helpdesk) has been closed.");
        assertThat(Failures.translate(new GenericJDBCException("Unable to acquire JDBC Connection [x] [n/a]", closed),
                "reading ticket 42")).isInstanceOf(StorageUnavailableException.class)
                .satisfies(t -> assertThat(t.getCause().getCause()).hasMessageContaining("has been closed"));
        SQLException timedOut = new SQLTransientConnectionException("hr-helpdesk - Connection is not available,"
                + " request timed out after 10000ms (total=4, active=4, idle=0, waiting=3)");
        assertThat(Failures.translate(new PersistenceException(timedOut), "reading ticket 42"))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void a_refused_login_when_starting_is_not_retryable() {
        SQLException login = new SQLException("FATAL: password authentication failed for user \"tiketti\"", "28P01");
        assertThat(Failures.translateStart(new GenericJDBCException("Unable to acquire JDBC Connection", login),
                "starting a transaction").code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
    }
}
