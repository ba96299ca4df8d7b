package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaTransactionsTest extends JpaTransactionsTests {
    @Override
    DataSource dataSource() {
        return Databases.h2();
    }
}
