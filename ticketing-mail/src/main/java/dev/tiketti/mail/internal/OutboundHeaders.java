package dev.tiketti.mail.internal;

import dev.tiketti.core.common.TicketKey;
import java.util.Optional;
import java.util.regex.Pattern;

/** Header values built from data: one line, no control characters, the subject tag once. Not API. */
public final class OutboundHeaders {
    /** CR, LF, the other line and paragraph separators, and every other control character. */
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** A Message-ID as it may stand in In-Reply-To and References: printable ASCII, one @, in brackets. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[!-~&&[^<>@]]{1,200}@[!-~&&[^<>@]]{1,200}>");
    private static final int MAX_SUBJECT = 500;

    private OutboundHeaders() {
    }

    /** {@code text} on one line: every run of line breaks and control characters becomes one space. */
    public static String oneLine(String text) {
        String line = SPACES.matcher(BREAKS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
        return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT).strip();
    }

    /** The subject with the ticket's tag {@code [HR-1042]} exactly once: added in front unless it is already there. */
    public static String tagged(String subject, TicketKey key) {
        String tag = "[" + key + "]";
        String line = oneLine(subject);
        return line.contains(tag) ? line : line.isEmpty() ? tag : tag + " " + line;
    }

    /** {@code id} if it is one well-formed bracketed Message-ID; empty for anything else (a line break, two ids). */
    public static Optional<String> messageId(String id) {
        return id != null && MESSAGE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
