package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.AddressFailure;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.ForgottenMail;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.MailboxState;
import dev.tiketti.core.spi.QuarantinedMail;
import dev.tiketti.core.spi.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The obligations of a {@link MailStore}: mailbox states saved and replaced, quarantine idempotent
 * by message key across threads (and nodes), failure marks counted atomically, loop-brake counts in
 * a window, addresses compared case-insensitively, erasure and retention that remove exactly what
 * they should, and writes in the storage's units of work. An adapter proves itself by a subclass
 * that returns a new, empty store from {@link #createStore()} and its units of work from
 * {@link #transactions()}.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups.
 *
 * @since 0.1
 */
@DisplayName("MailStore contract")
public abstract class MailStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");
    private static final String INBOX = "hr@example.fi/INBOX";
    private static final String AINO = "aino.virtanen@example.fi";
    private static final String EERO = "eero.korhonen@example.com";
    private MailStore store;

    /** A new, empty store for each test. */
    protected abstract MailStore createStore();

    /** The units of work the store writes in; {@link Transactions#none()} for a store atomic per call. */
    protected Transactions transactions() {
        return Transactions.none();
    }

    @BeforeEach
    void createFreshStore() {
        store = createStore();
    }

    private <T> T inUnit(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private void inUnit(Runnable work) {
        transactions().inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static String digest(String raw) {
        return AttachmentStore.sha256(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static QuarantinedMail mail(String mailbox, String key, Instant at, Optional<String> sender, String raw) {
        return new QuarantinedMail(UUID.randomUUID(), mailbox, key, at, "TKT-1003",
                "message of 26214401 bytes is over the limit of 26214400", sender, digest(raw), raw.length());
    }

    private static QuarantinedMail mail(String key, Instant at, String sender) {
        return mail(INBOX, key, at, Optional.of(sender), "raw " + key);
    }

    // ------------------------------------------------------------------ mailboxes

    @Test
    @DisplayName("a saved mailbox state is read back equal; saving again replaces it; names are compared exactly")
    void mailboxes() {
        MailboxState first = new MailboxState(INBOX, 1_700_000_001L, 0, T0);
        MailboxState later = new MailboxState(INBOX, 1_700_000_001L, MailboxState.MAX_UID, T0.plusNanos(123_000));
        MailboxState other = new MailboxState("hr@example.fi/Tiketit", 7, 42, T0);

        assertThat(store.mailbox(INBOX)).isEmpty();
        inUnit(() -> store.saveMailbox(first));
        inUnit(() -> store.saveMailbox(other));
        assertThat(store.mailbox(INBOX)).contains(first);
        inUnit(() -> store.saveMailbox(later));

        assertThat(store.mailbox(INBOX)).contains(later);
        assertThat(store.mailbox("hr@example.fi/Tiketit")).contains(other);
        assertThat(store.mailbox("hr@example.fi/inbox")).isEmpty();
        assertThat(store.mailbox("HR@example.fi/INBOX")).isEmpty();
    }

    @Test
    @DisplayName("a changed UIDVALIDITY replaces the state, so a poller sees the renumbering")
    void uidValidityChange() {
        inUnit(() -> store.saveMailbox(new MailboxState(INBOX, 100, 5000, T0)));
        MailboxState renumbered = new MailboxState(INBOX, 101, 0, T0.plusSeconds(60));
        inUnit(() -> store.saveMailbox(renumbered));

        assertThat(store.mailbox(INBOX)).contains(renumbered);
    }

    // ------------------------------------------------------------------ quarantine

    @Test
    @DisplayName("a quarantined mail is read back equal in every component, with or without a sender")
    void quarantineRoundTrip() {
        QuarantinedMail withSender = mail("k-1", T0.plusNanos(456_000), AINO);
        QuarantinedMail without = new QuarantinedMail(UUID.randomUUID(), INBOX, "k-2", T0, "TKT-1001",
                "unparseable MIME structure at depth 3", Optional.empty(), digest("garbage"), 0);

        assertThat(inUnit(() -> store.quarantine(withSender))).isTrue();
        assertThat(inUnit(() -> store.quarantine(without))).isTrue();

        assertThat(store.quarantined(withSender.id())).contains(withSender);
        assertThat(store.quarantined(without.id())).contains(without);
        assertThat(store.quarantined(UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("quarantining a message key again returns false and keeps the first row only")
    void quarantineIsIdempotentByKey() {
        QuarantinedMail first = mail("mail:hr@example.fi:<q1@example.fi>", T0, AINO);
        QuarantinedMail again = mail("mail:hr@example.fi:<q1@example.fi>", T0.plusSeconds(30), AINO);

        assertThat(inUnit(() -> store.quarantine(first))).isTrue();
        assertThat(inUnit(() -> store.quarantine(again))).isFalse();

        assertThat(store.quarantined(first.id())).contains(first);
        assertThat(store.quarantined(again.id())).isEmpty();
        assertThat(store.quarantined(INBOX, 10)).containsExactly(first);
    }

    @Test
    @DisplayName("message keys are compared exactly: case and length up to 200 characters count")
    void exactMessageKeys() {
        String longKey = "k".repeat(199) + "A";
        assertThat(inUnit(() -> store.quarantine(mail(longKey, T0, AINO)))).isTrue();

        assertThat(inUnit(() -> store.quarantine(mail("k".repeat(199) + "a", T0, AINO)))).isTrue();
        assertThat(inUnit(() -> store.quarantine(mail("k".repeat(199), T0, AINO)))).isTrue();
        assertThat(inUnit(() -> store.quarantine(mail(longKey, T0, AINO)))).isFalse();
        assertThat(store.quarantined(INBOX, 10)).hasSize(3);
    }

    @Test
    @DisplayName("eight threads quarantining one message key at once: exactly one returns true, one row is kept")
    void quarantineRace() throws Exception {
        List<QuarantinedMail> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(mail("mail:hr@example.fi:<race@example.fi>", T0.plusSeconds(i), AINO));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Boolean> won = Concurrently.run(8, () -> {
            QuarantinedMail mine = tries.get(next.getAndIncrement());
            return inUnit(() -> store.quarantine(mine));
        });

        assertThat(won).containsOnlyOnce(true);
        List<QuarantinedMail> kept = store.quarantined(INBOX, 10);
        assertThat(kept).singleElement().isIn(tries);
        assertThat(tries.stream().filter(t -> store.quarantined(t.id()).isPresent())).singleElement()
                .isEqualTo(kept.get(0));
    }

    @Test
    @DisplayName("an id stored already under another message key fails with DUPLICATE and keeps the first row")
    void quarantineIdTaken() {
        QuarantinedMail first = mail("k-first", T0, AINO);
        inUnit(() -> store.quarantine(first));
        QuarantinedMail sameId = new QuarantinedMail(first.id(), INBOX, "k-other", T0, "TKT-1003", "too large",
                Optional.empty(), digest("other"), 5);

        assertThatThrownBy(() -> inUnit(() -> store.quarantine(sameId)))
                .isInstanceOfSatisfying(TicketingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE));
        assertThat(store.quarantined(first.id())).contains(first);
        assertThat(store.quarantined(INBOX, 10)).containsExactly(first);
    }

    @Test
    @DisplayName("a mailbox's quarantine lists oldest first, equal instants in the order quarantined, up to the limit")
    void quarantineListing() {
        QuarantinedMail late = mail("k-late", T0.plusSeconds(120), AINO);
        QuarantinedMail early = mail("k-early", T0, EERO);
        QuarantinedMail sameA = mail("k-same-z", T0.plusSeconds(60), AINO);
        QuarantinedMail sameB = mail("k-same-a", T0.plusSeconds(60), AINO);
        QuarantinedMail elsewhere = mail("asiakaspalvelu@example.fi/INBOX", "k-else", T0.minusSeconds(60),
                Optional.of(AINO), "raw else");
        for (QuarantinedMail m : List.of(late, early, sameA, sameB, elsewhere)) {
            inUnit(() -> store.quarantine(m));
        }

        assertThat(store.quarantined(INBOX, 10)).containsExactly(early, sameA, sameB, late);
        assertThat(store.quarantined(INBOX, 2)).containsExactly(early, sameA);
        assertThat(store.quarantined(INBOX, 1)).containsExactly(early);
        assertThat(store.quarantined("asiakaspalvelu@example.fi/INBOX", 10)).containsExactly(elsewhere);
        assertThat(store.quarantined("hr@example.fi/inbox", 10)).isEmpty();
        assertThatThrownBy(() -> store.quarantined(INBOX, 0))
                .isInstanceOfSatisfying(TicketingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY))
                .hasMessageContaining("limit is 0");
    }

    @Test
    @DisplayName("releasing removes exactly that row and frees its message key; releasing again returns false")
    void release() {
        QuarantinedMail kept = mail("k-kept", T0, AINO);
        QuarantinedMail handled = mail("k-handled", T0, AINO);
        inUnit(() -> store.quarantine(kept));
        inUnit(() -> store.quarantine(handled));

        assertThat(inUnit(() -> store.release(handled.id()))).isTrue();
        assertThat(inUnit(() -> store.release(handled.id()))).isFalse();
        assertThat(inUnit(() -> store.release(UUID.randomUUID()))).isFalse();

        assertThat(store.quarantined(handled.id())).isEmpty();
        assertThat(store.quarantined(INBOX, 10)).containsExactly(kept);
        assertThat(inUnit(() -> store.quarantine(mail("k-handled", T0.plusSeconds(1), AINO)))).isTrue();
    }

    // ------------------------------------------------------------------ failing addresses

    @Test
    @DisplayName("a failure mark counts every failure, keeps the first time, and takes the latest time and status")
    void markFailing() {
        assertThat(store.failure(AINO)).isEmpty();
        inUnit(() -> store.markFailing(AINO, T0, "4.2.2"));
        assertThat(store.failure(AINO)).contains(new AddressFailure(AINO, T0, T0, 1, "4.2.2"));

        inUnit(() -> store.markFailing(AINO, T0.plusSeconds(3600), "5.1.1"));
        assertThat(store.failure(AINO)).contains(new AddressFailure(AINO, T0, T0.plusSeconds(3600), 2, "5.1.1"));

        // a bounce that arrives late: it moves the first time back, the latest stays the latest
        inUnit(() -> store.markFailing(AINO, T0.minusSeconds(60), "4.4.1"));
        assertThat(store.failure(AINO)).contains(
                new AddressFailure(AINO, T0.minusSeconds(60), T0.plusSeconds(3600), 3, "5.1.1"));
        assertThat(store.failure(EERO)).isEmpty();
    }

    @Test
    @DisplayName("eight threads marking one address five times each, each in its own unit: all 40 failures count")
    void markFailingRace() throws Exception {
        Concurrently.run(8, () -> {
            for (int i = 0; i < 5; i++) {
                int n = i;
                inUnit(() -> store.markFailing(AINO, T0.plusSeconds(n), "5.1.1"));
            }
            return null;
        });

        AddressFailure mark = store.failure(AINO).orElseThrow();
        assertThat(mark.failures()).isEqualTo(40);
        assertThat(mark.firstFailedAt()).isEqualTo(T0);
        assertThat(mark.lastFailedAt()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    @DisplayName("clearing a failure mark removes that address's only; clearing again returns false")
    void clearFailure() {
        inUnit(() -> store.markFailing(AINO, T0, "5.1.1"));
        inUnit(() -> store.markFailing(EERO, T0, "5.2.2"));

        assertThat(inUnit(() -> store.clearFailure(AINO))).isTrue();
        assertThat(inUnit(() -> store.clearFailure(AINO))).isFalse();

        assertThat(store.failure(AINO)).isEmpty();
        assertThat(store.failure(EERO)).contains(new AddressFailure(EERO, T0, T0, 1, "5.2.2"));
        inUnit(() -> store.markFailing(AINO, T0.plusSeconds(5), "5.1.1"));
        assertThat(store.failure(AINO).orElseThrow().failures()).as("a cleared mark starts again from 1").isEqualTo(1);
    }

    // ------------------------------------------------------------------ loop brake

    @Test
    @DisplayName("automatic mails are counted per address from an instant on, the instant included")
    void countAutomatic() {
        for (int minutes : new int[] {0, 10, 20, 30}) {
            inUnit(() -> store.recordAutomatic(AINO, T0.plus(Duration.ofMinutes(minutes))));
        }
        inUnit(() -> store.recordAutomatic(EERO, T0.plus(Duration.ofMinutes(15))));
        inUnit(() -> store.recordAutomatic(AINO, T0.plus(Duration.ofMinutes(20)))); // two at one instant count twice

        assertThat(store.countAutomatic(AINO, T0)).isEqualTo(5);
        assertThat(store.countAutomatic(AINO, T0.plus(Duration.ofMinutes(10)))).isEqualTo(4);
        assertThat(store.countAutomatic(AINO, T0.plus(Duration.ofMinutes(10)).plusNanos(1000))).isEqualTo(3);
        assertThat(store.countAutomatic(AINO, T0.plus(Duration.ofMinutes(30)))).isEqualTo(1);
        assertThat(store.countAutomatic(AINO, T0.plus(Duration.ofMinutes(31)))).isZero();
        assertThat(store.countAutomatic(EERO, T0)).isEqualTo(1);
        assertThat(store.countAutomatic("maija.nieminen@example.fi", T0)).isZero();
    }

    // ------------------------------------------------------------------ addresses

    @Test
    @DisplayName("addresses are compared case-insensitively and kept lower-case, in every method")
    void caseInsensitiveAddresses() {
        inUnit(() -> store.markFailing("Aino.Virtanen@Example.FI", T0, "5.1.1"));
        inUnit(() -> store.markFailing("AINO.VIRTANEN@EXAMPLE.FI", T0.plusSeconds(1), "5.1.1"));
        inUnit(() -> store.recordAutomatic("Aino.Virtanen@EXAMPLE.fi", T0));
        QuarantinedMail fromMixed = mail("k-mixed", T0, "Aino.Virtanen@Example.Fi");
        inUnit(() -> store.quarantine(fromMixed));

        assertThat(store.failure(AINO)).contains(new AddressFailure(AINO, T0, T0.plusSeconds(1), 2, "5.1.1"));
        assertThat(store.failure("aino.virtanen@EXAMPLE.FI").orElseThrow().address()).isEqualTo(AINO);
        assertThat(store.countAutomatic("AINO.virtanen@example.fi", T0)).isEqualTo(1);
        assertThat(store.quarantined(fromMixed.id()).orElseThrow().sender()).contains(AINO);

        ForgottenMail gone = inUnit(() -> store.forget(List.of("aINO.VIRTANEN@example.FI")));
        assertThat(gone.quarantined()).containsExactly(fromMixed.id());
        assertThat(gone.addressFailures()).isEqualTo(1);
        assertThat(gone.brakeCounts()).isEqualTo(1);
        assertThat(inUnit(() -> store.clearFailure("Aino.Virtanen@Example.FI"))).isFalse();
    }

    @Test
    @DisplayName("an address that is not local@domain is refused with INVALID_EMAIL_ADDRESS, never repeating it")
    void invalidAddress() {
        assertThatThrownBy(() -> store.markFailing("aino.virtanen.example.fi", T0, "5.1.1"))
                .isInstanceOfSatisfying(TicketingException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EMAIL_ADDRESS))
                .message().doesNotContain("aino");
        assertThatThrownBy(() -> store.countAutomatic("Aino Virtanen <aino@example.fi>", T0))
                .isInstanceOfSatisfying(TicketingException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EMAIL_ADDRESS));
        assertThat(store.failure(AINO)).isEmpty();
    }

    // ------------------------------------------------------------------ erasure and retention

    @Test
    @DisplayName("forgetting addresses removes exactly their quarantine rows, marks and counts, and reports them")
    void forget() {
        QuarantinedMail aino1 = mail(INBOX, "k-a1", T0, Optional.of(AINO), "raw a1");
        QuarantinedMail aino2 = mail("asiakaspalvelu@example.fi/INBOX", "k-a2", T0, Optional.of(AINO), "raw shared");
        QuarantinedMail aino3 = mail(INBOX, "k-a3", T0, Optional.of(AINO), "raw a1"); // the same raw message again
        QuarantinedMail eero = mail(INBOX, "k-e", T0, Optional.of(EERO), "raw e");
        QuarantinedMail nobody = mail(INBOX, "k-n", T0, Optional.empty(), "raw shared"); // shares aino2's raw bytes
        for (QuarantinedMail m : List.of(aino1, aino2, aino3, eero, nobody)) {
            inUnit(() -> store.quarantine(m));
        }
        inUnit(() -> store.markFailing(AINO, T0, "5.1.1"));
        inUnit(() -> store.markFailing(EERO, T0, "5.1.1"));
        inUnit(() -> store.recordAutomatic(AINO, T0));
        inUnit(() -> store.recordAutomatic(AINO, T0.plusSeconds(1)));
        inUnit(() -> store.recordAutomatic(EERO, T0));
        inUnit(() -> store.saveMailbox(new MailboxState(INBOX, 9, 99, T0)));

        ForgottenMail gone = inUnit(() -> store.forget(List.of(AINO, "maija.nieminen@example.fi")));

        assertThat(gone.quarantined()).containsExactlyInAnyOrder(aino1.id(), aino2.id(), aino3.id());
        assertThat(gone.rawSha256s()).as("digests no remaining row names, once each")
                .containsExactly(digest("raw a1"));
        assertThat(gone.addressFailures()).isEqualTo(1);
        assertThat(gone.brakeCounts()).isEqualTo(2);

        assertThat(store.quarantined(INBOX, 10)).containsExactlyInAnyOrder(eero, nobody);
        assertThat(store.quarantined("asiakaspalvelu@example.fi/INBOX", 10)).isEmpty();
        assertThat(store.failure(AINO)).isEmpty();
        assertThat(store.countAutomatic(AINO, T0)).isZero();
        assertThat(store.failure(EERO)).isPresent();
        assertThat(store.countAutomatic(EERO, T0)).isEqualTo(1);
        assertThat(store.mailbox(INBOX)).isPresent();

        assertThat(inUnit(() -> store.forget(List.of(AINO))).isEmpty()).as("forgetting again").isTrue();
        assertThat(inUnit(() -> store.forget(List.of())).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("purging drops what is strictly before the instant (a row at the instant stays) and reports it")
    void purgeBoundary() {
        Instant cut = T0.plus(Duration.ofDays(30));
        Instant justBefore = cut.minusNanos(1000);
        QuarantinedMail old = mail(INBOX, "k-old", justBefore, Optional.of(AINO), "raw old");
        QuarantinedMail oldShared = mail(INBOX, "k-old-shared", T0, Optional.of(EERO), "raw shared");
        QuarantinedMail atCut = mail(INBOX, "k-at", cut, Optional.of(AINO), "raw shared");
        for (QuarantinedMail m : List.of(old, oldShared, atCut)) {
            inUnit(() -> store.quarantine(m));
        }
        inUnit(() -> store.markFailing(AINO, justBefore, "5.1.1"));
        inUnit(() -> store.markFailing(EERO, T0, "5.1.1"));
        inUnit(() -> store.markFailing(EERO, cut, "5.1.1")); // failed again at the cut: stays
        inUnit(() -> store.recordAutomatic(AINO, justBefore));
        inUnit(() -> store.recordAutomatic(AINO, T0));
        inUnit(() -> store.recordAutomatic(AINO, cut));

        ForgottenMail gone = inUnit(() -> store.purgeBefore(cut));

        assertThat(gone.quarantined()).containsExactlyInAnyOrder(old.id(), oldShared.id());
        assertThat(gone.rawSha256s()).containsExactly(digest("raw old"));
        assertThat(gone.addressFailures()).isEqualTo(1);
        assertThat(gone.brakeCounts()).isEqualTo(2);
        assertThat(store.quarantined(INBOX, 10)).containsExactly(atCut);
        assertThat(store.failure(AINO)).isEmpty();
        assertThat(store.failure(EERO)).contains(new AddressFailure(EERO, T0, cut, 2, "5.1.1"));
        assertThat(store.countAutomatic(AINO, T0)).isEqualTo(1);
        assertThat(inUnit(() -> store.purgeBefore(cut)).isEmpty()).as("purging again").isTrue();
    }

    // ------------------------------------------------------------------ units of work

    @Test
    @DisplayName("writes in a unit of work that rolls back are gone with it (kept only without units of work)")
    void rollsBackWithTheChange() {
        boolean units = transactions() != Transactions.none();
        QuarantinedMail mail = mail("k-rolled-back", T0, AINO);
        IllegalStateException failure = new IllegalStateException("the ingestion failed after writing");

        assertThatThrownBy(() -> inUnit(() -> {
            store.saveMailbox(new MailboxState(INBOX, 3, 17, T0));
            store.quarantine(mail);
            store.markFailing(EERO, T0, "5.1.1");
            store.recordAutomatic(EERO, T0);
            throw failure;
        })).isSameAs(failure);

        // a store atomic per call has nothing to roll back
        assertThat(store.mailbox(INBOX).isPresent()).isEqualTo(!units);
        assertThat(store.quarantined(mail.id()).isPresent()).isEqualTo(!units);
        assertThat(store.failure(EERO).isPresent()).isEqualTo(!units);
        assertThat(store.countAutomatic(EERO, T0)).isEqualTo(units ? 0 : 1);
        if (units) {
            assertThat(inUnit(() -> store.quarantine(mail))).as("the key is free again").isTrue();
            assertThat(store.quarantined(mail.id())).contains(mail);
        }
    }

    @Test
    @DisplayName("erasure in a unit of work that rolls back leaves everything in place (removed only without units)")
    void forgetRollsBack() {
        boolean units = transactions() != Transactions.none();
        QuarantinedMail mail = mail("k-kept", T0, AINO);
        inUnit(() -> store.quarantine(mail));
        inUnit(() -> store.markFailing(AINO, T0, "5.1.1"));
        IllegalStateException failure = new IllegalStateException("the erasure failed after forgetting");

        assertThatThrownBy(() -> inUnit(() -> {
            store.forget(List.of(AINO));
            throw failure;
        })).isSameAs(failure);

        assertThat(store.quarantined(mail.id()).isPresent()).isEqualTo(units);
        assertThat(store.failure(AINO).isPresent()).isEqualTo(units);
    }
}
