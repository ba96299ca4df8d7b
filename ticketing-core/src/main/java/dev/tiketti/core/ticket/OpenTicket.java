package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request to open a ticket: what the matter is, who raised it and through which channel.
 * Start with {@link #of} and add what you know.
 *
 * <pre>{@code
 * OpenTicket.of("annual-leave", requester, "Vuosiloman siirto", Channel.EMAIL)
 *     .body("Voinko siirtää kesälomani elokuulle?")
 *     .classification("Palvelussuhde/Vuosiloma")
 *     .field("leaveYear", 2025)
 * }</pre>
 *
 * @param fields custom field values by name; a value may be null in a host's map to mean "not given"
 * @since 0.1
 */
public record OpenTicket(String typeId, ContactId requester, String subject, Channel channel, Optional<String> body,
                         Optional<Classification> classification, Priority priority,
                         Optional<OrganizationId> organization, Optional<AgentId> assignee,
                         Map<String, Object> fields, List<AttachmentRef> attachments, Actor actor,
                         Optional<String> idempotencyKey) {
    /** The longest idempotency key (of an open or an added entry) a store must accept. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    public OpenTicket {
        Require.notBlank(typeId, "ticket type");
        Require.nonNull(requester, "requester");
        Require.notBlank(subject, "subject");
        Require.nonNull(channel, "channel");
        Require.nonNull(body, "body");
        Require.nonNull(classification, "classification");
        Require.nonNull(priority, "priority");
        Require.nonNull(organization, "organization");
        Require.nonNull(assignee, "assignee");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Require.nonNull(fields, "fields")));
        attachments = Require.listOf(attachments, "attachments");
        Require.nonNull(actor, "actor");
        idempotencyKey = Require.nonNull(idempotencyKey, "idempotency key").map(TicketMessages::checkedIdempotencyKey);
    }

    public static OpenTicket of(String typeId, ContactId requester, String subject, Channel channel) {
        return new OpenTicket(typeId, requester, subject, channel, Optional.empty(), Optional.empty(), Priority.NORMAL,
                Optional.empty(), Optional.empty(), Map.of(), List.of(), Actor.system(), Optional.empty());
    }

    /** The first message, call summary or description of the matter. */
    public OpenTicket body(String text) {
        return new OpenTicket(typeId, requester, subject, channel, Optional.of(Require.notBlank(text, "body")),
                classification, priority, organization, assignee, fields, attachments, actor, idempotencyKey);
    }

    public OpenTicket classification(String path) {
        return new OpenTicket(typeId, requester, subject, channel, body, Optional.of(Classification.of(path)),
                priority, organization, assignee, fields, attachments, actor, idempotencyKey);
    }

    public OpenTicket priority(Priority value) {
        return new OpenTicket(typeId, requester, subject, channel, body, classification, value, organization,
                assignee, fields, attachments, actor, idempotencyKey);
    }

    public OpenTicket organization(OrganizationId value) {
        return new OpenTicket(typeId, requester, subject, channel, body, classification, priority,
                Optional.of(value), assignee, fields, attachments, actor, idempotencyKey);
    }

    public OpenTicket assignee(AgentId value) {
        return new OpenTicket(typeId, requester, subject, channel, body, classification, priority, organization,
                Optional.of(value), fields, attachments, actor, idempotencyKey);
    }

    public OpenTicket field(String name, Object value) {
        var copy = new LinkedHashMap<>(fields);
        copy.put(Require.notBlank(name, "field name"), value);
        return new OpenTicket(typeId, requester, subject, channel, body, classification, priority, organization,
                assignee, copy, attachments, actor, idempotencyKey);
    }

    public OpenTicket attachment(AttachmentRef ref) {
        var copy = new java.util.ArrayList<>(attachments);
        copy.add(Require.nonNull(ref, "attachment"));
        return new OpenTicket(typeId, requester, subject, channel, body, classification, priority, organization,
                assignee, fields, copy, actor, idempotencyKey);
    }

    /**
     * Makes opening idempotent: a second {@code open} with the same key (after a crash, a retry whose
     * commit's outcome was unknown, the same mail fetched by two nodes) opens nothing and returns the
     * ticket the first one opened. A key is 1–{@value #MAX_IDEMPOTENCY_KEY_LENGTH}
     * characters without control characters, unique per change, e.g. {@code mail:hr@example.fi:<message-id>};
     * it must not carry personal data. Needs a storage that keeps keys ({@code IdempotencyStore}).
     */
    public OpenTicket idempotencyKey(String key) {
        return new OpenTicket(typeId, requester, subject, channel, body, classification, priority, organization,
                assignee, fields, attachments, actor, Optional.of(Require.notBlank(key, "idempotency key")));
    }

    /** Who records the ticket (the handler who took the call); {@link Actor#system()} by default. */
    public OpenTicket by(Actor value) {
        return new OpenTicket(typeId, requester, subject, channel, body, classification, priority, organization,
                assignee, fields, attachments, value, idempotencyKey);
    }
}
