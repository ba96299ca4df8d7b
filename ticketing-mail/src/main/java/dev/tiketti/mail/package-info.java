/**
 * Tiketti's mail channel: a shared IMAP mailbox becomes tickets (parsing with mime4j, HTML made safe with jsoup),
 * replies and notices go out by SMTP. Entry point: {@code MailChannel}; raw RFC 5322 bytes become an
 * {@code InboundMail} with {@code MailParser}.
 */
@NullMarked
package dev.tiketti.mail;

import org.jspecify.annotations.NullMarked;
