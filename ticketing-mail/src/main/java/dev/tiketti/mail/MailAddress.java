package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import java.util.Optional;

/**
 * One mailbox of a mail header (From, To, Cc, Reply-To): the address with its domain lower-cased and
 * the display name decoded (RFC 2047, raw 8-bit), so two spellings of one mailbox compare equal.
 *
 * @param address   {@code local@domain}, domain lower-cased, local part as written; never blank
 * @param name      the decoded display name, empty if the header gave none
 * @since 0.1
 */
public record MailAddress(String address, Optional<String> name) {
    public MailAddress {
        Require.notBlank(address, "address");
        Require.nonNull(name, "name");
    }

    /** The part before the last {@code @} (the whole address if it has none). */
    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    /** The domain after the last {@code @}, lower-case; empty if the address has none. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }
}
