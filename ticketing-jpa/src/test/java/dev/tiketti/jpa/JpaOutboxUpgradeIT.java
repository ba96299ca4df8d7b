package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaOutboxUpgradeIT extends JpaOutboxUpgradeTests {
    @Override
    DataSource dataSource() {
        return Databases.postgres();
    }

    @Override
    String folder() {
        return "postgresql";
    }
}
