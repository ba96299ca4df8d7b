package dev.tiketti.testkit;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.ticket.TransitionRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The transition a {@link WorkflowTestKit} scenario attempts, written
 * {@code transition("resolve").by(agent("maija").withRoles("hr")).withResolution("Lomat siirretty")}.
 * Without {@code by(...)} the system takes it.
 *
 * @param name        the transition's name
 * @param actor         who takes it (ignored when {@code requesterActs})
 * @param requesterActs whether the ticket's requester takes it (known only once the ticket exists)
 * @param resolution  a resolution given with the request
 * @param fields      custom field values given with the request
 * @since 0.1
 */
public record WhenTransition(String name, Actor actor, boolean requesterActs, Optional<String> resolution,
                             Map<String, Object> fields) {
    public WhenTransition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(resolution, "resolution");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    /** The transition {@code name}, taken by the system, with no inputs. */
    public static WhenTransition named(String name) {
        return new WhenTransition(name, Actor.system(), false, Optional.empty(), Map.of());
    }

    public WhenTransition by(TestAgent agent) {
        return by(agent.toActor());
    }

    public WhenTransition by(Actor who) {
        return new WhenTransition(name, who, false, resolution, fields);
    }

    /** The ticket's requester takes the transition (e.g. a customer replying). */
    public WhenTransition byRequester() {
        return new WhenTransition(name, actor, true, resolution, fields);
    }

    public WhenTransition withResolution(String text) {
        return new WhenTransition(name, actor, requesterActs, Optional.of(text), fields);
    }

    /** A field value typed in with the transition; guards see it, and it is stored if the transition succeeds. */
    public WhenTransition withField(String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(Objects.requireNonNull(field, "field"), value);
        return new WhenTransition(name, actor, requesterActs, resolution, copy);
    }

    /** This attempt as the request Tiketti takes, for {@code ticket} whose requester is {@code requester}. */
    public TransitionRequest toRequest(TicketId ticket, ContactId requester) {
        TransitionRequest request = TransitionRequest.of(ticket, name, requesterActs ? Actor.contact(requester) : actor);
        if (resolution.isPresent()) {
            request = request.resolution(resolution.get());
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            request = request.field(field.getKey(), field.getValue());
        }
        return request;
    }
}
