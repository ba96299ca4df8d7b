package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.FieldViolation;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionOption;
import dev.tiketti.core.ticket.Visibility;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.GuardContext;
import dev.tiketti.core.workflow.TransitionDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Decides and applies one transition as a pure function of its inputs. Not API. */
public final class WorkflowEngine {
    private WorkflowEngine() {
    }

    /** What a transition would do: the new ticket, what changed, and what to send after commit. */
    public record Outcome(Ticket ticket, List<FieldChange> changes, List<TimelineEntry> entries,
                          List<OutboundMessage> messages) {
    }

    /** Every reason the transition is refused for {@code prospective}; empty when it may proceed. */
    public static List<String> denials(TransitionDefinition transition, Ticket prospective, Actor actor,
                                       AssuranceLevel assurance) {
        GuardContext context = new GuardContext(prospective, actor, assurance);
        List<String> reasons = new ArrayList<>();
        for (Guard guard : transition.guards()) {
            guard.deny(context).ifPresent(reasons::add);
        }
        boolean assignsActor = transition.effects().stream()
                .anyMatch(e -> e instanceof Effect.Assign a && a.target() == Effect.Assign.Target.ACTOR);
        if (assignsActor && actor.agentId().isEmpty()) {
            reasons.add(TicketProblems.onlyAnAgentCanTake(actor));
        }
        return reasons;
    }

    /** Whether taking the transition needs the requester: an assurance guard, or a notice to the requester. */
    public static boolean needsRequester(TransitionDefinition transition) {
        return transition.guards().stream().anyMatch(g -> g instanceof Guard.RequesterAssurance)
                || transition.effects().stream().anyMatch(e -> e instanceof Effect.Notify n
                        && n.recipient() == Effect.Notify.Recipient.REQUESTER);
    }

    /** Whether the transition's effects set custom fields (which are checked against the ticket type). */
    public static boolean setsFields(TransitionDefinition transition) {
        return transition.effects().stream().anyMatch(e -> e instanceof Effect.SetField);
    }

    public static TransitionOption option(TransitionDefinition t, Ticket ticket, Actor actor, AssuranceLevel assurance) {
        List<String> reasons = denials(t, ticket, actor, assurance);
        return new TransitionOption(t.name(), t.to(), reasons.isEmpty(), reasons);
    }

    /**
     * Applies an allowed transition to {@code prospective} (the ticket with the request's own
     * inputs already written). Field effects were checked against the type when the workflow and
     * type were registered; a violation here is still collected rather than ignored.
     */
    public static Outcome apply(TransitionDefinition transition, Ticket before, Ticket prospective, TicketType type,
                                Actor actor, Contact requester, Instant now, List<FieldViolation> violations) {
        return apply(transition, before, prospective, type, actor, requester, now, violations, "");
    }

    /** As above; {@code privacyNoticeUrl} fills the {@code {privacyNoticeUrl}} placeholder (R8 transparency). */
    public static Outcome apply(TransitionDefinition transition, Ticket before, Ticket prospective, TicketType type,
                                Actor actor, Contact requester, Instant now, List<FieldViolation> violations,
                                String privacyNoticeUrl) {
        Ticket t = prospective.withState(transition.to());
        List<TimelineEntry> entries = new ArrayList<>();
        List<OutboundMessage> messages = new ArrayList<>();
        for (Effect effect : transition.effects()) {
            if (effect instanceof Effect.SetField set) {
                CustomFields fields = FieldValidation.apply(type, t.fields(), Map.of(set.field(), set.value()),
                        false, violations);
                t = t.withFields(fields);
            } else if (effect instanceof Effect.Assign assign) {
                Optional<AgentId> who = switch (assign.target()) {
                    case ACTOR -> actor.agentId();
                    case AGENT -> assign.agent();
                    case NOBODY -> Optional.empty();
                };
                t = t.withAssignee(who);
            } else if (effect instanceof Effect.AddNote note) {
                entries.add(new TimelineEntry(UUID.randomUUID(), t.id(), EntryKind.INTERNAL_NOTE, Actor.system(),
                        Visibility.INTERNAL, Channel.OTHER, render(note.text(), t, transition.name(), privacyNoticeUrl), List.of(), now));
            } else if (effect instanceof Effect.Notify notify) {
                messages.add(message(notify, t, transition.name(), requester, privacyNoticeUrl));
            }
        }
        return new Outcome(t, changes(before, t), entries, messages);
    }

    private static OutboundMessage message(Effect.Notify notify, Ticket t, String transition, Contact requester,
                                           String privacyNoticeUrl) {
        OutboundMessage.Recipient to = switch (notify.recipient()) {
            case REQUESTER -> new OutboundMessage.ToContact(requester.id(), requester.emails(), requester.language());
            case ASSIGNEE -> t.assignee().<OutboundMessage.Recipient>map(OutboundMessage.ToAgent::new)
                    .orElse(new OutboundMessage.ToTeam(t.team())); // nobody assigned: the team hears of it
            case TEAM -> new OutboundMessage.ToTeam(t.team());
        };
        return new OutboundMessage(t.id(), t.key(), t.team(), to, "[" + t.key() + "] " + t.subject(),
                render(notify.template(), t, transition, privacyNoticeUrl), OutboundMessage.Kind.NOTICE);
    }

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\{(key|subject|state|transition|privacyNoticeUrl)}");

    /**
     * Fills the placeholders in one pass, so that text coming from outside (a subject typed by the
     * requester may contain "{state}") is inserted literally and never expanded in turn.
     */
    static String render(String template, Ticket t, String transition, String privacyNoticeUrl) {
        return PLACEHOLDER.matcher(template).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                switch (m.group(1)) {
                    case "key" -> t.key().toString();
                    case "subject" -> t.subject();
                    case "state" -> t.state();
                    case "privacyNoticeUrl" -> privacyNoticeUrl;
                    default -> transition;
                }));
    }

    /** What a new ticket was opened with, as changes from nothing: the first history entry. */
    public static List<FieldChange> initialValues(Ticket t) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.of("state", null, t.state()));
        changes.add(FieldChange.of("priority", null, t.priority()));
        t.assignee().ifPresent(a -> changes.add(FieldChange.of("assignee", null, a)));
        t.classification().ifPresent(c -> changes.add(FieldChange.of("classification", null, c)));
        t.fields().values().forEach((name, value) -> changes.add(FieldChange.of("fields." + name, null, value)));
        return changes;
    }

    /** The fields that differ between two versions of a ticket, built-in ones first. */
    public static List<FieldChange> changes(Ticket a, Ticket b) {
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "state", a.state(), b.state());
        diff(changes, "assignee", a.assignee().orElse(null), b.assignee().orElse(null));
        diff(changes, "priority", a.priority(), b.priority());
        diff(changes, "classification", a.classification().orElse(null), b.classification().orElse(null));
        diff(changes, "subject", a.subject(), b.subject());
        diff(changes, "resolution", a.resolution().orElse(null), b.resolution().orElse(null));
        diff(changes, "workflowVersion", a.workflowVersion(), b.workflowVersion());
        var names = new java.util.LinkedHashSet<>(a.fields().values().keySet());
        names.addAll(b.fields().values().keySet());
        for (String name : names) {
            diff(changes, "fields." + name, a.fields().get(name).orElse(null), b.fields().get(name).orElse(null));
        }
        return changes;
    }

    private static void diff(List<FieldChange> changes, String field, Object from, Object to) {
        if (!java.util.Objects.equals(from, to)) {
            changes.add(FieldChange.of(field, from, to));
        }
    }
}
