package dev.tiketti.core;

import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryAttachmentStore;
import dev.tiketti.core.inmemory.InMemoryAuditLog;
import dev.tiketti.core.inmemory.InMemoryConsentStore;
import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.inmemory.InMemoryErasureJournal;
import dev.tiketti.core.inmemory.InMemoryOrganizationStore;
import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.internal.Dispatcher;
import dev.tiketti.core.internal.ErasureEngine;
import dev.tiketti.core.internal.FieldValidation;
import dev.tiketti.core.internal.Problems;
import dev.tiketti.core.internal.Require;
import dev.tiketti.core.internal.SearchSync;
import dev.tiketti.core.internal.SlaScheduler;
import dev.tiketti.core.internal.TrackedTransactions;
import dev.tiketti.core.inmemory.InMemorySearchIndex;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.core.internal.WorkflowEngine;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.sla.ReminderRule;
import dev.tiketti.core.sla.SlaClocks;
import dev.tiketti.core.sla.SlaPolicies;
import dev.tiketti.core.sla.SlaPolicy;
import dev.tiketti.core.privacy.ErasurePolicy;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.AuditLog;
import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.core.spi.ErasureJournal;
import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.core.spi.AttachmentStore;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.EventListener;
import dev.tiketti.core.spi.OutboxStore;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.ConsentRequestStore;
import dev.tiketti.core.inmemory.InMemoryConsentRequestStore;
import dev.tiketti.core.internal.ConsentRequests;
import dev.tiketti.core.privacy.ConsentRequestTemplate;
import dev.tiketti.core.spi.OutboundTransport;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.FieldConstraint;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.FieldViolation;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.StateCategory;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.TransitionDefinition;
import dev.tiketti.core.timer.TimerService;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of Tiketti: define types and workflows, open tickets, move them through
 * their workflow, and read their timeline and history. Build it once with {@link #builder()};
 * it is immutable and thread-safe.
 *
 * <p>Every change runs in one unit of work of the configured {@link Transactions}; events and
 * outbound messages are delivered after it commits. A refused or invalid request changes nothing.
 *
 * @since 0.1
 */
public final class Ticketing {
    private static final Logger LOG = LoggerFactory.getLogger(Ticketing.class);

    private final TicketStore tickets;
    private final DefinitionStore definitions;
    private final ContactStore contacts;
    private final AttachmentStore attachments;
    private final TrackedTransactions transactions;
    private final OutboundTransport outbound;
    private final Clock clock;
    private final Dispatcher dispatcher;
    private final Optional<SlaPolicies> slaPolicies;
    private final Optional<SlaScheduler> sla;
    private final Optional<TimerService> timers;
    private final Privacy privacy;
    private final SearchSync search;

    private Ticketing(Builder b) {
        this.tickets = b.tickets.value;
        this.definitions = b.definitions.value;
        this.contacts = b.contacts.value;
        this.attachments = b.attachments.value;
        this.transactions = new TrackedTransactions(b.transactions.value);
        this.outbound = b.outbound.value;
        this.clock = b.clock.value;
        this.search = new SearchSync(Optional.ofNullable(b.searchIndex.value), tickets, contacts);
        this.dispatcher = b.dispatcher(outbound, search, transactions, clock);
        this.slaPolicies = Optional.ofNullable(b.slaPolicies.value);
        this.sla = b.slaScheduler(dispatcher, tickets, definitions, transactions, clock);
        this.timers = sla.map(s -> b.timerService(s, clock, transactions));
        this.privacy = b.privacy(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The clock all of Tiketti's time comes from. */
    public Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- definitions

    /**
     * Validates {@code draft} and stores it as the next version of its workflow (1 for a new id).
     * Tickets already open keep the version they started with until {@link #upgradeWorkflow}.
     * Types that use this workflow are re-checked against it (fields its guards and effects name).
     *
     * @return the published definition, with its version
     */
    public WorkflowDefinition publishWorkflow(WorkflowDefinition draft) {
        Require.nonNull(draft, "workflow definition");
        draft.validate();
        return transactions.inTransaction(() -> {
            List<String> problems = new ArrayList<>();
            for (TicketType type : definitions.types()) {
                if (type.workflowId().equals(draft.id())) {
                    problems.addAll(typeAgainstWorkflow(type, draft));
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(ErrorCode.INVALID_WORKFLOW, "Workflow '" + draft.id()
                        + "' does not fit the ticket types that use it", problems);
            }
            int next = definitions.latestWorkflow(draft.id()).map(WorkflowDefinition::version).orElse(0) + 1;
            WorkflowDefinition published = draft.withVersion(next);
            definitions.saveWorkflow(published);
            LOG.info("Published workflow '{}' version {}", published.id(), next);
            return published;
        });
    }

    /** The latest published version of a workflow. */
    public Optional<WorkflowDefinition> workflow(String id) {
        return definitions.latestWorkflow(Require.notBlank(id, "workflow id"));
    }

    public Optional<WorkflowDefinition> workflow(String id, int version) {
        return definitions.findWorkflow(Require.notBlank(id, "workflow id"), version);
    }

    /**
     * Creates or replaces a ticket type after checking that its workflow is published, its field
     * names are unique, each constraint suits its field's kind, and every field the workflow's
     * guards and effects name is declared (with effect values the field accepts).
     */
    public TicketType defineType(TicketType type) {
        Require.nonNull(type, "ticket type");
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FieldDefinition field : type.fields()) {
            if (!names.add(field.name())) {
                problems.add("field '" + field.name() + "' is declared more than once");
            }
            for (FieldConstraint c : field.constraints()) {
                if (!c.appliesTo().contains(field.kind())) {
                    problems.add("field '" + field.name() + "' is " + field.kind() + " but has a "
                            + c.getClass().getSimpleName() + " constraint, which applies to " + c.appliesTo());
                }
            }
            if (field.kind() == dev.tiketti.core.ticket.FieldKind.ENUM
                    && field.constraints().stream().noneMatch(FieldConstraint.AllowedValues.class::isInstance)) {
                problems.add("field '" + field.name() + "' is ENUM but lists no allowed values: use FieldDefinition.choice(...)");
            }
        }
        Optional<WorkflowDefinition> workflow = definitions.latestWorkflow(type.workflowId());
        if (workflow.isEmpty()) {
            problems.add("workflow '" + type.workflowId() + "' is not published: publish it before defining the type");
        } else {
            // Checked even when the fields have problems, so that one attempt shows everything to fix.
            problems.addAll(typeAgainstWorkflow(type, workflow.get()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(ErrorCode.INVALID_TICKET_TYPE,
                    "Ticket type '" + type.id() + "' is invalid", problems);
        }
        transactions.inTransaction(() -> {
            definitions.saveType(type);
            return null;
        });
        return type;
    }

    private static List<String> typeAgainstWorkflow(TicketType type, WorkflowDefinition workflow) {
        List<String> problems = new ArrayList<>();
        for (TransitionDefinition t : workflow.transitions()) {
            for (Guard g : t.guards()) {
                if (g instanceof Guard.FieldRequired f && type.field(f.field()).isEmpty()) {
                    problems.add("transition '" + t.name() + "' requires field '" + f.field()
                            + "', which type '" + type.id() + "' does not declare");
                }
            }
            for (Effect e : t.effects()) {
                if (e instanceof Effect.SetField s) {
                    Optional<FieldDefinition> field = type.field(s.field());
                    if (field.isEmpty()) {
                        problems.add("transition '" + t.name() + "' sets field '" + s.field()
                                + "', which type '" + type.id() + "' does not declare");
                    } else {
                        List<FieldViolation> violations = new ArrayList<>();
                        FieldValidation.coerce(field.get(), s.value(), violations);
                        violations.forEach(v -> problems.add("transition '" + t.name() + "' sets field '"
                                + s.field() + "' to a value that " + v.message()));
                    }
                }
            }
        }
        return problems;
    }

    public Optional<TicketType> type(String id) {
        return definitions.findType(Require.notBlank(id, "ticket type id"));
    }

    public List<TicketType> types() {
        return definitions.types();
    }

    // ---------------------------------------------------------------- privacy (R8)

    /**
     * Data protection: organisations and memberships, consent, audited reads of contacts, erasure,
     * retention sweeps and the access export. See {@code docs/privacy.md}.
     */
    public Privacy privacy() {
        return privacy;
    }

    private boolean closed(Ticket ticket) {
        return definitions.findWorkflow(ticket.workflowId(), ticket.workflowVersion())
                .flatMap(w -> w.state(ticket.state())).map(st -> st.category() == StateCategory.CLOSED).orElse(false);
    }

    // ---------------------------------------------------------------- contacts and attachments

    /** Adds or replaces a contact in the customer register. */
    public Contact registerContact(Contact contact) {
        Require.nonNull(contact, "contact");
        transactions.inTransaction(() -> {
            contacts.save(contact);
            return contact;
        });
        search.refreshRequester(contact.id()); // their addresses are in their tickets' documents
        return contact;
    }

    /**
     * Reads a contact without recording the read.
     *
     * @deprecated reads of personal data must name an actor and a purpose (R8 accountability): use
     *     {@code privacy().findContact(id, actor, purpose)} or {@code privacy().readContact(...)}, which
     *     record the read in the audit log. Removed before 0.1.0 is released.
     */
    @Deprecated(since = "0.1", forRemoval = true)
    public Optional<Contact> contact(ContactId id) {
        return contacts.find(Require.nonNull(id, "contact id"));
    }

    /**
     * Finds a contact by e-mail address without recording the read.
     *
     * @deprecated use {@code privacy().findContactByEmail(email, actor, purpose)}, which records the
     *     read in the audit log (R8 accountability). Removed before 0.1.0 is released.
     */
    @Deprecated(since = "0.1", forRemoval = true)
    public Optional<Contact> contactByEmail(String email) {
        return contacts.findByEmail(Require.notBlank(email, "e-mail address"));
    }

    /** Stores attachment content and returns the reference to put on a timeline entry. */
    public AttachmentRef storeAttachment(String fileName, String mediaType, byte[] content) {
        Require.nonNull(content, "content");
        Require.notBlank(fileName, "attachment file name");
        Require.notBlank(mediaType, "attachment media type");
        String digest = attachments.put(content);
        return new AttachmentRef(digest, fileName, mediaType, content.length);
    }

    public Optional<byte[]> attachment(AttachmentRef ref) {
        return attachments.get(Require.nonNull(ref, "attachment reference").sha256());
    }

    // ---------------------------------------------------------------- tickets: reading

    public Optional<Ticket> find(TicketId id) {
        return tickets.find(Require.nonNull(id, "ticket id"));
    }

    public Optional<Ticket> find(TicketKey key) {
        return tickets.findByKey(Require.nonNull(key, "ticket key"));
    }

    /** The ticket, or a {@link NotFoundException}. */
    public Ticket get(TicketId id) {
        return find(id).orElseThrow(() -> Problems.ticketNotFound(id));
    }

    public Ticket get(TicketKey key) {
        return find(key).orElseThrow(() -> Problems.ticketNotFound(key));
    }

    /** Messages, replies, notes and calls of a ticket, oldest first. */
    public List<TimelineEntry> timeline(TicketId id) {
        return tickets.timeline(get(id).id());
    }

    /** The action history of a ticket, oldest first (R2). */
    public List<HistoryEntry> history(TicketId id) {
        return tickets.history(get(id).id());
    }

    /**
     * Tickets matching {@code query}, ordered by key; page with {@link TicketQuery#limit} and
     * {@link TicketQuery#after}. To filter by requester e-mail, resolve it first with
     * {@link #contactByEmail} and pass the contact's id to {@link TicketQuery#requester}.
     */
    public List<Ticket> query(TicketQuery query) {
        return tickets.query(Require.nonNull(query, "query"));
    }

    /**
     * A work queue by state category: tickets matching {@code query} whose state has one of
     * {@code categories} in its workflow, e.g. every NEW or OPEN ticket of a team whatever its
     * workflow calls those states. The categories are resolved here to the state names of the
     * defined types' workflows (every published version), because the store knows names, not
     * workflows; names already in {@code query.states()} narrow the result further. Fails, changing
     * nothing, if a resolved name carries another category in some workflow, since a name cannot
     * tell those tickets apart.
     */
    public List<Ticket> query(TicketQuery query, Set<StateCategory> categories) {
        Require.nonNull(query, "query");
        Set<StateCategory> wanted = Set.copyOf(Require.nonNull(categories, "state categories"));
        Require.argument(!wanted.isEmpty(),
                "A query by state category needs at least one category; use query(TicketQuery) for any state.");
        Map<String, StateCategory> categoryOf = new LinkedHashMap<>();
        Map<String, String> seenIn = new LinkedHashMap<>();
        Set<String> workflowIds = new java.util.TreeSet<>();
        definitions.types().forEach(type -> workflowIds.add(type.workflowId()));
        for (String workflowId : workflowIds) {
            int latest = definitions.latestWorkflow(workflowId).map(WorkflowDefinition::version).orElse(0);
            for (int version = 1; version <= latest; version++) {
                for (WorkflowDefinition workflow : definitions.findWorkflow(workflowId, version).stream().toList()) {
                    for (StateDefinition state : workflow.states()) {
                        StateCategory before = categoryOf.putIfAbsent(state.name(), state.category());
                        String where = "'" + workflowId + "' version " + version;
                        seenIn.putIfAbsent(state.name(), where);
                        if (before != null && before != state.category()
                                && (wanted.contains(before) || wanted.contains(state.category()))) {
                            throw new TicketingException(ErrorCode.ARGUMENT_INVALID, "State '" + state.name()
                                    + "' is " + before + " in workflow " + seenIn.get(state.name()) + " but "
                                    + state.category() + " in workflow " + where + ", so a query by category cannot "
                                    + "tell its tickets apart: query by state names with TicketQuery.states(...) "
                                    + "and team or type, or rename one of the states.");
                        }
                    }
                }
            }
        }
        Set<String> names = new HashSet<>();
        categoryOf.forEach((name, category) -> {
            if (wanted.contains(category) && (query.states().isEmpty() || query.states().contains(name))) {
                names.add(name);
            }
        });
        // an empty state set would mean "any state" to the store, so no matching name means no ticket
        return names.isEmpty() ? List.of() : tickets.query(query.states(names));
    }

    /**
     * Finds tickets by the requester's e-mail address, words of their texts and classification (R3),
     * through the configured search index, in its order (by key). See {@code docs/search.md}.
     */
    public List<Ticket> search(SearchQuery query) {
        Require.nonNull(query, "search query");
        // an index is updated after commit, so it may briefly name a ticket a concurrent erasure removed
        return search.requireIndex().search(query).stream().map(tickets::find).flatMap(Optional::stream).toList();
    }

    /**
     * Delivers events and messages that an earlier delivery left in the outbox — their node stopped
     * after commit, or a listener or the transport failed — once their lease has expired, in batches
     * until none is left; returns how many were delivered. Call it at start-up and periodically (any
     * node may; each entry goes to one of them at a time). Without an outbox store, returns 0.
     */
    public int deliverPendingEvents() {
        int total = 0;
        // What failed stays leased, so passes run out; the bound also holds with a lease shorter than a pass.
        long passes = dispatcher.pending() / 100 + 1;
        Dispatcher.Pass pass;
        do {
            pass = dispatcher.deliverPending(100);
            total += pass.delivered();
        } while (pass.claimed() > 0 && --passes > 0);
        if (total > 0) {
            LOG.info("Delivered {} pending event(s) and message(s) from the outbox", total);
        }
        return total;
    }

    /**
     * How many events and messages wait in the outbox (being delivered, or left for
     * {@link #deliverPendingEvents()}); 0 without an outbox. For health checks: a number that keeps
     * growing means a listener or the transport keeps failing.
     */
    public long pendingEvents() {
        return dispatcher.pending();
    }

    /**
     * Starts a daemon thread that calls {@link #deliverPendingEvents()} every {@code interval}
     * (a few seconds is typical; shorter than the outbox lease is not needed); close the returned
     * handle to stop it. Failures are logged and the next round tries again.
     */
    public AutoCloseable startDeliveringPendingEvents(Duration interval) {
        Require.nonNull(interval, "interval");
        Require.argument(!interval.isNegative() && !interval.isZero(), "The interval " + interval
                + " is invalid: give a positive interval, e.g. Duration.ofSeconds(5).");
        java.util.concurrent.ScheduledExecutorService executor = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "tiketti-outbox");
                    t.setDaemon(true);
                    return t;
                });
        executor.scheduleWithFixedDelay(() -> {
            try {
                deliverPendingEvents();
            } catch (RuntimeException e) {
                LOG.warn("Delivering pending events failed; trying again in {}", interval, e);
            }
        }, 0, interval.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        return executor::shutdownNow;
    }

    /**
     * Rebuilds the search index from the ticket store (after the index was lost, or a new adapter
     * was wired); returns how many tickets were indexed. Changes made meanwhile are indexed by
     * their own commits, so running it while the system is in use is safe but may do work twice.
     */
    public int reindex() {
        int n = search.rebuild();
        LOG.info("Search index rebuilt: {} ticket(s)", n);
        return n;
    }

    /** The category of the ticket's current state in the workflow version it follows. */
    public StateCategory category(Ticket ticket) {
        Require.nonNull(ticket, "ticket");
        WorkflowDefinition workflow = workflowOf(ticket);
        return workflow.state(ticket.state()).map(StateDefinition::category)
                .orElseThrow(() -> Problems.ticketInUndeclaredState(ticket.key(), ticket.state(), workflow.id(),
                        workflow.version(), workflow.states().stream().map(StateDefinition::name).toList()));
    }

    /** The transitions from the ticket's current state, each with whether {@code actor} may take it now. */
    public List<TransitionOption> transitionsFor(TicketId id, Actor actor) {
        Require.nonNull(actor, "actor");
        Ticket ticket = get(id);
        Contact requester = requesterOf(ticket);
        return workflowOf(ticket).transitionsFrom(ticket.state()).stream()
                .map(t -> WorkflowEngine.option(t, ticket, actor, requester.assurance()))
                .toList();
    }

    // ---------------------------------------------------------------- tickets: changing

    /** Opens a ticket in its workflow's initial state, with a timeline entry for the first message or call. */
    public Ticket open(OpenTicket request) {
        Require.nonNull(request, "open-ticket request");
        TicketType type = requireType(request.typeId());
        WorkflowDefinition workflow = definitions.latestWorkflow(type.workflowId())
                .orElseThrow(() -> Problems.workflowNotFound(type.workflowId()));
        contacts.find(request.requester()).orElseThrow(() -> Problems.contactNotFound(request.requester()));
        privacy.checkBasis(request.requester());
        if (request.body().isEmpty() && !request.attachments().isEmpty()) {
            // Attachments travel on the first timeline entry; without a body there is none to carry them.
            throw new TicketingException(ErrorCode.ARGUMENT_INVALID, "A ticket opened with attachments needs a "
                    + "body: attachments belong to the first message. Add OpenTicket.body(...).");
        }
        requireStored(request.attachments());
        List<FieldViolation> violations = new ArrayList<>();
        CustomFields fields = FieldValidation.apply(type, CustomFields.empty(), request.fields(), true, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(ErrorCode.VALIDATION_FAILED,
                    "Ticket of type '" + type.id() + "' was not opened", violations);
        }
        return changing(events -> {
            Instant now = clock.instant();
            TicketKey key = new TicketKey(type.keyPrefix(), tickets.nextNumber(type.keyPrefix()));
            Ticket opened = new Ticket(TicketId.random(), key, type.id(), workflow.id(), workflow.version(),
                    workflow.initialState(), request.classification(), request.priority(), request.requester(),
                    request.organization(), request.assignee(), type.team(), request.channel(), request.subject(),
                    Optional.empty(), fields, now, now, Optional.empty(), 1);
            List<TimelineEntry> timeline = request.body().map(body -> List.of(new TimelineEntry(UUID.randomUUID(),
                    opened.id(), request.channel() == Channel.PHONE ? EntryKind.PHONE_CALL : EntryKind.INBOUND_MESSAGE,
                    request.channel() == Channel.PHONE ? request.actor() : Actor.contact(request.requester()),
                    request.channel() == Channel.PHONE ? Visibility.INTERNAL : Visibility.PUBLIC,
                    request.channel(), body, request.attachments(), now))).orElse(List.of());
            HistoryEntry created = new HistoryEntry(opened.id(), 1, now, request.actor(), HistoryAction.CREATED,
                    Optional.empty(), WorkflowEngine.initialValues(opened));
            SlaScheduler.Planned planned = slaPlan(opened, SlaScheduler.Before.OPENING, timeline, List.of(created));
            Ticket ticket = planned.ticket();
            tickets.create(ticket, timeline, List.of(created));
            events.add(new TicketEvent.TicketOpened(ticket.id(), key, request.actor(), now, type.id(), ticket.state()));
            slaChanged(planned, SlaScheduler.Before.OPENING, request.actor(), events);
            return ticket;
        }, List.of());
    }

    /**
     * Takes a named transition. Every guard is evaluated; if any refuses, a
     * {@link TransitionRejectedException} lists all reasons and nothing changes.
     */
    public Ticket transition(TransitionRequest request) {
        Require.nonNull(request, "transition request");
        List<OutboundMessage> messages = new ArrayList<>();
        return changing(events -> {
            Ticket before = load(request.ticketId(), request.expectedVersion());
            WorkflowDefinition workflow = workflowOf(before);
            TransitionDefinition transition = workflow.transitionsFrom(before.state()).stream()
                    .filter(t -> t.name().equals(request.transition())).findFirst()
                    .orElseThrow(() -> Problems.unknownTransition(request.transition(), before.key(), before.state(),
                            workflow.transitionsFrom(before.state()).stream().map(TransitionDefinition::name).toList()));
            // The type and the requester are read only when this transition needs them: two reads
            // fewer per change for most transitions, which a database-backed store pays per statement.
            TicketType type = request.fields().isEmpty() && !WorkflowEngine.setsFields(transition) ? null
                    : requireType(before.typeId());
            List<FieldViolation> violations = new ArrayList<>();
            Ticket prospective = type == null ? before : before.withFields(FieldValidation.apply(type,
                    before.fields(), request.fields(), false, violations));
            if (request.resolution().isPresent()) {
                prospective = prospective.withResolution(request.resolution());
            }
            rejectInvalid(violations, before);
            Contact requester = WorkflowEngine.needsRequester(transition) ? requesterOf(before) : null;
            List<String> reasons = WorkflowEngine.denials(transition, prospective, request.actor(),
                    requester == null ? AssuranceLevel.NONE : requester.assurance());
            if (!reasons.isEmpty()) {
                throw new TransitionRejectedException(transition.name(), before.key(), reasons);
            }
            SlaScheduler.Before slaBefore = slaBefore(before);
            Instant now = clock.instant();
            WorkflowEngine.Outcome outcome = WorkflowEngine.apply(transition, before, prospective, type,
                    request.actor(), requester, now, violations, privacy.privacyNoticeUrl().orElse(""));
            if (outcome.messages().stream().anyMatch(m -> m.to() instanceof OutboundMessage.ToContact)) {
                privacy.checkBasis(before.requester());
            }
            rejectInvalid(violations, before);
            Ticket next = outcome.ticket().nextVersion(now);
            List<HistoryEntry> entry = List.of(new HistoryEntry(before.id(), next.version(), now, request.actor(),
                    HistoryAction.TRANSITIONED, Optional.of(transition.name()), outcome.changes()));
            SlaScheduler.Planned planned = slaPlan(next, slaBefore, outcome.entries(), entry);
            Ticket after = planned.ticket();
            tickets.update(new TicketChange(after, before.version(), outcome.entries(), entry));
            messages.addAll(outcome.messages());
            events.add(new TicketEvent.TicketTransitioned(after.id(), after.key(), request.actor(), now,
                    transition.name(), before.state(), after.state()));
            slaChanged(planned, slaBefore, request.actor(), events);
            return after;
        }, messages);
    }

    /** Changes assignee, priority, classification, subject or custom fields; recorded in the history. */
    public Ticket update(TicketUpdate request) {
        Require.nonNull(request, "ticket update");
        return changing(events -> {
            Ticket before = load(request.ticketId(), request.expectedVersion());
            TicketType type = requireType(before.typeId());
            List<FieldViolation> violations = new ArrayList<>();
            Ticket after = before.withFields(FieldValidation.apply(type, before.fields(), request.fields(), false,
                    violations));
            rejectInvalid(violations, before);
            if (request.assignee().isPresent()) {
                after = after.withAssignee(request.assignee().get());
            }
            after = after.withPriority(request.priority().orElse(after.priority()))
                    .withClassification(request.classification().or(after::classification))
                    .withSubject(request.subject().orElse(after.subject()));
            List<FieldChange> changes = WorkflowEngine.changes(before, after);
            if (changes.isEmpty()) {
                return before; // nothing to record: an update that changes nothing is not a change
            }
            SlaScheduler.Before slaBefore = slaBefore(before);
            Instant now = clock.instant();
            Ticket next = after.nextVersion(now);
            List<HistoryEntry> entry = List.of(new HistoryEntry(before.id(), next.version(), now, request.actor(),
                    HistoryAction.UPDATED, Optional.empty(), changes));
            SlaScheduler.Planned planned = slaPlan(next, slaBefore, List.of(), entry);
            after = planned.ticket();
            tickets.update(new TicketChange(after, before.version(), List.of(), entry));
            events.add(new TicketEvent.TicketUpdated(after.id(), after.key(), request.actor(), now, changes));
            slaChanged(planned, slaBefore, request.actor(), events);
            return after;
        }, List.of());
    }

    /**
     * Adds a message, reply, note or phone call to a ticket's timeline. A public outbound reply is
     * delivered to the requester through the outbound transport after commit.
     */
    public TimelineEntry addEntry(NewEntry request) {
        Require.nonNull(request, "entry");
        requireStored(request.attachments());
        // An append commutes with any other change, so a version conflict is retried here rather
        // than pushed to the caller: an inbound mail must not bounce because a colleague clicked.
        for (int attempt = 1; ; attempt++) {
            try {
                return appendEntry(request);
            } catch (ConcurrentUpdateException e) {
                if (attempt == APPEND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static final int APPEND_ATTEMPTS = 5;

    private void requireStored(List<AttachmentRef> refs) {
        for (AttachmentRef ref : refs) {
            if (attachments.get(ref.sha256()).isEmpty()) {
                throw Problems.attachmentNotFound(ref.sha256());
            }
        }
    }

    private TimelineEntry appendEntry(NewEntry request) {
        List<OutboundMessage> messages = new ArrayList<>();
        return changing(events -> {
            Ticket before = get(request.ticketId());
            SlaScheduler.Before slaBefore = slaBefore(before);
            if (request.kind() == EntryKind.OUTBOUND_REPLY && request.visibility() == Visibility.PUBLIC) {
                privacy.checkBasis(before.requester()); // before anything is written: a refusal changes nothing
            }
            Instant now = clock.instant();
            TimelineEntry entry = new TimelineEntry(UUID.randomUUID(), before.id(), request.kind(), request.author(),
                    request.visibility(), request.channel(), request.body(), request.attachments(), now);
            Ticket next = before.nextVersion(now);
            List<HistoryEntry> added = List.of(new HistoryEntry(before.id(), next.version(), now, request.author(),
                    HistoryAction.ENTRY_ADDED, Optional.empty(),
                    List.of(FieldChange.of("timeline", null, request.kind()))));
            SlaScheduler.Planned planned = slaPlan(next, slaBefore, List.of(entry), added);
            tickets.update(new TicketChange(planned.ticket(), before.version(), List.of(entry), added));
            if (request.kind() == EntryKind.OUTBOUND_REPLY && request.visibility() == Visibility.PUBLIC) {
                Contact requester = requesterOf(before);
                messages.add(new OutboundMessage(before.id(), before.key(),
                        new OutboundMessage.ToContact(requester.id(), requester.emails()),
                        "[" + before.key() + "] " + before.subject(), request.body()));
            }
            events.add(new TicketEvent.EntryAdded(before.id(), before.key(), request.author(), now, request.kind()));
            slaChanged(planned, slaBefore, request.author(), events);
            return entry;
        }, messages);
    }

    /**
     * Moves a ticket to the latest version of its workflow. Its state keeps its name unless
     * {@code stateMapping} maps it to another; the resulting state must exist in the new version.
     */
    public Ticket upgradeWorkflow(TicketId id, Map<String, String> stateMapping, Actor actor) {
        Require.nonNull(stateMapping, "state mapping");
        Require.nonNull(actor, "actor");
        return changing(events -> {
            Ticket before = get(id);
            WorkflowDefinition latest = definitions.latestWorkflow(before.workflowId())
                    .orElseThrow(() -> Problems.workflowNotFound(before.workflowId()));
            if (latest.version() == before.workflowVersion()) {
                return before;
            }
            String state = stateMapping.getOrDefault(before.state(), before.state());
            if (latest.state(state).isEmpty()) {
                throw Problems.unknownState(state, latest.id(), latest.version(),
                        latest.states().stream().map(StateDefinition::name).toList());
            }
            SlaScheduler.Before slaBefore = slaBefore(before);
            Instant now = clock.instant();
            Ticket next = before.withWorkflowVersion(latest.version()).withState(state).nextVersion(now);
            List<HistoryEntry> entry = List.of(new HistoryEntry(before.id(), next.version(), now, actor,
                    HistoryAction.WORKFLOW_UPGRADED, Optional.empty(), WorkflowEngine.changes(before, next)));
            SlaScheduler.Planned planned = slaPlan(next, slaBefore, List.of(), entry);
            Ticket after = planned.ticket();
            tickets.update(new TicketChange(after, before.version(), List.of(), entry));
            events.add(new TicketEvent.WorkflowUpgraded(after.id(), after.key(), actor, now, before.workflowVersion(),
                    latest.version()));
            slaChanged(planned, slaBefore, actor, events);
            return after;
        }, List.of());
    }

    // ---------------------------------------------------------------- SLA clocks and timers (issue #3)

    /**
     * The ticket's SLA clocks now, recomputed from its stored history under the policy that
     * {@link Builder#slaPolicies} chooses for it today — the live source of truth.
     *
     * @throws TicketingException {@link ErrorCode#SLA_NOT_CONFIGURED} without SLA policies
     */
    public SlaClocks slaClocks(TicketId id) {
        Ticket ticket = get(id);
        return requireSla().clocks(ticket, clock.instant());
    }

    /**
     * The SLA policy that applies to the ticket now (rules over type, classification, priority and
     * organisation).
     *
     * @throws TicketingException {@link ErrorCode#SLA_NOT_CONFIGURED} without SLA policies
     */
    public SlaPolicy slaPolicy(TicketId id) {
        Ticket ticket = get(id);
        SlaPolicies policies = slaPolicies.orElseThrow(() -> slaNotConfigured("SLA clocks"));
        return policies.policyFor(new dev.tiketti.core.sla.SlaSubject(ticket.typeId(), ticket.classification(),
                ticket.priority(), ticket.organization()));
    }

    /**
     * The timer service that fires this instance's SLA warnings, breaches and reminders. The host
     * drives it: {@link TimerService#tick()} from its own scheduler, or {@link TimerService#start()}
     * and {@link TimerService#close()} on shutdown. Several instances may share one
     * {@link TimerStore}; each timer takes effect once.
     *
     * @throws TicketingException {@link ErrorCode#SLA_NOT_CONFIGURED} without SLA policies or reminder rules
     */
    public TimerService timers() {
        return timers.orElseThrow(() -> slaNotConfigured("SLA timers"));
    }

    private SlaScheduler requireSla() {
        if (slaPolicies.isEmpty()) {
            throw slaNotConfigured("SLA clocks");
        }
        return sla.orElseThrow(() -> slaNotConfigured("SLA clocks"));
    }

    private static TicketingException slaNotConfigured(String what) {
        return new TicketingException(ErrorCode.SLA_NOT_CONFIGURED, what + " were asked for, but this Ticketing was "
                + "built without SLA policies" + ("SLA timers".equals(what) ? " or reminder rules" : "")
                + ": configure them with Ticketing.builder().slaPolicies(...) / .reminder(...).");
    }

    /**
     * The ticket's clocks before a change, so that the change can tell which targets it meets, with
     * the history and timeline they came from (read once per change, reused for the clocks after it).
     */
    private SlaScheduler.Before slaBefore(Ticket before) {
        return sla.map(s -> s.before(before)).orElse(SlaScheduler.Before.OPENING);
    }

    /**
     * The ticket of a change with its {@code slaDue} set, before it is stored: the value goes into the
     * same INSERT/UPDATE as the rest of the ticket (no extra statement), so stores can query it.
     */
    private SlaScheduler.Planned slaPlan(Ticket after, SlaScheduler.Before before, List<TimelineEntry> newEntries,
                                         List<HistoryEntry> newHistory) {
        return sla.map(s -> s.plan(after, before, newEntries, newHistory))
                .orElseGet(() -> SlaScheduler.Planned.withoutSla(after));
    }

    /** Re-schedules the ticket's timers inside the change's unit of work and adds SlaMet events. */
    private void slaChanged(SlaScheduler.Planned planned, SlaScheduler.Before before, Actor actor,
                            List<TicketEvent> events) {
        sla.ifPresent(s -> s.changed(planned, before.clocks(), actor, events));
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * Runs a change in one transaction, staging its events and messages in it (in the outbox, if
     * there is one), then delivers them.
     */
    private <T> T changing(java.util.function.Function<List<TicketEvent>, T> work, List<OutboundMessage> messages) {
        List<TicketEvent> events = new ArrayList<>();
        Committed<T> done = transactions.inTransaction(() -> {
            T result = work.apply(events);
            return new Committed<>(result, dispatcher.stage(events, messages, List.of()));
        });
        dispatcher.afterCommit(done.staged());
        return done.result();
    }

    private record Committed<T>(T result, Dispatcher.Staged staged) {
    }

    private Ticket load(TicketId id, OptionalLong expectedVersion) {
        Ticket ticket = get(id);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != ticket.version()) {
            throw new ConcurrentUpdateException("Ticket " + ticket.key() + " was changed by someone else (version "
                    + ticket.version() + ", you had " + expectedVersion.getAsLong() + "); reload it and try again.");
        }
        return ticket;
    }

    private static void rejectInvalid(List<FieldViolation> violations, Ticket ticket) {
        if (!violations.isEmpty()) {
            throw new ValidationException(ErrorCode.VALIDATION_FAILED, "Ticket " + ticket.key() + " was not changed",
                    violations);
        }
    }

    private TicketType requireType(String typeId) {
        return definitions.findType(typeId).orElseThrow(() -> Problems.typeNotFound(typeId,
                definitions.types().stream().map(TicketType::id).toList()));
    }

    private WorkflowDefinition workflowOf(Ticket ticket) {
        return definitions.findWorkflow(ticket.workflowId(), ticket.workflowVersion())
                .orElseThrow(() -> Problems.workflowVersionNotFound(ticket.workflowId(), ticket.workflowVersion(),
                        ticket.id()));
    }

    private Contact requesterOf(Ticket ticket) {
        return contacts.find(ticket.requester()).orElseThrow(() -> Problems.contactNotFound(ticket.requester()));
    }

    // ---------------------------------------------------------------- builder

    /**
     * Wires the SPIs. Each option may be set once; {@link #build()} reports every missing or
     * contradictory option in one {@link ConfigurationException}.
     */
    public static final class Builder {
        private final Slot<TicketStore> tickets = new Slot<>("ticketStore");
        private final Slot<DefinitionStore> definitions = new Slot<>("definitionStore");
        private final Slot<ContactStore> contacts = new Slot<>("contactStore");
        private final Slot<AttachmentStore> attachments = new Slot<>("attachmentStore");
        private final Slot<OutboundTransport> outbound = new Slot<>("outboundTransport");
        private final Slot<Transactions> transactions = new Slot<>("transactions");
        private final Slot<Clock> clock = new Slot<>("clock");
        private final List<EventListener> listeners = new ArrayList<>();

        private Builder() {
        }

        // ------------------------------------------------------------ privacy (R8) slots
        private final Slot<OrganizationStore> organizations = new Slot<>("organizationStore");
        private final Slot<ConsentStore> consents = new Slot<>("consentStore");
        private final Slot<AuditLog> auditLog = new Slot<>("auditLog");
        private final Slot<ErasureJournal> erasureJournal = new Slot<>("erasureJournal");
        private final Slot<ErasurePolicy> erasurePolicy = new Slot<>("erasurePolicy");
        private final Slot<PurposeId> legalBasisRule = new Slot<>("requireLegalBasis");
        private final Slot<String> privacyNoticeUrl = new Slot<>("privacyNoticeUrl");
        private final Slot<ConsentRequestStore> consentRequests = new Slot<>("consentRequestStore");
        private final Slot<ConsentRequestTemplate> consentRequestTemplate = new Slot<>("consentRequestTemplate");
        private final Slot<Duration> consentRequestValidity = new Slot<>("consentRequestValidity");

        /** Where consent requests wait for their answer (R8 consent-request flow). */
        public Builder consentRequestStore(ConsentRequestStore store) {
            consentRequests.set(store, "explicitly");
            return this;
        }

        /** The mail {@code privacy().requestConsent(...)} sends; defaults to {@link ConsentRequestTemplate#standard()}. */
        public Builder consentRequestTemplate(ConsentRequestTemplate template) {
            consentRequestTemplate.set(template, "explicitly");
            return this;
        }

        /**
         * How long a consent request's reply token can be used, on the builder's clock; defaults to
         * 30 days. Must be positive and at most a year ({@code ARGUMENT_INVALID} otherwise).
         */
        public Builder consentRequestValidity(Duration validity) {
            Require.nonNull(validity, "consent request validity");
            Require.argument(!validity.isNegative() && !validity.isZero() && validity.compareTo(Duration.ofDays(366)) <= 0,
                    "The consent request validity " + validity + " is invalid: give a positive duration of at most "
                    + "366 days, e.g. Duration.ofDays(30).");
            consentRequestValidity.set(validity, "explicitly");
            return this;
        }

        public Builder organizationStore(OrganizationStore store) {
            organizations.set(store, "explicitly");
            return this;
        }

        public Builder consentStore(ConsentStore store) {
            consents.set(store, "explicitly");
            return this;
        }

        /** Where reads of personal data are recorded (R8 accountability). */
        public Builder auditLog(AuditLog log) {
            auditLog.set(log, "explicitly");
            return this;
        }

        /** Where erasure runs record their progress; must survive restores of the other stores. */
        public Builder erasureJournal(ErasureJournal journal) {
            erasureJournal.set(journal, "explicitly");
            return this;
        }

        /** The policy {@code privacy().erase(request)} applies; defaults to {@link ErasurePolicy#standard()}. */
        public Builder erasurePolicy(ErasurePolicy policy) {
            erasurePolicy.set(policy, "explicitly");
            return this;
        }

        /**
         * Turns on the rule "no contact without a legal basis" (off by default): opening a ticket for a
         * contact, and any message to a contact (public replies, requester notifications), then needs
         * a consent or other basis in effect for {@code purpose}, else fails with {@code NO_LEGAL_BASIS}
         * (or {@code CONSENT_WITHDRAWN}) and nothing changes. The purpose must be registered before use.
         */
        public Builder requireLegalBasis(PurposeId purpose) {
            legalBasisRule.set(purpose, "explicitly");
            return this;
        }

        /**
         * The privacy notice's address, offered to workflow templates as {@code {privacyNoticeUrl}}
         * (R8 transparency); an absolute http(s) URL. Without it the placeholder expands to nothing.
         */
        public Builder privacyNoticeUrl(String url) {
            Require.notBlank(url, "privacy notice URL");
            try {
                java.net.URI uri = new java.net.URI(url.strip());
                Require.argument(uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme())
                        || "http".equalsIgnoreCase(uri.getScheme())), "The privacy notice URL must be an absolute "
                        + "http(s) URL, e.g. https://example.fi/tietosuoja.");
            } catch (java.net.URISyntaxException e) {
                throw new TicketingException(ErrorCode.ARGUMENT_INVALID, "The privacy notice URL is not a valid URI ("
                        + e.getReason() + "); give e.g. https://example.fi/tietosuoja.");
            }
            privacyNoticeUrl.set(url.strip(), "explicitly");
            return this;
        }

        private void fillPrivacyInMemory() {
            organizations.fill(InMemoryOrganizationStore::new, "by inMemory()");
            consents.fill(InMemoryConsentStore::new, "by inMemory()");
            auditLog.fill(InMemoryAuditLog::new, "by inMemory()");
            erasureJournal.fill(InMemoryErasureJournal::new, "by inMemory()");
            consentRequests.fill(InMemoryConsentRequestStore::new, "by inMemory()");
        }

        private List<Slot<?>> privacySlots() {
            return List.of(organizations, consents, auditLog, erasureJournal, consentRequests);
        }

        private final Slot<SearchIndex> searchIndex = new Slot<>("searchIndex");

        /**
         * Where tickets are indexed for {@link Ticketing#search} (R3); filled by {@link #inMemory()}
         * with an {@link InMemorySearchIndex}. Optional: without one nothing is indexed and
         * {@code search} fails with {@code SEARCH_NOT_CONFIGURED}. Kept current after each commit and
         * by erasure and retention sweeps, so it forgets erased data (R8). Nodes that share stores
         * must share one index too (an in-memory index sees only its own node's changes).
         */
        public Builder searchIndex(SearchIndex index) {
            searchIndex.set(index, "explicitly");
            return this;
        }

        private Privacy privacy(Ticketing t) {
            erasurePolicy.fill(ErasurePolicy::standard, "by default");
            return new Privacy(new ErasureEngine.Stores(t.tickets, t.contacts, organizations.value, consents.value,
                    t.attachments, auditLog.value, erasureJournal.value, t.transactions, t.search, t.dispatcher), t.clock, t::closed,
                    erasurePolicy.value, Optional.ofNullable(legalBasisRule.value),
                    Optional.ofNullable(privacyNoticeUrl.value), t.dispatcher, consentRequests.value,
                    register -> new ConsentRequests(consentRequests.value, t.contacts, consents.value, register,
                            t.outbound, t.transactions,
                            consentRequestTemplate.value != null ? consentRequestTemplate.value
                                    : ConsentRequestTemplate.standard(),
                            consentRequestValidity.value != null ? consentRequestValidity.value : Duration.ofDays(30),
                            Optional.ofNullable(privacyNoticeUrl.value).orElse(""), t.clock));
        }
        // ------------------------------------------------------------ end of privacy slots

        public Builder ticketStore(TicketStore store) {
            tickets.set(store, "explicitly");
            return this;
        }

        public Builder definitionStore(DefinitionStore store) {
            definitions.set(store, "explicitly");
            return this;
        }

        public Builder contactStore(ContactStore store) {
            contacts.set(store, "explicitly");
            return this;
        }

        public Builder attachmentStore(AttachmentStore store) {
            attachments.set(store, "explicitly");
            return this;
        }

        public Builder outboundTransport(OutboundTransport transport) {
            outbound.set(transport, "explicitly");
            return this;
        }

        /** How units of work are made atomic; defaults to {@link Transactions#none()}. */
        public Builder transactions(Transactions value) {
            transactions.set(value, "explicitly");
            return this;
        }

        /** Where all time comes from; defaults to {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            clock.set(value, "explicitly");
            return this;
        }

        // ------------------------------------------------------------ events and the outbox (issue #5)

        private final Slot<OutboxStore> outbox = new Slot<>("outboxStore");
        private final Slot<Duration> outboxLease = new Slot<>("outboxLease");

        /**
         * A transactional outbox: each change's events and messages are written to it in the change's
         * own unit of work and delivered after commit, at least once — what a crash or a failed
         * listener left behind is delivered again by {@link Ticketing#deliverPendingEvents()} (also
         * on another node sharing the store), with the same {@code EventDelivery.id()}. Without one,
         * events are delivered once, after commit, by the node that made the change. Needs Jackson
         * on the class path (ticketing-jpa brings it).
         */
        public Builder outboxStore(OutboxStore store) {
            outbox.set(store, "explicitly");
            return this;
        }

        /**
         * How long the node that made a change has to deliver its events before another may
         * (default 1 minute); longer than the slowest listener.
         */
        public Builder outboxLease(Duration lease) {
            outboxLease.set(positive(lease, "outboxLease"), "explicitly");
            return this;
        }

        private Dispatcher dispatcher(OutboundTransport transport, SearchSync sync, TrackedTransactions tx, Clock time) {
            String node = timerOwner.value != null ? timerOwner.value : "tiketti-" + java.util.UUID.randomUUID();
            return new Dispatcher(listeners, transport, sync, Optional.ofNullable(outbox.value), tx, time, node,
                    outboxLease.value != null ? outboxLease.value : Duration.ofMinutes(1));
        }

        /** Adds a listener for domain events; listeners run in the order added. */
        public Builder listener(EventListener listener) {
            listeners.add(Require.nonNull(listener, "listener"));
            return this;
        }

        /**
         * Fills every store and the transport not yet set with the in-memory reference
         * implementations (the transport records instead of sending). Set explicit adapters first.
         */
        public Builder inMemory() {
            tickets.fill(InMemoryTicketStore::new, "by inMemory()");
            definitions.fill(InMemoryDefinitionStore::new, "by inMemory()");
            contacts.fill(InMemoryContactStore::new, "by inMemory()");
            attachments.fill(InMemoryAttachmentStore::new, "by inMemory()");
            outbound.fill(RecordingOutboundTransport::new, "by inMemory()");
            inMemoryTimers = true; // created in build(), on the final clock
            fillPrivacyInMemory();
            searchIndex.fill(InMemorySearchIndex::new, "by inMemory()");
            return this;
        }

        // ------------------------------------------------------------ SLA and timers (issue #3)

        private final Slot<SlaPolicies> slaPolicies = new Slot<>("slaPolicies");
        private final Slot<TimerStore> timerStore = new Slot<>("timerStore");
        private final Slot<String> timerOwner = new Slot<>("timerOwner");
        private final Slot<Duration> timerLease = new Slot<>("timerLease");
        private final Slot<Duration> timerPollInterval = new Slot<>("timerPollInterval");
        private final Map<String, ReminderRule> reminders = new LinkedHashMap<>();
        private final Map<TeamId, AgentId> teamLeads = new LinkedHashMap<>();
        private final Map<AgentId, AgentId> pairs = new LinkedHashMap<>();
        private boolean inMemoryTimers;

        /**
         * The SLA configuration: calendars, policies, rules and fallback. With it, every change of a
         * ticket (re)schedules its warning and breach timers, fired through {@link Ticketing#timers()}.
         */
        public Builder slaPolicies(SlaPolicies value) {
            slaPolicies.set(value, "explicitly");
            return this;
        }

        /**
         * Where SLA and reminder timers are kept; several instances may share one. Filled by
         * {@link #inMemory()} with an {@link InMemoryTimerStore} on this builder's clock.
         */
        public Builder timerStore(TimerStore store) {
            timerStore.set(store, "explicitly");
            return this;
        }

        /** Adds a reminder rule (R6); names must be unique. */
        public Builder reminder(ReminderRule rule) {
            Require.nonNull(rule, "reminder rule");
            if (reminders.putIfAbsent(rule.name(), rule) != null) {
                throw new ConfigurationException(ErrorCode.INVALID_REMINDER_RULE, "Reminder rule '" + rule.name()
                        + "' is added twice: give each reminder rule its own name", List.of());
            }
            return this;
        }

        /** The lead of a team: notified by {@code NotifyTeamLead}, assignee of {@code reassignToTeamLead()}. */
        public Builder teamLead(TeamId team, AgentId lead) {
            Require.nonNull(team, "team");
            Require.nonNull(lead, "team lead");
            if (teamLeads.putIfAbsent(team, lead) != null) {
                throw new ConfigurationException(ErrorCode.INVALID_CONFIGURATION, "The lead of team '" + team
                        + "' is set twice: set it once", List.of());
            }
            return this;
        }

        /** An agent's pair (stand-in), the assignee of {@code reassignToPair()}. */
        public Builder pair(AgentId agent, AgentId pair) {
            Require.nonNull(agent, "agent");
            Require.nonNull(pair, "pair");
            if (agent.equals(pair) || pairs.putIfAbsent(agent, pair) != null) {
                throw new ConfigurationException(ErrorCode.INVALID_CONFIGURATION, "The pair of agent '" + agent
                        + "' is set twice or to the agent itself: give each agent one other agent as pair", List.of());
            }
            return this;
        }

        /** This node's owner id on timer claims (default: random per instance); e.g. the host name. */
        public Builder timerOwner(String owner) {
            Require.notBlank(owner, "timer owner");
            timerOwner.set(owner, "explicitly");
            return this;
        }

        /** How long a claimed timer excludes other nodes (default 1 minute); longer than the slowest handler. */
        public Builder timerLease(Duration lease) {
            timerLease.set(positive(lease, "timerLease"), "explicitly");
            return this;
        }

        /** Pause of the built-in poller ({@link TimerService#start()}) between passes (default 1 second). */
        public Builder timerPollInterval(Duration interval) {
            timerPollInterval.set(positive(interval, "timerPollInterval"), "explicitly");
            return this;
        }

        private static Duration positive(Duration value, String option) {
            Require.nonNull(value, option);
            if (value.isZero() || value.isNegative()) {
                throw new ConfigurationException(ErrorCode.INVALID_TIMER_CONFIGURATION, option + " " + value
                        + " is invalid: use a positive duration", List.of());
            }
            return value;
        }

        private boolean slaConfigured() {
            return slaPolicies.value != null || !reminders.isEmpty();
        }

        private void slaProblems(List<String> problems) {
            if (slaConfigured() && timerStore.value == null && !inMemoryTimers) {
                problems.add("timerStore is not set, but SLA policies or reminder rules need one: call "
                        + "Ticketing.builder().timerStore(...) with your adapter, or .inMemory()");
            }
        }

        private void fillTimerStore() {
            if (inMemoryTimers && slaConfigured()) {
                Clock onClock = clock.value;
                timerStore.fill(() -> new InMemoryTimerStore(onClock), "by inMemory()");
            }
        }

        private Optional<SlaScheduler> slaScheduler(Dispatcher delivery, TicketStore ticketStore,
                                                    DefinitionStore definitionStore, Transactions tx, Clock time) {
            if (!slaConfigured()) {
                return Optional.empty();
            }
            return Optional.of(new SlaScheduler(Optional.ofNullable(slaPolicies.value), List.copyOf(reminders.values()),
                    teamLeads, pairs, ticketStore, definitionStore, timerStore.value, tx, time, delivery));
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

        public Ticketing build() {
            List<String> problems = new ArrayList<>();
            List<Slot<?>> required = new ArrayList<>(List.of(tickets, definitions, contacts, attachments, outbound));
            required.addAll(privacySlots());
            for (Slot<?> slot : required) {
                if (slot.value == null) {
                    problems.add(slot.name + " is not set: call Ticketing.builder()." + slot.name
                            + "(...) with your adapter, or .inMemory() for the in-memory reference implementations");
                }
            }
            slaProblems(problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(ErrorCode.INVALID_CONFIGURATION,
                        "Ticketing cannot be built", problems);
            }
            transactions.fill(Transactions::none, "by default");
            clock.fill(Clock::systemUTC, "by default"); // the one place that may read the wall clock
            fillTimerStore();
            Ticketing built = new Ticketing(this);
            Map<String, String> wiring = new LinkedHashMap<>();
            List<Slot<?>> wired = new ArrayList<>(List.of(tickets, definitions, contacts, attachments, outbound,
                    transactions, clock));
            wired.addAll(privacySlots());
            for (Slot<?> slot : wired) {
                wiring.put(slot.name, slot.value.getClass().getName() + " (" + slot.origin + ")");
            }
            if (searchIndex.value != null) {
                wiring.put(searchIndex.name, searchIndex.value.getClass().getName() + " (" + searchIndex.origin + ")");
            }
            if (outbox.value != null) {
                wiring.put(outbox.name, outbox.value.getClass().getName() + " (" + outbox.origin + ")");
            }
            if (timerStore.value != null) {
                wiring.put(timerStore.name, timerStore.value.getClass().getName() + " (" + timerStore.origin + ")");
            }
            LOG.info("Tiketti wired: {}, {} event listener(s)", wiring, listeners.size());
            return built;
        }
    }

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
                throw new ConfigurationException(ErrorCode.INVALID_CONFIGURATION, name + " was already set ("
                        + origin + ", to " + value.getClass().getName() + "): set each option once"
                        + ("by inMemory()".equals(origin) ? ", and set explicit adapters before calling inMemory()" : ""),
                        List.of());
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
