package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A change of a ticket's data outside the workflow: assignee, priority, classification, subject
 * or custom fields. Only what is set here changes.
 *
 * @param assignee present to change the handler: {@code Optional.of(Optional.empty())} unassigns
 * @param fields   custom fields to write; a null value clears an optional field
 * @since 0.1
 */
public record TicketUpdate(TicketId ticketId, Actor actor, OptionalLong expectedVersion,
                           Optional<Optional<AgentId>> assignee, Optional<Priority> priority,
                           Optional<Classification> classification, Optional<String> subject,
                           Map<String, Object> fields) {
    public TicketUpdate {
        Require.nonNull(ticketId, "ticket id");
        Require.nonNull(actor, "actor");
        Require.nonNull(expectedVersion, "expectedVersion");
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() < 1) {
            throw TicketMessages.expectedVersionBelowOne(expectedVersion.getAsLong());
        }
        Require.nonNull(assignee, "assignee");
        Require.nonNull(priority, "priority");
        Require.nonNull(classification, "classification");
        Require.nonNull(subject, "subject");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Require.nonNull(fields, "fields")));
    }

    public static TicketUpdate of(TicketId ticketId, Actor actor) {
        return new TicketUpdate(ticketId, actor, OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of());
    }

    public TicketUpdate expectedVersion(long version) {
        return new TicketUpdate(ticketId, actor, OptionalLong.of(version), assignee, priority, classification, subject, fields);
    }

    public TicketUpdate assignTo(AgentId agent) {
        return new TicketUpdate(ticketId, actor, expectedVersion, Optional.of(Optional.of(Require.nonNull(agent, "agent"))),
                priority, classification, subject, fields);
    }

    public TicketUpdate unassign() {
        return new TicketUpdate(ticketId, actor, expectedVersion, Optional.of(Optional.empty()), priority,
                classification, subject, fields);
    }

    public TicketUpdate priority(Priority value) {
        return new TicketUpdate(ticketId, actor, expectedVersion, assignee, Optional.of(Require.nonNull(value, "priority")),
                classification, subject, fields);
    }

    public TicketUpdate classification(String path) {
        return new TicketUpdate(ticketId, actor, expectedVersion, assignee, priority,
                Optional.of(Classification.of(path)), subject, fields);
    }

    public TicketUpdate subject(String value) {
        return new TicketUpdate(ticketId, actor, expectedVersion, assignee, priority, classification,
                Optional.of(Require.notBlank(value, "subject")), fields);
    }

    public TicketUpdate field(String name, Object value) {
        var copy = new LinkedHashMap<>(fields);
        copy.put(Require.notBlank(name, "field name"), value);
        return new TicketUpdate(ticketId, actor, expectedVersion, assignee, priority, classification, subject, copy);
    }
}
