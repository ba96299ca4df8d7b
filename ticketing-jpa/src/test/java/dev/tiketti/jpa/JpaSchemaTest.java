package dev.tiketti.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.jpa.testing.Databases;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Start-up checks: the schema comes only from the migrations, and a schema behind the code fails early. */
class JpaSchemaTest {

    private static void sql(DataSource ds, String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void an_unmigrated_database_fails_at_start_up_naming_the_migrations_to_run() {
        DataSource empty = Databases.h2();
        assertThatThrownBy(() -> JpaStorage.builder().dataSource(empty).build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_SCHEMA_MISMATCH))
                .hasMessageContaining("TKT-0610")
                .hasMessageContaining("tables are missing")
                .hasMessageContaining("V1 to V" + JpaStorage.schemaVersion() + " from db/tiketti/h2/")
                .hasMessageContaining("JpaStorage.migrate(dataSource)");
    }

    @Test
    void a_schema_behind_the_code_fails_at_start_up_naming_the_missing_migrations_and_migrate_catches_up() {
        DataSource ds = Databases.h2();
        // A database last migrated by an older release: only V1 applied.
        Flyway.configure().dataSource(ds).locations("classpath:db/tiketti/h2").table("tkt_schema_history")
                .target("1").load().migrate();

        assertThatThrownBy(() -> JpaStorage.builder().dataSource(ds).build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_SCHEMA_MISMATCH))
                .hasMessageContaining("at version 1 but this ticketing-jpa needs version " + JpaStorage.schemaVersion())
                .hasMessageContaining("Run the migrations V2 to V" + JpaStorage.schemaVersion() + " from db/tiketti/h2/");

        assertThat(JpaStorage.migrate(ds)).isEqualTo(JpaStorage.schemaVersion() - 1);
        try (JpaStorage storage = JpaStorage.builder().dataSource(ds).build()) {
            assertThat(storage.contactStore().findByEmail("ei.ketaan@example.fi")).isEmpty();
        }
    }

    @Test
    void a_schema_newer_than_the_code_is_refused() throws SQLException {
        DataSource ds = Databases.h2();
        JpaStorage.migrate(ds);
        sql(ds, "INSERT INTO tkt_schema_version (version) VALUES (99)");
        assertThatThrownBy(() -> JpaStorage.builder().dataSource(ds).build())
                .hasMessageContaining("version 99, newer than");
    }

    @Test
    void a_table_changed_by_hand_fails_hibernate_validation_with_a_pointer_to_the_migrations() throws SQLException {
        DataSource ds = Databases.h2();
        JpaStorage.migrate(ds);
        sql(ds, "ALTER TABLE tkt_ticket DROP COLUMN resolution");
        assertThatThrownBy(() -> JpaStorage.builder().dataSource(ds).build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_SCHEMA_MISMATCH))
                .hasMessageContaining("resolution")
                .hasMessageContaining("compare it with the migrations");
    }

    @Test
    void migrating_twice_applies_nothing_the_second_time_and_migrate_on_build_works() {
        DataSource ds = Databases.h2();
        assertThat(JpaStorage.migrate(ds)).isEqualTo(JpaStorage.schemaVersion());
        assertThat(JpaStorage.migrate(ds)).isZero();
        try (JpaStorage storage = JpaStorage.builder().dataSource(ds).migrate(true).build()) {
            assertThat(storage.ticketStore().nextNumber("HR")).isEqualTo(1);
        }
    }

    @Test
    void a_host_entity_manager_factory_on_an_unmigrated_database_fails_naming_the_migrations()
            throws ClassNotFoundException {
        DataSource empty = Databases.h2();
        PersistenceConfiguration hostUnit = new PersistenceConfiguration("host")
                .property("jakarta.persistence.nonJtaDataSource", empty);
        for (String name : JpaStorage.managedClassNames()) {
            hostUnit.managedClass(Class.forName(name));
        }
        try (EntityManagerFactory emf = hostUnit.createEntityManagerFactory()) {
            assertThatThrownBy(() -> JpaStorage.of(emf))
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_SCHEMA_MISMATCH))
                    .hasMessageContaining("V1 to V" + JpaStorage.schemaVersion() + " from db/tiketti/h2/");
        }
    }

    @Test
    void a_schema_generating_property_is_refused() {
        assertThatThrownBy(() -> JpaStorage.builder().property("hibernate.hbm2ddl.auto", "update"))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("JpaStorage.migrate(dataSource)");
        assertThatThrownBy(() -> JpaStorage.builder().build()).hasMessageContaining("dataSource is not set");
    }

    @Test
    void a_host_entity_manager_factory_works_when_it_lists_the_managed_classes_and_fails_clearly_otherwise()
            throws ClassNotFoundException {
        DataSource ds = Databases.h2();
        JpaStorage.migrate(ds);
        PersistenceConfiguration hostUnit = new PersistenceConfiguration("host")
                .property("jakarta.persistence.nonJtaDataSource", ds)
                .property("hibernate.hbm2ddl.auto", "validate");
        for (String name : JpaStorage.managedClassNames()) {
            hostUnit.managedClass(Class.forName(name));
        }
        try (EntityManagerFactory emf = hostUnit.createEntityManagerFactory()) {
            JpaStorage storage = JpaStorage.of(emf);
            assertThat(storage.ticketStore().nextNumber("HR")).isEqualTo(1);
        }

        PersistenceConfiguration otherUnit = new PersistenceConfiguration("other")
                .property("jakarta.persistence.nonJtaDataSource", ds);
        try (EntityManagerFactory emf = otherUnit.createEntityManagerFactory()) {
            assertThatThrownBy(() -> JpaStorage.of(emf))
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_SCHEMA_MISMATCH))
                    .hasMessageContaining("JpaStorage.managedClassNames()");
        }
    }
}
