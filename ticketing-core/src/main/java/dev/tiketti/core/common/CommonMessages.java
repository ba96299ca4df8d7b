package dev.tiketti.core.common;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The messages of the bottom package: argument checks ({@link Require}), ids, keys and
 * classifications, and the texts the exception types assemble. Each method names the value, the
 * problem and the fix. Package-private: not API.
 */
final class CommonMessages {
    private CommonMessages() {
    }

    static TicketingException nullArgument(String what) {
        return new TicketingException(ErrorCode.ARGUMENT_MISSING, what + " must not be null.");
    }

    static TicketingException blankArgument(String what, boolean isNull) {
        return new TicketingException(ErrorCode.ARGUMENT_MISSING,
                what + " must not be " + (isNull ? "null" : "blank") + ".");
    }

    static TicketingException nullElement(String what) {
        return new TicketingException(ErrorCode.ARGUMENT_MISSING, what + " must not contain null.");
    }

    static TicketingException invalidName(String what, String value) {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER, what + " '" + value
                + "' is invalid: use 1-64 letters, digits, '_', '.' or '-', starting with a letter.");
    }

    static TicketingException notAUuid(String what, String value) {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER, what + " '" + value
                + "' is not a UUID: pass the canonical form, e.g. 3f2c1a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f.");
    }

    static TicketingException invalidKeyPrefix(String prefix) {
        return new TicketingException(ErrorCode.MALFORMED_TICKET_KEY, "Ticket key prefix '" + prefix
                + "' is invalid: use 1-10 upper-case letters or digits starting with a letter, e.g. 'HR'.");
    }

    static TicketingException keyNumberNotPositive(long number) {
        return new TicketingException(ErrorCode.MALFORMED_TICKET_KEY, "Ticket key number must be positive, was "
                + number + ": numbers start from 1, as in HR-1.");
    }

    static TicketingException notATicketKey(String text) {
        return new TicketingException(ErrorCode.MALFORMED_TICKET_KEY, "'" + text + "' is not a ticket key: expected "
                + "PREFIX-NUMBER such as HR-1042 (upper-case prefix, a number from 1 without leading zeros).");
    }

    static TicketingException keyNumberTooLarge(String text) {
        return new TicketingException(ErrorCode.MALFORMED_TICKET_KEY, "'" + text + "' is not a ticket key: its "
                + "number is too large (at most " + Long.MAX_VALUE + "). Check the key for extra digits.");
    }

    static TicketingException classificationWithoutSegments() {
        return new TicketingException(ErrorCode.ARGUMENT_MISSING,
                "A classification needs at least one segment, e.g. 'Palvelussuhde/Vuosiloma'.");
    }

    static TicketingException relativeSegment(List<String> segments) {
        return new TicketingException(ErrorCode.INVALID_CLASSIFICATION, "Classification '" + String.join("/", segments)
                + "' has a '.' or '..' segment; a classification is a path of names, not a relative path: "
                + "name each level, e.g. 'Palvelussuhde/Vuosiloma'.");
    }

    static TicketingException classificationTooLong(int segments, int longest) {
        return new TicketingException(ErrorCode.INVALID_CLASSIFICATION, "A classification of " + segments
                + " segment(s), the longest " + longest + " characters, is refused: at most "
                + Classification.MAX_SEGMENTS + " segments of at most " + Classification.MAX_SEGMENT_LENGTH
                + " characters each. Shorten the names or flatten the tree.");
    }

    static TicketingException unstorableSegment(int segment, String problem) {
        return new TicketingException(ErrorCode.INVALID_CLASSIFICATION, "Segment " + segment
                + " of a classification has a character no store keeps faithfully (" + problem
                + "): remove control characters and unpaired surrogates.");
    }

    static TicketingException segmentWithSlash(String segment) {
        return new TicketingException(ErrorCode.INVALID_CLASSIFICATION, "Classification segment '" + segment
                + "' contains '/'; pass the path to Classification.of(...) instead.");
    }

    /** The message of a {@link TransitionRejectedException}. */
    static String transitionRefused(String transition, TicketKey key, List<String> reasons) {
        return "Transition '" + transition + "' of ticket " + key + " was refused: " + String.join("; ", reasons) + ".";
    }

    /** The message of a {@link ValidationException}: fields and rules only, never the rejected values. */
    static String violations(String context, List<FieldViolation> violations) {
        return context + ": " + violations.size() + " violation(s):\n  - "
                + violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("\n  - "));
    }

    // Located problems of a JSON document ({@code path} is a JSON path such as $.states[2])

    /** A value's own check refused it; its message without the code, which the document's code replaces. */
    static String jsonValueRefused(String path, RuntimeException refusal) {
        return path + ": " + String.valueOf(refusal.getMessage()).replaceFirst("^\\[TKT-\\d+\\] ", "");
    }

    /** {@code found} is the JSON node type found, or null when there was nothing. */
    static String jsonNotObject(String path, @Nullable String found) {
        return path + ": expected an object, found " + (found == null ? "nothing" : found);
    }

    static String jsonUnknownProperty(String path, String property, List<String> allowed) {
        return path + "." + property + ": unknown property; allowed here: " + allowed;
    }

    static String jsonMissing(String path, String field) {
        return path + "." + field + ": missing; it is required";
    }

    static String jsonNotText(String path, String field, String found) {
        return path + "." + field + ": expected text, found " + found;
    }
}
