package dev.tiketti.core;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.inmemory.InMemoryAttachmentStore;
import dev.tiketti.core.inmemory.InMemoryAuditLog;
import dev.tiketti.core.inmemory.InMemoryConsentRequestStore;
import dev.tiketti.core.inmemory.InMemoryConsentStore;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.inmemory.InMemoryErasureJournal;
import dev.tiketti.core.inmemory.InMemoryIdempotencyStore;
import dev.tiketti.core.inmemory.InMemoryMailStore;
import dev.tiketti.core.inmemory.InMemoryOrganizationStore;
import dev.tiketti.core.inmemory.InMemorySearchIndex;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.internal.AccessService;
import dev.tiketti.core.internal.ConfigProblems;
import dev.tiketti.core.internal.ConsentRequests;
import dev.tiketti.core.internal.ConsentService;
import dev.tiketti.core.internal.CustomerRegister;
import dev.tiketti.core.internal.DefinitionService;
import dev.tiketti.core.internal.Dispatcher;
import dev.tiketti.core.internal.ErasureEngine;
import dev.tiketti.core.internal.ErasureService;
import dev.tiketti.core.internal.NamedListener;
import dev.tiketti.core.internal.IdempotentChanges;
import dev.tiketti.core.internal.OutboxRetry;
import dev.tiketti.core.internal.PendingEvents;
import dev.tiketti.core.internal.PrivacyRules;
import dev.tiketti.core.internal.PrivacyService;
import dev.tiketti.core.internal.RegisterService;
import dev.tiketti.core.internal.RetentionService;
import dev.tiketti.core.internal.SearchSync;
import dev.tiketti.core.internal.SlaScheduler;
import dev.tiketti.core.internal.SlaService;
import dev.tiketti.core.internal.StoredAttachments;
import dev.tiketti.core.internal.TicketService;
import dev.tiketti.core.internal.TrackedTransactions;
import dev.tiketti.core.privacy.ConsentRequestTemplate;
import dev.tiketti.core.privacy.ErasurePolicy;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.sla.ReminderRule;
import dev.tiketti.core.sla.SlaPolicies;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.core.spi.ConsentRequestStore;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.ErasureJournal;
import dev.tiketti.core.spi.EventListener;
import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.spi.OutboxDelivery;
import dev.tiketti.core.spi.IdempotencyStore;
import dev.tiketti.core.spi.MailStore;
import dev.tiketti.core.spi.OutboxStore;
import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.core.spi.Storage;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.timer.TimerService;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a {@link Ticketing}, option by option, grouped by concept: storage, transport, time, SLA,
 * privacy and events. Each option may be set once and is checked when set; {@link #build()}
 * reports every missing or contradictory option in one {@link ConfigurationException} and logs
 * the final wiring once.
 *
 * @since 0.1
 */
public final class TicketingBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(Ticketing.class);
    private static final String BY_STORAGE = "by storage(...)";
    private static final String BY_IN_MEMORY = "by inMemory()";

    TicketingBuilder() {
    }

    // ================================================================ storage

    private final Slot<Storage> storage = new Slot<>("storage");
    private final Slot<TicketStore> tickets = new Slot<>("ticketStore");
    private final Slot<DefinitionStore> definitions = new Slot<>("definitionStore");
    private final Slot<ContactStore> contacts = new Slot<>("contactStore");
    private final Slot<AttachmentStore> attachments = new Slot<>("attachmentStore");
    private final Slot<OrganizationStore> organizations = new Slot<>("organizationStore");
    private final Slot<ConsentStore> consents = new Slot<>("consentStore");
    private final Slot<ConsentRequestStore> consentRequests = new Slot<>("consentRequestStore");
    private final Slot<AuditLog> auditLog = new Slot<>("auditLog");
    private final Slot<ErasureJournal> erasureJournal = new Slot<>("erasureJournal");
    private final Slot<TimerStore> timerStore = new Slot<>("timerStore");
    private final Slot<OutboxStore> outbox = new Slot<>("outboxStore");
    private final Slot<IdempotencyStore> idempotency = new Slot<>("idempotencyStore");
    private final Slot<MailStore> mailStore = new Slot<>("mailStore");
    private final Slot<SearchIndex> searchIndex = new Slot<>("searchIndex");
    private final Slot<Transactions> transactions = new Slot<>("transactions");
    private boolean inMemory;

    /**
     * Every store the adapter bundle provides, and its units of work. A store set explicitly with
     * its own method wins, whichever is called first; stores the bundle lacks must be set on their
     * own (or filled by {@link #inMemory()}).
     */
    public TicketingBuilder storage(Storage value) {
        storage.set(value, "explicitly");
        return this;
    }

    public TicketingBuilder ticketStore(TicketStore store) {
        tickets.set(store, "explicitly");
        return this;
    }

    public TicketingBuilder definitionStore(DefinitionStore store) {
        definitions.set(store, "explicitly");
        return this;
    }

    public TicketingBuilder contactStore(ContactStore store) {
        contacts.set(store, "explicitly");
        return this;
    }

    public TicketingBuilder attachmentStore(AttachmentStore store) {
        attachments.set(store, "explicitly");
        return this;
    }

    public TicketingBuilder organizationStore(OrganizationStore store) {
        organizations.set(store, "explicitly");
        return this;
    }

    public TicketingBuilder consentStore(ConsentStore store) {
        consents.set(store, "explicitly");
        return this;
    }

    /** Where consent requests wait for their answer (R8 consent-request flow). */
    public TicketingBuilder consentRequestStore(ConsentRequestStore store) {
        consentRequests.set(store, "explicitly");
        return this;
    }

    /** Where reads of personal data are recorded (R8 accountability). */
    public TicketingBuilder auditLog(AuditLog log) {
        auditLog.set(log, "explicitly");
        return this;
    }

    /** Where erasure runs record their progress; must survive restores of the other stores. */
    public TicketingBuilder erasureJournal(ErasureJournal journal) {
        erasureJournal.set(journal, "explicitly");
        return this;
    }

    /**
     * Where SLA and reminder timers are kept; several instances may share one. Filled by
     * {@link #inMemory()} with an {@link InMemoryTimerStore} on this builder's clock.
     */
    public TicketingBuilder timerStore(TimerStore store) {
        timerStore.set(store, "explicitly");
        return this;
    }

    /**
     * A transactional outbox: each change's events and messages are written to it in the change's
     * own unit of work and delivered after commit, at least once — what a crash or a failed
     * listener left behind is delivered again by {@code events().deliverPending()} (also on another
     * node sharing the store), with the same {@code EventDelivery.id()}. Without one, events are
     * delivered once, after commit, by the node that made the change. Needs Jackson on the class
     * path (ticketing-jpa brings it).
     */
    public TicketingBuilder outboxStore(OutboxStore store) {
        outbox.set(store, "explicitly");
        return this;
    }

    /**
     * The record of idempotency keys, which makes {@code open} and {@code addEntry} with a key
     * ({@code OpenTicket.idempotencyKey}, {@code NewEntry.withIdempotencyKey}) happen once: the mail
     * module's exactly-once ingestion, and retries after an unknown commit outcome, rely on it.
     * Filled by {@link #inMemory()}; must share the ticket store's units of work.
     */
    public TicketingBuilder idempotencyStore(IdempotencyStore store) {
        idempotency.set(store, "explicitly");
        return this;
    }

    /**
     * What the mail channel keeps (quarantined messages, failing addresses, automatic-mail
     * records), so that erasure forgets the erased person's addresses there too and deletes the
     * quarantined raw messages (R8). Filled from {@link #storage} and by {@link #inMemory()};
     * optional: without one, erasure has no mail data to forget.
     */
    public TicketingBuilder mailStore(MailStore store) {
        mailStore.set(store, "explicitly");
        return this;
    }

    /**
     * Where tickets are indexed for {@code search()} (R3); filled by {@link #inMemory()} with an
     * {@link InMemorySearchIndex}. Optional: without one {@code search().find} fails with
     * {@code SEARCH_NOT_CONFIGURED}. Kept current after each commit and by erasure and retention,
     * so it forgets erased data (R8). Nodes that share stores must share one index too.
     */
    public TicketingBuilder searchIndex(SearchIndex index) {
        searchIndex.set(index, "explicitly");
        return this;
    }

    /** How units of work are made atomic; defaults to the storage's, else {@link Transactions#none()}. */
    public TicketingBuilder transactions(Transactions value) {
        transactions.set(value, "explicitly");
        return this;
    }

    /**
     * Fills every store and the transport not set explicitly or by {@link #storage} with the
     * in-memory reference implementations (the transport records instead of sending).
     */
    public TicketingBuilder inMemory() {
        inMemory = true;
        return this;
    }

    // ================================================================ transport

    private final Slot<OutboundTransport> outbound = new Slot<>("outboundTransport");

    /** How replies, notifications and consent requests leave (SMTP in production). */
    public TicketingBuilder outboundTransport(OutboundTransport transport) {
        outbound.set(transport, "explicitly");
        return this;
    }

    // ================================================================ time

    private final Slot<Clock> clock = new Slot<>("clock");
    private final Slot<String> timerOwner = new Slot<>("timerOwner");
    private final Slot<Duration> timerLease = new Slot<>("timerLease");
    private final Slot<Duration> timerPollInterval = new Slot<>("timerPollInterval");

    /** Where all time comes from; defaults to {@link Clock#systemUTC()}. */
    public TicketingBuilder clock(Clock value) {
        clock.set(value, "explicitly");
        return this;
    }

    /** This node's owner id on timer claims and outbox leases (default: random per instance). */
    public TicketingBuilder timerOwner(String owner) {
        Require.notBlank(owner, "timer owner");
        timerOwner.set(owner, "explicitly");
        return this;
    }

    /** How long a claimed timer excludes other nodes (default 1 minute); longer than the slowest handler. */
    public TicketingBuilder timerLease(Duration lease) {
        timerLease.set(positive(lease, "timerLease"), "explicitly");
        return this;
    }

    /** Pause of the built-in poller ({@link TimerService#start()}) between passes (default 1 second). */
    public TicketingBuilder timerPollInterval(Duration interval) {
        timerPollInterval.set(positive(interval, "timerPollInterval"), "explicitly");
        return this;
    }

    // ================================================================ SLA

    private final Slot<SlaPolicies> slaPolicies = new Slot<>("slaPolicies");
    private final Map<String, ReminderRule> reminders = new LinkedHashMap<>();
    private final Map<TeamId, AgentId> teamLeads = new LinkedHashMap<>();
    private final Map<AgentId, AgentId> pairs = new LinkedHashMap<>();

    /**
     * The SLA configuration: calendars, policies, rules and fallback. With it, every change of a
     * ticket (re)schedules its warning and breach timers, fired through {@code Ticketing.timers()}.
     */
    public TicketingBuilder slaPolicies(SlaPolicies value) {
        slaPolicies.set(value, "explicitly");
        return this;
    }

    /** Adds a reminder rule (R6); names must be unique. */
    public TicketingBuilder reminder(ReminderRule rule) {
        Require.nonNull(rule, "reminder rule");
        if (reminders.putIfAbsent(rule.name(), rule) != null) {
            throw ConfigProblems.reminderTwice(rule.name());
        }
        return this;
    }

    /** The lead of a team: notified by {@code NotifyTeamLead}, assignee of {@code reassignToTeamLead()}. */
    public TicketingBuilder teamLead(TeamId team, AgentId lead) {
        Require.nonNull(team, "team");
        Require.nonNull(lead, "team lead");
        if (teamLeads.putIfAbsent(team, lead) != null) {
            throw ConfigProblems.teamLeadTwice(team);
        }
        return this;
    }

    /** An agent's pair (stand-in), the assignee of {@code reassignToPair()}. */
    public TicketingBuilder pair(AgentId agent, AgentId pair) {
        Require.nonNull(agent, "agent");
        Require.nonNull(pair, "pair");
        if (agent.equals(pair) || pairs.putIfAbsent(agent, pair) != null) {
            throw ConfigProblems.pairInvalid(agent);
        }
        return this;
    }

    // ================================================================ privacy

    private final Slot<ErasurePolicy> erasurePolicy = new Slot<>("erasurePolicy");
    private final Slot<PurposeId> legalBasisRule = new Slot<>("requireLegalBasis");
    private final Slot<String> privacyNoticeUrl = new Slot<>("privacyNoticeUrl");
    private final Slot<ConsentRequestTemplate> consentRequestTemplate = new Slot<>("consentRequestTemplate");
    private final Slot<Duration> consentRequestValidity = new Slot<>("consentRequestValidity");

    /** The policy {@code privacy().erasure().erase(request)} applies; defaults to {@link ErasurePolicy#standard()}. */
    public TicketingBuilder erasurePolicy(ErasurePolicy policy) {
        erasurePolicy.set(policy, "explicitly");
        return this;
    }

    /**
     * Turns on the rule "no contact without a legal basis" (off by default): opening a ticket for a
     * contact, and any message to a contact (public replies, requester notifications), then needs
     * a consent or other basis in effect for {@code purpose}, else fails with {@code NO_LEGAL_BASIS}
     * (or {@code CONSENT_WITHDRAWN}) and nothing changes. The purpose must be registered before use.
     */
    public TicketingBuilder requireLegalBasis(PurposeId purpose) {
        legalBasisRule.set(purpose, "explicitly");
        return this;
    }

    /**
     * The privacy notice's address, offered to workflow templates as {@code {privacyNoticeUrl}}
     * (R8 transparency); an absolute http(s) URL. Without it the placeholder expands to nothing.
     */
    public TicketingBuilder privacyNoticeUrl(String url) {
        Require.notBlank(url, "privacy notice URL");
        try {
            URI uri = new URI(url.strip());
            Require.argument(uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme())), () -> ConfigProblems.privacyNoticeUrlNotHttp(url));
        } catch (URISyntaxException e) {
            throw ConfigProblems.privacyNoticeUrlNotUri(url, e.getReason());
        }
        privacyNoticeUrl.set(url.strip(), "explicitly");
        return this;
    }

    /** The mail {@code privacy().consents().request(...)} sends; defaults to {@link ConsentRequestTemplate#standard()}. */
    public TicketingBuilder consentRequestTemplate(ConsentRequestTemplate template) {
        consentRequestTemplate.set(template, "explicitly");
        return this;
    }

    /**
     * How long a consent request's reply token can be used, on the builder's clock; defaults to
     * 30 days. Must be positive and at most a year ({@code INVALID_OPTION_VALUE} otherwise).
     */
    public TicketingBuilder consentRequestValidity(Duration validity) {
        Require.nonNull(validity, "consent request validity");
        Require.argument(!validity.isNegative() && !validity.isZero() && validity.compareTo(Duration.ofDays(366)) <= 0,
                () -> ConfigProblems.consentRequestValidity(validity));
        consentRequestValidity.set(validity, "explicitly");
        return this;
    }

    // ================================================================ events

    private final List<EventListener> listeners = new ArrayList<>();
    private final Slot<Duration> outboxLease = new Slot<>("outboxLease");
    private final Slot<Backoff> outboxRetryBackoff = new Slot<>("outboxRetryBackoff");
    private final Slot<Integer> outboxMaxAttempts = new Slot<>("outboxMaxAttempts");

    /** The back-off range of {@link #outboxRetryBackoff}. */
    private record Backoff(Duration first, Duration max) {
    }

    /**
     * Adds a listener for domain events, known by its {@link EventListener#name()}; listeners run in
     * the order added. With an outbox store, names must be unique: {@link #build()} reports a clash.
     */
    public TicketingBuilder listener(EventListener listener) {
        listeners.add(Require.nonNull(listener, "listener"));
        return this;
    }

    /**
     * Adds a listener under {@code name} instead of its {@link EventListener#name()}: the stable
     * identity by which the outbox tracks what the listener took, and by which dead deliveries name
     * it. Keep it when the class is renamed or moved; at most 200 characters.
     */
    public TicketingBuilder listener(String name, EventListener listener) {
        Require.notBlank(name, "listener name");
        Require.nonNull(listener, "listener");
        Require.argument(name.strip().length() <= OutboxDelivery.MAX_RECIPIENT,
                () -> ConfigProblems.listenerNameTooLong(name.strip()));
        listeners.add(new NamedListener(name.strip(), listener));
        return this;
    }

    /**
     * How long the node that made a change has to deliver its events before another may
     * (default 1 minute); longer than the slowest listener.
     */
    public TicketingBuilder outboxLease(Duration lease) {
        Require.nonNull(lease, "outboxLease");
        Require.argument(!lease.isZero() && !lease.isNegative(), () -> ConfigProblems.outboxLeaseNotPositive(lease));
        outboxLease.set(lease, "explicitly");
        return this;
    }

    /**
     * How long a failed delivery waits before it is tried again: {@code first} after the first failed
     * attempt, doubling after each further one, never more than {@code max} (default 10 seconds to
     * 1 hour). Only the listeners (or the transport) that failed are tried again.
     */
    public TicketingBuilder outboxRetryBackoff(Duration first, Duration max) {
        Require.nonNull(first, "first back-off");
        Require.nonNull(max, "longest back-off");
        Require.argument(!first.isZero() && !first.isNegative() && max.compareTo(first) >= 0,
                () -> ConfigProblems.outboxBackoffInvalid(first, max));
        outboxRetryBackoff.set(new Backoff(first, max), "explicitly");
        return this;
    }

    /**
     * After how many failed attempts the delivery of an event to one listener (or of a message to the
     * transport) is given up (default 12, about 3 h 25 min with the default back-off): it is kept as a
     * dead delivery, listed by {@code events().dead()}, until retried or discarded.
     */
    public TicketingBuilder outboxMaxAttempts(int attempts) {
        Require.argument(attempts >= 1, () -> ConfigProblems.outboxMaxAttemptsInvalid(attempts));
        outboxMaxAttempts.set(attempts, "explicitly");
        return this;
    }

    // ================================================================ build

    public Ticketing build() {
        fillStores();
        List<String> problems = new ArrayList<>();
        for (Slot<?> slot : required()) {
            if (slot.value == null) {
                problems.add(ConfigProblems.slotNotSet(slot.name,
                        Optional.ofNullable(storage.value).map(bundle -> bundle.getClass().getName())));
            }
        }
        if (slaConfigured() && timerStore.value == null) {
            problems.add(ConfigProblems.timerStoreNeeded());
        }
        problems.addAll(listenerNameProblems());
        if (!problems.isEmpty()) {
            throw ConfigProblems.cannotBuild(problems);
        }
        Ticketing built = assemble();
        logWiring();
        return built;
    }

    /** Blank or over-long listener names; with an outbox, which track delivery by name, also clashes. */
    private List<String> listenerNameProblems() {
        List<String> found = new ArrayList<>();
        Map<String, List<String>> types = new LinkedHashMap<>();
        for (EventListener l : listeners) {
            String name = l.name();
            String type = (l instanceof NamedListener named ? named.listener() : l).getClass().getName();
            if (name == null || name.isBlank()) {
                found.add(ConfigProblems.listenerNameMissing(type));
            } else if (name.length() > OutboxDelivery.MAX_RECIPIENT) {
                found.add(ConfigProblems.listenerNameTooLongProblem(name));
            } else {
                types.computeIfAbsent(name, n -> new ArrayList<>()).add(type);
            }
        }
        if (outbox.value != null) {
            types.forEach((name, of) -> {
                if (of.size() > 1) {
                    found.add(ConfigProblems.listenerNamesClash(name, of));
                }
            });
        }
        return found;
    }

    private List<Slot<?>> required() {
        return List.of(tickets, definitions, contacts, attachments, outbound, organizations, consents, auditLog,
                erasureJournal, consentRequests);
    }

    /** Explicit adapters first, then the storage bundle's, then (with inMemory()) the reference ones. */
    private void fillStores() {
        Storage s = storage.value;
        if (s != null) {
            tickets.fill(s::tickets, BY_STORAGE);
            definitions.fill(s::definitions, BY_STORAGE);
            fillOptional(contacts, s.contacts());
            fillOptional(attachments, s.attachments());
            fillOptional(organizations, s.organizations());
            fillOptional(consents, s.consents());
            fillOptional(consentRequests, s.consentRequests());
            fillOptional(auditLog, s.audit());
            fillOptional(erasureJournal, s.erasureJournal());
            fillOptional(timerStore, s.timers());
            fillOptional(outbox, s.outbox());
            fillOptional(idempotency, s.idempotency());
            fillOptional(mailStore, s.mailStore());
            transactions.fill(s::transactions, BY_STORAGE);
        }
        if (inMemory) {
            tickets.fill(InMemoryTicketStore::new, BY_IN_MEMORY);
            definitions.fill(InMemoryDefinitionStore::new, BY_IN_MEMORY);
            contacts.fill(InMemoryContactStore::new, BY_IN_MEMORY);
            attachments.fill(InMemoryAttachmentStore::new, BY_IN_MEMORY);
            outbound.fill(RecordingOutboundTransport::new, BY_IN_MEMORY);
            organizations.fill(InMemoryOrganizationStore::new, BY_IN_MEMORY);
            consents.fill(InMemoryConsentStore::new, BY_IN_MEMORY);
            auditLog.fill(InMemoryAuditLog::new, BY_IN_MEMORY);
            erasureJournal.fill(InMemoryErasureJournal::new, BY_IN_MEMORY);
            consentRequests.fill(InMemoryConsentRequestStore::new, BY_IN_MEMORY);
            searchIndex.fill(InMemorySearchIndex::new, BY_IN_MEMORY);
            idempotency.fill(InMemoryIdempotencyStore::new, BY_IN_MEMORY);
            mailStore.fill(InMemoryMailStore::new, BY_IN_MEMORY);
        }
        transactions.fill(Transactions::none, "by default");
        clock.fill(Clock::systemUTC, "by default"); // the one place that may read the wall clock
        if (inMemory && slaConfigured()) {
            Clock onClock = clock.value;
            timerStore.fill(() -> new InMemoryTimerStore(onClock), BY_IN_MEMORY);
        }
    }

    private static <T> void fillOptional(Slot<T> slot, Optional<T> provided) {
        provided.ifPresent(p -> slot.fill(() -> p, BY_STORAGE));
    }

    private boolean slaConfigured() {
        return slaPolicies.value != null || !reminders.isEmpty();
    }

    /** Builds the areas bottom-up: each gets only the collaborators it owns or hands work down to. */
    private Ticketing assemble() {
        Clock time = clock.value;
        TrackedTransactions tx = new TrackedTransactions(transactions.value);
        SearchSync search = new SearchSync(Optional.ofNullable(searchIndex.value), tickets.value, contacts.value);
        String node = timerOwner.value != null ? timerOwner.value : "tiketti-" + UUID.randomUUID();
        Dispatcher dispatcher = new Dispatcher(listeners, outbound.value, search, Optional.ofNullable(outbox.value),
                tx, time, node, outboxLease.value != null ? outboxLease.value : Duration.ofMinutes(1), outboxRetry());
        DefinitionService definitionService = new DefinitionService(definitions.value, tx);
        Optional<SlaScheduler> scheduler = !slaConfigured() ? Optional.empty() : Optional.of(new SlaScheduler(
                Optional.ofNullable(slaPolicies.value), List.copyOf(reminders.values()), teamLeads, pairs,
                tickets.value, definitions.value, timerStore.value, tx, time, dispatcher));
        SlaService sla = new SlaService(Optional.ofNullable(slaPolicies.value), scheduler,
                scheduler.map(s -> timerService(s, time, tx)), tickets.value, time);
        CustomerRegister register = new CustomerRegister(contacts.value, organizations.value, consents.value, time);
        PrivacyRules rules = new PrivacyRules(Optional.ofNullable(legalBasisRule.value),
                Optional.ofNullable(privacyNoticeUrl.value), register);
        StoredAttachments stored = new StoredAttachments(attachments.value);
        TicketService ticketService = new TicketService(tickets.value, contacts.value, definitionService, stored, tx,
                dispatcher, sla, rules, new IdempotentChanges(Optional.ofNullable(idempotency.value), time), time);
        ErasureEngine.Stores stores = new ErasureEngine.Stores(tickets.value, contacts.value, organizations.value,
                consents.value, attachments.value, auditLog.value, erasureJournal.value, tx, search, dispatcher,
                Optional.ofNullable(mailStore.value));
        ErasureEngine.CategoryOfState categories = definitionService.states()::closed;
        ConsentRequests requests = new ConsentRequests(consentRequests.value, contacts.value, consents.value, register,
                outbound.value, tx, orDefault(consentRequestTemplate, ConsentRequestTemplate::standard),
                orDefault(consentRequestValidity, () -> Duration.ofDays(30)),
                Optional.ofNullable(privacyNoticeUrl.value).orElse(""), time);
        PrivacyService privacy = new PrivacyService(
                new RegisterService(register, organizations.value, tx, search),
                new ConsentService(register, requests, rules, tx),
                new AccessService(contacts.value, consents.value, consentRequests.value, organizations.value,
                        tickets.value, auditLog.value, time),
                new ErasureService(stores, categories, orDefault(erasurePolicy, ErasurePolicy::standard),
                        consentRequests.value, time),
                new RetentionService(stores, categories, consentRequests.value, time));
        return new Ticketing(time, ticketService, definitionService, stored, search, new PendingEvents(dispatcher, node),
                sla, privacy);
    }

    private OutboxRetry outboxRetry() {
        Backoff backoff = orDefault(outboxRetryBackoff,
                () -> new Backoff(OutboxRetry.FIRST_BACKOFF, OutboxRetry.MAX_BACKOFF));
        return new OutboxRetry(backoff.first(), backoff.max(), orDefault(outboxMaxAttempts, () -> OutboxRetry.MAX_ATTEMPTS));
    }

    private static <T> T orDefault(Slot<T> slot, Supplier<T> fallback) {
        return slot.value != null ? slot.value : fallback.get();
    }

    private TimerService timerService(SlaScheduler scheduler, Clock time, Transactions tx) {
        TimerService.Builder b = TimerService.builder(timerStore.value).clock(time).transactions(tx);
        if (timerOwner.value != null) {
            b.owner(timerOwner.value);
        }
        if (timerLease.value != null) {
            b.lease(timerLease.value);
        }
        if (timerPollInterval.value != null) {
            b.pollInterval(timerPollInterval.value);
        }
        scheduler.handlers().forEach(b::handler);
        return b.build();
    }

    private void logWiring() {
        Map<String, String> wiring = new LinkedHashMap<>();
        List<Slot<?>> wired = new ArrayList<>(required());
        wired.addAll(List.of(transactions, clock, searchIndex, outbox, timerStore, idempotency, mailStore));
        for (Slot<?> slot : wired) {
            if (slot.value != null) {
                wiring.put(slot.name, slot.value.getClass().getName() + " (" + slot.origin + ")");
            }
        }
        LOG.info("Tiketti wired: {}, {} event listener(s)", wiring, listeners.size());
    }

    private static Duration positive(Duration value, String option) {
        Require.nonNull(value, option);
        if (value.isZero() || value.isNegative()) {
            throw ConfigProblems.timerOptionNotPositive(option, value);
        }
        return value;
    }

    /** One option: set once, explicitly, or filled by a default or a bundle. */
    private static final class Slot<T> {
        final String name;
        T value;
        String origin;

        Slot(String name) {
            this.name = name;
        }

        void set(T newValue, String how) {
            Require.nonNull(newValue, name);
            if (value != null) {
                throw ConfigProblems.optionTwice(name, origin, value.getClass());
            }
            value = newValue;
            origin = how;
        }

        void fill(Supplier<T> supplier, String how) {
            if (value == null) {
                value = supplier.get();
                origin = how;
            }
        }
    }
}
