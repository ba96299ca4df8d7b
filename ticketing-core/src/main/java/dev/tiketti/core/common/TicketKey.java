package dev.tiketti.core.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human key of a ticket, such as {@code HR-1042}: the team's prefix and a per-prefix sequence.
 *
 * @since 0.1
 */
public record TicketKey(String prefix, long number) {
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");
    private static final Pattern KEY = Pattern.compile("([A-Z][A-Z0-9]{0,9})-([1-9][0-9]*)");

    public TicketKey {
        Require.notBlank(prefix, "ticket key prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw CommonMessages.invalidKeyPrefix(prefix);
        }
        if (number < 1) {
            throw CommonMessages.keyNumberNotPositive(number);
        }
    }

    /**
     * Parses {@code PREFIX-NUMBER}, e.g. {@code HR-1042}: exactly the form {@link #toString()}
     * produces, so a number with leading zeros ({@code HR-007}), a sign or spaces is refused
     * rather than silently naming another ticket's text form.
     */
    public static TicketKey parse(String text) {
        Require.notBlank(text, "ticket key");
        Matcher m = KEY.matcher(text);
        if (!m.matches()) {
            throw CommonMessages.notATicketKey(text);
        }
        long number;
        try {
            number = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw CommonMessages.keyNumberTooLarge(text);
        }
        return new TicketKey(m.group(1), number);
    }

    @Override
    public String toString() {
        return prefix + "-" + number;
    }
}
