package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.FieldViolation;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.IdempotentChange;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.ticket.Tickets;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionOption;
import dev.tiketti.core.ticket.TransitionRequest;
import dev.tiketti.core.ticket.Visibility;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.TransitionDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@link Tickets} area: owns the flow of every ticket change — load, check, evaluate, apply,
 * plan SLA, store, stage events — and hands each step down to the class that knows it (workflow
 * engine, field validation, SLA, stores). Every change runs in one unit of work; its events and
 * messages are delivered after commit. Not API.
 */
public final class TicketService implements Tickets {
    private static final int APPEND_ATTEMPTS = 5;

    private final TicketStore tickets;
    private final ContactStore contacts;
    private final DefinitionService definitions;
    private final StoredAttachments attachments;
    private final TrackedTransactions transactions;
    private final Dispatcher dispatcher;
    private final SlaService sla;
    private final PrivacyRules privacy;
    private final IdempotentChanges idempotent;
    private final Clock clock;

    public TicketService(TicketStore tickets, ContactStore contacts, DefinitionService definitions,
                         StoredAttachments attachments, TrackedTransactions transactions, Dispatcher dispatcher,
                         SlaService sla, PrivacyRules privacy, IdempotentChanges idempotent, Clock clock) {
        this.tickets = tickets;
        this.contacts = contacts;
        this.definitions = definitions;
        this.attachments = attachments;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.sla = sla;
        this.privacy = privacy;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<Ticket> find(TicketId id) {
        return tickets.find(Require.nonNull(id, "ticket id"));
    }

    @Override
    public Optional<Ticket> find(TicketKey key) {
        return tickets.findByKey(Require.nonNull(key, "ticket key"));
    }

    @Override
    public Ticket get(TicketId id) {
        return find(id).orElseThrow(() -> TicketProblems.ticketNotFound(id));
    }

    @Override
    public Ticket get(TicketKey key) {
        return find(key).orElseThrow(() -> TicketProblems.ticketNotFound(key));
    }

    @Override
    public List<TimelineEntry> timeline(TicketId id) {
        return tickets.timeline(get(id).id());
    }

    @Override
    public List<HistoryEntry> history(TicketId id) {
        return tickets.history(get(id).id());
    }

    @Override
    public List<Ticket> query(TicketQuery query) {
        return tickets.query(Require.nonNull(query, "query"));
    }

    @Override
    public List<Ticket> query(TicketQuery query, Set<StateCategory> categories) {
        Require.nonNull(query, "query");
        Set<String> names = definitions.states().namesIn(Require.nonNull(categories, "state categories"),
                query.states());
        // an empty state set would mean "any state" to the store, so no matching name means no ticket
        return names.isEmpty() ? List.of() : tickets.query(query.states(names));
    }

    @Override
    public StateCategory category(Ticket ticket) {
        return definitions.states().category(Require.nonNull(ticket, "ticket"));
    }

    @Override
    public List<TransitionOption> transitionsFor(TicketId id, Actor actor) {
        Require.nonNull(actor, "actor");
        Ticket ticket = get(id);
        Contact requester = requesterOf(ticket);
        return definitions.workflowOf(ticket).transitionsFrom(ticket.state()).stream()
                .map(t -> WorkflowEngine.option(t, ticket, actor, requester.assurance()))
                .toList();
    }

    // ---------------------------------------------------------------- changing

    @Override
    public Ticket open(OpenTicket request) {
        Require.nonNull(request, "open-ticket request");
        if (request.idempotencyKey().isEmpty()) {
            return openOnce(request);
        }
        // the key is looked up first: a repeated request returns what the first one did, even if
        // it would no longer pass the checks (the requester has since lost the legal basis, say)
        return idempotent.once(request.idempotencyKey().get(), this::openedBefore, () -> openOnce(request));
    }

    private Ticket openedBefore(IdempotentChange done) {
        if (done.entry().isPresent()) {
            throw TicketProblems.idempotencyKeyAddedNotOpened(done.ticket());
        }
        return get(done.ticket());
    }

    private Ticket openOnce(OpenTicket request) {
        TicketType type = definitions.requireType(request.typeId());
        WorkflowDefinition workflow = definitions.latestWorkflow(type.workflowId());
        contacts.find(request.requester()).orElseThrow(() -> PrivacyProblems.contactNotFound(request.requester()));
        privacy.checkBasis(request.requester());
        if (request.body().isEmpty() && !request.attachments().isEmpty()) {
            // Attachments travel on the first timeline entry; without a body there is none to carry them.
            throw TicketProblems.attachmentsWithoutBody(type.id());
        }
        attachments.requireStored(request.attachments());
        List<FieldViolation> violations = new ArrayList<>();
        StorableTexts.check(violations, "subject", request.subject());
        StorableTexts.check(violations, "body", request.body());
        StorableTexts.checkFields(violations, request.fields());
        CustomFields fields = FieldValidation.apply(type, CustomFields.empty(), request.fields(), true, violations);
        if (!violations.isEmpty()) {
            throw TicketProblems.notOpened(type.id(), violations);
        }
        return changing(events -> {
            Instant now = clock.instant();
            TicketKey key = new TicketKey(type.keyPrefix(), tickets.nextNumber(type.keyPrefix()));
            Ticket opened = new Ticket(TicketId.random(), key, type.id(), workflow.id(), workflow.version(),
                    workflow.initialState(), request.classification(), request.priority(), request.requester(),
                    request.organization(), request.assignee(), type.team(), request.channel(), request.subject(),
                    Optional.empty(), fields, now, now, Optional.empty(), 1);
            List<TimelineEntry> timeline = request.body().map(body -> List.of(firstEntry(request, opened, body, now)))
                    .orElse(List.of());
            HistoryEntry created = new HistoryEntry(opened.id(), 1, now, request.actor(), HistoryAction.CREATED,
                    Optional.empty(), WorkflowEngine.initialValues(opened));
            SlaScheduler.Planned planned = sla.plan(opened, SlaScheduler.Before.OPENING, timeline, List.of(created));
            Ticket ticket = planned.ticket();
            tickets.create(ticket, timeline, List.of(created));
            if (request.idempotencyKey().isPresent()) {
                idempotent.record(request.idempotencyKey().get(), ticket.id(), Optional.empty());
            }
            events.add(new TicketEvent.TicketOpened(ticket.id(), key, request.actor(), now, type.id(), ticket.state()));
            sla.changed(planned, SlaScheduler.Before.OPENING, request.actor(), events);
            return ticket;
        }, List.of());
    }

    private static TimelineEntry firstEntry(OpenTicket request, Ticket opened, String body, Instant now) {
        boolean call = request.channel() == Channel.PHONE;
        return new TimelineEntry(UUID.randomUUID(), opened.id(), call ? EntryKind.PHONE_CALL : EntryKind.INBOUND_MESSAGE,
                call ? request.actor() : Actor.contact(request.requester()), call ? Visibility.INTERNAL : Visibility.PUBLIC,
                request.channel(), body, request.attachments(), now);
    }

    @Override
    public Ticket transition(TransitionRequest request) {
        Require.nonNull(request, "transition request");
        List<OutboundMessage> messages = new ArrayList<>();
        return changing(events -> {
            Ticket before = load(request.ticketId(), request.expectedVersion());
            WorkflowDefinition workflow = definitions.workflowOf(before);
            TransitionDefinition transition = workflow.transitionsFrom(before.state()).stream()
                    .filter(t -> t.name().equals(request.transition())).findFirst()
                    .orElseThrow(() -> TicketProblems.unknownTransition(request.transition(), before.key(), before.state(),
                            workflow.transitionsFrom(before.state()).stream().map(TransitionDefinition::name).toList()));
            // The type and the requester are read only when this transition needs them: two reads
            // fewer per change for most transitions, which a database-backed store pays per statement.
            TicketType type = request.fields().isEmpty() && !WorkflowEngine.setsFields(transition) ? null
                    : definitions.requireType(before.typeId());
            List<FieldViolation> violations = new ArrayList<>();
            StorableTexts.check(violations, "resolution", request.resolution());
            StorableTexts.checkFields(violations, request.fields());
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
                throw TicketProblems.transitionRefused(transition.name(), before.key(), reasons);
            }
            SlaScheduler.Before slaBefore = sla.before(before);
            Instant now = clock.instant();
            WorkflowEngine.Outcome outcome = WorkflowEngine.apply(transition, before, prospective, type,
                    request.actor(), requester, now, violations, privacy.noticeUrl().orElse(""));
            if (outcome.messages().stream().anyMatch(m -> m.to() instanceof OutboundMessage.ToContact)) {
                privacy.checkBasis(before.requester());
            }
            rejectInvalid(violations, before);
            Ticket next = outcome.ticket().nextVersion(now);
            List<HistoryEntry> entry = List.of(new HistoryEntry(before.id(), next.version(), now, request.actor(),
                    HistoryAction.TRANSITIONED, Optional.of(transition.name()), outcome.changes()));
            SlaScheduler.Planned planned = sla.plan(next, slaBefore, outcome.entries(), entry);
            Ticket after = planned.ticket();
            tickets.update(new TicketChange(after, before.version(), outcome.entries(), entry));
            messages.addAll(outcome.messages());
            events.add(new TicketEvent.TicketTransitioned(after.id(), after.key(), request.actor(), now,
                    transition.name(), before.state(), after.state()));
            sla.changed(planned, slaBefore, request.actor(), events);
            return after;
        }, messages);
    }

