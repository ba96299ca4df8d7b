package dev.tiketti.search;

import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.testkit.contract.SearchIndexContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index, on disk in a temporary directory, passes the same contract as every search index. */
class LuceneSearchIndexContractTest extends SearchIndexContract {
    @TempDir
    Path dir;

    @Override
    protected SearchIndex createIndex() {
        // no background commits: the contract must hold with NRT visibility alone
        return LuceneSearch.builder().onDisk(dir).commitInterval(Duration.ZERO).build();
    }

    @Override
    protected void disposeIndex(SearchIndex used) {
        ((LuceneSearchIndex) used).close();
    }
}
