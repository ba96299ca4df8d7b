package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaOutboxUpgradeTest extends JpaOutboxUpgradeTests {
    @Override
    DataSource dataSource() {
        return Databases.h2();
    }

    @Override
    String folder() {
        return "h2";
    }
}
