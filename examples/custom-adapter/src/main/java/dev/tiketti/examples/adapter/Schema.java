package dev.tiketti.examples.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Creates the example's tables from {@code schema.sql} (next to this class). It stands in for the
 * host's own migration tool (Flyway, Liquibase), which is where a real host keeps such a script.
 */
public final class Schema {
    private Schema() {
    }

    /** Runs every statement of {@code schema.sql} on an empty database, in one transaction. */
    public static void create(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : statements()) {
                s.execute(statement);
            }
            c.commit();
        } catch (SQLException e) {
            throw JdbcTransactions.translate(e, "creating the example's tables");
        }
    }

    /** The script's statements: comments dropped, split at each semicolon. */
    static List<String> statements() {
        try (InputStream in = Schema.class.getResourceAsStream("schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("schema.sql is missing beside " + Schema.class.getName());
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("--.*$", ""))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(script.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
