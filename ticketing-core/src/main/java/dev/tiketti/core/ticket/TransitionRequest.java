package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request to move a ticket along a named transition, optionally with the resolution or field
 * values the transition needs, and the version the caller saw (to refuse stale updates).
 *
 * @since 0.1
 */
public record TransitionRequest(TicketId ticketId, String transition, Actor actor, OptionalLong expectedVersion,
                                Optional<String> resolution, Map<String, Object> fields) {
    public TransitionRequest {
        Require.nonNull(ticketId, "ticket id");
        Require.notBlank(transition, "transition name");
        Require.nonNull(actor, "actor");
        Require.nonNull(expectedVersion, "expectedVersion");
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() < 1) {
            throw TicketMessages.expectedVersionBelowOne(expectedVersion.getAsLong());
        }
        Require.nonNull(resolution, "resolution");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Require.nonNull(fields, "fields")));
    }

    public static TransitionRequest of(TicketId ticketId, String transition, Actor actor) {
        return new TransitionRequest(ticketId, transition, actor, OptionalLong.empty(), Optional.empty(), Map.of());
    }

    /** Refuse with a concurrent-update error unless the ticket is still at this version. */
    public TransitionRequest expectedVersion(long version) {
        return new TransitionRequest(ticketId, transition, actor, OptionalLong.of(version), resolution, fields);
    }

    public TransitionRequest resolution(String text) {
        return new TransitionRequest(ticketId, transition, actor, expectedVersion,
                Optional.of(Require.notBlank(text, "resolution")), fields);
    }

    public TransitionRequest field(String name, Object value) {
        var copy = new LinkedHashMap<>(fields);
        copy.put(Require.notBlank(name, "field name"), value);
        return new TransitionRequest(ticketId, transition, actor, expectedVersion, resolution, copy);
    }
}
