package dev.tiketti.jpa;

import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.AttachmentStoreContract;

/** The testkit's AttachmentStore contract on H2. */
class JpaAttachmentStoreContractTest extends AttachmentStoreContract {
    @Override
    protected AttachmentStore createStore() {
        return SharedStorage.of(getClass(), Databases::h2).emptied("tkt_attachment").attachmentStore();
    }
}
