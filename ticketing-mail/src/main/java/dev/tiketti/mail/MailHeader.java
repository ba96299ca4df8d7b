package dev.tiketti.mail;

import dev.tiketti.core.common.Require;

/**
 * One top-level header field of a parsed mail, as the classifier and threading read it: the name as
 * written and the value unfolded and decoded (RFC 2047, raw 8-bit), with control characters replaced
 * by spaces.
 *
 * @since 0.1
 */
public record MailHeader(String name, String value) {
    public MailHeader {
        Require.notBlank(name, "name");
        Require.nonNull(value, "value");
    }
}
