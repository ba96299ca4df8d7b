package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaOutboxIT extends JpaOutboxTests {
    @Override
    DataSource dataSource() {
        return Databases.postgres();
    }
}
