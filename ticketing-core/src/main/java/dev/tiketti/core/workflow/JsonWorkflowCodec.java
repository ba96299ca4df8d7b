package dev.tiketti.core.workflow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.JsonTreeReader;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.ticket.StateCategory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * JSON form of workflow definitions over Jackson's tree model. Hand-mapped rather than
 * data-bound so that every problem is reported with its path and the sealed guard and effect
 * families stay free of Jackson annotations. Not API.
 */
final class JsonWorkflowCodec {
    public static final JsonWorkflowCodec INSTANCE = new JsonWorkflowCodec();

    static final List<String> GUARD_TYPES =
            List.of("resolutionRequired", "fieldRequired", "actorHasRole", "requesterAssurance", "assigneeRequired");
    static final List<String> EFFECT_TYPES = List.of("setField", "assign", "addNote", "notify");

    // Strict like the rest of the reader: a repeated key or text after the document is a mistake
    // to report, not something to resolve silently (last key wins, trailing text ignored).
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonWorkflowCodec() {
    }

    public String write(WorkflowDefinition d) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", d.id());
        root.put("version", d.version());
        root.put("initial", d.initialState());
        ArrayNode states = root.putArray("states");
        for (StateDefinition s : d.states()) {
            states.addObject().put("name", s.name()).put("category", s.category().name());
        }
        ArrayNode transitions = root.putArray("transitions");
        for (TransitionDefinition t : d.transitions()) {
            ObjectNode tn = transitions.addObject();
            tn.put("name", t.name());
            ArrayNode from = tn.putArray("from");
            t.from().forEach(from::add);
            tn.put("to", t.to());
            ArrayNode guards = tn.putArray("guards");
            t.guards().forEach(g -> writeGuard(g, guards.addObject()));
            ArrayNode effects = tn.putArray("effects");
            t.effects().forEach(e -> writeEffect(e, effects.addObject()));
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void writeGuard(Guard g, ObjectNode n) {
        if (g instanceof Guard.ResolutionRequired) {
            n.put("type", "resolutionRequired");
        } else if (g instanceof Guard.FieldRequired f) {
            n.put("type", "fieldRequired").put("field", f.field());
        } else if (g instanceof Guard.ActorHasRole r) {
            n.put("type", "actorHasRole").put("role", r.role());
        } else if (g instanceof Guard.RequesterAssurance a) {
            n.put("type", "requesterAssurance").put("level", a.level().name());
        } else if (g instanceof Guard.AssigneeRequired) {
            n.put("type", "assigneeRequired");
        }
    }

    private static void writeEffect(Effect e, ObjectNode n) {
        if (e instanceof Effect.SetField s) {
            n.put("type", "setField").put("field", s.field()).put("value", s.value());
        } else if (e instanceof Effect.Assign a) {
            n.put("type", "assign").put("target", a.target().name());
            a.agent().ifPresent(agent -> n.put("agent", agent.value()));
        } else if (e instanceof Effect.AddNote note) {
            n.put("type", "addNote").put("text", note.text());
        } else if (e instanceof Effect.Notify notify) {
            n.put("type", "notify").put("recipient", notify.recipient().name()).put("template", notify.template());
        }
    }

    public WorkflowDefinition read(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw WorkflowMessages.notJson(e.getLocation() != null,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), e.getOriginalMessage());
        }
        Reader r = new Reader();
        WorkflowDefinition d = r.definition(root);
        if (!r.problems().isEmpty()) {
            throw WorkflowMessages.unreadable(r.problems());
        }
        return d;
    }

    /** Collects problems while reading, so one pass reports them all. */
    private static final class Reader extends JsonTreeReader {

        WorkflowDefinition definition(JsonNode root) {
            if (!root.isObject()) {
                problems.add(WorkflowMessages.jsonRootNotObject());
                return null;
            }
            allowOnly(root, "$", Set.of("id", "version", "initial", "states", "transitions"));
            String id = text(root, "id", "$", true);
            int version = root.has("version") ? integer(root.get("version"), "$.version") : 0;
            String initial = text(root, "initial", "$", true);
            List<StateDefinition> states = array(root, "states", "$", this::state);
            List<TransitionDefinition> transitions = array(root, "transitions", "$", this::transition);
            if (!problems.isEmpty()) {
                return null;
            }
            if (version < 0) {
                problems.add(WorkflowMessages.jsonNegativeVersion(version));
                return null;
            }
            return new WorkflowDefinition(id, version, initial, states, transitions);
        }

        StateDefinition state(JsonNode n, String path) {
            if (!isObject(n, path)) {
                return null;
            }
            allowOnly(n, path, Set.of("name", "category"));
            String name = text(n, "name", path, true);
            StateCategory category = enumValue(n, "category", path, StateCategory.class);
            return name == null || category == null ? null : new StateDefinition(name, category);
        }

        TransitionDefinition transition(JsonNode n, String path) {
            if (!isObject(n, path)) {
                return null;
            }
            allowOnly(n, path, Set.of("name", "from", "to", "guards", "effects"));
            String name = text(n, "name", path, true);
            List<String> from = array(n, "from", path, (f, p) -> {
                if (!f.isTextual()) {
                    problems.add(WorkflowMessages.jsonStateNameNotText(p, kind(f)));
                    return null;
                }
                return f.asText();
            });
            String to = text(n, "to", path, true);
            List<Guard> guards = n.has("guards") ? array(n, "guards", path, this::guard) : List.of();
            List<Effect> effects = n.has("effects") ? array(n, "effects", path, this::effect) : List.of();
            if (name == null || to == null) {
                return null;
            }
            return new TransitionDefinition(name, from, to, guards, effects);
        }

        Guard guard(JsonNode n, String path) {
            if (!isObject(n, path)) {
                return null;
            }
            String type = text(n, "type", path, true);
            if (type == null) {
                return null;
            }
            return switch (type) {
                case "resolutionRequired" -> only(n, path, Set.of("type"), Guard.resolutionRequired());
                case "assigneeRequired" -> only(n, path, Set.of("type"), Guard.assigneeRequired());
                case "fieldRequired" -> build(n, path, Set.of("type", "field"),
                        () -> Guard.fieldRequired(text(n, "field", path, true)));
                case "actorHasRole" -> build(n, path, Set.of("type", "role"),
                        () -> Guard.actorHasRole(text(n, "role", path, true)));
                case "requesterAssurance" -> {
                    allowOnly(n, path, Set.of("type", "level"));
                    AssuranceLevel level = enumValue(n, "level", path, AssuranceLevel.class);
                    yield level == null ? null : Guard.requesterAssurance(level);
                }
                default -> {
                    problems.add(WorkflowMessages.jsonUnknownGuard(path, type, GUARD_TYPES));
                    yield null;
                }
            };
        }

        Effect effect(JsonNode n, String path) {
            if (!isObject(n, path)) {
                return null;
            }
            String type = text(n, "type", path, true);
            if (type == null) {
                return null;
            }
            return switch (type) {
                case "setField" -> build(n, path, Set.of("type", "field", "value"),
                        () -> Effect.setField(text(n, "field", path, true), text(n, "value", path, true)));
                case "addNote" -> build(n, path, Set.of("type", "text"),
                        () -> Effect.addNote(text(n, "text", path, true)));
                case "notify" -> {
                    allowOnly(n, path, Set.of("type", "recipient", "template"));
                    Effect.Notify.Recipient recipient = enumValue(n, "recipient", path, Effect.Notify.Recipient.class);
                    String template = text(n, "template", path, true);
                    yield recipient == null || template == null ? null
                            : construct(path, () -> Effect.notify(recipient, template));
                }
                case "assign" -> {
                    allowOnly(n, path, Set.of("type", "target", "agent"));
                    Effect.Assign.Target target = enumValue(n, "target", path, Effect.Assign.Target.class);
                    String agent = text(n, "agent", path, target == Effect.Assign.Target.AGENT);
                    if (target == null || (target == Effect.Assign.Target.AGENT && agent == null)) {
                        yield null; // already reported; constructing would report the same thing again
                    }
                    if (target != Effect.Assign.Target.AGENT && agent != null) {
                        problems.add(WorkflowMessages.jsonAgentWithoutAgentTarget(path));
                        yield null;
                    }
                    yield construct(path, () -> new Effect.Assign(target, Optional.ofNullable(agent).map(AgentId::new)));
                }
                default -> {
                    problems.add(WorkflowMessages.jsonUnknownEffect(path, type, EFFECT_TYPES));
                    yield null;
                }
            };
        }

        private <T> T only(JsonNode n, String path, Set<String> allowed, T value) {
            allowOnly(n, path, allowed);
            return value;
        }

        /** Constructs a value, turning a constructor's own argument check into a located problem. */
        private <T> T build(JsonNode n, String path, Set<String> allowed, java.util.function.Supplier<T> make) {
            allowOnly(n, path, allowed);
            return construct(path, make);
        }

        private int integer(JsonNode v, String path) {
            if (!v.isInt()) {
                problems.add(WorkflowMessages.jsonNotWholeNumber(path, kind(v)));
                return 0;
            }
            return v.asInt();
        }

        private <E extends Enum<E>> E enumValue(JsonNode n, String field, String path, Class<E> type) {
            String value = text(n, field, path, true);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                problems.add(WorkflowMessages.jsonNotOneOf(path, field, value, List.of(type.getEnumConstants())));
                return null;
            }
        }

        private <T> List<T> array(JsonNode n, String field, String path, ElementReader<T> element) {
            JsonNode v = n.get(field);
            if (v == null || !v.isArray()) {
                problems.add(WorkflowMessages.jsonNotArray(path, field, v == null));
                return List.of();
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                String p = path + "." + field + "[" + i + "]";
                T value = element.read(v.get(i), p);
                if (value != null) {
                    out.add(value);
                }
            }
            return out;
        }
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        T read(JsonNode node, String path);
    }
}
