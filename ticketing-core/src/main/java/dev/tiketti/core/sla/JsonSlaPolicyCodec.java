package dev.tiketti.core.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.JsonTreeReader;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TicketingException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * JSON form of SLA policies over Jackson's tree model, hand-mapped like the workflow codec so
 * every problem is reported with its path and the value types stay free of Jackson annotations.
 * Package-private: not API; loaded only after {@link SlaPolicyJson} found Jackson.
 */
final class JsonSlaPolicyCodec {
    static final JsonSlaPolicyCodec INSTANCE = new JsonSlaPolicyCodec();
    static final List<String> ESCALATION_TYPES = List.of("notifyTeamLead", "raisePriority", "reassign");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSlaPolicyCodec() {
    }

    String write(SlaPolicies all) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode policies = root.putArray("policies");
        for (SlaPolicy p : all.policies()) {
            ObjectNode pn = policies.addObject();
            pn.put("name", p.name());
            pn.put("calendar", p.calendar());
            ObjectNode targets = pn.putObject("targets");
            p.targets().forEach((t, d) -> targets.put(t.name(), d.toString()));
            ArrayNode warnings = pn.putArray("warnings");
            for (WarningThreshold w : p.warnings()) {
                ObjectNode wn = warnings.addObject().put("percent", w.percent());
                writeEscalations(w.effects(), wn.putArray("effects"));
            }
            writeEscalations(p.atBreach(), pn.putArray("atBreach"));
        }
        ArrayNode rules = root.putArray("rules");
        for (SlaRule r : all.rules()) {
            ObjectNode rn = rules.addObject();
            rn.put("policy", r.policy());
            r.ticketType().ifPresent(t -> rn.put("type", t));
            r.classification().ifPresent(c -> rn.put("classification", c.path()));
            r.priority().ifPresent(p -> rn.put("priority", p.name()));
            r.organization().ifPresent(o -> rn.put("organization", o.value().toString()));
        }
        root.put("fallback", all.fallback().name());
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void writeEscalations(List<Escalation> effects, ArrayNode out) {
        for (Escalation e : effects) {
            ObjectNode n = out.addObject();
            if (e instanceof Escalation.NotifyTeamLead) {
                n.put("type", "notifyTeamLead");
            } else if (e instanceof Escalation.RaisePriority r) {
                n.put("type", "raisePriority").put("levels", r.levels());
            } else if (e instanceof Escalation.Reassign r) {
                n.put("type", "reassign").put("target", r.target().name());
                r.agent().ifPresent(a -> n.put("agent", a.value()));
            }
        }
    }

