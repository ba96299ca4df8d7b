package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryAttachmentStore;
import dev.tiketti.core.spi.AttachmentStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryAttachmentStore passes the AttachmentStore contract")
class InMemoryAttachmentStoreContractTest extends AttachmentStoreContract {
    @Override
    protected AttachmentStore createStore() {
        return new InMemoryAttachmentStore();
    }
}
