package dev.tiketti.testkit.contract;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.inmemory.InMemoryConsentRequestStore;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.spi.ConsentRequestStore;
import java.util.List;
import java.util.Optional;

/** A ConsentRequestStore that breaks single use, for {@code ConsentRequestStoreContractCatchesBrokenStoreTest}. */
final class ConsentRequestBrokenStores {
    private ConsentRequestBrokenStores() {
    }

    /** Answers by overwriting, whatever the stored state: last write wins. */
    static final class OverwritingStore implements ConsentRequestStore {
        private final InMemoryConsentRequestStore delegate = new InMemoryConsentRequestStore();

        @Override
        public void save(ConsentRequest request) {
            delegate.save(request);
        }

        @Override
        public Optional<ConsentRequest> find(ConsentRequestId id) {
            return delegate.find(id);
        }

        @Override
        public Optional<ConsentRequest> findByTokenDigest(String tokenDigest) {
            return delegate.findByTokenDigest(tokenDigest);
        }

        @Override
        public boolean answer(ConsentRequest answered) {
            delegate.save(answered);
            return true;
        }

        @Override
        public List<ConsentRequest> forContact(ContactId contact) {
            return delegate.forContact(contact);
        }

        @Override
        public boolean delete(ConsentRequestId id) {
            return delegate.delete(id);
        }

        @Override
        public int deleteForContact(ContactId contact) {
            return delegate.deleteForContact(contact);
        }

        @Override
        public int deleteExpired(java.time.Instant now) {
            return delegate.deleteExpired(now);
        }
    }

    /** The contract on the broken store; run through the engine test kit only (no Test suffix). */
    static class OverwritingStoreRun extends ConsentRequestStoreContract {
        @Override
        protected ConsentRequestStore createStore() {
            return new OverwritingStore();
        }
    }

}
