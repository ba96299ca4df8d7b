package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.spi.AddressFailure;
import dev.tiketti.core.spi.ForgottenMail;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.MailboxState;
import dev.tiketti.core.spi.QuarantinedMail;
import dev.tiketti.core.spi.StoreProblems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The mail channel's state in memory: the reference {@link MailStore}. Atomic per call (the
 * in-memory stores have no units of work) under one lock, which keeps the few multi-row steps
 * (quarantine by key, forget, purge) simple and is ample for a store written once per mail;
 * nothing survives the process.
 *
 * @since 0.1
 */
public final class InMemoryMailStore implements MailStore {
    private final Object lock = new Object();
    private final Map<String, MailboxState> mailboxes = new HashMap<>();
    /** Quarantined mails by id, in the order quarantined. */
    private final Map<UUID, QuarantinedMail> quarantine = new LinkedHashMap<>();
    private final Map<String, UUID> quarantineByKey = new HashMap<>();
    private final Map<String, AddressFailure> failures = new HashMap<>();
    private final Map<String, List<Instant>> automatic = new HashMap<>();

    @Override
    public Optional<MailboxState> mailbox(String mailbox) {
        Require.notBlank(mailbox, "mailbox");
        synchronized (lock) {
            return Optional.ofNullable(mailboxes.get(mailbox));
        }
    }

    @Override
    public void saveMailbox(MailboxState state) {
        Require.nonNull(state, "mailbox state");
        synchronized (lock) {
            mailboxes.put(state.mailbox(), state);
        }
    }

    @Override
    public boolean quarantine(QuarantinedMail mail) {
        Require.nonNull(mail, "quarantined mail");
        synchronized (lock) {
            if (quarantineByKey.containsKey(mail.messageKey())) {
                return false;
            }
            if (quarantine.containsKey(mail.id())) {
                throw StoreProblems.mailQuarantineIdTaken(mail.id(), null);
            }
            quarantine.put(mail.id(), mail);
            quarantineByKey.put(mail.messageKey(), mail.id());
            return true;
        }
    }

    @Override
    public Optional<QuarantinedMail> quarantined(UUID id) {
        Require.nonNull(id, "quarantined mail id");
        synchronized (lock) {
            return Optional.ofNullable(quarantine.get(id));
        }
    }

    @Override
    public List<QuarantinedMail> quarantined(String mailbox, int limit) {
        Require.notBlank(mailbox, "mailbox");
        Require.argument(limit >= 1, () -> StoreProblems.mailListLimit(limit));
        List<QuarantinedMail> of;
        synchronized (lock) {
            of = quarantine.values().stream().filter(m -> m.mailbox().equals(mailbox)).toList();
        }
        // a stable sort keeps the order quarantined among equal instants
        return of.stream().sorted(java.util.Comparator.comparing(QuarantinedMail::receivedAt)).limit(limit).toList();
    }

    @Override
    public boolean release(UUID id) {
        Require.nonNull(id, "quarantined mail id");
        synchronized (lock) {
            QuarantinedMail removed = quarantine.remove(id);
            if (removed == null) {
                return false;
            }
            quarantineByKey.remove(removed.messageKey());
            return true;
        }
    }

    @Override
    public void markFailing(String address, Instant at, String status) {
        String a = MailStore.address(address);
        Require.nonNull(at, "failed at");
        AddressFailure first = new AddressFailure(a, at, at, 1, status); // validates the status
        synchronized (lock) {
            failures.merge(a, first, (old, now) -> {
                boolean later = !at.isBefore(old.lastFailedAt());
                return new AddressFailure(a, at.isBefore(old.firstFailedAt()) ? at : old.firstFailedAt(),
                        later ? at : old.lastFailedAt(), old.failures() + 1, later ? now.lastStatus() : old.lastStatus());
            });
        }
    }

    @Override
    public Optional<AddressFailure> failure(String address) {
        String a = MailStore.address(address);
        synchronized (lock) {
            return Optional.ofNullable(failures.get(a));
        }
    }

    @Override
    public boolean clearFailure(String address) {
        String a = MailStore.address(address);
        synchronized (lock) {
            return failures.remove(a) != null;
        }
    }

    @Override
    public void recordAutomatic(String address, Instant at) {
        String a = MailStore.address(address);
        Require.nonNull(at, "sent at");
        synchronized (lock) {
            automatic.computeIfAbsent(a, k -> new ArrayList<>()).add(at);
        }
    }

    @Override
    public int countAutomatic(String address, Instant since) {
        String a = MailStore.address(address);
        Require.nonNull(since, "since");
        synchronized (lock) {
            return (int) automatic.getOrDefault(a, List.of()).stream().filter(t -> !t.isBefore(since)).count();
        }
    }

    @Override
    public ForgottenMail forget(Collection<String> addresses) {
        Set<String> gone = new HashSet<>();
        Require.listOf(addresses, "addresses").forEach(a -> gone.add(MailStore.address(a)));
        synchronized (lock) {
            List<UUID> ids = new ArrayList<>();
            Set<String> digests = removeQuarantined(m -> m.sender().map(gone::contains).orElse(false), ids);
            int marks = 0;
            int counts = 0;
            for (String a : gone) {
                marks += failures.remove(a) != null ? 1 : 0;
                List<Instant> sent = automatic.remove(a);
                counts += sent == null ? 0 : sent.size();
            }
            return new ForgottenMail(ids, List.copyOf(digests), marks, counts);
        }
    }

    @Override
    public ForgottenMail purgeBefore(Instant instant) {
        Require.nonNull(instant, "instant");
        synchronized (lock) {
            List<UUID> ids = new ArrayList<>();
            Set<String> digests = removeQuarantined(m -> m.receivedAt().isBefore(instant), ids);
            int before = failures.size();
            failures.values().removeIf(f -> f.lastFailedAt().isBefore(instant));
            int marks = before - failures.size();
            int counts = 0;
            for (Iterator<List<Instant>> it = automatic.values().iterator(); it.hasNext(); ) {
                List<Instant> sent = it.next();
                int size = sent.size();
                sent.removeIf(t -> t.isBefore(instant));
                counts += size - sent.size();
                if (sent.isEmpty()) {
                    it.remove();
                }
            }
            return new ForgottenMail(ids, List.copyOf(digests), marks, counts);
        }
    }

    /** Removes the matching rows (under the lock); returns the digests that no remaining row names. */
    private Set<String> removeQuarantined(Predicate<QuarantinedMail> which, List<UUID> ids) {
        Set<String> digests = new LinkedHashSet<>();
        for (Iterator<QuarantinedMail> it = quarantine.values().iterator(); it.hasNext(); ) {
            QuarantinedMail m = it.next();
            if (which.test(m)) {
                it.remove();
                quarantineByKey.remove(m.messageKey());
                ids.add(m.id());
                digests.add(m.rawSha256());
            }
        }
        quarantine.values().forEach(m -> digests.remove(m.rawSha256()));
        return digests;
    }
}
