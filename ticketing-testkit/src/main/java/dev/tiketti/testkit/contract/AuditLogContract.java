package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.AccessRecord;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The obligations of an {@link AuditLog}. An adapter proves itself by one subclass that returns a
 * new, empty log from {@link #createLog()}.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("AuditLog contract")
public abstract class AuditLogContract {
    private static final Instant T0 = Instant.parse("2024-05-02T09:00:00Z");
    private static final PurposeId SERVICE = PurposeId.of("service-requests");
    private static final ContactId AINO = ContactId.of("7e570000-0000-4000-8000-000000000001");
    private static final ContactId MATTI = ContactId.of("7e570000-0000-4000-8000-000000000003");
    private AuditLog log;

    /** A new, empty log for each test. */
    protected abstract AuditLog createLog();

    @BeforeEach
    void createFreshLog() {
        log = createLog();
    }

    private static AccessRecord read(ContactId contact, int minutes, String what) {
        return new AccessRecord(T0.plusSeconds(60L * minutes), Actor.agent("maija", "hr"), contact, SERVICE,
                List.of(what));
    }

    @Test
    @DisplayName("records come back per contact, oldest first, every field kept")
    void perContactOldestFirst() {
        log.append(read(AINO, 5, "consents"));
        log.append(read(MATTI, 1, "contact"));
        log.append(read(AINO, 1, "contact"));

        assertThat(log.forContact(AINO)).containsExactly(read(AINO, 1, "contact"), read(AINO, 5, "consents"));
        assertThat(log.forContact(MATTI)).containsExactly(read(MATTI, 1, "contact"));
        assertThat(log.forContact(ContactId.of("7e570000-0000-4000-8000-000000000009"))).isEmpty();
    }

    @Test
    @DisplayName("records at the same instant stay in append order")
    void sameInstantKeepsAppendOrder() {
        log.append(read(AINO, 1, "contact"));
        log.append(read(AINO, 1, "consents"));
        log.append(read(AINO, 1, "access-export"));

        assertThat(log.forContact(AINO)).extracting(r -> r.read().get(0))
                .containsExactly("contact", "consents", "access-export");
    }

    @Test
    @DisplayName("the list is a copy: changing it or appending later does not change what was returned")
    void listsAreCopies() {
        log.append(read(AINO, 1, "contact"));
        List<AccessRecord> first = log.forContact(AINO);
        log.append(read(AINO, 2, "contact"));

        assertThat(first).hasSize(1);
        try {
            first.clear();
        } catch (UnsupportedOperationException expected) {
            // an unmodifiable copy is fine too
        }
        assertThat(log.forContact(AINO)).hasSize(2);
    }

    @Test
    @DisplayName("appends from eight threads at once are all kept")
    void concurrentAppends() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        log.append(read(AINO, thread * 100 + i, "contact"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.forContact(AINO)).hasSize(400).isSortedAccordingTo(
                java.util.Comparator.comparing(AccessRecord::at));
    }
}
