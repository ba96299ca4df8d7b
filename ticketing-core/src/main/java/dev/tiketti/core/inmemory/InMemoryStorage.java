package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.core.spi.ConsentRequestStore;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.ErasureJournal;
import dev.tiketti.core.spi.IdempotencyStore;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.core.spi.OutboxStore;
import dev.tiketti.core.spi.Storage;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.TimerStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Every store in memory, as one {@link Storage}: the reference implementation that the testkit's
 * {@code StorageContract} runs on, and a quick start for tests and demos. Leases and timers run on
 * the given clock. Thread-safe; nothing survives the process.
 *
 * @since 0.1
 */
public final class InMemoryStorage implements Storage {
    private final InMemoryTicketStore tickets = new InMemoryTicketStore();
    private final InMemoryDefinitionStore definitions = new InMemoryDefinitionStore();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryAttachmentStore attachments = new InMemoryAttachmentStore();
    private final InMemoryOrganizationStore organizations = new InMemoryOrganizationStore();
    private final InMemoryConsentStore consents = new InMemoryConsentStore();
    private final InMemoryConsentRequestStore consentRequests = new InMemoryConsentRequestStore();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryErasureJournal journal = new InMemoryErasureJournal();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final InMemoryMailStore mail = new InMemoryMailStore();
    private final InMemoryTimerStore timers;
    private final InMemoryOutboxStore outbox;

    public InMemoryStorage(Clock clock) {
        Require.nonNull(clock, "clock");
        this.timers = new InMemoryTimerStore(clock);
        this.outbox = new InMemoryOutboxStore(clock);
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public DefinitionStore definitions() {
        return definitions;
    }

    @Override
    public Optional<ContactStore> contacts() {
        return Optional.of(contacts);
    }

    @Override
    public Optional<AttachmentStore> attachments() {
        return Optional.of(attachments);
    }

    @Override
    public Optional<OrganizationStore> organizations() {
        return Optional.of(organizations);
    }

    @Override
    public Optional<ConsentStore> consents() {
        return Optional.of(consents);
    }

    @Override
    public Optional<ConsentRequestStore> consentRequests() {
        return Optional.of(consentRequests);
    }

    @Override
    public Optional<AuditLog> audit() {
        return Optional.of(auditLog);
    }

    @Override
    public Optional<TimerStore> timers() {
        return Optional.of(timers);
    }

    @Override
    public Optional<OutboxStore> outbox() {
        return Optional.of(outbox);
    }

    @Override
    public Optional<ErasureJournal> erasureJournal() {
        return Optional.of(journal);
    }

    @Override
    public Optional<IdempotencyStore> idempotency() {
        return Optional.of(idempotency);
    }

    @Override
    public Optional<MailStore> mailStore() {
        return Optional.of(mail);
    }
}
