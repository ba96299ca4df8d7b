package dev.tiketti.core.ticket;

import dev.tiketti.core.common.ContactId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The value kinds a custom field can hold, and the Java types accepted for each.
 *
 * @since 0.1
 */
public enum FieldKind {
    /** Free text; accepts any {@link CharSequence}. */
    TEXT("text"),
    /** A decimal number; accepts any {@link Number} or a numeric string, stored as {@link BigDecimal}. */
    NUMBER("a number"),
    /** A calendar date; accepts {@link LocalDate} or an ISO-8601 string such as {@code 2025-06-19}. */
    DATE("a date (yyyy-MM-dd)"),
    /** One of a fixed set of values (see {@link FieldConstraint.AllowedValues}); accepts a string. */
    ENUM("one of the allowed values"),
    /** True or false; accepts {@link Boolean} or the strings {@code true} / {@code false}. */
    BOOLEAN("true or false"),
    /** A reference to a contact; accepts {@link ContactId} or its UUID string. */
    CONTACT("a contact id");

    private final String expected;

    FieldKind(String expected) {
        this.expected = expected;
    }

    /** Words for an error message: what a value of this kind looks like. */
    public String expected() {
        return expected;
    }

    /**
     * One form per amount, so that 3, 3.0 and 3.00 are the same value: an update from one to the
     * other is no change, and history shows "3", never "3.0" against "3".
     */
    private static BigDecimal number(Object raw) {
        BigDecimal n = anyNumber(raw);
        if (n == null) {
            return null;
        }
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal anyNumber(Object raw) {
        if (raw instanceof BigDecimal bd) {
            return bd;
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null; // NaN and infinities are no amounts
        }
        if (raw instanceof java.math.BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (raw instanceof Number n) {
            return new BigDecimal(n.toString()); // AtomicLong, LongAdder, host types with a decimal toString
        }
        return raw instanceof String s ? new BigDecimal(s.strip()) : null;
    }

    /** Converts a raw value to this kind's canonical Java type, or empty if it has the wrong type. */
    public Optional<Object> coerce(Object raw) {
        try {
            return Optional.ofNullable(switch (this) {
                case TEXT, ENUM -> raw instanceof CharSequence cs ? cs.toString() : null;
                case NUMBER -> number(raw);
                case DATE -> raw instanceof LocalDate d ? d : raw instanceof String s ? LocalDate.parse(s.strip()) : null;
                case BOOLEAN -> raw instanceof Boolean b ? b
                        : "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : null;
                case CONTACT -> raw instanceof ContactId c ? c : raw instanceof String s ? ContactId.of(s.strip()) : null;
            });
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // e.g. a malformed UUID
        }
    }
}
