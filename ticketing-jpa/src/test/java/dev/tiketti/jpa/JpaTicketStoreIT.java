package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaTicketStoreIT extends JpaTicketStoreTests {
    @Override
    DataSource dataSource() {
        return Databases.postgres();
    }
}
