package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Require;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * A rule a custom field's value must satisfy, named after its Jakarta Validation counterpart
 * ({@code @Size}, {@code @Pattern}, {@code @DecimalMin}, {@code @DecimalMax}) and with the same
 * default messages. Custom fields are data, not bean properties, so Tiketti evaluates them itself.
 *
 * @since 0.1
 */
public sealed interface FieldConstraint {

    /** The kinds of field this constraint can be declared on. */
    Set<FieldKind> appliesTo();

    /** A violation message for {@code value} (already coerced to the field's kind), or empty if satisfied. */
    Optional<String> check(Object value);

    /** Text length between {@code min} and {@code max}, inclusive ({@code @Size}). */
    record Size(int min, int max) implements FieldConstraint {
        public Size {
            if (min < 0 || max < min) {
                throw TicketMessages.sizeConstraintInvalid(min, max);
            }
        }

        @Override
        public Set<FieldKind> appliesTo() {
            return Set.of(FieldKind.TEXT);
        }

        @Override
        public Optional<String> check(Object value) {
            int length = ((String) value).length();
            return length < min || length > max
                    ? Optional.of(TicketMessages.sizeViolated(min, max)) : Optional.empty();
        }
    }

    /** Text matches the whole regular expression ({@code @Pattern}). */
    record Pattern(String regex) implements FieldConstraint {
        public Pattern {
            Require.nonNull(regex, "regex");
            try {
                java.util.regex.Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw TicketMessages.patternConstraintInvalid(regex, e.getDescription());
            }
        }

        @Override
        public Set<FieldKind> appliesTo() {
            return Set.of(FieldKind.TEXT);
        }

        @Override
        public Optional<String> check(Object value) {
            return java.util.regex.Pattern.compile(regex).matcher((String) value).matches()
                    ? Optional.empty() : Optional.of(TicketMessages.patternViolated(regex));
        }
    }

    /** Number at least {@code min} ({@code @DecimalMin}, inclusive). */
    record Min(BigDecimal min) implements FieldConstraint {
        public Min {
            Require.nonNull(min, "min");
        }

        @Override
        public Set<FieldKind> appliesTo() {
            return Set.of(FieldKind.NUMBER);
        }

        @Override
        public Optional<String> check(Object value) {
            return ((BigDecimal) value).compareTo(min) < 0
                    ? Optional.of(TicketMessages.minViolated(min)) : Optional.empty();
        }
    }

    /** Number at most {@code max} ({@code @DecimalMax}, inclusive). */
    record Max(BigDecimal max) implements FieldConstraint {
        public Max {
            Require.nonNull(max, "max");
        }

        @Override
        public Set<FieldKind> appliesTo() {
            return Set.of(FieldKind.NUMBER);
        }

        @Override
        public Optional<String> check(Object value) {
            return ((BigDecimal) value).compareTo(max) > 0
                    ? Optional.of(TicketMessages.maxViolated(max)) : Optional.empty();
        }
    }

    /** Value is one of a fixed set (the values of an {@link FieldKind#ENUM} field). */
    record AllowedValues(Set<String> values) implements FieldConstraint {
        public AllowedValues {
            values = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Require.listOf(values, "allowed values")));
            if (values.isEmpty()) {
                throw TicketMessages.noAllowedValues();
            }
        }

        @Override
        public Set<FieldKind> appliesTo() {
            return Set.of(FieldKind.ENUM, FieldKind.TEXT);
        }

        @Override
        public Optional<String> check(Object value) {
            return values.contains((String) value)
                    ? Optional.empty() : Optional.of(TicketMessages.notAllowed(values));
        }
    }
}
