package dev.tiketti.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The human key of a ticket, such as {@code HR-1042}: the team's prefix and a per-prefix sequence.
 *
 * @since 0.1
 */
public record TicketKey(String prefix, long number) {
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");

    public TicketKey {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new TicketingException(ErrorCode.ARGUMENT_INVALID, "Ticket key prefix '" + prefix
                    + "' is invalid: use 1-10 upper-case letters or digits starting with a letter, e.g. 'HR'.");
        }
        if (number < 1) {
            throw new TicketingException(ErrorCode.ARGUMENT_INVALID,
                    "Ticket key number must be positive, was " + number + ".");
        }
    }

    /** Parses {@code PREFIX-NUMBER}, e.g. {@code HR-1042}. */
    public static TicketKey parse(String text) {
        Objects.requireNonNull(text, "text");
        int dash = text.lastIndexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            throw new TicketingException(ErrorCode.ARGUMENT_INVALID,
                    "'" + text + "' is not a ticket key: expected PREFIX-NUMBER such as HR-1042.");
        }
        try {
            return new TicketKey(text.substring(0, dash), Long.parseLong(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new TicketingException(ErrorCode.ARGUMENT_INVALID,
                    "'" + text + "' is not a ticket key: the part after '-' must be a number, as in HR-1042.");
        }
    }

    @Override
    public String toString() {
        return prefix + "-" + number;
    }
}
