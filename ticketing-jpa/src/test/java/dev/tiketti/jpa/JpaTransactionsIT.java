package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaTransactionsIT extends JpaTransactionsTests {
    @Override
    DataSource dataSource() {
        return Databases.postgres();
    }
}
