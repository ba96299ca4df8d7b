package dev.tiketti.jpa;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.jpa.internal.Args;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.core.spi.ConsentRequestStore;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.core.spi.IdempotencyStore;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.OutboxStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.Storage;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.jpa.internal.EntityManagers;
import dev.tiketti.jpa.internal.Failures;
import dev.tiketti.jpa.internal.JpaAttachmentStore;
import dev.tiketti.jpa.internal.JpaAuditLog;
import dev.tiketti.jpa.internal.JpaConsentRequestStore;
import dev.tiketti.jpa.internal.JpaConsentStore;
import dev.tiketti.jpa.internal.JpaContactStore;
import dev.tiketti.jpa.internal.JpaOrganizationStore;
import dev.tiketti.jpa.internal.JpaIdempotencyStore;
import dev.tiketti.jpa.internal.JpaMailStore;
import dev.tiketti.jpa.internal.JpaOutboxStore;
import dev.tiketti.jpa.internal.JpaDefinitionStore;
import dev.tiketti.jpa.internal.JpaTicketStore;
import dev.tiketti.jpa.internal.JpaTimerStore;
import dev.tiketti.jpa.internal.ManagedUnitOfWork;
import dev.tiketti.jpa.internal.ResourceLocalUnitOfWork;
import dev.tiketti.jpa.internal.Schema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The Jakarta Persistence storage of Tiketti: every store but the erasure journal, and the units
 * of work, as one {@link Storage} bundle for {@code Ticketing.builder().storage(...)}, backed by H2
 * or PostgreSQL through Hibernate ORM. The typed accessors ({@link #ticketStore()} …) are there
 * to wire or use a single store.
 *
 * <pre>{@code
 * JpaStorage storage = JpaStorage.builder().dataSource(dataSource).migrate(true).build();
 * Ticketing ticketing = Ticketing.builder()
 *         .storage(storage)
 *         .erasureJournal(journal)    // kept apart from the database it protects
 *         ...
 * }</pre>
 *
 * <p>Three ways to obtain one: {@link #builder()} builds and owns an EntityManagerFactory over a
 * DataSource; {@link #of(EntityManagerFactory)} uses the host's factory (its persistence unit must
 * list {@link #managedClassNames()}) with resource-local transactions; {@link #managed} joins a
 * host that owns transactions and EntityManagers (JTA, Spring). Each checks at start-up that the
 * schema is at the version this code needs and otherwise fails with
 * {@link ErrorCode#STORAGE_SCHEMA_MISMATCH}, naming the migrations to run.
 *
 * @since 0.1
 */
public final class JpaStorage implements Storage, AutoCloseable {
    private final TicketStore tickets;
    private final DefinitionStore definitions;
    private final AttachmentStore attachments;
    private final ContactStore contacts;
    private final OrganizationStore organizations;
    private final ConsentStore consents;
    private final JpaTimerStore timers;
    private final AuditLog auditLog;
    private final ConsentRequestStore consentRequests;
    private final JpaOutboxStore outbox;
    private final JpaIdempotencyStore idempotency;
    private final JpaMailStore mail;
    private final Transactions transactions;
    private final @Nullable EntityManagerFactory owned;

    private JpaStorage(EntityManagers ems, Transactions transactions, @Nullable EntityManagerFactory owned) {
        this.tickets = new JpaTicketStore(ems);
        this.definitions = new JpaDefinitionStore(ems);
        this.attachments = new JpaAttachmentStore(ems);
        this.contacts = new JpaContactStore(ems);
        this.organizations = new JpaOrganizationStore(ems);
        this.consents = new JpaConsentStore(ems);
        this.timers = new JpaTimerStore(ems);
        this.auditLog = new JpaAuditLog(ems);
        this.consentRequests = new JpaConsentRequestStore(ems);
        this.outbox = new JpaOutboxStore(ems);
        this.idempotency = new JpaIdempotencyStore(ems);
        this.mail = new JpaMailStore(ems);
        this.transactions = transactions;
        this.owned = owned;
    }

    /**
     * Storage on the host's EntityManagerFactory with resource-local transactions run by
     * {@link #transactions()}. The factory's persistence unit must include
     * {@link #managedClassNames()}; the schema must be migrated.
     */
    public static JpaStorage of(EntityManagerFactory entityManagerFactory) {
        Args.nonNull(entityManagerFactory, "entityManagerFactory");
        requireEntities(entityManagerFactory);
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            Schema.check(em);
        } finally {
            em.close();
        }
        ResourceLocalUnitOfWork work = new ResourceLocalUnitOfWork(entityManagerFactory);
        return new JpaStorage(work, work, null);
    }

    /**
     * Storage inside a host that owns transactions and EntityManagers (a JTA container, Spring):
     * every store call uses {@code currentEntityManager} (the EntityManager of the transaction
     * active on the calling thread, e.g. a container-injected, transaction-scoped one), and
     * {@link #transactions()} is {@code hostTransactions} (e.g. a {@code UserTransaction} or a
     * {@code TransactionTemplate} running the work, joining an active transaction).
     */
    public static JpaStorage managed(Supplier<EntityManager> currentEntityManager, Transactions hostTransactions) {
        Args.nonNull(currentEntityManager, "currentEntityManager");
        Args.nonNull(hostTransactions, "hostTransactions");
        hostTransactions.inTransaction(() -> {
            EntityManager em = currentEntityManager.get();
            requireEntities(em.getEntityManagerFactory());
            Schema.check(em);
            return null;
        });
        return new JpaStorage(new ManagedUnitOfWork(currentEntityManager), hostTransactions, null);
    }

    /** A builder that creates (and on {@link #close()} closes) the EntityManagerFactory itself. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Applies the pending Tiketti migrations to the database behind {@code dataSource} with Flyway
     * (history table {@code tkt_schema_history}); returns how many ran.
     */
    public static int migrate(DataSource dataSource) {
        return Schema.migrate(Args.nonNull(dataSource, "dataSource"));
    }

    /** The entity classes a host's persistence unit must list to use {@link #of(EntityManagerFactory)}. */
    public static List<String> managedClassNames() {
        return Schema.ENTITIES.stream().map(Class::getName).toList();
    }

    /** The schema version this code needs (the highest migration shipped). */
    public static int schemaVersion() {
        return Schema.REQUIRED_VERSION;
    }

    public TicketStore ticketStore() {
        return tickets;
    }

    public DefinitionStore definitionStore() {
        return definitions;
    }

    public AttachmentStore attachmentStore() {
        return attachments;
    }

    public ContactStore contactStore() {
        return contacts;
    }

    /** Organisations and memberships of the customer register. */
    public OrganizationStore organizationStore() {
        return organizations;
    }

    /** Processing purposes and consent records. */
    public ConsentStore consentStore() {
        return consents;
    }

    /**
     * Durable timers claimed with {@code FOR UPDATE SKIP LOCKED}, leases on the database clock;
     * completion joins {@link #transactions()}.
     */
    public TimerStore timerStore() {
        return timers;
    }

    /** The append-only log of reads of contacts' personal data. */
    public AuditLog auditLog() {
        return auditLog;
    }

    /** Consent requests awaiting an answer, found by the digest of their reply token. */
    public ConsentRequestStore consentRequestStore() {
        return consentRequests;
    }

    /**
     * The transactional outbox for {@code Ticketing.builder().outboxStore(...)}: events and messages
     * are written in the change's own transaction and delivered after commit, at least once, by this
     * node or — after a crash — by any node sharing the database. Leases on the database clock.
     */
    public OutboxStore outboxStore() {
        return outbox;
    }

    /**
     * Idempotency keys for {@code Ticketing.builder().idempotencyStore(...)}: a keyed open or added
     * entry happens once, also when two nodes make it at once (the table's primary key decides).
     */
    public IdempotencyStore idempotencyStore() {
        return idempotency;
    }

    /**
     * Units of work for {@code Ticketing.builder().transactions(...)}: a resource-local
     * transaction that joins one already running on the calling thread; stores called outside
     * one run in a short transaction of their own.
     */
    @Override
    public Transactions transactions() {
        return transactions;
    }

    // ---------------------------------------------------------------- the Storage bundle

    @Override
    public TicketStore tickets() {
        return ticketStore();
    }

    @Override
    public DefinitionStore definitions() {
        return definitionStore();
    }

    @Override
    public Optional<ContactStore> contacts() {
        return Optional.of(contactStore());
    }

    @Override
    public Optional<AttachmentStore> attachments() {
        return Optional.of(attachmentStore());
    }

    @Override
    public Optional<OrganizationStore> organizations() {
        return Optional.of(organizationStore());
    }

    @Override
    public Optional<ConsentStore> consents() {
        return Optional.of(consentStore());
    }

    @Override
    public Optional<ConsentRequestStore> consentRequests() {
        return Optional.of(consentRequestStore());
    }

    @Override
    public Optional<AuditLog> audit() {
        return Optional.of(auditLog());
    }

    @Override
    public Optional<TimerStore> timers() {
        return Optional.of(timerStore());
    }

    @Override
    public Optional<OutboxStore> outbox() {
        return Optional.of(outboxStore());
    }

    @Override
    public Optional<IdempotencyStore> idempotency() {
        return Optional.of(idempotencyStore());
    }

    /**
     * What the mail channel keeps (mailbox states, quarantined messages, failing addresses, the loop
     * brake's counters) on the {@code tkt_mail_*} tables; the mail module takes it from here (it is
     * not wired into the builder, so there is no separate accessor). Quarantining is idempotent by
     * message key and failure marks count every bounce, also when two nodes write at once.
     */
    @Override
    public Optional<MailStore> mailStore() {
        return Optional.of(mail);
    }


    /** Closes the EntityManagerFactory if this storage created it ({@link #builder()}); otherwise nothing. */
    @Override
    public void close() {
        if (owned != null && owned.isOpen()) {
            owned.close();
        }
    }

    private static void requireEntities(EntityManagerFactory emf) {
        try {
            for (Class<?> entity : Schema.ENTITIES) {
                emf.getMetamodel().entity(entity);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ErrorCode.STORAGE_SCHEMA_MISMATCH, "The EntityManagerFactory does not"
                    + " map Tiketti's entities. Add JpaStorage.managedClassNames() to its persistence unit"
                    + " (or build the storage with JpaStorage.builder().dataSource(...)).", List.of());
        }
    }

    /**
     * Builds a {@link JpaStorage} over a DataSource: optionally migrates the schema, checks its
     * version, and creates a Hibernate EntityManagerFactory that validates the mapping
     * ({@code hibernate.hbm2ddl.auto=validate}; the schema is never generated). It does not log the
     * driver's messages about failed statements ({@code hibernate.jdbc.log.errors=false}), as they
     * quote the values written; the exceptions name the SQL state without them.
     */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private boolean migrate;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder() {
        }

        /** The database (H2 or PostgreSQL); a pooled DataSource in production. */
        public Builder dataSource(DataSource value) {
            Args.nonNull(value, "dataSource");
            if (dataSource != null) {
                throw new ConfigurationException(ErrorCode.INVALID_CONFIGURATION,
                        "dataSource was already set; set it once", List.of());
            }
            dataSource = value;
            return this;
        }

        /** Whether {@link #build()} first applies pending migrations with Flyway (default: no, only check). */
        public Builder migrate(boolean value) {
            migrate = value;
            return this;
        }

        /**
         * An extra persistence-unit property, e.g. {@code hibernate.jdbc.batch_size}. Properties that
         * would generate the schema are refused.
         */
        public Builder property(String name, Object value) {
            Args.notBlank(name, "property name");
            Args.nonNull(value, "property value");
            if ((name.equals("hibernate.hbm2ddl.auto") || name.startsWith("jakarta.persistence.schema-generation"))
                    && !List.of("validate", "none").contains(String.valueOf(value))) {
                throw new ConfigurationException(ErrorCode.INVALID_CONFIGURATION, "Property " + name + "=" + value
                        + " would let Hibernate change the schema; Tiketti's schema comes only from its migrations."
                        + " Use JpaStorage.migrate(dataSource) instead.", List.of());
            }
            properties.put(name, value);
            return this;
        }

        public JpaStorage build() {
            if (dataSource == null) {
                throw new ConfigurationException(ErrorCode.INVALID_CONFIGURATION, "JpaStorage cannot be built",
                        List.of("dataSource is not set: call JpaStorage.builder().dataSource(...)"));
            }
            if (dataSource.getClass().getName().equals("org.h2.jdbcx.JdbcConnectionPool")) {
                // Measured: under Hibernate each checkout costs an INFORMATION_SCHEMA query that grows with
                // the file (see docs/storage.md#connection-pools); nothing wrong, only slow.
                LoggerFactory.getLogger(JpaStorage.class).warn("JpaStorage runs on H2's JdbcConnectionPool, which"
                        + " makes every unit of work slower the larger the database file grows. Use a pool that keeps"
                        + " its physical connections, such as HikariCP (docs/storage.md, Connection pools).");
            }
            if (migrate) {
                Schema.migrate(dataSource);
            }
            Schema.check(dataSource);
            PersistenceConfiguration cfg = new PersistenceConfiguration("tiketti")
                    .provider("org.hibernate.jpa.HibernatePersistenceProvider")
                    .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                    .property("jakarta.persistence.nonJtaDataSource", dataSource)
                    .property("hibernate.hbm2ddl.auto", "validate")
                    .property("hibernate.jdbc.batch_size", 50)
                    .property("hibernate.jdbc.time_zone", "UTC")
                    .property("hibernate.connection.provider_disables_autocommit", false)
                    // Hibernate would log each failed statement's driver message at WARN, and those
                    // quote the refused values (issue #20); the exception says what failed instead.
                    .property("hibernate.jdbc.log.errors", false);
            Schema.ENTITIES.forEach(cfg::managedClass);
            properties.forEach(cfg::property);
            EntityManagerFactory emf;
            try {
                emf = cfg.createEntityManagerFactory();
            } catch (PersistenceException e) {
                if (Failures.isUnavailable(e)) { // gone since the schema check: not a mapping problem
                    throw Failures.translate(e, "starting the persistence unit");
                }
                throw new ConfigurationException(ErrorCode.STORAGE_SCHEMA_MISMATCH, "The Tiketti tables do not match"
                        + " the mapping of this ticketing-jpa (" + rootMessage(e) + "). The schema version is"
                        + " right, so a table was probably changed by hand: compare it with the migrations in"
                        + " db/tiketti/ of the ticketing-jpa jar (docs/storage.md#migrations).", e);
            }
            ResourceLocalUnitOfWork work = new ResourceLocalUnitOfWork(emf);
            return new JpaStorage(work, work, emf);
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return String.valueOf(t.getMessage());
        }
    }
}
