package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemorySearchIndex;
import dev.tiketti.core.spi.SearchIndex;

/** Core's in-memory SearchIndex passes the same contract as every adapter. */
class InMemorySearchIndexContractTest extends SearchIndexContract {
    @Override
    protected SearchIndex createIndex() {
        return new InMemorySearchIndex();
    }
}
