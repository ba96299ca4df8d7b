package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import javax.sql.DataSource;

class JpaDefinitionAndAttachmentStoreIT extends JpaDefinitionAndAttachmentStoreTests {
    @Override
    DataSource dataSource() {
        return Databases.postgres();
    }
}
