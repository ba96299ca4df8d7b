package dev.tiketti.core.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Shared base of the JSON definition readers (workflows, SLA policies): walks a Jackson tree and
 * collects every problem with its JSON path instead of stopping at the first, so that one error
 * can list them all.
 */
public abstract class JsonTreeReader {

    /** Every problem found so far, each prefixed with its JSON path. */
    protected final List<String> problems = new ArrayList<>();

    /** The problems found so far, in the order they were found. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Constructs a value, turning a constructor's own argument check into a located problem. */
    protected <T> @Nullable T construct(String path, Supplier<T> make) {
        int before = problems.size();
        try {
            T value = make.get();
            return problems.size() == before ? value : null;
        } catch (TicketingException | IllegalArgumentException | NullPointerException e) {
            if (problems.size() == before) {
                problems.add(CommonMessages.jsonValueRefused(path, e));
            }
            return null;
        }
    }

    protected boolean isObject(@Nullable JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            problems.add(CommonMessages.jsonNotObject(path, n == null ? null : kind(n)));
            return false;
        }
        return true;
    }

    protected static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    protected void allowOnly(JsonNode n, String path, Set<String> allowed) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(CommonMessages.jsonUnknownProperty(path, name, allowed.stream().sorted().toList()));
            }
        }
    }

    protected @Nullable String text(JsonNode n, String field, String path, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(CommonMessages.jsonMissing(path, field));
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(CommonMessages.jsonNotText(path, field, kind(v)));
            return null;
        }
        return v.asText();
    }
}
