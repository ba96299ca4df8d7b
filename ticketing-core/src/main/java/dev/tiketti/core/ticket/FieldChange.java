package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Require;
import java.util.Optional;

/**
 * One field's change in a history entry: its name and its values before and after, as text.
 * Built-in fields are named {@code state}, {@code assignee}, {@code priority}, {@code classification},
 * {@code resolution}, {@code subject}; custom fields {@code fields.<name>}.
 *
 * @since 0.1
 */
public record FieldChange(String field, Optional<String> from, Optional<String> to) {
    public FieldChange {
        Require.nonNull(field, "field");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
    }

    public static FieldChange of(String field, Object from, Object to) {
        return new FieldChange(field, Optional.ofNullable(from).map(String::valueOf),
                Optional.ofNullable(to).map(String::valueOf));
    }
}
