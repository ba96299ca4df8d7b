package dev.tiketti.core.internal;

import dev.tiketti.core.ErrorCode;
import dev.tiketti.core.TicketingException;
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

    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }
}
