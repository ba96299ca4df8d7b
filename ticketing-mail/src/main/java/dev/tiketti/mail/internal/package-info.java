/**
 * The mail channel's implementation: MIME parsing on mime4j's token stream, header and charset
 * decoding, HTML sanitising with jsoup, quoted-history splitting and machine-mail classification.
 * Not API; may change in any release.
 */
@NullMarked
package dev.tiketti.mail.internal;

import org.jspecify.annotations.NullMarked;
