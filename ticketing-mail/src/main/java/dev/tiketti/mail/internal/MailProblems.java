package dev.tiketti.mail.internal;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.mail.MailRejectedException;
import dev.tiketti.mail.MailRejectedException.Reason;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Every message the mail parser reports (STYLE 11, 12). A message names the budget, its value and the
 * value seen, and how to proceed; never a name, an address or a line of the mail.
 */
public final class MailProblems {
    private static final String QUARANTINE = " Keep the raw bytes in quarantine, or raise the budget with "
            + "MailParser.builder().limits(MailLimits.defaults().%s(...)) if such mails are legitimate.";

    private MailProblems() {
    }

    private static MailRejectedException rejected(Reason reason, String wither, String text, @Nullable Throwable cause) {
        return new MailRejectedException(reason, text + String.format(Locale.ROOT, QUARANTINE, wither), cause);
    }

    public static MailRejectedException tooLarge(long seen, long limit) {
        return rejected(Reason.TOO_LARGE, "withMaxRawBytes", String.format(Locale.ROOT,
                "The raw mail has %s bytes, more than the raw-size budget of %d bytes.",
                seen > limit + 1 ? Long.toString(seen) : "more than " + limit, limit), null);
    }

    public static MailRejectedException tooDeep(int limit) {
        return rejected(Reason.TOO_DEEP, "withMaxDepth", String.format(Locale.ROOT,
                "The mail nests multiparts deeper than the depth budget of %d.", limit), null);
    }

    public static MailRejectedException tooManyParts(int limit) {
        return rejected(Reason.TOO_MANY_PARTS, "withMaxParts", String.format(Locale.ROOT,
                "The mail has more MIME parts than the budget of %d.", limit), null);
    }

    public static MailRejectedException tooManyHeaders(int limit, Throwable cause) {
        return rejected(Reason.TOO_MANY_HEADERS, "withMaxHeaderCount", String.format(Locale.ROOT,
                "A header block of the mail has more fields than the budget of %d.", limit), cause);
    }

    public static MailRejectedException headerTooLong(int limit, @Nullable Throwable cause) {
        return rejected(Reason.HEADER_TOO_LONG, "withMaxHeaderLength", String.format(Locale.ROOT,
                "A header field of the mail is longer than the budget of %d characters.", limit), cause);
    }

    public static MailRejectedException lineTooLong(int limit, @Nullable Throwable cause) {
        return rejected(Reason.LINE_TOO_LONG, "withMaxLineLength", String.format(Locale.ROOT,
                "A line of the mail is longer than the budget of %d characters.", limit), cause);
    }

    public static MailRejectedException htmlTooLarge(long seen, int limit) {
        return rejected(Reason.HTML_TOO_LARGE, "withMaxHtmlChars", String.format(Locale.ROOT,
                "The mail's HTML body has %d characters, more than the budget of %d.", seen, limit), null);
    }

    public static MailRejectedException tooManyLinks(int seen, int limit) {
        return rejected(Reason.TOO_MANY_LINKS, "withMaxLinks", String.format(Locale.ROOT,
                "The mail's HTML body has %d links, more than the budget of %d.", seen, limit), null);
    }

    public static MailRejectedException tooSlow(long elapsedMillis, long limitMillis) {
        return rejected(Reason.TOO_SLOW, "withMaxProcessingTime", String.format(Locale.ROOT,
                "Parsing the mail took %d ms, more than the processing-time budget of %d ms.", elapsedMillis,
                limitMillis), null);
    }

    public static MailRejectedException unparseable(Throwable cause) {
        return new MailRejectedException(Reason.UNPARSEABLE, String.format(Locale.ROOT,
                "The MIME parser could not read the mail's structure (%s). Keep the raw bytes in quarantine "
                        + "for a person to look at.", cause.getClass().getSimpleName()), cause);
    }

    public static TicketingException readFailed(IOException cause) {
        return new TicketingException(ErrorCode.MAIL_READ_FAILED, String.format(Locale.ROOT,
                "Reading the raw mail from its stream failed (%s); nothing was parsed. Read the mail again "
                        + "from its source.", cause.getClass().getSimpleName()), cause);
    }

    public static TicketingException limitOutOfRange(String budget, String value, String min, String max) {
        return new TicketingException(ErrorCode.INVALID_MAIL_OPTION, String.format(Locale.ROOT,
                "The mail budget %s is %s, outside its range %s to %s. Pass a value in the range "
                        + "(see docs/mail.md, Budgets).", budget, value, min, max));
    }

    public static TicketingException limitMissing(String budget) {
        return new TicketingException(ErrorCode.INVALID_MAIL_OPTION, String.format(Locale.ROOT,
                "The mail budget %s is missing. Pass a value (see docs/mail.md, Budgets).", budget));
    }

    /** The value is not shown: an address is personal data; its position in the call is. */
    public static TicketingException ownAddressInvalid(int index) {
        return new TicketingException(ErrorCode.INVALID_MAIL_OPTION, String.format(Locale.ROOT,
                "Own address number %d given to MailParser.builder().ownAddresses(...) is not of the form "
                        + "local@domain. Correct it.", index + 1));
    }

    public static TicketingException optionTwice(String option) {
        return new TicketingException(ErrorCode.INVALID_MAIL_OPTION, String.format(Locale.ROOT,
                "MailParser.builder().%s(...) was called twice. Call it once.", option));
    }
}
