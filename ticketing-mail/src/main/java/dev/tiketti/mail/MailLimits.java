package dev.tiketti.mail;

import dev.tiketti.mail.internal.MailProblems;
import java.time.Duration;

/**
 * The budgets a {@link MailParser} enforces on every raw mail, so that one hostile or broken mail
 * cannot exhaust memory, stack or time; a mail over any of them is rejected with
 * {@link MailRejectedException} naming the budget. Start from {@link #defaults()} and change single
 * budgets with the {@code withX} methods; each value is checked at once.
 *
 * @param maxRawBytes       raw RFC 5322 size (default 10 MiB; 1 byte … 2 GiB − 1)
 * @param maxDepth          multipart nesting depth (default 100; 1 … 1 000)
 * @param maxParts          MIME parts in one mail (default 10 000; 1 … 1 000 000)
 * @param maxHeaderCount    header fields in one header block (default 1 000; 1 … 100 000)
 * @param maxHeaderLength   characters of one unfolded header field (default 64 KiB; 80 … 16 MiB)
 * @param maxLineLength     characters of one line in headers and multipart structure (default 1 MiB; 80 … 64 MiB)
 * @param maxHtmlChars      characters of one HTML body (default 5 MiB; 1 … 256 MiB)
 * @param maxLinks          links in one HTML body (default 10 000; 0 … 10 000 000)
 * @param maxProcessingTime time to parse one mail (default 10 s; 1 ms … 1 h)
 * @since 0.1
 */
public record MailLimits(long maxRawBytes, int maxDepth, int maxParts, int maxHeaderCount, int maxHeaderLength,
        int maxLineLength, int maxHtmlChars, int maxLinks, Duration maxProcessingTime) {

    private static final MailLimits DEFAULTS = new MailLimits(10L * 1024 * 1024, 100, 10_000, 1_000, 64 * 1024,
            1024 * 1024, 5 * 1024 * 1024, 10_000, Duration.ofSeconds(10));

    public MailLimits {
        check("maxRawBytes", maxRawBytes, 1, Integer.MAX_VALUE - 1L);
        check("maxDepth", maxDepth, 1, 1_000);
        check("maxParts", maxParts, 1, 1_000_000);
        check("maxHeaderCount", maxHeaderCount, 1, 100_000);
        check("maxHeaderLength", maxHeaderLength, 80, 16 * 1024 * 1024);
        check("maxLineLength", maxLineLength, 80, 64 * 1024 * 1024);
        check("maxHtmlChars", maxHtmlChars, 1, 256 * 1024 * 1024);
        check("maxLinks", maxLinks, 0, 10_000_000);
        if (maxProcessingTime == null) {
            throw MailProblems.limitMissing("maxProcessingTime");
        }
        if (maxProcessingTime.compareTo(Duration.ofMillis(1)) < 0 || maxProcessingTime.compareTo(Duration.ofHours(1)) > 0) {
            throw MailProblems.limitOutOfRange("maxProcessingTime", maxProcessingTime.toString(), "PT0.001S", "PT1H");
        }
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw MailProblems.limitOutOfRange(name, Long.toString(value), Long.toString(min), Long.toString(max));
        }
    }

    /** The documented defaults: 10 MiB, depth 100, 10 000 parts, 1 000 headers, 64 KiB, 1 MiB, 5 MiB, 10 000 links, 10 s. */
    public static MailLimits defaults() {
        return DEFAULTS;
    }

    /** With another raw-size budget (bytes). */
    public MailLimits withMaxRawBytes(long value) {
        return new MailLimits(value, maxDepth, maxParts, maxHeaderCount, maxHeaderLength, maxLineLength, maxHtmlChars,
                maxLinks, maxProcessingTime);
    }

    /** With another nesting-depth budget. */
    public MailLimits withMaxDepth(int value) {
        return new MailLimits(maxRawBytes, value, maxParts, maxHeaderCount, maxHeaderLength, maxLineLength, maxHtmlChars,
                maxLinks, maxProcessingTime);
    }

    /** With another part-count budget. */
    public MailLimits withMaxParts(int value) {
        return new MailLimits(maxRawBytes, maxDepth, value, maxHeaderCount, maxHeaderLength, maxLineLength, maxHtmlChars,
                maxLinks, maxProcessingTime);
    }

    /** With another header-count budget (per header block). */
    public MailLimits withMaxHeaderCount(int value) {
        return new MailLimits(maxRawBytes, maxDepth, maxParts, value, maxHeaderLength, maxLineLength, maxHtmlChars,
                maxLinks, maxProcessingTime);
    }

    /** With another header-length budget (characters of one unfolded field). */
    public MailLimits withMaxHeaderLength(int value) {
        return new MailLimits(maxRawBytes, maxDepth, maxParts, maxHeaderCount, value, maxLineLength, maxHtmlChars,
                maxLinks, maxProcessingTime);
    }

    /** With another line-length budget. */
    public MailLimits withMaxLineLength(int value) {
        return new MailLimits(maxRawBytes, maxDepth, maxParts, maxHeaderCount, maxHeaderLength, value, maxHtmlChars,
                maxLinks, maxProcessingTime);
    }

    /** With another HTML-size budget (characters). */
    public MailLimits withMaxHtmlChars(int value) {
        return new MailLimits(maxRawBytes, maxDepth, maxParts, maxHeaderCount, maxHeaderLength, maxLineLength, value,
                maxLinks, maxProcessingTime);
    }

    /** With another link-count budget. */
    public MailLimits withMaxLinks(int value) {
        return new MailLimits(maxRawBytes, maxDepth, maxParts, maxHeaderCount, maxHeaderLength, maxLineLength,
                maxHtmlChars, value, maxProcessingTime);
    }

    /** With another processing-time budget. */
    public MailLimits withMaxProcessingTime(Duration value) {
        return new MailLimits(maxRawBytes, maxDepth, maxParts, maxHeaderCount, maxHeaderLength, maxLineLength,
                maxHtmlChars, maxLinks, value);
    }
}
