package dev.tiketti.mail.internal;

import dev.tiketti.core.common.TicketKey;
import java.util.Optional;
import java.util.regex.Pattern;

/** Header values built from data: one line, no control characters, the subject tag once. Not API. */
public final class OutboundHeaders {
    /** CR, LF, the C0 and C1 controls (NEL among them), and the Unicode line and paragraph separators. */
    private static final Pattern BREAKS = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** A Message-ID as it may stand in In-Reply-To and References: printable ASCII, one @, in brackets. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[!-~&&[^<>@]]{1,200}@[!-~&&[^<>@]]{1,200}>");
    private static final int MAX_SUBJECT = 500;

    private OutboundHeaders() {
    }

    /**
     * {@code text} on one line: every run of line breaks and control characters becomes one space;
     * at most {@value #MAX_SUBJECT} code points (never half a surrogate pair).
     */
    public static String oneLine(String text) {
        return cut(SPACES.matcher(BREAKS.matcher(text).replaceAll(" ")).replaceAll(" ").strip());
    }

    /**
     * The subject with the ticket's tag {@code [HR-1042]}: added in front unless it is already there,
     * so that tagging a tagged subject changes nothing.
     */
    public static String tagged(String subject, TicketKey key) {
        String tag = "[" + key + "]";
        String line = oneLine(subject);
        return line.contains(tag) ? line : line.isEmpty() ? tag : cut(tag + " " + line);
    }

    private static String cut(String line) {
        return line.codePointCount(0, line.length()) <= MAX_SUBJECT ? line
                : line.substring(0, line.offsetByCodePoints(0, MAX_SUBJECT)).strip();
    }

    /** {@code id} if it is one well-formed bracketed Message-ID; empty for anything else (a line break, two ids). */
    public static Optional<String> messageId(String id) {
        return id != null && MESSAGE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
