package dev.tiketti.core.common;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Argument checks shared by public entry points; not API. The messages live in the catalogues:
 * {@code what} is the parameter's name, and {@link #argument} takes the problem a catalogue made.
 */
public final class Require {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private Require() {
    }

    public static <T> T nonNull(T value, String what) {
        if (value == null) {
            throw CommonMessages.nullArgument(what);
        }
        return value;
    }

    public static String notBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw CommonMessages.blankArgument(what, value == null);
        }
        return value;
    }

    /** A machine name: states, transitions, fields, type and workflow ids. */
    public static String name(String value, String what) {
        notBlank(value, what);
        if (!NAME.matcher(value).matches()) {
            throw CommonMessages.invalidName(what, value);
        }
        return value;
    }

    /** An unmodifiable copy of {@code values}, which must be present and hold no null element. */
    public static <T> java.util.List<T> listOf(java.util.Collection<? extends T> values, String what) {
        nonNull(values, what);
        for (T value : values) {
            if (value == null) {
                throw CommonMessages.nullElement(what);
            }
        }
        return java.util.List.copyOf(values);
    }

    /**
     * Throws the problem {@code problem} makes unless {@code ok}, e.g.
     * {@code Require.argument(limit >= 1, () -> TicketMessages.queryLimit(limit))}. There is no
     * overload taking message text: every message is a method of a catalogue.
     */
    public static void argument(boolean ok, Supplier<? extends TicketingException> problem) {
        if (!ok) {
            throw problem.get();
        }
    }

    /** Parses the canonical UUID form of an id, failing with {@link ErrorCode#INVALID_IDENTIFIER}. */
    public static UUID uuid(String value, String what) {
        notBlank(value, what);
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw CommonMessages.notAUuid(what, value);
        }
    }

    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }
}
