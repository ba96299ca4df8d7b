package dev.tiketti.examples.hr;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Keeps the connection pool snippet of docs/storage.md equal to the pool the example really runs (STYLE 21). */
class StorageGuideSnippetTest {

    @Test
    void storageGuidePoolSnippetIsTheExampleCode() throws IOException {
        DocSnippet.assertEqualsTaggedRegion("docs/storage.md", "pool", "HrDatabase.java");
    }
}
