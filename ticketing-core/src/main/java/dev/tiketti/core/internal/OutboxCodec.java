package dev.tiketti.core.internal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.spi.OutboundMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what goes into the outbox — ticket events, privacy events and outbound messages — as JSON
 * and reads it back. The envelope names the type ({@code ticket.TicketTransitioned},
 * {@code privacy.ContactErased}, {@code message}) and a format version, so that entries written by
 * an older node stay readable; the types come from the sealed hierarchies, so a new event type is
 * covered without touching this class (and the round-trip test checks every one).
 */
public final class OutboxCodec {
    static final int FORMAT = 1;
    private static final String MESSAGE = "message";

    /** Recipient is a sealed interface: its JSON names the kind of recipient. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    private interface RecipientMixin {
    }

    private final ObjectMapper mapper;
    private final Map<String, Class<?>> types = new LinkedHashMap<>();

    private OutboxCodec() {
        mapper = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Records may have derived accessors (isX()) that are written but are not properties.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(OutboundMessage.Recipient.class, RecipientMixin.class)
                .build();
        for (Class<?> c : OutboundMessage.Recipient.class.getPermittedSubclasses()) {
            mapper.registerSubtypes(new NamedType(c, c.getSimpleName()));
        }
        for (Class<?> c : TicketEvent.class.getPermittedSubclasses()) {
            types.put("ticket." + c.getSimpleName(), c);
        }
        for (Class<?> c : PrivacyEvent.class.getPermittedSubclasses()) {
            types.put("privacy." + c.getSimpleName(), c);
        }
        types.put(MESSAGE, OutboundMessage.class);
    }

    /**
     * The codec; fails with a clear configuration error when Jackson is not on the class path (it is
     * an optional dependency of core, needed only with an outbox).
     */
    public static OutboxCodec create() {
        try {
            Class.forName("com.fasterxml.jackson.datatype.jsr310.JavaTimeModule", false, OutboxCodec.class.getClassLoader());
            Class.forName("com.fasterxml.jackson.datatype.jdk8.Jdk8Module", false, OutboxCodec.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw ConfigProblems.jacksonMissingForOutbox(e);
        }
        return new OutboxCodec();
    }

    /** The type name written for a value, e.g. {@code ticket.TicketOpened}. */
    public String typeOf(Object value) {
        if (value instanceof OutboundMessage) {
            return MESSAGE;
        }
        String prefix = value instanceof TicketEvent ? "ticket." : value instanceof PrivacyEvent ? "privacy." : null;
        Require.argument(prefix != null, () -> EventProblems.notOutboxValue(value.getClass()));
        return prefix + value.getClass().getSimpleName();
    }

    public String write(Object value) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("format", FORMAT);
        envelope.put("type", typeOf(value));
        envelope.set("data", mapper.valueToTree(value));
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Fills what a message written before kinds, teams and languages existed lacks: a notice (the
     * only automatic kind core sent then, and the cautious choice for a reply, which is then only
     * marked as automatic), of no known team, to a contact in the register's default language.
     */
    private static void withDefaults(ObjectNode message) {
        if (!message.hasNonNull("kind")) {
            message.put("kind", OutboundMessage.Kind.NOTICE.name());
        }
        if (!message.hasNonNull("team")) {
            message.putNull("team");
        }
        if (message.get("to") instanceof ObjectNode to && "ToContact".equals(to.path("kind").asText(""))
                && !to.hasNonNull("language")) {
            to.put("language", Language.FI.name());
        }
    }

    /** Reads a payload back; an unreadable one fails with {@code OUTBOX_ENTRY_UNREADABLE}. */
    public Object read(String entryId, String payload) {
        try {
            JsonNode envelope = mapper.readTree(payload);
            int format = envelope.path("format").asInt(-1);
            String type = envelope.path("type").asText("");
            Class<?> c = types.get(type);
            if (format != FORMAT || c == null) {
                throw EventProblems.unknownPayload(entryId, format, type, FORMAT, types.keySet());
            }
            JsonNode data = envelope.get("data");
            if (c == OutboundMessage.class && data instanceof ObjectNode message) {
                withDefaults(message);
            }
            return mapper.treeToValue(data, c);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw EventProblems.unreadablePayload(entryId, e.getMessage(), e);
        }
    }
}
