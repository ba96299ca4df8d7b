package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryMailStore;
import dev.tiketti.core.spi.AddressFailure;
import dev.tiketti.core.spi.ForgottenMail;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.MailboxState;
import dev.tiketti.core.spi.QuarantinedMail;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Mail stores that break some obligations, to show that the mail store contract notices. */
final class MailBrokenStores {
    private MailBrokenStores() {
    }

    /** The reference store behind a door that subclasses bend. */
    abstract static class Bent implements MailStore {
        final InMemoryMailStore real = new InMemoryMailStore();

        @Override
        public Optional<MailboxState> mailbox(String mailbox) {
            return real.mailbox(mailbox);
        }

        @Override
        public void saveMailbox(MailboxState state) {
            real.saveMailbox(state);
        }

        @Override
        public boolean quarantine(QuarantinedMail mail) {
            return real.quarantine(mail);
        }

        @Override
        public Optional<QuarantinedMail> quarantined(UUID id) {
            return real.quarantined(id);
        }

        @Override
        public List<QuarantinedMail> quarantined(String mailbox, int limit) {
            return real.quarantined(mailbox, limit);
        }

        @Override
        public boolean release(UUID id) {
            return real.release(id);
        }

        @Override
        public void markFailing(String address, Instant at, String status) {
            real.markFailing(address, at, status);
        }

        @Override
        public Optional<AddressFailure> failure(String address) {
            return real.failure(address);
        }

        @Override
        public boolean clearFailure(String address) {
            return real.clearFailure(address);
        }

        @Override
        public void recordAutomatic(String address, Instant at) {
            real.recordAutomatic(address, at);
        }

        @Override
        public int countAutomatic(String address, Instant since) {
            return real.countAutomatic(address, since);
        }

        @Override
        public ForgottenMail forget(Collection<String> addresses) {
            return real.forget(addresses);
        }

        @Override
        public ForgottenMail purgeBefore(Instant instant) {
            return real.purgeBefore(instant);
        }
    }

    /** Says every quarantine was new, as an insert without a unique key would. */
    static final class KeyIgnoringMailStore extends Bent {
        @Override
        public boolean quarantine(QuarantinedMail mail) {
            real.quarantine(mail);
            return true;
        }
    }

    /** Takes the time bounds a microsecond off: the window's start exclusive, the purge inclusive. */
    static final class OffByOneBoundsMailStore extends Bent {
        @Override
        public int countAutomatic(String address, Instant since) {
            return real.countAutomatic(address, since.plusNanos(1000));
        }

        @Override
        public ForgottenMail purgeBefore(Instant instant) {
            return real.purgeBefore(instant.plusNanos(1000));
        }
    }

    /** Reports every raw digest of what it removed, also those another quarantined message still needs. */
    static final class DigestOverreportingMailStore extends Bent {
        @Override
        public ForgottenMail forget(Collection<String> addresses) {
            List<String> senders = addresses.stream().map(MailStore::address).toList();
            List<String> digests = real.quarantined("asiakaspalvelu@example.fi/INBOX", 100).stream()
                    .filter(m -> m.sender().map(senders::contains).orElse(false)).map(QuarantinedMail::rawSha256)
                    .toList();
            ForgottenMail gone = real.forget(addresses);
            List<String> all = new java.util.ArrayList<>(gone.rawSha256s());
            digests.stream().filter(d -> !all.contains(d)).forEach(all::add);
            return new ForgottenMail(gone.quarantined(), all, gone.addressFailures(), gone.brakeCounts());
        }
    }

    static final class KeyIgnoringRun extends MailStoreContract {
        @Override
        protected MailStore createStore() {
            return new KeyIgnoringMailStore();
        }
    }

    static final class OffByOneBoundsRun extends MailStoreContract {
        @Override
        protected MailStore createStore() {
            return new OffByOneBoundsMailStore();
        }
    }

    static final class DigestOverreportingRun extends MailStoreContract {
        @Override
        protected MailStore createStore() {
            return new DigestOverreportingMailStore();
        }
    }
}
