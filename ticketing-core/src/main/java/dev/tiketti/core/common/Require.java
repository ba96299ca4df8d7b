package dev.tiketti.core.common;

import java.util.UUID;
import java.util.regex.Pattern;

/** Argument checks shared by public entry points; not API. */
public final class Require {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private Require() {
    }

    public static <T> T nonNull(T value, String what) {
        if (value == null) {
            throw new TicketingException(ErrorCode.ARGUMENT_MISSING, what + " must not be null.");
        }
        return value;
    }

    public static String notBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new TicketingException(ErrorCode.ARGUMENT_MISSING,
                    what + " must not be " + (value == null ? "null" : "blank") + ".");
        }
        return value;
    }

    /** A machine name: states, transitions, fields, type and workflow ids. */
    public static String name(String value, String what) {
        notBlank(value, what);
        if (!NAME.matcher(value).matches()) {
            throw new TicketingException(ErrorCode.ARGUMENT_INVALID, what + " '" + value
                    + "' is invalid: use 1-64 letters, digits, '_', '.' or '-', starting with a letter.");
        }
        return value;
    }

    /** An unmodifiable copy of {@code values}, which must be present and hold no null element. */
    public static <T> java.util.List<T> listOf(java.util.Collection<? extends T> values, String what) {
        nonNull(values, what);
        for (T value : values) {
            if (value == null) {
                throw new TicketingException(ErrorCode.ARGUMENT_MISSING, what + " must not contain null.");
            }
        }
        return java.util.List.copyOf(values);
    }

    /** Fails with {@link ErrorCode#ARGUMENT_INVALID} and {@code message} unless {@code ok}. */
    public static void argument(boolean ok, String message) {
        if (!ok) {
            throw new TicketingException(ErrorCode.ARGUMENT_INVALID, message);
        }
    }

    /** Parses the canonical UUID form of an id, failing with {@link ErrorCode#ARGUMENT_INVALID}. */
    public static UUID uuid(String value, String what) {
        notBlank(value, what);
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new TicketingException(ErrorCode.ARGUMENT_INVALID, what + " '" + value
                    + "' is not a UUID: pass the canonical form, e.g. 3f2c1a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f.");
        }
    }

    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }
}
