package dev.tiketti.jpa;

import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.TicketStoreContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The testkit's TicketStore contract on a real PostgreSQL. */
class JpaTicketStoreContractIT extends TicketStoreContract {
    private JpaStorage storage;

    private SharedStorage shared() {
        return SharedStorage.of(getClass(), Databases::postgres);
    }

    @Override
    protected TicketStore createStore() {
        storage = shared().emptied("tkt_history_change", "tkt_history_entry", "tkt_timeline_entry", "tkt_ticket", "tkt_key_sequence");
        return storage.ticketStore();
    }

    @Override
    protected Transactions transactions() {
        return storage.transactions();
    }

    /**
     * Asks the server: a backend of this database waiting for a lock (a row lock, or another
     * transaction's uncommitted row with the same unique key). The thread itself shows only a
     * socket read, whatever the server is doing.
     */
    @Override
    protected boolean waitsForAnotherUnit(Thread unit) {
        try (Connection c = shared().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pg_stat_activity", e);
        }
    }
}
