package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaPersonalDataInFailuresTest extends JpaPersonalDataInFailuresTests {
    @Override
    DataSource dataSource() {
        return Databases.h2();
    }

    @Override
    boolean refusesNul() {
        return false;
    }
}
