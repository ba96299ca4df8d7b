package dev.tiketti.examples.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.FieldConstraint;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.FieldKind;
import dev.tiketti.core.ticket.TicketType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON text kept in the columns whose shape varies: custom fields (typed, so that a number
 * keeps its scale and a date stays a date), role sets, attachment references, a history entry's
 * field changes and ticket types. Workflows need nothing here: core's {@code WorkflowJson} writes
 * and reads them.
 */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {
    }

    // ------------------------------------------------------------ custom fields

    /**
     * {@code {"leaveYear": {"kind": "number", "value": "2025"}, ...}} in the fields' order. The kind
     * travels with the value because JSON alone cannot tell a date or a contact id from text.
     */
    static String writeFields(CustomFields fields) {
        ObjectNode root = MAPPER.createObjectNode();
        fields.values().forEach((name, value) -> {
            ObjectNode field = root.putObject(name);
            if (value instanceof String s) {
                field.put("kind", "text").put("value", s);
            } else if (value instanceof BigDecimal d) {
                field.put("kind", "number").put("value", d.toString()); // as text: 7.50 stays 7.50
            } else if (value instanceof LocalDate d) {
                field.put("kind", "date").put("value", d.toString());
            } else if (value instanceof Boolean b) {
                field.put("kind", "boolean").put("value", b);
            } else if (value instanceof ContactId c) {
                field.put("kind", "contact").put("value", c.toString());
            } else {
                throw new IllegalArgumentException("custom field '" + name + "' holds a "
                        + value.getClass().getName() + ", which is not one of CustomFields' canonical types");
            }
        });
        return write(root);
    }

    static CustomFields readFields(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        read(json).properties().forEach(e -> {
            JsonNode value = e.getValue().get("value");
            values.put(e.getKey(), switch (e.getValue().get("kind").asText()) {
                case "text" -> value.asText();
                case "number" -> new BigDecimal(value.asText());
                case "date" -> LocalDate.parse(value.asText());
                case "boolean" -> value.asBoolean();
                case "contact" -> ContactId.of(value.asText());
                default -> throw new IllegalStateException("unknown custom field kind in the database: "
                        + e.getValue().get("kind"));
            });
        });
        return new CustomFields(values);
    }

    // ------------------------------------------------------------ roles, attachments, field changes

    static String writeRoles(Set<String> roles) {
        ArrayNode array = MAPPER.createArrayNode();
        new TreeSet<>(roles).forEach(array::add); // sorted: one set, one text
        return write(array);
    }

    static Set<String> readRoles(String json) {
        Set<String> roles = new LinkedHashSet<>();
        read(json).forEach(n -> roles.add(n.asText()));
        return roles;
    }

    static String writeAttachments(List<AttachmentRef> refs) {
        ArrayNode array = MAPPER.createArrayNode();
        for (AttachmentRef r : refs) {
            array.addObject().put("sha256", r.sha256()).put("fileName", r.fileName())
                    .put("mediaType", r.mediaType()).put("size", r.size());
        }
        return write(array);
    }

    static List<AttachmentRef> readAttachments(String json) {
        List<AttachmentRef> refs = new ArrayList<>();
        for (JsonNode n : read(json)) {
            refs.add(new AttachmentRef(n.get("sha256").asText(), n.get("fileName").asText(),
                    n.get("mediaType").asText(), n.get("size").asLong()));
        }
        return refs;
    }

    /** {@code [{"field": "state", "from": "NEW", "to": "OPEN"}, ...]}; an absent value is {@code null}. */
    static String writeChanges(List<FieldChange> changes) {
        ArrayNode array = MAPPER.createArrayNode();
        for (FieldChange c : changes) {
            ObjectNode n = array.addObject().put("field", c.field());
            n.put("from", c.from().orElse(null));
            n.put("to", c.to().orElse(null));
        }
        return write(array);
    }

    static List<FieldChange> readChanges(String json) {
        List<FieldChange> changes = new ArrayList<>();
        for (JsonNode n : read(json)) {
            changes.add(new FieldChange(n.get("field").asText(), optionalText(n.get("from")),
                    optionalText(n.get("to"))));
        }
        return changes;
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    // ------------------------------------------------------------ ticket types

    static String writeType(TicketType type) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", type.id()).put("team", type.team().value()).put("keyPrefix", type.keyPrefix())
                .put("displayName", type.displayName()).put("workflowId", type.workflowId());
        ArrayNode fields = root.putArray("fields");
        for (FieldDefinition f : type.fields()) {
            ObjectNode field = fields.addObject();
            field.put("name", f.name()).put("kind", f.kind().name()).put("mandatory", f.mandatory());
            ArrayNode constraints = field.putArray("constraints");
            for (FieldConstraint c : f.constraints()) {
                ObjectNode n = constraints.addObject();
                if (c instanceof FieldConstraint.Size s) {
                    n.put("type", "size").put("min", s.min()).put("max", s.max());
                } else if (c instanceof FieldConstraint.Pattern p) {
                    n.put("type", "pattern").put("regex", p.regex());
                } else if (c instanceof FieldConstraint.Min m) {
                    n.put("type", "min").put("value", m.min().toString());
                } else if (c instanceof FieldConstraint.Max m) {
                    n.put("type", "max").put("value", m.max().toString());
                } else if (c instanceof FieldConstraint.AllowedValues a) {
                    ArrayNode values = n.put("type", "allowedValues").putArray("values");
                    a.values().forEach(values::add);
                } else {
                    throw new IllegalArgumentException("a field constraint this adapter does not know: " + c);
                }
            }
        }
        return write(root);
    }

    static TicketType readType(String json) {
        JsonNode root = read(json);
        List<FieldDefinition> fields = new ArrayList<>();
        for (JsonNode field : root.get("fields")) {
            List<FieldConstraint> constraints = new ArrayList<>();
            for (JsonNode n : field.get("constraints")) {
                constraints.add(switch (n.get("type").asText()) {
                    case "size" -> new FieldConstraint.Size(n.get("min").asInt(), n.get("max").asInt());
                    case "pattern" -> new FieldConstraint.Pattern(n.get("regex").asText());
                    case "min" -> new FieldConstraint.Min(new BigDecimal(n.get("value").asText()));
                    case "max" -> new FieldConstraint.Max(new BigDecimal(n.get("value").asText()));
                    case "allowedValues" -> {
                        Set<String> values = new LinkedHashSet<>();
                        n.get("values").forEach(v -> values.add(v.asText()));
                        yield new FieldConstraint.AllowedValues(values);
                    }
                    default -> throw new IllegalStateException("unknown field constraint in the database: "
                            + n.get("type"));
                });
            }
            fields.add(new FieldDefinition(field.get("name").asText(), FieldKind.valueOf(field.get("kind").asText()),
                    field.get("mandatory").asBoolean(), constraints));
        }
        return new TicketType(root.get("id").asText(), TeamId.of(root.get("team").asText()),
                root.get("keyPrefix").asText(), root.get("displayName").asText(), root.get("workflowId").asText(),
                fields);
    }

    // ------------------------------------------------------------ plumbing

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds text that is not JSON; was it edited by hand?", e);
        }
    }
}
