package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaPersonalDataInFailuresIT extends JpaPersonalDataInFailuresTests {
    @Override
    DataSource dataSource() {
        return Databases.postgres();
    }

    @Override
    boolean refusesNul() {
        return true;
    }
}
