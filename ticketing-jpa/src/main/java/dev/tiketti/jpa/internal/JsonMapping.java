package dev.tiketti.jpa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.ticket.AttachmentRef;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.FieldConstraint;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.FieldKind;
import dev.tiketti.core.ticket.TicketType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON forms of the values kept in text columns: custom fields (typed, so a number keeps its
 * scale and a date stays a date), role sets, attachment references and ticket types.
 */
final class JsonMapping {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonMapping() {
    }

    // ------------------------------------------------------------ custom fields

    /** {@code {"name": {"kind": "number", "value": "12.50"}, ...}}, in the fields' order. */
    static String writeFields(CustomFields fields) {
        ObjectNode root = MAPPER.createObjectNode();
        fields.values().forEach((name, value) -> {
            ObjectNode n = root.putObject(name);
            if (value instanceof String s) {
                n.put("kind", "text").put("value", s);
            } else if (value instanceof BigDecimal d) {
                n.put("kind", "number").put("value", d.toString());
            } else if (value instanceof LocalDate d) {
                n.put("kind", "date").put("value", d.toString());
            } else if (value instanceof Boolean b) {
                n.put("kind", "boolean").put("value", b);
            } else if (value instanceof ContactId c) {
                n.put("kind", "contact").put("value", c.toString());
            } else {
                throw new IllegalArgumentException("custom field '" + name + "' holds a "
                        + value.getClass().getName() + ", which is not a canonical field value");
            }
        });
        return write(root);
    }

    static CustomFields readFields(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = read(json).fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue().get("value");
            Object value = switch (e.getValue().get("kind").asText()) {
                case "text" -> v.asText();
                case "number" -> new BigDecimal(v.asText());
                case "date" -> LocalDate.parse(v.asText());
                case "boolean" -> v.asBoolean();
                case "contact" -> ContactId.of(v.asText());
                default -> throw new IllegalStateException("unknown custom field kind in the database: "
                        + e.getValue().get("kind"));
            };
            values.put(e.getKey(), value);
        }
        return new CustomFields(values);
    }

    // ------------------------------------------------------------ roles and attachments

    static String writeRoles(Set<String> roles) {
        ArrayNode a = MAPPER.createArrayNode();
        new TreeSet<>(roles).forEach(a::add); // sorted: the same set always gives the same text
        return write(a);
    }

    static Set<String> readRoles(String json) {
        Set<String> roles = new LinkedHashSet<>();
        read(json).forEach(n -> roles.add(n.asText()));
        return roles;
    }

    /** A list of strings in order (phone numbers). */
    static String writeStrings(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return write(a);
    }

    static List<String> readStrings(String json) {
        List<String> values = new ArrayList<>();
        read(json).forEach(n -> values.add(n.asText()));
        return values;
    }

    static String writeAttachments(List<AttachmentRef> refs) {
        ArrayNode a = MAPPER.createArrayNode();
        for (AttachmentRef r : refs) {
            a.addObject().put("sha256", r.sha256()).put("fileName", r.fileName())
                    .put("mediaType", r.mediaType()).put("size", r.size());
        }
        return write(a);
    }

    static List<AttachmentRef> readAttachments(String json) {
        List<AttachmentRef> refs = new ArrayList<>();
        for (JsonNode n : read(json)) {
            refs.add(new AttachmentRef(n.get("sha256").asText(), n.get("fileName").asText(),
                    n.get("mediaType").asText(), n.get("size").asLong()));
        }
        return refs;
    }

    // ------------------------------------------------------------ ticket types

    static String writeType(TicketType type) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", type.id()).put("team", type.team().value()).put("keyPrefix", type.keyPrefix())
                .put("displayName", type.displayName()).put("workflowId", type.workflowId());
        ArrayNode fields = root.putArray("fields");
        for (FieldDefinition f : type.fields()) {
            ObjectNode fn = fields.addObject();
            fn.put("name", f.name()).put("kind", f.kind().name()).put("mandatory", f.mandatory());
            ArrayNode cs = fn.putArray("constraints");
            for (FieldConstraint c : f.constraints()) {
                ObjectNode cn = cs.addObject();
                if (c instanceof FieldConstraint.Size s) {
                    cn.put("type", "size").put("min", s.min()).put("max", s.max());
                } else if (c instanceof FieldConstraint.Pattern p) {
                    cn.put("type", "pattern").put("regex", p.regex());
                } else if (c instanceof FieldConstraint.Min m) {
                    cn.put("type", "min").put("value", m.min().toString());
                } else if (c instanceof FieldConstraint.Max m) {
                    cn.put("type", "max").put("value", m.max().toString());
                } else if (c instanceof FieldConstraint.AllowedValues a) {
                    ArrayNode vs = cn.put("type", "allowedValues").putArray("values");
                    a.values().forEach(vs::add);
                }
            }
        }
        return write(root);
    }

    static TicketType readType(String json) {
        JsonNode root = read(json);
        List<FieldDefinition> fields = new ArrayList<>();
        for (JsonNode fn : root.get("fields")) {
            List<FieldConstraint> constraints = new ArrayList<>();
            for (JsonNode cn : fn.get("constraints")) {
                constraints.add(switch (cn.get("type").asText()) {
                    case "size" -> new FieldConstraint.Size(cn.get("min").asInt(), cn.get("max").asInt());
                    case "pattern" -> new FieldConstraint.Pattern(cn.get("regex").asText());
                    case "min" -> new FieldConstraint.Min(new BigDecimal(cn.get("value").asText()));
                    case "max" -> new FieldConstraint.Max(new BigDecimal(cn.get("value").asText()));
                    case "allowedValues" -> {
                        Set<String> values = new LinkedHashSet<>();
                        cn.get("values").forEach(v -> values.add(v.asText()));
                        yield new FieldConstraint.AllowedValues(values);
                    }
                    default -> throw new IllegalStateException("unknown field constraint in the database: "
                            + cn.get("type"));
                });
            }
            fields.add(new FieldDefinition(fn.get("name").asText(), FieldKind.valueOf(fn.get("kind").asText()),
                    fn.get("mandatory").asBoolean(), constraints));
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
