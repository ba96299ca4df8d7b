package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaOutboxTest extends JpaOutboxTests {
    @Override
    DataSource dataSource() {
        return Databases.h2();
    }
}
