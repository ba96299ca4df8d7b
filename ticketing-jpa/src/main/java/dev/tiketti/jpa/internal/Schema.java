package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the adapter knows about its schema: the version the code needs, where the migrations for
 * each database live, and the start-up check that the schema is neither missing nor behind.
 * Every migration ends by recording its version in {@code tkt_schema_version}, so the check works
 * whichever tool applied the SQL.
 */
public final class Schema {
    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    /** The schema version this code needs: the highest {@code V<n>__} migration shipped. */
    public static final int REQUIRED_VERSION = 10;

    /** Every entity of the adapter, for a persistence unit. */
    public static final List<Class<?>> ENTITIES = List.of(TicketEntity.class, TimelineEntryEntity.class,
            HistoryEntryEntity.class, HistoryChangeEntity.class, KeySequenceEntity.class, TicketTypeEntity.class,
            WorkflowEntity.class, AttachmentEntity.class, ContactEntity.class, ContactEmailEntity.class,
            OrganizationEntity.class, MembershipEntity.class, ConsentPurposeEntity.class, ConsentEntity.class,
            TimerEntity.class, AccessRecordEntity.class, ConsentRequestEntity.class);

    /** Flyway's own bookkeeping table, kept apart from a host's {@code flyway_schema_history}. */
    static final String FLYWAY_TABLE = "tkt_schema_history";

    private Schema() {
    }

    /** The migration folder (under {@code db/tiketti/}) for the database behind {@code dataSource}. */
    public static String folder(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String p = product.toLowerCase(Locale.ROOT);
            if (p.contains("h2")) {
                return "h2";
            }
            if (p.contains("postgres")) {
                return "postgresql";
            }
            throw new ConfigurationException(ErrorCode.STORAGE_SCHEMA_MISMATCH, "ticketing-jpa has migrations for H2"
                    + " and PostgreSQL, not for '" + product + "'. Use one of those, or write migrations for your"
                    + " database after db/tiketti/postgresql/ (see docs/storage.md#migrations).", List.of());
        } catch (SQLException e) {
            throw Failures.translate(new PersistenceException(e), "connecting to the database");
        }
    }

    /** The migration folder for the database behind an EntityManager (Hibernate only; a placeholder otherwise). */
    public static String folder(EntityManager em) {
        try {
            String product = em.unwrap(org.hibernate.Session.class)
                    .doReturningWork(c -> c.getMetaData().getDatabaseProductName()).toLowerCase(Locale.ROOT);
            return product.contains("h2") ? "h2" : product.contains("postgres") ? "postgresql" : "<your database>";
        } catch (RuntimeException e) {
            return "<h2|postgresql>";
        }
    }

    /** Applies the pending migrations with Flyway and returns how many ran. */
    public static int migrate(DataSource dataSource) {
        String folder = folder(dataSource);
        MigrateResult result = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/tiketti/" + folder)
                .table(FLYWAY_TABLE)
                // A host's schema may hold its own tables already: start our history from version 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted == 0) {
            // Flyway leaves the target version empty when nothing ran.
            LOG.info("Tiketti schema on {}: up to date at version {}", folder, result.initialSchemaVersion);
        } else {
            LOG.info("Tiketti schema on {}: {} migration(s) applied, now at version {}", folder,
                    result.migrationsExecuted, result.targetSchemaVersion);
        }
        return result.migrationsExecuted;
    }

    /** Fails with a message naming the migrations to run if the schema is missing or behind. */
    public static void check(DataSource dataSource) {
        String folder = folder(dataSource);
        Optional<Integer> version;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM tkt_schema_version")) {
                rs.next();
                int v = rs.getInt(1);
                version = rs.wasNull() ? Optional.empty() : Optional.of(v);
            } catch (SQLException e) {
                if (Failures.isUnavailable(e)) { // gone, not missing
                    throw Failures.translate(new PersistenceException(e), "checking the Tiketti schema");
                }
                version = Optional.empty();
            }
        } catch (SQLException e) {
            throw Failures.translate(new PersistenceException(e), "checking the Tiketti schema");
        }
        requireCurrent(version, folder);
    }

    /** The same check through an EntityManager (for a host's EntityManagerFactory). */
    public static void check(EntityManager em) {
        String folderHint = folder(em);
        Optional<Integer> version;
        try {
            Object v = em.createNativeQuery("SELECT MAX(version) FROM tkt_schema_version").getSingleResult();
            version = v == null ? Optional.empty() : Optional.of(((Number) v).intValue());
        } catch (PersistenceException e) {
            if (Failures.isUnavailable(e)) { // the database is gone, not the table: retry later
                throw Failures.translate(e, "checking the Tiketti schema");
            }
            version = Optional.empty();
        }
        requireCurrent(version, folderHint);
    }

    static void requireCurrent(Optional<Integer> version, String folder) {
        if (version.isEmpty()) {
            throw Failures.schema("The Tiketti tables are missing (no tkt_schema_version). Run the migrations"
                    + " V1 to V" + REQUIRED_VERSION + " from db/tiketti/" + folder + "/ in the ticketing-jpa jar:"
                    + " call JpaStorage.migrate(dataSource), use JpaStorage.builder().migrate(true), or apply them"
                    + " with your own migration tool (docs/storage.md#migrations).");
        }
        int v = version.get();
        if (v < REQUIRED_VERSION) {
            throw Failures.schema("The Tiketti schema is at version " + v + " but this ticketing-jpa needs version "
                    + REQUIRED_VERSION + ". Run the migrations V" + (v + 1) + " to V" + REQUIRED_VERSION
                    + " from db/tiketti/" + folder + "/ in the ticketing-jpa jar: call JpaStorage.migrate(dataSource)"
                    + " or apply them with your own migration tool (docs/storage.md#migrations).");
        }
        if (v > REQUIRED_VERSION) {
            throw Failures.schema("The Tiketti schema is at version " + v + ", newer than the version "
                    + REQUIRED_VERSION + " this ticketing-jpa knows. Upgrade ticketing-jpa to the release that"
                    + " shipped migration V" + v + "; never run older code against a newer schema.");
        }
    }
}