    SlaPolicies read(String json, Map<String, BusinessCalendar> calendars) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw SlaMessages.notJson(e.getLocation().getLineNr(), e.getLocation().getColumnNr(), e.getOriginalMessage());
        }
        Reader r = new Reader();
        r.document(root);
        if (!r.problems().isEmpty()) {
            throw SlaMessages.malformed(r.problems());
        }
        // Content checks: every policy's own problems plus the cross-checks, all in one exception.
        List<String> invalid = new ArrayList<>();
        Map<String, String> calendarOfPolicy = new LinkedHashMap<>();
        List<SlaPolicy> built = new ArrayList<>();
        for (int i = 0; i < r.policies.size(); i++) {
            SlaPolicy.Builder b = r.policies.get(i);
            String name = r.policyNames.get(i);
            List<String> own = b.problems();
            int index = i;
            own.forEach(p -> invalid.add(SlaMessages.jsonPolicyProblem(index, p)));
            if (calendarOfPolicy.containsKey(name)) {
                invalid.add(SlaMessages.jsonPolicyTwice(name));
            }
            calendarOfPolicy.put(name, r.policyCalendars.get(i));
            if (own.isEmpty()) {
                built.add(b.build());
            }
        }
        List<List<String>> cross = SlaPolicies.crossProblems(calendarOfPolicy, r.rules,
                Optional.ofNullable(r.fallback), calendars.keySet());
        invalid.addAll(cross.get(0));
        if (!invalid.isEmpty() || !cross.get(1).isEmpty()) {
            throw SlaMessages.document(invalid, cross.get(1));
        }
        SlaPolicies.Builder b = SlaPolicies.builder().calendars(calendars);
        built.forEach(b::policy);
        r.rules.forEach(b::rule);
        return b.fallback(r.fallback).build();
    }

    /** Collects structural problems while reading, so one pass reports them all. */
    private static final class Reader extends JsonTreeReader {
        final List<SlaPolicy.Builder> policies = new ArrayList<>();
        final List<String> policyNames = new ArrayList<>();
        final List<String> policyCalendars = new ArrayList<>();
        final List<SlaRule> rules = new ArrayList<>();
        String fallback;

        void document(JsonNode root) {
            if (!root.isObject()) {
                problems.add(SlaMessages.jsonRootNotObject());
                return;
            }
            allowOnly(root, "$", Set.of("policies", "rules", "fallback"));
            JsonNode ps = array(root, "policies", "$", true);
            for (int i = 0; ps != null && i < ps.size(); i++) {
                policy(ps.get(i), "$.policies[" + i + "]");
            }
            JsonNode rs = array(root, "rules", "$", false);
            for (int i = 0; rs != null && i < rs.size(); i++) {
                rule(rs.get(i), "$.rules[" + i + "]");
            }
            fallback = text(root, "fallback", "$", true);
        }

        void policy(JsonNode n, String path) {
            if (!isObject(n, path)) {
                return;
            }
            allowOnly(n, path, Set.of("name", "calendar", "targets", "warnings", "atBreach"));
            String name = text(n, "name", path, true);
            String calendar = text(n, "calendar", path, true);
            SlaPolicy.Builder b = SlaPolicy.builder(name, calendar);
            JsonNode targets = n.get("targets");
            if (targets == null || !targets.isObject()) {
                problems.add(SlaMessages.jsonTargetsNotObject(path, targets == null));
            } else {
                for (Map.Entry<String, JsonNode> e : targets.properties()) {
                    String p = path + ".targets." + e.getKey();
                    SlaTarget t = enumOf(e.getKey(), p, SlaTarget.class);
                    Duration d = duration(e.getValue(), p);
                    if (t != null && d != null) {
                        b.target(t, d);
                    }
                }
            }
            JsonNode ws = array(n, "warnings", path, false);
            for (int i = 0; ws != null && i < ws.size(); i++) {
                String p = path + ".warnings[" + i + "]";
                JsonNode w = ws.get(i);
                if (!isObject(w, p)) {
                    continue;
                }
                allowOnly(w, p, Set.of("percent", "effects"));
                JsonNode percent = w.get("percent");
                if (percent == null || !percent.isInt()) {
                    problems.add(SlaMessages.jsonPercentNotWholeNumber(p, percent == null));
                    continue;
                }
                b.warnAt(percent.asInt(), escalations(w, "effects", p).toArray(Escalation[]::new));
            }
            b.atBreach(escalations(n, "atBreach", path).toArray(Escalation[]::new));
            policies.add(b);
            policyNames.add(name);
            policyCalendars.add(calendar);
        }

        List<Escalation> escalations(JsonNode n, String field, String path) {
            List<Escalation> out = new ArrayList<>();
            JsonNode es = array(n, field, path, false);
            for (int i = 0; es != null && i < es.size(); i++) {
                String p = path + "." + field + "[" + i + "]";
                JsonNode e = es.get(i);
                if (!isObject(e, p)) {
                    continue;
                }
                String type = text(e, "type", p, true);
                if (type == null) {
                    continue;
                }
                Escalation esc = switch (type) {
                    case "notifyTeamLead" -> {
                        allowOnly(e, p, Set.of("type"));
                        yield Escalation.notifyTeamLead();
                    }
                    case "raisePriority" -> {
                        allowOnly(e, p, Set.of("type", "levels"));
                        JsonNode levels = e.get("levels");
                        if (levels != null && !levels.isInt()) {
                            problems.add(SlaMessages.jsonLevelsNotWholeNumber(p));
                            yield null;
                        }
                        yield construct(p, () -> Escalation.raisePriority(levels == null ? 1 : levels.asInt()));
                    }
                    case "reassign" -> {
                        allowOnly(e, p, Set.of("type", "target", "agent"));
                        Escalation.Reassign.Target target = enumOf(text(e, "target", p, true), p + ".target",
                                Escalation.Reassign.Target.class);
                        String agent = text(e, "agent", p, false);
                        yield target == null ? null : construct(p, () -> new Escalation.Reassign(target,
                                Optional.ofNullable(agent).map(AgentId::new)));
                    }
                    default -> {
                        problems.add(SlaMessages.jsonUnknownEscalation(p, type, ESCALATION_TYPES));
                        yield null;
                    }
                };
                if (esc != null) {
                    out.add(esc);
                }
            }
            return out;
        }

        void rule(JsonNode n, String path) {
            if (!isObject(n, path)) {
                return;
            }
            allowOnly(n, path, Set.of("policy", "type", "classification", "priority", "organization"));
            String policy = text(n, "policy", path, true);
            String type = text(n, "type", path, false);
            String classification = text(n, "classification", path, false);
            String priorityText = text(n, "priority", path, false);
            Priority priority = priorityText == null ? null : enumOf(priorityText, path + ".priority", Priority.class);
            String org = text(n, "organization", path, false);
            OrganizationId organization = null;
            if (org != null) {
                try {
                    organization = new OrganizationId(UUID.fromString(org));
                } catch (IllegalArgumentException e) {
                    problems.add(SlaMessages.jsonNotAnOrganizationId(path, org));
                }
            }
            if (policy == null) {
                return;
            }
            OrganizationId o = organization;
            SlaRule rule = construct(path, () -> new SlaRule(policy, Optional.ofNullable(type),
                    Optional.ofNullable(classification).map(Classification::of), Optional.ofNullable(priority),
                    Optional.ofNullable(o)));
            if (rule != null) {
                rules.add(rule);
            }
        }

        private Duration duration(JsonNode v, String path) {
            if (!v.isTextual()) {
                problems.add(SlaMessages.jsonDurationNotText(path));
                return null;
            }
            try {
                return Duration.parse(v.asText());
            } catch (DateTimeParseException e) {
                problems.add(SlaMessages.jsonNotADuration(path, v.asText()));
                return null;
            }
        }

        private JsonNode array(JsonNode n, String field, String path, boolean required) {
            JsonNode v = n.get(field);
            if (v == null) {
                if (required) {
                    problems.add(SlaMessages.jsonNotArray(path, field, true));
                }
                return null;
            }
            if (!v.isArray()) {
                problems.add(SlaMessages.jsonNotArray(path, field, false));
                return null;
            }
            return v;
        }

        private <E extends Enum<E>> E enumOf(String value, String path, Class<E> type) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                problems.add(SlaMessages.jsonNotOneOf(path, value, List.of(type.getEnumConstants())));
                return null;
            }
        }
    }
}
