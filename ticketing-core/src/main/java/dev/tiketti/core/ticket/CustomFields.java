package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The custom field values of a ticket, by field name, each already converted to its kind's
 * canonical type ({@code String}, {@code BigDecimal}, {@code LocalDate}, {@code Boolean},
 * {@code ContactId}). Immutable.
 *
 * @since 0.1
 */
public record CustomFields(Map<String, Object> values) {
    private static final CustomFields EMPTY = new CustomFields(Map.of());

    public CustomFields {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Require.nonNull(values, "values")));
    }

    public static CustomFields empty() {
        return EMPTY;
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A copy with {@code name} set to {@code value}, or removed when {@code value} is empty. */
    public CustomFields with(String name, Optional<Object> value) {
        var copy = new LinkedHashMap<>(values);
        value.ifPresentOrElse(v -> copy.put(name, v), () -> copy.remove(name));
        return new CustomFields(copy);
    }
}
