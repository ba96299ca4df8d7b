package dev.tiketti.examples.adapter;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.core.workflow.WorkflowJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DefinitionStore} on plain JDBC: ticket types as JSON rows of {@code ticket_type}, and
 * each published workflow version as one immutable row of {@code workflow_version}, in the JSON of
 * core's {@link WorkflowJson}. The primary key {@code (workflow_id, version)} settles a race between
 * two publishers of the same version: the second gets a unique violation, reported as the
 * {@link ConcurrentUpdateException} the SPI asks for ({@code DefinitionStoreContract} checks it).
 */
public final class JdbcDefinitionStore implements DefinitionStore {
    private final JdbcTransactions tx;

    /** A store whose every call runs in (or joins) a unit of work of {@code transactions}. */
    public JdbcDefinitionStore(JdbcTransactions transactions) {
        this.tx = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void saveType(TicketType type) {
        String json = JsonColumns.writeType(type);
        tx.run("saving ticket type " + type.id(), c -> {
            if (replaceType(c, type.id(), json) == 0) {
                // A new type. If another thread inserts the same id meanwhile, ours fails with a
                // unique violation: undo it to the savepoint and replace theirs instead (last save wins).
                Savepoint beforeInsert = c.setSavepoint();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_type (id, definition) VALUES (?, ?)")) {
                    ps.setString(1, type.id());
                    ps.setString(2, json);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!JdbcTransactions.isUniqueViolation(e)) {
                        throw e;
                    }
                    c.rollback(beforeInsert);
                    replaceType(c, type.id(), json);
                }
            }
            return null;
        });
    }

    private static int replaceType(Connection c, String id, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket_type SET definition = ? WHERE id = ?")) {
            ps.setString(1, json);
            ps.setString(2, id);
            return ps.executeUpdate();
        }
    }

    @Override
    public Optional<TicketType> findType(String id) {
        return tx.run("reading ticket type " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT definition FROM ticket_type WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(JsonColumns.readType(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<TicketType> types() {
        return tx.run("listing ticket types", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT definition FROM ticket_type ORDER BY defined_order");
                 ResultSet rs = ps.executeQuery()) {
                List<TicketType> types = new ArrayList<>();
                while (rs.next()) {
                    types.add(JsonColumns.readType(rs.getString(1)));
                }
                return types;
            }
        });
    }

    /**
     * Stores {@code definition} if its version is the latest stored one plus 1. Reading the latest
     * and inserting are two statements, so two publishers may both read version 1 and both try to
     * insert version 2: the primary key lets only one of them in.
     */
    @Override
    public void saveWorkflow(WorkflowDefinition definition) {
        String json = WorkflowJson.write(definition);
        tx.run("publishing workflow " + definition.id() + " version " + definition.version(), c -> {
            int latest = latestVersion(c, definition.id());
            if (definition.version() != latest + 1) {
                throw versionTaken(definition, latest);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO workflow_version (workflow_id, version, definition) VALUES (?, ?, ?)")) {
                ps.setString(1, definition.id());
                ps.setInt(2, definition.version());
                ps.setString(3, json);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (JdbcTransactions.isUniqueViolation(e)) {
                    throw versionTaken(definition, definition.version()); // a concurrent publisher was first
                }
                throw e;
            }
            return null;
        });
    }

    private static ConcurrentUpdateException versionTaken(WorkflowDefinition definition, int latest) {
        return new ConcurrentUpdateException("Workflow '" + definition.id() + "' is at version " + latest
                + "; version " + definition.version() + " cannot be stored. Publish it again to get the next version.");
    }

    private static int latestVersion(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM workflow_version WHERE workflow_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public Optional<WorkflowDefinition> findWorkflow(String id, int version) {
        return selectWorkflow("reading workflow " + id + " version " + version,
                "SELECT definition FROM workflow_version WHERE workflow_id = ? AND version = ?", id, version);
    }

    @Override
    public Optional<WorkflowDefinition> latestWorkflow(String id) {
        return selectWorkflow("reading the latest version of workflow " + id, "SELECT definition FROM workflow_version "
                + "WHERE workflow_id = ? ORDER BY version DESC FETCH FIRST 1 ROW ONLY", id);
    }

    private Optional<WorkflowDefinition> selectWorkflow(String what, String sql, Object... params) {
        return tx.run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(WorkflowJson.read(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }
}
