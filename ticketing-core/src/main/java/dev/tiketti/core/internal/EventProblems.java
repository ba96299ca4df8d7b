package dev.tiketti.core.internal;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** The problems of staging and reading outbox entries. Each names the entry or value and the fix. Not API. */
public final class EventProblems {
    private EventProblems() {
    }

    public static TicketingException notOutboxValue(Class<?> type) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "Only events and outbound messages go into the "
                + "outbox, not " + type.getName() + ".");
    }

    public static TicketingException unknownPayload(String entryId, int format, String type, int readFormat,
                                                    Collection<String> readTypes) {
        return unreadable(entryId, "format " + format + ", type '" + type + "' is not one this version of "
                + "Tiketti reads (format " + readFormat + ", types " + readTypes + ")", null);
    }

    /** {@code why} is the JSON reader's own explanation; the payload itself is not repeated. */
    public static TicketingException unreadablePayload(String entryId, String why, Throwable cause) {
        return unreadable(entryId, why, cause);
    }

    private static TicketingException unreadable(String entryId, String why, @Nullable Throwable cause) {
        return new TicketingException(ErrorCode.OUTBOX_ENTRY_UNREADABLE, "Outbox entry " + entryId + " cannot be read ("
                + why + "); it stays in the outbox: upgrade this node to the version that wrote it, or remove the "
                + "entry once its event is no longer needed", cause);
    }
}
