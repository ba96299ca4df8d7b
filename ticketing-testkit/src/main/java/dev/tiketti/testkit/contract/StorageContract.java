package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import dev.tiketti.core.spi.Transactions;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The compatibility kit for a whole storage adapter, and the way to prove one: extend it once,
 * implement {@link #createStorage(Clock)}, and the contract of every store your {@link Storage}
 * provides runs against it, each as a {@code @Nested} group, together with the
 * {@link TransactionsContract} for its units of work.
 *
 * <pre>{@code
 * @ProvidesNo(Capability.ERASURE_JOURNAL)          // kept apart from this database, as ErasureJournal asks
 * class MyStorageContractTest extends StorageContract {
 *     @Override
 *     protected Storage createStorage(Clock clock) {
 *         return new MyStorage(freshDatabase());    // empty, before every test
 *     }
 * }
 * }</pre>
 *
 * <p><b>Capabilities.</b> Tickets and definitions are required and always checked. Each other
 * store, and units of work that roll back, is a {@link Capability}: declare what your storage
 * lacks with {@link ProvidesNo} on the subclass, and that group is not generated at all (no
 * failed, no skipped tests). The declaration must be static because JUnit builds the groups before
 * any storage exists; the contract checks it against the storage: declaring lacking what the
 * storage provides fails ({@code declaresOnlyWhatItLacks}), and a store that is neither declared
 * lacking nor provided ({@code Optional.empty()}) skips its group with an assumption that says so.
 * Units of work are lacking when {@link Storage#transactions()} is {@link Transactions#none()}.
 *
 * <p><b>Per test.</b> {@link #createStorage(Clock)} is called before every test and must return a
 * storage whose stores are empty (timers excepted: the timer tests use kinds of their own);
 * {@link #disposeStorage(Storage)} after it. Leases of the timer and outbox stores are measured on
 * the storage's clock: a storage that takes the given clock needs nothing more, one on a database
 * clock overrides {@link #advanceStorageClock(Duration)}. {@link #waitsForAnotherUnit(Thread)}
 * sharpens the ticket store's race of two overlapping units of work (see
 * {@link TicketStoreContract#waitsForAnotherUnit(Thread)}).
 *
 * <p>The per-store contract classes stay public for a host that proves one store alone; the
 * search index is no part of a storage and keeps its own {@link SearchIndexContract}. The groups
 * that depend on a capability are JUnit class templates ({@link ClassTemplate}), so the testkit
 * needs JUnit Jupiter 5.13 or later.
 *
 * @since 0.1
 */
@DisplayName("Storage contract")
public abstract class StorageContract {
    /** The instant the contract clock starts at: Monday 5 January 2026, 08:00 in Helsinki. */
    protected static final Instant START = Instant.parse("2026-01-05T06:00:00Z");

    private final ContractClock clock = new ContractClock(START);
    private @Nullable Storage storage;

    /**
     * A new storage for one test, its stores empty (timers excepted). Use {@code clock} wherever
     * the storage lets its clock be chosen (core's in-memory storage measures leases on it); a
     * storage on the database clock may ignore it.
     */
    protected abstract Storage createStorage(Clock clock);

    /** Called after every test with the storage {@link #createStorage} returned; close resources here. */
    protected void disposeStorage(Storage used) {
    }

    /**
     * Makes the clock that the storage's timer and outbox leases are measured on read {@code by}
     * later. The default moves the clock handed to {@link #createStorage}; a storage on the
     * database clock shifts its view of that clock instead.
     */
    protected void advanceStorageClock(Duration by) {
        clock.advance(by);
    }

    /**
     * Whether {@code unit}, the thread of a unit of work that the ticket store's race started while
     * another is held open, now waits for that other one; see
     * {@link TicketStoreContract#waitsForAnotherUnit(Thread)}, whose default this is.
     */
    protected boolean waitsForAnotherUnit(Thread unit) {
        return TicketStoreContract.looksWaiting(unit);
    }

    /** The storage of the running test. */
    protected final Storage storage() {
        Storage current = storage;
        if (current == null) {
            throw new IllegalStateException("No storage: the contract calls createStorage(clock) before each test;"
                    + " call storage() only from a test or a hook.");
        }
        return current;
    }

    @BeforeEach
    void createStorageForTest() {
        storage = createStorage(clock);
    }

    @AfterEach
    void disposeStorageAfterTest() {
        Storage used = storage;
        storage = null;
        if (used != null) {
            disposeStorage(used);
        }
    }

    private static <T> T provided(Optional<T> store, Capability capability) {
        assumeTrue(store.isPresent(), () -> capability.missing());
        return store.get();
    }

    // ------------------------------------------------------------------ capabilities

    /**
     * What a {@link Storage} may lack: every store but tickets and definitions, and units of work
     * that roll back. Declared lacking with {@link ProvidesNo}.
     *
     * @since 0.1
     */
    public enum Capability {
        /** {@link Storage#contacts()}. */
        CONTACTS("contact store", "contacts() is empty"),
        /** {@link Storage#attachments()}. */
        ATTACHMENTS("attachment store", "attachments() is empty"),
        /** {@link Storage#organizations()}. */
        ORGANIZATIONS("organization store", "organizations() is empty"),
        /** {@link Storage#consents()}. */
        CONSENTS("consent store", "consents() is empty"),
        /** {@link Storage#consentRequests()}. */
        CONSENT_REQUESTS("consent request store", "consentRequests() is empty"),
        /** {@link Storage#audit()}. */
        AUDIT_LOG("audit log", "audit() is empty"),
        /** {@link Storage#timers()}. */
        TIMERS("timer store", "timers() is empty"),
        /** {@link Storage#outbox()}. */
        OUTBOX("outbox store", "outbox() is empty"),
        /** {@link Storage#erasureJournal()}. */
        ERASURE_JOURNAL("erasure journal", "erasureJournal() is empty"),
        /** {@link Storage#idempotency()}. */
        IDEMPOTENCY("idempotency store", "idempotency() is empty"),
        /** {@link Storage#mailStore()}. */
        MAIL("mail store", "mailStore() is empty"),
        /** Units of work that roll back: {@link Storage#transactions()} is not {@link Transactions#none()}. */
        UNITS_OF_WORK("units of work", "transactions() is Transactions.none(), so its stores are atomic per call"
                + " and there is no unit of work to roll back");

        private final String noun;
        private final String why;

        Capability(String noun, String why) {
            this.noun = noun;
            this.why = why;
        }

        /** Whether {@code storage} provides this. */
        boolean providedBy(Storage storage) {
            return switch (this) {
                case CONTACTS -> storage.contacts().isPresent();
                case ATTACHMENTS -> storage.attachments().isPresent();
                case ORGANIZATIONS -> storage.organizations().isPresent();
                case CONSENTS -> storage.consents().isPresent();
                case CONSENT_REQUESTS -> storage.consentRequests().isPresent();
                case AUDIT_LOG -> storage.audit().isPresent();
                case TIMERS -> storage.timers().isPresent();
                case OUTBOX -> storage.outbox().isPresent();
                case ERASURE_JOURNAL -> storage.erasureJournal().isPresent();
                case IDEMPOTENCY -> storage.idempotency().isPresent();
                case MAIL -> storage.mailStore().isPresent();
                case UNITS_OF_WORK -> storage.transactions() != Transactions.none();
            };
        }

        /** The assumption's message when the storage lacks this without declaring it. */
        String missing() {
            return "This storage provides no " + noun + ": " + why + ". Declare it with @ProvidesNo(" + name()
                    + ") on the StorageContract subclass, and this group is not generated.";
        }
    }

    /**
     * Declares on a {@link StorageContract} subclass what its storage lacks: the groups of those
     * capabilities are not generated, so a run has neither failed nor skipped tests for them.
     *
     * @since 0.1
     */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface ProvidesNo {
        /** The capabilities the storage lacks. */
        Capability[] value();
    }

    /** What {@code run} (a subclass of this contract) declares lacking. */
    static Set<Capability> declaredLacking(Class<?> run) {
        ProvidesNo declaration = run.getAnnotation(ProvidesNo.class);
        Set<Capability> lacking = EnumSet.noneOf(Capability.class);
        if (declaration != null) {
            lacking.addAll(Arrays.asList(declaration.value()));
        }
        return lacking;
    }

    /** A group that is generated unless the run declares its capability lacking. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ClassTemplate
    @ExtendWith(CapabilityGate.class)
    @interface WhenProvided {
        Capability value();
    }

    /**
     * Runs a {@link WhenProvided} group once, or not at all when the {@link StorageContract}
     * subclass it runs in declares its capability lacking.
     */
    static final class CapabilityGate implements ClassTemplateInvocationContextProvider {
        @Override
        public boolean supportsClassTemplate(ExtensionContext context) {
            return context.getRequiredTestClass().isAnnotationPresent(WhenProvided.class);
        }

        @Override
        public boolean mayReturnZeroClassTemplateInvocationContexts(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
            Capability capability = context.getRequiredTestClass().getAnnotation(WhenProvided.class).value();
            if (declaredLacking(run(context)).contains(capability)) {
                return Stream.empty();
            }
            return Stream.of(new ClassTemplateInvocationContext() {
                @Override
                public String getDisplayName(int invocationIndex) {
                    return "not declared lacking";
                }
            });
        }

        private static Class<?> run(ExtensionContext context) {
            for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
                Optional<Class<?>> type = c.get().getTestClass();
                if (type.isPresent() && StorageContract.class.isAssignableFrom(type.get())) {
                    return type.get();
                }
            }
            throw new IllegalStateException(context.getRequiredTestClass().getName()
                    + " is not run inside a StorageContract subclass");
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    @DisplayName("declares lacking only what its storage does not provide, so that every store it provides is checked")
    void declaresOnlyWhatItLacks() {
        for (Capability capability : declaredLacking(getClass())) {
            assertThat(capability.providedBy(storage()))
                    .withFailMessage("%s declares @ProvidesNo(%s), but its storage provides the %s, which so goes"
                            + " unchecked. Remove %s from @ProvidesNo.", getClass().getSimpleName(), capability,
                            capability.noun, capability)
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("its ticket store passes the TicketStore contract")
    class Tickets extends TicketStoreContract {
        @Override
        protected TicketStore createStore() {
            return storage().tickets();
        }

        @Override
        protected Transactions transactions() {
            return storage().transactions();
        }

        @Override
        protected boolean waitsForAnotherUnit(Thread unit) {
            return StorageContract.this.waitsForAnotherUnit(unit);
        }
    }

    @Nested
    @DisplayName("its definition store passes the DefinitionStore contract")
    class Definitions extends DefinitionStoreContract {
        @Override
        protected DefinitionStore createStore() {
            return storage().definitions();
        }
    }

    @Nested
    @WhenProvided(Capability.CONTACTS)
    @DisplayName("its contact store passes the ContactStore contract")
    class Contacts extends ContactStoreContract {
        @Override
        protected ContactStore createStore() {
            return provided(storage().contacts(), Capability.CONTACTS);
        }
    }

    @Nested
    @WhenProvided(Capability.ATTACHMENTS)
    @DisplayName("its attachment store passes the AttachmentStore contract")
    class Attachments extends AttachmentStoreContract {
        @Override
        protected AttachmentStore createStore() {
            return provided(storage().attachments(), Capability.ATTACHMENTS);
        }
    }

    @Nested
    @WhenProvided(Capability.ORGANIZATIONS)
    @DisplayName("its organization store passes the OrganizationStore contract")
    class Organizations extends OrganizationStoreContract {
        @Override
        protected OrganizationStore createStore() {
            return provided(storage().organizations(), Capability.ORGANIZATIONS);
        }
    }

    @Nested
    @WhenProvided(Capability.CONSENTS)
    @DisplayName("its consent store passes the ConsentStore contract")
    class Consents extends ConsentStoreContract {
        @Override
        protected ConsentStore createStore() {
            return provided(storage().consents(), Capability.CONSENTS);
        }
    }

    @Nested
    @WhenProvided(Capability.CONSENT_REQUESTS)
    @DisplayName("its consent request store passes the ConsentRequestStore contract")
    class ConsentRequests extends ConsentRequestStoreContract {
        @Override
        protected ConsentRequestStore createStore() {
            return provided(storage().consentRequests(), Capability.CONSENT_REQUESTS);
        }
    }

    @Nested
    @WhenProvided(Capability.AUDIT_LOG)
    @DisplayName("its audit log passes the AuditLog contract")
    class Audit extends AuditLogContract {
        @Override
        protected AuditLog createLog() {
            return provided(storage().audit(), Capability.AUDIT_LOG);
        }
    }

    @Nested
    @WhenProvided(Capability.TIMERS)
    @DisplayName("its timer store passes the TimerStore contract")
    class Timers extends TimerStoreContract {
        Timers() {
            super(StorageContract.this.clock);
        }

        @Override
        protected TimerStore createStore(Clock given) {
            return provided(storage().timers(), Capability.TIMERS);
        }

        @Override
        protected void advanceStoreClock(Duration by) {
            advanceStorageClock(by);
        }

        @Override
        protected Transactions transactions() {
            return storage().transactions();
        }
    }

    @Nested
    @WhenProvided(Capability.OUTBOX)
    @DisplayName("its outbox store passes the OutboxStore contract")
    class Outbox extends OutboxStoreContract {
        Outbox() {
            super(StorageContract.this.clock);
        }

        @Override
        protected OutboxStore createStore(Clock given) {
            return provided(storage().outbox(), Capability.OUTBOX);
        }

        @Override
        protected void advanceStoreClock(Duration by) {
            advanceStorageClock(by);
        }

        @Override
        protected Transactions transactions() {
            return storage().transactions();
        }
    }

    @Nested
    @WhenProvided(Capability.ERASURE_JOURNAL)
    @DisplayName("its erasure journal passes the ErasureJournal contract")
    class Journal extends ErasureJournalContract {
        @Override
        protected ErasureJournal createJournal() {
            return provided(storage().erasureJournal(), Capability.ERASURE_JOURNAL);
        }
    }

    @Nested
    @WhenProvided(Capability.IDEMPOTENCY)
    @DisplayName("its idempotency store passes the IdempotencyStore contract")
    class Idempotency extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore createStore() {
            return provided(storage().idempotency(), Capability.IDEMPOTENCY);
        }

        @Override
        protected Transactions transactions() {
            return storage().transactions();
        }
    }

    @Nested
    @WhenProvided(Capability.MAIL)
    @DisplayName("its mail store passes the MailStore contract")
    class Mail extends MailStoreContract {
        @Override
        protected MailStore createStore() {
            return provided(storage().mailStore(), Capability.MAIL);
        }

        @Override
        protected Transactions transactions() {
            return storage().transactions();
        }
    }

    @Nested
    @WhenProvided(Capability.UNITS_OF_WORK)
    @DisplayName("its units of work pass the Transactions contract across its ticket and definition stores")
    class UnitsOfWork extends TransactionsContract {
        @BeforeEach
        void requireUnitsOfWork() {
            assumeTrue(Capability.UNITS_OF_WORK.providedBy(storage()), Capability.UNITS_OF_WORK::missing);
        }

        @Override
        protected Transactions transactions() {
            return storage().transactions();
        }

        @Override
        protected TicketStore ticketStore() {
            return storage().tickets();
        }

        @Override
        protected DefinitionStore definitionStore() {
            return storage().definitions();
        }
    }
}
