package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaTicketStoreTest extends JpaTicketStoreTests {
    @Override
    DataSource dataSource() {
        return Databases.h2();
    }
}
