package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import dev.tiketti.mail.internal.MailProblems;
import dev.tiketti.mail.internal.MimeMailReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Turns raw RFC 5322 bytes into an {@link InboundMail}, without touching any store: for hosts whose mail
 * arrives by a Postfix pipe, a webhook or a MIME export, and for Tiketti's own IMAP poller. Lenient on
 * malformed mail (missing boundaries, bad base64, broken charsets, bare LF: best effort, never an
 * exception), strict on its budgets ({@link MailLimits}): a mail over one is rejected with
 * {@link MailRejectedException}. Immutable, thread-safe and reusable; build it once.
 *
 * <pre>{@code
 * MailParser parser = MailParser.builder()
 *         .limits(MailLimits.defaults().withMaxRawBytes(25L * 1024 * 1024))
 *         .ownAddresses(List.of("tuki@example.fi"))
 *         .build();
 * InboundMail mail = parser.parse(rawBytes);
 * }</pre>
 *
 * @since 0.1
 */
public final class MailParser {
    private final MailLimits limits;
    private final Set<String> ownAddresses;
    private final MimeMailReader reader;

    private MailParser(Builder b) {
        this.limits = b.limits;
        this.ownAddresses = Set.copyOf(b.ownAddresses);
        this.reader = new MimeMailReader(limits, ownAddresses, b.nanoTime);
    }

    /** A parser with {@link MailLimits#defaults()}, no own addresses, and the system's nanosecond timer. */
    public static MailParser defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses one raw mail.
     *
     * @throws MailRejectedException when the mail breaks a budget
     */
    public InboundMail parse(byte[] raw) {
        Require.nonNull(raw, "raw");
        return reader.read(raw);
    }

    /**
     * Reads at most the raw-size budget + 1 bytes from {@code raw} (so an endless stream cannot
     * exhaust memory), then parses them; the stream is not closed.
     *
     * @throws MailRejectedException when the mail breaks a budget (more bytes than the raw-size budget)
     * @throws dev.tiketti.core.common.TicketingException with {@code MAIL_READ_FAILED} when the stream fails
     */
    public InboundMail parse(InputStream raw) {
        Require.nonNull(raw, "raw");
        return reader.read(raw);
    }

    /** The budgets this parser enforces. */
    public MailLimits limits() {
        return limits;
    }

    /** The host's own addresses (lower-case) whose mail is classified {@link MailKind#OWN_LOOP}. */
    public Set<String> ownAddresses() {
        return ownAddresses;
    }

    /**
     * Configures a {@link MailParser}; each option is checked when set and may be set once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private MailLimits limits = MailLimits.defaults();
        private Set<String> ownAddresses = Set.of();
        // the only place the system timer is named: everything else reads the injected ticker
        private LongSupplier nanoTime = System::nanoTime;
        private final Set<String> set = new LinkedHashSet<>();

        private Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw MailProblems.optionTwice(option);
            }
        }

        /** The budgets to enforce (default {@link MailLimits#defaults()}). */
        public Builder limits(MailLimits limits) {
            Require.nonNull(limits, "limits");
            once("limits");
            this.limits = limits;
            return this;
        }

        /**
         * The host's own sending addresses: mail from one of them is its own mail coming back and is
         * classified {@link MailKind#OWN_LOOP} (as is mail with an {@code X-Tiketti-*} header).
         * Compared case-insensitively.
         */
        public Builder ownAddresses(Collection<String> addresses) {
            Require.nonNull(addresses, "addresses");
            once("ownAddresses");
            List<String> normalised = new ArrayList<>();
            int i = 0;
            for (String a : addresses) {
                String s = a == null ? "" : a.strip();
                int at = s.lastIndexOf('@');
                if (at <= 0 || at == s.length() - 1 || s.chars().anyMatch(Character::isWhitespace)) {
                    throw MailProblems.ownAddressInvalid(i);
                }
                normalised.add(s.toLowerCase(Locale.ROOT));
                i++;
            }
            this.ownAddresses = Set.copyOf(normalised);
            return this;
        }

        /**
         * The nanosecond timer the processing-time budget is measured with (default {@code System::nanoTime});
         * tests pass a fake one.
         */
        public Builder nanoTime(LongSupplier nanoTime) {
            Require.nonNull(nanoTime, "nanoTime");
            once("nanoTime");
            this.nanoTime = nanoTime;
            return this;
        }

        /** The parser; immutable and thread-safe. */
        public MailParser build() {
            return new MailParser(this);
        }
    }
}
