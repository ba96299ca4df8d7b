package dev.tiketti.core.common;

import java.util.Optional;

/**
 * One broken rule of a custom field: which field, what is wrong, and the rejected value
 * (absent when the value was missing). The rejected value may be personal data: show it to
 * the person who typed it, do not log it.
 *
 * @since 0.1
 */
public record FieldViolation(String field, String message, Optional<Object> rejectedValue) {
    public FieldViolation {
        Require.nonNull(field, "field");
        Require.nonNull(message, "message");
        Require.nonNull(rejectedValue, "rejectedValue");
    }
}
