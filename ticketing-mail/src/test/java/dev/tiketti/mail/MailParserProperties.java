package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Properties of the parser: a mail rendered by an independent writer (Jakarta Mail / Angus, which
 * picks quoted-printable or base64, RFC 2047 and RFC 2231 itself) parses back to the fields it was
 * built from; and no byte sequence — random, or a test mail with random damage — makes the parser
 * throw anything but {@link MailRejectedException}.
 */
class MailParserProperties {
    static final long SEED = Long.getLong("tiketti.seed", 20_261_208L);
    static final String LETTERS = "abcdefghijklmnopqrstuvwxyzäöåÄÖÅ€ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final String PUNCTUATION = " ,.:;!?'\"()=_-/@";
    static final List<String> WORDS = List.of("hei", "kiitos", "tilaus", "lasku", "päivä", "käyttäjä", "hälytys",
            "Åland", "räksmörgås", "öljy", "€", "maksu", "sopimus", "liite", "tervetuloa", "ärsyttävä", "hyvää");
    static final Session SESSION = Session.getInstance(new Properties());

    record Attachment(String name, String type, byte[] bytes) {
    }

    record Mail(String fromAddress, String fromName, String subject, String body, List<Attachment> attachments) {
    }

    static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples).withShrinkCycles(100);
    }

    static int between(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    static String text(RandomnessSource in, String alphabet, int min, int max) {
        int n = between(in, min, max);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(between(in, 0, alphabet.length() - 1)));
        }
        return s.toString();
    }

    static Gen<Mail> mails() {
        return in -> {
            String address = text(in, "abcdefghijklmnopqrstuvwxyz", 1, 10) + "." + text(in, "abcdefghij", 1, 8)
                    + "@example." + (between(in, 0, 1) == 0 ? "fi" : "com");
            String name = (text(in, LETTERS, 1, 12) + text(in, LETTERS + PUNCTUATION, 0, 20) + text(in, LETTERS, 1, 5))
                    .replaceAll("\\s+", " ");
            String subject = (text(in, LETTERS, 1, 5) + text(in, LETTERS + PUNCTUATION, 0, 120) + text(in, LETTERS, 1, 3))
                    .replaceAll("\\s+", " ");
            StringBuilder body = new StringBuilder();
            int lines = between(in, 1, 30);
            for (int l = 0; l < lines; l++) {
                int words = between(in, 1, 25);
                for (int w = 0; w < words; w++) {
                    body.append(w == 0 ? "" : " ").append(WORDS.get(between(in, 0, WORDS.size() - 1)));
                }
                body.append(l == lines - 1 ? "" : between(in, 0, 4) == 0 ? "\n\n" : "\n");
            }
            List<Attachment> attachments = new ArrayList<>();
            int count = between(in, 0, 3);
            for (int a = 0; a < count; a++) {
                String file = text(in, LETTERS, 1, 3) + text(in, LETTERS + " -_", 0, 40).strip() + text(in, LETTERS, 1, 2)
                        + (between(in, 0, 1) == 0 ? ".pdf" : ".dat");
                // one drawn seed fills the bytes: drawing each byte would make generation the slow part
                byte[] bytes = new byte[between(in, 0, 3_000)];
                new java.util.SplittableRandom(in.next(Constraint.none())).nextBytes(bytes);
                attachments.add(new Attachment(file.replaceAll("\\s+", " "),
                        file.endsWith(".pdf") ? "application/pdf" : "application/octet-stream", bytes));
            }
            return new Mail(address, name, subject, body.toString(), attachments);
        };
    }

    static byte[] render(Mail mail) {
        try {
            MimeMessage m = new MimeMessage(SESSION);
            m.setFrom(new InternetAddress(mail.fromAddress(), mail.fromName(), "UTF-8"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("tuki@example.fi"));
            m.setSubject(mail.subject(), "UTF-8");
            if (mail.attachments().isEmpty()) {
                m.setText(mail.body(), "UTF-8");
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.body(), "UTF-8");
                mixed.addBodyPart(text);
                for (Attachment a : mail.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setContent(a.bytes(), a.type());
                    part.setFileName(a.name());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    part.setHeader("Content-Transfer-Encoding", "base64");
                    mixed.addBodyPart(part);
                }
                m.setContent(mixed);
            }
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRenderedMailParsesBackToItsFields() {
        MailParser parser = MailParser.defaults();
        qt(200).forAll(mails()).checkAssert(mail -> {
            InboundMail parsed = parser.parse(render(mail));
            assertThat(parsed.from()).contains(new MailAddress(mail.fromAddress(), Optional.of(mail.fromName())));
            assertThat(parsed.subject()).isEqualTo(mail.subject());
            assertThat(parsed.text()).isEqualTo(mail.body());
            assertThat(parsed.quoted()).isEmpty();
            assertThat(parsed.kind()).isEqualTo(MailKind.PERSONAL);
            assertThat(parsed.attachments()).hasSameSizeAs(mail.attachments());
            for (int i = 0; i < mail.attachments().size(); i++) {
                Attachment want = mail.attachments().get(i);
                MailAttachment got = parsed.attachments().get(i);
                assertThat(got.fileName()).isEqualTo(want.name());
                assertThat(got.mediaType()).isEqualTo(want.type());
                assertThat(got.bytes()).isEqualTo(want.bytes());
            }
        });
    }

    static final List<String> TEST_MAILS = List.of("outlook-fi-reply.eml", "gmail-en-reply.eml", "apple-sv-related.eml",
            "thunderbird-mixed.eml", "dsn-full.eml", "dsn-headers-only.eml", "hostile-html.eml", "charset-mix.eml",
            "broken-no-end-boundary.eml", "outlook-tnef.eml");

    /** A test mail with random damage: bytes overwritten, removed, or a chunk repeated. */
    static Gen<byte[]> damagedMails() {
        return in -> {
            byte[] raw = Mails.raw(TEST_MAILS.get(between(in, 0, TEST_MAILS.size() - 1)));
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 100);
            int edits = between(in, 1, 20);
            int[] at = new int[edits];
            for (int e = 0; e < edits; e++) {
                at[e] = between(in, 0, raw.length - 1);
            }
            java.util.Arrays.sort(at);
            int pos = 0;
            for (int e = 0; e < edits; e++) {
                if (at[e] < pos) {
                    continue;
                }
                out.write(raw, pos, at[e] - pos);
                pos = at[e];
                switch (between(in, 0, 3)) {
                    case 0 -> out.write(between(in, 0, 255));
                    case 1 -> pos += between(in, 1, 50);
                    case 2 -> {
                        int len = Math.min(between(in, 1, 200), raw.length - pos);
                        out.write(raw, pos, len);
                    }
                    default -> out.writeBytes("\r\n--".getBytes(StandardCharsets.US_ASCII));
                }
                pos = Math.min(pos, raw.length);
            }
            out.write(raw, pos, raw.length - pos);
            return out.toByteArray();
        };
    }

    static Gen<byte[]> randomBytes() {
        String syntax = "From: =?utf-8?B?w6Q=?=\r\nContent-Type: multipart/mixed; boundary=x\r\n--x\r\n\r\n<html>cid:";
        return in -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pieces = between(in, 0, 40);
            for (int p = 0; p < pieces; p++) {
                if (between(in, 0, 1) == 0) {
                    int a = between(in, 0, syntax.length() - 1);
                    int b = between(in, a, syntax.length());
                    out.writeBytes(syntax.substring(a, b).getBytes(StandardCharsets.UTF_8));
                } else {
                    for (int i = between(in, 1, 30); i > 0; i--) {
                        out.write(between(in, 0, 255));
                    }
                }
            }
            return out.toByteArray();
        };
    }

    @Test
    void damagedMailsNeverThrowAnythingButARejection() {
        MailParser parser = MailParser.defaults();
        qt(1_000).forAll(damagedMails()).checkAssert(raw -> assertThatCode(() -> {
            try {
                parser.parse(raw);
            } catch (MailRejectedException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        }).doesNotThrowAnyException());
    }

    @Test
    void randomBytesNeverThrowAnythingButARejection() {
        MailParser parser = MailParser.defaults();
        qt(1_000).forAll(randomBytes()).checkAssert(raw -> assertThatCode(() -> {
            try {
                parser.parse(raw);
            } catch (MailRejectedException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        }).doesNotThrowAnyException());
    }

}
