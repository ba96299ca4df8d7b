package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks of the adapter, with the same codes and wording as core's (whose own helper is
 * in a package core does not export to adapters).
 */
public final class Args {
    private Args() {
    }

    public static <T> T nonNull(@Nullable T value, String what) {
        if (value == null) {
            throw new TicketingException(ErrorCode.ARGUMENT_MISSING, what + " must not be null.");
        }
        return value;
    }

    public static String notBlank(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new TicketingException(ErrorCode.ARGUMENT_MISSING,
                    what + " must not be " + (value == null ? "null" : "blank") + ".");
        }
        return value;
    }
}
