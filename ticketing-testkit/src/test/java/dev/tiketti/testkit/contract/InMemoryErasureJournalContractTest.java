package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryErasureJournal;
import dev.tiketti.core.spi.ErasureJournal;

/** Core's in-memory ErasureJournal passes the same contract as every adapter. */
class InMemoryErasureJournalContractTest extends ErasureJournalContract {
    @Override
    protected ErasureJournal createJournal() {
        return new InMemoryErasureJournal();
    }
}
