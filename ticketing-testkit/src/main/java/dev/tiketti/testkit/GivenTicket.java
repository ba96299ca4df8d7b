package dev.tiketti.testkit;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.privacy.AssuranceLevel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ticket of a {@link WorkflowTestKit} scenario looks like before the transition under
 * test: start with {@link WorkflowTestKit#ticket()} and add what matters,
 * e.g. {@code ticket().inState("OPEN").classifiedAs("Palvelussuhde/Palkka").assignedTo("maija")}.
 * Anything not said takes a neutral default: the workflow's initial state, no classification,
 * normal priority, nobody assigned, no resolution, a requester identified at
 * {@link AssuranceLevel#LOW}.
 *
 * @param state              the state to put the ticket in; empty for the initial state
 * @param classification     a classification path such as {@code Palvelussuhde/Palkka}
 * @param fields             custom field values, as a host would pass them to {@code OpenTicket.field}
 * @param assignee           the handler the ticket is assigned to
 * @param resolution         a resolution the ticket already carries
 * @param requesterAssurance how well the (invented) requester is identified
 * @since 0.1
 */
public record GivenTicket(Optional<String> state, Optional<String> classification, Map<String, Object> fields,
                          Optional<AgentId> assignee, Optional<String> resolution, Priority priority,
                          AssuranceLevel requesterAssurance, String subject, Channel channel) {
    public GivenTicket {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(classification, "classification");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(requesterAssurance, "requesterAssurance");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(channel, "channel");
    }

    /** The neutral ticket; same as {@link WorkflowTestKit#ticket()}. */
    public static GivenTicket defaults() {
        return new GivenTicket(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                Priority.NORMAL, AssuranceLevel.LOW, "Testitiketti", Channel.EMAIL);
    }

    /** The ticket is already in {@code stateName} (placed there directly; see {@link WorkflowTestKit}). */
    public GivenTicket inState(String stateName) {
        return new GivenTicket(Optional.of(stateName), classification, fields, assignee, resolution, priority,
                requesterAssurance, subject, channel);
    }

    public GivenTicket classifiedAs(String path) {
        return new GivenTicket(state, Optional.of(path), fields, assignee, resolution, priority, requesterAssurance,
                subject, channel);
    }

    /** Sets a custom field; the value is checked against the ticket type when the ticket is opened. */
    public GivenTicket field(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(name, value);
        return new GivenTicket(state, classification, copy, assignee, resolution, priority, requesterAssurance,
                subject, channel);
    }

    public GivenTicket assignedTo(String agentId) {
        return assignedTo(new AgentId(agentId));
    }

    public GivenTicket assignedTo(TestAgent agent) {
        return assignedTo(agent.agentId());
    }

    public GivenTicket assignedTo(AgentId agentId) {
        return new GivenTicket(state, classification, fields, Optional.of(agentId), resolution, priority,
                requesterAssurance, subject, channel);
    }

    public GivenTicket withResolution(String text) {
        return new GivenTicket(state, classification, fields, assignee, Optional.of(text), priority,
                requesterAssurance, subject, channel);
    }

    public GivenTicket priority(Priority value) {
        return new GivenTicket(state, classification, fields, assignee, resolution, value, requesterAssurance,
                subject, channel);
    }

    /** How well the requester is identified, for {@code requesterAssurance} guards. */
    public GivenTicket requesterIdentifiedAt(AssuranceLevel level) {
        return new GivenTicket(state, classification, fields, assignee, resolution, priority, level, subject,
                channel);
    }

    public GivenTicket subject(String text) {
        return new GivenTicket(state, classification, fields, assignee, resolution, priority, requesterAssurance,
                text, channel);
    }

    public GivenTicket channel(Channel value) {
        return new GivenTicket(state, classification, fields, assignee, resolution, priority, requesterAssurance,
                subject, value);
    }
}
