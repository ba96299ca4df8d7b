package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class TicketingOnJpaTest extends TicketingOnJpaTests {
    @Override
    DataSource dataSource() {
        return Databases.h2();
    }
}