    @Override
    public Ticket update(TicketUpdate request) {
        Require.nonNull(request, "ticket update");
        return changing(events -> {
            Ticket before = load(request.ticketId(), request.expectedVersion());
            TicketType type = definitions.requireType(before.typeId());
            List<FieldViolation> violations = new ArrayList<>();
            StorableTexts.check(violations, "subject", request.subject());
            StorableTexts.checkFields(violations, request.fields());
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
            SlaScheduler.Before slaBefore = sla.before(before);
            Instant now = clock.instant();
            Ticket next = after.nextVersion(now);
            List<HistoryEntry> entry = List.of(new HistoryEntry(before.id(), next.version(), now, request.actor(),
                    HistoryAction.UPDATED, Optional.empty(), changes));
            SlaScheduler.Planned planned = sla.plan(next, slaBefore, List.of(), entry);
            after = planned.ticket();
            tickets.update(new TicketChange(after, before.version(), List.of(), entry));
            events.add(new TicketEvent.TicketUpdated(after.id(), after.key(), request.actor(), now, changes));
            sla.changed(planned, slaBefore, request.actor(), events);
            return after;
        }, List.of());
    }

    @Override
    public TimelineEntry addEntry(NewEntry request) {
        Require.nonNull(request, "entry");
        List<FieldViolation> unstorable = new ArrayList<>();
        StorableTexts.check(unstorable, "body", request.body());
        if (!unstorable.isEmpty()) {
            throw TicketProblems.entryNotAdded(request.ticketId(), unstorable);
        }
        attachments.requireStored(request.attachments());
        if (request.idempotencyKey().isEmpty()) {
            return appendRetrying(request);
        }
        return idempotent.once(request.idempotencyKey().get(), done -> addedBefore(done, request),
                () -> appendRetrying(request));
    }

