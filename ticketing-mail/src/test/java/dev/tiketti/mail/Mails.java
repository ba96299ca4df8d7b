package dev.tiketti.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test mails under {@code src/test/resources/mail/}, all written for these tests. */
final class Mails {
    static final MailParser PARSER = MailParser.defaults();

    private Mails() {
    }

    static byte[] raw(String name) {
        try (InputStream in = Mails.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test mail " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InboundMail parse(String name) {
        return PARSER.parse(raw(name));
    }
}
