package dev.tiketti.examples.adapter;

import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.Storage;
import dev.tiketti.core.spi.TicketStore;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The example's stores as one {@link Storage} for {@code Ticketing.builder().storage(...)}: the
 * {@link JdbcTicketStore} and {@link JdbcDefinitionStore} on one {@link JdbcTransactions}, so
 * that a unit of work spans both. Every other store is left empty (the {@code Storage} defaults);
 * {@code inMemory()} on the builder fills those slots with core's in-memory stores.
 */
public final class JdbcStorage implements Storage {
    private final JdbcTransactions transactions;
    private final JdbcTicketStore tickets;
    private final JdbcDefinitionStore definitions;

    /** The stores over {@code dataSource}, whose tables exist ({@link Schema}). */
    public JdbcStorage(DataSource dataSource) {
        this.transactions = new JdbcTransactions(Objects.requireNonNull(dataSource, "dataSource"));
        this.tickets = new JdbcTicketStore(transactions);
        this.definitions = new JdbcDefinitionStore(transactions);
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public DefinitionStore definitions() {
        return definitions;
    }

    /** One connection per unit of work, shared by both stores. */
    @Override
    public JdbcTransactions transactions() {
        return transactions;
    }
}