    private TimelineEntry addedBefore(IdempotentChange done, NewEntry request) {
        if (done.entry().isEmpty()) {
            throw TicketProblems.idempotencyKeyOpened(done.ticket(), request.ticketId());
        }
        if (!done.ticket().equals(request.ticketId())) {
            throw TicketProblems.idempotencyKeyAddedElsewhere(done.ticket(), request.ticketId());
        }
        UUID id = done.entry().get();
        return tickets.timeline(done.ticket()).stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> TicketProblems.ticketNotFound(done.ticket()));
    }

    private TimelineEntry appendRetrying(NewEntry request) {
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

    private TimelineEntry appendEntry(NewEntry request) {
        List<OutboundMessage> messages = new ArrayList<>();
        boolean publicReply = request.kind() == EntryKind.OUTBOUND_REPLY && request.visibility() == Visibility.PUBLIC;
        return changing(events -> {
            Ticket before = get(request.ticketId());
            SlaScheduler.Before slaBefore = sla.before(before);
            if (publicReply) {
                privacy.checkBasis(before.requester()); // before anything is written: a refusal changes nothing
            }
            Instant now = clock.instant();
            TimelineEntry entry = new TimelineEntry(UUID.randomUUID(), before.id(), request.kind(), request.author(),
                    request.visibility(), request.channel(), request.body(), request.attachments(), now);
            Ticket next = before.nextVersion(now);
            List<HistoryEntry> added = List.of(new HistoryEntry(before.id(), next.version(), now, request.author(),
                    HistoryAction.ENTRY_ADDED, Optional.empty(),
                    List.of(FieldChange.of("timeline", null, request.kind()))));
            SlaScheduler.Planned planned = sla.plan(next, slaBefore, List.of(entry), added);
            tickets.update(new TicketChange(planned.ticket(), before.version(), List.of(entry), added));
            if (request.idempotencyKey().isPresent()) {
                idempotent.record(request.idempotencyKey().get(), before.id(), Optional.of(entry.id()));
            }
            if (publicReply) {
                Contact requester = requesterOf(before);
                messages.add(new OutboundMessage(before.id(), before.key(), before.team(),
                        new OutboundMessage.ToContact(requester.id(), requester.emails(), requester.language()),
                        "[" + before.key() + "] " + before.subject(), request.body(), OutboundMessage.Kind.REPLY));
            }
            events.add(new TicketEvent.EntryAdded(before.id(), before.key(), request.author(), now, request.kind()));
            sla.changed(planned, slaBefore, request.author(), events);
            return entry;
        }, messages);
    }

    @Override
    public Ticket upgradeWorkflow(TicketId id, Map<String, String> stateMapping, Actor actor) {
        Require.nonNull(stateMapping, "state mapping");
        Require.nonNull(actor, "actor");
        return changing(events -> {
            Ticket before = get(id);
            WorkflowDefinition latest = definitions.latestWorkflow(before.workflowId());
            if (latest.version() == before.workflowVersion()) {
                return before;
            }
            String state = stateMapping.getOrDefault(before.state(), before.state());
            if (latest.state(state).isEmpty()) {
                throw TicketProblems.unknownState(state, latest.id(), latest.version(),
                        latest.states().stream().map(StateDefinition::name).toList());
            }
            SlaScheduler.Before slaBefore = sla.before(before);
            Instant now = clock.instant();
            Ticket next = before.withWorkflowVersion(latest.version()).withState(state).nextVersion(now);
            List<HistoryEntry> entry = List.of(new HistoryEntry(before.id(), next.version(), now, actor,
                    HistoryAction.WORKFLOW_UPGRADED, Optional.empty(), WorkflowEngine.changes(before, next)));
            SlaScheduler.Planned planned = sla.plan(next, slaBefore, List.of(), entry);
            Ticket after = planned.ticket();
            tickets.update(new TicketChange(after, before.version(), List.of(), entry));
            events.add(new TicketEvent.WorkflowUpgraded(after.id(), after.key(), actor, now, before.workflowVersion(),
                    latest.version()));
            sla.changed(planned, slaBefore, actor, events);
            return after;
        }, List.of());
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * Runs a change in one unit of work, staging its events and messages in it (in the outbox, if
     * there is one), then delivers them.
     */
    private <T> T changing(Function<List<TicketEvent>, T> work, List<OutboundMessage> messages) {
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
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() > ticket.version()) {
            throw TicketProblems.versionNeverExisted(ticket.key(), ticket.version(), expectedVersion.getAsLong());
        }
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != ticket.version()) {
            throw TicketProblems.ticketChanged(ticket.key(), ticket.version(), expectedVersion.getAsLong());
        }
        return ticket;
    }

    private static void rejectInvalid(List<FieldViolation> violations, Ticket ticket) {
        if (!violations.isEmpty()) {
            throw TicketProblems.notChanged(ticket.key(), violations);
        }
    }

    private Contact requesterOf(Ticket ticket) {
        return contacts.find(ticket.requester()).orElseThrow(() -> PrivacyProblems.contactNotFound(ticket.requester()));
    }
}
